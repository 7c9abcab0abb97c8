"""Fold traditional Chinese characters to simplified ones, keeping the text's length.

Articles from Hong Kong, Taiwan and overseas editions (and pages that mix both scripts) write
知識產權質押融資 where the vocabularies say 知识产权质押融资.  :func:`simplified` maps each
character one to one (the table ``data/simplified.json`` is generated from OpenCC's character
table by ``scripts/build_simplified.py``), so an offset into the folded text is the same offset
into the original: match on the fold, report the words as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._data import load_json

__all__ = ["simplified"]


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[int, int]]:
    raw = load_json("simplified.json")
    return re.compile(f"[{re.escape(raw['traditional'])}]"), str.maketrans(raw["traditional"], raw["simplified"])


@lru_cache(maxsize=8)
def simplified(text: str) -> str:
    """``text`` with every traditional character replaced by its simplified form (same length).

    Text with no traditional character (most of it) is returned as is after one regex scan;
    the last few results are remembered (a document's text is folded once for all its records).
    """
    if text.isascii():
        return text
    traditional, table = _table()
    if traditional.search(text) is None:
        return text
    return text.translate(table)
