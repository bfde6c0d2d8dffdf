"""Inline mode: `@bot words` searches the user's own digests and shares the chosen one in any chat.

"The user's own digests" are those of their private chat with the bot (a private chat's id is
the user's id), so nothing from a group leaks into another chat through inline mode.
"""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from digest.errors import QueryError
from handlers.context import Context
from handlers.i18n import ENGLISH, Words, words_for
from handlers.look import styled
from handlers.reader import chat_settings
from handlers.render import UNTITLED, meta_line, preview_options, render_digest, shorten
from storage.base import SearchHit
from storage.chat_settings import DEFAULT_CHAT_SETTINGS, ChatSettings

INLINE_RESULTS = 10
INLINE_CACHE_SECONDS = 10
DESCRIPTION_MAX_CHARS = 120
TITLE_MAX_CHARS = 200
MARKS = str.maketrans("", "", "\x02\x03")


def result_for(hit: SearchHit, words: Words = ENGLISH,
               settings: ChatSettings = DEFAULT_CHAT_SETTINGS) -> InlineQueryResultArticle:
    """One result, rendered as the user's private chat with the bot would show it."""
    digest = styled(hit.digest, settings)
    description = " · ".join(part for part in (meta_line(digest, words), shorten(
        (hit.snippet or digest.summary).translate(MARKS), DESCRIPTION_MAX_CHARS)) if part)
    return InlineQueryResultArticle(
        id=str(hit.digest_id),
        title=shorten(digest.title or words.gettext(UNTITLED), TITLE_MAX_CHARS),
        description=description or None,
        input_message_content=InputTextMessageContent(
            render_digest(digest, words=words)[0], parse_mode=ParseMode.HTML,
            link_preview_options=preview_options(digest, previews=settings.previews),
        ),
        thumbnail_url=digest.image if digest.image and digest.image.startswith("https://") else None,
    )


async def inline_query(update: Update, context: Context) -> None:
    """Answer with the user's matching digests (their latest ones when the query is empty)."""
    query = update.inline_query
    if query is None:
        return
    store = context.bot_data.store
    words = query.query.strip()
    try:
        hits = (list((await store.search(query.from_user.id, words, limit=INLINE_RESULTS)).hits) if words
                else await store.recent(query.from_user.id, limit=INLINE_RESULTS))
    except QueryError:
        hits = []
    # The user's private chat with the bot is where these digests live: its settings apply.
    settings = await chat_settings(context, query.from_user.id)
    words = words_for(settings.language or query.from_user.language_code)
    await query.answer([result_for(hit, words, settings) for hit in hits], cache_time=INLINE_CACHE_SECONDS,
                       is_personal=True)
