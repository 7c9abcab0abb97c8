#!/usr/bin/env python3
"""Rewrite the outputs shown in README.md's ``console`` blocks with what the commands print now.

Usage (from the repository's root, after a change that moves extraction's output)::

    python scripts/refresh_readme.py          # rewrite README.md, then read the diff
    python scripts/refresh_readme.py --check  # exit 1 if an output differs (what tests/test_readme.py checks)

Each ``$ command`` line is run in a fresh folder holding links to ``seeds/`` and ``examples/``
(as tests/test_readme.py runs it); a shown output ending in ``...`` keeps only as many lines as
it showed.  Read the diff before committing: a changed output is a changed answer.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FENCE = re.compile(r"^```console\n(.*?)^```", re.M | re.S)


def run(command: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("seeds", "examples"):
            (Path(tmp) / name).symlink_to(ROOT / name, target_is_directory=True)
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
        done = subprocess.run(["bash", "-c", command + " 2>&1"], cwd=tmp, env=env, capture_output=True,
                              text=True, encoding="utf-8", check=False, timeout=600)
    return [line.rstrip() for line in done.stdout.splitlines()]


def refresh(body: str) -> str:
    out: list[str] = []
    shown: list[str] = []
    command: str | None = None

    def flush() -> None:
        if command is None:
            out.extend(shown)
            return
        printed = run(command)
        if shown and shown[-1] == "...":
            out.extend([*printed[: len(shown) - 1], "..."])
        else:
            out.extend(printed)

    for line in body.splitlines():
        if line.startswith("$ "):
            flush()
            out.append(line)
            command, shown = line[2:], []
        else:
            shown.append(line)
    flush()
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only report whether the shown outputs are current")
    args = ap.parse_args()
    text = README.read_text(encoding="utf-8")
    new = FENCE.sub(lambda m: "```console\n" + refresh(m.group(1)) + "```", text)
    if args.check:
        print("README outputs are current" if new == text else "README outputs differ")
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    print("README.md rewritten" if new != text else "README outputs already current")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
