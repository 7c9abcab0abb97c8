"""Parallel extraction (same results, same order as one process) and the progress bar."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

import policytrack
from policytrack import BadArgumentError, LoadFailure
from policytrack._parallel import (
    CHUNK,
    _read_chunk,
    as_error,
    expand,
    extract_paths,
    map_paths,
    resolve_workers,
)
from policytrack._progress import Progress
from policytrack.errors import NotAnArticleError, UnreadableFileError
from policytrack.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

OTHER_REGIONS = {
    "sz.txt": "2021年，深圳市南山区落地全国首单知识产权海外侵权责任保险，保额达1.2亿元。",
    "sh.md": "---\ntitle: 浦东知识产权\ndate: 2022-03-01\n---\n截至2021年底，上海市浦东新区有效发明专利5.6万件。",
    "bj.html": "<html><body><p>2020年，北京市海淀区专利授权量同比增长12.5%。</p></body></html>",
    "cd.txt": "2019年6月，成都市成立知识产权法庭，当年审结案件3200件。",
}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Seeds, other-region articles and files that fail, interleaved in sorted order."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for name, text in OTHER_REGIONS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "001_empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "003_binary.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "zz_dangling.txt").symlink_to(folder / "missing-target.txt")
    return folder


@pytest.mark.parametrize("workers", [2, 3], ids=["2-workers", "3-workers"])
def test_parallel_equals_serial(mixed: Path, workers: int) -> None:
    serial = list(extract_paths(mixed, 1))
    parallel = list(extract_paths(mixed, workers))
    assert parallel == serial
    assert sum(isinstance(r, LoadFailure) for r in serial) == 3
    assert len(serial) > CHUNK * 2  # several chunks were in flight


def _summary(doc: policytrack.Document) -> tuple[str | None, int]:
    return doc.path, len(doc.records())


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "2-workers"])
def test_map_paths_gives_the_function_results_in_input_order(mixed: Path, workers: int) -> None:
    # (that the function runs in the worker processes: tests/test_stability.py)
    expected = [r if isinstance(r, LoadFailure) else _summary(r) for r in extract_paths(mixed, 1)]
    assert list(map_paths(mixed, _summary, workers)) == expected
    assert any(isinstance(r, tuple) and r[1] > 0 for r in expected)


def test_a_chunk_is_read_and_mapped_file_by_file(mixed: Path) -> None:
    # what a worker process runs, run here (a mutation tool sees only what runs in its process)
    files = [str(p) for p in sorted(mixed.iterdir())][:4]  # two seeds, the empty file, a third seed
    serial = list(extract_paths(files, 1))
    assert [type(r).__name__ for r in serial] == ["Document", "Document", "LoadFailure", "Document"]
    assert _read_chunk(files) == serial
    assert _read_chunk(files, _summary) == [r if isinstance(r, LoadFailure) else _summary(r) for r in serial]


def test_serial_equals_load(mixed: Path) -> None:
    corpus = policytrack.load(mixed)
    results = list(extract_paths(mixed, 1))
    assert [r for r in results if not isinstance(r, LoadFailure)] == corpus.documents
    assert [r for r in results if isinstance(r, LoadFailure)] == corpus.errors


def test_results_follow_input_order_not_finish_order(mixed: Path, tmp_path: Path) -> None:
    # a big seed first, small files after: the small ones finish first but come out last
    big = sorted(SEEDS.iterdir(), key=lambda p: p.stat().st_size)[-1]
    order = [big, *sorted(mixed.glob("*.txt"))]
    results = list(extract_paths(order, 2))
    assert Path(getattr(results[0], "path", "") or "").name == big.name
    assert results == list(extract_paths(order, 1))


def test_walk_failures_keep_their_place(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "a.txt").write_text("2021年，杭州市滨江区成立知识产权保护中心。", encoding="utf-8")
    (folder / "b").mkdir()
    (folder / "b" / "loop").symlink_to(folder)
    (folder / "c.txt").write_text("2022年，苏州工业园区知识产权运营中心揭牌。", encoding="utf-8")
    for workers in (1, 2):
        results = list(extract_paths(folder, workers))
        kinds = [type(r).__name__ for r in results]
        assert kinds == ["Document", "LoadFailure", "Document"], workers
        failure = results[1]
        assert isinstance(failure, LoadFailure) and "loop" in failure.reason


def test_expand_walks_like_load_and_dedupes(mixed: Path) -> None:
    once = [p for p in expand(mixed) if isinstance(p, Path)]
    twice = [p for p in expand([mixed, mixed, mixed / "sz.txt"]) if isinstance(p, Path)]
    assert once == twice
    assert [p.name for p in once] == sorted(p.name for p in once)


def test_missing_file_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    results = list(extract_paths([tmp_path / "nope.txt"], 2))
    assert len(results) == 1 and isinstance(results[0], LoadFailure)
    assert results[0].error == "UnreadableFileError"


def test_stopping_early_does_not_hang(mixed: Path) -> None:
    results = extract_paths(mixed, 2)
    first, second = next(results), next(results)
    results.close()  # shuts the pool down, cancelling the chunks in flight
    assert [first, second] == list(extract_paths(mixed, 1))[:2]
    names = sorted(p.name for p in mixed.iterdir())[:2]
    assert [Path(getattr(r, "path", "") or "").name for r in (first, second)] == names
    assert all(isinstance(r, policytrack.Document) for r in (first, second))
    assert next(results, "exhausted") == "exhausted"


def test_ingest_in_parallel_stores_the_same(mixed: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "one.db") as one, Store.open(tmp_path / "two.db") as two:
        r1 = one.ingest(mixed, workers=1)
        r2 = two.ingest(mixed, workers=2)
        assert r1 == r2
        assert list(one.documents()) == list(two.documents())


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, 1), (2, 2), (None, max(os.cpu_count() or 1, 1))],
    ids=["one", "two", "none-means-every-cpu"],
)
def test_workers_accepted(value: int | None, expected: int) -> None:
    assert resolve_workers(value) == expected


@pytest.mark.parametrize("value", [0, -2, 1.5, True, "2"], ids=["zero", "negative", "float", "bool", "str"])
def test_workers_refused(value: Any) -> None:
    with pytest.raises(BadArgumentError, match="workers"):
        resolve_workers(value)


@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (LoadFailure("a.txt", "empty", "NotAnArticleError"), NotAnArticleError),
        (LoadFailure("b.txt", "no such file", "UnreadableFileError"), UnreadableFileError),
        (LoadFailure("c.txt", "odd", "SomethingElse"), policytrack.LoadError),
    ],
    ids=["not-an-article", "unreadable", "unknown-class"],
)
def test_failure_back_to_error(failure: LoadFailure, cls: type[Exception]) -> None:
    err = as_error(failure)
    assert type(err) is cls
    assert str(err) == f"{failure.path}: {failure.reason}"


# --- progress bar ---------------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(10, "ingest", stream=stream) as bar:
        for _ in range(10):
            bar.update()
    assert stream.getvalue() == "" and bar.done == 10


def test_progress_draws_and_clears_on_a_terminal() -> None:
    stream = _Tty()
    with Progress(4, "ingest", stream=stream) as bar:
        for _ in range(4):
            bar.update()
    out = stream.getvalue()
    assert "ingest [" in out and "4/4" in out and "100%" in out
    assert out.endswith("\r\x1b[K")


@pytest.mark.parametrize(
    ("total", "done", "expected"),
    [(8, 2, "2/8  25%"), (None, 7, "job 7 "), (0, 0, "job 0 ")],
    ids=["known-total", "unknown-total", "zero-total"],
)
def test_progress_line(total: int | None, done: int, expected: str) -> None:
    bar = Progress(total, "job", stream=io.StringIO())
    bar.update(done)
    assert expected in bar.line()


def test_progress_survives_a_closed_stream() -> None:
    stream = _Tty()
    bar = Progress(3, stream=stream)
    stream.close()
    bar.update()
    bar.close()
    assert bar.enabled is False


def test_load_with_two_workers_equals_one(tmp_path: Path) -> None:
    """``load(..., workers=2)`` gives what ``workers=1`` gives: documents, order and errors."""
    import shutil

    import policytrack

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for p in seeds.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "empty.txt").write_bytes(b"")
    one = policytrack.load(tmp_path, workers=1)
    two = policytrack.load(tmp_path, workers=2)
    assert one.documents == two.documents and len(one.documents) == 5
    assert one.errors == two.errors and [e.path.endswith("empty.txt") for e in one.errors] == [True]


# --- what only shows in how the work is spread (found by mutation testing) --------------------


def test_one_per_cpu_even_when_the_count_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert resolve_workers(None) == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert resolve_workers(None) == 1


def test_walk_failures_name_their_error_class(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("2021年，杭州市滨江区成立知识产权保护中心。", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    failures = [r for r in expand(tmp_path) if isinstance(r, LoadFailure)]
    assert [(Path(f.path).name, f.error) for f in failures] == [("loop", "UnreadableFileError")]


def test_failures_given_pass_through_and_the_rest_is_walked(tmp_path: Path) -> None:
    given = LoadFailure("gone.txt", "no such file", "UnreadableFileError")
    (tmp_path / "a.txt").write_text("2021年，杭州市滨江区成立知识产权保护中心。", encoding="utf-8")
    assert list(expand([given, tmp_path / "a.txt"])) == [given, tmp_path / "a.txt"]


def test_chunks_hold_chunk_size_items() -> None:
    from policytrack._parallel import _chunks

    assert [len(c) for c in _chunks(iter(range(9)), 4)] == [4, 4, 1]
    assert list(_chunks(iter([]), 4)) == []


def test_map_paths_around_walk_failures_applies_the_function_in_workers(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "a.txt").write_text("2021年，杭州市滨江区成立知识产权保护中心。", encoding="utf-8")
    (folder / "b").mkdir()
    (folder / "b" / "loop").symlink_to(folder)
    (folder / "c.txt").write_text("2022年，苏州工业园区知识产权运营中心揭牌。", encoding="utf-8")
    serial = list(map_paths(folder, _summary, 1))
    assert [type(r).__name__ for r in serial] == ["tuple", "LoadFailure", "tuple"]
    assert list(map_paths(folder, _summary, 2)) == serial


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """More files than the chunks allowed in flight at once (CHUNK * workers * _AHEAD)."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:03d}.txt").write_text(f"{2000 + i % 20}年，杭州市设立知识产权保护中心{i}号。", encoding="utf-8")
    return folder


def test_at_most_a_few_chunks_per_worker_are_in_flight(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory stays flat: a chunk is submitted only when fewer than ``workers * _AHEAD``
    chunks wait to be yielded; the pool has as many processes as asked."""
    from concurrent.futures import ProcessPoolExecutor

    import policytrack._parallel as parallel

    consumed = [0]
    in_flight: list[int] = []
    sizes: list[int | None] = []

    class Counting(ProcessPoolExecutor):
        def __init__(self, max_workers: int | None = None) -> None:
            sizes.append(max_workers)
            super().__init__(max_workers=max_workers)

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            in_flight.append(len(in_flight) + 1 - consumed[0] // CHUNK)
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counting)
    results = []
    for result in map_paths(many, _summary, 3):
        results.append(result)
        consumed[0] += 1
    assert results == list(map_paths(many, _summary, 1))
    assert sizes == [3]
    assert max(in_flight) == 3 * parallel._AHEAD + 1  # one more is submitted, then the oldest yielded


def test_the_pool_is_gone_when_the_iteration_stops(many: Path) -> None:
    import multiprocessing

    before = set(multiprocessing.active_children())  # (another test's processes, if any, stay)
    results = map_paths(many, _summary, 2)
    next(results)
    assert set(multiprocessing.active_children()) - before  # the pool's workers
    results.close()
    assert set(multiprocessing.active_children()) <= before
    assert len(list(map_paths(many, _summary, 2))) == 60
    assert set(multiprocessing.active_children()) <= before
