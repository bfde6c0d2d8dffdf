"""The publication date as a choice among every date a paste writes, scored by a fitted model.

The rules of `digest.pasted.published.find_published` look in a window around the headline; when the
headline or the article run is misread (a menu's line taken for the headline, a byline glued to its
section), the dateline falls outside the window and the page gets no date, or a caption's. Here every
date the page writes is a candidate, with what speaks for it (near the headline or the article's start,
a dateline or byline line, a "Published" cue (before it, or a label of its own above), a time of day,
the rules' own pick, a breadcrumb just above: the page's path opens its article whether or not the
headline was read right) and against it (a comment's "Reply", a footer, a copyright line, a sentence of
the article, a list of dated links); one more choice is "no date". The weights (`pasted-date.json`, fitted by
`bench/fit/date.py` as a conditional logit over one page's choices, read at first use, a fold's own
under bench.evaluate --cv) decide. A date announced as an update ("Updated Jul 24, 2018", "Updated:" over it)
is a candidate marked `update_cue`, chosen only where no other date beats "no date" (`pick`): where the page
shows nothing else it is the page's only stamp, its publication's as far as a reader can tell (a news page's
"Updated 11:22 PM EST" over a story published that hour). An expiry's date ("Expires:") is no candidate.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from digest.dates import clock_alone, find_date
from digest.memo import by_text
from digest.pasted import fitted
from digest.pasted.blocks import has_date, is_breadcrumb, is_byline, is_dateline, looks_like_prose
from digest.pasted.junk import is_copyright, is_junk
from digest.pasted.lines import Line
from digest.summary.screen import Screened

WEIGHTS_NAME = "pasted-date"  # digest/pasted/pasted-date.json (digest.pasted.fitted)
NONE = None  # the "no date" choice
MAX_DATES_PER_LINE = 3  # "Expires: 18 June 2015   15 December 2014": a line rarely holds more that matter
CUE_REACH = 40  # characters before a date where its cue ("Published", "Updated on") stands
NEAR_LINES = 3.0  # the scale of "near" the headline or the article's start, in lines
FOOTER_SHARE = 0.8  # the last fifth of the page: its footer
LABEL_MAX_WORDS = 3  # "Last updated:" on a line of its own labels the date under it
LIST_REACH = 2  # dated lines this close above and below: a list of dated links or comments
BREADCRUMB_REACH = 8  # lines under a breadcrumb ("Home > News > ...") where the article's header stands
# An English weekday between a cue and its date: "Published Tue, Dec 20 2016", "Updated Mon, Mar 18 2019"
CUE_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"
PUBLISHED_WORD = Screened(re.compile(
    r"(?:published|posted|first published|publié|veröffentlicht|publicado|pubblicato|опубликовано|publikováno|"
    r"opublikowano|datepublished|公開日|公開|投稿日|掲稿|発行日|登録日|配信(?:開始)?日?時?|发布|發佈|发表|發表)\W*(?:on|am|le|el|em|il)?\W*"
    rf"{CUE_WEEKDAY}$",
    re.IGNORECASE))
# A line that opens by announcing a publication, its date further on ("Posted by Nikhil Marathe on March 10, 2015at 08:05",
# "Posted on Tuesday 15 October 2019 at 09:11 by ...", "This entry was posted on ...")
CUE_OPENS_LINE = Screened(re.compile(
    r"^\W*(?:this (?:entry|post|article|story) was )?(?:published|posted|first published|publié|veröffentlicht|"
    r"publicado|pubblicato|опубликовано|publikováno|opublikowano)\b",
    re.IGNORECASE))
UPDATE_WORD = Screened(re.compile(
    r"(?:updated|update posted|modified|edited|mis à jour|modifié|aktualisiert|geändert|"
    r"actualizado|atualizado|aggiornato|modificato|обновлено|изменено|aktualizováno|zaktualizowano|datemodified|"
    r"更新日|更新|最終更新|更新日時|修改)\W*(?:on|am|le|el|em|il)?\W*"
    rf"{CUE_WEEKDAY}$",
    re.IGNORECASE))
# "Expires: 18 June 2015": the day a document lapses, never its publication's
EXPIRY_WORD = Screened(re.compile(r"(?:expires?|expiry|valid until|gültig bis|expire le)\W*(?:on|am|le)?\W*$",
                                  re.IGNORECASE))
# A date a print issue or edition names ("December 5, 2016 Issue", "the December 5, 2016, issue", "Dec 5th 2016
# edition"): the magazine's cover date, not the day the article was published
PRINT_ISSUE = re.compile(r"\W{0,3}(?:issue|edition|ausgabe|édition|edición|edizione|edição)\b", re.IGNORECASE)
REPLY = Screened(re.compile(r"\b(?:reply|replies|antworten|répondre|responder|rispondi|ответить)\b|返信|回复|says:$", re.IGNORECASE))
SHOWN_AS_OF = Screened(re.compile(r"\b(?:as of|price as|returns as|stand:|état au)\b", re.IGNORECASE))

FEATURES = (
    "is_none", "rule_pick", "rule_day", "near_headline", "near_start", "above_headline", "log_distance",
    "inside_article", "prose", "dateline", "byline", "junk", "copyright", "published_cue", "reply", "as_of",
    "footer", "has_time", "has_zone", "later_in_line", "same_day_lines", "listed", "first_date", "latest",
    "short_line", "under_breadcrumb", "cue_opens_line", "update_cue",
)

Value = datetime | date


def dates_in(line: Line, day_first: bool | None) -> tuple[tuple[Value, int, int, bool], ...]:
    """The dates a line writes, with their spans (at most MAX_DATES_PER_LINE) and whether a cue right before
    announces it as an update ("Updated Jul 24, 2018"), but an expiry's ("Expires: 18 June 2015") and a print
    issue's ("December 5, 2016 Issue"): never the publication's, whatever else the page shows."""
    return dates_in_text(line.text, day_first)


@by_text(4096)
def dates_in_text(text: str, day_first: bool | None) -> tuple[tuple[Value, int, int, bool], ...]:
    """`dates_in` by the line's text, cached: a page's dated lines (its teasers', its comments') recur."""
    found, position = [], 0
    while len(found) < MAX_DATES_PER_LINE and (hit := find_date(text[position:], day_first=day_first)):
        value, begin, end = hit
        before = text[max(0, position + begin - CUE_REACH):position + begin]
        if not PRINT_ISSUE.match(text, position + end) and not EXPIRY_WORD.search(before):
            found.append((value, position + begin, position + end, UPDATE_WORD.search(before) is not None))
        position += end
    return tuple(found)


def with_clock_below(lines: list[Line], line: Line, value: Value, day_first: bool | None) -> Value:
    """A date with no time of its own, on a line whose every date is that day with no time, and the line right
    under it a clock time alone ("October 11, 2022" over "15:11"): that day at that time, as written. A page that
    sets its date and its time in elements of their own pastes them on two lines."""
    if isinstance(value, datetime) or line.index + 1 >= len(lines):
        return value
    if any(isinstance(other, datetime) or other != value for other, _, _, _ in dates_in_text(line.text, day_first)):
        return value
    return clock_alone(lines[line.index + 1].text, value) or value


def under_label(lines: list[Line], line: Line, cue: Screened) -> bool:
    """A date under a label of its own that the cue finds ("Updated:" / "Mar 6, 2018", "Expires:" / ...)."""
    above = lines[line.index - 1] if line.index > 0 else None
    return above is not None and above.words <= LABEL_MAX_WORDS and cue.search(above.text) is not None


def under_published_label(lines: list[Line], line: Line) -> bool:
    """A date under a label of its own that is nothing but the cue ("Published:" / "Mar 6, 2018", "配信開始日" /
    "2019/3/5"; not a heading that ends on one, "Recently Posted" over a list of other posts)."""
    above = lines[line.index - 1] if line.index > 0 else None
    if above is None or above.words > LABEL_MAX_WORDS or has_date(above):
        return False
    cue = PUBLISHED_WORD.search(above.text)
    return cue is not None and not above.text[:cue.start()].strip()


def day(value: Value) -> date:
    return value.date() if isinstance(value, datetime) else value


def candidates(lines: list[Line], headline: Line | None, start: int, rule_pick: Value | None,
               day_first: bool | None, end: int | None = None) -> list[tuple[Value | None, dict[str, float]]]:
    """Every date the page writes, and "no date" (NONE), each with the model's features."""
    dated = [(line, order, hit) for line in lines if has_date(line) and not under_label(lines, line, EXPIRY_WORD)
             for order, hit in enumerate(dates_in(line, day_first))]
    if not dated:
        return [(NONE, {"is_none": 1.0})]
    anchor = headline.index if headline is not None else start
    end = len(lines) if end is None else end
    days: dict[date, set[int]] = {}
    for line, _, (value, _, _, _) in dated:
        days.setdefault(day(value), set()).add(line.index)
    dated_lines = {line.index for line, _, _ in dated}
    crumbs = [line.index for line in lines if is_breadcrumb(line)]
    latest = max(days)
    footer_from = len(lines) * FOOTER_SHARE
    result: list[tuple[Value | None, dict[str, float]]] = [(NONE, {"is_none": 1.0})]
    for number, (line, order, (value, begin, _, update)) in enumerate(dated):
        value = with_clock_below(lines, line, value, day_first)
        before = line.text[max(0, begin - CUE_REACH):begin]
        distance = abs(line.index - anchor)
        neighbours = sum(1 for other in range(line.index - LIST_REACH, line.index + LIST_REACH + 1)
                         if other != line.index and other in dated_lines)
        result.append((value, {
            "rule_pick": 1.0 if rule_pick is not None and value == rule_pick else 0.0,
            "rule_day": 1.0 if rule_pick is not None and day(value) == day(rule_pick) else 0.0,
            "near_headline": math.exp(-distance / NEAR_LINES),
            "near_start": math.exp(-abs(line.index - start) / NEAR_LINES),
            "above_headline": 1.0 if line.index < anchor else 0.0,
            "log_distance": math.log1p(distance) / 5,
            "inside_article": 1.0 if start <= line.index < end else 0.0,
            "prose": 1.0 if looks_like_prose(line) else 0.0,
            "dateline": 1.0 if is_dateline(line) else 0.0,
            "byline": 1.0 if is_byline(line) else 0.0,
            "junk": 1.0 if is_junk(line) else 0.0,
            "copyright": 1.0 if is_copyright(line) else 0.0,
            "published_cue": 1.0 if PUBLISHED_WORD.search(before) or under_published_label(lines, line) else 0.0,
            "reply": 1.0 if REPLY.search(line.text) else 0.0,
            "as_of": 1.0 if SHOWN_AS_OF.search(before) else 0.0,
            "footer": 1.0 if line.index >= footer_from else 0.0,
            "has_time": 1.0 if isinstance(value, datetime) else 0.0,
            "has_zone": 1.0 if isinstance(value, datetime) and value.tzinfo is not None else 0.0,
            "later_in_line": 1.0 if order > 0 else 0.0,
            "same_day_lines": math.log1p(len(days[day(value)]) - 1) / 2,
            "listed": min(neighbours, 2) / 2,
            "first_date": 1.0 if number == 0 else 0.0,
            "latest": 1.0 if day(value) == latest and len(days) > 1 else 0.0,
            "short_line": 1.0 if line.words <= 12 else 0.0,
            "under_breadcrumb": 1.0 if any(0 < line.index - crumb <= BREADCRUMB_REACH for crumb in crumbs) else 0.0,
            "cue_opens_line": 1.0 if CUE_OPENS_LINE.search(line.text) else 0.0,
            "update_cue": 1.0 if update or under_label(lines, line, UPDATE_WORD) else 0.0,
        }))
    return result


def pick(choices: list[tuple[Value | None, dict[str, float]]]) -> Value | None:
    """The best-scoring choice's date (None: "no date" scored best), with the time the page announces as the
    publication's on that day when the choice has none of its own ("Tuesday 15 October 2019 by Bradley M. Kuhn"
    over the article, "Posted on Tuesday 15 October 2019 at 09:11 by ..." under it) or an unlabelled one
    ("by Julia Horowitz November 29, 2016: 3:42 PM ET" over "First published November 29, 2016: 3:33 AM ET":
    the unlabelled time is the last update's). A comment's or a list's "Posted ..." (two dated lines around
    it) is another's. An update's date is chosen only where no other date beats "no date": any publication
    date the page shows comes first."""
    def score(choice: tuple[Value | None, dict[str, float]]) -> float:
        return fitted.score(WEIGHTS_NAME, choice[1])

    best, features = max((choice for choice in choices if not choice[1].get("update_cue")), key=score)
    if best is None:
        best, features = max(choices, key=score)
    if best is None or isinstance(best, datetime) and features.get("published_cue"):
        return best
    announced = [value for value, other in choices if isinstance(value, datetime)
                 and (other.get("published_cue") or other.get("cue_opens_line") and not other.get("later_in_line"))
                 and day(value) == day(best) and value != best
                 and not other.get("reply") and other.get("listed", 0.0) < 1.0]
    return announced[0] if announced else best
