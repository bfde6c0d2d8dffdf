"""Answering with a digest so that it feels fast: typing at once, a placeholder if the work takes
more than about a second, then the digest edited into it (a cached page needs neither).

Every page a handler reads goes through `answer_with_digest`: it counts the page against the
user's rate limit, saves the digest to the chat's history, and turns a DigestError into its
one-sentence `user_message`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from telegram import LinkPreviewOptions, Message, ReplyParameters
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from digest.errors import DigestError
from digest.model import Digest
from handlers.context import Context
from handlers.i18n import N_
from handlers.look import styled
from handlers.ratelimit import wait_message
from handlers.reader import Reader, reader_of, words_of
from handlers.render import Via, plain, preview_options, render_digest

logger = logging.getLogger(__name__)

PLACEHOLDER = N_("Reading the page…")
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

MakeDigest = Callable[[], Awaitable[Digest]]


def quoting(message: Message) -> ReplyParameters:
    """Reply parameters that quote the user's message (and still send if it was deleted)."""
    return ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True)


async def say(message: Message, text: str) -> Message:
    """One of our own sentences (HTML-escaped), quoting the user's message."""
    return await message.reply_text(plain(text), parse_mode=ParseMode.HTML, reply_parameters=quoting(message),
                                    link_preview_options=NO_PREVIEW)


async def show_typing(context: Context, chat_id: int) -> None:
    """The typing action; losing it is harmless, so it never fails the reply."""
    with contextlib.suppress(TelegramError):
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)


def start_typing(context: Context, message: Message) -> None:
    """Fire the typing action without waiting for it (the digest work starts at the same time)."""
    context.application.create_task(show_typing(context, message.chat_id), name="typing")


async def allowed_pages(context: Context, user_id: int, count: int) -> tuple[int, float | None]:
    """How many of `count` pages the user may send now, and the wait for the rest."""
    limiter = context.bot_data.limiter
    for taken in range(count):
        wait = await limiter.acquire(user_id)
        if wait is not None:
            return taken, wait
    return count, None


async def refuse_over_limit(context: Context, message: Message, wait: float) -> None:
    await say(message, wait_message(context.bot_data.limiter.per_minute, wait, await words_of(context, message)))


def sender_id(message: Message) -> int:
    """Whose rate limit a message counts against: its sender, or the chat when Telegram hides the sender."""
    return message.from_user.id if message.from_user else message.chat_id


async def admit_one_page(context: Context, message: Message) -> bool:
    """Take one page from the sender's limit and start typing; or say when to come back and return False."""
    allowed, wait = await allowed_pages(context, sender_id(message), 1)
    if not allowed:
        await refuse_over_limit(context, message, wait or 0)
        return False
    start_typing(context, message)
    return True


async def answer_with_digest(context: Context, message: Message, make: MakeDigest, *, via: Via | None = None,
                             source: str | None = None, source_url: str | None = None,
                             source_text: str | None = None) -> None:
    """Make the digest, showing a placeholder if it is slow; save it to the chat's history; reply."""
    reader = await reader_of(context, message)
    task = asyncio.ensure_future(make())
    placeholder: Message | None = None
    try:
        try:
            digest = await asyncio.wait_for(asyncio.shield(task), context.bot_data.config.placeholder_delay)
        except TimeoutError:
            placeholder = await message.reply_text(reader.words.gettext(PLACEHOLDER), reply_parameters=quoting(message))
            digest = await task
    except DigestError as error:
        logger.info("no digest for %s: %s", source or "a page", type(error).__name__)
        sentence = reader.words.error(error)
        if placeholder is not None:
            await placeholder.edit_text(plain(sentence), parse_mode=ParseMode.HTML)
        else:
            await say(message, sentence)
        return
    except BaseException:
        task.cancel()
        if placeholder is not None:
            with contextlib.suppress(TelegramError):
                await placeholder.delete()
        raise
    # Saved before it is shown: the same link sent again the moment this answer appears is a cache hit.
    # The history links the digest to the user's message that asked for it.
    # A history that cannot be written must not cost the user the answer: log it and carry on.
    try:
        await context.bot_data.store.save(digest, chat_id=message.chat_id, source_url=source_url,
                                          source_text=source_text, message_id=message.message_id)
    except Exception:
        logger.exception("could not save a digest to the history of chat %s", message.chat_id)
    await send_digest(message, digest, reader, placeholder=placeholder, via=via, source=source)


async def send_digest(message: Message, digest: Digest, reader: Reader, *, placeholder: Message | None,
                      via: Via | None, source: str | None) -> Message:
    """The digest as one or more messages, as the chat's settings want it; the first replaces the
    placeholder when there is one."""
    digest = styled(digest, reader.settings)
    first, *rest = render_digest(digest, via=via, source=source, words=reader.words)
    preview = preview_options(digest, previews=reader.settings.previews)
    if placeholder is not None:
        shown = await placeholder.edit_text(first, parse_mode=ParseMode.HTML, link_preview_options=preview)
        shown = shown if isinstance(shown, Message) else placeholder
    else:
        shown = await message.reply_text(first, parse_mode=ParseMode.HTML, link_preview_options=preview,
                                         reply_parameters=quoting(message))
    for more in rest:
        await message.reply_text(more, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                 reply_parameters=quoting(message))
    return shown


async def answer_all(jobs: list[Awaitable[None]]) -> None:
    """Run several answers at once; one failing does not stop the others, and is raised after."""
    results = await asyncio.gather(*jobs, return_exceptions=True)
    failures = [result for result in results if isinstance(result, BaseException)]
    for extra in failures[1:]:  # the error handler gets the first; the others are logged here
        logger.error("another answer to the same message failed", exc_info=extra)
    if failures:
        raise failures[0]
