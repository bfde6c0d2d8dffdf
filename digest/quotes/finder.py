"""Key quotes: direct quotations, verbatim from the body, with their speakers, best first.

The steps:

1. `quotations_in`: every span between paired marks, in any common style (“ ” „ “ « » » « ‹ ›
   ‘ ’ 「 」 『 』 and straight "), outermost only; the text is the exact characters between
   the marks, less surrounding spaces and a trailing comma (American style puts the attribution
   sentence's comma inside: “...,” he said).
2. `digest.quotes.speakers` reads who said it from the same sentence (and resolves "he"/"they").
3. `is_key_quote` keeps quotations of at least QUOTE_MIN_WORDS words, and shorter whole
   statements only when their speaker is named right beside them (STATEMENT_MIN_WORDS: “Ukraine
   must find peace”, introduced by "Zelensky ... saying"); it drops fragments nobody is said to
   have said (lower-case start, no speaker: phrases quoted from a law or a report), titles of
   works (after "titled", "the book"...), Title Case headlines and teaser headlines (a quotation
   followed by a colon), which are not statements.
4. `rank`: statements by named people first, then by described speakers ("a senior military
   official"), then unattributed; whole sentences before fragments; ties in article order. Near
   duplicates (a pull quote repeating the body) are dropped, and each speaker gets one quote
   before anyone gets a second.

A quotation that continues after "adding," is a separate quote with the same speaker: joining
the two would put words between them that were never said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.model import Quote
from digest.quotes.speakers import QUOTE_FROM, Speaker, SpeakerMemory, speaker_after, speaker_before
from digest.quotes.words import PRONOUNS, SPEECH_VERB
from digest.sentences import sentence_spans
from digest.summary.screen import Screened

QUOTE_MIN_WORDS = 6
STATEMENT_MIN_WORDS = 3  # a whole statement with its named speaker right beside it
QUOTE_MIN_CJK_CHARS = 10  # Chinese and Japanese quotations have no spaces to count words by
CJK_CHARS_PER_WORD = 2
CJK_CLAUSE_MARKS = "，、。！？,."
CJK_NAME_MAX_CHARS = 20  # a bracketed run this long without a clause mark is still speech
QUOTE_MAX_CHARS = 1500  # longer "quotations" are mismatched marks
QUOTE_SCAN_CHARS = 20_000  # a "paragraph" longer than this is a page without paragraphs: read its start only
NEAR_DUPLICATE_OVERLAP = 0.7
LONG_QUOTE_WORDS = 80  # still a quote, but too long to be a key one when shorter ones exist

MARK_PAIRS = (
    r"“(?P<a>[^“”]{1,%d})”",
    r"„(?P<b>[^„“”]{1,%d})[“”]",
    r"«(?P<c>[^«»]{1,%d})»",
    r"»(?P<d>[^«»]{1,%d})«",
    r"‹(?P<e>[^‹›]{1,%d})›",
    r"「(?P<f>[^「」]{1,%d})」",
    r"『(?P<g>[^『』]{1,%d})』",
    r"(?<!\w)‘(?P<h>[^‘]{1,%d}?)’(?!\w)",  # an apostrophe inside (don’t) is followed by a letter
    r"(?<![\w\"])\"(?=\S)(?P<i>[^\"]{1,%d}?)(?<=\S)\"(?![\w\"])",
)
QUOTE_MARK = re.compile("[“„«»‹‘「『\"]")
QUOTATION = re.compile("|".join(pattern % QUOTE_MAX_CHARS for pattern in MARK_PAIRS))
TRIM_END = " \u00a0\u202f,;"
TRIM_START = " \u00a0\u202f"

TITLE_CUE = Screened(re.compile(  # screened: a quotation's short lead-in seldom holds one of its words
    r"(?:titled|entitled|called|dubbed|named|headlined|nicknamed|label+ed|branded|termed|known as|"
    r"(?:book|film|movie|song|album|series|show|article|report|op-ed|column|episode|poem|novel|play|"
    r"documentary|headline|slogan|hashtag|campaign|motto|phrase|term|programme|program|exhibition|track|"
    r"single|podcast|newsletter|essay|study)|intitulée?|baptisée?|appelée?|mit dem Titel|namens|titulad[oa]|"
    r"llamad[oa]|denominad[oa]|intitolat[oa]|chiamat[oa]|intitulad[oa]|chamad[oa]|под названием|"
    r"называем\w+)[\s,:]*(?:the|a|an|le|la|el|il|o|der|die|das)?\s*$",
    re.IGNORECASE,
))
CODE_MARKS = re.compile(r"[{};]\s|\(\)|=>|\bfunction\s*\(|\w\.\w+\(")
CODE_MIN_MARKS = 3
# Each CODE_MARKS match holds one of these, and no two matches the same one (matches do not overlap)
CODE_MARK_KEYS = ("{", "}", ";", "(", "=>")
REFERENCE_CUES = ("Retrieved", "Archived", "ISBN", "(ed")
REFERENCE_ENTRY = re.compile(r"^\^|\bRetrieved (?:\d|[A-Z][a-z]+ \d)|\bArchived from the original\b|\bISBN[ :]*\d|\(eds?\.\)")
HEADLINE_MIN_WORDS = 4
HEADLINE_SHORT_WORD = 3
HEADLINE_CAPITALISED_SHARE = 0.75
SHORT_TITLE_MIN_WORDS = 2  # an unattributed quotation this short is a title only when all its longer words are capitalised
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
WORD = re.compile(r"\w+")
CUE_BESIDE_AFTER_TOKENS = 4  # "”, he said" / "”, said Smith": the verb within this many words
OWN_ENDINGS = ("?", "!", "…", "...")  # “...?” Trump said: the splitter ends a sentence there, the attribution goes on
ATTRIBUTION_MAX_WORDS = 12  # ", Maria Lopez, the harbour master, said on Monday," between two halves of one quotation
CUE_TAIL_CHARS = 60  # cues that must end right before the quotation are looked for only this far back
QUOTE_FROM_TAIL_CHARS = 160  # "... with a quote from a beloved American author, Mark Twain." ends a paragraph


@dataclass(frozen=True, slots=True)
class QuoteSite:
    """Where a quotation stands in its paragraph, and the words of its sentence around it."""

    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quotation found in the body, where it stands, and what was read around it."""

    text: str
    paragraph: int
    position: int
    speaker: Speaker | None
    cue_beside: bool  # a speech verb right before or right after the marks
    names_a_thing: bool = False  # "the book “...”", "titled “...”", or a teaser headline “...”: ...
    continues: bool = False  # the second half of a quotation broken by its attribution: “We can,” she said, “build it.”

    @property
    def words(self) -> int:
        if CJK.search(self.text):
            return len(self.text) // CJK_CHARS_PER_WORD
        return len(self.text.split())

    @property
    def reads_as_speech(self) -> bool:
        """CJK brackets also mark names of things (「フリーWi-Fiプロテクション」): speech has a clause mark or length."""
        if not CJK.search(self.text):
            return True
        return len(self.text) >= QUOTE_MIN_CJK_CHARS and (
            any(mark in self.text for mark in CJK_CLAUSE_MARKS) or len(self.text) >= CJK_NAME_MAX_CHARS
        )

    @property
    def is_statement(self) -> bool:
        """Starts like a sentence (upper case, a digit, an ellipsis), not mid-phrase."""
        first = self.text[:1]
        return first.isupper() or first.isdigit() or first in "….[" or bool(CJK.match(first))


def find_quotes(paragraphs: Sequence[str], *, language: str | None = None, max_quotes: int = 3) -> tuple[Quote, ...]:
    """Direct quotations with their speakers, best first."""
    candidates = [c for c in candidates_in(paragraphs, language) if is_key_quote(c, language)]
    return tuple(Quote(text=c.text, speaker=c.speaker.text if c.speaker else None) for c in rank(candidates, max_quotes))


def candidates_in(paragraphs: Sequence[str], language: str | None) -> list[Candidate]:
    """Steps 1 and 2: every quotation, with its speaker read from the text (pronouns resolved)."""
    memory = SpeakerMemory(paragraphs)
    found: list[Candidate] = []
    for number, paragraph in enumerate(paragraphs):
        sites = quote_sites(paragraphs, number, language)
        if not sites or looks_like_code(paragraph) or looks_like_reference(paragraph):
            continue
        previous: Candidate | None = None
        for index, site in enumerate(sites):
            speaker = attribute(site, number, memory)
            if speaker is None and previous is not None and not site.before.strip():
                speaker = previous.speaker  # “...,” said Hicks. “...” : the same voice goes on
            if speaker:
                memory.remember(number, site.start, speaker)
            names_a_thing = bool(TITLE_CUE.search(site.before[-CUE_TAIL_CHARS:])) or site.after.lstrip().startswith(":")
            text = _trimmed(paragraph, site.start, site.end)
            continues = index > 0 and text[:1].islower() and is_attribution_between(
                paragraph[sites[index - 1].start : sites[index - 1].end], site.before
            )
            previous = Candidate(
                text, number, site.start, speaker, _cue_beside(site.before, site.after), names_a_thing, continues,
            )
            found.append(previous)
    return found


def is_attribution_between(first: str, before: str) -> bool:
    """“We can,” Maria Lopez said on Monday, “...”: only an attribution between two quotations, after a comma
    (inside the first's marks or after them), so the sentence goes on inside the second."""
    words = before.strip(" ,\u00a0").split()
    after_comma = first.rstrip().endswith(",") or before.lstrip().startswith(",")
    if not after_comma or not 0 < len(words) <= ATTRIBUTION_MAX_WORDS or not SPEECH_VERB.search(before):
        return False
    opener = words[0]  # who or the verb: "Maria Lopez said", "she added", "said Hicks"; not "calling the department ..."
    return opener[:1].isupper() or opener.casefold() in PRONOUNS or bool(SPEECH_VERB.fullmatch(opener))


def looks_like_code(paragraph: str) -> bool:
    """Program text: its strings are not quotations. CODE_MARKS tries five branches at every position of a long
    paragraph; fewer than CODE_MIN_MARKS of its keys, counted at C speed, leave room for fewer matches (most prose)."""
    if sum(map(paragraph.count, CODE_MARK_KEYS)) < CODE_MIN_MARKS:
        return False
    return len(CODE_MARKS.findall(paragraph)) >= CODE_MIN_MARKS


def looks_like_reference(paragraph: str) -> bool:
    """A bibliography entry ("^ "Title". Site. Retrieved 2012-08-18."): its quoted titles are not quotations."""
    return paragraph.startswith("^") or (
        any(cue in paragraph for cue in REFERENCE_CUES) and bool(REFERENCE_ENTRY.search(paragraph))
    )


def quote_sites(paragraphs: Sequence[str], number: int, language: str | None) -> list[QuoteSite]:
    """The quotations of one paragraph with the rest of their sentence before and after them."""
    paragraph = paragraphs[number][:QUOTE_SCAN_CHARS]
    if not QUOTE_MARK.search(paragraph):
        return []
    quotations = quotations_in(paragraph)
    if not quotations:
        return []
    spans = sentence_spans(paragraph, language)
    next_openings = next_statement_openings(paragraph, quotations)
    sites = []
    previous_end = 0
    for index, (start, end) in enumerate(quotations):
        opening, closing = start - 1, end  # every mark is one character
        next_opening = next_openings[index]
        before = paragraph[max(_sentence_start(spans, opening), previous_end) : opening]
        after = paragraph[closing + 1 : min(_sentence_end(spans, closing), next_opening)]
        if not after.strip() and (CJK.search(paragraph[start:end]) or paragraph[start:end].rstrip().endswith(OWN_ENDINGS)):
            after = paragraph[closing + 1 : min(_sentence_end(spans, closing + 1), next_opening)]  # “...。”卢宇说。
        if not before.strip() and not paragraph[:opening].strip() and number and introduces_next(paragraphs[number - 1]):
            before = paragraphs[number - 1]  # "Smith told reporters:" and the quotation as its own paragraph
        sites.append(QuoteSite(start, end, before, after))
        previous_end = closing + 1
    return sites


def next_statement_openings(paragraph: str, quotations: list[tuple[int, int]]) -> list[int]:
    """For each quotation, the opening mark of the next one of STATEMENT_MIN_WORDS words or more, else the
    paragraph's end (a quoted name («Опора») is no new quotation): read once from the last, not once per quotation."""
    openings = []
    following = len(paragraph)
    for start, end in reversed(quotations):
        openings.append(following)
        if len(paragraph[start:end].split()) >= STATEMENT_MIN_WORDS:
            following = start - 1
    return openings[::-1]


def introduces_next(paragraph: str) -> bool:
    """A paragraph that hands over to the quotation opening the next: "Smith told reporters:", "... a quote
    from a beloved American author, Mark Twain."."""
    tail = paragraph.rstrip()
    return tail.endswith(":") or bool(QUOTE_FROM.search(tail[-QUOTE_FROM_TAIL_CHARS:]))


def quotations_in(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of the text between each outermost pair of marks, in order."""
    spans: list[tuple[int, int]] = []
    for match in QUOTATION.finditer(paragraph):
        group = match.lastgroup or ""
        spans.append((match.start(group), match.end(group)))
    return spans


def attribute(site: QuoteSite, paragraph: int, memory: SpeakerMemory) -> Speaker | None:
    """The speaker the text gives: after the quotation, else before it; pronouns resolved, surnames expanded."""
    speaker = speaker_after(site.after) or speaker_before(site.before)
    if speaker is None:
        return None
    if speaker.kind == "pronoun":
        resolved = memory.resolve(speaker, paragraph, site.start)
        return memory.expand(resolved, paragraph, site.start) if resolved else None
    if speaker.kind == "subject":
        return memory.known_person(speaker.text, paragraph, site.start)
    return memory.expand(speaker, paragraph, site.start)


def is_key_quote(candidate: Candidate, language: str | None = None) -> bool:
    """Step 3: long enough (or a whole attributed statement), and not a title or a headline."""
    if candidate.words < QUOTE_MIN_WORDS and not (
        candidate.words >= STATEMENT_MIN_WORDS
        and candidate.is_statement
        and candidate.cue_beside
        and candidate.speaker is not None
        and candidate.speaker.is_named
    ):
        return False
    if not candidate.is_statement and candidate.speaker is None:
        return False  # a fragment nobody is said to have said: a phrase in quotes, not a key quote
    if candidate.continues:
        return False  # a quotation's second half is never given without its first: no quote cut in half
    if candidate.speaker is None and looks_like_short_title(candidate.text, language):
        return False  # “Take Me Out to the Ballgame”, sung by nobody named: a work's title, not what anyone said
    return candidate.reads_as_speech and not candidate.names_a_thing and not looks_like_title(candidate.text, language)


def looks_like_title(text: str, language: str | None = None) -> bool:
    """Title Case, as headlines and titles of works are in English.

    Not in German, which capitalises every noun, nor for a quotation ending in a full stop (a sentence).
    """
    if language == "de" or text.rstrip(" \u00a0").endswith("."):
        return False
    words = [word for word in text.split() if word[:1].isalpha() and len(word) > HEADLINE_SHORT_WORD]
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    return sum(1 for word in words if word[0].isupper()) / len(words) >= HEADLINE_CAPITALISED_SHARE


def looks_like_short_title(text: str, language: str | None = None) -> bool:
    """Every longer word capitalised, two at least, no full stop: "Take Me Out to the Ballgame"."""
    if language == "de" or text.rstrip(" \u00a0").endswith((".", "!", "?")):
        return False
    words = [word for word in text.split() if word[:1].isalpha() and len(word) > HEADLINE_SHORT_WORD]
    return len(words) >= SHORT_TITLE_MIN_WORDS and all(word[0].isupper() for word in words)


def rank(candidates: list[Candidate], max_quotes: int) -> list[Candidate]:
    """Step 4: best first, no near duplicates, one quote per speaker before a second."""
    ordered = sorted(candidates, key=lambda c: (-score(c), c.paragraph, c.position))
    unique: list[Candidate] = []
    kept_words: list[set[str]] = []
    for candidate in ordered:
        words = set(WORD.findall(candidate.text.casefold()))
        if any(_overlap(words, kept) >= NEAR_DUPLICATE_OVERLAP for kept in kept_words):
            continue
        unique.append(candidate)
        kept_words.append(words)
    chosen: list[Candidate] = []
    speakers: set[str | None] = set()
    for candidate in unique:  # first pass: one per speaker (unattributed ones count as one speaker each)
        key = candidate.speaker.text if candidate.speaker else None
        if key is None or key not in speakers:
            chosen.append(candidate)
            speakers.add(key)
    chosen = chosen[:max_quotes]
    for candidate in unique:  # second pass: fill what is left, in rank order
        if len(chosen) >= max_quotes:
            break
        if candidate not in chosen:
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: (-score(c), c.paragraph, c.position))


def score(candidate: Candidate) -> float:
    """Named speaker 3, described speaker 2, unknown 0; +1 for a whole statement; long ones lose 1."""
    value = 0.0
    if candidate.speaker is not None:
        value += 3 if candidate.speaker.is_named else 2
    if candidate.is_statement:
        value += 1
    if candidate.words > LONG_QUOTE_WORDS:
        value -= 1
    return value


def _cue_beside(before: str, after: str) -> bool:
    tail = before[-CUE_TAIL_CHARS:].rstrip(" \u00a0:,–—-")
    last_words = WORD.findall(tail)[-2:]
    if last_words and tail.endswith(last_words[-1]) and (
        SPEECH_VERB.fullmatch(last_words[-1]) or SPEECH_VERB.fullmatch(" ".join(last_words))
    ):
        return True
    words = WORD.findall(after)[:CUE_BESIDE_AFTER_TOKENS]
    return any(SPEECH_VERB.fullmatch(word) for word in words)


def _trimmed(paragraph: str, start: int, end: int) -> str:
    text = paragraph[start:end]
    return text.lstrip(TRIM_START).rstrip(TRIM_END)


def _sentence_start(spans: list[tuple[int, int]], position: int) -> int:
    for start, end in spans:
        if start <= position < end:
            return start
    return 0


def _sentence_end(spans: list[tuple[int, int]], position: int) -> int:
    for start, end in spans:
        if start <= position < end:
            return end
    return spans[-1][1] if spans else position


def _overlap(words: set[str], other: set[str]) -> float:
    if not words or not other:
        return 0.0
    return len(words & other) / min(len(words), len(other))
