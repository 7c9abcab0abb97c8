"""Extraction of :class:`~policytrack.models.FirstClaim` records (work in progress)."""

from __future__ import annotations

from ..models import Document, FirstClaim

__all__ = ["extract"]


def extract(doc: Document) -> list[FirstClaim]:
    """Every FirstClaim stated in ``doc.text``, each with its evidence sentence."""
    return []
