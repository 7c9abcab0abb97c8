#!/usr/bin/env python3
"""Generate ``src/policytrack/data/national_zones.json`` from the official lists of national zones.

Source: ``scripts/data/national_zones.tsv``, policytrack's own transcription of the
official lists (public facts): 科技部火炬中心's list of 国家高新区, 商务部's list of
国家级经济技术开发区, the State Council's approvals of the 19 国家级新区 and its
总体方案 of the 22 自由贸易试验区 with their 片区.  Each section of the file names
its list; an entry may name its own.  Optionally ``--nbs`` cross-checks the
parents against the 国家统计局 statistical division codes (``areas.csv`` of the
public-domain-like WTFPL repository modood/Administrative-divisions-of-China,
read from the path given, never copied): a zone listed there as a county-level
unit must lie in the same city as our parent.

Usage::

    python scripts/build_zones.py [--nbs /path/to/areas.csv]

What it writes, per zone: the official full name (canonical), level ``zone``, the
parent (the region it lies in: given in the list, or else the innermost region
named at the start of the name, within the zone's province), its kinds
(``hitech``, ``etdz``, ``new_area``, ``ftz``, ``ftz_area``), its sources and its
aliases.  Aliases are the names people write, made by rule:

* 高新技术产业开发区/高新技术产业园区/新技术产业开发区/高技术产业开发区 → 高新区,
  农业高新技术产业示范区 → 农高区, 经济技术开发区/经济开发区 → 经开区
  (成都高新区, 天津西青经开区), and the same without a leading city when a
  district or county name follows it (西青经开区, 净月高新区);
* 国家级新区: without the leading province (两江新区, 西咸新区);
* 自由贸易试验区 中国（X）…: X自贸区, X自贸试验区, X自由贸易试验区 and the form with
  ASCII brackets; a 片区 …Y片区: the same heads + Y片区, and Y自贸片区 when Y
  starts with a place name (南京自贸片区);

plus the aliases given in the list.  Short names are checked: a short name
claimed by two zones is kept by neither and listed under ``ambiguous`` (the
gazetteer resolves it from the text around it); one that is a region's name or
alias already (滨海新区 is a district), a zone word alone (新区, 高新区) or a
stoplisted common word is dropped and listed under ``dropped`` with the reason.
A zone that is one administration with a region (``same_as``: 广州经济技术开发区 →
广州开发区, 天津滨海新区 → 滨海新区) gets no entry of its own: an ``extends``
entry adds its names to that region.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from policytrack.extract.regions import Gazetteer  # noqa: E402
from policytrack.models import RegionLevel  # noqa: E402

DATA = ROOT / "src" / "policytrack" / "data"
SOURCE = ROOT / "scripts" / "data" / "national_zones.tsv"
KINDS = {
    "hitech": "国家高新技术产业开发区",
    "etdz": "国家级经济技术开发区",
    "new_area": "国家级新区",
    "ftz": "自由贸易试验区",
    "ftz_area": "自由贸易试验区片区",
}
# official endings → the short word people write, longest first
SHORT_WORDS = [
    ("农业高新技术产业示范区", "农高区"),
    ("高新技术产业开发区", "高新区"),
    ("高新技术产业园区", "高新区"),
    ("新技术产业开发区", "高新区"),
    ("火炬高技术产业开发区", "火炬高新区"),
    ("高技术产业开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
]
OTHER_ENDINGS = ["新兴技术开发区", "台商投资区", "工业园区", "产业园区", "开发区", "新区"]
FTZ_HEAD = "自由贸易试验区"
FTZ_SHORT_HEADS = ["自贸区", "自贸试验区", "自由贸易试验区"]
PLACE_LEVELS = (RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.DISTRICT)


class Row:
    def __init__(self, kind: str, source: str, cols: list[str], line: int) -> None:
        cols = cols + [""] * (6 - len(cols))
        self.kind = kind
        self.province, self.name, self.parent = cols[0].strip(), cols[1].strip(), cols[2].strip()
        self.aliases = [a.strip() for a in cols[3].split("|") if a.strip()]
        self.same_as = cols[4].strip()
        self.source = cols[5].strip() or source
        self.line = line
        if not self.province or not self.name:
            raise SystemExit(f"{SOURCE.name}:{line}: province and name are required")


def read_rows(path: Path) -> list[Row]:
    rows: list[Row] = []
    kind = source = ""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@kind "):
            head, _, source = line[len("@kind ") :].partition("|")
            kind, source = head.strip(), source.strip()
            if kind not in KINDS or not source:
                raise SystemExit(f"{path.name}:{n}: unknown kind or missing source: {line}")
            continue
        if not kind:
            raise SystemExit(f"{path.name}:{n}: entry before any @kind line")
        rows.append(Row(kind, source, line.split("\t"), n))
    return rows


def stem_of(name: str) -> tuple[str, str]:
    """(stem, short word) of a zone name: 成都高新技术产业开发区 → (成都, 高新区)."""
    for ending, short in SHORT_WORDS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)], short
    for ending in OTHER_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)], ""
    return name, ""


class Placer:
    """Finds regions in names with the gazetteer of regions.json + zones.json (no national zones)."""

    def __init__(self) -> None:
        self.gaz = Gazetteer.from_package_data(national_zones=False)

    def province(self, short: str) -> str:
        region = self.gaz.get(short)
        if region is None or region.level is not RegionLevel.PROVINCE:
            raise SystemExit(f"unknown province: {short}")
        return region.name

    def leading_places(self, text: str, province: str) -> list[tuple[str, int]]:
        """Regions named one after another from the start of ``text``, each inside the one
        before and all inside ``province``: [(canonical name, end offset)]."""
        out: list[tuple[str, int]] = []
        pos = 0
        found = [(m.name, m.start, m.end, m.level) for m in self.gaz.find(text, context=province)]
        if not found or found[0][1] != 0:
            # a short form stoplisted as a common word (安康) or a place without a short form:
            # the longest head that is a region once 市/区/县 is added
            for k in range(len(text), 1, -1):
                for suffix in ("市", "区", "县", "地区", "盟"):
                    region = self.gaz.get(text[:k] + suffix)
                    if region is not None and region.level in PLACE_LEVELS:
                        found = [(region.name, 0, k, region.level)]
                        break
                else:
                    continue
                break
        for name, start, end, level in found:
            if start != pos or level not in PLACE_LEVELS:
                break
            if not self.gaz.is_within(name, province):
                break
            if out and not self.gaz.is_within(name, out[-1][0]):
                break
            out.append((name, end))
            pos = end
        return out

    def parent(self, row: Row, province: str, listed: dict[str, str]) -> str:
        """Where ``row`` lies; ``listed``: the national zones of the file, name → province
        (a 片区 may lie in a zone of the list: 雄安片区 in 河北雄安新区)."""
        if row.parent in listed:
            if listed[row.parent] != province:
                raise SystemExit(f"line {row.line}: {row.parent} is not in {province}")
            return row.parent
        if row.parent:
            region = self.gaz.get(row.parent)
            if region is None:
                raise SystemExit(f"line {row.line}: unknown parent {row.parent}")
            if not self.gaz.is_within(region.name, province):
                raise SystemExit(f"line {row.line}: {row.parent} is not in {province}")
            return region.name
        text = row.name.partition(FTZ_HEAD)[2] if row.kind == "ftz_area" else stem_of(row.name)[0]
        places = self.leading_places(text, province)
        if not places:
            raise SystemExit(f"line {row.line}: no place at the start of {row.name}; give its parent")
        return places[-1][0]


def short_names(row: Row, placer: Placer, province: str) -> list[str]:
    """The regular short names of a zone (see the module docstring)."""
    name = row.name
    out: list[str] = []
    if row.kind == "ftz" or row.kind == "ftz_area":
        if not (name.startswith("中国（") and FTZ_HEAD in name):
            raise SystemExit(f"line {row.line}: not a 中国（X）{FTZ_HEAD}… name: {name}")
        x = name[len("中国（") : name.index("）")]
        tail = name.split(FTZ_HEAD, 1)[1]  # "" for the zone, "南京片区" for an area
        out += [x + head + tail for head in FTZ_SHORT_HEADS]
        out += [f"中国({x}){FTZ_HEAD}{tail}", f"中国（{x}）自贸试验区{tail}", f"中国（{x}）自贸区{tail}"]
        if tail:
            area = tail.removesuffix("片区")
            if area.endswith("新") and not area.endswith("新区"):
                area = area[:-1]  # 临港新片区
            if placer.leading_places(area, province):
                out.append(area + "自贸片区")
        return out
    if row.kind == "new_area":
        short = placer.gaz.get(row.province)
        heads = [row.province, short.name if short else row.province]
        for head in heads:
            if name.startswith(head) and len(name) - len(head) >= 4:
                out.append(name[len(head) :])
        return out
    stem, word = stem_of(name)
    if not word:
        return out
    out.append(stem + word)
    if word == "火炬高新区":
        out.append(stem + "高新区")
    places = placer.leading_places(stem, province)
    inner = placer.gaz.get(places[-1][0]) if places else None
    if inner is not None and inner.level is RegionLevel.DISTRICT:
        # 天津西青 is one mention of 西青区: 西青经开区 is what the gazetteer makes of 西青 + 经开区
        heads = [a for a in (*inner.aliases, inner.name) if len(a) >= 2 and inner.name.startswith(a)]
        head = min(heads, key=len) if heads else inner.name
        if stem.endswith(head) and stem != head:
            out.append(head + word)
    if places:
        first_level = placer.gaz.get(places[0][0])
        rest = stem[places[0][1] :]
        if (
            first_level is not None
            and first_level.level in (RegionLevel.CITY, RegionLevel.PROVINCE)
            and len(rest) >= 2
            and len(places) >= 2
        ):
            out.append(rest + word)  # 天津西青经开区 → 西青经开区: a district/county follows the city
        elif (
            first_level is not None
            and first_level.level is RegionLevel.CITY
            and len(rest) >= 2
            and not placer.gaz.find(rest)
            and not any(placer.gaz.get(rest + end) for end in ("区", "县", "市", "新区"))
        ):
            out.append(rest + word)  # 长春净月高新区 → 净月高新区: a park name follows the city
    return out


def build(nbs: Path | None) -> dict[str, Any]:
    rows = read_rows(SOURCE)
    placer = Placer()
    gaz = placer.gaz
    words = json.loads((DATA / "region_words.json").read_text(encoding="utf-8"))
    stop = set(words["short_alias_stoplist"]["words"])
    zone_words = set(words["scope_words"]["zone"]) | {
        f for forms in words["zone_words"]["forms"].values() for f in forms
    }
    zone_words |= {p + w for p in words["zone_words"]["prefixes"] for w in zone_words}  # 国家高新区

    # one record per official name (苏州工业园区 is on two lists)
    zones: dict[str, dict[str, Any]] = {}
    listed = {row.name: placer.province(row.province) for row in rows if not row.same_as}
    for row in rows:
        province = placer.province(row.province)
        target = None
        if row.same_as:
            region = gaz.get(row.same_as)
            if region is None:
                raise SystemExit(f"line {row.line}: same_as {row.same_as} is no region")
            target = region.name
        parent = None if target else placer.parent(row, province, listed)
        rec = zones.get(row.name)
        if rec is None:
            rec = zones[row.name] = {
                "name": row.name, "province": province, "parent": parent, "same_as": target,
                "kinds": [], "sources": [], "given": [], "short": [],
            }
        elif (rec["parent"], rec["same_as"]) != (parent, target):
            raise SystemExit(f"line {row.line}: {row.name} listed twice with different places")
        rec["kinds"].append(row.kind)
        rec["sources"].append(row.source)
        rec["given"] += [a for a in row.aliases if a not in rec["given"]]
        rec["short"] += [a for a in short_names(row, placer, province) if a not in rec["short"]]

    # who claims each alias (a zone's own official name claims it too)
    claims: dict[str, set[str]] = defaultdict(set)
    dropped: dict[str, str] = {}
    for rec in zones.values():
        for alias in [rec["name"], *rec["given"], *rec["short"]]:
            if alias in zone_words or alias in stop:
                dropped[alias] = "a zone word or common word alone"
                continue
            claims[alias].add(rec["name"])
    ambiguous: dict[str, list[str]] = {}
    for alias, owners in sorted(claims.items()):
        if len(owners) > 1:
            ambiguous[alias] = sorted(owners)

    listed: dict[str, set[str]] = defaultdict(set)  # names and aliases of the listed regions
    for region in gaz:
        for alias in (region.name, *region.aliases):
            listed[alias].add(region.name)

    def landing(rec: dict[str, Any]) -> str:
        return str(rec["same_as"] or rec["name"])

    entries: list[dict[str, Any]] = []
    extends: dict[str, dict[str, Any]] = {}
    for rec in zones.values():
        aliases: list[str] = []
        for alias in [rec["name"], *rec["given"], *rec["short"]]:
            if alias == landing(rec) or alias in aliases:
                continue
            if alias in ambiguous or alias in dropped:
                continue
            holders = listed.get(alias, set())
            if alias in gaz.ambiguous:
                dropped[alias] = f"shared by regions {', '.join(gaz.ambiguous[alias])}"
                continue
            if holders - {landing(rec)}:
                dropped[alias] = f"already a name of {', '.join(sorted(holders))}"
                continue
            if holders:
                continue  # already that region's name or alias
            aliases.append(alias)
        source = "; ".join(dict.fromkeys(rec["sources"]))
        if rec["same_as"]:
            ext = extends.setdefault(rec["same_as"], {
                "name": rec["same_as"], "extends": True, "aliases": [], "official": [],
                "kinds": [], "source": [],
            })
            ext["aliases"] += [a for a in aliases if a not in ext["aliases"]]
            ext["official"].append(rec["name"])
            ext["kinds"] += [k for k in rec["kinds"] if k not in ext["kinds"]]
            ext["source"].append(source)
            continue
        entries.append({
            "name": rec["name"], "level": "zone", "parent": rec["parent"], "province": rec["province"],
            "kinds": rec["kinds"], "aliases": aliases, "source": source,
        })
    for ext in extends.values():
        ext["source"] = "; ".join(dict.fromkeys(ext["source"]))
        entries.append(ext)

    if nbs is not None:
        check_nbs(nbs, zones, gaz)

    counts = {k: sum(1 for r in zones.values() if k in r["kinds"]) for k in KINDS}
    return {
        "_doc": (
            "Generated by scripts/build_zones.py from scripts/data/national_zones.tsv; do not edit by hand. "
            "Every national zone under its official full name, level zone, parent = the region it lies in, "
            "kinds, source (the official list it is on) and aliases (the short names people write). "
            "Entries with extends add the names of a zone that is one administration with an existing "
            "region (official: the zones' official names). ambiguous: short names several zones share, "
            "resolved from the surrounding text by the gazetteer; dropped: short names not used, with why."
        ),
        "generated_by": "scripts/build_zones.py",
        "source": "scripts/data/national_zones.tsv (transcription of the official lists; each entry names its list)",
        "kinds": KINDS,
        "counts": counts,
        "ambiguous": ambiguous,
        "dropped": dict(sorted(dropped.items())),
        "entries": entries,
    }


def check_nbs(path: Path, zones: dict[str, dict[str, Any]], gaz: Gazetteer) -> None:
    """Print zones whose 国家统计局 county-level unit lies in another city than our parent."""
    with path.open(encoding="utf-8") as fh:
        units = {row["name"]: row["cityCode"] for row in csv.DictReader(fh)}
    checked = bad = 0
    for rec in zones.values():
        city = units.get(rec["name"])
        place = rec["same_as"] or rec["parent"]
        region = gaz.get(place)
        if city is None or region is None or region.code is None:
            continue
        checked += 1
        code = region.code
        if code[2:4] == "00":
            continue  # a province-level parent: nothing to compare
        if not code.startswith(city[:4]) and not (code[2:4] == "01" and city[2:4] in ("01", "02")):
            bad += 1
            print(f"NBS: {rec['name']} is in city {city}, parent {place} has code {code}")
    print(f"NBS cross-check: {checked} zones found in {path.name}, {bad} in another city")


def write(data: dict[str, Any], out: Path) -> None:
    entries = data["entries"]
    header = {k: v for k, v in data.items() if k != "entries"}
    head = json.dumps(header, ensure_ascii=False, indent=1)[:-2]
    body = ",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries)
    out.write_text(f'{head},\n "entries": [\n{body}\n]}}\n', encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nbs", type=Path, help="国家统计局 areas.csv (code,name,cityCode,provinceCode) to cross-check parents")
    ap.add_argument("-o", "--output", type=Path, default=DATA / "national_zones.json")
    args = ap.parse_args()
    data = build(args.nbs)
    write(data, args.output)
    print(f"wrote {len(data['entries'])} entries ({data['counts']}) to {args.output}")
    print(f"ambiguous short names: {len(data['ambiguous'])}, dropped: {len(data['dropped'])}")


if __name__ == "__main__":
    main()
