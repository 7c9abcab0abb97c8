"""The milestone extractor: measurements, targets and events read from sentences."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytrack.extract import milestones
from policytrack.models import Document, Milestone, PartialDate

# (id, text, published, document region, expected records)
# expected record: (kind, metric or a word the event description contains, value, unit, date, region)
Row = tuple[
    str, str, str | None, str | None, list[tuple[str, str, str | None, str | None, str | None, str | None]]
]

SEEDS: list[Row] = [
    (
        "seed-as-of-list",
        "截至2021年，该区有效发明专利22452件，累计获得中国专利奖、广东省专利奖255项，"
        "国家知识产权优势企业、示范企业74家，每万人高价值专利拥有量177.57件。",
        "2022-03-04",
        "广州开发区",
        [
            ("measurement", "有效发明专利", "22452", "件", "2021", "广州开发区"),
            ("measurement", "获得中国专利奖、广东省专利奖", "255", "项", "2021", "广州开发区"),
            ("measurement", "国家知识产权优势企业、示范企业", "74", "家", "2021", "广州开发区"),
            ("measurement", "每万人高价值专利拥有量", "177.57", "件", "2021", "广州开发区"),
        ],
    ),
    (
        "seed-present-and-object",
        "据悉，目前该区已有26家企业购买知识产权海外侵权责任保险，总保额达6860万元。",
        "2022-03-04",
        "广州开发区",
        [
            ("measurement", "企业购买知识产权海外侵权责任保险", "26", "家", "2022", "广州开发区"),
            ("measurement", "总保额", "68600000", "元", "2022", "广州开发区"),
        ],
    ),
    (
        "seed-from-to",
        "五年来，广州开发区年专利申请量由1.39万件提高到3.52万件，增长1.54倍。",
        None,
        "广州开发区",
        [
            ("measurement", "年专利申请量", "13900", "件", None, "广州开发区"),
            ("measurement", "年专利申请量", "35200", "件", None, "广州开发区"),
        ],
    ),
    (
        "seed-awards-list",
        "2021年，我国专利领域最高奖项——第二十二届中国专利奖名单揭晓，广州市获奖80项，包括2项金奖、6项银奖、72项优秀奖。",
        "2022-04-26",
        "广州市",
        [
            ("measurement", "获奖", "80", "项", "2021", "广州市"),
            ("measurement", "金奖", "2", "项", "2021", "广州市"),
            ("measurement", "银奖", "6", "项", "2021", "广州市"),
            ("measurement", "优秀奖", "72", "项", "2021", "广州市"),
            ("event", "中国专利奖名单揭晓", None, None, "2021", "中国"),
        ],
    ),
    (
        "seed-target-semicolon",
        "到2025年，广州每万人口高价值发明专利拥有量达30件，知识产权质押融资登记项目数、质押融资登记金额年均增长6%以上；"
        "专利密集型产业增加值占GDP比重达13%。",
        "2022-04-26",
        "广州市",
        [
            ("target", "每万人口高价值发明专利拥有量", "30", "件", "2025", "广州市"),
            ("target", "知识产权质押融资登记项目数", "6", "%", "2025", "广州市"),
            ("target", "质押融资登记金额", "6", "%", "2025", "广州市"),
            ("target", "专利密集型产业增加值占GDP比重", "13", "%", "2025", "广州市"),
        ],
    ),
    (
        "seed-event-month",
        "2016年7月，中新广州知识城经国务院批准同意，开展知识产权运用和保护综合改革试验。",
        None,
        "广州开发区",
        [("event", "综合改革试验", None, None, "2016-07", "中新广州知识城")],
    ),
    (
        "seed-yu-date-events-only",
        "此外，该区还于2019年成立全省首家粤港澳大湾区知识产权调解中心，组建200人粤港澳大湾区知识产权调解员队伍，其中港澳籍调解员共40人。",
        "2022-03-04",
        "广州开发区",
        [
            ("event", "调解中心", None, None, "2019", "广州开发区"),
            ("measurement", "组建知识产权调解员队伍", "200", "人", None, "广州开发区"),
            ("measurement", "港澳籍调解员", "40", "人", None, "广州开发区"),
        ],
    ),
    (
        "seed-change-and-share",
        "白皮书显示,2022年,广东全省专利和商标质押金额达970.24亿元,同比增长119.25%,占全国总量的19.93%。",
        "2023-04-24",
        "广东省",
        [
            ("measurement", "专利和商标质押金额", "97024000000", "元", "2022", "广东省"),
            ("measurement", "占全国总量", "19.93", "%", "2022", "广东省"),
        ],
    ),
    (
        "seed-verb-before-count",
        "同期,广东全省新发行20单知识产权证券化产品,发行金额超过42亿元,惠及超过300家科创企业。",
        "2023-04-24",
        "广东省",
        [
            ("measurement", "新发行知识产权证券化产品", "20", "单", None, "广东省"),
            ("measurement", "发行金额", "4200000000", "元", None, "广东省"),
            ("measurement", "惠及科创企业", "300", "家", None, "广东省"),
        ],
    ),
    (
        "seed-setup-amounts-are-products",
        "设立2000万元知识产权质押融资风险补偿资金池和6500万元广州开发区知识产权运营发展基金。",
        None,
        "广州开发区",
        [],
    ),
    (
        "seed-comparison-keeps-region",
        "目前全区已集聚超600家知识产权服务机构、443名执业专利代理师(占全市1/4)。",
        None,
        "越秀区",
        [
            ("measurement", "集聚知识产权服务机构", "600", "家", None, "越秀区"),
            ("measurement", "执业专利代理师", "443", "名", None, "越秀区"),
            ("measurement", "占全市", "25", "%", None, "越秀区"),
        ],
    ),
]

OTHER_REGIONS: list[Row] = [
    (
        "shenzhen-semicolon-inherits-date",
        "2022年，深圳市专利授权量27.5万件，同比增长8.6%；其中发明专利授权量5.2万件。",
        "2023-02-01",
        "深圳市",
        [
            ("measurement", "专利授权量", "275000", "件", "2022", "深圳市"),
            ("measurement", "发明专利授权量", "52000", "件", "2022", "深圳市"),
        ],
    ),
    (
        "shanghai-as-of-year-end",
        "截至2022年底，上海市每万人口高价值发明专利拥有量达到34.6件。",
        "2023-01-10",
        "上海市",
        [("measurement", "每万人口高价值发明专利拥有量", "34.6", "件", "2022-12", "上海市")],
    ),
    (
        "hangzhou-scope-word-and-beneficiaries",
        "据统计，2022年全市知识产权质押融资额为86.5亿元，比上年增长25.3%，惠及企业1500家。",
        "2023-03-01",
        "杭州市",
        [
            ("measurement", "知识产权质押融资额", "8650000000", "元", "2022", "杭州市"),
            ("measurement", "惠及企业", "1500", "家", "2022", "杭州市"),
        ],
    ),
    (
        "chengdu-relative-year-list",
        "去年，成都市新增国家知识产权示范企业15家、优势企业42家。",
        "2022-06-01",
        "成都市",
        [
            ("measurement", "新增国家知识产权示范企业", "15", "家", "2021", "成都市"),
            ("measurement", "优势企业", "42", "家", "2021", "成都市"),
        ],
    ),
    (
        "suzhou-rank-is-not-a-value",
        "2021年苏州市PCT国际专利申请量达2100件，位居全省第一。",
        "2022-06-01",
        "苏州市",
        [("measurement", "PCT国际专利申请量", "2100", "件", "2021", "苏州市")],
    ),
    (
        "shenzhen-target-will-reach",
        "到2025年，深圳每万人口高价值发明专利拥有量将达到40件。",
        "2022-06-01",
        "深圳市",
        [("target", "每万人口高价值发明专利拥有量", "40", "件", "2025", "深圳市")],
    ),
    (
        "zhejiang-target-cue",
        "力争全年知识产权质押融资额突破300亿元。",
        "2023-02-01",
        "浙江省",
        [("target", "知识产权质押融资额", "30000000000", "元", None, "浙江省")],
    ),
    (
        "zhejiang-event-title",
        "2023年5月，浙江省知识产权局印发《浙江省知识产权质押融资风险补偿管理办法》。",
        "2023-06-01",
        "浙江省",
        [("event", "知识产权质押融资风险补偿管理办法", None, None, "2023-05", "浙江省")],
    ),
    (
        "shanghai-event-unveiled",
        "2021年8月，上海知识产权交易中心揭牌成立。",
        "2021-09-01",
        "上海市",
        [("event", "上海知识产权交易中心", None, None, "2021-08", "上海市")],
    ),
    (
        "sichuan-from-to-over-five-years",
        "五年来，四川省有效发明专利由2.1万件增加到6.3万件。",
        "2022-04-26",
        "四川省",
        [
            ("measurement", "有效发明专利", "21000", "件", "2017", "四川省"),
            ("measurement", "有效发明专利", "63000", "件", "2022", "四川省"),
        ],
    ),
    (
        "nanjing-award-list",
        "2022年，南京市获第二十三届中国专利奖金奖3项、银奖5项、优秀奖41项。",
        "2023-04-26",
        "南京市",
        [
            ("measurement", "获第二十三届中国专利奖金奖", "3", "项", "2022", "南京市"),
            ("measurement", "银奖", "5", "项", "2022", "南京市"),
            ("measurement", "优秀奖", "41", "项", "2022", "南京市"),
        ],
    ),
    (
        "wuhan-share-of-province",
        "2023年，武汉市知识产权质押融资登记金额达156亿元，同比增长41%，占全省比重超过60%。",
        "2024-01-15",
        "武汉市",
        [
            ("measurement", "知识产权质押融资登记金额", "15600000000", "元", "2023", "武汉市"),
            ("measurement", "占全省比重", "60", "%", "2023", "武汉市"),
        ],
    ),
    (
        "suzhou-target-continues-a-measurement",
        "2022年，苏州市专利授权量10.2万件，力争2023年达到12万件。",
        "2023-01-05",
        "苏州市",
        [
            ("measurement", "专利授权量", "102000", "件", "2022", "苏州市"),
            ("target", "专利授权量", "120000", "件", "2023", "苏州市"),
        ],
    ),
    (
        "chengdu-yu-date-dates-the-event-not-the-count",
        "该中心于2020年12月正式揭牌运行，累计受理专利预审案件4300余件。",
        "2023-01-05",
        "成都市",
        [
            ("event", "揭牌运行", None, None, "2020-12", "成都市"),
            ("measurement", "受理专利预审案件", "4300", "件", None, "成都市"),
        ],
    ),
    (
        "hangzhou-present-is-publication-year",
        "截至目前，杭州市累计发放知识产权质押贷款320亿元，服务企业2100余家。",
        "2023-01-05",
        "杭州市",
        [
            ("measurement", "发放知识产权质押贷款", "32000000000", "元", "2023", "杭州市"),
            ("measurement", "服务企业", "2100", "家", "2023", "杭州市"),
        ],
    ),
    (
        "ningbo-planned-fund-is-nothing",
        "宁波将设立10亿元知识产权运营基金。",
        "2024-01-15",
        "宁波市",
        [],
    ),
    (
        "beijing-undated-event-is-nothing",
        "北京市知识产权局与多家银行签订战略合作协议。",
        "2024-01-15",
        "北京市",
        [],
    ),
]

BUGS: list[Row] = [
    (
        "dateline-bracket-story-is-read",  # 【…讯】 opens a story, not page furniture
        "【某日报讯】记者报道：2023年，江苏省专利授权量12.5万件。",
        "2024-02-01",
        "江苏省",
        [("measurement", "专利授权量", "125000", "件", "2023", "江苏省")],
    ),
    (
        "marker-inside-word-does-not-cut-name",  # 使 of 使用费 is not a subject marker
        "2023年，浙江省技术使用费年收入达120亿元。",
        "2024-02-01",
        "浙江省",
        [("measurement", "技术使用费年收入", "12000000000", "元", "2023", "浙江省")],
    ),
    (
        "future-auxiliary-before-reach-verb-is-target",  # 将实现/将培育形成: aims, not results
        "在第一阶段(2024年)，将实现全市60%以上企业建立知识产权管理制度。第二阶段(2025年)，将培育形成8个知识产权密集型产业集群。",
        "2023-12-01",
        "成都市",
        [
            ("target", "实现全市企业建立知识产权管理制度", "60", "%", "2024", "成都市"),
            ("target", "培育形成知识产权密集型产业集群", "8", "个", "2025", "成都市"),
        ],
    ),
    (
        "prepositional-frame-is-no-event",  # 在启动…阶段 times what follows
        "在启动实施阶段(2021年)，各区县完成知识产权工作部署。",
        "2021-05-01",
        "苏州市",
        [],
    ),
    (
        "period-name-takes-previous-statistic",  # 与上年同期…相比: an earlier value of the same statistic
        "2023年，四川省商标注册量达9.2万件，与上年同期8.1万件相比增长13.6%。",
        "2024-01-10",
        "四川省",
        [
            ("measurement", "商标注册量", "92000", "件", "2023", "四川省"),
            ("measurement", "商标注册量", "81000", "件", "2023", "四川省"),
        ],
    ),
    (
        "size-of-fund-set-up-read-left",  # 设立规模为X的…基金: a product's size, not a statistic
        "2022年，湖北省设立了规模为5亿元的知识产权运营基金。",
        "2023-01-10",
        "湖北省",
        [],
    ),
    (
        "yesterday-dates-event-to-the-day",  # 昨日 against the publication day
        "昨日，厦门市召开知识产权工作新闻发布会。",
        "2024-04-22",
        "厦门市",
        [("event", "新闻发布会", None, None, "2024-04-21", "厦门市")],
    ),
    (
        "bare-day-takes-publication-month",  # 18日 with no month: the dateline's day
        "国家知识产权局在18日举行的发布会上介绍情况。",
        "2024-01-19",
        "中国",
        [("event", "发布会", None, None, "2024-01-18", "中国")],
    ),
    (
        "citation-clause-is-no-event",  # …发布《报告》显示: a source, not an event
        "2023年，某研究机构发布的《创新指数报告》显示，南京排名上升。",
        "2024-01-10",
        "南京市",
        [],
    ),
    (
        "comma-before-year",  # the date finder reads "显示,2022年" as a number with a separator
        "数据显示,2022年,全市商标注册量12.3万件。",
        "2023-01-01",
        "厦门市",
        [("measurement", "商标注册量", "123000", "件", "2022", "厦门市")],
    ),
    (
        "list-break-right-after-value",  # 银奖2项,外观设计银奖1项、优秀奖4项: 1项 is 外观设计银奖
        "更斩获中国专利奖银奖2项,外观设计银奖1项、优秀奖4项。",
        None,
        "越秀区",
        [
            ("measurement", "斩获中国专利奖银奖", "2", "项", None, "越秀区"),
            ("measurement", "外观设计银奖", "1", "项", None, "越秀区"),
            ("measurement", "优秀奖", "4", "项", None, "越秀区"),
        ],
    ),
    (
        "threshold-restated",
        "融资金额103.85亿元，同比增长55.54%，融资金额首次突破百亿元。",
        None,
        "广州市",
        [("measurement", "融资金额", "10385000000", "元", None, "广州市")],
    ),
    (
        "article-numeral-one",
        "一场围绕知识产权的行动正持续升温。",
        None,
        "越秀区",
        [],
    ),
    # round 2: noise values, fragment names, context dates, product terms, event verbs
    (
        "demonstrative-days",  # 这两天: "these days", not a count
        "这两天，苏州某企业负责人很忙。",
        "2024-05-10",
        "苏州市",
        [],
    ),
    (
        "demonstrative-refers-back",  # 这8家企业 restates the 8 companies counted before
        "共有8家企业入池。这8家企业均为高新技术企业。",
        None,
        "合肥市",
        [("measurement", "企业入池", "8", "家", None, "合肥市")],
    ),
    (
        "extreme-example-in-speech",  # an example's extreme, not a statistic
        "“我们接的订单最小的只有200多元，最大的也就五六万元。”",
        None,
        "杭州市",
        [],
    ),
    (
        "ranking-of-fields",  # 增长最快的三个领域 is a ranking; 按照…划分的20个行业 a classification
        "按照国家统计局划分的20个行业统计，截至2023年底，全省有效发明专利增长最快的三个领域分别是A、B和C。",
        "2024-01-20",
        "江苏省",
        [],
    ),
    (
        "ordinal-in-name-is-a-rank",
        "西安也是全国10个城市中第4个获批建设该中心的城市。",
        None,
        "西安市",
        [],
    ),
    (
        "rate-per-year-is-not-a-name",  # 3.1%每年: the name is to the left
        "在政策支持下，企业综合融资成本仅为3.1%每年。",
        None,
        "青岛市",
        [("measurement", "企业综合融资成本", "3.1", "%", None, "青岛市")],
    ),
    (
        "product-terms-in-paragraph-about-one-product",  # the product's size and coupon are its attributes
        "该产品为全省首单数据知识产权证券化产品。产品发行规模1.2亿元，票面利率2.5%，入池企业9家。",
        None,
        "杭州市",
        [("measurement", "入池企业", "9", "家", None, "杭州市")],
    ),
    (
        "aggregate-issue-size-is-a-statistic",  # 累计: many products summed, even after a 首单 sentence
        "全省首单专利证券化产品落地。全省累计发行规模36亿元。",
        None,
        "四川省",
        [("measurement", "发行规模", "3600000000", "元", None, "四川省")],
    ),
    (
        "bare-year-end-takes-paragraph-year",  # 截至年底 after a 2022年 sentence: 2022-12
        "2022年，全市专利授权量6.2万件。截至年底，全市有效发明专利4.9万件。",
        "2023-04-20",
        "天津市",
        [
            ("measurement", "专利授权量", "62000", "件", "2022", "天津市"),
            ("measurement", "有效发明专利", "49000", "件", "2022-12", "天津市"),
        ],
    ),
    (
        "same-year-month-takes-paragraph-year",  # 同年5月 after 2021年: 2021-05
        "2021年，某企业获评专精特新企业。同年5月，全市新增专利质押项目12个。",
        "2023-02-01",
        "长沙市",
        [
            ("measurement", "新增专利质押项目", "12", "个", "2021-05", "长沙市"),
            ("event", "获评专精特新企业", None, None, "2021", "长沙市"),
        ],
    ),
    (
        "lead-deal-dates-the-article",  # an article opening with a deal: its figures are of that year
        "近日，苏州首单知识产权资产支持专项计划在深圳证券交易所正式挂牌。\n本期共有12家科技企业入池。",
        "2025-06-10",
        "苏州市",
        [
            ("event", "专项计划在深圳证券交易所正式挂牌", None, None, "2025-06", "苏州市"),
            ("measurement", "科技企业入池", "12", "家", "2025", "苏州市"),
        ],
    ),
    (
        "lead-meeting-does-not-date-the-article",  # a press conference reports other periods
        "4月20日，成都市举行新闻发布会。\n全市建成知识产权服务站30个。",
        "2024-04-21",
        "成都市",
        [
            ("event", "成都市举行新闻发布会", None, None, "2024-04-20", "成都市"),
            ("measurement", "建成知识产权服务站", "30", "个", None, "成都市"),
        ],
    ),
    (
        "contest-closes",  # 落下帷幕: an event verb
        "2023年，福建省高价值专利培育大赛在福州落下帷幕。",
        None,
        "福建省",
        [("event", "高价值专利培育大赛在福州落下帷幕", None, None, "2023", "福建省")],
    ),
    (
        "past-year-sums-up-the-year-before",  # 一年间 in an April 2023 article: the 2022 figures
        "一年间，武汉市市场监管局办结专利侵权纠纷案件860宗。",
        "2023-04-20",
        "武汉市",
        [("measurement", "市场监管局办结专利侵权纠纷案件", "860", "宗", "2022", "武汉市")],
    ),
    (
        "began-is-not-a-period",  # 2019年3月开始筹建, 10月底起试运行: the events' own dates
        "该中心于2019年3月开始筹建，10月底起正式对外试运行。",
        "2020-05-06",
        "南京市",
        [
            ("event", "开始筹建", None, None, "2019-03", "南京市"),
            ("event", "试运行", None, None, "2019-10", "南京市"),
        ],
    ),
    (
        "attributive-push-is-not-ongoing",  # 由…推动的X正式挂牌 happened; 近日 gives the month
        "近日，由厦门市市场监管局推动的知识产权资产支持专项计划正式挂牌。",
        "2024-07-15",
        "厦门市",
        [("event", "专项计划正式挂牌", None, None, "2024-07", "厦门市")],
    ),
    (
        "issuer-is-not-an-issue",  # 发行主体 names who issues; it is not 发行
        "2023年5月8日，仪式在福州举行，相关部门以及发行主体的代表出席。",
        None,
        "福州市",
        [("event", "仪式在福州举行", None, None, "2023-05-08", "福州市")],
    ),
    (
        "future-title-word-is-not-a-plan",  # 计划 inside 《》 names the agreement, it is not a plan
        "2022年底,广东省市场监督管理局还与香港知识产权署签署《粤港知识产权合作计划》。",
        "2023-04-24",
        "广东省",
        [("event", "粤港知识产权合作计划", None, None, "2022-12", "广东省")],
    ),
    (
        "bracket-gloss-inside-name-is-kept",  # （…） inside a name does not end its clause
        "2023年，四川省创业投资（风险投资）基金规模达300亿元。",
        "2024-02-01",
        "四川省",
        [("measurement", "创业投资（风险投资）基金规模", "30000000000", "元", "2023", "四川省")],
    ),
    (
        "expected-maturity-date-is-no-target",  # 预期到期日 is a product's term, not a plan
        "2023年5月，某证券化产品发行，预期到期日2024年5月10日，发行规模2亿元，平均每户融资300万元。",
        "2023-06-01",
        "浙江省",
        [
            ("measurement", "每户融资", "3000000", "元", "2023-05", "浙江省"),
            ("measurement", "发行规模", "200000000", "元", "2023-05", "浙江省"),
            ("event", "某证券化产品发行", None, None, "2023-05", "浙江省"),
        ],
    ),
    (
        "attribute-date-does-not-carry",  # 到期日/起息日 date the product's term, not what follows
        "2023年3月，四川某知识产权证券化产品成功发行，起息日为2023年3月20日，到期日2025年3月20日，"
        "票面利率2.9%；同期全省专利质押融资额达50亿元。",
        "2023-04-01",
        "四川省",
        [
            ("measurement", "票面利率", "2.9", "%", "2023-03", "四川省"),
            ("measurement", "专利质押融资额", "5000000000", "元", "2023-03", "四川省"),
            ("event", "成功发行", None, None, "2023-03", "四川省"),
        ],
    ),
    (
        "name-carried-from-previous-clause",  # …融资额再创新高，达N: the value takes that name
        "2024年，湖北省专利质押融资额再创新高，达125亿元，惠及企业1800家。",
        "2025-01-20",
        "湖北省",
        [
            ("measurement", "专利质押融资额", "12500000000", "元", "2024", "湖北省"),
            ("measurement", "惠及企业", "1800", "家", "2024", "湖北省"),
        ],
    ),
    (
        "no-name-carried-from-a-longer-word-or-a-named-value",  # 额度 is not 额; 授权量 has its own value
        "2024年，重庆市授信额度持续扩大，达80亿元；专利授权量为5万件，增长较快，达到新高。",
        "2025-01-20",
        "重庆市",
        [("measurement", "专利授权量", "50000", "件", "2024", "重庆市")],
    ),
    (
        "share-names-what-it-is-after-copula",  # 其中80%是X: a share of X; 是 stops other right names
        "截至2023年底，深圳市登记的知识产权服务机构超过2000家，其中80%是民营机构。",
        "2024-03-12",
        "深圳市",
        [
            ("measurement", "登记的知识产权服务机构", "2000", "家", "2023-12", "深圳市"),
            ("measurement", "民营机构", "80", "%", "2023-12", "深圳市"),
        ],
    ),
    (
        "quoted-first-person-figure-is-not-a-statistic",  # “…，我们获得N” is the speaker's own body
        "“作为试点城市，我们获得3000万元专项资金支持。”该市知识产权局负责人说，全市专利质押融资额达20亿元。",
        "2024-05-06",
        "成都市",
        [("measurement", "专利质押融资额", "2000000000", "元", None, "成都市")],
    ),
    (
        "quoted-figure-with-first-person-object-stays",  # 帮助我们撬动N: 我们 is not the subject
        "该公司负责人告诉记者，“这笔贷款帮助我们撬动2亿元的产品销售额，是公司发展的重要基础。”",
        "2024-05-06",
        "成都市",
        [("measurement", "产品销售额", "200000000", "元", None, "成都市")],
    ),
    (
        "insurance-cap-is-not-a-statistic",  # 最高赔付金额 is a term of a policy
        "2024年，苏州市专利保险保单达120件，某保单的最高赔付金额达80万元。",
        "2025-01-10",
        "苏州市",
        [("measurement", "专利保险保单", "120", "件", "2024", "苏州市")],
    ),
    (
        "expected-with-reach-verb-is-a-target",  # 预期 + a verb of reaching still states a target
        "2025年，江苏省专利质押融资额预期达到800亿元。",
        "2024-02-01",
        "江苏省",
        [("target", "专利质押融资额", "80000000000", "元", "2025", "江苏省")],
    ),
    # round 5
    (
        "first-issue-of-one-product-is-its-term",  # 首期发行 is the product's amount, the shelf a statistic
        "该专项计划储架规模10亿元，首期发行2亿元，发行利率为2.5%。",
        "2024-06-18",
        "四川省",
        [("measurement", "该专项计划储架规模", "1000000000", "元", None, "四川省")],
    ),
    (
        "this-securitisation-issue-quota-is-its-term",
        "此次证券化项目的发行额度为2亿元，发行票面利率为2.9%。",
        "2023-09-01",
        "苏州市",
        [],
    ),
    (
        "named-as-a-demonstration-park-is-an-event",
        "2021年，合肥高新区被评为国家知识产权示范园区。",
        "2022-04-20",
        "合肥市",
        [("event", "国家知识产权示范园区", None, None, "2021", "合肥高新技术产业开发区")],
    ),
    # round 7: the day of an event told in one sentence dates the events told after it
    (
        "event-day-carries-to-next-sentence-of-its-paragraph",
        "3月15日上午，苏州知识产权运营中心成立大会隆重举行。园区管委会与运营中心共同签署《金融服务合作协议》。"
        "分管副市长为运营中心揭牌。",
        "2024-03-18",
        "苏州市",
        [
            ("event", "成立大会", None, None, "2024-03-15", "苏州市"),
            ("event", "金融服务合作协议", None, None, "2024-03-15", "苏州市"),
            ("event", "为运营中心揭牌", None, None, "2024-03-15", "苏州市"),
        ],
    ),
    (
        "continuation-opener-carries-the-day-to-a-later-paragraph",  # 据介绍 does not: no event there
        "6月8日，成都市知识产权服务平台启用仪式在天府新区举行。\n\n据介绍，该中心设立知识产权纠纷调解室。"
        "\n\n活动期间，市知识产权局与合作银行现场签订战略协议。\n\n随后，举行服务站授牌仪式。",
        "2023-06-09",
        "成都市",
        [
            ("event", "启用仪式", None, None, "2023-06-08", "成都市"),
            ("event", "签订战略协议", None, None, "2023-06-08", "成都市"),
            ("event", "服务站授牌仪式", None, None, "2023-06-08", "成都市"),
        ],
    ),
    (
        "organisers-of-the-event-are-not-events",  # 由X主办: who held the event just told
        "4月26日，杭州市知识产权宣传周启动仪式在西湖区举行。此次活动由杭州市市场监管局主办，各区市场监管局承办。",
        "2022-04-27",
        "杭州市",
        [("event", "宣传周", None, None, "2022-04-26", "杭州市")],
    ),
    (
        "a-year-is-not-carried-to-the-next-sentence",  # only a day names one event's occasion
        "2023年，南京市举办知识产权保护高峰论坛。同时，市局与多所高校签署合作协议。",
        "2024-01-10",
        "南京市",
        [("event", "高峰论坛", None, None, "2023", "南京市")],
    ),
    (
        "byline-bracket-is-not-part-of-a-name",  # …晚报讯(记者…): page furniture, not a gloss
        "成都晚报讯(全媒体记者张某)2023年，成都市有效发明专利8.2万件。",
        "2024-03-01",
        "成都市",
        [("measurement", "有效发明专利", "82000", "件", "2023", "成都市")],
    ),
    (
        "run-on-sentence-body-is-not-a-name",  # 1200万元我市在省委…: the next clause's actors
        "2022年，杭州市发放知识产权质押贴息1200万元我市在省委、省政府组织的考核中获得优秀等次。",
        "2023-03-01",
        "杭州市",
        [("measurement", "发放知识产权质押贴息", "12000000", "元", "2022", "杭州市")],
    ),
    (
        "run-on-sentence-placed-body-is-not-a-name",  # …万元浙江省政府…: a body after its place
        "2022年，宁波市兑现专利资助900万元浙江省委、省政府对此予以通报表扬。",
        "2023-03-01",
        "宁波市",
        [("measurement", "兑现专利资助", "9000000", "元", "2022", "宁波市")],
    ),
    (
        "first-product-size-is-not-a-statistic",  # 发行了X万元的全省首单…: the product's amount
        "2023年，南京市设立了3亿元的知识产权运营基金，建立了5000万元全省首只专利转化基金，"
        "发行了1500万元的全市首单知识产权质押可转债，全年专利质押融资42亿元。",
        "2024-01-10",
        "南京市",
        [("measurement", "专利质押融资", "4200000000", "元", "2023", "南京市")],
    ),
]


def _doc(text: str, published: str | None, region: str | None) -> Document:
    return Document(
        id="t", text=text, published=PartialDate.parse(published) if published else None, region=region
    )


def _find(
    found: list[Milestone], kind: str, name: str, value: str | None, unit: str | None
) -> Milestone | None:
    for m in found:
        if m.kind.value != kind:
            continue
        if kind == "event":
            if name in m.description:
                return m
        elif (
            m.metric == name
            and m.quantity is not None
            and m.quantity.value == Decimal(value or "0")
            and (m.quantity.unit == unit)
        ):
            return m
    return None


def _check(
    text: str,
    published: str | None,
    region: str | None,
    expected: list[tuple[str, str, str | None, str | None, str | None, str | None]],
) -> None:
    found = milestones.extract(_doc(text, published, region))
    assert len(found) == len(expected), [(m.kind.value, m.metric or m.description) for m in found]
    for kind, name, value, unit, date, where in expected:
        m = _find(found, kind, name, value, unit)
        assert m is not None, (
            kind,
            name,
            value,
            unit,
            [(x.kind.value, x.metric, x.description) for x in found],
        )
        assert (str(m.date) if m.date else None) == date
        assert m.region == where
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text


@pytest.mark.parametrize(
    ("text", "published", "region", "expected"), [r[1:] for r in SEEDS], ids=[r[0] for r in SEEDS]
)
def test_seed_sentences(
    text: str,
    published: str | None,
    region: str | None,
    expected: list[tuple[str, str, str | None, str | None, str | None, str | None]],
) -> None:
    _check(text, published, region, expected)


@pytest.mark.parametrize(
    ("text", "published", "region", "expected"),
    [r[1:] for r in OTHER_REGIONS],
    ids=[r[0] for r in OTHER_REGIONS],
)
def test_other_regions(
    text: str,
    published: str | None,
    region: str | None,
    expected: list[tuple[str, str, str | None, str | None, str | None, str | None]],
) -> None:
    _check(text, published, region, expected)


@pytest.mark.parametrize(
    ("text", "published", "region", "expected"), [r[1:] for r in BUGS], ids=[r[0] for r in BUGS]
)
def test_bugs_caught(
    text: str,
    published: str | None,
    region: str | None,
    expected: list[tuple[str, str, str | None, str | None, str | None, str | None]],
) -> None:
    _check(text, published, region, expected)


def test_annual_report_dates_its_undated_events() -> None:
    # a 20XX年…白皮书 tells what happened that year; weak verbs (开展) are not events
    text = "市政府印发《知识产权强市建设工作方案》。\n市场监管局开展专利侵权专项检查。"
    doc = Document(id="t", text=text, title="2023年某市知识产权保护状况白皮书", region="温州市")
    found = milestones.extract(doc)
    assert [(m.kind.value, str(m.date)) for m in found] == [("event", "2023")]
    assert "工作方案" in found[0].description


@pytest.mark.parametrize(
    ("title", "text", "want"),
    [
        pytest.param(
            "2021年南京市知识产权发展状况白皮书",
            "全市有效发明专利6.2万件。",
            "2021",
            id="year-in-the-headline",
        ),
        pytest.param(
            "成都发布知识产权白皮书：专利授权量居全省第一",
            "4月25日，《2023年成都市知识产权发展与保护状况(白皮书)》发布。全市有效发明专利8.1万件。",
            "2023",
            id="report-title-near-the-start",
        ),
        pytest.param(
            "成都市专利授权量居全省第一",
            "4月25日，《2023年成都市知识产权发展与保护状况(白皮书)》发布。全市有效发明专利8.1万件。",
            None,
            id="no-report-in-the-headline",
        ),
    ],
)
def test_annual_report_dates_its_undated_statistics(title: str, text: str, want: str | None) -> None:
    doc = Document(id="t", text=text, title=title, region="成都市")
    found = [m for m in milestones.extract(doc) if m.kind.value == "measurement"]
    assert [(m.metric, str(m.date) if m.date else None) for m in found] == [("有效发明专利", want)]


def test_change_is_attached() -> None:
    found = milestones.extract(
        _doc("2022年，深圳市专利授权量27.5万件，同比增长8.6%。", "2023-01-01", "深圳市")
    )
    assert len(found) == 1
    assert found[0].change is not None
    assert found[0].change.value == Decimal("8.6") and found[0].change.unit == "%"


def test_repeated_fact_is_one_record() -> None:
    text = "2021年，广州专利授权量18.95万件。\n2021年，广州知识产权创造效益持续提高。全市专利授权量18.95万件，同比增长21.6%。"
    found = milestones.extract(_doc(text, "2022-04-26", "广州市"))
    assert [(m.metric, str(m.date)) for m in found] == [("专利授权量", "2021")]
    assert found[0].change is not None  # the second statement's change is kept


def test_paragraph_date_carries_to_next_sentence_only_in_its_paragraph() -> None:
    text = "2021年，广州知识产权创造效益持续提高。全市商标申请量48.56万件。\n全市注册量39.5万件。"
    found = {m.metric: m.date for m in milestones.extract(_doc(text, "2022-04-26", "广州市"))}
    assert found == {"商标申请量": PartialDate(2021), "注册量": None}


def test_heading_restating_a_fact_is_skipped() -> None:
    text = "知识产权证券化惠及超300家科技企业\n全省新发行20单知识产权证券化产品。"
    found = milestones.extract(_doc(text, "2023-04-24", "广东省"))
    assert [m.quantity.value for m in found if m.quantity] == [Decimal(20)]


# --------------------------------------------------------------------------- data integrity


def _data() -> dict[str, object]:
    raw = resources.files("policytrack").joinpath("data/milestones.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(raw)
    return data


def test_data_lists_are_clean() -> None:
    data = _data()
    for key, entry in data.items():
        if key.startswith("_"):
            continue
        assert isinstance(entry, dict) and "_comment" in entry, key
        words = entry.get("words")
        if words is None:
            continue
        assert isinstance(words, list) and words, key
        assert all(isinstance(w, str) and w and w == w.strip() for w in words), key
        assert len(set(words)) == len(words), (key, [w for w in words if words.count(w) > 1])


def test_data_names_no_place() -> None:
    # vocabulary must not carry facts of one article: no place names among the cue words
    data = _data()
    places = re.compile(r"广州|广东|黄埔|越秀|深圳|上海|北京|知识城")
    for key, entry in data.items():
        if isinstance(entry, dict) and isinstance(entry.get("words"), list):
            assert not [w for w in entry["words"] if places.search(w)], key


def test_every_vocabulary_key_is_used() -> None:
    # a key of milestones.json that the module never names is vocabulary nobody reads
    source = Path(milestones.__file__).read_text(encoding="utf-8")
    unused = [k for k in _data() if not k.startswith("_") and f'"{k}"' not in source]
    assert unused == []


def test_event_verbs_are_tried_longest_first() -> None:
    voc = milestones._vocab()
    assert voc.event_verbs and voc.strip_prefixes and voc.target_cues
    assert all(len(a) >= len(b) for a, b in zip(voc.event_verbs, voc.event_verbs[1:], strict=False))


# --------------------------------------------------------------------------- robustness


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "2021年截至到全市专利授权量达万件亿元同比增长%，。；、由提高到成立印发《》“”()（）一二三家项力争\n 0123456789"
            )
        )
    )
)
def test_never_raises(text: str) -> None:
    for m in milestones.extract(_doc(text, "2022-01-01", "广州市")):
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "2021年，全市专利授权量18.95万件，" * 4000,
        "“" * 20000 + "2021年成立" * 2000,
        "由1件提高到" * 8000,
        "截至2021年" + "，" * 100000,
        "a" * 300000,
    ],
    ids=["repeated-statistics", "open-quotes", "chained-from-to", "many-commas", "latin"],
)
def test_long_input_completes(text: str) -> None:
    # a catastrophic regex shows up as a hung test; the result itself must be well formed
    for m in milestones.extract(_doc(text, "2022-01-01", "广州市")):
        assert text[m.evidence.start : m.evidence.end] == m.evidence.text
