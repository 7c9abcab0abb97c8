"""How do regions compare?  ``python examples/compare.py [R1,R2,...] [PATH...] [--out DIR]``

Puts the latest value of each statistic for 广州开发区, 越秀区 and 广州市 side by side
(whatever alias each article used), with counts of first claims, products,
institutions and initiatives; with matplotlib installed it also draws compare.png; files go to ``--out DIR`` (default: a new temporary folder).
"""

from __future__ import annotations

import sys

from _common import arguments, out_folder, save

import policytrack


def main(argv: list[str]) -> None:
    args = arguments(__doc__, "regions", "广州开发区,越秀区,广州市", argv)
    corpus = policytrack.load(args.paths)
    folder = out_folder(args, "compare")
    result = corpus.compare(args.question.split(","))
    print(result.table("github"))
    save(result, folder, "compare")


if __name__ == "__main__":
    main(sys.argv[1:])
