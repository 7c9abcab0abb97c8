"""Plots a newcomer can read: a CJK font found (or one warning, not hundreds), and a note on the
figure for what it leaves out."""

from __future__ import annotations

import subprocess
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

import policytrack
from policytrack import render
from policytrack.queries import Cell, Comparison, Measurement

pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parent.parent


def _comparison(metrics: int) -> Comparison:
    cells = tuple(
        Cell(f"指标{i}", "广州市", Measurement(f"m{i}", "measurement", f"指标{i}", True, "广州市", None,
                                              Decimal(i + 1), "件", ()))
        for i in range(metrics)
    )
    return Comparison(("广州市",), tuple(f"指标{i}" for i in range(metrics)), cells, ())


def test_compare_plot_says_how_many_metrics_it_left_out() -> None:
    """Issue 10: compare.plot() drew 12 of 23 metrics without saying so."""
    fig = _comparison(23).plot()
    assert fig.policytrack_left_out == ["11 of 23 metrics (drawn: the first 12; choose with --metric or plot(max_metrics=23))"]
    assert "Not shown: 11 of 23 metrics" in fig.get_supxlabel()
    assert _comparison(23).plot(max_metrics=23).policytrack_left_out == []


def test_timeline_plot_says_how_many_undated_records_it_left_out() -> None:
    text = "广州开发区专利授权量超1.39万件。2022年，广州开发区知识产权质押融资金额达26.13亿元。"
    timeline = policytrack.Corpus([policytrack.parse(text, id="gz")]).timeline()
    assert timeline.undated == 1
    assert timeline.plot().policytrack_left_out == ["1 undated record"]


def test_without_a_cjk_font_one_warning_and_no_glyph_flood(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Issue 10: one --plot printed about 236 lines of glyph warnings on a machine without a CJK font."""
    monkeypatch.setattr(render, "cjk_font", lambda: None)
    monkeypatch.setattr(render, "_warned_no_font", False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for _ in range(2):
            fig = _comparison(3).plot()
            fig.savefig(tmp_path / "c.png")
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1, messages[:5]
    assert issubclass(caught[0].category, render.CJKFontWarning)
    assert "fonts-noto-cjk" in messages[0] and "POLICYTRACK_CJK_FONT" in messages[0]


def test_cli_plot_without_a_cjk_font_prints_at_most_one_line(tmp_path: Path) -> None:
    export = tmp_path / "gz.json"
    export.write_text(policytrack.dumps([policytrack.parse("2022年，广州开发区知识产权质押融资金额达26.13亿元。",
                                                           id="gz")]), encoding="utf-8")
    script = ("import sys; from policytrack import render; render.cjk_font = lambda: None; "
              "from policytrack.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, "timeline", str(export), "--plot",
                           str(tmp_path / "t.png")], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0
    assert len(done.stderr.splitlines()) <= 2, done.stderr  # the warning and the line of code it names
    assert "CJKFontWarning" in done.stderr and "Glyph" not in done.stderr
    assert (tmp_path / "t.png").stat().st_size > 0


def _a_cjk_font_file() -> str | None:
    files = render._fontconfig_cjk_files()
    return files[0] if files else None


@pytest.mark.skipif(_a_cjk_font_file() is None, reason="no CJK font installed (apt-get install fonts-noto-cjk)")
def test_fontconfig_finds_the_installed_cjk_font() -> None:
    render.cjk_font.cache_clear()
    try:
        assert render.cjk_font() is not None
    finally:
        render.cjk_font.cache_clear()


@pytest.mark.skipif(_a_cjk_font_file() is None, reason="no CJK font installed (apt-get install fonts-noto-cjk)")
def test_policytrack_cjk_font_names_a_font_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from matplotlib import font_manager

    path = _a_cjk_font_file()
    assert path is not None
    monkeypatch.setenv("POLICYTRACK_CJK_FONT", path)
    render.cjk_font.cache_clear()
    try:
        assert render.cjk_font() == font_manager.FontProperties(fname=path).get_name()
    finally:
        render.cjk_font.cache_clear()
