"""A Digest as the columns of the `digests` table, and back, losslessly.

The searched columns hold the text FTS5 indexes: title, summary and body as they are, quotes as
"text — speaker" lines, site as the site's name and its host. `record` keeps every other Digest
field (`Digest.to_record()` minus title, summary and body), so nothing is stored twice but quotes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from digest.model import Digest
from digest.urls import site_from_host

TEXT_FIELDS = ("title", "summary", "body")


@dataclass(frozen=True, slots=True)
class DigestRow:
    title: str
    summary: str
    quotes: str
    site: str
    body: str
    record: str
    host: str | None
    dated: str
    fetched_at: float

    def values(self) -> tuple[Any, ...]:
        return (self.title, self.summary, self.quotes, self.site, self.body, self.record, self.host, self.dated,
                self.fetched_at)


ROW_COLUMNS = ("title", "summary", "quotes", "site", "body", "record", "host", "dated", "fetched_at")


def to_row(digest: Digest, *, fetched_at: float) -> DigestRow:
    record = {key: value for key, value in digest.to_record().items() if key not in TEXT_FIELDS}
    host = digest_host(digest)
    site = " ".join(dict.fromkeys(part for part in (digest.site, host) if part))
    return DigestRow(
        title=digest.title,
        summary=digest.summary,
        quotes="\n".join(f"{q.text} — {q.speaker}" if q.speaker else q.text for q in digest.quotes),
        site=site,
        body=digest.body,
        record=json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        host=host,
        dated=(digest.published.isoformat()[:10] if digest.published
               else datetime.fromtimestamp(fetched_at, timezone.utc).date().isoformat()),
        fetched_at=fetched_at,
    )


def from_row(title: str, summary: str, body: str, record: str) -> Digest:
    fields = json.loads(record)
    fields.update(title=title, summary=summary, body=body)
    return Digest.from_record(fields)


def digest_host(digest: Digest) -> str | None:
    """The publisher's host without www./m./amp., from the digest's address or a site that is a domain."""
    host = None
    if digest.url:
        try:
            host = urlsplit(digest.url).hostname
        except ValueError:
            host = None
    if not host and digest.site and "." in digest.site and " " not in digest.site.strip():
        host = digest.site.strip()
    return site_from_host(host) if host else None
