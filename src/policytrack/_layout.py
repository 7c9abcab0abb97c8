"""Page layouts of real Chinese article pages, read once from ``data/layouts.json``.

The rules say what a header line *is* (a breadcrumb, a site menu, a toolbar, a
byline, a line of labelled fields such as ``来源：X 发布时间：Y``, the fields of a
government information-disclosure block); :func:`policytrack._meta.read_header`
decides what to do with them.  Every rule is data; this module only compiles it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import attrs

from ._data import load_json

__all__ = ["FIELD_KINDS", "Layouts", "layouts"]

#: The kinds of labelled field a header line can hold, in the data's ``field_labels``.
FIELD_KINDS = ("source", "publisher", "published", "written", "name", "ignored")

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ITEM_SPLIT = re.compile(r"[ \t\u3000|｜]+")


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@attrs.frozen
class Layouts:
    """Compiled layout rules (see ``data/layouts.json``)."""

    max_line_chars: int
    min_title_chars: int
    top_scan: int
    after_title_scan: int
    menu_min_items: int
    menu_max_item_chars: int
    menu_min_run: int
    breadcrumb_heads: tuple[str, ...]
    breadcrumb_separators: tuple[str, ...]
    header_furniture: re.Pattern[str]
    byline: re.Pattern[str]
    dispatch: re.Pattern[str]
    dispatch_lead_chars: int
    dispatch_lead_paragraphs: int
    max_place_chars: int
    not_outlets: frozenset[str]
    news_dispatch_prefix: re.Pattern[str]
    field_re: re.Pattern[str]
    field_kind: dict[str, str]
    title_markers: re.Pattern[str]
    original_title: re.Pattern[str]
    source_separators: re.Pattern[str]
    outlet_groups: tuple[str, ...]
    trailing_source: re.Pattern[str]
    copyright: re.Pattern[str]
    image_sources: frozenset[str]
    signature_orgs: re.Pattern[str]
    signature_scan: int
    weekday: re.Pattern[str]
    date_time_tail: re.Pattern[str]
    account_line: re.Pattern[str]
    trailer_line_chars: int
    title_column_words: tuple[str, ...] = ()
    not_sources: frozenset[str] = frozenset()

    def is_header_furniture(self, line: str) -> bool:
        """A line of page furniture around the headline: a site menu, a breadcrumb, a
        toolbar (font size, print, accessibility), a counter, a share or QR prompt, an
        image file name, an e-paper page marker, a site name with its domain."""
        if len(line) > self.max_line_chars:
            return False
        return bool(self.header_furniture.fullmatch(line)) or self.is_breadcrumb(line) or self.is_menu(line)

    def is_breadcrumb(self, line: str) -> bool:
        """``当前位置：首页 > 新闻``, ``>首页> 新闻 >``, ``福州新闻网 >> 新闻频道 >> 福州``."""
        if len(line) > 80 or "。" in line:
            return False
        head = line.lstrip(" \t\u3000>»›")
        if head.startswith(self.breadcrumb_heads) and any(sep in line for sep in (*self.breadcrumb_separators, ":", "：")):
            return True
        count = sum(line.count(sep) for sep in self.breadcrumb_separators if sep not in (">",)) + line.count(">")
        if count < 2:
            return False
        parts = [p.strip(" \t\u3000") for p in re.split("|".join(map(re.escape, self.breadcrumb_separators)), line)]
        return all(len(p) <= 14 for p in parts)

    def is_menu(self, line: str) -> bool:
        """A site menu on one line: many short items separated by spaces or bars."""
        if any(c in line for c in "。，,.;；") or len(line) > self.max_line_chars:
            return False
        items = [i for i in _ITEM_SPLIT.split(line.strip()) if i]
        chinese = sum(1 for i in items if _CJK.search(i))
        return (
            len(items) >= self.menu_min_items
            and 2 * chinese >= len(items)
            and all(len(i) <= self.menu_max_item_chars for i in items)
        )

    def is_short_item(self, line: str) -> bool:
        """A line too short to be a headline (a menu item, a channel name, a counter)."""
        return len(line.strip()) < self.min_title_chars and not any(c in line for c in "。：:；;，,")

    def is_byline(self, line: str) -> bool:
        """``本报记者 张三``, ``□ 本报记者 XX``, ``记者 XX 通讯员 XX``, ``⊙刘昌源 ○编辑 孙放``,
        ``大众网·海报新闻记者 丁淑红 通讯员 胡珊珊 威海报道``."""
        return len(line) <= 60 and self.byline.fullmatch(line.strip()) is not None

    def fields(self, line: str) -> tuple[str, dict[str, str]] | None:
        """``(text before the first label, {kind: value})`` when ``line`` holds labelled fields
        (``来源：X 作者：Y 发布时间：Z``, ``索引号：… 发布机构：…``); None when it holds none.

        A field's value runs to the next label; empty values are left out; the first
        value of a kind wins.
        """
        if len(line) > self.max_line_chars:
            return None
        matches = list(self.field_re.finditer(line))
        if not matches:
            return None
        out: dict[str, str] = {}
        for k, m in enumerate(matches):
            end = matches[k + 1].start() if k + 1 < len(matches) else len(line)
            value = line[m.end() : end].strip(" \t\u3000|｜/")
            kind = self.field_kind[_label_key(m.group("label"))]
            if value and kind not in out:
                out[kind] = value
        return line[: matches[0].start()].strip(" \t\u3000|｜"), out

    def is_label_only(self, line: str) -> bool:
        """A paragraph that is one label and its colon (the value is in the next paragraph,
        as in a table of an information-disclosure block)."""
        m = self.field_re.fullmatch(line.strip())
        return m is not None

    def strip_title_markers(self, title: str) -> str:
        """``浙江召开推进会(图)`` -> ``浙江召开推进会``."""
        return self.title_markers.sub("", title).strip() or title

    def dispatch_runs(self, text: str) -> list[tuple[str, bool]]:
        """Outlet candidates named by a dispatch or reporter opening (``人民网南京4月26日电``,
        ``北京商报记者``): ``(run before the cue, whether the cue is 记者)``, ``本报`` and the
        like left out.  Before 记者 the whole run must be the outlet; before 电/讯 an outlet
        may be followed by a place name (:attr:`max_place_chars`)."""
        runs: list[tuple[str, bool]] = []
        for m in self.dispatch.finditer(text[: self.dispatch_lead_chars]):
            run = m.group("run").split("·")[0]
            if run and run not in self.not_outlets and _CJK.search(run):
                runs.append((run, m.group("cue").endswith("记者")))
        return runs

    def source_parts(self, value: str) -> list[str]:
        """The pieces of a source value: ``人民网-江苏频道`` -> [人民网, 江苏频道], with a
        group name in front (``中央广电总台国际在线``) taken off."""
        parts = [p for p in self.source_separators.split(value.strip()) if p]
        out: list[str] = []
        for p in parts:
            for group in self.outlet_groups:
                if p.startswith(group) and len(p) > len(group) + 1:
                    p = p[len(group) :]
                    break
            out.append(p)
        return out


def _label_key(label: str) -> str:
    return re.sub(r"[ \t\u3000]+", "", label)


def _field_regex(labels: dict[str, list[str]], glued: list[str]) -> tuple[re.Pattern[str], dict[str, str]]:
    kind_of: dict[str, str] = {}
    for kind in FIELD_KINDS:
        for label in labels[kind]:
            kind_of.setdefault(_label_key(label), kind)
    # longest first, so that 发布时间 wins over 时间.  A label of three or more characters, or one
    # of ``glued``, is recognised right after other text (…国际在线编辑：); a shorter one only
    # after a non-ideograph (工作时间： is no 时间 field).
    ordered = sorted(kind_of, key=len, reverse=True)
    anywhere = [label for label in ordered if len(label) >= 3 or label in glued]
    bounded = [label for label in ordered if label not in anywhere]

    def alternation(items: list[str]) -> str:
        return "|".join("[ \t\u3000]*".join(map(re.escape, label)) for label in items)

    pattern = (
        r"(?P<label>(?:" + alternation(anywhere) + r")|(?<![\u4e00-\u9fff])(?:" + alternation(bounded) + r"))"
        r"[ \t\u3000]*[:：]"
    )
    return re.compile(pattern), kind_of


def _load() -> dict[str, Any]:
    data: dict[str, Any] = load_json("layouts.json")
    return data


@cache
def layouts() -> Layouts:
    """The layout rules (loaded and compiled on first use)."""
    d = _load()
    labels = {k: v for k, v in d["field_labels"].items() if not k.startswith("_") and k != "glued"}
    field_re, field_kind = _field_regex(labels, d["field_labels"]["glued"])
    dispatch = d["dispatch"]
    signature = d["signature"]
    suffixes = sorted(signature["org_suffixes"], key=len, reverse=True)
    org = r"[\u4e00-\u9fff（）()]{2,30}?(?:" + "|".join(map(re.escape, suffixes)) + ")"
    signature_orgs = re.compile(rf"{org}(?:[ \t\u3000]+{org}){{0,5}}")
    return Layouts(
        max_line_chars=int(d["max_line_chars"]),
        min_title_chars=int(d["min_title_chars"]),
        top_scan=int(d["top_scan"]),
        after_title_scan=int(d["after_title_scan"]),
        menu_min_items=int(d["menu"]["min_items"]),
        menu_max_item_chars=int(d["menu"]["max_item_chars"]),
        menu_min_run=int(d["menu"]["min_run"]),
        breadcrumb_heads=tuple(d["breadcrumb"]["heads"]),
        breadcrumb_separators=tuple(d["breadcrumb"]["separators"]),
        header_furniture=_any_of(d["top_furniture"] + d["toolbar"]),
        byline=_any_of(d["byline"]),
        dispatch=_any_of(dispatch["patterns"]),
        dispatch_lead_chars=int(dispatch["lead_chars"]),
        dispatch_lead_paragraphs=int(dispatch["lead_paragraphs"]),
        max_place_chars=int(dispatch["max_place_chars"]),
        not_outlets=frozenset(dispatch["not_outlets"]),
        news_dispatch_prefix=re.compile(d["news_dispatch_prefix"]),
        field_re=field_re,
        field_kind=field_kind,
        title_markers=re.compile(d["title_markers"]),
        original_title=re.compile(
            r"(?:" + "|".join(map(re.escape, d["original_title_labels"])) + r")[ \t\u3000]*[:：][ \t\u3000]*(?P<value>.+)"
        ),
        source_separators=re.compile(d["source_separators"]),
        outlet_groups=tuple(sorted(d["outlet_groups"], key=len, reverse=True)),
        trailing_source=re.compile(d["trailing_source"]),
        copyright=re.compile(d["copyright"]),
        image_sources=frozenset(d["image_sources"]),
        signature_orgs=signature_orgs,
        signature_scan=int(signature["scan"]),
        weekday=re.compile(d["weekday"]),
        date_time_tail=re.compile(d["date_time_tail"]),
        account_line=re.compile(d["account_line"]),
        trailer_line_chars=int(d["foot_trailer"]["max_line_chars"]),
        title_column_words=tuple(d["title_column_words"]),
        not_sources=frozenset(d["not_sources"]),
    )
