"""The Corpus container and its query methods (hand-made records)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import policytrack
from policytrack import Corpus, LoadFailure
from policytrack.queries import Comparison, Firsts, FlatRegions, History, Resolved, Timeline, normalise_name

from ._query_fixtures import StubGazetteer, gdz_2022, guangzhou_corpus, shenzhen_2021


def test_loader_signature_is_unchanged() -> None:
    failure = LoadFailure("a.txt", "empty", "NotAnArticleError")
    corpus = Corpus([gdz_2022()], [failure])
    assert len(corpus) == 1 and next(iter(corpus)).id == "gdz_2022"
    assert corpus.errors == [failure]
    assert corpus.gazetteer is None


def test_gazetteer_does_not_take_part_in_equality() -> None:
    docs = guangzhou_corpus()
    assert Corpus(docs, gazetteer=StubGazetteer()) == Corpus(docs)


@pytest.mark.parametrize(
    ("call", "cls"),
    [
        (lambda c: c.timeline(), Timeline),
        (lambda c: c.firsts(), Firsts),
        (lambda c: c.compare(["广州市"]), Comparison),
        (lambda c: c.history("专利授权量"), History),
        (lambda c: c.resolve(), Resolved),
    ],
    ids=["timeline", "firsts", "compare", "history", "resolve"],
)
def test_methods_return_typed_results(call: object, cls: type) -> None:
    corpus = Corpus(guangzhou_corpus(), gazetteer=StubGazetteer())
    assert isinstance(call(corpus), cls)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda c: c.timeline("广州市").entries, ()),
        (lambda c: c.firsts("national").claims, ()),
        (lambda c: c.history("专利授权量").points, ()),
        (lambda c: [cell.measurement for cell in c.compare(["广州市"], ["专利授权量"]).cells], [None]),
    ],
    ids=["timeline", "firsts", "history", "compare"],
)
def test_empty_corpus_answers_with_nothing(call: object, expected: object) -> None:
    assert call(Corpus()) == expected  # type: ignore[operator]


def test_queries_see_documents_added_later() -> None:
    corpus = Corpus(gazetteer=StubGazetteer())
    assert len(corpus.firsts()) == 0
    corpus.documents.extend(guangzhou_corpus())
    assert len(corpus.firsts("national")) == 3


def test_default_gazetteer_is_used_without_one() -> None:
    corpus = Corpus(guangzhou_corpus())
    assert corpus.gazetteer is None
    # only a gazetteer knows that Guangzhou and its districts lie in 广东省
    result = corpus.timeline("广东省")
    assert {e.region for e in result.entries} == {"广州开发区", "中新广州知识城", "越秀区", "广州市"}
    assert len(Corpus(guangzhou_corpus(), gazetteer=FlatRegions()).timeline("广东省").entries) == 0


# --------------------------------------------------------------------------------------------
# the "Done when", on the seed articles (real extraction and gazetteer)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return policytrack.load([SEEDS])


def test_seeds_compare_high_value_patents(seeds: Corpus) -> None:
    metric = "每万人口高价值发明专利拥有量"
    result = seeds.compare(["广州开发区", "越秀区", "广州市"], [metric])
    assert result.value(metric, "广州开发区") == Decimal("177.57")
    assert result.value(metric, "越秀区") == Decimal("97.51")
    assert result.value(metric, "广州市") == Decimal(20)


def test_seeds_national_overseas_insurance_claim_corroborated(seeds: Corpus) -> None:
    found = [c for c in seeds.firsts("national") if normalise_name(c.subject) == "知识产权海外侵权责任保险"]
    assert len(found) == 1
    assert found[0].status == "corroborated" and len(found[0].documents) == 2


def test_seeds_history_of_insured_firms(seeds: Corpus) -> None:
    result = seeds.history("购买海外侵权责任保险的企业数", "广州开发区")
    assert sorted(result.values()) == [13, 26]


def test_seeds_timeline_of_the_zone_starts_in_2016(seeds: Corpus) -> None:
    entries = seeds.timeline("广州开发区").entries
    assert str(entries[0].date) == "2016-07"


# --------------------------------------------------------------------------------------------
# examples/ run


EXAMPLES = sorted(p.name for p in (SEEDS.parent / "examples").glob("*.py") if not p.name.startswith("_"))


@pytest.mark.parametrize("script", EXAMPLES)
def test_example_runs_and_writes_only_into_the_folder_it_is_given(script: str, tmp_path: Path) -> None:
    """Issue 10: the examples wrote PNGs into the working directory."""
    cwd, out = tmp_path / "cwd", tmp_path / "out"
    cwd.mkdir()
    done = subprocess.run([sys.executable, str(SEEDS.parent / "examples" / script), "--out", str(out)],
                          capture_output=True, text=True, check=False, cwd=cwd, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    name = script.removesuffix(".py")
    assert (out / f"{name}.csv").is_file()
    if name in ("timeline", "compare", "history"):
        assert (out / f"{name}.png").is_file() or "pip install" in done.stdout
    assert list(cwd.iterdir()) == []


def test_example_without_out_writes_into_a_temporary_folder(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SEEDS.parent / "examples" / "firsts.py")], capture_output=True,
                          text=True, check=True, cwd=tmp_path, timeout=300)
    saved = Path(done.stdout.strip().splitlines()[-1].removeprefix("saved "))
    assert saved.is_file() and tmp_path not in saved.parents
    assert list(tmp_path.iterdir()) == []
    shutil.rmtree(saved.parent)


def test_walkthrough_notebook_is_valid_json() -> None:
    notebook = json.loads((SEEDS.parent / "examples" / "walkthrough.ipynb").read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and notebook["cells"]
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    for helper in ("timeline(", "firsts(", "compare(", "history("):
        assert helper in code
    compile(code.replace("%matplotlib inline", ""), "walkthrough.ipynb", "exec")


# --------------------------------------------------------------------------------------------
# bugs caught: every query merged the whole corpus again


def test_queries_reuse_the_merged_entities() -> None:
    c = Corpus(guangzhou_corpus(), gazetteer=StubGazetteer())
    first = c.resolve()
    c.timeline()
    c.firsts()
    assert c.resolve() is first


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c.documents.append(shenzhen_2021()),
        lambda c: c.documents.pop(),
        lambda c: c.documents.__setitem__(0, gdz_2022()),
        lambda c: setattr(c, "documents", [*c.documents, shenzhen_2021()]),
        lambda c: setattr(c, "gazetteer", StubGazetteer()),
        lambda c: c.invalidate(),
    ],
    ids=["append", "remove", "replace-with-equal-copy", "new-list", "new-gazetteer", "invalidate"],
)
def test_changing_documents_merges_again(change: Any) -> None:
    c = Corpus(guangzhou_corpus(), gazetteer=StubGazetteer())
    before = c.resolve()
    change(c)
    after = c.resolve()
    assert after is not before
    assert after == policytrack.queries.resolve(c.documents, regions=c.gazetteer)


def test_cache_takes_no_part_in_equality_or_repr() -> None:
    queried = Corpus(guangzhou_corpus())
    queried.firsts()
    assert queried == Corpus(guangzhou_corpus())
    assert "cache" not in repr(queried)
