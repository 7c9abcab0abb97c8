"""The ``policytrack`` command line.

Exit status: 0 when every file loaded, 1 when some files failed (the good ones
are still processed and written), 2 for a usage error or when nothing could be
loaded.  Errors are one line each on standard error; never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ._cli_export import add_export_options, export
from ._cli_queries import add_query_commands
from ._cli_store import add_maintenance_commands, add_store_commands
from .convert import SCHEMA
from .corpus import Corpus
from .errors import PolicytrackError
from .load import load
from .models import Document
from .render import cell_text, records_table

__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2

#: Subcommand handlers: name -> function(args) -> exit status.
Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors exit with status 2 and one line of text."""

    def error(self, message: str) -> Any:  # pragma: no cover - exercised via main()
        self.exit(EXIT_USAGE, f"policytrack: error: {message}\n")


def output_options(parser: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    """The output options every subcommand shares."""
    parser.add_argument(
        "--format",
        "-f",
        choices=list(formats),
        default=default,
        help=f"output format (default: {default})",
    )
    parser.add_argument(
        "--tablefmt",
        default="github",
        help="tabulate table style for --format table (e.g. github, simple, grid, plain)",
    )
    parser.add_argument("--output", "-o", type=Path, help="write to this file instead of standard output")


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
            "title": d.title,
            "source": d.source,
            "published": str(d.published) if d.published else None,
            "region": d.region,
            "firsts": len(d.firsts),
            "institutions": len(d.institutions),
            "products": len(d.financing_products),
            "initiatives": len(d.initiatives),
            "milestones": len(d.milestones),
        }
        for d in docs
    ]


def write_output(text: str, path: Path | None) -> None:
    if path is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
    else:
        path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def format_rows(rows: Sequence[dict[str, Any]], fmt: str, tablefmt: str = "github") -> str:
    """Render plain rows as table, csv, json, jsonl or markdown."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        fields = list(dict.fromkeys(k for r in rows for k in r))  # a column only some rows have too
        writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: cell_text(v) for k, v in r.items()})
        return buf.getvalue()
    return records_table(rows, "github" if fmt == "markdown" else tablefmt)


def cmd_export(args: argparse.Namespace) -> int:
    return export(args, format_rows, _summary_rows)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="policytrack",
        description="Extract and query regional policy initiatives from Chinese news articles.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    exporter = sub.add_parser(
        "export",
        help=f"load articles and print every record ({SCHEMA} JSON, JSON lines or a summary table)",
        description=f"Load articles and print their records as {SCHEMA} JSON, JSON lines "
        "(one document a line) or a summary table.",
    )
    exporter.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    output_options(exporter, ["json", "jsonl", "table"], "json")
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
    handler: Handler = args.handler
    try:
        return handler(args)
    except PolicytrackError as err:
        print(f"policytrack: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("policytrack: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
