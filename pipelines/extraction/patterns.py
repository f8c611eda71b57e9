"""Cue patterns compiled for speed: RE2 where the pattern allows it, Python's `re` otherwise.

The cue lists in `cues.py` are long alternations (`\\bpre-?order\\b|\\bbuy now\\b|...`) searched in
every block of a page. Python's backtracking engine tries each alternative at each position;
RE2 runs one automaton over the text, 20-50 times faster on these patterns. RE2 has no
lookaround and no backreferences: a pattern with lookarounds is searched by RE2 without them
first, and by `re` only where that finds something (`_Prefiltered`); one with backreferences is `re`'s. RE2's `\\w` is ASCII,
so it is widened to Unicode letters and digits, as `re` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from functools import cache
from typing import Any

import re2
from re2 import _re2

_WORD_CLASS = r"\pL\pN_"
#: RE2's memory budget per pattern: the Unicode word classes make big programs, and with the
#: default 8 MB the automaton of the longest cue lists runs out and falls back to a slow engine.
_MAX_MEM = 64 << 20


def _unicode_words(pattern: str) -> str:
    """`\\w` as Unicode letters, digits and underscore, inside and outside character classes."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append((_WORD_CLASS if in_class else f"[{_WORD_CLASS}]") if pair == r"\w" else pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


_UNANCHORED = _re2.RE2.Anchor.UNANCHORED
_ANCHOR_START = _re2.RE2.Anchor.ANCHOR_START
_NO_MATCH = (-1, -1)
_UNBUILT = object()


class _Pattern(re2._Regexp):
    """re2's pattern, whose `search` and `match` say "no match" without the wrapper's Python.

    The wrapper decodes offsets in a generator and builds a match object; on a block of text
    that costs more than RE2's own search, and most searches find nothing. Those now take one
    call into RE2; a search that matches is run again by the wrapper, so its result is the same.
    With `sets`, whether there is a match at all is asked of an RE2 set holding the pattern
    alone: it only decides that the pattern occurs, not where, and on text it has not seen (a
    new page) its automaton grows several times faster than the one that finds where a match ends.
    """

    __slots__ = ("_tests",)

    def __init__(self, pattern: str, options: Any, sets: bool = False) -> None:
        super().__init__(pattern, options)
        self._tests: dict[Any, Any] | None = {} if sets else None

    def __getstate__(self) -> Any:
        return super().__getstate__(), self._tests is not None

    def __setstate__(self, state: Any) -> None:
        regexp, sets = state
        super().__setstate__(regexp)
        self._tests = {} if sets else None

    def _test(self, anchor: Any) -> Any:
        """The `Match` of a set of this pattern alone, anchored as `anchor`; None if RE2 cannot make one."""
        test = self._tests.get(anchor, _UNBUILT)
        if test is _UNBUILT:
            regexps = _re2.Set(anchor, self.options)
            test = regexps.Match if regexps.Add(self._pattern.encode()) >= 0 and regexps.Compile() else None
            self._tests[anchor] = test
        return test

    def _found(self, anchor: Any, text: Any, pos: int | None, endpos: int | None) -> Any:
        """One call into RE2 for the common case, a whole str: None when the pattern finds nothing
        in it, else a `_FoundMatch`. Any other call goes to re2's own search or match."""
        if pos is not None or endpos is not None or type(text) is not str:
            return _WRAPPER_FIND[anchor](self, text, pos, endpos)
        encoded = text.encode()
        test = self._test(anchor) if self._tests is not None else None
        if test is not None:
            found = bool(test(encoded))
        else:
            found = self._regexp.Match(anchor, encoded, 0, len(encoded))[0] != _NO_MATCH
        return _FoundMatch(self, anchor, text) if found else None

    def search(self, text: Any, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._found(_UNANCHORED, text, pos, endpos)

    def match(self, text: Any, pos: int | None = None, endpos: int | None = None) -> Any:
        return self._found(_ANCHOR_START, text, pos, endpos)


#: re2's own search and match, by the anchor `_Pattern` passes to RE2 for each.
_WRAPPER_FIND = {_UNANCHORED: re2._Regexp.search, _ANCHOR_START: re2._Regexp.match}


class _FoundMatch:
    """The match `_Pattern.search` or `match` found in a whole str, built by re2's wrapper only when
    something is asked of it beyond its text: most callers only test it, and `group()` (its text)
    is read from RE2's byte offsets, a few microseconds less than the wrapper's match object."""

    __slots__ = ("_anchor", "_match", "_pattern", "_text")

    def __init__(self, pattern: _Pattern, anchor: Any, text: str) -> None:
        self._pattern, self._anchor, self._text, self._match = pattern, anchor, text, None

    def __bool__(self) -> bool:
        return True

    def _matched(self) -> Any:
        """The wrapper's own match object, as `search` or `match` would have returned it."""
        if self._match is None:
            self._match = _WRAPPER_FIND[self._anchor](self._pattern, self._text)
        return self._match

    def group(self, *groups: Any) -> Any:
        if groups not in ((), (0,)):
            return self._matched().group(*groups)
        encoded = self._text.encode()
        start, end = self._pattern._regexp.Match(self._anchor, encoded, 0, len(encoded))[0]
        return encoded[start:end].decode()

    def __getitem__(self, group: Any) -> Any:
        return self._matched()[group]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matched(), name)


def _options(flags: int) -> Any:
    options = re2.Options()
    options.case_sensitive = not flags & re.IGNORECASE
    options.log_errors = False
    options.max_mem = _MAX_MEM
    return options


@cache
def compile_pattern(pattern: str, flags: int = 0, *, set_test: bool = False) -> Any:
    """A compiled pattern with `re`'s `search`/`match`/`finditer`/`sub` API.

    `set_test`: "no match" is decided by an RE2 set holding the pattern alone (see `_Pattern`),
    for a big pattern searched in most blocks of every page. The set is a second compilation
    (about 40 ms for the biggest cues, once per process), which a few searches a page do not repay.
    Cached: several modules and `PatternSet`s ask for the same cue, and the biggest take ~0.1 s each
    to compile, which every process (a crawl, an extraction worker, a CLI call) pays at start-up."""
    try:
        return _Pattern(_unicode_words(pattern), _options(flags), set_test)
    except re2.error:
        exact = re.compile(pattern, flags)
    rough = _without_lookarounds(pattern)
    if rough is None or rough == pattern:  # no lookaround to leave out: RE2 lacks something else
        return exact
    try:
        return _Prefiltered(_Pattern(_unicode_words(rough), _options(flags), set_test), exact)
    except re2.error:
        return exact


class _Prefiltered:
    """A pattern with lookarounds, which RE2 lacks: RE2 runs it without them (`_without_lookarounds`, which
    matches wherever the pattern does, and more), and `re` answers only where that finds something. Most texts
    have no match, and RE2 tells so in one pass: `re` alone, trying each alternative at each position, cost
    "is the ... expert" (`cues.BIO_TEXT_PATTERN`) about 1 ms a page. Whatever it returns is `re`'s."""

    __slots__ = ("_exact", "_rough")

    def __init__(self, rough: _Pattern, exact: re.Pattern[str]) -> None:
        self._rough, self._exact = rough, exact

    def search(self, text: Any, *args: Any) -> Any:
        return self._exact.search(text, *args) if self._rough.search(text, *args) else None

    def match(self, text: Any, *args: Any) -> Any:
        return self._exact.match(text, *args) if self._rough.match(text, *args) else None

    def __getattr__(self, name: str) -> Any:  # finditer, sub, pattern, ...: `re`'s own
        return getattr(self._exact, name)

    def __reduce__(self) -> Any:
        return compile_pattern, (self._exact.pattern, self._exact.flags)


class PatternSet:
    """Which of several patterns a text has, found in one pass over it (RE2's Set).

    A search costs about a microsecond in RE2 whatever it finds, so asking a short text
    eight cue patterns one by one costs eight times what one pass deciding all of them does.
    `find(text)` is the set of names whose pattern `search`es the text (`match`es it, for
    the anchored ones): what `compile_pattern(pattern, flags)` would say of each. A pattern
    RE2 cannot run (lookaround) is asked on its own.
    """

    def __init__(self, patterns: dict[Hashable, tuple[str, bool]], flags: int = 0) -> None:
        self._set = _re2.Set(_UNANCHORED, _options(flags))
        self._names: list[Hashable] = []
        #: set index -> the exact test of a pattern whose set entry is its lookarounds left out
        self._verify: dict[int, Any] = {}
        self._alone: list[tuple[Hashable, Any]] = []
        tests = []
        for name, (pattern, anchored) in patterns.items():
            compiled = compile_pattern(pattern, flags)
            tests.append((name, compiled.match if anchored else compiled.search))
            exact = isinstance(compiled, _Pattern)
            source = _unicode_words(pattern if exact else _without_lookarounds(pattern) or "")
            if (exact or source) and self._set.Add(f"^(?:{source})".encode() if anchored else source.encode()) >= 0:
                if not exact:  # the set finds a superset of its matches, which `re` then tells apart
                    self._verify[len(self._names)] = tests[-1][1]
                self._names.append(name)  # `^` is the start of the text: RE2 is not multi-line by default
            else:
                self._alone.append(tests[-1])
        if self._names and not self._set.Compile():
            self._names, self._verify, self._alone = [], {}, tests  # too big for RE2's memory budget: one by one

    def find(self, text: str) -> set[Any]:
        names, verify = self._names, self._verify
        found = (
            {names[i] for i in self._set.Match(text.encode()) if i not in verify or verify[i](text)} if names else set()
        )
        for name, test in self._alone:
            if test(text):
                found.add(name)
        return found


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def _atoms(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """The pattern's atoms from `start`, with where each begins: an escape, a whole character
    class (`[]...]` and `[^]...]` hold that `]`), or one character."""
    i = start
    while i < len(pattern):
        if pattern[i] == "\\":
            end = i + 2
        elif pattern[i] == "[":
            end = i + 1 + pattern.startswith("^", i + 1)
            end += pattern.startswith("]", end)
            while end < len(pattern) and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            end += 1
        else:
            end = i + 1
        yield i, pattern[i:end]
        i = end


def _without_lookarounds(pattern: str) -> str | None:
    """`pattern` with its lookahead and lookbehind assertions left out, which RE2 lacks: it matches
    wherever `pattern` does (an assertion only forbids matches), and more. None when it has other
    syntax RE2 may lack (a backreference, a conditional) or a quantified assertion, which could not
    be left out alone."""
    out, skip_to = [], 0
    for i, atom in _atoms(pattern):
        if i < skip_to:
            continue
        if atom[0] == "\\" and atom[1:2].isdigit():
            return None  # a backreference
        if pattern.startswith(_LOOKAROUNDS, i):
            skip_to = _group_end(pattern, i) or 0
            if not skip_to or pattern[skip_to : skip_to + 1] in ("*", "+", "?", "{"):
                return None
            continue
        if pattern.startswith(("(?P=", "(?("), i):
            return None
        out.append(atom)
    return "".join(out)


def _group_end(pattern: str, start: int) -> int | None:
    """The index after the `)` closing the group that opens at `start`; None if it is not closed."""
    depth = 0
    for i, atom in _atoms(pattern, start):
        if atom == "(":
            depth += 1
        elif atom == ")":
            depth -= 1
            if not depth:
                return i + 1
    return None


def _without_groups(pattern: str) -> str:
    """`pattern` with its capturing groups made non-capturing: the same matches, and RE2 finds
    where one ends without the slower engine it needs to report groups."""
    return "".join("(?:" if atom == "(" and not pattern.startswith("?", i + 1) else atom for i, atom in _atoms(pattern))


class MatchCounter:
    """How many matches `compile_pattern(pattern, flags).findall(text)` returns, without building
    them: the page-type features count phrases in the whole text of a page, and re2's `findall`
    spends more in Python per match (offsets decoded, match objects, groups) than RE2 in finding it.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        compiled = compile_pattern(pattern, flags)
        self._fallback = None if isinstance(compiled, _Pattern) else compiled
        self._regexp = None
        if self._fallback is None:
            regexp = _re2.RE2(_unicode_words(_without_groups(pattern)).encode(), _options(flags))
            if regexp.ok():
                self._regexp = regexp
            else:
                self._fallback = compiled

    def count(self, text: str, encoded: bytes | None = None) -> int:
        """The matches in `text`; `encoded` is `text.encode()` when the caller counts several patterns in it."""
        if self._regexp is None:
            return len(self._fallback.findall(text))
        # the steps of re2's `finditer`, so an empty match advances as it does there
        if encoded is None:
            encoded = text.encode()
        pos, end, found = 0, len(encoded), 0
        match = self._regexp.Match
        while True:
            span = match(_UNANCHORED, encoded, pos, end)[0]
            if span == _NO_MATCH:
                return found
            found += 1
            if pos == end:
                return found
            pos = pos + _re2.CharLenToBytes(encoded, pos, 1) if pos == span[1] else span[1]
