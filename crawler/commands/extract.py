"""`thresher extract PAGE`: one page (a file, or a URL fetched politely by crawler.fetch) to stdout or an HTML view."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crawler.commands.common import EXIT_FAILED, EXIT_OK, Unavailable, UsageError, write_view


def add_parser(commands: Any) -> None:
    extract = commands.add_parser("extract", help="extract one page (file or URL) to stdout")
    extract.add_argument("page", metavar="PATH_OR_URL")
    extract.add_argument("--url", help="the page's URL, when PATH_OR_URL is a file")
    extract.add_argument("--format", choices=("json", "text"), default="json")
    extract.add_argument(
        "--explain",
        metavar="OUT.html",
        help="write an HTML view of the page's labelled blocks and its record to OUT.html instead of printing it",
    )


def read_page(page: str) -> tuple[bytes, str | None, str | None]:
    """(html, url, content type) from a file path or an http(s) URL.

    A URL that cannot be fetched (network error, HTTP error, robots.txt) is exit status 1,
    not a usage error: the command was right, the page was not to be had (a retry may work).
    """
    if page.startswith(("http://", "https://")):
        from crawler.fetch import FetchError, fetch

        try:
            return fetch(page)
        except FetchError as exc:
            raise Unavailable(str(exc)) from None
    try:
        return Path(page).read_bytes(), None, None
    except OSError as exc:
        raise UsageError(f"cannot read {page}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    from pipelines.extraction import ExtractionError, extract

    html, fetched_url, content_type = read_page(args.page)
    try:
        article = extract(html, args.url or fetched_url, content_type=content_type, explain=bool(args.explain))
    except ExtractionError as exc:
        print(f"thresher: {args.page}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.explain:
        from crawler.views.explain import write_explain

        return write_view(args.explain, lambda path: write_explain(article, path, source=args.page))
    if args.format == "text":
        print(article.title or "")
        print()
        print(article.body)
    else:
        json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    return EXIT_OK
