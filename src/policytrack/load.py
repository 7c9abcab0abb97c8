"""Files and folders -> :class:`~policytrack.models.Document`.

Reading a file: bytes -> text (:mod:`policytrack._encoding`: UTF-8 with or without
BOM, UTF-16, GB18030/GBK; binary content refused) -> :func:`parse`.

Parsing text, in order:

1. Line ends become ``\\n``; zero-width characters go; NBSP becomes a space.
2. Front matter (YAML between ``---`` fences, TOML between ``+++``) gives ``title``, ``date``, and the
   outlet (``source``/``author``/``categories``/``tags``, see
   :func:`policytrack._meta.source_from_fields`).  Unclosed front matter, or a
   ``date`` that is not a possible calendar date, raises
   :class:`~policytrack.errors.FrontMatterError`: a file whose header is wrong
   is reported, not half-trusted.
3. An HTML body (any common tag) is reduced to its article by
   :mod:`policytrack._html` (the heaviest run of prose paragraphs below the
   headline; scripts, styles, comments and hidden elements dropped), which also
   gives the headline, the lines between it and the article (read as header
   below, never body) and the publication date; other text is split into lines.
4. Every paragraph is split again at runs of two or more full-width spaces
   (``　　``, the paragraph indent of Chinese pages, which some scrapers glue
   into one line) and trimmed.
5. The header (:func:`policytrack._meta.read_header`, rules in ``data/layouts.json``):
   furniture above the headline (menus, breadcrumbs, toolbars, site names) is
   dropped; a paragraph that reads as a headline is the title when nothing better
   gives one; datelines, labelled field lines (``来源：X 发布时间：Y``, an
   information-disclosure block: 发布日期 over 成文日期, 发布机构), bylines and outlet
   lines below it give the date and source and are not part of the clean text;
   without a source there, a dispatch or reporter credit in the lead, a notice's
   signature, a ``来源：`` line at the foot, the site's name or copyright line.
6. Page furniture (``data/furniture.json``) is dropped: everything from a
   trailer marker (``相关阅读``, ``版权和免责申明``...) in the second half of the
   page onwards, and paragraphs that are editor/proof-reader credits,
   copyright notices, app and subscription prompts, QR-code captions, share
   widgets, navigation links.  ``原标题：`` lines are content and stay.
7. Paragraphs are joined with ``\\n``: that is ``Document.text``, the text every
   record's evidence points into.  No text left -> :class:`NotAnArticleError`.

Folders are walked recursively for ``*.txt``, ``*.md``, ``*.html`` and ``*.htm``
(any case), in sorted order.  Below a folder given, files and folders whose
name starts with ``.`` are skipped; a path named explicitly is always loaded,
whatever its name or extension.  Symbolic links are followed; a link back to
a folder being walked (a loop) and a dangling link are reported as errors.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from ._encoding import decode_bytes, normalise_newlines
from ._furniture import furniture
from ._html import html_to_text, looks_like_html
from ._meta import (
    DATE_KEYS,
    Header,
    parse_date,
    read_header,
    resolve_outlet,
    source_from_fields,
    split_front_matter,
    strip_title_suffix,
)
from ._normalise import normalise_text
from ._parallel import as_error, extract_paths
from .corpus import Corpus, LoadFailure
from .errors import ExtractionError, FrontMatterError, LoadError, NotAnArticleError, UnreadableFileError
from .extract import extract_document
from .models import Document, PartialDate

__all__ = ["ARTICLE_SUFFIXES", "MAX_FILE_BYTES", "clean_text", "iter_documents", "load", "parse", "read_document"]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Files larger than this are refused (:class:`NotAnArticleError`): no news article is this big.
MAX_FILE_BYTES = 32 * 1024 * 1024

_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_INDENT_RUN = re.compile(r"\u3000{2,}")
_TRIM = " \t\u3000\u00a0\v\f"
_WS_TITLE = re.compile(r"\s+")


@attrs.frozen
class _Parsed:
    text: str
    title: str | None
    source: str | None
    published: PartialDate | None


def _paragraphs(lines: Iterable[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        for piece in _INDENT_RUN.split(line):
            piece = piece.strip(_TRIM)
            if piece:
                out.append(piece)
    return out


def _drop_furniture(paragraphs: list[str]) -> list[str]:
    f = furniture()
    half = len(paragraphs) // 2
    for k in range(max(half, 1), len(paragraphs)):
        if f.is_end_marker(paragraphs[k]):
            paragraphs = paragraphs[:k]
            break
    return [p for p in paragraphs if not f.is_furniture(p)]


def clean_text(text: str) -> str:
    """The clean article text of raw ``text`` (no metadata; see :func:`parse`)."""
    return _parse_text(text, "<text>").text


def _norm_title(value: str | None) -> str | None:
    if value is None:
        return None
    value = _WS_TITLE.sub(" ", value).strip(_TRIM + "\n")
    return value or None


def _parse_text(raw: str, where: str) -> _Parsed:
    text = normalise_newlines(raw)
    text = _INVISIBLE.sub("", text).replace("\u00a0", " ")
    title: str | None = None
    source: str | None = None
    published: PartialDate | None = None

    fm = split_front_matter(text, where)
    body = text
    if fm is not None:
        body = fm.body
        title = _norm_title(fm.get("title"))
        source = source_from_fields(fm)
        raw_date = fm.get(*DATE_KEYS)
        if raw_date:
            try:
                published = parse_date(raw_date)
            except ValueError as err:
                raise FrontMatterError(where, f"front matter date is impossible: {err}") from err

    header_lines: list[str] = []
    # an HTML page's site (<title> suffix, <meta>): the source only when the page's own
    # lines (来源, 发布机构, a credit) name none
    site_source: str | None = None
    if looks_like_html(body):
        html = html_to_text(body)
        lines: Iterable[str] = html.paragraphs
        header_lines = _paragraphs(html.header)
        meta = html.meta
        if title is None:
            title = _norm_title(html.headline)
        if html.title:
            page_title, page_source = strip_title_suffix(_norm_title(html.title) or "")
            title = title or _norm_title(page_title)
            site_source = page_source
        if title is None:
            title = _norm_title(html.h1) or _norm_title(meta.get("og:title"))
        if site_source is None:
            for key in ("og:site_name", "source", "mediaid", "author"):
                if key in meta:
                    outlet = resolve_outlet(meta[key])
                    site_source = outlet or (meta[key] if key != "author" else None)
                    if site_source:
                        break
        if published is None and html.published is not None:
            published = parse_date(html.published)
    else:
        lines = body.split("\n")

    paragraphs = header_lines + _paragraphs(lines)
    if title is not None and paragraphs and _norm_title(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]
        header_lines = header_lines[1:]
    header: Header = read_header(paragraphs, want_title=title is None)
    # the body is what the header leaves; the lines an HTML page puts between its headline and
    # its body (header_lines) are never body text, whether or not the header took them
    rest = list(header.rest)
    extra = len(header_lines) - header.consumed
    paragraphs = rest[extra:] if extra > 0 else rest
    clean = "\n".join(_drop_furniture(paragraphs))
    return _Parsed(
        clean,
        title or header.title,
        source or header.source or site_source,
        published or header.published,
    )


def _build(
    text: str,
    *,
    id: str,
    where: str,
    published: PartialDate | None,
    title: str | None,
    source: str | None,
    region: str | None,
    path: str | None = None,
    encoding: str | None = None,
) -> Document:
    if not text.strip():
        raise NotAnArticleError(where, "empty or only white space")
    parsed = _parse_text(text, where)
    if not parsed.text.strip():
        raise NotAnArticleError(where, "no article text left after removing markup and page furniture")
    doc = Document(
        id=id,
        text=normalise_text(parsed.text),
        title=title if title is not None else parsed.title,
        source=source if source is not None else parsed.source,
        published=published if published is not None else parsed.published,
        region=region,
        path=path,
        encoding=encoding,
    )
    try:
        return extract_document(doc)
    except Exception as err:
        # A defect in an extractor must not take the other files down with it, nor
        # escape the CLI as a traceback: it becomes this file's error, named and chained.
        raise ExtractionError(where, f"extraction failed ({type(err).__name__}: {err}); please report it") from err


def parse(
    text: str,
    *,
    id: str | None = None,
    published: PartialDate | None = None,
    title: str | None = None,
    source: str | None = None,
    region: str | None = None,
) -> Document:
    """Raw article text (front matter, HTML or plain text) -> a cleaned, extracted Document.

    Keyword values given override what is detected.  Raises
    :class:`~policytrack.errors.NotAnArticleError` when no article text is left and
    :class:`~policytrack.errors.FrontMatterError` for broken front matter.
    """
    return _build(
        text,
        id=id or "document",
        where=id or "<text>",
        published=published,
        title=title,
        source=source,
        region=region,
    )


def _read_bytes(p: Path) -> bytes:
    where = str(p)
    try:
        st = p.stat()
    except FileNotFoundError as err:
        if p.is_symlink():
            raise UnreadableFileError(where, "dangling symbolic link") from err
        raise UnreadableFileError(where, "no such file") from err
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise UnreadableFileError(where, "symbolic link loop") from err
        raise UnreadableFileError(where, err.strerror or str(err)) from err
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableFileError(where, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFileError(where, "not a regular file")
    if st.st_size > MAX_FILE_BYTES:
        raise NotAnArticleError(where, f"{st.st_size} bytes, larger than the {MAX_FILE_BYTES} byte limit")
    try:
        with p.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise UnreadableFileError(where, err.strerror or str(err)) from err


def read_document(path: str | Path) -> Document:
    """Read one file, whatever its extension: bytes -> decoded text -> :func:`parse`.

    The document's ``id`` is the file stem; ``path`` and ``encoding`` are set.
    Raises a :class:`~policytrack.errors.LoadError` subclass naming the file.
    """
    p = Path(path)
    data = _read_bytes(p)
    if len(data) > MAX_FILE_BYTES:
        raise NotAnArticleError(str(p), f"larger than the {MAX_FILE_BYTES} byte limit")
    text, encoding = decode_bytes(data, str(p))
    return _build(
        text,
        id=p.stem,
        where=str(p),
        published=None,
        title=None,
        source=None,
        region=None,
        path=str(p),
        encoding=encoding,
    )


# -- walking folders ---------------------------------------------------------
def _is_article_name(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


def _walk(root: Path) -> Iterator[Path | LoadError]:
    """Article files below ``root`` in sorted order (a folder's entries by name, each subfolder's
    files where its name falls), and errors for loops met on the way.

    Yields as it walks, one folder's listing at a time, so memory does not grow with the number
    of files below ``root``."""
    try:
        st = root.stat()
    except OSError as err:
        yield UnreadableFileError(str(root), err.strerror or str(err))
        return
    listing = _listing(root)
    if isinstance(listing, LoadError):
        yield listing
        return
    # (the folder's remaining entries, the (device, inode) identities of it and every folder above it)
    stack: list[tuple[Iterator[os.DirEntry[str]], frozenset[tuple[int, int]]]] = [
        (iter(listing), frozenset({(st.st_dev, st.st_ino)}))]
    while stack:
        entries, ancestors = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir:
            try:
                cst = child.stat()
            except OSError as err:
                yield UnreadableFileError(str(child), err.strerror or str(err))
                continue
            ident = (cst.st_dev, cst.st_ino)
            if ident in ancestors:
                yield UnreadableFileError(str(child), "symbolic link loop (points to a folder above it)")
                continue
            listing = _listing(child)
            if isinstance(listing, LoadError):
                yield listing
                continue
            stack.append((iter(listing), ancestors | {ident}))
        elif _is_article_name(entry.name):
            yield child


def _listing(folder: Path) -> list[os.DirEntry[str]] | LoadError:
    """A folder's entries sorted by name, or why it cannot be listed."""
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as err:
        return UnreadableFileError(str(folder), err.strerror or str(err))


def _targets(paths: str | Path | Iterable[str | Path]) -> Iterator[Path | LoadError]:
    givens = [paths] if isinstance(paths, str | Path) else list(paths)
    # a name is remembered only when several paths were given (one may hold another)
    seen: set[str] | None = set() if len(givens) > 1 else None
    for given in givens:
        p = Path(given)
        items: Iterable[Path | LoadError] = _walk(p) if p.is_dir() else [p]
        for item in items:
            if isinstance(item, Path) and seen is not None:
                k = str(item)
                if k in seen:
                    continue
                seen.add(k)
            yield item


def iter_documents(paths: str | Path | Iterable[str | Path], *, workers: int | None = 1) -> Iterator[Document]:
    """Stream documents from files and folders, one at a time (memory stays flat), in order;
    ``workers`` as for :func:`load`.

    Raises the first :class:`~policytrack.errors.LoadError` met; use :func:`load`
    to collect failures instead.
    """
    for result in extract_paths(paths, workers):
        if isinstance(result, LoadFailure):
            raise as_error(result)
        yield result


def load(
    paths: str | Path | Iterable[str | Path], *, strict: bool = False, workers: int | None = 1
) -> Corpus:
    """Load files and folders into a :class:`~policytrack.corpus.Corpus`.

    A file that fails never stops the others: it is listed in ``corpus.errors``
    (path, reason, error class name).  With ``strict=True`` the first failure is
    raised instead.  ``workers=N`` reads and extracts over N processes (``None``:
    one per CPU) with exactly the result of ``workers=1``, documents in the same order.
    """
    corpus = Corpus()
    for result in extract_paths(paths, workers):
        if isinstance(result, LoadFailure):
            if strict:
                raise as_error(result)
            corpus.errors.append(result)
        else:
            corpus.documents.append(result)
    return corpus
