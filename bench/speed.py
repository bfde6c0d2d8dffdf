"""How fast the pipeline is, beside bare readability-lxml on the same pages in the same run.

    python -m bench.speed [--rounds 3]

Per page (the 130 development pages, one process, one core): bare `Document(html).summary()`,
our whole HTML pipeline (`digest_page`), and our pasted-text pipeline on the same page's
select-all text; and the PDF pipeline on the same articles typeset as PDFs (bench.sets.pdf), per
document and per PDF page. Each figure is the median over pages of the best of `--rounds` runs. Every
run starts with the line caches forgotten (`digest.memo`), so a page's second run is not its first read
back from memory, which no new paste would get; imports and model weights stay loaded, as in the bot.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import pypdfium2
from readability import Document

from bench.sets.datasets import FAKEHOST_URL, dev_pages
from bench.sets.pdf import pdf_pages
from digest.errors import DigestError
from digest.memo import forget_all
from digest.pipeline import Page, digest_page


def best_ms(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        forget_all()
        start = time.perf_counter()
        try:
            work()
        except DigestError:
            pass  # a page with no article still costs what it costs
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    pages = list(dev_pages())
    digest_page(Page(pages[0].html, "html", FAKEHOST_URL))  # warm imports and caches
    bare, html, text = [], [], []
    for page in pages:
        bare.append(best_ms(lambda: Document(page.html, url=FAKEHOST_URL).summary(), args.rounds))
        html.append(best_ms(lambda: digest_page(Page(page.html, "html", FAKEHOST_URL)), args.rounds))
        if page.pasted is not None:
            text.append(best_ms(lambda: digest_page(Page(page.pasted, "text")), args.rounds))
    pdf, pdf_per_page = [], []
    for document in pdf_pages():
        spent = best_ms(lambda: digest_page(Page(document.data, "pdf")), args.rounds)
        pdf.append(spent)
        pdf_per_page.append(spent / len(pypdfium2.PdfDocument(document.data)))
    bare_median, html_median = statistics.median(bare), statistics.median(html)
    ratios = [h / b for h, b in zip(html, bare) if b > 0]
    print(f"pages: {len(pages)}, best of {args.rounds} runs each, one process")
    print("| what                                  | median ms | p90 ms | total s |")
    print("|---------------------------------------|-----------|--------|---------|")
    for label, values in (("bare readability-lxml summary()", bare), ("digestbot HTML pipeline", html),
                          ("digestbot pasted-text pipeline", text), ("digestbot PDF pipeline, a document", pdf),
                          ("digestbot PDF pipeline, a PDF page", pdf_per_page)):
        p90 = statistics.quantiles(values, n=10)[-1]
        print(f"| {label:<37} | {statistics.median(values):9.1f} | {p90:6.1f} | {sum(values) / 1000:7.2f} |")
    print(f"HTML pipeline / bare readability: {html_median / bare_median:.2f}x of medians, "
          f"median per-page ratio {statistics.median(ratios):.2f}x")
    print(f"pasted-text / HTML pipeline: {statistics.median(text) / html_median:.2f}x of medians")
    print(f"PDF documents: {len(pdf)}, the development articles typeset (bench.sets.pdf)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
