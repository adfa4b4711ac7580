"""The text of a Word (.docx) file: paragraphs and table rows in document order, the lines of its
article titles, and the title and date from the document's properties (python-docx)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from guanxi.graph.errors import InputError

HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)


@dataclass(frozen=True)
class DocxText:
    text: str
    headings: tuple[int, ...]  # lines of ``text`` (1-based) that title an article each
    title: str | None
    date: str | None  # YYYY-MM-DD, when the file was created


MAX_UNPACKED = 200 * 1024 * 1024  # bytes a Word file may unpack to (a small file can unpack to gigabytes)


def check_unpacked_size(data: bytes, name: str) -> None:
    import zipfile

    try:
        unpacked = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except zipfile.BadZipFile as e:
        raise InputError(f"{name}: is a damaged Word file ({e})") from e
    if unpacked > MAX_UNPACKED:
        raise InputError(f"{name}: unpacks to {unpacked // 2**20} MB, more than the {MAX_UNPACKED // 2**20} MB read")


def read_docx(data: bytes, name: str) -> DocxText:
    """The text of the Word file ``data`` (``name`` is for messages). Where the file holds
    several headings of its top level, each starts an article."""
    import docx
    from docx.table import Table

    check_unpacked_size(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for a damaged package
        raise InputError(f"{name}: is a damaged Word file ({type(e).__name__}: {e})") from e
    lines: list[str] = []
    levels: dict[int, int] = {}  # line -> heading level
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += table_lines(block)
            continue
        text = block.text.strip()
        if not text:
            continue
        lines.append(text)
        level = heading_level(block)
        if level is not None:
            levels[len(lines)] = level
    if not lines:
        raise InputError(f"{name}: is a Word file without text")
    top = min(
        (level for level in levels.values() if level > 0), default=None
    )  # a Title is the file's, not an article's
    headings = tuple(line for line, level in levels.items() if level == top)
    props = document.core_properties
    return DocxText(
        "\n".join(lines),
        headings if len(headings) >= 2 else (),
        (props.title or "").strip() or None,
        props.created.date().isoformat() if props.created else None,
    )


def heading_level(paragraph) -> int | None:
    name = paragraph.style.name if paragraph.style is not None else ""
    if name in ("Title", "标题"):
        return 0
    found = HEADING_STYLE.match(name)
    return int(found.group(1)) if found else None


def table_lines(table) -> list[str]:
    """One line per row, its cells' text joined by commas (merged cells once)."""
    out = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            out.append("，".join(cells))
    return out
