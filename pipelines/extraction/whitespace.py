"""Whitespace and words as a reader sees them: every run of spaces, tabs and newlines is one space."""

import re

#: Han, hiragana and katakana: scripts written without spaces between words (Hangul has them).
_UNSPACED_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
#: Characters per word in Chinese and Japanese text (both average close to two).
_UNSPACED_CHARS_PER_WORD = 2


#: Characters that take no room on the page: zero-width space, non-joiner and joiner, word joiner, byte-order mark.
#: Site builders fill empty paragraphs with one ("<p>&zwj;</p>" as a spacer), which shows nothing.
INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff"


def shows_nothing(text: str) -> bool:
    """Whether `text` (whitespace collapsed) is made of invisible characters alone."""
    return bool(text) and text[0] in INVISIBLE_CHARACTERS and not text.strip(INVISIBLE_CHARACTERS + " ")


def collapse_whitespace(text: str) -> str:
    """Whitespace runs to one space, ends trimmed (str.split is several times faster than a regex)."""
    return " ".join(text.split())


def folded(text: str) -> str:
    """`text` as titles, headings and names compare: whitespace collapsed, lower-cased."""
    return collapse_whitespace(text).lower()


def unspaced_words(text: str) -> int:
    """Words Chinese or Japanese text holds beyond its space-separated runs: one per two characters."""
    return len(_UNSPACED_SCRIPT.findall(text)) // _UNSPACED_CHARS_PER_WORD if not text.isascii() else 0


def count_words(text: str) -> int:
    """Words separated by whitespace, and in Chinese or Japanese one per two characters.

    Split on spaces alone, a Japanese paragraph is one "word", and every feature that
    weighs blocks by their words would read it as a caption.
    """
    return len(text.split()) + unspaced_words(text)


def count_spaced_words(text: str) -> int:
    """`len(text.split())` of text `collapse_whitespace` gave (or such texts joined by one space):
    its words are the spaces plus one, counted without splitting it into a list of them."""
    return text.count(" ") + 1 if text else 0


def count_collapsed_words(text: str) -> int:
    """`count_words` of text `collapse_whitespace` gave."""
    return count_spaced_words(text) + unspaced_words(text)
