"""The ``ingest`` subcommand of the CLI, and the ``--db`` option of the query subcommands.

``policytrack ingest PATH... --db tracker.db [--workers N] [--rehash]`` adds new and
changed articles to the store and prints what happened to each (or only the counts with
``--summary``).  Exit status 0 when every file loaded, 1 when some failed (the others are
stored), 2 when nothing could be read.

The query subcommands accept ``--db tracker.db`` in place of paths: :func:`add_db_option`
adds the option, :func:`open_source` gives the :class:`~policytrack.store.Store` to query
(its methods are those of a Corpus).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ._cli_output import table_width
from ._parallel import parse_workers
from .corpus import Corpus
from .corrections import FIELDS, parse_changes
from .errors import StoreError
from .store import WAIT, IngestReport, Store

__all__ = ["add_db_option", "add_maintenance_commands", "add_store_commands", "open_source"]

OutputOptions = Callable[[argparse.ArgumentParser, Sequence[str], str], None]
LoadPaths = Callable[..., Any]
FormatRows = Callable[..., str]  # (rows, format, tablefmt, width) -> text
WriteOutput = Callable[[str, "Path | None"], None]

FORMATS = ("table", "json", "jsonl", "csv", "markdown")


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db FILE``: query this store instead of (or as well as no) paths; ``--no-corrections``."""
    parser.add_argument("--db", type=Path, metavar="FILE.db",
                        help="query this store (made by `policytrack ingest`) instead of article paths")
    parser.add_argument("--corrections", action=argparse.BooleanOptionalAction, default=True,
                        help="with --db: apply the corrections kept in the store (default); --no-corrections "
                        "answers as the articles say (reads every article of the store into memory)")


def add_wait_option(parser: argparse.ArgumentParser) -> None:
    """``--wait SECONDS``: how long a writer waits for another one holding the store."""
    parser.add_argument("--wait", type=float, default=WAIT, metavar="SECONDS",
                        help="when another process is writing to the store, wait this long for it "
                        f"(default: {WAIT:g}); past that exit with status 2, nothing half-written")


def open_source(args: argparse.Namespace) -> Store | Corpus | None:
    """The store named by ``--db`` (with ``--no-corrections``: its articles as a Corpus, which
    answers without corrections), or ``None`` when the option was not given.

    Raises :class:`~policytrack.errors.StoreError` (one line, naming the file) when it
    is missing or not a store: querying never creates a store.
    """
    if getattr(args, "db", None) is None:
        return None
    store = open_store(args)
    if getattr(args, "corrections", True):
        return store
    with store:
        return store.corpus()


def open_store(args: argparse.Namespace) -> Store:
    """The existing store named by ``--db`` (required), for the commands that change it."""
    db: Path = args.db
    if not db.exists():
        raise StoreError(f"{db}: no such store (create it with `policytrack ingest PATH... --db {db}`)")
    return Store.open(db, wait=getattr(args, "wait", WAIT))


def _status(report: IngestReport, paths: Sequence[str], missing: Sequence[str]) -> int:
    seen = len(report.added) + len(report.new_versions) + len(report.unchanged)
    if seen == 0:
        if not report.failures and not missing:
            print("policytrack: no article files found in " + ", ".join(paths), file=sys.stderr)
        return 2
    return 1 if (report.failures or missing) else 0


def add_store_commands(
    sub: argparse._SubParsersAction[Any],
    output_options: OutputOptions,
    load_paths: LoadPaths,
    format_rows: FormatRows,
    write_output: WriteOutput,
) -> None:
    """Register ``ingest`` on ``sub`` (``load_paths`` is unused: the store reads files itself)."""
    del load_paths

    def ingest(args: argparse.Namespace) -> int:
        missing = [p for p in args.paths if not Path(p).exists() and not Path(p).is_symlink()]
        for p in missing:
            print(f"policytrack: {p}: no such file or directory", file=sys.stderr)
        present = [p for p in args.paths if p not in missing]
        with Store.open(args.db, wait=args.wait) as store:
            report = store.ingest(present, workers=args.workers, rehash=args.rehash,
                                  progress=None if args.progress else False) if present else IngestReport()
        for failure in report.failures:
            print(f"policytrack: {failure.path}: {failure.reason}", file=sys.stderr)
        if args.summary:
            rows: list[dict[str, Any]] = [{"db": str(args.db), **report.counts()}]
        else:
            rows = report.to_records()
        if args.format in ("table", "markdown") and not args.summary:
            text = format_rows(rows, args.format, args.tablefmt, table_width(args)) if rows else ""
            text = f"{text}\n\n{report}" if text else str(report)
        else:
            text = format_rows(rows, args.format, args.tablefmt, table_width(args))
        write_output(text, args.output)
        return _status(report, args.paths, missing)

    parser = sub.add_parser(
        "ingest",
        help="add new and changed articles to a store (SQLite) that the query commands can read",
        description="Read, extract and store articles in an embedded SQLite store. Re-ingesting an "
        "unchanged article adds nothing; an article whose text changed becomes a new version of the "
        "same path, and queries see only the newest. Query the store with --db on timeline, firsts, "
        "compare and history.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--db", type=Path, required=True, metavar="FILE.db",
                        help="the store file (created when missing)")
    parser.add_argument("--workers", "-j", type=parse_workers, default=None, metavar="N|auto",
                        help="processes extracting in parallel (default: auto, one per CPU for more than a "
                        "handful of files; the store is the same)")
    parser.add_argument("--rehash", action="store_true",
                        help="read every file again, even when its size and modification time are unchanged")
    parser.add_argument("--summary", action="store_true", help="print only the counts")
    add_wait_option(parser)
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True,
                        help="show a progress bar on a terminal (default: on)")
    output_options(parser, FORMATS, "table")
    parser.set_defaults(handler=ingest)


def add_maintenance_commands(
    sub: argparse._SubParsersAction[Any],
    output_options: OutputOptions,
    format_rows: FormatRows,
    write_output: WriteOutput,
) -> None:
    """Register ``correct``, ``corrections``, ``reextract`` and ``remove`` on ``sub``."""

    def emit(args: argparse.Namespace, rows: list[dict[str, Any]], summary: str | None = None) -> None:
        if args.format in ("table", "markdown"):
            text = format_rows(rows, args.format, args.tablefmt) if rows else ""
            if summary:
                text = f"{text}\n\n{summary}" if text else summary
        else:
            text = format_rows(rows, args.format, args.tablefmt)
        write_output(text, args.output)

    def correct(args: argparse.Namespace) -> int:
        changes = parse_changes(args.set) if args.set else None
        with open_store(args) as store:
            made = store.correct(args.id, reject=args.reject, changes=changes, note=args.note, undo=args.undo)
        emit(args, [made.to_record()])
        return 0

    def corrections(args: argparse.Namespace) -> int:
        with open_store(args) as store:
            found = store.corrections()
        wanted = {s.strip() for s in args.status.split(",")} if args.status else None
        rows = [c.to_record() for c in found if wanted is None or c.status in wanted]
        orphans = sum(c.status == "orphaned" for c in found)
        summary = f"{len(rows)} corrections" + (f", {orphans} orphaned (their fact is no longer found)"
                                               if orphans else "")
        emit(args, rows, summary)
        return 0

    def reextract(args: argparse.Namespace) -> int:
        with open_store(args) as store:
            report = store.reextract(workers=args.workers, progress=None if args.progress else False)
            orphans = [c for c in store.corrections() if c.status == "orphaned"]
        for failure in report.failures:
            print(f"policytrack: {failure.path}: {failure.reason}", file=sys.stderr)
        for c in orphans:
            print(f"policytrack: correction {c.number} of {c.target} ({c.describe()}) is orphaned: "
                  "its fact is no longer found", file=sys.stderr)
        rows: list[dict[str, Any]] = ([{"path": p, "status": "changed"} for p in report.changed]
                + [{"path": f.path, "status": "failed"} for f in report.failures])
        if args.summary:
            rows = [{"db": str(args.db), **report.counts(), "orphaned_corrections": len(orphans)}]
        emit(args, rows, None if args.summary else str(report))
        return 1 if report.failures else 0

    def remove(args: argparse.Namespace) -> int:
        with open_store(args) as store:
            removed = store.remove(args.paths)
        given = {str(Path(p).resolve()): p for p in args.paths}
        rows = [{"path": given.get(key, key), "status": "removed"} for key in removed]
        emit(args, rows, f"{len(removed)} removed, {len(args.paths) - len(removed)} already removed")
        return 0

    def db_option(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--db", type=Path, required=True, metavar="FILE.db", help="the store file")

    parser = sub.add_parser(
        "correct",
        help="correct a record of a store: reject it, set some of its fields, or undo a correction",
        description="Keep a person's correction of a record in the store, as data: --reject marks it wrong "
        "(the queries stop answering with it), --set FIELD=VALUE fixes fields (" + ", ".join(FIELDS) + "), "
        "--undo takes back the latest correction of the record. ID is the id the query commands print "
        "(--format json). Corrections survive re-ingesting, new versions of an article and `reextract`.",
    )
    parser.add_argument("id", metavar="ID", help="the record's id as the query commands print it (e-…, m-…, f-…)")
    db_option(parser)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--reject", action="store_true", help="mark the record wrong")
    action.add_argument("--set", nargs="+", metavar="FIELD=VALUE",
                        help=f"fix fields: {', '.join(FIELDS)} (region as the gazetteer names it, date as "
                        "2021, 2021-06 or 2021-06-30, value in base units)")
    action.add_argument("--undo", action="store_true", help="take back the latest correction of ID")
    parser.add_argument("--note", help="why (kept with the correction)")
    add_wait_option(parser)
    output_options(parser, FORMATS, "table")
    parser.set_defaults(handler=correct)

    parser = sub.add_parser(
        "corrections",
        help="list the corrections kept in a store (id, what changed, note, when, status)",
        description="List every correction made in a store, oldest first: the record's id, what changed, "
        "the note, when, and its status: applied, orphaned (its fact is no longer found in the articles) "
        "or undone.",
    )
    db_option(parser)
    parser.add_argument("--status", metavar="STATUS[,STATUS]",
                        help="only these statuses (applied, orphaned, undone)")
    add_wait_option(parser)
    output_options(parser, FORMATS, "table")
    parser.set_defaults(handler=corrections)

    parser = sub.add_parser(
        "reextract",
        help="extract the records of a store again with the installed policytrack, keeping corrections",
        description="Run extraction again over the texts kept in the store (after upgrading policytrack): "
        "records that come out differently replace the old ones, corrections are applied again, and any "
        "correction whose fact is no longer found is reported as orphaned.",
    )
    db_option(parser)
    parser.add_argument("--workers", "-j", type=parse_workers, default=None, metavar="N|auto",
                        help="processes extracting in parallel (default: auto)")
    parser.add_argument("--summary", action="store_true", help="print only the counts")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True,
                        help="show a progress bar on a terminal (default: on)")
    add_wait_option(parser)
    output_options(parser, FORMATS, "table")
    parser.set_defaults(handler=reextract)

    parser = sub.add_parser(
        "remove",
        help="retract articles from a store: the queries stop seeing them",
        description="Retract sources (article paths as they were ingested) from the store. Their versions "
        "stay readable; ingesting the file again adds it back as a new version. A path the store does not "
        "know is an error, and nothing is removed.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article paths as ingested")
    db_option(parser)
    add_wait_option(parser)
    output_options(parser, FORMATS, "table")
    parser.set_defaults(handler=remove)
