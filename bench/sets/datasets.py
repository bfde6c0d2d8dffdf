"""Where the evaluation data lives and how to read its reference answers.

The development pages are not in the repository: they live in the shared datasets folder beside
it (../shared/datasets), or under DIGESTBOT_SHARED. Without them a bench command stops with one
sentence saying so (`require_dataset`), not a traceback.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DIGESTBOT_SHARED", ROOT.parent / "shared"))
DEV_PAGES = SHARED / "datasets" / "readability-test-pages"
PASTED_PAGES = SHARED / "datasets" / "pasted-pages"
GOLDEN_PAGES = ROOT / "tests" / "fixtures" / "pages"
FAKEHOST_URL = "http://fakehost/test/page.html"  # the address Readability.js's fixtures were made with

PARAGRAPH_BREAK = "\u2029"
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption")


@dataclass(frozen=True, slots=True)
class DevPage:
    """One development page: its HTML, its pasted text, and the reference answers."""

    name: str
    html: str
    pasted: str | None
    expected_text: str
    metadata: dict

    @property
    def title(self) -> str | None:
        return self.metadata.get("title") or None

    @property
    def site(self) -> str | None:
        return self.metadata.get("siteName") or None

    @property
    def published(self) -> str | None:
        """The reference date as YYYY-MM-DD, or None."""
        raw = self.metadata.get("publishedTime") or ""
        match = re.search(r"\d{4}-\d{2}-\d{2}", raw)
        return match.group(0) if match else None


def html_to_text(html: str) -> str:
    """Reference HTML as text: all of its text, one paragraph per block element, blank lines between.

    Loose text outside any block (a sentence straight inside a <div>) counts too: a reader sees it.
    """
    root = lxml.html.fromstring(html)
    for bad in root.iter("script", "style"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for node in root.iter(*BLOCKS, "div", "section", "article", "table", "tr", "ul", "ol", "dl", "figure"):
        node.text = PARAGRAPH_BREAK + (node.text or "")
        node.tail = PARAGRAPH_BREAK + (node.tail or "")
    paragraphs = (" ".join(part.split()) for part in root.text_content().split(PARAGRAPH_BREAK))
    return "\n\n".join(part for part in paragraphs if part)


def require_dataset(folder: Path, what: str) -> None:
    """Stop the command with one sentence when a shared dataset is missing."""
    if not folder.is_dir():
        raise SystemExit(f"This needs {what} in {folder}: put the shared datasets folder beside the project "
                         "(../shared/datasets), or set DIGESTBOT_SHARED to the folder that holds datasets/.")


def require_dev_pages() -> None:
    require_dataset(DEV_PAGES, "the development pages")


def dev_pages() -> Iterator[DevPage]:
    """The 130 development pages, in name order."""
    require_dev_pages()
    for folder in sorted(p for p in DEV_PAGES.iterdir() if p.is_dir()):
        pasted_file = PASTED_PAGES / f"{folder.name}.txt"
        yield DevPage(
            name=folder.name,
            html=(folder / "source.html").read_text(encoding="utf-8"),
            pasted=pasted_file.read_text(encoding="utf-8") if pasted_file.exists() else None,
            expected_text=html_to_text((folder / "expected.html").read_text(encoding="utf-8")),
            metadata=json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8")),
        )


@dataclass(frozen=True, slots=True)
class GoldenPage:
    """A page of our own with exact expectations: tests/fixtures/pages/<slug>/."""

    slug: str
    kind: str  # "html" or "text"
    content: str
    expected: dict


def golden_pages(root: Path = GOLDEN_PAGES) -> Iterator[GoldenPage]:
    """Each folder holds source.html or source.txt and expected.json."""
    if not root.exists():
        return
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for kind, name in (("html", "source.html"), ("text", "source.txt")):
            source = folder / name
            if source.exists():
                yield GoldenPage(
                    slug=folder.name,
                    kind=kind,
                    content=source.read_text(encoding="utf-8"),
                    expected=json.loads((folder / "expected.json").read_text(encoding="utf-8")),
                )
