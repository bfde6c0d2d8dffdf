"""The place a news dateline opens the lead with, as written: "KYIV, April 7 (Reuters) - ..." -> "KYIV".

    find_place("KYIV, April 7 (Reuters) - ...")        -> "KYIV"
    find_place("Berlin (dpa) - Die Bundesregierung")    -> "Berlin"
    find_lead_place(["In this photo ...", "MOSCOW (AP) — ..."]) -> "MOSCOW"

Precompiled patterns, one per dateline shape the wires and papers of our languages use; a place is
named only where the shape is unmistakable (capitals and a dash, or a known agency), never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.dates import alternation

NOT_PLACES = frozenset({
    "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "OPINION", "ANALYSIS",
    "EDITOR'S NOTE", "EDITOR’S NOTE", "VIDEO", "PHOTOS", "NOTE", "ALERT", "FILE", "FILE PHOTO", "READ MORE",
    "ADVERTISEMENT", "SPONSORED", "COMMENT", "REVIEW", "INTERVIEW", "CORRECTION",
})
PLACE_MAX_CHARS = 40  # "RIO DE JANEIRO" fits; a shouted sentence does not
UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ"
LOWER = "a-zß-öø-ÿā-žа-яёіїєґ"
CAPS_PLACE = rf"[{UPPER}][{UPPER}'’.\- ]*[{UPPER}.]"
# "Frankfurt/Main", "Berlin/Potsdam": German datelines join two places with a slash
TITLE_PLACE = rf"[{UPPER}][{LOWER}'’\-]+(?:[ \-/][{UPPER}][{LOWER}'’\-]+){{0,2}}"
REGION = rf"(?:[{UPPER}][{LOWER}.]+\.?|[{UPPER}]\.[{UPPER}]\.)"  # "SAN FRANCISCO, Calif." / "ATHENS, Ga." / "WASHINGTON, D.C."
DATE_BITS = r"[^()\[\]/\n\-–—:|]{1,30}?"  # "April 7", "7 апреля", "Feb. 3, 2022"
AGENCY = r"(?:\(\s*[^()\n]{1,40}?\s*\)|/\s*[^/\n]{1,20}?\s*/|\[\s*[^\[\]\n]{1,20}?\s*\])"
NEWS_AGENCIES = (
    "Reuters", "AP", "AFP", "dpa", "DPA", "ТАСС", "TASS", "РИА Новости", "RIA Novosti", "Интерфакс", "Interfax",
    "Xinhua", "UPI", "Bloomberg", "ANSA", "EFE", "Europa Press", "PAP", "ČTK", "CTK", "APA", "KNA", "epd", "sda", "SDA",
    "AA", "Yonhap", "Kyodo", "PTI", "IANS", "ANP", "Belga", "Agência Brasil", "Lusa", "TT", "NTB", "Ritzau", "STT",
    "УНИАН", "Укрінформ", "Ukrinform", "CNN", "BBC", "AP Photo", "ots", "AFX", "Télam", "ANA", "MTI", "BTA", "HINA",
)
# "(Reuters)", "(CNN Business)", "(AP Photo)", "(dpa/lnw)", "(dpa/AFP)": a known agency, maybe with
# one word of its desk or a second source after it
KNOWN_AGENCY = (rf"(?:\(\s*(?:{alternation(NEWS_AGENCIES)})(?:\s+[{UPPER}][\w-]+|\s*/\s*[\w-]+)?\s*\)"
                rf"|/\s*(?:{alternation(NEWS_AGENCIES)})\s*/)")
DASH = r"(?:\s*[-–—:]+|\s*\.(?=\s|$))"
# A dateline set apart from the text in its own element ends the paragraph, or is glued to the
# first word by innerText-like joins ("Hong Kong (CNN Business)Investors ...").
AGENCY_END = rf"(?:{DASH}|\s*$|(?=[{UPPER}]))"
DATELINES = (
    # KYIV, April 7 (Reuters) -   WASHINGTON (AP) —   МОСКВА, 7 апреля. /ТАСС/.
    re.compile(rf"(?P<place>{CAPS_PLACE}(?:,\s*{REGION})?)(?:,\s*{DATE_BITS})?\.?\s*{AGENCY}\.?{DASH}?"),
    # LONDON —   NEW YORK, April 7 -   SAN FRANCISCO, Calif. —
    re.compile(rf"(?P<place>{CAPS_PLACE}(?:,\s*{REGION})?)(?:,\s*{DATE_BITS})?\s+[-–—]+\s"),
    # Berlin (dpa) -   Paris, 7 avril (AFP) -   Москва, 7 апреля. /ТАСС/.   Hong Kong (CNN Business)
    # (a known agency only: "Apple (AAPL) -" is no dateline)
    re.compile(rf"(?P<place>{TITLE_PLACE})(?:,\s*{DATE_BITS})?\.?\s*{KNOWN_AGENCY}\.?{AGENCY_END}"),
    # 【ロンドン＝岡田浩幸】, 【ワシントン＝共同】: a Japanese paper's place and its reporter or agency
    re.compile(r"【(?P<place>[^【】＝=\s]{1,12})[＝=][^【】]{1,20}】"),
    # 新华社北京4月7日电: a Chinese agency, the place, the day, "电" (wired)
    re.compile(r"[\u4e00-\u9fff]{1,4}(?:社|网)(?P<place>[\u4e00-\u9fff]{2,6}?)[0-9０-９]{1,2}月[0-9０-９]{1,2}日电"),
    # (서울=연합뉴스): a Korean agency's place before its name
    re.compile(r"\((?P<place>[가-힣]{2,8})=\s?[^()]{1,20}\)"),
)


def find_place(lead: str) -> str | None:
    """The place a news dateline opens the lead with, as written; None when the lead has no dateline."""
    lead = lead.lstrip()
    for pattern in DATELINES:
        match = pattern.match(lead)
        if not match:
            continue
        place = match.group("place").strip()
        if "," not in place:
            place = place.rstrip(" .")  # the dateline's own full stop, not an abbreviation like "Calif."
        if not 2 <= len(place) <= PLACE_MAX_CHARS or place.upper() in NOT_PLACES:
            continue
        if not any(ch.isalpha() for ch in place):
            continue
        return place
    return None


LEAD_PARAGRAPHS = 3  # the dateline opens the lead, which may follow a photo caption and its credit


def find_lead_place(paragraphs: Sequence[str], lead: int = LEAD_PARAGRAPHS) -> str | None:
    """The place of the first dateline among the first paragraphs: a page's text may put a caption
    or two above the lead ("In this photo dated Tuesday, ..." before "MOSCOW (AP) — ...")."""
    return next(filter(None, map(find_place, paragraphs[:lead])), None)
