"""Hypothesis strategies for article text that produces records.

Random characters almost never make a sentence an extractor answers (0-6 records in 150
examples), so a property checked per record rarely runs.  These strategies write news
sentences instead: templates with the shapes of sentences in real articles (a dated lead, a
place, a first claim with its scope and counter, a body set up, a product issued with its
size, a plan published, a statistic with its change), with every slot drawn at random:
numbers and units, places from the package's gazetteer (any of its 3,000 regions, not only
the seeds' Guangzhou), dates of every precision, cue words, verbs, and optional lead-ins and
tails that articles put around the core.

Each drawn document records which templates it was built from (:data:`KINDS` names the
record family a template is written for), so a test can report with ``hypothesis.event``
how often each family came out.
"""

from __future__ import annotations

import json
from importlib import resources

from hypothesis import strategies as st

from policytrack.models import Document, PartialDate

#: the record family each template is written to produce
KINDS = ("firsts", "institutions", "financing_products", "initiatives", "milestones")


def _places() -> tuple[list[str], list[str]]:
    data = json.loads(resources.files("policytrack").joinpath("data/regions.json").read_text("utf-8"))
    cities = [r[0] for r in data["regions"] if r[1] == "city" and r[0].endswith("市")]
    districts = [r[0] for r in data["regions"] if r[1] == "district" and r[0].endswith(("区", "县"))
                 and len(r[0]) <= 5]
    return sorted(cities), sorted(districts)


CITIES, DISTRICTS = _places()
places = st.sampled_from(CITIES) | st.sampled_from(DISTRICTS)


@st.composite
def whens(draw: st.DrawFn) -> str:
    year = draw(st.integers(2008, 2025))
    form = draw(st.sampled_from(["year", "month", "day", "none"]))
    if form == "year":
        return f"{year}年"
    month = draw(st.integers(1, 12))
    if form == "month":
        return f"{year}年{month}月"
    if form == "day":
        return f"{year}年{month}月{draw(st.integers(1, 28))}日"
    return draw(st.sampled_from(["近日", "日前", "近年来", "今年以来"]))


@st.composite
def amounts(draw: st.DrawFn) -> str:
    whole = draw(st.integers(1, 9999))
    frac = draw(st.sampled_from(["", f".{draw(st.integers(1, 99))}"]))
    return f"{whole}{frac}{draw(st.sampled_from(['亿元', '万元', '亿']))}"


@st.composite
def counts(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from([
        str(draw(st.integers(2, 99999))),
        f"{draw(st.integers(1, 99))}.{draw(st.integers(1, 99))}万",
    ]))
    return value + draw(st.sampled_from(["件", "家", "项"]))


scopes = st.sampled_from(["全国", "全省", "全市", "国内", "全国范围内", "全区"])
counters = st.sampled_from(["首单", "首个", "首家", "首只", "首笔", "第一单", "首批"])
products = st.sampled_from([
    "知识产权证券化产品", "知识产权质押贷款", "专利保险", "知识产权海外侵权责任保险",
    "知识产权运营基金", "商标权质押融资产品", "数据知识产权质押贷款", "知识产权资产支持票据",
])
issue_verbs = st.sampled_from(["发行", "落地", "推出", "发放", "签发", "推动落地了"])
bodies = st.sampled_from([
    "知识产权保护中心", "知识产权运营中心", "知识产权法庭", "知识产权纠纷人民调解委员会",
    "知识产权维权援助中心", "知识产权服务工作站", "知识产权联盟", "知识产权快速维权中心",
])
set_up_verbs = st.sampled_from(["成立", "设立", "揭牌成立", "挂牌运行", "正式揭牌", "组建"])
plans = st.sampled_from([
    "知识产权强市建设实施方案", "知识产权质押融资工作方案", "关于加强知识产权保护的若干措施",
    "知识产权专项资金管理办法", "知识产权发展规划", "专利转化专项计划实施方案",
])
publish_verbs = st.sampled_from(["印发", "出台", "发布", "制定"])
metrics = st.sampled_from([
    "专利授权量", "发明专利授权量", "商标注册量", "PCT国际专利申请量", "有效发明专利",
    "知识产权质押融资额", "专利申请量",
])
lead_ins = st.sampled_from(["", "", "此外，", "同时，", "据了解，", "记者获悉，", "与此同时，"])
tails = st.sampled_from(["", "", "，为企业提供更便利的服务", "，惠及300余家企业", "，走在全国前列"])


def _sentence(kind: str, draw: st.DrawFn) -> str:
    when, place = draw(whens()), draw(places)
    lead, tail = draw(lead_ins), draw(tails)
    if kind == "firsts":
        core = draw(st.sampled_from([
            f"{when}，{place}{draw(issue_verbs)}{draw(scopes)}{draw(counters)}{draw(products)}",
            f"{when}，{draw(scopes)}{draw(counters)}{draw(products)}在{place}落地，融资{draw(amounts())}",
            f"{place}在{draw(scopes)}率先{draw(issue_verbs)}{draw(products)}",
            f"{when}，{place}成立{draw(scopes)}{draw(counters)}{draw(bodies)}",
        ]))
    elif kind == "institutions":
        core = draw(st.sampled_from([
            f"{when}，{place}{draw(bodies)}{draw(set_up_verbs)}",
            f"{when}，{place}{draw(set_up_verbs)}{place}{draw(bodies)}",
            f"{when}，{place}市场监督管理局（知识产权局）{draw(set_up_verbs)}{draw(bodies)}",
        ]))
    elif kind == "financing_products":
        core = draw(st.sampled_from([
            f"{when}，{place}{draw(issue_verbs)}{draw(products)}{draw(amounts())}",
            f"{place}设立{draw(amounts())}知识产权质押融资风险补偿资金池",
            f"{when}，{place}发行{draw(products)}，发行规模{draw(amounts())}",
        ]))
    elif kind == "initiatives":
        core = draw(st.sampled_from([
            f"{when}，{place}{draw(publish_verbs)}《{place}{draw(plans)}》",
            f"{when}，{place}实施“知识产权质押融资倍增计划”",
            f"{when}，{place}获批国家知识产权强市建设试点城市",
        ]))
    else:
        core = draw(st.sampled_from([
            f"{when}，{place}{draw(metrics)}{draw(counts())}，同比增长{draw(st.integers(1, 300))}.{draw(st.integers(0, 9))}%",
            f"{place}{draw(metrics)}由{draw(counts())}提高到{draw(counts())}",
            f"截至{when}底，{place}{draw(metrics)}{draw(counts())}",
        ]))
    return f"{lead}{core}{tail}。"


@st.composite
def articles(draw: st.DrawFn) -> tuple[Document, tuple[str, ...]]:
    """A document of one to four template sentences, and the families they were written for."""
    kinds = tuple(draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=4)))
    sentences = [_sentence(kind, draw) for kind in kinds]
    separator = draw(st.sampled_from(["", "\n", "\n\n"]))
    region = draw(st.none() | places)
    published = draw(st.none() | st.builds(PartialDate, st.integers(2015, 2025), st.integers(1, 12),
                                           st.integers(1, 28)))
    text = separator.join(sentences)
    return Document(id="t", text=text, region=region, published=published), kinds
