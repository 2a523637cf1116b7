"""How likely the best match is the right answer: a small logistic model over what retrieval saw, fitted on the
tuning half of the question sets by kind (bench/calibrate.py), so that a reply's score is an estimated chance.

Answering below the threshold would be more often wrong than right for the people asking, so the bot says it does
not know instead (and offers the closest part and a hand-over).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.answering.lexicon import DATA

CALIBRATION_FILE = DATA / "calibration.json"
# A match this strong (its score times the share of the question it covers) answers clearly: a question with
# everyday out-of-scope words (knowledge/intents.yaml) must reach it to be answered at all, and a help entry that only
# grazes a question does not outweigh it.
STRONG_THRESHOLD = 0.5
FEATURES = (
    "score", "coverage", "agreement", "margin", "named", "length", "everyday", "framed", "domain", "consensus",
    "combined", "reasons",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the decision sees of a question and its best matches."""

    score: float  # the best match's retrieval score (0-1)
    coverage: float  # the share of the question's words that entry uses
    margin: float  # how far it is ahead of the next entry
    named: float  # how strongly the question's concepts name it (their passages)
    terms: int  # how many content words the question has
    everyday: bool  # it uses an everyday word from outside the goals (weather, passports …)
    framed: bool  # it asks what the goals say ("mitä tavoitteissa sanotaan …")
    domain: bool = False  # it speaks of associations, municipalities, elections … (knowledge/intents.yaml)
    consensus: bool = False  # the next best entry belongs to the same goal
    combined: bool = False  # a combination of the question's concepts names the best entry (reading.py)
    reasons: bool = False  # it asks why, and the best entry is a goal's background, which gives the reasons

    def vector(self) -> tuple[float, ...]:
        return (
            self.score,
            self.coverage,
            self.score * self.coverage,
            self.margin,
            self.named,
            math.log1p(self.terms),
            float(self.everyday),
            float(self.framed),
            float(self.domain),
            float(self.consensus),
            float(self.combined),
            float(self.reasons),
        )


@dataclass(frozen=True, slots=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def chance(self, evidence: Evidence) -> float:
        """The estimated probability that the best match is the right answer."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, evidence.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration:
        data = json.loads(path.read_text(encoding="utf-8"))
        # A feature the file does not know yet weighs nothing until bench/calibrate.py --write fits it.
        weights = tuple(float(data["weights"].get(name, 0.0)) for name in FEATURES)
        return cls(weights, float(data["bias"]), float(data["threshold"]))

    def dump(self, fitted_on: str, cases: int) -> str:
        data = {
            "comment": "Written by bench/calibrate.py --write; do not edit by hand.",
            "fitted_on": fitted_on,
            "cases": cases,
            "weights": {name: round(weight, 6) for name, weight in zip(FEATURES, self.weights, strict=True)},
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def fit(samples: Sequence[tuple[Evidence, bool]], l2: float = 1.0, rounds: int = 50) -> tuple[tuple[float, ...], float]:
    """Logistic regression by Newton's method with an L2 penalty (the bias is not penalised): deterministic, and
    small enough (twelve features) that no numeric library is needed."""
    rows = [(1.0, *evidence.vector()) for evidence, _ in samples]
    labels = [1.0 if right else 0.0 for _, right in samples]
    size = len(FEATURES) + 1
    beta = [0.0] * size
    for _ in range(rounds):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for row, label in zip(rows, labels, strict=True):
            z = sum(b * x for b, x in zip(beta, row, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(size):
                gradient[i] += (p - label) * row[i]
                for j in range(size):
                    hessian[i][j] += p * (1 - p) * row[i] * row[j]
        for i in range(1, size):
            gradient[i] += l2 * beta[i]
            hessian[i][i] += l2
        step = _solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return tuple(beta[1:]), beta[0]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the Hessian is small and positive definite)."""
    size = len(vector)
    rows = [[*matrix[i], vector[i]] for i in range(size)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(rows[r][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        lead = rows[column][column] or 1e-12
        for r in range(size):
            if r != column:
                factor = rows[r][column] / lead
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[column], strict=True)]
    return [rows[i][size] / (rows[i][i] or 1e-12) for i in range(size)]
