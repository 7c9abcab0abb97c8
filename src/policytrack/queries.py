"""Across articles: merging records into entities, and the query helpers of :class:`~policytrack.Corpus`.

**Merging.**  The same first claim, product, institution, initiative, event or statistic
reported by several articles becomes one entity that keeps every piece of evidence
(:class:`SourceRef`: document id, sentence, span, publication date).  An entity's ``id``
is a short hash of its normalised content (``f-``, ``m-``, ``e-`` + 12 hex digits), the
same on every run and machine.

* First claims merge when scope and normalised subject agree and the claimants fall in
  the same area of that scope (the same province for ``provincial``, the same city for
  ``municipal``...).  One article: ``asserted``; several articles whose claimants are the
  same region or one inside the other: ``corroborated``; two unrelated claimants:
  ``contested``.
* Statistics merge when canonical metric (see :class:`MetricCatalog`), region, value and
  unit agree and their dates are compatible (equal, one inside the other, or unknown).
* Products, institutions, initiatives and events merge on kind and normalised name when
  their regions are the same or nested and their dates are compatible.

**Regions** resolve through the gazetteer (:class:`policytrack.extract.regions.Gazetteer`):
aliases become canonical names (黄埔区 = 广州开发区) and ``within=True`` includes what
happened inside a region.  A record without a region takes its document's region.

**Partial dates are ordered by the last day they cover**, finer first on a tie: a value
or event dated ``2021`` is only known to hold by 2021-12-31, so it comes after
``2021-06`` and ``2021-12-31`` and before ``2022-01``.  A ``since``/``until`` window keeps
an entry whose span overlaps it; ``as_of`` keeps values whose whole span ends on or before
it.  :func:`date_order_key` is the ordering.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar, cast

import attrs

from ._data import load_json
from ._suggest import nearest, nearest_spellings, spelled, suggestion_text
from .errors import BadArgumentError, UnknownNameError
from .models import (
    Basis,
    Document,
    Evidence,
    FinancingProduct,
    FirstClaim,
    FirstScope,
    Milestone,
    MilestoneKind,
    PartialDate,
    Region,
    RegionLevel,
)
from .render import ResultMixin, json_value, quantity_text, typed_frame

__all__ = [
    "COUNTED",
    "ENTRY_KINDS",
    "Cell",
    "Claim",
    "Comparison",
    "CountRow",
    "Fact",
    "Firsts",
    "FlatRegions",
    "History",
    "Measurement",
    "Metric",
    "MetricCatalog",
    "RecordKey",
    "RegionResolver",
    "Resolved",
    "Selection",
    "SourceRef",
    "Timeline",
    "TimelineEntry",
    "compare",
    "date_order_key",
    "default_regions",
    "firsts",
    "history",
    "normalise_name",
    "record_keys",
    "resolve",
    "selections",
    "timeline",
]

#: The kinds of entry a timeline can hold.
ENTRY_KINDS = ("event", "measurement", "target", "first", "product", "initiative", "institution")

#: The kinds of entity a comparison counts per region.
COUNTED = ("first", "product", "institution", "initiative")

#: Claim statuses.
ASSERTED, CORROBORATED, CONTESTED = "asserted", "corroborated", "contested"
STATUSES = (ASSERTED, CORROBORATED, CONTESTED)


# ---------------------------------------------------------------------------------------------
# Dates


_RANK = {"day": 0, "month": 1, "year": 2}


@functools.lru_cache(maxsize=65536)
def date_order_key(date: PartialDate | None) -> tuple[int, int]:
    """Sort key of a partial date: the last day it covers, finer precision first on a tie.

    ``None`` sorts after every date.
    """
    if date is None:
        return (dt.date.max.toordinal() + 1, 0)
    return (date.last_day().toordinal(), _RANK[str(date.precision)])


def _as_date(value: PartialDate | str | dt.date | None, name: str) -> PartialDate | None:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        try:
            return PartialDate.parse(value)
        except ValueError:
            raise BadArgumentError(
                f"{name}: {value!r} is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"
            ) from None
    raise BadArgumentError(f"{name}: expected a date, got {type(value).__name__}")


def _window(
    since: PartialDate | str | dt.date | None, until: PartialDate | str | dt.date | None
) -> tuple[PartialDate | None, PartialDate | None]:
    start, stop = _as_date(since, "since"), _as_date(until, "until")
    if start is not None and stop is not None and stop.last_day() < start.first_day():
        raise BadArgumentError(f"until ({stop}) is before since ({start})")
    return start, stop


def _compatible_dates(a: PartialDate | None, b: PartialDate | None) -> bool:
    return a is None or b is None or a.contains(b) or b.contains(a)


def _finer(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if date_order_key(b)[1] < date_order_key(a)[1] else a


# ---------------------------------------------------------------------------------------------
# Regions


class RegionResolver(Protocol):
    """What the queries need from a gazetteer (:class:`policytrack.extract.regions.Gazetteer`)."""

    def get(self, name_or_alias: str) -> Region | None: ...

    def canonical(self, name_or_alias: str) -> str | None: ...

    def ancestors(self, name: str) -> list[Region]: ...

    def is_within(self, inner: str, outer: str) -> bool: ...


class FlatRegions:
    """A resolver that knows no hierarchy: every name is its own canonical name.

    Used only when the gazetteer is not available.
    """

    def get(self, name_or_alias: str) -> Region | None:
        return None

    def canonical(self, name_or_alias: str) -> str | None:
        return name_or_alias.strip() or None

    def ancestors(self, name: str) -> list[Region]:
        return []

    def is_within(self, inner: str, outer: str) -> bool:
        return inner == outer


@functools.lru_cache(maxsize=1)
def default_regions() -> RegionResolver:
    """The library's gazetteer (``Gazetteer.default()``), or :class:`FlatRegions` without one."""
    from .extract import regions as _regions  # imported late: the gazetteer may still be loading

    factory = getattr(_regions, "Gazetteer", None)
    if factory is None:
        return FlatRegions()
    return cast(RegionResolver, factory.default())


_SCOPE_LEVEL = {
    FirstScope.NATIONAL: RegionLevel.COUNTRY,
    FirstScope.PROVINCIAL: RegionLevel.PROVINCE,
    FirstScope.MUNICIPAL: RegionLevel.CITY,
    FirstScope.DISTRICT: RegionLevel.DISTRICT,
}


class _Regions:
    """Cached region arithmetic over a resolver; never raises on unknown names."""

    def __init__(self, resolver: RegionResolver) -> None:
        self.resolver = resolver
        self._canon: dict[str, str] = {}
        self._within: dict[tuple[str, str], bool] = {}
        self._lineage: dict[str, list[Region]] = {}
        self._checked: set[str] = set()
        self._spellings: dict[str, str] | None = None

    def canon(self, name: str | None) -> str | None:
        if name is None or not name.strip():
            return None
        name = name.strip()
        if name not in self._canon:
            try:
                found = self.resolver.canonical(name)
            except Exception:  # a broken gazetteer entry must not break a query
                found = None
            self._canon[name] = found or name
        return self._canon[name]

    def check(self, name: str) -> None:
        """Raise :class:`UnknownNameError` when the gazetteer neither knows ``name`` nor can
        tell which region it means (a resolver that knows no names, such as
        :class:`FlatRegions`, accepts every name)."""
        name = name.strip()
        if name in self._checked:
            return
        try:
            known = self.resolver.canonical(name)
        except Exception:  # a broken gazetteer entry must not break a query
            known = name
        if known is None:
            shared = getattr(self.resolver, "ambiguous", None)
            holders = tuple(shared.get(name, ())) if isinstance(shared, Mapping) else ()
            if holders:
                raise UnknownNameError("region", name, "ambiguous: it may mean " + " or ".join(holders)
                                       + "; name one of them", candidates=holders)
            pairs = nearest_spellings(name, self.spellings())
            near = tuple(canonical for _, canonical in pairs)
            raise UnknownNameError("region", name, "not a region the gazetteer knows" + suggestion_text(spelled(pairs)),
                                   suggestions=near)
        self._checked.add(name)

    def spellings(self) -> dict[str, str]:
        """Every name and alias the resolver lists (when it can list them) -> canonical name."""
        if self._spellings is None:
            out: dict[str, str] = {}
            try:
                listed = list(cast(Iterable[Region], self.resolver))
            except TypeError:
                listed = []
            for region in listed:
                for spelling in (region.name, *region.aliases):
                    out.setdefault(spelling, region.name)
            self._spellings = out
        return self._spellings

    def within(self, inner: str | None, outer: str | None) -> bool:
        """``inner`` is ``outer`` or lies inside it (both canonical)."""
        if inner is None or outer is None:
            return False
        if inner == outer:
            return True
        key = (inner, outer)
        if key not in self._within:
            try:
                self._within[key] = bool(self.resolver.is_within(inner, outer))
            except Exception:
                self._within[key] = False
        return self._within[key]

    def related(self, a: str | None, b: str | None) -> bool:
        return a is None or b is None or self.within(a, b) or self.within(b, a)

    def lineage(self, name: str) -> list[Region]:
        """The region itself (when known) and its ancestors, nearest first."""
        if name not in self._lineage:
            try:
                own = self.resolver.get(name)
                self._lineage[name] = ([own] if own is not None else []) + list(self.resolver.ancestors(name))
            except Exception:
                self._lineage[name] = []
        return self._lineage[name]

    def depth(self, name: str | None) -> int:
        return -1 if name is None else len(self.lineage(name))

    def area(self, name: str | None, scope: FirstScope) -> str:
        """The area within which a claim at ``scope`` by ``name`` competes."""
        if scope is FirstScope.GLOBAL:
            return "*"
        if scope is FirstScope.REGIONAL:
            return "*regional"
        if name is None:
            return "?"
        level = _SCOPE_LEVEL.get(scope)
        lineage = self.lineage(name)
        if level is None:  # unspecified: claims compete inside the claimant's city, else itself
            level = RegionLevel.CITY
        for region in lineage:
            if region.level == level:
                return region.name
        if scope is FirstScope.NATIONAL:
            return "中国"
        return name


_REGION_CACHES: dict[int, _Regions] = {}


def _regions_of(resolver: RegionResolver | None) -> _Regions:
    """The cached region arithmetic of ``resolver`` (default: :func:`default_regions`).

    A resolver is assumed not to change once used; the few most recent are remembered.
    """
    if resolver is None:
        resolver = default_regions()
    found = _REGION_CACHES.get(id(resolver))
    if found is None or found.resolver is not resolver:
        if len(_REGION_CACHES) >= 8:
            del _REGION_CACHES[next(iter(_REGION_CACHES))]
        found = _REGION_CACHES[id(resolver)] = _Regions(resolver)
    return found


# ---------------------------------------------------------------------------------------------
# Names and metrics


@functools.lru_cache(maxsize=1)
def _metrics_data() -> dict[str, Any]:
    data: dict[str, Any] = load_json("metrics.json")
    return data


_DROP = re.compile(r"[\s\"'“”‘’《》〈〉「」『』【】]+")


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, ...], tuple[tuple[re.Pattern[str], str], ...]]:
    data = _metrics_data()
    prefixes = tuple(sorted(data.get("strip_prefixes", []), key=len, reverse=True))
    rewrites = tuple((re.compile(r["pattern"]), str(r["replace"])) for r in data.get("text_rewrites", []))
    return prefixes, rewrites


@functools.lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """The matching key of a metric name or a claim's subject.

    NFKC, ASCII lower-case, no spaces or quotes, a leading scope word (全市, 该区...)
    removed, then the rewrites of ``data/metrics.json`` (责任险 -> 责任保险,
    每万人 -> 每万人口...).
    """
    key = _DROP.sub("", unicodedata.normalize("NFKC", text)).lower()
    prefixes, rewrites = _rules()
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix) :]
            break
    for pattern, replace in rewrites:
        key = pattern.sub(replace, key)
    return key


@attrs.frozen
class Metric:
    """A canonical statistic: its Chinese name, an English label, the units it is counted in."""

    name: str
    label: str
    units: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    @property
    def unit(self) -> str:
        return self.units[0]


class MetricCatalog:
    """Canonical metric names and their aliases (``data/metrics.json``)."""

    def __init__(self, metrics: Sequence[Metric]) -> None:
        self.metrics = tuple(metrics)
        self._by_name = {m.name: m for m in self.metrics}
        self._by_alias: dict[str, list[Metric]] = defaultdict(list)
        for m in self.metrics:
            for alias in (m.name, *m.aliases):
                key = normalise_name(alias)
                if m not in self._by_alias[key]:
                    self._by_alias[key].append(m)
        self._patterns = [(re.compile(p), m) for m in self.metrics for p in m.patterns]
        self._resolved: dict[tuple[str, str | None], Metric | None] = {}

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> MetricCatalog:
        return cls(
            [
                Metric(
                    name=m["name"],
                    label=m["label"],
                    units=tuple(m["units"]),
                    aliases=tuple(m.get("aliases", ())),
                    patterns=tuple(m.get("patterns", ())),
                )
                for m in _metrics_data()["metrics"]
            ]
        )

    def __iter__(self) -> Any:
        return iter(self.metrics)

    def __len__(self) -> int:
        return len(self.metrics)

    def get(self, name: str) -> Metric | None:
        """The metric whose canonical name is ``name``."""
        return self._by_name.get(name)

    def candidates(self, name: str) -> list[Metric]:
        """Every metric ``name`` may stand for, whatever the unit."""
        if name in self._by_name:
            return [self._by_name[name]]
        key = normalise_name(name)
        found = list(self._by_alias.get(key, []))
        if not found:
            found = [m for pattern, m in self._patterns if pattern.search(key) and m not in found]
        return found

    def resolve(self, written: str, unit: str | None = None) -> Metric | None:
        """The canonical metric of a statistic written as ``written`` and counted in ``unit``.

        With a unit, only metrics counted in it match; without one, the name must be
        unambiguous.  ``None`` when nothing matches: the statistic keeps its written name.
        """
        cache_key = (written, unit)
        if cache_key not in self._resolved:
            self._resolved[cache_key] = self._resolve(written, unit)
        return self._resolved[cache_key]

    def _resolve(self, written: str, unit: str | None) -> Metric | None:
        key = normalise_name(written)
        for group in (self._by_alias.get(key, []), [m for p, m in self._patterns if p.search(key)]):
            fitting = [m for m in group if unit is None or unit in m.units]
            if len(fitting) == 1 or (fitting and unit is not None):
                return fitting[0]
        return None

    def lookup(self, name: str) -> Metric | None:
        """Resolve a metric name a user typed (any alias); raise when it is ambiguous."""
        found = self.candidates(name)
        if len(found) > 1:
            names = tuple(m.name for m in found)
            raise UnknownNameError("metric", name, "ambiguous: it may mean " + " or ".join(names) + "; name one of them",
                                   candidates=names)
        return found[0] if found else None


# ---------------------------------------------------------------------------------------------
# Entities


@attrs.frozen
class SourceRef:
    """Where an entity is stated: the document, the sentence and its span, the publication date."""

    document: str
    sentence: str
    start: int
    end: int
    published: PartialDate | None = None
    title: str | None = None
    #: the confidence of the record this source stated (see :mod:`policytrack.extract.judge`)
    confidence: float | None = None

    @classmethod
    def of(cls, doc: Document, evidence: Evidence, confidence: float | None = None) -> SourceRef:
        return cls(doc.id, evidence.text, evidence.start, evidence.end, doc.published, doc.title, confidence)


def _confidence(sources: Iterable[SourceRef]) -> float | None:
    """An entity's confidence: that of its best-supported report (None when no report was judged)."""
    known = [s.confidence for s in sources if s.confidence is not None]
    return max(known) if known else None


def _documents(sources: Iterable[SourceRef]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.document for s in sources))


def _reported(sources: Iterable[SourceRef]) -> PartialDate | None:
    dates = [s.published for s in sources if s.published is not None]
    return min(dates, key=date_order_key) if dates else None


@attrs.frozen
class Claim:
    """A first claim merged across articles."""

    id: str
    subject: str
    scope: FirstScope
    kind: str
    status: str
    region: str | None
    claimants: tuple[str, ...]
    date: PartialDate | None
    sources: tuple[SourceRef, ...]
    subjects: tuple[str, ...] = ()
    #: fields a person corrected in the store (see :mod:`policytrack.corrections`)
    corrected: tuple[str, ...] = ()

    @property
    def confidence(self) -> float | None:
        """The confidence of its best-supported report (``None`` when none was judged)."""
        return _confidence(self.sources)

    @property
    def documents(self) -> tuple[str, ...]:
        return _documents(self.sources)


@attrs.frozen
class Fact:
    """A product, institution, initiative or event merged across articles."""

    id: str
    kind: str  # product | institution | initiative | event
    type: str | None  # the record's own kind (insurance, court, plan...)
    name: str
    region: str | None
    date: PartialDate | None
    sources: tuple[SourceRef, ...]
    end: PartialDate | None = None
    value: Decimal | None = None
    unit: str | None = None
    #: fields a person corrected in the store (see :mod:`policytrack.corrections`)
    corrected: tuple[str, ...] = ()

    @property
    def confidence(self) -> float | None:
        """The confidence of its best-supported report (``None`` when none was judged)."""
        return _confidence(self.sources)

    @property
    def documents(self) -> tuple[str, ...]:
        return _documents(self.sources)


@attrs.frozen
class Measurement:
    """A statistic's value (or a target) merged across articles."""

    id: str
    kind: str  # measurement | target
    metric: str  # the canonical name, else the name as first written
    canonical: bool
    region: str | None
    date: PartialDate | None
    value: Decimal
    unit: str
    sources: tuple[SourceRef, ...]
    label: str | None = None
    written: tuple[str, ...] = ()
    qualifier: str | None = None
    end: PartialDate | None = None
    description: str = ""
    #: fields a person corrected in the store (see :mod:`policytrack.corrections`)
    corrected: tuple[str, ...] = ()

    @property
    def confidence(self) -> float | None:
        """The confidence of its best-supported report (``None`` when none was judged)."""
        return _confidence(self.sources)

    @property
    def documents(self) -> tuple[str, ...]:
        return _documents(self.sources)

    @property
    def reported(self) -> PartialDate | None:
        """The earliest publication date of the articles that report it."""
        return _reported(self.sources)

    @property
    def effective_date(self) -> PartialDate | None:
        """The date the value holds for, else the earliest publication date."""
        return self.date if self.date is not None else self.reported


@attrs.frozen
class Resolved:
    """Every entity of a corpus after merging."""

    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    measurements: tuple[Measurement, ...]

    def above(self, min_confidence: float | None) -> Resolved:
        """The entities whose confidence is at least ``min_confidence`` (unjudged ones stay)."""
        if not min_confidence:
            return self
        if not 0.0 <= min_confidence <= 1.0:
            raise BadArgumentError(f"min_confidence: expected a number between 0 and 1, got {min_confidence!r}")

        def ok(e: Entity) -> bool:
            c = e.confidence
            return c is None or c >= min_confidence

        return Resolved(
            claims=tuple(e for e in self.claims if ok(e)),
            facts=tuple(e for e in self.facts if ok(e)),
            measurements=tuple(e for e in self.measurements if ok(e)),
        )


def _stable_id(prefix: str, *parts: object) -> str:
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


T = TypeVar("T")


def _most_common(values: Iterable[T]) -> T:
    """The most frequent value, the first seen on a tie."""
    items = list(values)
    if len(items) == 1:
        return items[0]
    counts = Counter(items)
    first_seen = {v: -i for i, v in reversed(list(enumerate(items)))}
    return max(counts, key=lambda v: (counts[v], first_seen[v]))


@attrs.frozen
class MergeItem:
    """What merging needs of one record (see :func:`merge_item`); the store keeps one per record
    so that it can merge entities again without reading whole records back.

    ``name`` is a claim's subject, a product's, institution's or initiative's name, an event's or
    a statistic's description; ``kind`` a claim's kind; ``written`` the name a statistic was
    reported under (its metric, else its description); ``value``/``unit`` a product's amount;
    ``qualifier`` and ``end`` a statistic's or an event's.
    """

    region: str | None
    date: PartialDate | None
    source: SourceRef
    name: str
    kind: str | None = None
    written: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    end: PartialDate | None = None


def merge_item(rk: RecordKey, doc: Document) -> MergeItem:
    """The :class:`MergeItem` of one record of ``doc`` (as :func:`record_keys` gives it)."""
    record = rk.record
    source = SourceRef.of(doc, record.evidence, record.confidence)
    if isinstance(record, FirstClaim):
        return MergeItem(rk.region, rk.date, source, record.subject, kind=str(record.kind))
    if isinstance(record, FinancingProduct):
        amount = record.amount
        return MergeItem(rk.region, rk.date, source, record.name,
                         value=amount.value if amount else None, unit=amount.unit if amount else None)
    if isinstance(record, Milestone):
        q = record.quantity
        return MergeItem(rk.region, rk.date, source, record.description,
                         written=record.metric or record.description,
                         qualifier=str(q.qualifier) if q is not None and q.qualifier else None, end=record.end)
    return MergeItem(rk.region, rk.date, source, record.name)


def _truncate(date: PartialDate, rank: int) -> tuple[int, ...]:
    """The calendar unit of precision ``rank`` (0 day, 1 month, 2 year) that holds ``date``."""
    return (date.year, date.month or 0, date.day or 0)[: 3 - rank]


class _Cluster:
    __slots__ = ("coarsest", "items", "regions")

    def __init__(self, item: MergeItem) -> None:
        self.items = [item]
        self.regions = {item.region}
        self.coarsest = item.date


def _cluster(
    items: Sequence[MergeItem], same_region: Callable[[str | None, str | None], bool]
) -> list[list[MergeItem]]:
    """Group items (already sharing a content key) whose regions and dates are compatible.

    Items are taken finer dates first (undated last), so a coarse date joins the precise one
    it contains; each joins the first cluster, in the order clusters were opened, whose every
    region is ``same_region`` as its own and whose every date is compatible with its date.

    This runs in near-linear time.  The dates of a cluster are nested in one another, so a
    date no finer than all of them is compatible with every one exactly when it contains the
    coarsest: clusters are bucketed by the unit of the current precision holding their
    coarsest date, and only that bucket is searched.  An item whose (region, date) pair was
    seen before joins the same cluster as that pair did (members of a cluster are compatible
    with each other, and a cluster that refused a pair refuses it for ever).
    """
    if len(items) == 1:
        return [list(items)]
    order = sorted(items, key=lambda i: (_RANK[str(i.date.precision)] if i.date else 9, i.source.document, i.source.start))
    clusters: list[_Cluster] = []
    buckets: dict[tuple[int, ...], list[_Cluster]] = {}
    seen: dict[tuple[str | None, PartialDate | None], _Cluster] = {}
    rank = -1
    for item in order:
        pair = (item.region, item.date)
        found = seen.get(pair)
        if found is None:
            date = item.date
            if date is None:
                candidates: list[_Cluster] = clusters
            else:
                if _RANK[str(date.precision)] != rank:  # a coarser precision: re-bucket
                    rank = _RANK[str(date.precision)]
                    buckets = {}
                    for c in clusters:
                        assert c.coarsest is not None  # undated items come last
                        buckets.setdefault(_truncate(c.coarsest, rank), []).append(c)
                candidates = buckets.setdefault(_truncate(date, rank), [])
            region = item.region
            for c in candidates:
                if all(same_region(region, r) for r in c.regions):
                    found = c
                    break
            else:
                found = _Cluster(item)
                clusters.append(found)
                if date is not None:
                    candidates.append(found)
                seen[pair] = found
                continue
            seen[pair] = found
        found.items.append(item)
        found.regions.add(item.region)
        if item.date is not None:
            found.coarsest = item.date
    return [c.items for c in clusters]


def _sources(items: Iterable[MergeItem]) -> tuple[SourceRef, ...]:
    refs = sorted({i.source for i in items}, key=lambda s: (s.document, s.start, s.end))
    return tuple(refs)


def _cluster_date(items: Iterable[MergeItem]) -> PartialDate | None:
    date: PartialDate | None = None
    for item in items:
        date = _finer(date, item.date)
    return date


def _innermost(regions: _Regions, names: Iterable[str | None]) -> str | None:
    present = [n for n in dict.fromkeys(names) if n is not None]
    if not present:
        return None
    return max(present, key=lambda n: (regions.depth(n), sum(regions.within(n, o) for o in present), n))


@attrs.frozen
class RecordKey:
    """One extracted record as the merge sees it (see :func:`record_keys`)."""

    #: ``first``, ``institution``, ``product``, ``initiative``, ``event``, ``measurement`` or ``target``
    family: str
    #: records merge only with records of an equal key (products, institutions, initiatives and
    #: events further by compatible regions and dates; statistics by compatible dates).  Its
    #: first part names the group: ``first``, ``institution``, ``product``, ``initiative``,
    #: ``event`` or ``value`` (statistics and targets).
    key: tuple[Any, ...]
    #: the record's canonical region, else its document's
    region: str | None
    #: the date the record is merged and placed by (an institution's founding date)
    date: PartialDate | None
    record: Any
    #: a first claim's scope
    scope: FirstScope | None = None
    #: a statistic's canonical metric name, else its written name normalised (:func:`normalise_name`)
    metric: str | None = None


def record_keys(
    document: Document,
    *,
    regions: RegionResolver | None = None,
    catalog: MetricCatalog | None = None,
) -> list[RecordKey]:
    """How each record of ``document`` merges across articles, in export order.

    The one definition of the merge keys: :func:`resolve` groups records by them, and
    :class:`policytrack.store.Store` indexes them.
    """
    reg = _regions_of(regions)
    cat = catalog if catalog is not None else MetricCatalog.default()
    home = reg.canon(document.region)
    out: list[RecordKey] = []

    def add(family: str, key: tuple[Any, ...], record: Any, date: PartialDate | None, **more: Any) -> None:
        out.append(RecordKey(family, key, reg.canon(record.region) or home, date, record, **more))

    for claim in document.firsts:
        scope = FirstScope(claim.scope)
        region = reg.canon(claim.region) or home
        out.append(RecordKey("first", ("first", scope.value, reg.area(region, scope), normalise_name(claim.subject)),
                             region, claim.date, claim, scope=scope))
    for inst in document.institutions:
        add("institution", ("institution", str(inst.kind), normalise_name(inst.name)), inst, inst.established)
    for product in document.financing_products:
        add("product", ("product", str(product.kind), normalise_name(product.name)), product, product.date)
    for init in document.initiatives:
        add("initiative", ("initiative", str(init.kind), normalise_name(init.name)), init, init.date)
    for ms in document.milestones:
        if ms.kind == MilestoneKind.EVENT or ms.quantity is None:
            add("event", ("event", str(ms.kind), normalise_name(ms.description)), ms, ms.date)
            continue
        written = ms.metric or ms.description
        metric = cat.resolve(written, ms.quantity.unit)
        mkey = metric.name if metric else normalise_name(written)
        if ms.basis == Basis.CUMULATIVE:
            mkey += CUMULATIVE_SUFFIX  # a running total is its own series, never mixed with a period's value
        region = reg.canon(ms.region) or home
        out.append(RecordKey(str(ms.kind), ("value", str(ms.kind), mkey, region, _plain_decimal(ms.quantity.value),
                                            ms.quantity.unit), region, ms.date, ms, metric=mkey))
    return out


def resolve(
    documents: Iterable[Document],
    *,
    regions: RegionResolver | None = None,
    catalog: MetricCatalog | None = None,
) -> Resolved:
    """Merge the records of ``documents`` into entities (see the module docstring)."""
    reg = _regions_of(regions)
    cat = catalog if catalog is not None else MetricCatalog.default()
    groups: dict[tuple[Any, ...], list[MergeItem]] = defaultdict(list)
    for doc in documents:
        for rk in record_keys(doc, regions=reg.resolver, catalog=cat):
            groups[rk.key].append(merge_item(rk, doc))
    entities: list[Entity] = []
    for key, group in groups.items():
        entities.extend(merge_group(key, group, regions=reg.resolver, catalog=cat))
    return resolved_of(entities)


#: A merged entity.
Entity = Claim | Fact | Measurement


def merge_group(
    key: tuple[Any, ...],
    items: Sequence[MergeItem],
    *,
    regions: RegionResolver | None = None,
    catalog: MetricCatalog | None = None,
) -> list[Entity]:
    """The entities merged from the items of one merge key (:attr:`RecordKey.key`), given in
    corpus order (documents in the order they were added, records in export order)."""
    reg = _regions_of(regions)
    if key[0] == "first":
        return [_merge_claim(reg, key[1:], items)]
    if key[0] == "value":
        cat = catalog if catalog is not None else MetricCatalog.default()
        return [_merge_measurement(cat, key[1:], c) for c in _cluster(items, operator.eq)]
    return [_merge_fact(key, c) for c in _cluster(items, reg.related)]


def entity_order(entity: Entity) -> tuple[tuple[int, int], str]:
    """Where an entity sorts among its family in a :class:`Resolved`: by date, then id."""
    return date_order_key(entity.date), entity.id


def resolved_of(entities: Iterable[Entity]) -> Resolved:
    """Entities sorted into a :class:`Resolved` (each family by :func:`entity_order`)."""
    claims: list[Claim] = []
    facts: list[Fact] = []
    measurements: list[Measurement] = []
    for e in entities:
        if isinstance(e, Claim):
            claims.append(e)
        elif isinstance(e, Fact):
            facts.append(e)
        else:
            measurements.append(e)
    return Resolved(
        claims=tuple(sorted(claims, key=entity_order)),
        facts=tuple(sorted(facts, key=entity_order)),
        measurements=tuple(sorted(measurements, key=entity_order)),
    )


def _merge_claim(reg: _Regions, key: tuple[str, ...], group: Sequence[MergeItem]) -> Claim:
    scope_value, area, subject_key = key
    claimants = tuple(dict.fromkeys(i.region for i in group if i.region is not None))
    docs = {i.source.document for i in group}
    if len(docs) < 2:
        status = ASSERTED
    elif all(reg.related(a, b) for a in claimants for b in claimants):
        status = CORROBORATED
    else:
        status = CONTESTED
    region = _innermost(reg, claimants) if status != CONTESTED else None
    subjects = tuple(dict.fromkeys(i.name for i in group))
    return Claim(
        id=_stable_id("f", scope_value, area, subject_key),
        subject=_most_common(i.name for i in group),
        scope=FirstScope(scope_value),
        kind=_most_common(i.kind or "" for i in group),
        status=status,
        region=region,
        claimants=claimants,
        date=_cluster_date(group),
        sources=_sources(group),
        subjects=subjects,
    )


def _merge_fact(key: tuple[str, ...], cluster: Sequence[MergeItem]) -> Fact:
    kind, type_, name_key = key
    date = _cluster_date(cluster)
    region = _most_common_region(cluster)
    value: Decimal | None = None
    unit: str | None = None
    end: PartialDate | None = None
    name = _most_common(i.name for i in cluster)
    if kind == "product":
        amounts = [i for i in cluster if i.value is not None]
        if amounts:
            value, unit = amounts[0].value, amounts[0].unit
    elif kind == "event":
        ends = [i.end for i in cluster if i.end is not None]
        end = ends[0] if ends else None
    return Fact(
        id=_stable_id("e", kind, type_, name_key, region, date),
        kind=kind,
        type=type_ if kind != "event" else None,
        name=name,
        region=region,
        date=date,
        sources=_sources(cluster),
        end=end,
        value=value,
        unit=unit,
    )


def _most_common_region(cluster: Sequence[MergeItem]) -> str | None:
    regions = [i.region for i in cluster if i.region is not None]
    return _most_common(regions) if regions else None


def _plain_decimal(value: Decimal) -> Decimal:
    """One spelling per number, never in exponent form: ``20``, ``20.0`` and ``2E+1`` -> ``20``."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _merge_measurement(cat: MetricCatalog, key: tuple[Any, ...], cluster: Sequence[MergeItem]) -> Measurement:
    kind, metric_key, region, value, unit = key
    written = tuple(dict.fromkeys(i.written or i.name for i in cluster))
    base, cumulative = _split_basis(metric_key)
    found = cat.get(base)
    metric = attrs.evolve(found, name=found.name + CUMULATIVE_SUFFIX) if found is not None and cumulative else found
    date = _cluster_date(cluster)
    qualifiers = [i.qualifier for i in cluster if i.qualifier]
    ends = [i.end for i in cluster if i.end is not None]
    return Measurement(
        id=_stable_id("m", kind, metric_key, region, value, unit, date),
        kind=kind,
        metric=metric.name if metric else written[0],
        canonical=metric is not None,
        region=region,
        date=date,
        value=value,
        unit=unit,
        sources=_sources(cluster),
        label=metric.label if metric else None,
        written=written,
        qualifier=qualifiers[0] if qualifiers else None,
        end=ends[0] if ends else None,
        description=_most_common(i.name for i in cluster),
    )


# ---------------------------------------------------------------------------------------------
# Results


def _source_ids(sources: Sequence[SourceRef]) -> list[str]:
    return list(_documents(sources))


def _date_text(date: PartialDate | None) -> str | None:
    return str(date) if date is not None else None


def _marks(corrected: tuple[str, ...]) -> dict[str, Any]:
    """``{"corrected": [fields]}`` for an entity a person corrected in the store, else nothing."""
    return {"corrected": list(corrected)} if corrected else {}


@attrs.frozen
class TimelineEntry:
    """One dated line of a timeline."""

    id: str
    kind: str  # one of ENTRY_KINDS
    date: PartialDate | None  # None only in Timeline.undated_entries
    region: str | None
    description: str
    sources: tuple[SourceRef, ...]
    end: PartialDate | None = None
    metric: str | None = None
    value: Decimal | None = None
    unit: str | None = None
    status: str | None = None
    type: str | None = None
    qualifier: str | None = None  # over | about | under: the value is a bound or an estimate
    corrected: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "date": _date_text(self.date),
            "region": self.region,
            "kind": self.kind,
            "description": self.description,
            "metric": self.metric,
            "value": json_value(self.value),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "status": self.status,
            "id": self.id,
            "sources": _source_ids(self.sources),
            **_marks(self.corrected),
        }


@attrs.frozen
class Timeline(ResultMixin):
    """Dated entries in date order (see :func:`date_order_key`)."""

    entries: tuple[TimelineEntry, ...]
    region: str | None = None
    within: bool = True
    since: PartialDate | None = None
    until: PartialDate | None = None
    undated: int = 0  # entries left out for want of a date
    #: the entries left out for want of a date (their ``date`` is None), in the timeline's order
    undated_entries: tuple[TimelineEntry, ...] = ()

    title_text = "Timeline"
    plot_kind = "timeline"
    record_fields = ("date", "region", "kind", "description", "metric", "value", "unit", "qualifier", "status", "id", "sources")

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Any:
        return iter(self.entries)

    def to_records(self) -> list[dict[str, Any]]:
        return [e.to_record() for e in self.entries]

    def table_rows(self) -> list[dict[str, Any]]:
        """Date, region, kind, description, the value as written (``26.13亿元``) and sources; the
        value column only when some entry has one (a first claim's status is in the records and
        in :meth:`Queries.firsts`)."""
        return self._rows(self.entries)

    def undated_rows(self) -> list[dict[str, Any]]:
        """The table rows of the entries left out for want of a date."""
        return self._rows(self.undated_entries)

    def _rows(self, entries: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
        rows = [
            {
                "date": _date_text(e.date),
                "region": e.region,
                "kind": e.kind,
                "description": e.description,
                "value": quantity_text(json_value(e.value), e.unit, e.qualifier) if e.value is not None else None,
                "sources": _source_ids(e.sources),
            }
            for e in entries
        ]
        return _without_empty(rows, ("value",))

    def plot_options(self) -> dict[str, Any]:
        return {"undated": self.undated}

    def title(self) -> str:
        return f"Timeline of {self.region}" if self.region else "Timeline"


@attrs.frozen
class Firsts(ResultMixin):
    """First claims merged across articles."""

    claims: tuple[Claim, ...]
    scope: FirstScope | None = None
    region: str | None = None

    plot_kind = None
    record_fields = ("date", "region", "scope", "kind", "subject", "status", "claimants", "id", "sources")

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Any:
        return iter(self.claims)

    def to_records(self) -> list[dict[str, Any]]:
        return [
            {
                "date": _date_text(c.date),
                "region": c.region if c.region is not None else "、".join(c.claimants) or None,
                "scope": str(c.scope),
                "kind": c.kind,
                "subject": c.subject,
                "status": c.status,
                "claimants": list(c.claimants),
                "id": c.id,
                "sources": _source_ids(c.sources),
                **_marks(c.corrected),
            }
            for c in self.claims
        ]

    def table_rows(self) -> list[dict[str, Any]]:
        """Date, scope, kind, subject, status, claimants and sources (the region is a claimant)."""
        return [{k: v for k, v in r.items() if k not in ("id", "region")} for r in self.to_records()]

    def title(self) -> str:
        parts = [p for p in (self.region, str(self.scope) if self.scope else None) if p]
        return "First claims" + (f" ({', '.join(parts)})" if parts else "")


@attrs.frozen
class Cell:
    """One region's latest value of one metric (``measurement`` is None when there is none)."""

    metric: str
    region: str
    measurement: Measurement | None

    def to_record(self) -> dict[str, Any]:
        m = self.measurement
        return {
            "date": _date_text(m.date) if m else None,
            "region": self.region,
            "kind": "measurement",
            "metric": self.metric,
            "value": json_value(m.value) if m else None,
            "unit": m.unit if m else None,
            "qualifier": m.qualifier if m else None,
            "id": m.id if m else None,
            "sources": _source_ids(m.sources) if m else [],
            **_marks(m.corrected if m else ()),
        }


@attrs.frozen
class CountRow:
    """How many merged entities of one kind a region has."""

    region: str
    kind: str  # first | product | institution | initiative
    count: int
    ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "date": None,
            "region": self.region,
            "kind": "count",
            "metric": self.kind,
            "value": self.count,
            "unit": None,
            "qualifier": None,
            "id": None,
            "sources": list(self.sources),
        }


@attrs.frozen
class Comparison(ResultMixin):
    """A region × metric table of latest values, plus counts of entities per region and kind."""

    regions: tuple[str, ...]
    metrics: tuple[str, ...]
    cells: tuple[Cell, ...]
    counts: tuple[CountRow, ...]
    as_of: PartialDate | None = None

    plot_kind = "comparison"

    def plot_options(self) -> dict[str, Any]:
        return {"regions": self.regions}

    def cell(self, metric: str, region: str) -> Cell | None:
        for c in self.cells:
            if c.metric == metric and c.region == region:
                return c
        return None

    def value(self, metric: str, region: str) -> Decimal | None:
        c = self.cell(metric, region)
        return c.measurement.value if c is not None and c.measurement is not None else None

    def to_records(self) -> list[dict[str, Any]]:
        """Long form: one row a (metric, region) cell with a value, then one row a count."""
        rows = [c.to_record() for c in self.cells if c.measurement is not None]
        return rows + [c.to_record() for c in self.counts]

    def to_pandas(self, *, wide: bool = False, counts: bool = False) -> Any:
        """The metric values as a typed DataFrame (needs ``policytrack[pandas]``; see
        :func:`policytrack.render.typed_frame`): long form, a row a (metric, region) cell with a
        value; ``wide=True``: a (metric, unit) a row, a region a column, the values as floats
        in base units (NaN where a region has none).  ``counts=True``: the counts of entities instead, a region a
        row and a counted kind a column (integers), apart from the metric values."""
        pd = _import_pandas()
        if counts:
            table = {kind: [next((c.count for c in self.counts if c.kind == kind and c.region == region), 0)
                            for region in self.regions]
                     for kind in dict.fromkeys(c.kind for c in self.counts)}
            return pd.DataFrame(table, index=pd.Index(list(self.regions), name="region"), dtype="int64")
        long = typed_frame([c.to_record() for c in self.cells if c.measurement is not None],
                           ("date", "region", "kind", "metric", "value", "unit", "qualifier", "id", "sources"))
        if not wide:
            return long
        units = [next((c.measurement.unit for c in self.cells if c.metric == metric and c.measurement), None)
                 for metric in self.metrics]
        return pd.DataFrame(
            [[float(v) if (v := self.value(metric, region)) is not None else float("nan") for region in self.regions]
             for metric in self.metrics],
            index=pd.MultiIndex.from_arrays([list(self.metrics), units], names=["metric", "unit"]),
            columns=pd.Index(list(self.regions), name="region"),
        )

    def table_rows(self) -> list[dict[str, Any]]:
        """Wide form for reading: a row a metric (and a row a counted kind), a column a region."""
        rows: list[dict[str, Any]] = []
        for metric in self.metrics:
            row: dict[str, Any] = {"metric": metric}
            for region in self.regions:
                c = self.cell(metric, region)
                m = c.measurement if c else None
                if m is None:
                    row[region] = ""
                else:
                    when = f" ({m.date})" if m.date else ""
                    row[region] = f"{quantity_text(json_value(m.value), m.unit, m.qualifier)}{when}"
            rows.append(row)
        kinds = list(dict.fromkeys(c.kind for c in self.counts))
        for kind in kinds:
            row = {"metric": f"[{kind} count]"}
            for region in self.regions:
                row[region] = next((c.count for c in self.counts if c.kind == kind and c.region == region), 0)
            rows.append(row)
        return rows

    def title(self) -> str:
        return "Comparison" + (f" as of {self.as_of}" if self.as_of else "")


@attrs.frozen
class History(ResultMixin):
    """The values a statistic took across articles and dates, in date order (undated last)."""

    metric: str
    points: tuple[Measurement, ...]
    region: str | None = None
    label: str | None = None

    plot_kind = "history"
    record_fields = ("date", "region", "kind", "metric", "value", "unit", "qualifier", "reported", "as_written", "id", "sources")

    def __len__(self) -> int:
        return len(self.points)

    def __iter__(self) -> Any:
        return iter(self.points)

    def values(self) -> list[Decimal]:
        return [p.value for p in self.points]

    def to_records(self) -> list[dict[str, Any]]:
        return [
            {
                "date": _date_text(p.date),
                "region": p.region,
                "kind": p.kind,
                "metric": p.metric,
                "value": json_value(p.value),
                "unit": p.unit,
                "qualifier": p.qualifier,
                "reported": _date_text(p.reported),
                "as_written": list(p.written),
                "id": p.id,
                "sources": _source_ids(p.sources),
                **_marks(p.corrected),
            }
            for p in self.points
        ]

    def table_rows(self) -> list[dict[str, Any]]:
        """Date, region, metric, the value as written (``26.13亿元``), when it was reported, the
        names the articles used, and sources."""
        return [
            {
                "date": _date_text(p.date),
                "region": p.region,
                "metric": p.metric,
                "value": quantity_text(json_value(p.value), p.unit, p.qualifier),
                "reported": _date_text(p.reported),
                "as_written": list(p.written),
                "sources": _source_ids(p.sources),
            }
            for p in self.points
        ]

    def title(self) -> str:
        return f"History of {self.metric}" + (f" in {self.region}" if self.region else "")


def _import_pandas() -> Any:
    from .render import _import

    return _import("pandas", "to_pandas()", "pandas")


def _without_empty(rows: list[dict[str, Any]], optional: Sequence[str]) -> list[dict[str, Any]]:
    """``rows`` without those of the ``optional`` columns that are empty in every row."""
    empty = [k for k in optional if all(r.get(k) in (None, "", []) for r in rows)]
    return [{k: v for k, v in r.items() if k not in empty} for r in rows]


# ---------------------------------------------------------------------------------------------
# Queries


def _entities(documents: Iterable[Document] | Resolved, reg: _Regions, cat: MetricCatalog | None) -> Resolved:
    if isinstance(documents, Resolved):
        return documents
    return resolve(documents, regions=reg.resolver, catalog=cat)


@attrs.frozen
class Selection:
    """Merged entities a query may draw on, from its checked and normalised arguments (see
    :func:`selections`).

    An entity matches when its family (``first`` for a claim, a fact's or a measurement's
    ``kind``) is one of :attr:`families`; one of its regions (a claim's claimants, another
    entity's region) one of :attr:`regions` (canonical names, or inside one of them when
    :attr:`within`; ``None``: anywhere, an entity without a region included); its date
    unknown or its span overlapping :attr:`since`..:attr:`until`; its scope :attr:`scope`
    and its metric (its merge key's :attr:`RecordKey.metric`) one of :attr:`metrics`, when
    these are given.
    """

    families: tuple[str, ...]
    regions: tuple[str, ...] | None = None
    within: bool = False
    since: PartialDate | None = None
    until: PartialDate | None = None
    scope: FirstScope | None = None
    metrics: tuple[str, ...] | None = None
    resolver: RegionResolver | None = attrs.field(default=None, eq=False, repr=False)

    def covers(self, region: str | None) -> bool:
        """Whether an entity in ``region`` (canonical) matches :attr:`regions`."""
        if self.regions is None:
            return True
        reg = _regions_of(self.resolver)
        return any(_in_region(reg, region, r, self.within) for r in self.regions)


def selections(
    query: str,
    /,
    *args: Any,
    regions: RegionResolver | None = None,
    catalog: MetricCatalog | None = None,
    **kwargs: Any,
) -> tuple[Selection, ...]:
    """The merged entities ``query`` (``timeline``, ``firsts``, ``compare`` or ``history``)
    with these arguments may draw on: its answer over the entities matching one of the
    selections is its answer over all of them, which is how
    :class:`policytrack.store.Store` answers from the entities it keeps.  Checks the
    arguments as the query does.
    """
    reg = _regions_of(regions)
    cat = catalog if catalog is not None else MetricCatalog.default()
    builders: dict[str, Callable[..., tuple[Selection, ...]]] = {
        "timeline": _timeline_selection,
        "firsts": _firsts_selection,
        "compare": _compare_selection,
        "history": _history_selection,
    }
    if query not in builders:
        raise BadArgumentError(f"unknown query {query!r} (choose from {', '.join(builders)})")
    return builders[query](reg, cat, *args, **kwargs)


def _timeline_selection(
    reg: _Regions,
    cat: MetricCatalog,
    region: str | None = None,
    *,
    within: bool = True,
    kinds: Iterable[str] | str | None = None,
    since: PartialDate | str | dt.date | None = None,
    until: PartialDate | str | dt.date | None = None,
) -> tuple[Selection, ...]:
    wanted = _kinds(kinds)
    start, stop = _window(since, until)
    where = _query_region(reg, region)
    place = (where,) if where is not None else None
    out = [Selection(tuple(sorted(wanted - {"first"})), place, within, start, stop, resolver=reg.resolver)]
    if "first" in wanted:
        out.append(Selection(("first",), place, within, resolver=reg.resolver))
    return tuple(out)


def _firsts_selection(
    reg: _Regions,
    cat: MetricCatalog,
    scope: FirstScope | str | None = None,
    region: str | None = None,
    *,
    within: bool = True,
    status: str | None = None,
) -> tuple[Selection, ...]:
    where = _query_region(reg, region)
    return (Selection(("first",), (where,) if where is not None else None, within, scope=_scope(scope),
                      resolver=reg.resolver),)


def _compare_selection(
    reg: _Regions,
    cat: MetricCatalog,
    regions_: Sequence[str] | str,
    metrics: Sequence[str] | str | None = None,
    *,
    as_of: PartialDate | str | dt.date | None = None,
    within: bool = True,
) -> tuple[Selection, ...]:
    wanted = _compare_regions(reg, regions_)
    keys = None if metrics is None else tuple(key for key, _ in _compare_metrics(cat, metrics))
    return (
        Selection(("measurement",), wanted, False, metrics=keys, resolver=reg.resolver),
        Selection(COUNTED, wanted, within, resolver=reg.resolver),
    )


def _history_selection(
    reg: _Regions,
    cat: MetricCatalog,
    metric: str,
    region: str | None = None,
    *,
    within: bool = False,
    include_targets: bool = False,
) -> tuple[Selection, ...]:
    key, canonical = _metric_key(cat, metric)
    where = _query_region(reg, region)
    families = ("measurement", "target") if include_targets else ("measurement",)
    return (Selection(families, (where,) if where is not None else None, within,
                      metrics=(key if canonical else normalise_name(key),), resolver=reg.resolver),)


def _query_region(reg: _Regions, region: str | None) -> str | None:
    if region is None:
        return None
    if not isinstance(region, str) or not region.strip():
        raise BadArgumentError(f"region: expected a region name, got {region!r}")
    reg.check(region)
    return reg.canon(region)


def _in_region(reg: _Regions, name: str | None, region: str | None, within: bool) -> bool:
    if region is None:
        return True
    if name is None:
        return False
    return reg.within(name, region) if within else name == region


def _overlaps(date: PartialDate, since: PartialDate | None, until: PartialDate | None) -> bool:
    if since is not None and date.last_day() < since.first_day():
        return False
    return not (until is not None and date.first_day() > until.last_day())


def timeline(
    documents: Iterable[Document] | Resolved,
    region: str | None = None,
    *,
    within: bool = True,
    kinds: Iterable[str] | str | None = None,
    since: PartialDate | str | dt.date | None = None,
    until: PartialDate | str | dt.date | None = None,
    regions: RegionResolver | None = None,
    catalog: MetricCatalog | None = None,
    min_confidence: float | None = None,
) -> Timeline:
    """Dated events, measurements, targets, first claims, launches and foundings, in date order."""
    reg = _regions_of(regions)
    wanted = _kinds(kinds)
    start, stop = _window(since, until)
    where = _query_region(reg, region)
    resolved = _entities(documents, reg, catalog).above(min_confidence)
    entries: list[TimelineEntry] = []
    undated: list[TimelineEntry] = []

    def add(kind: str, date: PartialDate | None, **fields: Any) -> None:
        if kind not in wanted:
            return
        if date is None:
            undated.append(TimelineEntry(kind=kind, date=None, **fields))
        elif _overlaps(date, start, stop):
            entries.append(TimelineEntry(kind=kind, date=date, **fields))

    for c in resolved.claims:
        if where is None or any(_in_region(reg, r, where, within) for r in c.claimants):
            add("first", c.date, id=c.id, region=c.region or "、".join(c.claimants) or None,
                description=c.subject, sources=c.sources, status=c.status, type=f"{c.scope}/{c.kind}",
                corrected=c.corrected)
    for f in resolved.facts:
        if _in_region(reg, f.region, where, within):
            add(f.kind, f.date, id=f.id, region=f.region, description=f.name, sources=f.sources,
                end=f.end, value=f.value, unit=f.unit, type=f.type, corrected=f.corrected)
    for m in resolved.measurements:
        if _in_region(reg, m.region, where, within):
            add(m.kind, m.date, id=m.id, region=m.region, description=m.description or m.metric,
                sources=m.sources, end=m.end, metric=m.metric, value=m.value, unit=m.unit, qualifier=m.qualifier,
                corrected=m.corrected)
    def order(e: TimelineEntry) -> tuple[Any, ...]:
        return (date_order_key(e.date), ENTRY_KINDS.index(e.kind), e.region or "", e.id)

    entries.sort(key=order)
    undated.sort(key=order)
    return Timeline(tuple(entries), region=where, within=within, since=start, until=stop, undated=len(undated),
                    undated_entries=tuple(undated))


def _kinds(kinds: Iterable[str] | str | None) -> set[str]:
    if kinds is None:
        return set(ENTRY_KINDS)
    if isinstance(kinds, str):
        kinds = [k for k in kinds.split(",") if k.strip()]
    chosen = {k.strip() for k in kinds}
    for kind in sorted(chosen - set(ENTRY_KINDS)):
        near = tuple(nearest(kind, {k: k for k in ENTRY_KINDS}))
        raise UnknownNameError("kind", kind, "not a timeline kind" + suggestion_text(near, ENTRY_KINDS),
                               suggestions=near)
    return chosen


_SCOPE_WORDS: Mapping[str, FirstScope] = {
    "全球": FirstScope.GLOBAL,
    "世界": FirstScope.GLOBAL,
    "国际": FirstScope.GLOBAL,
    "全国": FirstScope.NATIONAL,
    "国内": FirstScope.NATIONAL,
    "全省": FirstScope.PROVINCIAL,
    "省内": FirstScope.PROVINCIAL,
    "全市": FirstScope.MUNICIPAL,
    "市内": FirstScope.MUNICIPAL,
    "全区": FirstScope.DISTRICT,
    "湾区": FirstScope.REGIONAL,
}


def _scope(scope: FirstScope | str | None) -> FirstScope | None:
    if scope is None or isinstance(scope, FirstScope):
        return scope
    text = str(scope).strip()
    try:
        return FirstScope(text.lower())
    except ValueError:
        if text in _SCOPE_WORDS:
            return _SCOPE_WORDS[text]
        choices = [s.value for s in FirstScope]
        near = tuple(nearest(text, {**{c: c for c in choices}, **{w: s.value for w, s in _SCOPE_WORDS.items()}}))
        raise UnknownNameError("scope", text, "not a scope" + suggestion_text(near, choices),
                               suggestions=near) from None


def firsts(
    documents: Iterable[Document] | Resolved,
    scope: FirstScope | str | None = None,
    region: str | None = None,
    *,
    within: bool = True,
    status: str | None = None,
    regions: RegionResolver | None = None,
    min_confidence: float | None = None,
) -> Firsts:
    """First claims merged across articles, each with its status, oldest first (undated last)."""
    reg = _regions_of(regions)
    wanted_scope = _scope(scope)
    where = _query_region(reg, region)
    if status is not None and status not in STATUSES:
        near = tuple(nearest(str(status), {s: s for s in STATUSES}))
        raise UnknownNameError("status", str(status), "not a claim status" + suggestion_text(near, STATUSES),
                               suggestions=near)
    resolved = _entities(documents, reg, None).above(min_confidence)
    kept = [
        c
        for c in resolved.claims
        if (wanted_scope is None or c.scope is wanted_scope)
        and (where is None or any(_in_region(reg, r, where, within) for r in c.claimants))
        and (status is None or c.status == status)
    ]
    return Firsts(tuple(kept), scope=wanted_scope, region=where)


#: what a running total's series adds to its metric's name (``专利质押融资金额（累计）``): a
#: cumulative value (累计, 总计...) never shares a series, or a cell, with a period's value
CUMULATIVE_SUFFIX = "（累计）"


def _split_basis(key: str) -> tuple[str, bool]:
    """(the metric's own name, whether ``key`` names its running total)."""
    for suffix in (CUMULATIVE_SUFFIX, "(累计)"):
        if key.endswith(suffix):
            return key[: -len(suffix)], True
    return key, False


def _metric_key(cat: MetricCatalog, name: str) -> tuple[str, bool]:
    """(the name measurements are grouped under, whether it is canonical).

    ``X（累计）`` asks for the running total of X, a series of its own.
    """
    if not isinstance(name, str) or not name.strip():
        raise BadArgumentError(f"metric: expected a metric name, got {name!r}")
    base, cumulative = _split_basis(name.strip())
    suffix = CUMULATIVE_SUFFIX if cumulative else ""
    metric = cat.lookup(base)
    return (metric.name + suffix, True) if metric else (base + suffix, False)


def _check_metric(cat: MetricCatalog, name: str, resolved: Resolved) -> None:
    """Raise :class:`UnknownNameError` for a metric name that is neither in the catalog nor the
    written name of any statistic at hand, with the nearest canonical names, aliases and
    written names as suggestions."""
    wanted = normalise_name(name)
    if any(not m.canonical and any(normalise_name(w) == wanted for w in m.written) for m in resolved.measurements):
        return
    spellings = {alias: m.name for m in cat for alias in (m.name, *m.aliases)}
    for m in resolved.measurements:
        if not m.canonical:
            spellings.setdefault(m.metric, m.metric)
    near = tuple(nearest(name.strip(), spellings))
    raise UnknownNameError("metric", name.strip(), "no metric or statistic of that name" + suggestion_text(near),
                           suggestions=near)


def _matches_metric(m: Measurement, key: str, canonical: bool) -> bool:
    if canonical:
        return m.canonical and m.metric == key
    wanted = normalise_name(key)
    return not m.canonical and any(normalise_name(w) == wanted for w in m.written)


def history(
    documents: Iterable[Document] | Resolved,
    metric: str,
    region: str | None = None,
    *,
    within: bool = False,
    include_targets: bool = False,
    regions: RegionResolver | None = None,
    catalog: MetricCatalog | None = None,
    min_confidence: float | None = None,
) -> History:
    """The values ``metric`` (any alias) took across articles, in date order.

    Dated values come by their date; undated ones by their article's publication date
    after them... both through :func:`date_order_key` on :attr:`Measurement.effective_date`.
    """
    reg = _regions_of(regions)
    cat = catalog if catalog is not None else MetricCatalog.default()
    key, canonical = _metric_key(cat, metric)
    where = _query_region(reg, region)
    resolved = _entities(documents, reg, cat).above(min_confidence)
    if not canonical:
        _check_metric(cat, key, resolved)
    points = [
        m
        for m in resolved.measurements
        if _matches_metric(m, key, canonical)
        and (include_targets or m.kind == MilestoneKind.MEASUREMENT.value)
        and _in_region(reg, m.region, where, within)
    ]
    points.sort(key=lambda m: (m.date is None, date_order_key(m.effective_date), m.region or "", m.id))
    found = cat.get(key) if canonical else None
    return History(key, tuple(points), region=where, label=found.label if found else None)


def compare(
    documents: Iterable[Document] | Resolved,
    regions_: Sequence[str] | str,
    metrics: Sequence[str] | str | None = None,
    *,
    as_of: PartialDate | str | dt.date | None = None,
    within: bool = True,
    regions: RegionResolver | None = None,
    catalog: MetricCatalog | None = None,
    min_confidence: float | None = None,
) -> Comparison:
    """Latest value on or before ``as_of`` of each metric in each region, plus entity counts.

    A cell holds the region's own value (a district's figure is never shown as its city's);
    counts include what lies inside the region when ``within`` is true.  With ``metrics``
    None: every canonical metric with a value in one of the regions, and every other
    statistic written the same way in at least two of them.
    """
    reg = _regions_of(regions)
    cat = catalog if catalog is not None else MetricCatalog.default()
    wanted_regions = _compare_regions(reg, regions_)
    cutoff = _as_date(as_of, "as_of")
    resolved = _entities(documents, reg, cat).above(min_confidence)

    def eligible(m: Measurement) -> bool:
        if m.kind != MilestoneKind.MEASUREMENT.value or m.region not in wanted_regions:
            return False
        if cutoff is None:
            return True
        when = m.effective_date
        return when is not None and when.last_day() <= cutoff.last_day()

    pool = [m for m in resolved.measurements if eligible(m)]
    by_metric: dict[str, list[Measurement]] = defaultdict(list)
    for m in pool:
        by_metric[m.metric if m.canonical else normalise_name(m.written[0])].append(m)

    if metrics is None:
        chosen: list[tuple[str, str]] = []  # (group key, display name)
        for key, ms in by_metric.items():
            canonical = ms[0].canonical
            if canonical or len({m.region for m in ms}) >= 2:
                chosen.append((key, ms[0].metric))
        order = {m.name: i for i, m in enumerate(cat.metrics)}
        chosen.sort(key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    else:
        chosen = _compare_metrics(cat, metrics)
        for key, display in chosen:
            if cat.get(key) is None:
                _check_metric(cat, display, resolved)

    cells: list[Cell] = []
    for key, display in chosen:
        for region in wanted_regions:
            candidates = [m for m in by_metric.get(key, []) if m.region == region]
            latest = max(candidates, key=_latest_key) if candidates else None
            cells.append(Cell(display, region, latest))

    counts = _counts(reg, resolved, wanted_regions, within)
    return Comparison(
        regions=wanted_regions,
        metrics=tuple(display for _, display in chosen),
        cells=tuple(cells),
        counts=counts,
        as_of=cutoff,
    )


def _compare_regions(reg: _Regions, regions_: Sequence[str] | str) -> tuple[str, ...]:
    if isinstance(regions_, str):
        regions_ = [r for r in regions_.split(",") if r.strip()]
    wanted = tuple(dict.fromkeys(r for r in (_query_region(reg, r) for r in regions_) if r))
    if not wanted:
        raise BadArgumentError("regions: name at least one region")
    return wanted


def _compare_metrics(cat: MetricCatalog, metrics: Sequence[str] | str) -> list[tuple[str, str]]:
    """(group key, display name) of each metric asked for."""
    if isinstance(metrics, str):
        metrics = [m for m in metrics.split(",") if m.strip()]
    chosen = []
    for name in metrics:
        key, canonical = _metric_key(cat, name)
        chosen.append((key if canonical else normalise_name(key), key))
    return chosen


def _latest_key(m: Measurement) -> tuple[bool, tuple[int, int], int, str]:
    # the latest date wins (a finer date beats a coarser one ending on the same day, hence -rank);
    # then the value reported by the most articles
    when = m.effective_date
    key = date_order_key(when)
    return (when is not None, (key[0], -key[1]), len(m.documents), m.id)


def _counts(reg: _Regions, resolved: Resolved, wanted: Sequence[str], within: bool) -> tuple[CountRow, ...]:
    rows: list[CountRow] = []
    for region in wanted:
        groups: dict[str, list[tuple[str, tuple[SourceRef, ...]]]] = {kind: [] for kind in COUNTED}
        for c in resolved.claims:
            if any(_in_region(reg, r, region, within) for r in c.claimants):
                groups["first"].append((c.id, c.sources))
        for f in resolved.facts:
            if f.kind in groups and _in_region(reg, f.region, region, within):
                groups[f.kind].append((f.id, f.sources))
        for kind, found in groups.items():
            rows.append(
                CountRow(
                    region=region,
                    kind=kind,
                    count=len(found),
                    ids=tuple(i for i, _ in found),
                    sources=_documents(s for _, refs in found for s in refs),
                )
            )
    return tuple(rows)
