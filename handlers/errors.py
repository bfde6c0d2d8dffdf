"""The one error handler: log with the traceback, answer the user in one sentence, carry on."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import TelegramError

from handlers.context import Context
from handlers.i18n import N_
from handlers.reader import words_of_update
from handlers.reply import say
from storage.base import StoreUnavailableError

logger = logging.getLogger(__name__)

SORRY = N_("Sorry, something went wrong on my side. Please try again in a minute.")


async def error_handler(update: object, context: Context) -> None:
    """Every exception a handler did not expect ends here; the bot keeps running."""
    logger.error("update %s failed", getattr(update, "update_id", "?"), exc_info=context.error)
    if not isinstance(update, Update):
        return
    # The database server gone (PostgreSQL restarting, say): the store reconnects by itself, so "in a minute".
    said = context.error.message if isinstance(context.error, StoreUnavailableError) else SORRY
    sorry = words_of_update(update).gettext(said)  # the user's language: the store may be what failed
    with contextlib.suppress(TelegramError):
        if update.callback_query is not None:
            await update.callback_query.answer(sorry, show_alert=True)
        elif update.effective_message is not None:
            await say(update.effective_message, sorry)
