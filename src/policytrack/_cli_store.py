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
from .store import WAIT, IngestReport, Store

__all__ = ["add_db_option", "add_store_commands", "open_source"]

OutputOptions = Callable[[argparse.ArgumentParser, Sequence[str], str], None]
LoadPaths = Callable[..., Any]
FormatRows = Callable[..., str]  # (rows, format, tablefmt, width) -> text
WriteOutput = Callable[[str, "Path | None"], None]

FORMATS = ("table", "json", "jsonl", "csv", "markdown")


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db FILE``: query this store instead of (or as well as no) paths."""
    parser.add_argument("--db", type=Path, metavar="FILE.db",
                        help="query this store (made by `policytrack ingest`) instead of article paths")


def add_wait_option(parser: argparse.ArgumentParser) -> None:
    """``--wait SECONDS``: how long a writer waits for another one holding the store."""
    parser.add_argument("--wait", type=float, default=WAIT, metavar="SECONDS",
                        help="when another process is writing to the store, wait this long for it "
                        f"(default: {WAIT:g}); past that exit with status 2, nothing half-written")


def open_source(args: argparse.Namespace) -> Store | None:
    """The store named by ``--db``, or ``None`` when the option was not given.

    Raises :class:`~policytrack.errors.StoreError` (one line, naming the file) when it
    is missing or not a store: querying never creates a store.
    """
    db: Path | None = getattr(args, "db", None)
    if db is None:
        return None
    if not db.exists():
        from .errors import StoreError

        raise StoreError(f"{db}: no such store (create it with `policytrack ingest PATH... --db {db}`)")
    return Store.open(db)


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
    parser.add_argument("--workers", "-j", type=int, default=1,
                        help="processes extracting in parallel (default: 1)")
    parser.add_argument("--rehash", action="store_true",
                        help="read every file again, even when its size and modification time are unchanged")
    parser.add_argument("--summary", action="store_true", help="print only the counts")
    add_wait_option(parser)
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True,
                        help="show a progress bar on a terminal (default: on)")
    output_options(parser, FORMATS, "table")
    parser.set_defaults(handler=ingest)
