"""Fitted components, refitted per fold when `bench.evaluate --cv K` cross-validates by site.

A component of the pipeline that learns weights from the development pages (a line scorer for
pasted text, say) registers a Fitter here:

    FITTERS["pasted-lines"] = Fitter(sets=("pasted", "mercury-pasted"), fit=fit_line_scorer)

`fit` receives the training pages, `{set name: [page, ...]}` (bench.sets.datasets.DevPage,
bench.sets.mercury.MercuryPage), restricted to the sets the fitter names and to the folds being
trained on, and returns the weights as a JSON-serialisable value. It must be deterministic.

How the pipeline gets the weights: for each held-out fold, bench writes every fitter's weights
to `<dir>/<name>.json` and scores that fold's pages in fresh worker processes whose environment
has `DIGESTBOT_WEIGHTS_DIR=<dir>` (WEIGHTS_ENV). The pipeline's weight loader must therefore:
  1. read `os.environ.get("DIGESTBOT_WEIGHTS_DIR")`; when it is set and `<dir>/<name>.json` exists,
     load that file instead of the weights shipped in the package;
  2. load lazily, at first use (e.g. under functools.cache), never at import time: the workers are
     started with the "spawn" method, so no weights loaded by the parent leak into a fold.
Without the variable the pipeline uses its shipped weights (what the whole-set figure measures;
it is an in-sample figure for fitted components, the fold figures are the honest ones).
With no fitter registered, `--cv` scores each fold's pages from the whole-set run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WEIGHTS_ENV = "DIGESTBOT_WEIGHTS_DIR"


@dataclass(frozen=True, slots=True)
class Fitter:
    """Which sets a component learns from, and how it learns."""

    sets: tuple[str, ...]
    fit: Callable[[Mapping[str, Sequence[Any]]], Any]


FITTERS: dict[str, Fitter] = {}


def write_weights(folder: Path, training: Mapping[str, Sequence[Any]]) -> None:
    """Fit every registered component on `training` and write `<folder>/<name>.json`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, fitter in FITTERS.items():
        pages = {set_name: training.get(set_name, ()) for set_name in fitter.sets}
        (folder / f"{name}.json").write_text(json.dumps(fitter.fit(pages), sort_keys=True), encoding="utf-8")


def register_pasted_models() -> None:
    """The pasted reader's headline, publisher and date models (bench/fit/headline.py, bench/fit/publisher.py,
    bench/fit/date.py), the headline model's frequent words (bench/fit/frequent_words.py) and the publisher
    model's common words (bench/fit/common_words.py; the headline and publisher fitters build the same lists
    from the same pages).
    A fold's publisher fit reads headlines with the shipped headline weights: the headline only tells it
    which line not to count as a brand line, a small leak."""
    from bench.fit import common_words, date, frequent_words, headline, publisher

    FITTERS["pasted-frequent-words"] = Fitter(sets=("pasted", "mercury-pasted"), fit=frequent_words.fit)
    FITTERS["pasted-headline"] = Fitter(sets=("pasted", "mercury-pasted"), fit=headline.fit)
    FITTERS["pasted-common-words"] = Fitter(sets=("pasted", "mercury-pasted"), fit=common_words.fit)
    FITTERS["pasted-publisher"] = Fitter(sets=("pasted", "mercury-pasted"), fit=publisher.fit)
    FITTERS["pasted-date"] = Fitter(sets=("pasted", "mercury-pasted"), fit=date.fit)


register_pasted_models()
