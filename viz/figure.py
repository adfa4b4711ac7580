"""Static figures of a neighborhood for reports (SVG, PNG, PDF), drawn with matplotlib.

The same colours and shapes per type as the interactive view, a legend, typed relations labelled,
a title and a caption naming the source articles and their dates. The layout is seeded, so the
same neighborhood gives the same picture. Chinese needs a CJK font: Debian's ``fonts-noto-cjk``
(``make`` installs it when run as root) or any font named in ``CJK_FONTS``."""

from __future__ import annotations

import io
from functools import cache

from guanxi.graph.errors import GuanxiError
from guanxi.viz.render import EDGE_COLOR, FOCUS_COLOR, NODE_STYLE, campaign_only

FORMATS = ("svg", "png", "pdf")
MEDIA_TYPES = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei")
MARKERS = {"dot": "o", "diamond": "D", "square": "s", "triangle": "^"}
A4_WIDTH_IN = 8.27
PNG_DPI = 150
SEED = 7
# a white ground under labels, so that they read over the lines (path effects would turn SVG text into outlines)
HALO = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
CAPTION_TITLES = 3  # articles named in the caption before "and N more"


class FigureError(GuanxiError):
    """A figure cannot be drawn here (no CJK font, an unknown format)."""


@cache
def cjk_font() -> str:
    from matplotlib import font_manager

    name = installed_cjk_font(font_manager.fontManager)
    if name is None:  # matplotlib's font cache may predate the font: look at the system's fonts again
        known = {f.fname for f in font_manager.fontManager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue  # a font file matplotlib cannot read is not ours to fix
        name = installed_cjk_font(font_manager.fontManager)
    if name is None:
        raise FigureError(
            "Static figures need a CJK font and none is installed: on Debian or Ubuntu, "
            "`apt install fonts-noto-cjk` (one of: " + ", ".join(CJK_FONTS) + ")"
        )
    return name


def installed_cjk_font(manager) -> str | None:
    installed = {f.name for f in manager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def figure_bytes(hood: dict, fmt: str, title: str | None = None) -> bytes:
    """The neighborhood ``hood`` (as ``GraphStore.neighborhood`` gives it) drawn as ``fmt``."""
    if fmt not in FORMATS:
        raise FigureError(f"unknown figure format {fmt!r}: use one of {', '.join(FORMATS)}")
    import matplotlib

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    font = cjk_font()
    with matplotlib.rc_context({"font.family": [font], "svg.fonttype": "none", "svg.hashsalt": "guanxi"}):
        fig = draw(hood, title, plt)
        out = io.BytesIO()
        fig.savefig(out, format=fmt, dpi=PNG_DPI, metadata=file_metadata(fmt))
        plt.close(fig)
    return out.getvalue()


def file_metadata(fmt: str) -> dict:
    """No creation date in the file: the same graph gives the same bytes."""
    if fmt == "svg":
        return {"Date": None, "Creator": "guanxi"}
    if fmt == "pdf":
        return {"CreationDate": None, "Creator": "guanxi", "Producer": "guanxi"}
    return {"Software": "guanxi"}


def layout(hood: dict) -> dict[str, tuple[float, float]]:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(sorted(n["id"] for n in hood["nodes"]))
    g.add_edges_from(sorted((e["source"], e["target"]) for e in hood["edges"]))
    if len(g) == 1:
        return {n: (0.0, 0.0) for n in g}
    return nx.spring_layout(g, seed=SEED, k=1.8 / len(g) ** 0.5, iterations=200)


def draw(hood: dict, title: str | None, plt):
    nodes = {n["id"]: n for n in hood["nodes"]}
    pos = layout(hood)
    height = 5.8 if len(nodes) <= 40 else 7.5
    fig, ax = plt.subplots(figsize=(A4_WIDTH_IN, height), layout="constrained")
    ax.set_axis_off()
    draw_edges(ax, hood["edges"], pos)
    draw_nodes(ax, nodes, pos, hood.get("center"))
    centre = nodes.get(hood.get("center"), {})
    ax.set_title(title or f"{centre.get('name', '')} · 关系网络 neighborhood", fontsize=12, parse_math=False)
    legend(ax, nodes, hood["edges"])
    fig.text(
        0.01, 0.005, caption(hood), fontsize=6.5, color="#555555", ha="left", va="bottom", wrap=True, parse_math=False
    )
    ax.margins(0.12)
    return fig


def draw_edges(ax, edges: list[dict], pos) -> None:
    for e in sorted(edges, key=lambda e: (e["type"] != "CO_OCCURS", e["id"])):  # co-occurrence underneath
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        faint = campaign_only(e)
        ax.plot(
            [x1, x2],
            [y1, y2],
            color=EDGE_COLOR.get(e["type"], "#999999"),
            linestyle="--" if e["type"] == "CO_OCCURS" else "-",
            linewidth=0.8 if faint or e["type"] == "CO_OCCURS" else 1.4,
            alpha=0.35 if faint else 0.9,
            zorder=1,
        )
        if e["type"] != "CO_OCCURS" and not faint:
            label = e.get("title") or e["type"]
            ax.text((x1 + x2) / 2, (y1 + y2) / 2, label, fontsize=5.5, color="#444444", ha="center", va="center",
                    bbox=HALO, zorder=2, parse_math=False)  # fmt: skip


def draw_nodes(ax, nodes: dict, pos, center: str | None) -> None:
    for type_, style in NODE_STYLE.items():
        ids = sorted(n for n, d in nodes.items() if d["type"] == type_)
        if not ids:
            continue
        ax.scatter(
            [pos[n][0] for n in ids],
            [pos[n][1] for n in ids],
            s=[260 if n == center else 70 for n in ids],
            c=style["color"],
            marker=MARKERS[style["shape"]],
            edgecolors=[FOCUS_COLOR if n == center else style["color"] for n in ids],
            linewidths=[2.0 if n == center else 0.5 for n in ids],
            zorder=3,
        )
    for n, d in sorted(nodes.items()):
        x, y = pos[n]
        ax.annotate(
            d["name"],
            (x, y),
            xytext=(0, -9 if n != center else -13),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=8 if n == center else 6.5,
            fontweight="bold" if n == center else "normal",
            bbox=HALO,
            zorder=4,
            parse_math=False,  # a name or title with "$" (售价$100亿) is text, not TeX
        )


def legend(ax, nodes: dict, edges: list[dict]) -> None:
    from matplotlib.lines import Line2D

    types = {d["type"] for d in nodes.values()}
    rels = {e["type"] for e in edges}
    handles = [
        Line2D([], [], marker=MARKERS[s["shape"]], color="none", markerfacecolor=s["color"], markeredgecolor=s["color"],
               markersize=7, label=s["label"])
        for t, s in NODE_STYLE.items() if t in types
    ] + [
        Line2D([], [], color=c, linestyle="--" if t == "CO_OCCURS" else "-", linewidth=1.6, label=t)
        for t, c in EDGE_COLOR.items() if t in rels
    ]  # fmt: skip
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=6.5, frameon=False)


def caption(hood: dict) -> str:
    """The articles the figure rests on and the dates of its evidence."""
    titles, dates = {}, set()
    for e in hood["edges"]:
        for ev in e.get("evidence") or []:
            titles.setdefault(ev.get("doc_id"), ev.get("title") or ev.get("doc_id"))
            if ev.get("date"):
                dates.add(ev["date"])
    names = sorted(t for t in titles.values() if t)
    shown = "、".join(f"《{t}》" for t in names[:CAPTION_TITLES])
    more = f" and {len(names) - CAPTION_TITLES} more" if len(names) > CAPTION_TITLES else ""
    span = f"evidence dated {min(dates)} – {max(dates)}" if dates else "evidence undated"
    return f"Sources: {len(names)} articles: {shown}{more} · {span} · guanxi"
