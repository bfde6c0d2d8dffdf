"""Bytes to text: the charset from the header, a BOM, the page's <meta>, or detection.

The order is the HTML standard's (BOM first, then transport, then meta prescan), with
charset-normalizer as the last resort for pages that declare nothing or lie.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
META_PRESCAN_BYTES = 4096  # the standard looks at the first 1024; real pages put it a little later
DETECTION_SAMPLE_BYTES = 200_000


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def charset_from_header(content_type: str | None) -> str | None:
    match = HEADER_CHARSET.search(content_type or "")
    return _known(match.group(1)) if match else None


def charset_from_meta(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:META_PRESCAN_BYTES])
    return _known(match.group(1).decode("ascii", "ignore")) if match else None


def detect_charset(data: bytes) -> str:
    best = from_bytes(data[:DETECTION_SAMPLE_BYTES]).best()
    return _known(best.encoding if best else None) or "utf-8"


def decode_body(data: bytes, content_type: str | None = None) -> str:
    """Decode a page body; undecodable bytes become U+FFFD rather than an error."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    declared = charset_from_header(content_type) or charset_from_meta(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration lies: detect instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(detect_charset(data), errors="replace")
