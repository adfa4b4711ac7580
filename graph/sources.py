"""Read input documents: .txt files, folders of them, .jsonl files, or standard input.

A bad file never stops a batch: ``read_sources`` returns the documents it could read and one
``InputError`` per file it could not, each naming the file.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable

from guanxi.graph.errors import InputError
from guanxi.graph.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (which covers GBK and GB2312)."""
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
    return Document(id=path.stem, text=decode(data, str(path)), source=str(path))


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
        if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
            errors.append(InputError(f'{path}:{number}: expected an object with "id" and "text"'))
            continue
        doc_id = str(row["id"])
        if doc_id in seen:
            errors.append(InputError(f'{path}:{number}: document id "{doc_id}" appears twice; ids must be unique'))
            continue
        seen.add(doc_id)
        docs.append(Document(id=doc_id, text=row["text"], title=row.get("title"), date=row.get("date"),
                             url=row.get("url"), source=str(path)))
    return docs, errors


def expand_paths(sources: Iterable[str]) -> list[Path]:
    out = []
    for s in sources:
        p = Path(s)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in TEXT_SUFFIXES | {".jsonl"}))
        else:
            out.append(p)
    return out


def read_sources(sources: Iterable[str]) -> tuple[list[Document], list[InputError]]:
    """Documents from files, folders and '-' (standard input), with one error per unreadable file."""
    docs: list[Document] = []
    errors: list[InputError] = []
    for path in expand_paths(sources):
        if str(path) == "-":
            data = sys.stdin.buffer.read()
            if data.lstrip()[:1] == b"{":
                more, errs = read_jsonl(Path("<stdin>"), data)
                docs.extend(more)
                errors.extend(errs)
            else:
                try:
                    docs.append(Document(id="stdin", text=decode(data, "<stdin>"), source="<stdin>"))
                except InputError as e:
                    errors.append(e)
            continue
        if not path.exists():
            errors.append(InputError(f"{path}: no such file or folder"))
            continue
        if path.suffix.lower() == ".jsonl":
            more, errs = read_jsonl(path)
            docs.extend(more)
            errors.extend(errs)
            continue
        try:
            docs.append(read_text_file(path))
        except InputError as e:
            errors.append(e)
    return docs, errors
