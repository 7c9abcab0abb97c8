"""Bytes -> text: a small encoding detector for Chinese news files.

The rules, in order (first match wins):

1. Known binary signatures (PNG, ZIP, PDF, GIF, JPEG, gzip, ...) -> :class:`NotAnArticleError`.
2. A byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 or UTF-16 (``utf-16``).
3. UTF-16 without a BOM, when there are NUL bytes (ASCII digits, punctuation and
   U+3000 give them) and one byte order decodes to at least 95% ordinary
   Chinese/Latin characters.
4. Any other NUL bytes, or many control characters -> :class:`NotAnArticleError`.
5. UTF-8, strictly.
6. GB18030 (a superset of GBK and GB2312), strictly, when the result looks like text.
7. Otherwise -> :class:`UndecodableTextError`.

Text decoded as UTF-8 is then checked for mojibake, Chinese that was once decoded
with the wrong codec and saved again: UTF-8 bytes read as GBK (``骞垮窞`` for 广州)
or as Windows-1252 (``å¹¿å·ž``).  Both are undone exactly when re-encoding the
text with that codec gives valid UTF-8 holding Chinese (the encoding is then
reported as ``utf-8+gbk-mojibake`` or ``utf-8+cp1252-mojibake``).  Text where the
original bytes were already lost (runs of U+FFFD, or ``锟斤拷``, the GBK reading of
U+FFFD) cannot be repaired -> :class:`UndecodableTextError`.

Line ends (CRLF, CR) become ``\\n`` and a leading U+FEFF is dropped.
"""

from __future__ import annotations

import codecs
import re

from .errors import NotAnArticleError, UndecodableTextError

__all__ = ["decode_bytes", "normalise_newlines"]

#: Signatures of binary formats that are sometimes saved under a text name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"%PDF-", "PDF document"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (old Office) document"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media file"),
)

_SAMPLE = 65536
#: Control characters that never occur in text (tab, LF, VT, FF, CR and ESC excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
#: Characters of ordinary Chinese or English text (used to tell UTF-16 byte orders apart).
_TEXTLIKE = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalise_newlines(text: str) -> str:
    """CRLF, CR and Unicode line separators -> ``\\n``; drop a leading BOM."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return _NEWLINES.sub("\n", text)


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes are present and one byte order reads as text."""
    sample = data[: _SAMPLE * 2]
    if len(data) % 2 or len(sample) < 4 or sample.count(0) < 2:
        return None
    best: tuple[float, str | None] = (0.0, None)
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")
        score = len(_TEXTLIKE.findall(text)) / len(text)
        if score > best[0]:
            best = (score, encoding)
    return best[1] if best[0] >= 0.95 else None


def _looks_like_text(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return True
    if _control_ratio(sample) > 0.001:
        return False
    return len(_PRIVATE.findall(sample)) <= len(sample) * 0.01


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN1_HIGH = re.compile(r"[\u00c0-\u00ff]")
_LOST = re.compile(r"\ufffd|锟斤拷")


def _cp1252_bytes(text: str) -> bytes:
    """Windows-1252 bytes of ``text``; the five bytes 1252 leaves undefined map as Latin-1."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _redecoded(text: str, codec: str) -> str | None:
    """``text`` re-encoded with ``codec`` and read strictly as UTF-8, when that gives Chinese.

    Genuine Chinese fails the strict read within a character or two: GBK and
    Windows-1252 bytes of real text are not valid UTF-8.
    """
    try:
        raw = _cp1252_bytes(text) if codec == "cp1252" else text.encode(codec)
    except UnicodeEncodeError:
        return None
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return fixed if fixed != text and _CJK.search(fixed) else None


def _unmojibake(text: str, path: str) -> tuple[str, str]:
    """Undo UTF-8-read-as-GBK or UTF-8-read-as-cp1252 mojibake (see the module docstring)."""
    sample = text[:_SAMPLE]
    if _CJK.search(sample):
        fixed = _redecoded(text, "gb18030")
        if fixed is not None:
            return fixed, "utf-8+gbk-mojibake"
    elif len(_LATIN1_HIGH.findall(sample)) >= 4:
        fixed = _redecoded(text, "cp1252")
        if fixed is not None:
            return fixed, "utf-8+cp1252-mojibake"
    lost = len(_LOST.findall(sample))
    if lost >= 3 and lost * 20 >= len(_CJK.findall(sample)):
        raise UndecodableTextError(
            path, f"mojibake: {lost} characters were already lost (U+FFFD or 锟斤拷); the original bytes are gone"
        )
    return text, "utf-8"


def _binary(path: str, what: str) -> NotAnArticleError:
    return NotAnArticleError(path, f"binary content ({what}), not article text")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)`` with newlines normalised.

    ``encoding`` is a Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16``
    (with BOM), ``utf-16-le``/``utf-16-be`` (without), ``utf-32`` or ``gb18030``.
    Raises :class:`NotAnArticleError` for binary content and
    :class:`UndecodableTextError` for bytes that are no known encoding.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _binary(path, what)
    encoding: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            raise UndecodableTextError(path, f"invalid {encoding} at byte {err.start}") from err
        if _control_ratio(text) > 0.01 or "\x00" in text[:_SAMPLE]:
            raise _binary(path, f"control characters after decoding as {encoding}")
        return normalise_newlines(text), encoding

    nul = data.count(0)
    if nul:
        raise _binary(path, f"{nul} NUL bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = f"not UTF-8 (invalid byte 0x{data[err.start]:02x} at offset {err.start})"
    else:
        if _control_ratio(text) > 0.01:
            raise _binary(path, "control characters")
        text, encoding = _unmojibake(text, path)
        return normalise_newlines(text), encoding
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise UndecodableTextError(path, f"{utf8_error}, nor GB18030 (at offset {err.start})") from err
    if not _looks_like_text(text):
        raise UndecodableTextError(path, f"{utf8_error}, and as GB18030 it is not plausible text")
    return normalise_newlines(text), "gb18030"

