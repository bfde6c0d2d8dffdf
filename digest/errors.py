"""What can go wrong with a page, each error carrying the sentence the user sees.

DigestError               anything the pipeline refuses, with `user_message`
  FetchError              network failure, HTTP status, redirect trouble
    BlockedAddressError   the address is not public, or not http(s), or a disallowed port
    UnsupportedContentError  not a web page (PDF, image, video, binary)
    TooLargeError         the page is bigger than the size cap, or too big to clean within a worker's memory cap
    TooSlowError          the download passed its deadline, or cleaning passed its time limit
  ExtractionError         no readable article in the page or text
    ScannedPdfError       a PDF of page images, with no text layer
    LockedPdfError        a PDF that needs a password
    DamagedPdfError       a file that claims to be a PDF but cannot be read as one
  QueryError              search text that cannot be used

Third-party exceptions are translated where they enter (`raise FetchError(...) from exc`),
so callers only ever handle this hierarchy.
"""

from __future__ import annotations


class DigestError(Exception):
    """Base class: `user_message` is one plain sentence saying what went wrong and what to try."""

    user_message = "Sorry, something went wrong with that page. Please try again later."

    def __init__(self, user_message: str | None = None) -> None:
        if user_message is not None:
            self.user_message = user_message
        super().__init__(self.user_message)


class FetchError(DigestError):
    user_message = "I could not download that page. Check the link and try again."


class BlockedAddressError(FetchError):
    user_message = "I can only open public http(s) web addresses, and that one is not."


class UnsupportedContentError(FetchError):
    user_message = "I can only read web pages and PDFs, and that link is neither (it looks like a file, image or video)."


class TooLargeError(FetchError):
    user_message = "That page is too large for me to read."


class TooSlowError(FetchError):
    user_message = "That page took too long to load or to read. Try again later, or send the page text instead."


class ExtractionError(DigestError):
    user_message = "I found no article in that page. Try the article's own link, or paste its text."


class ScannedPdfError(ExtractionError):
    user_message = "This PDF is a scanned image: I can't read scans. Send a PDF with selectable text, or paste its text."


class LockedPdfError(ExtractionError):
    user_message = "That PDF is locked with a password, so I can't read it. Send an unlocked copy or paste its text."


class DamagedPdfError(ExtractionError):
    user_message = "That PDF is damaged or not really a PDF, so I can't read it. Try another copy of the file."


class QueryError(DigestError):
    user_message = "I could not understand that search. Try a few plain words."
