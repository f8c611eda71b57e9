"""Publication and modification dates, kept apart.

The publication date is what the page declares as such (JSON-LD `datePublished`,
`article:published_time` and its kin, `itemprop=datePublished`), then the first `<time>`
that is not marked as an update, then a date in the URL; htmldate's quick search is the
last resort. A modification date never stands in for the publication date: that was the
main cause of wrong dates (a page's "Updated ..." line read as its date).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from itertools import chain

from dateutil.parser import ParserError, UnknownTimezoneWarning, isoparse, parserinfo
from dateutil.parser import parse as parse_loose
from lxml import etree
from lxml.html import HtmlElement

from . import cues
from .pagefacts import PageFacts, clean_text, texts_outside

_UPDATED_CLASS = re.compile(cues.UPDATED_CLASS_PATTERN, re.I)
_UPDATED_LABEL = re.compile(cues.UPDATED_LABEL_PATTERN, re.I)
_UPDATED_ANYWHERE = re.compile(cues.UPDATED_WORD_PATTERN, re.I)
_PUBLISHED_LABEL = re.compile(cues.PUBLISHED_LABEL_PATTERN, re.I)
_ORIGINALLY_PUBLISHED = re.compile(cues.ORIGINALLY_PUBLISHED_PATTERN, re.I)
_ORIGINALLY_PUBLISHED_TEXTS = etree.XPath(cues.ORIGINALLY_PUBLISHED_XPATH)
_URL_DATE = re.compile(cues.URL_DATE_PATTERN)
TEXT_DATE = re.compile(cues.TEXT_DATE_PATTERN, re.I)
_HAS_DIGIT = re.compile(r"\d")
_NUMERIC_DATE_START = re.compile(cues.NUMERIC_DATE_START_PATTERN)
_YEAR = re.compile(cues.WRITTEN_YEAR_PATTERN)
_DEFAULT = datetime(2000, 1, 1)


class _WrittenDateNames(parserinfo):
    """dateutil's English month and weekday names, and those of `cues.OTHER_MONTH_NAMES` beside them:
    "24. März 2004" and "3 de mayo de 2021" are dates as "March 24, 2004" is."""

    MONTHS = [(*english, *other) for english, other in zip(parserinfo.MONTHS, cues.OTHER_MONTH_NAMES, strict=True)]
    WEEKDAYS = [
        (*english, *other) for english, other in zip(parserinfo.WEEKDAYS, cues.OTHER_WEEKDAY_NAMES, strict=True)
    ]
    JUMP = [*parserinfo.JUMP, *cues.OTHER_DATE_FILLER_WORDS]


_DATE_NAMES = _WrittenDateNames()
_XPATH_SPACE = " \t\r\n"


def parse_date(value: object) -> datetime | None:
    """A datetime from an ISO or a common written date; None for what is no plausible page date."""
    if not isinstance(value, str):
        return None
    text = clean_text(value)
    if not text or not _HAS_DIGIT.search(text) or len(text) > 80:
        return None
    try:
        parsed = isoparse(text)
    except (ValueError, OverflowError):
        if not _YEAR.search(text):
            return None  # "April 12": the year would be the parser's default, no page's
        if _ambiguous_order(text):
            return None  # the parser would read "02-12-2025" month first, as the page may not mean
        try:
            with warnings.catch_warnings():  # "EST", "IST": unknown zone names are read as UTC
                warnings.simplefilter("ignore", UnknownTimezoneWarning)
                parsed = parse_loose(text, parserinfo=_DATE_NAMES, default=_DEFAULT)
        except (ParserError, ValueError, OverflowError, TypeError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    now = datetime.now(timezone.utc)
    if parsed.year < cues.MIN_PUBLISHED_YEAR or parsed.year > now.year + 1:
        return None
    return parsed


def _ambiguous_order(text: str) -> bool:
    """A numeric date whose day and month may be either number ("02-12-2025"; not "30.11.2024" nor "12.12.2025")."""
    match = _NUMERIC_DATE_START.match(text)
    if match is None:
        return False
    a, b = int(match["a"]), int(match["b"])
    return a != b and max(a, b) <= 12


def texts_after_headline(tree: HtmlElement, limit: int, headline: HtmlElement | None = None) -> list[str]:
    """The first `limit` text nodes after the first `<h1>` (not inside it), in document order; after `headline`
    instead, when given (`PageFacts.headline`).

    What `(//h1)[1]/following::text()[normalize-space()][position() <= limit]` selects, a few
    times faster: XPath's following axis collects the whole rest of the page before it counts.
    Blank means XPath's blank (space, tab, line breaks; a no-break space is text). The text of
    a script or a style is none a reader sees: CSS-in-JS pages put a `<style>` before every
    element, and its rules would fill the window where the date and the byline stand.
    """
    texts: list[str] = []
    node = headline if headline is not None else next(tree.iter("h1"), None)
    while node is not None:
        tail = node.tail
        if tail and tail.strip(_XPATH_SPACE):
            texts.append(tail)
            if len(texts) >= limit:
                return texts
        for sibling in node.itersiblings():
            # a comment's text is none, nor is a script's or a style's
            shown = isinstance(sibling.tag, str) and sibling.tag not in cues.UNSHOWN_TEXT_TAGS
            inner = texts_outside(sibling, cues.UNSHOWN_TEXT_TAGS) if shown else ()
            for text in chain(inner, (sibling.tail,)):
                if text and text.strip(_XPATH_SPACE):
                    texts.append(text)
                    if len(texts) >= limit:
                        return texts
        node = node.getparent()
    return texts


def headline_texts(facts: PageFacts, limit: int) -> list[str]:
    """`texts_after_headline(facts.tree, limit, facts.headline)`, walked once a page: the date and byline readers
    ask for the texts under the headline several times over, and the first `limit` of a longer walk are the same
    texts (the readers change no element). A walk that ended before its limit holds all there are."""
    known = facts.after_headline
    if known is None or (known[0] < limit and len(known[1]) >= known[0]):
        known = facts.after_headline = (limit, texts_after_headline(facts.tree, limit, facts.headline))
    return known[1][:limit]


def _written_date(match: re.Match[str]) -> datetime | None:
    """The date a `TEXT_DATE_PATTERN` match writes; a numeric one only when it reads one way.

    "17.05.2021" and "2/24/2026" can only be the 17th of May and the 24th of February, and
    "12.12.2025" reads the same both ways; in "03/10/2023" or "09.10.2024" either number may
    be the month (pages write both orders with both separators), so they give no date.
    """
    if not match["num_year"]:
        return parse_date(match.group(0).replace(".", " "))
    numbers = sorted((int(match["num_a"]), int(match["num_b"])))
    if numbers[1] <= 12 and numbers[0] != numbers[1]:
        return None
    try:
        parsed = datetime(int(match["num_year"]), numbers[0], numbers[1], tzinfo=timezone.utc)
    except ValueError:
        return None
    return parsed if cues.MIN_PUBLISHED_YEAR <= parsed.year <= datetime.now(timezone.utc).year + 1 else None


def as_iso(parsed: datetime) -> str:
    """ISO 8601 at the offset the page wrote (UTC when it wrote none).

    The offset keeps the day the page's readers saw: "2024-12-09T22:52:11-05:00" was
    published on the 9th, though in UTC it is the 10th. It is the same instant either way.
    """
    return parsed.isoformat()


def _jsonld_date(facts: PageFacts, key: str) -> datetime | None:
    if facts.article is not None and (parsed := parse_date(facts.article.get(key))):
        return parsed
    for _, node in facts.nodes:
        if parsed := parse_date(node.get(key)):
            return parsed
    return None


def _meta_date(facts: PageFacts, names: tuple[str, ...]) -> tuple[datetime | None, str | None]:
    for name in names:
        for value in facts.meta.get(name, ()):
            if parsed := parse_date(value):
                return parsed, name
    return None, None


def _time_label(element: HtmlElement) -> str:
    """The text just before a <time>: its previous sibling's tail, else its parent's text, else that sibling's text."""
    parent = element.getparent()
    previous = element.getprevious()
    label = previous.tail if previous is not None else (parent.text if parent is not None else None)
    if previous is not None and not (label or "").strip():
        label = previous.text_content()
    return (label or "")[-60:]


def _labelled_published_time(facts: PageFacts) -> datetime | None:
    """A <time> the page labels as its publication date, wherever it stands ("Published <time>August 13, 2025</time>")."""
    for element in facts.elements("time"):
        if _PUBLISHED_LABEL.search(_time_label(element)) and (
            parsed := parse_date(element.get("datetime") or element.text)
        ):
            return parsed
    return None


def _is_update(element: HtmlElement) -> bool:
    """A <time> the page marks as a modification: by class/id/itemprop, or an "Updated" label before it."""
    parent = element.getparent()
    for node in (element, parent):
        if node is not None and _UPDATED_CLASS.search(" ".join(node.get(a) or "" for a in ("class", "id", "itemprop"))):
            return True
    return bool(_UPDATED_LABEL.search(_time_label(element)))


def _times_under_headline(headline: HtmlElement | None, texts: int) -> list[HtmlElement]:
    """The `<time>` elements among the first `texts` text nodes after the headline (the byline's place)."""
    times: list[HtmlElement] = []
    seen = 0
    node = headline
    while node is not None:
        if node.tail and node.tail.strip(_XPATH_SPACE):
            seen += 1
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            for element in sibling.iter():
                if element.tag == "time":
                    times.append(element)
                text = element.text if isinstance(element.tag, str) else None  # a comment's text is none
                tail = element.tail if element is not sibling else None
                seen += sum(1 for part in (text, tail) if part and part.strip(_XPATH_SPACE))
                if seen >= texts:
                    return times
            if sibling.tail and sibling.tail.strip(_XPATH_SPACE):
                seen += 1
        node = node.getparent()
    return times


def _time_elements(facts: PageFacts) -> tuple[datetime | None, datetime | None]:
    """The first published-looking and the first updated-looking <time datetime> of the page.

    The ones just under the headline come first: a `<time>` above it is as often an event in
    the menu or a date in a ticker as the article's (and one far below it a related story's).
    """
    published = modified = None
    after = _times_under_headline(facts.headline, cues.SHOWN_DATE_TEXTS)
    seen = set(after)
    before = (element for element in facts.elements("time") if element not in seen)
    for count, element in enumerate(chain(after, before)):
        if count >= cues.MAX_TIME_ELEMENTS:
            break
        parsed = parse_date(element.get("datetime") or element.text)
        if parsed is None:
            continue
        if (element.get("itemprop") or "").lower() == "datepublished" or element.get("pubdate") is not None:
            return parsed, modified
        if _is_update(element):
            modified = modified or parsed
        elif published is None:
            published = parsed
    return published, modified


def _itemprop_date(facts: PageFacts, prop: str) -> datetime | None:
    # the elements found from their attributes up: `//*[@itemprop=...]` in half the time
    for element in facts.tree.xpath(f'//@itemprop[. = "{prop}"]/parent::*[not(self::meta)]'):
        if parsed := parse_date(element.get("datetime") or element.get("content") or element.text_content()[:60]):
            return parsed
    return None


def _url_date(url: str | None) -> datetime | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]), tzinfo=timezone.utc)
    except ValueError:
        return None


def _text_date(facts: PageFacts, near: bool) -> datetime | None:
    """A date written in the text after the headline, not labelled as an update.

    Many pages show their date only as text ("Dec 17, 2025" under the headline); htmldate's
    quick search does not read it. `near`: only the short lines in the byline's place (the first
    SHOWN_DATE_TEXTS texts), else the rest: the sentences there and everything further down,
    where a date stamp just above the headline is read first (a date in the story's opening
    sentence is about something else).
    """
    previous = ""
    texts = headline_texts(facts, cues.TEXT_DATE_TEXTS)
    for index, text in enumerate(texts[: cues.SHOWN_DATE_TEXTS] if near else texts):
        short = len(clean_text(text)) <= cues.MAX_SHOWN_DATE_LINE
        if (near and not short) or (not near and index < cues.SHOWN_DATE_TEXTS and short):
            previous = text
            continue
        for match in TEXT_DATE.finditer(text):
            label = (previous + " " + text[: match.start()])[-60:]
            if _UPDATED_LABEL.search(label):
                continue
            if parsed := _written_date(match):
                return parsed
        previous = text
    return None


def _stamp_date(facts: PageFacts, above: bool) -> datetime | None:
    """A date stamp just above the headline (`above`), or else the one dated line under it even if labelled an update.

    Some templates put the date above the `<h1>` ("Dec 17, 2025" over the headline); and a page
    whose only date is "Updated: Dec 9, 2025" under its headline has no other: htmldate would
    return that same date, at several times the cost.
    """
    if above:
        for text in reversed(facts.headline.xpath(cues.STAMP_BEFORE_XPATH) if facts.headline is not None else []):
            text = clean_text(text)
            match = TEXT_DATE.search(text) if len(text) <= cues.MAX_SHOWN_DATE_LINE else None
            if match and (parsed := _written_date(match)):
                return parsed
        return None
    for text in headline_texts(facts, cues.SHOWN_DATE_TEXTS):
        text = clean_text(text)
        if len(text) <= cues.MAX_SHOWN_DATE_LINE and (match := TEXT_DATE.search(text)):
            return _written_date(match)
    return None


def _shown_date(facts: PageFacts) -> datetime | None:
    """The date on a short line just under the headline ("Dec 17, 2025", "Published 17 December 2025").

    Only a line that is little more than the date (a byline, a date stamp) counts: a date in
    a sentence of the article is about something else.
    """
    previous = ""
    for text in headline_texts(facts, cues.SHOWN_DATE_TEXTS):
        text = clean_text(text)
        match = TEXT_DATE.search(text)
        if match and len(text) <= cues.MAX_SHOWN_DATE_LINE:
            label = (previous + " " + text[: match.start()])[-60:]
            if _UPDATED_LABEL.search(label) or _UPDATED_ANYWHERE.search(text):
                return None  # the line under the headline is the update: the declared date stands
            return _written_date(match)
        previous = text
    return None


def _originally_published(facts: PageFacts) -> datetime | None:
    """The date of a note on the story's first publication, wherever it stands ("This article was originally
    published on 26 Sep 2019 at 4:12pm but has been regularly updated"), the date in the note's element."""
    for node in _ORIGINALLY_PUBLISHED_TEXTS(facts.tree):
        parent = node.getparent()
        if parent is not None and node.is_tail:
            parent = parent.getparent()  # the text after an element: the note's element holds both
        if parent is None or parent.tag in cues.UNSHOWN_TEXT_TAGS:
            continue
        text = clean_text(parent.text_content()[:300])
        for label in _ORIGINALLY_PUBLISHED.finditer(text):
            match = TEXT_DATE.search(text, label.end())
            reached = match is not None and match.start() - label.end() <= cues.ORIGINALLY_PUBLISHED_REACH
            if reached and (parsed := _written_date(match)):
                return parsed
    return None


def _htmldate(tree: HtmlElement, url: str | None, modified: datetime | None) -> datetime | None:
    """htmldate's date, unless it is the page's declared modification date (its header search reads that too)."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - htmldate is a best-effort fallback; a bug there must not fail the page
        return None
    parsed = parse_date(found) if found else None
    if parsed is None or modified is None:
        return parsed
    return None if parsed.date() == modified.date() else parsed


def htmldate_published(tree: HtmlElement, url: str | None, modified: str | None) -> str | None:
    """htmldate's publication date of a page on which `read_dates(..., fallback=False)` found none, unless it is
    the page's modification date (`modified`, the `as_iso` value `read_dates` gave); ISO 8601 as `as_iso`.

    Asked apart because it costs more than all the other readers together (about 10 ms a call on modern pages)
    and guesses more than it reads: `extract` asks it only of pages of `cues.DATED_PAGE_TYPES`."""
    found = _htmldate(tree, url, datetime.fromisoformat(modified) if modified else None)
    return as_iso(found) if found is not None else None


def read_dates(facts: PageFacts, fallback: bool = True) -> tuple[str | None, str | None, str | None]:
    """(published, its source, modified), ISO 8601 at the page's own offset (`as_iso`).

    The readers are tried in order of trust and stop at the first date found: the cheap
    declared ones first, htmldate last, as it costs more than all the others together
    (without `fallback` it is left out: `htmldate_published` asks it later).
    """
    time_published, time_modified = _time_elements(facts)
    modified = (
        _meta_date(facts, cues.META_MODIFIED_NAMES)[0]
        or _jsonld_date(facts, "dateModified")
        or _itemprop_date(facts, "dateModified")
        or time_modified
    )
    readers: tuple[tuple[Callable[[], tuple[datetime | None, str | None]], str], ...] = (
        (lambda: _meta_date(facts, cues.META_PUBLISHED_NAMES[:2]), "meta"),
        (lambda: (_jsonld_date(facts, "datePublished"), None), "jsonld"),
        (lambda: _meta_date(facts, cues.META_PUBLISHED_NAMES[2:]), "meta"),
        (lambda: (_itemprop_date(facts, "datePublished"), None), "itemprop"),
        (lambda: (time_published, None), "time"),
        (lambda: (_url_date(facts.url), None), "url"),
        (lambda: (_originally_published(facts), None), "text:original"),
        (lambda: (_text_date(facts, near=True), None), "text"),
        (lambda: (_stamp_date(facts, above=True), None), "text:stamp"),
        (lambda: (_text_date(facts, near=False), None), "text"),
        (lambda: (_stamp_date(facts, above=False), None), "text:stamp"),
    )
    if fallback:
        readers += ((lambda: (_htmldate(facts.tree, facts.url, modified), None), "htmldate"),)
    for read, source in readers:
        published, name = read()
        if published is not None:
            if source in ("meta", "jsonld", "itemprop"):
                if visible := _visible_date(facts, published, modified):
                    published, source, name = visible, "text:visible", None
                elif local := _url_local_day(facts, published):
                    published, name = local, f"{name}:url-day" if name else "url-day"  # still declared
            return (
                as_iso(published),
                f"{source}:{name}" if name else source,
                as_iso(modified) if modified else None,
            )
    return None, None, as_iso(modified) if modified else None


def _url_local_day(facts: PageFacts, declared: datetime) -> datetime | None:
    """The URL's date when it is the day before or after a declared UTC timestamp, on which the site's clock was.

    A site writes its local day into its URLs and often declares the instant in UTC: a post of
    the evening of December 18 in America is "2025-12-19T02:41:41+00:00" under /2025/12/18/.
    Its readers saw the 18th. The URL's day counts only when a time zone within
    UTC_OFFSET_RANGE_HOURS was on it at the declared instant, and only for a UTC timestamp: one
    the page wrote at its own offset already shows its readers' day.
    """
    in_url = _url_date(facts.url)
    if in_url is None or declared.utcoffset() != timedelta(0):
        return None
    shift = (in_url.date() - declared.date()).days
    if shift not in (-1, 1):
        return None
    west, east = cues.UTC_OFFSET_RANGE_HOURS
    local = declared + timedelta(hours=west if shift < 0 else east)
    return in_url if local.date() == in_url.date() else None


def _visible_date(facts: PageFacts, declared: datetime, modified: datetime | None) -> datetime | None:
    """The date shown under the headline, else a `<time>` labelled "Published" anywhere
    (`_labelled_published_time`), when it contradicts the declared publication date.

    Templates and SEO plugins often declare a publication date that is not the one the page
    shows (a migration date, the first draft). The shown date wins when it is not labelled as
    an update, differs from the declared one by more than a day (a day is a time zone: the
    declared timestamp is kept then), and is not the declared modification date; a date in the
    URL that agrees with the declared one settles it.
    """
    in_url = _url_date(facts.url)
    if in_url is not None and abs((in_url.date() - declared.date()).days) <= 1:
        return None  # the URL confirms the declared date
    shown = _shown_date(facts) or _labelled_published_time(facts)
    if shown is None:
        return None
    day = shown.date()
    if abs((day - declared.date()).days) <= 1:
        return None
    if modified is not None and abs((day - modified.date()).days) <= 1:
        return None
    return shown
