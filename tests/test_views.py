"""The explain view (`extract --explain`) and the dataset report (`thresher report`).

Unit tests read the generated HTML with lxml: untrusted page text is escaped, the legend
lists every label, each chart has one bar per item. Browser tests open both files in real
headless Chromium (Debian `chromium` + `chromium-driver`, driven by Selenium), check what
is visible and that the console stays clean, and save full-page screenshots as artifacts
(tests/artifacts/, copied to output/views/; both git-ignored).
"""

from __future__ import annotations

import base64
import json
import shlex
import shutil
from collections import Counter
from datetime import datetime, timezone
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import lxml.html
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import REPO, crawl, demo_port_held

from crawler.cli import main
from crawler.views.explain import explain_html
from crawler.views.report import collect, report_html
from crawler.views.stats import COVERAGE_FIELDS
from crawler.views.svg import histogram_bins
from pipelines.dataset import load_articles
from pipelines.extraction import BlockLabel, extract
from pipelines.extraction.record import ARTICLE_SCHEMA, Article

SEED = REPO / "tests" / "fixtures" / "segmentation" / "seed_page.html"
ARTIFACTS = REPO / "tests" / "artifacts"
SHARED_ARTIFACTS = REPO / "output" / "views"  # where people look for outputs
CHROMIUM = Path("/usr/bin/chromium")
DEMO_ARTICLE = "/coaching/build-empathy-in-relationships/"

_PROSE = (
    "The council met on Tuesday to discuss the new flood barrier, and residents filled the hall to hear "
    "the engineers explain how the gates would close when the river rose above the old quay wall. "
)
HOSTILE_PAGE = f"""<!doctype html><html lang="en"><head>
<title>&lt;script&gt;alert("title")&lt;/script&gt; Barrier</title>
<meta name="author" content="Eve &lt;img src=x onerror=alert(1)&gt;">
<meta property="og:type" content="article">
</head><body>
<nav class='menu" onmouseover="alert(3)'><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About</a></nav>
<article>
<h1>&lt;script&gt;alert("h1")&lt;/script&gt; Barrier</h1>
<p>{_PROSE * 2} A sign read &lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; "quotes" 'too'.</p>
<script>alert("a real script of the page")</script>
<p onclick="alert(4)">{_PROSE * 3}</p>
<p>{_PROSE * 2}<img src="x" onerror="alert(5)"></p>
<style>body {{ display: none }}</style>
</article>
<aside class="newsletter"><h3>Get the &lt;b&gt;weekly&lt;/b&gt; letter</h3>
<form action="/subscribe"><input type="email" name="email" placeholder="Email"><button>Subscribe</button></form></aside>
<footer><p>&copy; 2026 The &lt;iframe&gt; Courier. All rights reserved.</p></footer>
</body></html>"""


def _tree(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(markup)


def _assert_inert(markup: str) -> None:
    """Nothing in the output can run or fetch: no script, no event handler, no embedded or linked content."""
    tree = _tree(markup)
    assert not tree.xpath("//script | //iframe | //object | //embed | //img | //form | //input | //a[@href]")
    handlers = [(el.tag, name) for el in tree.iter() for name in el.attrib if name.lower().startswith("on")]
    assert not handlers, handlers
    assert "<script" not in markup.lower()
    (csp,) = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "default-src 'none'" in csp and "script-src" not in csp


# --- explain ----------------------------------------------------------------------
def test_explain_escapes_page_text_and_runs_nothing():
    article = extract(HOSTILE_PAGE, "https://courier.example/news/barrier")
    assert article.blocks and '<script>alert("h1")</script>' in article.title
    markup = explain_html(article, "https://courier.example/news/barrier")
    _assert_inert(markup)
    tree = _tree(markup)
    text = tree.text_content()
    assert '<script>alert("h1")</script> Barrier' in text  # shown as text, exactly
    assert "</textarea><script>alert(2)</script>" in text
    assert 'alert("a real script of the page")' not in text  # the page's own scripts are no content


def test_explain_lists_blocks_in_reading_order_with_label_tag_and_reason():
    article = extract(SEED.read_bytes(), "https://example.com/blog/build-empathy/")
    tree = _tree(explain_html(article, str(SEED)))
    legend = [li.get("data-label") for li in tree.xpath("//nav[@class='legend']//li")]
    assert legend == [label.value for label in BlockLabel]  # every label, in the enum's order
    for li in tree.xpath("//nav[@class='legend']//li"):
        assert li.xpath("string(.//span[contains(@class, 'tag')])") == li.get("data-label")
    blocks = tree.xpath("//ol[@class='blocks']/li")
    assert [li.get("data-label") for li in blocks] == [b["label"] for b in article.blocks]
    for li, block in zip(blocks, article.blocks, strict=True):
        assert li.xpath("string(.//span[contains(@class, 'tag')])") == block["label"]
        assert li.get("title").startswith(f"{block['label']}: {block['reason']}")
        assert block["reason"] in li.xpath("string(.//span[@class='reason'])")
        assert " ".join(block["text"].split())[:80] in " ".join(li.text_content().split())
    panel = tree.xpath("//aside[@class='record']")[0].text_content()
    assert article.title in panel and "Sydney Ceruto" in panel
    for form in article.forms:
        assert f"[{form['kind']}]" in panel
    assert f"promos ({len(article.promos)})" in panel and f"forms ({len(article.forms)})" in panel


def test_explain_of_a_page_without_blocks_or_article():
    article = Article(
        url="https://example.com/", page_type="listing", is_article=False, page_type_reason="classifier:listing p=0.91"
    )
    tree = _tree(explain_html(article))
    assert "Typed listing, not article (classifier:listing p=0.91)" in tree.text_content()
    assert len(tree.xpath("//nav[@class='legend']//li")) == len(BlockLabel)


def test_explain_shows_the_credit_of_a_page_naming_no_person():
    panel = _tree(explain_html(Article(url="https://example.com/a", credit="Resy Staff"))).xpath("//aside")[0]
    assert [dt.text_content() for dt in panel.xpath(".//dt")][1:3] == ["authors", "credit"]
    assert "Resy Staff" in panel.text_content()
    assert "credit" not in _tree(explain_html(Article(url="https://example.com/a"))).xpath("string(//aside)")


def test_cli_extract_explain_writes_the_file_instead_of_the_record(tmp_path, capsys):
    out = tmp_path / "sub" / "explain.html"
    assert main(["extract", str(SEED), "--explain", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and str(out) in captured.err
    assert "thresher explain: The Importance of Learning" in out.read_text(encoding="utf-8")


# --- report ------------------------------------------------------------------------
def test_histogram_bins_cover_every_value_with_round_widths():
    assert histogram_bins([]) == []
    for values in ([0], [7, 7, 7], [0, 5, 999, 1000], [431, 566, 631], list(range(0, 12000, 37))):
        bins = histogram_bins(values)
        width = bins[0].high - bins[0].low
        assert str(width).strip("0") in ("1", "2", "5")
        assert all(b.high - b.low == width for b in bins) and bins[0].low % width == 0
        assert all(a.high == b.low for a, b in pairwise(bins))
        assert bins[0].low <= min(values) and max(values) < bins[-1].high and len(bins) <= 13
        assert sum(b.count for b in bins) == len(values)
        assert all(b.count == sum(b.low <= v < b.high for v in values) for b in bins)


def _record(url: str, words: int, labels: dict[str, int], **fields: Any) -> dict[str, Any]:
    blocks = [
        {"label": label, "text": " ".join(["word"] * n), "selector": "div", "reason": "test"}
        for label, n in labels.items()
    ]
    record = Article(url=url, domain=url.split("/")[2], body="x", word_count=words, blocks=blocks).to_dict()
    return {**record, **fields}


def _write_dataset(out: Path) -> list[dict[str, Any]]:
    """A dataset of one run: five records on three domains, a manifest and four drops."""
    run_id = "20260101T000000Z-abcdef"
    published = datetime(2026, 1, 1, tzinfo=timezone.utc)
    records = [
        _record("https://a.example/1", 100, {"body": 100, "footer": 20}, title="One", published=published),
        _record("https://a.example/2", 150, {"body": 150, "promo": 50}, title="Two", authors=["Ann"]),
        _record("https://a.example/3", 420, {"body": 420}, title="Three", language="en", bio="Ann writes."),
        _record("https://b.example/4", 900, {"body": 900, "footer": 30}, title="<script>alert(1)</script>"),
        _record(
            "https://x<b>.example/5",
            0,
            {"promo": 10},
            forms=[{"kind": "newsletter", "text": "Sign up"}],
            promos=["Buy"],
        ),
    ]
    (out / "articles").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(records, schema=ARTICLE_SCHEMA), out / "articles" / f"{run_id}.parquet")
    run_dir = out / "runs" / run_id
    run_dir.mkdir(parents=True)
    drops = [
        {"url": "https://a.example/", "stage": "filter", "reason": "page_type"},
        {"url": "https://a.example/tag/", "stage": "filter", "reason": "page_type"},
        {"url": "https://a.example/tag/2/", "stage": "filter", "reason": "page_type"},
        {"url": "https://a.example/<gone>", "stage": "fetch", "reason": "http_error"},
    ]
    (run_dir / "drops.jsonl").write_text("".join(json.dumps(d) + "\n" for d in drops), encoding="utf-8")
    counts = {"requested": 9, "exported": 5, "dropped": 4, "unchanged": 0, "drop_reasons": {"page_type": 3}}
    counts["drop_reasons"]["http_error"] = 1
    manifest = {"run_id": run_id, "started_at": "2026-01-01T00:00:00+00:00", "finish_reason": "finished"}
    (run_dir / "manifest.json").write_text(json.dumps({**manifest, "counts": counts, "elapsed_seconds": 3.5}))
    return records


def _bars(tree: lxml.html.HtmlElement, chart_id: str) -> list[lxml.html.HtmlElement]:
    return tree.xpath(f"//svg[@id='{chart_id}']//rect[@class='bar']")


def test_report_charts_have_one_bar_per_item_and_escape_page_text(tmp_path):
    records = _write_dataset(tmp_path)
    markup = report_html(collect(tmp_path))
    _assert_inert(markup)
    tree = _tree(markup)
    assert "<script>alert(1)</script>" in tree.text_content()  # the title of a large page, as text
    assert "x<b>.example" in tree.text_content()
    domains = {bar.get("data-label"): float(bar.get("data-value")) for bar in _bars(tree, "chart-domains")}
    assert domains == {"a.example": 3, "b.example": 1, "x<b>.example": 1}
    drops = {bar.get("data-label"): float(bar.get("data-value")) for bar in _bars(tree, "chart-drops")}
    assert drops == {"page_type": 3, "http_error": 1}
    labels = [bar.get("data-label") for bar in _bars(tree, "chart-labels")]
    assert labels == ["body", "promo", "footer"]  # the labels present, in the enum's order
    words = [int(bar.get("data-value")) for bar in _bars(tree, "chart-words")]
    assert words == [b.count for b in histogram_bins([r["word_count"] for r in records])]
    coverage = {bar.get("data-label"): float(bar.get("data-value")) for bar in _bars(tree, "chart-coverage")}
    assert list(coverage) == list(COVERAGE_FIELDS)
    assert coverage == {
        "title": 80,
        "authors": 20,
        "published": 20,
        "language": 20,
        "bio": 20,
        "promos": 20,
        "forms": 20,
    }
    totals = tree.xpath("//ul[@id='totals']")[0].text_content()
    assert "9requested" in totals.replace(" ", "") and "5exported" in totals.replace(" ", "")
    largest = [row.xpath("string(td[1])") for row in tree.xpath("//section[@id='largest']//tbody/tr")]
    assert largest[:2] == ["https://b.example/4", "https://a.example/3"]
    assert "Fetch times are not recorded" in tree.text_content()


def test_report_of_one_run_and_cli_errors(tmp_path, capsys):
    _write_dataset(tmp_path)
    (run_dir,) = (tmp_path / "runs").iterdir()
    stats = collect(run_dir)
    assert stats.scope == "run" and stats.records == 5 and stats.exported == 5
    assert main(["report", str(run_dir)]) == 0 and (run_dir / "report.html").is_file()
    assert main(["report", str(tmp_path), "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").is_file()
    assert main(["report", str(tmp_path / "missing")]) == 2
    assert "missing: no such directory" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["report", str(tmp_path / "empty")]) == 2
    assert "not a thresher dataset" in capsys.readouterr().err


def test_report_reads_a_json_only_dataset(tmp_path):
    records = _write_dataset(tmp_path)
    (run_dir,) = (tmp_path / "runs").iterdir()
    for part in (tmp_path / "articles").iterdir():
        part.unlink()
    (tmp_path / "articles").rmdir()
    lines = "".join(json.dumps(record, default=str) + "\n" for record in records)
    (run_dir / "articles.jsonl").write_text(lines, encoding="utf-8")
    stats = collect(tmp_path)
    assert stats.records == 5 and stats.domains["a.example"] == 3 and stats.coverage["title"] == 4


# --- a real demo crawl, its summary and report ------------------------------------------
@pytest.fixture(scope="module")
def demo_dataset(tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("views-demo")
    with demo_port_held(tmp_path_factory):
        run = crawl(out)
    return out, run.proc.stdout


def test_crawl_summary_ends_with_the_report_command(demo_dataset):
    out, stdout = demo_dataset
    command = stdout.rstrip().splitlines()[-1].strip()
    assert command == f"thresher report {shlex.quote(str(out))}"
    assert main(shlex.split(command)[1:]) == 0
    assert (out / "report.html").is_file()


# --- in headless Chromium ---------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not CHROMIUM.exists() or not Path(driver_path).exists():
        pytest.skip("chromium is not installed: apt-get install chromium chromium-driver (.ci/run does, as root)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=1400,1000")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    yield driver
    driver.quit()


def _open(driver: Any, path: Path) -> None:
    driver.get_log("browser")  # start with an empty console
    driver.get(path.as_uri())


def _console_errors(driver: Any) -> list[dict[str, Any]]:
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def _screenshot(driver: Any, name: str) -> Path:
    """A full-page PNG (beyond the window) in tests/artifacts/, copied to output/views/."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 16000), "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    data = base64.b64decode(shot["data"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(data)
    SHARED_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, SHARED_ARTIFACTS / name)
    return path


def test_explain_view_of_a_demo_article_in_chromium(browser, tmp_path):
    from selenium.webdriver.common.by import By

    from crawler.demo import DemoServer

    server = DemoServer().start_in_thread()
    try:
        url = server.base_url + DEMO_ARTICLE
        out = tmp_path / "explain.html"
        assert main(["extract", url, "--explain", str(out)]) == 0
        article = extract(urlopen(url, timeout=10).read(), url)
    finally:
        server.shutdown()
    _open(browser, out)
    legend = browser.find_element(By.CSS_SELECTOR, "nav.legend")
    assert legend.is_displayed()
    items = legend.find_elements(By.CSS_SELECTOR, "li")
    assert [item.get_attribute("data-label") for item in items] == [label.value for label in BlockLabel]
    for item in items:
        tag = item.find_element(By.CSS_SELECTOR, ".tag")
        assert tag.is_displayed() and tag.text == item.get_attribute("data-label")
    used = Counter(block["label"] for block in article.blocks)
    assert len(used) >= 8, used  # the demo article shows most kinds of boilerplate
    for label, count in used.items():
        blocks = browser.find_elements(By.CSS_SELECTOR, f'li.blk[data-label="{label}"]')
        assert len(blocks) == count
        tag = blocks[0].find_element(By.CSS_SELECTOR, ".tag")
        assert blocks[0].is_displayed() and tag.is_displayed() and tag.text == label
        assert blocks[0].rect["height"] > 20 and blocks[0].rect["width"] > 300
        assert blocks[0].get_attribute("title").startswith(f"{label}: ")
    colours = {
        label: browser.find_element(By.CSS_SELECTOR, f'li.blk[data-label="{label}"] .tag').value_of_css_property(
            "background-color"
        )
        for label in ("body", "bio", "promo", "form")
        if label in used
    }
    assert len(set(colours.values())) == len(colours), colours  # told apart by colour too
    panel = browser.find_element(By.CSS_SELECTOR, "aside.record")
    assert panel.is_displayed() and article.title in panel.text
    assert _console_errors(browser) == []
    _screenshot(browser, "explain-demo-article.png")


def test_report_of_a_demo_crawl_in_chromium(browser, demo_dataset):
    from selenium.webdriver.common.by import By

    out, _ = demo_dataset
    assert main(["report", str(out)]) == 0
    df = load_articles(out, columns=["domain", "word_count", "blocks"])
    (run_dir,) = (out / "runs").iterdir()
    manifest = json.loads((run_dir / "manifest.json").read_text())
    _open(browser, out / "report.html")

    def bars(chart_id: str) -> list[Any]:
        chart = browser.find_element(By.ID, chart_id)
        assert chart.is_displayed() and chart.rect["width"] > 300
        return chart.find_elements(By.CSS_SELECTOR, "rect.bar")

    words = bars("chart-words")
    assert len(words) == len(histogram_bins(df["word_count"].tolist()))
    assert sum(int(bar.get_attribute("data-value")) for bar in words) == len(df)
    assert len(bars("chart-domains")) == df["domain"].nunique()
    assert len(bars("chart-drops")) == len(manifest["counts"]["drop_reasons"])
    assert len(bars("chart-coverage")) == len(COVERAGE_FIELDS)
    labels = {block["label"] for blocks in df["blocks"] for block in blocks}
    label_bars = bars("chart-labels")
    assert {bar.get_attribute("data-label") for bar in label_bars} == labels and len(label_bars) == len(labels)
    for bar in [*words, *label_bars]:
        if float(bar.get_attribute("data-value")) > 0:
            assert bar.rect["width"] > 0 and bar.rect["height"] > 0
    totals = browser.find_element(By.ID, "totals").text
    assert f"{manifest['counts']['exported']}\nexported" in totals
    assert _console_errors(browser) == []
    _screenshot(browser, "report-demo-crawl.png")
