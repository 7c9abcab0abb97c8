"""Reading traditional-script text with simplified vocabularies (extract/script_fold.py)."""

from __future__ import annotations

import pytest

from policytrack._data import load_json
from policytrack.extract.script_fold import Folding, fold, is_traditional

TRADITIONAL = "近日，國家知識產權局印發《關於確定國家知識產權強市建設試點示範城市的通知》，株洲市入選。質押金額15.49億元。"


def test_a_traditional_text_is_read_in_simplified_characters() -> None:
    folded = fold(TRADITIONAL)
    assert len(folded) == len(TRADITIONAL)  # one for one: every offset is the text's
    assert "国家知识产权局印发" in folded and "质押金额15.49亿元" in folded


def test_unfold_writes_back_the_texts_own_characters() -> None:
    f = Folding(TRADITIONAL)
    k = f.folded.find("质押金额")
    assert f.unfold("质押金额", k) == "質押金額"  # by position
    assert f.unfold("质押金额") == "質押金額"  # by the characters this text uses
    assert f.unfold("项") == "项"  # a character this text never wrote stays


@pytest.mark.parametrize(
    "text",
    [
        "2022年，广州市专利授权量18.95万件，同比增长21.6%。",
        "2023年，杭州市有效发明专利1200件，“發明之星”企業30家。",  # a stray quoted name
        "",
    ],
)
def test_a_simplified_text_is_left_alone(text: str) -> None:
    assert not is_traditional(text)
    f = Folding(text)
    assert not f.changed and f.folded == text and f.unfold("企業") == "企業"


def test_table_is_one_character_for_one() -> None:
    data = load_json("script_fold.json")
    fold_table = data["fold"]
    assert len(fold_table) > 2000
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in fold_table.items())
    assert set(data["marks"]) <= set(fold_table)
    assert "於" not in data["marks"]  # 於 is also written in simplified text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("知識產權質押融資", "知识产权质押融资"),
        ("資產支持專項計劃", "资产支持专项计划"),
        ("地理標志被侵權損失保險", "地理标志被侵权损失保险"),
        ("知识产权质押融资", "知识产权质押融资"),  # simplified text is unchanged
        ("ABS 2.5%", "ABS 2.5%"),
        ("", ""),
    ],
)
def test_fold_characters_keeps_length(text: str, want: str) -> None:
    from policytrack.extract.script_fold import fold_characters

    assert fold_characters(text) == want
    assert len(fold_characters(text)) == len(text)
