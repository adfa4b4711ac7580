"""The ``guanxi`` command line. Commands hold no logic: they call the library and print."""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from dataclasses import replace
from functools import wraps
from pathlib import Path

import click

from guanxi.api.settings import SETTINGS, Settings
from guanxi.api.tables import csv_text, edge_rows, paths_text, text_table
from guanxi.cypher.rows import tallied
from guanxi.graph.errors import GuanxiError
from guanxi.graph.schema import ENTITY_TYPES


def fail(message: str) -> None:
    raise click.ClickException(message)


def store_options(f):
    """--store and --data, shared by every command that opens a store."""

    @click.option(
        "--store",
        "store",
        default=None,
        help="embedded, falkor://HOST:PORT or a Neo4j URI [default: GUANXI_STORE or embedded]",
    )
    @click.option(
        "--data",
        "data",
        default=None,
        type=click.Path(file_okay=False),
        help="data folder of the embedded store [default: GUANXI_DATA]",
    )
    @wraps(f)
    def wrapper(*args, store=None, data=None, **kwargs):
        settings = click.get_current_context().find_object(Settings) or Settings.from_env()
        overrides = {k: v for k, v in (("store", store), ("data", data)) if v is not None}
        return f(*args, settings=replace(settings, **overrides), **kwargs)

    return wrapper


def engine_options(f):
    """--jobs and --dask: where extraction runs, handed to the command as ``engine`` (the keyword
    arguments of ``extract_documents``)."""

    @click.option(
        "--jobs",
        "-j",
        type=click.IntRange(1, 256),
        default=1,
        show_default=True,
        help="extract on this many processes of this machine (the output is the same as with one)",
    )
    @click.option(
        "--dask", "dask", default=None, metavar="ADDRESS", help="extract on a Dask cluster [default: GUANXI_DASK]"
    )
    @wraps(f)
    def wrapper(*args, jobs=1, dask=None, **kwargs):
        settings = click.get_current_context().find_object(Settings) or Settings.from_env()
        return f(*args, engine={"jobs": jobs, "dask": dask or settings.dask or None}, **kwargs)

    return wrapper


def neighborhood_options(f):
    """The neighborhood filters, with the names and defaults of the API's query parameters, handed
    to the command as one ``query`` (a ``NeighborhoodQuery``, checked before a store is opened)."""

    @click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True, help="hops")
    @click.option("--rel", default=None, help="comma-separated relation types")
    @click.option("--types", default=None, help="comma-separated entity types of neighbors")
    @click.option("--min-weight", type=float, default=0, show_default=True)
    @click.option(
        "--min-npmi",
        type=click.FloatRange(-1, 1),
        default=-1,
        show_default=True,
        help="only CO_OCCURS edges with at least this NPMI",
    )
    @click.option("--limit", type=click.IntRange(1, 500), default=100, show_default=True)
    @wraps(f)
    def wrapper(*args, depth, rel, types, min_weight, min_npmi, limit, **kwargs):
        from guanxi.cypher.traversal import NeighborhoodQuery

        return f(*args, query=NeighborhoodQuery(depth, rel, types, min_weight, min_npmi, limit), **kwargs)

    return wrapper


def neighborhood_of(settings, name: str, query) -> dict:
    """The neighborhood the `neighborhood` and `view` commands show."""
    with settings.open_store() as store:
        return store.neighborhood(store.resolve(name), query)


def echo_json(value) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default=None,
    help="table (the default on a terminal), json (the default when piped) or csv",
)


def echo(value, fmt: str | None, rows, text=None) -> None:
    """``value`` as JSON; as a table or CSV, the rows ``rows()`` gives (a table may be the text
    ``text()`` makes instead). Without ``fmt``: a table on a terminal, JSON when piped."""
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        echo_json(value)
    elif fmt == "table":
        click.echo(text() if text else text_table(rows()))
    else:
        click.echo(csv_text(rows()), nl=False)


def entity_text(found: dict) -> str:
    head = f"{found['name']}  [{found['type']}]  {found['id']}"
    facts = f"aliases: {'、'.join(found['aliases']) or '-'}   mentions {found['mentions']}   articles " + (
        f"{found['document_count']}   seen {found.get('first_seen') or '?'} … {found.get('last_seen') or '?'}"
    )
    return "\n".join([head, facts, "", text_table(related_rows(found))])


def related_rows(found: dict) -> list[dict]:
    return [
        {
            "relation": r["type"],
            "with": r["entity"]["name"],
            "type": r["entity"]["type"],
            "title": r.get("title"),
            "weight": r["weight"],
        }
        for r in found["related"]
    ]


def path_rows(found: dict) -> list[dict]:
    return [{"hops": len(p["edges"]), "path": line} for p, line in zip(found["paths"], paths_text(found).splitlines())]


class GuanxiGroup(click.Group):
    """Library errors become `Error: …` on stderr and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GuanxiError as e:
            raise click.ClickException(str(e)) from e


@click.group(cls=GuanxiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="guanxi")
@click.pass_context
def cli(ctx):
    """guanxi (关系): entity-relation graphs of Chinese industry and policy news."""
    from guanxi.graph.config import configure

    ctx.obj = Settings.from_env()  # the environment is read here, once per command
    configure(ctx.obj.extraction())


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    show_default=True,
    help="JSONL file to write ('-' for standard output)",
)
@engine_options
def extract(sources, output, engine):
    """Extract entities and relations, one JSON line per input document.

    SOURCES: .jsonl files of {"id", "text", "title"?, "date"?, "url"?}, text, PDF, Word (.docx) or HTML
    files, folders, http(s) addresses, or - for stdin. A .jsonl document is one article; a text or
    PDF file is cleaned and split into articles, reported as one document.
    """
    from guanxi.graph.export import extract_line
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import iter_sources

    errors = []
    docs = iter_sources(sources, errors)
    with click.open_file(output, "w", encoding="utf-8") as out:
        for _, line in extract_documents(progress(docs, "extract"), finish=extract_line, **engine):
            out.write(line)
    report_errors(errors)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--export", "export_json", type=click.Path(dir_okay=False), help="write node-link JSON here")
@click.option("--graphml", type=click.Path(dir_okay=False), help="write GraphML (for Gephi) here")
@click.option(
    "--csv",
    "csv_dir",
    type=click.Path(file_okay=False),
    help="write CSV files in the neo4j-admin import layout into this folder",
)
@click.option("--load/--no-load", default=True, show_default=True, help="load the graph into the store")
@engine_options
@store_options
def build(sources, export_json, graphml, csv_dir, load, settings, engine):
    """Build the graph of SOURCES and load it into the store (replacing what it held).

    SOURCES: text, PDF, Word (.docx) or HTML files (digests are split into articles), folders,
    .jsonl files, http(s) addresses, or - for stdin.
    """
    from guanxi.graph.build import Provenance, build_graph
    from guanxi.graph.contribution import drafts_of
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import iter_sources

    errors, read = [], Counter()
    docs = tallied(iter_sources(sources, errors), read, "documents")
    extracted = extract_documents(progress(docs, "extract"), finish=drafts_of, **engine)
    articles = (draft for _, drafts in extracted for draft in drafts)
    with Provenance() as provenance:  # the documents and their contributions, in a temporary file
        graph = build_graph(tallied(articles, read, "articles"), provenance)
        if not read["documents"]:
            for e in errors:
                click.echo(f"Error: {e}", err=True)
            fail("no document could be read; nothing was built and the store was left as it was")
        click.echo(
            f"{read['documents']} documents, {read['articles']} articles -> {graph.number_of_nodes()} entities, "
            f"{graph.number_of_edges()} relations",
            err=True,
        )
        write_build(graph, export_json, graphml, csv_dir, settings if load else None)
    report_errors(errors)


def write_build(graph, export_json, graphml, csv_dir, settings) -> None:
    """The outputs of `build`: files where asked, and the store (replaced) unless ``settings`` is None."""
    from guanxi.cypher.csv_export import NEO4J_ADMIN_HINT, write_neo4j_csv
    from guanxi.graph.export import write_graphml, write_node_link

    if export_json:
        write_node_link(graph, Path(export_json))
        click.echo(f"wrote {export_json}", err=True)
    if graphml:
        write_graphml(graph, Path(graphml))
        click.echo(f"wrote {graphml}", err=True)
    if csv_dir:
        write_neo4j_csv(graph, Path(csv_dir))
        click.echo(f"wrote CSV files to {csv_dir}; import with: {NEO4J_ADMIN_HINT}", err=True)
    if settings is None:
        return
    with settings.open_store() as store:
        keep = remember_inventory(settings, store)
        store.clear()
        report = store.load(graph)
        keep()
        click.echo(
            f"loaded {report.entities} entities, {report.relationships} relations, "
            f"{report.documents} documents into {store.uri}",
            err=True,
        )


def remember_inventory(settings, store):
    """What the store holds before a write, for `guanxi changes`; call the result once the write
    succeeded to keep it."""
    from guanxi.cypher.inventory import remember

    return remember(store, settings.data_dir, settings.store_identity)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@engine_options
@store_options
def add(sources, settings, engine):
    """Add SOURCES to the graph in the store, keeping what it holds.

    A document (or digest) already in the store is replaced by its new version.
    """
    from guanxi.graph.contribution import drafts_of
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import iter_sources

    errors = []
    docs = iter_sources(sources, errors)
    with settings.open_store() as store:
        keep = remember_inventory(settings, store)
        extracted = extract_documents(progress(docs, "add"), finish=drafts_of, **engine)
        report = store.add(draft for _, drafts in extracted for draft in drafts)
        keep()
        counts = store.counts()
    click.echo(
        f"added {report.documents} articles ({report.replaced} replaced); the store holds "
        f"{counts['entities']} entities, {counts['relationships']} relations, {counts['documents']} documents",
        err=True,
    )
    report_errors(errors)


@cli.command()
@click.argument("doc_ids", nargs=-1, required=True)
@store_options
def remove(doc_ids, settings):
    """Remove documents (article ids, or input document ids with all their articles) from the store."""
    with settings.open_store() as store:
        keep, removed = remember_inventory(settings, store), 0
        try:
            for doc_id in doc_ids:
                report = store.remove(doc_id)
                removed += 1
                click.echo(
                    f"removed {doc_id}: {report.documents} articles; {report.entities} entities and "
                    f"{report.relationships} relations updated or deleted",
                    err=True,
                )
        finally:
            if removed:  # an unknown id stops the command, but what was removed before it changed the store
                keep()


@cli.group("store")
def store_group():
    """Start, stop or look at the embedded store of a data folder (GUANXI_DATA or --data).

    Without these commands the store runs while some guanxi process uses it and stops with the
    last one; `guanxi store start` keeps it running until `guanxi store stop`."""


def embedded_server(settings):
    from guanxi.cypher.embedded import EmbeddedServer

    if settings.store != "embedded":
        fail(f"GUANXI_STORE is {settings.store}: these commands manage the embedded store only")
    return EmbeddedServer(settings.data)


@store_group.command("start")
@store_options
def store_start(settings):
    """Start the store and keep it running after this command exits."""
    from guanxi.cypher.embedded import PINNED_FILE

    server = embedded_server(settings)
    port = server.start()
    (server.data_dir / PINNED_FILE).touch()
    server.stop()  # gives the lease back; the pinned server stays up
    click.echo(f"the store of {server.data_dir} runs on 127.0.0.1:{port}")


@store_group.command("stop")
@store_options
def store_stop(settings):
    """Save and stop the store, even while other guanxi processes use it."""
    from guanxi.cypher.embedded import PINNED_FILE

    server = embedded_server(settings)
    (server.data_dir / PINNED_FILE).unlink(missing_ok=True)
    if server.running_port() is None:
        click.echo(f"no store runs for {server.data_dir}")
        return
    server.stop_now()
    click.echo(f"stopped the store of {server.data_dir}")


@store_group.command("status")
@store_options
def store_status(settings):
    """Whether the store runs, where, and whether it was started to stay up."""
    from guanxi.cypher.embedded import PINNED_FILE

    server = embedded_server(settings)
    port = server.running_port()
    pinned = " (kept running by `guanxi store start`)" if (server.data_dir / PINNED_FILE).exists() else ""
    click.echo(
        f"runs on 127.0.0.1:{port}, pid {server.state().get('pid')}{pinned}"
        if port
        else f"no store runs for {server.data_dir}"
    )


@cli.command("rebuild")
@store_options
def rebuild(settings):
    """Recompute every weight, count and evidence list from the provenance stored with the documents."""
    with settings.open_store() as store:
        keep = remember_inventory(settings, store)
        report = store.rebuild()
        keep()
    click.echo(
        f"rebuilt {report.entities} entities and {report.relationships} relations from {report.documents} documents",
        err=True,
    )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    default=min(4, os.cpu_count() or 1),
    show_default=True,
    type=click.IntRange(1, 64),
    help="server processes (each with its own connection to the store)",
)
@click.option(
    "--access-log/--no-access-log",
    default=False,
    show_default=True,
    help="log every request (costs 15-20% of the throughput)",
)
@store_options
def serve(host, port, workers, access_log, settings):
    """Serve the HTTP API (OpenAPI docs at /docs) over the configured store."""
    from guanxi.api.app import run_server

    store = settings.open_store()  # starts the embedded server; the workers reuse it
    counts = store.counts()
    base = f"http://{host}:{port}"
    click.echo(f"guanxi: {counts['entities']} entities, {counts['relationships']} relations in {store.uri}")
    click.echo(f"  API       {base}/")
    click.echo(f"  API docs  {base}/docs")
    top = store.search("", limit=1) if counts["entities"] else []
    if top:
        click.echo(f"  a view    {base}/entities/{top[0]['id']}/view   ({top[0]['name']})")
    try:
        run_server(settings, host, port, workers, access_log)
    finally:
        store.close()


@cli.command()
@click.argument("q")
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), default=None)
@click.option("--limit", type=click.IntRange(1, 200), default=20, show_default=True)
@format_option
@store_options
def search(q, type_, limit, fmt, settings):
    """Search entities by name or alias: exact matches first, then prefix, then substring."""
    with settings.open_store() as store:
        hits = store.search(q, type=type_, limit=limit)
    columns = ("name", "type", "match", "mentions", "aliases", "id")
    echo(hits, fmt, lambda: [{c: h.get(c) for c in columns} for h in hits])


@cli.command()
@click.argument("name")
@format_option
@store_options
def entity(name, fmt, settings):
    """One entity (by id, name or alias) with its strongest relations."""
    with settings.open_store() as store:
        found = store.entity(store.resolve(name))
    echo(found, fmt, lambda: related_rows(found), lambda: entity_text(found))


@cli.command()
@click.argument("name")
@neighborhood_options
@format_option
@store_options
def neighborhood(name, query, fmt, settings):
    """Entities and relations around NAME (an id, name or alias), with evidence."""
    hood = neighborhood_of(settings, name, query)
    echo(hood, fmt, lambda: edge_rows(hood))


@cli.command()
@click.argument("source")
@click.argument("target")
@click.option("--max-hops", type=click.IntRange(1, 4), default=3, show_default=True)
@click.option("--rel", help="comma-separated relation types to walk, e.g. PARTNERS_WITH,HOLDS_ROLE")
@click.option("--limit", type=click.IntRange(1, 50), default=10, show_default=True)
@format_option
@store_options
def paths(source, target, max_hops, rel, limit, fmt, settings):
    """Shortest paths between SOURCE and TARGET (ids, names or aliases), with the evidence of each hop."""
    from guanxi.cypher.traversal import split_names
    from guanxi.graph.schema import RELATION_TYPES

    rels = list(split_names(rel, RELATION_TYPES, "relation type"))
    with settings.open_store() as store:
        found = store.paths(store.resolve(source), store.resolve(target), max_hops=max_hops, rels=rels, limit=limit)
    echo(found, fmt, lambda: path_rows(found), lambda: paths_text(found))


@cli.command("key-players")
@click.option("--type", "type_", type=click.Choice(ENTITY_TYPES), default=None, help="only entities of this type")
@click.option("--top", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--co-occurrence", is_flag=True, help="count co-occurrence too, not only typed relations")
@format_option
@store_options
def key_players_command(type_, top, co_occurrence, fmt, settings):
    """The most central entities: PageRank over relation strength, group actions down-weighted."""
    from guanxi.graph.analytics import key_players

    with settings.open_store() as store:
        rows = key_players(store.relation_graph(co_occurrence), type_, top)
    echo(rows, fmt, lambda: rows)


@cli.command("timeline")
@click.argument("name", required=False)
@click.option("--rel", help="comma-separated relation types (default: every typed relation)")
@format_option
@store_options
def timeline_command(name, rel, fmt, settings):
    """Relations (of NAME, or of the whole graph) by the month they were first seen."""
    from guanxi.cypher.traversal import split_names
    from guanxi.graph.analytics import timeline
    from guanxi.graph.schema import RELATION_TYPES

    rels = list(split_names(rel, RELATION_TYPES, "relation type"))
    with settings.open_store() as store:
        months = timeline(store.dated_relations(rels, store.resolve(name) if name else None))
    rows = [
        {
            "month": m["month"],
            "first seen": r["first_seen"],
            "relation": r["type"],
            "head": r["head"],
            "tail": r["tail"],
            "title": r.get("title"),
        }
        for m in months
        for r in m["relations"]
    ]
    echo(months, fmt, lambda: rows)


@cli.command("changes")
@click.option(
    "--since",
    metavar="DATE",
    help="YYYY-MM-DD or YYYY-MM: new = first seen after it (a month: after the whole month), gone = not seen after it",
)
@click.option("--until", metavar="DATE", help="with --since: the last day or month of the period [default: no end]")
@format_option
@store_options
def changes_command(since, until, fmt, settings):
    """Entities and typed relations new or gone: since the previous build, add, remove or rebuild,
    or, with --since, between dates."""
    from guanxi.cypher.inventory import previous
    from guanxi.graph.analytics import changes, changes_by_date, period_problem

    if problem := period_problem(since and check_date(since), until and check_date(until)):
        raise click.UsageError(problem.replace("until", "--until").replace("since", "--since"))
    with settings.open_store() as store:
        now = store.inventory()
    if since:
        dated = changes_by_date(now, check_date(since), check_date(until) if until else None)
        found = {"basis": "dates", "since": since, "until": until, **dated}
    else:
        found = {"basis": "previous write", **changes(previous(settings.data_dir, settings.store_identity), now)}
    echo(found, fmt, lambda: change_rows(found))


def check_date(text: str) -> str:
    from guanxi.graph.analytics import DATE_PATTERN

    if not re.fullmatch(DATE_PATTERN, text):
        raise click.BadParameter(f"{text!r} is not a date: write YYYY-MM-DD or YYYY-MM")
    return text


def change_rows(found: dict) -> list[dict]:
    rows = []
    for key in ("new_entities", "gone_entities", "new_relations", "gone_relations"):
        rows_of_kind = found[key]
        change, kind = key.split("_")
        for r in rows_of_kind:
            what = r["name"] if kind == "entities" else f"{r['head']} {r['type']} {r['tail']}"
            title = r.get("title")
            rows.append(
                {
                    "change": change,
                    "kind": kind[:-1] if kind == "relations" else "entity",
                    "type": r["type"],
                    "what": what + (f"（{title}）" if title else ""),
                    "first seen": r.get("first_seen"),
                    "last seen": r.get("last_seen"),
                }
            )
    return rows


@cli.command("communities")
@click.option("--top", type=click.IntRange(1, 200), default=10, show_default=True, help="how many groups")
@click.option("--members", type=click.IntRange(1, 100), default=8, show_default=True, help="members shown per group")
@click.option("--co-occurrence", is_flag=True, help="count co-occurrence too, not only typed relations")
@format_option
@store_options
def communities_command(top, members, co_occurrence, fmt, settings):
    """Groups of entities more related to each other than to the rest (Louvain), largest first."""
    from guanxi.graph.analytics import communities

    with settings.open_store() as store:
        groups = communities(store.relation_graph(co_occurrence), top, members)
    rows = [
        {"size": c["size"], "relations": c["relations"], "members": [m["name"] for m in c["members"]]} for c in groups
    ]
    echo(groups, fmt, lambda: rows)


@cli.command()
@click.argument("name")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="HTML file to write")
@neighborhood_options
@store_options
def view(name, output, query, settings):
    """Write an interactive, self-contained HTML view of the neighborhood of NAME."""
    from guanxi.viz.render import render_view

    hood = neighborhood_of(settings, name, query)
    Path(output).write_text(render_view(hood), encoding="utf-8")
    click.echo(f"wrote {output}: {len(hood['nodes'])} entities, {len(hood['edges'])} relations", err=True)


def file_format(output: str, fmt: str | None, formats: tuple[str, ...]) -> str:
    """``fmt``, else the extension of ``output``; one of ``formats`` or a usage error."""
    fmt = fmt or Path(output).suffix.lstrip(".").lower()
    if fmt not in formats:
        names = ", ".join(f".{f}" for f in formats[:-1]) + f" or .{formats[-1]}"
        raise click.UsageError(f"cannot tell the format from {output!r}: name it {names}, or give --format")
    return fmt


@cli.command()
@click.argument("name")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), required=True, help="file to write: .svg, .png or .pdf"
)
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf"]), help="[default: the output's extension]")
@click.option("--title", help="[default: the entity's name]")
@neighborhood_options
@store_options
def figure(name, output, fmt, title, query, settings):
    """Write a static figure of the neighborhood of NAME for a report (SVG, PNG or PDF)."""
    from guanxi.viz.figure import FORMATS, figure_bytes

    fmt = file_format(output, fmt, FORMATS)
    hood = neighborhood_of(settings, name, query)
    Path(output).write_bytes(figure_bytes(hood, fmt, title))
    click.echo(f"wrote {output}: {len(hood['nodes'])} entities, {len(hood['edges'])} relations", err=True)


@cli.command()
@click.argument("name")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), required=True, help="file to write: .docx, .pdf or .html"
)
@click.option("--format", "fmt", type=click.Choice(["docx", "pdf", "html"]), help="[default: the output's extension]")
@store_options
def report(name, output, fmt, settings):
    """Write the dossier of NAME for a report: Word (editable), PDF or printable HTML, with its
    figure, relations and their evidence, timeline and sources."""
    from guanxi.viz.report import FORMATS, dossier_of, report_bytes

    fmt = file_format(output, fmt, FORMATS)
    with settings.open_store() as store:
        dossier = dossier_of(store, store.resolve(name))
    Path(output).write_bytes(report_bytes(dossier, fmt))
    relations = sum(len(g["rows"]) for g in dossier.groups)
    click.echo(
        f"wrote {output}: {dossier.entity['name']}, {relations} relations, {len(dossier.sources)} articles", err=True
    )


@cli.command()
@click.argument("query")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="query parameter; VALUE is read as JSON when it parses, else as a string",
)
@format_option
@store_options
def cypher(query, params, fmt, settings):
    """Run a read-only Cypher QUERY and print the rows."""
    from guanxi.cypher.readonly import check_read_only

    check_read_only(query)  # refuse writes before starting a store
    values = {}
    for p in params:
        key, sep, raw = p.partition("=")
        if not sep or not key:
            fail(f"--param takes KEY=VALUE, got {p!r}")
        try:
            values[key] = json.loads(raw)
        except ValueError:
            values[key] = raw
    with settings.open_store() as store:
        result = store.query(query, values)
    cut = "\n(cut at the row cap)" if result["truncated"] else ""
    echo(result, fmt, lambda: result["rows"], lambda: text_table(result["rows"]) + cut)


@cli.command("settings")
def show_settings():
    """List the GUANXI_* settings with their defaults."""
    for s in SETTINGS:
        click.echo(f"{s.name} (default: {s.describe_default()})\n    {s.help}")


def progress(items, what):
    from tqdm import tqdm

    return tqdm(items, desc=what, unit="doc", file=sys.stderr, disable=None, leave=False)


def report_errors(errors) -> None:
    for e in errors:
        click.echo(f"Error: {e}", err=True)
    if errors:
        sys.exit(1)


def main():
    cli()


if __name__ == "__main__":
    main()
