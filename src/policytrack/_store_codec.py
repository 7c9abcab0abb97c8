"""Compact JSON for what the store keeps besides whole records: merge items, merge keys and
merged entities.

Entities are read back on every query, some with thousands of sources, so they are written
as positional JSON arrays and rebuilt with plain constructors (several times faster than the
general converter); :func:`decode_entity` inverts :func:`encode_entity` exactly, which the
tests check for every entity the seeds merge into.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .models import FirstScope, PartialDate
from .queries import Claim, Entity, Fact, Measurement, MergeItem, SourceRef

__all__ = [
    "compact_json",
    "decode_entity",
    "decode_item",
    "decode_key",
    "encode_entity",
    "encode_item",
    "encode_key",
    "entity_family",
]


def compact_json(value: Any) -> str:
    """``value`` as JSON without spaces, Chinese kept as written (what the store writes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class DateCache:
    """``PartialDate.parse`` with a memory: a query reads the same few dates many times."""

    def __init__(self) -> None:
        self._seen: dict[str, PartialDate] = {}

    def __call__(self, text: str | None) -> PartialDate | None:
        if text is None:
            return None
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = PartialDate.parse(text)
        return found


def _date_text(date: PartialDate | None) -> str | None:
    return None if date is None else str(date)


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


# -- merge items and keys --------------------------------------------------------------------
def encode_item(item: MergeItem) -> str:
    """What a record contributes to merging, less its region, date and document (kept in columns)."""
    s = item.source
    return compact_json([item.name, item.kind, item.written, _decimal_text(item.value), item.unit, item.qualifier,
                   _date_text(item.end), s.sentence, s.start, s.end, s.confidence])


def decode_item(
    text: str,
    region: str | None,
    date: str | None,
    document: str,
    published: str | None,
    title: str | None,
    dates: DateCache | None = None,
) -> MergeItem:
    """The :class:`MergeItem` of a stored record (``dates`` shares parsed dates across calls)."""
    parse = dates or DateCache()
    row = json.loads(text)
    name, kind, written, value, unit, qualifier, end, sentence, start, stop = row[:10]
    confidence = row[10] if len(row) > 10 else None  # rows written before records had a confidence
    source = SourceRef(document, sentence, start, stop, parse(published), title, confidence)
    return MergeItem(region, parse(date), source, name, kind=kind, written=written,
                     value=None if value is None else Decimal(value), unit=unit, qualifier=qualifier,
                     end=parse(end))


def encode_key(key: tuple[Any, ...]) -> str:
    """A merge key (:attr:`policytrack.queries.RecordKey.key`) as JSON (a statistic's value as text)."""
    return compact_json([str(part) if isinstance(part, Decimal) else part for part in key])


def decode_key(text: str) -> tuple[Any, ...]:
    parts: list[Any] = json.loads(text)
    if parts[0] == "value":  # ("value", kind, metric, region, value, unit)
        parts[4] = Decimal(parts[4])
    return tuple(parts)


# -- entities --------------------------------------------------------------------------------
def entity_family(entity: Entity) -> str:
    """``first``, a fact's kind (``product``, ``institution``, ``initiative``, ``event``) or a
    measurement's (``measurement``, ``target``): the family a query selection names."""
    return "first" if isinstance(entity, Claim) else entity.kind


def _sources(entity: Entity) -> list[list[Any]]:
    return [[s.document, s.sentence, s.start, s.end, _date_text(s.published), s.title, s.confidence]
            for s in entity.sources]


def _read_sources(rows: list[list[Any]], parse: DateCache) -> tuple[SourceRef, ...]:
    # (rows written before records had a confidence have six fields)
    return tuple(SourceRef(r[0], r[1], r[2], r[3], parse(r[4]), r[5], r[6] if len(r) > 6 else None) for r in rows)


def _corrected(entity: Entity) -> list[list[str]]:
    """A corrected entity's last element: the fields a person corrected (none: no element)."""
    return [list(entity.corrected)] if entity.corrected else []


def encode_entity(entity: Entity) -> str:
    """One merged entity as a positional JSON array (its class told by the first element)."""
    date = _date_text(entity.date)
    if isinstance(entity, Claim):
        return compact_json(["c", entity.id, entity.subject, entity.scope.value, entity.kind, entity.status,
                       entity.region, list(entity.claimants), date, _sources(entity), list(entity.subjects),
                       *_corrected(entity)])
    if isinstance(entity, Fact):
        return compact_json(["f", entity.id, entity.kind, entity.type, entity.name, entity.region, date,
                       _sources(entity), _date_text(entity.end), _decimal_text(entity.value), entity.unit,
                       *_corrected(entity)])
    return compact_json(["m", entity.id, entity.kind, entity.metric, entity.canonical, entity.region, date,
                   str(entity.value), entity.unit, _sources(entity), entity.label, list(entity.written),
                   entity.qualifier, _date_text(entity.end), entity.description, *_corrected(entity)])


#: positional elements of each kind of stored entity, less the optional corrected fields
_SIZES = {"c": 11, "f": 11, "m": 15}


def decode_entity(text: str | bytes, dates: DateCache | None = None) -> Entity:
    """The entity :func:`encode_entity` wrote (``dates`` shares parsed dates across calls)."""
    parse = dates or DateCache()
    row = json.loads(text)
    tag = row[0]
    size = _SIZES.get(tag)
    if size is None or len(row) not in (size, size + 1):
        raise ValueError(f"not a stored entity: {str(text)[:40]!r}")
    corrected = tuple(row.pop()) if len(row) > size else ()
    if tag == "c":
        _, id_, subject, scope, kind, status, region, claimants, date, sources, subjects = row
        return Claim(id_, subject, FirstScope(scope), kind, status, region, tuple(claimants), parse(date),
                     _read_sources(sources, parse), tuple(subjects), corrected)
    if tag == "f":
        _, id_, kind, type_, name, region, date, sources, end, value, unit = row
        return Fact(id_, kind, type_, name, region, parse(date), _read_sources(sources, parse), parse(end),
                    None if value is None else Decimal(value), unit, corrected)
    if tag == "m":
        (_, id_, kind, metric, canonical, region, date, value, unit, sources, label, written, qualifier, end,
         description) = row
        return Measurement(id_, kind, metric, canonical, region, parse(date), Decimal(value), unit,
                           _read_sources(sources, parse), label, tuple(written), qualifier, parse(end), description,
                           corrected)
    raise ValueError(f"not a stored entity: {str(text)[:40]!r}")
