"""/recent, /forget (with a confirmation button) and /export (a JSON or Markdown file)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.constants import ParseMode

from handlers.context import Context
from handlers.i18n import N_
from handlers.reader import words_for_user, words_of
from handlers.render import plain, render_listing
from handlers.reply import NO_PREVIEW, say, sender_id

RECENT_COUNT = 10
NO_HISTORY = N_("No digests in this chat yet: send me a link to make the first one.")
RECENT_HEADING = N_("Recent digests in this chat")
FORGET_QUESTION = N_("Forget every digest saved in this chat? This cannot be undone.")
FORGET_YES = N_("Yes, forget them")
FORGET_NO = N_("Cancel")
FORGET_PREFIX = "forget"  # forget:<yes|no>:<user id of who asked>
ONLY_ASKER = N_("Only the person who asked can answer this.")
KEPT = N_("Kept: nothing was forgotten.")
EXPORT_FORMATS = {"": "json", "json": "json", "md": "md", "markdown": "md"}
EXPORT_USAGE = N_("Use /export json or /export md.")
EXPORT_CAPTIONS = {"json": N_("This chat's digests (JSON)."), "md": N_("This chat's digests (Markdown).")}


async def recent_command(update: Update, context: Context) -> None:
    """The chat's latest digests, newest first."""
    message = update.effective_message
    if message is None:
        return
    words = await words_of(context, message)
    hits = await context.bot_data.store.recent(message.chat_id, limit=RECENT_COUNT)
    if not hits:
        await say(message, words.gettext(NO_HISTORY))
        return
    text = render_listing(words.gettext(RECENT_HEADING), [(hit.digest, None) for hit in hits], words=words)
    await message.reply_text(text, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)


async def forget_command(update: Update, context: Context) -> None:
    """Ask, with buttons, before deleting the chat's history."""
    message = update.effective_message
    if message is None:
        return
    words = await words_of(context, message)
    who = sender_id(message)
    keyboard = InlineKeyboardMarkup([[
        InlineKeyboardButton(words.gettext(FORGET_YES), callback_data=f"{FORGET_PREFIX}:yes:{who}"),
        InlineKeyboardButton(words.gettext(FORGET_NO), callback_data=f"{FORGET_PREFIX}:no:{who}"),
    ]])
    await message.reply_text(plain(words.gettext(FORGET_QUESTION)), parse_mode=ParseMode.HTML, reply_markup=keyboard)


async def forget_button(update: Update, context: Context) -> None:
    """The answer to the /forget question."""
    callback = update.callback_query
    if callback is None or callback.data is None or not isinstance(callback.message, Message):
        return
    _, answer, who = callback.data.split(":", 2)
    words = await words_for_user(context, callback.message.chat.id, callback.from_user)
    if str(callback.from_user.id) != who:
        await callback.answer(words.gettext(ONLY_ASKER), show_alert=True)
        return
    await callback.answer()
    if answer != "yes":
        await callback.message.edit_text(words.gettext(KEPT))
        return
    count = await context.bot_data.store.forget_chat(callback.message.chat_id)
    await callback.message.edit_text(words.ngettext("Forgotten: {count} digest deleted from this chat.",
                                                    "Forgotten: {count} digests deleted from this chat.", count))
    # Unfindable already; compacting also drops the forgotten words from the index's old segments on disk.
    context.application.create_task(context.bot_data.store.compact(), name="compact-after-forget")


async def export_command(update: Update, context: Context) -> None:
    """Send the chat's digests as a file: /export (JSON) or /export md (Markdown)."""
    message = update.effective_message
    if message is None:
        return
    words = await words_of(context, message)
    choice = (context.args[0].lower() if context.args else "")
    fmt = EXPORT_FORMATS.get(choice)
    if fmt is None:
        await say(message, words.gettext(EXPORT_USAGE))
        return
    content = await context.bot_data.store.export_chat(message.chat_id, fmt)  # type: ignore[arg-type]
    name = f"digests-{message.chat_id}.{fmt}"
    await message.reply_document(InputFile(content.encode(), filename=name),
                                 caption=words.gettext(EXPORT_CAPTIONS[fmt]))
