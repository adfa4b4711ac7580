"""Split article text into sentences with offsets.

A sentence ends at 。！？； (and ASCII !?;) outside quotes and brackets, takes any closing quotes
that follow, and always ends at a line break (paragraph end). A quote left open by bad input
stops protecting its text after ``MAX_QUOTED`` characters. A sentence longer than
``MAX_SENTENCE`` characters (text without punctuation) is cut into windows at a comma or space,
so that what is done per sentence (pairs of mentions) stays bounded and extraction linear.
"""

from __future__ import annotations

from guanxi.graph.records import Sentence

ENDERS = set("。！？；!?;")
OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
CLOSERS = set(OPENERS.values())
TRAILERS = set("”’」』）)")
MAX_QUOTED = 200
MAX_SENTENCE = 250
SOFT_BREAKS = set("，,、：:　 ")


def split_sentences(text: str) -> list[Sentence]:
    bounds = [0, *sentence_ends(text), len(text)]
    return [s for a, b in zip(bounds, bounds[1:]) for w in windows(text, a, b) if (s := trimmed(text, *w)) is not None]


def windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) pieces of text[start:end], each at most ``MAX_SENTENCE`` long: cut after the
    last comma or space of the second half of a window, else at the window's end."""
    out = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = next((i + 1 for i in range(limit - 1, start + MAX_SENTENCE // 2, -1) if text[i] in SOFT_BREAKS), limit)
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def trimmed(text: str, start: int, end: int) -> Sentence | None:
    """text[start:end] without the white space around it; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end]) if end > start else None


def sentence_ends(text: str) -> list[int]:
    """Offsets where a sentence ends (the last one ends with the text)."""
    ends: list[int] = []
    stack: list[tuple[str, int]] = []  # the closer each open quote or bracket waits for, and where it opened
    i = 0
    while i < len(text):
        i, end = read_at(text, i, stack)
        if end is not None:
            ends.append(end)
    return ends


def read_at(text: str, i: int, stack: list[tuple[str, int]]) -> tuple[int, int | None]:
    """Reads the character at i, opening and closing quotes on ``stack``: where to read next, and
    where a sentence ends if one does here."""
    ch = text[i]
    if ch == "\n":
        stack.clear()
        return i + 1, i
    if stack and i - stack[-1][1] > MAX_QUOTED:
        stack.clear()
    if ch in OPENERS:
        stack.append((OPENERS[ch], i))
    elif ch in CLOSERS:
        if stack and stack[-1][0] == ch:
            stack.pop()
    elif ch in ENDERS and not stack:
        j = i + 1
        while j < len(text) and (text[j] in ENDERS or text[j] in TRAILERS):
            j += 1
        return j, j
    elif ch in ENDERS and i + 1 < len(text) and text[i + 1] in TRAILERS:
        j = close_quotes(text, i + 1, stack)
        return j, (j if not stack else None)
    return i + 1, None


def close_quotes(text: str, j: int, stack: list[tuple[str, int]]) -> int:
    """。” closes a quoted sentence: past the closing marks from j, taking the quotes they close off
    ``stack``; the sentence ends there if that closes every open quote."""
    while j < len(text) and text[j] in TRAILERS:
        if stack and stack[-1][0] == text[j]:
            stack.pop()
        j += 1
    return j
