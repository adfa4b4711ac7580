"""Server-rendered pages other than the graph view: the home page. Every name is HTML-escaped;
every asset is inline."""

from __future__ import annotations

from html import escape
from pathlib import Path
from string import Template
from urllib.parse import quote

from guanxi.graph.schema import ENTITY_TYPES
from guanxi.viz.render import NODE_STYLE

TEMPLATES = Path(__file__).parent / "templates"


def chip(type_: str) -> str:
    color = NODE_STYLE.get(type_, {}).get("color", "#999")
    return f'<span class="chip" style="background:{color}"></span>'


def entity_link(e: dict) -> str:
    return f'<a href="/entities/{quote(e["id"], safe="")}/view">{escape(e["name"])}</a>'


def home_page(overview: dict) -> str:
    """The home page of ``GraphStore.overview()``: counts by type, search as you type with a type
    filter, the most mentioned entities of each type, the latest articles."""
    c = overview["counts"]
    counts = [f"<span>{chip(t['type'])}{escape(t['type'])} <b>{t['total']}</b></span>" for t in overview["types"]]
    counts += [f"<span>relations <b>{c['relationships']}</b></span>", f"<span>articles <b>{c['documents']}</b></span>"]
    top = "".join(
        f"<div><b>{chip(t['type'])}{escape(t['type'])}</b><ol>"
        + "".join(f"<li>{entity_link(e)} <small>{e.get('mentions') or 0}</small></li>" for e in t["top"])
        + "</ol></div>"
        for t in overview["types"]
    )
    latest = "".join(
        f"<tr><td>{escape(d.get('date') or '')}</td><td>{escape(d.get('title') or d['id'])}</td>"
        f"<td><small>{escape(d['id'])}</small></td></tr>"
        for d in overview["latest"]
    )
    return Template((TEMPLATES / "home.html").read_text(encoding="utf-8")).substitute(
        counts="".join(counts),
        type_options="".join(f'<option value="{t}">{t}</option>' for t in ENTITY_TYPES),
        top=top or '<p class="muted">The graph is empty: <code>guanxi build FILES</code> fills it.</p>',
        latest=latest or '<tr><td class="muted">no articles yet</td></tr>',
    )
