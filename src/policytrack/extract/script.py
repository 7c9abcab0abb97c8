"""Articles in traditional characters: read in simplified, reported as written.

Pages copied across Chinese sites are often machine-converted to traditional characters
(長春, 郵儲銀行寧夏分行, 天津市政協).  policytrack's vocabularies — regions, organisation
heads, product words, cue words — are written in simplified characters, so such an
article is read through its *simplified reading*: the same text with every traditional
character replaced by its simplified form, one for one (:mod:`.script_fold`; the table is
``data/script_fold.json``, generated from OpenCC's public character table), so every
offset is the same in both.  Every extractor runs on that reading; then each record's
evidence and every name, metric, description, quantity text and unit it carries are taken
back from the original text at the same offsets, so records quote the article as written.
Region names stay canonical (simplified).
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from ..models import Document, Evidence, Quantity
from .script_fold import Folding

__all__ = ["reading", "restore", "restore_record"]

_R = TypeVar("_R")


def reading(text: str) -> Folding | None:
    """The simplified reading of ``text``, or None when it is not written in traditional characters."""
    folding = Folding(text)
    return folding if folding.changed else None


def _back(folding: Folding, evidence: Evidence, value: str) -> str:
    k = folding.folded.find(value, evidence.start, evidence.end)
    return folding.unfold(value, k if k >= 0 else None)


def _restore_quantity(q: Quantity | None, folding: Folding, evidence: Evidence) -> Quantity | None:
    if q is None:
        return None
    # the unit too: an article (and its reader) writes 項, 億元 in traditional text
    return attrs.evolve(q, text=_back(folding, evidence, q.text) if q.text else q.text, unit=folding.unfold(q.unit))


_TEXT_FIELDS = ("subject", "cue", "name", "description", "metric")


def restore_record(record: _R, folding: Folding) -> _R:
    """``record`` (read in ``folding``'s simplified reading) quoting the original text as written."""
    evidence: Evidence = getattr(record, "evidence")  # noqa: B009 - every record has one
    changes: dict[str, Any] = {"evidence": attrs.evolve(evidence, text=folding.text[evidence.start : evidence.end])}
    for name in _TEXT_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            changes[name] = _back(folding, evidence, value)
    aliases = getattr(record, "aliases", None)
    if aliases:
        changes["aliases"] = tuple(_back(folding, evidence, a) for a in aliases)
    for name in ("amount", "quantity", "change"):
        if hasattr(record, name):
            changes[name] = _restore_quantity(getattr(record, name), folding, evidence)
    return attrs.evolve(record, **changes)  # type: ignore[misc]


def restore(extracted: Document, original: Document, folding: Folding) -> Document:
    """``extracted`` (records read from the simplified reading) with ``original``'s text and
    metadata, and every record's text taken back from the original at the same offsets."""

    def back(records: tuple[_R, ...]) -> tuple[_R, ...]:
        return tuple(restore_record(r, folding) for r in records)

    return attrs.evolve(
        extracted,
        text=original.text,
        title=original.title,
        source=original.source,
        firsts=back(extracted.firsts),
        institutions=back(extracted.institutions),
        financing_products=back(extracted.financing_products),
        initiatives=back(extracted.initiatives),
        milestones=back(extracted.milestones),
    )
