"""Running a question set through the assistant: the maintainers' test pane (`kanebot eval FILE`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.assistant import Assistant
from bot.core.lang import Lang, is_lang
from bot.core.yamlfile import KnowledgeError, Problem, read_yaml

OUT_OF_SCOPE = "fallback"


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    lang: Lang
    expect: str


@dataclass(frozen=True, slots=True)
class Miss:
    case: Case
    got_entry: str | None
    got_kind: str
    got_lang: Lang
    score: float

    def __str__(self) -> str:
        got = self.got_entry or self.got_kind
        return f"[{self.case.lang}] {self.case.question!r}: expected {self.case.expect}, got {got} ({self.score:.2f})"


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    """Accuracy per goal and language, language accuracy, the fallback rate out of scope, and every miss."""

    by_group: dict[tuple[str, Lang], Tally] = field(default_factory=lambda: defaultdict(Tally))
    answers: Tally = field(default_factory=Tally)
    out_of_scope: Tally = field(default_factory=Tally)
    language: Tally = field(default_factory=Tally)
    misses: list[Miss] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = ["group            lang  right / total"]
        for (group, lang), tally in sorted(self.by_group.items()):
            lines.append(f"{group:<16} {lang:<5} {tally.right:>5} / {tally.total:<5} {tally.rate:6.1%}")
        for label, tally in (
            ("right entry or goal:    ", self.answers),
            ("out of scope → fallback:", self.out_of_scope),
            ("right reply language:   ", self.language),
        ):
            lines.append(f"{label} {tally.right}/{tally.total} = {tally.rate:.1%}")
        if self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            lines += [f"  {miss}" for miss in self.misses]
        return lines


def _items(path: Path) -> list[Mapping[str, Any]]:
    """The items of a question set; each has at least a question text (q) and its language (lang)."""
    data, problems = read_yaml(path, str(path))
    if problems:
        raise KnowledgeError(problems)
    items = data.get("questions") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        raise KnowledgeError([Problem(str(path), "must be a mapping with a list under 'questions'")])
    for index, item in enumerate(items):
        if not (isinstance(item, Mapping) and isinstance(item.get("q"), str) and is_lang(item.get("lang"))):
            raise KnowledgeError([Problem(str(path), "needs q and lang (fi or sv)", entry=f"#{index + 1}")])
    return items


def load_cases(path: Path) -> list[Case]:
    return [Case(item["q"], item["lang"], str(item.get("expect", OUT_OF_SCOPE))) for item in _items(path)]


def evaluate(assistant: Assistant, cases: list[Case]) -> Report:
    report = Report()
    goals = {entry.id: entry.goal for entry in assistant.knowledge.entries}
    for case in cases:
        reply = assistant.reply(case.question)
        report.language.total += 1
        report.language.right += reply.lang == case.lang
        if case.expect == OUT_OF_SCOPE:
            group, right = "out-of-scope", reply.kind == "fallback"
            tally = report.out_of_scope
        else:
            expected_goal = goals.get(case.expect)
            right = reply.entry == case.expect or (expected_goal is not None and reply.goal == expected_goal)
            group = f"goal {expected_goal}" if expected_goal is not None else case.expect
            tally = report.answers
        tally.total += 1
        tally.right += right
        report.by_group[group, case.lang].total += 1
        report.by_group[group, case.lang].right += right
        if not right or reply.lang != case.lang:
            report.misses.append(Miss(case, reply.entry, reply.kind, reply.lang, reply.score))
    return report


@dataclass(frozen=True, slots=True)
class RoutingCase:
    question: str
    lang: Lang
    municipality: str | None
    topic: str | None


def load_routing_cases(path: Path) -> list[RoutingCase]:
    """eval/routing.yaml: questions with the municipality code and topic id a right route has (or null)."""
    cases: list[RoutingCase] = []
    for item in _items(path):
        code, topic = item.get("municipality"), item.get("topic")
        cases.append(
            RoutingCase(item["q"], item["lang"], str(code) if code is not None else None, str(topic) if topic else None)
        )
    return cases
