"""Help about using the bot (knowledge/help.yaml): answers to "how do I …" questions about the bot itself, with a
text for everyone and, where it differs, for officials and for administrators."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.content.knowledge import Entry, EntryReader
from bot.core.disk_cache import DiskCache
from bot.core.lang import LANGS, Bilingual, Lang
from bot.core.yamlfile import Problem, display_path, read_items

HelpRole = Literal["association", "official", "admin"]
ROLES: tuple[HelpRole, ...] = ("association", "official", "admin")
HELP_PREFIX = "help."
GENERAL_HELP = "help.capabilities"  # what the bot is and can do: the answer to "what can you do?"
CHATTING_HELP = "help.chatting"  # using the chat and browsing the goals: a goal named can be where to jump to
SHARE_HELP = "help.share"  # how to share a goal: the one help a question naming a goal can want
EDITING_HELP = "help.editing"  # keeping answers current: a goal named is often the answer to change ("mål 3")
HANDOVER_HELP = "help.handover"  # passing a question on: near to asking whom to contact, which routing answers
LANGUAGE_HELP = "help.language"  # the bot's languages: "Swedish" named is not always about them
QUEUE_HELP = "help.unanswered"  # the questions people sent or the bot could not answer, as an official sees them
FORGET_HELP = "help.forget"  # personal data kept and erased: the asker's own, or what the bot keeps
STATS_HELP = "help.stats"  # how many questions came in: counted by week, language and goal (/stats)
HELP_FIELDS = frozenset({"id", "title", "questions", "keywords", "tasks", "text", "last_reviewed"})
TASK_FIELDS = frozenset({"things", "actions"})
OPTIONAL_TASK_FIELDS = frozenset({"beside"})
MIN_HELP_QUESTIONS = 4


@dataclass(frozen=True, slots=True)
class HelpTask:
    """Something done with one of the bot's things ("vastaus" + "ehdottaa", "språk" + "byta"): a question that names
    one of the things and one of the actions asks for this help, whatever else it says. The goals never speak of
    the bot's answers, codes or group chats, so the pair is a surer sign than any single word."""

    things: tuple[str, ...]
    actions: tuple[str, ...]
    # Where the pair alone is common outside the bot ("svar" + "lång": the bot's own reply found long, a long answer
    # asked for), one of these words in the same sentence too ("Mitt svar till föreningen var för långt och
    # skickades inte").
    beside: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HelpEntry:
    entry: Entry  # for retrieval: its questions, title and keywords; its text is the one for everyone
    texts: Mapping[HelpRole, Bilingual]
    tasks: Mapping[Lang, tuple[HelpTask, ...]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.entry.id

    def text(self, role: HelpRole, lang: Lang) -> str:
        """The text for ``role``: an administrator without a text of their own reads the officials' one."""
        for candidate in (role, "official" if role == "admin" else "association", "association"):
            text = self.texts.get(candidate)
            if text is not None:
                return text(lang)
        return ""


def check_help(root: Path, cache: DiskCache | None = None) -> tuple[tuple[HelpEntry, ...], list[Problem]]:
    path = root / "help.yaml"
    shown = display_path(path, root)
    read = read_items(path, shown, "help", cache)
    problems = read.problems
    found: list[HelpEntry] = []
    for label, raw in read.items:
        help_id = raw.get("id")
        reader = EntryReader(shown, raw, help_id if isinstance(help_id, str) else label)
        if not isinstance(help_id, str) or not help_id.startswith(HELP_PREFIX):
            reader.problem("id", f"must start with {HELP_PREFIX!r}")
        for extra in sorted(set(raw) - HELP_FIELDS):
            reader.problem(extra, "unknown field")
        texts: dict[HelpRole, Bilingual] = {}
        raw_texts = raw.get("text")
        if not isinstance(raw_texts, Mapping) or "association" not in raw_texts:
            reader.problem(
                "text", "must have an 'association' text (for everyone), and may have 'official' and 'admin'"
            )
            raw_texts = {}
        for role in sorted(set(map(str, raw_texts)) - set(ROLES)):
            reader.problem(f"text.{role}", f"unknown role; use {', '.join(ROLES)}")
        for role in ROLES:
            if role in raw_texts:
                field = f"text.{role}"
                part = EntryReader(shown, {field: raw_texts[role]}, reader.entry_id)
                texts[role] = part.bilingual(field)
                reader.problems += part.problems
        reviewed = raw.get("last_reviewed")
        if not isinstance(reviewed, dt.date):
            reader.problem("last_reviewed", "must be a date like 2026-12-01")
            reviewed = dt.date.min
        questions = reader.text_lists("questions", MIN_HELP_QUESTIONS)
        keywords = reader.text_lists("keywords", 0)
        everyone = texts.get("association", Bilingual("", ""))
        entry = Entry(
            id=reader.entry_id,
            goal=None,
            kind="help",
            title=reader.bilingual("title"),
            text=everyone,
            questions_fi=questions[0],
            questions_sv=questions[1],
            keywords_fi=keywords[0],
            keywords_sv=keywords[1],
            related=(),
            source="",
            last_reviewed=reviewed,
            corrections=None,
            file=shown,
        )
        tasks = _read_tasks(raw.get("tasks"), reader)
        problems += reader.problems
        found.append(HelpEntry(entry, texts, tasks))
    ids = [item.id for item in found]
    for needed, what in ((GENERAL_HELP, "what the bot is and can do"), (SHARE_HELP, "how to share a goal")):
        if needed not in ids:
            problems.append(Problem(shown, f"needs the entry {needed!r} ({what})"))
    problems += [
        Problem(shown, "duplicate id", entry=item, field="id") for item in sorted(set(ids)) if ids.count(item) > 1
    ]
    return tuple(found), problems


def _read_tasks(raw: object, reader: EntryReader) -> dict[Lang, tuple[HelpTask, ...]]:
    """The optional ``tasks``: per language, a list of {things: [...], actions: [...], beside: [...]} of single words
    (``beside`` optional)."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        reader.problem("tasks", "must have a Finnish (fi) and a Swedish (sv) list")
        return {}
    tasks: dict[Lang, tuple[HelpTask, ...]] = {}
    for lang in LANGS:
        items = raw.get(lang)
        if not isinstance(items, list) or not items:
            reader.problem(f"tasks.{lang}", "must be a non-empty list of {things: [...], actions: [...]}")
            continue
        found: list[HelpTask] = []
        for index, item in enumerate(items):
            where = f"tasks.{lang}[{index}]"
            if not isinstance(item, Mapping) or not TASK_FIELDS <= set(item) <= TASK_FIELDS | OPTIONAL_TASK_FIELDS:
                reader.problem(where, "must have 'things' and 'actions', and may have 'beside'")
                continue
            names = ("things", "actions", *sorted(OPTIONAL_TASK_FIELDS & set(item)))
            lists = [item[name] for name in names]
            if not all(isinstance(words, list) and words for words in lists) or not all(
                isinstance(word, str) and word.strip() and " " not in word.strip() for words in lists for word in words
            ):
                reader.problem(where, f"{', '.join(map(repr, names))} must be non-empty lists of single words")
                continue
            found.append(HelpTask(tuple(lists[0]), tuple(lists[1]), tuple(lists[2]) if len(lists) > 2 else ()))
        tasks[lang] = tuple(found)
    return tasks
