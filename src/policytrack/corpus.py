"""Many documents at once: the result of :func:`policytrack.load`."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from .models import Document

__all__ = ["Corpus", "LoadFailure"]


@attrs.frozen
class LoadFailure:
    """A file that could not be loaded, and why."""

    path: str
    reason: str
    error: str = "PolicytrackError"


@attrs.define
class Corpus:
    """Loaded documents, plus the files that failed to load (never silently dropped)."""

    documents: list[Document] = attrs.field(factory=list)
    errors: list[LoadFailure] = attrs.field(factory=list)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)
