"""SQLite storage: the digest cache, each chat's history, full-text search, forget and export.

Imports only digest/ (types, urls) and aiosqlite. Everything outside sees `Digest`,
`SearchHit` and `SearchPage`, never rows.
"""

from storage.base import HIGHLIGHT_END, HIGHLIGHT_START, DigestStore, SearchHit, SearchPage
from storage.store import Store

__all__ = ["HIGHLIGHT_END", "HIGHLIGHT_START", "DigestStore", "SearchHit", "SearchPage", "Store"]
