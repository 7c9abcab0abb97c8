"""The library's converter: round trips and the exact JSON shape of EXPORT.md."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import policytrack
from policytrack.convert import converter, dumps, export_dict, iter_jsonl, loads, structure, unstructure
from policytrack.errors import ExportFormatError
from policytrack.models import (
    Document,
    Evidence,
    FinancingProduct,
    FirstClaim,
    Initiative,
    Institution,
    Milestone,
    MilestoneKind,
    PartialDate,
    ProductKind,
    Qualifier,
    Quantity,
)

from . import strategies as s

MODELS: list[tuple[Any, type]] = [
    (s.partial_dates(), PartialDate),
    (s.quantities, Quantity),
    (s.evidences(), Evidence),
    (s.first_claims, FirstClaim),
    (s.institutions, Institution),
    (s.products, FinancingProduct),
    (s.initiatives, Initiative),
    (s.milestones, Milestone),
    (s.documents, Document),
]


@pytest.mark.parametrize(("strategy", "cls"), MODELS, ids=[c.__name__ for _, c in MODELS])
def test_round_trip_through_json(strategy: Any, cls: type) -> None:
    @settings(max_examples=60, deadline=None)
    @given(strategy)
    def check(obj: Any) -> None:
        plain = unstructure(obj)
        again = json.loads(json.dumps(plain, ensure_ascii=False))
        assert structure(again, cls) == obj

    check()


def test_converter_is_not_the_global_one() -> None:
    import cattrs

    assert converter is not cattrs.global_converter


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("78000000"), "78000000"),
        (Decimal("7.8E+7"), "78000000"),
        (Decimal("26.13"), "26.13"),
        (Decimal("0.1"), "0.1"),
        (Decimal("2613000000"), "2613000000"),
    ],
    ids=["integral", "exponent-form", "fraction", "tenth", "large-integral"],
)
def test_amounts_print_exactly(value: Decimal, expected: str) -> None:
    q = Quantity(value, "元", None, "x")
    assert json.dumps(unstructure(q)["value"]) == expected


def test_export_shape_matches_contract() -> None:
    ev = Evidence(0, 5, "全国首单。")
    doc = Document(
        id="a",
        text="全国首单。",
        published=PartialDate(2022, 3, 4),
        financing_products=(
            FinancingProduct(
                "知识产权证券化产品",
                ProductKind.SECURITIZATION,
                ev,
                amount=Quantity(Decimal("1e9"), "元", Qualifier.OVER, "超10亿元"),
            ),
        ),
        milestones=(Milestone(MilestoneKind.EVENT, "发行", ev, date=PartialDate(2021)),),
    )
    out = export_dict([doc])
    assert out["schema"] == "policytrack/1"
    d = out["documents"][0]
    for field in ("id", "title", "source", "published", "region", "firsts", "institutions",
                  "financing_products", "initiatives", "milestones"):
        assert field in d
    assert d["published"] == "2022-03-04"
    assert d["title"] is None and d["firsts"] == []
    p = d["financing_products"][0]
    assert p["kind"] == "securitization"
    assert p["amount"] == {"value": 1000000000, "unit": "元", "qualifier": "over", "text": "超10亿元"}
    assert p["evidence"] == {"start": 0, "end": 5, "text": "全国首单。"}
    assert d["milestones"][0]["date"] == "2021"


def test_dumps_loads_round_trip_and_keeps_chinese() -> None:
    doc = Document(id="a", text="广州开发区", region="广州开发区")
    text = dumps([doc])
    assert "广州开发区" in text
    assert loads(text) == [doc]


def test_dumps_is_indented_json_with_chinese_as_written() -> None:
    doc = Document(id="a", text="广州开发区")
    assert dumps([doc]).startswith('{\n  "schema": "policytrack/1",\n  "documents": [\n    {\n      "id": "a"')
    assert dumps([doc], indent=None) == json.dumps(export_dict([doc]), ensure_ascii=False)
    assert "\n" not in dumps([doc], indent=None) and "\\u" not in dumps([doc])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", r"^not JSON: Expecting value"),
        ("[]", r"^not a policytrack/1 export$"),
        ('{"schema": "other/2", "documents": []}', r"^not a policytrack/1 export$"),
    ],
    ids=["garbage", "a-list", "wrong-schema"],
)
def test_loads_rejects_non_exports(text: str, message: str) -> None:
    with pytest.raises(ExportFormatError, match=message):
        loads(text)


def test_an_export_without_documents_has_none() -> None:
    assert loads('{"schema": "policytrack/1"}') == []


def test_structure_rejects_a_boolean_amount() -> None:
    with pytest.raises(TypeError, match=r"^a boolean is not a number$"):
        structure(True, Decimal)
    with pytest.raises(Exception):  # noqa: B017 - cattrs wraps the TypeError in its own group
        structure({"value": True, "unit": "元", "qualifier": None, "text": ""}, Quantity)


DOCS = [Document(id="a", text="广州开发区"), Document(id="b", text="深圳市", region="深圳市")]


def test_iter_jsonl_reads_one_document_a_line_and_skips_blank_lines() -> None:
    lines = ["", json.dumps(unstructure(DOCS[0]), ensure_ascii=False), "  ", json.dumps(unstructure(DOCS[1]))]
    assert list(iter_jsonl(lines)) == DOCS


@pytest.mark.parametrize("form", ["json", "json-indented-after-blank", "jsonl"])
def test_read_export_tells_json_from_json_lines(form: str, tmp_path: Path) -> None:
    path = tmp_path / "export"
    if form == "jsonl":
        path.write_text("\n".join(json.dumps(unstructure(d), ensure_ascii=False) for d in DOCS) + "\n", "utf-8")
    else:
        path.write_text(("\n\n" if "blank" in form else "") + dumps(DOCS, indent=None if form == "json" else 2),
                        "utf-8")
    assert policytrack.read_export(str(path)) == DOCS


def test_public_api_reexports() -> None:
    for name in policytrack.__all__:
        assert hasattr(policytrack, name), name
