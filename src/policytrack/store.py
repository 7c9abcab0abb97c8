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
(:mod:`policytrack.convert`): its metadata and text as one compressed JSON object, each
extracted record as its own converter JSON, in an index table with the columns the query
filters need (kind, region, scope, canonical metric, date span) and the key under which
:mod:`policytrack.queries` merges it with the same thing reported elsewhere.

**Queries.**  :meth:`Store.timeline`, :meth:`Store.firsts`, :meth:`Store.compare` and
:meth:`Store.history` are the :class:`~policytrack.corpus.Queries` methods a
:class:`~policytrack.Corpus` has: same arguments, same result objects.  Each selects through
the indexes the records that could appear in the answer (one statement per
:func:`policytrack.queries.selections` entry), widens the selection to every record sharing
a merge key (:func:`policytrack.queries.record_keys`) with one of them less those that cannot
join their entities (:func:`policytrack.queries.reachable_regions`), and merges those records
(grouped back into their documents, in ingest order) with the very function the Corpus uses.
An entity is therefore always merged from all of its evidence, and the answer is the one a
Corpus of the same articles gives.

**Schema.**  ``PRAGMA application_id`` marks a policytrack store and ``PRAGMA user_version``
holds the schema version (also in the ``meta`` table).  A store written by a newer
policytrack, or a file that is not a store, is refused with :class:`StoreError`.  Region
names and metric keys are indexed with the library's default gazetteer and metric catalog.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import attrs

from . import queries
from ._parallel import expand, extract_paths, resolve_workers
from ._progress import Progress
from .convert import structure, unstructure
from .corpus import Corpus, LoadFailure, Queries
from .errors import StoreError
from .models import (
    Document,
    FinancingProduct,
    FirstClaim,
    Initiative,
    Institution,
    Milestone,
    PartialDate,
)
from .queries import Resolved

__all__ = ["SCHEMA_VERSION", "IngestReport", "Store", "Version"]

#: The schema this version of policytrack writes and reads.
SCHEMA_VERSION = 1
#: ``PRAGMA application_id`` of a policytrack store ("PTRK").
APPLICATION_ID = 0x5054524B
#: Documents written per transaction while ingesting.
BATCH = 256

T = TypeVar("T")
Clock = Callable[[], dt.datetime]

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
    scope TEXT,
    metric TEXT,
    date_first TEXT,
    date_last TEXT,
    data TEXT NOT NULL
);
CREATE INDEX records_region ON records (region, family) WHERE current = 1;
CREATE INDEX records_group ON records (grp) WHERE current = 1;
CREATE INDEX records_metric ON records (metric, region) WHERE current = 1 AND metric IS NOT NULL;
CREATE INDEX records_scope ON records (scope, region) WHERE current = 1 AND scope IS NOT NULL;
CREATE INDEX records_document ON records (document);
CREATE TABLE regions (name TEXT PRIMARY KEY) WITHOUT ROWID;
"""

#: record family -> (Document field, model class)
_FAMILIES: dict[str, tuple[str, type[Any]]] = {
    "first": ("firsts", FirstClaim),
    "institution": ("institutions", Institution),
    "product": ("financing_products", FinancingProduct),
    "initiative": ("initiatives", Initiative),
    "event": ("milestones", Milestone),
    "measurement": ("milestones", Milestone),
    "target": ("milestones", Milestone),
}
#: values bound per SQL statement when selecting by lists of keys
_CHUNK = 500
_RECORD_FIELDS = ("firsts", "institutions", "financing_products", "initiatives", "milestones")


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


def _span(date: PartialDate | None) -> tuple[str | None, str | None]:
    if date is None:
        return None, None
    return date.first_day().isoformat(), date.last_day().isoformat()


def _index_rows(doc: Document) -> Iterator[tuple[str, str, str | None, str | None, str | None,
                                                 PartialDate | None, Any]]:
    """(family, group, region, scope, metric, date, record) of each record, in export order:
    the merge keys of :func:`policytrack.queries.record_keys`, with the default gazetteer and catalog."""
    for rk in queries.record_keys(doc):
        yield (rk.family, _group(*rk.key), rk.region, rk.scope.value if rk.scope else None, rk.metric,
               rk.date, rk.record)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store(Queries):
    """An embedded SQLite store of ingested articles; see the module docstring.

    Open one with :meth:`Store.open`; use it as a context manager or call :meth:`close`.
    """

    def __init__(self, connection: sqlite3.Connection, path: str, *, clock: Clock | None = None) -> None:
        self._db = connection
        self.path = path
        self._clock = clock or _utc_now

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Clock | None = None) -> Store:
        """Open the store at ``path``, creating it when the file is missing or empty.

        ``clock`` gives the ingest timestamps (timezone-aware UTC ``datetime``; the
        default reads the system clock).  Raises :class:`StoreError` when the file is not
        a policytrack store or was written by a newer policytrack.
        """
        where = os.fspath(path)
        p = Path(where)
        if p.is_dir():
            raise StoreError(f"{where}: is a directory, not a store file")
        try:
            db = sqlite3.connect(where, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError(f"{where}: cannot open the store ({err})") from None
        try:
            cls._check_or_create(db, where)
        except BaseException:
            db.close()
            raise
        return cls(db, where, clock=clock)

    @staticmethod
    def _check_or_create(db: sqlite3.Connection, where: str) -> None:
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{where}: not a policytrack store (not an SQLite database: {err})") from None
        if app_id == 0 and tables == 0:
            db.execute("BEGIN")
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

        ``workers`` processes extract in parallel (same result as one).  A file whose size
        and modification time match its last ingest is counted unchanged without being
        read, unless ``rehash``.  ``progress`` draws a bar on standard error (default: only
        when it is a terminal).  Files that fail are reported, never stop the others.
        """
        n = resolve_workers(workers)
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        targets = list(expand([os.fspath(p) for p in paths]))
        out = _Builder()
        to_read: list[Path] = []
        stats: dict[str, tuple[str, int | None, int | None]] = {}
        for target in targets:
            if isinstance(target, LoadFailure):
                out.failures.append(target)
                continue
            key, size, mtime = _source_stat(target)
            if not rehash and size is not None and self._stat_matches(key, size, mtime):
                out.unchanged.append(str(target))
                continue
            stats[str(target)] = (key, size, mtime)
            to_read.append(target)

        def put(result: Document | LoadFailure) -> None:
            bar.update()
            if isinstance(result, LoadFailure):
                out.failures.append(result)
            else:
                key, size, mtime = stats[str(result.path)]
                self._put(result, key, size, mtime, out)

        with Progress(len(to_read), "ingest", enabled=progress) as bar:
            self._batched(extract_paths(to_read, n), put)
        return out.report()

    def add(self, documents: Iterable[Document]) -> IngestReport:
        """Store documents already extracted (read back from an export, or from
        :mod:`policytrack.dask`): each identified by its ``path``, else its ``id``."""
        out = _Builder()

        def put(doc: Document) -> None:
            if not isinstance(doc, Document):
                raise StoreError(f"{self.path}: add() takes Documents, got {type(doc).__name__}")
            self._put(doc, doc.path or doc.id, None, None, out)

        self._batched(documents, put)
        return out.report()

    def _batched(self, items: Iterable[T], put: Callable[[T], None]) -> None:
        """``put`` each item, committing every :data:`BATCH` items; roll the open batch back on error."""
        done = 0
        self._db.execute("BEGIN")
        try:
            for item in items:
                put(item)
                done += 1
                if done % BATCH == 0:
                    self._db.execute("COMMIT")
                    self._db.execute("BEGIN")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _stat_matches(self, key: str, size: int, mtime: int | None) -> bool:
        row = self._db.execute(
            "SELECT size, mtime_ns FROM sources WHERE key = ? AND current IS NOT NULL", (key,)
        ).fetchone()
        return row is not None and row[0] == size and row[1] == mtime

    def _put(self, doc: Document, key: str, size: int | None, mtime: int | None, out: _Builder) -> None:
        db = self._db
        shown = doc.path or key
        digest = content_hash(doc)
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
            version = (int(old[0]) if old else 0) + 1
        ingested = self._clock()
        if ingested.tzinfo is None:
            raise StoreError(f"{self.path}: the clock must give timezone-aware datetimes")
        empty: dict[str, Any] = dict.fromkeys(_RECORD_FIELDS, ())
        bare = attrs.evolve(doc, **empty)
        blob = zlib.compress(_dumps(unstructure(bare)).encode("utf-8"), 6)
        doc_row = db.execute(
            "INSERT INTO documents (source, version, content_hash, doc_id, title, published, region,"
            " ingested, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, version, digest, doc.id, doc.title, str(doc.published) if doc.published else None,
             doc.region, ingested.isoformat(), blob),
        ).lastrowid
        if previous is not None:
            db.execute("UPDATE records SET current = 0 WHERE document = ?", (previous,))
        rows = []
        regions = set()
        for seq, (family, grp, region, scope, metric, date, record) in enumerate(_index_rows(doc)):
            first, last = _span(date)
            rows.append((doc_row, seq, family, grp, region, scope, metric, first, last,
                         _dumps(unstructure(record))))
            if region is not None:
                regions.add(region)
        db.executemany(
            "INSERT INTO records (document, current, seq, family, grp, region, scope, metric, date_first,"
            " date_last, data) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.executemany("INSERT OR IGNORE INTO regions VALUES (?)", [(r,) for r in regions])
        db.execute("UPDATE sources SET current = ?, size = ?, mtime_ns = ? WHERE id = ?",
                   (doc_row, size, mtime, source))
        (out.added if version == 1 else out.new_versions).append(shown)

    # -- reading -------------------------------------------------------------------------
    def _full(self, doc_row: int, blob: bytes) -> Document:
        bare = structure(json.loads(zlib.decompress(blob)), Document)
        fields: dict[str, list[Any]] = {f: [] for f in _RECORD_FIELDS}
        for family, data in self._db.execute(
            "SELECT family, data FROM records WHERE document = ? ORDER BY seq", (doc_row,)
        ):
            field, cls = _FAMILIES[family]
            fields[field].append(structure(json.loads(data), cls))
        records: dict[str, Any] = {f: tuple(v) for f, v in fields.items()}
        return attrs.evolve(bare, **records)

    def documents(self) -> Iterator[Document]:
        """The newest version of every source, in the order sources were first ingested."""
        rows = self._db.execute(
            "SELECT d.id, d.data FROM sources s JOIN documents d ON d.id = s.current ORDER BY s.id"
        ).fetchall()
        for doc_row, blob in rows:
            yield self._full(doc_row, blob)

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
        return self._full(int(row[0]), row[1])

    def _key(self, source: str | os.PathLike[str]) -> str:
        text = os.fspath(source)
        if self._db.execute("SELECT 1 FROM sources WHERE key = ?", (text,)).fetchone():
            return text
        return str(Path(text).resolve())

    # -- queries -------------------------------------------------------------------------
    def _entities(self, query: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Resolved:
        """The entities merged from the records ``query`` may draw on (see :func:`queries.selections`)."""
        seeds: dict[str, set[str | None]] = defaultdict(set)
        families: dict[str, str] = {}
        for sel in queries.selections(query, *args, **kwargs):
            where, params = self._where(sel)
            # one statement a selection, so that each can use its own index
            for grp, family, region in self._db.execute(
                f"SELECT DISTINCT grp, family, region FROM records WHERE current = 1 AND {where}", params
            ):
                seeds[grp].add(region)
                families[grp] = family
        return queries.resolve(self._select(seeds, families))

    def _where(self, sel: queries.Selection) -> tuple[str, list[Any]]:
        """The SQL condition on ``records`` of a selection, and its parameters."""
        clauses = [self._in("family", sel.families)]
        params: list[Any] = list(sel.families)
        if sel.regions is not None:
            inside = list(sel.regions)
            if sel.within:
                inside = [name for (name,) in self._db.execute("SELECT name FROM regions") if sel.covers(name)]
            clauses.append(self._in("region", inside))
            params.extend(inside)
        if sel.scope is not None:
            clauses.append("scope = ?")
            params.append(sel.scope.value)
        if sel.metrics is not None:
            clauses.append(self._in("metric", sel.metrics))
            params.extend(sel.metrics)
        if sel.since is not None or sel.until is not None:
            span = []
            if sel.since is not None:
                span.append("date_last >= ?")
                params.append(sel.since.first_day().isoformat())
            if sel.until is not None:
                span.append("date_first <= ?")
                params.append(sel.until.last_day().isoformat())
            clauses.append(f"(date_first IS NULL OR ({' AND '.join(span)}))")
        return " AND ".join(clauses), params

    def _select(self, seeds: dict[str, set[str | None]], families: dict[str, str]) -> list[Document]:
        """Documents (in ingest order) holding the current records of the merge keys ``seeds``
        (group -> regions of the records that matched), less those that cannot take part in a
        matching record's entity (:func:`queries.reachable_regions`)."""
        if not seeds:
            return []
        # the records of the keys, without their data; then the data of those that can take part
        groups = list(seeds)
        members: dict[str, set[str | None]] = defaultdict(set)
        rows: list[tuple[int, str, str | None]] = []
        for start in range(0, len(groups), _CHUNK):
            part = groups[start: start + _CHUNK]
            rows.extend(self._db.execute(
                f"SELECT id, grp, region FROM records WHERE current = 1 AND {self._in('grp', part)}", part
            ))
        for _, grp, region in rows:
            members[grp].add(region)
        allowed = {grp: queries.reachable_regions(families[grp], members[grp], seeds[grp]) for grp in groups}
        wanted = [row_id for row_id, grp, region in rows if region in allowed[grp]]
        kept: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        for start in range(0, len(wanted), _CHUNK):
            part_ids = wanted[start: start + _CHUNK]
            for doc_row, seq, family, data in self._db.execute(
                f"SELECT document, seq, family, data FROM records WHERE {self._in('id', part_ids)}", part_ids
            ):
                kept[doc_row].append((seq, family, data))
        found: list[tuple[int, Document]] = []
        for chunk_start in range(0, len(kept), _CHUNK):
            part_ids = list(kept)[chunk_start: chunk_start + _CHUNK]
            metas = self._db.execute(
                "SELECT id, source, doc_id, title, published, region FROM documents"
                f" WHERE {self._in('id', part_ids)}", part_ids
            ).fetchall()
            for doc_row, source, doc_id, title, published, region in metas:
                fields: dict[str, list[Any]] = {f: [] for f in _RECORD_FIELDS}
                for _, family, data in sorted(kept[doc_row]):
                    field, cls = _FAMILIES[family]
                    fields[field].append(structure(json.loads(data), cls))
                records: dict[str, Any] = {f: tuple(v) for f, v in fields.items()}
                found.append((source, Document(
                    id=doc_id, text="", title=title, region=region,
                    published=PartialDate.parse(published) if published else None, **records,
                )))
        found.sort(key=lambda pair: pair[0])
        return [doc for _, doc in found]

    @staticmethod
    def _in(column: str, values: Sequence[Any]) -> str:
        return f"{column} IN ({','.join('?' * len(values))})" if values else "0"


def _source_stat(path: Path) -> tuple[str, int | None, int | None]:
    """(source key, size, mtime in ns) of a file; the key is its resolved path."""
    try:
        st = path.stat()
        key = str(path.resolve())
    except OSError:
        return str(path.absolute()), None, None
    return key, st.st_size, st.st_mtime_ns
