"""Write a chat's digests from DIGESTBOT_DB to standard output: JSON (every field) or Markdown (to read).

examples:
  digestbot export > digests.json                   every digest of the command line's history, as JSON
  digestbot export --format md > digests.md         the same as Markdown: title, dateline, summary, quotes
  digestbot export --chat 123456789 --format md     a bot chat's digests (the chat id Telegram gives)

--chat defaults to 0, the command line's own history, which holds what `digestbot digest` made.
"""

from __future__ import annotations

import argparse
import asyncio

from bot.commands.history import add_chat_argument
from bot.resources import open_store
from bot.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_chat_argument(parser)
    parser.add_argument("--format", choices=("json", "md"), default="json", help="JSON (default) or Markdown")


def run(args: argparse.Namespace) -> int:
    print(asyncio.run(export(Settings.from_env(), chat_id=args.chat, fmt=args.format)), end="")
    return 0


async def export(settings: Settings, *, chat_id: int, fmt: str) -> str:
    store = await open_store(settings)
    try:
        return await store.export_chat(chat_id, "md" if fmt == "md" else "json")
    finally:
        await store.close()
