"""Extraction of :class:`~policytrack.models.Institution` records (work in progress)."""

from __future__ import annotations

from ..models import Document, Institution

__all__ = ["extract"]


def extract(doc: Document) -> list[Institution]:
    """Every Institution stated in ``doc.text``, each with its evidence sentence."""
    return []
