"""One pass of a pipeline over the 130 development pages, for counting instructions under callgrind.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python -m bench.one_pass [text|html|none]

A wall-clock median moves by 10-20% between runs on a shared machine; instructions hardly move. Every kind
first warms up as the bot's workers do (digest.warmup: the libraries and data loaded on first use, py3langid's
model the largest, about 2 G instructions), and `none` loads the pages and warms up but digests nothing:
subtract it from the other two to get what each pipeline costs per page. Every page starts with the line
caches forgotten, as in bench.speed.
"""

from __future__ import annotations

import argparse

from bench.sets.datasets import FAKEHOST_URL, dev_pages
from digest.errors import DigestError
from digest.memo import forget_all
from digest.pipeline import Page, digest_page
from digest.warmup import warm_up


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", nargs="?", default="text", choices=("text", "html", "none"))
    kind = parser.parse_args(argv).kind
    warm_up()  # as a worker starts (digest.warmup runs it at import too; again here costs two tiny pages)
    for page in dev_pages():
        forget_all()
        content = {"text": page.pasted, "html": page.html, "none": None}[kind]
        if content is None:
            continue
        try:
            digest_page(Page(content, kind, FAKEHOST_URL if kind == "html" else None))
        except DigestError:
            pass  # a page with no article still costs what it costs
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
