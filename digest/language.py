"""The article's language, when the page does not declare it.

py3langid ships its model inside the wheel, so nothing is downloaded at run time.
"""

from __future__ import annotations

import py3langid

LANGUAGE_SAMPLE_CHARS = 2000
MIN_CHARS_TO_GUESS = 40


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to say."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS_TO_GUESS:
        return None
    code, _ = py3langid.classify(sample)
    return code
