"""A conditional logit fitted in plain numpy: which of a page's candidates is the right one.

Each page gives one choice: its candidates' feature vectors and a mask of the right ones. The
model is the softmax over one page's candidates of a weighted sum of features, fitted by full-batch
gradient ascent on the log-likelihood with an L2 penalty, from zero weights: deterministic (no random
start, no shuffling), a second on a few hundred pages. Used by bench/fit/headline.py and
bench/fit/publisher.py; the pipeline only sums weighted features (digest.pasted.fitted).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ITERATIONS = 600
LEARNING_RATE = 0.5
L2 = 0.01  # on the page-averaged gradient: keeps a feature a few pages have from running away

Choice = tuple[np.ndarray, np.ndarray]  # (candidates x features, which candidates are right)


def choice(vectors: Sequence[dict[str, float]], right: Sequence[bool], names: Sequence[str]) -> Choice | None:
    """One page's choice, or None when there is nothing to learn (no right candidate, or only right ones)."""
    mask = np.array(right, dtype=bool)
    if not mask.any() or mask.all():
        return None
    matrix = np.array([[vector.get(name, 0.0) for name in names] for vector in vectors], dtype=float)
    return matrix, mask


def fit(choices: Sequence[Choice], names: Sequence[str], l2: float = L2) -> dict[str, float]:
    """Weights maximising the penalised log-likelihood (a softmax has no use for a bias: it is 0)."""
    weights = np.zeros(len(names))
    for _ in range(ITERATIONS):
        gradient = -l2 * weights
        for matrix, mask in choices:
            logits = matrix @ weights
            chances = np.exp(logits - logits.max())
            chances /= chances.sum()
            positive = chances * mask
            gradient += ((positive / positive.sum()) - chances) @ matrix / len(choices)
        weights += LEARNING_RATE * gradient
    return {"bias": 0.0, **{name: round(float(value), 4) for name, value in zip(names, weights)}}


def write(path: Path, weights: dict[str, float]) -> None:
    path.write_text(json.dumps(weights, indent=1, sort_keys=True) + "\n", encoding="utf-8")
