"""The library's own cattrs converter: every model to plain JSON values and back.

The JSON export (EXPORT.md, ``policytrack/1``) is exactly this converter's output.
Amounts are :class:`~decimal.Decimal` in the models and JSON numbers in the
export: integral values become ``int``, others the shortest ``float`` that
prints as the same decimal, so ``78000000`` never prints as ``78000000.00000001``;
a decimal with more significant digits than a float holds is written as a string.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, TextIO, TypeVar

from cattrs.preconf.json import make_converter

from .models import Document, PartialDate

__all__ = [
    "SCHEMA",
    "converter",
    "dumps",
    "export_dict",
    "iter_jsonl",
    "loads",
    "read_export",
    "structure",
    "unstructure",
]

SCHEMA = "policytrack/1"

T = TypeVar("T")

converter = make_converter()


def _unstructure_decimal(value: Decimal) -> int | float | str:
    """An exact JSON value: an ``int``, a ``float`` that reads back as the same
    decimal, or (past float's 15-17 significant digits) the decimal as a string."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return str(value)


def _structure_decimal(value: Any, _type: type) -> Decimal:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


converter.register_unstructure_hook(Decimal, _unstructure_decimal)
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(PartialDate, str)
converter.register_structure_hook(PartialDate, lambda value, _t: PartialDate.parse(value))


def unstructure(obj: Any) -> Any:
    """Turn a model (or a collection of models) into plain JSON values."""
    return converter.unstructure(obj)


def structure(data: Any, cls: type[T]) -> T:
    """Build a model of type ``cls`` from plain JSON values."""
    return converter.structure(data, cls)


def export_dict(documents: Iterable[Document]) -> dict[str, Any]:
    """The ``policytrack/1`` export object for these documents."""
    return {"schema": SCHEMA, "documents": [unstructure(d) for d in documents]}


def dumps(documents: Iterable[Document], *, indent: int | None = 2) -> str:
    """The JSON export as a string, with Chinese kept readable."""
    return json.dumps(export_dict(documents), ensure_ascii=False, indent=indent)


def document_json(doc: Document, *, indent: int | None = 2) -> str:
    """One document as the export writes it (Chinese kept readable)."""
    return json.dumps(unstructure(doc), ensure_ascii=False, indent=indent)


def write_export(documents: Iterable[Document | str], stream: TextIO, *, indent: int = 2) -> int:
    """Write the JSON export of ``documents`` to ``stream`` one document at a time (memory
    stays flat whatever their number); the text is exactly :func:`dumps`'s.  A document may
    come already written by :func:`document_json` with the same ``indent`` (by a worker
    process, say).  Returns the number of documents written."""
    pad = " " * indent
    stream.write(f'{{\n{pad}"schema": {json.dumps(SCHEMA)},\n{pad}"documents": [')
    count = 0
    for doc in documents:
        text = doc if isinstance(doc, str) else document_json(doc, indent=indent)
        body = text.replace("\n", "\n" + pad * 2)
        stream.write(("," if count else "") + f"\n{pad * 2}{body}")
        count += 1
    stream.write(f"\n{pad}]\n}}" if count else "]\n}")
    return count


def loads(text: str) -> list[Document]:
    """Documents back from a JSON export (the inverse of :func:`dumps`)."""
    from .errors import ExportFormatError

    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise ExportFormatError(f"not JSON: {err}") from err
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ExportFormatError(f"not a {SCHEMA} export")
    return [structure(d, Document) for d in data.get("documents", [])]


def iter_jsonl(lines: Iterable[str]) -> Iterator[Document]:
    """Documents from JSON lines, one document a line (blank lines skipped)."""
    for line in lines:
        if line.strip():
            yield structure(json.loads(line), Document)


def read_export(path: str) -> list[Document]:
    """Read a JSON or JSON-lines export file back into documents."""
    from pathlib import Path

    text = Path(path).read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("{") and '"schema"' in stripped[:200]:
        return loads(text)
    return list(iter_jsonl(text.splitlines()))
