"""The `digestbot` command line: one subcommand per module, each with `add_arguments` and `run`.

    digestbot digest [--url URL] [--json] [SOURCE ...]
    digestbot run [--webhook] [--listen HOST:PORT] [--url URL] [--secret-token SECRET]
    digestbot search QUERY [--chat ID] [--limit N] [--offset N] [--json]
    digestbot export [--chat ID] [--format json|md]
    digestbot db copy SOURCE TARGET

Each module's docstring is its subcommand's --help, examples included, printed as written.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from bot import __version__
from bot.logs import SHORT_FORMAT, quiet_library_logs
from storage.base import StoreUnavailableError

# name -> (module, one-line help). Each module defines add_arguments(parser) and run(args) -> int.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "digest": ("bot.commands.digest", "digest links, saved HTML pages or pasted text (no token needed)"),
    "run": ("bot.commands.run", "run the Telegram bot (long polling, or --webhook)"),
    "search": ("bot.commands.search", "search the digests a chat has saved (DIGESTBOT_DB)"),
    "export": ("bot.commands.export", "export a chat's digests as JSON or Markdown (DIGESTBOT_DB)"),
    "db": ("bot.commands.db", "copy a whole history between stores: db copy SOURCE TARGET (SQLite <-> PostgreSQL)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digestbot", description="Ten-second digests of articles.")
    parser.add_argument("--version", action="version", version=f"digestbot {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        module = importlib.import_module(module_name)
        sub = commands.add_parser(name, help=help_text, description=(module.__doc__ or help_text).strip(),
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format=SHORT_FORMAT, stream=sys.stderr)
    quiet_library_logs()
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `digestbot digest ... | head`: the reader left, nothing to report
        sys.stderr.close()
        return 0
    except StoreUnavailableError as error:  # DIGESTBOT_DB is a PostgreSQL server that cannot be reached
        print(f"digestbot: could not reach the database ({error.reason}).", file=sys.stderr)
        return 1
