"""Scale benchmark: load+extract throughput, ingest, re-ingest, store size, memory and query latency.

    python benchmarks/bench_scale.py                    # 1k articles (about a minute on 2 cores)
    python benchmarks/bench_scale.py --sizes 1000,10000 --workers 2
    python benchmarks/bench_scale.py --sizes 100000 --work /data/bench   # the report's run
    python benchmarks/bench_scale.py --sizes 10000 --queries-only       # queries on the store left by a run

For each corpus size: synthetic articles (``benchmarks/synth.py``) are written once under
``--work`` and reused.  Each phase runs in its own process so that its peak memory
(``resource.getrusage``, max RSS) is its own.  It prints figures; it asserts nothing.

* load+extract MB/s: file bytes read, cleaned and extracted per second, on 1 and on 2
  processes, over the first ``--sample`` files (a rate; the whole corpus is read by ingest);
* ingest articles/s with ``--workers`` processes, and peak memory while ingesting;
* re-ingest of the unchanged corpus (size and mtime match: no file is read) and with
  ``rehash`` (every file read and extracted again, nothing written);
* store bytes per article;
* latency of each query on the store, on an in-memory ``Corpus`` of the same articles, and
  of a pandas filter over the exported records (when pandas is installed);
* ``jieba.lcut`` MB/s on the same clean text, as a reference ratio (when jieba is installed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

QUERIES: list[tuple[str, str, list[Any], dict[str, Any]]] = [
    ("timeline district since 2020", "timeline", ["天河区"], {"since": "2020"}),
    ("timeline city firsts+products", "timeline", ["广州市"], {"kinds": "first,product"}),
    ("firsts national", "firsts", ["national"], {}),
    ("firsts in a city", "firsts", [None, "深圳市"], {}),
    ("compare 3 districts x 2 metrics", "compare",
     [["天河区", "海珠区", "越秀区"], ["专利授权量", "每万人口高价值发明专利拥有量"]], {}),
    ("history metric in a district", "history", ["每万人口高价值发明专利拥有量", "海淀区"], {}),
]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def corpus_dir(work: Path, n: int, seed: int) -> Path:
    from synth import write_corpus

    folder = work / f"corpus-{n}-{seed}"
    done = folder / ".complete"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        size = write_corpus(folder, n, seed)
        done.write_text(str(size))
    return folder


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.txt"))


# -- phases (each runs in a child process) ------------------------------------------------------
def phase_extract(folder: Path, sample: int, workers: int) -> dict[str, Any]:
    from policytrack._parallel import extract_paths

    files = files_of(folder)[:sample]
    raw = sum(p.stat().st_size for p in files)
    start = time.perf_counter()
    clean = failed = 0
    for result in extract_paths(files, workers):
        if hasattr(result, "text"):
            clean += len(result.text.encode("utf-8"))
        else:
            failed += 1
    elapsed = time.perf_counter() - start
    return {"files": len(files), "raw_mb": raw / 1e6, "seconds": elapsed, "mb_s": raw / 1e6 / elapsed,
            "clean_mb_s": clean / 1e6 / elapsed, "failed": failed, "peak_mb": peak_mb()}


def phase_ingest(folder: Path, db: Path, workers: int, rehash: bool) -> dict[str, Any]:
    from policytrack.store import Store

    start = time.perf_counter()
    with Store.open(db) as store:
        report = store.ingest(folder, workers=workers, rehash=rehash, progress=False)
    elapsed = time.perf_counter() - start
    counts = report.counts()
    return {"seconds": elapsed, **counts, "articles_s": (counts["added"] + counts["new_versions"]) / elapsed
            if elapsed else 0.0, "peak_mb": peak_mb(), "worker_peak_mb": children_peak_mb(),
            "db_bytes": db.stat().st_size}


def _time(fn: Any, reps: int) -> tuple[float, float]:
    """(first call, median of the next ``reps``) in milliseconds."""
    t = time.perf_counter()
    fn()
    first = (time.perf_counter() - t) * 1000
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return first, statistics.median(times) if times else first


def phase_queries(db: Path, reps: int, corpus_max: int) -> dict[str, Any]:
    from policytrack.store import Store

    out: dict[str, Any] = {"queries": []}
    with Store.open(db) as store:
        n = len(store)
        corpus = store.corpus() if n <= corpus_max else None
        frame = None
        try:
            import pandas as pd

            # the exported records with the merge columns a DataFrame user would filter on
            rows = [_frame_row(f, r, d, k) for f, r, d, k in store._db.execute(
                "SELECT r.family, r.region, r.date, k.key FROM records r JOIN merge_keys k ON k.grp = r.grp"
                " WHERE r.current = 1"
            )]
            frame = pd.DataFrame(rows)
            out["pandas"] = pd.__version__
        except ImportError:
            out["pandas"] = None
        if corpus is not None:  # the Corpus merges once, then answers every query from its cache
            t = time.perf_counter()
            corpus.resolve()
            out["corpus_merge_ms"] = (time.perf_counter() - t) * 1000
        for label, method, args, kwargs in QUERIES:
            s_first, s_med = _time(lambda m=method, a=args, k=kwargs: getattr(store, m)(*a, **k), reps)
            result = getattr(store, method)(*args, **kwargs)
            row = {"query": label, "store_first_ms": s_first, "store_ms": s_med, "rows": len(result.to_records())}
            if corpus is not None:
                t = time.perf_counter()
                expected = getattr(corpus, method)(*args, **kwargs)
                row["corpus_ms"] = (time.perf_counter() - t) * 1000
                row["same"] = expected == result
            if frame is not None:
                row["pandas_ms"] = _time(lambda m=method, a=args: _pandas_filter(frame, m, a), reps)[1]
            out["queries"].append(row)
    out["peak_mb"] = peak_mb()
    return out


def _frame_row(family: str, region: str | None, date: str | None, key: str) -> dict[str, Any]:
    from policytrack.models import PartialDate

    parts = json.loads(key)
    when = PartialDate.parse(date) if date else None
    return {"family": family, "region": region,
            "date_first": when.first_day().isoformat() if when else None,
            "date_last": when.last_day().isoformat() if when else None,
            "metric": parts[2] if parts[0] == "value" else None,
            "scope": parts[1] if parts[0] == "first" else None}


def _pandas_filter(frame: Any, method: str, args: list[Any]) -> int:
    """A plain filter over the exported records (no merging): what a DataFrame user would write."""
    if method == "timeline":
        sel = frame[(frame.region == args[0]) & frame.date_first.notna()]
    elif method == "firsts":
        sel = frame[(frame.family == "first") & ((frame.scope == args[0]) if args[0] else True)]
    elif method == "compare":
        sel = frame[(frame.family == "measurement") & frame.region.isin(args[0]) & frame.metric.isin(args[1])]
    else:
        sel = frame[(frame.metric == args[0]) & (frame.region == args[1])].sort_values("date_last")
    return len(sel)


def phase_jieba(folder: Path, sample: int) -> dict[str, Any]:
    try:
        import jieba
    except ImportError:
        return {"jieba": None}
    from policytrack.load import read_document

    texts = [read_document(p).text for p in files_of(folder)[:sample]]
    jieba.lcut("预热分词器")
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    elapsed = time.perf_counter() - start
    return {"jieba": getattr(jieba, "__version__", "?"), "clean_mb_s": size / 1e6 / elapsed}


def run_phase(name: str, **kwargs: Any) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and return its figures."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", name, "--phase-args", json.dumps(kwargs)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env={**os.environ})
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def child(name: str, args: dict[str, Any]) -> None:
    if name == "extract":
        res = phase_extract(Path(args["folder"]), args["sample"], args["workers"])
    elif name == "ingest":
        res = phase_ingest(Path(args["folder"]), Path(args["db"]), args["workers"], args["rehash"])
    elif name == "queries":
        res = phase_queries(Path(args["db"]), args["reps"], args["corpus_max"])
    elif name == "jieba":
        res = phase_jieba(Path(args["folder"]), args["sample"])
    else:
        raise SystemExit(f"unknown phase {name}")
    print(json.dumps(res, default=str))


# -- the report ---------------------------------------------------------------------------------
def bench(n: int, args: argparse.Namespace) -> None:
    work: Path = args.work
    if args.queries_only:
        db = work / f"store-{n}-{args.seed}.db"
        if not db.exists():
            raise SystemExit(f"--queries-only: no store {db}; run once without it to build one")
        print(f"\n## {n} articles (queries only, on the existing {db})")
        print_queries(n, run_phase("queries", db=str(db), reps=args.reps, corpus_max=args.corpus_max), args.reps)
        return
    t = time.perf_counter()
    folder = corpus_dir(work, n, args.seed)
    raw_bytes = int((folder / ".complete").read_text())
    print(f"\n## {n} articles ({raw_bytes / 1e6:.1f} MB of files; generated/reused in "
          f"{time.perf_counter() - t:.1f} s)\n")
    sample = min(args.sample, n)
    e1 = run_phase("extract", folder=str(folder), sample=sample, workers=1)
    e2 = run_phase("extract", folder=str(folder), sample=sample, workers=2)
    db = work / f"store-{n}-{args.seed}.db"
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    ing = run_phase("ingest", folder=str(folder), db=str(db), workers=args.workers, rehash=False)
    again = run_phase("ingest", folder=str(folder), db=str(db), workers=args.workers, rehash=False)
    rehash = run_phase("ingest", folder=str(folder), db=str(db), workers=args.workers, rehash=True) \
        if args.rehash else None
    q = run_phase("queries", db=str(db), reps=args.reps, corpus_max=args.corpus_max)
    jb = run_phase("jieba", folder=str(folder), sample=sample)

    rows = [
        ("load+extract, 1 process", f"{e1['mb_s']:.2f} MB/s files ({e1['clean_mb_s']:.2f} MB/s clean text), "
                                    f"{e1['files']} files, peak {e1['peak_mb']:.0f} MB"),
        ("load+extract, 2 processes", f"{e2['mb_s']:.2f} MB/s files ({e2['clean_mb_s']:.2f} MB/s clean text), "
                                      f"speed-up x{e2['mb_s'] / e1['mb_s']:.2f}"),
        (f"ingest, {args.workers} process(es)", f"{ing['articles_s']:.1f} articles/s, {ing['seconds']:.1f} s, "
                                                f"{ing['added']} added, {ing['failures']} failed"),
        ("peak memory while ingesting", f"{ing['peak_mb']:.0f} MB main process, "
                                        f"{ing.get('worker_peak_mb', 0):.0f} MB largest worker"),
        ("re-ingest, unchanged (stat)", f"{again['seconds']:.2f} s, {again['added']} added, "
                                        f"{again['unchanged']} unchanged "
                                        f"({again['seconds'] / ing['seconds']:.1%} of ingest)"),
    ]
    if rehash is not None:
        rows.append(("re-ingest, rehash", f"{rehash['seconds']:.1f} s, {rehash['added']} added, "
                                          f"{rehash['unchanged']} unchanged"))
    rows.append(("store size", f"{ing['db_bytes'] / 1e6:.1f} MB, {ing['db_bytes'] / n / 1024:.1f} KiB/article "
                               f"(files {raw_bytes / n / 1024:.1f} KiB/article)"))
    if jb.get("jieba"):
        rows.append(("jieba.lcut (reference)", f"{jb['clean_mb_s']:.2f} MB/s clean text; policytrack/jieba "
                                               f"= {e1['clean_mb_s'] / jb['clean_mb_s']:.2f}"))
    else:
        rows.append(("jieba.lcut (reference)", "jieba not installed: no reference ratio"))
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")

    print_queries(n, q, args.reps)


def print_queries(n: int, q: dict[str, Any], reps: int) -> None:
    print(f"\n  query latency, {n} articles (ms; store: first call / median of {reps}; "
          f"pandas: {'filter only, no merging' if q['pandas'] else 'not installed'})")
    head = f"  {'query':<34} {'store 1st':>9} {'store':>8} {'corpus':>9} {'pandas':>8} {'rows':>6}  same"
    print(head)
    for r in q["queries"]:
        corpus = f"{r['corpus_ms']:9.1f}" if "corpus_ms" in r else f"{'-':>9}"
        pandas = f"{r['pandas_ms']:8.2f}" if "pandas_ms" in r else f"{'-':>8}"
        same = str(r.get("same", "-"))
        print(f"  {r['query']:<34} {r['store_first_ms']:9.1f} {r['store_ms']:8.1f} {corpus} {pandas} "
              f"{r['rows']:6d}  {same}")
    if "corpus_merge_ms" in q:
        print(f"  (corpus: after one merge of all articles, {q['corpus_merge_ms']:.0f} ms, cached by the Corpus)")
    held = [what for what, here in (("the in-memory Corpus", "corpus_merge_ms" in q),
                                    ("the pandas frame", bool(q["pandas"]))) if here]
    print(f"  (query process peak memory {q['peak_mb']:.0f} MB"
          + (f", including {' and '.join(held)})" if held else ")"))


def main() -> None:
    parser = argparse.ArgumentParser(description="policytrack scale benchmark (prints figures)")
    parser.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (default 1000)")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "policytrack-bench")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2, help="processes for ingest (default 2)")
    parser.add_argument("--sample", type=int, default=300, help="files timed for load+extract MB/s")
    parser.add_argument("--reps", type=int, default=5, help="repetitions per query")
    parser.add_argument("--corpus-max", type=int, default=10000,
                        help="largest store also queried as an in-memory Corpus")
    parser.add_argument("--rehash", action="store_true", help="also time a re-ingest that reads every file")
    parser.add_argument("--queries-only", action="store_true",
                        help="only time the queries, on the store an earlier run left in --work")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--phase-args", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        child(args.phase, json.loads(args.phase_args))
        return
    print(f"policytrack scale benchmark: python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"work folder {args.work}")
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        bench(n, args)


if __name__ == "__main__":
    main()
