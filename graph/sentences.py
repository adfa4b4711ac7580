"""Split article text into sentences with offsets.

A sentence ends at 。！？； (and ASCII !?;) outside quotes and brackets, takes any closing quotes
that follow, and always ends at a line break (paragraph end). A quote left open by bad input
stops protecting its text after ``MAX_QUOTED`` characters.
"""
from __future__ import annotations

from guanxi.graph.records import Sentence

ENDERS = set("。！？；!?;")
OPENERS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")"}
CLOSERS = set(OPENERS.values())
TRAILERS = set("”’」』）)")
MAX_QUOTED = 200


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    stack: list[tuple[str, int]] = []
    i, n = 0, len(text)

    def emit(end: int) -> None:
        nonlocal start
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append(Sentence(s, e, text[s:e]))
        start = end

    while i < n:
        ch = text[i]
        if ch == "\n":
            stack.clear()
            emit(i)
            i += 1
            continue
        if stack and i - stack[-1][1] > MAX_QUOTED:
            stack.clear()
        if ch in OPENERS:
            stack.append((OPENERS[ch], i))
        elif ch in CLOSERS:
            if stack and stack[-1][0] == ch:
                stack.pop()
        elif ch in ENDERS and not stack:
            j = i + 1
            while j < n and (text[j] in ENDERS or text[j] in TRAILERS):
                j += 1
            emit(j)
            i = j
            continue
        elif ch in ENDERS and stack and i + 1 < n and text[i + 1] in TRAILERS:
            # 。” closes a quoted sentence: end here if that closes every open quote
            j = i + 1
            while j < n and text[j] in TRAILERS:
                if stack and stack[-1][0] == text[j]:
                    stack.pop()
                j += 1
            if not stack:
                emit(j)
                i = j
                continue
            i = j
            continue
        i += 1
    emit(n)
    return sentences
