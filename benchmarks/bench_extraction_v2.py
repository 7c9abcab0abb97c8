"""Extraction speed against jieba.lcut and against another checkout, in one run (prints; asserts nothing).

Run (with the ``bench`` extra, which installs jieba)::

    python benchmarks/bench_extraction_v2.py
    python benchmarks/bench_extraction_v2.py --release /path/to/an/older/checkout/src --rounds 3

The same clean texts (the seed articles, and the evaluation texts present under eval/texts,
repeated to about ``--mb`` megabytes) go through:

* ``jieba.lcut`` (the reference the issue names) and ``rjieba.tag`` (the segmenter the shared
  analysis uses);
* this checkout's extraction (:func:`policytrack.extract.extract_document` on documents whose
  text is already clean, so loading is not timed), with its parts: the shared analysis alone,
  and the judge;
* with ``--release SRC``: the same extraction by the policytrack found in ``SRC`` (a ``src``
  folder of another checkout, e.g. a worktree of the last release), in a child process.

Each figure is the best of ``--rounds`` runs (the machine is shared), in MB of UTF-8 text a
second; the ratios are taken within this one run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts(mb: float) -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "eval" / "texts").glob("*/*.txt"))
    base = [p.read_text(encoding="utf-8") for p in files]
    out: list[str] = []
    size = 0
    while size < mb * 1e6:
        for t in base:
            # a distinct text each time round (caches keyed on the text must not help)
            t2 = t + f"\n（{len(out)}）"
            out.append(t2)
            size += len(t2.encode("utf-8"))
    return out


def best(fn: Callable[[], None], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def measure_policytrack(corpus: list[str], rounds: int) -> dict[str, float]:
    from policytrack.extract import extract_document
    from policytrack.load import parse
    from policytrack.models import Document

    docs = [parse(t, id=f"d{i}") for i, t in enumerate(corpus[:1])]  # warm vocabularies and the segmenter
    del docs
    clean = [Document(id=f"d{i}", text=t) for i, t in enumerate(corpus)]
    size = sum(len(d.text.encode("utf-8")) for d in clean)

    def run() -> None:
        for d in clean:
            extract_document(Document(id=d.id, text=d.text + " "))  # a new text: no cache hit

    out = {"extract_mb_s": size / 1e6 / best(run, rounds)}
    try:
        from policytrack.extract.analysis import analyse

        def run_analysis() -> None:
            for d in clean:
                for s in analyse(d.text + "  "):
                    _ = s.words, s.quantities, s.dates, s.places

        out["analysis_mb_s"] = size / 1e6 / best(run_analysis, rounds)
    except ImportError:
        pass
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=0.5, help="megabytes of text (default 0.5)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--release", type=Path, help="the src folder of another checkout to time beside this one")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    corpus = texts(args.mb)
    if args.child:  # run inside the other checkout's interpreter path
        print(json.dumps(measure_policytrack(corpus, args.rounds)))
        return 0
    size = sum(len(t.encode("utf-8")) for t in corpus)
    rows: dict[str, float] = {}
    try:
        import jieba

        jieba.lcut("预热分词器")
        rows["jieba.lcut"] = size / 1e6 / best(lambda: [jieba.lcut(t) for t in corpus], args.rounds)
    except ImportError:
        print("(jieba not installed: pip install -e '.[bench]')")
    import rjieba

    rows["rjieba.tag"] = size / 1e6 / best(lambda: [rjieba.tag(t) for t in corpus], args.rounds)
    mine = measure_policytrack(corpus, args.rounds)
    rows["policytrack extract (this checkout)"] = mine["extract_mb_s"]
    if "analysis_mb_s" in mine:
        rows["  shared analysis alone"] = mine["analysis_mb_s"]
    if args.release is not None:
        run = subprocess.run(
            [sys.executable, __file__, "--child", "--mb", str(args.mb), "--rounds", str(args.rounds)],
            env={"PYTHONPATH": str(args.release.resolve()), "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, check=False,
        )
        if run.returncode == 0:
            rows[f"policytrack extract ({args.release})"] = json.loads(run.stdout.splitlines()[-1])["extract_mb_s"]
        else:
            print(f"release run failed: {run.stderr[-500:]}")
    print(f"{len(corpus)} texts, {size / 1e6:.2f} MB, best of {args.rounds}")
    ref = rows.get("jieba.lcut")
    for name, rate in rows.items():
        ratio = f"  x{rate / ref:.2f} jieba.lcut" if ref else ""
        print(f"{name:45} {rate:8.3f} MB/s{ratio}")
    rel = next((v for k, v in rows.items() if k.startswith("policytrack extract (") and "this" not in k), None)
    if rel:
        print(f"this checkout / release: x{mine['extract_mb_s'] / rel:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
