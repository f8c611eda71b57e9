"""The hostile corpus: the worst of the web, each case with the outcome thresher must give it.

`CASES` is the table: a name, what the case is, the URL the crawl requests (a path on
server A unless it says `{{B}}`, or a non-http URL as an input lists it), how the
server answers it, and the expected outcome: `exported`, or the `stage/reason` of its
line in drops.jsonl. `via` says how the crawl comes to request it: a start URL (`url`,
through --urls-file), a sitemap, a feed, or a link followed from /hostile/links/.
`ROUTES_A` / `ROUTES_B` add what the cases need besides their own URL (robots.txt,
sitemaps, feeds, redirect hops). docs/reliability.md carries the table of `markdown()`
(`python -m tests.hostile.corpus` prints it); tests/hostile/test_hostile_crawl.py
checks the two agree.

Bodies may use `{{A}}`, `{{B}}` (the servers' base URLs), `{{SECRET}}` (a file:// URL of
a file whose content must never appear in any output) and `{{CLOSED}}` (a base URL on
a port nobody listens on).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import PDF_BYTES
from tests.hostile.server import (
    HTML,
    Responder,
    drip,
    endless,
    fail_first,
    gzip_bomb,
    raw,
    redirect,
    reset_mid_body,
    respond,
    stall,
)

PAGES = Path(__file__).resolve().parent / "pages"
MB = 1024 * 1024
Check = Callable[[dict[str, Any]], None]

SENTENCES = [
    "The council voted on Tuesday evening to fund the repair of the old stone bridge over the river.",
    "Engineers found that two of the arches had shifted after last winter's floods and needed new footings.",
    "Residents on both banks have crossed by ferry since the bridge closed to traffic in the spring.",
    "The work is expected to take eight months and will be paid for partly by a regional heritage grant.",
    "Local traders said the closure had cut their takings and welcomed a firm date for the reopening.",
    "A public meeting next month will show the plans and the temporary footpath that keeps the towpath open.",
]


def prose(name: str, paragraphs: int = 6) -> str:
    """Paragraphs of plain news prose, made distinct per case so no two bodies are duplicates."""
    out = []
    for i in range(paragraphs):
        picked = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
        out.append(f"<p>Report {i + 1} on the {name} case. {picked}</p>")
    return "\n".join(out)


def article(
    name: str,
    title: str | None = None,
    *,
    head: str = "",
    body: str | None = None,
    charset: str | None = "utf-8",
    author: str = "Sam Ortiz",
) -> str:
    """A well-formed article page for case `name` (the hostile part goes into head/body)."""
    title = title if title is not None else f"Bridge repairs: the {name} report"
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    return (
        f'<!doctype html>\n<html lang="en"><head>{meta_charset}<title>{title}</title>'
        f'<meta name="author" content="{author}"><meta property="og:type" content="article">{head}</head>\n'
        f"<body><article><h1>{title}</h1>\n{body if body is not None else prose(name)}\n</article></body></html>\n"
    )


def _multilingual(code: str, direction: str = "ltr") -> tuple[str, str]:
    """(title, page) from tests/hostile/pages/CODE.txt: the title line, then one paragraph a line."""
    title, *paragraphs = (PAGES / f"{code}.txt").read_text(encoding="utf-8").splitlines()
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs if p.strip())
    page = (
        f'<!doctype html>\n<html lang="{code}" dir="{direction}"><head>{{META}}<title>{title}</title>'
        f'<meta property="og:type" content="article"></head>\n'
        f"<body><article><h1>{title}</h1>\n{body}\n</article></body></html>\n"
    )
    return title, page


JA_TITLE, JA_PAGE = _multilingual("ja")
RU_TITLE, RU_PAGE = _multilingual("ru")
AR_TITLE, AR_PAGE = _multilingual("ar", "rtl")
CAFE = "Caf\u00e9 cr\u00e8me at the Th\u00e9\u00e2tre: \u201cthe best \u20ac5 you will spend\u201d"
CONTROL = "Budget\x01 vote\x07 delayed\x1b[31m again\x0b\x0c"
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# --- checks on an exported record (a line of articles.jsonl) -------------------------------
def title_is(expected: str) -> Check:
    def check(record: dict[str, Any]) -> None:
        assert record["title"] == expected, record["title"]

    return check


def language_and_title(language: str, title: str) -> Check:
    def check(record: dict[str, Any]) -> None:
        assert record["title"] == title, record["title"]
        assert record["language"] == language
        assert len(record["body"]) > 200  # word_count is no measure here: Japanese has no spaces

    return check


def body_has(text: str) -> Check:
    def check(record: dict[str, Any]) -> None:
        assert text in record["body"], record["body"][:500]

    return check


def no_control_characters(record: dict[str, Any]) -> None:
    for value in [record["title"], *record["authors"], record["body"]]:
        assert not CONTROL_CHARS.search(value or ""), repr(value)


def bounded_fields(record: dict[str, Any]) -> None:
    """A megabyte of title or author does not become a megabyte of title or author field."""
    assert len(record["title"] or "") < 100_000
    assert all(len(author) < 100_000 for author in record["authors"])


def no_date(record: dict[str, Any]) -> None:
    assert record["published"] is None and record["modified"] is None


# --- the cases --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    name: str
    what: str  # one line for docs/reliability.md
    url: str  # as the crawl records it: a path on A, {{B}}/path, or a non-http URL as listed
    expect: str  # "exported" or "stage/reason"
    serve: Responder | None = None  # how the server answers `url` (None: a route below, or 404)
    via: str = "url"  # url (start URL) | sitemap | feed | link
    lands_at: str | None = None  # the URL of the exported record, when a redirect moved it
    http_status: int | None = None  # the drop's http_status
    check: Check | None = None  # more about the exported record

    @property
    def server(self) -> str:
        return "B" if self.url.startswith("{{B}}") else "A"

    @property
    def path(self) -> str:
        return self.url.removeprefix("{{B}}")


def _billion_laughs(root: str, content: str) -> str:
    """An XML document whose DOCTYPE declares ten levels of ten references: 10^9 'lol's if expanded."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    ]
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE {root} [\n' + "\n".join(entities) + "\n]>\n" + content


BOMB_SITEMAP = _billion_laughs(
    "urlset",
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    "<url><loc>&lol9;</loc></url>\n"
    "<url><loc>{{A}}/hostile/sitemaps/after-bomb.html</loc></url>\n"
    "</urlset>\n",
)
BOMB_FEED = _billion_laughs(
    "rss",
    '<rss version="2.0"><channel><title>&lol9;</title>\n'
    "<item><title>&lol9;</title><link>&lol9;</link></item>\n"
    "<item><title>After</title><link>{{A}}/hostile/feeds/after-bomb.html</link></item>\n"
    "</channel></rss>\n",
)


XXE_DOCTYPE = '<!DOCTYPE {root} SYSTEM "{{{{A}}}}/hostile/xxe/evil.dtd" [<!ENTITY xxe SYSTEM "{{{{SECRET}}}}">]>'

XXE_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    + XXE_DOCTYPE.format(root="urlset")
    + '\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    "<url><loc>{{A}}/hostile/xxe/sitemap-leak.html?d=&xxe;</loc></url>\n</urlset>\n"
)

XXE_FEED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    + XXE_DOCTYPE.format(root="rss")
    + '\n<rss version="2.0"><channel><title>&xxe;</title><link>{{A}}/</link>\n'
    "<item><title>Leak &xxe;</title><link>{{A}}/hostile/xxe/feed-leak.html?d=&xxe;</link>"
    "<description>&xxe;</description></item>\n</channel></rss>\n"
)

XXE_PAGE = (
    '<?xml version="1.0"?>\n' + XXE_DOCTYPE.format(root="html") + "\n"
    '<html lang="en"><head><title>Bridge repairs: the page-xxe report &xxe;</title>'
    '<meta property="og:type" content="article"></head>'
    f"<body><article><h1>Bridge repairs: the page-xxe report</h1>\n<p>&xxe;</p>{prose('page-xxe')}\n"
    "<p>Entity: &xxe; end.</p></article></body></html>\n"
)

SCHEMES_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    + "".join(
        f"<url><loc>{loc}</loc></url>\n"
        for loc in (
            "javascript:alert(document.cookie)",
            "data:text/html;base64,PGgxPmhpPC9oMT4=",
            "mailto:editor@example.invalid",
            "../../../../etc/passwd",
            "{{A}}/hostile/links/target.html#from-sitemap",
            "{{A}}/hostile/sitemaps/listed.html",
        )
    )
    + "</urlset>\n"
)

BROKEN_DATES_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Courier</title><link>{{A}}/</link>
<lastBuildDate>Sun, 31 Feb 2024 25:61:99 +9999</lastBuildDate>
<item><title>One</title><link>{{A}}/hostile/feeds/broken-date-1.html</link><pubDate>Thu, 99 Foo 2024 25:61:00 +9999</pubDate></item>
<item><title>Two</title><link>{{A}}/hostile/feeds/broken-date-2.html</link><pubDate>yesterday-ish</pubDate></item>
<item><title>Three</title><link>mailto:tips@example.invalid</link><pubDate></pubDate></item>
</channel></rss>
"""

LINKS_PAGE = article(
    "links",
    body=prose("links")
    + """
<ul>
<li><a href="../../../../etc/passwd">traversal</a></li>
<li><a href="javascript:void(document.location='{{CLOSED}}/js')">script</a></li>
<li><a href="data:text/html,<a href='{{CLOSED}}/data'>x</a>">data</a></li>
<li><a href="mailto:editor@example.invalid">mail</a></li>
<li><a href="file:///etc/passwd">file</a></li>
<li><a href="#comments">comments</a></li>
<li><a href="target.html#section-2">target, a fragment of a start URL</a></li>
<li><a href="{{CLOSED}}/offsite.html">another site</a></li>
<li><a href="//127.0.0.1:1/protocol-relative.html">protocol-relative, another site</a></li>
<li><a href="tel:+15550100">phone</a></li>
</ul>""",
)

# Protego (Scrapy's robots.txt parser) is lenient, as Google's is: a misspelt "Disalow: /" still
# counts. This garbage has no line that reads as a rule, only a Sitemap line with a bad URL.
GARBAGE_ROBOTS = (
    b"\x89PNG\r\n\x1a\n\x00\x00garbage\xff\xfe\n"
    b"User-agent *\n<html><body>Not a robots file</body></html>\n"
    b"Crawl-delay: forever\nSitemap: javascript:alert(1)\n" + bytes(range(256)) + b"\n"
)
B_SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>javascript:alert(1)</loc></sitemap>
<sitemap><loc>{{B}}/hostile/b/sitemap.xml</loc></sitemap>
</sitemapindex>
"""
B_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{{B}}/hostile/b/from-sitemap.html</loc></url></urlset>
"""

ROBOTS_A = b"User-agent: *\nDisallow: /hostile/private/\n"

CASES: list[Case] = [
    # --- malformed HTML -----------------------------------------------------------------
    Case(
        "truncated-html",
        "HTML cut off mid-tag: no closing tags, the last paragraph cut",
        "/hostile/html/truncated.html",
        "exported",
        respond(article("truncated")[:-120]),
        check=body_has("Report 1 on the truncated case"),
    ),
    Case(
        "unclosed-tags",
        "paragraphs, divs, tables and inline tags never closed",
        "/hostile/html/unclosed.html",
        "exported",
        respond(
            article(
                "unclosed",
                body="<div><div><table><tr><td><b><i>"
                + prose("unclosed").replace("</p>", "").replace("<p>", "<p><span>"),
            )
        ),
        check=body_has("Report 2 on the unclosed case"),
    ),
    Case(
        "deep-nesting",
        "10,000 nested <div>s after the article (libxml2 stops at depth 256)",
        "/hostile/html/deep.html",
        "exported",
        respond(article("deep", body=prose("deep") + "<div>" * 10_000 + "<p>deepest words</p>" + "</div>" * 10_000)),
        check=body_has("Report 6 on the deep case"),
    ),
    Case(
        "huge-page",
        "a 50 MB page with a Content-Length (generated as sent)",
        "/hostile/size/50mb.html",
        "fetch/too_large",
        endless(50 * MB, declare_length=True),
    ),
    Case(
        "huge-page-streamed",
        "a 50 MB page without a Content-Length: cut off while streaming",
        "/hostile/size/50mb-streamed.html",
        "fetch/too_large",
        endless(50 * MB, declare_length=False),
    ),
    Case(
        "gzip-bomb",
        "~1 MB on the wire with Content-Encoding: gzip, 1 GiB inflated",
        "/hostile/size/gzip-bomb.html",
        "fetch/too_large",
        gzip_bomb(1024),
    ),
    Case(
        "megabyte-title",
        "<title> and <h1> of 1 MB",
        "/hostile/fields/megabyte-title.html",
        "exported",
        respond(article("megabyte-title", title="Long title words " * 62_000)),
        check=bounded_fields,
    ),
    Case(
        "megabyte-author",
        'meta author of 1 MB, and a 1 MB "byline"',
        "/hostile/fields/megabyte-author.html",
        "exported",
        respond(
            article(
                "megabyte-author",
                author="Author Name " * 90_000,
                body=f'<p class="byline">By {"Writer " * 150_000}</p>' + prose("megabyte-author"),
            )
        ),
        check=bounded_fields,
    ),
    Case(
        "control-characters",
        "title and author with C0 control characters (BEL, ESC, VT, FF, NUL)",
        "/hostile/fields/control.html",
        "exported",
        respond(
            article("control", title=CONTROL, author="Jo\x00hn\x1f Doe\x08").replace("Report 3", "Report\x02 3\x1b[0m")
        ),
        check=no_control_characters,
    ),
    Case(
        "broken-dates",
        "published 2024-13-45T99:99, modified in the year 99999",
        "/hostile/fields/broken-dates.html",
        "exported",
        respond(
            article(
                "broken-dates",
                head='<meta property="article:published_time" content="2024-13-45T99:99:00+99:00">'
                '<meta property="article:modified_time" content="99999-01-01T00:00:00Z">'
                '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "not a date"}</script>',
            )
        ),
        check=no_date,
    ),
    Case(
        "page-xxe",
        "an XHTML page whose DOCTYPE declares an external entity (a local file)",
        "/hostile/xxe/page.html",
        "exported",
        respond(XXE_PAGE),
        check=body_has("Report 1 on the page-xxe case"),
    ),
    # --- encodings ------------------------------------------------------------------------
    Case(
        "utf8-declared-cp1252-sent",
        "charset=utf-8 in header and meta, the bytes are windows-1252",
        "/hostile/charset/declared-utf8.html",
        "exported",
        respond(article("declared-utf8", title=CAFE).encode("cp1252"), content_type=HTML),
        check=title_is(CAFE),
    ),
    Case(
        "cp1252-declared-utf8-sent",
        "charset=windows-1252 declared, the bytes are UTF-8",
        "/hostile/charset/declared-cp1252.html",
        "exported",
        respond(
            article("declared-cp1252", title=CAFE, charset="windows-1252"),
            content_type="text/html; charset=windows-1252",
        ),
        check=title_is(CAFE),
    ),
    Case(
        "utf16-bom",
        "UTF-16 (little-endian) with a BOM, no charset declared",
        "/hostile/charset/utf16.html",
        "exported",
        respond(
            "\ufeff".encode("utf-16-le") + article("utf16", title=CAFE, charset=None).encode("utf-16-le"),
            content_type="text/html",
        ),
        check=title_is(CAFE),
    ),
    Case(
        "no-charset",
        "UTF-8 with no charset anywhere (header, meta, BOM)",
        "/hostile/charset/none.html",
        "exported",
        respond(article("no-charset", title=CAFE, charset=None), content_type="text/html"),
        check=title_is(CAFE),
    ),
    Case(
        "invalid-bytes",
        "declared UTF-8 with invalid sequences (lone continuation bytes, overlongs, 0xFF)",
        "/hostile/charset/invalid.html",
        "exported",
        respond(
            article("invalid-bytes")
            .encode()
            .replace(b"Report 2", b"Report \x80\xbf\xc0\xaf\xff 2")
            .replace(b"Report 4", b"Report \xed\xa0\x80 4")
        ),
        check=body_has("Report 1 on the invalid-bytes case"),
    ),
    Case(
        "nul-bytes",
        "NUL bytes sprinkled through the body text",
        "/hostile/charset/nul.html",
        "exported",
        respond(article("nul").encode().replace(b"Report 3", b"Rep\x00ort\x00 3").replace(b". ", b".\x00 ")),
        check=body_has("Report 1 on the nul case"),
    ),
    Case(
        "binary-as-html",
        "random binary bytes served as text/html",
        "/hostile/charset/binary.html",
        "extract/not_html",
        respond(random.Random(5).randbytes(4096), content_type=HTML),
    ),
    Case(
        "japanese-shift-jis",
        "Japanese in Shift_JIS, declared only in <meta>",
        "/hostile/lang/ja.html",
        "exported",
        respond(JA_PAGE.replace("{META}", '<meta charset="shift_jis">').encode("shift_jis"), content_type="text/html"),
        check=language_and_title("ja", JA_TITLE),
    ),
    Case(
        "russian-cp1251-undeclared",
        "Russian in windows-1251, no charset anywhere",
        "/hostile/lang/ru.html",
        "exported",
        respond(RU_PAGE.replace("{META}", "").encode("cp1251"), content_type="text/html"),
        check=language_and_title("ru", RU_TITLE),
    ),
    Case(
        "arabic-rtl",
        'Arabic, right-to-left (dir="rtl"), UTF-8',
        "/hostile/lang/ar.html",
        "exported",
        respond(AR_PAGE.replace("{META}", '<meta charset="utf-8">')),
        check=language_and_title("ar", AR_TITLE),
    ),
    # --- not HTML -------------------------------------------------------------------------
    Case(
        "html-as-octet-stream",
        "an HTML page served as application/octet-stream",
        "/hostile/types/octet-stream.html",
        "fetch/not_html",
        respond(article("octet-stream"), content_type="application/octet-stream"),
    ),
    Case(
        "pdf-as-html",
        "a PDF served as text/html",
        "/hostile/types/report.html",
        "extract/not_html",
        respond(PDF_BYTES + b"stream\n" + bytes(range(1, 256)) * 40 + b"\nendstream\n", content_type=HTML),
    ),
    Case(
        "image",
        "a PNG image (image/png)",
        "/hostile/types/photo.png",
        "fetch/not_html",
        respond(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, content_type="image/png"),
    ),
    Case(
        "json",
        "a JSON API answer",
        "/hostile/types/api.json",
        "fetch/not_html",
        respond('{"articles": [{"title": "x"}]}', content_type="application/json"),
    ),
    Case(
        "empty-200", "200 text/html with an empty body", "/hostile/types/empty.html", "extract/not_html", respond(b"")
    ),
    Case(
        "whitespace-200",
        "200 text/html with only whitespace",
        "/hostile/types/blank.html",
        "extract/not_html",
        respond(b" \r\n\t\n" * 500),
    ),
    Case(
        "no-text",
        "a well-formed page with no text at all",
        "/hostile/types/no-text.html",
        "filter/page_type",
        respond('<!doctype html><html><head><title></title></head><body><div><img src="a.png"></div></body></html>'),
    ),
    # --- HTTP -----------------------------------------------------------------------------
    Case("http-404", "404 Not Found", "/hostile/http/404.html", "fetch/http_error", http_status=404),
    Case(
        "http-410",
        "410 Gone",
        "/hostile/http/410.html",
        "fetch/http_error",
        respond("<h1>Gone</h1>", status=410),
        http_status=410,
    ),
    Case(
        "http-500",
        "500, every time (retried)",
        "/hostile/http/500.html",
        "fetch/http_error",
        respond("<h1>Oops</h1>", status=500),
        http_status=500,
    ),
    Case(
        "http-503",
        "503 with Retry-After: 3600 (more than THRESHER_RETRY_AFTER_MAX: not retried)",
        "/hostile/http/503.html",
        "fetch/http_error",
        respond("<h1>Busy</h1>", status=503, headers={"Retry-After": "3600"}),
        http_status=503,
    ),
    Case(
        "http-429",
        "429 with Retry-After: 86400, every time",
        "/hostile/http/429.html",
        "fetch/http_error",
        respond("<h1>Slow down</h1>", status=429, headers={"Retry-After": "86400"}),
        http_status=429,
    ),
    Case(
        "http-429-then-ok",
        "429 with Retry-After: 1 once, then the page (retried after 1 s)",
        "/hostile/http/429-once.html",
        "exported",
        fail_first(
            1, respond("<h1>Slow down</h1>", status=429, headers={"Retry-After": "1"}), respond(article("429-once"))
        ),
    ),
    Case(
        "redirect-loop",
        "301 loop between two URLs",
        "/hostile/redirect/loop-a",
        "fetch/too_many_redirects",
        redirect("/hostile/redirect/loop-b"),
    ),
    Case(
        "redirect-chain-long",
        "a chain of 30 redirects (more than REDIRECT_MAX_TIMES)",
        "/hostile/redirect/long/0",
        "fetch/too_many_redirects",
    ),
    Case(
        "redirect-chain-short",
        "a chain of 5 redirects (301, 302, 303, 307, 308) to an article",
        "/hostile/redirect/short/0",
        "exported",
        lands_at="/hostile/redirect/short/end.html",
    ),
    Case(
        "meta-refresh-loop",
        '<meta http-equiv="refresh"> pointing at itself',
        "/hostile/redirect/refresh.html",
        "fetch/too_many_redirects",
        respond(
            '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=/hostile/redirect/refresh.html?again">'
            "<title>Moved</title></head><body>Moved</body></html>"
        ),
    ),
    Case(
        "redirect-to-mailto",
        "a 302 whose Location is mailto:",
        "/hostile/redirect/mailto",
        "fetch/fetch_error",
        redirect("mailto:editor@example.invalid", 302),
    ),
    Case(
        "content-length-too-long",
        "Content-Length: 100000, 3 KB sent, connection closed",
        "/hostile/wire/short-body.html",
        "fetch/fetch_error",
        respond(article("short-body")[:3000], length=100_000),
    ),
    Case(
        "content-length-too-short",
        "Content-Length smaller than the body: the page is cut there",
        "/hostile/wire/long-body.html",
        "exported",
        respond(article("long-body"), length=2200),
        check=body_has("Report 1 on the long-body case"),
    ),
    Case(
        "reset-mid-body",
        "TCP reset after 2 KB of the body",
        "/hostile/wire/reset.html",
        "fetch/fetch_error",
        reset_mid_body(article("reset"), 2048),
    ),
    Case(
        "stall",
        "accepts the connection, never answers",
        "/hostile/wire/stall.html",
        "fetch/timeout",
        stall(before_headers=True),
    ),
    Case(
        "drip",
        "headers, then one byte every 0.1 s (slow loris)",
        "/hostile/wire/drip.html",
        "fetch/timeout",
        drip(0.1),
    ),
    Case(
        "not-http",
        "the server answers with something that is not HTTP",
        "/hostile/wire/not-http",
        "fetch/fetch_error",
        raw(b"SSH-2.0-OpenSSH_9.6\r\nProtocol mismatch.\r\n"),
    ),
    Case(
        "broken-chunked",
        "Transfer-Encoding: chunked with an invalid chunk size",
        "/hostile/wire/chunked.html",
        "fetch/fetch_error",
        raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n<html>\r\n0\r\n\r\n"
        ),
    ),
    Case(
        "header-flood",
        "a 100 KB response header line",
        "/hostile/wire/header.html",
        "fetch/fetch_error",
        respond(article("header"), headers={"X-Padding": "a" * 100_000}),
    ),
    # --- robots.txt -------------------------------------------------------------------------
    Case(
        "robots-disallowed",
        "a path robots.txt disallows (never fetched)",
        "/hostile/private/members.html",
        "fetch/robots_txt",
        respond(article("private")),
    ),
    Case(
        "garbage-robots",
        "a page on a host whose robots.txt is binary garbage (allowed)",
        "{{B}}/hostile/b/page.html",
        "exported",
        respond(article("garbage-robots")),
    ),
    Case(
        "garbage-robots-sitemaps",
        "a page found through that robots.txt's /sitemap.xml index (its javascript: entries skipped)",
        "{{B}}/hostile/b/from-sitemap.html",
        "exported",
        respond(article("from-b-sitemap")),
        via="sitemap",
    ),
    # --- sitemaps and feeds -----------------------------------------------------------------
    Case(
        "sitemap-entity-bomb",
        "a page listed after a billion-laughs entity in the sitemap (never expanded)",
        "/hostile/sitemaps/after-bomb.html",
        "exported",
        respond(article("after-bomb")),
        via="sitemap",
    ),
    Case(
        "sitemap-xxe",
        "a sitemap <loc> ending in an external entity (a local file): the entity is not resolved",
        "/hostile/xxe/sitemap-leak.html?d=",
        "exported",
        respond(article("sitemap-xxe")),
        via="sitemap",
    ),
    Case(
        "feed-xxe",
        "an RSS <link> ending in an external entity (a local file): the entity is not resolved",
        "/hostile/xxe/feed-leak.html?d=",
        "exported",
        respond(article("feed-xxe")),
        via="feed",
    ),
    Case(
        "feed-entity-bomb",
        "a page listed after a billion-laughs entity in an RSS feed (never expanded)",
        "/hostile/feeds/after-bomb.html",
        "exported",
        respond(article("feed-after-bomb")),
        via="feed",
    ),
    Case(
        "feed-broken-dates",
        "an RSS item whose pubDate is Thu, 99 Foo 2024 25:61:00 +9999",
        "/hostile/feeds/broken-date-1.html",
        "exported",
        respond(article("broken-date-1", head='<meta property="article:published_time" content="Thu, 99 Foo 2024">')),
        via="feed",
        check=no_date,
    ),
    Case(
        "feed-unparseable-date",
        'an RSS item whose pubDate is "yesterday-ish"',
        "/hostile/feeds/broken-date-2.html",
        "exported",
        respond(article("broken-date-2")),
        via="feed",
    ),
    Case(
        "feed-mailto",
        "an RSS item whose link is mailto:",
        "mailto:tips@example.invalid",
        "input/invalid_url",
        via="feed",
    ),
    Case(
        "sitemap-javascript",
        "a sitemap <loc> javascript:",
        "javascript:alert(document.cookie)",
        "input/invalid_url",
        via="sitemap",
    ),
    Case(
        "sitemap-data",
        "a sitemap <loc> data:",
        "data:text/html;base64,PGgxPmhpPC9oMT4=",
        "input/invalid_url",
        via="sitemap",
    ),
    Case(
        "sitemap-mailto", "a sitemap <loc> mailto:", "mailto:editor@example.invalid", "input/invalid_url", via="sitemap"
    ),
    Case(
        "sitemap-relative-traversal",
        "a sitemap <loc> ../../../../etc/passwd (relative)",
        "../../../../etc/passwd",
        "input/invalid_url",
        via="sitemap",
    ),
    Case(
        "sitemap-fragment-duplicate",
        "a sitemap <loc> that is a start URL with another #fragment",
        "/hostile/links/target.html#from-sitemap",
        "input/duplicate_url",
        via="sitemap",
    ),
    Case(
        "sitemap-page",
        "an ordinary page listed in that sitemap",
        "/hostile/sitemaps/listed.html",
        "exported",
        respond(article("listed")),
        via="sitemap",
    ),
    # --- URLs in links ----------------------------------------------------------------------
    Case(
        "links-page",
        "a page linking to ../ traversal, javascript:, data:, mailto:, file:, tel:, #fragments, other sites",
        "/hostile/links/index.html",
        "exported",
        respond(LINKS_PAGE),
    ),
    Case(
        "fragment-start-url",
        "a start URL with a #fragment (linked again with another)",
        "/hostile/links/target.html#top",
        "exported",
        respond(article("target")),
        lands_at="/hostile/links/target.html",
    ),
    Case(
        "link-dot-dot",
        "the ../../../../etc/passwd link: resolved inside the site, a 404 there",
        "/etc/passwd",
        "fetch/http_error",
        via="link",
        http_status=404,
    ),
]

# --- what the cases need besides their own URL ---------------------------------------------
ROUTES_A: dict[str, Responder] = {
    "/robots.txt": respond(ROBOTS_A, content_type="text/plain"),
    "/hostile/redirect/loop-b": redirect("/hostile/redirect/loop-a"),
    **{f"/hostile/redirect/long/{n}": redirect(f"/hostile/redirect/long/{n + 1}") for n in range(30)},
    "/hostile/redirect/long/30": respond(article("long-chain-end")),
    **{
        f"/hostile/redirect/short/{n}": redirect(f"/hostile/redirect/short/{n + 1}", status)
        for n, status in enumerate((301, 302, 303, 307, 308))
    },
    "/hostile/redirect/short/5": redirect("/hostile/redirect/short/end.html"),
    "/hostile/redirect/short/end.html": respond(article("short-chain")),
    "/hostile/sitemaps/bomb.xml": respond(BOMB_SITEMAP, content_type="application/xml"),
    "/hostile/sitemaps/not-xml.xml": respond(b"\x00\x01 this is not XML {[", content_type="application/xml"),
    "/hostile/sitemaps/empty.xml": respond(b"", content_type="application/xml"),
    "/hostile/feeds/bomb.rss": respond(BOMB_FEED, content_type="application/rss+xml"),
    "/hostile/sitemaps/xxe.xml": respond(XXE_SITEMAP, content_type="application/xml"),
    "/hostile/sitemaps/schemes.xml": respond(SCHEMES_SITEMAP, content_type="application/xml"),
    "/hostile/sitemaps/gzip-bomb.xml.gz": gzip_bomb(256, as_file=True),
    "/hostile/feeds/broken-dates.rss": respond(BROKEN_DATES_FEED, content_type="application/rss+xml"),
    "/hostile/feeds/xxe.rss": respond(XXE_FEED, content_type="application/rss+xml"),
    # must never be requested: XML parsers do not fetch DTDs
    "/hostile/xxe/evil.dtd": respond('<!ENTITY % leak SYSTEM "{{SECRET}}">', content_type="application/xml-dtd"),
}
ROUTES_B: dict[str, Responder] = {
    "/robots.txt": respond(GARBAGE_ROBOTS, content_type="text/plain"),
    "/sitemap.xml": respond(B_SITEMAP_INDEX, content_type="application/xml"),
    "/hostile/b/sitemap.xml": respond(B_SITEMAP, content_type="application/xml"),
}

SITEMAPS = ["/hostile/sitemaps/bomb.xml", "/hostile/sitemaps/xxe.xml", "/hostile/sitemaps/schemes.xml", "{{B}}/"]
#: inputs that yield no page: bounded and logged, not a crash (docs/reliability.md lists them too)
BAD_SITEMAPS = ["/hostile/sitemaps/gzip-bomb.xml.gz", "/hostile/sitemaps/not-xml.xml", "/hostile/sitemaps/empty.xml"]
FEEDS = ["/hostile/feeds/broken-dates.rss", "/hostile/feeds/xxe.rss", "/hostile/feeds/bomb.rss"]


def routes(server: str) -> dict[str, Responder]:
    """Every route of server `server` ("A" or "B"): the cases' own and the supporting ones."""
    found = dict(ROUTES_A if server == "A" else ROUTES_B)
    for case in CASES:
        if case.server == server and case.serve is not None:
            found[case.path.split("#")[0]] = case.serve
    return found


#: Inputs of the corpus crawl that list no page, with what becomes of them (name, what, outcome).
INPUTS = [
    (
        "sitemap-gzip-bomb",
        "a sitemap.xml.gz that inflates to 256 MiB (more than THRESHER_SITEMAP_MAXSIZE)",
        "input error, logged; no page",
    ),
    ("sitemap-not-xml", "a sitemap whose body is binary junk", "input error, logged; no page"),
    ("sitemap-empty", "a sitemap with an empty body", "input error, logged; no page"),
    ("sitemap-bomb-entry", "the `<loc>&lol9;</loc>` entry of the entity-bomb sitemap", "empty: skipped"),
    ("sitemap-index-javascript", "a sitemap index entry `javascript:alert(1)`", "skipped, with a warning"),
    (
        "robots-sitemap-javascript",
        "`Sitemap: javascript:alert(1)` in the garbage robots.txt",
        "skipped; /sitemap.xml read",
    ),
    ("xxe-dtd", "the external DTD the XXE documents name (`SYSTEM` URL on the test server)", "never requested"),
]
INPUT_ERRORS = 3  # the inputs above that are reported as input errors


def markdown() -> str:
    """The tables of cases (pages, then inputs that list none) for docs/reliability.md."""

    def cell(text: str) -> str:
        return text.replace("<", "&lt;")

    rows = ["| case | what the server does | outcome |", "|---|---|---|"]
    for case in CASES:
        outcome = "exported" if case.expect == "exported" else f"dropped: `{case.expect}`"
        if case.http_status:
            outcome += f" ({case.http_status})"
        via = "" if case.via == "url" else f" (via {case.via})"
        rows.append(f"| `{case.name}` | {cell(case.what)}{via} | {outcome} |")
    rows += ["", "| input | what the server does | outcome |", "|---|---|---|"]
    rows += [f"| `{name}` | {cell(what) if '`' not in what else what} | {outcome} |" for name, what, outcome in INPUTS]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
