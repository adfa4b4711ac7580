"""Interactive, self-contained neighborhood views: pyvis builds the network, our template inlines
vis-network, so the page makes no request to any other host and works when opened from disk."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from pyvis.network import Network

from guanxi.graph.schema import UNDIRECTED

TEMPLATES = Path(__file__).parent / "templates"
NODE_STYLE = {
    "ORG": {"color": "#4e79a7", "shape": "dot", "label": "组织 ORG"},
    "PERSON": {"color": "#f28e2b", "shape": "diamond", "label": "人物 PERSON"},
    "POLICY": {"color": "#59a14f", "shape": "square", "label": "政策 POLICY"},
    "PROJECT": {"color": "#b07aa1", "shape": "triangle", "label": "项目 PROJECT"},
}
EDGE_COLOR = {
    "PARTNERS_WITH": "#e15759",
    "ISSUED": "#59a14f",
    "HOLDS_ROLE": "#f28e2b",
    "PARTICIPATES_IN": "#b07aa1",
    "SUBSIDIARY_OF": "#4e79a7",
    "REGULATES": "#9c755f",
    "INVESTS_IN": "#edc948",
    "CO_OCCURS": "#c8c8c8",
}
FOCUS_COLOR = "#d62728"
STABILIZE_ITERATIONS = 300
BIG = 150  # above this many nodes the layout is computed with fewer, cheaper iterations


@lru_cache(maxsize=1)
def vis_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The templates of viz/templates, HTML-escaped, with the ``segment`` filter for ids in links."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    env.filters["segment"] = segment
    return env


def segment(value: str) -> str:
    """An id as one path segment of a link, ``/`` escaped too: ``news/2021/1`` or ``../x`` stays
    one segment, which a browser neither splits nor resolves away."""
    return quote(str(value), safe="")


def template() -> jinja2.Template:
    return environment().get_template("view.html")


def node_tooltip(n: dict) -> str:
    lines = [f"{n['name']}  [{n['type']}]"]
    if n.get("aliases"):
        lines.append("别名 aliases: " + "、".join(n["aliases"][:8]))
    lines.append(f"mentions {n.get('mentions') or 0} · documents {n.get('document_count') or 0}")
    return "\n".join(lines)


def edge_tooltip(e: dict) -> str:
    head = e["type"] + (f" ({e['title']})" if e.get("title") else "")
    lines = [
        f"{head} · weight {e.get('weight')}"
        + (f" · specificity {e['specificity']:g}" if e.get("specificity") not in (None, e.get("weight")) else "")
        + (f" · npmi {e['npmi']}" if e.get("npmi") is not None else "")
    ]
    for ev in e.get("evidence", [])[:3]:
        lines.append(f"— {ev.get('sentence', '')[:160]}  〔{source_of(ev)}〕")
    if (e.get("evidence_total") or 0) > 3:
        lines.append(f"… {e['evidence_total'] - 3} more")
    return "\n".join(lines)


def source_of(ev: dict) -> str:
    """Where a piece of evidence is from, as a reader names it: the article's title (else its
    id), its date and, in a PDF, the page (第3页)."""
    page = f"第{ev['page']}页" if ev.get("page") else None
    return " · ".join(x for x in (ev.get("title") or ev.get("doc_id"), ev.get("date"), page) if x)


def json_island(value) -> str:
    """JSON to put inside a <script> element: ``<``, ``>`` and ``&`` as \\u escapes, so no text in
    it (``</script>``, ``<!--``) can end the element or change how the page is parsed."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def campaign_only(edge: dict) -> bool:
    """Known only from sentences that link many bodies at once: drawn faint and unlabelled."""
    return edge.get("specificity") is not None and edge["specificity"] < 1


def build_network(neighborhood: dict) -> Network:
    net = Network(directed=True, cdn_resources="in_line")
    center = neighborhood["center"]
    for n in neighborhood["nodes"]:
        style = NODE_STYLE.get(n["type"], {"color": "#999", "shape": "dot"})
        focus = n["id"] == center
        net.add_node(
            n["id"],
            label=n["name"],
            title=node_tooltip(n),
            shape=style["shape"],
            color={"background": style["color"], "border": FOCUS_COLOR if focus else style["color"]},
            borderWidth=4 if focus else 1,
            size=28 if focus else 12 + min(14, (n.get("mentions") or 0)),
            font={"size": 16 if focus else 12},
        )  # no vis "group": vis-network would colour groups from its own palette, not the legend's
    for e in neighborhood["edges"]:
        undirected = e["type"] in UNDIRECTED
        # known only from sentences that link many bodies at once (a campaign): drawn faint and
        # unlabelled, so that a clique of 28 such edges does not hide the rest
        group_only = campaign_only(e)
        net.add_edge(
            e["source"],
            e["target"],
            title=edge_tooltip(e),
            color={"color": EDGE_COLOR.get(e["type"], "#999"), "opacity": 0.3 if group_only else 1.0},
            width=1 if group_only else 1 + min(8, (e.get("specificity") or e.get("weight") or 1) ** 0.5),
            label=None if e["type"] == "CO_OCCURS" or group_only else (e.get("title") or e["type"]),
            arrows="" if undirected else "to",
            font={"size": 9},
            dashes=e["type"] == "CO_OCCURS",
        )
    big = len(neighborhood["nodes"]) > BIG
    net.set_options(
        json.dumps(
            {
                "physics": {
                    "solver": "forceAtlas2Based",
                    "stabilization": {"enabled": True, "iterations": 120 if big else STABILIZE_ITERATIONS, "fit": True},
                },
                "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
                "edges": {"smooth": False if big else {"type": "continuous"}},
            }
        )
    )
    return net


def render_view(neighborhood: dict, title: str | None = None, downloads: str | None = None, query: str = "") -> str:
    """One self-contained HTML page of a neighborhood (the dict ``GraphStore.neighborhood`` returns).
    Served by the app, ``downloads`` is the entity's path (``/entities/ID``, after the public
    address where one is set) and ``query`` the view's query string: the page then links to the
    static figure and the dossier file; a copy saved as a file drops links to a bare path."""
    net = build_network(neighborhood)
    nodes, edges, _, _, _, options = net.get_network_data()
    center = next((n for n in neighborhood["nodes"] if n["id"] == neighborhood["center"]), None)
    title = title or (f"{center['name']} · guanxi" if center else "guanxi")
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "center": neighborhood["center"],
        "capped": neighborhood.get("capped", False),
    }
    data_json = json_island(data)
    present = {n["type"] for n in neighborhood["nodes"]}
    edge_types = {e["type"] for e in neighborhood["edges"]}
    summary = f"{len(nodes)} entities · {len(edges)} relations · depth {neighborhood.get('depth', 1)}"
    if neighborhood.get("capped"):
        summary += f" · capped at {neighborhood.get('limit')} entities"
    return template().render(
        title=title,
        summary=summary,
        vis_js=Markup(vis_js()),
        data_json=Markup(data_json),
        legend_nodes=[NODE_STYLE[t] for t in NODE_STYLE if t in present],
        legend_edges=[{"label": t, "color": EDGE_COLOR[t]} for t in EDGE_COLOR if t in edge_types],
        downloads=downloads,
        query=f"?{query}" if query else "",
    )
