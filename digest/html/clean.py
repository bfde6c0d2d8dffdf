"""Take out what readability leaves in an article (its standfirst: digest.html.standfirst).

readability keeps whole containers, so captions, share bars, "related"/"read more" lists,
newsletter boxes, "Advertisement" labels and the byline or date repeated as a paragraph
come along. Each kind is one named rule below, applied to readability's output tree:

  1. marked junk       an element whose class or id names it (share, related, newsletter...), or role="note"
  2. captions          <figcaption>, caption/credit-marked elements, "Photo: ..." lines
  3. labels            a block whose whole text is an ad label or a share bar
  4. teasers           "Read more: ...", "Lire aussi : ..." lines that are mostly a link
  5. related lists     a heading such as "Related stories" and the list that follows it
  6. byline/dateline   a short block that repeats the byline or is a credit line ("Reviewed by ..."), or is only a date
  7. headline          the title repeated as the article's first block

A rule never removes a block holding a large share of the article's text (JUNK_MAX_SHARE):
a container whose class says "related" but which holds the story stays.
"""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

from digest.dates import find_date
from digest.summary.screen import Screened

NOT_WORD = re.compile(r"[\W_]+")
ID_MAX_CHARS = 30
JUNK_MAX_SHARE = 0.25  # an element with more of the article's text than this is never junk
JUNK_MARKS = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|socials|sharebar|share-bar|related|recommended|recommendations|"
    r"newsletter|newsletters|subscribe|subscription|signup|sign-up|promo|promotion|advert|advertisement|adslot|"
    r"ad-slot|ad-container|ad-wrapper|ads|sponsor|sponsored|outbrain|taboola|read-more|readmore|more-stories|"
    r"popular|trending|most-read|breadcrumb|breadcrumbs|toolbar|cookie|consent|paywall|inline-cta|cta|"
    r"comments|comment-list|author-bio|tags|tag-list|taglist|topics|print-only|sr-only|visually-hidden)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
# Marks that start longer class names: "jp-relatedposts", "sharebar-top", "newsletterSignup", "outbrain_widget".
# "shared" alone is the adjective ("evolve-shared-mutable-history", a section named after its heading), not a share bar.
JUNK_MARK_PREFIXES = re.compile(
    r"(?:^|[\s_-])(?:related|share(?!d(?:$|[\s_-]))|sharing|social|newsletter|subscribe|promo|advert|sponsor|outbrain|"
    r"taboola|recommend)\w*",
    re.IGNORECASE,
)
JUNK_ROLES = frozenset({"note"})  # ARIA: "parenthetic or ancillary to the main content" ("For other uses, see ...")
CAPTION_MARKS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption|credit|credits|photo-credit|image-credit|wp-caption-text)"
                           r"(?:$|[\s_-])", re.IGNORECASE)
CAPTION_LABEL = re.compile(
    r"^\s*\(?(?:图注|图片来源|图片|photo(?:graph)?(?:\s+by)?|photos|foto|fotos|фото|bild|image|credit|crédit|crédito|"
    r"picture|illustration|caption)\s*[:：]",
    re.IGNORECASE,
)
CAPTION_LABEL_MAX_CHARS = 300  # "Photo: ..." longer than this is prose that starts oddly
PHOTO_AGENCY = re.compile(r"\b(?:getty images|shutterstock|istock(?:photo)?|alamy|ap photo|afp photo)|"
                          r"/\s*(?:afp|ap|reuters|epa|dpa|tass|ria novosti)\b", re.IGNORECASE)
CREDIT_MAX_WORDS = 10  # "JIM WATSON/AFP/Getty Images", "Photo illustration: Jane Roe/Reuters"
CAPTION_TAGS = ("figcaption",)
CAPTION_MAX_BLOCKS = 1  # a caption is one line or paragraph: a box with a heading and a credit is a story item
CAPTION_COUNTED_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
TEXT_RULE_TAGS = ("p", "div", "li", "h2", "h3", "h4", "h5", "h6")  # blocks a reader sees as one line or paragraph
VERBATIM_TAGS = ("pre", "code", "table")  # code and data: never judged by their words
LIST_TAGS = ("ul", "ol", "table")
JUNK_LINE_MAX_CHARS = 400  # no label, teaser, caption line or byline is longer; prose skips the rules
BLOCK_TAGS = ("p", "div", "span", "li", "h2", "h3", "h4", "h5", "h6", "section", "aside", "ul", "ol", "figure",
              "blockquote", "table", "em", "strong", "small")
AD_LABELS = frozenset(key for key in (
    "advertisement", "advertising", "advert", "ad", "sponsored", "sponsored content", "anzeige", "werbung",
    "publicité", "publicite", "publicidad", "pubblicità", "pubblicita", "publicidade", "реклама", "reklama",
    "story continues below advertisement", "continue reading below", "continue reading the main story",
    "scroll to continue with content", "skip advertisement", "article continues below", "the article continues below",
    "like this", "share this", "related", "advertisement scroll to continue",
))
SHARE_SERVICES = frozenset({
    "share", "shares", "tweet", "facebook", "twitter", "email", "e-mail", "whatsapp", "pinterest", "linkedin",
    "reddit", "print", "telegram", "vk", "messenger", "flipboard", "поделиться", "teilen", "partager", "compartir",
    "condividi", "compartilhar",
})
SHARE_FILLERS = frozenset({"x", "mail", "copy", "link", "url", "copied", "comments", "comment", "save", "this",
                           "article", "story", "on", "via", "ok"})
SHARE_MAX_WORDS = 12  # a share bar is a handful of service names
LABEL_TOKEN = re.compile(r"[\w-]+")
TEASER_LABELS = re.compile(
    r"^\s*(?:read more|read also|also read|related|see also|main articles?|further information|more on this|more from|"
    r"watch|listen|recommended|"
    r"читайте также|читайте тоже|смотрите также|lesen sie auch|mehr zum thema|auch interessant|lire aussi|"
    r"à lire aussi|a lire aussi|voir aussi|leia também|leia mais|veja também|leggi anche|lee también|"
    r"lea también|ver también|más información|te puede interesar)\b\s*[:：»>|-]?",
    re.IGNORECASE,
)
TEASER_TAIL = re.compile(
    r"(?:…|\.\.\.)\s*(?:(?:read more|continue reading|weiterlesen|lire la suite|leer más|leia mais|"
    r"continua a leggere|читать далее)\s*[»›→]?\s*)+$",
    re.IGNORECASE,
)  # a cut-off first line of another story and its link
TEASER_MIN_LINK_SHARE = 0.5  # a teaser line is mostly the link to the other story
TEASER_MAX_WORDS = 40
RELATED_HEADING = re.compile(
    r"^\s*(?:related|related (?:stories|articles|posts|content|coverage|links|reading)|read more|more stories|"
    r"more from|more on|you may also like|you might also like|recommended|most read|most popular|popular|trending|"
    r"see also|also on|читайте также|по теме|ещё по теме|mehr zum thema|das könnte sie auch interessieren|"
    r"sur le même sujet|à lire aussi|lire aussi|leia também|veja também|leggi anche|potrebbe interessarti|"
    r"te puede interesar|noticias relacionadas|relacionadas|artículos relacionados)\s*:?\s*$",
    re.IGNORECASE,
)
NEWSLETTER_TEXT = Screened(re.compile(  # screened: a block seldom holds one of its words
    r"\b(?:sign up for|sign up to|subscribe to (?:our|the)|get our newsletter|newsletter sign|"
    r"abonnez-vous|inscrivez-vous à|melden sie sich|abonnieren sie|подпишитесь|suscríbete|iscriviti|assine)",
    re.IGNORECASE,
))
NEWSLETTER_MAX_WORDS = 40
HEADLINE_SIMILARITY = 0.75  # Readability.js's threshold for a heading that repeats the title
DATELINE_MAX_CHARS = 80  # a block that is only a date is short
DATELINE_MAX_DATES = 3  # "Published ... Updated ..." holds two
DATELINE_MAX_OTHER_WORDS = 4  # "Updated", "Published on", "Posted on ... at": what a date line says besides dates
BYLINE_MAX_WORDS = 12
# "Reviewed by Hansa D. Bhargava, MD", "Written by Jane Doe": a credit naming a person, not a sentence.
CREDIT_LINE = re.compile(r"^\s*(?i:(?:medically |fact[- ]?checked and )?reviewed|written|fact[- ]?checked|edited|"
                         r"reported|photographs?|illustrations?)\s+(?i:by)\s+[A-ZÀ-ÖØ-Þ]")
SENTENCE_ENDS = (".", "!", "?", "…", "。")
BYLINE_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|da|автор|door)\b[:\s]*", re.IGNORECASE)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def words(text: str) -> list[str]:
    return text.split()


def key(text: str) -> str:
    """Compare texts by their words only: case, punctuation and spacing do not count."""
    return " ".join(NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def link_text_share(element: HtmlElement) -> float:
    total = len(text_of(element))
    if not total:
        return 0.0
    return sum(len(text_of(a)) for a in element.iter("a")) / total


def marks_of(element: HtmlElement) -> str:
    """The class, and the id when it is a short machine name (ids made from headings are text, not marks)."""
    element_id = element.get("id") or ""
    if len(element_id) > ID_MAX_CHARS or element_id != element_id.lower():
        element_id = ""
    return f"{element.get('class') or ''} {element_id}".strip()


def drop(element: HtmlElement) -> None:
    """Remove an element but keep its tail text where it was."""
    if element.getparent() is not None:
        element.drop_tree()


# --- the rules --------------------------------------------------------------------------------

def is_marked_junk(element: HtmlElement) -> bool:
    if (element.get("role") or "").strip().lower() in JUNK_ROLES:
        return True
    marks = marks_of(element)
    return bool(marks) and (JUNK_MARKS.search(marks) is not None or JUNK_MARK_PREFIXES.search(marks) is not None)


def is_caption(element: HtmlElement) -> bool:
    """A figure caption or photo credit; a box of paragraphs or headings whose class mentions captions is not one
    ("image_hit no_caption" holding a story item's heading and its photo credit)."""
    if element.tag in CAPTION_TAGS:
        return True
    marks = marks_of(element)
    if not marks or CAPTION_MARKS.search(marks) is None:
        return False
    return sum(1 for _ in element.iter(*CAPTION_COUNTED_BLOCKS)) <= CAPTION_MAX_BLOCKS


def is_caption_line(text: str) -> bool:
    """"Photo: Reuters", "图注：...", "Фото: ТАСС", "JIM WATSON/AFP/Getty Images": a caption or credit as a paragraph."""
    if len(text) > CAPTION_LABEL_MAX_CHARS:
        return False
    if CAPTION_LABEL.match(text) is not None:
        return True
    return len(text.split()) <= CREDIT_MAX_WORDS and PHOTO_AGENCY.search(text) is not None


def is_label(text: str) -> bool:
    """An ad label ("Advertisement", "Реклама") or a share bar ("Share Tweet Email")."""
    lowered = key(text)
    if lowered in AD_LABELS:
        return True
    tokens = LABEL_TOKEN.findall(text.casefold())
    return (0 < len(tokens) <= SHARE_MAX_WORDS and any(token in SHARE_SERVICES for token in tokens)
            and all(token in SHARE_SERVICES or token in SHARE_FILLERS for token in tokens))


def is_teaser(element: HtmlElement, text: str) -> bool:
    """"Read more: <link to another story>", "Another story's first line… Read more", and translations.

    After its label a teaser is mostly a link, or nothing but links ("Main article: <a>Firefox</a>").
    """
    if len(words(text)) > TEASER_MAX_WORDS:
        return False
    if TEASER_TAIL.search(text) is not None:
        return True
    label = TEASER_LABELS.match(text)
    if label is None:
        return False
    links = " ".join(text_of(a) for a in element.iter("a"))
    rest = text[label.end():]
    return link_text_share(element) >= TEASER_MIN_LINK_SHARE or (bool(key(rest)) and key(rest) == key(links))


def is_newsletter(text: str) -> bool:
    """A sign-up line; its words counted first, as a long line skips the slow case-blind search."""
    return len(words(text)) <= NEWSLETTER_MAX_WORDS and NEWSLETTER_TEXT.search(text) is not None


def is_byline(text: str, byline: str | None) -> bool:
    """The byline repeated as a paragraph: "By Jane Doe", "Jane Doe, Moscow correspondent"; or a
    credit line shaped like one whatever the metadata says: "Reviewed by Hansa D. Bhargava, MD"."""
    if len(words(text)) > BYLINE_MAX_WORDS:
        return False
    if CREDIT_LINE.match(text) is not None and not text.rstrip().endswith(SENTENCE_ENDS):
        return True
    if not byline:
        return False
    bare = key(BYLINE_PREFIX.sub("", text))
    return bool(bare) and (bare == key(byline) or (key(byline) in bare and BYLINE_PREFIX.match(text) is not None))


def is_dateline(text: str) -> bool:
    """A block that is only dates and a word or two ("Updated 7 April 2022, 10:15", "22 Dec, 2016 22 Dec, 2016")."""
    if len(text) > DATELINE_MAX_CHARS:
        return False
    rest, dates = text, 0
    while dates < DATELINE_MAX_DATES and (found := find_date(rest)) is not None:
        rest = rest[:found[1]] + " " + rest[found[2]:]
        dates += 1
    return dates > 0 and len(rest.split()) <= DATELINE_MAX_OTHER_WORDS


def remove_related_lists(content: HtmlElement) -> None:
    """A heading like "Related stories" and the list right after it."""
    for heading in list(content.iter("h2", "h3", "h4", "h5", "h6", "p", "strong")):
        if RELATED_HEADING.match(text_of(heading)) is None:
            continue
        following = heading.getnext()
        if (following is not None and following.tag in ("ul", "ol", "div")
                and link_text_share(following) >= TEASER_MIN_LINK_SHARE):
            drop(following)
        drop(heading)


def title_similarity(title: str, heading: str) -> float:
    """Readability.js's `_textSimilarity`: the share of the heading's text made of words from the title."""
    title_words = set(key(title).split())
    heading_words = key(heading).split()
    if not heading_words:
        return 0.0
    extra = " ".join(word for word in heading_words if word not in title_words)
    return 1 - len(extra) / len(" ".join(heading_words))


def remove_headline(content: HtmlElement, title: str | None) -> None:
    """The headline repeated at the top of the article (Readability.js drops it too).

    The first block is the headline when it says what the title says; an `<h1>` or `<h2>` also
    when nearly all its words are the title's (HEADLINE_SIMILARITY, as Readability.js's
    `_headerDuplicatesTitle`): a kicker such as "Lupita Nyong'o" over "Lupita Nyong'o's $150K
    Pearl Oscar Dress -- STOLEN!!!!".
    """
    if not title:
        return
    for element in content.iter("h1", "h2", "h3", "p", "div"):
        text = text_of(element)
        if not text:
            continue
        if element.tag in ("h1", "h2", "h3", "p") and key(text) == key(title):
            drop(element)
            return
        if element.tag in ("h1", "h2") and title_similarity(title, text) > HEADLINE_SIMILARITY:
            drop(element)
            return
        if element.tag != "div":
            return  # the first text block is not the headline: nothing to remove


def is_junk_line(element: HtmlElement, text: str, byline: str | None) -> bool:
    """Rules 2-6 for one block of text; long blocks are prose and skip every rule."""
    if len(text) > JUNK_LINE_MAX_CHARS:
        return False
    return (is_label(text) or is_caption_line(text) or is_teaser(element, text) or is_newsletter(text)
            or is_byline(text, byline) or is_dateline(text))


def remove_junk(content: HtmlElement, *, byline: str | None = None, title: str | None = None) -> None:
    """Apply the rules of the module docstring to readability's output, in place."""
    remove_headline(content, title)
    total = max(1, len(content.text_content()))
    dropped: set[HtmlElement] = set()
    # found once: dropping a subtree takes its elements' ancestors along, so no element gains or loses one
    inside_verbatim = {inner for outer in content.iter(*VERBATIM_TAGS) for inner in outer.iterdescendants()}

    def small(element: HtmlElement) -> bool:
        return len(element.text_content()) <= JUNK_MAX_SHARE * total

    def skipped(element: HtmlElement) -> bool:
        """Already gone with a dropped ancestor, or inside code or a table."""
        if element in inside_verbatim:
            return True
        return bool(dropped) and any(a in dropped for a in element.iterancestors())

    def remove(element: HtmlElement) -> None:
        dropped.add(element)
        drop(element)

    for element in list(content.iter(*BLOCK_TAGS, "figcaption", "header", "footer", "nav", "form")):
        if element is content or skipped(element):
            continue
        if element.tag in ("nav", "form") and small(element):
            remove(element)
        elif (is_marked_junk(element) or is_caption(element)) and small(element):
            remove(element)
    remove_related_lists(content)
    for element in list(content.iter(*TEXT_RULE_TAGS)):
        if skipped(element):
            continue
        if element.tag == "div" and next(element.iterdescendants(*TEXT_RULE_TAGS, *LIST_TAGS), None) is not None:
            continue  # a container: its blocks are judged one by one
        text = text_of(element)
        if text and is_junk_line(element, text, byline) and small(element):
            remove(element)


def is_hidden_or_junk(element: HtmlElement) -> bool:
    if element.tag in ("nav", "aside", "footer", "li", "form", "button"):
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    return is_marked_junk(element)
