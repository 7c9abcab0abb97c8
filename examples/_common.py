"""What the example scripts share: their arguments, and the folder they write into.

Every script takes its question (a region, scope, metric...), article paths (the seed
articles by default) and ``--out DIR``: the folder its files go to.  Without ``--out`` it
writes into a new temporary folder and prints its name, never into the working directory.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"


def arguments(doc: str | None, question: str, default: str, argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0])
    parser.add_argument("question", nargs="?", default=default, metavar=question.upper(),
                        help=f"the {question} to ask about (default: {default})")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the seeds)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write the files here (default: a new temporary folder)")
    args = parser.parse_args(argv)
    args.paths = args.paths or [str(SEEDS)]
    return args


def out_folder(args: argparse.Namespace, name: str) -> Path:
    """The folder given with ``--out`` (created if missing), else a new temporary one."""
    if args.out is None:
        return Path(tempfile.mkdtemp(prefix=f"policytrack-{name}-"))
    args.out.mkdir(parents=True, exist_ok=True)
    return Path(args.out)


def save(result: Any, folder: Path, name: str) -> None:
    """The records as CSV, and the plot as PNG when the result draws and matplotlib is there."""
    import csv

    records = result.to_records()
    with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(dict.fromkeys(k for r in records for k in r)))
        writer.writeheader()
        writer.writerows({k: ", ".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in records)
    print(f"saved {folder / f'{name}.csv'}")
    if result.plot_kind is None:
        return
    try:
        figure = result.plot()
    except ImportError as err:  # the optional extra is missing
        print(err)
    else:
        figure.savefig(folder / f"{name}.png", dpi=150)
        print(f"saved {folder / f'{name}.png'}")
