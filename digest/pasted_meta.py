"""Headline, standfirst, publication date and publisher of a pasted page, read around the article.

Every choice looks at the lines just before the article run that `digest.pasted` found: that is
where a page puts its headline, deck, byline and date. Nothing here guesses from far away except
the publisher, which a page names in its copyright line and masthead.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from urllib.parse import urlsplit

from digest.blocks import (
    CJK,
    Line,
    ends_sentence,
    is_byline,
    is_code,
    is_copyright,
    is_dateline,
    is_icon_labels,
    is_junk,
    is_list_item,
    is_markup,
    is_notice,
    is_title_case,
    looks_like_prose,
)
from digest.dates import find_date
from digest.urls import site_from_host

HEADLINE_WINDOW = 40  # lines before the article where the headline may stand
HEADLINE_INSIDE = 4  # or among the first lines of the article run (a long headline reads like prose)
HEADLINE_MAX_WORDS = 30
HEADLINE_MIN_CHARS = 8
LEAD_WORDS = 200  # the article's opening words, which the headline usually echoes
OVERLAP_WEIGHT = 4.0  # share of the headline's words found in the lead
REPEAT_BONUS = 1.0  # a headline often appears twice (heading and caption, breadcrumb, share text)
DISTANCE_COST = 0.04  # per line between the candidate and the article
FULL_STOP_COST = 3.0
DECK_HEADLINE_SHARE = 0.3  # a headline right above a deck needs this share of the deck's score
HEADLINE_FULL_WORDS = 4  # fewer content words than this earn only part of the overlap ("Also in the News")
HEADLINE_GOOD_WORDS = (4, 20)  # headlines are rarely shorter or longer than this
GOOD_LENGTH_BONUS = 1.0
DATED_BONUS = 1.0  # a date right under or over the line: the headline's dateline
DATED_REACH = 2  # lines either side  # a headline rarely ends with a full stop; a sentence of the lead does
CONTENT_TOKEN = re.compile(r"[^\W\d_]{4,}")

STANDFIRST_WINDOW = 8  # lines after the headline where a deck may stand
STANDFIRST_MAX_WORDS = 80
DECK_MIN_WORDS = 8

DATE_BEFORE_HEADLINE = 3  # a dateline may stand just above the headline (kicker, date, headline)
DATE_INTO_ARTICLE = 3  # or in the first lines of the article run (byline, date)
PUBLISHED_CUE = re.compile(
    r"\b(?:published|posted|updated|first published|publié|mis à jour|veröffentlicht|aktualisiert|publicado|"
    r"atualizado|actualizado|pubblicato|aggiornato|опубликовано|обновлено|publikováno|aktualizováno|opublikowano)\b",
    re.IGNORECASE,
)


def content_tokens(text: str) -> set[str]:
    """Lower-case words of three letters or more; CJK text as character pairs."""
    tokens = {token.casefold() for token in CONTENT_TOKEN.findall(CJK.sub(" ", text))}
    cjk = "".join(CJK.findall(text))
    tokens.update(cjk[i:i + 2] for i in range(len(cjk) - 1))
    return tokens


def could_be_headline(line: Line) -> bool:
    if is_junk(line) or is_list_item(line) or is_byline(line) or len(line.text) < HEADLINE_MIN_CHARS:
        return False
    if line.words > HEADLINE_MAX_WORDS or line.words < 2 and not CJK.search(line.text):
        return False
    found = find_date(line.text)
    return not (found and found[2] - found[1] > len(line.text) / 2)  # a date line is no headline


def headline_score(line: Line, lead: set[str], distance: int, dated: bool) -> float:
    """How much a line looks like this story's headline (the weights are named above)."""
    words = content_tokens(line.text)
    overlap = len(words & lead) / len(words) if words else 0.0
    score = OVERLAP_WEIGHT * overlap * min(1.0, len(words) / HEADLINE_FULL_WORDS) - DISTANCE_COST * distance
    if line.repeats > 1:
        score += REPEAT_BONUS
    if dated:
        score += DATED_BONUS
    if HEADLINE_GOOD_WORDS[0] <= line.words <= HEADLINE_GOOD_WORDS[1] or CJK.search(line.text):
        score += GOOD_LENGTH_BONUS
    if line.text.endswith("."):
        score -= FULL_STOP_COST
    return score


def has_date(line: Line) -> bool:
    return find_date(line.text) is not None


def headline_over_deck(candidates: list[tuple[float, Line]], best_score: float, best: Line) -> Line:
    """When the winner reads as a deck and the line right above it as a headline, take the headline:
    the deck echoes the lead even more than the headline does."""
    if not looks_like_deck(best):
        return best
    for score, line in candidates:
        if (line.index == best.index - 1 and line.words >= HEADLINE_GOOD_WORDS[0]
                and score >= DECK_HEADLINE_SHARE * best_score and not line.text.endswith(".")):
            return line
    return best


def find_headline(lines: list[Line], start: int, body: list[Line]) -> Line | None:
    """The line that states the story: near the article, echoed by its lead, not a menu item."""
    lead_text = " ".join(line.text for line in body)
    lead = content_tokens(" ".join(lead_text.split()[:LEAD_WORDS]) if " " in lead_text else lead_text[:LEAD_WORDS * 2])
    window = lines[max(0, start - HEADLINE_WINDOW):start]
    for line in lines[start:start + HEADLINE_INSIDE]:  # the run may open with its headline, before any sentence
        if ends_sentence(line.text):
            break
        window.append(line)
    dated = {line.index for line in window if has_date(line)}
    candidates = [
        (headline_score(line, lead, start - line.index,
                        any(abs(index - line.index) <= DATED_REACH and index != line.index for index in dated)), line)
        for line in window
        if could_be_headline(line)
    ]
    if not candidates:
        return None
    best_score, chosen = max(candidates, key=lambda pair: pair[0])
    chosen = headline_over_deck(candidates, best_score, chosen)
    return next(line for line in lines if line.text == chosen.text)  # its first showing is the headline


def looks_like_deck(line: Line) -> bool:
    """A sentence-like line under a headline; a deck may lack the final full stop."""
    return (line.words >= DECK_MIN_WORDS and not is_title_case(line.text) and not is_junk(line)
            and not is_dateline(line) and not is_byline(line))


def find_standfirst(lines: list[Line], headline: Line | None, start: int, body: list[Line]) -> Line | None:
    """The deck under the headline: prose set apart from the article's first paragraph."""
    if headline is None:
        return None
    first = next((line for line in body if looks_like_prose(line)), None)
    for line in lines[headline.index + 1:headline.index + 1 + STANDFIRST_WINDOW]:
        if line.index > start:
            break
        if not looks_like_deck(line) or line.words > STANDFIRST_MAX_WORDS or line.text == headline.text:
            continue
        if line.index < start:
            return line
        # the run's first line is a deck when something that is not prose follows it
        following = lines[line.index + 1] if line.index + 1 < len(lines) else None
        if line is first and following is not None and not looks_like_prose(following):
            return line
        break
    return None


def is_boilerplate(line: Line) -> bool:
    """Icon labels, markup, copyright and notices: their dates are not the article's."""
    return is_icon_labels(line) or is_markup(line) or is_copyright(line) or is_notice(line)


def find_published(lines: list[Line], headline: Line | None, start: int) -> datetime | date | None:
    """A date near the headline; else one a line announces ("Published ..."); else none."""
    anchor = headline.index if headline is not None else start
    near = []
    for line in lines[max(0, anchor - DATE_BEFORE_HEADLINE):start + DATE_INTO_ARTICLE]:
        found = find_date(line.text)
        if found and not is_boilerplate(line):  # a date inside junk may confirm, never decide
            near.append((abs(line.index - anchor), line.index < anchor, found[0]))
    if near:
        return min(near, key=lambda item: item[:2])[2]
    for line in lines:
        if PUBLISHED_CUE.search(line.text):
            found = find_date(line.text)
            if found:
                return found[0]
    return None


# --- publisher -----------------------------------------------------------------------------------

UPPER_START = "A-ZÀÁÂÄÇÉÈÊÍÓÔÖÚÜА-ЯЁ"
NAME_WORD = rf"(?:[{UPPER_START}0-9]|[a-z]+(?=[A-Z]))[\w&!'’\-]*(?:\.[\w&!'’\-]+)*"  # "Le Monde.fr", "eHow", "CNNMoney"
NAME = rf"{NAME_WORD}(?:\s(?:(?:de|of|the|du|des|da|do|für|&|en)\s)?[{UPPER_START}][\w&!'’\-]*(?:\.[\w&!'’\-]+)*){{0,3}}"
YEARS = r"(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?"
COPYRIGHT_HOLDER = re.compile(  # "© 2022 Городские новости. Все права защищены." -> "Городские новости"
    rf"(?:©|(?<![\w(])\(c\)(?=\s+(?:\d|[A-Z]))|(?i:copyright))\s*(?:©\s*)?(?i:copyright\s*)?(?:{YEARS},?\s*)?(?i:by\s+)?"
    rf"(?P<name>[^\W\d_][^.,|©\n]{{1,60}}?(?:\.(?=\w)[^.,|©\n]{{0,30}}?)*)"
    rf"(?=\s*(?:[.,|](?:\s|$)|[.,|]?\s*$|,?\s+{YEARS}|\s+(?i:all|alle|todos|tous|tutti|все|všechna|wszelkie)\b))",
)
HOLDER_BEFORE = re.compile(rf"^(?P<name>\w[\w&!'’\-]*(?:\.[\w&!'’\-]+)*(?:\s[\w&!'’\-.]+){{0,3}}?)[®,]?\s*(?:\d{{4}}(?:\s*[-–—]\s*\d{{4}})?\s*)?©")  # "topicseed, 2018-2019 ©"
BRAND_BEFORE = re.compile(  # "Follow Lifehacker", "Contact BBC News", "More from Kotaku", "Work at The Telegraph"
    r"^(?i:about|follow|contact|more from|more on|welcome to|subscribe to|sign up for|support|join|advertise (?:on|with)|"
    rf"write for|work at|inside|discover|block for|channel|popular now on)\s+(?P<name>{NAME})$",
)
BRAND_AFTER = re.compile(  # "RT News App", "The Verge homepage", "CNNMoney Sponsors", "RT Privacy policy"
    rf"^(?P<name>{NAME}?)\s+(?i:homepage|home page|app|news app|features|privacy policy|sitemap|site map|"
    rf"services|sponsors|newsletters?|podcasts?|store|shop|staff|leadership|daily|community)$",
)
LEGAL_SUFFIX = re.compile(r",?\s+(?:inc|llc|ltd|limited|gmbh|s\.a|sa|plc|corp|corporation|co|group)\.?$", re.IGNORECASE)
CORPORATE = re.compile(
    r"\b(?:media|interactive|group|network|software|inc|corporation|corp|holdings?|publishing|trust|foundation|"
    r"company|ltd|llc|gmbh|ag|plc|medien|verlag|éditions|editora|s\.a\.?)\b", re.IGNORECASE)
LEGAL_PREFIX = re.compile(r"^(?:S\.?A\.?|AO|OOO|ООО|АО|ЗАО|ПАО)\s+")  # "SA LA NACION", "АО «Коммерсантъ»"
TRAILING_WORDS = re.compile(r"\s+(?:all|alle|todos|tous|все|tutti|the)$", re.IGNORECASE)
HOLDER_NOISE = re.compile(r"^(?:all|todos|tous|alle|tutti|copyright|us|we|me|you|our|nous|uns)\b", re.IGNORECASE)  # "© All rights reserved"
BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»]\s+")  # "Mac & i > News > 2015 > ..."
BREADCRUMB_MIN_PARTS = 3
BREADCRUMB_MAX_WORDS = 5  # each step but the last (the headline) is a short section name
BREADCRUMB_BONUS = 2  # a breadcrumb's root is the site (or its section's publication)
HOME = re.compile(r"^(?:home|start|startseite|accueil|inicio|início|главная|úvod|strona główna|news)$", re.IGNORECASE)
MASTHEAD_LINES = 1  # the page's first lines often name it
MASTHEAD_MAX_WORDS = 4
BRAND_MIN_MENTIONS = 2
LONGER_NAME_SHARE = 3  # "Quanta Magazine" beats "Quanta" when it has a third of its mentions
COPYRIGHT_BONUS = 2  # the copyright line names the owner, usually the publisher
BRAND_BONUS = 1  # each line that presents the name as the site's ("RT News App", "Follow Lifehacker")


def clean_name(name: str) -> str:
    name = LEGAL_PREFIX.sub("", name.strip(" ,-–—:®.|"))
    name = TRAILING_WORDS.sub("", LEGAL_SUFFIX.sub("", name)).strip(" ,-–—:®|")
    return name


def site_candidates(lines: list[Line], headline: str | None) -> dict[str, int]:
    """Names the page calls itself, each with its bonus (copyright holders count extra)."""
    found: dict[str, int] = {}
    for line in lines:
        if line.words > 40:
            continue
        for pattern, bonus in ((COPYRIGHT_HOLDER, COPYRIGHT_BONUS), (HOLDER_BEFORE, COPYRIGHT_BONUS),
                               (BRAND_BEFORE, BRAND_BONUS), (BRAND_AFTER, BRAND_BONUS)):
            match = pattern.search(line.text) if pattern is COPYRIGHT_HOLDER else pattern.match(line.text)
            if match:
                name = clean_name(match.group("name"))
                if len(name) >= 2 and not name.isdigit() and not HOLDER_NOISE.match(name):
                    if bonus == COPYRIGHT_BONUS and CORPORATE.search(match.group("name")):
                        bonus = BRAND_BONUS  # "Vox Media, Inc.", "Demand Media": the owner, not the site's name
                    found[name] = found.get(name, 0) + bonus
    for line in lines:
        crumbs = BREADCRUMB_SEPARATOR.split(line.text)
        if (len(crumbs) >= BREADCRUMB_MIN_PARTS and line.words <= 40 and not is_code(line)
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


def mentions(name: str, texts: list[str]) -> int:
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
        return max(longer)[2] if longer else best[2]
    if url:
        return site_from_host(urlsplit(url).hostname or "")
    return None
