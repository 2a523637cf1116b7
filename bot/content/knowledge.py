"""The KANE knowledge base: entries quoted from the goals, and the interface messages, in Finnish and Swedish."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.disk_cache import DiskCache
from bot.core.lang import LANGS, Bilingual, Lang
from bot.core.yamlfile import KnowledgeError, Problem, display_path, read_items, read_yaml

ENTRY_ID = re.compile(r"^(intro|kane|candidates(\.dialogue)?|goal-[1-4](\.action-[1-9])?)$")
ENTRY_KINDS = frozenset({"intro", "candidates", "kane", "goal", "action"})
ENTRY_FIELDS = frozenset(
    {
        "id",
        "goal",
        "kind",
        "title",
        "text",
        "questions",
        "keywords",
        "related",
        "source",
        "last_reviewed",
        "corrections",
    }
)
MIN_QUESTIONS = 5


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    goal: int | None
    kind: str
    title: Bilingual
    text: Bilingual
    questions_fi: tuple[str, ...]
    questions_sv: tuple[str, ...]
    keywords_fi: tuple[str, ...]
    keywords_sv: tuple[str, ...]
    related: tuple[str, ...]
    source: str
    last_reviewed: dt.date
    corrections: str | None
    file: str
    untranslated: frozenset[str] = frozenset()  # languages whose text awaits an approved edit's translation

    def questions(self, lang: Lang) -> tuple[str, ...]:
        return self.questions_fi if lang == "fi" else self.questions_sv

    def keywords(self, lang: Lang) -> tuple[str, ...]:
        return self.keywords_fi if lang == "fi" else self.keywords_sv


class Messages:
    """Every interface string, looked up by key; formatting placeholders are checked at load time."""

    def __init__(self, strings: Mapping[str, Bilingual]) -> None:
        self._strings = dict(strings)

    def __contains__(self, key: str) -> bool:
        return key in self._strings

    def keys(self) -> list[str]:
        return sorted(self._strings)

    def get(self, key: str, lang: Lang, **values: object) -> str:
        template = self._strings[key](lang)
        return template.format(**values) if values else template


class Knowledge:
    """The loaded entries and messages; immutable once built."""

    def __init__(self, entries: tuple[Entry, ...], messages: Messages) -> None:
        self.entries = entries
        self.messages = messages
        self.by_id: Mapping[str, Entry] = {entry.id: entry for entry in entries}

    def entry(self, entry_id: str) -> Entry:
        return self.by_id[entry_id]

    def goal(self, number: int) -> Entry:
        return self.entry(f"goal-{number}")

    def actions(self, goal: int) -> list[Entry]:
        return [entry for entry in self.entries if entry.goal == goal and entry.kind == "action"]


class EntryReader:
    """Turns one YAML entry into an Entry, collecting every problem instead of stopping at the first."""

    def __init__(self, file: str, raw: Mapping[str, Any], entry_id: str) -> None:
        self.file = file
        self.raw = raw
        self.entry_id = entry_id
        self.problems: list[Problem] = []

    def problem(self, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, message, entry=self.entry_id, field=field))

    def text(self, value: Any, field: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.problem(field, "must be a non-empty text")
            return ""
        return value

    def bilingual(self, field: str) -> Bilingual:
        value = self.raw.get(field)
        if not isinstance(value, Mapping):
            self.problem(field, "must have a Finnish (fi) and a Swedish (sv) text")
            return Bilingual("", "")
        for extra in sorted(set(value) - set(LANGS)):
            self.problem(f"{field}.{extra}", "unknown language; only fi and sv are used")
        return Bilingual(self.text(value.get("fi"), f"{field}.fi"), self.text(value.get("sv"), f"{field}.sv"))

    def text_lists(self, field: str, minimum: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
        value = self.raw.get(field)
        if not isinstance(value, Mapping):
            self.problem(field, "must have a Finnish (fi) and a Swedish (sv) list")
            return (), ()
        lists: list[tuple[str, ...]] = []
        for lang in LANGS:
            items = value.get(lang)
            where = f"{field}.{lang}"
            if not isinstance(items, list):
                self.problem(where, "must be a list")
                lists.append(())
                continue
            texts = tuple(self.text(item, f"{where}[{index}]") for index, item in enumerate(items))
            if len(texts) < minimum:
                self.problem(where, f"needs at least {minimum} items, has {len(texts)}")
            seen: set[str] = set()
            for item in texts:
                if item.casefold() in seen:
                    self.problem(where, f"repeats {item!r}")
                seen.add(item.casefold())
            lists.append(texts)
        return lists[0], lists[1]

    def read(self) -> Entry:
        raw = self.raw
        for extra in sorted(set(raw) - ENTRY_FIELDS):
            self.problem(extra, "unknown field")
        if not ENTRY_ID.match(self.entry_id):
            self.problem("id", "must look like intro, kane, candidates, candidates.dialogue, goal-N or goal-N.action-M")
        goal = raw.get("goal")
        if goal is not None and (not isinstance(goal, int) or isinstance(goal, bool) or not 1 <= goal <= 4):
            self.problem("goal", "must be 1, 2, 3, 4 or null")
            goal = None
        if goal is not None and not self.entry_id.startswith(f"goal-{goal}"):
            self.problem("goal", f"does not match the id {self.entry_id}")
        kind = raw.get("kind")
        if kind not in ENTRY_KINDS:
            self.problem("kind", f"must be one of {', '.join(sorted(ENTRY_KINDS))}")
        questions = self.text_lists("questions", MIN_QUESTIONS)
        keywords = self.text_lists("keywords", 0)
        related = raw.get("related", [])
        if not isinstance(related, list) or not all(isinstance(item, str) for item in related):
            self.problem("related", "must be a list of entry ids")
            related = []
        reviewed = raw.get("last_reviewed")
        if not isinstance(reviewed, dt.date):
            self.problem("last_reviewed", "must be a date like 2026-11-22")
            reviewed = dt.date.min
        corrections = raw.get("corrections")
        if corrections is not None and not isinstance(corrections, str):
            self.problem("corrections", "must be a text")
            corrections = None
        return Entry(
            id=self.entry_id,
            goal=goal,
            kind=str(kind),
            title=self.bilingual("title"),
            text=self.bilingual("text"),
            questions_fi=questions[0],
            questions_sv=questions[1],
            keywords_fi=keywords[0],
            keywords_sv=keywords[1],
            related=tuple(related),
            source=self.text(raw.get("source"), "source"),
            last_reviewed=reviewed,
            corrections=corrections,
            file=self.file,
        )


def _read_entries(root: Path, cache: DiskCache | None = None) -> tuple[list[Entry], list[Problem]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    files = sorted((root / "entries").glob("*.yaml"))
    if not files:
        problems.append(Problem(display_path(root / "entries", root), "no entry files (*.yaml) found"))
    for path in files:
        shown = display_path(path, root)
        read = read_items(path, shown, "entries", cache)
        problems += read.problems
        for label, raw in read.items:
            entry_id = raw.get("id")
            reader = EntryReader(shown, raw, entry_id if isinstance(entry_id, str) else label)
            if not isinstance(entry_id, str):
                reader.problem("id", "is missing")
            entry = reader.read()
            problems += reader.problems
            entries.append(entry)
    return entries, problems


def _cross_check(entries: list[Entry]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in seen:
            problems.append(
                Problem(entry.file, f"duplicate id (also in {seen[entry.id].file})", entry=entry.id, field="id")
            )
        seen[entry.id] = entry
    for entry in entries:
        for target in entry.related:
            if target not in seen:
                problems.append(
                    Problem(entry.file, f"refers to unknown entry {target!r}", entry=entry.id, field="related")
                )
            elif target == entry.id:
                problems.append(Problem(entry.file, "refers to itself", entry=entry.id, field="related"))
    required = {"intro", "kane", "candidates", *(f"goal-{n}" for n in range(1, 5))}
    for missing in sorted(required - set(seen)):
        problems.append(Problem("knowledge/entries", f"the entry {missing!r} is missing"))
    return problems


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _read_messages(root: Path, cache: DiskCache | None = None) -> tuple[Messages, list[Problem]]:
    path = root / "messages.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown, cache)
    strings: dict[str, Bilingual] = {}
    if problems:
        return Messages(strings), problems
    if not isinstance(data, Mapping):
        return Messages(strings), [Problem(shown, "must be a mapping of message keys to fi/sv texts")]
    for key, value in data.items():
        if not isinstance(value, Mapping):
            problems.append(Problem(shown, "must have fi and sv texts", entry=str(key)))
            continue
        texts: dict[str, str] = {}
        for lang in LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(shown, "is missing or empty", entry=str(key), field=lang))
                text = ""
            texts[lang] = text
        for extra in sorted(set(value) - set(LANGS)):
            problems.append(Problem(shown, "unknown language; only fi and sv are used", entry=str(key), field=extra))
        try:
            if _placeholders(texts["fi"]) != _placeholders(texts["sv"]):
                problems.append(Problem(shown, "fi and sv use different {placeholders}", entry=str(key)))
        except ValueError as error:
            problems.append(Problem(shown, f"broken {{placeholder}}: {error}", entry=str(key)))
        strings[str(key)] = Bilingual(texts["fi"], texts["sv"])
    return Messages(strings), problems


def check_knowledge(root: Path, cache: DiskCache | None = None) -> tuple[Knowledge, list[Problem]]:
    """Load entries and messages and return them with every problem found (empty when all is well)."""
    entries, problems = _read_entries(root, cache)
    problems += _cross_check(entries)
    messages, message_problems = _read_messages(root, cache)
    problems += message_problems
    return Knowledge(tuple(entries), messages), problems


def load_knowledge(root: Path) -> Knowledge:
    """Load the knowledge, or raise KnowledgeError listing every problem."""
    knowledge, problems = check_knowledge(root)
    if problems:
        raise KnowledgeError(problems)
    return knowledge
