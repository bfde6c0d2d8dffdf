"""The allow-list (DIGESTBOT_ALLOWED_CHATS) and "is this message for me?" in groups.

Groups: the bot acts on what Telegram's privacy mode delivers (commands, mentions of the
bot, replies to the bot) and on nothing else, so it behaves the same with privacy mode off.
"""

from __future__ import annotations

import contextlib

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop
from telegram.ext.filters import MessageFilter

from handlers.context import Context
from handlers.i18n import N_
from handlers.reader import words_of_update
from handlers.reply import say

PRIVATE_BOT = N_("Sorry, this bot is private.")


def requester_id(update: Update) -> int | None:
    """The chat an update belongs to; for inline queries, the user (whose private chat it is)."""
    if update.inline_query is not None:
        return update.inline_query.from_user.id
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user else None


async def check_allowed(update: object, context: Context) -> None:
    """Runs before every handler: outside the allow-list, say so once and stop."""
    allowed = context.bot_data.config.allowed_chats
    if not allowed or not isinstance(update, Update):
        return
    if requester_id(update) in allowed:
        return
    refusal = words_of_update(update).gettext(PRIVATE_BOT)
    with contextlib.suppress(TelegramError):
        if update.inline_query is not None:
            await update.inline_query.answer([], cache_time=0, is_personal=True)
        elif update.callback_query is not None:
            await update.callback_query.answer(refusal, show_alert=True)
        elif update.message is not None and update.message.chat.type == ChatType.PRIVATE:
            await say(update.message, refusal)
    raise ApplicationHandlerStop


class AddressedToBot(MessageFilter):
    """Private messages; in groups, messages that mention the bot or reply to it."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        name = f"@{bot.username}".lower()
        kinds = (MessageEntity.MENTION, MessageEntity.BOT_COMMAND, MessageEntity.TEXT_MENTION)
        for entities in (message.parse_entities(kinds), message.parse_caption_entities(kinds)):
            for entity, text in entities.items():
                if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
                    return True
                if text.lower() == name or text.lower().endswith(name):
                    return True
        return False


ADDRESSED_TO_BOT = AddressedToBot(name="AddressedToBot")
