"""The pasted-text reader: a browser's select-all copy of a page in, an `Article` out.

- `blocks`: the paste as `Line`s, and every test one line can pass (prose, menu item, credit, notice...);
- `reader`: the article as the best-scoring run of lines, junk inside it dropped;
- `headline`: headline, standfirst and publication date, read around that run;
- `publisher`: the name the page gives itself (copyright, brand lines, masthead).
"""

from digest.pasted.reader import read_text

__all__ = ["read_text"]
