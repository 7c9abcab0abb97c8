#!/usr/bin/env python3
"""Bring gold files in line with eval/CONVENTIONS.md where a set was annotated before a
convention was settled (idempotent; prints every change).

Usage: python scripts/apply_conventions.py [SET ...]   (default: every set under eval/sets)

Mechanical conventions only:
- events are dated: an event milestone with a null date is not an item (convention E1);
- an unnamed loan to one company is a measurement of its amount, not a product (convention P2):
  a product whose key is only a generic loan word becomes a measurement with that key, or is
  dropped when it has no amount.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERIC_LOAN_KEYS = {"质押", "商标", "融资", "贷款", "组合质押", "专利质押", "质押贷款", "质押融资"}


def apply(path: Path) -> list[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    notes: list[str] = []
    kept = []
    for m in gold.get("milestones", []):
        if m["kind"] == "event" and m.get("date") is None:
            notes.append(f"{path.name}: dropped undated event {m['key']!r}")
            continue
        kept.append(m)
    products = []
    for p in gold.get("financing_products", []):
        if p["key"] in GENERIC_LOAN_KEYS:
            if p.get("amount") is not None:
                kept.append({"kind": "measurement", "key": p["key"], "date": p.get("date"),
                             "region": p.get("region"), "value": p["amount"], "unit": "元"})
                notes.append(f"{path.name}: unnamed loan {p['key']!r} {p['amount']} -> measurement")
            else:
                notes.append(f"{path.name}: dropped unnamed loan product {p['key']!r}")
            continue
        products.append(p)
    if notes:
        gold["milestones"] = kept
        gold["financing_products"] = products
        path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return notes


def main(argv: list[str]) -> int:
    sets = argv or sorted(p.name for p in (ROOT / "eval" / "sets").iterdir() if (p / "gold").is_dir())
    for name in sets:
        for path in sorted((ROOT / "eval" / "sets" / name / "gold").glob("*.json")):
            for note in apply(path):
                print(f"{name}/{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
