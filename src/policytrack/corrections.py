"""Human corrections of merged entities, kept as data in a :class:`~policytrack.store.Store`.

An analyst who finds a wrong answer marks the entity wrong (``reject``) or fixes some of its
fields (``set``), with a note saying why; the queries then answer without it, or under its new
values, and mark what was corrected (``"corrected": ["region"]`` in each record of it).  A
correction is taken back with an undo; nothing is ever deleted, so the list of corrections is
the tracker's change log.

>>> parse_changes(["region=天河区", "value = 12"])
{'region': '天河区', 'value': '12'}

**Fields.**  ``region`` (a name or alias the gazetteer knows), ``date`` (a partial date:
``2021``, ``2021-06``, ``2021-06-30``), ``kind`` (a first claim's kind; a product's,
institution's or initiative's type; ``measurement`` or ``target`` for a statistic), ``value``
(a statistic's or a product's amount, in base units), ``name`` (a claim's subject, a fact's
name, a statistic's description) and ``metric`` (a statistic's metric: a catalog name or
alias, else kept as written).

**Identity.**  A correction names the entity by the ``id`` the queries print (content-derived:
the same articles give the same id in any process).  It also keeps the entity's family and its
evidence (each source's key and sentence), so that when a newer policytrack extracts the
articles again and the id changes (a finer date, another normalised name), the store finds the
entity again by its evidence.  A correction whose fact is no longer found anywhere is
*orphaned*: listed as such by :meth:`Store.corrections`, kept, and applied again if the fact
comes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from .errors import BadArgumentError
from .models import FirstKind, InitiativeKind, InstitutionKind, PartialDate, ProductKind
from .queries import Claim, Entity, Fact, Measurement, MetricCatalog, default_regions, normalise_name

__all__ = ["ACTIONS", "FIELDS", "Correction", "apply_changes", "check_changes", "parse_changes"]

#: The fields a correction may set.
FIELDS = ("region", "date", "kind", "value", "name", "metric")
#: What a correction does.
ACTIONS = ("reject", "set")

_TYPES: dict[str, tuple[str, ...]] = {
    "product": tuple(k.value for k in ProductKind),
    "institution": tuple(k.value for k in InstitutionKind),
    "initiative": tuple(k.value for k in InitiativeKind),
}


@attrs.frozen
class Correction:
    """One correction as the store keeps it.

    ``number`` is its place in the store's list; ``target`` the entity id it was made on;
    ``entity`` the id the entity answers under now (``None`` when orphaned or undone);
    ``status`` is ``applied``, ``orphaned`` (its fact is no longer found) or ``undone``.
    """

    number: int
    target: str
    family: str
    action: str
    changes: Mapping[str, str]
    note: str | None
    made: dt.datetime
    status: str
    entity: str | None = None
    undone: dt.datetime | None = None

    def describe(self) -> str:
        """What changed, in a few words (``rejected``; ``region=天河区, date=2021``)."""
        if self.action == "reject":
            return "rejected"
        return ", ".join(f"{k}={v}" for k, v in self.changes.items())

    def to_record(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "id": self.target,
            "family": self.family,
            "change": self.describe(),
            "note": self.note,
            "made": self.made.isoformat(timespec="seconds"),
            "status": self.status,
            "now": self.entity,
            "undone": self.undone.isoformat(timespec="seconds") if self.undone else None,
        }


def parse_changes(pairs: Iterable[str]) -> dict[str, str]:
    """``FIELD=VALUE`` strings -> ``{field: value}`` (a field named twice: the last wins)."""
    out: dict[str, str] = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        field, value = field.strip().lower(), value.strip()
        if not sep or not field:
            raise BadArgumentError(f"--set: expected FIELD=VALUE, got {pair!r}")
        if field not in FIELDS:
            raise BadArgumentError(f"--set: unknown field {field!r} (one of {', '.join(FIELDS)})")
        if not value:
            raise BadArgumentError(f"--set: {field}: give a value")
        out[field] = value
    return out


def check_changes(entity: Entity, changes: Mapping[str, str]) -> dict[str, str]:
    """``changes`` checked against what ``entity`` can hold, each value in its normal form.

    Raises :class:`~policytrack.errors.BadArgumentError` naming the field and the cause.
    """
    out: dict[str, str] = {}
    for field, value in changes.items():
        if field not in FIELDS:
            raise BadArgumentError(f"{field}: not a field a correction can set (one of {', '.join(FIELDS)})")
        out[field] = _check(entity, field, str(value).strip())
    if not out:
        raise BadArgumentError("a correction sets at least one field (FIELD=VALUE) or rejects the record")
    return out


def _check(entity: Entity, field: str, value: str) -> str:
    what = _what(entity)
    if field == "region":
        name = default_regions().canonical(value)
        if name is None:
            raise BadArgumentError(f"region: {value!r} is not a region policytrack knows")
        return name
    if field == "date":
        try:
            return str(PartialDate.parse(value))
        except (ValueError, TypeError) as err:
            raise BadArgumentError(f"date: {value!r} is not a date (2021, 2021-06 or 2021-06-30): {err}") from None
    if field == "kind":
        allowed = _kinds(entity)
        if not allowed:
            raise BadArgumentError(f"kind: {what} has no kind to correct")
        if value not in allowed:
            raise BadArgumentError(f"kind: {value!r} is not a kind of {what} (one of {', '.join(allowed)})")
        return value
    if field == "value":
        if not (isinstance(entity, Measurement) or (isinstance(entity, Fact) and entity.kind == "product")):
            raise BadArgumentError(f"value: {what} has no value (statistics and products have one)")
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            raise BadArgumentError(f"value: {value!r} is not a number") from None
        if not number.is_finite():
            raise BadArgumentError(f"value: {value!r} is not a number")
        return str(number)
    if field == "metric" and not isinstance(entity, Measurement):
        raise BadArgumentError(f"metric: {what} has no metric (statistics and targets have one)")
    return value  # name, metric


def _what(entity: Entity) -> str:
    if isinstance(entity, Claim):
        return "a first claim"
    return f"a {entity.kind}" if isinstance(entity, Fact) else f"a {entity.kind} (statistic)"


def _kinds(entity: Entity) -> tuple[str, ...]:
    if isinstance(entity, Claim):
        return tuple(k.value for k in FirstKind)
    if isinstance(entity, Measurement):
        return ("measurement", "target")
    return _TYPES.get(entity.kind, ())


def apply_changes(entity: Entity, changes: Mapping[str, str], catalog: MetricCatalog | None = None) -> Entity:
    """``entity`` with the checked ``changes`` (see :func:`check_changes`), its ``corrected``
    naming every field a person set.  The id stays: it is the entity's identity."""
    fields: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "region":
            fields["region"] = value
            if isinstance(entity, Claim):
                fields["claimants"] = (value,)
        elif field == "date":
            fields["date"] = PartialDate.parse(value)
        elif field == "kind":
            fields["type" if isinstance(entity, Fact) else "kind"] = value
        elif field == "value":
            fields["value"] = Decimal(value)
        elif field == "name":
            fields["subject" if isinstance(entity, Claim) else "description" if isinstance(entity, Measurement)
                   else "name"] = value
        elif field == "metric":
            cat = catalog if catalog is not None else MetricCatalog.default()
            metric = cat.lookup(value)
            fields.update(metric=metric.name if metric else value, canonical=metric is not None,
                          label=metric.label if metric else None)
    marked = tuple(dict.fromkeys((*entity.corrected, *changes)))
    return attrs.evolve(entity, corrected=marked, **fields)


def metric_key(entity: Measurement) -> str:
    """The metric a statistic is indexed under: its canonical name, else its name normalised."""
    return entity.metric if entity.canonical else normalise_name(entity.metric)
