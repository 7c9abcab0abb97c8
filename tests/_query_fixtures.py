"""Hand-made documents and a small gazetteer for the corpus/query/render/CLI tests.

The records are built the way the extractors will build them from realistic sentences
(seed-style sentences about Guangzhou, and the same style about Shenzhen, Zhejiang,
Jiangsu...), so the cross-article layer can be tested before extraction lands.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from policytrack.models import (
    Document,
    Evidence,
    FinancingProduct,
    FirstClaim,
    FirstKind,
    FirstScope,
    Initiative,
    InitiativeKind,
    Institution,
    InstitutionKind,
    Milestone,
    MilestoneKind,
    PartialDate,
    ProductKind,
    Quantity,
    Region,
    RegionLevel,
)

_REGIONS = [
    Region("中国", RegionLevel.COUNTRY),
    Region("广东省", RegionLevel.PROVINCE, "中国", ("广东",)),
    Region("广州市", RegionLevel.CITY, "广东省", ("广州",)),
    Region("广州开发区", RegionLevel.DISTRICT, "广州市", ("黄埔区", "广州黄埔")),
    Region("中新广州知识城", RegionLevel.ZONE, "广州开发区", ("知识城",)),
    Region("越秀区", RegionLevel.DISTRICT, "广州市"),
    Region("天河区", RegionLevel.DISTRICT, "广州市"),
    Region("深圳市", RegionLevel.CITY, "广东省", ("深圳",)),
    Region("南山区", RegionLevel.DISTRICT, "深圳市"),
    Region("浙江省", RegionLevel.PROVINCE, "中国", ("浙江",)),
    Region("杭州市", RegionLevel.CITY, "浙江省", ("杭州",)),
    Region("江苏省", RegionLevel.PROVINCE, "中国", ("江苏",)),
    Region("苏州市", RegionLevel.CITY, "江苏省", ("苏州",)),
    Region("四川省", RegionLevel.PROVINCE, "中国", ("四川",)),
    Region("成都市", RegionLevel.CITY, "四川省", ("成都",)),
]


class StubGazetteer:
    """The documented Gazetteer API over a handful of regions."""

    def __init__(self) -> None:
        self.regions = {r.name: r for r in _REGIONS}
        self.alias = {a: r.name for r in _REGIONS for a in (r.name, *r.aliases)}

    def get(self, name_or_alias: str) -> Region | None:
        name = self.alias.get(name_or_alias)
        return self.regions[name] if name else None

    def canonical(self, name_or_alias: str) -> str | None:
        return self.alias.get(name_or_alias)

    def ancestors(self, name: str) -> list[Region]:
        out: list[Region] = []
        region = self.get(name)
        while region is not None and region.parent is not None:
            region = self.regions[region.parent]
            out.append(region)
        return out

    def is_within(self, inner: str, outer: str) -> bool:
        outer_name = self.canonical(outer)
        return any(r.name == outer_name for r in self.ancestors(inner))


class DocBuilder:
    """Builds a document sentence by sentence; each record's evidence is its sentence."""

    def __init__(self, id: str, *, published: str | None = None, region: str | None = None,
                 title: str | None = None) -> None:
        self.id = id
        self.published = PartialDate.parse(published) if published else None
        self.region = region
        self.title = title
        self.text = ""
        self.records: dict[str, list[Any]] = {
            "firsts": [], "institutions": [], "financing_products": [], "initiatives": [], "milestones": []
        }
        self._evidence: Evidence | None = None

    def sentence(self, text: str) -> DocBuilder:
        start = len(self.text)
        self.text += text
        self._evidence = Evidence(start, len(self.text), text)
        return self

    @property
    def ev(self) -> Evidence:
        assert self._evidence is not None
        return self._evidence

    def first(self, scope: str, kind: str, subject: str, region: str | None = None,
              date: str | None = None) -> DocBuilder:
        self.records["firsts"].append(
            FirstClaim(FirstScope(scope), FirstKind(kind), subject, self.ev, region, _d(date))
        )
        return self

    def product(self, kind: str, name: str, region: str | None = None, date: str | None = None,
                amount: str | None = None) -> DocBuilder:
        qty = Quantity(Decimal(amount), "元") if amount else None
        self.records["financing_products"].append(
            FinancingProduct(name, ProductKind(kind), self.ev, region, _d(date), qty)
        )
        return self

    def institution(self, kind: str, name: str, region: str | None = None,
                    established: str | None = None) -> DocBuilder:
        self.records["institutions"].append(
            Institution(name, InstitutionKind(kind), self.ev, region, _d(established))
        )
        return self

    def initiative(self, kind: str, name: str, region: str | None = None, date: str | None = None) -> DocBuilder:
        self.records["initiatives"].append(Initiative(name, InitiativeKind(kind), self.ev, region, _d(date)))
        return self

    def event(self, description: str, date: str | None = None, region: str | None = None,
              end: str | None = None) -> DocBuilder:
        self.records["milestones"].append(
            Milestone(MilestoneKind.EVENT, description, self.ev, _d(date), _d(end), region)
        )
        return self

    def value(self, metric: str, value: str, unit: str, date: str | None = None, region: str | None = None,
              *, target: bool = False, text: str = "") -> DocBuilder:
        kind = MilestoneKind.TARGET if target else MilestoneKind.MEASUREMENT
        self.records["milestones"].append(
            Milestone(kind, metric, self.ev, _d(date), None, region, metric,
                      Quantity(Decimal(value), unit, None, text or f"{value}{unit}"))
        )
        return self

    def build(self) -> Document:
        return Document(
            id=self.id, text=self.text, title=self.title, published=self.published, region=self.region,
            **{k: tuple(v) for k, v in self.records.items()},
        )


def _d(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


# --- Guangzhou, in the style of the seed articles -------------------------------------------

def gdz_2022() -> Document:
    """A 2022 report on 广州开发区 (seed 000 style)."""
    b = DocBuilder("gdz_2022", published="2022-03-04", region="广州开发区",
                   title="5条创新经验获广东全省推广，广州开发区炼成知识产权应用保护优等生")
    b.sentence("为此，广州开发区推动落地了全国首单知识产权海外侵权责任保险，护航“出海”企业做大做强。")
    b.first("national", "first", "知识产权海外侵权责任保险", "广州开发区")
    b.product("insurance", "知识产权海外侵权责任保险", "广州开发区")
    b.sentence("据悉，目前该区已有26家企业购买知识产权海外侵权责任保险，总保额达6860万元。")
    b.value("购买知识产权海外侵权责任保险", "26", "家", "2022", "广州开发区")
    b.value("总保额", "68600000", "元", "2022", "广州开发区", text="6860万元")
    b.sentence("截至2021年，该区有效发明专利22452件，国家知识产权优势企业、示范企业74家，每万人高价值专利拥有量177.57件。")
    b.value("有效发明专利", "22452", "件", "2021", "广州开发区")
    b.value("国家知识产权优势企业、示范企业", "74", "家", "2021", "广州开发区")
    b.value("每万人高价值专利拥有量", "177.57", "件", "2021", "广州开发区")
    b.sentence("2019年，广州开发区成立全省首家知识产权公证处。")
    b.first("provincial", "first", "知识产权公证处", "广州开发区")
    b.institution("service", "广州开发区知识产权公证处", "广州开发区", "2019")
    return b.build()


def gdz_reform() -> Document:
    """An undated report on the reform pilot (seed 001 style): no publication date."""
    b = DocBuilder("gdz_reform", region="广州开发区", title="广州开发区持续深化知识产权运用和保护综合改革试验")
    b.sentence("2016年7月，中新广州知识城经国务院批准同意，开展知识产权运用和保护综合改革试验。")
    b.event("中新广州知识城获批开展知识产权运用和保护综合改革试验", "2016-07", "中新广州知识城")
    b.sentence("2019年，发行全国首支纯专利资产证券化产品。")
    b.first("national", "first", "纯专利资产证券化产品", "广州开发区", "2019")
    b.product("securitization", "纯专利资产证券化产品", "广州开发区", "2019")
    b.sentence("2020年8月，《中新广州知识城总体发展规划（2020—2035年）》获国务院批复。")
    b.initiative("plan", "中新广州知识城总体发展规划（2020—2035年）", "中新广州知识城", "2020-08")
    b.sentence("国家知识产权示范企业和优势企业从9家增至74家。")
    b.value("国家知识产权示范企业和优势企业", "74", "家", None, "广州开发区")
    b.sentence("已有13家企业购买海外侵权责任险。")
    b.value("海外侵权责任险", "13", "家", None, "广州开发区")
    b.sentence("知识产权质押融资金额从1.48亿元增至26.13亿元。")
    b.value("知识产权质押融资", "2613000000", "元", None, "广州开发区", text="26.13亿元")
    return b.build()


def gz_2022() -> Document:
    """A 2022 report on 广州市 (seed 004 style)."""
    b = DocBuilder("gz_2022", published="2022-04-26", region="广州市", title="广州全力打造引领型知识产权强市")
    b.sentence("4月20日，2022年知识产权宣传周启动暨广州知识产权成果展示专题活动举行。")
    b.event("2022年知识产权宣传周启动暨广州知识产权成果展示专题活动", "2022-04-20", "广州市")
    b.sentence("全市专利授权量18.95万件，同比增长21.6%；每万人口高价值发明专利拥有量20件。")
    b.value("专利授权量", "189500", "件", "2021", "广州市", text="18.95万件")
    b.value("每万人口高价值发明专利拥有量", "20", "件", "2021", "广州市")
    b.sentence("截至2021年底，广州有效发明专利9.3万件；万人发明专利拥有量49.5件，万人高价值发明专利拥有量20件。")
    b.value("有效发明专利", "93000", "件", "2021-12", "广州市", text="9.3万件")
    b.value("万人发明专利拥有量", "49.5", "件", "2021-12", "广州市")
    b.value("万人高价值发明专利拥有量", "20", "件", "2021-12", "广州市")
    b.sentence("广州积极推动知识产权海外侵权责任保险，落地全国第一单知识产权海外侵权责任险。")
    b.first("national", "first", "知识产权海外侵权责任险", "广州市")
    b.sentence("到2025年，广州每万人口高价值发明专利拥有量达30件。")
    b.value("每万人口高价值发明专利拥有量", "30", "件", "2025", "广州市", target=True)
    return b.build()


def yuexiu_2025() -> Document:
    """A 2025 report on 越秀区 (seed 003 style)."""
    b = DocBuilder("yuexiu_2025", published="2025-09-01", region="越秀区", title="广州市越秀区全链条激活知识产权")
    b.sentence("全国首单智慧建设概念知识产权证券化产品落地。")
    b.first("national", "first", "智慧建设概念知识产权证券化产品", "越秀区")
    b.sentence("2024年，全区每万人高价值发明专利拥有量达97.51件，是全国平均水平的7.1倍。")
    b.value("每万人高价值发明专利拥有量", "97.51", "件", "2024", "越秀区")
    b.sentence("2024年，发行“越知1号”知识产权资产支持专项计划，发行规模7800万元。")
    b.product("securitization", "越知1号", "越秀区", "2024", "78000000")
    return b.build()


def guangzhou_corpus() -> list[Document]:
    return [gdz_2022(), gdz_reform(), gz_2022(), yuexiu_2025()]


# --- Other regions, same style --------------------------------------------------------------

def shenzhen_2021() -> Document:
    b = DocBuilder("shenzhen_2021", published="2021-05-10", region="深圳市", title="深圳知识产权金融创新")
    b.sentence("深圳落地全国首单知识产权海外侵权责任保险。")
    b.first("national", "first", "知识产权海外侵权责任保险", "深圳市")
    b.sentence("2020年，深圳知识产权质押融资金额达150.5亿元，每万人口发明专利拥有量119.1件。")
    b.value("知识产权质押融资金额", "15050000000", "元", "2020", "深圳市", text="150.5亿元")
    b.value("每万人口发明专利拥有量", "119.1", "件", "2020", "深圳市")
    b.sentence("南山区成立全省首家知识产权公证处。")
    b.first("provincial", "first", "知识产权公证处", "南山区")
    return b.build()


def zhejiang_2023() -> Document:
    b = DocBuilder("zhejiang_2023", published="2023-02-01", region="杭州市", title="杭州知识产权保护")
    b.sentence("杭州成立全省首家知识产权纠纷人民调解委员会。")
    b.first("provincial", "first", "知识产权纠纷人民调解委员会", "杭州市")
    b.sentence("2022年，全市知识产权质押融资笔数1200笔。")
    b.value("知识产权质押融资", "1200", "笔", "2022", "杭州市")
    return b.build()


def jiangsu_2023() -> Document:
    b = DocBuilder("jiangsu_2023", published="2023-03-01", region="苏州市", title="苏州知识产权保护")
    b.sentence("苏州成立全省首家知识产权纠纷人民调解委员会。")
    b.first("provincial", "first", "知识产权纠纷人民调解委员会", "苏州市")
    return b.build()
