"""The evidence of a large build, kept in a temporary SQLite file instead of in memory.

Each relation of the corpus graph shows its first ``MAX_EVIDENCE`` pieces of evidence in
``evidence_order``. Held in memory for a graph of a few hundred thousand relations, those pieces
(each with its sentence) take gigabytes; here they are written as they come and read back one
relation at a time, when the graph is exported or loaded. A piece that cannot be among its
relation's first ``MAX_EVIDENCE`` any more is not written: one that sorts after every piece written
for its relation once there are that many. For a feed read in date order that is almost every piece
after the first few; for one in another order most pieces are written, and the file grows like
the build's provenance file (keeping the first 20 keys of every relation to compare against would
cost the memory this file saves).
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

from guanxi.graph.contribution import MAX_EVIDENCE, evidence_order

FLUSH_EVERY = 5_000  # pieces buffered before they are written


class EvidenceFile:
    """Pieces of evidence by relation id: ``add`` while building, ``of`` once built. Deleted when closed."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="guanxi-evidence-")
        self._db = sqlite3.connect(Path(self._folder.name) / "evidence.sqlite", check_same_thread=False)
        self._db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE TABLE evidence"
            " (relation TEXT, date TEXT, doc TEXT, head INTEGER, tail INTEGER, rule TEXT, body TEXT)"
        )
        self._pending: list[tuple] = []
        self._kept: dict[str, tuple[int, tuple]] = {}  # relation id -> (pieces written, the last of them in order)
        self._indexed = False
        self.written = 0

    def add(self, relation_id: str, pieces: list[dict]) -> None:
        if self._indexed:
            raise RuntimeError("evidence added after it was read back")
        kept, last = self._kept.get(relation_id, (0, ()))
        for ev in pieces:
            key = evidence_order(ev)
            if kept >= MAX_EVIDENCE and key >= last:  # ties keep the earlier piece, as a stable sort does
                continue
            self._pending.append((relation_id, *key, json.dumps(ev, ensure_ascii=False)))
            kept, last = kept + 1, max(last, key)
            self.written += 1
        self._kept[relation_id] = (kept, last)
        if len(self._pending) >= FLUSH_EVERY:
            self._flush()

    def of(self, relation_id: str) -> list[dict]:
        """A relation's first ``MAX_EVIDENCE`` pieces in ``evidence_order`` (among equals, the earlier added)."""
        if not self._indexed:
            self._flush()
            self._db.execute("CREATE INDEX by_relation ON evidence (relation, date, doc, head, tail, rule)")
            self._indexed = True
        rows = self._db.execute(
            "SELECT body FROM evidence WHERE relation = ? ORDER BY date, doc, head, tail, rule, rowid LIMIT ?",
            (relation_id, MAX_EVIDENCE),
        )
        return [json.loads(body) for (body,) in rows]

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)", self._pending)
        self._pending.clear()

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()
