"""Reading and extracting many files over several processes, results in input order.

Extraction is a pure function of the file (:func:`policytrack.load.read_document`), so
files can go to worker processes in any order and come back in the order they were
given: ``workers=N`` gives exactly what ``workers=1`` gives.  Files travel to the
workers in small chunks and at most a few chunks per worker are in flight, so memory
stays flat however many files there are.  A file that fails becomes a
:class:`~policytrack.corpus.LoadFailure` where it stood; the walk's own errors (a
symbolic-link loop, an unreadable folder) too.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from . import errors
from .corpus import LoadFailure
from .errors import BadArgumentError, LoadError
from .models import Document

__all__ = ["AUTO_MIN_FILES", "CHUNK", "Expanded", "as_error", "auto_workers", "expand", "extract_paths", "map_paths", "parse_workers",
           "resolve_workers"]

#: Files sent to a worker at a time.
CHUNK = 4
#: Chunks in flight per worker.
_AHEAD = 4

Result = Document | LoadFailure
Target = str | Path | LoadFailure
T = TypeVar("T")


def resolve_workers(workers: int | None) -> int:
    """``workers`` checked: an int >= 1, or ``None`` for one per CPU."""
    if workers is None:
        return max(os.cpu_count() or 1, 1)
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise BadArgumentError(f"workers: expected a whole number >= 1 (or None), got {workers!r}")
    return workers


#: Files below which ``auto`` reads in one process (starting workers costs more than it saves).
AUTO_MIN_FILES = 24


def auto_workers(files: int) -> int:
    """How many processes ``--workers auto`` uses for ``files`` files: one per CPU, but one
    for a handful of files.  The output is the same whatever the number."""
    return 1 if files < AUTO_MIN_FILES else resolve_workers(None)


def parse_workers(text: str) -> int | None:
    """A ``--workers`` value: ``auto`` (``None``) or a whole number >= 1 (for argparse's ``type``)."""
    import argparse

    if text.strip().lower() == "auto":
        return None
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1 or auto, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1 or auto, got {text!r}")
    return value


def _failure(err: LoadError) -> LoadFailure:
    return LoadFailure(err.path, err.reason, type(err).__name__)


def as_error(failure: LoadFailure) -> LoadError:
    """The :class:`~policytrack.errors.LoadError` a failure stands for (to raise it with ``strict``)."""
    cls = getattr(errors, failure.error, None)
    if not (isinstance(cls, type) and issubclass(cls, LoadError)):
        cls = LoadError
    return cls(failure.path, failure.reason)


class Expanded(Iterator["Path | LoadFailure"]):
    """What :func:`expand` gives: files already walked and named once.  Given to :func:`expand`
    (or :func:`map_paths`) again, it passes through as it is, without a second walk or a second
    memory of every name."""

    def __init__(self, items: Iterable[Path | LoadFailure]) -> None:
        self._items = iter(items)

    def __iter__(self) -> Expanded:
        return self

    def __next__(self) -> Path | LoadFailure:
        return next(self._items)


def expand(paths: str | Path | Iterable[Target]) -> Expanded:
    """Files and folders -> the article files to read (folders walked as :func:`policytrack.load`
    walks them, each file once), with the walk's errors as failures where they were met.

    A :class:`LoadFailure` given passes through unchanged.  Yields as it walks; it remembers
    the names it gave only when several paths were given (one of them may hold another).
    """
    if isinstance(paths, Expanded):
        return paths
    givens: list[Target] = [paths] if isinstance(paths, str | Path) else list(paths)
    return Expanded(_expand(givens))


def _expand(givens: list[Target]) -> Iterator[Path | LoadFailure]:
    from .load import _targets  # the loader's own walk: one definition of which files are articles

    seen: set[str] | None = set() if len(givens) > 1 else None
    for given in givens:
        if isinstance(given, LoadFailure):
            yield given
            continue
        for item in _targets(given):
            if isinstance(item, LoadError):
                yield _failure(item)
                continue
            if seen is not None:
                key = str(item)
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _read_one(path: str, then: Callable[[Document], Any] | None = None) -> Any:
    from .load import read_document

    try:
        doc = read_document(path)
    except LoadError as err:  # exceptions with extra arguments don't survive pickling: send a failure
        return _failure(err)
    return doc if then is None else then(doc)


def _read_chunk(paths: list[str], then: Callable[[Document], Any] | None = None) -> list[Any]:
    return [_read_one(p, then) for p in paths]


def _chunks(items: Iterable[Path | LoadFailure], size: int) -> Iterator[list[Path | LoadFailure]]:
    chunk: list[Path | LoadFailure] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_paths(
    paths: str | Path | Iterable[Target], workers: int | None = 1
) -> Iterator[Document | LoadFailure]:
    """Read and extract every article file under ``paths``, yielding results in input order.

    ``workers=1`` reads in this process; more spreads the files over that many processes
    (``None``: one per CPU).  Each file gives one :class:`Document` or one
    :class:`LoadFailure`; errors met while walking folders are failures too.
    """
    return _map(paths, None, workers)


def map_paths(
    paths: str | Path | Iterable[Target], then: Callable[[Document], T], workers: int | None = 1
) -> Iterator[T | LoadFailure]:
    """:func:`extract_paths`, with ``then`` applied to each Document where it was extracted (in
    the worker process: ``then`` must be a module-level function), so that only its result,
    often much smaller than a Document, travels back."""
    return _map(paths, then, workers)


def _map(paths: str | Path | Iterable[Target], then: Callable[[Document], Any] | None,
         workers: int | None) -> Iterator[Any]:
    n = resolve_workers(workers)
    targets = expand(paths)
    if n == 1:
        for target in targets:
            yield target if isinstance(target, LoadFailure) else _read_one(str(target), then)
        return

    pool = ProcessPoolExecutor(max_workers=n)
    pending: deque[Future[list[Any]] | list[Any]] = deque()
    try:
        for chunk in _chunks(targets, CHUNK):
            # walk failures keep their place: split the chunk around them
            files: list[str] = []
            for item in chunk:
                if isinstance(item, LoadFailure):
                    if files:
                        pending.append(pool.submit(_read_chunk, files, then))
                        files = []
                    pending.append([item])
                else:
                    files.append(str(item))
            if files:
                pending.append(pool.submit(_read_chunk, files, then))
            while len(pending) > n * _AHEAD:
                yield from _take(pending.popleft())
        while pending:
            yield from _take(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _take(entry: Future[list[Any]] | list[Any]) -> list[Any]:
    return entry if isinstance(entry, list) else entry.result()
