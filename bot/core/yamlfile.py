"""Reading YAML files so that a broken file is reported, never raised as a traceback."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # The C loader is ~10x faster at start-up; it has the same safe semantics as yaml.SafeLoader.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in knowledge/, precise enough for an official to fix it."""

    file: str
    message: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        parts = [where]
        if self.entry is not None:
            parts.append(f"entry {self.entry}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        return ": ".join([*parts, self.message])


class KnowledgeError(Exception):
    """The knowledge could not be loaded; ``problems`` says exactly where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Parse one file with the safe loader; on failure return no data and a problem naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(shown_as, "file is missing")]
    except UnicodeDecodeError as error:
        return None, [Problem(shown_as, f"file is not valid UTF-8 (byte {error.start})")]
    except OSError as error:
        return None, [Problem(shown_as, f"file cannot be read: {error.strerror}")]
    try:
        return yaml.load(text, Loader=_SafeLoader), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "invalid YAML"
        return None, [Problem(shown_as, f"invalid YAML: {reason}", line=line)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, f"invalid YAML: {error}")]


@dataclass(frozen=True, slots=True)
class ItemList:
    """A YAML file whose top is a mapping with a list of mappings under one key (entries, topics, concepts …)."""

    data: Mapping[str, Any]  # the whole file, for its other sections
    items: list[tuple[str, Mapping[str, Any]]]  # each item with a label to name it by until its id is read ("#3")
    problems: list[Problem]


def read_items(path: Path, shown_as: str, key: str) -> ItemList:
    """Read the list under ``key``; an item that is not a mapping is reported and left out."""
    data, problems = read_yaml(path, shown_as)
    if problems:
        return ItemList({}, [], problems)
    raw = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(raw, list):
        return ItemList({}, [], [Problem(shown_as, f"must be a mapping with a list under '{key}'")])
    items: list[tuple[str, Mapping[str, Any]]] = []
    for index, item in enumerate(raw):
        if isinstance(item, Mapping):
            items.append((f"#{index + 1}", item))
        else:
            problems.append(Problem(shown_as, "must be a mapping", entry=f"#{index + 1}"))
    return ItemList(data, items, problems)
