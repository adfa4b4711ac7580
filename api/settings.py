"""Settings: one table of ``GUANXI_*`` environment variables, read once into ``Settings``.

Each ``Setting`` names its field, its variable, its default and its help; ``Settings`` has one
field per entry and nothing else, and ``guanxi settings`` and docs/configuration.md list the same
table. The CLI and the app read the environment once (``Settings.from_env``) and pass the record
down; extraction gets its part as a ``guanxi.graph.config.ExtractionConfig``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from guanxi.graph.config import SHIPPED_PAIR_MODEL, ExtractionConfig


def default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "guanxi")


def flag(text: str) -> bool:
    return text.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Setting:
    name: str  # the environment variable
    field: str  # the field of ``Settings``
    default: str | Callable[[], str]  # as the variable would spell it ("" for empty), or how to compute it
    help: str
    parse: Callable[[str], object] = str
    shown_default: str = ""  # what the docs show where the default is computed

    def value(self, env: Mapping[str, str]):
        """This setting's value: the variable when set and not empty, else the default."""
        return self.parse(env.get(self.name) or (self.default() if callable(self.default) else self.default))

    def describe_default(self) -> str:
        return self.shown_default or self.default or "empty"


SETTINGS = (
    Setting(
        "GUANXI_STORE",
        "store",
        "embedded",
        "Where the graph lives: `embedded` (FalkorDB started by guanxi), `falkor://HOST:PORT` (a FalkorDB "
        "you run), or a Neo4j URI (`bolt://`, `neo4j://`, `neo4j+s://`).",
    ),
    Setting(
        "GUANXI_DATA",
        "data",
        default_data_dir,
        "Folder of the embedded store's data (RDB snapshots) and its server log.",
        shown_default="~/.local/share/guanxi",
    ),
    Setting(
        "GUANXI_NER_MODEL",
        "ner_model",
        "",
        "NER model: a folder made by `make model`, or a HanLP pretrained model identifier.",
        shown_default="graph/data/ner (shipped)",
    ),
    Setting(
        "GUANXI_ALIASES",
        "aliases",
        "",
        "An alias file (canonical<TAB>TYPE<TAB>alias|alias) whose entries override the shipped table.",
    ),
    Setting(
        "GUANXI_PAIR_MODEL",
        "pair_model",
        "shipped",
        "The learned partnership classifier, asked about pairs no rule linked: `shipped` (graph/data/pairs), "
        "a folder made by `make pairs`, or `off` for rules only.",
    ),
    Setting(
        "GUANXI_DASK",
        "dask",
        "",
        "The address of a Dask scheduler (`tcp://HOST:8786`) on whose workers `extract`, `build` and `add` "
        "extract (empty: this machine; `--dask` overrides).",
    ),
    Setting("GUANXI_NEO4J_USER", "neo4j_user", "neo4j", "Neo4j user name."),
    Setting("GUANXI_NEO4J_PASSWORD", "neo4j_password", "", "Neo4j password."),
    Setting("GUANXI_NEO4J_DATABASE", "neo4j_database", "", "Neo4j database name (empty: the server's default)."),
    Setting(
        "GUANXI_API_KEY",
        "api_key",
        "",
        "Key that POST/DELETE /documents require in the X-API-Key header (empty: writes are refused).",
    ),
    Setting("GUANXI_PROTECT_READS", "protect_reads", "", "Set to 1 to require the API key for reads too.", flag),
    Setting(
        "GUANXI_FETCH_ALLOW_PRIVATE",
        "fetch_allow_private",
        "",
        'Set to 1 to let `POST /documents {"url"}` fetch private and loopback addresses (refused by default, so '
        "the server cannot be made to read the network it sits in).",
        flag,
    ),
    Setting("GUANXI_CORS_ORIGINS", "cors_origins", "", "Comma-separated origins allowed by CORS (empty: none)."),
    Setting(
        "GUANXI_PUBLIC_URL",
        "public_url",
        "",
        "The address colleagues reach this server at (e.g. `https://guanxi.example.org`); embed snippets "
        "link there (empty: the address each request came to).",
    ),
    Setting(
        "GUANXI_NER_QUANTIZE",
        "ner_quantize",
        "1",
        "Run the shipped model with int8 weights (1.8x faster); 0 for float32.",
        flag,
    ),
    Setting(
        "GUANXI_TORCH_THREADS",
        "torch_threads",
        "1",
        "Torch threads for the NER model (one is fastest on small machines).",
        int,
    ),
)


@dataclass(frozen=True)
class Settings:
    """One field per entry of ``SETTINGS``; the defaults are the table's."""

    store: str = "embedded"
    data: str = ""
    ner_model: str = ""
    aliases: str = ""
    pair_model: str = "shipped"
    dask: str = ""
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = ""
    api_key: str = ""
    protect_reads: bool = False
    fetch_allow_private: bool = False
    cors_origins: str = ""
    public_url: str = ""
    ner_quantize: bool = True
    torch_threads: int = 1

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        """The settings the environment gives (``os.environ`` unless ``env``); ``overrides``
        that are not None win (command-line options)."""
        env = os.environ if env is None else env
        values = {s.field: s.value(env) for s in SETTINGS}
        names = {f.name for f in fields(cls)}
        values.update({k: v for k, v in overrides.items() if v is not None and k in names})
        return cls(**values)

    def extraction(self) -> ExtractionConfig:
        """What extraction is configured with."""
        defaults = ExtractionConfig()
        return ExtractionConfig(
            ner_model=self.ner_model or defaults.ner_model,
            quantize=self.ner_quantize,
            aliases=self.aliases,
            torch_threads=self.torch_threads,
            pair_model={"shipped": str(SHIPPED_PAIR_MODEL), "off": ""}.get(self.pair_model, self.pair_model),
        )

    @property
    def data_dir(self) -> Path:
        return Path(self.data or default_data_dir()).expanduser()

    @property
    def store_identity(self) -> str:
        """Which graph these settings open, the same from run to run (the embedded server's port is not)."""
        if self.store in ("", "embedded"):
            return f"embedded:{self.data_dir.resolve()}"
        from urllib.parse import urlsplit

        u = urlsplit(self.store)  # without user and password: it is written to a file and shown
        return f"{u.scheme}://{u.hostname}:{u.port or ''}{u.path}/{self.neo4j_database or ''}"

    def open_store(self):
        from guanxi.cypher import open_store

        return open_store(
            self.store,
            self.data_dir,
            neo4j_user=self.neo4j_user,
            neo4j_password=self.neo4j_password,
            neo4j_database=self.neo4j_database or None,
        )
