#!/usr/bin/env python3
"""Generate ``src/policytrack/data/regions.json`` from public GB/T 2260 data.

Source: the ``cpca`` package on PyPI (MIT licence, see its ``LICENSE`` and
``License: MIT`` metadata), which ships ``cpca/resources/adcodes.csv`` (12-digit
GB/T 2260 codes and names) and ``cpca/resources/56_nations.csv``.  This script
reads those two files straight out of the wheel (a zip file); cpca is never
installed or imported, and none of its files are copied into this repository.

Usage::

    python scripts/build_gazetteer.py /path/to/cpca-0.5.5-py3-none-any.whl

What it writes, per region: canonical name, level, parent's canonical name,
6-digit code, aliases.  Rules:

* levels come from the code: ``PP0000`` province, ``PPCC00`` prefecture-level
  city, anything else a county-level unit ("district"); placeholder rows
  (市辖区, 县, 省直辖县级行政区划) are dropped and their children hang on the
  province.  香港/澳门 get their short names as canonical (the export contract
  says so), the official name as alias.  中国 is the root.
* canonical names are unique: a county-level name used by several cities
  (朝阳区) becomes ``<city><name>`` (北京市朝阳区, 长春市朝阳区) and the bare name
  is listed under ``"ambiguous"`` in the header.
* short aliases: provinces and cities drop 省/市/自治区/自治州/地区/盟 and ethnic
  names (内蒙古自治区 → 内蒙古, 湘西土家族苗族自治州 → 湘西); county-level units
  only when they are a 区 or a county-level 市 (越秀区 → 越秀, 浦东新区 → 浦东,
  昆山市 → 昆山); 县/旗/自治县 get none.  A short alias is kept only when it
  has two or more characters, is not in ``short_alias_stoplist`` of
  ``region_words.json`` (common words), and no other region already uses it; on
  a clash the higher level keeps it (吉林 → 吉林省, not 吉林市) and clashes at
  the same level drop it for both (南山 is 深圳 and 鹤岗).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "policytrack" / "data"
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
SHORT_CANONICAL = {"香港特别行政区": "香港", "澳门特别行政区": "澳门"}
LEVEL_RANK = {"country": 0, "province": 1, "city": 2, "district": 3}


def read_wheel(wheel: Path) -> tuple[str, list[tuple[str, str]], list[str]]:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = zf.read(meta_name).decode("utf-8")
        fields = dict(
            line.split(": ", 1)
            for line in meta.splitlines()[:20]
            if ": " in line and not line.startswith(" ")
        )
        if fields.get("Name") != "cpca" or fields.get("License") != "MIT":
            raise SystemExit(f"unexpected package metadata: {fields.get('Name')} {fields.get('License')}")
        version = fields["Version"]
        rows = list(csv.DictReader(io.StringIO(zf.read("cpca/resources/adcodes.csv").decode("utf-8"))))
        nations = zf.read("cpca/resources/56_nations.csv").decode("utf-8").split()
    return version, [(r["adcode"][:6], r["name"].strip()) for r in rows], nations


def strip_ethnic(name: str, nations: list[str]) -> str:
    """Drop trailing ethnic names: 湘西土家族苗族 → 湘西, 新疆维吾尔 → 新疆 (but 内蒙古 stays)."""
    forms = set(nations) | {n[:-1] for n in nations if n.endswith("族") and len(n) >= 3}
    by_length = sorted(forms, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for nation in by_length:
            if name.endswith(nation) and len(name) - len(nation) >= 2:
                name = name[: -len(nation)]
                changed = True
                break
    return name


def short_form(name: str, level: str, nations: list[str]) -> str | None:
    if level == "province":
        for suffix in ("特别行政区", "自治区", "省", "市"):
            if name.endswith(suffix):
                return strip_ethnic(name[: -len(suffix)], nations)
        return None
    if level == "city":
        for suffix in ("自治州", "地区", "盟", "市"):
            if name.endswith(suffix):
                return strip_ethnic(name[: -len(suffix)], nations)
        return None
    # county level: only 区 (incl. 新区/特区) and county-level 市
    if "自治" in name:
        return None
    for suffix in ("新区", "特区", "区", "市"):
        # 浦东新区 → 浦东, 六枝特区 → 六枝, but 清新区 → 清新 (a 2-character stem is kept whole)
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def build(wheel: Path) -> dict[str, object]:
    version, rows, nations = read_wheel(wheel)
    words = json.loads((DATA / "region_words.json").read_text(encoding="utf-8"))
    stop = set(words["short_alias_stoplist"]["words"])

    by_code = {code: name for code, name in rows if name not in PLACEHOLDERS}
    regions: dict[str, dict[str, object]] = {}  # keyed by code
    for code, name in sorted(by_code.items()):
        if code[2:] == "0000":
            level, parent_code = "province", None
        elif code[4:] == "00":
            level, parent_code = "city", code[:2] + "0000"
        else:
            level = "district"
            city = code[:4] + "00"
            parent_code = city if city in by_code else code[:2] + "0000"
        regions[code] = {
            "name": SHORT_CANONICAL.get(name, name),
            "official": name,
            "level": level,
            "parent_code": parent_code,
        }

    # unique canonical names: qualify clashing county-level names with their parent
    counts = Counter(str(r["name"]) for r in regions.values())
    ambiguous: dict[str, list[str]] = defaultdict(list)
    for r in regions.values():
        if counts[str(r["name"])] > 1:
            if r["level"] != "district":
                raise SystemExit(f"clash above county level: {r['name']}")
            parent = regions[str(r["parent_code"])]["name"]
            bare = str(r["name"])
            r["name"] = f"{parent}{bare}"
            if bare not in stop:
                ambiguous[bare].append(str(r["name"]))
    assert len({r["name"] for r in regions.values()}) == len(regions)

    # aliases: official names that differ, then short forms by level (higher level first)
    taken: dict[str, str] = {str(r["name"]): str(r["name"]) for r in regions.values()}
    taken.update(dict.fromkeys(ambiguous, "?"))
    aliases: dict[str, list[str]] = {str(r["name"]): [] for r in regions.values()}
    for r in regions.values():
        official = str(r["official"])
        if official != r["name"] and official not in ambiguous and official not in stop:
            aliases[str(r["name"])].append(official)
            taken[official] = str(r["name"])
    proposals: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in regions.values():
        short = short_form(str(r["official"]), str(r["level"]), nations)
        if short and len(short) >= 2 and short not in stop and short not in taken:
            proposals[short].append((LEVEL_RANK[str(r["level"])], str(r["name"])))
    dropped: list[str] = []
    for short, claimants in sorted(proposals.items()):
        claimants.sort()
        if len(claimants) > 1 and claimants[0][0] == claimants[1][0]:
            dropped.append(short)
            continue
        aliases[claimants[0][1]].append(short)

    out_rows: list[list[object]] = [["中国", "country", None, None, ["中华人民共和国"]]]
    for code, r in sorted(regions.items()):
        parent = regions[str(r["parent_code"])]["name"] if r["parent_code"] else "中国"
        out_rows.append([r["name"], r["level"], parent, code, aliases[str(r["name"])]])
    return {
        "source": f"cpca {version} (PyPI, MIT licence): cpca/resources/adcodes.csv, 56_nations.csv",
        "source_url": f"https://pypi.org/project/cpca/{version}/",
        "standard": "GB/T 2260 administrative division codes (6 digits)",
        "vintage": "about mid-2016: has 崇明区 (2016-07), lacks 郫都区 (2016-11); later changes are in zones.json",
        "generated_by": "scripts/build_gazetteer.py",
        "fields": ["name", "level", "parent", "code", "aliases"],
        "ambiguous": {k: sorted(v) for k, v in sorted(ambiguous.items())},
        "dropped_short_forms": dropped,
        "regions": out_rows,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="path to a cpca wheel (e.g. cpca-0.5.5-py3-none-any.whl)")
    ap.add_argument("-o", "--output", type=Path, default=DATA / "regions.json")
    args = ap.parse_args()
    data = build(args.wheel)
    regions = data["regions"]
    assert isinstance(regions, list)
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in regions)
    header = {k: v for k, v in data.items() if k != "regions"}
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":"))[:-1]
    args.output.write_text(f'{text},\n"regions":[\n{lines}\n]}}\n', encoding="utf-8")
    print(f"wrote {len(regions)} regions to {args.output}")


if __name__ == "__main__":
    main()
