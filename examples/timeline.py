"""What did a region do, and when?  ``python examples/timeline.py [REGION] [PATH...] [--out DIR]``

Prints the timeline of 广州开发区 (and everything inside it) from the seed articles;
with matplotlib installed (``pip install 'policytrack[plot]'``) it also draws timeline.png; files go to ``--out DIR`` (default: a new temporary folder).
"""

from __future__ import annotations

import sys

from _common import arguments, out_folder, save

import policytrack


def main(argv: list[str]) -> None:
    args = arguments(__doc__, "region", "广州开发区", argv)
    corpus = policytrack.load(args.paths)
    folder = out_folder(args, "timeline")
    result = corpus.timeline(args.question, within=True)
    print(result.table("github"))
    print(f"({len(result)} dated entries, {result.undated} undated left out)")
    save(result, folder, "timeline")


if __name__ == "__main__":
    main(sys.argv[1:])
