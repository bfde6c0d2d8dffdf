"""Pasted page text: a long text with no link is a page; a page Telegram split into several
messages arrives as one digest (see paste_buffer)."""

from __future__ import annotations

import asyncio

from telegram import Message, Update

from digest.model import Page
from handlers.commands.help import help_line
from handlers.context import Context
from handlers.i18n import N_
from handlers.inputs.paste_buffer import Key, Paste
from handlers.reader import words_of
from handlers.reply import admit_one_page, answer_with_digest, say, sender_id, start_typing

# Shorter than this, with no link, a text is a remark, not a page.
PASTE_MIN_CHARS = 400
PASTED_TEXT = N_("pasted text")  # the source line of a paste's digest


def paste_key(message: Message) -> Key:
    return (message.chat_id, sender_id(message))


async def pasted_text(update: Update, context: Context) -> None:
    """Collect the parts of a paste; digest it when the last part is in."""
    message = update.effective_message
    if message is None or not message.text:
        return
    key = paste_key(message)
    buffer = context.bot_data.pastes
    if len(message.text) < PASTE_MIN_CHARS and not await buffer.is_pending(key):
        await say(message, help_line(message, await words_of(context, message)))
        return
    paste, complete = await buffer.put(key, message.text, message)
    if complete:
        await digest_paste(context, paste)
        return
    if paste.first is message:
        start_typing(context, message)  # a page is coming: show it at once, not after the window
    context.application.create_task(wait_for_more(context, key, paste.generation), update=update,
                                    name="paste-window")


async def wait_for_more(context: Context, key: Key, generation: int) -> None:
    """After a full-size part: if nothing follows within the window, the paste is complete."""
    await asyncio.sleep(context.bot_data.config.paste_window)
    paste = await context.bot_data.pastes.take_after_wait(key, generation)
    if paste is not None:
        await digest_paste(context, paste)


async def digest_paste(context: Context, paste: Paste[Message]) -> None:
    """One digest for the whole paste, quoting its first message."""
    message = paste.first
    if not await admit_one_page(context, message):
        return
    text = paste.text
    page = Page(content=text, kind="text")
    await answer_with_digest(context, message, lambda: context.bot_data.digester.from_page(page),
                             source=(await words_of(context, message)).gettext(PASTED_TEXT), source_text=text)
