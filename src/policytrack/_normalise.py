"""Chinese punctuation and spacing as Chinese text writes them, before extraction.

Pages copied from the web often come with half-width punctuation and spaces inside
Chinese text (``3 月 22 日," 兴证圆融 - 湖南…计划 " 在深圳…发行``): a converter,
a CMS or a scraper folded ``，“”（）：；`` to ASCII and padded numbers and quotes
with spaces.  The extractors read Chinese text, where a comma is ``，`` and a number
is written against its unit (``3月22日``, ``1.35亿元``), so the article's text is
brought back to that form once, here, before a :class:`~policytrack.models.Document`
is made (its offsets are offsets into the result).

Only what stands in Chinese context changes: a space between a Chinese character and a
digit, a Latin letter or punctuation, or after Chinese punctuation, is dropped (two
Chinese characters keep theirs: in a heading it parts two phrases); ``, ; : ? !`` next to a Chinese character become full-width (never between
two digits: ``1,000``, ``11:07``); ``( )`` and ``" "`` pairs around Chinese text become
``（ ）`` and ``“ ”``.  English text, numbers, URLs, times and indentation at the
start of a line are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["normalise_text"]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》【】「」『』…—"
_CJK_RE = re.compile(f"[{_CJK}]")
# a run of spaces with a Chinese character (or Chinese punctuation) on one side and a Chinese
# character, a digit, Chinese punctuation or a quote/bracket on the other
# (two Chinese characters keep the space between them: in a heading it parts two phrases,
# 集聚全要素 实现严格保护)
_HAN = f"[{_CJK}]"
_MARK = f"[{_CJK_PUNCT}]"
_OTHER = "[0-9A-Za-z%\"'(),;:.?!\\-]"
_SPACE_RE = re.compile(
    f"(?<={_HAN})[ \\t\\u00a0]+(?={_OTHER}|{_MARK})|(?<={_OTHER})[ \\t\\u00a0]+(?={_HAN}|{_MARK})"
    f"|(?<={_MARK})[ \\t\\u00a0]+(?={_HAN}|{_OTHER}|{_MARK})"
)
_PAIR_QUOTE_RE = re.compile(r'"([^"\n]{1,200})"')
_PAIR_PAREN_RE = re.compile(r"\(([^()\n]{1,200})\)")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PUNCT_RE = re.compile(r"[,;:?!]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (_CJK_RE.match(ch) is not None or ch in _CJK_PUNCT)


def _punct(m: re.Match[str]) -> str:
    text = m.string
    k = m.start()
    prev = text[k - 1] if k > 0 else ""
    nxt = text[k + 1] if k + 1 < len(text) else ""
    ch = m.group()
    if prev.isdigit() and nxt.isdigit():
        return ch  # 1,000 and 11:07
    if ch == ":" and text[max(0, k - 5) : k].lower().endswith(("http", "https")):
        return ch
    if _is_cjk(prev) or (ch in ",;:" and _is_cjk(nxt)):
        return _FULL[ch]
    return ch


def _pair(open_: str, close: str) -> Callable[[re.Match[str]], str]:
    def swap(m: re.Match[str]) -> str:
        inner = m.group(1)
        if _CJK_RE.search(inner) is None:
            return m.group()
        return f"{open_}{inner.strip()}{close}"

    return swap


def normalise_text(text: str) -> str:
    """``text`` with Chinese punctuation full-width and no spaces inside Chinese text."""
    if _CJK_RE.search(text) is None:
        return text
    out = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t\u3000\u00a0"))
        head, body = line[:indent], line[indent:]
        if not body:
            out.append(line)
            continue
        body = _PAIR_QUOTE_RE.sub(_pair("“", "”"), body)
        body = _PAIR_PAREN_RE.sub(_pair("（", "）"), body)
        body = _SPACE_RE.sub("", body)
        body = _PUNCT_RE.sub(_punct, body)
        out.append(head + body)
    return "\n".join(out)
