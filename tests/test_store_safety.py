"""A store a team can trust: two writers at once, and a writer killed at any point."""

from __future__ import annotations

import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import policytrack
from policytrack import StoreError
from policytrack.errors import StoreBusyError
from policytrack.store import Store

ROOT = Path(__file__).resolve().parents[1]

QUERIES: list[tuple[str, Callable[[Any], Any]]] = [
    ("timeline", lambda q: q.timeline("上海市")),
    ("timeline-province", lambda q: q.timeline("江苏省", kinds=["first", "measurement", "target"])),
    ("firsts", lambda q: q.firsts(None)),
    ("compare", lambda q: q.compare(["广州市", "北京市", "深圳市"])),
    ("history", lambda q: q.history("专利授权量")),
]


def _synth() -> Any:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    _synth().write_corpus(folder, 24, seed=5)
    return folder


def _run(code: str, *, wait: bool = True) -> subprocess.Popen[str]:
    """Python ``code`` in a child interpreter (the store module's knobs set by the code)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if wait:
        proc.wait(timeout=300)
    return proc


def _answers(store: Store) -> list[Any]:
    return [query(store) for _, query in QUERIES]


def _integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def _split(articles: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The articles in two folders (by symbolic link), a source in each half."""
    files = sorted(articles.rglob("*.txt"))
    halves = (tmp_path / "a", tmp_path / "b")
    for i, f in enumerate(files):
        half = halves[i % 2]
        half.mkdir(exist_ok=True)
        (half / f.name).write_bytes(f.read_bytes())
    return halves


# --- two writers at once ----------------------------------------------------------------------


def test_two_ingests_at_once_lose_nothing(articles: Path, tmp_path: Path) -> None:
    """Two `policytrack ingest` processes start together on a store that does not exist yet;
    small batches make their transactions interleave."""
    a, b = _split(articles, tmp_path)
    db = tmp_path / "t.db"
    code = """
        import sys
        import policytrack.store as s
        s.BATCH = 2
        from policytrack.cli import main
        sys.exit(main(["ingest", sys.argv[1], "--db", sys.argv[2], "--summary", "--format", "json"]))
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), str(half), str(db)], env=env,
                              text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for half in (a, b)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all("Traceback" not in err for _, err in outs)
    assert _integrity(db) == "ok"
    with Store.open(db) as store:
        assert len(store) == 24
        stale = store._db.execute("SELECT count(*) FROM stale_groups").fetchone()[0]
        assert stale == 0
        # the same answers as the articles read again in the order the store holds them
        corpus = policytrack.load([Path(k) for k in store.sources()])
        assert _answers(store) == _answers(corpus)


def test_a_second_writer_waits_and_says_so_once(articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    notices: list[str] = []
    waiting = threading.Event()

    def on_wait(message: str) -> None:
        notices.append(message)
        waiting.set()

    def release() -> None:  # the other writer finishes once this one is waiting for it
        waiting.wait(timeout=120)
        holder.execute("COMMIT")

    releaser = threading.Thread(target=release)
    releaser.start()
    try:
        with Store.open(db, on_wait=on_wait, wait=300) as store:
            report = store.ingest(articles, progress=False)
    finally:
        releaser.join()
        holder.close()
    assert len(report.added) == 24
    assert notices == [f"policytrack: waiting for the store {db} (another process is writing to it)"]


def test_past_the_limit_a_writer_fails_in_one_line_and_writes_nothing(articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        proc = _run(f"""
            import sys
            from policytrack.cli import main
            sys.exit(main(["ingest", {str(articles)!r}, "--db", {str(db)!r}, "--wait", "1"]))
        """)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == 2
    assert err.strip().splitlines() == [
        f"policytrack: {db}: gave up after waiting 1 s for another process writing to the store; "
        "nothing half-written (run again to store the rest)"
    ]
    with Store.open(db) as store:
        assert len(store) == 0
    assert _integrity(db) == "ok"


def test_busy_error_is_a_store_error() -> None:
    assert issubclass(StoreBusyError, StoreError)


@pytest.mark.parametrize("wait", [-1, "soon", True])
def test_wait_must_be_seconds(tmp_path: Path, wait: Any) -> None:
    with pytest.raises(StoreError, match="wait must be a number of seconds"):
        Store.open(tmp_path / "t.db", wait=wait)


# --- a writer killed ---------------------------------------------------------------------------

#: Where the child kills itself (SIGKILL: no clean-up, no rollback): code run in the child
#: before it ingests, patching the store so that a given call is its last.
KILL_POINTS = {
    # after two batches were committed, in the middle of the third
    "mid-batch": """
        calls = 0
        real = s.Store._put
        def put(self, *a, **k):
            global calls
            calls += 1
            if calls == 7:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(self, *a, **k)
        s.Store._put = put
    """,
    # every record written, a batch committed, before the merge started
    "before-merge": """
        def refresh(self, *a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        s.Store._refresh = refresh
    """,
    # some merged chunks committed, some not
    "mid-merge": """
        s._CHUNK = 5
        s._COMMIT_CHUNKS = 2
        calls = 0
        real = s._merge_chunk
        def merge(*a, **k):
            global calls
            calls += 1
            if calls == 5:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*a, **k)
        s._merge_chunk = merge
    """,
    # a new version of an article half written: the old one retired, the new one not committed
    "mid-new-version": """
        real = s.Store._retire
        def retire(self, *a, **k):
            real(self, *a, **k)
            os.kill(os.getpid(), signal.SIGKILL)
        s.Store._retire = retire
    """,
}


@pytest.fixture(scope="module")
def uninterrupted(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    with Store.open(tmp_path_factory.mktemp("whole") / "t.db") as store:
        store.ingest(articles, progress=False)
        return _answers(store)


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_killed_writer_leaves_a_store_the_next_ingest_completes(
    point: str, articles: Path, tmp_path: Path, uninterrupted: list[Any]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(articles.rglob("*.txt")):
        (folder / f.name).write_bytes(f.read_bytes())
    db = tmp_path / "t.db"
    if point == "mid-new-version":
        # the store holds every article; one of them then changes on disk
        with Store.open(db) as store:
            store.ingest(folder, progress=False)
        changed = sorted(folder.iterdir())[3]
        original = changed.read_text(encoding="utf-8")
        changed.write_text(original + "\n\n2023年，该市新增知识产权质押融资项目12个。", encoding="utf-8")
    proc = _run(f"""
        import os, signal, sys
        import policytrack.store as s
        s.BATCH = 3
        {textwrap.indent(textwrap.dedent(KILL_POINTS[point]), " " * 8).strip()}
        with s.Store.open({str(db)!r}) as store:
            store.ingest({str(folder)!r}, progress=False)
        print("finished")
    """)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    assert _integrity(db) == "ok"
    if point == "mid-new-version":
        changed.write_text(original, encoding="utf-8")  # the next ingest finds the text it stored first
    with Store.open(db) as store:
        report = store.ingest(folder, progress=False)
        assert not report.failures
        assert len(store) == 24
        assert _answers(store) == uninterrupted
    assert _integrity(db) == "ok"


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.text = ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(("tty", "shown"), [(True, "policytrack: waiting for the store x.db\n"), (False, "")])
def test_the_notice_goes_to_a_terminal_only(monkeypatch: pytest.MonkeyPatch, tty: bool, shown: str) -> None:
    from policytrack import store as store_module

    stream = _Terminal(tty)
    monkeypatch.setattr(sys, "stderr", stream)
    store_module._notice_on_terminal("policytrack: waiting for the store x.db")
    assert stream.text == shown
