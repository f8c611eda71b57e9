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


# --- rule units on small pages (the rules alone, before the scorer) ---------------------------

ARTICLE_TEXT = "<p>" + "The council voted on the new budget after a long debate about the roads. " * 6 + "</p>"


def units_of(
    body: str, authors: list[str] | None = None, url: str = "https://example.org/story/", bylines: bool = False
) -> list:
    """The rule units of a page: (label, text), in reading order; the headline's never, bylines when asked."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{ARTICLE_TEXT}</article>{body}</body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", authors or [], "Example", url)
    left_out = ("title",) if bylines else ("title", "byline")
    return [(u.label.value, fold(u.text)) for u in segmentation.units if u.label.value not in left_out]


def first_unit(body: str) -> tuple[str, str]:
    """The first rule unit of `units_of` (label, text); ("", "") when there is none."""
    return next(iter(units_of(body)), ("", ""))


def test_author_box_named_by_a_bio_token_or_author_section_is_a_bio():
    bio = "Kaavya is a creative enthusiast with a passion for writing about data."
    assert ("bio", bio) in units_of(f'<div class="author-section"><p>{bio}</p></div>')
    assert ("bio", bio) in units_of(f'<div class="mntl-author__bio"><p>{bio}</p></div>')
    assert ("bio", bio) in units_of(f'<div class="autor-box"><p>{bio}</p></div>')  # a German template's name


@pytest.mark.parametrize(
    ("intro", "box"),
    [
        # a curly apostrophe
        (
            "Hi, I\u2019m Ashley Biancuzzo, and I oversee all laptop coverage here at the magazine.",
            '<div class="box"><p>{}</p><img src="a.jpg"></div>',
        ),
        # a dash after the name
        (
            "I\u2019m Elizabeth \u2013 web designer, business educator, podcast host and mom to two.",
            '<div class="box"><img src="e.jpg"><p>{}</p></div>',
        ),
    ],
)
def test_first_person_intro_is_a_bio(intro, box):
    assert ("bio", intro) in units_of(box.format(intro))


def test_sign_up_line_without_a_form_is_a_form():
    units = units_of(
        '<footer><div class="cols"><div class="subs"><p class="h4">Subscribe to stay up to date with our latest news,'
        ' resources and best practices.</p></div><ul><li><a href="/a">About</a></li></ul></div></footer>'
    )
    assert any(label == "form" and text.startswith("Subscribe to stay up to date") for label, text in units)


def test_trial_sign_up_is_a_promo_not_a_form():
    label, _ = first_unit(
        '<aside class="signup-cta"><p>Try Acme for 14 days to see how easy running your business can be.</p>'
        '<input type="email" name="email"><button>Start now</button></aside>'
    )
    assert label == "promo"


def test_sponsored_section_and_reader_appeal_are_promos():
    sponsored = units_of("<div><h2>Pipeline analytics (Sponsored)</h2></div>")
    assert sponsored and sponsored[0] == ("promo", "Pipeline analytics (Sponsored)")
    appeal = "If you're enjoying this article, consider supporting our award-winning journalism by subscribing."
    assert ("promo", appeal) in units_of(f"<p>{appeal}</p>")


def test_aem_component_class_is_no_consent_banner():
    units = units_of('<div class="cmp-text"><p>17% OFF COFFEE WITH CODE LUCKY on orders over $139.</p></div>')
    assert all(label != "consent" for label, _ in units)


def test_bracketed_read_more_line_is_related():
    units = units_of('<p>[Read more: <a href="/guide/">A Guide to Small Business Accounting</a>]</p>')
    assert ("related", "[Read more: A Guide to Small Business Accounting]") in units


def test_long_heading_over_a_sign_up_box_is_a_form():
    heading = "Join 10K+ people getting helpful guides, exciting case studies and much more in our newsletter."
    units = units_of(f'<div class="footer-col"><h3>{heading}</h3><a class="btn" href="/subscribe">Subscribe</a></div>')
    assert any(label == "form" and text.startswith("Join 10K+ people") for label, text in units)


def test_sign_up_sentence_after_a_question_is_a_form():
    line = "Was this newsletter forwarded to you? Sign up to get it in your inbox."
    assert ("form", line) in units_of(f"<div><p>{line}</p></div>")


def test_about_me_heading_and_a_portrait_widget_make_bios():
    units = units_of(
        '<aside class="sidebar"><div class="widget"><h2>Finding out more about me</h2>'
        "<p>I'm a data science VP with long experience of management and speaking.</p></div></aside>"
    )
    assert any(label == "bio" and "data science VP" in text for label, text in units)
    units = units_of(
        '<aside class="sidebar"><section class="widget"><img src="alec.jpg" alt="">'
        "<p>Alec is an avid hiker and photographer who loves the outdoors and new destinations.</p></section></aside>"
    )
    assert any(label == "bio" and text.startswith("Alec is an avid hiker") for label, text in units)


def test_an_author_box_grown_over_the_date_beside_it_is_a_byline():
    """ "Written by David Jackson" in an author class, its widget grown over the date line beside it: a byline, which
    the record's bio held on development pages ("Amit Samsukha October 11, 2024")."""
    box = (
        "<div class='hero'><div class='author-wrapper'>Written by David Jackson</div>"
        "<div class='meta'>Last updated on: October 1, 2025</div></div>"
    )
    assert [(label, text) for label, text in units_of(box, bylines=True) if "David Jackson" in text] == [
        ("byline", "Written by David Jackson Last updated on: October 1, 2025")
    ]
    # with more than a byline's words about him it is his bio
    about = " writes on city budgets and has covered the council, its votes and its roads since 2014."
    told = box.replace("</div><div class='meta'>", f"{about}</div><div class='meta'>")
    assert ("bio", f"Written by David Jackson{about} Last updated on: October 1, 2025") in units_of(told)


def test_an_author_box_naming_its_person_only_is_a_byline():
    """ "Written by Kristin", "Andrew King" in an author class, a reviewer's "Lora D.": who, and nothing about them
    (`benchmarks/fields.py bio` counts what the bio field holds)."""

    def units(box: str) -> list[tuple[str, str]]:
        return [(label, text) for label, text in units_of(box, bylines=True) if "Kristin" in text]

    assert units("<div class='post-author'><p>Written by Kristin</p></div>") == [("byline", "Written by Kristin")]
    told = (
        "<div class='post-author'><p>Written by Kristin</p><p>Kristin has grown vegetables for twenty years.</p></div>"
    )
    assert units(told) == [("bio", "Written by Kristin Kristin has grown vegetables for twenty years.")]


def test_an_about_us_link_or_a_column_of_links_under_about_us_is_no_bio():
    """A footer's "About Us" is a link to the site's own page, or the heading of a column of links ("Careers,
    Press"): the record's bio held "Company About Us Careers Login" on one development page in ten. A heading
    over a few words of prose about someone is still a bio. The same of forms: below."""
    columns = (
        "<div class='site-links'><div class='col'><h6>Company</h6><a href='/about'>About Us</a>"
        "<a href='/careers'>Careers</a><a href='/login'>Login</a></div>"
        "<div class='col'><h4>About Us</h4><ul><li><a href='/jobs'>Jobs</a></li><li><a href='/press'>Press</a></li>"
        "<li><a href='/contact'>Contact us</a></li></ul></div></div>"
    )
    assert not [text for label, text in units_of(columns) if label == "bio"]
    units = units_of(
        "<div class='box'><h4>About us</h4><p>Maria Lopez writes on city budgets and has covered the council since 2014.</p>"
        "</div>"
    )
    assert ("bio", "About us Maria Lopez writes on city budgets and has covered the council since 2014.") in units


def test_a_company_described_under_a_bio_class_is_no_bio_of_the_credited_author():
    """WSJ's record had as its `bio` the footer's "News Corp is a network of leading companies ...", in an element
    of a `bio` class: a company's description is the publisher's boilerplate. It stays a bio when it names the
    author, says what a person does, or when the page credits no person (a company's own author box)."""
    company = "News Corp is a network of leading companies in the worlds of diversified media, news and education."
    box = f"<div class='style--hat-bio'><p>{company}</p></div>"
    assert ("bio", company) not in units_of(box, authors=["Randy Maniloff"])
    assert ("other", company) in units_of(box, authors=["Randy Maniloff"])
    assert ("bio", company) in units_of(box)  # no person credited: the company is the page's author
    founder = "Pierce Walsh is the founder of Tidewater, a company that builds marinas on the Gulf coast."
    assert ("bio", founder) in units_of(f"<div class='author-bio'><p>{founder}</p></div>", authors=["Randy Maniloff"])
    named = "Maniloff Media is a network of legal newsletters that Randy edits from Philadelphia each week."
    assert ("bio", named) in units_of(f"<div class='author-bio'><p>{named}</p></div>", authors=["Randy Maniloff"])


def test_an_author_box_of_a_portrait_and_a_name_takes_in_only_what_goes_on_about_the_person():
    """BIG Brand System's post opens under an author box of a portrait and the author's name: the box took in the
    post's opening paragraphs as the bio, and the body started later, as the issue found. A box that is a name takes
    in the text after it only when that text goes on about the person; under a heading such as "About the author"
    the section is the bio."""
    box = "<div class='author-box'><img src='p.jpg' alt='Pamela Wilson'><h4>Pamela Wilson</h4></div>"
    opening = "<p>Business focus is why some people build the business they dream of while others only think of it.</p>"
    assert not [text for label, text in units_of(box + opening, ["Pamela Wilson"]) if "Business focus" in text]
    about = "<p>She has taught online business since 2010 and has written three books on marketing.</p>"
    assert any(label == "bio" and "She has taught" in text for label, text in units_of(box + about, ["Pamela Wilson"]))
    headed = "<div class='author-box'><h4>About the author</h4></div><p>Runs a studio for small brands in Ohio.</p>"
    assert ("bio", "About the author Runs a studio for small brands in Ohio.") in units_of(headed, ["Pamela Wilson"])


def test_a_list_the_sentence_before_introduces_is_no_promo_whatever_prices_it_names():
    """IGN's closing how-to list ("Here's the TL;DR version of signing up ...:" then "Sign up for a Hulu ad-free
    account for $11.99 a month", ...) was a promo, as the issue found: a list introduced by the text before it is
    the article's. The same list after a sentence that does not introduce it is still an offer."""
    offers = (
        "<ul><li>Sign up for a Hulu ad-free account <a href='https://r.example.net/u/1'>for $11.99 a month</a></li>"
        "<li>If you already have an account, visit <a href='https://r.example.net/u/2'>your account page</a> to"
        " upgrade</li></ul>"
    )
    intro = "<p>Here is the short version of signing up for the ad-free plan as part of the bundle:</p>"
    assert not [label for label, _ in units_of(intro + offers) if label == "promo"]
    assert [label for label, _ in units_of("<p>That is all for today.</p>" + offers)] == ["promo"]


def test_a_contact_us_link_or_a_column_of_links_under_newsletters_is_no_form():
    """ "Contact Us" and "Newsletters" in a footer's menu link to the site's pages of those forms: no form of their own
    (the record's forms held "Help Customer service FAQ My orders Contact Us Returns"). A link that asks for the
    sign-up, and a heading over a field or a button, still make forms."""
    menus = (
        "<div class='site-links'><div class='col'><h6>Help</h6><a href='/contact'>Contact Us</a>"
        "<a href='/returns'>Returns</a><a href='/faq'>FAQ</a></div>"
        "<div class='col'><h4>Newsletters</h4><ul><li><a href='/n/daily'>The Daily</a></li>"
        "<li><a href='/n/weekly'>The Weekly</a></li></ul></div></div>"
    )
    assert not [text for label, text in units_of(menus) if label == "form"]
    call = (
        "<div class='panel'><div>Original reporting and incisive analysis, every morning</div>"
        "<a href='/sign-up'>Sign up for our email</a></div>"
    )
    assert [label for label, text in units_of(call) if "Sign up for our email" in text] == ["form"]
    boxed = "<div class='box'><h4>Newsletters</h4><input type='email' name='email'><button>Join</button></div>"
    assert [label for label, text in units_of(boxed) if text.startswith("Newsletters")] == ["form"]


def test_related_unit_named_by_its_class_needs_a_sure_reading_to_be_body():
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    teaser = '<li><a href="/post-{i}/">A teaser headline number {i} about the roads</a></li>'
    teasers = "".join(teaser.format(i=i) for i in range(4))
    html = (
        f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{ARTICLE_TEXT}</article>"
        f'<div class="related-posts"><ul>{teasers}</ul></div></body></html>'
    )
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    decision = decide_body(segmentation, np.full(len(segmentation.blocks), 0.7))  # likely body, not surely
    assert any(unit.label.value == "related" for unit in decision.units)
    kept = [block.text for keep, block in zip(decision.body, segmentation.blocks, strict=True) if keep]
    assert not any("teaser headline" in text for text in kept)


def _frame_units(html: str, title: str, site: str = "Example") -> list[tuple[str, str, str]]:
    """The title and byline units of a page: (label, reason, text)."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    segmentation = segment_page(parse_html(html), title, [], site, "https://example.org/p/backup-strategy")
    return [(u.label.value, u.reason, fold(u.text)) for u in segmentation.units if u.label.value in ("title", "byline")]


def test_a_headline_in_an_h3_under_the_blogs_own_h1_is_the_title_not_body():
    """A blog's h1 is its name and its post's title an h3: the heading saying the title word for word frames the
    body as an h1 would, the date line under it too. Not a one-word title (a section's name on its own page),
    the site's own name (its home page) or a heading linking to another page; a permalink to the page is fine."""
    dated = "<p>January 22, 2019</p>"

    def page(headline: str) -> str:
        return (
            f"<html><body><h1>Jeff Kaufman</h1><div>{headline}{dated}{ARTICLE_TEXT}{ARTICLE_TEXT}</div></body></html>"
        )

    found = _frame_units(page("<h3>Backup Strategy</h3>"), "Backup Strategy")
    assert ("title", "heading=title", "Backup Strategy") in found
    assert any(label == "byline" and text == "January 22, 2019" for label, _, text in found)
    permalink = '<h3><a href="https://example.org/p/backup-strategy">Backup Strategy</a></h3>'
    assert ("title", "heading=title", "Backup Strategy") in _frame_units(page(permalink), "Backup Strategy")
    assert _frame_units(page('<h3><a href="/p/other-post">Backup Strategy</a></h3>'), "Backup Strategy") == []
    assert _frame_units(page("<h2>Technology</h2>"), "Technology") == []
    assert _frame_units(page("<h2>Netflix TechBlog</h2>"), "Netflix TechBlog", site="Netflix TechBlog") == []


def test_a_block_the_body_keeps_is_labelled_body_even_when_it_says_the_title():
    """The record's blocks and its body agree: a heading repeating the title that the scorer keeps is body."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page
    from pipelines.extraction.units import fields_from_units

    html = f"<html><body><h1>Budget vote</h1><div><h2>Budget vote</h2>{ARTICLE_TEXT}</div></body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    decision = decide_body(segmentation, np.full(len(segmentation.blocks), 0.9))
    blocks = fields_from_units(segmentation, decision, "Budget vote", "https://example.org/story/")["blocks"]
    repeated = [b for b in blocks if b["text"] == "Budget vote" and b["selector"].endswith("h2")]
    assert [b["label"] for b in repeated] == ["body"]
    assert [b["label"] for b in blocks if b["text"] == "Budget vote" and b["selector"].endswith("h1")] == ["title"]


def test_an_articles_body_does_not_start_with_its_headline_said_again():
    """Item 5 of the extraction issue: no headline at the start of the body. A line saying the title word for word
    where an article's body would start is left out as the title; on a product page the name stays content."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page
    from pipelines.extraction.units import fields_from_units

    html = f"<html><body><div><p class='post-title'>Budget vote</p>{ARTICLE_TEXT}</div></body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    probability = np.full(len(segmentation.blocks), 0.9)
    decision = decide_body(segmentation, probability, "article", "Budget vote")
    kept = [b.text for keep, b in zip(decision.body, segmentation.blocks, strict=True) if keep]
    assert kept[0].startswith("The council voted") and "Budget vote" not in kept
    blocks = fields_from_units(segmentation, decision, "Budget vote", "https://example.org/story/")["blocks"]
    assert [(b["label"], b["reason"]) for b in blocks if b["text"] == "Budget vote"] == [("title", "body-start=title")]
    product = decide_body(segmentation, probability, "product", "Budget vote")
    assert next(b.text for keep, b in zip(product.body, segmentation.blocks, strict=True) if keep) == "Budget vote"


def test_an_articles_headline_said_again_before_its_first_sure_block_is_no_body():
    """Under a kicker, or a second copy of the headline a page keeps for phones, the headline said again is no body
    while the scorer is unsure of what stands there; the other unsure lines there are left to the scorer."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page
    from pipelines.extraction.units import fields_from_units

    html = (
        "<html><body><div><p class='kicker'>City hall</p><p class='head'>Budget vote</p>"
        f"<p class='head-mobile'>Budget vote</p>{ARTICLE_TEXT}</div></body></html>"
    )
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    texts = [b.text for b in segmentation.blocks]
    said = [i for i, text in enumerate(texts) if text == "Budget vote"]
    probability = np.array([0.6 if i <= said[1] else 0.9 for i in range(len(texts))])
    decision = decide_body(segmentation, probability, "article", "Budget vote")
    assert decision.title_repeats == set(said) and len(said) == 2
    assert decision.body[texts.index("City hall")] and not any(decision.body[i] for i in said)
    blocks = fields_from_units(segmentation, decision, "Budget vote", "https://example.org/story/")["blocks"]
    assert [b["label"] for b in blocks if b["text"] == "Budget vote"] == ["title", "title"]


def test_an_articles_standfirst_saying_its_declared_description_is_no_body():
    """Item 5 of the extraction issue: no standfirst at the start of the body. An unsure line over the text whose
    words are the page's description is the summary over the article (reason `standfirst`); a sure line saying it
    is the article's own lede, and on a short page the description is a good part of the text itself."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page
    from pipelines.extraction.units import fields_from_units

    summary = "Roads win the day as the council passes its budget"
    html = f"<html><body><div><p class='dek'>{summary}.</p>{ARTICLE_TEXT * 2}</div></body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    dek = [b.text for b in segmentation.blocks].index(f"{summary}.")
    unsure = np.where(np.arange(len(segmentation.blocks)) == dek, 0.6, 0.9)
    decision = decide_body(segmentation, unsure, "article", "Budget vote", f"{summary}!")
    assert decision.standfirst == {dek} and not decision.body[dek]
    blocks = fields_from_units(segmentation, decision, "Budget vote", "https://example.org/story/")["blocks"]
    assert [(b["label"], b["reason"]) for b in blocks if b["text"] == f"{summary}."] == [("other", "standfirst")]
    assert decide_body(segmentation, np.full(len(segmentation.blocks), 0.9), "article", "Budget vote", summary).body[
        dek
    ]
    assert decide_body(segmentation, unsure, "article", "Budget vote", "Roads win the day").body[dek]  # too short
    nowhere_sure = np.full(len(segmentation.blocks), 0.6)  # no article text to stand over
    assert decide_body(segmentation, nowhere_sure, "article", "Budget vote", summary).body[dek]
    text = "<p>The council met on Monday and voted for the budget.</p><p>Roads get most of the money this year.</p>"
    short = segment_page(
        parse_html(html.replace(ARTICLE_TEXT * 2, text)), "Budget vote", [], "Example", "https://example.org/story/"
    )
    read = np.where(np.arange(len(short.blocks)) == 0, 0.6, 0.9)
    assert decide_body(short, read, "article", "Budget vote", summary).body[0]


def test_an_articles_byline_and_date_lines_over_its_text_are_no_body():
    """Item 5 of the extraction issue: the body starts with the article's text, not its frame. An unsure byline, date
    line or reading time before the first sure block is labelled byline (the record holds authors and dates apart);
    a sentence that starts like one stays, and so does all of a body the scorer is sure of nowhere."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page
    from pipelines.extraction.units import fields_from_units

    frame = ["By Jared Newman and Sam Singleton", "Friday, December 19, 2025", "Courier Team | 5 min read"]
    sentence = "By 2030, most cars will be electric."
    lines = "".join(f"<p class='meta{n}'>{text}</p>" for n, text in enumerate([*frame, sentence]))
    html = f"<html><body><div>{lines}{ARTICLE_TEXT}</div></body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    texts = [b.text for b in segmentation.blocks]
    at = [texts.index(text) for text in frame]
    unsure = np.where(np.arange(len(texts)) <= texts.index(sentence), 0.6, 0.9)
    decision = decide_body(segmentation, unsure, "article", "Budget vote")
    assert decision.frame_lines == set(at) and decision.body[texts.index(sentence)]
    blocks = fields_from_units(segmentation, decision, "Budget vote", "https://example.org/story/")["blocks"]
    assert {b["text"]: (b["label"], b["reason"]) for b in blocks if b["text"] in frame} == dict.fromkeys(
        frame, ("byline", "body-start=byline")
    )
    nowhere_sure = decide_body(segmentation, np.full(len(texts), 0.6), "article", "Budget vote")
    assert not nowhere_sure.frame_lines and all(nowhere_sure.body[i] for i in at)
    assert all(decide_body(segmentation, unsure, "listing", "Budget vote").body[i] for i in at)


def test_a_long_capitalised_word_after_a_byline_lead_is_read_at_once():
    """The names after "By" are read by a pattern that tried every split of a capitalised word into names: a line of
    "By" and 40 capitals over an article's text took Python's engine hours. It is now read at once, and stays body
    (a "!" is no name)."""
    import subprocess
    import sys

    script = (
        "import numpy as np\n"
        "from pipelines.extraction.body import decide_body\n"
        "from pipelines.extraction.parse import parse_html\n"
        "from pipelines.extraction.segment import segment_page\n"
        f"html = '<html><body><div><p>By {'A' * 40}!</p>' + {ARTICLE_TEXT!r} + '</div></body></html>'\n"
        "segmentation = segment_page(parse_html(html), 'Budget vote', [], 'Example', 'https://example.org/story/')\n"
        "read = np.where(np.arange(len(segmentation.blocks)) == 0, 0.6, 0.9)\n"
        "print(decide_body(segmentation, read, 'article', 'Budget vote').body[0])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "True"


def test_a_pictures_caption_is_no_body_of_an_article():
    """Item 5 of the extraction issue, the body as a reader reads it: a caption describes a picture the record does
    not hold, though a scorer reads a long one as prose. On an article it is left out (reason `caption`); on other
    pages (a gallery, a product) it stays with the rest."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page
    from pipelines.extraction.units import fields_from_units

    caption = "My TV room with a long leather sofa where my boys can eat greasy snacks without any worry at all."
    figure = f"<figure><img src='room.jpg' alt=''><figcaption><p>{caption}</p></figcaption></figure>"
    html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{figure}{ARTICLE_TEXT}</article></body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    probability = np.full(len(segmentation.blocks), 0.9)

    def kept(page_type: str) -> list[str]:
        decision = decide_body(segmentation, probability, page_type, "Budget vote")
        return [b.text for keep, b in zip(decision.body, segmentation.blocks, strict=True) if keep]

    assert caption not in kept("article") and kept("article")[0].startswith("The council voted")
    assert caption in kept("collection")
    # a gallery's item whose only words are its picture's caption is one block with it
    gallery = f"<ul class='gallery'><li><figure><img src='room.jpg' alt=''><figcaption>{caption}</figcaption></figure></li></ul>"
    html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{gallery}{ARTICLE_TEXT}</article></body></html>"
    in_gallery = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    texts = [b.text for b in in_gallery.blocks if b.text]
    assert caption in texts
    decision = decide_body(in_gallery, np.full(len(in_gallery.blocks), 0.9), "article", "Budget vote")
    assert caption not in [b.text for keep, b in zip(decision.body, in_gallery.blocks, strict=True) if keep]
    decision = decide_body(segmentation, probability, "article", "Budget vote")
    blocks = fields_from_units(segmentation, decision, "Budget vote", "https://example.org/story/")["blocks"]
    assert [(b["label"], b["reason"]) for b in blocks if b["text"] == caption] == [("other", "caption")]


def test_a_caption_named_by_its_class_is_no_body_of_an_article_but_a_wrapper_saying_caption_is():
    """Captions drawn without <figcaption> ("wp-caption-text", "image-caption", a video's "embeddedMediaCaption") leave
    an article's body too; an element of more than `cues.CAPTION_MAX_WORDS` words whose class says "caption" (a post
    template's "has-caption" wrapper) is no caption."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    caption = "Defense Secretary Mark Esper, left, and his Vietnamese counterpart shake hands in Hanoi on Wednesday."
    pictures = (
        f"<div class='wp-caption'><img src='a.jpg' alt=''><p class='wp-caption-text'>{caption}</p></div>",
        f"<div class='photo'><img src='a.jpg' alt=''><div class='embeddedMediaCaption'>{caption}</div></div>",
    )
    for picture in pictures:
        html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{picture}{ARTICLE_TEXT}</article></body></html>"
        segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
        decision = decide_body(segmentation, np.full(len(segmentation.blocks), 0.9), "article", "Budget vote")
        kept = [b.text for keep, b in zip(decision.body, segmentation.blocks, strict=True) if keep]
        assert caption not in kept and len(kept) == 2
    more = "<p>" + "The mayor said the roads would be repaired before the winter storms arrive in the valley. " * 3
    html = f"<html><body><div class='has-caption'><h1>Budget vote</h1>{ARTICLE_TEXT}{more}</p></div></body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    decision = decide_body(segmentation, np.full(len(segmentation.blocks), 0.9), "article", "Budget vote")
    assert sum(decision.body) == 2


def test_offer_line_in_the_site_header_is_a_promo_of_its_own():
    units = units_of(
        '<header class="site-header"><div class="bar"><p>Bootcamps up to $7,000 off!</p></div>'
        '<nav><ul><li><a href="/courses/">Courses</a></li><li><a href="/blog/">Blog</a></li></ul></nav></header>'
    )
    assert ("promo", "Bootcamps up to $7,000 off!") in units
    assert any(label == "navigation" for label, _ in units)


def test_native_ad_box_is_a_promo():
    label, _ = first_unit(
        '<div class="nativeadasideplaceholder"><h3>You may like</h3><p>Forget Amazon; a better stock to buy</p></div>'
    )
    assert label == "promo"


def test_sign_up_call_inside_a_share_bar_is_a_form_of_its_own():
    units = units_of(
        '<div class="newsletter-social-column"><h3>Join 10K+ people getting helpful guides and case studies in our'
        ' newsletter.</h3><a href="https://x.com/acme">X</a> <a href="https://linkedin.com/acme">LinkedIn</a></div>'
    )
    assert ("form", "Join 10K+ people getting helpful guides and case studies in our newsletter.") in units
    assert any(label == "share" for label, _ in units)


def test_newsletter_box_whose_fields_a_script_adds_stays_a_form():
    units = units_of('<div id="newsletter-blog-promo"><h2>Get weekly tips and inspiration for your business</h2></div>')
    assert units == [("form", "Get weekly tips and inspiration for your business")]


def test_lead_magnet_asking_for_an_email_and_a_consultation_heading_are_forms():
    line = "The eBook includes our most popular recipes. Enter your email and we'll send it right over!"
    units = units_of(f"<div><p>{line}</p></div>")
    assert any(label == "form" and text.startswith("The eBook") for label, text in units)
    heading = "<h4>Get a free catalog consultation</h4>"
    label, _ = first_unit(f'<div class="box">{heading}<a class="btn" href="/demo">Book</a></div>')
    assert label == "form"


def test_sponsored_heading_with_an_anchor_button_takes_its_section():
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    html = (
        f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}"
        '<h2>Pipeline analytics (Sponsored)<button class="anchor">#</button></h2>'
        "<p>You run builds but do not know which jobs are slow or why they fail.</p>"
        f"<p>Our analytics show trends and job-level insights across all your workflows.</p>{ARTICLE_TEXT}"
        "</article></body></html>"
    )
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    promo = [unit.text for unit in segmentation.units if unit.label.value == "promo"]
    assert len(promo) == 1 and "job-level insights" in promo[0] and "council" not in promo[0]


def test_call_to_action_widget_in_a_sidebar_is_a_promo():
    units = units_of(
        '<div class="sidebar-container"><div class="card"><span>Hire a dedicated software team you can trust</span>'
        "<p>Add top talents from one of the leading vendors to your team.</p>"
        '<a class="btn" href="/contact/">contact us</a></div></div>'
    )
    assert any(label == "promo" and text.startswith("Hire a dedicated") for label, text in units)


def test_offer_line_in_a_sidebar_needs_no_button():
    line = "Looking for flight deals? Sign up for Thrifty and save $20 on your first year."
    units = units_of(f'<div class="sidebar"><section class="box"><p>{line}</p></section></div>')
    assert any(label == "promo" and line in text for label, text in units)


def test_demo_request_with_nothing_to_fill_in_is_a_promo():
    label, _ = first_unit(
        '<div class="box"><h3>Get a demo of Acme</h3><p>Easy-to-integrate publishing tools for your journal.</p>'
        '<a class="button" href="/demo/">Request a demo</a></div>'
    )
    assert label == "promo"


def test_section_the_page_labels_sponsored_is_a_promo_however_it_reads():
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    sponsored = "<h2>Pipeline analytics (Sponsored)</h2><p>Our analytics show trends across all your workflows.</p>"
    html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{sponsored}{ARTICLE_TEXT}</article></body></html>"
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    decision = decide_body(segmentation, np.full(len(segmentation.blocks), 0.95))  # the scorer reads it as body
    promos = [unit.text for unit in decision.units if unit.label.value == "promo"]
    assert promos == ["Pipeline analytics (Sponsored) Our analytics show trends across all your workflows."]


def test_short_related_line_is_an_inline_link_not_a_heading_over_the_next_section():
    line = '<p><strong>Related: <a href="/testimonials/">Maximizing Your SEO with Testimonials</a></strong></p>'
    units = units_of(f"<div>{line}<p>{'Then the article goes on about search engines and rankings. ' * 3}</p></div>")
    assert units == [("related", "Related: Maximizing Your SEO with Testimonials")]


@pytest.mark.parametrize(
    "cue", ["Check out:", "You might also like:", "You may also be interested:", "Don't miss:", "Read next:"]
)
def test_a_line_pointing_to_another_post_inside_the_article_is_related(cue):
    line = f'<p><strong>{cue}</strong> <a href="/guide/">Best Advice For Renting a Car in Iceland</a></p>'
    units = units_of(f"<div>{line}<p>{'Then the article goes on about the roads and the weather. ' * 3}</p></div>")
    assert units == [("related", fold(f"{cue} Best Advice For Renting a Car in Iceland"))]


def test_a_dont_miss_line_drawn_as_text_heads_the_linked_headlines_under_it_not_the_caption():
    """Express.co.uk: "DON'T MISS" in a <p>, the headlines in the next <p>, then a picture's caption."""
    links = " | ".join(f'<a href="/news/{i}">Headline number {i} about the protests [INSIGHT]</a>' for i in range(3))
    units = units_of(
        f"<div><p>{'The protests went on through the night in the city centre. ' * 3}</p>"
        f"<p>DON'T MISS</p><p>{links}</p><span>Protesters have worn masks (Image: GETTY)</span>"
        f"<p>{'The police said on Monday that the siege would go on until the end. ' * 3}</p></div>"
    )
    related = [text for label, text in units if label == "related"]
    assert len(related) == 1 and related[0].startswith("DON'T MISS Headline number 0")
    assert "masks" not in related[0]


def test_a_related_heading_takes_in_the_teaser_cards_beside_it_with_their_titles():
    """Vivint: "You may also like:" in a box of its own, then a row of cards whose unlinked titles are headings."""
    card = (
        '<a class="teaser" href="/resources/{i}"><article><img src="x.jpg"><div class="content">'
        "<p>Smart Home</p><h5>Teaser story number {i} about the thermostat</h5>"
        "<p>What the story says in a sentence or two.</p><button>Read now</button></div></article></a>"
    )
    cards = "".join(card.format(i=i) for i in range(3))
    units = units_of(f'<div class="summary"><div class="top"><h5>You may also like:</h5></div><div>{cards}</div></div>')
    related = [text for label, text in units if label == "related"]
    assert len(related) == 1 and related[0].startswith("You may also like:")
    assert all(f"number {i}" in related[0] for i in range(3))


STORY_CARD = (
    '<article class="post post-{i}"><a href="/blog/{i}"><img src="x.jpg"></a>'
    '<h2 class="entry-title"><a href="/blog/{i}">{title}</a></h2><p>{excerpt}</p></article>'
)
EXCERPT = "What the story says in a sentence or two, as a blog's grid of posts shows it under each title."


def story_cards(titles: list[str], excerpt: str = EXCERPT) -> str:
    cards = "".join(STORY_CARD.format(i=i, title=t, excerpt=excerpt) for i, t in enumerate(titles))
    return f'<div class="blog-grid"><div class="grid-inner">{cards}</div></div>'


HEADLINES = [
    "Automating a secure data ingest workflow for training",
    "The ultimate guide to proxy workflows for teams",
    "The playbook for automation in live sports",
]


def test_a_grid_of_story_cards_whose_excerpts_outweigh_their_titles_is_related():
    """A blog module of posts under the article ("More Workflows"): linked headlines, each with an excerpt
    longer than its title, so less than half of the grid's words are links."""
    related = [text for label, text in units_of(story_cards(HEADLINES)) if label == "related"]
    assert len(related) == 1 and all(title in related[0] for title in HEADLINES)
    assert related[0].count(EXCERPT) == 3


@pytest.mark.parametrize(
    "titles, excerpt",
    [
        (HEADLINES[:2], EXCERPT),  # two cards: not yet a grid
        (["Jane Doe", "John Roe", "Ann Poe"], EXCERPT),  # people's names over their bios
        (HEADLINES, "A paragraph of the article's own, " * 12),  # more than an excerpt
    ],
)
def test_linked_headings_with_text_are_no_story_cards_unless_a_grid_of_headlines_and_excerpts(titles, excerpt):
    assert not any(label == "related" for label, _ in units_of(story_cards(titles, excerpt)))


@pytest.mark.parametrize(
    "href, related",
    [
        ("/blog/{i}", True),
        ("https://news.example.org/posts/{i}", True),  # the site's news host: the same site
        ("#section-{i}", False),  # a contents list's sections of this page
        ("https://journal.example.com/papers/{i}", False),  # sources on other sites
    ],
)
def test_story_cards_lead_to_other_pages_of_the_site(href, related):
    cards = "".join(
        f'<article class="post"><h2><a href="{href.format(i=i)}">{title}</a></h2><p>{EXCERPT}</p></article>'
        for i, title in enumerate(HEADLINES)
    )
    units = units_of(f'<div class="grid">{cards}</div>', url="https://www.example.org/story/")
    assert any(label == "related" for label, _ in units) is related


@pytest.mark.parametrize(
    "html, href",
    [
        ('<h2><a name="top"></a><a href="/blog/1">A title</a></h2>', "/blog/1"),  # a named anchor first: no link
        ('<a href="/blog/2" role="heading">A title</a>', "/blog/2"),  # the heading is the link
        ('<a href="/blog/3"><div><h3>A title</h3></div></a>', "/blog/3"),  # a card's link around its title
        ('<a href="/blog/4"><div><div><div><h3>A title</h3></div></div></div></a>', None),  # too far up
        ('<h2><a name="top">A title</a></h2>', None),
    ],
)
def test_a_linked_headings_link_is_its_first_href_else_the_card_link_around_it(html, href):
    """One lookup for the segmenter's story cards and the body's excerpt cards: which page a title leads to."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import heading_link

    root = parse_html(f"<html><body><div>{html}</div></body></html>")
    link = heading_link(root.xpath("//*[self::h2 or self::h3 or @role='heading']")[0])
    assert (link.get("href") if link is not None else None) == href


def test_a_card_grid_that_an_ad_cuts_through_under_an_article_is_related_not_body():
    """Story cards with an ad box among them (a unit of its own, so the grid's container holds a unit) and
    short titles (one has a headline's length): read over the blocks no unit took, the grid is a related
    unit, and the record lists its stories in `related`, not in the body. A section heading of the
    article's own stops it."""
    prose = "The city library will stay open until nine on weekdays from next month, the council said on Monday. "
    excerpt = "A short summary of another story on this site, in a couple of lines under its linked title here."
    titles = ["New bus routes", "Pool reopens early", "Market square plans", "Night trains return in May"]
    cards = [
        f'<div class="card"><h3><a href="/news/{n}">{t}</a></h3><p>{excerpt}</p></div>' for n, t in enumerate(titles)
    ]
    cards.insert(2, '<div class="advert"><p>Advertisement</p></div>')
    html = (
        "<html><head><title>Night opening at the library</title></head><body><article>"
        f"<h1>Night opening at the library</h1><p>{prose * 4}</p><p>{prose * 3}</p></article>"
        f'<section class="more">{"".join(cards)}</section></body></html>'
    )
    article = extract(html, "https://example.org/library-night")
    assert [r["title"] for r in article.related] == titles
    assert excerpt not in article.body and "Pool reopens early" not in article.body
    assert article.body.count("the council said on Monday.") == 7
    section = cards[0].replace(
        '<div class="card"><h3><a href="/news/0">New bus routes</a></h3>', "<div><h3>Our view</h3>"
    )
    units = units_of(f'<section class="more">{section}{"".join(cards[1:])}</section>')
    assert not any("Our view" in text for label, text in units if label == "related")


def test_story_cards_holding_most_of_the_page_are_its_content():
    """A listing's grid of posts (more words than the rest of the page's free text) is no teaser grid."""
    titles = [f"{title} number {i}" for i in range(4) for title in HEADLINES]
    grid = "".join(story_cards(titles[j : j + 3]) for j in range(0, 12, 3))
    assert not any(label == "related" for label, _ in units_of(grid))


def test_story_cards_stop_at_a_heading_that_is_no_link():
    """A section of the article with its own heading is no card: the unit does not climb over it."""
    section = "<h2>What the council said</h2><p>The council met on Monday.</p>"
    related = [text for label, text in units_of(f"<div>{section}{story_cards(HEADLINES)}</div>") if label == "related"]
    assert len(related) == 1 and "council" not in related[0]


def test_a_related_heading_does_not_take_in_the_next_section_of_the_article():
    units = units_of(
        '<div><h3>Related</h3><p><a href="/a">A teaser headline about the roads</a></p>'
        f"<h3>What the council said</h3>{ARTICLE_TEXT}</div>"
    )
    assert not any("council said" in text for label, text in units if label == "related")


def test_card_whose_title_sits_inside_its_link_is_a_teaser_unless_it_offers_something():
    card = '<li><a href="https://example.org/{slug}/"><img src="x.jpg"><div class="t">{title}</div></a></li>'
    units = units_of(
        "<ul>"
        + card.format(slug="felt", title="Craft Room Wall Update with Felt Right")
        + card.format(slug="sale", title="Software and Recording Sale Up to 80% Off")
        + "</ul>"
    )
    assert ("related", "Craft Room Wall Update with Felt Right") in units
    assert ("related", "Software and Recording Sale Up to 80% Off") not in units


def test_a_card_linking_to_a_sign_up_or_holding_a_sign_up_button_is_no_teaser():
    """A teaser leads to a story; a card leading to a sign-up, a registration or a checkout, or holding a
    "Sign up" button, is a call to action (left to the promo finder). A "Read more" button stays a teaser's."""
    card = '<li><a href="{href}"><img src="x.jpg"><div class="t">{title}</div>{button}</a></li>'
    units = units_of(
        "<ul>"
        + card.format(href="/nx/signup/?dest=home", title="Do the work you love, your way", button="")
        + card.format(href="/account/register", title="Free shipping when you join the club", button="")
        + card.format(
            href="/plans/", title="Plan every shift in a few minutes", button='<div class="btn">Get started</div>'
        )
        + card.format(
            href="/news/budget/",
            title="The council passes the city budget",
            button='<span class="btn">Read more</span>',
        )
        + card.format(href="/news/registers/", title="Cash registers at the market go digital", button="")
        + "</ul>"
    )
    related = [text for label, text in units if label == "related"]
    assert not any("your way" in t or "join the club" in t or "every shift" in t for t in related)
    assert any("city budget" in t for t in related)
    assert any("Cash registers" in t for t in related)


def test_a_teaser_card_is_a_teaser_with_its_author_and_date_lines():
    """A card's link wraps its title, its author and its date: the whole card is the teaser, so the short lines
    ("By REUTERS", "11/20/2019 10:08 AM") do not stay behind as body."""
    card = (
        '<div class="ticker"><a href="https://example.org/news/{slug}/"><span class="t">{title}</span>'
        "<ul><li>By REUTERS</li><li>11/20/2019 10:08 AM</li></ul></a></div>"
    )
    units = units_of(card.format(slug="strikes", title="Russia says the strikes on Syria were a wrong move"))
    assert units == [("related", "Russia says the strikes on Syria were a wrong move By REUTERS 11/20/2019 10:08 AM")]
    priced = card.replace("<li>By REUTERS</li>", "<li>$24.99</li>")  # a shop's card: its lines are content
    units = units_of(priced.format(slug="mug", title="A white speckle mug thrown on the wheel"))
    assert units == [("related", "A white speckle mug thrown on the wheel")]


def test_credentials_with_the_portrait_in_the_next_column_are_a_bio():
    bio = "Lauren has written for the blog since 2018. She is a writer and editor with a background in events."
    units = units_of(
        '<div class="row"><div class="col"><img src="lauren.jpg" alt=""></div>'
        f'<div class="col"><div class="inner"><p>By</p><p>Lauren</p><div class="h">{bio}</div></div></div></div>'
    )
    assert any(label == "bio" and bio in text for label, text in units)


def test_a_product_beside_its_photo_is_no_bio_because_it_is_the_first_in_an_expert_class():
    """ "The set ... is the first in an Expert class of LEGO Star Wars sets" read as credentials ("is the ... expert")
    beside a product photo, and the paragraph became a bio; so did BBC's "is the moving tale of a father". The words
    between "is a/the" and a person's trade hold no article or preposition of their own."""
    product = (
        'The 2,812 piece Betrayal at Cloud City set measures 22" long and is the first in an Expert class of LEGO'
        " Star Wars sets."
    )
    assert not [label for label, _ in units_of(f"<div class='deal'><img src='lego.jpg' alt=''><p>{product}</p></div>")]
    person = "Dana Cole is the senior features editor of the magazine and has covered toys for ten years."
    assert ("bio", person) in units_of(f"<div class='box'><img src='dana.jpg' alt=''><p>{person}</p></div>")


def test_bare_link_line_to_another_page_of_the_site_is_a_teaser():
    units = units_of(
        '<div class="linked"><div class="spacer"><a href="https://example.org/q/1/">35</a> '
        '<a class="question-hyperlink" href="https://example.org/q/2/">PEP8 Does Not Allow Try Except Block</a>'
        "</div></div>"
    )
    assert ("related", "PEP8 Does Not Allow Try Except Block") in units


def test_sidebar_headline_linking_to_another_site_is_a_teaser():
    units = units_of(
        '<div class="sidebar"><ul class="widget"><li><a href="https://blog.example.net/2025/mcp/">'
        "No need for Ctrl+C when you have MCP</a></li></ul></div>"
    )
    assert ("related", "No need for Ctrl+C when you have MCP") in units


def test_sign_up_heading_atop_a_list_of_headlines_does_not_take_the_list():
    teaser = '<li><a href="/post-{i}/">A headline number {i} about the city budget</a></li>'
    units = units_of(
        '<aside class="rail"><h3>Subscribe to Friday Philosophy</h3><p>One essay every Friday.</p>'
        f"<ul>{''.join(teaser.format(i=i) for i in range(4))}</ul></aside>"
    )
    forms = [text for label, text in units if label == "form"]
    assert forms and all("headline number" not in text for text in forms)


def test_featured_next_post_and_posts_widget_boxes_are_related():
    teaser = '<li><a href="/films/{i}/">Trailer Watch: a story about the films of the year {i}</a></li>'
    teasers = "".join(teaser.format(i=i) for i in range(3))
    units = units_of(f'<aside class="featured-articles"><ul>{teasers}</ul></aside>')
    assert [label for label, _ in units] == ["related"]  # the box, not three teaser lines of an unnamed aside
    units = units_of(
        '<div class="tph-next-post"><p>Up next</p><p>Are Video Clips Stealing Your Podcast Listeners?</p></div>'
    )
    assert ("related", "Up next Are Video Clips Stealing Your Podcast Listeners?") in units
    card = '<article class="elementor-post"><h3 class="elementor-post__title">From Crying All Night to Rested {i}</h3></article>'
    cards = "".join(card.format(i=i) for i in range(2))
    assert any(label == "related" for label, _ in units_of(f'<div class="elementor-posts-container">{cards}</div>'))


def test_lead_forms_named_for_their_purpose_are_forms():
    quote = '<div id="quote-form"><p>In-Home or Video Quotes Available</p><input name="zip"><button>Go</button></div>'
    assert ("form", "In-Home or Video Quotes Available Go") in units_of(quote)
    popup = (
        '<div class="exit-intent-popup"><p>25 Gut Health Hacks is yours absolutely FREE when you sign up to receive'
        " our weekly tips.</p></div>"
    )
    assert any(label == "form" and text.startswith("25 Gut Health Hacks") for label, text in units_of(popup))
    stock = '<div class="back-in-stock-notification"><p>Email me when back in stock</p><button>Notify me</button></div>'
    assert ("form", "Email me when back in stock Notify me") in units_of(stock)


def test_field_asking_for_an_e_mail_address_makes_a_newsletter_box_a_form():
    box = (
        '<div class="subscribe-box"><div class="title">Deals Just For You</div><p>Get exclusive offers.</p>'
        '<input type="text" placeholder="Enter your e-mail address" name="LoginName"><button>Go</button></div>'
    )
    label, _ = first_unit(box)
    assert label == "form"


@pytest.mark.parametrize(
    ("box", "start"),
    [
        (  # a plea for support named by its class
            '<section class="subscriptionPleaContainer-D09dM"><h2>It\u2019s Time to Stand Up for Science</h2>'
            "<p>If you enjoyed this article, I\u2019d like to ask for your support. If you subscribe, you help us.</p>"
            "</section>",
            "It\u2019s Time to Stand Up for Science",
        ),
        (  # a banner asking to open the site's app
            '<div id="smart-banner-download"><div class="smart-banner__heading">View Example News In</div>'
            '<ul><li><span>Example News App</span><a href="#">Open</a></li></ul></div>',
            "View Example News In Example News App",
        ),
    ],
)
def test_class_named_pleas_and_app_banners_are_promos(box, start):
    label, text = first_unit(box)
    assert label == "promo" and text.startswith(start)


def test_form_wording_keeps_a_form_a_form():
    contact = (
        '<div class="cta"><p>Tell us about your project</p><p>We would love to hear about it. Simply complete the form'
        " and we will be in touch.</p></div>"
    )
    label, _ = first_unit(contact)
    assert label == "form"
    optin = '<div class="optin-modal"><p>A discount code will be sent to your e-mail for your next order!</p><button>OK</button></div>'
    label, _ = first_unit(optin)
    assert label == "form"


def test_paid_plans_sponsors_and_sales_calls_are_promos():
    banner = '<div id="sitewide-banner"><a href="/upgrade/">Get Even More Visitors To Your Blog, Upgrade To A Business Listing</a></div>'
    assert units_of(banner)[0][0] == "promo"
    sponsors = '<aside class="sidebar"><div class="card"><p>Thank you to our Diamond Sponsors for supporting the Community</p></div></aside>'
    assert ("promo", "Thank you to our Diamond Sponsors for supporting the Community") in units_of(sponsors)
    cta = (
        '<div class="mini-cta"><p>Try Stitch to get data for your favorite analytics tool today</p>'
        '<a class="btn" href="/signup">Sign up for free</a> <a class="btn" href="/sales">Contact Sales</a></div>'
    )
    assert units_of(cta)[0][0] == "promo"


def test_bio_widget_does_not_grow_over_an_offer_beside_it():
    units = units_of(
        '<aside class="sidebar"><section class="widget"><img src="alec.jpg" alt="">'
        "<p>Alec is an avid hiker and photographer who loves the outdoors and new destinations.</p></section>"
        "<section><p>Looking to score insane flight deals? Sign up for Thrifty Traveler and save $20.</p></section></aside>"
    )
    assert any(
        label == "bio" and text.startswith("Alec is an avid hiker") and "Thrifty" not in text for label, text in units
    )


def test_news_promo_boxes_of_linked_headlines_are_related_whatever_they_say():
    story = '<a href="/news/{i}"><h3>{title}</h3></a>'
    titles = ["How to buy an Instagram following", "Meet the women on a mission to clear landmines"]
    stories = "".join(story.format(i=i, title=title) for i, title in enumerate(titles))
    units = units_of(f'<div class="features"><h2>Features</h2><div class="promo-stories">{stories}</div></div>')
    assert any(label == "related" and "How to buy an Instagram following" in text for label, text in units)
    assert all(label != "promo" for label, _ in units)


def test_editors_picks_heading_names_a_related_box():
    pick = (
        '<article><a href="/fact-check/{i}/"><h5>A fact check of a viral claim number {i}</h5>'
        '<ul class="breadcrumb"><li>Fact Check</li></ul></a></article>'
    )  # the card's breadcrumb is a navigation unit: no run of teasers is free to take
    picks = "".join(pick.format(i=i) for i in range(2))
    label, text = first_unit(f'<div class="zone"><div class="card"><h3>Editors\u2019 Picks</h3>{picks}</div></div>')
    assert label == "related" and text.startswith("Editors\u2019 Picks A fact check")


def test_elsewhere_on_the_site_heading_names_a_related_box():
    """A side column's "Elsewhere on <site>" over cards of the site's other stories, whose titles are not links."""
    card = '<div class="card"><a href="/news/{i}"><img src="/i{i}.jpg" alt=""></a><p>{title}</p></div>'
    titles = ["Have you been getting these songs wrong?", "What happens to your body in extreme heat?"]
    cards = "".join(card.format(i=i, title=title) for i, title in enumerate(titles))
    label, text = first_unit(
        f'<div class="column"><div class="group"><h2>Elsewhere on the Courier</h2>{cards}</div></div>'
    )
    assert label == "related" and "What happens to your body in extreme heat?" in text


def test_page_rows_and_blocks_with_ajax_pagination_are_no_pagers():
    teaser = '<h3 class="entry-title"><a href="/review-{i}/">Killing Them with Kindness: A Gift Guide {i}</a></h3>'
    teasers = "".join(teaser.format(i=i) for i in range(3))
    for css in ("PageBuilder-pageRow", "td_block_wrap td_with_ajax_pagination"):
        units = units_of(f'<div class="{css}"><div class="inner">{teasers}</div></div>')
        assert units and all(label == "related" for label, _ in units), css
    assert units_of('<div class="pager"><a href="/page/2/">Older posts</a></div>')[0][0] == "navigation"


def test_most_read_heading_of_a_korean_site_names_a_related_box():
    items = "".join(f'<li><a href="/news/{i}">칼럼 제목 {i}</a></li>' for i in range(3))
    label, text = first_unit(
        f'<div class="aside"><div class="section"><h3>많이 본 칼럼</h3><ul>{items}</ul></div></div>'
    )
    assert label == "related" and text.startswith("많이 본 칼럼")


def test_reader_appeal_in_the_article_stays_a_promo_however_it_reads():
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    appeal = "If you're enjoying this article, consider supporting our award-winning journalism by subscribing."
    html = (
        f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}<p>{appeal}</p>{ARTICLE_TEXT}</article></body></html>"
    )
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    decision = decide_body(segmentation, np.full(len(segmentation.blocks), 0.95))  # reads as the article's prose
    assert [unit.text for unit in decision.units if unit.label.value == "promo"] == [appeal]
    kept = [block.text for keep, block in zip(decision.body, segmentation.blocks, strict=True) if keep]
    assert appeal not in kept


_PROMO_STORY_CARD = (
    '<li class="item"><ps-promo class="PromoSmall"><div class="PromoSmall-category"><a href="/business">Business</a>'
    '</div><div class="PromoSmall-title"><a href="/business/story/{i}">Airlines order fifty planes in story {i}</a>'
    '</div><div class="PromoSmall-description">Orders came in at the airshow, building momentum for the jet.</div>'
    "</ps-promo></li>"
)
_HEADLINE_ROW = (
    '<div class="row"><h4 class="headlines_title"><a href="/news/story-{i}.html">Records fall as the home team'
    " wins title number {i}</a></h4></div>"
)


@pytest.mark.parametrize(
    ("before", "card", "after"),
    [
        ('<ul class="list">', _PROMO_STORY_CARD, "</ul>"),  # a news site calls its teasers "promo"
        ('<aside class="sponsor-box"><p>Sponsored</p>', _HEADLINE_ROW, "</aside>"),  # a bare ad label says nothing
    ],
)
def test_class_named_promo_cards_teasing_the_sites_stories_are_related(before, card, after):
    units = units_of(before + "".join(card.format(i=i) for i in range(3)) + after)
    # the ad label alone is a control's line, a unit of its own inside the cards' unit
    assert units and all(label == "related" for label, text in units if text != "Sponsored")


@pytest.mark.parametrize(
    "box",
    [
        # one box, repeated nowhere, linking to the site's own offer page
        '<div class="promo-box"><p><a href="/offer/">Read every story of our archive today</a></p>'
        "<p>Our archive holds every issue since the first one, with its pictures.</p></div>",
        # a call to action to try the site's product, with a sign-up word on its button
        '<div class="cta"><h3>Give Example a try, on us</h3><p>Example streams all of your data to your warehouse.</p>'
        '<a class="button" href="/signup">Sign up for free</a></div>',
    ],
)
def test_offer_boxes_of_the_sites_own_product_stay_promos(box):
    assert first_unit(box)[0] == "promo"


@pytest.mark.parametrize(
    "line",
    [
        "Have you downloaded your FREE App? It's all about the city!",
        "Example Garden Planner. Earth's most popular tool for planning your garden. Try it free for 7 days.",
    ],
)
def test_app_download_and_trial_lines_are_promos(line):
    assert first_unit(f'<div class="box"><p>{line}</p></div>') == ("promo", line)


def test_sign_up_box_for_the_sites_own_product_is_a_promo_not_a_form():
    callout = "Subscribe to Example and stay smart with more of your favorite writers."
    assert first_unit(f'<div class="callout"><h3>Subscribe</h3><p>{callout}</p></div>')[0] == "promo"
    letter = "Subscribe to Example's newsletter and get the week's best stories."
    assert first_unit(f'<div class="callout"><h3>Subscribe</h3><p>{letter}</p></div>')[0] == "form"
    # "news" of news.example.org names no brand (`cues.HOST_LABELS_NAMING_NO_SITE`): a news sign-up is a form
    news = "Subscribe to News and stay smart with more of your favorite writers."
    box = f'<div class="callout"><h3>Subscribe</h3><p>{news}</p></div>'
    assert units_of(box, url="https://news.example.org/story/")[0][0] == "form"


def test_product_cards_with_prices_in_an_article_are_promos_not_related():
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    card = '<div class="product"><a href="/p/{i}"><h3>Wool blend suit number {i}</h3><span>$399</span></a></div>'
    cards = '<div class="related-products">' + "".join(card.format(i=i) for i in range(2)) + "</div>"
    html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{cards}{ARTICLE_TEXT}</article></body></html>"
    units = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/").units
    assert [u.label.value for u in units if "Wool blend" in u.text] == ["promo"]
    shop = f"<html><body><main><h1>Budget vote</h1>{ARTICLE_TEXT}</main>{cards}</body></html>"
    units = segment_page(parse_html(shop), "Budget vote", [], "Example", "https://example.org/p/9").units
    assert [u.label.value for u in units if "Wool blend" in u.text] == ["related"]


def test_calls_to_action_and_category_links_in_a_promo_box_are_no_story_cards():
    links = "".join(
        f'<li><a href="/departments/tools/{slug}">{name}</a></li>'
        for slug, name in (("storage", "Tool Storage and Organization"), ("air", "Air Compressors and Tools"))
    )
    assert first_unit(f'<div class="cta-menu"><h3>Shop All Tools</h3><ul>{links}</ul></div>')[0] == "promo"
    card = '<div class="card"><a href="/hire/{i}">Hire a Top Designer</a><p>No-risk trial.</p></div>'
    box = '<div class="cta">' + "".join(card.format(i=i) for i in range(2)) + "</div>"
    assert first_unit(box)[0] == "promo"


def test_a_site_builders_header_template_is_the_site_header():
    """Elementor's header template ("elementor-location-header") holds the logo, the menu and the site's
    own buttons ("Book a Consultation"): the site header, not a promo or a form of the article."""
    units = units_of(
        '<div data-elementor-type="header" class="elementor elementor-45 elementor-location-header">'
        '<div class="e-con-inner"><a href="/"><img src="logo.png" alt="MindLAB"></a>'
        '<div class="elementor-widget-button"><a class="elementor-button" href="/book-a-consultation/">'
        '<span class="elementor-button-text">Book a Consultation</span></a></div></div></div>'
    )
    assert any(label == "navigation" and "Book a Consultation" in text for label, text in units)


# --- overlays: forms and bios a page hides until a reader opens them -------------------------

OVERLAY_ARTICLE = (
    '<html><body><article><h1>Budget vote</h1><div class="byline">By <a href="/staff/nora">Nora Quist</a>'
    "{tip}</div>" + ARTICLE_TEXT * 2 + "</article>{dialog}</body></html>"
)


def overlay_record(tip: str = "", dialog: str = ""):
    return extract(OVERLAY_ARTICLE.format(tip=tip, dialog=dialog), "https://example.org/story/")


def test_newsletter_pop_up_hidden_until_opened_is_a_form_never_body():
    dialog = (
        '<div class="modal fade" id="signup-modal" role="dialog" aria-hidden="true"><div class="modal-body">'
        "<h3>Get the council briefing</h3><p>The week's votes, straight to your inbox every Friday.</p>"
        '<form action="/subscribe"><input type="email" name="email" placeholder="Your e-mail">'
        "<select><option>Alabama</option><option>Alaska</option></select><button>Subscribe</button></form>"
        '<p class="d-none" hidden>Thanks for signing up!</p></div></div>'
    )
    art = overlay_record(dialog=dialog)
    assert [form["kind"] for form in art.forms] == ["newsletter"]
    text = art.forms[0]["text"]
    assert "straight to your inbox every Friday" in text
    assert "Alaska" not in text and "Thanks for signing up" not in text  # options and hidden parts are not read
    assert "inbox" not in art.body and not any("inbox" in b["text"] for b in art.blocks)


def test_hidden_dialog_without_a_sign_up_is_no_form():
    login = (
        '<div class="modal" role="dialog" aria-modal="true" hidden><h3>Sign in</h3>'
        '<input type="email" name="email"><input type="password"><button>Sign in</button></div>'
    )
    terms = '<div class="modal" role="dialog" aria-hidden="true"><h3>Terms</h3><p>Prices may change.</p></div>'
    consent = (
        '<div class="popup" aria-hidden="true"><p>We use cookies. Manage your consent and newsletter choices.</p>'
        '<input type="checkbox" name="updates"><button>Accept</button></div>'
    )
    menu = (
        '<div class="modal" role="dialog" aria-hidden="true"><a href="/news">City news</a> <a href="/sport">Sport'
        ' results</a> <a href="/weather">Weather today</a> <a href="/join">Sign up</a></div>'
    )
    tell = (
        '<div class="modal tell-a-friend" aria-hidden="true"><h3>Sharing is nice</h3><input type="email" name="to">'
        "<p>Yes, send me a copy of this email.</p><button>Send</button></div>"
    )
    assert overlay_record(dialog=login + terms + consent + menu + tell).forms == []


def test_authors_hover_card_is_the_bio_never_body():
    tip = (
        '<div class="author-tooltip tooltip"><div class="tooltip__name">Nora Quist</div>'
        '<div class="tooltip__bio">Nora Quist is a reporter covering city hall and its budgets.</div></div>'
    )
    art = overlay_record(tip=tip)
    assert art.bio is not None and "covering city hall" in art.bio
    assert "city hall" not in art.body


def test_hover_card_saying_nothing_of_a_person_is_no_bio():
    tip = '<span role="tooltip">Opens the author page in a new tab.</span>'
    assert overlay_record(tip=tip).bio is None


# --- sign-ups: what they give for signing up is no price; lines that ask for a script's form ----------


@pytest.mark.parametrize(
    "box",
    [
        '<div class="newsletter-signup"><h3>Join our list</h3><p>Enter your email for 15% off your first order.</p>'
        '<input type="email" name="email"><button>Sign up</button></div>',
        '<div class="newsletter"><h3>Garden Club Newsletter</h3><p>Subscribe to the Garden Club newsletter and with a'
        " bit of luck win one of 20 vouchers worth \u20ac25 each!</p><button>Sign up now</button></div>",
        '<div class="footer-signup"><h4>NEWSLETTER SIGNUP</h4><p>Get trail tips and exclusive deals delivered straight'
        " to your inbox.</p><button>Subscribe</button></div>",
    ],
)
def test_sign_up_offering_a_discount_or_a_prize_stays_a_form(box):
    label, _ = first_unit(box)
    assert label == "form"


def test_subscribe_and_save_box_stays_a_promo():
    box = (
        '<div class="promo-box"><p>Subscribe + save 40% off canned lattes</p><a class="btn" href="/sub">Shop</a></div>'
    )
    label, _ = first_unit(box)
    assert label == "promo"


@pytest.mark.parametrize(
    "line",
    [
        "Join 15,000+ readers getting the latest insights on city budgets delivered straight to their inboxes.",
        "To book a free call with an adviser, fill out the form below and we will contact you.",
        "Drop us a message, and we'll get back to you within three business days.",
        "Get New Essays By Email",
        "Sign up for weekly budget explainers from our council reporters.",
        "Sign up for texts and get special offers, council news, and more.",
        "PLUS, get a $50 DISCOUNT just for signing up!",
        "Example Daily newsletters: council news, budget votes, road works \u2013 subscribe here!",
    ],
)
def test_line_over_a_form_a_script_adds_is_a_form(line):
    label, text = first_unit(f'<div class="cta-wrap"><h2>Let us talk</h2><p>{line}</p><div id="f1"></div></div>')
    assert label == "form" and line in text


def test_author_box_paragraph_opening_with_the_authors_first_name_is_a_bio():
    box = (
        '<div class="sab-wrap"><div class="sab-avatar"><img src="j.jpg"></div>'
        '<div class="sab-name"><a href="/author/jean">Jean-Luc Martin (Example)</a></div><div class="sab-desc">'
        "<p>Jean-Luc started Example News in 2010 as a part-time endeavour, before leaving his job as an engineer"
        " to write about embedded boards full time.</p></div></div>"
    )
    units = units_of(box, authors=["Jean-Luc Martin"])
    assert any(label == "bio" and "started Example News in 2010" in text for label, text in units)
    # the same paragraph by another author, or with no name line beside it, is no bio
    assert not any(label == "bio" for label, _ in units_of(box, authors=["Ada Stone"]))
    bare = box.replace("Jean-Luc Martin (Example)", "All posts")
    assert not any(label == "bio" for label, _ in units_of(bare, authors=["Jean-Luc Martin"]))


def test_newsletter_pop_up_a_cookie_class_names_is_a_form():
    box = (
        '<div class="popup-cookies js-popup-newsletter"><h3>Newsletter sign up</h3><p>Get weekly updates delivered to'
        " your inbox. You can unsubscribe at any time.</p><button>Subscribe</button></div>"
    )
    assert first_unit(box)[0] == "form"
    banner = '<div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>OK</button></div>'
    assert first_unit(banner)[0] == "consent"


def test_a_form_that_is_only_a_button_makes_no_form_unit_over_the_prose_beside_it():
    """A <form> with nothing to fill in and a short label ("Install": a post to a sign-in, hidden inputs and a
    submit button) is a button, not a sign-up: it does not grow over the app's heading and description."""
    prose = "Klatch offers such a rich variety of coffees that customers sometimes need help choosing the right one."
    section = (
        '<div class="app"><h2>Perk up sales</h2><p>{prose}</p><form method="post" action="/login">'
        '<input type="hidden" name="token" value="x">{control}<button type="submit">{label}</button></form></div>'
    )
    units = units_of(section.format(prose=prose, control="", label="Install"))
    assert not any(label == "form" for label, _ in units)
    units = units_of(section.format(prose=prose, control='<input type="email" name="email">', label="Subscribe"))
    assert any(label == "form" for label, _ in units)


def test_sign_up_box_with_an_email_field_inside_a_teaser_list_is_a_form_of_its_own():
    teaser = '<div class="card"><a href="/post-{i}/">A teaser headline number {i} about the roads</a></div>'
    teasers = "".join(teaser.format(i=i) for i in range(4))
    units = units_of(
        f'<section class="related-posts"><h2>Read More Blogs</h2>{teasers}'
        '<form class="box"><span>SUBSCRIBE OUR NEWSLETTER</span><p>Get stories in your inbox twice a month.</p>'
        '<input type="email" name="email"><button>Subscribe</button></form></section>'
    )
    assert ("form", "SUBSCRIBE OUR NEWSLETTER Get stories in your inbox twice a month. Subscribe") in units
    assert any(label == "related" and "teaser headline number 3" in text for label, text in units)


def test_sign_up_box_a_class_names_a_table_of_contents_is_a_form():
    units = units_of(
        '<div class="popup ignore-toc"><h2>Subscribe to Eat Your Greens!</h2><p>Get notified about new episodes</p>'
        '<label>Email Address</label><input type="email"><button>subscribe</button></div>'
    )
    assert units == [("form", "Subscribe to Eat Your Greens! Get notified about new episodes Email Address subscribe")]


def test_a_form_of_fields_alone_takes_the_line_above_it_as_its_heading():
    line = "Download Our Template and Create a Solid Digital Marketing Strategy Using ChatGPT"
    units = units_of(
        f'<div class="box"><p>{line}</p></div>'
        '<div class="wpcf7"><form class="wpcf7-form"><p><input type="text" name="your-name"></p>'
        '<p><input type="text" name="company"></p></form></div>'
    )
    assert ("form", line) in units
    prose = "We tested every plan for a month and wrote down what each one costs."
    assert all(prose not in text for _, text in units_of(f"<p>{prose}</p><form><input type='text' name='q2'></form>"))


def test_share_bar_of_icons_names_its_buttons_as_screen_readers_read_them():
    bar = (
        '<div class="sharedaddy"><h3>Share this:</h3><ul>'
        '<li><a class="share-facebook" href="https://www.facebook.com/sharer.php?u=x"><span aria-hidden="true">f</span>'
        '<span class="sharing-screen-reader-text">Share on Facebook</span></a></li>'
        '<li><a class="share-x" href="https://x.com/intent/post?u=x"><span class="sr-only">Share on X</span></a></li>'
        '<li><a class="share-mail" href="mailto:?body=x"><div class="tooltip">Email</div></a></li>'
        '<li><a class="share-print" href="#print"><span class="sr-only" style="display:none">Print</span></a></li>'
        "</ul></div>"
    )
    art = extract(
        f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{ARTICLE_TEXT}{bar}</article></body></html>",
        "https://example.org/story/",
    )
    share = [b["text"] for b in art.blocks if b["label"] == "share"]
    assert share == ["Share this: Share on Facebook Share on X Email"]  # nothing hidden from every reader
    assert "Share on" not in art.body


def story_page(after: str) -> str:
    return f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{ARTICLE_TEXT}</article>{after}</body></html>"


@pytest.mark.parametrize("css", ["article-prev-next", "item-pagination--prev-next", "article-navigation"])
def test_previous_and_next_post_links_are_related_never_body(css):
    links = (
        f'<div class="{css}"><a href="/blog/older-post/">Previous <span>How the council paid for the new'
        ' bridge</span></a> <a href="/blog/newer-post/">Next <span>Ten roads the city will repave next'
        " spring</span></a></div>"
    )
    art = extract(story_page(links), "https://example.org/blog/budget-vote/")
    assert [r["title"] for r in art.related] == [
        "Previous How the council paid for the new bridge",
        "Next Ten roads the city will repave next spring",
    ]
    assert "bridge" not in art.body


def test_one_teaser_card_under_a_related_heading_is_related_never_body():
    card = (
        '<div class="section"><p class="title">You might also be interested in\u2026</p><div class="row">'
        '<div class="cover"><img src="/yoga.jpg" alt=""></div><div class="text"><h2>An Introduction to Yoga</h2>'
        "<div><p>Yoga is more than a workout: postures, breathing, deep relaxation and meditation.</p></div>"
        '<a class="btn" href="https://example.org/yoga-guide/">Read More</a></div></div></div>'
    )
    art = extract(story_page(card), "https://example.org/story/")
    related = [b["text"] for b in art.blocks if b["label"] == "related"]
    assert any("An Introduction to Yoga" in text and "deep relaxation" in text for text in related)
    assert "Yoga" not in art.body
    # a sister host is the same site (its blog, its shop), as for linked headings and cards
    sister = extract(story_page(card.replace("example.org/yoga-guide", "blog.example.org/yoga-guide")), art.url)
    assert any("deep relaxation" in b["text"] for b in sister.blocks if b["label"] == "related")
    # the same box leading to another site, or a call to action, is no teaser of the site's stories
    other_site = card.replace("example.org/yoga-guide", "yoga.example.com/course")
    elsewhere = extract(story_page(other_site), "https://example.org/story/")
    assert not any("deep relaxation" in b["text"] for b in elsewhere.blocks if b["label"] == "related")


def _article_with(box: str) -> str:
    """A company blog's article with `box` after its text, as a page."""
    paragraph = (
        "<p>" + "Search engines changed how teams plan their content and measure what it brings in. " * 5 + "</p>"
    )
    return (
        "<html><head><title>State of SEO</title></head><body><main><article><h1>State of SEO</h1>"
        f"{paragraph * 4}{box}</article></main><footer><p>Copyright Acme</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("box", "offer"),
    [
        (  # a class-named call to action whose only button says "Sign up": nothing to fill in, a product to sell
            '<div class="post-cta"><h3>Now that you are here</h3><p>Acme is a tool that shows you the companies that '
            "visit your website. If you liked this post, you will probably love Acme, too.</p>"
            '<a class="button" href="https://app.acme.com/">Sign up</a></div>',
            "If you liked this post, you will probably love Acme, too.",
        ),
        (  # a class-named call to action drawn as one link: a call, not a teaser of another story
            '<section class="cta"><a class="btn" href="/coaching/">Get Started with a Coach Today!</a></section>',
            "Get Started with a Coach Today!",
        ),
    ],
)
def test_call_to_action_box_with_nothing_to_fill_in_is_a_promo_not_a_form_or_a_teaser(box, offer):
    art = extract(_article_with(box), "https://www.acme.com/blog/state-of-seo/")
    assert any(offer in fold(promo) for promo in art.promos)
    assert offer not in fold(art.body)
    assert not any(offer in fold(form["text"]) for form in art.forms)
    assert not any(offer in fold(related["title"]) for related in art.related)


@pytest.mark.parametrize(
    "banner",
    [
        "Download the NPS app to navigate the parks on the go.",  # "the <name> app"
        "Install Iceland\u2019s biggest travel app",  # "<name>'s ... app"
        "Get it on Google Play",  # a store badge's words
    ],
)
def test_app_install_banner_in_a_footer_is_a_promo(banner):
    footer = (
        f'<footer><div class="apps"><p>{banner}</p><a href="https://apps.apple.com/app/id1">App Store</a></div>'
        '<ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>'
    )
    art = extract(
        _article_with("").replace("<footer><p>Copyright Acme</p></footer>", footer), "https://www.acme.com/a/"
    )
    assert any(banner in fold(promo) for promo in art.promos)
    # "the app" with no name is an instruction, not an ad for the site's app
    line = "Download the app and log in."
    art = extract(_article_with(f"<p>{line}</p>"), "https://www.acme.com/a/")
    assert not any(line in promo for promo in art.promos)


def test_sidebar_widget_ending_in_a_call_drawn_as_a_link_is_a_promo():
    """A sidebar's widget whose button is a plain link saying a product's call ("Watch demo") is a call to
    action, as one ending in a <button> is."""
    sidebar = (
        '<aside class="sidebar"><div class="resource"><p>Answer every lead in seconds and turn more calls into booked'
        ' jobs.</p><p><a href="/demo/">Watch demo</a></p></div></aside>'
    )
    page = _article_with("").replace("</main>", f"</main>{sidebar}")
    art = extract(page, "https://www.acme.com/blog/leads/")
    assert any("Answer every lead in seconds" in promo for promo in art.promos)
    assert "Answer every lead" not in art.body


@pytest.mark.parametrize(
    ("box", "offer"),
    [
        (  # a paywall: "paid subscribers", as "paying subscribers"
            '<div class="paywall"><h2>This post is for paid subscribers</h2><input type="email" name="email">'
            "<button>Subscribe</button></div>",
            "This post is for paid subscribers",
        ),
        (  # a magazine's subscription, named without "our" or "the"
            '<div class="subscribe-box"><h3>Subscribe to Garden Life Magazine</h3><p>Twelve issues a year, delivered.</p>'
            '<a class="btn" href="https://shop.acme.com/magazine">Subscribe</a></div>',
            "Subscribe to Garden Life Magazine",
        ),
        (  # a product's trial said "free for 90 days"
            '<div class="signup"><h3>Start a Podcast. Free for 90 Days!</h3><input type="email" name="email">'
            "<button>Sign up</button></div>",
            "Start a Podcast. Free for 90 Days!",
        ),
    ],
)
def test_paid_subscriptions_and_trials_in_sign_up_boxes_are_promos(box, offer):
    art = extract(_article_with(box), "https://www.acme.com/blog/state-of-seo/")
    assert any(offer in fold(promo) for promo in art.promos)
    assert not any(offer in fold(form["text"]) for form in art.forms)


def test_reader_appeal_in_a_footer_is_a_promo():
    footer = (
        '<footer><div class="appeal"><h3>Help Keep Acme Free and Independent</h3><p>Please support us so we can keep'
        ' telling the stories others will not.</p></div><ul><li><a href="/about">About</a></li></ul></footer>'
    )
    art = extract(
        _article_with("").replace("<footer><p>Copyright Acme</p></footer>", footer), "https://www.acme.com/a/"
    )
    assert any("Help Keep Acme Free and Independent" in fold(promo) for promo in art.promos)
    assert any("Please support us so we can keep" in fold(promo) for promo in art.promos)


_PROMO_TITLE_CARD = (
    '<li class="item"><div class="PromoSmall"><h3><a href="/business/story/{i}">Airlines order fifty planes in story'
    " {i}</a></h3></div></li>"
)


@pytest.mark.parametrize("card", [_PROMO_STORY_CARD, _PROMO_TITLE_CARD])
def test_a_promo_card_settled_as_a_teaser_takes_in_only_what_follows_a_teaser(card):
    """A class-named promo card that teases the site's stories is related, and it extends as a teaser does: over
    linked lines and the excerpt under a headline-length title, not over the article's next short paragraph after
    a "See all stories" link (an offer's extension took it, and the scorer then overruled the whole unit)."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    cards = "".join(card.format(i=i) for i in range(3))
    short = "Mirrorless cameras are lighter than the older reflex models and just as sharp."
    html = (
        f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}"
        f'<ul class="list">{cards}</ul><a class="more" href="/business/">See all stories</a>'
        f"<p>{short}</p>{ARTICLE_TEXT}</article></body></html>"
    )
    segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
    related = [fold(u.text) for u in segmentation.units if u.label.value == "related"]
    assert related and all("Airlines order fifty planes" in text for text in related)
    assert not any(short in text for text in related)


def test_a_run_of_sibling_story_cards_in_the_articles_container_is_related():
    """Story cards laid out as sibling boxes (rules between them) inside the article's own container, under a
    heading of no known wording: no element holds the cards alone, yet the run of boxes of one tag and class,
    each one linked title to another page of the site with its picture and excerpt, is one related unit. A run
    holding most of the page (a roundup), or one the article goes on after, is the article's own."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    card = (
        '<div class="row"><div class="ideas"><figure><a href="/ideas/{i}"><img src="/{i}.jpg" alt=""></a></figure>'
        '<figure><h3><a href="/ideas/{i}">{title}</a></h3><p>{excerpt}</p></figure></div></div><hr>'
    )
    excerpt = "Everything to plan for it in one place, with the questions to ask and the details to settle."
    titles = ["The Ultimate Budget Checklist", "Beauty Timeline", "The Ultimate Barn Wedding Checklist"]
    cards = "".join(card.format(i=i, title=t, excerpt=excerpt) for i, t in enumerate(titles))

    def related(article: str) -> list[str]:
        html = f"<html><body><main><div><h1>Budget vote</h1>{article}</div></main></body></html>"
        segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
        return [fold(u.text) for u in segmentation.units if u.label.value == "related"]

    found = related(f"{ARTICLE_TEXT * 3}<h3>Collect them all!</h3>{cards}")
    assert len(found) == 1 and all(title in found[0] for title in titles) and "council" not in found[0]
    intro = "<p>Our checklists, one for every kind of wedding, gathered on one page for you.</p>"
    assert not related(f"{intro}<h3>Collect them all!</h3>{cards}")  # the cards are most of the page: a roundup
    two = "".join(card.format(i=i, title=t, excerpt=excerpt) for i, t in enumerate(titles[:2]))
    assert not related(f"{ARTICLE_TEXT * 3}{two}")  # two cards are no run
    assert not related(f"{ARTICLE_TEXT * 3}{cards}{ARTICLE_TEXT}")  # the article goes on: a guide's own cards


def test_a_run_of_cards_whose_titles_are_no_links_is_related_when_each_card_leads_to_one_page_of_the_site():
    """A carousel of story cards whose titles are plain headings, each card linked by an "Explore" line of its own
    to another page of the site, is a run of cards; sections of the article whose prose links to other pages are
    not (the link is part of a sentence), nor cards whose line calls to action (a sign-up)."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    excerpt = "According to our research team, the top companies in this market are led by three firms."
    titles = ["Top 10 Companies in the Global 8K Market", "Top Taxi Companies", "Leading Solar Panel Makers in 2025"]

    def related(card: str) -> list[str]:
        cards = "".join(card.format(i=i, title=t, excerpt=excerpt) for i, t in enumerate(titles))
        html = f"<html><body><main><div><h1>Budget vote</h1>{ARTICLE_TEXT * 3}{cards}</div></main></body></html>"
        segmentation = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/")
        return [fold(u.text) for u in segmentation.units if u.label.value == "related"]

    explore = '<div class="item"><h3>{title}</h3><p>{excerpt}</p><div class="btn"><a href="/blogs/{i}">Explore</a></div></div>'
    found = related(explore)
    assert len(found) == 1 and all(title in found[0] for title in titles)
    prose = '<div class="item"><h3>{title}</h3><p>{excerpt} See <a href="/blogs/{i}">our report</a> for more.</p></div>'
    assert not related(prose)
    assert not related(explore.replace('href="/blogs/{i}"', 'href="/signup/{i}"'))


_GERMAN_LINKS = "".join(
    f'<li><a href="/artikel/{i}">Ein anderer Artikel der Seite, Nummer {i}</a></li>' for i in range(3)
)


@pytest.mark.parametrize(
    ("heading", "box", "label"),
    [
        ("Ähnliche Beiträge", f"<ul>{_GERMAN_LINKS}</ul>", "related"),
        ("Weiterführender Link", f"<ul>{_GERMAN_LINKS}</ul>", "related"),
        ("Mehr zum Thema", f"<ul>{_GERMAN_LINKS}</ul>", "related"),
        ("Das könnte dich auch interessieren", f"<ul>{_GERMAN_LINKS}</ul>", "related"),
        ("Meistgelesen", f"<ul>{_GERMAN_LINKS}</ul>", "related"),
        (
            "Teile diesen Beitrag!",
            '<a href="https://facebook.com/sharer">Facebook</a> <a href="/mail">E-Mail</a>',
            "share",
        ),
        ("3 Kommentare", "<p>Anna sagt: Ein schöner Beitrag, danke dafür. Ich habe ihn gern gelesen.</p>", "comments"),
        ("Schreibe einen Kommentar", "<p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p>", "comments"),
        (
            "Über die Autorin",
            "<p>Sandra schreibt seit 2015 über Bücher, Kosmetik und das Leben an der Ostsee.</p>",
            "bio",
        ),
    ],
)
def test_german_headings_name_the_box_below_them(heading: str, box: str, label: str) -> None:
    """The pages thresher will meet are not all English: the heading cues speak German too (and some
    French, Spanish, Italian, Dutch), as `benchmarks/realworld.py` measures."""
    found, text = first_unit(f'<div class="box"><h3>{heading}</h3>{box}</div>')
    assert (found, text.split()[0]) == (label, heading.split()[0])


def test_links_in_the_rows_of_a_data_table_are_its_data_not_teasers():
    """A test's results table links each product to its page; the row's other cells (price, grade) make it
    data. The same links in paragraphs of their own are headline teasers."""
    row = '<tr><td> <a href="/tests/kindersitz/{i}">Britax Römer Baby-Safe {i} i-Size Flex Base</a></td><td>370 €</td><td>1,7</td></tr>'
    head = "<thead><tr><th>Hersteller/Modell</th><th>Preis</th><th>Note</th></tr></thead>"
    note = '<tr><td colspan="3"><div>Stand: Mai 2018</div></td></tr>'  # a cell holding a block: a table of blocks
    table = f"<table>{head}<tbody>" + "".join(row.format(i=i) for i in range(3)) + f"{note}</tbody></table>"
    assert not [unit for unit in units_of(table) if unit[0] == "related"]
    lines = "".join(
        f'<p><a href="/tests/kindersitz/{i}">Britax Römer Baby-Safe {i} i-Size Flex Base</a></p>' for i in range(3)
    )
    assert [label for label, _ in units_of(f"<div>{lines}</div>")] == ["related"] * 3


@pytest.mark.parametrize(
    "appeal",
    [
        "Investigativ. Unabhängig. Gemeinnützig. Unsere Arbeit ist spendenfinanziert. Wir freuen uns über jede Hilfe.",
        "Unabhängiger Journalismus kostet Geld: unterstützen Sie unsere Arbeit mit einem Beitrag Ihrer Wahl.",
        "Ce journal ne vit que de ses lecteurs : soutenez-nous pour qu'il reste libre et gratuit.",
    ],
)
def test_a_reader_appeal_in_german_or_french_is_a_promo(appeal):
    assert ("promo", appeal) in units_of(f'<div class="box"><p>{appeal}</p></div>')


def test_a_german_sign_up_call_is_read_as_one():
    """ "Stay up to date" and "sign up for our newsletter", as pages in German say it: sign-up lines."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    for call in (
        "Bleib auf dem Laufenden zu aktuellen Entwicklungen im Influencer-Marketing und Social Media.",
        "Bleiben Sie immer informiert über neue Beiträge und Termine.",
    ):
        html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}<div class='box'><p>{call}</p></div></article></body></html>"
        units = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/").units
        assert [u.reason.split(",")[0] for u in units if fold(u.text) == call] == ["text:sign-up"], call


def test_a_date_line_just_above_the_headline_is_a_byline():
    """Templates put the post's date line over the headline too ("Freitag | 14. Juni 2019 | VON ...");
    a kicker above it that says no date stays what it is."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    line = "Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS"
    html = (
        f"<html><body><article><h2>Ear Candy!</h2><p>{line}</p><img src='/lead.jpg' alt=''><h1>Budget vote</h1>"
        f"{ARTICLE_TEXT}</article></body></html>"
    )
    units = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/").units
    assert [(u.label.value, u.reason) for u in units if fold(u.text) == line] == [("byline", "above-title:date")]
    assert not [u for u in units if fold(u.text) == "Ear Candy!"]


@pytest.mark.parametrize(
    "credentials",
    [
        "Anna Berg ist freie Journalistin in Berlin und schreibt über Wissenschaft und Technik.",
        "Jean Dupont est journaliste indépendant à Lyon et écrit sur la science depuis dix ans.",
        "Ana Lima es periodista en Madrid y escribe sobre ciencia y tecnología desde hace años.",
    ],
)
def test_credentials_in_german_french_or_spanish_beside_a_portrait_are_a_bio(credentials):
    units = units_of(
        f'<aside class="sidebar"><section class="widget"><img src="anna.jpg" alt=""><p>{credentials}</p></section></aside>'
    )
    assert ("bio", credentials) in units


@pytest.mark.parametrize(
    "paragraph",
    [
        "AUTOR Dr. Thomas Schulte ist Gründungspartner der Kanzlei Schulte und Partner in Berlin.",
        "About the author: Jane Doe is a reporter for the Example Herald who covers city hall.",
    ],
)
def test_credentials_run_in_after_a_bio_heading_are_a_bio_without_a_portrait(paragraph):
    """The heading's words opening the paragraph say whose credentials they are, as a portrait would."""
    assert ("bio", paragraph) in units_of(f"<article><p>{paragraph}</p></article>")
    plain = paragraph.split(" ", 1 if paragraph.startswith("AUTOR") else 3)[-1]
    assert ("bio", plain) not in units_of(f"<article><p>{plain}</p></article>")


@pytest.mark.parametrize(
    "line",
    ["Tags: Helena, smart thermostat", "Filed under: Khawarij", "Categories: News, Politics", "Schlagwörter: Wahl"],
)
def test_a_posts_taxonomy_line_is_no_body(line):
    """Item 5 of the extraction issue: no footer lines at the end of the body. A post's tags or categories after its
    text are the site's index, not the article; "Topics covered in the vote were roads and schools" is prose."""
    assert [(u.label.value, u.reason[:5]) for u in _all_units(f"<div><p>{line}</p></div>") if fold(u.text) == line] == [
        ("other", "line:")
    ]
    prose = "Topics covered in the vote were roads and schools."
    assert not [u for u in _all_units(f"<div><p>{prose}</p></div>") if fold(u.text) == prose]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Mit Material von dpa und AFP", "byline"),
        ("Fotos: Sophia Mahnert", "byline"),
        ("(dpa/lnw)", "byline"),
        ("Folgen Sie uns auf Twitter für mehr Nachrichten aus der Region", "byline"),
        ("*Affiliate-Links: Kaufst du über diese Links, erhalten wir eine kleine Provision.", "other"),
    ],
)
def test_german_credit_follow_and_affiliate_lines(line, label):
    assert [u.label.value for u in _all_units(f"<div class='box'><p>{line}</p></div>") if fold(u.text) == line] == [
        label
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Read our full Sony WF-C710N review", "related"),
        ("Check out our in-depth review", "related"),
        ("Read our full review. The battery lasts two days on a charge.", None),  # a sentence goes on: body's
    ],
)
def test_a_line_pointing_at_the_sites_own_review_is_related(line, label):
    labels = [u.label.value for u in _all_units(f"<div class='box'><p>{line}</p></div>") if fold(u.text) == line]
    assert labels == ([label] if label else [])


@pytest.mark.parametrize("line", ["Link copied!", "copied!", "URL kopiert", "Verschickt"])
def test_what_a_pressed_share_button_says_is_share(line):
    """The status a copy-link or send button shows once pressed is no article text, in any of the languages."""
    assert [u.label.value for u in _all_units(f"<div class='box'><p>{line}</p></div>") if fold(u.text) == line] == [
        "share"
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Click to expand...", "other"),
        ("Your browser does not support the video tag.", "other"),
        ("Tags:", "other"),
        ("Show 24 results per page", "navigation"),
        ("Filters (2)", "navigation"),
        ("Sortieren nach", "navigation"),
        ("Add to cart", "other"),
        ("Quote", "other"),
        ("3 likes", "other"),
        ("Posts: 2,103", "other"),
        ("Reactions:", "other"),
        ("Reactions: 1,204", "other"),
        ("Last edited: Jul 4, 2024", "other"),
        ("Image 1 of 5", "other"),
        ("Advertisement", "other"),
        ("Advertisement - Page continues below", "other"),
        ("Advertisement (gone after registration)", "other"),
        ("Advertisement - Members don't see this ad", "other"),
        ("Story continues below", "other"),
        ("Reply", "other"),
        ("permalink", "other"),
        ("Senior Member", "other"),
        ("Joined: Feb 2019", "other"),
        ("Threads: 23", "other"),
        ("Posts", "other"),
        ("Compare", "other"),
        ("Shop now", "other"),
        ("|", "other"),
        ("Filed Under:", "other"),
        ("1,693 views", "other"),
        ("2 days ago", "other"),
        ("Back to top", "navigation"),
        ("Jump to navigation", "navigation"),
        ("Caption", "other"),
        ("toggle caption", "other"),
        ("View transcript", "other"),
        ("View post on imgur.com", "other"),
        ("A post shared by Patagonia (@patagonia)", "other"),
        ("Read More »", "other"),
        ("View Details", "other"),
        ("Read full review", "other"),
        ("5 min read", "other"),
        ("12 minutes read", "other"),
    ],
)
def test_the_words_of_controls_are_control_lines(line, label):
    found = [
        (u.label.value, u.reason) for u in _all_units(f"<div class='box'><p>{line}</p></div>") if fold(u.text) == line
    ]
    assert found == [(label, f"control:{label}")]


@pytest.mark.parametrize(
    "line",
    [
        "Threads",
        "Messages",
        "close()",
        "Top",
        "Learn more",
        "Read more about the vote",
        "Captions",
        "Transcript",
        "5 min",
    ],
)
def test_a_documentations_section_named_like_a_control_is_no_control_line(line):
    """A forum's counters need their count, and a button's word its whole line: "Threads" alone heads a section of a
    programming guide, "close()" documents a method."""
    assert not [u for u in _all_units(f"<div class='box'><h3>{line}</h3></div>") if u.reason.startswith("control:")]


def test_a_posters_letter_avatar_is_no_text_of_the_page():
    """A forum draws a poster without a photo as their initials ("J", "SK") in an element classed as an avatar: a
    picture, no block of the record. A name in an avatar, or a letter outside one, stays text."""
    post = (
        "<article class='message'><div class='message-avatar'><a class='avatar avatar-u7266-m' href='/u/j'>"
        "<span class='avatar-u7266-m'>{initials}</span></a></div><div class='message-body'><p>{text}</p></div></article>"
    )
    reply = "I had the same problem with my router until I changed the channel width to twenty."

    def texts(body: str) -> list[str]:
        html = f"<html><body><h1>Router drops</h1>{body}</body></html>"
        return [fold(b["text"]) for b in extract(html, "https://forum.example.org/t/router").blocks]

    for initials in ("J", "SK"):
        assert initials not in texts(post.format(initials=initials, text=reply) * 2)
    assert "Jane" in texts(post.format(initials="Jane", text=reply))
    assert "A" in texts("<div class='grades'><p>A</p><p>" + reply + "</p></div>")


def test_the_controls_of_cards_dropped_as_the_pages_content_are_control_lines():
    """A shop's grid of offers is what its page is about, so the promos found on its cards are dropped; the blocks
    stay taken, and each card's "Compare" button is still a control's words, none of the page's text."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    cards = "".join(
        f"<div class='card'><h3>Sandpiper {n} Kayak</h3><p>Save 20% today, now only $499 with free shipping.</p>"
        "<button type='button'>Compare</button></div>"
        for n in range(5)
    )
    cards += f"<p>{'The river is wide. ' * 3}</p>"
    html = f"<html><body><main><h1>Kayaks</h1><div class='grid'>{cards}</div></main>"
    units = segment_page(
        parse_html(html + "</body></html>"), "Kayaks", [], "Example", "https://example.org/c/kayaks"
    ).units
    assert not [u for u in units if u.label.value == "promo"]
    assert [(u.reason, u.text) for u in units if u.label.value == "other"] == [("control:other", "Compare")] * 5


def test_a_posts_number_is_a_control_line_only_as_a_link():
    """ "#12" linking to the post is a forum's permalink; the same number unlinked is a chart's rank, its content."""
    units = _all_units("<div class='box'><a href='/posts/12'>#12</a><p>Gold for the home team</p><span>#1</span></div>")
    assert [(u.label.value, u.reason, fold(u.text)) for u in units][1:] == [("other", "control:other", "#12")]


def test_a_control_line_drawn_as_a_heading_is_a_control_line():
    """A Q&A site draws "You must log in to answer this question." as a heading; a table of contents' heading
    stays the heading unit that takes in its list."""
    units = _all_units("<div class='box'><h2>You must log in to answer this question.</h2></div>")
    assert [(u.label.value, u.reason) for u in units][1:] == [("other", "control:other")]
    units = _all_units("<div class='box'><h2>Contents</h2><ul><li><a href='#a'>Why</a></li></ul></div>")
    assert [(u.label.value, u.reason) for u in units][1:] == [("navigation", "heading:Contents")]


@pytest.mark.parametrize(
    "links",
    [
        # three links to one place: a shop's rating, its count and "Read reviews" all lead to its reviews
        "<p><a href='#s0'>4.5 stars</a> <a href='#s0'>(120)</a> <a href='#s0'>Read reviews</a></p>",
        # footnote marks in a paragraph: its words are its own, not the links'
        "<p>Borrowing rose<a href='#s0'>1</a> while visits fell<a href='#s1'>2</a> and hours shrank<a href='#s2'>3</a>"
        " over the last three winters in every branch of the city library.</p>",
        # the sections of another page
        "<ul><li><a href='/hours#s0'>Why</a></li><li><a href='/hours#s1'>What</a></li>"
        "<li><a href='/hours#s2'>When</a></li></ul>",
        # list items that hold a title of their own: the list is the sections
        "<ul><li><h3>Intro</h3></li><li><h3>Method</h3></li><li><h3>Result</h3></li></ul>",
        # labels that a title standing twice repeats ("Organic cotton" over each brand's materials)
        "<h4>Hemp</h4><h4>Linen</h4><h4>Wool</h4><ul><li>Hemp</li><li>Linen</li><li>Wool</li></ul>"
        "<h4>Hemp</h4><h4>Linen</h4><h4>Wool</h4>",
        # a menu whose items lead to other pages
        "<ul><li><a href='/part-0'>Part 0</a></li><li><a href='/part-1'>Part 1</a></li>"
        "<li><a href='/part-2'>Part 2</a></li></ul>",
    ],
)
def test_links_that_are_no_table_of_contents_make_no_contents_unit(links):
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    sections = "".join(f"<h2 id='s{n}'>Part {n}</h2><p>{ARTICLE_TEXT}</p>" for n in range(3))
    html = f"<html><body><article><h1>Budget vote</h1>{links}{sections}</article></body></html>"
    units = segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/").units
    assert not [u for u in units if u.reason == "contents:page-sections"]


def test_a_table_of_contents_its_heading_names_is_one_unit():
    """The heading's unit holds the list already: no second unit of the list alone inside it."""
    units = _all_units(
        "<div class='box'><h2>Contents</h2><ul>"
        + "".join(f"<li><a href='#s{n}'>Part {n}</a></li><h3 id='s{n}'>x</h3>" for n in range(3))
        + "</ul></div>"
    )
    assert [(u.label.value, u.reason) for u in units][1:] == [("navigation", "heading:Contents")]


def test_on_this_page_names_a_table_of_contents():
    units = _all_units("<div class='box'><h2>On this page</h2><ul><li><a href='#a'>Why it matters</a></li></ul></div>")
    assert [(u.label.value, u.reason, fold(u.text)) for u in units][1:] == [
        ("navigation", "heading:On this page", "On this page Why it matters")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Image credit: © Depositphotos.com/AndrewLozovyi",
        "Photo: Ben Hasty/Getty Images",
        "(Photo by Jane Doe on Unsplash)",
        "SolStock/E+ via Getty Images",
        "Al Goldis, Associated Press",
        "Write to Al Root at al.root@example.com",
    ],
)
def test_a_pictures_credit_is_a_credit_line(line):
    assert [u.label.value for u in _all_units(f"<div class='box'><p>{line}</p></div>") if fold(u.text) == line] == [
        "byline"
    ]


def test_a_footer_link_named_dpa_is_no_agency_credit():
    """ "DPA" on an English site is a Data Processing Agreement: an agency credit is "(dpa)" or "dpa/lnw"."""
    assert not [u for u in _all_units("<div class='box'><p>DPA</p></div>") if fold(u.text) == "DPA"]


def _all_units(body: str) -> list:
    """Every rule unit of `units_of`'s page, bylines too."""
    from pipelines.extraction.parse import parse_html
    from pipelines.extraction.segment import segment_page

    html = f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{ARTICLE_TEXT}</article>{body}</body></html>"
    return segment_page(parse_html(html), "Budget vote", [], "Example", "https://example.org/story/").units


def test_a_box_classed_as_an_advert_in_german_is_no_body():
    text = "Jetzt die neue Kollektion entdecken und beim Einkauf ab 50 Euro die Versandkosten sparen."
    assert [label for label, t in units_of(f'<div class="anzeige"><p>{text}</p></div>') if t == text] == ["promo"]


@pytest.mark.parametrize(
    ("line", "href"),
    [
        ("Zurück zur Übersicht", "/aktuelles/"),
        ("nach oben", "#top"),
        ("Back to top ↑", "#top"),
        ("Back to blog", "/blog/"),
    ],
)
def test_a_link_back_up_the_page_or_the_site_is_navigation(line, href):
    units = _all_units(f"<div class='box'><p><a href='{href}'>{line}</a></p></div>")
    assert [u.label.value for u in units if fold(u.text) == line] == ["navigation"]
    sentence = "Back to the drawing board for the council, which must now find the money elsewhere."
    assert not [u for u in _all_units(f"<div class='box'><p>{sentence}</p></div>") if u.label.value == "navigation"]


def test_an_offer_link_in_a_menu_makes_no_promo():
    """ "Advertise with us" or "Become a Member" in a footer's column of links is the site's navigation: the record's
    promos held whole footers ("About Careers Advertise with us Press Privacy ..."). An offer line among priced
    product links is still a promo: a grid of them is what the site sells."""
    menu = (
        "<div class='links'><ul><li><a href='/about'>About</a></li><li><a href='/careers'>Careers</a></li>"
        "<li><a href='/advertise'>Advertise with us</a></li><li><a href='/join'>Become a Member</a></li>"
        "<li><a href='/privacy'>Privacy Policy</a></li></ul></div>"
    )
    assert not [text for label, text in units_of(menu) if label == "promo"]
    item = "<li><a href='/p/{i}'>Resistance band set {i} ${i}7.97</a></li>"
    items = "".join(item.format(i=i) for i in range(1, 4))
    grid = f"<div class='shop'><ul><li><a href='/buy'>Buy now</a></li>{items}</ul><button>Shop all</button></div>"
    assert [label for label, text in units_of(grid) if "Buy now" in text] == ["promo"]


def test_a_list_of_sources_under_its_heading_is_no_body():
    """ "Sources" or "Citations" over a list of the works an article drew on: a reader does not read the list as the
    article (item 5 of the extraction issue), though the scorer reads its short lines as the article's own list.
    The same heading over a paragraph of prose is a section of the article."""
    sources = "".join(
        f"<li>{name}, {title}</li>"
        for name, title in [
            ("U.S. News & World Report", "Online Colleges"),
            ("Statista", "Education & Science"),
            ("Lumina Foundation", "Resources"),
        ]
    )
    html = (
        f"<html><body><article><h1>Budget vote</h1>{ARTICLE_TEXT}{ARTICLE_TEXT}<h2>Sources</h2><ol>{sources}</ol>"
        "</article></body></html>"
    )
    record = extract(html, "https://example.org/story/")
    assert "Statista" not in record.body and "council voted" in record.body
    assert [b["reason"] for b in record.blocks if "Statista" in b["text"]] == ["citations:Sources,section"]
    prose = "<p>" + "Where the numbers come from matters, and the council's own audit is the main one. " * 8 + "</p>"
    assert not [label for label, text in units_of(f"<h2>Sources</h2>{prose}") if label == "other"]
