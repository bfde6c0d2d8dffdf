"""Addresses: tracking parameters off, and a readable site name from a host.

Pure functions; storage builds its cache keys on `clean_url`.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "yclid", "msclkid", "mc_cid", "mc_eid", "igshid", "twclid",
    "ref", "ref_src", "ref_url", "_ga", "_gl", "__twitter_impression", "cmpid", "ito", "smid", "spm",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "oly_")
DEFAULT_PORTS = {"http": 80, "https": 443}
HOST_PREFIXES = re.compile(r"^(?:www\d*|m|mobile|amp)\.")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def clean_url(url: str) -> str:
    """The same address without tracking parameters, fragment, default port; scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def site_from_host(host: str) -> str | None:
    """A readable name from a domain: "www.theguardian.com" -> "theguardian.com"."""
    host = host.lower().strip(".")
    if not host or re.fullmatch(r"[\d.:\[\]a-f]+", host) and any(ch.isdigit() for ch in host):
        return None  # an IP address names no publisher
    return HOST_PREFIXES.sub("", host)
