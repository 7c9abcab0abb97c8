"""Tests for policytrack.extract.dates: find_dates and sentence_date."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from policytrack.extract.dates import RELATIONS, DateMatch, find_dates, sentence_date
from policytrack.models import PartialDate

REF_2022 = PartialDate(2022, 3, 4)
REF_2023 = PartialDate(2023, 4, 24)


def _s(d: PartialDate | None) -> str | None:
    return None if d is None else str(d)


def _simple(matches: list[DateMatch]) -> list[tuple[str | None, str | None, str, str]]:
    return [(_s(m.date), _s(m.end), m.relation, m.text) for m in matches]


# (id, sentence, reference, [(date, end, relation, text), ...])
Case = tuple[str, str, PartialDate | None, list[tuple[str | None, str | None, str, str]]]

SEED_CASES: list[Case] = [
    ("seed001-year-month", "2016年7月，中新广州知识城获批", None, [("2016-07", None, "at", "2016年7月")]),
    (
        "seed002-full-date-with-reference",
        "4月24日下午,在世界知识产权日",
        REF_2023,
        [("2023-04-24", None, "relative", "4月24日")],
    ),
    (
        "seed000-as-of-year",
        "截至2021年，该区有效发明专利22452件",
        REF_2022,
        [("2021", None, "as_of", "截至2021年")],
    ),
    (
        "seed002-to-year-end",
        "高国盛表示,至2022年底,广东全省发明专利有效量达53.92万件",
        REF_2023,
        [("2022-12", None, "as_of", "至2022年底")],
    ),
    (
        "seed002-half-year-span",
        "《粤港知识产权合作计划(2022下半年-2023年)》",
        REF_2023,
        [("2022-12", "2023", "span", "2022下半年-2023年")],
    ),
    (
        "seed001-plan-span",
        "规划（2020—2035年）》已于2020年8月印发",
        None,
        [
            ("2020", "2035", "span", "2020—2035年"),
            ("2020-08", None, "at", "2020年8月"),
        ],
    ),
    (
        "seed001-as-of-this-year",
        "截至今年6月底，备案的创新主体累计2697家",
        PartialDate(2021, 8),
        [("2021-06", None, "as_of", "截至今年6月底")],
    ),
    ("seed001-years-since", "5年来，广州开发区累计", PartialDate(2021), [("2016", "2021", "since", "5年来")]),
    (
        "seed001-years-since-cn",
        "五年来，广州开发区",
        PartialDate(2021),
        [("2016", "2021", "since", "五年来")],
    ),
    (
        "seed003-recent-years",
        "近三年争取上级项目资金超400万元",
        PartialDate(2025, 9),
        [
            ("2022", "2025", "since", "近三年"),
        ],
    ),
    (
        "seed000-present",
        "目前已累计发行4支知识产权证券化产品",
        REF_2022,
        [("2022", None, "relative", "目前")],
    ),
    (
        "seed004-last-year",
        "也是在去年，广州市积极实施",
        PartialDate(2022, 4, 26),
        [("2021", None, "relative", "去年")],
    ),
    ("seed004-five-year-plan", "在“十四五”开局之年", None, [("2021", "2025", "span", "“十四五”")]),
    (
        "seed004-target",
        "到2025年，广州每万人口高价值发明专利拥有量达30件",
        PartialDate(2022, 4, 26),
        [
            ("2025", None, "target", "到2025年"),
        ],
    ),
    (
        "seed004-as-of-year-end",
        "截至2021年底，全市拥有专利代理机构241家",
        None,
        [("2021-12", None, "as_of", "截至2021年底")],
    ),
    (
        "seed003-year-of-award",
        "获评广东省2024年度数据知识产权典型案例",
        None,
        [("2024", None, "at", "2024年度")],
    ),
]

OTHER_REGION_CASES: list[Case] = [
    (
        "shenzhen-year-end",
        "2022年末，深圳市有效发明专利达22.04万件",
        None,
        [("2022-12", None, "at", "2022年末")],
    ),
    (
        "shanghai-first-half",
        "2023年上半年，上海市专利授权量",
        None,
        [("2023-06", None, "at", "2023年上半年")],
    ),
    ("beijing-second-half", "北京市2022年下半年发布", None, [("2022-12", None, "at", "2022年下半年")]),
    (
        "zhejiang-full-date",
        "浙江省于2022年4月24日发布白皮书",
        None,
        [("2022-04-24", None, "at", "2022年4月24日")],
    ),
    ("jiangsu-since-year", "自2019年起，江苏省", REF_2022, [("2019", "2022", "since", "自2019年起")]),
    ("sichuan-since-year-yilai", "2018年以来，四川省累计", None, [("2018", None, "since", "2018年以来")]),
    (
        "hubei-year-span",
        "《湖北省知识产权发展规划（2021年至2035年）》",
        None,
        [
            ("2021", "2035", "span", "2021年至2035年"),
        ],
    ),
    ("fujian-quarter", "2022年一季度，福建省", None, [("2022-03", None, "at", "2022年一季度")]),
    ("shandong-month-range", "2022年1-6月，山东省", None, [("2022-01", "2022-06", "span", "2022年1-6月")]),
    ("hunan-chinese-year", "二〇二二年四月，湖南省", None, [("2022-04", None, "at", "二〇二二年四月")]),
    ("henan-iso", "发布时间：2022-04-24", None, [("2022-04-24", None, "at", "2022-04-24")]),
    ("anhui-last-month", "上月，安徽省", REF_2023, [("2023-03", None, "relative", "上月")]),
    ("hebei-year-before-last", "前年，河北省", REF_2023, [("2021", None, "relative", "前年")]),
    ("jiangxi-target-before", "江西省2025年前建成", None, [("2025", None, "target", "2025年前")]),
    ("guangxi-aim", "力争到2030年，广西", REF_2023, [("2030", None, "target", "力争到2030年")]),
    (
        "yunnan-carry-year",
        "2021年，云南省…11月，发布",
        None,
        [
            ("2021", None, "at", "2021年"),
            ("2021-11", None, "at", "11月"),
        ],
    ),
    ("shaanxi-past-n-years", "过去5年，陕西省", REF_2023, [("2018", "2023", "since", "过去5年")]),
    ("chongqing-13th-plan", "“十三五”期间，重庆市", None, [("2016", "2020", "span", "“十三五”")]),
]

UNRESOLVED_CASES: list[Case] = [
    ("this-year-no-ref", "今年6月底", None, [(None, None, "relative", "今年6月底")]),
    ("years-since-no-ref", "5年来", None, [(None, None, "since", "5年来")]),
    ("month-day-no-ref", "4月24日", None, [(None, None, "relative", "4月24日")]),
    ("present-no-ref", "目前", None, [(None, None, "relative", "目前")]),
]

NEVER_CASES = [
    ("count", "PCT国际专利申请量1900件"),
    ("count-that-looks-like-a-year", "新增专利2021件"),
    ("consecutive-years", "连续13年居全国首位"),
    ("fraction", "占全市1/4"),
    ("score", "社会满意度达83分"),
    ("impossible-month", "2022年13月"),
    ("impossible-day", "2022年2月30日"),
    ("year-zero-ish", "0025年2月30日"),
    ("five-digit-year", "99999年"),
    ("bare-year-number", "编号2022的文件"),
    ("months-duration", "压缩至3个月"),
    ("recent-years-vague", "近年来，该区"),
    ("decimal", "增长1.54倍"),
    ("shixian-zai", "实现在线取证"),
]


def _ids(cases: list[Case]) -> list[str]:
    return [c[0] for c in cases]


@pytest.mark.parametrize(("text", "reference", "expected"), [c[1:] for c in SEED_CASES], ids=_ids(SEED_CASES))
def test_seed_sentences(
    text: str, reference: PartialDate | None, expected: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _simple(find_dates(text, reference)) == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"), [c[1:] for c in OTHER_REGION_CASES], ids=_ids(OTHER_REGION_CASES)
)
def test_other_region_sentences(
    text: str, reference: PartialDate | None, expected: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _simple(find_dates(text, reference)) == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"), [c[1:] for c in UNRESOLVED_CASES], ids=_ids(UNRESOLVED_CASES)
)
def test_relative_without_reference_is_none(
    text: str, reference: PartialDate | None, expected: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _simple(find_dates(text, reference)) == expected


@pytest.mark.parametrize("text", [c[1] for c in NEVER_CASES], ids=[c[0] for c in NEVER_CASES])
def test_never_a_date(text: str) -> None:
    assert find_dates(text, REF_2023) == []


# Bugs caught (round 2): a bare 年底 after a written year; 一年间 as a period.
BUG_CASES: list[Case] = [
    (
        "jiangsu-year-end-carries-year",
        "2021年，江苏省专利授权量增长。截至年底，全省有效发明专利",
        REF_2023,
        [("2021", None, "at", "2021年"), ("2021-12", None, "as_of", "截至年底")],
    ),
    (
        "sichuan-bare-year-end-unresolved",
        "截至年底，四川省有效商标",
        REF_2023,
        [(None, None, "as_of", "截至年底")],
    ),
    (
        "hubei-first-half-carries-year",
        "2022年，湖北省…上半年，全省",
        None,
        [("2022", None, "at", "2022年"), ("2022-06", None, "at", "上半年")],
    ),
    ("zhejiang-one-year-jian", "一年间，浙江省新增", REF_2023, [("2022", "2023", "since", "一年间")]),
    ("every-year-end-is-not-a-date", "每年年底开展评估", REF_2023, []),
    ("this-year-end-still-relative", "今年底，全市", REF_2023, [("2023-12", None, "relative", "今年底")]),
]


@pytest.mark.parametrize(("text", "reference", "expected"), [c[1:] for c in BUG_CASES], ids=_ids(BUG_CASES))
def test_bugs_caught(
    text: str, reference: PartialDate | None, expected: list[tuple[str | None, str | None, str, str]]
) -> None:
    assert _simple(find_dates(text, reference)) == expected


def test_from_without_since_is_a_plain_date() -> None:
    assert _simple(find_dates("从2019年的100家", REF_2023)) == [("2019", None, "at", "2019年")]


SENTENCE_CASES = [
    ("first-date", "截至2021年底，全市拥有专利代理机构241家，2022年将继续", None, "2021-12"),
    ("since-gives-now", "5年来，广州开发区累计帮助400多家企业", PartialDate(2021, 8), "2021"),
    ("present-gives-reference-year", "目前，全区聚集300多家知识产权服务机构", REF_2022, "2022"),
    ("nothing", "全区聚集300多家知识产权服务机构", REF_2022, None),
    ("unresolved-relative-skipped", "今年以来，2021年的成绩", None, "2021"),
    # bugs caught
    ("bug-year-after-ascii-comma", "白皮书显示,2022年全省专利授权量", None, "2022"),
    ("bug-thousands-separator-not-a-year", "共计1,2022件", None, None),
]


@pytest.mark.parametrize(
    ("text", "reference", "expected"), [c[1:] for c in SENTENCE_CASES], ids=[c[0] for c in SENTENCE_CASES]
)
def test_sentence_date(text: str, reference: PartialDate | None, expected: str | None) -> None:
    assert _s(sentence_date(text, reference)) == expected


def test_offsets_point_at_the_text() -> None:
    text = "据悉，截至2022年12月底,广东已累计发行，2016年7月获批"
    for m in find_dates(text, REF_2023):
        assert text[m.start_offset : m.end_offset] == m.text
        assert m.relation in RELATIONS


def test_no_clock_without_reference() -> None:
    assert all(m.date is None for m in find_dates("今年 去年 上月 目前 近三年"))


ADVERSARIAL = {
    "years": "2022年" * 200_000,
    "digit-dots": "1." * 500_000,
    "months": "4月" * 250_000,
    "cue-chars": "截至" * 500_000,
    "plans": "十四五" * 300_000,
    "joins": "2022—" * 200_000,
    "since": "近" * 1_000_000,
}


@pytest.mark.parametrize("text", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_large_adversarial_input_completes(text: str) -> None:
    assert isinstance(find_dates(text, REF_2023), list)


ODD_INPUTS = [
    "",
    "年",
    "月日",
    "0000年",
    "2022年0月",
    "2022年12月0日",
    "十三月",
    "二〇二〇二〇年",
    "“五五”",
    "\x002022年",
]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=[repr(t) for t in ODD_INPUTS])
def test_odd_inputs_never_raise(text: str) -> None:
    assert isinstance(find_dates(text, REF_2023), list)
    sentence_date(text, REF_2023)


def test_dates_data_integrity() -> None:
    raw = resources.files("policytrack").joinpath("data/dates.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    for offset in data["relative_years"].values():
        assert offset == "carry" or isinstance(offset, int)
    assert all(isinstance(v, int) for v in data["relative_months"].values())
    assert all(1 <= m <= 12 for m in data["year_suffixes"].values())
    for key in ("present_words", "as_of_cues", "to_cues", "target_cues", "since_before", "since_after"):
        words = data[key]
        assert words and len(words) == len(set(words)), key
        re.compile("|".join(map(re.escape, words)))


DAY_CASES = [
    ("yesterday", "昨日，成都市发布知识产权保护状况白皮书", REF_2023, "2023-04-23"),
    ("today", "今天上午，深圳市举行知识产权新闻发布会", REF_2023, "2023-04-24"),
    ("bare-day-this-month", "24日，杭州市召开知识产权大会", REF_2023, "2023-04-24"),
    ("bare-day-last-month", "28日，杭州市召开知识产权大会", REF_2023, "2023-03-28"),
    ("needs-a-day-reference", "昨日，成都市发布白皮书", PartialDate(2023, 4), None),
    ("no-reference", "24日，杭州市召开大会", None, None),
]


@pytest.mark.parametrize(
    ("text", "reference", "expected"), [c[1:] for c in DAY_CASES], ids=[c[0] for c in DAY_CASES]
)
def test_relative_days(text: str, reference: PartialDate | None, expected: str | None) -> None:
    assert _s(sentence_date(text, reference)) == expected


@pytest.mark.parametrize(
    "text", ["15日内完成审查", "近30日新增质押登记", "每日更新", "截至24日结束", "第3日公布"],
    ids=["within-n-days", "last-n-days", "daily", "until-day", "ordinal-day"],
)
def test_day_counts_are_not_dates(text: str) -> None:
    assert find_dates(text, REF_2023) == []


# -- remembered answers (speed round): a caller's list is its own, the reference counts ----------


def test_find_dates_returns_a_fresh_list() -> None:
    text = "截至2022年底，浙江省有效发明专利达到24.2万件。"
    first = find_dates(text)
    want = list(first)
    first.clear()
    again = find_dates(text)
    assert again == want and again is not first and len(want) == 1


@pytest.mark.parametrize(
    ("reference", "year"),
    [(PartialDate(2022, 5, 1), 2021), (PartialDate(2023, 5, 1), 2022), (None, None)],
    ids=["published-2022", "published-2023", "no-reference"],
)
def test_find_dates_same_text_other_reference(reference: PartialDate | None, year: int | None) -> None:
    found = find_dates("去年，江苏省专利授权量增长8%。", reference)
    assert len(found) == 1
    got = found[0].date
    assert (got.year if got is not None else None) == year
