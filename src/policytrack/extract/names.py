"""Names start on a word: one boundary rule for every extractor's names.

A name (an institution's, an initiative's, a product's, a first claim's subject)
starts on a word boundary of the shared analysis, and never with a word that cannot
start a name: a reporting verb or preposition (据, 通过, 在), a time word (今年初,
近日), a connective, an adverb or a demonstrative (其他, 此).  Which words and parts of
speech those are is data (``data/lexicon.json``: ``name_non_starters``,
``non_starter_tags``).  This pass runs after the grammars and
before the judgement; it only ever shortens a name from the left, and keeps a name
whole when trimming would leave fewer than two characters.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from ..models import Document
from .analysis import Analysis, SentenceAnalysis, _segmenter, lexicon
from .regions import Gazetteer

__all__ = ["trim_names", "trimmed"]

# a first claim's subject is what follows its cue, as written (以图书馆为主体的…): not trimmed
_FIELDS = {"institutions": "name", "initiatives": "name", "financing_products": "name"}


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon()
    return frozenset(lex["name_non_starters"]), frozenset(lex["non_starter_tags"])


_OPENERS = frozenset("《“「『\"'")


@functools.lru_cache(maxsize=1)
def _by_length(words: frozenset[str]) -> tuple[str, ...]:
    """The non-starter words, longest first (so 这一 is tried before 这)."""
    return tuple(sorted(words, key=len, reverse=True))


def _is_place(word: str) -> bool:
    return Gazetteer.default().get(word) is not None


def _known_word(word: str) -> bool:
    return bool(_segmenter().has_word(word))


def trimmed(sentence: SentenceAnalysis, name: str) -> str:
    """``name`` without the words at its left that cannot start a name (as written in ``sentence``)."""
    k = sentence.text.find(name)
    if k < 0 or len(name) < 3 or sentence.text[k - 1 : k] in _OPENERS:
        return name  # a quoted name or a title is kept as written
    words, tags = _rules()
    start = sentence.start + k
    end = start + len(name)
    pos = start
    for _ in range(4):
        w = sentence.word_at(pos)
        if w is None:
            break
        if w.start != pos or w.end >= end or _is_place(w.surface):
            break
        if w.surface in words or w.tag in tags:
            pos = w.end  # a whole word that cannot start a name
            continue
        glued = next((x for x in _by_length(words) if w.surface.startswith(x) and len(x) < len(w.surface)), None)
        if glued is not None and not _known_word(w.surface):
            pos += len(glued)  # 据区, 这一纯: a word the segmenter glued to the name
            continue
        break
    if pos == start or end - pos < 2:
        return name
    return sentence.text[pos - sentence.start : end - sentence.start]


def trim_names(doc: Document, analysis: Analysis) -> Document:
    """``doc`` with every record's name trimmed by :func:`trimmed`."""
    changes: dict[str, Any] = {}
    for records_field, name_field in _FIELDS.items():
        records = getattr(doc, records_field)
        out = []
        changed = False
        for r in records:
            s = analysis.at(r.evidence.start)
            name = getattr(r, name_field)
            new = trimmed(s, name) if s is not None else name
            if new != name:
                changed = True
                r = attrs.evolve(r, **{name_field: new})
            out.append(r)
        if changed:
            changes[records_field] = tuple(out)
    return attrs.evolve(doc, **changes) if changes else doc
