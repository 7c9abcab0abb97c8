"""Regions: the gazetteer, mentions of places in text, and scope words (work in progress)."""

from __future__ import annotations

__all__ = ["document_region"]


def document_region(title: str | None, text: str) -> str | None:
    """The canonical name of the region an article is about."""
    return None
