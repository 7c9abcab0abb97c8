"""policytrack: track regional Chinese policy initiatives from the news.

>>> import policytrack
>>> doc = policytrack.parse("2022年，广州开发区发行全国首单知识产权证券化产品。", id="demo")
>>> doc.id
'demo'
"""

from __future__ import annotations

from .convert import SCHEMA, converter, dumps, read_export, structure, unstructure
from .corpus import Corpus, LoadFailure
from .errors import (
    BadArgumentError,
    ExportFormatError,
    ExtractionError,
    FrontMatterError,
    LoadError,
    NotAnArticleError,
    OutputError,
    PolicytrackError,
    StoreBusyError,
    StoreError,
    UndecodableTextError,
    UnknownNameError,
    UnreadableFileError,
)
from .load import iter_documents, load, parse, read_document
from .models import (
    Basis,
    Document,
    Evidence,
    FinancingProduct,
    FirstClaim,
    Initiative,
    Institution,
    Milestone,
    PartialDate,
    Quantity,
    Region,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "BadArgumentError",
    "Basis",
    "Corpus",
    "Document",
    "Evidence",
    "ExportFormatError",
    "ExtractionError",
    "FinancingProduct",
    "FirstClaim",
    "FrontMatterError",
    "Initiative",
    "Institution",
    "LoadError",
    "LoadFailure",
    "Milestone",
    "NotAnArticleError",
    "OutputError",
    "PartialDate",
    "PolicytrackError",
    "Quantity",
    "Region",
    "StoreBusyError",
    "StoreError",
    "UndecodableTextError",
    "UnknownNameError",
    "UnreadableFileError",
    "__version__",
    "converter",
    "dumps",
    "iter_documents",
    "load",
    "parse",
    "read_document",
    "read_export",
    "structure",
    "unstructure",
]
