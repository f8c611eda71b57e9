"""Word F1 on WCXB (and AEB) pages: thresher vs trafilatura, per page type and fold.

Both systems run in the same invocation on the same pages, so their figures are directly
comparable. The metric follows `shared/benchmarks/wcxb-dev/SOURCE.md` (upstream evaluate.py).
By default only the held-back fold (`corpus.HELD_OUT_FOLD`) is scored: the figures reported
for the extractor come from pages no model or rule was tuned on.

    python benchmarks/wcxb.py                              # held-back fold, WCXB
    python benchmarks/wcxb.py --folds all --by-fold --jobs 2
    python benchmarks/wcxb.py --model-dir DIR --json /tmp/wcxb.json --worst 15
    python benchmarks/wcxb.py --source aeb --folds all
    python benchmarks/wcxb.py --report /tmp/wcxb.json --worst 15   # a saved run's report again
"""

from __future__ import annotations

import argparse
import datetime
import inspect
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import fmean, median
from typing import Any
from urllib.parse import urlsplit

import aeb
import corpus

SYSTEMS = ("thresher", "trafilatura")
GAP = 0.2  # a page where thresher's F1 is this far below trafilatura's is a regression to look at


def far_below(ours: float, theirs: float) -> bool:
    """Whether thresher's F1 is `GAP` or more below trafilatura's on a page (a float's rounding aside)."""
    return theirs - ours >= GAP - 1e-9


if str(corpus.REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(corpus.REPO_ROOT))


# --------------------------------------------------------------------------
# Metric


def snippet_rate(text: str, snippets: Sequence[str]) -> float | None:
    """Share of snippets found in the text (case-insensitive substring); None without snippets."""
    if not snippets:
        return None
    folded = text.lower()
    return sum(s.lower() in folded for s in snippets) / len(snippets)


# --------------------------------------------------------------------------
# Running the systems (one page per call, in this process or a pool worker)

_STATE: dict[str, Any] = {}  # per process: thresher's extract (or its import error), model dir


def _init(model_dir: str | None) -> None:
    """Import the code under test per process; a broken import becomes a per-page error."""
    _STATE.update(extract=None, import_error=None, model_dir=model_dir)
    try:
        from pipelines.extraction import extract

        _STATE["extract"] = extract
    except Exception as exc:  # noqa: BLE001 - the extractor may be mid-rewrite
        _STATE["import_error"] = exc


def _thresher(page: corpus.DevPage) -> tuple[dict[str, Any], float]:
    if _STATE["import_error"] is not None:
        raise _STATE["import_error"]
    # read once per fold and process (`corpus.fold_models`), outside the timed call
    kwargs = corpus.fold_models(_STATE["model_dir"], page.fold) if _STATE["model_dir"] else {}
    t0 = time.perf_counter()
    art = _STATE["extract"](page.html, page.url or None, **kwargs)
    elapsed = time.perf_counter() - t0
    out = {"text": art.body or "", "title": art.title, "authors": art.authors, "date": art.published}
    out["credit"] = getattr(art, "credit", None)  # schema 1.4: the team or publisher, when no person is named
    return out | {"page_type": getattr(art, "page_type", None), "is_article": art.is_article}, elapsed


def _trafilatura(page: corpus.DevPage) -> tuple[dict[str, Any], float]:
    import trafilatura

    t0 = time.perf_counter()
    text = trafilatura.extract(page.html, url=page.url or None, **corpus.TRAFILATURA_OPTIONS) or ""
    elapsed = time.perf_counter() - t0
    out: dict[str, Any] = {"text": text, "title": None, "authors": None, "date": None}
    # untimed; with_metadata: without it bare_extraction leaves title/author/date empty
    doc = trafilatura.bare_extraction(page.html, url=page.url or None, with_metadata=True, **corpus.TRAFILATURA_OPTIONS)
    if doc is not None:
        out.update(title=doc.title, authors=doc.author, date=doc.date)
    return out, elapsed


Runner = Callable[[corpus.DevPage], tuple[dict[str, Any], float]]
RUNNERS: dict[str, Runner] = {"thresher": _thresher, "trafilatura": _trafilatura}


def _score(page: corpus.DevPage, out: dict[str, Any]) -> dict[str, Any]:
    p, r, f1 = corpus.word_scores(out["text"], page.main_content) or (None, None, None)
    return {
        "p": p,
        "r": r,
        "f1": f1,
        "with": snippet_rate(out["text"], page.with_snippets),
        "without": snippet_rate(out["text"], page.without_snippets),
        "title": corpus.title_agrees(out["title"], page.title) if page.title else None,
        "author": corpus.authors_agree(out["authors"], page.author) if page.author else None,
        # the byline a reader sees: the persons, else the team or publisher credited (thresher's `credit`)
        "byline": corpus.authors_agree(out["authors"] or out.get("credit"), page.author) if page.author else None,
        "date": corpus.date_agrees(out["date"], page.publish_date) if page.publish_date else None,
        "predicted_type": out.get("page_type"),
        "is_article": out.get("is_article"),
    }


def run_page(item: tuple[int, corpus.DevPage]) -> dict[str, Any]:
    """Run both systems on one page, alternating which goes first; an exception scores as empty output."""
    index, page = item
    record: dict[str, Any] = {"id": page.id, "source": page.source, "fold": page.fold, "page_type": page.page_type}
    record |= {"host": urlsplit(page.url).hostname or "", "url": page.url, "systems": {}}
    for name in SYSTEMS if index % 2 == 0 else SYSTEMS[::-1]:
        try:
            out, elapsed, error = *RUNNERS[name](page), None
        except Exception as exc:  # noqa: BLE001 - one bad page must not sink the run
            out, elapsed, error = (
                dict.fromkeys(("title", "authors", "date"), None) | {"text": ""},
                None,
                f"{type(exc).__name__}: {exc}"[:300],
            )
        record["systems"][name] = {**_score(page, out), "time": elapsed, "error": error}
    return record


def run_all(pages: Sequence[corpus.DevPage], jobs: int, model_dir: str | None) -> list[dict[str, Any]]:
    if jobs <= 1:  # main() has run _init already
        return [run_page(item) for item in enumerate(pages)]
    with ProcessPoolExecutor(jobs, initializer=_init, initargs=(model_dir,)) as pool:
        return list(pool.map(run_page, enumerate(pages), chunksize=1))  # page sizes vary a lot


# --------------------------------------------------------------------------
# Report


def _mean(values: Sequence[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return fmean(defined) if defined else None


def _f(x: float | None, width: int = 5) -> str:
    return f"{x:{width}.3f}" if x is not None else " " * (width - 1) + "-"


def quality_table(records: Sequence[dict[str, Any]], heading: str) -> list[str]:
    """Macro P / R / F1 per page type and over all pages (pages with an empty reference left out)."""
    scored = [r for r in records if r["systems"]["thresher"]["f1"] is not None]
    lines = [heading, f"{'type':<14}{'pages':>6}   {'thresher P / R / F1':<21}{'trafilatura P / R / F1':<23}{'ΔF1':>6}"]
    types = [t for t in corpus.PAGE_TYPES if any(r["page_type"] == t for r in scored)]
    for label in [*types, "all"]:
        rows = [r for r in scored if label in ("all", r["page_type"])]
        cells, f1s = [], []
        for name in SYSTEMS:
            p, r, f1 = (_mean([x["systems"][name][k] for x in rows]) for k in ("p", "r", "f1"))
            cells.append(f"{_f(p)} {_f(r)} {_f(f1)}      ")
            f1s.append(f1)
        delta = f1s[0] - f1s[1] if None not in f1s else None
        lines.append(f"{label:<14}{len(rows):>6}   {cells[0]}  {cells[1]}{'' if delta is None else f'{delta:+.3f}':>6}")
    if len(scored) < len(records):
        lines.append(f"({len(records) - len(scored)} page(s) with an empty reference left out of F1)")
    return lines


def interval_lines(records: Sequence[dict[str, Any]]) -> list[str]:
    """Mean F1 with its bootstrap interval, and thresher's lead over trafilatura with its own, per source."""
    out = ["", "sampling error (95 % bootstrap interval over the pages): mean F1 [interval]; thresher - trafilatura"]
    for source in sorted({r["source"] for r in records}):
        for scope in ("all", "article"):
            rows = [
                r
                for r in records
                if r["source"] == source
                and r["systems"]["thresher"]["f1"] is not None
                and scope in ("all", r["page_type"])
            ]
            if not rows:
                continue
            ours = [r["systems"]["thresher"]["f1"] for r in rows]
            lead = [a - r["systems"]["trafilatura"]["f1"] for r, a in zip(rows, ours, strict=True)]
            (low, high), (dlow, dhigh) = corpus.bootstrap_interval(ours), corpus.bootstrap_interval(lead)
            out.append(
                f"  {source:<6}{scope:<9}{len(rows):>5} pages  {fmean(ours):.3f} [{low:.3f}, {high:.3f}]"
                f"   {fmean(lead):+.3f} [{dlow:+.3f}, {dhigh:+.3f}]"
            )
    return out


def _share(hits: Sequence[bool | None]) -> str:
    """The share of hits, their count and its bootstrap interval (`corpus.bootstrap_interval`)."""
    defined = [h for h in hits if h is not None]
    if not defined:
        return "-"
    low, high = corpus.bootstrap_interval([float(h) for h in defined])
    return f"{sum(defined) / len(defined):.3f} ({sum(defined)}/{len(defined)}) [{low:.3f}, {high:.3f}]"


def _is_article(s: dict[str, Any]) -> bool:
    """Predicted article: from page_type when the extractor has one, else is_article; an error is a miss."""
    if s["error"]:
        return False
    return s["predicted_type"] == "article" if s["predicted_type"] else bool(s["is_article"])


def summary_lines(records: Sequence[dict[str, Any]], jobs: int, worst: int) -> list[str]:
    """Snippets, metadata, page types, exceptions, speed and the pages where thresher trails."""
    runs = {name: [r["systems"][name] for r in records] for name in SYSTEMS}
    out = interval_lines(records)
    out += ["", "snippets (macro over pages with snippets): with found (higher is better), without found (lower)"]
    for name, s in runs.items():
        out.append(
            f"  {name:<12} with {_f(_mean([x['with'] for x in s]))}   without {_f(_mean([x['without'] for x in s]))}"
        )
    out += [
        "",
        "metadata on article pages whose truth has the value: title / author (`authors`, persons) / date agreement;",
        "byline: `authors`, else `credit` (the team or publisher a page naming no person credits), against the author truth",
    ]
    for name, s in runs.items():
        arts = [x for r, x in zip(records, s, strict=True) if r["page_type"] == "article"]
        out.append(
            f"  {name:<12} " + "   ".join(f"{k} {_share([x[k] for x in arts])}" for k in ("title", "author", "date"))
        )
        if any(x.get("byline") is not None for x in arts):  # runs saved before the field, and AEB, have none
            out.append(f"  {'':<12} byline {_share([x.get('byline') for x in arts])}")
    pairs = list(zip(records, runs["thresher"], strict=True))
    typed = any(x["predicted_type"] for x in runs["thresher"])
    if typed:  # over all pages: an error (no prediction) counts as wrong
        out.append(f"  thresher page-type accuracy {_share([r['page_type'] == x['predicted_type'] for r, x in pairs])}")
    recall = _share([_is_article(x) for r, x in pairs if r["page_type"] == "article"])
    false_articles = _share([_is_article(x) for r, x in pairs if r["page_type"] != "article"])
    basis = "page_type" if typed else "is_article"
    out.append(f"  thresher article recall ({basis}) {recall}   non-articles taken for articles {false_articles}")

    out += ["", "exceptions (scored as empty output)"]
    for name, s in runs.items():
        errs = [f"{r['id']} ({x['error'].split(':')[0]})" for r, x in zip(records, s, strict=True) if x["error"]]
        out.append(
            f"  {name:<12} {len(errs)}"
            + (": " + ", ".join(errs[:5]) if errs else "")
            + (", ..." if len(errs) > 5 else "")
        )
    # interleaved page by page in one process, trafilatura runs slower than alone: `stages.py --apart` times each alone
    note = (
        "  [--jobs > 1: timings are not meaningful]"
        if jobs > 1
        else "  [interleaved: stages.py --apart times each alone]"
    )
    out += ["", f"speed (extract calls, pages where both ran){note}"]
    timed = [(a["time"], b["time"]) for a, b in zip(runs["thresher"], runs["trafilatura"], strict=True)]
    timed = [(a, b) for a, b in timed if a is not None and b]
    if timed:
        ta, tb = sum(a for a, _ in timed), sum(b for _, b in timed)
        out.append(
            f"  total s: thresher {ta:.1f}, trafilatura {tb:.1f}; thresher/trafilatura: ratio of totals "
            f"{ta / tb:.2f}, median per-page ratio {median(a / b for a, b in timed):.2f}"
        )

    f1s = [(r, a["f1"], b["f1"]) for r, a, b in zip(records, *runs.values(), strict=True) if a["f1"] is not None]
    behind = sorted([(r, a, b) for r, a, b in f1s if far_below(a, b)], key=lambda x: x[1] - x[2])
    out += [
        "",
        f"thresher F1 >= {GAP} below trafilatura's: {_share([far_below(a, b) for _, a, b in f1s])} of pages",
    ]
    if worst and behind:
        out.append(f"  {'id':<16}{'type':<14}{'host':<30}{'thr':>6}{'traf':>6}  url")
        out += [
            f"  {r['id']:<16}{r['page_type']:<14}{r['host'][:29]:<30}{a:6.3f}{b:6.3f}  {r['url']}"
            for r, a, b in behind[:worst]
        ]
    return out


def report_lines(header: dict[str, Any], records: Sequence[dict[str, Any]], by_fold: bool, worst: int) -> list[str]:
    """The whole report of a run: its header, then each source on its own (the targets are per source:
    WCXB's word F1, page types and metadata are not AEB's), then the pages far below over all sources."""
    out = [f"{header['command']}\n{header['date']}  trafilatura {header['trafilatura']}  thresher: {header['model']}"]
    out.append(
        f"jobs {header['jobs']}, {header.get('seconds', '?')} s; pages per fold: "
        + "; ".join(f"{s} " + ", ".join(f"{k}: {n}" for k, n in c.items()) for s, c in header["pages"].items())
    )
    if header.get("import_error"):
        out.append(f"thresher: unavailable ({header['import_error']}); every page counts as an exception")
    sources = [s for s in ("wcxb", "aeb") if any(r["source"] == s for r in records)]
    for source in sources:
        rows = [r for r in records if r["source"] == source]
        folds = sorted({r["fold"] for r in rows})
        out += ["", f"=== {source} ({len(rows)} pages)"]
        if source == "aeb":
            out.append(
                "AEB pages are scored with WCXB's word F1 here; AEB's own shingle metric is benchmarks/quality.py"
            )
        out += quality_table(rows, f"word F1, folds {','.join(map(str, folds))}")
        if by_fold and len(folds) > 1:
            for k in folds:
                out += ["", *quality_table([r for r in rows if r["fold"] == k], f"fold {k}")]
        out += summary_lines(rows, header["jobs"], worst)
    if len(sources) > 1:
        scored = [r["systems"] for r in records if r["systems"]["thresher"]["f1"] is not None]
        below = [far_below(s["thresher"]["f1"], s["trafilatura"]["f1"]) for s in scored]
        out += ["", f"=== all sources: thresher F1 >= {GAP} below trafilatura's: {_share(below)} of pages"]
    return out


# --------------------------------------------------------------------------
# Command line


def _model_label(model_dir: str | None) -> str:
    """Which model produced the figures, so saved output says what was measured."""
    if model_dir:
        return f"per-fold models in {model_dir} (fold k extracted by {corpus.FOLD_MODEL_NAMES}, trained without fold k)"
    try:
        from pipelines.extraction import scorer
    except Exception:  # noqa: BLE001 - absent or broken: the extractor has no model file
        return "shipped extractor"
    path = getattr(scorer, "DEFAULT_MODEL_PATH", None)
    return f"shipped model {path}" if path else "shipped extractor"


def _check_model_dir(model_dir: str, folds: set[int]) -> None:
    """Fail before the run, in one line, rather than scoring every page as an exception."""
    try:
        from pipelines.extraction import extract, scorer

        scorer.BlockScorer  # noqa: B018 - only checking it exists
    except Exception as exc:  # noqa: BLE001
        sys.exit(f"--model-dir needs pipelines.extraction.scorer.BlockScorer: {type(exc).__name__}: {exc}")
    if "scorer" not in inspect.signature(extract).parameters:
        sys.exit("--model-dir: pipelines.extraction.extract() takes no scorer= argument yet")
    wanted = [name.format(k=k) for k in sorted(folds) for name in corpus.FOLD_MODEL_FILES.values()]
    missing = [name for name in wanted if not (Path(model_dir) / name).is_file()]
    if missing:
        sys.exit(f"--model-dir {model_dir}: missing {', '.join(missing)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", choices=("wcxb", "aeb", "all"), default="wcxb")
    parser.add_argument(
        "--folds",
        default=str(corpus.HELD_OUT_FOLD),
        help="comma-separated folds or 'all' (default: the held-back fold %(default)s)",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="first N selected pages")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (timings need 1)")
    parser.add_argument("--by-fold", action="store_true", help="also a quality table per fold")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N pages where thresher trails most")
    parser.add_argument("--json", metavar="OUT", help="write every per-page result to OUT")
    parser.add_argument(
        "--model-dir",
        metavar="DIR",
        help=f"extract fold k with DIR's {corpus.FOLD_MODEL_NAMES} (training/train.py --folds-out DIR)",
    )
    parser.add_argument("--report", metavar="JSON", help="print the report of a saved --json run; run nothing")
    args = parser.parse_args(argv)
    if args.report:
        try:
            saved = json.loads(Path(args.report).read_text(encoding="utf-8"))
            lines = report_lines(saved["header"], saved["pages"], args.by_fold, args.worst)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            sys.exit(f"--report {args.report}: not a saved wcxb.py --json run ({type(exc).__name__}: {exc})")
        print("\n".join(lines))
        return 0

    try:
        folds = set(range(corpus.FOLDS)) if args.folds == "all" else {int(f) for f in args.folds.split(",")}
    except ValueError:
        parser.error(f"--folds: expected comma-separated integers or 'all', got {args.folds!r}")
    if not folds <= set(range(corpus.FOLDS)):
        parser.error(f"--folds: folds are 0..{corpus.FOLDS - 1}")
    if args.model_dir:
        _check_model_dir(args.model_dir, folds)
    sources = ("wcxb", "aeb") if args.source == "all" else (args.source,)
    readers = {"wcxb": corpus.iter_wcxb, "aeb": corpus.iter_aeb}
    selected = (p for s in sources for p in readers[s]() if p.fold in folds)  # lazy: all HTML is ~450 MB
    pages = list(itertools.islice(selected, args.limit))

    per_fold = Counter((p.source, p.fold) for p in pages)
    header = {
        "command": " ".join(["python", *sys.argv]) if argv is None else f"wcxb.main({list(argv)})",
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "trafilatura": aeb.trafilatura_version(),
        "model": _model_label(args.model_dir),
        "jobs": args.jobs,
        "pages": {s: {str(k): per_fold[(s, k)] for k in sorted(folds)} for s in sources},
    }
    _init(args.model_dir)  # also tells whether thresher imports at all
    t0 = time.perf_counter()
    records = run_all(pages, args.jobs, args.model_dir)
    header["seconds"] = round(time.perf_counter() - t0, 1)
    if _STATE.get("import_error") is not None:
        header["import_error"] = repr(_STATE["import_error"])
    print("\n".join(report_lines(header, records, args.by_fold, args.worst)))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"header": header, "pages": records}, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        print(f"\nper-page results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
