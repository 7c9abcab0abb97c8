"""Articles in traditional characters: read in simplified, reported as written.

Pages copied across Chinese sites are often machine-converted to traditional characters
(長春, 郵儲銀行寧夏分行, 天津市政協).  policytrack's vocabularies — regions, organisation
heads, product words, cue words — are written in simplified characters, so such an
article is read through a *simplified shadow* of its text: the same text with every
traditional character replaced by its simplified form, character for character (the
conversion table is OpenCC's ``TSCharacters``, shipped by ``opencc-python-reimplemented``),
so every offset is the same in both.  Extraction runs on the shadow; then each record's
evidence and every name, metric and description it carries are taken back from the
original text at the same offsets, so records quote the article as written.  Region
names stay canonical (simplified).
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any, TypeVar

import attrs

from ..models import Document, Evidence, Quantity

__all__ = ["restore", "simplified"]

#: traditional-only characters an article needs before it is read through the shadow
MIN_TRADITIONAL = 4

_R = TypeVar("_R")


@functools.lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional character -> its first simplified form (single characters only)."""
    text = resources.files("opencc").joinpath("dictionary").joinpath("TSCharacters.txt").read_text(encoding="utf-8")
    table: dict[int, str] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[0]) != 1:
            continue
        first = parts[1].split(" ")[0]
        if len(first) == 1 and first != parts[0]:
            table[ord(parts[0])] = first
    return table


def simplified(text: str) -> str | None:
    """The simplified shadow of ``text`` (same length), or None when it is not written in
    traditional characters (fewer than :data:`MIN_TRADITIONAL` of them)."""
    table = _table()
    if sum(1 for ch in text if ord(ch) in table) < MIN_TRADITIONAL:
        return None
    return text.translate(table)


def _back(original: str, shadow: str, value: str) -> str:
    k = shadow.find(value)
    return original[k : k + len(value)] if k >= 0 else value


def _restore_quantity(q: Quantity | None, original: str, shadow: str) -> Quantity | None:
    if q is None or not q.text:
        return q
    return attrs.evolve(q, text=_back(original, shadow, q.text))


_TEXT_FIELDS = ("subject", "cue", "name", "description", "metric")


def _restore_record(record: _R, doc_text: str, shadow_text: str) -> _R:
    evidence: Evidence = getattr(record, "evidence")  # noqa: B009 - every record has one
    original = doc_text[evidence.start : evidence.end]
    shadow = shadow_text[evidence.start : evidence.end]
    changes: dict[str, Any] = {"evidence": attrs.evolve(evidence, text=original)}
    for name in _TEXT_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            changes[name] = _back(original, shadow, value)
    aliases = getattr(record, "aliases", None)
    if aliases:
        changes["aliases"] = tuple(_back(original, shadow, a) for a in aliases)
    for name in ("amount", "quantity", "change"):
        if hasattr(record, name):
            changes[name] = _restore_quantity(getattr(record, name), original, shadow)
    return attrs.evolve(record, **changes)  # type: ignore[misc]


def restore(extracted: Document, original: Document) -> Document:
    """``extracted`` (records read from the shadow) with ``original``'s text and metadata, and
    every record's text taken back from the original at the same offsets."""
    shadow_text = extracted.text
    doc_text = original.text
    def back(records: tuple[_R, ...]) -> tuple[_R, ...]:
        return tuple(_restore_record(r, doc_text, shadow_text) for r in records)

    return attrs.evolve(
        extracted,
        text=doc_text,
        title=original.title,
        source=original.source,
        firsts=back(extracted.firsts),
        institutions=back(extracted.institutions),
        financing_products=back(extracted.financing_products),
        initiatives=back(extracted.initiatives),
        milestones=back(extracted.milestones),
    )
