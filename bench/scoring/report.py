"""Print the evaluation table, the cross-validated figures, and save per-page results."""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict

from bench.scoring.extraction import f1_of_means
from bench.scoring.page import PageScore

# (label, the figure of a group of pages or None where it has no pages to count)
Metric = tuple[str, Callable[[Sequence[PageScore]], float | None]]


def share(values: Sequence[bool | None]) -> float | None:
    counted = [v for v in values if v is not None]
    return sum(counted) / len(counted) if counted else None


def percent(values: Sequence[bool | None]) -> str:
    counted = [v for v in values if v is not None]
    if not counted:
        return "-"
    return f"{100 * sum(counted) / len(counted):5.1f}% ({sum(counted)}/{len(counted)})"


def body_f1(scores: Sequence[PageScore]) -> float | None:
    if not any(s.precision is not None or s.recall is not None for s in scores):
        return None
    return f1_of_means((s.precision, s.recall) for s in scores)[0]


def body_precision(scores: Sequence[PageScore]) -> float | None:
    if not any(s.precision is not None for s in scores):
        return None
    return f1_of_means((s.precision, s.recall) for s in scores)[1]


def proxy_body(scores: Sequence[PageScore]) -> list[PageScore]:
    """The pages whose paste's body was judged against our HTML reader's article (Mercury)."""
    return [s for s in scores if s.proxy_precision is not None or s.proxy_recall is not None]


def proxy_f1(scores: Sequence[PageScore]) -> float | None:
    judged = proxy_body(scores)
    return f1_of_means((s.proxy_precision, s.proxy_recall) for s in judged)[0] if judged else None


def proxy_precision(scores: Sequence[PageScore]) -> float | None:
    judged = proxy_body(scores)
    return f1_of_means((s.proxy_precision, s.proxy_recall) for s in judged)[1] if judged else None


def tail_share(scores: Sequence[PageScore]) -> float | None:
    """Share of the judged pages whose body runs on TAIL_WORDS words or more after the article's end."""
    judged = [s for s in scores if s.words_after_end is not None]
    return sum(s.words_after_end >= TAIL_WORDS for s in judged) / len(judged) if judged else None


TAIL_WORDS = 50  # words after the article's end that are more than a stray line: a related story's summary


def field_metric(name: str) -> Callable[[Sequence[PageScore]], float | None]:
    return lambda scores: share([getattr(s, name) for s in scores])


def visible_metric(name: str, where: str) -> Callable[[Sequence[PageScore]], float | None]:
    return lambda scores: share([getattr(s, name) for s in scores if getattr(s, where)])


METRICS: tuple[Metric, ...] = (
    ("body F1", body_f1),
    ("body P", body_precision),
    ("title", field_metric("title")),
    ("date", field_metric("date")),
    ("site", field_metric("site")),
    ("dateline time with zone", field_metric("time_zoned")),
    ("dateline time same, where zoned", field_metric("time_matches")),
    ("dateline time, where written", visible_metric("time_shown", "time_written")),
    ("site agrees with host (proxy)", field_metric("site_proxy")),
    ("first words", field_metric("first_words")),
    ("dek in summary", field_metric("dek")),
    ("author (byline)", field_metric("author")),
    ("summary sound", field_metric("summary_ok")),
    ("title where visible", visible_metric("title", "title_visible")),
    ("date where written", visible_metric("date", "date_visible")),
    ("site where visible", visible_metric("site", "site_visible")),
    ("first words where in the paste", visible_metric("first_words", "first_words_visible")),
    ("body F1 vs HTML reader (proxy)", proxy_f1),
    ("body P vs HTML reader (proxy)", proxy_precision),
    (f"body runs on {TAIL_WORDS}+ words (proxy)", tail_share),
)


def report(label: str, scores: list[PageScore], show_failures: bool) -> None:
    """The main table's row and, below it, the figures this set has beyond the common columns."""
    body = "-"
    if any(s.precision is not None or s.recall is not None for s in scores):
        f1, p, r = f1_of_means((s.precision, s.recall) for s in scores)
        body = f"{f1:.3f} (P {p:.3f} R {r:.3f})"
    golden_ok = [not s.notes and not s.error for s in scores]
    print(f"| {label:<22} | {len(scores):>5} | {body:<24} | {percent([s.title for s in scores]):<15} "
          f"| {percent([s.date for s in scores]):<15} | {percent([s.site for s in scores]):<15} "
          f"| {percent([s.summary_ok for s in scores]):<15} | {percent([s.quotes_verbatim for s in scores if s.quotes]):<15} "
          f"| {sum(s.quotes for s in scores):>6} | {sum(1 for s in scores if s.error):>6} |"
          + (f" {sum(golden_ok)}/{len(golden_ok)} clean" if label.startswith("golden") else ""))
    lenient = sum(1 for s in scores if s.date and s.date_lenient)
    if lenient:
        print(f"|   of the dates right, matched only within one day (ours has no offset, the reference is a day, or the days agree only in the page's zone): {lenient}")
    for name, field_name, what in (
        ("site_proxy", None, "site agrees with the host (a proxy: no reference publisher)"),
        ("first_words", None, "body starts with the reference first words"),
        ("dek", None, "summary carries the reference standfirst (dek)"),
        ("author", None, "byline names the reference author"),
        ("title", "title_visible", "title where the reference title is visible in the text"),
        ("date", "date_visible", "date where the reference date is written in the text (Mercury: or a day either side)"),
        ("site", "site_visible", "site where the reference site name is visible in the text"),
        ("first_words", "first_words_visible", "first words where they stand in the paste"),
    ):
        chosen = [s for s in scores if getattr(s, field_name)] if field_name else scores
        if any(getattr(s, name) is not None for s in chosen):
            print(f"|   {what}: {percent([getattr(s, name) for s in chosen])}")
    if any(s.time_zoned is not None for s in scores):
        print(f"|   dateline shows the reference's time with its zone: {percent([s.time_zoned for s in scores])}; "
              f"of those, the same time: {percent([s.time_matches for s in scores])}")
    written = [s for s in scores if s.time_zoned is not None and s.time_written is not None]
    if written:
        shown = [s for s in written if s.time_written]
        print(f"|   pastes that write the reference's time: {sum(1 for _ in shown)} of {len(written)}; of those, the dateline "
              f"shows it: {percent([s.time_shown for s in shown])}, with its zone: {percent([s.time_zoned for s in shown])}")
    refused = [s.refused_wrongly for s in scores if s.refused_wrongly is not None]
    if refused:
        print(f"|   refused as holding no article: {len(refused)}, wrongly (the paste holds the article): {sum(refused)}")
    judged = proxy_body(scores)
    if judged:
        f1, p, r = f1_of_means((s.proxy_precision, s.proxy_recall) for s in judged)
        tails = [s.words_after_end for s in judged if s.words_after_end is not None]
        print(f"|   body against our HTML reader's article, where it opens with the first words ({len(judged)} pages; "
              f"a proxy): F1 {f1:.3f} (P {p:.3f} R {r:.3f}); words after the article's end: mean "
              f"{statistics.mean(tails):.0f}, {sum(t >= TAIL_WORDS for t in tails)} pages with {TAIL_WORDS}+")
    # a named publisher that disagrees: with the reference site name, else (Mercury) with the brand, else the proxy
    wrong_sites = sum(1 for s in scores if (s.site if s.site is not None else s.site_proxy) is False and s.site_given)
    if wrong_sites:
        print(f"|   pages where we named a publisher that does not agree: {wrong_sites}")
    if show_failures:
        for s in scores:
            low = s.precision is not None and s.recall is not None and min(s.precision, s.recall) < 0.9
            if s.notes or s.error or low:
                detail = "; ".join(s.notes)
                pr = f"P={s.precision:.2f} R={s.recall:.2f}" if s.precision is not None and s.recall is not None else ""
                print(f"    [{label}] {s.name}: {s.error or ''} {pr} {detail}", file=sys.stderr)


def cv_report(label: str, whole: list[PageScore], folds: list[list[PageScore]]) -> None:
    """Whole-set figure beside the mean and range over the held-out folds, for each figure the set has."""
    print(f"\n{label}: {len(whole)} pages, {len({s.site_key for s in whole})} sites, "
          f"fold sizes {[len(f) for f in folds]}")
    print("| figure                          | whole set | CV by site: mean | min-max       |")
    print("|---------------------------------|-----------|------------------|---------------|")
    for name, metric in METRICS:
        value = metric(whole)
        if value is None:
            continue
        per_fold = [v for fold in folds if (v := metric(fold)) is not None]
        scale, fmt = (1, "{:.3f}") if name.startswith("body F1") or name.startswith("body P") else (100, "{:.1f}%")
        mean = fmt.format(scale * statistics.mean(per_fold)) if per_fold else "-"
        spread = f"{fmt.format(scale * min(per_fold))}-{fmt.format(scale * max(per_fold))}" if per_fold else "-"
        print(f"| {name:<31} | {fmt.format(scale * value):>9} | {mean:>16} | {spread:<13} |")


def save(path: str, scores: list[PageScore]) -> None:
    """JSON Lines, one object per page and set, in a stable order, for diffing before and after."""
    with open(path, "w", encoding="utf-8") as out:
        for score in sorted(scores, key=lambda s: (s.set, s.name)):
            out.write(json.dumps(asdict(score), ensure_ascii=False, sort_keys=True) + "\n")
