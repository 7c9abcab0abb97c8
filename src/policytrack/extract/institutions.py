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
  unless that text is itself a name (``招商银行深圳分行`` stays whole).  Particles,
  prepositions and adverbs (``的``, ``由``, ``从``, ``在``, ``已``; ``inner_stops``), a number
  with a counter (``两项``, ``五个``) and a conjunction after a level word (``试点市和``) never
  stand inside a name: it starts after the last one, even right before the suffix
  (``过去只能从银行`` names no bank; ``会议由市…办公室`` -> ``市…办公室``).  A conjunction
  between two places ends a list item (``甲市与乙证券交易所``); a category noun right before a
  place (``…园区企业江苏某有限公司``; ``apposition_nouns``) leaves the name to start at the
  place; a branch (``…分公司``, ``…支行``) right after a place keeps its parent's short name
  before the place (``某某财险嘉兴分公司``).
* **One name a span.**  Of the names ending at different suffixes from one start the longest
  wins (``国家知识产权局专利局专利审查协作广东中心``), except across a conjunction
  (``广州市中级法院和知识产权法院`` is two); a party group or committee named after a
  body in a job title (``…监管局党组书记``) leaves the body alone.
* **Short official names.**  Common abbreviations of central bodies (``国新办``, ``中科院``,
  ``党中央``) are known by name with their kinds; ``市委``/``省委常委会``-style suffixes start
  with a bare level word and are whole names in the document's city/province/district, or
  follow a place (``深圳市委``), never another word (``团市委``).  Joint leaderships written as
  one word (``市委市政府``) and bodies spread over a class (``各市党委``) are no names.
* **Counted lists.**  The items of ``甲、乙、丙3家企业`` / ``甲、乙等4家合作银行`` are bodies
  even without a suffix (short forms), of the kind the list's noun says, when the count
  fits; places and generic words are not items.
* **Generic names** whose body says only what a body does (``知识产权保护中心``,
  ``服务平台``) count only with a sign of a specific body: a place prefix, a quoted part,
  an establishment verb or a first claim (``成立全省首家知识产权公证处``).  Weak suffixes
  (``平台``, ``工作站``, ``窗口``...) always need such a sign.  Names counted by a
  number (``17个…培育中心``, ``…信息服务中心4家``), names introducing an apposition
  (``首个知识产权保险中心——…``), names followed by ``之一``, bare category alliances
  (``行业协会``) and names in 《》 titles are not bodies; nor are classes at a level
  (``地（市）级保护中心``) and names coordinated after a class (``省级甲中心和乙中心``).
  ``市场``/``区域``-style words are no ``市``/``区`` prefix outside government names.
* **Coordination.**  A bare suffix or generic name after a conjunction takes the place
  prefix of the name before it (``广州市公安、检察院`` -> ``广州市检察院``); a place list
  before one name shares its tail (``广州、香港海关`` -> ``广州海关``, ``香港海关``).
* **Aliases.**  ``（简称“X”）``/``（以下简称X）`` and Latin abbreviations ``（WIPO）``
  become aliases; a trailing bracketed alternative name (``市场监管局（知识产权局）``) is
  part of the name, and so is a bracketed place (``国家知识产权保护中心（青岛）``); several
  short forms after a list of names (``中国（甲）、中国（乙）…中心（以下简称“甲中心”、“乙中心”）``)
  go to the names in order.  Mentions that name the same body (same place, same expanded body,
  or the tail of an earlier name, or a renaming with ``升级为``) make one record; a later
  mention of a short form is read whole (``发挥审协广东中心作用``).
* **Region.**  International bodies have none; central bodies sit in ``中国``; otherwise the
  most specific place in the name (not a supra-region), or the document's level for a
  bare ``省``/``市``/``区``/``自治区`` prefix, else the sentence's region.  A body named
  ``中国（某市）…`` sits in that city even in an article about one of its districts (a
  bracketed province is read like any other place).  Companies, service points,
  research bodies and others named after a place sit where
  :func:`~policytrack.extract.regions.locate` puts them: the document's region when it lies
  inside that place (a company named ``（广州）`` in a 黄埔区 article), else the place (a
  ``合肥…集团`` in a 安徽 article stays in 合肥市 even after a district subject); weak
  service points sit in the sentence's region unless their name place lies inside it.
  Brokers and funds named without a place (``中信证券``) sit in none; banks and insurers
  named without one (``工商银行``, national short names such as ``建行``), branches
  (``…支行``) and local guarantors (``…担保``) sit where the sentence is: they lend where
  the article is (the evaluation sets' convention for a city's partner banks).  Regions of
  粤港澳/华南-style areas are never used.
* **Established**: the sentence date, only when an establishment verb (``成立``,
  ``挂牌``...) governs the name.

Speed: each sentence's region mentions are scanned once (per-name look-ups are slices of
that scan), the subject region is looked up in block-aligned windows the region finder
remembers, and patterns are compiled once, so long sentences stay linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import attrs

from .._data import load_json
from ..models import Document, Evidence, Institution, InstitutionKind, PartialDate, RegionLevel
from .analysis import Analysis, SentenceAnalysis, analyse, lexicon
from .dates import sentence_date
from .regions import Gazetteer, record_region
from .sentences import Sentence

__all__ = ["extract"]

_MAX_NAME = 40  # characters a name may take before its suffix
_MAX_GROUP = 16  # characters inside one bracketed or quoted group of a name
_MAX_SHORT_FORMS = 200  # short forms remembered a document
_REGION_WINDOW = 256  # block of a long sentence searched for a subject region (see _region_window)
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
_TITLE_RE = re.compile(r"《[^《》\n]{0,80}》")
_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9&\-. ]{0,15}")
_QUOTED_RE = re.compile(r"[“「][^”」]*[”」]")
_TRAILING_BRACKET_RE = re.compile(r"（[^（）]*）$")
_CLAUSE_END_RE = re.compile(r"[，。；,;、]")
_SESSION_RE = re.compile(r"第?[一二三四五六七八九十百0-9]+届")
# a conjunction after a level word ends a list item (试点市和…), not after 城市, 社区, 园区...
_LEVEL_CONJ_RE = re.compile(r"(?<![城都超地社园街山郊景片辖湾][市省区县])(?<=[市省区县])[和与及]")
_PLURAL_RE = re.compile(rf"[{_DIGITS}]+(?:多)?[家个所]")
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
    after_ok: tuple[str, ...] = ()  # words ending in a not_after that still end a body (财政 before 局)
    needs_place: bool = False
    scoped: bool = False  # starts with a bare level word and is a whole name (市委)
    division: bool = False  # a bureau's division (…保护处): named after its bureau, which stays a name
    kind_after: tuple[tuple[str, InstitutionKind], ...] = ()  # body ending -> kind
    max_body: int = 0  # characters the body may take at most (0: no limit): 某某担保 is a short brand


@attrs.frozen
class _BodyWord:
    word: str
    kind: InstitutionKind
    not_before: tuple[str, ...] = ()
    only_suffixes: tuple[str, ...] = ()  # decides the kind only before these suffixes


@attrs.frozen
class _Vocab:
    suffixes: dict[str, _Suffix]
    suffix_lengths: tuple[int, ...]
    suffix_last_re: re.Pattern[str]  # the last characters of the suffixes
    suffixes_by_last: dict[str, tuple[str, ...]]  # last character -> the suffixes ending with it
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
    scope_prefix_order: tuple[str, ...]  # the same words, longest first (自治区 before 区)
    national_brackets: tuple[str, ...]  # 中国（, 国家（: a bracketed place after a national prefix
    abbreviations: dict[str, str]
    stop_re: re.Pattern[str]
    stop_exceptions: tuple[str, ...]
    single_stops: frozenset[str]
    protected_starts: frozenset[str]
    generic_re: re.Pattern[str]
    demonstratives: tuple[str, ...]
    demonstrative_exceptions: tuple[str, ...]
    establishment: tuple[str, ...]
    counters: str
    abbreviation_cues: tuple[str, ...]
    expansions: tuple[tuple[str, str], ...]
    apposition: tuple[str, ...]
    title_units: tuple[str, ...]
    rename_verbs: tuple[str, ...]
    first_words: tuple[str, ...]
    specific_cues: tuple[str, ...]  # 旗下: a generic-bodied name after it is one specific body
    unrealised: tuple[str, ...]  # 探索筹建, 拟设立: the body named next does not exist yet
    counted_before_re: re.Pattern[str]
    name_ends: tuple[str, ...]  # suffixes and national bodies' names
    national_kinds: dict[str, InstitutionKind]
    inner_re: re.Pattern[str]  # characters and words that never stand inside a name (group x: exceptions)
    count_re: re.Pattern[str]  # a number and counter inside what would be a name
    joint_leadership: tuple[str, ...]
    category_marks: tuple[str, ...]
    distributives: str
    listed_re: re.Pattern[str]  # 等?N家<category> closing a counted list of names
    listed_kinds: dict[str, InstitutionKind]
    research_endings: tuple[str, ...]
    national_names: tuple[str, ...]
    counted_after_re: re.Pattern[str]
    scope_words: tuple[str, ...]  # 市场, 区域: no level prefix outside government names
    branch_units: tuple[str, ...]  # 分公司, 支行: named by parent and place
    apposition_nouns: tuple[str, ...]  # 企业 in …企业浙江某公司: the name starts at the place
    legal_forms: tuple[str, ...]  # 股份有限公司 in a bank's formal name
    bank_words: tuple[str, ...]  # 银行: what a bank's name ends with
    local_lenders: frozenset[str]  # 银行, 保险公司: named without a place, they sit where they act
    company_suffixes: tuple[str, ...]  # a company's suffixes, longest first (short names' merging)
    level_re: re.Pattern[str]  # 地（市）级…: a class of bodies at a level
    tiers: tuple[str, ...]  # 两级, 三级: places listed before them each have the body
    join_re: re.Pattern[str]  # 和, 与, 暨: a join between two names
    pair_joins: str  # 暨: joins two whole names even with no place after it
    party_prefixes: tuple[str, ...]  # 中共 before a place: part of the party body's name


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _load() -> dict[str, Any]:
    data: dict[str, Any] = load_json("organisations.json")
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
            max_body=int(item.get("max_body", 0)),
            not_before=tuple(item.get("not_before", ())),
            not_after=tuple(item.get("not_after", ())),
            after_ok=tuple(item.get("after_ok", ())),
            needs_place=bool(item.get("needs_place", False)),
            scoped=bool(item.get("scoped", False)),
            division=bool(item.get("division", False)),
            kind_after=tuple((w, InstitutionKind(k)) for k, words in item.get("kind_after", {}).items()
                             for w in words),
        )
    body = data["kind_body_words"]
    national_kinds = {k: InstitutionKind(v) for k, v in data["national_abbreviations"]["items"].items()}
    national = frozenset(data["national_bodies"]["items"]) | frozenset(national_kinds)
    inner = data["inner_stops"]
    international = frozenset(data["international_bodies"]["items"])
    stops = data["left_stops"]
    counters = re.escape(data["plural_markers"]["counters"])
    by_last: dict[str, list[str]] = {}
    for suffix_text in suffixes:
        by_last.setdefault(suffix_text[-1], []).append(suffix_text)
    return _Vocab(
        suffixes=suffixes,
        suffix_lengths=tuple(sorted({len(s) for s in suffixes}, reverse=True)),
        suffix_last_re=re.compile(f"[{re.escape(''.join(sorted(by_last)))}]"),
        suffixes_by_last={ch: tuple(words) for ch, words in by_last.items()},
        overridable=frozenset(body["overridable_suffixes"]),
        body_words=tuple(
            _BodyWord(i["word"], InstitutionKind(i["kind"]), tuple(i.get("not_before", ())),
                      tuple(i.get("only_suffixes", ())))
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
        scope_prefix_order=tuple(sorted(data["scope_prefixes"]["items"], key=len, reverse=True)),
        national_brackets=tuple(p + "（" for p in data["national_prefixes"]["items"]),
        abbreviations=dict(data["province_abbreviations"]["items"]),
        stop_re=re.compile(_alternation(stops["words"])),
        stop_exceptions=tuple(data["stop_exceptions"]["items"]),
        single_stops=frozenset(stops["single_chars"]),
        protected_starts=frozenset(data["protected_starts"]["words"]),
        generic_re=re.compile(f"(?:{_alternation(data['generic_body_words']['words'])})+"),
        demonstratives=tuple(data["demonstratives"]["words"]),
        demonstrative_exceptions=tuple(data["demonstratives"]["exceptions"]),
        establishment=tuple(data["establishment_verbs"]["words"]),
        counters=data["plural_markers"]["counters"],
        abbreviation_cues=tuple(sorted(data["abbreviation_cues"]["words"], key=len, reverse=True)),
        expansions=tuple(data["name_expansions"]["items"].items()),
        apposition=tuple(data["apposition_marks"]["items"]),
        title_units=tuple(data["title_units"]["items"]),
        rename_verbs=tuple(data["rename_verbs"]["items"]),
        first_words=tuple(data["first_words"]["items"]),
        specific_cues=tuple(data["first_words"]["specific_cues"]),
        unrealised=tuple(data["unrealised_cues"]["items"]),
        name_ends=(*suffixes, *sorted(national)),
        national_kinds=national_kinds,
        # exceptions first: scanning left to right, 自由 is read whole before its 由 could stop
        inner_re=re.compile(f"(?P<x>{_alternation(inner['exceptions'])})"
                            f"|{_alternation(inner['words'])}|[{re.escape(inner['chars'])}]"),
        count_re=re.compile(
            rf"(?:(?<!第)(?:[{_DIGITS}]+|[{_CN_NUM}]*[一二两三四五六七八九十][{_CN_NUM}]*)"
            rf"[{re.escape(data['inner_counters']['chars'])}]"
            rf"|第[{_DIGITS}{_CN_NUM}]{{1,4}}[{re.escape(data['ordinal_counters']['chars'])}])"),
        joint_leadership=tuple(data["joint_leadership"]["items"]),
        category_marks=tuple(data["category_marks"]["items"]),
        distributives=data["distributives"]["chars"],
        listed_re=re.compile(
            # the lookbehind starts a number only at its first digit: without it a long run of
            # digits with no 家 after it is retried from every position (quadratic)
            rf"(?:(等)(?:{_alternation(data['listed_categories']['quantifiers'])})?|(等)?"
            rf"(?:{_alternation(data['listed_categories']['totals'])})?"
            rf"(?<![{_DIGITS}一二两三四五六七八九十])([{_DIGITS}]+|[一二两三四五六七八九十]+)家)"
            rf"([\u4e00-\u9fff]{{0,{int(data['listed_categories']['modifier_chars'])}}}?)"
            rf"({_alternation(data['listed_categories']['items'])})"),
        listed_kinds={k: InstitutionKind(v) for k, v in data["listed_categories"]["items"].items()},
        research_endings=tuple(data["listed_categories"]["research_endings"]),
        national_names=tuple(sorted(national)),
        counted_before_re=re.compile(
            rf"(?:[{_DIGITS}]+|[{_CN_NUM}]*[两三四五六七八九十百千几多数]+)[{counters}]$"),
        counted_after_re=re.compile(rf"(?:（[^（）]{{0,16}}）)?[{_DIGITS}]+(?:多)?[{counters}]"),
        scope_words=tuple(data["scope_prefix_words"]["items"]),
        branch_units=tuple(data["branch_units"]["items"]),
        apposition_nouns=tuple(data["apposition_nouns"]["items"]),
        legal_forms=tuple(data["bank_branches"]["legal_forms"]),
        bank_words=tuple(data["bank_branches"]["bank_words"]),
        local_lenders=frozenset(data["bank_branches"]["local_lenders"]),
        company_suffixes=tuple(sorted((i["suffix"] for i in data["suffixes"]["items"] if i["kind"] == "company"),
                                      key=len, reverse=True)),
        level_re=re.compile(f"[{re.escape(data['level_categories']['chars'])}]{{1,5}}级"),
        tiers=tuple(data["tier_words"]["items"]),
        join_re=re.compile(f"[{re.escape(data['name_joins']['chars'])}]"),
        pair_joins=data["name_joins"]["pair_chars"],
        party_prefixes=tuple(data["party_prefixes"]["items"]),
    )


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.default()


# --------------------------------------------------------------------------- characters


def _is_name_char(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or ch == "·"
            or ("a" <= ch <= "z") or ("A" <= ch <= "Z"))


_NAME_CLASS = "\u4e00-\u9fff\u3400-\u4dbf·a-zA-Z"
_RUN_END = re.compile(f"(?<![{_NAME_CLASS}])[{_NAME_CLASS}]*\\Z")  # the run of name characters ending a text

_FOLD = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "(": "（", ")": "）", "（": "（", "）": "）"}
)
_UNQUOTE = str.maketrans(dict.fromkeys("“”‘’\"'「」『』《》 \t\r\n\u3000\xa0"))


def _fold(text: str) -> str:
    """Brackets to full width, other full-width ASCII to half width."""
    return text.translate(_FOLD)


_BARE = {c: chr(c).translate(_FOLD).translate(_UNQUOTE) or None for c in {*_FOLD, *_UNQUOTE}}


_BARE_RE = re.compile("[" + re.escape("".join(chr(c) for c in _BARE)) + "]")


def _bare(text: str) -> str:
    """A name without quotes and white space, brackets full-width (for comparing names)."""
    return text.translate(_BARE) if _BARE_RE.search(text) else text


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
    category: bool = False  # coordinated after a class of bodies (省级甲中心和乙中心): a class too
    distributed: bool = False
    scoped: bool = False  # the suffix starts with a bare level word (市委, 省委常委会)
    listed: bool = False  # an item of a counted list of names (甲、乙、丙3家企业)
    tier_len: int = 0  # characters of a tier word after the place prefix (甲省、乙市两级…局), not in the name
    parent: _Cand | None = None  # the bureau a division (…保护处) is named after


def _prepare(text: str) -> str:
    """Blank out 《…》 book titles (documents, not bodies) and make brackets full-width,
    keeping every offset."""
    text = text.replace("(", "（").replace(")", "）")
    return _TITLE_RE.sub(lambda m: "\u3000" * len(m.group(0)), text)


def _hard_start(text: str, pos: int, limit: int) -> int:
    """Where a name ending at ``pos`` can start at the earliest: name characters and
    balanced bracket/quote groups, back to ``limit``."""
    i = pos
    while i > limit:
        run = _RUN_END.search(text[limit:i])
        i = limit + run.start() if run is not None else i
        if i <= limit:
            break
        ch = text[i - 1]
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


@attrs.frozen
class _Places:
    """A sentence's region mentions, absolute offsets, sorted by start."""

    starts: tuple[int, ...]
    mentions: tuple[tuple[int, int, str, RegionLevel], ...]


@lru_cache(maxsize=64)
def _sentence_places(sent: Sentence) -> _Places:
    """Region mentions of a whole sentence, scanned once (a Sentence hashes its text once)."""
    found = tuple((sent.start + m.start, sent.start + m.end, m.name, RegionLevel(m.level))
                  for m in _gazetteer().find(sent.text))
    return _Places(tuple(m[0] for m in found), found)


def _place_mentions(sent: Sentence, start: int, end: int) -> list[tuple[int, int, str, RegionLevel]]:
    """Region mentions of the sentence that lie within ``[start, end)`` as (start, end, canonical
    name, level), absolute offsets."""
    places = _sentence_places(sent)
    out = []
    for k in range(bisect.bisect_left(places.starts, start), len(places.starts)):
        m = places.mentions[k]
        if m[0] >= end:
            break
        if m[1] <= end:
            out.append(m)
    return out


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
    return chunk.endswith(voc.name_ends)


def _left_start(
    text: str, sent: Sentence, hs: int, suffix_start: int, cuts: list[int], voc: _Vocab,
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
    protected = [(a, b) for a, b, _n, _l in _place_mentions(sent, start, suffix_start)]
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
        if found.group(0) in voc.first_words or found.group(0) in voc.specific_cues:
            first = True
        pos = b
    start = _inner_cut(text, start, suffix_start, protected, voc)
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
    for pa, _pb in reversed(places):
        if text.endswith(voc.apposition_nouns, start, pa):  # …科技城企业浙江某公司
            return pa, verb or text[start:pa], verb_end, first
    for pa, pb in places:
        chunk = text[start:pa]
        if chunk.endswith(("（", "“")):
            continue
        if any(qa < pa for qa, _qb in protected if qa >= start):
            break  # a place earlier in the chunk: the chunk is part of the name
        if _ends_with_suffix(chunk, voc):
            break
        if voc.national_prefixes and chunk.startswith(voc.national_prefixes):
            break
        branch = pb == suffix_start and text.startswith(voc.branch_units, suffix_start)
        if (branch and 2 <= len(chunk) <= 6 and all(_is_name_char(ch) for ch in chunk)
                and not chunk.startswith(voc.demonstratives)):
            break  # 某某产险无锡分公司: a branch is named by its parent and its place
        verb = verb or chunk
        start = pa
        break
    return start, verb, verb_end, first


def _inner_cut(text: str, start: int, suffix_start: int, protected: list[tuple[int, int]], voc: _Vocab) -> int:
    """Where a name starts after the last character that never stands inside one (的, 由,
    从, 在: ``过去只能从银行``, ``会议由市…办公室``), the last number with a counter
    (``两项商标在…``, ``五个中心``) or the last conjunction after a level word (``试点市和…``);
    none of them inside a place name or a quoted part."""
    best = start
    quoted = [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text, start, suffix_start)]

    def free(a: int, b: int) -> bool:
        return not any(pa < b and a < pb for pa, pb in (*protected, *quoted))

    for m in voc.inner_re.finditer(text, start, suffix_start):
        if m.group("x") is None and free(m.start(), m.end()):
            best = max(best, m.end())
    for m in voc.count_re.finditer(text, start, suffix_start):
        if free(m.start(), m.end()):
            best = max(best, m.end())
    for m in _LEVEL_CONJ_RE.finditer(text, start, suffix_start):
        best = max(best, m.end())
    place_starts = {a for a, _b in protected}
    for _a, b in protected:  # 南京与深圳…交易所: a conjunction between two places ends a list item
        if b < suffix_start and text[b] in _CONJ and b + 1 in place_starts:
            best = max(best, b + 1)
    # a join before a place or a bare level word starts a second name (张某与市知识产权局,
    # 某科技城和某市市场监管局); 暨 right after a whole name starts another (…平台暨…平台)
    for m in voc.join_re.finditer(text, best, suffix_start):
        after = m.end()
        if after >= suffix_start or not free(m.start(), after):
            continue
        if (after in place_starts
                or (text[after] in voc.scope_prefixes and not text.startswith(voc.scope_words, after))
                or (m.group(0) in voc.pair_joins and _ends_with_suffix(text[start:m.start()], voc))):
            best = after
    return best


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
            shorts = []  # （以下简称“甲中心”、“乙中心”）: one for each name listed before
            for part in inner[len(cue) :].split("、"):
                short = part.strip("：:“”\"「」 ").split("”")[0].split("，")[0]
                if short:
                    shorts.append(short)
            return end, shorts
    if _LATIN_RE.fullmatch(inner):
        return end, [inner]
    if inner and all(_is_name_char(c) for c in inner):
        if _ends_with_suffix(inner, voc):
            return close + 1, []  # 市场监管局（知识产权局）
        places = _find_places(inner)
        if len(places) == 1 and places[0][:2] == (0, len(inner)):
            return close + 1, []  # 国家…保护中心（青岛）: the place is part of the name
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
        if s.not_after and text.endswith(s.not_after, 0, end - n) and not (
            s.after_ok and text.endswith(s.after_ok, 0, end - n)
        ):
            return None
        return s
    return None


def _suffix_ends(seg: str, offset: int, voc: _Vocab) -> dict[int, str | None]:
    """Every position where a suffix (value None) or a known body's name (value: it) ends."""
    ends: dict[int, str | None] = {}
    by_last = voc.suffixes_by_last
    for m in voc.suffix_last_re.finditer(seg):  # only where a suffix's last character stands
        end = m.end()
        if seg.endswith(by_last[m.group()], 0, end):
            ends[offset + end] = None
    for m in voc.known_re.finditer(seg):
        ends[offset + m.end()] = m.group(0)
    return ends


def _candidates_in(text: str, sent: Sentence, voc: _Vocab, sa: SentenceAnalysis | None = None) -> list[_Cand]:
    """Every structurally possible name in one sentence, longest per start (``sa``: the
    sentence's words, whose verbs, prepositions and conjunctions after a name cut it too)."""
    out: list[_Cand] = []
    cuts: list[int] = []  # sorted: ends of names that a stop word follows
    ends = _suffix_ends(sent.text, sent.start, voc)
    if not ends:
        return out
    for end, known in sorted(ends.items()):
        suffix = _suffix_at(text, end, voc)
        if known is not None and (suffix is None or len(known) >= len(suffix.text)):
            intl = known in voc.international
            kind = InstitutionKind.OTHER if intl else suffix.kind if suffix else InstitutionKind.GOVERNMENT
            suffix = _Suffix(known, voc.national_kinds.get(known, kind), min_body=0)
        else:
            known = None
        if suffix is None:
            continue
        suffix_start = end - len(suffix.text)
        hs = _hard_start(text, suffix_start, max(sent.start, suffix_start - _MAX_NAME))
        near = cuts[bisect.bisect_right(cuts, hs) : bisect.bisect_right(cuts, suffix_start)]
        start, verb, verb_end, first = _left_start(text, sent, hs, suffix_start, near[-1:], voc)
        if suffix.scoped:  # 落实江苏省委: a place whose level word starts the suffix starts the name
            for a, b, _n, _l in _place_mentions(sent, start, suffix_start + 1):
                if b == suffix_start + 1 and a > start:
                    start = a
        party = next((p for p in voc.party_prefixes if text.endswith(p, hs, start)), None)
        if party is not None and known is None:  # 中共某市某区委: the party prefix is part of the name
            start -= len(party)
            verb = verb if verb != party else None
        if known is not None:
            start = suffix_start  # a known body's name is whole: what stands before is not its
            country = next((q for q in _country_words() if text.endswith(q, hs, start)
                            and known.startswith(voc.national_prefixes) and not known.startswith(q)), None)
            if country is not None:
                start -= len(country)  # 中国国家知识产权局: the country's name written before 国家… is part of it
        new_end, aliases = _bracket_after(text, end, voc)
        if suffix.division:  # 某市某局知识产权保护处: the division is named, the bureau stays a name too
            parent = next((p for p in reversed(out) if not p.rejected and start <= p.start < p.end < suffix_start
                           and p.kind is InstitutionKind.GOVERNMENT), None)
            if parent is None:
                continue  # 管理处 alone is too common a word to name a body
            aliases = [*aliases, _fold(text[start:new_end])]
            start = parent.end
        else:
            parent = None
        cand = _Cand(start=start, end=new_end, suffix_end=end, suffix=suffix.text, kind=suffix.kind,
                     weak=suffix.weak, sentence=sent, verb=verb, verb_end=verb_end, first=first,
                     known=known is not None, aliases=aliases, needs_place=suffix.needs_place,
                     scoped=suffix.scoped, parent=parent)
        cand.name = _fold(text[start:new_end])
        cand.lead = text[hs:start]
        cand.rejected = len(_bare(text[start:suffix_start])) < suffix.min_body or (
            start > sent.start and text[start - 1] in voc.distributives)  # 各市党委: a class of bodies
        out.append(cand)
        if not cand.rejected and (_stop_at(text, new_end, voc) or (sa is not None and _word_cut_at(sa, new_end))
                                  or (cand.kind is InstitutionKind.COMPANY and _place_after_word(sent, text, new_end))):
            bisect.insort(cuts, new_end)  # 甲局与乙中心, 甲局设立乙中心: what follows is not 甲局's
    return _longest_per_start(out, text, voc)


@lru_cache(maxsize=1)
def _country_words() -> tuple[str, ...]:
    return tuple(_load()["national_bodies"]["country_words"])


def _stop_at(text: str, pos: int, voc: _Vocab) -> bool:
    """A stop word starts at ``pos``."""
    if pos >= len(text):
        return False
    if text[pos] in voc.single_stops and text[pos : pos + 2] not in voc.protected_starts:
        return True
    return voc.stop_re.match(text, pos) is not None


def _place_after_word(sent: Sentence, text: str, pos: int) -> bool:
    """A verb-sized word (two characters) and then a place follow a company's name at ``pos``
    (某事务所联系大连某公司): the company is the subject, what follows is another name."""
    return (pos + 2 < sent.end and all(_is_name_char(ch) for ch in text[pos : pos + 2])
            and any(m[0] == pos + 2 for m in _place_mentions(sent, pos + 2, pos + 12)))


def _word_cut_at(sa: SentenceAnalysis, pos: int) -> bool:
    """A conjunction of the analysis starts at ``pos``, or a verb whose object is an
    organisation's name (甲局联动建设银行): what follows the name before ``pos`` is not its."""
    rules = _word_rules()
    w = sa.word_at(pos)
    if w is None or w.start != pos:
        return False
    if w.tag in rules.cut_tags:
        return True
    nxt = sa.word_at(w.end) if w.tag in rules.verb_tags else None
    return nxt is not None and nxt.start == w.end and nxt.tag in rules.object_tags


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


# --------------------------------------------------------------------------- word boundaries


@attrs.frozen
class _WordRules:
    non_starters: frozenset[str]  # words that cannot start a name (lexicon: 尽管, 据, 通过...)
    non_starter_tags: frozenset[str]
    verb_tags: frozenset[str]
    verb_kinds: frozenset[InstitutionKind]
    inner_kinds: frozenset[InstitutionKind]
    name_tags: frozenset[str]
    inner_tags: frozenset[str]
    join_tags: frozenset[str]
    cut_tags: frozenset[str]
    object_tags: frozenset[str]
    item_cut_tags: frozenset[str]
    list_words: frozenset[str]
    reference_tags: frozenset[str]


@lru_cache(maxsize=1)
def _word_rules() -> _WordRules:
    data = _load()["word_rules"]
    lex = lexicon()
    return _WordRules(
        non_starters=frozenset(lex["name_non_starters"]),
        non_starter_tags=frozenset(lex["non_starter_tags"]),
        verb_tags=frozenset(data["verb_tags"]),
        verb_kinds=frozenset(InstitutionKind(k) for k in data["verb_kinds"]),
        inner_kinds=frozenset(InstitutionKind(k) for k in data["inner_kinds"]),
        name_tags=frozenset(data["name_tags"]),
        inner_tags=frozenset(data["inner_tags"]),
        join_tags=frozenset(data["join_tags"]),
        cut_tags=frozenset(data["cut_tags"]),
        object_tags=frozenset(data["object_tags"]),
        item_cut_tags=frozenset(data["item_cut_tags"]),
        list_words=frozenset(data["list_words"]),
        reference_tags=frozenset(data["reference_tags"]),
    )


def _restart(c: _Cand, start: int, text: str, voc: _Vocab) -> None:
    c.start = start
    c.name = _fold(text[start : c.end])
    c.place_len = _place_prefix_len(c, text, voc)
    c.tier_len = 0
    _drop_tier(c, text, voc)


def _by_words(c: _Cand, sa: SentenceAnalysis, text: str, voc: _Vocab) -> None:
    """Word boundaries of the shared analysis that the character grammar cannot see.

    * A conjunction right after a whole name starts a second name (``银行及某融资担保有限公司``);
      ``等`` closes a list, never stands in a name; a demonstrative pronoun inside a name
      starts a reference back (``行为该公司`` -> ``该公司``, judged as one).
    * A preposition inside a bank's or company's name ends the text before it
      (``某系统为银行``, ``公司信用为企业担保``).
    * Words that cannot start a name (``尽管该公司``) are not part of it, so that what is
      left is judged (``该公司`` refers back).
    * A bank's or guarantor's name made of a verb and its suffix (``撬动银行``, ``合作银行``,
      ``无需抵押担保``) names no body (a company may be named by a verb: ``共享集团``); a verb before a name word is cut (``联动建设银行``).
    """
    if c.known or c.listed or c.rejected or c.distributed:
        return
    rules = _word_rules()
    suffix_start = c.suffix_end - len(c.suffix)
    if c.start > 0 and text[c.start - 1] in "“「":
        return  # a quoted name is read as written
    cut = c.start
    for w in sa.words_in(c.start, suffix_start):
        if w.start <= c.start or w.end > suffix_start:
            continue
        if w.surface in rules.list_words:
            cut = w.end  # 甲科技等公司, 服务等联盟: a list and its category, no name
        elif (w.tag in rules.reference_tags and w.surface.startswith(voc.demonstratives)
              and not text.startswith(voc.demonstrative_exceptions, w.start)):
            cut = w.start  # 该行为该公司: a reference back (该公司), judged as one
        elif w.tag in rules.join_tags and _ends_with_suffix(text[c.start : w.start], voc):
            cut = w.end  # 银行及甲公司: two names
        elif (w.tag in rules.inner_tags and c.kind in rules.inner_kinds
              and not _in_exception(text, w.start, w.end, voc)):
            cut = w.end  # 为银行, 为企业担保
    if c.suffix in voc.branch_units:  # 科技园区型支行七贤岭支行: a description, then the branch's name
        inner = text.rfind(c.suffix, cut, suffix_start)
        if inner > cut and suffix_start - (inner + len(c.suffix)) >= 2:
            cut = inner + len(c.suffix)
    if cut > c.start:
        _restart(c, cut, text, voc)
    for _ in range(4):  # 尽管该公司 -> 该公司 (then judged as a reference back)
        lead = sa.word_at(c.start)
        if lead is None or lead.start != c.start or lead.end >= suffix_start or c.place_len:
            break
        if lead.surface.startswith(voc.demonstratives):
            break
        if lead.surface in rules.non_starters or lead.tag in rules.non_starter_tags:
            _restart(c, lead.end, text, voc)
            continue
        break
    if c.place_len or c.first or c.kind not in rules.verb_kinds or c.start >= suffix_start:
        return  # (旗下创新担保公司: a group's own subsidiary is named, even by a verb)
    verb = sa.word_at(c.start)
    if verb is None or verb.start != c.start or verb.end > suffix_start or verb.tag not in rules.verb_tags:
        return
    rest = _bare(text[verb.end : suffix_start])
    if not rest or _is_generic(rest, voc):
        c.rejected = True  # 撬动银行, 合作银行, 无需抵押担保: a verb and a category
        return
    nxt = sa.word_at(verb.end)
    place = any(a == verb.end for a, _b, _n, _l in _place_mentions(c.sentence, verb.end, suffix_start + 1))
    if place or (nxt is not None and nxt.start == verb.end and nxt.tag in rules.name_tags):
        _restart(c, verb.end, text, voc)  # 联动建设银行 -> 建设银行


# --------------------------------------------------------------------------- judging


def _body(c: _Cand, text: str) -> str:
    return _bare(text[c.start + c.place_len + c.tier_len : c.suffix_end - len(c.suffix)])


def _is_generic(body: str, voc: _Vocab) -> bool:
    return not body or voc.generic_re.fullmatch(body) is not None


def _party_len(text: str, pos: int, voc: _Vocab) -> int:
    """Characters of a party prefix (中共) at ``pos``, else 0."""
    return next((len(p) for p in voc.party_prefixes if text.startswith(p, pos)), 0)


def _place_prefix_len(c: _Cand, text: str, voc: _Vocab) -> int:
    """Characters of place prefix at the start of the name (places, 国家/中国, 省/市/区)."""
    pos = c.start
    limit = c.suffix_end - len(c.suffix)
    mentions = {a: b for a, b, _n, _l in _place_mentions(c.sentence, c.start, limit)}
    party = _party_len(text, pos, voc)
    if pos + party in mentions:  # 中共某市委: the party prefix goes with the place
        pos += party
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
        scope = _scope_prefix_at(text, pos, voc)
        if scope and pos + len(scope) <= limit and not text.startswith("级", pos + len(scope)) and not (
                c.kind is not InstitutionKind.GOVERNMENT and text.startswith(voc.scope_words, pos)):
            return len(scope)
    return pos - c.start


def _scope_prefix_at(text: str, pos: int, voc: _Vocab) -> str:
    """The bare level word (省, 市, 自治区...) at ``pos``, longest first, else ``""``."""
    return next((p for p in voc.scope_prefix_order if text.startswith(p, pos)), "")


def _drop_tier(c: _Cand, text: str, voc: _Vocab) -> None:
    """``浙江省、杭州市两级市场监管局``: a tier word after the place prefix is not part of
    the name (the places listed before share the rest, see :func:`_shared_tail`)."""
    if c.place_len == 0 or c.known:
        return
    at = c.start + c.place_len
    tier = next((t for t in voc.tiers if text.startswith(t, at)), None)
    if tier is None or at + len(tier) >= c.suffix_end - len(c.suffix):
        return
    c.tier_len = len(tier)
    c.name = _fold(text[c.start : at] + text[at + len(tier) : c.end])


def _counted(text: str, c: _Cand, voc: _Vocab) -> bool:
    """A number with a counter right before or after the name: a category, not a body."""
    before = text[max(0, c.start - 6) : c.start]
    if voc.counted_before_re.search(before):
        return True
    return voc.counted_after_re.match(text, c.end, c.end + 24) is not None


def _plural_context(text: str, c: _Cand) -> bool:
    """``在33家重点企业设立…``: the clause spreads the body over several places."""
    floor = max(c.sentence.start, c.start - _MAX_NAME)
    clause_start = max(text.rfind(p, floor, c.start) for p in "，,；;：")
    clause = text[max(clause_start, floor) : c.start]
    return _PLURAL_RE.search(clause) is not None


def _judge(c: _Cand, text: str, voc: _Vocab) -> bool:
    if c.rejected:
        return False
    name = c.name
    if name.startswith(voc.demonstratives) and not name.startswith(voc.demonstrative_exceptions) and not (
            c.place_len and _place_mentions(c.sentence, c.start, c.start + c.place_len)):
        return False  # 该中心, 两个中心; not a place that starts like one (诸暨…)
    if c.category or voc.level_re.match(name):
        return False  # 地（市）级保护中心, 省级甲中心和乙中心: a class of bodies
    if c.known:
        return True
    if c.needs_place and c.place_len == 0:
        return False
    suffix_start = c.suffix_end - len(c.suffix)
    if c.scoped and suffix_start > c.start and not (
        _place_mentions(c.sentence, c.start, suffix_start)
        or any(m[0] == c.start + _party_len(text, c.start, voc) and m[1] == suffix_start + 1
               for m in _place_mentions(c.sentence, c.start, suffix_start + 1))  # 江苏省 + 委
    ):
        return False  # 市委 alone or after a place (深圳市委), not after any word (团市委, 城市委…)
    if any(j in name for j in voc.joint_leadership):
        return False  # 市委市政府: two leaderships as one word
    if any(text.startswith(a, c.end) or text.startswith("”" + a, c.end) for a in voc.apposition):
        return False
    if text.startswith(voc.category_marks, c.end):
        return False  # …中心之一
    if text.endswith(voc.unrealised, max(0, c.start - 6), c.start):
        return False  # 探索筹建…中心: a body only explored or planned
    if _counted(text, c, voc):
        return False
    body = _body(c, text)
    suffix = voc.suffixes.get(c.suffix)
    if suffix is not None and suffix.max_body and len(body) > suffix.max_body:
        return False  # 某某融资担保 is a short brand, not 甲基金融资担保 or 民营担保机构担保
    if body.startswith(voc.demonstratives) and c.place_len > 0:
        return False  # 广州市某科技公司
    has_place = c.place_len > 0 or c.scoped
    quoted_part = any(q in name for q in "“「")
    whole_quoted = c.start > 0 and text[c.start - 1] in "“「" and text.startswith(("”", "」"), c.end)
    established = _governed(c, voc) or _paired(c, text, voc)
    sign = has_place or quoted_part or bool(c.aliases) or c.first or established or whole_quoted
    if c.weak:
        raw = text[c.start + c.place_len : c.suffix_end - len(c.suffix)]
        outside = _QUOTED_RE.sub("", raw)
        if not outside or not (has_place or quoted_part or c.aliases or established):
            return False
    elif _is_generic(body, voc) and not sign and (c.kind is not InstitutionKind.ALLIANCE or len(body) <= 2):
        return False  # an alliance may be generic (知识产权保护联盟), not a bare category (行业协会)
    return not ((c.weak or _is_generic(body, voc)) and established and _plural_context(text, c))


def _paired(c: _Cand, text: str, voc: _Vocab) -> bool:
    """True when the name is the second of a pair joined by 暨 (…服务平台暨…援助平台): like
    the first, it names one specific body."""
    j = c.start - 1
    return j > 0 and text[j] in voc.pair_joins and _ends_with_suffix(text[max(0, j - _MAX_GROUP) : j], voc)


def _is_class(c: _Cand, voc: _Vocab) -> bool:
    """The name says a class of bodies (省级…中心, 各类…, 地（市）级…), not one body."""
    name = c.name
    demonstrative = name.startswith(voc.demonstratives) and not name.startswith(voc.demonstrative_exceptions)
    return demonstrative or voc.level_re.match(name) is not None


def _kind(c: _Cand, text: str, voc: _Vocab) -> InstitutionKind:
    suffix = voc.suffixes.get(c.suffix)
    if suffix is not None and suffix.kind_after:
        before = _bare(text[c.start : c.suffix_end - len(c.suffix)])
        for word, kind in suffix.kind_after:
            if before.endswith(word):
                return kind  # 科学数据银行
    if c.suffix in voc.overridable or c.known:
        body = _bare(text[c.start : c.suffix_end - len(c.suffix)])
        for w in voc.body_words:
            if w.only_suffixes and c.suffix not in w.only_suffixes:
                continue
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
            c.category = c.place_len == 0 and (prev.category or _is_class(prev, voc))
        if (prev is not None and not c.known and c.place_len == 0 and prev.place_len > 0 and not prev.rejected
                and text[c.start] not in voc.scope_prefixes):  # 深圳…交易所、市委组织部: 市 is its own
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
        item_end = pos - 1
        mentions = _place_mentions(c.sentence, max(c.sentence.start, pos - 16), item_end)
        last = [m for m in mentions if m[1] == item_end]
        if last:
            a = last[0][0]
        else:  # 中国（成都）、中国（赣州）知识产权保护中心
            inner = [m for m in mentions if m[1] == item_end - 1 and text[m[0] - 1] == "（"]
            if text[item_end - 1] != "）" or not inner:
                break
            opening = inner[0][0] - 1
            pre = next((p for p in voc.national_prefixes if text.endswith(p, 0, opening)), None)
            if pre is None:
                break
            a = opening - len(pre)
        if a > c.sentence.start and _is_name_char(text[a - 1]) and not _stop_ends_at(
                text, a, c.sentence.start, voc):
            break
        twin = attrs.evolve(c, start=a, end=item_end, aliases=[], distributed=True)
        twin.name = _fold(text[a:item_end]) + tail
        twin.place_len = item_end - a
        out.append(twin)
        pos = a
    if out and len(c.aliases) == len(out) + 1:  # one short form for each name, in their order
        for item, alias in zip([*reversed(out), c], list(c.aliases), strict=True):
            item.aliases = [alias]
    return out


def _listed(text: str, sent: Sentence, cands: list[_Cand], voc: _Vocab,
            sa: SentenceAnalysis | None = None) -> list[_Cand]:
    """Items of a list of names closed by a category noun (``甲、乙、丙3家企业``,
    ``甲、乙等4家合作银行``, ``甲、乙等一些科创企业``, ``甲等公司``) that no suffix found:
    short forms of bodies, of the kind the list's noun says.  A counted list must hold as
    many items as its number says (or fewer, after ``等``); without ``等`` it needs two.
    Words may qualify the noun (``等7家重点企业``); the noun ends on a word boundary of
    ``sa`` (not ``企业家``)."""
    out: list[_Cand] = []
    if "等" not in sent.text and "家" not in sent.text:  # every list says 等 or N家
        return out
    taken = {c.suffix_end for c in cands if not c.rejected}
    for m in voc.listed_re.finditer(text, sent.start, sent.end):
        etc = bool(m.group(1) or m.group(2))
        number = _cn_count(m.group(3)) if m.group(3) else None
        if sa is not None and not sa.is_boundary(m.end()):
            continue
        if m.group(4) and sa is not None and (not sa.is_boundary(m.start(4)) or any(
                w.tag in _word_rules().item_cut_tags for w in sa.words_in(m.start(4), m.end(4)))):
            continue  # the qualifier is whole nouns (重点, 科创), not a clause (等形式为某集团)
        items: list[tuple[int, int]] = []
        end = m.start()
        while end > sent.start:
            a = _hard_start(text, end, max(sent.start, end - _MAX_NAME // 2))
            if a == end:
                break
            items.append((a, end))
            if a - 1 <= sent.start or text[a - 1] != "、":
                break
            end = a - 1
        if not items:
            continue
        x0, y0 = items[0]  # 甲、乙和丙共三家银行: the last two items are joined by a conjunction
        joins = [k for k in range(x0 + 2, y0 - 1) if voc.join_re.match(text, k)]
        if len(joins) == 1 and len(items) > 1:
            items[0:1] = [(joins[0] + 1, y0), (x0, joins[0])]
        # the first item starts after a stop word (渤化集团所属甲, 联合乙) or, by the words of
        # the analysis, after the last verb, particle or adverb (获得该贷款支持的还包括甲)
        a, b = items[-1]
        stop = None
        for found in voc.stop_re.finditer(text, a, b):
            stop = found
        if stop is not None:
            a = stop.end()
        if sa is not None:
            a = _item_start(sa, a, b)
        items[-1] = (a, b)
        # a counted list holds its number of items (fewer after 等); an uncounted one needs 等
        ok = etc if number is None else len(items) == number or (etc and len(items) <= number)
        if not ok or len(items) < (1 if etc else 2):
            continue
        if any(not 2 <= y - x <= 12 or _is_generic(text[x:y], voc) or text.startswith(voc.demonstratives, x)
               or [p for p in _place_mentions(sent, x, y) if (p[0], p[1]) == (x, y)]
               or _category_item(text, x, y, voc) for x, y in items):
            continue  # not names: 广州、深圳等3家…, 重点、骨干等…, 银行等机构, 瞪羚企业、“独角兽”等企业
        for x, y in reversed(items):
            if y in taken:
                continue
            suffix = _suffix_at(text, y, voc)
            if suffix is not None:
                kind = suffix.kind
            elif text.endswith(voc.research_endings, x, y):
                kind = InstitutionKind.RESEARCH
            else:
                kind = voc.listed_kinds[m.group(5)]
            cand = _Cand(start=x, end=y, suffix_end=y, suffix=suffix.text if suffix else "", kind=kind,
                         weak=False, sentence=sent, listed=True)
            cand.name = _fold(text[x:y])
            cand.place_len = _place_prefix_len(cand, text, voc)
            out.append(cand)
    return out


def _category_item(text: str, x: int, y: int, voc: _Vocab) -> bool:
    """The list item ``text[x:y]`` is a category, not a body: a bare suffix (银行), a
    category noun with its qualifier (瞪羚企业) or a quoted label (种子“独角兽”)."""
    suffix = _suffix_at(text, y, voc)
    if suffix is not None and not _bare(text[x : y - len(suffix.text)]):
        return True
    if any(q in text[x:y] for q in "“「\""):
        return True
    return suffix is None and text.endswith(tuple(voc.listed_kinds), x, y)


def _item_start(sa: SentenceAnalysis, a: int, b: int) -> int:
    """Where the first item of a list (``text[a:b]``) starts: after the last word of the
    analysis that cannot stand in a name (a verb, particle, adverb, preposition or
    pronoun; lexicon's non-starters), as long as two characters are left."""
    rules = _word_rules()
    start = a
    for w in sa.words_in(a, b):
        if w.start < a or w.end > b:
            continue
        if w.end < b and (w.tag in rules.item_cut_tags or w.surface in rules.non_starters):
            start = w.end
    return start if b - start >= 2 else a


def _cn_count(word: str) -> int | None:
    """A small count in digits or Chinese numerals (6, 十二, 两), else None."""
    if word.isdigit():
        if len(word) > 4:  # no list names ten thousand bodies (and int() refuses 4300+ digits)
            return None
        return int(word.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    values = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if word in values:
        return values[word]
    if word.startswith("十"):
        return 10 + values.get(word[1:], 0) if len(word) <= 2 else None
    if len(word) in (2, 3) and word[1] == "十" and word[0] in values:
        return values[word[0]] * 10 + (values.get(word[2], 0) if len(word) == 3 else 0)
    return None


# --------------------------------------------------------------------------- regions


def _region(c: _Cand, kind: InstitutionKind, doc: Document, voc: _Vocab) -> str | None:
    name = _bare(c.name)
    if name in voc.international or name.startswith(voc.intl_prefixes):
        return None
    gaz = _gazetteer()
    anchor = c.anchor if c.anchor >= 0 else c.start
    lo, hi = _region_window(c.sentence, anchor)
    rec = record_region(doc.text, lo, hi, anchor, doc.region)
    if name in voc.national:
        if kind is InstitutionKind.FINANCIAL and name in voc.national_kinds and rec is not None:
            return rec  # 建行, 中行 in a list of a city's partner banks: the bank where it acts
        return "中国"
    place: str | None = None
    rank, place_end = -1, 0
    for _a, b, found, level in _find_places(name):
        r = _LEVEL_RANK.get(level)
        if r is None or level is RegionLevel.COUNTRY:
            continue
        if r >= rank:
            place, rank, place_end = found, r, b
    scoped_whole = c.scoped and name.startswith(c.suffix)  # 市委, 省委常委会
    scope = _scope_prefix_at(name, 0, voc)  # 市, 自治区: the document's region at that level
    if place is None and scope and (c.place_len == len(scope) or scoped_whole):
        at = voc.scope_prefixes[scope]
        place = _paragraph_place(doc, c.start, at) or _at_level(doc.region, at)
    if place is None and kind in (InstitutionKind.FINANCIAL, InstitutionKind.COMPANY):
        place = voc.abbreviations.get(name[0])
    if place is None:
        national = name.startswith((*voc.national_prefixes, *voc.national_names))
        if national and not c.weak and kind not in _HYBRID_KINDS | {InstitutionKind.FINANCIAL}:
            return "中国"
        if c.kind is InstitutionKind.FINANCIAL and c.suffix not in voc.branch_suffixes and (
                c.suffix not in voc.local_lenders) and not c.listed:  # 甲、乙等N家银行: lenders
            return None  # a broker or fund named without a place serves the whole country
        return rec  # a bank named without a place sits where it lends (内江…联合工商银行)
    if rec is None or rec == place:
        return place
    if rank == _LEVEL_RANK[RegionLevel.CITY] and name.startswith(voc.national_brackets) and (
            place_end <= name.find("）") + 1):
        return place  # 中国（某市）…中心 serves the whole city, even in an article about one district
    if c.weak:
        return place if gaz.is_within(place, rec) else rec
    if kind in _HYBRID_KINDS:  # a company named after a city sits in the document's district
        return gaz.locate(place, doc.region)
    return place


def _scope_expanded(c: _Cand, text: str, doc: Document, voc: _Vocab) -> str | None:
    """The key of a name with a bare level word written with the document's place at that
    level instead (市政协 in a 天津市 article -> 天津市政协), else None."""
    scope = _scope_prefix_at(text, c.start, voc)
    if not scope or c.place_len != len(scope) or c.known:
        return None
    place = _at_level(doc.region, voc.scope_prefixes[scope])
    if place is None and doc.region is not None and doc.region.endswith(scope):
        place = doc.region  # 天津市: a municipality is a province whose level word is 市
    return _key(place + c.name[len(scope) :], voc) if place else None


def _bare_scope_region(c: _Cand, text: str, doc: Document, voc: _Vocab) -> str | None:
    """The district a name with a bare district word (区财政局) sits in, when its paragraph
    names one (see :func:`_paragraph_place`); else None."""
    scope = _scope_prefix_at(text, c.start, voc)
    if not scope or c.place_len != len(scope) or c.known:
        return None
    return _paragraph_place(doc, c.start, voc.scope_prefixes[scope])


def _paragraph_place(doc: Document, pos: int, level: str) -> str | None:
    """The place at ``level`` a bare level word (区财政局) refers to in an article about
    several places of that level: the last one named in its paragraph before ``pos``,
    when it lies in the document's city or province; else None."""
    if level != RegionLevel.DISTRICT.value or doc.region is None:
        return None  # only districts share one article (a city's several districts)
    gaz = _gazetteer()
    home = _at_level(doc.region, RegionLevel.CITY.value) or _at_level(doc.region, RegionLevel.PROVINCE.value)
    if home is None:
        return None
    para = doc.text.rfind("\n", 0, pos) + 1
    found = [m for m in _find_places(doc.text[max(para, pos - 2000) : pos])
             if m[3] in (RegionLevel.DISTRICT, RegionLevel.ZONE)]
    if not found:
        return None
    last = found[-1][2]
    return last if gaz.is_within(last, home) else None


def _region_window(sent: Sentence, anchor: int) -> tuple[int, int]:
    """The part of a sentence searched for the subject region of a name at ``anchor``.

    The subject of a clause stands close before it, so a long sentence is cut into
    windows aligned on blocks of ``_REGION_WINDOW`` characters: every name in one block
    shares one window (the region finder remembers it), so long sentences stay linear.
    A sentence up to three blocks long is its own window.
    """
    if sent.end - sent.start <= 3 * _REGION_WINDOW:
        return sent.start, sent.end
    blocks = (anchor - sent.start) // _REGION_WINDOW
    lo = sent.start + max(0, blocks - 1) * _REGION_WINDOW
    return lo, min(sent.end, lo + 3 * _REGION_WINDOW)


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
    s = _TRAILING_BRACKET_RE.sub("", s)
    s = _SESSION_RE.sub("", s)  # 市十七届人民政府 is 市人民政府
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


def _bracket_alternative(c: _Cand, voc: _Vocab) -> str:
    """The name a body's bracketed second name takes with the place prefix of its first
    (某市市场监管局（知识产权局）, 某省市场监管局（省知识产权局） -> 某市知识产权局), else ""."""
    m = _TRAILING_BRACKET_RE.search(c.name)
    if m is None or c.place_len <= 0 or c.place_len >= m.start():
        return ""
    inner = m.group(0)[1:-1]
    if inner[:1] in voc.scope_prefixes:
        inner = inner[1:]
    if not _ends_with_suffix(inner, voc) or _find_places(inner):
        return ""
    return c.name[: c.place_len] + inner


def _governed(c: _Cand, voc: _Vocab) -> bool:
    """An establishment verb stands before the name (成立全省首家…)."""
    return any(v in c.lead for v in voc.establishment) or (c.verb or "") in voc.establishment


def _established(c: _Cand, text: str, doc: Document, voc: _Vocab) -> PartialDate | None:
    after = text[c.end : c.end + 12]
    after = _CLAUSE_END_RE.split(after, maxsplit=1)[0]
    if not (_governed(c, voc) or any(v in after for v in voc.establishment)):
        return None
    lo = max(c.sentence.start, c.start - _DATE_WINDOW)
    return sentence_date(text[lo : min(c.sentence.end, c.end + _DATE_WINDOW)], doc.published)


def extract(doc: Document, analysis: Analysis | None = None) -> list[Institution]:
    """Every Institution stated in ``doc.text``, one record a body, each with the evidence
    sentence of its first mention.  ``analysis`` is the document's shared
    :class:`~.analysis.Analysis` (made here when not given)."""
    analysis = analysis if analysis is not None else analyse(doc.text, doc.published, doc.region)
    voc = _vocab()
    text = _prepare(doc.text)
    records: list[_Record] = []
    by_key: dict[str, _Record] = {}
    by_alias: dict[str, _Record] = {}
    by_tail: dict[str, _Record] = {}
    short_forms: list[str] = []  # short forms given in brackets (简称…), as written
    dropped: set[str] = set()  # short forms of names judged no body (探索筹建…中心（简称“快保中心”）)
    # the shared sentences, read in the prepared text (same offsets, titles blanked)
    for sa in analysis:
        sent = Sentence(sa.start, sa.end, text[sa.start : sa.end])
        cands = _candidates_in(text, sent, voc, sa)
        if cands:
            for c in cands:
                c.place_len = _place_prefix_len(c, text, voc)
                _drop_tier(c, text, voc)
                _by_words(c, sa, text, voc)
            cands = _distribute(cands, text, voc)
        cands.extend(_listed(text, sent, cands, voc, sa))
        if not cands:
            continue
        prev: _Record | None = None
        prev_end = -1
        run_start, run_end = -1, -1
        for c in cands:
            # the members of a coordinated list take their region from where the list starts
            if run_end < 0 or text[run_end : c.start] not in ("、", *_CONJ, "以及"):
                run_start = c.start
            c.anchor, run_end = run_start, c.end
            if not (c.distributed or c.listed or _judge(c, text, voc)):
                if len(dropped) < _MAX_SHORT_FORMS:  # its short forms name no body either (快保中心)
                    dropped.update(_bare(a) for a in c.aliases)
                continue
            if _bare(c.name) in dropped:
                continue
            longer = next((a for a in short_forms if len(a) > c.end - c.start and text.endswith(a, 0, c.end)), None)
            if longer is not None:  # 发挥审协广东中心作用: a short form given before, not 广东中心
                c.start = c.end - len(longer)
                c.name = _fold(longer)
            key = _key(c.name, voc)
            bare = _bare(c.name)
            where = _bare_scope_region(c, text, doc, voc)
            if where is not None:  # 区财政局 in two districts' paragraphs: two bodies
                key, bare = f"{where}§{key}", f"{where}§{bare}"
            rec = by_key.get(key) or by_alias.get(bare)
            if rec is None and where is None:  # 市政协 in a 天津 article: 天津市政协, named before
                rec = by_key.get(_scope_expanded(c, text, doc, voc) or key)
            if rec is None and prev is not None and prev_end >= 0:
                gap = text[prev_end : c.start]
                if any(gap.endswith(v) for v in voc.rename_verbs):
                    rec = prev
            if rec is None:  # the tail of an earlier name (a generic one too: 该中心作为…保护中心)
                rec = by_tail.get(key.split("§")[-1])
                if rec is not None and where is not None and rec.region != where:
                    rec = None  # 区知识产权局 in 合川区's paragraph is not 九龙坡区知识产权局
            if rec is None:
                kind = _kind(c, text, voc)
                owner = c.parent or c  # a division sits where its bureau does
                rec = _Record(c, key, [c.name], kind, _region(owner, owner.kind, doc, voc),
                              _established(c, text, doc, voc), {bare, _bare(c.name)})
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
            alternative = _bracket_alternative(c, voc)
            if alternative:  # 某市市场监管局（知识产权局）: a later 某市知识产权局 is the same body
                by_alias.setdefault(_bare(alternative), rec)
            if len(short_forms) < _MAX_SHORT_FORMS:
                short_forms.extend(a for a in c.aliases if a not in short_forms and 2 <= len(a) <= _MAX_GROUP)
            by_key.setdefault(key, rec)
            prev, prev_end = rec, c.end
    records = _merge_short_companies(_merge_banks(records, voc), voc)
    out: list[Institution] = []
    for r in records:
        s = r.cand.sentence
        names = _usual_first(r.names)
        out.append(Institution(
            name=names[0],
            kind=r.kind,
            evidence=Evidence(s.start, s.end, doc.text[s.start : s.end]),
            region=r.region,
            established=r.established,
            aliases=tuple(names[1:]),
        ))
    return out


def _bank_forms(name: str, voc: _Vocab) -> tuple[str, ...]:
    """The spellings of the bank a branch belongs to (``中国光大银行股份有限公司惠州分行`` ->
    ``中国光大银行股份有限公司``, ``中国光大银行``, ``光大银行``), empty for no branch."""
    unit = next((u for u in sorted(voc.branch_units, key=len, reverse=True) if name.endswith(u)), None)
    if unit is None:
        return ()
    places = [m for m in _find_places(name) if m[1] <= len(name) - len(unit)]
    if not places:
        return ()
    parent = name[: places[-1][0]]
    forms = [parent]
    for legal in voc.legal_forms:
        if forms[-1].endswith(legal):
            forms.append(forms[-1][: -len(legal)])
            break
    for prefix in voc.national_prefixes:
        if forms[-1].startswith(prefix):
            forms.append(forms[-1][len(prefix) :])
            break
    return tuple(_bare(f) for f in forms if len(f) >= 2 and f.endswith(voc.bank_words))


def _merge_banks(records: list[_Record], voc: _Vocab) -> list[_Record]:
    """One record for a bank and its one branch named in the article (``光大``, ``光大银行``,
    ``中国光大银行股份有限公司惠州分行``): a list's short form (``浦发``) and the bank's name
    (``浦发银行``) are one body, and so are a bank and its branch when the article names no
    other branch of it (two branches keep the bank apart: it is then the bank as a whole)."""
    if len(records) < 2:
        return records
    merged: dict[int, _Record] = {}  # id of a record merged away -> the record it went into

    def absorb(into: _Record, other: _Record) -> None:
        for n in other.names:
            if _bare(n) not in into.seen:
                into.seen.add(_bare(n))
                into.names.append(n)
        if into.region is None:
            into.region = other.region
        merged[id(other)] = into

    banks = [r for r in records if r.kind is InstitutionKind.FINANCIAL and not _bank_forms(r.names[0], voc)]
    for r in banks:  # 浦发 and 浦发银行
        if id(r) in merged:
            continue
        for other in banks:
            if other is not r and id(other) not in merged and any(
                    _bare(n) + w in other.seen for n in r.names for w in voc.bank_words):
                absorb(r, other)
    by_bank: dict[int, list[_Record]] = {}
    for r in records:
        if id(r) in merged or r.kind is not InstitutionKind.FINANCIAL:
            continue
        forms = _bank_forms(r.names[0], voc)
        bank = next((b for b in banks if id(b) not in merged and b.seen & set(forms)), None)
        if bank is not None:
            by_bank.setdefault(id(bank), []).append(r)
    for b in banks:
        branches = by_bank.get(id(b), [])
        if len(branches) == 1:
            absorb(b, branches[0])
    return [r for r in records if id(r) not in merged]


def _company_core(name: str, voc: _Vocab) -> str:
    """A company's name without its place prefix and its suffix (``青岛罗博飞海洋技术有限公司``
    -> ``罗博飞海洋技术``, ``达城公司`` -> ``达城``)."""
    core = _bare(name)
    places = _find_places(core)
    if places and places[0][0] == 0:
        core = core[places[0][1] :]
    suffix = next((x for x in voc.company_suffixes if core.endswith(x)), None)
    return core[: -len(suffix)] if suffix else ""


def _merge_short_companies(records: list[_Record], voc: _Vocab) -> list[_Record]:
    """A company's short name (``达城公司``, ``罗博飞公司``, ``青岛罗博飞海洋技术有限公司``)
    written with the core of a fuller name of the article (``哈尔滨达城绿色建筑股份有限公司``,
    ``青岛蓝谷罗博飞海洋技术有限公司``) is that company: one record, the short name an alias."""
    companies = [r for r in records if r.kind is InstitutionKind.COMPANY]
    if len(companies) < 2:
        return records
    gone: set[int] = set()
    for r in companies:
        core = _company_core(r.names[0], voc)
        if len(core) < 2 or _is_generic(core, voc):
            continue
        host = next((o for o in companies if o is not r and id(o) not in gone
                     and len(_bare(o.names[0])) > len(_bare(r.names[0]))
                     and core in _bare(o.names[0])), None)
        if host is None:
            continue
        for n in r.names:
            if _bare(n) not in host.seen:
                host.seen.add(_bare(n))
                host.names.append(n)
        gone.add(id(r))
    return [r for r in records if id(r) not in gone]


def _usual_first(names: list[str]) -> list[str]:
    """A body's names with the one it usually goes by first: a city's or district's body
    introduced with its province before the city (``四川省内江市市场监管局``, then
    ``内江市市场监管局``) goes by the name without the province when that is written too."""
    if len(names) < 2:
        return names
    for short in names[1:]:
        prefix = names[0][: len(names[0]) - len(short)]
        if not prefix or not names[0].endswith(short) or not any(m[0] == 0 for m in _find_places(short)):
            continue
        places = _find_places(prefix)
        if len(places) == 1 and places[0][:2] == (0, len(prefix)) and places[0][3] is RegionLevel.PROVINCE:
            return [short, names[0], *(n for n in names[1:] if n != short)]
    return names
