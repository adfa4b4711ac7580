"""The text layer of a PDF, in reading order, without running headers, footers and page numbers.

PDFium (pypdfium2) gives the text runs of each page with their boxes; this module orders them:
runs on one baseline make a line, a vertical gutter that no line crosses splits a page into two
columns (read left, then right, between the lines that span both), and a paragraph break (a
gap or an indented first line) becomes a blank line, which ``clean.reflow`` reads. Runs in the
top and bottom margins that look like page numbers, or that repeat on several pages, are
furniture. The result keeps the line where each page starts, for page numbers in evidence.
"""

from __future__ import annotations

import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from guanxi.graph.clean import PAGE_NUMBER
from guanxi.graph.errors import InputError

MARGIN = 0.1  # the top and bottom tenth of a page hold running headers, footers and page numbers
GUTTER_RANGE = (0.3, 0.7)  # where, across the page, a column gutter may be
PARAGRAPH_GAP = 1.6  # a gap this many line pitches tall ends a paragraph
HEADING_SIZE = 1.15  # text this many times the page's usual size is a heading
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Run:
    """A run of text on one line of a page, in PDF points (y grows upwards)."""

    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True)
class Line:
    text: str
    heading: bool
    new_paragraph: bool  # after a gap, at an indent, or after a line across both columns


@dataclass(frozen=True)
class PdfText:
    text: str
    page_lines: tuple[int, ...]  # the line of ``text`` (1-based) where each page starts
    title: str | None
    pages: int
    empty_pages: int  # pages without a text layer


_font_paths = None  # what PDFium was restarted with: set once, kept alive for PDFium


def use_small_fonts() -> None:
    """Restart PDFium with matplotlib's few Latin fonts as its system fonts. Reading text needs
    glyph boxes, not CJK glyphs: with the system's fonts a font that the file does not embed is
    mapped to a large CJK font and each page costs 60 ms; with no fonts at all PDFium drops text
    objects of one character (a lone 。 on a line). With these, 30 ms and nothing dropped."""
    import ctypes

    import matplotlib
    import pypdfium2.raw as pdfium_c

    global _font_paths
    if _font_paths is not None:
        return
    folder = ctypes.c_char_p(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf").encode())
    pointer = ctypes.POINTER(ctypes.c_char)
    _font_paths = (pointer * 2)(ctypes.cast(folder, pointer), None), folder  # PDFium keeps the pointers
    pdfium_c.FPDF_DestroyLibrary()  # pypdfium2 started it at import, with the system's fonts
    config = pdfium_c.FPDF_LIBRARY_CONFIG(
        version=2, m_pUserFontPaths=_font_paths[0], m_pIsolate=None, m_v8EmbedderSlot=0
    )
    pdfium_c.FPDF_InitLibraryWithConfig(config)


def open_pdf(data: bytes, name: str):
    import pypdfium2 as pdfium

    use_small_fonts()
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise InputError(
                f"{name}: is a password-protected PDF; save a copy without the password and give that"
            ) from e
        raise InputError(f"{name}: is a damaged or truncated PDF ({e})") from e


def page_runs(page) -> list[Run]:
    """The page's characters grouped into runs: one line, no wide gap. PDFium's loose box of a
    character spans its advance and the font's ascent and descent, so it needs no glyph."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    keep = page.get_textpage()  # closes the text page when it goes
    textpage = keep.raw
    box = pdfium_c.FS_RECTF()
    runs: list[Run] = []
    chars: list[str] = []
    left = right = bottom = top = 0.0

    def close() -> None:
        text = "".join(chars).strip()
        if text:
            runs.append(Run(left, bottom, right, top, text))
        chars.clear()

    last = 0.0  # where the last character starts
    for i in range(pdfium_c.FPDFText_CountChars(textpage)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if code in (0x0A, 0x0D, 0xFFFE):
            continue
        if code == 0x20 and chars:
            chars.append(" ")  # a space belongs to its run, wherever PDFium puts its box
            continue
        pdfium_c.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box))
        height = top - bottom
        if chars and (abs(box.bottom - bottom) > 0.5 * height or not 0 <= box.left - last <= 2.5 * height):
            close()
        if not chars:
            left, bottom, top, right = box.left, box.bottom, box.top, box.right
        chars.append(chr(code))
        last, right, top = box.left, max(right, box.right), max(top, box.top)
    close()
    return runs


def read_pdf(data: bytes, name: str) -> PdfText:
    """The text of the PDF ``data`` (``name`` is for messages); pages without a text layer are
    read by OCR where tesseract is installed (``guanxi.graph.ocr``). An InputError for a PDF that
    cannot be read or in which no text is found."""
    with PDFIUM:  # PDFium may not be called from two threads at once (the API reads in a thread pool)
        return read_pdf_locked(data, name)


PDFIUM = threading.Lock()


def read_pdf_locked(data: bytes, name: str) -> PdfText:
    import pypdfium2 as pdfium

    pdf = open_pdf(data, name)
    try:
        sizes = [pdf.get_page_size(i) for i in range(len(pdf))]
        runs = [page_runs(pdf[i]) for i in range(len(pdf))]
        title = (pdf.get_metadata_dict().get("Title") or "").strip()
        scanned = scanned_lines(pdf, runs, name)
    except pdfium.PdfiumError as e:
        raise InputError(f"{name}: is a damaged PDF: a page could not be read ({e})") from e
    finally:
        pdf.close()
    furniture = furniture_texts(runs, sizes)
    lines, starts = assemble(
        [
            scanned[k] if k in scanned else page_lines([r for r in page if not is_furniture(r, h, furniture)], w)
            for k, (page, (w, h)) in enumerate(zip(runs, sizes))
        ]
    )
    if not any(lines):
        found = "holds only running headers and page numbers" if any(runs) else "has no text layer and OCR found none"
        raise InputError(f"{name}: {found}")
    title = title if title.lower() not in ("", "untitled") else None
    empty = sum(1 for k, page in enumerate(runs) if not page and not scanned.get(k))
    return PdfText("\n".join(lines), tuple(starts), title, len(runs), empty)


def scanned_lines(pdf, runs: list[list[Run]], name: str) -> dict[int, list[Line]]:
    """The lines OCR reads on the pages without text runs, by page index (none without OCR);
    a lone page number at the top or bottom is dropped. A PDF without any text and without
    OCR is an error that says how to get it read."""
    from guanxi.graph import ocr

    empty = [k for k, page in enumerate(runs) if not page]
    if not empty:
        return {}
    if ocr.unavailable():
        if len(empty) < len(runs):
            return {}
        raise InputError(
            f"{name}: has no text layer (a scanned PDF?); it needs OCR: install tesseract "
            f"({ocr.INSTALL}) for guanxi to do it, or run ocrmypdf -l chi_sim in.pdf out.pdf and give out.pdf"
        )
    if len(empty) > ocr.MAX_PAGES:
        raise InputError(
            f"{name}: has {len(empty)} scanned pages; guanxi reads at most {ocr.MAX_PAGES} by OCR: "
            "run ocrmypdf -l chi_sim in.pdf out.pdf and give out.pdf"
        )
    out = {}
    for k in empty:
        lines = [Line(text, False, new) for text, new in ocr.page_text(pdf[k], name, k + 1)]
        for end in (-1, 0):
            if lines and (PAGE_NUMBER.match(lines[end].text) or lines[end].text.isdigit()):
                del lines[end]
        out[k] = lines
    return out


def in_margin(run: Run, height: float) -> bool:
    return run.bottom >= height * (1 - MARGIN) or run.top <= height * MARGIN


def furniture_key(text: str) -> str:
    return DIGITS.sub("#", text.strip())


def furniture_texts(pages: list[list[Run]], sizes: list[tuple[float, float]]) -> set[str]:
    """Texts (digits as #) that stand in a page's margin on at least two pages and a third of them."""
    seen = Counter()
    for page, (_, height) in zip(pages, sizes):
        seen.update({furniture_key(r.text) for r in page if in_margin(r, height)})
    needed = max(2, len(pages) / 3)
    return {text for text, n in seen.items() if n >= needed}


def is_furniture(run: Run, height: float, furniture: set[str]) -> bool:
    if not in_margin(run, height):
        return False
    return bool(PAGE_NUMBER.match(run.text)) or run.text.isdigit() or furniture_key(run.text) in furniture


def page_lines(runs: list[Run], width: float) -> list[Line]:
    """The lines of one page in reading order."""
    if not runs:
        return []
    gutter = find_gutter(runs, width)
    body_size = statistics.median(r.height for r in runs)
    out: list[Line] = []
    after_spanning = False
    for block in blocks(runs, gutter):
        spanning = gutter is not None and len(block) == 1 and block[0].left < gutter < block[0].right
        lines = block_lines(block, body_size)
        if spanning or after_spanning:  # a line across both columns (a title) is a paragraph of its own
            lines[0] = replace(lines[0], new_paragraph=True)
        out += lines
        after_spanning = spanning
    return out


def assemble(pages: list[list[Line]]) -> tuple[list[str], list[int]]:
    """The pages' lines as text lines, a blank line between paragraphs and the lines of one
    heading joined; and the text line (1-based) where each page starts."""
    out: list[str] = []
    starts = []
    was_heading = False
    for page in pages:
        starts.append(len(out) + 1)
        for line in page:
            if out and line.heading and was_heading and not line.new_paragraph:
                out[-1] = joined(out[-1], line.text)
                continue
            if out and out[-1] and (line.new_paragraph or line.heading != was_heading):
                out.append("")
            out.append(line.text)
            was_heading = line.heading
    return out, starts


def find_gutter(runs: list[Run], width: float) -> float | None:
    """An x where a column gap runs down the page: crossed by few runs, with text on both sides."""
    lefts = np.array([r.left for r in runs])[:, None]
    rights = np.array([r.right for r in runs])[:, None]
    xs = np.arange(int(width * GUTTER_RANGE[0]), int(width * GUTTER_RANGE[1]), 2, dtype=float)
    crossing = ((lefts < xs) & (xs < rights)).sum(axis=0)
    sides = np.minimum((rights <= xs).sum(axis=0), (lefts >= xs).sum(axis=0))
    score = np.where((crossing <= 0.2 * len(runs)) & (sides >= 3), sides - 3 * crossing, 0)
    best = int(score.argmax()) if len(xs) else 0
    return float(xs[best]) if len(xs) and score[best] > 0 else None


def blocks(runs: list[Run], gutter: float | None) -> list[list[Run]]:
    """Runs in reading order as blocks: a run that spans the gutter stands alone, and the runs
    between two such runs are read left column first."""
    ordered = sorted(runs, key=lambda r: (-r.top, r.left))
    if gutter is None:
        return [ordered]
    out: list[list[Run]] = []
    band: list[Run] = []
    for r in ordered:
        if r.left < gutter < r.right:
            out += columns(band, gutter)
            out.append([r])
            band = []
        else:
            band.append(r)
    return out + columns(band, gutter)


def columns(band: list[Run], gutter: float) -> list[list[Run]]:
    left = [r for r in band if r.right <= gutter]
    right = [r for r in band if r.right > gutter]
    return [c for c in (left, right) if c]


def block_lines(block: list[Run], body_size: float) -> list[Line]:
    """Runs of one column (top to bottom) as lines; a gap or an indent starts a paragraph, and
    text clearly larger than the page's usual size is a heading."""
    lines = baselines(block)
    tops = [line[0].top for line in lines]
    pitch = statistics.median([a - b for a, b in zip(tops, tops[1:])] or [0]) or None
    margin = min(r.left for r in block)
    out = []
    for k, line in enumerate(lines):
        size = statistics.median(r.height for r in line)
        gap = bool(pitch is not None and k and tops[k - 1] - tops[k] > PARAGRAPH_GAP * pitch)
        indented = line[0].left - margin > 1.5 * size
        out.append(Line(join_runs(line), size > HEADING_SIZE * body_size, gap or indented))
    return out


def baselines(block: list[Run]) -> list[list[Run]]:
    """Runs of one column grouped by line, each line left to right."""
    lines: list[list[Run]] = []
    for r in block:
        if lines and abs(middle(lines[-1][0]) - middle(r)) < 0.5 * max(r.height, lines[-1][0].height):
            lines[-1].append(r)
        else:
            lines.append([r])
    for line in lines:
        line.sort(key=lambda r: r.left)
    return lines


def joined(a: str, b: str) -> str:
    return a + (" " if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum() else "") + b


def middle(r: Run) -> float:
    return (r.top + r.bottom) / 2


def join_runs(line: list[Run]) -> str:
    text = line[0].text
    for before, r in zip(line, line[1:]):
        text += (" " if r.left - before.right > 0.3 * r.height else "") + r.text
    return text
