"""The summary: extractive, whole sentences in the article's own words, from the standfirst and the lead.

News puts its summary first (the standfirst, then the lead paragraph), so the summary is the
first run of prose sentences that fits the limits, in article order. The steps:

1. `candidate_sentences`: the standfirst when it reads as a sentence, then the paragraphs,
   leaving out what is not prose (`is_prose_paragraph`: headings, captions and photo credits,
   bylines, teasers, date-only lines, bracketed asides, table rows) and sentences that are not
   whole (`is_summary_sentence`: no closing full stop, a lower-case start, a quotation opened and
   not closed, or a sentence inside a quotation that runs on); a "KYIV, April 7 (Reuters) -"
   dateline prefix is dropped, since the digest shows the dateline on its own line.
2. `lead_run`: from the first candidate, consecutive sentences while they fit. A run stops at a
   section heading or where a sentence was left out, so the summary never jumps over a hole.
3. Fallback `first_fitting_run`: the first sentence is too long, so start from the first whole
   sentence among the next few that fits.
4. Fallback `clause_cut`, the last resort: the first sentence cut at its last clause boundary
   (comma, semicolon, colon, dash) that fits, marked with an ellipsis. It is the only case where
   the summary is not verbatim, and the ellipsis says so.

5. `with_deck`: a standfirst written as a deck, without a closing full stop ("The US military said
   Russian forces cleared out of the Kiev region in what Moscow called a “good faith” measure"),
   cannot be quoted as a sentence without adding a mark the page does not have; it opens the
   summary on a line of its own instead, when at least one lead sentence still fits after it.

A page with no whole sentence at all (a list, a table, "Test") gets an empty summary rather than a
heading dressed up as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

from digest.model import Article, DigestOptions
from digest.sentences import quote_left_open, quotes_balanced, sentence_spans
from digest.summary.screen import Screened
from digest.summary.furniture import (
    has_glued_link_text,
    looks_like_photo_caption,
    looks_like_promo,
    looks_like_publishing_notice,
    looks_like_self_promotion,
)
from digest.summary.standfirst import standfirst_of

SENTENCE_ENDINGS = ".!?…。！？"
TRAILING_CLOSERS = "\"'”’»«›」』)"
TRAILING_CITATIONS = re.compile(r"(?:\[\d{1,4}\])+\s*$")
ASIDE_OPENERS = "[(（"
ASIDE_CLOSERS = "])）"
SUMMARY_MIN_WORDS = 5
SUMMARY_MIN_CJK_CHARS = 12  # Chinese and Japanese do not separate words with spaces
NEAR_DUPLICATE_OVERLAP = 0.8  # a lead that repeats the standfirst this closely is skipped
FIRST_FITTING_WINDOW = 8  # how many sentences fallback 3 looks through
SUMMARY_SCAN_CHARS = 5000  # a summary is far shorter: longer paragraphs are split only this far
ELLIPSIS = "…"
DECK_SEPARATOR = "\n"  # a deck keeps its own line: no full stop is added to it
DECK_MAX_CHARS = 300

CAPTION_START = re.compile(
    r"(?:FILE PHOTO|PHOTO|Photo|Image|Picture|Video|Foto|Фото|Image caption|Image copyright|Media caption|Credit)\b\s*[:|-]",
    re.IGNORECASE,
)
# Chinese captions open with "图为" ("pictured:") or name their source: "图片来源：", "资料图"
CJK_CAPTION_START = re.compile(r"(?:图为|圖為|图片来源|圖片來源|资料图|資料圖)")
# A picture's file name set as a paragraph ("skimming scheme seized cash and cards.jpg"): the CMS printed the
# image's name where the image was, and the short paragraph after it is the picture's caption.
IMAGE_FILE_NAME = re.compile(r"^\S[^\n]{0,200}\.(?:jpe?g|png|gif|webp|avif|tiff?)$", re.IGNORECASE)
# What a dateline leaves when its place is in an element of its own: "&#151; -- Hillary Clinton has ...".
DATELINE_REMNANT = re.compile(r"^(?:&#?\w{1,8};\s*)*[-–—]{1,2}(?:\s*[-–—]{1,2})*\s+(?=[A-ZÀ-ÞА-Я\"“«])")
# A sentence cut short by a teaser's ellipsis glued to its last word ("子どもたちは絵本が大…",
# "The company said it…", "总是能很有共同话题..."); three full stops after a Latin word may end a sentence as
# written ("and so on...").
CUT_BY_ELLIPSIS = re.compile(r"\w…$|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]\.\.\.$")
# screened for its words ("photo", "credit", "©"): it opens on no literal, so re tries it at every character
CAPTION_INSIDE = Screened(re.compile(r"©|\((?:Photo|Image|Picture|Credit)s?\b|\bPhoto(?:graph)?: ", re.IGNORECASE))
# A credit glued to the caption's last sentence, as a paste joins the two elements: "...in Queens.CreditChang W. Lee"
GLUED_CREDIT = re.compile(r"[.!?”’)](?:Photo )?Credits?(?:Credits?)?(?::|\.\.\.|…)?\s?[A-Z]")  # "Credit...Ed Murray"
# Labelled page metadata on one line: "2017-03-10 09:58:03来源：网易科学人作者：责任编辑：肖春芳", "Source: X Author: Y"
METADATA_LABEL = re.compile(r"[^\W\d_]{1,12}[：:]")
METADATA_MIN_LABELS = 2
METADATA_MAX_CHARS = 200
CAPTION_CREDIT_END = re.compile(r"\b(?:Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock|iStock)\s*\)?$", re.IGNORECASE)
CREDIT_TAIL_CHARS = 40
CAPTION_MAX_CHARS = 500  # a caption is a line or two; a long paragraph that mentions © is prose
BYLINE = re.compile(
    r"^(?:(?:By|BY|Von|Par|Por|Di|Автор)\s+[A-ZÀ-ÞА-Я]"
    r"|(?:Reporting|Writing|Editing|Additional reporting|Posted|Written) by\s+\w)",
)
BYLINE_MAX_WORDS = 12  # "By the end of the year, ..." is a lead, not a byline
TEASER = re.compile(
    r"^(?:READ MORE|Read more|READ ALSO|Read also|Related|RELATED|See also|Also read|Watch|WATCH|Listen|LISTEN|"
    r"Sign up|Subscribe|Click here|Follow us|Lesen Sie auch|Mehr zum Thema|Lire aussi|À lire aussi|Leia também|"
    r"Lee también|Leggi anche|Читайте также|Смотрите также)\b",
)
DATE_ONLY = re.compile(
    r"^(?:(?:Published|Updated|Posted|Last updated|First published)\b.{0,60}"
    r"|[\d\s:.,/-]+(?:[A-Za-zА-Яа-яÀ-ÿ]+\.?)?[\d\s:.,/-]*(?:GMT|UTC|[AP]M)?)$",
    re.IGNORECASE,
)
DATELINE_PREFIX = re.compile(
    r"^(?:[A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я.'’ -]{1,40}|[A-ZÀ-ÞА-Я][\w.'’ -]{1,40}(?=\s*\())"  # KYIV / WASHINGTON / Berlin (dpa)
    r"(?:,\s*[\w .]{1,30})?"  # , April 7
    r"\s*(?:\([^()]{1,30}\))?"  # (Reuters)
    r"\s*[-–—]{1,2}\s+(?=[A-ZÀ-ÞА-Я\"“«])",
)
HEADING_MAX_WORDS = 15
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_CHARS = 300
HEADLINE_SHORT_WORD = 3  # "of", "the", "and" stay lower case in title case; only longer words count
HEADLINE_CAPITALISED_SHARE = 0.75
TABLE_CELL_SEPARATOR = " | "  # how the HTML reader joins table cells
TABLE_ROW_MIN_SEPARATORS = 2
CLAUSE_BOUNDARY = re.compile(r"[,;:]\s|\s[-–—]\s")
WORD = re.compile(r"\w+")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A candidate sentence and where it stands: paragraph number (-1: standfirst) and offsets in it."""

    text: str
    paragraph: int
    start: int
    end: int
    opens_section: bool = False  # the first sentence after a heading or a left-out sentence: a run stops before it
    short: bool = False  # under SUMMARY_MIN_WORDS: it may continue a summary, never open one


def summarize(article: Article, *, options: DigestOptions, language: str | None = None) -> str:
    """Whole sentences from the standfirst and lead, in order, within the configured limits."""
    needed = FIRST_FITTING_WINDOW + options.summary_max_sentences  # the steps never look further
    candidates = list(islice(candidate_sentences(article, language), needed))
    chosen = lead_run(candidates, options) or first_fitting_run(candidates, options)
    if chosen:
        return with_deck(deck_of(article), chosen, options) or join_sentences(chosen)
    described = described_run(article, options, language)
    if described:
        return join_sentences(described)
    openers = [c for c in candidates if not c.short]
    return clause_cut(openers[0].text, options.summary_max_chars) if openers else ""


def described_run(article: Article, options: DigestOptions, language: str | None) -> list[Sentence]:
    """Fallback: whole sentences of the page's own description, for an article with no prose to choose
    from (a video, a preprint's landing page, a thread): the page's words, not a cut clause."""
    if not article.description:
        return []
    sentences = [s for s in sentences_of(article.description, -1, language) if s is not None]
    return lead_run(sentences, options) or first_fitting_run(sentences, options)


def candidate_sentences(article: Article, language: str | None) -> Iterator[Sentence]:
    """Step 1: the standfirst (when it reads as a sentence), then the prose sentences of the body."""
    seen: list[set[str]] = []
    standfirst = standfirst_of(article) or ""
    if standfirst and ends_like_sentence(standfirst) and is_prose_paragraph(standfirst):
        opens = long_enough(standfirst)  # "The Supreme Court defers. Tony Dorsett ... can get paid.": a deck's short
        for sentence in sentences_of(standfirst, -1, language):  # first sentence still opens the summary
            if sentence is not None:
                seen.append(word_set(sentence.text))
                yield replace(sentence, short=sentence.short and not opens)
    after_heading = False  # after a heading or a left-out sentence: a run stops there
    body_started = False  # a heading above the first body sentence (the headline again) breaks nothing
    after_image = False  # the paragraph after an image's file name is its caption
    for number, paragraph in enumerate(article.paragraphs):
        captioned, after_image = after_image and len(paragraph) <= CAPTION_MAX_CHARS, False
        if IMAGE_FILE_NAME.match(paragraph):
            after_image = True
        if captioned or after_image or looks_like_heading(paragraph):
            after_heading = body_started
            continue
        if not is_prose_paragraph(paragraph):
            continue
        for sentence in sentences_of(paragraph, number, language):
            if sentence is None:
                after_heading = body_started
                continue
            if seen and any(overlap(word_set(sentence.text), earlier) >= NEAR_DUPLICATE_OVERLAP for earlier in seen):
                continue
            if after_heading:
                sentence = replace(sentence, opens_section=True)
            after_heading = False
            body_started = True
            yield sentence


def sentences_of(paragraph: str, number: int, language: str | None) -> Iterator[Sentence | None]:
    """The paragraph's whole sentences, the first without its dateline prefix, citation marks dropped.

    Only the paragraph's first SUMMARY_SCAN_CHARS are split (a summary is far shorter); the sentence
    that the cut runs through is dropped, being no longer whole.
    """
    spans = sentence_spans(paragraph[:SUMMARY_SCAN_CHARS], language)
    if len(paragraph) > SUMMARY_SCAN_CHARS and spans:
        spans.pop()
    for index, (start, end) in enumerate(spans):
        if index == 0:
            start += dateline_prefix_length(paragraph[start:end])
        citations = TRAILING_CITATIONS.search(paragraph, start, end)
        if citations:
            end = citations.start()
        text = paragraph[start:end].rstrip()
        inside_quotation = index > 0 and quote_left_open(paragraph[:start])  # “A. B. C. D. E,” he said.
        if inside_quotation or not is_summary_sentence(text) or is_furniture(text):
            yield None  # left out: a summary does not run across the hole
            continue
        yield Sentence(text, number, start, start + len(text), short=not long_enough(text))


def lead_run(sentences: list[Sentence], options: DigestOptions) -> list[Sentence]:
    """Step 2: consecutive sentences from the first, while they fit."""
    return _run_from(sentences, 0, options)


def first_fitting_run(sentences: list[Sentence], options: DigestOptions) -> list[Sentence]:
    """Step 3 (fallback): the first sentence is too long; start at the first one that fits."""
    for start in range(0, min(len(sentences), FIRST_FITTING_WINDOW)):
        run = _run_from(sentences, start, options)
        if run:
            return run
    return []


def deck_of(article: Article) -> str | None:
    """The standfirst when it is a deck: prose, whole, but without a closing full stop."""
    deck = " ".join((standfirst_of(article) or "").split())
    if not deck or ends_like_sentence(deck) or len(deck) > DECK_MAX_CHARS or not is_prose_paragraph(deck):
        return None
    if not long_enough(deck) or not quotes_balanced(deck) or (deck[0].isalpha() and deck[0].islower()):
        return None
    return deck


def with_deck(deck: str | None, chosen: list[Sentence], options: DigestOptions) -> str | None:
    """Step 5: the deck on its own line, then as many of the chosen lead sentences as still fit."""
    if deck is None or overlap(word_set(deck), word_set(chosen[0].text)) >= NEAR_DUPLICATE_OVERLAP:
        return None
    kept = chosen[: options.summary_max_sentences - 1]
    while kept and len(deck) + len(DECK_SEPARATOR) + len(join_sentences(kept)) > options.summary_max_chars:
        kept.pop()
    return deck + DECK_SEPARATOR + join_sentences(kept) if kept else None


def clause_cut(sentence: str, max_chars: int) -> str:
    """Step 4 (last resort): the sentence up to its last clause boundary that fits, with an ellipsis."""
    limit = max_chars - len(ELLIPSIS)
    cuts = [m.start() for m in CLAUSE_BOUNDARY.finditer(sentence) if m.start() <= limit]
    end = cuts[-1] if cuts else sentence.rfind(" ", 0, limit)
    return sentence[: end if end > 0 else limit].rstrip() + ELLIPSIS


def _run_from(sentences: list[Sentence], start: int, options: DigestOptions) -> list[Sentence]:
    chosen: list[Sentence] = []
    if start >= len(sentences) or sentences[start].short:
        return chosen
    for sentence in sentences[start:]:
        if len(chosen) >= options.summary_max_sentences or (chosen and sentence.opens_section):
            break
        if len(join_sentences([*chosen, sentence])) > options.summary_max_chars:
            break
        chosen.append(sentence)
    return chosen


def join_sentences(sentences: list[Sentence]) -> str:
    """Sentences of one paragraph keep the spacing they had (none between CJK sentences); paragraphs get a space."""
    text = ""
    previous: Sentence | None = None
    for sentence in sentences:
        if previous is None:
            text = sentence.text
        elif sentence.paragraph == previous.paragraph and sentence.start == previous.end:
            text += sentence.text
        else:
            text += " " + sentence.text
        previous = sentence
    return text


def is_prose_paragraph(paragraph: str) -> bool:
    """Not a bracketed aside, caption, photo credit, byline, metadata line, teaser, date-only line, headline or
    table row."""
    text = paragraph.strip()
    return bool(text) and not (
        (text[0] in ASIDE_OPENERS and text[-1] in ASIDE_CLOSERS)
        or looks_like_caption(text)
        or looks_like_photo_caption(text)
        or looks_like_promo(text)
        or looks_like_self_promotion(text)
        or looks_like_publishing_notice(text)
        or looks_like_byline(text)
        or looks_like_metadata(text)
        or TEASER.match(text)
        or DATE_ONLY.match(text)
        or looks_like_headline(text)
        or text.count(TABLE_CELL_SEPARATOR) >= TABLE_ROW_MIN_SEPARATORS
    )


def looks_like_byline(text: str) -> bool:
    """"By Maria Lopez and John Smith", "Reporting by ...": who wrote it, not what happened."""
    return bool(BYLINE.match(text)) and len(text.split()) <= BYLINE_MAX_WORDS


def looks_like_caption(text: str) -> bool:
    """"FILE PHOTO: ...", "... © Sputnik", "(Photo: ...)", "... Getty Images", "图为...": a picture's caption or
    credit."""
    return len(text) <= CAPTION_MAX_CHARS and bool(
        CAPTION_START.match(text) or CJK_CAPTION_START.match(text) or CAPTION_INSIDE.search(text)
        or CAPTION_CREDIT_END.search(text[-CREDIT_TAIL_CHARS:]) or GLUED_CREDIT.search(text)
    )


def looks_like_metadata(text: str) -> bool:
    """A short line of labelled page data ("来源：... 作者：...", "Source: AP | Author: Maria Lopez"): two labels
    or more, and no sentence's end ("The rule: nobody leaves. The reason: safety." is prose)."""
    return (
        len(text) <= METADATA_MAX_CHARS
        and not ends_like_sentence(text)
        and len(METADATA_LABEL.findall(text)) >= METADATA_MIN_LABELS
    )


def looks_like_heading(paragraph: str) -> bool:
    """A short line that does not end like a sentence: a section heading (or the headline again)."""
    if len(paragraph) > HEADLINE_MAX_CHARS:
        return False
    return not ends_like_sentence(paragraph) and len(paragraph.split()) <= HEADING_MAX_WORDS and not (
        looks_like_caption(paragraph) or TEASER.match(paragraph) or looks_like_byline(paragraph)
    )


def looks_like_headline(text: str) -> bool:
    """Most words capitalised, as headlines and section titles are in English ("Are There Any...").

    A line ending in a full stop is a sentence: German capitalises every noun, and a Japanese sentence may quote an
    English title ("…は「Extracting a 19 Year Old Code Execution from WinRAR」において…と伝えた。").
    """
    if len(text) > HEADLINE_MAX_CHARS or text.rstrip(TRAILING_CLOSERS).endswith((".", "。")):
        return False
    words = [word for word in text.split() if word[:1].isalpha() and len(word) > HEADLINE_SHORT_WORD]
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised / len(words) >= HEADLINE_CAPITALISED_SHARE


def is_summary_sentence(sentence: str) -> bool:
    """A whole sentence: ends like a sentence, does not start mid-thought, opens no quotation it leaves open."""
    if not sentence or not ends_like_sentence(sentence):
        return False
    first = sentence[0]
    if first in ASIDE_OPENERS and sentence[-1] in ASIDE_CLOSERS:
        return False  # "[Get New York Today in your inbox.]", "(Reporting by ...)": an aside, not the story
    if not quotes_balanced(sentence):
        return False  # part of a quotation that runs over several sentences: not whole on its own
    if CUT_BY_ELLIPSIS.search(sentence.rstrip(TRAILING_CLOSERS)):
        return False  # a teaser cut mid-word or mid-sentence
    return not (first.isalpha() and first.islower())


def is_furniture(sentence: str) -> bool:
    """A caption, a promo or a notice inside a paragraph, or link text glued from a hover card."""
    return (
        looks_like_photo_caption(sentence)
        or looks_like_promo(sentence)
        or looks_like_self_promotion(sentence)
        or looks_like_publishing_notice(sentence)
        or has_glued_link_text(sentence)
    )


def long_enough(sentence: str) -> bool:
    """Enough words to open a summary ("Advertisement." and "No." are not)."""
    if CJK.search(sentence):
        return len(sentence) >= SUMMARY_MIN_CJK_CHARS
    return len(sentence.split()) >= SUMMARY_MIN_WORDS


def ends_like_sentence(text: str) -> bool:
    """Ends with . ! ? … (or the CJK marks), perhaps inside closing quotes or brackets."""
    stripped = TRAILING_CITATIONS.sub("", text.rstrip()).rstrip(TRAILING_CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_ENDINGS


def dateline_prefix_length(sentence: str) -> int:
    """Length of a "KYIV, April 7 (Reuters) -" prefix, or the dashes it leaves when the place stands in an element
    of its own ("&#151; -- Hillary ..."): the digest shows the dateline on its own line."""
    match = DATELINE_PREFIX.match(sentence) or DATELINE_REMNANT.match(sentence)
    return match.end() if match else 0


def word_set(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def overlap(words: set[str], other: set[str]) -> float:
    """Share of the smaller set found in the other."""
    if not words or not other:
        return 0.0
    return len(words & other) / min(len(words), len(other))
