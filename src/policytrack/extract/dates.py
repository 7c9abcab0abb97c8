"""Dates in Chinese text: full and partial dates, spans, "as of" dates and relative dates.

:func:`find_dates` finds every date in a text; :func:`sentence_date` gives the date a
statement in one sentence holds for.  Relative forms (``今年``, ``去年``, ``5年来``, ``目前``)
resolve only against an explicit ``reference`` (the article's publication date); there is no
clock.  Vocabulary lives in ``data/dates.json``.

Decisions:

* Year-level parts resolve to the month they end in: ``年底``/``年末`` -> 12, ``上半年`` -> 6,
  ``下半年`` -> 12, ``一季度`` -> 3, ``前三季度`` -> 9; ``年初`` -> 1.
* ``截至``/``截止`` give relation ``as_of``; ``到``/``至`` before a date give ``as_of`` when the
  date is not after the reference date, ``target`` when it is (and, with no reference,
  ``as_of`` for ``…底``/``…末`` and ``target`` otherwise); ``力争到``/``预计到`` and ``…年前``
  are always ``target``; ``…以来``/``…起``/``自…`` are ``since``.
* ``年底``/``上半年`` with no year of their own take the last explicit year earlier in the same
  text (``2022年…截至年底`` -> 2022-12), else ``date`` is ``None`` (relation ``relative``).
* ``5年来``, ``五年来``, ``一年间``, ``近三年``, ``过去5年``: relation ``since``, ``date`` = reference year
  minus n, ``end`` = reference year (``None`` without a reference).
* ``目前``/``当前``/``如今``/``近日``…: the reference date's year, relation ``relative``.
* A month with no year (``4月24日``) takes the last explicit year earlier in the same text,
  else the reference year (relation ``relative``), else ``date`` is ``None``.
* Days relative to the reference (``昨日``, ``今天``, ``前天``) and a bare day (``24日``: the
  reference month, or the month before when the day is later than the reference day) need a
  reference with day precision, else ``date`` is ``None``; counts of days (``15日内``,
  ``近30日``, ``每日``, ``第3日``) are never dates.
* Five-year plans (``“十四五”``) are spans: ``date`` 2021, ``end`` 2025.
* A four-digit number is a year only when ``年`` (or ``上半年``/``下半年``, or a span
  ``2020—2035年``) follows, or in ISO/slash form (``2022-04-24``, ``2022/4/24``): never
  ``2021件``.  Impossible dates (``2022年13月``, ``2月30日``) are skipped.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

import attrs

from .._data import load_json
from ..models import PartialDate
from .numbers import CN_DIGITS

__all__ = ["DateMatch", "find_dates", "sentence_date"]

RELATIONS = ("at", "as_of", "since", "span", "target", "relative")


@attrs.frozen
class DateMatch:
    """A date found in a text: ``text == source[start_offset:end_offset]`` (cue words included)."""

    date: PartialDate | None
    end: PartialDate | None
    start_offset: int
    end_offset: int
    text: str
    relation: str


# --------------------------------------------------------------------------- vocabulary

_CN = CN_DIGITS
_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": "."})
_FOLDED_RE = re.compile("[\uff10-\uff19．]")  # a character _FOLD changes


_DIGIT_RUN = re.compile(r"\d+")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@attrs.frozen
class _Vocab:
    data: dict[str, Any]
    master: re.Pattern[str]
    master_starts: re.Pattern[str] | None  # every character a master match may start with
    digit_cue: bool  # whether a cue word starts with a digit (see _search)
    rel_years: dict[str, int | str]
    rel_months: dict[str, int]
    present: frozenset[str]
    year_suffixes: dict[str, int]
    year_suffix_words: tuple[str, ...]
    month_suffixes: tuple[str, ...]
    joins: tuple[str, ...]
    as_of: tuple[str, ...]
    to: tuple[str, ...]
    target: tuple[str, ...]
    since_before: tuple[str, ...]
    since_after: tuple[str, ...]
    target_after: tuple[str, ...]
    rel_days: dict[str, int]
    day_not_before: tuple[str, ...]
    day_not_after: tuple[str, ...]


def _bylen(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data: dict[str, Any] = load_json("dates.json")
    cn_n = "[一二三四五六七八九十两]{1,3}"
    master = re.compile(
        rf"[“\"]?(?P<fyp>[一二三四五六七八九十]{{1,3}})五(?=[”\"]?(?:{_alt(data['plan_period_followers'])}))"
        r"|(?<![\d.])(?<!\d,)(?P<y>\d{4})(?!\d)"
        r"|(?P<ycn>[〇零一二三四五六七八九]{4})(?=年)"
        rf"|(?P<sincen>(?:{_alt(data['since_n_years_before'])})(?P<n1>\d{{1,2}}|{cn_n})个?年(?:以来|来)?"
        rf"|(?<![\d.])(?P<n2>\d{{1,2}}|{cn_n})多?年(?:以来|来|间))"
        rf"|(?P<present>{_alt(data['present_words'])})"
        rf"|(?P<rely>{_alt(list(data['relative_years']))})"
        rf"|(?P<relm>{_alt(list(data['relative_months']))})"
        rf"|(?P<reld>{_alt(list(data['relative_days']))})"
        rf"|(?<![\d〇零一二三四五六七八九十年今去明前本当同上每])(?P<bare>{_alt(list(data['bare_year_parts']))})"
        r"|(?<![\d.])(?P<mo>\d{1,2}|十[一二]?|[一二三四五六七八九])(?=\s?(?:月|[—\-－~～至到]\s?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月))"
        r"|(?<![\d.月])(?P<dd>[12]?\d|3[01])(?=日)"
    )
    # The master pattern's branches do not start with literals, so the regex engine would try
    # every branch at every position; a class of the characters a match can start with finds
    # the candidate positions first (see _search).
    cue_words = [
        str(w)
        for key in (
            "since_n_years_before",
            "present_words",
            "relative_years",
            "relative_months",
            "relative_days",
            "bare_year_parts",
        )
        for w in data[key]
    ]
    starts = '“"〇零一二三四五六七八九十两' + "".join(sorted({w[:1] for w in cue_words}))
    master_starts = re.compile(rf"[\d{re.escape(starts)}]") if all(cue_words) else None
    return _Vocab(
        data=data,
        master=master,
        master_starts=master_starts,
        digit_cue=any(_DIGIT_RUN.match(w) for w in cue_words),
        rel_years=dict(data["relative_years"]),
        rel_months=dict(data["relative_months"]),
        present=frozenset(data["present_words"]),
        year_suffixes=dict(data["year_suffixes"]),
        year_suffix_words=_bylen(list(data["year_suffixes"])),
        month_suffixes=_bylen(data["month_suffixes"]),
        joins=_bylen(data["range_joins"]),
        as_of=_bylen(data["as_of_cues"]),
        to=_bylen(data["to_cues"]),
        target=_bylen(data["target_cues"]),
        since_before=_bylen(data["since_before"]),
        since_after=_bylen(data["since_after"]),
        target_after=_bylen(data["target_after"]),
        rel_days=dict(data["relative_days"]),
        day_not_before=_bylen(data["bare_day_not_before"]["words"]),
        day_not_after=_bylen(data["bare_day_not_after"]["words"]),
    )


# --------------------------------------------------------------------------- small parsers

_SMALL = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_MONTH_RE = re.compile(
    rf"\s?(?P<m>{_SMALL})\s?(?:(?P<join>[—\-－~～至到])\s?(?P<m2>{_SMALL})\s?)?月(?:份)?"
    rf"(?:\s?(?P<d>{_SMALL})\s?[日号])?"
)
_ISO_RE = re.compile(r"(?P<sep>[-/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?(?![\d.])")


def _small_int(s: str) -> int | None:
    """1-99 as Arabic digits or Chinese numerals (``十二``, ``二十四``)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CN.get(head, 0) if head else 1
        ones = _CN.get(tail, 0) if tail else 0
        if (head and head not in _CN) or (tail and tail not in _CN):
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN:
        return _CN[s]
    return None


def _year_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if all(ch in _CN for ch in s):
        return int("".join(str(_CN[ch]) for ch in s))
    return None


@lru_cache(maxsize=4096, typed=True)
def _make(year: int | None, month: int | None = None, day: int | None = None) -> PartialDate | None:
    """A valid PartialDate or None (never raises); remembered, PartialDate being immutable."""
    if year is None or not 1000 <= year <= 2999:
        return None
    try:
        return PartialDate(year, month, day if month is not None else None)
    except (ValueError, TypeError):
        return None


def _add_months(ref: PartialDate, delta: int) -> PartialDate | None:
    if ref.month is None:
        return None
    total = ref.year * 12 + (ref.month - 1) + delta
    return _make(total // 12, total % 12 + 1)


def _add_days(ref: PartialDate, delta: int) -> PartialDate | None:
    if ref.month is None or ref.day is None:
        return None
    try:
        day = datetime.date(ref.year, ref.month, ref.day) + datetime.timedelta(days=delta)
    except (ValueError, OverflowError):
        return None
    return _make(day.year, day.month, day.day)


def _bare_day(text: str, orig: str, m: re.Match[str], reference: PartialDate | None) -> DateMatch | None:
    """``24日`` with no month: a news dateline's day, in the reference month (the month before
    when the day is after the reference day); not a duration (``15日内``, ``近30日``)."""
    voc = _vocab()
    start, day_end = m.start(), m.end() + 1  # the day number and its 日
    if _ends_with_any(text, start, voc.day_not_before) is not None:
        return None
    if _starts_with_any(text, day_end, voc.day_not_after) is not None:
        return None
    day = int(m.group("dd"))
    date: PartialDate | None = None
    if day >= 1 and reference is not None and reference.month is not None and reference.day is not None:
        month = reference.year * 12 + reference.month - 1 - (1 if day > reference.day else 0)
        date = _make(month // 12, month % 12 + 1, day)
    return DateMatch(date, None, start, day_end, orig[start:day_end], "relative")


def _ends_with_any(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (longest first) that ``text[:pos]`` ends with."""
    if not text.endswith(words, 0, pos):  # one test of them all: most positions end with none
        return None
    for w in words:
        if text.endswith(w, 0, pos):
            return w
    return None  # pragma: no cover - the test above found one


def _starts_with_any(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (longest first) that ``text[pos:]`` starts with."""
    if not text.startswith(words, pos):
        return None
    for w in words:
        if text.startswith(w, pos):
            return w
    return None  # pragma: no cover - the test above found one


# --------------------------------------------------------------------------- the scanner


@attrs.define
class _Part:
    """A date being read: the resolved date, where it ends, and whether it is a span."""

    date: PartialDate | None
    end_pos: int
    end: PartialDate | None = None
    suffix: str = ""  # 底/末/上半年... when one was read
    explicit_year: int | None = None


def _read_after_year(text: str, year: int, pos: int, has_nian: bool) -> _Part | None:
    """Month, day and suffixes after a year (``pos`` is just after ``年`` or the digits)."""
    voc = _vocab()
    if not has_nian:
        for half in ("上半年", "下半年"):
            if text.startswith(half, pos):
                return _Part(_make(year, voc.year_suffixes[half]), pos + len(half), suffix=half)
        return None
    if text.startswith("度", pos):
        pos += 1
    m = _MONTH_RE.match(text, pos)
    if m is not None:
        return _read_month_match(text, m, year)
    suffix = _starts_with_any(text, pos, voc.year_suffix_words)
    if suffix is not None:
        return _Part(_make(year, voc.year_suffixes[suffix]), pos + len(suffix), suffix=suffix)
    return _Part(_make(year), pos)


def _read_month_match(text: str, m: re.Match[str], year: int | None) -> _Part | None:
    voc = _vocab()
    month = _small_int(m.group("m"))
    if month is None or not 1 <= month <= 12:
        return None
    end_pos = m.end()
    if m.group("m2") is not None:
        month2 = _small_int(m.group("m2"))
        if month2 is None or not month <= month2 <= 12:
            return None
        if m.group("d") is not None:
            return None
        start = _make(year, month) if year is not None else None
        end = _make(year, month2) if year is not None else None
        if year is not None and (start is None or end is None):
            return None
        return _Part(start, end_pos, end=end, suffix="range")
    day = _small_int(m.group("d")) if m.group("d") is not None else None
    if m.group("d") is not None and (day is None or day < 1):
        return None
    if year is not None:
        date = _make(year, month, day)
        if date is None:
            return None
    else:
        date = None
        # still validate what can be validated without a year (2月30日 is never valid)
        if day is not None and _make(2000, month, day) is None:
            return None
    suffix = ""
    if day is None:
        s = _starts_with_any(text, end_pos, voc.month_suffixes)
        if s is not None and s != "份":
            suffix = s
            end_pos += len(s)
    return _Part(date, end_pos, suffix=suffix)


def _read_explicit(text: str, year: int, start: int, digits_end: int) -> _Part | None:
    """A date that starts with an explicit year at ``start``."""
    voc = _vocab()
    has_nian = text.startswith("年", digits_end)
    pos = digits_end + 1 if has_nian else digits_end
    if not has_nian:
        iso = _ISO_RE.match(text, digits_end)
        if iso is not None and (iso.group("sep") != "." or iso.group("d") is not None):
            month = int(iso.group("m"))
            day = int(iso.group("d")) if iso.group("d") else None
            date = _make(year, month, day)
            if date is None:
                return None
            return _Part(date, iso.end(), explicit_year=year)
    part = _read_after_year(text, year, pos, has_nian)
    if part is None:
        # 2020—2035年: a bare year is a date only as the start of a span
        join = _starts_with_any(text, digits_end, voc.joins)
        if join is None:
            return None
        second = _read_second(text, digits_end + len(join))
        if second is None or second.date is None:
            return None
        first = _make(year)
        if first is None or not first <= second.date:
            return None
        return _Part(first, second.end_pos, end=second.date, suffix="span", explicit_year=year)
    if part.date is None:
        return None
    part.explicit_year = year
    # 2020年至2035年, 2022下半年-2023年: a span
    join = _starts_with_any(text, part.end_pos, voc.joins)
    if join is not None and part.end is None:
        second = _read_second(text, part.end_pos + len(join))
        if second is not None and second.date is not None and part.date <= second.date:
            return _Part(part.date, second.end_pos, end=second.date, suffix="span", explicit_year=year)
    return part


_YEAR_AT = re.compile(r"\s?(\d{4}|[〇零一二三四五六七八九]{4})(?!\d)")


def _read_second(text: str, pos: int) -> _Part | None:
    """The end of a span: a year with 年 (``2035年``, ``2023年``, ``2023年6月``)."""
    m = _YEAR_AT.match(text, pos)
    if m is None:
        return None
    year = _year_int(m.group(1))
    if year is None:
        return None
    has_nian = text.startswith("年", m.end())
    if not has_nian:
        return None
    return _read_after_year(text, year, m.end() + 1, True)


def _relation_before(text: str, start: int, default: str) -> tuple[str, int]:
    """The relation a cue just before ``start`` gives, and where that cue starts."""
    voc = _vocab()
    cue = _ends_with_any(text, start, voc.target)
    if cue is not None:
        return "target", start - len(cue)
    cue = _ends_with_any(text, start, voc.as_of)
    if cue is not None:
        return "as_of", start - len(cue)
    cue = _ends_with_any(text, start, voc.to)
    if cue is not None:
        return "to", start - len(cue)
    cue = _ends_with_any(text, start, voc.since_before)
    if cue is not None:
        return "since", start - len(cue)
    return default, start


def _finish(
    text: str,
    orig: str,
    start: int,
    part: _Part,
    default: str,
    reference: PartialDate | None,
) -> DateMatch:
    voc = _vocab()
    relation = "span" if part.end is not None and default != "since" else default
    rel, cue_start = _relation_before(text, start, relation)
    end_pos = part.end_pos
    after = _starts_with_any(text, end_pos, voc.since_after)
    end = part.end
    if rel == "to":
        date = part.date
        if date is None:
            rel = "relative"
        elif reference is not None:
            rel = "as_of" if date.first_day() <= reference.last_day() else "target"
        else:
            rel = "as_of" if part.suffix in ("底", "末", "年底", "年末") else "target"
    if rel == "since" and after is None:
        rel, cue_start = relation, start  # 从2019年的100家: 从 alone does not make a period
    if after is not None and rel not in ("as_of", "target"):
        rel = "since"
        end_pos += len(after)
    elif after is None:
        tgt = _starts_with_any(text, end_pos, voc.target_after)
        if tgt is not None and part.end is None and part.date is not None and default == "at":
            rel = "target"
            end_pos += len(tgt)
    if rel == "since" and end is None and reference is not None and part.date is not None:
        end = _make(reference.year)
        if end is not None and end < part.date:
            end = None
    if rel == "span" and part.end is None:
        rel = default
    return DateMatch(part.date, end, cue_start, end_pos, orig[cue_start:end_pos], rel)


_CACHE_MAX_LEN = 2000  # longer texts are read afresh each time (the cache stays small)


def find_dates(text: str, reference: PartialDate | None = None) -> list[DateMatch]:
    """Every date in ``text``, left to right; relative ones resolved against ``reference``.

    Never raises; unresolvable relative dates have ``date=None``.  The answers for recent
    sentence-sized texts are remembered: extractors read the same sentence several times.
    """
    if not text:
        return []
    if len(text) <= _CACHE_MAX_LEN and (reference is None or isinstance(reference, PartialDate)):
        return list(_cached_dates(text, reference))
    return _find_dates(text, reference)


@lru_cache(maxsize=2048)
def _cached_dates(text: str, reference: PartialDate | None) -> tuple[DateMatch, ...]:
    return tuple(_find_dates(text, reference))


def _find_dates(text: str, reference: PartialDate | None) -> list[DateMatch]:
    voc = _vocab()
    folded = text.translate(_FOLD) if _FOLDED_RE.search(text) else text
    out: list[DateMatch] = []
    carry: int | None = None  # the last explicit year seen
    pos = 0
    n = len(folded)
    while pos < n:
        m = _search(voc, folded, pos)
        if m is None:
            break
        pos = m.end()
        try:
            found, year = _date_at(folded, text, m, reference, carry)
        except (ValueError, TypeError, KeyError, OverflowError):  # pragma: no cover - defensive
            found, year = None, None
        if year is not None:
            carry = year
        if found is not None:
            out.append(found)
            pos = max(pos, found.end_offset)
    return out


def _search(voc: _Vocab, text: str, pos: int) -> re.Match[str] | None:
    """``voc.master.search(text, pos)``, trying the master pattern only where a match can start."""
    if voc.master_starts is None:
        return voc.master.search(text, pos)
    find = voc.master_starts.search
    match = voc.master.match
    skip_digits = not voc.digit_cue
    while True:
        c = find(text, pos)
        if c is None:
            return None
        k = c.start()
        m = match(text, k)
        if m is not None:
            return m
        pos = k + 1
        if skip_digits:
            # no branch starts at a digit right after a digit (the numeric branches look
            # behind for one, and no cue word starts with one): skip the rest of a number
            run = _DIGIT_RUN.match(text, k)
            if run is not None:
                pos = run.end()


def _date_at(
    text: str,
    orig: str,
    m: re.Match[str],
    reference: PartialDate | None,
    carry: int | None,
) -> tuple[DateMatch | None, int | None]:
    voc = _vocab()
    start = m.start()
    kind = m.lastgroup
    if m.group("fyp") is not None:
        n = _small_int(m.group("fyp"))
        if n is None or n < 3:
            return None, None
        first = 1966 + 5 * (n - 3)
        date, end = _make(first), _make(first + 4)
        if date is None or end is None:
            return None, None
        end_pos = m.end()
        if orig[end_pos : end_pos + 1] in ("”", '"') and orig[start : start + 1] in ("“", '"'):
            end_pos += 1
        rel, cue_start = _relation_before(text, start, "span")
        if rel == "to":
            rel = "span"
        return DateMatch(date, end, cue_start, end_pos, orig[cue_start:end_pos], rel), None
    if m.group("y") is not None or m.group("ycn") is not None:
        ytext = m.group("y") or m.group("ycn")
        year = _year_int(ytext)
        if year is None or _make(year) is None:
            return None, None
        if m.group("ycn") is not None and not text.startswith("年", m.end()):
            return None, None
        part = _read_explicit(text, year, start, m.end())
        if part is None:
            return None, None
        return _finish(text, orig, start, part, "at", reference), year
    if m.group("sincen") is not None:
        raw = m.group("n1") or m.group("n2")
        n_years = _small_int(raw) if raw != "两" else 2
        if n_years is None or n_years == 0:
            return None, None
        date = _make(reference.year - n_years) if reference is not None else None
        end = _make(reference.year) if reference is not None else None
        return DateMatch(date, end, start, m.end(), orig[start : m.end()], "since"), None
    if m.group("present") is not None:
        word = m.group("present")
        date = _make(reference.year) if reference is not None else None
        relation = "as_of" if word.startswith(("截至", "到")) else "relative"
        rel, cue_start = _relation_before(text, start, relation)
        if rel not in ("as_of",):
            rel = relation
        return DateMatch(date, None, cue_start, m.end(), orig[cue_start : m.end()], rel), None
    if m.group("rely") is not None:
        offset = voc.rel_years[m.group("rely")]
        year_r: int | None
        if offset == "carry":
            year_r = carry
        elif reference is not None and isinstance(offset, int):
            year_r = reference.year + offset
        else:
            year_r = None
        mm = _MONTH_RE.match(text, m.end())
        if mm is not None:
            part = _read_month_match(text, mm, year_r)
            if part is None:
                return None, None
        else:
            part = _Part(_make(year_r) if year_r is not None else None, m.end())
            suffix = _starts_with_any(text, m.end(), voc.year_suffix_words)
            if suffix is not None:
                part = _Part(
                    _make(year_r, voc.year_suffixes[suffix]) if year_r is not None else None,
                    m.end() + len(suffix),
                    suffix=suffix,
                )
        return _finish(text, orig, start, part, "relative", reference), None
    if m.group("relm") is not None:
        delta = voc.rel_months[m.group("relm")]
        date = _add_months(reference, delta) if reference is not None else None
        part = _Part(date, m.end())
        return _finish(text, orig, start, part, "relative", reference), None
    if m.group("reld") is not None:
        # 昨日/今天: a day counted from the reference, which must have a day of its own
        date = _add_days(reference, voc.rel_days[m.group("reld")]) if reference is not None else None
        return DateMatch(date, None, start, m.end(), orig[start : m.end()], "relative"), None
    if m.group("dd") is not None:
        return _bare_day(text, orig, m, reference), None
    if m.group("bare") is not None:
        # 截至年底 with no year of its own: the year last written before it, else unresolved
        month_b = int(voc.data["bare_year_parts"][m.group("bare")])
        part = _Part(_make(carry, month_b) if carry is not None else None, m.end(), suffix=m.group("bare"))
        return _finish(text, orig, start, part, "at" if carry is not None else "relative", reference), None
    if kind == "mo" or m.group("mo") is not None:
        year_m = carry if carry is not None else (reference.year if reference is not None else None)
        mm = _MONTH_RE.match(text, start)
        if mm is None:
            return None, None
        part = _read_month_match(text, mm, year_m)
        if part is None:
            return None, None
        default = "at" if carry is not None else "relative"
        return _finish(text, orig, start, part, default, reference), None
    return None, None


def sentence_date(text: str, reference: PartialDate | None = None) -> PartialDate | None:
    """The date a statement in this sentence holds for: its first resolved date.

    For ``since`` dates (``5年来``, ``2019年以来``) that is the end of the period (the
    reference year) when known; for spans and targets it is the start / the target date.
    """
    for match in find_dates(text, reference):
        if match.relation == "since" and match.end is not None:
            return match.end
        if match.date is not None:
            return match.date
    return None
