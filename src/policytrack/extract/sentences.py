"""A Chinese sentence splitter that keeps character offsets into the clean text.

Sentences end at 。！？!? ； ; … and at line breaks.  Closing quotes and
brackets that follow a terminator stay with their sentence, so
``他说：“好。”然后`` splits after ``”``.  Leading and trailing white space is
not part of a sentence; ``text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

import attrs

__all__ = ["BREAK_CHARS", "Sentence", "sentences_at", "split_sentences"]

_TERMINATORS = "。！？!?；;…"
_CLOSERS = "”’」』）)】》\"'"
# a sentence: text up to a run of terminators and any closers after it, or up to a line
# break (not included) or the end; line breaks between sentences are skipped.  The first
# branch backtracks over its run only when no terminator follows, so the scan is linear.
_SENTENCE = re.compile(
    rf"[^{re.escape(_TERMINATORS)}\n]*[{re.escape(_TERMINATORS)}]+[{re.escape(_CLOSERS)}]*"
    rf"|[^{re.escape(_TERMINATORS)}\n]+"
)
_SPACE = " \t\r\n\u3000\u00a0"
# every sentence ends right before or after one of these: a word holding none of them lies
# inside one sentence wherever it occurs in the text
BREAK_CHARS = _TERMINATORS + _CLOSERS + _SPACE


@attrs.frozen
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; never returns empty sentences.

    Every extractor splits the same document, so the last few results are cached
    (a new list each call, of the same immutable sentences).
    """
    return list(_split(text))


def sentences_at(text: str, positions: Iterable[int]) -> list[Sentence]:
    """The sentences of ``text`` (as :func:`split_sentences` splits it) that hold one of
    ``positions``, in order, each once.

    With the positions of a vocabulary's words found in the whole text, this gives
    the sentences holding one, when no word holds one of :data:`BREAK_CHARS`.
    """
    sentences = _split(text)
    starts = [s.start for s in sentences]
    held: set[int] = set()
    for p in positions:
        k = bisect_right(starts, p) - 1
        if k >= 0 and p < sentences[k].end:
            held.add(k)
    return [sentences[k] for k in sorted(held)]


@lru_cache(maxsize=8)
def _split(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for m in _SENTENCE.finditer(text):
        piece = m.group()
        stripped = piece.strip(_SPACE)
        if not stripped:
            continue
        start = m.start()
        if len(stripped) != len(piece):
            start += len(piece) - len(piece.lstrip(_SPACE))
        out.append(Sentence(start, start + len(stripped), stripped))
    return tuple(out)
