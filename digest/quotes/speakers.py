"""Who said a quotation, read from the words around it; None when the text does not say.

The cues, in many languages:

- after the quote, verb first or subject first: `”, said Maria Lopez, the harbour master`,
  `”, he said`, `”, the official told reporters`, `», a déclaré Emmanuel Macron`, `“, sagte er`,
  `», — заявил Путин`, `”, dijo.` (no subject: the verb's subject is the person last named);
- before the quote, in the same sentence: `Smith told reporters: “`, `Zelensky has insisted ...,
  saying “` (a participle such as "saying" takes the subject of the clause it hangs on),
  `According to X, “`;
- pronouns ("he", "they", "il", "er", "он"...) resolve (`SpeakerMemory.resolve`) to, in order:
  the last speaker or speech-verb subject named earlier in the same paragraph, the person a
  sentence of that paragraph opens with, the last one named in the previous paragraph; to nobody
  otherwise, and never for "I" or "we".

A speaker is a short name ("Volodymyr Zelensky": office titles such as "Ukrainian President" are
dropped) or a short description ("a senior military official"). The words themselves (verbs,
pronouns, titles, in each language) are in `digest.quotes.words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from digest.quotes.people import NameBook, person_mentions
from digest.quotes.phrases import (
    CLOSING_PUNCTUATION,
    Speaker,
    cjk_speaker,
    clause_subject_in,
    first_name_in,
    is_capitalised,
    last_match,
    last_sentence_start,
    name_backward,
    name_forward,
    name_from_run,
    subject_backward,
    subject_forward,
    tokens_of,
    verb_phrase,
)
from digest.quotes.words import (
    ACCORDING_TO,
    AFTER_QUOTE_VERB,
    CHINESE_AFTER,
    CHINESE_BEFORE,
    CONJUNCTIONS,
    FIRST_AND_SECOND_PERSON,
    FRENCH_INVERSION,
    GERMAN_SO,
    IMPERSONAL_PRONOUNS,
    JAPANESE_AFTER,
    JAPANESE_BEFORE,
    PERSON_NOUNS,
    PRONOUNS,
    SPEECH_VERB,
)

MENTION_WINDOW_CHARS = 200
PLURAL_PRONOUNS = frozenset({"they", "ils", "elles", "ellos", "eles", "они"})
INVERTED_VERB_AFTER = (",", "”", '"', "»")  # "..., said Robert Godby, director of ...": the verb comes first
BEFORE_MAX_CHARS = 400  # the part of a long sentence before a quotation that is read for its speaker
AFTER_VERB_MAX_TOKENS = 10  # how far after a quotation its speech verb may stand ("”, Maria Lopez, the harbour master, said")
AFTER_APPOSITIVE_MAX_TOKENS = 40  # after a full name and its comma: ”, Robin Rönnlund, PhD student in ... and leader of ..., said


@dataclass(slots=True)
class SpeakerMemory:
    """Who has spoken so far in an article, to resolve pronouns and to expand bare surnames.

    Reading every paragraph for speech verbs costs more than the rest of the quote finder, so a
    paragraph's mentions ("a senior military official told reporters") are read only when a
    pronoun there needs them, and the article's full names only when a surname needs expanding.
    """

    paragraphs: Sequence[str]
    quoted: dict[int, list[tuple[int, Speaker]]] = field(default_factory=dict)
    names: NameBook = field(init=False)
    _mentions: dict[int, list[tuple[int, Speaker]]] = field(default_factory=dict)
    _people: dict[int, list[tuple[int, Speaker]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.names = NameBook(self.paragraphs)

    def remember(self, paragraph: int, position: int, speaker: Speaker) -> None:
        """A quotation's speaker, at its place in the article."""
        if speaker.kind == "pronoun":
            return
        self.quoted.setdefault(paragraph, []).append((position, speaker))
        if speaker.is_named:
            self.names.add_speaker(speaker.text, paragraph, position)

    def resolve(self, pronoun: Speaker, paragraph: int, position: int) -> Speaker | None:
        """Who "he"/"they" is: None for "I"/"we"; else, in order, the last speaker named earlier in this
        paragraph, the person a sentence of this paragraph opens with ("Forrest Jones made a
        discovery... “...,” he said"), the last known person this paragraph is about before the
        quotation ("Since the split, Gaga has..."), the last speaker named in the previous paragraph,
        the last known person the previous paragraph is about, and last the full name whose possession
        this paragraph shows ("This is Elizabeth Snyder's Facebook post. She writes, “...”").
        """
        if pronoun.text.casefold() in FIRST_AND_SECOND_PERSON:
            return None
        if pronoun.text in IMPERSONAL_PRONOUNS:
            return self._thing_before(paragraph, position)
        named = [(at, who) for at, who in self._named_in(paragraph) if at < position]
        if named:
            return max(named, key=lambda item: item[0])[1]
        subject = last_sentence_subject(self.paragraphs[paragraph][:position])
        if subject is not None:
            expanded = self.expand(subject, paragraph, position)
            if len(expanded.text.split()) > 1:  # one capitalised word opening a sentence may be any word
                return expanded
        people = [(at, who) for at, who in self._people_in(paragraph) if at < position]
        if people:
            return people[-1][1]
        if paragraph > 0:
            named = self._named_in(paragraph - 1)
            if named:
                return max(named, key=lambda item: item[0])[1]
            people = self._people_in(paragraph - 1)
            if people:
                return people[-1][1]
        if pronoun.text.casefold() in PLURAL_PRONOUNS:
            return None  # "they": a possessor's name is one person's
        return last_possessor(self.paragraphs[paragraph][:position])

    def expand(self, speaker: Speaker, paragraph: int = -1, position: int = 0) -> Speaker:
        """A surname ("Zelensky", "Mr. McHugh") or first name becomes the full name given for it (`NameBook.expand`)."""
        return self.names.expand(speaker, paragraph, position)

    def known_person(self, word: str, paragraph: int, position: int) -> Speaker | None:
        """A one-word clause subject as a person: the full name it expands to, or a surname the article
        shows is a person's ("Kimmel" -> "Jimmy Kimmel"); None for a company, a place or any other word."""
        expanded = self.expand(Speaker(word, "name"), paragraph, position)
        if len(expanded.text.split()) > 1 or word in self.names.people:
            return expanded
        return None

    def _thing_before(self, paragraph: int, position: int) -> Speaker | None:
        """What "it" said: the last speaker of this paragraph before the quotation, unless a person described
        ("SBM Intel, a Lagos intelligence firm, says ... “...,” it says"; "the ministry said ... “...,” it said").
        Never a speaker of another paragraph."""
        before = [(at, who) for at, who in self._named_in(paragraph) if at < position]
        if not before:
            return None
        who = max(before, key=lambda item: item[0])[1]
        if who.is_named:  # a name: the writer said "it", so a company, a group, a report (the text shows no more)
            return who
        return who if who.text.split()[-1].casefold() not in PERSON_NOUNS else None  # "the ministry", not "an aide"

    def _named_in(self, paragraph: int) -> list[tuple[int, Speaker]]:
        if paragraph not in self._mentions:
            self._mentions[paragraph] = mentions_in(self.paragraphs[paragraph])
        return self._mentions[paragraph] + self.quoted.get(paragraph, [])

    def _people_in(self, paragraph: int) -> list[tuple[int, Speaker]]:
        if paragraph not in self._people:
            self._people[paragraph] = person_mentions(self.paragraphs[paragraph], self.names)
        return self._people[paragraph]


# "In Dr. Shadlen's words," / "in the words of Maria Lopez,": the words that follow are that person's.
IN_THE_WORDS_OF = re.compile(
    r"\b[Ii]n (?:(?P<who>(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w’'-]+)['’]s words|the words of (?P<of>(?:[A-Z][\w.’'-]*\s?){1,4}))\W*$"
)


# "... close with a quote from a beloved American author, Mark Twain.": the quotation that follows is theirs.
QUOTE_FROM = re.compile(
    r"\b(?:quote|quotation|line|passage) (?:from|of|by) (?:[^.!?“”\"]{0,80}?,\s)?"
    r"(?P<who>(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w’'-]+)\s*[.:]?\s*$"
)


# A sentence that opens with a person and ends in a colon introduces what they said or wrote.
COLON_INTRO_SUBJECT = re.compile(r"\s*(?P<run>[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'.-]+){1,4})(?=,|\s+[a-zà-ÿ])")
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+"
SENTENCE_SUBJECT = re.compile(rf"(?:^|[.!?][\"”’]?\s+)(?P<run>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}})\s+(?=[a-zà-ÿа-я])")


POSSESSOR = re.compile(rf"(?<![\w’'])(?P<run>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})[’']s\b")
QUOTED_TEXT = re.compile(r"“[^“”]*”|\"[^\"]*\"")


def last_possessor(text: str) -> Speaker | None:
    """The last full name with a possessive before a quotation, outside quotations: "Elizabeth Snyder's post"."""
    unquoted = QUOTED_TEXT.sub(lambda quoted: " " * len(quoted.group(0)), text)
    for match in reversed(list(POSSESSOR.finditer(unquoted))):
        speaker = name_from_run(match.group("run").split(), at_sentence_start=False)
        if speaker is not None and speaker.is_named and len(speaker.text.split()) > 1:
            return speaker
    return None


def last_sentence_subject(text: str) -> Speaker | None:
    """The person the last sentence that opens with a name is about: "Caudevilla first ventured into..."."""
    for match in reversed(list(SENTENCE_SUBJECT.finditer(text))):
        run = match.group("run").split()
        if run[0].casefold() in PRONOUNS or run[0].casefold() in FIRST_AND_SECOND_PERSON:
            return None  # the sentence is about someone named earlier still
        speaker = name_from_run(run, at_sentence_start=True)
        if speaker is not None:
            return speaker if speaker.is_named else None
    return None


def speaker_after(after: str) -> Speaker | None:
    """The speaker in the words right after a quotation, or None."""
    if match := CHINESE_AFTER.match(after):
        return cjk_speaker(match.group("who"))
    if match := JAPANESE_AFTER.match(after):
        return cjk_speaker(match.group("who")) if match.group("who") else None  # "Xは「...」と述べた": X comes before
    if match := FRENCH_INVERSION.match(after):
        return Speaker(match.group(0).rsplit("-", 1)[-1], "pronoun")
    if match := GERMAN_SO.match(after):
        return name_forward(tokens_of(after[match.end() :]))
    head = after.lstrip(" ,—–-\u00a0\u202f")
    if match := ACCORDING_TO.match(head):
        return subject_forward(tokens_of(head[match.end() :]))
    tokens = tokens_of(head)
    if tokens and tokens[0] in CLOSING_PUNCTUATION and tokens[0] != ":":
        return None  # the sentence ended with the quotation
    reach = AFTER_APPOSITIVE_MAX_TOKENS if _opens_with_appositive(tokens) else AFTER_VERB_MAX_TOKENS
    for index, token in enumerate(tokens[:reach]):
        if token in CLOSING_PUNCTUATION:
            return None
        if not AFTER_QUOTE_VERB.fullmatch(verb_phrase(tokens, index)):
            continue
        verb_end = index + len(verb_phrase(tokens, index).split())
        if index == 0:  # verb first: "said Maria Lopez", "sagte er", "dijo." (no subject: a pronoun)
            return subject_forward(tokens[verb_end:]) or Speaker("", "pronoun")
        return subject_backward(tokens[:index])
    return None


def _opens_with_appositive(tokens: list[str]) -> bool:
    """The words after a quotation open with a full name and a comma: an appositive of any length follows."""
    run = 0
    while run < len(tokens) and is_capitalised(tokens[run]):
        run += 1
    return run >= 2 and run < len(tokens) and tokens[run] == ","


def speaker_before(before: str) -> Speaker | None:
    """The speaker in the same sentence before a quotation, or None."""
    before = before[-BEFORE_MAX_CHARS:]
    if match := cjk_before(before):
        return cjk_speaker(match.group("who"))
    if match := last_match(ACCORDING_TO.finditer(before)):
        found = subject_forward(tokens_of(before[match.end() :]))
        if found:
            return found
    verbs = list(SPEECH_VERB.finditer(before))
    for match in reversed(verbs):
        if match.group("participle"):
            continue  # "saying": its subject belongs to an earlier verb of the clause
        found = subject_backward(tokens_of(before[: match.start()]))
        if found:
            return found
    if verbs and verbs[-1].group("participle"):
        tokens = tokens_of(before[: verbs[-1].start()])
        if tokens and is_capitalised(tokens[-1]):
            return name_backward(tokens)  # "with Prime Minister Michael Joseph Savage proclaiming, “...”"
        return first_name_in(tokens) or clause_subject_in(tokens)  # "Zelensky has insisted ..., saying “...”"
    if match := IN_THE_WORDS_OF.search(before):  # "In Dr. Shadlen's words, “...”"
        return name_from_run((match.group("who") or match.group("of")).split(), at_sentence_start=False)
    if match := QUOTE_FROM.search(before):  # "I'll close with a quote from ... Mark Twain." and the quotation
        return name_from_run(match.group("who").split(), at_sentence_start=False)
    if before.rstrip().endswith(":") and (match := COLON_INTRO_SUBJECT.match(before)):
        # "Rachel Stephens, senior analyst at RedMonk, shared her perspective on these findings: “...”"
        speaker = name_from_run(match.group("run").split(), at_sentence_start=True)
        if speaker and speaker.is_named and len(speaker.text.split()) > 1:
            return speaker
    return None


def cjk_before(before: str) -> re.Match[str] | None:
    """CHINESE_BEFORE's match, else JAPANESE_BEFORE's. Both end on CJK characters (a verb, "は" or "が"), so text all
    ASCII (most quotations' lead-ins) is not searched: CHINESE_BEFORE tries its name at every position."""
    if before.isascii():
        return None
    return CHINESE_BEFORE.search(before) or JAPANESE_BEFORE.search(before)


def mentions_in(text: str) -> list[tuple[int, Speaker]]:
    """Every "SUBJECT speech-verb" in a paragraph, with its position: the people pronouns may point to."""
    found = []
    for match in SPEECH_VERB.finditer(text):
        if match.group("participle"):
            continue
        preceding = text[max(0, match.start() - MENTION_WINDOW_CHARS) : match.start()]
        tokens = tokens_of(preceding)
        speaker = subject_backward(tokens)
        if speaker is None and preceding.rstrip().endswith(INVERTED_VERB_AFTER):
            following = tokens_of(text[match.end() : match.end() + MENTION_WINDOW_CHARS])
            if following and is_capitalised(following[0]):
                speaker = name_forward(following)  # ", said Robert Godby", not '”, said it was'"
        if speaker is None and tokens and tokens[-1].casefold() in CONJUNCTIONS:
            sentence = tokens[last_sentence_start(tokens) :]
            speaker = first_name_in(sentence)  # "La ministra Ana Torres visitó la planta y dijo que..."
        if speaker and speaker.kind != "pronoun":
            found.append((match.start(), speaker))
    return found
