"""Content blocks as a reader sees them: loose text, spacing, hidden text, script-built pages."""

from __future__ import annotations

import lxml.html
import pytest

from pipelines.extraction import extract
from pipelines.extraction.blocks import (
    BlockIndex,
    reveal_collapsed_panels,
    reveal_labelling_titles,
    reveal_masked_page,
    reveal_noscript,
    unwrap_misnested_buttons,
    wrap_loose_text,
)
from pipelines.extraction.segment import selector


def _blocks(html: str) -> list[str]:
    tree = lxml.html.fromstring(html)
    wrap_loose_text(tree)
    return [b.text for b in BlockIndex(tree).blocks if b.text]


def test_loose_text_beside_blocks_becomes_paragraphs_split_at_br() -> None:
    html = (
        "<html><body><div><table><tr><td>Photo credit</td></tr></table><br><br>"
        "First paragraph of the story.<br>Second <b>paragraph</b> here.<div>Box</div>Closing words.</div></body></html>"
    )
    assert _blocks(html) == [
        "Photo credit",
        "First paragraph of the story.",
        "Second paragraph here.",
        "Box",
        "Closing words.",
    ]


def test_a_bold_lead_in_ending_in_a_line_break_keeps_the_text_after_it() -> None:
    """`<li><b>Lead-in.<br></b>Text</li>`: the break ends the bold line, it does not make the bold a paragraph
    of its own (which split the item and left its text behind); a bold run of several lines is still split."""
    html = (
        "<html><body><ul><li><b>Keep your contact information current.<br></b>Make sure we can reach you.</li></ul>"
        "<div><b>First line of the notice<br>Second line of the notice</b><div>Box</div></div></body></html>"
    )
    assert _blocks(html) == [
        "Keep your contact information current. Make sure we can reach you.",
        "First line of the notice",
        "Second line of the notice",
        "Box",
    ]


def test_long_loose_text_is_kept_not_skipped() -> None:
    sentence = "This sentence is part of a long article written without paragraph tags. "
    html = f"<html><body><div id='story'>{sentence * 30}<br><br>{sentence * 30}<div>Ad</div></div></body></html>"
    texts = _blocks(html)
    assert sum(len(t.split()) for t in texts) == 2 * 30 * len(sentence.split()) + 1


def test_space_only_where_block_elements_meet() -> None:
    html = (
        "<html><body><p>A fri<b>end</b>ly <i>word</i>.</p><div><span>Note:</span><div>The end</div></div></body></html>"
    )
    assert _blocks(html) == ["A friendly word.", "Note:", "The end"]
    tree = lxml.html.fromstring("<html><body><p>Line one<br>line two</p></body></html>")
    assert [b.text for b in BlockIndex(tree).blocks] == ["Line one line two"]


def test_a_spacer_paragraph_of_invisible_characters_is_no_block() -> None:
    """Site builders space paragraphs with "<p>&zwj;</p>": a reader sees nothing, and the body gets no line of it."""
    html = "<html><body><p>First part.</p><p>\u200d</p><p>\u200b \ufeff</p><p>\u200dSecond part.</p></body></html>"
    tree = lxml.html.fromstring(html)
    assert [b.text for b in BlockIndex(tree).blocks] == ["First part.", "\u200dSecond part."]


def test_hover_cards_and_screen_reader_text_are_hidden() -> None:
    html = (
        "<html><body><p>Senator <a href='/p'>Kristi Noem<span class='hovercard'>Kristi Lynn Noem South Dakota</span></a>"
        " said<span class='sr-only'> (opens in a new window)</span> no.</p>"
        "<p>Text<span role='tooltip'>tip</span> here<span aria-hidden='true'>icon</span>.</p></body></html>"
    )
    assert _blocks(html) == ["Senator Kristi Noem said no.", "Text here."]


def test_noscript_page_is_revealed_only_when_it_is_the_page() -> None:
    words = "forum post text " * 40
    tree = lxml.html.fromstring(
        f"<html><body><section></section><noscript><div><p>{words}</p></div></noscript></body></html>"
    )
    assert reveal_noscript(tree)
    assert BlockIndex(tree).blocks[0].words == 120
    tree = lxml.html.fromstring(
        f"<html><body><article><p>{words} {words}</p></article><noscript><p>{words}</p></noscript></body></html>"
    )
    assert not reveal_noscript(tree)
    assert sum(b.words for b in BlockIndex(tree).blocks) == 240


STORY = "<p>" + "A paragraph of the story that a reader sees once the page has loaded. " * 12 + "</p>"


def test_a_theme_class_on_body_does_not_hide_the_page() -> None:
    # "wvs-tooltip" says a plugin is on, not that the page is a tooltip
    assert _blocks(f"<html><body class='single-post wvs-tooltip'>{STORY}</body></html>")


def test_react_streamed_segments_are_content_other_hidden_divs_are_not() -> None:
    html = (
        "<html><body><div id='root'><template id='B:0'></template><p>Loading...</p></div>"
        f"<div hidden id='S:0'><article>{STORY}</article></div><div hidden>Secret menu</div></body></html>"
    )
    texts = _blocks(html)
    assert any("A paragraph of the story" in text for text in texts)
    assert "Secret menu" not in " ".join(texts)


def test_a_load_mask_over_the_page_is_lifted_a_hidden_menu_is_not() -> None:
    html = (
        "<html><body><div style='visibility:hidden;min-height:100vh'>"
        f"<nav style='display:none'>Shop Blog About</nav>{STORY}</div></body></html>"
    )
    tree = lxml.html.fromstring(html)
    assert not [b for b in BlockIndex(tree).blocks if b.text]  # masked: nothing shows
    assert reveal_masked_page(tree)
    texts = [b.text for b in BlockIndex(tree).blocks if b.text]
    assert any("A paragraph of the story" in text for text in texts)
    assert "Shop Blog About" not in " ".join(texts)  # the menu holds few of the words: still hidden
    assert not reveal_masked_page(
        lxml.html.fromstring(f"<html><body><div style='display:none'>Menu</div>{STORY}</body></html>")
    )


_SCRIPT_DATA = " ".join(f"word{i}" for i in range(400))


@pytest.mark.parametrize(
    "html",
    [
        # a shop's product JSON in scripts outweighs the page a reader sees
        f"<html><body><script>var product = '{_SCRIPT_DATA}';</script><nav>Shop Blog About</nav>"
        f"<div style='display:none;'><script>var more = '{_SCRIPT_DATA}';</script>{STORY}</div></body></html>",
        # a <script> in a <template>, subtracted twice, left the page no words, and its mask stayed
        f"<html><body><template><script>var card = '{_SCRIPT_DATA}';</script></template>"
        f"<nav>Shop Blog About</nav><div style='display:none;'>{STORY}</div></body></html>",
    ],
    ids=["scripts-outweigh-the-page", "script-in-template"],
)
def test_a_load_mask_share_counts_the_words_a_reader_sees(html: str) -> None:
    """The mask's share of the page counts words outside scripts, styles and templates, each once."""
    tree = lxml.html.fromstring(html)
    assert reveal_masked_page(tree)
    assert any("A paragraph of the story" in b.text for b in BlockIndex(tree).blocks)


def test_a_tab_panel_named_by_its_role_is_shown() -> None:
    """WAI-ARIA's tab pattern lets the panel name its tab (role="tabpanel", aria-labelledby) and not
    the tab its panel: such a panel, hidden until its tab is chosen, is content too."""
    html = (
        "<html><body><main><h1>Send a message</h1><div role='tablist'><button role='tab' id='t-py'>Python</button>"
        "<button role='tab' id='t-js'>Node.js</button></div>"
        "<div role='tabpanel' aria-labelledby='t-py'><p>Install Python and the SDK with pip.</p></div>"
        "<div role='tabpanel' aria-labelledby='t-js' hidden style='display:none'>"
        "<p>Install Node.js and the SDK with npm.</p><p hidden>An internal note.</p></div>"
        "</main></body></html>"
    )
    root = lxml.html.fromstring(html)
    assert reveal_collapsed_panels(root) == 1
    texts = [block.text for block in BlockIndex(root).blocks]
    assert "Install Node.js and the SDK with npm." in texts
    assert not any("internal note" in text for text in texts)


def test_a_modal_dialog_is_hidden_until_opened() -> None:
    """A modal dialog (aria-modal="true") lies over the page only once opened: a shop's terms of service
    or privacy choices behind a footer link, which a script shows; a dialog that is not modal stays."""
    html = (
        f"<html><body>{STORY}<footer><a href='#terms'>Terms of service</a>"
        "<div role='dialog' aria-modal='true' id='terms'><p>Initial arbitrations. The parties shall identify "
        "an initial set of claims.</p></div><div role='dialog'><p>A chat box that stays open.</p></div>"
        "</footer></body></html>"
    )
    texts = _blocks(html)
    assert not any("Initial arbitrations" in text for text in texts)
    assert "A chat box that stays open." in texts
    assert any("A paragraph of the story" in text for text in texts)


def test_selector_survives_odd_attributes() -> None:
    tree = lxml.html.fromstring('<html><body><div class="  " id=" "><p class="\t">x</p></div></body></html>')
    assert selector(tree.find(".//p")) == "div > p"


def test_odd_attributes_extract_without_error() -> None:
    html = (
        '<html><body><article class=" " id=""><h1 class="   ">Title words here</h1>'
        f'<p class="{"x" * 100_000}" data-x="">Body text of the page, long enough to count as a paragraph.</p>'
        '<svg:rect xmlns:svg="http://www.w3.org/2000/svg"/><p id="  ">More body text follows here.</p></article></body></html>'
    )
    article = extract(html.encode(), "https://example.com/a/odd-attributes")
    assert "More body text follows here." in article.body


def test_chinese_and_japanese_words_are_counted_without_spaces() -> None:
    from pipelines.extraction.page import analyse_page
    from pipelines.extraction.whitespace import count_words

    assert count_words("two words") == 2 and count_words("한국어 문장입니다") == 2  # Hangul is spaced
    assert count_words("東京の図書館は来月から平日の夜九時まで開館します。") == 1 + 24 // 2
    paragraph = "市立図書館は来月から平日の夜九時まで開館すると発表した。" * 4
    page = analyse_page(f"<html><body><h1>図書館</h1><p>{paragraph}</p></body></html>", "https://example.jp/a")
    assert [b.words for b in page.segmentation.blocks] == [1 + 1, 1 + 108 // 2]  # 112 characters, 4 of them "。"
    assert extract(f"<html><body><p>{paragraph}</p></body></html>", "https://example.jp/b").word_count == 4 + 54


def test_accordion_and_tab_panels_are_content_other_hidden_elements_are_not() -> None:
    html = (
        "<html><body><main><h1>Walnut desk lamp</h1><p>A lamp turned from one piece of walnut, with a linen shade.</p>"
        '<button aria-expanded="false" aria-controls="care-panel">Care</button>'
        '<div id="care-panel" role="region" aria-hidden="true">'
        "<p>Wipe the walnut with a dry cloth and oil it twice a year with a food-safe finish.</p>"
        "<p hidden>Internal stock note that no reader ever sees.</p></div>"
        '<div role="tablist"><button role="tab" aria-controls="tab-a tab-b">Sizes</button></div>'
        '<div id="tab-b" hidden><p>The lamp stands forty centimetres tall and weighs one kilogram.</p></div>'
        '<div id="promo" style="display: none"><p>A hidden panel nothing opens stays hidden.</p></div>'
        "</main></body></html>"
    )
    root = lxml.html.fromstring(html)
    assert reveal_collapsed_panels(root) == 2
    texts = [block.text for block in BlockIndex(root).blocks]
    assert any(text.startswith("Wipe the walnut") for text in texts)
    assert any(text.startswith("The lamp stands forty") for text in texts)
    assert not any("Internal stock note" in text or "nothing opens" in text for text in texts)
    assert "Wipe the walnut" in extract(html, "https://example.org/lamps/walnut").body


def test_an_accordion_panel_hidden_by_its_collapse_wrapper_is_shown_but_not_the_wrappers_neighbours() -> None:
    """A collapse component hides a wrapper around the panel the button names (Chakra's
    <div class="chakra-collapse" style="display:none"><style/><div id=panel>): the wrappers that hold
    nothing but the panel go too, up to the ancestors of its button; a hidden drawer holding the panel
    and more stays hidden."""
    html = (
        "<html><body><main><h1>Summit fire pit</h1><div class='accordion'>"
        '<button aria-expanded="false" aria-controls="panel-1">Description</button>'
        '<div class="collapse" style="overflow:hidden;display:none"><style>.x{color:red}</style>'
        '<div id="panel-1" role="region">Our most advanced fire pit lights in seconds and burns clean.</div></div>'
        '<button aria-expanded="false" aria-controls="panel-2">Shipping</button>'
        '<div class="drawer" style="display:none"><p>Internal note beside the panel.</p>'
        '<div id="panel-2" role="region">Ships in two days.</div></div>'
        "</div></main></body></html>"
    )
    root = lxml.html.fromstring(html)
    reveal_collapsed_panels(root)
    texts = [block.text for block in BlockIndex(root).blocks]
    assert "Our most advanced fire pit lights in seconds and burns clean." in texts
    assert not any("Internal note" in text or "Ships in two days" in text for text in texts)


def test_a_title_a_box_names_as_its_label_is_shown_though_hidden_from_screen_readers() -> None:
    """A call-to-action box labelled by its own title (`aria-labelledby`) hides that title from screen
    readers (`aria-hidden`) so they do not read it twice; on screen it heads the box. Other aria-hidden
    text, a title outside the box and a title hidden by its style stay hidden."""
    html = (
        "<html><body><main><h1>Content trends</h1><p>Search is changing how readers find articles.</p>"
        '<section aria-labelledby="cta-1 cta-2"><div id="cta-1" aria-hidden="true">Monitor your visibility with '
        'Acme</div><div id="cta-2" style="display:none" aria-hidden="true">Invisible subtitle</div>'
        '<span aria-hidden="true">Decorative arrow text</span><a href="/demo">Get a demo</a></section>'
        '<p id="outside" aria-hidden="true">A title outside the box it labels</p>'
        '<section aria-labelledby="outside"><a href="/trial">Start a trial</a></section>'
        "</main></body></html>"
    )
    root = lxml.html.fromstring(html)
    assert reveal_labelling_titles(root) == 2  # cta-1, and cta-2 loses aria-hidden but keeps its style
    texts = [block.text for block in BlockIndex(root).blocks]
    assert "Monitor your visibility with Acme" in texts
    assert not any("Invisible" in t or "Decorative" in t or "outside the box" in t for t in texts)
    from pipelines.extraction.page import analyse_page

    page = analyse_page(html, "https://acme.example/blog/trends")  # the pass runs before the page is indexed
    assert "Monitor your visibility with Acme" in [b.text for b in page.segmentation.blocks]


def test_block_features_count_the_repeated_siblings_of_a_block_and_its_containers():
    import math

    from pipelines.extraction.features import FEATURE_NAMES
    from pipelines.extraction.page import analyse_page

    html = (
        "<html><body><article><h1>Lamps</h1>"
        + "".join(f"<p>Paragraph {i} of the article, long enough to read.</p>" for i in range(3))
        + "</article><ul class='teasers'>"
        + "".join(
            f"<li class='teaser'><div class='card'><a href='/t/{i}'>Teaser {i} title here</a></div></li>"
            for i in range(6)
        )
        + "<li class='more'><a href='/all'>All teasers</a></li></ul></body></html>"
    )
    page = analyse_page(html, "https://example.org/lamps")
    texts = [b.text for b in page.segmentation.blocks]
    columns = [FEATURE_NAMES.index(f"repeat_up{level}") for level in range(4)]

    def repeats(prefix: str) -> list[float]:
        row = page.features[next(i for i, t in enumerate(texts) if t.startswith(prefix))]
        return [round(math.exp(row[c])) for c in columns]

    assert repeats("Paragraph 1") == [3, 1, 1, 1]  # three <p> under the <article>
    assert repeats("Teaser 2") == [1, 1, 6, 1]  # the link, its card, then the <li class=teaser>: six of them
    assert repeats("All teasers") == [1, 1, 1, 1]  # a different class: no repeat


def test_a_subtree_index_reads_kind_and_links_from_the_ancestors_outside_it() -> None:
    """An index over part of a page (`segment_page` on one element) sees the link or button around it."""
    html = (
        '<html><body><a class="btn" href="/buy"><div id="call"><p>Buy the book</p></div></a>'
        '<a href="/story"><header><div id="card"><h2>Council approves the bridge</h2>'
        "<p>The vote was close and the engineers were pleased with the result.</p></div></header></a></body></html>"
    )
    tree = lxml.html.fromstring(html)
    whole = {b.text: (b.kind, b.linked) for b in BlockIndex(tree).blocks}
    assert whole["Buy the book"] == ("action", True)
    assert whole["Council approves the bridge"] == ("heading", True)
    for part in ("call", "card"):
        inside = BlockIndex(tree.get_element_by_id(part)).blocks
        assert inside and all((b.kind, b.linked) == whole[b.text] for b in inside)


def test_selector_read_from_a_subtree_index_names_the_ancestors_outside_it() -> None:
    tree = lxml.html.fromstring(
        '<html><body><main id="content"><div class="story"><section id="part"><p class="lead">Text</p>'
        "</section></div></main></body></html>"
    )
    lead = tree.find(".//p")
    expected = "main#content > div.story > section#part > p.lead"
    assert selector(lead) == expected
    assert selector(lead, BlockIndex(tree)) == expected
    assert selector(lead, BlockIndex(tree.get_element_by_id("part"))) == expected


def test_the_index_finds_every_element_s_visible_text_as_the_tree_walk_does() -> None:
    """`BlockIndex.text` (block texts reused, plain subtrees read in one call) is `visible_text` for every
    element of the segmentation fixtures: hidden parts dropped, a space where block-level elements meet."""
    from pathlib import Path

    from pipelines.extraction.blocks import visible_text
    from pipelines.extraction.parse import parse_html

    for path in sorted((Path(__file__).parent / "fixtures" / "segmentation").glob("*.html"))[:12]:
        tree = parse_html(path.read_bytes())
        wrap_loose_text(tree)
        index = BlockIndex(tree)
        for el in tree.iter():
            assert index.text(el) == visible_text(el, index.hidden), (path.name, el.tag)


def test_an_element_whose_words_are_all_in_block_level_blocks_is_read_from_them() -> None:
    """The blocks' texts joined by spaces, without a walk, where that is what the walk finds; inline
    blocks side by side ("Buy<span>Now</span>"), a hidden part and loose text keep the walk's answer."""
    from pipelines.extraction.blocks import visible_text

    tree = lxml.html.fromstring(
        "<html><body><footer id='f'><h3>About</h3>\n <ul><li>One <b>two</b></li><li>Three</li></ul>"
        "<p hidden>Gone</p><p>Four</p></footer>"
        "<div id='inline'><span>Buy</span><span>Now</span><p>Five</p></div>"
        "<div id='loose'><p>Six</p><ul>seven<li>Eight</li></ul></div></body></html>"
    )
    index = BlockIndex(tree)
    footer, inline, loose = (tree.get_element_by_id(name) for name in ("f", "inline", "loose"))
    assert index._blocks_text_at(index.order[footer]) == "About One two Three Four"
    assert index._blocks_text_at(index.order[inline]) is None  # "BuyNow": the walk joins them
    assert index._blocks_text_at(index.order[loose]) is None  # "seven" lies in no block
    for el in tree.iter():
        assert index.text(el) == visible_text(el, index.hidden), el.tag


def test_a_button_that_swallowed_the_page_is_unwrapped_a_real_button_stays() -> None:
    """`<button><div><div></button>`: a browser closes the button at its end tag, libxml2 keeps it
    open around the rest of the page, which read as one button."""
    html = (
        "<html><body><header><button class='menu-button'><div class='inner'><div></button>"
        "<nav><a href='/'>Home</a> <a href='/garden'>Garden</a></nav></header>"
        f"<main><article><h1>How to start a garden</h1>{STORY}</article></main>"
        "<footer><p>All rights reserved, Example Media.</p></footer>"
        "<button class='subscribe'><span>Subscribe</span></button></body></html>"
    )
    tree = lxml.html.fromstring(html)
    index = BlockIndex(tree)
    assert [b.kind for b in index.blocks if b.text] == ["action"]  # misparsed: one button
    assert unwrap_misnested_buttons(index)
    blocks = [(b.kind, b.text) for b in BlockIndex(tree).blocks if b.text]
    assert ("heading", "How to start a garden") in blocks
    assert any(kind == "text" and "A paragraph of the story" in text for kind, text in blocks)
    assert ("action", "Subscribe") in blocks  # a button holding phrasing content is a button
    article = extract(html, "https://example.com/garden/how-to-start-a-garden")
    assert "A paragraph of the story" in article.body
    assert "All rights reserved" not in article.body


def test_block_features_mark_reference_entries_and_disclaimers_but_not_prose_citing_a_study():
    """Item 5 of the extraction issue: a reference list, a "Citation:" line and a site's advice
    disclaimer close many articles and are not their text; the scorer reads them from these columns."""
    from pipelines.extraction.features import FEATURE_NAMES
    from pipelines.extraction.page import analyse_page

    prose = "Plant-based diets lower the risk of heart disease, a large review (Satija et al., 2017) found last year."
    references = [
        "Clem J, et al. (2021). A look at plant-based diets. https://pmc.ncbi.nlm.nih.gov/articles/PMC8210981/",
        "Gan ZH, et al. (2021). Association between plant-based dietary patterns and risk of disease.",
        "FinLink. “Trusted Marketplace for Financial Professionals.” FinLink, https://fin.link. Accessed 11 Apr. 2025.",
        "Citation: Hibernating astronauts would need smaller spacecraft (2019, November 18) retrieved 20 November 2019",
    ]
    disclaimer = (
        "This material is not intended to replace the advice of a qualified advisor. Always consult a qualified "
        "advisor before acting on it."
    )
    html = (
        "<html><body><article><h1>Plant-based diets</h1>"
        + f"<p>{prose}</p><p>Most people can start with one plant-based meal a week and add more later.</p>"
        + "<h2>References</h2><ul>"
        + "".join(f"<li>{text}</li>" for text in references)
        + f"</ul><p>{disclaimer}</p></article></body></html>"
    )
    page = analyse_page(html, "https://example.org/plant-based-diets")
    texts = [b.text for b in page.segmentation.blocks]

    def value(prefix: str, name: str) -> float:
        row = page.features[next(i for i, t in enumerate(texts) if t.startswith(prefix))]
        return float(row[FEATURE_NAMES.index(name)])

    for text in references:
        assert value(text[:20], "reference_entry") == 1.0, text
        assert value(text[:20], "disclaimer") == 0.0, text
    assert value("Plant-based diets lower", "reference_entry") == 0.0  # a study cited within a sentence
    assert value("Plant-based diets lower", "disclaimer") == 0.0
    assert value("This material", "disclaimer") == 1.0
    assert value("This material", "reference_entry") == 0.0
    assert value("Clem J", "window_references") >= 3  # a run of entries: the list
    assert value("Plant-based diets", "window_references") == 0.0  # the headline, four blocks above the list


def test_the_index_lists_a_tag_s_elements_as_iter_does() -> None:
    tree = lxml.html.fromstring(
        "<html><head><meta name='a' content='1'><script>var x;</script></head><body><h1>Title</h1>"
        "<div><button>Go</button><p>Text <time>today</time></p><h1>Second</h1><input name='q'></div>"
        "<!-- a comment --></body></html>"
    )
    index = BlockIndex(tree)
    for tag in ("meta", "script", "h1", "time", "button", "input", "table"):
        assert index.elements(tag) == list(tree.iter(tag)), tag
        assert [index.nodes[i] for i in index.positions_of(tag)] == list(tree.iter(tag)), tag
    tags = ("h1", "input", "button", "table")
    assert [index.nodes[i] for i in index.positions_of_any(tags)] == list(tree.iter(*tags))  # in document order


def test_elements_are_found_from_their_attributes_up_as_by_a_predicate() -> None:
    from lxml.etree import XPath

    from pipelines.extraction import blocks

    tree = lxml.html.fromstring(
        "<html><body><div id='a' style='color:red' aria-labelledby='b'><button aria-controls='p1' id='b'>Open</button>"
        "<section id='p1' hidden role='tabpanel'>Panel <span style='display:none'>x</span></section>"
        "<div role='tabpanel' aria-controls='p1'>Both</div><p>Loose <b>bold</b> text</p>  <div><i>i</i> tail</div>"
        "</div></body></html>"
    )
    body = tree.find("body")
    pairs = [
        (blocks._CONTROLLING_OR_TAB_PANELS, "//*[@aria-controls or @role='tabpanel']", tree),
        (blocks._WITH_ID, "//*[@id]", tree),
        (blocks._LABELLED_BOXES, "//*[@aria-labelledby]", tree),
        (blocks._STYLED, "descendant::*[@style]", body),
        (blocks._LOOSE_TEXT_CANDIDATES, "descendant-or-self::*[*][text()[normalize-space()]]", tree),
    ]
    for fast, predicate, root in pairs:
        assert fast(root) == XPath(predicate)(root), predicate
        assert fast(root), predicate


def test_tag_counts_are_the_elements_of_each_tag_without_comments() -> None:
    tree = lxml.html.fromstring(
        "<html><body><!-- a note --><p>One</p><div><p>Two <a href='/x'>link</a></p><?php echo 1; ?></div>"
        "<p hidden>Three</p></body></html>"
    )
    counts = BlockIndex(tree).tag_counts()
    assert counts == {"html": 1, "body": 1, "p": 3, "div": 1, "a": 1}


def test_a_german_advice_disclaimer_is_marked_as_one():
    from pipelines.extraction.features import FEATURE_NAMES
    from pipelines.extraction.page import analyse_page

    disclaimer = "Dieser Artikel dient ausschließlich der allgemeinen Information und ersetzt keine ärztliche Beratung."
    prose = "Eine pflanzliche Ernährung senkt das Risiko für Herzkrankheiten, wie eine große Übersichtsarbeit zeigt."
    html = f"<html><body><article><h1>Pflanzlich essen</h1><p>{prose}</p><p>{disclaimer}</p></article></body></html>"
    page = analyse_page(html, "https://example.org/pflanzlich-essen")
    texts = [b.text for b in page.segmentation.blocks]
    column = FEATURE_NAMES.index("disclaimer")
    assert page.features[texts.index(disclaimer)][column] == 1.0
    assert page.features[texts.index(prose)][column] == 0.0
