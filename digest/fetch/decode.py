"""Bytes to text: the charset from a BOM, valid UTF-8, the header, the page's <meta>, or detection.

The order is the HTML standard's (BOM first, then transport, then meta prescan) with two
named departures for pages that lie: bytes that are valid UTF-8 (and not plain ASCII) are read as
UTF-8 whatever a legacy declaration says (servers still default to ISO-8859-1), and a declaration
the bytes do not fit falls back to charset-normalizer's detection.

`looks_binary` tells a file served as text/html (random bytes, a PDF, an image) from a page.
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
WIDE_ENCODINGS = ("utf-16", "utf-32")  # a <meta> cannot honestly declare these: it is read as ASCII
BINARY_SAMPLE_BYTES = 1024
BINARY_CONTROL_SHARE = 0.1  # text has almost no control characters besides tab, newlines and form feed
TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
PDF_MAGIC = b"%PDF-"
FILE_SIGNATURES = (  # magic numbers of files that are never web pages
    PDF_MAGIC, b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh",
    b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"OggS", b"ID3", b"fLaC", b"\x1aE\xdf\xa3", b"\x00\x00\x01\xba",
    b"\x7fELF", b"MZ", b"wOFF", b"wOF2", b"\xd0\xcf\x11\xe0",
)


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
    name = _known(match.group(1).decode("ascii", "ignore")) if match else None
    if name and name.startswith(WIDE_ENCODINGS):
        return "utf-8"  # what the HTML standard does with a <meta> that claims UTF-16
    return name


def detect_charset(data: bytes) -> str:
    best = from_bytes(data[:DETECTION_SAMPLE_BYTES]).best()
    return _known(best.encoding if best else None) or "utf-8"


def bom_charset(data: bytes) -> str | None:
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def strip_bom(data: bytes) -> bytes:
    return next((data[len(bom):] for bom, _ in BOMS if data.startswith(bom)), data)


def looks_binary(data: bytes, content_type: str | None = None) -> bool:
    """True for the start of a file that is not text: a known file signature, NUL bytes or many controls."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if bom_charset(sample) or (charset_from_header(content_type) or "").startswith(WIDE_ENCODINGS):
        return False  # UTF-16 text is full of NUL bytes
    if sample.startswith(FILE_SIGNATURES) or sample[4:12].startswith((b"ftyp", b"WEBP")):
        return True
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def looks_like_pdf(data: bytes) -> bool:
    """True for the start of a PDF file: its header may stand anywhere in the first kilobyte."""
    return PDF_MAGIC in data[:BINARY_SAMPLE_BYTES]


def decode_body(data: bytes, content_type: str | None = None) -> str:
    """Decode a page body; undecodable bytes become U+FFFD rather than an error."""
    bom = bom_charset(data)
    if bom:
        return strip_bom(data).decode(bom, errors="replace")
    header = charset_from_header(content_type)
    if header and header.startswith(WIDE_ENCODINGS):
        return data.decode(header, errors="replace")  # UTF-16 text would also pass as "valid UTF-8"
    utf8 = valid_utf8(data)
    if utf8 is not None:
        return utf8
    declared = header or charset_from_meta(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration lies: detect instead
    return data.decode(detect_charset(data), errors="replace")


def valid_utf8(data: bytes) -> str | None:
    """The text if the bytes are valid UTF-8; plain ASCII counts (every ASCII-compatible charset agrees on it)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
