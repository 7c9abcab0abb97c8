"""Extraction of :class:`~policytrack.models.Milestone` records: measurements, targets, events.

A *measurement* is a statistic's value (``该区有效发明专利22452件``), a *target* a value aimed
for (``到2025年，每万人口高价值发明专利拥有量达30件``), an *event* something dated that
happened (``2019年成立…调解中心``).  Vocabulary (connective words stripped from names, event
verbs, target cues...) lives in ``data/milestones.json``.

How a statistic is read, clause by clause (a clause ends at ，；。：or a bracket):

* Every quantity of :func:`~policytrack.extract.numbers.find_quantities` that is not a change
  is a value.  Its name is the text to its right up to the next quantity, 、 or clause end
  (``发行4支知识产权证券化产品`` -> ``发行知识产权证券化产品``; a verb of at most four
  characters before the number is kept), else the text to its left from the clause start or
  the previous quantity (``该区有效发明专利22452件`` -> ``有效发明专利``), with scope, place,
  date and connective words stripped from both ends.  No name, no measurement.
* A change (``同比增长60%``) right after a value is that value's ``change``; a change with a
  name of its own is a target when the sentence states a target (``年均增长6%以上``) and is
  dropped otherwise.  ``由X提高到Y`` is two measurements of one name.
* The date is the last date before the value in the sentence (``；`` does not end a sentence
  here), not counting dates inside quotes or titles nor ``于…`` dates (which date an action,
  not the clauses after it); failing that, the last clause-initial date of an earlier sentence
  of the same paragraph.  ``目前``/``近日`` resolve to the publication year.  In an article
  about an annual report (``2022年…白皮书`` in the headline, or a headline naming a report and
  a ``《2024年…状况(白皮书)》`` near the start), an undated value is of the report's year.
* A value is a target when its date is a target date (``到2025年``) or its sentence holds a
  target cue (``力争``, or a future auxiliary before a verb of reaching: ``将实现``); a
  paragraph's target date carries over like any other date.  A value named only by a period
  (``与上年同期8.1万件相比``) is an earlier value of the previous statistic.
* An event is a clause with an event verb, no future cue and no quantity but counted actors
  before its verb (``4个产品入选…``), the verb not modifying a noun (``…成立的X公司``), dated
  within its own sentence (a ``…年度`` inside a quoted name counts as a last resort; in an annual report,
  ``2022年…白皮书``, the report's year).  Prepositional frames (``在…阶段``) and source
  citations (``…显示``) are not events.
* The same fact stated twice is one record: the first, given the date of the second when it
  had none.  Headings (short lines with no sentence punctuation) and ``原标题`` lines restate
  facts and are skipped.
* Regions come from :func:`~policytrack.extract.regions.record_region`, anchored at the value
  (or at a ``占全市``-style comparison, whose scope word is not the statistic's region).

Names are read over the words of the shared analysis (:mod:`.analysis`): a marker such as
等 counts only as a word of its own (``一等奖`` is no list), a name read to the right ends
where its clause goes on (an adverb, ``正在``, a verb with an aspect particle), one read to
the left starts after the last aspect particle (``公开发行了为期10年利率`` -> ``为期10年利率``)
and ends on a word (``现场签约``).  Values listed after ``分别`` go one for one with the values
named before it; policy parameters (caps, subsidy rates), memberships (``N个…之一``),
enumerations in words (``三个维度``) and tranche labels (``1期项目``) are not statistics.  A
text in traditional characters is read through :mod:`.script_fold` (same offsets) and its
records are written back in its own characters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any

import attrs

from .._data import load_json
from ..models import Basis, Document, Evidence, Milestone, MilestoneKind, PartialDate, Quantity
from .analysis import Analysis, SentenceAnalysis, analyse, lexicon
from .dates import DateMatch, find_dates
from .numbers import QuantityMatch, find_quantities
from .script import reading, restore_record
from .script_fold import fold

__all__ = ["extract"]


# --------------------------------------------------------------------------- vocabulary


class _Words(tuple[str, ...]):
    """A vocabulary list, longest word first, with what makes prefix, suffix and containment
    tests fast: its words by first and by last character (longest first), and one compiled
    alternation."""

    words: frozenset[str]
    lengths: tuple[int, ...]
    by_first: dict[str, tuple[str, ...]]
    by_last: dict[str, tuple[str, ...]]
    empty: str | None  # "" when it is one of the words
    pattern: re.Pattern[str]

    def __new__(cls, words: Iterable[str]) -> _Words:
        self = super().__new__(cls, sorted(set(words), key=len, reverse=True))
        self.words = frozenset(self)
        self.lengths = tuple(sorted({len(w) for w in self}, reverse=True))
        first: dict[str, list[str]] = {}
        last: dict[str, list[str]] = {}
        for w in self:  # longest first
            if w:
                first.setdefault(w[0], []).append(w)
                last.setdefault(w[-1], []).append(w)
        self.by_first = {c: tuple(ws) for c, ws in first.items()}
        self.by_last = {c: tuple(ws) for c, ws in last.items()}
        self.empty = "" if "" in self.words else None
        # longest first, so a match is the longest word at its position; never matches when empty
        self.pattern = re.compile("|".join(map(re.escape, self)) if self else r"(?!)")
        return self

    def prefix(self, text: str, start: int, end: int) -> str | None:
        """The longest word ``text[start:end]`` starts with."""
        if start < 0:
            return self._slow_prefix(text, start, end)
        if start < end and start < len(text):
            for w in self.by_first.get(text[start], ()):
                if text.startswith(w, start, end):
                    return w
        return self.empty if start <= end else None

    def suffix(self, text: str, start: int, end: int) -> str | None:
        """The longest word ``text[start:end]`` ends with."""
        if start < 0 or end > len(text):
            return self._slow_suffix(text, start, end)
        if start < end:
            for w in self.by_last.get(text[end - 1], ()):
                if text.endswith(w, start, end):
                    return w
        return self.empty if start <= end else None

    def _slow_prefix(self, text: str, start: int, end: int) -> str | None:
        room = end - start
        for n in self.lengths:
            if n <= room:
                w = text[start : start + n]
                if w in self.words:
                    return w
        return None

    def _slow_suffix(self, text: str, start: int, end: int) -> str | None:
        room = end - start
        for n in self.lengths:
            if n <= room:
                w = text[end - n : end]
                if w in self.words:
                    return w
        return None

    def found_in(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether one of the words occurs in ``text[start:end]``."""
        return self.pattern.search(text, start, len(text) if end is None else end) is not None


def _bylen(words: Iterable[str]) -> _Words:
    return _Words(words)


@attrs.frozen
class _Vocab:
    skip_prefixes: _Words
    clause_breaks: frozenset[str]
    list_breaks: frozenset[str]
    strip_prefixes: _Words
    keep_prefixes: _Words
    strip_suffixes: _Words
    subject_markers: _Words
    list_heads: _Words
    from_markers: _Words
    to_verbs: _Words
    right_prefix_max: int
    noun_units: frozenset[str]
    indefinite: frozenset[str]
    setup_verbs: _Words
    setup_nouns: _Words
    threshold_verbs: _Words
    right_stops: _Words
    target_cues: _Words
    future_cues: _Words
    future_not_cues: _Words
    ongoing_cues: _Words
    event_verbs: _Words
    event_not_verbs: _Words
    event_strip: _Words
    comparison_prefixes: _Words
    left_heads: _Words
    product_attributes: _Words
    single_product: _Words
    aggregate_cues: _Words
    demonstratives: _Words
    extremes: _Words
    basis_clause_starts: _Words
    rank_counters: str
    lead_verbs: frozenset[str]
    event_start_marks: _Words
    recent_words: _Words
    continuations: _Words  # sentence openers going on with the event just told (活动期间, 随后)
    uncarried_verbs: frozenset[str]  # event verbs never dated by a carried date (落地, 主办)
    markers: tuple[str, ...]  # subject_markers + list_heads
    marker_not_words: _Words
    report_weak_verbs: frozenset[str]
    citation_ends: _Words
    report_words: _Words
    period_nouns: frozenset[str]
    comparison_openers: str
    adverbial_openers: _Words
    adverbial_heads: _Words
    carry_verbs: _Words
    limit_words: _Words
    first_person: _Words
    body_names: frozenset[str]  # 省委, 市政府: a body, never what a value counts
    byline_words: _Words  # 记者, 通讯员: a bracket holding one is a byline, not a gloss
    share_copulas: _Words
    clause_tags: frozenset[str]  # parts of speech that end a name read to the right (d, t, p)
    clause_words: frozenset[str]  # 正在, 目前: words that end a name read to the right
    aspect_tags: frozenset[str]  # 了, 着, 过: a verb before one ends a clause
    count_weak_verbs: frozenset[str]  # 获得, 获: with a count of actors, a statistic, not an event
    enumeration_counters: frozenset[str]  # 个, 项, 期: 三个维度 enumerates, it counts nothing
    subsidy_words: _Words  # 贴息, 补贴: a % of one of these is a policy's rate
    distributive_words: _Words  # 分别: the values after it go one for one with those before
    attributive_followers: _Words  # 的, 时间: an event verb before one modifies a noun
    tranche_counters: frozenset[str]  # 期: 1期项目 labels a tranche
    gathering_verbs: frozenset[str]  # 举行, 召开: a meeting held is an event even as an attribute
    membership_ends: _Words  # 之一: N个X之一 counts a group, not the subject
    rate_heads: _Words  # 增幅, 增长率: a change named as a statistic of its own
    comparison_tails: _Words  # 较年初, 比上年: a statistic compared with an earlier value
    head_continuations: frozenset[str]
    attribute_dates: _Words  # labels making the date after them a thing's attribute (到期日)
    clause_break_re: re.Pattern[str]  # one of clause_breaks
    any_break_re: re.Pattern[str]  # one of clause_breaks or list_breaks


def _load_json() -> dict[str, Any]:
    data: dict[str, Any] = load_json("milestones.json")
    return data


def _words(data: dict[str, Any], key: str) -> _Words:
    return _bylen(str(w) for w in data[key]["words"])


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    d = _load_json()
    return _Vocab(
        skip_prefixes=_words(d, "skip_sentence_prefixes"),
        clause_breaks=frozenset(d["clause_breaks"]["chars"]),
        list_breaks=frozenset(d["list_breaks"]["chars"]),
        strip_prefixes=_words(d, "metric_strip_prefixes"),
        keep_prefixes=_words(d, "metric_keep_prefixes"),
        strip_suffixes=_words(d, "metric_strip_suffixes"),
        subject_markers=_words(d, "subject_markers"),
        list_heads=_words(d, "list_heads"),
        from_markers=_words(d, "from_markers"),
        to_verbs=_words(d, "to_verbs"),
        right_prefix_max=int(d["right_prefix_max_len"]["value"]),
        noun_units=frozenset(d["noun_units"]["words"]),
        indefinite=frozenset(d["indefinite_numerals"]["words"]),
        setup_verbs=_words(d, "setup_verbs"),
        setup_nouns=_words(d, "setup_nouns"),
        threshold_verbs=_words(d, "threshold_verbs"),
        right_stops=_words(d, "right_stop_prefixes"),
        # 力争…, and a future auxiliary right before a verb of reaching (将实现, 将达到, 拟新增)
        target_cues=_bylen(
            [str(w) for w in d["target_cues"]["words"]]
            + [str(a) + str(v) for a in d["future_auxiliaries"]["words"] for v in d["reach_verbs"]["words"]]
        ),
        future_cues=_words(d, "future_cues"),
        future_not_cues=_words(d, "future_not_cues"),
        ongoing_cues=_words(d, "ongoing_cues"),
        event_verbs=_words(d, "event_verbs"),
        event_not_verbs=_words(d, "event_not_verbs"),
        event_strip=_words(d, "event_strip_prefixes"),
        comparison_prefixes=_words(d, "comparison_prefixes"),
        left_heads=_words(d, "left_metric_heads"),
        product_attributes=_words(d, "product_attributes"),
        single_product=_words(d, "single_product_markers"),
        aggregate_cues=_words(d, "aggregate_cues"),
        demonstratives=_words(d, "demonstratives"),
        extremes=_words(d, "extreme_phrases"),
        basis_clause_starts=_words(d, "basis_clause_starts"),
        rank_counters="".join(d["rank_counters"]["words"]),
        lead_verbs=frozenset(d["lead_event_verbs"]["words"]),
        event_start_marks=_words(d, "event_start_marks"),
        recent_words=_words(d, "recent_words"),
        continuations=_words(d, "event_continuations"),
        uncarried_verbs=frozenset(d["report_weak_verbs"]["words"] + d["organiser_verbs"]["words"]),
        markers=_words(d, "subject_markers") + _words(d, "list_heads"),
        marker_not_words=_words(d, "marker_not_words"),
        report_weak_verbs=frozenset(d["report_weak_verbs"]["words"]),
        citation_ends=_words(d, "citation_ends"),
        report_words=_words(d, "annual_report_titles"),
        period_nouns=frozenset(d["period_nouns"]["words"]),
        comparison_openers="".join(d["comparison_openers"]["words"]),
        adverbial_openers=_words(d, "adverbial_openers"),
        adverbial_heads=_words(d, "adverbial_heads"),
        attribute_dates=_words(d, "attribute_date_labels"),
        carry_verbs=_words(d, "carry_name_verbs"),
        limit_words=_words(d, "limit_words"),
        first_person=_words(d, "first_person_words"),
        body_names=frozenset(d["body_names"]["words"]),
        byline_words=_words(d, "byline_words"),
        share_copulas=_words(d, "share_copulas"),
        clause_tags=frozenset(d["name_clause_tags"]["words"]),
        clause_words=frozenset(d["name_clause_words"]["words"]),
        aspect_tags=frozenset(d["aspect_tags"]["words"]),
        count_weak_verbs=frozenset(d["count_weak_event_verbs"]["words"]),
        enumeration_counters=frozenset(d["enumeration_counters"]["words"]),
        subsidy_words=_words(d, "subsidy_words"),
        distributive_words=_words(d, "distributive_words"),
        attributive_followers=_words(d, "attributive_followers"),
        tranche_counters=frozenset(d["tranche_counters"]["words"]),
        gathering_verbs=frozenset(d["gathering_verbs"]["words"]),
        membership_ends=_words(d, "membership_ends"),
        rate_heads=_words(d, "rate_heads"),
        comparison_tails=_words(d, "comparison_tails"),
        head_continuations=frozenset(d["head_continuations"]["chars"]),
        clause_break_re=_char_class(d["clause_breaks"]["chars"]),
        any_break_re=_char_class(d["clause_breaks"]["chars"] + d["list_breaks"]["chars"]),
    )


def _char_class(chars: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, chars)) + "]" if chars else r"(?!)")


# --------------------------------------------------------------------------- regions (shared helper)


_REGION_WINDOW = 200


def _record_region(doc: Document, start: int, end: int, anchor: int) -> str | None:
    finder = _region_finder()
    if finder is None:
        return doc.region
    # A window keeps very long "sentences" linear: it starts between one and two widths
    # before the anchor, on a step of one width from the sentence start, so that the
    # facts of one stretch share it (and the finder's index of it).  Sentences of up to one
    # width on either side of the anchor are read whole.
    if anchor - start > _REGION_WINDOW:
        start += (anchor - start - _REGION_WINDOW) // _REGION_WINDOW * _REGION_WINDOW
    end = min(end, start + 3 * _REGION_WINDOW)
    try:
        found = finder(doc.text, start, end, anchor, doc.region)
    except Exception:  # the shared helper must not take extraction down
        return doc.region
    return found if isinstance(found, str) else doc.region


@lru_cache(maxsize=1)
def _region_finder() -> Any:
    """:meth:`Gazetteer.record_region` of the default gazetteer (``None`` when unavailable)."""
    gaz = _gazetteer()
    if gaz is not None:
        return gaz.record_region
    from . import regions

    return getattr(regions, "record_region", None)


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from . import regions

    cls = getattr(regions, "Gazetteer", None)
    if cls is None:
        return None
    try:
        return cls.default()
    except Exception:
        return None


def _place_prefix_len(text: str) -> int:
    """Length of a place name at the very start of ``text`` (0 when none)."""
    gaz = _gazetteer()
    if gaz is None or not text:
        return 0
    try:
        mentions = gaz.find(text[:24])
    except Exception:
        return 0
    best = 0
    for m in mentions:
        if getattr(m, "start", -1) == 0:
            best = max(best, int(m.end))
    return best


# --------------------------------------------------------------------------- text helpers

_QUOTED_RE = re.compile(r"“[^“”\n]{0,80}”|《[^《》\n]{0,80}》|「[^「」\n]{0,80}」|\"[^\"\n]{0,80}\"")
_TITLE_RE = re.compile(r"《([^《》\n]{1,80})》")
_SPACE_RE = re.compile(r"\s+")
_DESC_PUNCT = " \t\u3000,，、;；:：.。!！?？）)】-—·…"
_AWARD_RE = re.compile(r"[^获得夺奖，,、]{0,6}(?:奖|驰名商标)")  # 广东省专利金奖, 中国驰名商标
_COMMA = str.maketrans({",": "，"})
_PUNCT = " \t\u3000,，、;；:：.。!！?？“”\"'（）()《》【】[]-—·…"


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, _BIG)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_BIG = 1 << 62


class _Dates:
    """The dates of one unit in text order, indexed once: their starts, and for each date the
    last one up to it that can date a statistic (not quoted, not ``于…``) or an event (not
    quoted, resolved), so that finding the date before a position takes a bisection."""

    def __init__(self, dates: list[_Date]) -> None:
        self.dates = dates
        self.starts = [d.start for d in dates]
        self.free_starts = [d.start for d in dates if not d.quoted]
        self.last_stat: list[int] = []
        self.last_event: list[int] = []
        stat = event = -1
        for i, d in enumerate(dates):
            if not d.quoted and not d.after_yu:
                stat = i
            if not d.quoted and d.match.date is not None:
                event = i
            self.last_stat.append(stat)
            self.last_event.append(event)

    def has_free_in(self, start: int, end: int) -> bool:
        """Whether a date outside quotes starts in ``[start, end)``."""
        i = bisect.bisect_left(self.free_starts, start)
        return i < len(self.free_starts) and self.free_starts[i] < end


def _last_before(dates: _Dates, pos: int, *, events: bool) -> _Date | None:
    """The last date starting before ``pos`` that can date a statistic (or an event)."""
    i = bisect.bisect_left(dates.starts, pos) - 1
    if i < 0:
        return None
    j = (dates.last_event if events else dates.last_stat)[i]
    return dates.dates[j] if j >= 0 else None


def _norm(text: str) -> str:
    return _SPACE_RE.sub("", text).strip(_PUNCT)


@lru_cache(maxsize=64)
def _norm_title(title: str) -> str:
    return _norm(title)


def _common_run(a: str, b: str, n: int) -> bool:
    """Whether ``a`` and ``b`` have a common substring of ``n`` characters (their longest
    common substring is at least ``n`` long)."""
    if len(a) > len(b):
        a, b = b, a
    return any(a[i : i + n] in b for i in range(len(a) - n + 1))


def _starts_with(text: str, start: int, end: int, words: _Words) -> str | None:
    """The longest of ``words`` that ``text[start:end]`` starts with."""
    return words.prefix(text, start, end)


def _ends_with(text: str, start: int, end: int, words: _Words) -> str | None:
    """The longest of ``words`` that ``text[start:end]`` ends with."""
    return words.suffix(text, start, end)


# a name read to the right ends before one of these (和/及/与/以及, 等, 的/之): 以及 ends in 及
_RIGHT_TAILS = frozenset("和及与等的之")


@lru_cache(maxsize=8192)
def _date_prefix(head: str) -> int:
    """How far a date at the very start of ``head`` (at most 16 characters) reaches; 0 when
    ``head`` does not start with one."""
    dates = find_dates(head.translate(_COMMA) if "," in head else head)
    return dates[0].end_offset if dates and dates[0].start_offset == 0 else 0


_DATE_CUES = "到至于在"  # a date finder's cue characters that belong to the words before them


@lru_cache(maxsize=8192)
def _date_suffix(tail: str) -> int:
    """How long a date (with a ``的`` after it) at the very end of ``tail`` is; 0 when ``tail``
    does not end with one (``专利申请量由2011年的`` ends with ``2011年的``)."""
    body = tail[:-1] if tail.endswith("的") else tail
    dates = find_dates(body.translate(_COMMA) if "," in body else body)
    if not dates or dates[-1].end_offset != len(body):
        return 0
    k = dates[-1].start_offset
    while k < len(body) and body[k] in _DATE_CUES:
        k += 1  # 提升到2014年: the 到 is the verb's, not the date's
    return len(tail) - k


def _without_trailing_date(text: str) -> str:
    """``text`` without a date (and its ``的``) at its end: ``由2011年的`` -> ``由``."""
    k = _date_suffix(text[-16:])
    return text[: len(text) - k] if k else text


@lru_cache(maxsize=8192)
def _place_prefix(head: str) -> int:
    return _place_prefix_len(head)


def _strip_span(text: str, start: int, end: int, *, left: bool) -> tuple[int, int]:
    """Strip connectives, scope words, places and dates from a name's span ``text[start:end]``.

    Only the characters of the span matter, so the answer for a span text is remembered (names
    recur: 有效发明专利, 商标注册量...)."""
    if start >= end:
        return start, end
    a, b = _strip_text(text[start:end], left)
    return start + a, start + b


@lru_cache(maxsize=8192)
def _strip_text(span: str, left: bool) -> tuple[int, int]:
    """:func:`_strip_span` of the whole of ``span``."""
    return _strip_offsets(span, 0, len(span), left=left)


_BARE_HEAD = 2  # a name this short ending in a metric head (金额, 占比, 规模) is a bare head


def _bare_head(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only a metric head (``金额``, ``占比``): the word before it
    (累计金额, 全省占比) is what names the statistic and is not stripped."""
    return 0 < end - start <= _BARE_HEAD and _vocab().left_heads.suffix(text, start, end) is not None


def _strip_offsets(text: str, start: int, end: int, *, left: bool) -> tuple[int, int]:
    voc = _vocab()
    for _ in range(40):
        while start < end and text[start] in _PUNCT:
            start += 1
        while end > start and text[end - 1] in _PUNCT:
            end -= 1
        if start >= end:
            break
        changed = False
        if left:
            suffix = voc.strip_suffixes.suffix(text, start, end)
            if suffix is not None:
                end -= len(suffix)
                changed = True
            else:
                # 专利申请量由2011年的10997件: the date of a value is not part of its name
                reach = _date_suffix(text[max(start, end - 16) : end])
                if 0 < reach < end - start:
                    end -= reach
                    changed = True
        elif text[end - 1] in _RIGHT_TAILS:
            end -= 1
            changed = True
        if voc.keep_prefixes.prefix(text, start, end) is None:
            reach = _date_prefix(text[start : min(end, start + 16)])
            if 0 < reach <= min(end - start, 16):
                start += reach
                changed = True
                continue
            place = _place_prefix(text[start : min(end, start + 24)])
            if place and (_AWARD_RE.match(text, start + place, end) or text.startswith("级", start + place)):
                place = 0  # 广东省专利金奖, 国家级…: an award or a level keeps its place
            if place > 0:
                start += place
                changed = True
            else:
                prefix = voc.strip_prefixes.prefix(text, start, end)
                if prefix is not None and not _bare_head(text, start + len(prefix), end):
                    start += len(prefix)
                    changed = True
                # (累计金额, 全省占比: a prefix before a bare head is what names it, and stays)
        if not changed:
            break
    return start, end


# --------------------------------------------------------------------------- structure


@attrs.frozen
class _Unit:
    """Sentences joined by ；: one scope for dates, one evidence sentence each."""

    sentences: tuple[SentenceAnalysis, ...]
    start: int
    end: int
    para: int


def _units(text: str, analysis: Analysis) -> list[_Unit]:
    out: list[_Unit] = []
    para = 0
    current: list[SentenceAnalysis] = []
    prev_end = 0
    for s in analysis:
        gap = text[prev_end : s.start]
        new_para = "\n" in gap or "\u3000\u3000" in gap
        if current and (new_para or current[-1].text[-1:] not in "；;"):
            out.append(_Unit(tuple(current), current[0].start, current[-1].end, para))
            current = []
        if new_para:
            para += 1
        current.append(s)
        prev_end = s.end
    if current:
        out.append(_Unit(tuple(current), current[0].start, current[-1].end, para))
    return out


@attrs.frozen
class _Date:
    match: DateMatch
    start: int  # absolute offsets
    end: int
    quoted: bool
    after_yu: bool  # 于2019年: dates an action only
    clause_initial: bool


_ATTRIBUTE_GAP = " \u3000:：为是"  # may stand between an attribute label and its date


def _is_attribute_date(text: str, a: int) -> bool:
    """Whether the date at ``a`` is labelled as an attribute (``起息日为2023年…``, ``成立日期：…``)."""
    k = a
    while k > max(0, a - 3) and text[k - 1] in _ATTRIBUTE_GAP:
        k -= 1
    return _vocab().attribute_dates.suffix(text, max(0, k - 8), k) is not None


def _unit_dates(text: str, unit: _Unit, ref: PartialDate | None) -> list[_Date]:
    utext = text[unit.start : unit.end]
    quoted: list[tuple[int, int]] | None = None  # found when first needed
    voc = _vocab()
    out: list[_Date] = []
    # ASCII commas become full-width ones (same length, same offsets): the date finder reads
    # a digit after "," as part of a thousands-separated number (显示,2022年).
    for m in find_dates(utext.translate(_COMMA) if "," in utext else utext, ref):
        if quoted is None:
            quoted = _quoted_spans(utext)
        a = m.start_offset
        if _is_attribute_date(utext, a):
            continue  # 预期到期日2024年5月10日: a term of a product, dating nothing around it
        before = utext[max(0, a - 1) : a]
        k = a
        while k > max(0, a - 8) and utext[k - 1] not in voc.clause_breaks:
            k -= 1
        if k > 0 and utext[k - 1] not in voc.clause_breaks:
            k = max(0, a - 9)  # more than a few characters into its clause
        gap = utext[k:a].strip(" \u3000")
        if m.relation == "target" and m.text[:1] in "到至":
            if (
                out
                and out[-1].end == unit.start + a
                and not out[-1].quoted
                and out[-1].match.date is not None
            ):
                out[-1] = _joined_span(out[-1], m)  # 2025年1月至11月: one span, not a target
                continue
            if _reaches(utext, a):
                m = attrs.evolve(m, relation="at")  # 提升到2014年的…: the date of the value reached
        out.append(
            _Date(
                m,
                unit.start + a,
                unit.start + m.end_offset,
                _inside(quoted, a),
                before == "于",
                len(gap) <= 3 and "于" not in gap,
            )
        )
    return out


def _reaches(utext: str, a: int) -> bool:
    """Whether the 到/至 opening the date at ``a`` ends a verb of reaching (``增至``, ``提升到``):
    the date is when a value was reached, not a target date (``力争到`` is a target's)."""
    w = _vocab().to_verbs.suffix(utext, max(0, a - 4), a + 1)
    return w is not None and len(w) >= 2 and w != "达到"


def _joined_span(first: _Date, second: DateMatch) -> _Date:
    """``2025年1月至11月``: the span of two dates joined by 至 (a span inside one year is that year)."""
    a, b = first.match.date, second.date
    if a is None or b is None or b.year != a.year or not a <= b:
        return first
    span = attrs.evolve(first.match, date=PartialDate(a.year), end=b, relation="span")
    return attrs.evolve(first, match=span, end=first.start + (second.end_offset - first.match.start_offset))


def _is_present(m: DateMatch) -> bool:
    """目前/近日: the present, known to the year only (昨日 is a day, 今年 a year of its own)."""
    return (
        m.relation == "relative"
        and not any(ch.isdigit() for ch in m.text)
        and "年" not in m.text
        and (m.date is None or m.date.day is None)
    )


_YEAR_DIGITS = re.compile(r"\d{4}")


def _since_date(m: DateMatch) -> PartialDate | None:
    """The year a statistic over a period up to now holds for: the period's end (``5年来`` ->
    the publication year), except for the past year (``一年来``/``一年间`` published in 2022 sums
    up 2021, the year the figures are for)."""
    if m.date is None:
        return None
    if m.end is None:
        return m.date
    if m.end.year - m.date.year == 1 and _YEAR_DIGITS.search(m.text) is None:
        return m.date
    return m.end


def _when(m: DateMatch) -> tuple[PartialDate | None, PartialDate | None]:
    """The date (and end) a statistic under ``m`` holds for."""
    if m.date is None:
        return None, None
    if m.relation == "since":
        return _since_date(m), None
    if _is_present(m):
        return PartialDate(m.date.year), None
    if m.relation == "span":
        return m.date, m.end
    return m.date, None


# --------------------------------------------------------------------------- measurements


@attrs.frozen
class _Stat:
    kind: MilestoneKind
    metric: str
    quantity: Quantity
    change: Quantity | None
    date: PartialDate | None
    end: PartialDate | None
    region: str | None
    sentence: SentenceAnalysis


@attrs.frozen
class _Read:
    """A value's name as read from the sentence, before dates and kinds are decided."""

    q: QuantityMatch
    metric: str
    metric_start: int
    raw_left: str
    side: str  # "left" | "right" | "inherit" | "respective"


@lru_cache(maxsize=16)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Positions of clause breaks, and of clause or list breaks, in ``text`` (sorted)."""
    voc = _vocab()
    clause = [m.start() for m in voc.clause_break_re.finditer(text)]
    both = [m.start() for m in voc.any_break_re.finditer(text)]
    return clause, both


def _clause_start(text: str, pos: int) -> int:
    clause, _ = _breaks(text)
    i = bisect.bisect_left(clause, pos) - 1
    return clause[i] + 1 if i >= 0 else 0


def _clause_end(text: str, pos: int, *, lists: bool) -> int:
    clause, both = _breaks(text)
    seq = both if lists else clause
    i = bisect.bisect_left(seq, pos)
    return seq[i] if i < len(seq) else len(text)


def _left_span(stext: str, q: QuantityMatch, prev_end: int) -> tuple[int, int]:
    """Where a name read to the left of ``q`` may lie; a bracket right before the value is
    skipped (``技术与创新支持中心(TISC)3家``)."""
    b = q.start
    if b > 0 and stext[b - 1] in ")）":
        lo = max(0, b - 21)  # only an opening bracket at most 20 characters back counts
        k = max(stext.rfind("(", lo, b - 1), stext.rfind("（", lo, b - 1))
        if k >= 0 and b - 1 - k <= 20 and k >= prev_end:
            b = k
    cs = _clause_start(stext, b)
    if cs > 0 and stext[cs - 1] in ")）":
        # 备案基金（创投企业）规模500亿元: a short gloss in brackets inside the name
        lo = max(0, cs - 22)
        k = max(stext.rfind("(", lo, cs - 1), stext.rfind("（", lo, cs - 1))
        if (
            k >= 0
            and _clause_start(stext, k) < k
            and not _vocab().clause_break_re.search(stext, k + 1, cs - 1)
            and not _vocab().byline_words.found_in(stext, k + 1, cs - 1)  # 晚报讯(记者…)
        ):
            cs = _clause_start(stext, k)
    return max(cs, prev_end), b


def _right_name(
    stext: str, qs: list[QuantityMatch], i: int, *, lists: bool, seg: SentenceAnalysis | None = None
) -> tuple[int, int, bool]:
    """The span of the name to the right of ``qs[i]`` (empty when none) and whether it
    stopped at a list break."""
    voc = _vocab()
    q = qs[i]
    next_start = qs[i + 1].start if i + 1 < len(qs) else len(stext)
    stop = _clause_end(stext, q.end, lists=lists)
    rend = min(stop, next_start)
    at_list = lists and q.end < rend == stop < len(stext) and stext[rend] in voc.list_breaks
    rs, re_ = q.end, rend
    gap = _GAP_RE.search(stext, rs, re_)
    if gap is not None:
        re_ = gap.start()  # 融资累计突破70亿元 有效缓解…: a headline's parts are two clauses
    while rs < re_ and stext[rs] in "的之 \u3000":
        rs += 1
    if i + 1 < len(qs) and qs[i + 1].is_change and re_ == next_start:
        re_ = rs  # 18.95万件同比增长21.6%: the text between is the change cue
    copula = (
        None if q.is_change or q.quantity.unit != "%" else _starts_with(stext, rs, re_, voc.share_copulas)
    )
    if copula is not None:
        rs += len(copula)  # 90%以上是中小微企业: a share names what it is a share of
    elif _starts_with(stext, rs, re_, voc.right_stops) is not None:
        re_ = rs
    if seg is not None and re_ - rs > 2 and _may_go_on(stext, rs, re_):
        re_ = _noun_phrase_end(seg, rs, re_)
    rs, re_ = _strip_span(stext, rs, re_, left=False)
    return rs, re_, at_list


_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")  # a space between Han characters


# Cheap tests before the words of a sentence are asked for (segmenting is the costly part of
# the analysis, and most names need no word boundary): a name read to the left is cut after
# an aspect particle only when one of its characters is one; a stripped qualifier is
# re-joined to its word (签约) only for these characters; a name read to the right is cut
# only when it is long or holds a clause word.
_ASPECT_CHARS = "了着过"
_WORD_FINAL_QUALIFIERS = "约近超逾"
_SHORT_RIGHT = 6


def _may_go_on(stext: str, rs: int, re_: int) -> bool:
    """Whether the name ``stext[rs:re_]`` read to the right may run into a clause of its own."""
    if re_ - rs > _SHORT_RIGHT or any(ch in _ASPECT_CHARS for ch in stext[rs:re_]):
        return True
    words = _vocab().clause_words
    return any(w in stext[rs:re_] for w in words)


def _noun_phrase_end(seg: SentenceAnalysis, rs: int, re_: int) -> int:
    """Where the name read to the right of a value ends, on a word boundary: before the first
    word of the clause that goes on after it (an adverb, a word like 正在, a verb with an
    aspect particle: ``500吨桥翼板正在…发挥着…`` -> ``桥翼板``); ``re_`` when none."""
    voc = _vocab()
    words = seg.words_in(seg.start + rs, seg.start + re_)
    for j, w in enumerate(words):
        k = w.start - seg.start
        if k < rs + 2:
            continue  # a name has at least two characters
        nxt = words[j + 1] if j + 1 < len(words) else None
        if (
            w.tag in voc.clause_tags
            or w.surface in voc.clause_words
            or (w.tag.startswith("v") and nxt is not None and nxt.tag in voc.aspect_tags)
        ):
            return k
    return re_


_BODY_MAX = 12  # a longer name is more than a body


def _is_body(name: str) -> bool:
    """Whether a name is only a body, after its place (``省委``, ``江苏省政府``)."""
    if len(name) > _BODY_MAX:
        return False
    voc = _vocab()
    if name in voc.body_names:
        return True
    k = _place_prefix_len(name)
    return 0 < k < len(name) and name[k:] in voc.body_names


def _is_article(q: QuantityMatch) -> bool:
    """一场活动, 两个标准: a numeral one/two before a counter is an article, not a count."""
    voc = _vocab()
    numeral = q.quantity.text.strip()
    if numeral[:1] not in voc.indefinite or not numeral[1:]:
        return False
    return not any(ch.isdigit() or ch in "一二三四五六七八九十百千万亿两" for ch in numeral[1:])


def _is_period(name: str) -> bool:
    """``末期``, ``与上年同期``: a name that is only a period (after a comparison preposition)."""
    voc = _vocab()
    if name[:1] in voc.comparison_openers:
        name = name[1:]
    return name in voc.period_nouns


_WORD_REACH = 3  # how far a word holding a marker may start before it


def _in_word(text: str, k: int, n: int, words: _Words) -> bool:
    """Whether the ``n`` characters at ``k`` lie inside one of ``words`` found around them."""
    lo = max(0, k - _WORD_REACH)
    m = words.pattern.search(text, lo, min(len(text), k + n + _WORD_REACH))
    while m is not None and m.start() <= k:
        if m.end() >= k + n:
            return True
        m = words.pattern.search(text, m.start() + 1, min(len(text), k + n + _WORD_REACH))
    return False


def _left_name(stext: str, a: int, lend: int, seg: SentenceAnalysis | None = None) -> tuple[int, int]:
    """The span of the name read to the left in ``stext[a:lend]``: after the last subject
    marker (X将Y压缩到), without connectives, scope words, places and dates."""
    voc = _vocab()
    marker_end = -1
    for w in voc.markers:
        k = stext.rfind(w, a, lend)
        while k >= 0 and (
            _in_word(stext, k, len(w), voc.marker_not_words) or not _whole_word(seg, k, len(w))
        ):
            k = stext.rfind(w, a, k)  # 使用费, 即将, 一等奖: the marker is part of a word
        if k >= 0 and k + len(w) < lend:
            marker_end = max(marker_end, k + len(w))
    start = marker_end if marker_end > a else a
    if seg is not None and any(ch in _ASPECT_CHARS for ch in stext[start:lend]):
        start = _after_aspect(seg, start, lend)
    ls, le = _strip_span(stext, start, lend, left=True)
    if (
        seg is not None
        and ls < le < lend
        and stext[le] in _WORD_FINAL_QUALIFIERS
        and not seg.is_boundary(seg.start + le)
    ):
        word = seg.word_at(seg.start + le)  # 现场签约: the 约 stripped as "about" ends a word
        if word is not None and word.end - seg.start <= lend:
            le = word.end - seg.start
    if ls >= le and marker_end > a:
        ls, le = _strip_span(stext, a, lend, left=True)  # 拥有量将达到40件: 将 is "will" here
    return ls, le


def _whole_word(seg: SentenceAnalysis | None, k: int, n: int) -> bool:
    """Whether ``n`` characters at sentence offset ``k`` are whole words (no analysis: True)."""
    return seg is None or (seg.is_boundary(seg.start + k) and seg.is_boundary(seg.start + k + n))


def _after_aspect(seg: SentenceAnalysis, a: int, b: int) -> int:
    """Where a name read to the left in ``[a, b)`` may start: after the last aspect particle
    (``社会公众公开发行了为期10年利率`` -> ``为期10年利率``), whose verb ends a clause of its own."""
    voc = _vocab()
    for w in reversed(seg.words_in(seg.start + a, seg.start + b)):
        k = w.end - seg.start
        if w.tag in voc.aspect_tags and a < k <= b - 2:
            return k
    return a


_CARRY_REACH = 40  # how far back in the previous clause a carried name may end


def _carried_name(stext: str, qs: list[QuantityMatch], i: int, lstart: int) -> tuple[int, int] | None:
    """``融资额再创新高，达8亿元``: a value whose clause holds only a verb of reaching before it
    takes the last name ending in a metric head (额, 量, 率, 规模...) of the previous clause of
    the sentence, when that name has no value of its own.  The span of that name, or ``None``."""
    voc = _vocab()
    q = qs[i]
    if lstart == 0 or stext[lstart - 1] not in "，,":
        return None
    lead = stext[lstart : q.start].strip(" \u3000")
    if voc.carry_verbs.prefix(lead, 0, len(lead)) != lead:
        return None
    pend = lstart - 1
    pstart = _clause_start(stext, pend)
    if i and qs[i - 1].end > pstart:
        return None  # the previous clause has a value: its name is that value's
    for k in range(pend, max(pstart, pend - _CARRY_REACH), -1):
        head = voc.left_heads.suffix(stext, pstart, k)
        if head is None:
            continue
        if k < pend and stext[k] in voc.head_continuations:
            return None  # 额度, 数据, 率先: the head is part of a longer word
        ls, le = _left_name(stext, pstart, k)
        if le - ls <= len(head):
            return None  # a bare head (数, 额) names nothing
        return ls, le
    return None


def _read_names(
    stext: str, qs: list[QuantityMatch], seg: SentenceAnalysis | None = None, aim: int | None = None
) -> list[_Read | None]:
    """The name of every quantity of one sentence (``None``: no name or not a statistic)."""
    voc = _vocab()
    out: list[_Read | None] = []
    for i, q in enumerate(qs):
        prev_end = qs[i - 1].end if i else 0
        lstart, lend = _left_span(stext, q, prev_end)
        raw_left = stext[lstart : q.start]
        ls, le = _left_name(stext, lstart, lend, seg)
        left_metric = stext[ls:le]
        from_left = _without_trailing_date(raw_left.rstrip())
        left_is_name = bool(left_metric) and (
            _ends_with(left_metric, 0, len(left_metric), voc.left_heads) is not None
            # 办理时限从15天降至7天: the value a change starts from is named before 从/由
            or _ends_with(from_left, 0, len(from_left), voc.from_markers) is not None
        )
        # the name to the right
        rs, re_, at_list = _right_name(stext, qs, i, lists=True, seg=seg)
        if rs >= re_ and at_list:
            rs, re_, _ = _right_name(stext, qs, i, lists=False, seg=seg)  # 20项全国、全省首创清单
        if rs < re_ and _is_body(stext[rs:re_]):
            rs = re_  # 补贴1001万元我市在省委…: a run-on sentence's next subject, read to the left
        if rs < re_ and not left_is_name:
            if _is_article(q) and (aim is None or aim > q.start):
                out.append(None)  # 一场活动: an article; but 争取有一笔交易 aims at one (M2)
                continue
            # a short verb before the number stays (惠及300家科创企业), unless that text is the
            # previous value's name (2项金奖、6项银奖)
            lead_from = lstart
            for k in range(q.start - 1, lstart - 1, -1):
                if stext[k] in voc.list_breaks:
                    lead_from = k + 1
                    break
            ps, pe = _strip_span(stext, lead_from, q.start, left=True)
            lead = stext[ps:pe] if 0 < pe - ps <= voc.right_prefix_max else ""
            prev_read = out[-1] if out else None
            if any(ch.isdigit() for ch in lead) or (
                prev_read is not None and prev_read.side == "right" and lstart == qs[i - 1].end
            ):
                lead = ""
            out.append(_Read(q, lead + stext[rs:re_], ps if lead else rs, raw_left, "right"))
            continue
        metric = left_metric
        period = _is_period(left_metric) or _is_period(_QUOTED_RE.sub("", raw_left).strip(_PUNCT))
        if period:
            metric = ""  # 与“十三五”末期0.91万件相比: a period, the name is the previous value's
        if metric and q.quantity.unit in voc.noun_units:
            metric += q.quantity.unit
        if not metric:
            # 由X提高到Y, 10.2万件，力争2023年达到12万件: Y takes X's name
            prev = out[-1] if out else None
            if (
                prev is not None
                and i
                and (
                    _to_verb_before(stext, lstart, q.start)
                    or period
                    # 100亿元，预计2025年将突破120亿元: an aim for the value just told
                    or (prev.side == "left" and _vocab().target_cues.found_in(raw_left))
                    # 是2012年的5倍: a ratio of the value just told (M1)
                    or (q.quantity.unit == "倍" and prev.side in ("left", "right"))
                    # 分别占全省的41.87%、48.16%: a list of values of one name
                    or (raw_left.strip(" \u3000") in voc.list_breaks and prev.side != "right")
                )
                and (_from_value(prev) or prev.side in ("left", "right", "inherit"))
            ):
                out.append(_Read(q, prev.metric, prev.metric_start, raw_left, "inherit"))
                continue
            carried = _carried_name(stext, qs, i, lstart)
            if carried is not None:
                out.append(_Read(q, stext[carried[0] : carried[1]], carried[0], raw_left, "left"))
                continue
            if q.quantity.unit in voc.noun_units:
                out.append(_Read(q, q.quantity.unit, q.start, raw_left, "left"))
                continue
            out.append(None)
            continue
        out.append(_Read(q, metric, ls, raw_left, "left"))
    return _respectively(stext, qs, out)


def _respectively(stext: str, qs: list[QuantityMatch], reads: list[_Read | None]) -> list[_Read | None]:
    """``A 20879件、B 9872件，分别占全省的41.87%、48.16%``: the values listed after a
    distributive word (分别, data: distributive_words) go, in order, with the values named
    before it, one for one: each is named by that value's name and its own (``A占全省``)."""
    voc = _vocab()
    m = voc.distributive_words.pattern.search(stext)
    if m is None:
        return reads
    after = [i for i, q in enumerate(qs) if q.start >= m.end() and not q.is_change]
    if not after:
        return reads
    listed = [after[0]]
    for i in after[1:]:
        if stext[qs[listed[-1]].end : qs[i].start].strip(" \u3000") not in voc.list_breaks:
            break
        listed.append(i)
    if len(listed) < 2:
        return reads
    before = [r for r in reads[: listed[0]] if r is not None and r.q.end <= m.start() and not r.q.is_change]
    if len(before) < len(listed):
        return reads
    out = list(reads)
    own = reads[listed[0]]
    tail = own.metric if own is not None and own.side == "left" and not _has_digit(own.metric) else ""
    for named, i in zip(before[-len(listed) :], listed, strict=True):
        was = reads[i]
        raw = was.raw_left if was is not None else ""
        out[i] = _Read(qs[i], named.metric + tail, named.metric_start, raw, "respective")
    return out


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


@lru_cache(maxsize=16)
def _setup_verbs_at(stext: str) -> tuple[list[int], list[int]]:
    """Where setup verbs start in ``stext`` (sorted), and for each the earliest end of one
    starting there or later: whether a verb lies in ``stext[a:b]`` is a bisection."""
    found: list[tuple[int, int]] = []
    for w in _vocab().setup_verbs:
        k = stext.find(w)
        while k >= 0:
            found.append((k, k + len(w)))
            k = stext.find(w, k + 1)
    found.sort()
    ends = [e for _, e in found]
    for i in range(len(ends) - 2, -1, -1):
        ends[i] = min(ends[i], ends[i + 1])
    return [a for a, _ in found], ends


_QUOTED_ONLY = re.compile(r"[ \u3000]*“[^“”]{1,20}”[ \u3000]*")  # a name in quotes, nothing else


def _is_setup_amount(stext: str, r: _Read) -> bool:
    """设立2000万元X基金, 设立规模为3亿元的X基金: the size of something set up, not a statistic;
    and an amount naming a first product to its right (发行了2000万元的首单X可转债), the size
    of that product (a financing product's amount, not a statistic)."""
    voc = _vocab()
    if r.q.quantity.unit != "元" or r.side == "inherit":
        return False
    if r.side == "right" and voc.single_product.found_in(r.metric):
        return True
    if r.side == "right" and _QUOTED_ONLY.fullmatch(stext, r.q.end, _clause_end(stext, r.q.end, lists=False)):
        return True  # 获得200万元“桂惠贷”: the amount of a named product (P2), not a statistic
    starts, earliest_end = _setup_verbs_at(stext)
    i = bisect.bisect_left(starts, _clause_start(stext, r.q.start))
    if i == len(starts) or earliest_end[i] > r.q.start:
        return False  # no setup verb in the clause before the amount
    if r.side == "right":
        return voc.setup_nouns.found_in(r.metric)
    # read to the left: the thing set up is named after the amount, in the same clause
    after = r.q.end
    return stext.startswith("的", after) and voc.setup_nouns.found_in(
        stext, after, _clause_end(stext, after, lists=False)
    )


def _aim_between(s: SentenceAnalysis, cue_at: int | None, a: int, b: int) -> bool:
    """Whether a target cue (document offset ``cue_at``) stands between sentence offsets ``a``
    and ``b``: ``100亿元，预计2025年将突破120亿元`` aims past the value, it does not restate it."""
    return cue_at is not None and s.start + a < cue_at < s.start + b


def _is_threshold(stext: str, r: _Read, first_at: dict[str, int]) -> bool:
    """融资金额…，首次突破百亿元: a restated threshold for a name already measured
    (``first_at``: where the sentence first names each of its names)."""
    voc = _vocab()
    if r.side != "left":
        return False
    left = r.raw_left.rstrip() + r.q.quantity.text
    if not voc.threshold_verbs.found_in(left):
        return False
    return first_at.get(r.metric, _BIG) < r.q.start


_RANK_NUM = "0123456789一二三四五六七八九十百"


_SMALL_NUMERALS = "一二两三四五六七八九"


def _is_enumeration(q: QuantityMatch) -> bool:
    """``三个维度``, ``五个方面``, ``四项改革``: a count under ten written in words with a generic
    counter (data: enumeration_counters) enumerates what the text goes on to list; it is not a
    statistic (``三家银行``, ``五条经验`` keep their counters and stay)."""
    numeral = q.quantity.text.strip()
    k = len(numeral) - len(q.quantity.unit)
    if k != 1 or numeral[0] not in _SMALL_NUMERALS or numeral[1:] != q.quantity.unit:
        return False
    return q.quantity.unit in _vocab().enumeration_counters


def _is_tranche_label(s: SentenceAnalysis, qs: list[QuantityMatch], i: int) -> bool:
    """``1期项目是…``, ``浦东科创1、2期…证券``: a number with a tranche counter (期: data
    tranche_counters) that no verb governs labels a tranche; ``发行2期`` counts them."""
    q = qs[i]
    if q.quantity.unit not in _vocab().tranche_counters:
        return False
    k = q.start
    while i > 0 and s.text[qs[i - 1].end : k].strip(" \u3000") in _vocab().list_breaks:
        i -= 1
        k = qs[i].start  # 1、2期: the list's first number
    cs = _clause_start(s.text, k)
    if not s.text[cs:k].strip(" \u3000"):
        return True  # a clause opening with it: its subject
    before = s.word_at(s.start + k - 1)
    return before is not None and not before.tag.startswith("v")


def _is_membership(stext: str, q: QuantityMatch) -> bool:
    """``全国第二批6个…试点城市之一``: the count of a group the subject belongs to (data:
    membership_ends), not a statistic of the subject."""
    end = _clause_end(stext, q.end, lists=False)
    return _vocab().membership_ends.suffix(stext, q.end, end) is not None


def _is_noise(stext: str, r: _Read, *, aimed: bool = False) -> bool:
    """Values that are not statistics: ``这两天``/``这6家企业`` (a reference back), ``最小的…只有100元``
    and ``增长最快的三个领域`` (an extreme or a ranking), ``按照…划分的35个领域`` (a
    classification), a name holding an ordinal (``15个城市中第11个…``)."""
    voc = _vocab()
    q = r.q
    before = stext[max(0, q.start - 4) : q.start].rstrip(" \u3000")
    if _ends_with(before, 0, len(before), voc.demonstratives) is not None:
        return True
    if (_is_enumeration(q) and not aimed) or _is_membership(stext, q):
        return True  # (力争新建两个中心: an aim counts, M2)
    if q.quantity.unit == "%" and voc.subsidy_words.found_in(r.metric):
        return True  # 贷款贴息补助30%, 予贴息的政策50%: a policy's rate, not a statistic
    cstart = _clause_start(stext, q.start)
    if voc.extremes.found_in(stext, max(cstart, q.start - 24), q.start):
        return True
    if voc.limit_words.found_in(stext, max(cstart, q.start - 24), q.start):
        return True  # 最高赔付金额60万元, 单户最高可贷: a cap written into a product, not a statistic
    if _speaker_own(stext, q.start):
        return True
    if _starts_with(stext, cstart, q.start, voc.basis_clause_starts) is not None:
        return True
    k = r.metric.find("第")
    while k >= 0:
        j = k + 1
        while j < len(r.metric) and r.metric[j] in _RANK_NUM:
            j += 1
        if j > k + 1 and j < len(r.metric) and r.metric[j] in voc.rank_counters:
            return True
        k = r.metric.find("第", k + 1)
    return False


def _speaker_own(stext: str, pos: int) -> bool:
    """``“…，我们获得5000万元资助。”``: a figure a quoted speaker gives about their own body,
    a clause with a first-person subject (我们, 我公司), is not a statistic of the region
    (``帮助我们撬动1亿元销售额``, with 我们 as an object, stays)."""
    voc = _vocab()
    cs = _clause_start(stext, pos)
    while cs < pos and stext[cs] in " \u3000“":
        cs += 1
    if voc.first_person.prefix(stext, cs, pos) is None:
        return False
    opened = stext.rfind("“", 0, pos)
    if opened >= 0:
        if stext.find("”", opened, pos) >= 0:
            return False  # the quote closed before the value
        start = opened + 1
    elif stext.find("”", pos) >= 0:
        start = 0  # a quote opened in an earlier sentence and closing after the value
    else:
        return False
    return start <= cs


@lru_cache(maxsize=4)
def _sentence_flags(stext: str) -> tuple[bool, bool]:
    """Whether a sentence speaks of one product, and whether it sums several."""
    voc = _vocab()
    return voc.single_product.found_in(stext), voc.aggregate_cues.found_in(stext)


def _is_product_term(stext: str, r: _Read, single_para: bool) -> bool:
    """发行规模7800万元, 票面利率2.2%: a term of the one product the sentence or paragraph is about
    (a product's attribute, not a statistic) -- unless the sentence sums several (累计发行…)."""
    voc = _vocab()
    if _ends_with(r.metric, 0, len(r.metric), voc.product_attributes) is None:
        return False
    single, aggregate = _sentence_flags(stext)
    return (single_para or single) and not aggregate


# --------------------------------------------------------------------------- events


@attrs.frozen
class _Event:
    description: str
    date: PartialDate
    region: str | None
    sentence: SentenceAnalysis
    verb: str
    title: str | None
    clause_end: int = -1  # sentence offset where the event's clause ends


# X是1991年3月6日经国务院批准设立的…: a cleft sentence dating its subject's founding
_CLEFT_DATE = re.compile(r"是(?:于|在)?\d{4}年")


def _event_verb(clause: str) -> tuple[int, str] | None:
    """The first event verb of ``clause`` (the longest at that position) outside quotes, outside
    words that merely contain one (``获得感``), and not modifying a noun (``于2010年成立的X公司``,
    ``成立时间``: data attributive_followers) unless a cleft sentence dates it
    (``X是1991年3月6日经国务院批准设立的Y``)."""
    voc = _vocab()
    blocked: list[tuple[int, int]] = []
    if voc.event_not_verbs.found_in(clause):
        for w in voc.event_not_verbs:
            k = clause.find(w)
            while k >= 0:
                blocked.append((k, k + len(w)))
                k = clause.find(w, k + 1)
        blocked.sort()
    quoted = _quoted_spans(clause) if _QUOTED_RE.search(clause) else []
    best: tuple[int, str] | None = None
    for v in voc.event_verbs:
        k = clause.find(v)
        while k >= 0 and (best is None or k <= best[0]):
            if (
                not _inside(blocked, k)
                and not _inside(quoted, k)
                and (
                    voc.attributive_followers.prefix(clause, k + len(v), len(clause)) is None
                    or v in voc.gathering_verbs  # 在18日举行的发布会上: the meeting took place
                    or _CLEFT_DATE.search(clause, 0, k) is not None
                )
            ):
                if best is None or k < best[0] or (k == best[0] and len(v) > len(best[1])):
                    best = (k, v)
                break
            k = clause.find(v, k + 1)
    return best


# --------------------------------------------------------------------------- the extractor


def _is_heading(doc_text: str, s: SentenceAnalysis) -> bool:
    """A short line of its own with no sentence punctuation: a heading, which restates facts."""
    before = doc_text[max(0, s.start - 3) : s.start]
    after = doc_text[s.end : s.end + 3]
    own_line = (s.start == 0 or "\n" in before) and (s.end == len(doc_text) or "\n" in after)
    if not own_line or len(s.text) > 30:
        return False
    return not any(ch in s.text for ch in "，,。；;！!？?")


_DATELINE_BODY = 20  # text after a 【…】 label longer than this is a story, not page furniture


def _is_dateline(text: str) -> bool:
    """``【某某报讯】记者…报道：…``: a short bracketed label opening a story (kept), unlike a
    line of page furniture (``【责任编辑】某某``, skipped)."""
    close = text.find("】", 0, 16)
    return text.startswith("【") and close > 0 and len(text) - close - 1 > _DATELINE_BODY


def _skip_sentence(doc: Document, s: SentenceAnalysis) -> bool:
    voc = _vocab()
    text = s.text.lstrip(" \u3000")
    if text.startswith(voc.skip_prefixes) and not _is_dateline(text):
        return True
    if _is_heading(doc.text, s):
        return True
    if doc.title:
        t, n = _norm_title(doc.title), _norm(text)
        if n and (n == t or (len(n) >= 8 and n in t) or (len(t) >= 8 and t in n and len(n) <= len(t) + 12)):
            return True
    return False


def extract(doc: Document, analysis: Analysis | None = None) -> list[Milestone]:
    """Every Milestone stated in ``doc.text``, each with its evidence sentence.  Never raises on odd text.

    ``analysis`` is the document's shared :class:`~.analysis.Analysis` (made here when not given).
    """
    text = doc.text or ""
    if not text.strip():
        return []
    # given an analysis, the caller (extract_document) already reads a traditional text through
    # its simplified reading: scanning the text for traditional characters again is wasted
    folding = reading(text) if analysis is None else None
    if folding is not None:
        # called on its own with a text in traditional characters: the same reading, the same
        # restoring as extract_document
        title = fold(doc.title) if doc.title else doc.title
        read = attrs.evolve(doc, text=folding.folded, title=title)
        found = _extract(read, analyse(folding.folded, doc.published, doc.region))
        return [restore_record(m, folding) for m in found]
    return _extract(doc, analysis if analysis is not None else analyse(text, doc.published, doc.region))


def _extract(doc: Document, analysis: Analysis) -> list[Milestone]:
    text = doc.text or ""
    ref = doc.published
    voc = _vocab()
    stats: list[_Stat] = []
    events: list[_Event] = []
    para = -1
    ctx = _Context()
    first = True
    units = _units(text, analysis)
    single: dict[int, bool] = {}
    for unit in units:
        if voc.single_product.found_in(text, unit.start, unit.end):
            single[unit.para] = True
    carry: PartialDate | None = None  # the day of the event last told (see _carried_date)
    carry_para = -1  # the paragraph telling it
    for unit in units:
        if unit.para != para:
            para = unit.para
            ctx = _Context(lead=ctx.lead, single_para=single.get(para, False))
        dates = _unit_dates(text, unit, ref)
        free = [d for d in dates if not d.quoted]
        all_ix = _Dates(dates)
        free_ix = all_ix if len(free) == len(dates) else _Dates(free)  # no quoted date: the same index
        cue = voc.target_cues.pattern.search(text, unit.start, unit.end)  # the first cue
        cue_at = cue.start() if cue is not None else None
        unit_cue = cue_at is not None
        planned = unit_cue or any(d.match.relation == "target" for d in free)  # no events in a plan
        for s in unit.sentences:
            if _skip_sentence(doc, s):
                continue
            own = all_ix.has_free_in(s.start, s.end)
            fallback = None
            if not own and carry is not None:
                opener = s.text.lstrip(" \u3000")
                if carry_para == para or voc.continuations.prefix(opener, 0, len(opener)) is not None:
                    fallback = carry
                    carry_para = para  # 活动期间，…: this paragraph goes on with the event
            found = [] if planned else _sentence_events(doc, s, all_ix, fallback)
            if own:
                carry = _carried_date(found)
                carry_para = para
            if first:
                first = False
                ctx.lead = _lead_date(found, dates, s)
            stats.extend(_sentence_stats(doc, s, free_ix, ctx, cue_at))
            events.extend(found)
        initial = [d for d in free if d.clause_initial and not d.after_yu]
        if initial:
            ctx.topic = initial[-1]
            ctx.topic_target = ctx.topic.match.relation == "target" or unit_cue
        dated = [d for d in free if d.match.date is not None and d.match.relation != "target"]
        if dated:
            ctx.para_year = dated[-1].match.date.year if dated[-1].match.date else ctx.para_year
    year = _document_report_year(doc)
    if year is not None:
        # an annual report's statistics with no date of their own are of the report's year
        stats = [
            attrs.evolve(st, date=PartialDate(year))
            if st.date is None and st.kind is MilestoneKind.MEASUREMENT
            else st
            for st in stats
        ]
    return [_with_basis(m) for m in _merge_stats(stats)] + _merge_events(events)


_BASIS_CLAUSE_BREAKS = "，,；;。！？!?"
_BASIS_LOOKBACK = 2  # clauses before the value's own that may carry its 累计 (累计…，其中…)


def _with_basis(m: Milestone) -> Milestone:
    """A statistic's basis: a running total when a cumulative word (累计, 总计, 截至目前…; data:
    lexicon ``cumulative_cues``) stands in its clause before the value, or in the clause before
    that ending the same statement; the value of a period when it has a date of its own; else
    unknown."""
    if m.kind is MilestoneKind.EVENT or m.quantity is None:
        return m
    text = m.evidence.text
    k = text.find(m.quantity.text) if m.quantity.text else -1
    if k < 0:
        k = len(text)
    start = k
    for _ in range(_BASIS_LOOKBACK):
        j = max(text.rfind(c, 0, start) for c in _BASIS_CLAUSE_BREAKS)
        if j < 0:
            start = 0
            break
        start = j
    head = text[start:k]
    if any(c in head for c in lexicon()["cumulative_cues"]):
        return attrs.evolve(m, basis=Basis.CUMULATIVE)
    if m.date is not None:
        return attrs.evolve(m, basis=Basis.PERIOD)
    return m


@attrs.define
class _Context:
    """What earlier sentences tell a statistic with no date of its own."""

    topic: _Date | None = None  # the last clause-initial date of the paragraph
    topic_target: bool = False
    single_para: bool = False  # the paragraph speaks of one product (首单, 该产品, 本期...)
    para_year: int | None = None  # the year last written in the paragraph
    lead: PartialDate | None = None  # the date of the event the article's first sentence reports


def _lead_date(found: list[_Event], dates: list[_Date], s: SentenceAnalysis) -> PartialDate | None:
    """The year of the news event an article opens with, when it is a deal or a launch
    (``近日，…正式挂牌``; ``9月26日，…成功发行``): the statistics reported after it without a
    date of their own are about that event."""
    if not found or found[0].verb not in _vocab().lead_verbs:
        return None
    own = [d for d in dates if s.start <= d.start < s.end and not d.quoted and d.match.date is not None]
    if not own or own[0].after_yu or own[0].match.relation not in ("at", "relative"):
        return None
    return PartialDate(found[0].date.year)


def _carried_date(found: list[_Event]) -> PartialDate | None:
    """The day of the last event of a sentence with a date of its own, when known to the day
    (``9月1日上午，…成立大会举行``): the following sentences of its paragraph, and sentences
    opening with a continuation (``活动期间``, ``随后``), tell more of that day."""
    if not found or found[-1].date.day is None:
        return None
    return found[-1].date


def _year_before(dates: _Dates, pos: int) -> int | None:
    """The year of the last resolved date before ``pos`` (a few steps back at most)."""
    i = bisect.bisect_left(dates.starts, pos) - 1
    for d in dates.dates[max(0, i - 8) : i + 1][::-1]:
        if d.match.date is not None:
            return d.match.date.year
    return None


def _resolve_in_context(m: DateMatch, year: int | None, ref: PartialDate | None) -> PartialDate | None:
    """A date with no year of its own (``截至年底``, ``同年3月``) read in the year of its context."""
    if year is None or m.date is not None:
        return m.date
    again = find_dates(f"{year}年，{m.text}", ref)
    return again[-1].date if len(again) >= 2 else None


def _sentence_stats(
    doc: Document,
    s: SentenceAnalysis,
    free: _Dates,
    ctx: _Context,
    cue_at: int | None,
) -> list[_Stat]:
    stext = s.text
    qs = find_quantities(stext)
    if not qs:
        return []
    aim = cue_at - s.start if cue_at is not None and cue_at >= s.start else None
    reads = _read_names(stext, qs, s, aim)
    first_at: dict[str, int] = {}
    for r in reads:
        if r is not None:
            first_at.setdefault(r.metric, r.q.start)  # reads are in text order
    out: list[_Stat] = []
    last: _Stat | None = None
    prev_span: tuple[PartialDate | None, PartialDate | None] = (None, None)
    for i, r in enumerate(reads):
        q = qs[i]
        if q.is_change:
            own = r is not None and r.side == "left" and r.metric
            if not own and last is not None and last.change is None and i and not qs[i - 1].is_change:
                out[-1] = last = attrs.evolve(last, change=q.quantity)
                continue
            if not own or r is None:
                continue
        if (
            r is None
            or _is_setup_amount(stext, r)
            or (
                _is_threshold(stext, r, first_at) and not _aim_between(s, cue_at, first_at[r.metric], q.start)
            )
            or _is_noise(stext, r, aimed=aim is not None and aim < r.q.start)
            or _is_tranche_label(s, qs, i)
        ):
            continue
        if _is_product_term(stext, r, ctx.single_para):
            continue  # 发行利率2.77%, in a sentence about one product: a term of that product
        pos = s.start + q.start
        own_date = _last_before(free, pos, events=False)
        while own_date is not None and _is_base_date(s, own_date, q):
            own_date = _last_before(free, own_date.start, events=False)  # 是2013年的3.2倍: the base
        topic = ctx.topic
        governing: DateMatch | None = (
            own_date.match if own_date is not None else (topic.match if topic else None)
        )
        target = (
            (governing is not None and governing.relation == "target")
            or (ctx.topic_target and own_date is None)
            or (cue_at is not None and cue_at < pos)
        )
        if q.is_change and not target and not _is_rate_name(r.metric):
            continue  # a change with no value of its own
        if governing is not None and governing.date is None:
            year = _year_before(free, pos)
            if year is None:
                year = topic.match.date.year if topic and topic.match.date else ctx.para_year
            resolved = _resolve_in_context(governing, year, doc.published)
            if resolved is not None:
                governing = attrs.evolve(governing, date=resolved)
        date, end = _when(governing) if governing is not None else (None, None)
        if governing is None and ctx.lead is not None:
            date = ctx.lead
        if governing is not None and governing.relation == "since" and governing.date is not None:
            date, end = _since_date(governing), None
        if r.side == "inherit":
            # 由X提高到Y over a period: X at its start, Y at its end
            if prev_span[0] is not None:
                date = prev_span[1]
        elif governing is not None and governing.relation == "since" and _from_value(r):
            prev_span = (governing.date, governing.end)
            date = governing.date
        metrics = _split_list(_without_comparison(r.metric)) if q.is_change else [r.metric]
        anchor_rel = (
            r.metric_start
            if r.side == "respective"  # 分别占全省的…: the place of the value it goes with
            or _starts_with(stext, r.metric_start, len(stext), _vocab().comparison_prefixes)
            else q.start
        )
        region = _record_region(doc, s.start, s.end, s.start + anchor_rel)
        for metric in metrics:
            st = _Stat(
                MilestoneKind.TARGET if target else MilestoneKind.MEASUREMENT,
                metric,
                q.quantity,
                None,
                date,
                end,
                region,
                s,
            )
            out.append(st)
            last = st
    return out


def _is_rate_name(metric: str) -> bool:
    """增幅, 年平均增长率, 贷款余额较年初: a change named as a statistic of its own (a growth rate
    stated on its own is a measurement in %), not a bare change cue."""
    voc = _vocab()
    return bool(metric) and (
        voc.rate_heads.suffix(metric, 0, len(metric)) is not None
        or voc.comparison_tails.suffix(metric, 0, len(metric)) is not None
    )


def _without_comparison(metric: str) -> str:
    """``贷款余额较年初`` -> ``贷款余额``: what a growth is compared with is not its name."""
    tail = _vocab().comparison_tails.suffix(metric, 0, len(metric))
    return metric[: len(metric) - len(tail)] if tail and len(tail) < len(metric) else metric


def _is_base_date(s: SentenceAnalysis, d: _Date, q: QuantityMatch) -> bool:
    """``是2013年的3.2倍``: the date of the value a ratio compares with, not the ratio's date."""
    between = s.text[d.end - s.start : q.start].strip(" \u3000")
    return (
        q.quantity.unit == "倍"
        and between.startswith("的")
        and _vocab().clause_break_re.search(between) is None  # …的3.2倍、2.5倍: the list shares it
    )


def _from_value(r: _Read) -> bool:
    """``由X``/``从2011年的X``: the value a change starts from."""
    left = _without_trailing_date(r.raw_left.rstrip())
    return _ends_with(left, 0, len(left), _vocab().from_markers) is not None


def _to_verb_before(stext: str, a: int, b: int) -> bool:
    """``提升到Y``/``增至2024年Y``: a verb of reaching (and a date) right before a value."""
    lead = _without_trailing_date(stext[a:b].rstrip())
    return _ends_with(lead, 0, len(lead), _vocab().to_verbs) is not None


_LIST_SPLIT = re.compile(r"[、和及与]")


def _split_list(metric: str) -> list[str]:
    """``A、B`` before one rate: each name gets the rate (targets of growth)."""
    parts = [p for p in _LIST_SPLIT.split(metric) if len(p) >= 2]
    return parts if len(parts) > 1 else [metric]


_REPORT_YEAR = re.compile(r"\s*(\d{4})年")


@lru_cache(maxsize=64)
def _report_year(title: str | None) -> int | None:
    """The year of an annual report (``2022年…白皮书``, ``…2023年度报告``) from its title."""
    if not title or not _vocab().report_words.found_in(title):
        return None
    m = _REPORT_YEAR.match(title) or _REPORT_YEAR.search(title)
    return int(m.group(1)) if m is not None and 1990 <= int(m.group(1)) <= 2999 else None


_REPORT_LOOKAHEAD = 300  # how far into the text the title of the report an article is about is looked for


def _document_report_year(doc: Document) -> int | None:
    """The year of the annual report an article is about: from its headline
    (``2022年…白皮书``), else, when the headline names a report without a year
    (``…发布知识产权“白皮书”``), from the first report title near the start of the text
    (``《2024年…发展与保护状况(白皮书)》发布``)."""
    year = _report_year(doc.title)
    if year is not None or not doc.title or not _vocab().report_words.found_in(doc.title):
        return year
    text = doc.text or ""
    for m in _TITLE_RE.finditer(text, 0, min(len(text), _REPORT_LOOKAHEAD)):
        year = _report_year(m.group(1))
        if year is not None:
            return year
    return None


_TRAILING_BRACKET = re.compile(r"[(（][^()（）]{0,20}[)）]\s*$")


def _is_adverbial(clause: str) -> bool:
    """A clause that is a prepositional frame (在…阶段, 在…过程中, 随着…背景下): it times or
    places the clause after it and states nothing itself."""
    voc = _vocab()
    text = _TRAILING_BRACKET.sub("", clause.strip(" \u3000"))
    if voc.adverbial_openers.prefix(text, 0, len(text)) is None:
        return False
    return voc.adverbial_heads.suffix(text, 0, len(text)) is not None


def _ongoing(s: SentenceAnalysis, a: int, b: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether the clause ``s.text[a:b]`` tells an ongoing effort (持续推动, 要…): an ongoing cue
    outside quotes, as a word or heading a set phrase (积极开展; ``要求`` is no ``要``), and not an
    attribute (…推动的X正式挂牌)."""
    stext = s.text
    for m in _vocab().ongoing_cues.pattern.finditer(stext, a, b):
        k, w = m.start(), m.group()
        if _inside(quoted, k) or stext.startswith("的", m.end()):
            continue
        if len(w) > 1:
            return True  # 推动, 持续: a cue of two characters is that word (no segmenting)
        word = s.word_at(s.start + k)
        if word is None or word.start != s.start + k:
            continue  # inside a word (重要, 需要)
        if s.is_boundary(s.start + m.end()) or word.end - word.start >= len(w) + 2:
            return True  # whole words (要, 更大力度), or a set phrase it heads (积极开展), not 要求
    return False


_EVENT_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")


def _sentence_events(
    doc: Document, s: SentenceAnalysis, dates: _Dates, fallback: PartialDate | None = None
) -> list[_Event]:
    """The events of one sentence of a unit with no target (``dates``: the unit's dates).
    ``fallback`` dates an event with no date of its own in the unit (the day of the event an
    earlier sentence told, which this one goes on with)."""
    voc = _vocab()
    stext = s.text
    if not voc.event_verbs.found_in(stext):
        return []  # every event is told by an event verb
    quoted = _quoted_spans(stext)
    starts = dates.starts
    out: list[_Event] = []
    start = 0
    bounds: list[tuple[int, int]] = []
    for m in _EVENT_CLAUSE_BREAK.finditer(stext):
        k = m.start()
        if not _inside(quoted, k):
            bounds.append((start, k))
            start = k + 1
    bounds.append((start, len(stext)))
    future = False
    for ci, (a, b) in enumerate(bounds):
        prev_clause = bounds[ci - 1] if ci else None
        if future:
            break  # a plan: this clause and the rest of the sentence (see below)
        clause = stext[a:b]
        bare = _QUOTED_RE.sub("", clause)
        if voc.future_not_cues.found_in(bare):
            for noun in voc.future_not_cues:
                bare = bare.replace(noun, "")
        if voc.future_cues.found_in(bare):
            future = True  # a plan: this clause and the rest of the sentence
        # cheap tests first: an event needs an event verb, and no quantity
        if future or not clause.strip() or not voc.event_verbs.found_in(clause):
            continue
        counted = find_quantities(clause)
        if _ongoing(s, a, b, quoted):
            continue
        if _is_adverbial(clause) or voc.citation_ends.suffix(bare, 0, len(bare.rstrip(" \u3000"))):
            continue  # 在启动建设阶段(2017年): a time frame for what follows, not an event
        found = _event_verb(clause)
        if found is None:
            continue
        vpos, verb = found
        counted = [q for q in counted if not _is_membership(clause, q)]  # …6个试点城市之一
        if counted and (verb in voc.count_weak_verbs or any(q.end > vpos for q in counted)):
            # 发行4支产品, 发放贷款100亿元: a statistic; only counted actors before the verb
            # (4个产品入选…, 2期项目于8月14日发行) leave the clause an event
            continue
        abs_v = s.start + a + vpos
        before = _last_before(dates, abs_v, events=True)
        chosen: DateMatch | None = before.match if before is not None else None
        if chosen is None:
            for i in range(bisect.bisect_left(starts, s.start + a), len(starts)):
                d = dates.dates[i]
                if d.start >= s.start + b:
                    break
                if d.match.date is not None and (not d.quoted or "年度" in d.match.text):
                    chosen = d.match
                    break
        if chosen is None and fallback is not None and verb not in voc.uncarried_verbs:
            chosen = DateMatch(fallback, None, 0, 0, "", "at")
        if chosen is None or chosen.date is None:
            year = _report_year(doc.title)
            if year is None or verb in voc.report_weak_verbs:
                continue
            # an annual report (2022年…白皮书): what it tells with no date happened that year
            chosen = DateMatch(PartialDate(year), None, 0, 0, "", "at")
        if chosen.date is None:
            continue
        started = chosen.text.endswith(voc.event_start_marks)  # 2017年6月开始筹建: when it began
        date = chosen.end if chosen.relation == "since" and chosen.end and not started else chosen.date
        if _is_present(chosen):
            ref = doc.published
            recent = ref is not None and ref.month is not None and chosen.text.endswith(voc.recent_words)
            # 近日，…挂牌: within days of publication, so its month; 目前 only gives the year
            date = (
                PartialDate(ref.year, ref.month)
                if recent and ref is not None
                else PartialDate(chosen.date.year)
            )
        if date is None:
            continue
        desc_start, desc_end = a, b
        while desc_start < desc_end and stext[desc_start] in _DESC_PUNCT:
            desc_start += 1
        k = bisect.bisect_left(starts, s.start + desc_start)
        if k < len(starts) and starts[k] == s.start + desc_start and not dates.dates[k].quoted:
            desc_start = dates.dates[k].end - s.start
        for _ in range(5):
            while desc_start < desc_end and stext[desc_start] in _DESC_PUNCT:
                desc_start += 1
            w = _starts_with(stext, desc_start, desc_end, voc.event_strip)
            if w is None:
                break
            desc_start += len(w)
        description = stext[desc_start:desc_end].strip(" \u3000")
        title_m = _TITLE_RE.search(description)  # the clause's own title, not the one before
        head = stext[desc_start : a + vpos]
        told = bool(out) and out[-1].sentence is s and out[-1].clause_end == (prev_clause or (0, -1))[1]
        if (not head.strip() or head.startswith("于")) and prev_clause is not None and not told:
            # 1期项目是国内首单…，于今年3月4日发行: the clause before names what happened
            description = stext[prev_clause[0] : prev_clause[1]].strip(" \u3000") + "，" + description
        if len(description) < 4:
            continue
        region = _record_region(doc, s.start, s.end, abs_v)
        out.append(_Event(description, date, region, s, verb, title_m.group(1) if title_m else None, b))
    return out


# --------------------------------------------------------------------------- merging


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    return a.contains(b) or b.contains(a)


def _same_name(a: str, b: str) -> bool:
    if a == b or (len(a) >= 2 and a in b) or (len(b) >= 2 and b in a):
        return True
    return _common_run(a, b, _RUN)


_RUN = 6  # names sharing this many characters in a row are one name (see _same_name)


_SCAN = 8  # a bucket of up to this many kept names is scanned whole, not indexed


class _NameIndex:
    """Kept names of one kind, value and unit, indexed so that the names :func:`_same_name`
    may pair with a new one are found without comparing it with every kept name: by the whole
    name, and by every substring of 2 to ``_RUN`` characters.  Most buckets hold one name: up
    to ``_SCAN`` names, every kept index is a candidate and no index is built."""

    def __init__(self) -> None:
        self.kept: list[tuple[str, int]] = []
        self.exact: dict[str, list[int]] = {}
        self.subs: dict[str, list[int]] = {}

    def add(self, name: str, i: int) -> None:
        self.kept.append((name, i))
        if len(self.kept) > _SCAN:
            if len(self.kept) == _SCAN + 1:
                for kept_name, k in self.kept:
                    self._index(kept_name, k)
            else:
                self._index(name, i)

    def _index(self, name: str, i: int) -> None:
        self.exact.setdefault(name, []).append(i)
        grams = {name[j : j + n] for n in range(2, _RUN + 1) for j in range(len(name) - n + 1)}
        for g in grams:
            self.subs.setdefault(g, []).append(i)

    def candidates(self, name: str) -> list[int]:
        """In order, every kept index whose name may be ``_same_name`` as ``name`` (and more)."""
        if len(self.kept) <= _SCAN:
            return [i for _, i in self.kept]  # added in increasing order
        found: set[int] = set(self.exact.get(name, ()))
        size = len(name)
        # a kept name of 2..6 characters inside this one
        for n in range(2, min(_RUN, size) + 1):
            for j in range(size - n + 1):
                found.update(self.exact.get(name[j : j + n], ()))
        # a kept name holding this one (it holds its first 6 characters)
        if size >= 2:
            found.update(self.subs.get(name[:_RUN], ()))
        # a common run of 6, or a longer kept name inside this one: a common 6-gram
        for j in range(size - _RUN + 1):
            found.update(self.subs.get(name[j : j + _RUN], ()))
        return sorted(found)


def _merge_stats(stats: list[_Stat]) -> list[Milestone]:
    kept: list[_Stat] = []
    buckets: dict[tuple[str, Decimal, str], _NameIndex] = {}
    for st in stats:
        dup = None
        bucket = buckets.setdefault((st.kind.value, st.quantity.value, st.quantity.unit), _NameIndex())
        for i in bucket.candidates(st.metric):
            k = kept[i]
            if k.metric == st.metric and k.date == st.date:
                dup = i
                break
            if (
                k.sentence != st.sentence
                and _dates_agree(k.date, st.date)
                and _same_name(k.metric, st.metric)
            ):
                dup = i
                break
        if dup is None:
            bucket.add(st.metric, len(kept))
            kept.append(st)
            continue
        k = kept[dup]
        if k.date is None and st.date is not None:
            kept[dup] = attrs.evolve(k, date=st.date)
        if k.change is None and st.change is not None:
            kept[dup] = attrs.evolve(kept[dup], change=st.change)
    out: list[Milestone] = []
    for st in kept:
        desc = st.metric + st.quantity.text
        out.append(
            Milestone(
                kind=st.kind,
                description=desc,
                evidence=Evidence(st.sentence.start, st.sentence.end, st.sentence.text),
                date=st.date,
                end=st.end,
                region=st.region,
                metric=st.metric,
                quantity=st.quantity,
                change=st.change,
            )
        )
    return out


def _merge_events(events: list[_Event]) -> list[Milestone]:
    kept: list[_Event] = []
    by_year: dict[int, list[int]] = {}
    for ev in events:
        dup = None
        bucket = by_year.setdefault(ev.date.year, [])
        for i in bucket[-50:]:
            k = kept[i]
            if k.title and ev.title and k.title == ev.title:
                dup = i
                break
            if (
                k.verb == ev.verb
                and _dates_agree(k.date, ev.date)  # 1期…3月4日发行; 2期…8月14日发行: two issues
                and _common_run(k.description, ev.description, 6)
            ):
                dup = i
                break
        if dup is None:
            bucket.append(len(kept))
            kept.append(ev)
            continue
        k = kept[dup]
        if ev.date.precision != k.date.precision and k.date.contains(ev.date):
            kept[dup] = attrs.evolve(k, date=ev.date)
    return [
        Milestone(
            kind=MilestoneKind.EVENT,
            description=ev.description,
            evidence=Evidence(ev.sentence.start, ev.sentence.end, ev.sentence.text),
            date=ev.date,
            region=ev.region,
        )
        for ev in kept
    ]
