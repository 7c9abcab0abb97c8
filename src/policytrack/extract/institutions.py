"""Extraction of :class:`~policytrack.models.Institution` records: named organisations.

A name follows the grammar ``[place prefix] body suffix [（bracketed part）]``: the suffix
(``中心``, ``局``, ``有限公司``, ``联盟``...) is found first, and the name is read leftwards
from it.  Vocabulary lives in ``data/organisations.json``.

Decisions:

* **Left boundary.**  A name never crosses punctuation, digits or an unbalanced bracket or
  quote; balanced ``（…）`` and ``“…”`` groups are part of it (``中国（广东）知识产权保护中心``,
  ``区“小个专”党委``).  It starts after the rightmost *stop word* (a verb, preposition,
  counter or scope word: ``成立``, ``引进``, ``全省首家``) that does not touch the suffix,
  then after any leading one-character stop (``与``, ``了``, ``由``).  A place name with
  only stop-like text before it is a strong start (``指导广东…协会`` -> ``广东…协会``)
  unless that text is itself a name (``招商银行深圳分行`` stays whole).
* **One name a span.**  Of the names ending at different suffixes from one start the longest
  wins (``国家知识产权局专利局专利审查协作广东中心``), except across a conjunction
  (``广州市中级法院和知识产权法院`` is two); a party group or committee named after a
  body in a job title (``…监管局党组书记``) leaves the body alone.
* **Generic names** whose body says only what a body does (``知识产权保护中心``,
  ``服务平台``) count only with a sign of a specific body: a place prefix, a quoted part,
  an establishment verb or a first claim (``成立全省首家知识产权公证处``).  Weak suffixes
  (``平台``, ``工作站``, ``窗口``...) always need such a sign.  Names counted by a
  number (``17个…培育中心``, ``…信息服务中心4家``), names introducing an apposition
  (``首个知识产权保险中心——…``) and names in 《》 titles are not bodies.
* **Coordination.**  A bare suffix or generic name after a conjunction takes the place
  prefix of the name before it (``广州市公安、检察院`` -> ``广州市检察院``); a place list
  before one name shares its tail (``广州、香港海关`` -> ``广州海关``, ``香港海关``).
* **Aliases.**  ``（简称“X”）``/``（以下简称X）`` and Latin abbreviations ``（WIPO）``
  become aliases; a trailing bracketed alternative name (``市场监管局（知识产权局）``) is
  part of the name.  Mentions that name the same body (same place, same expanded body,
  or the tail of an earlier name, or a renaming with ``升级为``) make one record; a later
  mention of a short form is read whole (``发挥审协广东中心作用``).
* **Region.**  International bodies have none; central bodies sit in ``中国``; otherwise the
  most specific place in the name (not a supra-region), or the document's level for a
  bare ``省``/``市``/``区`` prefix, else the sentence's region.  Companies, service points,
  research bodies and others whose name place contains the sentence's more specific
  region sit in that region (a company named ``（广州）`` in a 黄埔区 article); weak
  service points sit in the sentence's region unless their name place lies inside it.
  Banks and brokers named without a place (``中信证券``) sit in none; their branches
  (``…支行``) where the sentence is.  Regions of 粤港澳/华南-style areas are never used.
* **Established**: the sentence date, only when an establishment verb (``成立``,
  ``挂牌``...) governs the name.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

from ..models import Document, Evidence, Institution, InstitutionKind, PartialDate, RegionLevel
from .dates import sentence_date
from .regions import Gazetteer, record_region
from .sentences import Sentence, split_sentences

__all__ = ["extract"]

_MAX_NAME = 40  # characters a name may take before its suffix
_MAX_GROUP = 16  # characters inside one bracketed or quoted group of a name
_MAX_SHORT_FORMS = 200  # short forms remembered a document
_REGION_WINDOW = 300  # characters before a name searched for the subject region
_DATE_WINDOW = 80  # characters either side of a name searched for its establishment date
_OPENERS = {"）": "（", "”": "“", "」": "「", "』": "『", "’": "‘"}
_DIGITS = "0123456789０１２３４５６７８９"
_CN_NUM = "一二两三四五六七八九十百千万几多数"
_DATE_UNITS = "年月日号底初末季度前后间"
_CONJ = "和与及或"
_LEVEL_RANK = {
    RegionLevel.COUNTRY: 0,
    RegionLevel.PROVINCE: 1,
    RegionLevel.CITY: 2,
    RegionLevel.DISTRICT: 3,
    RegionLevel.ZONE: 4,
}
_HYBRID_KINDS = {InstitutionKind.COMPANY, InstitutionKind.SERVICE, InstitutionKind.RESEARCH,
                 InstitutionKind.OTHER}


# --------------------------------------------------------------------------- vocabulary


@attrs.frozen
class _Suffix:
    text: str
    kind: InstitutionKind
    weak: bool = False
    min_body: int = 2
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    needs_place: bool = False


@attrs.frozen
class _BodyWord:
    word: str
    kind: InstitutionKind
    not_before: tuple[str, ...] = ()


@attrs.frozen
class _Vocab:
    suffixes: dict[str, _Suffix]
    suffix_lengths: tuple[int, ...]
    overridable: frozenset[str]
    body_words: tuple[_BodyWord, ...]
    national: frozenset[str]
    international: frozenset[str]
    known_re: re.Pattern[str]
    intl_prefixes: tuple[str, ...]
    area_prefixes: tuple[str, ...]
    branch_suffixes: frozenset[str]
    national_prefixes: tuple[str, ...]
    scope_prefixes: dict[str, str]
    abbreviations: dict[str, str]
    stop_re: re.Pattern[str]
    stop_exceptions: tuple[str, ...]
    single_stops: frozenset[str]
    protected_starts: frozenset[str]
    generic_re: re.Pattern[str]
    demonstratives: tuple[str, ...]
    establishment: tuple[str, ...]
    counters: str
    abbreviation_cues: tuple[str, ...]
    expansions: tuple[tuple[str, str], ...]
    apposition: tuple[str, ...]
    title_units: tuple[str, ...]
    rename_verbs: tuple[str, ...]
    first_words: tuple[str, ...]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _load() -> dict[str, Any]:
    raw = resources.files("policytrack.data").joinpath("organisations.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = _load()
    suffixes: dict[str, _Suffix] = {}
    for item in data["suffixes"]["items"]:
        suffixes[item["suffix"]] = _Suffix(
            text=item["suffix"],
            kind=InstitutionKind(item["kind"]),
            weak=bool(item.get("weak", False)),
            min_body=int(item.get("min_body", 2)),
            not_before=tuple(item.get("not_before", ())),
            not_after=tuple(item.get("not_after", ())),
            needs_place=bool(item.get("needs_place", False)),
        )
    body = data["kind_body_words"]
    national = frozenset(data["national_bodies"]["items"])
    international = frozenset(data["international_bodies"]["items"])
    stops = data["left_stops"]
    return _Vocab(
        suffixes=suffixes,
        suffix_lengths=tuple(sorted({len(s) for s in suffixes}, reverse=True)),
        overridable=frozenset(body["overridable_suffixes"]),
        body_words=tuple(
            _BodyWord(i["word"], InstitutionKind(i["kind"]), tuple(i.get("not_before", ())))
            for i in body["items"]
        ),
        national=national,
        international=international,
        known_re=re.compile(_alternation(national | international)),
        intl_prefixes=tuple(data["international_prefixes"]["items"]),
        area_prefixes=tuple(sorted(data["area_prefixes"]["items"], key=len, reverse=True)),
        branch_suffixes=frozenset(data["branch_suffixes"]["items"]),
        national_prefixes=tuple(data["national_prefixes"]["items"]),
        scope_prefixes=dict(data["scope_prefixes"]["items"]),
        abbreviations=dict(data["province_abbreviations"]["items"]),
        stop_re=re.compile(_alternation(stops["words"])),
        stop_exceptions=tuple(data["stop_exceptions"]["items"]),
        single_stops=frozenset(stops["single_chars"]),
        protected_starts=frozenset(data["protected_starts"]["words"]),
        generic_re=re.compile(f"(?:{_alternation(data['generic_body_words']['words'])})+"),
        demonstratives=tuple(data["demonstratives"]["words"]),
        establishment=tuple(data["establishment_verbs"]["words"]),
        counters=data["plural_markers"]["counters"],
        abbreviation_cues=tuple(sorted(data["abbreviation_cues"]["words"], key=len, reverse=True)),
        expansions=tuple(data["name_expansions"]["items"].items()),
        apposition=tuple(data["apposition_marks"]["items"]),
        title_units=tuple(data["title_units"]["items"]),
        rename_verbs=tuple(data["rename_verbs"]["items"]),
        first_words=tuple(data["first_words"]["items"]),
    )


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


# --------------------------------------------------------------------------- characters


def _is_name_char(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or ch == "·"
            or ("a" <= ch <= "z") or ("A" <= ch <= "Z"))


_FOLD = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "(": "（", ")": "）", "（": "（", "）": "）"}
)
_UNQUOTE = str.maketrans(dict.fromkeys("“”‘’\"'「」『』《》 \t\r\n\u3000\xa0"))


def _fold(text: str) -> str:
    """Brackets to full width, other full-width ASCII to half width."""
    return text.translate(_FOLD)


def _bare(text: str) -> str:
    """A name without quotes and white space, brackets full-width (for comparing names)."""
    return text.translate(_FOLD).translate(_UNQUOTE)


@lru_cache(maxsize=4096)
def _find_places(text: str) -> tuple[tuple[int, int, str, RegionLevel], ...]:
    return tuple((m.start, m.end, m.name, RegionLevel(m.level)) for m in _gazetteer().find(text))


# --------------------------------------------------------------------------- candidates


@attrs.define
class _Cand:
    start: int
    end: int  # end of the name in the text (after a bracketed part that belongs to it)
    suffix_end: int  # end of the suffix itself
    suffix: str
    kind: InstitutionKind
    weak: bool
    sentence: Sentence
    needs_place: bool = False
    verb: str | None = None  # the stop word that cut the name on the left
    lead: str = ""  # the words cut off before the name (成立全省首家), up to punctuation
    verb_end: int = 0
    first: bool = False  # a first claim or 唯一 right before the name
    plural: bool = False
    known: bool = False
    name: str = ""
    aliases: list[str] = attrs.field(factory=list)
    place_len: int = 0  # characters of the place prefix at the start of the name
    area: bool = False  # the prefix is an area (粤港澳, 华南), not a region
    anchor: int = -1  # where the coordinated list holding the name starts
    rejected: bool = False
    distributed: bool = False


def _prepare(text: str) -> str:
    """Blank out 《…》 book titles (documents, not bodies) and make brackets full-width,
    keeping every offset."""
    text = text.replace("(", "（").replace(")", "）")
    return re.sub(r"《[^《》\n]{0,80}》", lambda m: "\u3000" * len(m.group(0)), text)


def _hard_start(text: str, pos: int, limit: int) -> int:
    """Where a name ending at ``pos`` can start at the earliest: name characters and
    balanced bracket/quote groups, back to ``limit``."""
    i = pos
    while i > limit:
        ch = text[i - 1]
        if _is_name_char(ch):
            i -= 1
            continue
        opener = _OPENERS.get(ch)
        if opener is None:
            break
        j = text.rfind(opener, max(limit, i - 2 - _MAX_GROUP), i - 1)
        if j < 0:
            break
        inner = text[j + 1 : i - 1]
        if not inner or not all(_is_name_char(c) or c in _DIGITS for c in inner):
            break
        i = j
    return i


def _place_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str, RegionLevel]]:
    """Region mentions in ``text[start:end]`` as (start, end, canonical name, level), absolute."""
    return [(start + a, start + b, name, level) for a, b, name, level in _find_places(text[start:end])]


def _in_exception(text: str, a: int, b: int, voc: _Vocab) -> bool:
    """True when the stop word at ``text[a:b]`` is part of a longer name word (建设银行)."""
    for x in voc.stop_exceptions:
        i = text.find(x, max(0, a - len(x) + 1), b + len(x))
        while 0 <= i <= a:
            if i + len(x) >= b and (i < a or i + len(x) > b):
                return True
            i = text.find(x, i + 1, b + len(x))
    return False


def _ends_with_suffix(chunk: str, voc: _Vocab) -> bool:
    chunk = chunk.rstrip("）”")
    return any(chunk.endswith(s) for s in voc.suffixes) or any(chunk.endswith(k) for k in voc.national)


def _left_start(
    text: str, hs: int, suffix_start: int, cuts: list[int], voc: _Vocab,
) -> tuple[int, str | None, int, bool]:
    """The start of a name whose suffix starts at ``suffix_start`` and which can reach back to
    ``hs``; also the stop word that cut it, where that word ends, and whether a first claim
    stood right before it."""
    start, verb, verb_end, first = hs, None, hs, False
    # a name starting right after a date or count starts after its unit
    if hs > 0 and text[hs - 1] in _DIGITS:
        while start < suffix_start and (text[start] in _DATE_UNITS or text[start] in voc.counters):
            start += 1
    for c in cuts:
        if start < c <= suffix_start:
            start = c
    protected = [(a, b) for a, b, _n, _l in _place_mentions(text, start, suffix_start)]
    for m in voc.known_re.finditer(text[start:suffix_start]):
        protected.append((start + m.start(), start + m.end()))
    pos = start
    while pos < suffix_start:
        found = voc.stop_re.search(text, pos, suffix_start)
        if found is None:
            break
        a, b = found.start(), found.end()
        inside_name = (b == suffix_start and a > start) or _in_exception(text, a, b, voc)
        if inside_name or any(pa < b and a < pb for pa, pb in protected):
            pos = a + 1
            continue
        start, verb, verb_end = b, found.group(0), b
        if found.group(0) in voc.first_words:
            first = True
        pos = b
    # leading one-character stops: 了, 与, 由...
    while start < suffix_start and text[start] in voc.single_stops:
        place_next = any(pa == start + 1 for pa, _pb in protected) or text.startswith(
            voc.area_prefixes, start + 1
        )
        if text[start : start + 2] in voc.protected_starts and not place_next:
            break
        if any(pa == start for pa, _pb in protected):
            break
        start += 1
    # a place (or central body) with only stop-like text before it starts the name
    places = sorted(p for p in protected if start < p[0] < suffix_start)
    for pa, _pb in places:
        chunk = text[start:pa]
        if chunk.endswith(("（", "“")):
            continue
        if any(qa < pa for qa, _qb in protected if qa >= start):
            break  # a place earlier in the chunk: the chunk is part of the name
        if _ends_with_suffix(chunk, voc):
            break
        if voc.national_prefixes and chunk.startswith(voc.national_prefixes):
            break
        verb = verb or chunk
        start = pa
        break
    return start, verb, verb_end, first


def _bracket_after(text: str, end: int, voc: _Vocab) -> tuple[int, list[str]]:
    """A bracket right after a name: part of the name (returns the new end) or aliases."""
    if end >= len(text) or text[end] not in "（(":
        return end, []
    close = -1
    for k in range(end + 1, min(len(text), end + 2 + 24)):
        if text[k] in "）)":
            close = k
            break
        if text[k] in "（(\n。；":
            break
    if close < 0:
        return end, []
    inner = text[end + 1 : close]
    for cue in voc.abbreviation_cues:
        if inner.startswith(cue):
            short = inner[len(cue) :].strip("：:“”\"「」 ")
            short = short.split("”")[0].split("，")[0]
            return end, [short] if short else []
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9&\-. ]{0,15}", inner):
        return end, [inner]
    bare = inner
    if bare and all(_is_name_char(c) for c in bare) and _ends_with_suffix(bare, voc):
        return close + 1, []
    return end, []


def _suffix_at(text: str, end: int, voc: _Vocab) -> _Suffix | None:
    for n in voc.suffix_lengths:
        if end - n < 0:
            continue
        s = voc.suffixes.get(text[end - n : end])
        if s is None:
            continue
        if s.not_before and text.startswith(s.not_before, end):
            return None
        if s.not_after and text[: end - n].endswith(s.not_after):
            return None
        return s
    return None


def _suffix_ends(seg: str, offset: int, voc: _Vocab) -> dict[int, str | None]:
    """Every position where a suffix (value None) or a known body's name (value: it) ends."""
    ends: dict[int, str | None] = {}
    for suffix in voc.suffixes:
        i = seg.find(suffix)
        while i >= 0:
            ends.setdefault(offset + i + len(suffix), None)
            i = seg.find(suffix, i + 1)
    for m in voc.known_re.finditer(seg):
        ends[offset + m.end()] = m.group(0)
    return ends


def _candidates_in(text: str, sent: Sentence, voc: _Vocab) -> list[_Cand]:
    """Every structurally possible name in one sentence, longest per start."""
    out: list[_Cand] = []
    cuts: list[int] = []  # sorted: ends of names that a stop word follows
    for end, known in sorted(_suffix_ends(text[sent.start : sent.end], sent.start, voc).items()):
        suffix = _suffix_at(text, end, voc)
        if known is not None and (suffix is None or len(known) >= len(suffix.text)):
            intl = known in voc.international
            kind = InstitutionKind.OTHER if intl else suffix.kind if suffix else InstitutionKind.GOVERNMENT
            suffix = _Suffix(known, kind, min_body=0)
        else:
            known = None
        if suffix is None:
            continue
        suffix_start = end - len(suffix.text)
        hs = _hard_start(text, suffix_start, max(sent.start, suffix_start - _MAX_NAME))
        near = cuts[bisect.bisect_right(cuts, hs) : bisect.bisect_right(cuts, suffix_start)]
        start, verb, verb_end, first = _left_start(text, hs, suffix_start, near[-1:], voc)
        if known is not None:
            start = suffix_start  # a known body's name is whole: what stands before is not its
        new_end, aliases = _bracket_after(text, end, voc)
        cand = _Cand(start=start, end=new_end, suffix_end=end, suffix=suffix.text, kind=suffix.kind,
                     weak=suffix.weak, sentence=sent, verb=verb, verb_end=verb_end, first=first,
                     known=known is not None, aliases=aliases, needs_place=suffix.needs_place)
        cand.name = _fold(text[start:new_end])
        cand.lead = text[hs:start]
        cand.rejected = len(_bare(text[start:suffix_start])) < suffix.min_body
        out.append(cand)
        if not cand.rejected and _stop_at(text, new_end, voc):
            bisect.insort(cuts, new_end)  # 甲局与乙中心, 甲局设立乙中心: what follows is not 甲局's
    return _longest_per_start(out, text, voc)


def _stop_at(text: str, pos: int, voc: _Vocab) -> bool:
    """A stop word starts at ``pos``."""
    if pos >= len(text):
        return False
    if text[pos] in voc.single_stops and text[pos : pos + 2] not in voc.protected_starts:
        return True
    return voc.stop_re.match(text, pos) is not None


def _stop_ends_at(text: str, pos: int, floor: int, voc: _Vocab) -> bool:
    """A stop word (or a one-character stop) ends at ``pos``."""
    if pos <= floor or text[pos - 1] in voc.single_stops:
        return True
    return any(voc.stop_re.fullmatch(text, pos - k, pos) for k in range(2, 6) if pos - k >= floor)


def _longest_per_start(cands: list[_Cand], text: str, voc: _Vocab) -> list[_Cand]:
    by_start: dict[int, list[_Cand]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    out: list[_Cand] = []
    for group in by_start.values():
        group.sort(key=lambda c: c.end)
        best = group[-1]
        # a party group named in a job title (…监管局党组书记): the body is the one before it
        if best.suffix in voc.title_units and len(group) > 1 and not group[-2].rejected:
            best = group[-2]
        out.append(best)
    out.sort(key=lambda c: (c.start, -c.end))
    # names inside a longer name are part of it
    kept: list[_Cand] = []
    reach = -1  # the furthest end of a name kept so far (they are sorted by start)
    for c in out:
        if c.end <= reach:
            continue
        kept.append(c)
        reach = c.end
    return kept


# --------------------------------------------------------------------------- judging


def _body(c: _Cand, text: str) -> str:
    return _bare(text[c.start + c.place_len : c.suffix_end - len(c.suffix)])


def _is_generic(body: str, voc: _Vocab) -> bool:
    return not body or voc.generic_re.fullmatch(body) is not None


def _place_prefix_len(c: _Cand, text: str, voc: _Vocab) -> int:
    """Characters of place prefix at the start of the name (places, 国家/中国, 省/市/区)."""
    pos = c.start
    limit = c.suffix_end - len(c.suffix)
    mentions = {a: b for a, b, _n, _l in _place_mentions(text, c.start, limit)}
    while pos < limit:
        if pos in mentions:
            pos = mentions[pos]
            continue
        if text[pos] == "（":
            close = text.find("）", pos, limit)
            if close > 0 and (pos + 1) in mentions and mentions[pos + 1] == close:
                pos = close + 1
                continue
        break
    if pos == c.start:
        for p in voc.area_prefixes:
            if text.startswith(p, pos) and pos + len(p) <= limit:
                c.area = True
                return len(p)
        for p in voc.national_prefixes:
            if text.startswith(p, pos) and pos + len(p) <= limit:
                return len(p)
        ch = text[pos] if pos < limit else ""
        if ch in voc.scope_prefixes and not text.startswith("级", pos + 1):
            return 1
    return pos - c.start


def _counted(text: str, c: _Cand, voc: _Vocab) -> bool:
    """A number with a counter right before or after the name: a category, not a body."""
    before = text[max(0, c.start - 6) : c.start]
    if re.search(rf"(?:[{_DIGITS}]+|[{_CN_NUM}]*[两三四五六七八九十百千几多数]+)[{voc.counters}]$", before):
        return True
    after = text[c.end : c.end + 24]
    return re.match(rf"(?:（[^（）]{{0,16}}）)?[{_DIGITS}]+(?:多)?[{voc.counters}]", after) is not None


def _plural_context(text: str, c: _Cand) -> bool:
    """``在33家重点企业设立…``: the clause spreads the body over several places."""
    floor = max(c.sentence.start, c.start - _MAX_NAME)
    clause_start = max(text.rfind(p, floor, c.start) for p in "，,；;：")
    clause = text[max(clause_start, floor) : c.start]
    return re.search(rf"[{_DIGITS}]+(?:多)?[家个所]", clause) is not None


def _judge(c: _Cand, text: str, voc: _Vocab) -> bool:
    if c.rejected:
        return False
    name = c.name
    if name.startswith(voc.demonstratives):
        return False
    if c.known:
        return True
    if c.needs_place and c.place_len == 0:
        return False
    if any(text.startswith(a, c.end) or text.startswith("”" + a, c.end) for a in voc.apposition):
        return False
    if _counted(text, c, voc):
        return False
    body = _body(c, text)
    if body.startswith(voc.demonstratives) and c.place_len > 0:
        return False  # 广州市某科技公司
    has_place = c.place_len > 0
    quoted_part = any(q in name for q in "“「")
    whole_quoted = c.start > 0 and text[c.start - 1] in "“「" and text.startswith(("”", "」"), c.end)
    established = _governed(c, voc)
    sign = has_place or quoted_part or bool(c.aliases) or c.first or established or whole_quoted
    if c.weak:
        raw = text[c.start + c.place_len : c.suffix_end - len(c.suffix)]
        outside = re.sub(r"[“「][^”」]*[”」]", "", raw)
        if not outside or not (has_place or quoted_part or c.aliases or established):
            return False
    elif _is_generic(body, voc) and c.kind is not InstitutionKind.ALLIANCE and not sign:
        return False
    return not ((c.weak or _is_generic(body, voc)) and established and _plural_context(text, c))


def _kind(c: _Cand, text: str, voc: _Vocab) -> InstitutionKind:
    if c.suffix in voc.overridable or c.known:
        body = _bare(text[c.start : c.suffix_end - len(c.suffix)])
        for w in voc.body_words:
            i = body.find(w.word)
            if i >= 0 and not body.startswith(w.not_before, i + len(w.word)):
                return w.kind
    return c.kind


# --------------------------------------------------------------------------- coordination


def _distribute(cands: list[_Cand], text: str, voc: _Vocab) -> list[_Cand]:
    """Share place prefixes and suffixes over coordinated names."""
    out: list[_Cand] = []
    prev: _Cand | None = None
    for c in cands:
        if prev is not None and text[prev.end : c.start] in ("、", *_CONJ):
            # 设立A、B和C: the verb and first claim before A govern B and C too
            c.verb = c.verb or prev.verb
            c.lead = c.lead or prev.lead
            c.first = c.first or prev.first
        if prev is not None and not c.known and c.place_len == 0 and prev.place_len > 0:
            gap = text[prev.end : c.start]
            body = _body(c, text)
            jurisdiction = {InstitutionKind.GOVERNMENT, InstitutionKind.COURT}
            same_kind = c.kind in jurisdiction and prev.kind in jurisdiction
            if gap in ("、", *_CONJ) and not prev.area and (
                not body or (same_kind and _is_generic(body, voc))
            ):
                prefix = text[prev.start : prev.start + prev.place_len]
                c.aliases.append(c.name)
                c.name = _fold(prefix) + c.name
                c.rejected = False
                c.distributed = True
                c.place_len = len(prefix)
        out.append(c)
        if c.place_len > 0 and not c.distributed:
            out.extend(_shared_tail(c, text, voc))
        prev = c
    return out


def _shared_tail(c: _Cand, text: str, voc: _Vocab) -> list[_Cand]:
    """``广州、香港海关``: bare places listed before a place-prefixed name share its tail."""
    out: list[_Cand] = []
    tail = c.name[c.place_len :]
    pos = c.start
    while pos >= 2 and text[pos - 1] == "、":
        mentions = _place_mentions(text, max(c.sentence.start, pos - 12), pos - 1)
        last = [m for m in mentions if m[1] == pos - 1]
        if not last:
            break
        a = last[0][0]
        if _is_name_char(text[a - 1]) and not _stop_ends_at(text, a, c.sentence.start, voc):
            break
        twin = attrs.evolve(c, start=a, end=pos - 1, aliases=[], distributed=True)
        twin.name = _fold(text[a : pos - 1]) + tail
        twin.place_len = pos - 1 - a
        out.append(twin)
        pos = a
    return out


# --------------------------------------------------------------------------- regions


def _region(c: _Cand, kind: InstitutionKind, doc: Document, voc: _Vocab) -> str | None:
    name = _bare(c.name)
    if name in voc.international or name.startswith(voc.intl_prefixes):
        return None
    if name in voc.national:
        return "中国"
    gaz = _gazetteer()
    anchor = c.anchor if c.anchor >= 0 else c.start
    # the subject of a clause stands close before it: a window keeps long sentences linear
    window = max(c.sentence.start, anchor - _REGION_WINDOW)
    rec = record_region(doc.text, window, c.sentence.end, anchor, doc.region)
    place: str | None = None
    rank = -1
    for _a, _b, found, level in _find_places(name):
        r = _LEVEL_RANK.get(level)
        if r is None or level is RegionLevel.COUNTRY:
            continue
        if r >= rank:
            place, rank = found, r
    if place is None and c.place_len == 1 and name[0] in voc.scope_prefixes:
        place = _at_level(doc.region, voc.scope_prefixes[name[0]])
    if place is None and kind in (InstitutionKind.FINANCIAL, InstitutionKind.COMPANY):
        place = voc.abbreviations.get(name[0])
    if place is None:
        national = name.startswith(voc.national_prefixes) or any(name.startswith(k) for k in voc.national)
        if national and not c.weak and kind not in _HYBRID_KINDS | {InstitutionKind.FINANCIAL}:
            return "中国"
        if c.kind is InstitutionKind.FINANCIAL and c.suffix not in voc.branch_suffixes:
            return None  # a bank or broker named without a place serves the whole country
        return rec
    if rec is None or rec == place:
        return place
    if c.weak:
        return place if gaz.is_within(place, rec) else rec
    if kind in _HYBRID_KINDS and gaz.is_within(rec, place):
        return rec
    return place


def _at_level(region: str | None, level: str) -> str | None:
    if region is None:
        return None
    gaz = _gazetteer()
    target = RegionLevel(level)
    chain = [r for r in (gaz.get(region), *gaz.ancestors(region)) if r is not None]
    for r in chain:
        if r.level is target or (target is RegionLevel.DISTRICT and r.level is RegionLevel.ZONE):
            return r.name
    return region if target is RegionLevel.DISTRICT else None


# --------------------------------------------------------------------------- merging


def _key(name: str, voc: _Vocab) -> str:
    """Two names with one key name one body: places canonical, short forms expanded."""
    s = _bare(name)
    s = re.sub(r"（[^（）]*）$", "", s)
    out = []
    pos = 0
    for a, b, found, _level in _find_places(s):
        if a < pos:
            continue
        out.append(s[pos:a])
        out.append(found)
        pos = b
    out.append(s[pos:])
    s = "".join(out)
    for short, full in voc.expansions:
        s = s.replace(short, full)
    return s


@attrs.define
class _Record:
    cand: _Cand
    key: str
    names: list[str]
    kind: InstitutionKind
    region: str | None
    established: PartialDate | None
    seen: set[str] = attrs.field(factory=set)  # the names and aliases, bare


def _governed(c: _Cand, voc: _Vocab) -> bool:
    """An establishment verb stands before the name (成立全省首家…)."""
    return any(v in c.lead for v in voc.establishment) or (c.verb or "") in voc.establishment


def _established(c: _Cand, text: str, doc: Document, voc: _Vocab) -> PartialDate | None:
    after = text[c.end : c.end + 12]
    after = re.split(r"[，。；,;、]", after)[0]
    if not (_governed(c, voc) or any(v in after for v in voc.establishment)):
        return None
    lo = max(c.sentence.start, c.start - _DATE_WINDOW)
    return sentence_date(text[lo : min(c.sentence.end, c.end + _DATE_WINDOW)], doc.published)


def extract(doc: Document) -> list[Institution]:
    """Every Institution stated in ``doc.text``, one record a body, each with the evidence
    sentence of its first mention."""
    voc = _vocab()
    text = _prepare(doc.text)
    records: list[_Record] = []
    by_key: dict[str, _Record] = {}
    by_alias: dict[str, _Record] = {}
    by_tail: dict[str, _Record] = {}
    short_forms: list[str] = []  # short forms given in brackets (简称…), as written
    for sent in split_sentences(text):
        cands = _candidates_in(text, sent, voc)
        for c in cands:
            c.place_len = _place_prefix_len(c, text, voc)
        cands = _distribute(cands, text, voc)
        prev: _Record | None = None
        prev_end = -1
        run_start, run_end = -1, -1
        for c in cands:
            # the members of a coordinated list take their region from where the list starts
            if run_end < 0 or text[run_end : c.start] not in ("、", *_CONJ, "以及"):
                run_start = c.start
            c.anchor, run_end = run_start, c.end
            if not (c.distributed or _judge(c, text, voc)):
                continue
            longer = next((a for a in short_forms if len(a) > c.end - c.start and text.endswith(a, 0, c.end)), None)
            if longer is not None:  # 发挥审协广东中心作用: a short form given before, not 广东中心
                c.start = c.end - len(longer)
                c.name = _fold(longer)
            key = _key(c.name, voc)
            bare = _bare(c.name)
            rec = by_key.get(key) or by_alias.get(bare)
            if rec is None and prev is not None and prev_end >= 0:
                gap = text[prev_end : c.start]
                if any(gap.endswith(v) for v in voc.rename_verbs):
                    rec = prev
            if rec is None:
                specific = c.place_len > 0 or not _is_generic(_body(c, text), voc)
                rec = by_tail.get(key) if specific else None
            if rec is None:
                kind = _kind(c, text, voc)
                rec = _Record(c, key, [c.name], kind, _region(c, kind, doc, voc),
                              _established(c, text, doc, voc), {bare})
                records.append(rec)
                by_key[key] = rec
                for k in range(1, len(key) - 3):
                    by_tail.setdefault(key[k:], rec)  # 大湾区知识产权保险中心 is 中国人保粤港澳…'s
            elif rec.established is None:
                rec.established = _established(c, text, doc, voc)
            for n in (c.name, *c.aliases):
                bare_n = _bare(n)
                if bare_n not in rec.seen:
                    rec.seen.add(bare_n)
                    rec.names.append(n)
                by_alias.setdefault(bare_n, rec)
            if len(short_forms) < _MAX_SHORT_FORMS:
                short_forms.extend(a for a in c.aliases if a not in short_forms and 2 <= len(a) <= _MAX_GROUP)
            by_key.setdefault(key, rec)
            prev, prev_end = rec, c.end
    out: list[Institution] = []
    for r in records:
        s = r.cand.sentence
        out.append(Institution(
            name=r.names[0],
            kind=r.kind,
            evidence=Evidence(s.start, s.end, doc.text[s.start : s.end]),
            region=r.region,
            established=r.established,
            aliases=tuple(r.names[1:]),
        ))
    return out
