#!/usr/bin/env python3
"""Train the learned judgement (policytrack.extract.judge) from the annotated sets.

Usage (from the repository's root, with the dev extra: ``pip install -e '.[train]'``)::

    python scripts/train_judge.py                 # train on every set but the seeds and *-held, write data/judge.json
    python scripts/train_judge.py --dry-run       # cross-validate and print, write nothing
    python scripts/train_judge.py --sets seeds r2a r2b

Each record the grammars propose (judgement off) is labelled right when it matches a
gold item under the scoring rules (scripts/evaluate.py).  Per record type a logistic
regression over the judge's features is cross-validated by document (k-fold, no
document in both train and test): the out-of-fold probabilities give the reliability
table, a Platt rescaling, and the type's drop threshold, kept only where dropping
beats keeping everything out of fold by at least ``--min-gain`` F1.  The model
trained on all the data is written as plain weights, with example feature sets and the
trainer's probabilities for the test that plain Python reproduces them.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attrs
import evaluate

import policytrack
from policytrack.extract import analysis as _analysis
from policytrack.extract import judge as _judge
from policytrack.extract.script import reading
from policytrack.extract.script_fold import fold_characters

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "policytrack" / "data" / "judge.json"
GRID = [round(0.05 * i, 2) for i in range(13)]


def _as_read(record: Any) -> Any:
    """A record of a traditional-script article as the judge saw it: its names in the simplified
    reading (extraction restores them to the article's own characters afterwards)."""
    changes = {f: fold_characters(getattr(record, f)) for f in ("subject", "name", "metric", "description")
               if isinstance(getattr(record, f, None), str)}
    return attrs.evolve(record, **changes)


def collect(sets: list[str]) -> tuple[list[dict[str, Any]], dict[tuple[str, str], int]]:
    """One row per proposed record (set, doc, type, features, label), and each document's gold
    count per record type."""
    _judge.load_models.cache_clear()
    real = _judge.load_models
    _judge.load_models = dict  # type: ignore[assignment]  # the grammars' proposals, unjudged
    rows: list[dict[str, Any]] = []
    gold_counts: dict[tuple[str, str], int] = {}
    try:
        for name in sets:
            for doc_id, path, gold in evaluate.items(name):
                if path is None:
                    print(f"train: {name}/{doc_id}: text missing, skipped", file=sys.stderr)
                    continue
                doc = policytrack.read_document(path)
                folding = reading(doc.text)  # features as extraction computed them: on the reading
                text = folding.folded if folding is not None else doc.text
                an = _analysis.analyse(text, doc.published, doc.region)
                exported = policytrack.unstructure(doc)
                for t in _judge.RECORD_TYPES:
                    gold_counts[(f"{name}/{doc_id}", t)] = len(gold.get(t, []))
                    matched = {pi for _, pi in evaluate.pairs(gold.get(t, []), exported.get(t) or [], t)}
                    for i, r in enumerate(getattr(doc, t)):
                        seen = _as_read(r) if folding is not None else r
                        fx = _judge.features(t, seen, an.at(r.evidence.start))
                        rows.append({"set": name, "doc": f"{name}/{doc_id}", "type": t, "x": fx, "y": int(i in matched)})
    finally:
        _judge.load_models = real  # type: ignore[assignment]
    return rows, gold_counts


def _folds(docs: list[str], k: int, seed: int) -> list[set[str]]:
    docs = sorted(set(docs))
    random.Random(seed).shuffle(docs)
    return [set(docs[i::k]) for i in range(k)]


def _fit(xs: list[dict[str, float]], ys: list[int], c: float) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    if len(set(ys)) < 2:
        return vec, None
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, ys)
    return vec, clf


def _logit(vec: Any, clf: Any, xs: list[dict[str, float]], constant: float) -> list[float]:
    if clf is None:
        return [constant] * len(xs)
    return list(clf.decision_function(vec.transform(xs)))


def _platt(z: list[float], y: list[int]) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        return 1.0, 0.0
    m = LogisticRegression(C=1e6, max_iter=2000)
    m.fit([[v] for v in z], y)
    return float(m.coef_[0][0]), float(m.intercept_[0])


def _sig(v: float) -> float:
    return 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))


def _f1(kept: list[int], gold: int) -> float:
    tp = sum(kept)
    return 2 * tp / (len(kept) + gold) if kept or gold else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="*", help="sets to train on (default: every set but *-held)")
    ap.add_argument("-k", type=int, default=5, help="folds (by document)")
    ap.add_argument("-C", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument("--min-gain", type=float, default=0.01, help="out-of-fold F1 a threshold must add to be kept")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--guard", nargs="*", default=["seeds"], help="sets a threshold may not hurt (default: seeds)")
    ap.add_argument("--guard-loss", type=float, default=0.01, help="F1 a threshold may cost a guard set")
    ap.add_argument("--calibrate", nargs="*", default=["r2a-held", "r2c-held"],
                    help="sets the confidence is calibrated and thresholds chosen on: articles the rules were "
                    "never tuned on (default: r2a-held r2c-held; none: out-of-fold scores of the training sets)")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    # the seeds are left out by default: the rules were tuned on them, so their proposals are
    # right far more often than on articles nobody tuned to
    sets = args.sets or [s for s in evaluate.set_names() if not s.endswith("-held") and s != "seeds"
                         and evaluate.records_annotated(s)]
    guard, guard_counts = collect([g for g in args.guard if g not in sets])
    cal, cal_counts = collect([c for c in args.calibrate if c in evaluate.set_names()])
    rows, gold_counts = collect(sets)
    docs = sorted({r["doc"] for r in rows} | {d for d, _ in gold_counts})
    folds = _folds(docs, args.k, args.seed)
    print(f"trained on {', '.join(sets)}: {len(docs)} documents, {len(rows)} proposed records, {args.k}-fold by document")
    models: dict[str, Any] = {}
    checks: list[dict[str, Any]] = []
    report: dict[str, Any] = {}
    all_bands: list[tuple[float, bool]] = []
    rng = random.Random(args.seed)
    for t in _judge.RECORD_TYPES:
        tr = [r for r in rows if r["type"] == t]
        gold_total = sum(n for (d, tt), n in gold_counts.items() if tt == t)
        if not tr:
            continue
        base = sum(r["y"] for r in tr) / len(tr)
        const = math.log(max(base, 1e-3) / max(1 - base, 1e-3))
        oof_z: list[float] = [0.0] * len(tr)
        for fold in folds:
            train = [r for r in tr if r["doc"] not in fold]
            test_ix = [i for i, r in enumerate(tr) if r["doc"] in fold]
            if not test_ix:
                continue
            vec, clf = _fit([r["x"] for r in train], [r["y"] for r in train], args.C)
            zs = _logit(vec, clf, [tr[i]["x"] for i in test_ix], const)
            for i, z in zip(test_ix, zs, strict=False):
                oof_z[i] = z
        ys = [r["y"] for r in tr]
        vec, clf = _fit([r["x"] for r in tr], ys, args.C)
        # calibration: on the calibration sets (articles the rules were never tuned on) when
        # given, else on the out-of-fold scores of the training sets
        c_rows = [r for r in cal if r["type"] == t]
        if c_rows and clf is not None:
            e_z = _logit(vec, clf, [r["x"] for r in c_rows], const)
            e_y = [r["y"] for r in c_rows]
            e_gold = sum(n for (d, tt), n in cal_counts.items() if tt == t)
        else:
            e_z, e_y, e_gold = oof_z, ys, gold_total
        a, b = _platt(e_z, e_y)
        e_p = [_sig(a * z + b) for z in e_z]
        if a <= 0.05:
            # no skill on unseen articles (the rescaling would flatten or invert the model): the
            # type's confidence is its base rate there, the same for every record
            rate = sum(e_y) / len(e_y) if e_y else base
            print(f"train: {t}: no skill out of sample (Platt slope {a:.2f}); confidence = base rate {rate:.2f}")
            clf, a, b = None, 1.0, 0.0
            const = math.log(max(rate, 1e-3) / max(1 - rate, 1e-3))
            e_p = [rate] * len(e_y)
        if clf is None:
            weights: dict[str, float] = {}
            bias = const
        else:
            weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=False) if abs(w) > 1e-9}
            bias = round(float(clf.intercept_[0]), 6)

        def final_p(x: dict[str, float], bias: float = bias, weights: dict[str, float] = weights,
                    a: float = a, b: float = b) -> float:
            return _sig(a * (bias + sum(weights.get(k, 0.0) * v for k, v in x.items())) + b)

        # the guard set (the seeds): a threshold may not cost it more than --guard-loss F1
        g_rows = [r for r in guard if r["type"] == t]
        g_gold = sum(n for (d, tt), n in guard_counts.items() if tt == t)
        g_ys = [r["y"] for r in g_rows]
        g_p = [final_p(r["x"]) for r in g_rows]
        g_keep = _f1(g_ys, g_gold)
        # threshold: the best F1 over a grid on the calibration scores; 0 unless it gains enough
        f1_keep = _f1(e_y, e_gold)
        best_t, best_f = 0.0, f1_keep
        for th in GRID[1:]:
            f = _f1([y for y, p in zip(e_y, e_p, strict=False) if p >= th], e_gold)
            g = _f1([y for y, p in zip(g_ys, g_p, strict=False) if p >= th], g_gold)
            if f > best_f + 1e-9 and g_keep - g <= args.guard_loss:
                best_t, best_f = th, f
        if best_f - f1_keep < args.min_gain:
            best_t, best_f = 0.0, f1_keep
        kept = [(p, bool(y)) for y, p in zip(e_y, e_p, strict=False) if p >= best_t]
        all_bands.extend(kept)
        report[t] = {
            "proposed": len(tr), "right": sum(ys), "gold": gold_total,
            "calibrated_on": "calibration sets" if c_rows else "out of fold",
            "f1_rules": round(f1_keep, 3), "f1_judged": round(best_f, 3), "threshold": best_t,
            "guard_f1": round(g_keep, 3),
            "guard_f1_judged": round(_f1([y for y, p in zip(g_ys, g_p, strict=False) if p >= best_t], g_gold), 3),
            "reliability": evaluate.reliability(kept),
        }
        models[t] = {"bias": bias, "weights": weights, "threshold": best_t, "platt_a": round(a, 6), "platt_b": round(b, 6)}
        for r in rng.sample(tr, min(5, len(tr))):
            z = bias + sum(weights.get(k, 0.0) * v for k, v in r["x"].items())
            p = float(clf.predict_proba(vec.transform([r["x"]]))[0][1]) if clf is not None else _sig(const)
            checks.append({"type": t, "features": r["x"], "raw_probability": round(p, 6),
                           "probability": round(_sig(a * z + b), 6)})
    for t, rep in report.items():
        print(f"{t:20} proposed={rep['proposed']:4} right={rep['right']:4} gold={rep['gold']:4} "
              f"F1 rules={rep['f1_rules']:.3f} judged={rep['f1_judged']:.3f} threshold={rep['threshold']} "
              f"guard F1 {rep['guard_f1']:.3f}->{rep['guard_f1_judged']:.3f}")
    print(f"reliability of kept records on {'the calibration sets' if cal else 'out-of-fold scores'} "
          "(band: n, share right, mean confidence):")
    for band in evaluate.reliability(all_bands):
        if band["n"]:
            print(f"  {band['band']}: n={band['n']:4} right={band['matched']:.2f} mean={band['mean_confidence']:.2f}")
    if args.dry_run:
        return 0
    payload = {
        "_doc": "Weights of policytrack's learned judgement (see extract/judge.py); written by scripts/train_judge.py.",
        "trained_on": sets, "documents": len(docs), "folds": args.k, "C": args.C,
        "report": report, "models": models, "checks": checks,
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
