"""How do regions compare?  ``python examples/compare.py [R1,R2,...] [PATH...]``

Puts the latest value of each statistic for 广州开发区, 越秀区 and 广州市 side by side
(whatever alias each article used), with counts of first claims, products,
institutions and initiatives; with matplotlib installed it also saves compare.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

import policytrack

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    regions = argv[0].split(",") if argv else ["广州开发区", "越秀区", "广州市"]
    paths = argv[1:] or [str(HERE.parent / "seeds")]
    corpus = policytrack.load(paths)
    result = corpus.compare(regions)
    print(result.table("github"))
    try:
        figure = result.plot()
    except ImportError as err:
        print(err)
    else:
        figure.savefig("compare.png", dpi=150)
        print("saved compare.png")


if __name__ == "__main__":
    main(sys.argv[1:])
