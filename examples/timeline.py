"""What did a region do, and when?  ``python examples/timeline.py [REGION] [PATH...]``

Prints the timeline of 广州开发区 (and everything inside it) from the seed articles;
with matplotlib installed (``pip install 'policytrack[plot]'``) it also saves timeline.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

import policytrack

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    region = argv[0] if argv else "广州开发区"
    paths = argv[1:] or [str(HERE.parent / "seeds")]
    corpus = policytrack.load(paths)
    result = corpus.timeline(region, within=True)
    print(result.table("github"))
    print(f"({len(result)} dated entries, {result.undated} undated left out)")
    try:
        figure = result.plot()
    except ImportError as err:  # the optional extra is missing
        print(err)
    else:
        figure.savefig("timeline.png", dpi=150)
        print("saved timeline.png")


if __name__ == "__main__":
    main(sys.argv[1:])
