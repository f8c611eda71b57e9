"""Where extraction time goes: CPU time per stage of `extract`, beside trafilatura.extract.

    python benchmarks/stages.py                    # every 5th WCXB dev page (~300), CPU time per page
    python benchmarks/stages.py --every 1 --source aeb
    python benchmarks/stages.py --source aeb --model-dir DIR   # fold k's pages with DIR's fold-k models
    python benchmarks/stages.py --source aeb --repeat 3        # also each page again, its caches warm
    python benchmarks/stages.py --with-metadata                # also trafilatura with its metadata
    python benchmarks/stages.py --source aeb --every 1 --apart 3   # each system alone in its own process
    python benchmarks/stages.py --source aeb --every 1 --apart 3 --with-metadata   # trafilatura with metadata too

Each page is extracted once by trafilatura, as every benchmark runs it (`corpus.TRAFILATURA_OPTIONS`:
the baseline the speed target is set against), and once by `pipelines.extraction.extract`, in the
same process. `extract` names each of its stages as it ends (`on_stage`: parse, page preparation,
block index, metadata, segmentation, block features, scorer, promo finder, page type and body,
record), so the stages timed are the ones it runs, with `time.process_time` so a busy machine
inflates them less; the ratios are what to compare across runs. The garbage collector's share of
the call is measured apart (`gc.callbacks`): it runs when allocations reach its thresholds,
wherever that is, so it is no stage's. The models' inference, which the issue bounds at about 1 ms a page, is
shown apart as well (every booster call: inside the scorer's, the promo finder's and the page type's stages).
htmldate's share is shown apart too (`htmldate.find_date`, the last date reader, asked once the page is typed, and
only where no other reader finds a date): about 10 ms a call on modern pages.

The table's ratio interleaves the two systems page by page in one process, and there trafilatura runs
slower than on its own: on AEB pages about 16-17 ms a page alone, 19-22 ms beside `extract` (each
system's working set pushes the other's out of the CPU caches, and `extract`'s caches, models and RE2
automata grow the process), while `extract`'s own time barely moves. `--apart N` times each system
alone in a fresh process instead, the way a user runs one of them: N rounds, the order alternating,
each process warmed by one page first. Its ratio of the medians is the one to hold against the target.

With `--with-metadata`, trafilatura extracts each page a second time with `with_metadata=True`: the
title, author and date `extract` always reads, which cost trafilatura about a third more on AEB pages
and more on modern ones (htmldate). Off by default, as its allocations move some garbage collection
into `extract`'s calls. With `--apart` it is a third system timed alone, and the ratio against it is printed too.

With `--repeat N` each page is extracted N times in a row by both systems, and the calls after the
first are timed apart: a page's first extraction fills caches (per class string, per site, RE2's
automata on unseen text) that a crawl's later pages of the same site find full, while the benchmark's
pages, one site each, pay it on every page. The same page again finds every cache full, its text's too:
an upper bound on what a site's later pages save. The stage table is the first calls'.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import sys
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import median
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

import corpus  # noqa: E402

TRAFILATURA, THRESHER, TRAFILATURA_WITH_METADATA = "trafilatura", "thresher", "trafilatura+metadata"
SYSTEMS = (TRAFILATURA, THRESHER)


def _pages(source: str, folds: set[int] | None, every: int) -> list[corpus.DevPage]:
    sources = ("wcxb", "aeb") if source == "all" else (source,)
    return corpus.load(sources, folds)[::every]


def _fold_models(pages: list[corpus.DevPage], model_dir: str | None) -> dict[int, dict[str, Any]]:
    """`--model-dir`'s models of each fold the pages are in (none without it: the shipped models)."""
    return {k: corpus.fold_models(model_dir, k) for k in {p.fold for p in pages}} if model_dir else {}


def _timed(function: Callable[..., Any], tally: list) -> Callable[..., Any]:
    """`function`, adding the CPU seconds and the calls of it to `tally` (seconds, calls, whether to count)."""

    def timed(*args: Any, **kwargs: Any) -> Any:
        if not tally[2]:
            return function(*args, **kwargs)
        t = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            tally[0] += time.process_time() - t
            tally[1] += 1

    return timed


def _command(args: argparse.Namespace, *extra: str) -> str:
    """The command line that makes this run's figures, to print above them."""
    options = [f"--source {args.source}", f"--every {args.every}"]
    if args.folds:
        options.append("--folds " + ",".join(map(str, sorted(args.folds))))
    if args.model_dir:
        options.append(f"--model-dir {args.model_dir}")
    return " ".join(["python benchmarks/stages.py", *options, *extra])


def time_alone(system: str, source: str, folds: set[int] | None, every: int, model_dir: str | None) -> float:
    """CPU seconds per page of one system over the pages, alone in this process (`--apart`'s child),
    after one untimed page for imports, models and compiled patterns."""
    warnings.filterwarnings("ignore")
    pages = _pages(source, folds, every)
    if system in (TRAFILATURA, TRAFILATURA_WITH_METADATA):
        from trafilatura import extract as trafilatura_extract

        options = corpus.TRAFILATURA_OPTIONS | {"with_metadata": system == TRAFILATURA_WITH_METADATA}

        def run(page: corpus.DevPage) -> None:
            trafilatura_extract(page.html, url=page.url, **options)
    else:
        from pipelines.extraction import extract

        fold_models = _fold_models(pages, model_dir)

        def run(page: corpus.DevPage) -> None:
            extract(page.html, page.url, **fold_models.get(page.fold, {}))

    run(pages[0])
    started = time.process_time()
    for page in pages:
        run(page)
    return (time.process_time() - started) / len(pages)


def _apart(args: argparse.Namespace) -> int:
    """`--apart N`: each system alone in a fresh process, N rounds, the order alternating; with `--with-metadata`,
    trafilatura reading its metadata too is a third system."""
    systems = (*SYSTEMS, TRAFILATURA_WITH_METADATA) if args.with_metadata else SYSTEMS
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    spawn = multiprocessing.get_context("spawn")
    for round_ in range(args.apart):
        for name in systems if round_ % 2 == 0 else systems[::-1]:
            with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
                job = pool.submit(time_alone, name, args.source, args.folds, args.every, args.model_dir)
                seconds[name].append(job.result())
    extra = ["--with-metadata"] if args.with_metadata else []
    print(f"{_command(args, f'--apart {args.apart}', *extra)}: CPU ms per page, each system alone in a fresh process")
    for name in systems:
        rounds = "".join(f"{1000 * s:>9.2f}" for s in seconds[name])
        print(f"{name:<22}{rounds}   median {1000 * median(seconds[name]):.2f}")
    for name in (name for name in systems if name != THRESHER):
        ratio = median(seconds[THRESHER]) / median(seconds[name])
        print(f"ratio extract / {name}, each alone: {ratio:.2f} (of the medians)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", choices=["wcxb", "aeb", "all"], default="wcxb")
    ap.add_argument("--every", type=int, default=5, help="take every N-th page (default 5)")
    ap.add_argument("--folds", type=corpus.folds_arg, help="only pages of these folds, e.g. 0,1,2,3 (default: all)")
    ap.add_argument("--model-dir", help=f"time DIR's models: fold k's pages with {corpus.FOLD_MODEL_NAMES}")
    ap.add_argument("--repeat", type=int, default=1, help="extract each page N times in a row (default 1)")
    ap.add_argument(
        "--with-metadata", action="store_true", help="also time trafilatura.extract with with_metadata=True"
    )
    ap.add_argument(
        "--apart", type=int, default=0, metavar="N", help="time each system alone in a fresh process, N rounds"
    )
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.every < 1 or args.apart < 0:
        ap.error("--repeat and --every take a whole number of at least 1, --apart one of at least 0")
    if args.apart:
        return _apart(args)
    warnings.filterwarnings("ignore")

    from trafilatura import extract as trafilatura_extract

    from pipelines.extraction import extract
    from pipelines.extraction.pagetype import default_page_classifier
    from pipelines.extraction.promos import default_promo_finder
    from pipelines.extraction.scorer import default_scorer

    pages = _pages(args.source, args.folds, args.every)
    shipped = {
        "scorer": default_scorer(),
        "page_classifier": default_page_classifier(),
        "promo_finder": default_promo_finder(),
    }
    fold_models = _fold_models(pages, args.model_dir)
    extract(pages[0].html, pages[0].url)  # warm: models loaded, patterns compiled
    totals: dict[str, float] = {}
    collecting = [0.0, 0.0]  # CPU seconds in the garbage collector; when the running collection began

    def collector(phase: str, info: dict) -> None:
        if phase == "start":
            collecting[1] = time.process_time()
        else:
            collecting[0] += time.process_time() - collecting[1]

    gc.callbacks.append(collector)

    # htmldate.find_date, the last date reader, asked when no other reader found a date on a page of a dated type; the
    # extractor imports it per call, so this wrapper times the extractor's calls (trafilatura bound its own at import)
    import htmldate

    find_date, dating = htmldate.find_date, [0.0, 0, True]  # CPU seconds in it, calls, every call counted
    htmldate.find_date = _timed(find_date, dating)

    # the boosters' predictions (every `TreeModel` call: the scorer's stages, the promo finder, the page type), timed
    # in the stage-timed calls only; the issue asks inference of at most about 1 ms a page
    from pipelines.extraction.predict import TreeModel

    predict, inferring = TreeModel.__call__, [0.0, 0, False]  # CPU seconds, calls, whether to count
    TreeModel.__call__ = _timed(predict, inferring)  # type: ignore[method-assign]

    started = [0.0]  # when the running stage began

    def stage(name: str) -> None:
        now = time.process_time()
        totals[name] = totals.get(name, 0.0) + now - started[0]
        started[0] = now

    traf = traf_meta = plain = plain_gc = traf_again = again = 0.0
    for page in pages:
        models = fold_models.get(page.fold, shipped)
        t = time.process_time()
        trafilatura_extract(page.html, url=page.url, **corpus.TRAFILATURA_OPTIONS)
        traf += time.process_time() - t
        if args.with_metadata:
            t = time.process_time()
            trafilatura_extract(page.html, url=page.url, with_metadata=True, **corpus.TRAFILATURA_OPTIONS)
            traf_meta += time.process_time() - t
        collected = collecting[0]
        inferring[2] = True
        started[0] = t = time.process_time()
        extract(page.html, page.url, **models, on_stage=stage)
        plain += time.process_time() - t
        inferring[2] = False
        plain_gc += collecting[0] - collected
        for _ in range(args.repeat - 1):
            t = time.process_time()
            trafilatura_extract(page.html, url=page.url, **corpus.TRAFILATURA_OPTIONS)
            traf_again += time.process_time() - t
            t = time.process_time()
            extract(page.html, page.url, **models)
            again += time.process_time() - t
    htmldate.find_date = find_date
    TreeModel.__call__ = predict  # type: ignore[method-assign]
    n = len(pages)
    staged = sum(totals.values())
    extra = ([f"--repeat {args.repeat}"] if args.repeat > 1 else []) + (
        ["--with-metadata"] if args.with_metadata else []
    )
    print(f"{_command(args, *extra)}: {n} pages, CPU ms per page")
    print(f"{'stage':<42}{'ms/page':>9}{'share':>8}")
    for name, seconds in totals.items():
        print(f"{name:<42}{1000 * seconds / n:>9.2f}{100 * seconds / staged:>7.1f}%")
    print(f"{'sum of stages':<42}{1000 * staged / n:>9.2f}")
    print(f"{'extract() in one call':<42}{1000 * plain / n:>9.2f}")
    print(f"{'  of which garbage collection':<42}{1000 * plain_gc / n:>9.2f}")
    print(f"{'  of which htmldate (' + str(dating[1]) + ' calls)':<42}{1000 * dating[0] / n:>9.2f}")
    print(f"{'  of which model inference (' + str(inferring[1]) + ' calls)':<42}{1000 * inferring[0] / n:>9.2f}")
    print(f"{'trafilatura.extract':<42}{1000 * traf / n:>9.2f}")
    print(f"ratio extract / trafilatura: {plain / traf:.2f} (CPU time, same pages, same process)")
    if args.with_metadata:
        print(f"{'trafilatura.extract, with_metadata=True':<42}{1000 * traf_meta / n:>9.2f}")
        print(f"ratio extract / trafilatura with its metadata: {plain / traf_meta:.2f} (title, author, date too)")
    if args.repeat > 1:
        calls = n * (args.repeat - 1)
        print(
            f"the page again (calls 2-{args.repeat}): extract {1000 * again / calls:.2f} ms, trafilatura "
            f"{1000 * traf_again / calls:.2f} ms, ratio {again / traf_again:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
