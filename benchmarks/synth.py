"""Synthetic articles in the style of regional IP-policy news, for the scale benchmark.

Every article is recombined from sentence templates written for this generator (none is a
seed sentence), filled with varied numbers, dates, districts, banks and outlets: statistics
with year-on-year changes, first claims at several scopes, institutions opening, financing
products, plans and targets, plus connective prose.  Front matter gives the title, the
publication date and the outlet, as the crawled seeds have it.  Article ``i`` depends only
on ``(seed, i)``, so a 1k corpus is the first thousand articles of the 10k one.

    python benchmarks/synth.py OUT_DIR --n 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

CITIES = {
    "广州市": ("广东省", ["越秀区", "海珠区", "天河区", "广州市白云区", "番禺区", "花都区", "南沙区", "广州开发区"]),
    "深圳市": ("广东省", ["福田区", "罗湖区", "深圳市南山区", "宝安区", "龙岗区", "前海深港现代服务业合作区"]),
    "上海市": (None, ["黄浦区", "徐汇区", "静安区", "浦东新区", "闵行区", "嘉定区", "临港新片区"]),
    "北京市": (None, ["东城区", "海淀区", "丰台区", "北京市朝阳区", "北京经济技术开发区", "中关村"]),
    "杭州市": ("浙江省", ["上城区", "滨江区", "萧山区", "余杭区", "杭州市西湖区"]),
    "南京市": ("江苏省", ["玄武区", "秦淮区", "建邺区", "江宁区", "南京江北新区"]),
    "苏州市": ("江苏省", ["姑苏区", "吴中区", "相城区", "吴江区", "苏州工业园区"]),
    "成都市": ("四川省", ["锦江区", "青羊区", "武侯区", "成华区", "龙泉驿区", "天府新区"]),
    "武汉市": ("湖北省", ["江岸区", "江汉区", "武昌区", "洪山区", "汉阳区"]),
    "西安市": ("陕西省", ["碑林区", "莲湖区", "雁塔区", "未央区", "灞桥区"]),
}
OUTLETS = ["南方日报", "新华网", "人民网", "中国知识产权报", "经济日报", "21世纪经济报道", "澎湃新闻", "南方+"]
BANKS = ["工商银行", "建设银行", "农业银行", "中国银行", "交通银行", "招商银行", "兴业银行", "浦发银行"]
BRANDS = ["知易贷", "专利快贷", "科创e贷", "智权融", "知惠贷", "创新积分贷"]
INSURERS = ["人保财险", "平安产险", "太平洋产险"]
PLANS = [
    "知识产权强区建设实施方案", "知识产权质押融资风险补偿办法", "关于强化知识产权保护的若干措施",
    "知识产权运营服务体系建设三年行动计划", "高价值专利培育工作方案", "商标品牌战略实施意见",
]
MECHANISMS = [
    "知识产权纠纷快速调解机制", "专利侵权纠纷行政裁决机制", "海外知识产权纠纷应对指导机制",
    "知识产权证券化风险分担机制", "技术调查官制度",
]
FIRST_SUBJECTS = [
    "知识产权证券化产品", "专利许可资产支持专项计划", "知识产权海外侵权责任保险",
    "数据知识产权质押贷款", "商标专用权质押融资保险", "知识产权交易保险",
]
FIRST_SCOPES = ["全国首单", "全省首单", "全市首个", "全国首批", "全省首家", "全国首个"]
TITLES = [
    "{d}知识产权工作再上新台阶", "{d}：以高质量知识产权赋能创新发展", "{c}知识产权金融服务提质增效",
    "{d}打造知识产权保护高地", "{c}发布知识产权发展状况报告", "{d}知识产权质押融资规模创新高",
]

STATS = [
    "{Y}年，{D}专利授权量{n4}件，同比增长{p}%。",
    "{Y}年全年，{D}发明专利授权量达到{n3}件，同比增长{p}%。",
    "截至{Y}年{M}月底，{D}有效发明专利{n4}件。",
    "截至{Y}年底，{D}每万人口高价值发明专利拥有量{x2}件，位居全市前列。",
    "{Y}年，{C}PCT国际专利申请量{n3}件，同比增长{p}%。",
    "{Y}年{D}商标注册量{n4}件，有效注册商标总量突破{n5}件。",
    "{Y}年以来，{D}知识产权质押融资金额{x1}亿元，惠及企业{n2}家。",
    "{Y}年，{D}办理专利权质押登记{n2}笔，质押融资额{x1}亿元，同比增长{p}%。",
    "{D}累计培育国家知识产权优势企业、示范企业{n2}家。",
]
FIRSTS = [
    "{Y}年{M}月，{D}落地{scope}{subject}，融资规模{x1}亿元。",
    "{D}在全省率先建立{mechanism}，相关经验在全市推广。",
    "{Y}年，{bank}{C}分行为区内企业发放{scope}{subject}。",
]
INSTITUTIONS = [
    "{Y}年{M}月{d}日，中国（{Cs}）知识产权保护中心正式揭牌运行。",
    "{Y}年{M}月，{D}知识产权运营服务中心挂牌成立，首批入驻服务机构{n1}家。",
    "{C}知识产权法庭于{Y}年{M}月设立，当年审结各类知识产权案件{n4}件。",
    "{D}知识产权纠纷人民调解委员会已成功调解纠纷{n2}宗。",
]
PRODUCTS = [
    "{bank}推出“{brand}”知识产权质押贷款产品，已为{n2}家科技型企业授信{x1}亿元。",
    "目前，区内共有{n2}家企业投保海外知识产权侵权责任保险，保障金额达{x1}亿元。",
    "{Y}年，{D}发行知识产权证券化产品{n1}支，融资额超{x1}亿元。",
    "{insurer}为{D}企业提供知识产权被侵权损失保险，累计保额{x1}亿元。",
]
INITIATIVES = [
    "{Y}年{M}月，{D}印发《{D}{plan}》，从{n1}个方面提出具体举措。",
    "{C}出台《{plan}》，设立{n1}亿元知识产权运营引导资金。",
    "{D}启动“知识产权服务进园区”专项行动，走访企业{n3}家。",
]
EVENTS = [
    "{Y}年，{D}获批建设国家知识产权服务业集聚发展示范区。",
    "{Y}年{M}月，{D}入选国家知识产权强县建设示范县（区）。",
    "{Y}年，{C}获批开展知识产权运营服务体系建设重点城市工作。",
]
TARGETS = [
    "到{F}年，{D}每万人口高价值发明专利拥有量将达到{x2}件。",
    "力争到{F}年，{C}知识产权质押融资登记金额突破{n3}亿元。",
    "预计到{F}年，{D}PCT国际专利申请量年均增长{p}%以上。",
]
PROSE = [
    "下一步，{D}将持续深化知识产权领域改革，优化创新生态，为高质量发展提供有力支撑。",
    "{D}市场监管局有关负责人介绍，知识产权已成为企业融资的重要增信手段。",
    "业内人士认为，知识产权金融产品有效缓解了轻资产科技企业“融资难、融资贵”的问题。",
    "近年来，{D}坚持把知识产权作为推动创新驱动发展的关键抓手。",
    "与会企业代表表示，将进一步加大研发投入，提升核心技术的专利布局能力。",
    "据悉，相关部门还将加强跨区域知识产权执法协作，严厉打击侵权假冒行为。",
    "这一做法得到了企业的广泛认可，申请流程由原来的{n1}个工作日缩短至{n0}个工作日。",
]
GROUPS = [STATS, FIRSTS, INSTITUTIONS, PRODUCTS, INITIATIVES, EVENTS, TARGETS, PROSE]
WEIGHTS = [5, 1, 1, 2, 1, 1, 1, 4]


def _fill(template: str, rng: random.Random, city: str, district: str, year: int) -> str:
    short = city.removesuffix("市")
    values = {
        "C": city,
        "Cs": short,
        "D": district,
        "Y": str(rng.choice([year, year, year - 1, year - 2])),
        "F": str(year + rng.choice([2, 3, 5])),
        "M": str(rng.randint(1, 12)),
        "d": str(rng.randint(1, 28)),
        "n0": str(rng.randint(2, 9)),
        "n1": str(rng.randint(3, 20)),
        "n2": str(rng.randint(20, 900)),
        "n3": str(rng.randint(1000, 9000)),
        "n4": str(rng.randint(10000, 99999)),
        "n5": str(rng.randint(10, 90)) + "万",
        "x1": f"{rng.uniform(0.5, 80):.2f}",
        "x2": f"{rng.uniform(5, 200):.2f}",
        "p": f"{rng.uniform(1, 60):.1f}",
        "scope": rng.choice(FIRST_SCOPES),
        "subject": rng.choice(FIRST_SUBJECTS),
        "mechanism": rng.choice(MECHANISMS),
        "bank": rng.choice(BANKS),
        "brand": rng.choice(BRANDS),
        "insurer": rng.choice(INSURERS),
        "plan": rng.choice(PLANS),
    }
    return template.format(**values)


def article(i: int, seed: int = 7) -> tuple[str, str]:
    """The file name and text of synthetic article ``i``."""
    rng = random.Random(f"{seed}:{i}")
    city = rng.choice(list(CITIES))
    district = rng.choice(CITIES[city][1])
    year = rng.randint(2016, 2024)
    published = f"{year + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    first_mention = district if district.startswith(city) else city + district
    title = rng.choice(TITLES).format(c=city, d=district)
    paragraphs = []
    for p in range(rng.randint(6, 10)):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            group = rng.choices(GROUPS, WEIGHTS)[0]
            sentences.append(_fill(rng.choice(group), rng, city, district, year))
        text = "".join(sentences)
        if p == 0:
            text = text.replace(district, first_mention, 1)
        paragraphs.append(text)
    body = "\n".join(f"　　{p}" for p in paragraphs)
    front = f"---\ntitle: '{title}'\ndate: {published}\nsource: {rng.choice(OUTLETS)}\n---\n"
    return f"{i:06d}_{seed}.txt", front + body + "\n"


def generate(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    for i in range(n):
        yield article(i, seed)


def write_corpus(folder: Path, n: int, seed: int = 7, *, per_dir: int = 1000) -> int:
    """Write ``n`` articles under ``folder`` (``per_dir`` a sub-folder); return the bytes written."""
    total = 0
    for i, (name, text) in enumerate(generate(n, seed)):
        sub = folder / f"{i // per_dir:04d}"
        if i % per_dir == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (sub / name).write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = write_corpus(args.out, args.n, args.seed)
    print(f"{args.n} articles, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
