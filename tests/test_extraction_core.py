"""The pure extraction core: `extract(bytes, url)` -> Article, no Scrapy involved."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from datetime import datetime

import numpy as np
import pyarrow as pa
import pytest
from conftest import AEB, ARTICLES, NEWS

from pipelines.extraction import PAGE_TYPES, SCHEMA_VERSION, Article, ExtractionError, extract
from pipelines.extraction.record import ARTICLE_SCHEMA

BASE = "https://courier.example"
WORD = re.compile(r"\w+")


def page(path: str) -> bytes:
    return (NEWS / path.lstrip("/")).read_bytes()


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


#: What each test page states: title, authors, published (at the page's offset), a sentence of its body.
PAGES = {
    "river": (
        "Council approves riverside park on former rail yard",
        ["Dana Whitfield"],
        "2024-03-12T08:30:00+01:00",
        "the lowered meadow to hold back about forty thousand cubic metres of water",
    ),
    "grain": (
        "Bakery brings a forgotten wheat back to the valley",
        ["Tomasz Kowalczyk"],
        "2024-04-02T07:00:00+00:00",  # JSON-LD datePublished
        "It smells of toasted hazelnuts when you mill it",
    ),
    "trains": (
        "Night trains return to the northern line",
        ["Ruth Abernethy"],
        "2024-05-20T18:45:00+00:00",
        "Each carriage has ten compartments with two berths",
    ),
    "trees": (
        "Volunteers map the city's oldest trees",
        ["Samir Haddad"],
        "2024-06-08T00:00:00+00:00",  # a date without a time is midnight UTC
        "a sweet chestnut behind the former workhouse",
    ),
    "robots": (
        "School robotics team heads to the national final",
        ["Aoife Brennan"],
        "2024-06-21T12:00:00+02:00",  # JSON-LD, at the page's own offset
        "mostly from parts salvaged from broken printers",
    ),
}


def _check_types(article: Article) -> None:
    """Every field holds the Python type its Arrow type stands for."""
    for f in ARTICLE_SCHEMA:
        value = getattr(article, f.name)
        if value is None:
            assert f.nullable, f"{f.name} is None but not nullable"
        elif pa.types.is_string(f.type):
            assert isinstance(value, str), f.name
        elif pa.types.is_timestamp(f.type):
            assert isinstance(value, str) and datetime.fromisoformat(value).utcoffset() is not None, f.name
            if f.name == "fetched_at":
                assert datetime.fromisoformat(value).utcoffset().total_seconds() == 0
        elif pa.types.is_integer(f.type):
            assert isinstance(value, int) and not isinstance(value, bool), f.name
        elif pa.types.is_boolean(f.type):
            assert isinstance(value, bool), f.name
        elif pa.types.is_list(f.type):
            assert isinstance(value, list), f.name
            item = f.type.value_type
            for element in value:
                if pa.types.is_struct(item):
                    assert isinstance(element, dict) and set(element) == {
                        item.field(i).name for i in range(item.num_fields)
                    }
                else:
                    assert isinstance(element, str), f.name
        else:  # pragma: no cover - a new Arrow type needs a check here
            pytest.fail(f"no type check for {f.name}: {f.type}")


@pytest.mark.parametrize("name", list(PAGES))
def test_article_page_extracts_every_field(name):
    url = BASE + ARTICLES[name]
    title, authors, published, sentence = PAGES[name]
    article = extract(page(ARTICLES[name]), url, fetched_at="2024-07-01T12:00:00+02:00", http_status=200, run_id="r1")
    _check_types(article)
    assert article.url == url
    assert article.canonical_url == url
    assert article.domain == "courier.example"
    assert article.title == title
    assert article.authors == authors
    assert article.published == published
    assert article.language == "en"
    assert article.is_article is True and article.page_type_reason
    assert sentence in fold(article.body)
    assert "Next story" not in article.body and "Millbrook Courier. Home" not in article.body
    assert article.word_count == len(WORD.findall(article.body)) >= 150
    assert article.body_markdown and sentence[:30] in fold(article.body_markdown)
    assert article.content_hash == hashlib.sha256(fold(article.body).encode()).hexdigest()
    assert article.fetched_at == "2024-07-01T10:00:00+00:00"
    assert (article.http_status, article.run_id, article.schema_version) == (200, "r1", SCHEMA_VERSION)


def test_page_metadata_in_detail():
    article = extract(page(ARTICLES["river"]), BASE + ARTICLES["river"])
    assert article.modified == "2024-03-12T14:05:00+01:00"  # at the offset the page states
    assert article.site_name == "Millbrook Courier"
    assert article.image == BASE + "/images/rail-yard.jpg"  # made absolute
    assert article.description.startswith("The city council voted 7-2")
    assert "City Council" in article.tags


def test_jsonld_dates_keep_their_time_of_day():
    article = extract(page(ARTICLES["grain"]), BASE + ARTICLES["grain"])
    assert article.published == "2024-04-02T07:00:00+00:00"
    assert article.modified == "2024-04-03T09:15:00+00:00"


def test_to_dict_has_the_schema_fields():
    article = extract(page(ARTICLES["trees"]), BASE + ARTICLES["trees"])
    record = article.to_dict()
    assert list(record) == ARTICLE_SCHEMA.names
    json.dumps(record)  # plain JSON types only
    assert Article(**record) == article


# --- decoding ----------------------------------------------------------------------
FRENCH = (NEWS / "intl" / "marche-de-noel.html").read_text(encoding="utf-8")
RUSSIAN = (NEWS / "intl" / "zimniy-sad.html").read_text(encoding="utf-8")
FRENCH_WORDS = ["marché", "Hélène Garçon", "pâtissiers", "éphémère", "crème brûlée"]
RUSSIAN_WORDS = ["оранжереи", "волонтёры", "чугунные", "девятнадцатого"]


def declare(html: str, charset: str | None) -> str:
    return html.replace('<meta charset="utf-8">', f'<meta charset="{charset}">' if charset else "")


ENCODINGS = {
    "cp1252-declared-utf8": (declare(FRENCH, "utf-8").encode("cp1252"), None, FRENCH_WORDS),
    "utf8-declared-windows1252": (declare(FRENCH, "windows-1252").encode("utf-8"), None, FRENCH_WORDS),
    "cyrillic-utf8-declared-windows1252": (declare(RUSSIAN, "windows-1252").encode("utf-8"), None, RUSSIAN_WORDS),
    "utf8-header-says-latin1": (FRENCH.encode("utf-8"), "text/html; charset=ISO-8859-1", FRENCH_WORDS),
    "utf16-bom-meta-says-utf8": (FRENCH.encode("utf-16"), None, FRENCH_WORDS),
    "cyrillic-utf16-bom": (declare(RUSSIAN, None).encode("utf-16"), None, RUSSIAN_WORDS),
    "cyrillic-utf16be-bom": (b"\xfe\xff" + declare(RUSSIAN, None).encode("utf-16-be"), None, RUSSIAN_WORDS),
    "no-charset-utf8": (declare(FRENCH, None).encode("utf-8"), None, FRENCH_WORDS),
    "no-charset-cp1252": (declare(FRENCH, None).encode("cp1252"), None, FRENCH_WORDS),
    "cyrillic-no-charset-utf8": (declare(RUSSIAN, None).encode("utf-8"), None, RUSSIAN_WORDS),
    "cyrillic-no-charset-cp1251": (declare(RUSSIAN, None).encode("cp1251"), None, RUSSIAN_WORDS),
    "cyrillic-cp1251-declared-utf8": (declare(RUSSIAN, "utf-8").encode("cp1251"), None, RUSSIAN_WORDS),
    "cp1252-by-header-only": (declare(FRENCH, None).encode("cp1252"), "text/html; charset=windows-1252", FRENCH_WORDS),
}


@pytest.mark.parametrize("data, content_type, words", list(ENCODINGS.values()), ids=list(ENCODINGS))
def test_bytes_are_decoded_correctly(data, content_type, words):
    article = extract(data, BASE + "/intl/page.html", content_type=content_type)
    assert article.is_article
    for word in words:
        assert word in article.body, word
    assert "\ufffd" not in article.body and "Ã" not in article.body  # no replacement characters, no mojibake
    assert article.title in (
        "Le marché de Noël s'installe place de la Cathédrale",
        "В городском парке открылся зимний сад",  # noqa: RUF001
    )


def test_text_input_is_accepted():
    assert extract(FRENCH, BASE + "/intl/page.html").body == extract(FRENCH.encode(), BASE + "/intl/page.html").body


@pytest.mark.parametrize("data", [b"", b"  \n\t ", b"\x00\x01\x02\x03 binary", b"%PDF-1.4\n\x00\x00\x00"])
def test_non_html_input_raises(data):
    with pytest.raises(ExtractionError):
        extract(data, BASE + "/file")


# --- page type and hashes ----------------------------------------------------------
@pytest.mark.parametrize(
    "path, strip_jsonld, declared",
    [
        ("/latest.html", False, "listing:jsonld:CollectionPage, "),
        ("/", True, ""),
        ("/category/city/", True, "listing:url-path, "),
        ("/latest.html", True, ""),
    ],
)
def test_listing_page_is_typed_not_article(path, strip_jsonld, declared):
    """The front page of a news site, with and without its CollectionPage JSON-LD, at several URLs:
    what the page declares decides, else the classifier."""
    html = page("/index.html").decode()
    if strip_jsonld:
        html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    article = extract(html.encode(), BASE + path)
    assert article.page_type in PAGE_TYPES and article.page_type != "article"
    assert article.is_article is False
    assert article.page_type_reason.startswith(f"{declared}classifier:{article.page_type} p=")
    assert article.title == "Millbrook Courier"
    _check_types(article)


SHOP = """<html><head><title>Trail pack 40 L</title></head><body>
<div class="product-detail" itemscope itemtype="https://schema.org/Product">
<h1 itemprop="name">Trail pack 40 L</h1><span class="price" itemprop="price">$129.00</span>
<select name="size"><option>S</option><option>M</option></select>
<input type="number" name="quantity" value="1"><button class="add-to-cart">Add to cart</button>
<p>In stock. Free shipping on orders over $50. Call 555-123-4567.</p><a href="tel:5551234567">Call us</a>
</div></body></html>"""


def test_page_features_read_shop_docs_and_host_cues():
    """The page-type features see a shop's markup, a versioned docs path and a forum host."""
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.pagefeatures import PAGE_FEATURE_NAMES, static_page_features

    def features(html: str, url: str) -> dict[str, float]:
        row = static_page_features(analyse_page(html, url))
        return dict(zip(PAGE_FEATURE_NAMES, row.tolist(), strict=False))

    shop = features(SHOP, "https://shop.outfitter.example/products/trail-pack-40")
    for name in (
        "class_product",
        "microdata_product",
        "itemprop_price",
        "log_select",
        "log_option",
        "log_quantity_inputs",
        "log_tel_links",
        "log_phones",
        "log_phrases_product",
        "host_product",
    ):
        assert shop[name] > 0, name
    assert shop["log_phrases_forum"] == 0 and shop["code_share"] == 0
    docs = features(
        "<html><body><h2 id='usage'>Usage</h2><pre>import itertools\nitertools.count()</pre>"
        "<p>The function returns an iterator.</p></body></html>",
        "https://forum.python.example/docs/3.12/library/itertools.html",
    )
    assert docs["url_version"] == 1 and docs["url_script_page"] == 1 and docs["heading_anchor_share"] == 1
    assert docs["code_share"] > 0 and docs["host_forum"] == 1 and docs["host_product"] == 0


@pytest.mark.parametrize(
    "path", ["/privacy/", "/legal/terms-of-use", "/de/impressum", "/datenschutzerklaerung/", "/fr/mentions-legales"]
)
def test_legal_pages_are_declared_not_articles(path):
    """A privacy policy reads like prose; its path says it is no article."""
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.pagetype import declared_type

    html = "<html><body><h1>Policy</h1><p>" + "We keep your data safe and tell you how. " * 40 + "</p></body></html>"
    assert declared_type(analyse_page(html, BASE + path)) == "legal:url-path"
    assert declared_type(analyse_page(html, BASE + "/news/privacy-rules-change")) is None
    assert declared_type(analyse_page(html, BASE + "/about-us/")) == "site-info:url-path"
    assert declared_type(analyse_page(html, BASE + "/ueber-uns/")) == "site-info:url-path"
    assert declared_type(analyse_page(html, BASE + "/news/about-the-new-library")) is None


def test_a_listing_path_declares_the_listing_not_a_dated_post_under_it():
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.pagetype import declared_type

    html = "<html><body><h1>Notes</h1><p>" + "A plain paragraph of prose for the page. " * 40 + "</p></body></html>"
    for listing in ("/category/shoes/trail-running", "/tag/python/", "/archives/2025/12/", "/page/2/"):
        assert declared_type(analyse_page(html, BASE + listing)) == "listing:url-path", listing
    assert declared_type(analyse_page(html, BASE + "/archives/2025/12/16/vibe_coding.html")) is None


def test_a_topic_path_declares_nothing():
    """Forums name a thread /topic/<id>-<title>, documentation a chapter /topics/<subject>/: no listing."""
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.pagetype import declared_type

    html = "<html><body><h1>Notes</h1><p>" + "A plain paragraph of prose for the page. " * 40 + "</p></body></html>"
    for path in ("/topic/225132-if-the-forum-comes-to-an-end/", "/en/5.1/topics/db/models/", "/topics/climate"):
        assert declared_type(analyse_page(html, BASE + path)) is None, path


def test_an_item_list_is_part_of_a_page_a_collection_page_is_the_page():
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.pagetype import declared_type

    def declaring(kind: str) -> str:
        return (
            f'<html><head><script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{kind}"}}'
            "</script></head><body><h1>Alternatives</h1><p>"
            + "A plain paragraph of prose for the page. " * 40
            + "</p></body></html>"
        )

    assert declared_type(analyse_page(declaring("ItemList"), BASE + "/software/notes/")) is None
    # a documentation type (TechArticle) declares no article: the classifier weighs it
    assert declared_type(analyse_page(declaring("TechArticle"), BASE + "/docs/language/resources")) is None
    assert declared_type(analyse_page(declaring("BlogPosting"), BASE + "/docs/language/resources")) == (
        "article:jsonld:BlogPosting"
    )
    assert declared_type(analyse_page(declaring("CollectionPage"), BASE + "/software/notes/")) == (
        "listing:jsonld:CollectionPage"
    )


def test_equal_bodies_have_equal_hashes():
    river = page(ARTICLES["river"])
    same = extract(river, BASE + ARTICLES["river"])
    elsewhere = extract(river, "https://mirror.example/copy.html")
    # the same text, re-wrapped and re-indented
    rewrapped = extract(
        river.replace(b"</p>\n<p>", b"</p>\n\n    <p>").replace(b". ", b".\n   "), BASE + ARTICLES["river"]
    )
    other = extract(page(ARTICLES["trains"]), BASE + ARTICLES["trains"])
    assert same.content_hash == elsewhere.content_hash == rewrapped.content_hash
    assert same.content_hash != other.content_hash
    assert len(same.content_hash) == 64 and int(same.content_hash, 16) >= 0


# --- real-world pages ---------------------------------------------------------------
AEB_PAGES = {
    "c00962aabe7b": "en",  # a long English space-policy article (no lang attribute)
    "c4a3637c6696": "ru",  # a short Russian games article
}


@pytest.mark.parametrize("prefix", list(AEB_PAGES), ids=list(AEB_PAGES.values()))
def test_real_world_pages(prefix):
    if not (AEB / "ground-truth.json").exists():
        pytest.skip(f"the AEB benchmark pages are not beside the repo ({AEB})")
    (path,) = (AEB / "html").glob(f"{prefix}*.html.gz")
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))[path.name.split(".")[0]]
    article = extract(gzip.decompress(path.read_bytes()), truth["url"])
    _check_types(article)
    assert article.is_article
    assert article.url == truth["url"]
    paragraphs = [p for p in truth["articleBody"].split("\n") if len(p) > 40]
    body = fold(article.body)
    found = sum(fold(p) in body for p in paragraphs)
    assert found >= 0.8 * len(paragraphs), f"{found} of {len(paragraphs)} ground-truth paragraphs in the body"
    if AEB_PAGES[prefix] == "ru":
        assert article.language.startswith("ru")
        assert re.search("[\u0430-\u044f]{5}", article.body)  # Cyrillic words


def test_explain_names_the_features_that_decided_each_body_block():
    river = page(ARTICLES["river"])
    plain = [b["reason"] for b in extract(river, BASE + ARTICLES["river"]).blocks if b["label"] == "body"]
    explained = [
        b["reason"] for b in extract(river, BASE + ARTICLES["river"], explain=True).blocks if b["label"] == "body"
    ]
    assert plain and all(re.fullmatch(r"scorer:p=[01]\.\d\d", reason) for reason in plain)
    from pipelines.extraction.features import FEATURE_NAMES

    for short, long in zip(plain, explained, strict=True):
        assert long.startswith(short + " (")
        named = [part.rsplit(" ", 1)[0] for part in long[len(short) + 2 : -1].split(", ")]
        assert len(named) == 3 and set(named) <= set(FEATURE_NAMES)


def _analysed(html: str, url: str):
    """A page's analysis and its blocks' texts, for tests that hand `decide_body` probabilities."""
    from pipelines.extraction.page import analyse_page

    page = analyse_page(html, url)
    return page, [block.text for block in page.segmentation.blocks]


def test_a_hover_card_after_a_name_stays_out_of_the_sentence():
    """ "Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down ...": a person's card, which a stylesheet
    shows only on hover, right after their name in a sentence, is no text of the article."""
    from pipelines.extraction import extract

    card = (
        "<span class='people-card'><img src='/noem.jpg' alt=''><a href='/people/kristi-noem'>Kristi Lynn Noem</a>"
        "<a href='/news/123-meth-campaign'>South Dakota governor doubles down on anti-drug campaign</a></span>"
    )
    words = "The governor said the campaign had done what it set out to do, and that critics had missed its point. "
    html = (
        "<html><body><h1>Governor defends campaign</h1>"
        f"<p>{words}South Dakota Gov. <a href='/people/kristi-noem'>Kristi Noem</a>{card} (R) is defending the campaign.</p>"
        f"<p>{words * 3}</p>"
        # a list of more items after a link to them, with no picture: what the page shows
        "<p>The bundle holds <a href='/bundle/7'>seven packs</a><span class='overflow'>"
        "<a href='/bundle/7'>Car Pack, Lucky Stars Pack and five more</a></span>.</p></body></html>"
    )
    body = extract(html, "https://news.example/governor").body
    assert "Gov. Kristi Noem (R) is defending the campaign." in body
    assert "Kristi Lynn Noem" not in body and "doubles down" not in body
    assert "Car Pack, Lucky Stars Pack and five more" in body


def test_a_headings_parts_that_meet_without_a_space_read_as_the_page_shows_them():
    """ "Hannah Lindqvist<span>Business Reporter</span>": the page shows a name and a job title, not one word."""
    html = (
        "<html><body><h1>Mill<span>Street</span> reopens</h1>"
        "<h2 class='accent-header'>Hannah Lindqvist<span class='author-job-title'>Business Reporter</span></h2>"
        "<h3><a href='/a'>Analysis</a><span>Tech oligarchs reshape the town</span></h3>"
        "<h3>Reply<small>Cancel reply</small></h3>"
        "<h4>Kurz<b>Zusammenfassung</b> and iPhone<span>s</span> and 東京<span>Tower</span></h4></body></html>"
    )
    _page, texts = _analysed(html, "https://example.org/news/mill")
    assert "Hannah Lindqvist Business Reporter" in texts
    assert "Analysis Tech oligarchs reshape the town" in texts
    assert "Reply Cancel reply" in texts
    # a word does not change case where its parts meet; a script without case has no such cue; the title
    # reader weighs the parts of <h1> itself
    assert "Kurz Zusammenfassung and iPhones and 東京Tower" in texts
    assert "MillStreet reopens" in texts


def test_a_page_no_block_of_which_reaches_the_threshold_still_gets_a_body():
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><h1>Night opening at the library</h1>"
        "<p>The city library will stay open until nine on weekdays from next month.</p>"
        "<p>Four in ten readers said it closed too early.</p>"
        "<footer><p>Copyright 2026 City Library</p></footer></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/library-night")
    low = np.array([0.3 if text.startswith(("The city", "Four in ten")) else 0.05 for text in texts])
    decision = decide_body(page.segmentation, low)
    kept = [text for text, keep in zip(texts, decision.body, strict=True) if keep]
    assert decision.fallback
    assert kept == [texts[1], texts[2]]  # the best free blocks; not the headline, not the far-lower footer
    assert not decide_body(page.segmentation, np.where(low > 0.1, 0.9, 0.05)).fallback


def test_a_tiny_body_gives_way_to_the_content_read_just_below_the_threshold():
    import numpy as np

    from pipelines.extraction.body import decide_body

    said = (
        "Olivia's classes are the best part of my week, and I have tried many teachers over the years.",
        "The retreat in Spain was wonderful: the yoga, the food and the company were all just right.",
        "I came to my first class not knowing what to expect and left feeling calmer than in months.",
    )
    html = (
        "<html><body><h1>Reviews</h1><p>Use the form on the right to contact us.</p>"
        + "".join(f"<blockquote><p>{text}</p></blockquote>" for text in said)
        + "<footer><p>Copyright 2026 Yoga with Olivia</p></footer></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/reviews")
    read = np.array([0.7 if text.startswith("Use the form") else 0.3 if text in said else 0.05 for text in texts])
    decision = decide_body(page.segmentation, read)
    kept = [text for text, keep in zip(texts, decision.body, strict=True) if keep]
    assert decision.lowered and set(said) <= set(kept)  # not just the contact line: the testimonials
    assert "Copyright 2026 Yoga with Olivia" not in kept
    # a short body the lower reading hardly grows is the page's body: a brief, a post
    brief = np.array([0.7 if text in said[:2] else 0.3 if text == said[2] else 0.05 for text in texts])
    decision = decide_body(page.segmentation, brief)
    kept = [text for text, keep in zip(texts, decision.body, strict=True) if keep]
    assert not decision.lowered and kept == list(said[:2])


def test_a_table_between_an_articles_paragraphs_is_body_when_read_just_below_the_threshold():
    """A retrained scorer read a race's standings (the page's content, between its paragraphs) at 0.35 and the
    body lost them: a data table between two body paragraphs of its own container is the article's."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><h1>NASCAR standings</h1><div class='story'>"
        "<p>This page always has the current NASCAR Cup Series standings, updated after each race.</p>"
        "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
        "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td>Kevin Harvick</td><td>5035</td></tr></table>"
        "<p>Only the first twelve drivers take part in the last ten races for the title.</p></div>"
        "<div class='panel'><table><tr><td>Race</td><td>Date</td></tr><tr><td>Brazil</td><td>Nov 17</td></tr></table>"
        "<p>Watch the races on TV every Sunday afternoon, with the schedule of every session.</p></div>"
        "</body></html>"
    )
    page, texts = _analysed(html, "https://example.org/nascar-standings")
    standings = next(i for i, text in enumerate(texts) if "Kyle Busch" in text)
    schedule = next(i for i, text in enumerate(texts) if "Brazil" in text)
    read = np.array([0.05 if i == 0 else 0.35 if i in (standings, schedule) else 0.8 for i in range(len(texts))])
    kept = decide_body(page.segmentation, read).body
    assert kept[standings]  # between the story's paragraphs, in their container
    assert not kept[schedule]  # after the story, in another box: the scorer's reading stands
    # read far below the threshold, the table stays out
    assert not decide_body(page.segmentation, np.where(np.arange(len(texts)) == standings, 0.1, read)).body[standings]


def test_an_articles_unsure_blocks_above_its_headline_are_no_body():
    """A breadcrumb, a section's name or a promo strip over an article's headline, read at 0.4-0.5, is no part of
    its text; over the headline a sure reading stays, and on a page of another type nothing moves."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><div class='top'><p>The best of the year in one place</p></div>"
        "<p class='kicker'>Operations and growth</p><h1>The bakery that wants to be everywhere</h1>"
        "<p>The chain opened about eighty new bakeries this year, and plans twice as many next year.</p>"
        "<p>Its leaders say the neighbourhood bakery is what customers want, in every town they can reach.</p>"
        "</body></html>"
    )
    page, texts = _analysed(html, "https://example.org/news/bakery")
    strip, kicker = texts.index("The best of the year in one place"), texts.index("Operations and growth")
    read = np.array([0.45 if i in (strip, kicker) else 0.9 for i in range(len(texts))])
    decision = decide_body(page.segmentation, read)
    assert not decision.body[strip] and not decision.body[kicker]
    assert decision.above_headline == {strip, kicker}
    assert decision.body[
        texts.index("The chain opened about eighty new bakeries this year, and plans twice as many next year.")
    ]
    sure = np.where(np.arange(len(texts)) == kicker, 0.6, read)
    assert decide_body(page.segmentation, sure).body[kicker]  # read surely, a standfirst over the headline stays
    assert decide_body(page.segmentation, read, "listing").body[strip]  # not an article: the reading stands


def test_an_articles_unsure_blocks_before_its_first_and_after_its_last_sure_one_are_no_body():
    """Around an article, what reads just above the threshold is its site's (a teaser over the text; more posts, a
    pitch after it); an unsure line between sure paragraphs is the article's, and a surer one at the end stays."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    paragraphs = [
        f"Paragraph {n} of the article says what it has to say in a sentence of some length." for n in range(4)
    ]
    html = (
        "<html><body><h1>The article</h1><p class='teaser'>Read our latest guide to everything you need to know.</p>"
        "<div class='story'>"
        + "".join(f"<p>{text}</p>" for text in paragraphs)
        + "</div><div class='more'><p>Our team of experts helps companies like yours grow every single day.</p>"
        "<p>Talk to us about what our platform can do for your business this year.</p></div></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/blog/the-article")
    pitch = texts.index("Our team of experts helps companies like yours grow every single day.")
    talk = texts.index("Talk to us about what our platform can do for your business this year.")
    between = texts.index(paragraphs[1])
    teaser = texts.index("Read our latest guide to everything you need to know.")
    read = np.array([0.42 if i in (pitch, talk, between, teaser) else 0.9 for i in range(len(texts))])
    decision = decide_body(page.segmentation, read)
    assert decision.before_article == {teaser} and not decision.body[teaser]
    assert decision.after_article == {pitch, talk}
    assert not decision.body[pitch] and not decision.body[talk]
    assert decision.body[between]  # unsure, but before the article's last sure paragraph
    assert decide_body(page.segmentation, np.where(np.arange(len(texts)) == talk, 0.47, read)).body[talk]
    assert decide_body(page.segmentation, read, "service").body[pitch]  # not an article: the reading stands


def test_a_grid_of_like_cards_holding_most_of_the_page_is_its_content():
    """A club's trail list, each trail a card whose class says "cta": every card alone reads as a promo, but
    like cards that hold most of the page's words are what the page is made of, so they yield to the body
    threshold. Two cards, or cards under a longer story, stay promos."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    def body_of(trails: list[tuple[str, int]], story: str) -> list[str]:
        cards = "".join(
            f"<div class='trail-cta'><h3>{name}</h3><p>Length: {miles} miles of singletrack through pine woods, "
            f"kept up by volunteers of the club.</p><a href='/map/{miles}'>View trail map</a></div>"
            for name, miles in trails
        )
        html = f"<html><body><h1>Trails</h1><p>{story}</p>{cards}<footer><p>Copyright 2026 Trail Club</p></footer></body></html>"
        page, texts = _analysed(html, "https://example.org/trails/")
        assert sum(unit.reason == "attr:cta" for unit in page.segmentation.units) == len(trails)
        read = np.array([0.6 if "miles" in text or text == story else 0.05 for text in texts])
        return [text for text, keep in zip(texts, decide_body(page.segmentation, read).body, strict=True) if keep]

    trails = [("Anthills", 5), ("Carl Barton", 3), ("Cypress Creek", 10), ("Double Lake", 18)]
    short = "Our club looks after these trails."
    assert sum("miles of singletrack" in text for text in body_of(trails, short)) == 4
    assert body_of(trails[:2], short) == [short]
    story = "The club met on Saturday and agreed to rebuild the bridge over the creek before the spring rains. " * 6
    assert body_of(trails, story.strip()) == [story.strip()]


def test_the_body_does_not_end_on_a_heading_with_nothing_under_it():
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><h1>Night opening at the library</h1>"
        "<p>The city library will stay open until nine on weekdays from next month.</p>"
        "<h2>Opening hours</h2><p>Monday to Friday, nine to nine; Saturday, ten to four.</p>"
        "<h4>Related Topics</h4><ul></ul></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/library-night")
    body_read = np.array([0.05 if text == "Night opening at the library" else 0.8 for text in texts])
    kept = [text for text, keep in zip(texts, decide_body(page.segmentation, body_read).body, strict=True) if keep]
    assert kept[-1].startswith("Monday to Friday") and "Opening hours" in kept  # a heading with its section stays
    assert "Related Topics" not in kept
    # on a page of items (a shop's collection) the last items' names are content, headings or not
    kept = [
        text
        for text, keep in zip(texts, decide_body(page.segmentation, body_read, "collection").body, strict=True)
        if keep
    ]
    assert kept[-1] == "Related Topics"
    # a body that is nothing but a heading keeps it: every page gets a body
    alone = np.array([0.8 if text == "Related Topics" else 0.05 for text in texts])
    kept = [text for text, keep in zip(texts, decide_body(page.segmentation, alone).body, strict=True) if keep]
    assert kept == ["Related Topics"]


def test_the_words_of_a_lists_controls_stay_out_of_a_shops_body():
    """A navigation line yields to the scorer on a shop's page (its menu may be what the page lists), but
    "Sort by" and "1-24 of 310 products" are the list's controls on any page, however they read."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    items = [f"Trail shoe model {n} with waterproof lining" for n in range(1, 7)]
    html = (
        "<html><body><main><h1>Trail shoes</h1><div class='bar'><span>Sort by</span></div>"
        "<p>1-24 of 310 products</p><p>Loading...</p>"
        + "".join(f"<div class='item'><h3>{item}</h3></div>" for item in items)
        + "</main></body></html>"
    )
    page, texts = _analysed(html, "https://shop.example.org/trail-shoes")
    controls = {"Sort by", "1-24 of 310 products", "Loading..."}
    assert {u.text: u.reason for u in page.segmentation.units if u.text in controls} == {
        "Sort by": "control:navigation",
        "1-24 of 310 products": "control:navigation",
        "Loading...": "control:other",
    }
    read = np.array([0.6 if text in items or text in controls else 0.05 for text in texts])
    kept = [
        text for text, keep in zip(texts, decide_body(page.segmentation, read, "collection").body, strict=True) if keep
    ]
    assert kept == items


def test_a_shops_filter_panel_stays_out_of_its_body_where_a_menu_would_yield():
    """On a shop's category page a menu yields to the scorer (its subcategories may be what the page lists), but the
    options of its filter panel ("Bluetooth (13)", "In stock (89)") are the list's controls, however they read. A page
    builder's "facet-row" is no filter panel."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    items = [f"Gas barbecue model {n} with three burners" for n in range(1, 7)]
    options = ["Bluetooth (1)", "Bluetooth and Wi-Fi (13)", "In stock (89)", "Out of stock (13)"]
    html = (
        "<html><body><main><h1>Gas barbecues</h1>"
        "<details class='c-accordion c-facet'><summary>Connectivity</summary><div class='c-facet-list'>"
        + "".join(f"<label class='c-facet-option'><input type='checkbox'><span>{o}</span></label>" for o in options)
        + "</div></details>"
        + "".join(f"<div class='item'><h3>{item}</h3></div>" for item in items)
        + "<div class='facet-row-container'><p>Which barbecue suits a small balcony?</p></div>"
        "</main></body></html>"
    )
    page, texts = _analysed(html, "https://shop.example.org/bbq/gas")
    panel = [u for u in page.segmentation.units if "In stock (89)" in u.text]
    assert [(u.label.value, u.reason) for u in panel] == [("navigation", "attr:facet")]
    # every class the panel's cue knows gives a reason the body decision tells by its start
    from pipelines.extraction import cues

    for name in ("mobile-facets__item", "c-facet-list", "facetedsearch", "c-facet", "c-facet-option"):
        found = re.search(cues.FILTER_PANEL_PATTERN, name)
        assert found and f"attr:{found.group(0).strip()}".startswith(cues.FILTER_PANEL_REASON)
    assert re.search(cues.FILTER_PANEL_PATTERN, "facet-row-container") is None
    question = "Which barbecue suits a small balcony?"
    # the options read as the scorer read a real shop's: above the category page's threshold (0.25), below an article's
    read = np.array([0.3 if text in options else 0.6 if text in items or text == question else 0.05 for text in texts])
    kept = [
        text for text, keep in zip(texts, decide_body(page.segmentation, read, "collection").body, strict=True) if keep
    ]
    assert not set(options) & set(kept)
    assert set(items) <= set(kept) and question in kept


def test_a_controls_words_inside_a_forums_posts_stay_out_of_its_body():
    """On a forum the posts (comments by their class) yield to the scorer: they are the page's content. The "Quote"
    button under each is a unit of its own inside them, and stays out."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    posts = [f"Post number {n}: the new lens focuses fast and the colours are right in most light." for n in range(3)]
    html = (
        "<html><body><main><h1>Which lens for travel?</h1>"
        + "".join(f"<div class='comment'><p>{post}</p><button>Quote</button></div>" for post in posts)
        + "</main></body></html>"
    )
    page, texts = _analysed(html, "https://forum.example.org/topic/lens")
    assert [u.reason for u in page.segmentation.units if u.text == "Quote"] == ["control:other"] * 3
    read = np.array([0.6 if text in posts or text == "Quote" else 0.05 for text in texts])
    kept = [text for text, keep in zip(texts, decide_body(page.segmentation, read, "forum").body, strict=True) if keep]
    assert kept == posts


def test_an_ad_slots_label_stays_out_of_a_shops_body_even_where_a_class_names_it():
    """ "Sponsored" on a product card is no word of the card: the label alone is a control's line, whether the
    text cues find it or a class ("sponsor") made it a unit of its own, which would yield on a shop's page."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    items = [f"Corner sofa model {n} in washed linen" for n in range(1, 5)]
    html = (
        "<html><body><main><h1>Sofas</h1><div><p>Advertisement</p></div>"
        + "".join(
            f"<div class='card'><div><a href='/sofa/{n}'><h3>{item}</h3></a><p>Free delivery</p></div>"
            "<div data-testid='sponsored-tag'>Sponsored</div></div>"
            for n, item in enumerate(items)
        )
        + "</main></body></html>"
    )
    page, texts = _analysed(html, "https://shop.example.org/sofas")
    labels = {"Sponsored", "Advertisement"}
    assert {u.reason for u in page.segmentation.units if u.text in labels} == {"control:other"}
    read = np.array([0.05 if text == "Sofas" else 0.6 for text in texts])
    kept = [
        text for text, keep in zip(texts, decide_body(page.segmentation, read, "collection").body, strict=True) if keep
    ]
    assert kept == [line for item in items for line in (item, "Free delivery")]


_LIBRARY_SECTIONS = ["Why the library opens late", "What readers asked for", "When the new hours start"]


def _library_with_contents(entry: str, heading: str = "", url: str = "https://example.org/library-night"):
    """An article whose sections a table of contents lists (`entry` drawn from {n} and {title}, under `heading`),
    its analysis, and the texts of the blocks kept when the scorer reads every block but the headline as body."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        f"<html><body><article><h1>Night opening at the library</h1><div class='box'>{heading}<ul>"
        + "".join(f"<li>{entry.format(n=n, title=title)}</li>" for n, title in enumerate(_LIBRARY_SECTIONS))
        + "</ul></div>"
        + "".join(
            f"<h2 id='s{n}'>{title}</h2><p>The city library will stay open until nine on weekdays from next month, "
            f"and four in ten readers said it closed too early.</p>"
            for n, title in enumerate(_LIBRARY_SECTIONS)
        )
        + "</article></body></html>"
    )
    page, texts = _analysed(html, url)
    read = np.array([0.05 if text == "Night opening at the library" else 0.9 for text in texts])
    kept = [text for text, keep in zip(texts, decide_body(page.segmentation, read).body, strict=True) if keep]
    return page, kept


def test_a_table_of_contents_a_heading_names_stays_out_of_the_body_however_it_reads():
    """Its entries are the article's own section titles: the scorer reads them as body, but only a sure reading
    overrules the heading that names them."""
    page, kept = _library_with_contents("<a href='#s{n}'>{title}</a>", heading="<h2>Table of contents</h2>")
    toc = next(u for u in page.segmentation.units if u.text.startswith("Table of contents"))
    assert toc.reason == "heading:Table of contents"
    assert "Table of contents" not in kept and kept.count(_LIBRARY_SECTIONS[0]) == 1  # the heading, not its entry


@pytest.mark.parametrize(
    "entry",
    [
        "<a href='#s{n}'>{title}</a>",  # to the section's id
        "<a href='https://example.org/library-night#s{n}'>{title}</a>",  # the page's own URL with it, its query left out
        "<a href='#'>{title}</a>",  # a script scrolls to the section its link names
        "<span>{n}. {title}</span>",  # ... or its item names
    ],
)
def test_a_table_of_contents_no_heading_names_stays_out_of_the_body_however_it_reads(entry):
    """A list of the page's own sections is its table of contents, named or not: its entries are the section
    titles again and read as body to the scorer, so only a sure reading overrules it."""
    page, kept = _library_with_contents(entry, url="https://example.org/library-night?utm_source=feed")
    [toc] = [u for u in page.segmentation.units if u.label.value == "navigation"]
    assert toc.reason == "contents:page-sections" and all(title in toc.text for title in _LIBRARY_SECTIONS)
    assert [kept.count(title) for title in _LIBRARY_SECTIONS] == [1, 1, 1]  # the section's heading, not its entry


@pytest.mark.parametrize(
    "disclosure",
    [
        "This article contains affiliate links that may earn us a commission at no extra cost to you.",
        "Products are chosen independently by our editors. Purchases made through our links may earn us a commission.",
        "If you buy something through our links, we may earn commission.",
    ],
)
def test_an_affiliate_disclosure_stays_out_of_the_body_however_it_reads(disclosure):
    """A line cue's other (a disclosure, a sign-up prompt) is no article text: only a sure reading overrules it."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    lines = [f"Lamp number {n} lights the reading corner well and costs less than a dinner out." for n in range(4)]
    html = (
        f"<html><body><article><h1>Best lamps</h1><p>{disclosure}</p>"
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</article></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/best-lamps")
    assert [u.label.value for u in page.segmentation.units if u.text == disclosure] == ["other"]
    read = np.array([0.05 if text == "Best lamps" else 0.9 for text in texts])
    kept = [text for text, keep in zip(texts, decide_body(page.segmentation, read).body, strict=True) if keep]
    assert kept == lines


def test_cards_of_other_stories_under_an_article_leave_its_body():
    """A grid of linked titles with their excerpts after an article reads as prose to the scorer, and its
    links hold too few of its words for the teaser rule: it is a related unit (a title too short for the
    story cards, "Market moves square", is found by their extension), which on an article only a sure
    reading overrules. Section headings with a permalink to themselves are the article's own; on a
    listing the cards are content."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    prose = "The city library will stay open until nine on weekdays from next month, the council said on Monday. "
    sections = "".join(
        f'<h2><a href="#s{n}">{title}</a></h2><p>{title}: {prose * 3}</p>'
        for n, title in enumerate(("Why the hours change", "What readers said", "What it costs"))
    )
    excerpt = "A short summary of another story on this site, in a couple of lines under its linked title here."
    cards = "".join(
        f'<div class="card"><h3><a href="/news/story-{n}">{title}</a></h3><p>{excerpt}</p></div>'
        for n, title in enumerate(("New bus routes to the centre", "Pool reopens in June", "Market moves square"))
    )
    html = f"<html><body><h1>Night opening at the library</h1><article>{sections}</article><section>{cards}</section></body></html>"
    page, texts = _analysed(html, "https://example.org/library-night")
    labels = {text: unit.label.value for text, unit in zip(texts, page.segmentation.block_units, strict=True) if unit}
    assert labels["Pool reopens in June"] == "related" and "What it costs" not in labels
    read = np.array([0.05 if text == "Night opening at the library" else 0.8 for text in texts])
    kept = [text for text, keep in zip(texts, decide_body(page.segmentation, read).body, strict=True) if keep]
    assert "What it costs" in kept and sum(text.endswith("on Monday.") for text in kept) == 3  # its sections stay
    assert not {"New bus routes to the centre", "Pool reopens in June", excerpt} & set(kept)
    kept = [
        text for text, keep in zip(texts, decide_body(page.segmentation, read, "listing").body, strict=True) if keep
    ]
    assert "Pool reopens in June" in kept and excerpt in kept


def test_a_ticker_line_the_footer_repeats_leaves_an_articles_body():
    """A news ticker over the headline reads as prose; its copy in the footer says it is site furniture.
    A section heading a table of contents (a menu) repeats is the article's own and stays."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    ticker = "Council approves new bus routes to the centre after a long debate on Monday night"
    section = "What readers said about the longer opening hours"
    html = (
        f"<html><body><div class='ticker'><p>{ticker}</p></div><h1>Night opening at the library</h1>"
        f"<nav class='toc'><ul><li><a href='#said'>{section}</a></li></ul></nav>"
        "<p>The city library will stay open until nine on weekdays from next month, the council said.</p>"
        f"<h2 id='said'>{section}</h2><p>Four in ten readers said it closed too early for people who work.</p>"
        f"<footer><p>{ticker}</p></footer></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/library-night")
    read = np.array([0.05 if text == "Night opening at the library" else 0.8 for text in texts])
    read[-1] = 0.05  # the footer's copy
    kept = [text for text, keep in zip(texts, decide_body(page.segmentation, read).body, strict=True) if keep]
    assert ticker not in kept
    assert section in kept and any(text.startswith("Four in ten") for text in kept)


def test_a_footer_holding_most_of_the_page_yields_to_the_body_threshold():
    import numpy as np

    from pipelines.extraction.body import decide_body

    services = "".join(
        f"<p>{line} We repair treadmills, bikes and weight machines at your home or gym.</p>"
        for line in (
            "Flat rates for routine service.",
            "All repairs are warrantied for ninety days.",
            "Same day visits.",
        )
    )
    html = f'<html><body><nav><a href="/">Home</a></nav><h1>Treadmill repair</h1><div class="footer">{services}</div></body></html>'
    page, texts = _analysed(html, "https://example.org/treadmill-repair")
    footer = [i for i, u in enumerate(page.segmentation.block_units) if u is not None and u.label.value == "footer"]
    assert footer and all(texts[i].startswith(("Flat", "All", "Same")) for i in footer)
    unsure = np.full(len(texts), 0.45)  # above the body threshold, below an even reading
    assert all(decide_body(page.segmentation, unsure).body[i] for i in footer)
    # a footer holding a small part of the page stays a footer at the same reading
    long_article = "".join(f"<p>Paragraph {n} of the article about treadmill belts and motors.</p>" for n in range(12))
    html = html.replace("<h1>Treadmill repair</h1>", f"<h1>Treadmill repair</h1><article>{long_article}</article>")
    page, texts = _analysed(html, "https://example.org/treadmill-repair")
    footer = [i for i, u in enumerate(page.segmentation.block_units) if u is not None and u.label.value == "footer"]
    assert footer and not any(decide_body(page.segmentation, np.full(len(texts), 0.45)).body[i] for i in footer)


def test_an_offer_is_a_promo_on_an_article_and_the_content_of_a_product_page():
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><main><h1>Walnut desk lamp</h1>"
        "<p>A lamp turned from one piece of walnut, with a linen shade and a brass switch.</p>"
        '<div class="promo-box"><h3>Spring sale</h3><p>Save 20% on every lamp this week with code SPRING20.</p>'
        '<a class="button" href="/shop/">Shop now</a></div></main></body></html>'
    )
    page, texts = _analysed(html, "https://example.org/lamps/walnut")
    promo = [
        i for i, unit in enumerate(page.segmentation.block_units) if unit is not None and unit.label.value == "promo"
    ]
    assert promo and "Save 20%" in " ".join(texts[i] for i in promo)
    likely = np.full(len(texts), 0.8)  # body-like, but not the sure reading that overrules a promo
    as_article = decide_body(page.segmentation, likely, "article")
    as_product = decide_body(page.segmentation, likely, "product")
    assert not any(as_article.body[i] for i in promo) and any(u.label.value == "promo" for u in as_article.units)
    assert all(as_product.body[i] for i in promo if texts[i]) and not any(
        u.label.value == "promo" for u in as_product.units
    )
    assert decide_body(page.segmentation, likely).body == as_article.body  # no type given: an article's rules
    unlikely = np.where([i in promo for i in range(len(texts))], 0.2, 0.8)  # a sale banner the scorer rejects
    assert any(u.label.value == "promo" for u in decide_body(page.segmentation, unlikely, "product").units)


def test_an_offer_bar_above_the_headline_stays_a_promo_on_a_product_page():
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.segment import BlockLabel

    html = (
        '<html><body><div class="announcement-bar"><p>Free shipping on orders over $50 this week only</p></div>'
        "<main><h1>Walnut desk lamp</h1>"
        "<p>A lamp turned from one piece of walnut, with a linen shade and a brass switch.</p>"
        '<div class="promo-box"><h3>Spring sale</h3><p>Save 20% on every lamp this week with code SPRING20.</p>'
        '<a class="button" href="/shop/">Shop now</a></div></main></body></html>'
    )
    page, texts = _analysed(html, "https://example.org/lamps/walnut")
    bar = texts.index("Free shipping on orders over $50 this week only")
    sale = next(i for i, text in enumerate(texts) if text.startswith("Save 20%"))
    assert page.segmentation.block_units[bar].label is BlockLabel.PROMO
    likely = np.full(len(texts), 0.8)
    decision = decide_body(page.segmentation, likely, "product")
    assert not decision.body[bar]  # site furniture over the page
    assert decision.body[sale]  # an offer under the headline may be what a product page is about


def test_an_unsure_reading_is_the_body_of_a_collection_but_not_of_an_article():
    import numpy as np

    from pipelines.extraction import cues
    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><main><h1>Desk lamps</h1>"
        + "".join(
            f'<div class="card"><a href="/lamps/{i}">Walnut lamp no. {i} with a linen shade</a></div>' for i in range(4)
        )
        + "<p>Every lamp is turned by hand in our workshop from one piece of walnut.</p></main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/lamps/")
    cards = [i for i, text in enumerate(texts) if text.startswith("Walnut lamp")]
    unsure = cues.BODY_THRESHOLD_BY_PAGE_TYPE["collection"] + 0.05
    assert unsure < cues.BODY_THRESHOLD
    probability = np.array([unsure if i in cards else 0.9 for i in range(len(texts))])
    as_collection = decide_body(page.segmentation, probability, "collection")
    as_article = decide_body(page.segmentation, probability, "article")
    assert cards and all(as_collection.body[i] for i in cards)
    assert not any(as_article.body[i] for i in cards) and any(as_article.body)


@pytest.mark.parametrize(("page_type", "menu_is_body"), [("collection", True), ("listing", False), ("service", False)])
def test_a_menu_is_the_content_of_a_shops_category_page_only(page_type, menu_is_body):
    """A shop's category page lists its subcategories in a menu the truth keeps; a listing's or a
    service page's menu stays navigation however it reads."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><nav class='menu'><ul><li><a href='/lamps/desk'>Desk lamps</a></li>"
        "<li><a href='/lamps/floor'>Floor lamps</a></li><li><a href='/lamps/wall'>Wall lamps</a></li></ul></nav>"
        "<main><h1>Lamps</h1><p>Every lamp is turned by hand in our workshop from one piece of walnut.</p>"
        "</main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/lamps/")
    menu = [i for i, text in enumerate(texts) if text.endswith("lamps")]
    assert menu and all(page.segmentation.block_units[i].label.value == "navigation" for i in menu)
    even = np.full(len(texts), 0.45)  # above every type's body threshold, below the reading that overrules
    decision = decide_body(page.segmentation, even, page_type)
    assert all(decision.body[i] is menu_is_body for i in menu)


@pytest.mark.parametrize("described", [True, False])
def test_the_cards_of_a_category_page_are_its_body_only_when_it_has_no_description_of_its_own(described):
    """A shop's category page with a paragraph about its products is that paragraph (WCXB's truth leaves
    the product cards out); without one, the cards are what the page is about."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    description = (
        "<p>Our desk lamps are turned by hand in our workshop from one piece of walnut or oak, wired for warm "
        "light, and finished with linen shades that soften the glare on a long evening of reading or work. "
        "Every lamp ships with a bulb, a ten-year guarantee on the wiring and a cloth bag to keep the shade "
        "clean when you move house, and each one is signed and numbered underneath by the maker.</p>"
        "<p>Choose a tall lamp for a writing desk and a short one for a bedside table or a narrow shelf.</p>"
    )
    html = (
        "<html><body><main><h1>Desk lamps</h1>"
        + (description if described else "")
        + "".join(
            f'<div class="product-card"><a href="/lamps/{i}">Walnut lamp no. {i} with a linen shade</a>'
            f"<span>$120</span></div>"
            for i in range(4)
        )
        + "</main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/lamps/")
    cards = [i for i, text in enumerate(texts) if text.startswith("Walnut lamp")]
    assert cards and all(page.segmentation.block_units[i].label.value == "promo" for i in cards)
    probability = np.array([0.45 if i in cards else 0.9 for i in range(len(texts))])  # the cards: an even reading
    decision = decide_body(page.segmentation, probability, "collection")
    assert all(not decision.body[i] if described else decision.body[i] for i in cards)
    assert any(u.label.value == "promo" for u in decision.units) is described


def test_a_shops_customer_reviews_stay_out_of_a_product_pages_body_however_they_read():
    """Reviews read as prose; on a product page (not on an article, where a "review" class may hold the
    article) the element whose class names them makes a comments unit that only a sure reading overrules.
    A wrapper holding the headline ("has-reviews" on the page's main element) is no reviews unit."""
    import numpy as np

    from pipelines.extraction.body import decide_body
    from pipelines.extraction.segment import review_units

    html = (
        '<html><body><main class="product has-reviews"><h1>Walnut desk lamp</h1>'
        "<p>A desk lamp turned by hand from one piece of walnut, with a linen shade and a warm bulb.</p>"
        '<section id="reviews"><h2>Customer reviews</h2><div class="product-reviews__list">'
        '<div class="review"><p>I bought two of these for my study and the light is soft and even.</p></div>'
        '<div class="review"><p>The shade arrived a little creased but it settled after a day or two.</p></div>'
        "</div></section></main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/products/walnut-lamp")
    units = review_units(page.segmentation)
    assert [u.reason for u in units] == ["reviews:reviews"]  # the outermost element naming them: <section id>
    segmentation = page.segmentation.with_units(units)
    reviews = [i for i, text in enumerate(texts) if text.startswith(("Customer", "I bought", "The shade"))]
    assert all(segmentation.block_units[i] is units[0] for i in reviews)
    assert texts[1].startswith("A desk lamp") and segmentation.block_units[1] is None  # the description
    likely = np.full(len(texts), 0.8)  # everything reads as body, the reviews too
    decision = decide_body(segmentation, likely, "product")
    assert not any(decision.body[i] for i in reviews) and decision.body[1]
    sure = np.where([i in reviews for i in range(len(texts))], 0.95, 0.8)
    assert all(decide_body(segmentation, sure, "product").body[i] for i in reviews)  # a sure reading overrules


def test_content_laid_out_twice_is_in_the_body_once_but_a_short_line_under_every_card_is_kept():
    """A page builder lays a product's description out twice (for phones and for desktops, one copy hidden
    by a stylesheet the extractor does not read): the second copy is no more body. A line repeated under
    each offer ("Valid on weekdays only.") is each offer's own."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    description = (
        "<p>Make each cup of tea or coffee feel special with a ceramic mug thrown on the wheel.</p>"
        "<p>Handmade stoneware, glazed inside, about 350 ml.</p>"
        "<p>Safe in the dishwasher and the microwave oven; take care when stacking.</p>"
    )
    offers = "".join(
        f"<div class='offer'><h3>{name}</h3><p>Valid on weekdays only.</p></div>"
        for name in ("Ten percent off every mug", "Free shipping over fifty dollars", "A second mug at half price")
    )
    html = (
        "<html><body><main><h1>White speckle mug</h1>"
        f"<div class='mobile'>{description}</div><div class='desktop'>{description}</div>{offers}"
        "</main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/shop/white-speckle-mug")
    decision = decide_body(page.segmentation, np.full(len(texts), 0.9), "product")
    kept = [text for text, keep in zip(texts, decision.body, strict=True) if keep]
    assert kept.count(texts[1]) == 1 and texts[1].startswith("Make each cup")
    assert [texts[i] for i in sorted(decision.repeated)] == [texts[1], texts[2], texts[3]]
    assert kept.count("Valid on weekdays only.") == 3
    from pipelines.extraction.units import fields_from_units

    blocks = fields_from_units(page.segmentation, decision, "White speckle mug", None)["blocks"]
    assert [b["text"] for b in blocks if b["reason"] == "repeated"] == [" ".join(texts[1:4])]  # the record says why


def test_a_line_repeated_under_each_item_of_one_list_stays_in_an_article_but_a_copy_next_to_itself_goes():
    """A training plan repeats its warm-up under each day of one list: on an article that is content, kept
    each time. A pull quote laid out twice (for wide and narrow screens), the copy right after the original, is
    still one quote; and on a shop page any repeat goes (phone and desktop copies)."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    warm_up = (
        "Warm up: ten to twenty minutes of easy jogging in zone two, then five minutes of running drills and strides."
    )
    days = "".join(
        f"<li>{day}: {session}</li><li>{warm_up}</li>"
        for day, session in (("Tuesday", "intervals of four hundred metres"), ("Thursday", "a steady tempo run"))
    )
    quote = "Nobody starts a marathon plan fit enough to finish it, and nobody who follows the whole plan to the end finishes it unfit."
    html = (
        "<html><body><main><h1>A ten week marathon plan</h1>"
        "<p>This plan takes a beginner to the start line of a marathon in ten weeks of gradual training.</p>"
        f"<ul>{days}</ul>"
        f"<div class='pullquote'><p class='quote-wide'>{quote}</p><p class='quote-narrow'>{quote}</p></div>"
        "</main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/blog/marathon-plan")
    likely = np.full(len(texts), 0.9)
    kept = [
        text for text, keep in zip(texts, decide_body(page.segmentation, likely, "article").body, strict=True) if keep
    ]
    assert kept.count(warm_up) == 2 and kept.count(quote) == 1
    kept = [
        text for text, keep in zip(texts, decide_body(page.segmentation, likely, "product").body, strict=True) if keep
    ]
    assert kept.count(warm_up) == 1


def test_a_step_repeated_in_each_tab_panel_of_a_guide_is_kept_in_each():
    """A guide's tabs give the same step for each language (a warning, a command): each panel is one
    reader's page, and the repeat in another tab panel is no copy of the layout."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    warning = "Do not include your credentials in the code of an application you ship, keep them in the environment of the server instead, where no reader sees them."
    panels = "".join(
        f"<div role='tabpanel' aria-labelledby='tab-{lang}'><p>Create a file called send.{lang} and paste in this code.</p>"
        f"<p>{warning}</p></div>"
        for lang in ("py", "js")
    )
    html = f"<html><body><main><h1>Send a message</h1><p>Follow these steps.</p>{panels}</main></body></html>"
    page, texts = _analysed(html, "https://example.org/docs/send")
    decision = decide_body(page.segmentation, np.full(len(texts), 0.9), "documentation")
    kept = [text for text, keep in zip(texts, decision.body, strict=True) if keep]
    assert kept.count(warning) == 2 and not decision.repeated


@pytest.mark.parametrize(
    ("heading", "kept_as_related"),
    [
        ("Trending News", True),
        ("Related questions", True),
        ("Also on example.org", True),
        ("Related resources", False),
    ],
)
def test_a_teaser_list_under_a_trending_heading_needs_a_sure_reading_to_be_body(heading, kept_as_related):
    """ "Trending News" heads no section of an article: its links stay related however likely they read;
    "Related resources" can head the article's last section, so an even reading makes it body."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><main><article><h1>Bridge vote</h1>"
        "<p>The council met on Tuesday to discuss the new bridge and what it will cost the town over ten years.</p>"
        "<p>Residents asked why the estimate had doubled since the spring, and the engineer explained.</p>"
        f"<h3>{heading}</h3><ul>"
        "<li><a href='/a'>The old bridge closes for repairs next month after the winter storms</a></li>"
        "<li><a href='/b'>The ferry timetable changes for the summer season on the river</a></li>"
        "<li><a href='/c'>A new school opens its doors to four hundred pupils in the autumn</a></li></ul>"
        "</article></main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/news/bridge-vote")
    teasers = [i for i, text in enumerate(texts) if text.startswith(("The old", "The ferry", "A new school"))]
    assert teasers and all(page.segmentation.block_units[i].label.value == "related" for i in teasers)
    likely = np.array([0.75 if i in teasers else 0.9 for i in range(len(texts))])  # body-like, not sure
    decision = decide_body(page.segmentation, likely, "article")
    assert any(u.label.value == "related" for u in decision.units) is kept_as_related
    assert all(not decision.body[i] if kept_as_related else decision.body[i] for i in teasers)


@pytest.mark.parametrize(
    "lines",
    [
        "<p>DON'T MISS <a href='/a'>The old bridge closes for repairs next month [INSIGHT]</a></p>",
        "<p>DON'T MISS</p><p><a href='/a'>The old bridge closes for repairs next month [INSIGHT]</a> | "
        "<a href='/b'>The ferry timetable changes for the summer [NEWS]</a></p>",
    ],
)
def test_a_dont_miss_line_in_an_article_needs_a_sure_reading_to_be_body(lines):
    """ "DON'T MISS" heads no section of an article, whether the headlines share its line or follow it."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    prose = "<p>The council met on Tuesday to discuss the new bridge and what it will cost the town.</p>"
    html = f"<html><body><main><article><h1>Bridge vote</h1>{prose}{lines}{prose}</article></main></body></html>"
    page, texts = _analysed(html, "https://example.org/news/bridge-vote")
    teasers = [i for i, text in enumerate(texts) if "The old bridge" in text]
    assert teasers and all(page.segmentation.block_units[i].label.value == "related" for i in teasers)
    likely = np.array([0.75 if i in teasers else 0.9 for i in range(len(texts))])  # body-like, not sure
    decision = decide_body(page.segmentation, likely, "article")
    assert not any(decision.body[i] for i in teasers)


def test_comments_found_by_their_class_need_a_sure_reading_to_be_an_articles_body():
    """Readers' replies under an article read as prose: a comments section found by its class stays comments
    unless the scorer is sure; on a forum (not an article) the posts yield to the body threshold."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    html = (
        "<html><body><main><article><h1>Open thread</h1>"
        "<p>Our goal with these open threads is to give readers a place to raise questions about our research.</p>"
        "</article><div id='comments'><h3>Comments</h3><ol class='commentlist'>"
        "<li><p>Any update on how the new paper will affect your recommendation of the cash transfer charity?</p></li>"
        "<li><p>We have not yet reviewed the paper, but plan to consider it as part of our year-end review.</p></li>"
        "</ol></div></main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/2018/09/open-thread")
    replies = [i for i, text in enumerate(texts) if text.startswith(("Any update", "We have not"))]
    assert replies and all(page.segmentation.block_units[i].label.value == "comments" for i in replies)
    likely = np.array([0.8 if i in replies else 0.9 for i in range(len(texts))])  # body-like, not sure
    assert not any(decide_body(page.segmentation, likely, "article").body[i] for i in replies)
    sure = np.array([0.95 if i in replies else 0.9 for i in range(len(texts))])
    assert all(decide_body(page.segmentation, sure, "article").body[i] for i in replies)
    assert all(decide_body(page.segmentation, likely, "forum").body[i] for i in replies)


def test_linked_headlines_outside_the_article_need_a_sure_reading_to_be_body():
    """A sidebar's run of linked headlines reads as prose to the scorer: it stays related unless the scorer is sure."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    stories = "".join(
        f"<div class='story'><a href='/news/{i}'><h3>{title}</h3></a></div>"
        for i, title in enumerate(
            ("Microsoft releases a new preview build", "The November update rolls out", "A new theme pack")
        )
    )
    html = (
        "<html><body><main><article><h1>Stadia does not run at a stable frame rate</h1>"
        "<p>The game runs at a lower frame rate than promised on the streaming service, testers found this week.</p>"
        "<p>Google said it would look into the reports and publish an update once the cause is known to its team.</p>"
        f"</article></main><div class='widget'>{stories}</div></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/stadia-frame-rate/")
    headlines = [i for i, text in enumerate(texts) if text.startswith(("Microsoft", "The November", "A new theme"))]
    units = [page.segmentation.block_units[i] for i in headlines]
    assert headlines and all(u is not None and u.reason.startswith("teasers:") for u in units)
    likely = np.array([0.75 if i in headlines else 0.9 for i in range(len(texts))])
    assert not any(decide_body(page.segmentation, likely, "article").body[i] for i in headlines)


MALFORMED_URLS_PAGE = """<html><head><title>Bridge vote</title><link rel="canonical" href="http://[canonical">
<meta property="og:image" content="http://[image"></head><body><article><h1>Bridge vote</h1>
<p>The council met on Tuesday to discuss the new bridge and what it will cost the town over ten years.</p>
<p>Residents asked why the estimate had doubled since the spring, and the engineer explained the steel prices.</p>
<p><a href="http://[teaser/">A paragraph that is only a link to a page whose address is broken</a></p>
</article><aside><h3>Related stories</h3><ul>
<li><a href="http://[related/">The old bridge closes for repairs next month</a></li>
<li><a href="/ok/story">The ferry timetable changes for the summer season</a></li></ul>
<div><h3><a href="http://[post/">Another post about the bridge</a></h3><div class="byline">By Ana Lima</div></div>
</aside></body></html>"""


@pytest.mark.parametrize("url", ["http://[bad", "http://example.test/news/bridge", None])
def test_malformed_urls_in_the_page_or_given_by_the_caller_do_not_raise(url):
    """urllib raises on "http://[..." (an unclosed IPv6 host); a page or a caller may carry one."""
    article = extract(MALFORMED_URLS_PAGE, url)
    assert article.title == "Bridge vote"
    assert "steel prices" in article.body
    assert article.url == (url or "")
    assert article.image is None
    related_urls = [link["url"] for link in article.to_dict()["related"]]
    assert "http://[related/" in related_urls
    assert article.to_dict()["canonical_url"] == (url or None)


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>t</title></head><body><p>Café naïve — fine.</p></body></html>",
        "\ufeff<!DOCTYPE html><html><head></head><body><p>A BOM, été</p></body></html>",
        "<html><head></head><body><p>A nul\x00 byte, été</p></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><head></head><body><p>A declaration, été</p></body></html>',
    ],
)
def test_utf8_bytes_parse_into_the_tree_of_their_text(page: str) -> None:
    """Valid UTF-8 goes to the parser as the fetched bytes: the tree is the one its decoded text gives."""
    from lxml.etree import tostring

    from pipelines.extraction.parse import parse_html

    assert tostring(parse_html(page.encode("utf-8"))) == tostring(parse_html(page))


def test_extract_names_each_stage_as_it_ends():
    """benchmarks/stages.py times extract's own stages through this hook, not a copy of their order."""
    ended = []
    html = (
        "<html><head><title>Hook</title></head><body><article><p>"
        + "Words of a page. " * 30
        + "</p></article></body></html>"
    )
    article = extract(html, "https://example.com/a", on_stage=ended.append)
    assert ended == [
        "parse",
        "prepare (bound, noscript, loose text)",
        "block index",
        "metadata",
        "rule units (segment)",
        "block features",
        "scorer (2 stages)",
        "promo finder",
        "page type + body",
        "record fields",
    ]
    assert article.to_dict() == extract(html, "https://example.com/a").to_dict()


@pytest.mark.parametrize(
    ("page_type", "described", "stays_related"),
    [
        ("product", False, True),
        ("collection", True, True),
        ("service", True, True),
        ("collection", False, False),  # a listing's own grid may be called "related"
        ("listing", False, False),
    ],
)
def test_a_related_box_named_by_its_class_needs_an_even_reading_beside_a_page_of_its_own(
    page_type, described, stays_related
):
    """On a product page, or a page with a description of its own, a related box its class names
    ("related-products") yields to an even reading, not to the page type's lower body threshold: related items
    read at 0.3-0.45 and are not what the page is about. On a listing without one it may be the page's grid, and it
    yields to the threshold as before. A reading of 0.5 or more overrules it everywhere."""
    import numpy as np

    from pipelines.extraction.body import decide_body

    about = "<p>" + "A lamp turned from one piece of walnut, with a linen shade and a brass switch. " * 3 + "</p>"
    html = (
        "<html><body><main><h1>Walnut desk lamp</h1>"
        + (about * 2 if described else "<p>Walnut lamps.</p>")
        + '<div class="related-products"><ul>'
        + "".join(f'<li><a href="/lamps/{i}">Oak floor lamp number {i} with a paper shade</a></li>' for i in range(3))
        + "</ul></div></main></body></html>"
    )
    page, texts = _analysed(html, "https://example.org/lamps/walnut")
    related = [
        i for i, unit in enumerate(page.segmentation.block_units) if unit is not None and unit.label.value == "related"
    ]
    assert related and all(page.segmentation.block_units[i].reason.startswith("attr:") for i in related)
    unsure = np.where([i in related for i in range(len(texts))], 0.45, 0.9)
    decision = decide_body(page.segmentation, unsure, page_type)
    assert (not any(decision.body[i] for i in related)) == stays_related
    even = np.where([i in related for i in range(len(texts))], 0.55, 0.9)
    assert all(decide_body(page.segmentation, even, page_type).body[i] for i in related)


def test_text_after_the_body_joins_the_body_and_the_page_keeps_its_blocks() -> None:
    """A stray `-->` after `</body>` (a broken comment, common in old blog templates) is shown at the
    end of the body by a browser; left as the body's tail it made the whole `<html>` one block, menu and all."""
    story = "".join(
        f"<p>Paragraph {i} of the review tells how the book was written, read and received by its readers.</p>"
        for i in range(8)
    )
    html = (
        "<html><head><title>Review</title></head><body><nav><a href='/'>Home</a> <a href='/books'>Books</a>"
        f" <a href='/beauty'>Beauty</a></nav><article><h1>Review</h1>{story}</article>"
        "<footer>Impressum &amp; Datenschutz, all rights reserved</footer></body>--> \n</html>"
    )
    article = extract(html, "https://blog.example/2017/05/review.html")
    assert "Paragraph 7 of the review" in article.body
    assert "Home Books" not in article.body and "Impressum" not in article.body
    assert len(article.blocks) > 3


def test_text_a_page_encoded_twice_is_put_right_in_the_body_and_the_title() -> None:
    """UTF-8 read as Windows-1252 or Latin-1 by the site's own software ("isnâ€™t", "fÃ¼r"): the record
    holds the text the writer typed, whatever field it lands in."""
    story = "".join(
        f"<p>Artificial intelligence isnâ€™t just changing how we work, part {i}. Lastenräder fÃ¼r alle.</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Investorâ€™s guide</title><script>var s = 'fÃ¼r';</script></head>"
        f"<body><article><h1>Investorâ€™s guide</h1>{story}<p>A café\u2013bar and a “quote” stay as they are.</p></article></body></html>"
    )
    article = extract(html.encode("utf-8"), "https://blog.example/investors-guide")
    assert article.title == "Investor\u2019s guide"
    assert "isn\u2019t just changing" in article.body and "Lastenräder für alle." in article.body
    assert "â€" not in article.body and "Ã" not in article.body
    assert "A café\u2013bar and a “quote” stay as they are." in article.body


def test_a_page_written_in_decomposed_form_gives_the_record_of_the_composed_one() -> None:
    """ "gepru\\u0308ft" (u and a combining diaeresis) reads as "geprüft": the record holds the composed form,
    so its words, its hash and a search for "geprüft" are those of the same page written composed."""
    paragraphs = "".join(
        f"<p>Besonders bei Babyschalen sollte {{w}} werden, ob der Gurt reicht, Teil {i}.</p>" for i in range(8)
    )
    html = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1>" + paragraphs + "</article></body></html>"
    decomposed = extract(
        html.format(t="Kindersitze gepru\u0308ft", w="gepru\u0308ft"), "https://test.example/kindersitze"
    )
    composed = extract(html.format(t="Kindersitze geprüft", w="geprüft"), "https://test.example/kindersitze")
    assert "sollte geprüft werden" in decomposed.body and decomposed.title == "Kindersitze geprüft"
    assert (decomposed.body, decomposed.word_count, decomposed.content_hash) == (
        composed.body,
        composed.word_count,
        composed.content_hash,
    )
    assert [b["text"] for b in decomposed.blocks] == [b["text"] for b in composed.blocks]


def test_a_unit_broken_up_by_a_unit_inside_it_gives_an_entry_per_run_and_no_text_twice():
    """An ad label inside a teaser list is a unit of its own: the record's blocks list the teasers before it, the
    label, and the teasers after it, each text once (the list's whole text twice, around the label, before)."""
    from pipelines.extraction import extract

    paragraphs = "".join(
        f"<p>Paragraph {i} of the article about the council budget vote and what it means for the town.</p>"
        for i in range(8)
    )
    html = (
        f"<html><body><article><h1>Budget vote</h1>{paragraphs}</article><aside class='related-posts'>"
        "<h3>Related posts</h3><ul><li><a href='/a'>First story about the town</a></li><li>Advertisement</li>"
        "<li><a href='/b'>Second story about the town</a></li></ul></aside></body></html>"
    )
    blocks = extract(html, "https://news.example.org/budget").blocks
    assert [(b["label"], b["text"]) for b in blocks if b["label"] != "body"][1:] == [
        ("related", "Related posts First story about the town"),
        ("other", "Advertisement"),
        ("related", "Second story about the town"),
    ]


_SCRIPT_TIMESTAMP = (
    """<script>var visit = '{"store_id":"1000786080","timestamp":"2024-03-05T15:06:35.35Z"}';</script>"""
)


def test_htmldate_dates_an_article_but_not_a_shops_page_from_a_script_timestamp() -> None:
    """htmldate, the last date reader, takes any timestamp of the page's source for its date: on a shop's page a
    script's visit or cart time, a review's date. It is asked only once the page is typed article, forum or
    documentation (`cues.DATED_PAGE_TYPES`); `read_metadata` alone still asks it of every page."""
    from pipelines.extraction.metadata import read_metadata
    from pipelines.extraction.parse import parse_html

    shop = f"""<html><head><title>Trail Runner Shoe | Acme Outfitters</title><meta property="og:type" content="product">
    <script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Product", "name": "Trail Runner Shoe",
    "offers": {{"@type": "Offer", "price": "89.00", "priceCurrency": "USD"}}}}</script>{_SCRIPT_TIMESTAMP}</head>
    <body><header><nav><a href="/">Home</a> <a href="/shoes">Shoes</a></nav></header><main><h1>Trail Runner Shoe</h1>
    <p class="price">$89.00</p><button>Add to cart</button><p>A light trail shoe with a grippy outsole, a breathable mesh
    upper and a cushioned midsole for long days on rough ground.</p><ul><li>Weight: 280 g</li><li>Drop: 6 mm</li>
    <li>Sizes: 7-13</li></ul></main></body></html>"""
    paragraph = (
        "<p>The council met on Tuesday to discuss the new bridge, what it will cost and who will pay for it over "
        "the next ten years of work on the river crossing.</p>"
    )
    story = f"""<html><head><title>How the council plans the new bridge</title><meta property="og:type" content="article">
    {_SCRIPT_TIMESTAMP}</head><body><main><article><h1>How the council plans the new bridge</h1>{paragraph * 6}</article>
    </main></body></html>"""
    shop_url, story_url = "https://shop.example.com/products/trail-runner", "https://news.example.com/council-bridge"

    product = extract(shop, shop_url)
    assert product.page_type == "product"
    assert product.published is None
    assert read_metadata(parse_html(shop), shop_url).published == "2024-03-05T00:00:00+00:00"
    article = extract(story, story_url)
    assert article.page_type == "article"
    assert article.published == "2024-03-05T00:00:00+00:00"


def test_a_page_declaring_an_article_is_typed_by_its_declaration_without_its_page_features() -> None:
    """A news page's JSON-LD NewsArticle decides its type: the classifier is not asked, and the page features
    it would read (about a tenth of the extraction of a news page) are not computed."""
    from pipelines.extraction.pagetype import default_page_classifier

    article = extract(page("/articles/robotics-final.html"), BASE + "/articles/robotics-final.html")
    assert (article.page_type, article.page_type_reason) == ("article", "article:jsonld:NewsArticle")

    def unread() -> np.ndarray:
        raise AssertionError("a declared article's features were computed")

    classifier = default_page_classifier()
    assert classifier.classify(unread, "article:jsonld:NewsArticle") == ("article", "article:jsonld:NewsArticle")
    with pytest.raises(AssertionError):
        classifier.classify(unread, "listing:url-path")  # any other declaration is weighed with the features
