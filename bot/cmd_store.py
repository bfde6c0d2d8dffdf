"""Search or export the digests kept in the database (DIGESTBOT_DB), as the bot's chats see them.

    digestbot search QUERY [--chat ID] [--limit N] [--offset N] [--json]
    digestbot export [--chat ID] [--format json|md]

QUERY is the bot's search language: plain words (all must match), "exact phrase", -word,
site:rt.com, after:2022-04-01, before:2022-05-01. --chat defaults to the command line's own
chat (0), which holds what `digestbot digest` made.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.resources import open_store
from bot.settings import Settings
from digest.errors import QueryError
from digest.model import Digest
from handlers.i18n import words_from_environment
from storage import HIGHLIGHT_END, HIGHLIGHT_START, Store

CLI_CHAT_ID = 0  # the history `digestbot digest` saves into; Telegram never uses chat id 0
TERMINAL_BOLD, TERMINAL_RESET = "\x1b[1m", "\x1b[0m"


async def remember(store: Store, digest: Digest, *, source_url: str | None, source_text: str | None) -> None:
    """Keep what `digestbot digest` made in the command line's own history."""
    await store.save(digest, chat_id=CLI_CHAT_ID, source_url=source_url, source_text=source_text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Both subcommands share this module; the parser's name says which one is being built."""
    parser.add_argument("--chat", type=int, default=CLI_CHAT_ID, metavar="ID",
                        help=f"the chat whose digests to use (default {CLI_CHAT_ID}: the command line's own)")
    if parser.prog.split()[-1] == "export":
        parser.add_argument("--format", choices=("json", "md"), default="json", help="JSON (default) or Markdown")
        return
    parser.add_argument("query", metavar="QUERY", help='words, "a phrase", -word, site:rt.com, after:/before:DATE')
    parser.add_argument("--limit", type=int, default=10, help="hits to show (default 10)")
    parser.add_argument("--offset", type=int, default=0, help="hits to skip, for the next page (default 0)")
    parser.add_argument("--json", action="store_true", help="JSON Lines: one hit a line, then a summary line")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    if args.command == "export":
        print(asyncio.run(export(settings, chat_id=args.chat, fmt=args.format)), end="")
        return 0
    try:
        return asyncio.run(search(settings, args))
    except QueryError as error:
        print(words_from_environment().error(error), file=sys.stderr)
        return 2


async def export(settings: Settings, *, chat_id: int, fmt: str) -> str:
    store = await open_store(settings)
    try:
        return await store.export_chat(chat_id, "md" if fmt == "md" else "json")
    finally:
        await store.close()


async def search(settings: Settings, args: argparse.Namespace) -> int:
    store = await open_store(settings)
    try:
        page = await store.search(args.chat, args.query, limit=args.limit, offset=args.offset)
    finally:
        await store.close()
    bold = sys.stdout.isatty()
    words = words_from_environment()
    for hit in page.hits:
        if args.json:
            print(json.dumps({"id": hit.digest_id, "saved_at": hit.saved_at.isoformat(), "title": hit.digest.title,
                              "url": hit.digest.url, "snippet": plain(hit.snippet)}, ensure_ascii=False))
            continue
        dateline = words.dateline(hit.digest.place, hit.digest.published)
        meta = " · ".join(part for part in (dateline, hit.digest.site) if part)
        print(f"[{hit.digest_id}] {hit.digest.title}" + (f"  ({meta})" if meta else ""))
        print(f"    {marked(hit.snippet) if bold else plain(hit.snippet)}")
        if hit.digest.url:
            print(f"    {hit.digest.url}")
    if args.json:
        print(json.dumps({"total": page.total, "offset": page.offset, "limit": page.limit}))
    elif page.hits:
        print(words.ngettext("{first}-{last} of {count} digest found.", "{first}-{last} of {count} digests found.",
                             page.total, first=page.offset + 1, last=page.offset + len(page.hits)), file=sys.stderr)
    else:
        print(words.ngettext("none of {count} digest found.", "none of {count} digests found.", page.total),
              file=sys.stderr)
    return 0


def plain(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def marked(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, TERMINAL_BOLD).replace(HIGHLIGHT_END, TERMINAL_RESET)
