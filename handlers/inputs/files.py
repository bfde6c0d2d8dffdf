"""Files sent to the bot: saved pages (.html, .htm) and PDFs, each up to its size cap; what is
neither a page nor text is refused with one sentence (digest.intake)."""

from __future__ import annotations

import asyncio

from telegram import Document, Update

from digest.errors import DigestError
from digest.fetch import looks_like_pdf
from digest.intake import InputLimits, check_size, page_from_bytes
from digest.model import Page
from handlers.context import Context
from handlers.i18n import N_, Words
from handlers.reader import words_of
from handlers.reply import admit_one_page, answer_with_digest, say

HTML_EXTENSIONS = ("html", "htm")
PDF_EXTENSIONS = ("pdf",)
PDF_MIME_TYPE = "application/pdf"
TELEGRAM_DOWNLOAD_LIMIT = 20_000_000  # the Bot API lets a bot download files up to 20 MB


TOO_LARGE_PDF = N_("That file is too large: I read PDFs up to {megabytes} MB.")
NOT_A_PDF = N_("That file is not a PDF, although its name says so. Send the document itself.")


def too_large_note(limit_bytes: int, words: Words) -> str:
    return words.gettext(TOO_LARGE_PDF, megabytes=max(1, limit_bytes // 1_000_000))


async def read_document(document: Document, limits: InputLimits) -> Page:
    """Download the file from Telegram and check and decode it (CPU work: off the loop)."""
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    return await asyncio.to_thread(page_from_bytes, data, kind="html", limits=limits)


async def html_document(update: Update, context: Context) -> None:
    """Download the saved page and digest it like any other page (a PDF under an .html name goes to the PDF reader)."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    config = context.bot_data.config
    limits = InputLimits(page_bytes=config.document_max_bytes,
                         pdf_bytes=min(config.pdf_max_bytes, TELEGRAM_DOWNLOAD_LIMIT))
    try:
        check_size(document.file_size or 0, "html", limits)
        if not await admit_one_page(context, message):
            return
        page = await read_document(document, limits)
    except DigestError as error:  # too large, or not a web page at all
        await say(message, (await words_of(context, message)).error(error))
        return
    await answer_with_digest(context, message, lambda: context.bot_data.digester.from_page(page),
                             source=document.file_name,
                             source_text=page.content if isinstance(page.content, str) else None)


async def pdf_document(update: Update, context: Context) -> None:
    """Download the PDF and digest it in the worker pool like any page."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    words = await words_of(context, message)
    cap = min(context.bot_data.config.pdf_max_bytes, TELEGRAM_DOWNLOAD_LIMIT)
    if document.file_size is not None and document.file_size > cap:
        await say(message, too_large_note(cap, words))
        return
    if not await admit_one_page(context, message):
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    if len(data) > cap:
        await say(message, too_large_note(cap, words))
        return
    if not looks_like_pdf(data):
        await say(message, words.gettext(NOT_A_PDF))
        return
    page = Page(content=data, kind="pdf")
    await answer_with_digest(context, message, lambda: context.bot_data.digester.from_page(page),
                             source=document.file_name)
