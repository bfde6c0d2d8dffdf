"""Telegram splits a long paste into several messages: put them back together into one page.

Parts from the same user in the same chat are joined while they keep coming. A part shorter
than Telegram's split size cannot have been cut, so it ends the page at once; a part of split
size waits `window` seconds for the next one. Pure bookkeeping: the handler owns the timers.
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

M = TypeVar("M")

# Telegram clients cut long texts at 4096 characters, at a line or word break when they can.
SPLIT_PART_MIN_CHARS = 3000
SENTENCE_ENDS = tuple('.!?:;"”»)…')

Key = tuple[int, int]  # (chat id, user id)


@dataclass
class Paste(Generic[M]):
    """The parts received so far and the first message (the reply quotes it)."""

    first: M
    parts: list[str] = field(default_factory=list)
    generation: int = 0

    @property
    def text(self) -> str:
        return join_parts(self.parts)


def join_parts(parts: list[str]) -> str:
    """Telegram trims each part, so the break between parts is lost: guess a line or a space."""
    text = ""
    for part in parts:
        if not text:
            text = part
        elif text.rstrip().endswith(SENTENCE_ENDS) or part[:1].isupper():
            text = text.rstrip() + "\n" + part.lstrip()
        else:
            text = text.rstrip() + " " + part.lstrip()
    return text


def may_continue(part: str) -> bool:
    """Only a part as long as Telegram's cut can be followed by another part."""
    return len(part) >= SPLIT_PART_MIN_CHARS


class PasteBuffer(Generic[M]):
    """Pending pastes by (chat, user)."""

    def __init__(self) -> None:
        self._pending: dict[Key, Paste[M]] = {}

    def pending(self, key: Key) -> bool:
        return key in self._pending

    def add(self, key: Key, part: str, message: M) -> tuple[Paste[M], bool]:
        """Add a part; returns the paste and whether it is complete now."""
        paste = self._pending.setdefault(key, Paste(first=message))
        paste.parts.append(part)
        paste.generation += 1
        if may_continue(part):
            return paste, False
        del self._pending[key]
        return paste, True

    def take_if_unchanged(self, key: Key, generation: int) -> Paste[M] | None:
        """When a part's wait is over: the paste, if no later part arrived meanwhile."""
        paste = self._pending.get(key)
        if paste is None or paste.generation != generation:
            return None
        del self._pending[key]
        return paste

    # The handlers' interface, awaitable as SharedPasteBuffer's is.

    async def is_pending(self, key: Key) -> bool:
        return self.pending(key)

    async def put(self, key: Key, part: str, message: M) -> tuple[Paste[M], bool]:
        return self.add(key, part, message)

    async def take_after_wait(self, key: Key, generation: int) -> Paste[M] | None:
        return self.take_if_unchanged(key, generation)


class PasteParts(Protocol):
    """Where instances sharing a store keep paste parts (storage.postgres.shared.PgSharedState)."""

    def paste_pending(self, chat_id: int, user_id: int) -> Awaitable[bool]: ...

    def add_paste_part(self, chat_id: int, user_id: int, part: str, *, message_id: int,
                       last: bool) -> Awaitable[tuple[int, int, list[str]]]: ...

    def take_paste_if_unchanged(self, chat_id: int, user_id: int, generation: int) -> Awaitable[list[str] | None]: ...


class SharedPasteBuffer(Generic[M]):
    """Pending pastes kept in the store, so parts that reach different instances make one page.

    The digest quotes this instance's first part of the paste (the Message objects stay here);
    the part that completes a paste started elsewhere is quoted instead."""

    def __init__(self, parts: PasteParts) -> None:
        self._parts = parts
        self._first: dict[Key, M] = {}

    async def is_pending(self, key: Key) -> bool:
        return await self._parts.paste_pending(*key)

    async def put(self, key: Key, part: str, message: M) -> tuple[Paste[M], bool]:
        last = not may_continue(part)
        # Telegram's message id orders the parts, whichever instance stores its part first.
        message_id = int(getattr(message, "message_id", 0))
        generation, count, parts = await self._parts.add_paste_part(*key, part, message_id=message_id, last=last)
        if count == 1 or key not in self._first:
            self._first[key] = message
        first = self._first.pop(key) if last else self._first[key]
        return Paste(first=first, parts=parts or [part], generation=generation), last

    async def take_after_wait(self, key: Key, generation: int) -> Paste[M] | None:
        parts = await self._parts.take_paste_if_unchanged(*key, generation)
        first = self._first.get(key)
        if parts is None or first is None:
            return None
        del self._first[key]
        return Paste(first=first, parts=parts, generation=generation)
