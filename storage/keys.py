"""Cache keys: every spelling of one article's link gives the same key, pasted text is keyed by its hash.

A link key drops what never changes the article: the scheme (http and https serve the same
article), host case and `www.`/`m.`/`mobile.`/`amp.` variants, default ports, the fragment,
tracking parameters, parameter order, a trailing slash and AMP path markers. Pages that name
their canonical URL are also reached through that URL's key (the store points it at the digest).
Keys never leave storage/, so they can change with a migration that recomputes them.
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from digest.urls import HOST_PREFIXES, clean_url

LINK_PREFIX = "link:"
TEXT_PREFIX = "text:"

# Query parameters that only ask for the AMP rendering of the same article.
AMP_PARAMS = frozenset({"amp", "outputtype", "amp_js_v", "usqp"})
AMP_PATH_SUFFIX = re.compile(r"/amp/?$", re.IGNORECASE)
AMP_PATH_PREFIX = re.compile(r"^/amp(?=/)", re.IGNORECASE)
AMP_HTML = re.compile(r"\.amp(?=\.html?$)|\.amp$", re.IGNORECASE)
PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Every printable ASCII character stays as written; only spaces and non-ASCII are escaped.
PATH_SAFE = "".join(chr(code) for code in range(33, 127))
WHITESPACE = re.compile(r"\s+")


def link_key(url: str) -> str:
    """The cache key of a link: equal for every spelling of the same address."""
    try:
        cleaned = urlsplit(clean_url(url))
    except ValueError:  # an unparsable port or host: key the text as written
        return LINK_PREFIX + url.strip()
    host = _bare_host(cleaned.netloc)
    path = _normal_path(cleaned.path)
    params = sorted((name, value) for name, value in parse_qsl(cleaned.query, keep_blank_values=True)
                    if name.lower() not in AMP_PARAMS)
    query = f"?{urlencode(params)}" if params else ""
    return f"{LINK_PREFIX}{host}{path}{query}"


def text_key(text: str) -> str:
    """The cache key of pasted text: a hash of the text with case, Unicode form and spacing evened out."""
    normal = WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return TEXT_PREFIX + hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def _bare_host(netloc: str) -> str:
    """`www.example.com:8080` -> `example.com:8080`; a bare `m.com` stays as it is."""
    stripped = HOST_PREFIXES.sub("", netloc)
    return stripped if "." in stripped.split(":")[0] else netloc


def _normal_path(path: str) -> str:
    """Same escapes for the same characters, AMP markers and a trailing slash off."""
    path = PERCENT_ESCAPE.sub(_normal_escape, quote(path, safe=PATH_SAFE))
    path = AMP_PATH_PREFIX.sub("", path)
    path = AMP_PATH_SUFFIX.sub("", path)
    path = AMP_HTML.sub("", path)
    return path.rstrip("/") or "/"


def _normal_escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in UNRESERVED else match.group(0).upper()


QUERY_ID_CHARS = 12  # 60 bits of a hash: fits Telegram's 64-byte button data with room for the offset


def query_id(query: str) -> str:
    """A short id for a saved search: the same query always gets the same id, on every instance."""
    digest = hashlib.sha256(query.encode("utf-8", "surrogatepass")).digest()
    return base64.b32encode(digest).decode()[:QUERY_ID_CHARS].lower()
