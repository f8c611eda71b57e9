"""`thresher extract PAGE --explain OUT.html`: one page as the extractor read it.

The page's content blocks (`Article.blocks`) in reading order, each outlined and tinted
by its label with the reason for the label, beside the record that came out of them.
When a page goes wrong, this shows at a glance which block was misread and why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa

from pipelines.extraction import Article

from . import labels
from .page import css_class, document, esc, write_html
from .stats import count_words

#: Longer blocks show their start; the rest folds into a <details> (footers can be pages long).
_FOLD_CHARS = 700

_CSS = """
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1.6rem; padding: 0 1.4rem 2rem; }
@media (max-width: 960px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.legend { padding: .2rem 1.4rem .6rem; border-bottom: 1px solid var(--rule); }
.blocks { list-style: none; margin: 0; padding: 0; display: grid; gap: .55rem; }
.blk { border: 3px var(--bs) var(--line); box-shadow: inset 6px 0 0 var(--line); background-color: var(--tint);
       background-image: var(--pat); padding: .45rem .75rem .55rem 1.1rem; border-radius: 2px; }
.blk .meta { display: flex; flex-wrap: wrap; gap: .2rem .6rem; align-items: baseline; font-size: .8rem; }
.blk .num { color: var(--muted); font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.blk .reason { color: #333; background: rgba(255,255,255,.85); padding: 0 .3rem; border-radius: 2px; }
.blk .text { margin: .3rem 0 0; white-space: pre-wrap; overflow-wrap: anywhere; background: rgba(255,255,255,.72);
             padding: .1rem .3rem; }
.blk details summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
.lbl-title .text { font-weight: 700; font-size: 1.15rem; }
.record { align-self: start; background: var(--panel); border: 1px solid var(--rule); padding: 0 1rem 1rem;
          margin-top: 1.4rem; }
.record dl { display: grid; grid-template-columns: 7.5rem 1fr; gap: .25rem .6rem; margin: 0; font-size: .9rem; }
.record dt { color: var(--muted); }
.record dd { margin: 0; overflow-wrap: anywhere; }
.record .unit { font-size: .88rem; background: #fff; border-left: 4px solid var(--line); padding: .3rem .5rem;
                margin: 0 0 .4rem; overflow-wrap: anywhere; }
.record ol { padding-left: 0; list-style: none; margin: 0; }
.record .unit .text { margin: 0; white-space: normal; overflow-wrap: anywhere; }
.warn { background: #fff3cd; border: 1px solid #e6c200; padding: .4rem .7rem; margin: 1rem 0 0; }
.shares td .tag { min-width: 6.5rem; }
"""


def _words(text: str) -> int:
    """Words as the report counts them (`stats.count_words`)."""
    return count_words(pa.array([text]))[0].as_py()


def _text_html(text: str) -> str:
    if len(text) <= _FOLD_CHARS:
        return f'<p class="text">{esc(text)}</p>'
    cut = text.rfind(" ", 0, _FOLD_CHARS)
    cut = cut if cut > _FOLD_CHARS // 2 else _FOLD_CHARS
    head, rest = text[:cut], text[cut:]
    return (
        f'<p class="text">{esc(head)} …</p><details><summary>{_words(rest)} more words</summary>'
        f'<p class="text">{esc(rest.lstrip())}</p></details>'
    )


def _block_html(i: int, block: dict[str, str]) -> str:
    label = block.get("label") or "other"
    reason = block.get("reason") or ""
    selector = block.get("selector") or ""
    tip = f"{label}: {reason}" + (f"\n{selector}" if selector else "")
    return (
        f'<li class="blk lbl-{css_class(label)}" data-label="{esc(label)}" title="{esc(tip)}">'
        f'<div class="meta"><span class="num">#{i}</span><span class="tag lbl-{css_class(label)}">{esc(label)}</span>'
        f'<span class="reason">why: {esc(reason or "no reason given")}</span></div>'
        f"{_text_html(block.get('text') or '')}</li>"
    )


def _field(name: str, value: object) -> str:
    shown = esc(value) if value not in (None, "", []) else '<span class="muted">none</span>'
    return f"<dt>{esc(name)}</dt><dd>{shown}</dd>"


def _units(title: str, label: str, texts: Iterable[str]) -> str:
    items = [f'<li class="unit lbl-{label}">{_text_html(text)}</li>' for text in texts]
    body = f"<ol>{''.join(items)}</ol>" if items else '<p class="muted">none</p>'
    return f"<h3>{esc(title)} ({len(items)})</h3>{body}"


def _shares_table(blocks: list[dict[str, str]]) -> str:
    """Blocks and words per label: how much of the page each label took."""
    counts: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for block in blocks:
        counts[block.get("label") or "other"] += 1
        words[block.get("label") or "other"] += _words(block.get("text") or "")
    total = sum(words.values()) or 1
    rows = "".join(
        f'<tr><td><span class="tag lbl-{css_class(label)}">{esc(label)}</span></td><td class="num">{counts[label]}</td>'
        f'<td class="num">{words[label]}</td><td class="num">{100 * words[label] / total:.0f}%</td></tr>'
        for label in labels.ordered(counts)
    )
    return (
        '<table class="shares"><thead><tr><th>label</th><th class="num">blocks</th><th class="num">words</th>'
        f'<th class="num">share</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _record_panel(article: Article) -> str:
    forms = [f"[{form.get('kind') or 'other'}] {form.get('text') or ''}" for form in article.forms]
    page_type = article.page_type + (f" ({article.page_type_reason})" if article.page_type_reason else "")
    fields = "".join(
        [
            _field("title", article.title),
            _field("authors", ", ".join(article.authors)),
            _field("credit", article.credit) if article.credit else "",  # a team or publisher, without authors
            _field("published", article.published),
            _field("modified", article.modified),
            _field("language", article.language),
            _field("site", article.site_name),
            _field("URL", article.url),
            _field("canonical", "same as URL" if article.canonical_url == article.url else article.canonical_url),
            _field("page type", page_type),
            _field("body words", article.word_count),
            _field("related", f"{len(article.related)} teaser links" if article.related else None),
        ]
    )
    return (
        '<aside class="record" aria-label="Extracted record"><h2>Record</h2>'
        f"<dl>{fields}</dl>"
        f"<h3>Page text by label</h3>{_shares_table(article.blocks)}"
        f"{_units('bio', 'bio', [article.bio] if article.bio else [])}"
        f"{_units('promos', 'promo', article.promos)}"
        f"{_units('forms', 'form', forms)}"
        "</aside>"
    )


def explain_html(article: Article, source: str | None = None) -> str:
    """The explain view of one extracted page, as a complete HTML document."""
    blocks = article.blocks
    counts = Counter(block.get("label") or "other" for block in blocks)
    heading = article.title or source or article.url or "page"
    warning = (
        ""
        if article.is_article
        else f'<p class="warn">Typed {esc(article.page_type)}, not article '
        f"({esc(article.page_type_reason or 'no reason recorded')}): a crawl exports it only when "
        "<code>--page-types</code> names its type.</p>"
    )
    items = "".join(_block_html(i, block) for i, block in enumerate(blocks, 1))
    blocks_html = (
        f'<ol class="blocks">{items}</ol>' if blocks else '<p class="muted">The page has no content blocks.</p>'
    )
    body = (
        '<header class="top"><h1>thresher explain: '
        f"{esc(heading)}</h1><p>{esc(source or article.url)} · {len(blocks)} blocks in reading order · "
        "hover a block for its reason and CSS selector</p></header>\n"
        f"{labels.legend_html(counts)}\n"
        '<div class="layout"><main class="page" aria-label="Page blocks">'
        f"{warning}<h2>Blocks in reading order</h2>{blocks_html}</main>\n"
        f"{_record_panel(article)}</div>"
    )
    return document(f"thresher explain: {heading}", body, labels.label_css(counts) + _CSS)


def write_explain(article: Article, path: str | Path, source: str | None = None) -> Path:
    return write_html(path, explain_html(article, source))
