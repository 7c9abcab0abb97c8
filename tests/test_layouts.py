"""Page layouts found in the wild (data/layouts.json): one table row per layout, written in the
style of real pages (government portals, newspapers and their e-papers, news portals, WeChat).

Each row gives the page text as a scraper or a copy-paste leaves it, and what the document
must be: its title (the headline, never furniture, a byline or an index line), its source
(the outlet, or the publishing body of a government page), its publication date (发布日期 over
成文日期), and its text (no furniture)."""

from __future__ import annotations

import importlib

import pytest

from policytrack import parse
from policytrack._furniture import furniture
from policytrack._layout import layouts
from policytrack._meta import clean_source

load_mod = importlib.import_module("policytrack.load")

BODY = "广州市市场监管局近日印发办法，支持企业开展知识产权质押融资。"


@pytest.fixture(autouse=True)
def no_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_mod, "extract_document", lambda doc: doc)


PAGES = [
    # -- government information-disclosure header blocks ---------------------------------
    pytest.param(
        "索引号：11440100MB2C00000X/2023-00456\n分类：知识产权\n发布机构：广州市市场监督管理局\n"
        "成文日期：2023-06-28\n名称：广州市知识产权质押融资风险补偿办法\n文号：穗市监规字〔2023〕3号\n"
        "发布日期：2023-07-05\n主题词：\n广州市知识产权质押融资风险补偿办法\n" + BODY,
        "广州市知识产权质押融资风险补偿办法", "广州市市场监督管理局", "2023-07-05", BODY,
        id="gov-index-block-one-field-a-line"),
    pytest.param(
        "索引号：\n000014349/2023-00087\n发布机构：\n深圳市市场监督管理局\n成文日期：\n2023年03月20日\n"
        "发布日期：\n2023年03月22日\n深圳市知识产权保护中心运行规则\n" + BODY,
        "深圳市知识产权保护中心运行规则", "深圳市市场监督管理局", "2023-03-22", BODY,
        id="gov-index-block-label-and-value-in-cells"),
    pytest.param(
        "索引号：001/2022-01 分类：通知公告 发布机构：佛山市知识产权局 成文日期：2022-11-02\n"
        "关于开展专利转化专项行动的通知\n" + BODY,
        "关于开展专利转化专项行动的通知", "佛山市知识产权局", "2022-11-02", BODY,
        id="gov-index-block-one-line-written-date-only"),
    pytest.param(
        "名称：东莞市知识产权资助办法\n发布机构：东莞市市场监督管理局\n发布日期：2021-09-01\n" + BODY,
        "东莞市知识产权资助办法", "东莞市市场监督管理局", "2021-09-01", BODY, id="gov-index-name-is-the-title"),
    # -- datelines ---------------------------------------------------------------------
    pytest.param("成都发行知识产权证券化产品\n2022-12-22 来源:成都日报\n" + BODY,
                 "成都发行知识产权证券化产品", "成都日报", "2022-12-22", BODY, id="date-then-source"),
    pytest.param("南京栖霞知识产权服务中心成立\n发布时间:2023-04-28 10:27:00来源: 人民网-江苏频道\n" + BODY,
                 "南京栖霞知识产权服务中心成立", "人民网", "2023-04-28", BODY, id="labels-glued-channel-suffix"),
    pytest.param("合肥打造知识产权保护高地\n2023-06-02 15:26:02来源:中央广电总台国际在线编辑:刘旭东责编:赵滢溪\n"
                 + BODY, "合肥打造知识产权保护高地", "国际在线", "2023-06-02", BODY, id="labels-glued-group-prefix"),
    pytest.param("东营举办知识产权调解启动仪式\n作者:来源:浏览次数:发布时间:2020-04-22\n" + BODY,
                 "东营举办知识产权调解启动仪式", None, "2020-04-22", BODY, id="empty-labels"),
    pytest.param("泉州书写知识产权保护新篇\n来源 :福建法治报 时间:2023-09-22 10:49 浏览量:\n" + BODY,
                 "泉州书写知识产权保护新篇", "福建法治报", "2023-09-22", BODY, id="space-before-colon-counter"),
    pytest.param("江门知识产权保护中心揭牌\n2023- 07- 05 11: 07 来源：江门日报\n" + BODY,
                 "江门知识产权保护中心揭牌", "江门日报", "2023-07-05", BODY, id="spaces-inside-date"),
    pytest.param("肇庆专利质押融资创新高\n2023/7/5\n" + BODY, "肇庆专利质押融资创新高", None, "2023-07-05", BODY,
                 id="slash-date-alone"),
    pytest.param("丽水召开专利质押融资推进会(图)\n31.08.2017  13:44\n" + BODY,
                 "丽水召开专利质押融资推进会", None, "2017-08-31", BODY, id="day-first-date-picture-marker"),
    pytest.param("合肥獲批知識產權保護示范區\n2023年04月28日08:50 | 來源:合肥在線-合肥日報\n" + BODY,
                 "合肥獲批知識產權保護示范區", "合肥日報", "2023-04-28", BODY, id="traditional-labels"),
    # -- newspapers and e-papers: 本报讯, bylines ------------------------------------------
    pytest.param("韶关专利质押融资破亿元\n□ 本报记者 王芳\n" + BODY, "韶关专利质押融资破亿元", None, None, BODY,
                 id="byline-square"),
    pytest.param("清远设立知识产权运营基金\n记者 李明 通讯员 张华\n" + BODY, "清远设立知识产权运营基金", None, None, BODY,
                 id="byline-reporter-correspondent"),
    pytest.param("潮州知识产权质押贷款落地\n本报讯（记者 王芳 通讯员 李华）" + BODY,
                 "潮州知识产权质押贷款落地", None, None, BODY, id="benbaoxun-prefix-taken-off"),
    pytest.param("第A2版:要闻 上一版3  4下一版\n标题导航\n2020年11月19日 星期四\n3 上一篇 放大 缩小 默认\n"
                 "鄞州专利质押担保贷款助力企业融资\n15家科企获贷2700万元\n" + BODY,
                 "鄞州专利质押担保贷款助力企业融资", None, "2020-11-19", "15家科企获贷2700万元\n" + BODY,
                 id="e-paper-page-furniture-subtitle-kept"),
    pytest.param("深交所 再推知识产权证券化产品\n⊙刘昌源 ○编辑 孙放\n" + BODY, "深交所 再推知识产权证券化产品", None,
                 None, BODY, id="byline-circles"),
    pytest.param("威海知识产权调解工作站全覆盖\n2020-08-10 17:30:07 来源: 大众网 作者:\n"
                 "大众网·海报新闻记者 丁淑红 通讯员 胡珊珊 威海报道\n" + BODY,
                 "威海知识产权调解工作站全覆盖", "大众网", "2020-08-10", BODY, id="byline-outlet-brand-place"),
    # -- dispatches and reporter credits naming the outlet ----------------------------------
    pytest.param("重庆知识产权保护中心获批\n新华社北京11月18日电（记者宋晨）" + BODY,
                 "重庆知识产权保护中心获批", "新华社", None, "新华社北京11月18日电（记者宋晨）" + BODY,
                 id="agency-dispatch"),
    pytest.param("各地力推知识产权保险\n2023-02-21 11:21:49 来源:\n知识产权保险再提速。2月20日，北京商报记者梳理发现，多地推动。",
                 "各地力推知识产权保险", "北京商报", "2023-02-21", "知识产权保险再提速。2月20日，北京商报记者梳理发现，多地推动。",
                 id="reporter-credit-in-lead"),
    pytest.param("广州知识产权工作会议召开\n" + "省知识产权局相关负责人告诉记者，" + BODY,
                 "广州知识产权工作会议召开", None, None, "省知识产权局相关负责人告诉记者，" + BODY,
                 id="told-the-reporter-names-no-outlet"),
    # -- breadcrumbs, menus, toolbars, counters, share and QR blocks ------------------------
    pytest.param(">首页> 新闻 >\n珠海知识产权保护中心揭牌\n" + BODY, "珠海知识产权保护中心揭牌", None, None, BODY,
                 id="breadcrumb-arrows"),
    pytest.param("当前位置：首页 > 新闻动态 > 工作动态\n惠州发布专利导航成果\n" + BODY,
                 "惠州发布专利导航成果", None, None, BODY, id="breadcrumb-position"),
    pytest.param("福州新闻网 >> 新闻频道 >> 福州\n福州入选示范区建设城市\n2024-01-30 16:08:56来源:国家知识产权局\n"
                 + BODY, "福州入选示范区建设城市", "国家知识产权局", "2024-01-30", BODY, id="breadcrumb-double-arrows"),
    pytest.param("无障碍 | 长者模式\n首页 机构概况 政务公开 政务服务 互动交流\n【字体：大 中 小】\n"
                 "汕头知识产权快速维权中心开通\n发布日期：2023-05-10 浏览次数：123\n" + BODY + "\n打印本页 关闭窗口",
                 "汕头知识产权快速维权中心开通", None, "2023-05-10", BODY, id="accessibility-menu-font-print"),
    pytest.param("中华网 china.com\n河南\n当前位置:新闻 > 热点关注 > 正文\n郑州市金水区入选示范县！\n郑州市金水区入选示范县！\n"
                 "2022-08-31 15:27:57 来源:大河报·豫视频\n" + BODY,
                 "郑州市金水区入选示范县！", "大河报", "2022-08-31", BODY, id="site-domain-channel-duplicate-title"),
    pytest.param("无障碍浏览 访问人民银行主站\n首  页 机构简介 公告信息 工作动态 金融数据\n高级搜索\n|\n政务公开目录\n政务公开指南\n"
                 "政务主动公开指引\n政务依申请公开指引\n机构与职责\n中国人民银行重庆市分行印发知识产权质押融资若干措施的通知\n"
                 + BODY + "\n中国人民银行重庆市分行   重庆市知识产权局\n重庆市财政局\n2025年8月18日",
                 "中国人民银行重庆市分行印发知识产权质押融资若干措施的通知", "中国人民银行重庆市分行", "2025-08-18",
                 BODY + "\n中国人民银行重庆市分行   重庆市知识产权局\n重庆市财政局\n2025年8月18日",
                 id="menu-one-item-a-line-notice-signature"),
    pytest.param("W020200115383283992633.jpg\n苏州工业园区首单知识产权证券化\n2020-12-04 13:03:00  来源:新华日报\n1\n听新闻\n"
                 + BODY, "苏州工业园区首单知识产权证券化", "新华日报", "2020-12-04", BODY, id="image-name-counter-listen"),
    pytest.param("湛江知识产权维权援助中心成立\n阅读量：2560\n分享到：\n扫一扫在手机打开当前页\n" + BODY,
                 "湛江知识产权维权援助中心成立", None, None, BODY, id="counter-share-qr"),
    pytest.param("广州市人民政府门户网站\n广州市知识产权局召开质押融资推进会\n发布日期：2023-07-05\n" + BODY,
                 "广州市知识产权局召开质押融资推进会", None, "2023-07-05", BODY, id="portal-name-above-headline"),
    pytest.param("热门搜索: 维权 专利预审 侵权\n茂名知识产权调解委员会启动\n" + BODY,
                 "茂名知识产权调解委员会启动", None, None, BODY, id="search-box"),
    pytest.param("等待处理…\n阳江成立知识产权运营基金\n设计总额5亿元\n2023年09月15日\n本报讯(王强)" + BODY,
                 "阳江成立知识产权运营基金", None, "2023-09-15", "设计总额5亿元\n" + BODY,
                 id="loading-subtitle-date-benbaoxun"),
    # -- WeChat posts ------------------------------------------------------------------------
    pytest.param("广州知识产权证券化再创新高\n原创 广州知识产权 广州市知识产权局 2023-07-05 11:07 发表于广东\n" + BODY,
                 "广州知识产权证券化再创新高", "广州市知识产权局", "2023-07-05", BODY, id="wechat-account-line"),
    pytest.param("惠州专利质押融资再创新高\n南方日报 2023-07-05\n" + BODY, "惠州专利质押融资再创新高", "南方日报",
                 "2023-07-05", BODY, id="outlet-then-date"),
    pytest.param("梅州知识产权证券化落地_新浪财经\n" + BODY, "梅州知识产权证券化落地", "新浪财经", None, BODY,
                 id="headline-with-outlet-suffix"),
    pytest.param("汕尾知识产权保护新举措\n2023-07-05 信息来源：汕尾市市场监督管理局（知识产权局）\n" + BODY,
                 "汕尾知识产权保护新举措", "汕尾市市场监督管理局（知识产权局）", "2023-07-05", BODY,
                 id="government-body-with-bracket"),
    pytest.param("河源知识产权工作会议召开\n【来源：河源日报】\n" + BODY, "河源知识产权工作会议召开", "河源日报", None, BODY,
                 id="bracketed-source"),
    pytest.param("点击蓝字关注我们\n中山知识产权证券化产品发行\n" + BODY + "\n来源：中山发布  编辑：王五  审核：赵六\n阅读原文",
                 "中山知识产权证券化产品发行", "中山发布", None, BODY, id="wechat-sign-off"),
    # -- 原标题 lines, sources at the foot, copyright ----------------------------------------
    pytest.param("揭阳知识产权工作获表彰\n原标题：揭阳市知识产权局获评先进集体\n" + BODY,
                 "揭阳知识产权工作获表彰", None, None, "原标题：揭阳市知识产权局获评先进集体\n" + BODY,
                 id="original-title-is-content-not-the-title"),
    pytest.param("山东6市上榜知识产权强市名单\n" + BODY + "\n来源: 国家知识产权局网\n相关推荐",
                 "山东6市上榜知识产权强市名单", "国家知识产权局网", None, BODY, id="source-line-at-the-foot"),
    pytest.param("山东知识产权强市名单公布\n" + BODY + "\n相关推荐\n|\n闪电热榜\n扫码下载\n闪电新闻客户端\n|\n专题推荐",
                 "山东知识产权强市名单公布", None, None, BODY, id="trailer-of-a-short-article"),
    pytest.param("宁波知识产权质押风险池试点\n本报讯 通讯员张文胜报道 一纸专利证书换到了钱。" + BODY,
                 "宁波知识产权质押风险池试点", None, None, "一纸专利证书换到了钱。" + BODY, id="benbaoxun-correspondent"),
    pytest.param("陕西成立知识产权运营基金\n" + BODY + "\n© 2023 陕西工人报", "陕西成立知识产权运营基金", "陕西工人报", None,
                 BODY, id="copyright-holder"),
    pytest.param("云浮推进专利转化\n" + BODY + "\n（来源：视觉中国）", "云浮推进专利转化", None, None, BODY,
                 id="picture-credit-names-no-source"),
    # -- shapes of the evaluation sets' pages (real shapes; the articles here are invented) ------
    pytest.param("原标题：丽江市推进知识产权质押融资\n" + BODY, "丽江市推进知识产权质押融资", None, None, BODY,
                 id="original-title-label-is-not-part-of-the-title"),
    pytest.param("海南全力抢抓跨越发展的重大机遇(知识产权报)\n" + BODY, "海南全力抢抓跨越发展的重大机遇", "知识产权报",
                 None, BODY, id="outlet-in-brackets-after-the-headline"),
    pytest.param("湖南湘江新区知识产权证券化项目在深交所发行-焦点播报\n" + BODY,
                 "湖南湘江新区知识产权证券化项目在深交所发行", None, None, BODY, id="column-name-after-the-headline"),
    pytest.param("□苏报记者 杨帆\n\n(相关资料图)\n\n" + BODY, None, "苏报", None, BODY,
                 id="outlet-reporter-byline-and-image-caption-above-a-headless-excerpt"),
    pytest.param("本報訊 記者潘從武 通訊員陽海霞 記者近日從會上獲悉，新疆授權專利20495件。", None, None, None,
                 "本報訊 記者潘從武 通訊員陽海霞 記者近日從會上獲悉，新疆授權專利20495件。",
                 id="traditional-benbao-names-no-outlet"),
]


@pytest.mark.parametrize(("raw", "title", "source", "published", "text"), PAGES)
def test_page_layouts(raw: str, title: str | None, source: str | None, published: str | None, text: str) -> None:
    doc = parse(raw, id="page")
    assert (doc.title, doc.source, str(doc.published) if doc.published else None) == (title, source, published)
    assert doc.text == text


def test_page_of_only_furniture_keeps_its_lines() -> None:
    """A text with nothing but short lines is left as it is (never emptied by the header reader)."""
    doc = parse("首页\n新闻\n通知", id="short")
    assert doc.text == "首页\n新闻\n通知"


# -- lines of furniture anywhere in the body (data/furniture.json) ---------------------------
BODY_FURNITURE = [
    pytest.param("【字体：大 中 小】", True, id="font-size"),
    pytest.param("【字号：大 中 小】 打印 关闭", True, id="font-size-print-close"),
    pytest.param("打印本页 关闭窗口", True, id="print-close"),
    pytest.param("无障碍 | 长者模式", True, id="accessibility"),
    pytest.param("浏览次数：123", True, id="views"),
    pytest.param("阅读量", True, id="read-count-label"),
    pytest.param("扫一扫在手机打开当前页", True, id="qr"),
    pytest.param("点击蓝字关注我们", True, id="wechat-follow"),
    pytest.param("阅读原文", True, id="wechat-read-original"),
    pytest.param("![]() |", True, id="markdown-image"),
    pytest.param("东营人民调解委员会.jpg", True, id="image-file-name"),
    pytest.param("记者 杜一格", True, id="reporter-credit"),
    pytest.param("（记者 宋晨）", True, id="reporter-in-brackets"),
    pytest.param("标签: 国家知识产权强县建设示范县 郑州市金水区", True, id="tags"),
    pytest.param("初审编辑:", True, id="first-review-editor"),
    pytest.param("上一篇", True, id="previous-article"),
    pytest.param("密码 忘记密码?", True, id="comment-form"),
    pytest.param("0", True, id="comment-count"),
    pytest.param("记者从省知识产权局获悉，全省质押融资额创新高。", False, id="reporter-sentence-is-body"),
    pytest.param("阅读量大幅增长的专利公开数据平台上线运行。", False, id="read-count-word-in-body"),
    pytest.param("打印机企业获得知识产权质押贷款500万元。", False, id="print-word-in-body"),
]


@pytest.mark.parametrize(("line", "dropped"), BODY_FURNITURE)
def test_body_furniture(line: str, dropped: bool) -> None:
    assert furniture().is_furniture(line) is dropped


# -- the pieces ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "outlet"),
    [
        ("人民网-江苏频道", "人民网"),
        ("大河报·豫视频", "大河报"),
        ("中央广电总台国际在线", "国际在线"),
        ("合肥在線-合肥日報", "合肥日報"),
        ("福建新消费", "福建新消费"),
        ("国家知识产权局网", "国家知识产权局网"),
        ("", None),
        ("本報", None),
        ("国家统计局数据显示，2023年增长", None),
    ],
)
def test_clean_source(value: str, outlet: str | None) -> None:
    assert clean_source(value) == outlet


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (">首页> 新闻 >", "breadcrumb"),
        ("您的位置: 频道首页 > 地市要闻 > 正文", "breadcrumb"),
        ("首页 > 国内", "breadcrumb"),
        ("要闻          城市远洋      |      老外在安徽      |      直观中国", "menu"),
        ("Café au lait, naïve résumé, Zürich — Äpfel für München.", None),
        ("广州市知识产权局发布 2023 年 专利 数据", None),
    ],
)
def test_breadcrumbs_and_menus(line: str, kind: str | None) -> None:
    lay = layouts()
    got = "breadcrumb" if lay.is_breadcrumb(line) else "menu" if lay.is_menu(line) else None
    assert got == kind


def test_fields_of_a_header_line() -> None:
    lead, fields = layouts().fields("2023-06-02 15:26:02来源:中央广电总台国际在线编辑:刘旭东责编:赵滢溪") or ("", {})
    assert lead == "2023-06-02 15:26:02"
    assert fields["source"] == "中央广电总台国际在线" and "published" not in fields
    assert layouts().fields("工作时间：周一至周五") is None  # 时间 inside a word is no label
