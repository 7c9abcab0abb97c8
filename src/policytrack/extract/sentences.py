"""A Chinese sentence splitter that keeps character offsets into the clean text.

Sentences end at 。！？!? ； ; … and at line breaks.  Closing quotes and
brackets that follow a terminator stay with their sentence, so
``他说：“好。”然后`` splits after ``”``.  Leading and trailing white space is
not part of a sentence; ``text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

__all__ = ["Sentence", "split_sentences"]

_TERMINATORS = "。！？!?；;…"
_CLOSERS = "”’」』）)】》\"'"
# a run of terminators, then any closers; or a line break
_BOUNDARY = re.compile(rf"[{_TERMINATORS}]+[{re.escape(_CLOSERS)}]*|\n+")
_SPACE = " \t\r\n\u3000\u00a0"


@attrs.frozen
class Sentence:
    start: int
    end: int
    text: str


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if start == end:
        return None
    return Sentence(start, end, text[start:end])


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; never returns empty sentences.

    Every extractor splits the same document, so the last few results are cached
    (a new list each call, of the same immutable sentences).
    """
    return list(_split(text))


@lru_cache(maxsize=8)
def _split(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        s = _trimmed(text, start, end)
        if s is not None:
            out.append(s)
        start = m.end()
    s = _trimmed(text, start, len(text))
    if s is not None:
        out.append(s)
    return tuple(out)
