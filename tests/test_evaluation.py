"""The held-out question set: the accuracy targets of the answering core, and its independence from knowledge/."""

from __future__ import annotations

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


def test_the_set_is_disjoint_from_the_knowledge_questions(assistant: Assistant) -> None:
    known = {
        normalised(q) for entry in assistant.knowledge.entries for lang in ("fi", "sv") for q in entry.questions(lang)
    }
    overlap = [case.question for case in load_cases(QUESTIONS) if normalised(case.question) in known]
    assert overlap == []


def test_at_least_95_percent_find_the_right_entry_or_goal(report: Report) -> None:
    assert report.answers.rate >= 0.95, "\n".join(report.lines())


def test_at_least_99_percent_are_answered_in_the_right_language(report: Report) -> None:
    assert report.language.rate >= 0.99, "\n".join(report.lines())


def test_every_out_of_scope_question_gets_the_fallback(report: Report) -> None:
    assert report.out_of_scope.total >= 20
    assert report.out_of_scope.rate == 1.0, "\n".join(report.lines())
