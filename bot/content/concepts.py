"""The concepts of KANE's goals with the everyday, colloquial, official and regional words people use for them, in
Finnish and Swedish (knowledge/concepts.yaml): "a place where our club can meet" and "tilat" are one concept.

Retrieval matches through concepts, so a question that shares no word with the goals' text can still find it.
A word stands in one concept only, unless the `shared` section names every concept it stands in and says why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.core.disk_cache import DiskCache
from bot.core.lang import LANGS, Lang
from bot.core.yamlfile import Problem, display_path, read_items

CONCEPT_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
CONCEPT_FIELDS = frozenset({"id", "passages", "fi", "sv"})
MAX_PHRASE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    passages: tuple[str, ...]  # the entries whose text speaks of it (for reviewers)
    words_fi: tuple[str, ...]
    words_sv: tuple[str, ...]

    def words(self, lang: Lang) -> tuple[str, ...]:
        return self.words_fi if lang == "fi" else self.words_sv


@dataclass(frozen=True, slots=True)
class Concepts:
    concepts: tuple[Concept, ...]

    def get(self, concept_id: str) -> Concept | None:
        return next((concept for concept in self.concepts if concept.id == concept_id), None)


EMPTY_CONCEPTS = Concepts(())


def _word_list(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item.strip() for item in value):
        return None
    return tuple(" ".join(str(item).split()) for item in value)


def check_concepts(
    root: Path, entry_ids: Collection[str], cache: DiskCache | None = None
) -> tuple[Concepts, list[Problem]]:
    path = root / "concepts.yaml"
    shown = display_path(path, root)
    read = read_items(path, shown, "concepts", cache)
    problems = read.problems
    concepts: list[Concept] = []
    for label, raw in read.items:
        concept_id = str(raw.get("id") or label)
        if not CONCEPT_ID.match(concept_id):
            problems.append(Problem(shown, "must be lowercase words joined by hyphens", entry=concept_id, field="id"))
        for extra in sorted(set(map(str, raw)) - CONCEPT_FIELDS):
            problems.append(Problem(shown, "unknown field", entry=concept_id, field=extra))
        passages = _word_list(raw.get("passages"))
        if passages is None:
            problems.append(Problem(shown, "must list the entries it occurs in", entry=concept_id, field="passages"))
        for passage in passages or ():
            if passage not in entry_ids:
                problems.append(Problem(shown, f"{passage!r} is not an entry id", entry=concept_id, field="passages"))
        lists: dict[Lang, tuple[str, ...]] = {}
        for lang in LANGS:
            words = _word_list(raw.get(lang))
            if words is None:
                problems.append(Problem(shown, "must be a non-empty list of words", entry=concept_id, field=lang))
                words = ()
            for word in sorted(word for word, times in Counter(words).items() if times > 1):
                problems.append(Problem(shown, f"repeats {word!r}", entry=concept_id, field=lang))
            for word in words:
                if word != word.casefold() or len(word.split()) > MAX_PHRASE_WORDS:
                    problems.append(
                        Problem(shown, f"{word!r}: lowercase, at most three words", entry=concept_id, field=lang)
                    )
            lists[lang] = words
        concepts.append(Concept(concept_id, passages or (), lists["fi"], lists["sv"]))
    problems += [
        Problem(shown, "duplicate id", entry=item, field="id")
        for item, times in sorted(Counter(concept.id for concept in concepts).items())
        if times > 1
    ]
    problems += _unexplained_sharing(concepts, read.data.get("shared"), shown)
    return Concepts(tuple(concepts)), problems


def _unexplained_sharing(concepts: list[Concept], shared: object, shown: str) -> list[Problem]:
    """A word in two concepts must be listed under `shared` with exactly those concepts and a reason."""
    problems: list[Problem] = []
    explained: dict[str, frozenset[str]] = {}
    for index, item in enumerate(shared if isinstance(shared, list) else []):
        where = f"shared #{index + 1}"
        if not isinstance(item, Mapping) or not isinstance(item.get("word"), str):
            problems.append(Problem(shown, "must have a word, its concepts and why", entry=where))
            continue
        named = item.get("concepts")
        if not isinstance(item.get("why"), str) or not str(item.get("why")).strip():
            problems.append(Problem(shown, "must say why the word stands in several concepts", entry=where))
        if not isinstance(named, list) or len(named) < 2:
            problems.append(Problem(shown, "must name at least two concepts", entry=where, field="concepts"))
            continue
        explained[str(item["word"])] = frozenset(map(str, named))
    if shared is not None and not isinstance(shared, list):
        problems.append(Problem(shown, "must be a list", entry="shared"))
    holders: dict[str, set[str]] = {}
    for concept in concepts:
        for lang in LANGS:
            for word in concept.words(lang):
                holders.setdefault(word, set()).add(concept.id)
    for word, ids in sorted(holders.items()):
        if len(ids) > 1 and explained.get(word) != frozenset(ids):
            problems.append(
                Problem(shown, f"{word!r} stands in {', '.join(sorted(ids))}: explain it under 'shared'", entry=word)
            )
    for word, named in sorted(explained.items()):
        if frozenset(holders.get(word, ())) != named:
            problems.append(Problem(shown, f"{word!r} is not in exactly those concepts", entry=word, field="shared"))
    return problems
