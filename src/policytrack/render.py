"""Showing query results: tables (tabulate), plain records, DataFrames, notebook HTML and plots.

This module knows nothing of the queries: a result hands it plain records (dicts of
JSON values).  pandas and matplotlib are optional extras (``policytrack[pandas]``,
``policytrack[plot]``), imported only when :meth:`ResultMixin.to_pandas` or
:meth:`ResultMixin.plot` is called; without them those methods raise
:class:`MissingExtraError`, which names the extra to install.

Chinese labels need a CJK font.  :func:`cjk_font` looks for one in this order: the font
file named by the environment variable ``POLICYTRACK_CJK_FONT``, a CJK family matplotlib
already knows (Noto Sans CJK, Source Han Sans, WenQuanYi, SimHei, Microsoft YaHei,
PingFang...), then CJK font files among the system fonts.  Without one, plots still work
but warn (:class:`CJKFontWarning`), since Chinese text would show as boxes; on Debian or
Ubuntu ``apt-get install fonts-noto-cjk`` provides one.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import importlib
import os
import warnings
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import tabulate as tabulate_module
from tabulate import tabulate

from .errors import PolicytrackError
from .models import PartialDate

__all__ = [
    "CJKFontWarning",
    "MissingExtraError",
    "ResultMixin",
    "cell_text",
    "cjk_font",
    "display_width",
    "json_value",
    "plot_comparison",
    "plot_history",
    "plot_timeline",
    "quantity_text",
    "records_count",
    "records_table",
    "shorten",
    "typed_frame",
]


class MissingExtraError(PolicytrackError, ImportError):
    """An optional dependency is not installed; the message names the extra that provides it."""

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed: "
            f"pip install 'policytrack[{extra}]'"
        )


class CJKFontWarning(UserWarning):
    """No CJK font was found: Chinese labels in plots would show as empty boxes."""


def json_value(value: Any) -> Any:
    """A JSON-ready number: ``Decimal`` becomes ``int`` when integral, else ``float``."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    return value


#: Units a Chinese article writes with 万/亿 (``26.13亿元``, ``1.39万件``); ratios and rates are not.
_UNSCALED = frozenset({"%", "个百分点", "倍", "分", "天", "小时", "个工作日"})

#: How an article writes a qualifier before a number.
_QUALIFIER_WORDS = {"over": "超", "about": "约", "under": "不足"}


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def quantity_text(value: Any, unit: str | None = None, qualifier: str | None = None) -> str:
    """A quantity as a Chinese article writes it: base units scaled back to 万 or 亿 when the
    number is round enough to have been written so, the qualifier as its word.

    >>> quantity_text(2613000000, "元"), quantity_text(13900, "件"), quantity_text(1000000000, "元", "over")
    ('26.13亿元', '1.39万件', '超10亿元')
    >>> quantity_text(22452, "件"), quantity_text(177.57, "件"), quantity_text(12.5, "%")
    ('22452件', '177.57件', '12.5%')
    """
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return f"{value}{unit or ''}"
    text = _plain(number)
    if unit not in _UNSCALED and number == number.to_integral_value():
        for scale, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            scaled = number / scale
            if abs(number) >= scale and scaled == scaled.quantize(Decimal("0.01")):
                text = _plain(scaled) + word
                break
    return f"{_QUALIFIER_WORDS.get(str(qualifier), '')}{text}{unit or ''}"


def records_count(n: int, noun: str) -> str:
    """``1 undated record``, ``2 undated records``."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def cell_text(value: Any) -> Any:
    """A table or CSV cell: lists comma-separated, ``None`` empty, anything else as it is."""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


#: The width a table fits by default on the command line (``--wide`` for every character).
TABLE_WIDTH = 100

#: Narrowest a shortened column becomes.
_MIN_COLUMN = 6


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (Chinese characters take two)."""
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, ending with … when cut."""
    if display_width(text) <= width:
        return text
    out, used = [], 1
    for char in text:
        w = max(display_width(char), 0)
        if used + w > width:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


#: Columns shortened before any other (a reader follows the id of a source only now and then).
SHRINK_FIRST = ("sources", "claimants", "as_written", "title", "source")

#: Columns never shortened: a cut id or date is no use.
NEVER_SHRINK = ("id", "date", "published")


def _fit(headers: list[str], body: list[list[str]], width: int) -> list[list[str]]:
    """Shorten columns until a github-style table fits ``width``: first the columns of
    :data:`SHRINK_FIRST`, then always the widest."""
    widths = [max([display_width(h), *(display_width(row[i]) for row in body)]) for i, h in enumerate(headers)]
    floor = [widths[i] if h in NEVER_SHRINK else max(_MIN_COLUMN, min(display_width(h), 12))
             for i, h in enumerate(headers)]
    limits = list(widths)
    first = sorted((i for i, h in enumerate(headers) if h in SHRINK_FIRST), key=lambda i: SHRINK_FIRST.index(headers[i]))
    while sum(limits) + 3 * len(limits) + 1 > width:
        shrinkable = [i for i, w in enumerate(limits) if w > floor[i]]
        if not shrinkable:
            break
        preferred = [i for i in first if i in shrinkable and limits[i] > floor[i] + 4]
        column = preferred[0] if preferred else max(shrinkable, key=lambda i: limits[i])
        limits[column] -= 1
    if limits == widths:
        return body
    return [[shorten(cell, limits[i]) for i, cell in enumerate(row)] for row in body]


def records_table(rows: Sequence[dict[str, Any]], tablefmt: str = "github", width: int | None = None) -> str:
    """Plain rows as a tabulate table (any tabulate format); lists print comma-separated.

    With ``width``, long cells are shortened with … so that the table fits that many
    terminal columns (as far as the headers allow).
    """
    if not rows:
        return "(no rows)"
    headers = list(dict.fromkeys(k for r in rows for k in r))
    body = [[str(cell_text(r.get(k))) for k in headers] for r in rows]
    if width is None or tablefmt in ("html", "unsafehtml", "latex", "tsv"):
        return tabulate(body, headers=headers, tablefmt=tablefmt, disable_numparse=True)
    body = _fit(headers, body, width)
    padding = tabulate_module.MIN_PADDING
    tabulate_module.MIN_PADDING = 0  # no blank columns beside a header: every column counts
    try:
        return tabulate(body, headers=headers, tablefmt=tablefmt, disable_numparse=True)
    finally:
        tabulate_module.MIN_PADDING = padding


def _import(module: str, feature: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, module.split(".")[0], extra) from None


class ResultMixin:
    """Shared face of query results: a class using it defines ``to_records()`` and ``title()``."""

    __slots__ = ()

    #: which plot draws it (``timeline``, ``comparison``, ``history``), None when it has none
    plot_kind: str | None = None

    #: the fields of its records (the columns of an empty DataFrame)
    record_fields: tuple[str, ...] = ()

    def to_records(self) -> list[dict[str, Any]]:  # pragma: no cover - always overridden
        raise NotImplementedError

    def title(self) -> str:  # pragma: no cover - always overridden
        return type(self).__name__

    def table_rows(self) -> list[dict[str, Any]]:
        """The rows the table shows (by default the records, without ids)."""
        return [{k: v for k, v in r.items() if k != "id"} for r in self.to_records()]

    def table(self, tablefmt: str = "github", width: int | None = None) -> str:
        """A readable table in any tabulate format (``github``, ``simple``, ``grid``, ``html``...):
        quantities as articles write them (``26.13亿元``); with ``width``, long text shortened
        with … to fit that many terminal columns."""
        return records_table(self.table_rows(), tablefmt, width)

    def __str__(self) -> str:
        return f"{self.title()}\n{self.table('simple')}"

    def _repr_html_(self) -> str:
        return f"<p><strong>{html.escape(self.title())}</strong></p>\n" + self.table("html")

    def to_pandas(self) -> Any:
        """The records as a typed ``pandas.DataFrame`` (needs ``policytrack[pandas]``): see
        :func:`typed_frame`."""
        return typed_frame(self.to_records(), self.record_fields)

    def plot_options(self) -> dict[str, Any]:
        """Extra keyword arguments for the plot function (e.g. the order of regions)."""
        return {}

    def plot(self, **options: Any) -> Any:
        """Draw the result; returns a ``matplotlib.figure.Figure`` (needs ``policytrack[plot]``)."""
        records = self.to_records()
        options = {**self.plot_options(), **options}
        if self.plot_kind == "timeline":
            return plot_timeline(records, title=self.title(), **options)
        if self.plot_kind == "comparison":
            return plot_comparison(records, title=self.title(), **options)
        if self.plot_kind == "history":
            return plot_history(records, title=self.title(), **options)
        raise PolicytrackError(f"{type(self).__name__} has no plot; use table() or to_pandas()")


#: Columns holding a partial date (``2021``, ``2021-06``, ``2021-06-30``).
DATE_COLUMNS = ("date", "end", "reported")

#: Columns of few distinct values: pandas categories.
CATEGORY_COLUMNS = ("region", "kind", "metric", "unit", "qualifier", "scope", "status")

#: The precisions of a partial date, finest first: the order of ``date_precision``.
PRECISIONS = ("day", "month", "year")


def typed_frame(records: Sequence[dict[str, Any]], columns: Sequence[str] = ()) -> Any:
    """Plain records as a ``pandas.DataFrame`` typed for analysis.

    * a partial date becomes the last day it covers (``datetime64``; missing: ``NaT``), the
      day by which it is known to hold, so that ``2021`` sorts after ``2021-06`` and before
      ``2022-01`` as the library orders them; ``date_precision`` (an ordered category
      ``day < month < year``) keeps what was written, and sorting on
      ``["date", "date_precision"]`` puts the finer date first on a tie, as the library does;
    * region, kind, metric, unit, qualifier, scope and status are categories;
    * ``value`` is a float (base units; ``unit`` and ``qualifier`` say how to read it);
    * lists (``sources``, ``claimants``) stay lists.

    With no records, the frame still has ``columns`` (typed the same way), so that code
    written for a full answer runs on an empty one.
    """
    pd = _import("pandas", "to_pandas()", "pandas")
    rows = list(records)
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame(columns=list(columns))
    for column in DATE_COLUMNS:
        if column not in frame.columns:
            continue
        texts = frame[column]
        frame[column] = pd.to_datetime(
            [_last_day(t) for t in texts], errors="coerce"
        ).astype("datetime64[ns]")
        if column == "date":
            position = frame.columns.get_loc("date") + 1
            precisions = [_precision(t) for t in texts]
            frame.insert(position, "date_precision",
                         pd.Categorical(precisions, categories=list(PRECISIONS), ordered=True))
    for column in CATEGORY_COLUMNS:
        if column in frame.columns:
            frame[column] = frame[column].astype("category")
    if "value" in frame.columns:
        frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    return frame


def _last_day(text: Any) -> dt.date | None:
    if not text:
        return None
    try:
        return PartialDate.parse(str(text)).last_day()
    except ValueError:
        return None


def _precision(text: Any) -> str | None:
    if not text:
        return None
    try:
        return str(PartialDate.parse(str(text)).precision)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Fonts

#: CJK families, most wanted first.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Hiragino Sans GB",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
    "AR PL UKai CN",
    "Droid Sans Fallback",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
)

_CJK_FILE_HINTS = ("notosanscjk", "notoserifcjk", "sourcehan", "wqy", "simhei", "msyh", "pingfang",
                   "droidsansfallback", "uming", "ukai", "notosanssc", "hiragino")


@functools.lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of a CJK font matplotlib can use, registering one if needed; else None."""
    fm = _import("matplotlib.font_manager", "plot()", "plot")
    manager = fm.fontManager
    chosen = os.environ.get("POLICYTRACK_CJK_FONT")
    if chosen and Path(chosen).is_file():
        try:
            manager.addfont(chosen)
            return str(fm.FontProperties(fname=chosen).get_name())
        except (OSError, RuntimeError, ValueError):
            warnings.warn(f"POLICYTRACK_CJK_FONT={chosen} is not a usable font", CJKFontWarning, stacklevel=2)

    def known() -> str | None:
        names = {f.name for f in manager.ttflist}
        return next((family for family in CJK_FAMILIES if family in names), None)

    found = known()
    if found:
        return found
    for path in _fontconfig_cjk_files():
        try:
            manager.addfont(path)
        except (OSError, RuntimeError, ValueError):
            continue
    found = known()
    if found:
        return found
    for path in fm.findSystemFonts():
        if any(hint in Path(path).name.lower().replace("-", "").replace("_", "") for hint in _CJK_FILE_HINTS):
            try:
                manager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    return known()


def _fontconfig_cjk_files() -> list[str]:
    """Files of the fonts fontconfig lists for Chinese (``fc-list :lang=zh``), if it is installed."""
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        done = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=20,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    files = [line.split(":")[0].strip() for line in done.stdout.splitlines() if line.strip()]
    # matplotlib reads .ttf/.otf/.ttc; prefer sans-serif CJK families
    files = [f for f in files if f.lower().endswith((".ttf", ".otf", ".ttc"))]
    return sorted(files, key=lambda f: ("sans" not in f.lower(), "cjk" not in f.lower(), f))


_warned_no_font = False


def _no_font_warning() -> None:
    """Warn once per process that Chinese will show as boxes, and silence matplotlib's warning
    for each missing glyph (hundreds of lines a plot) which this one warning replaces."""
    global _warned_no_font
    if _warned_no_font:
        return
    _warned_no_font = True
    warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
    warnings.warn(
        "no CJK font found: Chinese labels will show as boxes "
        "(install one, e.g. apt-get install fonts-noto-cjk, or set POLICYTRACK_CJK_FONT to a font file)",
        CJKFontWarning,
        stacklevel=4,
    )


def _font_context() -> tuple[Any, str | None]:
    mpl = _import("matplotlib", "plot()", "plot")
    family = cjk_font()
    if family is None:
        _no_font_warning()
    families = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    return mpl.rc_context({"font.family": families, "axes.unicode_minus": False}), family


def _new_figure(width: float, height: float) -> Any:
    figure = _import("matplotlib.figure", "plot()", "plot")
    agg = _import("matplotlib.backends.backend_agg", "plot()", "plot")
    fig = figure.Figure(figsize=(width, height), layout="constrained")
    agg.FigureCanvasAgg(fig)
    return fig


def _left_out(fig: Any, notes: Sequence[str]) -> None:
    """Say on the figure what it does not show (``fig.policytrack_left_out`` keeps the notes)."""
    fig.policytrack_left_out = list(notes)
    if notes:
        fig.supxlabel("Not shown: " + "; ".join(notes), fontsize=8, color="#555555")  # laid out, not overlaid


def _fix_fonts(fig: Any, family: str | None) -> None:
    """Make every text, including tick labels created later, use the CJK family."""
    if family is None:
        return
    families = [family, "DejaVu Sans"]
    for ax in fig.axes:
        ax.tick_params(labelfontfamily=families)
    fig.canvas.draw()  # creates the ticks now, inside the font context


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fmt_value(value: Any, unit: Any, qualifier: Any = None) -> str:
    if value is None:
        return ""
    return quantity_text(value, unit, qualifier)


_KIND_COLOURS = {
    "event": "#1f77b4",
    "measurement": "#2ca02c",
    "target": "#ff7f0e",
    "first": "#d62728",
    "product": "#9467bd",
    "initiative": "#8c564b",
    "institution": "#e377c2",
}


def _span(date_text: str) -> tuple[dt.date, dt.date, bool]:
    date = PartialDate.parse(date_text)
    return date.first_day(), date.last_day(), date.day is not None


def plot_timeline(
    records: Sequence[dict[str, Any]],
    *,
    title: str = "Timeline",
    max_lines: int = 4,
    label_width: int = 16,
    undated: int = 0,
) -> Any:
    """Timeline records as a figure: a lane per region, a bar for the span a partial date
    covers (a mark for a single day), coloured by kind; one label a region and date lists
    its first ``max_lines`` entries and how many more there are.  A note at the foot says
    how many entries are not drawn (``undated`` ones, records without a date)."""
    mdates = _import("matplotlib.dates", "plot()", "plot")
    context, family = _font_context()
    with context:
        rows = [r for r in records if r.get("date")]
        lanes = list(dict.fromkeys((r.get("region") or "?") for r in rows)) or ["?"]
        fig = _new_figure(13, 1.4 + 2.2 * len(lanes))
        ax = fig.add_subplot()
        seen_kinds: dict[str, Any] = {}
        groups: dict[tuple[int, str], list[dict[str, Any]]] = {}
        for r in rows:
            first, last, exact = _span(str(r["date"]))
            y = lanes.index(r.get("region") or "?")
            colour = _KIND_COLOURS.get(str(r.get("kind")), "#7f7f7f")
            start = mdates.date2num(first)
            end = mdates.date2num(last + dt.timedelta(days=1))
            if exact:
                handle = ax.plot([start], [y], marker="o", color=colour, markersize=6, linestyle="none")[0]
            else:
                handle = ax.barh(y, end - start, left=start, height=0.2, color=colour, alpha=0.35)
            seen_kinds.setdefault(str(r.get("kind")), handle)
            groups.setdefault((y, str(r["date"])), []).append(r)
        # one label a (lane, date): its first entries, then how many more; above and below the
        # lane in turn so that neighbouring labels do not overlap
        side: dict[int, int] = {}
        for (y, date_text), members in sorted(groups.items(), key=lambda kv: (kv[0][0], _span(kv[0][1])[0])):
            lines = [
                f"{_short(str(m.get('description') or ''), label_width)} {_fmt_value(m.get('value'), m.get('unit'))}"
                .strip()
                for m in members[:max_lines]
            ]
            if len(members) > max_lines:
                lines.append(f"+{len(members) - max_lines} more")
            up = side.get(y, 0) % 2 == 0
            side[y] = side.get(y, 0) + 1
            x = mdates.date2num(_span(date_text)[0])
            ax.annotate(
                f"{date_text}\n" + "\n".join(lines),
                xy=(x, y),
                xytext=(x, y + (0.14 if up else -0.14)),
                fontsize=6.5,
                ha="left",
                va="bottom" if up else "top",
                color="#333333",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#cccccc", "alpha": 0.85},
                arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5},
            )
        ax.set_yticks(range(len(lanes)), labels=lanes)
        ax.set_ylim(-0.7, len(lanes) - 0.3)
        ax.xaxis_date()
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
        ax.grid(axis="x", alpha=0.3)
        ax.set_title(title)
        if seen_kinds:
            ax.legend(list(seen_kinds.values()), list(seen_kinds), loc="upper left", fontsize=8, ncols=4)
        if not rows:
            ax.text(0.5, 0.5, "no dated entries", transform=ax.transAxes, ha="center")
        missing = undated + len(records) - len(rows)
        _left_out(fig, [records_count(missing, "undated record")] if missing else [])
        _fix_fonts(fig, family)
    return fig


def plot_comparison(
    records: Sequence[dict[str, Any]],
    *,
    title: str = "Comparison",
    max_metrics: int = 12,
    regions: Sequence[str] | None = None,
) -> Any:
    """Comparison records as a figure: a panel per metric with a bar per region (value,
    unit and date written on it), and a panel of entity counts per region.  At most
    ``max_metrics`` metrics are drawn; a note at the foot names how many were not."""
    context, family = _font_context()
    with context:
        values = [r for r in records if r.get("kind") != "count" and r.get("value") is not None]
        counts = [r for r in records if r.get("kind") == "count"]
        every_metric = list(dict.fromkeys(str(r["metric"]) for r in values))
        metrics = every_metric[:max_metrics]
        regions = list(regions) if regions else list(dict.fromkeys(str(r["region"]) for r in records))
        panels = len(metrics) + (1 if counts else 0)
        cols = min(3, max(panels, 1))
        nrows = max(1, -(-panels // cols))
        fig = _new_figure(4.2 * cols, 3.2 * nrows + 0.5)
        axes = fig.subplots(nrows, cols, squeeze=False).ravel()
        for ax, metric in zip(axes, metrics, strict=False):
            rows = {str(r["region"]): r for r in values if r["metric"] == metric}
            xs = range(len(regions))
            heights = [float(rows[g]["value"]) if g in rows else 0.0 for g in regions]
            bars = ax.bar(xs, heights, color="#4c72b0")
            for bar, region in zip(bars, regions, strict=True):
                r = rows.get(region)
                if r is None:
                    note = "—"
                else:
                    note = _fmt_value(r["value"], r.get("unit")) + (f"\n{r['date']}" if r.get("date") else "")
                ax.annotate(note, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            ha="center", va="bottom", fontsize=8)
            ax.set_xticks(list(xs), labels=regions, fontsize=8)
            ax.set_title(_short(metric, 22), fontsize=10)
            ax.margins(y=0.25)
        if counts:
            ax = axes[len(metrics)]
            kinds = list(dict.fromkeys(str(r["metric"]) for r in counts))
            width = 0.8 / max(len(kinds), 1)
            for k, kind in enumerate(kinds):
                heights = [
                    float(next((r["value"] for r in counts if r["metric"] == kind and r["region"] == g), 0))
                    for g in regions
                ]
                ax.bar([x + k * width for x in range(len(regions))], heights, width=width, label=kind)
            ax.set_xticks([x + width * (len(kinds) - 1) / 2 for x in range(len(regions))], labels=regions,
                          fontsize=8)
            ax.set_title("counts", fontsize=10)
            ax.legend(fontsize=7)
        for ax in axes[panels:]:
            ax.set_visible(False)
        fig.suptitle(title)
        dropped = len(every_metric) - len(metrics)
        _left_out(fig, [f"{dropped} of {len(every_metric)} metrics (drawn: the first {len(metrics)}; choose with --metric or "
                        f"plot(max_metrics={len(every_metric)}))"] if dropped else [])
        _fix_fonts(fig, family)
    return fig


def plot_history(records: Sequence[dict[str, Any]], *, title: str = "History") -> Any:
    """History records as a figure: values in order, a point a report, labelled by date.
    Dated values of a region are joined by a line; undated ones (hollow marks, labelled with
    their articles) are not."""
    context, family = _font_context()
    with context:
        fig = _new_figure(max(6.0, 1.2 * len(records) + 2), 4)
        ax = fig.add_subplot()
        regions = list(dict.fromkeys(str(r.get("region")) for r in records))
        for region in regions:
            pts = [(i, r) for i, r in enumerate(records) if str(r.get("region")) == region]
            dated = [(i, r) for i, r in pts if r.get("date")]
            line = ax.plot([i for i, _ in dated], [float(r["value"]) for _, r in dated], marker="o", label=region)
            colour = line[0].get_color()
            undated = [(i, r) for i, r in pts if not r.get("date")]
            if undated:  # not joined by a line: when they hold is unknown
                ax.plot([i for i, _ in undated], [float(r["value"]) for _, r in undated], marker="o",
                        linestyle="none", markerfacecolor="white", color=colour)
            for i, r in pts:
                ax.annotate(_fmt_value(r["value"], r.get("unit")), (i, float(r["value"])),
                            textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
        labels = [
            str(r["date"]) if r.get("date") else "undated\n" + ", ".join(str(s) for s in r.get("sources") or [])
            for r in records
        ]
        ax.set_xticks(range(len(records)), labels=labels, fontsize=8)
        ax.set_title(title)
        ax.margins(x=0.15, y=0.2)
        if regions:
            ax.legend(fontsize=8)
        _fix_fonts(fig, family)
    return fig
