"""A tracker over time: articles ingested into an embedded SQLite store, queried like a Corpus.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("2022年，广州开发区发行全国首单知识产权证券化产品。", encoding="utf-8")
>>> with Store.open(folder / "tracker.db") as store:
...     first = store.ingest(folder)
...     again = store.ingest(folder)
>>> (len(first.added), len(again.added), len(again.unchanged))
(1, 0, 1)

**Identity and versions.**  An article is identified by its source: the resolved path of
its file (or, for documents added with :meth:`Store.add`, ``Document.path`` else
``Document.id``).  Ingesting a source again adds nothing when the SHA-256 of its clean
text is unchanged; a different text becomes version *n + 1* of the same source, and only
each source's newest version is seen by the queries.  Older versions stay readable
(:meth:`Store.versions`, :meth:`Store.document`).  A file whose size and modification
time are those recorded at its last ingest is not read again (``rehash=True`` reads it
anyway).  Each version keeps when it was published and when it was ingested.

**What is stored.**  Each document is written through the library's converter
(:mod:`policytrack.convert`) as one compressed JSON object, records included (their
evidence repeats the text, so they compress together).  Each record also has an index row:
the key under which :mod:`policytrack.queries` merges it with the same thing reported
elsewhere (:func:`~policytrack.queries.record_keys`) and what merging needs of it
(:class:`~policytrack.queries.MergeItem`).  The merged entities themselves are stored too,
each with the columns the queries filter on (family, regions, scope, metric, date span).
During a parallel ingest the worker that extracted a document also prepares these rows.

**Merging at ingest.**  A merge key whose current records change (new articles, new versions
replacing old ones) is marked stale; at the end of each :meth:`Store.ingest` and
:meth:`Store.add` every stale key is merged again from all its current records, in corpus
order, by :func:`policytrack.queries.merge_group`, the very function a Corpus uses.  An
entity is therefore always merged from all of its evidence.  (If an ingest is interrupted
after writing records, the next query finishes the merge first.)

**Queries.**  :meth:`Store.timeline`, :meth:`Store.firsts`, :meth:`Store.compare` and
:meth:`Store.history` are the :class:`~policytrack.corpus.Queries` methods a
:class:`~policytrack.Corpus` has: same arguments, same result objects.  Each reads through
the indexes only the stored entities that could appear in the answer (one statement per
:func:`policytrack.queries.selections` entry) and filters them as a Corpus filters all of
its entities, so the answer is the one a Corpus of the same articles gives, in time that
grows with the answer rather than with the store.  Decoded entities stay in memory between
queries until the store changes.

**Several writers, and crashes.**  Every write is a transaction that holds SQLite's write lock
(``BEGIN IMMEDIATE``) and stores whole articles: an ingest extracts a batch of articles first,
then writes it, so a second writer waits only while a batch is written (once, it says so; past
``wait`` seconds it raises :class:`~policytrack.errors.StoreBusyError`).  A merge that another
writer interrupts between two of its commits starts again.  A writer killed at any point leaves
the last committed state, which the next ingest or query completes.

**Corrections.**  :meth:`Store.correct` keeps a person's correction of a merged entity
(:mod:`policytrack.corrections`); it is applied where entities are merged, before they are
written with their index rows, so every query and every index sees the corrected values.  A
rejected entity's row is kept under the family ``rejected``, which no query selects.  After any
merge, each correction is found again (by the entity's id, else by its evidence) or reported
orphaned (:meth:`Store.corrections`).

**Schema.**  ``PRAGMA application_id`` marks a policytrack store and ``PRAGMA user_version``
holds the schema version (also in the ``meta`` table).  A store written by a newer
policytrack (or by an earlier development version, schema 1), or a file that is not a store,
is refused with :class:`StoreError`; a schema-2 store is brought up to date when opened
(schema 3 added corrections).  Region names and metric keys are indexed with the library's
default gazetteer and metric catalog.  The file is in SQLite's write-ahead-log
mode, so readers (other processes, the merge workers) never wait for a writer.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
import os
import sqlite3
import sys
import time
import zlib
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import attrs

from . import queries
from ._parallel import AUTO_MIN_FILES, Expanded, auto_workers, expand, map_paths, resolve_workers
from ._progress import Progress
from ._store_codec import (
    DateCache,
    compact_json,
    decode_entity,
    decode_item,
    decode_key,
    encode_entity,
    encode_item,
    encode_key,
    entity_family,
)
from .convert import structure, unstructure
from .corpus import Corpus, LoadFailure, Queries
from .corrections import Correction, apply_changes, check_changes, metric_key
from .errors import BadArgumentError, StoreBusyError, StoreError
from .models import (
    Document,
    PartialDate,
)
from .queries import MergeItem, Resolved

__all__ = ["SCHEMA_VERSION", "WAIT", "IngestReport", "ReextractReport", "Store", "Version"]

#: The schema this version of policytrack writes and reads.
SCHEMA_VERSION = 3
#: ``PRAGMA application_id`` of a policytrack store ("PTRK").
APPLICATION_ID = 0x5054524B
#: Documents written per transaction while ingesting.
BATCH = 256

T = TypeVar("T")
Clock = Callable[[], dt.datetime]

#: What schema 3 added to schema 2 (an older store is brought up to date when opened).
_V3 = (
    "CREATE INDEX entities_uid ON entities (uid)",
    "CREATE INDEX documents_doc ON documents (doc_id)",
    """CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    target TEXT NOT NULL,
    family TEXT NOT NULL,
    anchors TEXT NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL,
    note TEXT,
    made TEXT NOT NULL,
    undone TEXT,
    entity INTEGER
)""",
)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    size INTEGER,
    mtime_ns INTEGER,
    current INTEGER
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source INTEGER NOT NULL REFERENCES sources(id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    title TEXT,
    published TEXT,
    region TEXT,
    ingested TEXT NOT NULL,
    data BLOB NOT NULL,
    UNIQUE (source, version)
);
CREATE INDEX documents_hash ON documents (content_hash);
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    current INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    family TEXT NOT NULL,
    grp TEXT NOT NULL,
    region TEXT,
    date TEXT,
    item TEXT NOT NULL
);
CREATE INDEX records_group ON records (grp) WHERE current = 1;
CREATE INDEX records_document ON records (document);
CREATE TABLE merge_keys (grp TEXT PRIMARY KEY, key TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE stale_groups (grp TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    grp TEXT NOT NULL,
    family TEXT NOT NULL,
    scope TEXT,
    metric TEXT,
    date_first TEXT,
    date_last TEXT,
    data BLOB NOT NULL,
    uid TEXT
);
CREATE INDEX entities_group ON entities (grp);
CREATE INDEX entities_family ON entities (family, metric);
CREATE TABLE entity_regions (
    region TEXT NOT NULL,
    family TEXT NOT NULL,
    entity INTEGER NOT NULL,
    PRIMARY KEY (region, family, entity)
) WITHOUT ROWID;
CREATE INDEX entity_regions_entity ON entity_regions (entity);
CREATE TABLE regions (name TEXT PRIMARY KEY) WITHOUT ROWID;
""" + "".join(f"{statement};" for statement in _V3)

#: values bound per SQL statement when selecting by lists of keys
_CHUNK = 500
#: chunks of stale groups merged per transaction (see ``Store._refresh``)
_COMMIT_CHUNKS = 20
#: decoded entities a Store keeps in memory between queries (see ``Store._entities``)
_CACHED = 200_000
#: seconds a writer waits for another one by default (see ``Store.open``)
WAIT = 600.0
#: seconds a writer waits before it tells the user it is waiting
_POLL = 0.5


#: the family of a rejected entity's row: no query selects it
_REJECTED = "rejected"


def _same_family(made: str, now: str) -> bool:
    """Whether an entity of family ``now`` may be the one a correction made on ``made`` was."""
    values = ("measurement", "target")
    return made == now or (made in values and now in values)


def _is_busy(err: sqlite3.Error) -> bool:
    text = str(err).lower()
    return "locked" in text or "busy" in text


def _notice_on_terminal(message: str) -> None:
    """Print a notice on standard error when it is a terminal (a log or a notebook stays quiet)."""
    stream = sys.stderr
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        print(message, file=stream, flush=True)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@attrs.frozen
class Version:
    """One stored version of a source."""

    source: str
    version: int
    document_id: str
    content_hash: str
    published: PartialDate | None
    ingested: dt.datetime
    current: bool


@attrs.frozen
class IngestReport:
    """What an ingest did, source by source (paths as given; failures with their reason)."""

    added: tuple[str, ...] = ()
    new_versions: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failures: tuple[LoadFailure, ...] = ()

    @property
    def changed(self) -> bool:
        """True when something was written."""
        return bool(self.added or self.new_versions)

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "new_versions": len(self.new_versions),
            "unchanged": len(self.unchanged),
            "failures": len(self.failures),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One row a source: ``path``, ``status`` (added, new_version, unchanged, failed), ``reason``."""
        rows: list[dict[str, Any]] = []
        for status, paths in (("added", self.added), ("new_version", self.new_versions),
                              ("unchanged", self.unchanged)):
            rows.extend({"path": p, "status": status, "reason": None} for p in paths)
        rows.extend({"path": f.path, "status": "failed", "reason": f.reason} for f in self.failures)
        return rows

    def __str__(self) -> str:
        c = self.counts()
        return (f"{c['added']} added, {c['new_versions']} new versions, {c['unchanged']} unchanged, "
                f"{c['failures']} failed")


@attrs.frozen
class ReextractReport:
    """What :meth:`Store.reextract` did: sources whose records changed, those left as they were,
    and those whose extraction failed (their stored records stay)."""

    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failures: tuple[LoadFailure, ...] = ()

    def counts(self) -> dict[str, int]:
        return {"changed": len(self.changed), "unchanged": len(self.unchanged), "failures": len(self.failures)}

    def __str__(self) -> str:
        c = self.counts()
        return f"{c['changed']} re-extracted with other records, {c['unchanged']} unchanged, {c['failures']} failed"


@attrs.define
class _Builder:
    """Accumulates an ingest's outcome."""

    added: list[str] = attrs.field(factory=list)
    new_versions: list[str] = attrs.field(factory=list)
    unchanged: list[str] = attrs.field(factory=list)
    failures: list[LoadFailure] = attrs.field(factory=list)

    def report(self) -> IngestReport:
        return IngestReport(tuple(self.added), tuple(self.new_versions), tuple(self.unchanged),
                            tuple(self.failures))


def content_hash(doc: Document) -> str:
    """SHA-256 (hex) of a document's clean text: what decides whether an article changed."""
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def _group(*parts: object) -> str:
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@attrs.frozen
class _Prepared:
    """What the store writes of one document, computed where it was extracted (a worker
    process, during a parallel ingest), so that the writing process only writes."""

    path: str | None
    doc_id: str
    title: str | None
    published: str | None
    region: str | None
    digest: str
    blob: bytes
    #: (family, group, merge key, region, date, merge item) of each record, in export order
    rows: tuple[tuple[str, str, str, str | None, str | None, str], ...]


def _prepare(doc: Document) -> _Prepared:
    """A document's :class:`_Prepared` form: its compressed converter JSON, and the merge key
    (:func:`policytrack.queries.record_keys`, default gazetteer and catalog) and merge item
    (:func:`policytrack.queries.merge_item`) of each record."""
    rows = tuple(
        (rk.family, _group(*rk.key), encode_key(rk.key), rk.region, None if rk.date is None else str(rk.date),
         encode_item(queries.merge_item(rk, doc)))
        for rk in queries.record_keys(doc)
    )
    return _Prepared(doc.path, doc.id, doc.title, str(doc.published) if doc.published else None, doc.region,
                     content_hash(doc), zlib.compress(compact_json(unstructure(doc)).encode("utf-8"), 3), rows)


class Store(Queries):
    """An embedded SQLite store of ingested articles; see the module docstring.

    Open one with :meth:`Store.open`; use it as a context manager or call :meth:`close`.
    """

    def __init__(self, connection: sqlite3.Connection, path: str, *, clock: Clock | None = None,
                 wait: float = WAIT, on_wait: Callable[[str], None] | None = None) -> None:
        self._db = connection
        self.path = path
        self._clock = clock or _utc_now
        self._names: list[str] | None = None
        self._cache: dict[int, queries.Entity] = {}
        self._seen_version: int | None = None
        self.wait = wait
        self._on_wait = on_wait if on_wait is not None else _notice_on_terminal
        self._waited = False

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Clock | None = None, wait: float = WAIT,
             on_wait: Callable[[str], None] | None = None) -> Store:
        """Open the store at ``path``, creating it when the file is missing or empty.

        ``clock`` gives the ingest timestamps (timezone-aware UTC ``datetime``; the
        default reads the system clock).  Raises :class:`StoreError` when the file is not
        a policytrack store or was written by a newer policytrack.

        Several processes may write to one store: a writer waits for the one holding the
        store (calling ``on_wait`` with a one-line notice the first time it waits; by
        default the notice goes to standard error when that is a terminal) for up to
        ``wait`` seconds per transaction, then raises :class:`~policytrack.errors.StoreBusyError`
        with nothing half-written (each transaction stores whole articles).
        """
        where = os.fspath(path)
        p = Path(where)
        if p.is_dir():
            raise StoreError(f"{where}: is a directory, not a store file")
        if isinstance(wait, bool) or not isinstance(wait, int | float) or wait < 0:
            raise StoreError(f"{where}: wait must be a number of seconds >= 0, got {wait!r}")
        try:
            db = sqlite3.connect(where, isolation_level=None, timeout=_POLL)
        except sqlite3.Error as err:
            raise StoreError(f"{where}: cannot open the store ({err})") from None
        store = cls(db, where, clock=clock, wait=wait, on_wait=on_wait)
        try:
            store._check_or_create()
            # in WAL mode a crash loses at most the last transactions, never the store
            db.execute("PRAGMA synchronous = NORMAL")
            # index pages of a large store stay in memory while ingesting (64 MiB, not 2 MiB)
            db.execute("PRAGMA cache_size = -65536")
        except BaseException:
            db.close()
            raise
        return store

    def _check_or_create(self) -> None:
        db, where = self._db, self.path
        found: list[int] = []

        def read() -> None:  # another process creating the store may hold it for a moment
            found[:] = [db.execute(sql).fetchone()[0] for sql in (
                "PRAGMA application_id", "PRAGMA user_version", "SELECT count(*) FROM sqlite_master")]

        try:
            self._locked(read)
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{where}: not a policytrack store (not an SQLite database: {err})") from None
        app_id, version, tables = found
        if app_id == 0 and tables == 0:
            # readers (the merge workers of a parallel ingest, queries) never wait for a writer
            self._locked(lambda: db.execute("PRAGMA journal_mode = WAL"))
            self._begin()
            # another process may have created it while this one waited
            if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.executemany("INSERT INTO meta VALUES (?, ?)", [
                    ("application", "policytrack"), ("schema_version", str(SCHEMA_VERSION)),
                ])
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
            return
        if app_id != APPLICATION_ID:
            raise StoreError(f"{where}: not a policytrack store (an SQLite database of another application)")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{where}: store schema version {version} is newer than this policytrack supports "
                f"({SCHEMA_VERSION}); upgrade policytrack to open it"
            )
        if version < 1:
            raise StoreError(f"{where}: damaged policytrack store (no schema version)")
        if version == 2:
            self._upgrade_from_2()
            return
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{where}: store schema version {version} was written by an earlier development version of "
                f"policytrack; ingest the articles again into a new store"
            )

    def _upgrade_from_2(self) -> None:
        """Schema 2 -> 3: entities gain their printed id (every entity is merged again at the
        next query to fill it in), and the store gains corrections."""
        db = self._db
        self._begin()
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] == 2:  # not done meanwhile by another process
                db.execute("ALTER TABLE entities ADD COLUMN uid TEXT")
                for statement in _V3:
                    db.execute(statement)
                db.execute("INSERT OR IGNORE INTO stale_groups SELECT grp FROM merge_keys")
                db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    # -- the write lock ------------------------------------------------------------------
    def _begin(self) -> None:
        """Start a write transaction, holding the store's write lock (``BEGIN IMMEDIATE``).

        When another process holds it: tell ``on_wait`` once, then wait up to :attr:`wait`
        seconds; past that raise :class:`~policytrack.errors.StoreBusyError`."""
        self._locked(lambda: self._db.execute("BEGIN IMMEDIATE"))

    def _locked(self, statement: Callable[[], object]) -> None:
        try:
            statement()
            return
        except sqlite3.OperationalError as err:
            if not _is_busy(err):
                raise
        if not self._waited:
            self._waited = True
            self._on_wait(f"policytrack: waiting for the store {self.path} (another process is writing to it)")
        deadline = time.monotonic() + self.wait
        while True:
            left = deadline - time.monotonic()
            self._db.execute(f"PRAGMA busy_timeout = {max(int(left * 1000), 0)}")
            try:
                statement()
                return
            except sqlite3.OperationalError as err:
                if not _is_busy(err):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusyError(
                        f"{self.path}: gave up after waiting {self.wait:g} s for another process writing to "
                        "the store; nothing half-written (run again to store the rest)") from None
            finally:
                self._db.execute(f"PRAGMA busy_timeout = {int(_POLL * 1000)}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def __len__(self) -> int:
        """The number of sources (each counted once, whatever its versions)."""
        return int(self._db.execute("SELECT count(*) FROM sources WHERE current IS NOT NULL").fetchone()[0])

    # -- writing -------------------------------------------------------------------------
    def ingest(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        workers: int | None = 1,
        rehash: bool = False,
        progress: bool | None = None,
    ) -> IngestReport:
        """Read, extract and store the article files under ``paths`` (files and folders).

        ``workers`` processes extract in parallel (same result as one; ``None``: one per CPU
        when there are enough files to gain from it, else one).  A file whose size
        and modification time match its last ingest is counted unchanged without being
        read, unless ``rehash``.  ``progress`` draws a bar on standard error (default: only
        when it is a terminal).  Files that fail are reported, never stop the others.
        """
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        out = _Builder()
        # (source key, size, mtime) of the files on their way to extraction, by path
        stats: dict[str, tuple[str, int | None, int | None]] = {}

        def to_read() -> Iterator[Path | LoadFailure]:
            """The files to read, as the folders are walked (memory stays flat: no list of every
            file); walk failures pass through in place, unchanged files are counted."""
            for target in expand([os.fspath(p) for p in paths]):
                if isinstance(target, LoadFailure):
                    yield target
                    continue
                key, size, mtime = _source_stat(target)
                if not rehash and size is not None and self._stat_matches(key, size, mtime):
                    out.unchanged.append(str(target))
                    continue
                stats[str(target)] = (key, size, mtime)
                yield target

        files = to_read()
        head = list(itertools.islice(files, AUTO_MIN_FILES))
        n = auto_workers(len(head)) if workers is None else resolve_workers(workers)

        def put(result: _Prepared | LoadFailure) -> None:
            if isinstance(result, LoadFailure):
                out.failures.append(result)
            else:
                key, size, mtime = stats.pop(str(result.path))
                self._put(result, key, size, mtime, out)

        def extracted(bar: Progress) -> Iterator[_Prepared | LoadFailure]:
            for result in map_paths(Expanded(itertools.chain(head, files)), _prepare, n):
                bar.update()
                yield result

        with Progress(None, "ingest", enabled=progress) as bar:
            self._batched(extracted(bar), put)
        self._refresh(n, progress)
        return out.report()

    def add(self, documents: Iterable[Document]) -> IngestReport:
        """Store documents already extracted (read back from an export, or from
        :mod:`policytrack.dask`): each identified by its ``path``, else its ``id``."""
        out = _Builder()

        def prepared() -> Iterator[tuple[_Prepared, str]]:
            for doc in documents:
                if not isinstance(doc, Document):
                    raise StoreError(f"{self.path}: add() takes Documents, got {type(doc).__name__}")
                yield _prepare(doc), doc.path or doc.id

        def put(item: tuple[_Prepared, str]) -> None:
            self._put(item[0], item[1], None, None, out)

        self._batched(prepared(), put)
        self._refresh()
        return out.report()

    def _batched(self, items: Iterable[T], put: Callable[[T], None]) -> None:
        """``put`` items :data:`BATCH` at a time, each batch in one transaction.

        Items are gathered (extracted, in an ingest) before the write lock is taken, so another
        writer waits only while a batch is written; a batch that fails is rolled back whole."""
        batch: list[T] = []
        for item in items:
            batch.append(item)
            if len(batch) >= BATCH:
                self._write(batch, put)
                batch = []
        if batch:
            self._write(batch, put)

    def _write(self, batch: list[T], put: Callable[[T], None]) -> None:
        self._begin()
        try:
            for item in batch:
                put(item)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _stat_matches(self, key: str, size: int, mtime: int | None) -> bool:
        row = self._db.execute(
            "SELECT size, mtime_ns FROM sources WHERE key = ? AND current IS NOT NULL", (key,)
        ).fetchone()
        return row is not None and row[0] == size and row[1] == mtime

    def _put(self, doc: _Prepared, key: str, size: int | None, mtime: int | None, out: _Builder) -> None:
        db = self._db
        shown = doc.path or key
        digest = doc.digest
        row = db.execute("SELECT id, current FROM sources WHERE key = ?", (key,)).fetchone()
        if row is None:
            source = db.execute("INSERT INTO sources (key, size, mtime_ns) VALUES (?, ?, ?)",
                                (key, size, mtime)).lastrowid
            assert source is not None
            version, previous = 1, None
        else:
            source, previous = int(row[0]), row[1]
            old = db.execute("SELECT version, content_hash FROM documents WHERE id = ?",
                             (previous,)).fetchone()
            if old is not None and old[1] == digest:
                db.execute("UPDATE sources SET size = ?, mtime_ns = ? WHERE id = ?", (size, mtime, source))
                out.unchanged.append(shown)
                return
            # after a removal the source has no current version: number on from its last one
            version = int(db.execute("SELECT coalesce(max(version), 0) FROM documents WHERE source = ?",
                                     (source,)).fetchone()[0]) + 1
        ingested = self._clock()
        if ingested.tzinfo is None:
            raise StoreError(f"{self.path}: the clock must give timezone-aware datetimes")
        doc_row = db.execute(
            "INSERT INTO documents (source, version, content_hash, doc_id, title, published, region,"
            " ingested, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, version, digest, doc.doc_id, doc.title, doc.published, doc.region, ingested.isoformat(),
             doc.blob),
        ).lastrowid
        if previous is not None:
            self._retire(previous)
        assert doc_row is not None
        self._put_records(doc_row, doc)
        db.execute("UPDATE sources SET current = ?, size = ?, mtime_ns = ? WHERE id = ?",
                   (doc_row, size, mtime, source))
        (out.added if version == 1 else out.new_versions).append(shown)

    def _put_records(self, doc_row: int, doc: _Prepared) -> None:
        """Index a stored version's records, and mark their merge keys stale."""
        db = self._db
        rows = []
        keys = {}
        regions = set()
        for seq, (family, grp, key, region, date, item) in enumerate(doc.rows):
            rows.append((doc_row, seq, family, grp, region, date, item))
            keys[grp] = key
            if region is not None:
                regions.add(region)
        db.executemany(
            "INSERT INTO records (document, current, seq, family, grp, region, date, item)"
            " VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.executemany("INSERT OR IGNORE INTO merge_keys VALUES (?, ?)", keys.items())
        db.executemany("INSERT OR IGNORE INTO stale_groups VALUES (?)", [(g,) for g in keys])
        db.executemany("INSERT OR IGNORE INTO regions VALUES (?)", [(r,) for r in regions])

    def _retire(self, doc_row: int) -> None:
        """Take a stored version out of the answers: its records stop being current, and their
        merge keys are marked stale so their entities are merged again without them."""
        self._db.execute("INSERT OR IGNORE INTO stale_groups SELECT grp FROM records"
                         " WHERE document = ? AND current = 1", (doc_row,))
        self._db.execute("UPDATE records SET current = 0 WHERE document = ?", (doc_row,))

    def remove(self, sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
        """Retract sources (paths, or the keys :meth:`add` used): the queries stop seeing them.

        Their versions stay readable (:meth:`versions`, :meth:`document` with ``version``);
        ingesting the file again adds it back as its next version.  Returns the keys that
        were retracted (a source already retracted is skipped).  Raises :class:`StoreError`
        naming a source the store does not know, before retracting anything.
        """
        named = [sources] if isinstance(sources, str | os.PathLike) else list(sources)
        keys = [self._key(s) for s in named]
        for given, key in zip(named, keys, strict=True):
            if self._db.execute("SELECT 1 FROM sources WHERE key = ?", (key,)).fetchone() is None:
                raise StoreError(f"{self.path}: no {os.fspath(given)} in the store")
        removed: list[str] = []
        db = self._db
        self._begin()
        try:
            for key in keys:
                source, current = db.execute("SELECT id, current FROM sources WHERE key = ?", (key,)).fetchone()
                if current is None:
                    continue
                self._retire(current)
                db.execute("UPDATE sources SET current = NULL, size = NULL, mtime_ns = NULL WHERE id = ?", (source,))
                removed.append(key)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._refresh()
        return removed

    def reextract(self, *, workers: int | None = 1, progress: bool | None = None) -> ReextractReport:
        """Extract the records of every current document again from its stored text, with the
        installed policytrack (after an upgrade), keeping every correction.

        The text and its metadata (title, source, publication date, region) stay as stored;
        only the records change.  A document whose records come out the same is left alone;
        the others are replaced in place (not as a new version: the article did not change).
        ``workers`` processes extract in parallel (``None``: one per CPU for a large store).
        """
        out: dict[str, list[str]] = {"changed": [], "unchanged": []}
        failures: list[LoadFailure] = []
        total = int(self._db.execute("SELECT count(*) FROM sources WHERE current IS NOT NULL").fetchone()[0])
        n = auto_workers(total) if workers is None else resolve_workers(workers)

        def stored() -> Iterator[tuple[int, str, bytes]]:
            last = 0
            while True:
                rows = self._db.execute(
                    "SELECT s.id, s.key, s.current, d.data FROM sources s JOIN documents d ON d.id = s.current"
                    " WHERE s.id > ? ORDER BY s.id LIMIT ?", (last, BATCH)).fetchall()
                if not rows:
                    return
                for _source, key, current, blob in rows:
                    yield current, key, blob
                last = rows[-1][0]

        def extracted(bar: Progress) -> Iterator[_Redone]:
            pool: ProcessPoolExecutor | None = None
            if n == 1:
                results: Iterator[_Redone] = (_reextract(item) for item in stored())
            else:
                pool = ProcessPoolExecutor(max_workers=n)
                results = _map_ordered(pool, _reextract_chunk, stored(), n)
            try:
                for result in results:
                    bar.update()
                    yield result
            finally:
                if pool is not None:
                    pool.shutdown(wait=True, cancel_futures=True)

        def put(item: _Redone) -> None:
            row, key, result = item
            if isinstance(result, LoadFailure):
                failures.append(result)
            elif self._replace_records(row, result):
                out["changed"].append(key)
            else:
                out["unchanged"].append(key)

        with Progress(total, "reextract", enabled=progress) as bar:
            self._batched(extracted(bar), put)
        self._refresh(n, progress)
        return ReextractReport(tuple(out["changed"]), tuple(out["unchanged"]), tuple(failures))

    def _replace_records(self, doc_row: int, doc: _Prepared) -> bool:
        """Put re-extracted records in place of a stored version's; False when they are the same."""
        db = self._db
        row = db.execute("SELECT data FROM documents WHERE id = ?", (doc_row,)).fetchone()
        if row is None or row[0] == doc.blob:
            return False
        current = db.execute("SELECT 1 FROM sources WHERE current = ?", (doc_row,)).fetchone() is not None
        if not current:  # retracted meanwhile by another process
            return False
        self._retire(doc_row)
        db.execute("DELETE FROM records WHERE document = ?", (doc_row,))
        db.execute("UPDATE documents SET data = ?, region = ?, title = ?, published = ? WHERE id = ?",
                   (doc.blob, doc.region, doc.title, doc.published, doc_row))
        self._put_records(doc_row, doc)
        return True

    # -- corrections ---------------------------------------------------------------------
    def correct(
        self,
        id: str,
        *,
        reject: bool = False,
        changes: Mapping[str, str] | None = None,
        note: str | None = None,
        undo: bool = False,
    ) -> Correction:
        """Correct the entity the queries print as ``id``: ``reject=True`` marks it wrong (the
        queries stop answering with it); ``changes`` (``{"region": "天河区", "date": "2021"}``;
        fields in :data:`policytrack.corrections.FIELDS`) fixes fields; ``undo=True`` takes back
        the latest correction of ``id``.  ``note`` says why.  Returns the correction as
        :meth:`corrections` lists it.

        Raises :class:`StoreError` when no entity answers as ``id`` and
        :class:`~policytrack.errors.BadArgumentError` for a field or value the entity cannot take.
        """
        if undo:
            if reject or changes:
                raise BadArgumentError("undo takes a correction back: give it alone (no reject, no changes)")
            return self._undo(id)
        if reject == bool(changes):
            raise BadArgumentError("a correction either rejects the record or sets fields (FIELD=VALUE), not "
                                   + ("both" if reject else "neither"))
        self._refresh()
        db = self._db
        row = db.execute("SELECT id, grp, family, data FROM entities WHERE uid = ? ORDER BY id LIMIT 1",
                         (id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no record {id} in the store (use an id the query commands print)")
        if row[2] == _REJECTED:
            raise StoreError(f"{self.path}: {id} is rejected; undo that correction before correcting it again")
        entity = decode_entity(row[3])
        checked = {} if reject else check_changes(entity, changes or {})
        made = self._clock()
        if made.tzinfo is None:
            raise StoreError(f"{self.path}: the clock must give timezone-aware datetimes")
        anchors = sorted({(key, s.sentence) for s in entity.sources for (key,) in db.execute(
            "SELECT s.key FROM sources s JOIN documents d ON d.id = s.current WHERE d.doc_id = ?", (s.document,))})
        self._begin()
        try:
            number = db.execute(
                "INSERT INTO corrections (target, family, anchors, action, changes, note, made)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (id, entity_family(entity), compact_json(anchors), "reject" if reject else "set", compact_json(checked),
                 note, made.isoformat()),
            ).lastrowid
            db.execute("INSERT OR IGNORE INTO stale_groups VALUES (?)", (row[1],))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._refresh()
        return next(c for c in self.corrections() if c.number == number)

    def _undo(self, id: str) -> Correction:
        db = self._db
        self._refresh()
        found = db.execute(
            "SELECT c.id, e.grp FROM corrections c LEFT JOIN entities e ON e.id = c.entity"
            " WHERE c.undone IS NULL AND (c.target = ? OR e.uid = ?) ORDER BY c.id DESC LIMIT 1", (id, id)
        ).fetchone()
        if found is None:
            raise StoreError(f"{self.path}: no correction of {id} to undo")
        number, grp = found
        self._begin()
        try:
            db.execute("UPDATE corrections SET undone = ?, entity = NULL WHERE id = ?", (self._clock().isoformat(), number))
            if grp is not None:  # merged again without it
                db.execute("INSERT OR IGNORE INTO stale_groups VALUES (?)", (grp,))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._refresh()
        return next(c for c in self.corrections() if c.number == number)

    def corrections(self) -> list[Correction]:
        """Every correction made in this store, oldest first, undone ones included (see
        :class:`~policytrack.corrections.Correction` for its status)."""
        self._refresh()
        out = []
        for number, target, family, action, changes, note, made, undone, uid in self._db.execute(
            "SELECT c.id, c.target, c.family, c.action, c.changes, c.note, c.made, c.undone, e.uid"
            " FROM corrections c LEFT JOIN entities e ON e.id = c.entity ORDER BY c.id"
        ):
            status = "undone" if undone else "orphaned" if uid is None else "applied"
            out.append(Correction(number, target, family, action, json.loads(changes), note,
                                  dt.datetime.fromisoformat(made), status, uid,
                                  dt.datetime.fromisoformat(undone) if undone else None))
        return out

    def _correct_pending(self) -> None:
        """Apply every correction not applied to a current entity (new ones, and those whose
        entity was merged again), in the order they were made; inside a write transaction.
        One whose fact is not found stays pending: orphaned."""
        db = self._db
        pending = db.execute(
            "SELECT c.id, c.target, c.family, c.anchors, c.action, c.changes FROM corrections c"
            " WHERE c.undone IS NULL AND (c.entity IS NULL OR NOT EXISTS"
            " (SELECT 1 FROM entities e WHERE e.id = c.entity)) ORDER BY c.id"
        ).fetchall()
        for number, target, family, anchors, action, changes in pending:
            found = self._find_entity(target, family, json.loads(anchors))
            if found is None:
                db.execute("UPDATE corrections SET entity = NULL WHERE id = ?", (number,))
                continue
            row, current_family, entity = found
            if action == "reject":
                db.execute("UPDATE entities SET family = ? WHERE id = ?", (_REJECTED, row))
                db.execute("UPDATE entity_regions SET family = ? WHERE entity = ?", (_REJECTED, row))
            else:
                self._rewrite(row, current_family, apply_changes(entity, json.loads(changes)))
            db.execute("UPDATE corrections SET entity = ? WHERE id = ?", (row, number))

    def _find_entity(self, target: str, family: str,
                     anchors: list[list[str]]) -> tuple[int, str, queries.Entity] | None:
        """The entity row a correction applies to: the one printed as ``target``, else (after
        re-extraction changed its id) the entity of the same family stated by most of the
        sentences the corrected one was (source key and sentence text)."""
        db = self._db
        row = db.execute("SELECT id, family, data FROM entities WHERE uid = ? ORDER BY id LIMIT 1",
                         (target,)).fetchone()
        if row is not None:
            return int(row[0]), str(row[1]), decode_entity(row[2])
        wanted = {(key, sentence) for key, sentence in anchors}
        keys = sorted({key for key, _ in wanted})
        groups: set[str] = set()
        evidence: set[tuple[str, str]] = set()
        for start in range(0, len(keys), _CHUNK):
            part = keys[start: start + _CHUNK]
            for key, doc_id, grp, item in db.execute(
                "SELECT s.key, d.doc_id, r.grp, r.item FROM sources s JOIN documents d ON d.id = s.current"
                f" JOIN records r ON r.document = d.id WHERE r.current = 1 AND {self._in('s.key', part)}", part
            ):
                sentence = json.loads(item)[7]
                if (key, sentence) in wanted:
                    groups.add(grp)
                    evidence.add((doc_id, sentence))
        best: tuple[int, int, str, queries.Entity] | None = None
        for grp in sorted(groups):
            for rid, fam, data in db.execute("SELECT id, family, data FROM entities WHERE grp = ? ORDER BY id",
                                             (grp,)):
                if fam == _REJECTED or not _same_family(family, fam):
                    continue
                entity = decode_entity(data)
                score = sum((s.document, s.sentence) in evidence for s in entity.sources)
                if score and (best is None or score > best[0]):
                    best = (score, int(rid), str(fam), entity)
        return None if best is None else best[1:]

    def _rewrite(self, row: int, family: str, entity: queries.Entity) -> None:
        """Write a corrected entity over its row, and file it under its (corrected) regions."""
        metric = metric_key(entity) if isinstance(entity, queries.Measurement) else None
        (fam, scope, metric, first, last, data, _uid), named = _index_row(entity, metric)
        if family == _REJECTED:
            fam = _REJECTED
        db = self._db
        db.execute("UPDATE entities SET family = ?, scope = ?, metric = ?, date_first = ?, date_last = ?, data = ?"
                   " WHERE id = ?", (fam, scope, metric, first, last, data, row))
        db.execute("DELETE FROM entity_regions WHERE entity = ?", (row,))
        db.executemany("INSERT INTO entity_regions VALUES (?, ?, ?)", [(p, fam, row) for p in named])
        db.executemany("INSERT OR IGNORE INTO regions VALUES (?)", [(p,) for p in named])

    # -- reading -------------------------------------------------------------------------
    @staticmethod
    def _full(blob: bytes) -> Document:
        return structure(json.loads(zlib.decompress(blob)), Document)

    def documents(self) -> Iterator[Document]:
        """The newest version of every source, in the order sources were first ingested."""
        # one source at a time, so that memory stays flat whatever the size of the store
        last = 0
        while True:
            row = self._db.execute(
                "SELECT s.id, d.data FROM sources s JOIN documents d ON d.id = s.current WHERE s.id > ?"
                " ORDER BY s.id LIMIT 1", (last,)
            ).fetchone()
            if row is None:
                return
            last, blob = row
            yield self._full(blob)

    def corpus(self) -> Corpus:
        """Every current document in memory, as a :class:`~policytrack.Corpus`."""
        return Corpus(list(self.documents()))

    def sources(self) -> list[str]:
        """The source keys, in the order they were first ingested."""
        return [r[0] for r in self._db.execute("SELECT key FROM sources ORDER BY id")]

    def versions(self, source: str | os.PathLike[str]) -> list[Version]:
        """Every stored version of a source (its path, or the key :meth:`add` used), oldest first."""
        key = self._key(source)
        rows = self._db.execute(
            "SELECT s.key, d.version, d.doc_id, d.content_hash, d.published, d.ingested, d.id = s.current"
            " FROM documents d JOIN sources s ON s.id = d.source WHERE s.key = ? ORDER BY d.version",
            (key,),
        ).fetchall()
        return [
            Version(k, int(v), i, h, PartialDate.parse(p) if p else None, dt.datetime.fromisoformat(t), bool(c))
            for k, v, i, h, p, t, c in rows
        ]

    def document(self, source: str | os.PathLike[str], version: int | None = None) -> Document:
        """A source's document: its newest version, or ``version``."""
        key = self._key(source)
        if version is None:
            row = self._db.execute(
                "SELECT d.id, d.data FROM sources s JOIN documents d ON d.id = s.current WHERE s.key = ?",
                (key,),
            ).fetchone()
        else:
            row = self._db.execute(
                "SELECT d.id, d.data FROM sources s JOIN documents d ON d.source = s.id"
                " WHERE s.key = ? AND d.version = ?",
                (key, version),
            ).fetchone()
        if row is None:
            what = f"version {version} of " if version is not None else ""
            raise StoreError(f"{self.path}: no {what}{os.fspath(source)} in the store")
        return self._full(row[1])

    def _key(self, source: str | os.PathLike[str]) -> str:
        text = os.fspath(source)
        if self._db.execute("SELECT 1 FROM sources WHERE key = ?", (text,)).fetchone():
            return text
        return str(Path(text).resolve())

    # -- merged entities -----------------------------------------------------------------
    def _refresh(self, workers: int = 1, progress: bool | None = False) -> None:
        """Merge again the entities of every stale group (a merge key whose current records changed).

        Runs at the end of each ingest and add, and before a query if an earlier ingest was
        interrupted.  Each group is merged from all its current records in corpus order
        (sources in the order first ingested, records in export order) by
        :func:`policytrack.queries.merge_group`, exactly as a Corpus of the same articles does.
        With ``workers`` > 1 (and a store file), worker processes read and merge chunks of
        groups from the committed records while this process writes the entities.
        ``progress`` draws a bar as :meth:`ingest` does.
        """
        while self._db.execute("SELECT 1 FROM stale_groups LIMIT 1").fetchone() is not None:
            if self._merge_stale(workers, progress):
                return

    def _merge_stale(self, workers: int, progress: bool | None) -> bool:
        """One pass of :meth:`_refresh`; False when another process wrote to the store while
        this one had let go of the write lock between two commits (merge again from the start)."""
        db = self._db
        bar = Progress(db.execute("SELECT count(*) FROM stale_groups").fetchone()[0], "merge", enabled=progress)
        chunks = self._stale_chunks()
        pool: ProcessPoolExecutor | None = None
        merged: Iterator[_Merged]
        if workers > 1 and self._file_backed():
            pool = ProcessPoolExecutor(max_workers=workers)
            merged = _ahead(pool, functools.partial(_merge_stored, self.path), chunks, workers * 2)
        else:
            merged = (_merge_chunk(db, chunk) for chunk in chunks)
        self._begin()
        try:
            # the workers read committed records: while this process holds the write lock they
            # read what it sees; another writer may only come in between two commits
            seen = db.execute("PRAGMA data_version").fetchone()[0]
            next_id = db.execute("SELECT coalesce(max(id), 0) FROM entities").fetchone()[0]
            for done, (chunk, found, old) in enumerate(merged, start=1):
                for start in range(0, len(old), _CHUNK):
                    part = old[start: start + _CHUNK]
                    db.execute(f"DELETE FROM entity_regions WHERE {self._in('entity', part)}", part)
                    db.execute(f"DELETE FROM entities WHERE {self._in('id', part)}", part)
                rows: list[tuple[Any, ...]] = []
                places: list[tuple[str, str, int]] = []
                for grp, row, named in found:
                    next_id += 1
                    rows.append((next_id, grp, *row))
                    places.extend((p, row[0], next_id) for p in named)
                db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                db.executemany("INSERT INTO entity_regions VALUES (?, ?, ?)", places)
                bar.update(len(chunk))
                last = chunk[-1]
                if done % _COMMIT_CHUNKS == 0:  # keep the write-ahead log short; what is left stays stale
                    db.execute("DELETE FROM stale_groups WHERE grp <= ?", (last,))
                    self._correct_pending()
                    db.execute("COMMIT")
                    self._begin()
                    if db.execute("PRAGMA data_version").fetchone()[0] != seen:
                        db.execute("COMMIT")  # chunks read ahead may be out of date: start again
                        return False
            db.execute("DELETE FROM stale_groups")
            self._correct_pending()
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            bar.close()
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            self._names = None
            self._cache.clear()
        return True

    def _stale_chunks(self) -> Iterator[list[str]]:
        """The stale groups, :data:`_CHUNK` at a time, read page by page so that memory stays
        flat (a page starts after the last group read: deleting merged ones does not matter)."""
        last = ""
        while True:
            part = [g for (g,) in self._db.execute(
                "SELECT grp FROM stale_groups WHERE grp > ? ORDER BY grp LIMIT ?", (last, _CHUNK))]
            if not part:
                return
            yield part
            last = part[-1]

    def _file_backed(self) -> bool:
        """A store file in write-ahead-log mode, which other processes can read while this one writes."""
        mode = self._db.execute("PRAGMA journal_mode").fetchone()[0]
        return str(mode).lower() == "wal" and Path(self.path).is_file()

    # -- queries -------------------------------------------------------------------------
    def _entities(self, query: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Resolved:
        """The merged entities ``query`` may draw on (see :func:`queries.selections`), read
        through the entity indexes; the query then filters them as it does on a Corpus.

        Entities read once stay decoded in memory (up to :data:`_CACHED` of them) until the
        next ingest changes the store, so asking again, or asking a neighbouring question,
        reads only what was not read before (another process writing to the store file
        empties it too)."""
        sels = queries.selections(query, *args, **kwargs)
        self._refresh()
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._seen_version:  # another connection wrote to the store
            self._cache.clear()
            self._names = None
            self._seen_version = version
        ids: set[int] = set()
        for sel in sels:
            sql, params = self._select(sel)
            ids.update(row for (row,) in self._db.execute(sql, params))
        cache = self._cache
        missing = sorted(i for i in ids if i not in cache)
        dates = DateCache()
        for start in range(0, len(missing), _CHUNK):
            part = missing[start: start + _CHUNK]
            for row, data in self._db.execute(f"SELECT id, data FROM entities WHERE {self._in('id', part)}", part):
                cache[row] = decode_entity(data, dates)
        found = [cache[i] for i in ids]
        if len(cache) > _CACHED:
            cache.clear()
        return queries.resolved_of(found)

    def _region_names(self) -> list[str]:
        if self._names is None:
            self._names = [name for (name,) in self._db.execute("SELECT name FROM regions")]
        return self._names

    def _select(self, sel: queries.Selection) -> tuple[str, list[Any]]:
        """The SQL selecting the ids of the entities of a selection, and its parameters (a
        superset of what the query keeps: it filters the entities again as on a Corpus).
        With regions, the entities are reached from the region index."""
        clauses = [self._in("e.family", sel.families)]
        params: list[Any] = list(sel.families)
        if sel.scope is not None:
            clauses.append("e.scope = ?")
            params.append(sel.scope.value)
        if sel.metrics is not None:
            clauses.append(self._in("e.metric", sel.metrics))
            params.extend(sel.metrics)
        if sel.since is not None or sel.until is not None:
            span = []
            if sel.since is not None:
                span.append("e.date_last >= ?")
                params.append(sel.since.first_day().isoformat())
            if sel.until is not None:
                span.append("e.date_first <= ?")
                params.append(sel.until.last_day().isoformat())
            clauses.append(f"(e.date_first IS NULL OR ({' AND '.join(span)}))")
        where = " AND ".join(clauses)
        if sel.regions is None:
            return f"SELECT e.id FROM entities e WHERE {where}", params
        inside = list(sel.regions)
        if sel.within:
            inside = [name for name in self._region_names() if sel.covers(name)]
        # the (region, family) index first, then the few entities it names (CROSS JOIN fixes the order)
        return (f"SELECT e.id FROM entity_regions r CROSS JOIN entities e ON e.id = r.entity"
                f" WHERE {self._in('r.region', inside)} AND {self._in('r.family', sel.families)} AND {where}",
                [*inside, *sel.families, *params])

    @staticmethod
    def _in(column: str, values: Sequence[Any]) -> str:
        return f"{column} IN ({','.join('?' * len(values))})" if values else "0"


#: (group, ``entities`` row less its id and group, regions the entity is filed under)
_Entry = tuple[str, tuple[Any, ...], list[str]]
#: a chunk of stale groups, the entities merged from them, and the ids of the entities they replace
_Merged = tuple[list[str], list[_Entry], list[int]]


def _merge_chunk(db: sqlite3.Connection, chunk: list[str]) -> _Merged:
    """Merge the entities of a chunk of groups from their current records (see ``Store._refresh``)."""
    marks = ",".join("?" * len(chunk))
    keys = dict(db.execute(f"SELECT grp, key FROM merge_keys WHERE grp IN ({marks})", chunk))
    members: dict[str, list[tuple[int, int, MergeItem]]] = defaultdict(list)
    dates = DateCache()
    for grp, source, seq, region, date, item, doc_id, published, title in db.execute(
        "SELECT r.grp, d.source, r.seq, r.region, r.date, r.item, d.doc_id, d.published, d.title"
        f" FROM records r JOIN documents d ON d.id = r.document WHERE r.current = 1 AND r.grp IN ({marks})",
        chunk,
    ):
        members[grp].append((source, seq, decode_item(item, region, date, doc_id, published, title, dates)))
    old = [row for (row,) in db.execute(f"SELECT id FROM entities WHERE grp IN ({marks})", chunk)]
    out: list[_Entry] = []
    for grp, found in members.items():
        found.sort(key=lambda m: (m[0], m[1]))
        key = decode_key(keys[grp])
        for entity in queries.merge_group(key, [m[2] for m in found]):
            row, named = _index_row(entity, key[2] if key[0] == "value" else None)
            out.append((grp, row, named))
    return chunk, out, old


def _index_row(entity: queries.Entity, metric: str | None) -> tuple[tuple[Any, ...], list[str]]:
    """An entity's ``entities`` row (less its row id and group) and the regions it is filed under."""
    date = entity.date
    first, last = (None, None) if date is None else (date.first_day().isoformat(), date.last_day().isoformat())
    scope = entity.scope.value if isinstance(entity, queries.Claim) else None
    named = entity.claimants if isinstance(entity, queries.Claim) else (entity.region,)
    return ((entity_family(entity), scope, metric, first, last, encode_entity(entity), entity.id),
            [p for p in dict.fromkeys(named) if p is not None])


def _merge_stored(path: str, chunk: list[str]) -> _Merged:
    """:func:`_merge_chunk` in a worker process, on its own read-only connection to the store."""
    db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return _merge_chunk(db, chunk)
    finally:
        db.close()


def _ahead(pool: ProcessPoolExecutor, fn: Callable[[list[str]], _Merged], chunks: Iterator[list[str]],
           depth: int) -> Iterator[_Merged]:
    """``fn`` over ``chunks`` in the pool, in order, with at most ``depth`` chunks in flight."""
    pending: deque[Future[_Merged]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(fn, chunk))
        if len(pending) >= depth:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


#: (document row, source key, the document extracted again or why it failed)
_Redone = tuple[int, str, "_Prepared | LoadFailure"]


def _reextract(item: tuple[int, str, bytes]) -> _Redone:
    """A stored document extracted again from its text (see :meth:`Store.reextract`)."""
    from .extract import extract_document

    row, key, blob = item
    stored = Store._full(blob)
    bare = attrs.evolve(stored, firsts=(), institutions=(), financing_products=(), initiatives=(), milestones=())
    try:
        doc = extract_document(bare)
    except Exception as err:  # a defect in an extractor: this document's failure, the others go on
        return row, key, LoadFailure(key, f"extraction failed ({type(err).__name__}: {err}); please report it",
                                     "ExtractionError")
    return row, key, _prepare(doc)


def _reextract_chunk(items: list[tuple[int, str, bytes]]) -> list[_Redone]:
    return [_reextract(item) for item in items]


def _map_ordered(pool: ProcessPoolExecutor, fn: Callable[[list[T]], list[Any]], items: Iterable[T],
                 workers: int) -> Iterator[Any]:
    """``fn`` over chunks of ``items`` in ``pool``, results in order, a few chunks in flight."""
    pending: deque[Future[list[Any]]] = deque()
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= 8:
            pending.append(pool.submit(fn, chunk))
            chunk = []
            if len(pending) >= workers * 4:
                yield from pending.popleft().result()
    if chunk:
        pending.append(pool.submit(fn, chunk))
    while pending:
        yield from pending.popleft().result()


def _source_stat(path: Path) -> tuple[str, int | None, int | None]:
    """(source key, size, mtime in ns) of a file; the key is its resolved path."""
    try:
        st = path.stat()
        key = str(path.resolve())
    except OSError:
        return str(path.absolute()), None, None
    return key, st.st_size, st.st_mtime_ns
