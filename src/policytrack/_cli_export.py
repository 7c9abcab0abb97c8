"""The ``export`` subcommand's writer: documents streamed from the files to the output.

Each document is extracted (over ``--workers`` processes, in input order), written and
dropped, so memory stays flat whatever the size of the corpus: JSON is written by
:func:`policytrack.convert.write_export` (the same text as the in-memory export), JSON
lines a document a line, the summary table from one small row a document.  Failures are
reported on standard error as they are met.  Output to a file goes to a temporary file
beside it, renamed into place at the end: an interrupted export never leaves half a file.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import itertools
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._cli_output import table_width
from ._parallel import AUTO_MIN_FILES, Expanded, auto_workers, expand, map_paths, parse_workers
from .convert import document_json, write_export
from .corpus import LoadFailure
from .errors import BadArgumentError
from .models import Document

__all__ = ["add_export_options", "export"]

FormatRows = Callable[..., str]  # (rows, format, tablefmt, width) -> text
SummaryRows = Callable[[Sequence[Document]], list[dict[str, Any]]]


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """``--workers N|auto`` for ``export``."""
    parser.add_argument("--workers", "-j", type=parse_workers, default=None, metavar="N|auto",
                        help="processes extracting in parallel (default: auto, one per CPU for more than a "
                        "handful of files; the output is the same)")


@contextlib.contextmanager
def _destination(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise BadArgumentError(f"{path}: cannot write here (no folder {folder})")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            yield stream
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _json(doc: Document) -> str:
    return document_json(doc)


def _jsonl(doc: Document) -> str:
    return document_json(doc, indent=None)


def _summary(summary_rows: SummaryRows, doc: Document) -> dict[str, Any]:
    return summary_rows([doc])[0]


def export(args: argparse.Namespace, format_rows: FormatRows, summary_rows: SummaryRows) -> int:
    """Run ``policytrack export``; returns the exit status (0, 1 some files failed, 2 none loaded).

    The workers send back each document already written as text (or its summary row), not
    the document itself: much less to pickle, and nothing for this process to rebuild."""
    paths: Sequence[str] = args.paths
    missing = [p for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
    for p in missing:
        print(f"policytrack: {p}: no such file or directory", file=sys.stderr)
    # the folders are walked as the files are read: a list of every path would grow with the corpus
    walk = expand([p for p in paths if p not in missing])
    head = list(itertools.islice(walk, AUTO_MIN_FILES))
    targets = Expanded(itertools.chain(head, walk))
    workers: int | None = getattr(args, "workers", None)
    n = auto_workers(sum(not isinstance(t, LoadFailure) for t in head)) if workers is None else workers
    fmt = args.format
    if fmt is None:  # a person at a terminal reads a table; a pipe or a file gets the contract
        fmt = "table" if args.output is None and sys.stdout.isatty() else "json"
    then: Callable[[Document], Any] = {"json": _json, "jsonl": _jsonl}.get(
        fmt, functools.partial(_summary, summary_rows))
    failed = 0

    def written() -> Iterator[Any]:
        nonlocal failed
        for result in map_paths(targets, then, n):
            if isinstance(result, LoadFailure):
                failed += 1
                print(f"policytrack: {result.path}: {result.reason}", file=sys.stderr)
            else:
                yield result

    stream = written()
    first = next(stream, None)
    if first is None:  # nothing to write: no output at all
        if not missing and not failed:
            print("policytrack: no article files found in " + ", ".join(paths), file=sys.stderr)
        return 2

    def again() -> Iterator[Any]:
        yield first
        yield from stream

    with _destination(args.output) as out:
        if fmt == "json":
            write_export(again(), out)
            out.write("\n")
        elif fmt == "jsonl":
            for line in again():
                out.write(line + "\n")
        else:
            rows = list(again())
            width = table_width(args)
            if width is not None:  # what was found in each article; dates and titles with --wide
                rows = [{k: v for k, v in r.items() if k not in ("published", "title", "source")} for r in rows]
            text = format_rows(rows, "table", args.tablefmt, width)
            out.write(text if text.endswith("\n") else text + "\n")
    return 1 if (missing or failed) else 0
