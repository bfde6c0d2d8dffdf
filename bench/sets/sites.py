"""Site keys and folds, for cross-validation by site.

A rule or weight tuned on one site's pages must be scored on other sites: pages are grouped by
site and every site falls in one fold, chosen by a stable hash, so the folds are the same on
every run and on every machine.

- Mercury pages: the registered domain of the reference `url` (www.nytimes.com--feature -> nytimes.com).
- Readability.js pages and their pastes: the page name without its -N suffix (nytimes-3 -> nytimes).
- Golden pages: the folder name without its html-/pasted- prefix and -N suffix (html-bbc-1 -> bbc).

The fold is hashed from the site's *brand*, the key without its public suffix (nytimes.com ->
nytimes), so the same publisher lands in the same fold in every set, and a model fitted on the
other folds of all sets never saw it.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

DEFAULT_FOLDS = 5
# Second-level public suffixes seen in news addresses; a short list, not the Public Suffix List.
TWO_LEVEL_SUFFIXES = frozenset({
    "co.uk", "org.uk", "ac.uk", "gov.uk", "co.jp", "ne.jp", "or.jp", "go.jp", "ac.jp", "com.au", "net.au",
    "org.au", "com.br", "com.cn", "com.tw", "com.hk", "co.kr", "co.nz", "co.in", "com.mx", "com.ar", "co.za",
})
NUMBERED = re.compile(r"-\d+$")


def registered_domain(url: str | None) -> str:
    """"http://www.bbc.co.uk/news/x" -> "bbc.co.uk"; "" for no address."""
    host = (urlsplit(url or "").hostname or "").lower().rstrip(".")
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    keep = 3 if ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES else 2
    return ".".join(labels[-keep:])


def page_site(name: str) -> str:
    """A development or golden page's site: its name without the -N suffix (nytimes-3 -> nytimes)."""
    return NUMBERED.sub("", name)


def golden_site(slug: str) -> str:
    """A golden page's site: html-bbc-1 -> bbc and pasted-nytimes-3 -> nytimes, so it shares its fold with the
    development pages of that site (a golden paste is often one of theirs, and must not be trained on)."""
    return page_site(slug.removeprefix("html-").removeprefix("pasted-"))


def brand(site_key: str) -> str:
    """The site key without its public suffix: nytimes.com -> nytimes, bbc.co.uk -> bbc, nytimes -> nytimes."""
    labels = site_key.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES:
        return ".".join(labels[:-2])
    return ".".join(labels[:-1]) if len(labels) >= 2 else site_key


def fold_of(site_key: str, folds: int = DEFAULT_FOLDS) -> int:
    """A stable fold number in [0, folds): sha1 of the brand, not Python's per-process hash()."""
    digest = hashlib.sha1(brand(site_key).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % folds
