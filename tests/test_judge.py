"""The learned judgement: plain Python reproduces the trainer, every record gets a calibrated confidence."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import policytrack
from policytrack.extract import judge as j


def _payload() -> dict:
    text = resources.files("policytrack").joinpath("data").joinpath("judge.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_shipped_weights_cover_every_record_type() -> None:
    assert set(j.load_models()) == set(j.RECORD_TYPES)


@pytest.mark.parametrize("index", range(25))
def test_plain_python_reproduces_the_trainers_probabilities(index: int) -> None:
    checks = _payload()["checks"]
    if index >= len(checks):
        pytest.skip("fewer checks than slots")
    c = checks[index]
    model = j.load_models()[c["type"]]
    assert model.probability(c["features"]) == pytest.approx(c["probability"], abs=1e-5)
    # and before the Platt rescaling, scikit-learn's own predict_proba
    raw = j.Model(model.bias, model.weights).probability(c["features"])
    assert raw == pytest.approx(c["raw_probability"], abs=1e-5)


def test_every_record_carries_a_confidence_between_0_and_1() -> None:
    corpus = policytrack.load("seeds")
    records = [r for d in corpus.documents for t in j.RECORD_TYPES for r in getattr(d, t)]
    assert len(records) > 300
    assert all(r.confidence is not None and 0.0 <= r.confidence <= 1.0 for r in records)


def test_features_read_the_analysis() -> None:
    doc = policytrack.parse("据介绍，通过完善知识产权质押融资风险管理机制，全省质押融资增长。", id="x")
    from policytrack.extract.analysis import analyse

    a = analyse(doc.text, doc.published, doc.region)
    rows = list(j.training_rows(doc, a))
    inits = [fx for t, _, fx in rows if t == "initiatives"]
    assert inits, rows
    assert any(k.startswith("first_tag=") for k in inits[0]) and "common_words_only" in inits[0]


def test_without_weights_records_are_unjudged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(j, "load_models", dict)
    doc = policytrack.parse("2020年，深圳市落地全国首单知识产权证券化产品。", id="unjudged")
    assert [c.confidence for c in doc.firsts] == [None]


def test_queries_and_the_cli_filter_by_confidence(tmp_path: object) -> None:
    corpus = policytrack.load("seeds")
    everything = corpus.firsts()
    confidences = sorted({c.confidence for c in everything.claims if c.confidence is not None})
    assert confidences, "every first carries a confidence"
    cut = confidences[len(confidences) // 2]
    kept = corpus.firsts(min_confidence=cut)
    assert 0 < len(kept.claims) < len(everything.claims) or len(confidences) == 1
    assert all(c.confidence is not None and c.confidence >= cut for c in kept.claims)
    assert len(corpus.firsts(min_confidence=0.0).claims) == len(everything.claims)


def test_min_confidence_out_of_range_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from policytrack.cli import main

    assert main(["firsts", "seeds", "--min-confidence", "2"]) == 2
    err = capsys.readouterr().err
    assert "--min-confidence: expected a number between 0 and 1, got '2'" in err and "Traceback" not in err


def test_stored_entities_keep_their_confidence(tmp_path: object) -> None:
    from pathlib import Path

    from policytrack.store import Store

    db = Path(str(tmp_path)) / "t.db"
    with Store.open(db) as store:
        store.ingest(["seeds"])
        stored = {c.id: c.confidence for c in store.firsts().claims}
    corpus = {c.id: c.confidence for c in policytrack.load("seeds").firsts().claims}
    assert stored == corpus and all(v is not None for v in stored.values())
