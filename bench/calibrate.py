"""Calibrate the answer threshold on a question set (a script for maintainers, not a test).

    .venv/bin/python bench/calibrate.py [eval/questions.yaml]

Prints, for each candidate threshold on score x coverage, how many in-scope questions would be answered with the
right entry or goal and how many out-of-scope ones would wrongly be answered (ignoring the stricter bar for
everyday words). Pick the lowest threshold that keeps every out-of-scope question below it, with a margin, and set
ANSWER_THRESHOLD in bot/assistant.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answering.references import goal_reference  # noqa: E402
from bot.assistant import ANSWER_THRESHOLD, STRONG_THRESHOLD, Assistant  # noqa: E402
from bot.evaluation import OUT_OF_SCOPE, load_cases  # noqa: E402


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "eval" / "questions.yaml"
    assistant = Assistant.load(ROOT / "knowledge")
    goals = {entry.id: entry.goal for entry in assistant.knowledge.entries}
    inside: list[tuple[float, bool]] = []
    outside: list[tuple[float, bool]] = []  # confidence, uses an everyday out-of-scope word
    for case in load_cases(path):
        if goal_reference(case.question) is not None:
            continue  # resolved without search
        matches = assistant.retriever.search(case.question)
        top = matches[0] if matches else None
        confidence = top.score * top.coverage if top is not None else 0.0
        if case.expect == OUT_OF_SCOPE:
            outside.append((confidence, assistant.intents.everyday(case.question)))
        else:
            expected_goal = goals.get(case.expect)
            right = top is not None and (
                top.entry.id == case.expect or (expected_goal is not None and top.entry.goal == expected_goal)
            )
            inside.append((confidence, right))
    print(f"current ANSWER_THRESHOLD = {ANSWER_THRESHOLD}")
    print(f"highest out-of-scope confidence: {max((c for c, _ in outside), default=0.0):.3f}")
    print("threshold  right-in-scope  out-of-scope-answered  (with the everyday-word guard)")
    for step in range(2, 31, 2):
        threshold = step / 100
        answered_right = sum(1 for confidence, ok in inside if ok and confidence >= threshold)
        wrong = sum(1 for confidence, _ in outside if confidence >= threshold)
        guarded = sum(1 for c, everyday in outside if c >= (STRONG_THRESHOLD if everyday else threshold))
        print(f"{threshold:9.2f}  {answered_right:6d}/{len(inside):<6d}  {wrong:6d}/{len(outside):<6d}  {guarded:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
