"""Ids, content hashes and store groups are the same in every process, and parallel work
really happens in other processes.

Python's ``hash()`` of a str differs between processes (``PYTHONHASHSEED``): an id or a
hash built on it agrees with itself inside one test process and with nothing else.  So the
values here are frozen literals for a fixed input, and two fresh interpreters with different
hash seeds must agree on everything they compute, including a store one writes and the
other reads.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import policytrack
import policytrack.store as store_module
from policytrack._parallel import extract_paths, map_paths
from policytrack.models import Document
from policytrack.queries import _stable_id, resolve
from policytrack.store import Store, _group, content_hash

from ._query_fixtures import StubGazetteer, guangzhou_corpus

ROOT = Path(__file__).resolve().parents[1]
# the module (``policytrack.load`` the attribute is the function of that name)
load_module = importlib.import_module("policytrack.load")
SEEDS = ROOT / "seeds"

# --- frozen values for a fixed input --------------------------------------------------------


def test_stable_id_is_sha1_of_the_parts_joined() -> None:
    assert _stable_id("f", "national", "中国", "知识产权证券化") == "f-87f213fc2bd0"
    assert _stable_id("m", "value", None, 3) == "m-646da4503b8d"
    assert _stable_id("e", None) != _stable_id("e", "None")  # None is the empty string, not "None"
    assert _stable_id("e", "a", "b") != _stable_id("e", "ab")


def test_content_hash_is_sha256_of_the_clean_text() -> None:
    doc = Document(id="x", text="2022年，广州市天河区发行全国首单知识产权证券化产品。")
    assert content_hash(doc) == "30f0c152852da5063dc096089671c45e91bddafdcde77d720ffe9afc809a1d3d"


def test_store_group_is_sha1_of_the_key() -> None:
    assert _group("first", "national", None, "知识产权证券化") == "a19371e5c61eca3f"


def test_ids_of_the_guangzhou_corpus_are_frozen() -> None:
    resolved = resolve(guangzhou_corpus(), regions=StubGazetteer())
    assert [c.id for c in resolved.claims] == [
        "f-c4005b24d3e9", "f-000ba6efa7f3", "f-0839df026eca", "f-49d188a78901",
    ]
    assert [f.id for f in resolved.facts][:4] == [
        "e-1e53ef85d37e", "e-45f22d9f0859", "e-655b18eface6", "e-eef1e9230672",
    ]
    assert [m.id for m in resolved.measurements][:4] == [
        "m-c0e2cf8da64f", "m-d15bfb4f9aff", "m-d9026fc9cfa2", "m-0d21717cba1f",
    ]
    assert (len(resolved.facts), len(resolved.measurements)) == (7, 13)


# --- two interpreters with different hash seeds ---------------------------------------------

_PROBE = r"""
import json, sys
import policytrack
from policytrack.queries import resolve
from policytrack.store import Store, content_hash
from tests._query_fixtures import StubGazetteer, guangzhou_corpus

folder, db = sys.argv[1], sys.argv[2]
hand = resolve(guangzhou_corpus(), regions=StubGazetteer())
corpus = policytrack.load(folder)
resolved = corpus.resolve()


def answers(q):
    return {"firsts": q.firsts().to_records(), "timeline": q.timeline("广东省").to_records(),
            "history": q.history("专利授权量").to_records()}


out = {
    "hand": [e.id for fam in (hand.claims, hand.facts, hand.measurements) for e in fam],
    "ids": [e.id for fam in (resolved.claims, resolved.facts, resolved.measurements) for e in fam],
    "hashes": [content_hash(d) for d in corpus.documents],
}
with Store.open(db) as s:
    out["report"] = s.ingest(folder, rehash=True).counts()
    out["groups"] = sorted(r[0] for r in s._db.execute("SELECT DISTINCT grp FROM entities"))
    out["store"] = answers(s)
    # the documents in the store's order (the order they were first ingested), merged afresh here
    out["corpus"] = answers(policytrack.Corpus(list(s.documents())))
print(json.dumps(out, ensure_ascii=False, default=str))
"""


def _probe(seed: str, folder: Path, db: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(folder), str(db)], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_two_processes_with_different_hash_seeds_agree(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.iterdir())
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    first = _probe("1", folder, tmp_path / "one.db")
    second = _probe("2", folder, tmp_path / "two.db")
    assert first["report"] == second["report"] == {"added": 5, "new_versions": 0, "unchanged": 0, "failures": 0}
    for key in ("hand", "ids", "hashes", "groups", "store", "corpus"):
        assert first[key] == second[key], key
    assert first["hand"][:4] == ["f-c4005b24d3e9", "f-000ba6efa7f3", "f-0839df026eca", "f-49d188a78901"]
    assert len(first["hashes"]) == 5 and len(first["groups"]) > 20 and first["store"]["firsts"]


def test_a_store_grown_by_another_process_answers_like_a_corpus(tmp_path: Path) -> None:
    """One process writes a store of four articles; another, with another hash seed, adds the
    fifth and re-reads the four (``rehash``): they are unchanged, and the store's answers are
    those of a Corpus of the five, so the new article's records merged with the old ones."""
    seeds = sorted(SEEDS.iterdir())
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in seeds[1:]:
        shutil.copy(seed, folder / seed.name)
    db = tmp_path / "grown.db"
    first = _probe("1", folder, db)
    assert first["report"] == {"added": 4, "new_versions": 0, "unchanged": 0, "failures": 0}
    shutil.copy(seeds[0], folder / seeds[0].name)
    second = _probe("2", folder, db)
    assert second["report"] == {"added": 1, "new_versions": 0, "unchanged": 4, "failures": 0}
    assert second["store"] == second["corpus"]
    assert second["store"]["firsts"] and second["store"]["timeline"] and second["store"]["history"]


# --- parallel work happens in other processes -----------------------------------------------


def _pid_and_path(doc: Document) -> tuple[int, str | None]:
    return os.getpid(), doc.path


def test_map_paths_runs_the_function_in_worker_processes() -> None:
    out = list(map_paths(SEEDS, _pid_and_path, 2))
    assert [Path(p).name for _, p in out if p] == sorted(p.name for p in SEEDS.iterdir())
    assert all(pid != os.getpid() for pid, _ in out) and len(out) == 5
    serial = list(map_paths(SEEDS, _pid_and_path, 1))
    assert {pid for pid, _ in serial} == {os.getpid()}


_LOG = "POLICYTRACK_TEST_PID_LOG"


def _log_pid(what: str = "read") -> None:
    with Path(os.environ[_LOG]).open("a", encoding="utf-8") as f:
        f.write(f"{what} {os.getpid()}\n")


def _logged(what: str = "read") -> set[int]:
    path = Path(os.environ[_LOG])
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    return {int(line.split()[1]) for line in lines if line.split()[0] == what}


_ORIGINAL: dict[str, Any] = {
    "read": load_module.read_document, "prepare": store_module._prepare, "merge": store_module._merge_stored,
}


# module-level wrappers (a worker process finds them by name) that log where they ran
def _logged_read(*args: Any, **kwargs: Any) -> Any:
    _log_pid()
    return _ORIGINAL["read"](*args, **kwargs)


def _logged_prepare(*args: Any, **kwargs: Any) -> Any:
    _log_pid()
    return _ORIGINAL["prepare"](*args, **kwargs)


def _logged_merge(*args: Any, **kwargs: Any) -> Any:
    _log_pid("merge")
    return _ORIGINAL["merge"](*args, **kwargs)


@pytest.fixture
def pid_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pids.log"
    monkeypatch.setenv(_LOG, str(path))
    return path


@pytest.mark.parametrize("workers", [2, 3])
def test_load_reads_in_worker_processes(pid_log: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    monkeypatch.setattr(load_module, "read_document", _logged_read)
    corpus = policytrack.load(SEEDS, workers=workers)
    pids = _logged()
    assert len(corpus.documents) == 5
    assert pids and os.getpid() not in pids


def test_ingest_extracts_and_merges_in_worker_processes(
    pid_log: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(store_module, "_prepare", _logged_prepare)
    monkeypatch.setattr(store_module, "_merge_stored", _logged_merge)
    with Store.open(tmp_path / "p.db") as s:
        s.ingest(SEEDS, workers=2)
        assert len(s.firsts()) > 0
    extracted, merged = _logged("read"), _logged("merge")
    assert extracted and os.getpid() not in extracted
    assert merged and os.getpid() not in merged
    pid_log.unlink()
    with Store.open(tmp_path / "one.db") as s:
        s.ingest(SEEDS, workers=1)
    assert _logged("read") == {os.getpid()}


def test_by_default_and_with_one_worker_everything_runs_here(pid_log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_module, "read_document", _logged_read)
    assert len(list(extract_paths(SEEDS))) == len(list(extract_paths(SEEDS, 1))) == 5
    assert {pid for pid, _ in map_paths(SEEDS, _pid_and_path)} == {os.getpid()}
    assert _logged() == {os.getpid()}
