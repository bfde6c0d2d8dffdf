"""Run the Telegram bot: long polling by default, or a webhook server with --webhook.

examples:
  digestbot run                                     long polling: needs only TELEGRAM_BOT_TOKEN
  digestbot run --webhook --url https://bot.example.com/telegram --listen 0.0.0.0:8443

Settings come from the environment and `.env` (see .env.example). SIGTERM or Ctrl-C lets the
updates in flight finish, then closes the fetcher, the worker pool and the database.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import re
import secrets
import sqlite3
import sys
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg
from telegram import Bot, Update
from telegram.error import InvalidToken, NetworkError, TelegramError

from bot.app import StartupError, build_application
from bot.logs import configure_logging
from bot.settings import Settings, SettingsError

logger = logging.getLogger(__name__)

TOKEN_SHAPE = re.compile(r"\d{3,20}:[A-Za-z0-9_-]{30,100}")
SECRET_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,256}")
SECRET_BYTES = 32
# Only what the handlers read: new messages, button presses, inline queries.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
EXIT_CONFIG = 2
EXIT_TELEGRAM = 1
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


class RunError(Exception):
    """A problem the operator must fix; the message is one sentence."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--webhook", action="store_true", help="receive updates on a webhook instead of polling")
    parser.add_argument("--listen", metavar="HOST:PORT", help="webhook server address (DIGESTBOT_WEBHOOK_LISTEN)")
    parser.add_argument("--url", metavar="URL", help="public https URL of the webhook (DIGESTBOT_WEBHOOK_URL)")
    parser.add_argument("--secret-token", metavar="SECRET", help="webhook secret (DIGESTBOT_WEBHOOK_SECRET)")


def check_token(token: str | None) -> str:
    if not token:
        raise RunError("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in .env "
                       "or the environment.")
    if not TOKEN_SHAPE.fullmatch(token):
        raise RunError("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then 30 or more "
                       "letters, digits, - or _); copy it again from @BotFather.")
    return token


def split_listen(listen: str) -> tuple[str, int]:
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise RunError(f"The webhook listen address must be HOST:PORT, not {listen!r}.")
    return host.strip("[]"), int(port)


def webhook_target(args: argparse.Namespace, settings: Settings) -> tuple[str, int, str, str, str]:
    """(host, port, url path, public URL, secret) for run_webhook."""
    url = args.url or settings.webhook_url
    if not url or urlsplit(url).scheme != "https":
        raise RunError("--webhook needs the bot's public https URL: set DIGESTBOT_WEBHOOK_URL or pass --url.")
    if settings.db_url and not (args.secret_token or settings.webhook_secret):
        # Each instance calls setWebhook at start: with a random secret each, the last one started
        # would make Telegram's updates to every other instance fail the secret check.
        raise RunError("Several instances on one PostgreSQL store need one shared webhook secret: "
                       "set DIGESTBOT_WEBHOOK_SECRET to the same value for all of them.")
    secret = args.secret_token or settings.webhook_secret or secrets.token_urlsafe(SECRET_BYTES)
    if not SECRET_SHAPE.fullmatch(secret):
        raise RunError("The webhook secret may only hold 1 to 256 letters, digits, - and _.")
    host, port = split_listen(args.listen or settings.webhook_listen)
    return host, port, urlsplit(url).path.lstrip("/"), url, secret


def check_database(settings: Settings) -> None:
    """Open the database once before anything starts: a path that cannot be a database, or a
    PostgreSQL server that cannot be reached, is one sentence (a failed aiosqlite open leaves
    its thread behind; PTB's start-up would be a traceback)."""
    if settings.db_url:
        check_server(settings)
        return
    path = settings.db_path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()
    except (OSError, sqlite3.Error) as error:
        raise RunError(f"could not open the database {path} ({error}).") from error


def check_server(settings: Settings) -> None:
    async def connect() -> None:
        connection = await asyncpg.connect(settings.db_url, timeout=settings.db_timeout_seconds)
        await connection.close()

    try:
        asyncio.run(connect())
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        raise RunError(f"could not reach the PostgreSQL server at {settings.db_location} "
                       f"({type(error).__name__}: {error}).") from error


async def check_with_telegram(settings: Settings, token: str) -> None:
    """getMe once before starting, so a refused token or an unreachable API is one sentence, not
    PTB's retry-loop traceback."""
    async with Bot(token, base_url=settings.telegram_api_base_url):
        pass


def run(args: argparse.Namespace) -> int:
    try:
        settings = Settings.from_env()
        token = check_token(settings.telegram_bot_token)
        target = webhook_target(args, settings) if args.webhook else None
    except (SettingsError, RunError) as error:
        print(f"digestbot: {error}", file=sys.stderr)
        return EXIT_CONFIG
    # The whole token, and its secret half alone (URL-encoded forms turn the colon into %3A).
    configure_logging(settings.log_level, secrets=[token, token.split(":", 1)[1]])
    database_existed = settings.db_path.exists()
    status = serve(settings, token, target)
    if status != 0 and not database_existed and not settings.db_url:
        remove_database(settings.db_path)
    return status


def serve(settings: Settings, token: str, target: tuple[str, int, str, str, str] | None) -> int:
    """Check with Telegram, open the database, then run until stopped; the exit status."""
    try:
        asyncio.run(check_with_telegram(settings, token))
        check_database(settings)  # after Telegram: a refused start need not touch the disk
        application = build_application(settings)
        if target is None:
            application.run_polling(allowed_updates=ALLOWED_UPDATES)
        else:
            host, port, path, url, secret = target
            application.run_webhook(listen=host, port=port, url_path=path, webhook_url=url, secret_token=secret,
                                    allowed_updates=ALLOWED_UPDATES)
    except (StartupError, RunError) as error:
        print(f"digestbot: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except InvalidToken:
        print("digestbot: Telegram refused TELEGRAM_BOT_TOKEN; check it with @BotFather.", file=sys.stderr)
        return EXIT_TELEGRAM
    except NetworkError as error:
        print(f"digestbot: could not reach the Bot API at {settings.telegram_api_base_url} ({error}).",
              file=sys.stderr)
        return EXIT_TELEGRAM
    except TelegramError as error:
        print(f"digestbot: the Bot API refused to start the bot ({error}).", file=sys.stderr)
        return EXIT_TELEGRAM
    return 0


def remove_database(path: Path) -> None:
    """What a failed start created: the database file and SQLite's journal files beside it."""
    for leftover in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_SIDE_FILES)):
        with contextlib.suppress(OSError):
            if leftover.is_file():
                leftover.unlink()
