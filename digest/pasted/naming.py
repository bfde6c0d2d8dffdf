"""The names a pasted page gives itself, read line by line, for digest.pasted.publisher to choose among.

A page names its publisher in its copyright line ("© 2022 Городские новости. Все права
защищены."), in brand lines ("RT News App", "Follow Lifehacker", "Contact BBC News"), in a
breadcrumb's root ("Mac & i > News > ..."), in an affiliate disclosure ("Mental Floss may receive a
commission"), a trademark notice ('"The Huffington Post" is a registered trademark of ...'), a link back to its
front page ("Go to MSN Home", "ZDNet Japan トップへ") and in its
masthead (the first line). Each name found gets a bonus for how it was named (`site_candidates`).

A weak signal is confirmed before it names anyone:

- An owner company ("Vox Media, Inc.", "Economia, a.s.", "The New York Times Company") names the
  brand only through its stem ("Vox", "The New York Times") when the page uses the stem on its
  own elsewhere; else it names no one (its brand is another word: "CBS Interactive" owns CNET).
  A brand named with a company's word ("Fast Company") is kept whole when the page writes it whole
  more often than its stem.
- The first line is a masthead only when the page also shows the name as its own address
  ("Engadget" ... "www.engadget.com") outside the article: the first line is far more often
  a menu's first item ("Premium", "News", "Movies") or the article's own headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from string import ascii_lowercase

from digest.memo import by_text
from digest.pasted import publisher_model
from digest.pasted.blocks import is_code
from digest.pasted.junk import is_junk
from digest.pasted.companies import (
    CORPORATE,
    DIVISION,
    HOLDER_NOISE,
    LEADING_THE,
    LEGAL_SUFFIX,
    UPPER_START,
    is_owner,
    named_like_company,
    owner_stem,
)
from digest.pasted.lines import Line
from digest.summary.screen import Screened, unsafe_characters
from digest.urls import site_from_host

# "Le Monde.fr", "eHow", "CNNMoney", "Folha de S.Paulo": capitalised words, joined by a few particles
NAME_WORD = rf"(?:[{UPPER_START}0-9]|[a-z]+(?=[A-Z]))[\w&!'’\-]*(?:\.[\w&!'’\-]+)*"
NAME = rf"{NAME_WORD}(?:\s(?:(?:de|of|the|du|des|da|do|für|&|en)\s)?[{UPPER_START}][\w&!'’\-]*(?:\.[\w&!'’\-]+)*){{0,3}}"
YEARS = r"(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)?\d\d)?"
COPYRIGHT_HOLDER = Screened(re.compile(  # "© 2022 Городские новости. Все права защищены." -> "Городские новости"
    rf"(?:©|(?<![\w(])\(c\)(?=\s+(?:\d|[A-Z]))|(?i:copyright))\s*(?:(?:©|\((?i:c)\))\s*)?(?i:copyright\s*)?(?:{YEARS},?\s*)?(?i:by\s+)?"
    rf"(?P<name>[^\W\d_][^.,|©\n]{{1,60}}?(?:\.(?=\w)[^.,|©\n]{{0,30}}?)*)"
    rf"(?=\s*(?:[.,|](?:\s|$)|[.,|]?\s*$|,?\s+{YEARS}|,?\s+(?i:co\.?,\s*ltd)\.?(?:\s|$)|\s+(?i:all|alle|todos|tous|tutti|все|všechna|wszelkie)\b|\s*(?:版权所有|版權所有|著作権)))",
))
HOLDER_BEFORE = Screened(re.compile(  # "topicseed, 2018-2019 © All rights reserved", "Royal Road® © 2024"
    rf"^(?P<name>\w[\w&!'’\-]*(?:\.[\w&!'’\-]+)*(?:\s[\w&!'’\-.]+){{0,3}}?)[®,]?\s*(?:{YEARS}\s*)?©"
))
BRAND_BEFORE = re.compile(  # "Follow Lifehacker", "Contact BBC News", "More from Kotaku", "Work at The Telegraph",
    # "Acerca de CNET", "À propos de Libération", "Über Golem.de", "Vous êtes abonné à Libération", "Suivez Le Monde",
    # "Trending on Deadline", "Get Even More From Bustle — Sign Up For The Newsletter"
    r"^(?i:about|follow|contact|more from|more on|welcome to|subscribe to|sign up for|support|join|advertise (?:on|with)|"
    r"acerca de|à propos de|a propos de|über|(?:vous êtes )?abonnée? à|abonnez-vous à|suscríbete a|suivez|"
    rf"write for|work at|inside|discover|block for|channel|popular now on|trending on|shop|get (?:even )?more from)"
    rf"\s+(?P<name>{NAME})(?:\s*[—–-]\s.*)?\s*[»›:!.]?$",
)
BRAND_AFTER = re.compile(  # "RT News App", "The Verge homepage", "CNNMoney Sponsors", "RT Privacy policy", "Für
    # Spektrum schreiben" (German for "Write for Spektrum")
    rf"^(?:(?P<name>{NAME}?)\s+(?i:homepage|home page|app|news app|features|privacy policy|sitemap|site map|"
    rf"sponsors|podcasts?|staff|leadership)|(?i:für)\s+(?P<write_for>{NAME})\s+(?i:schreiben))\s*[»›:!.]?$",
)
BRAND_OWNS = re.compile(  # "Sign up for GitLab’s newsletter", "Get Quanta Magazine delivered to your inbox", "Get the
    # Gothamist Daily newsletter" (its name less "Daily": TRAILING_WORDS)
    # (not "Apple’s App Store policies": a capitalised word after it names another product)
    rf"(?:^|\s)(?P<name>{NAME})['’]s\s+(?i:newsletter|app|podcast)\b(?!\s+[A-Z])|^(?i:get)\s+(?P<delivered>{NAME})\s+(?i:delivered)\b"
    rf"|(?:^|(?<=[.!?]\s))(?i:get|sign up for|subscribe to) the\s+(?P<letter>{NAME})\s+(?i:newsletter)\b",
)
PLATFORM = re.compile(  # "iPhone App", "Android App": a download link's device or system, never the publisher
    r"^(?:iPhone|iPad|iOS|Android|Mac|macOS|Windows|Kindle|Roku|Alexa|Apple TV|Apple Watch|Fire TV)$")
PART_OF = Screened(re.compile(  # "Space.com is part of Future US Inc, an international media group": the brand is the
    # subject (screened: "part of" and the others are in few lines, and the name is matched at the start of every short one)
    rf"^(?P<name>{NAME}) (?i:is (?:a )?part of|est une marque de|ist ein Angebot von|es parte de)\s"))
DISCLOSURE = re.compile(  # an affiliate disclosure's subject is the publisher: "Mental Floss may receive a commission",
    # "Pitchfork may earn a portion of sales", "..., LittleThings.com may receive a small cut", "Us Weekly has
    # affiliate partnerships" (not "we may earn")
    rf"(?:^|(?<=[.!?,])\s*)(?P<name>{NAME}) (?:may (?:also )?(?:earn|receive)|(?:has|have) affiliate)\s")
TRADEMARK = re.compile(  # '"The Huffington Post" is a registered trademark of TheHuffingtonPost.com, Inc.': the brand
    rf"(?:^|(?<=[.!?])\s*)[\"“]?(?P<name>{NAME})[\"”]?®? is a (?:registered )?trademark of\s")
LATIN_NAME = r"[A-Za-z0-9][A-Za-z0-9.&!'’\-]*(?:\s[A-Za-z0-9][A-Za-z0-9.&!'’\-]*){0,3}"  # a name among CJK words
ABOUT_CJK = re.compile(  # "GIZMODOについて", "WIREDについて", "关于 InfoQ": "about X" in Japanese and Chinese, the
    # brand lines of BRAND_BEFORE's "About X" (a Latin word amid CJK is a name, capitals or not: "lifehackerについて")
    rf"^(?:(?P<name>{LATIN_NAME})\s?(?:について|に関して)|(?:关于|關於)\s?(?P<cjk_after>{LATIN_NAME}))\s*$")
ABOUT_CJK_HINT = ("について", "に関して", "关于", "關於")
HOME_LINK = re.compile(  # a link back to the site's front page names the site: "Go to MSN Home", "ZDNet Japan トップへ"
    # ("to the ZDNet Japan top"), "IPAホーム" ("IPA home"); a Latin name amid CJK words, as in ABOUT_CJK (not a
    # section's "ビジネストップ", "Business top")
    rf"^(?:(?i:go|back|return) to\s+(?:the\s+)?(?P<name>{NAME}?)\s+(?i:home|homepage|home page|front page)"
    rf"|(?P<cjk_home>{LATIN_NAME})\s?(?:トップへ|トップページへ|ホーム|ホームへ|首页|首頁))\s*[»›:!.]?$")
HOME_LINK_LATIN_HINT = ("to ", "To ", "TO ")  # `has_home_link_hint` writes these out
HOME_LINK_HINT = (*HOME_LINK_LATIN_HINT, "トップ", "ホーム", "首页", "首頁")
DISCLOSURE_HINT = re.compile(r"\b(?:may (?:also )?(?:earn|receive)|affiliate|trademark of)\s")
OWNS_HINT = re.compile(r"['’]s (?:newsletter|app|podcast)|^get .* delivered|(?:get|sign up for|subscribe to) the .* newsletter",
                       re.IGNORECASE)
LEGAL_PREFIX = re.compile(r"^(?:S\.?A\.?|AO|OOO|ООО|АО|ЗАО|ПАО)\s+")  # "SA LA NACION", "АО «Коммерсантъ»"
TRAILING_WORDS = re.compile(  # "Follow Lifehacker Followed", "Sign up for CityLab Daily": a button's state or a
    r"\s+(?:all|alle|todos|tous|все|tutti|the|follow|followed|following|subscribed|daily|weekly|newsletter|photo|video)$",
    re.IGNORECASE)  # newsletter's name, a desk's medium ("Yahoo News Photo Staff") is no part of the site's name
LOWER_PHRASE = re.compile(r"^[a-zß-ÿа-яё][\w'’\-]*\s")  # "individual contributors", "ed by their creators": a phrase, no name
BREADCRUMB_SEPARATOR = re.compile(r"\s+[>›»]\s+")  # "Mac & i > News > 2015 > ..."
BREADCRUMB_MIN_PARTS = 3
BREADCRUMB_MAX_WORDS = 5  # each step but the last (the headline) is a short section name
BREADCRUMB_BONUS = 2  # a breadcrumb's root is the site (or its section's publication)
HOME = re.compile(r"^(?:home|start|startseite|accueil|inicio|início|главная|úvod|strona główna|news|"
                  r"首页|首頁|ホーム|トップ|トップページ|홈)$", re.IGNORECASE)
NAME_MAX_WORDS = 5  # "IETF Trust and the persons identified as the document authors" is a phrase, not a name
MASTHEAD_LINES = 1  # the page's first line may name it (when the page also shows its address)
MASTHEAD_MAX_WORDS = 4
NAMING_LINE_MAX_WORDS = 40  # copyright, brand and breadcrumb lines are short
COPYRIGHT_BONUS = 2  # the copyright line names the owner, usually the publisher
BRAND_BONUS = 1  # each line that presents the name as the site's ("RT News App", "Follow Lifehacker")
BY_PREFIX = re.compile(r"^(?:by|By|BY)\s+(?=[A-Z])")  # "By Intelligencer": the byline's word, not the name's
VERB_PREFIX = re.compile(  # "Download the O’Reilly app", "Get the Guardian app": the button's verb, not the name's
    r"^(?i:download|get|install|try)\s+(?:(?i:the)\s+)?(?=[A-Z])")
SITE_ADDRESS = r"(?:com|org|net|info|news|tv|fm|io|co\.uk|com\.au|[a-z]{2})"


def clean_name(name: str) -> str:
    """Without a leading "By" or a button's verb ("Download the"), legal forms, trailing "All rights", punctuation
    and ®."""
    name = LEGAL_PREFIX.sub("", VERB_PREFIX.sub("", BY_PREFIX.sub("", name.strip(" ,-–—:®.|"))))
    name = TRAILING_WORDS.sub("", LEGAL_SUFFIX.sub("", name)).strip(" ,-–—:®|")
    return name


CAPTION_MIN_WORDS = 4  # words before a "©" that make the line a picture's caption, the holder its photographer's
RIGHTS = Screened(re.compile(r"rights|rechte|droits|derechos|direitos|diritti|права|práva|prawa|版权|版權|著作権", re.IGNORECASE))


CREDIT_SEPARATOR = re.compile(r"\w\s?/\s?\w")  # "© Samuel Velasco / Quanta Magazine", "© NASA/ESA": who took it, for whom


def is_photo_credit(text: str, match: re.Match[str]) -> bool:
    """ "FILE PHOTO: Russian soldiers greet each other ... © Sputnik / Mikhail Klimentyev": a caption's "©"
    (after a sentence, with no year after it and no rights reserved) names the picture's source; so does a
    "©" with no year and no rights that names a photographer and an agency ("© Maizal / stock.adobe.com").
    A bare "Copyright" with no year and no rights ("Copyright Information") is a link's heading: no holder either."""
    if RIGHTS.search(text) is not None or re.search(YEARS, match.group(0)):
        return False
    if not re.search(r"©|\(c\)", match.group(0), re.IGNORECASE) and re.search(YEARS, text) is None:
        return True  # "Copyright Information", "Copyright Policy"
    before = text[:match.start()]
    return (len(before.split()) >= CAPTION_MIN_WORDS and not re.match(rf"\s*(?:©|\(c\)|copyright)?\s*{YEARS}",
                                                                      text[match.start():], re.IGNORECASE)
            or CREDIT_SEPARATOR.search(match.group(0)) is not None)


def is_undated_notice(text: str, match: re.Match[str]) -> bool:
    """A "©" with no year and no rights reserved ("© Quanta Magazine"): above the page's footer, a picture's credit."""
    return RIGHTS.search(text) is None and re.search(YEARS, text) is None


def acceptable_name(name: str) -> bool:
    """Long enough, not a number, a pronoun, a bare "The" ("About The Company") or a phrase ("individual
    contributors"), at most NAME_MAX_WORDS."""
    return (len(name) >= 2 and not name.isdigit() and not HOLDER_NOISE.match(name) and name.casefold() != "the"
            and not LOWER_PHRASE.match(name) and len(name.split()) <= NAME_MAX_WORDS)


HOLDER_DOMAIN = re.compile(rf"(?<![\w.-])((?:[\w-]+\.)+{SITE_ADDRESS})(?![\w-])", re.IGNORECASE)


def holder_domain(raw: str) -> str | None:
    """The address a copyright phrase names its holders by ("individual mozilla.org contributors")."""
    match = HOLDER_DOMAIN.search(raw)
    return site_from_host(match.group(1).lower()) if match else None


def squashed(name: str) -> str:
    """ "The Riverside Gazette" -> "riversidegazette": a name as its address would spell it."""
    return re.sub(r"[\W_]+", "", LEADING_THE.sub("", name)).casefold()


def shows_own_address(name: str, texts: list[str]) -> bool:
    """The page shows the name as an address ("Engadget" ... "https://www.engadget.com/about")."""
    letters = squashed(name)
    if not letters.isascii() or len(letters) < 2:
        return False
    if not might_show(letters, "\n".join(texts)):
        return False  # most names: no pattern to compile (a millisecond each)
    pattern = re.compile(rf"(?<![\w-]){re.escape(letters)}\.{SITE_ADDRESS}(?![\w-])", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


# What re's IGNORECASE matches to an ASCII letter though `str.lower()` gives another ("ı", "ſ"; "İ" lowers to two)
ADDRESS_UNSAFE = unsafe_characters(frozenset({ascii_lowercase}))


def might_show(letters: str, text: str) -> bool:
    """Whether `shows_own_address`'s pattern may match in the text: the lower-cased text holds the letters and their
    dot, or a character that `str.lower()` and re pair otherwise (digest.summary.screen's reasoning)."""
    return f"{letters}." in text.lower() or any(char in text for char in ADDRESS_UNSAFE)


NAMING_PATTERNS = ((COPYRIGHT_HOLDER, COPYRIGHT_BONUS), (HOLDER_BEFORE, COPYRIGHT_BONUS), (BRAND_BEFORE, BRAND_BONUS),
                   (BRAND_AFTER, BRAND_BONUS), (BRAND_OWNS, BRAND_BONUS), (PART_OF, BRAND_BONUS),
                   (DISCLOSURE, BRAND_BONUS), (TRADEMARK, BRAND_BONUS), (ABOUT_CJK, BRAND_BONUS),
                   (HOME_LINK, BRAND_BONUS))
IN_SENTENCES = (DISCLOSURE, TRADEMARK)  # said in a sentence among others: looked for in lines of any length
SEARCHED = (COPYRIGHT_HOLDER, BRAND_OWNS, DISCLOSURE, TRADEMARK)  # anywhere in the line; the others open it


def has_disclosure_hint(text: str) -> bool:
    """DISCLOSURE_HINT is in the line. Its `\\b` opening finds no prefix to skip to, so it is tried at every position
    of every line, twice a paste: a look for its words first (most lines hold none) spares the search."""
    return ("may " in text or "affiliate" in text or "trademark of" in text) and DISCLOSURE_HINT.search(text) is not None


# NAMING_PATTERNS with what each asks: (pattern, bonus, searched anywhere, said in sentences), read once
NAMING = tuple((pattern, bonus, pattern in SEARCHED, pattern in IN_SENTENCES) for pattern, bonus in NAMING_PATTERNS)


def has_home_link_hint(text: str) -> bool:
    """A HOME_LINK_HINT is in the line: its Latin ones written out, its CJK ones looked for only beyond ASCII (most
    lines are all ASCII): the same answer as a look for each (tests/test_pasted_shortcuts.py), without a generator."""
    return ("to " in text or "To " in text or "TO " in text
            or not text.isascii() and any(hint in text for hint in HOME_LINK_HINT))


def has_owns_hint(text: str) -> bool:
    """OWNS_HINT is in the line; without an apostrophe only its "^get ... delivered" can be, at the line's start."""
    if "'" in text or "’" in text:
        return OWNS_HINT.search(text) is not None
    return OWNS_HINT.match(text) is not None


@by_text(16384)
def naming_matches(text: str, words: int) -> tuple[tuple[Screened | re.Pattern[str], int, re.Match[str]], ...]:
    """Each naming pattern's match in a line, with its bonus, in NAMING_PATTERNS' order (most lines: none).
    By text alone, cached: eight patterns over every short line are a tenth of the pasted pipeline, and a
    site's menus and footers recur page after page."""
    disclosure = has_disclosure_hint(text)
    long = words > NAMING_LINE_MAX_WORDS
    if long and not disclosure:
        return ()  # only the patterns said in sentences are looked for in a long line, and only after their hint
    found = []
    for pattern, bonus, searched, in_sentences in NAMING:
        if (not disclosure) if in_sentences else long:
            continue  # a sentence's pattern needs its hint; the others, a short line
        if pattern is BRAND_OWNS and not has_owns_hint(text):
            continue  # a cheap look first: the full pattern is slow to search
        if pattern is ABOUT_CJK and (text.isascii() or not any(hint in text for hint in ABOUT_CJK_HINT)):
            continue  # its hints are all beyond ASCII: an ASCII line (most) holds none, said without a look for each
        if pattern is HOME_LINK and not has_home_link_hint(text):
            continue
        match = pattern.search(text) if searched else pattern.match(text)
        if match:
            found.append((pattern, bonus, match))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Named:
    """What the naming lines of a page say, read once for the rules and the model alike."""

    names: dict[str, int]  # each name the page calls itself, with its bonus (copyright holders count extra)
    owners: frozenset[str]  # owner companies whose stem the page never writes alone: the model's to weigh
    groups: frozenset[str] = frozenset()  # those of `owners` named with a division's word ("Vox Media", "NYP
    # Holdings"): a parent company's, where "ELECOM Co., Ltd." or "Reddit Inc" is often the brand's own


def site_candidates(lines: list[Line], headline: str | None, article: range | None = None) -> Named:
    """Names the page calls itself (`Named.names`). An owner's stem the page never uses alone ("Raw Story" of
    "© 2022 Raw Story Media, Inc.") is no rule's answer; it goes to `Named.owners`, for the model to weigh
    against what else the page shows. `article` is the range of the article's lines, whose words are no
    masthead's confirmation."""
    found: dict[str, int] = {}
    owners: set[str] = set()
    groups: set[str] = set()
    boxes: set[tuple[str, str]] = set()
    texts = [line.text for line in lines]
    for line in lines:
        disclosure = has_disclosure_hint(line.text)  # a disclosure is a sentence among others
        if line.words > NAMING_LINE_MAX_WORDS and not disclosure:
            continue
        for pattern, bonus, match in naming_matches(line.text, line.words):
            if pattern is COPYRIGHT_HOLDER and (is_photo_credit(line.text, match) or (
                    line.index < len(lines) * publisher_model.FOOTER_SHARE and is_undated_notice(line.text, match))):
                continue
            group = next((key for key, value in match.groupdict().items() if value), "name")  # the name's group
            raw = match.group(group) or ""
            name = clean_name(raw)
            if not acceptable_name(name):
                name = (holder_domain(raw) if bonus == COPYRIGHT_BONUS else None) or ""
                if not name:
                    continue
            owned = is_owner(raw, line.text[match.end(group):])
            company_brand = named_like_company(name, texts) if owned else None
            if company_brand:
                name = company_brand  # "Fast Company": the brand's own name, not its owner's
            elif owned:
                stem = owner_stem(name, texts)
                if stem is None:
                    unconfirmed = " ".join(CORPORATE.sub(" ", name).split()).strip(" ,-–—&")
                    if acceptable_name(unconfirmed):
                        owners.add(unconfirmed)
                        if DIVISION.search(name):
                            groups.add(unconfirmed)
                    continue  # an owner whose brand the page never uses alone names no rule's answer
                name = stem
            if pattern is BRAND_AFTER and PLATFORM.match(name):
                continue  # "iPhone App" (a footer's download link) names the platform the app runs on
            if bonus == BRAND_BONUS and (name, line.text) in boxes:
                continue  # the same brand line again ("About Community" atop and below a box) is one line
            boxes.add((name, line.text))
            found[name] = found.get(name, 0) + bonus
    for line in lines:
        if line.words > NAMING_LINE_MAX_WORDS:
            continue
        if ">" not in line.text and "›" not in line.text and "»" not in line.text:
            continue  # no separator's mark, no breadcrumb: most lines, said without splitting
        crumbs = BREADCRUMB_SEPARATOR.split(line.text)
        if (len(crumbs) >= BREADCRUMB_MIN_PARTS and not is_code(line)
                and all(len(crumb.split()) <= BREADCRUMB_MAX_WORDS for crumb in crumbs[:-1])):
            root = clean_name(crumbs[0])
            if root and not HOME.match(root) and len(root.split()) <= MASTHEAD_MAX_WORDS:
                found[root] = found.get(root, 0) + BREADCRUMB_BONUS
    outside = [line.text for line in lines if article is None or line.index not in article]
    for line in lines[:MASTHEAD_LINES]:
        name = clean_name(line.text)
        if (line.words <= MASTHEAD_MAX_WORDS and not is_junk(line) and line.text != headline
                and acceptable_name(name) and shows_own_address(name, outside)):
            found.setdefault(name, 0)
    return Named(found, frozenset(owners), frozenset(groups))
