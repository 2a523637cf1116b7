"""Local additions to national answers (knowledge/local_answers.yaml plus officials' live edits)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.core.lang import Lang
from bot.core.yamlfile import Problem, display_path, read_yaml


@dataclass(frozen=True, slots=True)
class LocalAnswer:
    area: str
    entry: str
    fi: str | None
    sv: str | None
    updated: dt.date | None = None

    def text(self, lang: Lang) -> tuple[str, bool]:
        """The text in ``lang``, or in the other language while the translation is pending (True)."""
        wanted, other = (self.fi, self.sv) if lang == "fi" else (self.sv, self.fi)
        return (wanted, False) if wanted else (other or "", True)


@dataclass(frozen=True, slots=True)
class LocalAnswers:
    answers: tuple[LocalAnswer, ...]

    def for_entry(self, entry: str, areas: Collection[str]) -> list[LocalAnswer]:
        return [answer for answer in self.answers if answer.entry == entry and answer.area in areas]


def check_local_answers(
    root: Path, areas: Collection[str], entries: Collection[str]
) -> tuple[LocalAnswers, list[Problem]]:
    path = root / "local_answers.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    if problems:
        return LocalAnswers(()), problems
    items = data.get("local_answers") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        return LocalAnswers(()), [Problem(shown, "must have a list under 'local_answers' (it may be empty: [])")]
    answers: list[LocalAnswer] = []
    for index, raw in enumerate(items):
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=f"#{index + 1}"))
            continue
        area, entry = str(raw.get("area", "")), str(raw.get("entry", ""))
        name = f"{area}/{entry}"
        if area not in areas:
            problems.append(Problem(shown, "is not a municipality code or county id", entry=name, field="area"))
        if entry not in entries:
            problems.append(Problem(shown, "is not an entry id", entry=name, field="entry"))
        texts = {lang: raw.get(lang) for lang in ("fi", "sv")}
        if not any(isinstance(text, str) and text.strip() for text in texts.values()):
            problems.append(Problem(shown, "needs a Finnish or a Swedish text (the other may be pending)", entry=name))
        updated = raw.get("updated")
        answers.append(
            LocalAnswer(
                area,
                entry,
                texts["fi"] if isinstance(texts["fi"], str) and texts["fi"].strip() else None,
                texts["sv"] if isinstance(texts["sv"], str) and texts["sv"].strip() else None,
                updated if isinstance(updated, dt.date) else None,
            )
        )
    return LocalAnswers(tuple(answers)), problems
