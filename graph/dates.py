"""Dates for the articles of a digest that carries none: the issue's year and month (from the file
name, such as ``industry-digest-2021-11.txt``, or a ``2021年11月`` in the first lines) and the first
day an article names (``11月22日``). An article that names no day gets the issue's month."""

from __future__ import annotations

import re
from datetime import date

FILE_ISSUE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(1[0-2]|0[1-9])(?!\d)")
HEADER_ISSUE = re.compile(r"((?:19|20)\d{2})\s*年\s*(1[0-2]|0?[1-9])\s*月")
HEADER_LINES = 3
# a day without its year (the issue gives it): 11月22日, not the 11月 of 2021年11月22日
NEAR_FUTURE_MONTHS = 2
DAY = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])[日号]")


def issue_of(source: str | None, text: str) -> tuple[int, int] | None:
    """(year, month) of a digest: from its file name, else from its first lines."""
    name = (source or "").replace("\\", "/").rsplit("/", 1)[-1]
    found = FILE_ISSUE.search(name) or HEADER_ISSUE.search("\n".join(text.splitlines()[:HEADER_LINES]))
    return (int(found.group(1)), int(found.group(2))) if found else None


def article_date(text: str, issue: tuple[int, int] | None) -> str | None:
    """YYYY-MM-DD from the first real day the text names, in the issue's year (or the one before,
    see below); YYYY-MM of the issue where it names none; None without an issue."""
    if issue is None:
        return None
    year, month = issue
    for day in DAY.finditer(text):
        m, d = int(day.group(1)), int(day.group(2))
        # a month after the issue's: soon after it (a deadline, 12月31日前 in a November issue),
        # else in the year before (12月3日 in a January issue)
        y = year if m <= month or m - month <= NEAR_FUTURE_MONTHS else year - 1
        try:
            return date(y, m, d).isoformat()
        except ValueError:
            continue  # no such day (2月30日)
    return f"{year:04d}-{month:02d}"
