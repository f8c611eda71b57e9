"""The page-type features that tell an article from a service, listing or landing page:
prose runs, headings, pronouns, sentences, the headline and its date, what the page
declares about itself, and how the scorer's body lies on the page."""

from __future__ import annotations

import numpy as np
import pytest

from pipelines.extraction.page import analyse_page
from pipelines.extraction.pagefeatures import PAGE_FEATURE_NAMES, body_page_features, static_page_features

URL = "https://site.example/news/river-park-opens-after-ten-years"

SENTENCE = "The council said on Tuesday that the riverside park would open to the public in the spring. "
REPORT = f"""<html><head><title>River park opens after ten years</title>
<meta name="description" content="The park opens in spring.">
<meta property="article:modified_time" content="2024-03-13T10:00:00Z">
<meta property="og:site_name" content="The Courier">
<script type="application/ld+json">[{{"@type": "WebPage"}}, {{"@type": "BreadcrumbList"}}, {{"@type": "Person"}}]</script>
</head><body>
<nav class="breadcrumbs"><a href="/">Home</a> <a href="/news/">News</a> <a href="/news/city/">City</a></nav>
<main><article>
<h1>River park opens after ten years</h1>
<p class="dateline">By Dana Whitfield, <time datetime="2024-03-12">March 12, 2024</time></p>
<p>{SENTENCE * 3}</p>
<p>{SENTENCE * 2} She said they had waited for it.</p>
<h2>What comes next</h2>
<p>{SENTENCE * 3}</p>
</article></main>
<footer><p>Contact the newsroom.</p></footer>
</body></html>"""

CARD = '<div class="card"><h3>{name}</h3><p>We fix your {name} fast</p><a href="/{name}">Learn more</a></div>'
SERVICE = f"""<html><head><title>Plumbing services</title></head><body>
<h1>Plumbing services</h1>
<div class="cards">{"".join(CARD.format(name=n) for n in ("boilers", "pipes", "taps", "drains", "showers"))}</div>
<h2>Why choose us?</h2>
<p>We offer you the best plumbers in town and our team answers your call within the hour.</p>
<h2>Do you cover weekends?</h2>
<p>Yes, we work on weekends and our prices are the same for you on every day of the week.</p>
<h2>Get your free quote</h2>
<form><input name="email"><button>Send</button></form>
</body></html>"""


def features(html: str, url: str = URL) -> dict[str, float]:
    row = static_page_features(analyse_page(html, url))
    return dict(zip(PAGE_FEATURE_NAMES, row.tolist(), strict=False))


@pytest.fixture(scope="module")
def report() -> dict[str, float]:
    return features(REPORT)


@pytest.fixture(scope="module")
def service() -> dict[str, float]:
    return features(SERVICE, "https://plumbers.example/services/")


def test_an_article_is_one_long_run_of_prose_a_service_page_many_short_ones(report, service):
    assert report["log_longest_run"] > np.log1p(100) and report["log_long_runs"] > 0
    assert report["longest_run_of_prose"] == 1.0  # the heading inside does not break it
    assert report["log_longest_run_headings"] == pytest.approx(np.log1p(1))
    assert report["longest_run_share"] > 0.8
    assert service["longest_run_share"] < report["longest_run_share"]
    assert service["log_long_runs"] == 0


def test_headings_that_ask_and_that_head_little_text(report, service):
    assert service["question_heading_share"] == pytest.approx(
        2 / 9
    )  # of nine headings, two ask and report["question_heading_share"] == 0
    assert service["log_words_per_heading"] < report["log_words_per_heading"]
    assert report["mean_heading_words"] > 0 and report["linked_heading_share"] == 0


def test_who_speaks_to_whom(report, service):
    assert service["pronoun_rate_we"] > report["pronoun_rate_we"]
    assert service["pronoun_rate_you"] > report["pronoun_rate_you"]
    assert report["pronoun_rate_they"] > service["pronoun_rate_they"]


def test_text_blocks_that_end_as_sentences(report, service):
    assert report["sentence_end_share"] > 0.9  # all but the dateline
    assert service["sentence_end_share"] < 1.0  # the cards' lines have no full stop
    assert report["mean_sentence_words"] > 10


def test_the_headline_with_a_date_beside_it(report, service):
    assert report["has_headline_block"] == 1 and report["headline_words"] == 6 and report["h1_blocks"] == 1
    assert report["date_near_headline"] == 1 and report["time_near_headline"] == 1
    assert report["words_before_headline"] < 0.05
    assert service["date_near_headline"] == 0 and service["time_near_headline"] == 0
    assert (
        features("<html><body><p>No headline at all, just a sentence.</p></body></html>")["words_before_headline"] == 1
    )


def test_what_the_page_declares_about_itself(report, service):
    assert report["jsonld_type_count"] == 3 and report["breadcrumb_links"] == 3
    assert report["has_description"] == report["has_modified"] == report["has_site_name"] == 1
    assert report["published_source"] > 0 and service["published_source"] == 0
    assert report["article_element_share"] > 0.9 and report["main_element_share"] > 0.9
    assert service["article_element_share"] == 0 and service["breadcrumb_links"] == 0


def test_how_the_body_lies_on_the_page():
    """Runs of body blocks, the main run's share of the body, the words before the body."""
    start = PAGE_FEATURE_NAMES.index("log_body_words")
    names = PAGE_FEATURE_NAMES[start:]
    # words, heading, li, linked per block; the third block has no words
    summary = np.array(
        [[10, 0, 0, 1], [50, 0, 0, 0], [0, 0, 0, 0], [30, 0, 0, 0], [5, 0, 0, 1], [20, 0, 0, 0]], dtype=np.float32
    )
    one_run = dict(zip(names, body_page_features(summary, np.array([0.1, 0.9, 0.0, 0.8, 0.1, 0.2])), strict=True))
    assert one_run["log_body_runs"] == pytest.approx(np.log1p(1))  # a block without words does not break a run
    assert one_run["body_main_run_share"] == 1.0 and one_run["words_before_body"] == pytest.approx(10 / 115)
    two_runs = dict(zip(names, body_page_features(summary, np.array([0.1, 0.9, 0.0, 0.8, 0.1, 0.9])), strict=True))
    assert two_runs["log_body_runs"] == pytest.approx(np.log1p(2))
    assert two_runs["body_main_run_share"] == pytest.approx(80 / 100)
    nothing = dict(zip(names, body_page_features(summary, np.zeros(6)), strict=True))
    assert nothing["log_body_runs"] == 0 and nothing["words_before_body"] == 1


PRODUCT_CARD = (
    '<li class="product"><a href="/p/{n}"><img src="/{n}.jpg"><h3>Lamp {n}</h3></a><span>${n}9.00</span></li>'
)
SHOP = f"""<html><head><title>Lamps</title></head><body>
<h1>Lamps</h1><ul class="grid">{"".join(PRODUCT_CARD.format(n=n) for n in range(1, 9))}</ul></body></html>"""

POST = (
    '<div class="post"><img src="/avatar/{n}.png"><a href="/u/{n}">user{n}</a>'
    '<time datetime="2024-01-0{n}">Jan {n}, 2024</time><p>{text}</p></div>'
)
THREAD = f"""<html><head><title>Which drill for concrete?</title></head><body>
<h1>Which drill for concrete?</h1>
{"".join(POST.format(n=n, text=SENTENCE * k) for n, k in ((1, 3), (2, 1), (3, 6), (4, 1)))}
</body></html>"""

DOCS = """<html><head><title>Install</title></head><body>
<nav><ul><li><a href="/a">Start</a><ul><li><a href="/a/1">One</a></li><li><a href="/a/2">Two</a></li></ul></li>
<li><a href="/b">Guides</a><ul><li><a href="/b/1">Three</a><ul><li><a href="/b/1/x">Four</a></li></ul></li></ul></li></ul></nav>
<main><h1>Install</h1><p>Run the installer and follow what it asks of you, then restart the shell.</p></main>
</body></html>"""

ITEM = """<html><head><title>Desk lamp</title></head><body>
<h1>Desk lamp</h1><p class="price">$49.00</p><button>Add to cart</button><a class="btn" href="/buy">Buy now</a>
<p>A lamp for your desk, with a warm light that does not tire the eyes during long evenings.</p>
</body></html>"""


def test_prices_and_dates_in_the_repeated_structure_of_a_shop_and_of_a_thread(report):
    shop = features(SHOP, "https://shop.example/lamps/")
    assert shop["rep_price_share"] == 1 and shop["rep_date_share"] == 0
    thread = features(THREAD, "https://forum.example/t/which-drill")
    assert thread["rep_date_share"] == 1 and thread["rep_price_share"] == 0
    assert report["rep_price_share"] == report["rep_date_share"] == 0  # no repeated container


def test_nested_lists_a_price_and_calls_to_action_by_the_headline_and_an_id_in_the_url(report):
    docs = features(DOCS, "https://docs.example/install")
    assert docs["max_list_depth"] == 3 and docs["log_nested_list_links"] == pytest.approx(np.log1p(4))
    assert report["max_list_depth"] == 0 and report["log_nested_list_links"] == 0
    item = features(ITEM, "https://shop.example/dp/B07XKQ1234")
    assert item["price_near_headline"] == 1 and item["actions_near_headline"] >= 1 and item["url_id"] == 1
    assert features(ITEM, "https://shop.example/itm/404928375058")["url_id"] == 1
    assert report["price_near_headline"] == 0 and report["url_id"] == 0
