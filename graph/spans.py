"""Finding the spans that overlap a span among many, without comparing against each of them: a
text of thousands of mentions (a long page without punctuation) would otherwise cost the square."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


class Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=Span)


@dataclass(frozen=True)
class Range:
    """A plain span, for asking an index about text that is no mention (yet)."""

    start: int
    end: int


class SpanIndex(Generic[S]):
    """Spans sorted by start; a query looks only at those that start within the longest span's
    length before the queried one."""

    def __init__(self, spans: Iterable[S] = ()):
        ordered = sorted(enumerate(spans), key=lambda item: item[1].start)
        self.starts = [s.start for _, s in ordered]
        self.spans = [s for _, s in ordered]
        self.order = [k for k, _ in ordered]  # when each was added
        self.longest = max((s.end - s.start for s in self.spans), default=0)

    def add(self, span: S) -> None:
        i = bisect_right(self.starts, span.start)
        self.starts.insert(i, span.start)
        self.spans.insert(i, span)
        self.order.insert(i, len(self.order))
        self.longest = max(self.longest, span.end - span.start)

    def overlapping(self, span: Span) -> list[S]:
        """The spans that overlap ``span``, in the order they were added."""
        lo = bisect_left(self.starts, span.start - self.longest)
        hi = bisect_left(self.starts, span.end)
        found = [(self.order[k], self.spans[k]) for k in range(lo, hi) if span.start < self.spans[k].end]
        if len(found) < 2:
            return [s for _, s in found]
        return [s for _, s in sorted(found, key=lambda item: item[0])]

    def any_overlapping(self, span: Span) -> bool:
        lo = bisect_left(self.starts, span.start - self.longest)
        hi = bisect_left(self.starts, span.end)
        return any(span.start < self.spans[k].end for k in range(lo, hi))
