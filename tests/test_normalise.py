"""Half-width punctuation and spaces inside Chinese text, as web pages give them, made Chinese."""

from __future__ import annotations

import pytest

import policytrack
from policytrack._normalise import normalise_text

CASES = [
    # real shapes from page excerpts (the evaluation sets' texts), then the same shapes elsewhere
    ('3 月 22 日," 兴证圆融 - 湖南湘江新区知识产权资产支持专项计划 " 在深圳证券交易所发行设立。',
     "3月22日，“兴证圆融-湖南湘江新区知识产权资产支持专项计划”在深圳证券交易所发行设立。"),
    ("发行 ABS ( 即资产支持证券 ) ,由省知识产权交易中心牵头", "发行ABS（即资产支持证券），由省知识产权交易中心牵头"),
    ("项目整体发行规模 1.35 亿元,期限为 2 年。", "项目整体发行规模1.35亿元，期限为2年。"),
    ("截至去年底,全市专利质押登记金额达 56.2 亿元;同比增长 12%。", "截至去年底，全市专利质押登记金额达56.2亿元；同比增长12%。"),
    ("记者问:何时落地?答:今年!", "记者问：何时落地？答：今年！"),
    # left alone: thousands separators, times, URLs, English, indentation
    ("共 1,000 家企业", "共1,000家企业"),
    ("发布时间 2023-07-05 11:07", "发布时间2023-07-05 11:07"),
    ("原文见 http://example.com/a?b=1", "原文见http://example.com/a?b=1"),
    ("IP finance (pledge loans), see below.", "IP finance (pledge loans), see below."),
    ("\u3000\u3000据介绍,该项目", "\u3000\u3000据介绍，该项目"),
]


@pytest.mark.parametrize(("raw", "want"), CASES, ids=[c[1][:12] for c in CASES])
def test_normalise_text(raw: str, want: str) -> None:
    assert normalise_text(raw) == want


def test_idempotent_on_chinese_text() -> None:
    for _, want in CASES:
        assert normalise_text(want) == want


def test_a_product_in_half_width_text_is_found_as_in_full_width_text() -> None:
    half = '3 月 22 日," 兴证圆融 - 湖北知识产权资产支持专项计划 " 在深圳证券交易所发行设立。'
    full = "3月22日，“兴证圆融-湖北知识产权资产支持专项计划”在深圳证券交易所发行设立。"
    a = policytrack.parse(half, id="half")
    b = policytrack.parse(full, id="full")
    assert [p.name for p in a.financing_products] == [p.name for p in b.financing_products] == [
        "兴证圆融-湖北知识产权资产支持专项计划"
    ]
