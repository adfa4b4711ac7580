"""Dates for the articles of a digest that carries none: the issue's year and month (from the file
name, such as ``industry-digest-2021-11.txt``, or a ``2021年11月`` in the first lines) and the first
day an article names (``11月22日``). An article that names no day gets the issue's month."""

from __future__ import annotations

import re

FILE_ISSUE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(1[0-2]|0[1-9])(?!\d)")
HEADER_ISSUE = re.compile(r"((?:19|20)\d{2})\s*年\s*(1[0-2]|0?[1-9])\s*月")
HEADER_LINES = 3
# a day without its year (the issue gives it): 11月22日, not the 11月 of 2021年11月22日
DAY = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])[日号]")


def issue_of(source: str | None, text: str) -> tuple[int, int] | None:
    """(year, month) of a digest: from its file name, else from its first lines."""
    name = (source or "").replace("\\", "/").rsplit("/", 1)[-1]
    found = FILE_ISSUE.search(name) or HEADER_ISSUE.search("\n".join(text.splitlines()[:HEADER_LINES]))
    return (int(found.group(1)), int(found.group(2))) if found else None


def article_date(text: str, issue: tuple[int, int] | None) -> str | None:
    """YYYY-MM-DD from the first day the text names, in the issue's year (the year before for a
    month after the issue's); YYYY-MM of the issue where it names none; None without an issue."""
    if issue is None:
        return None
    year, month = issue
    day = DAY.search(text)
    if day is None:
        return f"{year:04d}-{month:02d}"
    m, d = int(day.group(1)), int(day.group(2))
    return f"{year - (m > month):04d}-{m:02d}-{d:02d}"
