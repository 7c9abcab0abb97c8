"""Who claims to be first at what?  ``python examples/firsts.py [SCOPE] [PATH...] [--out DIR]``

Lists the national first claims of the seed articles, merged across articles: a claim
made by several articles for the same or nested regions is ``corroborated``.
"""

from __future__ import annotations

import sys

from _common import arguments, out_folder, save

import policytrack


def main(argv: list[str]) -> None:
    args = arguments(__doc__, "scope", "national", argv)
    corpus = policytrack.load(args.paths)
    folder = out_folder(args, "firsts")
    result = corpus.firsts(args.question)
    print(result.table("github"))
    for claim in result:
        if claim.status != "asserted":
            print(f"{claim.subject}: {claim.status} by {', '.join(claim.documents)}")
    save(result, folder, "firsts")


if __name__ == "__main__":
    main(sys.argv[1:])
