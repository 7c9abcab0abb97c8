"""One analysis of a document, computed once and read by every extractor.

spaCy's ``Doc`` is the model: the text is split into sentences, each sentence into
words with parts of speech by a real Chinese segmenter (``rjieba``, the Rust port of
jieba) whose dictionary is extended with policytrack's own vocabularies (regions and
zones, organisation heads, product words, metric names, cue and event words), and
the sentence's numbers, dates, places, quotes and 《titles》 are found once, with
their offsets.  Extractors read an :class:`Analysis`; none of them splits the raw
text again.

Offsets: :class:`Word` offsets are into the document's text; the offsets of
:attr:`SentenceAnalysis.quantities`, :attr:`~SentenceAnalysis.dates` and
:attr:`~SentenceAnalysis.places` are into the sentence's own text (what the
parsers return when given the sentence), so ``sentence.start + q.start`` is the
document offset.

The analysis of a sentence is lazy: words, numbers, dates and places are each
computed on first use and then kept, so an extractor that looks only at sentences
holding its cue words does not pay for the rest.
"""

from __future__ import annotations

import functools
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from .._data import load_json
from ..models import PartialDate
from .dates import DateMatch, find_dates
from .numbers import QuantityMatch, find_quantities
from .regions import Gazetteer, RegionMention
from .sentences import Sentence, split_sentences

__all__ = [
    "Analysis",
    "SentenceAnalysis",
    "Word",
    "analyse",
    "lexicon",
    "segment",
]


class Word(NamedTuple):
    """One word of the segmenter: ``text[start:end] == surface``; ``tag`` is its part of speech.

    (A named tuple: a document has tens of thousands of words, made once each.)
    """

    surface: str
    tag: str
    start: int
    end: int


_QUOTE_RE = re.compile(r"“([^“”\n]{1,60})”|「([^「」\n]{1,60})」|\"([^\"\n]{1,60})\"")
_TITLE_RE = re.compile(r"《([^《》\n]{1,80})》")


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """``data/lexicon.json``: the words that may not start a name and the dictionary sources."""
    data: dict[str, Any] = load_json("lexicon.json")
    return data


def _dictionary_words() -> Iterator[tuple[str, str]]:
    """(word, part of speech) pairs of policytrack's vocabularies, for the segmenter's dictionary."""
    lex = lexicon()
    gaz = Gazetteer.default()
    for region in gaz:
        yield region.name, "ns"
        for alias in region.aliases:
            if len(alias) >= 2:
                yield alias, "ns"
    for source in lex["dictionary_sources"]:
        data = load_json(source["file"])
        for key in source["keys"]:
            value: Any = data
            for part in key.split("."):
                value = value.get(part, {}) if isinstance(value, dict) else {}
            for word in _flatten(value):
                if 2 <= len(word) <= 12:
                    yield word, source["tag"]
    for tag, words in lex["words"].items():
        for word in words:
            yield word, tag


def _flatten(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _flatten(v)
    elif isinstance(value, list):
        for v in value:
            yield from _flatten(v)


_SEGMENTER_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    import rjieba

    seg = rjieba.Jieba()
    freq = int(lexicon()["dictionary_frequency"])
    for word, tag in _dictionary_words():
        if not any(ch.isspace() for ch in word):
            seg.add_word(word, freq, tag)
    return seg


def segment(text: str, offset: int = 0) -> tuple[Word, ...]:
    """The words of ``text`` with their parts of speech, offsets shifted by ``offset``."""
    with _SEGMENTER_LOCK:
        pairs = _segmenter().tag(text, True)
    out: list[Word] = []
    pos = offset
    for surface, tag in pairs:
        if surface:
            end = pos + len(surface)
            out.append(Word(surface, tag, pos, end))
            pos = end
    return tuple(out)


class SentenceAnalysis:
    """One sentence and what was found in it (each part computed on first use)."""

    __slots__ = ("_dates", "_places", "_quantities", "_starts", "_words", "analysis", "index", "sentence")

    def __init__(self, analysis: Analysis, index: int, sentence: Sentence) -> None:
        self.analysis = analysis
        self.index = index
        self.sentence = sentence
        self._words: tuple[Word, ...] | None = None
        self._starts: list[int] | None = None
        self._quantities: tuple[QuantityMatch, ...] | None = None
        self._dates: tuple[DateMatch, ...] | None = None
        self._places: tuple[RegionMention, ...] | None = None

    # the Sentence's own fields, so that an analysis stands wherever a Sentence did
    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def words(self) -> tuple[Word, ...]:
        if self._words is None:
            self._words = segment(self.sentence.text, self.sentence.start)
        return self._words

    def _word_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [w.start for w in self.words]
        return self._starts

    def word_at(self, pos: int) -> Word | None:
        """The word covering document offset ``pos``."""
        starts = self._word_starts()
        k = bisect_right(starts, pos) - 1
        if k >= 0 and pos < self.words[k].end:
            return self.words[k]
        return None

    def words_in(self, start: int, end: int) -> tuple[Word, ...]:
        """The words overlapping the document span ``start:end``."""
        starts = self._word_starts()
        lo = max(0, bisect_right(starts, start) - 1)
        hi = bisect_left(starts, end)
        return tuple(w for w in self.words[lo:hi] if w.end > start)

    def is_boundary(self, pos: int) -> bool:
        """True when document offset ``pos`` falls between two words (or at the sentence's ends)."""
        if pos <= self.sentence.start or pos >= self.sentence.end:
            return True
        starts = self._word_starts()
        k = bisect_left(starts, pos)
        return k < len(starts) and starts[k] == pos

    @property
    def quantities(self) -> tuple[QuantityMatch, ...]:
        if self._quantities is None:
            self._quantities = tuple(find_quantities(self.sentence.text))
        return self._quantities

    @property
    def dates(self) -> tuple[DateMatch, ...]:
        if self._dates is None:
            self._dates = tuple(find_dates(self.sentence.text, self.analysis.reference))
        return self._dates

    @property
    def places(self) -> tuple[RegionMention, ...]:
        if self._places is None:
            self._places = tuple(Gazetteer.default().find(self.sentence.text, self.analysis.region))
        return self._places

    @property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        """Sentence offsets of the insides of quotation marks."""
        return tuple(_inner(m) for m in _QUOTE_RE.finditer(self.sentence.text))

    @property
    def titles(self) -> tuple[tuple[int, int], ...]:
        """Sentence offsets of the insides of 《》."""
        return tuple((m.start(1), m.end(1)) for m in _TITLE_RE.finditer(self.sentence.text))

    def __repr__(self) -> str:
        return f"SentenceAnalysis({self.index}, {self.sentence.start}:{self.sentence.end})"


def _inner(m: re.Match[str]) -> tuple[int, int]:
    for g in (1, 2, 3):
        if m.group(g) is not None:
            return m.start(g), m.end(g)
    return m.start(), m.end()  # pragma: no cover - one group always matched


class Analysis(Sequence[SentenceAnalysis]):
    """The sentences of a document, each with its analysis, in order."""

    def __init__(self, text: str, reference: PartialDate | None = None, region: str | None = None) -> None:
        self.text = text
        self.reference = reference
        self.region = region
        self._sentences = tuple(SentenceAnalysis(self, i, s) for i, s in enumerate(split_sentences(text)))
        self._starts = [s.start for s in self._sentences]

    def __len__(self) -> int:
        return len(self._sentences)

    def __getitem__(self, index: Any) -> Any:
        return self._sentences[index]

    def __iter__(self) -> Iterator[SentenceAnalysis]:
        return iter(self._sentences)

    def at(self, pos: int) -> SentenceAnalysis | None:
        """The sentence holding document offset ``pos``."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and pos < self._sentences[k].end:
            return self._sentences[k]
        return None

    def holding(self, positions: Iterable[int]) -> list[SentenceAnalysis]:
        """The sentences holding one of ``positions``, in order, each once."""
        held = {s.index for s in (self.at(p) for p in positions) if s is not None}
        return [self._sentences[k] for k in sorted(held)]


def analyse(text: str, reference: PartialDate | None = None, region: str | None = None) -> Analysis:
    """The analysis of ``text`` (the last few are kept, so extractors of one document share one)."""
    return _analyse(text, reference, region)


@functools.lru_cache(maxsize=4)
def _analyse(text: str, reference: PartialDate | None, region: str | None) -> Analysis:
    return Analysis(text, reference, region)
