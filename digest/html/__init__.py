"""The HTML reader: a page's markup in, an `Article` out.

- `reader`: parse once, read the metadata, prune hidden and unlikely markup, run readability-lxml;
- `clean`: the named junk rules applied to what readability kept (captions, credits, share bars, teasers...);
- `paragraphs`: the cleaned tree as paragraphs of text;
- `rescue`: prose and lists readability left beside its box, brought back;
- `meta/`: what the page says about itself (title, date, publisher, address, language, author, image).
"""

from digest.html.reader import read_html

__all__ = ["read_html"]
