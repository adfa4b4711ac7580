"""What the store held before the last write from the command line, kept in the data folder so
that ``guanxi changes`` can say what that write changed (``graph.analytics.changes``).

The file names the store it was read from: a comparison with another store's inventory would
report everything as new and gone, so it is refused."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from guanxi.graph.errors import NotFound

FILE = "previous-inventory.json.gz"


def remember(store, folder: Path, identity: str):
    """Read the inventory of ``store`` (which ``identity`` names) before a write (build, add,
    remove, rebuild); the function returned keeps it, to be called once the write succeeded (a
    failed write must not replace the record of the last one that changed something)."""
    record = {"store": identity, "inventory": store.inventory()}
    return lambda: keep(record, folder)


def keep(record: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / (FILE + ".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False)
    os.replace(partial, folder / FILE)  # a write cut short leaves the previous file whole


def previous(folder: Path, identity: str) -> dict:
    """The inventory kept before the last write to the store ``identity`` names."""
    path = folder / FILE
    if not path.exists():
        raise NotFound(
            f"No earlier inventory in {folder}: `guanxi build`, `add`, `remove` and `rebuild` keep one "
            "before they write; or ask for changes between dates (--since)"
        )
    with gzip.open(path, "rt", encoding="utf-8") as f:
        record = json.load(f)
    if record.get("store") != identity:
        raise NotFound(f"The earlier inventory in {folder} is of {record.get('store')}, not of {identity}")
    return record["inventory"]
