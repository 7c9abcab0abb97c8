"""PartialDate, Quantity and the record models."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from policytrack.models import Document, Evidence, FirstClaim, FirstKind, FirstScope, PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2021", PartialDate(2021), Precision.YEAR),
        ("2021-06", PartialDate(2021, 6), Precision.MONTH),
        ("2021-06-30", PartialDate(2021, 6, 30), Precision.DAY),
        ("2024-02-29", PartialDate(2024, 2, 29), Precision.DAY),
    ],
    ids=["year", "month", "day", "leap-day"],
)
def test_partial_date_parses_and_prints(text: str, expected: PartialDate, precision: Precision) -> None:
    parsed = PartialDate.parse(text)
    assert parsed == expected
    assert parsed.precision is precision
    assert str(parsed) == text


@pytest.mark.parametrize(
    "text",
    ["21", "2021-6", "2021-13", "2023-02-29", "0000", "2021-06-31", "tomorrow", ""],
    ids=["short-year", "one-digit-month", "month-13", "not-leap", "year-zero", "june-31", "word", "empty"],
)
def test_partial_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_day_without_month_is_rejected() -> None:
    with pytest.raises(ValueError, match="needs a month"):
        PartialDate(2021, None, 5)


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("2021", "2021-01"),
        ("2021-01", "2021-01-01"),
        ("2020-12-31", "2021"),
        ("2021", "2021-06"),
        ("2021-06", "2022"),
    ],
    ids=["year-before-month", "month-before-day", "day-before-next-year", "year-before-june", "june-before-next"],
)
def test_partial_dates_order_by_first_day_then_precision(smaller: str, larger: str) -> None:
    assert PartialDate.parse(smaller) < PartialDate.parse(larger)
    assert PartialDate.parse(larger) > PartialDate.parse(smaller)


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2021-06-30", dt.date(2021, 6, 30), dt.date(2021, 6, 30)),
    ],
    ids=["year", "leap-february", "day"],
)
def test_partial_date_span(date: str, first: dt.date, last: dt.date) -> None:
    d = PartialDate.parse(date)
    assert (d.first_day(), d.last_day()) == (first, last)


def test_contains() -> None:
    assert PartialDate(2022).contains(PartialDate(2022, 6, 30))
    assert not PartialDate(2022, 5).contains(PartialDate(2022, 6, 30))


def test_models_are_frozen_and_hashable() -> None:
    ev = Evidence(0, 4, "全国首单")
    claim = FirstClaim(FirstScope.NATIONAL, FirstKind.FIRST, "知识产权证券化产品", ev)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        claim.subject = "x"  # type: ignore[misc]
    assert hash(claim) == hash(attrs.evolve(claim))
    doc = Document(id="d", text="全国首单", firsts=(claim,))
    assert doc.records() == (claim,)


def test_enums_print_their_value() -> None:
    assert str(FirstScope.NATIONAL) == "national"
    assert f"{FirstKind.PIONEER}" == "pioneer"
