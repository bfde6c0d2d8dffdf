"""Building the python-telegram-bot Application: typed bot_data, shared resources, handlers.

The fetcher (one connection pool), the page pool (worker processes) and the store (SQLite or PostgreSQL)
are opened in post_init and closed in post_shutdown, which PTB runs after the updates in
flight are finished, so SIGTERM never cuts a digest or a database write in half.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

from telegram.ext import Application, ContextTypes

from bot.flood import FloodLimiter
from bot.resources import open_fetcher, open_pool, open_store
from bot.settings import Settings
from digest.fetch import Fetcher
from digest.pool import PagePool
from digest.service import Digester
from handlers.commands.help import bot_commands
from handlers.context import BotData, HandlerConfig
from handlers.i18n import DEFAULT_LANGUAGE, LANGUAGES, words_for
from handlers.routes import add_handlers
from storage.base import DigestStore, StoreUnavailableError
from storage.postgres.shared import shared_state
from storage.sqlite.schema import SchemaTooNewError

logger = logging.getLogger(__name__)

CONCURRENT_UPDATES = 256
BOT_PATH_SUFFIX = "/bot"
FILE_PATH_SUFFIX = "/file/bot"

App = Application[Any, Any, Any, Any, BotData, Any]


class StartupError(Exception):
    """The bot cannot start; the message is one sentence for the operator."""


@dataclass
class Resources:
    """What post_init opened, so post_shutdown can close it."""

    fetcher: Fetcher | None = None
    pool: PagePool | None = None
    store: DigestStore | None = None


def file_base_url(base_url: str) -> str:
    """Telegram serves files beside the API: https://api.telegram.org/bot -> .../file/bot."""
    if base_url.endswith(BOT_PATH_SUFFIX):
        return base_url[: -len(BOT_PATH_SUFFIX)] + FILE_PATH_SUFFIX
    return base_url.rstrip("/") + FILE_PATH_SUFFIX


def handler_config(settings: Settings) -> HandlerConfig:
    return HandlerConfig(
        allowed_chats=settings.allowed_chats,
        pages_per_minute=settings.rate_limit_per_minute,
        document_max_bytes=settings.max_page_bytes,
        pdf_max_bytes=settings.max_pdf_bytes,
    )


async def set_menus(application: App) -> None:
    """The command menu in each language we speak (Telegram shows the one of the user's app),
    then the default, English, for every other language: last, so that a menu exists once it is set."""
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE:
            await application.bot.set_my_commands(bot_commands(words_for(language)), language_code=language)
    await application.bot.set_my_commands(bot_commands())


def build_application(settings: Settings) -> App:
    """The Application, ready for run_polling or run_webhook (the token is checked by the caller)."""
    resources = Resources()

    async def post_init(application: App) -> None:
        if settings.allow_private_urls:
            logger.warning("DIGESTBOT_ALLOW_PRIVATE_URLS is on: links to private and loopback addresses "
                           "will be fetched. Use this for local testing only.")
        try:
            resources.store = await open_store(settings)
        except StoreUnavailableError as error:
            raise StartupError(f"could not reach the database {settings.db_location} ({error.reason}).") from error
        except (OSError, sqlite3.Error, SchemaTooNewError) as error:
            raise StartupError(f"could not open the database {settings.db_location} ({error}).") from error
        resources.fetcher = open_fetcher(settings)
        resources.pool = open_pool(settings)
        digester = Digester(fetcher=resources.fetcher, pool=resources.pool, options=settings.digest_options,
                            cache=resources.store)
        application.bot_data.configure(handler_config(settings), digester=digester, store=resources.store,
                                       shared=shared_state(resources.store, longest_read_seconds=(
                                           settings.fetch_deadline_seconds + settings.clean_timeout_seconds)))
        await set_menus(application)
        logger.info("digestbot started as @%s", application.bot.username)

    async def post_shutdown(application: App) -> None:
        if resources.fetcher is not None:
            await resources.fetcher.aclose()
        if resources.pool is not None:
            await resources.pool.aclose()
        if resources.store is not None:
            await resources.store.close()
        logger.info("digestbot stopped; database closed")

    application = (
        Application.builder()
        .token(settings.telegram_bot_token or "")
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_base_url(settings.telegram_api_base_url))
        .context_types(ContextTypes(bot_data=BotData))
        .concurrent_updates(CONCURRENT_UPDATES)
        .rate_limiter(FloodLimiter())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    add_handlers(application)
    return application  # type: ignore[return-value]
