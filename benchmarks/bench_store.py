"""Store benchmark: peak memory of export and ingest by corpus size, ingest on one worker and two.

    python benchmarks/bench_store.py                          # 1k and 10k articles
    python benchmarks/bench_store.py --sizes 100000 --ingest-workers 2

Synthetic articles (``benchmarks/synth.py``, the corpora ``bench_scale.py`` writes, reused
under ``--work``).  Each phase runs in a fresh interpreter so that its peak memory
(``resource.getrusage`` max RSS of the process, and of its largest worker) is its own:

* ``export --format json`` and ``--format jsonl`` to a file, documents streamed;
* ``ingest`` into a new store with one worker and with two: articles/s and peak memory;
* a concurrent pair: two ``ingest`` processes started together on one new store, each with
  half of the articles (time until both finished; the store must hold every article).

It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _peaks() -> dict[str, float]:
    return {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def phase_export(folder: str, fmt: str, out: str, workers: int) -> dict[str, Any]:
    from policytrack.cli import main

    start = time.perf_counter()
    status = main(["export", folder, "--format", fmt, "-o", out, "--workers", str(workers)])
    elapsed = time.perf_counter() - start
    return {"status": status, "seconds": elapsed, "out_mb": Path(out).stat().st_size / 1e6, **_peaks()}


def phase_ingest(folder: str, db: str, workers: int) -> dict[str, Any]:
    from policytrack.store import Store

    start = time.perf_counter()
    with Store.open(db) as store:
        report = store.ingest(folder, workers=workers, progress=False)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "added": len(report.added), "failures": len(report.failures), **_peaks()}


def run_phase(name: str, **kwargs: Any) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", name, "--phase-args", json.dumps(kwargs)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    # each phase's raw figures as soon as it ends (a long run interrupted keeps what it measured)
    print(f"<!-- {name} {json.dumps({**kwargs, **result})} -->", file=sys.stderr, flush=True)
    return result


def concurrent_pair(folder: Path, db: Path) -> dict[str, Any]:
    """Two `policytrack ingest` processes at once, each on half the files (by symbolic links)."""
    halves = [db.parent / f"{db.stem}-half{i}" for i in (0, 1)]
    for i, half in enumerate(halves):
        half.mkdir(exist_ok=True)
        for n, f in enumerate(sorted(folder.rglob("*.txt"))):
            link = half / f.name
            if n % 2 == i and not link.exists():
                link.symlink_to(f)
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-m", "policytrack", "ingest", str(h), "--db", str(db),
                               "--summary", "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for h in halves]
    outs = [p.communicate() for p in procs]
    elapsed = time.perf_counter() - start
    from policytrack.store import Store

    with Store.open(db) as store:
        held = len(store)
    return {"seconds": elapsed, "status": [p.returncode for p in procs], "held": held,
            "errors": [err.strip() for _, err in outs if err.strip()]}


def clean(db: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def bench(n: int, args: argparse.Namespace) -> list[str]:
    from bench_scale import corpus_dir

    folder = corpus_dir(args.work, n, args.seed)
    raw = int((folder / ".complete").read_text())
    out: list[str] = []
    row: dict[str, Any] = {"n": n, "mb": raw / 1e6}
    for fmt in ("json", "jsonl"):
        target = args.work / f"export-{n}.{fmt}"
        e = run_phase("export", folder=str(folder), fmt=fmt, out=str(target), workers=args.export_workers)
        target.unlink(missing_ok=True)
        row[f"export_{fmt}"] = e
    for w in args.ingest_workers:
        db = args.work / f"bench-store-{n}-w{w}.db"
        clean(db)
        row[f"ingest_{w}"] = run_phase("ingest", folder=str(folder), db=str(db), workers=w)
        clean(db)
    if args.pair:
        db = args.work / f"bench-store-{n}-pair.db"
        clean(db)
        row["pair"] = concurrent_pair(folder, db)
        clean(db)
    ej, el = row["export_json"], row["export_jsonl"]
    out.append(f"| {n:,} ({row['mb']:.0f} MB) | export json: {ej['peak_mb']:.0f} MB main, {ej['worker_peak_mb']:.0f} MB"
               f" worker, {ej['seconds']:.0f} s; jsonl: {el['peak_mb']:.0f} MB / {el['worker_peak_mb']:.0f} MB, "
               f"{el['seconds']:.0f} s |")
    for w in args.ingest_workers:
        ing = row[f"ingest_{w}"]
        out.append(f"|  | ingest, {w} worker(s): {ing['added'] / ing['seconds']:.1f} articles/s ({ing['seconds']:.0f} s), "
                   f"peak {ing['peak_mb']:.0f} MB main, {ing['worker_peak_mb']:.0f} MB worker |")
    if "pair" in row:
        p = row["pair"]
        out.append(f"|  | two ingests at once (half each, 1 worker each): {p['seconds']:.0f} s, exit {p['status']}, "
                   f"{p['held']:,} of {n:,} articles held{'; ' + '; '.join(p['errors']) if p['errors'] else ''} |")
    for line in out:
        print(line, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="policytrack store benchmark (prints figures)")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "policytrack-bench")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--export-workers", type=int, default=2)
    parser.add_argument("--ingest-workers", default="1,2", help="comma-separated worker counts to time ingest with")
    parser.add_argument("--no-pair", dest="pair", action="store_false", help="skip the two-writers run")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--phase-args", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        kwargs = json.loads(args.phase_args)
        fn = {"export": phase_export, "ingest": phase_ingest}[args.phase]
        print(json.dumps(fn(**kwargs)))  # type: ignore[operator]
        return
    args.ingest_workers = [int(w) for w in args.ingest_workers.split(",") if w.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"policytrack store benchmark: python {sys.version.split()[0]}, {os.cpu_count()} CPUs, work {args.work}")
    print("| articles | figures |\n|---|---|", flush=True)
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        bench(n, args)


if __name__ == "__main__":
    main()
