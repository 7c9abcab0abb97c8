#!/usr/bin/env python3
"""Score policytrack on every annotated set: one command, per set and pooled.

Usage (from the repository's root)::

    python scripts/evaluate.py                    # every set under eval/sets whose texts are present
    python scripts/evaluate.py r2a r2b --misses   # some sets, listing each miss
    python scripts/evaluate.py --json             # machine-readable
    python scripts/evaluate.py --min-confidence 0.5

A set is ``eval/sets/<name>/`` with ``manifest.json`` (where each text came from, with
its sha256) and ``gold/<id>.json`` (docs/SCORING.md and eval/CONVENTIONS.md say how
gold is written and matched).  Texts are not committed: they live in
``eval/texts/<name>/<id>.txt`` (git-ignored), re-fetched from the manifest's url; a text
whose sha256 differs from the manifest's is reported and left out.  The set ``seeds`` is the
project's seed articles (texts committed in ``seeds/``, gold in ``eval/sets/seeds/gold``).

Matching follows the project's scoring rules (a prediction matches a gold item by
key containment or name equality per record type, one to one, maximum matching);
precision, recall and F1 are per record type, macro F1 their mean.  Records carrying a
``confidence`` also give a reliability table (five bands: count, share matched).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "eval" / "sets"
TEXTS = ROOT / "eval" / "texts"
TYPES = ("firsts", "institutions", "financing_products", "initiatives", "milestones")
_QUOTES = "“”‘’\"'「」『』《》〈〉"
_NATIONAL = {"全国": "中国", "国内": "中国", "我国": "中国"}


def norm(text: object) -> str:
    """Fold width, unify brackets and dashes, drop white space and quote marks."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).replace("(", "（").replace(")", "）")
    s = s.replace("—", "-").replace("–", "-")
    return "".join(ch for ch in s if not ch.isspace() and ch not in _QUOTES)


def region_key(name: object) -> str:
    n = norm(name)
    n = _NATIONAL.get(n, n)
    try:
        from policytrack.extract.regions import Gazetteer

        return Gazetteer.default().canonical(n) or n
    except Exception:  # pragma: no cover - the scorer works without the library's gazetteer
        return n


def _close(a: object, b: object, rel: float) -> bool:
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= rel * max(abs(x), abs(y), 1e-12)


def _qty(p: dict[str, Any]) -> tuple[Any, str]:
    q = p.get("quantity") or {}
    return q.get("value"), norm(q.get("unit"))


def _m_first(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return norm(g["key"]) in norm(p.get("subject")) and g["scope"] == p.get("scope")


def _m_institution(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return norm(p.get("name")) in {norm(g["name"]), *(norm(a) for a in g.get("aliases", []))}


def _m_product(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return norm(g["key"]) in norm(p.get("name")) and g["kind"] == p.get("kind")


def _m_initiative(g: dict[str, Any], p: dict[str, Any]) -> bool:
    return norm(g["key"]) in norm(p.get("name"))


def _m_milestone(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g["kind"] != p.get("kind"):
        return False
    if g["kind"] == "event":
        return norm(g["key"]) in norm(p.get("description"))
    value, unit = _qty(p)
    return _close(g.get("value"), value, 1e-6) and norm(g.get("unit")) == unit and norm(g["key"]) in norm(p.get("metric"))


MATCHERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "firsts": _m_first,
    "institutions": _m_institution,
    "financing_products": _m_product,
    "initiatives": _m_initiative,
    "milestones": _m_milestone,
}


def pairs(gold: list[dict[str, Any]], pred: list[dict[str, Any]], kind: str) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of gold items to predictions (augmenting paths)."""
    match = MATCHERS[kind]
    edges = [[pi for pi, p in enumerate(pred) if match(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in edges[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


# --------------------------------------------------------------------------- sets


def records_annotated(name: str) -> bool:
    """False for a set annotated for document metadata only (every record list empty)."""
    for path in (SETS / name / "gold").glob("*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if any(gold.get(t) for t in TYPES):
            return True
    return False


def set_names() -> list[str]:
    """Every set under eval/sets, the seeds first."""
    names = sorted(p.name for p in SETS.iterdir() if (p / "gold").is_dir()) if SETS.is_dir() else []
    return sorted(names, key=lambda n: (n != "seeds", n))


def items(name: str) -> Iterator[tuple[str, Path | None, dict[str, Any]]]:
    """(doc id, path of its text or None when missing or changed, gold) of a set."""
    gold_dir = SETS / name / "gold"
    text_dir = ROOT / "seeds" if name == "seeds" else TEXTS / name  # the seeds' texts are committed
    manifest = json.loads((SETS / name / "manifest.json").read_text(encoding="utf-8"))
    sha = {e["id"]: e.get("sha256") for e in manifest}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc_id = gold["doc"]
        text = next((text_dir / f"{doc_id}{ext}" for ext in (".txt", ".md", ".html") if (text_dir / f"{doc_id}{ext}").is_file()), None)
        if text is not None and sha.get(doc_id) and hashlib.sha256(text.read_bytes()).hexdigest() != sha[doc_id]:
            print(f"evaluate: {text}: sha256 differs from the manifest; left out", file=sys.stderr)
            text = None
        yield doc_id, text, gold


def export_docs(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    """The policytrack/1 export of each file, by document id (in-process)."""
    import policytrack

    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        doc = policytrack.read_document(path)
        out[doc.id] = policytrack.unstructure(doc)
    return out


# --------------------------------------------------------------------------- scoring


def score(docs: dict[str, dict[str, Any]], golds: list[dict[str, Any]], min_confidence: float = 0.0) -> dict[str, Any]:
    tot = {t: {"tp": 0, "gold": 0, "pred": 0} for t in TYPES}
    meta = {k: [0, 0] for k in ("title", "source", "published", "region")}
    bands: list[tuple[float, bool]] = []
    misses: list[str] = []
    for gold in golds:
        did = gold["doc"]
        doc = docs.get(did, {})
        for field in meta:
            want, got = gold["meta"].get(field), doc.get(field)
            hit = region_key(want) == region_key(got) if field == "region" else norm(want) == norm(got)
            meta[field][0] += hit
            meta[field][1] += 1
            if not hit:
                misses.append(f"{did}: meta.{field}: want {want!r}, got {got!r}")
        for t in TYPES:
            g_items = gold.get(t, [])
            p_items = [p for p in doc.get(t) or [] if (p.get("confidence") is None or p["confidence"] >= min_confidence)]
            ps = pairs(g_items, p_items, t)
            tot[t]["tp"] += len(ps)
            tot[t]["gold"] += len(g_items)
            tot[t]["pred"] += len(p_items)
            hit_p = {pi for _, pi in ps}
            hit_g = {gi for gi, _ in ps}
            for pi, p in enumerate(p_items):
                if isinstance(p.get("confidence"), (int, float)):
                    bands.append((float(p["confidence"]), pi in hit_p))
                if pi not in hit_p:
                    brief = {k: p.get(k) for k in ("kind", "scope", "subject", "name", "metric", "description") if p.get(k)}
                    misses.append(f"{did}: {t} EXTRA {json.dumps(brief, ensure_ascii=False)}")
            for gi, g in enumerate(g_items):
                if gi not in hit_g:
                    misses.append(f"{did}: {t} MISSED {json.dumps(g, ensure_ascii=False)}")
    types: dict[str, Any] = {}
    for t, c in tot.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0.0
        r = c["tp"] / c["gold"] if c["gold"] else 0.0
        types[t] = {**c, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return {
        "docs": len(golds),
        "types": types,
        "macro_f1": sum(v["f1"] for v in types.values()) / len(types),
        "meta": {k: (v[0] / v[1] if v[1] else None) for k, v in meta.items()},
        "reliability": reliability(bands),
        "misses": misses,
    }


def reliability(bands: list[tuple[float, bool]], edges: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)) -> list[dict[str, Any]]:
    out = []
    for lo, hi in itertools.pairwise(edges):
        inside = [ok for c, ok in bands if lo <= c < hi]
        mean = [c for c, _ in bands if lo <= c < hi]
        out.append({"band": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                    "mean_confidence": sum(mean) / len(mean) if mean else None,
                    "matched": sum(inside) / len(inside) if inside else None})
    return out if bands else []


def render(name: str, res: dict[str, Any]) -> str:
    if res.get("meta_only"):
        return f"== {name}: {res['docs']} documents (metadata only)\nmeta: " + " ".join(
            f"{k}={v:.2f}" for k, v in res["meta"].items() if v is not None)
    lines = [f"== {name}: {res['docs']} documents, macro F1 {res['macro_f1']:.3f}"]
    lines.append(f"{'record':20} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for t, v in res["types"].items():
        lines.append(f"{t:20} {v['gold']:5} {v['pred']:5} {v['tp']:5} {v['precision']:6.2f} {v['recall']:6.2f} {v['f1']:6.2f}")
    lines.append("meta: " + " ".join(f"{k}={v:.2f}" for k, v in res["meta"].items() if v is not None))
    if res["reliability"]:
        lines.append("reliability: " + "  ".join(
            f"{b['band']}: n={b['n']}" + (f" right={b['matched']:.2f}" if b["matched"] is not None else "")
            for b in res["reliability"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", help="set names (default: every set whose texts are present)")
    ap.add_argument("--misses", action="store_true", help="list every miss and extra prediction")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="score only records at or above this confidence")
    args = ap.parse_args(argv)
    names = args.sets or set_names()
    results: dict[str, Any] = {}
    pooled_docs: dict[str, dict[str, Any]] = {}
    pooled_gold: list[dict[str, Any]] = []
    for name in names:
        entries = list(items(name))
        present = [(i, p, g) for i, p, g in entries if p is not None]
        if not present:
            print(f"evaluate: {name}: no texts present (re-fetch them into eval/texts/{name}/)", file=sys.stderr)
            continue
        if len(present) < len(entries):
            print(f"evaluate: {name}: {len(entries) - len(present)} of {len(entries)} texts missing", file=sys.stderr)
        docs = export_docs(p for _, p, _ in present if p is not None)
        golds = [g for _, _, g in present]
        results[name] = score(docs, golds, args.min_confidence)
        if not records_annotated(name):
            results[name]["meta_only"] = True
            continue  # a metadata set: its empty record lists are not gold for records
        if name != "seeds":
            pooled_docs.update(docs)
            pooled_gold.extend(golds)
    if len([n for n in results if n != "seeds"]) > 1:
        results["pooled (all but seeds)"] = score(pooled_docs, pooled_gold, args.min_confidence)
    if args.json:
        print(json.dumps({k: {**v, "misses": v["misses"] if args.misses else []} for k, v in results.items()},
                         ensure_ascii=False, indent=1))
        return 0
    for name, res in results.items():
        print(render(name, res))
        if args.misses:
            print("\n".join("  " + m for m in res["misses"]))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
