"""Front matter the way static-site generators write it (Hugo, Jekyll, Hexo, Hugo's TOML):
every valid block loads with the right title and date; an invalid one is that file's
one-line :class:`~policytrack.errors.FrontMatterError`."""

from __future__ import annotations

import importlib
import random
from pathlib import Path

import pytest

from policytrack import load, parse, read_document
from policytrack._meta import split_front_matter
from policytrack.errors import FrontMatterError

load_mod = importlib.import_module("policytrack.load")

BODY = "广州开发区近日发行知识产权证券化产品，规模3亿元。"
PLACES = ["广州开发区", "深圳南山区", "杭州滨江区", "成都高新区", "苏州工业园区", "武汉东湖高新区"]
ACTS = ["知识产权证券化再创新高", "发布知识产权质押融资新政", "知识产权保护中心揭牌运行", "首单专利保险落地"]


@pytest.fixture
def no_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_mod, "extract_document", lambda doc: doc)


def _title_yaml(title: str, style: int) -> tuple[str, str]:
    """(the title as a generator writes it, the title YAML reads back)."""
    head, tail = title[:5], title[5:]
    forms = [
        (f"title: {title}", title),
        (f'title: "{title}"', title),
        (f"title: '{title}'", title),
        (f'title: "{head}\n  {tail}"', f"{head} {tail}"),  # a quoted title over two lines
        (f"title: '{head}\n  {tail}'", f"{head} {tail}"),
        (f"title: |-\n  {title}", title),  # block scalars
        (f"title: >-\n  {head}\n  {tail}", f"{head} {tail}"),
        (f"Title: {title}", title),  # any key case
        (f"TITLE: \"{title}\"  # the headline", title),
    ]
    return forms[style % len(forms)]


def _date_yaml(style: int) -> tuple[str, str]:
    forms = [
        ("date: 2023-06-01", "2023-06-01"),  # a YAML date
        ("date: 2023-06-01T10:00:00+08:00", "2023-06-01"),
        ("date: 2023-06-01T23:30:00-08:00", "2023-06-01"),  # as written, never moved to UTC
        ("date: 2023-06-01 10:00:00 +0800", "2023-06-01"),  # Hexo
        ('date: "2023-06-01"', "2023-06-01"),
        ("Date: 2023/06/01", "2023-06-01"),
        ("published: 2023年6月1日", "2023-06-01"),
        ("date: Thu, 01 Jun 2023 10:00:00 GMT", "2023-06-01"),
    ]
    return forms[style % len(forms)]


EXTRAS = [
    "tags:\n  - 知识产权\n  - 证券化",
    "tags: [知识产权, 证券化]",
    "categories:\n- 新闻",
    "author: 张三",
    "draft: false",
    "weight: 10",
    "# a comment line",
    "params:\n  source: 南方日报\n  images:\n    - a.png",
    "description: >\n  第一行\n  第二行",
    "summary: |\n  多行摘要\n  第二行",
    "slug: gz-ip-abs",
    "aliases: []",
    "empty:",
]


def _yaml_article(k: int, rng: random.Random) -> tuple[str, str, str]:
    title = rng.choice(PLACES) + rng.choice(ACTS)
    title_line, want_title = _title_yaml(title, k)
    date_line, want_date = _date_yaml(k // 3)
    extras = rng.sample(EXTRAS, rng.randint(0, 4))
    lines = [title_line, date_line, *extras]
    rng.shuffle(lines)
    fence_end = "..." if k % 17 == 0 else "---"
    return f"---\n{chr(10).join(lines)}\n{fence_end}\n\n{BODY}\n", want_title, want_date


def _toml_article(k: int, rng: random.Random) -> tuple[str, str, str]:
    title = rng.choice(PLACES) + rng.choice(ACTS)
    dates = [
        ("date = 2023-06-01T10:00:00+08:00", "2023-06-01"),
        ("date = 2023-06-01", "2023-06-01"),
        ('date = "2023-06-01"', "2023-06-01"),
        ("date = 2023-06-01T10:00:00", "2023-06-01"),
    ]
    date_line, want_date = dates[k % len(dates)]
    titles = [f'title = "{title}"', f"title = '{title}'", f'title = """{title}"""']
    extra = ['tags = ["知识产权", "证券化"]', "draft = false", "[params]\nsource = \"南方日报\""][k % 3]
    return f"+++\n{titles[k % 3]}\n{date_line}\n{extra}\n+++\n{BODY}\n", title, want_date


def corpus(n: int = 300, seed: int = 14) -> list[tuple[str, str, str]]:
    """``n`` articles with front matter in the forms static-site generators write."""
    rng = random.Random(seed)
    return [(_toml_article if k % 5 == 4 else _yaml_article)(k, rng) for k in range(n)]


def test_generated_corpus_every_file_loads(no_extraction: None, tmp_path: Path) -> None:
    articles = corpus()
    for k, (text, _, _) in enumerate(articles):
        (tmp_path / f"a{k:03d}.md").write_text(text, encoding="utf-8")
    result = load(tmp_path, workers=1)
    assert result.errors == []
    docs = {d.id: d for d in result.documents}
    assert len(docs) == len(articles)
    for k, (_, title, date) in enumerate(articles):
        doc = docs[f"a{k:03d}"]
        assert (doc.title, str(doc.published)) == (title, date), articles[k][0]
        assert doc.text == BODY


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("---\ntitle: x\nparams:\n  source: 南方日报\n---\nbody", "params.source", "南方日报"),
        ("---\ntitle: x\ntags: [a, b]\n---\nbody", "tags", ["a", "b"]),
        ("---\ntitle: x\nweight: 10\ndraft: false\n---\nbody", "weight", "10"),
        ("---\n# comment first\ntitle: x\n---\nbody", "title", "x"),
        ("+++\ntitle = \"x\"\n[params]\nsource = \"南方日报\"\n+++\nbody", "params.source", "南方日报"),
    ],
    ids=["nested-map", "flow-list", "numbers-and-booleans", "comment-first", "toml-table"],
)
def test_front_matter_fields(text: str, key: str, value: object) -> None:
    fm = split_front_matter(text, "f.md")
    assert fm is not None and fm.fields[key] == value and fm.body == "body"


def test_source_from_nested_params(no_extraction: None) -> None:
    doc = parse("---\ntitle: 佛山发布新政\nsource: 南方日报\ndate: 2023-06-01\n---\n" + BODY, id="s")
    assert (doc.title, doc.source, str(doc.published)) == ("佛山发布新政", "南方日报", "2023-06-01")


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: 深圳\n---\n---\n\n" + BODY,  # a second fence in the body is body
        "---\n\n正文第一段没有键。\n---\n" + BODY,  # a horizontal rule, not front matter
        "+++\n正文\n+++\n" + BODY,
    ],
    ids=["second-fence-is-body", "rule-not-front-matter", "plus-rule"],
)
def test_not_front_matter_or_body_kept(no_extraction: None, text: str) -> None:
    parse(text, id="x")  # loads: nothing refused


INVALID = [
    pytest.param("---\ntitle: x\ndate: 2022-01-01\n" + BODY, "never closed", id="unclosed"),
    pytest.param('---\ntitle: "广州开发区\ndate: 2022-01-01\n---\n' + BODY, "not valid YAML", id="unclosed-quote"),
    pytest.param("---\ntitle: x\n\tdate: 2022-01-01\n---\n" + BODY, "not valid YAML", id="tab-indent"),
    pytest.param("---\ntitle: a: b: c\n---\n" + BODY, "not valid YAML", id="colon-in-plain-value"),
    pytest.param("---\ntitle: x\ntitle x\n---\n" + BODY, "not valid YAML", id="line-without-colon"),
    pytest.param("---\ntitle: x\ndate: 2022-02-30\n---\n" + BODY, "impossible", id="impossible-date"),
    pytest.param('+++\ntitle = "x\ndate = 2023-06-01\n+++\n' + BODY, "not valid TOML", id="toml-unclosed-string"),
    pytest.param("+++\ntitle = x\n+++\n" + BODY, "not valid TOML", id="toml-bare-value"),
    pytest.param("---\n- title\n- date\n---\n" + BODY, None, id="list-not-a-map"),
]


@pytest.mark.parametrize(("text", "cause"), INVALID)
def test_invalid_front_matter_is_the_files_one_line_error(
    no_extraction: None, tmp_path: Path, text: str, cause: str | None
) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    if cause is None:  # "- title" is no "key:" line: the block is not front matter, the file loads
        read_document(path)
        return
    with pytest.raises(FrontMatterError) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(str(path)) and cause in message and "\n" not in message
    result = load(tmp_path)
    assert [e.path for e in result.errors] == [str(path)] and not result.documents
