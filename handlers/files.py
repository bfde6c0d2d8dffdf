"""Files sent to the bot: saved pages (.html, .htm) and PDFs, each up to its size cap."""

from __future__ import annotations

import asyncio

from telegram import Document, Update

from digest.fetch import decode_body, looks_like_pdf
from digest.model import Page
from handlers.context import Context
from handlers.i18n import N_, Words
from handlers.reader import words_of
from handlers.reply import admit_one_page, answer_with_digest, say

HTML_EXTENSIONS = ("html", "htm")
PDF_EXTENSIONS = ("pdf",)
PDF_MIME_TYPE = "application/pdf"
TELEGRAM_DOWNLOAD_LIMIT = 20_000_000  # the Bot API lets a bot download files up to 20 MB


TOO_LARGE = N_("That file is too large: I read saved pages up to {megabytes} MB.")
TOO_LARGE_PDF = N_("That file is too large: I read PDFs up to {megabytes} MB.")
NOT_A_PDF = N_("That file is not a PDF, although its name says so. Send the document itself.")


def too_large_note(limit_bytes: int, words: Words, *, pdf: bool = False) -> str:
    return words.gettext(TOO_LARGE_PDF if pdf else TOO_LARGE, megabytes=max(1, limit_bytes // 1_000_000))


async def read_document(document: Document, cap: int) -> str | None:
    """Download the file from Telegram and decode it (charset sniffing is CPU work: off the loop);
    None when it turns out larger than the cap."""
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > cap:
        return None
    return await asyncio.to_thread(decode_body, data)


async def html_document(update: Update, context: Context) -> None:
    """Download the saved page and digest it like any other page."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    cap = context.bot_data.config.document_max_bytes
    if document.file_size is not None and document.file_size > cap:
        await say(message, too_large_note(cap, await words_of(context, message)))
        return
    if not await admit_one_page(context, message):
        return
    text = await read_document(document, cap)
    if text is None:
        await say(message, too_large_note(cap, await words_of(context, message)))
        return
    page = Page(content=text, kind="html")
    await answer_with_digest(context, message, lambda: context.bot_data.digester.from_page(page),
                             source=document.file_name, source_text=text)


async def pdf_document(update: Update, context: Context) -> None:
    """Download the PDF and digest it in the worker pool like any page."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    words = await words_of(context, message)
    cap = min(context.bot_data.config.pdf_max_bytes, TELEGRAM_DOWNLOAD_LIMIT)
    if document.file_size is not None and document.file_size > cap:
        await say(message, too_large_note(cap, words, pdf=True))
        return
    if not await admit_one_page(context, message):
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > cap:
        await say(message, too_large_note(cap, words, pdf=True))
        return
    if not looks_like_pdf(data):
        await say(message, words.gettext(NOT_A_PDF))
        return
    page = Page(content=data, kind="pdf")
    await answer_with_digest(context, message, lambda: context.bot_data.digester.from_page(page),
                             source=document.file_name)
