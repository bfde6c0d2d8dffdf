"""Key quotes: direct quotations, verbatim from the body, and who said them.

- `finder`: quotations found between paired marks in any common style, judged, ranked, best first;
- `speakers`: who said one, read from the words around it (pronouns resolved to the last person named);
- `phrases`: the token-level readers behind `speakers` (names, descriptions, pronouns by a speech verb);
- `words`: the words of reported speech in each language (speech verbs, pronouns, titles), data only.
"""

from digest.quotes.finder import find_quotes

__all__ = ["find_quotes"]
