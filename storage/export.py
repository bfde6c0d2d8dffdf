"""A chat's digests in a file the user owns: JSON (every field, lossless) or Markdown (to read).

Pure functions over `ExportedDigest`; the store gathers them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from digest.model import Digest

EXPORT_VERSION = 1
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


@dataclass(frozen=True, slots=True)
class ExportedDigest:
    digest_id: int
    first_saved_at: datetime
    saved_at: datetime
    digest: Digest


def export_json(chat_id: int, items: list[ExportedDigest]) -> str:
    """{"format", "chat_id", "digests": [{"id", "first_saved_at", "saved_at", **Digest.to_record()}]}."""
    return json.dumps({
        "format": f"digestbot-export/{EXPORT_VERSION}",
        "chat_id": chat_id,
        "digests": [
            {"id": item.digest_id, "first_saved_at": item.first_saved_at.isoformat(),
             "saved_at": item.saved_at.isoformat(), **item.digest.to_record()}
            for item in items
        ],
    }, ensure_ascii=False, indent=2) + "\n"


def export_markdown(chat_id: int, items: list[ExportedDigest]) -> str:
    """One section per digest: title, dateline and site, summary, quotes, source, then the article text.

    A summary's lines stay apart (a deck without a full stop opens it on a line of its own)."""
    lines = [f"# Digests of chat {chat_id}", "", f"{len(items)} digest{'' if len(items) == 1 else 's'}.", ""]
    for item in items:
        digest = item.digest
        lines += [f"## {escape_markdown(digest.title)}", ""]
        meta = " · ".join(part for part in (digest.dateline, digest.site) if part)
        if meta:
            lines += [f"*{escape_markdown(meta)}*", ""]
        lines += [line for part in digest.summary.splitlines() if part.strip() for line in (escape_markdown(part), "")]
        for quote in digest.quotes:
            said = f" — {escape_markdown(quote.speaker)}" if quote.speaker else ""
            lines += [f"> “{escape_markdown(quote.text)}”{said}", ""]
        if digest.url:
            lines += [f"Source: <{digest.url.replace('>', '%3E')}>", ""]
        lines += [f"Saved {item.saved_at:%Y-%m-%d %H:%M} UTC · digest {item.digest_id}", ""]
        lines += ["<details><summary>Article text</summary>", ""]
        lines += [escape_markdown(paragraph) + "\n" for paragraph in digest.body.split("\n\n")]
        lines += ["</details>", ""]
    return "\n".join(lines)


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written: no accidental headings, emphasis, links or HTML."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def export_as(chat_id: int, items: list[ExportedDigest], fmt: str) -> str:
    """The chat's digests in the asked format: "json" or "md"."""
    if fmt == "json":
        return export_json(chat_id, items)
    if fmt == "md":
        return export_markdown(chat_id, items)
    raise ValueError(f"unknown export format {fmt!r}")
