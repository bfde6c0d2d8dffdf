"""/settings: the chat's language, summary length, quotes and link previews, as inline buttons.

Every button stores the new choice and redraws the same message (in the new language when the
language changed). Anyone in a chat may change its settings, as anyone may /forget its history.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from handlers.context import Context
from handlers.i18n import LANGUAGE_NAMES, LANGUAGES, N_, Words, words_for
from handlers.reader import Reader, reader_for, reader_of
from handlers.render import plain
from storage.chat_settings import MAX_QUOTES, SUMMARY_LENGTHS, ChatSettings

SETTINGS_PREFIX = "set"  # set:<lang|sum|quo|pre>:<value>
AUTO = "auto"  # the language button that follows each reader's Telegram language
CHOSEN = "✓ "
LANGUAGES_PER_ROW = 3

HEADING = N_("Settings for this chat")
LANGUAGE_LINE = N_("Language: {language}")
AUTO_LANGUAGE = N_("each reader's Telegram language")
AUTO_BUTTON = N_("Auto")
SUMMARY_LINE = N_("Summary: {length}")
QUOTES_LINE = N_("Quotes: at most {count}")
PREVIEWS_LINE = N_("Link previews: {state}")
HINT = N_("Tap a button to change a setting; new digests and cached ones follow it.")
SUMMARY_NAMES = {"short": N_("short"), "normal": N_("normal"), "long": N_("long")}
ON, OFF = N_("on"), N_("off")
PREVIEWS_BUTTON = N_("Previews: {state}")
SAVED = N_("Saved.")


def settings_text(settings: ChatSettings, words: Words) -> str:
    """What the chat has chosen, as HTML."""
    language = LANGUAGE_NAMES[settings.language] if settings.language else words.gettext(AUTO_LANGUAGE)
    lines = [
        words.gettext(LANGUAGE_LINE, language=language),
        words.gettext(SUMMARY_LINE, length=words.gettext(SUMMARY_NAMES[settings.summary])),
        words.gettext(QUOTES_LINE, count=settings.quotes),
        words.gettext(PREVIEWS_LINE, state=words.gettext(ON if settings.previews else OFF)),
    ]
    return (f"<b>{plain(words.gettext(HEADING))}</b>\n\n" + "\n".join(plain(line) for line in lines)
            + f"\n\n<i>{plain(words.gettext(HINT))}</i>")


def button(label: str, field: str, value: str, chosen: bool) -> InlineKeyboardButton:
    return InlineKeyboardButton((CHOSEN if chosen else "") + label, callback_data=f"{SETTINGS_PREFIX}:{field}:{value}")


def settings_keyboard(settings: ChatSettings, words: Words) -> InlineKeyboardMarkup:
    """A row per setting (the languages take three), the current choice ticked."""
    languages = [button(words.gettext(AUTO_BUTTON), "lang", AUTO, settings.language is None)]
    languages += [button(LANGUAGE_NAMES[code], "lang", code, settings.language == code) for code in LANGUAGES]
    rows = [languages[i:i + LANGUAGES_PER_ROW] for i in range(0, len(languages), LANGUAGES_PER_ROW)]
    rows.append([button(words.gettext(SUMMARY_NAMES[length]), "sum", length, settings.summary == length)
                 for length in SUMMARY_LENGTHS])
    rows.append([button(words.ngettext("{count} quote", "{count} quotes", count), "quo", str(count),
                        settings.quotes == count) for count in range(MAX_QUOTES + 1)])
    rows.append([button(words.gettext(PREVIEWS_BUTTON, state=words.gettext(state)), "pre", value,
                        settings.previews == (value == "on")) for state, value in ((ON, "on"), (OFF, "off"))])
    return InlineKeyboardMarkup(rows)


def changed(settings: ChatSettings, field: str, value: str) -> ChatSettings | None:
    """The settings after a button press; None for data no button of ours sends."""
    if field == "lang" and (value == AUTO or value in LANGUAGES):
        return replace(settings, language=None if value == AUTO else value)
    if field == "sum" and value in SUMMARY_LENGTHS:
        return replace(settings, summary=value)  # type: ignore[arg-type]
    if field == "quo" and value.isdigit() and 0 <= int(value) <= MAX_QUOTES:
        return replace(settings, quotes=int(value))
    if field == "pre" and value in ("on", "off"):
        return replace(settings, previews=value == "on")
    return None


async def settings_command(update: Update, context: Context) -> None:
    """Show the chat's settings with buttons to change them."""
    message = update.effective_message
    if message is None:
        return
    reader = await reader_of(context, message)
    await message.reply_text(settings_text(reader.settings, reader.words), parse_mode=ParseMode.HTML,
                             reply_markup=settings_keyboard(reader.settings, reader.words))


async def settings_button(update: Update, context: Context) -> None:
    """A settings button: store the choice, redraw the message."""
    callback = update.callback_query
    if callback is None or callback.data is None or not isinstance(callback.message, Message):
        return
    chat_id = callback.message.chat.id
    reader = await reader_for(context, chat_id, callback.from_user)
    _, field, value = (callback.data.split(":", 2) + ["", ""])[:3]
    new = changed(reader.settings, field, value)
    if new is None:
        await callback.answer()
        return
    if new != reader.settings:
        await context.bot_data.store.set_chat_settings(chat_id, new)
    after = Reader(words_for(new.language or callback.from_user.language_code), new)
    await callback.answer(after.words.gettext(SAVED))
    with contextlib.suppress(BadRequest):  # the same button pressed twice: "message is not modified"
        await callback.message.edit_text(settings_text(new, after.words), parse_mode=ParseMode.HTML,
                                         reply_markup=settings_keyboard(new, after.words))
