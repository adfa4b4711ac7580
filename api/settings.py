"""Settings: one table of ``GUANXI_*`` environment variables, read once into ``Settings``."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


def default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "guanxi")


SETTINGS = (
    Setting("GUANXI_STORE", "embedded",
            "Where the graph lives: `embedded` (FalkorDB started by guanxi), `falkor://HOST:PORT` (a FalkorDB "
            "you run), or a Neo4j URI (`bolt://`, `neo4j://`, `neo4j+s://`)."),
    Setting("GUANXI_DATA", "~/.local/share/guanxi",
            "Folder of the embedded store's data (RDB snapshots) and its server log."),
    Setting("GUANXI_NER_MODEL", "graph/data/ner (shipped)",
            "NER model: a folder made by `make model`, or a HanLP pretrained model identifier."),
    Setting("GUANXI_ALIASES", "",
            "An alias file (canonical<TAB>TYPE<TAB>alias|alias) whose entries override the shipped table."),
    Setting("GUANXI_NEO4J_USER", "neo4j", "Neo4j user name."),
    Setting("GUANXI_NEO4J_PASSWORD", "", "Neo4j password."),
    Setting("GUANXI_NEO4J_DATABASE", "", "Neo4j database name (empty: the server's default)."),
    Setting("GUANXI_API_KEY", "", "Key that POST/DELETE /documents require in the X-API-Key header "
                                  "(empty: writes are refused)."),
    Setting("GUANXI_PROTECT_READS", "", "Set to 1 to require the API key for reads too."),
    Setting("GUANXI_CORS_ORIGINS", "", "Comma-separated origins allowed by CORS (empty: none)."),
    Setting("GUANXI_NER_QUANTIZE", "1", "Run the shipped model with int8 weights (1.8x faster); 0 for float32."),
    Setting("GUANXI_TORCH_THREADS", "1", "Torch threads for the NER model (one is fastest on small machines)."),
)


@dataclass(frozen=True)
class Settings:
    store: str = "embedded"
    data: str = ""
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = ""
    api_key: str = ""
    protect_reads: bool = False
    cors_origins: str = ""

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = os.environ
        values = {
            "store": env.get("GUANXI_STORE") or "embedded",
            "data": env.get("GUANXI_DATA") or default_data_dir(),
            "neo4j_user": env.get("GUANXI_NEO4J_USER") or "neo4j",
            "neo4j_password": env.get("GUANXI_NEO4J_PASSWORD", ""),
            "neo4j_database": env.get("GUANXI_NEO4J_DATABASE", ""),
            "api_key": env.get("GUANXI_API_KEY", ""),
            "protect_reads": env.get("GUANXI_PROTECT_READS", "").lower() in ("1", "true", "yes"),
            "cors_origins": env.get("GUANXI_CORS_ORIGINS", ""),
        }
        values.update({k: v for k, v in overrides.items() if v is not None and k in {f.name for f in fields(cls)}})
        return cls(**values)

    def open_store(self):
        from guanxi.cypher import open_store
        return open_store(self.store, Path(self.data).expanduser(), neo4j_user=self.neo4j_user,
                          neo4j_password=self.neo4j_password, neo4j_database=self.neo4j_database or None)
