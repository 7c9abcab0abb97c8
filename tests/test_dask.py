"""policytrack.dask: extraction over a Dask bag, JSON lines / Parquet parts, merged into a store.

Skipped when dask (``policytrack[dask]``) is not installed; the error for a missing extra is
tested without it.
"""

from __future__ import annotations

import builtins
import sys
from pathlib import Path
from typing import Any

import pytest

import policytrack
from policytrack.render import MissingExtraError
from policytrack.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "sz.txt").write_text("2021年，深圳市南山区落地全国首单知识产权海外侵权责任保险。", encoding="utf-8")
    (folder / "zz_empty.txt").write_text(" \n", encoding="utf-8")
    return folder


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch, articles: Path, tmp_path: Path) -> None:
    real_import = builtins.__import__

    def no_dask(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "dask" or name.startswith("dask."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    for mod in [m for m in sys.modules if m == "dask" or m.startswith("dask.")]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(builtins, "__import__", no_dask)
    from policytrack import dask as ptdask

    with pytest.raises(MissingExtraError, match=r"policytrack\[dask\]") as info:
        ptdask.extract_to(articles, tmp_path / "out")
    assert isinstance(info.value, policytrack.PolicytrackError)


def test_importing_the_module_does_not_import_dask() -> None:
    code = "import sys, policytrack.dask; print('dask' in sys.modules)"
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- with dask installed ----------------------------------------------------------------------------


@pytest.fixture
def ptdask() -> Any:
    pytest.importorskip("dask.bag")
    from policytrack import dask as module

    return module


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"], ids=["synchronous", "local-processes"])
def test_jsonl_parts_equal_load(ptdask: Any, articles: Path, tmp_path: Path, scheduler: str) -> None:
    report = ptdask.extract_to(articles, tmp_path / "out", chunk=2, scheduler=scheduler)
    corpus = policytrack.load(articles)
    assert report.documents == len(corpus.documents) == 6
    assert [Path(f.path).name for f in report.failures] == ["zz_empty.txt"]
    assert len(report.parts) == 4  # 7 files, 2 a chunk
    docs = list(ptdask.read_outputs(tmp_path / "out"))
    assert [d.id for d in docs] == [d.id for d in corpus.documents]
    assert [d.records() for d in docs] == [d.records() for d in corpus.documents]


def test_extract_bag_computes_documents_and_failures(ptdask: Any, articles: Path) -> None:
    results = ptdask.extract_bag(articles, npartitions=3).compute(scheduler="synchronous")
    docs = [r for r in results if isinstance(r, policytrack.Document)]
    failures = [r for r in results if isinstance(r, policytrack.LoadFailure)]
    assert [d.text for d in docs] == [d.text for d in policytrack.load(articles).documents]
    assert len(failures) == 1


def test_local_distributed_cluster(ptdask: Any, articles: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        report = ptdask.extract_to(articles, tmp_path / "out", chunk=3, scheduler=client)
    assert report.documents == 6


def test_parquet_parts_merge_into_a_store(ptdask: Any, articles: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    ptdask.extract_to(articles, tmp_path / "out", fmt="parquet", chunk=4, scheduler="synchronous")
    with Store.open(tmp_path / "merged.db") as merged, Store.open(tmp_path / "ingested.db") as ingested:
        report = merged.add(ptdask.read_outputs(tmp_path / "out"))
        assert len(report.added) == 6
        ingested.ingest(articles)
        # the same articles, whichever way they came in: same documents, same answers
        assert [(d.text, d.records()) for d in merged.documents()] == [
            (d.text, d.records()) for d in ingested.documents()
        ]
        assert merged.firsts("national") == ingested.firsts("national")
        assert merged.timeline("广州开发区") == ingested.timeline("广州开发区")
        # merging again, or ingesting the same files into the merged store, adds nothing
        assert not merged.add(ptdask.read_outputs(tmp_path / "out")).changed
        assert not merged.ingest(articles, rehash=True).changed


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"fmt": "csv"}, "fmt"), ({"chunk": 0}, "chunk")],
    ids=["unknown-format", "zero-chunk"],
)
def test_bad_arguments(ptdask: Any, articles: Path, tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(policytrack.BadArgumentError, match=message):
        ptdask.extract_to(articles, tmp_path / "out", **kwargs)


def test_refuses_a_folder_with_parts(ptdask: Any, articles: Path, tmp_path: Path) -> None:
    ptdask.extract_to(articles, tmp_path / "out", scheduler="synchronous")
    with pytest.raises(policytrack.BadArgumentError, match="already holds part files"):
        ptdask.extract_to(articles, tmp_path / "out", scheduler="synchronous")
