"""The standfirst a summary opens with: the one the reader found under the headline, else the page's own
description when an editor wrote it for this article.

Many pages mark no standfirst in their body but carry it as their description (`<meta name="description">`,
og:description): "Motorola teases a new phone to launch at MWC." above a lead that says it at length. Those
words are the page's summary of itself, so the digest's summary opens with them, as it does with a marked
standfirst. A description is taken only when it reads as one for this article:

- most of its words are the article's (`ABOUT_THE_ARTICLE_SHARE`): not a site-wide line ("PHP/HTML5/CSS3...
  の最新技術情報をお届け", "116,891 votes and 5,717 comments so far on Reddit");
- the article does not open with it already, nor with nearly all its words (a description copied from the
  lead, or the lead reworded, adds nothing; the article's own sentence is better); a description copied from a
  sentence further down is taken: the editor chose that sentence of the article as its summary;
- it is not cut off ("...", "…", a last sentence with no end): a truncated lead is no standfirst;
- it does not describe the site ("The website of ...", "Welcome to ...", "this site").
A found standfirst that is only a label, a few words and no sentence's end ("Tensions entre Pékin et
Washington", a kicker or section line the page set under its headline), gives way to such a description.
The caller still checks that it reads as prose (no headline, caption, promo).
"""

from __future__ import annotations

import re

from digest.model import Article

ABOUT_THE_ARTICLE_SHARE = 0.5  # of the description's words (CJK: character pairs), this share must be the article's
LEAD_PREFIX_CHARS = 40  # a description whose opening stands in the body was copied from the lead
LEAD_CHARS = 400  # the article's opening, where a description copied from the lead has its words
LEAD_REWORDED_SHARE = 0.85  # of the description's words in the opening: the lead said again in other words
MIN_WORD_LETTERS = 4  # "the", "and" say nothing about what an article is about
TRUNCATED = ("...", "…")
LABEL_MAX_WORDS = 5  # a standfirst this short with no sentence's end is a kicker or a section name, not a deck
LABEL_MAX_CJK_CHARS = 12
SENTENCE_END_INSIDE = re.compile(r"[.!?。！？][\"”’»」]?\s")
SENTENCE_ENDINGS = ".!?…。！？\"”’»」』)"
# A description of the site, not of the article: "The website of Bradley M. Kuhn", "Welcome to ...", "this site".
SITE_DESCRIPTION = re.compile(r"^(?:The (?:official )?(?:web)?site of|Welcome to)\b|\b(?:this|our) (?:web)?site\b",
                              re.IGNORECASE)
WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def standfirst_of(article: Article) -> str | None:
    """The found standfirst, else the description when it is this article's own standfirst. A found standfirst
    that is only a label (a kicker, a section name) gives way to such a description."""
    if article.standfirst and not looks_like_label(article.standfirst):
        return article.standfirst
    return described_standfirst(article) or article.standfirst


def described_standfirst(article: Article) -> str | None:
    """The page's description, when it reads as this article's own standfirst (see the module docstring)."""
    description = " ".join((article.description or "").split())
    if not description or looks_cut_off(description) or SITE_DESCRIPTION.search(description):
        return None
    body = " ".join(" ".join(article.paragraphs).split())
    found_at = body.find(description[:LEAD_PREFIX_CHARS])
    if 0 <= found_at < LEAD_CHARS:
        return None  # copied from the lead: the article opens with it already
    if found_at >= LEAD_CHARS:
        return description  # a sentence from further down, chosen as the summary: the article's own words
    own, folded_body = units_of(description), body.casefold()
    if not own or share_in(own, folded_body) < ABOUT_THE_ARTICLE_SHARE:
        return None
    if share_in(own, body[:LEAD_CHARS].casefold()) >= LEAD_REWORDED_SHARE:
        return None  # the lead reworded ("... tells the BBC" for "... has admitted"): the article's own words win
    return description


def looks_like_label(standfirst: str) -> bool:
    """A kicker or section line ("Analysis", "Tensions entre Pékin et Washington"): a few words, no sentence's end."""
    text = " ".join(standfirst.split())
    if text.endswith(tuple(SENTENCE_ENDINGS)):
        return False
    if CJK.search(text):
        return len(text) <= LABEL_MAX_CJK_CHARS
    return len(text.split()) <= LABEL_MAX_WORDS


def share_in(units: set[str], folded_text: str) -> float:
    """The share of units the text holds: each looked up in the text, a few dozen scans, no word set of a long body."""
    return sum(unit in folded_text for unit in units) / len(units)


def looks_cut_off(description: str) -> bool:
    """"...", "…", or sentences and then a last one with no end ("... Despite the media screaming for weeks about"):
    a description cut at a length limit. One phrase without a full stop is a deck, and whole."""
    if description.endswith(TRUNCATED):
        return True
    return bool(SENTENCE_END_INSIDE.search(description)) and not description.endswith(tuple(SENTENCE_ENDINGS))


def units_of(text: str) -> set[str]:
    """What a text is about: its longer words, or character pairs for Chinese and Japanese."""
    folded = text.casefold()
    if CJK.search(folded):
        characters = [c for c in folded if not c.isspace()]
        return {a + b for a, b in zip(characters, characters[1:])}
    return {word for word in WORD.findall(folded) if len(word) >= MIN_WORD_LETTERS}
