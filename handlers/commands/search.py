"""/search <words>: this chat's digests that match, a page at a time, with Previous/Next buttons."""

from __future__ import annotations

import contextlib

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from digest.errors import QueryError
from handlers.context import Context
from handlers.i18n import N_, Words
from handlers.reader import words_for_user, words_of
from handlers.render import render_listing
from handlers.reply import NO_PREVIEW, say
from storage.base import SearchPage

RESULTS_PER_PAGE = 5
CALLBACK_PREFIX = "s"  # s:<offset>:<query>
STORED_PREFIX = "S"  # S:<offset>:<id of a query too long for callback data, saved in the store>
MAX_CALLBACK_BYTES = 64
USAGE = N_("Tell me what to look for, e.g. /search pentagon withdrawal")
NOTHING_FOUND = N_("Nothing in this chat's digests matches “{query}”.")
EXPIRED = N_("That search is too old; please send /search again.")
PREVIOUS = N_("« Previous")
NEXT = N_("Next »")
RESULTS_HEADING = N_("“{query}”: {first}–{last} of {total}")


async def page_data(context: Context, query: str, offset: int) -> str:
    """Callback data for a page of results: the query itself when it fits in 64 bytes, else its
    id in the store (which every instance reads, and which outlives a restart)."""
    data = f"{CALLBACK_PREFIX}:{offset}:{query}"
    if len(data.encode()) <= MAX_CALLBACK_BYTES:
        return data
    return f"{STORED_PREFIX}:{offset}:{await context.bot_data.store.save_query(query)}"


async def parse_page_data(context: Context, data: str) -> tuple[str, int] | None:
    """(query, offset) from callback data, or None when a stored query was forgotten."""
    prefix, offset, rest = data.split(":", 2)
    query = rest if prefix == CALLBACK_PREFIX else await context.bot_data.store.saved_query(rest)
    return (query, int(offset)) if query is not None else None


async def page_keyboard(context: Context, query: str, page: SearchPage,
                        words: Words) -> InlineKeyboardMarkup | None:
    buttons = []
    if page.offset > 0:
        buttons.append(InlineKeyboardButton(words.gettext(PREVIOUS), callback_data=await page_data(
            context, query, max(0, page.offset - page.limit))))
    if page.has_more:
        buttons.append(InlineKeyboardButton(words.gettext(NEXT), callback_data=await page_data(
            context, query, page.offset + page.limit)))
    return InlineKeyboardMarkup([buttons]) if buttons else None


def page_text(query: str, page: SearchPage, words: Words) -> str:
    first = page.offset + 1
    last = page.offset + len(page.hits)
    heading = words.gettext(RESULTS_HEADING, query=query, first=first, last=last, total=page.total_text)
    return render_listing(heading, [(hit.digest, hit.snippet) for hit in page.hits], first_number=first, words=words)


async def search_command(update: Update, context: Context) -> None:
    """Reply with the digests of this chat that match /search <words>."""
    message = update.effective_message
    if message is None:
        return
    query = " ".join(context.args or []).strip()
    words = await words_of(context, message)
    if not query:
        await say(message, words.gettext(USAGE))
        return
    await show_page(context, message, query, 0, words, edit=False)


async def search_page_button(update: Update, context: Context) -> None:
    """Previous/Next: edit the results message into the asked page."""
    callback = update.callback_query
    if callback is None or callback.data is None or not isinstance(callback.message, Message):
        return
    words = await words_for_user(context, callback.message.chat.id, callback.from_user)
    parsed = await parse_page_data(context, callback.data)
    if parsed is None:
        await callback.answer(words.gettext(EXPIRED), show_alert=True)
        return
    await callback.answer()
    await show_page(context, callback.message, parsed[0], parsed[1], words, edit=True)


async def show_page(context: Context, message: Message, query: str, offset: int, words: Words, *,
                    edit: bool) -> None:
    try:
        page = await context.bot_data.store.search(message.chat_id, query, limit=RESULTS_PER_PAGE, offset=offset)
    except QueryError as error:
        await say(message, words.error(error))
        return
    if not page.hits:
        await say(message, words.gettext(NOTHING_FOUND, query=query))
        return
    text = page_text(query, page, words)
    keyboard = await page_keyboard(context, query, page, words)
    if edit:
        with contextlib.suppress(BadRequest):  # pressed twice: "message is not modified"
            await message.edit_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard,
                                    link_preview_options=NO_PREVIEW)
    else:
        await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard,
                                 link_preview_options=NO_PREVIEW)
