"""Extraction: a :class:`~policytrack.models.Document`'s clean text -> records.

The document is analysed once (:mod:`.analysis`: sentences, words and parts of
speech from the segmenter, numbers, dates, places, quotes and titles); each record
type has its own module exposing ``extract(doc, analysis) -> list[Record]`` that
reads that analysis; :func:`extract_document` runs them all and returns the
document with its records filled in.  Extraction is a pure function of the document: no clock,
no network, no global state beyond the read-only vocabularies in ``data/``.
"""

from __future__ import annotations

import attrs

from ..models import Document
from . import firsts, initiatives, institutions, milestones, products
from .analysis import analyse
from .judge import judge as _judge
from .names import trim_names
from .regions import document_region
from .script import reading, restore
from .script_fold import fold

__all__ = ["extract_document"]


def extract_document(doc: Document, *, judged: bool = True) -> Document:
    """Return ``doc`` with its region resolved and every record list extracted.

    With ``judged`` (the default) each record gets its ``confidence`` from the learned
    judgement (:mod:`.judge`) and records under their type's threshold are dropped;
    ``judged=False`` gives the grammars' proposals as they are (what the trainer reads).
    An article in traditional characters is read through its simplified reading and its
    records quote it as written (:mod:`.script`).
    """
    folding = reading(doc.text)
    if folding is None:
        return _extract(doc, judged)
    title = fold(doc.title) if doc.title else doc.title
    work = _extract(attrs.evolve(doc, text=folding.folded, title=title), judged)
    return restore(work, doc, folding)


def _extract(doc: Document, judged: bool) -> Document:
    region = doc.region or document_region(doc.title, doc.text)
    doc = attrs.evolve(doc, region=region)
    analysis = analyse(doc.text, doc.published, region)
    doc = attrs.evolve(
        doc,
        firsts=tuple(firsts.extract(doc, analysis)),
        institutions=tuple(institutions.extract(doc, analysis)),
        financing_products=tuple(products.extract(doc, analysis)),
        initiatives=tuple(initiatives.extract(doc, analysis)),
        milestones=tuple(milestones.extract(doc, analysis)),
    )
    doc = trim_names(doc, analysis)
    return _judge(doc, analysis) if judged else doc
