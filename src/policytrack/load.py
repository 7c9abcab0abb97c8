"""Files and folders -> documents (placeholder: the loader issue replaces this)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .corpus import Corpus, LoadFailure
from .errors import PolicytrackError, UnreadableFileError
from .extract import extract_document
from .models import Document, PartialDate

__all__ = ["ARTICLE_SUFFIXES", "iter_documents", "load", "parse", "read_document"]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def parse(
    text: str,
    *,
    id: str | None = None,
    published: PartialDate | None = None,
    title: str | None = None,
    source: str | None = None,
    region: str | None = None,
) -> Document:
    clean = re.sub(r"<[^>]+>", "\n", text)
    doc = Document(id=id or "document", text=clean, title=title, source=source, published=published,
                   region=region)
    return extract_document(doc)


def read_document(path: str | Path) -> Document:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as err:
        raise UnreadableFileError(str(p), err.strerror or str(err)) from err
    return parse(raw, id=p.stem)


def _article_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    for path in paths:
        p = Path(path)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield p


def iter_documents(paths: str | Path | Iterable[str | Path]) -> Iterator[Document]:
    if isinstance(paths, str | Path):
        paths = [paths]
    for p in _article_paths(paths):
        yield read_document(p)


def load(paths: str | Path | Iterable[str | Path], *, strict: bool = False) -> Corpus:
    if isinstance(paths, str | Path):
        paths = [paths]
    corpus = Corpus()
    for p in _article_paths(paths):
        try:
            corpus.documents.append(read_document(p))
        except PolicytrackError as err:
            if strict:
                raise
            corpus.errors.append(LoadFailure(str(p), str(err), type(err).__name__))
    return corpus
