"""The seeds' scores are a floor CI guards: macro F1 >= 0.95 and every record type >= 0.90."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _evaluate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("pt_evaluate", ROOT / "scripts" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pt_evaluate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds() -> dict:
    ev = _evaluate()
    entries = list(ev.items("seeds"))
    assert len(entries) == 5 and all(p is not None for _, p, _ in entries)
    docs = ev.export_docs(p for _, p, _ in entries)
    return ev.score(docs, [g for _, _, g in entries])


def test_seeds_macro_f1_floor(seeds: dict) -> None:
    assert seeds["macro_f1"] >= 0.95, seeds["types"]


@pytest.mark.parametrize("record_type", ["firsts", "institutions", "financing_products", "initiatives", "milestones"])
def test_seeds_type_f1_floor(seeds: dict, record_type: str) -> None:
    assert seeds["types"][record_type]["f1"] >= 0.90


def test_the_scorer_matches_as_the_rules_say() -> None:
    ev = _evaluate()
    gold = [{"key": "纯专利", "scope": "national", "kind": "first"}]
    pred = [{"subject": "纯专利资产证券化产品", "scope": "national"}, {"subject": "纯专利", "scope": "provincial"}]
    assert ev.pairs(gold, pred, "firsts") == [(0, 0)]
    g = [{"kind": "measurement", "key": "有效发明专利", "value": 22452, "unit": "件"}]
    p = [{"kind": "measurement", "metric": "有效发明专利量", "quantity": {"value": 22452, "unit": "件"}}]
    assert ev.pairs(g, p, "milestones") == [(0, 0)]
    assert ev.pairs(g, [{**p[0], "kind": "target"}], "milestones") == []
