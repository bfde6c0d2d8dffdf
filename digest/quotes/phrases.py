"""Who a run of words names: a person's name, a short description, or a pronoun still to resolve.

The token-level readers behind `digest.quotes.speakers`: they look backward or forward from a speech
verb ("..., said Maria Lopez, the harbour master", "a senior military official told") and turn
the words they find into a `Speaker`. The words themselves, in each language, are in
`digest.quotes.words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.quotes.words import (
    AFTER_QUOTE_VERB,
    ARTICLE_PARTICLES,
    ARTICLES_AFTER_A_VERB,
    AUXILIARIES,
    CJK_PRONOUNS,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_AND_SECOND_PERSON,
    GERMAN_TITLE,
    HONORIFICS,
    IMPERSONAL_PRONOUNS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    OCCUPATIONS,
    PREPOSITIONS,
    PRONOUNS,
    REFLEXIVES,
    ROLE_NOUNS,
    SENTENCE_START_WORDS,
    TITLE_SUFFIXES,
    TITLE_WORDS,
    WORKS,
)

AFFILIATION_PREPOSITIONS = frozenset({
    "for", "of", "from", "de", "des", "du", "di", "del", "della", "dei", "degli", "delle", "der", "von", "vom",
    "da", "do", "dos", "das",
})


NAME_MAX_TOKENS = 4
NAME_JOINERS = frozenset({"and", "&", "of", "on", "for", "und", "et", "y"})  # between the words of one institution's name
INDEFINITE_BEFORE_NAME = frozenset({"the", "a", "an", "one", "another"})  # before capitals: an institution or a kind of person
ROLE_MAX_TOKENS = 8  # "el secretario general de la asociación de regantes, Pedro Parias"
OPENING_MARKS = frozenset("«“„\"‘‹")
CLOSING_MARKS = frozenset("»”“\"’›")
DESCRIPTION_MAX_WORDS = 6
APPOSITIVE_MAX_TOKENS = 16  # ", the harbour master," or ", whose husband is still on active duty," before the verb
TOKEN = re.compile(r"\w[\w'’-]*(?:\.\w+)*|[^\w\s]")  # "U.S" and "." apart; "Mr." joined back below
ABBREVIATED_NAME_PARTS = HONORIFICS | frozenset({"gen", "sen", "rep", "gov", "col", "lt", "capt", "sgt", "adm", "st", "jr", "prof", "supt", "det"})
CLOSING_PUNCTUATION = frozenset(".!?;:")
NAME_GOES_ON = re.compile(r"\s*[A-Z]")  # "I. M. Pei" goes on; '"...," said I.' ends a sentence
MID_SENTENCE_PERIOD = re.compile(r"\s+[a-zà-ÿ]")  # "Corp. executive", "Inc. spokesman": no sentence ends there
ADVERB = re.compile(r"[a-z]{4,}ly")  # "continually", "frequently": a lower-case -ly word of six letters or more
ONE_WORD_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][a-zà-ÿа-яё]+(?:-[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]?[a-zà-ÿа-яё]+)?")  # not "I.", "I’d", "RMS"
CLAUSE_OPENING_NAME = 2  # a name of this many words that opens the clause is its subject, however long the appositive


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who spoke: a name, a description, or a pronoun still to resolve."""

    text: str
    kind: str  # "name", "description", "pronoun", or "subject" (one word, a name if the article shows a person's)

    @property
    def is_named(self) -> bool:
        return self.kind == "name"


def tokens_of(text: str) -> list[str]:
    """Words and punctuation; the period of an initial, a title or an abbreviation stays with it ("J.",
    "Mr.", "a former News Corp. executive": a period with a lower-case word after it ends no sentence)."""
    tokens: list[str] = []
    for match in TOKEN.finditer(text):
        token = match.group(0)
        if token == "." and tokens and tokens[-1][:1].isalpha() and (
            (len(tokens[-1]) == 1 and tokens[-1].isupper() and (tokens[-1] != "I" or NAME_GOES_ON.match(text, match.end())))
            or tokens[-1].casefold() in ABBREVIATED_NAME_PARTS
            or MID_SENTENCE_PERIOD.match(text, match.end())
        ):
            tokens[-1] += "."
        else:
            tokens.append(token)
    return tokens


def is_capitalised(token: str) -> bool:
    return token[:1].isupper()


def last_sentence_start(tokens: list[str]) -> int:
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index] in CLOSING_PUNCTUATION:
            return index + 1
    return 0


def subject_backward(tokens: list[str]) -> Speaker | None:
    """The subject that ends right before a speech verb: a pronoun, a name or a description."""
    end = len(tokens)
    while end and (tokens[end - 1].casefold() in AUXILIARIES or _is_adverb_after_subject(tokens, end - 1)):
        end -= 1
    if not end:
        return None
    last = tokens[end - 1]
    if last == ",":  # "Maria Lopez, the harbour master, said"
        return _appositive_subject(tokens[: end - 1])
    if last.casefold() in PRONOUNS or last.casefold() in FIRST_AND_SECOND_PERSON or last in IMPERSONAL_PRONOUNS:
        return Speaker(last, "pronoun")
    if is_capitalised(last):
        return name_backward(tokens[:end])
    return description_backward(tokens[:end])


def _is_adverb_after_subject(tokens: list[str], index: int) -> bool:
    """"Gaga has continually insisted", "Rolf frequently says": an -ly word between a subject and its verb.

    Only where what stands before it is an auxiliary, a pronoun, a name or an appositive's comma, so that a noun ending in -ly
    ("the family said", "his ally said") stays the subject.
    """
    word = tokens[index]
    if not ADVERB.fullmatch(word) or not index:
        return False
    before = tokens[index - 1]
    lowered = before.casefold()
    if lowered in DETERMINERS:
        return False
    return before == "," or lowered in AUXILIARIES or lowered in PRONOUNS or (is_capitalised(before) and before.isalpha())


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
    if len(run) == 1 and start >= 2 and tokens[start - 1].casefold() in NAME_JOINERS and is_capitalised(tokens[start - 2]):
        return None  # "the Committee on Intelligence and Security has pointed out", "Smith and Jones said": not one person
    if run and start and tokens[start - 1] in INDEFINITE_BEFORE_NAME:  # "the Kremlin", "an Iowa Republican"
        return Speaker(f"{tokens[start - 1]} " + " ".join(run), "description")
    return name_from_run(run, at_sentence_start=start == 0 or tokens[start - 1] in CLOSING_PUNCTUATION)


def name_forward(tokens: list[str]) -> Speaker | None:
    end = 0
    while end < len(tokens) and (is_capitalised(tokens[end]) or _is_inner_particle(tokens, end)):
        end += 1
    run = tokens[:end]
    while run and not is_capitalised(run[-1]):
        run = run[:-1]
    return name_from_run(run, at_sentence_start=False)


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
            if index and tokens[index - 1].casefold() in WORKS | PREPOSITIONS:
                index = end  # "her new movie Office Christmas Party", "in New York": a title, a place
                continue
            speaker = name_from_run(tokens[index:end], at_sentence_start=index == 0)
            if speaker and speaker.is_named and len(speaker.text.split()) > 1:
                return speaker
            index = end
        index += 1
    return None


def clause_subject_in(tokens: list[str]) -> Speaker | None:
    """The one-word name a clause opens with, its verb right after: "During the show, Kimmel asked her about
    ..., saying “...”" gives Kimmel: a name when its verb is one of speech, else a "subject" the caller keeps
    only when the article shows a person of that name ("Slack also offers ... saying “hummus”" is no one). Not "During the show": a determiner or a
    preposition after the word shows it is no subject."""
    start = last_sentence_start(tokens)
    for index in range(start, len(tokens) - 1):
        if index != start and tokens[index - 1] != ",":
            continue
        word, following = tokens[index], tokens[index + 1]
        if not is_capitalised(word) or not ONE_WORD_NAME.fullmatch(word) or not following.isalpha() or is_capitalised(following):
            continue
        if following.casefold() in DETERMINERS | PREPOSITIONS | CLAUSE_WORDS or word.casefold() in PRONOUNS:
            continue
        speaker = name_from_run([word], at_sentence_start=True)
        if speaker is not None and speaker.is_named:
            speaks = AFTER_QUOTE_VERB.fullmatch(following) is not None  # "Kimmel asked her ...": someone who speaks
            return Speaker(speaker.text, "name" if speaks else "subject")
    return None


def name_from_run(run: list[str], *, at_sentence_start: bool) -> Speaker | None:
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
    if len(run) > 1 and lowered[0] in OCCUPATIONS:
        run, lowered = run[1:], lowered[1:]  # "Sociologist Elizabeth Sweet", "Verizon executive VP Marni Walden"
    titles = [i for i, word in enumerate(lowered) if _is_title(word)]
    if titles and titles[-1] < len(run) - 1:
        run, lowered = run[titles[-1] + 1 :], lowered[titles[-1] + 1 :]
    elif titles:
        return None  # "the President" alone is a description, read elsewhere
    if len(run) > 1 and lowered[0] in HONORIFICS and len(run) > 2:
        run = run[1:]  # "Mr. John Smith" -> "John Smith"; "Mr. Smith" stays
    run = run[-NAME_MAX_TOKENS:]
    return Speaker(" ".join(run), "name")


def _is_title(word: str) -> bool:
    """An office ("president"), also elect or designate ("president-elect"), or a German compound ending in one."""
    return word in TITLE_WORDS or word.split("-")[0] in TITLE_WORDS and word.endswith(TITLE_SUFFIXES) or bool(
        GERMAN_TITLE.search(word)
    )


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
    opening = _clause_opening_name(tokens)
    if opening is not None:
        return opening  # "Maurice Obstfeld, a former IMF chief economist who teaches at the University of California, Berkeley,"
    commas = [i for i in range(max(0, len(tokens) - APPOSITIVE_MAX_TOKENS), len(tokens)) if tokens[i] == ","]
    if not commas:
        return None
    comma = commas[-1]
    name = name_backward(tokens[:comma])
    if name and name.is_named:
        return name
    appositive = tokens[comma + 1 :]
    name = name_forward(appositive)
    if name and name.is_named:
        return name  # "her mother, Fiona, said"
    role = _role_before_name(appositive)
    if role and (name := name_forward(appositive[role:])) and name.is_named:
        return name  # "as my friend, the labor organizer David Rolf, points out"
    return description_forward(appositive)


def _clause_opening_name(tokens: list[str]) -> Speaker | None:
    """The full name that opens the sentence, right before its first comma ("Robin Rönnlund, PhD student in
    ... at the University of Gothenburg and leader of the fieldwork,"): the subject, not a place in the appositive."""
    start = last_sentence_start(tokens)
    try:
        comma = tokens.index(",", start)
    except ValueError:
        return None
    run = tokens[start:comma]
    if len(run) < CLAUSE_OPENING_NAME or not all(is_capitalised(word) or word.casefold() in NAME_PARTICLES for word in run):
        return None
    if run[0].casefold() in DETERMINERS | SENTENCE_START_WORDS | PREPOSITIONS | NOT_NAME_WORDS:
        return None  # "In Washington, ...", "The company, ..."
    speaker = name_from_run(run, at_sentence_start=True)
    return speaker if speaker and speaker.is_named and len(speaker.text.split()) >= CLAUSE_OPENING_NAME else None


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


def verb_phrase(tokens: list[str], index: int) -> str:
    """Two-word verbs ("a déclaré", "ha detto") count as one."""
    token = tokens[index]
    if token.casefold() in {"a", "ha"} and index + 1 < len(tokens):
        return f"{token} {tokens[index + 1]}"
    return token


def cjk_speaker(who: str) -> Speaker:
    """"卢宇" is a name; "他" (he), or "他进一步" (he further...), is a pronoun to resolve."""
    return Speaker(who, "pronoun" if who[:1] in CJK_PRONOUNS or who in CJK_PRONOUNS else "name")


def last_match(matches):  # type: ignore[no-untyped-def]
    found = None
    for found in matches:
        pass
    return found
