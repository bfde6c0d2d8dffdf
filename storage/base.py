"""What every store offers, whatever holds the data: the SQLite `Store` or the PostgreSQL `PgStore`.

Callers (the bot, the CLI) type against `DigestStore`; they only ever see `Digest`,
`SearchHit` and `SearchPage`, never rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from digest.errors import N_, DigestError
from digest.model import Digest
from storage.chat_settings import ChatSettings

# Snippet marks around matched terms. The renderer HTML-escapes the text, then turns them into <b></b>.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

ExportFormat = Literal["json", "md"]


class StoreUnavailableError(DigestError):
    """The database server cannot be reached (now); the user is asked to come back in a minute."""

    user_message = N_("I can't reach my storage right now, try again in a minute.")

    @classmethod
    def because(cls, error: BaseException) -> StoreUnavailableError:
        found = cls()
        found.reason = f"{type(error).__name__}: {error}".rstrip(": ")
        return found

    reason = ""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One digest found (or listed) in a chat's history."""

    digest_id: int
    digest: Digest
    snippet: str
    saved_at: datetime


COUNT_CAP = 1_000  # a search counts its matches up to this many (storage.window says why)


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of results; `total` counts the matches up to COUNT_CAP, so the caller can offer the next
    page; COUNT_CAP + 1 means "more than COUNT_CAP" (`total_text`: "1000+"), and the pages stop there."""

    hits: tuple[SearchHit, ...]
    total: int
    offset: int
    limit: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.hits) < self.total

    @property
    def total_text(self) -> str:
        """The total as a reader sees it: "1000+" when it was capped."""
        return f"{COUNT_CAP}+" if self.total > COUNT_CAP else str(self.total)


class DigestStore(Protocol):
    """The cache, each chat's history, search, privacy and export."""

    async def close(self) -> None: ...

    async def cached(self, url: str) -> Digest | None: ...

    async def cached_text(self, text: str) -> Digest | None: ...

    async def save(self, digest: Digest, *, chat_id: int, source_url: str | None = None,
                   source_text: str | None = None, message_id: int | None = None) -> int: ...

    async def search(self, chat_id: int, query: str, *, limit: int = 5, offset: int = 0) -> SearchPage: ...

    async def recent(self, chat_id: int, *, limit: int = 10) -> list[SearchHit]: ...

    async def get(self, chat_id: int, digest_id: int) -> Digest | None: ...

    async def digest_for_message(self, chat_id: int, message_id: int) -> tuple[int, Digest] | None: ...

    async def forget_chat(self, chat_id: int) -> int: ...

    async def compact(self) -> None: ...

    async def save_query(self, query: str) -> str: ...

    async def saved_query(self, key: str) -> str | None: ...

    async def export_chat(self, chat_id: int, fmt: ExportFormat) -> str: ...

    async def get_chat_settings(self, chat_id: int) -> ChatSettings: ...

    async def set_chat_settings(self, chat_id: int, settings: ChatSettings) -> None: ...
