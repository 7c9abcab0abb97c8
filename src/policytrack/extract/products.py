"""Extraction of :class:`~policytrack.models.FinancingProduct` records.

A product is one specific IP-finance product, deal or fund, not a statistic
about many of them.  It is found as

* a **name**: a quoted name ending in a product word (``“苏知贷”``,
  ``“中信证券—…资产支持专项计划”``) or a quoted name followed by a bracketed
  type (``“越知1号”（科创票据ABN）``);
* a **description**: a noun phrase ending in a product word (证券化产品, 保险/险,
  基金, 风险补偿资金池…) whose modifier says which one it is
  (``纯专利资产证券化产品``, ``知识产权海外侵权责任保险``,
  ``广州开发区知识产权运营发展基金``).  A bare ``知识产权证券化产品`` or a counted
  one (``累计发行4支知识产权证券化产品``) is a statistic and is skipped.
  Coordinated modifiers give one product each
  (``纯专利、纯商标资产证券化产品`` → two).  A generic description made
  specific by a first claim (``东莞市首支知识产权证券化产品``) is one product, the
  named product of its kind when the document has one; a securitisation
  description whose modifier is only a place (``重庆市知识产权证券化产品``) is not.
  Pledge descriptions count only for an asset class (``数据知识产权质押融资``,
  ``以集成电路布图为标的物的知识产权质押融资``);
* an **unquoted loan name** before a product word (``苏知贷产品``).

Anaphors (``本期专项计划``, ``该产品``, ``此次全门类产品``) are never products:
they stand for the last named product (the last product when none is named)
and carry their sizes and rates to it.  A sentence restating the current
product (``该项目是全国首单…产品、…票据``, ``这是…产品``) merges its
descriptions into it, as does a description after a record verb (``创下全国首单…ABS``).

Amounts come from :func:`~policytrack.extract.numbers.find_quantities`: a
quantity right before the description (``6500万元…基金``, ``规模为3亿元的…基金``),
after a size cue (``发行规模7800万元``, ``储架额度10亿``; ``均`` shares it with
the sentence's other products; an issue's size ``首期发行1亿元`` before a shelf's) or in the name (``千万保额``); rates after a
rate cue (``票面利率低至1.96%``).  A size or rate stated later in the product's
paragraph (or the next sentence) belongs to it.  A description linked to a name
(``…证券化产品——“越知1号”``) and later mentions of either are merged into one
record, named by its name.  The date is an absolute date before the mention,
or a relative one (``近日``, ``9月26日``) read against the publication date.
Vocabulary: ``data/products.json``.
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
from ..models import Document, Evidence, FinancingProduct, PartialDate, ProductKind, Qualifier, Quantity
from . import dates, numbers
from . import regions as _regions
from .analysis import Analysis, analyse
from .script_fold import fold_characters as simplified
from .sentences import Sentence

__all__ = ["extract"]

_CLAUSE_BREAK = "，。、；：！？,.;:!?\n\r\t 　“”‘’「」《》()（）【】[]"
_NUMERAL = "0-9０-９一二三四五六七八九十百千万亿两"
_CJK = "\u4e00-\u9fff"
_IP_TYPES = ("专利", "商标", "版权")  # generic alone, but they tell coordinated products apart
_WINDOW = 80  # how far after a product its size or rate is looked for
_LINK_LIMIT = 50  # mentions per sentence compared for description-name links


@attrs.frozen
class _Vocab:
    heads: dict[str, ProductKind]
    named: dict[str, ProductKind]
    bad_followers: tuple[str, ...]
    bad_before_head: tuple[str, ...]
    verbs: tuple[str, ...]
    first_cues: tuple[str, ...]
    generic_words: tuple[str, ...]
    tail_words: tuple[str, ...]  # ``generic_words`` but the IP types, in order
    counters: str
    amount_cues: tuple[str, ...]  # issue cues (首期发行) first: an issue's size beats its shelf's (储架规模)
    record_verbs: tuple[str, ...]
    amount_blockers: tuple[str, ...]
    rate_cues: tuple[str, ...]
    link_marks: tuple[str, ...]
    pledge_heads: frozenset[str]
    pledge_assets: tuple[str, ...]
    loan_name_followers: tuple[str, ...]
    loan_name_stop: tuple[str, ...]
    anaphor_nouns: tuple[str, ...]
    copulas: tuple[str, ...]
    pronoun_copulas: tuple[str, ...]
    region_generic_kinds: frozenset[ProductKind]
    not_launch_dates: frozenset[str]
    head_re: re.Pattern[str]
    cut_re: re.Pattern[str]
    anaphor_re: re.Pattern[str]
    loan_re: re.Pattern[str]
    named_longest_first: tuple[tuple[str, ProductKind], ...]  # ``named``, longest suffix first
    rate_res: tuple[re.Pattern[str], ...]  # a rate after each of ``rate_cues``, in order
    counted_before_re: re.Pattern[str]  # a count ends the text before a description: 4支
    counted_after_re: re.Pattern[str]  # a count starts the text: 4支
    # a word a description never starts before: a function word, a scope or time phrase
    boundary_re: re.Pattern[str]
    leading_particles: tuple[str, ...]  # dropped from a description's start: 了, 已
    ip_re: re.Pattern[str]  # an IP word: 知识产权, 专利, 商标…
    pointer_lead_re: re.Pattern[str]  # a pointing word or tranche ordinal starting a modifier: 本期, 第一期
    any_re: re.Pattern[str]  # no match: the sentence holds no quote, anaphor, product head or loan name
    # a size between a set-up verb and the description: 设立300万元(风险补偿基金), 发行了2000万元的全区首单(…)
    setup_amount_re: re.Pattern[str]
    loan_slogan_leads: tuple[str, ...]  # “不敢贷”: a quoted loan word starting with these is a slogan
    loan_slogan_followers: tuple[str, ...]  # “…贷”难题: a quoted loan word followed by these is a slogan
    label_after_re: re.Pattern[str]  # a product noun right after a quoted label: “知疆通”专项金融业务
    label_before_re: re.Pattern[str]  # a product noun (and link mark) right before one: 信贷产品“血橙贷”
    label_apposition_re: re.Pattern[str]  # “智融宝”这一纯知识产权质押贷款产品: the description after a label
    label_kind_cues: tuple[tuple[str, ProductKind], ...]  # 质押 → pledge loan, 信贷 → other…, in order
    label_appositives: tuple[str, ...]  # 这一, 这款: between a quoted name and its description
    label_copula_re: re.Pattern[str]  # 「X」是…的一款信贷产品: a copula and the description of a label
    first_participles: tuple[str, ...]  # 获批的: between a first-claim cue and its description
    plan_re: re.Pattern[str]  # 正在推动设立, 拟发行: what the clause sets up after it is planned
    subject_copulas: tuple[str, ...]  # X专项计划是…: the descriptions after it restate X
    scheme_heads: frozenset[str]  # 质押保险贷款: a scheme of its own, a product when launched
    launch_re: re.Pattern[str]  # 推出, 推行: a scheme launched in the clause


def _kinds(table: dict[str, list[str]]) -> dict[str, ProductKind]:
    return {word: ProductKind(kind) for kind, words in table.items() for word in words}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _first_chars(words: Iterable[str]) -> str:
    """The first characters of ``words``, escaped for a character class (a lookahead made of
    them lets a scan skip every other position fast)."""
    return re.escape("".join(sorted({w[0] for w in words if w})))


def _function_words(words: Iterable[str], compounds: Iterable[str]) -> str:
    """An alternation of function words, each not read inside one of ``compounds`` (自 not in 自贸)."""
    compounds = list(compounds)
    parts: list[str] = []
    for w in sorted(set(words), key=len, reverse=True):
        behind = "".join(f"(?<!{re.escape(c[: -len(w)])})" for c in compounds if c.endswith(w) and c != w)
        ahead = [c[len(w) :] for c in compounds if c.startswith(w) and c != w]
        parts.append(behind + re.escape(w) + (f"(?!{_alternation(ahead)})" if ahead else ""))
    return "|".join(parts)


# a year, month or day and what makes it a time phrase, not the start of a tranche name (2022年第1期)
_TIME_PHRASE = (
    r"[0-9０-９]{2,4}年(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}[日号])?"
    r"(?:以来|以前|前|后|起|底|初|末|内|上半年|下半年)?(?![第度0-9０-９])"
)


def _bylen(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw: dict[str, Any] = load_json("products.json")
    heads = _kinds(raw["heads"])
    head_re = f"(?:{_alternation(heads)})"
    anaphor_re = (  # a pointing word, at most four characters of modifier, a product noun: 本期专项计划
        f"(?:{_alternation(raw['anaphor_pointers'])})[{_CJK}]{{0,4}}?(?:{_alternation(raw['anaphor_nouns'])})"
    )
    loan_re = f"[{_CJK}]贷(?=(?:{_alternation(raw['loan_name_followers'])}))"
    return _Vocab(
        heads=heads,
        named=_kinds(raw["named_suffixes"]),
        bad_followers=tuple(raw["bad_followers"]),
        bad_before_head=tuple(raw["bad_before_head"]),
        verbs=_bylen(raw["verbs"]),
        first_cues=_bylen(raw["first_cues"]),
        generic_words=_bylen(raw["generic_words"]),
        tail_words=tuple(w for w in _bylen(raw["generic_words"]) if w not in _IP_TYPES),
        counters="".join(raw["counters"]),
        amount_cues=(*_bylen(raw["issue_amount_cues"]), *_bylen(raw["amount_cues"])),
        record_verbs=tuple(raw["record_verbs"]),
        amount_blockers=tuple(raw["amount_blockers"]),
        rate_cues=_bylen(raw["rate_cues"]),
        link_marks=tuple(raw["link_marks"]),
        pledge_heads=frozenset(w for w in raw["heads"]["pledge_loan"] if not w.endswith("产品")),
        pledge_assets=_bylen(raw["pledge_assets"]),
        loan_name_followers=_bylen(raw["loan_name_followers"]),
        loan_name_stop=tuple(raw["loan_name_stop"]),
        anaphor_nouns=_bylen(raw["anaphor_nouns"]),
        copulas=_bylen(raw["copulas"]),
        pronoun_copulas=tuple(raw["pronoun_copulas"]),
        region_generic_kinds=frozenset(ProductKind(k) for k in raw["region_generic_kinds"]),
        not_launch_dates=frozenset(raw["not_launch_dates"]),
        head_re=re.compile(head_re),
        cut_re=re.compile(f"(?:{_alternation([*raw['verbs'], *raw['first_cues']])})"),
        anaphor_re=re.compile(anaphor_re),
        loan_re=re.compile(loan_re),
        named_longest_first=tuple(sorted(_kinds(raw["named_suffixes"]).items(), key=lambda kv: -len(kv[0]))),
        rate_res=tuple(
            re.compile(
                re.escape(cue) + r"(?:低至|降至|仅为|约为|为|达|约|仅|是|:|：)*\s*([0-9０-９.]+)\s*[%％]"
            )
            for cue in _bylen(raw["rate_cues"])
        ),
        counted_before_re=re.compile(rf"(?<![第首{_NUMERAL}])[{_NUMERAL}]+[{''.join(raw['counters'])}]$"),
        counted_after_re=re.compile(rf"[{_NUMERAL}]+[{''.join(raw['counters'])}]"),
        boundary_re=re.compile(
            f"(?=[{_first_chars([*raw['function_words'], *raw['scope_words'], *raw['time_words']])}0-9０-９])"
            f"(?:{_function_words(raw['function_words'], raw['function_word_compounds'])}"
            f"|{_alternation([*raw['scope_words'], *raw['time_words']])}|{_TIME_PHRASE})"
        ),
        leading_particles=_bylen(raw["leading_particles"]),
        ip_re=re.compile(f"(?:{_alternation(raw['ip_words'])})"),
        pointer_lead_re=re.compile(f"^(?:第[{_NUMERAL}]+期|{_alternation(raw['anaphor_pointers'])})"),
        # a quote, a loan name's 贷, a head or a pointing word: one literal alternation scans fast
        any_re=re.compile(_alternation(["“", "「", "『", "贷", "期", *heads, *raw["anaphor_pointers"]])),
        setup_amount_re=re.compile(
            f"(?:{_alternation(raw['setup_verbs'])})了?([约近超逾]?[{_NUMERAL}.]{{1,12}}[万亿]?元)的?"
            f"(?:[{_CJK}]{{0,6}}(?:{_alternation(raw['first_cues'])}))?$"
        ),
        loan_slogan_leads=tuple(raw["loan_slogan_leads"]),
        loan_slogan_followers=tuple(raw["loan_slogan_followers"]),
        label_after_re=re.compile(f"^(?:{_alternation(raw['label_nouns_after'])})"),
        label_before_re=re.compile(
            f"(?:{_alternation(raw['label_nouns_before'])})(?:{_alternation(raw['link_marks'])})?$"
        ),
        label_apposition_re=re.compile(
            f"^(?:{_alternation(raw['label_appositives'])})[^{re.escape(_CLAUSE_BREAK)}]{{0,20}}?"
            f"(?:{_alternation([*raw['label_nouns_after'], *heads])})(?=[{re.escape(_CLAUSE_BREAK)}]|$)"
        ),
        label_appositives=tuple(raw["label_appositives"]),
        label_copula_re=re.compile(
            f"^(?:{_alternation(raw['label_copulas'])})[^{re.escape(_CLAUSE_BREAK)}]{{0,36}}?"
            f"(?:{_alternation(raw['label_nouns_after'])})(?=[{re.escape(_CLAUSE_BREAK)}]|$)"
        ),
        first_participles=_bylen(raw["first_participles"]),
        subject_copulas=_bylen(raw["subject_copulas"]),
        scheme_heads=frozenset(raw["scheme_heads"]),
        launch_re=re.compile(_alternation(raw["launch_verbs"])),
        plan_re=re.compile(f"(?:{_alternation(raw['plan_cues'])})(?:{_alternation(raw['setup_verbs'])})"),
        label_kind_cues=tuple(
            (cue, ProductKind(kind)) for kind, cues in raw["label_kind_cues"].items() for cue in cues
        ),
    )


@attrs.define
class _Mention:
    name: str
    kind: ProductKind
    start: int  # offsets into the document text
    end: int
    index: int  # sentence index
    sentence: Sentence
    named: bool
    modifier: str = ""
    amount: Quantity | None = None
    rate: Decimal | None = None
    # an anaphor (本期专项计划) or a restatement (该项目为…产品) stands for this earlier mention
    target: _Mention | None = None
    anaphor: bool = False
    first: bool = False  # a generic description made specific by a first claim: 东莞首支证券化产品
    record: bool = False  # after a record verb (创下全国首单…ABS): restates the last product
    tranche: bool = False  # 2期项目于8月14日发行: one tranche of the last securitization (the shelf)
    shelf: str = ""  # a tranche's shelf name


def _root(m: _Mention) -> _Mention:
    seen = 0
    while m.target is not None and seen < 50:
        m = m.target
        seen += 1
    return m


# ---------------------------------------------------------------- helpers


def _split_generic_tail(name: str, head: str) -> tuple[str, str]:
    """``纯商标资产证券化产品`` -> (``纯商标``, ``资产证券化产品``)."""
    body = name[: len(name) - len(head)]
    tail = head
    words = _vocab().tail_words
    while body.endswith(words):  # (one test of all the words first: most names end on none)
        for word in words:
            if body.endswith(word) and len(body) > len(word):
                body = body[: -len(word)]
                tail = word + tail
                break
        else:
            break
    return body, tail


def _is_generic(modifier: str) -> bool:
    """True when ``modifier`` says nothing specific: generic words, or a pointer (本期, 第一期) before them."""
    core = _vocab().pointer_lead_re.sub("", modifier)
    for word in _vocab().generic_words:
        core = core.replace(word, "")
    core = _JOINERS.sub("", core)
    return core == ""


def _counted(before: str, after: str) -> bool:
    vocab = _vocab()
    if vocab.counted_before_re.search(before):
        return True
    return bool(vocab.counted_after_re.match(after))


def _cut_left(left: str, head_len: int = 0, *, boundaries: bool = True) -> str:
    """The description ending ``left``: what follows the last verb, first-claim cue, function word
    (而, 对, 如, 自…), scope or time phrase before its head (the last ``head_len`` characters)."""
    vocab = _vocab()
    cut = max(left.rfind("的"), left.rfind("在")) + 1
    for m in vocab.cut_re.finditer(left, cut):
        cut = max(cut, m.end())
    if boundaries:
        for m in vocab.boundary_re.finditer(left, cut, len(left) - head_len):
            cut = max(cut, m.end())
    name = left[cut:]
    changed = True
    while changed:
        changed = False
        for word in vocab.leading_particles:
            if name.startswith(word) and len(name) > len(word) + 1:
                name, changed = name[len(word) :], True
                break
    return name


_SIZE_WORDS = "(?:规模|金额|总额|额度)"
_JOINERS = re.compile(r"[和与及、的]")
_QUOTED = re.compile(r"[“「『]([^“”「」『』\n]{1,60})[”」』]")
_TYPE_TAIL = re.compile(r"[（(][^（）()]{1,20}[）)]$")
_TYPE_AFTER = re.compile(r"\s*[（(]([^（）()]{1,20})[）)]")
# a clause; a short gloss in brackets inside a name (技术产权(技术交易)ABS) does not end it
_CLAUSE = re.compile(
    f"(?:[^{re.escape(_CLAUSE_BREAK)}]+|[（(][^{re.escape(_CLAUSE_BREAK)}]{{1,10}}[）)](?=[^{re.escape(_CLAUSE_BREAK)}]))+"
)
_TRANCHE_NO = f"第?[{_NUMERAL}]{{1,3}}期"
_TRANCHE_AFTER = re.compile(f"^第[{_NUMERAL}]{{1,3}}期")  # …ABS第三期
# a tranche opening a clause and doing something: 2期项目于8月14日发行, 其中，1期项目是…
_TRANCHE_LEAD = re.compile(
    f"(?:^|[，,；;。：:\n])(?:其中[，,]?)?({_TRANCHE_NO})(?:项目|产品)?(?=于|已|在|成功|顺利|是|为|也|发行|完成)"
)
_LABEL = re.compile(r"[“「『][^“”「」『』，。；,;\n]{1,60}[”」』]")
_LABEL_BREAK = re.compile(r"[，。；！？,;!?\n]")
_CREDIT = ("信用", "信贷")
_LEADING_JOINER = re.compile(r"^[和与及]")
_LEAD_AMOUNT = re.compile(rf"[约近超逾]?[{_NUMERAL}.]+[万亿]?元")
_SIZE_BEFORE = re.compile(rf"{_SIZE_WORDS}[为达约是]*([约近超逾]?[{_NUMERAL}.]+[万亿]?元)的$")
_COORDINATION = re.compile(r"[和与及]")
_MONEY_BEFORE = re.compile(rf"(?:获|获得|取得|发放|贷款)([约近超逾]?[{_NUMERAL}.]+[万亿]?元)的?$")
_OBTAINED = re.compile(r"(获|获得|取得|拿到|融资|贷款|授信)[了]?[约近超逾]?$")
_FIRST_BEFORE = re.compile(r"首[笔单例][^，。；,;]{0,10}$")
_SET_UP = re.compile(r"(设立|建立|设)了?$")
_SIZE_AFTER = re.compile(rf"^{_SIZE_WORDS}?[为达到约超逾近是:：]*[约近超逾]?[0-9０-９.]+[万亿]?元")
_CLAUSE_END = re.compile(r"[，,；;]")
_ADVERB = re.compile(r"^[也还则即亦]")
_AMOUNT_LEAD = re.compile(r"[可均为达到约超逾近是:：]*\s*(?=[约近超逾]?[0-9０-９一二三四五六七八九十百千])")
_BARE_AMOUNT = re.compile(r"([约近超逾]?)([0-9０-９.]+[万亿])(?![0-9０-９.万亿元美港欧件项个家])")
_INSURED = re.compile(rf"([{_NUMERAL}.]+)保额")
_KEY_DROP = re.compile(r"[\s“”‘’\"'（）()]")
_DASH = re.compile(r"[—\-－–]")
_PLEDGED_BY = re.compile(r"以([^，。；,;以为]{2,16})为(?:标的物|标的|质押物|质物)的?$")
_NAME_YEAR = re.compile(r"((?:19|20)[0-9]{2})年(?:度)?第[0-9０-９一二三四五六七八九十]+期")


def _place_only(modifier: str) -> bool:
    """True when ``modifier`` names only a place: 重庆市(知识产权证券化产品)."""
    core = modifier
    for word in _vocab().generic_words:
        core = core.replace(word, "")
    if not core:
        return True
    gazetteer = _gazetteer()
    return gazetteer is not None and gazetteer.get(core) is not None


def _is_doc_place(place: str, doc_region: str | None) -> bool:
    """True when ``place`` names ``doc_region`` (惠州市, 惠州 for 惠州市)."""
    gazetteer = _gazetteer()
    if not place or not doc_region or gazetteer is None:
        return False
    try:
        here = gazetteer.canonical(place)
        return here is not None and here == gazetteer.canonical(doc_region)
    except Exception:
        return False


def _pledge_asset(modifier: str) -> bool:
    """True when a pledge description's modifier is an asset class: 数据(知识产权质押融资)."""
    vocab = _vocab()
    core, hit = modifier, False
    for word in vocab.pledge_assets:
        if word in core:
            core, hit = core.replace(word, ""), True
    for word in vocab.generic_words:
        core = core.replace(word, "")
    return hit and not core


def _pledged_by(before: str) -> str | None:
    """``以甲资产为标的物的`` ending ``before`` when 甲资产 is a pledge asset class: the phrase."""
    m = _PLEDGED_BY.search(before)
    return m.group(0) if m and _pledge_asset(m.group(1)) else None


def _first_claimed(before: str) -> str | None:
    """``东莞市首支`` when ``before`` ends with a first-claim cue (and the place it is scoped to)."""
    vocab = _vocab()
    participle = next((w for w in vocab.first_participles if before.endswith(w)), "")
    before = before[: len(before) - len(participle)]  # 首个获批的(知识产权ABCP项目)
    cue = next((c for c in vocab.first_cues if before.endswith(c)), None)
    if cue is None:
        return None
    rest = before[: len(before) - len(cue)]
    gazetteer = _gazetteer()
    if gazetteer is not None and rest:
        try:
            found = gazetteer.find(rest[-8:])
        except Exception:
            found = []
        tail = rest[-8:]
        for mention in found:
            if mention.end == len(tail):
                return tail[mention.start :] + cue
    for scope in ("全国", "国内", "全省", "省内", "全市", "市内", "全区"):
        if rest.endswith(scope):
            return scope + cue
    return cue


def _last_money(text: str) -> Quantity | None:
    """The last sum of money ``text`` states as obtained (获融资2.2亿元, 获得贷款500万元), if any."""
    found = [q for q in numbers.find_quantities(text) if q.quantity.unit == "元" and not q.is_change]
    if not found or any(w in text for w in _vocab().amount_blockers):
        return None
    q = found[-1]
    return q.quantity if _OBTAINED.search(text[max(0, q.start - 8) : q.start]) else None


def _deal_claim(claimed: str | None) -> bool:
    """True for a first claim about one deal (首笔, 全市首单), not a first of a kind (首个, 首家)."""
    return claimed is not None and claimed.endswith(("笔", "单", "例"))


def _money(text: str) -> Quantity | None:
    for q in numbers.find_quantities(text):
        if q.quantity.unit == "元" and not q.is_change:
            return q.quantity
    return None


# ---------------------------------------------------------------- finders


def _quoted(s: Sentence, index: int) -> list[_Mention]:
    vocab = _vocab()
    out: list[_Mention] = []
    for m in _QUOTED.finditer(s.text):
        inner = m.group(1).strip()
        # a type in brackets at the end of the name: “…专项计划（数字经济I）”
        bare = _TYPE_TAIL.sub("", inner).strip()
        kind: ProductKind | None = None
        for suffix, k in vocab.named_longest_first:
            if bare.endswith(suffix) and len(bare) > len(suffix):
                kind = k
                break
        bracket = _TYPE_AFTER.match(s.text, m.end())
        if kind is None and bracket:
            for head, k in vocab.heads.items():
                if bracket.group(1).endswith(head):
                    kind = k
                    break
        label = _label_kind(s.text, m.start(), m.end(), bare)
        if kind is None:
            kind = label
        elif kind is ProductKind.PLEDGE_LOAN and (
            label is ProductKind.OTHER or (any(w in bare for w in _CREDIT) and "质押" not in bare)
        ):
            kind = ProductKind.OTHER  # “血橙贷” a 信贷产品, “知识价值信用贷”: credit, not a pledge loan
        if kind is None or ("—" in inner and kind is not ProductKind.SECURITIZATION):
            continue
        if kind is ProductKind.PLEDGE_LOAN and (
            bare in vocab.loan_name_stop
            or bare.startswith(vocab.loan_slogan_leads)
            or s.text.startswith(vocab.loan_slogan_followers, m.end())
        ):
            continue  # “不敢贷”难题: a slogan, not a product
        if kind is ProductKind.INSURANCE and inner[-2:] in ("风险", "危险"):
            continue
        if kind in (ProductKind.FUND, ProductKind.INSURANCE) and vocab.ip_re.search(s.text) is None:
            continue  # a fund or insurance with no IP word in its name or sentence
        sized = _MONEY_BEFORE.search(s.text, max(0, m.start() - 16), m.start())  # 获得200万元“桂惠贷”
        out.append(
            _Mention(
                inner,
                kind,
                s.start + m.start(),
                s.start + m.end(),
                index,
                s,
                named=True,
                amount=_money(sized.group(1)) if sized else None,
            )
        )
    return out


def _label_kind(text: str, start: int, end: int, bare: str) -> ProductKind | None:
    """The kind of the quoted label ``text[start:end]`` when a product noun stands right next to it
    (``“知疆通”专项金融业务``, ``信贷产品“血橙贷”``, ``“智融宝”这一…质押贷款产品``): read from the
    words of its clause before it and of that noun phrase (质押: a pledge loan; 信贷: a credit loan)."""
    vocab = _vocab()
    if not 2 <= len(bare) <= 12 or _LABEL_BREAK.search(bare):
        return None
    before = text[max(0, start - 40) : start]
    cut = max((m.end() for m in _LABEL_BREAK.finditer(before)), default=0)
    before = before[cut:]
    after = text[end : end + 40]
    noun = vocab.label_after_re.match(after) or vocab.label_apposition_re.match(after)
    near = vocab.label_before_re.search(before)
    if noun is None and near is None:
        said = vocab.label_copula_re.match(after)  # 「X」是…的一款信贷产品: a loan's kind only
        if said is None or not bare.endswith("贷"):
            return None
        before, noun = "", said
    elif vocab.ip_re.search(text) is None:
        return None
    if _is_generic(bare):
        return None
    context = before + (noun.group(0) if noun else "")
    for cue, kind in vocab.label_kind_cues:
        if cue in context:
            return kind
    return None


def _clauses(s: str) -> list[tuple[int, int, str]]:
    """(start, end, break char before) for every clause of ``s``."""
    return [(m.start(), m.end(), s[m.start() - 1] if m.start() else "") for m in _CLAUSE.finditer(s)]


def _after_record_verb(before: str) -> bool:
    """A record verb (创下, 刷新) stands in the clause ``before`` ends."""
    cut = max(before.rfind(p) for p in "，,；;。")
    tail = before[cut + 1 :]
    return any(v in tail for v in _vocab().record_verbs)


def _described(s: Sentence, index: int) -> list[_Mention]:
    vocab = _vocab()
    out: list[_Mention] = []
    text = s.text
    # no head holds a clause break, so the heads of the sentence tell which clauses to read
    head_starts = [m.start() for m in vocab.head_re.finditer(text)]
    if not head_starts:
        return out
    # labels in quotes (no clause punctuation inside) are read by _quoted, speech is read here
    quotes = [(m.start(), m.end()) for m in _LABEL.finditer(text)]
    quote_starts = [a for a, _ in quotes]
    clauses = _clauses(text)
    has_record = any(v in text for v in vocab.record_verbs)
    for ci, (cstart, cend, _brk) in enumerate(clauses):
        h = bisect.bisect_left(head_starts, cstart)
        if h == len(head_starts) or head_starts[h] >= cend:
            continue  # no head in this clause
        clause = text[cstart:cend]
        k = bisect.bisect_right(quote_starts, cstart) - 1
        if k >= 0 and quotes[k][0] <= cstart < quotes[k][1]:
            continue
        prev_head_end = 0
        bracketed = "(" in clause or "（" in clause
        for m in vocab.head_re.finditer(clause):
            head = m.group(0)
            if m.start() > 0 and clause[m.start() - 1] in vocab.bad_before_head and head in ("险", "保险"):
                continue
            if bracketed and max(clause.rfind("(", 0, m.start()), clause.rfind("（", 0, m.start())) > max(
                clause.rfind(")", 0, m.start()), clause.rfind("）", 0, m.start())
            ):
                continue  # ABCP(资产支持商业票据): a gloss of the name before it
            after = text[cstart + m.end() : cstart + m.end() + 12]
            if (
                after.startswith(vocab.bad_followers)
                and not _SIZE_AFTER.match(after)
                and not (head in vocab.pledge_heads and after.startswith("业务") and _FIRST_BEFORE.search(clause, 0, m.start()))
            ):
                continue  # (基金规模达到2500万元: the size; 首笔…质押融资业务: the deal of a first claim)
            if head == "险" and after.startswith("保单"):
                continue
            if head in vocab.pledge_heads and vocab.head_re.match(after):
                continue  # 质押融资风险补偿资金池: the pool is the product
            left = clause[prev_head_end : m.end()]
            prev_head_end = m.end()
            record = has_record and _after_record_verb(text[max(0, cstart + m.start() - _WINDOW) : cstart + m.start()])
            name = _LEADING_JOINER.sub("", _cut_left(left, len(head)))
            if vocab.counted_after_re.match(name):
                continue
            if vocab.plan_re.search(clause, 0, m.start()):
                continue  # 正在推动设立…基金: a plan, not a product
            amount: Quantity | None = None
            lead = _LEAD_AMOUNT.match(name)
            if lead:
                amount = _money(lead.group(0))
                name = name[lead.end() :]
            if len(name) <= len(head):
                modifier = ""
            else:
                modifier, _tail = _split_generic_tail(name, head)
            kind = vocab.heads[head]
            before = left[: len(left) - len(name) - (lead.end() if lead else 0)]
            if _counted(before, after):
                continue
            if amount is None:
                # 首只规模为3亿元的…基金
                pre = _SIZE_BEFORE.search(before) or vocab.setup_amount_re.search(before[-40:])
                if pre:
                    amount = _money(pre.group(1))
            # coordinated modifiers written before this clause: 纯专利、纯商标资产证券化产品
            # (a bare head is a list item itself: 投资、信贷、保险等工作 names fields, not products)
            modifiers = [modifier] if modifier else []
            j = ci
            while modifier and before == "" and j > 0 and clauses[j][2] == "、":
                pstart, pend, _ = clauses[j - 1]
                frag = _cut_left(text[pstart:pend])
                if not frag or vocab.head_re.search(frag) or len(frag) > 8:
                    break
                modifiers.insert(0, frag)
                j -= 1
            parts: list[str] = []
            for mod in modifiers:
                parts.extend(p for p in _COORDINATION.split(mod) if p)
            tail = name[len(modifier) :] if modifier else name
            if len(parts) > 1:
                names = [p + tail for p in parts]
                mods = parts
            else:
                names, mods = [name], [modifier]
            for one, mod in zip(names, mods, strict=True):
                first = False
                if kind is ProductKind.RISK_POOL:
                    if not mod and amount is None and not _SET_UP.search(before) and not _SIZE_AFTER.match(after):
                        continue
                elif kind is ProductKind.OTHER:
                    if not mod or vocab.ip_re.search(mod) is None:
                        continue  # 可转债 alone: only an IP-backed one (知识产权质押可转债) is an IP-finance product
                elif (kind is ProductKind.PLEDGE_LOAN and len(names) == 1 and (not mod or _is_generic(mod))
                      and (pledged := _pledged_by(before)) is not None):
                    one, mod = pledged + one, pledged  # 以集成电路布图为标的物的知识产权质押融资
                elif (
                    not mod
                    or _is_generic(mod)
                    or (kind in vocab.region_generic_kinds and _place_only(mod) and not head.endswith("计划"))
                    or (head in vocab.pledge_heads and _is_generic(mod.removeprefix("纯")))  # 纯知识产权质押融资
                ):
                    claimed = _first_claimed(before) if len(names) == 1 and lead is None else None
                    if claimed is None and head in vocab.scheme_heads and vocab.launch_re.search(clause, 0, m.start()):
                        pass  # 推行专利权质押保险贷款: a scheme launched
                    elif claimed is None or (kind is ProductKind.PLEDGE_LOAN and not _deal_claim(claimed)):
                        continue  # (a pledge deal claimed first is a product: 首笔商标权质押融资)
                    else:
                        one, mod, first = claimed + one, "", True
                elif head in vocab.pledge_heads and not _pledge_asset(mod) and not _deal_claim(_first_claimed(before)):
                    continue  # (全市首单农民专业合作社商标质押贷款: the deal of a first claim)
                if (
                    (kind in (ProductKind.FUND, ProductKind.INSURANCE) or head.endswith("基金"))
                    and vocab.ip_re.search(one) is None
                    and vocab.ip_re.search(text if kind is ProductKind.RISK_POOL else clause) is None
                ):
                    continue  # 风险补偿基金, 信贷保险: not an IP-finance product (a pool: not in an IP sentence)
                start = s.start + cstart + m.end() - len(one)
                numbered = _TRANCHE_AFTER.match(after) if kind is ProductKind.SECURITIZATION else None
                if numbered and not first:  # …ABS第三期: the tranche, beside its shelf
                    out.append(
                        _Mention(
                            one + numbered.group(0),
                            kind,
                            start,
                            s.start + cstart + m.end() + numbered.end(),
                            index,
                            s,
                            named=False,
                            modifier=mod,
                            tranche=True,
                            shelf=one,
                        )
                    )
                out.append(
                    _Mention(
                        one,
                        kind,
                        start,
                        s.start + cstart + m.end(),
                        index,
                        s,
                        named=False,
                        modifier=mod,
                        amount=amount,
                        first=first,
                        record=record,
                    )
                )
    return out


def _loan_names(s: Sentence, index: int) -> list[_Mention]:
    """Unquoted loan names followed by a product word: 推出苏知贷产品."""
    vocab = _vocab()
    out: list[_Mention] = []
    if "贷" not in s.text or vocab.loan_re.search(s.text) is None:
        return out
    for cstart, _cend, _brk in _clauses(s.text):
        clause = s.text[cstart:_cend]
        for m in vocab.loan_re.finditer(clause):
            name = _LEADING_JOINER.sub(
                "", _cut_left(clause[max(0, m.end() - 12) : m.end()], boundaries=False)
            )
            if not 2 <= len(name) <= 5 or any(name.endswith(w) for w in vocab.loan_name_stop if len(w) > 1):
                continue
            if name in vocab.loan_name_stop:
                continue
            end = s.start + cstart + m.end()
            out.append(_Mention(name, ProductKind.PLEDGE_LOAN, end - len(name), end, index, s, named=True))
    return out


def _anaphors(s: Sentence, index: int) -> list[_Mention]:
    """Pointing mentions of an earlier product: 本期专项计划, 该产品, 此次全门类产品."""
    out: list[_Mention] = []
    for m in _vocab().anaphor_re.finditer(s.text):
        out.append(
            _Mention(
                m.group(0),
                ProductKind.OTHER,
                s.start + m.start(),
                s.start + m.end(),
                index,
                s,
                named=False,
                anaphor=True,
            )
        )
    return out


def _restating(s: Sentence, anaphors: list[_Mention]) -> bool:
    """True when the sentence says what the current product is: 该项目是…产品、…票据; 这是…产品."""
    vocab = _vocab()
    text = s.text.lstrip()
    if text.startswith(vocab.pronoun_copulas):
        return True
    # 作为全省首单…产品，该项目…
    comma = _CLAUSE_END.search(s.text[:80]) if s.text.startswith("作为") else None
    for a in anaphors:
        after = _ADVERB.sub("", s.text[a.end - s.start : a.end - s.start + 4])
        if after.startswith(vocab.copulas):
            return True
        if comma is not None and a.start - s.start == comma.end():
            return True
    return False


def _amount_after(rest: str) -> tuple[Quantity | None, bool]:
    """A size stated after a cue word in ``rest`` (the text after a product).

    The flag is True when the size is shared (``资金规模均达到2亿元``).
    """
    vocab = _vocab()
    cut = min((i for i in (rest.find(b) for b in vocab.amount_blockers) if i >= 0), default=len(rest))
    rest = rest[:cut]
    for cue in vocab.amount_cues:
        at = rest.find(cue) if cue else -1
        while at >= 0:  # each occurrence of the cue, left to right, not overlapping
            m_start, m_end = at, at + len(cue)
            at = rest.find(cue, m_end)
            near = rest[max(0, m_start - 4) : m_end]
            before = rest[max(0, m_start - 4) : m_start]
            if near.endswith(vocab.amount_blockers) or any(b in before for b in vocab.amount_blockers):
                continue
            window = rest[m_end : m_end + 14]
            lead = _AMOUNT_LEAD.match(window)
            if lead is None:
                continue
            shared = "均" in lead.group(0)
            q = _money(window)
            if q is not None:
                return q, shared
            # a size in 万/亿 with the currency left out: 储架额度10亿
            bare = _BARE_AMOUNT.match(window, lead.end())
            if bare:
                value = numbers.parse_number(bare.group(2))
                if value is not None:
                    qualifier = (
                        Qualifier.ABOUT
                        if bare.group(1) in ("约", "近")
                        else Qualifier.OVER
                        if bare.group(1)
                        else None
                    )
                    return Quantity(value=value, unit="元", qualifier=qualifier, text=bare.group(0)), shared
    return None, False


def _rate_after(rest: str) -> Decimal | None:
    """An interest or coupon rate stated after a cue word in ``rest``."""
    for cue_re in _vocab().rate_res:
        m = cue_re.search(rest)
        if m:
            value = numbers.parse_number(m.group(1))
            if value is not None:
                return value
    return None


def _insured_amount(name: str) -> Quantity | None:
    m = _INSURED.search(name)
    if not m:
        return None
    value = numbers.parse_number(m.group(1))
    if value is None:
        return None
    return Quantity(value=value, unit="元", text=m.group(1))


# ---------------------------------------------------------------- merging


def _key(name: str) -> str:
    key = _KEY_DROP.sub("", simplified(name)).replace("知识产权", "")
    if key.endswith("保单"):
        key = key[:-2]
    if key.endswith("险") and not key.endswith("保险"):
        key = key[:-1] + "保险"
    return key


def _linked(a: _Mention, b: _Mention) -> bool:
    """A description ``a`` followed in the same sentence by the name ``b`` of the same product, or
    following it after a pointing word (``“智融宝”这一纯知识产权质押贷款产品``)."""
    if a.index != b.index or a.kind is not b.kind:
        return False
    if a.named and not b.named and b.start >= a.end:
        between = a.sentence.text[a.end - a.sentence.start : b.start - a.sentence.start].strip()
        return between in _vocab().label_appositives
    if a.named or not b.named or b.start < a.end:
        return False
    between = a.sentence.text[a.end - a.sentence.start : b.start - a.sentence.start].strip()
    if between in _vocab().link_marks or between == "":
        return True
    return bool(a.modifier) and len(a.modifier) >= 2 and a.modifier in b.name


@attrs.define
class _Recent:
    """The last product, and the last named one, overall and by kind (what an anaphor points back to)."""

    last: _Mention | None = None
    named: _Mention | None = None
    by_kind: dict[ProductKind, tuple[_Mention, _Mention | None]] = attrs.Factory(dict)

    def add(self, m: _Mention) -> None:
        root = _root(m)
        self.last = root
        self.named = root if root.named else self.named
        previous = self.by_kind.get(root.kind)
        self.by_kind[root.kind] = (root, root if root.named else previous[1] if previous else None)

    def antecedent(self, noun: str = "") -> _Mention | None:
        """The last named product, else the last one; a noun that tells the kind (该基金) picks that kind."""
        kind = _vocab().heads.get(noun)
        if kind is not None and kind in self.by_kind:
            last, named = self.by_kind[kind]
            return named or last
        return self.named or self.last


# ---------------------------------------------------------------- regions & dates


def _gazetteer() -> _regions.Gazetteer | None:
    try:
        return _regions.Gazetteer.default()
    except Exception:  # a broken gazetteer must not stop extraction
        return None


def _name_region(name: str, doc_region: str | None = None) -> str | None:
    """The place a product's name starts with, or names after an issuer prefix.

    ``广州市重点产业…基金`` → 广州市; ``华鑫-鑫欣重庆两江新区1期…专项计划`` → 两江新区 (the
    most specific place in the name).  A place found after the issuer prefix that
    contains the document's region (the issuer's city) gives the document's region.
    """
    gazetteer = _gazetteer()
    if gazetteer is None:
        return None
    name = simplified(name)
    try:
        mentions = [m for m in gazetteer.find(name[:40]) if str(m.level) != "supra"]
    except Exception:
        return None
    for mention in mentions:
        if mention.start == 0:
            return str(mention.name)
    if not _DASH.search(name[:20]):
        return None
    inside = [m for m in mentions if m.start < len(name) - 4]
    if not inside:
        return None
    best = max(inside, key=lambda m: (len(gazetteer.ancestors(m.name)), m.start))
    try:
        return gazetteer.locate(best.name, doc_region)
    except Exception:
        return str(best.name)


def _region(doc: Document, m: _Mention) -> str | None:
    named = _name_region(m.name, doc.region)
    if named is not None and m.first and doc.region:
        # 新疆首只…基金 in an article about 乌鲁木齐: the place scopes the claim, not the product
        gazetteer = _gazetteer()
        try:
            wider = gazetteer is not None and gazetteer.is_within(doc.region, named)
        except Exception:
            wider = False
        if wider:
            named = None
    if named is not None:
        return named
    try:
        found = _regions.record_region(simplified(doc.text), m.sentence.start, m.sentence.end, m.start, doc.region)
    except Exception:
        found = None
    if isinstance(found, str):
        return found
    return doc.region


def _date(doc: Document, m: _Mention) -> PartialDate | None:
    """The launch date stated before the mention in its sentence (近日 and 9月26日 read against the publication date)."""
    offset = m.start - m.sentence.start
    try:
        found = dates.find_dates(m.sentence.text[max(0, offset - _WINDOW) : offset], doc.published)
    except Exception:
        return None
    for d in found:
        if d.date is None:
            continue
        if d.relation == "at":
            return d.date
        if d.relation == "relative" and d.end is None and d.text not in _vocab().not_launch_dates:
            return d.date
    return None


# ---------------------------------------------------------------- entry point


def _attach(m: _Mention, rest: str) -> bool:
    """Give ``m`` a size and rate found in ``rest``; True when the size is shared (均)."""
    shared = False
    if m.amount is None:
        m.amount = _insured_amount(m.name)
        if m.amount is None:
            m.amount, shared = _amount_after(rest)
    if m.rate is None:
        m.rate = _rate_after(rest)
    return shared


class _Spans:
    """Spans of mentions, for overlap tests in logarithmic time (keeps long sentences linear)."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self._starts: list[int] = []
        self._reach: list[int] = []  # furthest end among the spans up to here
        if not mentions:
            return
        spans = sorted((m.start, m.end) for m in mentions)
        self._starts = [a for a, _ in spans]
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def _reach_before(self, k: int) -> int:
        return self._reach[k - 1] if k > 0 else -1

    def overlaps(self, m: _Mention) -> bool:
        return self._reach_before(bisect.bisect_left(self._starts, m.end)) > m.start

    def contains(self, m: _Mention) -> bool:
        return self._reach_before(bisect.bisect_right(self._starts, m.start)) >= m.end

    def starts_in(self, m: _Mention) -> bool:
        return self._reach_before(bisect.bisect_right(self._starts, m.start)) > m.start


def _finds(s: Sentence, index: int) -> tuple[list[_Mention], list[_Mention]]:
    """The sentence's names, descriptions and loan names, and its anaphors that none overlaps."""
    found = _quoted(s, index)
    pointers = _anaphors(s, index)
    if found and pointers:
        quoted = _Spans(found)
        pointers = [a for a in pointers if not quoted.overlaps(a)]
    described = _described(s, index)
    if described and (found or pointers):
        quoted, pointed = _Spans(found), _Spans(pointers)
        # 本期专项计划 is an anaphor, not a description
        described = [d for d in described if not quoted.starts_in(d) and not pointed.contains(d)]
    found += described
    loans = _loan_names(s, index)
    if loans and found:
        taken = _Spans(found)
        loans = [n for n in loans if not taken.overlaps(n)]
    found += loans
    if pointers and found:
        taken = _Spans(found)
        pointers = [a for a in pointers if not taken.overlaps(a)]
    found += _tranches(s, index)
    return found, pointers


def _tranches(s: Sentence, index: int) -> list[_Mention]:
    """Tranches opening a clause (``2期项目于8月14日发行``); named after their shelf in :func:`_mentions`."""
    if "期" not in s.text:
        return []
    return [
        _Mention(m.group(1), ProductKind.SECURITIZATION, s.start + m.start(1), s.start + m.end(), index, s,
                 named=False, tranche=True)
        for m in _TRANCHE_LEAD.finditer(s.text)
    ]


def _as_written(m: _Mention, written: Sentence) -> None:
    """Give ``m`` (found on the simplified fold of ``written``) its name and sentence as written."""
    folded = m.sentence.text
    at = folded.find(m.name, max(0, m.start - written.start - 2))
    if at < 0:
        at = folded.find(m.name)
    if at >= 0:
        m.name = written.text[at : at + len(m.name)]
    else:  # a name joined from pieces (天津市首个 + 知识产权ABCP): each longest piece as written
        out, i = [], 0
        while i < len(m.name):
            j, at = len(m.name), -1
            while j > i and (at := folded.find(m.name[i:j])) < 0:
                j -= 1
            if j == i:
                out.append(m.name[i])
                i += 1
            else:
                out.append(written.text[at : at + j - i])
                i = j
        m.name = "".join(out)
    m.sentence = written


def _name_tranches(found: list[_Mention], recent: _Recent) -> list[_Mention]:
    """Name each tranche opening a clause after its shelf, the last securitisation (a tranche's
    shelf when that is a tranche); a tranche with no shelf before it is dropped."""
    out: list[_Mention] = []
    for m in found:
        if m.tranche and not m.shelf:
            last = recent.by_kind.get(ProductKind.SECURITIZATION)
            root = _root(last[1] or last[0]) if last else None
            if root is None:
                continue
            m.shelf = root.shelf or root.name
            m.name = m.shelf + m.name
        out.append(m)
    return out


def _restated_by_subject(s: Sentence, found: list[_Mention]) -> None:
    """``浦东科创知识产权资产支持专项计划是国内首个专利知识产权储架ABS项目``: the descriptions of its
    kind after a product and a copula, in its clause, restate that product (``found`` sorted)."""
    copulas = _vocab().subject_copulas
    for i, d in enumerate(found):
        if d.anaphor or d.target is not None:
            continue
        after = _ADVERB.sub("", s.text[d.end - s.start : d.end - s.start + 6])
        if not after.startswith(copulas):
            continue
        for e in found[i + 1 :]:
            if _CLAUSE_END.search(s.text, d.end - s.start, e.start - s.start):
                break
            if not e.named and e.target is None and e.kind is d.kind:
                e.target = d
        return


def _mentions(text: str, analysis: Analysis) -> list[_Mention]:
    """Every mention, anaphor and restatement in document order, sizes and rates attached."""
    mentions: list[_Mention] = []
    recent = _Recent()
    last_index = -2
    paragraph_open = False  # no line break since the last sentence with a product
    said_before: str | None = None  # the previous sentence of the paragraph (folded)
    prev_end = 0
    any_re = _vocab().any_re
    for index, written in enumerate(a.sentence for a in analysis):
        # match on the simplified fold (知識產權 → 知识产权, same offsets), report names as written
        folded = simplified(written.text)
        s = written if folded == written.text else Sentence(written.start, written.end, folded)
        if text.find("\n", prev_end, s.start) >= 0:
            paragraph_open = False
            said_before = None
        prev_end = s.end
        found: list[_Mention] = []
        pointers: list[_Mention] = []
        if any_re.search(s.text) is not None:  # most sentences name no product: skip the finders
            found, pointers = _finds(s, index)
        found.sort(key=lambda x: x.start)
        if found:
            found = _name_tranches(found, recent)
        if found and _restating(s, pointers):
            target = recent.antecedent()
            for d in found:
                if not d.named and target is not None:
                    d.target = target
                elif target is None and d.first and d.amount is None and said_before is not None:
                    # 获融资2.2亿元。这是…首笔商标权质押融资业务: the deal the last sentence sized
                    d.amount = _last_money(said_before)
        elif found:  # 创下全国首单…ABS: records the last product set, not other products
            last_named: _Mention | None = None
            last: _Mention | None = None
            for d in found:  # sorted by start
                if d.record and not d.named:
                    d.target = last_named or last or recent.antecedent()
                elif not d.record:
                    last = d
                    last_named = d if d.named else last_named
        if len(found) > 1:
            _restated_by_subject(s, found)
        if pointers:
            here = attrs.evolve(recent, by_kind=dict(recent.by_kind))
            queue = iter(found)
            nxt_found = next(queue, None)
            for a in pointers:
                while nxt_found is not None and nxt_found.end <= a.start:
                    here.add(nxt_found)
                    nxt_found = next(queue, None)
                noun = next((n for n in _vocab().anaphor_nouns if a.name.endswith(n)), "")
                a.target = here.antecedent(noun)
            found += [a for a in pointers if a.target is not None]
            found.sort(key=lambda x: x.start)
        for m in found:
            if not m.anaphor:
                recent.add(m)
        shared_from = 0
        for i, m in enumerate(found):
            nxt = found[i + 1].start - s.start if i + 1 < len(found) else len(s.text)
            rest = s.text[m.end - s.start : min(nxt, m.end - s.start + _WINDOW)]
            if _attach(m, rest):
                # 资金规模均达到2亿元: the products listed before share the size
                for other in found[shared_from:i]:
                    if other.amount is None and _root(other).amount is None:
                        other.amount = m.amount
                shared_from = i + 1
        if found:
            if s is not written:
                for m in found:
                    _as_written(m, written)
            mentions.extend(found)
            last_index = index
            paragraph_open = True
        elif mentions and (index == last_index + 1 or paragraph_open):
            # the product's paragraph goes on: its size and rate
            prev = _root(mentions[-1])
            _attach(prev, s.text[: 2 * _WINDOW])
        said_before = s.text
    return mentions


def extract(doc: Document, analysis: Analysis | None = None) -> list[FinancingProduct]:
    """Every FinancingProduct stated in ``doc.text``, each with its evidence sentence.

    One record per product: mentions with the same name (up to 知识产权 and
    险/保险), or linked to the same name, are merged; so are anaphors
    (``本期专项计划``, ``该产品``), which are never products of their own, and
    descriptions restating the current product (``该项目为全国首单…产品``), and a
    later, shorter description ending an earlier one of its kind
    (``此次签订的植物新品种保险`` after ``茶属植物新品种保险``).  A
    size or rate stated later in the product's paragraph belongs to it.  The
    first mention gives the evidence.  Never raises on odd text.
    """
    text = doc.text or ""
    analysis = analysis if analysis is not None else analyse(text, doc.published, doc.region)
    mentions = _mentions(text, analysis)
    # link descriptions to the names that follow them
    alias: dict[str, str] = {}
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        if not m.anaphor:
            by_sentence.setdefault(m.index, []).append(m)
    for same in by_sentence.values():
        for a in same[:_LINK_LIMIT]:
            for b in same[:_LINK_LIMIT]:
                if _linked(a, b):
                    description, name = (b, a) if a.named else (a, b)
                    alias[_key(description.name)] = _key(name.name)
    for m in mentions:
        if m.target is not None and not m.anaphor:
            alias.setdefault(_key(m.name), _key(_root(m).name))

    def group_key(m: _Mention) -> tuple[str, ProductKind]:
        root = _root(m)
        if root.first:
            return ("首", root.kind)
        key = _key(root.name)
        return (alias.get(key, key), root.kind)

    # a named loan said once to be a credit product (「X贷」是…的一款信贷产品) is one in every mention
    credit = {_key(m.name) for m in mentions if m.named and m.kind is ProductKind.OTHER}
    if credit:
        for m in mentions:
            if m.named and m.kind is ProductKind.PLEDGE_LOAN and _key(m.name) in credit:
                m.kind = ProductKind.OTHER
    groups: dict[tuple[str, ProductKind], list[_Mention]] = {}
    for m in mentions:
        groups.setdefault(group_key(m), []).append(m)
    # the same description after its own place (惠州市知识产权质押融资风险补偿基金 after 惠州's
    # 知识产权质押融资风险补偿基金; a city's fund after a province's is another)
    for short in sorted(groups, key=lambda k: len(k[0])):
        if short not in groups or short[0] == "首" or not short[0]:
            continue
        for k in [k for k in groups if k[1] is short[1] and k != short and k[0].endswith(short[0])]:
            place = k[0][: len(k[0]) - len(short[0])]
            if not any(m.named for m in groups[k]) and _is_doc_place(place, _region(doc, groups[short][0])):
                groups[short].extend(groups.pop(k))
                groups[short].sort(key=lambda m: m.start)
    # a later, shorter description ending another of its kind restates it: 此次签订的植物新品种保险 after 茶属植物新品种保险
    # (a bare head, 风险补偿基金, restates the one description of its kind wherever it stands)
    for short in sorted(groups, key=lambda k: len(k[0])):
        if short[0] == "首" or not short[0] or any(m.named for m in groups[short]):
            continue
        bare = all(not m.modifier for m in groups[short])
        begins = groups[short][0].start if not bare else len(text)
        longer = [
            k
            for k in groups
            if k[1] is short[1]
            and k != short
            and k[0] != "首"
            and k[0].endswith(short[0])
            and groups[k][0].start < begins  # only a later, shorter mention restates
        ]
        if len(longer) == 1:
            groups[longer[0]].extend(groups.pop(short))
            groups[longer[0]].sort(key=lambda m: m.start)
    # a first-claimed product described generically is the named product of its kind, when there is one
    for kind in {k for _, k in groups}:
        if ("首", kind) in groups:
            named = next((k for k, g in groups.items() if k[1] is kind and any(m.named for m in g)), None)
            if named is None:
                # else the one specific description of its kind: 首单知识产权保险 restates it
                # (a shelf, not its tranches: 上海首个…证券化项目 is the programme)
                others = [
                    k for k in groups if k[1] is kind and k[0] != "首" and not all(_root(m).tranche for m in groups[k])
                ]
                named = others[0] if len(others) == 1 else None
            if named is not None:
                groups[named].extend(groups.pop(("首", kind)))
                groups[named].sort(key=lambda m: m.start)
    out: list[FinancingProduct] = []
    for group in groups.values():
        real = [m for m in group if not m.anaphor]
        if not real:
            continue
        first = group[0]
        best = next(
            (m for m in real if m.named),
            next((m for m in real if not m.first and m.modifier), next((m for m in real if not m.first), real[0])),
        )
        amount = next((m.amount for m in group if m.amount is not None), None)
        rate = next((m.rate for m in group if m.rate is not None), None)
        date = next((d for d in (_date(doc, m) for m in group) if d is not None), None)
        if date is None:
            # a tranche's name carries its year: …2022年第1期…资产支持专项计划
            year = _NAME_YEAR.search(best.name)
            date = PartialDate(int(year.group(1))) if year else None
        region = _region(doc, best) if best is first else _name_region(best.name, doc.region) or _region(doc, first)
        if region is None:  # a headline mention with no place: where another mention says it is
            region = next((r for r in (_region(doc, m) for m in real if m is not first) if r is not None), None)
        out.append(
            FinancingProduct(
                name=best.name,
                kind=best.kind,
                evidence=Evidence(first.sentence.start, first.sentence.end, first.sentence.text),
                region=region,
                date=date,
                amount=amount,
                rate_percent=rate,
            )
        )
    return out
