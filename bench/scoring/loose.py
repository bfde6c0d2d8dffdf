"""Loose checks for the values Mercury's tests assert, fair to a reader who is not Mercury.

- Date: the reference is a UTC instant taken after a site timezone was applied, so its day can
  differ from the day the page prints. Ours matches when its UTC day is the reference's day; when
  ours carries no offset (a naive time or a bare date) or the reference is a bare day, a day either
  side also matches, and the match is counted apart as "lenient".
- First words: Mercury's text glues elements ("186 cmAvailable") and splits on whitespace, so both
  sides are compared without spaces and punctuation: the first words must stand in our body's
  first N + FIRST_WORDS_SLACK whitespace words.
- Dek: the summary contains it (or its first sentence, since a summary is capped in length).
- Author: the byline contains the reference name or the reverse, names compared loosely.
- Site: there is no reference publisher, only the address; "the site agrees with the host" is a
  proxy: the name without spaces, punctuation and case is in the host, the brand is in the name,
  or the name's acronym is in the brand.
- Body of a paste: Mercury asserts only the first words, so the article's end is judged against our
  HTML reader's article of the same page (body F1 0.97 on the Readability.js pages, and it sees the
  DOM the paste lost), on the pages where that article opens with Mercury's first words: 4-gram
  precision and recall (a proxy: "precision" means agreeing with our HTML reader), and the words our
  body holds after the last paragraph that reader also has (`words_after_end`: related stories,
  comments, a footer appended to the article).
- Site where the publisher is visible (pasted only; `publisher_visible`, `publisher_spells_brand`): the
  brand is the address's registered domain without its public suffix ("theverge" of www.theverge.com).
  It counts as visible when the paste writes that domain ("theverge.com", any case), or a run of one to
  four capitalised words whose letters and digits, case folded, are the brand ("The Verge", "Ars
  Technica", "NPR"). Our publisher is right when its letters are the brand, or the brand with "the"
  before it, or the registered domain itself ("Space.com"), or the name's initials are the brand ("The Wall
  Street Journal" for wsj) or the initials of its first words and the rest ("Los Angeles Times" for latimes,
  "New York Daily News" for nydailynews), or the name is words that spell the brand and at most one more
  word that is no company word ("BuzzFeed News", "Hamburger Abendblatt", "The Motley Fool", "CNET Japan"; not "Bloomberg
  L.P." or "Yahoo News Photo").
  Pages whose brand is shorter than VISIBLE_BRAND_MIN_CHARS letters (go.com of abcnews.go.com) or written
  another way ("Los Angeles Times" for latimes) are not counted: the rule sees no name there.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

from bench.scoring.extraction import shingles
from bench.sets.sites import brand, registered_domain

FIRST_WORDS_SLACK = 30  # words of menu, byline or caption a fair body may open with before the article
DEK_SENTENCE_MIN_WORDS = 5  # a dek's first sentence shorter than this is no evidence on its own
AUTHOR_MIN_CHARS = 4
BRAND_MIN_CHARS = 4  # "go" (abcnews.go.com) or "cnn" in a name says little
ACRONYM_SKIPS = frozenset({"the", "of", "and", "for", "a", "de", "la", "le", "el"})
BY = re.compile(r"^\s*(?:by|von|par|por)\s+", re.IGNORECASE)
SHARED_PARAGRAPH = 0.5  # a paragraph with this share of its 4-grams in the reference article is the article's


def compact(text: str | None) -> str:
    """Letters and digits only, case folded: what a reader compares when spacing and punctuation differ."""
    text = unicodedata.normalize("NFKC", html.unescape(text or "")).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def reference_day(reference: str) -> date:
    return date.fromisoformat(reference[:10])


def in_page_zone(reference: str, published: datetime) -> date:
    """The reference's day in the zone our value carries: Mercury turns a page's local time into
    UTC with a zone of its own guessing (phoronix's "08:34 PM EDT" as 12:34Z, sect.iij's midnight
    JST as the day before), so the UTC days differ where the page's own days agree."""
    instant = datetime.fromisoformat(reference.replace("Z", "+00:00"))
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    return instant.astimezone(published.tzinfo).date()


def date_match(reference: str | None, published: datetime | date | None) -> tuple[bool | None, bool]:
    """(match, lenient): None where there is no reference; lenient when only the one-day slack made it."""
    if not reference:
        return None, False
    if published is None:
        return False, False
    want = reference_day(reference)
    has_offset = isinstance(published, datetime) and published.utcoffset() is not None
    ours = published.astimezone(timezone.utc).date() if has_offset else (
        published.date() if isinstance(published, datetime) else published)
    if ours == want:
        return True, False
    if has_offset and len(reference) > 10 and in_page_zone(reference, published) == published.date():
        return True, True  # the same day in the page's own zone: Mercury's "Z" is a local date it shifted
    slack = not has_offset or len(reference) <= 10
    return (True, True) if slack and abs(ours - want) <= timedelta(days=1) else (False, False)


def first_words_match(first_words: str | None, n: int, body: str) -> bool | None:
    """The reference's first words within the start of our body (None: nothing asserted)."""
    wanted = compact(first_words)
    if not wanted:
        return None
    window = body.split()[: max(n, len(first_words.split())) + FIRST_WORDS_SLACK]
    return wanted in compact(" ".join(window))


def dek_match(dek: str | None, summary: str) -> bool | None:
    """The summary carries the standfirst (None: the page has none)."""
    if not dek:
        return None
    ours = compact(summary)
    if compact(dek) in ours:
        return True
    first = re.split(r"(?<=[.!?。！？])\s+", dek.strip(), maxsplit=1)[0]
    return len(first.split()) >= DEK_SENTENCE_MIN_WORDS and compact(first) in ours


def author_match(reference: str | None, byline: str | None) -> bool | None:
    if not reference:
        return None
    want, got = compact(BY.sub("", reference)), compact(BY.sub("", byline or ""))
    if len(got) < AUTHOR_MIN_CHARS:
        return False
    return want == got or (len(want) >= AUTHOR_MIN_CHARS and (want in got or got in want))


def acronym(name: str) -> str:
    words = [w for w in re.findall(r"\w+", unicodedata.normalize("NFKC", name).casefold()) if w not in ACRONYM_SKIPS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def site_agrees_with_host(site: str | None, url: str | None) -> bool | None:
    """The proxy for publisher correctness (None: no address to compare with)."""
    host = (urlsplit(url or "").hostname or "").lower()
    if not host:
        return None
    if not site:
        return False
    name, host_letters = compact(site), compact(host.removeprefix("www."))
    label = compact(brand(registered_domain(url)))
    short = acronym(site)
    return bool(name) and (
        name in host_letters
        or (len(label) >= BRAND_MIN_CHARS and label in name)
        or (len(short) >= 2 and short in label)
    )


VISIBLE_BRAND_MIN_CHARS = 3  # "NPR" and "CNN" are names a reader sees; "go" is not
EXTRA_WORDS = 1  # "Hamburger Abendblatt" is abendblatt's name; "Yahoo News Photo" is a caption's credit
COMPANY_WORD = re.compile(r"^(?:inc|llc|ltd|lp|l\.p|corp|corporation|company|group|media|industries|holdings|"
                          r"interactive|partners|network|publishing|gmbh|ag|plc)\.?$", re.IGNORECASE)
NAME_WORD = re.compile(r"[^\W_][\w'’&.\-]*")
RUN_MAX_WORDS = 4


def brand_letters(url: str | None) -> str:
    """ "https://www.theverge.com/x" -> "theverge" (letters and digits, case folded); "" when too short."""
    label = compact(brand(registered_domain(url)))
    return label if len(label) >= VISIBLE_BRAND_MIN_CHARS else ""


def capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or any(ch.isupper() for ch in word)


def publisher_visible(url: str | None, text: str) -> bool | None:
    """The page's brand written in the paste, as its domain or as capitalised words (None: no brand to look for)."""
    label = brand_letters(url)
    if not label:
        return None
    domain = registered_domain(url)
    if re.search(rf"(?<![\w.-]){re.escape(domain)}(?![\w-])", text, re.IGNORECASE):
        return True
    words = NAME_WORD.findall(text)
    for start, word in enumerate(words):
        if not capitalised(word) or compact(word)[:1] != label[:1]:
            continue
        joined = ""
        for following in words[start:start + RUN_MAX_WORDS]:
            if not capitalised(following):
                break
            joined += compact(following)
            if joined == label:
                return True
            if not label.startswith(joined):
                break
    return False


def shortenings(name: str) -> set[str]:
    """ "The New York Times" -> "nytimes", "Los Angeles Times" -> "latimes", "New York Daily News" ->
    "nydailynews": the initials of the first words, then the other words in full."""
    words = [compact(word) for word in name.split() if compact(word) and compact(word) not in ACRONYM_SKIPS]
    return {"".join(word[0] for word in words[:cut]) + "".join(words[cut:]) for cut in range(1, len(words))}


def publisher_spells_brand(site: str | None, url: str | None) -> bool | None:
    """Our publisher names the page's brand (None: no brand to compare with); see the module's note."""
    label = brand_letters(url)
    if not label:
        return None
    if not site:
        return False
    name = compact(site)
    if name in {label, f"the{label}", compact(registered_domain(url))} or label == acronym(site) or label in shortenings(site):
        return True
    words = [word for word in site.split() if compact(word) and compact(word) != "the"]
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            if compact(" ".join(words[start:end])) == label:
                others = words[:start] + words[end:]
                return len(others) <= EXTRA_WORDS and not any(COMPANY_WORD.match(word) for word in others)
    return False


def dates_written(reference: str | None) -> set[str]:
    """The days a page may print for a UTC reference: the day and the days either side."""
    if not reference:
        return set()
    day = reference_day(reference)
    return {(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)}


def words_after_end(reference: str, body: str) -> int:
    """Words of `body` after its last paragraph that shares SHARED_PARAGRAPH of its 4-grams with `reference`
    (all of them when none does). Paragraphs too short for a 4-gram neither end nor extend the article."""
    known = shingles(reference)
    after = 0
    for paragraph in reversed(body.split("\n")):
        grams = shingles(paragraph)
        if grams and sum((grams & known).values()) >= SHARED_PARAGRAPH * sum(grams.values()):
            return after
        after += len(paragraph.split())
    return after
