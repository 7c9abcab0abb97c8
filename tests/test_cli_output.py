"""The command line as a newcomer meets it: files it cannot write, tables that fit a terminal,
the timeline's undated records, --version, bare ``policytrack``, export to a terminal, help."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import policytrack
from policytrack.cli import build_parser, main
from policytrack.render import display_width

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

ARTICLE = (  # two statistics with no date, then dated ones
    "广州开发区专利授权量超1.39万件。"
    "广州开发区知识产权质押融资企业数为120家。"
    "2022年，广州开发区知识产权质押融资金额达26.13亿元。"
    "2021年，越秀区成立粤港澳大湾区知识产权调解中心越秀分中心，为全国首家区级知识产权纠纷人民调解委员会分会。"
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "gz.json"
    path.write_text(policytrack.dumps([policytrack.parse(ARTICLE, id="gz")]),
                    encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- files the CLI cannot write: one line naming the path, exit 2 ----------------------------------

UNWRITABLE = {
    "-o into a missing folder (issue 10)": (["timeline", "{export}", "-o", "{missing}/x.txt"], "{missing}/x.txt"),
    "--plot into a missing folder (issue 10)": (["timeline", "{export}", "--plot", "{missing}/x.png"],
                                                "{missing}/x.png"),
    "--plot of an unknown image type": (["compare", "{export}", "--regions", "广州开发区", "--plot", "{tmp}/x.xyz"],
                                        "{tmp}/x.xyz"),
    "-o is a folder": (["firsts", "{export}", "-o", "{tmp}"], "{tmp}"),
    "export -o into a missing folder": (["export", "{export}", "-o", "{missing}/e.json"], "{missing}/e.json"),
    "--db in a missing folder": (["ingest", "{export}", "--db", "{missing}/t.db"], "{missing}/t.db"),
    "query --db in a missing folder": (["firsts", "--db", "{missing}/t.db"], "{missing}/t.db"),
}


@pytest.mark.parametrize(("argv", "path"), list(UNWRITABLE.values()), ids=list(UNWRITABLE))
def test_an_unwritable_target_is_one_line_naming_it(argv: list[str], path: str, export: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    names = {"export": str(export), "missing": str(tmp_path / "no" / "such"), "tmp": str(tmp_path)}
    status, out, err = run(capsys, *(a.format(**names) for a in argv))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith(f"policytrack: {path.format(**names)}: ")
    assert not (tmp_path / "no").exists()


def test_a_write_that_fails_late_is_one_line(export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "write_text", refuse)
    status, _, err = run(capsys, "firsts", str(export), "-o", str(tmp_path / "f.txt"))
    assert status == 2
    assert err == f"policytrack: {tmp_path / 'f.txt'}: cannot write: Permission denied\n"


# --- tables: quantities as written, 100 columns unless --wide ------------------------------------


def test_tables_show_quantities_as_the_articles_write_them(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "history", str(export), "--metric", "知识产权质押融资金额")
    assert "26.13亿元" in out and "2613000000" not in out
    _, out, _ = run(capsys, "compare", str(export), "--regions", "广州开发区", "--metric", "知识产权质押融资金额")
    assert "26.13亿元" in out


def test_json_csv_keep_base_units_and_the_qualifier_apart(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "timeline", str(export), "--undated", "--format", "json")
    rows = json.loads(out)
    money = next(r for r in rows if r["unit"] == "元")
    assert money["value"] == 2613000000
    patents = next(r for r in rows if r["unit"] == "件")
    assert (patents["value"], patents["qualifier"]) == (13900, "over")
    _, out, _ = run(capsys, "timeline", str(export), "--undated", "--format", "csv")
    assert "2613000000" in out and ",over," in out


@pytest.mark.parametrize("command", [
    ["timeline", str(SEEDS), "--region", "广州开发区"],
    ["firsts", str(SEEDS)],
    ["compare", str(SEEDS), "--regions", "广州开发区,越秀区,广州市"],
    ["history", str(SEEDS), "--metric", "知识产权质押融资金额"],
    ["export", str(SEEDS), "--format", "table"],
], ids=["timeline", "firsts", "compare", "history", "export"])
def test_tables_fit_100_columns_unless_wide(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *command)
    widths = [display_width(line) for line in out.splitlines()]
    assert max(widths) <= 100, max(widths)
    _, wide, _ = run(capsys, *command, "--wide")
    if command[0] in ("timeline", "firsts", "history"):  # long text was shortened
        assert "…" in out and "…" not in wide
    if command[0] != "compare":
        assert max(display_width(line) for line in wide.splitlines()) > 100


# --- the timeline's undated records --------------------------------------------------------------


def test_timeline_says_how_many_undated_records_it_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "timeline", str(SEEDS), "--region", "广州开发区")
    result = policytrack.load(SEEDS).timeline("广州开发区")
    assert status == 0 and result.undated > 0
    assert out.rstrip().endswith(f"{result.undated} undated records left out (--undated lists them)")


def test_undated_lists_them(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "timeline", str(export), "--undated")
    assert "Undated: 2 records with no date" in out
    assert "超1.39万件" in out.split("Undated:")[1]
    _, out, err = run(capsys, "timeline", str(export), "--undated", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["date"] for r in rows].count(None) == 2 and err == ""
    _, out, err = run(capsys, "timeline", str(export), "--format", "jsonl")
    assert all(json.loads(line)["date"] for line in out.splitlines())
    assert err == "policytrack: 2 undated records left out (--undated lists them)\n"


def test_python_timeline_keeps_the_undated_entries() -> None:
    result = policytrack.Corpus([policytrack.parse(ARTICLE, id="gz")]).timeline()
    assert result.undated == len(result.undated_entries) == 2
    assert all(e.date is None for e in result.undated_entries)


# --- --version, bare policytrack, export to a terminal, help -------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out == f"policytrack {policytrack.__version__}\n"


def test_bare_policytrack_prints_usage_and_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert status == 2 and out == ""
    assert err.startswith("usage: policytrack")
    for command in ("export", "timeline", "firsts", "compare", "history", "ingest"):
        assert f"    {command} " in err


def test_export_to_a_terminal_prints_a_table(export: Path, tmp_path: Path) -> None:
    """Run under a pseudo-terminal: a table; through a pipe: the JSON contract."""
    pty = pytest.importorskip("pty")
    script = ("import sys; from policytrack.cli import main; sys.exit(main(['export', sys.argv[1]]))")
    out = bytearray()

    def read(fd: int) -> bytes:
        data = __import__("os").read(fd, 65536)
        out.extend(data)
        return data

    pid_status = pty.spawn([sys.executable, "-c", script, str(export)], read)
    assert pid_status == 0
    text = out.decode("utf-8")
    assert "| id " in text and "policytrack/1" not in text
    piped = subprocess.run([sys.executable, "-m", "policytrack", "export", str(export)], capture_output=True,
                           text=True, check=True, cwd=tmp_path)
    assert json.loads(piped.stdout)["schema"] == "policytrack/1"


def _parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    parser = build_parser()
    found = [("policytrack", parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.extend((f"policytrack {name}", sub) for name, sub in action.choices.items())
    return found


@pytest.mark.parametrize(("name", "parser"), _parsers(), ids=[name for name, _ in _parsers()])
def test_every_option_has_help(name: str, parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            assert all(a.help for a in action._choices_actions), name
            continue
        assert action.help and action.help != argparse.SUPPRESS, f"{name} {action.option_strings or action.dest}"
