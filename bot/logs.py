"""Logging for `digestbot run`: one format, quiet HTTP loggers, and the token never written.

A library that logs a traceback for every page it cannot read (readability-lxml's "error getting
summary") is held to one line: the page's problem already reaches the user as one sentence, and a
traceback in the log would hide our own errors. The cleaning workers get the same rule
(`worker_logging`, run at the start of each worker).

Bot API URLs contain the token, and httpx logs request URLs at INFO, so its loggers are held
at WARNING; the redacting filter on the handler is the second line of defence: it rewrites any
record (message, arguments, traceback) that would still show a secret.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET_LOGGERS = ("httpx", "httpcore")
ONE_LINE_LOGGERS = ("readability.readability",)  # logs a traceback for every page it cannot read
REDACTED = "[REDACTED]"
SHORT_FORMAT = "%(levelname)s %(name)s: %(message)s"


class RedactingFilter(logging.Filter):
    """Replaces every secret in a record's final text (and its traceback) with [REDACTED]."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(secret for secret in secrets if secret)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
            record.exc_info = None  # formatted and redacted above; do not format it again
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class OneLineFilter(logging.Filter):
    """A library's complaint about a page as one WARNING line: the traceback becomes its last line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage().strip().rstrip(":")
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            message += f": {type(error).__name__}: {error}"
        record.msg, record.args = " ".join(message.split()), None
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


def quiet_library_logs() -> None:
    """Hold the libraries that complain with tracebacks to one line each (safe to call twice)."""
    for name in ONE_LINE_LOGGERS:
        library = logging.getLogger(name)
        if not any(isinstance(existing, OneLineFilter) for existing in library.filters):
            library.addFilter(OneLineFilter())


def worker_logging() -> None:
    """A cleaning worker's logging: warnings in the same shape as the parent's, libraries on one line."""
    logging.basicConfig(level=logging.WARNING, format=SHORT_FORMAT, stream=sys.stderr)
    quiet_library_logs()


def configure_logging(level: str, *, secrets: Iterable[str] = ()) -> None:
    """Log to stderr at `level`, with the secrets redacted everywhere."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.addFilter(RedactingFilter(secrets))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
    quiet_library_logs()
