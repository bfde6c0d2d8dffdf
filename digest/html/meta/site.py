"""The publisher's name, as a reader would say it ("The Guardian", "RT", "Le Monde.fr").

Steps, first answer wins: the JSON-LD article's publisher (as Readability.js reads it; on
the development pages it is the brand more often than og:site_name is), unless it is the
byline's agency; Open Graph `og:site_name`; the page's JSON-LD Organization / WebSite object;
the part of the <title> that spells the host ("... | Diario del Sur" on diariodelsur.es,
"Daring Fireball: Colophon"); `application-name` or the app-link name (often a short form:
"NYTimes" beside "… - The New York Times"). A declared name that is a section ("U.S."
as og:site_name on reuters.com: it does not spell the host and the <title> does not carry
it) gives way to a name the page shows that spells the host. A page that declares no name
is named by what it shows: the copyright line ("光明网版权所有") or its logo when they spell
the host (else they name an owner, "Vox Media" on nymag.com, or an image's holder), or a
<title> part its logo repeats ("… _好奇心日报" under a "好奇心日报" masthead). Last, a
readable name from the address (digest.urls.site_from_host). Without an address (a saved
file with no canonical link) nothing can be checked against the host: the <title> part the
logo repeats, else the site's copyright notice: in the footer, or dated (an image's credit is neither).
Never a sentence, a year, a "@handle" or a legal form ("Co., Ltd.").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from digest.html.meta.jsonld import JsonObject, text_of, types_of
from digest.html.meta.tags import MetaTags, first, unescaped
from digest.html.meta.logo import logo_names
from digest.html.meta.names import key
from digest.html.meta.title import split_any_parts
from digest.urls import site_from_host

SITE_META_NAMES = ("og:site_name",)
# An app's name is often its short form ("NYTimes", "Verge", "RS"): it comes after the <title> part that
# spells the host ("… - The New York Times").
APP_META_NAMES = ("application-name", "apple-mobile-web-app-title", "al:android:app_name", "al:ios:app_name")
PUBLISHER_TYPES = ("organization", "website", "newsmediaorganization", "corporation")
SITE_MAX_CHARS = 80  # a longer "site name" is a sentence, not a name
COPYRIGHT_TEXT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
# "© 2019 Brand", "Copyright (c) 2014 Brand", "Copyright 2019 by Brand"; a bare "copyright" word needs a year or
# "by" after it, so "Copyright Policy", "Copyright Notice" or "copyrighted by their creators" name no one.
COPYRIGHT_LINE = re.compile(
    r"(?:©|\(c\)|\bcopyright\b\s*(?:©|\(c\))|\bcopyright\b(?=\s*(?:\d{4}|by\b)))\s*(?:©\s*)?"
    r"(?:(?:\d{4}|\d{1,3}(?=\s))(?:\s*[-–—]\s*\d{4})?\s*[,.]?\s*)?(?:by\s+)?"
    r"(?P<name>[^.|©\n]{2,80}?)\s*(?:[.|,;]|\ball rights\b|\btous droits\b|$)",
    re.IGNORECASE,
)
# A page's own notice stands in its footer, or dates itself or reserves its rights; an image's credit ("© Photo :
# holder of the image intended for publication", "© AP Photo / J. Smith") does none of these. Asked only when no
# address can check the name (`names_host`).
DATED_NOTICE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|rights reserved|droits réservés|版权所有", re.IGNORECASE)
CJK_COPYRIGHT = re.compile(r"(?P<name>[^\s©|:：,，。]{2,20})\s*版权所有")  # "光明网版权所有"
QUOTED_NAME = re.compile(r"[“\"«„]([^”\"»“]{2,40})[”\"»“]")
TAGLINE_SEPARATOR = re.compile(r"\s+[-–—|:]\s+")
NAME_BEFORE_COLON = re.compile(r"^([^:]{2,60}?):\s+\S")  # "Daring Fireball: Colophon", a blog's "Name: Post"
HOST_LABEL_MIN_CHARS = 4  # "bbc" is too short to recognise inside a longer name safely
HOST_NAME_MIN_CHARS = 3  # "cnn" spells a host inside "CNNMoney"; "qz" or "al" must be the whole name
HOST_PREFIXES_NAMING_NO_ONE = frozenset({"www", "m", "amp", "news", "blog", "blogs", "edition"})
DOMAIN_ENDING = re.compile(r"\.(?:[a-z]{2,3}|co\.uk|com\.[a-z]{2})$", re.IGNORECASE)
SPELLED_LABEL_MIN_CHARS = 5  # shorter labels ("al", "qz") must stand in the name as they are
LEADING_ARTICLE = re.compile(r"^(?:(?:the|le|la|les|el|der|die|das|il)\s+|l')", re.IGNORECASE)  # not "EL" of "ELECOM"
INITIALS_SKIPPED = frozenset({"the", "of", "and", "for", "a"})
SITE_MAX_WORDS = 7  # a longer "name" is a headline or a sentence (an application-name set to the title)
TRAILING_YEARS = re.compile(r"[\s,]+(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?$")  # "Haki Benita 2016-2020"
URL_LIKE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
CORPORATE_SUFFIX = re.compile(
    r"[\s,]+(?:inc|co|corp|corporation|ltd|llc|plc|gmbh|ag|limited|company|partners|group|holdings)\.?$", re.IGNORECASE)
YEAR_ONLY = re.compile(r"^[\d\s\-–—,]*$")
TEXT_SCAN_CHARS = 200_000  # the page's own spelling of its name is in its masthead, text or footer: far less


def usable_name(value: str | None) -> str | None:
    """A name, or None when the value is empty, too long, or an address."""
    if not value:
        return None
    value = " ".join(value.split())
    if URL_LIKE.match(value):
        value = site_from_host(urlsplit(value if "//" in value else "//" + value).hostname or "") or ""
    value = TRAILING_YEARS.sub("", value)
    if (not value or len(value) > SITE_MAX_CHARS or len(value.split()) > SITE_MAX_WORDS or YEAR_ONLY.match(value)
            or value.startswith("@")):
        return None  # a sentence, a year, a "@handle"
    return value


def article_publisher(article: JsonObject | None) -> str | None:
    """The JSON-LD article's own publisher."""
    return text_of(article.get("publisher")) if article is not None else None


def organization_name(objects: list[JsonObject]) -> str | None:
    """The name of the Organization or WebSite object the page declares."""
    for obj in objects:
        if any(kind in PUBLISHER_TYPES for kind in types_of(obj)):
            name = text_of(obj.get("name"))
            if usable_name(name):
                return name
    return None


def copyright_holder(root: HtmlElement, *, notice: bool = False) -> str | None:
    """The name in the page's last copyright line, the quoted part when there is one; `notice`: only the
    site's own notice, a line in the footer or one with a year or a rights reservation (not an image's credit)."""
    texts = root.xpath("//body//text()[contains(., '©') or contains(., 'opyright') or contains(., '版权所有')]")
    for node in reversed(texts):
        text = unescaped(str(node))
        match = CJK_COPYRIGHT.search(text) or COPYRIGHT_LINE.search(text)
        if not match or (notice and not (DATED_NOTICE.search(text) or in_footer(node.getparent()))):
            continue
        name = match.group("name")
        quoted = QUOTED_NAME.search(name)
        name = usable_name(quoted.group(1) if quoted else name)
        if name and not COPYRIGHT_TEXT.search(name):
            return name
    return None


def in_footer(element: HtmlElement | None) -> bool:
    """Inside the page's <footer>, or an element classed or named "footer"."""
    return element is not None and any(
        e.tag == "footer" or "footer" in f"{e.get('class') or ''} {e.get('id') or ''}".casefold()
        for e in (element, *element.iterancestors()))


def without_corporate_suffix(name: str) -> str:
    """"ELECOM CO., LTD" -> "ELECOM", "The Daring Fireball Company LLC" -> "The Daring Fireball": a holder's
    legal form is not the name a reader says."""
    while (shorter := CORPORATE_SUFFIX.sub("", name)) != name and shorter:
        name = shorter
    return name


def without_tagline(name: str, url: str | None) -> str:
    """"Aktuálně.cz - Víte, co se právě děje" -> "Aktuálně.cz", "電子書籍 | BOOK☆WALKER" -> "BOOK☆WALKER":
    of a name in two parts, the part that spells the host."""
    parts = [part.strip() for part in TAGLINE_SEPARATOR.split(name, maxsplit=1)]
    labels = host_labels(url)
    if len(parts) == 2:
        for part in parts:
            if len(letters(part)) >= HOST_LABEL_MIN_CHARS and names_host(part, labels):
                return part
    return name


def letters(text: str) -> str:
    """Letters and digits only, accents off: "Aktuálně.cz" -> "aktualnecz"."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in plain if ch.isalnum() and not unicodedata.combining(ch))


def title_suffix_naming_host(root: HtmlElement, url: str | None) -> str | None:
    """"Headline | Diario del Sur" on diariodelsur.es: the <title> part that spells the host is the
    site's name (the last part as names_host reads it; the first, which is often the headline,
    only when it is the host's letters exactly, as is a name before a colon: "Daring Fireball: Colophon"
    on daringfireball.net)."""
    element = root.find(".//title")
    labels = host_labels(url)
    if element is None or not labels:
        return None
    title = " ".join(unescaped(element.text_content()).split())
    parts = split_any_parts(title)
    if len(parts) < 2:
        named = NAME_BEFORE_COLON.match(title)
        return named.group(1) if named and letters(named.group(1)) in labels else None
    if names_host(parts[-1], labels):
        return parts[-1]
    return parts[0] if letters(parts[0]) in labels else None


def host_labels(url: str | None) -> list[str]:
    """The host's labels that can spell a brand: "www.theguardian.com" -> ["theguardian"]."""
    host = (urlsplit(url).hostname or "") if url else ""
    return [letters(label) for label in host.split(".")[:-1] if len(label) >= HOST_NAME_MIN_CHARS
            and label not in HOST_PREFIXES_NAMING_NO_ONE]


def names_host(name: str, labels: list[str]) -> bool:
    """Does the name spell the host? "The Guardian" on theguardian.com, "CNNMoney" on money.cnn.com,
    "Le Courrier de l'Ouest" on courrier-ouest.fr (the label's letters in order), "Cable News
    Network" on cnn.com (initials). Then it is the brand, not an owner or an image's holder."""
    plain = letters(LEADING_ARTICLE.sub("", DOMAIN_ENDING.sub("", name.strip())))
    initials = "".join(word[0] for word in letters_words(name) if word not in INITIALS_SKIPPED)
    for label in labels:
        if len(plain) >= HOST_NAME_MIN_CHARS and (label in plain or plain in label):
            return True
        if len(label) >= SPELLED_LABEL_MIN_CHARS and plain[:1] == label[:1] and is_subsequence(label, plain):
            return True
        if len(initials) >= 2 and label.startswith(initials):
            return True
    return False


def is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def letters_words(name: str) -> list[str]:
    return [letters(word) for word in name.split() if letters(word)]


def is_byline_agency(name: str, byline: str | None) -> bool:
    """A publisher that is the byline's agency ("Reuters" on a page whose byline is "Reuters") credits the story."""
    return bool(byline) and letters(name) in letters(byline or "")


def displayed_spelling(name: str, root: HtmlElement) -> str:
    """A declared name in lower case ("miamiherald", "al") as the <title>'s first or last part spells it
    ("Miami Herald", "al.com")."""
    if name != name.lower():
        return name
    element = root.find(".//title")
    parts = split_any_parts(" ".join(unescaped(element.text_content()).split())) if element is not None else []
    for shown in (parts[-1], parts[0]) if len(parts) > 1 else ():
        if letters(name) in (letters(shown), letters(DOMAIN_ENDING.sub("", shown))):
            return shown
    return name


def host_spelling_name(root: HtmlElement, url: str | None, labels: list[str], logos: Callable[[], list[str]]) -> str | None:
    """A name the page shows that spells its host: the <title> part; its copyright line's, without "Co."
    or "Partners"; else the shortest of its logo's names ("GIZMODO" beside "GIZMODO TV"). An owner's
    copyright ("Vox Media" on nymag.com) or a partner's logo does not spell it."""
    titled = usable_name(title_suffix_naming_host(root, url))
    if titled:
        return titled
    holder = usable_name(copyright_holder(root))
    holder = without_corporate_suffix(holder) if holder else None
    if holder and names_host(holder, labels):
        return holder
    spelling = [name for name in logos() if usable_name(name) and names_host(name, labels)]
    return min(spelling, key=lambda name: len(letters(name))) if spelling else None


def title_part_shown_as_logo(root: HtmlElement, logos: Callable[[], list[str]]) -> str | None:
    """"… _智能_好奇心日报" whose masthead shows "好奇心日报", "Daring Fireball: Colophon" under a "Daring Fireball"
    logo: a <title> part the logo repeats names the page, whatever its host (the widest run of leading or
    trailing parts that is a logo's name)."""
    element = root.find(".//title")
    title = " ".join(unescaped(element.text_content()).split()) if element is not None else ""
    parts = split_any_parts(title) if title else []
    if len(parts) == 1 and (named := NAME_BEFORE_COLON.match(title)):
        parts = [named.group(1), title[named.end() - 1:]]  # "Daring Fireball: Colophon"
    shown = {key(name) for name in logos()} if len(parts) > 1 else set()
    for count in range(len(parts) - 1, 0, -1):
        for run in (parts[-count:], parts[:count]):
            name = usable_name(" - ".join(run))
            if name and key(name) in shown:
                return name
    return None


def is_section_name(name: str, root: HtmlElement, url: str | None, labels: list[str]) -> bool:
    """og:site_name set to a section ("U.S." on reuters.com, "Magazine" on nationalgeographic.com): it
    does not spell the host and the <title> does not carry it. The caller replaces it only with a name
    the page shows that spells the host (`host_spelling_name`)."""
    if not labels or names_host(name, labels):
        return False
    element = root.find(".//title")
    if element is not None and key(name) in key(unescaped(element.text_content())):
        return False  # a sub-brand the title carries: "… | Mac & i"
    return True


def spelled_in_text(root: HtmlElement, labels: list[str]) -> str | None:
    """The host's name as the page's own text writes it, with capitals a bare host cannot show: "PolitiFact"
    on politifact.com, "ZEIT" on zeit.de, "Daring Fireball" on daringfireball.net (the most frequent such
    spelling). A word only capitalised ("Zeit", "Slate") may be a common noun: it does not count."""
    body = root.find("body")
    labels = [label for label in labels if len(label) >= HOST_LABEL_MIN_CHARS and label.isascii()]
    if body is None or not labels:
        return None
    text = " ".join(body.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]"))[:TEXT_SCAN_CHARS]
    counts: dict[str, int] = {}
    for label in labels:
        spelled = r"[ .]?".join(re.escape(ch) for ch in label)  # "daring fireball", "Politi.Fact"
        for match in re.finditer(rf"(?<![\w.]){spelled}(?![\w])", text, re.IGNORECASE):
            name = match.group()
            if any(ch.isupper() for ch in name[1:]):
                counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def find_site(root: HtmlElement, tags: MetaTags, article: JsonObject | None, objects: list[JsonObject],
              url: str | None, byline: str | None = None) -> str | None:
    """The publisher's name by the steps in the module docstring."""
    labels = host_labels(url)
    logos = cache(lambda: logo_names(root, url))  # read once, and only when no tag names the page
    publisher = usable_name(article_publisher(article))
    if publisher and is_byline_agency(publisher, byline):
        publisher = None
    if publisher:
        return displayed_spelling(without_tagline(publisher, url), root)
    declared = (
        lambda: first(tags, *SITE_META_NAMES),
        lambda: organization_name(objects),
        lambda: title_suffix_naming_host(root, url),
        lambda: first(tags, *APP_META_NAMES),
    )
    for step in declared:
        value = step()
        # "Raw Story - Celebrating 18 Years of Independent Journalism": the tagline goes before the length counts
        name = usable_name(without_tagline(" ".join(value.split()), url) if value else None)
        if name:
            if is_section_name(name, root, url, labels):
                shown = host_spelling_name(root, url, labels, logos)
                name = shown if shown and key(name) not in key(shown) else name  # "Us Weekly" in "Us Weekly Magazine"
            return displayed_spelling(without_tagline(name, url), root)
    if not url:  # nothing to check a name against: the title part the logo repeats, else the site's notice
        named = title_part_shown_as_logo(root, logos) or usable_name(copyright_holder(root, notice=True))
        return without_corporate_suffix(named) if named else None
    named = host_spelling_name(root, url, labels, logos) or title_part_shown_as_logo(root, logos)
    if named:
        return without_tagline(named, url)
    return spelled_in_text(root, labels) or site_from_host(urlsplit(url).hostname or "")
