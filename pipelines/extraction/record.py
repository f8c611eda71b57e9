"""The article record: the one definition of every field, its Arrow type and its meaning.

The dataclass is what `extract` returns; `ARTICLE_SCHEMA` (the Parquet schema) and
`docs/schema.md` are both generated from the field metadata below, so a field is
added in exactly one place.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

#: Bumped on any change to the fields, their types or their meaning.
SCHEMA_VERSION = "1.4"

_TS = pa.timestamp("us", tz="UTC")
_STR_LIST = pa.list_(pa.string())
FORM_TYPE = pa.struct([("kind", pa.string()), ("text", pa.string())])
RELATED_TYPE = pa.struct([("title", pa.string()), ("url", pa.string())])
BLOCK_TYPE = pa.struct(
    [
        ("label", pa.string()),
        ("text", pa.string()),
        ("selector", pa.string()),
        ("reason", pa.string()),
    ]
)


def _f(
    arrow_type: pa.DataType,
    doc: str,
    *,
    nullable: bool = True,
    default: Any = None,
    text: tuple[str, ...] | None = None,
):
    """A dataclass field carrying its Arrow type and documentation; `text` marks a field of text a reader reads (not
    URLs, dates, hashes or names of things): `()`, or in a field holding records, the keys of their text."""
    meta = {"arrow": arrow_type, "doc": doc, "nullable": nullable, "text": text}
    if isinstance(default, list):
        return field(default_factory=list, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass
class Article:
    """One extracted page. Dates are ISO 8601 strings here and UTC timestamps in Parquet.

    `published` and `modified` keep the offset the page states ("2024-12-09T22:52:11-05:00": the
    day its readers saw); `fetched_at` is UTC.
    """

    url: str = _f(pa.string(), "URL the page was fetched from (after redirects).", nullable=False, default="")
    canonical_url: str | None = _f(pa.string(), "`<link rel=canonical>` / og:url, absolute; else the URL.")
    domain: str | None = _f(pa.string(), "Host name of `url`, without a leading `www.`.")
    title: str | None = _f(pa.string(), "Article headline.", text=())
    authors: list[str] = _f(
        _STR_LIST, "Author names, in page order: persons only.", nullable=False, default=[], text=()
    )
    credit: str | None = _f(
        pa.string(),
        "When `authors` is empty: the team, desk, organisation or account the page credits as its author, as the "
        "page writes it (`Resy Staff`, `The Investopedia Team`, `ggailey777`); null when the page names a person "
        "or credits no one.",
        text=(),
    )
    published: str | None = _f(
        _TS, "First publication time; in JSON at the offset the page states (date-only values are midnight UTC)."
    )
    modified: str | None = _f(_TS, "Last modification time, when the page states one; in JSON at the page's offset.")
    language: str | None = _f(pa.string(), "BCP 47 language tag from the page markup (e.g. `en`, `pt-BR`).")
    site_name: str | None = _f(pa.string(), "Publication name (og:site_name, JSON-LD publisher).", text=())
    description: str | None = _f(pa.string(), "Summary from the page's description metadata.", text=())
    tags: list[str] = _f(_STR_LIST, "Tags and categories the page declares.", nullable=False, default=[], text=())
    image: str | None = _f(pa.string(), "Lead image URL (og:image).")
    body: str = _f(
        pa.string(),
        "Article text: headings, paragraphs, list items, quotes; blocks separated by a blank line.",
        nullable=False,
        default="",
        text=(),
    )
    body_markdown: str | None = _f(
        pa.string(), "The body as Markdown (headings, lists, links), when available.", text=()
    )
    word_count: int = _f(
        pa.int32(),
        "Number of words in `body` (in Chinese and Japanese, one per two characters).",
        nullable=False,
        default=0,
    )
    page_type: str = _f(
        pa.string(),
        "What the page is: `article`, `forum`, `product`, `collection`, `listing`, `documentation` or `service` "
        "(WCXB's types). Every type has a body.",
        nullable=False,
        default="article",
    )
    is_article: bool = _f(pa.bool_(), '`page_type == "article"`.', nullable=False, default=True)
    page_type_reason: str | None = _f(
        pa.string(), "Why the page got its type: what it declares, the classifier's probability, or both."
    )
    bio: str | None = _f(pa.string(), "The author bio text, if the page has one.", text=())
    promos: list[str] = _f(
        _STR_LIST,
        "One string per promotional unit (book, course, product ad, lead magnet, paid offer).",
        nullable=False,
        default=[],
        text=(),
    )
    forms: list[dict[str, str]] = _f(
        pa.list_(FORM_TYPE),
        "One entry per form or sign-up unit: `kind` (newsletter, contact, booking, application, download, search, other) and its `text`.",
        nullable=False,
        default=[],
        text=("text",),
    )
    related: list[dict[str, str]] = _f(
        pa.list_(RELATED_TYPE),
        "Teasers of other articles: `title` and `url`.",
        nullable=False,
        default=[],
        text=("title",),
    )
    blocks: list[dict[str, str]] = _f(
        pa.list_(BLOCK_TYPE),
        "Every visible content block in reading order, one entry per block or per boilerplate unit (per run of its "
        "blocks where a unit inside it breaks it up: no text stands in two entries): `label` "
        "(body, title, byline, bio, promo, form, share, related, comments, navigation, footer, consent, other), "
        "`text`, `selector` (CSS-like path) and `reason` (the cue that decided the label, or the model's probability: `scorer:p=0.97`, `promo-finder:p=0.83`).",
        nullable=False,
        default=[],
        text=("text",),
    )
    content_hash: str = _f(
        pa.string(),
        "SHA-256 (hex) of the whitespace-normalised body; equal bodies have equal hashes.",
        nullable=False,
        default="",
    )
    fetched_at: str | None = _f(_TS, "When the page was fetched (UTC).")
    http_status: int | None = _f(pa.int16(), "HTTP status of the fetched response.")
    run_id: str | None = _f(pa.string(), "Crawl run that produced the record.")
    warc_file: str | None = _f(
        pa.string(),
        "WARC file holding the page's raw response, relative to the dataset directory "
        "(`warc/<run_id>.warc.gz`); null when the crawl kept no WARC.",
    )
    warc_offset: int | None = _f(
        pa.int64(), "Byte offset in `warc_file` of the page's `response` record (its gzip member)."
    )
    schema_version: str = _f(pa.string(), "Version of this schema.", nullable=False, default=SCHEMA_VERSION)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


#: The fields of text a reader reads, each with the keys of the text in the records it holds (`_f`'s `text`).
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    f.name: f.metadata["text"] for f in dataclasses.fields(Article) if f.metadata["text"] is not None
}


def composed(article: Article) -> Article:
    """The record with its text in Unicode's composed form (NFC): "u" and a combining diaeresis become "ü"."""

    def nfc(value: Any, keys: tuple[str, ...] = ()) -> Any:
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, dict):
            return {k: nfc(v) if k in keys else v for k, v in value.items()}
        if isinstance(value, list):
            return [nfc(v, keys) for v in value]
        return value

    changes = {name: nfc(getattr(article, name), keys) for name, keys in TEXT_FIELDS.items()}
    return dataclasses.replace(article, **changes)


def _schema() -> pa.Schema:
    fields = [
        pa.field(f.name, f.metadata["arrow"], nullable=f.metadata["nullable"]) for f in dataclasses.fields(Article)
    ]
    return pa.schema(fields, metadata={"thresher.schema_version": SCHEMA_VERSION})


#: The Parquet/Arrow schema of the dataset, derived from `Article`.
ARTICLE_SCHEMA: pa.Schema = _schema()
ARTICLE_FIELDS: tuple[str, ...] = tuple(ARTICLE_SCHEMA.names)


def schema_markdown() -> str:
    """The field table of docs/schema.md, generated from `Article`."""
    rows = ["| field | Arrow type | nullable | meaning |", "|---|---|---|---|"]
    for f in dataclasses.fields(Article):
        m = f.metadata
        rows.append(f"| `{f.name}` | `{m['arrow']}` | {'yes' if m['nullable'] else 'no'} | {m['doc']} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(schema_markdown(), end="")
