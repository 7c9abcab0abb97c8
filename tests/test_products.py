"""Financing products: names, descriptions, kinds, amounts, rates, merging; statistics are not products."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytrack.extract import products
from policytrack.models import Document, PartialDate

# name, kind, amount in 元 (or None), rate_percent (or None)
Row = tuple[str, str, "int | None", "str | None"]


def found(text: str, region: str | None = None) -> list[Row]:
    doc = Document(id="t", text=text, region=region, published=PartialDate(2022, 3, 4))
    return [
        (
            p.name,
            str(p.kind),
            int(p.amount.value) if p.amount is not None else None,
            str(p.rate_percent) if p.rate_percent is not None else None,
        )
        for p in products.extract(doc)
    ]


SEEDS: list[tuple[str, str, str | None, list[Row]]] = [
    (
        "seed-coordinated-first-claim",
        "广州开发区分别发行了全国首支纯专利、纯商标资产证券化产品，目前已累计发行4支知识产权证券化产品，融资额超10亿元。",
        "广州开发区",
        [
            ("纯专利资产证券化产品", "securitization", None, None),
            ("纯商标资产证券化产品", "securitization", None, None),
        ],
    ),
    (
        "seed-insurance-merged-across-wordings",
        "广州开发区推动落地了全国首单知识产权海外侵权责任保险。目前该区已有26家企业购买知识产权海外侵权责任保险，"
        "总保额达6860万元。将做大做强海外知识产权侵权责任险。",
        "广州开发区",
        [("知识产权海外侵权责任保险", "insurance", None, None)],
    ),
    (
        "seed-description-linked-to-programme-name",
        "2020年，全国首个新一代信息技术知识产权证券化产品在广州开发区落地，广州长视科技股份有限公司参与了"
        "“中信证券—广州开发区新一代信息技术专利许可资产支持专项计划”，获得3000万元的融资。",
        "广州开发区",
        [("中信证券—广州开发区新一代信息技术专利许可资产支持专项计划", "securitization", None, None)],
    ),
    (
        "seed-prenominal-amounts",
        "设立2000万元知识产权质押融资风险补偿资金池和6500万元广州开发区知识产权运营发展基金，"
        "引进6亿元广州市重点产业知识产权运营基金。",
        "广州开发区",
        [
            ("知识产权质押融资风险补偿资金池", "risk_pool", 20000000, None),
            ("广州开发区知识产权运营发展基金", "fund", 65000000, None),
            ("广州市重点产业知识产权运营基金", "fund", 600000000, None),
        ],
    ),
    (
        "seed-named-abn-size-and-rate-next-sentence",
        "2024年，成功发行全国首单智慧建设概念知识产权证券化产品——“越知1号”(科创票据ABN)。"
        "在全省首次采用“保理+信托”结构下的知识产权质押贷款模式，发行规模7800万元，发行利率2.77%，"
        "是广州市首支在中国银行间市场发行的知识产权科创票据ABN。",
        "越秀区",
        [("越知1号", "securitization", 78000000, "2.77")],
    ),
    (
        "seed-insured-amount-in-name",
        "落地全国第一单知识产权海外侵权责任险，签出国内首张千万保额海外侵权责任险保单，"
        "挂牌全国首个知识产权保险中心。",
        "广州市",
        [
            ("知识产权海外侵权责任险", "insurance", None, None),
            ("千万保额海外侵权责任险保单", "insurance", 10000000, None),
        ],
    ),
    (
        "seed-risk-pool-in-speech",
        "“在开展知识产权质押贷款、建立科技信贷风险资金池等多种政策组合优势下，广东逐步建立起融资环境。”",
        "广东省",
        [("科技信贷风险资金池", "risk_pool", None, None)],
    ),
]

OTHER_REGIONS: list[tuple[str, str, str | None, list[Row]]] = [
    (
        "shenzhen-quoted-programme-size-rate",
        "2021年，深圳市发行全国首单知识产权证券化产品“平安证券—深圳市南山区知识产权资产支持专项计划”，"
        "发行规模3.12亿元，票面利率4%。",
        "深圳市",
        [("平安证券—深圳市南山区知识产权资产支持专项计划", "securitization", 312000000, "4")],
    ),
    (
        "shenzhen-unquoted-programme",
        "深圳市成功发行深圳市南山区知识产权1期资产支持专项计划。",
        "深圳市",
        [("深圳市南山区知识产权1期资产支持专项计划", "securitization", None, None)],
    ),
    (
        "zhejiang-risk-pool",
        "浙江省设立5000万元浙江省知识产权质押融资风险补偿资金池。",
        "浙江省",
        [("浙江省知识产权质押融资风险补偿资金池", "risk_pool", 50000000, None)],
    ),
    (
        "shanghai-insurance",
        "上海市推出上海市知识产权海外侵权责任保险，首批10家企业投保。",
        "上海市",
        [("上海市知识产权海外侵权责任保险", "insurance", None, None)],
    ),
    (
        "jiangsu-quoted-loan",
        "江苏省推出知识产权质押融资产品“苏知贷”，累计放款100亿元。",
        "江苏省",
        [("苏知贷", "pledge_loan", None, None)],
    ),
    (
        "sichuan-fund",
        "成都市设立10亿元成都市知识产权运营基金。",
        "成都市",
        [("成都市知识产权运营基金", "fund", 1000000000, None)],
    ),
]

NOT_PRODUCTS: list[tuple[str, str, str | None, list[Row]]] = [
    ("counted-statistic", "苏州市累计发行12单知识产权证券化产品，发行规模达50亿元。", "苏州市", []),
    ("counted-after", "广东已累计发行知识产权证券化产品64单，发行规模148.66亿元。", "广东省", []),
    ("counted-with-ge", "发行3个知识产权证券化产品，为35家企业融资7.35亿元。", "广州开发区", []),
    ("generic-heading", "创新发行专利商标资产证券化产品", "广州开发区", []),
    ("insurance-centre-is-an-institution", "挂牌全国首个知识产权保险中心。", "广州市", []),
    ("insured-party", "依法应由被保险人承担的经济赔偿责任。", "广州开发区", []),
    ("risk-is-not-insurance", "为外贸企业提供风险预警。", "越秀区", []),
    ("generic-fund-statistic", "知识产权运营基金投资2.1亿元。", "广州开发区", []),
    ("place-only-securitisation", "实现了上海市知识产权证券化产品“零”的突破。", "上海市", []),
    ("generic-pledge-statistic", "全省专利权质押融资登记金额100亿元。", "江苏省", []),
    ("generic-pledge", "为科技企业提供知识产权质押融资服务。", "江苏省", []),
    ("bank-using-a-product-type", "南京银行通过运用科创票据等创新工具拓宽融资渠道。", "江苏省", []),
    ("case-list-is-not-insurance", "该模式入选全国知识产权质押融资及保险典型案例。", "湖南省", []),
    ("anaphor-without-antecedent", "该产品发行规模1亿元。", "湖南省", []),
    ("loan-word-alone", "推出信贷产品。", "湖南省", []),
    (
        "chain-label-in-quotes",
        "打造“投资基金—质押融资—证券化—上市辅导—海外保险”知识产权金融服务链。",
        "广州开发区",
        [],
    ),
]

BUGS: list[tuple[str, str, str | None, list[Row]]] = [
    # a verb-introduced clause after 、 is not a coordinated modifier
    (
        "verb-clause-not-coordinated",
        "开展知识产权质押贷款、建立科技信贷风险资金池。",
        "广东省",
        [("科技信贷风险资金池", "risk_pool", None, None)],
    ),
    # 开发 was a verb and cut 广州开发区 in half
    (
        "kaifaqu-not-a-verb",
        "设立6500万元广州开发区知识产权运营发展基金。",
        "广州开发区",
        [("广州开发区知识产权运营发展基金", "fund", 65000000, None)],
    ),
    # initiative lists ending in an insurance are not coordinated products
    (
        "long-fragments-not-coordinated",
        "将在知识产权证券化试点、专利代理领域对外开放试点、做大做强海外知识产权侵权责任险等领域继续发力。",
        "广州开发区",
        [("海外知识产权侵权责任险", "insurance", None, None)],
    ),
    # round 2: an anaphor is the last named product, and the paragraph's size and rate are its own
    (
        "anaphor-carries-size-and-rate",
        "近日，“国泰—杭州滨江区知识产权2号资产支持专项计划”在上海证券交易所挂牌。在本期专项计划中，共有8家企业入池。"
        "这些企业最终成功募集资金2.3亿元，票面利率为2.5%。",
        "滨江区",
        [("国泰—杭州滨江区知识产权2号资产支持专项计划", "securitization", 230000000, "2.5")],
    ),
    (
        "restated-description-merges-into-name",
        "“华泰—成都高新区知识产权1期资产支持专项计划”成功发行。该专项计划为全国首单全门类知识产权证券化产品，"
        "发行规模3亿元。",
        "成都高新区",
        [("华泰—成都高新区知识产权1期资产支持专项计划", "securitization", 300000000, None)],
    ),
    (
        "restatement-list-after-project-is",
        "“中金—苏州工业园区知识产权第二期定向资产支持票据”成功发行，发行金额2亿元。该项目是全国首单民营企业知识产权"
        "证券化产品、全国首单知识产权分层许可模式资产支持票据。",
        "苏州工业园区",
        [("中金—苏州工业园区知识产权第二期定向资产支持票据", "securitization", 200000000, None)],
    ),
    (
        "pronoun-restatement",
        "“平安—深圳南山区知识产权3号资产支持专项计划”成功发行。这是深圳首支纯专利证券化产品。",
        "南山区",
        [("平安—深圳南山区知识产权3号资产支持专项计划", "securitization", None, None)],
    ),
    (
        "earlier-product-after-ji-keeps-apart",
        "“国信—厦门火炬高新区知识产权1号资产支持专项计划”挂牌。此次产品的推出，是厦门市继发行全国首单数字人民币形式"
        "知识产权证券化产品后的又一突破。该产品发行规模1亿元，期限1年，票面利率2.1%。",
        "厦门市",
        [
            ("国信—厦门火炬高新区知识产权1号资产支持专项计划", "securitization", 100000000, "2.1"),
            ("数字人民币形式知识产权证券化产品", "securitization", None, None),
        ],
    ),
    (
        "type-in-brackets-after-name",
        "“国信—南京江北新区知识产权1号资产支持专项计划（生物医药）”成功发行，发行规模1.5亿元。",
        "南京市",
        [("国信—南京江北新区知识产权1号资产支持专项计划（生物医药）", "securitization", 150000000, None)],
    ),
    (
        "rate-low-to",
        "“华鑫-鑫联成都天府新区1期知识产权资产支持专项计划”成功落地，首期发行规模8000万元。"
        "产品优先级票面利率低至1.88%。",
        "成都市",
        [("华鑫-鑫联成都天府新区1期知识产权资产支持专项计划", "securitization", 80000000, "1.88")],
    ),
    (
        "shelf-size-without-currency",
        "近日，“合肥高新区第1-5期知识产权资产支持专项计划”获批。该项目申请储架额度20亿，发行期数不超过5期。",
        "合肥市",
        [("合肥高新区第1-5期知识产权资产支持专项计划", "securitization", 2000000000, None)],
    ),
    (
        "shared-size-jun",
        "已设立杭州市数字产业知识产权运营基金和宁波市智能制造知识产权运营基金，资金规模均达到5亿元。",
        "浙江省",
        [
            ("杭州市数字产业知识产权运营基金", "fund", 500000000, None),
            ("宁波市智能制造知识产权运营基金", "fund", 500000000, None),
        ],
    ),
    (
        "size-before-de",
        "四川已设立了首只规模为5亿元的四川省知识产权运营基金。",
        "四川省",
        [("四川省知识产权运营基金", "fund", 500000000, None)],
    ),
    (
        "first-claimed-generic-description",
        "2023年5月10日，无锡市首支知识产权证券化产品发行仪式举行。本次发行的产品已为12家企业提供资金支持。",
        "无锡市",
        [("无锡市首支知识产权证券化产品", "securitization", None, None)],
    ),
    (
        "first-claimed-title-merges-into-name",
        "省内首单知识产权证券化产品落地南京\n近日，“南京江北新区第1-5期知识产权资产支持专项计划”获批。",
        "南京市",
        [("南京江北新区第1-5期知识产权资产支持专项计划", "securitization", None, None)],
    ),
    (
        "data-ip-pledge-is-a-product",
        "杭州市滨江区实现全国首单数据知识产权质押融资，获得融资1000万元。",
        "滨江区",
        [("数据知识产权质押融资", "pledge_loan", 10000000, None)],
    ),
    ("unquoted-loan-name", "江苏省推出苏知贷产品。", "江苏省", [("苏知贷", "pledge_loan", None, None)]),
    # left boundary: a description never starts before a verb, function word, scope or time phrase;
    # what is left of a bare generic head is no product
    ("verb-before-generic-head", "绍兴市多家企业签署了知识产权保险。", "绍兴市", []),
    ("conjunction-before-generic-head", "而专利保险作为新型工具，可分散企业风险。", "浙江省", []),
    ("preposition-before-generic-head", "多家银行对保险给予贴息支持，覆盖专利200件。", "江苏省", []),
    ("since-clause-before-generic-head", "湖州市自四川省推行专利保险以来，投保企业增加。", "浙江省", []),
    ("record-verb-scope-time-phrase", "该产品再创2024年全国同类型知识产权证券化产品利率新低。", "成都市", []),
    ("record-verb-scope", "该项目创全省知识产权ABS最低利率。", "江苏省", []),
    (
        "function-word-inside-compound-kept",
        "苏州市自贸片区落地数据知识产权质押融资，获得融资500万元。",
        "苏州市",
        [("数据知识产权质押融资", "pledge_loan", 5000000, None)],
    ),
    # generic / non-IP: a fund or insurance needs an IP word in its name or clause
    ("non-ip-fund", "市财政设立3000万元风险补偿基金，支持企业融资。", "成都市", []),
    ("non-ip-reit", "推出基础设施领域不动产投资信托基金。", "北京市", []),
    ("non-ip-insurance", "试点推广信贷保险和担保保险业务。", "上海市", []),
    (
        "ip-word-in-clause-keeps-fund",
        "设立5000万元专利运营风险补偿基金。",
        "深圳市",
        [("专利运营风险补偿基金", "risk_pool", 50000000, None)],
    ),
    # anaphora and tranches are not products of their own
    (
        "tranche-ordinal-is-anaphor",
        "“国信—深圳坪山知识产权资产支持专项计划”成功发行。第一期专项计划发行规模1.5亿元。",
        "深圳市",
        [("国信—深圳坪山知识产权资产支持专项计划", "securitization", 150000000, None)],
    ),
    (
        "first-claim-restates-the-one-description",
        "重庆市推出全国首单知识产权保险。该市专利执行保险已覆盖企业80家。",
        "重庆市",
        [("专利执行保险", "insurance", None, None)],
    ),
    # round 4: a 风险补偿基金 is a risk pool, not an investment fund
    (
        "risk-compensation-fund-is-a-pool",
        "今年，湖南省设立专利质押融资风险补偿基金，支持企业开展质押融资。",
        "湖南省",
        [("专利质押融资风险补偿基金", "risk_pool", None, None)],
    ),
    # round 4: bare heads in a list of fields (投资、信贷、保险等工作) are not products
    (
        "bare-head-list-of-fields",
        "构建与投资、信贷、担保、保险等工作相结合的知识产权金融服务体系。",
        "四川省",
        [],
    ),
    # round 4: an insurer's short name (X产险, X财险, X寿险) is a company, not a product
    (
        "insurer-short-name-not-product",
        "3月5日，太平产险成都分公司与一家企业签订了专利执行保险。",
        "成都市",
        [("专利执行保险", "insurance", None, None)],
    ),
    # round 4: a later, shorter description ending an earlier one restates it
    (
        "later-shorter-description-merged",
        "这是全省首单落地的中药材植物新品种知识产权保险。此次签订的植物新品种知识产权保险保额达80万元。",
        "云南省",
        [("中药材植物新品种知识产权保险", "insurance", 800000, None)],
    ),
    # round 4: ... but an earlier, shorter one is a product of its own (province vs city fund)
    (
        "earlier-shorter-description-kept",
        "全省设立重点产业知识产权运营基金，此后又设立成都市重点产业知识产权运营基金。",
        "四川省",
        [
            ("重点产业知识产权运营基金", "fund", None, None),
            ("成都市重点产业知识产权运营基金", "fund", None, None),
        ],
    ),
    # round 4: a fund's rules (基金运营办法) are not the fund; 出台 is a verb
    (
        "fund-rules-not-fund",
        "今年将研究出台专利质押融资风险补偿基金运营办法。",
        "江苏省",
        [],
    ),
    # round 5: the size of the tranche issued, not the shelf size stated before it
    (
        "issue-size-over-shelf-size",
        "4月3日，“川投2期知识产权资产支持专项计划”成功发行。该专项计划储架规模10亿元，首期发行2亿元，发行利率为2.1%。",
        "四川省",
        [("川投2期知识产权资产支持专项计划", "securitization", 200000000, "2.1")],
    ),
    # round 5: a description after a record verb restates the product that set the record
    (
        "record-verb-restates-product",
        "“苏新1期知识产权资产支持专项计划”在上交所发行，创下全国首单园区知识产权ABS纪录。",
        "江苏省",
        [("苏新1期知识产权资产支持专项计划", "securitization", None, None)],
    ),
    # round 5: the pledged asset class introduced by 以…为标的物
    (
        "pledged-asset-as-subject-matter",
        "全市首笔以植物新品种为标的物的知识产权质押融资在昆明落地。",
        "云南省",
        [("以植物新品种为标的物的知识产权质押融资", "pledge_loan", None, None)],
    ),
]

KNOWN_FAILURES: list[tuple[str, str, str | None, list[Row]]] = [
    # a single loan deal with no product name is not read
    (
        "single-loan-deal",
        "该公司以两项专利为质押，从成都银行贷款3000万元。",
        "成都市",
        [("专利质押贷款", "pledge_loan", 30000000, None)],
    ),
]


def _params(rows: list[tuple[str, str, str | None, list[Row]]]) -> list[object]:
    return [pytest.param(text, region, want, id=ident) for ident, text, region, want in rows]


@pytest.mark.parametrize(("text", "region", "want"), _params(SEEDS))
def test_seed_sentences(text: str, region: str | None, want: list[Row]) -> None:
    assert found(text, region) == want


@pytest.mark.parametrize(("text", "region", "want"), _params(OTHER_REGIONS))
def test_other_regions(text: str, region: str | None, want: list[Row]) -> None:
    assert found(text, region) == want


@pytest.mark.parametrize(("text", "region", "want"), _params(NOT_PRODUCTS))
def test_not_products(text: str, region: str | None, want: list[Row]) -> None:
    assert found(text, region) == want


@pytest.mark.parametrize(("text", "region", "want"), _params(BUGS))
def test_bugs_caught(text: str, region: str | None, want: list[Row]) -> None:
    assert found(text, region) == want


@pytest.mark.parametrize(("text", "region", "want"), _params(KNOWN_FAILURES))
@pytest.mark.xfail(strict=True, raises=AssertionError, reason="known limitation")
def test_known_failures(text: str, region: str | None, want: list[Row]) -> None:
    assert found(text, region) == want


@pytest.mark.parametrize(
    ("text", "doc_region", "want_region", "want_date"),
    [
        pytest.param(
            "2019年，成功发行纯专利权知识产权证券化产品。", "广州开发区", "广州开发区", "2019", id="at-date"
        ),
        pytest.param(
            "目前已发行纯商标资产证券化产品。", "广州开发区", "广州开发区", None, id="relative-is-not-issue"
        ),
        pytest.param(
            "引进6亿元广州市重点产业知识产权运营基金。", "广州开发区", "广州市", None, id="region-in-name"
        ),
        pytest.param(
            "“华泰-鑫联南京江北新区1期知识产权资产支持专项计划”成功落地。",
            "南京市",
            "南京江北新区",
            None,
            id="region-after-issuer-prefix",
        ),
        pytest.param(
            "近日，“甬兴—国富—杭州产业集群知识产权1号资产支持专项计划”挂牌。",
            "滨江区",
            "滨江区",
            "2022",
            id="issuer-city-containing-doc-region",
        ),
        pytest.param(
            "“国泰君安—合肥高新区2023年第2期知识产权资产支持专项计划”成功发行。",
            "安徽省",
            "合肥高新技术产业开发区",
            "2023",
            id="tranche-year-in-name",
        ),
        pytest.param(
            "9月26日，“天银—滨海新区知识产权第一期定向资产支持票据（科创票据）”成功发行。",
            "天津市",
            "滨海新区",
            "2022-09-26",
            id="month-day-against-publication",
        ),
    ],
)
def test_region_and_date(text: str, doc_region: str, want_region: str, want_date: str | None) -> None:
    doc = Document(id="t", text=text, region=doc_region, published=PartialDate(2022, 3, 4))
    (got,) = products.extract(doc)
    assert got.region == want_region
    assert (str(got.date) if got.date else None) == want_date
    assert doc.text[got.evidence.start : got.evidence.end] == got.evidence.text


def test_amount_keeps_surface_and_base_units() -> None:
    (got,) = products.extract(Document(id="t", text="设立2000万元知识产权质押融资风险补偿资金池。"))
    assert got.amount is not None
    assert got.amount.value == Decimal("20000000")
    assert got.amount.unit == "元"
    assert got.amount.text == "2000万元"


# ---------------------------------------------------------------- vocabulary integrity

KINDS = {"securitization", "insurance", "pledge_loan", "fund", "risk_pool", "other"}


def _data() -> dict[str, object]:
    raw = resources.files("policytrack").joinpath("data/products.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("table", ["heads", "named_suffixes"])
def test_vocab_kinds_and_unique_words(table: str) -> None:
    data = _data()[table]
    assert isinstance(data, dict)
    assert set(data) <= KINDS
    words = [w for ws in data.values() for w in ws]
    assert all(isinstance(w, str) and w for w in words)
    assert len(words) == len(set(words))


@pytest.mark.parametrize(
    "table",
    [
        "bad_followers",
        "bad_before_head",
        "verbs",
        "first_cues",
        "generic_words",
        "counters",
        "amount_cues",
        "amount_blockers",
        "rate_cues",
        "link_marks",
        "pledge_assets",
        "loan_name_followers",
        "loan_name_stop",
        "anaphor_pointers",
        "anaphor_nouns",
        "copulas",
        "pronoun_copulas",
        "not_launch_dates",
        "issue_amount_cues",
        "record_verbs",
    ],
)
def test_vocab_lists_are_unique_and_compile(table: str) -> None:
    words = _data()[table]
    assert isinstance(words, list)
    assert all(isinstance(w, str) and w for w in words)
    assert len(words) == len(set(words))
    re.compile("|".join(re.escape(w) for w in words))


def test_vocab_region_generic_kinds_are_kinds() -> None:
    kinds = _data()["region_generic_kinds"]
    assert isinstance(kinds, list)
    assert set(kinds) <= KINDS


# ---------------------------------------------------------------- robustness


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("“”（）、，。和首单支纯专利证券化产品保险险基金资金池设立发行规模利率%1万元亿")
        ),
        max_size=200,
    )
)
def test_never_raises(text: str) -> None:
    assert isinstance(found(text), list)


def test_long_adversarial_input() -> None:
    # a catastrophic regex shows up as a hung test; the result itself is checked
    text = ("设立1万元" + "纯专利" * 40 + "、纯商标资产证券化产品和“越知1号”(ABN)发行规模" + "1" * 30) * 3000
    text += "该产品本期专项计划" * 5000 + "苏知贷产品" * 5000
    got = products.extract(Document(id="big", text=text))
    assert any(p.name == "越知1号" for p in got)


def test_vocab_issue_cues_are_not_shelf_cues() -> None:
    data = _data()
    issue = data["issue_amount_cues"]
    assert isinstance(issue, list) and isinstance(data["amount_cues"], list)
    assert not set(issue) & set(data["amount_cues"])
    assert all("储架" not in cue for cue in issue)


# ---- round 6: bugs caught on held-out articles (invented sentences about other regions)
ROUND6: list[tuple[str, str, str | None, list[Row]]] = [
    ("setup-verb-size-before-pool-ip-word-elsewhere",
     "银川市出台《银川市知识产权质押融资风险补偿基金管理办法》，由市财政出资设立500万元风险补偿基金，分担贷款损失。",
     "银川市", [("风险补偿基金", "risk_pool", 5000000, None)]),
    ("setup-verb-size-before-first-claimed-fund",
     "拉萨市建立了8000万元西藏首只知识产权运营基金。",
     "拉萨市", [("西藏首只知识产权运营基金", "fund", 80000000, None)]),
    ("ip-backed-convertible-bond-is-other",
     "南宁市发行了3000万元的全区首单知识产权质押可转债。",
     "南宁市", [("知识产权质押可转债", "other", 30000000, None)]),
    ("bare-convertible-bond-is-no-ip-product",
     "某公司发行了可转债，用于扩大产能。",
     None, []),
    ("maximum-quota-can-reach",
     "同时，建设银行“科创贷”最高额度可达2000万元。",
     "西宁市", [("科创贷", "pledge_loan", 20000000, None)]),
    ("quoted-slogan-negation-is-no-loan",
     "柳州市以政策赋能破解“不敢贷”难题，推出“柳知贷”产品。",
     "柳州市", [("柳知贷", "pledge_loan", None, None)]),
    ("insurance-pilot-and-subsidy-rules-are-no-product",
     "青秀区为全省首批专利保险试点区，出台《青秀区专利保险补助管理办法》，对企业进行专利保险给予资助。",
     "青秀区", []),
]


@pytest.mark.parametrize(("text", "region", "expected"), [r[1:] for r in ROUND6], ids=[r[0] for r in ROUND6])
def test_round6_bugs(text: str, region: str | None, expected: list[Row]) -> None:
    assert found(text, region) == expected


def test_round6_first_claim_place_is_not_the_product_region() -> None:
    doc = Document(id="t", text="拉萨市建立了8000万元西藏首只知识产权运营基金。", region="拉萨市")
    (product,) = products.extract(doc)
    assert product.region == "拉萨市"


# ---- issue 13: dev sets r2a-r2d (each shape as met, and the same shape about another region)
ROUND7: list[tuple[str, str, str | None, list[Row]]] = [
    ("label-then-appositive-description",
     "2016年，海淀区联合北京IP推出“智融宝”这一纯知识产权质押贷款产品，去除冗余捆绑条件。",
     "海淀区", [("智融宝", "pledge_loan", None, None)]),
    ("label-then-appositive-description-other-region",
     "2021年，南昌市推出“洪知融”这款知识产权质押融资产品。",
     "南昌市", [("洪知融", "pledge_loan", None, None)]),
    ("label-after-description-and-dash",
     "西城区推出“纯”知识产权质押贷款创新产品——“京知融”，设立风险处置资金池。",
     "西城区", [("京知融", "pledge_loan", None, None), ("风险处置资金池", "risk_pool", None, None)]),
    ("label-before-business-noun-kind-from-clause",
     "新疆协调银行设立用于支持中小微企业专利质押融资的“知疆通”专项金融业务。",
     "新疆维吾尔自治区", [("知疆通", "pledge_loan", None, None)]),
    ("label-before-business-noun-other-region",
     "西藏协调银行开办服务商标质押融资的“藏知融”金融业务。",
     "西藏自治区", [("藏知融", "pledge_loan", None, None)]),
    ("credit-loan-named-after-credit-noun-is-other",
     "内江市市场监管局联合工商银行推出地理标志专属信贷产品“血橙贷”，累计发放贷款2371万元。",
     "内江市", [("血橙贷", "other", None, None)]),
    ("credit-loan-corner-quotes-is-other",
     "宜宾市农商银行推出「竹乡信用贷」产品，支持商标权利人。",
     "宜宾市", [("竹乡信用贷", "other", None, None)]),
    ("label-without-ip-sentence-is-no-product",
     "某银行推出“惠民通”金融产品，服务个体工商户。",
     None, []),
    ("insurance-cover-is-no-product",
     "为4家企业的8件药品专利提供法律费用保险保障。",
     "苏州市", []),
    ("insurance-inside-insured-loan-is-no-insurance",
     "正是凭借专利质押保险贷款，公司才渡过了艰难时刻。",
     "青岛市", []),
    ("encouraged-category-is-no-product",
     "鼓励知识产权保险、信用担保等金融产品创新。",
     "福建省", []),
    ("compared-category-is-no-product",
     "相较于传统证券化产品，其最大特点在于基础资产是无形的知识产权。",
     "长沙市", []),
    ("infringed-loss-insurance-keeps-its-passive",
     "此项政策资助范围包括海外侵权责任险、专利被侵权损失险等保险产品。",
     "山东省", [("海外侵权责任险", "insurance", None, None), ("专利被侵权损失险", "insurance", None, None)]),
    ("compensation-fund-with-size-before",
     "在全市率先设立规模1000万元的知识产权质押融资风险补偿资金，按照7:3的比例进行政银风险分担。",
     "北碚区", [("知识产权质押融资风险补偿资金", "risk_pool", 10000000, None)]),
    ("risk-pool-short-word-with-setup-size",
     "芜湖市自2010年开展专利权质押融资工作以来，市政府设立5000万元的风险池。",
     "芜湖市", [("风险池", "risk_pool", 50000000, None)]),
    ("risk-pool-short-word-other-region",
     "蚌埠市开展商标质押融资，市财政出资设立2000万元风险池。",
     "蚌埠市", [("风险池", "risk_pool", 20000000, None)]),
    ("asset-backed-commercial-paper-first-approved",
     "东疆综合保税区天保公司推动的知识产权ABCP（资产支持商业票据）项目成功，成为天津市首个获批的知识产权ABCP项目。",
     "天津市", [("天津市首个知识产权ABCP", "securitization", None, None)]),
    ("first-landed-claim-traditional-script-kept-as-written",
     "近日，苏州工业园区推动的知識產權ABCP項目成功，成為江苏省首个落地的知識產權ABCP項目。",
     "苏州市", [("江苏省首个知識產權ABCP", "securitization", None, None)]),
    ("traditional-script-quoted-insurance",
     "贛州市在全省率先開展地理標志保險工作，贛南茶油等5個地理標志產品參加“地理標志被侵權損失保險”。",
     "赣州市", [("地理標志被侵權損失保險", "insurance", None, None)]),
    ("traditional-script-shelf-size",
     "“贛州經開區稀土鎢產業鏈專精特新知識產權1—5期資產支持專項計劃”獲深圳證券交易所函復無異議，即將發行規模2億元。",
     "赣州市", [("贛州經開區稀土鎢產業鏈專精特新知識產權1—5期資產支持專項計劃", "securitization", 200000000, None)]),
    ("credit-loan-said-by-copula-in-every-mention",
     "「企業創新積分貸」為科技企業「輸血」。「企業創新積分貸」是金融機構基於企業創新能力給予打分並授信的一款信貸產品。"
     "郵儲銀行推出「企業創新積分貸」產品。",
     "宁夏回族自治区", [("企業創新積分貸", "other", None, None)]),
    ("planned-funds-are-no-products",
     "河南已设立了首只规模为3亿元的重点产业知识产权运营基金，同时正在推动设立郑州市重点产业知识产权运营基金和"
     "郑州高新产业知识产权运营基金，资金规模均达到2亿元。",
     "河南省", [("重点产业知识产权运营基金", "fund", 300000000, None)]),
    ("planned-fund-other-region",
     "长沙市拟设立5亿元长沙市知识产权运营基金。",
     "长沙市", []),
    ("bare-pool-with-size-restates-the-described-pool-place-prefixed-merged",
     "惠州市针对知识产权质押融资设立了风险补偿基金和贷款贴息两大扶持政策，多家企业获得23笔总共1.74亿元贷款，"
     "风险补偿基金规模达到2500万元。会上，市知识产权局与光大银行签订了知识产权质押融资风险补偿基金合作协议，"
     "与担保公司签订了惠州市知识产权质押融资风险补偿基金融资担保合作。",
     "惠州市", [("知识产权质押融资风险补偿基金", "risk_pool", 25000000, None)]),
    ("bare-pool-with-size-other-region",
     "江门市针对专利权质押融资设立了风险补偿基金，风险补偿基金规模达到1000万元。",
     "江门市", [("风险补偿基金", "risk_pool", 10000000, None)]),
    ("first-claimed-pledge-deal-with-specific-modifier",
     "苏州创新落地了一批知识产权金融产品，如全国首单药品专利链接保险、全市首单农民专业合作社商标质押贷款等。",
     "苏州市", [("药品专利链接保险", "insurance", None, None), ("农民专业合作社商标质押贷款", "pledge_loan", None, None)]),
    ("first-claimed-pledge-deal-other-region",
     "扬州市落地全市首单家庭农场商标质押贷款。",
     "扬州市", [("家庭农场商标质押贷款", "pledge_loan", None, None)]),
    ("first-deal-restating-last-sentence-takes-its-sum",
     "江西贛悅新材料有限公司與贛州銀行簽訂商標專用權質押融資協議，獲融資2.2億元。"
     "這是贛州市市場監管局今年達成的首筆商標權質押融資業務。",
     "赣州市", [("首筆商標權質押融資", "pledge_loan", 220000000, None)]),
    ("first-deal-restating-other-region",
     "某科技公司与九江银行签订专利权质押融资协议，获得贷款3000万元。这是九江市今年的首笔专利权质押融资业务。",
     "九江市", [("首笔专利权质押融资", "pledge_loan", 30000000, None)]),
    ("first-of-a-kind-standard-is-no-pledge-deal",
     "六安市起草发布《知识产权质押融资工作指南》地方标准，为安徽省首个系统规范知识产权质押融资全流程的地方标准。",
     "六安市", []),
    ("sum-before-named-loan-and-pure-ip-first-deal-is-that-loan",
     "近日，一家科创企业凭借3件专利成功获得200万元“桂惠贷”。这是北海市首笔不附带其他抵押物的知识产权质押贷款业务。"
     "北海首笔纯知识产权质押融资的落地，是对传统金融观念的一次革新。",
     "北海市", [("桂惠贷", "pledge_loan", 2000000, None)]),
    ("product-then-copula-restated-by-description",
     "据介绍，浦东科创知识产权资产支持专项计划是国内首个专利知识产权储架ABS（资产证券化）项目，在上海证券交易所完成储架、分期发行。",
     "浦东新区", [("浦东科创知识产权资产支持专项计划", "securitization", None, None)]),
    ("place-named-programme-then-copula-other-region",
     "据介绍，武汉光谷知识产权资产支持专项计划是国内首个纯商标储架ABS项目，在深圳证券交易所完成储架。",
     "武汉市", [("武汉光谷知识产权资产支持专项计划", "securitization", None, None)]),
    ("tranches-opening-clauses-are-products-of-the-shelf",
     "据介绍，浦东科创知识产权资产支持专项计划是国内首个专利知识产权储架ABS项目。"
     "其中，1期项目是国内首单知识产权暨疫情防控ABS，于今年3月4日发行；2期项目于8月14日发行。",
     "浦东新区", [("浦东科创知识产权资产支持专项计划", "securitization", None, None),
                  ("知识产权暨疫情防控ABS", "securitization", None, None),
                  ("浦东科创知识产权资产支持专项计划2期", "securitization", None, None)]),
    ("tranche-other-region",
     "苏州工业园区知识产权资产支持专项计划已在深交所获批。3期项目已于5月发行。",
     "苏州市", [("苏州工业园区知识产权资产支持专项计划", "securitization", None, None),
                ("苏州工业园区知识产权资产支持专项计划3期", "securitization", None, None)]),
    ("tranche-without-shelf-is-dropped",
     "2期项目于8月14日发行。",
     "浦东新区", []),
    ("tranche-after-bracket-glossed-shelf",
     "3月26日，西安高新区技术产权（技术交易）ABS第三期，同时也是最后一期成功完成发行。"
     "高新金服同时也是技术产权（技术交易）ABS的主要推动方。",
     "西安市", [("西安高新区技术产权（技术交易）ABS第三期", "securitization", None, None),
                ("西安高新区技术产权（技术交易）ABS", "securitization", None, None)]),
    ("gloss-in-brackets-is-no-product",
     "近日，某保理公司推动的知识产权ABCP（资产支持商业票据）项目获批。",
     "天津市", []),
    ("gloss-after-ji-is-no-product",
     "据介绍，该项目采用知识产权质押委托贷款模式发行ABS（即资产支持证券），由省知识产权交易中心牵头管理。",
     "长沙市", []),
    ("first-claimed-securitisation-project-and-shelf-size",
     "7月12日，浙江省首单知识产权证券化项目启动仪式在浙江杭州举行。该项目储架发行10亿元。",
     "杭州市", [("浙江省首单知识产权证券化项目", "securitization", 1000000000, None)]),
    ("first-claimed-securitisation-project-other-region",
     "9月1日，江西省首单知识产权证券化项目在南昌启动。该项目储架发行5亿元。",
     "南昌市", [("江西省首单知识产权证券化项目", "securitization", 500000000, None)]),
    ("first-claimed-project-is-the-shelf-not-a-tranche",
     "上海首个知识产权证券化项目上市。浦东科创知识产权资产支持专项计划已顺利发行2期。2期项目于8月14日发行。",
     "浦东新区", [("浦东科创知识产权资产支持专项计划", "securitization", None, None),
                  ("浦东科创知识产权资产支持专项计划2期", "securitization", None, None)]),
    ("launched-insured-pledge-scheme-is-a-product",
     "记者自青岛市市场监督管理局获悉，自2015年7月推行专利权质押保险贷款以来，已经有117家企业完成177笔审贷程序。",
     "青岛市", [("专利权质押保险贷款", "pledge_loan", None, None)]),
    ("launched-insured-pledge-scheme-other-region",
     "2019年，烟台市推出商标质押保险贷款，已有20家企业获得贷款。",
     "烟台市", [("商标质押保险贷款", "pledge_loan", None, None)]),
    ("insured-pledge-scheme-talked-about-is-no-product",
     "专利质押保险贷款是缓解融资难的有效途径。",
     "青岛市", []),
    ("pledge-loan-said-by-copula-stays-pledge",
     "“黔知贷”是贵阳银行基于专利质押的一款贷款产品。",
     "贵阳市", [("黔知贷", "pledge_loan", None, None)]),
]


@pytest.mark.parametrize(("text", "region", "expected"), [r[1:] for r in ROUND7], ids=[r[0] for r in ROUND7])
def test_round7_dev_sets(text: str, region: str | None, expected: list[Row]) -> None:
    assert found(text, region) == expected


@pytest.mark.parametrize(
    ("text", "doc_region", "want_region"),
    [
        # a place written in traditional script is read on the fold
        ("贛州市還在全省率先開展地理標志保險工作，贛南茶油等5個地理標志產品參加“地理標志被侵權損失保險”。", "江西省", "赣州市"),
        ("漳州市在全省率先开展地理标志保险工作，平和蜜柚参加“地理标志被侵权损失保险”。", "福建省", "漳州市"),
        # a headline mention with no place takes the place another mention gives
        ("「蓉易貸」為科技企業「輸血」。\n成都市推出「蓉易貸」產品，支持專利權人融資。", None, "成都市"),
    ],
)
def test_round7_region(text: str, doc_region: str | None, want_region: str) -> None:
    (product,) = products.extract(Document(id="t", text=text, region=doc_region))
    assert product.region == want_region


def test_round7_financing_cost_is_the_rate() -> None:
    text = (
        "近日，“福田区-某证券-知识产权2号资产支持专项计划”成功发行，发行规模1.5亿元。"
        "在政策支持下，入池企业综合融资成本仅为2.46%每年。"
    )
    assert found(text, "福田区") == [("福田区-某证券-知识产权2号资产支持专项计划", "securitization", 150000000, "2.46")]
