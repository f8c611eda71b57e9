"""Extraction quality on the Article Extraction Benchmark: thresher vs trafilatura.

All systems run in the same invocation on the same pages, so their numbers
are directly comparable (same data, same metric code, same library versions).

    python benchmarks/quality.py                  # all 181 pages, table
    python benchmarks/quality.py --limit 30 --worst 5
    python benchmarks/quality.py --json --save-predictions /tmp/preds
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import aeb

SYSTEMS = ("thresher", "trafilatura", "trafilatura-precision")
WORST_SYSTEM = "thresher"

# name -> extractor, filled per process by _init_worker (extractors are
# closures/imports, so each worker builds its own instead of pickling them).
_EXTRACTORS: dict[str, aeb.Extractor] = {}


def build_extractors(
    names: Sequence[str],
) -> tuple[dict[str, aeb.Extractor], dict[str, str]]:
    """Return (available extractors, {name: reason} for the unavailable ones)."""
    available: dict[str, aeb.Extractor] = {}
    missing: dict[str, str] = {}
    for name in names:
        if name == "thresher":
            fn, reason = aeb.load_thresher()
            if fn is None:
                missing[name] = reason
            else:
                available[name] = fn
        elif name == "trafilatura":
            available[name] = aeb.trafilatura_default
        elif name == "trafilatura-precision":
            available[name] = aeb.trafilatura_precision
    return available, missing


def _init_worker(names: Sequence[str]) -> None:
    _EXTRACTORS.clear()
    _EXTRACTORS.update(build_extractors(names)[0])


def _run_page(page: aeb.Page) -> tuple[str, dict[str, tuple[str, str | None]]]:
    """Run every system on one page; a crash becomes "" plus its error."""
    out: dict[str, tuple[str, str | None]] = {}
    for name, fn in _EXTRACTORS.items():
        try:
            out[name] = (fn(page.html, page.url), None)
        except Exception as exc:  # noqa: BLE001 - one bad page must not sink the run
            out[name] = ("", f"{type(exc).__name__}: {exc}")
    return page.id, out


def run_all(pages: Sequence[aeb.Page], names: Sequence[str], jobs: int) -> dict[str, dict[str, tuple[str, str | None]]]:
    """Return {page id: {system: (prediction, error)}}; a process pool if jobs > 1."""
    if jobs <= 1:
        _init_worker(names)
        return dict(map(_run_page, pages))
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(tuple(names),)) as pool:
        # chunksize 1: page sizes vary 70x, so small chunks balance the load.
        return dict(pool.map(_run_page, pages, chunksize=1))


def _page_f1(s: aeb.PageScore) -> float:
    p, r = s.precision or 0.0, s.recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--aeb",
        metavar="DIR",
        help=f"AEB data dir (default: ${aeb.ENV_VAR} or {aeb.DEFAULT_AEB_DIR})",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages (sorted by id)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: cpu count)",
    )
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated subset of {','.join(SYSTEMS)}",
    )
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="K",
        help=f"list the K worst-F1 pages for {WORST_SYSTEM}",
    )
    parser.add_argument(
        "--worst-system",
        default=WORST_SYSTEM,
        choices=SYSTEMS,
        help="system that --worst lists (default: %(default)s)",
    )
    parser.add_argument(
        "--save-predictions",
        metavar="DIR",
        help="write DIR/<system>.json as {id: {articleBody}}",
    )
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=1000,
        metavar="N",
        help="bootstrap resamples for the F1 sd (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = sorted(set(names) - set(SYSTEMS))
    if unknown:
        parser.error(f"unknown system(s): {', '.join(unknown)}")

    aeb_dir = aeb.resolve_aeb_dir(args.aeb)
    pages = aeb.load_pages(aeb_dir, args.limit)
    available, missing = build_extractors(names)
    run_names = [n for n in names if n in available]

    t0 = time.perf_counter()
    results = run_all(pages, run_names, args.jobs)
    elapsed = time.perf_counter() - t0

    scores: dict[str, dict[str, aeb.PageScore]] = {n: {} for n in run_names}
    for page in pages:
        for name in run_names:
            scores[name][page.id] = aeb.score_page(page.truth, results[page.id][name][0])

    report: dict = {
        "pages": len(pages),
        "aeb_dir": str(aeb_dir),
        "trafilatura_version": aeb.trafilatura_version(),
        "jobs": args.jobs,
        "seconds": round(elapsed, 2),
        "bootstrap": args.bootstrap,
        "systems": {},
        "unavailable": missing,
    }
    for name in run_names:
        summary = aeb.summarize(list(scores[name].values()), n_boot=args.bootstrap)
        preds = [results[pid][name] for pid in results]
        report["systems"][name] = {
            "precision": summary.precision,
            "recall": summary.recall,
            "f1": summary.f1,
            "f1_sd": summary.f1_sd,
            "accuracy": summary.accuracy,
            "empty": sum(not text.strip() for text, _ in preds),
            "errors": sum(err is not None for _, err in preds),
        }

    worst: list[dict] = []
    if args.worst and args.worst_system in scores:
        urls = {p.id: p.url for p in pages}
        ranked = sorted(scores[args.worst_system].items(), key=lambda kv: _page_f1(kv[1]))
        for pid, s in ranked[: args.worst]:
            worst.append(
                {
                    "id": pid,
                    "url": urls[pid],
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": _page_f1(s),
                    "error": results[pid][args.worst_system][1],
                }
            )
        report["worst"] = {"system": args.worst_system, "pages": worst}

    if args.save_predictions:
        out_dir = Path(args.save_predictions)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in run_names:
            data = {pid: {"articleBody": results[pid][name][0]} for pid in sorted(results)}
            (out_dir / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        report["predictions_dir"] = str(out_dir)

    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0

    print(
        f"AEB quality: {len(pages)} pages, trafilatura "
        f"{report['trafilatura_version']}, {args.jobs} jobs, {elapsed:.1f} s"
    )
    for name, reason in missing.items():
        print(f"{name}: {reason}")
    print(f"{'system':<22} {'P':>6} {'R':>6} {'F1 ± sd':>14} {'acc':>6} {'empty':>6} {'errors':>6}")
    for name, r in report["systems"].items():
        print(
            f"{name:<22} {r['precision']:6.3f} {r['recall']:6.3f} "
            f"{r['f1']:6.3f} ± {r['f1_sd']:.3f} {r['accuracy']:6.3f} "
            f"{r['empty']:6d} {r['errors']:6d}"
        )
    if args.worst:
        if not worst:
            print(f"\n--worst: {args.worst_system} did not run")
        else:
            print(f"\nworst {len(worst)} pages for {args.worst_system} (page P / R / F1):")
            for w in worst:
                err = f"  [{w['error']}]" if w["error"] else ""
                print(f"  {_fmt(w['precision'])} {_fmt(w['recall'])} {w['f1']:.3f}  {w['id'][:12]}  {w['url']}{err}")
    if args.save_predictions:
        print(f"\npredictions written to {report['predictions_dir']}/<system>.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
