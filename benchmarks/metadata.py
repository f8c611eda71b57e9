"""Page metadata: thresher's `read_metadata` vs trafilatura's `extract_metadata`, same run.

Title, author and date agreement on WCXB article pages (`corpus.title_agrees`,
`authors_agree`, `date_agrees`: normalized headline, every true name contained, same
day), counted over the pages whose truth has that field ("byline" compares the author
truth with `authors`, else `credit`: the team or publisher a page naming no person
credits); the median time per page of each reader on the same parsed tree (parsing
excluded for both); and on the AEB pages, which have no metadata truth, how many
thresher titles still carry the site name. With several folds, author and byline agreement
per fold, and each reading of the authors (`PageMetadata.authors_source`: JSON-LD, meta,
byline, card, ...) right / wrong / extra per fold: a reading right in one fold and wrong in
another is fragile on unseen hosts (counts only, so fold 4's can be read without its pages).

    python benchmarks/metadata.py                      # development folds 0-3
    python benchmarks/metadata.py --failures 30        # thresher's disagreements there
    python benchmarks/metadata.py --folds 4            # the held-back fold: report only

Fold 4 is held back (`corpus.HELD_OUT_FOLD`): look at failures only on folds 0-3.
"""

from __future__ import annotations

import argparse
import datetime
import html as html_lib
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from trafilatura.metadata import extract_metadata

from pipelines.extraction.metadata import read_metadata
from pipelines.extraction.parse import parse_html

#: trafilatura's reader as the extractor has called it so far.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
FIELDS = ("title", "author", "byline", "date")
AGREES: dict[str, Callable[[object, str | None], bool]] = {
    "title": corpus.title_agrees,
    "author": corpus.authors_agree,
    "byline": corpus.authors_agree,
    "date": corpus.date_agrees,
}


def _thresher(html: bytes, url: str) -> tuple[dict[str, object], float, object]:
    tree = parse_html(html)
    start = time.perf_counter()
    meta = read_metadata(tree, url)
    elapsed = time.perf_counter() - start
    byline = meta.authors or ([meta.credit] if meta.credit else [])
    return {"title": meta.title, "author": meta.authors, "byline": byline, "date": meta.published}, elapsed, meta


def _trafilatura(html: bytes, url: str) -> tuple[dict[str, object], float]:
    tree = parse_html(html)
    start = time.perf_counter()
    doc = extract_metadata(tree, url, dict(_DATE_PARAMS), extensive=False)
    elapsed = time.perf_counter() - start
    return {"title": doc.title, "author": doc.author, "byline": doc.author, "date": doc.date}, elapsed


def _truth(page: corpus.DevPage) -> dict[str, str | None]:
    return {"title": page.title, "author": page.author, "byline": page.author, "date": page.publish_date}


_TEAM = re.compile(r"\b(team|staff|editors?|editorial|desk|contributor)\b", re.I)


def _names_no_person(truth: str) -> bool:
    """An author truth that names a team or a desk ("Podium Staff", "The Investopedia Team").

    For the report only, and a lower bound: company names ("Swoogo", "ServiceTitan") count as persons here.
    """
    return bool(_TEAM.search(truth))


def _day_forms(day: str) -> list[str]:
    """The ways a page may write the truth's day: ISO, "December 9, 2025", "Dec 9, 2025", "9 December 2025", numeric."""
    try:
        d = datetime.date.fromisoformat(day[:10])
    except ValueError:
        return [day]
    month, short = d.strftime("%B"), d.strftime("%b")
    return [
        d.isoformat(),
        f"{month} {d.day}, {d.year}",
        f"{month} {d.day:02d}, {d.year}",
        f"{short} {d.day}, {d.year}",
        f"{short} {d.day:02d}, {d.year}",
        f"{d.day} {month} {d.year}",
        f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.month}/{d.day}/{d.year}",
        f"{d.year}/{d.month:02d}/{d.day:02d}",
    ]


def _on_page(field: str, truth: str, page_text: str) -> bool:
    """Whether the truth is written anywhere in the page's source (markup, meta, JSON-LD), case and spaces folded.

    A disagreement whose truth is nowhere on the page is out of any reader's reach.
    """
    if field == "title":
        return corpus._norm(truth) in page_text
    if field == "author":
        return all(corpus._norm(name) in page_text for name in corpus.truth_names(truth))
    return any(corpus._norm(form) in page_text for form in _day_forms(truth))


def run_wcxb(folds: set[int], failures: int) -> None:
    pages = [p for p in corpus.iter_wcxb() if p.page_type == "article" and p.fold in folds]
    hits = {(system, f): 0 for system in ("thresher", "trafilatura") for f in FIELDS}
    totals = dict.fromkeys(FIELDS, 0)
    spurious_authors = {"thresher": 0, "trafilatura": 0}
    no_author_truth = 0
    org_truths = 0
    org_hits = {"thresher": 0, "trafilatura": 0}
    times: dict[str, list[float]] = {"thresher": [], "trafilatura": []}
    wrong: list[tuple[str, str, object, str | None]] = []
    #: (authors source, fold, outcome): "right"/"wrong" against an author truth, "extra" where the truth has none,
    #: "none" for a truth that no reading names.
    by_source: Counter[tuple[str, int, str]] = Counter()
    per_fold: Counter[tuple[int, str, str]] = Counter()
    misses: Counter[tuple[int, str]] = Counter()
    unreachable = dict.fromkeys(FIELDS, 0)
    for page in pages:
        ours, t_ours, meta = _thresher(page.html, page.url)
        theirs, t_theirs = _trafilatura(page.html, page.url)
        times["thresher"].append(t_ours)
        times["trafilatura"].append(t_theirs)
        truth = _truth(page)
        source = meta.authors_source or "none"
        if truth["author"]:
            outcome = "right" if corpus.authors_agree(ours["author"], truth["author"]) else "wrong"
            by_source[source, page.fold, "none" if source == "none" else outcome] += 1
        elif ours["author"]:
            by_source[source, page.fold, "extra"] += 1
        if not truth["author"]:
            no_author_truth += 1
            spurious_authors["thresher"] += bool(ours["author"])
            spurious_authors["trafilatura"] += bool(theirs["author"])
        if truth["author"]:
            if _names_no_person(truth["author"]):
                org_truths += 1
            else:
                org_hits["thresher"] += corpus.authors_agree(ours["author"], truth["author"])
                org_hits["trafilatura"] += corpus.authors_agree(theirs["author"], truth["author"])
        for f in FIELDS:
            if not truth[f]:
                continue
            totals[f] += 1
            hits["thresher", f] += AGREES[f](ours[f], truth[f])
            hits["trafilatura", f] += AGREES[f](theirs[f], truth[f])
            if f in ("author", "byline"):
                per_fold[page.fold, f, "pages"] += 1
                per_fold[page.fold, f, "thresher"] += AGREES[f](ours[f], truth[f])
                per_fold[page.fold, f, "trafilatura"] += AGREES[f](theirs[f], truth[f])
            if f != "byline" and not AGREES[f](ours[f], truth[f]):  # a byline miss is an author miss too
                text = corpus._norm(html_lib.unescape(page.html.decode("utf-8", "replace")))
                off_page = not _on_page(f, truth[f], text)
                unreachable[f] += off_page
                if f == "author":
                    misses[page.fold, _author_miss(meta.authors, meta.credit, theirs[f], truth[f])] += 1
                    misses[page.fold, "unreachable"] += off_page
                source = {"title": meta.title_source, "date": meta.published_source, "author": meta.authors_source}[f]
                wrong.append((page.url, f"{f} [{source}]", ours[f], truth[f]))

    print(f"WCXB article pages, folds {','.join(map(str, sorted(folds)))}: {len(pages)} pages")
    print(f"{'field':<8}{'pages':>7}{'thresher':>10}{'trafilatura':>13}")
    for f in FIELDS:
        n = totals[f] or 1
        print(f"{f:<8}{totals[f]:>7}{hits['thresher', f] / n:>10.3f}{hits['trafilatura', f] / n:>13.3f}")
    print(
        "disagreements whose truth is nowhere in the page's source (unreachable): "
        + ", ".join(f"{f} {unreachable[f]}" for f in FIELDS if f != "byline")
    )
    persons = totals["author"] - org_truths
    print(
        f"author truths that name a team or a desk, not a person ({org_truths} pages; the issue "
        f"asks for person names only): without them thresher {org_hits['thresher']}/{persons} = "
        f"{org_hits['thresher'] / (persons or 1):.3f}, trafilatura {org_hits['trafilatura'] / (persons or 1):.3f}"
    )
    print(
        f"an author given where the truth has none ({no_author_truth} pages): "
        f"thresher {spurious_authors['thresher']}, trafilatura {spurious_authors['trafilatura']}"
    )
    _print_per_fold(per_fold, folds)
    _print_sources(by_source, folds)
    _print_misses(misses, folds)
    ms = {k: statistics.median(v) * 1000 for k, v in times.items()}
    mean = {k: statistics.fmean(v) * 1000 for k, v in times.items()}
    print(
        f"time per page, median (mean) ms: thresher {ms['thresher']:.2f} ({mean['thresher']:.2f}), "
        f"trafilatura {ms['trafilatura']:.2f} ({mean['trafilatura']:.2f}); "
        f"ratio {ms['thresher'] / ms['trafilatura']:.2f}"
    )
    if failures:
        if corpus.HELD_OUT_FOLD in folds:
            print("failures are not shown for the held-back fold")
            return
        print(f"\n{min(failures, len(wrong))} of {len(wrong)} disagreements (field: thresher | truth, url)")
        for url, f, got, truth in wrong[:failures]:
            print(f"{f}: {got!r} | {truth!r}   {url}")


#: Kinds of author disagreement (`_author_miss`), in the report's order.
MISS_KINDS = (
    "credited",
    "empty, trafilatura right",
    "empty, both wrong",
    "name, trafilatura right",
    "name, both wrong",
)


def _author_miss(authors: list[str], credit: str | None, theirs: str | None, truth: str) -> str:
    """What kind of author disagreement: no person but the credit agrees (a team or the publisher, which
    `authors` never hold), no person at all, or another name; each with whether trafilatura agrees."""
    if not authors and credit and corpus.authors_agree([credit], truth):
        return "credited"
    other = "trafilatura right" if corpus.authors_agree(theirs, truth) else "both wrong"
    return f"{'name' if authors else 'empty'}, {other}"


def _print_misses(misses: Counter[tuple[int, str]], folds: set[int]) -> None:
    """Thresher's author disagreements by kind and fold (counts only), and how many truths are nowhere in the page."""
    columns = [*sorted(folds), None]
    print("\nauthor disagreements by kind")
    print(f"{'kind':<26}" + "".join(f"{'fold ' + str(f) if f is not None else 'all':>8}" for f in columns))
    for kind in (*MISS_KINDS, "unreachable"):
        counts = [sum(n for (f, k), n in misses.items() if k == kind and fold in (None, f)) for fold in columns]
        print(f"{kind:<26}" + "".join(f"{n:>8}" for n in counts))


def _print_per_fold(per_fold: Counter[tuple[int, str, str]], folds: set[int]) -> None:
    """Author and byline agreement per fold: a change should help or be neutral in each fold, not only in
    the total. The gap between the two is the share of truths that credit a team or the publisher, which
    `authors` (persons only) never matches: it differs from fold to fold."""
    if len(folds) < 2:
        return
    print("\nper fold: pages, author thresher / trafilatura, byline thresher (credited: byline - author)")
    for fold in sorted(folds):
        pages = per_fold[fold, "author", "pages"] or 1
        author, byline = (per_fold[fold, f, "thresher"] / pages for f in ("author", "byline"))
        theirs = per_fold[fold, "author", "trafilatura"] / pages
        print(
            f"fold {fold}: {pages:>4}  author {author:.3f} / {theirs:.3f}  byline {byline:.3f}  credited {byline - author:.3f}"
        )


def _print_sources(by_source: Counter[tuple[str, int, str]], folds: set[int]) -> None:
    """Each reading of `authors.read_authors` per fold: right / wrong against the author truth and
    the authors it gives where the truth has none (extra); "none" counts the truths no reading names.
    A reading right in one fold and wrong in another is fragile on unseen hosts."""

    def count(source: str, fold: int | None, outcome: str) -> int:
        return sum(n for (s, f, o), n in by_source.items() if s == source and o == outcome and fold in (None, f))

    sources = {s for s, _, _ in by_source}
    order = sorted(sources, key=lambda s: -sum(n for (t, _, _), n in by_source.items() if t == s))
    columns = [*sorted(folds), None]
    print("\nauthors by source, right/wrong/extra per fold (none: author truths that no reading names)")
    print(
        f"{'source':<15}"
        + "".join(f"{'fold ' + str(f) if f is not None else 'all':>14}" for f in columns)
        + f"{'precision':>11}"
    )
    for source in order:
        if source == "none":
            cells = [str(count(source, f, "none")) for f in columns]
            precision = "-"
        else:
            cells = ["/".join(str(count(source, f, o)) for o in ("right", "wrong", "extra")) for f in columns]
            right, wrong = count(source, None, "right"), count(source, None, "wrong")
            precision = f"{right / (right + wrong):.3f}" if right + wrong else "-"
        print(f"{source:<15}" + "".join(f"{c:>14}" for c in cells) + f"{precision:>11}")


def run_aeb(folds: set[int]) -> None:
    """AEB has no metadata truth: count titles that still start or end with the site name (the AEB pages of
    `folds`; examples only off the held-back fold)."""
    pages = [page for page in corpus.iter_aeb() if page.fold in folds]
    with_site = 0
    examples: list[str] = []
    for page in pages:
        _, _, meta = _thresher(page.html, page.url)
        site, title = (meta.site_name or "").strip().casefold(), (meta.title or "").strip().casefold()
        if site and title and title != site and (title.endswith(site) or title.startswith(site)):
            with_site += 1
            examples.append(f"{meta.title!r} (site {meta.site_name!r})")
    print(f"\nAEB: {len(pages)} pages; thresher titles starting or ending with the site name: {with_site}")
    for example in examples[:10] if corpus.HELD_OUT_FOLD not in folds else []:
        print("  " + example)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", default="0,1,2,3", help="comma-separated WCXB folds (default 0,1,2,3)")
    parser.add_argument("--failures", type=int, default=0, help="print N of thresher's disagreements")
    parser.add_argument("--no-aeb", action="store_true", help="skip the AEB site-name count")
    args = parser.parse_args()
    folds = {int(f) for f in args.folds.split(",")}
    run_wcxb(folds, args.failures)
    if not args.no_aeb:
        run_aeb(folds)


if __name__ == "__main__":
    main()
