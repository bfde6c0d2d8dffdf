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

from digest.blocks import CJK, Line, ends_sentence, is_junk, looks_like_prose
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
HEADLINE_FULL_WORDS = 4  # fewer content words than this earn only part of the overlap ("Also in the News")
HEADLINE_GOOD_WORDS = (4, 20)  # headlines are rarely shorter or longer than this
GOOD_LENGTH_BONUS = 1.0
DATED_BONUS = 1.0  # a date right under or over the line: the headline's dateline
DATED_REACH = 2  # lines either side  # a headline rarely ends with a full stop; a sentence of the lead does
BYLINE = re.compile(r"^(?:by|von|par|por|di|de|от|autor|автор)\s+\S", re.IGNORECASE)
CONTENT_TOKEN = re.compile(r"[^\W\d_]{4,}")

STANDFIRST_WINDOW = 8  # lines after the headline where a deck may stand
STANDFIRST_MAX_WORDS = 80

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
    if is_junk(line) or BYLINE.match(line.text) or len(line.text) < HEADLINE_MIN_CHARS:
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
    return max(candidates, key=lambda pair: pair[0])[1]


def find_standfirst(lines: list[Line], headline: Line | None, start: int, body: list[Line]) -> Line | None:
    """The deck under the headline: prose set apart from the article's first paragraph."""
    if headline is None:
        return None
    first = next((line for line in body if looks_like_prose(line)), None)
    for line in lines[headline.index + 1:headline.index + 1 + STANDFIRST_WINDOW]:
        if line.index > start or is_junk(line) or BYLINE.match(line.text):
            if line.index > start:
                break
            continue
        if looks_like_prose(line) and line.words <= STANDFIRST_MAX_WORDS and line.text != headline.text:
            if line.index < start:
                return line
            # the run's first line is a deck when something that is not prose follows it
            following = lines[line.index + 1] if line.index + 1 < len(lines) else None
            if line is first and following is not None and not looks_like_prose(following):
                return line
            break
    return None


def find_published(lines: list[Line], headline: Line | None, start: int) -> datetime | date | None:
    """A date near the headline; else one a line announces ("Published ..."); else none."""
    anchor = headline.index if headline is not None else start
    near = []
    for line in lines[max(0, anchor - DATE_BEFORE_HEADLINE):start + DATE_INTO_ARTICLE]:
        found = find_date(line.text)
        if found and not is_junk(line):  # a date inside junk may confirm, never decide
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

COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–—]\s*\d{4})?[,.]?\s*)?(?P<name>[^|.©\n]{2,60}?)"
    r"(?:,?\s*\d{4}(?:\s*[-–—]\s*\d{4})?)?(?:[.,|]|\s+all rights|\s+todos|\s+tous|\s+alle|\s+все|$)",
    re.IGNORECASE,
)
LEGAL_SUFFIX = re.compile(r",?\s+(?:inc|llc|ltd|limited|gmbh|s\.a|sa|plc|corp|corporation|co)\.?$", re.IGNORECASE)
HOLDER_NOISE = re.compile(r"^(?:copyright|all rights reserved|\d+)$", re.IGNORECASE)
BRAND_LINE_MAX_WORDS = 5  # "RT News App", "Follow Lifehacker": a brand shows on short lines
BRAND_MIN_LINES = 2
DOMAIN = re.compile(r"\b(?:www\.)?((?:[a-z0-9-]+\.)+(?:com|org|net|ru|de|fr|es|it|pt|br|cz|pl|uk|nl|info|io|news))\b",
                    re.IGNORECASE)


def copyright_holders(lines: list[Line]) -> list[str]:
    """Names after "©" or "Copyright", without years, legal suffixes and quotes."""
    holders = []
    for line in lines:
        for match in COPYRIGHT_HOLDER.finditer(line.text):
            name = LEGAL_SUFFIX.sub("", match.group("name").strip(" ,-–—:®")).strip()
            if name and not HOLDER_NOISE.match(name):
                holders.append(name)
    return holders


def brand_prefixes(lines: list[Line]) -> Counter[str]:
    """First words shared by several short lines ("RT News App", "RT Features", "RT Privacy policy")."""
    counts: Counter[str] = Counter()
    for line in lines:
        words = line.text.split()
        if 2 <= len(words) <= BRAND_LINE_MAX_WORDS and words[0][:1].isupper():
            counts[words[0]] += 1
    return counts


def find_site(lines: list[Line], url: str | None) -> str | None:
    """The publisher named by the text: a copyright holder the page also shows as a brand, else the
    holder itself; else the address's domain; else None."""
    holders = copyright_holders(lines)
    if holders:
        text = "\n".join(line.text for line in lines)
        brands = brand_prefixes(lines)
        # a short brand that heads several lines near the copyright ("RT News App" beside "© TV-Novosti")
        named = [brand for brand, count in brands.most_common() if count >= BRAND_MIN_LINES
                 and brand.isupper() and len(brand) <= 5 and any(brand in h for h in holders) is False
                 and text.count(f"{brand} ") >= BRAND_MIN_LINES + 1]
        holder = holders[-1]
        if text.count(holder) >= BRAND_MIN_LINES or not named:
            return holder
        return named[0]
    if url:
        return site_from_host(urlsplit(url).hostname or "")
    return None
