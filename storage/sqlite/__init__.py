"""The embedded default: one SQLite file (aiosqlite), FTS5 for search, migrations by `PRAGMA user_version`."""
