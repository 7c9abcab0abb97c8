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
  (``纯专利、纯商标资产证券化产品`` → two).

Amounts come from :func:`~policytrack.extract.numbers.find_quantities`: a
quantity right before the description (``6500万元…基金``), after a size cue
(``发行规模7800万元``) or in the name (``千万保额``); rates after a rate cue
(``发行利率2.77%``).  A size or rate stated in the sentence right after the
product's own sentence belongs to it.  A description linked to a name
(``…证券化产品——“越知1号”``) and later mentions of either are merged into one
record, named by its name.  Vocabulary: ``data/products.json``.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

from ..models import Document, Evidence, FinancingProduct, PartialDate, ProductKind, Quantity
from . import dates, numbers
from . import regions as _regions
from .sentences import Sentence, split_sentences

__all__ = ["extract"]

_CLAUSE_BREAK = "，。、；：！？,.;:!?\n\r\t 　“”‘’「」《》()（）【】[]"
_NUMERAL = "0-9０-９一二三四五六七八九十百千万亿两"
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
    counters: str
    amount_cues: tuple[str, ...]
    amount_blockers: tuple[str, ...]
    rate_cues: tuple[str, ...]
    link_marks: tuple[str, ...]
    head_re: re.Pattern[str]
    cut_re: re.Pattern[str]


def _kinds(table: dict[str, list[str]]) -> dict[str, ProductKind]:
    return {word: ProductKind(kind) for kind, words in table.items() for word in words}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _bylen(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw: dict[str, Any] = json.loads(
        resources.files("policytrack").joinpath("data/products.json").read_text(encoding="utf-8")
    )
    heads = _kinds(raw["heads"])
    return _Vocab(
        heads=heads,
        named=_kinds(raw["named_suffixes"]),
        bad_followers=tuple(raw["bad_followers"]),
        bad_before_head=tuple(raw["bad_before_head"]),
        verbs=_bylen(raw["verbs"]),
        first_cues=_bylen(raw["first_cues"]),
        generic_words=_bylen(raw["generic_words"]),
        counters="".join(raw["counters"]),
        amount_cues=_bylen(raw["amount_cues"]),
        amount_blockers=tuple(raw["amount_blockers"]),
        rate_cues=_bylen(raw["rate_cues"]),
        link_marks=tuple(raw["link_marks"]),
        head_re=re.compile(f"(?:{_alternation(heads)})"),
        cut_re=re.compile(f"(?:{_alternation([*raw['verbs'], *raw['first_cues']])})"),
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


# ---------------------------------------------------------------- helpers


def _split_generic_tail(name: str, head: str) -> tuple[str, str]:
    """``纯商标资产证券化产品`` -> (``纯商标``, ``资产证券化产品``)."""
    body = name[: len(name) - len(head)]
    tail = head
    changed = True
    while changed and body:
        changed = False
        for word in _vocab().generic_words:
            if word in _IP_TYPES:
                continue
            if body.endswith(word) and len(body) > len(word):
                body = body[: -len(word)]
                tail = word + tail
                changed = True
                break
    return body, tail


def _is_generic(modifier: str) -> bool:
    core = modifier
    for word in _vocab().generic_words:
        core = core.replace(word, "")
    core = re.sub(r"[和与及、的]", "", core)
    return core == ""


def _counted(before: str, after: str) -> bool:
    vocab = _vocab()
    if re.search(rf"(?<![第首{_NUMERAL}])[{_NUMERAL}]+[{vocab.counters}]$", before):
        return True
    return bool(re.match(rf"[{_NUMERAL}]+[{vocab.counters}]", after))


def _cut_left(left: str) -> str:
    vocab = _vocab()
    cut = max(left.rfind("的"), left.rfind("在")) + 1
    for m in vocab.cut_re.finditer(left, cut):
        cut = max(cut, m.end())
    name = left[cut:]
    for scope in ("全国", "全省", "全市", "全区", "国内", "省内", "了"):
        if name.startswith(scope) and len(name) > len(scope) + 2:
            name = name[len(scope) :]
    return name


def _money(text: str) -> Quantity | None:
    for q in numbers.find_quantities(text):
        if q.quantity.unit == "元" and not q.is_change:
            return q.quantity
    return None


# ---------------------------------------------------------------- finders


def _quoted(s: Sentence, index: int) -> list[_Mention]:
    vocab = _vocab()
    out: list[_Mention] = []
    for m in re.finditer(r"“([^“”\n]{1,60})”", s.text):
        inner = m.group(1).strip()
        kind: ProductKind | None = None
        for suffix, k in sorted(vocab.named.items(), key=lambda kv: -len(kv[0])):
            if inner.endswith(suffix) and len(inner) > len(suffix):
                kind = k
                break
        bracket = re.match(r"\s*[（(]([^（）()]{1,20})[）)]", s.text[m.end() :])
        if kind is None and bracket:
            for head, k in vocab.heads.items():
                if bracket.group(1).endswith(head):
                    kind = k
                    break
        if kind is None or ("—" in inner and kind is not ProductKind.SECURITIZATION):
            continue
        if kind is ProductKind.INSURANCE and inner[-2:] in ("风险", "危险"):
            continue
        out.append(_Mention(inner, kind, s.start + m.start(), s.start + m.end(), index, s, named=True))
    return out


def _clauses(s: str) -> list[tuple[int, int, str]]:
    """(start, end, break char before) for every clause of ``s``."""
    out: list[tuple[int, int, str]] = []
    start, prev = 0, ""
    for i, ch in enumerate(s):
        if ch in _CLAUSE_BREAK:
            if i > start:
                out.append((start, i, prev))
            start, prev = i + 1, ch
    if start < len(s):
        out.append((start, len(s), prev))
    return out


def _described(s: Sentence, index: int) -> list[_Mention]:
    vocab = _vocab()
    out: list[_Mention] = []
    text = s.text
    # labels in quotes (no clause punctuation inside) are read by _quoted, speech is read here
    quotes = [(m.start(), m.end()) for m in re.finditer(r"“[^“”，。；,;\n]{1,60}”", text)]
    quote_starts = [a for a, _ in quotes]
    clauses = _clauses(text)
    for ci, (cstart, cend, _brk) in enumerate(clauses):
        clause = text[cstart:cend]
        k = bisect.bisect_right(quote_starts, cstart) - 1
        if k >= 0 and quotes[k][0] <= cstart < quotes[k][1]:
            continue
        prev_head_end = 0
        for m in vocab.head_re.finditer(clause):
            head = m.group(0)
            if m.start() > 0 and clause[m.start() - 1] in vocab.bad_before_head and head in ("险", "保险"):
                continue
            after = text[cstart + m.end() : cstart + m.end() + 12]
            if any(after.startswith(b) for b in vocab.bad_followers):
                continue
            if head == "险" and after.startswith("保单"):
                continue
            left = clause[prev_head_end : m.end()]
            prev_head_end = m.end()
            name = re.sub(r"^[和与及]", "", _cut_left(left))
            if re.match(rf"[{_NUMERAL}]+[{vocab.counters}]", name):
                continue
            amount: Quantity | None = None
            lead = re.match(rf"[约近超逾]?[{_NUMERAL}.]+[万亿]?元", name)
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
            # coordinated modifiers written before this clause: 纯专利、纯商标资产证券化产品
            modifiers = [modifier] if modifier else []
            j = ci
            while before == "" and j > 0 and clauses[j][2] == "、":
                pstart, pend, _ = clauses[j - 1]
                frag = _cut_left(text[pstart:pend])
                if not frag or vocab.head_re.search(frag) or len(frag) > 8:
                    break
                modifiers.insert(0, frag)
                j -= 1
            parts: list[str] = []
            for mod in modifiers:
                parts.extend(p for p in re.split(r"[和与及]", mod) if p)
            tail = name[len(modifier) :] if modifier else name
            if len(parts) > 1:
                names = [p + tail for p in parts]
                mods = parts
            else:
                names, mods = [name], [modifier]
            for one, mod in zip(names, mods, strict=True):
                if kind is ProductKind.RISK_POOL:
                    if not mod and amount is None and not re.search(r"(设立|建立|设)$", before):
                        continue
                elif not mod or _is_generic(mod):
                    continue
                start = s.start + cstart + m.end() - len(one)
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
                    )
                )
    return out


def _amount_after(rest: str) -> Quantity | None:
    """A size stated after a cue word in ``rest`` (the text after a product)."""
    vocab = _vocab()
    cut = min((i for i in (rest.find(b) for b in vocab.amount_blockers) if i >= 0), default=len(rest))
    rest = rest[:cut]
    for cue in vocab.amount_cues:
        for m in re.finditer(re.escape(cue), rest):
            if any(
                rest[max(0, m.start() - 4) : m.end()].endswith(b)
                or b in rest[max(0, m.start() - 4) : m.start()]
                for b in vocab.amount_blockers
            ):
                continue
            window = rest[m.end() : m.end() + 14]
            q = _money(window)
            if q is not None and re.match(
                r"[为达约超逾近是:：]*\s*[约近超逾]?[0-9０-９一二三四五六七八九十百千]", window
            ):
                return q
    return None


def _rate_after(rest: str) -> Decimal | None:
    """An interest or coupon rate stated after a cue word in ``rest``."""
    for cue in _vocab().rate_cues:
        m = re.search(re.escape(cue) + r"[为达约仅是:：]*\s*([0-9０-９.]+)\s*[%％]", rest)
        if m:
            value = numbers.parse_number(m.group(1))
            if value is not None:
                return value
    return None


def _insured_amount(name: str) -> Quantity | None:
    m = re.search(rf"([{_NUMERAL}.]+)保额", name)
    if not m:
        return None
    value = numbers.parse_number(m.group(1))
    if value is None:
        return None
    return Quantity(value=value, unit="元", text=m.group(1))


# ---------------------------------------------------------------- merging


def _key(name: str) -> str:
    key = re.sub(r"[\s“”‘’\"'（）()]", "", name).replace("知识产权", "")
    if key.endswith("保单"):
        key = key[:-2]
    if key.endswith("险") and not key.endswith("保险"):
        key = key[:-1] + "保险"
    return key


def _linked(a: _Mention, b: _Mention) -> bool:
    """A description ``a`` followed in the same sentence by the name ``b`` of the same product."""
    if a.named or not b.named or a.index != b.index or a.kind is not b.kind or b.start < a.end:
        return False
    between = a.sentence.text[a.end - a.sentence.start : b.start - a.sentence.start].strip()
    if between in _vocab().link_marks or between == "":
        return True
    return bool(a.modifier) and len(a.modifier) >= 2 and a.modifier in b.name


# ---------------------------------------------------------------- regions & dates


def _name_region(name: str) -> str | None:
    gazetteer_cls = getattr(_regions, "Gazetteer", None)
    if gazetteer_cls is None:
        return None
    try:
        mentions = gazetteer_cls.default().find(name[:12])
    except Exception:  # the region helper is still being built
        return None
    for mention in mentions:
        if mention.start == 0 and str(getattr(mention, "level", "")) != "supra":
            return str(mention.name)
    return None


def _region(doc: Document, m: _Mention) -> str | None:
    named = _name_region(m.name)
    if named is not None:
        return named
    record_region = getattr(_regions, "record_region", None)
    if record_region is not None:
        try:
            found = record_region(doc.text, m.sentence.start, m.sentence.end, m.start, doc.region)
        except Exception:
            found = None
        if isinstance(found, str):
            return found
    return doc.region


def _date(doc: Document, m: _Mention) -> PartialDate | None:
    offset = m.start - m.sentence.start
    try:
        found = dates.find_dates(m.sentence.text[max(0, offset - _WINDOW) : offset], doc.published)
    except Exception:
        return None
    for d in found:
        if d.relation == "at" and d.date is not None:
            return d.date
    return None


# ---------------------------------------------------------------- entry point


def extract(doc: Document) -> list[FinancingProduct]:
    """Every FinancingProduct stated in ``doc.text``, each with its evidence sentence.

    One record per product: mentions with the same name (up to 知识产权 and
    险/保险), or linked to the same name, are merged; the first mention gives
    the evidence.  Never raises on odd text.
    """
    text = doc.text or ""
    sentences = split_sentences(text)
    mentions: list[_Mention] = []
    last_index = -2
    for index, s in enumerate(sentences):
        found = _quoted(s, index)
        found += [d for d in _described(s, index) if not any(q.start <= d.start < q.end for q in found)]
        found.sort(key=lambda x: x.start)
        for i, m in enumerate(found):
            nxt = found[i + 1].start - s.start if i + 1 < len(found) else len(s.text)
            rest = s.text[m.end - s.start : min(nxt, m.end - s.start + _WINDOW)]
            if m.amount is None:
                m.amount = _insured_amount(m.name) or _amount_after(rest)
            if m.rate is None:
                m.rate = _rate_after(rest)
        if found:
            mentions.extend(found)
            last_index = index
        elif index == last_index + 1 and mentions:
            prev = mentions[-1]
            if prev.amount is None:
                prev.amount = _amount_after(s.text[:_WINDOW])
            if prev.rate is None:
                prev.rate = _rate_after(s.text[:_WINDOW])
    # link descriptions to the names that follow them
    alias: dict[str, str] = {}
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.index, []).append(m)
    for same in by_sentence.values():
        for a in same[:_LINK_LIMIT]:
            for b in same[:_LINK_LIMIT]:
                if _linked(a, b):
                    alias[_key(a.name)] = _key(b.name)
    groups: dict[tuple[str, ProductKind], list[_Mention]] = {}
    for m in mentions:
        key = _key(m.name)
        key = alias.get(key, key)
        groups.setdefault((key, m.kind), []).append(m)
    out: list[FinancingProduct] = []
    for group in groups.values():
        first = group[0]
        best = next((m for m in group if m.named), first)
        amount = next((m.amount for m in group if m.amount is not None), None)
        rate = next((m.rate for m in group if m.rate is not None), None)
        date = next((d for d in (_date(doc, m) for m in group) if d is not None), None)
        out.append(
            FinancingProduct(
                name=best.name,
                kind=best.kind,
                evidence=Evidence(first.sentence.start, first.sentence.end, first.sentence.text),
                region=_region(doc, best)
                if best is first
                else _name_region(best.name) or _region(doc, first),
                date=date,
                amount=amount,
                rate_percent=rate,
            )
        )
    return out
