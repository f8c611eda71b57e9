"""Segmentation: the body is the article alone, and each kind of boilerplate lands in its own field."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipelines.extraction import BlockLabel, extract

FIXTURES = Path(__file__).parent / "fixtures" / "segmentation"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def fold(text: str) -> str:
    return " ".join(text.split())


def load(name: str):
    fixture = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return fixture, extract((FIXTURES / f"{name}.html").read_bytes(), fixture["url"])


# --- the seed page: ../shared/seed/example-article-page.txt rebuilt as Elementor HTML -----


@pytest.fixture(scope="module")
def seed():
    return load("seed_page")


def test_seed_body_is_exactly_the_article(seed):
    fixture, article = seed
    assert [fold(p) for p in article.body.split("\n\n")] == [fold(p) for p in fixture["body_exact"].split("\n\n")]


def test_seed_body_keeps_every_list_item_as_a_block(seed):
    _, article = seed
    paragraphs = article.body.split("\n\n")
    for item in ("Mirror Neurons:", "Emotional Intelligence:", "Active Listening:", "Seek Professional Guidance:"):
        assert sum(p.startswith(item) for p in paragraphs) == 1


def test_seed_boilerplate_lands_in_its_own_fields(seed):
    _, article = seed
    share = " ".join(b["text"] for b in article.blocks if b["label"] == "share")
    assert "SHARE THIS ARTICLE" in share
    assert len(article.promos) == 1 and "The Dopamine Code" in article.promos[0]
    assert "(Simon & Schuster)" in article.promos[0]
    assert article.bio.startswith("Dr. Sydney Ceruto Founder & CEO of MindLAB Neuroscience")
    assert "Regularly featured in Forbes" in article.bio
    kinds = {fold(f["text"])[:40]: f["kind"] for f in article.forms}
    assert [f["kind"] for f in article.forms] == ["newsletter", "newsletter", "application", "application", "download"]
    assert any(text.startswith("Weekly Insights") for text in kinds)
    assert any(text.startswith("Instant Access! Download The Influence") for text in kinds)
    assert [r["title"] for r in article.related][:2] == [
        "How Dopamine Shapes the Way We Fall in Love",
        "Active Listening Techniques That Strengthen Any Partnership",
    ]


def test_seed_body_holds_none_of_the_boilerplate(seed):
    fixture, article = seed
    body = fold(article.body)
    for label, snippets in fixture["expect"].items():
        for snippet in snippets:
            assert fold(snippet) not in body, (label, snippet)


def test_seed_blocks_cover_the_page_in_reading_order(seed):
    _, article = seed
    labels = [b["label"] for b in article.blocks]
    assert set(labels) <= {label.value for label in BlockLabel}
    assert labels.index("title") < labels.index("body") < labels.index("bio")
    assert labels[-1] == "consent"  # the cookie banner is last in the document
    assert all(b["text"] and b["reason"] and b["selector"] for b in article.blocks)


# --- page builders: units made of sibling widgets with identical classes --------------------

FLAT_PAGE = """<html><head><title>Why sleep matters</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Why sleep matters",
 "author": {"@type": "Person", "name": "Nora Quist"}}</script></head><body>
<div class="col">
 <div class="w"><div class="wi"><h1>Why sleep matters</h1></div></div>
 <div class="w"><div class="wi"><p>Most people who sleep badly blame their mattress, but the habits of the last hour
 before bed matter far more than anything you can buy for the bedroom itself.</p></div></div>
 <div class="w"><div class="wi"><h2>The last hour</h2></div></div>
 <div class="w"><div class="wi"><p>Dim the lights, put the phone in another room and keep the same bedtime on
 weekends, because the body clock cannot tell a Saturday from a Tuesday.</p></div></div>
 <div class="w"><div class="wi"><p>Caffeine after lunch lingers for longer than most people expect, and alcohol
 breaks up the second half of the night even when it helps you fall asleep.</p></div></div>
 <div class="w"><div class="wi"><img src="nora.jpg" alt=""></div></div>
 <div class="w"><div class="wi"><h3>Nora Quist</h3></div></div>
 <div class="w"><div class="wi"><p>Nora Quist has coached shift workers on sleep for twelve years.</p></div></div>
 <div class="w"><div class="wi"><h3>The Sleep Reset Course</h3></div></div>
 <div class="w"><div class="wi"><p>Six weeks of short lessons and a private community.</p></div></div>
 <div class="w"><div class="wi"><p>$149 or two payments of $79</p></div></div>
 <div class="w"><a class="w-button" href="/course/">Enroll now</a></div>
 <div class="w"><div class="wi"><h3>Sleep notes</h3></div></div>
 <div class="w"><div class="wi"><p>One short email every Sunday.</p></div></div>
 <div class="w"><div class="wi"><input type="email" placeholder="Your email"><button>Join</button></div></div>
</div></body></html>"""


@pytest.fixture(scope="module")
def flat():
    return extract(FLAT_PAGE, "https://example.org/why-sleep-matters/")


def test_flat_page_body_is_the_article(flat):
    assert flat.body.split("\n\n")[0].startswith("Most people who sleep badly")
    assert flat.body.split("\n\n")[1] == "The last hour"  # a heading widget trafilatura drops, put back
    assert flat.body.split("\n\n")[-1].startswith("Caffeine after lunch")
    assert "Nora" not in flat.body and "$149" not in flat.body and "Sunday" not in flat.body


def test_flat_page_bio_spans_its_heading_widget(flat):
    assert flat.bio == "Nora Quist Nora Quist has coached shift workers on sleep for twelve years."


def test_flat_page_promo_runs_from_heading_to_button(flat):
    assert flat.promos == [
        "The Sleep Reset Course Six weeks of short lessons and a private community. "
        "$149 or two payments of $79 Enroll now"
    ]


def test_flat_page_form_without_form_element(flat):
    assert flat.forms == [{"kind": "newsletter", "text": "Sleep notes One short email every Sunday. Join"}]


# --- robustness: deep and wide pages --------------------------------------------------------


def test_deeply_nested_page_is_extracted():
    depth = 5000
    html = "<html><body>" + "<div>" * depth + "<p>" + "deep words " * 60 + "</p>" + "</div>" * depth + "</body></html>"
    article = extract(html, "https://example.org/deep")
    assert article.body == "" or "deep words" in article.body


def test_page_with_thousands_of_widgets_is_cut_after_the_block_limit():
    from pipelines.extraction import cues

    widget = (
        '<div class="w"><div class="wi"><p>Paragraph {i} of a very long page with many words in it.</p></div></div>'
    )
    html = "<html><body><h1>Long</h1>" + "".join(widget.format(i=i) for i in range(20000)) + "</body></html>"
    article = extract(html, "https://example.org/long")
    assert "Paragraph 0 of a very long page" in article.body
    # the cut is in the blocks themselves (what the scorer then keeps of the end is its call)
    texts = " ".join(block["text"] for block in article.blocks)
    assert f"Paragraph {cues.MAX_TEXT_BLOCKS - 2} of a very long page" in texts
    assert f"Paragraph {cues.MAX_TEXT_BLOCKS + 10} of a very long page" not in texts


# --- the labelled fixtures as a regression floor ----------------------------------------------


def test_fixtures_stay_above_their_floor():
    import segmentation  # benchmarks/segmentation.py

    scores = segmentation.score("thresher", verbose=False)["labels"]
    for label in ("body", "bio", "promo", "form"):
        assert scores[label]["recall"] >= 0.9, (label, scores[label])
        assert scores[label]["precision"] >= 0.9, (label, scores[label])


# --- an article body split into chunks of one class ------------------------------------------


def test_body_split_into_chunks_is_joined():
    para = "<p>{} " + "and the story goes on with more reporting on the matter " * 5 + "</p>"
    chunk = '<div class="grid"><div class="article__body">{}</div></div>'
    html = (
        "<html><head><title>Split story</title></head><body><article class='article'>"
        "<h1>Split story</h1>"
        + chunk.format("".join(para.format(f"First part {i}.") for i in range(3)))
        + '<div class="ad-slot"><span>Advertisement</span></div>'
        + chunk.format("".join(para.format(f"Second part {i}.") for i in range(3)))
        + "</article></body></html>"
    )
    body = extract(html, "https://example.org/split").body
    assert "First part 0." in body and "Second part 2." in body
    assert body.index("First part 2.") < body.index("Second part 0.")
