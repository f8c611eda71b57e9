"""Two saved `wcxb.py --json` runs, page by page: what a change (or a retrain) moved.

A change is judged by the pages it moves, not only by the means: a mean that stays may hide
pages that swap places. The same for the metadata agreements (title, author, byline, date, on
the pages whose truth has the field, of every page type) and the page type: how many pages each run gets right, and
how many the second run gains and loses. Both runs must score the same pages (same folds and sources); pages in
one run only are counted and left out. Pages of the held-back fold (`corpus.HELD_OUT_FOLD`) that
moved are counted, not listed, as `metadata.py` shows no failures of it. Thresher's word F1 is compared as `wcxb.py` scores it
(pages with an empty reference left out); trafilatura's, from each run, counts the pages far
below it (`wcxb.GAP`).

    python benchmarks/wcxb.py --folds 0,1,2,3 --source all --model-dir DIR --json /tmp/before.json
    ... change the code ...
    python benchmarks/wcxb.py --folds 0,1,2,3 --source all --model-dir DIR --json /tmp/after.json
    python benchmarks/compare.py /tmp/before.json /tmp/after.json            # pages moved by > 0.1
    python benchmarks/compare.py /tmp/before.json /tmp/after.json --moved 0  # every page that moved
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import corpus
from wcxb import GAP, far_below

Key = tuple[str, str]


def _pages(path: Path) -> dict[Key, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {(page["source"], str(page["id"])): page for page in data["pages"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SystemExit(f"compare.py: {path} is no `wcxb.py --json` run ({error})") from None


def _f1(page: dict[str, Any], system: str = "thresher") -> float | None:
    return page["systems"][system]["f1"]


#: Per-page agreements a run records for thresher (None where the truth has no value).
AGREEMENTS = ("title", "author", "byline", "date")


def _agreement_lines(before: dict[Key, dict[str, Any]], after: dict[Key, dict[str, Any]], keys: list[Key]) -> list[str]:
    """Per field: pages right in each run, and the pages the second run gains and loses."""
    lines = []
    fields: dict[str, list[tuple[bool, bool]]] = {field: [] for field in (*AGREEMENTS, "page type")}
    for key in keys:
        ours, theirs = before[key]["systems"]["thresher"], after[key]["systems"]["thresher"]
        for field in AGREEMENTS:
            if ours.get(field) is not None and theirs.get(field) is not None:
                fields[field].append((bool(ours[field]), bool(theirs[field])))
        truth = before[key]["page_type"]
        if ours.get("predicted_type") and theirs.get("predicted_type"):
            fields["page type"].append((ours["predicted_type"] == truth, theirs["predicted_type"] == truth))
    for field, pairs in fields.items():
        if pairs:
            right = [sum(pair[i] for pair in pairs) for i in (0, 1)]
            gained = sum(b and not a for a, b in pairs)
            lines.append(
                f"{field:<10} right {right[0]} -> {right[1]} of {len(pairs)} (gained {gained}, lost {right[0] + gained - right[1]})"
            )
    return lines


def compare(before: dict[Key, dict[str, Any]], after: dict[Key, dict[str, Any]], moved: float) -> list[str]:
    """The report's lines: mean F1 per source and page type, pages far below trafilatura, metadata and page-type
    agreement, pages moved."""
    common = sorted(before.keys() & after.keys())
    lines = [
        f"{len(common)} pages in both runs; only before {len(before) - len(common)}, only after {len(after) - len(common)}"
    ]
    groups: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    far = [0, 0]
    changes: list[tuple[float, Key, dict[str, Any]]] = []
    for key in common:
        a, b = _f1(before[key]), _f1(after[key])
        if a is None or b is None:
            continue  # an empty reference: no F1 in either run
        page = before[key]
        for group in (page["source"], f"{page['source']}:{page['page_type']}"):
            sums = groups[group]
            sums[0], sums[1], sums[2] = sums[0] + a, sums[1] + b, sums[2] + 1
        for i, (run, ours) in enumerate(((before[key], a), (after[key], b))):
            theirs = _f1(run, "trafilatura")
            far[i] += theirs is not None and far_below(ours, theirs)
        if abs(b - a) > moved:
            changes.append((b - a, key, page))
    for group in sorted(groups):
        a, b, n = groups[group]
        lines.append(f"{group:<28}{n:>5}  {a / n:.4f} -> {b / n:.4f}  ({(b - a) / n:+.4f})")
    lines.append(f"pages {GAP} or more below trafilatura: {far[0]} -> {far[1]}")
    lines.extend(_agreement_lines(before, after, common))
    up = sum(delta > 0 for delta, _, _ in changes)
    held = [change for change in changes if change[2].get("fold") == corpus.HELD_OUT_FOLD]
    lines.append(
        f"pages moved by more than {moved}: {len(changes)} (up {up}, down {len(changes) - up})"
        + (f"; {len(held)} of the held-back fold {corpus.HELD_OUT_FOLD}, not listed" if held else "")
    )
    for delta, (source, page_id), page in sorted(changes, key=lambda change: change[0]):
        if page.get("fold") == corpus.HELD_OUT_FOLD:
            continue
        lines.append(f"  {delta:+.4f} {source:<5} {page_id[:16]:<16} {page['page_type']:<14} {page.get('url') or ''}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="a `wcxb.py --json` run")
    ap.add_argument("after", type=Path, help="another run of the same pages")
    ap.add_argument("--moved", type=float, default=0.1, help="list the pages whose F1 moved by more (default 0.1)")
    args = ap.parse_args(argv)
    if args.moved < 0:
        ap.error("--moved must be 0 or more")
    print("\n".join(compare(_pages(args.before), _pages(args.after), args.moved)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
