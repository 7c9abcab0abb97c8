"""A typo is never answered as a fact: unknown regions, metrics, scopes, kinds and statuses give
one line with the nearest known names ("did you mean"), exit status 2 on the command line and
:class:`~policytrack.errors.UnknownNameError` in Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import policytrack
from policytrack import BadArgumentError, PolicytrackError, UnknownNameError
from policytrack._suggest import distance, nearest
from policytrack.cli import main

ARTICLE = (
    "2022年，广州开发区知识产权质押融资金额达26.13亿元，同比增长30%。"
    "2021年，越秀区有效发明专利量达1.39万件。"
    "广州开发区落地全国首单知识产权证券化产品。"
)


@pytest.fixture(scope="module")
def corpus() -> policytrack.Corpus:
    return policytrack.Corpus([policytrack.parse(ARTICLE, id="gz", published="2022-03-04")])


@pytest.fixture
def export(tmp_path: Path, corpus: policytrack.Corpus) -> Path:
    path = tmp_path / "gz.json"
    path.write_text(policytrack.dumps(corpus.documents), encoding="utf-8")
    return path


# (argv after the export path, what, typed, the suggestion)
CLI_TYPOS = {
    # the alias that came nearest, with the canonical name it stands for
    "timeline region (issue 10)": (["timeline", "--region", "成都高薪区"], "region", "成都高薪区",
                                   "成都高新区 (成都高新技术产业开发区)"),
    "history metric (issue 10)": (["history", "--metric", "知识产权质押融资金"], "metric", "知识产权质押融资金",
                                  "知识产权质押融资金额"),
    "compare region (issue 10)": (["compare", "--regions", "广州开发区,越秀去"], "region", "越秀去", "越秀区"),
    "compare metric": (["compare", "--regions", "广州开发区", "--metric", "有效发名专利量"], "metric", "有效发名专利量",
                       "有效发明专利量"),
    "firsts scope": (["firsts", "--scope", "natinal"], "scope", "natinal", "national"),
    "firsts status": (["firsts", "--status", "corroborate"], "status", "corroborate", "corroborated"),
    "timeline kind": (["timeline", "--kinds", "evnt"], "kind", "evnt", "event"),
    # three cities are one character away: all are named
    "firsts region": (["firsts", "--region", "广洲市"], "region", "广洲市", "广州市"),
}


@pytest.mark.parametrize(("argv", "what", "typed", "suggestion"), list(CLI_TYPOS.values()), ids=list(CLI_TYPOS))
def test_cli_typo_is_one_line_with_did_you_mean_and_exit_2(
    argv: list[str], what: str, typed: str, suggestion: str, export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([argv[0], str(export), *argv[1:]])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith(f"policytrack: {what} '{typed}'")
    assert suggestion in err.split("; did you mean ")[1].rstrip("?\n").split(" or ")


@pytest.mark.parametrize(
    ("call", "what", "suggestion"),
    [
        (lambda c: c.timeline("成都高薪区"), "region", "成都高新技术产业开发区"),
        (lambda c: c.history("知识产权质押融资金"), "metric", "知识产权质押融资金额"),
        (lambda c: c.compare(["广州开发区", "越秀去"]), "region", "越秀区"),
        (lambda c: c.compare(["广州开发区"], ["有效发名专利量"]), "metric", "有效发明专利量"),
        (lambda c: c.firsts("natinal"), "scope", "national"),
        (lambda c: c.firsts(status="contest"), "status", "contested"),
        (lambda c: c.timeline(kinds=["evnt"]), "kind", "event"),
    ],
    ids=["timeline-region", "history-metric", "compare-region", "compare-metric", "scope", "status", "kind"],
)
def test_python_typo_raises_from_the_library_hierarchy(call: object, what: str, suggestion: str,
                                                      corpus: policytrack.Corpus) -> None:
    with pytest.raises(UnknownNameError) as info:
        call(corpus)  # type: ignore[operator]
    err = info.value
    assert isinstance(err, BadArgumentError) and isinstance(err, PolicytrackError) and isinstance(err, ValueError)
    assert err.what == what
    assert err.suggestions[0] == suggestion
    assert "\n" not in str(err)


def test_ambiguous_region_names_its_candidates(corpus: policytrack.Corpus) -> None:
    with pytest.raises(UnknownNameError, match="ambiguous") as info:
        corpus.timeline("向阳区")
    assert set(info.value.candidates) == {"佳木斯市向阳区", "鹤岗市向阳区"}


def test_ambiguous_metric_names_its_candidates(corpus: policytrack.Corpus) -> None:
    with pytest.raises(UnknownNameError, match="ambiguous") as info:
        corpus.history("质押融资")
    assert len(info.value.candidates) >= 2 and info.value.what == "metric"


def test_store_answers_typos_the_same(corpus: policytrack.Corpus) -> None:
    from policytrack.store import Store

    with Store.open(":memory:") as store:
        store.add(corpus.documents)
        with pytest.raises(UnknownNameError, match=r"did you mean 成都高新区 \(成都高新技术产业开发区\)"):
            store.timeline("成都高薪区")
        with pytest.raises(UnknownNameError, match="did you mean 知识产权质押融资金额"):
            store.history("知识产权质押融资金")


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.timeline("黄埔区"),  # an alias
        lambda c: c.timeline("成都高新区"),  # known, nothing there: an empty answer, not an error
        lambda c: c.history("质押融资金额"),  # an alias of a canonical metric
        lambda c: c.history("有效发明专利量", "越秀区"),
        lambda c: c.firsts("全国"),  # a scope word
    ],
    ids=["alias", "known-empty", "metric-alias", "metric-region", "scope-word"],
)
def test_known_names_are_not_typos(call: object, corpus: policytrack.Corpus) -> None:
    call(corpus)  # type: ignore[operator]


def test_a_statistic_outside_the_catalog_is_found_by_its_written_name() -> None:
    doc = policytrack.parse("2022年，广州市知识产权服务机构数量达到120家。", id="x")
    written = [m.metric or m.description for m in doc.milestones if m.quantity is not None]
    assert written
    history = policytrack.Corpus([doc]).history(written[0])  # not in the catalog, yet no error
    assert json.dumps(history.to_records(), ensure_ascii=False)


@pytest.mark.parametrize(("a", "b", "expected"), [("", "", 0), ("abc", "", 3), ("高薪区", "高新区", 1),
                                                  ("kitten", "sitting", 3), ("ab", "ba", 2)])
def test_distance(a: str, b: str, expected: int) -> None:
    assert distance(a, b) == expected == distance(b, a)


def test_nearest_prefers_the_closest_spelling_and_gives_the_canonical_name() -> None:
    spellings = {"成都": "成都市", "成都市": "成都市", "成都高新区": "成都高新技术产业开发区", "广州开发区": "广州开发区"}
    assert nearest("成都高薪区", spellings) == ["成都高新技术产业开发区"]
    assert nearest("zzz", spellings) == []


@pytest.mark.parametrize(
    ("argv", "suggestion"),
    [(["histroy", "seeds"], "history"), (["timeline", "seeds", "-f", "jsn"], "json")],
    ids=["command", "format"],
)
def test_argparse_choices_get_a_did_you_mean(argv: list[str], suggestion: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.rstrip().endswith(f"did you mean {suggestion}?")


def test_no_guess_when_nothing_is_near(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "seeds", "-f", "xml"]) == 2
    assert "did you mean" not in capsys.readouterr().err
