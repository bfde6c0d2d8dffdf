"""How a chat wants its digests shown: its language, summary length, quotes, link previews.

Only the rendering changes with these; the stored Digest stays as the page gave it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

SummaryLength = Literal["short", "normal", "long"]
SUMMARY_LENGTHS: tuple[SummaryLength, ...] = get_args(SummaryLength)
MAX_QUOTES = 3  # a digest keeps at most this many (DigestOptions.max_quotes)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChatSettings:
    """A chat's choices; the defaults are what a chat that never opened /settings gets."""

    language: str | None = None  # None: each reader's own Telegram language
    summary: SummaryLength = "normal"
    quotes: int = MAX_QUOTES
    previews: bool = True

    def __post_init__(self) -> None:
        if self.summary not in SUMMARY_LENGTHS:
            raise ValueError(f"summary length must be one of {SUMMARY_LENGTHS}, not {self.summary!r}")
        if not 0 <= self.quotes <= MAX_QUOTES:
            raise ValueError(f"quotes must be 0-{MAX_QUOTES}, not {self.quotes}")


DEFAULT_CHAT_SETTINGS = ChatSettings()
