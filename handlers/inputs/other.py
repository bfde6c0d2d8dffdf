"""Anything the bot cannot read (photos, stickers, voice, other files, short remarks) gets one line of help."""

from __future__ import annotations

from telegram import Update

from handlers.commands.help import help_line
from handlers.context import Context
from handlers.i18n import N_
from handlers.reader import words_of
from handlers.reply import say

UNKNOWN_COMMAND = N_("I don't know that command; /help lists the ones I have.")


async def anything_else(update: Update, context: Context) -> None:
    """One line saying what the bot can read: no message goes unanswered."""
    message = update.effective_message
    if message is not None:
        await say(message, help_line(message, await words_of(context, message)))


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have."""
    message = update.effective_message
    if message is not None:
        await say(message, (await words_of(context, message)).gettext(UNKNOWN_COMMAND))
