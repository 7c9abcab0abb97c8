"""Results as tables, records, DataFrames, notebook HTML and plots (hand-made records)."""

from __future__ import annotations

import builtins
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from policytrack import Corpus, PolicytrackError
from policytrack.render import MissingExtraError, json_value, records_table

from ._query_fixtures import DocBuilder, StubGazetteer, guangzhou_corpus

CORPUS = Corpus(guangzhou_corpus(), gazetteer=StubGazetteer())

RESULTS = {
    "timeline": lambda: CORPUS.timeline("广州开发区"),
    "firsts": lambda: CORPUS.firsts("national"),
    "compare": lambda: CORPUS.compare(["广州开发区", "越秀区", "广州市"], ["每万人高价值专利拥有量"]),
    "history": lambda: CORPUS.history("海外侵权责任险", "广州开发区"),
}
PLOTTABLE = ["timeline", "compare", "history"]


@pytest.mark.parametrize("name", list(RESULTS))
def test_records_are_plain_json(name: str) -> None:
    records = RESULTS[name]().to_records()
    assert records
    text = json.dumps(records, ensure_ascii=False)
    assert json.loads(text) == records
    for row in records:
        assert isinstance(row["sources"], list) and all(isinstance(s, str) for s in row["sources"])
        assert "region" in row and "date" in row


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("timeline", {"date", "region", "kind", "description", "metric", "value", "unit", "status", "sources"}),
        ("firsts", {"date", "region", "kind", "subject", "scope", "status", "sources"}),
        ("compare", {"date", "region", "kind", "metric", "value", "unit", "sources"}),
        ("history", {"date", "region", "kind", "metric", "value", "unit", "sources"}),
    ],
)
def test_rows_carry_the_documented_keys(name: str, keys: set[str]) -> None:
    for row in RESULTS[name]().to_records():
        assert keys <= set(row)


# the first three lines of each format: (top line, second line, third line) patterns
TABLE_SHAPES = {
    "github": (r"\| \w+ +\| \w", r"\|-+\|-+\|", r"\| \S"),
    "simple": (r"\w+ +\w", r"-+  -+  -+", r"\S"),
    "grid": (r"\+-+\+-+\+", r"\| \w+ +\| \w", r"\+=+\+=+\+"),
    "plain": (r"\w+ +\w", r"(?![-+|: ]*$)\S", r"(?![-+|: ]*$)"),
    "pipe": (r"\| \w+ +\| \w", r"\|:-+\|:-+\|", r"\| \S"),
}


@pytest.mark.parametrize("tablefmt", list(TABLE_SHAPES))
@pytest.mark.parametrize("name", list(RESULTS))
def test_tables_in_any_tabulate_format(name: str, tablefmt: str) -> None:
    result = RESULTS[name]()
    table = result.table(tablefmt)
    lines = table.splitlines()
    for pattern, line in zip(TABLE_SHAPES[tablefmt], lines, strict=False):
        assert re.match(pattern, line), (tablefmt, line)
    rows = result.table_rows()
    framed = {"github": 2, "simple": 2, "grid": 3 + len(rows), "plain": 1, "pipe": 2}[tablefmt]
    assert len(lines) == framed + len(rows)
    assert "广州开发区" in table


def test_str_has_title_and_rows() -> None:
    text = str(RESULTS["history"]())
    assert text.splitlines()[0] == "History of 购买海外侵权责任保险的企业数 in 广州开发区"
    assert "26" in text and "13" in text


def test_comparison_table_is_wide() -> None:
    rows = RESULTS["compare"]().table_rows()
    assert rows[0]["metric"] == "每万人口高价值发明专利拥有量"
    assert rows[0]["广州开发区"] == "177.57件 (2021)"
    assert rows[0]["越秀区"] == "97.51件 (2024)"
    assert rows[0]["广州市"] == "20件 (2021-12)"


def test_repr_html_shows_title_and_table() -> None:
    html = RESULTS["firsts"]()._repr_html_()
    assert html.startswith("<p><strong>First claims (national)</strong></p>\n<table>")
    assert "<td>知识产权海外侵权责任保险" in html and html.rstrip().endswith("</table>")


def test_repr_html_escapes_markup_from_articles() -> None:
    """Article text is untrusted: a notebook must show its markup, not render it."""
    b = DocBuilder("x", published="2023-01-01", region="杭州市")
    b.sentence("2022年，杭州发放<i>知识产权</i>质押贷款30亿元。")
    b.value("<i>知识产权</i>质押贷款", "3000000000", "元", "2022")
    b.sentence("2022年，杭州成立<script>alert(1)</script>知识产权保护中心。")
    b.institution("service", "<script>alert(1)</script>知识产权保护中心", "杭州市", "2022")
    corpus = Corpus([b.build()], gazetteer=StubGazetteer())
    history = corpus.history("<i>知识产权</i>质押贷款")._repr_html_()
    assert history.startswith("<p><strong>History of &lt;i&gt;知识产权&lt;/i&gt;质押贷款</strong></p>")
    timeline = corpus.timeline("杭州市")._repr_html_()
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;知识产权保护中心" in timeline
    for html in (history, timeline):
        assert "<i>" not in html and "<script>" not in html


def test_records_table_handles_no_rows_and_lists() -> None:
    assert records_table([]) == "(no rows)"
    assert "a, b" in records_table([{"x": ["a", "b"], "y": None}])


@pytest.mark.parametrize(("value", "expected"), [("177.57", 177.57), ("26", 26), ("7.8E+7", 78000000)])
def test_json_value(value: str, expected: float) -> None:
    from decimal import Decimal

    out = json_value(Decimal(value))
    assert out == expected and type(out) is type(expected)


def _hide(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__
    import importlib
    import sys

    for name in list(sys.modules):
        if name == module or name.startswith(module + "."):
            monkeypatch.delitem(sys.modules, name)

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == module or name.startswith(module + "."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    real_import_module = importlib.import_module

    def fake_module(name: str, package: str | None = None) -> Any:
        if name == module or name.startswith(module + "."):
            raise ImportError(f"No module named {name!r}")
        return real_import_module(name, package)

    monkeypatch.setattr(builtins, "__import__", fake)
    monkeypatch.setattr(importlib, "import_module", fake_module)


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("pandas", lambda r: r.to_pandas(), "pandas"),
        ("matplotlib", lambda r: r.plot(), "plot"),
    ],
    ids=["pandas", "matplotlib"],
)
def test_missing_extra_is_named(module: str, call: Any, extra: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from policytrack import render

    render.cjk_font.cache_clear()
    _hide(module, monkeypatch)
    with pytest.raises(MissingExtraError, match=rf"pip install 'policytrack\[{extra}\]'") as info:
        call(RESULTS["timeline"]())
    assert isinstance(info.value, ImportError) and isinstance(info.value, PolicytrackError)
    render.cjk_font.cache_clear()


def test_missing_extra_message_names_feature_module_and_extra() -> None:
    from policytrack.render import _import

    err = MissingExtraError("to_pandas()", "pandas", "pandas")
    assert err.extra == "pandas"
    assert str(err) == "to_pandas() needs pandas, which is not installed: pip install 'policytrack[pandas]'"
    with pytest.raises(MissingExtraError) as info:
        _import("no_such_module_here.sub", "plot()", "plot")
    assert str(info.value) == ("plot() needs no_such_module_here, which is not installed: "
                               "pip install 'policytrack[plot]'")
    assert info.value.extra == "plot"


def test_to_pandas_without_pandas_names_to_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide("pandas", monkeypatch)
    with pytest.raises(MissingExtraError, match=r"^to_pandas\(\) needs pandas"):
        RESULTS["timeline"]().to_pandas()


def test_cells_tables_and_str_defaults() -> None:
    from policytrack.render import cell_text

    assert [cell_text(v) for v in (None, ["a", "b"], ("c",), 3, "x")] == ["", "a, b", "c", 3, "x"]
    rows = [{"a": None, "b": "x"}]
    assert records_table(rows) == records_table(rows, "github") == "| a   | b   |\n|-----|-----|\n|     | x   |"
    result = RESULTS["history"]()
    assert result.table() == result.table("github")
    assert "id" in result.to_records()[0] and "id" not in result.table_rows()[0]
    assert str(result) == f"{result.title()}\n{result.table('simple')}"


def test_plot_label_helpers() -> None:
    import datetime as dt

    from policytrack.render import _fmt_value, _short, _span

    assert [_short("广州开发区", w) for w in (5, 6, 4, 2)] == ["广州开发区", "广州开发区", "广州开…", "广…"]
    assert _span("2021-06-15") == (dt.date(2021, 6, 15), dt.date(2021, 6, 15), True)
    assert _span("2021-06") == (dt.date(2021, 6, 1), dt.date(2021, 6, 30), False)
    # plot labels write quantities as articles do (issue 10): 亿/万 scales, no separators
    assert [_fmt_value(v, u) for v, u in [(None, "件"), (1234567, "件"), (1234.5, "元"), (2.0, None),
                                          (0.125, "%"), ("1e3", "件"), (2613000000, "元")]] == [
        "", "1234567件", "1234.5元", "2", "0.125%", "1000件", "26.13亿元",
    ]


def test_firsts_has_no_plot() -> None:
    with pytest.raises(PolicytrackError, match=r"^Firsts has no plot; use table\(\) or to_pandas\(\)$"):
        RESULTS["firsts"]().plot()


@pytest.mark.parametrize("name", PLOTTABLE)
def test_plot_takes_the_result_title_and_options(name: str) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (no CJK font here is another test's business)
        result = RESULTS[name]()
        figure = result.plot()
        titles = [ax.get_title() for ax in figure.axes]
        if figure._suptitle is not None:
            titles.append(figure._suptitle.get_text())
        assert result.title() in titles
        if name == "compare":
            order = ["广州市", "越秀区", "广州开发区"]
            assert [t.get_text() for t in result.plot(regions=order).axes[0].get_xticklabels()] == order
            default = list(result.plot_options()["regions"])
            assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == default != order
        elif name == "timeline":
            narrow = [t.get_text() for ax in result.plot(label_width=3).axes for t in ax.texts]
            default = [t.get_text() for ax in figure.axes for t in ax.texts]
            assert "2016-07\n中新…" in narrow and "2016-07\n中新…" not in default
        else:
            with pytest.raises(TypeError):
                result.plot(no_such_option=1)


@pytest.mark.parametrize("name", list(RESULTS))
def test_to_pandas(name: str) -> None:
    pd = pytest.importorskip("pandas")
    frame = RESULTS[name]().to_pandas()
    assert isinstance(frame, pd.DataFrame)
    records = RESULTS[name]().to_records()
    assert len(frame) == len([r for r in records if r["kind"] != "count"])  # counts: to_pandas(counts=True)
    assert "sources" in frame.columns


@pytest.mark.parametrize("name", PLOTTABLE)
def test_plot_draws_chinese_without_missing_glyphs(name: str, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from policytrack.render import cjk_font

    if cjk_font() is None:
        pytest.skip("no CJK font on this machine (apt-get install fonts-noto-cjk)")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would fail the test
        figure = RESULTS[name]().plot()
        out = tmp_path / f"{name}.png"
        figure.savefig(out, dpi=60)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    texts = [t.get_text() for ax in figure.axes for t in ax.get_yticklabels() + ax.get_xticklabels()]
    texts += [ax.get_title() for ax in figure.axes]
    assert any("广州" in t or "购买" in t or "每万人" in t for t in texts)
