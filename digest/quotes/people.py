"""The people an article names: their full names with where each is introduced, and later mentions of them.

Two jobs for `digest.quotes.speakers`:

- `NameBook.expand`: a bare surname ("Jones said") or first name ("Anna tweeted") becomes the full name
  the article gave. When several people share the surname, the one introduced earlier in the same
  paragraph wins (the person being written about right there), else the first introduced in the
  article (news names a relative by first name after that).
- `person_mentions`: where a known person stands as a clause's subject ("Next May, Brown will graduate.",
  "... that Schlegelmilch has been able to find"), so "he said" can resolve to the last person written
  about even when no speech verb names them. A name right after a verb or a preposition ("criticised
  Trump") is the person the sentence is about, never its subject, and is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from digest.quotes.phrases import Speaker, is_capitalised, name_from_run
from digest.quotes.words import (
    CLAUSE_WORDS, DETERMINERS, HONORIFICS, OCCUPATIONS, PREPOSITIONS, ROLE_NOUNS, SENTENCE_START_WORDS, SPEECH_VERBS_EN,
)

# After a name that opens a sentence, what shows it is a person (a role after "is" too).
INTRODUCES_A_PERSON = re.compile(
    rf"\s*(?:,|\(|(?:{SPEECH_VERBS_EN})\b|(?:is|was) (?:[A-Z][\w’'-]+[’']s|the|a|an) [a-z])"
)  # "Eric Reeves, one of", "Eric Reeves said", "Anna Pickard is Slack’s editorial director"
SENTENCE_OPENING_CONTEXT = ".!?:;\"“”«»„(—–-"
# Names: a pattern that must (or must not) start after some character says so after its first character, as
# `X(?<!YX)` rather than `(?<!Y)X` (the same matches): a pattern opening with a character class lets re skip
# in C to where a match can start (a capital); one opening with a lookbehind is tried at every character.
FULL_NAME = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ](?<![\w’'][A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ])[\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+)){1,5}"
    r"(?![\w’'])"
)
# "In June, Anna tweeted": a name
MID_SENTENCE_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ](?<=[a-z,] [A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ])[\w’'-]+")
LOWER_WORD = re.compile(r"(?<![\w’'-])[a-zà-ÿ][\w’'-]*")
NAME_RUN = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ](?<![\w’'][A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ])[\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+))*")
SUBJECT_FOLLOWS = re.compile(r"\s+(?P<word>[a-zà-ÿ]+)")  # "Brown will", "Gaga has": a verb (or an adverb) comes next
SUBORDINATORS = CLAUSE_WORDS - {"and", "or", "und", "y", "e", "и"}  # "that Schlegelmilch has"; "and" joins names too
APPOSITIVE_OPENERS = r"(?:a|an|the|who|whose|one|his|her|their|its|now|then|[a-z]+ed)"
CAPITALISED_RUN = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+))*"
NAME_THEN_APPOSITIVE = re.compile(rf"(?P<run>{CAPITALISED_RUN}),\s+{APPOSITIVE_OPENERS}\b")
WORD_THEN_NAME = re.compile(rf"\b(?P<word>[A-Za-z]+)\s+(?P<run>{CAPITALISED_RUN})")
ROLES = ROLE_NOUNS | OCCUPATIONS
SURNAME_AS_PERSON = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?P<honoured>[A-Z][\w’'-]+)|\b(?P<speaker>[A-Z][\w’'-]+)\s+(?:{SPEECH_VERBS_EN})\b"
)
QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|«[^«»]*»|„[^„“”]*[“”]")
SUBJECT_OPENERS = ",;:—–(\"“”"  # the name opens a clause after one of these (or after a clause word)


@dataclass(frozen=True, slots=True)
class NamePlace:
    """A full name and where the article first gives it (paragraph number, offset)."""

    name: str
    paragraph: int
    offset: int


def full_names_in(paragraphs: Sequence[str]) -> list[NamePlace]:
    """Runs of two to four capitalised words that read as a person's name, titles dropped, first place only.

    A run that opens a sentence counts only when a comma or a speech verb follows it ("Eric Reeves,
    one of..."): any sentence's first word is capitalised.
    """
    places: list[NamePlace] = []
    seen: set[str] = set()
    lower_words: set[str] | None = None
    named_mid_sentence: set[str] = set()
    for number, paragraph in enumerate(paragraphs):
        for match in FULL_NAME.finditer(paragraph):
            preceding = paragraph[: match.start()].rstrip()
            at_sentence_start = not preceding or preceding[-1] in SENTENCE_OPENING_CONTEXT
            if at_sentence_start and not INTRODUCES_A_PERSON.match(paragraph, match.end()):
                continue  # a sentence's first word is capitalised anyway: "Haunted Izuku was..." is no name
            run = match.group(0).split()
            if at_sentence_start:
                if lower_words is None:
                    lower_words = lower_words_of(paragraphs)
                    named_mid_sentence = set(MID_SENTENCE_CAPITAL.findall("\n".join(paragraphs)))
                ordinary = run[0].casefold() in lower_words and run[0] not in named_mid_sentence
                if ordinary or _reads_as_verb(run, lower_words):
                    run = run[1:]  # "Once Fetter, ...": the article writes "once" too, and never "Once" mid-sentence
            speaker = name_from_run(run, at_sentence_start=True)
            if speaker and speaker.is_named and len(speaker.text.split()) > 1 and speaker.text not in seen:
                seen.add(speaker.text)
                places.append(NamePlace(speaker.text, number, match.start()))
    return places


def lower_words_of(paragraphs: Sequence[str]) -> set[str]:
    return set(LOWER_WORD.findall("\n".join(paragraphs)))


VERB_MIN_LETTERS = 3  # "An Iowa Republican": "an" is no verb
VERB_ENDINGS = ("ed", "ing")  # "asked", "asking": the article uses the word as a verb


def _reads_as_verb(run: list[str], lower_words: set[str]) -> bool:
    """"Ask Damien Chazelle, the director ...": a sentence-initial imperative before a full name, when the
    article writes the word as a verb elsewhere ("asked"). Only before a name of two capitalised words or
    more, so "Mark Twain" and "Bill de Blasio" stay whole however often "marked" or "billed" appears."""
    word = run[0].casefold()
    return (
        len(run) >= 3 and len(word) >= VERB_MIN_LETTERS and is_capitalised(run[1])
        and any(word + ending in lower_words for ending in VERB_ENDINGS)
    )


@dataclass(slots=True)
class NameBook:
    """The full names of one article: found in its text, and those of speakers as quotations name them."""

    paragraphs: Sequence[str]
    speakers: list[NamePlace] = field(default_factory=list)
    _found: list[NamePlace] | None = None
    _people: set[str] | None = None
    _evidence: PersonEvidence | None = None
    _lower_words: set[str] | None = None

    @property
    def found(self) -> list[NamePlace]:
        if self._found is None:  # read only when a name needs it: most quotations name their speaker in full
            self._found = full_names_in(self.paragraphs)
        return self._found

    def add_speaker(self, name: str, paragraph: int, offset: int) -> None:
        if len(name.split()) > 1 and all(place.name != name for place in self.speakers):
            self.speakers.append(NamePlace(name, paragraph, offset))

    def expand(self, speaker: Speaker, paragraph: int = -1, offset: int = 0) -> Speaker:
        """A surname ("Zelensky", "Mr. McHugh") or a first name ("Anna") becomes the full name given for it."""
        words = speaker.text.split()
        if speaker.is_named and len(words) >= 3 and _reads_as_verb(words, self.lower_words):
            words = words[1:]  # "Ask Damien Chazelle, the director ..., and he will answer:"
            speaker = Speaker(" ".join(words), "name")
        if not speaker.is_named or len(words) > 2 or (len(words) == 2 and words[0].casefold().rstrip(".") not in HONORIFICS):
            return speaker
        matching = [place for book in (self.speakers, self.found) for place in book
                    if place.name != speaker.text and place.name.split()[-1] == words[-1]]
        if matching:
            return Speaker(_nearest(matching, paragraph, offset).name, "name")
        if len(words) == 1:
            firsts = {place.name for place in (*self.speakers, *self.found) if place.name.split()[0] == words[0]}
            if len(firsts) > 1:  # of several, the one the text shows is a person's: Jerry Jones, not "Jerry World"
                firsts = {name for name in firsts if self.evidence.shows(name)}
            if len(firsts) == 1:  # "Anna" -> "Anna Pickard", when only one person of the article is called so
                return Speaker(firsts.pop(), "name")
        return speaker

    @property
    def lower_words(self) -> set[str]:
        """Every word the article writes in lower case: what a capitalised sentence opener may really be."""
        if self._lower_words is None:
            self._lower_words = lower_words_of(self.paragraphs)
        return self._lower_words

    @property
    def evidence(self) -> PersonEvidence:
        if self._evidence is None:
            self._evidence = PersonEvidence.of("\n".join(self.paragraphs))
        return self._evidence

    @property
    def people(self) -> set[str]:
        """Surnames of the article's people: its speakers', and those of full names the text shows to be a
        person's (`PersonEvidence`) whose surname also stands alone ("Jaelyn Brown" ... "Brown"), as people
        are named again; "La La Land" and "New York" are repeated whole, "French Tarot" is no person."""
        if self._people is None:
            text = "\n".join(self.paragraphs)
            evidence = self.evidence
            self._people = {place.name.split()[-1] for place in self.speakers}
            for place in self.found:
                surname = place.name.split()[-1]
                if surname not in self._people and evidence.shows(place.name) and text.count(surname) > text.count(
                    place.name
                ):
                    self._people.add(surname)
        return self._people


@dataclass(frozen=True, slots=True)
class PersonEvidence:
    """What shows a name is a person's, read in one pass over the article: an appositive after it ("Jaelyn
    Brown, a senior"), a role before it ("union leader Chuck Jones"), an honorific or a speech verb with the
    surname ("Ms. Brown", "Brown said")."""

    before_appositive: frozenset[str]
    after_role: frozenset[str]
    surnames: frozenset[str]

    @classmethod
    def of(cls, text: str) -> PersonEvidence:
        """Each run's word-suffixes (before an appositive) and word-prefixes (after a role), for set lookups."""
        ends = {" ".join(run[i:]) for m in NAME_THEN_APPOSITIVE.finditer(text) for run in [m.group("run").split()]
                for i in range(len(run))}
        starts = {" ".join(run[: i + 1]) for m in WORD_THEN_NAME.finditer(text) if m.group("word").casefold() in ROLES
                  for run in [m.group("run").split()] for i in range(len(run))}
        surnames = {m.group("honoured") or m.group("speaker") for m in SURNAME_AS_PERSON.finditer(text)}
        return cls(frozenset(ends), frozenset(starts), frozenset(surnames))

    def shows(self, name: str) -> bool:
        return name in self.before_appositive or name in self.after_role or name.split()[-1] in self.surnames


def _nearest(places: list[NamePlace], paragraph: int, offset: int) -> NamePlace:
    """The name introduced last before (paragraph, offset) in that same paragraph, else the first one introduced
    (a quotation's speaker before a name merely found in the text)."""
    here = [place for place in places if place.paragraph == paragraph and place.offset < offset]
    return here[-1] if here else places[0]


def person_mentions(text: str, book: NameBook) -> list[tuple[int, Speaker]]:
    """Known people standing as a clause's subject in `text`, with their position, full names given."""
    found = []
    text = QUOTED.sub(lambda quoted: " " * len(quoted.group(0)), text)  # names inside quotations are what was said
    for match in NAME_RUN.finditer(text):
        run = match.group(0).split()
        if run[-1] not in book.people or run[0].casefold() in DETERMINERS | SENTENCE_START_WORDS or len(run) > 2:
            continue  # a person's surname, or first name and surname; not "Die Gewächse", "The Brown Report"
        next_word = SUBJECT_FOLLOWS.match(text, match.end())
        preceding = text[: match.start()].rstrip()
        opens_sentence = not preceding or preceding[-1] in ".!?"
        if not next_word or (next_word.group("word").casefold() in PREPOSITIONS and not opens_sentence):
            continue  # "Brown will graduate", "Biden on Monday said"; not "Economics and Public Policy at the University"
        word_before = preceding.rsplit(None, 1)[-1].casefold() if preceding else ""
        if preceding and preceding[-1] not in SUBJECT_OPENERS + ".!?" and word_before not in SUBORDINATORS:
            continue  # "criticised Trump", "with Trump", "Economics and Public Policy": not a clause's subject
        speaker = name_from_run(run, at_sentence_start=opens_sentence)
        if speaker and speaker.is_named:
            found.append((match.start(), book.expand(speaker)))
    return found
