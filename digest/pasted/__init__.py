"""The pasted-text reader: a browser's select-all copy of a page in, an `Article` out.

- `lines`: the paste as `Line`s; `blocks`: a line's shape (prose, dateline, byline, code, list item...);
- `junk`: lines that are never article (buttons, credits, notices, teasers, comments headings...);
- `span`: the article as the best-scoring run of lines; `header`: where the article opens inside it;
- `reader`: that run with the junk inside it dropped, as an `Article`;
- `headline` and `headline_model`: the headline and standfirst, read around the run;
- `published` and `date_model`: the publication date; `naming`, `companies` and `addresses`: the names and
  domains the page gives itself; `publisher` and `publisher_model`: the one chosen among them;
- `fitted`: the models' weights, fitted by bench/fit and shipped as JSON beside these modules.
"""

from digest.pasted.reader import read_text

__all__ = ["read_text"]
