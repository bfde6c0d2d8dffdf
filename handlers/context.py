"""What every handler shares: typed `bot_data` (PTB's ContextTypes) and the handlers' settings.

handlers/ never imports bot/: `bot.app` reads Settings and fills `BotData` in post_init.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import CallbackContext, ExtBot

from digest.model import Digest
from digest.service import Digester
from handlers.inputs.paste_buffer import PasteBuffer, SharedPasteBuffer
from handlers.ratelimit import PageRateLimiter, SharedRateLimiter
from handlers.singleflight import SharedSingleFlight, SingleFlight
from storage.base import DigestStore
from storage.postgres.shared import PgSharedState

LINKS_PER_MESSAGE = 3
PLACEHOLDER_DELAY_SECONDS = 1.0
PASTE_WINDOW_SECONDS = 1.5
DOCUMENT_MAX_BYTES = 5_000_000
PDF_MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class HandlerConfig:
    """The handlers' knobs, copied from Settings by bot.app."""

    allowed_chats: frozenset[int] = frozenset()
    pages_per_minute: int = 10
    links_per_message: int = LINKS_PER_MESSAGE
    placeholder_delay: float = PLACEHOLDER_DELAY_SECONDS
    paste_window: float = PASTE_WINDOW_SECONDS
    document_max_bytes: int = DOCUMENT_MAX_BYTES
    pdf_max_bytes: int = PDF_MAX_BYTES


class BotData:
    """`context.bot_data`: created empty by PTB, filled by `configure` in post_init."""

    def __init__(self) -> None:
        self.config = HandlerConfig()
        self.limiter: PageRateLimiter | SharedRateLimiter = PageRateLimiter(self.config.pages_per_minute)
        self.pastes: PasteBuffer[Any] | SharedPasteBuffer[Any] = PasteBuffer()
        self.links_in_flight: SingleFlight[Digest] = SingleFlight()
        self._digester: Digester | None = None
        self._store: DigestStore | None = None

    def configure(self, config: HandlerConfig, *, digester: Digester, store: DigestStore,
                  shared: PgSharedState | None = None) -> None:
        """`shared`: the state instances on one PostgreSQL store share (rate limit, links being read,
        paste parts); without it (SQLite: one process) that state lives in memory."""
        self.config = config
        self._digester = digester
        self._store = store
        if shared is None:
            self.limiter = PageRateLimiter(config.pages_per_minute)
            return
        self.limiter = SharedRateLimiter(config.pages_per_minute, shared.take_page)
        self.pastes = SharedPasteBuffer(shared)
        self.links_in_flight = SharedSingleFlight(shared.once_per_link)

    @property
    def digester(self) -> Digester:
        if self._digester is None:
            raise RuntimeError("BotData.configure() was not called (post_init did not run)")
        return self._digester

    @property
    def store(self) -> DigestStore:
        if self._store is None:
            raise RuntimeError("BotData.configure() was not called (post_init did not run)")
        return self._store


Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]
