"""The sentence splitter: offsets, terminators, quotes kept with their sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytrack.extract.sentences import split_sentences

CASES = [
    # real sentences of the seeds
    (
        "截至2021年，该区有效发明专利22452件。目前已累计发行4支知识产权证券化产品，融资额超10亿元。",
        ["截至2021年，该区有效发明专利22452件。", "目前已累计发行4支知识产权证券化产品，融资额超10亿元。"],
    ),
    (
        "“创新是引领发展的第一动力。”发布会现场，高国盛表示。",
        ["“创新是引领发展的第一动力。”", "发布会现场，高国盛表示。"],
    ),
    (
        "全国首单智慧建设概念知识产权证券化产品落地……一连串的举措。",
        ["全国首单智慧建设概念知识产权证券化产品落地……", "一连串的举措。"],
    ),
    # same style, other regions
    ("深圳市专利授权量27.9万件；上海市专利授权量17.9万件！", ["深圳市专利授权量27.9万件；", "上海市专利授权量17.9万件！"]),
    ("杭州市发布通知\n\n　　成都市召开大会", ["杭州市发布通知", "成都市召开大会"]),
    ("北京知识产权法院（简称“北知院”）成立。", ["北京知识产权法院（简称“北知院”）成立。"]),
    # edge cases
    ("", []),
    ("   \n\n　　", []),
    ("没有句号的一句话", ["没有句号的一句话"]),
    ("问句？答句！", ["问句？", "答句！"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    CASES,
    ids=["seed-dateline", "seed-quote", "seed-ellipsis", "other-semicolon", "other-lines", "other-brackets",
         "empty", "blank", "no-terminator", "question"],
)
def test_split(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start : s.end] == s.text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_offsets_always_slice_the_text(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert s.text and text[s.start : s.end] == s.text
        assert s.start >= last
        last = s.end


def test_long_input_is_linear() -> None:
    text = "。" * 200_000 + "字" * 200_000 + "”" * 200_000
    assert len(split_sentences(text)) == 2
