"""What fills a boilerplate field: a label's blocks on the development folds, counted by the reason that put them there.

The label benchmark (`aeb_labels.py`) measures recall and body leaks, not what else a field holds: a
footer's "Company About Us Careers" in `bio`, a byline in `bio`, a menu's "Contact Us" in `forms`. This
report counts a label's blocks by their reason's cue (`heading:about us`, `attr:post-author`,
`promo-finder`; probabilities and settled labels left out) with examples of each, so a cue that fills
a field with something else shows, and a change to it is a count before and after. Beside each count,
the blocks (and their words) whose words run unbroken in the page's truth: main content the field
takes from the body, or boilerplate the truth keeps (WCXB's truth keeps some "About the author" boxes).

    python benchmarks/fields.py bio --model-dir DIR                 # folds 0-3, ~1 min
    python benchmarks/fields.py form --reason 'heading:' --examples 10 --model-dir DIR

Fold 4 is held back (`corpus.HELD_OUT_FOLD`): the default folds are 0-3.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import corpus
from lines import words_of

if str(corpus.REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(corpus.REPO_ROOT))

LABELS = ("bio", "form", "promo", "share", "related", "navigation", "footer", "comments", "byline", "other")
_NUMBER = re.compile(r"[:=]p=?[\d.]+$|=[\d.]+$")


def reason_key(reason: str) -> str:
    """The cue of a block's reason: "heading:About Us,as-other" -> "heading:about us", "promo-finder:p=0.46" ->
    "promo-finder"."""
    cue = (reason or "-").split(",")[0]
    cue = _NUMBER.sub("", cue)
    return cue.lower() if cue.startswith("heading:") else cue


_STATE: dict[str, Any] = {}


def _init(model_dir: str | None, label: str) -> None:
    from pipelines.extraction import extract

    _STATE.update(extract=extract, model_dir=model_dir, label=label)


def in_truth(text: str, padded_truth: str) -> bool:
    """Whether a block's words (lowercase `\\w+`, as the word F1 counts them) run unbroken in the truth's, given
    as " word word ... ": the truth keeps it, so the field holds text the page's main content has."""
    words = words_of(text)
    return bool(words) and f" {words} " in padded_truth


def _page_blocks(page: corpus.DevPage) -> list[tuple[str, str, str, bool]]:
    """(reason's cue, page id, text, whether the truth holds it) of each block of the label."""
    kwargs = corpus.fold_models(_STATE["model_dir"], page.fold) if _STATE["model_dir"] else {}
    record = _STATE["extract"](page.html, page.url or None, **kwargs)
    padded = f" {words_of(page.main_content or '')} "
    return [
        (reason_key(block.get("reason") or ""), page.id, block["text"], in_truth(block["text"], padded))
        for block in record.blocks
        if block.get("label") == _STATE["label"]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("label", choices=LABELS, help="the field's block label")
    parser.add_argument("--folds", type=corpus.folds_arg, default="0,1,2,3", help="comma-separated (default 0,1,2,3)")
    parser.add_argument("--source", choices=("wcxb", "aeb", "all"), default="all")
    parser.add_argument("--model-dir", help="extract fold k with the models trained without it (DIR/fold-k...)")
    parser.add_argument("--reason", default="", help="only reasons whose cue starts with this")
    parser.add_argument("--top", type=int, default=25, help="cues listed (default 25)")
    parser.add_argument("--examples", type=int, default=2, help="examples a cue (default 2)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if args.jobs < 1 or args.top < 1 or args.examples < 0:
        parser.error("--jobs and --top take a whole number of at least 1, --examples of at least 0")
    pages = corpus.command_pages(args.source, args.folds)
    with ProcessPoolExecutor(args.jobs, initializer=_init, initargs=(args.model_dir, args.label)) as pool:
        blocks = [block for page_blocks in pool.map(_page_blocks, pages, chunksize=8) for block in page_blocks]
    blocks = [block for block in blocks if block[0].startswith(args.reason)]
    counts = Counter(cue for cue, _, _, _ in blocks)
    kept = Counter(cue for cue, _, _, inside in blocks if inside)  # blocks the truth holds
    kept_words: Counter[str] = Counter()
    for cue, _, text, inside in blocks:
        if inside:
            kept_words[cue] += len(corpus.word_tokens(text))
    pages_of: dict[str, set[str]] = defaultdict(set)
    examples: dict[str, list[str]] = defaultdict(list)
    for cue, page_id, text, _ in blocks:
        pages_of[cue].add(page_id)
        if len(examples[cue]) < args.examples:
            examples[cue].append(f"{page_id[:8]}: {' '.join(text.split())[:100]!r}")
    with_pages = len({page_id for _, page_id, _, _ in blocks})
    print(
        f"{len(pages)} pages, folds {','.join(map(str, sorted(args.folds)))}: {len(blocks)} {args.label} blocks on {with_pages} pages"
    )
    print(
        f"of them the truth holds {sum(kept.values())} blocks, {sum(kept_words.values())} words "
        "(text the field takes from the page's main content, or the truth's own boilerplate)"
    )
    print(f"{'blocks':>7}{'pages':>7}{'in truth':>9}{'words':>7}  cue")
    for cue, n in counts.most_common(args.top):
        print(f"{n:>7}{len(pages_of[cue]):>7}{kept[cue]:>9}{kept_words[cue]:>7}  {cue}")
        for example in examples[cue]:
            print(f"{'':>32}{example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
