"""Move a whole history between stores: `digestbot db copy SOURCE TARGET`.

    digestbot db copy digestbot.sqlite3 postgresql://bot@db.internal/digests   # outgrow one machine
    digestbot db copy postgresql://bot@db.internal/digests backup.sqlite3      # and back

SOURCE and TARGET take DIGESTBOT_DB's forms (a path, sqlite:///path, postgresql://...). Both are
created and migrated as needed. Every digest keeps its id, cache keys, history and messages;
running the copy again (after an interruption, say) finishes it and changes nothing else.
Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys

from storage.base import StoreUnavailableError
from storage.copy import copy_store
from storage.location import Location, LocationError, parse_location
from storage.open import open_store
from storage.sqlite.schema import SchemaTooNewError

BAR_WIDTH = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    copy = actions.add_parser("copy", help="copy every digest from SOURCE into TARGET (SQLite <-> PostgreSQL)",
                              description=(__doc__ or "").strip(), formatter_class=argparse.RawDescriptionHelpFormatter)
    copy.add_argument("source", metavar="SOURCE", help="a SQLite path, sqlite:///path or postgresql://...")
    copy.add_argument("target", metavar="TARGET", help="a SQLite path, sqlite:///path or postgresql://...")


def run(args: argparse.Namespace) -> int:
    try:
        source, target = parse_location(args.source), parse_location(args.target)
    except LocationError as error:
        print(f"digestbot: {error}", file=sys.stderr)
        return 2
    if source == target:
        print("digestbot: SOURCE and TARGET are the same store.", file=sys.stderr)
        return 2
    try:
        copied = asyncio.run(copy(source, target))
    except StoreUnavailableError as error:
        print(f"digestbot: could not reach the database ({error.reason}).", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error, SchemaTooNewError) as error:
        print(f"digestbot: could not open the database ({error}).", file=sys.stderr)
        return 1
    print(f"Copied {copied} digest{'' if copied == 1 else 's'} from {source} to {target}.", file=sys.stderr)
    return 0


async def copy(source: Location, target: Location) -> int:
    opened_source = await open_store(source)
    try:
        opened_target = await open_store(target)
        try:
            return await copy_store(opened_source, opened_target, progress=show_progress)
        finally:
            await opened_target.close()
    finally:
        await opened_source.close()


def show_progress(done: int, total: int) -> None:
    """A bar on stderr, redrawn in place on a terminal, a line per batch elsewhere."""
    share = done / total if total else 1.0
    filled = round(share * BAR_WIDTH)
    line = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} digests ({share:.0%})"
    if sys.stderr.isatty():
        print(f"\r{line}", end="" if done < total else "\n", file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr, flush=True)
