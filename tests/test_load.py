"""The loader: seed formats, encodings, header metadata, HTML cleaning, furniture data."""

from __future__ import annotations

import importlib
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from policytrack import parse, read_document
from policytrack._furniture import furniture
from policytrack._meta import parse_date, strip_title_suffix
from policytrack.load import clean_text
from policytrack.models import Document, PartialDate

load_mod = importlib.import_module("policytrack.load")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture
def no_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loader tests don't depend on the extractors: skip them."""
    monkeypatch.setattr(load_mod, "extract_document", lambda doc: doc)


# -- real seeds: metadata ---------------------------------------------------
SEED_META = [
    pytest.param("000", "5条创新经验获广东全省推广，广州开发区炼成知识产权应用保护_优等生_", "新浪财经", "2022-03-04",
                 id="000-front-matter-html-sina"),
    pytest.param("001", "广州开发区持续深化知识产权运用和保护综合改革试验", None, None, id="001-run-on-line"),
    pytest.param("002", "2022年广东知识产权保护白皮书:证券化产品发行金额超42亿元,粤港澳跨境保护“再扩容”",
                 "21世纪经济报道", "2023-04-24", id="002-dateline-source"),
    pytest.param("003", "广州市越秀区全链条激活知识产权“源头活水”", "南方+", None, id="003-outlet-line"),
    pytest.param("004", "广州全力打造引领型知识产权强市", "南方网", "2022-04-26", id="004-front-matter-slug"),
]


@pytest.mark.parametrize(("prefix", "title", "source", "published"), SEED_META)
def test_seed_metadata(prefix: str, title: str, source: str | None, published: str | None) -> None:
    doc = read_document(_seed(prefix))
    assert (doc.title, doc.source) == (title, source)
    assert (str(doc.published) if doc.published else None) == published
    assert doc.id == _seed(prefix).stem
    assert doc.path == str(_seed(prefix))
    assert doc.encoding == "utf-8"


SEED_CLEAN = [
    # (seed, must be in the text, must not be in the text)
    pytest.param("000", ["原标题：5条创新经验", "南方财经全媒体见习记者张文卓"],
                 ["责任编辑", "新浪财经APP", "appendQr", "<p>", "&#123;", "title:"], id="000"),
    pytest.param("001", ["五年来，广州开发区年专利申请量", "集聚全要素 实现严格保护"],
                 ["　", "广州开发区持续深化知识产权运用和保护综合改革试验"], id="001"),
    # the byline on a line of its own under the dateline is header, not article (issue 14)
    pytest.param("002", ["4月24日下午"],
                 ["来源:21世纪", "编辑:", "资料图片仅供参考", "相关阅读", "分享到", "版权和免责申明", "凡注有",
                  "南方财经全媒体记者郑玮"], id="002"),
    pytest.param("003", ["在广州市越秀区的创新沃土上", "让“首发首创”的创新活力持续迸发"],
                 ["南方+", "打开南方", "立即打开", "订阅后", "您已点过", "【文字校对】", "版权声明", "编辑 周丽娜"],
                 id="003"),
    pytest.param("004", ["4月20日，广州国际媒体港", "更强创新"],
                 ["返回首页", "http", "文章来源", "layout:", "<strong>"], id="004"),
]


@pytest.mark.parametrize(("prefix", "present", "absent"), SEED_CLEAN)
def test_seed_clean_text(no_extraction: None, prefix: str, present: list[str], absent: list[str]) -> None:
    text = read_document(_seed(prefix)).text
    for s in present:
        assert s in text
    for s in absent:
        assert s not in text
    assert "\n\n" not in text and "\r" not in text
    assert all(line == line.strip(" \t　") and line for line in text.split("\n"))


def test_seed_001_split_into_paragraphs(no_extraction: None) -> None:
    doc = read_document(_seed("001"))
    assert doc.text.count("\n") >= 10
    assert doc.text.startswith("中新广州知识城管理委员会为广州市人民政府的派出机构")


# -- the seeds re-encoded: same text and metadata -----------------------------
def _variants() -> list[object]:
    def crlf(s: str) -> bytes:
        return s.replace("\n", "\r\n").encode("utf-8")

    def cr(s: str) -> bytes:
        return s.replace("\n", "\r").encode("utf-8")

    makers = [
        ("gb18030", lambda s: s.encode("gb18030"), "gb18030"),
        ("utf16-bom", lambda s: s.encode("utf-16"), "utf-16"),
        ("utf16be-bom", lambda s: b"\xfe\xff" + s.encode("utf-16-be"), "utf-16"),
        ("utf16le-no-bom", lambda s: s.encode("utf-16-le"), "utf-16-le"),
        ("utf8-bom", lambda s: s.encode("utf-8-sig"), "utf-8-sig"),
        ("crlf", crlf, "utf-8"),
        ("cr", cr, "utf-8"),
    ]
    return [
        pytest.param(prefix, make, enc, id=f"{prefix}-{name}")
        for prefix in ("000", "001", "002", "003", "004")
        for name, make, enc in makers
    ]


@pytest.mark.parametrize(("prefix", "make", "encoding"), _variants())
def test_reencoded_seed_same_document(
    no_extraction: None, tmp_path: Path, prefix: str, make: object, encoding: str
) -> None:
    original = read_document(_seed(prefix))
    raw = _seed(prefix).read_text(encoding="utf-8")
    target = tmp_path / _seed(prefix).name
    assert callable(make)
    target.write_bytes(make(raw))
    doc = read_document(target)
    assert doc.encoding == encoding
    assert (doc.text, doc.title, doc.source, doc.published) == (
        original.text, original.title, original.source, original.published)


# -- header styles of other outlets and regions -------------------------------
HEADERS = [
    pytest.param("深圳市发布知识产权质押融资新政\n2023年05月12日 09:30 来源：深圳特区报\n深圳市市场监管局近日发布新政。",
                 "深圳市发布知识产权质押融资新政", "深圳特区报", "2023-05-12", "深圳市市场监管局近日发布新政。",
                 id="shenzhen-cjk-dateline"),
    pytest.param("上海浦东新区发布知识产权新政\n来源：解放日报 2022-08-01\n浦东新区近日发布新政。",
                 "上海浦东新区发布知识产权新政", "解放日报", "2022-08-01", "浦东新区近日发布新政。",
                 id="shanghai-source-then-date"),
    pytest.param("四川省推进专利转化\n发布时间：2021-11-03 来源：四川日报 作者：张三\n四川省近日召开会议。",
                 "四川省推进专利转化", "四川日报", "2021-11-03", "四川省近日召开会议。", id="sichuan-labels"),
    pytest.param("北京发布专利导航新政\n新华网\n北京市知识产权局发布通知。",
                 "北京发布专利导航新政", "新华网", None, "北京市知识产权局发布通知。", id="beijing-outlet-line"),
    pytest.param("浙江发布数据知识产权新规\n2023年4月24日，浙江省召开新闻发布会。\n会议指出。",
                 "浙江发布数据知识产权新规", None, None, "2023年4月24日，浙江省召开新闻发布会。\n会议指出。",
                 id="zhejiang-date-sentence-is-body"),
    pytest.param("江苏省知识产权局近日发布通知。\n通知要求加强保护。", None, None, None,
                 "江苏省知识产权局近日发布通知。\n通知要求加强保护。", id="jiangsu-no-headline"),
    pytest.param("---\ntitle: \"杭州打造知识产权强市\"\ndate: 2023-06-01\ntags:\n - 澎湃新闻\n---\n杭州市发布规划。",
                 "杭州打造知识产权强市", "澎湃新闻", "2023-06-01", "杭州市发布规划。", id="front-matter-tag-outlet"),
    pytest.param("---\ntitle: 成都专利新政\ndate: 2023年6月1日\ncategories: thepaper\n---\n成都市发布规划。",
                 "成都专利新政", "澎湃新闻", "2023-06-01", "成都市发布规划。", id="front-matter-slug-cjk-date"),
    pytest.param("---\ntitle: 苏州专利新政\nsource: 苏州日报\ndate: 2023-06\n---\n苏州市发布规划。",
                 "苏州专利新政", "苏州日报", "2023-06", "苏州市发布规划。", id="front-matter-source-key-month"),
    pytest.param("---\ntitle: 南京专利新政\nauthor: 张三\n---\n南京市发布规划。",
                 "南京专利新政", None, None, "南京市发布规划。", id="front-matter-person-author-not-source"),
    pytest.param(
        "<html><head><title>深圳知识产权保护新举措_新浪财经_新浪网</title>"
        "<meta property=\"article:published_time\" content=\"2023-03-02T10:00:00+08:00\"></head>"
        "<body><p>深圳市近日出台新举措。</p></body></html>",
        "深圳知识产权保护新举措", "新浪财经", "2023-03-02", "深圳市近日出台新举措。", id="html-title-suffix-meta-date"),
    pytest.param("<h1>广州南沙发布新政</h1><p>　　南沙区近日发布新政。</p><p>　　第二段。</p>",
                 "广州南沙发布新政", None, None, "南沙区近日发布新政。\n第二段。", id="html-h1"),
]


@pytest.mark.parametrize(("raw", "title", "source", "published", "text"), HEADERS)
def test_header_metadata(
    no_extraction: None, raw: str, title: str | None, source: str | None, published: str | None, text: str
) -> None:
    doc = parse(raw, id="x")
    assert (doc.title, doc.source, str(doc.published) if doc.published else None) == (title, source, published)
    assert doc.text == text


def test_keywords_override_detection(no_extraction: None) -> None:
    doc = parse("深圳发布新政\n2023-05-12 来源：深圳特区报\n正文。", id="k", title="T", source="S",
                published=PartialDate(2020), region="深圳市")
    assert (doc.title, doc.source, doc.published, doc.region) == ("T", "S", PartialDate(2020), "深圳市")


def test_parse_runs_extraction() -> None:
    doc = parse("2022年，广州开发区发行全国首单知识产权证券化产品。", id="demo")
    assert isinstance(doc, Document)
    assert doc.text == "2022年，广州开发区发行全国首单知识产权证券化产品。"
    assert [(c.scope, c.subject, c.region, str(c.date)) for c in doc.firsts] == [
        ("national", "知识产权证券化产品", "广州开发区", "2022")
    ]
    assert [p.kind for p in doc.financing_products] == ["securitization"]


# -- HTML with page furniture ------------------------------------------------
FURNITURE_PAGE = """<!DOCTYPE html><html><head><title>上海知识产权保护中心揭牌 - 东方网</title>
<style>.a{color:red}</style><script>var x = "<p>脚本里的段落</p>";</script></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<div class="share-box">分享到：微信 微博</div>
<article><h1>上海知识产权保护中心揭牌</h1>
<p>　　上海市知识产权保护中心近日揭牌运行。</p>
<!-- 广告位 --><div class="ad">广告：理财产品</div>
<p>该中心将为企业提供快速预审服务&amp;维权援助。</p>
<p>扫码下载App，阅读更多精彩内容</p>
<div class="qrcode"><img src="qr.png">扫一扫关注公众号</div>
<p>责任编辑：李四</p></article>
<footer>Copyright © 2023 东方网 版权所有 沪ICP备00000000号</footer>
</body></html>"""


def test_html_furniture_removed(no_extraction: None) -> None:
    doc = parse(FURNITURE_PAGE, id="sh")
    assert doc.text == "上海市知识产权保护中心近日揭牌运行。\n该中心将为企业提供快速预审服务&维权援助。"
    assert (doc.title, doc.source) == ("上海知识产权保护中心揭牌", "东方网")


# -- furniture lines (drop) and body lines (keep) ----------------------------
FURNITURE_LINES = [
    pytest.param("责任编辑：王珊珊", True, id="editor-credit"),
    pytest.param("编辑:", True, id="empty-editor-label"),
    pytest.param("编辑 周丽娜", True, id="editor-space-name"),
    pytest.param("【文字校对】华成民", True, id="bracket-proofreader"),
    pytest.param("（文章来源：南方网）", True, id="article-source-credit"),
    pytest.param("版权声明:未经许可禁止以任何形式转载", True, id="copyright-notice"),
    pytest.param("凡注有本网电头的稿件，均为本网独家版权所有，未经许可不得转载或镜像", True, id="copyright-body"),
    pytest.param("还没看够?打开南方+看看吧", True, id="app-prompt"),
    pytest.param("订阅后可查看全文(剩余80%)", True, id="subscribe-prompt"),
    pytest.param("海量资讯、精准解读，尽在新浪财经APP", True, id="app-slogan"),
    pytest.param("(资料图片仅供参考)", True, id="stock-photo-note"),
    pytest.param("[返回南方网新闻](//x.com/a.html)｜[返回首页](//x.com/)", True, id="markdown-nav"),
    pytest.param("<http://example.com/a?b=1>", True, id="bare-url"),
    pytest.param("分享到:", True, id="share"),
    pytest.param("原标题：深圳出台知识产权新政", False, id="original-title-is-content"),
    pytest.param("数据来源：广州开发区", False, id="data-source-is-content"),
    pytest.param("深圳市市场监管局审核通过了首批12家企业的申请。", False, id="body-with-credit-word"),
    pytest.param("未经许可使用他人注册商标的，依法予以查处。", False, id="body-about-infringement"),
    pytest.param("南方财经全媒体记者郑玮、冯恋阁 广州报道", False, id="byline-stays"),
]


@pytest.mark.parametrize(("line", "dropped"), FURNITURE_LINES)
def test_furniture_lines(line: str, dropped: bool) -> None:
    assert furniture().is_furniture(line) is dropped


# -- dates and titles --------------------------------------------------------
DATES = [
    pytest.param("Fri, 04 Mar 2022 14:00:06 GMT", "2022-03-04", id="rfc2822"),
    pytest.param("2022-04-26 11:23:43 +0800", "2022-04-26", id="iso-offset"),
    pytest.param("2022-04-26T23:59:00-08:00", "2022-04-26", id="date-as-written"),
    pytest.param("2022年4月26日", "2022-04-26", id="cjk"),
    pytest.param("2022/4/6", "2022-04-06", id="slashes"),
    pytest.param("2022-04", "2022-04", id="month"),
    pytest.param("March 2021", "2021-03", id="month-name"),
]


@pytest.mark.parametrize(("value", "expected"), DATES)
def test_parse_date(value: str, expected: str) -> None:
    assert str(parse_date(value)) == expected


@pytest.mark.parametrize("value", ["2022-02-30", "2022-13-01", "someday", "4月26日"],
                         ids=["feb-30", "month-13", "words", "no-year"])
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("深圳新政_新浪财经_新浪网", ("深圳新政", "新浪财经"), id="two-suffixes"),
        pytest.param("“深圳-香港-广州”科技集群 - 人民网", ("“深圳-香港-广州”科技集群", "人民网"), id="hyphen-inside"),
        pytest.param("上海发布新规_要闻", ("上海发布新规_要闻", None), id="not-an-outlet"),
    ],
)
def test_strip_title_suffix(title: str, expected: tuple[str, str | None]) -> None:
    assert strip_title_suffix(title) == expected


# -- data integrity ----------------------------------------------------------
def _data() -> dict[str, object]:
    raw = resources.files("policytrack").joinpath("data/furniture.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


@pytest.mark.parametrize("key", ["drop_line", "drop_if_contains", "end_markers"])
def test_furniture_patterns_compile(key: str) -> None:
    patterns = _data()[key]
    assert isinstance(patterns, list) and patterns
    assert len(set(patterns)) == len(patterns)
    for p in patterns:
        re.compile(p)


def test_furniture_outlets_unique_and_slugs_known() -> None:
    data = _data()
    outlets = data["outlets"]
    slugs = data["outlet_slugs"]
    assert isinstance(outlets, list) and isinstance(slugs, dict)
    assert len(set(outlets)) == len(outlets)
    assert set(slugs.values()) <= set(outlets)
    assert all(k == k.lower() for k in slugs)


def test_furniture_patterns_keep_seed_body_sentences() -> None:
    """No line pattern may drop a sentence that ends with 。 in a real seed body."""
    f = furniture()
    for path in sorted(SEEDS.glob("*.txt")):
        for sentence in re.findall(r"[^。\n<>]{4,150}。", path.read_text(encoding="utf-8")):
            sentence = sentence.strip(" 　")
            if "版权所有" in sentence:  # 002's copyright disclaimer is furniture indeed
                continue
            assert not f.is_furniture(sentence), (path.name, sentence)


def test_clean_text_handles_a_5mb_line() -> None:
    # no timing assertion: benchmarks/bench_adversarial.py prints the figures
    line = "广州开发区知识产权证券化" * 400_000 + "。"
    out = clean_text(line + "\n" + "9" * 5000 + "元。")
    assert out.startswith("广州开发区")
    assert out.count("\n") == 1 and out.endswith("元。")
