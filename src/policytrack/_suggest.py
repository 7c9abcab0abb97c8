""""Did you mean": the known names nearest to a name a user typed.

A typed name is compared with every known spelling (canonical names and aliases) by edit
distance (Levenshtein: insertions, deletions and substitutions of one character each),
and a spelling that contains the typed name, or is contained in it, counts as close too
(``成都高新`` for ``成都高新区``).  Chinese names are short, so the distance allowed
grows slowly with length: none for two characters, 1 up to 4, then a third of the length.

>>> nearest("成都高薪区", {"成都高新区": "成都高新区", "成都市": "成都市", "广州开发区": "广州开发区"})
['成都高新区']
>>> nearest("natinal", {"national": "national", "provincial": "provincial"})
['national']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["distance", "nearest", "nearest_spellings", "spelled", "suggestion_text"]


def distance(a: str, b: str, limit: int | None = None) -> int:
    """The edit distance between ``a`` and ``b``; above ``limit`` (when given) any value
    greater than ``limit`` may be returned early."""
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _allowed(text: str) -> int:
    if len(text) <= 2:  # one character of two is half the name: no guess
        return 0
    return 1 if len(text) <= 4 else len(text) // 3


def nearest(typed: str, spellings: Mapping[str, str], *, limit: int = 3) -> list[str]:
    """The canonical names (values of ``spellings``, a map spelling -> canonical name) whose
    spellings are nearest to ``typed``, best first, at most ``limit`` of them."""
    return [canonical for _, canonical in nearest_spellings(typed, spellings, limit=limit)]


def nearest_spellings(typed: str, spellings: Mapping[str, str], *, limit: int = 3) -> list[tuple[str, str]]:
    """Like :func:`nearest`, as (the spelling that came nearest, its canonical name) pairs.

    >>> nearest_spellings("成都高薪区", {"成都高新区": "成都高新技术产业开发区"})
    [('成都高新区', '成都高新技术产业开发区')]
    """
    key = typed.strip().lower()
    if not key:
        return []
    allowed = _allowed(key)
    scored: dict[str, tuple[int, int, str]] = {}
    for spelling, canonical in spellings.items():
        low = spelling.lower()
        diff = abs(len(low) - len(key))
        if low == key:
            rank = (0, 0, spelling)
        elif len(key) >= 2 and key in low:  # typed a shorter form
            rank = (1, diff, spelling)
        elif len(low) >= 2 and low in key:  # typed more than the name
            rank = (allowed + 1, diff, spelling)
        else:
            d = distance(key, low, allowed)
            if d > allowed:
                continue
            rank = (d, diff, spelling)
        if canonical not in scored or rank < scored[canonical]:
            scored[canonical] = rank
    if not scored:
        return []
    best = min(rank[0] for rank in scored.values())  # only the nearest: one good guess, not a list
    chosen = sorted((n for n in scored if scored[n][0] == best), key=lambda n: scored[n])[:limit]
    return [(scored[n][2], n) for n in chosen]


def spelled(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """How to show suggestions: the spelling, with its canonical name when that differs
    (``成都高新区 (成都高新技术产业开发区)``)."""
    return [spelling if spelling == canonical else f"{spelling} ({canonical})" for spelling, canonical in pairs]


def suggestion_text(names: Iterable[str], choices: Iterable[str] = ()) -> str:
    """``"; did you mean A or B?"`` (or ``" (choose from …)"`` when nothing is near)."""
    found = list(names)
    if found:
        return "; did you mean " + " or ".join(found) + "?"
    listed = list(choices)
    return f" (choose from {', '.join(listed)})" if listed else ""
