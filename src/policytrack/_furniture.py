"""Page furniture and outlet vocabulary, read once from ``data/furniture.json``."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import attrs

from ._data import load_json

__all__ = ["Furniture", "furniture"]


@attrs.frozen
class Furniture:
    """Compiled furniture patterns and outlet names (see ``data/furniture.json``)."""

    max_line_chars: int
    outlets: frozenset[str]
    outlet_slugs: dict[str, str]
    outlet_affixes: tuple[str, ...]
    outlet_shape_suffixes: tuple[str, ...]
    drop_line: re.Pattern[str]
    drop_if_contains: re.Pattern[str]
    end_markers: re.Pattern[str]
    skip_tags: frozenset[str]
    skip_class_tokens: frozenset[str]
    source_labels: tuple[str, ...]
    date_labels: tuple[str, ...]

    def is_furniture(self, line: str) -> bool:
        """True when a whole paragraph is page furniture (credits, prompts, notices...)."""
        if len(line) > self.max_line_chars:
            return False
        return bool(self.drop_line.fullmatch(line) or self.drop_if_contains.search(line))

    def is_end_marker(self, line: str) -> bool:
        """True when a paragraph starts the trailer (related links, disclaimers...)."""
        return len(line) <= 20 and self.end_markers.fullmatch(line) is not None


def _load_json() -> dict[str, Any]:
    data: dict[str, Any] = load_json("furniture.json")
    return data


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """One pattern matching any of ``patterns`` (one regex call a line, not one a pattern)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def furniture() -> Furniture:
    """The furniture vocabulary (loaded and compiled on first use)."""
    d = _load_json()
    labels = d["header_labels"]
    return Furniture(
        max_line_chars=int(d["max_line_chars"]),
        outlets=frozenset(d["outlets"]),
        outlet_slugs={k.lower(): v for k, v in d["outlet_slugs"].items()},
        outlet_affixes=tuple(d["outlet_affixes"]),
        outlet_shape_suffixes=tuple(d["outlet_shape_suffixes"]),
        drop_line=_any_of(d["drop_line"]),
        drop_if_contains=_any_of(d["drop_if_contains"]),
        end_markers=_any_of(d["end_markers"]),
        skip_tags=frozenset(d["skip_tags"]),
        skip_class_tokens=frozenset(d["skip_class_tokens"]),
        source_labels=tuple(labels["source"]),
        date_labels=tuple(labels["date"]),
    )
