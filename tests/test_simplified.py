"""The traditional-to-simplified fold keeps length and offsets, and its table matches its generator."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from policytrack._simplified import simplified


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
def test_fold(text: str, want: str) -> None:
    assert simplified(text) == want
    assert len(simplified(text)) == len(text)


def test_table_is_one_to_one_and_never_maps_a_character_to_itself() -> None:
    raw = json.loads(resources.files("policytrack").joinpath("data/simplified.json").read_text(encoding="utf-8"))
    trad, simp = raw["traditional"], raw["simplified"]
    assert len(trad) == len(simp) > 2000
    assert len(set(trad)) == len(trad)
    assert all(t != s for t, s in zip(trad, simp, strict=True))
