"""The bot's own words in its reader's language: gettext catalogues, plurals and dates.

Every sentence the bot says is English in the code, marked for extraction (`N_`, or a call of
`gettext`/`ngettext` on a `Words`), and looked up at run time in the compiled catalogues of
handlers/locale/<language>/LC_MESSAGES/digestbot.mo (shipped in the package: nothing is fetched).
Values go in with `str.format` names ("{count} digests"), so translators may move them.
The digest itself (title, summary, quotes) is the article's words and is never translated.

Catalogues are kept with Babel (see `make messages` and README): extract to digestbot.pot,
update each .po, compile the .mo files.

No telegram import here: `bot/` (the CLI) uses the same catalogues.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date

from digest.errors import N_, DigestError
from digest.model import zone_label
from digest.pdf.reader import PAGES_NOTE

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "LANGUAGE_NAMES", "N_", "Words", "language_of", "words_for",
           "words_from_environment"]

DOMAIN = "digestbot"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_LANGUAGE = "en"
LANGUAGES = ("en", "ru", "uk", "de", "fr", "es", "it", "pt")
# Each language in its own words, for the /settings buttons.
LANGUAGE_NAMES = {
    "en": "English", "ru": "Русский", "uk": "Українська", "de": "Deutsch",
    "fr": "Français", "es": "Español", "it": "Italiano", "pt": "Português",
}
# A digest keeps its reader's note as an English sentence (it is part of the stored record);
# the bot recognises it to show it in the reader's language.
PAGES_NOTE_FORM = re.compile(re.escape(PAGES_NOTE).replace(r"\{count\}", r"(?P<count>\d+)")
                             .replace(r"\{read\}", r"(?P<read>\d+)"))
# Day, month name, year, in the order each language writes them (CLDR's long forms, less the
# "г." / "р." that Russian and Ukrainian add after the year, which a dateline does without).
DATE_PATTERNS = {
    "en": "d MMMM y", "ru": "d MMMM y", "uk": "d MMMM y", "de": "d. MMMM y",
    "fr": "d MMMM y", "es": "d 'de' MMMM 'de' y", "it": "d MMMM y", "pt": "d 'de' MMMM 'de' y",
}


def language_of(code: str | None) -> str:
    """The catalogue for a Telegram `language_code` ("pt-br" -> "pt"), English when we have none."""
    base = (code or "").replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class Words:
    """One language's catalogue: sentences, plurals and dates."""

    language: str
    catalogue: gettext.NullTranslations

    def gettext(self, message: str, **params: Any) -> str:
        """The sentence in this language, with its {names} filled in."""
        text = self.catalogue.gettext(message)
        return text.format(**params) if params else text

    def ngettext(self, singular: str, plural: str, count: int, *, shown: str | None = None, **params: Any) -> str:
        """The form for `count` by the language's plural rule; {count} (written as `shown`, "1000+", when
        given) and {names} filled in."""
        return self.catalogue.ngettext(singular, plural, count).format(count=shown or count, **params)

    def error(self, error: DigestError) -> str:
        """A DigestError's sentence in this language, its values filled in."""
        return self.gettext(error.message, **error.params)

    def note(self, note: str) -> str:
        """A digest's note (a PDF read in part) in this language; a note we do not know, as it is."""
        found = PAGES_NOTE_FORM.fullmatch(note)
        if found is None:
            return note
        return self.ngettext("This PDF has {count} page; the digest reads the first {read}.",
                             "This PDF has {count} pages; the digest reads the first {read}.",
                             int(found["count"]), read=int(found["read"]))

    def when(self, published: datetime | date | None) -> str | None:
        """"7 апреля 2022, 07:02 UTC+3": a date (and time with its zone, when the page gave one) as this
        language writes it."""
        if published is None:
            return None
        # As the page stated it: no time zone conversion (Babel's format_time would convert to local time).
        day = format_date(published.date() if isinstance(published, datetime) else published,
                          DATE_PATTERNS[self.language], locale=self.language)
        if not isinstance(published, datetime):
            return day
        time = f"{published:%H:%M}"
        offset = published.utcoffset()
        if offset is not None:  # the zone the page stated, so a UTC stamp is never read as local time
            time += f" {zone_label(offset)}"
        return self.gettext("{date}, {time}", date=day, time=time)

    def dateline(self, place: str | None, published: datetime | date | None) -> str | None:
        """Place (as the page wrote it) and date: "KYIV, 7 апреля 2022, 07:02"."""
        parts = [part for part in (place, self.when(published)) if part]
        return ", ".join(parts) or None


@lru_cache(maxsize=len(LANGUAGES))
def _words(language: str) -> Words:
    if language == DEFAULT_LANGUAGE:
        return Words(language, gettext.NullTranslations())  # the code's own words
    catalogue = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language])
    return Words(language, catalogue)


def words_for(code: str | None) -> Words:
    """The words for a language code (a Telegram one, or a chat's setting)."""
    return _words(language_of(code))


ENGLISH = words_for(DEFAULT_LANGUAGE)

# Where a command line finds its language, in the order GNU gettext reads them.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
PLAIN_LOCALES = ("C", "POSIX")


def words_from_environment(environ: Mapping[str, str] = os.environ) -> Words:
    """The CLI's words: English unless the locale variables name a language we speak
    ("ru_RU.UTF-8" -> Russian; LANGUAGE may list several, "uk:ru"). C and POSIX are English."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.split(".", 1)[0].split("@", 1)[0]
            if code in PLAIN_LOCALES:
                return ENGLISH
            if code and language_of(code) == code.replace("_", "-").split("-", 1)[0].lower():
                return words_for(code)
        if name != "LANGUAGE":
            return ENGLISH  # the first variable set decides, as in gettext
    return ENGLISH
