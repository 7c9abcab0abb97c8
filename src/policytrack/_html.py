"""HTML -> paragraphs of plain text, with the stdlib :mod:`html.parser`.

The parser keeps its own explicit stack of open elements (no recursion), so
truncated pages and tens of thousands of nesting levels are fine.  Dropped:
comments, ``<script>``/``<style>`` and the other ``skip_tags`` of
``data/furniture.json``, and any element whose ``class``/``id`` holds a
furniture token (``share``, ``qr``, ``nav``, ``ad``...).  Block elements and
``<br>`` end a paragraph; other white space collapses to one space, except
that a blank line in the source still separates paragraphs.  Entities are
decoded.  ``<title>``, the first ``<h1>`` and ``<meta>`` values are kept apart
for the metadata.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

from ._furniture import furniture

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
_ANGLE = re.compile(r"[<>]")
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
        "mediaid",
    }
)


def looks_like_html(text: str) -> bool:
    """True when the text holds at least one common HTML tag or a comment."""
    return _HTML_HINT.search(text) is not None


@attrs.frozen
class HtmlText:
    """What :func:`html_to_text` found: paragraphs plus header values."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    h1: str | None = None
    meta: dict[str, str] = attrs.field(factory=dict)


def _class_tokens(value: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(value[:500])}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, opened a skipped region)
        self.open_count: dict[str, int] = {}
        self.skip_depth = 0
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.meta: dict[str, str] = {}
        f = furniture()
        self.skip_tags = f.skip_tags
        self.skip_tokens = f.skip_class_tokens

    # -- the element stack -------------------------------------------------
    def _push(self, tag: str, skip: bool) -> None:
        self.stack.append((tag, skip))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        if skip:
            self.skip_depth += 1

    def _pop_to(self, tag: str) -> None:
        """Close ``tag`` and every element left open inside it (amortised O(1))."""
        if not self.open_count.get(tag):
            return
        while self.stack:
            name, skip = self.stack.pop()
            self.open_count[name] -= 1
            if skip:
                self.skip_depth -= 1
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
        if tag in _BLOCK:
            self.out.append("\n")

    # -- parser callbacks --------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(attrs)
            return
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self.out.append("\n")
            return
        skip = tag in self.skip_tags or tag == "title" or self._furniture_attrs(attrs)
        self._push(tag, skip)
        if tag == "title" and self.title is None:
            self.title_parts = []
        elif tag == "h1" and self.h1 is None and not self.skip_depth:
            self.h1_parts = []
        if tag in _BLOCK:
            self.out.append("\n")
        elif tag in _CELL:
            self.out.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag == "meta":
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCK and not self.skip_depth:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self.out.append("\n")
            return
        self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        if self.skip_depth:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        pieces = _BLANK_LINE.split(data)
        self.out.append("\n".join(_WS.sub(" ", p) for p in pieces))

    # comments, declarations and processing instructions are dropped by default.

    def _furniture_attrs(self, attrs: list[tuple[str, str | None]]) -> bool:
        for name, value in attrs:
            if value and name in ("class", "id") and _class_tokens(value) & self.skip_tokens:
                return True
            if name == "hidden" or (name == "style" and value and "display:none" in value.replace(" ", "")):
                return True
        return False

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


def _defuse(html: str) -> str:
    """Escape every ``<`` that cannot open a tag, before :mod:`html.parser` sees it.

    The stdlib parser rescans to the end of the input for each unfinished
    ``<!``, ``</``, ``<?``, ``<![CDATA[`` or tag, which is quadratic on
    adversarial pages.  So a ``<`` that cannot start a tag, or that meets another
    ``<`` before any ``>``, is escaped as text.  Comments are removed here too.
    """
    html = _NOT_A_TAG.sub("&lt;", _strip_comments(html))
    out: list[str] = []
    pos = 0
    open_at = -1
    for m in _ANGLE.finditer(html):
        if m.group() == ">":
            open_at = -1
            continue
        if open_at >= 0:  # the previous '<' never reached a '>': it is text
            out.append(html[pos:open_at])
            out.append("&lt;")
            pos = open_at + 1
        open_at = m.start()
    if open_at >= 0:
        out.append(html[pos:open_at])
        tail = html[open_at:]
        # a page cut off inside a tag ("<a hre"): drop the fragment; a longer tail is text
        pos = len(html) if len(tail) <= 200 and "\n" not in tail else open_at + 1
        if pos != len(html):
            out.append("&lt;")
    out.append(html[pos:])
    return "".join(out)


def html_to_text(html: str) -> HtmlText:
    """Parse HTML (complete or not) into paragraphs and header values."""
    parser = _Extractor()
    parser.feed(_defuse(html))
    parser.close()
    if parser.title_parts is not None:  # <title> never closed
        parser.title = _WS.sub(" ", "".join(parser.title_parts)).strip() or None
    text = "".join(parser.out)
    paragraphs = tuple(line for line in (s.strip() for s in text.split("\n")) if line)
    return HtmlText(paragraphs, parser.title, parser.h1, parser.meta)
