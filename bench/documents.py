"""Documents in: PDF reading speed, and the digest laid out as a PDF against the digest as text.

    python -m bench.documents [--pages 100]

The PDFs are made here with reportlab's built-in CID font STSong-Light (no font file): two
columns, a running header and page numbers, like the digest's original. ``write_pdf`` is also
what the tests make their PDFs with. Prints one figure per line; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGEST = ROOT.parent / "shared" / "corpus" / "industry-digest-2021-11.txt"
FONT = "STSong-Light"
SIZE, LEADING, HEADING_SIZE = 10, 14, 13


@dataclass(frozen=True)
class Block:
    text: str
    heading: bool = False


def register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def wrap(text: str, width: float, size: float, indent: float = 0) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line, used = [], "", indent
    for ch in text:
        w = stringWidth(ch, FONT, size)
        if used + w > width and line:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return lines + [line] if line else lines


def write_pdf(
    blocks: list[Block],
    columns: int = 2,
    header: str | None = "产业动态摘要",
    page_numbers: bool = True,
    title: str | None = None,
    image_page: bool = False,
    password: str | None = None,
) -> tuple[bytes, list[int]]:
    """A PDF of ``blocks`` flowed through ``columns`` columns of A4 pages, and the page each
    block starts on. ``image_page`` adds a last page with a drawing and no text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    register_font()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, encrypt=password)
    if title:
        c.setTitle(title)
    width, height = A4
    gutter, margin = 24, 56
    column_width = (width - 2 * margin - gutter * (columns - 1)) / columns
    page, column, y = 1, 0, height - margin - 20
    starts = []

    def furniture() -> None:
        c.setFont(FONT, 8)
        if header:
            c.drawString(margin, height - 36, header)
        if page_numbers:
            c.drawCentredString(width / 2, 30, f"- {page} -")

    def next_line(step: float) -> None:
        nonlocal page, column, y
        y -= step
        if y < margin:
            column += 1
            y = height - margin - 20
            if column == columns:
                furniture()
                c.showPage()
                page, column = page + 1, 0

    for block in blocks:
        size = HEADING_SIZE if block.heading else SIZE
        indent = 0 if block.heading else 2 * SIZE
        if block.heading:
            next_line(LEADING)  # a gap above a heading
        starts.append(page)
        for k, line in enumerate(wrap(block.text, column_width, size, indent)):
            c.setFont(FONT, size)
            c.drawString(margin + column * (column_width + gutter) + (indent if k == 0 else 0), y, line)
            next_line(LEADING + (4 if block.heading else 0))
    furniture()
    c.showPage()
    if image_page:
        c.setFillColorRGB(0.2, 0.4, 0.8)
        c.rect(100, 300, 300, 300, fill=1)
        c.showPage()
    c.save()
    return out.getvalue(), starts


def digest_blocks(text: str) -> list[Block]:
    """The digest's paragraphs, as its text build sees them, and which of them are headings."""
    from guanxi.graph.articles import is_heading
    from guanxi.graph.clean import reflow

    return [Block(p.text, heading=is_heading(p)) for p in reflow(text)]


def graph_of(path: Path):
    from guanxi.graph.build import build_graph
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources

    docs, errors = read_sources([str(path)])
    assert not errors, errors
    articles = [a for _, arts in extract_documents(docs) for a in arts]
    return articles, build_graph(articles)


def kept(before: set, after: set) -> str:
    both = len(before & after)
    return f"{both / len(before):.1%} ({both} of {len(before)}; {len(after - before)} new)"


def speed_part(pages: int) -> None:
    import torch

    from guanxi.graph.pdf_text import read_pdf

    torch.set_num_threads(1)
    sample = "工业和信息化部与华为技术有限公司签署合作协议。" * 400
    text = DIGEST.read_text(encoding="utf-8") if DIGEST.exists() else sample
    blocks = digest_blocks(text)
    while True:
        data, starts = write_pdf(blocks)
        if starts[-1] >= pages:
            break
        blocks = blocks * 2
    cut = next(i for i, page in enumerate(starts) if page > pages)
    data, _ = write_pdf(blocks[:cut])
    read_pdf(data, "warm-up.pdf")
    best = min(timed(lambda: read_pdf(data, "bench.pdf")) for _ in range(3))
    print(f"a {pages}-page two-column Chinese PDF: {len(data) / 1024:.0f} KB")
    print(f"  PDF text in reading order  {pages / best:.0f} pages/s ({best:.2f} s, best of 3)")


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def digest_part(folder: Path) -> None:
    if not DIGEST.exists():
        print("the digest (../shared) is not here: the PDF-against-text comparison is left out")
        return
    pdf = folder / (DIGEST.stem + ".pdf")
    data, starts = write_pdf(digest_blocks(DIGEST.read_text(encoding="utf-8")))
    pdf.write_bytes(data)
    text_articles, text_graph = graph_of(DIGEST)
    pdf_articles, pdf_graph = graph_of(pdf)
    print(f"{DIGEST.name} as text and as a two-column PDF: {starts[-1]} pages")
    titles = [a.title for a in text_articles], [a.title for a in pdf_articles]
    same = sum(1 for a, b in zip(*titles) if a == b)
    print(f"  articles  {len(titles[0])} from the text, {len(titles[1])} from the PDF, {same} with the same title")
    entities = [{(n["type"], n["name"]) for _, n in g.nodes(data=True)} for g in (text_graph, pdf_graph)]
    print(f"  entities of the text build found in the PDF build  {kept(*entities)}")
    relations = [
        {
            (e["type"], g.nodes[a]["name"], g.nodes[b]["name"])
            for a, b, e in g.edges(data=True)
            if e["type"] != "CO_OCCURS"
        }
        for g in (text_graph, pdf_graph)
    ]
    print(f"  typed relations of the text build found in the PDF build  {kept(*relations)}")


def main(argv=None) -> None:
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=100)
    args = ap.parse_args(argv)
    speed_part(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        digest_part(Path(tmp))


if __name__ == "__main__":
    main()
