"""What values did a statistic take?  ``python examples/history.py [METRIC] [PATH...] [--out DIR]``

Shows every value reported for a statistic (canonical name or any alias), e.g. how
many firms in 广州开发区 had bought overseas IP-infringement insurance, as reported by
different articles.
"""

from __future__ import annotations

import sys

from _common import arguments, out_folder, save

import policytrack


def main(argv: list[str]) -> None:
    args = arguments(__doc__, "metric", "购买海外侵权责任保险的企业数", argv)
    corpus = policytrack.load(args.paths)
    folder = out_folder(args, "history")
    result = corpus.history(args.question)
    print(result.title())
    print(result.table("github"))
    for point in result:
        when = point.date or "no date given"
        print(f"{point.region}: {point.value}{point.unit} ({when}) from {', '.join(point.documents)}")
    save(result, folder, "history")


if __name__ == "__main__":
    main(sys.argv[1:])
