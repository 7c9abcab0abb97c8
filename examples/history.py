"""What values did a statistic take?  ``python examples/history.py [METRIC] [PATH...]``

Shows every value reported for a statistic (canonical name or any alias), e.g. how
many firms in 广州开发区 had bought overseas IP-infringement insurance, as reported by
different articles.
"""

from __future__ import annotations

import sys
from pathlib import Path

import policytrack

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    metric = argv[0] if argv else "购买海外侵权责任保险的企业数"
    paths = argv[1:] or [str(HERE.parent / "seeds")]
    corpus = policytrack.load(paths)
    result = corpus.history(metric)
    print(result.title())
    print(result.table("github"))
    for point in result:
        when = point.date or "no date given"
        print(f"{point.region}: {point.value}{point.unit} ({when}) from {', '.join(point.documents)}")


if __name__ == "__main__":
    main(sys.argv[1:])
