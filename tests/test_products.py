"""Financing products: names, descriptions, kinds, amounts, rates, merging; statistics are not products."""

from __future__ import annotations

import json
import re
import time
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
]

KNOWN_FAILURES: list[tuple[str, str, str | None, list[Row]]] = [
    # an unquoted loan product name is not recognised (only “…贷” in quotes is)
    ("unquoted-loan-name", "江苏省推出苏知贷产品。", "江苏省", [("苏知贷", "pledge_loan", None, None)]),
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
@pytest.mark.xfail(strict=True, reason="known limitation")
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
    ],
)
def test_vocab_lists_are_unique_and_compile(table: str) -> None:
    words = _data()[table]
    assert isinstance(words, list)
    assert all(isinstance(w, str) and w for w in words)
    assert len(words) == len(set(words))
    re.compile("|".join(re.escape(w) for w in words))


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


def test_linear_on_long_input() -> None:
    text = ("设立1万元" + "纯专利" * 40 + "、纯商标资产证券化产品和“越知1号”(ABN)发行规模" + "1" * 30) * 3000
    start = time.perf_counter()
    products.extract(Document(id="big", text=text))
    assert time.perf_counter() - start < 30
