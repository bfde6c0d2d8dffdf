"""What a company's name says: its legal form, whether it names an owner rather than a brand, and the brand
inside it.

A page's copyright line often names the company that owns the site ("Vox Media, Inc.", "Economia, a.s.",
"The New York Times Company"), not the brand the reader knows. `digest.pasted.naming` asks these questions
of every name it finds: is it an owner's (`is_owner`), does the page use its stem on its own (`owner_stem`), or
is the company's word part of the brand itself (`named_like_company`: "Fast Company").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

UPPER_START = "A-ZÀÁÂÄÇÉÈÊÍÓÔÖÚÜА-ЯЁ"
HOLDER_NOISE = re.compile(  # "© All rights reserved", "About Us", "About This Site", "Get Our ...", "Sponsored
    # Features" (a label), "© Photo courtesy of Pexels" (a picture's credit)
    r"^(?:all|todos|tous|alle|tutti|copyright|notice|policy|us|we|me|you|our|my|this|these|that|with|nous|uns|nosotros|"
    r"follow(?:ed|ing)?|subscribed|sponsored|recent|special|latest|top|free|video|photos?|images?|courtesy)\b",
    re.IGNORECASE)
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
LEGAL_FORM = (r"(?:inc|llc|ltd|limited|gmbh|s\.a|sa|sas|sarl|s\.l|sl|plc|corp|corporation|co\.?,\s*ltd|co|group|a\.s|s\.r\.o|l\.p|"
              r"s\.p\.a|spa|srl|b\.v|bv|ag|kg|pty|oy|ab)")
LEGAL_SUFFIX = re.compile(rf",?\s+{LEGAL_FORM}\.?$", re.IGNORECASE)
LEGAL_AFTER = re.compile(rf"^,?\s+{LEGAL_FORM}\.?(?!\w)", re.IGNORECASE)  # "Economia, a.s.": the name is a company's
PARTNER_AFTER = re.compile(  # "Bennett, Coleman & Co. Ltd.": the name is a firm's first partner, the company goes on
    rf"^,\s+(?:[{UPPER_START}][\w'’\-]*,?\s+(?:&\s+)?){{1,3}}(?i:{LEGAL_FORM})\.?(?!\w)")
CORPORATE = re.compile(
    r"\b(?:media|interactive|group|network|software|productions?|entertainment|inc|corporation|corp|holdings?|"
    r"publishing|trust|foundation|company|ltd|llc|gmbh|ag|plc|medien|verlag|éditions|editora|ediciones|edizioni|"
    r"partners|ventures|s\.a\.?)\b|株式会社|有限会社|合同会社",  # "D Magazine Partners, Inc.", "株式会社オープンソース..."
    re.IGNORECASE)
DIVISION = re.compile(  # the company words of CORPORATE that are no legal form: "Interactive", "Media", "Group"
    r"\b(?:media|interactive|group|network|software|productions?|entertainment|holdings?|publishing|medien|verlag|"
    r"éditions|editora|ediciones|edizioni|partners|ventures)\b", re.IGNORECASE)
DIVISION_BEFORE = r"(?<!-)"  # a division's stem stands alone: not the end of a compound ("2-Minute"),
DIVISION_AFTER = rf"(?!-|\s+[{UPPER_START}])"  # nor the head of a compound or a longer name ("CBS Sports")
COMPANY_AFTER = re.compile(rf",?\s+(?i:{LEGAL_FORM}\.?|{CORPORATE.pattern})(?!\w)")  # "Vox Media" of "Vox, Inc."
OWNER_STEM_MIN_CHARS = 2
COMPANY_NAME_MIN_LINES = 2  # a brand named with a company's word is written whole on two lines at least


def is_owner(raw: str, after: str) -> bool:
    """A company's name ("Vox Media, Inc.", "Economia, a.s.", "The New York Times Company", "Bennett, Coleman &
    Co. Ltd."), not a brand's."""
    return CORPORATE.search(raw) is not None or LEGAL_AFTER.match(after) is not None or PARTNER_AFTER.match(after) is not None


def owner_stem(name: str, texts: list[str]) -> str | None:
    """The brand inside an owner's name ("Vox Media" -> "Vox", "BuzzFeed, Inc." -> "BuzzFeed"), when the page
    also uses it on its own, followed by no company word or legal form; else None: the owner's brand is
    another word ("CBS Interactive" owns CNET, "Economia, a.s." publishes Aktuálně.cz) and it is no answer."""
    stem = " ".join(CORPORATE.sub(" ", name).split()).strip(" ,-–—&")
    # "CBS Interactive", "Minute Media": a division's word; its stem alone must stand as a name of its own, not
    # as the head of a longer one ("CBS Sports") or of a compound ("2-Minute Sand Timer")
    division = DIVISION.search(name) is not None
    for candidate in dict.fromkeys((stem, LEADING_THE.sub("", stem))):
        if len(candidate) < OWNER_STEM_MIN_CHARS or HOLDER_NOISE.match(candidate):
            continue
        before, after = (DIVISION_BEFORE, DIVISION_AFTER) if division else ("", "")
        # as written, capitals and all: "Demand Media" is not the "demand" of "on demand"
        written = re.compile(rf"(?<!\w){before}{re.escape(candidate)}(?!\w){after}")
        if any(not PARTNER_AFTER.match(text[end:]) for text in texts for end in ends_alone(written, text)):
            return candidate
    return None


def ends_alone(written: re.Pattern[str], text: str) -> Iterator[int]:
    """Where each match of `written` that COMPANY_AFTER does not follow ends, in the order `finditer` would give them
    for the pattern with `(?!COMPANY_AFTER)` at its end: a match refused is tried again a character further. The
    lookahead written out would make each name's pattern hold CORPORATE's alternation, a millisecond to compile."""
    position = 0
    while (match := written.search(text, position)) is not None:
        if COMPANY_AFTER.match(text, match.end()) is None:
            yield match.end()
            position = match.end()
        else:
            position = match.start() + 1


NOTICE = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)


def named_like_company(name: str, texts: list[str]) -> str | None:
    """A brand whose name holds a company's word ("Fast Company" of "Fast Company & Inc © 2022 Mansueto
    Ventures, LLC"): the page writes the whole name, with no legal form after it, on more lines outside its
    notices than it writes the stem apart from it ("Fast Government"), and on two at least: that name, else None."""
    full = LEGAL_SUFFIX.sub("", name.strip(" &,")).strip(" &,")
    stem = " ".join(CORPORATE.sub(" ", full).split()).strip(" ,-–—&")
    if not stem or stem == full or DIVISION.search(full):
        return None  # a division's word ("Vox Media", "CBS Interactive") names a parent company
    whole_name = re.compile(rf"(?<!\w){re.escape(full)}(?!\w)(?!,?\s+(?i:{LEGAL_FORM})\.?(?!\w))")
    apart = re.compile(rf"(?<!\w){re.escape(stem)}(?!\w)")
    plain = [text for text in texts if full.split()[0] in text and not NOTICE.search(text)]
    named = sum(1 for text in plain if whole_name.search(text))
    alone = sum(1 for text in plain if apart.search(whole_name.sub(" ", text)))
    return full if named >= COMPANY_NAME_MIN_LINES and named > alone else None
