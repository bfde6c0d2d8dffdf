"""Shared helpers of the storage tests (no tests here): real files in tmp_path, a clock the test moves."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from digest.model import Digest, Quote
from storage.schema import SHARDS, fts_table

START = 1_700_000_000.0  # 2023-11-14, a fixed "now" so expiry tests need no sleeping


@dataclass
class Clock:
    """Seconds since the epoch, moved by the test."""

    now: float = START

    def __call__(self) -> float:
        return self.now

    def advance(self, *, days: float) -> None:
        self.now += days * 86_400


def make_digest(title: str = "Harbour reopens after storm", *, body: str | None = None, summary: str | None = None,
                url: str | None = "https://coast.example/news/harbour", site: str | None = "Coast News",
                published: datetime | date | None = date(2022, 4, 5),
                quotes: tuple[Quote, ...] = (Quote(text="We expect the harbour to be back to normal", speaker="Maria Lopez"),),
                ) -> Digest:
    body = body or f"{title}. The harbour reopened on Tuesday after a week of repairs to the sea wall.\n\nFishing boats returned."
    return Digest(title=title, summary=summary or body.split("\n\n")[0], body=body, url=url, site=site,
                  published=published, quotes=quotes, language="en", place="VIGO", byline="Ana Diaz")


def integrity(path: Path) -> tuple[str, str]:
    """SQLite's own integrity check and every shard's FTS5 index check, on a fresh connection."""
    with closing(sqlite3.connect(path)) as db:
        sqlite_ok = db.execute("PRAGMA integrity_check").fetchone()[0]
        fts_ok = "ok"
        for shard in range(SHARDS):
            table = fts_table(shard)
            try:
                db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                fts_ok = f"{table}: {exc}"
    return sqlite_ok, fts_ok


def indexed(db: sqlite3.Connection, match: str) -> int:
    """How many index rows, over all shards, match an FTS5 expression."""
    return sum(db.execute(f"SELECT count(*) FROM {fts_table(shard)} WHERE {fts_table(shard)} MATCH ?",
                          (match,)).fetchone()[0] for shard in range(SHARDS))
