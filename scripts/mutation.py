#!/usr/bin/env python3
"""Mutation testing of the modules where a silent break costs most, one target at a time.

Each target names the source files to mutate, optionally the functions (mutmut name globs)
within them, and the test files that guard them.  For each target this script copies the
repository's tracked files to a scratch folder (your working tree is never touched), writes a
``[tool.mutmut]`` section for that target into the copy's ``pyproject.toml`` and runs
``mutmut run`` there.  mutmut (3.x) then runs, for each mutant, only the tests of the chosen
files that exercised the mutated function, in forked children (``--max-children``, default 2:
the development machine has two shared cores).

Usage::

    python -m pip install -e '.[mutation]'
    python scripts/mutation.py                  # every target, in turn
    python scripts/mutation.py parallel render  # some
    python scripts/mutation.py --list           # the targets

It prints one row per target (mutants, killed, survived, timeouts, other) and writes, for
each target, ``<work>/<target>/survivors.diff`` with the diff of every surviving mutant, to
be judged: killed by a new test, or explained in the report.  The work folder defaults to
``$TMPDIR/policytrack-mutation``; a target's folder is reused when its copy is up to date,
so a second run only tests the mutants mutmut finds changed (``--fresh``: all of them again).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = "src/policytrack"


@dataclass(frozen=True)
class Target:
    sources: tuple[str, ...]
    tests: tuple[str, ...]
    #: mutmut mutant-name globs: only these functions (all the sources' functions when empty)
    functions: tuple[str, ...] = field(default=())


TARGETS: dict[str, Target] = {
    "store": Target(
        (f"{PKG}/store.py", f"{PKG}/_store_codec.py"),
        ("tests/test_store.py", "tests/test_stability.py"),
    ),
    # merging and ids: the part of queries.py that turns records into entities
    "merge-ids": Target(
        (f"{PKG}/queries.py",),
        ("tests/test_queries.py", "tests/test_stability.py", "tests/test_corpus.py"),
        tuple(
            f"policytrack.queries.x_{name}__mutmut_*"
            for name in (
                "_stable_id", "_most_common", "merge_item", "_truncate", "_cluster", "_sources",
                "_cluster_date", "_innermost", "record_keys", "resolve", "merge_group", "entity_order",
                "resolved_of", "_merge_claim", "_merge_fact", "_most_common_region", "_plain_decimal",
                "_merge_measurement", "_source_ids", "_compatible_dates", "_finer",
            )
        ),
    ),
    "convert": Target((f"{PKG}/convert.py",), ("tests/test_convert.py", "tests/test_models.py")),
    "parallel": Target(
        (f"{PKG}/_parallel.py",),
        ("tests/test_parallel.py", "tests/test_stability.py"),
    ),
    # tables, records, notebook HTML, JSON values and the missing-extra error; the plot drawing
    # (plot_timeline/_comparison/_history, fonts) is judged by eye on docs/timeline.png instead
    "render": Target(
        (f"{PKG}/render.py",),
        ("tests/test_render.py", "tests/test_cli_queries.py"),
        tuple(
            f"policytrack.render.{name}__mutmut_*"
            for name in ("x_json_value", "x_cell_text", "x_records_table", "x__import", "xǁResultMixinǁ*",
                         "xǁMissingExtraErrorǁ*", "x__fmt_value", "x__short", "x__span")
        ),
    ),
}

STATUS = re.compile(r"^\s*(\S+): (.+)$")


def _copy(dest: Path) -> None:
    """The tracked files plus the untracked, unignored ones (new tests), as they are on disk."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode("utf-8").split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if not src.is_file():
            continue
        out = dest / name
        if out.exists() and out.read_bytes() == src.read_bytes():
            continue  # unchanged: keep mutmut's cache valid
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, out)


def _configure(dest: Path, target: Target) -> None:
    tests = [t for t in target.tests if (dest / t).exists()]
    pyproject = dest / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    quoted = ", ".join
    section = "\n".join([
        "",
        "[tool.mutmut]",
        'source_paths = ["src"]',
        f"only_mutate = [{quoted(repr(s) for s in target.sources)}]",
        f"pytest_add_cli_args_test_selection = [{quoted(repr(t) for t in tests)}]",
        # the doctests of README and the package are other modules' business here
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-o", "addopts=", "-x", "-q"]',
        'also_copy = ["seeds/", "benchmarks/", "tests/", "examples/", "docs/", "README.md"]',
        "",
    ])
    pyproject.write_text(text + section, "utf-8")


def _statuses(mutmut: Path, dest: Path, env: dict[str, str], target: Target, wanted: set[str]) -> list[str]:
    listed = subprocess.run([str(mutmut), "results", "--all", "true"], cwd=dest, env=env,
                            capture_output=True, text=True, check=False).stdout
    found = [m.groups() for m in map(STATUS.match, listed.splitlines()) if m]
    return [n for n, status in found if status in wanted
            and (not target.functions or any(_glob(n, g) for g in target.functions))]


def run_target(name: str, target: Target, work: Path, children: int, fresh: bool = False,
               survivors_only: bool = False) -> Counter[str]:
    dest = work / name
    if fresh and (dest / "mutants").exists():
        shutil.rmtree(dest / "mutants")  # every mutant tested again (after the tests changed)
    dest.mkdir(parents=True, exist_ok=True)
    _copy(dest)
    _configure(dest, target)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    mutmut = Path(sys.executable).with_name("mutmut")
    names = list(target.functions)
    if survivors_only and (dest / "mutants").exists():
        names = _statuses(mutmut, dest, env, target, {"survived", "no tests"}) or names
    cmd = [str(mutmut), "run", "--max-children", str(children), *names]
    with (dest / "mutmut.log").open("w", encoding="utf-8") as log:
        subprocess.run(cmd, cwd=dest, env=env, stdout=log, stderr=subprocess.STDOUT, check=False)
    listed = subprocess.run([str(mutmut), "results", "--all", "true"], cwd=dest, env=env,
                            capture_output=True, text=True, check=False).stdout
    counts: Counter[str] = Counter()
    survivors: list[str] = []
    for line in listed.splitlines():
        m = STATUS.match(line)
        if not m:
            continue
        mutant, status = m.groups()
        if target.functions and not any(_glob(mutant, g) for g in target.functions):
            continue
        counts[status] += 1
        if status in {"survived", "no tests"}:
            survivors.append(mutant)
    with (dest / "survivors.diff").open("w", encoding="utf-8") as out:
        for mutant in survivors:
            shown = subprocess.run([str(mutmut), "show", mutant], cwd=dest, env=env,
                                   capture_output=True, text=True, check=False).stdout
            out.write(shown + "\n")
    return counts


def _glob(name: str, pattern: str) -> bool:
    import fnmatch

    return fnmatch.fnmatchcase(name, pattern)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", help=f"some of: {', '.join(TARGETS)} (default: all)")
    parser.add_argument("--list", action="store_true", help="print the targets and stop")
    parser.add_argument("--max-children", type=int, default=2, help="forked test runs at a time (default 2)")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results of these targets")
    parser.add_argument("--survivors", action="store_true",
                        help="test again only the mutants that survived the last run (after adding tests)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "policytrack-mutation")
    args = parser.parse_args(argv)
    if args.list:
        for name, target in TARGETS.items():
            print(f"{name}: {' '.join(target.sources)} <- {' '.join(target.tests)}")
        return 0
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    print(f"{'target':<10} {'mutants':>8} {'killed':>7} {'survived':>9} {'timeout':>8} {'other':>6}  survivors")
    for name in args.targets or list(TARGETS):
        counts = run_target(name, TARGETS[name], args.work, args.max_children, args.fresh, args.survivors)
        total = sum(counts.values())
        killed, survived, timeout = counts["killed"], counts["survived"] + counts["no tests"], counts["timeout"]
        other = total - killed - survived - timeout
        row = (f"{name:<10} {total:>8} {killed:>7} {survived:>9} {timeout:>8} {other:>6}  "
               f"{args.work / name / 'survivors.diff'}")
        print(row, flush=True)
        (args.work / name / "summary.txt").write_text(row + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
