"""Score segmentation on real markup: boilerplate labels of AEB (``labels.json``) or WCXB.

Two label sets in the same format: ``--labels aeb`` (default, ``../shared/benchmarks/aeb/labels.json``,
see its SOURCE.md) and ``--labels wcxb`` (``benchmarks/data/wcxb_labels.json``, WCXB dev pages read
through ``corpus.py``, see ``benchmarks/data/README.md``). ``--folds`` keeps only pages whose site is
in the given folds (``corpus.fold_of``), e.g. ``--folds 4`` for the held-back fold.

For each labelled snippet, as the benchmark's SOURCE.md defines it: a *hit* when the snippet
is in the record field of its label (bio -> ``bio``; form -> ``forms[].text``; promo ->
``promos``; related -> ``related[].title`` and ``related`` blocks; share -> ``share`` blocks),
a *leak* when it is in ``body``. Matching folds whitespace; a match with all whitespace removed
counts too (snippets can span inline elements that renderers join with or without a space).

    python benchmarks/aeb_labels.py [--labels aeb|wcxb] [--folds 4] [--verbose] [--baseline trafilatura]
    python benchmarks/aeb_labels.py --labels wcxb --folds 0,1,2,3 --list promo

``--verbose`` lists every miss and leak in one line; ``--list LABEL`` lists those of one label in
full, page by page, each with where the record put it: the label, reason and selector of the record's
blocks that hold the snippet (``body scorer:p=0.93 @ div.post-cta > p``, ``related teasers:...``, ``-``
when no block holds it whole, e.g. a snippet the renderer split or a hidden element).

The labels are incomplete (an unlabelled block is no evidence of body text), so this reports
recall and body leaks per label, not precision. They are a development set, not a final score.

Below the scores, each label's misses are counted by where they went: "body" (a leak, which costs the body's
precision), another label (the boilerplate is out of the body, under the wrong name), or "-" (no block holds
the snippet whole). Counts only, so the held-back fold's can be read without its pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aeb
import corpus

WCXB_LABELS = corpus.WCXB_LABELS
LABELS = ("bio", "form", "promo", "share", "related")


def _found(snippet: str, text: str) -> bool:
    snippet, text = corpus.fold_snippet(snippet), corpus.fold_snippet(text)
    return snippet in text or snippet.replace(" ", "") in text.replace(" ", "")


def _models(model_dir: str | None, url: str) -> dict:
    """The models trained without the page's fold (`training/train.py --folds-out DIR`), if asked."""
    return corpus.fold_models(model_dir, corpus.fold_of(url)) if model_dir else {}


def _where(snippet: str, blocks: list[dict]) -> str:
    """The label, reason and selector (its end) of the record's blocks holding `snippet` (`-` when none holds it whole)."""
    found = [f"{b['label']} {b['reason']} @ {b['selector'][-70:]}" for b in blocks if _found(snippet, b["text"])]
    return " | ".join(dict.fromkeys(found)) or "-"


def _went(snippet: str, label: str, fields: dict) -> str:
    """Where a missed snippet went: "body" (a leak), the first other label of a record block holding it, or "-"
    when no block holds it whole (a renderer split it, or it is hidden)."""
    if _found(snippet, fields["body"]):
        return "body"
    return next((b["label"] for b in fields["blocks"] if b["label"] != label and _found(snippet, b["text"])), "-")


def _thresher_fields(html: bytes, url: str, model_dir: str | None = None) -> dict:
    from pipelines.extraction import extract

    art = extract(html, url, **_models(model_dir, url))

    def blocks(label: str) -> list[str]:
        return [b["text"] for b in art.blocks if b["label"] == label]

    return {
        "body": art.body or "",
        "bio": art.bio or "",
        "form": "\n".join(f["text"] for f in art.forms),
        "promo": "\n".join(art.promos),
        "share": "\n".join(blocks("share")),
        "related": "\n".join([r["title"] for r in art.related] + blocks("related")),
        "blocks": art.blocks,
    }


def _trafilatura_fields(html: bytes, url: str, model_dir: str | None = None) -> dict:
    body = aeb.trafilatura_default(html, url) or ""
    return {"body": body, **dict.fromkeys(LABELS, ""), "blocks": []}


def _labelled_pages(args: argparse.Namespace) -> list[tuple[dict, bytes]]:
    """The labelled pages of the chosen label set (and folds) with their HTML."""
    if args.labels == "aeb":
        aeb_dir = aeb.resolve_aeb_dir(args.aeb)
        labelled = json.loads((aeb_dir / "labels.json").read_text(encoding="utf-8"))
        labelled = [p for p in labelled if args.folds is None or corpus.fold_of(p["url"]) in args.folds]
        return [(p, gzip.decompress((aeb_dir / "html" / f"{p['id']}.html.gz").read_bytes())) for p in labelled]
    labelled = json.loads(WCXB_LABELS.read_text(encoding="utf-8"))
    labelled = [p for p in labelled if args.folds is None or corpus.fold_of(p["url"]) in args.folds]
    wanted = {p["id"] for p in labelled}
    html = {page.id: page.html for page in corpus.iter_wcxb(args.wcxb) if page.id in wanted}
    missing = wanted - html.keys()
    if missing:
        sys.exit(f"{len(missing)} labelled pages not in the WCXB data, e.g. {sorted(missing)[:3]}")
    return [(p, html[p["id"]]) for p in labelled]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", choices=["aeb", "wcxb"], default="aeb", help="label set (default: aeb)")
    ap.add_argument(
        "--folds", type=corpus.folds_arg, help="only pages of these folds, e.g. 4 or 0,1,2,3 (default: all)"
    )
    ap.add_argument("--aeb", help="AEB directory (default: ../shared/benchmarks/aeb)")
    ap.add_argument("--wcxb", help="WCXB dev directory (default: ../shared/benchmarks/wcxb-dev)")
    ap.add_argument("--baseline", choices=["trafilatura"], help="score a baseline (body leaks only)")
    ap.add_argument("--model-dir", help="extract fold k with DIR/fold-k.json (models trained without fold k)")
    ap.add_argument("--verbose", action="store_true", help="list every miss and leak")
    ap.add_argument(
        "--list", choices=LABELS, help="list the misses and leaks of one label in full, with where they went"
    )
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)

    labelled = _labelled_pages(args)
    fields_of = _trafilatura_fields if args.baseline else _thresher_fields
    counts = {label: {"snippets": 0, "hits": 0, "leaks": 0, "pages": 0, "pages_leaking": 0} for label in LABELS}
    went: dict[str, Counter[str]] = {label: Counter() for label in LABELS}  # misses by where they went
    per_page: dict[str, list[tuple[int, int, int]]] = {label: [] for label in LABELS}  # (snippets, hits, leaks)
    for page, html in labelled:
        try:
            fields = fields_of(html, page["url"], args.model_dir)
        except Exception as exc:  # noqa: BLE001 - a crash is a miss for every snippet, as the metric says
            print(f"CRASH {page['id'][:10]} {exc!r}", file=sys.stderr)
            fields = {**dict.fromkeys(("body", *LABELS), ""), "blocks": []}
        listed = False
        for label, snippets in page["expect"].items():
            c = counts[label]
            hits = leaks = 0
            for snippet in snippets:
                hit, leak = _found(snippet, fields[label]), _found(snippet, fields["body"])
                hits += hit
                leaks += leak
                if not hit:
                    went[label][_went(snippet, label, fields)] += 1
                if args.verbose and (not hit or leak):
                    print(f"{'LEAK' if leak else 'MISS'} {label:8} {page['url'][:60]:60} {snippet[:70]}")
                if args.list == label and (not hit or leak):
                    if not listed:
                        print(f"\n{page['id']} {page.get('page_type', '')} {page['url']}")
                        listed = True
                    print(f"  {'LEAK' if leak else 'MISS'} {snippet!r}\n       -> {_where(snippet, fields['blocks'])}")
            c["pages"] += 1
            c["snippets"] += len(snippets)
            c["hits"] += hits
            c["leaks"] += leaks
            c["pages_leaking"] += leaks > 0
            per_page[label].append((len(snippets), hits, leaks))
    for label, c in counts.items():
        c["misses_went"] = dict(went[label].most_common())
    if args.json:
        print(json.dumps(counts, indent=1))
        return 0
    scope = "" if args.labels == "aeb" and args.folds is None else f"  labels: {args.labels}"
    if args.folds is not None:
        scope += f"  folds: {','.join(map(str, sorted(args.folds)))}"
    print(f"system: {args.baseline or 'thresher'}  pages: {len(labelled)}{scope}")
    print(
        f"{'label':<9}{'snippets':>9}{'hits':>6}{'recall':>8}{'leaks':>7}{'leak%':>7}{'pages leaking':>15}"
        "   95 % intervals (pages resampled): recall, leak%"
    )
    for label, c in counts.items():
        n = c["snippets"] or 1
        pages = per_page[label]
        snippets = [p[0] for p in pages]
        recall = corpus.bootstrap_interval([p[1] for p in pages], snippets)
        leak = corpus.bootstrap_interval([p[2] for p in pages], snippets)
        print(
            f"{label:<9}{c['snippets']:>9}{c['hits']:>6}{100 * c['hits'] / n:>7.1f}%{c['leaks']:>7}"
            f"{100 * c['leaks'] / n:>6.1f}%{c['pages_leaking']:>8} of {c['pages']}"
            f"   [{100 * recall[0]:.1f}, {100 * recall[1]:.1f}]  [{100 * leak[0]:.1f}, {100 * leak[1]:.1f}]"
        )
    print("misses by where they went (body: a leak; another label; -: no block holds the snippet whole)")
    for label, c in counts.items():
        print(f"{label:<9}" + "  ".join(f"{dest} {n}" for dest, n in c["misses_went"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
