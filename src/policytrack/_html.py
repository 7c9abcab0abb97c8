"""HTML -> the article's paragraphs, headline and date, with the stdlib :mod:`html.parser`.

The parser keeps its own explicit stack of open elements (no recursion), so
truncated pages and tens of thousands of nesting levels are fine.  Dropped
outright: comments, ``<script>``/``<style>`` and the other ``skip_tags`` of
``data/furniture.json``, and elements hidden by ``display:none`` or ``hidden``.
Block elements and ``<br>`` end a paragraph; other white space collapses to one
space, except that a blank line in the source still separates paragraphs.
Entities are decoded; markup inside quoted attribute values stays in them.

Each paragraph is weighed (:func:`_weight`): prose (punctuation inside it) for
its length, links twice against, headings and short lines against, prose in an
element whose ``class``/``id`` holds a furniture token (``comment``, ``share``,
``related``...) for nothing.  The article is the run of paragraphs weighing most
(Kadane), below the headline when one is found: the line matching ``<title>`` or
``og:title`` (:func:`_headline`).  The lines between headline and article are
handed on as ``header`` for :func:`policytrack._meta.read_header`; the date
comes from them, else ``<meta>``, a labelled date below the article, WeChat's
``ct`` or a script's ``datePublished`` (:func:`_published`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from html.parser import HTMLParser

import attrs

from ._furniture import furniture
from ._meta import looks_like_outlet, resolve_outlet

__all__ = ["HtmlText", "html_to_text", "looks_like_html"]

_BLOCK = frozenset(
    [
        "address", "article", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
        "thead", "title", "tr", "ul"
    ]
)
_CELL = frozenset({"td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3"})
_SECTIONING = frozenset({"nav", "aside", "footer"})
#: What may stand in ``<head>``; any other tag ends a ``<head>`` left open.
_HEAD_CONTENT = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template", "object"})
_VOID = frozenset(
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr"
    ]
)
_WS = re.compile(r"[ \t\n\r\f\v]+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TOKEN = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_HTML_HINT = re.compile(
    r"<(?:!--|!doctype|/?(?:p|div|br|span|a|h[1-6]|html|body|head|table|tr|td|ul|ol|li|section|article|"
    r"strong|em|b|i|img|script|style|meta|title|font|center|blockquote|iframe)\b)",
    re.IGNORECASE,
)
#: A ``<`` that does not start a start tag, an end tag or a doctype.
_NOT_A_TAG = re.compile(r"<(?![A-Za-z]|/[A-Za-z]|![Dd][Oo][Cc][Tt][Yy][Pp][Ee])")
_META_KEYS = frozenset(
    {
        "author",
        "source",
        "og:title",
        "og:site_name",
        "article:published_time",
        "publishdate",
        "pubdate",
        "publish_date",
        "date",
        "dateupdate",
        "publishedtime",
        "publish_time",
        "og:release_date",
        "mediaid",
    }
)


def looks_like_html(text: str) -> bool:
    """True when the text holds at least one common HTML tag or a comment."""
    return _HTML_HINT.search(text) is not None


@attrs.frozen
class HtmlText:
    """What :func:`html_to_text` found on a page.

    ``paragraphs`` is the article body only; ``header`` the lines between the
    headline and the body (datelines, source lines, toolbars), after the field
    lines just above the headline (an index-number table), for the text-level
    header reader; ``headline`` the headline found on the page; ``published`` the
    publication date found on the page (``YYYY-MM-DD``, ``YYYY-MM`` or None);
    ``title``, ``h1`` and ``meta`` are the raw ``<title>``, first visible ``<h1>``
    and ``<meta>`` values.
    """

    paragraphs: tuple[str, ...]
    title: str | None = None
    h1: str | None = None
    meta: dict[str, str] = attrs.field(factory=dict)
    headline: str | None = None
    header: tuple[str, ...] = ()
    published: str | None = None


def _class_tokens(value: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(value[:500])}


# Flags of an open element, kept on the stack; a line's characters are counted under each.
_SKIP, _LINK, _HEADING, _TITLEISH, _FURNITURE = 1, 2, 4, 8, 16
_BLOCK_FLAG = 32  # the element is a block: it was pushed on the block stack too
_DATA = 64  # a table cell, <pre> or <code>: figures and code, not prose, yet part of an article
_DATA_TAGS = frozenset({"td", "th", "pre", "code"})
_TITLE_TOKENS = frozenset({"title", "headline", "biaoti", "tit", "arttitle", "articletitle"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)  # not visibility: WeChat hides #js_content until its script runs


@attrs.define
class _Line:
    """One paragraph of the page, with how many of its characters sat in links, headings..."""

    parts: list[str] = attrs.field(factory=list)
    chars: int = 0
    link: int = 0
    heading: int = 0
    titleish: int = 0
    data: int = 0
    furniture: int = 0
    container: int = -1  # serial number of the block holding the line's own block (-1: none)
    text: str = ""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[_Line] = []
        self.line = _Line()
        self.stack: list[tuple[str, int]] = []  # (tag, flags it opened)
        self.open_count: dict[str, int] = {}
        self.flag_depth = {_SKIP: 0, _LINK: 0, _HEADING: 0, _TITLEISH: 0, _FURNITURE: 0, _DATA: 0}
        self.blocks: list[int] = []  # serial numbers of the open block elements
        self.serial = 0
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.meta: dict[str, str] = {}
        f = furniture()
        self.skip_tags = f.skip_tags
        self.skip_tokens = f.skip_class_tokens

    # -- lines -------------------------------------------------------------
    def _flush(self) -> None:
        line = self.line
        if line.parts:
            line.text = _WS.sub(" ", "".join(line.parts)).strip()
            line.container = self.blocks[-2] if len(self.blocks) > 1 else -1
            line.parts = []
            if line.text:
                self.lines.append(line)
            self.line = _Line()

    # -- the element stack -------------------------------------------------
    def _push(self, tag: str, flags: int) -> None:
        if tag in _BLOCK or tag in _HEADINGS:
            flags |= _BLOCK_FLAG
            self.serial += 1
            self.blocks.append(self.serial)
        self.stack.append((tag, flags))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        for flag in self.flag_depth:
            if flags & flag:
                self.flag_depth[flag] += 1

    def _pop_to(self, tag: str) -> None:
        """Close ``tag`` and every element left open inside it (amortised O(1))."""
        if not self.open_count.get(tag):
            return
        while self.stack:
            name, flags = self.stack.pop()
            if flags & _BLOCK_FLAG:
                self.blocks.pop()
            self.open_count[name] -= 1
            for flag in self.flag_depth:
                if flags & flag:
                    self.flag_depth[flag] -= 1
            self._closed(name)
            if name == tag:
                return

    def _closed(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = _WS.sub(" ", "".join(self.title_parts)).strip() or None
            self.title_parts = None
        elif tag == "h1" and self.h1_parts is not None:
            self.h1 = _WS.sub(" ", "".join(self.h1_parts)).strip() or None
            self.h1_parts = None
        if tag in _BLOCK or tag in _HEADINGS:
            self._flush()

    # -- parser callbacks --------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(attrs)
            return
        if tag in _VOID:
            if tag in ("br", "hr") and not self.flag_depth[_SKIP]:
                self._flush()
            return
        if self.open_count.get("head") and tag not in _HEAD_CONTENT:
            self._pop_to("head")  # the body started without </head>
        flags = self._flags(tag, attrs)
        self._push(tag, flags)
        if tag == "title" and self.title is None:
            self.title_parts = []
        elif tag == "h1" and self.h1 is None and not self.flag_depth[_SKIP] and not self.flag_depth[_FURNITURE]:
            self.h1_parts = []
        if tag in _BLOCK or tag in _HEADINGS:
            self._flush()
        elif tag in _CELL:
            self.line.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag == "meta":
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCK and not self.flag_depth[_SKIP]:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            if tag == "br" and not self.flag_depth[_SKIP]:
                self._flush()
            return
        self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        depth = self.flag_depth
        if depth[_SKIP]:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        for k, piece in enumerate(_BLANK_LINE.split(data)):
            if k:
                self._flush()
            n = len(piece.strip())
            line = self.line
            line.parts.append(piece)
            line.chars += n
            if depth[_LINK]:
                line.link += n
            if depth[_HEADING]:
                line.heading += n
            if depth[_DATA]:
                line.data += n
            if depth[_TITLEISH]:
                line.titleish += n
            if depth[_FURNITURE]:
                line.furniture += n

    # comments, declarations and processing instructions are dropped by default.

    def _flags(self, tag: str, attrs: list[tuple[str, str | None]]) -> int:
        flags = 0
        if tag in _SECTIONING:
            flags |= _FURNITURE  # a page's nav, aside or footer: weighed, not dropped (a headline may sit in it)
        elif tag in self.skip_tags or tag == "title":
            flags |= _SKIP
        elif tag == "a":
            flags |= _LINK
        elif tag in _DATA_TAGS:
            flags |= _DATA
        elif tag in _HEADINGS:
            flags |= _HEADING
        for name, value in attrs:
            if name == "hidden" or (name == "style" and value and _HIDDEN_STYLE.search(value)):
                flags |= _SKIP
            elif value and name in ("class", "id"):
                tokens = _class_tokens(value)
                if tokens & self.skip_tokens:
                    flags |= _FURNITURE
                if tokens & _TITLE_TOKENS:
                    flags |= _TITLEISH
        return flags

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        d = {k: v for k, v in attrs if v is not None}
        key = (d.get("name") or d.get("property") or d.get("itemprop") or "").lower()
        content = d.get("content")
        if key in _META_KEYS and content and key not in self.meta:
            self.meta[key] = _WS.sub(" ", content).strip()[:300]


def _strip_comments(html: str) -> str:
    """Remove ``<!-- ... -->``; an unclosed comment runs to the end (linear time)."""
    if "<!--" not in html:
        return html
    out: list[str] = []
    pos = 0
    while True:
        start = html.find("<!--", pos)
        if start < 0:
            out.append(html[pos:])
            break
        out.append(html[pos:start])
        end = html.find("-->", start + 4)
        if end < 0:
            break
        pos = end + 3
    return "".join(out)


class _Finder:
    """``str.find`` of one character with its last answer remembered: repeated look-ups are O(1)."""

    def __init__(self, text: str, char: str) -> None:
        self.text, self.char = text, char
        self.asked, self.found = len(text) + 1, -1  # find(char, p) == found for asked <= p <= found

    def next(self, pos: int) -> int:
        if self.asked <= pos and (self.found < 0 or pos <= self.found):
            return self.found
        self.asked, self.found = pos, self.text.find(self.char, pos)
        return self.found


class _Scanner:
    """Where each tag of a page ends, quoted attribute values respected, in linear time overall."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.finders = {c: _Finder(html, c) for c in "<>\"'"}

    def _next(self, char: str, pos: int) -> int:
        return self.finders[char].next(pos)

    def tag_end(self, start: int) -> int:
        """The ``>`` closing the tag opened at ``start``; -1 if the page ends first; -2 if it is no tag.

        A ``<`` or ``>`` inside a quoted attribute value (``title="<b>x</b>"``) is
        part of the value; a ``<`` outside quotes before the ``>`` means the first
        ``<`` opened no tag.
        """
        html = self.html
        i = start + 1
        while True:
            gt = self._next(">", i)
            if gt < 0:
                return -1
            lt = self._next("<", i)
            quotes = [q for q in (self._next('"', i), self._next("'", i)) if 0 <= q < gt]
            q = min(quotes) if quotes else -1
            if q >= 0 and (lt < 0 or q < lt or lt > gt):
                if html[i:q].rstrip().endswith("="):  # an attribute value: runs to its closing quote
                    close = self._next(html[q], q + 1)
                    if close < 0:
                        return -1
                    i = close + 1
                else:
                    i = q + 1  # a stray quote
                continue
            return -2 if 0 <= lt < gt else gt


def _defuse(html: str) -> str:
    """Escape every ``<`` that cannot open a tag, before :mod:`html.parser` sees it.

    The stdlib parser rescans to the end of the input for each unfinished
    ``<!``, ``</``, ``<?``, ``<![CDATA[`` or tag, which is quadratic on
    adversarial pages.  So a ``<`` that cannot start a tag, or that meets another
    ``<`` (outside a quoted attribute value) before its ``>``, is escaped as text.
    A tag whose quoted attribute values hold markup (``data-x="<p>..</p>"``) is
    kept whole.  Comments are removed here too.
    """
    html = _NOT_A_TAG.sub("&lt;", _strip_comments(html))
    scanner = _Scanner(html)
    out: list[str] = []
    pos = 0  # html[:pos] is written out
    i = html.find("<")
    while i >= 0:
        end = scanner.tag_end(i)
        if end == -1:
            tail = html[i:]
            out.append(html[pos:i])
            # a page cut off inside a tag ("<a hre"): drop the fragment; a longer tail is text
            if len(tail) <= 200 and "\n" not in tail:
                pos = len(html)
                break
            out.append("&lt;")
            pos = i + 1
            i = html.find("<", pos)
            continue
        if end == -2:
            out.append(html[pos:i])
            out.append("&lt;")
            pos = i + 1
            i = html.find("<", pos)
            continue
        tag = html[i : end + 1]
        if "<" in tag[1:] or ">" in tag[:-1]:  # markup inside a quoted value: escape it there
            tag = tag[0] + tag[1:-1].replace("<", "&lt;").replace(">", "&gt;") + tag[-1]
        out.append(html[pos:i])
        out.append(tag)
        pos = end + 1
        i = html.find("<", pos)
    out.append(html[pos:])
    return "".join(out)


# -- choosing the article -------------------------------------------------------
#: Punctuation inside sentences: a line holding it is prose, not a menu entry.
_PROSE_PUNCT = re.compile(r"[，。！？；、,;!?]|\.(?=\s|$)")
_SENTENCE_END = frozenset("。；;…，,、")  # a line ending so is prose (a headline never does)
_SEPARATORS = re.compile(r"\s*(?:[_|｜]+|-{1,2}|——|－|—)\s*")
_NORM_SPACE = re.compile(r"\s+")
#: A full date written on the page (年/月/日, dashes, slashes or dots).
_PAGE_DATE = re.compile(
    r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?!\d)"
)
#: Labels of the publication date, and of dates that are not it (成文日期: written, not published).
_PUBLISHED_LABEL = re.compile(r"发布|发表|时间|日期|更新|pub", re.IGNORECASE)
_OTHER_DATE_LABEL = re.compile(r"成文|印发|实施|施行|截止|有效期|生效")
#: ``<meta>`` keys of the publication date, best first.
_META_DATE_KEYS = (
    "article:published_time", "publishdate", "pubdate", "publish_date", "publishedtime", "date",
    "dateupdate", "og:release_date", "publish_time",
)
#: The publication time of a WeChat post, a Unix time in the page's script.
_WECHAT_TIME = re.compile(r"\bvar\s+ct\s*=\s*\"(\d{9,10})\"")


def _norm(s: str) -> str:
    return _NORM_SPACE.sub("", unicodedata.normalize("NFKC", s))


def _weight(line: _Line, classes: bool = True) -> float:
    """How much a line speaks for being article body: + for prose, - for furniture.

    Prose is a line with punctuation inside it (a final ！ or ？ alone makes a
    headline, not prose) and few characters in links; link lines weigh double,
    so that a list of linked headlines with summaries does not outweigh the
    gap between it and the article.  A table cell or code line that is not prose
    weighs almost nothing (a table of figures does not cut an article in two).
    Prose in an element whose class or id names
    furniture (``comment``, ``related``...) weighs nothing, unless ``classes`` is
    False (the page has no other prose: its body's class was misleading).
    """
    n = len(line.text)
    if line.link * 2 > line.chars:
        return -2.0 * max(5, n)
    if (line.heading + line.titleish) * 2 > line.chars:
        return -float(max(5, n))
    punct = len(_PROSE_PUNCT.findall(line.text, 0, n - 1))
    prose = (punct and n >= 10) or line.text[-1] in _SENTENCE_END
    if prose and classes and line.furniture * 2 > line.chars:
        return 0.0 if n >= 80 else -max(5.0, n * 0.5)  # comments, related summaries: never the article
    if prose:
        return float(n - 2 * line.link)
    if line.data * 2 > line.chars and line.furniture * 2 <= line.chars:
        return -1.0  # a table's figures or a code block: bridged when prose stands on both sides
    return -max(5.0, n * 0.5)


def _best_run(weights: list[float], lo: int) -> tuple[int, int] | None:
    """The run of lines from ``lo`` on whose weights sum highest (Kadane), or None if none is positive."""
    best, best_span = 0.0, None
    total, start = 0.0, lo
    for i in range(lo, len(weights)):
        if total <= 0:
            total, start = 0.0, i
        total += weights[i]
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _page_date(text: str) -> str | None:
    m = _PAGE_DATE.search(text)
    if m is None:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        dt.date(y, mo, d)
    except ValueError:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _date_in(lines: list[str], *, labelled: bool = False) -> str | None:
    """The publication date in header lines: a labelled one first, never a 成文日期 when another is there.

    With ``labelled``, only a date after a publication label (发布日期：...) counts.
    """
    plain: str | None = None
    other: str | None = None
    for line in lines:
        for m in _PAGE_DATE.finditer(line):
            date = _page_date(m.group())
            if date is None:
                continue
            before = line[max(0, m.start() - 8) : m.start()]
            if _OTHER_DATE_LABEL.search(before):
                other = other or date
            elif _PUBLISHED_LABEL.search(before):
                return date
            else:
                plain = plain or date
    return None if labelled else plain or other


def _page_title_keys(title: str | None, og: str | None) -> list[str]:
    """Normalised forms the headline may take in ``<title>``/``og:title``."""
    keys = []
    for value in (og, title):
        if value:
            keys.append(_norm(value))
    return [k for k in keys if k]


def _title_match(line: str, keys: list[str]) -> int:
    """3: the page title starts with ``line``; 2: holds it; 1: ``line`` holds the page title's first part."""
    n = _norm(line)
    if len(n) < 4:
        return 0
    score = 0
    for key in keys:
        if key.startswith(n):
            score = max(score, 3)
        elif n in key:
            score = max(score, 2)
        else:
            head = _norm(_SEPARATORS.split(key, maxsplit=1)[0]) if key else ""
            if len(head) >= 6 and head in n:
                score = max(score, 1)
    return score


def _headline_shaped(line: _Line) -> bool:
    t = line.text
    return (
        4 <= len(t) <= 100 and "。" not in t and t[-1] not in "，。；：:," and ">" not in t
        and line.link * 2 <= line.chars and not _PAGE_DATE.search(t)
    )


def _dated(lines: list[_Line], i: int) -> bool:
    return any(_page_date(line.text) for line in lines[i + 1 : i + 4])


def _headline(
    lines: list[_Line], run: tuple[int, int], keys: list[str], page_title: str | None
) -> tuple[int | None, int, str | None]:
    """(first index, last index, text) of the headline (first index None when no line is it).

    A line matching the page's ``<title>`` or ``og:title`` wins (headings, and
    lines with a date just below, first); the headline may run over several
    lines (``<br>`` in it).  Failing that, the headline-shaped line just above
    the dateline over the body, then a heading above the body.
    """
    body, end = run
    lo = max(0, body - 40)
    best: tuple[int, int, int] | None = None  # (score, length, index)
    for i in range(lo, len(lines)):
        line = lines[i]
        if not _headline_shaped(line):
            continue
        match = _title_match(line.text, keys)
        if not match or ((i >= body or line.furniture * 2 > line.chars) and match < 3):
            continue
        heading = (line.heading + line.titleish) * 2 > line.chars
        if i >= end and not heading:  # below the strongest prose only a heading can be the headline
            continue
        cand = (match * 4 + heading * 2 + _dated(lines, i), len(line.text), i)
        if best is None or cand[:2] > best[:2]:
            best = cand
    if best is not None:
        i = j = best[2]
        text = lines[i].text
        while j + 1 < end and _title_match(text + lines[j + 1].text, keys) >= 2 and len(text) < 100:
            j += 1
            text += lines[j].text
        if best[0] // 4 == 1 and page_title:  # the line holds the page title's first part ("原创" + headline)
            text = _SEPARATORS.split(page_title, maxsplit=1)[0].strip()
        return i, j, text
    # no line matches the page title: the headline-shaped line just above the dateline over the body
    for i in range(body - 1, max(lo, body - 8) - 1, -1):
        above = lines[i - 1] if i > 0 else None
        if above and _page_date(lines[i].text) and _headline_shaped(above) and above.furniture * 2 <= above.chars:
            return i - 1, i - 1, above.text
    for i in range(lo, body):  # a heading
        line = lines[i]
        if line.heading * 2 > line.chars and line.furniture * 2 <= line.chars and _headline_shaped(line):
            return i, i, line.text
    return None, 0, None


#: Endings of a site's name in a page title (``…_佛山市人民政府门户网站``), beyond an outlet's shape.
_SITE_ENDINGS = ("网站", "官网", "政府", "门户", "大学", "学院", "研究院", "医院", "中心", "在线", "官方网站")
_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+(?:com|cn|net|org|gov|edu)(?:\.cn)?", re.IGNORECASE)
_TITLE_SEGMENTS = re.compile(r"\s*(?:[_|｜]+|\s-\s|--+|——|(?<![A-Za-z0-9])-(?![A-Za-z0-9]))\s*")


def _site_name(segment: str) -> bool:
    segment = segment.strip()
    return bool(
        segment
        and (
            resolve_outlet(segment) is not None
            or looks_like_outlet(segment)
            or segment.endswith(_SITE_ENDINGS)
            or _DOMAIN.fullmatch(segment)
        )
    )


def strip_site_name(title: str) -> str:
    """A page title without the site names after the headline (``标题-新华网``, ``标题_X市人民政府门户网站``)."""
    title = title.strip()
    end = len(title)
    for m in reversed(list(_TITLE_SEGMENTS.finditer(title))):
        if m.end() > end or not _site_name(title[m.end() : end]):
            break
        end = m.start()
    return title[:end].strip() or title


def _choose(lines: list[_Line], title: str | None, meta: dict[str, str]) -> tuple[int, int, int | None, int, str | None]:
    """(body start, body end, headline's first and last index, headline) of the page's article."""
    weights = [_weight(line) for line in lines]
    run = _best_run(weights, 0)
    if run is None:  # no prose outside furniture classes: the classes are not to be trusted
        weights = [_weight(line, classes=False) for line in lines]
        run = _best_run(weights, 0)
    if run is None:  # no prose anywhere: every line that is not a link or furniture
        return 0, len(lines), None, 0, None
    keys = _page_title_keys(title, meta.get("og:title"))
    h, h_end, headline = _headline(lines, run, keys, title)
    if h is not None:
        # the article starts after its headline: sidebar prose above it is not the body
        after = _best_run(weights, h_end + 1)
        if after is not None and (after[0] > run[0] or h >= run[0]):
            run = after
    start, end = run
    # short opening clauses of the article in its container ("下周一，" over a short line), never the headline
    floor = h_end + 1 if h is not None else 0
    while (
        start > floor
        and start > run[0] - 3
        and lines[start - 1].container == lines[run[0]].container
        and _closing_line(lines[start - 1])
        and not _CREDIT.search(lines[start - 1].text)
    ):
        start -= 1
    # a short closing line of the article (数据来源：..., a signature) that is neither link, heading nor furniture
    while (
        end < len(lines)
        and end < run[1] + 2
        and lines[end].container == lines[run[1] - 1].container
        and _closing_line(lines[end])
    ):
        end += 1
    return start, end, h, h_end, headline


#: Words of a credit or dateline line, which belongs to the header, not to the article's opening.
_CREDIT = re.compile(r"记者|通讯员|编辑|作者|摄影|来源|本报讯|发布|时间|日期|浏览|点击|阅读")


def _closing_line(line: _Line) -> bool:
    return (
        len(line.text) <= 40
        and line.link == 0
        and line.heading == 0
        and line.titleish == 0
        and line.furniture == 0
        and not _PAGE_DATE.search(line.text)
        and not line.text.startswith(furniture().source_labels)  # 来源：... signs a post off
    )


#: A publication date in a page's script or JSON-LD (``"datePublished": "2019-09-07T..."``).
_SCRIPT_DATE = re.compile(
    r"[\"']?(?:datePublished|publishDate|pubDate|publish_time|publishTime|pubtime|ptime)[\"']?\s*[:=]\s*[\"']"
    r"((?:19|20)\d\d-\d\d-\d\d)",
    re.IGNORECASE,
)


def html_to_text(html: str) -> HtmlText:
    """Parse HTML (complete or not) into the article's paragraphs and header values."""
    parser = _Extractor()
    parser.feed(_defuse(html))
    parser.close()
    parser._flush()
    if parser.title_parts is not None:  # <title> never closed
        parser.title = _WS.sub(" ", "".join(parser.title_parts)).strip() or None
    lines = parser.lines
    start, end, h, h_end, headline = _choose(lines, parser.title, parser.meta)
    if headline is None and parser.title:
        headline = strip_site_name(parser.title)
    chosen = lines[start:end]
    classes = any(_weight(line) > 0 for line in lines)  # False: the body's own class named furniture
    if not any(_weight(line, classes) > 0 for line in chosen):  # no prose: what is not link, heading, furniture
        chosen = [x for x in chosen if x.link * 2 <= x.chars and x.furniture * 2 <= x.chars and x.heading == 0]
    # inside the article: drop link lines, and furniture blocks (share bars, ads, comments) that are not prose
    body = tuple(
        x.text
        for x in chosen
        if x.link * 2 <= x.chars and (x.furniture * 2 <= x.chars or _weight(x, classes) > 0)
    )
    header_from = h_end + 1 if h is not None else max(0, start - 8)
    header = [line.text for line in lines[header_from:start]]
    above = _fields_above(lines, h) if h is not None else []
    published = _published(html, lines, header, h, end, parser.meta)
    return HtmlText(body, parser.title, parser.h1, parser.meta, headline, tuple(above + header), published)


_FIELD = re.compile(r"\S\s*[：:]\s*\S")


def _fields_above(lines: list[_Line], h: int) -> list[str]:
    """Field lines just above the headline (an information-disclosure table: 索引号：…, 发布机构：…).

    Contiguous lines holding ``label：value``, none a link, furniture or prose, at most 8.
    """
    k = h
    while k > 0 and h - k < 8:
        line = lines[k - 1]
        if line.link * 2 > line.chars or line.furniture * 2 > line.chars or _weight(line) > 0:
            break
        if not _FIELD.search(line.text):
            break
        k -= 1
    return [line.text for line in lines[k:h]]


def _published(html: str, lines: list[_Line], header: list[str], h: int | None, end: int,
               meta: dict[str, str]) -> str | None:
    """The publication date: header lines, ``<meta>``, lines around the article, scripts."""
    published = _date_in(header)
    if published is None:
        for key in _META_DATE_KEYS:
            if key in meta and (published := _page_date(meta[key])):
                return published
    if published is None:
        published = _date_in([line.text for line in lines[end : end + 12]], labelled=True)
    if published is None and h is not None:
        published = _date_in([line.text for line in lines[max(0, h - 3) : h]])
    if published is None and (m := _WECHAT_TIME.search(html)):
        moment = dt.datetime.fromtimestamp(int(m.group(1)), tz=dt.timezone(dt.timedelta(hours=8)))
        published = moment.date().isoformat()
    if published is None and (m := _SCRIPT_DATE.search(html)):
        published = _page_date(m.group(1))
    return published
