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
from typing import Any

import attrs

from . import queries
from .models import Document, FirstScope, PartialDate
from .queries import Comparison, Firsts, History, MetricCatalog, RegionResolver, Resolved, Timeline

__all__ = ["Corpus", "LoadFailure", "Queries"]

DateLike = PartialDate | str | dt.date


@attrs.frozen
class LoadFailure:
    """A file that could not be loaded, and why."""

    path: str
    reason: str
    error: str = "PolicytrackError"


class Queries:
    """The four questions asked across articles, shared by :class:`Corpus` and
    :class:`policytrack.store.Store`: each answers over the merged entities that
    :meth:`_entities` gives for the query and its arguments."""

    __slots__ = ()

    def _entities(self, query: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Resolved:
        raise NotImplementedError

    def _regions(self) -> RegionResolver | None:
        return None

    def timeline(
        self,
        region: str | None = None,
        *,
        within: bool = True,
        kinds: Iterable[str] | str | None = None,
        since: DateLike | None = None,
        until: DateLike | None = None,
        min_confidence: float | None = None,
    ) -> Timeline:
        """Dated events, measurements, targets, first claims, product launches, initiatives and
        foundings, in date order.

        ``region`` (any alias) keeps what happened there, and inside it when ``within``.
        ``kinds`` picks among ``event, measurement, target, first, product, initiative,
        institution``.  ``since``/``until`` (``"2021"``, ``"2021-06"``, a date...) keep entries
        whose span overlaps the window.  Entries order by the last day their date covers:
        a ``2021`` entry comes after ``2021-12`` and before ``2022-01`` (it is only known to
        have happened by the end of 2021).  Undated records are left out, counted in
        :attr:`Timeline.undated` and listed in :attr:`Timeline.undated_entries`.

        An unknown or ambiguous region or kind raises
        :class:`~policytrack.errors.UnknownNameError` with the nearest known names.

        Every query method takes ``min_confidence``: entities none of whose reports reach
        that confidence (see :attr:`~policytrack.models.FirstClaim.confidence`) are left out.
        """
        options: dict[str, Any] = {"within": within, "kinds": kinds, "since": since, "until": until}
        found = self._entities("timeline", (region,), options)
        return queries.timeline(found, region, regions=self._regions(), min_confidence=min_confidence, **options)

    def firsts(
        self,
        scope: FirstScope | str | None = None,
        region: str | None = None,
        *,
        within: bool = True,
        status: str | None = None,
        min_confidence: float | None = None,
    ) -> Firsts:
        """First claims merged across articles, each ``asserted`` (one article),
        ``corroborated`` (several articles, claimants the same region or nested) or
        ``contested`` (unrelated claimants at the same scope).

        ``scope`` is a :class:`~policytrack.models.FirstScope` value (``national``...) or a
        scope word (全国, 全省...); ``region`` keeps claims with a claimant there (or inside).
        An unknown scope, status or region raises :class:`~policytrack.errors.UnknownNameError`.
        """
        options: dict[str, Any] = {"within": within, "status": status}
        found = self._entities("firsts", (scope, region), options)
        return queries.firsts(found, scope, region, regions=self._regions(), min_confidence=min_confidence,
                              **options)

    def compare(
        self,
        regions: Sequence[str] | str,
        metrics: Sequence[str] | str | None = None,
        *,
        as_of: DateLike | None = None,
        within: bool = True,
        min_confidence: float | None = None,
    ) -> Comparison:
        """A region × metric table: each cell the latest value on or before ``as_of`` (with its
        date, unit and sources), plus counts of first claims, products, institutions and
        initiatives per region (inside it too when ``within``).

        ``metrics`` are canonical names or any alias; ``None`` picks every canonical metric
        one of the regions has, and other statistics written the same way in two of them.
        A region the gazetteer does not know, or a metric that is neither in the catalog nor
        written so by any article, raises :class:`~policytrack.errors.UnknownNameError`.
        """
        options: dict[str, Any] = {"as_of": as_of, "within": within}
        found = self._entities("compare", (regions, metrics), options)
        return queries.compare(found, regions, metrics, regions=self._regions(), min_confidence=min_confidence,
                               **options)

    def history(self, metric: str, region: str | None = None, *, within: bool = False,
                include_targets: bool = False, min_confidence: float | None = None) -> History:
        """The values ``metric`` (canonical name or any alias) took across articles and dates.

        Dated values come first in date order, then undated ones by publication date.  A
        metric that is neither in the catalog nor written so by any article raises
        :class:`~policytrack.errors.UnknownNameError` with the nearest names.
        """
        options: dict[str, Any] = {"within": within, "include_targets": include_targets}
        found = self._entities("history", (metric, region), options)
        return queries.history(found, metric, region, regions=self._regions(), min_confidence=min_confidence,
                               **options)


@attrs.define
class Corpus(Queries):
    """Loaded documents, plus the files that failed to load (never silently dropped).

    ``gazetteer`` resolves region names and their nesting; by default the library's
    (``policytrack.extract.regions.Gazetteer.default()``).

    The query methods merge the documents once and keep the merged entities until
    :attr:`documents` (or :attr:`gazetteer`) changes: the cache is checked against the
    identity of each document in the list and of the gazetteer, so adding, removing or
    replacing a document (documents are immutable) is noticed.  It takes no part in
    equality.
    """

    documents: list[Document] = attrs.field(factory=list)
    errors: list[LoadFailure] = attrs.field(factory=list)
    gazetteer: RegionResolver | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)
    _cache: tuple[tuple[Document, ...], RegionResolver | None, Resolved] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def resolve(self, *, catalog: MetricCatalog | None = None) -> Resolved:
        """Every claim, product, institution, initiative, event and statistic, merged across articles.

        With the default ``catalog`` the result is cached (see the class docstring).
        """
        if catalog is not None:
            return queries.resolve(self.documents, regions=self.gazetteer, catalog=catalog)
        docs, cached = self.documents, self._cache
        if (
            cached is not None
            and cached[1] is self.gazetteer
            and len(cached[0]) == len(docs)
            and all(a is b for a, b in zip(cached[0], docs, strict=True))
        ):
            return cached[2]
        resolved = queries.resolve(docs, regions=self.gazetteer)
        self._cache = (tuple(docs), self.gazetteer, resolved)
        return resolved

    def invalidate(self) -> None:
        """Forget the merged entities (they are recomputed on the next query)."""
        self._cache = None

    def _entities(self, query: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Resolved:
        return self.resolve()

    def _regions(self) -> RegionResolver | None:
        return self.gazetteer
