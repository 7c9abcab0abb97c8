"""Integrity of the region data files: regions.json (generated), zones.json (by hand), region_words.json."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from policytrack.extract.regions import Gazetteer
from policytrack.models import RegionLevel

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> Any:
    return json.loads(resources.files("policytrack").joinpath("data").joinpath(name).read_text("utf-8"))


REGIONS = _load("regions.json")
ZONES = _load("zones.json")
NATIONAL = _load("national_zones.json")
WORDS = _load("region_words.json")
GAZ = Gazetteer.default()


def test_regions_header_names_source_and_version() -> None:
    assert REGIONS["source"].startswith("cpca 0.5.5 ")
    assert "MIT" in REGIONS["source"]
    assert REGIONS["generated_by"] == "scripts/build_gazetteer.py"
    assert REGIONS["fields"] == ["name", "level", "parent", "code", "aliases"]
    assert all(len(row) == len(REGIONS["fields"]) for row in REGIONS["regions"])


def test_generated_names_and_codes_are_unique() -> None:
    names = [row[0] for row in REGIONS["regions"]]
    codes = [row[3] for row in REGIONS["regions"] if row[3] is not None]
    assert len(names) == len(set(names))
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"\d{6}", c) for c in codes)


def test_every_level_is_a_region_level() -> None:
    levels = {row[1] for row in REGIONS["regions"]} | {e["level"] for e in ZONES["entries"] if "level" in e}
    assert levels <= {lv.value for lv in RegionLevel}


def test_province_level_units() -> None:
    provinces = [r for r in GAZ if r.level is RegionLevel.PROVINCE]
    assert len(provinces) == 34
    assert {"香港", "澳门", "台湾省", "北京市", "内蒙古自治区", "广东省"} <= {r.name for r in provinces}
    assert all(r.parent == "中国" for r in provinces)


@pytest.mark.parametrize(
    "province",
    sorted(
        r.name
        for r in Gazetteer.default()
        if r.level is RegionLevel.PROVINCE and r.name not in {"香港", "澳门", "台湾省"}
    ),
)
def test_every_province_has_cities_or_districts(province: str) -> None:
    children = GAZ.children(province)
    if province in {"北京市", "天津市", "上海市", "重庆市"}:
        assert any(c.level is RegionLevel.DISTRICT for c in children)
    else:
        assert any(c.level is RegionLevel.CITY for c in children)


def test_every_parent_and_span_exists() -> None:
    for region in GAZ:
        if region.parent is not None:
            assert GAZ.get(region.parent) is not None, region
            assert GAZ.get(region.parent).name == region.parent  # type: ignore[union-attr]
        for span in region.spans:
            assert GAZ.get(span) is not None, (region.name, span)


def test_domestic_regions_reach_china() -> None:
    for region in GAZ:
        if region.parent is None:
            assert region.level in (RegionLevel.COUNTRY, RegionLevel.SUPRA), region
            continue
        assert GAZ.ancestors(region.name)[-1].name == "中国", region


def test_aliases_map_to_one_region_unless_documented() -> None:
    documented = (
        set(REGIONS["ambiguous"])
        | {k for k in ZONES["ambiguous"] if not k.startswith("_")}
        | set(NATIONAL["ambiguous"])
    )
    owners: dict[str, set[str]] = defaultdict(set)
    names = {r.name for r in GAZ}
    for region in GAZ:
        for alias in region.aliases:
            assert alias not in names, (alias, region.name)  # an alias never shadows a canonical name
            owners[alias].add(region.name)
    shared = {a for a, o in owners.items() if len(o) > 1}
    assert shared <= documented
    assert set(GAZ.ambiguous) <= documented
    for bare, candidates in GAZ.ambiguous.items():
        assert len(candidates) > 1
        assert all(GAZ.get(c) is not None for c in candidates), bare


def test_stoplisted_short_forms_are_not_aliases() -> None:
    stop = set(WORDS["short_alias_stoplist"]["words"])
    # zones.json may restore a stoplisted short form by hand, with evidence (惠山 for 惠山区)
    restored = {a for e in ZONES["entries"] if e.get("extends") for a in e.get("aliases", ()) if a in stop}
    aliases = {a for r in GAZ for a in r.aliases}
    assert not (stop - restored) & aliases
    assert not stop & set(GAZ.ambiguous)
    for entry in ZONES["entries"]:
        for alias in set(entry.get("aliases", ())) & restored:
            assert entry["name"].startswith(alias), (entry["name"], alias)  # a short form of the name
            assert GAZ.get(alias) == GAZ.get(entry["name"])


def test_zone_entries_have_evidence_and_valid_fields() -> None:
    allowed = {"name", "level", "parent", "aliases", "spans", "code", "replaces", "extends", "evidence"}
    for entry in ZONES["entries"]:
        assert set(entry) <= allowed, entry["name"]
        assert entry["evidence"].strip(), entry["name"]
        if not entry.get("extends"):
            assert "level" in entry and "parent" in entry, entry["name"]
        region = GAZ.get(entry["name"])
        assert region is not None
        # a shared name may go to its preferred holder (深圳市龙华区 → 龙华区)
        if region.name != entry["name"]:
            assert entry["name"] in region.aliases and region.name in GAZ.ambiguous, entry["name"]
        for old in entry.get("replaces", ()):
            assert old in region.aliases


def test_supra_regions_have_spans() -> None:
    domestic_supra = [r for r in GAZ if r.level is RegionLevel.SUPRA and r.parent is not None]
    assert domestic_supra
    assert all(r.spans for r in domestic_supra)


def test_region_words_are_well_formed() -> None:
    scope = WORDS["scope_words"]
    assert {k for k in scope if not k.startswith("_")} == {"district", "city", "province", "country", "zone"}
    words = [w for k, v in scope.items() if not k.startswith("_") for w in v]
    assert len(words) == len(set(words))
    assert set(WORDS["weak_scope_words"]["words"]) <= set(words)
    names = {r.name for r in GAZ} | {a for r in GAZ for a in r.aliases}
    for key in ("blockers", "name_followers", "clause_head_tokens", "claim_cues", "short_alias_stoplist"):
        items = WORDS[key]["words"]
        assert WORDS[key]["_doc"]
        assert len(items) == len(set(items)), key
        assert all(isinstance(w, str) and w.strip() == w and w for w in items), key
    assert not set(WORDS["blockers"]["words"]) & names
    assert not set(words) & names
    for key in ("title_words", "national_cues", "company_suffixes", "venue_markers", "roundup_cues"):
        items = WORDS[key]["words"]
        assert WORDS[key]["_doc"] and items and len(items) == len(set(items)), key
        assert all(isinstance(w, str) and w.strip() == w and w for w in items), key


def test_zone_words_are_well_formed() -> None:
    zone = WORDS["zone_words"]
    assert zone["_doc"]
    forms = [f for fs in zone["forms"].values() for f in fs]
    assert len(forms) == len(set(forms))
    for key, fs in zone["forms"].items():
        assert fs and key in fs, key  # the key is one of its own forms (宁波高新区, 杭州未来科技城)
    assert all(p and p.strip() == p for p in zone["prefixes"] + zone["not_before"])
    for key, chars in zone["form_not_before"].items():
        assert key in zone["forms"] and chars and len(chars) == len(set(chars)), key
        assert all(len(c) == 1 and c.strip() == c for c in chars), key
    # a zone word is never a region name or alias by itself
    names = {r.name for r in GAZ} | {a for r in GAZ for a in r.aliases}
    assert not set(forms) & names
    # gap words and keys (厦门翔安湾科技城): keys are zone keys, gap words short and no zone words
    assert zone["gap_keys"] and set(zone["gap_keys"]) <= set(zone["forms"])
    gaps = zone["gap_words"]
    assert gaps and len(gaps) == len(set(gaps)) and all(0 < len(g) <= 3 and g.strip() == g for g in gaps)
    assert not set(gaps) & (set(forms) | names)
    allowed = zone["bare_allowed_before"]
    assert allowed and len(allowed) == len(set(allowed)) and not allowed.isspace()


def test_bare_zone_and_body_scope_words() -> None:
    scope = WORDS["scope_words"]
    zone_forms = {f for fs in WORDS["zone_words"]["forms"].values() for f in fs}
    assert scope["zone"] and set(scope["zone"]) <= zone_forms  # 高新区 alone: a zone form
    words = [w for level, ws in scope.items() if not level.startswith("_") for w in ws]
    assert len(words) == len(set(words))  # one level per word
    # every body word (区委, 市政府, 省政府...) is weak: 社区委员会 is no 区委
    bodies = {w for w in words if w.endswith(("委", "政府"))}
    assert bodies and bodies <= set(WORDS["weak_scope_words"]["words"])
    assert set(WORDS["weak_scope_words"]["words"]) <= set(words)


def test_dateline_outlet_words() -> None:
    outlet = WORDS["outlet_suffixes"]
    assert outlet["_dateline_doc"]
    for key in ("paper_ends", "dateline_marks"):
        items = outlet[key]
        assert items and len(items) == len(set(items)), key
        assert all(w and w.strip() == w and len(w) <= 2 for w in items), key


def test_city_ranks_name_existing_cities() -> None:
    ranks = ZONES["city_ranks"]
    assert ranks["evidence"].strip()
    assert len(ranks["sub_provincial"]) == 15 and len(ranks["capitals"]) == 27
    for short in ranks["sub_provincial"] + ranks["capitals"]:
        region = GAZ.get(short)
        assert region is not None and region.level is RegionLevel.CITY and region.name == short + "市", short


def test_shared_names_have_at_most_one_bare_holder() -> None:
    for bare, candidates in GAZ.ambiguous.items():
        if bare in NATIONAL["ambiguous"]:
            continue  # a zone short name several zones share (临港经开区): see test_national_zones.py
        holders = [c for c in candidates if c == bare]
        assert len(holders) <= 1, bare
        for c in candidates:
            assert c == bare or c.endswith(bare), (bare, c)  # the others stay city-qualified


@pytest.fixture
def cpca_wheel(request: pytest.FixtureRequest) -> Path:
    """The wheel named by ``--cpca-wheel`` or ``$POLICYTRACK_CPCA_WHEEL`` (.ci/run downloads it)."""
    given = request.config.getoption("--cpca-wheel")
    if not given:
        pytest.skip("needs the cpca wheel: --cpca-wheel PATH or POLICYTRACK_CPCA_WHEEL=PATH")
    wheel = Path(given)
    assert wheel.is_file(), f"--cpca-wheel / POLICYTRACK_CPCA_WHEEL: no such file: {wheel}"
    return wheel


def test_build_script_reproduces_regions_json(tmp_path: Path, cpca_wheel: Path) -> None:
    recorded = REGIONS["source"].split()[:2]  # "cpca 0.5.5 (PyPI, ...": the version the data was built from
    assert cpca_wheel.name.startswith(f"{recorded[0]}-{recorded[1]}-"), (cpca_wheel.name, recorded)
    out = tmp_path / "regions.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), str(cpca_wheel), "-o", str(out)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    packaged = resources.files("policytrack").joinpath("data").joinpath("regions.json").read_text("utf-8")
    assert out.read_text("utf-8") == packaged


def test_outlet_venue_and_roundup_words_are_well_formed() -> None:
    outlets = WORDS["outlet_suffixes"]
    words = outlets["words"] + outlets["boundary_words"]
    assert outlets["_doc"] and len(words) == len(set(words))
    assert all(isinstance(w, str) and w and w.strip() == w for w in words)
    names = {r.name for r in GAZ} | {a for r in GAZ for a in r.aliases}
    assert not set(words) & names
    venue = WORDS["venue_markers"]
    # each is a false marker
    assert all(any(w.endswith(m) for m in venue["words"]) for w in venue["not_after"])
    roundup = WORDS["roundup_cues"]
    assert all(len(c) == 1 for c in roundup["not_after"])
    assert not set(roundup["words"]) & names
