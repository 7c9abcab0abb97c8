"""Names start on a word: the shared left-boundary pass (extract/names.py)."""

from __future__ import annotations

import pytest

import policytrack
from policytrack.extract.analysis import analyse
from policytrack.extract.names import trimmed

CASES = [
    # (sentence, name as a grammar proposed it, name after the pass)
    ("据区市场监管局介绍，今年已受理案件30件。", "据区市场监管局", "区市场监管局"),
    ("今年初市知识产权局印发实施方案。", "今年初市知识产权局", "市知识产权局"),
    ("通过资金池撬动合作银行放贷。", "通过资金池", "资金池"),
    ("经省知识产权局批准设立。", "经省知识产权局", "省知识产权局"),
    ("这一纯知识产权质押贷款产品已惠及百家企业。", "这一纯知识产权质押贷款产品", "纯知识产权质押贷款产品"),
    # kept whole: a place, a title, a quoted name, a name that is only one word
    ("大连银保监局指导银行开展业务。", "大连银保监局", "大连银保监局"),
    ("印发《关于强化知识产权保护的若干措施》。", "关于强化知识产权保护的若干措施", "关于强化知识产权保护的若干措施"),
    ("推出“在线质押”服务。", "在线质押", "在线质押"),
    ("经营户知识产权档案与信用积分体系上线。", "经营户知识产权档案与信用积分体系", "经营户知识产权档案与信用积分体系"),
    ("新一代信息技术知识产权证券化产品发行。", "新一代信息技术知识产权证券化产品", "新一代信息技术知识产权证券化产品"),
]


@pytest.mark.parametrize(("sentence", "name", "want"), CASES, ids=[c[2] for c in CASES])
def test_trimmed(sentence: str, name: str, want: str) -> None:
    s = analyse(sentence)[0]
    assert trimmed(s, name) == want


def test_name_not_in_its_sentence_is_kept() -> None:
    s = analyse("深圳市发布条例。")[0]
    assert trimmed(s, "据某某局") == "据某某局"


def test_institutions_through_the_whole_pipeline() -> None:
    doc = policytrack.parse("据区市场监管局介绍，该区知识产权保护中心今年受理案件300件。", id="x", region="海淀区")
    names = [i.name for i in doc.institutions]
    assert all(not n.startswith("据") for n in names), names
