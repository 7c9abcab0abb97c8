"""Article metadata: front matter, the page's header lines, outlet names, dates.

Metadata comes from the front matter (YAML through PyYAML's safe loader, TOML through
tomllib), the HTML ``<head>``/``<h1>``, and the page's header as laid out by the rules
of ``data/layouts.json`` (:mod:`policytrack._layout`): the headline, datelines and
labelled field lines (``2023-04-24 21:46:06 来源:21世纪经济报道 编辑:``, an
information-disclosure block), bylines and outlet lines.  Only when the header names
no source are the lead's dispatch or reporter credit, a notice's signature, a
``来源：`` line at the foot, the site's name and its copyright line consulted.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Sequence

import attrs
import yaml
from dateutil import parser as date_parser

from ._furniture import furniture
from ._layout import layouts
from .errors import FrontMatterError
from .models import PartialDate

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

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

#: The first non-blank, non-comment line of a YAML block: ``key:`` (any case, CJK allowed, quoted or not).
_YAML_KEY = re.compile(r"""(?:[A-Za-z_\u4e00-\u9fff][\w .-]{0,60}|"[^"\n]{1,60}"|'[^'\n]{1,60}')[ \t]*:(?:[ \t]|$)""")
#: The first line of a TOML block: ``key = value`` or a ``[table]`` header.
_TOML_KEY = re.compile(r"""(?:[A-Za-z_][\w.-]{0,60}|"[^"\n]{1,60}")[ \t]*=|\[[^\]\n]{1,60}\]""")
_YAML_FENCES = ("---", "...")
#: A written calendar date: 2023-04-24, 2023/4/24, 2023.04.24, 2023年4月24日 (month optional day).
_DATE = re.compile(
    r"(?<!\d)(\d{4})[ \t]*[-/.年][ \t]*(\d{1,2})(?:[ \t]*[-/.月][ \t]*(\d{1,2})(?!\d)[ \t]*日?|[ \t]*月|(?![\d.]))"
)
#: A date written day first, as some portals do: 31.08.2017.
_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")
_TIME = re.compile(
    r"[ \tT]*\d{1,2}[ \t]*[:：][ \t]*\d{2}(?:[ \t]*[:：][ \t]*\d{2})?(?:\.\d{1,6})?(?:[ \t]*(?:Z|[+-]\d{2}:?\d{2}))?"
)
#: How a headline never ends (it may end with ！ or ？: 郑州市金水区入选！).
_HEADLINE_END = frozenset("。；;，,、：:…")
_PUNCT = re.compile(r"[\s，。,.!！?？;；:：、（）()《》“”\"'|｜]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACE = re.compile(r"\s+")
_TITLE_SEP = re.compile(r"[ \t]*(?:[_|｜]|[ \t]-[ \t]|——)[ \t]*")
_SOURCE_KEYS = ("source", "publisher", "outlet", "media", "site", "site_name", "来源")
#: Front matter keys that hold the publication date, in order of preference.
DATE_KEYS = ("date", "published", "pubdate", "publish_date", "published_at", "created", "发布时间")
_HEADER_MAX_CHARS = 120


@attrs.frozen
class FrontMatter:
    """The metadata block at the top of a file: YAML between ``---`` fences or TOML between ``+++``.

    ``fields`` maps lower-cased keys to a string or a list of strings; nested maps
    are flattened with dotted keys (``params.source``), dates and numbers become
    their written text.
    """

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


class _YamlLoader(yaml.SafeLoader):
    """PyYAML's safe loader with dates left as written: ``2022-04-26T23:59:00-08:00`` is the
    26th (no conversion to UTC), and an impossible date is reported by :func:`parse_date`."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _text(value: object) -> str | None:
    """A scalar's text (None for null, a nested map or list)."""
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _flatten(mapping: dict[object, object], prefix: str, out: dict[str, FieldValue]) -> None:
    for raw_key, value in mapping.items():
        key = prefix + str(raw_key).strip().lower()
        if isinstance(value, dict):
            _flatten(value, key + ".", out)
        elif isinstance(value, list):
            out[key] = [t for t in (_text(v) for v in value) if t]
        else:
            out[key] = _text(value) or ""


def _fenced(lines: list[str], start: int, fences: tuple[str, ...]) -> int | None:
    """Index of the line closing the block opened on ``start`` (None: never closed)."""
    for i in range(start + 1, len(lines)):
        if lines[i].rstrip() in fences:
            return i
    return None


def _first_content(lines: list[str], start: int) -> str | None:
    for line in lines[start:]:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return line.rstrip()
    return None


def split_front_matter(text: str, path: str) -> FrontMatter | None:
    """Split off front matter; None when the text has none.

    YAML front matter opens with a line ``---`` whose next content line (comments
    skipped) is ``key:``; it closes at ``---`` or ``...`` and is read by PyYAML's
    safe loader (multi-line and block scalars, lists, nested maps, comments, any
    key case).  TOML front matter sits between ``+++`` lines and is read by
    :mod:`tomllib` (``tomli`` before Python 3.11).  A block that never closes, is
    not valid YAML/TOML, or is not a mapping raises :class:`FrontMatterError`
    naming the line at fault.
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines):
        return None
    fence = lines[start].strip()
    if fence == "---":
        first = _first_content(lines, start + 1)
        if first is None or not _YAML_KEY.match(first):
            return None
        end = _fenced(lines, start, _YAML_FENCES)
        kind = "YAML"
    elif fence == "+++":
        first = _first_content(lines, start + 1)
        if first is None or not _TOML_KEY.match(first.strip()):
            return None
        end = _fenced(lines, start, ("+++",))
        kind = "TOML"
    else:
        return None
    if end is None:
        raise FrontMatterError(path, f"front matter opened by '{fence}' on line {start + 1} is never closed")
    block = "\n".join(lines[start + 1 : end])
    data = _load_yaml(block, path, start) if kind == "YAML" else _load_toml(block, path)
    if not isinstance(data, dict):
        raise FrontMatterError(path, f"front matter on lines {start + 1}-{end + 1} is not a 'key: value' map")
    fields: dict[str, FieldValue] = {}
    _flatten(data, "", fields)
    return FrontMatter(fields, "\n".join(lines[end + 1 :]))


def _load_yaml(block: str, path: str, offset: int) -> object:
    try:
        return yaml.load(block, Loader=_YamlLoader)  # a SafeLoader subclass: no object construction
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" on line {mark.line + offset + 2}" if mark is not None else ""
        what = (err.problem or err.context or "invalid").strip()
        raise FrontMatterError(path, f"front matter is not valid YAML{where}: {what}") from err
    except yaml.YAMLError as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise FrontMatterError(path, f"front matter is not valid YAML: {first}") from err


def _load_toml(block: str, path: str) -> object:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError as err:
        first = str(err).strip().splitlines()[0]
        raise FrontMatterError(path, f"front matter is not valid TOML: {first}") from err


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


_TRAILING_BRACKET = re.compile(r"[（(]([^（）()]{2,12})[）)]\s*$")
_COLUMN_SEP = re.compile(r"\s*[-－—_|｜]\s*")


def tidy_title(title: str) -> tuple[str, str | None]:
    """A headline without what pages add to it: an original-title label (``原标题：X`` -> X), an
    outlet in brackets at its end (``…机遇(知识产权报)``, also returned as the source) and a
    column name after a separator (``…在深交所发行-焦点播报``)."""
    lay = layouts()
    m = lay.original_title.fullmatch(title.strip())
    if m:
        title = m.group("value").strip()
    source: str | None = None
    m = _TRAILING_BRACKET.search(title)
    if m and m.start() >= 4:
        inner = m.group(1).strip()
        outlet = resolve_outlet(inner) or (inner if looks_like_outlet(inner) else None)
        if outlet is not None:
            source, title = outlet, title[: m.start()].rstrip()
    seps = list(_COLUMN_SEP.finditer(title))
    if seps:
        last = seps[-1]
        tail = title[last.end() :]
        if 2 <= len(tail) <= 8 and tail.endswith(lay.title_column_words) and last.start() >= 4:
            title = title[: last.start()].rstrip()
    return title, source


# -- the header lines --------------------------------------------------------
@attrs.frozen
class Header:
    """What the top (and foot) of a page says, and the paragraphs left for the body.

    ``rest`` is the paragraphs without the header ones (furniture above the
    headline, the headline and its duplicates, datelines, labelled field lines,
    bylines, toolbars, a field block at the foot); ``consumed`` counts the
    paragraphs taken from the top.
    """

    title: str | None = None
    source: str | None = None
    published: PartialDate | None = None
    consumed: int = 0
    rest: tuple[str, ...] = ()


def is_headline(line: str) -> bool:
    """A short line without sentence punctuation at its end, no 。 inside, and not a
    dateline, a labelled field line or furniture."""
    if not 4 <= len(line) <= 80 or line[-1] in _HEADLINE_END or "。" in line or not _CJK.search(line):
        return False
    if _header_info(line) is not None or layouts().is_byline(line):
        return False
    return not furniture().is_furniture(line) and not layouts().is_header_furniture(line)


def _date_of(text: str) -> PartialDate | None:
    """The written date at the start of ``text`` (2023-04-24, 2023年4月24日, 31.08.2017), or None."""
    text = text.strip()
    try:
        written = _written_date(text)
    except ValueError:
        return None
    if written is not None:
        return written
    m = _DMY.match(text)
    if m is None:
        return None
    try:
        return PartialDate(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _date_only(line: str) -> PartialDate | None:
    """A line holding only a date (a time and a weekday may follow): ``2023-02-09 16:50:15``,
    ``2020年11月19日 星期四``, ``31.08.2017  13:44``."""
    text = line.strip()
    m = _DATE.match(text) or _DMY.match(text)
    if m is None:
        return None
    rest = text[m.end() :]
    t = _TIME.match(rest)
    if t:
        rest = rest[t.end() :]
    w = layouts().weekday.match(rest)
    if w:
        rest = rest[w.end() :]
    if rest.strip(" \t\u3000|｜"):
        return None
    return _date_of(text)


_PAIRS = {"（": "）", "(": ")", "[": "]", "【": "】"}


def _unwrap(value: str) -> str:
    """``【南方日报】`` -> 南方日报, ``南方日报）`` -> 南方日报; a bracket closed inside stays
    (广州市市场监督管理局（知识产权局）)."""
    while value and value[0] in _PAIRS and value.endswith(_PAIRS[value[0]]):
        value = value[1:-1].strip()
    if value and value[-1] in _PAIRS.values():
        opening = next(o for o, c in _PAIRS.items() if c == value[-1])
        if opening not in value:
            value = value[:-1].strip()
    if value and value[0] in _PAIRS and _PAIRS[value[0]] not in value:
        value = value[1:].strip()
    return value


def clean_source(value: str) -> str | None:
    """The outlet a source value names: ``人民网-江苏频道`` -> 人民网, ``大河报·豫视频`` -> 大河报,
    ``中央广电总台国际在线`` -> 国际在线; an unknown short name is kept as written."""
    value = _unwrap(value.strip(" \t\u3000:：|｜"))
    if not value or len(value) > 40 or value in layouts().not_sources:
        return None
    parts = layouts().source_parts(value)
    for part in parts:
        outlet = resolve_outlet(part)
        if outlet:
            return outlet
    for part in parts:
        if looks_like_outlet(part):
            return part
    first = parts[0] if parts else ""
    bare = re.sub(r"[（）()]", "", first)  # 广州市市场监督管理局（知识产权局）
    if 2 <= len(first) <= 30 and _CJK.search(first) and not _PUNCT.search(bare):
        return first
    return None


@attrs.define
class _Found:
    """Header facts found so far (the first of each kind wins)."""

    published: PartialDate | None = None
    written: PartialDate | None = None
    source: str | None = None
    publisher: str | None = None
    name: str | None = None
    outlet_line: str | None = None
    reporter: str | None = None
    site: str | None = None

    def absorb(self, info: dict[str, object]) -> None:
        for key, value in info.items():
            if value is not None and getattr(self, key) is None:
                setattr(self, key, value)


def _header_info(line: str) -> dict[str, object] | None:
    """What a header line says: labelled fields (``来源：X 发布时间：Y``, an index block's
    ``发布机构``/``成文日期``/``发布日期``), a dateline (``2022-12-22 来源:XX日报``,
    ``2023-04-24 21:46:06 来源:21世纪经济报道``) or a date alone; None for other lines."""
    if len(line) > _HEADER_MAX_CHARS or "。" in line:
        return None
    only = _date_only(line)
    if only is not None:
        return {"published": only}
    parsed = layouts().fields(line)
    if parsed is not None:
        lead, fields = parsed
        if lead and len(lead) > 30:
            return None  # a sentence that happens to hold a label
        info: dict[str, object] = {}
        if "published" in fields:
            info["published"] = _date_of(fields["published"])
        if "written" in fields:
            info["written"] = _date_of(fields["written"])
        if "published" not in fields and "written" not in fields:
            # 2023-06-02 15:26:02来源:…, 来源：解放日报 2022-08-01 (not a date inside an index number)
            for text in (lead, fields.get("source", "")):
                dated = _DATE.search(text)
                if dated is not None:
                    info["published"] = _date_of(text[dated.start() :])
                    break
        if "source" in fields:
            info["source"] = clean_source(fields["source"])
        if "publisher" in fields:
            info["publisher"] = clean_source(fields["publisher"])
        if "name" in fields:
            info["name"] = fields["name"]
        return info
    return _dateline(line)


def _dateline(line: str) -> dict[str, object] | None:
    """``2023-04-24 南方日报``: a date first, then at most an outlet; ``南方日报 2023-04-24``: an
    outlet, then the date; a WeChat post's line (``原创 广州知识产权 2023-07-05 11:07
    发表于广东``: the account, then the date); not a dated sentence."""
    text = line.strip()
    m = _DATE.match(text)
    if m is None:
        w = layouts().account_line.fullmatch(text)
        if w is None:
            return None
        names = w.group("names").split()
        name = names[-1] if names else ""
        outlet = resolve_outlet(name) or (name if looks_like_outlet(name) or w.group("posted") else None)
        if outlet is None:
            return None
        return {"published": _date_of(w.group("date")), "source": outlet}
    rest = text[m.end() :]
    t = _TIME.match(rest)
    if t:
        rest = rest[t.end() :]
    rest = rest.strip(" \t\u3000|｜")
    if not rest:
        return {"published": _date_of(text)}
    if "，" in rest or "," in rest or len(rest) > 20:
        return None  # "2023年4月24日，广东省..." is a sentence, not a dateline
    outlet = resolve_outlet(rest.split()[0])
    if outlet is None:
        return None
    return {"published": _date_of(text), "source": outlet}


def _outlet_line(line: str) -> str | None:
    if len(line) > 20:
        return None
    return resolve_outlet(line) or (line if looks_like_outlet(line) else None)


def _same(a: str, b: str) -> bool:
    return _SPACE.sub("", a) == _SPACE.sub("", b)


def _in_menu_run(paragraphs: Sequence[str], i: int) -> bool:
    """Whether paragraph ``i`` is an item of a menu written one item a line: a run of at least
    ``menu.min_run`` short lines (dates and field lines not counted) that goes on after it."""
    lay = layouts()
    limit = lay.menu_max_item_chars + 4

    def short(k: int) -> bool:
        line = paragraphs[k]
        return len(line) <= limit and "。" not in line and _header_info(line) is None

    if not short(i) or i + 1 >= len(paragraphs) or not short(i + 1):
        return False
    start, end = i, i + 1
    while start > 0 and short(start - 1):
        start -= 1
    while end + 1 < len(paragraphs) and short(end + 1):
        end += 1
    return end - start + 1 >= lay.menu_min_run


def _reporter_outlet(text: str) -> str | None:
    """The outlet named by a dispatch or a reporter credit at the start of ``text``."""
    lay = layouts()
    for run, reporter in lay.dispatch_runs(text):
        if reporter:
            outlet = resolve_outlet(run) or (run if looks_like_outlet(run) else None)
            if outlet:
                return outlet
            continue
        for k in range(len(run), 1, -1):
            prefix, place = run[:k], run[k:]
            if len(place) > lay.max_place_chars:
                break
            outlet = resolve_outlet(prefix) or (prefix if looks_like_outlet(prefix) else None)
            if outlet:
                return outlet
    return None


def _signature(paragraphs: Sequence[str]) -> tuple[str | None, PartialDate | None]:
    """The signature of a notice (落款): issuing bodies on a line, then a line holding only a
    full date -> (first body, date)."""
    lay = layouts()
    for i in range(1, min(len(paragraphs), lay.signature_scan)):
        date = _date_only(paragraphs[i])
        if date is None or date.day is None or _TIME.search(paragraphs[i]):
            continue
        k = i - 1
        while k >= 0 and lay.signature_orgs.fullmatch(paragraphs[k].strip()):
            k -= 1
        if k < i - 1:
            first = lay.signature_orgs.fullmatch(paragraphs[k + 1].strip())
            org = paragraphs[k + 1].split()[0] if first else None
            return org, date
    return None, None


def _foot_source(paragraphs: Sequence[str], drop: set[int], start: int) -> str | None:
    """A source stated on a line of its own below the header: ``来源：国家知识产权局网``,
    ``（文章来源：南方网）``, a field line ``来源：X 编辑：Y 审核：Z``; picture credits left out.
    Such field lines are header, not body: their indices join ``drop``."""
    lay = layouts()
    found: str | None = None
    for i in range(start, len(paragraphs)):
        line = paragraphs[i].strip()
        if len(line) > 80 or "。" in line:
            continue
        m = lay.trailing_source.fullmatch(line)
        value: str | None = None
        if m is not None:
            value = m.group("value")
            if value.strip() not in lay.image_sources:
                drop.add(i)
        else:
            parsed = lay.fields(line)
            if parsed is None or parsed[0] or "source" not in parsed[1] or len(parsed[1]) < 2:
                continue
            value = parsed[1]["source"]
            drop.add(i)
        if value is None or value.strip() in lay.image_sources:
            continue
        found = found or clean_source(value)
    return found


def _foot_trailer(paragraphs: Sequence[str], start: int) -> int:
    """Where the page's trailer begins: the earliest trailer marker (相关推荐) in the run of
    short lines that ends the page; ``len(paragraphs)`` when there is none."""
    limit = layouts().trailer_line_chars
    k = len(paragraphs)
    cut = k
    while k - 1 >= start and len(paragraphs[k - 1]) <= limit and "。" not in paragraphs[k - 1]:
        k -= 1
        if furniture().is_end_marker(paragraphs[k]):
            cut = k
    return cut


def _copyright_source(paragraphs: Sequence[str]) -> str | None:
    lay = layouts()
    for line in reversed(paragraphs[-12:]):
        m = lay.copyright.fullmatch(line.strip())
        if m is not None and looks_like_outlet(m.group("value")):
            return m.group("value")
    return None


def read_header(paragraphs: Sequence[str], *, want_title: bool) -> Header:
    """Read the page's header: furniture above the headline (menus, breadcrumbs, toolbars,
    site names), the headline (when ``want_title``) and its duplicates, subtitles (kept as
    body), datelines and labelled field lines (``来源``, ``发布时间``, an information-disclosure
    block's ``发布机构``/``成文日期``/``发布日期``), bylines and outlet lines below it.

    Then, when the header names no source: a dispatch or reporter credit opening the body
    (``人民网南京4月26日电``, ``北京商报记者``), the issuing body of a notice's signature, a
    ``来源：`` line at the foot, the site's name above the headline, its copyright line.
    Published is ``发布日期`` over ``成文日期`` over a notice's signature date.
    """
    lay = layouts()
    n = len(paragraphs)
    drop: set[int] = set()
    found = _Found()
    title: str | None = None
    i = 0
    # above the headline
    while i < min(n, lay.top_scan):
        line = paragraphs[i]
        if lay.is_label_only(line) and i + 1 < n and not lay.is_label_only(paragraphs[i + 1]):
            joined = _header_info(line + paragraphs[i + 1])
            if joined is not None:  # a table of an information-disclosure block: label, value
                drop.update((i, i + 1))
                found.absorb(joined)
                i += 2
                continue
        info = _header_info(line)
        if info is not None:
            found.absorb(info)
            drop.add(i)
            i += 1
            continue
        shaped = is_headline(line)
        if shaped and len(line) >= lay.min_title_chars and not _in_menu_run(paragraphs, i):
            break  # the headline
        if shaped or lay.is_header_furniture(line) or lay.is_short_item(line) or lay.is_byline(line):
            found.absorb({"site": _outlet_line(line)})
            if lay.is_byline(line):  # □苏报记者 杨帆 above the headline: its outlet
                found.absorb({"reporter": _reporter_outlet(line.lstrip("□■◎⊙○●◆◇▲△★☆ \t\u3000"))})
            drop.add(i)
            i += 1
            continue
        break
    if i >= min(n, lay.top_scan):  # nothing but furniture: leave the page as it is
        i, drop, found = 0, set(), _Found()
    top = i
    if want_title and i < n - 1 and is_headline(paragraphs[i]) and _outlet_line(paragraphs[i]) is None:
        title, suffix_outlet = strip_title_suffix(lay.strip_title_markers(paragraphs[i]))
        title, bracket_outlet = tidy_title(title)
        found.absorb({"outlet_line": suffix_outlet or bracket_outlet})
        drop.add(i)
        i += 1
    # below the headline: duplicates, datelines, fields, bylines, outlet lines, subtitles
    subtitles = 0
    j = i
    while j < min(n, i + lay.after_title_scan):
        line = paragraphs[j]
        info = _header_info(line)
        if lay.is_label_only(line) and j + 1 < n and not lay.is_label_only(paragraphs[j + 1]):
            joined = _header_info(line + paragraphs[j + 1])
            if joined is not None:
                found.absorb(joined)
                drop.update((j, j + 1))
                j += 2
                continue
        if info is not None:
            found.absorb(info)
        elif title is not None and _same(line, title):
            pass
        elif lay.is_byline(line):
            found.absorb({"reporter": _reporter_outlet(line)})
        elif _outlet_line(line) is not None:
            found.absorb({"outlet_line": _outlet_line(line)})
        elif title is not None and (lay.is_header_furniture(line) or (lay.is_short_item(line) and len(line) <= 3)):
            pass
        elif (title is not None or j > top) and is_headline(line) and subtitles < 3:
            subtitles += 1
            j += 1
            continue
        else:
            break
        drop.add(j)
        j += 1
    body_start = j
    if title is not None:  # the headline repeated further down (an image caption, a print view)
        drop.update(k for k in range(body_start, min(n, body_start + 20)) if _same(paragraphs[k], title))
    if title is None and want_title and found.name:
        title = found.name
    lead = [paragraphs[k] for k in range(body_start, n) if k not in drop][: lay.dispatch_lead_paragraphs]
    if found.source is None and found.reporter is None:
        for text in lead:
            found.reporter = _reporter_outlet(text)
            if found.reporter:
                break
    sig_org: str | None = None
    sig_date: PartialDate | None = None
    if found.published is None or (found.source is None and found.publisher is None):
        sig_org, sig_date = _signature([p for k, p in enumerate(paragraphs) if k not in drop])
    trailer = _foot_trailer(paragraphs, body_start + 1)
    foot = _foot_source(paragraphs, drop, body_start)
    drop.update(range(trailer, n))
    source = (
        found.source
        or found.reporter
        or found.outlet_line
        or found.publisher
        or sig_org
        or foot
        or found.site
        or _copyright_source(paragraphs)
    )
    published = found.published or found.written or sig_date
    first_body = next((k for k in range(body_start, n) if k not in drop), None)
    rest: list[str] = []
    for k, p in enumerate(paragraphs):
        if k in drop:
            continue
        opening = lay.news_dispatch_prefix.match(p) if k == first_body else None
        rest.append((p[opening.end() :].strip() or p) if opening is not None else p)
    consumed = 0
    while consumed in drop:
        consumed += 1
    return Header(title, source, published, consumed, tuple(rest))
