"""The shell both views share: one self-contained HTML document that fetches and runs nothing.

Page text is untrusted (any site can put markup in a headline or a bio), so every string
goes through `esc`. The Content-Security-Policy forbids scripts and network loads as a
second line: if an escape were ever missed, the browser would still run and fetch nothing.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

#: No script, no fetch, no form submission; only the inline <style> and data: images.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_CLASS_SAFE = re.compile(r"[^a-z0-9-]")

BASE_CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d9d9d9; --panel: #f6f6f4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       background: #fff; }
h1 { font-size: 1.35rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .6rem; }
h3 { font-size: .95rem; margin: 1rem 0 .4rem; }
code { font: 12px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.top { padding: .9rem 1.4rem; border-bottom: 1px solid var(--rule); background: var(--panel); }
.top p { margin: .2rem 0 0; color: var(--muted); overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .6rem .25rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.url { overflow-wrap: anywhere; max-width: 38rem; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: var(--ink); }
"""


def esc(value: object) -> str:
    """Text or attribute value, escaped (quotes too); None is the empty string."""
    return html.escape("" if value is None else str(value), quote=True)


def css_class(name: str) -> str:
    """A class-name fragment for an arbitrary string (labels come from data files, not only from us)."""
    return _CLASS_SAFE.sub("-", name.lower())[:40] or "x"


def document(title: str, body: str, css: str = "") -> str:
    """A complete HTML document: `body` is trusted markup built with `esc`, `title` is plain text."""
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{BASE_CSS}{css}</style>\n"
        f"</head><body>\n{body}\n</body></html>\n"
    )


def write_html(path: str | Path, markup: str) -> Path:
    """Write the document as UTF-8; unencodable characters (lone surrogates from odd pages) become '?'."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markup, encoding="utf-8", errors="replace")
    return path
