"""Which handler reads which update: the whole routing table in one place.

Order matters within group 0 (the first match wins): commands, buttons, inline queries,
saved pages, forwards, links, pasted text, then one line of help for anything else. Edited
messages and channel posts are not read: only new messages are requests.
"""

from __future__ import annotations

from telegram import MessageEntity, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers.access import ADDRESSED_TO_BOT, check_allowed
from handlers.commands.history import FORGET_PREFIX, export_command, forget_button, forget_command, recent_command
from handlers.commands.inline import inline_query
from handlers.commands.search import CALLBACK_PREFIX, STORED_PREFIX, search_command, search_page_button
from handlers.commands.settings import SETTINGS_PREFIX, settings_button, settings_command
from handlers.commands.start import help_command, start_command
from handlers.errors import error_handler
from handlers.inputs.files import HTML_EXTENSIONS, PDF_EXTENSIONS, PDF_MIME_TYPE, html_document, pdf_document
from handlers.inputs.forwards import forwarded_post
from handlers.inputs.links import link_message
from handlers.inputs.other import anything_else, unknown_command
from handlers.inputs.pasted import pasted_text

ACCESS_GROUP = -1
NEW_MESSAGES = filters.UpdateType.MESSAGE
HAS_LINK = (filters.Entity(MessageEntity.URL) | filters.Entity(MessageEntity.TEXT_LINK)
            | filters.CaptionEntity(MessageEntity.URL) | filters.CaptionEntity(MessageEntity.TEXT_LINK))
HTML_FILE = filters.Document.MimeType("text/html")
for _extension in HTML_EXTENSIONS:
    HTML_FILE = HTML_FILE | filters.Document.FileExtension(_extension)
PDF_FILE = filters.Document.MimeType(PDF_MIME_TYPE)
for _extension in PDF_EXTENSIONS:
    PDF_FILE = PDF_FILE | filters.Document.FileExtension(_extension)


def add_handlers(application: Application) -> None:  # type: ignore[type-arg]
    """Register every handler and the error handler."""
    application.add_handler(TypeHandler(Update, check_allowed), group=ACCESS_GROUP)
    for name, callback in (("start", start_command), ("help", help_command), ("search", search_command),
                           ("recent", recent_command), ("forget", forget_command), ("export", export_command),
                           ("settings", settings_command)):
        application.add_handler(CommandHandler(name, callback, filters=NEW_MESSAGES))
    application.add_handler(CallbackQueryHandler(search_page_button, pattern=f"^[{CALLBACK_PREFIX}{STORED_PREFIX}]:"))
    application.add_handler(CallbackQueryHandler(forget_button, pattern=f"^{FORGET_PREFIX}:"))
    application.add_handler(CallbackQueryHandler(settings_button, pattern=f"^{SETTINGS_PREFIX}:"))
    application.add_handler(InlineQueryHandler(inline_query))
    addressed = NEW_MESSAGES & ADDRESSED_TO_BOT
    application.add_handler(MessageHandler(addressed & filters.COMMAND, unknown_command))
    application.add_handler(MessageHandler(addressed & HTML_FILE, html_document))  # forwarded or not
    application.add_handler(MessageHandler(addressed & PDF_FILE, pdf_document))
    application.add_handler(MessageHandler(addressed & filters.FORWARDED, forwarded_post))
    application.add_handler(MessageHandler(addressed & HAS_LINK, link_message))
    application.add_handler(MessageHandler(addressed & filters.TEXT, pasted_text))
    application.add_handler(MessageHandler(addressed & ~filters.StatusUpdate.ALL, anything_else))
    application.add_error_handler(error_handler)
