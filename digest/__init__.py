"""The digest pipeline: a page in, one `Digest` out.

fetch -> (HTML: clean + metadata | text: pasted) -> Article -> summary + quotes -> Digest

Nothing here imports telegram, aiosqlite, handlers or storage.
"""

from digest.model import Article, Digest, DigestOptions, Page, Quote

__all__ = ["Article", "Digest", "DigestOptions", "Page", "Quote"]
