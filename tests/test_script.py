"""Articles in traditional characters are read through a simplified reading and quoted as written."""

from __future__ import annotations

import pytest

import policytrack
from policytrack.extract.script import reading

TRADITIONAL = (
    "2024年5月，郵儲銀行寧夏分行成立了該行首家科技支行。"
    "截至2023年底，長春市知識產權質押融資金額累計達到12.5億元，發放貸款120筆。"
)


def test_reading_keeps_every_offset() -> None:
    folding = reading(TRADITIONAL)
    assert folding is not None and len(folding.folded) == len(TRADITIONAL)
    assert "邮储银行宁夏分行" in folding.folded and "长春市知识产权质押融资" in folding.folded


@pytest.mark.parametrize("text", ["深圳市落地全国首单知识产权证券化产品。", "台湾 Taiwan 12.5", "“發展”一词"])
def test_simplified_text_is_read_as_it_is(text: str) -> None:
    assert reading(text) is None


def test_records_quote_the_article_as_written() -> None:
    doc = policytrack.parse(TRADITIONAL, id="trad")
    names = [i.name for i in doc.institutions]
    assert "郵儲銀行寧夏分行" in names, names
    stats = [(m.metric, m.quantity.text, m.quantity.unit, m.region) for m in doc.milestones if m.quantity is not None]
    assert ("知識產權質押融資金額", "12.5億元", "元", "长春市") in stats, stats
    assert ("發放貸款", "120筆", "筆", "长春市") in stats, stats
    for r in [*doc.institutions, *doc.milestones, *doc.firsts]:
        assert doc.text[r.evidence.start : r.evidence.end] == r.evidence.text
        assert r.evidence.text in TRADITIONAL


def test_same_records_as_the_simplified_article_apart_from_the_script() -> None:
    folding = reading(TRADITIONAL)
    assert folding is not None
    a = policytrack.parse(TRADITIONAL, id="t")
    b = policytrack.parse(folding.folded, id="s")
    assert [(m.kind, m.quantity and m.quantity.value, m.region) for m in a.milestones] == [
        (m.kind, m.quantity and m.quantity.value, m.region) for m in b.milestones
    ]
    assert len(a.institutions) == len(b.institutions) and len(a.firsts) == len(b.firsts)
