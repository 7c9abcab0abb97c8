"""First claims: cue, kind, scope, subject, region; what is not a claim; the vocabulary."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytrack.extract import firsts
from policytrack.models import Document, FirstKind, FirstScope, PartialDate

Row = tuple[str, str, str, "str | None"]  # scope, kind, subject, region


def claims(text: str, region: str | None = None, published: PartialDate | None = None) -> list[Row]:
    doc = Document(id="t", text=text, region=region, published=published)
    return [(str(c.scope), str(c.kind), c.subject, c.region) for c in firsts.extract(doc)]


# (id, sentence, document region, expected claims)
SEEDS: list[tuple[str, str, str | None, list[Row]]] = [
    (
        "seed-coordinated-shared-head",
        "广州开发区分别发行了全国首支纯专利、纯商标资产证券化产品，目前已累计发行4支知识产权证券化产品。",
        "广州开发区",
        [
            ("national", "first", "纯专利资产证券化产品", "广州开发区"),
            ("national", "first", "纯商标资产证券化产品", "广州开发区"),
        ],
    ),
    (
        "seed-national-first-order",
        "为此，广州开发区推动落地了全国首单知识产权海外侵权责任保险，涵盖侵犯第三方知识产权而直接引起的诉讼。",
        "广州开发区",
        [("national", "first", "知识产权海外侵权责任保险", "广州开发区")],
    ),
    (
        "seed-pioneer-and-provincial",
        "近年来，该区出台“粤港澳知识产权互认10条”，在全国首推湾区知识产权互融互通，成立全省首家粤港澳大湾区知识产权联盟。",
        "广州开发区",
        [
            ("national", "pioneer", "湾区知识产权互融互通", "广州开发区"),
            ("provincial", "first", "粤港澳大湾区知识产权联盟", "广州开发区"),
        ],
    ),
    (
        "seed-quoted-shoucuang-is-nominal",
        "纵观广州开发区近年来在知识产权政策领域的创新，多个“全省首创”项目引人注目。",
        "广州开发区",
        [],
    ),
    (
        "seed-place-of-landing",
        "2020年，全国首个新一代信息技术知识产权证券化产品在广州开发区落地。",
        "广州市",
        [("national", "first", "新一代信息技术知识产权证券化产品", "广州开发区")],
    ),
    (
        "seed-frame-kaichuang-xianhe",
        "2019年，成功发行纯专利权知识产权证券化产品，开创科技企业运用专利许可在资本市场融资先河。",
        "广州开发区",
        [("unspecified", "pioneer", "科技企业运用专利许可在资本市场融资", "广州开发区")],
    ),
    (
        "seed-first-batch-guapai-inside-np",
        "金发科技股份有限公司是第一批工作站挂牌单位。",
        "广州开发区",
        [("unspecified", "first_batch", "工作站挂牌单位", "广州开发区")],
    ),
    (
        "seed-rankings-not-claims",
        "广东全省发明专利有效量达53.92万件，连续13年保持全国首位，其中高价值发明专利有效量26.07万件，也居全国首位。",
        "广东省",
        [],
    ),
    ("seed-first-driving-force", "创新是引领发展的第一动力，保护知识产权就是保护创新。", "广东省", []),
    ("seed-first-edition", "举办首届粤东西北知识产权创新创业大赛。", "广东省", []),
    (
        "seed-two-first-batches",
        "作为全国首批国家知识产权强县建设示范县、全国首批全省唯一国家知识产权服务业高质量集聚发展试验区，越秀区深入贯彻。",
        "越秀区",
        [
            ("national", "first_batch", "国家知识产权强县建设示范县", "越秀区"),
            ("national", "first_batch", "国家知识产权服务业高质量集聚发展试验区", "越秀区"),
        ],
    ),
    (
        "seed-municipal-pioneer",
        "在全市首创知识产权“一站式”综合服务平台，引入香港知识产权问询点。",
        "越秀区",
        [("municipal", "pioneer", "知识产权“一站式”综合服务平台", "越秀区")],
    ),
    (
        "seed-city-name-as-scope",
        "发行规模7800万元，是广州市首支在中国银行间市场发行的知识产权科创票据ABN。",
        "越秀区",
        [("municipal", "first", "在中国银行间市场发行的知识产权科创票据ABN", "越秀区")],
    ),
    (
        "seed-shouci-with-scope",
        "在全省首次采用“保理+信托”结构下的知识产权质押贷款模式，发行规模7800万元。",
        "越秀区",
        [("provincial", "first", "“保理+信托”结构下的知识产权质押贷款模式", "越秀区")],
    ),
    (
        "seed-ranking-and-ordinal",
        "获中国专利金奖1项，金银奖数量全市第一；广东省人民医院登记数据知识产权数量居全市首位、全省第二。",
        "越秀区",
        [],
    ),
    (
        "seed-aim-not-claim",
        "打造知识产权文化传播特色区，争取率先在全国形成“广州示范经验”。",
        "广州市",
        [],
    ),
    (
        "seed-pioneer-coordination",
        "在全国率先发行纯专利和纯商标知识产权证券化产品，先后发行4只知识产权证券化产品。",
        "广州市",
        [
            ("national", "pioneer", "纯专利知识产权证券化产品", "广州市"),
            ("national", "pioneer", "纯商标知识产权证券化产品", "广州市"),
        ],
    ),
    (
        "seed-shoucuang-list-nominal",
        "深化知识产权运用和保护综合改革试验，梳理出20项全国、全省首创清单。",
        "广州市",
        [],
    ),
    (
        "seed-shouci-unspecified",
        "融资金额103.85亿元，同比增长55.54%，融资金额首次突破百亿元。",
        "广州市",
        [("unspecified", "first", "突破百亿元", "广州市")],
    ),
    (
        "seed-adoption-verb-no-claimant",
        "设18个服务窗口，接入全国首个国产化检索分析系统。",
        "越秀区",
        [("national", "first", "国产化检索分析系统", None)],
    ),
    (
        "seed-appositive-dash",
        "挂牌全国首个知识产权保险中心——中国人保粤港澳大湾区知识产权保险中心，实现了国内首例知识产权海外侵权责任险赔付。",
        "广州市",
        [
            ("national", "first", "知识产权保险中心", "广州市"),
            ("national", "first", "知识产权海外侵权责任险赔付", "广州市"),
        ],
    ),
]

# the same style of sentence about other regions
OTHER_REGIONS: list[tuple[str, str, str | None, list[Row]]] = [
    (
        "shenzhen-national",
        "深圳落地全国首单知识产权证券化产品。",
        "深圳市",
        [("national", "first", "知识产权证券化产品", "深圳市")],
    ),
    (
        "zhejiang-pioneer-subject-not-scope",
        "浙江省率先出台数据知识产权登记办法。",
        None,
        [("unspecified", "pioneer", "数据知识产权登记办法", "浙江省")],
    ),
    (
        "shanghai-pudong-claimant",
        "上海市浦东新区设立全国首个知识产权金融服务中心。",
        "上海市",
        [("national", "first", "知识产权金融服务中心", "浦东新区")],
    ),
    (
        "chengdu-western-regional",
        "成都发行西部首单知识产权证券化产品。",
        "成都市",
        [("regional", "first", "知识产权证券化产品", "成都市")],
    ),
    (
        "jiangsu-province-name-scope",
        "江苏省首家知识产权保护中心正式揭牌成立。",
        "江苏省",
        [("provincial", "first", "知识产权保护中心", "江苏省")],
    ),
    (
        "beijing-zai-quanguo-shuaixian",
        "北京市在全国率先建立技术调查官制度。",
        "北京市",
        [("national", "pioneer", "技术调查官制度", "北京市")],
    ),
    (
        "shenzhen-district-name-scope",
        "龙华区首单知识产权质押融资业务落地。",
        "深圳市",
        [("district", "first", "知识产权质押融资业务", "深圳市龙华区")],
    ),
    (
        "sichuan-shuaixian-zai-quanguo",
        "四川率先在全国开展知识产权质押融资风险补偿。",
        "四川省",
        [("national", "pioneer", "知识产权质押融资风险补偿", "四川省")],
    ),
    (
        "hangzhou-coordination-he",
        "杭州发行全国首批专利和商标质押融资ABS。",
        "杭州市",
        [
            ("national", "first_batch", "专利质押融资ABS", "杭州市"),
            ("national", "first_batch", "商标质押融资ABS", "杭州市"),
        ],
    ),
    (
        "global-scope",
        "该中心是全球首个知识产权区块链公共服务平台。",
        "北京市",
        [("global", "first", "知识产权区块链公共服务平台", "北京市")],
    ),
    (
        "frame-with-national-scope",
        "苏州开创了国内知识产权证券化的先河。",
        "苏州市",
        [("national", "pioneer", "知识产权证券化", "苏州市")],
    ),
    (
        "zuizao-needs-scope",
        "上海是全国最早开展知识产权质押融资的城市之一，相关记录最早可追溯到上世纪。",
        "上海市",
        [("national", "pioneer", "开展知识产权质押融资的城市之一", "上海市")],
    ),
    (
        "shanghai-municipality-and-shared-scope",
        "临港新片区诞生了上海首单知识产权证券化产品和首单知识产权保险。",
        "上海市",
        [
            ("municipal", "first", "知识产权证券化产品", "临港新片区"),
            ("municipal", "first", "知识产权保险", "临港新片区"),
        ],
    ),
    (
        "shenzhen-qianhai-enumerated-claims",
        "前海成立全国首家知识产权金融服务中心、首个海外知识产权维权援助分中心。",
        "深圳市",
        [
            ("national", "first", "知识产权金融服务中心", "前海深港现代服务业合作区"),
            ("national", "first", "海外知识产权维权援助分中心", "前海深港现代服务业合作区"),
        ],
    ),
    (
        "zhejiang-yuhang-district-claimant",
        "杭州市余杭区落地全省首笔数据知识产权质押贷款，金额1000万元。",
        "浙江省",
        [("provincial", "first", "数据知识产权质押贷款", "余杭区")],
    ),
    (
        "sichuan-central-western-regional",
        "成都高新区发行中西部首单知识产权证券化产品，规模达3亿元。",
        "成都市",
        [("regional", "first", "知识产权证券化产品", "成都高新区")],
    ),
    (
        "national-press-shouci-with-scope-after-shuaixian",
        "2021年，深圳市率先在全国出台知识产权保护条例，首次将惩罚性赔偿写入地方性法规。",
        "中国",
        [
            ("national", "pioneer", "知识产权保护条例", "深圳市"),
            ("unspecified", "first", "将惩罚性赔偿写入地方性法规", "深圳市"),
        ],
    ),
    (
        "dedupe-repeated-claim",
        "深圳发行全国首单知识产权证券化产品。全国首单知识产权证券化产品——“深知1号”发行。",
        "深圳市",
        [("national", "first", "知识产权证券化产品", "深圳市")],
    ),
]

NOT_CLAIMS: list[tuple[str, str]] = [
    ("ranking-shouwei", "北京市发明专利拥有量居全国首位。"),
    ("ranking-diyi", "上海市专利质押金额全市第一。"),
    ("ranking-diyiming", "浙江代表队获得第一名。"),
    ("aim-lizheng", "江苏力争率先建成知识产权强省。"),
    ("aim-jiang", "成都将率先推出知识产权保险产品。"),
    ("aim-target-year", "到2025年，率先建成知识产权强国示范省。"),
    ("aim-lizheng-zai-quanguo", "南京市知识产权局将力争在全国率先建成知识产权强市。"),
    (
        "ranking-long-sentence",
        "深圳市质押融资登记金额居全国首位，PCT国际专利申请量连续18年位居全国大中城市第一。",
    ),
    ("shouxian", "首先，深圳完善了知识产权保护体系。"),
    ("shoudu", "首都知识产权服务业协会成立。"),
    ("shoujie", "上海举办首届知识产权国际论坛。"),
    ("shoutaitao", "支持首台（套）重大技术装备推广应用。"),
    ("workday", "新规于首个工作日起施行。"),
    ("shoucuang-spirit", "发扬首创精神，推动知识产权事业发展。"),
    ("empty-after-cue", "这是全国首个。"),
]


def _ids(rows: list[tuple[str, str, str | None, list[Row]]]) -> list[str]:
    return [r[0] for r in rows]


@pytest.mark.parametrize(("case", "text", "region", "expected"), SEEDS, ids=_ids(SEEDS))
def test_seed_sentences(case: str, text: str, region: str | None, expected: list[Row]) -> None:
    assert claims(text, region) == expected


@pytest.mark.parametrize(("case", "text", "region", "expected"), OTHER_REGIONS, ids=_ids(OTHER_REGIONS))
def test_other_regions(case: str, text: str, region: str | None, expected: list[Row]) -> None:
    assert claims(text, region) == expected


@pytest.mark.parametrize(("case", "text"), NOT_CLAIMS, ids=[c[0] for c in NOT_CLAIMS])
def test_not_claims(case: str, text: str) -> None:
    assert claims(text, "深圳市") == []


def test_evidence_date_and_cue() -> None:
    text = "前言。\n此外，该区还于2019年成立全省首家知识产权调解中心，组建调解员队伍。"
    doc = Document(id="t", text=text, region="广州开发区", published=PartialDate(2022, 3, 4))
    (claim,) = firsts.extract(doc)
    assert claim.evidence.text == text[claim.evidence.start : claim.evidence.end]
    assert claim.evidence.text.startswith("此外")
    assert claim.date == PartialDate(2019)
    assert claim.cue == "首家"
    assert (claim.scope, claim.kind) == (FirstScope.PROVINCIAL, FirstKind.FIRST)


def test_frame_cue_is_recorded_with_its_closer() -> None:
    (claim,) = firsts.extract(Document(id="t", text="开创全国知识产权保险先河。"))
    assert claim.cue == "开创…先河"


# --- robustness ---------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="全国省市首个单批次率先创开先河在落地的、，。和广州深圳“”—（了争取第一", max_size=60))
def test_never_raises_and_subjects_are_in_the_evidence(text: str) -> None:
    for claim in firsts.extract(Document(id="t", text=text)):
        assert claim.evidence.text == text[claim.evidence.start : claim.evidence.end]
        assert claim.subject


@pytest.mark.parametrize(
    "text",
    ["全国首个" * 25_000, "首" * 100_000, "在全国率先" * 20_000, "开创" * 50_000 + "先河", "、" * 100_000],
    ids=["cues", "shou", "shuaixian", "frame", "enumeration"],
)
def test_long_adversarial_input_is_fast(text: str) -> None:
    start = time.perf_counter()
    firsts.extract(Document(id="t", text=text))
    assert time.perf_counter() - start < 10


# --- vocabulary integrity ----------------------------------------------

VOCAB = firsts.load_vocabulary()
LISTS = [k for k, v in VOCAB.items() if isinstance(v, list)]


def test_vocabulary_values_are_valid() -> None:
    assert {FirstKind(k) for k in VOCAB["counters"].values()} == {FirstKind.FIRST, FirstKind.FIRST_BATCH}
    assert {FirstScope(s) for s in VOCAB["scopes"].values()} <= set(FirstScope)
    assert all(isinstance(v, bool) for v in VOCAB["pioneer_cues"].values())
    for name in VOCAB:
        if not name.startswith("_"):
            assert name in VOCAB["_comment"], f"{name} is not described in _comment"


@pytest.mark.parametrize("name", LISTS, ids=LISTS)
def test_vocabulary_lists_have_unique_non_empty_words(name: str) -> None:
    words = VOCAB[name]
    assert words and all(isinstance(w, str) and w.strip() == w and w for w in words)
    assert len(set(words)) == len(words)


def test_every_non_claim_starts_with_a_cue() -> None:
    counters = "|".join(map(re.escape, VOCAB["counters"]))
    cue = re.compile(rf"(?:首|第一)(?:{counters})|" + "|".join(map(re.escape, VOCAB["pioneer_cues"])))
    for word in VOCAB["cue_non_claims"]:
        assert cue.match(word), word
