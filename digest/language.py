"""The article's language: what the page declares, unless its text clearly says otherwise.

py3langid ships its model inside the wheel, so nothing is downloaded at run time.

A page's `<html lang>` is often a template's default: a German article on a site whose
template says `lang="en"` must not be read with English speech words and date orders. So a
declared language stands only while the text agrees with it or is too short to tell: when at
least DECLARED_CHECK_MIN_CHARS of text are far likelier in another language (by
DECLARED_OVERRIDE_MARGIN, in log-likelihood per character), that language wins. The margin,
not the model's probability, decides: the probability is near 1 even for a list of names
(a preprint's authors "detected" as Nigerian Pidgin, margin 0.02), while an article in
another language than declared scores 0.45 to 1.45 (German, French, Latin placeholder text).

Both the check and the detection read the text's prose (`prose_sample`): the short lines an
extracted article keeps (captions, credits, "Advertisement", a byline) are often in the
template's language, not the article's. And detection without a declaration gives no answer
when no language clearly leads (a byline's names and a date are "Czech" by a hair).
"""

from __future__ import annotations

from py3langid.langid import rank

LANGUAGE_SAMPLE_CHARS = 800  # as many as the declared check reads: no development page or paste is told otherwise
# from 600 characters up to 2,000, and py3langid's time grows with the sample (a tenth of a paste's digest at 2,000)
MIN_CHARS_TO_GUESS = 40
PROSE_MIN_CHARS = 60  # a paragraph this long is prose; shorter lines are bylines, captions, buttons, menus
DETECTION_MIN_MARGIN = 0.03  # nats per character the guess must lead the runner-up by (a byline of names: 0.01-0.02)
DECLARED_CHECK_SAMPLE_CHARS = 800  # enough text to measure the margin; a shorter sample keeps the check cheap
DECLARED_CHECK_MIN_CHARS = 200  # shorter text (a caption, a teaser) cannot overrule the page's own declaration
DECLARED_OVERRIDE_MARGIN = 0.2  # nats per character the detected language must lead the declared one by


def prose_sample(text: str, limit: int) -> str:
    """Up to `limit` characters of the text's prose paragraphs, in order: the short lines around an
    article (an English "Advertisement", "Photo: Getty Images", a byline) say nothing of its language.
    The text's start when it has no paragraph long enough."""
    prose = [line for line in text.splitlines() if len(line.strip()) >= PROSE_MIN_CHARS]
    sample = "\n".join(prose)[:limit] if prose else ""
    return sample if len(sample) >= MIN_CHARS_TO_GUESS else text[:limit]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to say, or when
    the text favours no language clearly (names and dates alone: "by April Glaser Dec 15, 2016")."""
    sample = prose_sample(text, LANGUAGE_SAMPLE_CHARS)
    if len(sample.strip()) < MIN_CHARS_TO_GUESS:
        return None
    ranked = sorted(rank(sample), key=lambda pair: pair[1], reverse=True)
    if len(ranked) > 1 and (ranked[0][1] - ranked[1][1]) / len(sample) < DETECTION_MIN_MARGIN:
        return None
    return ranked[0][0]


def lead_over(sample: str, declared: str) -> tuple[str, float]:
    """The sample's likeliest language, and by how much it beats `declared` (log-likelihood per character)."""
    scores = dict(rank(sample))
    best = max(scores, key=scores.__getitem__)
    if declared not in scores:
        return best, 0.0  # a code the model does not know: nothing to compare, the page is believed
    return best, (scores[best] - scores[declared]) / max(1, len(sample))


def choose_language(declared: str | None, text: str) -> str | None:
    """The declared language, unless enough prose is clearly in another; detection when none is declared."""
    if declared is None:
        return detect_language(text)
    sample = prose_sample(text, DECLARED_CHECK_SAMPLE_CHARS)
    if len(sample.strip()) < DECLARED_CHECK_MIN_CHARS:
        return declared
    detected, lead = lead_over(sample, declared)
    return detected if lead >= DECLARED_OVERRIDE_MARGIN else declared
