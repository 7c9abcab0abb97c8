"""Merging across articles, metric resolution and the four queries (hand-made records)."""

from __future__ import annotations

import json
import random
import re
from decimal import Decimal
from importlib import resources
from types import SimpleNamespace
from typing import Any

import pytest

from policytrack import Corpus, PartialDate, queries
from policytrack.errors import BadArgumentError
from policytrack.models import FirstScope
from policytrack.queries import (
    ENTRY_KINDS,
    FlatRegions,
    MetricCatalog,
    date_order_key,
    normalise_name,
    record_keys,
    resolve,
    selections,
)

from ._query_fixtures import (
    DocBuilder,
    StubGazetteer,
    gdz_2022,
    gdz_reform,
    guangzhou_corpus,
    gz_2022,
    jiangsu_2023,
    shenzhen_2021,
    zhejiang_2023,
)

GAZ = StubGazetteer()


def corpus(*docs: object) -> Corpus:
    return Corpus(list(docs) if docs else guangzhou_corpus(), gazetteer=GAZ)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# metrics.json integrity


def _metrics_json() -> dict[str, object]:
    text = resources.files("policytrack").joinpath("data/metrics.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_metrics_json_entries_are_complete() -> None:
    metrics = _metrics_json()["metrics"]
    assert isinstance(metrics, list) and len(metrics) >= 30
    for m in metrics:
        assert set(m) <= {"name", "label", "units", "aliases", "patterns", "comment"}, m["name"]
        assert m["name"] and m["label"] and m["label"].isascii(), m["name"]
        assert m["units"] and all(isinstance(u, str) and u for u in m["units"]), m["name"]


def test_metric_names_are_unique() -> None:
    names = [m["name"] for m in _metrics_json()["metrics"]]  # type: ignore[union-attr]
    assert len(names) == len(set(names))


def test_alias_and_unit_point_to_one_metric() -> None:
    seen: dict[tuple[str, str], str] = {}
    for m in _metrics_json()["metrics"]:  # type: ignore[union-attr]
        for alias in {normalise_name(a) for a in (m["name"], *m.get("aliases", []))}:
            for unit in m["units"]:
                other = seen.setdefault((alias, unit), m["name"])
                assert other == m["name"], f"{alias} in {unit} means both {other} and {m['name']}"


def test_every_pattern_and_rewrite_compiles() -> None:
    data = _metrics_json()
    for m in data["metrics"]:  # type: ignore[union-attr]
        for p in m.get("patterns", []):
            re.compile(p)
    for rule in data["text_rewrites"]:  # type: ignore[union-attr]
        re.compile(rule["pattern"])
        assert rule["comment"]
    assert all(p for p in data["strip_prefixes"])  # type: ignore[union-attr]


def test_canonical_names_resolve_to_themselves() -> None:
    catalog = MetricCatalog.default()
    for m in catalog:
        for unit in m.units:
            assert catalog.resolve(m.name, unit) is m, (m.name, unit)


# --------------------------------------------------------------------------------------------
# metric resolution


@pytest.mark.parametrize(
    ("written", "unit", "canonical"),
    [
        # from the seed sentences
        ("每万人口高价值发明专利拥有量", "件", "每万人口高价值发明专利拥有量"),
        ("每万人高价值专利拥有量", "件", "每万人口高价值发明专利拥有量"),
        ("每万人高价值发明专利拥有量", "件", "每万人口高价值发明专利拥有量"),
        ("万人高价值发明专利拥有量", "件", "每万人口高价值发明专利拥有量"),
        ("万人发明专利拥有量", "件", "每万人口发明专利拥有量"),
        ("有效发明专利", "件", "有效发明专利量"),
        ("发明专利有效量", "件", "有效发明专利量"),
        ("全市专利授权量", "件", "专利授权量"),
        ("发明专利授权量", "件", "发明专利授权量"),
        ("PCT国际专利申请量", "件", "PCT国际专利申请量"),
        ("商标申请量", "件", "商标申请量"),
        ("专利权质押登记金额", "元", "专利权质押登记金额"),
        ("专利和商标质押金额", "元", "知识产权质押融资金额"),
        ("国家知识产权优势企业、示范企业", "家", "国家知识产权示范企业和优势企业"),
        ("海外侵权责任险", "家", "购买海外侵权责任保险的企业数"),
        ("购买知识产权海外侵权责任保险", "家", "购买海外侵权责任保险的企业数"),
        ("证券化产品", "单", "知识产权证券化产品数量"),
        ("知识产权证券化产品", "只", "知识产权证券化产品数量"),
        ("发行规模", "元", None),
        ("知识产权质押融资", "元", "知识产权质押融资金额"),
        ("知识产权质押融资", "项", "知识产权质押融资项目数"),
        # same style, other regions
        ("知识产权质押融资", "笔", "知识产权质押融资笔数"),
        ("全省PCT专利申请量", "件", "PCT国际专利申请量"),
        ("该市有效注册商标", "件", "有效商标注册量"),
        ("“专利申请量”", "件", "专利申请量"),
        ("Pct国际专利申请量", "件", "PCT国际专利申请量"),
        ("每万人口发明专利拥有量", "件", "每万人口发明专利拥有量"),
        ("知识产权保险保额", "元", "知识产权保险保额"),
        ("专利侵权纠纷案件", "宗", "专利侵权纠纷案件数"),
        # no canonical name: kept as written
        ("白马服装市场", "个", None),
        ("海外侵权责任险", "元", None),
        ("专利授权量", "%", None),
        ("风险补偿", "元", None),
    ],
    ids=lambda v: str(v),
)
def test_resolve_metric(written: str, unit: str, canonical: str | None) -> None:
    found = MetricCatalog.default().resolve(written, unit)
    assert (found.name if found else None) == canonical


def test_lookup_of_an_alias_shared_by_units_is_ambiguous() -> None:
    with pytest.raises(BadArgumentError, match="ambiguous"):
        MetricCatalog.default().lookup("知识产权质押融资")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("知识产权海外侵权责任险", "知识产权海外侵权责任保险"),
        ("“纯专利”资产证券化产品", "纯专利资产证券化产品"),
        ("全市 专利授权量", "专利授权量"),
        ("风险补偿资金池", "风险补偿资金池"),
        ("全国", "全国"),
    ],
    ids=["short-insurance", "quotes", "scope-and-space", "risk-is-not-insurance", "prefix-alone-kept"],
)
def test_normalise_name(text: str, key: str) -> None:
    assert normalise_name(text) == key


# --------------------------------------------------------------------------------------------
# dates


def test_partial_dates_order_by_last_day_finer_first() -> None:
    dates = [PartialDate.parse(t) for t in ["2022-01", "2021", "2021-12-31", "2021-06", "2021-12"]]
    ordered = [str(d) for d in sorted(dates, key=date_order_key)]
    assert ordered == ["2021-06", "2021-12-31", "2021-12", "2021", "2022-01"]


def test_undated_sorts_last() -> None:
    assert date_order_key(None) > date_order_key(PartialDate(9999, 12, 31))


# --------------------------------------------------------------------------------------------
# merging and ids


def test_ids_do_not_depend_on_document_order() -> None:
    # frozen values, and agreement across processes: tests/test_stability.py
    first = resolve(guangzhou_corpus(), regions=GAZ)
    again = resolve(list(reversed(guangzhou_corpus())), regions=GAZ)
    assert [c.id for c in first.claims] == [c.id for c in again.claims]
    assert sorted(m.id for m in first.measurements) == sorted(m.id for m in again.measurements)
    assert all(re.fullmatch(r"[fme]-[0-9a-f]{12}", e.id) for e in (*first.claims, *first.facts, *first.measurements))


def test_same_statistic_from_two_articles_is_one_entity_with_both_sources() -> None:
    resolved = resolve([gdz_2022(), gdz_reform()], regions=GAZ)
    found = [m for m in resolved.measurements if m.metric == "国家知识产权示范企业和优势企业"]
    assert len(found) == 1
    m = found[0]
    assert m.value == Decimal(74) and str(m.date) == "2021"
    assert m.documents == ("gdz_2022", "gdz_reform")
    assert set(m.written) == {"国家知识产权优势企业、示范企业", "国家知识产权示范企业和优势企业"}
    for source in m.sources:
        doc = gdz_2022() if source.document == "gdz_2022" else gdz_reform()
        assert doc.text[source.start : source.end] == source.sentence


def test_different_values_stay_apart() -> None:
    resolved = resolve(guangzhou_corpus(), regions=GAZ)
    insured = [m for m in resolved.measurements if m.metric == "购买海外侵权责任保险的企业数"]
    assert sorted(m.value for m in insured) == [13, 26]


def test_evidence_keeps_publication_date() -> None:
    resolved = resolve([gdz_2022()], regions=GAZ)
    published = [str(s.published) for e in (*resolved.claims, *resolved.measurements) for s in e.sources]
    assert published == ["2022-03-04"] * 7


def test_records_without_region_take_the_document_region() -> None:
    b = DocBuilder("hz", published="2023-01-05", region="杭州市")
    b.sentence("2022年，全市专利授权量8.2万件。").value("专利授权量", "82000", "件", "2022")
    resolved = resolve([b.build()], regions=GAZ)
    assert resolved.measurements[0].region == "杭州市"


def test_region_aliases_merge() -> None:
    b = DocBuilder("hp", published="2022-05-01", region="黄埔区")
    b.sentence("截至2021年，黄埔区有效发明专利22452件。").value("有效发明专利", "22452", "件", "2021", "黄埔区")
    resolved = resolve([b.build(), gdz_2022()], regions=GAZ)
    found = [m for m in resolved.measurements if m.metric == "有效发明专利量"]
    assert len(found) == 1 and found[0].region == "广州开发区" and len(found[0].documents) == 2


def test_without_gazetteer_names_are_kept_as_written() -> None:
    b = DocBuilder("hp", published="2022-05-01", region="黄埔区")
    b.sentence("截至2021年，黄埔区有效发明专利22452件。").value("有效发明专利", "22452", "件", "2021", "黄埔区")
    # the gazetteer knows 黄埔区 as an alias of 广州开发区; without one the name stays as written
    assert [m.region for m in resolve([b.build()], regions=GAZ).measurements] == ["广州开发区"]
    assert [m.region for m in resolve([b.build()], regions=FlatRegions()).measurements] == ["黄埔区"]


# --------------------------------------------------------------------------------------------
# firsts


def test_done_when_overseas_insurance_claim_is_listed_once_and_corroborated() -> None:
    result = corpus().firsts(scope="national")
    found = [c for c in result if "海外侵权责任" in c.subject]
    assert len(found) == 1
    claim = found[0]
    assert claim.status == "corroborated"
    assert claim.documents == ("gdz_2022", "gz_2022")
    assert set(claim.claimants) == {"广州开发区", "广州市"}
    assert claim.region == "广州开发区"  # the innermost claimant
    assert set(claim.subjects) == {"知识产权海外侵权责任保险", "知识产权海外侵权责任险"}


@pytest.mark.parametrize(
    ("docs", "subject", "statuses"),
    [
        pytest.param(["gdz_2022"], "知识产权海外侵权责任保险", ["asserted"], id="one-article-asserted"),
        pytest.param(["gdz_2022", "gz_2022", "shenzhen_2021"], "海外侵权责任", ["contested"],
                     id="shenzhen-and-guangzhou-contested"),
        pytest.param(["gdz_2022", "shenzhen_2021"], "知识产权公证处", ["contested"],
                     id="provincial-same-province-contested"),
        pytest.param(["zhejiang_2023", "jiangsu_2023"], "知识产权纠纷人民调解委员会", ["asserted", "asserted"],
                     id="provincial-different-provinces-two-claims"),
    ],
)
def test_claim_status(docs: list[str], subject: str, statuses: list[str]) -> None:
    builders = {"gdz_2022": gdz_2022, "gz_2022": gz_2022, "shenzhen_2021": shenzhen_2021,
                "zhejiang_2023": zhejiang_2023, "jiangsu_2023": jiangsu_2023}
    result = corpus(*(builders[d]() for d in docs)).firsts()
    found = [c for c in result if subject in c.subject]
    assert sorted(c.status for c in found) == statuses


def test_contested_claim_has_no_single_region() -> None:
    result = corpus(gdz_2022(), shenzhen_2021()).firsts(status="contested")
    assert len(result) == 2
    assert all(c.region is None and len(c.claimants) == 2 for c in result)


@pytest.mark.parametrize(
    ("scope", "region", "subjects"),
    [
        ("national", "越秀区", ["智慧建设概念知识产权证券化产品"]),
        ("全省", None, ["知识产权公证处"]),
        ("provincial", "广州市", ["知识产权公证处"]),
        (None, "中新广州知识城", []),
    ],
    ids=["national-yuexiu", "scope-word", "within-city", "zone-has-none"],
)
def test_firsts_filters(scope: str | None, region: str | None, subjects: list[str]) -> None:
    assert [c.subject for c in corpus().firsts(scope, region)] == subjects


def test_firsts_rejects_unknown_scope() -> None:
    with pytest.raises(BadArgumentError, match="scope"):
        corpus().firsts("galactic")


# --------------------------------------------------------------------------------------------
# timeline


def test_done_when_timeline_of_the_zone_starts_with_the_2016_pilot() -> None:
    result = corpus().timeline("广州开发区")
    assert str(result.entries[0].date) == "2016-07"
    assert "综合改革试验" in result.entries[0].description
    assert result.entries[0].region == "中新广州知识城"
    keys = [date_order_key(e.date) for e in result.entries]
    assert keys == sorted(keys)


def test_timeline_by_alias_equals_canonical() -> None:
    assert corpus().timeline("黄埔区").to_records() == corpus().timeline("广州开发区").to_records()


@pytest.mark.parametrize(
    ("within", "expected_regions"),
    [
        (True, {"广州市", "广州开发区", "中新广州知识城", "越秀区"}),
        (False, {"广州市"}),
    ],
    ids=["within", "no-within"],
)
def test_timeline_within(within: bool, expected_regions: set[str]) -> None:
    result = corpus().timeline("广州市", within=within)
    assert {e.region for e in result.entries if e.kind != "first"} == expected_regions


def test_timeline_kinds_and_window() -> None:
    result = corpus().timeline(kinds=["measurement"], since="2021", until="2021-12")
    assert {e.kind for e in result} == {"measurement"}
    assert {str(e.date) for e in result} <= {"2021", "2021-12"}
    assert "2022" not in {str(e.date) for e in result}


def test_timeline_counts_undated() -> None:
    result = corpus(gdz_reform()).timeline()
    assert result.undated >= 2  # 13家, 26.13亿元 have no date


def test_timeline_bad_arguments() -> None:
    with pytest.raises(BadArgumentError, match="not a timeline kind"):
        corpus().timeline(kinds="gossip")
    with pytest.raises(BadArgumentError, match="since"):
        corpus().timeline(since="last year")
    with pytest.raises(BadArgumentError, match="before"):
        corpus().timeline(since="2022", until="2021")


def test_entry_kinds_are_documented_order() -> None:
    assert ENTRY_KINDS == ("event", "measurement", "target", "first", "product", "initiative", "institution")


# --------------------------------------------------------------------------------------------
# compare


def test_done_when_compare_high_value_patents_whatever_the_alias() -> None:
    result = corpus().compare(["广州开发区", "越秀区", "广州市"], ["每万人高价值专利拥有量"])
    assert result.metrics == ("每万人口高价值发明专利拥有量",)
    metric = "每万人口高价值发明专利拥有量"
    assert result.value(metric, "广州开发区") == Decimal("177.57")
    assert result.value(metric, "越秀区") == Decimal("97.51")
    assert result.value(metric, "广州市") == Decimal(20)  # the 2025 target (30) is not a value
    cell = result.cell(metric, "广州市")
    assert cell is not None and cell.measurement is not None
    assert str(cell.measurement.date) == "2021-12" and cell.measurement.documents == ("gz_2022",)


def test_compare_as_of_keeps_values_known_by_then() -> None:
    result = corpus().compare("广州开发区,越秀区", ["每万人口高价值发明专利拥有量"], as_of="2022")
    assert result.value("每万人口高价值发明专利拥有量", "越秀区") is None
    assert result.value("每万人口高价值发明专利拥有量", "广州开发区") == Decimal("177.57")


def test_compare_default_metrics_and_counts() -> None:
    result = corpus().compare(["广州开发区", "广州市"])
    assert "有效发明专利量" in result.metrics and "专利授权量" in result.metrics
    counts = {(c.region, c.kind): c.count for c in result.counts}
    assert counts[("广州开发区", "first")] == 3
    assert counts[("广州市", "first")] == 4  # its districts' claims count too


def test_compare_latest_value_wins() -> None:
    old = DocBuilder("sz_old", published="2020-03-01", region="深圳市")
    old.sentence("2019年深圳PCT国际专利申请量1.75万件。").value("PCT国际专利申请量", "17500", "件", "2019")
    new = DocBuilder("sz_new", published="2021-03-01", region="深圳市")
    new.sentence("2020年深圳PCT国际专利申请量2.02万件。").value("PCT专利申请量", "20200", "件", "2020")
    result = corpus(old.build(), new.build()).compare(["深圳"], ["PCT国际专利申请量"])
    assert result.value("PCT国际专利申请量", "深圳市") == Decimal(20200)


def test_compare_needs_a_region() -> None:
    with pytest.raises(BadArgumentError, match="region"):
        corpus().compare([])


# --------------------------------------------------------------------------------------------
# history


def test_done_when_history_of_insured_firms_shows_13_and_26() -> None:
    result = corpus().history("购买海外侵权责任保险的企业数", "广州开发区")
    assert sorted(result.values()) == [13, 26]
    by_value = {p.value: p for p in result}
    assert str(by_value[Decimal(26)].date) == "2022"
    assert by_value[Decimal(13)].date is None  # that article gives no date
    assert by_value[Decimal(26)].documents == ("gdz_2022",)
    assert by_value[Decimal(13)].documents == ("gdz_reform",)


@pytest.mark.parametrize("alias", ["海外侵权责任险", "知识产权海外侵权责任保险", "购买海外侵权责任保险的企业数"])
def test_history_by_any_alias(alias: str) -> None:
    assert sorted(corpus().history(alias, "黄埔区").values()) == [13, 26]


def test_history_of_unknown_metric_matches_written_name() -> None:
    b = DocBuilder("cd", published="2023-01-01", region="成都市")
    b.sentence("2022年，成都知识产权服务业营收达30亿元。").value("知识产权服务业营收", "3000000000", "元", "2022")
    result = corpus(b.build()).history("知识产权服务业营收")
    assert result.values() == [Decimal(3000000000)]


def test_history_targets_only_on_request() -> None:
    metric = "每万人口高价值发明专利拥有量"
    assert 30 not in corpus().history(metric, "广州市").values()
    assert 30 in corpus().history(metric, "广州市", include_targets=True).values()


def test_history_orders_dated_then_undated() -> None:
    docs = []
    points = [("2022-06", "5"), (None, "9"), ("2021", "1"), ("2021-12-31", "2"), ("2023", "7"), ("2021-12", "3")]
    for i, (date, value) in enumerate(points):
        b = DocBuilder(f"d{i}", region="杭州市")
        b.sentence(f"杭州市专利授权量{value}万件。").value("专利授权量", value + "0000", "件", date)
        docs.append(b.build())
    result = corpus(*docs).history("专利授权量")
    assert [(str(p.date) if p.date else None, p.value) for p in result] == [
        ("2021-12-31", 20000), ("2021-12", 30000), ("2021", 10000), ("2022-06", 50000), ("2023", 70000),
        (None, 90000),
    ]


# --------------------------------------------------------------------------------------------
# bugs caught: clustering was quadratic in the size of a merge group


def _greedy_clusters(items: list[Any], same_region: Any) -> list[list[Any]]:
    """The clustering the merge promises, spelled out naively (quadratic): finer dates first,
    each item joins the first cluster whose every member is compatible with it."""

    def compatible(a: PartialDate | None, b: PartialDate | None) -> bool:
        return a is None or b is None or a.contains(b) or b.contains(a)

    rank = {None: 9, "year": 2, "month": 1, "day": 0}
    order = sorted(items, key=lambda i: (rank[str(i.date.precision)] if i.date else 9, i.source.document, i.source.start))
    clusters: list[list[Any]] = []
    for item in order:
        for members in clusters:
            if all(same_region(item.region, m.region) and compatible(item.date, m.date) for m in members):
                members.append(item)
                break
        else:
            clusters.append([item])
    return clusters


_REGION_CHOICES = ["广州市", "天河区", "越秀区", "广州开发区", "深圳市", "南山区", None]
_DATE_CHOICES = ["2021", "2021-06", "2021-06-30", "2021-07", "2021-06-01", "2022", "2022-01", None]


def _random_items(seed: int, n: int) -> list[Any]:
    rng = random.Random(seed)
    return [
        SimpleNamespace(
            region=rng.choice(_REGION_CHOICES),
            date=PartialDate.parse(d) if (d := rng.choice(_DATE_CHOICES)) else None,
            source=SimpleNamespace(document=f"doc{rng.randrange(20):02d}", start=rng.randrange(500)),
        )
        for _ in range(n)
    ]


@pytest.mark.parametrize("seed", range(12), ids=lambda s: f"seed{s}")
@pytest.mark.parametrize("relation", ["nested-regions", "same-region"])
def test_cluster_matches_the_greedy_definition(seed: int, relation: str) -> None:
    reg = queries._regions_of(GAZ)
    same = reg.related if relation == "nested-regions" else (lambda a, b: a == b)
    items = _random_items(seed, 120)
    got = queries._cluster(items, same)
    want = _greedy_clusters(items, same)
    assert [[id(i) for i in c] for c in got] == [[id(i) for i in c] for c in want]


def test_cluster_work_grows_linearly_with_distinct_dates() -> None:
    # one product reported on 3000 different days in one district: each day is its own cluster
    calls = 0

    def same(a: str | None, b: str | None) -> bool:
        nonlocal calls
        calls += 1
        return a == b

    start = PartialDate(2020, 1, 1).first_day()
    days = [start.fromordinal(start.toordinal() + k) for k in range(3000)]
    items: list[Any] = [
        SimpleNamespace(region="天河区", date=PartialDate(d.year, d.month, d.day),
                        source=SimpleNamespace(document=f"d{k}", start=0))
        for k, d in enumerate(days)
    ]
    assert len(queries._cluster(items, same)) == 3000
    assert calls <= len(items)


# --------------------------------------------------------------------------------------------
# the merge keys the store indexes (record_keys), and what a query selects (selections)


@pytest.mark.parametrize(
    ("written_a", "written_b", "unit"),
    [
        # from the seed sentences
        ("每万人口高价值发明专利拥有量", "每万人高价值专利拥有量", "件"),
        ("国家知识产权示范企业和优势企业", "国家知识产权优势企业、示范企业", "家"),
        # same style, other regions
        ("PCT国际专利申请量", "全省PCT专利申请量", "件"),
    ],
    ids=["high-value-alias", "model-firms-alias", "pct-scope-word"],
)
def test_aliases_share_a_record_key(written_a: str, written_b: str, unit: str) -> None:
    keys = []
    for written in (written_a, written_b):
        b = DocBuilder("x", published="2023-01-01", region="苏州市")
        b.sentence(f"2022年，{written}达20{unit}。").value(written, "20", unit, "2022")
        (rk,) = record_keys(b.build(), regions=GAZ)
        assert rk.family == "measurement" and rk.region == "苏州市"
        keys.append(rk.key)
    assert keys[0] == keys[1]
    assert keys[0][0] == "value"


def test_record_keys_take_the_documents_region_and_canonical_names() -> None:
    b = DocBuilder("sz", published="2021-05-10", region="深圳")
    b.sentence("深圳落地全国首单知识产权海外侵权责任保险。")
    b.first("national", "first", "知识产权海外侵权责任保险")
    b.sentence("黄埔区设立知识产权质押融资风险补偿资金池。")
    b.product("risk_pool", "知识产权质押融资风险补偿资金池", "黄埔区", "2021")
    first, product = record_keys(b.build(), regions=GAZ)
    assert (first.family, first.region, first.scope) == ("first", "深圳市", FirstScope.NATIONAL)
    assert first.key == ("first", "national", "中国", "知识产权海外侵权责任保险")
    assert (product.family, product.region, str(product.date)) == ("product", "广州开发区", "2021")


def test_resolve_groups_by_record_keys() -> None:
    docs = guangzhou_corpus()
    keys = {rk.key for d in docs for rk in record_keys(d, regions=GAZ) if rk.key[0] == "first"}
    assert len(resolve(docs, regions=GAZ).claims) == len(keys)


@pytest.mark.parametrize(
    ("query", "args", "kwargs", "expected"),
    [
        ("timeline", ("黄埔区",), {"kinds": "first,event", "since": "2021"},
         [(("event",), ("广州开发区",), True, "2021"), (("first",), ("广州开发区",), True, None)]),
        ("firsts", ("全国", None), {}, [(("first",), None, True, None)]),
        ("history", ("每万人高价值专利拥有量", "越秀区"), {},
         [(("measurement",), ("越秀区",), False, None)]),
        ("compare", (["广州", "深圳"],), {"within": False},
         [(("measurement",), ("广州市", "深圳市"), False, None),
          (("first", "product", "institution", "initiative"), ("广州市", "深圳市"), False, None)]),
    ],
    ids=["timeline-claims-ignore-window", "firsts-scope-word", "history-alias", "compare-values-and-counts"],
)
def test_selections(query: str, args: tuple[Any, ...], kwargs: dict[str, Any], expected: list[Any]) -> None:
    found = selections(query, *args, regions=GAZ, **kwargs)
    got = [(s.families, s.regions, s.within, str(s.since) if s.since else None) for s in found]
    assert got == expected


def test_selection_metric_is_the_canonical_key() -> None:
    (sel,) = selections("history", "每万人高价值专利拥有量", regions=GAZ)
    assert sel.metrics == ("每万人口高价值发明专利拥有量",)


def test_selection_covers_inside_regions_only_within() -> None:
    (inside,) = selections("firsts", None, "广州", regions=GAZ)
    (exact,) = selections("firsts", None, "广州", within=False, regions=GAZ)
    assert inside.covers("天河区") and not exact.covers("天河区")
    assert exact.covers("广州市") and not inside.covers("深圳市") and not inside.covers(None)


@pytest.mark.parametrize(
    ("query", "args", "kwargs"),
    [
        ("timeline", (), {"kinds": "rumour"}),
        ("timeline", (), {"since": "2022", "until": "2021"}),
        ("firsts", ("cosmic",), {}),
        ("compare", ([],), {}),
        ("history", ("",), {}),
        ("forecast", (), {}),
    ],
    ids=["unknown-kind", "window-backwards", "unknown-scope", "no-regions", "empty-metric", "unknown-query"],
)
def test_selections_check_arguments_like_the_queries(query: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    with pytest.raises(BadArgumentError):
        selections(query, *args, regions=GAZ, **kwargs)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("20", "20"), ("20.0", "20"), ("2E+1", "20"), ("177.570", "177.57"), ("1E+9", "1000000000")],
    ids=["integral", "trailing-zero", "exponent", "fraction-trailing-zero", "large-exponent"],
)
def test_merged_values_never_print_in_exponent_form(written: str, expected: str) -> None:
    """Bug caught: a merged 20件 printed as 2E+1 (the merge key normalised the Decimal)."""
    from decimal import Decimal

    from policytrack.queries import _plain_decimal

    assert str(_plain_decimal(Decimal(written))) == expected


# --------------------------------------------------------------------------------------------
# found by mutation testing (scripts/mutation.py merge-ids)


def test_most_common_takes_the_first_seen_on_a_tie() -> None:
    from policytrack.queries import _most_common

    assert _most_common(["b", "a", "a", "b"]) == "b"
    assert _most_common(["b", "a", "a"]) == "a"
    assert _most_common(iter(["x"])) == "x"


def test_entities_carry_what_their_records_said() -> None:
    from policytrack.models import Milestone, MilestoneKind, Qualifier, Quantity

    b = DocBuilder("p", published="2023-01-05", region="杭州市")
    b.sentence("2022年，杭州市发放知识产权质押贷款30亿元。").product("pledge_loan", "知识产权质押贷款", "杭州市", "2022",
                                                          "3000000000")
    b.sentence("2022年，杭州市专利授权量超8.2万件。")
    b.records["milestones"].append(Milestone(
        MilestoneKind.MEASUREMENT, "专利授权量超8.2万件", b.ev, PartialDate(2022), PartialDate(2022, 12), "杭州市",
        "专利授权量", Quantity(Decimal(82000), "件", Qualifier.OVER, "超8.2万件")))
    b.sentence("2021年，杭州市在全国率先开展数据知识产权登记。").first("national", "pioneer", "数据知识产权登记", "杭州市", "2021")
    resolved = resolve([b.build()], regions=GAZ)
    (fact,) = resolved.facts
    assert (fact.kind, fact.type, fact.name, fact.value, fact.unit, fact.end) == (
        "product", "pledge_loan", "知识产权质押贷款", Decimal(3000000000), "元", None)
    (m,) = resolved.measurements
    assert (m.metric, m.written, m.qualifier, str(m.end), m.description, m.unit, m.label) == (
        "专利授权量", ("专利授权量",), "over", "2022-12", "专利授权量超8.2万件", "件", "Patents granted")
    (claim,) = resolved.claims
    assert (claim.kind, claim.subject, claim.region) == ("pioneer", "数据知识产权登记", "杭州市")


def test_an_event_entity_has_its_end_and_no_type_or_amount() -> None:
    b = DocBuilder("span", published="2023-01-05", region="杭州市")
    b.sentence("2021年3月至2022年6月，杭州市开展知识产权执法专项行动。").event("开展知识产权执法专项行动", "2021-03",
                                                                   end="2022-06")
    (fact,) = resolve([b.build()], regions=GAZ).facts
    assert (fact.kind, fact.type, str(fact.end), fact.value, fact.unit) == ("event", None, "2022-06", None, None)


def test_a_catalog_given_is_the_one_used() -> None:
    from policytrack.queries import Metric

    b = DocBuilder("c", published="2023-01-05", region="杭州市")
    b.sentence("2022年，杭州市知产授权8.2万件。").value("知产授权", "82000", "件", "2022")
    doc = b.build()
    mine = MetricCatalog([Metric("杭州专利授权", "Hangzhou grants", ("件",), ("知产授权",))])
    assert [m.metric for m in resolve([doc], regions=GAZ, catalog=mine).measurements] == ["杭州专利授权"]
    assert [m.metric for m in resolve([doc], regions=GAZ).measurements] == ["知产授权"]
    assert [m.metric for m in Corpus([doc], gazetteer=GAZ).resolve(catalog=mine).measurements] == ["杭州专利授权"]


def test_a_record_in_another_region_than_its_article_keeps_it() -> None:
    b = DocBuilder("gz", published="2023-01-05", region="广州市")
    b.sentence("2021年，深圳市落地全国首单知识产权证券化产品。").first("national", "first", "知识产权证券化产品", "深圳市",
                                                          "2021")
    b.sentence("2022年，深圳市专利授权量27.5万件。").value("专利授权量", "275000", "件", "2022", "深圳市")
    resolved = resolve([b.build()], regions=GAZ)
    assert [c.region for c in resolved.claims] == ["深圳市"]
    assert [m.region for m in resolved.measurements] == ["深圳市"]
