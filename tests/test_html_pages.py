"""HTML pages laid out the way Chinese portals lay them out: the article, its headline and date survive.

Every page in ``tests/data/html`` holds the same short article (written for these
tests, ``article.txt``) in one layout found in the wild.  Each must give the
plain-text file's clean text and records, its headline and publication date;
pages with no article are that file's one-line error, in the API and the CLI.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from policytrack import parse
from policytrack._html import _defuse, html_to_text, strip_site_name
from policytrack.cli import EXIT_PARTIAL, EXIT_USAGE, main
from policytrack.errors import NotAnArticleError
from policytrack.extract import extract_document
from policytrack.load import load, read_document
from policytrack.models import Document, PartialDate

DATA = Path(__file__).resolve().parent / "data" / "html"
HEADLINE = "佛山市设立知识产权质押融资风险补偿资金池"
PUBLISHED = PartialDate(2024, 3, 15)


@pytest.fixture(scope="module")
def plain() -> Document:
    return read_document(DATA / "article.txt")


# (page, source expected: the outlet a 来源 line names, else the publishing body, else the site)
LAYOUTS = [
    pytest.param("gov_trs_editor.html", "佛山市市场监督管理局", id="body-in-TRS_Editor"),
    pytest.param("gov_index_table.html", "佛山市市场监督管理局", id="index-number-header-table"),  # 发布机构
    pytest.param("news_logo_h1.html", "新华网", id="logo-h1-before-headline"),
    pytest.param("gov_form_body.html", "佛山市人民政府", id="body-inside-form"),  # its 来源 line, not the site
    pytest.param("news_attribute_markup.html", "南方网", id="markup-inside-attributes"),
    pytest.param("gov_gb2312.html", "佛山市市场监督管理局", id="gb2312-page"),
    pytest.param("wechat_post.html", "佛山知识产权", id="wechat-post"),
    pytest.param("university_news.html", None, id="university-site"),
    pytest.param("news_hidden_elements.html", "新浪财经", id="hidden-elements"),
]


@pytest.mark.parametrize(("page", "source"), LAYOUTS)
def test_layout_keeps_the_article(page: str, source: str | None, plain: Document) -> None:
    doc = read_document(DATA / page)
    assert doc.title == HEADLINE
    assert doc.published == PUBLISHED
    if source is not None:
        assert doc.source == source
    # the whole article and nothing else; the same records as from the plain text
    assert doc.text == plain.text
    assert doc.records() == plain.records()


def test_plain_text_twin_has_records(plain: Document) -> None:
    # the comparison above is only worth something if the article yields records
    assert plain.records()
    assert plain.published == PUBLISHED and plain.title == HEADLINE


def test_index_table_takes_publication_date_not_written_date() -> None:
    page = html_to_text((DATA / "gov_index_table.html").read_text(encoding="utf-8"))
    assert page.published == "2024-03-15"  # 成文日期 2024-03-08 is when it was written


def test_gb2312_page_is_decoded() -> None:
    doc = read_document(DATA / "gov_gb2312.html")
    assert doc.encoding == "gb18030"


def test_wechat_date_comes_from_its_script() -> None:
    page = html_to_text((DATA / "wechat_post.html").read_text(encoding="utf-8"))
    assert page.headline == HEADLINE
    assert page.published == "2024-03-15"


def test_hidden_text_never_reaches_the_text() -> None:
    doc = read_document(DATA / "news_hidden_elements.html")
    assert "理财红包" not in doc.text and "我的收藏" not in doc.text


def test_header_lines_are_handed_to_the_header_reader() -> None:
    page = html_to_text((DATA / "news_logo_h1.html").read_text(encoding="utf-8"))
    assert page.headline == HEADLINE
    assert page.header == ("2024-03-15 09:12:30 来源：新华网",)
    assert page.paragraphs[0].startswith("近日，佛山市")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param('<p title="<img src=x>">a</p>', '<p title="&lt;img src=x&gt;">a</p>', id="lt-in-quotes"),
        pytest.param("a<b<p>x</p>", "a&lt;b<p>x</p>", id="lt-before-a-tag"),
        pytest.param("<p>x</p><a hre", "<p>x</p>", id="cut-inside-a-tag"),
        pytest.param("<div data-x='<p>q</p>'>t</div>", "<div data-x='&lt;p&gt;q&lt;/p&gt;'>t</div>", id="single-quotes"),
        pytest.param('<p class=x"y>z</p>', '<p class=x"y>z</p>', id="stray-quote"),
    ],
)
def test_defuse_respects_quoted_attributes(html: str, expected: str) -> None:
    assert _defuse(html) == expected


def test_sidebar_prose_above_the_headline_is_not_the_body() -> None:
    sidebar = "".join(f"<p>侧栏摘要第{i}条，介绍另一篇文章的内容，共有若干文字。</p>" for i in range(12))
    html = (
        f"<html><head><title>{HEADLINE}_佛山日报</title></head><body><div class='side'>{sidebar}</div>"
        f"<h1>{HEADLINE}</h1><p>2024-03-15 来源：佛山日报</p>"
        "<div><p>近日，佛山市设立首期规模5000万元的风险补偿资金池。</p></div></body></html>"
    )
    doc = parse(html, id="x")
    assert doc.text == "近日，佛山市设立首期规模5000万元的风险补偿资金池。"
    assert doc.published == PUBLISHED


def test_headline_over_several_lines_is_joined() -> None:
    html = (
        "<html><head><title>佛山市关于设立知识产权质押融资风险补偿资金池的通知_中国政府网</title></head><body>"
        "<p align='center'><strong>佛山市关于设立<br>知识产权质押融资风险补偿资金池的通知</strong></p>"
        "<p>各区人民政府，市政府各部门：现将有关事项通知如下，请认真贯彻执行。</p></body></html>"
    )
    doc = parse(html, id="x")
    assert doc.title == "佛山市关于设立知识产权质押融资风险补偿资金池的通知"
    assert doc.text == "各区人民政府，市政府各部门：现将有关事项通知如下，请认真贯彻执行。"


# -- pages with no article ------------------------------------------------------
NO_ARTICLE = [
    pytest.param("<html><head><title>佛山日报</title></head><body></body></html>", id="empty-body"),
    pytest.param(
        "<html><head><title>佛山日报</title></head><body><div class='nav'><a href='/'>首页</a> | "
        "<a href='/n'>新闻</a> | <a href='/z'>政务</a></div><ul><li><a href='/1'>佛山出台新政</a></li>"
        "<li><a href='/2'>南海区举办专利周活动</a></li></ul><footer>Copyright © 2024 佛山日报 版权所有</footer>"
        "</body></html>",
        id="all-navigation",
    ),
    pytest.param("<html><head><script>var a = '正文，文字。';</script><style>p{}</style></head></html>", id="only-scripts"),
    pytest.param(
        "<html><body><div style='display:none'><p>隐藏的文字，不会显示。</p></div><div hidden>也隐藏。</div></body></html>",
        id="only-hidden-text",
    ),
    pytest.param(
        "<html><head><title>404 页面不存在</title></head><body><h1>404</h1>"
        "<p>抱歉，您访问的页面不存在或已被删除！</p><a href='/'>返回首页</a></body></html>",
        id="not-found-page",
    ),
    pytest.param(
        "<html><head><title>通知公告_佛山市人民政府</title></head><body><ul>"
        + "".join(f"<li><a href='/{i}'>关于开展第{i}批知识产权示范企业认定工作的通知</a><span>2024-03-{i:02d}</span></li>" for i in range(1, 20))
        + "</ul></body></html>",
        id="list-of-links",
    ),
]


@pytest.mark.parametrize("html", NO_ARTICLE)
def test_page_without_article_is_a_one_line_error(html: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(NotAnArticleError) as info:
        read_document(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    corpus = load(path)
    assert not corpus.documents and [e.path for e in corpus.errors] == [str(path)]


def test_cli_page_without_article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "nav.html").write_text(NO_ARTICLE[1].values[0], encoding="utf-8")  # type: ignore[arg-type]
    assert main(["export", str(tmp_path / "nav.html")]) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nav.html" in err[0]
    (tmp_path / "good.html").write_bytes((DATA / "gov_trs_editor.html").read_bytes())
    assert main(["export", str(tmp_path), "--format", "json"]) == EXIT_PARTIAL
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nav.html" in err[0]


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("佛山设立资金池-新华网", "佛山设立资金池"),
        ("佛山设立资金池_中国政府网", "佛山设立资金池"),
        ("佛山设立资金池_佛山市人民政府门户网站", "佛山设立资金池"),
        ("佛山设立资金池 - 佛山科学技术学院新闻网", "佛山设立资金池"),
        ("佛山设立资金池--当代商报", "佛山设立资金池"),
        ("外媒眼中的武汉长假_新闻中心_长江网_cjn.cn", "外媒眼中的武汉长假"),
        ("COVID-19疫情通报", "COVID-19疫情通报"),  # a hyphen between letters and digits is not a separator
        ("新华网", "新华网"),  # nothing but a site name: kept
    ],
)
def test_site_name_after_the_title_is_dropped(title: str, headline: str) -> None:
    assert strip_site_name(title) == headline
    page = f"<html><head><title>{title}</title></head><body><p>佛山市近日设立资金池，规模5000万元。</p></body></html>"
    assert parse(page, id="x").title == headline


def test_comments_longer_than_the_article_are_not_it() -> None:
    comments = "".join(
        f"<li class='comment-item'><span>网友{i}</span><p>这个政策非常好，希望其他城市也能尽快跟进，让更多中小企业"
        f"享受到知识产权融资的便利，我们公司去年就申请过类似的贷款，流程比想象中简单很多，第{i}条。</p></li>"
        for i in range(10)
    )
    html = (
        f"<html><head><title>{HEADLINE}_佛山日报</title></head><body><h1>{HEADLINE}</h1>"
        "<p>2024-03-15 来源：佛山日报</p><div class='text'><p>近日，佛山市设立首期规模5000万元的风险补偿资金池。</p>"
        f"<p>资金池按贷款本金损失的40%给予补偿。</p></div><h3>网友评论</h3><ul class='comments'>{comments}</ul></body></html>"
    )
    doc = parse(html, id="x")
    assert doc.text == "近日，佛山市设立首期规模5000万元的风险补偿资金池。\n资金池按贷款本金损失的40%给予补偿。"


def test_body_whose_class_names_furniture_is_kept_when_it_is_all_the_prose() -> None:
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1>"
        "<div class='share-content'><p>近日，佛山市设立首期规模5000万元的风险补偿资金池。</p>"
        "<p>资金池按贷款本金损失的40%给予补偿，单笔补偿最高200万元。</p></div></body></html>"
    )
    doc = parse(html, id="x")
    assert doc.text == "近日，佛山市设立首期规模5000万元的风险补偿资金池。\n资金池按贷款本金损失的40%给予补偿，单笔补偿最高200万元。"


# -- the seed articles in every layout: the same text and records as from the plain file -------------
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
PAGES = sorted(p for p in DATA.glob("*.html") if p.name != "gov_gb2312.html")  # GB2312 lacks some seed characters


def _in_layout(page: Path, title: str, paragraphs: list[str]) -> str:
    """``page`` with its article paragraphs and headline replaced by another article's."""
    article = read_document(DATA / "article.txt").text.split("\n")
    lines = page.read_text(encoding="utf-8").split("\n")
    first = next(k for k, line in enumerate(lines) if article[0] in line)
    last = next(k for k, line in enumerate(lines) if article[-1] in line)
    before, after = lines[first].split(article[0])
    body = [before + p.replace("<", "&lt;") + after for p in paragraphs]
    return "\n".join([*lines[:first], *body, *lines[last + 1 :]]).replace(HEADLINE, title)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_article_in_layout_matches_plain_text(seed: Path, page: Path) -> None:
    plain = read_document(seed)
    assert plain.title is not None
    html = parse(_in_layout(page, plain.title, plain.text.split("\n")), id=plain.id)
    assert html.title == plain.title
    assert html.text == plain.text
    # the same records, once both carry the same publication date (the layout's own date may differ)
    again = extract_document(attrs.evolve(plain, published=html.published, source=html.source))
    assert html.records() == again.records()


@pytest.mark.parametrize(
    ("dateline", "source"),
    [
        pytest.param("2024-03-15 09:00 来源：21世纪经济报道", "21世纪经济报道", id="source-line-beats-site"),
        pytest.param("2024-03-15 09:00", "新浪财经", id="site-when-page-names-none"),
    ],
)
def test_source_line_of_the_page_beats_the_site_in_its_title(dateline: str, source: str) -> None:
    html = (
        f"<html><head><title>{HEADLINE}_新浪财经_新浪网</title></head><body><h1>{HEADLINE}</h1>"
        f"<div class='date-source'>{dateline}</div>"
        "<div id='artibody'><p>近日，佛山市设立首期规模5000万元的风险补偿资金池。</p></div></body></html>"
    )
    assert parse(html, id="x").source == source


def test_a_table_of_figures_does_not_cut_the_article() -> None:
    rows = "".join(f"<tr><td>{y}年</td><td>{n}件</td><td>{m}亿元</td></tr>" for y, n, m in [
        (2019, 120, 3.2), (2020, 156, 4.8), (2021, 203, 6.1), (2022, 251, 9.7), (2023, 310, 18.6),
        (2018, 98, 2.1), (2017, 77, 1.5), (2016, 60, 1.1),
    ])
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1><div class='content'>"
        "<p>近日，佛山市设立首期规模5000万元的风险补偿资金池，历年质押融资情况如下。</p>"
        f"<table><tr><th>年份</th><th>项目数</th><th>金额</th></tr>{rows}</table>"
        "<p>资金池按贷款本金损失的40%给予补偿，单笔补偿最高200万元。</p></div>"
        "<ul class='links'><li><a href='/1'>相关新闻一</a></li><li><a href='/2'>相关新闻二</a></li></ul></body></html>"
    )
    text = parse(html, id="x").text
    assert text.startswith("近日，佛山市") and text.endswith("单笔补偿最高200万元。")
    assert "2023年310件18.6亿元" in text.replace(" ", "")


def test_clauses_on_lines_of_their_own_are_prose() -> None:
    # a WeChat-style post: one clause a line, each ending in a comma
    clauses = ["下周一，", "佛山市知识产权质押融资风险补偿资金池", "将正式启用，", "首期规模5000万元，", "惠及全市科技型中小企业。"]
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1><p>2024-03-15 佛山发布</p>"
        + "".join(f"<p>{c}</p>" for c in clauses)
        + "<div class='qrcode'>长按识别二维码关注我们</div></body></html>"
    )
    assert parse(html, id="x").text.split("\n") == clauses
