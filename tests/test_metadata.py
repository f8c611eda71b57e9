"""Page metadata from small hand-written pages: headline, person names, publication date."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from lxml.html import fromstring

from pipelines.extraction.metadata import read_metadata

URL = "https://www.courier.example/2024/03/12/story"


def meta(head: str = "", body: str = "", url: str = URL):
    return read_metadata(fromstring(f"<html><head>{head}</head><body>{body}</body></html>"), url)


def credited(page) -> tuple[list[str], str | None]:
    """The persons a page names and, only when it names none, the team or publisher it credits."""
    return page.authors, page.credit


def jsonld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


SITE = '<meta property="og:site_name" content="Millbrook Courier">'
ARTICLE = '<meta property="og:type" content="article">'


# --- title ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "title",
    [
        "Council approves park \u2013 Millbrook Courier",
        "Council approves park | Millbrook Courier",
        "Millbrook Courier: Council approves park",
        "Council approves park - Millbrook Courier",
    ],
)
def test_site_name_is_cut_from_the_declared_title(title):
    assert meta(SITE + f"<title>{title}</title>").title == "Council approves park"


def test_site_name_known_only_from_the_host_is_cut():
    page = meta("<title>Council approves park | Courier</title>", url="https://courier.example/story")
    assert page.title == "Council approves park"


def test_h1_confirmed_by_og_title_wins_over_the_title_tag():
    page = meta(
        '<meta property="og:title" content="Council approves park on rail yard | MC"><title>Park | Site</title>',
        "<h1>Courier</h1><h1>Council approves park on rail yard</h1>",
    )
    assert (page.title, page.title_source) == ("Council approves park on rail yard", "h1")


def test_site_name_at_the_end_of_the_headline_h1_is_cut():
    named = "Council approves park \u2013 Millbrook Courier"
    page = meta(SITE + f"<title>{named}</title>", f"<h1>{named}</h1>")
    assert (page.title, page.title_source) == ("Council approves park", "h1")


def test_an_h1_broken_over_lines_reads_with_spaces_where_the_lines_meet():
    """The headline as the page shows it: "WEEKEND<br>CODING" is two words, and the declared title confirms them."""
    page = meta(
        "<title>Weekend Coding Agent | Focus Labs</title>",
        '<h1> WEEKEND<br>CODING<br> <span class="blue">AGENT</span> </h1><h1><div>Council</div><div>agenda</div></h1>',
    )
    assert (page.title, page.title_source) == ("WEEKEND CODING AGENT", "h1")

    # two lines are two texts all the same: an unconfirmed one is no sentence-long headline of its own
    from pipelines.extraction.pagefacts import read_facts
    from pipelines.extraction.titles import _h1_texts

    glued: set[str] = set()
    tree = fromstring("<html><body><h1>Top MBA Programs of 2025 (US)<br>Your Guide to the Best</h1></body></html>")
    assert _h1_texts(read_facts(tree, URL), glued) == ["Top MBA Programs of 2025 (US) Your Guide to the Best"]
    assert glued == {"Top MBA Programs of 2025 (US) Your Guide to the Best"}


def test_h1_wins_over_a_rewritten_og_title():
    page = meta(
        '<meta property="og:title" content="Top 7 facts about the new park for 2025">',
        "<h1>Menu</h1><h1>Seven facts about the new park</h1>",
    )
    assert page.title == "Seven facts about the new park"


def test_a_sentence_long_h1_wins_over_a_rewritten_og_title_it_shares_a_third_with():
    page = meta(
        ARTICLE + '<meta property="og:title" content="Top 11 SEO Strategies for 2025 | Courier">',
        "<h1>11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead</h1>",
    )
    assert (page.title, page.title_source) == (
        "11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead",
        "h1:overlap",
    )


def test_a_short_or_glued_h1_sharing_a_third_leaves_the_og_title():
    head = ARTICLE + '<meta property="og:title" content="Top MBA Programs: Business School Rankings">'
    assert meta(head, "<h1>Our Programs and Rankings Guide</h1>").title == "Top MBA Programs: Business School Rankings"
    glued = "<h1>Top MBA Programs and Business Schools (US)<span>Your Guide to the Rankings</span></h1>"
    assert meta(head, glued.replace("<span>", " <span>")).title.startswith("Top MBA Programs and Business")
    assert meta(head, glued).title == "Top MBA Programs: Business School Rankings"


def test_an_h1_naming_a_section_of_the_title_is_no_headline_of_an_article():
    head = SITE + '<meta property="og:title" content="Private VPN Service Recommendations and Comparison, No Ads">'
    assert meta(ARTICLE + head, "<h1>VPN Services</h1>").title == (
        "Private VPN Service Recommendations and Comparison, No Ads"
    )
    assert meta(head, "<h1>VPN Services</h1>").title == "VPN Services"  # a service or category page's own name


def test_a_sentence_long_h1_does_not_displace_the_title_of_a_page_that_declares_no_article():
    head = (
        '<meta property="og:type" content="website"><meta property="og:title" content="Top 11 SEO Strategies for 2025">'
    )
    assert meta(head, "<h1>11 SEO Strategies for 2025 to Boost Rankings and Stay Ahead</h1>").title == (
        "Top 11 SEO Strategies for 2025"
    )


def test_og_title_without_site_name_when_no_h1_matches():
    page = meta(SITE + '<meta property="og:title" content="Council approves park | Millbrook Courier">')
    assert page.title == "Council approves park"


def test_a_home_page_keeps_the_site_name_as_title():
    assert meta(SITE + "<title>Millbrook Courier</title>", "<h1>Millbrook Courier</h1>").title == "Millbrook Courier"


def test_blog_named_in_its_h1_takes_the_post_title_from_og_title():
    page = meta(
        '<meta property="og:title" content="A brief intro to git • Cory Dransfeldt"><title>A brief intro to git</title>',
        "<h1>Cory Dransfeldt</h1><h2>A brief intro to git</h2>",
        url="https://www.coryd.example/posts/2021/git",
    )
    assert page.title == "A brief intro to git"


def test_headline_starting_with_the_site_name_is_no_site_name():
    page = meta(
        ARTICLE
        + '<meta property="og:site_name" content="Gardenary"><title>Gardenary Planting vs. Ordinary Planting • Gardenary</title>',
        "<h1>Gardenary Planting vs. Ordinary Planting</h1>",
        url="https://www.gardenary.example/blog/planting",
    )
    assert page.title == "Gardenary Planting vs. Ordinary Planting"
    page = meta(
        ARTICLE + "<title>Gardening in a Warming World | Cornell Learning</title>",
        "<h1>Gardening in a Warming World</h1>",
        url="https://gardening.example.edu/gww/",
    )
    assert page.title == "Gardening in a Warming World"


# --- authors ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "byline, names",
    [
        ("By Keith Barry, Senior Autos Reporter", ["Keith Barry"]),
        ("By Zackery Cuevas Writer", ["Zackery Cuevas"]),
        ("Keith Barry | Published May 2, 2024", ["Keith Barry"]),
        ("Updated: May 3, 2024 by Ana Lima", ["Ana Lima"]),
        ("By Ana Lima and Tomasz Kowalczyk", ["Ana Lima", "Tomasz Kowalczyk"]),
        ("By Ana Lima, Tomasz Kowalczyk & Ruth Abernethy", ["Ana Lima", "Tomasz Kowalczyk", "Ruth Abernethy"]),
        ("By A. J. Neal", ["A. J. Neal"]),
        ("By Millbrook Courier Published May 2", []),
        ("By ana.lima@courier.example", []),
    ],
)
def test_byline_gives_person_names_only(byline, names):
    assert meta(SITE, f'<h1>Headline</h1><p class="byline">{byline}</p>').authors == names


def test_section_name_and_email_are_no_authors():
    assert meta('<meta name="author" content="Hardware">').authors == []
    assert meta('<meta name="author" content="news@courier.example">').authors == []


def test_site_name_in_meta_author_gives_way_to_the_byline():
    page = meta(
        SITE + jsonld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Millbrook Courier"}}'),
        '<p class="byline">By Dana Whitfield</p>',
    )
    assert page.authors == ["Dana Whitfield"]


def test_jsonld_authors_and_organizations():
    page = meta(
        jsonld(
            '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Dana Whitfield"},'
            ' {"@type": "Organization", "name": "Courier Newsroom"}, {"@type": "Person", "name": "Ruth Abernethy"}]}'
        )
    )
    assert page.authors == ["Dana Whitfield", "Ruth Abernethy"]


def test_jsonld_author_reference_resolves_to_the_person_node():
    graph = (
        '{"@graph": [{"@type": "Article", "headline": "H", "author": {"@id": "https://c.example/#/person/1"}},'
        ' {"@type": "Person", "@id": "https://c.example/#/person/1", "name": "Dana Whitfield"}]}'
    )
    assert meta(jsonld(graph)).authors == ["Dana Whitfield"]


@pytest.mark.parametrize(
    "head, body, names, source",
    [
        (
            jsonld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Dana Whitfield"}}'),
            "",
            ["Dana Whitfield"],
            "jsonld",
        ),
        ('<meta name="author" content="Dana Whitfield">', "", ["Dana Whitfield"], "meta"),
        ("", '<h1>Headline</h1><p class="byline">By Dana Whitfield</p>', ["Dana Whitfield"], "byline"),
        (
            '<meta name="author" content="Ana Lima">',
            "<h1>Headline</h1><p>By Ana Lima and Tomasz Kowalczyk</p>",
            ["Ana Lima", "Tomasz Kowalczyk"],
            "shown",
        ),
        (
            "",
            '<h1>Headline</h1><footer><p class="byline">By Dana Whitfield</p></footer>',
            ["Dana Whitfield"],
            "byline-aside",
        ),
        (SITE, '<h1>Headline</h1><p class="byline">By Millbrook Courier</p>', [], None),
    ],
)
def test_authors_source_names_the_reading_that_gave_them(head, body, names, source):
    """The benchmark counts each reading's precision per fold by `authors_source`."""
    page = meta(head, body)
    assert (page.authors, page.authors_source) == (names, source)


def test_twitter_data_labelled_written_by_is_the_author():
    head = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Dana Whitfield">'
    assert meta(head).authors == ["Dana Whitfield"]
    head = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="6 minutes">'
    assert meta(head).authors == []


@pytest.mark.parametrize(
    "body, names",
    [
        ('<div class="author-name">Lance Ryan (Content Manager)</div>', ["Lance Ryan"]),
        ('<a href="/author/charity">Charity ID:</a>', []),
        ('<a href="https://bsky.app/profile/dana">Blue Sky (dana.bsky.social)</a>', []),
    ],
)
def test_notes_labels_and_social_networks_are_no_names(body, names):
    assert meta("", "<h1>Headline</h1>" + body).authors == names


def test_commenters_are_not_authors():
    body = '<div id="comments"><div class="comment-author">By Chris Sutter</div></div>'
    assert meta("", "<h1>Headline</h1>" + body).authors == []


# --- dates ------------------------------------------------------------------------
def test_jsonld_published_not_modified():
    page = meta(
        jsonld(
            '{"@type": "NewsArticle", "dateModified": "2024-05-01T10:00:00Z", "datePublished": "2024-03-12T08:30:00+01:00"}'
        )
    )
    assert page.published == "2024-03-12T08:30:00+01:00"
    assert page.modified == "2024-05-01T10:00:00+00:00"


def test_published_keeps_the_declared_offset_and_its_day():
    """22:52 in New York on the 9th is the 10th in UTC: the page was published on the 9th."""
    page = meta(jsonld('{"@type": "NewsArticle", "datePublished": "2024-12-09T22:52:11-0500"}'))
    assert page.published == "2024-12-09T22:52:11-05:00"


def test_article_published_time_not_modified_time():
    page = meta(
        '<meta property="article:modified_time" content="2024-05-01T10:00:00Z">'
        '<meta property="article:published_time" content="2024-03-12T08:30:00Z">'
    )
    assert (page.published, page.modified) == ("2024-03-12T08:30:00+00:00", "2024-05-01T10:00:00+00:00")


def test_updated_time_element_is_the_modification_date():
    page = meta(
        "",
        '<h1>Headline</h1><p><time class="updated" datetime="2024-05-01">May 1</time>'
        '<time datetime="2024-03-12">March 12</time></p>',
        url="https://courier.example/story",
    )
    assert page.published == "2024-03-12T00:00:00+00:00"
    assert page.modified == "2024-05-01T00:00:00+00:00"


def test_labelled_update_in_text_is_skipped():
    page = meta(
        "", "<h1>Headline</h1><p>Updated May 1, 2024</p><p>Published March 12, 2024</p>", url="https://c.example/s"
    )
    assert page.published.startswith("2024-03-12")


def test_date_stamp_above_the_headline():
    page = meta(
        "", "<nav>Home</nav><span>December 17, 2025</span><h1>Headline</h1><p>Text.</p>", url="https://c.example/s"
    )
    assert (page.published[:10], page.published_source) == ("2025-12-17", "text:stamp")


def test_a_page_without_an_h1_has_its_headline_where_it_says_its_title():
    """A site builder that sets the headline in a styled `<p>` or an `<h2>`: the dates and bylines stand around the
    block saying the title, as they stand around an `<h1>`, under it and above it."""
    story = "".join(f"<p>Paragraph {i} of the story, long enough to read as one.</p>" for i in range(6))
    head, url_ = "<title>Top HR Software in 2026 | Diana</title>", "https://diana.example/blog/hr-software"
    page = meta(head, f"<nav>Home</nav><p class='big'>Top HR Software in 2026</p><p>Feb 16, 2026</p>{story}", url=url_)
    assert (page.published[:10], page.published_source) == ("2026-02-16", "text")
    page = meta(head, f"<h3>blog | February 01, 2022</h3><h2>Top HR Software in 2026</h2>{story}", url=url_)
    assert (page.published[:10], page.published_source) == ("2022-02-01", "text:stamp")
    assert meta(head, f"<p>Feb 16, 2026</p>{story}", url=url_).published is None  # no headline to stand by
    # a breadcrumb ending in the title says it first: the heading saying it is the headline, with its date above it
    crumbs = "<ul class='crumbs'><li>Sunday, March 1, 2026</li><li>Blog</li><li>Top HR Software in 2026</li></ul>"
    page = meta(head, f"{crumbs}<p>June 3, 2024</p><h2>Top HR Software in 2026</h2>{story}", url=url_)
    assert (page.published[:10], page.published_source) == ("2024-06-03", "text:stamp")


def test_only_date_near_the_headline_is_an_update_line():
    page = meta("", "<h1>Headline</h1><p>Updated: December 9, 2025</p><p>Text.</p>", url="https://c.example/s")
    assert (page.published[:10], page.published_source) == ("2025-12-09", "text:stamp")


def test_declared_modification_date_found_by_htmldate_is_no_publication_date():
    page = meta(
        '<meta property="article:modified_time" content="2024-05-01T10:00:00Z">',
        "<h1>H</h1><p>Text.</p>",
        url="https://c.example/s",
    )
    assert (page.published, page.modified[:10]) == (None, "2024-05-01")


def test_date_in_the_url():
    assert meta("", "<h1>Headline</h1>").published == "2024-03-12T00:00:00+00:00"


@pytest.mark.parametrize(
    "script",
    ["{not json", '{"@type": "NewsArticle", "datePublished": 12, "author": 5}', "[1, 2, [3]]", "", '"text"'],
)
def test_broken_jsonld_does_not_crash(script):
    page = meta(jsonld(script) + "<title>Story | Courier</title>", "<h1>Story</h1>")
    assert page.title == "Story"


# --- authors: bylines as pages write them --------------------------------------------
@pytest.mark.parametrize(
    "byline, names, credit",
    [
        ("By April Fulton", ["April Fulton"], None),  # a month that is a given name
        ("Posted by David at December 16, 2025 11:15 AM", ["David"], None),  # one name after "Posted by"
        ("by Amanda \u00b7 Dec 20, 2025", ["Amanda"], None),  # one name after "by" and before a date
        ("By Functionality", [], None),  # a heading, not a byline
        (
            "By Daniel Burstein, Senior Director, Content &amp; Marketing, Acme and MECLABS Institute",
            ["Daniel Burstein"],
            None,
        ),
        ("By Dr. Ehsan Jazini", ["Ehsan Jazini"], None),  # an honorific is no part of the name
        ("By Team Tiger Data", [], "Team Tiger Data"),  # a team: no author, credited as the page states it
        ("By checking out, you agree to our Terms and Privacy Policy", [], None),  # prose
        ("How an Insurance Company in St. Thomas Can Support Your Business and Auto Needs", [], None),  # a headline
        ("Veröffentlicht von Henning Lobin", ["Henning Lobin"], None),  # "Published by", not a "von" of a name
        ("Ein Beitrag von Anna Berg", ["Anna Berg"], None),
        ("Publié par Jean Dupont", ["Jean Dupont"], None),
    ],
)
def test_byline_shapes(byline, names, credit):
    assert credited(meta(SITE, f'<h1>Headline</h1><p class="byline">{byline}</p>')) == (names, credit)


def test_byline_label_with_an_avatar_before_the_name():
    body = '<h1>H</h1><div><span>Written by:</span><picture><img src="a.jpg"></picture><span>Elise Nass</span></div>'
    assert meta("", body).authors == ["Elise Nass"]


def test_author_heading_with_the_name_below():
    assert meta("", "<h1>H</h1><div><h3>Author</h3><p>Lisa D. Ellis</p></div>").authors == ["Lisa D. Ellis"]


def test_a_byline_after_the_date_element_in_one_line_names_the_author():
    """ "<time>03/01/2017</time> by Agatha Caleo, ...": the line's own text starts with the date, the byline is
    the date's tail. A tail after anything but a date is prose ("a theme by Website Design")."""
    line = (
        '<div class="node__meta"><time datetime="2017-03-01">03/01/2017</time> by Agatha Caleo, Committee Member</div>'
    )
    assert meta("", f"<h1>H</h1>{line}<p>Text.</p>").authors == ["Agatha Caleo"]
    credit = '<p>Text.</p><div class="footer-note"><a href="/theme">Theme</a> by Website Design</div>'
    assert meta("", f"<h1>H</h1>{credit}").authors == []


def test_a_portrait_followed_by_its_bio_names_the_author_when_nothing_else_does():
    """An "about me" box or closing bio no class marks: the photo's alt is a name and the text after it opens
    that person's bio. A caption repeating the alt, a testimonial, or the product the title names is no author."""
    portrait = '<p><img src="/j.jpg" alt="Julia Gralberg"></p>'
    assert meta(
        "", f"<h1>Travel hacks</h1><p>Text.</p>{portrait}<p>Julia Gralberg is a travel writer.</p>"
    ).authors == ["Julia Gralberg"]
    first_person = "<div><img src='/m.jpg' alt='Mike Woodward'><br>I'm a data science VP with long experience.</div>"
    assert meta("", f"<h1>Small models</h1><p>Text.</p>{first_person}").authors == ["Mike Woodward"]
    caption = "<figure><img src='/g.jpg' alt='Giuseppe Penone'><figcaption>Giuseppe Penone</figcaption></figure>"
    assert meta("", f"<h1>Exhibitions</h1><p>Text.</p>{caption}").authors == []
    testimonial = "<div><img src='/c.jpg' alt='Dana Whitfield'><p>I'm so glad I chose them.</p></div>"
    assert meta("", f"<h1>Our service</h1><p>Text.</p>{testimonial}").authors == []
    product = "<img src='/w.jpg' alt='War Thunder'><p>War Thunder is the most comprehensive game.</p>"
    assert meta("", f"<h1>War Thunder</h1>{product}").authors == []
    byline = '<p class="byline">By Ana Lima</p>'
    assert meta(
        "", f"<h1>Travel hacks</h1>{byline}<p>Text.</p>{portrait}<p>Julia Gralberg is a writer.</p>"
    ).authors == ["Ana Lima"]


def test_menu_filter_heading_is_no_byline():
    assert meta("", "<nav><h4>By Event Type</h4></nav><h1>H</h1><p>Text.</p>").authors == []


def test_author_bio_names_the_author_when_no_byline_does():
    body = '<h1>H</h1><p>Text.</p><div class="author-bio">This post was written by Danielle Padula, Head of Marketing</div>'
    assert meta("", body).authors == ["Danielle Padula"]


def test_credentials_and_site_names_in_declared_authors_are_dropped():
    assert meta('<meta name="author" content="Jillian Kubala, MS, RD">').authors == ["Jillian Kubala"]
    # a registered credential keeps its mark, and is no second author for it
    assert meta(
        jsonld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Rebecca Lake, CEPF\u00ae"}}')
    ).authors == ["Rebecca Lake"]
    page = meta(
        SITE + jsonld('{"@type": "NewsArticle", "author": ", Millbrook Courier"}'),
        '<p class="byline">By Dana Whitfield</p>',
    )
    assert page.authors == ["Dana Whitfield"]


def test_template_placeholder_and_labelled_lists_are_no_declared_authors():
    assert meta('<meta name="author" content="page.head.extra.author">').authors == []
    assert meta('<meta name="author" content="content: Courier, design: Ana Lima">').authors == []


def test_citation_authors_last_name_first():
    head = '<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Patel, Jyoti">'
    assert meta(head).authors == ["Aniruddha Roy", "Jyoti Patel"]


def test_citation_authors_win_over_a_dublin_core_creator_naming_the_first_alone():
    head = (
        '<meta name="DC.Creator" content="Aniruddha Roy">'
        '<meta name="citation_author" content="Aniruddha Roy"><meta name="citation_author" content="Jyoti Patel">'
    )
    assert meta(head).authors == ["Aniruddha Roy", "Jyoti Patel"]


def test_contributors_label_with_the_name_after_it():
    page = meta("", "<h1>H</h1><div><strong>Contributors:</strong> Dana Whitfield</div><p>Text.</p>")
    assert page.authors == ["Dana Whitfield"]


def test_a_menu_link_to_the_contributors_page_names_no_author():
    body = (
        '<ul class="menu"><li><a href="/about/contributors/">Contributors</a></li>'
        '<li><a href="/services/">Online Services</a></li></ul><h1>H</h1>'
    )
    assert meta("", body).authors == []


def test_by_line_under_the_headline_beats_the_declared_account_that_posted_it():
    page = meta('<meta name="author" content="Kate Sims">', '<h1>H</h1><p>by <a href="/u/dw">Dana Whitfield</a></p>')
    assert page.authors == ["Dana Whitfield"]


@pytest.mark.parametrize(
    "shown",
    [
        "<p>Medically reviewed</p><p>by</p><p>Ana Lima, MD</p><p>Written by Dana Whitfield</p>",  # a reviewer
        "<p>Written by</p><p>DanaW</p>",  # an account name
        "<p>By Dana Whitfield</p>",  # the same name
    ],
)
def test_declared_author_stands(shown):
    assert meta('<meta name="author" content="Dana Whitfield">', f"<h1>H</h1>{shown}").authors == ["Dana Whitfield"]


def test_personal_site_named_after_its_author():
    page = meta(
        '<meta property="og:site_name" content="Damien Walter">',
        '<h1>H</h1><span class="byline">Posted by Damien Walter</span>',
        url="https://damiengwalter.com/2024/12/30/books",
    )
    assert page.authors == ["Damien Walter"]


# --- dates: the date shown under the headline ----------------------------------------
PUBLISHED = '<meta property="article:published_time" content="2024-05-09T10:00:00Z">'


def test_shown_date_under_the_headline_beats_a_contradicting_declared_one():
    page = meta(PUBLISHED, "<h1>H</h1><p>December 16, 2025</p><p>Text.</p>", url="https://c.example/s")
    assert (page.published, page.published_source) == ("2025-12-16T00:00:00+00:00", "text:visible")


@pytest.mark.parametrize(
    "shown, url",
    [
        ("<p>Updated December 16, 2025</p>", "https://c.example/s"),  # labelled as an update
        ("<p>May 8, 2024</p>", "https://c.example/s"),  # a day apart: a time zone, the declared instant stays
        (
            "<p>The law of December 16, 2025 changed the rules for every landlord in the county and more.</p>",
            "https://c.example/s",
        ),
        ("<p>December 16, 2025</p>", "https://c.example/2024/05/09/s"),  # the URL confirms the declared date
    ],
)
def test_declared_date_stands(shown, url):
    assert meta(PUBLISHED, f"<h1>H</h1>{shown}", url=url).published == "2024-05-09T10:00:00+00:00"


@pytest.mark.parametrize(
    "declared, day",
    [
        ("2025-12-19T02:41:41+00:00", "2025-12-18"),  # the evening of the 18th west of UTC: the URL's day
        ("2025-12-19T14:39:52+00:00", "2025-12-19"),  # no time zone was still on the 18th then
        ("2025-12-19T02:41:41-05:00", "2025-12-19"),  # written at the page's offset: its readers' day
    ],
)
def test_a_declared_utc_timestamp_a_day_off_the_url_takes_the_urls_day(declared, day):
    page = meta(
        f'<meta property="article:published_time" content="{declared}">',
        "<h1>H</h1><p>Text.</p>",
        url="https://c.example/2025/12/18/story",
    )
    assert (page.published[:10], page.published_source.split(":")[0]) == (day, "meta")


@pytest.mark.parametrize(
    "shown, day", [("17.05.2021", "2021-05-17"), ("2/24/2026", "2026-02-24"), ("12.12.2025", "2025-12-12")]
)
def test_numeric_date_under_the_headline_that_reads_one_way(shown, day):
    page = meta("", f"<h1>H</h1><span>{shown}</span><p>Text.</p>", url="https://c.example/s")
    assert (page.published or "")[:10] == day


@pytest.mark.parametrize(
    "shown, day",
    [
        ("24. März 2004, 19:49 | Genesis", "2004-03-24"),
        ("Do 24. Mai 2018, 08:30 Uhr", "2018-05-24"),
        ("5. Dez 2018", "2018-12-05"),
        ("le 12 mars 2020", "2020-03-12"),
        ("3 de mayo de 2021", "2021-05-03"),
    ],
)
def test_written_date_in_german_french_or_spanish_under_the_headline(shown, day):
    page = meta("", f"<h1>H</h1><span>{shown}</span><p>Text.</p>", url="https://c.example/s")
    assert (page.published or "")[:10] == day


@pytest.mark.parametrize("value", ["Sun, 03 Mar 2024 10:00:00 GMT", "Tue, 03 Mar 2020 10:00:00 GMT"])
def test_an_english_weekday_and_month_still_read_as_before(value):
    """No other language's name may shadow an English one ("mar" is a French Tuesday and a month)."""
    page = meta(f'<meta property="article:published_time" content="{value}">', "<h1>H</h1><p>Text.</p>")
    assert page.published[:10] == value[12:16] + "-03-" + value[5:7]


@pytest.mark.parametrize("shown", ["09.10.2024", "03/10/2023"])
def test_numeric_date_either_number_of_which_may_be_the_month_overrides_nothing(shown):
    assert meta(PUBLISHED, f"<h1>H</h1><span>{shown}</span>", url="https://c.example/s").published.startswith(
        "2024-05-09"
    )


@pytest.mark.parametrize("value, day", [("02-12-2025", None), ("03/10/2023 10:00", None), ("30-11-2024", "2024-11-30")])
def test_a_numeric_date_value_either_number_of_which_may_be_the_month_is_no_date(value, day):
    from pipelines.extraction.dates import parse_date

    parsed = parse_date(value)
    assert (parsed.date().isoformat() if parsed else None) == day


def test_time_element_whose_day_and_month_may_be_swapped_gives_way_to_one_that_reads_one_way():
    # the post's own <time datetime="02-12-2025"> (the 2nd of December on this site) and the same
    # post in the sidebar's recent posts, written in ISO
    body = (
        '<h1>Building a UI pipeline</h1><ul><li>Bence Kov\u00e1cs</li><li><time datetime="02-12-2025">02-12-2025'
        "</time></li></ul><p>Text.</p><aside><h4>Building a UI pipeline</h4>"
        '<time datetime="2025-12-02">December 02, 2025</time></aside>'
    )
    assert meta("", body, url="https://c.example/s").published[:10] == "2025-12-02"


def test_date_in_a_sentence_under_the_headline_gives_way_to_the_date_stamp_above_it():
    body = (
        "<div><span>Dec 12, 2025</span><span>4 min read</span></div><h1>Why Rust for embedded systems?</h1>"
        "<p>I am building a vehicle for a course.</p><p>And finally, the first vendor-backed SDK hit its stable "
        "1.0.0 release on 30 October 2025, which settles the debate.</p>"
    )
    page = meta("", body, url="https://c.example/s")
    assert (page.published[:10], page.published_source) == ("2025-12-12", "text:stamp")


def test_time_labelled_published_below_the_story_beats_a_contradicting_declared_date():
    # the template's meta says the 8th; the page shows "Published August 13, 2025" under the story
    head = '<meta property="article:published_time" content="2025-08-08T00:00:00-04:00">'
    body = (
        "<h1>10 Free Accounting Tools for Your Small Business</h1><p>By: Jessica Elliott, Contributor</p>"
        + "".join(f"<p>Paragraph {i} of the guide.</p>" for i in range(20))
        + '<div class="article-body__published"> Published <time pubdate datetime="2025-08-13" '
        'title="August 13, 2025">August 13, 2025</time></div>'
    )
    page = meta(head, body, url="https://c.example/s")
    assert (page.published[:10], page.published_source) == ("2025-08-13", "text:visible")


def test_time_labelled_published_a_day_off_the_declared_date_leaves_it():
    body = '<h1>H</h1><p>Text.</p><div>Posted on <time datetime="2024-05-10">May 10, 2024</time></div>'
    assert meta(PUBLISHED, body, url="https://c.example/s").published == "2024-05-09T10:00:00+00:00"


@pytest.mark.parametrize(
    "note",
    [
        "<p>This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated.</p>",
        '<p>Originally published <span class="tt-date">September 26, 2019</span></p>',
        "<p><em>Note:</em> first published on the 26th of September 2019 and updated since.</p>",
    ],
)
def test_note_of_the_first_publication_dates_a_page_that_declares_no_date(note):
    story = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(20))
    body = f"<h1>The pros and cons of living in a tiny home</h1>{story}<p>Prices as of 30 September 2022.</p>{note}"
    page = meta("", body, url="https://c.example/s")
    assert (page.published[:10], page.published_source) == ("2019-09-26", "text:original")


def test_note_of_the_first_publication_leaves_a_declared_date():
    story = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(20))
    body = f"<h1>H</h1>{story}<p>This post was originally published on March 2, 2017.</p>"
    assert meta(PUBLISHED, body, url="https://c.example/s").published == "2024-05-09T10:00:00+00:00"


def test_published_meta_written_out():
    assert meta('<meta name="published" content="July 17, 2025">', url="https://c.example/s").published == (
        "2025-07-17T00:00:00+00:00"
    )


def test_shown_date_that_is_the_declared_modification_is_no_publication_date():
    head = PUBLISHED + '<meta property="article:modified_time" content="2025-12-16T08:00:00Z">'
    assert meta(head, "<h1>H</h1><p>December 16, 2025</p>", url="https://c.example/s").published.startswith(
        "2024-05-09"
    )


# --- title and the comparison ----------------------------------------------------------
def test_escaped_entity_in_the_headline_is_decoded():
    assert meta("", "<h1>Tools for 2026: Python, SQL &amp;#x26; AI</h1>").title == "Tools for 2026: Python, SQL & AI"


@pytest.mark.parametrize(
    "h1, title",
    [
        ("How meditation rewires brains | Opinion", "How meditation rewires brains"),
        ("Opinion | Why the park matters to us all", "Why the park matters to us all"),
        ("Best Movers in NYC 2025 | Top 19 Companies", "Best Movers in NYC 2025"),
    ],
)
def test_the_longest_pipe_separated_part_is_the_headline(h1, title):
    page = meta(ARTICLE + f"<title>{h1} | Courier</title>", f"<h1>{h1}</h1>", url="https://courier.example/s")
    assert page.title == title


def test_author_comparison_splits_and_drops_credentials_and_honorifics():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from corpus import authors_agree

    assert authors_agree(["Chengcheng Pei", "Yuan Lin"], "Chengcheng Pei and Yuan Lin")
    assert authors_agree(["Jillian Kubala"], "Jillian Kubala, MS, RD")
    assert authors_agree(["Rebecca Lake"], "Rebecca Lake, CEPF\u00ae")
    assert authors_agree(["Andrew Huberman"], "Dr. Andrew Huberman")
    assert not authors_agree(["Chengcheng Pei"], "Chengcheng Pei & Yuan Lin")


def test_texts_after_headline_are_what_the_following_axis_selects():
    from lxml import etree

    from pipelines.extraction.dates import texts_after_headline

    tree = fromstring(
        "<html><body><div><p>menu</p><h1>Head <b>line</b></h1> after<!-- note --> <span>By <a>Dana</a></span>"
        "</div><p>\xa0</p><p>one</p>\n<div><p>two</p> three</div><p>four</p></body></html>"
    )
    for limit in (1, 3, 6, 20):
        xpath = etree.XPath(f"(//h1)[1]/following::text()[normalize-space()][position() <= {limit}]")
        assert texts_after_headline(tree, limit) == [str(text) for text in xpath(tree)]


def test_headline_texts_walk_once_and_give_each_limit_its_own_texts():
    from pipelines.extraction.dates import headline_texts, texts_after_headline
    from pipelines.extraction.pagefacts import read_facts

    tree = fromstring(
        "<html><body><h1>Headline</h1><p>By Dana</p><p>May 2, 2025</p><p>one</p><p>two</p><p>three</p></body></html>"
    )
    facts = read_facts(tree, "https://example.com/story")
    for limit in (2, 4, 3, 1, 20, 5, 30):
        assert headline_texts(facts, limit) == texts_after_headline(tree, limit)
    assert facts.after_headline is not None and facts.after_headline[0] == 20  # 20 found all five: 30 walked no more
    headline_texts(facts, 2).clear()  # a caller's list is its own
    assert headline_texts(facts, 2) == ["By Dana", "May 2, 2025"]


# --- authors: bylines written one element per name ------------------------------------
def test_byline_with_each_name_in_its_own_element_reads_every_name():
    body = (
        "<h1>H</h1><p>Written by <span>Dr Ana Lima</span>, <span>Dr Tomasz Kowalczyk</span>, "
        "<span>Ruth Abernethy</span></p><p>Reviewed by <span>Dana Whitfield</span></p>"
    )
    page = meta('<meta name="author" content="Ana Lima">', body)
    assert page.authors == ["Ana Lima", "Tomasz Kowalczyk", "Ruth Abernethy"]


def test_line_starting_with_the_declared_author_names_the_co_authors():
    body = (
        "<h1>H</h1><p>Intro.</p><p><a>Ana Lima</a>, <a>Tomasz Kowalczyk</a> &amp; <a>Ruth Abernethy</a></p>"
        "<p>Nov 25th, 2025</p><p>Text.</p>"
    )
    page = meta('<meta name="author" content="Ana Lima">', body)
    assert page.authors == ["Ana Lima", "Tomasz Kowalczyk", "Ruth Abernethy"]


def test_declared_author_followed_by_a_job_title_stands():
    body = "<h1>H</h1><p>Ana Lima</p><p>Managing Director</p><p>Mergers and Acquisitions Advisory</p>"
    assert meta('<meta name="author" content="Ana Lima">', body).authors == ["Ana Lima"]


def test_breadcrumb_after_a_byline_adds_no_name():
    body = (
        "<h1>H</h1><p>Written by</p><p>Kristin</p><p>You are here:</p><a>Home</a> / <a>Blog</a> / "
        "<span>America's Most Underrated Food City</span><p>Text.</p>"
    )
    page = meta('<meta name="author" content="Kristin Addis">', body)
    assert "America's Most Underrated Food City" not in page.authors


def test_author_card_in_the_sidebar_names_the_author_when_nothing_else_does():
    body = (
        '<h1>H</h1><p>Text.</p><div class="sidebar"><div class="author-card">'
        '<div class="author-card_title"><p>Matt Lorenzo</p></div><p>Matt Lorenzo is a triathlete and coach.</p></div></div>'
    )
    assert meta("", body).authors == ["Matt Lorenzo"]


@pytest.mark.parametrize(
    "caption, names",
    [
        ("<h3>Alban Brooke</h3><p>Alban Brooke is the Head of Marketing.</p>", ["Alban Brooke"]),  # alt in lower case
        ("<h3>Getting Started</h3><p>Alban Brooke is the Head of Marketing.</p>", []),  # not what the alt reads
        ("<h3>Alban Brooke's Picks</h3>", []),
    ],
)
def test_author_photo_captioned_with_its_alt_names_the_author(caption, names):
    body = (
        '<h1>H</h1><p>Text.</p><div class="callout"><div class="callout__media">'
        f'<img class="callout__image author__photo" src="a.jpg" alt="alban Brooke"></div>'
        f'<div class="callout__content">{caption}</div></div>'
    )
    assert meta("", body).authors == names


def test_social_profile_label_in_a_declared_author_list_is_no_author():
    head = jsonld(
        '{"@type": "NewsArticle", "headline": "Green gifts for gardeners", "author": [{"@type": "Person", '
        '"name": "By Arlene Marturano"}, {"@type": "Person", "name": "South Carolina Garden-based Learning '
        'Network on Facebook"}]}'
    )
    assert meta(head, "<h1>Green gifts for gardeners</h1><p>Text.</p>").authors == ["Arlene Marturano"]


def _data_layer(author: str) -> str:
    return (
        "<script>var dataLayer_content = "
        f'{{"pagePostType":"post","pagePostAuthor":"{author}"}}; dataLayer.push(dataLayer_content);</script>'
    )


@pytest.mark.parametrize(
    "author, body, names",
    [
        ("Krystyna", "<h1>H</h1><p>Text.</p>", ["Krystyna"]),  # no byline: the data layer names the writer
        ("Josef Pru\\u0161a", "<h1>H</h1><p>Text.</p>", ["Josef Pru\u0161a"]),  # a JSON escape
        ("admin", "<h1>H</h1><p>Text.</p>", []),  # an account, no person
        ("Krystyna", '<h1>H</h1><p class="byline">By Dana Whitfield</p>', ["Dana Whitfield"]),  # the byline wins
    ],
)
def test_tag_manager_data_layer_names_the_author_when_nothing_else_does(author, body, names):
    assert meta(_data_layer(author), body).authors == names


@pytest.mark.parametrize(
    "value, names",
    [
        ("Jill Disis, CNN Business", ["Jill Disis"]),  # the site's name and a section
        ("Victor Tangermann, Futurism", ["Victor Tangermann"]),  # the outlet a story came from
        ("Ana Lima, Dana Whitfield", ["Ana Lima", "Dana Whitfield"]),  # two writers
        ("Maria &amp; Katerina", ["Maria", "Katerina"]),  # two given names
    ],
)
def test_outlet_after_a_declared_author_is_no_author(value, names):
    head = f'<meta property="og:site_name" content="CNN"><meta name="author" content="{value}">'
    assert meta(head, url="https://www.cnn.com/2019/11/18/markets/story").authors == names


@pytest.mark.parametrize(
    "footer, names",
    [
        ('<footer class="footer"><h3>By Ovolo Collective</h3><ul><li>Ovolo Central</li></ul></footer>', []),
        ('<div class="site-footer"><h4>By Hotel Brand</h4></div>', []),
        ('<aside class="sidebar"><h6>By John A. Alic</h6></aside>', ["John A. Alic"]),  # a sidebar's may be the byline
    ],
)
def test_by_heading_in_the_footer_heads_a_group(footer, names):
    assert meta("", f"<h1>H</h1><p>Text.</p>{footer}").authors == names


@pytest.mark.parametrize(
    "value, names",
    [
        ("Nicole Forbes, Master Horticulturalist &amp; Garden Educator", ["Nicole Forbes"]),  # two roles
        ("Ana Lima &amp; Dana Whitfield, Senior Editors", ["Ana Lima", "Dana Whitfield"]),  # a role after a comma
        ("Ana Lima, Dana Whitfield and Tomasz Kowalczyk", ["Ana Lima", "Dana Whitfield", "Tomasz Kowalczyk"]),
    ],
)
def test_role_joined_to_a_job_title_is_no_author(value, names):
    assert meta(f'<meta name="author" content="{value}">').authors == names


def test_reviewer_line_before_the_writer_line_gives_way_to_the_writer():
    body = '<h1>H</h1><p class="byline">Medically reviewed by Ana Lima, MD</p><p class="byline">By Dana Whitfield</p>'
    assert meta("", body).authors == ["Dana Whitfield"]
    assert meta("", '<h1>H</h1><p class="byline">Reviewed by Ana Lima</p>').authors == ["Ana Lima"]  # no other


@pytest.mark.parametrize(
    "value, names, credit",
    [
        ("Community Editor", [], "Community Editor"),  # a role: no person "Community"; the credit as stated
        ("Krystyna, Editor", ["Krystyna"], None),  # a name set off from the role
        ("Krystyna", ["Krystyna"], None),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"], None),  # the name follows "by"
    ],
)
def test_declared_author_value_gives_person_names_only(value, names, credit):
    assert credited(meta(f'<meta name="author" content="{value}">')) == (names, credit)


@pytest.mark.parametrize(
    "head, body, url, names, credit",
    [
        # the host's name: no person, the publisher credited
        ('<meta name="author" content="Accruent">', "", "https://www.accruent.com/r/s", [], "Accruent"),
        ('<meta name="author" content="trezy">', "", "https://www.trezy.io/r/s", [], "trezy"),
        (
            '<meta name="author" content="Toby Hede">',
            "",
            "https://tobyhede.com/blog/s",
            ["Toby Hede"],
            None,
        ),  # a person's site
        ("", '<p class="byline">By Toby Hede</p>', "https://tobyhede.com/blog/s", ["Toby Hede"], None),
    ],
)
def test_an_author_named_as_the_host_is_the_site_unless_a_person_shaped_name(head, body, url, names, credit):
    assert credited(meta(head, f"<h1>H</h1>{body}", url=url)) == (names, credit)


def test_a_name_element_inside_a_fact_checker_line_is_no_writer():
    checker = '<div class="attribution">Fact checked by <span class="author-name">Ana Lima</span></div>'
    writer = '<p>By <a href="/author/dana-whitfield">Dana Whitfield</a></p>'
    assert meta("", f"<h1>H</h1>{checker}{writer}").authors == ["Dana Whitfield"]


def test_label_after_a_byline_is_no_name():
    body = "<h1>H</h1><p>Written by Millbrook Courier</p><p>JUMP TO:</p><p>Understanding Home Updates</p>"
    assert meta(SITE + '<meta name="author" content="Dana Whitfield">', body).authors == ["Dana Whitfield"]


@pytest.mark.parametrize(
    "line, names",
    [
        ("<p>Ana Lima | Senior Writer | July 2, 2025</p>", ["Ana Lima"]),
        (
            '<p>Dec 26, 2025 <span>\u2022</span> <img src="a.jpg"> Ana Lima in <a href="/c">Project Work</a></p>',
            ["Ana Lima"],
        ),
        ("<p>August 28, 2024</p><p>Plan Advanced</p>", []),  # words after a bare date: a menu, no name
    ],
)
def test_date_line_under_the_headline_names_the_author(line, names):
    assert meta("", f"<h1>H</h1>{line}<p>Text of the story.</p>").authors == names


def test_style_rules_of_a_css_in_js_page_do_not_fill_the_date_line_window():
    styled = "".join(f"<style>.css-{i}{{margin:0;color:#5d6c74}}</style>" for i in range(8))
    body = f"<h1>H</h1><div>{styled}<p>Ana Lima | Senior Writer | July 2, 2025</p></div><p>Text of the story.</p>"
    page = meta("", body, url="https://c.example/s")
    assert page.authors == ["Ana Lima"]
    assert page.published[:10] == "2025-07-02"


def test_time_under_the_headline_beats_one_in_the_menu_above_it():
    body = (
        '<nav><a href="/events">Seminar <time datetime="2025-01-31">Jan 31</time></a></nav><h1>H</h1>'
        '<div class="meta"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time> by Ana Lima</div><p>Text.</p>'
    )
    assert meta("", body, url="https://c.example/s").published[:10] == "2017-03-01"


def test_time_of_a_related_story_far_below_the_headline_gives_way_to_the_one_above_it():
    story = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(20))
    body = (
        f'<small><time datetime="2023-10-12T19:38:01Z">10/12/2023</time></small><h1>H</h1>{story}'
        '<div class="related"><time datetime="2025-12-18T16:00:05Z">12/18/2025</time></div>'
    )
    assert meta("", body, url="https://c.example/s").published[:10] == "2023-10-12"


def test_date_stamp_above_the_headline_beats_a_date_far_down_the_story():
    story = "".join(f"<p>Paragraph {i} of the story.</p>" for i in range(20))
    body = f'<div class="date-article">OCTOBER 13, 2025</div><h1>H</h1>{story}<p>Date: March 19, 2026</p>'
    page = meta("", body, url="https://c.example/s")
    assert (page.published[:10], page.published_source) == ("2025-10-13", "text:stamp")


@pytest.mark.parametrize(
    "byline, names",
    [
        ("By: Ana Lima , Contributor Share Unchecked Bookmark Icon", ["Ana Lima"]),  # a role, then buttons
        ("Ana Lima, Trial Attorney at Lima &amp; Cruz", ["Ana Lima"]),
        ("Written By: Ana Lima Gardener &amp; Astrologer", ["Ana Lima"]),
        ("By Ana Lima | Dec 19, 2025 at 1:00 PM EST", ["Ana Lima"]),
        ("By Ana Lima Save Article", ["Ana Lima"]),
    ],
)
def test_roles_times_and_buttons_in_a_byline_are_no_names(byline, names):
    assert meta("", f'<h1>Headline</h1><p class="byline">{byline}</p>').authors == names


def test_declared_author_escaped_twice():
    page = meta(jsonld('{"@type": "Article", "author": {"@type": "Person", "name": "Ana Lima &amp; Dana Whitfield"}}'))
    assert page.authors == ["Ana Lima", "Dana Whitfield"]


# --- title: pages that encode twice or date their headline ---------------------------
def test_headline_encoded_twice_is_put_right():
    page = meta(
        "<title>A DIY Investor Guide to Calculators 2025</title>",
        "<h1>A DIY Investor\u00e2\u0080\u0099s Guide to Calculators</h1>",
    )
    assert page.title == "A DIY Investor\u2019s Guide to Calculators"


def test_latin_text_that_only_looks_encoded_twice_is_kept():
    assert meta("", "<h1>Cr\u00e8me br\u00fbl\u00e9e \u00abvoil\u00e0\u00bb \u00e0 Paris</h1>").title == (
        "Cr\u00e8me br\u00fbl\u00e9e \u00abvoil\u00e0\u00bb \u00e0 Paris"
    )


def test_date_stamp_written_into_the_h1_is_no_part_of_the_headline():
    page = meta(
        '<meta property="og:title" content="Preparing a transition in Debusine">',
        "<h1>Dec 18 2025 Preparing a transition in Debusine</h1>",
    )
    assert (page.title, page.title_source) == ("Preparing a transition in Debusine", "h1")


def test_full_width_punctuation_in_a_latin_headline_is_plain():
    assert meta("", "<h1>How Does Robot Vacuum Mapping Work\uff1f</h1>").title == "How Does Robot Vacuum Mapping Work?"
    assert (
        meta("", "<h1>\u673a\u5668\u4eba\u5982\u4f55\u5de5\u4f5c\uff1f</h1>").title
        == "\u673a\u5668\u4eba\u5982\u4f55\u5de5\u4f5c\uff1f"
    )


def test_post_under_a_site_named_h1_takes_the_post_title():
    page = meta(
        "<title>Reflections on a UI Pipeline | Playful Tones</title>",
        "<h1>Playful Tones</h1><p>Text.</p>",
        url="https://playfultones.example/blog/reflections",
    )
    assert page.title == "Reflections on a UI Pipeline"


def test_host_name_before_the_title_without_a_separator_is_cut():
    page = meta("<title>courier.example Vibe Coding</title>", url="https://courier.example/2025/12/vibe.html")
    assert page.title == "Vibe Coding"
    assert meta("<title>Welcome to courier.example</title>", url="https://courier.example/").title == (
        "Welcome to courier.example"
    )


def test_declared_author_in_lower_case_that_is_the_site_name_is_the_author():
    head = '<meta property="og:site_name" content="Annette Thurmon"><meta name="author" content="annette thurmon">'
    assert meta(head, "<h1>H</h1>").authors == ["Annette Thurmon"]


def test_date_without_a_year_is_no_date():
    page = meta(
        "", '<h1>H</h1><p>By Ana Lima, <span itemprop="datePublished">April 12</span></p>', url="https://c.example/s"
    )
    assert not (page.published or "").startswith("2000")


def test_site_account_is_no_author():
    assert meta('<meta name="author" content="NOC Admin">', "<h1>H</h1>").authors == []


def test_meta_author_that_the_jsonld_types_as_an_organization_is_no_person():
    head = '<meta name="dcterms.creator" content="Center for Drug Evaluation and Research">' + jsonld(
        '{"@type": "Article", "author": {"@type": "Organization", "name": "Center for Drug Evaluation and Research"}}'
    )
    assert meta(head, "<h1>H</h1>").authors == []


def test_empty_author_field_takes_no_name_from_the_text_after_it():
    body = '<h1>H</h1><p class="blog-author-name"></p><p>Why Choose Reith and Associates for Your Needs</p>'
    assert meta("", body).authors == []


def test_author_name_encoded_twice_is_put_right():
    assert meta('<meta name="author" content="Dariusz Jaro\u00c5\u0084">').authors == ["Dariusz Jaro\u0144"]


def test_author_s_label_over_a_list_of_names():
    body = (
        "<h1>H</h1><div><h6>Author(s)</h6><ul><li><a href='/l?a=1'>John A. Alic</a></li>"
        "<li><a href='/l?a=2'>David C. Mowery</a></li><li><a href='/l?a=3'>Edward S. Rubin</a></li></ul></div>"
    )
    assert meta("", body).authors == ["John A. Alic", "David C. Mowery", "Edward S. Rubin"]


def test_byline_with_a_bio_after_each_writer_names_every_linked_writer():
    body = (
        '<h1>H</h1><div class="article-byline"><div class="article-byline__written-by"><strong>Written by</strong><br>'
        '<strong><a href="/authors/ana-lima">Ana Lima</a></strong>, 4+ years covering computer hardware, software, '
        'and science, and reviewing laptops for every budget and need<br><strong><a href="/authors/dana-whitfield">'
        "Dana Whitfield</a></strong>, senior editor with five years of experience testing PC hardware and laptops"
        "</div></div><p>Text.</p>"
    )
    assert meta("", body).authors == ["Ana Lima", "Dana Whitfield"]


def test_huge_author_value_is_no_name():
    assert meta(f'<meta name="author" content="{"Ana Lima " * 5000}">').authors == []


# --- a name ends with its element ---------------------------------------------------
@pytest.mark.parametrize(
    "byline, names",
    [
        (  # a job title in the next block
            '<div class="author-info"><div class="name">Written by <span>Meghan Neville</span></div>'
            '<div class="position">Content Marketing Coordinator</div></div>',
            ["Meghan Neville"],
        ),
        (  # a badge in the next block
            '<div class="ArticleAuthor_wrapper"><div>By<!-- --> <a href="/p/craig-hull">Craig Hull</a></div>'
            "<div>Verified expert</div></div>",
            ["Craig Hull"],
        ),
        (  # an avatar's initials in an SVG before the name
            '<div class="author_cont"><svg><text>CM</text></svg><h3><a href="/u/cm">Craig McCarthy</a></h3>'
            "<p>Last updated on 17 December 2025</p></div>",
            ["Craig McCarthy"],
        ),
        (  # one writer per list item
            '<div class="byline">Written by: <ul><li><a href="/authors/ew/">Emily Walker</a></li>'
            '<li><a href="/authors/cm/">Casey McDevitt</a></li></ul></div>',
            ["Emily Walker", "Casey McDevitt"],
        ),
    ],
)
def test_byline_name_ends_where_its_element_ends(byline, names):
    assert meta("", "<h1>Headline</h1>" + byline + "<p>Text of the story.</p>").authors == names


def test_shown_byline_name_ends_with_its_text():
    """The declared author stands when the line under the headline is that name and a badge."""
    page = meta(
        jsonld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Craig Hull"}}'),
        '<h1>Headline</h1><div><span>By</span> <a href="/p/ch">Craig Hull</a></div><div>Verified expert</div>'
        "<p>Text of the story.</p>",
    )
    assert page.authors == ["Craig Hull"]


def test_site_name_in_the_byline_lets_no_later_block_name_the_author():
    page = meta(
        '<meta property="og:site_name" content="Model Remodel">'
        + jsonld('{"@type": "Article", "author": {"@type": "Person", "name": "Max Mittler"}}'),
        "<h1>Headline</h1><p>Jan 30, 2025</p><p>Written by Model Remodel</p><p>JUMP TO:</p>"
        "<p>Understanding Home Updates</p><p>Remodeling</p>",
        url="https://modelremodel.example/blog/story",
    )
    assert page.authors == ["Max Mittler"]


def test_the_body_element_is_no_byline():
    body = "<nav><p>796 Gillums Ridge Rd</p><p>Charlottesville, Virginia 22903</p></nav><h1>Shop</h1><p>Mugs.</p>"
    page = read_metadata(fromstring(f'<html><head></head><body class="hide-article-author">{body}</body></html>'), URL)
    assert page.authors == []


def test_middle_initial_e_is_no_name_separator():
    page = meta(jsonld('{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Sarah E. Needleman"}}'))
    assert page.authors == ["Sarah E. Needleman"]
    assert meta('<meta name="author" content="Ana Lima e Dana Whitfield">').authors == ["Ana Lima", "Dana Whitfield"]


@pytest.mark.parametrize("author", ["SmartEtailing Inc", "Cerebral Inc.", "QCY Official", "Acme Widgets LLC"])
def test_a_company_is_no_author(author):
    """Nor a credit: a vendor's name on a shop its software runs ("SmartEtailing Inc") credits no one."""
    assert credited(meta(f'<meta name="author" content="{author}">', "<h1>H</h1>")) == ([], None)


def test_a_site_named_like_a_person_with_an_article_is_credited_as_the_site():
    head = (
        '<meta property="og:site_name" content="The Organized Mama"><meta name="author" content="The Organized Mama">'
    )
    page = meta(head, "<h1>H</h1>", url="https://www.theorganizedmama.example/post")
    assert (page.authors, page.credit) == ([], "The Organized Mama")


def test_byline_indented_with_many_spaces_is_read_quickly():
    """Folding a byline's pieces is linear: a template's 100,000 spaces cost milliseconds, not seconds."""
    import time

    spaces = " " * 100_000
    body = f'<h1>Headline</h1><div class="post-author">{spaces}<span>By Ana Lima</span>{spaces}<div>Editor</div></div>'
    start = time.perf_counter()
    assert meta("", body).authors == ["Ana Lima"]
    assert time.perf_counter() - start < 1.0


def test_a_link_to_an_author_page_that_is_a_menu_entry_names_no_author():
    body = (
        '<ul class="menu"><li class="menu-item"><a href="/author/xl/">Hong Kong Actuary</a></li>'
        '<li class="menu-item"><a href="/topic/soa/">Society</a></li></ul><h1>H</h1><p>Text.</p>'
    )
    assert meta("", body).authors == []


@pytest.mark.parametrize(
    "body",
    [
        '<h1>H</h1><a class="authorized-dealer-link" href="/dealers">Authorized Dealer</a>',
        '<h1>H</h1><a href="/profile/orders">Order Status</a><a href="/people/demo">Request Demo</a>',
        '<h1>H</h1><a href="/profile/">Hej! Log in or sign up</a>',
        '<h1>H</h1><footer><a href="/author/ww">Read Wendi Weiner\'s articles in HuffPost</a></footer>',
    ],
)
def test_controls_and_sentences_in_author_shaped_elements_name_no_author(body):
    assert meta("", body).authors == []


def test_a_byline_naming_the_sites_staff_ends_the_search_for_a_person():
    """The plain "By" lines after it head other posts; a "Written by" line still states the writer."""
    card = '<div class="card"><span class="meta-author">By Dana Whitfield</span></div>'
    body = f'<h1>H</h1><p class="byline">By Millbrook Courier Staff</p><p>Text.</p>{card}'
    assert credited(meta(SITE, body)) == ([], "Millbrook Courier Staff")
    written = '<p class="note">Written by Ana Lima</p>'
    assert meta(SITE, body.replace("<p>Text.</p>", f"<p>Text.</p>{written}")).authors == ["Ana Lima"]


def test_a_job_after_the_name_is_no_second_author():
    byline = "By: Samer Morqos , Counseling Psychologist | April 22, 2025"
    assert meta("", f'<h1>H</h1><p class="byline">{byline}</p>').authors == ["Samer Morqos"]


def test_an_article_written_by_heading_labels_the_name_after_it():
    body = (
        "<h1>H</h1><p>Text.</p><h2>Article written by:</h2>"
        "<div><div><h3>Doris Munoz-Mantilla, MD, FOMA</h3></div></div>"
    )
    assert meta("", body).authors == ["Doris Munoz-Mantilla"]


def test_a_byline_in_another_posts_teaser_is_no_author():
    teaser = (
        '<article><h3><a href="/other-post/">Funding for health research</a></h3>'
        '<div class="meta-author">by <a href="/author/sm/">Scott Miller</a></div></article>'
    )
    body = f"<h1>H</h1><p>Text of the story.</p>{teaser}"
    assert meta("", body, url="https://c.example/this-post/").authors == []
    own = '<article><h2><a href="/this-post/">H</a></h2><div class="meta-author">by Ana Lima</div></article>'
    assert meta("", f"<h1>H</h1>{own}", url="https://c.example/this-post/").authors == ["Ana Lima"]


def test_the_name_just_before_an_authors_description_is_the_author():
    card = '<p>Asser Christensen</p><div class="dynamic-author-description">Licensed Q Arabica Grader</div>'
    assert meta("", f"<h1>H</h1><p>Text.</p><div>{card}</div>").authors == ["Asser Christensen"]
    review = '<h5>Good Quality</h5><div class="review-meta author-description">Written by Tony</div>'
    assert meta("", f"<h1>H</h1><p>Text.</p><div>{review}</div>").authors == []


def test_a_link_to_a_profiles_page_names_the_author():
    body = '<h1>H</h1><p><a href="https://theconversation.example/profiles/sc-1">Shelia R. Cotten</a>, <em>U</em></p>'
    assert meta("", body).authors == ["Shelia R. Cotten"]


def test_the_author_of_a_quotation_is_no_author():
    quote = '<blockquote><p>Great tool.</p><strong class="Quote_author__bx">Patrick Reinhart</strong></blockquote>'
    assert meta("", f"<h1>H</h1><p>Text.</p>{quote}").authors == []


def test_a_section_label_heading_beside_the_byline_makes_no_teaser():
    header = '<header><h3><a href="/section/news/">News</a></h3><div class="meta-author">by Ana Lima</div></header>'
    assert meta("", f"{header}<h1>H</h1><p>Text.</p>", url="https://c.example/this-post/").authors == ["Ana Lima"]


def test_style_elements_beside_a_bare_author_label_are_no_text_of_the_byline():
    css = "<style>" + ".c { display: flex; margin-top: 24px; gap: 24px; } " * 5 + "</style>"
    names = f"<div>{css}<div><span>CP</span></div><div><span>Ana Lima</span></div></div>"
    byline = f"<div><span>Author</span></div>{css}{names}"
    assert meta("", f"<h1>H</h1><p>Text.</p><aside>{byline}</aside>").authors == ["Ana Lima"]


@pytest.mark.parametrize(
    "head, body, credit",
    [
        ("", '<h1>H</h1><p class="byline">By Resy Staff</p><p>Text.</p>', "Resy Staff"),
        ('<meta name="author" content="The Investopedia Team">', "<h1>H</h1>", "The Investopedia Team"),
        (jsonld('{"@type": "Article", "author": {"@type": "Organization", "name": "Swoogo"}}'), "<h1>H</h1>", "Swoogo"),
        ('<meta name="author" content="Dana Whitfield">', '<h1>H</h1><p class="byline">By Resy Staff</p>', None),
    ],
)
def test_a_page_naming_no_person_is_credited_to_the_team_or_publisher_it_states(head, body, credit):
    """WCXB's truth is what the page credits: "Resy Staff", "Swoogo"; a person, where named, is the author
    and the page has no credit."""
    assert credited(meta(head, body)) == (([], credit) if credit else (["Dana Whitfield"], None))


@pytest.mark.parametrize(
    "head, body",
    [
        ('<meta name="author" content="NOC Admin">', "<h1>H</h1>"),  # an account
        ('<meta name="author" content="undefined">', "<h1>H</h1>"),  # a template's placeholder
        ('<meta name="author" content="SmartEtailing Inc">', "<h1>H</h1>"),  # a vendor
        ('<meta name="author" content="Hardware">', "<h1>H</h1>"),  # a one-word section
        ('<meta name="author" content="news@courier.example">', "<h1>H</h1>"),  # an address
        ("", '<h1>H</h1><p class="byline">By the end of this tutorial you will know.</p>'),  # prose
    ],
)
def test_accounts_vendors_sections_addresses_and_prose_are_no_credit(head, body):
    assert credited(meta(head, body)) == ([], None)


def test_the_record_keeps_the_credit_apart_and_the_page_typer_sees_no_author():
    """The record's `credit` is "Resy Staff", its `authors` empty; the page-type feature has_author stays 0."""
    from pipelines.extraction import extract
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.pagefeatures import PAGE_FEATURE_NAMES, page_features

    html = "<html><body><h1>Best tables</h1><p class='byline'>By Resy Staff</p>" + "<p>Text of it.</p>" * 5
    record = extract(html, "https://blog.resy.example/2025/11/tables")
    assert (record.authors, record.credit) == ([], "Resy Staff")
    page = analyse_page(html, "https://blog.resy.example/2025/11/tables")
    row = page_features(page, np.full(len(page.segmentation.blocks), 0.5))
    assert row[PAGE_FEATURE_NAMES.index("has_author")] == 0.0


def test_canonical_and_language_read_from_the_index_are_the_xpaths_answers() -> None:
    """`_first` reads `//tag[@name="value"]/@wanted` from the index's elements of the tag: the first
    non-blank value in document order, as the XPath gives; a root beside the page's (content after an
    early `</html>`, which `//` reaches) sends it back to the XPath."""
    from pipelines.extraction import cues
    from pipelines.extraction.blocks import BlockIndex
    from pipelines.extraction.metadata import _first
    from pipelines.extraction.parse import parse_html

    page = (
        b'<html><head><link rel="canonical" href="  "><link rel="alternate" href="/a">'
        b'<link rel="canonical"><link rel="canonical" href="/story"><meta property="og:locale" content="de_DE">'
        b"</head><body><p>Text</p></body></html>"
    )
    tree = parse_html(page)
    index = BlockIndex(tree)
    for xpaths in (cues.CANONICAL_XPATHS, cues.LANGUAGE_XPATHS):
        assert _first(tree, xpaths, index) == _first(tree, xpaths)
    assert _first(tree, cues.CANONICAL_XPATHS, index) == "/story"
    assert _first(tree, cues.LANGUAGE_XPATHS, index) == "de_DE"
    late = parse_html(
        b'<html><head></head><body><p>Text</p></body></html><html><head><link rel="canonical" href="/late">'
    )
    assert _first(late, cues.CANONICAL_XPATHS, BlockIndex(late)) == "/late"  # the index holds no <link>
