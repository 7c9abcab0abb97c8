"""Many documents at once: the result of :func:`policytrack.load`, and the questions asked across them.

>>> from policytrack import Corpus
>>> Corpus().timeline().entries
()

The query methods merge what several articles report about the same thing into one
entity with all its evidence, and answer with typed results that print as tables,
turn into records or DataFrames and draw themselves (see :mod:`policytrack.queries`
for how records merge and how partial dates are ordered).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import attrs

from . import queries
from .models import Document, FirstScope, PartialDate
from .queries import Comparison, Firsts, History, MetricCatalog, RegionResolver, Resolved, Timeline

__all__ = ["Corpus", "LoadFailure"]

DateLike = PartialDate | str | dt.date


@attrs.frozen
class LoadFailure:
    """A file that could not be loaded, and why."""

    path: str
    reason: str
    error: str = "PolicytrackError"


@attrs.define
class Corpus:
    """Loaded documents, plus the files that failed to load (never silently dropped).

    ``gazetteer`` resolves region names and their nesting; by default the library's
    (``policytrack.extract.regions.Gazetteer.default()``).
    """

    documents: list[Document] = attrs.field(factory=list)
    errors: list[LoadFailure] = attrs.field(factory=list)
    gazetteer: RegionResolver | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def resolve(self, *, catalog: MetricCatalog | None = None) -> Resolved:
        """Every claim, product, institution, initiative, event and statistic, merged across articles."""
        return queries.resolve(self.documents, regions=self.gazetteer, catalog=catalog)

    def timeline(
        self,
        region: str | None = None,
        *,
        within: bool = True,
        kinds: Iterable[str] | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
    ) -> Timeline:
        """Dated events, measurements, targets, first claims, product launches, initiatives and
        foundings, in date order.

        ``region`` (any alias) keeps what happened there, and inside it when ``within``.
        ``kinds`` picks among ``event, measurement, target, first, product, initiative,
        institution``.  ``since``/``until`` (``"2021"``, ``"2021-06"``, a date...) keep entries
        whose span overlaps the window.  Entries order by the last day their date covers:
        a ``2021`` entry comes after ``2021-12`` and before ``2022-01`` (it is only known to
        have happened by the end of 2021).  Undated records are left out and counted in
        :attr:`Timeline.undated`.
        """
        return queries.timeline(
            self.documents, region, within=within, kinds=kinds, since=since, until=until, regions=self.gazetteer
        )

    def firsts(
        self,
        scope: FirstScope | str | None = None,
        region: str | None = None,
        *,
        within: bool = True,
        status: str | None = None,
    ) -> Firsts:
        """First claims merged across articles, each ``asserted`` (one article),
        ``corroborated`` (several articles, claimants the same region or nested) or
        ``contested`` (unrelated claimants at the same scope).

        ``scope`` is a :class:`~policytrack.models.FirstScope` value (``national``...) or a
        scope word (全国, 全省...); ``region`` keeps claims with a claimant there (or inside).
        """
        return queries.firsts(self.documents, scope, region, within=within, status=status,
                              regions=self.gazetteer)

    def compare(
        self,
        regions: Sequence[str] | str,
        metrics: Sequence[str] | str | None = None,
        *,
        as_of: DateLike | None = None,
        within: bool = True,
    ) -> Comparison:
        """A region × metric table: each cell the latest value on or before ``as_of`` (with its
        date, unit and sources), plus counts of first claims, products, institutions and
        initiatives per region (inside it too when ``within``).

        ``metrics`` are canonical names or any alias; ``None`` picks every canonical metric
        one of the regions has, and other statistics written the same way in two of them.
        """
        return queries.compare(self.documents, regions, metrics, as_of=as_of, within=within,
                               regions=self.gazetteer)

    def history(self, metric: str, region: str | None = None, *, within: bool = False,
                include_targets: bool = False) -> History:
        """The values ``metric`` (canonical name or any alias) took across articles and dates.

        Dated values come first in date order, then undated ones by publication date.
        """
        return queries.history(self.documents, metric, region, within=within,
                               include_targets=include_targets, regions=self.gazetteer)
