"""`kanebot check`: every validator over knowledge/, collected into one list of problems."""

from __future__ import annotations

from pathlib import Path

from bot.intents import check_intents
from bot.knowledge import check_knowledge
from bot.yamlfile import Problem


def check_all(root: Path) -> list[Problem]:
    if not root.is_dir():
        return [Problem(str(root), "knowledge folder not found")]
    _, problems = check_knowledge(root)
    problems += check_intents(root)[1]
    return problems
