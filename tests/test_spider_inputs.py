"""Every input kind of the `articles` spider, each judged by the URLs that end up exported.

Each test runs a real crawl (`python -m crawler.cli crawl`, or `scrapy crawl`) in a
subprocess against tests/sites/news served on 127.0.0.1.
"""

from __future__ import annotations

import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from conftest import ARTICLES, FAST, NEWS, REPO, crawl, paths_of, running_site, slow_routes, subprocess_env

from pipelines.extraction.record import ARTICLE_SCHEMA

SITEMAP_ARTICLES = {ARTICLES["river"], ARTICLES["grain"], ARTICLES["trains"], ARTICLES["trees"]}


def exported_paths(run) -> list[str]:
    return sorted(paths_of(run.exported_urls()))


def test_start_urls(news_site, tmp_path):
    run = crawl(tmp_path, news_site.url(ARTICLES["river"]), news_site.url(ARTICLES["grain"]))
    assert exported_paths(run) == sorted([ARTICLES["river"], ARTICLES["grain"]])
    assert run.manifest["inputs"]["urls"] == [news_site.url(ARTICLES["river"]), news_site.url(ARTICLES["grain"])]


def test_urls_file_skips_comments_and_blank_lines(news_site, tmp_path):
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text(
        "# morning run: two stories\n"
        "\n"
        f"{news_site.url(ARTICLES['trains'])}\n"
        "   \n"
        f"  {news_site.url(ARTICLES['trees'])}   # the tree atlas\n"
        f"# {news_site.url(ARTICLES['robots'])}  commented out: must not be fetched\n",
        encoding="utf-8",
    )
    run = crawl(tmp_path / "out", "--urls-file", str(urls_file))
    assert exported_paths(run) == sorted([ARTICLES["trains"], ARTICLES["trees"]])
    assert run.manifest["counts"]["requested"] == 2


def test_sitemap_index_with_plain_and_gzip_sitemaps(news_site, tmp_path):
    since = len(news_site.hits)
    run = crawl(tmp_path, "--sitemap", news_site.url("/sitemap_index.xml"))
    assert set(exported_paths(run)) == SITEMAP_ARTICLES
    requested = news_site.paths(since)
    assert "/sitemaps/news.xml" in requested
    assert "/sitemaps/archive.xml.gz" in requested  # the gzip half of the index was read
    assert run.manifest["counts"]["input_errors"] == 0


@pytest.mark.parametrize("entry", ["/", "/robots.txt"], ids=["site-root", "robots.txt"])
def test_sitemap_discovery_through_robots_txt(news_site, tmp_path, entry):
    since = len(news_site.hits)
    run = crawl(tmp_path, "--sitemap", news_site.url(entry))
    assert set(exported_paths(run)) == SITEMAP_ARTICLES
    assert "/sitemap_index.xml" in news_site.paths(since)


def test_sitemap_discovery_without_robots_txt(tmp_path):
    """A site root with no robots.txt (404): its /sitemap.xml is read all the same."""
    routes = {
        path: (200, {"Content-Type": "text/html; charset=utf-8"}, (NEWS / path[1:]).read_bytes())
        for path in ARTICLES.values()
    }
    routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, (NEWS / "sitemaps" / "news.xml").read_text())
    with running_site(routes, static=None) as site:
        run = crawl(tmp_path, "--sitemap", site.url("/"))
        assert "/robots.txt" in site.paths() and "/sitemap.xml" in site.paths()
    assert set(exported_paths(run)) == {ARTICLES["river"], ARTICLES["grain"]}
    assert run.manifest["counts"]["input_errors"] == 0


def test_rss_feed(news_site, tmp_path):
    since = len(news_site.hits)
    run = crawl(tmp_path, "--feed", news_site.url("/feed.rss"))
    # the second item's link carries tracking parameters: fetched as given, identified by its canonical URL
    assert exported_paths(run) == sorted([ARTICLES["robots"], ARTICLES["trees"] + "?utm_source=rss&utm_medium=feed"])
    assert sorted(paths_of(run.table().column("canonical_url").to_pylist())) == sorted(
        [ARTICLES["robots"], ARTICLES["trees"]]
    )
    pages = news_site.page_paths(since)
    assert pages.count(ARTICLES["robots"]) == 1  # <link> and the permalink <guid> are one page
    assert not [p for p in pages if "courier-2024" in p]  # a non-permalink guid is not a URL


def test_atom_feed(news_site, tmp_path):
    since = len(news_site.hits)
    # one entry has an absolute alternate link, the other a relative link without rel,
    # to a page that is also a start URL: fetched once, the second mention recorded by its absolute URL
    run = crawl(tmp_path, news_site.url(ARTICLES["grain"]), "--feed", news_site.url("/feed.atom"))
    assert exported_paths(run) == sorted([ARTICLES["trains"], ARTICLES["grain"]])
    assert run.drop_reasons() == {news_site.url(ARTICLES["grain"]): "duplicate_url"}
    pages = news_site.page_paths(since)
    assert sorted(pages) == sorted(
        [ARTICLES["trains"], ARTICLES["grain"]]
    )  # not the enclosure, nor the feed's own link


def test_follow_with_allow_and_deny(news_site, tmp_path):
    since = len(news_site.hits)
    run = crawl(
        tmp_path,
        news_site.url("/"),
        "--follow",
        "--allow",
        r"/articles/",
        "--deny",
        r"night-trains",
    )
    assert exported_paths(run) == sorted([ARTICLES["river"], ARTICLES["grain"], ARTICLES["trees"], ARTICLES["robots"]])
    pages = news_site.page_paths(since)
    assert ARTICLES["trains"] not in pages  # denied, though two pages link to it
    assert "/private/members.html" not in pages  # not allowed
    assert pages.count(ARTICLES["robots"]) == 1  # the #comments link is the same page
    assert len(pages) == len(set(pages)), f"a page was fetched twice: {pages}"
    # the start page is a listing; it is accounted for, not exported
    assert run.drop_reasons() == {news_site.url("/"): "page_type"}
    # the off-site link (another host) is never followed
    assert run.manifest["counts"]["requested"] == 5


def test_follow_stays_on_site_and_obeys_robots_txt(news_site, tmp_path):
    since = len(news_site.hits)
    run = crawl(tmp_path, news_site.url(ARTICLES["river"]), "--follow", "--max-depth", "2")
    # river links home and to grain (depth 1); home links every article and the members page (depth 2)
    assert set(exported_paths(run)) == set(ARTICLES.values())
    assert run.drop_reasons() == {
        news_site.url("/"): "page_type",
        news_site.url("/private/members.html"): "robots_txt",
    }
    assert "/private/members.html" not in news_site.paths(since)  # never fetched
    # river's link to another host (127.0.0.2) is neither fetched nor counted
    assert run.manifest["counts"]["requested"] == len(ARTICLES) + 2
    assert run.manifest["counts"]["input_errors"] == 0


def test_robots_txt_is_obeyed_for_every_start_url(news_site, tmp_path):
    """All start URLs wait for the site's robots.txt; each is then checked, not only the first."""
    since = len(news_site.hits)
    urls = [news_site.url(p) for p in (ARTICLES["river"], ARTICLES["grain"], ARTICLES["trains"])]
    run = crawl(tmp_path, *urls, news_site.url("/private/members.html"))
    assert "/private/members.html" not in news_site.paths(since)
    assert run.drop_reasons() == {news_site.url("/private/members.html"): "robots_txt"}
    assert len(run.exported_urls()) == 3


@pytest.mark.parametrize("depth, expected", [(0, ["river"]), (2, ["river", "grain", "trains"])])
def test_max_depth(news_site, tmp_path, depth, expected):
    # the articles form a chain river -> grain -> trains -> trees -> robots ("Next story")
    since = len(news_site.hits)
    run = crawl(
        tmp_path, news_site.url(ARTICLES["river"]), "--follow", "--allow", "/articles/", "--max-depth", str(depth)
    )
    assert exported_paths(run) == sorted(ARTICLES[name] for name in expected)
    assert sorted(news_site.page_paths(since)) == sorted(ARTICLES[name] for name in expected)


@pytest.mark.parametrize(
    "inputs",
    [["/", "--follow"], ["--sitemap", "/"]],
    ids=["follow", "sitemap"],
)
def test_max_pages_is_never_exceeded(news_site, tmp_path, inputs):
    args = [news_site.url(a) if a.startswith("/") else a for a in inputs]
    since = len(news_site.hits)
    run = crawl(tmp_path, *args, "--max-pages", "3")
    pages = news_site.page_paths(since)
    # there are more than 3 pages to reach; 3 are requested (a robots.txt-blocked one never reaches the site)
    assert len(pages) <= 3, pages
    assert run.manifest["counts"]["requested"] == 3
    assert run.manifest["counts"]["balanced"] is True
    assert len(run.exported_urls()) + len(run.drops) == 3


def test_scrapy_crawl_with_spider_arguments(news_site, tmp_path):
    out = tmp_path / "out.parquet"
    since = len(news_site.hits)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "articles",
            "-a",
            f"urls={news_site.url(ARTICLES['river'])},{news_site.url(ARTICLES['trees'])}",
            "-a",
            "follow=1",
            "-a",
            "allow=/articles/",
            "-a",
            "max_pages=3",
            "-O",
            str(out),
            *FAST,
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    pages = news_site.page_paths(since)
    assert len(pages) == 3, pages
    assert ARTICLES["river"] in pages and ARTICLES["trees"] in pages  # the start URLs come first
    table = pq.read_table(out)
    assert table.schema.equals(ARTICLE_SCHEMA, check_metadata=False)
    assert sorted(paths_of(table.column("url").to_pylist())) == sorted(pages)


def test_per_domain_concurrency_limit(tmp_path):
    """CONCURRENT_REQUESTS_PER_DOMAIN holds without AutoThrottle (FAST turns it off).

    Scrapy 2.19's own Downloader does not hold it on the asyncio reactor (this was a strict
    xfail): crawler.downloader.PoliteDownloader does.
    """
    with running_site(slow_routes(6), static=None, delay=0.3) as site:
        crawl(tmp_path, *[site.url(path) for path in site.routes], "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
        assert len(site.page_paths()) == 6
        assert site.max_in_flight == 1


def test_the_default_per_domain_limit_holds_without_autothrottle(tmp_path):
    """The README's 4 concurrent requests per domain, with -s AUTOTHROTTLE_ENABLED=False (in FAST)."""
    with running_site(slow_routes(12), static=None, delay=0.3) as site:
        crawl(tmp_path, *[site.url(path) for path in site.routes])
        assert len(site.page_paths()) == 12
        assert site.max_in_flight == 4
