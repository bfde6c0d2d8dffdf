"""Storage: the digest cache, each chat's history, full-text search, forget and export, on SQLite
(the embedded default) or PostgreSQL (several instances on one server).

Imports only digest/ (types, urls), aiosqlite and asyncpg. Everything outside sees `Digest`,
`SearchHit` and `SearchPage`, never rows, and never which backend it has (`storage.open`).
"""

from storage.base import (COUNT_CAP, HIGHLIGHT_END, HIGHLIGHT_START, DigestStore, SearchHit, SearchPage,
                          StoreUnavailableError)
from storage.sqlite.store import Store

__all__ = ["COUNT_CAP", "HIGHLIGHT_END", "HIGHLIGHT_START", "DigestStore", "SearchHit", "SearchPage", "Store",
           "StoreUnavailableError"]
