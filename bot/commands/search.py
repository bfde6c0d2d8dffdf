"""Search the digests a chat has saved in DIGESTBOT_DB, best match first.

examples:
  digestbot search harbour                                every word must match (the last also as a prefix)
  digestbot search '"peace talks" -russia'                an exact phrase, and a word left out
  digestbot search 'harbour site:example.com'             only digests from that site (and its subdomains)
  digestbot search 'storm after:2022-04 before:2022-05'   published in April 2022
  digestbot search --json --offset 10 harbour             JSON Lines: the second page of hits, then a count

after:DATE and before:DATE (YYYY, YYYY-MM or YYYY-MM-DD) go by the day the article was published,
or the day it was fetched when the page gives no date; after: includes its day, before: does not.
--chat defaults to 0, the command line's own history, which holds what `digestbot digest` made.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot.commands.history import add_chat_argument
from bot.resources import open_store
from bot.settings import Settings
from digest.errors import N_, QueryError
from handlers.i18n import Words, words_from_environment
from storage import COUNT_CAP, HIGHLIGHT_END, HIGHLIGHT_START, SearchPage

EXIT_BAD_QUERY = 2
TERMINAL_BOLD, TERMINAL_RESET = "\x1b[1m", "\x1b[0m"
INDENT = "    "
NO_MATCH = N_("No digests match “{query}”.")
NO_MORE = N_("No more digests match “{query}”: there are {count}, and --offset {offset} skips them all.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help='words, "a phrase", -word, site:rt.com, after:/before:DATE')
    add_chat_argument(parser)
    parser.add_argument("--limit", type=int, metavar="N", default=10, help="hits to show (default 10)")
    parser.add_argument("--offset", type=int, metavar="N", default=0, help="hits to skip, for the next page (default 0)")
    parser.add_argument("--json", action="store_true", help="JSON Lines: one hit a line, then a summary line")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    words = words_from_environment()
    try:
        page = asyncio.run(search(settings, args))
    except QueryError as error:
        print(words.error(error), file=sys.stderr)
        return EXIT_BAD_QUERY
    if args.json:
        print_json(page)
    else:
        print_plain(page, args.query, bold=sys.stdout.isatty(), words=words)
    return 0


async def search(settings: Settings, args: argparse.Namespace) -> SearchPage:
    store = await open_store(settings)
    try:
        return await store.search(args.chat, args.query, limit=args.limit, offset=args.offset)
    finally:
        await store.close()


def print_json(page: SearchPage) -> None:
    for hit in page.hits:
        print(json.dumps({"id": hit.digest_id, "saved_at": hit.saved_at.isoformat(), "title": hit.digest.title,
                          "url": hit.digest.url, "snippet": plain(hit.snippet)}, ensure_ascii=False))
    # "total" counts up to COUNT_CAP; "capped" says there are more (the chat shows "1000+")
    print(json.dumps({"total": min(page.total, COUNT_CAP), "capped": page.total > COUNT_CAP,
                      "offset": page.offset, "limit": page.limit}))


def print_plain(page: SearchPage, query: str, *, bold: bool, words: Words) -> None:
    """Each hit: id, title and dateline, then its snippet and address indented below it; a count on stderr."""
    for hit in page.hits:
        dateline = words.dateline(hit.digest.place, hit.digest.published)
        meta = " · ".join(part for part in (dateline, hit.digest.site) if part)
        print(f"[{hit.digest_id}] {hit.digest.title}" + (f"  ({meta})" if meta else ""))
        print(indented(marked(hit.snippet) if bold else plain(hit.snippet)))
        if hit.digest.url:
            print(f"{INDENT}{hit.digest.url}")
    print(count_line(page, query, words), file=sys.stderr)


def count_line(page: SearchPage, query: str, words: Words) -> str:
    if page.hits:
        return words.ngettext("{first}-{last} of {count} digest found.", "{first}-{last} of {count} digests found.",
                              page.total, shown=page.total_text, first=page.offset + 1,
                              last=page.offset + len(page.hits))
    if page.total:
        return words.gettext(NO_MORE, query=query, count=page.total_text, offset=page.offset)
    return words.gettext(NO_MATCH, query=query)


def indented(text: str) -> str:
    """Every line of a snippet under the title's indentation (a summary's deck keeps its own line)."""
    return "\n".join(INDENT + line.strip() for line in text.splitlines() if line.strip())


def plain(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def marked(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, TERMINAL_BOLD).replace(HIGHLIGHT_END, TERMINAL_RESET)
