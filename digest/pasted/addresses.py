"""The domains a paste writes: the page's own address is a publisher candidate when no brand is shown.

A page writes its own domain in places a reader barely notices: a print header's address
("http://news.example.com/2015/08/..."), a contact address ("corrections@rawstory.com"), a
disclaimer ("LittleThings.com may receive a small cut"), a label ("ClinicalTrials.gov Identifier").
Other sites' domains are written too (a share link, "twitter.com/..."), so each domain found
carries what the publisher model needs to tell them apart: how many lines write it, whether it is
a contact address (a desk's, "corrections@", or a person's), whether it is written with capitals (a brand's spelling), whether at the top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.pasted.lines import Line

# a host: labels and a suffix of letters ("theverge.com", "ClinicalTrials.gov", "m.heraldsun.com.au")
HOST = r"(?:[^\W_][\w-]*\.)+[a-z]{2,4}"  # a suffix in lower case: "Co.Design" is no address
WRITTEN = re.compile(rf"(?<![\w.@/-])(?:https?://)?(?P<host>{HOST})(?![\w-])(?!\.\w)")
EMAIL = re.compile(rf"(?P<mailbox>[\w.+-]+)@(?P<host>{HOST})(?![\w-])")
HOST_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp)\.", re.IGNORECASE)
SECOND_LEVEL = frozenset({"co", "com", "ne", "or", "go", "ac", "org", "net", "gov", "edu"})  # "yomiuri.co.jp"
ROLE_MAILBOX = re.compile(  # a desk's mailbox (RFC 2142's and a newsroom's), not a person's ("joanna@...")
    r"^(?:info|contact|hello|hi|support|help|press|news|newsroom|editor|editors|editorial|corrections|feedback|tips|"
    r"letters|webmaster|admin|team|blog|office|mail|service|privacy|legal|ads|advertising|sales|jobs|careers|"
    r"media|subscriptions|inquiries|enquiries|desk|redaktion|redaction|contacto|kontakt)$", re.IGNORECASE)
TOP_LINES = 5  # the page's first lines: a print header's address, a mobile masthead
DOT_LETTER = re.compile(r"\.[a-z]")  # in every host HOST matches (its suffix's dot): a line without it writes none
FILE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?|jsp|js|css|png|jpe?g|gif|svg|pdf|txt|py|md|json|xml|exe|zip)$",
                         re.IGNORECASE)  # "index.html", "Node.js": a file's or a product's name, no address


@dataclass(slots=True)
class Written:
    """One registered domain as the paste writes it, and where."""

    name: str  # as first written with capitals, else lower case ("LittleThings.com", "rawstory.com")
    lines: set[int]
    email: bool = False
    role: bool = False  # written as a desk's mailbox ("corrections@", "hello@"): the site's own address
    capitals: bool = False
    top: bool = False
    plain: bool = False  # written as an address of its own, not only as a mailbox's host ("pippin@pippinlee.com")


def registered(host: str) -> str:
    """ "news.nationalgeographic.com" -> "nationalgeographic.com", "www.yomiuri.co.jp" -> "yomiuri.co.jp"."""
    parts = HOST_PREFIX.sub("", host).split(".")
    keep = 3 if len(parts) >= 3 and parts[-2].lower() in SECOND_LEVEL else 2
    return ".".join(parts[-keep:])


def written_domains(lines: list[Line]) -> dict[str, Written]:
    """Every registered domain the lines write, keyed by its lower-case form (one pass over the lines)."""
    found: dict[str, Written] = {}
    for line in lines:
        if not DOT_LETTER.search(line.text):
            continue
        mailed = "@" in line.text  # every EMAIL match writes one
        emails = {match.start("host") for match in EMAIL.finditer(line.text)} if mailed else set()
        for pattern in (EMAIL, WRITTEN) if mailed else (WRITTEN,):
            for match in pattern.finditer(line.text):
                host = match.group("host")
                if pattern is WRITTEN and match.start("host") in emails or FILE_SUFFIX.search(host):
                    continue
                domain = registered(host)
                if "." not in domain or domain.split(".")[0].isdigit():
                    continue
                key = domain.lower()
                entry = found.setdefault(key, Written(name=key, lines=set()))
                entry.lines.add(line.index)
                entry.email = entry.email or pattern is EMAIL
                entry.role = entry.role or pattern is EMAIL and ROLE_MAILBOX.match(match.group("mailbox")) is not None
                entry.top = entry.top or line.index < TOP_LINES
                entry.plain = entry.plain or pattern is WRITTEN
                if domain != key and not entry.capitals:
                    entry.name, entry.capitals = domain, True
    return found
