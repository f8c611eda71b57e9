"""From labelled units to the record's fields: bio, promos, forms, related, blocks."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from .segment import BlockLabel, Unit, form_kind, selector

_MIN_TEASER_WORDS = 3


def _related_links(unit: Unit, base: str | None) -> list[dict[str, str]]:
    links = []
    for a in unit.element.iter("a"):
        title = " ".join(a.text_content().split())
        href = a.get("href", "").strip()
        if len(title.split()) >= _MIN_TEASER_WORDS and href and not href.startswith(("#", "javascript:", "mailto:")):
            links.append({"title": title, "url": urljoin(base or "", href)})
    return links


def fields_from_units(units: list[Unit], body: str, title: str | None, url: str | None) -> dict[str, Any]:
    """The record fields that come from segmentation; `blocks` lists everything in reading order."""
    blocks: list[dict[str, str]] = []
    if title:
        blocks.append({"label": BlockLabel.TITLE.value, "text": title, "selector": "title", "reason": "metadata"})
    blocks.extend(
        {"label": BlockLabel.BODY.value, "text": paragraph, "selector": "main", "reason": "main-content"}
        for paragraph in body.split("\n\n")
        if paragraph.strip()
    )
    bios, promos, forms, related = [], [], [], []
    seen_related: set[str] = set()
    for unit in units:
        blocks.append(
            {"label": unit.label.value, "text": unit.text, "selector": selector(unit.element), "reason": unit.reason}
        )
        if unit.label is BlockLabel.BIO:
            bios.append(unit.text)
        elif unit.label is BlockLabel.PROMO:
            promos.append(unit.text)
        elif unit.label is BlockLabel.FORM:
            forms.append({"kind": form_kind(unit.text, unit.element), "text": unit.text})
        elif unit.label is BlockLabel.RELATED:
            for link in _related_links(unit, url):
                if link["url"] not in seen_related:
                    seen_related.add(link["url"])
                    related.append(link)
    return {
        "bio": "\n\n".join(dict.fromkeys(bios)) or None,
        "promos": promos,
        "forms": forms,
        "related": related,
        "blocks": blocks,
    }
