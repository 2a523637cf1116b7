"""Routing topics (knowledge/topics.yaml): what an association asks about, and which level handles it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.core.lang import LANGS, Bilingual, Lang
from bot.core.yamlfile import Problem, display_path, read_items

Level = Literal["municipality", "wellbeing_county", "both"]
LEVELS: tuple[Level, ...] = ("municipality", "wellbeing_county", "both")


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    level: Level
    name: Bilingual
    keywords_fi: tuple[str, ...]
    keywords_sv: tuple[str, ...]
    county_variant: str | None = None

    def keywords(self, lang: Lang) -> tuple[str, ...]:
        return self.keywords_fi if lang == "fi" else self.keywords_sv


@dataclass(frozen=True, slots=True)
class Topics:
    topics: tuple[Topic, ...]
    county_words: Mapping[Lang, tuple[str, ...]]
    # Stems that end a compound naming the association itself ("vanhuspalvelu|yhdistys", "mentalvårds|förening").
    association_words: Mapping[Lang, tuple[str, ...]] = dataclasses.field(default_factory=lambda: {"fi": (), "sv": ()})

    def get(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)


def check_topics(root: Path) -> tuple[Topics, list[Problem]]:
    path = root / "topics.yaml"
    shown = display_path(path, root)
    read = read_items(path, shown, "topics")
    problems, data = read.problems, read.data
    if not read.items and problems:
        return Topics((), {"fi": (), "sv": ()}), problems
    topics: list[Topic] = []
    for label, raw in read.items:
        topic_id = str(raw.get("id") or label)
        raw_level = raw.get("level")
        level: Level = next((known for known in LEVELS if known == raw_level), "municipality")
        if raw_level not in LEVELS:
            problems.append(Problem(shown, f"must be one of {', '.join(LEVELS)}", entry=topic_id, field="level"))
        texts: dict[str, dict[Lang, object]] = {}
        for field in ("name", "keywords"):
            value = raw.get(field)
            texts[field] = {lang: value.get(lang) for lang in LANGS} if isinstance(value, Mapping) else {}
        name = {lang: texts["name"].get(lang) for lang in LANGS}
        for lang in LANGS:
            if not isinstance(name[lang], str) or not str(name[lang]).strip():
                problems.append(Problem(shown, "is missing or empty", entry=topic_id, field=f"name.{lang}"))
            keywords = texts["keywords"].get(lang)
            if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) for k in keywords):
                problems.append(
                    Problem(shown, "must be a non-empty list of words", entry=topic_id, field=f"keywords.{lang}")
                )
        keywords_fi = texts["keywords"].get("fi")
        keywords_sv = texts["keywords"].get("sv")
        variant = raw.get("county_variant")
        topics.append(
            Topic(
                topic_id,
                level,
                Bilingual(str(name["fi"] or ""), str(name["sv"] or "")),
                tuple(keywords_fi) if isinstance(keywords_fi, list) else (),
                tuple(keywords_sv) if isinstance(keywords_sv, list) else (),
                str(variant) if variant else None,
            )
        )
    ids = [topic.id for topic in topics]
    for topic in topics:
        if ids.count(topic.id) > 1:
            problems.append(Problem(shown, "duplicate id", entry=topic.id, field="id"))
        if topic.county_variant and topic.county_variant not in ids:
            problems.append(Problem(shown, "refers to an unknown topic", entry=topic.id, field="county_variant"))
    county = data.get("county_words")
    county_words: dict[Lang, tuple[str, ...]] = {"fi": (), "sv": ()}
    for lang in LANGS:
        words = county.get(lang) if isinstance(county, Mapping) else None
        if not isinstance(words, list) or not words:
            problems.append(Problem(shown, "must be a non-empty list of words", entry="county_words", field=lang))
        else:
            county_words[lang] = tuple(str(word) for word in words)
    association = data.get("association_words")
    association_words: dict[Lang, tuple[str, ...]] = {"fi": (), "sv": ()}
    for lang in LANGS:
        words = association.get(lang) if isinstance(association, Mapping) else None
        if words is not None and (not isinstance(words, list) or not all(isinstance(word, str) for word in words)):
            problems.append(Problem(shown, "must be a list of words", entry="association_words", field=lang))
        elif words:
            association_words[lang] = tuple(words)
    return Topics(tuple(topics), county_words, association_words), problems
