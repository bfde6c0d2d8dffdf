"""What can go wrong with a page, each error carrying the sentence the user sees.

DigestError               anything the pipeline refuses, with `user_message`
  FetchError              network failure, HTTP status, redirect trouble
    BlockedAddressError   the address is not public, or not http(s), or a disallowed port
    UnsupportedContentError  not a web page (PDF, image, video, binary)
    TooLargeError         the page is bigger than the size cap, or too big to clean within a worker's memory cap
    TooSlowError          the download passed its deadline, or cleaning passed its time limit
  NotTextError            a file or input that is neither a web page nor text (binary, PDF, image)
  ExtractionError         no readable article in the page or text
    ScannedPdfError       a PDF of page images, with no text layer
    LockedPdfError        a PDF that needs a password
    DamagedPdfError       a file that claims to be a PDF but cannot be read as one
  QueryError              search text that cannot be used

Third-party exceptions are translated where they enter (`raise FetchError(...) from exc`),
so callers only ever handle this hierarchy.

The sentences are English and marked with `N_` for the bot's message catalogue: the bot shows
`message` (the English text, the catalogue's key) in the reader's language, filling in `params`;
the CLI prints `user_message`, the English sentence with its values in.
"""

from __future__ import annotations

from typing import Any


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark, translate later"
    """Marks a sentence for the message catalogue (pybabel extracts it); returns it unchanged."""
    return message


class DigestError(Exception):
    """Base class: `user_message` is one plain sentence saying what went wrong and what to try."""

    user_message = N_("Sorry, something went wrong with that page. Please try again later.")

    def __init__(self, user_message: str | None = None, /, **params: Any) -> None:
        self.message = user_message if user_message is not None else type(self).user_message
        self.params = params
        self.user_message = self.message.format(**params) if params else self.message
        super().__init__(self.user_message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross from the cleaning workers: keep the catalogue key and its values, not just the text.
        return (_rebuild, (type(self), self.message, self.params))


class FetchError(DigestError):
    user_message = N_("I could not download that page. Check the link and try again.")


class BlockedAddressError(FetchError):
    user_message = N_("I can only open public http(s) web addresses, and that one is not.")


class UnsupportedContentError(FetchError):
    user_message = N_("I can only read web pages and PDFs, and that link is neither (it looks like a file, image or video).")


class TooLargeError(FetchError):
    user_message = N_("That page is too large for me to read.")


class TooSlowError(FetchError):
    user_message = N_("That page took too long to load or to read. Try again later, or send the page text instead.")


class NotTextError(DigestError):
    user_message = N_("That file is not a web page or text.")


class ExtractionError(DigestError):
    user_message = N_("I found no article in that page. Try the article's own link, or paste its text.")


class ScannedPdfError(ExtractionError):
    user_message = N_("This PDF is a scanned image: I can't read scans. Send a PDF with selectable text, or paste its text.")


class LockedPdfError(ExtractionError):
    user_message = N_("That PDF is locked with a password, so I can't read it. Send an unlocked copy or paste its text.")


class DamagedPdfError(ExtractionError):
    user_message = N_("That PDF is damaged or not really a PDF, so I can't read it. Try another copy of the file.")


class QueryError(DigestError):
    user_message = N_("I could not understand that search. Try a few plain words.")


def _rebuild(kind: type[DigestError], message: str, params: dict[str, Any]) -> DigestError:
    return kind(message, **params)
