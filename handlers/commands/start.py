"""/start and /help: what the bot does and how to use it."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from handlers.commands.help import help_text
from handlers.context import Context
from handlers.i18n import N_
from handlers.reader import words_of
from handlers.render import plain
from handlers.reply import NO_PREVIEW

GREETING = N_("Hello! I make ten-second digests of articles.")


async def start_command(update: Update, context: Context) -> None:
    """Greet and explain, in the reader's language."""
    message = update.effective_message
    if message is not None:
        words = await words_of(context, message)
        await message.reply_text(
            f"<b>{plain(words.gettext(GREETING))}</b>\n\n{plain(help_text(words))}", parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        )


async def help_command(update: Update, context: Context) -> None:
    """The help text: the same as the command menu and the README."""
    message = update.effective_message
    if message is not None:
        words = await words_of(context, message)
        await message.reply_text(plain(help_text(words)), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)
