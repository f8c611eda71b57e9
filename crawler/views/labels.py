"""How each block label looks: colour, border style, pattern, and the words for it.

Colour alone fails colour-blind readers, so a label is shown three ways at once: its
name as text (a tag on every block and in the legend), a border style and a background
pattern, over a tint from the Okabe-Ito palette (distinguishable with any of the common
colour-vision deficiencies). Eight colours serve thirteen labels; the border style and
pattern tell apart the labels that share one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pipelines.extraction import BlockLabel

from .page import css_class, esc

# Okabe & Ito (2008), "Color Universal Design"
BLUE, SKY, GREEN, YELLOW = "#0072B2", "#56B4E9", "#009E73", "#F0E442"
ORANGE, VERMILLION, PURPLE, BLACK, GREY = "#E69F00", "#D55E00", "#CC79A7", "#000000", "#8C8C8C"


@dataclass(frozen=True)
class LabelStyle:
    colour: str
    border: str  # CSS border-style
    pattern: str  # a key of _PATTERNS
    meaning: str  # what the label is, and where its text ends up in the record


STYLES: dict[str, LabelStyle] = {
    BlockLabel.BODY.value: LabelStyle(BLUE, "solid", "none", "article text, kept in body"),
    BlockLabel.TITLE.value: LabelStyle(BLUE, "double", "none", "the headline (title)"),
    BlockLabel.BYLINE.value: LabelStyle(SKY, "dashed", "none", "author and date line"),
    BlockLabel.BIO.value: LabelStyle(GREEN, "solid", "dots", "author bio, kept in bio"),
    BlockLabel.PROMO.value: LabelStyle(VERMILLION, "solid", "stripes", "ad or offer, kept in promos"),
    BlockLabel.FORM.value: LabelStyle(ORANGE, "dashed", "dots", "form or sign-up, kept in forms"),
    BlockLabel.SHARE.value: LabelStyle(PURPLE, "dotted", "none", "share and follow buttons"),
    BlockLabel.RELATED.value: LabelStyle(YELLOW, "solid", "hstripes", "teasers of other articles, kept in related"),
    BlockLabel.COMMENTS.value: LabelStyle(PURPLE, "dashed", "stripes", "comments section"),
    BlockLabel.NAVIGATION.value: LabelStyle(BLACK, "dashed", "none", "menus, breadcrumbs, pagination"),
    BlockLabel.FOOTER.value: LabelStyle(BLACK, "double", "hstripes", "site footer"),
    BlockLabel.CONSENT.value: LabelStyle(VERMILLION, "dotted", "cross", "cookie or consent banner"),
    BlockLabel.OTHER.value: LabelStyle(GREY, "dotted", "none", "outside the body, not otherwise labelled"),
}
_UNKNOWN = LabelStyle(GREY, "dashed", "cross", "a label this version of the view does not know")


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _luminance(colour: str) -> float:
    def channel(i: int) -> float:
        c = int(colour[i : i + 2], 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)


def ink(colour: str) -> str:
    """Black or white, whichever contrasts more with `colour` (for text on a solid tag)."""
    lum = _luminance(colour)
    return "#000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#fff"


def border_colour(colour: str) -> str:
    """Yellow lines vanish on white: draw them dark; the tint and tag keep the yellow."""
    return "#7a6f00" if colour == YELLOW else colour


def _pattern(kind: str, colour: str) -> str:
    c = _rgba(colour, 0.22)
    patterns = {
        "none": "none",
        "stripes": f"repeating-linear-gradient(135deg, {c} 0 5px, transparent 5px 12px)",
        "hstripes": f"repeating-linear-gradient(0deg, {c} 0 3px, transparent 3px 10px)",
        "dots": f"radial-gradient({_rgba(colour, 0.45)} 1.3px, transparent 1.6px)",
        "cross": f"repeating-linear-gradient(45deg, {c} 0 2px, transparent 2px 9px), "
        f"repeating-linear-gradient(-45deg, {c} 0 2px, transparent 2px 9px)",
    }
    return patterns.get(kind, "none")


def style(label: str) -> LabelStyle:
    return STYLES.get(label, _UNKNOWN)


def ordered(labels: Iterable[str]) -> list[str]:
    """Labels in the enum's order (body first, other last), unknown ones after them."""
    known = [label for label in STYLES if label in set(labels)]
    return known + sorted(set(labels) - set(STYLES))


def label_css(extra: Iterable[str] = ()) -> str:
    """One rule per label (`.lbl-NAME`) setting the custom properties the views draw with."""
    rules = []
    for label in [*STYLES, *sorted(set(extra) - set(STYLES))]:
        s = style(label)
        size = "background-size: 8px 8px;" if s.pattern == "dots" else ""
        rules.append(
            f".lbl-{css_class(label)} {{ --c: {s.colour}; --line: {border_colour(s.colour)}; "
            f"--tint: {_rgba(s.colour, 0.10)}; --ink-on: {ink(s.colour)}; --bs: {s.border}; "
            f"--pat: {_pattern(s.pattern, s.colour)}; {size} }}"
        )
    return "\n".join(rules) + "\n" + _SWATCH_CSS


_SWATCH_CSS = """
.legend ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .35rem .9rem;
             grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
.legend li { display: grid; grid-template-columns: 2.2rem auto 1fr; gap: .5rem; align-items: center; }
.legend li.absent { opacity: .55; }
.swatch { width: 2.2rem; height: 1.3rem; border: 3px var(--bs) var(--line); background-color: var(--tint);
          background-image: var(--pat); box-shadow: inset 4px 0 0 var(--line); }
.tag { display: inline-block; padding: 0 .45rem; border-radius: 3px; background: var(--c); color: var(--ink-on);
       font: 600 12px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; letter-spacing: .02em; }
.legend .meaning { color: var(--muted); font-size: .85rem; }
"""


def legend_html(counts: Mapping[str, int] | None = None, *, unit: str = "block") -> str:
    """Every label with its swatch, tag and meaning; with `counts`, how many of each (absent ones dimmed)."""
    items = []
    for label in ordered([*STYLES, *(counts or {})]):
        n = (counts or {}).get(label, 0)
        count = f" · {n} {unit}{'' if n == 1 else 's'}" if counts is not None else ""
        absent = ' class="absent"' if counts is not None and not n else ""
        cls = css_class(label)
        items.append(
            f'<li{absent} data-label="{esc(label)}"><span class="swatch lbl-{cls}" aria-hidden="true"></span>'
            f'<span class="tag lbl-{cls}">{esc(label)}</span>'
            f'<span class="meaning">{esc(style(label).meaning)}{esc(count)}</span></li>'
        )
    return '<nav class="legend" aria-label="Legend"><h2>Legend</h2><ul>' + "".join(items) + "</ul></nav>"
