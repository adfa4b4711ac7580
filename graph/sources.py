"""Read input documents: text, .jsonl, PDF, Word (.docx) and HTML files, folders of them, or
standard input. A file's format is told by its first bytes, not by its name.

A bad file never stops a batch: ``read_sources`` returns the documents it could read and one
``InputError`` per file it could not, each naming the file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from guanxi.graph.errors import InputError
from guanxi.graph.records import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # all but tab, newlines and form feed


def without_controls(text: str) -> str:
    """Text without control characters, which would otherwise end up inside names."""
    return CONTROLS.sub("", text)


DOCUMENT_SUFFIXES = TEXT_SUFFIXES | {".jsonl", ".pdf", ".docx", ".html", ".htm"}  # what a folder walk reads
# formats told by their first bytes that guanxi does not read: refused by name, since a text
# reader would turn them into junk names
UNREAD_FORMATS = (
    (b"PK\x03\x04", "a ZIP archive other than a Word file (.xlsx and .pptx are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx"),
)
HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|meta|title|body)\b", re.IGNORECASE | re.DOTALL
)


def sniff(data: bytes, name: str) -> str:
    """The format of ``data`` by its first bytes: pdf, docx, html or text (jsonl is text)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and is_docx(data):
        return "docx"
    if HTML_START.match(data[:4096].removeprefix(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def is_docx(data: bytes) -> bool:
    import io
    import zipfile

    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        return False


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (which covers GBK and GB2312)."""
    refuse_binary(data, name)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        refuse_controls(text, name)
        return text
    raise InputError(f"{name}: could not be decoded as UTF-8 or GB18030")


def refuse_binary(data: bytes, name: str) -> None:
    """An error where the first bytes of ``data`` say it is a format guanxi does not read, or no text."""
    kind = next((what for magic, what in UNREAD_FORMATS if data.startswith(magic)), None)
    if kind:
        raise InputError(f"{name}: is {kind}, which guanxi does not read (it reads text, .jsonl, PDF, .docx and HTML)")
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: looks like a binary file (it holds NUL bytes); expected UTF-8 or GB18030 text")


def refuse_controls(text: str, name: str) -> None:
    """An error where the start of a decoded ``text`` is more than 1% control characters."""
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * max(1, len(text[:4096])):
        raise InputError(f"{name}: looks like a binary file (control characters); expected text")


def document(path: Path, text: str, format_: str, **fields) -> Document:
    return Document(id=path.stem, text=without_controls(text), source=str(path), format=format_, **fields)


def read_text_file(path: Path, data: bytes, name: str) -> Document:
    text = decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: is empty")
    return document(path, text, "text")


def read_pdf_file(path: Path, data: bytes, name: str) -> Document:
    from guanxi.graph.pdf_text import read_pdf

    pdf = read_pdf(data, name)
    return document(path, pdf.text, "pdf", title=pdf.title, pages=pdf.pages, page_lines=pdf.page_lines)


def read_docx_file(path: Path, data: bytes, name: str) -> Document:
    from guanxi.graph.docx_text import read_docx

    docx = read_docx(data, name)
    return document(path, docx.text, "docx", title=docx.title, date=docx.date, headings=docx.headings)


def read_html_file(path: Path, data: bytes, name: str) -> Document:
    from guanxi.graph.html_text import read_html

    page = read_html(data, name)
    return document(path, page.text, "html", title=page.title, date=page.date, url=page.url, author=page.author)


READERS = {"pdf": read_pdf_file, "docx": read_docx_file, "html": read_html_file, "text": read_text_file}


JSONL_CHUNK = 256  # rows read from a .jsonl file before they are handed on
HEAD_BYTES = 1 << 16  # what a .jsonl file's format and encoding are told by


class JsonlLines:
    """The lines of a .jsonl file (bytes), read as they are asked for, with the file's encoding
    told by its first ``HEAD_BYTES`` like a whole file's: UTF-8 (BOM allowed), else GB18030. A
    newline byte never occurs inside a multi-byte character of either, so lines can be cut before
    they are decoded. ``number`` is the last line read."""

    def __init__(self, head: bytes, rest: Iterable[bytes]):
        self.encoding = "utf-8" if is_utf8_start(head) else "gb18030"
        self.head, self.rest, self.number = head, rest, 0

    def __iter__(self) -> Iterator[str | None]:
        """Each line decoded, or None where it cannot be."""
        if b"\r" in self.head and b"\n" not in self.head:  # old Mac line ends: cut like str.splitlines
            parts: Iterable[bytes] = (self.head + b"".join(self.rest)).splitlines(keepends=True)
        else:
            parts = self.joined()
        for raw in parts:
            self.number += 1
            yield self.decode(raw)

    def joined(self) -> Iterator[bytes]:
        *whole, partial = self.head.split(b"\n")
        for line in whole:
            yield line + b"\n"
        for line in self.rest:  # the file goes on where the head stopped, maybe mid-line
            if partial:
                line, partial = partial + line, b""
            yield line
        if partial:
            yield partial

    def decode(self, raw: bytes) -> str | None:
        if self.number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        for encoding in (self.encoding, "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        return None


def is_utf8_start(head: bytes) -> bool:
    """True when ``head`` (a file's first bytes) is UTF-8, a character cut at its end allowed."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start >= len(head) - 3 and e.reason == "unexpected end of data"
    return True


def read_jsonl(path: Path, lines: JsonlLines) -> Iterator[tuple[list[Document], list[InputError]]]:
    """The documents of a .jsonl file's ``lines``, a few hundred at a time, so that a large feed
    is never in memory at once; one error per bad line, naming its number."""
    docs: list[Document] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    found = failed = False
    for line in lines:
        doc = jsonl_row(path, lines.number, line, seen, errors)
        found, failed = found or doc is not None, failed or bool(errors)
        if doc is not None:
            docs.append(doc)
        if len(docs) + len(errors) >= JSONL_CHUNK:
            yield docs, errors
            docs, errors = [], []
    if not found and not failed:
        errors.append(InputError(f"{path}: holds no documents"))
    yield docs, errors


def jsonl_row(path: Path, number: int, line: str | None, seen: set[str], errors: list[InputError]) -> Document | None:
    """One line's document, or None (an empty line, or an error appended to ``errors``)."""
    if line is None:
        errors.append(InputError(f"{path}:{number}: could not be decoded as UTF-8 or GB18030"))
        return None
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        errors.append(InputError(f"{path}:{number}: not valid JSON ({e.msg})"))
        return None
    problem = row_problem(row)
    if problem:
        errors.append(InputError(f"{path}:{number}: {problem}"))
        return None
    doc_id = str(row["id"])
    if doc_id in seen:
        errors.append(InputError(f'{path}:{number}: document id "{doc_id}" appears twice; ids must be unique'))
        return None
    seen.add(doc_id)
    return Document(
        id=doc_id,
        text=without_controls(row["text"]),
        title=row.get("title"),
        date=row.get("date"),
        url=row.get("url"),
        source=str(path),
        format="jsonl",
    )


def jsonl_problem(head: bytes, name: str) -> InputError | None:
    """Why the first bytes of a .jsonl file say it is no text file, if they do (a character cut
    at the end of ``head`` is no reason)."""
    try:
        refuse_binary(head, name)
        encoding = "utf-8-sig" if is_utf8_start(head) else "gb18030"
        refuse_controls(head.decode(encoding, errors="replace"), name)
    except InputError as e:
        return e
    return None


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
                if Path(f).suffix.lower() in DOCUMENT_SUFFIXES
            )
        )
        if len(out) == found and errors is not None:
            errors.append(InputError(f"{p}: holds no .txt, .text, .md, .jsonl, .pdf, .docx or .html files"))
    return out


def read_stdin() -> Iterator[tuple[list[Document], list[InputError]]]:
    if sys.stdin is None:
        yield [], [InputError("standard input is closed; give files or folders, or pipe text into -")]
        return
    try:
        data = sys.stdin.buffer.read()
    except OSError as e:
        yield [], [InputError(f"standard input could not be read: {e.strerror or e}")]
        return
    if not data.strip():
        yield [], [InputError("standard input is empty")]
    elif data.lstrip()[:1] == b"{" and not jsonl_problem(data[:4096], "<stdin>"):
        yield from read_jsonl(Path("<stdin>"), JsonlLines(data, []))
    else:
        docs, errors = read_data(Path("<stdin>"), data)
        yield [replace(d, id="stdin", source="<stdin>") for d in docs], errors


def read_path(path: Path) -> Iterator[tuple[list[Document], list[InputError]]]:
    """The documents of one file, with its errors: a .jsonl file a chunk of rows at a time."""
    if str(path) == "-":
        yield from read_stdin()
        return
    if not path.exists():
        yield [], [InputError(f"{path}: no such file or folder")]
        return
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl_file(path)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield [], [InputError(f"{path}: could not be read: {e.strerror or e}")]
        return
    yield read_data(path, data)


def read_jsonl_file(path: Path) -> Iterator[tuple[list[Document], list[InputError]]]:
    lines = None
    try:
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
            problem = jsonl_problem(head[:4096], str(path))
            if problem:
                yield [], [problem]
                return
            lines = JsonlLines(head, f)
            yield from read_jsonl(path, lines)
    except OSError as e:
        where = f" after line {lines.number}" if lines and lines.number else ""
        yield [], [InputError(f"{path}: could not be read{where}: {e.strerror or e}")]


def read_data(path: Path, data: bytes, name: str | None = None) -> tuple[list[Document], list[InputError]]:
    """The document in the bytes of ``path``, read by the format its first bytes say; errors name
    it ``name`` (the path by default)."""
    name = name or str(path)
    try:
        return [READERS[sniff(data, name)](path, data, name)], []
    except InputError as e:
        return [], [e]


def read_sources(sources: Iterable[str]) -> tuple[list[Document], list[InputError]]:
    """Documents from files, folders, http(s) addresses and '-' (standard input), with one error
    per unreadable file, empty input or document id given twice (two files of one name in two
    folders, say)."""
    errors: list[InputError] = []
    docs = list(iter_sources(sources, errors))
    return docs, errors


def iter_sources(sources: Iterable[str], errors: list[InputError]) -> Iterator[Document]:
    """The documents of ``sources`` one file at a time, as they are asked for, so that a large
    corpus is never in memory at once; each problem is appended to ``errors`` as it is met."""
    first_source: dict[str, str] = {}
    sources = list(sources)
    if not sources:
        errors.append(InputError("no input given: name files, folders or - for standard input"))
    for source in sources:
        for more, errs in read_source(source, errors):
            errors.extend(errs)
            kept: list[Document] = []
            keep_unique(more, kept, errors, first_source)
            yield from kept


def read_source(source: str, errors: list[InputError]) -> Iterable[tuple[list[Document], list[InputError]]]:
    """What one source holds: an address's document, or each file of a file or folder."""
    if "://" in source:  # an address (other schemes than http and https are refused by name)
        return [read_url(source)]
    return (chunk for path in expand_paths([source], errors) for chunk in read_path(path))


def read_url(url: str, allow_private: bool = True) -> tuple[list[Document], list[InputError]]:
    """The document at ``url``, fetched and read by what its bytes are; its id is the last part
    of the address's path (or its host). A server passes ``allow_private=False``."""
    from guanxi.graph.fetch import fetch

    try:
        data, final = fetch(url, allow_private)
    except InputError as e:
        return [], [e]
    parts = urlsplit(final)
    name = Path(parts.path).stem or parts.hostname or "page"
    docs, errors = read_data(Path(name), data, url)
    return [replace(d, id=name, source=url, url=d.url or final) for d in docs], errors


def keep_unique(more: list[Document], docs: list[Document], errors: list[InputError], first_source: dict) -> None:
    """Add ``more`` to ``docs``, each id once: a second document of an id is an error."""
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
