"""Short body lines against the truth: how often a candidate cue's lines are the truth's own.

Before a line becomes a cue (`cues.CONTROL_LINE_CUES`, `cues.LINE_CUES`), count its matches in the
bodies thresher gives on the development folds: a line the truth never holds is boilerplate there,
one it holds as often as not is content on some pages. Every page of the folds is extracted (with
the out-of-fold models of `--model-dir` when given, as `wcxb.py` does), and each body block of at
most `--max-words` words is kept with whether its words stand in the truth's (lowercase `\\w+` words,
as the word F1 counts them). A pattern (searched in the block's text, case-insensitive) is then
counted per page type: lines in the truth and not, and on how many hosts; `--frequent` lists instead
the commonest lines off the truth that several hosts share, the candidates to look at.

    python benchmarks/lines.py '^\\W*(read|see) more\\W*$' --model-dir DIR
    python benchmarks/lines.py --frequent 40 --model-dir DIR

Fold 4 is held back (`corpus.HELD_OUT_FOLD`): the default folds are 0-3.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import corpus

if str(corpus.REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(corpus.REPO_ROOT))


@dataclass(frozen=True, slots=True)
class BodyLine:
    page_type: str
    host: str
    text: str
    in_truth: bool


def words_of(text: str) -> str:
    """The text's words as the word F1 counts them, joined by single spaces."""
    return " ".join(corpus.word_tokens(text))


def lines_of(body_texts: Iterable[str], truth: str, page_type: str, host: str, max_words: int) -> list[BodyLine]:
    """The body blocks of at most `max_words` words, each with whether its words stand in the truth's."""
    padded = f" {words_of(truth)} "
    lines = []
    for text in body_texts:
        words = words_of(text)
        if words and len(words.split()) <= max_words:
            lines.append(BodyLine(page_type, host, text.strip(), f" {words} " in padded))
    return lines


def count_matches(lines: Iterable[BodyLine], pattern: re.Pattern[str]) -> dict[str, dict[str, Any]]:
    """Per page type: lines matching `pattern` in the truth and not, their hosts, and the commonest texts."""
    table: dict[str, dict[str, Any]] = defaultdict(lambda: {"in": 0, "out": 0, "hosts": set(), "texts": Counter()})
    for line in lines:
        if pattern.search(line.text):
            row = table[line.page_type]
            row["in" if line.in_truth else "out"] += 1
            row["hosts"].add(line.host)
            row["texts"][(line.text, line.in_truth)] += 1
    return dict(table)


def frequent_off_truth(lines: Iterable[BodyLine], min_hosts: int) -> list[tuple[str, int, int, int]]:
    """Lines off the truth that at least `min_hosts` hosts share, by their words: (words, hosts, times off the
    truth, times in it), the most widespread first."""
    out: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    hosts: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        words = words_of(line.text)
        if line.in_truth:
            inside[words] += 1
        else:
            out[words] += 1
            hosts[words].add(line.host)
    rows = [(words, len(hosts[words]), n, inside[words]) for words, n in out.items() if len(hosts[words]) >= min_hosts]
    return sorted(rows, key=lambda row: (-row[1], -row[2], row[0]))


_STATE: dict[str, Any] = {}


def _init(model_dir: str | None, max_words: int) -> None:
    from pipelines.extraction import extract

    _STATE.update(extract=extract, model_dir=model_dir, max_words=max_words)


def _page_lines(page: corpus.DevPage) -> list[BodyLine]:
    kwargs = corpus.fold_models(_STATE["model_dir"], page.fold) if _STATE["model_dir"] else {}
    record = _STATE["extract"](page.html, page.url or None, **kwargs)
    body = (block["text"] for block in record.blocks if block.get("label") == "body")
    host = urlsplit(page.url).hostname or ""
    return lines_of(body, page.main_content or "", page.page_type, host, _STATE["max_words"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pattern", nargs="?", help="regular expression searched in each short body line")
    parser.add_argument("--folds", type=corpus.folds_arg, default="0,1,2,3", help="comma-separated (default 0,1,2,3)")
    parser.add_argument("--source", choices=("wcxb", "aeb", "all"), default="all")
    parser.add_argument("--model-dir", help="extract fold k with the models trained without it (DIR/fold-k...)")
    parser.add_argument("--max-words", type=int, default=8, help="longest line counted (default 8 words)")
    parser.add_argument("--frequent", type=int, metavar="N", help="list the N commonest lines off the truth")
    parser.add_argument("--min-hosts", type=int, default=3, help="hosts a --frequent line is on (default 3)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if args.pattern is None and args.frequent is None:
        parser.error("give a pattern, or --frequent N")
    try:
        pattern = re.compile(args.pattern, re.I) if args.pattern else None
    except re.error as exc:
        parser.error(f"pattern: {exc}")
    if args.jobs < 1 or args.max_words < 1 or args.min_hosts < 1:
        parser.error("--jobs, --max-words and --min-hosts take a whole number of at least 1")
    pages = corpus.command_pages(args.source, args.folds)
    with ProcessPoolExecutor(args.jobs, initializer=_init, initargs=(args.model_dir, args.max_words)) as pool:
        lines = [line for page_lines in pool.map(_page_lines, pages, chunksize=8) for line in page_lines]
    print(
        f"{len(pages)} pages, folds {','.join(map(str, sorted(args.folds)))}: {len(lines)} body lines of at most {args.max_words} words"
    )
    if pattern is not None:
        table = count_matches(lines, pattern)
        print(f"{'page type':<15}{'in truth':>9}{'off':>6}{'hosts':>7}  commonest")
        for page_type, row in sorted(table.items()):
            common = ", ".join(
                f"{text!r}{'' if inside else '*'} {n}" for (text, inside), n in row["texts"].most_common(4)
            )
            print(f"{page_type:<15}{row['in']:>9}{row['out']:>6}{len(row['hosts']):>7}  {common}")
        print("(* off the truth)")
    if args.frequent:
        print(f"{'hosts':>5}{'off':>6}{'in':>6}  line")
        for words, hosts, off, inside in frequent_off_truth(lines, args.min_hosts)[: args.frequent]:
            print(f"{hosts:>5}{off:>6}{inside:>6}  {words}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
