"""Who a reply is for: the words (the chat's language, else the sender's Telegram language, else
English) and the chat's /settings, looked up once per update."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import Message, Update, User

from handlers.context import Context
from handlers.i18n import Words, words_for
from storage.chat_settings import DEFAULT_CHAT_SETTINGS, ChatSettings

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reader:
    """The language and the chat's choices a reply is rendered with."""

    words: Words
    settings: ChatSettings = DEFAULT_CHAT_SETTINGS


def user_language(user: User | None) -> str | None:
    return user.language_code if user is not None else None


def words_of_update(update: object) -> Words:
    """The sender's Telegram language alone, for answers that must not touch the store (errors, refusals)."""
    user = update.effective_user if isinstance(update, Update) else None
    return words_for(user_language(user))


async def chat_settings(context: Context, chat_id: int) -> ChatSettings:
    """The chat's settings; the defaults when the store cannot say (a reply matters more than its look)."""
    try:
        return await context.bot_data.store.get_chat_settings(chat_id)
    except Exception:
        logger.exception("could not read the settings of chat %s", chat_id)
        return DEFAULT_CHAT_SETTINGS


async def reader_for(context: Context, chat_id: int, user: User | None) -> Reader:
    """The chat's language when it chose one, else the user's; and the chat's settings."""
    settings = await chat_settings(context, chat_id)
    return Reader(words_for(settings.language or user_language(user)), settings)


async def reader_of(context: Context, message: Message) -> Reader:
    """The reader of a reply to `message`: its chat and its sender."""
    return await reader_for(context, message.chat_id, message.from_user)


async def words_of(context: Context, message: Message) -> Words:
    return (await reader_of(context, message)).words


async def words_for_user(context: Context, chat_id: int, user: User | None) -> Words:
    """For a button press: the chat's language, else the presser's."""
    return (await reader_for(context, chat_id, user)).words
