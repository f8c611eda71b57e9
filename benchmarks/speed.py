"""Extraction speed on the AEB pages: thresher ``extract`` vs ``trafilatura.extract``.

Both systems are timed in one process and one run, interleaved page by page
(the order alternates per page and per pass), so machine load drifts hit both
alike. On a noisy machine read the ratios and medians, not absolute seconds.
Interleaved so, trafilatura runs about a fifth slower than alone, which flatters
thresher: `stages.py --apart N` times each system alone in a fresh process.

    python benchmarks/speed.py                    # all pages, 3 timed passes
    python benchmarks/speed.py --limit 20 --repeat 1 --json
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Sequence
from statistics import median

import aeb

BASELINE = "trafilatura"
CANDIDATE = "thresher"


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (0..100); works for any non-empty sample size."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _call(fn: aeb.Extractor, page: aeb.Page) -> bool:
    """Run one extraction; return False on an exception (timed all the same)."""
    try:
        fn(page.html, page.url)
    except Exception:  # noqa: BLE001 - a crash is reported, not fatal to the timing run
        return False
    return True


def run_timings(
    pages: Sequence[aeb.Page], systems: dict[str, aeb.Extractor], repeat: int
) -> tuple[dict[str, list[list[float]]], dict[str, int]]:
    """Return ({system: [per-page seconds per pass]}, {system: error count}).

    A full untimed warm-up pass runs first (imports, lazily built caches and
    regexes); then each pass alternates which system goes first on each page.
    """
    names = list(systems)
    errors = dict.fromkeys(names, 0)
    for i, page in enumerate(pages):
        for name in names if i % 2 == 0 else names[::-1]:
            _call(systems[name], page)

    times: dict[str, list[list[float]]] = {n: [[] for _ in pages] for n in names}
    clock = time.perf_counter
    for r in range(repeat):
        gc.collect()  # start each pass from the same heap state
        for i, page in enumerate(pages):
            for name in names if (i + r) % 2 == 0 else names[::-1]:
                fn = systems[name]
                t0 = clock()
                ok = _call(fn, page)
                times[name][i].append(clock() - t0)
                errors[name] += not ok
    return times, errors


def summarize_times(per_page: list[list[float]]) -> dict[str, float]:
    """Total s per pass (mean over passes); median/p90 ms of per-page medians."""
    page_med = [median(ts) for ts in per_page]
    passes = len(per_page[0]) if per_page else 0
    total = sum(sum(ts) for ts in per_page) / passes if passes else 0.0
    return {
        "total_s": total,
        "median_ms": median(page_med) * 1e3 if page_med else float("nan"),
        "p90_ms": percentile(page_med, 90) * 1e3,
        "mean_ms": total / len(per_page) * 1e3 if per_page else float("nan"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--aeb",
        metavar="DIR",
        help=f"AEB data dir (default: ${aeb.ENV_VAR} or {aeb.DEFAULT_AEB_DIR})",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages (sorted by id)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        metavar="N",
        help="timed passes after the warm-up (default: %(default)s)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be >= 1")

    aeb_dir = aeb.resolve_aeb_dir(args.aeb)
    pages = aeb.load_pages(aeb_dir, args.limit)
    if not pages:
        sys.exit("no pages to time")

    systems: dict[str, aeb.Extractor] = {}
    thresher, reason = aeb.load_thresher()
    if thresher is not None:
        systems[CANDIDATE] = thresher
    systems[BASELINE] = aeb.trafilatura_default

    t0 = time.perf_counter()
    times, errors = run_timings(pages, systems, args.repeat)
    wall = time.perf_counter() - t0

    stats = {name: {**summarize_times(times[name]), "errors": errors[name]} for name in systems}
    ratios: dict[str, float] = {}
    if CANDIDATE in stats:
        cand, base = stats[CANDIDATE], stats[BASELINE]
        per_page = [median(c) / median(b) for c, b in zip(times[CANDIDATE], times[BASELINE], strict=True)]
        ratios = {
            "total": cand["total_s"] / base["total_s"],
            "median": cand["median_ms"] / base["median_ms"],
            "median_per_page": median(per_page),
        }

    report = {
        "pages": len(pages),
        "repeat": args.repeat,
        "trafilatura_version": aeb.trafilatura_version(),
        "wall_s": round(wall, 2),
        "systems": stats,
        "ratios_thresher_over_trafilatura": ratios,
        "unavailable": {} if thresher is not None else {CANDIDATE: reason},
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0

    print(
        f"AEB speed: {len(pages)} pages, warm-up + {args.repeat} interleaved "
        f"pass(es), single process, trafilatura {report['trafilatura_version']}, "
        f"wall {wall:.1f} s"
    )
    if thresher is None:
        print(f"{CANDIDATE}: {reason}")
    print(f"{'system':<12} {'total s/pass':>12} {'median ms':>10} {'p90 ms':>8} {'mean ms':>8} {'errors':>6}")
    for name, s in stats.items():
        print(
            f"{name:<12} {s['total_s']:12.2f} {s['median_ms']:10.1f} "
            f"{s['p90_ms']:8.1f} {s['mean_ms']:8.1f} {s['errors']:6d}"
        )
    if ratios:
        print(
            f"\nthresher / trafilatura: total {ratios['total']:.2f}x, "
            f"median {ratios['median']:.2f}x, median of per-page ratios "
            f"{ratios['median_per_page']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
