"""`thresher`: a thin face over Scrapy. Flags become settings and spider arguments.

Each command is a module of `crawler.commands` (its arguments and what it does); this
module puts them under one parser and turns their errors into exit statuses:
0 the run completed; 1 it could not do its job (nothing fetched, output not written, page
unreadable, Redis unreachable); 2 bad arguments (a one-line message, no traceback).
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from crawler import __version__
from crawler.commands import crawl, extract, push, report, runs, serve_demo
from crawler.commands.common import EXIT_FAILED, EXIT_USAGE, Unavailable, UsageError

#: Command name -> its module, in the order of `thresher --help`.
COMMANDS = {
    "crawl": crawl,
    "push": push,
    "runs": runs,
    "serve-demo": serve_demo,
    "extract": extract,
    "report": report,
}


class _Parser(argparse.ArgumentParser):
    """Reports a usage mistake in one line (exit status 2); the full usage is one --help away."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thresher", description="Crawl article pages into a clean, labelled dataset.")
    parser.add_argument("--version", action="version", version=f"thresher {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS.values():
        command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command].run(args)
    except UsageError as exc:
        print(f"thresher {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Unavailable as exc:
        print(f"thresher {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
