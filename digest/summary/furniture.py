"""Page furniture that reads like prose: photo captions, promos, newsletter and affiliate notices, site
notices, encyclopedia hatnotes and link text glued from hover cards. The summary must never quote them.

Each test is a general shape of the language, not a site's string:

- `looks_like_photo_caption`: what a picture shows, in the present tense of a caption ("Then-nominee
  Donald Trump speaks at a rally on Sept. 28 in Waukesha, Wisconsin.", "Dylann Roof is escorted from the
  police department ... on June 18, 2015.", "..., center, passes a Boeing Co."), short, with a date, a
  place or a position in the picture; news tells events in the past tense, captions in the present.
- `looks_like_self_promotion`: the site talking about itself: newsletters ("Start your day with ...",
  "Sign up ... inbox"), how it is paid for ("Space is supported by its audience. When you purchase through
  links on our site, we may earn an affiliate commission", "... may earn a portion of sales", "We are a
  participant in the Amazon Services LLC Associates Program, an affiliate advertising program ..."), its channels
  and events ("Follow us on Twitter", "Join us on 10/20 for a panel discussion").
- `looks_like_publishing_notice`: the article's age or publishing history ("This article is more than 5
  years old", "First published on ...", "This story was originally published by ...", "We're no longer
  maintaining this page", "... may contain information that is out of date"): about the page, not about what happened.
- `looks_like_promo`: the page speaking to its reader: deals and welcomes ("Welcome to ...'s Daily
  Deals"), reading prompts ("Continue reading the main story"), notices ("this video is not available in
  your region", "Looks like you're using new Reddit on an old browser", "As a subscriber, you have 10 gift articles to give each month") and encyclopedia hatnotes
  ("This article is about the country. For other uses, see ...", "For matrices over the reals, see
  symmetric matrix.").
- `has_glued_link_text`: a name run into the next ("Kristi NoemKristi Lynn Noem"): two elements' text
  joined without a space, as hover cards are, both parts words the sentence also has on their own.
"""

from __future__ import annotations

import re

from digest.summary.screen import Screened

CAPTION_MAX_CHARS = 320  # a caption is a line or two
CAPTION_VERB_WITHIN_WORDS = 12  # the verb of a caption follows its subject closely
PHOTO_VERBS = re.compile(
    r"\b(?:speaks|walks|arrives|departs|gestures|smiles|looks on|poses|listens|attends|"
    r"celebrates|reacts|greets|shakes hands|lifts off|takes off|embraces|kneels|"
    r"(?:is|are) (?:seen|shown|pictured|escorted|led|greeted|surrounded|photographed)|photographed|pictured)\b"
)
# Verbs that are nouns too ("peace talks", "heat waves", "season passes"): a caption only with a position in the picture.
PHOTO_VERBS_IF_PLACED = re.compile(r"\b(?:talks|waves|passes|holds|stands|sits|leaves|rides|marches|hugs|cheers)\b")
CAPTION_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\b(?:19|20)\d{2}\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
IN_THE_PICTURE = re.compile(
    r",\s*(?:left|right|center|centre|second from (?:left|right)|top|bottom|foreground|background|front)\s*[,)]"
    r"|\((?:L|R|C|left|right|center|centre)\)"
)
ENDS_IN_A_PLACE = re.compile(r"\b(?:in|at) [A-Z][\w.]+(?:,? [A-Z][\w.]+)*\.$")
PROMO = re.compile(
    r"^Welcome to\b.{0,60}\b(?:Deals?|newsletter|podcast|live blog|roundup)\b|\bDaily Deals?\b"
    r"|\b(?:Continue reading the main story|Share This Page|Click here|Tap here|Download (?:the|our) app)\b"
    r"|\bnot available in your (?:region|country)\b|\byour browser does not support\b|\benable JavaScript\b"
    r"|\b(?:update|upgrade) your browser\b|\bon an? (?:old|older|outdated|unsupported) browser\b"
    r"|\bAre you sure you want to\b|\bchose to make this story unlisted\b"
    r"|^This article is about\b|\bFor other uses, see\b|\bredirects here\b|^For [^,.]{1,80}, see [^.]{1,80}\.?$"
    r"|^As an? (?:subscriber|member|registered user)\b|\bgift (?:this )?articles?\b"
    r"|^This is a dynamic list\b|\bYou can help by (?:adding|expanding)\b",
    re.IGNORECASE,
)
# The site talking about itself: how it is paid for, its newsletters and channels, its events.
SELF_PROMOTION = re.compile(
    r"\b(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletter|inbox|updates|alerts)\b"
    r"|\bnewsletters?\b.{0,60}\b(?:inbox|free|daily|weekly|delivered)\b"
    r"|\b(?:in|to|into) your inbox\b|\bStart your (?:day|morning|week|weekend) (?:with|right)\b"
    r"|\b(?:reader|audience|listener|viewer|member)-(?:supported|funded)\b"
    r"|\bsupported by (?:its|our) (?:audience|readers|listeners|viewers|members|subscribers)\b"
    r"|\b(?:earn|earns|receive|receives|get) (?:an? )?(?:small )?(?:affiliate )?commission\b"
    r"|\b(?:we|may|might|could|can) (?:earn|receive|get|collect)\b.{0,30}\b(?:commission|portion of (?:the )?sales"
    r"|share of (?:the )?(?:sales|revenue)|compensation on sales|percentage of (?:any |each |the )?sales?)\b"
    # Amazon's disclosure, word for word on many sites: "We are a participant in the Amazon Services LLC Associates
    # Program, an affiliate advertising program designed to provide a means for us to earn fees by linking to ..."
    r"|\baffiliate (?:advertising |marketing )?programs?\b|\bAssociates Program\b|\bearn (?:advertising )?fees by\b"
    r"|\b(?:buy|purchase|click)\b.{0,30}\bthrough (?:(?:one of )?(?:our|these|the|its) )?"
    r"(?:retail |affiliate )?links?\b"
    r"|\bsupport (?:our|independent|quality) journalism\b|\bGot a (?:news )?tip\b"
    r"|\b(?:follow|like|join) us on (?:Twitter|Facebook|Instagram|YouTube|LinkedIn|TikTok|Threads|social media)\b"
    r"|^Join (?:us|[A-Z]\w+) (?:on|for|at)\b.{0,80}\b(?:webinar|panel|event|discussion|conference|workshop)\b",
    re.IGNORECASE,
)
# A notice of the article's age or publishing history, set above or below it: "This article is more than 5 years
# old" (also glued to the dateline before it: "Last updated July 21, 2022This article is ..."), "First published on
# ...", "This story was originally published by ...", "We're no longer maintaining this page."
PUBLISHING_NOTICE = re.compile(
    r"(?:^|(?<=[a-z\d]))This (?:article|story|post|piece|page|video|report) is (?:more|over|older) than \w+ (?:years?|months?|weeks?)"
    r"(?: old)?\b"
    r"|^(?:First|Originally) (?:published|posted|appeared)\s*(?:on\b|at\b|:|\d)"
    r"|^(?:This|The|A version of this|Portions of this) (?:article|story|post|piece|essay|interview|column|report)\b"
    r".{0,60}\b(?:originally|first) (?:published|posted|appeared|ran)\b"
    r"|^This (?:article|story|post|piece) (?:was|has been) (?:updated|corrected|amended|republished)\b"
    r"|^(?:A version of this|An earlier version of this) (?:article|story|post|piece)\b"
    r"|\b(?:is|was) republished (?:from|with permission|under)\b|^Republished with permission\b"
    r"|\bno longer (?:maintaining|updating|maintained|updated)\b.{0,20}\b(?:page|site|article|story)\b"
    # "... may contain information that is out of date", "... pourrait contenir des informations qui ne sont plus à jour"
    r"|\b(?:this|the) (?:article|story|page|post|content)\b.{0,60}\b(?:may|might|could) (?:contain|include)\b.{0,40}"
    r"\b(?:out of date|outdated|no longer (?:current|accurate))\b"
    r"|\b(?:cet|l')(?:\s?article|\s?contenu)\b.{0,80}\bplus à jour\b",
    re.IGNORECASE,
)
SCREENED_PROMO, SCREENED_SELF_PROMOTION, SCREENED_PUBLISHING_NOTICE = (  # the same searches, most texts screened out
    Screened(PROMO), Screened(SELF_PROMOTION), Screened(PUBLISHING_NOTICE))
PROMO_MAX_CHARS = 500  # a promo or notice is a line or two; a long paragraph that mentions one is prose
# "NoemKristi Lynn": a capitalised word run into another, a name going on after it; not "#deleteFacebook",
# "@realDonaldTrump" or "iPhone"
GLUED_NAME = re.compile(r"(?<![#@\w])(?P<left>[A-Z][a-z]+)(?P<right>[A-Z][a-z]{2,})(?= [A-Z])")
WORD = re.compile(r"\w+")


def looks_like_photo_caption(text: str) -> bool:
    """A caption's shape: short, a present-tense picture verb near the start, and a date, a place or a position."""
    if len(text) > CAPTION_MAX_CHARS:
        return False
    head = " ".join(text.split()[:CAPTION_VERB_WITHIN_WORDS])
    placed = IN_THE_PICTURE.search(text) is not None
    verb = PHOTO_VERBS.search(head) or (PHOTO_VERBS_IF_PLACED.search(head) if placed else None)
    subject = head[: verb.start()].split() if verb else []
    if not subject or not (placed or subject[-1][:1].isupper() or subject[-1] == "it"):
        return False  # a caption names who or what is shown: "Dylann Roof is escorted", "as it lifts off"
    return placed or bool(CAPTION_DATE.search(text) or ENDS_IN_A_PLACE.search(text.rstrip()))


def looks_like_promo(text: str) -> bool:
    """The page speaking to its reader: deals, reading prompts, notices, hatnotes."""
    return len(text) <= PROMO_MAX_CHARS and bool(SCREENED_PROMO.search(text))


def looks_like_self_promotion(text: str) -> bool:
    """The site about itself: "... is supported by its audience", "sign up for our newsletter", "we may earn a
    commission", "Follow us on Twitter", "Join us on 10/20 for a panel discussion"."""
    return len(text) <= PROMO_MAX_CHARS and bool(SCREENED_SELF_PROMOTION.search(text))


def looks_like_publishing_notice(text: str) -> bool:
    """A note on the article's age or publishing: "This article is more than 5 years old", "First published on
    ...", "This story was originally published by ...": about the page, not what happened."""
    return len(text) <= PROMO_MAX_CHARS and bool(SCREENED_PUBLISHING_NOTICE.search(text))


def has_glued_link_text(text: str) -> bool:
    """Two elements' text run together ("NoemKristi"), both parts also words of their own in the sentence."""
    words = set(WORD.findall(text))
    return any(match.group("left") in words and match.group("right") in words for match in GLUED_NAME.finditer(text))
