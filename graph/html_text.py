"""The article in a web page: its main text without navigation, footers and ads, and its title,
date, author and canonical address from the page's metadata (trafilatura)."""

from __future__ import annotations

from dataclasses import dataclass

from guanxi.graph.errors import InputError

SHORTEST = 50  # characters: less, without a full stop, is what is left of a page without an article


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str | None
    date: str | None  # YYYY-MM-DD
    url: str | None
    author: str | None


def read_html(data: bytes, name: str) -> HtmlText:
    """The article of the HTML page ``data`` (``name`` is for messages)."""
    import trafilatura

    found = trafilatura.bare_extraction(data, with_metadata=True, favor_precision=True, include_tables=True)
    text = (found.text or "").strip() if found is not None else ""
    if len(text) < SHORTEST and not any(c in text for c in "。！？!?."):  # a menu, not an article
        raise InputError(f"{name}: is a web page in which no article text was found (navigation and footers only?)")
    author = found.author or meta_author(data)
    return HtmlText(text, found.title or None, found.date or None, found.url or None, author)


def meta_author(data: bytes) -> str | None:
    """The page's ``<meta name="author">``: trafilatura drops a name without a space in it, which
    is how Chinese names are written."""
    from trafilatura.utils import load_html  # decodes as trafilatura does

    tree = load_html(data)
    if tree is None:
        return None
    found = tree.xpath('//meta[@name="author" or @property="article:author"]/@content')
    return next((name.strip() for name in found if name.strip() and "://" not in name), None)
