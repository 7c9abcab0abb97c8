"""Robustness: every public extractor and parse() on arbitrary and adversarial text.

No timing assertions: adversarial inputs are sized so that a linear pass takes
well under a second and a catastrophic (quadratic or worse) one takes hours,
and pytest's own run time shows the difference.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policytrack
from policytrack.cli import main
from policytrack.extract import extract_document, firsts, initiatives, institutions, milestones, products
from policytrack.models import Document, PartialDate

ROOT = Path(__file__).resolve().parent.parent
CRASHERS = Path(__file__).parent / "data" / "crashers.json"

EXTRACTORS: list[tuple[str, Callable[[Document], list[Any]]]] = [
    ("firsts", firsts.extract),
    ("institutions", institutions.extract),
    ("products", products.extract),
    ("initiatives", initiatives.extract),
    ("milestones", milestones.extract),
]

# characters the extractors care about, mixed with anything at all
_cue_alphabet = "全国省市区首单个家批率先第一二三十百千万亿元件%.。，、；：“”《》（）()0123456789年月日底截至广州深圳开发区知识产权证券化保险中心"
_texts = st.text(alphabet=st.characters(), max_size=300) | st.text(alphabet=_cue_alphabet, max_size=300)


def _check_evidence(doc: Document) -> None:
    for record in doc.records():
        ev = record.evidence
        assert doc.text[ev.start : ev.end] == ev.text, record


@pytest.mark.parametrize(("name", "extract"), EXTRACTORS, ids=[n for n, _ in EXTRACTORS])
def test_extractor_never_raises(name: str, extract: Callable[[Document], list[Any]]) -> None:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_texts, st.none() | st.sampled_from(["广州开发区", "深圳市", "中国", "不存在的地方"]))
    def check(text: str, region: str | None) -> None:
        doc = Document(id="h", text=text, region=region, published=PartialDate(2022, 3, 4))
        records = extract(doc)
        assert isinstance(records, list)
        for record in records:
            assert text[record.evidence.start : record.evidence.end] == record.evidence.text

    check()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_parse_never_raises_and_evidence_slices(text: str) -> None:
    try:
        doc = policytrack.parse(text, id="h")
    except policytrack.PolicytrackError:
        return  # a clear, typed refusal (e.g. not an article) is fine
    _check_evidence(doc)


ADVERSARIAL = {
    "cue-words": "全国首单" * 250_000,
    "digits-and-dots": "1." * 500_000,
    "long-number": "9" * 1_000_000,
    "open-brackets": "（《“" * 330_000,
    "quotes": "“" * 1_000_000,
    "dates": "2022年" * 200_000,
    "suffixes": "知识产权保护中心" * 125_000,
    "percent-chain": "增长1.5%，" * 125_000,
    "no-punctuation": "广州开发区知识产权局推动落地知识产权证券化产品" * 40_000,
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=list(ADVERSARIAL))
def test_adversarial_megabyte_finishes(text: str) -> None:
    doc = extract_document(Document(id="big", text=text, published=PartialDate(2022, 1, 1)))
    _check_evidence(doc)


def _crashers() -> list[str]:
    if not CRASHERS.exists():
        return []
    return list(json.loads(CRASHERS.read_text(encoding="utf-8")))


@pytest.mark.parametrize("text", _crashers())
def test_inputs_that_once_crashed(text: str) -> None:
    doc = extract_document(Document(id="c", text=text, published=PartialDate(2022, 1, 1)))
    _check_evidence(doc)


def test_seed_export_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = policytrack.load(ROOT / "seeds")
    assert len(corpus.documents) == 5 and not corpus.errors
    for fmt in ("json", "jsonl"):
        out = tmp_path / f"export.{fmt}"
        assert main(["export", str(ROOT / "seeds"), "--format", fmt, "-o", str(out)]) == 0
        back = policytrack.read_export(str(out))
        assert back == corpus.documents, fmt
    for doc in corpus.documents:
        _check_evidence(doc)


def test_jsonl_partial_write_keeps_complete_lines(tmp_path: Path) -> None:
    corpus = policytrack.load(ROOT / "seeds")
    out = tmp_path / "export.jsonl"
    assert main(["export", str(ROOT / "seeds"), "--format", "jsonl", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    truncated = text[: len(text) - 100]
    lines = truncated.splitlines()
    complete = [policytrack.structure(json.loads(line), Document) for line in lines[:-1]]
    assert complete == corpus.documents[: len(complete)]
    with pytest.raises(json.JSONDecodeError):
        json.loads(lines[-1])


def test_document_equality_is_by_value() -> None:
    doc = Document(id="a", text="x")
    assert attrs.evolve(doc) == doc
