"""Run accounting: every requested URL ends exactly once, exported or in drops.jsonl with its reason.

One crawl of a site with every kind of trouble (duplicates, errors, non-HTML, robots.txt,
redirects, a listing, an oversized page); the tests read its Parquet, drops.jsonl and
manifest.json.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ARTICLES, NEWS, PDF_BYTES, CrawlRun, crawl, paths_of, running_site

HTML = {"Content-Type": "text/html; charset=utf-8"}
MAX_SIZE = 200_000
RETRY_TIMES = 1


def _big_page() -> bytes:
    """A real article padded with more prose than DOWNLOAD_MAXSIZE allows."""
    page = (NEWS / "articles" / "old-trees.html").read_bytes()
    paragraph = b"<p>The survey continued street by street, recording girth, height and condition of each tree.</p>\n"
    padding = paragraph * (MAX_SIZE // len(paragraph) + 50)
    return page.replace(b"</article>", padding + b"</article>")


ROUTES = {
    # the same page (same canonical URL) at a second address
    "/copies/river-park.html": (200, HTML, (NEWS / "articles" / "river-park.html").read_bytes()),
    # the same body at a second address (this page declares no canonical URL)
    "/mirror/robotics-final.html": (200, HTML, (NEWS / "articles" / "robotics-final.html").read_bytes()),
    "/error": (500, HTML, "<!doctype html><title>Server error</title><h1>Something went wrong</h1>"),
    "/report.pdf": (200, {"Content-Type": "application/pdf"}, PDF_BYTES),
    "/api/stats.json": (200, {"Content-Type": "application/json"}, '{"articles": 5, "updated": "2024-06-21"}'),
    # answers late, so the page it redirects to has been seen first
    "/old/night-trains": (301, {"Location": "/articles/night-trains.html"}, b"", 0.5),
    "/big.html": (200, HTML, _big_page()),
}

#: Start URL path -> the outcome it must have ("exported" or a drop reason).
EXPECTED = {
    ARTICLES["river"]: "exported|duplicate_url",
    "/copies/river-park.html": "exported|duplicate_url",
    ARTICLES["robots"]: "exported|duplicate_content",
    "/mirror/robotics-final.html": "exported|duplicate_content",
    ARTICLES["grain"]: "exported",
    ARTICLES["grain"] + "?utm_source=newsletter&utm_medium=email": "duplicate_url",
    ARTICLES["trains"]: "exported",
    "/old/night-trains": "duplicate_url",
    "/intl/marche-de-noel.html": "exported",
    "/missing.html": "http_error",
    "/error": "http_error",
    "/report.pdf": "not_html",
    "/api/stats.json": "not_html",
    "/private/members.html": "robots_txt",
    "/": "page_type",
    "/big.html": "too_large",
}


@pytest.fixture(scope="module")
def site():
    with running_site(ROUTES) as site:
        yield site


@pytest.fixture(scope="module")
def run(site, tmp_path_factory) -> CrawlRun:
    return crawl(
        tmp_path_factory.mktemp("accounting"),
        *[site.url(path) for path in EXPECTED],
        "-s",
        f"DOWNLOAD_MAXSIZE={MAX_SIZE}",
        "-s",
        f"RETRY_TIMES={RETRY_TIMES}",
    )


def outcomes(run: CrawlRun) -> dict[str, list[str]]:
    """Requested path -> every outcome recorded for it (exported rows by URL, drops by requested URL)."""
    found: dict[str, list[str]] = {}
    for path in paths_of(run.exported_urls()):
        found.setdefault(path, []).append("exported")
    for drop in run.drops:
        found.setdefault(paths_of([drop["url"]])[0], []).append(drop["reason"])
    return found


def test_every_requested_url_ends_exactly_once(run):
    found = outcomes(run)
    assert sorted(found) == sorted(EXPECTED), "URLs recorded that were never requested, or requested URLs lost"
    for path, recorded in found.items():
        assert len(recorded) == 1, f"{path} recorded {len(recorded)} times: {recorded}"


@pytest.mark.parametrize("path", list(EXPECTED))
def test_each_url_has_the_right_outcome(run, path):
    assert outcomes(run)[path][0] in EXPECTED[path].split("|")


@pytest.mark.parametrize(
    "pair, reason",
    [
        ((ARTICLES["river"], "/copies/river-park.html"), "duplicate_url"),
        ((ARTICLES["robots"], "/mirror/robotics-final.html"), "duplicate_content"),
    ],
    ids=["same-canonical", "same-body"],
)
def test_of_two_copies_one_is_exported(run, pair, reason):
    found = outcomes(run)
    assert sorted(found[path][0] for path in pair) == sorted(["exported", reason])


def test_drop_details(run, site):
    drops = {paths_of([d["url"]])[0]: d for d in run.drops}
    assert drops["/missing.html"]["http_status"] == 404
    assert drops["/error"]["http_status"] == 500
    assert {drops[p]["stage"] for p in ("/missing.html", "/error", "/report.pdf", "/private/members.html")} == {"fetch"}
    assert drops["/report.pdf"]["detail"] == "application/pdf"
    assert drops["/api/stats.json"]["detail"] == "application/json"
    assert drops["/old/night-trains"]["stage"] == "filter"
    assert drops[ARTICLES["grain"] + "?utm_source=newsletter&utm_medium=email"]["stage"] == "input"
    assert drops["/"]["stage"] == "filter" and drops["/"]["detail"]  # the cue that made it a listing
    assert drops["/big.html"]["stage"] == "fetch"
    assert set(drops["/private/members.html"]) == {"url", "stage", "reason", "http_status", "detail"}


def test_retries_are_one_request(run, site):
    assert site.paths().count("/error") == RETRY_TIMES + 1  # retried, yet recorded once
    assert site.paths().count("/missing.html") == 1  # a 404 is not retried
    assert "/private/members.html" not in site.paths()  # never fetched
    assert site.paths().count(ARTICLES["grain"]) == 1  # the tracking-parameter copy is not fetched


def test_manifest_counts_add_up(run):
    counts = run.manifest["counts"]
    assert counts["requested"] == len(EXPECTED)
    assert counts["exported"] == len(run.exported_urls()) == 5
    assert counts["dropped"] == len(run.drops)
    assert counts["requested"] == counts["exported"] + counts["dropped"]
    assert counts["balanced"] is True
    assert counts["drop_reasons"] == dict(Counter(d["reason"] for d in run.drops))
    assert counts["input_errors"] == 0


def test_manifest_describes_the_run(run, site):
    manifest = run.manifest
    assert manifest["run_id"] == run.run_dir.name
    assert manifest["finish_reason"] == "finished"
    assert manifest["inputs"]["urls"] == [site.url(path) for path in EXPECTED]
    assert manifest["settings"]["DOWNLOAD_MAXSIZE"] in (MAX_SIZE, str(MAX_SIZE))
    assert set(run.table().column("run_id").to_pylist()) == {manifest["run_id"]}
    assert manifest["outputs"] == {
        str(run.parquet): "parquet",
        str(run.run_dir / "articles.jsonl"): "jsonlines",
    }
