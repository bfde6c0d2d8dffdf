"""The publisher as a choice among the names a page repeats, scored by a fitted model.

Candidates are the names the rules of `digest.pasted.publisher` find (copyright holders, brand lines,
breadcrumb roots, the masthead), the stems of owner companies the rules set aside ("Raw Story" of
"Raw Story Media, Inc."), every capitalised name of one to four words that short lines outside the
article repeat, or that opens the page, and the domains the page writes (digest.pasted.addresses).
One more choice is "no name": a wrong publisher is worse than none. The features say where and how
the page shows each name (masthead, footer, both, copyright, brand line, after a title's separator, as its
own address, how often outside and inside the article, inside how many longer names: a brand's sections,
"Le Monde Afrique") and what speaks against it (a person's byline, a line with a year that is no
copyright notice, a word the page also writes in lower case, a company word, an owner named with a
division's word, "Vox Media", words common in the development pastes' prose: "Community", "Styling Tips"); a domain's say how the page writes it (a desk's mailbox,
atop the page, with capitals, on how many lines);
the weights (`publisher_weights.json`, fitted by `bench/fit/publisher.py` as a conditional logit,
read at first use; a fold's own under bench.evaluate --cv) decide.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import accumulate

from digest.dates import find_date
from digest.pasted import fitted
from digest.pasted.addresses import Written
from digest.pasted.junk import is_junk
from digest.pasted.lines import Line, is_word_char

WEIGHTS_NAME = "pasted-publisher"
COMMON_NAME = "pasted-common-words"  # a sorted list of the words pastes write in lower case (bench/fit/common_words.py)
PROSE_MIN_WORDS = 12  # a line this long is a sentence: its lower-case words are the language's
LOWER_WORD = re.compile(r"(?<![\w.@/-])[^\W\d_A-ZÀ-ÞА-ЯЁ][^\W\d_]*(?![\w@/-])")
SEPARATOR_TAIL_CHARS = 12  # "！（バザップ！）" after the name: its punctuation or reading
SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")  # between a page's title and its site's name
PARTICLES = frozenset({"the", "of", "de", "la", "le", "el", "der", "die", "das", "and", "&"})
NONE = ""  # the "no name" choice
SHORT_LINE_WORDS = 12  # lines where a brand is named (menus, footers, boxes), not sentences of the article
MASTHEAD_REACH = 5  # the page's first lines, where its masthead stands
FOOTER_SHARE = 0.8  # the last fifth of the page: its footer
NAME_MIN_SCORE = 4.5  # a name scoring less is no answer (chosen by site-folds: each half point lower names
# about two more right publishers on the development pastes and three more wrong ones)
LEAD_MIN_SCORE = 2.0  # a weaker name still wins when it leads every other name by LEAD_MARGIN (both chosen by
LEAD_MARGIN = 2.0  # site-folds on both pasted sets: three more right publishers on the Mercury pastes' held-out
# folds, "Miami" (of "Miami.com") for the Miami Herald and a blogger's name for his blog more; none on pasted-pages)
DOMAIN_MIN_SCORE = 1.0  # the page's own domain as a fallback (digest.pasted.publisher.own_domain)
MIN_REPEATS = 2  # a name shown once outside the article is no brand (unless it opens the page)
NAME_RUN = re.compile(  # "Android Central", "The New Yorker", "Le Monde", "PEOPLE", "eHow", "Golem.de"
    r"(?<![\w.@/])(?:(?:The|Le|La|Les|El|Der|Die|Das)\s)?(?:[A-Z][\w&'’.\-]*[\w]|[a-z]+[A-Z]\w*)"
    r"(?:\s(?:of\s|de\s|&\s)?[A-Z][\w&'’\-]*[\w]){0,3}")
# NAME_RUN over ASCII text, its "\w" by ranges (the same matches: tests/test_speed_screens.py): asked at every character
# of every short line, its look behind then tests a range, not the Unicode database
ASCII_NAME_RUN = re.compile(
    r"(?<![A-Za-z0-9_.@/])(?:(?:The|Le|La|Les|El|Der|Die|Das)\s)?(?:[A-Z][A-Za-z0-9_&'.\-]*[A-Za-z0-9_]|[a-z]+[A-Z][A-Za-z0-9_]*)"
    r"(?:\s(?:of\s|de\s|&\s)?[A-Z][A-Za-z0-9_&'\-]*[A-Za-z0-9_]){0,3}")
ARTICLES = frozenset({"The", "Le", "La", "Les", "El", "Der", "Die", "Das"})  # a name's first word, no name alone
EXTENDED_SHARE = 0.5  # "Android" inside "Android Central" on half its lines or more is that name's head
BY_NAME = re.compile(r"\b(?:by|By|BY|von|par|por|di):?\s+$")  # "By Jack Davis", "By: Jack Davis"
DATED = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # "Mattias Geniar, April 19, 2020": a byline's date
NOTICE = re.compile(r"©|\(c\)|copyright|rights|rechte|droits|derechos", re.IGNORECASE)  # a copyright line's year
AUTHOR_NEXT = re.compile(  # what follows an author's name set alone: a follow button ("Follow", not "Follow
    # Lifehacker", a brand line), a reading time, a count of followers
    r"^(?:(?:follow(?:ing|ed)?)+$|\d+\s*min(?:ute)?s?\s+read\b|[\d,.]+[kKM]?\s+followers?\b)", re.IGNORECASE)
AUTHOR_NEXT_WORDS = 8  # a date line under an author's name is short ("Aug 8, 2016", "on Feb 24 · 4 min read")
COMPANY = re.compile(r"\b(?:media|group|inc|corporation|corp|holdings?|company|ltd|llc|gmbh|plc|network)\b",
                     re.IGNORECASE)

FEATURES = (
    "is_none", "rule_pick", "copyright", "brand", "log_outside", "log_inside", "masthead", "first_line",
    "footer", "own_address", "one_word", "words", "all_caps", "lower_use", "byline", "company",
    "in_headline", "domain", "head_of_longer", "extends_shorter", "owner", "spells_domain",
    "address", "address_email", "address_capitals", "address_top", "address_outside", "address_lines",
    "common", "masthead_alone", "after_separator", "address_role", "owner_group",
    "variants", "top_and_footer", "dated",
)


def lower_words(text: str) -> set[str]:
    """The words a line writes in lower case ("community" of "join the community")."""
    return {word for word in LOWER_WORD.findall(text) if word.islower()}


@cache
def common_words() -> frozenset[str]:
    """The shipped (or a fold's) common-word list, read at first use."""
    return frozenset(fitted.data(COMMON_NAME))


def common_share(name: str, common: frozenset[str]) -> float:
    """The share of a name's words that are common words ("Styling Tips" 1.0, "Page Six" 1.0, "Deadspin" 0)."""
    words = [word.casefold() for word in re.findall(r"[^\W\d_]+", name)]
    words = [word for word in words if word not in PARTICLES] or words
    return sum(word in common for word in words) / len(words) if words else 0.0


def names_in(text: str) -> set[str]:
    """Capitalised names of one to four words in a line, and each name's shorter heads."""
    found = set()
    for match in (ASCII_NAME_RUN if text.isascii() else NAME_RUN).finditer(text):
        words = match.group(0).split()
        found.update(" ".join(words[:size]) for size in range(1, len(words) + 1))
    return found - ARTICLES


def candidate_names(lines: list[Line], article: range | None, rule_names: Iterable[str]) -> set[str]:
    """The rules' names, the masthead's, and names repeated by short lines outside the article."""
    counts: Counter[str] = Counter()
    for line in lines:
        if line.words <= SHORT_LINE_WORDS and (article is None or line.index not in article):
            counts.update(names_in(line.text))
    names = {name for name, count in counts.items() if count >= MIN_REPEATS and len(name) >= 2}
    for line in lines[:MASTHEAD_REACH]:
        if line.words <= SHORT_LINE_WORDS:
            names.update(names_in(line.text))
    names.update(rule_names)
    return names


def whole(name: str) -> re.Pattern[str]:
    """The name as whole words: what `whole_starts` finds without compiling it."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def whole_starts(name: str, text: str) -> Iterator[int]:
    """Where `whole(name).finditer(text)` finds the name, by `str.find`: a pattern compiled per name cost more than
    the whole search (the page's names are new to each paste)."""
    if not name:
        yield from (match.start() for match in whole(name).finditer(text))
        return
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or not is_word_char(text[start - 1])) and (end == len(text) or not is_word_char(text[end])):
            yield start
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)


def shows_whole(name: str, text: str) -> bool:
    """`whole(name).search(text)`, by `whole_starts`."""
    return next(whole_starts(name, text), None) is not None


def showing(name: str, lines: list[Line]) -> list[Line]:
    """The lines that show the name as whole words (a substring test first: most lines lack it)."""
    return [line for line in lines if name in line.text and shows_whole(name, line.text)]


def showing_each(names: Iterable[str], lines: list[Line]) -> dict[str, list[Line]]:
    """`showing` of each name (not empty), by where the name stands in the lines' texts joined by newlines: one look
    through the page a name and a line it stands in, not a look in each line (no line holds a newline, so a name
    without one stands in the page only where it stands in a line; a name with one stands whole in no line)."""
    page = "\n".join(line.text for line in lines)
    ends = list(accumulate(len(line.text) + 1 for line in lines))  # where the next line starts, after each
    shown = {}
    for name in names:
        hits = []
        start = page.find(name)
        while start >= 0:
            index = bisect_right(ends, start)  # the line the name starts in
            if shows_whole(name, lines[index].text):
                hits.append(lines[index])
            start = page.find(name, ends[index])
        shown[name] = hits
    return shown


def lower_word(word: str) -> re.Pattern[str]:
    """The word in lower case as a word of prose: not an address's label ("uproxx.it", "@weeklyascii"); what
    `shows_lower_word` finds without compiling it."""
    return re.compile(rf"(?<![\w@/.]){re.escape(word)}(?!\w|\.[^\W\d_])")


def shows_lower_word(word: str, text: str) -> bool:
    """`lower_word(word).search(text)`, by `str.find`."""
    if not word:
        return lower_word(word).search(text) is not None
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if ((start == 0 or not (is_word_char(text[start - 1]) or text[start - 1] in "@/."))
                and (end == len(text) or not is_word_char(text[end]))
                and not (text[end:end + 1] == "." and end + 1 < len(text) and text[end + 1].isalnum()
                         and not text[end + 1].isdecimal())):
            return True
        start = text.find(word, start + 1)
    return False


def written_lower(name: str, lines: list[Line], page: str | None = None) -> bool:
    """The page writes the name in lower case as a word ("community" of "join the community"), not only as the
    label of an address ("medium.com", "uproxx.it"): a common word's use, not a brand's. `page`: the lines' texts
    joined, when the caller has it (each line is a part of it: a word the page lacks is in none, said in one look)."""
    lower = name.lower()
    if page is not None and lower not in page:
        return False
    return any(lower in line.text and shows_lower_word(lower, line.text) for line in lines)


def features(lines: list[Line], name: str, article: range | None, rules: dict[str, int], rule_pick: str | None,
             headline: str | None, owns_address: bool, domain: str | None,
             extension: tuple[bool, bool] = (False, False), owner: bool = False, group: bool = False,
             spells_domain: bool = False, common: frozenset[str] = frozenset(),
             hits: list[Line] | None = None, page: str | None = None) -> dict[str, float]:
    """What the model knows of one name; `hits`, its `showing` lines when the caller has them already; `page`, the
    lines' texts joined by newlines (`written_lower`)."""
    if name == NONE:
        return {"is_none": 1.0}
    hits = showing(name, lines) if hits is None else hits
    outside = [line for line in hits if article is None or line.index not in article]
    footer_from = len(lines) * FOOTER_SHARE
    words = name.split()
    letters = [char for char in name if char.isalpha()]
    return {
        "rule_pick": 1.0 if name == rule_pick else 0.0,
        "copyright": 1.0 if rules.get(name, 0) >= 2 else 0.0,
        "brand": min(3.0, float(rules.get(name, 0))) / 3,
        "log_outside": math.log1p(len(outside)) / 3,
        "log_inside": math.log1p(len(hits) - len(outside)) / 3,
        "masthead": 1.0 if any(line.index < MASTHEAD_REACH and not is_junk(line) for line in hits) else 0.0,
        "first_line": 1.0 if lines and lines[0].text.strip(" |") == name else 0.0,
        "footer": 1.0 if any(line.index >= footer_from for line in hits) else 0.0,
        "own_address": 1.0 if owns_address else 0.0,
        "one_word": 1.0 if len(words) == 1 else 0.0,
        "words": min(4, len(words)) / 4,
        "all_caps": 1.0 if letters and all(char.isupper() for char in letters) else 0.0,
        "lower_use": 1.0 if name.lower() != name and written_lower(name, lines, page) else 0.0,
        "byline": 1.0 if any(BY_NAME.search(line.text[:start])
                             for line in hits for start in whole_starts(name, line.text)) else 0.0,
        "company": 1.0 if COMPANY.search(name) else 0.0,
        "in_headline": 1.0 if headline and shows_whole(name, headline) else 0.0,
        "domain": 1.0 if domain is not None and name == domain else 0.0,
        "head_of_longer": 1.0 if extension[0] else 0.0,
        "extends_shorter": 1.0 if extension[1] else 0.0,
        "owner": 1.0 if owner else 0.0,
        "owner_group": 1.0 if group else 0.0,
        "spells_domain": 1.0 if spells_domain else 0.0,
        "common": common_share(name, common),
        "masthead_alone": 1.0 if any(line.index < MASTHEAD_REACH and line.text.strip(" |") == name for line in hits)
        else 0.0,
        "after_separator": 1.0 if any(after_separator(line.text, name) for line in hits) else 0.0,
        "dated": 1.0 if any(line.words <= SHORT_LINE_WORDS and DATED.search(line.text) and not NOTICE.search(line.text)
                            for line in hits) else 0.0,
        "variants": math.log1p(len(variants(name, hits))) / 3,
        "top_and_footer": 1.0 if any(line.index < MASTHEAD_REACH for line in hits)
        and any(line.index >= footer_from for line in hits) else 0.0,
    }


def written_as_author(name: str, lines: list[Line]) -> bool:
    """The name set alone on a line the way an author's is: under a line ending in "by" ("Written on Feb 24 by"),
    or over a follow button, a reading time or a short date line ("Jakob Ulbrich" / "Follow" / "Aug 8, 2016"):
    a person's byline or author box, where a blog's writer is named, not its publisher."""
    for line in showing(name, lines):
        if line.text.strip() != name:
            continue
        before = lines[line.index - 1].text if line.index > 0 else ""
        after = lines[line.index + 1] if line.index + 1 < len(lines) else None
        if BY_NAME.search(before + " "):
            return True
        if after is not None and (AUTHOR_NEXT.match(after.text) or after.words <= AUTHOR_NEXT_WORDS
                                  and find_date(after.text) is not None):
            return True
    return False


def variants(name: str, hits: list[Line]) -> set[str]:
    """The longer names the page writes with this one in them: a brand's sections and products ("Le Monde
    Afrique", "Services Le Monde", "Spektrum Psychologie", "UPROXX TV"), where a word of a menu stands alone."""
    return {match.group(0) for line in hits
            for match in (ASCII_NAME_RUN if line.text.isascii() else NAME_RUN).finditer(line.text)
            if len(match.group(0)) > len(name) and shows_whole(name, match.group(0))}


def after_separator(text: str, name: str) -> bool:
    """ "Headline | Brand", "Headline - Brand", "見出し | BUZZAP！（バザップ！）": a title that ends with the name
    (and at most a few marks or its reading) after a separator."""
    for mark in SEPARATORS:
        if mark in text:
            tail = text.rsplit(mark, 1)[1]
            if tail.startswith(name) and (len(tail) == len(name) or not tail[len(name)].isalnum()
                                          and len(tail) <= len(name) + SEPARATOR_TAIL_CHARS):
                return True
    return False


def address_features(found: Written, article: range | None, line_count: int, rule_pick: str | None) -> dict[str, float]:
    """What the model knows of a domain the page writes (digest.pasted.addresses) and no rule named."""
    footer_from = line_count * FOOTER_SHARE
    return {
        "rule_pick": 1.0 if found.name == rule_pick else 0.0,
        "address": 1.0,
        "address_email": 1.0 if found.email else 0.0,
        "address_role": 1.0 if found.role else 0.0,
        "address_capitals": 1.0 if found.capitals else 0.0,
        "address_top": 1.0 if found.top else 0.0,
        "address_outside": 1.0 if any(article is None or index not in article for index in found.lines) else 0.0,
        "address_lines": math.log1p(len(found.lines)) / 3,
        "footer": 1.0 if any(index >= footer_from for index in found.lines) else 0.0,
    }


def extensions(names: set[str], lines: list[Line],
               shown: dict[str, list[Line]] | None = None) -> dict[str, tuple[bool, bool]]:
    """Per name: is it the head of a longer name shown on EXTENDED_SHARE of its lines ("Android" of
    "Android Central"), and does it extend a shorter name ("Android Central" of "Android")? `shown`: each
    name's `showing` lines, when the caller has them already."""
    counts = {name: len(showing(name, lines) if shown is None else shown[name]) for name in names if name}
    ordered = sorted(counts)
    return {name: (heads_longer(name, counts, ordered), extends_shorter(name, counts)) for name in counts}


def heads_longer(name: str, counts: dict[str, int], ordered: list[str]) -> bool:
    """A longer name opening with this one and a space is shown on EXTENDED_SHARE of its lines (`counts`). The names
    so opening stand together in the sorted names (`ordered`), from where the opening would: a page's hundred names
    are not each compared with every other."""
    head_of = name + " "
    for position in range(bisect_left(ordered, head_of), len(ordered)):
        other = ordered[position]
        if not other.startswith(head_of):
            return False
        if counts[other] >= EXTENDED_SHARE * counts[name]:
            return True
    return False


def extends_shorter(name: str, counts: dict[str, int]) -> bool:
    """Another of the names and a space open this one: what stands before one of its spaces is a name."""
    space = name.find(" ")
    while space >= 0:
        if name[:space] in counts:
            return True
        space = name.find(" ", space + 1)
    return False


def score(vector: dict[str, float]) -> float:
    return fitted.score(WEIGHTS_NAME, vector)
