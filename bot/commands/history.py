"""What `digestbot digest`, `search` and `export` share: the command line's own history (chat 0)."""

from __future__ import annotations

import argparse

from digest.model import Digest
from storage import DigestStore

CLI_CHAT_ID = 0  # the history `digestbot digest` saves into; Telegram never uses chat id 0


async def remember(store: DigestStore, digest: Digest, *, source_url: str | None, source_text: str | None) -> None:
    """Keep what `digestbot digest` made in the command line's own history."""
    await store.save(digest, chat_id=CLI_CHAT_ID, source_url=source_url, source_text=source_text)


def add_chat_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--chat", type=int, default=CLI_CHAT_ID, metavar="ID",
                        help=f"the chat whose digests to use (default {CLI_CHAT_ID}: the command line's own)")
