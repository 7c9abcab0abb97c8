"""Extraction of :class:`~policytrack.models.Milestone` records (work in progress)."""

from __future__ import annotations

from ..models import Document, Milestone

__all__ = ["extract"]


def extract(doc: Document) -> list[Milestone]:
    """Every Milestone stated in ``doc.text``, each with its evidence sentence."""
    return []
