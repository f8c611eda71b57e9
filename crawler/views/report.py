"""`thresher report DIR [-o OUT.html]`: a dataset or one run on one self-contained HTML page.

What a reader asks of a crawl, top to bottom: did it work (outcomes, drop reasons), what
came out (domains, body lengths), what was separated from the bodies (boilerplate by
label), how complete the records are (field coverage), and which pages are the largest.
"""

from __future__ import annotations

import statistics
from datetime import datetime, timezone
from pathlib import Path

from . import labels
from .page import css_class, document, esc, write_html
from .stats import COVERAGE_FIELDS, DatasetStats, collect, default_output
from .svg import Bar, hbar_chart, histogram, histogram_bins

__all__ = ["collect", "default_output", "report_html", "write_report"]

MAX_DOMAINS = 20
_DROP_FILL, _COVERAGE_FILL = "#D55E00", "#009E73"

_CSS = """
main { padding: 0 1.4rem 2.5rem; max-width: 72rem; }
section { margin-top: 1.2rem; }
.tiles { display: flex; flex-wrap: wrap; gap: .7rem; margin: 1rem 0 0; padding: 0; list-style: none; }
.tiles li { background: var(--panel); border: 1px solid var(--rule); padding: .5rem .9rem; min-width: 8.5rem; }
.tiles .n { display: block; font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.tiles .k { color: var(--muted); font-size: .85rem; }
.ok { color: #006b4f; } .bad { color: #b34700; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .4rem 0 .6rem; }
"""


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _tiles(stats: DatasetStats) -> str:
    balanced = stats.requested == stats.exported + stats.dropped + stats.unchanged
    tiles = [
        ("runs", len(stats.runs)),
        ("requested", stats.requested),
        ("exported", stats.exported),
        ("dropped", stats.dropped),
        ("unchanged", stats.unchanged),
        ("records read", stats.records),
    ]
    items = "".join(f'<li><span class="n">{n}</span><span class="k">{esc(k)}</span></li>' for k, n in tiles)
    check = (
        '<p class="ok">requested = exported + dropped + unchanged: the counts balance.</p>'
        if balanced
        else '<p class="bad">The counts do not balance (a run still going, or stopped without its manifest).</p>'
    )
    if stats.records != stats.exported:
        check += (
            f'<p class="note">{stats.records} records in the files, {stats.exported} exported according to the '
            "manifests (a run without a manifest, or records from outside thresher crawl).</p>"
        )
    if stats.not_articles:
        check += f'<p class="note">{stats.not_articles} records are not articles (exported with --page-types).</p>'
    return f'<ul class="tiles" id="totals">{items}</ul>{check}'


def _drops(stats: DatasetStats) -> str:
    if not stats.drops:
        body = '<p class="note">No page was dropped.</p>'
    else:
        bars = [
            Bar(d.reason, d.count, f"{d.count} ({_pct(d.count, stats.dropped or d.count)})", _DROP_FILL)
            for d in stats.drops
        ]
        rows = "".join(
            f"<tr><td><code>{esc(d.reason)}</code></td><td>{esc(', '.join(d.stages) or '-')}</td>"
            f'<td class="num">{d.count}</td><td class="url">{esc(d.example or "")}</td></tr>'
            for d in stats.drops
        )
        body = (
            hbar_chart(bars, chart_id="chart-drops", title="Dropped pages by reason")
            + '<table><thead><tr><th>reason</th><th>stage</th><th class="num">pages</th><th>for example</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>"
            '<p class="note">Reasons are explained in docs/schema.md (drop reasons); every URL is listed in the '
            "runs' drops.jsonl.</p>"
        )
    if stats.unchanged_reasons:
        reasons = ", ".join(f"{esc(k)} {n}" for k, n in stats.unchanged_reasons.most_common())
        body += f'<p class="note">Unchanged since the dataset\'s version (not exported again): {reasons}.</p>'
    return f'<section id="drops"><h2>Drop reasons</h2>{body}</section>'


def _runs(stats: DatasetStats) -> str:
    if not stats.runs:
        return ""
    rows = []
    for run in stats.runs:
        numbers = (run.requested, run.exported, run.dropped, run.unchanged)
        cells = "".join(f'<td class="num">{"-" if n is None else n}</td>' for n in numbers)
        elapsed = run.manifest.get("elapsed_seconds")
        rows.append(
            f"<tr><td><code>{esc(run.run_id)}</code></td><td>{esc((run.started_at or '')[:19].replace('T', ' '))}</td>"
            f'<td>{esc(run.status)}</td>{cells}<td class="num">{"-" if elapsed is None else f"{elapsed:.1f}"}</td></tr>'
        )
    head = "".join(f'<th class="num">{h}</th>' for h in ("requested", "exported", "dropped", "unchanged", "seconds"))
    return (
        f'<section id="runs"><h2>Runs ({len(stats.runs)})</h2><table><thead><tr><th>run</th><th>started (UTC)</th>'
        f"<th>status</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _domains(stats: DatasetStats) -> str:
    top = stats.domains.most_common(MAX_DOMAINS)
    bars = [Bar(domain, n, f"{n} ({_pct(n, stats.records)})") for domain, n in top]
    rest = stats.domains.total() - sum(n for _, n in top)
    more = f'<p class="note">and {len(stats.domains) - len(top)} more domains with {rest} records.</p>' if rest else ""
    return (
        f'<section id="domains"><h2>Records per domain ({_n(len(stats.domains), "domain")})</h2>'
        f"{hbar_chart(bars, chart_id='chart-domains', title='Records per domain')}{more}</section>"
    )


def _words(stats: DatasetStats) -> str:
    counts = stats.word_counts
    summary = (
        f"median {statistics.median(counts):.0f}, mean {statistics.fmean(counts):.0f}, "
        f"min {min(counts)}, max {max(counts)} words"
        if counts
        else "no records"
    )
    chart = histogram(histogram_bins(counts), chart_id="chart-words", title="Body word counts", unit="words in body")
    return (
        f'<section id="words"><h2>Body length</h2><p class="note">Records by body word count ({summary}).</p>'
        f"{chart}</section>"
    )


def _boilerplate(stats: DatasetStats) -> str:
    total = stats.page_words
    present = labels.ordered(stats.label_blocks)
    bars = [
        Bar(
            label,
            100 * stats.label_words[label] / total if total else 0,
            f"{_pct(stats.label_words[label], total)} of text · {stats.label_blocks[label]} blocks",
            labels.style(label).colour,
            labels.border_colour(labels.style(label).colour),
        )
        for label in present
    ]
    rows = "".join(
        f'<tr><td><span class="tag lbl-{esc(css_class(label))}">{esc(label)}</span></td>'
        f'<td class="num">{stats.label_blocks[label]}</td><td class="num">{stats.label_pages[label]}</td>'
        f'<td class="num">{stats.label_words[label]}</td><td class="num">{_pct(stats.label_words[label], total)}</td>'
        f"<td>{esc(labels.style(label).meaning)}</td></tr>"
        for label in present
    )
    table = (
        '<table><thead><tr><th>label</th><th class="num">blocks</th><th class="num">pages</th>'
        f'<th class="num">words</th><th class="num">share</th><th>what it is</th></tr></thead><tbody>{rows}</tbody></table>'
        if present
        else ""
    )
    return (
        '<section id="boilerplate"><h2>Page text by label</h2>'
        f'<p class="note">All the text of the records\' pages ({total} words in their <code>blocks</code>), by the '
        "label each block got: body is what the records keep as the article; the rest was separated from it.</p>"
        f"{hbar_chart(bars, chart_id='chart-labels', title='Share of page text by label', scale_max=100)}"
        f"{table}</section>"
    )


def _coverage(stats: DatasetStats) -> str:
    n = stats.records
    bars = [
        Bar(
            name,
            100 * stats.coverage[name] / n if n else 0,
            f"{_pct(stats.coverage[name], n)} ({stats.coverage[name]} of {n})",
            _COVERAGE_FILL,
        )
        for name in COVERAGE_FIELDS
    ]
    return (
        '<section id="coverage"><h2>Field coverage</h2><p class="note">Share of records where the field is present '
        "(not null, not empty).</p>"
        f"{hbar_chart(bars, chart_id='chart-coverage', title='Field coverage', scale_max=100) if n else ''}</section>"
    )


def _largest(stats: DatasetStats) -> str:
    rows = "".join(
        f'<tr><td class="url">{esc(page.url)}</td><td>{esc(page.title)}</td><td class="num">{page.page_words}</td>'
        f'<td class="num">{page.body_words}</td><td class="num">{_pct(max(page.page_words - page.body_words, 0), page.page_words)}</td></tr>'
        for page in stats.largest
    )
    table = (
        '<table><thead><tr><th>URL</th><th>title</th><th class="num">page words</th><th class="num">body words</th>'
        f'<th class="num">outside body</th></tr></thead><tbody>{rows}</tbody></table>'
        if rows
        else '<p class="note">No records.</p>'
    )
    return (
        f'<section id="largest"><h2>Largest pages</h2><p class="note">Fetch times are not recorded per page (only '
        "each run's duration, above), so the slowest pages cannot be listed: these are the largest, by the words "
        f"of all their text.</p>{table}</section>"
    )


def report_html(stats: DatasetStats) -> str:
    """The report page for collected `stats`, as a complete HTML document."""
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    what = "one run" if stats.scope == "run" else f"dataset, {_n(len(stats.runs), 'run')}"
    body = (
        f'<header class="top"><h1>thresher report: {esc(stats.source)}</h1>'
        f"<p>{esc(what)} · {_n(stats.records, 'record')} · made {made}</p></header><main>"
        f"{_tiles(stats)}{_drops(stats)}{_domains(stats)}{_words(stats)}{_boilerplate(stats)}"
        f"{_coverage(stats)}{_largest(stats)}{_runs(stats)}</main>"
    )
    return document(f"thresher report: {stats.source}", body, labels.label_css(stats.label_blocks) + _CSS)


def write_report(stats: DatasetStats, path: str | Path) -> Path:
    return write_html(path, report_html(stats))
