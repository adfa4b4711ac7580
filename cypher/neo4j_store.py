"""Neo4j through the official driver: bolt://, neo4j:// and neo4j+s:// URIs, a named database,
reads routed to readers in read transactions."""

from __future__ import annotations

from guanxi.cypher.store import GraphStore
from guanxi.graph.errors import StoreError


class Neo4jStore(GraphStore):
    dialect = "neo4j"
    form_nodes = True

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", database: str | None = None):
        import neo4j

        self.uri = uri
        self.database = database
        try:
            self.driver = neo4j.GraphDatabase.driver(uri, auth=(user, password) if password else None)
            self.driver.verify_connectivity()
        except Exception as e:
            raise StoreError(
                f"Could not reach Neo4j at {uri}: {e}. Check the URI, that the server runs, and "
                f"GUANXI_NEO4J_USER / GUANXI_NEO4J_PASSWORD / GUANXI_NEO4J_DATABASE"
            ) from e

    def _run(self, query, params=None, write=False, timeout_ms=None, row_cap=None):
        import neo4j
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        def work(tx):
            rows = []
            for record in tx.run(query, params or {}):
                rows.append({key: plain(value) for key, value in record.items()})
                if row_cap and len(rows) > row_cap:
                    break  # the caller only shows row_cap rows and says it truncated
            return rows

        work = neo4j.unit_of_work(timeout=timeout_ms / 1000 if timeout_ms else None)(work)
        try:
            with self.driver.session(
                database=self.database, default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
            ) as s:
                rows = s.execute_write(work) if write else s.execute_read(work)
        except ServiceUnavailable as e:
            raise StoreError(f"Lost the connection to Neo4j at {self.uri}: {e}") from e
        except Neo4jError as e:
            raise StoreError(e.message or str(e)) from e
        return rows

    def ping(self) -> bool:
        try:
            self.driver.verify_connectivity()
            return True
        except Exception:
            return False

    def close(self) -> None:
        self.driver.close()


def plain(value):
    """Driver values as JSON-ready data: nodes and relationships as maps with their labels / type."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"_type": value.type, **dict(value)}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
