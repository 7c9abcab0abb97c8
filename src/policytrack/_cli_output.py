"""What every subcommand of the CLI shares: its output options, and writing text, tables and
figures to standard output or files.

:func:`output_options` is the one place where the shared options are declared (a
subcommand module calls it with its formats); :func:`check_targets` checks every file a
command will write before any work is done, so that a missing folder is one line
(:class:`~policytrack.errors.OutputError`, exit status 2), not a traceback after a long
extraction.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import OutputError
from .render import TABLE_WIDTH, cell_text, records_table

__all__ = [
    "TABLE_FORMATS",
    "check_targets",
    "check_writable",
    "format_rows",
    "output_options",
    "save_figure",
    "table_width",
    "write_output",
]

#: Formats shown as tables (shortened to fit unless ``--wide``).
TABLE_FORMATS = ("table", "markdown")

#: Options naming files a command writes (checked by :func:`check_targets`).
TARGET_OPTIONS = ("output", "plot")


def output_options(
    parser: argparse.ArgumentParser,
    formats: Sequence[str],
    default: str | None,
    *,
    default_help: str | None = None,
) -> None:
    """Add ``--format``, ``--tablefmt``, ``--wide`` and ``--output`` to ``parser``.

    ``default`` None lets the command choose at run time (``default_help`` says how).
    """
    parser.add_argument(
        "--format",
        "-f",
        choices=list(formats),
        default=default,
        help=f"output format (default: {default_help or default})",
    )
    parser.add_argument(
        "--tablefmt",
        default="github",
        help="tabulate table style for --format table (e.g. github, simple, grid, plain)",
    )
    parser.add_argument(
        "--wide",
        action="store_true",
        help=f"print every character of long cells (by default tables fit {TABLE_WIDTH} columns, "
        "long text shortened with …)",
    )
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write to this file instead of standard output")


def table_width(args: argparse.Namespace) -> int | None:
    """The width tables fit: None with ``--wide`` (or when the command has no such option)."""
    if getattr(args, "wide", True):
        return None
    return TABLE_WIDTH


def check_writable(path: Path) -> None:
    """Raise :class:`OutputError` unless a file can be written at ``path`` (its folder exists and
    is writable, and it is not itself a folder)."""
    folder = path.parent if str(path.parent) else Path()
    if path.is_dir():
        raise OutputError(str(path), "is a folder, not a file")
    if not folder.exists():
        raise OutputError(str(path), f"cannot write: no folder {folder}")
    if not folder.is_dir():
        raise OutputError(str(path), f"cannot write: {folder} is not a folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(str(path), "cannot write: permission denied")


#: Image formats matplotlib writes (``--plot FILE.png``).
PLOT_SUFFIXES = frozenset({".png", ".pdf", ".svg", ".svgz", ".jpg", ".jpeg", ".eps", ".ps", ".tif", ".tiff",
                           ".webp", ".gif", ".avif", ".pgf", ".raw", ".rgba"})


def check_targets(args: argparse.Namespace) -> None:
    """Check every file the command was asked to write (``-o``, ``--plot``) and the folder of a
    store that does not exist yet (``--db``)."""
    for name in TARGET_OPTIONS:
        path = getattr(args, name, None)
        if isinstance(path, Path):
            check_writable(path)
    plot = getattr(args, "plot", None)
    if isinstance(plot, Path) and plot.suffix.lower() not in PLOT_SUFFIXES:
        raise OutputError(str(plot), "cannot draw into this kind of file: name it .png, .svg or .pdf")
    db = getattr(args, "db", None)
    if isinstance(db, Path) and str(db) != ":memory:" and not db.exists():
        folder = db.parent if str(db.parent) else Path()
        if not folder.is_dir():
            raise OutputError(str(db), f"no folder {folder}")


def write_output(text: str, path: Path | None) -> None:
    """``text`` (ending in a newline) to standard output, or to ``path``."""
    if path is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    try:
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as err:
        raise OutputError(str(path), f"cannot write: {err.strerror or err}") from None


def save_figure(figure: Any, path: Path) -> None:
    """Save a matplotlib figure; a format matplotlib does not know or a failed write is one line."""
    try:
        with warnings.catch_warnings():
            # glyph warnings are summed up once by policytrack.render (CJKFontWarning)
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
            figure.savefig(path, dpi=150)
    except (OSError, ValueError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err).splitlines()[0]
        raise OutputError(str(path), f"cannot write the plot: {reason}") from None


def format_rows(rows: Sequence[dict[str, Any]], fmt: str, tablefmt: str = "github",
                width: int | None = None) -> str:
    """Render plain rows as table, csv, json, jsonl or markdown (tables fit ``width`` columns)."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        fields = list(dict.fromkeys(k for r in rows for k in r))
        writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: cell_text(v) for k, v in r.items()})
        return buf.getvalue()
    return records_table(rows, "github" if fmt == "markdown" else tablefmt, width)
