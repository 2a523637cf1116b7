"""Reading YAML files so that a broken file is reported, never raised as a traceback."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.core.disk_cache import DiskCache, source_digest

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


def read_yaml(path: Path, shown_as: str, cache: DiskCache | None = None) -> tuple[Any, list[Problem]]:
    """Parse one file with the safe loader; on failure return no data and a problem naming the line. With a
    ``cache``, a file parsed before (the same bytes) is not parsed again."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        return None, [Problem(shown_as, "file is missing")]
    except UnicodeDecodeError as error:
        return None, [Problem(shown_as, f"file is not valid UTF-8 (byte {error.start})")]
    except OSError as error:
        return None, [Problem(shown_as, f"file cannot be read: {error.strerror}")]
    key = cache.key("yaml", source_digest(__file__), hashlib.sha256(raw).hexdigest()) if cache is not None else ""
    if cache is not None:
        kept = cache.load(key)
        if isinstance(kept, tuple) and len(kept) == 1:
            return _thawed(kept[0]), []
    try:
        data = yaml.load(text, Loader=_SafeLoader)
        if cache is not None:
            cache.store(key, (_frozen(data),))
        return data, []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = error.problem or error.context or "invalid YAML"
        return None, [Problem(shown_as, f"invalid YAML: {reason}", line=line)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, f"invalid YAML: {error}")]


def _frozen(data: Any) -> Any:
    """YAML's values in a form marshal keeps: a date becomes ("date", "2026-04-30") (YAML itself has no tuples)."""
    if isinstance(data, dt.date):
        return ("date", data.isoformat())
    if isinstance(data, dict):
        return {key: _frozen(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_frozen(item) for item in data]
    return data


def _thawed(data: Any) -> Any:
    if isinstance(data, tuple) and len(data) == 2 and data[0] == "date":
        return dt.date.fromisoformat(data[1])
    if isinstance(data, dict):
        return {key: _thawed(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_thawed(item) for item in data]
    return data


@dataclass(frozen=True, slots=True)
class ItemList:
    """A YAML file whose top is a mapping with a list of mappings under one key (entries, topics, concepts …)."""

    data: Mapping[str, Any]  # the whole file, for its other sections
    items: list[tuple[str, Mapping[str, Any]]]  # each item with a label to name it by until its id is read ("#3")
    problems: list[Problem]


def read_items(path: Path, shown_as: str, key: str, cache: DiskCache | None = None) -> ItemList:
    """Read the list under ``key``; an item that is not a mapping is reported and left out."""
    data, problems = read_yaml(path, shown_as, cache)
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
