"""A list item that wraps paragraphs or headings is read as those paragraphs, not as one glued line.

Feature lists and some sites' article bodies wrap each `<h2>` + `<p>` pair in an `<li>`; read as one leaf,
the heading ran into its paragraph ("WebIDE Develop, deploy and debug ..."), a sentence no reader sees and
the summary then quoted.
"""

from __future__ import annotations

import lxml.html

from digest.html.paragraphs import paragraphs_of
from digest.model import Article, DigestOptions
from digest.summary import summarize

FEATURE_LIST = """
<ul>
  <li class="feature">
    <a href="/video"><img src="shot.jpg" alt="Screenshot"></a>
    <h2>WebIDE</h2>
    <p>Develop, deploy and debug apps directly in your browser, with this tool that replaces App Manager.</p>
    <a href="/docs" class="more">Learn more about WebIDE</a>
  </li>
  <li class="feature">
    <h2>Valence</h2>
    <p>Debug your apps across multiple browsers and devices with this extension that comes pre-installed.</p>
  </li>
</ul>
"""


def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(html, create_parent="div")


def test_a_list_item_holding_a_heading_and_a_paragraph_gives_both_apart() -> None:
    assert paragraphs_of(tree(FEATURE_LIST)) == [
        "WebIDE",
        "Develop, deploy and debug apps directly in your browser, with this tool that replaces App Manager.",
        "Learn more about WebIDE",
        "Valence",
        "Debug your apps across multiple browsers and devices with this extension that comes pre-installed.",
    ]


def test_a_plain_list_item_stays_one_paragraph() -> None:
    root = tree("<ol><li>Preheat the <b>oven</b> to 200 degrees.</li><li>Butter the tin, then <em>flour</em> it.</li></ol>")
    assert paragraphs_of(root) == ["Preheat the oven to 200 degrees.", "Butter the tin, then flour it."]


def test_loose_text_beside_paragraphs_in_a_list_item_is_its_own_paragraph() -> None:
    root = tree("<ul><li>Step one<p>Open the valve slowly and wait.</p></li></ul>")
    assert paragraphs_of(root) == ["Step one", "Open the valve slowly and wait."]


def test_the_summary_no_longer_glues_a_list_items_heading_to_its_paragraph() -> None:
    paragraphs = tuple(paragraphs_of(tree(FEATURE_LIST)))
    summary = summarize(Article(title="Developer Edition", paragraphs=paragraphs), options=DigestOptions(), language="en")
    assert summary.startswith("Develop, deploy and debug")
    assert "WebIDE Develop" not in summary
