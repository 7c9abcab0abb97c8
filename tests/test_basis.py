"""A statistic says whether it is a running total or one period's value; queries never mix them."""

from __future__ import annotations

import pytest

import policytrack
from policytrack.models import Basis

CASES = [
    ("截至2023年底，全市累计完成知识产权质押融资100亿元。", "100亿元", Basis.CUMULATIVE),
    ("2024年，全市完成知识产权质押融资30亿元。", "30亿元", Basis.PERIOD),
    ("累计发行知识产权证券化产品12单，规模达50亿元。", "50亿元", Basis.CUMULATIVE),
    ("2022年，武汉市专利质押融资总计达到26.1亿元。", "26.1亿元", Basis.CUMULATIVE),
    ("全市有效发明专利2万件。", "2万件", None),
    ("2023年，西安市知识产权质押融资金额18.6亿元，同比增长20%。", "18.6亿元", Basis.PERIOD),
]


@pytest.mark.parametrize(("sentence", "value", "basis"), CASES, ids=[c[1] for c in CASES])
def test_basis(sentence: str, value: str, basis: Basis | None) -> None:
    doc = policytrack.parse(sentence, id="x")
    found = {m.quantity.text: m.basis for m in doc.milestones if m.quantity is not None}
    assert found[value] == basis


def test_history_keeps_a_running_total_in_its_own_series() -> None:
    docs = [
        policytrack.parse("2023年，深圳市专利质押融资金额达到100亿元。", id="a"),
        policytrack.parse("截至2023年底，深圳市专利质押融资金额累计达到500亿元。", id="b"),
    ]
    corpus = policytrack.Corpus(docs)
    period = corpus.history("专利质押融资金额", region="深圳市")
    total = corpus.history("专利质押融资金额（累计）", region="深圳市")
    assert [str(p.value) for p in period.points] == ["10000000000"]
    assert [str(p.value) for p in total.points] == ["50000000000"]
    assert total.metric.endswith("（累计）")
