"""Who claims to be first at what?  ``python examples/firsts.py [SCOPE] [PATH...]``

Lists the national first claims of the seed articles, merged across articles: a claim
made by several articles for the same or nested regions is ``corroborated``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import policytrack

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    scope = argv[0] if argv else "national"
    paths = argv[1:] or [str(HERE.parent / "seeds")]
    corpus = policytrack.load(paths)
    result = corpus.firsts(scope)
    print(result.table("github"))
    for claim in result:
        if claim.status != "asserted":
            print(f"{claim.subject}: {claim.status} by {', '.join(claim.documents)}")


if __name__ == "__main__":
    main(sys.argv[1:])
