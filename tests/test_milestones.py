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
            ("measurement", "平均每户融资", "3000000", "元", "2023-05", "浙江省"),
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


# shapes met on the round-2 dev sets (r2a..r2d): each a real sentence's shape, and the same
# shape about another region
ROUND2: list[Row] = [
    (
        "traditional-script-statistics",  # 筆, 億元, 項: read in simplified, written back as in the text
        "2024年，新疆實現知識產權質押融資111筆，質押金額15.49億元。",
        "2025-01-10",
        "新疆维吾尔自治区",
        [
            ("measurement", "實現知識產權質押融資", "111", "筆", "2024", "新疆维吾尔自治区"),
            ("measurement", "質押金額", "1549000000", "元", "2024", "新疆维吾尔自治区"),
        ],
    ),
    (
        "traditional-script-event",  # 出臺: an event verb written in traditional characters
        "2022年4月，贛州市出臺了《知識產權質押融資入園惠企專項行動方案》。",
        None,
        "赣州市",
        [("event", "出臺了《知識產權質押融資", None, None, "2022-04", "赣州市")],
    ),
    (
        "from-dated-value-to-dated-value",  # 由2011年的X提升到2014年的Y: two measurements, not a target
        "全市专利申请量由2011年的10997件提升到2014年的24307件。",
        None,
        "郑州市",
        [
            ("measurement", "专利申请量", "10997", "件", "2011", "郑州市"),
            ("measurement", "专利申请量", "24307", "件", "2014", "郑州市"),
        ],
    ),
    (
        "from-dated-value-to-dated-value-other-region",  # 从2020年X增至2024年Y
        "拉萨市知识产权质押融资规模从2020年1350万元增至2024年4.06亿元。",
        None,
        "拉萨市",
        [
            ("measurement", "知识产权质押融资规模", "13500000", "元", "2020", "拉萨市"),
            ("measurement", "知识产权质押融资规模", "406000000", "元", "2024", "拉萨市"),
        ],
    ),
    (
        "from-value-names-to-its-left",  # 办理时限从15天降至7天: not 降至 as the name of 15天
        "相关业务办理时限从15天降至7天，质押登记信息由50余项削减至10余项。",
        None,
        "重庆市",
        [
            ("measurement", "相关业务办理时限", "15", "天", None, "重庆市"),
            ("measurement", "相关业务办理时限", "7", "天", None, "重庆市"),
            ("measurement", "质押登记信息", "50", "项", None, "重庆市"),
            ("measurement", "质押登记信息", "10", "项", None, "重庆市"),
        ],
    ),
    (
        "span-inside-a-year-is-no-target",  # 2025年1月至11月: a span of that year, not 至11月 as a target
        "2025年1月至11月，全市银行业金融机构累计向14家企业发放知识产权质押贷款4950.5万元。",
        None,
        "丽江市",
        [
            ("measurement", "企业发放知识产权质押贷款", "14", "家", "2025", "丽江市"),
            ("measurement", "企业发放知识产权质押贷款", "49505000", "元", "2025", "丽江市"),
        ],
    ),
    (
        "span-inside-a-year-is-no-target-other-region",
        "2023年1月至9月，西宁市专利权质押登记金额8.6亿元。",
        None,
        "西宁市",
        [("measurement", "专利权质押登记金额", "860000000", "元", "2023", "西宁市")],
    ),
    (
        "growth-rate-stated-on-its-own",  # 增幅达10.86%: a measurement in %; the 750万元 growth is a change
        "2024年，昆明市相关企业研发投入同比增长750万元，增幅达10.86%。",
        "2025-01-10",
        "昆明市",
        [("measurement", "增幅", "10.86", "%", "2024", "昆明市")],
    ),
    (
        "growth-rate-named-by-its-statistic",  # 有效专利年平均增长率达到62%
        "截至2020年底，东丽区有效专利2187件，有效专利年平均增长率达到62%。",
        None,
        "东丽区",
        [
            ("measurement", "有效专利", "2187", "件", "2020-12", "东丽区"),
            ("measurement", "有效专利年平均增长率", "62", "%", "2020-12", "东丽区"),
        ],
    ),
    (
        "growth-compared-with-the-year-start",  # 贷款余额较年初增长103.91%: named without 较年初
        "2023年，合肥市知识产权质押贷款余额较年初增长45.2%。",
        "2024-02-01",
        "合肥市",
        [("measurement", "知识产权质押贷款余额", "45.2", "%", "2023", "合肥市")],
    ),
    (
        "list-head-inside-a-word",  # 特等奖, 一等奖: the 等 of a word is no list head (words, not characters)
        "2022年，株洲市获得湖南省专利特等奖5项、一等奖28项。",
        "2024-01-01",
        "株洲市",
        [
            ("measurement", "获得湖南省专利特等奖", "5", "项", "2022", "株洲市"),
            ("measurement", "一等奖", "28", "项", "2022", "株洲市"),
        ],
    ),
    (
        "list-head-inside-a-word-other-region",
        "2023年，绵阳市获四川省专利特等奖2项、二等奖11项。",
        "2024-01-01",
        "绵阳市",
        [
            ("measurement", "获四川省专利特等奖", "2", "项", "2023", "绵阳市"),
            ("measurement", "二等奖", "11", "项", "2023", "绵阳市"),
        ],
    ),
    (
        "right-name-ends-where-its-clause-goes-on",  # 500吨桥翼板正在…发挥着…: the name ends before 正在
        "截至2023年底，全省1200家企业正在使用专利导航服务。",
        None,
        "四川省",
        [("measurement", "企业", "1200", "家", "2023-12", "四川省")],
    ),
    (
        "left-name-starts-after-an-aspect-particle",  # 公开发行了为期10年利率…: the clause of 发行了 is not the name
        "2022年，该行向科技型企业发放了知识产权质押贷款总额3.2亿元。",
        "2023-01-05",
        "南昌市",
        [("measurement", "知识产权质押贷款总额", "320000000", "元", "2022", "南昌市")],
    ),
    (
        "year-end-result-then-an-aim",  # 2024年，全市完成…100亿元 is a result; 预计…将突破120亿元 aims past it
        "2024年，全市完成质押融资100亿元，预计2025年将突破120亿元。",
        "2025-01-05",
        "苏州市",
        [
            ("measurement", "完成质押融资", "10000000000", "元", "2024", "苏州市"),
            ("target", "完成质押融资", "12000000000", "元", "2025", "苏州市"),
        ],
    ),
    (
        "year-end-result-then-an-aim-other-region",
        "2023年，全省专利权质押登记金额达85亿元，力争2024年突破100亿元。",
        "2024-01-20",
        "贵州省",
        [
            ("measurement", "专利权质押登记金额", "8500000000", "元", "2023", "贵州省"),
            ("target", "专利权质押登记金额", "10000000000", "元", "2024", "贵州省"),
        ],
    ),
    (
        "counted-actors-before-an-event-verb",  # 4个…产品入选…: an event too (and the count)
        "2017年，横县茉莉花茶等4个国家地理标志产品入选中国品牌价值评价名单。",
        "2019-04-24",
        "广西壮族自治区",
        [
            ("measurement", "茉莉花茶地理标志产品入选中国品牌价值评价名单", "4", "个", "2017", "横县"),
            ("event", "入选中国品牌价值评价名单", None, None, "2017", "横县"),
        ],
    ),
    (
        "counted-actors-before-an-event-verb-other-region",
        "2018年，3个贵州地理标志产品入选中国品牌价值评价名单。",
        "2019-04-24",
        "贵州省",
        [
            ("measurement", "地理标志产品入选中国品牌价值评价名单", "3", "个", "2018", "贵州省"),
            ("event", "入选中国品牌价值评价名单", None, None, "2018", "贵州省"),
        ],
    ),
    (
        "count-before-a-weak-verb-is-no-event",  # 300家企业获得…: a statistic only
        "2023年，全市300家企业获得知识产权质押贷款。",
        "2024-01-10",
        "无锡市",
        [("measurement", "企业获得知识产权质押贷款", "300", "家", "2023", "无锡市")],
    ),
    (
        "event-verbs-of-round-two",  # 正式运行, 升格为
        "2021年9月24日，中国（山西）知识产权保护中心正式运行。2013年4月，温州正式升格为国家知识产权投融资服务试点城市。",
        None,
        None,
        [
            ("event", "保护中心正式运行", None, None, "2021-09-24", "山西省"),
            ("event", "升格为国家知识产权投融资服务试点城市", None, None, "2013-04", "温州市"),
        ],
    ),
    (
        "event-verbs-of-round-two-other-region",
        "2022年3月1日，中国（宁夏）知识产权保护中心正式运行。2016年，烟台市升格为国家知识产权示范城市。",
        None,
        None,
        [
            ("event", "保护中心正式运行", None, None, "2022-03-01", "宁夏回族自治区"),
            ("event", "升格为国家知识产权示范城市", None, None, "2016", "烟台市"),
        ],
    ),
    (
        "a-requirement-is-no-ongoing-effort",  # …等要求: 要 inside 要求 is no 要 of an effort
        "2015年，国家知识产权局印发《关于进一步推动知识产权金融服务工作的意见》提出“鼓励金融机构开展知识产权质押融资业务”等要求。",
        "2025-01-26",
        "海淀区",
        [("event", "印发《关于进一步推动知识产权金融服务工作的意见》", None, None, "2015", "海淀区")],
    ),
    (
        "enumeration-in-words-is-no-statistic",  # 从三个维度: a count written as a name (M1)
        "2023年，长沙市从三个维度完善顶层设计，全市发放知识产权质押贷款52亿元。",
        "2024-02-01",
        "长沙市",
        [("measurement", "发放知识产权质押贷款", "5200000000", "元", "2023", "长沙市")],
    ),
    (
        "enumeration-in-words-is-no-statistic-other-region",
        "2022年，南宁市围绕五个方面推进改革，新增专利授权1.2万件。",
        "2023-02-01",
        "南宁市",
        [("measurement", "新增专利授权", "12000", "件", "2022", "南宁市")],
    ),
    (
        "policy-rates-and-caps-are-no-statistics",  # 给予50%补贴, 最高可享受15万元 (M1: policy parameters)
        "对企业贷款利息给予50%补贴，最高可享受15万元补贴。2023年，全区发放专利贷3.5亿元。",
        "2024-02-01",
        "合肥经济技术开发区",
        [("measurement", "发放专利贷", "350000000", "元", "2023", "合肥经济技术开发区")],
    ),
    (
        "policy-rates-and-caps-are-no-statistics-other-region",  # 单笔最高额度, 贴息补助30%
        "该产品单笔最高额度1000万元，对贷款贴息补助30%。2023年，全市专利质押融资12亿元。",
        "2024-02-01",
        "丽江市",
        [("measurement", "专利质押融资", "1200000000", "元", "2023", "丽江市")],
    ),
    (
        "an-average-is-its-own-statistic",  # 平均授权周期, 平均每户融资: 平均 stays in the name
        "2021年，经山西保护中心预审的发明专利案件，平均授权周期压减至52天。",
        "2022-09-19",
        "山西省",
        [("measurement", "平均授权周期", "52", "天", "2021", "山西省")],
    ),
    (
        "an-average-is-its-own-statistic-other-region",
        "2018—2021年，全市融资企业2500余家，平均每户融资约400万元。",
        "2022-05-01",
        "南京市",
        [
            ("measurement", "融资企业", "2500", "家", "2018", "南京市"),
            ("measurement", "平均每户融资", "4000000", "元", "2018", "南京市"),
        ],
    ),
    (
        "a-bare-head-keeps-the-word-before-it",  # 累计金额, 全省占比: not 金额, 占比
        "该企业先后获得温州银行专利权质押贷款4笔，累计金额3320万元。",
        None,
        "温州市",
        [
            ("measurement", "该企业先后获得温州银行专利权质押贷款", "4", "笔", None, "温州市"),
            ("measurement", "累计金额", "33200000", "元", None, "温州市"),
        ],
    ),
    (
        "a-bare-head-keeps-the-word-before-it-other-region",
        "成都市有效发明专利8.1万件，全省占比超过五成。",
        None,
        "成都市",
        [
            ("measurement", "有效发明专利", "81000", "件", None, "成都市"),
            ("measurement", "全省占比", "50", "%", None, "成都市"),
        ],
    ),
    (
        "a-name-ends-on-a-word",  # 现场签约3亿元: 约 is the end of 签约, not "about"
        "活动现场签约3亿元，银行授信5亿元。",
        None,
        "赣州市",
        [
            ("measurement", "活动现场签约", "300000000", "元", None, "赣州市"),
            ("measurement", "银行授信", "500000000", "元", None, "赣州市"),
        ],
    ),
    (
        "a-title-keeps-its-country",  # 中国驰名商标: a title, like 中国专利金奖, keeps 中国
        "截止2022年3月，全市中国驰名商标41件，地理标志证明商标19件。",
        None,
        "株洲市",
        [
            ("measurement", "中国驰名商标", "41", "件", "2022-03", "株洲市"),
            ("measurement", "地理标志证明商标", "19", "件", "2022-03", "株洲市"),
        ],
    ),
    (
        "a-reached-value-after-a-right-read-one",  # 批复1亿元担保额度，并逐步扩大到2.5亿元
        "该行为该公司批复1亿元担保额度，并逐步扩大到2.5亿元。",
        None,
        "大连市",
        [
            ("measurement", "担保额度", "100000000", "元", None, "大连市"),
            ("measurement", "担保额度", "250000000", "元", None, "大连市"),
        ],
    ),
    (
        "respective-shares-go-with-their-values",  # A X件、B Y件，分别占全省的a%、b%
        "2017年，沈阳市专利申请达到20879件、发明专利申请9872件，分别占全省的41.87%、48.16%。",
        None,
        "沈阳市",
        [
            ("measurement", "专利申请", "20879", "件", "2017", "沈阳市"),
            ("measurement", "发明专利申请", "9872", "件", "2017", "沈阳市"),
            ("measurement", "专利申请占全省", "41.87", "%", "2017", "沈阳市"),
            ("measurement", "发明专利申请占全省", "48.16", "%", "2017", "沈阳市"),
        ],
    ),
    (
        "respective-ratios-go-with-their-values",  # …分别是2013年的3.2倍、2.5倍: dated 2023, not the base
        "2023年，呼和浩特市专利授权量8200件，发明专利授权量1500件，分别是2013年的3.2倍、2.5倍。",
        "2024-03-01",
        "呼和浩特市",
        [
            ("measurement", "专利授权量", "8200", "件", "2023", "呼和浩特市"),
            ("measurement", "发明专利授权量", "1500", "件", "2023", "呼和浩特市"),
            ("measurement", "专利授权量", "3.2", "倍", "2023", "呼和浩特市"),
            ("measurement", "发明专利授权量", "2.5", "倍", "2023", "呼和浩特市"),
        ],
    ),
    (
        "a-list-of-values-of-one-name",  # 占全省的31%、35%: each value is a share
        "2022年，全市专利质押金额12亿元，商标质押金额3亿元，占全省的31%、35%。",
        "2023-03-01",
        "南昌市",
        [
            ("measurement", "专利质押金额", "1200000000", "元", "2022", "南昌市"),
            ("measurement", "商标质押金额", "300000000", "元", "2022", "南昌市"),
            ("measurement", "占全省", "31", "%", "2022", "南昌市"),
            ("measurement", "占全省", "35", "%", "2022", "南昌市"),
        ],
    ),
    (
        "a-ratio-to-an-earlier-year",  # 是2012年的5倍: a measurement in 倍 of the value just told
        "2022年，全市专利授权量1.2万件，是2012年的5倍。",
        "2023-03-01",
        "银川市",
        [
            ("measurement", "专利授权量", "12000", "件", "2022", "银川市"),
            ("measurement", "专利授权量", "5", "倍", "2022", "银川市"),
        ],
    ),
    (
        "an-event-verb-modifying-a-noun-is-no-event",  # 于2010年成立的X公司, 这是…发行的首单…
        "于2010年成立的深圳扬兴科技有限公司是一家高新技术企业。这是湖南省发行的首单知识产权证券化产品。",
        "2021-09-01",
        "深圳市",
        [],
    ),
    (
        "a-cleft-sentence-dates-a-founding",  # X是1991年3月6日经国务院批准设立的…
        "郑州高新区是1991年3月6日经国务院批准设立的首批国家级高新区。",
        None,
        "郑州高新技术产业开发区",
        [("event", "批准设立", None, None, "1991-03-06", "郑州高新技术产业开发区")],
    ),
    (
        "a-subjectless-clause-takes-the-clause-before",  # 1期项目是…，于今年3月4日发行
        "其中，1期项目是国内首单知识产权ABS，于2020年3月4日发行；2期项目于2020年8月14日发行。",
        "2020-09-09",
        "浦东新区",
        [
            (
                "event",
                "1期项目是国内首单知识产权ABS，于2020年3月4日发行",
                None,
                None,
                "2020-03-04",
                "浦东新区",
            ),
            ("event", "2期项目于2020年8月14日发行", None, None, "2020-08-14", "浦东新区"),
        ],
    ),
    (
        "tranche-labels-are-no-counts-other-region",  # 1期项目 labels; 发行2期 counts
        "该专项计划已顺利发行2期，1期项目于2021年5月10日发行。",
        "2021-09-01",
        "西安市",
        [
            ("measurement", "该专项计划已顺利发行", "2", "期", None, "西安市"),
            ("event", "1期项目于2021年5月10日发行", None, None, "2021-05-10", "西安市"),
        ],
    ),
    (
        "membership-count-is-no-statistic",  # 被列为…第二批6个试点城市之一: an event, not 6个
        "2009年，温州市被列为浙江省唯一的全国第二批6个知识产权质押融资试点城市之一。",
        None,
        "温州市",
        [("event", "被列为", None, None, "2009", "温州市")],
    ),
    (
        "membership-count-is-no-statistic-other-region",
        "2012年，佛山市入选全国首批8个知识产权投融资服务试点城市之一。",
        None,
        "佛山市",
        [("event", "入选全国首批", None, None, "2012", "佛山市")],
    ),
    (
        "a-cap-is-no-statistic",  # 由最高500万元提高到1000万元, 最高予200万元奖励: caps (M1)
        "2014年，芜湖市将专利权质押贷款额度由最高500万元提高到1000万元，全年专利权质押贷款2.1亿元。",
        None,
        "芜湖市",
        [("measurement", "专利权质押贷款", "210000000", "元", "2014", "芜湖市")],
    ),
    (
        "a-whole-before-its-part",  # 49项专利中有42项…: the name of 49项 ends before 中有
        "2017年，首届专利奖获奖的49项专利中有42项来自企业。",
        None,
        "河南省",
        [
            ("measurement", "专利", "49", "项", "2017", "河南省"),
            ("measurement", "来自企业", "42", "项", "2017", "河南省"),
        ],
    ),
    (
        "a-whole-before-its-part-other-region",
        "2021年，长沙市获奖的30项专利中有21项来自民营企业。",
        None,
        "长沙市",
        [
            ("measurement", "获奖专利", "30", "项", "2021", "长沙市"),
            ("measurement", "来自民营企业", "21", "项", "2021", "长沙市"),
        ],
    ),
    (
        "a-space-between-han-ends-a-name",  # 融资累计突破70亿元 有效缓解…: two clauses of a headline
        "据悉，全省知识产权质押融资突破300亿元 助力中小企业发展。",
        None,
        "湖北省",
        [("measurement", "知识产权质押融资", "30000000000", "元", None, "湖北省")],
    ),
    (
        "services-counted-in-jiaci",  # 服务160家次: one count in 家次, not 160家 named 次
        "截至2024年底，已累计为海淀区科技型中小企业提供质押融资贷款服务160家次。",
        "2025-01-26",
        "海淀区",
        [("measurement", "科技型中小企业提供质押融资贷款服务", "160", "家次", "2024-12", "海淀区")],
    ),
    (
        "services-counted-in-jiaci-other-region",
        "截至2023年底，已累计为全市企业提供专利导航服务320户次。",
        "2024-01-10",
        "兰州市",
        [("measurement", "企业提供专利导航服务", "320", "户次", "2023-12", "兰州市")],
    ),
    (
        "an-aim-counts-in-words",  # 力争新建两个…: a target of 2 (M2), not an article or a list
        "2023年，全市力争新建两个知识产权保护中心。",
        "2023-01-04",
        "长春市",
        [("target", "新建知识产权保护中心", "2", "个", "2023", "长春市")],
    ),
    (
        "an-aim-counts-in-words-other-region",
        "2024年，全省力争培育两个知识产权强县。",
        "2024-01-04",
        "甘肃省",
        [("target", "培育知识产权强县", "2", "个", "2024", "甘肃省")],
    ),
    (
        "a-level-keeps-its-place",  # 江苏省级…: 省级 is the level of the designation, not a place to strip
        "截至2022年底，江苏省级知识产权示范企业达300家。",
        None,
        "江苏省",
        [("measurement", "江苏省级知识产权示范企业", "300", "家", "2022-12", "江苏省")],
    ),
    (
        "the-size-of-a-pool-set-up",  # 率先设立规模1000万元的…风险补偿资金: the pool's size, not a statistic
        "2023年，北碚区在全市率先设立规模1000万元的知识产权质押融资风险补偿资金，全年质押金额5616.28万元。",
        "2024-01-10",
        "北碚区",
        [("measurement", "质押金额", "56162800", "元", "2023", "北碚区")],
    ),
    (
        "the-size-of-a-pool-set-up-other-region",
        "2022年，安顺市设立3000万元的风险池，全年专利质押融资1.2亿元。",
        "2023-01-10",
        "安顺市",
        [("measurement", "专利质押融资", "120000000", "元", "2022", "安顺市")],
    ),
    (
        "the-amount-of-a-named-loan",  # 获得200万元“桂惠贷”: the named product's amount (P2)
        "2023年，一家科创企业获得500万元“科创贷”，全市知识产权质押融资达20亿元。",
        "2024-01-10",
        "北海市",
        [("measurement", "知识产权质押融资", "2000000000", "元", "2023", "北海市")],
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


@pytest.mark.parametrize(
    ("text", "published", "region", "expected"), [r[1:] for r in ROUND2], ids=[r[0] for r in ROUND2]
)
def test_round2_shapes(
    text: str,
    published: str | None,
    region: str | None,
    expected: list[tuple[str, str, str | None, str | None, str | None, str | None]],
) -> None:
    _check(text, published, region, expected)


def test_simplified_text_is_not_folded() -> None:
    # a stray traditional character in a simplified text (a quoted name) changes nothing
    text = "2023年，杭州市有效发明专利1200件，“發明之星”企業30家。"
    found = milestones.extract(_doc(text, "2024-01-01", "杭州市"))
    assert [(m.metric, m.quantity.unit if m.quantity else None) for m in found] == [
        ("有效发明专利", "件"),
        ("發明之星”企業", "家"),  # the opening quote is stripped with the punctuation
    ]
