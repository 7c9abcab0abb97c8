"""Extraction of :class:`~policytrack.models.Initiative` records (work in progress)."""

from __future__ import annotations

from ..models import Document, Initiative

__all__ = ["extract"]


def extract(doc: Document) -> list[Initiative]:
    """Every Initiative stated in ``doc.text``, each with its evidence sentence."""
    return []
