"""The shared analysis: one per document, words with offsets, the vocabularies as the segmenter's dictionary."""

from __future__ import annotations

import pytest

from policytrack.extract import analysis as an
from policytrack.extract import extract_document
from policytrack.models import Document, PartialDate

TEXT = (
    "据区市场监管局介绍，今年初市知识产权局印发《知识产权质押融资实施方案》。\n"
    "截至2023年底，成都高新区累计完成知识产权质押融资100亿元，落地全国首单知识产权证券化产品。"
)


def test_words_cover_each_sentence_exactly_with_document_offsets() -> None:
    a = an.analyse(TEXT, PartialDate(2024, 3), "成都市")
    assert [s.text for s in a] == [
        "据区市场监管局介绍，今年初市知识产权局印发《知识产权质押融资实施方案》。",
        "截至2023年底，成都高新区累计完成知识产权质押融资100亿元，落地全国首单知识产权证券化产品。",
    ]
    for s in a:
        assert "".join(w.surface for w in s.words) == s.text
        assert all(TEXT[w.start : w.end] == w.surface for w in s.words)


@pytest.mark.parametrize(
    "word",
    ["成都高新区", "知识产权局", "知识产权质押融资", "首单", "知识产权证券化产品"],
    ids=lambda w: w,
)
def test_vocabulary_words_are_single_words(word: str) -> None:
    a = an.analyse(TEXT)
    assert word in [w.surface for s in a for w in s.words]


def test_numbers_dates_places_and_titles_found_once_with_sentence_offsets() -> None:
    s = an.analyse(TEXT, PartialDate(2024, 3), None)[1]
    assert [(q.quantity.text, s.text[q.start : q.end]) for q in s.quantities] == [("100亿元", "100亿元")]
    assert [(str(d.date), d.text) for d in s.dates] == [("2023-12", "截至2023年底")]
    assert [(p.name, s.text[p.start : p.end]) for p in s.places] == [("成都高新技术产业开发区", "成都高新区")]
    first = an.analyse(TEXT)[0]
    assert [first.text[a : b] for a, b in first.titles] == ["知识产权质押融资实施方案"]
    assert first.quantities is first.quantities  # computed once, then kept


def test_word_lookup_and_boundaries() -> None:
    s = an.analyse(TEXT)[1]
    k = TEXT.index("成都高新区")
    w = s.word_at(k + 2)
    assert w is not None and (w.surface, w.start) == ("成都高新区", k)
    assert s.is_boundary(k) and s.is_boundary(k + len("成都高新区")) and not s.is_boundary(k + 2)
    assert [x.surface for x in s.words_in(k, k + 7)] == ["成都高新区", "累计"]


def test_holding_gives_each_sentence_once_in_order() -> None:
    a = an.analyse(TEXT)
    second = TEXT.index("截至")
    assert [s.index for s in a.holding([second + 5, 3, second, 4])] == [0, 1]
    assert a.at(len(TEXT) + 5) is None


def test_extractors_share_one_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every extractor reads the analysis extract_document made: the text is analysed once."""
    made: list[str] = []
    real = an.Analysis.__init__

    def counting(self: an.Analysis, text: str, *args: object) -> None:
        made.append(text)
        real(self, text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(an.Analysis, "__init__", counting)
    an._analyse.cache_clear()
    extract_document(Document(id="x", text=TEXT + "\n另有一句。"))
    assert made == [TEXT + "\n另有一句。"]
