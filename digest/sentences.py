"""Sentence splitting, offline, in many languages, as slices of the text (always verbatim).

Why not pysbd: on the development pages pysbd takes ~30 ms per page, as much as readability
itself, and the summary only needs the first few paragraphs split well. This is a rule-based
splitter with precompiled patterns:

1. a candidate break is sentence-ending punctuation (. ! ? … and CJK 。！？), any closing
   quotes or brackets after it, then whitespace (CJK needs none);
2. the break is kept only when the next text opens a sentence (`opens_sentence`: an upper-case
   letter, a digit, an opening quote or bracket, or a letter of a script without case) and the
   word before the period is not an abbreviation (`is_abbreviation`: titles such as Mr. Dr.
   Sr. Dott., initials such as "J." or "В.", dotted acronyms such as "U.S.", "7. April");
3. fragments that leave a quotation open are rejoined with the next ones when the quotation
   closes soon (`rejoin_open_quotes`), so `"It's over. We won," he said.` stays one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Step 1: candidate breaks.
CLOSERS = "\"'”’»«›」』）)]"
SPACED_CLOSERS = "»›"  # French sets a (thin) space before its closing guillemet: « Oui. »
CITATION_MARK = r"\[\d{1,4}\]"  # Wikipedia's "...plates.[152] New Zealand..."
LATIN_BREAK = re.compile(
    rf"[.!?…]+(?:[{re.escape(CLOSERS)}]|[ \u00a0\u202f][{SPACED_CLOSERS}]|{CITATION_MARK})*\s+"
)
CJK_BREAK = re.compile(rf"[。！？]+[{re.escape(CLOSERS)}]*\s*")
CJK_TEXT = re.compile("[\u3000-\u9fff\uff00-\uffef]")
CJK_SNIFF_CHARS = 200
OPENERS = "\"'“‘„«»‹「『(["

# Step 2: abbreviations that do not end a sentence, by language; None means all of them.
COMMON_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "vs", "ca", "approx", "gen", "col", "maj", "capt", "lt", "sgt", "cpl", "adm", "gov", "sen", "rep", "rev",
    "hon", "pres", "supt", "insp", "det", "jr", "sr", "sra", "dra", "e.g", "i.e", "cf",
})
LANGUAGE_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ave", "blvd", "rd", "ft", "bros", "calif", "fla", "ariz", "colo", "conn", "okla", "tenn",
        "mich", "minn", "gov't", "est", "dept", "univ", "assn",
    }),
    "de": frozenset({"bzw", "usw", "vgl", "mio", "mrd", "hr", "fr", "ggf", "evtl", "inkl", "bspw", "str", "tel", "abs", "dt"}),
    "fr": frozenset({"m", "mm", "mme", "mlle", "av", "bd", "env", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"}),
    "es": frozenset({"ud", "uds", "srta", "pág", "núm", "avda", "dña", "d", "ee.uu", "etc"}),
    "it": frozenset({"sig", "sigg", "dott", "ing", "avv", "on", "ecc", "pag", "geom", "rag"}),
    "pt": frozenset({"exmo", "exma", "sra", "srs", "av", "pág", "dept"}),
    "ru": frozenset({"г", "гг", "им", "ул", "руб", "млн", "млрд", "тыс", "проф", "акад", "т", "д", "пр", "см", "стр", "коп", "тел"}),
}
# These only abbreviate before a number: "No. 5", "p. 12", "Art. 3".
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "nr", "p", "pp", "art", "fig", "vol", "n", "núm", "стр"})
ALL_ABBREVIATIONS = COMMON_ABBREVIATIONS.union(*LANGUAGE_ABBREVIATIONS.values())
WORD_TAIL_CHARS = 30  # the word before a period is looked for only this far back
WORD_BEFORE_PERIOD = re.compile(r"([^\s(\[\"'“‘„«]+)\.$")
DOTTED_ACRONYM = re.compile(r"^(?:\w\.)+\w$")
ORDINAL_NUMBER = re.compile(r"^\d{1,2}$")
MONTH_NAMES = frozenset({
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember",
})
# After a dotted acronym ("U.S.") a new sentence is only assumed before these words.
SENTENCE_STARTERS = frozenset({
    "the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "but", "and",
    "in", "on", "at", "a", "an", "there", "his", "her", "their", "its", "our", "as", "if", "when", "while",
})

# Step 3: how far a quotation may run on before we stop rejoining.
MAX_FRAGMENTS_IN_ONE_QUOTE = 4


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """The sentences of `text`, each an exact slice of it with outer whitespace stripped."""
    return [text[start:end] for start, end in sentence_spans(text, language)]


def sentence_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence; text[start:end] is the sentence, stripped."""
    abbreviations = abbreviations_for(language)
    cuts = [0]
    for match in _candidate_breaks(text):
        before = text[max(cuts[-1], match.start() + 1 - WORD_TAIL_CHARS) : match.start() + 1]
        after = text[match.end() : match.end() + 40]
        if after and opens_sentence(after) and not is_abbreviation(before, text[match.start()], after, abbreviations):
            cuts.append(match.end())
    cuts.append(len(text))
    spans = [_stripped(text, start, end) for start, end in zip(cuts, cuts[1:])]
    return rejoin_open_quotes(text, [span for span in spans if span[0] < span[1]])


def abbreviations_for(language: str | None) -> frozenset[str]:
    """The language's own abbreviations and the common ones; all of them when the language is unknown."""
    if language in LANGUAGE_ABBREVIATIONS:
        return COMMON_ABBREVIATIONS | LANGUAGE_ABBREVIATIONS[language]
    return ALL_ABBREVIATIONS


def opens_sentence(after: str) -> bool:
    """A sentence opens with an upper-case letter, a digit, an opening mark, or a caseless script."""
    first = after[0]
    if first in OPENERS or first.isdigit() or first in "-–—•":
        return True
    if first.isalpha():
        return first.isupper() or not first.islower()  # caseless scripts: CJK, Arabic, Hebrew, Thai...
    return False


def is_abbreviation(before: str, mark: str, after: str, abbreviations: frozenset[str]) -> bool:
    """The period ends an abbreviation, an initial, a dotted acronym or a German ordinal date, not a sentence."""
    if mark != ".":
        return False
    match = WORD_BEFORE_PERIOD.search(before)
    if not match:
        return False
    word = match.group(1)
    lowered = word.casefold()
    if lowered in abbreviations:
        return True
    if lowered in NUMBER_ABBREVIATIONS and after[:1].isdigit():
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. K. Rowling", "В. Путин", "z. B."
        return True
    next_word = after.split(maxsplit=1)[0].strip(".,;:").casefold() if after.split() else ""
    if DOTTED_ACRONYM.match(word):  # "U.S.", "e.g."
        return next_word not in SENTENCE_STARTERS
    return bool(ORDINAL_NUMBER.match(word)) and next_word in MONTH_NAMES


def rejoin_open_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin fragments split inside a quotation, when the quotation closes within a few fragments."""
    joined: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        last = index
        if quote_left_open(text[start:end]):
            for ahead in range(index + 1, min(len(spans), index + MAX_FRAGMENTS_IN_ONE_QUOTE)):
                if not quote_left_open(text[start : spans[ahead][1]]):
                    last = ahead
                    break
        joined.append((start, spans[last][1]))
        index = last + 1
    return joined


def quote_left_open(sentence: str) -> bool:
    """A quotation opened and not closed in `sentence`, in any of the common styles.

    „...“ (German) closes with the English opening mark, and »...« reverses the guillemets, so
    „ is counted against “ and ”, and guillemets only need to balance.
    """
    low_openers = sentence.count("„")
    if low_openers:
        if low_openers > sentence.count("“") + sentence.count("”"):
            return True
    elif sentence.count("“") > sentence.count("”"):
        return True
    if sentence.count("«") != sentence.count("»"):
        return True
    if sentence.count("「") > sentence.count("」") or sentence.count("『") > sentence.count("』"):
        return True
    return sentence.count('"') % 2 == 1


def quotes_balanced(sentence: str) -> bool:
    """Every quotation the sentence opens it also closes, and it closes none it did not open."""
    if quote_left_open(sentence):
        return False
    low_openers = sentence.count("„")
    closers = sentence.count("”") + (sentence.count("“") if low_openers else 0)
    openers = low_openers + (0 if low_openers else sentence.count("“"))
    return closers == openers and sentence.count("」") <= sentence.count("「") and sentence.count("』") <= sentence.count("『")


def _candidate_breaks(text: str) -> Iterable[re.Match[str]]:
    breaks = list(LATIN_BREAK.finditer(text))
    if CJK_TEXT.search(text, 0, CJK_SNIFF_CHARS):
        breaks += [m for m in CJK_BREAK.finditer(text) if m.end() < len(text)]
        breaks.sort(key=lambda m: m.start())
    return breaks


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
