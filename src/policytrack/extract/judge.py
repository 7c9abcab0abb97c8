"""Learned judgement: how likely each extracted record is right, and which to keep.

The extractors' grammars propose records; this module scores each one with a small
logistic model per record type over features read from the shared
:class:`~.analysis.Analysis` (the words and parts of speech around and inside the
record's name, its kind, whether it is quoted, dated, placed, its unit...).  The
score, calibrated on held-out articles, becomes the record's ``confidence``
(records given 0.8 are right about 8 times in 10), and a record scoring under its
type's threshold is dropped — but only for types where dropping beat the rules out
of sample; elsewhere the threshold is 0.

The weights are a small data file (``data/judge.json``) written by
``scripts/train_judge.py`` (scikit-learn, a dev extra) from the annotated sets
under ``eval/``; here they are read by plain Python.  The file carries example
feature sets with the trainer's probabilities, and a test checks that this module
reproduces them.  Without the file every record keeps ``confidence=None``.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .._data import load_json
from ..models import Document, FinancingProduct, FirstClaim, Initiative, Institution, Milestone
from .analysis import Analysis, SentenceAnalysis, Word, lexicon

__all__ = ["RECORD_TYPES", "Model", "features", "judge", "load_models", "name_of", "probability"]

Record = FirstClaim | Institution | FinancingProduct | Initiative | Milestone

#: the record lists of a Document, in export order
RECORD_TYPES = ("firsts", "institutions", "financing_products", "initiatives", "milestones")

_DIGIT = re.compile(r"[0-9０-９]")
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百千万]")


@attrs.frozen
class Model:
    """One record type's logistic model: ``p = sigmoid(a * (bias + w·x) + b)``."""

    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.0
    platt_a: float = 1.0
    platt_b: float = 0.0

    def probability(self, feats: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return _sigmoid(self.platt_a * z + self.platt_b)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@functools.lru_cache(maxsize=1)
def load_models() -> dict[str, Model]:
    """The shipped models by record type (empty when ``data/judge.json`` is absent)."""
    try:
        data = load_json("judge.json")
    except FileNotFoundError:
        return {}
    return {
        t: Model(m["bias"], dict(m["weights"]), m.get("threshold", 0.0), m.get("platt_a", 1.0), m.get("platt_b", 0.0))
        for t, m in data["models"].items()
    }


def probability(record_type: str, feats: Mapping[str, float]) -> float | None:
    model = load_models().get(record_type)
    return None if model is None else model.probability(feats)


def name_of(record: Record) -> str:
    """The text a record is known by: name, subject, metric or description."""
    if isinstance(record, FirstClaim):
        return record.subject
    if isinstance(record, Milestone):
        return record.metric or record.description
    return record.name


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _tag(word: Word | None) -> str:
    if word is None:
        return "^"
    return word.tag[:2] if word.tag else "?"


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    lex = lexicon()
    miles = load_json("milestones.json")
    return {
        "target": tuple(miles["target_cues"]["words"]) + tuple(miles["future_auxiliaries"]["words"]),
        "cumulative": tuple(lex["cumulative_cues"]),
        "report": tuple(lex["report_cues"]),
        "non_starters": tuple(lex["name_non_starters"]),
    }


def _span(sentence: SentenceAnalysis, name: str) -> tuple[int, int] | None:
    """Document offsets of ``name`` in the sentence (its first occurrence), if written there."""
    if not name:
        return None
    k = sentence.text.find(name)
    if k < 0:
        return None
    return sentence.start + k, sentence.start + k + len(name)


def features(record_type: str, record: Record, sentence: SentenceAnalysis | None) -> dict[str, float]:
    """The features of one record, as ``{name: value}`` (most are indicators)."""
    f: dict[str, float] = {}
    name = name_of(record)
    kind = getattr(record, "kind", None)
    f[f"kind={kind}"] = 1.0
    f[f"len{_bucket(len(name), (2, 4, 6, 9, 13, 20))}"] = 1.0
    if _DIGIT.search(name):
        f["name_has_digit"] = 1.0
    f["region_none" if record.region is None else "region_set"] = 1.0
    date = getattr(record, "date", None) if not isinstance(record, Institution) else record.established
    f["date_none" if date is None else f"date_{date.precision.value}"] = 1.0
    if isinstance(record, FirstClaim):
        f[f"scope={record.scope}"] = 1.0
        f[f"cue={record.cue[:2]}"] = 1.0
    elif isinstance(record, Institution):
        f[f"head={name[-2:]}"] = 1.0
        f[f"head1={name[-1:]}"] = 1.0
        if record.aliases:
            f["has_alias"] = 1.0
    elif isinstance(record, FinancingProduct):
        f[f"head={name[-2:]}"] = 1.0
        if record.amount is not None:
            f["has_amount"] = 1.0
        if record.rate_percent is not None:
            f["has_rate"] = 1.0
    elif isinstance(record, Initiative):
        f[f"head={name[-2:]}"] = 1.0
    elif isinstance(record, Milestone):
        q = record.quantity
        if q is not None:
            f[f"unit={q.unit}"] = 1.0
            if q.qualifier is not None:
                f[f"qual={q.qualifier}"] = 1.0
        if record.metric is None:
            f["metric_none"] = 1.0
        else:
            f[f"mhead={record.metric[-2:]}"] = 1.0
        if record.change is not None:
            f["has_change"] = 1.0
        if record.basis is not None:
            f[f"basis={record.basis}"] = 1.0
    if sentence is None:
        f["no_sentence"] = 1.0
        return f
    _sentence_features(f, record_type, name, sentence)
    return f


def _sentence_features(f: dict[str, float], record_type: str, name: str, s: SentenceAnalysis) -> None:
    cues = _cues()
    text = s.text
    f[f"slen{_bucket(len(text), (20, 40, 80, 160))}"] = 1.0
    if s.index == 0:
        f["first_sentence"] = 1.0
    if any(c in text for c in cues["target"]):
        f["sent_target_cue"] = 1.0
    if any(c in text for c in cues["cumulative"]):
        f["sent_cumulative_cue"] = 1.0
    if any(c in text for c in cues["report"]):
        f["sent_report_cue"] = 1.0
    if record_type == "milestones" and not name:
        return
    span = _span(s, name)
    if span is None:
        f["name_not_written"] = 1.0
        return
    a, b = span
    inside = s.words_in(a, b)
    f[f"nwords{_bucket(len(inside), (1, 2, 3, 5, 8))}"] = 1.0
    f["start_on_word" if s.is_boundary(a) else "start_mid_word"] = 1.0
    f["end_on_word" if s.is_boundary(b) else "end_mid_word"] = 1.0
    first = inside[0] if inside else None
    last = inside[-1] if inside else None
    prev = s.word_at(a - 1) if a > s.start else None
    nxt = s.word_at(b) if b < s.end else None
    f[f"first_tag={_tag(first)}"] = 1.0
    f[f"last_tag={_tag(last)}"] = 1.0
    f[f"prev_tag={_tag(prev)}"] = 1.0
    f[f"next_tag={_tag(nxt)}"] = 1.0
    if prev is not None and len(prev.surface) <= 2 and prev.tag[:1] in ("p", "v", "c", "d"):
        f[f"prev={prev.surface}"] = 1.0
    if first is not None and first.surface in cues["non_starters"]:
        f["first_non_starter"] = 1.0
    verbs = sum(1 for w in inside if w.tag.startswith("v"))
    f[f"verbs{_bucket(verbs, (0, 1, 2))}"] = 1.0
    proper = sum(1 for w in inside if w.tag[:2] in ("ns", "nr", "nt", "nz") or w.tag in ("eng", "m"))
    f["proper_word" if proper else "common_words_only"] = 1.0
    if any(w.tag == "ns" for w in inside):  # the segmenter's dictionary tags every gazetteer name ns
        f["names_a_place"] = 1.0
    if _NUMERAL.search(name):
        f["name_has_numeral"] = 1.0
    if prev is not None and prev.tag.startswith("v"):
        f["after_verb"] = 1.0
    before = text[: a - s.start]
    if before.endswith(("“", "《", "「", "\"")):
        f["quoted"] = 1.0
        if len(name) <= 4:
            f["quoted_short"] = 1.0
    if before.count("《") > before.count("》"):
        f["inside_title"] = 1.0


def _records(doc: Document, record_type: str) -> tuple[Record, ...]:
    records: tuple[Record, ...] = getattr(doc, record_type)
    return records


def document_features(doc: Document, analysis: Analysis) -> dict[str, list[dict[str, float]]]:
    """Each record list's features, in the document's order."""
    out: dict[str, list[dict[str, float]]] = {}
    for t in RECORD_TYPES:
        rows = []
        for r in _records(doc, t):
            rows.append(features(t, r, analysis.at(r.evidence.start)))
        out[t] = rows
    return out


def judge(doc: Document, analysis: Analysis, *, drop: bool = True) -> Document:
    """``doc`` with a ``confidence`` on each record, and records under their type's threshold dropped."""
    models = load_models()
    if not models:
        return doc
    changes: dict[str, Any] = {}
    feats = document_features(doc, analysis)
    for t in RECORD_TYPES:
        model = models.get(t)
        if model is None:
            continue
        kept = []
        for r, fx in zip(_records(doc, t), feats[t], strict=False):
            p = round(model.probability(fx), 4)
            if drop and p < model.threshold:
                continue
            kept.append(attrs.evolve(r, confidence=p))
        changes[t] = tuple(kept)
    return attrs.evolve(doc, **changes)


def training_rows(doc: Document, analysis: Analysis) -> Iterable[tuple[str, int, dict[str, float]]]:
    """(record type, index in its list, features) of every record: what the trainer reads."""
    for t, rows in document_features(doc, analysis).items():
        for i, fx in enumerate(rows):
            yield t, i, fx
