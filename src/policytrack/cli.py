"""The ``policytrack`` command line.

Exit status: 0 when every file loaded, 1 when some files failed (the good ones
are still processed and written), 2 for a usage error or when nothing could be
loaded.  Errors are one line each on standard error; never a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from ._cli_export import add_export_options, export
from ._cli_output import check_targets, format_rows, output_options, write_output
from ._cli_queries import add_query_commands
from ._cli_store import add_maintenance_commands, add_store_commands
from ._suggest import nearest
from .convert import SCHEMA
from .corpus import Corpus
from .errors import PolicytrackError
from .load import load
from .models import Document

__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "format_rows", "main", "output_options",
           "write_output"]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2

#: Subcommand handlers: name -> function(args) -> exit status.
Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with status 2 and one line of text."""

    def error(self, message: str) -> Any:  # pragma: no cover - exercised via main()
        self.exit(EXIT_USAGE, f"policytrack: error: {_with_suggestion(message)}\n")


_INVALID_CHOICE = re.compile(r"invalid choice: '?(?P<typed>[^'(]+?)'? \(choose from (?P<choices>.*)\)$")


def _with_suggestion(message: str) -> str:
    """argparse's "invalid choice" message with the nearest choice as a "did you mean"."""
    found = _INVALID_CHOICE.search(message)
    if found is None:
        return message
    choices = [c.strip().strip("'\"") for c in found["choices"].split(",")]
    near = nearest(found["typed"], {c: c for c in choices if c})
    return f"{message}; did you mean {' or '.join(near)}?" if near else message


def load_paths(paths: Sequence[str], *, strict: bool = False) -> tuple[Corpus, int]:
    """Load ``paths``, report each failure on stderr; return the corpus and an exit status."""
    missing = [p for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
    for p in missing:
        print(f"policytrack: {p}: no such file or directory", file=sys.stderr)
    present = [p for p in paths if p not in missing]
    corpus = load(present, strict=strict) if present else Corpus()
    for failure in corpus.errors:
        print(f"policytrack: {failure.path}: {failure.reason}", file=sys.stderr)
    if not corpus.documents:
        if not missing and not corpus.errors:
            print("policytrack: no article files found in " + ", ".join(paths), file=sys.stderr)
        return corpus, EXIT_USAGE
    return corpus, EXIT_PARTIAL if (missing or corpus.errors) else EXIT_OK


def _summary_rows(docs: Sequence[Document]) -> list[dict[str, Any]]:
    return [
        {
            "id": d.id,
            "published": str(d.published) if d.published else None,
            "region": d.region,
            "firsts": len(d.firsts),
            "institutions": len(d.institutions),
            "products": len(d.financing_products),
            "initiatives": len(d.initiatives),
            "milestones": len(d.milestones),
            "title": d.title,
            "source": d.source,
        }
        for d in docs
    ]


def cmd_export(args: argparse.Namespace) -> int:
    return export(args, format_rows, _summary_rows)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="policytrack",
        description="Extract and query regional policy initiatives from Chinese news articles.",
    )
    parser.add_argument("--version", action="version", version=f"policytrack {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    exporter = sub.add_parser(
        "export",
        help=f"load articles and print every record ({SCHEMA} JSON, JSON lines or a summary table)",
        description=f"Load articles and print their records as {SCHEMA} JSON, JSON lines "
        "(one document a line) or a summary table.",
    )
    exporter.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    output_options(exporter, ["json", "jsonl", "table"], None,
                   default_help="table on a terminal, json into a pipe or a file")
    add_export_options(exporter)
    exporter.set_defaults(handler=cmd_export)

    add_query_commands(sub, output_options, load_paths, format_rows, write_output)
    add_store_commands(sub, output_options, load_paths, format_rows, write_output)
    add_maintenance_commands(sub, output_options, format_rows, write_output)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "handler", None) is None:  # bare `policytrack`: how to use it, and the commands
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    handler: Handler = args.handler
    try:
        check_targets(args)
        return handler(args)
    except PolicytrackError as err:
        print(f"policytrack: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("policytrack: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
