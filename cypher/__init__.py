"""Everything that talks to a graph database: query files, the store classes, loading."""

from __future__ import annotations

from pathlib import Path

from guanxi.cypher.store import GraphStore, LoadReport

__all__ = ["GraphStore", "LoadReport", "open_store"]


def open_store(
    store: str = "embedded",
    data_dir: str | Path | None = None,
    *,
    neo4j_user: str = "neo4j",
    neo4j_password: str = "",
    neo4j_database: str | None = None,
    graph: str = "guanxi",
) -> GraphStore:
    """A store from one setting: ``embedded``, ``falkor://host:port`` / ``redis://…``, or a Neo4j URI."""
    from guanxi.graph.errors import StoreError

    scheme = store.split("://", 1)[0].lower() if "://" in store else store.lower()
    if scheme == "embedded":
        from guanxi.cypher.falkordb_store import FalkorDBStore

        if data_dir is None:
            raise StoreError("The embedded store needs a data folder (GUANXI_DATA)")
        return FalkorDBStore.embedded(data_dir, graph)
    if scheme in ("falkor", "falkordb", "redis"):
        from guanxi.cypher.falkordb_store import FalkorDBStore

        return FalkorDBStore.from_url(store, graph)
    if scheme in ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"):
        from guanxi.cypher.neo4j_store import Neo4jStore

        return Neo4jStore(store, neo4j_user, neo4j_password, neo4j_database)
    raise StoreError(
        f'Unknown store "{store}": use embedded, falkor://HOST:PORT, or a Neo4j URI (bolt://, neo4j://, neo4j+s://)'
    )
