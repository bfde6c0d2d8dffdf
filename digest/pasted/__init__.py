"""The pasted-text reader: a browser's select-all copy of a page in, an `Article` out.

- `lines`: the paste as `Line`s; `blocks`: a line's shape (prose, dateline, byline, code, list item...);
- `junk`: lines that are never article (buttons, credits, notices, teasers, comments headings...);
- `span`: the article as the best-scoring run of lines; `reader`: that run with the junk inside it dropped, as an `Article`;
- `headline`: headline, standfirst and publication date, read around that run;
- `naming`: the names the page gives itself (copyright, brand lines, masthead); `publisher`: the one chosen among them.
"""

from digest.pasted.reader import read_text

__all__ = ["read_text"]
