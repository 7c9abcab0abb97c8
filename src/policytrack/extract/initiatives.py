"""Extraction of :class:`~policytrack.models.Initiative` records.

An initiative is a named policy measure, programme, plan, mechanism, standard,
regulation or event.  Three kinds of mention are read, in this order of trust:

1. titles in 《》 (``《广州市专利管理条例》``): the kind comes from the title's
   last word; a title followed by 白皮书/报告 is ``other``;
2. quoted names “…” that name a measure: the quote ends with (or is followed
   by) a head noun (``“十百千”知识产权质量提升工程``), is numbered
   (``“高质量发展十条”``, ``“两个档案、三项制度、四有机制”``) or follows a
   context verb (``实施“…”``, ``入选“…”``).  A quote right after ``的``
   (``一份亮眼的“越秀方案”``) is a figure of speech and is skipped, and so is a quote naming a
   problem (``“融资难”问题``) or a body (``打造“…”专业服务团队``);
3. unquoted noun phrases ending in a head noun (计划/工程/行动/制度/机制/模式/
   体系/标准/规范/条例/办法/大赛/论坛…).  The left boundary is the clause
   start, moved right past the last ``的``, the last verb (建立/推行/举办…) and
   leading counters, dates and adverbs (a verb inside a name, ``…金融深化工程``,
   is kept), and past a head followed by 和/与/及 (two coordinated names).
   Phrases whose modifier is only generic words (``知识产权制度``, ``服务体系``)
   are not names (but ``实施知识产权战略`` names the strategy a region carries out, and a long
   system with a domain word, ``知识产权质押融资服务体系``, is named; ``传统融资模式``, ``…法规政策体系``
   and ``创新…模式`` are not), nor are pointers (``本届大赛``), routine meetings
   (``常务会议``), counted summaries (``三大体系``) or heads used as predicates
   (``评估有标准``, ``系统规范…``), nor heads after an adjective (``…新模式``,
   ``高标准``).  A zone (``…集聚区``, ``…示范区``) after 在/依托 is a place, and
   one after 打造成为 is a goal (``other``); ``…先行区建设`` still names the zone.  An event head in a
   list closed by 等服务/等工作 (``提供…、知识产权培训等服务``) is a service, not an event.  Reports and lists a government releases
   (``…白皮书``, ``十大事件``, ``…典型案例`` after 发布, not after 获评) are ``other``.

Generic descriptions are told from names by their shape (issue 13): a quote that is a demand
of a cited document (``提出“完善…机制”``), a sentence, a goal or theme (``“…”的目标``), a problem
(``“价值评估难”``) or a class of firms (``“专精特新”``, ``“独角兽”``) names no measure, while a
quoted designation does (``“国家…试点城市”``); a head read across a word of the sentence's
analysis (``畅通/知识产权`` holds no 通知) is no head; a mechanism after a plan or proposal word
(下一步, 将, 建议, 研究) is proposed, not in place; free-trade zones are places, loan contracts
(``…质押贷款协议``) deals, company names and a short verbless line (site furniture) no names;
``国家…基地`` is a designation, a local ``…基地`` a site.

Titles of newspapers (``《…报》``) and certificates, short-title aliases (``以下简称《…》``),
bare back-references (``《纲要》``) and
reports by foreign bodies (``世界知识产权组织发布的《…》``) are skipped.  National
names get the region 中国: 中国/全国 names, document titles starting with 国家,
and names holding a national word (``知识产权强国建设纲要``).

Mentions of the same initiative in one document are merged into one record
(two different names in one sentence are kept apart; same name up to dashes and brackets, a region prefix, an edition ordinal
``第二十二届``, a generic standard head, or a Chinese abbreviation such as
``百千万工程`` for ``百县千镇万村高质量发展工程``).  The vocabulary lives in
``data/initiatives.json``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import attrs

from .._data import load_json
from ..models import Document, Evidence, Initiative, InitiativeKind, PartialDate
from . import dates
from . import regions as _regions
from .analysis import Analysis, SentenceAnalysis, analyse
from .sentences import BREAK_CHARS, Sentence

__all__ = ["extract"]

_CJK = "\u4e00-\u9fff"
_NAME_MAX = 60  # longest unquoted name read (keeps long clauses linear)
_SHORT_NAME = 5  # a name this short made of generic words is no name, whatever its head
# characters that end a clause for the purpose of finding a name's left edge
_CLAUSE_BREAK = "，。、；：！？,.;:!?\n\r\t 　“”‘’「」《》()（）【】[]—"
_NUMERAL = "0-9０-９一二三四五六七八九十百千两"
_LIST_BREAK = "，。；;,：:！？!?\n"  # characters a list of items (…、…等服务) does not cross
# beyond this many distinct initiatives in one text only exact-name merging is done (keeps it fast)
_FUZZY_LIMIT = 300


@attrs.frozen
class _Vocab:
    heads: dict[str, InitiativeKind]
    quote_heads: dict[str, InitiativeKind]
    title_heads: dict[str, InitiativeKind]
    title_other_followers: tuple[str, ...]
    bad_followers: tuple[str, ...]
    verbs: tuple[str, ...]
    leading_strip: tuple[str, ...]
    generic_words: tuple[str, ...]
    context_verbs: tuple[str, ...]
    no_region_prefixes: tuple[str, ...]
    national_prefixes: tuple[str, ...]
    owner_links: tuple[str, ...]  # may stand between a place and the name it owns: 知识产权, 的
    weak_kinds: frozenset[InitiativeKind]
    trailing_strip: tuple[str, ...]
    goal_enders: tuple[str, ...]
    product_suffixes: tuple[str, ...]
    report_heads: frozenset[str]
    release_verbs: tuple[str, ...]
    designation_followers: tuple[str, ...]
    honour_titles: tuple[str, ...]
    honour_verbs: tuple[str, ...]
    verb_like_heads: frozenset[str]
    verb_like_allowed: tuple[str, ...]
    predicate_before_head: tuple[str, ...]
    adjective_before_head: tuple[str, ...]
    adjective_exceptions: tuple[str, ...]
    pointer_prefixes: tuple[str, ...]
    routine_meetings: tuple[str, ...]
    title_skip_suffixes: tuple[str, ...]
    foreign_publishers: tuple[str, ...]
    national_words: tuple[str, ...]
    national_document_prefixes: tuple[str, ...]
    enterprise_followers: tuple[str, ...]
    zone_heads: frozenset[str]
    locative_before: tuple[str, ...]
    goal_verbs: tuple[str, ...]
    adopted_names: frozenset[str]  # generic-only names that name a measure after an adoption verb
    adoption_verbs: tuple[str, ...]
    named_generic_heads: frozenset[str]  # a generic-only name with this head is a name when long enough
    named_generic_min: int  # ... this long: 知识产权服务体系 (but not 服务体系)
    named_generic_domain: tuple[str, ...]  # ... holding one of these (知识产权, 金融…)
    named_generic_blockers: tuple[str, ...]  # ... and none of these (传统融资模式, 法规政策体系)
    problem_followers: tuple[str, ...]  # a quote before these names a problem: “融资难”问题
    body_followers: tuple[str, ...]  # a quote whose clause ends in these names a body: “…”服务队伍
    # the rest of a list closed by 等服务/等工作: an event head in it is a service
    service_list_re: re.Pattern[str]
    service_list_kinds: frozenset[InitiativeKind]  # heads of these kinds in a list of services are services
    zone_followers: tuple[str, ...]  # a zone head before these is still named: …先行区建设
    demand_verbs: tuple[str, ...]  # a quote starting so names no programme or event: a demand
    problem_enders: tuple[str, ...]  # a quote ending so names a problem: “价值评估难”
    purpose_followers: tuple[str, ...]  # a quote before (的) these is a goal or theme: “…”的目标
    enterprise_labels: tuple[str, ...]  # classes of firms: “专精特新”, “独角兽”
    newspaper_exceptions: tuple[str, ...]  # titles ending in 报 that are documents: 年报
    alias_introducers: tuple[str, ...]  # (以下简称《…》): a short form of the name before
    place_zone_words: tuple[str, ...]  # names ending so are places: 天津自贸试验区
    future_markers: tuple[str, ...]  # a mechanism after these in its sentence is only proposed
    future_kinds: frozenset[InitiativeKind]
    proposal_markers: tuple[str, ...]  # a name of a weak kind after these is a proposal: 建议…
    name_verb_phrases: tuple[str, ...]  # verb phrases opening a name: 优化营商环境…
    deal_enders: tuple[str, ...]  # a name ending so is a loan contract: …质押贷款协议
    event_bad_followers: tuple[str, ...]  # an event head before these is an activity: 宣传培训工作
    award_bad_followers: tuple[str, ...]  # 奖 before these names no award: 奖项
    activity_heads: frozenset[str]  # event heads naming an activity before event_bad_followers
    heads_before_building: frozenset[str]  # heads still named before 建设: …培育库建设
    company_markers: tuple[str, ...]  # a name holding these is a company or a person's title
    quote_goal_verbs: tuple[str, ...]  # a quoted zone after these is a goal: 迈向“数字先行区”
    descriptive_prefixes: tuple[str, ...]  # a name starting so describes measures: 一系列…措施
    figurative_before: tuple[str, ...]  # a quote right after these is a figure of speech
    designation_heads: frozenset[str]  # a quoted name with one of these heads is a designation
    national_only_heads: frozenset[str]  # heads naming a designation only after 国家: 国家…基地
    head_re: re.Pattern[str]
    verb_re: re.Pattern[str]
    # lookup tables derived from the lists above (same answers, fewer scans)
    quoted_heads: dict[str, InitiativeKind]  # heads then quote-only heads; heads win a tie
    head_lengths: tuple[int, ...]  # lengths of ``heads``, longest first
    quoted_head_lengths: tuple[int, ...]  # lengths of ``quoted_heads``, longest first
    strip_set: frozenset[str]  # ``leading_strip`` as a set
    strip_lengths: tuple[int, ...]  # lengths of ``leading_strip``, longest first
    heads_unbroken: bool  # no head holds a clause break (so a clause's heads are found in its sentence)
    scan_re: re.Pattern[str]  # what each reader needs in a sentence: 《, “ or a head
    scan_unbroken: bool  # no head holds a sentence break (so a head lies inside one sentence)


def _kinds(table: dict[str, list[str]]) -> dict[str, InitiativeKind]:
    out: dict[str, InitiativeKind] = {}
    for kind, words in table.items():
        for word in words:
            out[word] = InitiativeKind(kind)
    return out


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw: dict[str, Any] = load_json("initiatives.json")
    heads = _kinds(raw["heads"])
    quoted_heads = {**_kinds(raw["quote_only_heads"]), **heads}
    return _Vocab(
        heads=heads,
        quote_heads=_kinds(raw["quote_only_heads"]),
        title_heads=_kinds(raw["title_heads"]),
        title_other_followers=tuple(raw["title_other_followers"]),
        bad_followers=tuple(raw["bad_followers"]),
        verbs=tuple(raw["verbs"]),
        leading_strip=tuple(sorted(raw["leading_strip"], key=len, reverse=True)),
        generic_words=tuple(sorted(raw["generic_words"], key=len, reverse=True)),
        context_verbs=tuple(raw["context_verbs"]),
        no_region_prefixes=tuple(raw["event_region_none_prefixes"]),
        national_prefixes=tuple(raw["national_prefixes"]),
        owner_links=tuple(sorted(raw["owner_links"], key=len, reverse=True)),
        weak_kinds=frozenset(InitiativeKind(k) for k in raw["weak_head_kinds"]),
        trailing_strip=tuple(raw["trailing_strip"]),
        goal_enders=tuple(raw["goal_enders"]),
        product_suffixes=tuple(raw["product_suffixes"]),
        report_heads=frozenset(raw["report_heads"]),
        release_verbs=tuple(raw["release_verbs"]),
        designation_followers=tuple(raw["designation_followers"]),
        honour_titles=tuple(raw["honour_titles"]),
        honour_verbs=tuple(raw["honour_verbs"]),
        verb_like_heads=frozenset(raw["verb_like_heads"]),
        verb_like_allowed=tuple(raw["verb_like_allowed_followers"]),
        predicate_before_head=tuple(raw["predicate_before_head"]),
        adjective_before_head=tuple(raw["adjective_before_head"]),
        adjective_exceptions=tuple(raw["adjective_exceptions"]),
        pointer_prefixes=tuple(raw["pointer_prefixes"]),
        routine_meetings=tuple(raw["routine_meetings"]),
        title_skip_suffixes=tuple(raw["title_skip_suffixes"]),
        foreign_publishers=tuple(raw["foreign_publishers"]),
        national_words=tuple(raw["national_words"]),
        national_document_prefixes=tuple(raw["national_document_prefixes"]),
        enterprise_followers=tuple(raw["enterprise_designation_followers"]),
        zone_heads=frozenset(raw["zone_heads"]),
        locative_before=tuple(raw["locative_before"]),
        goal_verbs=tuple(raw["goal_verbs"]),
        adopted_names=frozenset(raw["adopted_names"]),
        adoption_verbs=tuple(raw["adoption_verbs"]),
        named_generic_heads=frozenset(raw["named_generic_heads"]),
        named_generic_min=int(raw["named_generic_min_length"]),
        named_generic_domain=tuple(raw["named_generic_domain_words"]),
        named_generic_blockers=tuple(raw["named_generic_blockers"]),
        problem_followers=tuple(raw["problem_followers"]),
        body_followers=tuple(raw["body_followers"]),
        service_list_re=re.compile(
            f"[^{re.escape(_LIST_BREAK)}]{{0,30}}?等(?:“[^”]{{1,8}}”)?(?:{_alternation(raw['service_list_enders'])})"
        ),
        service_list_kinds=frozenset(InitiativeKind(k) for k in raw["service_list_kinds"]),
        zone_followers=tuple(raw["zone_followers"]),
        demand_verbs=tuple(sorted(raw["demand_verbs"], key=len, reverse=True)),
        problem_enders=tuple(raw["problem_enders"]),
        purpose_followers=tuple(raw["quote_purpose_followers"]),
        enterprise_labels=tuple(sorted(raw["enterprise_labels"], key=len, reverse=True)),
        newspaper_exceptions=tuple(raw["newspaper_exceptions"]),
        alias_introducers=tuple(raw["alias_introducers"]),
        place_zone_words=tuple(raw["place_zone_words"]),
        future_markers=tuple(raw["future_markers"]),
        future_kinds=frozenset(InitiativeKind(k) for k in raw["future_kinds"]),
        proposal_markers=tuple(raw["proposal_markers"]),
        name_verb_phrases=tuple(raw["name_verb_phrases"]),
        deal_enders=tuple(raw["deal_enders"]),
        event_bad_followers=tuple(raw["event_bad_followers"]),
        award_bad_followers=tuple(raw["award_bad_followers"]),
        activity_heads=frozenset(raw["activity_heads"]),
        heads_before_building=frozenset(raw["heads_before_building"]),
        company_markers=tuple(raw["company_markers"]),
        quote_goal_verbs=tuple(raw["quote_goal_verbs"]),
        descriptive_prefixes=tuple(raw["descriptive_prefixes"]),
        figurative_before=tuple(raw["figurative_before"]),
        designation_heads=frozenset(raw["designation_heads"]),
        national_only_heads=frozenset(raw["national_only_heads"]),
        head_re=re.compile(f"(?:{_alternation([*heads, '奖'])})"),
        verb_re=re.compile(f"(?:{_alternation(raw['verbs'])})"),
        quoted_heads=quoted_heads,
        head_lengths=_lengths(heads),
        quoted_head_lengths=_lengths(quoted_heads),
        strip_set=frozenset(raw["leading_strip"]),
        strip_lengths=_lengths(raw["leading_strip"]),
        heads_unbroken=not any(ch in _CLAUSE_BREAK for head in heads for ch in head),
        scan_re=re.compile(_alternation(["《", "“", *heads, "奖"])),
        scan_unbroken=not any(ch in BREAK_CHARS for head in heads for ch in head),
    )


def _lengths(words: Iterable[str]) -> tuple[int, ...]:
    return tuple(sorted({len(w) for w in words}, reverse=True))


@attrs.frozen
class _Candidate:
    name: str
    kind: InitiativeKind
    start: int  # offsets into the document text of the name's span
    end: int
    sentence: Sentence
    priority: int  # 0 title, 1 quote, 2 unquoted


# ---------------------------------------------------------------- name helpers

_OWNER_REACH = 16  # how far before a name its owner place is looked for
_ORDINAL = re.compile(rf"^第[{_NUMERAL}]+[届次期个批]")
_DATE_PREFIX = re.compile(
    rf"^(?:[0-9０-９]{{4}}年(?:度)?(?:[0-9０-９]{{1,2}}月(?:[0-9０-９]{{1,2}}日)?)?|[0-9０-９]{{4}}(?=[{_CJK}])"
    rf"|[{_NUMERAL}]+[个项次场家批年届])"
)
_AWARD = re.compile(rf"^(?:中国|[{_CJK}]{{2,3}}[省市]|[省市]级)[{_CJK}]{{1,6}}奖$")
# a grade of an award is the award (中国专利金奖 -> 中国专利奖); 优秀奖 is an award of its own
_AWARD_GRADE = re.compile(r"奖?(?:金|银|铜)奖$|奖评选$")
_COUNT_BEFORE = re.compile(rf"(?<![唯{_NUMERAL}])[{_NUMERAL}]+[家个项]$")
_COUNTED_HEAD = re.compile(rf"^(.+?)[{_NUMERAL}]+[个项]([{_CJK}]{{1,4}})$")
_NUMBERED_QUOTE = re.compile(rf"^[{_NUMERAL}]+[个项条级大]")
# a counted quote that is an amount (两个10亿) or a place (一条街), not a set of measures
_NOT_NUMBERED_NAME = re.compile(r"[0-9０-９][万亿元倍%％]|^[一两]条[^款例]")
# a counted summary of a list before it: …三大体系
_COUNT_SUMMARY = re.compile(rf"[{_NUMERAL}]+大[{_CJK}]{{0,2}}$")
# a rank or a uniqueness before a name: 我省第二家…试点城市, 河北省唯一一家国家…基地
_RANK_PREFIX = re.compile(rf"^[{_CJK}]{{0,6}}?(?:唯一|第[{_NUMERAL}]+)[一]?[家个所批](?=[{_CJK}]{{4}})")
_SENTENCE_QUOTE = re.compile(r"[，,。；;！？!?]")
_TITLE_TAIL = re.compile(r"[（(][^（）()]*[）)]$")
_JOINERS = re.compile(r"[和与及、的]")
_NUMBERED_TAIL = re.compile(rf"[{_NUMERAL}]+条$")
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_QUOTE = re.compile(r"“([^“”\n]{1,40})”")
_PROTECTED = re.compile(r"“[^“”\n]{1,40}”|《[^《》\n]{1,80}》")
_CLAUSE = re.compile(f"[^{re.escape(_CLAUSE_BREAK)}]+")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_STOP = re.compile(r"[，。；;,]")
_QUOTED_EVENTS = re.compile(r"(?:“[^”]*”)*等[^，。；]{0,14}(?:活动|行动|项目)")
_DESIGNATION = re.compile(r"(培育|试点|示范)")
_TRUST_PLAN = re.compile(r"资产支持|专项计划|证券化")
_COORDINATION = re.compile(r"[和及与、]")
_FOLD = re.compile(r"[\s“”‘’\"']")
_QUOTE_PREFIX = re.compile(r"^“[^“”]{1,8}”")


def _strip_leading(name: str) -> str:
    vocab = _vocab()
    words, lengths = vocab.strip_set, vocab.strip_lengths
    changed = True
    while changed and name:
        changed = False
        for size in lengths:  # the longest word that starts the name and leaves something
            if len(name) > size and name[:size] in words:
                name = name[size:]
                changed = True
                break
        m = _DATE_PREFIX.match(name) or _RANK_PREFIX.match(name)
        if m and m.end() < len(name):
            name = name[m.end() :]
            changed = True
    return name


def _is_generic(name: str, head: str) -> bool:
    """True when the modifier before ``head`` is only generic words."""
    core = name[: len(name) - len(head)] if name.endswith(head) else name
    for prefix in _vocab().national_prefixes:
        if core.startswith(prefix):
            core = core[len(prefix) :]
    for word in _vocab().generic_words:
        core = core.replace(word, "")
    core = _JOINERS.sub("", core)
    return len(core) < 2


def _named_generic(name: str, head: str) -> bool:
    """True when a generic-only ``name`` still names a system: 知识产权质押融资服务体系, 金融服务机制.

    It must end in a system head (体系/机制/模式), be long enough, hold a domain word and
    no blocker (传统融资模式 is a contrast, 法规政策体系 a body of rules).
    """
    vocab = _vocab()
    return (
        head in vocab.named_generic_heads
        and len(name) >= vocab.named_generic_min
        and any(w in name for w in vocab.named_generic_domain)
        and not any(w in name for w in vocab.named_generic_blockers)
    )


def _head_kind(name: str, *, quoted: bool = False) -> tuple[str, InitiativeKind] | None:
    vocab = _vocab()
    table, lengths = (
        (vocab.quoted_heads, vocab.quoted_head_lengths) if quoted else (vocab.heads, vocab.head_lengths)
    )
    for size in lengths:  # the longest head the name ends with
        if len(name) >= size:
            kind = table.get(name[len(name) - size :])
            if kind is not None:
                return name[len(name) - size :], kind
    if quoted and _NUMBERED_TAIL.search(name):
        return ("条", InitiativeKind.REGULATION)
    return None


def _normalise_award(name: str) -> str:
    name = _ORDINAL.sub("", name)
    return _AWARD_GRADE.sub("奖", name)


# ---------------------------------------------------------------- finders


def _titles(text: str, sentence: Sentence) -> list[_Candidate]:
    vocab = _vocab()
    out: list[_Candidate] = []
    for m in _TITLE.finditer(sentence.text):
        inner = m.group(1).strip()
        after = sentence.text[m.end() : m.end() + 4]
        bare = _TITLE_TAIL.sub("", inner)
        if bare.endswith(vocab.title_skip_suffixes) or bare in vocab.title_heads:
            continue  # a newspaper, a certificate, or a short back-reference: 《纲要》
        if any(p in sentence.text[max(0, m.start() - 24) : m.start()] for p in vocab.foreign_publishers):
            continue  # a foreign body's report: 世界知识产权组织发布的《全球创新指数报告》
        if len(bare) >= 3 and bare.endswith("报") and not bare.endswith(vocab.newspaper_exceptions):
            continue  # a newspaper: 《中国质量报》
        if sentence.text[max(0, m.start() - 6) : m.start()].rstrip("：:，, ").endswith(vocab.alias_introducers):
            continue  # (以下简称《海南意见》): a short form of the title before it
        kind = InitiativeKind.OTHER
        if not after.startswith(vocab.title_other_followers):
            best = ""
            for head, head_kind in vocab.title_heads.items():
                if bare.endswith(head) and len(head) > len(best):
                    best, kind = head, head_kind
        start = sentence.start + m.start()
        out.append(_Candidate(inner, kind, start, sentence.start + m.end(), sentence, 0))
    return out


def _preceding_clause(text: str, end: int, limit: int = 24) -> str:
    i = end
    while i > 0 and end - i < limit and text[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return text[i:end]


def _tail_head(text: str, pos: int) -> tuple[str, str, InitiativeKind] | None:
    """A head noun right after a closing quote: (tail text, head, kind)."""
    vocab = _vocab()
    j = pos
    while j < len(text) and j - pos < 16 and text[j] not in _CLAUSE_BREAK:
        j += 1
    window = text[pos:j]
    for m in vocab.head_re.finditer(window):
        head = m.group(0)
        if head == "奖":
            continue
        follower = window[m.end() : m.end() + 2]
        if follower.startswith(vocab.bad_followers):
            continue
        tail = window[: m.end()]
        if vocab.verb_re.search(tail[: m.start()]) or tail.startswith(("的", "等")):
            return None  # “标准化+精准化”的服务体系: the quote describes a generic head
        return tail, head, vocab.heads[head]
    return None


def _clause_rest(s: str, pos: int) -> str:
    """The text from ``pos`` to the end of its clause."""
    m = _CLAUSE.match(s, pos)
    return m.group(0) if m else ""


def _modifies_long_noun(s: str, pos: int) -> bool:
    """True when a quote is only the modifier of a long noun phrase after it."""
    if s[pos : pos + 1] in ("等", "“", "、"):
        return False
    j = pos
    while j < len(s) and s[j] not in _CLAUSE_BREAK:
        j += 1
    return j - pos >= 8


def _quotes(text: str, sentence: Sentence, sa: SentenceAnalysis | None = None) -> list[_Candidate]:
    vocab = _vocab()
    out: list[_Candidate] = []
    s = sentence.text
    chain_ok = False  # the previous quote was accepted and this one follows it directly
    goal_chain = False  # the previous quote was a goal and this one follows it directly
    prev_end = -1
    for m in _QUOTE.finditer(s):
        inner = m.group(1).strip()
        before = _preceding_clause(s, m.start())
        adjacent = chain_ok and s[prev_end : m.start()] in ("", "、", "和", "及")
        goal_chain = goal_chain and s[prev_end : m.start()] in ("", "、", "和", "及")
        chain_ok = False
        prev_end = m.end()
        if not inner or inner.startswith("‘"):
            continue
        if s.startswith(vocab.problem_followers, m.end()):
            continue  # “融资难、融资贵”问题: a problem, not a measure
        if _not_a_measure(inner, s, m.end()):
            continue  # a sentence, a problem, a goal or theme, a class of firms
        if _clause_rest(s, m.end()).endswith(vocab.body_followers):
            continue  # 打造“…”专业服务队伍: a body, read as an institution
        name, kind = inner, None
        tail = _tail_head(s, m.end())
        if tail is not None:
            head_end = sentence.start + m.end() + len(tail[0])
            if _straddles(sa, head_end - len(tail[1]), head_end):
                tail = None  # “…”双轮驱动畅通知识产权…: no 通知 across 畅通/知识产权
        if tail is None and (
            inner.endswith(vocab.product_suffixes) or (_figurative(inner, before) and not adjacent)
        ):
            continue
        end = m.end()
        bare = inner
        for word in vocab.trailing_strip:
            if bare.endswith(word) and len(bare) > len(word) + 2:
                bare = bare[: -len(word)]
        hk = _head_kind(bare, quoted=True)
        if (
            tail is None
            and hk is not None
            and hk[0] in vocab.national_only_heads
            and not bare.startswith(vocab.national_document_prefixes)
        ):
            continue  # “…专利导航服务基地”: a site; 国家…基地 is a designation
        if hk is not None and hk[0] in vocab.zone_heads and (goal_chain or before.endswith(vocab.quote_goal_verbs)):
            goal_chain = True
            continue  # 到2025年实现“…先行区”: a goal
        if tail is None and inner.startswith(vocab.demand_verbs) and (hk is None or hk[1] in vocab.weak_kinds):
            continue  # 《意见》提出“完善…机制”: a demand, not a measure in place
        if tail is None and hk is not None and hk[0] in vocab.designation_heads:
            kind = hk[1]  # a quoted designation is a name, generic words or not: “国家…试点城市”
        elif tail is not None:
            name = inner + tail[0]
            kind = tail[2]
            end = m.end() + len(tail[0])
        elif hk is not None and not _is_generic(bare, hk[0]):
            kind = hk[1]
        elif _NUMBERED_QUOTE.match(inner) and _NOT_NUMBERED_NAME.search(inner):
            continue  # 两个10亿, 一条街
        elif _NUMBERED_QUOTE.match(inner):
            kind = InitiativeKind.OTHER
        elif s[m.end() : m.end() + 4].startswith(vocab.designation_followers) and not inner.endswith(
            vocab.honour_titles
        ):
            kind = InitiativeKind.OTHER  # a designation: “…单项冠军”称号, “小巨人”企业
        elif s[m.end() : m.end() + 3].startswith(vocab.enterprise_followers):
            kind = InitiativeKind.PROGRAMME  # a designation given to enterprises: “…”小巨人企业
        elif (adjacent or any(v in before[-16:] for v in vocab.context_verbs)) and not _modifies_long_noun(
            s, m.end()
        ):
            kind = InitiativeKind.OTHER
            rest = s[m.end() : m.end() + 40]
            if _QUOTED_EVENTS.match(rest):
                kind = InitiativeKind.PROGRAMME
        if kind is None or "专项计划" in name:
            continue
        if kind is InitiativeKind.OTHER:
            hk2 = _head_kind(bare, quoted=True)
            if hk2 is not None:
                kind = hk2[1]
            elif _DESIGNATION.search(inner) or s[m.end() : m.end() + 2] == "企业":
                kind = InitiativeKind.PROGRAMME  # a designation given to enterprises: “小巨人”企业
        chain_ok = True
        out.append(_Candidate(name, kind, sentence.start + m.start(), sentence.start + end, sentence, 1))
    return out


def _figurative(inner: str, before: str) -> bool:
    """True when a quote right after 的/其 is a figure of speech (一份亮眼的“越秀方案”), not a
    long name with its own head (构建的“多层次普惠金融服务体系”)."""
    if not before.endswith(_vocab().figurative_before):
        return False
    return not (len(inner) >= 8 and _head_kind(inner, quoted=True) is not None)


def _not_a_measure(inner: str, s: str, end: int) -> bool:
    """True when the quote ``inner`` (closing at ``end`` of sentence ``s``) names no measure.

    A quote holding a sentence break is a sentence quoted; one ending in a problem word
    (“价值评估难”) is a problem; one followed by (的) a goal, theme or problem word is that goal
    (“…融合发展”的目标, “…”的核心痛点); one made only of classes of firms (“专精特新”, “独角兽”)
    names firms, not a scheme.
    """
    vocab = _vocab()
    if _SENTENCE_QUOTE.search(inner):
        return True
    rest = _clause_rest(s, end)
    if inner.endswith(vocab.problem_enders) and _head_kind(rest) is None:
        return True
    rest = rest[1:] if rest.startswith("的") else rest
    for follower in vocab.purpose_followers:
        at = rest.find(follower)
        if 0 <= at <= 2:
            return True
    core = inner
    changed = True
    while core and changed:
        changed = False
        for label in vocab.enterprise_labels:
            if core.startswith(label):
                core = core[len(label) :].lstrip("、和与")
                changed = True
                break
    return not core


def _clauses(s: str) -> Iterable[tuple[int, str]]:
    """(offset, text) of each maximal run of ``s`` without a clause break."""
    for m in _CLAUSE.finditer(s):
        yield m.start(), m.group(0)


def _protected_spans(s: str) -> list[tuple[int, int]]:
    """Spans of quotes and titles in a sentence: their heads are read elsewhere."""
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(s)]


def _released(before: str) -> bool:
    """True when the last release or honour verb in ``before`` (the sentence up to a report) is a release."""
    vocab = _vocab()
    window = before[-60:]
    best, released = -1, False
    for verb in vocab.release_verbs:
        at = window.rfind(verb)
        if at > best:
            best, released = at, True
    for verb in vocab.honour_verbs:
        at = window.rfind(verb)
        if at > best:
            best, released = at, False
    return released


def _goal(s: str, start: int) -> bool:
    """True when the last verb before ``start`` in sentence ``s`` sets a goal (打造成为…)."""
    vocab = _vocab()
    window = s[max(0, start - 60) : start]
    last = None
    for v in vocab.verb_re.finditer(window):
        last = v
    if last is None:
        return False
    return window[: last.end()].endswith(vocab.goal_verbs)


def _straddles(sa: SentenceAnalysis | None, start: int, end: int) -> bool:
    """True when the word holding document offset ``start`` began before it and ends inside
    ``start:end``: the head is read across a word boundary (畅通/知识产权 holds no 通知)."""
    if sa is None:
        return False
    word = sa.word_at(start)
    return word is not None and word.start < start and word.end < end


_FURNITURE_MAX = 16  # a verbless line this short is site furniture (经济网 中国经济论坛)


def _furniture_line(sa: SentenceAnalysis | None) -> bool:
    """True when the sentence is a short line with no verb and no date: a site's furniture."""
    if sa is None or len(sa.text.strip()) > _FURNITURE_MAX or re.search(r"[0-9０-９]", sa.text):
        return False
    return not any(w.tag in ("v", "vd", "vi") for w in sa.words)  # a verbal noun (发展/vn) is no verb


def _proposed(sa: SentenceAnalysis | None, pos: int, markers: tuple[str, ...] | None = None) -> bool:
    """True when a word marking a plan or proposal (将, 下一步, 建议, 提出…) stands before
    document offset ``pos`` in its sentence: what follows is proposed, not in place."""
    if sa is None:
        return False
    markers = _vocab().future_markers if markers is None else markers
    return any(w.surface in markers for w in sa.words if w.end <= pos)


def _phrases(text: str, sentence: Sentence, sa: SentenceAnalysis | None = None) -> list[_Candidate]:
    vocab = _vocab()
    out: list[_Candidate] = []
    s = sentence.text
    # a clause's heads are found by a search of the whole sentence (when no head holds a
    # clause break): clauses without one are skipped
    head_starts = [m.start() for m in vocab.head_re.finditer(s)]
    if not head_starts:
        return out
    if not vocab.heads_unbroken:
        head_starts = list(range(len(s)))
    protected = _protected_spans(s)
    starts = [a for a, _ in protected]
    for cstart, clause in _clauses(s):
        h = bisect.bisect_left(head_starts, cstart)
        if h == len(head_starts) or head_starts[h] >= cstart + len(clause):
            continue  # no head in this clause
        k = bisect.bisect_left(starts, cstart) - 1
        if k >= 0 and protected[k][0] < cstart < protected[k][1]:
            continue
        prev_head_end = -1
        for m in vocab.head_re.finditer(clause):
            head = m.group(0)
            # a head followed by 和/与/及 ends the first of two coordinated names
            joined = prev_head_end >= 0 and clause[prev_head_end : prev_head_end + 1] in ("和", "与", "及")
            joined_at = prev_head_end + 1 if joined else 0
            prev_head_end = m.end()
            follower = clause[m.end() : m.end() + 4] or s[cstart + m.end() : cstart + m.end() + 1]
            if (
                head != "奖"
                and follower.startswith(vocab.bad_followers)
                and not (
                    (head in vocab.zone_heads or head in vocab.heads_before_building)
                    and follower.startswith(vocab.zone_followers)
                )
            ):
                continue
            after = s[cstart + m.end() : cstart + m.end() + 1]
            if after == "《":
                continue  # 发布地方标准《…》: the title's type word; the title is read as a title
            if head in vocab.activity_heads and follower.startswith(vocab.event_bad_followers):
                continue  # 宣传培训工作: an activity
            if head in vocab.zone_heads and follower.startswith("的"):
                continue  # 用好…先行区的…政策: a place
            if _straddles(sa, sentence.start + cstart + m.start(), sentence.start + cstart + m.end()):
                continue  # 畅通知识产权…: the head's characters belong to another word
            in_service_list = vocab.service_list_re.match(s, cstart + m.end()) is not None
            if in_service_list and vocab.heads.get(head) in vocab.service_list_kinds:
                continue  # 提供…、知识产权培训等服务: a service offered
            if (
                head in vocab.verb_like_heads
                and _CJK_CHAR.match(follower)
                and not follower.startswith(vocab.verb_like_allowed)
            ):
                continue  # 系统规范知识产权…, 快速评选出…: a verb, not a head
            if m.start() > 0 and clause[m.start() - 1] in vocab.predicate_before_head:
                continue  # 评估定价有标准
            if (
                m.start() > 0
                and clause[m.start() - 1] in vocab.adjective_before_head
                and not clause[: m.start()].endswith(vocab.adjective_exceptions)
            ):
                continue  # 探索…新模式, 高标准开展: described, not named
            rest = s[cstart + m.end() : cstart + m.end() + 40]
            stop = _STOP.search(rest)
            if rest[: stop.start() if stop else len(rest)].endswith(vocab.goal_enders):
                continue
            lo = max(0, m.end() - _NAME_MAX, joined_at)
            left = clause[lo : m.end()]
            base = max(left.rfind("的"), left.rfind("等")) + 1
            ends = [
                v.end()
                for v in vocab.verb_re.finditer(left, base, max(base, len(left) - len(head)))
                if not left.startswith(vocab.name_verb_phrases, v.start())  # 优化营商环境专项行动
            ]
            # the last verb, unless the name after it is only the head (推进…金融深化工程)
            cut = ends[-1] if ends else base
            for end in reversed(ends):
                if len(_strip_leading(left[end:])) > len(head) + 1:
                    cut = end
                    break
            cut = max(cut, left.rfind("了", 0, len(left) - len(head)) + 1)  # 了 ends a clause's verb
            name = _strip_leading(left[cut:])
            if (
                any(w in name for w in vocab.company_markers)
                or name.startswith(vocab.descriptive_prefixes)
                or name.endswith(vocab.deal_enders)
            ):
                continue  # …工程有限公司, …行长, 一系列…措施
            if name.endswith(vocab.place_zone_words):
                continue  # 推动天津自贸试验区对接…: a place
            if head in vocab.national_only_heads and name.find("国家") > 0:
                name = name[name.find("国家") :]  # 现场为国家级…基地: the designation starts at 国家
            if head in vocab.national_only_heads and (
                not name.startswith(vocab.national_document_prefixes)
                or _COUNT_BEFORE.search(left[: len(left) - len(name)])
            ):
                continue  # 孵化基地: a site; 国家…基地 is a designation
            if head in vocab.zone_heads and (
                left[:cut].endswith(vocab.locative_before) or left[cut:].startswith(vocab.locative_before)
            ):
                continue  # 在…示范区建成…, 依托…示范区: a place, not a designation
            if name.startswith(vocab.pointer_prefixes) or name.endswith(vocab.routine_meetings):
                continue  # 本届大赛 points back; 常务会议 is routine
            if head not in vocab.report_heads and _COUNT_SUMMARY.search(name[: len(name) - len(head)]):
                continue  # …三大体系 sums up a list
            if head in vocab.report_heads and not _released(s[: cstart + m.end() - len(name)]):
                continue  # 获评…典型案例 is an honour won, 发布了…白皮书 a release
            if head == "奖" and follower.startswith(vocab.award_bad_followers):
                continue  # 中国专利奖奖项: the awards, not an award's name
            if head == "奖" or name.endswith("奖评选"):
                name = _normalise_award(_ORDINAL.sub("", name))
                if not _AWARD.match(name):
                    continue
                out.append(
                    _Candidate(
                        name,
                        InitiativeKind.OTHER,
                        sentence.start + cstart + m.end() - len(name),
                        sentence.start + cstart + m.end(),
                        sentence,
                        2,
                    )
                )
                continue
            name = _ORDINAL.sub("", name) if _ORDINAL.match(name) and len(name) > 6 else name
            kind = vocab.heads[head]
            if head in vocab.zone_heads and _goal(s, cstart + m.end() - len(name)):
                kind = InitiativeKind.OTHER  # 打造成为…先行区: a goal, not a designation won
            counted = _COUNTED_HEAD.match(name)
            names = [name]
            if counted and counted.group(2) == head:
                prefix = counted.group(1)
                if _head_kind(prefix) is not None:
                    continue
                names = [p + head for p in _COORDINATION.split(prefix) if p]
            for one in names:
                if len(one) <= len(head) + 1:
                    continue
                if (
                    (kind in vocab.weak_kinds or len(one) <= _SHORT_NAME)
                    and head not in vocab.report_heads
                    and _is_generic(one, head)
                    and not _named_generic(one, head)
                    and not (
                        one in vocab.adopted_names
                        and s.endswith(vocab.adoption_verbs, 0, cstart + m.end() - len(one))
                    )
                ):
                    continue  # 服务体系, 示范试点县: only generic words (实施知识产权战略 names one)
                if head == "计划" and _TRUST_PLAN.search(one):
                    continue
                if kind is InitiativeKind.EVENT and _furniture_line(sa):
                    continue  # 经济网 中国经济论坛: a site's section name, no event
                at = sentence.start + cstart + m.end() - len(one)
                if (kind in vocab.future_kinds and _proposed(sa, at)) or (
                    kind in vocab.weak_kinds and _proposed(sa, at, vocab.proposal_markers)
                ):
                    continue  # 下一步…将…健全风险补偿体系: proposed, not in place
                # coordinated names share the span of the whole phrase
                start = sentence.start + cstart + m.end() - (len(one) if len(names) == 1 else len(name))
                out.append(_Candidate(one, kind, start, sentence.start + cstart + m.end(), sentence, 2))
    return out


# ---------------------------------------------------------------- merging


def _fold(name: str) -> str:
    name = name.replace("（", "(").replace("）", ")").replace("—", "-").replace("－", "-")
    return _FOLD.sub("", name)


def _merge_key(name: str) -> str:
    key = _fold(name)
    key = _TITLE_TAIL.sub("", key.replace("(", "（").replace(")", "）"))
    for generic in ("团体标准", "地方标准", "省级地方标准", "规范", "标准", "活动"):
        if key.endswith(generic) and len(key) > len(generic) + 3:
            key = key[: -len(generic)]
            break
    return key


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _same_keys(ka: str, kb: str) -> bool:
    """Whether two names with merge keys ``ka`` and ``kb`` (:func:`_merge_key`) name one initiative.

    An empty key is the same as itself only.
    """
    if ka == kb:
        return True
    if not ka or not kb:
        return False
    short, long = sorted((ka, kb), key=len)
    if len(short) >= 6 and long.endswith(short):
        return True
    # the same name with a word left out: 知识产权综合改革试验 / 知识产权运用和保护综合改革试验
    if len(short) >= 6 and short[:4] == long[:4] and short[-2:] == long[-2:] and _is_subsequence(short, long):
        return True
    # an abbreviation: 百千万工程 for 百县千镇万村高质量发展工程
    return (
        len(short) <= 6
        and len(long) >= len(short) + 3
        and short[0] == long[0]
        and short[-1] == long[-1]
        and _is_subsequence(short, long)
    )


def _national_form(ka: str, kb: str) -> bool:
    """True when one key is the other with a national prefix: 国家…试点城市 / …试点城市."""
    short, long = sorted((ka, kb), key=len)
    return any(long == prefix + short for prefix in (*_vocab().national_prefixes, "国家"))


def _fuzzy_group(key: str, filed: dict[int, list[str]]) -> int | None:
    """The first group (by index) with a key :func:`_same_keys` joins to ``key``, among ``filed``
    (group -> keys ending with the last character of ``key``)."""
    if not key:
        return None
    for index in sorted(filed):
        if any(_same_keys(key, other) for other in filed[index]):
            return index
    return None


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates whose span lies inside another of equal or stronger priority.

    One sweep by start offset per priority level keeps this linear-logarithmic.
    """
    ordered = sorted(cands, key=lambda c: (c.start, -c.end))
    reach: dict[int, tuple[int, int]] = {}  # priority -> (furthest end so far, its start)
    kept: list[_Candidate] = []
    for c in ordered:
        contained = False
        for priority, (end, start) in reach.items():
            if priority <= c.priority and (end > c.end or (end == c.end and start < c.start)):
                contained = True
                break
        if not contained:
            kept.append(c)
        end, start = reach.get(c.priority, (-1, -1))
        if c.end > end:
            reach[c.priority] = (c.end, c.start)
    return kept


# ---------------------------------------------------------------- regions & dates


def _name_region(name: str, kind: InitiativeKind | None = None) -> str | bool | None:
    """Region named at the start of ``name``; ``False`` when it names none.

    National names give 中国: a name starting with 中国/全国, a document title
    (plan, regulation, standard) starting with 国家, or a name holding a
    national word (知识产权强国建设纲要).  A programme starting with 国家 is a
    designation a place wins and names none.
    """
    vocab = _vocab()
    name = _QUOTE_PREFIX.sub("", _strip_leading(name))  # “十四五”国家…规划
    if name.startswith(vocab.no_region_prefixes):
        return None
    if name.startswith(vocab.national_prefixes):
        return "中国"
    document = kind in (InitiativeKind.PLAN, InitiativeKind.REGULATION, InitiativeKind.STANDARD)
    if document and name.startswith(vocab.national_document_prefixes):
        return "中国"
    if kind is not InitiativeKind.PROGRAMME and any(w in name for w in vocab.national_words):
        return "中国"
    gazetteer_cls = getattr(_regions, "Gazetteer", None)
    if gazetteer_cls is None:
        return False
    try:
        mentions = gazetteer_cls.default().find(name[:12])
    except Exception:  # the region helper is still being built
        return False
    for mention in mentions:
        if mention.start == 0:
            return str(mention.name)
    return False


def _owner_region(text: str, start: int) -> str | None:
    """The place written right before a name as its owner: 广东省知识产权“…举措”, 某省“…工程”."""
    before = text[max(0, start - _OWNER_REACH) : start].rstrip("“《")
    for link in _vocab().owner_links:
        if before.endswith(link):
            before = before[: len(before) - len(link)]
            break
    gazetteer_cls = getattr(_regions, "Gazetteer", None)
    if gazetteer_cls is None or not before:
        return None
    try:
        mentions = gazetteer_cls.default().find(before)
    except Exception:
        return None
    for mention in mentions:
        if mention.end == len(before) and str(mention.level) != "supra":
            return str(mention.name)
    return None


def _region(doc: Document, c: _Candidate) -> str | None:
    named = _name_region(c.name, c.kind)
    if named is not False:
        return named if isinstance(named, str) else None
    owner = _owner_region(doc.text, c.start)
    if owner is not None:
        return owner
    record_region = getattr(_regions, "record_region", None)
    if record_region is not None:
        try:
            found = record_region(doc.text, c.sentence.start, c.sentence.end, c.start, doc.region)
        except Exception:
            found = None
        if isinstance(found, str):
            return found
    return doc.region


def _date(doc: Document, c: _Candidate) -> PartialDate | None:
    """The date the sentence gives the launch, if it gives one."""
    offset = c.start - c.sentence.start
    try:
        found = dates.find_dates(c.sentence.text[max(0, offset - 80) : offset + 40], doc.published)
    except Exception:
        return None
    for d in found:
        if d.relation in ("at", "since") and d.date is not None:
            return d.date
    return None


# ---------------------------------------------------------------- entry point


def extract(doc: Document, analysis: Analysis | None = None) -> list[Initiative]:
    """Every Initiative stated in ``doc.text``, each with its evidence sentence.

    One record per distinct initiative; the first mention gives the evidence,
    the longest name is kept.  Never raises on odd text.  ``analysis`` is the document's
    shared :class:`~.analysis.Analysis` (made here when not given).
    """
    text = doc.text or ""
    analysis = analysis if analysis is not None else analyse(text, doc.published, doc.region)
    vocab = _vocab()
    cands: list[_Candidate] = []
    if vocab.scan_unbroken:  # the titles, quotes and heads of the whole text tell which sentences to read
        read = analysis.holding(m.start() for m in vocab.scan_re.finditer(text))
    else:
        read = list(analysis)
    for sa in read:
        sentence = sa.sentence
        if "《" in sentence.text:
            cands.extend(_titles(text, sentence))
        if "“" in sentence.text:
            cands.extend(_quotes(text, sentence, sa))
        cands.extend(_phrases(text, sentence, sa))
    groups: list[list[_Candidate]] = []
    by_key: dict[str, int] = {}  # merge key -> its group
    # each group's merge keys, filed by last character (keys :func:`_same_keys` joins end alike)
    by_last: dict[str, dict[int, list[str]]] = {}
    for c in _select(cands):
        key = _merge_key(c.name)
        index = by_key.get(key)
        if index is None and len(groups) <= _FUZZY_LIMIT:
            index = _fuzzy_group(key, by_last.get(key[-1:], {}))
            if index is not None and any(
                o.sentence.start == c.sentence.start and not _national_form(key, _merge_key(o.name))
                for o in groups[index]
            ):
                index = None  # two names in one sentence (国家…示范区、国家…集聚发展示范区) are two
        if index is None:
            index = len(groups)
            groups.append([c])
        else:
            groups[index].append(c)
        if key not in by_key:
            by_key[key] = index
            by_last.setdefault(key[-1:], {}).setdefault(index, []).append(key)
    out: list[Initiative] = []
    for group in groups:
        first = group[0]
        best = max(group, key=lambda c: (-c.priority, len(c.name)))
        out.append(
            Initiative(
                name=best.name,
                kind=best.kind,
                evidence=Evidence(first.sentence.start, first.sentence.end, first.sentence.text),
                region=_region(doc, best),
                date=_date(doc, first),
            )
        )
    return out
