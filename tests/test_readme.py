"""The README as a contract: every shell command it shows runs, and every output it shows is what
the command prints (its Python examples run as doctests: ``--doctest-glob=*.md``).

``console`` blocks hold ``$ command`` lines each followed by the output it prints (standard
output and error together); a last line ``...`` means "the first lines of it".  In ``sh``
blocks each ``policytrack`` or ``python examples/...`` command must exit 0.  Commands run in a
fresh folder holding links to ``seeds/`` and ``examples/``, so nothing is written into the clone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
RUN_ONLY = ("policytrack", "python examples/")


def _blocks(kind: str) -> list[str]:
    return [body for lang, body in FENCE.findall(README.read_text(encoding="utf-8")) if lang == kind]


def _console_examples() -> list[tuple[str, list[str]]]:
    examples: list[tuple[str, list[str]]] = []
    for body in _blocks("console"):
        for line in body.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif examples:
                examples[-1][1].append(line.rstrip())
    return examples


def _shell_commands() -> list[str]:
    """The README's policytrack and example commands.  The other shell lines are the set-up
    (venv and pip install), the font install (apt) and the test command itself: CI's
    ``.ci/run`` runs those on a fresh clone, exactly as written."""
    return [line.strip() for body in _blocks("sh") for line in body.splitlines()
            if line.strip().startswith(RUN_ONLY)]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    for name in ("seeds", "examples"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    return tmp_path


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False, timeout=600)


def test_the_readme_shows_commands_and_outputs() -> None:
    assert len(_console_examples()) >= 8
    assert len(_shell_commands()) >= 8


@pytest.mark.parametrize(("command", "shown"), _console_examples(), ids=[c for c, _ in _console_examples()])
def test_shown_output_is_what_the_command_prints(command: str, shown: list[str], workdir: Path) -> None:
    done = _run(command + " 2>&1", workdir)
    printed = [line.rstrip() for line in done.stdout.splitlines()]
    if shown and shown[-1] == "...":
        assert printed[: len(shown) - 1] == shown[:-1]
    else:
        assert printed == shown


@pytest.mark.parametrize("command", _shell_commands())
def test_shell_command_runs(command: str, workdir: Path) -> None:
    if " --db " in command and "ingest" not in command:  # the README ingests first
        assert _run("policytrack ingest seeds --db tracker.db", workdir).returncode == 0
    if " --undo" in command:  # the README corrects the record first
        assert _run(command.replace("--undo", "--reject --note first"), workdir).returncode == 0
    done = _run(command, workdir)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert not list(Path(ROOT).glob("*.png"))  # nothing written into the clone


#: Where a file the README names by itself (`load.py`, `zones.json`) may live.
_HOMES = ("", "src/policytrack", "src/policytrack/data", "examples", "benchmarks", "scripts", "docs")
_FILE_NAME = re.compile(r"[`(]((?:[\w./-]+/)?[\w-]+\.(?:md|py|json|png|ipynb|toml))[`)]")


def test_every_file_the_readme_names_is_in_the_clone() -> None:
    """Issue 10: the README pointed at EXPORT.md and ../shared/eval/score.py, which a clone lacks."""
    text = README.read_text(encoding="utf-8")
    assert "../" not in text
    names = set(_FILE_NAME.findall(text))
    assert {"docs/EXPORT.md", "docs/SCORING.md", "docs/timeline.png"} <= names
    missing = [n for n in sorted(names) if not any((ROOT / home / n).exists() for home in _HOMES)]
    assert missing == []
