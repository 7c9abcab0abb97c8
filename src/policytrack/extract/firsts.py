"""Extraction of :class:`~policytrack.models.FirstClaim` records: claims to be first.

Each sentence is scanned for cues; the vocabulary lives in ``data/firsts.json``.

* **Cue and kind.** 首 or 第一 with a counter word (首个, 首单, 第一家, 首次,
  首度, 首破) is ``first``; 首批/第一批 is ``first_batch``; a pioneer verb (率先, 首创, 首推,
  首发, 最早) or a frame (开创…先河) is ``pioneer``.
* **Scope.** The scope word attached before the cue (全国首单, 国内首例,
  在全省率先, 全国范围内首个, 全国银行间市场首单, 国家首批) or right after 率先
  (率先在全国…); else a place name in that position, by its gazetteer level
  (广东首个, 重庆首单 → provincial: a municipality under the central government
  is at province level; 深圳首期 → municipal).  Before an adverbial cue (首次, 率先, 首创…) a place name is the
  sentence's subject, not a scope, unless it follows 在 (在广东率先).  With
  nothing attached the scope is ``unspecified``.  The speaker's own place
  (我省, 我市) scopes a counter cue (我省首个X) but, like a place name, is the
  subject before an adverbial one (我市首次出台…).
* **Subject.** What follows the cue to the end of its clause, as written: for
  首个/首单… the noun phrase, cut before a trailing predicate (…产品落地,
  …产品在X落地), an adverb, auxiliary or clause verb (…产品将于12月挂牌,
  …建设取得进展), a nominalised predicate (…产品的发行表示祝贺) or a
  ceremony (…产品发行仪式), without a leading count (首批10家X → X); of an
  enumeration (X、Y等平台) only the first item; for adverbial cues the object, without a leading verb
  (率先建立了X → X); for frames the words between (开创X先河 → X).  Coordinated
  modifiers sharing a head are split (纯专利、纯商标资产证券化产品 → two claims),
  but not a list inside a relative clause (集专利、商标于一体的平台).
* **Not claims.** Rankings (居全国首位, 全市第一: no counter word), aims and
  targets (争取率先, 到2025年，率先建成…), the first tranche of a series
  (首期X将于12月挂牌, 首期发行规模: 首期/第一期 with no scope attached), a
  speaker's own first time (我们第一次…), fixed terms (首台套, 首个工作日, 首创精神) and nominal uses
  with nothing claimed (“全省首创”项目, 首发首创).
* **Region.** A place the first happened in (…在广州开发区落地) or named in a
  quoted name in apposition (首单X——“Y区1期…专项计划”); a place inside the
  document's region used as the scope (龙华区首单 in a Shenzhen article); for a
  clause pointing back to a project (该项目是全国首单…), a place inside the
  document's region in a quoted name just before; nobody when the
  cue follows an adoption verb (接入全国首个…); a place inside the document's
  region named in the clause before a copula (…广州南沙受理窗口，成为首批…); else :func:`.regions.record_region`
  for the cue, falling back to the document's region, which also wins over a
  region that merely contains it (an institution named after the province in a
  district's article) unless that region is the agent just before the cue's
  verb (是宁波市继发行全国首单…).
* **Date.** :func:`.dates.sentence_date` of the sentence, relative to the
  publication date.

A claim repeated in one document (same scope and subject, quotes aside, or a
subject running on from an earlier one by a whole phrase) is kept once, at its
first mention.  Headlines are not part of the text, so a claim made only in the
headline is not found.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import Any

import attrs

from .._data import load_json
from ..models import Document, Evidence, FirstClaim, FirstKind, FirstScope, PartialDate, RegionLevel
from . import dates, regions
from .analysis import Analysis, analyse
from .sentences import BREAK_CHARS, Sentence

__all__ = ["extract"]

_CLAUSE_END = "，,。；;：:！!？?…\n"
_CLAUSE_END_RE = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_BREAKS = ("——", "—", "--", "（", "(")
_OPEN_QUOTES = "“‘「『《"
_CLOSE_QUOTES = "”’」』》"
_LOOKBEHIND = 24  # characters before a cue searched for its scope
_AIM_WINDOW = 10  # characters before a cue's scope searched for an aim word
_MAX_MODIFIER = 8  # longest modifier split off a coordinated subject
_MAX_AFTER = 80  # characters after a cue read for its subject
_REGION_WINDOW = 200  # characters either side of a cue shown to record_region
_ANAPHOR_WINDOW = 300  # characters before an anaphoric claim searched for the name it refers to
_QUOTED_NAME_RE = re.compile(r"“([^“”\n]{2,80})”")

_LEVEL_SCOPE = {
    RegionLevel.SUPRA: FirstScope.REGIONAL,
    RegionLevel.COUNTRY: FirstScope.NATIONAL,
    RegionLevel.PROVINCE: FirstScope.PROVINCIAL,
    RegionLevel.CITY: FirstScope.MUNICIPAL,
    RegionLevel.DISTRICT: FirstScope.DISTRICT,
    RegionLevel.ZONE: FirstScope.DISTRICT,
}


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@attrs.frozen
class _Vocab:
    counters: dict[str, FirstKind]
    pioneers: dict[str, bool]
    frames: dict[str, str]
    scopes: dict[str, FirstScope]
    fillers: tuple[str, ...]
    non_claims: tuple[str, ...]
    aims: tuple[str, ...]
    aims_adjacent: tuple[str, ...]
    adoption_verbs: tuple[str, ...]
    copulas: tuple[str, ...]
    coordinators: tuple[str, ...]
    aim_re: re.Pattern[str]
    aim_word_re: re.Pattern[str]
    non_claim_re: re.Pattern[str]
    leading_verbs: tuple[str, ...]
    stops: tuple[str, ...]
    stop_tails: tuple[str, ...]
    breaks: tuple[str, ...]
    hard_cuts: tuple[str, ...]
    event_nouns: tuple[str, ...]
    predicates: tuple[str, ...]
    enumeration_tails: tuple[str, ...]
    relative_frames: tuple[str, ...]
    anaphors: tuple[str, ...]
    anaphor_places: tuple[str, ...]
    personal_re: re.Pattern[str]
    speaker_scopes: tuple[str, ...]  # scope words that are the subject before an adverbial cue: 我市首次
    autonomous_scopes: frozenset[str]  # 全区: the autonomous region in a city's or the region's own article
    autonomous_suffixes: tuple[str, ...]  # 自治区
    relative_scope_verbs: tuple[str, ...]  # 湖南省发行的首单: verbs of a relative clause a place opens
    relative_leads: tuple[str, ...]  # 这是, 也是: what may stand before that place
    relative_scope_re: re.Pattern[str]  # 我市挂牌运行的(第一个): a scope word heading a short relative clause
    adverbial_counters: frozenset[str]
    tranche_counters: frozenset[str]
    count_prefix_re: re.Pattern[str]
    stop_compounds: tuple[str, ...]
    prefixes: tuple[str, ...]
    head_starts: tuple[str, ...]
    cue_re: re.Pattern[str]
    cues_unbroken: bool  # no cue holds a sentence break (so a cue lies inside one sentence)
    scope_before_re: re.Pattern[str]
    scope_after_re: re.Pattern[str]
    scope_start_re: re.Pattern[str]
    tally_re: re.Pattern[str]  # 三项纪录 closing a list of claims


def load_vocabulary() -> dict[str, Any]:
    """The raw contents of ``data/firsts.json``."""
    data: dict[str, Any] = load_json("firsts.json")
    return data


@cache
def _vocab() -> _Vocab:
    raw = load_vocabulary()
    counters = {c: FirstKind(k) for c, k in raw["counters"].items()}
    pioneers = {str(c): bool(v) for c, v in raw["pioneer_cues"].items()}
    frames = {str(c): str(v) for c, v in raw["frame_cues"].items()}
    scopes = {w: FirstScope(s) for w, s in raw["scopes"].items()}
    fillers = tuple(raw["scope_fillers"])
    adverbial_counters = frozenset(raw["adverbial_counters"])
    measure_words = "".join(re.escape(c) for c in counters if c not in adverbial_counters)
    # the lookahead only says which characters a cue starts with: the scan skips the others fast
    cue_starts = "".join(sorted({"首", "第", *(w[0] for w in (*pioneers, *frames))}))
    cue_re = re.compile(
        rf"(?=[{re.escape(cue_starts)}])"
        rf"(?:(?P<counter>(?:首|第一)(?:{_alternation(counters)}))"
        rf"|(?P<pioneer>{_alternation(pioneers)})"
        rf"|(?P<frame>{_alternation(frames)}))"
    )
    scope_words = _alternation(scopes)
    filler_words = _alternation(fillers)
    domain_words = _alternation(raw["scope_domains"])
    # a scope word, then a filler (范围内) or a short qualifier closed by a domain word (银行间市场)
    scope_tail = rf"(?:{filler_words}|[\u4e00-\u9fffA-Za-z]{{0,6}}?(?:{domain_words}))?"
    return _Vocab(
        counters=counters,
        pioneers=pioneers,
        frames=frames,
        scopes=scopes,
        fillers=fillers,
        non_claims=tuple(raw["cue_non_claims"]),
        aims=tuple(raw["aim_words"]),
        aims_adjacent=tuple(raw["aim_words_adjacent"]),
        adoption_verbs=tuple(raw["adoption_verbs"]),
        copulas=tuple(raw["copulas"]),
        coordinators=tuple(sorted(raw["coordinators"], key=len, reverse=True)),
        aim_word_re=re.compile(_alternation(raw["aim_words"])),
        non_claim_re=re.compile(_alternation(raw["cue_non_claims"])),
        aim_re=re.compile("|".join(f"(?:{p})" for p in raw["aim_patterns"])),
        leading_verbs=tuple(sorted(raw["leading_verbs"], key=len, reverse=True)),
        stops=tuple(raw["subject_stops"]),
        stop_tails=tuple(raw["subject_stop_tails"]),
        breaks=tuple(raw["subject_breaks"]),
        hard_cuts=tuple(raw["subject_hard_cuts"]),
        event_nouns=tuple(sorted(raw["event_nouns"], key=len, reverse=True)),
        predicates=tuple(
            sorted(
                {*raw["subject_stops"], *raw["subject_stop_tails"], *raw["leading_verbs"]},
                key=len,
                reverse=True,
            )
        ),
        enumeration_tails=tuple(raw["enumeration_tails"]),
        relative_frames=tuple(raw["relative_frames"]),
        anaphors=tuple(raw["anaphors"]),
        anaphor_places=tuple(raw["anaphor_places"]),
        personal_re=re.compile("|".join(f"(?:{p})" for p in raw["personal_subjects"])),
        speaker_scopes=tuple(raw["speaker_scopes"]),
        autonomous_scopes=frozenset(raw["autonomous_scopes"]),
        autonomous_suffixes=tuple(raw["autonomous_suffixes"]),
        relative_scope_verbs=tuple(raw["relative_scope_verbs"]),
        relative_leads=tuple(raw["relative_leads"]),
        relative_scope_re=re.compile(rf"(?P<scope>{_alternation(raw['relative_scopes'])})[\u4e00-\u9fff]{{2,6}}的$"),
        adverbial_counters=adverbial_counters,
        tranche_counters=frozenset(raw["tranche_counters"]),
        count_prefix_re=re.compile(rf"[0-9０-９一二三四五六七八九十两百千]+[{measure_words}]"),
        stop_compounds=tuple(raw["stop_compounds"]),
        prefixes=tuple(sorted(raw["subject_prefixes"], key=len, reverse=True)),
        head_starts=tuple(raw["head_starts"]),
        cue_re=cue_re,
        cues_unbroken=not any(
            ch in BREAK_CHARS for word in ("首", "第一", *counters, *pioneers, *frames) for ch in word
        ),
        scope_before_re=re.compile(rf"在?(?P<scope>{scope_words}){scope_tail}的?$"),
        scope_after_re=re.compile(rf"在(?P<scope>{scope_words})(?:{filler_words})?"),
        scope_start_re=re.compile(rf"(?P<scope>{scope_words})"),
        tally_re=re.compile(
            rf"(?:[0-9０-９]{{1,2}}|[一二两三四五六七八九十]{{1,2}})[项个](?:{_alternation(raw['tally_nouns'])})$"),
    )


@attrs.frozen
class _Scope:
    scope: FirstScope
    start: int  # where the scope phrase starts in the sentence (the cue's start if none)
    is_place: bool = False  # a place name (广东首个), which may also be the claimant
    place: str | None = None  # its canonical name


def _clause_bounds(text: str) -> list[int]:
    return [m.start() for m in _CLAUSE_END_RE.finditer(text)]


@lru_cache(maxsize=256)
def _in_autonomous_region(context: str | None) -> bool:
    """True when ``context`` is an autonomous region, or a city in one (not a district: there 全区 is the district)."""
    if not context:
        return False
    try:
        gazetteer = regions.Gazetteer.default()
        region = gazetteer.get(context)
        if region is None or RegionLevel(region.level) not in (RegionLevel.PROVINCE, RegionLevel.CITY):
            return False
        names = [region.name, *(r.name for r in gazetteer.ancestors(region.name))]
    except Exception:
        return False
    return any(str(n).endswith(_vocab().autonomous_suffixes) for n in names)


def _scope_word(text: str, cue_start: int, clause_start: int, context: str | None = None) -> _Scope | None:
    """The scope word attached right before the cue (全国首单, 在全省率先, 全国范围内首个).

    全区 in an article about an autonomous region or one of its cities means the region: provincial.
    """
    v = _vocab()
    lo = max(clause_start, cue_start - _LOOKBEHIND)
    m = v.scope_before_re.search(text, lo, cue_start)
    if m:
        word = m.group("scope")
        if word in v.autonomous_scopes and _in_autonomous_region(context):
            return _Scope(FirstScope.PROVINCIAL, m.start())
        return _Scope(v.scopes[word], m.start())
    m = v.relative_scope_re.search(text, max(clause_start, cue_start - 9), cue_start)
    if m:
        return _Scope(v.scopes[m.group("scope")], m.start())
    return None


def _scope_place(
    text: str, cue_start: int, clause_start: int, adverbial: bool, context: str | None
) -> _Scope | None:
    """A place name in the scope position, by its level (广东首个, 在深圳率先)."""
    v = _vocab()
    lo = max(clause_start, cue_start - _LOOKBEHIND)
    core = text[lo:cue_start].removesuffix("的")
    for filler in v.fillers:
        if core.endswith(filler):
            core = core[: -len(filler)]
            break
    for mention in regions.Gazetteer.default().find(core, context):
        if mention.end != len(core):
            continue
        before = core[: mention.start]
        if adverbial and not before.endswith("在"):
            continue
        scope = _place_scope(mention)
        if scope is None:
            continue
        start = lo + mention.start - (1 if before.endswith("在") else 0)
        return _Scope(scope, start, is_place=True, place=mention.name)
    return _relative_place(text, cue_start, clause_start, context)


def _place_scope(mention: regions.RegionMention) -> FirstScope | None:
    """A place's scope by its level; a municipality (北京市, 天津市, 上海首个) is a 市: municipal."""
    level = RegionLevel(mention.level)
    if level is RegionLevel.PROVINCE and mention.name.endswith("市"):
        return FirstScope.MUNICIPAL
    return _LEVEL_SCOPE.get(level)


def _relative_place(text: str, cue_start: int, clause_start: int, context: str | None) -> _Scope | None:
    """A place opening a relative clause before the cue (这是湖南省发行的首单…, 内蒙古自治区布局建设的
    第一家…): first within that place.  The clause between the place and 的 is short and holds one
    of the verbs in ``relative_scope_verbs``."""
    v = _vocab()
    head = text[clause_start:cue_start]
    if not head.endswith("的") or len(head) > _LOOKBEHIND + 12:
        return None
    body = head[:-1]
    for mention in reversed(regions.Gazetteer.default().find(body, context)):
        lead = body[: mention.start]
        gap = body[mention.end :]
        if (lead and not lead.endswith(v.relative_leads)) or not gap or len(gap) > 8:
            continue
        if not any(verb in gap for verb in v.relative_scope_verbs):
            continue
        scope = _place_scope(mention)
        if scope is None:
            continue
        return _Scope(scope, clause_start + mention.start, is_place=True, place=mention.name)
    return None


def _is_aim(text: str, anchor: int, clause_start: int) -> bool:
    v = _vocab()
    if v.aim_re.search(text, max(0, anchor - _LOOKBEHIND * 2), anchor):
        return True
    before = text[clause_start:anchor]
    if before.endswith(v.aims_adjacent):
        return True
    return v.aim_word_re.search(before, max(0, len(before) - _AIM_WINDOW)) is not None


def _is_compound(text: str, pos: int, compounds: tuple[str, ...]) -> bool:
    """Whether the character at ``pos`` is part of one of ``compounds``."""
    for word in compounds:
        for i, ch in enumerate(word):
            if ch == text[pos] and pos >= i and text[pos - i : pos - i + len(word)] == word:
                return True
    return False


def _cut_breaks(subject: str) -> str:
    for mark in _BREAKS:
        i = subject.find(mark)
        if i >= 0:
            subject = subject[:i]
    return subject


@cache
def _predicate_words() -> tuple[str, ...]:
    """Stop words and stop tails, longest first (the words :func:`_only_predicate` reads)."""
    v = _vocab()
    return tuple(sorted({*v.stops, *v.stop_tails}, key=len, reverse=True))


def _only_predicate(rest: str) -> bool:
    """Whether ``rest`` is nothing but predicate words (正式挂牌成立, 落地了)."""
    words = _predicate_words()
    pos = 0
    while pos < len(rest):
        word = next((w for w in words if rest.startswith(w, pos)), None)
        if word is None:
            return False
        pos += len(word)
    return True


def _breaks_at(subject: str, i: int, word: str) -> bool:
    """Whether ``word`` at ``i`` ends the noun phrase: no 的 after it, not inside a compound."""
    return "的" not in subject[i:] and not any(
        _is_compound(subject, i + k, _vocab().stop_compounds) for k in range(len(word))
    )


def _de_predicate(subject: str, i: int) -> bool:
    """Whether the 的 at ``i`` starts a nominalised predicate (X的发行, X的发行表示…)."""
    v = _vocab()
    rest = subject[i + 1 :]
    verb = next((w for w in v.predicates if rest.startswith(w)), None)
    if verb is None:
        return False
    tail = rest[len(verb) :]
    return not tail or tail.startswith((*v.breaks, *v.event_nouns))


def _cut_stops(subject: str) -> tuple[str, str]:
    """Cut a noun phrase before a trailing predicate; returns (subject, rest)."""
    v = _vocab()
    best = len(subject)
    for cut in v.hard_cuts:
        i = subject.find(cut, 1)
        if 0 < i < best:
            best = i
    head = subject[:best]
    for i, ch in enumerate(head):
        if ch == "的" and i >= 2 and _de_predicate(head, i):
            best = i
            break
    for word in v.breaks:
        i = head.find(word, 2)
        while 0 <= i < best:
            if _breaks_at(head, i, word):
                best = i
                break
            i = head.find(word, i + 1)
    for stop in v.stops:
        i = head.find(stop, 2)
        while 0 <= i < best:
            if _only_predicate(head[i:best]):
                best = i
                break
            i = head.find(stop, i + 1)
    return _drop_event_noun(subject[:best]), subject[best:]


def _drop_event_noun(subject: str) -> str:
    """X发行仪式 -> X: a ceremony named after the first thing is not the thing."""
    v = _vocab()
    noun = next((w for w in v.event_nouns if subject.endswith(w)), None)
    if noun is None or len(subject) - len(noun) < 2:
        return subject
    core = subject[: -len(noun)]
    while True:
        verb = next((w for w in v.predicates if core.endswith(w) and len(core) - len(w) >= 2), None)
        if verb is None:
            return core
        core = core[: -len(verb)]


def _strip_quotes(subject: str) -> str:
    subject = subject.strip(" \t\u3000")
    opens = sum(subject.count(q) for q in _OPEN_QUOTES)
    closes = sum(subject.count(q) for q in _CLOSE_QUOTES)
    if closes > opens and subject and subject[-1] in _CLOSE_QUOTES:
        subject = subject[:-1]
    elif opens > closes and subject and subject[0] in _OPEN_QUOTES:
        subject = subject[1:]
    return subject


def _strip_prefixes(subject: str) -> str:
    """Drop qualifiers (全省唯一X) and a count (首批10家X) from the start of a subject."""
    v = _vocab()
    for prefix in v.prefixes:
        if subject.startswith(prefix) and len(subject) > len(prefix) + 1:
            subject = subject[len(prefix) :]
            break
    m = v.count_prefix_re.match(subject)
    if m and len(subject) - m.end() >= 2:
        subject = subject[m.end() :]
    return subject


def _strip_leading_verb(subject: str) -> str:
    subject = subject.removeprefix("了")
    if subject.endswith("之一"):
        return subject  # 最早开展X的城市之一: the verb belongs to the relative clause
    for verb in _vocab().leading_verbs:
        if subject.startswith(verb):
            rest = subject[len(verb) :].removeprefix("了")
            if len(rest) >= 2 and not rest.startswith("的"):
                return rest
            break
    return subject


def _distribute(parts: list[str], strict: bool) -> list[str] | None:
    """Split coordinated modifiers that share the last part's head noun."""
    *mods, last = parts
    if any(not m or len(m) > _MAX_MODIFIER or len(m) >= len(last) for m in mods):
        return None
    starts = [i for i in (last.find(h, 1) for h in _vocab().head_starts) if i > 0]
    if starts:
        head = last[min(starts) :]
    elif all(len(m) == len(mods[0]) for m in mods) and all(m[0] == last[0] for m in mods) and not strict:
        head = last[len(mods[0]) :]
    else:
        return None
    if len(head) < 2:
        return None
    return [m if m.endswith(head) else m + head for m in mods] + [last]


def _split_coordination(subject: str) -> list[str]:
    v = _vocab()
    if any(frame in subject for frame in v.relative_frames):
        return [subject]  # 集A、B于一体的平台: the list is inside a relative clause
    if "、" in subject:
        parts = subject.split("、")
        last = parts[-1]
        for tail in v.enumeration_tails:
            k = last.rfind(tail)
            if k > 0 and len(last) - k - len(tail) <= 4 and len(parts[0]) >= 2:
                return [parts[0]]  # X、Y等平台: the cue claims only the first item
        return _distribute(parts, strict=False) or [subject]
    for conj in ("和", "与", "及"):
        if subject.count(conj) == 1:
            left, right = subject.split(conj)
            if len(left) <= 6:
                split = _distribute([left, right], strict=True)
                if split:
                    return split
    return [subject]


def _is_place_name(words: str, context: str | None) -> bool:
    """``words`` is one place name and nothing else (贵州省, 深圳)."""
    return any(m.start == 0 and m.end == len(words) for m in regions.Gazetteer.default().find(words, context))


def _truncate_at_next_cue(subject: str, context: str | None = None) -> str:
    """End a subject before a coordinator that starts another claim (X、全国首批Y; X和首单Y;
    X、江苏省首单Y)."""
    v = _vocab()
    if not any(coord in subject for coord in v.coordinators):
        return subject
    for m in v.cue_re.finditer(subject):
        head = subject[: m.start()]
        for coord in v.coordinators:
            k = head.rfind(coord)
            if k <= 0:
                continue
            between = head[k + len(coord) :]
            if not between or v.scope_before_re.match(between) or (
                    len(between) <= _MAX_MODIFIER and _is_place_name(between, context)):
                return subject[:k]
    return subject


def _drop_tally(subject: str) -> str:
    """Drop a tally closing a list of claims (…及首单Y三项纪录): it counts them, it is no part of Y."""
    m = _vocab().tally_re.search(subject)
    return subject[: m.start()] if m and m.start() >= 2 else subject


def _shared_scope(text: str, cue_start: int, clause_start: int, context: str | None) -> FirstScope:
    """The scope of the earlier claims joined to this cue by a coordinator (全国首家X、首个Y),
    when they all have one scope; unspecified when their scopes differ."""
    v = _vocab()
    head = text[max(clause_start, cue_start - _MAX_AFTER) : cue_start]
    if not head.endswith(v.coordinators):
        return FirstScope.UNSPECIFIED
    offset = cue_start - len(head)
    scopes: set[FirstScope] = set()  # 全国首单X、江苏省首单Y及首单Z: the list's scopes differ, Z has none
    for m in v.cue_re.finditer(head):
        if m.group("counter"):
            start = offset + m.start()
            found = _scope_word(text, start, clause_start, context) or _scope_place(
                text, start, clause_start, False, context)
            scopes.add(found.scope if found else FirstScope.UNSPECIFIED)
    return scopes.pop() if len(scopes) == 1 else FirstScope.UNSPECIFIED


@attrs.frozen
class _Reading:
    kind: FirstKind
    scope: FirstScope
    subjects: list[str]
    anchor: int  # start of the scope phrase or cue, in the sentence
    region_anchor: int  # where the claimant is looked for: before a scope word, after a place name
    place: str | None  # a place the first happened in, named after the subject
    claimless: bool  # the cue follows an adoption verb: nobody's first here
    previous_clause: str  # the clause before, when the cue's clause starts with a copula (成为首批)
    anaphoric: bool  # the clause refers back to something named before (该项目是全国首单…)
    agent: str | None  # a place just before the cue's verb (是宁波市继发行全国首单…)


def _read(text: str, m: re.Match[str], bounds: list[int], context: str | None) -> _Reading | None:
    """Read one cue in a sentence; None when it is not a claim."""
    v = _vocab()
    cue = m.group()
    if v.non_claim_re.match(text, m.start()):
        return None
    i = bisect.bisect_left(bounds, m.start())
    clause_start = bounds[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(bounds, m.end())
    clause_end = bounds[j] if j < len(bounds) else len(text)

    counter = m.group("counter")
    kind = v.counters[counter[-1]] if counter else FirstKind.PIONEER
    adverbial = not counter or counter[-1] in v.adverbial_counters
    found = _scope_word(text, m.start(), clause_start, context)
    if found and adverbial and text.startswith(v.speaker_scopes, found.start):
        found = None  # 我市首次出台…: the speaker's place is the subject, as a place name would be
    scope = found.scope if found else FirstScope.UNSPECIFIED
    anchor = found.start if found else m.start()
    if _is_aim(text, anchor, clause_start):
        return None

    after = text[m.end() : min(clause_end, m.end() + _MAX_AFTER)]
    nxt = v.cue_re.search(after)
    if nxt and (nxt.start() == 0 or v.scope_before_re.search(after, 0, nxt.start())):
        # another claim starts here (全国首个X全省首家Y); a bare cue ends this one (首发首创)
        scoped = v.scope_before_re.search(after, 0, nxt.start())
        after = after[: scoped.start() if scoped else nxt.start()]
        for coord in v.coordinators:
            if after.endswith(coord):
                after = after[: -len(coord)]
                break
    place: str | None = None
    if m.group("frame"):
        closer = after.find(v.frames[cue])
        if closer < 0:
            return None
        subject = after[:closer].removeprefix("了")
        sm = v.scope_start_re.match(subject)
        if sm and scope is FirstScope.UNSPECIFIED:
            scope = v.scopes[sm.group("scope")]
            subject = subject[sm.end() :]
        subject = subject.removesuffix("的").removesuffix("之")
    elif adverbial:
        sm = v.scope_after_re.match(after)
        if sm:
            if scope is FirstScope.UNSPECIFIED:
                scope = v.scopes[sm.group("scope")]
            after = after[sm.end() :]
        subject = _strip_leading_verb(_cut_breaks(after))
    else:
        subject, rest = _cut_stops(_cut_breaks(after))
        if rest.startswith("在"):
            for mention in regions.Gazetteer.default().find(rest[1:], context):
                if mention.start == 0:
                    place = regions.Gazetteer.default().canonical(mention.name) or mention.name
                break
        subject = _strip_prefixes(subject)

    if not subject or subject[0] in _CLOSE_QUOTES or v.cue_re.match(subject):
        return None  # nominal use: “全省首创”项目, 首发首创
    subject = _strip_quotes(_drop_tally(_truncate_at_next_cue(subject, context)))
    if len(subject) < 2:
        return None
    if scope is FirstScope.UNSPECIFIED:
        found = _scope_place(text, m.start(), clause_start, adverbial, context)
        if found:
            scope, anchor = found.scope, found.start
        elif counter and not adverbial:
            scope = _shared_scope(text, m.start(), clause_start, context)
    if m.group("pioneer") and v.pioneers[cue] and scope is FirstScope.UNSPECIFIED:
        return None
    if (
        counter
        and adverbial
        and scope is FirstScope.UNSPECIFIED
        and v.personal_re.search(text, max(clause_start, anchor - _MAX_AFTER), anchor)
    ):
        return None  # “我们第一次拿到贷款”: a speaker's own experience
    if counter and counter[-1] in v.tranche_counters and scope is FirstScope.UNSPECIFIED:
        return None  # 首期X将于12月挂牌: the first tranche of a series, not a claim
    before = text[clause_start:anchor].removesuffix("了")
    claimless = before.endswith(v.adoption_verbs)
    previous = ""
    if clause_start > 0 and before.startswith(v.copulas):
        k = bisect.bisect_left(bounds, clause_start - 1)
        previous = text[(bounds[k - 1] + 1 if k > 0 else 0) : clause_start - 1]
    if place is None and not adverbial:
        place = _appositive_place(after, context)
    if place is None and found and found.place and found.place != context:
        # 龙华区首单 in a Shenzhen article: a place inside the document's region claims its own first
        place = _inner_place(found.place, context)
    subjects = _split_coordination(subject)
    region_anchor = m.start() if found and found.is_place else anchor
    anaphoric = _is_anaphoric(text[clause_start:anchor].lstrip())
    agent = _agent(text, clause_start, anchor, context)
    return _Reading(
        kind,
        scope,
        subjects,
        anchor,
        region_anchor,
        place,
        claimless,
        previous[-_REGION_WINDOW:],
        anaphoric,
        agent,
    )


_AGENT_GAP = re.compile(r"[\u4e00-\u9fff]{1,6}")


def _agent(text: str, clause_start: int, anchor: int, context: str | None) -> str | None:
    """A place named right before the verb leading to the cue (是宁波市继发行全国首单…).

    The place starts its clause or follows a copula; only a few characters, with
    no 的, stand between it and the cue's scope word.  A place right before the
    cue is its scope (深圳首期), not this.
    """
    lo = max(clause_start, anchor - _LOOKBEHIND)
    head = text[lo:anchor]
    mentions = regions.Gazetteer.default().find(head, context)
    if not mentions:
        return None
    last = mentions[-1]
    gap = head[last.end :]
    if "的" in gap or not _AGENT_GAP.fullmatch(gap):
        return None
    before = head[: last.start].strip()
    if (before or lo > clause_start) and not before.endswith((*_vocab().copulas, "由")):
        return None  # 联合潮州、X建立…: a partner, not the subject of the clause
    return last.name


def _is_anaphoric(clause_head: str) -> bool:
    """Whether a clause starts by pointing back to a thing (该项目, 此次发行), not to a place (该区)."""
    v = _vocab()
    word = next((w for w in v.anaphors if clause_head.startswith(w)), None)
    return word is not None and not clause_head[len(word) :].startswith(v.anaphor_places)


def _inner_place(name: str, doc_region: str | None) -> str | None:
    """The last place named in ``name`` that lies inside (and is not) the document's region."""
    if not doc_region:
        return None
    gazetteer = regions.Gazetteer.default()
    inner = [
        m.name
        for m in gazetteer.find(name, doc_region)
        if m.name != doc_region and gazetteer.is_within(m.name, doc_region)
    ]
    return inner[-1] if inner else None


def _appositive_place(after: str, doc_region: str | None) -> str | None:
    """A place inside the document's region named in a quoted name after the subject (X——“Y区1期…”)."""
    k = after.find("——")
    if k < 0:
        return None
    m = _QUOTED_NAME_RE.match(after, k + 2)
    return _inner_place(m.group(1), doc_region) if m else None


def _region(doc: Document, sentence: Sentence, reading: _Reading) -> str | None:
    if reading.claimless:
        return None
    if reading.place:
        return reading.place
    if reading.anaphoric:
        # 该项目是全国首单…: the project's place, named in its quoted name in the sentences before
        before = doc.text[max(0, sentence.start - _ANAPHOR_WINDOW) : sentence.start]
        for quoted in reversed(_QUOTED_NAME_RE.findall(before)):
            inner = _inner_place(quoted, doc.region)
            if inner:
                return inner
    gazetteer = regions.Gazetteer.default()
    if reading.previous_clause:
        # …广州南沙受理窗口，成为首批…: the claimant is named in the clause before
        named = _inner_place(reading.previous_clause, doc.region)
        if named:
            return named
    if reading.agent:
        return reading.agent
    anchor = sentence.start + reading.region_anchor
    start = max(sentence.start, anchor - _REGION_WINDOW)
    end = min(sentence.end, anchor + _REGION_WINDOW)
    found = regions.record_region(doc.text, start, end, anchor, doc.region)
    if found and doc.region and found != doc.region and gazetteer.is_within(doc.region, found):
        return doc.region  # a containing region named in passing
    return found or doc.region


_QUOTES_RE = re.compile(r"[“”‘’「」『』《》\"'\s]")


_MIN_RUN_ON = 4  # a subject repeats a shorter earlier one it starts with when this much longer


@attrs.define
class _Seen:
    """Claims made so far in a document, by scope and subject with quotes removed.

    A subject that starts with an earlier one and runs on by a whole phrase
    (首批X …, then 首批X城市满意度得分) is the same claim read too far; a short
    addition names another thing (X险, then X险赔付) and is a claim of its own.
    Lookups cost the subject's length, not the number of claims seen.
    """

    exact: set[tuple[FirstScope, str]] = attrs.Factory(set)
    starts: set[tuple[FirstScope, str]] = attrs.Factory(set)  # prefixes of seen subjects, run-on cut off

    def is_repeat(self, scope: FirstScope, subject: str) -> bool:
        key = _QUOTES_RE.sub("", subject)
        if (scope, key) in self.exact or (scope, key) in self.starts:
            return True
        return any((scope, key[:i]) in self.exact for i in range(1, len(key) - _MIN_RUN_ON + 1))

    def add(self, scope: FirstScope, subject: str) -> None:
        key = _QUOTES_RE.sub("", subject)
        self.exact.add((scope, key))
        self.starts.update((scope, key[:i]) for i in range(1, len(key) - _MIN_RUN_ON + 1))


def extract(doc: Document, analysis: Analysis | None = None) -> list[FirstClaim]:
    """Every FirstClaim stated in ``doc.text``, each with its evidence sentence.

    ``analysis`` is the document's shared :class:`~.analysis.Analysis` (made here when not given).
    """
    analysis = analysis if analysis is not None else analyse(doc.text, doc.published, doc.region)
    v = _vocab()
    out: list[FirstClaim] = []
    seen = _Seen()
    if v.cues_unbroken:  # the cues found in the whole text tell which sentences to read
        sentences = [s.sentence for s in analysis.holding(m.start() for m in v.cue_re.finditer(doc.text))]
    else:
        sentences = [s.sentence for s in analysis]
    for sentence in sentences:
        text = sentence.text
        bounds: list[int] | None = None
        date: PartialDate | None = None
        dated = False
        for m in v.cue_re.finditer(text):
            if bounds is None:
                bounds = _clause_bounds(text)
            reading = _read(text, m, bounds, doc.region)
            if reading is None:
                continue
            fresh = [s for s in reading.subjects if not seen.is_repeat(reading.scope, s)]
            if not fresh:
                continue
            region = _region(doc, sentence, reading)
            if not dated:
                date, dated = dates.sentence_date(text, doc.published), True
            evidence = Evidence(sentence.start, sentence.end, text)
            cue = m.group() + (f"…{v.frames[m.group()]}" if m.group("frame") else "")
            for subject in fresh:
                seen.add(reading.scope, subject)
                out.append(
                    FirstClaim(
                        scope=reading.scope,
                        kind=reading.kind,
                        subject=subject,
                        evidence=evidence,
                        region=region,
                        date=date,
                        cue=cue,
                    )
                )
    return out
