"""The query subcommands of the CLI: ``timeline``, ``firsts``, ``compare``, ``history``.

Each takes article files or folders (or ``.json``/``.jsonl`` files written by
``policytrack export``, read back without extracting again), asks the corpus one
question and prints the answer as a table, JSON, JSON lines, CSV or Markdown;
``--plot FILE.png`` also draws it (needs ``policytrack[plot]``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ._cli_output import TABLE_FORMATS, format_rows, save_figure, table_width
from ._cli_store import add_db_option, open_source
from .convert import read_export
from .corpus import Corpus
from .errors import BadArgumentError, ExportFormatError
from .models import Document, FirstScope
from .queries import ENTRY_KINDS
from .render import ResultMixin, records_count
from .store import Store

__all__ = ["FORMATS", "add_query_commands", "query_options"]

FORMATS = ("table", "json", "jsonl", "csv", "markdown")
EXPORT_SUFFIXES = (".json", ".jsonl")

OutputOptions = Callable[[argparse.ArgumentParser, Sequence[str], str], None]
LoadPaths = Callable[..., tuple[Corpus, int]]
FormatRows = Callable[[Sequence[dict[str, Any]], str, str], str]
WriteOutput = Callable[[str, "Path | None"], None]


def _split_list(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in text.replace("，", ",").replace("、", ",").split(",") if part.strip()]


class _Commands:
    """The handlers, bound to the CLI's shared helpers."""

    def __init__(self, load_paths: LoadPaths, format_rows: FormatRows, write_output: WriteOutput) -> None:
        self.load_paths = load_paths
        self.format_rows = format_rows
        self.write_output = write_output

    def corpus(self, args: argparse.Namespace) -> tuple[Corpus | Store, int]:
        """The store named by ``--db``, or the articles named as paths (export files are
        read back instead of being extracted again)."""
        paths: Sequence[str] = args.paths
        store = open_source(args)
        if store is not None:
            if paths:
                raise BadArgumentError("give either --db FILE.db or article paths, not both")
            return store, 0
        if not paths:
            raise BadArgumentError("name article paths or --db FILE.db")
        exports = [p for p in paths if Path(p).suffix.lower() in EXPORT_SUFFIXES and Path(p).is_file()]
        articles = [p for p in paths if p not in exports]
        documents: list[Document] = []
        for path in exports:
            try:
                documents.extend(read_export(path))
            except (ExportFormatError, ValueError, TypeError, KeyError) as err:
                raise BadArgumentError(f"{path}: not a policytrack export ({err})") from None
        if not articles:
            return Corpus(documents), 0
        corpus, status = self.load_paths(articles)
        corpus.documents[:0] = documents
        if documents and not corpus.documents[len(documents) :] and status == 2 and not corpus.errors:
            status = 0  # the export files held the documents; the other paths were empty folders
        return corpus, status

    def emit(self, args: argparse.Namespace, result: ResultMixin, status: int,
             notes: Sequence[str] = (), extra: Sequence[tuple[str, list[dict[str, Any]]]] = (),
             more_records: Sequence[dict[str, Any]] = ()) -> int:
        """Print ``result`` in the format asked for, then ``notes`` (below a table; on standard
        error for the other formats); tables are followed by the ``extra`` (title, rows) tables,
        the other formats' records by ``more_records``."""
        width = table_width(args)
        if args.format in TABLE_FORMATS:
            rows = result.table_rows()
            text = format_rows(rows, args.format, args.tablefmt, width) if rows else f"{result.title()}: nothing found"
            for title, extra_rows in extra:
                text += f"\n\n{title}:\n" + format_rows(extra_rows, args.format, args.tablefmt, width)
            text += "".join(f"\n\n{note}" for note in notes)
        else:
            text = format_rows([*result.to_records(), *more_records], args.format, args.tablefmt)
            for note in notes:
                print(f"policytrack: {note}", file=sys.stderr)
        self.write_output(text, args.output)
        plot_path: Path | None = getattr(args, "plot", None)
        if plot_path is not None:
            save_figure(result.plot(), plot_path)
        return status

    def timeline(self, args: argparse.Namespace) -> int:
        corpus, status = self.corpus(args)
        if status == 2:
            return status
        result = corpus.timeline(
            args.region, within=args.within, kinds=_split_list(args.kinds) or None, since=args.since,
            until=args.until, min_confidence=args.min_confidence,
        )
        if not result.undated:
            return self.emit(args, result, status)
        if args.undated:  # a second table, or records with a null date after the dated ones
            return self.emit(args, result, status, (),
                             [(f"Undated: {result.undated} records with no date, not placed on the timeline",
                               result.undated_rows())],
                             [e.to_record() for e in result.undated_entries])
        left_out = records_count(result.undated, "undated record")
        return self.emit(args, result, status, [f"{left_out} left out (--undated lists them)"])

    def firsts(self, args: argparse.Namespace) -> int:
        corpus, status = self.corpus(args)
        if status == 2:
            return status
        result = corpus.firsts(args.scope, args.region, within=args.within, status=args.status,
                               min_confidence=args.min_confidence)
        return self.emit(args, result, status)

    def compare(self, args: argparse.Namespace) -> int:
        regions = _split_list(args.regions)
        if not regions:
            raise BadArgumentError("--regions: name at least one region (R1,R2)")
        corpus, status = self.corpus(args)
        if status == 2:
            return status
        metrics = [m for group in (args.metric or []) for m in _split_list(group)] or None
        result = corpus.compare(regions, metrics, as_of=args.as_of, within=args.within,
                                min_confidence=args.min_confidence)
        return self.emit(args, result, status)

    def history(self, args: argparse.Namespace) -> int:
        corpus, status = self.corpus(args)
        if status == 2:
            return status
        result = corpus.history(args.metric, args.region, within=args.within, min_confidence=args.min_confidence)
        return self.emit(args, result, status)


def _confidence(text: str) -> float:
    """``--min-confidence``: a number between 0 and 1 (argparse reports anything else as one line)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text!r}")
    return value


def query_options(
    parser: argparse.ArgumentParser,
    output_options: OutputOptions,
    *,
    plot: bool,
    within_default: bool,
) -> None:
    """The options every query subcommand shares, declared in this one place: where to read
    (paths or ``--db``), the output options, ``--within`` and, for results that draw,
    ``--plot``.  An option every query should take (a confidence threshold, say) goes here."""
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or folders, or export files (.json/.jsonl)")
    add_db_option(parser)
    output_options(parser, FORMATS, "table")
    parser.add_argument(
        "--within", action=argparse.BooleanOptionalAction, default=within_default,
        help=f"include what lies inside the region (districts, zones) (default: {within_default})",
    )
    parser.add_argument(
        "--min-confidence", type=_confidence, default=None, metavar="P",
        help="leave out what no report states with at least this confidence (0-1; records "
        "carry the learned judgement's calibrated confidence)",
    )
    if plot:
        parser.add_argument("--plot", type=Path, metavar="FILE.png",
                            help="also draw the result to this image (.png, .svg or .pdf; needs policytrack[plot])")


def add_query_commands(
    sub: argparse._SubParsersAction[Any],
    output_options: OutputOptions,
    load_paths: LoadPaths,
    format_rows: FormatRows,
    write_output: WriteOutput,
) -> None:
    """Register ``timeline``, ``firsts``, ``compare`` and ``history`` on ``sub``."""
    commands = _Commands(load_paths, format_rows, write_output)

    def common(parser: argparse.ArgumentParser, *, plot: bool, within_default: bool) -> None:
        query_options(parser, output_options, plot=plot, within_default=within_default)

    timeline = sub.add_parser(
        "timeline",
        help="dated events, statistics, targets, first claims and launches in date order",
        description="Dated events, statistics, targets, first claims, launches and foundings merged "
        "across articles, in date order (a partial date sorts by the last day it covers: "
        "2021 after 2021-12, before 2022-01).",
    )
    common(timeline, plot=True, within_default=True)
    timeline.add_argument("--region", help="a region (any alias), e.g. 广州开发区")
    timeline.add_argument("--kinds", help=f"comma-separated kinds among {','.join(ENTRY_KINDS)}")
    timeline.add_argument("--since", help="keep entries on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    timeline.add_argument("--until", help="keep entries on or before this date")
    timeline.add_argument("--undated", action="store_true",
                          help="also list the records left out for want of a date (a second table)")
    timeline.set_defaults(handler=commands.timeline)

    firsts = sub.add_parser(
        "firsts",
        help="first claims merged across articles: asserted, corroborated or contested",
        description="Claims to be first (全国首单, 全省首家, 率先...) merged across articles, each "
        "asserted (one article), corroborated (several agree) or contested (unrelated regions).",
    )
    common(firsts, plot=False, within_default=True)
    firsts.add_argument("--scope", help=f"one of {', '.join(s.value for s in FirstScope)} (or 全国, 全省...)")
    firsts.add_argument("--region", help="keep claims made by this region (or inside it)")
    firsts.add_argument("--status", metavar="STATUS",
                        help="keep claims with this status: asserted, corroborated or contested")
    firsts.set_defaults(handler=commands.firsts)

    compare = sub.add_parser(
        "compare",
        help="regions side by side: latest value of each statistic, counts of records",
        description="A region x metric table of the latest value of each statistic (with date and "
        "sources), plus counts of first claims, products, institutions and initiatives per region.",
    )
    common(compare, plot=True, within_default=True)
    compare.add_argument("--regions", required=True, help="comma-separated regions, e.g. 广州开发区,越秀区,广州市")
    compare.add_argument("--metric", action="append",
                         help="a metric (canonical name or any alias); repeat or separate with commas")
    compare.add_argument("--as-of", dest="as_of", help="latest values on or before this date")
    compare.set_defaults(handler=commands.compare)

    history = sub.add_parser(
        "history",
        help="the values one statistic took across articles and dates",
        description="Every value a statistic (canonical name or any alias) took across articles, "
        "dated values in date order, then undated ones.",
    )
    common(history, plot=True, within_default=False)
    history.add_argument("--metric", required=True, help="a metric: canonical name or any alias")
    history.add_argument("--region", help="a region (any alias)")
    history.set_defaults(handler=commands.history)
