"""The held-out question set: the accuracy targets of the answering core, and its independence from knowledge/."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.assistant import Assistant
from bot.core.text import clean, fold
from bot.evaluation import Report, evaluate, load_cases
from tests.conftest import ROOT

QUESTIONS = ROOT / "eval" / "questions.yaml"


@pytest.fixture(scope="module")
def report(assistant: Assistant) -> Report:
    return evaluate(assistant, load_cases(QUESTIONS))


def normalised(text: str) -> str:
    return " ".join(fold(word) for word in clean(text).replace("?", " ").replace("!", " ").split())


def test_the_set_is_big_enough_and_varied() -> None:
    cases = load_cases(QUESTIONS)
    in_scope = [case for case in cases if case.expect != "fallback"]
    assert sum(case.lang == "fi" for case in in_scope) >= 75
    assert sum(case.lang == "sv" for case in in_scope) >= 75
    assert sum(case.expect == "fallback" for case in cases) >= 20


@pytest.mark.parametrize("name", sorted(path.name for path in (ROOT / "eval").glob("*.yaml")))
def test_every_set_is_disjoint_from_the_knowledge_questions(assistant: Assistant, name: str) -> None:
    known = {
        normalised(q) for entry in assistant.knowledge.entries for lang in ("fi", "sv") for q in entry.questions(lang)
    }
    overlap = [case.question for case in load_cases(ROOT / "eval" / name) if normalised(case.question) in known]
    assert overlap == []


@pytest.mark.parametrize("name", ["kinds.tune.yaml", "kinds.test.yaml"])
def test_each_half_of_the_sets_by_kind_has_enough_of_every_kind(name: str) -> None:
    cases = load_cases(ROOT / "eval" / name)
    counts = Counter((case.category, case.lang) for case in cases)
    assert len({category for category, _ in counts}) >= 12
    assert all(count >= 15 for count in counts.values()), counts
    assert set(counts) == {(category, lang) for category, _ in counts for lang in ("fi", "sv")}
