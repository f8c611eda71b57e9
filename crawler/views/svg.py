"""Bar charts and histograms as inline SVG strings: no chart library, no script, no network.

Every bar is a `<rect class="bar">` with its number in `data-value` and a `<title>`
tooltip, so a test (or a curious reader of the source) can count and check them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .page import esc

_ROW, _BAR, _VALUE_W, _CHAR_W = 22, 15, 150, 7.0
_DEFAULT_FILL = "#0072B2"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # shown after the bar, e.g. "12 (40%)"
    fill: str = _DEFAULT_FILL
    stroke: str = "none"  # an outline, for fills too pale to see on white


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hbar_chart(
    bars: Sequence[Bar], *, chart_id: str, title: str, width: int = 720, scale_max: float | None = None
) -> str:
    """One horizontal bar per item, label on the left, value text on the right."""
    if not bars:
        return f'<p class="note" id="{esc(chart_id)}">Nothing to chart.</p>'
    label_chars = min(max(len(bar.label) for bar in bars), 42)
    label_w = int(label_chars * _CHAR_W) + 12
    plot_w = max(width - label_w - _VALUE_W, 120)
    top = max(scale_max if scale_max is not None else max(bar.value for bar in bars), 1e-9)
    height = len(bars) * _ROW + 6
    rows = []
    for i, bar in enumerate(bars):
        y = 3 + i * _ROW
        w = plot_w * max(bar.value, 0) / top
        tip = f"{bar.label}: {bar.text}"
        rows.append(
            f'<g class="row"><title>{esc(tip)}</title>'
            f'<text x="{label_w - 8}" y="{y + _BAR - 3}" text-anchor="end">{esc(_clip(bar.label, 42))}</text>'
            f'<rect class="bar" x="{label_w}" y="{y}" width="{w:.1f}" height="{_BAR}" fill="{esc(bar.fill)}" stroke="{esc(bar.stroke)}" '
            f'data-label="{esc(bar.label)}" data-value="{bar.value:g}"></rect>'
            f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + _BAR - 3}">{esc(bar.text)}</text></g>'
        )
    return (
        f'<svg class="chart hbar" id="{esc(chart_id)}" role="img" aria-label="{esc(title)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{esc(title)}</title>" + "".join(rows) + "</svg>"
    )


@dataclass(frozen=True)
class Bin:
    low: int  # inclusive
    high: int  # exclusive
    count: int


def _nice(step: float) -> int:
    """The smallest of 1, 2 or 5 times a power of ten at least `step`: bins that read well on an axis."""
    if step <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(step))
    return next(int(m * magnitude) for m in (1, 2, 5, 10) if m * magnitude >= step)


def histogram_bins(values: Sequence[int], target: int = 12) -> list[Bin]:
    """Equal bins of a round width over the values' range, at most `target` + 1 of them, empty ones kept.

    The first bin starts at a multiple of the width at or below the smallest value (not at 0),
    so a dataset of 400 to 700 word articles gets its bars spread over the whole chart.
    """
    if not values:
        return []
    low, high = max(min(values), 0), max(max(values), 0)
    width = _nice((high - low + 1) / target)
    start = low // width * width
    counts = [0] * ((high - start) // width + 1)
    for value in values:
        counts[(max(value, 0) - start) // width] += 1
    return [Bin(start + i * width, start + (i + 1) * width, c) for i, c in enumerate(counts)]


def histogram(bins: Sequence[Bin], *, chart_id: str, title: str, unit: str, width: int = 720, height: int = 240) -> str:
    """Vertical bars over equal bins; the x axis is labelled at bin edges, the y axis at its top count."""
    if not bins:
        return f'<p class="note" id="{esc(chart_id)}">Nothing to chart.</p>'
    left, right, top, bottom = 44, 12, 12, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(b.count for b in bins) or 1
    slot = plot_w / len(bins)
    parts = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#555"></line>',
        f'<line x1="{left}" y1="{top}" x2="{left + plot_w}" y2="{top}" stroke="#ddd"></line>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h + 4}" text-anchor="end">0</text>',
    ]
    every = max(1, math.ceil(len(bins) / 8))  # at most ~8 axis labels, so they never overlap
    for i, b in enumerate(bins):
        h = plot_h * b.count / peak
        x = left + i * slot
        parts.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{top + plot_h - h:.1f}" width="{max(slot - 2, 1):.1f}" '
            f'height="{h:.1f}" fill="{_DEFAULT_FILL}" data-low="{b.low}" data-high="{b.high}" data-value="{b.count}">'
            f"<title>{esc(f'{b.low} to {b.high - 1} {unit}: {b.count}')}</title></rect>"
        )
        if b.count:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{top + plot_h - h - 3:.1f}" text-anchor="middle">{b.count}</text>'
            )
        if i % every == 0:
            parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{b.low}</text>')
    last = bins[-1].high
    parts.append(f'<text x="{left + plot_w:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{last}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">{esc(unit)}</text>')
    return (
        f'<svg class="chart histogram" id="{esc(chart_id)}" role="img" aria-label="{esc(title)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{esc(title)}</title>" + "".join(parts) + "</svg>"
    )
