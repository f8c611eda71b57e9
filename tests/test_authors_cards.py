"""Authors from author cards and sponsored bylines (pipelines/extraction/authors.py): person names only."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from pipelines.extraction.metadata import read_metadata

URL = "https://www.courier.example/2024/03/12/story"


def meta(head: str = "", body: str = ""):
    return read_metadata(fromstring(f"<html><head>{head}</head><body>{body}</body></html>"), URL)


def card(name: str, role: str, initials: str = "") -> str:
    avatar = f"<div><span>{initials}</span></div>" if initials else ""
    return f"{avatar}<div><span>{name}</span></div><div><span>{role}</span></div>"


@pytest.mark.parametrize(
    "cards, names",
    [
        # two writers, each with initials, name and job title: both are named
        (
            card("Ana Lima", "Staff Software Engineer, Courier", "AL")
            + card("Dana Whitfield", "Director of Engineering", "DW"),
            ["Ana Lima", "Dana Whitfield"],
        ),
        (card("Ana Lima", "Senior Writer") + card("Dana Whitfield", "Editor"), ["Ana Lima", "Dana Whitfield"]),
        # after the job title a control, not a second card: one writer
        (card("Ana Lima", "Senior Writer") + "<div><span>Read More</span></div>", ["Ana Lima"]),
        # a second name without a job title after it is no writer's card
        (card("Ana Lima", "Senior Writer") + "<div><span>Dana Whitfield</span></div>", ["Ana Lima"]),
    ],
)
def test_a_byline_of_several_author_cards_names_every_writer(cards, names):
    body = f'<h1>H</h1><p>Text.</p><div class="post-authors"><div><span>Author</span></div>{cards}</div>'
    assert meta("", body).authors == names


@pytest.mark.parametrize(
    "bio, names",
    [
        ("Since its founding in 1998, David has grown Network 1 into an IT company.", ["David Gracey"]),
        ("Mr. Gracey founded the company in 1998.", ["David Gracey"]),  # the last name again
        ("Since its founding in 1998, the company has grown.", []),  # the bio names no one: a label
    ],
)
def test_a_name_with_a_colon_heading_an_author_card_is_the_author_when_its_bio_names_the_person(bio, names):
    body = (
        '<h1>H</h1><p>Text.</p><div class="blog-author-box"><div class="author-meta">'
        f"<p><strong>David Gracey:</strong> {bio} " + "More words of the bio here. " * 5 + "</p></div></div>"
    )
    assert meta("", body).authors == names


def test_a_label_with_a_colon_heading_an_author_card_is_no_author():
    body = (
        '<h1>H</h1><p>Text.</p><div class="blog-author-box"><p><strong>Contact Us:</strong> '
        + "Contact us for anything at all. " * 6
        + "</p></div>"
    )
    assert meta("", body).authors == []


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="author" content="Sponsored by StackCommerce">',
        '<script type="application/ld+json">{"@type": "Article", "author": '
        '{"@type": "Person", "name": "Sponsored by StackCommerce"}}</script>',
    ],
)
def test_a_sponsor_in_the_author_field_is_no_person_but_the_credit(head):
    page = meta(head, "<h1>H</h1><p>Text.</p>")
    assert (page.authors, page.credit) == ([], "StackCommerce")


def test_a_writer_beside_a_sponsored_label_stays_the_author():
    page = meta('<meta name="author" content="Dana Whitfield">', "<h1>H</h1><p>Sponsored by Acme</p>")
    assert page.authors == ["Dana Whitfield"]


@pytest.mark.parametrize(
    "value, names",
    [
        ("Paramita (Guha) Ghosh", ["Paramita (Guha) Ghosh"]),  # a maiden name between the names, as written
        ("Lance Ryan (Content Manager)", ["Lance Ryan"]),  # a note after the name
        ("Jean-Luc Aufranc (CNXSoft)", ["Jean-Luc Aufranc"]),
    ],
)
def test_a_name_in_brackets_between_a_given_name_and_a_surname_is_kept_as_written(value, names):
    assert meta(f'<meta name="author" content="{value}">').authors == names
    assert meta("", f'<h1>H</h1><p>Text.</p><span class="entry-author">{value}</span>').authors == names


def test_a_link_to_a_persons_page_inside_a_sentence_is_a_mention_not_the_byline():
    prose = (
        '<p>Roughly 13,000 troops remain. US President <a href="/topics/people/donald-trump.html">Donald Trump</a>'
        " has been eager to withdraw, but the general told reporters this month that the forces are likely"
        " to remain for several more years.</p>"
    )
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Courier"}}</script>'
    page = meta(head, f"<h1>H</h1>{prose}")
    assert (page.authors, page.credit) == ([], "Courier")


def test_a_link_to_a_persons_page_closing_a_sentence_still_names_the_expert():
    """A page crediting only its publisher names the expert it quotes that way (WCXB's truth takes them)."""
    prose = (
        "<p>Meditation might seem mysterious, time-consuming or too difficult. But it is quite different"
        ' from what you may think it is, says yoga therapist <a href="/staff/wilgus-holly">Holly Wilgus</a>.</p>'
    )
    assert meta("", f"<h1>H</h1>{prose}").authors == ["Holly Wilgus"]


@pytest.mark.parametrize(
    "byline, names",
    [
        ("Tom Davies Associated Press", ["Tom Davies"]),
        ("By Ana Lima, Reuters", ["Ana Lima"]),
        ("By Ana Lima AP", ["Ana Lima"]),
        ("Ana Lima and Dana Whitfield, The Associated Press", ["Ana Lima", "Dana Whitfield"]),
    ],
)
def test_a_news_agency_after_the_writers_name_is_no_part_of_it(byline, names):
    body = f'<h1>H</h1><div class="byline-section">{byline} | Published 11:34 PM EST Nov 19, 2019</div>'
    assert meta("", body).authors == names


@pytest.mark.parametrize(
    "head, body, credit",
    [
        ('<meta name="author" content="News Nation Bureau">', "<h1>H</h1>", "News Nation Bureau"),
        ("", '<h1>H</h1><p class="byline">by European Space Agency</p>', "European Space Agency"),
        ("", '<h1>H</h1><p class="byline">By Sports Desk</p>', "Sports Desk"),
    ],
)
def test_a_bureau_an_agency_or_a_desk_is_no_person_but_the_credit(head, body, credit):
    page = meta(head, body)
    assert (page.authors, page.credit) == ([], credit)


def test_a_sign_in_control_linking_to_profiles_is_no_author():
    body = '<nav><a href="/profile/forgot">Forget Password?</a></nav><h1>H</h1><p>Text.</p>'
    assert meta("", body).authors == []


@pytest.mark.parametrize(
    "byline, names",
    [
        ("Posted by Ana Lima", ["Ana Lima"]),  # a personal site named after its writer
        ("Posted by: Laura / Ana Lima", []),  # a person beside the site's name: the site is no author
    ],
)
def test_the_sites_name_in_a_byline_is_its_writer_only_when_alone(byline, names):
    page = read_metadata(
        fromstring(
            f'<html><head><meta property="og:site_name" content="Ana Lima"></head><body><h1>H</h1>'
            f'<p class="byline">{byline}</p><p>Text.</p></body></html>'
        ),
        "https://analima.example/2024/story",
    )
    assert page.authors == names
