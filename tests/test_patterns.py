"""Compiled cue patterns answer as Python's `re` does, whichever RE2 path decides "no match"."""

import pickle
import re

import pytest

from pipelines.extraction.patterns import PatternSet, _without_lookarounds, compile_pattern

_PATTERNS = [
    r"\b(is|was) (a|an|the) ([\w'-]+ ){0,4}(writer|author)\b|^(hi|hello)[,!]? i am [A-Z]",
    r"^\W*(advertisement|sponsored)\b",
    r"newsletter|sign ?up",
    # lookarounds: RE2 finds candidates without them, `re` answers (`patterns._Prefiltered`)
    r"\b(is|was) (a|an|the) ((?!(a|an|the|of|in)\b)[\w'-]+ ){0,4}(writer|author|expert)\b",
    r"^(?!(The|A)\b)[A-Z]\w+( [A-Z]\w+){1,2}$|(?<!not )an advertisement",
]
_TEXTS = [
    "She is a freelance writer based in Oslo.",
    "Hello, I am Ada",
    "hello, i am ada",
    "  Advertisement  ",
    "Not an advertisement",
    "Sign up for our newsletter",
    "Er ist ein Journalist",
    "Ärger: is a författare writer",
    "It is the first in an Expert class of sets",
    "He is the best expert",
    "Ada Lovelace",
    "The Guardian",
    "Not an advertisement, an advertisement",
    "",
]


@pytest.mark.parametrize("set_test", [False, True])
@pytest.mark.parametrize("pattern", _PATTERNS)
def test_search_and_match_agree_with_re(pattern: str, set_test: bool) -> None:
    compiled, python = compile_pattern(pattern, re.I, set_test=set_test), re.compile(pattern, re.I)
    for text in _TEXTS:
        for ours, theirs in ((compiled.search(text), python.search(text)), (compiled.match(text), python.match(text))):
            assert (ours is None) == (theirs is None), text
            if ours is not None:
                assert ours.span() == theirs.span()
                assert ours.group() == ours.group(0) == ours[0] == theirs.group(0)
                assert ours.groups() == theirs.groups()
                if python.groups:
                    assert ours.group(1) == theirs.group(1) and ours.start(1) == theirs.start(1)


def test_a_pickled_pattern_still_searches() -> None:
    compiled = pickle.loads(pickle.dumps(compile_pattern(_PATTERNS[0], re.I, set_test=True)))
    assert compiled.search("He is the author of two books") is not None
    assert compiled.search("nothing here") is None


def test_a_lookaround_pattern_is_searched_by_re2_first() -> None:
    """A pattern RE2 cannot run whole is still decided by RE2 where it finds nothing, and pickles."""
    from pipelines.extraction.patterns import _Prefiltered

    compiled = compile_pattern(_PATTERNS[3], re.I, set_test=True)
    assert isinstance(compiled, _Prefiltered)
    assert compiled.search("He is the best expert") and not compiled.search("It is the first in an Expert class")
    again = pickle.loads(pickle.dumps(compiled))
    assert again.search("He is the best expert") and not again.search("nothing here")


def test_a_set_finds_lookaround_patterns_as_re_does() -> None:
    """A lookbehind pattern (no RE2) is in the set without its assertions, and `re` confirms each hit."""
    patterns = {"nav": (r"\bnav\b|(?<!ajax-)pagination", False), "ad": (r"\bads?\b", False), "x": (r"x(?!y)", True)}
    found = PatternSet(patterns)
    assert not found._alone
    for text in ["ajax-pagination", "pagination ads", "main nav", "xy", "xz nav", "ajax-pagination pagination", ""]:
        expected = {
            name
            for name, (pattern, anchored) in patterns.items()
            if (re.match if anchored else re.search)(pattern, text)
        }
        assert found.find(text) == expected, text


def test_lookarounds_are_left_out_of_the_rest_of_the_pattern() -> None:
    assert _without_lookarounds(r"a(?=(b|c))d[(?=]x\(?!y") == r"ad[(?=]x\(?!y"
    assert _without_lookarounds(r"(?<![a-z(])foo(?!\))") == "foo"
    assert _without_lookarounds(r"(a)\1") is None  # a backreference: no superset RE2 can run
    assert _without_lookarounds(r"x(?=y)*") is None  # a quantified assertion


def test_every_cue_is_defined_once() -> None:
    """A second definition of a name in cues.py silently replaces the first for every module that reads it."""
    import ast
    from collections import Counter
    from pathlib import Path

    from pipelines.extraction import cues

    tree = ast.parse(Path(cues.__file__).read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    assert [name for name, count in names.items() if count > 1] == []


@pytest.mark.parametrize("amount", ["$5", "€5", "£5", "¥500", "₹599", "Rs. 599", "INR 599"])
def test_every_price_cue_knows_every_currency_sign(amount: str) -> None:
    """The currencies are one list (`cues.CURRENCY_SIGN`, `cues.CURRENCY_PREFIX`) that every price cue reads: they
    were written nine times in four versions, and only the promo text knew the rupee ("Moneycontrol Pro for as
    little as Rs 599")."""
    from pipelines.extraction import cues

    line = f"Get the full year for {amount} today"
    for name in ("PRICE_PATTERN", "PROMO_TEXT_PATTERN", "PAID_OFFER_PATTERN"):
        assert re.search(getattr(cues, name), line, re.I), name
    assert re.search(cues.PRICE_LINE_PATTERN, f"From {amount}", re.I)
    if not amount[0].isalpha():  # a sign, not a code: the patterns reading signs alone
        for name in ("PRICE_OR_PERCENT_PATTERN", "ANNOUNCEMENT_PATTERN", "SIGNUP_INCENTIVE_PATTERN"):
            text = f"Get {amount} off your first order"
            assert re.search(getattr(cues, name), text, re.I), name


@pytest.mark.parametrize("text", ["Nur 12,99 €", "12,99 € im Angebot", "ab 10€", "Preis: 100 kr", "24,90 EUR"])
def test_a_price_written_with_its_currency_after_it_is_a_price_at_the_end_of_a_text_too(text: str) -> None:
    """The price "12,99 €" ended the match with a word boundary after the sign, which needs a letter or digit next: the euro
    prices of German and French shops counted only before another word."""
    from pipelines.extraction import cues

    assert re.search(cues.PRICE_PATTERN, text), text


@pytest.mark.parametrize("text", ["$5 off your first order", "Sign up and take $5 off", "€10 voucher for signing up"])
def test_a_sign_up_incentive_in_money_is_one_wherever_it_stands(text: str) -> None:
    """The incentive began with a word boundary, before a currency sign too: "$5 off" after a space or at the
    start was no incentive, only "get $5 off" was."""
    from pipelines.extraction import cues

    assert re.search(cues.SIGNUP_INCENTIVE_PATTERN, text, re.I), text
