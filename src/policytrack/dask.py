"""Scale-out with Dask: extraction mapped over a Dask bag, written as JSON lines or Parquet.

Needs the optional extra ``pip install 'policytrack[dask]'`` (dask[bag], and pyarrow for
Parquet); without it every function here raises
:class:`~policytrack.render.MissingExtraError` naming the extra.  Importing this module
never imports dask.

Extraction is a pure function of the file, so the files are cut into chunks and each chunk
is read, extracted and written by whichever Dask worker gets it, on one machine or a
cluster (pass ``scheduler=`` a scheduler name or a ``distributed.Client``).  Chunk *i*
writes ``part-0000i.jsonl`` (one document a line, exactly ``policytrack export --format
jsonl``) or ``part-0000i.parquet`` (one row a document: ``path``, ``id``, ``published``,
``region``, ``title`` and ``document``, the converter's JSON), so the parts read back in
input order.  Files that fail are returned in the report, never written.

Merging the outputs into a store (on any machine that sees the output folder)::

    from policytrack import dask as ptdask
    from policytrack.store import Store

    report = ptdask.extract_to(["/data/articles"], "/data/out", fmt="parquet", scheduler=client)
    with Store.open("tracker.db") as store:
        store.add(ptdask.read_outputs("/data/out"))

Each document is keyed in the store by its ``path`` (workers get resolved absolute paths,
the key :meth:`Store.ingest <policytrack.store.Store.ingest>` uses too), so merging the
same output twice, or ingesting the same files later, adds nothing.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from ._parallel import _read_one, expand
from .convert import structure, unstructure
from .corpus import LoadFailure
from .errors import BadArgumentError
from .models import Document
from .render import MissingExtraError

__all__ = ["FORMATS", "DaskReport", "extract_bag", "extract_to", "read_outputs"]

FORMATS = ("jsonl", "parquet")


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError:
        raise MissingExtraError("policytrack.dask", "dask", "dask") from None
    return dask.bag


def _parquet() -> Any:
    try:
        pyarrow = importlib.import_module("pyarrow")
        importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise MissingExtraError("Parquet output", "pyarrow", "dask") from None
    return pyarrow


@attrs.frozen
class DaskReport:
    """What :func:`extract_to` wrote: the part files in order, documents written, failures."""

    parts: tuple[str, ...]
    documents: int
    failures: tuple[LoadFailure, ...]


def _files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[LoadFailure]]:
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files: list[str] = []
    failures: list[LoadFailure] = []
    for item in expand([os.fspath(p) for p in paths]):
        if isinstance(item, LoadFailure):
            failures.append(item)
        else:
            files.append(str(item.resolve()))
    return files, failures


def extract_bag(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, npartitions: int | None = None
) -> Any:
    """A ``dask.bag.Bag`` of the :class:`Document` (or :class:`LoadFailure`) of each article
    file under ``paths``, in file order.  Nothing runs until the bag is computed."""
    bag = _bag_module()
    files, failures = _files(paths)
    parts = npartitions or max(1, min(len(files) // 64 + 1, 256))
    docs = bag.from_sequence(files, npartitions=parts).map(_read_one) if files else bag.from_sequence([])
    if failures:
        docs = bag.concat([docs, bag.from_sequence(failures, npartitions=1)])
    return docs


def _write_chunk(task: tuple[int, list[str]], out: str, fmt: str) -> dict[str, Any]:
    index, files = task
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []
    for path in files:
        result = _read_one(path)
        if isinstance(result, LoadFailure):
            failures.append(attrs.asdict(result))
        else:
            rows.append(unstructure(result))
    target = Path(out) / f"part-{index:05d}.{fmt}"
    if fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        target.write_text(text, encoding="utf-8")
    else:
        pa = _parquet()
        table = pa.Table.from_pylist(
            [
                {
                    "path": r.get("path"),
                    "id": r["id"],
                    "published": r.get("published"),
                    "region": r.get("region"),
                    "title": r.get("title"),
                    "document": json.dumps(r, ensure_ascii=False),
                }
                for r in rows
            ],
            schema=pa.schema([(name, pa.string()) for name in
                              ("path", "id", "published", "region", "title", "document")]),
        )
        pa.parquet.write_table(table, str(target))
    return {"part": str(target), "documents": len(rows), "failures": failures}


def extract_to(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    fmt: str = "jsonl",
    chunk: int = 64,
    scheduler: Any = None,
) -> DaskReport:
    """Extract every article file under ``paths`` on Dask and write the documents under ``out``.

    ``fmt`` is ``jsonl`` or ``parquet``; ``chunk`` files make one part; ``scheduler`` goes to
    ``Bag.compute`` (``"processes"``, ``"threads"``, ``"synchronous"``, or a
    ``distributed.Client``; default: dask's own).  ``out`` must not hold parts already.
    """
    if fmt not in FORMATS:
        raise BadArgumentError(f"fmt: unknown {fmt!r} (choose from {', '.join(FORMATS)})")
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
        raise BadArgumentError(f"chunk: expected a whole number >= 1, got {chunk!r}")
    bag = _bag_module()
    if fmt == "parquet":
        _parquet()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("part-*.*")):
        raise BadArgumentError(f"{folder}: already holds part files; write to an empty folder")
    files, failures = _files(paths)
    tasks = [(i, files[k : k + chunk]) for i, k in enumerate(range(0, len(files), chunk))]
    summaries: list[dict[str, Any]] = []
    if tasks:
        job = bag.from_sequence(tasks, npartitions=len(tasks)).map(_write_chunk, str(folder), fmt)
        summaries = list(job.compute(scheduler=scheduler) if scheduler is not None else job.compute())
    summaries.sort(key=lambda s: s["part"])
    all_failures = failures + [LoadFailure(**f) for s in summaries for f in s["failures"]]
    return DaskReport(
        parts=tuple(s["part"] for s in summaries),
        documents=sum(int(s["documents"]) for s in summaries),
        failures=tuple(all_failures),
    )


def read_outputs(out: str | os.PathLike[str]) -> Iterator[Document]:
    """The documents :func:`extract_to` wrote under ``out``, in input order (streamed part by part)."""
    folder = Path(out)
    for part in sorted(folder.glob("part-*.*")):
        if part.suffix == ".jsonl":
            with part.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield structure(json.loads(line), Document)
        elif part.suffix == ".parquet":
            pa = _parquet()
            table = pa.parquet.read_table(str(part), columns=["document"])
            for text in table.column("document").to_pylist():
                yield structure(json.loads(text), Document)
