"""Bytes -> text: a small encoding detector for Chinese news files.

The rules, in order (first match wins):

1. Known binary signatures (PNG, ZIP, PDF, GIF, JPEG, gzip, ...) -> :class:`NotAnArticleError`.
2. A byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 or UTF-16 (``utf-16``).
3. UTF-16 without a BOM, when there are NUL bytes (ASCII digits, punctuation and
   U+3000 give them) and one byte order decodes to at least 95% ordinary
   Chinese/Latin characters.
4. Any other NUL bytes, or many control characters -> :class:`NotAnArticleError`.
5. UTF-8, strictly.
6. The charset an HTML page or XML declaration names in its first 4 KB
   (``<meta charset="big5">``), strictly (GB2312 and GBK are read as GB18030).
7. GB18030 (a superset of GBK and GB2312) or Big5 (as Windows code page 950, or
   with the Hong Kong supplement, HKSCS), each strictly: when both decode, the one whose Chinese characters are more
   often among the most common ones (``_COMMON``, simplified and traditional
   forms) wins; bytes of one read with the other give rare characters.
8. Otherwise -> :class:`UndecodableTextError`.

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
    if len(data) % 2 or len(sample) < 4 or not sample.count(0):
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


#: About 500 of the most frequent Chinese characters, in simplified and traditional forms.
_COMMON = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后"
    "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因"
    "只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应"
    "战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿"
    "原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
    "量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界"
    "达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今"
    "切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存"
    "未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官"
    "火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历"
    "這個們國來時會說對發經動與實點現還產業當頭問樣關學長開數將無為從後過裡麼見進種體機聽"
    "認條題氣變總電處結報區應員論幾覺術達紀計議證識華讓權實義務業質資專設項辦導經濟臺灣"
    "將劃屬間廣創審記請舉營運術團歲際陸備響續統傳層規構減貸銀額億萬縣鄉鎮區財標準環境"
)
_COMMON_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,30})""", re.IGNORECASE)
#: Declared charsets read with a superset codec.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "big5": "cp950"}


def _common_share(text: str) -> float:
    """Share of the Chinese characters in ``text`` that are among the most common ones."""
    cjk = _COMMON_CJK.findall(text[:_SAMPLE])
    if not cjk:
        return 0.0
    return sum(ch in _COMMON for ch in cjk) / len(cjk)


def _declared(data: bytes) -> str | None:
    """The Python codec of the charset a page declares in its first 4 KB (``<meta charset>``, ``<?xml encoding>``)."""
    m = _DECLARED.search(data[:4096])
    if m is None:
        return None
    name = m.group(1).decode("ascii").lower()
    name = _SUPERSET.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _binary(path: str, what: str) -> NotAnArticleError:
    return NotAnArticleError(path, f"binary content ({what}), not article text")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)`` with newlines normalised.

    ``encoding`` is a Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16``
    (with BOM), ``utf-16-le``/``utf-16-be`` (without), ``utf-32``, ``gb18030``,
    ``cp950`` (Big5) or the codec a page declares.
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
    declared = _declared(data)
    if declared is not None and declared not in ("utf-8", "ascii"):
        text_or_none = _strict(data, declared)
        if text_or_none is not None and _looks_like_text(text_or_none):
            return normalise_newlines(text_or_none), declared
    candidates = [
        (_common_share(t), enc)
        for enc, t in ((enc, _strict(data, enc)) for enc in ("gb18030", "cp950", "big5hkscs"))
        if t is not None and _looks_like_text(t)
    ]
    if not candidates:
        raise UndecodableTextError(path, f"{utf8_error}, nor plausible GB18030 or Big5 text")
    encoding = max(candidates, key=lambda c: c[0])[1]  # a tie keeps GB18030, listed first
    return normalise_newlines(data.decode(encoding)), encoding
