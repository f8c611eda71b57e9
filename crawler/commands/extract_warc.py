"""`thresher extract-warc FILE_OR_GLOB... --out DIR`: any WARC (or ARC) file into a thresher dataset.

The same run as `thresher reextract` (`crawler.commands.reextract`): HTML 200 responses
are extracted and filtered as a crawl's pages; revisit records, other statuses, other
content types and unreadable records are drops with their reason. gzip and plain files.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from crawler.commands.reextract import add_common, expand, run_warc_files

HELP = "turn WARC/ARC files (Common Crawl, wget, Heritrix, ...) into a thresher dataset"


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("extract-warc", help=HELP)
    parser.add_argument("files", nargs="+", metavar="FILE_OR_GLOB", help="WARC or ARC files, gzip or plain")
    parser.add_argument("--out", required=True, metavar="DIR", help="dataset directory to write")
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    return run_warc_files(expand(args.files), Path(args.out), args, command="extract-warc")
