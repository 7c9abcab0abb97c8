"""The timeline, firsts, compare and history subcommands (on an export of hand-made records)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policytrack import dumps, queries
from policytrack.cli import main

from ._query_fixtures import StubGazetteer, guangzhou_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(queries, "default_regions", StubGazetteer)
    path = tmp_path / "guangzhou.json"
    path.write_text(dumps(guangzhou_corpus()), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("command", ["timeline", "firsts", "compare", "history"])
def test_every_subcommand_has_help(command: str) -> None:
    done = subprocess.run([sys.executable, "-m", "policytrack", command, "--help"], capture_output=True,
                          text=True, check=False, cwd=ROOT)
    assert done.returncode == 0
    assert "--format" in done.stdout and "PATH" in done.stdout


def test_done_when_firsts_national_lists_the_insurance_claim_once(export: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "firsts", str(export), "--scope", "national", "--format", "json")
    assert status == 0
    rows = [r for r in json.loads(out) if "海外侵权责任" in r["subject"]]
    assert len(rows) == 1
    assert rows[0]["status"] == "corroborated"
    assert rows[0]["sources"] == ["gdz_2022", "gz_2022"]


def test_done_when_history_shows_13_and_26(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "history", str(export), "--metric", "海外侵权责任险", "--region", "黄埔区",
                         "--format", "jsonl")
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["value"], r["date"]) for r in rows] == [(26, "2022"), (13, None)]
    assert all(r["metric"] == "购买海外侵权责任保险的企业数" for r in rows)


def test_done_when_compare_side_by_side(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "compare", str(export), "--regions", "广州开发区,越秀区,广州市",
                         "--metric", "每万人口高价值发明专利拥有量", "--format", "csv")
    assert status == 0
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["kind"] == "measurement"]
    assert {r["region"]: r["value"] for r in rows} == {"广州开发区": "177.57", "越秀区": "97.51", "广州市": "20"}


def test_done_when_timeline_starts_in_2016(export: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "timeline", str(export), "--region", "广州开发区", "--format", "json")
    assert status == 0
    rows = json.loads(out)
    assert rows[0]["date"] == "2016-07"
    assert {"date", "region", "kind", "description", "metric", "value", "unit", "status", "sources"} <= set(rows[0])


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["timeline", "--region", "广州市", "--no-within"], "2022-04-20"),
        (["timeline", "--kinds", "first", "--since", "2019", "--until", "2019"], "纯专利资产证券化产品"),
        (["firsts", "--scope", "全省"], "知识产权公证处"),
        (["compare", "--regions", "广州开发区，广州市", "--as-of", "2021"], "每万人口高价值发明专利拥有量"),
    ],
    ids=["no-within", "kinds-window", "scope-word", "as-of"],
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_tables(argv: list[str], expected: str, fmt: str, export: Path,
                capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, argv[0], str(export), *argv[1:], "--format", fmt)
    assert status == 0 and expected in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["timeline", "--since", "soon"], "since"),
        (["firsts", "--scope", "galactic"], "scope"),
        (["history", "--metric", "知识产权质押融资"], "ambiguous"),
        (["compare", "--regions", ","], "regions"),
    ],
    ids=["bad-date", "bad-scope", "ambiguous-metric", "no-regions"],
)
def test_bad_arguments_exit_2_with_one_line(argv: list[str], message: str, export: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, argv[0], str(export), *argv[1:])
    assert status == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "firsts", str(tmp_path / "nope"))
    assert status == 2 and "no such file" in err


def test_bad_export_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "other"}', encoding="utf-8")
    status, _, err = run(capsys, "firsts", str(bad))
    assert status == 2 and "not a policytrack export" in err


def test_output_file(export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    status, out, _ = run(capsys, "firsts", str(export), "--format", "json", "--output", str(target))
    assert status == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))


def test_plot_writes_png(export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "timeline.png"
    status, _, _ = run(capsys, "timeline", str(export), "--region", "广州开发区", "--plot", str(png))
    assert status == 0
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_runs_on_the_seed_articles(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["timeline"], ["firsts"], ["compare", "--regions", "广州开发区,越秀区,广州市"],
                    ["history", "--metric", "专利授权量"]):
        status, _, err = run(capsys, command[0], str(ROOT / "seeds"), *command[1:], "--format", "json")
        assert status == 0, err
