"""Read input documents: .txt files, folders of them, .jsonl files, or standard input.

A bad file never stops a batch: ``read_sources`` returns the documents it could read and one
``InputError`` per file it could not, each naming the file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from guanxi.graph.errors import InputError
from guanxi.graph.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # all but tab, newlines and form feed


def without_controls(text: str) -> str:
    """Text without control characters, which would otherwise end up inside names."""
    return CONTROLS.sub("", text)


# formats told by their first bytes, which a text reader would turn into junk names (a PDF's
# "stream" and "endstream"); until guanxi reads them (issue 16), they are refused by name
KNOWN_FORMATS = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .pptx is one)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (which covers GBK and GB2312)."""
    kind = next((what for magic, what in KNOWN_FORMATS if data.startswith(magic)), None)
    if kind:
        raise InputError(
            f"{name}: is {kind}, not text; save or convert it as UTF-8 text (e.g. pdftotext -layout) and give that"
        )
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file (it holds NUL bytes); expected UTF-8 or GB18030 text")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
        if controls > 0.01 * max(1, len(text[:4096])):
            raise InputError(f"{name}: looks like a binary file (control characters); expected text")
        return text
    raise InputError(f"{name}: could not be decoded as UTF-8 or GB18030")


def read_text_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: could not be read: {e.strerror}") from e
    text = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: is empty")
    return Document(id=path.stem, text=without_controls(text), source=str(path))


def read_jsonl(path: Path, data: bytes | None = None) -> tuple[list[Document], list[InputError]]:
    docs, errors, seen = [], [], set()
    try:
        text = decode(data if data is not None else path.read_bytes(), str(path))
    except OSError as e:
        return [], [InputError(f"{path}: could not be read: {e.strerror}")]
    except InputError as e:
        return [], [e]
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(InputError(f"{path}:{number}: not valid JSON ({e.msg})"))
            continue
        problem = row_problem(row)
        if problem:
            errors.append(InputError(f"{path}:{number}: {problem}"))
            continue
        doc_id = str(row["id"])
        if doc_id in seen:
            errors.append(InputError(f'{path}:{number}: document id "{doc_id}" appears twice; ids must be unique'))
            continue
        seen.add(doc_id)
        docs.append(
            Document(
                id=doc_id,
                text=without_controls(row["text"]),
                title=row.get("title"),
                date=row.get("date"),
                url=row.get("url"),
                source=str(path),
            )
        )
    if not docs and not errors:
        errors.append(InputError(f"{path}: holds no documents"))
    return docs, errors


def row_problem(row) -> str | None:
    """What is wrong with one .jsonl row, if anything."""
    if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
        return 'expected an object with "id" and "text"'
    if not isinstance(row["id"], (str, int)) or isinstance(row["id"], bool) or str(row["id"]).strip() == "":
        return f'"id" must be a non-empty string or a number, not {row["id"]!r}'
    if not row["text"].strip():
        return "the text is empty"
    bad = [k for k in ("title", "date", "url") if row.get(k) is not None and not isinstance(row[k], str)]
    return f"{', '.join(bad)} must be text" if bad else None


def expand_paths(sources: Iterable[str], errors: list[InputError] | None = None) -> list[Path]:
    """The files of ``sources``: files as given, folders walked for text and .jsonl files; a
    subfolder that cannot be read is reported in ``errors``."""
    out = []
    for s in sources:
        p = Path(s)
        if not p.is_dir():
            out.append(p)
            continue

        def unreadable(e: OSError) -> None:
            if errors is not None:
                errors.append(InputError(f"{e.filename}: could not be read: {e.strerror}"))

        found = len(out)
        out.extend(
            sorted(
                Path(folder) / f
                for folder, _, files in os.walk(p, onerror=unreadable)
                for f in files
                if Path(f).suffix.lower() in TEXT_SUFFIXES | {".jsonl"}
            )
        )
        if len(out) == found and errors is not None:
            errors.append(InputError(f"{p}: holds no .txt, .text, .md or .jsonl files"))
    return out


def read_stdin() -> tuple[list[Document], list[InputError]]:
    if sys.stdin is None:
        return [], [InputError("standard input is closed; give files or folders, or pipe text into -")]
    try:
        data = sys.stdin.buffer.read()
    except OSError as e:
        return [], [InputError(f"standard input could not be read: {e.strerror or e}")]
    if data.lstrip()[:1] == b"{":
        return read_jsonl(Path("<stdin>"), data)
    try:
        text = decode(data, "<stdin>")
    except InputError as e:
        return [], [e]
    if not text.strip():
        return [], [InputError("standard input is empty")]
    return [Document(id="stdin", text=without_controls(text), source="<stdin>")], []


def read_path(path: Path) -> tuple[list[Document], list[InputError]]:
    if str(path) == "-":
        return read_stdin()
    if not path.exists():
        return [], [InputError(f"{path}: no such file or folder")]
    if path.suffix.lower() == ".jsonl":
        return read_jsonl(path)
    try:
        return [read_text_file(path)], []
    except InputError as e:
        return [], [e]


def read_sources(sources: Iterable[str]) -> tuple[list[Document], list[InputError]]:
    """Documents from files, folders and '-' (standard input), with one error per unreadable file,
    empty input or document id given twice (two files of one name in two folders, say)."""
    docs: list[Document] = []
    errors: list[InputError] = []
    first_source: dict[str, str] = {}
    sources = list(sources)
    if not sources:
        return [], [InputError("no input given: name files, folders or - for standard input")]
    for path in expand_paths(sources, errors):
        more, errs = read_path(path)
        errors.extend(errs)
        for doc in more:
            if doc.id in first_source:
                errors.append(
                    InputError(
                        f'{doc.source}: document id "{doc.id}" was already read from '
                        f"{first_source[doc.id]}; ids must be unique (rename one)"
                    )
                )
                continue
            first_source[doc.id] = doc.source
            docs.append(doc)
    return docs, errors
