"""Compare HTML extractors on real Chinese news and government pages (prints a table; asserts nothing).

Run: python benchmarks/bench_html.py [PAGES] [--tools policytrack,trafilatura,gne] [--show NAME] [--misses]

PAGES is either a folder holding the pages (``163/1.html``...) or the git
directory of a ``fetch`` of GeneralNewsExtractor's repository (default:
``/work/.mirror/GeneralNewsExtractor+GeneralNewsExtractor/repo``, whose
``tests/`` folder keeps real pages, one or more per site).  The pages are
third-party content and are never committed; ``html_expected.json`` beside this
script holds, per page, only short facts written by reading the page: the
headline, the publication date(s) accepted, and a few characters that open and
close the article body (the anchors that delimit it in the page's visible text).
``html_expected.json`` covers one page per site (31), the set the HTML reader was
developed on; ``html_expected_held.json`` the 31 other pages of the same sites,
written afterwards (``--expected benchmarks/html_expected_held.json``).

For each tool the table gives:

* titles right: the tool's title equals the headline (white space and the
  width of punctuation ignored);
* dates right: the tool's date (day precision) is an accepted one;
* body recall: share of the article's characters (its visible text between the
  two anchors, counted per line) found in the tool's text, averaged over pages;
* lost: pages where less than 80% of the article reached the text;
* furniture leaks: pages whose text holds more than 20 characters of the page
  outside the article (before the opening anchor or after the closing one);
* ms/page: the tool's time per page (policytrack's includes extracting records).

Tools: ``policytrack`` (this checkout's :func:`policytrack.parse`), ``trafilatura``
(``bare_extraction`` with its own date, plus ``htmldate`` when it finds none)
and ``gne`` (``GeneralNewsExtractor().extract``).  Install the references with
``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

DEFAULT_PAGES = "/work/.mirror/GeneralNewsExtractor+GeneralNewsExtractor/repo"
EXPECTED = Path(__file__).with_name("html_expected.json")

#: Block elements: their text starts a new line in the visible text.
_BLOCKS = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "table", "ul", "ol", "dd", "dt", "header", "footer", "blockquote", "pre", "title",
}
_SPACE = re.compile(r"\s+")


class Result:
    def __init__(self, title: str | None, date: str | None, text: str) -> None:
        self.title = title
        self.date = date
        self.text = text


# -- reading pages -------------------------------------------------------------
def read_pages(where: str, names: list[str]) -> dict[str, str]:
    root = Path(where)
    pages: dict[str, str] = {}
    for name in names:
        if (root / name).is_file():
            data = (root / name).read_bytes()
        elif (root / "tests" / name).is_file():
            data = (root / "tests" / name).read_bytes()
        else:  # a bare git directory (what `fetch` leaves)
            data = subprocess.run(
                ["git", "--git-dir", str(root), "show", f"HEAD:tests/{name}"],
                check=True, capture_output=True,
            ).stdout
        pages[name] = data.decode("utf-8", errors="replace")
    return pages


def visible_lines(html: str) -> list[str]:
    """The page's visible text, one line per block (scripts, styles and comments dropped)."""
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    html = re.sub(r"</?(?:html|body)\b[^>]*>", "", html, flags=re.IGNORECASE)  # a stray </html> ends the tree
    tree = lxml.html.fromstring(html)
    for bad in tree.xpath("//script|//style|//noscript|//comment()"):
        if bad.getparent() is not None:
            bad.drop_tree()
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS:
            parts.append("\n")

    walk(tree)
    return [line for line in (_SPACE.sub(" ", s).strip() for s in "".join(parts).split("\n")) if line]


# -- comparing -------------------------------------------------------------------
_QUOTES = str.maketrans({"“": '"', "”": '"', "＂": '"', "‘": "'", "’": "'"})


def norm(s: str) -> str:
    """NFKC, straight quotes, no white space: how two texts are compared (the loader makes
    punctuation next to Chinese full-width, so the width and curl of punctuation do not count)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", s).translate(_QUOTES))


def _find_line(lines: list[str], anchor: str, start: int = 0, *, at_end: bool = False) -> int:
    """The first line from ``start`` that begins with ``anchor`` (or ends with it)."""
    a = norm(anchor)
    for i in range(start, len(lines)):
        line = norm(lines[i])
        if (line.endswith(a) if at_end else line.startswith(a)):
            return i
    raise ValueError(f"anchor {anchor!r} not in the page")


def article_span(lines: list[str], exp: dict[str, Any]) -> tuple[int, int]:
    first = _find_line(lines, exp["start"])
    return first, _find_line(lines, exp["end"], first, at_end=True)


def score(result: Result, lines: list[str], exp: dict[str, Any]) -> dict[str, Any]:
    first, last = article_span(lines, exp)
    got = norm(result.text)
    # lines that are neither article nor furniture (原标题, bylines, captions): not counted either way
    ignored = {_find_line(lines, a) for a in exp.get("ignore", [])}
    neutral = [norm(lines[i]) for i in ignored]
    lines = [x if i not in ignored else "" for i, x in enumerate(lines)]
    article = [norm(x) for x in lines[first : last + 1]]
    total = sum(len(x) for x in article) or 1
    found = sum(len(x) for x in article if x and x in got)
    # furniture: page lines outside the article that the tool kept (each at least 4 characters)
    article_set = set(article)
    outside = [norm(x) for x in lines[:first] + lines[last + 1 :]]
    leaked = sum(
        len(x) for x in set(outside) if len(x) >= 4 and x not in article_set and x in got
        and not any(x in a for a in article + neutral)
    )
    title_ok = result.title is not None and norm(result.title) == norm(exp["title"])
    date_ok = result.date is not None and result.date[:10] in exp["date"]
    return {"title": title_ok, "date": date_ok, "recall": found / total, "leak": leaked}


# -- the tools -------------------------------------------------------------------
def run_policytrack(html: str) -> Result:
    from policytrack import parse
    from policytrack.errors import PolicytrackError

    try:
        doc = parse(html, id="page")
    except PolicytrackError:
        return Result(None, None, "")
    p = doc.published
    date = f"{p.year:04d}-{p.month or 0:02d}-{p.day or 0:02d}" if p is not None else None
    return Result(doc.title, date, doc.text)


def run_trafilatura(html: str) -> Result:
    import htmldate
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return Result(None, None, "")
    d = doc if isinstance(doc, dict) else doc.as_dict()
    date = d.get("date") or htmldate.find_date(html, extensive_search=True)
    return Result(d.get("title"), date, d.get("text") or "")


def run_gne(html: str) -> Result:
    from gne import GeneralNewsExtractor

    try:
        d = GeneralNewsExtractor().extract(html)
    except Exception:  # a reference tool's crash counts as nothing found
        return Result(None, None, "")
    date = d.get("publish_time") or None
    m = re.search(r"(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})", date or "")
    iso = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
    return Result(d.get("title"), iso, d.get("content") or "")


TOOLS: dict[str, Callable[[str], Result]] = {
    "policytrack": run_policytrack,
    "trafilatura": run_trafilatura,
    "gne": run_gne,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="?", default=DEFAULT_PAGES)
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument(
        "--expected", default=str(EXPECTED),
        help="expectation file (html_expected.json; html_expected_held.json holds 31 more pages of the same sites)",
    )
    parser.add_argument("--show", help="print the visible lines of one page (to write its expectation)")
    parser.add_argument("--misses", action="store_true", help="list each tool's misses per page")
    args = parser.parse_args()
    expected: dict[str, dict[str, Any]] = json.loads(Path(args.expected).read_text(encoding="utf-8"))
    if args.show:
        for i, line in enumerate(visible_lines(read_pages(args.pages, [args.show])[args.show])):
            print(i, line[:100])
        return
    pages = read_pages(args.pages, sorted(expected))
    lines = {name: visible_lines(html) for name, html in pages.items()}
    rows = []
    for tool in args.tools.split(","):
        run = TOOLS[tool]
        scores = []
        seconds = 0.0
        for name, html in pages.items():
            started = time.perf_counter()
            result = run(html)
            seconds += time.perf_counter() - started
            s = score(result, lines[name], expected[name])
            scores.append(s)
            if args.misses and (not s["title"] or not s["date"] or s["recall"] < 0.8 or s["leak"] > 20):
                print(f"{tool:12} {name:22} title={s['title']!s:5} date={s['date']!s:5} "
                      f"recall={s['recall']:.2f} leak={s['leak']}")
        n = len(scores)
        rows.append((
            tool, n, sum(s["title"] for s in scores), sum(s["date"] for s in scores),
            sum(s["recall"] for s in scores) / n, sum(s["recall"] < 0.8 for s in scores),
            sum(s["leak"] > 20 for s in scores),
            1000 * seconds / n,
        ))
    print(f"{'tool':<14}{'pages':>6}{'titles':>8}{'dates':>7}{'recall':>8}{'lost':>6}{'leaks':>7}{'ms/page':>9}")
    for tool, n, t, d, r, lost, leaks, ms in rows:
        print(f"{tool:<14}{n:>6}{t:>8}{d:>7}{r:>8.2f}{lost:>6}{leaks:>7}{ms:>9.0f}")


if __name__ == "__main__":
    main()
