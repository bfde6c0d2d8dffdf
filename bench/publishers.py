"""The publisher against a hand-judged reference: is the name the one a reader would give?

    python -m bench.publishers            # the figures, whole set and cross-validated by site
    python -m bench.publishers --show     # and every page named wrong

The Mercury set asserts no publisher, and the proxies in bench.scoring.loose count right names wrong
("CNNMoney" on money.cnn.com, "好奇心日报" on qdaily.com, "BÜNDNIS 90/DIE GRÜNEN" on gruene.de) and
some wrong ones right. tests/fixtures/publishers/mercury.json holds, for each Mercury page, the
publisher's name as a reader would give it, first, and the other forms a reader accepts ("The New
York Times", "NYTimes.com"). Names compare by letters and digits, case-free, with a leading "the"
optional. Each page is read twice: with its address, as a link is, and without one, as a saved file
with no --url is (the page's canonical link, when it has one, gives the address back).

Only the metadata step runs (digest.html.meta), so the command takes seconds. The publisher is made
by rules, not fitted, so each fold of the cross-validated figure is scored as it is.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.scoring.loose import compact
from bench.sets.mercury import mercury_pages
from bench.sets.sites import DEFAULT_FOLDS, fold_of
from digest.html.meta import read_metadata
from digest.html.reader import parse_page

REFERENCE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "publishers" / "mercury.json"


def name_key(name: str | None) -> str:
    """Letters and digits, case-free, without a leading "the": "The Guardian" and "the Guardian" agree."""
    letters = compact(name)
    return letters.removeprefix("the") if compact((name or "").split(" ")[0]) == "the" else letters


def judged(accepted: list[str], ours: str | None) -> bool:
    return ours is not None and name_key(ours) in {name_key(name) for name in accepted}


def figure(results: list[tuple[int, bool]]) -> str:
    """Whole set, then the mean of the per-fold figures (min-max): the CV figure."""
    whole = sum(right for _, right in results) / len(results)
    folds = [[right for fold, right in results if fold == k] for k in range(DEFAULT_FOLDS)]
    shares = [sum(rights) / len(rights) for rights in folds if rights]
    mean = sum(shares) / len(shares)
    return (f"{100 * whole:5.1f}% ({sum(r for _, r in results)}/{len(results)}); "
            f"CV {100 * mean:.1f}% ({100 * min(shares):.1f}-{100 * max(shares):.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list the pages named wrong")
    args = parser.parse_args()
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    linked: list[tuple[int, bool]] = []
    saved: list[tuple[int, bool]] = []
    for page in mercury_pages():
        accepted = reference[page.name]
        fold = fold_of(page.site_key)
        for results, url, mode in ((linked, page.url, "link"), (saved, None, "saved file")):
            ours = read_metadata(parse_page(page.html), url).site
            right = judged(accepted, ours)
            results.append((fold, right))
            if args.show and not right:
                print(f"  [{mode}] {page.name}: {ours!r}, a reader says {accepted[0]!r}")
    print(f"mercury-html publisher (hand-judged), {len(linked)} pages, {len({p for p in reference})} judged")
    print(f"  with the page's address:        {figure(linked)}")
    print(f"  as a saved file without --url:  {figure(saved)}")


if __name__ == "__main__":
    main()
