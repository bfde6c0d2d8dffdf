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
pronouns, titles, in each language) are in `digest.speech_words`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from digest.speech_words import (
    ACCORDING_TO,
    AFTER_QUOTE_VERB,
    ARTICLES_AFTER_A_VERB,
    ARTICLE_PARTICLES,
    AUXILIARIES,
    CHINESE_AFTER,
    CHINESE_BEFORE,
    CJK_PRONOUNS,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    FIRST_AND_SECOND_PERSON,
    FRENCH_INVERSION,
    GERMAN_SO,
    GERMAN_TITLE,
    HONORIFICS,
    JAPANESE_AFTER,
    JAPANESE_BEFORE,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    REFLEXIVES,
    ROLE_NOUNS,
    SENTENCE_START_WORDS,
    SPEECH_VERB,
    SPEECH_VERBS_EN,
    TITLE_WORDS,
)

AFFILIATION_PREPOSITIONS = frozenset({
    "for", "of", "from", "de", "des", "du", "di", "del", "della", "dei", "degli", "delle", "der", "von", "vom",
    "da", "do", "dos", "das",
})
MENTION_WINDOW_CHARS = 200
BEFORE_MAX_CHARS = 400  # the part of a long sentence before a quotation that is read for its speaker
NAME_MAX_TOKENS = 4
ROLE_MAX_TOKENS = 8  # "el secretario general de la asociación de regantes, Pedro Parias"
OPENING_MARKS = frozenset("«“„\"‘‹")
CLOSING_MARKS = frozenset("»”“\"’›")
DESCRIPTION_MAX_WORDS = 6
AFTER_VERB_MAX_TOKENS = 10  # how far after a quotation its speech verb may stand ("”, Maria Lopez, the harbour master, said")
APPOSITIVE_MAX_TOKENS = 16  # ", the harbour master," or ", whose husband is still on active duty," before the verb

TOKEN = re.compile(r"\w[\w'’-]*(?:\.\w+)*|[^\w\s]")  # "U.S" and "." apart; "Mr." joined back below
ABBREVIATED_NAME_PARTS = HONORIFICS | frozenset({"gen", "sen", "rep", "gov", "col", "lt", "capt", "sgt", "adm", "st", "jr", "prof", "supt", "det"})
CLOSING_PUNCTUATION = frozenset(".!?;:")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who spoke: a name, a description, or a pronoun still to resolve."""

    text: str
    kind: str  # "name", "description" or "pronoun"

    @property
    def is_named(self) -> bool:
        return self.kind == "name"


@dataclass(slots=True)
class SpeakerMemory:
    """Who has spoken so far in an article, to resolve pronouns and to expand bare surnames.

    Reading every paragraph for speech verbs costs more than the rest of the quote finder, so a
    paragraph's mentions ("a senior military official told reporters") are read only when a
    pronoun there needs them, and the article's full names only when a surname needs expanding.
    """

    paragraphs: Sequence[str]
    quoted: dict[int, list[tuple[int, Speaker]]] = field(default_factory=dict)
    speaker_names: list[str] = field(default_factory=list)
    _mentions: dict[int, list[tuple[int, Speaker]]] = field(default_factory=dict)
    _names: list[str] | None = None

    def remember(self, paragraph: int, position: int, speaker: Speaker) -> None:
        """A quotation's speaker, at its place in the article."""
        if speaker.kind == "pronoun":
            return
        self.quoted.setdefault(paragraph, []).append((position, speaker))
        if speaker.is_named and len(speaker.text.split()) > 1 and speaker.text not in self.speaker_names:
            self.speaker_names.append(speaker.text)

    def resolve(self, pronoun: Speaker, paragraph: int, position: int) -> Speaker | None:
        """Who "he"/"they" is: None for "I"/"we"; else, in order, the last speaker named earlier in this
        paragraph, the person a sentence of this paragraph opens with ("Forrest Jones made a
        discovery... “...,” he said"), the last speaker named in the previous paragraph.
        """
        if pronoun.text.casefold() in FIRST_AND_SECOND_PERSON:
            return None
        named = [(at, who) for at, who in self._named_in(paragraph) if at < position]
        if named:
            return max(named, key=lambda item: item[0])[1]
        subject = last_sentence_subject(self.paragraphs[paragraph][:position])
        if subject is not None:
            expanded = self.expand(subject)
            if len(expanded.text.split()) > 1:  # one capitalised word opening a sentence may be any word
                return expanded
        if paragraph == 0:
            return None
        named = self._named_in(paragraph - 1)
        return max(named, key=lambda item: item[0])[1] if named else None

    def expand(self, speaker: Speaker) -> Speaker:
        """A surname ("Zelensky", "Mr. McHugh") becomes the first full name given for it ("Patrick McHugh")."""
        words = speaker.text.split()
        if not speaker.is_named or len(words) > 2 or (len(words) == 2 and words[0].casefold().rstrip(".") not in HONORIFICS):
            return speaker
        surname = words[-1]
        if self._names is None:
            self._names = full_names_in(self.paragraphs)
        for names in (self.speaker_names, self._names):
            for name in names:  # the first one introduced: news names a relative by first name after that
                if name.split()[-1] == surname and name != speaker.text:
                    return Speaker(name, "name")
        return speaker

    def _named_in(self, paragraph: int) -> list[tuple[int, Speaker]]:
        if paragraph not in self._mentions:
            self._mentions[paragraph] = mentions_in(self.paragraphs[paragraph])
        return self._mentions[paragraph] + self.quoted.get(paragraph, [])


# "In Dr. Shadlen's words," / "in the words of Maria Lopez,": the words that follow are that person's.
IN_THE_WORDS_OF = re.compile(
    r"\b[Ii]n (?:(?P<who>(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w’'-]+)['’]s words|the words of (?P<of>(?:[A-Z][\w.’'-]*\s?){1,4}))\W*$"
)
# A sentence that opens with a person and ends in a colon introduces what they said or wrote.
COLON_INTRO_SUBJECT = re.compile(r"\s*(?P<run>[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'.-]+){1,4})(?=,|\s+[a-zà-ÿ])")
# After a name that opens a sentence, what shows it is a person: "Eric Reeves, one of...", "Eric Reeves said".
INTRODUCES_A_PERSON = re.compile(rf"\s*(?:,|\(|(?:{SPEECH_VERBS_EN})\b)")
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+"
SENTENCE_SUBJECT = re.compile(rf"(?:^|[.!?][\"”’]?\s+)(?P<run>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}})\s+(?=[a-zà-ÿа-я])")
SENTENCE_OPENING_CONTEXT = ".!?:;\"“”«»„(—–-"
FULL_NAME = re.compile(
    r"(?<![\w’'])[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+(?:\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w’'-]+)){1,5}(?![\w’'])"
)


def last_sentence_subject(text: str) -> Speaker | None:
    """The person the last sentence that opens with a name is about: "Caudevilla first ventured into..."."""
    for match in reversed(list(SENTENCE_SUBJECT.finditer(text))):
        run = match.group("run").split()
        if run[0].casefold() in PRONOUNS or run[0].casefold() in FIRST_AND_SECOND_PERSON:
            return None  # the sentence is about someone named earlier still
        speaker = _name_from_run(run, at_sentence_start=True)
        if speaker is not None:
            return speaker if speaker.is_named else None
    return None


def full_names_in(paragraphs: Sequence[str]) -> list[str]:
    """Runs of two to four capitalised words that read as a person's name, titles dropped.

    A run that opens a sentence counts only when a comma or a speech verb follows it ("Eric Reeves,
    one of..."): any sentence's first word is capitalised.
    """
    names: list[str] = []
    for paragraph in paragraphs:
        for match in FULL_NAME.finditer(paragraph):
            preceding = paragraph[: match.start()].rstrip()
            at_sentence_start = not preceding or preceding[-1] in SENTENCE_OPENING_CONTEXT
            if at_sentence_start and not INTRODUCES_A_PERSON.match(paragraph, match.end()):
                continue  # a sentence's first word is capitalised anyway: "Haunted Izuku was..." is no name
            speaker = _name_from_run(match.group(0).split(), at_sentence_start=True)
            if speaker and speaker.is_named and len(speaker.text.split()) > 1 and speaker.text not in names:
                names.append(speaker.text)
    return names


def tokens_of(text: str) -> list[str]:
    """Words and punctuation; the period of an initial or a title stays with it ("J.", "Mr.")."""
    tokens: list[str] = []
    for token in TOKEN.findall(text):
        if token == "." and tokens and (
            (len(tokens[-1]) == 1 and tokens[-1].isupper()) or tokens[-1].casefold() in ABBREVIATED_NAME_PARTS
        ):
            tokens[-1] += "."
        else:
            tokens.append(token)
    return tokens


def is_capitalised(token: str) -> bool:
    return token[:1].isupper()


def speaker_after(after: str) -> Speaker | None:
    """The speaker in the words right after a quotation, or None."""
    if match := CHINESE_AFTER.match(after):
        return _cjk_speaker(match.group("who"))
    if match := JAPANESE_AFTER.match(after):
        return _cjk_speaker(match.group("who")) if match.group("who") else None  # "Xは「...」と述べた": X comes before
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
    for index, token in enumerate(tokens[:AFTER_VERB_MAX_TOKENS]):
        if token in CLOSING_PUNCTUATION:
            return None
        if not AFTER_QUOTE_VERB.fullmatch(_verb_phrase(tokens, index)):
            continue
        verb_end = index + len(_verb_phrase(tokens, index).split())
        if index == 0:  # verb first: "said Maria Lopez", "sagte er", "dijo." (no subject: a pronoun)
            return subject_forward(tokens[verb_end:]) or Speaker("", "pronoun")
        return subject_backward(tokens[:index])
    return None


def speaker_before(before: str) -> Speaker | None:
    """The speaker in the same sentence before a quotation, or None."""
    before = before[-BEFORE_MAX_CHARS:]
    if match := CHINESE_BEFORE.search(before) or JAPANESE_BEFORE.search(before):
        return _cjk_speaker(match.group("who"))
    if match := _last(ACCORDING_TO.finditer(before)):
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
        return first_name_in(tokens)  # "Zelensky has insisted ..., saying “...”"
    if match := IN_THE_WORDS_OF.search(before):  # "In Dr. Shadlen's words, “...”"
        return _name_from_run((match.group("who") or match.group("of")).split(), at_sentence_start=False)
    if before.rstrip().endswith(":") and (match := COLON_INTRO_SUBJECT.match(before)):
        # "Rachel Stephens, senior analyst at RedMonk, shared her perspective on these findings: “...”"
        speaker = _name_from_run(match.group("run").split(), at_sentence_start=True)
        if speaker and speaker.is_named and len(speaker.text.split()) > 1:
            return speaker
    return None


def mentions_in(text: str) -> list[tuple[int, Speaker]]:
    """Every "SUBJECT speech-verb" in a paragraph, with its position: the people pronouns may point to."""
    found = []
    for match in SPEECH_VERB.finditer(text):
        if match.group("participle"):
            continue
        tokens = tokens_of(text[max(0, match.start() - MENTION_WINDOW_CHARS) : match.start()])
        speaker = subject_backward(tokens)
        if speaker is None and tokens and tokens[-1].casefold() in CONJUNCTIONS:
            sentence = tokens[_last_sentence_start(tokens) :]
            speaker = first_name_in(sentence)  # "La ministra Ana Torres visitó la planta y dijo que..."
        if speaker and speaker.kind != "pronoun":
            found.append((match.start(), speaker))
    return found


def _last_sentence_start(tokens: list[str]) -> int:
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index] in CLOSING_PUNCTUATION:
            return index + 1
    return 0


def subject_backward(tokens: list[str]) -> Speaker | None:
    """The subject that ends right before a speech verb: a pronoun, a name or a description."""
    end = len(tokens)
    while end and tokens[end - 1].casefold() in AUXILIARIES:
        end -= 1
    if not end:
        return None
    last = tokens[end - 1]
    if last == ",":  # "Maria Lopez, the harbour master, said"
        return _appositive_subject(tokens[: end - 1])
    if last.casefold() in PRONOUNS or last.casefold() in FIRST_AND_SECOND_PERSON:
        return Speaker(last, "pronoun")
    if is_capitalised(last):
        return name_backward(tokens[:end])
    return description_backward(tokens[:end])


def subject_forward(tokens: list[str]) -> Speaker | None:
    """The subject right after a verb ("said Maria Lopez, the harbour master" gives Maria Lopez)."""
    if not tokens:
        return None
    if tokens[0].casefold() in REFLEXIVES:
        tokens = tokens[1:]  # "přidává se Emile Heskey", "äußerte sich Scholz"
    if len(tokens) > 3 and tokens[0].casefold() in PREPOSITIONS and is_capitalised(tokens[1]) and is_capitalised(tokens[2]):
        tokens = tokens[2:]  # "píše na Twitter Gary Lineker": the place it was said, then who
    if not tokens:
        return None
    first = tokens[0]
    if (first.casefold() in PRONOUNS and first.casefold() not in ARTICLES_AFTER_A_VERB) or (
        first.casefold() in FIRST_AND_SECOND_PERSON
    ):
        return Speaker(first, "pronoun")
    if first in CLOSING_PUNCTUATION or first in {",", "—", "–"}:
        return None
    if is_capitalised(first) and first.casefold() not in DETERMINERS:
        return name_forward(tokens)
    role = _role_before_name(tokens)
    if role:
        name = name_forward(tokens[role:])
        if name and name.is_named:
            return name
    return _appositive_name_forward(tokens) or description_forward(tokens)


def _role_before_name(tokens: list[str]) -> int:
    """Where a full name starts after a role: "chief inspector Jennifer Mattinson", "il ministro della
    Transizione ecologica Roberto Cingolani", "председатель ассоциации «Опора» Марина Ефимова".

    The name (two or more capitalised words) must follow a plain word or a quoted name, not an article
    or a preposition: in "the head of the World Bank" the capitalised words name the employer.
    0 when there is no such name before a punctuation mark.
    """
    index = 0
    while index < min(len(tokens), ROLE_MAX_TOKENS):
        token = tokens[index]
        if token in OPENING_MARKS:
            closing = next((i for i in range(index + 1, min(len(tokens), index + 5)) if tokens[i] in CLOSING_MARKS), 0)
            if not closing:
                return 0
            index = closing + 1
            continue
        if not token[:1].isalpha() or (index and token.casefold() in CLAUSE_WORDS):
            return 0
        if is_capitalised(token):
            run = 1
            while index + run < len(tokens) and is_capitalised(tokens[index + run]):
                run += 1
            previous = tokens[index - 1] if index else ""
            plain = previous in CLOSING_MARKS or (
                previous[:1].isalpha() and previous.casefold() not in DETERMINERS | PREPOSITIONS
            )
            ends_clause = index + run == len(tokens) or not tokens[index + run][:1].isalpha()
            if index and plain and (run >= 2 or (ends_clause and previous.casefold() not in CLAUSE_WORDS)):
                return index  # "Roberto Cingolani", or one name closing the clause: "afirmou o técnico Tite."
            index += run
            continue
        index += 1
    return 0


def _appositive_name_forward(tokens: list[str]) -> Speaker | None:
    """"la consejera de Agricultura, Carmen Crespo, en rueda de prensa": the name after the role's comma."""
    for index, token in enumerate(tokens[:ROLE_MAX_TOKENS + 2]):
        if token == ",":
            rest = tokens[index + 1 :]
            run = 0
            while run < len(rest) and (is_capitalised(rest[run]) or _is_inner_particle(rest, run)):
                run += 1
            if run >= 2 and (run == len(rest) or not rest[run][:1].isalpha() or not is_capitalised(rest[run])):
                return name_forward(rest)
            return None
        if not token[:1].isalpha() or (index and token.casefold() in CLAUSE_WORDS):
            return None
    return None


def name_backward(tokens: list[str]) -> Speaker | None:
    """The run of capitalised words ending the tokens, without office titles."""
    start = len(tokens)
    while start and (is_capitalised(tokens[start - 1]) or _is_inner_particle(tokens, start - 1)):
        start -= 1
    if start > 0 and tokens[start - 1].casefold() in NAME_PARTICLES and (start == 1 or not tokens[start - 2][:1].isalpha()):
        start -= 1  # "de Miranda writes", after a quotation
    run = tokens[start:]
    while run and not is_capitalised(run[0]) and run[0].casefold() not in NAME_PARTICLES:
        run = run[1:]
    if run and start and tokens[start - 1] == "the":  # "the Kremlin", "the Pentagon": an institution
        return Speaker("the " + " ".join(run), "description")
    return _name_from_run(run, at_sentence_start=start == 0 or tokens[start - 1] in CLOSING_PUNCTUATION)


def name_forward(tokens: list[str]) -> Speaker | None:
    end = 0
    while end < len(tokens) and (is_capitalised(tokens[end]) or _is_inner_particle(tokens, end)):
        end += 1
    run = tokens[:end]
    while run and not is_capitalised(run[-1]):
        run = run[:-1]
    return _name_from_run(run, at_sentence_start=False)


def description_backward(tokens: list[str]) -> Speaker | None:
    """"a senior military official", "officials", "the ministry": lower-case words back to a clause boundary."""
    start = len(tokens)
    while start and len(tokens) - start < DESCRIPTION_MAX_WORDS:
        token = tokens[start - 1]
        if not token[:1].isalpha() or token.casefold() in CLAUSE_WORDS:
            break
        start -= 1
        if token.casefold() in DETERMINERS:
            break
    return _description(tokens[start:])


def description_forward(tokens: list[str]) -> Speaker | None:
    """"a senior military official", "a spokesman for the ministry": up to a clause boundary.

    One prepositional phrase may follow the noun ("le ministère des Affaires étrangères"); when the
    description runs past DESCRIPTION_MAX_WORDS it is cut back before its preposition, so it never
    ends mid-phrase ("the explanatory notes of the British Bill" gives "the explanatory notes").
    """
    end = 0
    preposition = 0
    while end < len(tokens):
        token = tokens[end]
        lowered = token.casefold()
        if not token[:1].isalpha() or (end and lowered in CLAUSE_WORDS):
            break
        if end and lowered in PREPOSITIONS:
            if preposition or lowered not in AFFILIATION_PREPOSITIONS:
                break  # "on Wednesday", "in a statement", "to reporters": where and when, not who
            preposition = end
        elif end and is_capitalised(token) and not preposition:
            break  # "a spokesman Smith": a name, read elsewhere
        end += 1
        if end > DESCRIPTION_MAX_WORDS:
            end = preposition or DESCRIPTION_MAX_WORDS
            break
    if preposition and end == preposition + 1:
        end = preposition  # "a spokesman for," : the phrase never came
    if end == 1 and tokens[0].casefold() in DETERMINERS and len(tokens) > 1 and is_capitalised(tokens[1]):
        run = 1
        while 1 + run < len(tokens) and is_capitalised(tokens[1 + run]) and run < NAME_MAX_TOKENS:
            run += 1
        return Speaker(" ".join(tokens[: 1 + run]), "description")  # "according to the Kremlin"
    return _description(tokens[:end])


def first_name_in(tokens: list[str]) -> Speaker | None:
    """The first person's name (two or more capitalised words) in a clause, for "..., saying “...”"."""
    index = 0
    while index < len(tokens):
        if is_capitalised(tokens[index]):
            end = index
            while end < len(tokens) and (is_capitalised(tokens[end]) or _is_inner_particle(tokens, end)):
                end += 1
            speaker = _name_from_run(tokens[index:end], at_sentence_start=index == 0)
            if speaker and speaker.is_named and len(speaker.text.split()) > 1:
                return speaker
            index = end
        index += 1
    return None


def _name_from_run(run: list[str], *, at_sentence_start: bool) -> Speaker | None:
    possessives = [i for i, word in enumerate(run) if word.endswith(("'s", "’s"))]
    if possessives:
        run = run[possessives[-1] + 1 :]  # "RedMonk’s Stephens" -> "Stephens"; "Mozilla's" -> nobody
    if at_sentence_start and run and run[0].casefold() == "the" and len(run) > 1:
        return Speaker("the " + " ".join(run[1:]), "description")  # "the Kremlin", "the Pentagon"
    while run and (run[0].casefold() in NOT_NAME_WORDS or (at_sentence_start and run[0].casefold() in SENTENCE_START_WORDS)):
        run = run[1:]  # "AS Opposition Leader Bill Shorten said", "Earlier Saturday, ..."
    if not run or any(word.casefold() in NOT_NAME_WORDS or word.endswith(("n't", "n’t")) for word in run):
        return None
    lowered = [token.casefold().rstrip(".") for token in run]
    if len(run) == 1 and lowered[0] in ROLE_NOUNS:
        return Speaker(run[0], "description")  # "Officials said" at the start of a sentence
    titles = [i for i, word in enumerate(lowered) if word in TITLE_WORDS or GERMAN_TITLE.search(word)]
    if titles and titles[-1] < len(run) - 1:
        run, lowered = run[titles[-1] + 1 :], lowered[titles[-1] + 1 :]
    elif titles:
        return None  # "the President" alone is a description, read elsewhere
    if len(run) > 1 and lowered[0] in HONORIFICS and len(run) > 2:
        run = run[1:]  # "Mr. John Smith" -> "John Smith"; "Mr. Smith" stays
    run = run[-NAME_MAX_TOKENS:]
    return Speaker(" ".join(run), "name")


def _description(words: list[str]) -> Speaker | None:
    if not words:
        return None
    lowered = [word.casefold() for word in words]
    if lowered[0] in DETERMINERS or lowered[-1] in ROLE_NOUNS or any(word in ROLE_NOUNS for word in lowered):
        if len(words) == 1 and lowered[0] in DETERMINERS:
            return None
        return Speaker(" ".join(words), "description")
    return None


def _appositive_subject(tokens: list[str]) -> Speaker | None:
    """Tokens end with "NAME, APPOSITIVE" (the final comma already dropped): the name, else the appositive."""
    commas = [i for i in range(max(0, len(tokens) - APPOSITIVE_MAX_TOKENS), len(tokens)) if tokens[i] == ","]
    if not commas:
        return None
    comma = commas[-1]
    name = name_backward(tokens[:comma])
    if name and name.is_named:
        return name
    name = name_forward(tokens[comma + 1 :])
    if name and name.is_named:
        return name  # "her mother, Fiona, said"
    return description_forward(tokens[comma + 1 :])


def _is_inner_particle(tokens: list[str], index: int) -> bool:
    """"da" in "Luiz Inácio Lula da Silva", between two capitalised words; "der" only in "van der Bellen".

    German capitalises every noun, so "Michael Peterson der Nachrichtenagentur" must stop at "der".
    """
    word = tokens[index].casefold()
    if word not in NAME_PARTICLES or not 0 < index < len(tokens) - 1:
        return False
    if word in ARTICLE_PARTICLES and tokens[index - 1].casefold() not in NAME_PARTICLES:
        return False
    return is_capitalised(tokens[index - 1]) and is_capitalised(tokens[index + 1])


def _verb_phrase(tokens: list[str], index: int) -> str:
    """Two-word verbs ("a déclaré", "ha detto") count as one."""
    token = tokens[index]
    if token.casefold() in {"a", "ha"} and index + 1 < len(tokens):
        return f"{token} {tokens[index + 1]}"
    return token


def _cjk_speaker(who: str) -> Speaker:
    """"卢宇" is a name; "他" (he), or "他进一步" (he further...), is a pronoun to resolve."""
    return Speaker(who, "pronoun" if who[:1] in CJK_PRONOUNS or who in CJK_PRONOUNS else "name")


def _last(matches):  # type: ignore[no-untyped-def]
    found = None
    for found in matches:
        pass
    return found
