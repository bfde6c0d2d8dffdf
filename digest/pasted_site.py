"""The publisher of a pasted page, as the page names itself.

A page names its publisher in its copyright line ("© 2022 Городские новости. Все права
защищены."), in brand lines ("RT News App", "Follow Lifehacker", "Contact BBC News"), in a
breadcrumb's root ("Mac & i > News > ...") and in its masthead (the first line). Each name
found gets a bonus for how it was named, plus one per line that mentions it; the best wins.
An owner company ("Vox Media, Inc.") counts less than a brand. Nothing found: a domain standing
alone in the text, else the domain of the page's address, else None.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from digest.blocks import Line, is_code, is_junk
from digest.urls import site_from_host

UPPER_START = "A-ZÀÁÂÄÇÉÈÊÍÓÔÖÚÜА-ЯЁ"
# "Le Monde.fr", "eHow", "CNNMoney", "Folha de S.Paulo": capitalised words, joined by a few particles
NAME_WORD = rf"(?:[{UPPER_START}0-9]|[a-z]+(?=[A-Z]))[\w&!'’\-]*(?:\.[\w&!'’\-]+)*"
NAME = rf"{NAME_WORD}(?:\s(?:(?:de|of|the|du|des|da|do|für|&|en)\s)?[{UPPER_START}][\w&!'’\-]*(?:\.[\w&!'’\-]+)*){{0,3}}"
YEARS = r"(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?"
COPYRIGHT_HOLDER = re.compile(  # "© 2022 Городские новости. Все права защищены." -> "Городские новости"
    rf"(?:©|(?<![\w(])\(c\)(?=\s+(?:\d|[A-Z]))|(?i:copyright))\s*(?:©\s*)?(?i:copyright\s*)?(?:{YEARS},?\s*)?(?i:by\s+)?"
    rf"(?P<name>[^\W\d_][^.,|©\n]{{1,60}}?(?:\.(?=\w)[^.,|©\n]{{0,30}}?)*)"
    rf"(?=\s*(?:[.,|](?:\s|$)|[.,|]?\s*$|,?\s+{YEARS}|\s+(?i:all|alle|todos|tous|tutti|все|všechna|wszelkie)\b|\s*(?:版权所有|版權所有|著作権)))",
)
HOLDER_BEFORE = re.compile(  # "topicseed, 2018-2019 © All rights reserved", "Royal Road® © 2024"
    rf"^(?P<name>\w[\w&!'’\-]*(?:\.[\w&!'’\-]+)*(?:\s[\w&!'’\-.]+){{0,3}}?)[®,]?\s*(?:{YEARS}\s*)?©"
)
BRAND_BEFORE = re.compile(  # "Follow Lifehacker", "Contact BBC News", "More from Kotaku", "Work at The Telegraph"
    r"^(?i:about|follow|contact|more from|more on|welcome to|subscribe to|sign up for|support|join|advertise (?:on|with)|"
    rf"write for|work at|inside|discover|block for|channel|popular now on)\s+(?P<name>{NAME})\s*[»›:!.]?$",
)
BRAND_AFTER = re.compile(  # "RT News App", "The Verge homepage", "CNNMoney Sponsors", "RT Privacy policy"
    rf"^(?P<name>{NAME}?)\s+(?i:homepage|home page|app|news app|features|privacy policy|sitemap|site map|"
    rf"sponsors|podcasts?|staff|leadership)\s*[»›:!.]?$",
)
BRAND_OWNS = re.compile(  # "Sign up for GitLab’s newsletter", "Get Quanta Magazine delivered to your inbox"
    rf"(?:^|\s)(?P<name>{NAME})['’]s\s+(?i:newsletter|app|podcast)\b|^(?i:get)\s+(?P<delivered>{NAME})\s+(?i:delivered)\b",
)
OWNS_HINT = re.compile(r"['’]s (?:newsletter|app|podcast)|^get .* delivered", re.IGNORECASE)
LEGAL_SUFFIX = re.compile(r",?\s+(?:inc|llc|ltd|limited|gmbh|s\.a|sa|plc|corp|corporation|co|group)\.?$", re.IGNORECASE)
CORPORATE = re.compile(
    r"\b(?:media|interactive|group|network|software|inc|corporation|corp|holdings?|publishing|trust|foundation|"
    r"company|ltd|llc|gmbh|ag|plc|medien|verlag|éditions|editora|s\.a\.?)\b", re.IGNORECASE)
LEGAL_PREFIX = re.compile(r"^(?:S\.?A\.?|AO|OOO|ООО|АО|ЗАО|ПАО)\s+")  # "SA LA NACION", "АО «Коммерсантъ»"
TRAILING_WORDS = re.compile(  # "Follow Lifehacker Followed", "Sign up for CityLab Daily": a button's state or a
    r"\s+(?:all|alle|todos|tous|все|tutti|the|follow|followed|following|subscribed|daily|weekly|newsletter)$",
    re.IGNORECASE)  # newsletter's name is no part of the site's name
HOLDER_NOISE = re.compile(  # "© All rights reserved", "About Us"
    r"^(?:all|todos|tous|alle|tutti|copyright|notice|policy|us|we|me|you|our|nous|uns|follow(?:ed|ing)?|subscribed)\b",
    re.IGNORECASE)
BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»]\s+")  # "Mac & i > News > 2015 > ..."
BREADCRUMB_MIN_PARTS = 3
BREADCRUMB_MAX_WORDS = 5  # each step but the last (the headline) is a short section name
BREADCRUMB_BONUS = 2  # a breadcrumb's root is the site (or its section's publication)
HOME = re.compile(r"^(?:home|start|startseite|accueil|inicio|início|главная|úvod|strona główna|news)$", re.IGNORECASE)
NAME_MAX_WORDS = 5  # "IETF Trust and the persons identified as the document authors" is a phrase, not a name
MASTHEAD_LINES = 1  # the page's first line often names it
MASTHEAD_MAX_WORDS = 4
BRAND_MIN_MENTIONS = 2  # a name the page shows once is no evidence (a masthead needs one more)
NAMING_LINE_MAX_WORDS = 40  # copyright, brand and breadcrumb lines are short
LONGER_NAME_SHARE = 3  # "Quanta Magazine" beats "Quanta" when it has a third of its mentions
COPYRIGHT_BONUS = 2  # the copyright line names the owner, usually the publisher
BRAND_BONUS = 1  # each line that presents the name as the site's ("RT News App", "Follow Lifehacker")


def clean_name(name: str) -> str:
    """Without legal forms, trailing "All rights", punctuation and ®."""
    name = LEGAL_PREFIX.sub("", name.strip(" ,-–—:®.|"))
    name = TRAILING_WORDS.sub("", LEGAL_SUFFIX.sub("", name)).strip(" ,-–—:®|")
    return name


def site_candidates(lines: list[Line], headline: str | None) -> dict[str, int]:
    """Names the page calls itself, each with its bonus (copyright holders count extra)."""
    found: dict[str, int] = {}
    for line in lines:
        if line.words > NAMING_LINE_MAX_WORDS:
            continue
        for pattern, bonus in ((COPYRIGHT_HOLDER, COPYRIGHT_BONUS), (HOLDER_BEFORE, COPYRIGHT_BONUS),
                               (BRAND_BEFORE, BRAND_BONUS), (BRAND_AFTER, BRAND_BONUS), (BRAND_OWNS, BRAND_BONUS)):
            if pattern is BRAND_OWNS and not OWNS_HINT.search(line.text):
                continue  # a cheap look first: the full pattern is slow to search
            match = pattern.search(line.text) if pattern in (COPYRIGHT_HOLDER, BRAND_OWNS) else pattern.match(line.text)
            if match:
                raw = match.group("name") or match.groupdict().get("delivered") or ""
                name = clean_name(raw)
                if (len(name) >= 2 and not name.isdigit() and not HOLDER_NOISE.match(name)
                        and len(name.split()) <= NAME_MAX_WORDS):
                    if bonus == COPYRIGHT_BONUS and CORPORATE.search(raw):
                        bonus = BRAND_BONUS  # "Vox Media, Inc.", "Demand Media": the owner, not the site's name
                    found[name] = found.get(name, 0) + bonus
    for line in lines:
        crumbs = BREADCRUMB_SEPARATOR.split(line.text)
        if (len(crumbs) >= BREADCRUMB_MIN_PARTS and line.words <= NAMING_LINE_MAX_WORDS and not is_code(line)
                and all(len(crumb.split()) <= BREADCRUMB_MAX_WORDS for crumb in crumbs[:-1])):
            root = clean_name(crumbs[0])
            if root and not HOME.match(root) and len(root.split()) <= MASTHEAD_MAX_WORDS:
                found[root] = found.get(root, 0) + BREADCRUMB_BONUS
    for line in lines[:MASTHEAD_LINES]:
        if line.words <= MASTHEAD_MAX_WORDS and not is_junk(line) and line.text != headline:
            found.setdefault(clean_name(line.text), 0)
    return found


DOMAIN_LINE = re.compile(r"^(?:https?://)?((?:[\w-]+\.)+(?:com|org|net|info|news|co\.uk|com\.au|[a-z]{2}))/?$",
                         re.IGNORECASE)


def initials(name: str) -> str:
    """ "Medical News Today" -> "MNT": what an acronym of the name would be (two letters or more)."""
    words = [word for word in name.split() if word[:1].isupper()]
    return "".join(word[0] for word in words) if len(words) >= 2 and len(words) == len(name.split()) else ""


def mentions(name: str, texts: list[str]) -> int:
    """How many lines show the name as whole words."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    return sum(1 for text in texts if pattern.search(text))


def domain_in_text(lines: list[Line]) -> str | None:
    """A site's own address standing as a line of its own ("m.heraldsun.com.au", "SMARTASSET.COM")."""
    for line in lines:
        match = DOMAIN_LINE.match(line.text)
        if match:
            return site_from_host(match.group(1).lower())
    return None


def find_site(lines: list[Line], url: str | None, headline: str | None = None) -> str | None:
    """The publisher the text names most: in its copyright line, masthead, and brand lines
    ("RT News App", "Follow Lifehacker"); else the address's domain; else None."""
    texts = [line.text for line in lines]
    scored = []
    for name, bonus in site_candidates(lines, headline).items():
        count = mentions(name, texts)
        if count + bonus >= BRAND_MIN_MENTIONS + (1 if bonus == 0 else 0):
            scored.append((count + bonus, len(name), name))
    if not scored:
        domain = domain_in_text(lines)
        if domain:
            return domain
    if scored:
        best = max(scored)
        longer = [item for item in scored if best[2] in item[2] and item[2] != best[2]
                  and item[0] * LONGER_NAME_SHARE >= best[0]]
        if longer:
            return max(longer)[2]
        spelled = [item for item in scored if item[2] != best[2] and initials(item[2]) == best[2]]
        return max(spelled)[2] if spelled else best[2]  # "MNT" is "Medical News Today" spelled out
    if url:
        return site_from_host(urlsplit(url).hostname or "")
    return None
