"""Speakers against a hand-judged reference: how often the quote finder names who the text says.

    python -m bench.speakers              # the figures
    python -m bench.speakers --show       # and every quote not named right

The reference is tests/fixtures/quotes/reference/<page>.json: the article paragraphs of a Mercury
page (as digest.html read them when the reference was made) and, for quotes whose speaker the text
names, that speaker as a person reads it (with other acceptable forms under "also"). A quote is
*named* when our speaker is one of those, *partial* when ours is the same person named in part or with
a stray word ("Anna" for Anna Pickard, "Ask Damien Chazelle"), *wrong* when we name someone else,
*unnamed* when we give no speaker, *missed* when the quote is not found at all.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from digest.quotes import find_quotes

REFERENCE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "quotes" / "reference"
ALL_QUOTES = 100  # every candidate, not only the digest's best few: each reference quote is looked up


@dataclass(frozen=True, slots=True)
class Judged:
    page: str
    text_starts: str
    expected: str
    got: str | None
    verdict: str  # "named", "partial", "wrong", "unnamed" or "missed"


def fold(name: str) -> str:
    return " ".join(name.casefold().split())


def same_person(got: str, expected: str) -> bool:
    """One name holds the other's words: "Anna" and "Anna Pickard", "Ask Damien Chazelle" and "Damien Chazelle"."""
    mine, theirs = set(fold(got).split()), set(fold(expected).split())
    return bool(mine) and (mine <= theirs or theirs <= mine)


def judge_page(path: Path) -> list[Judged]:
    """Each reference quote of one page, judged against what find_quotes says."""
    fixture = json.loads(path.read_text(encoding="utf-8"))
    found = find_quotes(fixture["paragraphs"], language=fixture.get("language"), max_quotes=ALL_QUOTES)
    judged = []
    for expected in fixture["expected"]:
        matching = [q for q in found if q.text.startswith(expected["text_starts"])]
        accepted = {fold(expected["speaker"]), *(fold(name) for name in expected.get("also", ()))}
        got = matching[0].speaker if matching else None
        if not matching:
            verdict = "missed"
        elif got is None:
            verdict = "unnamed"
        else:
            verdict = "named" if fold(got) in accepted else "partial" if same_person(got, expected["speaker"]) else "wrong"
        judged.append(Judged(path.stem, expected["text_starts"], expected["speaker"], got, verdict))
    return judged


def judge_all(root: Path = REFERENCE) -> list[Judged]:
    return [item for path in sorted(root.glob("*.json")) for item in judge_page(path)]


def shares(judged: list[Judged]) -> dict[str, float]:
    """Share of reference quotes by verdict."""
    counts = Counter(item.verdict for item in judged)
    return {verdict: counts[verdict] / len(judged) for verdict in ("named", "partial", "wrong", "unnamed", "missed")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list every quote not named right")
    args = parser.parse_args(argv)
    judged = judge_all()
    if args.show:
        for item in judged:
            if item.verdict != "named":
                print(f"{item.verdict:8} {item.page}: {item.text_starts[:40]!r} -> {item.got!r} (want {item.expected!r})")
    figures = shares(judged)
    pages = len({item.page for item in judged})
    print(f"{len(judged)} reference quotes on {pages} pages: named {figures['named']:.1%}, in part {figures['partial']:.1%}, "
          f"wrong {figures['wrong']:.1%}, "
          f"unnamed {figures['unnamed']:.1%}, missed {figures['missed']:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
