"""Routing topics (knowledge/topics.yaml): what an association asks about, and which level handles it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.core.disk_cache import DiskCache
from bot.core.lang import LANGS, Bilingual, Lang
from bot.core.yamlfile import Problem, display_path, read_items

Level = Literal["municipality", "wellbeing_county", "both"]
LEVELS: tuple[Level, ...] = ("municipality", "wellbeing_county", "both")
# On Åland (outside the reform) a topic goes to the municipality or to the organisations of knowledge/aland.yaml.
ALAND_MUNICIPALITY = "municipality"


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    level: Level
    name: Bilingual
    keywords_fi: tuple[str, ...]
    keywords_sv: tuple[str, ...]
    county_variant: str | None = None
    # Who handles it on Åland when the question's words say no more: organisation ids of aland.yaml, or
    # "municipality". Empty: the municipality, as for every municipal topic.
    aland: tuple[str, ...] = ()

    def keywords(self, lang: Lang) -> tuple[str, ...]:
        return self.keywords_fi if lang == "fi" else self.keywords_sv


@dataclass(frozen=True, slots=True)
class Topics:
    topics: tuple[Topic, ...]
    county_words: Mapping[Lang, tuple[str, ...]]
    # Stems that end a compound naming the association itself ("vanhuspalvelu|yhdistys", "mentalvårds|förening").
    association_words: Mapping[Lang, tuple[str, ...]] = dataclasses.field(default_factory=lambda: {"fi": (), "sv": ()})
    # Words that name the municipality as an organisation: stems (every form starting with one counts) and words
    # that count only whole ("kommun" as a stem would also catch "kommunikation").
    municipality_words: Mapping[Lang, tuple[str, ...]] = dataclasses.field(default_factory=lambda: {"fi": (), "sv": ()})
    municipality_whole_words: Mapping[Lang, tuple[str, ...]] = dataclasses.field(
        default_factory=lambda: {"fi": (), "sv": ()}
    )
    # Forms that only say where ("kunnassa"): they do not name the municipality as the organisation to ask.
    municipality_where_forms: Mapping[Lang, tuple[str, ...]] = dataclasses.field(
        default_factory=lambda: {"fi": (), "sv": ()}
    )
    # On Åland: words that point a health or social question to one organisation (an aland.yaml id or
    # "municipality"), each with its words per language.
    aland_words: Mapping[str, Mapping[Lang, tuple[str, ...]]] = dataclasses.field(default_factory=dict)

    def get(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)


def check_topics(root: Path, cache: DiskCache | None = None) -> tuple[Topics, list[Problem]]:
    path = root / "topics.yaml"
    shown = display_path(path, root)
    read = read_items(path, shown, "topics", cache)
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
        aland = raw.get("aland", [])
        if not isinstance(aland, list) or not all(isinstance(item, str) and item for item in aland):
            problems.append(Problem(shown, "must be a list of who handles it on Åland", entry=topic_id, field="aland"))
            aland = []
        topics.append(
            Topic(
                topic_id,
                level,
                Bilingual(str(name["fi"] or ""), str(name["sv"] or "")),
                tuple(keywords_fi) if isinstance(keywords_fi, list) else (),
                tuple(keywords_sv) if isinstance(keywords_sv, list) else (),
                str(variant) if variant else None,
                tuple(aland),
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
    association_words, association_problems = _word_lists(data.get("association_words"), shown, "association_words")
    municipality_words, municipality_problems = _word_lists(data.get("municipality_words"), shown, "municipality_words")
    whole, whole_problems = _word_lists(data.get("municipality_whole_words"), shown, "municipality_whole_words")
    where, where_problems = _word_lists(data.get("municipality_where_forms"), shown, "municipality_where_forms")
    problems += association_problems + municipality_problems + whole_problems + where_problems
    aland_words: dict[str, Mapping[Lang, tuple[str, ...]]] = {}
    raw_aland = data.get("aland_words") or {}
    if not isinstance(raw_aland, Mapping):
        problems.append(Problem(shown, "must map who handles it to words per language", entry="aland_words"))
        raw_aland = {}
    for handler, lists in raw_aland.items():
        aland_words[str(handler)], aland_problems = _word_lists(lists, shown, f"aland_words.{handler}")
        problems += aland_problems
    for topic in topics:
        if topic.aland and topic.level == "municipality":
            problems.append(Problem(shown, "a municipal topic is the municipality's on Åland too", entry=topic.id,
                                    field="aland"))  # fmt: skip
    topics_data = Topics(tuple(topics), county_words, association_words, municipality_words, whole, where, aland_words)
    return topics_data, problems


def _word_lists(raw: object, shown: str, entry: str) -> tuple[dict[Lang, tuple[str, ...]], list[Problem]]:
    """Optional word lists per language: {fi: [...], sv: [...]}, either may be left out."""
    lists: dict[Lang, tuple[str, ...]] = {"fi": (), "sv": ()}
    problems: list[Problem] = []
    for lang in LANGS:
        words = raw.get(lang) if isinstance(raw, Mapping) else None
        if words is not None and (not isinstance(words, list) or not all(isinstance(word, str) for word in words)):
            problems.append(Problem(shown, "must be a list of words", entry=entry, field=lang))
        elif words:
            lists[lang] = tuple(words)
    return lists, problems
