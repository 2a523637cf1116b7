"""Names and word forms of places that need a rule of their own (knowledge/places.yaml): other names, names that are
also ordinary words, and everyday forms never to be read as a place or as a typo of one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from bot.content.directory import Directory
from bot.core.text import fold
from bot.core.yamlfile import Problem, display_path, read_yaml


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """knowledge/places.yaml: other names, and names and forms that are also ordinary words (all folded but aliases)."""

    aliases: Mapping[str, tuple[str, ...]]
    ambiguous: frozenset[str]
    ordinary_forms: frozenset[str] = frozenset()
    not_typos: frozenset[str] = frozenset()  # everyday words one letter from a place: never guessed as a typo


EMPTY_PLACE_WORDS = PlaceWords(MappingProxyType({}), frozenset())
PLACE_WORD_SECTIONS = ("aliases", "ambiguous", "ordinary_forms", "not_typos")


def check_place_words(root: Path, codes: set[str]) -> tuple[PlaceWords, list[Problem]]:
    """Read knowledge/places.yaml; every problem names the file and the entry."""
    path = root / "places.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    if problems:
        return EMPTY_PLACE_WORDS, problems
    if not isinstance(data, Mapping):
        return EMPTY_PLACE_WORDS, [Problem(shown, f"must be a mapping with {', '.join(PLACE_WORD_SECTIONS)}")]
    for extra in sorted(set(map(str, data)) - set(PLACE_WORD_SECTIONS)):
        problems.append(Problem(shown, "unknown section", entry=extra))
    aliases: dict[str, tuple[str, ...]] = {}
    raw_aliases = data.get("aliases") or {}
    if not isinstance(raw_aliases, Mapping):
        problems.append(Problem(shown, "must map municipality codes to lists of names", entry="aliases"))
        raw_aliases = {}
    for code, value in raw_aliases.items():
        names = _texts(value)
        if str(code) not in codes:
            problems.append(Problem(shown, "is not a municipality code", entry=f"aliases.{code}"))
        elif names is None:
            problems.append(Problem(shown, "must be a list of names", entry=f"aliases.{code}"))
        else:
            aliases[str(code)] = names
    lists: dict[str, frozenset[str]] = {}
    for section in PLACE_WORD_SECTIONS[1:]:
        texts = _texts(data.get(section) or [])
        if texts is None:
            problems.append(Problem(shown, "must be a list of words", entry=section))
        lists[section] = frozenset(fold(text) for text in texts or ())
    words = PlaceWords(MappingProxyType(aliases), lists["ambiguous"], lists["ordinary_forms"], lists["not_typos"])
    return words, problems


def stale_place_words(words: PlaceWords, directory: Directory, shown: str = "knowledge/places.yaml") -> list[Problem]:
    """Ambiguous names no municipality has (any more, after a merger): the list must follow the directory."""
    names = [(m.name_fi, m.name_sv) for m in directory.municipalities]
    names += [(f.name_fi, f.name_sv) for f in directory.former]  # a merged name is still a name people use
    known = {fold(name) for pair in names for name in pair}
    known |= {fold(name) for names in words.aliases.values() for name in names}
    return [
        Problem(shown, f"{name!r} is not the name or alias of any municipality", entry="ambiguous")
        for name in sorted(words.ambiguous - known)
    ]


def _texts(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        return None
    return tuple(str(item) for item in value)
