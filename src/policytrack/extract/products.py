"""Extraction of :class:`~policytrack.models.FinancingProduct` records (work in progress)."""

from __future__ import annotations

from ..models import Document, FinancingProduct

__all__ = ["extract"]


def extract(doc: Document) -> list[FinancingProduct]:
    """Every FinancingProduct stated in ``doc.text``, each with its evidence sentence."""
    return []
