"""Answers remembered by a line's text, and a way to forget them all.

The pasted reader asks the same questions of the same line several times a paste, and a site's menus and
footers recur from paste to paste, so its line tests remember their answers (bounded, least recently used
first out). `bench.speed` forgets them before every timed run: a page's best of three must not be its own
earlier run read back from memory, which no new paste would get.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_remembered: list[Any] = []


def by_text(maxsize: int = 16384) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)` that `forget_all` can clear."""

    def remember(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _remembered.append(cached)
        return cached  # type: ignore[return-value]

    return remember


def forget_all() -> None:
    """Clear every `by_text` cache (bench.speed, before each timed run)."""
    for cached in _remembered:
        cached.cache_clear()
