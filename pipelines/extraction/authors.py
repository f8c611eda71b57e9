"""Authors as person names only.

Declared authors (JSON-LD `author`, `<meta name=author>` and its kin) come first, then
the page's byline (`rel=author`, `itemprop=author`, class `byline`/`author`, links to
author pages, a text starting "By"). Every value is cut down to names: a byline reads
"By Keith Barry, Senior Autos Reporter | Published May 2", so a name ends where a job
title, "Published", a date or a separator begins; what is left must look like a person's
name and must not be the site's name, a section or an e-mail address.
"""

from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from lxml.etree import XPath
from lxml.html import HtmlElement

from . import cues
from .blocks import HEADING_TAGS, BlockIndex, class_words
from .dates import TEXT_DATE, headline_texts
from .pagefacts import PageFacts, clean_text, is_site_name, node_name, texts_outside
from .parse import repaired
from .urls import join_url, split_url

_LEAD = re.compile(cues.AUTHOR_LEAD_PATTERN, re.I)
_NOT_AUTHOR = re.compile(cues.NOT_AUTHOR_PATTERN, re.I)
_SPLIT = re.compile(cues.AUTHOR_SPLIT_PATTERN, re.I)
#: Where a block element of a byline starts or ends (`_pieces_text`): a name does not run across it.
_MARK = "\u00a6"
_BLOCK_MARK = f" {_MARK} "
#: Where the site's name stood in a byline (`_without_site_names`).
_SITE_MARK = "\u00b6"
#: Where a list item starts or ends in `_pieces_text` (a comma once runs of marks are folded).
_ITEM_MARK = "\ue000"
_PIECE_RUN = re.compile(f" ?[{_MARK}{_ITEM_MARK}](?: ?[{_MARK}{_ITEM_MARK}])* ?")  # on folded spaces: linear
_DATED_SINGLE = re.compile(r"\s*by:?\s+\w+\s*(?:[|·•," + _MARK + r"\u2013\u2014-]|\s(?:on|at|in|\d))", re.I)
_LAST_FIRST = re.compile(r"^([^,\s]+(?: [^,\s]+)?),\s*([^,\s]+(?: [^,\s.]+\.?)?)$")
_VERB_BY = re.compile(r"\s*\w+\s+by\b", re.I)
_INNER_LEAD = re.compile(cues.AUTHOR_INNER_LEAD_PATTERN, re.I)
_JOB = re.compile(cues.AUTHOR_JOB_PATTERN, re.I)
_CREDENTIAL = re.compile(cues.AUTHOR_CREDENTIAL_PATTERN)
_NOT_A_NAME_VALUE = re.compile(cues.NOT_AUTHOR_VALUE_PATTERN)
_AUTHOR_LABEL = re.compile(cues.META_AUTHOR_LABEL_PATTERN, re.I)
_NOT_WRITER_LABEL = re.compile(cues.NOT_WRITER_LABEL_PATTERN, re.I)
_NOT_WRITER_LEAD = re.compile(cues.NOT_WRITER_LEAD_PATTERN, re.I)
_NOT_WRITER_BEFORE = re.compile(cues.NOT_WRITER_BEFORE_PATTERN, re.I)
_SEPARATOR_ONLY = re.compile(cues.BYLINE_RUN_SEPARATOR_PATTERN, re.I)
_TOKEN_STRIP = ".,:;!?()[]\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
_APOSTROPHES = "'\u2019"
_POSSESSIVES = ("'s", "\u2019s")
_NOT_CREDIT = re.compile(cues.CREDIT_NOT_PATTERN, re.I)
_COLLECTIVE = re.compile(cues.COLLECTIVE_AUTHOR_PATTERN, re.I)
_FIRST_PERSON_BIO = re.compile(cues.PORTRAIT_FIRST_PERSON_PATTERN, re.I)
_SPONSOR = re.compile(cues.SPONSOR_LEAD_PATTERN, re.I)
_WIRE = re.compile(cues.AUTHOR_WIRE_PATTERN, re.I)
#: A name between a given name and a surname in brackets: "Paramita (Guha) Ghosh".
_NAME_IN_BRACKETS = re.compile(r"\([A-Z][\w'\u2019-]*\)")
_ORGANIZATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand"})


def _is_capitalized_name(words: list[str]) -> bool:
    """Two to MAX_AUTHOR_WORDS words, each capitalized (or a particle, or in a caseless script)."""
    if not 2 <= len(words) <= cues.MAX_AUTHOR_WORDS:
        return False
    for word in words:
        if word.lower() in cues.NAME_PARTICLES:
            continue
        first = word[1] if _NAME_IN_BRACKETS.fullmatch(word) else word[0]
        if not (first.isalpha() or first in _APOSTROPHES) or first.islower():
            return False
    return True


def _next_to_digit(tokens: list[str], index: int) -> bool:
    return any(any(ch.isdigit() for ch in tokens[i]) for i in (index - 1, index + 1) if 0 <= i < len(tokens))


def _words(piece: str) -> list[str]:
    """The first run of name words in a byline piece.

    Labels, dates and separators before the name are skipped ("Dec. 19, 2025 · Niko
    Matsakis"); the name ends where a job title, a label, a date or a separator begins.
    An initial keeps its period ("A. J. Neal").
    """
    words: list[str] = []
    tokens = piece.split()
    for index, token in enumerate(tokens):
        bare = token.strip(_TOKEN_STRIP)
        if len(bare) <= 3 and token.rstrip(",;:|").endswith(".") and bare[:1].isupper():
            bare += "."  # an initial or an abbreviation: "J.", "Dr.", "Jr."
        lowered = bare.lower().rstrip(".")
        if lowered in cues.MONTH_GIVEN_NAMES and not _next_to_digit(tokens, index):
            lowered = ""  # "April Fulton" is a name, "April 3, 2024" a date
        if words and len(words) >= 2 and token.startswith(("(", "[")):
            break  # "Lance Ryan (Content Manager)", "Jean-Luc Aufranc (CNXSoft)": a note after the name
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if len(words) == 1 and _NAME_IN_BRACKETS.fullmatch(token) and following[:1].isupper():
            words.append(token)  # "Paramita (Guha) Ghosh": a maiden name or a nickname, as the page writes it
            continue
        if (
            not bare
            or lowered in cues.AUTHOR_STOP_WORDS
            or lowered == "by"
            or "@" in bare
            or any(ch.isdigit() for ch in bare)
        ):
            if words:
                break
            continue
        if token[-1] == ":":
            return []  # "JUMP TO:", "Contact us:": a label whose value follows, no name
        if bare.endswith(_POSSESSIVES):
            return []  # "Read Wendi Weiner's articles in HuffPost": a name in a sentence, no byline
        words.append(bare)
        if token[-1] in ",;|":
            break
    return words


def _without_site_names(text: str, facts: PageFacts) -> str:
    """The byline without the site's name in it ("Brian Truitt USA TODAY" -> "Brian Truitt")."""
    for name in facts.site_names:
        if len(name) >= 3:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", f" | {_SITE_MARK} | ", text, flags=re.I)
    return text


def person_names(value: str, facts: PageFacts, declared: bool = False, site: bool = False) -> list[str]:
    """The person names in a byline or an author value, in order, without titles or labels.

    A byline from the markup must give capitalized names of two words or more that are not
    the site's name (unless `site`: a personal site is named after its author). A `declared`
    author value (JSON-LD, meta) is taken as the page states it: one word or lowercase is
    accepted ("kirstin boatto"), but not the site's name.
    """
    if len(value) > cues.MAX_AUTHOR_VALUE_CHARS:
        return []  # a whole page in an author field: no byline, and not worth unescaping
    unescaped = html.unescape(value) if "&" in value else value  # "Maria &amp; Katerina": escaped twice
    text = clean_text(
        _MARK.join(repaired(part) for part in unescaped.split(_MARK))
    )  # a mark is no UTF-8 read as Latin-1
    if not text or len(text) > 300:
        return []
    if declared and _NOT_A_NAME_VALUE.search(text):
        return []
    if _SPONSOR.match(text):
        return []  # "Sponsored by StackCommerce": a sponsor, no writer
    text = _WIRE.sub(" | ", text)  # "Tom Davies Associated Press": the name ends where the agency begins
    if declared and (verb := _VERB_BY.match(text)):
        text = text[verb.end() :]  # "Analysis by Chris Cillizza, CNN Editor-at-large": the name follows "by"
    led = False
    lead = inner = None
    if not declared:
        inner = _INNER_LEAD.search(text)
        if inner and len(text[: inner.start()].split()) <= cues.MAX_INNER_LEAD_WORDS:
            text = text[inner.end() :]  # "This post was written by Danielle Padula, Head of ..."
        else:
            inner = None
        stripped = text if site else _without_site_names(text, facts)
        lead = _LEAD.match(text)
        # "Posted by David", "by Amanda · Dec 20": one word is a name after a verb and "by", or
        # after "by" when a date or separator follows ("By Functionality" alone is a heading)
        led = stripped == text and bool(
            (inner and inner.start() == 0) or (lead and (_VERB_BY.match(lead.group(0)) or _DATED_SINGLE.match(text)))
        )
        text = stripped
        if lead and text[lead.end() : lead.end() + 1].islower():
            return []  # "By checking out, you agree to our Terms and Privacy Policy": prose
        if text.rstrip().endswith(":"):
            return []  # "Charity ID:", "Contact:": a label whose value follows, no name
    names: list[str] = []
    previous = ""
    named_block = None
    read = False
    blocks = _LEAD.sub("", text).split(_MARK)
    pieces = [(block, piece, joined) for block, part in enumerate(blocks) for piece, joined in _joined_pieces(part)]
    last_named = -1
    filled = [piece for _, piece, _ in pieces if _LEAD.sub("", piece.strip()).strip(" |")] if site else []
    for index, (block, piece, joined) in enumerate(pieces):
        if named_block is not None and block > named_block:
            if not declared and not site:
                names.extend(_card_run_names(blocks[named_block + 1 :], facts))
            break  # "Name</div><div>Content Marketing Coordinator": the block after a name holds no more names
        if names and _JOB.search(piece):
            if joined and len(names) > 1 and last_named == index - 1:
                names.pop()  # "Nicole Forbes, Master Horticulturalist & Garden Educator": both are her roles
            break  # "Name, Senior Director, Content & Marketing, Company", "Name, Contributor": the rest is no name
        piece = _LEAD.sub("", piece.strip()).strip(" |")
        if piece == _SITE_MARK or (piece and not site and is_site_name(piece, facts, loose=False)):
            if (lead or inner) and not read:  # "Written by Model Remodel</p><p>Understanding ...": the name read
                named_block = block
            read = True
            continue
        read = read or bool(piece)
        if index == 1 and not names and not declared and len(previous.split()) > cues.MAX_PROSE_PIECE_WORDS:
            break  # "How an Insurance Company ... Can Support Your Business and Auto Needs": a headline
        previous = piece
        if not piece or _NOT_AUTHOR.search(piece) or (not site and is_site_name(piece, facts, loose=False)):
            continue
        words = _words(piece)
        while len(words) > 1 and words[0].lower().rstrip(".") in cues.NAME_HONORIFICS:
            words = words[1:]  # "Dr. Ehsan Jazini" -> "Ehsan Jazini"
        if not words or len(words) > cues.MAX_AUTHOR_WORDS or (declared and _cut_to_one_word(words, piece)):
            continue
        name = " ".join(words)
        if _NOT_AUTHOR.search(name) or _CREDENTIAL.match(name):
            continue
        if site:
            if len(filled) > 1:
                break  # "Posted by: Laura / House Plant House": a person beside the site's name, not the site
            if (lead or inner) and len(words) <= 3 and _is_capitalized_name(words) and _names_host(words, facts):
                names.append(name)
                named_block = block
            continue
        if is_site_name(name, facts, loose=False):
            continue
        if declared and names and _names_outlet(words, name, names, facts):
            continue
        if declared or _is_capitalized_name(words) or (led and index == 0 and _is_single_name(words, piece)):
            names.append(name)
            named_block = block
            last_named = index
    return list(dict.fromkeys(names))


def _card_run_names(blocks: list[str], facts: PageFacts) -> list[str]:
    """The names of the author cards after a first one: "Ana Lima | Staff Engineer | DW | Dana Whitfield | Director".

    After a name the byline may go on with its job title and another writer's card: a block that is
    a job title, then (past at most CARD_RUN_SKIPPED_BLOCKS short blocks: avatar initials) a block that
    is one capitalized name and is followed by a job title too. Anything else ends the run: "Ana Lima |
    Senior Writer | Read More" names Ana Lima alone.
    """
    names: list[str] = []
    at = 0
    while at < len(blocks) and _JOB.search(blocks[at]):
        at += 1
        for skipped in range(cues.CARD_RUN_SKIPPED_BLOCKS + 1):
            if at >= len(blocks):
                return names
            found = [] if _JOB.search(blocks[at]) else person_names(blocks[at], facts)
            if len(found) == 1 and found[0] == clean_text(blocks[at]):
                break
            if skipped == cues.CARD_RUN_SKIPPED_BLOCKS or len(blocks[at].split()) > cues.CARD_RUN_SKIPPED_WORDS:
                return names
            at += 1
        if at + 1 >= len(blocks) or not _JOB.search(blocks[at + 1]):
            return names
        names.extend(found)
        at += 1
    return names


def _joined_pieces(part: str) -> list[tuple[str, bool]]:
    """The byline part split at AUTHOR_SPLIT_PATTERN, each piece with whether "&" or "and" joins it to the one before."""
    pieces: list[tuple[str, bool]] = []
    start, joined = 0, False
    for match in _SPLIT.finditer(part):
        pieces.append((part[start : match.start()], joined))
        joined = match.group(0).strip().lower() in cues.AUTHOR_CONJUNCTIONS
        start = match.end()
    pieces.append((part[start:], joined))
    return pieces


def _names_outlet(words: list[str], name: str, names: list[str], facts: PageFacts) -> bool:
    """A declared value's part after a person's name that names the outlet: "Jill Disis, CNN Business" on CNN,
    "Victor Tangermann, Futurism" (one capitalized word after a full name; a credential in capitals stays a
    credential's business).
    """
    if is_site_name(name, facts, loose=True):
        return True
    word = words[0] if len(words) == 1 else ""
    return word.isalpha() and word[:1].isupper() and not word.isupper() and len(names[-1].split()) >= 2


def _cut_to_one_word(words: list[str], piece: str) -> bool:
    """One word left of a run that a job or role word ended: "Community Editor" is a role, not the person "Community".

    A name alone ("Krystyna") or set off by punctuation ("Krystyna, Editor") stands.
    """
    tokens = piece.split()
    return len(words) == 1 and len(tokens) > 1 and tokens[0] == words[0]


def _names_host(words: list[str], facts: PageFacts) -> bool:
    """A personal site: the first and the last word of the name are in the host ("Damien Walter", damiengwalter.com)."""
    host = (facts.host or "").lower()
    return is_site_name(" ".join(words), facts, loose=False) and all(w.lower() in host for w in (words[0], words[-1]))


def _is_single_name(words: list[str], piece: str) -> bool:
    """One capitalized word right after "By": "Posted by David at ...", "Posted by BeauHD on ..."."""
    word = words[0] if len(words) == 1 else ""
    return len(word) >= 3 and word[0].isupper() and word.isalpha() and piece.split()[0].strip(_TOKEN_STRIP) == word


def _declared_site_persons(values: list[str], facts: PageFacts) -> list[str]:
    """Declared authors that are the site's name and shaped like a person's ("Rick Steves" on his site).

    A value written in lower case ("annette thurmon") is the site's name as the site writes it.
    """
    names = []
    for value in values:
        words = _words(clean_text(value))
        if not is_site_name(" ".join(words), facts, loose=False) or _NOT_AUTHOR.search(clean_text(value)):
            continue  # "The Organized Mama": a site, however a person's name it reads
        if not _is_capitalized_name(words):
            key = " ".join(words).casefold()
            words = next((site.split() for site in facts.site_names if site.casefold() == key), [])
        if _is_capitalized_name(words):
            names.append(" ".join(words))
    return list(dict.fromkeys(names))


def _node_by_id(facts: PageFacts, node_id: str) -> dict | None:
    """The JSON-LD node with this @id (a reference in one node to another of the page's graph)."""
    for _, node in facts.nodes:
        if node.get("@id") == node_id and ("name" in node or "@type" in node):
            return node
    return None


def _jsonld_authors(facts: PageFacts) -> tuple[list[str], list[str]]:
    """The JSON-LD article's author names, and the names of the authors it types as organizations."""
    if facts.article is None:
        return [], []
    value = facts.article.get("author") or facts.article.get("creator")
    values: list[str] = []
    organizations: list[str] = []
    for item in (value if isinstance(value, list) else [value])[:20]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = _node_by_id(facts, item["@id"]) or item  # Yoast: "author": {"@id": ".../#/schema/person/..."}
        if isinstance(item, dict):
            kinds = item.get("@type")
            if ({*kinds} if isinstance(kinds, list) else {kinds}) & _ORGANIZATION_TYPES:
                organizations.append(clean_text(node_name(item) or ""))
                continue
        name = node_name(item)
        if name:
            values.append(name)
    return values, organizations


def _meta_values(facts: PageFacts) -> list[str]:
    """The values of the first author meta name that has any (citation_author: one tag per author).

    One tag per author often reads "Last, First" (Highwire/Dublin Core): it becomes "First Last".
    """
    for key in cues.META_AUTHOR_NAMES:
        values = [v for v in facts.meta.get(key, ()) if v and not v.startswith(("http", "/"))]
        if values:
            if key in cues.META_AUTHOR_INVERTED_NAMES:
                values = [_LAST_FIRST.sub(r"\2 \1", value) for value in values]
            return values
    for label, data in cues.META_LABELLED_DATA:  # twitter:label1 "Written by", twitter:data1 "Name"
        labels, values = facts.meta.get(label, ()), facts.meta.get(data, ())
        if labels and values and _AUTHOR_LABEL.match(labels[0].strip()) and values[0]:
            return [values[0]]
    return []


def _pieces_text(element: HtmlElement) -> str:
    """The element's text, `_BLOCK_MARK` where a block element (BYLINE_PIECE_TAGS) starts or ends, " , " between list items.

    A name ends with its element: "By Shaoni Mukherjee</a></p><p>Technical Writer" is the
    name, then a job title, not one run of words (`person_names` reads no block after the
    one that named someone). Text in an SVG (an avatar's initials) is skipped. An element
    of many more words than a byline has is a bio or a section: its plain text tells that.
    """
    plain = " ".join(element.itertext())
    if len(plain.split()) > cues.MAX_BYLINE_WORDS + cues.BYLINE_PIECES_SLACK_WORDS:
        if element.find(".//style") is None and element.find(".//script") is None:
            return plain
        plain = " ".join(texts_outside(element, cues.BYLINE_SKIPPED_TAGS))  # CSS-in-JS: <style> beside each name
        if len(plain.split()) > cues.MAX_BYLINE_WORDS + cues.BYLINE_PIECES_SLACK_WORDS:
            return plain
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag is not None and tag not in cues.BYLINE_SKIPPED_TAGS:
                boundary = _ITEM_MARK if tag == "li" else _BLOCK_MARK if tag in cues.BYLINE_PIECE_TAGS else " "
                parts.append(boundary)
                if child.text:
                    parts.append(child.text)
                walk(child)
                parts.append(boundary)
            if child.tail:
                parts.append(child.tail)

    if element.text:
        parts.append(element.text)
    walk(element)
    folded = " ".join("".join(parts).split())  # templates indent with thousands of spaces
    return _PIECE_RUN.sub(_first_mark, folded).strip(_BLOCK_MARK + ", ")


def _first_mark(match: re.Match[str]) -> str:
    """A run of boundaries is one: a list item's comma, else a block's end."""
    return " , " if _ITEM_MARK in match.group(0) else _BLOCK_MARK


def _element_text(element: HtmlElement) -> str:
    """The element's text in pieces (`_pieces_text`): "Gary Marcus<div>Dec 14</div>" is two parts."""
    named = element.find('.//*[@itemprop="name"]')
    if named is not None:
        return named.get("content") or " ".join(named.itertext())
    return _pieces_text(element)


def _is_noise(element: HtmlElement) -> bool:
    """An author bio, avatar, comment or testimonial: a noise class token after the last author token, or a quote's."""
    for value in (element.get("class"), element.get("id")):
        tokens = class_words(value)
        if not cues.QUOTED_CLASS_TOKENS.isdisjoint(tokens):
            return True  # "Quote_author", "testimonial-author": who said a quoted line, not who wrote the page
        for token in reversed(tokens):
            if token in cues.AUTHOR_NOISE_CLASS_TOKENS:
                return True
            if token in cues.AUTHOR_CLASS_TOKENS:
                break
    return False


def _byline_text(element: HtmlElement) -> str:
    """The byline's text; for a bare label ("Written by") the text around it.

    A link reading only a label ("Contributors" to /about/contributors/) is a menu entry, not a
    label: the menu entry after it is no name; an empty element is no label either.
    """
    text = _element_text(element)
    if element.tag == "a" or not text.strip():
        return text  # an empty author field ("blog-author-name w-dyn-bind-empty") names no one
    for _ in range(2):
        if _LEAD.sub("", clean_text(text)):
            break
        following = element.getnext()
        for _ in range(3):  # the name may come after an avatar: "Written by: <picture/> <span>Name</span>"
            if following is None:
                break
            after = "" if following.tag in cues.BYLINE_SKIPPED_TAGS else _element_text(following)
            if after.strip():
                return text + " " + after
            following = following.getnext()
        else:
            following = None
        if element.getnext() is not None:
            return text
        if element.getparent() is None:
            break
        element = element.getparent()
        text = _element_text(element)
    return text


def _placement(element: HtmlElement) -> int:
    """0: in the page's body; 1: inside a menu, footer or sidebar; 2: inside comments.

    Comments always disqualify (a commenter is no author). Menus and footers only rank a
    candidate lower: the parser nests a whole page inside an unclosed <nav> often enough.
    """
    worst = 0
    node = element.getparent()
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in cues.BYLINE_EXCLUDED_TAGS or node.get("role") == "navigation":
            worst = 1
        for value in (node.get("class"), node.get("id")):
            tokens = set(class_words(value)) if value else set()
            if tokens & cues.BYLINE_COMMENT_CLASS_TOKENS:
                return 2
            if tokens & cues.BYLINE_EXCLUDED_CLASS_TOKENS:
                worst = 1
        node = node.getparent()
    return worst


def _in_menu(element: HtmlElement) -> bool:
    """Inside a menu (<nav>, role=navigation, a menu/nav/dropdown class), where "By Industry" heads a list."""
    node = element.getparent()
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in ("nav", "menu") or node.get("role") == "navigation":
            return True
        if set(class_words(node.get("class"))) & cues.BYLINE_MENU_CLASS_TOKENS:
            return True
        node = node.getparent()
    return False


def _footer_heading(element: HtmlElement) -> bool:
    """A heading inside the page's footer: "By Ovolo Collective" there heads a list of hotels, no byline
    (in a sidebar it may be the byline: "<aside><h6>Author(s) John A. Alic, ...")."""
    if element.tag not in HEADING_TAGS:
        return False
    return any(node.tag == "footer" or "footer" in class_words(node.get("class")) for node in element.iterancestors())


def _menu_entry(element: HtmlElement) -> bool:
    """A link that is a list item of its own ("<li><a href=/author/x>Hong Kong Actuary</a></li>"): a menu's entry."""
    parent = element.getparent()
    return element.tag == "a" and parent is not None and parent.tag == "li" and len(parent) == 1


def _byline_candidates(index: BlockIndex) -> Iterator[tuple[int, HtmlElement]]:
    """Elements that may hold the byline, in document order, found lazily in one pass.

    The pass reads the tags, classes, ids and microdata the page's `BlockIndex` keeps by
    document order, so lxml is asked only for each element's text, and for the other
    attributes of the few elements that have any."""
    nodes, tags, classes, ids, itemprops, attributed = (
        index.nodes,
        index.tags,
        index.classes,
        index.ids,
        index.itemprops,
        index.attributed,
    )
    # rel="author", found by libxml2 from the attributes up: asking each element for its `rel` cost more
    rel_author = {i for i in map(index.order.get, _AUTHOR_REL(nodes[0])) if i is not None}
    for i, tag in enumerate(tags):
        if not isinstance(tag, str) or tag in ("html", "body"):
            continue  # comments, processing instructions; the page itself ("<body class='hide-article-author'>")
        element = nodes[i]
        value = classes[i]
        if value and _byline_class(value):
            yield i, element
            continue
        text = element.text
        # most texts: none, or the indentation of a child
        if text and len(text) < cues.BYLINE_TEXT_MAX_CHARS and not text.isspace():
            head = text.lstrip()[: cues.BYLINE_HEAD_CHARS].lower()
            if head.startswith(cues.BYLINE_TEXT_PREFIXES) or head.rstrip() in cues.BYLINE_BARE_LABELS:
                yield i, element
                continue
        if (
            tag == "time"
            and (tail := element.tail)
            and len(tail) < cues.BYLINE_TEXT_MAX_CHARS
            and tail.lstrip()[: cues.BYLINE_HEAD_CHARS].lower().startswith(cues.BYLINE_TEXT_PREFIXES)
            and (line := index.parent_at[i]) >= 0
            and tags[line] not in ("html", "body")  # the page itself is no byline
        ):
            yield line, nodes[line]  # "<time>March 1, 2017</time> by Ana Lima": the line around the date
        if not attributed[i]:
            continue
        declared = i in rel_author or itemprops[i] == "author"
        href = element.get("href") if tag == "a" else None
        linked = href is not None and _BYLINE_HREF.search(href) is not None
        if declared or linked or "byline" in (ids[i] or ""):
            yield i, element


#: The elements whose `rel` is "author" (`//*[@rel = 'author']`), found from their attributes up.
_AUTHOR_REL = XPath("//@rel[. = 'author']/..")
#: An href holding any of `cues.BYLINE_HREF_SUBSTRINGS`: one search instead of a substring test each.
_BYLINE_HREF = re.compile("|".join(map(re.escape, cues.BYLINE_HREF_SUBSTRINGS)))


@lru_cache(maxsize=8192)
def _byline_class(value: str) -> bool:
    """Pages repeat the same class strings hundreds of times: each is read once."""
    lowered = value.lower()
    for word in cues.NOT_BYLINE_CLASS_SUBSTRINGS:
        lowered = lowered.replace(word, " ")  # "authorized-dealer-link" names no author
    return any(cue in lowered for cue in cues.BYLINE_CLASS_SUBSTRINGS)


def _card_names(element: HtmlElement, facts: PageFacts) -> list[str]:
    """The name heading an author card or bio ("Matteo Laratta | Author ...", "This post was written by ...")."""
    if cues.AUTHOR_CARD_CLASS_TOKENS.isdisjoint(class_words(element.get("class"), element.get("id"))):
        return []
    first = next((t for t in element.itertext() if t.strip()), "")
    return (
        person_names(first, facts)
        or _colon_heading_name(first, element, facts)
        or person_names(" ".join(" ".join(element.itertext()).split()[:40]), facts)
    )


def _colon_heading_name(first: str, element: HtmlElement, facts: PageFacts) -> list[str]:
    """A card's first text that is a name and a colon, its bio after it: "<strong>David Gracey:</strong> Since
    its founding in 1998, David has grown ...". The bio must name the person again: the whole name, or its
    first or last word inside a sentence (a label, "Contact Us:", may start the bio's sentences, "Contact us ...").
    """
    text = clean_text(first)
    if not text.endswith(":"):
        return []
    text = text[:-1].strip()
    names = person_names(text, facts)
    if len(names) != 1 or names[0] != text:
        return []
    words = names[0].split()
    tokens = " ".join(element.itertext()).replace(first, " ", 1).split()[: cues.CARD_BIO_WORDS]
    if names[0] in " ".join(tokens):
        return names
    for index, token in enumerate(tokens[1:], 1):
        before = tokens[index - 1]
        inside = not before.endswith((".", "!", "?", ":")) or before.lower().rstrip(".") in cues.NAME_HONORIFICS
        if inside and token.strip(_TOKEN_STRIP) in words:
            return names  # "..., David has grown", "Mr. Gracey founded"
    return []


def _name_before(element: HtmlElement, facts: PageFacts) -> list[str]:
    """The name just before an author's bio or description ("<p>Asser Christensen</p><div class=author-description>")."""
    tokens = set(class_words(element.get("class")))
    if not tokens & cues.AUTHOR_CLASS_TOKENS or tokens & cues.BYLINE_NOT_CARD_CLASS_TOKENS:
        return []  # "review-meta": a customer's review, its title before it
    previous = element.getprevious()
    if previous is None or previous.tag in cues.BYLINE_SKIPPED_TAGS:
        return []
    text = clean_text(" ".join(previous.itertext()))
    if not text or len(text.split()) > cues.MAX_AUTHOR_WORDS:
        return []
    names = person_names(text, facts)
    return names if len(names) == 1 and names[0] == text else []


def _name_by_photo(element: HtmlElement, facts: PageFacts) -> list[str]:
    """The name an author's photo is captioned with: the first text of its card, the same as the photo's alt.

    "<div class=callout><img class='author__photo' alt='alban Brooke'></div><div><h3>Alban Brooke</h3>
    <p>Alban Brooke is the Head of Marketing ...</p>": the card's first text names the author when it reads
    what the photo's alt reads (a heading or a teaser's title after a photo reads otherwise).
    """
    photo = element if element.tag == "img" else element.find(".//img")
    alt = clean_text(photo.get("alt") or "") if photo is not None else ""
    if not alt or len(alt.split()) > cues.MAX_AUTHOR_WORDS:
        return []
    node = element
    for _ in range(cues.AUTHOR_PHOTO_CARD_LEVELS):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return []
        first = next((text for text in texts_outside(node, cues.BYLINE_SKIPPED_TAGS) if text.strip()), None)
        if first is not None:
            text = clean_text(first)
            names = person_names(text, facts) if text.casefold() == alt.casefold() else []
            return names if len(names) == 1 and names[0] == text else []
    return []


def _is_labelled(element: HtmlElement) -> bool:
    """Found only by its text ("By ..."), not by an author class, rel, itemprop or link."""
    return (
        not _byline_class(element.get("class") or "")
        and element.tag != "a"
        and not (element.get("rel") == "author" or element.get("itemprop") == "author")
    )


def _with_linked_coauthors(element: HtmlElement, names: list[str], facts: PageFacts) -> list[str]:
    """The names, and those of the other author-page links in the same byline block.

    A byline that writes a short bio after each writer ("Ana Lima, 4+ years covering laptops
    <br> Dana Whitfield, senior editor") is too long to read whole; its links to the writers'
    pages name them all.
    """
    block = element
    for _ in range(cues.BYLINE_BLOCK_LEVELS):
        block = block.getparent()
        if block is None or block.tag in ("body", "html"):
            return names
        if _byline_class(block.get("class") or "") and not _is_noise(block):
            break
    else:
        return names
    linked = [
        name
        for link in block.iter("a")
        if any(cue in (link.get("href") or "") for cue in cues.BYLINE_HREF_SUBSTRINGS)
        for name in person_names(_element_text(link), facts)
    ]
    if names[0] not in linked:
        return names
    return list(dict.fromkeys(names + linked))


def _checker_named(element: HtmlElement) -> bool:
    """The element follows a reviewer's or checker's label in its parent ("Fact checked by <a>Name</a>")."""
    previous = element.getprevious()
    if previous is None:
        parent = element.getparent()
        label = parent.text if parent is not None else None
    else:
        label = previous.tail if (previous.tail or "").strip() else previous.text_content()
    return bool(label and _NOT_WRITER_BEFORE.search(label[-40:]))


def _names_non_person(text: str, facts: PageFacts) -> str | None:
    """The name of a byline that credits the site, a team or a desk ("By Resy Staff", "Author | Venteur"), else None."""
    for part in _LEAD.sub("", clean_text(text)).split(_MARK):
        for piece in _SPLIT.split(part):
            piece = _LEAD.sub("", piece.strip()).strip(" |:")
            if not piece:
                continue
            if len(piece.split()) > cues.MAX_AUTHOR_WORDS:
                return None
            return piece if _NOT_AUTHOR.search(piece) or is_site_name(piece, facts, loose=False) else None
    return None


def _in_teaser(element: HtmlElement, facts: PageFacts) -> bool:
    """Inside another post's teaser: a small near ancestor, without the page's h1, whose heading links to another post.

    "<article><h3><a href=/other-post>...</a></h3><div>by Scott Miller</div></article>" under
    the story names the other post's writer, not this one's.
    """
    node = element
    for _ in range(cues.BYLINE_TEASER_LEVELS):
        node = node.getparent()
        if node is None or node.tag in ("body", "html") or facts.index.words_of(node) > cues.BYLINE_TEASER_MAX_WORDS:
            return False
        for heading in node.iter("h2", "h3", "h4"):
            link = heading.find(".//a[@href]")
            if (
                link is not None
                and len(link.text_content().split()) >= cues.BYLINE_TEASER_TITLE_WORDS  # a post's title, not "News"
                and _links_elsewhere(link.get("href") or "", facts.url)
            ):
                return next(node.iter("h1"), None) is None
    return False


def _mentioned_in_prose(element: HtmlElement, facts: PageFacts) -> bool:
    """A bare link to a person's page inside a sentence of prose: "US President <a href=/topics/people/
    donald-trump>Donald Trump</a> has been eager to withdraw, ..." mentions someone, it names no writer.

    Only a link found by its address alone (no author class, rel or itemprop), in a paragraph of
    more words than a byline has, and followed by the rest of its sentence (PROSE_TAIL_WORDS words or
    more, starting in lower case). A link closing a sentence ("..., says yoga therapist <a>Holly
    Wilgus</a>.") is left to the byline's reading: pages that credit only their publisher name the
    expert they quote that way."""
    if element.tag != "a" or _byline_class(element.get("class") or ""):
        return False
    if element.get("rel") == "author" or element.get("itemprop") == "author":
        return False
    tail = (element.tail or "").split()
    if len(tail) < cues.PROSE_TAIL_WORDS or not tail[0][:1].islower():
        return False
    parent = element.getparent()
    return (
        parent is not None
        and parent.tag in cues.PROSE_PARENT_TAGS
        and facts.index.words_of(parent) > cues.MAX_BYLINE_WORDS
    )


def _links_elsewhere(href: str, url: str | None) -> bool:
    """The link leads to another page than `url` (not to an anchor of it, nor to itself); a malformed
    address ("http://[post/") leads nowhere that can be told."""
    if not href or href.startswith("#"):
        return False
    if not url:
        return True
    joined = join_url(url, href)
    return joined is not None and split_url(joined).path.rstrip("/") != split_url(url).path.rstrip("/")


def _byline_authors(facts: PageFacts) -> tuple[list[str], str | None, str | None]:
    """The byline's person names, the name of a byline crediting no person ("By Resy Staff") if one comes first,
    and which reading named the persons ("byline", "card", "byline-aside", "site-person", "side-card",
    "reviewer"; None without persons)."""
    fallback: list[str] = []
    card: list[str] = []
    side_card: list[str] = []
    site_person: list[str] = []
    reviewer: list[str] = []
    reviewer_lines: set[HtmlElement] = set()
    headline = facts.index.order.get(facts.headline, 0)  # 0 without a headline (None is no element's key)
    unnamed: str | None = None
    for count, (position, element) in enumerate(_byline_candidates(facts.index)):
        if count >= cues.MAX_BYLINE_ELEMENTS:
            break
        if reviewer_lines and any(node in reviewer_lines for node in element.iterancestors()):
            continue  # the name in "Fact checked by <span class=author-name>Ana Lima</span>" is a checker's
        if _is_noise(element):
            placement = _placement(element)
            if not card and placement == 0:
                card = _card_names(element, facts) or _name_before(element, facts) or _name_by_photo(element, facts)
            elif not side_card and placement == 1:
                side_card = _card_names(element, facts)  # "About the author" beside the article
            continue
        placement = _placement(element)
        if placement == 2 or (
            placement == 1
            and (
                fallback
                or (
                    (_is_labelled(element) or _menu_entry(element))
                    and (_in_menu(element) or _footer_heading(element))
                    and not _VERB_BY.match(element.text or "")
                )
            )
        ):
            continue  # a "By Industry" menu heading, a footer's "By Ovolo Collective" heading is no byline
        if _in_teaser(element, facts) or _mentioned_in_prose(element, facts):
            continue
        text = _byline_text(element)
        if unnamed and not _VERB_BY.match(text):
            continue  # after "By Resy Staff" a plain "By Ben Hon" heads another post; "Written by Ana Lima" states the writer
        if _NOT_WRITER_LEAD.match(text) or _checker_named(element):
            reviewer_lines.add(element)
            if not reviewer and placement == 0:  # "Reviewed by Ana Lima": the writer's line may follow
                reviewer = person_names(text, facts)
            continue
        if len(text.replace(_BLOCK_MARK, " ").split()) > cues.MAX_BYLINE_WORDS:  # an author box with a bio
            text = next((t for t in element.itertext() if t.strip()), "")
        names = person_names(text, facts)
        if names and placement == 0:
            return _with_linked_coauthors(element, names, facts), None, "byline"
        fallback = fallback or names
        if not names and not site_person and placement == 0:
            site_person = person_names(text, facts, site=True)  # "Posted by Damien Walter" on damiengwalter.com
        if not unnamed and not names and not fallback and placement == 0 and position > headline:
            unnamed = _names_non_person(text, facts)  # "By Resy Staff", "Author | Venteur": the writer is no person
    found = (
        (("card", card), ("site-person", site_person))  # the byline credits no person: only these may name one
        if unnamed
        else (
            ("card", card),
            ("byline-aside", fallback),
            ("site-person", site_person),
            ("side-card", side_card),
            ("reviewer", reviewer),
        )
    )
    source, persons = next(((name, value) for name, value in found if value), (None, []))
    return persons, unnamed, source


def _byline_run(texts: list[str], start: int) -> str:
    """The byline that starts at `texts[start]`: SHOWN_BYLINE_TEXTS texts, separators between names not counted.

    Pages write each name of a byline in its own element ("Written by | Ana Lima | , | Tomasz
    Kowalczyk | , | Ruth Abernethy"): a lone "," or "&" joins one more name to the line. Other
    texts are joined with `_BLOCK_MARK`, so a name ends with its text ("Craig Hull | Verified expert").
    """
    taken: list[str] = []
    counted = 0
    joined = True
    for text in texts[start:]:
        if _SEPARATOR_ONLY.fullmatch(text):
            if counted >= cues.SHOWN_BYLINE_TEXTS:
                counted -= 1  # a separator after the last text read: the next name is read too
            taken.append(text)
            joined = True
            continue
        if counted >= cues.SHOWN_BYLINE_TEXTS:
            break
        if not joined:
            taken.append(_BLOCK_MARK)
        taken.append(text)
        joined = False
        counted += 1
    return " ".join(" ".join(taken).split()[: cues.MAX_BYLINE_WORDS])


def _shown_byline(facts: PageFacts, declared: list[str] | tuple[str, ...] = ()) -> list[str]:
    """The names of a "By ..." line just under the headline, where the reader sees who wrote it.

    A line starting with the first declared author and no "By" is the byline too: a page that
    declares one author often shows all of them there ("Rui Ma, Heba Ledwon & Suparn Patra").
    """
    texts = headline_texts(facts, cues.SHOWN_DATE_TEXTS)
    first = declared[0].casefold() if declared else None
    for index, text in enumerate(texts):
        head = text.lstrip()[: cues.BYLINE_HEAD_CHARS].lower()
        if head.startswith(cues.BYLINE_TEXT_PREFIXES) or head.rstrip() in cues.BYLINE_BARE_LABELS:
            if index and _NOT_WRITER_LABEL.search(texts[index - 1]):
                continue  # "Medically reviewed | by | Name": a reviewer, the writer's line follows
            names = person_names(_byline_run(texts, index), facts)
            return [name for name in names if len(name.split()) >= 2]  # "By TurboTaxLisa" is an account
        if first is not None and clean_text(text).casefold() == first:
            if index + 1 >= len(texts) or not _SEPARATOR_ONLY.fullmatch(texts[index + 1]):
                return []  # the name alone, its job title after it: the declared authors stand
            names = person_names(_byline_run(texts, index), facts)
            if names and names[0].casefold() == first:
                return [name for name in names if len(name.split()) >= 2]
            first = None  # the name alone, or in a sentence: no byline of several names
    return []


def _dated_byline(facts: PageFacts) -> list[str]:
    """The names on the date line under the headline: "Ana Lima | Senior Writer | July 2, 2025", "Dec 26, 2025 • Ana Lima".

    Only a short line with a written date counts, and after the date only a name set off by a
    dot or a bar: the words after a bare date are as often a section or a menu as a name.
    """
    texts = [clean_text(text) for text in headline_texts(facts, cues.DATED_BYLINE_TEXTS + 2)]
    for index, text in enumerate(texts[: cues.DATED_BYLINE_TEXTS]):
        if len(text) > cues.MAX_DATED_BYLINE_CHARS or not TEXT_DATE.search(text):
            continue
        if index + 2 < len(texts) and texts[index + 1] in cues.DATED_BYLINE_SEPARATORS:
            text = " ".join(texts[index : index + 3])
        return [name for name in person_names(text, facts) if len(name.split()) >= 2]
    return []


_SCRIPT_AUTHOR = re.compile(cues.SCRIPT_AUTHOR_PATTERN)


def _script_authors(facts: PageFacts) -> list[str]:
    """The post's author that a tag-manager data layer states ("pagePostAuthor":"Krystyna", WordPress's gtm4wp).

    The plugin writes the display name of the post's WordPress account, the name a WordPress byline
    shows; read only when the page shows no byline. A script is searched only when nothing else named anyone.
    """
    for script in facts.tree.xpath(cues.SCRIPT_AUTHOR_XPATH):
        match = _SCRIPT_AUTHOR.search(script.text or "")
        if match is None:
            continue
        try:
            value = json.loads(match.group(1))
        except ValueError:
            continue
        return person_names(value, facts, declared=True) if isinstance(value, str) else []
    return []


def _portrait_bio(facts: PageFacts, title: str | None) -> list[str]:
    """The person a portrait shows when the text after it opens their bio (`cues.PORTRAIT_BIO_VERBS`,
    `cues.PORTRAIT_FIRST_PERSON_PATTERN`): a blog's "about me" box or a closing bio that no class marks as one."""
    index = facts.index
    folded_title = (title or "").casefold()
    for image in facts.elements("img"):
        alt = clean_text(image.get("alt") or "")
        if not alt or len(alt.split()) > cues.MAX_AUTHOR_WORDS or alt.casefold() in folded_title:
            continue
        position = index.order.get(image)
        if position is None:
            continue
        start = bisect_right(index.positions, position)
        if start and index.positions[start - 1] != position and index.last_at[index.positions[start - 1]] >= position:
            start -= 1  # a block holds the portrait and its text: "<div><img alt=...><br>I'm a data scientist</div>"
        text = next((b.text for b in index.blocks[start : start + cues.PORTRAIT_BIO_NEXT_BLOCKS] if b.text), "")
        verb = text[len(alt) :].lstrip(" ,").split(" ", 1)[0] if text.startswith(alt) else ""
        if (verb in cues.PORTRAIT_BIO_VERBS or _FIRST_PERSON_BIO.match(text)) and person_names(alt, facts) == [alt]:
            return [alt]  # the name asked last: most portraits' text opens no bio
    return []


def _credit(values: list[str], facts: PageFacts) -> str | None:
    """The first credited author that is a team, a desk or the publisher, as the page writes it ("Resy Staff",
    "The Investopedia Team", "Swoogo"): what the page states as its author when it names no person.

    Accounts ("NOC Admin", "undefined"), vendors ("SmartEtailing Inc"), sections ("Hardware"), addresses and
    long phrases credit no one."""
    for value in values:
        text = clean_text(_LEAD.sub("", _SPONSOR.sub("", clean_text(value)))).strip(" |:,")
        if not text or len(text.split()) > cues.MAX_AUTHOR_WORDS or len(text) > cues.MAX_AUTHOR_CHARS:
            continue
        if "@" in text or "://" in text or text.startswith(("/", "www.")) or _NOT_A_NAME_VALUE.search(text):
            continue
        if _NOT_CREDIT.search(text) or not any(ch.isalpha() for ch in text):
            continue
        if " " not in text and _NOT_AUTHOR.search(text) and not _COLLECTIVE.search(text):
            continue  # a section ("Hardware") or a wire ("Reuters") in the author's place
        return text
    return None


def read_authors(facts: PageFacts, title: str | None = None) -> tuple[list[str], str | None, str | None]:
    """The page's authors, what the page credits when it names no person, and where the authors came from.

    Authors: declared ones, else the byline's, else a declared name that is the site's. A
    declared author equal to the site's name is often the publisher standing in for the
    writer (JSON-LD "Cleveland Clinic"), so a byline naming a person wins over it. The credit,
    only without authors, is the team, desk or publisher the page states as its author
    (`_credit`): the record's `credit`, kept apart so that `authors` stay person names. The
    source ("jsonld", "meta", "shown", a `_byline_authors` source, "declared-site", "dated",
    "script", "portrait"; None without authors) lets the benchmark measure each reading's precision.
    """
    declared, organizations = _jsonld_authors(facts)
    kind = "jsonld"
    if not declared:  # a meta author that the JSON-LD types as an organization is none ("Center for Drug ...")
        folded = {name.casefold() for name in organizations}
        declared = [value for value in _meta_values(facts) if clean_text(value).casefold() not in folded]
        kind = "meta"
    names = [name for value in declared for name in person_names(value, facts, declared=True)]
    if names:
        names = list(dict.fromkeys(names))
        shown = _shown_byline(facts, names)
        if shown and not {n.casefold() for n in shown} <= {n.casefold() for n in names}:
            return shown, None, "shown"  # the account that posted the page, or its first author alone, is declared
        return names, None, kind
    byline, credited, source = _byline_authors(facts)
    if byline:
        return byline, None, source
    readers = (
        ("declared-site", lambda: _declared_site_persons(declared, facts)),
        ("dated", lambda: _dated_byline(facts)),
        ("script", lambda: _script_authors(facts)),
        ("portrait", lambda: _portrait_bio(facts, title)),
    )
    for source, reader in readers:
        if persons := reader():
            return persons, None, source
    if credited and not (_COLLECTIVE.search(credited) or is_site_name(credited, facts, loose=False)):
        credited = None  # "By the end of this tutorial": prose, no credit
    return [], _credit([*declared, *([credited] if credited else []), *organizations], facts), None
