"""Quantities in Chinese text: numbers, scales, units, qualifiers, ranges and changes.

:func:`parse_number` reads one number as written (``'三千'`` -> 3000, ``'1.5万'`` -> 15000,
``'1,234.5'`` -> 1234.5); :func:`find_quantities` finds every quantity with a unit in a text
(``超10亿元`` -> 1000000000 元, qualifier ``over``).  Values are exact :class:`~decimal.Decimal`
in base units: scales (万/亿/千...) are multiplied in and the unit keeps only its counter word.

Decisions (see also ``data/units.json`` for the vocabulary):

* A number with no unit, or followed by a word that is not a unit (``2022年``, ``4月``,
  ``1号``, ``13年``), is not a quantity.  Years, months and other durations are never units;
  processing times in days/working days are (``4.7个工作日``).
* Ordinals and ranks (``第二名``, ``第一批``), per-capita bases (``每万人``), numbers glued to
  Latin letters or code characters (``5G``, ``A1``, ``v2.0``), numbers inside short quoted
  names (``“粤港澳知识产权互认10条”``, ``《…39条…》``) and dates written with slashes are
  skipped.
* Fractions become percentages: ``1/4`` and ``四分之一`` are 25 ``%``; ``三成`` is 30 ``%``.
* A range (``3至5家``, ``3-5万元``) is one match: ``value`` is the low end, :attr:`QuantityMatch.high`
  the high end, and the text is the whole range.
* A change bound to a statistic (``同比增长119.25%``, ``增长1.54倍``, ``下降3%``) is flagged
  ``is_change`` with a direction; the cue itself is not part of the quantity's text.  A new
  value introduced by ``提高到``/``增至`` is not a change.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, NamedTuple

import attrs

from .._data import load_json
from ..models import Qualifier, Quantity

__all__ = ["QuantityMatch", "find_quantities", "parse_number"]


@attrs.frozen
class QuantityMatch:
    """A quantity found in a text, with its offsets into that text.

    ``quantity.text == text[start:end]``: the surface form including qualifier words
    (``超10亿元``, ``6700多件``) but not a change cue (``同比增长``).
    """

    quantity: Quantity
    start: int
    end: int
    is_change: bool = False
    change_direction: str | None = None
    high: Decimal | None = None  # upper bound of a range (``3至5家``), in base units


# --------------------------------------------------------------------------- vocabulary


@attrs.frozen
class _Vocab:
    units: dict[str, tuple[str, Decimal]]  # surface -> (base unit, factor); non-units map to None below
    unit_words: dict[str, tuple[str, Decimal] | None]
    unit_maxlen: int
    scales: dict[str, Decimal]
    qual_before: dict[str, Qualifier]
    qual_before_maxlen: int
    qual_after_number: dict[str, Qualifier]
    qual_after_unit: dict[str, Qualifier]
    qual_after_unit_maxlen: int
    change_cues: dict[str, str]
    change_cue_maxlen: int
    change_links: tuple[str, ...]
    change_non_cues: dict[str, None]
    change_non_cue_maxlen: int
    blocked_before: tuple[str, ...]
    cn_block_re: re.Pattern[str] | None
    # first (last) characters of the keys read after (before) a number: most positions hold
    # none of them, and one set test then stands for ``maxlen`` dictionary probes
    unit_firsts: frozenset[str]
    qual_after_unit_firsts: frozenset[str]
    qual_before_lasts: frozenset[str]
    change_cue_lasts: frozenset[str]
    change_non_cue_lasts: frozenset[str]
    qualifier_word_ends: frozenset[str]  # 签约, 节约: words whose last character is a qualifier


def _load_json() -> dict[str, Any]:
    data: dict[str, Any] = load_json("units.json")
    return data


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = _load_json()
    units = {k: (str(v[0]), Decimal(str(v[1]))) for k, v in data["units"].items()}
    unit_words: dict[str, tuple[str, Decimal] | None] = dict.fromkeys(data["non_units"])
    unit_words.update(units)
    cues: dict[str, str] = {}
    for direction, words in data["change_cues"].items():
        for w in words:
            cues[w] = direction
    block = sorted(data["chinese_numeral_blocklist"], key=len, reverse=True)
    qb = {k: Qualifier(v) for k, v in data["qualifiers_before"].items()}
    qau = {k: Qualifier(v) for k, v in data["qualifiers_after_unit"].items()}
    return _Vocab(
        units=units,
        unit_words=unit_words,
        unit_maxlen=max(map(len, unit_words)),
        scales={k: Decimal(v) for k, v in data["scales"].items()},
        qual_before=qb,
        qual_before_maxlen=max(map(len, qb)),
        qual_after_number={k: Qualifier(v) for k, v in data["qualifiers_after_number"].items()},
        qual_after_unit=qau,
        qual_after_unit_maxlen=max(map(len, qau)),
        change_cues=cues,
        change_cue_maxlen=max(map(len, cues)),
        change_links=tuple(sorted(data["change_links"], key=len, reverse=True)),
        change_non_cues=dict.fromkeys(data["change_non_cues"]),
        change_non_cue_maxlen=max(map(len, data["change_non_cues"])),
        blocked_before=tuple(data["blocked_before"]),
        cn_block_re=re.compile("|".join(map(re.escape, block))) if block else None,
        unit_firsts=_edge(unit_words, 0),
        qual_after_unit_firsts=_edge(qau, 0),
        qual_before_lasts=_edge(qb, -1),
        change_cue_lasts=_edge(cues, -1),
        change_non_cue_lasts=_edge(data["change_non_cues"], -1),
        qualifier_word_ends=frozenset(data.get("qualifier_word_ends", ())),
    )


def _edge(words: Iterable[str], at: int) -> frozenset[str]:
    """The first (``at=0``) or last (``at=-1``) characters of ``words``."""
    return frozenset(w[at] for w in words if w)


# --------------------------------------------------------------------------- numbers

#: Chinese digit characters and their values (shared with the date parser).
CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_CLASS = "零〇一二两三四五六七八九十百千万亿"
_SCALE_CLASS = "十百千万亿"

# Full-width digits and the full-width full stop fold to ASCII, one char for one char, so
# offsets into the folded text are offsets into the original.
_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": "."})

_ARABIC = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
_NUMBER_RE = re.compile(
    rf"(?P<fcn>(?P<fden>[{_CN_CLASS}]{{1,6}})分之(?P<fnum>[{_CN_CLASS}]{{1,6}}|\d{{1,6}}(?:\.\d{{1,6}})?))"
    r"|(?P<far>(?P<fn>\d{1,6})/(?P<fd>\d{1,6}))"
    rf"|(?P<ar>{_ARABIC})(?P<arm>[多余])?(?P<arsc>[{_SCALE_CLASS}]{{1,3}})?"
    rf"|(?P<cn>[{_CN_CLASS}]{{1,20}})"
)
# every character a _NUMBER_RE match starts with: the engine would try each branch at each
# position, this class finds the candidate positions first
_NUMBER_START_RE = re.compile(rf"[\d{_CN_CLASS}]")
_FOLDED_RE = re.compile("[\uff10-\uff19．]")  # a character _FOLD changes
_FRACTIONS = frozenset(("far", "fcn"))  # the groups of the fraction branches of _NUMBER_RE
_PARSE_AR_RE = re.compile(rf"({_ARABIC})([{_SCALE_CLASS}]*)")
_RANGE_JOIN = ("——", "－－", "至", "到", "-", "—", "－", "~", "～")  # longest first


def _clean_decimal(value: Decimal) -> Decimal:
    """Integral values without a fractional exponent; others with trailing zeros dropped."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _parse_chinese(s: str) -> Decimal | None:
    if not s:
        return None
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return Decimal(CN_DIGITS[s])
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in s))  # 二〇二二 -> 2022
    total = 0
    section = 0
    digit: int | None = None
    last_small = 10**9  # small units must decrease inside a section
    prev_unit = 0  # the unit just before a trailing digit (一万五 -> 15000)
    prev_was_digit = False
    for ch in s:
        if ch in CN_DIGITS:
            d = CN_DIGITS[ch]
            if prev_was_digit and digit not in (None, 0):
                return None  # 二三十: an estimate, not a number
            digit = d
            prev_was_digit = True
            if d == 0:
                prev_unit = 0
        elif ch in _CN_SMALL:
            u = _CN_SMALL[ch]
            if u >= last_small:
                return None
            section += (digit if digit is not None else 1) * u
            last_small = u
            digit = None
            prev_was_digit = False
            prev_unit = u
        else:
            u = _CN_BIG[ch]
            if u == 10**8:
                val = total + section + (digit or 0)
                total = (val or 1) * u
            else:
                val = section + (digit or 0)
                total += (val or 1) * u
            section = 0
            digit = None
            last_small = 10**9
            prev_was_digit = False
            prev_unit = u
    if digit:
        if prev_unit >= 10:
            section += digit * (prev_unit // 10)  # 三千五 -> 3500, 一万五 -> 15000
        else:
            section += digit
    return Decimal(total + section)


_ONE = Decimal(1)


def _scale_of(s: str) -> Decimal:
    if not s:
        return _ONE  # most numbers have no scale word
    voc = _vocab()
    factor = Decimal(1)
    for ch in s:
        factor *= voc.scales[ch]
    return factor


def parse_number(text: str) -> Decimal | None:
    """The number ``text`` spells, or ``None`` when it is not exactly one number.

    Arabic numerals with thousands separators and decimals (``'1,234.5'``), Chinese
    numerals (``'一百二十'``, ``'两'``, ``'二〇二二'``), scales alone or after Arabic digits
    (``'1.5万'``, ``'百亿'``, ``'千万'``).  Never raises.
    """
    s = text.strip().translate(_FOLD)
    if not s:
        return None
    m = _PARSE_AR_RE.fullmatch(s)
    try:
        if m:
            value = Decimal(m.group(1).replace(",", "")) * _scale_of(m.group(2))
            return _clean_decimal(value)
        if all(ch in _CN_CLASS for ch in s) and len(s) <= 40:
            cn = _parse_chinese(s)
            return None if cn is None else _clean_decimal(cn)
    except (InvalidOperation, KeyError, ValueError):
        return None
    return None


# --------------------------------------------------------------------------- finding


def _longest(text: str, pos: int, table: dict[str, Any], maxlen: int, firsts: frozenset[str]) -> str | None:
    """The longest key of ``table`` starting at ``pos`` (``firsts``: the keys' first characters)."""
    if 0 <= pos < len(text) and text[pos] not in firsts:
        return None  # most positions start no key: one set test instead of ``maxlen`` slices
    for k in range(min(maxlen, len(text) - pos), 0, -1):
        w = text[pos : pos + k]
        if w in table:
            return w
    return None


def _longest_before(
    text: str, pos: int, table: dict[str, Any], maxlen: int, lasts: frozenset[str]
) -> str | None:
    """The longest key of ``table`` ending at ``pos`` (``lasts``: the keys' last characters)."""
    if 0 < pos <= len(text) and text[pos - 1] not in lasts:
        return None
    for k in range(min(maxlen, pos), 0, -1):
        w = text[pos - k : pos]
        if w in table:
            return w
    return None


def _spans(pattern: re.Pattern[str] | None, text: str) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    if pattern is None:
        return starts, ends
    for m in pattern.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(spans: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = spans
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and starts[i] <= pos < ends[i]


# Short quoted names: a number inside is part of a name, not a statistic.
_QUOTED_RE = re.compile(
    r"“[^“”\n]{1,30}”|《[^《》\n]{1,60}》|「[^「」\n]{1,30}」|『[^『』\n]{1,30}』|\"[^\"\n]{1,30}\""
)
_CODE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_#@/\\&.")
_PUNCT = frozenset('，。；：、！？,.;:!?）)」』”"\n \t　')
_CODE_AFTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_#@/\\")


class _Num(NamedTuple):
    value: Decimal
    start: int
    end: int
    kind: str  # "ar" | "cn" | "frac"
    qualifier: Qualifier | None
    has_scale: bool


def _read_number(text: str, m: re.Match[str]) -> _Num | None:
    """The number a :data:`_NUMBER_RE` match spells, with a 多/余 after it."""
    voc = _vocab()
    end = m.end()
    qual: Qualifier | None = None
    branch = m.lastgroup  # the outer group of the branch that matched closes last
    try:
        if branch == "fcn":
            den = _parse_chinese(m.group("fden"))
            raw = m.group("fnum")
            num = _parse_chinese(raw) if raw[0] in _CN_CLASS else Decimal(raw)
            if not den or num is None:
                return None
            return _Num(num * 100 / den, m.start(), end, "frac", None, False)
        if branch == "far":
            after = text[end : end + 1]
            before = text[m.start() - 1 : m.start()]
            if after in ("/", "-") or (after.isdigit()) or before in ("/", "-", "."):
                return None
            den_i = int(m.group("fd"))
            num_i = int(m.group("fn"))
            if den_i == 0 or num_i > den_i:
                return None
            return _Num(Decimal(num_i) * 100 / Decimal(den_i), m.start(), end, "frac", None, False)
        if branch != "cn":  # "ar", or its "arm"/"arsc" closing after it
            value = Decimal(m.group("ar").replace(",", ""))
            if m.group("arm"):
                qual = voc.qual_after_number[m.group("arm")]
            scale = m.group("arsc") or ""
            value *= _scale_of(scale)
            kind = "ar"
            has_scale = bool(scale)
        else:
            cn = m.group("cn")
            if len(cn) == 1 and cn in "百千万亿":
                return None  # a bare scale character is a word (万人空巷), not a number
            parsed = _parse_chinese(cn)
            if parsed is None:
                return None
            value = parsed
            kind = "cn"
            has_scale = any(ch in _SCALE_CLASS for ch in cn)
    except (InvalidOperation, KeyError, ValueError, ZeroDivisionError):
        return None
    # 1万多件, 三千余名: 多/余 after the scale
    if qual is None and end < len(text) and text[end] in voc.qual_after_number:
        qual = voc.qual_after_number[text[end]]
        end += 1
    return _Num(value, m.start(), end, kind, qual, has_scale)


def _unit_at(text: str, pos: int) -> tuple[str, tuple[str, Decimal] | None] | None:
    voc = _vocab()
    w = _longest(text, pos, voc.unit_words, voc.unit_maxlen, voc.unit_firsts)
    if w is None:
        return None
    return w, voc.unit_words[w]


@lru_cache(maxsize=1)
def _followers() -> frozenset[str]:
    """Every character that may follow a number that is part of a quantity."""
    voc = _vocab()
    chars = {w[0] for w in voc.units}
    chars.update(j[0] for j in _RANGE_JOIN)
    chars.update(voc.qual_after_number)
    return frozenset(chars)


_CACHE_MAX_LEN = 2000  # longer texts are read afresh each time (the cache stays small)


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity with a unit in ``text``, left to right.  Never raises.

    Offsets are into ``text``; full-width digits are read like ASCII ones.  The answers for
    recent sentence-sized texts are remembered: extractors read the same sentence several times.
    """
    if not text or _NUMBER_START_RE.search(text) is None:
        return []  # no digit and no Chinese numeral: nothing to read (and nothing to remember)
    if len(text) <= _CACHE_MAX_LEN:
        return list(_cached_quantities(text))
    return _find_quantities(text)


@lru_cache(maxsize=2048)
def _cached_quantities(text: str) -> tuple[QuantityMatch, ...]:
    return tuple(_find_quantities(text))


def _find_quantities(text: str) -> list[QuantityMatch]:
    voc = _vocab()
    folded = text.translate(_FOLD) if _FOLDED_RE.search(text) else text
    follow = _followers()
    out: list[QuantityMatch] = []
    pos = 0
    n = len(folded)
    start_at = _NUMBER_START_RE.search
    number_at = _NUMBER_RE.match
    quoted: tuple[list[int], list[int]] | None = None  # found when first needed
    blocked: tuple[list[int], list[int]] = ([], [])
    while pos < n:
        c = start_at(folded, pos)  # where _NUMBER_RE.search(folded, pos) would match
        if c is None:
            break
        m = number_at(folded, c.start())
        if m is None:  # pragma: no cover - every start character begins a number
            pos = c.start() + 1
            continue
        pos = m.end()
        # (a fraction's outer group closes last: lastgroup names it)
        if m.lastgroup not in _FRACTIONS and folded[pos : pos + 1] not in follow:
            continue  # cheap test: nothing after the number can make it a quantity
        if quoted is None:
            quoted = _spans(_QUOTED_RE, folded)
            blocked = _spans(voc.cn_block_re, folded)
        try:
            found = _quantity_at(folded, text, m, quoted, blocked, out)
        except (InvalidOperation, ValueError, ZeroDivisionError, KeyError):  # pragma: no cover - defensive
            found = None
        if found is None:
            continue
        out.append(found)
        pos = max(pos, found.end)
    return out


def _quantity_at(
    folded: str,
    text: str,
    m: re.Match[str],
    quoted: tuple[list[int], list[int]],
    blocked: tuple[list[int], list[int]],
    previous: list[QuantityMatch],
) -> QuantityMatch | None:
    voc = _vocab()
    start = m.start()
    prev_ch = folded[start - 1] if start else ""
    if prev_ch in _CODE_CHARS or (prev_ch.isdigit()):
        return None
    if m.group("cn") is not None or m.group("fcn") is not None:
        if _inside(blocked, start):
            return None
        if prev_ch and prev_ch in _CN_CLASS:
            return None
    if folded.endswith(voc.blocked_before, 0, start):  # 第3名, 每万人: a rank or a basis
        return None
    if _inside(quoted, start):
        return None
    num = _read_number(folded, m)
    if num is None:
        return None
    end = num.end
    if end < len(folded) and folded[end] in _CODE_AFTER:
        return None
    value = num.value
    qualifier = num.qualifier
    high: Decimal | None = None
    unit: str
    if num.kind == "frac":
        unit = "%"
    else:
        found = _unit_at(folded, end)
        if found is None:
            # maybe a range: 3至5家, 3-5万元
            rng = _read_range_tail(folded, num)
            if rng is None:
                return None
            high_num, (uword, uinfo) = rng
            base, factor = uinfo
            unit = base
            low = num.value
            if not num.has_scale and high_num.has_scale and num.kind == high_num.kind == "ar":
                scale_text = _NUMBER_RE.match(folded, high_num.start)
                if scale_text is not None and scale_text.group("arsc"):
                    low *= _scale_of(scale_text.group("arsc"))
            value = low * factor
            high = high_num.value * factor
            qualifier = qualifier or high_num.qualifier
            end = high_num.end + len(uword)
        else:
            uword, maybe_unit = found
            if maybe_unit is None:
                return None
            base, factor = maybe_unit
            unit = base
            value = value * factor
            end += len(uword)
            if num.kind == "cn" and m.group("cn") == "一" and end < len(folded) and folded[end] not in _PUNCT:
                return None  # 一条贯穿…, 一场围绕…: an article, not a count
    # a second 多/余/以上/左右 after the unit
    if qualifier is None:
        q = _longest(folded, end, voc.qual_after_unit, voc.qual_after_unit_maxlen, voc.qual_after_unit_firsts)
        if q is not None and q not in ("多", "余"):
            qualifier = voc.qual_after_unit[q]
            end += len(q)
    elif folded.startswith(("以上", "左右"), end):
        end += 2
    # a qualifier before the number
    qstart = start
    qb = _longest_before(folded, start, voc.qual_before, voc.qual_before_maxlen, voc.qual_before_lasts)
    if qb is not None and folded[max(0, start - len(qb) - 1) : start] in voc.qualifier_word_ends:
        qb = None  # 签约3亿元: the 约 ends the word before the number, it qualifies nothing
    if qb is not None:
        qstart = start - len(qb)
        if qualifier is None:
            qualifier = voc.qual_before[qb]
    # a change cue before it (not 提高到/增至: those introduce a new value)
    is_change, direction = _change_before(folded, qstart, previous)
    value = _clean_decimal(value)
    if high is not None:
        high = _clean_decimal(high)
    quantity = Quantity(value=value, unit=unit, qualifier=qualifier, text=text[qstart:end])
    return QuantityMatch(quantity, qstart, end, is_change, direction, high)


def _read_range_tail(folded: str, num: _Num) -> tuple[_Num, tuple[str, tuple[str, Decimal]]] | None:
    """For ``3至5家``: the high end and its unit, when ``num`` is followed by a range."""
    pos = num.end
    join = None
    for j in _RANGE_JOIN:
        if folded.startswith(j, pos):
            join = j
            break
    if join is None:
        return None
    m2 = _NUMBER_RE.match(folded, pos + len(join))
    if m2 is None or m2.group("ar" if num.kind == "ar" else "cn") is None:
        return None
    if folded[m2.end() : m2.end() + 1] not in _followers():
        return None
    num2 = _read_number(folded, m2)
    if num2 is None or num2.value < num.value:
        return None
    found = _unit_at(folded, num2.end)
    if found is None or found[1] is None:
        return None
    return num2, (found[0], found[1])


def _change_before(folded: str, pos: int, previous: list[QuantityMatch]) -> tuple[bool, str | None]:
    voc = _vocab()
    p = pos
    if folded.endswith(voc.change_links, 0, p):
        for link in voc.change_links:
            if folded.endswith(link, 0, p):
                p -= len(link)
                break
    cue = _longest_before(folded, p, voc.change_cues, voc.change_cue_maxlen, voc.change_cue_lasts)
    if cue is not None:
        non = _longest_before(
            folded, p, voc.change_non_cues, voc.change_non_cue_maxlen, voc.change_non_cue_lasts
        )
        if non is None or len(non) <= len(cue):  # 新增300家 is a count, not a change
            return True, voc.change_cues[cue]
    # 分别增长12%和15%: a second value joined to a change is a change too
    if previous and pos >= 1 and folded[pos - 1] in "和、与及":
        last = previous[-1]
        if last.is_change and last.end == pos - 1:
            return True, last.change_direction
    return False, None
