"""The digests and queries bench.storage measures with: generated from the development pages.

Digests take their text from the development pages (their reference text and metadata) with
variations: a random run of each page's paragraphs, sometimes a paragraph of another page, a varied
title, one of 300 sites (half of them from five big ones), a date between 2019 and 2026. History:
one big chat holds 10% of the digests, 200 chats share the rest, and 5% of digests are also saved
in a second chat. Query words are drawn from the pages' own text, so most queries find something.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from bench.sets.datasets import dev_pages
from digest.model import Digest, Quote
from storage.query import PREFIX_MIN_CHARS

BIG_CHAT = 1
ORDINARY_CHATS = range(100, 300)
BIG_CHAT_SHARE = 0.10
SHARED_SHARE = 0.05
SITES = ["rt.com", "bbc.co.uk", "theguardian.com", "nytimes.com", "lemonde.fr"] + [f"news{n}.example" for n in range(295)]
SITE_WEIGHTS = [15, 10, 10, 8, 7] + [50 / 295] * 295  # half of all digests from five big sites
FIRST_DAY, DAYS = date(2019, 1, 1), 8 * 365
WORD = re.compile(r"[^\W\d_]{4,}")
QUOTED = re.compile(r"[“\"«]([^”\"»]{20,200})[”\"»]")
PREFIX_CHARS = PREFIX_MIN_CHARS + 1  # "elec": a prefix shared by many words
QUERY_KINDS = ("one word", "three words", "prefix", "phrase", "site:", "word after:", "after: before:", "word -word")


class Source:
    """One development page, cut into what the generator mixes."""

    def __init__(self, title: str, site: str | None, paragraphs: list[str]) -> None:
        self.title = title
        self.site = site
        self.paragraphs = paragraphs
        self.words = sorted({w for p in paragraphs for w in WORD.findall(p)})
        self.phrases = [" ".join(words[i:i + 3]) for p in paragraphs for words in [WORD.findall(p)]
                        for i in range(0, max(0, len(words) - 3), 7)]


def load_sources() -> list[Source]:
    sources = []
    for page in dev_pages():
        paragraphs = [p for p in page.expected_text.split("\n\n") if len(p) > 40]
        if len(paragraphs) >= 2:
            sources.append(Source(page.title or paragraphs[0][:80], page.site, paragraphs))
    return sources


def compose(n: int, sources: list[Source], rng: random.Random) -> tuple[Digest, list[str]]:
    """A plausible digest and the paragraphs its body joins: a run of one page's paragraphs,
    sometimes with another page's paragraph."""
    source = rng.choice(sources)
    count = len(source.paragraphs)
    start = rng.randrange(max(1, count // 4))
    paragraphs = source.paragraphs[start:start + max(2, int(count * rng.uniform(0.6, 1.0)))]
    if rng.random() < 0.3:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(rng.choice(sources).paragraphs))
    body = "\n\n".join(paragraphs)
    title = rng.choice([source.title, f"{source.title} ({n})", f"Update: {source.title}", f"{source.title}, day {n % 90}"])
    quotes = tuple(Quote(text=q, speaker=rng.choice([None, "a spokesperson", "the minister"]))
                   for q in QUOTED.findall(body)[:2])
    site = rng.choices(SITES, SITE_WEIGHTS)[0]
    digest = Digest(
        title=title, summary=body[:400].rsplit(" ", 1)[0], body=body, url=f"https://www.{site}/articles/{n}",
        site=source.site or site, published=FIRST_DAY + timedelta(days=rng.randrange(DAYS)), quotes=quotes,
        language="en",
    )
    return digest, paragraphs


def chat_of(rng: random.Random) -> int:
    return BIG_CHAT if rng.random() < BIG_CHAT_SHARE else rng.choice(ORDINARY_CHATS)


def queries(kind: str, sources: list[Source], rng: random.Random, count: int) -> list[str]:
    """`count` queries of one of QUERY_KINDS."""
    made: list[str] = []
    while len(made) < count:
        source = rng.choice(sources)
        if kind == "one word":
            made.append(rng.choice(source.words))
        elif kind == "three words":
            paragraph = WORD.findall(rng.choice(source.paragraphs))
            if len(paragraph) >= 3:
                made.append(" ".join(rng.sample(paragraph, 3)))
        elif kind == "prefix":
            made.append(rng.choice(source.words)[:PREFIX_CHARS])
        elif kind == "phrase" and source.phrases:
            made.append(f'"{rng.choice(source.phrases)}"')
        elif kind == "site:":
            made.append(f"site:{rng.choices(SITES, SITE_WEIGHTS)[0]}")
        elif kind == "word after:":
            made.append(f"{rng.choice(source.words)} after:{_day(rng)}")
        elif kind == "word -word":  # two words of one page: the exclusion removes some of the first's matches
            made.append(f"{rng.choice(source.words)} -{rng.choice(source.words)}")
        elif kind == "after: before:":
            first = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 90))
            made.append(f"after:{first.isoformat()} before:{(first + timedelta(days=rng.randrange(7, 90))).isoformat()}")
    return made


def _day(rng: random.Random) -> str:
    return (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
