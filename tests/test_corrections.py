"""Corrections as data in the store: reject, set, undo; applied by the queries; surviving
re-ingest, new versions and re-extraction; orphans reported."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import policytrack
from policytrack import StoreError
from policytrack.corrections import parse_changes
from policytrack.errors import BadArgumentError
from policytrack.extract import institutions
from policytrack.models import PartialDate
from policytrack.store import Store

A = (
    "2021年6月，广州市天河区知识产权质押融资金额达到12亿元。\n\n"
    "2022年，广州开发区发行全国首单知识产权证券化产品。\n\n"
    "2023年3月，广州市知识产权保护中心正式揭牌成立。\n"
)
B = "2020年，深圳市南山区专利授权量达到5000件。\n\n2021年，深圳市设立知识产权运营基金。\n"

MEASUREMENT = "m-deee52c8f4b5"  # 知识产权质押融资金额 12亿元, 天河区, 2021-06
INSTITUTION = "e-60d031398db6"  # 广州市知识产权保护中心, filed under 天河区 (should be 广州市)
FIRST = "f-44c21be7c138"  # 全国首单知识产权证券化产品


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=1)
        return self.now


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    return folder


@pytest.fixture
def store(folder: Path) -> Iterator[Store]:
    with Store.open(folder.parent / "t.db", clock=Clock()) as s:
        s.ingest(folder, progress=False)
        yield s


def _ids(result: Any) -> list[str]:
    return [r["id"] for r in result.to_records()]


def _row(result: Any, id_: str) -> dict[str, Any]:
    return next(r for r in result.to_records() if r["id"] == id_)


def test_the_fixture_ids_are_what_the_queries_print(store: Store) -> None:
    assert {MEASUREMENT, INSTITUTION, FIRST} <= set(_ids(store.timeline()))
    assert _row(store.timeline(), INSTITUTION)["region"] == "天河区"


def test_reject_then_undo(store: Store) -> None:
    made = store.correct(FIRST, reject=True, note="a claim by a promoter, not a fact")
    assert (made.status, made.action, made.describe(), made.note) == (
        "applied", "reject", "rejected", "a claim by a promoter, not a fact")
    assert FIRST not in _ids(store.timeline())
    assert store.firsts().claims == ()
    back = store.correct(FIRST, undo=True)
    assert back.status == "undone" and back.undone is not None
    assert FIRST in _ids(store.timeline()) and len(store.firsts().claims) == 1
    assert [c.status for c in store.corrections()] == ["undone"]


def test_set_region_moves_the_answer_and_marks_it(store: Store) -> None:
    store.correct(INSTITUTION, changes={"region": "广州市"}, note="the city's centre, not the district's")
    assert INSTITUTION not in _ids(store.timeline("天河区"))
    row = _row(store.timeline("广州市", within=False), INSTITUTION)
    assert (row["region"], row["corrected"]) == ("广州市", ["region"])
    # records of entities nobody corrected carry no mark
    assert "corrected" not in _row(store.timeline(), MEASUREMENT)


def test_set_value_and_date_of_a_statistic(store: Store) -> None:
    store.correct(MEASUREMENT, changes={"value": "1300000000", "date": "2021-07"}, note="the bank's report")
    (point,) = store.history("知识产权质押融资金额").points
    assert (point.value, str(point.date), point.corrected) == (1300000000, "2021-07", ("value", "date"))
    assert point.id == MEASUREMENT  # the id is the entity's identity: it stays
    # the index follows the corrected date
    assert MEASUREMENT in _ids(store.timeline(since="2021-07", until="2021-07"))
    assert MEASUREMENT not in _ids(store.timeline(since="2021-06", until="2021-06"))


def test_set_metric_and_kind(store: Store) -> None:
    store.correct(MEASUREMENT, changes={"kind": "target", "metric": "专利授权量"})
    row = _row(store.timeline(), MEASUREMENT)
    assert (row["kind"], row["metric"]) == ("target", "专利授权量")
    assert store.history("知识产权质押融资金额").points == ()


def test_two_corrections_of_one_entity_both_apply_and_undo_takes_the_last(store: Store) -> None:
    store.correct(INSTITUTION, changes={"region": "广州市"})
    store.correct(INSTITUTION, changes={"name": "广州知识产权保护中心"})
    row = _row(store.timeline(), INSTITUTION)
    assert (row["region"], row["description"], row["corrected"]) == ("广州市", "广州知识产权保护中心",
                                                                      ["region", "name"])
    store.correct(INSTITUTION, undo=True)
    row = _row(store.timeline(), INSTITUTION)
    assert (row["region"], row["description"], row["corrected"]) == ("广州市", "广州市知识产权保护中心", ["region"])


@pytest.mark.parametrize(
    ("target", "kwargs", "error", "message"),
    [
        ("e-000000000000", {"reject": True}, StoreError, "no record e-000000000000 in the store"),
        (INSTITUTION, {}, BadArgumentError, "not neither"),
        (INSTITUTION, {"reject": True, "changes": {"region": "广州市"}}, BadArgumentError, "not both"),
        (INSTITUTION, {"changes": {"region": "广州市高薪区"}}, BadArgumentError, "region: '广州市高薪区' is not a region"),
        (INSTITUTION, {"changes": {"date": "soon"}}, BadArgumentError, "date: 'soon' is not a date"),
        (INSTITUTION, {"changes": {"value": "12"}}, BadArgumentError, "value: a institution has no value"),
        (INSTITUTION, {"changes": {"kind": "bank"}}, BadArgumentError, "kind: 'bank' is not a kind of a institution"),
        (MEASUREMENT, {"changes": {"value": "lots"}}, BadArgumentError, "value: 'lots' is not a number"),
        (FIRST, {"changes": {"metric": "专利授权量"}}, BadArgumentError, "metric: a first claim has no metric"),
        (INSTITUTION, {"changes": {"colour": "red"}}, BadArgumentError, "colour: not a field"),
        (INSTITUTION, {"undo": True}, StoreError, "no correction of e-60d031398db6 to undo"),
    ],
)
def test_bad_corrections_are_refused_and_nothing_is_kept(
    store: Store, target: str, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        store.correct(target, **kwargs)
    assert store.corrections() == []


def test_parse_changes() -> None:
    assert parse_changes(["region=天河区", " Date = 2021 "]) == {"region": "天河区", "date": "2021"}
    with pytest.raises(BadArgumentError, match="expected FIELD=VALUE"):
        parse_changes(["region"])
    with pytest.raises(BadArgumentError, match="unknown field 'colour'"):
        parse_changes(["colour=red"])


def test_corrections_survive_reingesting_the_same_files(store: Store, folder: Path) -> None:
    store.correct(FIRST, reject=True)
    store.correct(INSTITUTION, changes={"region": "广州市"})
    report = store.ingest(folder, rehash=True, progress=False)
    assert len(report.unchanged) == 2
    assert FIRST not in _ids(store.timeline())
    assert _row(store.timeline(), INSTITUTION)["region"] == "广州市"
    assert [c.status for c in store.corrections()] == ["applied", "applied"]


def test_corrections_survive_a_new_version_of_the_article(store: Store, folder: Path) -> None:
    store.correct(INSTITUTION, changes={"region": "广州市"})
    store.correct(MEASUREMENT, reject=True)
    (folder / "a.txt").write_text(A + "\n2023年，广州市专利授权量达到10万件。\n", encoding="utf-8")
    assert store.ingest(folder, progress=False).new_versions == (str(folder / "a.txt"),)
    assert _row(store.timeline(), INSTITUTION)["region"] == "广州市"
    assert MEASUREMENT not in _ids(store.timeline())
    assert [c.status for c in store.corrections()] == ["applied", "applied"]


def test_a_correction_whose_fact_is_gone_is_orphaned_then_found_again(store: Store, folder: Path) -> None:
    store.correct(INSTITUTION, changes={"region": "广州市"}, note="city body")
    (folder / "a.txt").write_text(A.split("\n\n2023")[0] + "\n", encoding="utf-8")  # the sentence is gone
    store.ingest(folder, progress=False)
    (orphan,) = store.corrections()
    assert (orphan.status, orphan.entity, orphan.target, orphan.note) == ("orphaned", None, INSTITUTION, "city body")
    (folder / "a.txt").write_text(A, encoding="utf-8")  # and back
    store.ingest(folder, progress=False)
    assert [c.status for c in store.corrections()] == ["applied"]
    assert _row(store.timeline(), INSTITUTION)["region"] == "广州市"


def test_removing_the_source_orphans_and_undo_still_works(store: Store, folder: Path) -> None:
    store.correct(INSTITUTION, reject=True)
    store.remove(folder / "a.txt")
    assert [c.status for c in store.corrections()] == ["orphaned"]
    assert store.correct(INSTITUTION, undo=True).status == "undone"


def _finer_founding(original: Any) -> Any:
    """A 'newer policytrack' whose institutions extractor reads a finer founding date."""

    def extract(*args: Any, **kwargs: Any) -> Any:
        return [attrs.evolve(i, established=PartialDate(2023, 3, 15)) if i.established else i
                for i in original(*args, **kwargs)]

    return extract


def test_corrections_survive_reextraction_that_changes_the_id(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.correct(INSTITUTION, changes={"region": "广州市"}, note="city body")
    store.correct(MEASUREMENT, reject=True)
    unchanged = store.reextract(progress=False)
    assert unchanged.changed == () and len(unchanged.unchanged) == 2
    monkeypatch.setattr(institutions, "extract", _finer_founding(institutions.extract))
    report = store.reextract(progress=False)
    assert len(report.changed) == 1 and not report.failures
    (found,) = [r for r in store.timeline().to_records() if r["kind"] == "institution"]
    # a new id (the date is part of it), found again by its evidence: still corrected
    assert found["id"] != INSTITUTION
    assert (found["date"], found["region"], found["corrected"]) == ("2023-03-15", "广州市", ["region"])
    first, second = store.corrections()
    assert (first.status, first.target, first.entity) == ("applied", INSTITUTION, found["id"])
    assert second.status == "applied" and MEASUREMENT not in _ids(store.timeline())
    # undo by the id the queries print now
    store.correct(found["id"], undo=True)
    assert _row(store.timeline(), found["id"])["region"] == "天河区"


def test_queries_without_corrections_equal_a_corpus(store: Store, folder: Path) -> None:
    """Corrections change the store's answers only: the records stay as extracted."""
    store.correct(INSTITUTION, changes={"region": "广州市"})
    corpus = policytrack.load(folder)
    assert store.corpus().timeline() == corpus.timeline()
    assert store.timeline() != corpus.timeline()


def test_a_schema_2_store_is_brought_up_to_date(folder: Path, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "old.db"
    with Store.open(db) as s:
        s.ingest(folder, progress=False)
        expected = s.timeline()
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("DROP TABLE corrections")
    con.execute("DROP INDEX entities_uid")
    con.execute("DROP INDEX documents_doc")
    con.execute("ALTER TABLE entities DROP COLUMN uid")
    con.execute("PRAGMA user_version = 2")
    con.close()
    with Store.open(db) as s:
        assert s.schema_version == 3
        assert s.timeline() == expected
        s.correct(INSTITUTION, reject=True)
        assert INSTITUTION not in _ids(s.timeline())


def test_correction_records_are_json_ready(store: Store) -> None:
    made = store.correct(INSTITUTION, changes={"region": "广州市"}, note="n")
    record = made.to_record()
    assert json.loads(json.dumps(record, ensure_ascii=False)) == {
        "number": 1, "id": INSTITUTION, "family": "institution", "change": "region=广州市", "note": "n",
        "made": "2024-05-01T08:03:00+00:00", "status": "applied", "now": INSTITUTION, "undone": None,
    }


# --- the command line ------------------------------------------------------------------------------


def _main(argv: list[str]) -> int:
    from policytrack.cli import main

    return main(argv)


def test_cli_correct_list_undo(store: Store, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = store.path
    assert _main(["correct", INSTITUTION, "--db", db, "--set", "region=广州市", "--note", "city body",
                  "-f", "json"]) == 0
    (made,) = json.loads(capsys.readouterr().out)
    assert (made["id"], made["change"], made["status"], made["note"]) == (INSTITUTION, "region=广州市", "applied",
                                                                          "city body")
    assert _main(["correct", FIRST, "--db", db, "--reject"]) == 0
    capsys.readouterr()
    assert _main(["timeline", "--db", db, "-f", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(",corrected") and FIRST not in "".join(lines)
    assert any(INSTITUTION in line and line.endswith("region") for line in lines)
    assert _main(["corrections", "--db", db, "-f", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["change"], r["status"]) for r in rows] == [
        (INSTITUTION, "region=广州市", "applied"), (FIRST, "rejected", "applied")]
    assert _main(["correct", FIRST, "--db", db, "--undo"]) == 0
    capsys.readouterr()
    assert _main(["corrections", "--db", db, "--status", "undone"]) == 0
    out = capsys.readouterr().out
    assert FIRST in out and INSTITUTION not in out and "1 corrections" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["correct", "e-0", "--reject"], "no record e-0 in the store"),
        (["correct", INSTITUTION, "--set", "region"], "--set: expected FIELD=VALUE, got 'region'"),
        (["correct", INSTITUTION, "--set", "colour=red"], "--set: unknown field 'colour'"),
        (["correct", INSTITUTION, "--set", "date=soon"], "date: 'soon' is not a date"),
        (["remove", "nope.txt"], "no nope.txt in the store"),
    ],
)
def test_cli_mistakes_are_one_line_and_exit_2(
    store: Store, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _main([*argv, "--db", store.path]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err
    assert store.corrections() == []


def test_cli_correct_needs_one_action(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert _main(["correct", INSTITUTION, "--db", store.path]) == 2
    assert "one of the arguments --reject --set --undo is required" in capsys.readouterr().err


def test_cli_commands_never_create_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["corrections"], ["reextract"], ["remove", "x.txt"], ["correct", "e-1", "--reject"]):
        assert _main([*argv, "--db", str(tmp_path / "none.db")]) == 2
        assert "no such store" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_cli_reextract_and_remove(store: Store, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store.correct(INSTITUTION, changes={"region": "广州市"})
    assert _main(["reextract", "--db", store.path, "--summary", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"db": store.path, "changed": 0, "unchanged": 2, "failures": 0, "orphaned_corrections": 0}]
    assert _main(["remove", "--db", store.path, str(folder / "a.txt"), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"path": str(folder / "a.txt"), "status": "removed"}]
    assert _main(["reextract", "--db", store.path]) == 0
    out, err = capsys.readouterr()
    assert "0 re-extracted with other records, 1 unchanged, 0 failed" in out
    assert f"correction 1 of {INSTITUTION} (region=广州市) is orphaned" in err
    assert [s.source for s in store.versions(folder / "a.txt")] == [str(folder / "a.txt")]


def test_cli_queries_with_or_without_corrections(store: Store, folder: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    store.correct(INSTITUTION, changes={"region": "广州市"})
    store.correct(FIRST, reject=True)
    assert _main(["firsts", "--db", store.path, "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert _main(["firsts", "--db", store.path, "-f", "json", "--no-corrections"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [FIRST]
    assert _main(["timeline", "--db", store.path, "-f", "json", "--no-corrections"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert next(r for r in rows if r["id"] == INSTITUTION)["region"] == "天河区"
    assert all("corrected" not in r for r in rows)
