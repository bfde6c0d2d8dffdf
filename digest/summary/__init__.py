"""The summary: whole sentences in the article's own words, from its standfirst and lead.

- `choose`: the candidate sentences, in article order, and the first run of them that fits the limits
  (the deck on a line of its own; the page's description when the article has no prose to choose from);
- `standfirst`: the standfirst the summary opens with: the one found under the headline, else the page's
  description when an editor wrote it for this article;
- `furniture`: page furniture that reads like prose (captions, promos, notices, glued link text), never quoted.
"""

from digest.summary.choose import DECK_SEPARATOR, summarize

__all__ = ["DECK_SEPARATOR", "summarize"]
