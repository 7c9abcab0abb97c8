"""Extraction: a :class:`~policytrack.models.Document`'s clean text -> records.

Each record type has its own module exposing ``extract(doc) -> list[Record]``;
:func:`extract_document` runs them all and returns the document with its
records filled in.  Extraction is a pure function of the document: no clock,
no network, no global state beyond the read-only vocabularies in ``data/``.
"""

from __future__ import annotations

import attrs

from ..models import Document
from . import firsts, initiatives, institutions, milestones, products
from .regions import document_region

__all__ = ["extract_document"]


def extract_document(doc: Document) -> Document:
    """Return ``doc`` with its region resolved and every record list extracted."""
    region = doc.region or document_region(doc.title, doc.text)
    doc = attrs.evolve(doc, region=region)
    return attrs.evolve(
        doc,
        firsts=tuple(firsts.extract(doc)),
        institutions=tuple(institutions.extract(doc)),
        financing_products=tuple(products.extract(doc)),
        initiatives=tuple(initiatives.extract(doc)),
        milestones=tuple(milestones.extract(doc)),
    )
