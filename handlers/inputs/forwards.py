"""Forwarded posts: the post's link if it has one, else its text; the reply says where it came from."""

from __future__ import annotations

from telegram import (
    MessageOrigin,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    Update,
)

from digest.model import Page
from handlers.commands.help import help_line
from handlers.context import Context
from handlers.i18n import ENGLISH, N_, Words
from handlers.inputs.links import digest_links, message_links
from handlers.reader import words_of
from handlers.render import Via
from handlers.reply import admit_one_page, answer_with_digest, say


def post_link(username: str | None, message_id: int | None) -> str | None:
    """A public channel's post has an address: https://t.me/<username>/<id>."""
    if not username:
        return None
    return f"https://t.me/{username}/{message_id}" if message_id else f"https://t.me/{username}"


A_CHANNEL = N_("a channel")
A_CHAT = N_("a chat")


def via_of(origin: MessageOrigin | None, words: Words = ENGLISH) -> Via | None:
    """The channel, chat or person a forward came from, linked when it is public."""
    if isinstance(origin, MessageOriginChannel):
        return Via(origin.chat.title or origin.chat.username or words.gettext(A_CHANNEL),
                   post_link(origin.chat.username, origin.message_id))
    if isinstance(origin, MessageOriginChat):
        return Via(origin.sender_chat.title or words.gettext(A_CHAT), post_link(origin.sender_chat.username, None))
    if isinstance(origin, MessageOriginUser):
        return Via(origin.sender_user.full_name)
    if isinstance(origin, MessageOriginHiddenUser):
        return Via(origin.sender_user_name)
    return None


async def forwarded_post(update: Update, context: Context) -> None:
    """Digest the post's link, or the post itself when it has none."""
    message = update.effective_message
    if message is None:
        return
    words = await words_of(context, message)
    via = via_of(message.forward_origin, words)
    links = message_links(message)
    if links:
        await digest_links(context, message, links[:1], via=via)
        return
    text = (message.text or message.caption or "").strip()
    if not text:
        await say(message, help_line(message, words))
        return
    if not await admit_one_page(context, message):
        return
    # The post's own link is where it was forwarded from, not the article's publisher: it goes
    # with "via", and the publisher is read from the text (or stays unknown).
    page = Page(content=text, kind="text")
    await answer_with_digest(context, message, lambda: context.bot_data.digester.from_page(page), via=via,
                             source=via.name if via else None, source_url=via.url if via else None,
                             source_text=text)
