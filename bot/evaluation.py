"""Running a question set through the assistant: the maintainers' test pane (`kanebot eval FILE`).

A set lists questions with what a right reply is (`expect`: an entry id, `fallback`, `help` or `other_language`) and,
optionally, the kind of question (`category`). The report gives accuracy per goal, per category and language, and
counts the confidently wrong replies: an answer or a route where the right reply was something else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.core.lang import Lang, is_lang
from bot.core.reply import Reply
from bot.core.yamlfile import KnowledgeError, Problem, read_yaml

OUT_OF_SCOPE = "fallback"
HELP = "help"
OTHER_LANGUAGE = "other_language"
GENERAL = "general"
CONFIDENT_KINDS = frozenset({"answer", "route"})


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    lang: Lang
    expect: str
    category: str = GENERAL
    suggest: str | None = None


@dataclass(frozen=True, slots=True)
class Miss:
    case: Case
    got_entry: str | None
    got_kind: str
    got_lang: Lang
    score: float

    def __str__(self) -> str:
        got = self.got_entry or self.got_kind
        return (
            f"[{self.case.lang} {self.case.category}] {self.case.question!r}: "
            f"expected {self.case.expect}, got {got} ({self.score:.2f})"
        )


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, right: bool) -> None:
        self.total += 1
        self.right += right


@dataclass
class Report:
    """Accuracy per goal, per category and language, language accuracy, honesty where the goals do not answer, and
    every miss."""

    by_group: dict[tuple[str, Lang], Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_category: dict[tuple[str, Lang], Tally] = field(default_factory=lambda: defaultdict(Tally))
    answers: Tally = field(default_factory=Tally)
    out_of_scope: Tally = field(default_factory=Tally)
    language: Tally = field(default_factory=Tally)
    misses: list[Miss] = field(default_factory=list)
    confidently_wrong: list[Miss] = field(default_factory=list)

    @property
    def false_answers(self) -> list[Miss]:
        """Questions the goals do not answer (or not about the goals at all) that got an answer or a route."""
        return [miss for miss in self.confidently_wrong if miss.case.expect in (OUT_OF_SCOPE, OTHER_LANGUAGE)]

    def lowest_category(self) -> float:
        return min((tally.rate for tally in self.by_category.values()), default=1.0)

    def lines(self, misses: bool = True) -> list[str]:
        lines = ["group            lang  right / total"]
        for (group, lang), tally in sorted(self.by_group.items()):
            lines.append(f"{group:<16} {lang:<5} {tally.right:>5} / {tally.total:<5} {tally.rate:6.1%}")
        if set(self.by_category) - {(GENERAL, "fi"), (GENERAL, "sv")}:
            lines.append("")
            lines.append("category            fi                    sv")
            for category in sorted({category for category, _ in self.by_category}):
                cells = []
                for lang in ("fi", "sv"):
                    cell = self.by_category.get((category, lang))
                    cells.append(f"{cell.right:>3} / {cell.total:<3} {cell.rate:6.1%}" if cell else " " * 16)
                lines.append(f"{category:<19} {cells[0]:<21} {cells[1]}")
            lines.append("")
        for label, tally in (
            ("right entry or goal:    ", self.answers),
            ("out of scope → fallback:", self.out_of_scope),
            ("right reply language:   ", self.language),
        ):
            lines.append(f"{label} {tally.right}/{tally.total} = {tally.rate:.1%}")
        lines.append(f"confidently wrong (an answer or route that is wrong): {len(self.confidently_wrong)}")
        lines.append(f"  of them, questions the goals do not answer: {len(self.false_answers)}")
        if misses and self.misses:
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
    return [
        Case(
            item["q"],
            item["lang"],
            str(item.get("expect", OUT_OF_SCOPE)),
            str(item.get("category") or GENERAL),
            str(item["suggest"]) if item.get("suggest") else None,
        )
        for item in _items(path)
    ]


def is_right(case: Case, reply: Reply, goals: Mapping[str, int | None]) -> bool:
    if case.expect == OUT_OF_SCOPE:
        return reply.kind == "fallback" and not reply.other_language
    if case.expect == OTHER_LANGUAGE:
        return reply.other_language
    if case.expect == HELP:
        return reply.kind == "answer" and (reply.entry or "").startswith("help.")
    expected_goal = goals.get(case.expect)
    return reply.kind == "answer" and (
        reply.entry == case.expect or (expected_goal is not None and reply.goal == expected_goal)
    )


def evaluate(assistant: Assistant, cases: list[Case]) -> Report:
    report = Report()
    goals = {entry.id: entry.goal for entry in assistant.knowledge.entries}
    for case in cases:
        reply = assistant.reply(case.question)
        right = is_right(case, reply, goals)
        right_lang = reply.lang == case.lang or case.expect == OTHER_LANGUAGE
        report.language.add(right_lang)
        if case.expect in (OUT_OF_SCOPE, OTHER_LANGUAGE, HELP):
            group = {OUT_OF_SCOPE: "out-of-scope", OTHER_LANGUAGE: "other language", HELP: "help"}[case.expect]
            if case.expect == OUT_OF_SCOPE:
                report.out_of_scope.add(right)
        else:
            expected_goal = goals.get(case.expect)
            group = f"goal {expected_goal}" if expected_goal is not None else case.expect
            report.answers.add(right)
        report.by_group[group, case.lang].add(right)
        report.by_category[case.category, case.lang].add(right)
        if not right or not right_lang:
            miss = Miss(case, reply.entry, reply.kind, reply.lang, reply.score)
            report.misses.append(miss)
            if not right and reply.kind in CONFIDENT_KINDS:
                report.confidently_wrong.append(miss)
    return report


@dataclass(frozen=True, slots=True)
class RoutingCase:
    question: str
    lang: Lang
    municipality: str | None
    topic: str | None
    areas: tuple[str, ...] | None = None  # the organisations shown, in order, where the case says
    then: tuple[str, ...] = ()  # answers to the bot's questions back; the route is the reply to the last one


def load_routing_cases(path: Path) -> list[RoutingCase]:
    """eval/routing.yaml: questions with the municipality code and topic id a right route has (or null), and
    optionally the organisations it shows (`areas`) and the person's answers to the bot's questions (`then`)."""
    cases: list[RoutingCase] = []
    for item in _items(path):
        code, topic, areas, then = item.get("municipality"), item.get("topic"), item.get("areas"), item.get("then")
        cases.append(
            RoutingCase(
                item["q"],
                item["lang"],
                str(code) if code is not None else None,
                str(topic) if topic else None,
                tuple(str(area) for area in areas) if isinstance(areas, list) else None,
                tuple(str(answer) for answer in then) if isinstance(then, list) else (),
            )
        )
    return cases


def final_reply(assistant: Assistant, case: RoutingCase) -> Reply:
    """The reply to the question, or to the last of the person's answers to the bot's questions back."""
    reply = assistant.reply(case.question)
    for answer in case.then:
        reply = assistant.reply(answer, Conversation(last_lang=reply.lang, pending=reply.pending))
    return reply


def is_routing_set(path: Path) -> bool:
    """A routing set (like eval/routing.yaml) names the municipality a right route has, not an entry."""
    return any("municipality" in item for item in _items(path))


@dataclass
class RoutingReport:
    """Right routes (the municipality, the topic and the reply language), questions without a place asked back."""

    routed: Tally = field(default_factory=Tally)
    asked_back: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    def lines(self, misses: bool = True) -> list[str]:
        lines = [
            f"right municipality, topic and language: {self.routed.right}/{self.routed.total} = {self.routed.rate:.1%}",
            f"no place → asked back:                 {self.asked_back.right}/{self.asked_back.total} = "
            f"{self.asked_back.rate:.1%}",
        ]
        if misses and self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            lines += [f"  {miss}" for miss in self.misses]
        return lines


def evaluate_routing(assistant: Assistant, cases: list[RoutingCase]) -> RoutingReport:
    report = RoutingReport()
    for case in cases:
        reply = final_reply(assistant, case)
        if case.municipality is None:
            right = (reply.kind, reply.clarify) == ("clarify", "municipality")
            report.asked_back.add(right)
        else:
            route = reply.route or {}
            got = route.get("municipality", {}).get("code") if reply.route else None
            if reply.kind == "clarify" and reply.clarify == "topic" and reply.pending is not None:
                got = reply.pending.municipality
            topic = route.get("topic")
            right = got == case.municipality and reply.lang == case.lang and (topic == case.topic or case.topic is None)
            report.routed.add(right)
        if not right:
            report.misses.append(
                f"[{case.lang}] {case.question!r}: got {reply.kind} {reply.route and reply.route.get('topic')}"
            )
    return report
