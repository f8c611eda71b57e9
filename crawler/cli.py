"""`thresher`: a thin face over Scrapy. Flags become settings and spider arguments.

Each command is a module of `crawler.commands` (its arguments and what it does); this
module puts them under one parser and turns their errors into exit statuses:
0 the run completed; 1 it could not do its job (nothing fetched, output not written, page
unreadable, Redis unreachable); 2 bad arguments (a one-line message, no traceback).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from typing import NoReturn

from crawler import __version__
from crawler.commands import crawl, extract, extract_warc, push, reextract, report, runs, serve_demo
from crawler.commands.common import EXIT_FAILED, EXIT_USAGE, Unavailable, UsageError

#: Command name -> its module, in the order of `thresher --help`.
COMMANDS = {
    "crawl": crawl,
    "push": push,
    "runs": runs,
    "serve-demo": serve_demo,
    "extract": extract,
    "report": report,
    "reextract": reextract,
    "extract-warc": extract_warc,
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


#: Exit status when stdout is closed early (`thresher runs --json | head -1`): what a shell shows for SIGPIPE.
EXIT_BROKEN_PIPE = 128 + 13


def _unrecognized(parser: argparse.ArgumentParser, args: argparse.Namespace, extras: list[str]) -> NoReturn:
    """Unknown arguments of a command: named with the closest option of that command, and its --help."""
    command = parser._subparsers._group_actions[0].choices[args.command]  # type: ignore[union-attr]
    options = [option for action in command._actions for option in action.option_strings]
    hints = []
    by_name = {option.lstrip("-"): option for option in options}
    for extra in extras:
        flag = extra.split("=", 1)[0]
        match = difflib.get_close_matches(flag.lstrip("-"), by_name, n=1, cutoff=0.75) if flag.startswith("-") else []
        if match:
            hints.append(f"did you mean {by_name[match[0]]}?")
    hint = "; ".join([*hints, f"see thresher {args.command} --help"])
    parser.exit(EXIT_USAGE, f"thresher {args.command}: error: unrecognized arguments: {' '.join(extras)} ({hint})\n")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        _unrecognized(parser, args, extras)
    try:
        status = COMMANDS[args.command].run(args)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at interpreter exit
        return status
    except UsageError as exc:
        print(f"thresher {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Unavailable as exc:
        print(f"thresher {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as a Unix tool does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the interpreter's final flush fails no more
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
