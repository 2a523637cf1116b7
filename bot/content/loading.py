"""Loading and validating everything in knowledge/ at once: `kanebot check`, start-up and reload share it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.content.concepts import EMPTY_CONCEPTS, Concepts, check_concepts
from bot.content.contacts import Contacts, check_contacts
from bot.content.directory import Directory, check_directory
from bot.content.help import HelpEntry, check_help
from bot.content.intents import Intents, check_intents
from bot.content.knowledge import Knowledge, check_knowledge
from bot.content.local import LocalAnswers, check_local_answers
from bot.content.place_words import PlaceWords, check_place_words, stale_place_words
from bot.content.topics import ALAND_MUNICIPALITY, Topics, check_topics
from bot.core.disk_cache import DiskCache
from bot.core.yamlfile import Problem, display_path


@dataclass(frozen=True, slots=True)
class Loaded:
    knowledge: Knowledge
    intents: Intents
    directory: Directory
    topics: Topics
    contacts: Contacts
    place_words: PlaceWords
    local_answers: LocalAnswers
    problems: list[Problem]
    help: tuple[HelpEntry, ...] = ()
    concepts: Concepts = EMPTY_CONCEPTS


def load_all(root: Path, cache: DiskCache | None = None) -> Loaded:
    """Everything in ``root`` with every problem found; the caller decides whether problems are fatal. A ``cache``
    spares parsing the largest files again (the directory, the concepts) when they have not changed."""
    problems = [] if root.is_dir() else [Problem(str(root), "knowledge folder not found")]
    knowledge, knowledge_problems = check_knowledge(root, cache)
    intents, intent_problems = check_intents(root, cache)
    directory, directory_problems = check_directory(root, cache)
    topics, topic_problems = check_topics(root, cache)
    areas = {m.code for m in directory.municipalities} | {c.id for c in directory.counties}
    areas |= {service.id for service in directory.aland}
    contacts, contact_problems = check_contacts(root, areas, {topic.id for topic in topics.topics})
    codes = {m.code for m in directory.municipalities} | {f.code for f in directory.former}
    place_words, place_problems = check_place_words(root, codes)
    if not place_problems and not directory_problems:  # after a merger the list of word-names must follow suit
        place_problems = stale_place_words(place_words, directory, display_path(root / "places.yaml", root))
    if not topic_problems and not directory_problems:
        topic_problems = unknown_aland_handlers(topics, directory, display_path(root / "topics.yaml", root))
    local_answers, local_problems = check_local_answers(root, areas, set(knowledge.by_id))
    help_entries, help_problems = check_help(root, cache)
    concepts, concept_problems = check_concepts(root, set(knowledge.by_id), cache)
    problems += knowledge_problems + intent_problems + directory_problems + topic_problems + contact_problems
    problems += place_problems + local_problems + help_problems + concept_problems
    return Loaded(
        knowledge, intents, directory, topics, contacts, place_words, local_answers, problems, help_entries, concepts
    )


def unknown_aland_handlers(topics: Topics, directory: Directory, shown: str) -> list[Problem]:
    """Who handles what on Åland must name the municipality or an organisation of aland.yaml."""
    known = {ALAND_MUNICIPALITY} | {service.id for service in directory.aland}
    problems = [
        Problem(shown, f"{handler!r} is neither 'municipality' nor an organisation of aland.yaml", entry=topic.id,
                field="aland")
        for topic in topics.topics
        for handler in topic.aland
        if handler not in known
    ]  # fmt: skip
    problems += [
        Problem(shown, "is neither 'municipality' nor an organisation of aland.yaml", entry=f"aland_words.{handler}")
        for handler in topics.aland_words
        if handler not in known
    ]
    return problems


def check_all(root: Path) -> list[Problem]:
    return load_all(root).problems
