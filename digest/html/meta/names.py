"""How a page names itself, and whether a piece of text is that name: the comparisons the title,
headline and publisher steps share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

NOT_WORD = re.compile(r"[\W_]+")
NAME_MIN_SHARE = 0.6  # a part holding the site's name names the site when the name is most of it ("The Guardian US")
NAME_MIN_CHARS = 3  # "BBC" matches; "a" does not


def key(text: str) -> str:
    """Compare names by their letters and digits only, case-free."""
    return NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def names_match(part: str, names: Iterable[str]) -> bool:
    """Does this title part name the site, its host or the author?"""
    part_key = key(part)
    if len(part_key) < NAME_MIN_CHARS:
        return False
    for name in names:
        name_key = key(name)
        if len(name_key) < NAME_MIN_CHARS:
            continue
        if part_key == name_key or part_key in name_key:
            return True
        if name_key in part_key and len(name_key) >= NAME_MIN_SHARE * len(part_key):
            return True  # "The Guardian US", "Yahoo!ニュース": mostly the name
    return False


def host_names(url: str | None) -> list[str]:
    """"www.theguardian.com" -> ["theguardian.com", "theguardian"]: how titles spell the host."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    if len(labels) < 2:
        return []
    return [".".join(labels[-2:]), labels[-2]]
