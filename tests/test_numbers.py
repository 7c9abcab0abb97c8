"""Tests for policytrack.extract.numbers: parse_number and find_quantities."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from importlib import resources

import pytest

from policytrack.extract.numbers import QuantityMatch, find_quantities, parse_number
from policytrack.models import Qualifier

D = Decimal


def _simple(matches: list[QuantityMatch]) -> list[tuple[Decimal, str, str | None, str]]:
    return [
        (
            m.quantity.value,
            m.quantity.unit,
            m.quantity.qualifier and str(m.quantity.qualifier),
            m.quantity.text,
        )
        for m in matches
    ]


# --------------------------------------------------------------------------- parse_number

PARSE_CASES = [
    ("三千", D(3000)),
    ("一百二十", D(120)),
    ("两", D(2)),
    ("1.5万", D(15000)),
    ("百亿", D(10_000_000_000)),
    ("1,234.5", D("1234.5")),
    ("千万", D(10_000_000)),
    ("二十二", D(22)),
    ("十四", D(14)),
    ("一百零五", D(105)),
    ("一亿二千万", D(120_000_000)),
    ("三千五", D(3500)),
    ("一万五", D(15000)),
    ("二〇二二", D(2022)),
    ("26.13亿", D(2_613_000_000)),
    ("１２３", D(123)),
    ("0.5", D("0.5")),
]
PARSE_NONE = ["", "abc", "二三十", "1.2.3", "十百", "三年", "1,23"]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse_number(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", PARSE_NONE, ids=[t or "empty" for t in PARSE_NONE])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_is_exact_decimal() -> None:
    value = parse_number("1.39万")
    assert isinstance(value, Decimal)
    assert value == D(13900)
    assert str(value) == "13900"


# --------------------------------------------------------------------------- find_quantities

# (id, sentence, [(value, unit, qualifier, text), ...])
SEED_CASES = [
    (
        "seed000-stats-as-of",
        "截至2021年，该区有效发明专利22452件，累计获得中国专利奖、广东省专利奖255项，"
        "国家知识产权优势企业、示范企业74家，每万人高价值专利拥有量177.57件。",
        [
            (D(22452), "件", None, "22452件"),
            (D(255), "项", None, "255项"),
            (D(74), "家", None, "74家"),
            (D("177.57"), "件", None, "177.57件"),
        ],
    ),
    (
        "seed000-over-1e9",
        "目前已累计发行4支知识产权证券化产品，融资额超10亿元，为科技型中小企业提供了更便利的新型融资渠道。",
        [(D(4), "支", None, "4支"), (D(1_000_000_000), "元", "over", "超10亿元")],
    ),
    (
        "seed000-chinese-numeral-and-about",
        "有五条均为知识产权领域相关创新经验做法，占总数比例近13%，涉及知识产权证券化",
        [(D(5), "条", None, "五条"), (D(13), "%", "about", "近13%")],
    ),
    (
        "seed000-continents",
        "将海外知识产权保护服务网络覆盖到6大洲63个重点国家和地区。",
        [(D(6), "大洲", None, "6大洲"), (D(63), "个", None, "63个")],
    ),
    (
        "seed000-wan-yuan",
        "据悉，目前该区已有26家企业购买知识产权海外侵权责任保险，总保额达6860万元。",
        [(D(26), "家", None, "26家"), (D(68_600_000), "元", None, "6860万元")],
    ),
    (
        "seed001-growth",
        "广州开发区年专利申请量由1.39万件提高到3.52万件，增长1.54倍；年专利授权量由6700多件提高到2.26万件，增长2.33倍。",
        [
            (D(13900), "件", None, "1.39万件"),
            (D(35200), "件", None, "3.52万件"),
            (D("1.54"), "倍", None, "1.54倍"),
            (D(6700), "件", "over", "6700多件"),
            (D(22600), "件", None, "2.26万件"),
            (D("2.33"), "倍", None, "2.33倍"),
        ],
    ),
    (
        "seed001-about-yi",
        "广州开发区累计帮助400多家企业完成知识产权质押融资约68.98亿元，发行3个知识产权证券化产品",
        [
            (D(400), "家", "over", "400多家"),
            (D(6_898_000_000), "元", "about", "约68.98亿元"),
            (D(3), "个", None, "3个"),
        ],
    ),
    (
        "seed001-working-days",
        "将专利预审周期压缩到平均4.7个工作日",
        [(D("4.7"), "个工作日", None, "4.7个工作日")],
    ),
    (
        "seed002-yoy",
        "全省专利和商标质押金额达970.24亿元,同比增长119.25%,占全国总量的19.93%。",
        [
            (D(97_024_000_000), "元", None, "970.24亿元"),
            (D("119.25"), "%", None, "119.25%"),
            (D("19.93"), "%", None, "19.93%"),
        ],
    ),
    (
        "seed003-fraction-and-yu",
        "目前全区已集聚超600家知识产权服务机构、443名执业专利代理师(占全市1/4)、3000余名专业人才",
        [
            (D(600), "家", "over", "超600家"),
            (D(443), "名", None, "443名"),
            (D(25), "%", None, "1/4"),
            (D(3000), "名", "over", "3000余名"),
        ],
    ),
    (
        "seed003-rate",
        "发行规模7800万元,发行利率2.77%,是广州首单",
        [(D(78_000_000), "元", None, "7800万元"), (D("2.77"), "%", None, "2.77%")],
    ),
    (
        "seed003-breakthrough-and-times",
        "全区规上知识产权服务业营收突破8亿元(占全市24.5%),是全国平均水平的7.1倍",
        [
            (D(800_000_000), "元", "over", "突破8亿元"),
            (D("24.5"), "%", None, "24.5%"),
            (D("7.1"), "倍", None, "7.1倍"),
        ],
    ),
    (
        "seed004-bai-yi",
        "2021年广州市知识产权质押融资654项，为中小微企业融得超过百亿元发展资金",
        [(D(654), "项", None, "654项"), (D(10_000_000_000), "元", "over", "超过百亿元")],
    ),
    (
        "seed004-wan-yu-yuan",
        "罚没金额1871.8万余元，进一步凸显知识产权行政保护成效。",
        [(D(18_718_000), "元", "over", "1871.8万余元")],
    ),
    (
        "seed004-target-over-and-score",
        "质押融资登记金额年均增长6%以上；知识产权保护社会满意度达83分",
        [(D(6), "%", "over", "6%以上"), (D(83), "分", None, "83分")],
    ),
]

OTHER_REGION_CASES = [
    (
        "shenzhen-wan-jian",
        "2022年，深圳市专利授权量27.58万件，其中发明专利授权5.22万件。",
        [(D(275_800), "件", None, "27.58万件"), (D(52_200), "件", None, "5.22万件")],
    ),
    (
        "shanghai-dollars",
        "上海市PCT国际专利申请量达6200余件，技术出口合同金额约12.5亿美元。",
        [(D(6200), "件", "over", "6200余件"), (D(1_250_000_000), "美元", "about", "约12.5亿美元")],
    ),
    (
        "beijing-thousands-separator",
        "北京市知识产权质押融资金额为1,234.5亿元，惠及企业2,100家。",
        [(D(123_450_000_000), "元", None, "1,234.5亿元"), (D(2100), "家", None, "2,100家")],
    ),
    (
        "zhejiang-under-and-left",
        "浙江省专利审查周期不足10个工作日，全省质押项目3000项左右。",
        [(D(10), "个工作日", "under", "不足10个工作日"), (D(3000), "项", "about", "3000项左右")],
    ),
    (
        "jiangsu-chinese-fraction",
        "江苏省高价值专利占全国的四分之一，新增商标两千余件。",
        [(D(25), "%", None, "四分之一"), (D(2000), "件", "over", "两千余件")],
    ),
    (
        "sichuan-range",
        "成都市每年认定3至5家知识产权示范园区，支持资金3-5万元。",
        [(D(3), "家", None, "3至5家"), (D(30000), "元", None, "3-5万元")],
    ),
    (
        "hubei-percent-words",
        "湖北省发明专利占比达百分之三十，近三成企业设立知识产权部门。",
        [(D(30), "%", None, "百分之三十"), (D(30), "%", "about", "近三成")],
    ),
    (
        "fujian-full-width-digits",
        "福建省新增知识产权服务机构１２０家。",
        [(D(120), "家", None, "１２０家")],
    ),
    (
        "shandong-chinese-scale",
        "山东省设立三千万元知识产权运营基金，撬动100多万元社会资本。",
        [(D(30_000_000), "元", None, "三千万元"), (D(1_000_000), "元", "over", "100多万元")],
    ),
    (
        "hongkong-people",
        "香港知识产权署组建200人调解员队伍，其中港澳籍调解员共40人。",
        [(D(200), "人", None, "200人"), (D(40), "人", None, "40人")],
    ),
]

NEVER_CASES = [
    ("product-name", "发行越知1号知识产权证券化产品"),
    ("edition", "第二十二届中国专利奖名单揭晓"),
    ("batch-ordinal", "成为第一批试点城市"),
    ("rank", "金奖总数量排名第二名"),
    ("year", "2022年，全省工作"),
    ("half-year", "合作计划2022下半年启动"),
    ("month-day", "4月24日下午举行"),
    ("list-number", "1. 加强保护"),
    ("chinese-list", "（一）加强保护"),
    ("five-year-plan", "“十四五”时期"),
    ("slogan", "构建“1+9+N”政策体系"),
    ("quoted-name", "出台“粤港澳知识产权互认10条”"),
    ("book-title", "印发《关于推广39条经验的通知》"),
    ("phone", "咨询电话020-12345678"),
    ("code", "检索平台patsea123件"),
    ("duration", "连续13年居全国首位"),
    ("years-since", "5年来广州开发区累计"),
    ("near-three-years", "近三年持续增长"),
    ("bare-number", "共计2022，并且"),
    ("per-capita-base", "每万人发明专利拥有量"),
    ("months", "压缩至3个月"),
    ("idiom-shifen", "十分重要"),
    ("idiom-yiqi", "一起推动发展"),
    ("article-yi", "打造出一条贯穿企业全生命周期的服务链"),
    ("latin-glued", "推动5G产业和3D打印发展"),
    ("version", "平台升级到V2.0版"),
    ("date-slash", "2022/4/24发布"),
]

CHANGE_CASES = [
    ("yoy-percent", "同比增长119.25%", D("119.25"), "%", "up"),
    ("times", "增长1.54倍", D("1.54"), "倍", "up"),
    ("points", "提高了5个百分点", D(5), "个百分点", "up"),
    ("down", "下降3%", D(3), "%", "down"),
    ("yoy-increase", "同比增加30.5%", D("30.5"), "%", "up"),
    ("short-cue", "同比增19%", D(19), "%", "up"),
    ("reduce", "平均审查周期减少了12.5%", D("12.5"), "%", "down"),
    ("annual-over", "年均增长6%以上", D(6), "%", "up"),
]

NOT_CHANGE_CASES = [
    ("raise-to", "提高到5%"),
    ("increase-to", "增加到74家"),
    ("grow-to", "增至500家"),
    ("newly-added", "新增300家"),
    ("plain", "占全国总量的19.93%"),
]


def _cases_ids(cases: list[tuple[str, str, object]]) -> list[str]:
    return [c[0] for c in cases]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SEED_CASES], ids=_cases_ids(SEED_CASES))
def test_seed_sentences(text: str, expected: list[tuple[Decimal, str, str | None, str]]) -> None:
    assert _simple(find_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in OTHER_REGION_CASES], ids=_cases_ids(OTHER_REGION_CASES)
)
def test_other_region_sentences(text: str, expected: list[tuple[Decimal, str, str | None, str]]) -> None:
    assert _simple(find_quantities(text)) == expected


@pytest.mark.parametrize("text", [c[1] for c in NEVER_CASES], ids=[c[0] for c in NEVER_CASES])
def test_never_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


# Bugs caught (round 2): vague amounts and "secondary" read as counts.
BUG_NEVER_CASES = [
    ("vague-ji-shi-wan", "单笔订单也不过几十万元"),
    ("vague-shu-shi", "吸引数十家机构参与"),
    ("vague-shu-bai", "惠及数百家企业"),
    ("secondary-licence", "采用专利二次许可模式"),
    ("secondary-development", "开展二次开发"),
]
BUG_CASES = [
    ("twelve-times-kept", "累计开展培训十二次", [(D(12), "次", None, "十二次")]),
    ("shu-before-digits-kept", "发明专利数12件", [(D(12), "件", None, "12件")]),
    ("liang-ci-kept", "先后两次获评", [(D(2), "次", None, "两次")]),
    # 签约3亿元: the 约 ends 签约, it does not make the value approximate (约5亿元 still does)
    ("qianyue-is-no-about", "现场签约3亿元，约5亿元", [(D(300_000_000), "元", None, "3亿元"), (D(500_000_000), "元", "about", "约5亿元")]),
    ("jieyue-is-no-about", "累计节约2000万元", [(D(20_000_000), "元", None, "2000万元")]),
    # 家次, 户次: counters of services, like 人次 (not 160家 and a name 次)
    ("jiaci-is-a-counter", "提供质押融资贷款服务160家次", [(D(160), "家次", None, "160家次")]),
]


@pytest.mark.parametrize("text", [c[1] for c in BUG_NEVER_CASES], ids=[c[0] for c in BUG_NEVER_CASES])
def test_bug_never_a_quantity(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BUG_CASES], ids=[c[0] for c in BUG_CASES])
def test_bug_quantities_kept(text: str, expected: list[tuple[Decimal, str, str | None, str]]) -> None:
    assert _simple(find_quantities(text)) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit", "direction"),
    [c[1:] for c in CHANGE_CASES],
    ids=[c[0] for c in CHANGE_CASES],
)
def test_changes(text: str, value: Decimal, unit: str, direction: str) -> None:
    (match,) = find_quantities(text)
    assert match.is_change
    assert match.change_direction == direction
    assert (match.quantity.value, match.quantity.unit) == (value, unit)


@pytest.mark.parametrize("text", [c[1] for c in NOT_CHANGE_CASES], ids=[c[0] for c in NOT_CHANGE_CASES])
def test_not_changes(text: str) -> None:
    (match,) = find_quantities(text)
    assert not match.is_change
    assert match.change_direction is None


def test_change_in_a_pair_of_values() -> None:
    matches = find_quantities("分别增长12%和15%")
    assert [(m.quantity.value, m.is_change) for m in matches] == [(D(12), True), (D(15), True)]


def test_offsets_point_at_the_text() -> None:
    text = "据悉，融资额超10亿元，同比增长119.25%。"
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.quantity.text


def test_range_keeps_high_end() -> None:
    (m,) = find_quantities("每年认定3至5家示范园区")
    assert (m.quantity.value, m.high, m.quantity.text) == (D(3), D(5), "3至5家")
    (m,) = find_quantities("支持资金3-5万元")
    assert (m.quantity.value, m.high) == (D(30000), D(50000))


def test_qualifier_is_the_enum() -> None:
    (m,) = find_quantities("超10亿元")
    assert m.quantity.qualifier is Qualifier.OVER


def test_values_are_exact_decimals() -> None:
    for m in find_quantities("1.39万件，26.13亿元，0.1%，1/3"):
        assert isinstance(m.quantity.value, Decimal)
    (m,) = find_quantities("26.13亿元")
    assert str(m.quantity.value) == "2613000000"


# --------------------------------------------------------------------------- robustness

ADVERSARIAL = {
    "digit-dots": "1." * 500_000,
    "digits": "1" * 1_000_000,
    "cn-digits": "一" * 1_000_000,
    "qualifiers": "超" * 1_000_000,
    "quotes": "“1" * 500_000,
    "ranges": "1至" * 500_000,
    "commas": "1," * 500_000,
    "years": "2022年" * 200_000,
    "slashes": "1/" * 500_000,
}


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_large_adversarial_input_completes(text: str) -> None:
    assert isinstance(find_quantities(text), list)


ODD_INPUTS = [
    "",
    "　",
    "%",
    "亿元",
    "万",
    "超",
    "1/0",
    "0/0分",
    "9" * 400 + "亿元",
    "零分之一",
    "一百分之",
    "\x001件",
]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=[repr(t[:10]) for t in ODD_INPUTS])
def test_odd_inputs_never_raise(text: str) -> None:
    assert isinstance(find_quantities(text), list)
    parse_number(text)


# --------------------------------------------------------------------------- data integrity


def _units_data() -> dict[str, object]:
    raw = resources.files("policytrack").joinpath("data/units.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


def test_units_data_integrity() -> None:
    data = _units_data()
    units = data["units"]
    assert isinstance(units, dict)
    for surface, (base, factor) in units.items():
        assert surface and base
        assert Decimal(factor) > 0
    non_units = data["non_units"]
    assert isinstance(non_units, list)
    assert len(non_units) == len(set(non_units))
    assert not set(non_units) & set(units)
    valid = {q.value for q in Qualifier}
    for key in ("qualifiers_before", "qualifiers_after_number", "qualifiers_after_unit"):
        table = data[key]
        assert isinstance(table, dict)
        assert set(table.values()) <= valid
    scales = data["scales"]
    assert isinstance(scales, dict)
    assert all(len(k) == 1 and Decimal(v) > 1 for k, v in scales.items())
    cues = data["change_cues"]
    assert isinstance(cues, dict)
    assert set(cues) == {"up", "down"}
    assert not set(cues["up"]) & set(cues["down"])
    block = data["chinese_numeral_blocklist"]
    assert isinstance(block, list)
    assert len(block) == len(set(block))
    re.compile("|".join(map(re.escape, block)))


# -- remembered answers (speed round): a caller's list is its own --------------------------------


@pytest.mark.parametrize(
    "text",
    ["深圳市有效发明专利22.1万件，同比增长12%", "上海市" + "新增企业300家，" * 300],
    ids=["sentence-cached", "long-text-not-cached"],
)
def test_find_quantities_returns_a_fresh_list(text: str) -> None:
    first = find_quantities(text)
    want = list(first)
    first.clear()
    again = find_quantities(text)
    assert again == want and again is not first
    assert len(want) >= 2
