"""From positioned pieces of text to paragraphs in reading order: pure, no PDF library here.

A PDF has no paragraphs, only runs of text placed on pages. The steps, each named:

1. `split_columns`: a page whose text leaves a clear vertical gutter near its middle is read
   column by column (what spans the gutter above the columns, such as a title, comes first);
2. `group_lines`: runs that share a baseline band become one line, read left to right;
3. `drop_running_lines`: lines in the top or bottom margin that repeat on many pages (a running
   header or footer, digits ignored) and lone page numbers go;
4. `reflow`: lines join into paragraphs; a paragraph ends at a wider gap than the column's usual
   line pitch, a change of type size, or a short line that ends a sentence; a word hyphenated at
   a line end is joined again unless the document writes it with its hyphen elsewhere.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GUTTER_BAND = (0.3, 0.7)  # where a two-column page's gutter may lie, as shares of the page width
GUTTER_STEP = 0.01
MIN_COLUMN_RUNS = 6  # a column needs at least this many runs on each side of the gutter
SIDE_BY_SIDE_SHARE = 0.5  # columns: at least half the lines of the shorter side have a neighbour across
MAX_SPANNING_SHARE = 0.2  # runs crossing the gutter (titles, wide figures) may be this share at most
MARGIN_SHARE = 0.1  # the top and bottom tenth of a page hold running headers and footers
RUNNING_MIN_PAGES = 2
RUNNING_PAGE_SHARE = 0.4  # a margin line seen on this share of pages (at least two) is running
POSITION_TOLERANCE = 4.0  # points: a running line stands at the same height on every page, give or take
PARAGRAPH_GAP = 1.35  # a gap this many times the usual line pitch ends a paragraph
SIZE_CHANGE = 0.2  # a line this much taller or smaller than the one before starts a new block
INDENT = 1.2  # a first line indented by this many times its type size opens a paragraph
EDGE_TOLERANCE = 2.0  # points: lines starting this close share a left edge
SENTENCE_END = re.compile(r"[.!?:…\"”’»)]$")
PAGE_NUMBER = re.compile(r"(?i)(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/|von|de|из)\s*\d{1,4})?")
SOFT_HYPHEN = "\x02"  # PDFium marks a hyphen it reads as a line-end hyphenation with this
HYPHENATED_END = re.compile(r"(\w+)[-\x02\u00ad]$")
LOWER_START = re.compile(r"[a-zà-ÿа-яё]")


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text on a page, its box in points from the page's bottom-left corner, and its type size."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float


@dataclass(frozen=True, slots=True)
class PageText:
    """The runs of one page and the page's size."""

    runs: tuple[Run, ...]
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Line:
    """Runs on one baseline, joined, with the type size of its largest run and the column it was read in."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    column_left: float
    column_right: float
    page: int


def split_columns(page: PageText) -> list[list[Run]]:
    """The page's runs as one flow, or as [spanning above, left column, right column, spanning below]."""
    runs = [run for run in page.runs if run.text.strip()]
    best: tuple[int, float] | None = None
    position = GUTTER_BAND[0]
    while position <= GUTTER_BAND[1]:
        x = page.width * position
        crossing = sum(1 for run in runs if run.left < x < run.right)
        if best is None or crossing < best[0]:
            best = (crossing, x)
        position += GUTTER_STEP
    if best is None:
        return [runs]
    crossing, gutter = best
    left = [run for run in runs if run.right <= gutter]
    right = [run for run in runs if run.left >= gutter]
    spanning = [run for run in runs if run.left < gutter < run.right]
    if (len(left) < MIN_COLUMN_RUNS or len(right) < MIN_COLUMN_RUNS
            or crossing > MAX_SPANNING_SHARE * len(runs) or not side_by_side(left, right)):
        return [runs]
    columns_top = max(run.top for run in left + right)
    columns_bottom = min(run.bottom for run in left + right)
    above = [run for run in spanning if run.bottom >= columns_top - 1]
    below = [run for run in spanning if run.top <= columns_bottom + 1]
    for run in spanning:  # a run reaching over the gutter between the columns' lines joins the nearer column
        if run not in above and run not in below:
            (left if (run.left + run.right) / 2 < gutter else right).append(run)
    return [flow for flow in (above, left, right, below) if flow]


def side_by_side(left: Sequence[Run], right: Sequence[Run]) -> bool:
    """Do the two sides share their lines' heights, as columns do (and a zigzag of short lines does not)?"""
    shared = sum(1 for run in right
                 if any(other.bottom <= (run.bottom + run.top) / 2 <= other.top for other in left))
    return shared >= SIDE_BY_SIDE_SHARE * min(len(left), len(right))


def group_lines(runs: Sequence[Run], page: int) -> list[Line]:
    """Runs whose vertical middles fall within each other's band form a line, top to bottom."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        middle = (run.top + run.bottom) / 2
        if lines and lines[-1][0].bottom <= middle <= lines[-1][0].top:
            lines[-1].append(run)
        else:
            lines.append([run])
    for parts in lines:
        parts.sort(key=lambda r: r.left)
    if not lines:
        return []
    column_left, column_right = column_edges(lines)
    return [Line(text=squash(" ".join(part.text.strip() for part in parts)), left=parts[0].left,
                 bottom=min(p.bottom for p in parts), right=parts[-1].right, top=max(p.top for p in parts),
                 size=max(p.size for p in parts), column_left=column_left, column_right=column_right, page=page)
            for parts in lines]


def column_edges(lines: Sequence[Sequence[Run]]) -> tuple[float, float]:
    """Where the column's text starts and ends: the left edge most lines share, and the right edge of
    the lines that start there (a centred page number or an indented line does not move them)."""
    left_edges = Counter(round(parts[0].left) for parts in lines)
    column_left = float(left_edges.most_common(1)[0][0])
    rights = [parts[-1].right for parts in lines if abs(parts[0].left - column_left) <= EDGE_TOLERANCE]
    return column_left, max(rights, default=max(parts[-1].right for parts in lines))


def page_lines(pages: Sequence[PageText]) -> list[Line]:
    """Every page's lines in reading order, columns one after the other."""
    lines: list[Line] = []
    for number, page in enumerate(pages):
        for flow in split_columns(page):
            lines += group_lines(flow, number)
    return lines


def running_key(line: Line) -> tuple[str, int]:
    """A margin line's identity across pages: its words (digits and case ignored, so "Page 3 of 9" is
    "Page 4 of 9") and its height on the page (a running header stands at the same place every time)."""
    return re.sub(r"\d+", "#", line.text.casefold()).strip(), round(line.top / POSITION_TOLERANCE)


def in_margin(line: Line, page: PageText) -> bool:
    return line.bottom >= page.height * (1 - MARGIN_SHARE) or line.top <= page.height * MARGIN_SHARE


def drop_running_lines(lines: Sequence[Line], pages: Sequence[PageText]) -> list[Line]:
    """Without running headers and footers (margin lines repeated across pages) and page numbers."""
    margin = [line for line in lines if in_margin(line, pages[line.page])]
    seen_on = Counter(key for key, _page in {(running_key(line), line.page) for line in margin})
    needed = max(RUNNING_MIN_PAGES, RUNNING_PAGE_SHARE * len(pages))
    running = {key for key, count in seen_on.items() if count >= needed}
    return [line for line in lines
            if not (in_margin(line, pages[line.page])
                    and (running_key(line) in running or PAGE_NUMBER.fullmatch(line.text.strip())))]


def usual_pitch(lines: Sequence[Line]) -> float:
    """The distance from one line's top to the next one's in running text (the median)."""
    steps = [a.top - b.top for a, b in zip(lines, lines[1:])
             if a.page == b.page and a.column_left == b.column_left and 0 < a.top - b.top < 4 * a.size]
    return statistics.median(steps) if steps else 0.0


def starts_paragraph(previous: Line, line: Line, pitch: float) -> bool:
    """Does `line` open a new paragraph after `previous`?"""
    if previous.size and abs(line.size - previous.size) > SIZE_CHANGE * previous.size:
        return True
    same_flow = previous.page == line.page and previous.column_left == line.column_left
    if same_flow and pitch and previous.top - line.top > PARAGRAPH_GAP * pitch:
        return True
    short = leaves_room_for(previous, line.text)
    if short and SENTENCE_END.search(previous.text):
        return True
    return same_flow and line.left - line.column_left > INDENT * line.size and not short


def leaves_room_for(line: Line, following: str) -> bool:
    """Did `line` stop although the first word of the next line would have fitted after it? Then
    it ended on purpose: the last line of a paragraph (ragged or justified text alike)."""
    char_width = (line.right - line.left) / max(1, len(line.text))
    first_word = following.split(" ", 1)[0]
    return line.column_right - line.right > (len(first_word) + 1) * char_width


def hyphenated_words(lines: Iterable[Line]) -> set[str]:
    """Words the document writes with a hyphen inside a line ("well-known"), lower-cased."""
    words: set[str] = set()
    for line in lines:
        words.update(match.casefold() for match in re.findall(r"\w+-\w+", line.text))
    return words


def join_lines(first: str, second: str, keep_hyphen: set[str]) -> str:
    """Two lines of one paragraph as one: a line-end hyphenation undone, else a space."""
    match = HYPHENATED_END.search(first)
    if match and LOWER_START.match(second):
        next_word = re.match(r"\w+", second)
        hyphenated = f"{match.group(1)}-{next_word.group(0) if next_word else ''}".casefold()
        stem = first[:-1]
        return (stem + "-" if hyphenated in keep_hyphen else stem) + second
    return f"{first.rstrip(SOFT_HYPHEN)} {second}"


def reflow(lines: Sequence[Line]) -> list[str]:
    """Paragraphs of text from lines in reading order."""
    if not lines:
        return []
    pitch = usual_pitch(lines)
    keep_hyphen = hyphenated_words(lines)
    paragraphs: list[str] = []
    current = lines[0].text
    for previous, line in zip(lines, lines[1:]):
        if starts_paragraph(previous, line, pitch):
            paragraphs.append(current)
            current = line.text
        else:
            current = join_lines(current, line.text, keep_hyphen)
    paragraphs.append(current)
    return [squash(paragraph.replace(SOFT_HYPHEN, "-")) for paragraph in paragraphs if paragraph.strip()]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
