"""A one-line progress bar on a terminal's stderr, for `digestbot digest` with several sources.

Drawn only when stderr is a terminal (a log file or a pipe gets nothing), and cleared before
anything else is written to the terminal, so digests and messages never share its line.
"""

from __future__ import annotations

from typing import TextIO

BAR_WIDTH = 30
CLEAR_LINE = "\r\x1b[K"


class ProgressBar:
    """`[#######.......] 3/10 done`, redrawn in place as sources finish."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream

    def advance(self) -> None:
        self.done += 1
        self.draw()

    def draw(self) -> None:
        filled = BAR_WIDTH * self.done // max(1, self.total)
        self.stream.write(f"{CLEAR_LINE}[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {self.done}/{self.total} done")
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write(CLEAR_LINE)
        self.stream.flush()


def progress_bar(total: int, stream: TextIO) -> ProgressBar | None:
    """A bar when it helps: several sources and a person watching the terminal."""
    return ProgressBar(total, stream) if total > 1 and stream.isatty() else None
