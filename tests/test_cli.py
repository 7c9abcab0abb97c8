"""The command line: formats, exit statuses, one-line errors, documented subcommands."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policytrack.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, build_parser, main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _subcommands() -> list[str]:
    parser = build_parser()
    for action in parser._actions:
        if action.dest == "command":
            return sorted(action.choices)  # type: ignore[arg-type]
    raise AssertionError("no subcommands")


def test_export_json_has_five_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEEDS), "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "policytrack/1"
    assert sorted(d["id"] for d in data["documents"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_export_jsonl_is_one_document_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEEDS), "--format", "jsonl"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert all(json.loads(line)["id"] for line in lines)


def test_export_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEEDS), "--format", "table"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "000_14afc3d42e25be0e" in out and "milestones" in out


def test_missing_path_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    assert main(["export", str(missing)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert str(missing) in err and "no such file" in err
    assert "Traceback" not in err


def test_some_bad_files_exit_one_and_keep_the_good(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shutil.copy(SEEDS / "002_f4d8e2aa342967f2.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["export", str(tmp_path), "--format", "json"]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert [d["id"] for d in json.loads(captured.out)["documents"]] == ["good"]
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "empty.txt" in lines[0]


def test_nothing_loadable_exits_two(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["export", str(tmp_path / "empty.txt")]) == EXIT_USAGE
    assert "empty.txt" in capsys.readouterr().err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEEDS), "--format", "yaml"]) == EXIT_USAGE
    assert "invalid choice" in capsys.readouterr().err


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    assert main(["export", str(SEEDS), "-o", str(out)]) == EXIT_OK
    assert len(json.loads(out.read_text(encoding="utf-8"))["documents"]) == 5


@pytest.mark.parametrize("command", _subcommands())
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert "usage:" in capsys.readouterr().out


@pytest.mark.parametrize("command", _subcommands())
def test_every_subcommand_is_documented_in_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"policytrack {command}\b", readme), f"README does not show `policytrack {command}`"


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "policytrack", "export", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == EXIT_USAGE
    assert "Traceback" not in run.stderr and "missing.txt" in run.stderr


def test_an_extractor_defect_is_one_files_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bug caught: a NameError inside an extractor escaped the CLI as a traceback."""
    from policytrack.extract import milestones

    def broken(doc: object, analysis: object = None) -> list[object]:
        if "坏" in getattr(doc, "text", ""):
            raise NameError("name '_helper' is not defined")
        return []

    monkeypatch.setattr(milestones, "extract", broken)
    (tmp_path / "good.txt").write_text("深圳市发布知识产权保护条例。", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("坏文章里有首单。", encoding="utf-8")
    assert main(["export", str(tmp_path), "--format", "jsonl"]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["good"]
    assert "bad.txt" in captured.err and "extraction failed (NameError" in captured.err
    assert "Traceback" not in captured.err
