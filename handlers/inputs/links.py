"""Links in a message or its caption, shown or hidden behind text: each becomes its own digest."""

from __future__ import annotations

from urllib.parse import urlsplit

from telegram import Message, MessageEntity, Update

from handlers.context import Context
from handlers.i18n import N_, Words
from handlers.reader import words_of
from handlers.render import Via
from handlers.reply import (
    allowed_pages, answer_all, answer_with_digest, refuse_over_limit, say, sender_id, start_typing,
)

LINK_ENTITIES = (MessageEntity.URL, MessageEntity.TEXT_LINK)


def with_scheme(url: str) -> str:
    """Telegram marks "example.com/a" as a link too; give it a scheme."""
    return url if "://" in url else f"https://{url}"


def message_links(message: Message) -> list[str]:
    """Every web link of the text or caption in order, once each (text_link entities included)."""
    found: list[str] = []
    for entities in (message.parse_entities(LINK_ENTITIES), message.parse_caption_entities(LINK_ENTITIES)):
        for entity, text in sorted(entities.items(), key=lambda item: item[0].offset):
            url = entity.url if entity.type == MessageEntity.TEXT_LINK else with_scheme(text)
            if url and urlsplit(url).scheme.lower() in ("http", "https") and url not in found:
                found.append(url)
    return found


TOO_MANY_LINKS = N_("I read up to {limit} links per message, so I took the first {limit} of your {total}. "
                    "Send the others in another message.")


def too_many_note(limit: int, total: int, words: Words) -> str:
    return words.gettext(TOO_MANY_LINKS, limit=limit, total=total)


async def link_message(update: Update, context: Context) -> None:
    """Reply with one digest per link (the first three), each quoting the message."""
    message = update.effective_message
    if message is None:
        return
    links = message_links(message)
    limit = context.bot_data.config.links_per_message
    if len(links) > limit:
        await say(message, too_many_note(limit, len(links), await words_of(context, message)))
    await digest_links(context, message, links[:limit])


async def digest_links(context: Context, message: Message, links: list[str], *, via: Via | None = None) -> None:
    """Digest each link, within the user's rate limit."""
    allowed, wait = await allowed_pages(context, sender_id(message), len(links))
    if allowed:
        start_typing(context, message)
    digester = context.bot_data.digester
    in_flight = context.bot_data.links_in_flight
    await answer_all([
        answer_with_digest(context, message, lambda url=url: in_flight.run(url, lambda: digester.from_url(url)),
                           source=url, source_url=url, via=via)
        for url in links[:allowed]
    ])
    if wait is not None:
        await refuse_over_limit(context, message, wait)
