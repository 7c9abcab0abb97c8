"""Hypothesis strategies for every policytrack model (shared by the round-trip tests)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from policytrack.models import (
    Document,
    Evidence,
    FinancingProduct,
    FirstClaim,
    FirstKind,
    FirstScope,
    Initiative,
    InitiativeKind,
    Institution,
    InstitutionKind,
    Milestone,
    MilestoneKind,
    PartialDate,
    ProductKind,
    Qualifier,
    Quantity,
)

texts = st.text(max_size=30)
names = st.text(alphabet="广州深圳开发区知识产权中心局计划保险证券化首单", min_size=1, max_size=12)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1900, 2100))
    month = draw(st.none() | st.integers(1, 12))
    day = None if month is None else draw(st.none() | st.integers(1, 28))
    return PartialDate(year, month, day)


decimals = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False, allow_infinity=False, places=4
).map(lambda d: d.normalize() if d != d.to_integral_value() else d.quantize(Decimal(1)))

quantities = st.builds(
    Quantity,
    value=decimals,
    unit=st.sampled_from(["元", "件", "家", "%", "倍", "个工作日"]),
    qualifier=st.none() | st.sampled_from(list(Qualifier)),
    text=texts,
)


@st.composite
def evidences(draw: st.DrawFn) -> Evidence:
    start = draw(st.integers(0, 10_000))
    text = draw(texts)
    return Evidence(start, start + len(text), text)


regions = st.none() | st.sampled_from(["中国", "广东省", "广州市", "广州开发区", "越秀区", "深圳市"])
dates = st.none() | partial_dates()

first_claims = st.builds(
    FirstClaim,
    scope=st.sampled_from(list(FirstScope)),
    kind=st.sampled_from(list(FirstKind)),
    subject=names,
    evidence=evidences(),
    region=regions,
    date=dates,
    cue=texts,
)
institutions = st.builds(
    Institution,
    name=names,
    kind=st.sampled_from(list(InstitutionKind)),
    evidence=evidences(),
    region=regions,
    established=dates,
    aliases=st.lists(names, max_size=3).map(tuple),
)
products = st.builds(
    FinancingProduct,
    name=names,
    kind=st.sampled_from(list(ProductKind)),
    evidence=evidences(),
    region=regions,
    date=dates,
    amount=st.none() | quantities,
    rate_percent=st.none() | decimals,
)
initiatives = st.builds(
    Initiative,
    name=names,
    kind=st.sampled_from(list(InitiativeKind)),
    evidence=evidences(),
    region=regions,
    date=dates,
)
milestones = st.builds(
    Milestone,
    kind=st.sampled_from(list(MilestoneKind)),
    description=texts,
    evidence=evidences(),
    date=dates,
    end=dates,
    region=regions,
    metric=st.none() | names,
    quantity=st.none() | quantities,
    change=st.none() | quantities,
)
documents = st.builds(
    Document,
    id=st.text(alphabet="abcdef0123456789_", min_size=1, max_size=20),
    text=st.text(max_size=200),
    title=st.none() | texts,
    source=st.none() | texts,
    published=dates,
    region=regions,
    path=st.none() | texts,
    encoding=st.none() | st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    firsts=st.lists(first_claims, max_size=3).map(tuple),
    institutions=st.lists(institutions, max_size=3).map(tuple),
    financing_products=st.lists(products, max_size=3).map(tuple),
    initiatives=st.lists(initiatives, max_size=3).map(tuple),
    milestones=st.lists(milestones, max_size=3).map(tuple),
)
