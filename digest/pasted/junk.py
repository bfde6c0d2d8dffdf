"""Lines of pasted page text that are never an article's text, wherever they stand (`is_junk`).

Buttons, counters, timecodes, icon labels, copyright lines, cookie walls and other notices, teasers
("READ MORE: ..."), photo credits, and the headings that open the comments or the other stories. They build on
a line's shape (digest.pasted.blocks: prose, dateline, byline, markup), which never asks what is junk.
"""

from __future__ import annotations

import re

from digest.memo import by_text
from digest.pasted.blocks import is_byline, is_dateline, is_markup, is_slide_counter, looks_like_prose
from digest.pasted.lines import Line, word_count
from digest.summary.screen import Screened, lowered

TIMECODE = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?$")
ICON_LABELS = Screened(re.compile(r"(?:\w*icon\b.*){3,}", re.IGNORECASE))  # "bookmark-bicon bookmarkicon cameraicon ..."
ICON_WORD = re.compile(r"icon\b", re.IGNORECASE)  # ICON_LABELS' matches are lines with three of these: `is_icon_labels`
ICON_LABELS_MIN = 3
COPYRIGHT = Screened(re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|todos os direitos|todos los derechos|tous droits|"
    r"alle rechte|все права|tutti i diritti|všechna práva|wszelkie prawa|版权所有|版權所有|著作権",
    re.IGNORECASE,
))
PAGE_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright)|\b(?:19|20)\d\d\b|rights reserved|direitos|derechos|droits|rechte|права",
                            re.IGNORECASE)
NOTICE_BRANCHES = (  # cookie walls, app prompts, consent texts, licence lines: never article text
    r"\bcreative commons\b", r"\buses? cookies\b", r"\baccept(?: all)? cookies\b", r"\bcookie (?:policy|settings|preferences)\b",
    r"\bnews app\b", r"(?:download|get it|available) on (?:the )?(?:app store|google play)", r"download (?:the|our) app",
    r"get (?:the|our) app", r"\byou agree to\b", r"\bby using (?:this|our) (?:site|website|service)\b",
    r"javascript (?:is )?(?:disabled|required)", r"enable javascript", r"ad ?blocker", r"\b(?:is )?sponsored by\b", r"^powered by\b",
    # affiliate disclosures and the foot's terms: "... through one of our affiliate links we may earn a commission"
    r"\baffiliate links?\b", r"\b(?:has|have) affiliate partnerships\b",
    r"\bmay (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation|cut)\b",
    r"\bconstitutes (?:your )?acceptance of\b", r"\bcookies on your (?:browser|device|computer)\b", r"^these cookies\b",
)
NOTICE = Screened(re.compile("|".join(NOTICE_BRANCHES), re.IGNORECASE))
# Each branch apart, behind its own screen: a line that passes NOTICE's screen ("download ", "cookie ") is searched
# for the one or two branches its words allow, not for all of them at every position (`notice_start`)
NOTICE_PARTS = tuple(Screened(re.compile(branch, re.IGNORECASE)) for branch in NOTICE_BRANCHES)
LICENCE = re.compile(  # "This website ... is licensed under ...", "code samples ... are licensed under ..."
    r"\b(?:this (?:site|website|page|work|blog)|content|text|code samples|documents)\b.{0,60}\blicen[sc]ed under\b",
    re.IGNORECASE,
)
PROMPT = Screened(re.compile(  # newsletter and sign-in prompts, policy links: junk unless the line reads as prose
    r"\bprivacy policy\b|\bterms of (?:use|service)\b|\bcookies?\b|\bnewsletters?\b|\bsubscribe\b|\bsign up\b|\bsign in\b|\blog in\b|\bregister\b|"
    r"\babonnez|\bs'abonner|\babonnieren|\bassine\b|\bsuscr[ií]b|\bподпи",
    re.IGNORECASE,
))
PROMPT_OPENING = re.compile(  # "Log in with your account to ...", "Sign up for a free account to ...": a call to act
    r"^(?:log ?in|sign ?in|sign ?up|register|subscribe|create (?:an|your|a free) account|join (?:us|now))\b",
    re.IGNORECASE,
)
CALL_TO_ACT = Screened(re.compile(  # what a page asks of its reader under the article: PROMPT's asks, and comments
    PROMPT.pattern.pattern + r"|\bcomment (?:below|here)\b",
    re.IGNORECASE,
))
NOTICE_MAX_WORDS = 40  # an article paragraph may mention cookies; a notice is short
NOTICE_OPENING_CHARS = 60  # ... or opens with it ("We use cookies and similar technologies ...")
CONSENT_MAX_WORDS = 150  # the longest consent text we call a notice
TEASER = Screened(re.compile(  # "READ MORE: ...", "Related: ...", "Lire aussi : ..." inside or after the article
    r"(?:^|\s)(?:read more|read also|also read|see also|related|more|watch|listen|lire aussi|à lire aussi|a lire aussi|"
    r"voir aussi|lesen sie auch|mehr zum thema|leia também|leia mais|veja também|lee también|leer más|ver también|"
    r"leggi anche|читайте также|смотрите также|čtěte také|czytaj też|zobacz też)\s*[:：»›|]",
    re.IGNORECASE,
))
TEASER_MAX_WORDS = 30
TEASER_MARKS = ":：»›|"  # every TEASER match ends on one of these (none has another case): `is_teaser` looks for them first
SELF_REPEAT_MIN_WORDS = 3  # "Go team go team" is a chant; three words said twice over is a card
SELF_REPEAT_MAX_WORDS = 20  # a headline printed over and over; a paragraph said twice is another matter
READ_ON = Screened(re.compile(  # a teaser card ends by inviting the click: "... Read more", "Mehr…"
    r"(?:read more|continue reading|lire la suite|weiterlesen|leia mais|leer más|leggi tutto|читать далее)"
    r"(?:\s*read more)*\s*[›»>]?$|\b(?:mehr|more|plus|más|mais|далее)\s*(?:…|\.\.\.)$",
    re.IGNORECASE,
))
# The last character of a READ_ON match, the text's trailing whitespace aside (its "$" may stand before a final
# newline): an arrow, "…", or the last letter of a phrase of its first branch in either case, "ſ" too, which
# IGNORECASE pairs with "s" (each letter's every case: tests/test_pasted_shortcuts.py); or it ends on "..."
READ_ON_ENDINGS = frozenset("›»>…egnsoеEGNSOЕſ")
CREDIT = Screened(re.compile(  # photo captions and credits: "FILE PHOTO: ... © Sputnik", "Photograph: X for the Guardian"
    r"^(?:file photo|photo|foto|image|picture|bild|video|illustration)\s*:|^(?:media )?caption\b|"
    r"\b(?:photograph|photo|image|picture|foto|bild|credit|crédit|crédito|fotografie)s?\s*:\s*\S|"
    r"\b(?:getty images|afp|reuters|ap photo|associated press|shutterstock|epa|sputnik|istock)\s*$|"
    r"^\(?(?:bild|foto|photo|image)\s*:?[^)]{0,40}\)?$|©",
    re.IGNORECASE,
))
# a caption's closing credit, a photographer's name over the agency ("... Pittsburgh. (Dustin Franz/AFP/Getty Images)",
# "... on June 18, 2015. Chuck Burton/AP hide caption"), maybe followed by the caption toggle's label in lower case
NAMED_CREDIT = re.compile(
    r"(?:^|\s)\(?[A-Z][\w.'’\-]+(?:\s[A-Z][\w.'’\-]*){1,3}\s?/\s?[A-Z][\w.&'’\-]*(?:[\s/][A-Z][\w.&'’\-]*){0,3}\)?"
    r"(?:\s[a-z]+){0,2}$")
# A photo's credit standing alone: who took it ("Photo by James Martin/CNET", "ASSOCIATED PRESS", "Jan Smit/AFP").
PHOTO_CREDIT = Screened(re.compile(r"^(?:photo(?:graph)?|image|picture|foto)s?\s*(?:by\b|:)"
                                    r"|\b(?:getty images|afp|reuters|ap photo|associated press|shutterstock|epa|istock)\s*\)?$",
                                    re.IGNORECASE))
# A picture's copyright, its owner and the agency or archive split by a spaced slash ("© Maizal / stock.adobe.com
# (Ausschnitt)", "© Samuel Velasco / Quanta Magazine, nach ..."): a credit inside the article, not the page's footer.
PICTURE_COPYRIGHT = re.compile(r"^\s*©\s*[^/\s][^/]{0,60}?\s/\s\S")
CREDIT_MAX_WORDS = 8
CREDITED_CAPTION_MAX_WORDS = 60  # a caption of two or three sentences still ends in its photographer and agency
BYLINE_WORD = re.compile(r"^(?:by|von|par|por|di|de)\b", re.IGNORECASE)  # "By: Paul Wiseman, The Associated Press"
COMMENTS = re.compile(  # the comments open: nothing after this heading is the article (nor after a teaser
    # card's "2559Comments. Click to view comments")
    r"^[\[(]?\s*(?:there (?:are|is) |show |view |read |load |see )?(?:all )?"
    r"(?:(?:top|most|best|highest)(?: rated| liked| voted| popular)? |newest |latest |oldest )?"
    r"(?:\d+\s*comments[.:|•]\s+[^.!?]{1,40}|(?:\d[\d,.]*\s+){0,2}(?:comments|reader comments|\d+\s+comment|"
    r"kommentare|commentaires|comentários|comentarios|commenti|комментарии|diskuse|komentarze|reacties)|"
    r"\d+\s+(?:responses?|replies|thoughts on .{1,80})|leave a (?:comment|reply)|post a comment|add a comment|"
    r"join the (?:discussion|conversation)|(?:enviá|envía|deja|dejá|escribe|escribí) (?:tu|un) comentario|"
    r"laisser un commentaire|laissez un commentaire|réagissez|kommentar schreiben|lascia un commento|"
    r"deixe (?:seu|um) comentário|оставить комментарий|napsat komentář|dodaj komentarz)"
    r"(?:\s*\(\d+\))?\s*:?\s*[\])]?$",
    re.IGNORECASE,
)
SECTION_BREAK = re.compile(  # a heading that opens the page's other stories or comments ("【関連記事】",
    # "Social Surge - What's Trending" too)
    r"^(?:[^\W\d][^-–|:.]{1,30}\s[-–|:]\s)?[【\[]?(?:\d+\s+)?(?:what'?s trending|related(?: stories| articles| content| posts| topics| coverage| news| links)?|top stories|"
    r"more stories|more from .{1,30}|more on this story|more in .{1,30}|recommended(?: for you| stories)?|"
    r"you may also like|you might also like|most popular|most read|most viewed|trending(?: now)?|"
    r"latest (?:news|stories)|editor'?s'? picks|what to read next|read (?:this )?next|up next|more like this|"
    r"(?:popular|trending) stories|more news|more to explore|"
    r"comments?|leave a (?:comment|reply)|join the discussion|discussion|show comments|"
    r"about the author|share this(?: article| story| post)?|follow us|sponsored(?: content| stories)?|"
    r"(?:from )?around the web|all podcasts|live|live updates|just in|latest|direct|en direct|en vivo|ao vivo|"
    r"právě se děje|liveticker|newsticker|"
    r"(?:las|los|lo) más (?:leíd[oa]s?|vist[oa]s?)|más sobre .{1,40}|plus sur .{1,40}|mehr über .{1,40}|"
    r"mais sobre .{1,40}|more about .{1,40}|"
    r"les plus lus|sur le même sujet|à lire aussi|lire aussi|dans la même rubrique|commentaires?|"
    r"mehr zum thema|meistgelesen|kommentare|ähnliche artikel|das könnte sie auch interessieren|"
    r"leia também|mais lidas|comentários|lo más leído|noticias relacionadas|comentarios|te puede interesar|"
    r"читайте также|популярное|комментарии|похожие новости|главное|"
    r"più letti|commenti|leggi anche|související(?: články)?|nejčtenější|diskuse|komentarze|najczęściej czytane|"
    r"関連記事|関連ニュース|おすすめ記事|人気記事|新着\S{0,8}|相关新闻|相关阅读|相关文章|推荐阅读|热门推荐|延伸阅读|相關新聞|延伸閱讀|관련기사|관련 기사)"
    r"\s*[:：›»>】\]]*$",
    re.IGNORECASE,
)
BUTTON = re.compile(  # labels of buttons and share bars, alone on their line
    r"^(?:share(?: on \w+| via \w+| this)?|tweet|email|e-mail|print|save|like|follow|reply|comment|menu|search|"
    r"close|open|more|show more|(?:next|previous|prev) (?:story|article|post|page)|load more|read more|"
    r"advertisement|advertising|sponsored|ad|anzeige|reklama|"
    r"publicité|publicidad|pubblicità|реклама|skip to (?:main )?content|back to top|home|next|previous|"
    r"facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|vk|copy link|teilen|partager|compartir|"
    r"condividi|compartilhar|поделиться|sdílet(?: článek)?|udostępnij|"
    r"to se mi líbí|gefällt mir|j'aime|me gusta|mi piace|curtir|нравится)\s*[›»>]*$",
    re.IGNORECASE,
)
BUTTON_LABEL_MAX_CHARS = 20  # BUTTON's longest label ("skip to main content"), "share on X" aside ...
OPEN_LABEL_STARTS = "sSſ"  # ... which opens on an "s" in any case IGNORECASE gives it (tests/test_speed_screens.py)
BUTTON_TAIL = "›»>"  # what BUTTON lets follow a label, after its spaces
RELATIVE_TIME = re.compile(  # "73 months ago", "· 4 yr. ago", "vor 2 Stunden", "3時間前": a comment's or a feed item's time
    r"^\W*(?:(?:\d+|an?|one)\s*(?:sec|second|min|minute|h|hr|hour|day|wk|week|mo|month|yr|year)s?\.?\s+ago|"
    r"vor \d+ (?:minuten|stunden|tagen|wochen|monaten|jahren)|il y a \d+ (?:minutes?|heures?|jours?|mois|ans?)|"
    r"hace \d+ (?:minutos?|horas?|días?|meses|años?)|\d+\s*(?:分|時間|日|か月|ヶ月|年)前)\W*$",
    re.IGNORECASE,
)
COUNTER = re.compile(r"^[#№]?\d{1,4}$")  # a rank, a count of comments or likes, alone on its line


def is_timecode(line: Line) -> bool:
    return TIMECODE.match(line.text) is not None


def is_icon_labels(line: Line) -> bool:
    """Icon font names copied as text. ICON_LABELS backtracks for milliseconds over a long line that names an icon
    once or twice; in a line without a newline its matches are exactly three whole "icon" endings, counted at once."""
    text = line.text
    if ICON_LABELS.cannot_match(text):
        return False
    if "\n" in text:
        return ICON_LABELS.search(text) is not None
    return len(ICON_WORD.findall(text)) >= ICON_LABELS_MIN


def is_page_copyright(line: Line) -> bool:
    """The page's own copyright line ("© 2017 X", "Copyright X. All rights reserved"), not a photo credit."""
    return (is_copyright(line) and PAGE_COPYRIGHT.search(line.text) is not None
            and PICTURE_COPYRIGHT.match(line.text) is None)


def is_copyright(line: Line) -> bool:
    return line.words <= NOTICE_MAX_WORDS and copyright_text(line.text)


@by_text(16384)
def copyright_text(text: str) -> bool:
    """COPYRIGHT by text, cached: every reader of dates and junk asks it of the same lines."""
    return COPYRIGHT.search(text) is not None


def is_notice(line: Line) -> bool:
    """Cookie wall, app prompt, newsletter or sign-in box: saying so at once, or short and saying so."""
    if line.words > CONSENT_MAX_WORDS:
        return False
    start = notice_start(line.text)
    if start is None and "licen" in lowered(line.text):  # a cheap look first: the pattern is slow to search
        notice = LICENCE.search(line.text)
        start = notice.start() if notice else None
    if start is not None and (start <= NOTICE_OPENING_CHARS or line.words <= NOTICE_MAX_WORDS):
        return True
    if line.words > NOTICE_MAX_WORDS or looks_like_prose(line) and PROMPT_OPENING.match(line.text) is None:
        return False  # a paragraph is a prompt only when it opens as one: said before PROMPT's screen and search
    return PROMPT.search(line.text) is not None


def is_call_to_act(line: Line) -> bool:
    """A short line asking the reader to subscribe, sign up or comment ("Want more Rolling Stone? Sign up for
    our newsletter."), however well it reads: under the article's last paragraph, a newsletter box's pitch."""
    return line.words <= NOTICE_MAX_WORDS and CALL_TO_ACT.search(line.text) is not None


def notice_start(text: str) -> int | None:
    """Where NOTICE's first match starts, or None: the first of its branches' first matches, for the leftmost
    position where any branch matches is where the alternation matches (each branch looked for behind its screen)."""
    if NOTICE.cannot_match(text):
        return None
    starts = [found.start() for part in NOTICE_PARTS if (found := part.search(text)) is not None]
    return min(starts, default=None)


def is_teaser(line: Line) -> bool:
    """A link to another story set in the article: "READ MORE: ...", "Related: ..."."""
    return line.words <= TEASER_MAX_WORDS and has_teaser_mark(line.text) and TEASER.search(line.text) is not None


def has_teaser_mark(text: str) -> bool:
    """One of TEASER_MARKS is in the line: five looks for a character, where TEASER's screen looks for twenty phrases."""
    return ":" in text or "|" in text or "»" in text or "›" in text or "：" in text


def is_credit(line: Line) -> bool:
    """A photo caption that carries its credit ("FILE PHOTO: ... © Sputnik")."""
    if line.words <= TEASER_MAX_WORDS and CREDIT.search(line.text) is not None:
        return True
    return (line.words <= CREDITED_CAPTION_MAX_WORDS and "/" in line.text  # the credit's slash, said without searching
            and NAMED_CREDIT.search(line.text) is not None)


def is_photo_credit(line: Line) -> bool:
    """A short line that only names who took the picture (not a byline: "By: Paul Wiseman, The Associated Press")."""
    return (line.words <= CREDIT_MAX_WORDS and bool(PHOTO_CREDIT.search(line.text) or NAMED_CREDIT.search(line.text)
                                                    or PICTURE_COPYRIGHT.match(line.text))
            and not BYLINE_WORD.match(line.text))


def is_section_break(line: Line) -> bool:
    """A heading such as "Top stories" or "Comments": what follows is not this article."""
    return line.words <= 6 and section_break_text(line.text)


@by_text(16384)
def section_break_text(text: str) -> bool:
    """SECTION_BREAK by text, cached: the reader asks it of the same short lines again and again."""
    return SECTION_BREAK.match(text) is not None


def is_comments_heading(line: Line) -> bool:
    return line.words <= 8 and comments_heading_text(line.text)


@by_text(16384)
def comments_heading_text(text: str) -> bool:
    """COMMENTS by text, cached: asked as often as SECTION_BREAK."""
    return COMMENTS.match(text) is not None


def is_relative_time(line: Line) -> bool:
    """A time told as an age ("73 months ago"): how comments and feeds date their items, not articles."""
    return line.words <= 6 and RELATIVE_TIME.match(line.text) is not None


def is_self_repeating(line: Line) -> bool:
    """A card that prints its headline two or three times over ("How X How X How X", the last copy
    perhaps cut short): the line opens with a run of words said again at once."""
    head = line.text.split(maxsplit=1)  # the first word and the rest: two strings, not forty
    if len(head) < 2 or head[0] not in head[1]:
        return False  # the first word is nowhere again, so no later word is the first: most lines, said at once
    words = line.text.split(maxsplit=2 * SELF_REPEAT_MAX_WORDS)  # the words compared; a long line's rest unsplit
    longest = min(SELF_REPEAT_MAX_WORDS, len(words) // 2)
    if not words or words[0] not in words[SELF_REPEAT_MIN_WORDS:longest + 1]:
        return False  # no size whose run opens with the first word again: most lines, said at once
    return any(words[size] == words[0] and words[size:2 * size] == words[:size]
               for size in range(SELF_REPEAT_MIN_WORDS, longest + 1))


def is_read_on(line: Line) -> bool:
    return line.words <= TEASER_MAX_WORDS * 2 and ends_as_read_on(line.text) and READ_ON.search(line.text) is not None


def ends_as_read_on(text: str) -> bool:
    """The line ends as a READ_ON match must: the end looked at before the screen, for most lines end otherwise
    (a sentence on its full stop)."""
    end = text.rstrip()
    return end[-1:] in READ_ON_ENDINGS or end.endswith("...")


def is_button(line: Line) -> bool:
    """BUTTON's labels alone on their line. A line longer than any label, its tail aside, is none (most lines, said
    by their length: BUTTON tries sixty labels under IGNORECASE), unless it may be "share on X"."""
    text = line.text
    if (len(text) > BUTTON_LABEL_MAX_CHARS and text[:1] not in OPEN_LABEL_STARTS
            and len(button_label(text)) > BUTTON_LABEL_MAX_CHARS):
        return False
    return BUTTON.match(text) is not None


def button_label(text: str) -> str:
    """The text less what BUTTON lets follow its label: a newline at the very end ("$" stands before it), arrows, and
    spaces before them."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.rstrip(BUTTON_TAIL).rstrip()


def is_counter(line: Line) -> bool:
    return COUNTER.match(line.text) is not None


def is_junk(line: Line) -> bool:
    """A line that never belongs to an article's text, wherever it stands."""
    return junk_text(line.text)


@by_text(16384)
def junk_text(text: str) -> bool:
    """`is_junk` by the line's text alone (all its tests read only the text), cached: asked often."""
    line = Line(index=0, text=text, words=word_count(text), blank_before=False, blank_after=False, repeats=1)
    return (is_timecode(line) or is_counter(line) or is_slide_counter(line) or is_button(line) or is_icon_labels(line) or is_markup(line)
            or is_section_break(line) or is_comments_heading(line) or is_copyright(line) or is_teaser(line)
            or is_credit(line) or is_self_repeating(line) or is_read_on(line) or is_byline(line)
            or is_dateline(line) or is_notice(line))
