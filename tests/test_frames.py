"""DataFrames typed for analysis: dates that sort as the library orders partial dates, the precision
apart, categories, a wide comparison and counts apart from metric values."""

from __future__ import annotations

from decimal import Decimal

import pytest

import policytrack
from policytrack.models import PartialDate
from policytrack.queries import date_order_key
from policytrack.render import CATEGORY_COLUMNS, typed_frame

pd = pytest.importorskip("pandas")

ARTICLE = (
    "2021年6月，广州开发区有效发明专利量达1.2万件。"
    "2021年，广州开发区有效发明专利量达1.5万件。"
    "2021年12月，广州开发区有效发明专利量达1.4万件。"
    "2022年1月，广州开发区有效发明专利量达1.6万件。"
    "2022年，广州开发区知识产权质押融资金额超26.13亿元。"
    "2021年，越秀区有效发明专利量达1.39万件。"
    "越秀区成立知识产权保护中心。"
    "2022年，广州开发区落地全国首单知识产权证券化产品。"
)


@pytest.fixture(scope="module")
def corpus() -> policytrack.Corpus:
    return policytrack.Corpus([policytrack.parse(ARTICLE, id="gz")])


def test_dates_sort_the_way_the_library_orders_partial_dates() -> None:
    """Issue 10: a string date put '2020' before '2020-08'."""
    written = ["2022-01", "2021", "2021-12-31", "2021-06", "2021-12", "2020", "2020-08"]
    frame = typed_frame([{"date": d, "value": i} for i, d in enumerate(written)])
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert frame["date_precision"].cat.ordered
    ordered = frame.sort_values(["date", "date_precision"], kind="stable")
    library = sorted(written, key=lambda d: date_order_key(PartialDate.parse(d)))
    assert [written[int(i)] for i in ordered["value"]] == library
    assert library.index("2020-08") < library.index("2020")


def test_timeline_frame_is_typed(corpus: policytrack.Corpus) -> None:
    frame = corpus.timeline().to_pandas()
    for column in ("region", "kind", "metric", "unit"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert frame["value"].dtype == "float64"
    money = frame[frame["unit"] == "元"].iloc[0]
    assert (money["value"], money["qualifier"]) == (2613000000.0, "over")  # base units, qualifier apart
    assert list(frame["date"]) == sorted(frame["date"])


def test_history_frame_dates_and_reported(corpus: policytrack.Corpus) -> None:
    frame = corpus.history("有效发明专利量", "广州开发区").to_pandas()
    assert list(frame["date_precision"].astype(str)) == ["month", "month", "year", "month"]
    assert list(frame["value"]) == [12000.0, 14000.0, 15000.0, 16000.0]


def test_compare_frames_keep_counts_apart(corpus: policytrack.Corpus) -> None:
    """Issue 10: compare().to_pandas() put count rows and metric rows in one column; no wide form."""
    result = corpus.compare(["广州开发区", "越秀区"], ["有效发明专利量", "知识产权质押融资金额"])
    long = result.to_pandas()
    assert set(long["kind"]) == {"measurement"}
    wide = result.to_pandas(wide=True)
    assert list(wide.columns) == ["广州开发区", "越秀区"]
    assert wide.loc[("有效发明专利量", "件"), "越秀区"] == 13900.0
    assert wide.loc[("知识产权质押融资金额", "元"), "广州开发区"] == 2613000000.0
    assert pd.isna(wide.loc[("知识产权质押融资金额", "元"), "越秀区"])
    counts = result.to_pandas(counts=True)
    assert list(counts.index) == ["广州开发区", "越秀区"]
    assert set(counts.columns) == {"first", "product", "institution", "initiative"}
    assert all(str(t) == "int64" for t in counts.dtypes)
    assert counts.loc["越秀区", "institution"] >= 1
    assert result.value("有效发明专利量", "越秀区") == Decimal(13900)


@pytest.mark.parametrize("ask", [lambda c: c.timeline(), lambda c: c.firsts(), lambda c: c.history("有效发明专利量")],
                         ids=["timeline", "firsts", "history"])
def test_an_empty_answer_has_the_same_typed_columns(ask: object, corpus: policytrack.Corpus) -> None:
    full = ask(corpus)  # type: ignore[operator]
    empty = ask(policytrack.Corpus([]))  # type: ignore[operator]
    assert tuple(full.to_records()[0]) == type(full).record_fields  # the declared fields are the records'
    assert len(empty.to_pandas()) == 0
    typed = [c for c in full.to_pandas().columns if c in ("date", "date_precision", "reported", "value", *CATEGORY_COLUMNS)]
    assert list(empty.to_pandas().columns) == list(full.to_pandas().columns)
    assert dict(empty.to_pandas()[typed].dtypes.astype(str)) == dict(full.to_pandas()[typed].dtypes.astype(str))
