"""Time each extractor on the seed articles and on adversarial inputs (prints figures; asserts nothing).

Run::

    python benchmarks/bench_extract.py                      # seeds x20, adversarial at 240k chars
    python benchmarks/bench_extract.py --save /tmp/before.json
    python benchmarks/bench_extract.py --baseline /tmp/before.json   # adds "x faster" columns

Seeds: every seed article is parsed (:func:`policytrack.load.parse`) ``--repeat`` times; each
extractor runs on each parsed document and its time is summed, so a rate is MB of clean text
(UTF-8) per second of that extractor alone.  ``parse (all)`` is the whole load+extract.

Adversarial: texts of ``--chars`` characters (many short clauses, a long sentence with no
punctuation, dense numbers, dense dates...) run through the milestone extractor and through
every extractor; the ``s/MB ratio`` is against a seed-style text of the same size in the same
run, so something quadratic shows up as a ratio far above 1.  Each timing is the best of
``--rounds`` (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policytrack.extract import extract_document, firsts, initiatives, institutions, milestones, products
from policytrack.extract.dates import find_dates
from policytrack.extract.numbers import find_quantities
from policytrack.extract.regions import document_region
from policytrack.extract.sentences import split_sentences
from policytrack.load import parse
from policytrack.models import Document, PartialDate

ROOT = Path(__file__).resolve().parent.parent
SEED_STYLE = (
    "截至2021年，该区有效发明专利22452件，同比增长12%。广州开发区推动落地全国首单知识产权海外侵权责任保险。\n"
)

Extractor = Callable[[Document], Any]

EXTRACTORS: dict[str, Extractor] = {
    "sentences": lambda d: split_sentences(d.text),
    "numbers.find_quantities": lambda d: find_quantities(d.text),
    "dates.find_dates": lambda d: find_dates(d.text, d.published),
    "regions.document_region": lambda d: document_region(d.title, d.text),
    "firsts": firsts.extract,
    "institutions": institutions.extract,
    "products": products.extract,
    "initiatives": initiatives.extract,
    "milestones": milestones.extract,
}


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def _best(fn: Callable[[], Any], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def bench_seeds(repeat: int, rounds: int) -> dict[str, float]:
    """MB/s of each extractor (and of the whole parse) over the seeds, ``repeat`` times each."""
    raws = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs = [parse(raw) for raw in raws]
    for doc in docs:  # warm up vocabularies and caches
        for fn in EXTRACTORS.values():
            fn(doc)
    mb = sum(_mb(d.text) for d in docs) * repeat
    rates: dict[str, float] = {}
    for name, fn in EXTRACTORS.items():

        def run(fn: Extractor = fn) -> None:
            for _ in range(repeat):
                for doc in docs:
                    fn(doc)

        rates[name] = mb / _best(run, rounds)

    def run_all() -> None:
        for _ in range(repeat):
            for raw in raws:
                parse(raw)

    rates["parse (all)"] = mb / _best(run_all, rounds)
    return rates


def adversarial(chars: int) -> dict[str, str]:
    def fill(unit: str) -> str:
        return (unit * (chars // len(unit) + 1))[:chars]

    return {
        "seed-style (baseline)": fill(SEED_STYLE),
        "short clauses 截至年底": fill("截至年底，全市专利1件，"),
        "short clauses, no dates": fill("专利1件，"),
        "long sentence, no punct": fill("广州开发区知识产权证券化产品发行规模"),
        "dense numbers": fill("发明专利1234件、商标56个、版权7.8万件"),
        "dense dates": fill("2022年3月1日至2023年底"),
        "dense dates + clauses": fill("2019年成立调解中心，"),
        "event verbs, clauses": fill("近日正式挂牌成立中心；"),
        "quotes unclosed": fill("“《发行1件"),
        "enumeration 、": fill("专利1件、"),
    }


def bench_adversarial(chars: int, rounds: int) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name, text in adversarial(chars).items():
        doc = Document(id="adv", text=text, published=PartialDate(2023, 5, 1))

        def one(doc: Document = doc) -> None:
            milestones.extract(doc)

        def every(doc: Document = doc) -> None:
            extract_document(doc)

        out[name] = {"mb": _mb(text), "milestones_s": _best(one, rounds), "all_s": _best(every, 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20, help="times each seed is extracted (default 20)")
    parser.add_argument("--chars", type=int, default=240_000, help="adversarial input size (default 240000)")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs (default 3)")
    parser.add_argument("--skip-adversarial", action="store_true")
    parser.add_argument("--save", type=Path, help="write the figures as JSON here")
    parser.add_argument("--baseline", type=Path, help="figures saved by an earlier --save, to compare with")
    args = parser.parse_args()
    base: dict[str, Any] = json.loads(args.baseline.read_text()) if args.baseline else {}

    rates = bench_seeds(args.repeat, args.rounds)
    print(f"seeds x{args.repeat}: MB/s of clean text per extractor (one process)")
    print(f"{'extractor':<26}{'MB/s':>9}" + (f"{'before':>9}{'speed-up':>10}" if base else ""))
    for name, rate in rates.items():
        line = f"{name:<26}{rate:>9.2f}"
        old = base.get("seeds", {}).get(name)
        if old:
            line += f"{old:>9.2f}{rate / old:>9.1f}x"
        print(line)
    figures: dict[str, Any] = {"seeds": rates}

    if not args.skip_adversarial:
        adv = bench_adversarial(args.chars, args.rounds)
        figures["adversarial"] = adv
        ref = adv["seed-style (baseline)"]
        ref_rate = ref["milestones_s"] / ref["mb"]
        print(f"\nadversarial, {args.chars} chars: seconds, and s/MB ratio to the seed-style text")
        header = f"{'input':<26}{'MB':>6}{'milest. s':>11}{'ratio':>7}{'all s':>8}"
        print(header + (f"{'before s':>10}{'speed-up':>10}" if base else ""))
        for name, row in adv.items():
            ratio = row["milestones_s"] / row["mb"] / ref_rate if ref_rate else 0.0
            line = f"{name:<26}{row['mb']:>6.2f}{row['milestones_s']:>11.3f}{ratio:>7.1f}{row['all_s']:>8.2f}"
            old_row = base.get("adversarial", {}).get(name)
            if old_row:
                line += (
                    f"{old_row['milestones_s']:>10.3f}{old_row['milestones_s'] / row['milestones_s']:>9.1f}x"
                )
            print(line)
    if args.save:
        args.save.write_text(json.dumps(figures, indent=1))
        print(f"\nfigures written to {args.save}", file=sys.stderr)


if __name__ == "__main__":
    main()
