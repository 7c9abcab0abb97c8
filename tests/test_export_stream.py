"""`export` streams: documents are written as they are extracted, the text is the in-memory export's."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import policytrack
from policytrack.cli import main
from policytrack.convert import dumps, unstructure, write_export
from policytrack.models import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    return policytrack.load(SEEDS).documents


@pytest.mark.parametrize("count", [0, 1, 5])
def test_write_export_is_the_in_memory_export(seeds: list[Document], count: int) -> None:
    out = io.StringIO()
    assert write_export(seeds[:count], out) == count
    assert out.getvalue() == dumps(seeds[:count])


def test_write_export_writes_each_document_before_the_next_is_made(seeds: list[Document]) -> None:
    out = io.StringIO()
    written: list[int] = []

    def lazily() -> Iterator[Document]:
        for doc in seeds:
            written.append(len(out.getvalue()))
            yield doc

    write_export(lazily(), out)
    assert written == sorted(set(written)) and len(written) == 5  # the output grew before each next document


@pytest.mark.parametrize("workers", ["1", "2", "auto"])
def test_cli_export_json_is_the_same_with_any_workers(
    seeds: list[Document], tmp_path: Path, workers: str
) -> None:
    target = tmp_path / "out.json"
    assert main(["export", str(SEEDS), "-o", str(target), "--workers", workers]) == 0
    assert target.read_text(encoding="utf-8") == dumps(seeds) + "\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_cli_export_jsonl(seeds: list[Document], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEEDS), "-f", "jsonl", "-j", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == [json.loads(json.dumps(unstructure(d))) for d in seeds]


def test_cli_export_failures_are_reported_and_the_rest_written(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.txt").write_text("2021年，成都市武侯区发明专利授权量1200件。", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    assert main(["export", str(tmp_path), "-f", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1 and "empty.txt" in err


def test_cli_export_into_a_missing_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEEDS), "-o", str(tmp_path / "no" / "out.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err


def test_cli_export_of_nothing_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "none").mkdir()
    assert main(["export", str(tmp_path / "none"), "-o", str(tmp_path / "out.json")]) == 2
    assert not (tmp_path / "out.json").exists()
    assert "no article files found" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "many", "-2"])
def test_workers_must_be_a_number_or_auto(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(SEEDS), "--workers", value]) == 2
    assert "expected a whole number >= 1 or auto" in capsys.readouterr().err


def test_iter_documents_streams_in_order_over_workers(seeds: list[Document]) -> None:
    from policytrack.load import iter_documents

    stream = iter_documents(SEEDS, workers=2)
    assert next(stream) == seeds[0]
    assert [seeds[0], *stream] == seeds


def test_auto_workers_uses_every_cpu_only_for_enough_files() -> None:
    import os

    from policytrack._parallel import AUTO_MIN_FILES, auto_workers

    assert auto_workers(AUTO_MIN_FILES - 1) == 1
    assert auto_workers(AUTO_MIN_FILES) == max(os.cpu_count() or 1, 1)


def test_folders_are_walked_as_files_are_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first file comes out after one folder was listed, not after the whole tree."""
    import os

    from policytrack._parallel import expand

    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        for i in range(3):
            (tmp_path / folder / f"{i}.txt").write_text("x", encoding="utf-8")
    listed: list[str] = []
    real = os.scandir

    def scandir(path: Any) -> Any:
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    walk = expand(tmp_path)
    first = next(walk)
    assert first == tmp_path / "a" / "0.txt" and len(listed) == 2  # the root, then a
    assert [p.relative_to(tmp_path).as_posix() for p in [first, *walk]] == [  # type: ignore[union-attr]
        f"{f}/{i}.txt" for f in "abc" for i in range(3)]
