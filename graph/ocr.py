"""Text of scanned PDF pages by OCR, with Debian's ``tesseract-ocr`` and its Simplified Chinese
data (``tesseract-ocr-chi-sim``) when they are installed; without them a scan is an error that
says so. Pages are rendered by PDFium at ``DPI`` and read one at a time by the ``tesseract``
command on one thread."""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess

from guanxi.graph.errors import InputError

DPI = 200  # of 150, 200 and 300 on generated scans, 200 and 150 read best and 300 slowest
MAX_PIXELS = 25_000_000  # a page larger than A4 is rendered at a lower resolution (A4 at 200 dpi: 3.9 M)
MAX_PAGES = 300  # scanned pages read by OCR in one file, at about 1.3 s each
LANGUAGE = "chi_sim"
PAGE_TIMEOUT_S = 120
INSTALL = "apt install tesseract-ocr tesseract-ocr-chi-sim"
CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
SPACE_IN_CJK = re.compile(f"(?<=[{CJK}])[ \t]+(?=[{CJK}])")  # some models put spaces between characters


@functools.cache
def unavailable() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    command = shutil.which("tesseract")
    if command is None:
        return f"tesseract is not installed ({INSTALL})"
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"tesseract does not run ({e})"
    if LANGUAGE not in listed.stdout.split():
        return f"tesseract has no Simplified Chinese data ({INSTALL})"
    return None


def page_text(page, name: str, number: int) -> list[tuple[str, bool]]:
    """The lines OCR reads on one PDFium page, each with whether it starts a paragraph."""
    width, height = page.get_size()
    scale = min(DPI / 72, (MAX_PIXELS / max(1.0, width * height)) ** 0.5)
    image = page.render(scale=scale, grayscale=True).to_pil()
    png = io.BytesIO()
    image.save(png, "PNG")
    try:
        done = subprocess.run(
            ["tesseract", "-", "-", "-l", LANGUAGE, "--psm", "3"],
            input=png.getvalue(),
            capture_output=True,
            timeout=PAGE_TIMEOUT_S,
            env=os.environ | {"OMP_THREAD_LIMIT": "1"},
        )
    except subprocess.TimeoutExpired as e:
        raise InputError(f"{name}: OCR of page {number} took more than {PAGE_TIMEOUT_S} s") from e
    except OSError as e:
        raise InputError(f"{name}: OCR of page {number} could not run tesseract ({e})") from e
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise InputError(f"{name}: OCR of page {number} failed ({problem[0]})")
    lines: list[tuple[str, bool]] = []
    after_blank = False
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        line = SPACE_IN_CJK.sub("", line.strip())
        if line:
            lines.append((line, after_blank))
        after_blank = not line
    return lines
