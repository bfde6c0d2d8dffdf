"""Fitted weights of the pasted reader's models, shipped as JSON data beside this module.

`<name>.json` (digest/pasted/) holds one model's weights, written by its fitting script under
bench/ (bench/fit/headline.py, bench/fit/publisher.py). They are read at first use, never at
import, and when DIGESTBOT_WEIGHTS_DIR is set and holds `<name>.json`, that file is read instead:
bench.evaluate --cv scores each fold with weights fitted on the other folds (bench.fit.registry).
"""

from __future__ import annotations

import json
import os
from functools import cache
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import Any

WEIGHTS_ENV = "DIGESTBOT_WEIGHTS_DIR"
PACKAGE = Path(__file__).parent


def shipped(name: str) -> Path:
    """Where the package keeps a model's weights."""
    return PACKAGE / f"{name}.json"


def data(name: str) -> Any:
    """A fitted file's JSON as written: a fold's under cross-validation, else the shipped one (not cached:
    the caller keeps the form it needs, a word list as a frozenset, say)."""
    folder = os.environ.get(WEIGHTS_ENV)
    override = Path(folder) / f"{name}.json" if folder else None
    chosen = override if override is not None and override.exists() else shipped(name)
    return json.loads(chosen.read_text(encoding="utf-8"))


@cache
def weights(name: str) -> dict[str, float]:
    """A model's weights: a fold's under cross-validation, else the shipped ones."""
    return {key: float(value) for key, value in data(name).items()}


def score(name: str, vector: dict[str, float]) -> float:
    """The weighted sum of a candidate's features (a softmax over the candidates needs no more)."""
    fitted = weights(name)  # the products summed in the vector's order, as a generator would, by C-level maps
    return fitted.get("bias", 0.0) + sum(map(mul, map(fitted.get, vector, repeat(0.0)), vector.values()))
