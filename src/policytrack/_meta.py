"""Article metadata: front matter, the header/dateline lines, outlet names, dates.

Metadata is read only from the front matter, HTML ``<head>``/``<h1>``, and the
first few paragraphs (the headline, a dateline such as
``2023-04-24 21:46:06 来源:21世纪经济报道 编辑:``, an outlet line such as
``南方+``).  It is never guessed from the body below them, nor from credits at
the end of the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs
from dateutil import parser as date_parser

from ._furniture import furniture
from .errors import FrontMatterError
from .models import PartialDate

__all__ = [
    "DATE_KEYS",
    "FrontMatter",
    "Header",
    "is_headline",
    "parse_date",
    "read_header",
    "resolve_outlet",
    "source_from_fields",
    "split_front_matter",
    "strip_title_suffix",
]

FieldValue = str | list[str]

_KEY = re.compile(r"([A-Za-z_\u4e00-\u9fff][\w.-]{0,60})[ \t]*:(?:[ \t]+(.*)|[ \t]*)$")
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*)$|[ \t]*-$")
_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*")
#: A written calendar date: 2023-04-24, 2023/4/24, 2023.04.24, 2023年4月24日 (month optional day).
_DATE = re.compile(
    r"(?<!\d)(\d{4})[ \t]*[-/.年][ \t]*(\d{1,2})(?:[ \t]*[-/.月][ \t]*(\d{1,2})(?!\d)[ \t]*日?|[ \t]*月|(?![\d.]))"
)
_TIME = re.compile(r"[ \tT]*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\.\d{1,6})?(?:[ \t]*(?:Z|[+-]\d{2}:?\d{2}))?")
_SENTENCE_END = frozenset("。！？!?；;，,、：:…")
_PUNCT = re.compile(r"[\s，。,.!！?？;；:：、（）()《》“”\"'|｜]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_TITLE_SEP = re.compile(r"[ \t]*(?:[_|｜]|[ \t]-[ \t]|——)[ \t]*")
_SOURCE_KEYS = ("source", "publisher", "outlet", "media", "site", "site_name", "来源")
#: Front matter keys that hold the publication date, in order of preference.
DATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at", "created", "发布时间")
_HEADER_SCAN = 4
_HEADER_MAX_CHARS = 120


@attrs.frozen
class FrontMatter:
    """The ``key: value`` block between ``---`` fences at the top of a file."""

    fields: dict[str, FieldValue]
    body: str

    def get(self, *keys: str) -> str | None:
        """The first non-empty scalar among ``keys`` (a list gives its first item)."""
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            if value:
                return value
        return None

    def values(self, *keys: str) -> list[str]:
        """Every value under ``keys``, lists flattened."""
        out: list[str] = []
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, list):
                out.extend(value)
            elif value:
                out.append(value)
        return out


def _scalar(raw: str) -> FieldValue:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return raw[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if len(raw) >= 2 and raw[0] == "[" and raw[-1] == "]":
        items = [str(_scalar(x)) for x in raw[1:-1].split(",")]
        return [x for x in items if x]
    if " #" in raw:  # a YAML comment
        raw = raw.split(" #", 1)[0].rstrip()
    return raw


def split_front_matter(text: str, path: str) -> FrontMatter | None:
    """Split off YAML-style front matter; None when the text has none.

    Front matter is recognised when the first non-blank line is ``---`` and the
    next non-blank line is ``key: value``.  It ends at a line ``---`` or ``...``;
    a block that never closes, or holds a line that is not ``key: value``, a
    ``- item`` of a list, an indented continuation or a ``#`` comment, raises
    :class:`FrontMatterError`.  Only the small subset of YAML that article
    scrapers write is understood (no PyYAML).
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        return None
    nxt = start + 1
    while nxt < len(lines) and not lines[nxt].strip():
        nxt += 1
    if nxt >= len(lines) or not _KEY.match(lines[nxt].rstrip()):
        return None
    fields: dict[str, FieldValue] = {}
    key: str | None = None
    for i in range(start + 1, len(lines)):
        line = lines[i].rstrip()
        if _FENCE.fullmatch(line):
            return FrontMatter(fields, "\n".join(lines[i + 1 :]))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KEY.match(line)
        if m and not line[0].isspace():
            key = m.group(1).lower()
            value = m.group(2)
            fields[key] = _scalar(value) if value and value.strip() else ""
            continue
        item = _ITEM.match(line)
        if item and key is not None:
            current = fields.get(key)
            items = current if isinstance(current, list) else ([current] if current else [])
            value_s = str(_scalar(item.group(1) or ""))
            if value_s:
                items.append(value_s)
            fields[key] = items
            continue
        if line[0].isspace() and key is not None and isinstance(fields.get(key), str):
            fields[key] = f"{fields[key]} {line.strip()}".strip()
            continue
        raise FrontMatterError(path, f"front matter line {i + 1} is not 'key: value': {line[:60]!r}")
    raise FrontMatterError(path, f"front matter opened by '---' on line {start + 1} is never closed")


# -- dates -------------------------------------------------------------------
def _written_date(text: str) -> PartialDate | None:
    """A date written as digits at the start of ``text`` (raises ValueError if impossible)."""
    m = _DATE.match(text)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    return PartialDate(int(year), int(month), int(day) if day else None)


def parse_date(value: str) -> PartialDate:
    """A front matter or ``<meta>`` date -> :class:`PartialDate` at the precision written.

    Understands ISO forms, ``2022年4月26日``, RFC 2822 (``Fri, 04 Mar 2022 14:00:06 GMT``)
    and whatever else python-dateutil reads.  The calendar date is taken as
    written (no time-zone conversion).  Raises ValueError when the value is not
    a date or is an impossible one (``2022-02-30``).
    """
    value = value.strip()[:100]
    if not value:
        raise ValueError("empty date")
    written = _written_date(value)
    if written is not None:
        return written
    try:
        a = date_parser.parse(value, default=dt.datetime(1904, 1, 1))
        b = date_parser.parse(value, default=dt.datetime(1908, 2, 2))
    except (ValueError, OverflowError) as err:
        raise ValueError(f"not a date: {value!r} ({err})") from err
    if a.year != b.year:
        raise ValueError(f"no year in date {value!r}")
    if a.month != b.month:
        return PartialDate(a.year)
    if a.day != b.day:
        return PartialDate(a.year, a.month)
    return PartialDate(a.year, a.month, a.day)


# -- outlets -----------------------------------------------------------------
def resolve_outlet(name: str) -> str | None:
    """A known outlet for ``name``: itself, with an affix such as 新闻/频道 removed, or a slug."""
    f = furniture()
    name = name.strip().strip("　")
    if not name or len(name) > 40:
        return None
    if name in f.outlets:
        return name
    for affix in f.outlet_affixes:
        if name.endswith(affix) and name[: -len(affix)] in f.outlets:
            return name[: -len(affix)]
        if name.startswith(affix) and name[len(affix) :] in f.outlets:
            return name[len(affix) :]
    return f.outlet_slugs.get(name.lower())


def looks_like_outlet(name: str) -> bool:
    """An unknown name shaped like an outlet: short, no punctuation, ends like 网/报/新闻/+."""
    f = furniture()
    name = name.strip()
    if not 2 <= len(name) <= 15 or _PUNCT.search(name.replace("+", "")):
        return False
    return bool(_CJK.search(name)) and name.endswith(f.outlet_shape_suffixes)


def source_from_fields(fm: FrontMatter) -> str | None:
    """The outlet named by front matter: an explicit source key, else a known outlet in
    ``author``, ``categories`` or ``tags`` (names, ``X新闻`` forms or slugs), else an
    ``author`` shaped like an outlet."""
    explicit = fm.get(*_SOURCE_KEYS)
    if explicit:
        return resolve_outlet(explicit) or explicit.strip()
    for value in fm.values("author", "authors", "categories", "category", "tags", "tag"):
        outlet = resolve_outlet(value)
        if outlet:
            return outlet
    author = fm.get("author")
    if author and looks_like_outlet(author):
        return author.strip()
    return None


def strip_title_suffix(title: str) -> tuple[str, str | None]:
    """``标题_新浪财经_新浪网`` -> (``标题``, ``新浪财经``): drop trailing outlet segments."""
    seps = list(_TITLE_SEP.finditer(title))
    starts = [0] + [m.end() for m in seps]
    ends = [m.start() for m in seps] + [len(title)]
    keep = len(starts)
    source: str | None = None
    while keep > 1:
        outlet = resolve_outlet(title[starts[keep - 1] : ends[keep - 1]])
        if outlet is None:
            break
        source = outlet
        keep -= 1
    if source is None:
        return title, None
    return title[: ends[keep - 1]].strip(), source


# -- the header lines --------------------------------------------------------
@attrs.frozen
class Header:
    """What the first paragraphs say, and how many of them are header (not body)."""

    title: str | None = None
    source: str | None = None
    published: PartialDate | None = None
    consumed: int = 0


def is_headline(line: str) -> bool:
    """A short line without sentence punctuation at its end and no 。 inside."""
    if not 4 <= len(line) <= 80 or line[-1] in _SENTENCE_END or "。" in line:
        return False
    return _dateline(line) is None and not furniture().is_furniture(line)


def _label_value(line: str, labels: Sequence[str]) -> str | None:
    for label in labels:
        pos = line.find(label)
        if pos < 0:
            continue
        rest = line[pos + len(label) :].lstrip(" \t　")
        if not rest or rest[0] not in ":：":
            continue
        value = re.split(r"[\s|｜丨/]", rest[1:].lstrip(" \t　"), maxsplit=1)[0]
        if value:
            return value
    return None


def _dateline(line: str) -> tuple[PartialDate | None, str | None] | None:
    """(date, source) when ``line`` is a dateline or a source line, else None."""
    if len(line) > _HEADER_MAX_CHARS or "。" in line:
        return None
    f = furniture()
    source = _label_value(line, f.source_labels)
    labelled_date = _label_value(line, f.date_labels)
    date: PartialDate | None = None
    text = line
    if labelled_date is not None:
        pos = line.find(labelled_date)
        text = line[pos:]
    text = text.lstrip()
    m = _DATE.match(text)
    if m is None and (source is not None or labelled_date is not None):
        m = _DATE.search(text)  # 来源：解放日报 2022-08-01
        if m is not None:
            text = text[m.start() :]
    if m:
        rest = text[m.end() - m.start() :]
        t = _TIME.match(rest)
        if t:
            rest = rest[t.end() :]
        if "，" in rest or (not source and labelled_date is None and rest.strip() and "," in rest):
            return None  # "2023年4月24日，广东省..." is a sentence, not a dateline
        try:
            date = _written_date(text)
        except ValueError:
            date = None
        if source is None:
            outlet = rest.strip().split()[0] if rest.strip() else ""
            source = resolve_outlet(outlet) if outlet else None
        return date, source
    if source is not None and len(line) <= 60:
        return None, source
    return None


def _outlet_line(line: str) -> str | None:
    if len(line) > 20:
        return None
    return resolve_outlet(line) or (line if looks_like_outlet(line) else None)


def read_header(paragraphs: Sequence[str], *, want_title: bool) -> Header:
    """Read the headline (when ``want_title``), dateline and outlet line at the top."""
    i = 0
    title: str | None = None
    if want_title and len(paragraphs) > 1 and is_headline(paragraphs[0]):
        title, i = paragraphs[0], 1
    source: str | None = None
    published: PartialDate | None = None
    j = i
    while j < len(paragraphs) and j < i + _HEADER_SCAN:
        line = paragraphs[j]
        info = _dateline(line)
        if info is not None:
            published = published or info[0]
            source = source or info[1]
            j += 1
            continue
        outlet = _outlet_line(line)
        if outlet is not None:
            source = source or outlet
            j += 1
            continue
        break
    return Header(title, source, published, j)
