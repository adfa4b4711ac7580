"""Clean PDF-extracted text: drop page furniture, re-flow hard-wrapped lines into paragraphs.

Every paragraph keeps a map from its offsets back to the source lines, so a mention found later
can always be traced to the line of the file it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

PAGE_NUMBER = re.compile(r"^\s*(?:Page\s*\d+|第\s*\d+\s*页|-\s*\d+\s*-|\d+\s*/\s*\d+)\s*$", re.IGNORECASE)
# a copyright footer starts with its notice; a line of text that ends with one (转载 notices after
# an article's last sentence) is text, however short
COPYRIGHT = re.compile(r"^\W*(©|\(c\)\s*\d{4}|版权所有|不得转载|copyright\b|all rights reserved)", re.IGNORECASE)
TERMINAL = "。！？!?；;…”’」』）)"
MIN_WRAP_WIDTH = 20  # characters; narrower "lines" are headings and paragraph ends
RUNNING_HEADER_MAX = 16  # characters; running headers are short
RUNNING_HEADER_NEAR = 3  # non-blank lines between a running header and its page number


@dataclass(frozen=True)
class Paragraph:
    text: str
    line_map: tuple[tuple[int, int], ...]  # (offset in text, source line number), ascending

    @property
    def first_line(self) -> int:
        return self.line_map[0][1]

    @property
    def single_line(self) -> bool:
        return len(self.line_map) == 1


@dataclass(frozen=True)
class Layout:
    """What the raw text's shape says about how to re-flow it."""

    wrap_width: int  # typical length of a full line; 0 when lines are not hard-wrapped
    space_ends_paragraph: bool  # a line ending in a space closes a paragraph (PDF extractors do this)
    blank_lines_meaningful: bool


def detect_layout(lines: list[str]) -> Layout:
    body = [line for line in lines if line.strip()]
    if not body:
        return Layout(0, False, True)
    width = typical_width(body)
    wrapped = is_hard_wrapped(body, width)
    trailing = sum(1 for line in body if line != line.rstrip())
    blanks_between = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and not b.strip())
    return Layout(
        wrap_width=width if wrapped else 0,
        space_ends_paragraph=wrapped and trailing >= 0.1 * len(body),
        # when nearly every line is followed by a blank one, blank lines are an artifact
        blank_lines_meaningful=blanks_between < 0.6 * len(body),
    )


def typical_width(body: list[str]) -> int:
    """The length most lines of at least ``MIN_WRAP_WIDTH`` have, give or take two; 0 if none."""
    lengths = Counter(len(line.strip()) for line in body)
    cluster = lambda w: sum(n for k, n in lengths.items() if abs(k - w) <= 2)  # noqa: E731
    return max((k for k in lengths if k >= MIN_WRAP_WIDTH), key=lambda w: (cluster(w), w), default=0)


def is_hard_wrapped(body: list[str], width: int) -> bool:
    """Many lines of one length, most of them cut in the middle of a sentence."""
    full = [line.strip() for line in body if abs(len(line.strip()) - width) <= 2]
    cut_mid_sentence = sum(1 for line in full if not line.endswith(tuple(TERMINAL)))
    return (
        width >= MIN_WRAP_WIDTH
        and len(full) >= 3
        and len(full) >= 0.3 * len(body)
        and cut_mid_sentence >= 0.5 * len(full)
    )


def furniture_lines(lines: list[str]) -> set[int]:
    """Indexes of page numbers, copyright footers and the running headers printed next to them."""
    drop = {i for i, line in enumerate(lines) if PAGE_NUMBER.match(line) or COPYRIGHT.match(line.strip())}
    body = [i for i, line in enumerate(lines) if line.strip()]
    position = {i: k for k, i in enumerate(body)}
    short = Counter(lines[i].strip() for i in body if len(lines[i].strip()) <= RUNNING_HEADER_MAX)
    for page in list(drop):
        k = position.get(page)
        if k is None:
            continue
        for j in body[max(0, k - RUNNING_HEADER_NEAR) : k + RUNNING_HEADER_NEAR + 1]:
            text = lines[j].strip()
            if (
                j not in drop
                and len(text) <= RUNNING_HEADER_MAX
                and short[text] >= 2
                and not text.endswith(tuple(TERMINAL))
            ):
                drop.add(j)
    # a running header seen beside one page number is furniture wherever else it appears alone
    headers = {lines[i].strip() for i in drop if not PAGE_NUMBER.match(lines[i])}
    drop.update(i for i in body if lines[i].strip() in headers)
    return drop


def reflow(raw: str, first_line: int = 1) -> list[Paragraph]:
    """Paragraphs of ``raw`` with hard line breaks removed and furniture dropped.

    Lines are joined with nothing between them: a break in Chinese text is never a space.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    layout = detect_layout(lines)
    drop = furniture_lines(lines)
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    line_map: list[tuple[int, int]] = []
    length = 0

    def close() -> None:
        nonlocal parts, line_map, length
        if parts:
            paragraphs.append(Paragraph("".join(parts), tuple(line_map)))
        parts, line_map, length = [], [], 0

    for i, line in enumerate(lines):
        if i in drop:
            continue
        text = line.strip()
        if not text:
            if layout.blank_lines_meaningful:
                close()
            continue
        line_map.append((length, first_line + i))
        parts.append(text)
        length += len(text)
        if ends_paragraph(line, layout):
            close()
    close()
    return paragraphs


def ends_paragraph(line: str, layout: Layout) -> bool:
    if not layout.wrap_width:
        return True  # not hard-wrapped: one line, one paragraph
    if layout.space_ends_paragraph:
        return line != line.rstrip()
    return len(line.strip()) < layout.wrap_width - 2 and line.rstrip().endswith(tuple(TERMINAL))
