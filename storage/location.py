"""Where the store lives, from DIGESTBOT_DB: a SQLite file (the default) or a PostgreSQL server.

    digestbot.sqlite3, /var/lib/digestbot/db.sqlite3, :memory:   a SQLite file (a plain path)
    sqlite:///relative/path.sqlite3, sqlite:////absolute/path     a SQLite file (URL form)
    postgresql://user:password@host:5432/db, postgres://...       a PostgreSQL server (libpq URL)

Any other `scheme://` is refused with a sentence that names these forms, so a typo never turns
into a folder called `postgresq:` holding a stray SQLite file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SQLITE_URL = "sqlite:///"
POSTGRES_SCHEMES = ("postgresql", "postgres")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
ACCEPTED_FORMS = ("a file path (digestbot.sqlite3), sqlite:///path/to/file.sqlite3, "
                  "or postgresql://user:password@host:5432/database")


class LocationError(ValueError):
    """DIGESTBOT_DB names no store we can open; the message is one sentence."""


@dataclass(frozen=True, slots=True)
class Location:
    """A parsed DIGESTBOT_DB: `path` for SQLite, `dsn` for PostgreSQL."""

    kind: Literal["sqlite", "postgresql"]
    path: Path | None = None
    dsn: str | None = None

    def __str__(self) -> str:
        return str(self.path) if self.kind == "sqlite" else redact(self.dsn or "")


def parse_location(text: str) -> Location:
    """DIGESTBOT_DB as a Location; raises LocationError for an unknown scheme."""
    text = text.strip()
    scheme = SCHEME.match(text)
    if scheme is None:
        return Location("sqlite", path=Path(text))
    name = scheme.group(1).lower()
    if name in POSTGRES_SCHEMES:
        return Location("postgresql", dsn=text)
    if name == "sqlite" and text.lower().startswith(SQLITE_URL) and len(text) > len(SQLITE_URL):
        return Location("sqlite", path=Path(text[len(SQLITE_URL):]))
    raise LocationError(f"DIGESTBOT_DB must be {ACCEPTED_FORMS}, not a {name}:// address.")


def redact(dsn: str) -> str:
    """A PostgreSQL URL without its password, fit for logs and error messages."""
    return re.sub(r"^([^:/]+://[^:@/]*):[^@/]*@", r"\1:***@", dsn)
