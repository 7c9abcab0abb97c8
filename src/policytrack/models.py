"""Typed records of policytrack: a loaded :class:`Document` and what is extracted from it.

Every model is an ``attrs`` class, frozen and slotted.  Collections are tuples so
that models are hashable and immutable.  The JSON form of every model is what the
library's own converter (:mod:`policytrack.convert`) makes of it; see EXPORT.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from enum import Enum
from functools import total_ordering
from typing import Any

import attrs

__all__ = [
    "Basis",
    "Document",
    "Evidence",
    "FinancingProduct",
    "FirstClaim",
    "FirstKind",
    "FirstScope",
    "Initiative",
    "InitiativeKind",
    "Institution",
    "InstitutionKind",
    "Milestone",
    "MilestoneKind",
    "PartialDate",
    "Precision",
    "ProductKind",
    "Qualifier",
    "Quantity",
    "Region",
    "RegionLevel",
]


class _StrEnum(str, Enum):
    """A string enumeration whose ``str()`` is its value (``enum.StrEnum`` is 3.11+)."""

    def __str__(self) -> str:
        return str(self.value)


class Precision(_StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@total_ordering
@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to year, month or day precision.

    ``str()`` gives partial ISO 8601 (``"2021"``, ``"2021-06"``, ``"2021-06-30"``).
    Dates order by the first day they cover, and a coarser date sorts before a
    finer one that starts on the same day: ``2021 < 2021-01 < 2021-01-01``.
    Use :meth:`first_day`/:meth:`last_day` when you need the span itself.
    """

    year: int = attrs.field()
    month: int | None = attrs.field(default=None)
    day: int | None = attrs.field(default=None)

    @year.validator
    def _check_year(self, _attr: attrs.Attribute[int], value: int) -> None:
        if not 1 <= value <= 9999:
            raise ValueError(f"year out of range: {value}")

    @month.validator
    def _check_month(self, _attr: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and not 1 <= value <= 12:
            raise ValueError(f"month out of range: {value}")

    @day.validator
    def _check_day(self, _attr: attrs.Attribute[int | None], value: int | None) -> None:
        if value is None:
            return
        if self.month is None:
            raise ValueError("a day needs a month")
        if not 1 <= value <= calendar.monthrange(self.year, self.month)[1]:
            raise ValueError(f"day out of range: {self.year}-{self.month:02d}-{value}")

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse partial ISO 8601 (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"not a partial ISO date: {text!r}")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def contains(self, other: PartialDate) -> bool:
        """True when ``other`` lies inside the span this date covers."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def sort_key(self) -> tuple[int, int, int, int]:
        order = {Precision.YEAR: 0, Precision.MONTH: 1, Precision.DAY: 2}[self.precision]
        return (self.year, self.month or 1, self.day or 1, order)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class Qualifier(_StrEnum):
    OVER = "over"
    ABOUT = "about"
    UNDER = "under"


@attrs.frozen
class Quantity:
    """A number with its unit, in base units (``7800万元`` is 78000000 元)."""

    value: Decimal
    unit: str
    qualifier: Qualifier | None = None
    text: str = ""


@attrs.frozen
class Evidence:
    """The sentence stating a fact: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


class RegionLevel(_StrEnum):
    SUPRA = "supra"  # 粤港澳大湾区, 长三角...
    COUNTRY = "country"
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    ZONE = "zone"


@attrs.frozen
class Region:
    """A gazetteer entry: a canonical name, its level, its parent and its aliases."""

    name: str
    level: RegionLevel
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    code: str | None = None
    spans: tuple[str, ...] = ()  # for supra-regions: the regions they cover


class FirstScope(_StrEnum):
    GLOBAL = "global"
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    DISTRICT = "district"
    REGIONAL = "regional"
    UNSPECIFIED = "unspecified"


class FirstKind(_StrEnum):
    FIRST = "first"
    FIRST_BATCH = "first_batch"
    PIONEER = "pioneer"


@attrs.frozen
class FirstClaim:
    """A claim to have done something first (全国首单, 全省首家, 率先...)."""

    scope: FirstScope
    kind: FirstKind
    subject: str
    evidence: Evidence
    region: str | None = None
    date: PartialDate | None = None
    cue: str = ""
    #: how likely the record is right, from policytrack's learned judgement (0..1, calibrated
    #: on held-out articles); ``None`` when the record was made without it
    confidence: float | None = None


class InstitutionKind(_StrEnum):
    GOVERNMENT = "government"
    COURT = "court"
    SERVICE = "service"
    ALLIANCE = "alliance"
    RESEARCH = "research"
    COMPANY = "company"
    FINANCIAL = "financial"
    OTHER = "other"


@attrs.frozen
class Institution:
    """A named organisation."""

    name: str
    kind: InstitutionKind
    evidence: Evidence
    region: str | None = None
    established: PartialDate | None = None
    aliases: tuple[str, ...] = ()
    #: how likely the record is right, from policytrack's learned judgement (0..1, calibrated
    #: on held-out articles); ``None`` when the record was made without it
    confidence: float | None = None


class ProductKind(_StrEnum):
    SECURITIZATION = "securitization"
    INSURANCE = "insurance"
    PLEDGE_LOAN = "pledge_loan"
    FUND = "fund"
    RISK_POOL = "risk_pool"
    OTHER = "other"


@attrs.frozen
class FinancingProduct:
    """An IP-finance product, deal or fund."""

    name: str
    kind: ProductKind
    evidence: Evidence
    region: str | None = None
    date: PartialDate | None = None
    amount: Quantity | None = None
    rate_percent: Decimal | None = None
    #: how likely the record is right, from policytrack's learned judgement (0..1, calibrated
    #: on held-out articles); ``None`` when the record was made without it
    confidence: float | None = None


class InitiativeKind(_StrEnum):
    PLAN = "plan"
    PROGRAMME = "programme"
    MECHANISM = "mechanism"
    STANDARD = "standard"
    REGULATION = "regulation"
    EVENT = "event"
    OTHER = "other"


@attrs.frozen
class Initiative:
    """A named policy measure, programme, plan, mechanism, standard or event."""

    name: str
    kind: InitiativeKind
    evidence: Evidence
    region: str | None = None
    date: PartialDate | None = None
    #: how likely the record is right, from policytrack's learned judgement (0..1, calibrated
    #: on held-out articles); ``None`` when the record was made without it
    confidence: float | None = None


class Basis(_StrEnum):
    """Whether a statistic is a running total or the value of one period."""

    CUMULATIVE = "cumulative"
    PERIOD = "period"


class MilestoneKind(_StrEnum):
    EVENT = "event"
    MEASUREMENT = "measurement"
    TARGET = "target"


@attrs.frozen
class Milestone:
    """A dated event, a statistic's value (measurement) or a value aimed for (target)."""

    kind: MilestoneKind
    description: str
    evidence: Evidence
    date: PartialDate | None = None
    end: PartialDate | None = None
    region: str | None = None
    metric: str | None = None
    quantity: Quantity | None = None
    change: Quantity | None = None
    #: for measurements and targets: a running total (``累计``, ``截至…累计``) or the value
    #: of one period; ``None`` when the text does not say
    basis: Basis | None = None
    #: how likely the record is right, from policytrack's learned judgement (0..1, calibrated
    #: on held-out articles); ``None`` when the record was made without it
    confidence: float | None = None


@attrs.frozen
class Document:
    """One article: metadata, its clean text, and the records extracted from it."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    published: PartialDate | None = None
    region: str | None = None
    path: str | None = None
    encoding: str | None = None
    firsts: tuple[FirstClaim, ...] = ()
    institutions: tuple[Institution, ...] = ()
    financing_products: tuple[FinancingProduct, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    milestones: tuple[Milestone, ...] = ()

    def records(self) -> tuple[Any, ...]:
        """Every extracted record, in export order."""
        return (
            *self.firsts,
            *self.institutions,
            *self.financing_products,
            *self.initiatives,
            *self.milestones,
        )
