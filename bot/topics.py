"""Routing topics (knowledge/topics.yaml): what an association asks about, and which level handles it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.lang import LANGS, Bilingual, Lang
from bot.text import fold, words
from bot.yamlfile import Problem, display_path, read_yaml

Level = Literal["municipality", "wellbeing_county", "both"]
LONG_KEYWORD = 6
SHORT_KEYWORD = 4
COMPOUND_HEAD = 3  # a short keyword inside a word counts only after a compound's first part
KEPT_SHARE = 0.75
STEM_KEYWORD = 8
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


class TopicFinder:
    """Finds the topic of a question by its keywords; the topic whose matching keywords are longest wins, so
    "nuorisovaltuusto" (youth council) beats "nuoriso" (youth work)."""

    def __init__(self, topics: Topics, terms: Callable[[str, Lang], list[str]]) -> None:
        self._topics = topics
        self._terms = terms
        keywords: list[tuple[Topic, tuple[str, ...]]] = []
        for topic in topics.topics:
            for lang in LANGS:
                for keyword in topic.keywords(lang):
                    parts = tuple(fold(part) for part in self._terms(keyword, lang))
                    # A lemma that lost much of the keyword ("liikuntasali" → "liikunta") would match too widely.
                    if sum(map(len, parts)) < KEPT_SHARE * len(fold(keyword).replace(" ", "")):
                        parts = tuple(fold(keyword).split())
                    keywords.append((topic, parts))
        self._county = tuple(sorted({fold(word) for lang in LANGS for word in topics.county_words[lang]}))
        self._association = tuple(sorted({fold(word) for lang in LANGS for word in topics.association_words[lang]}))
        # Keywords grouped by their first part: a question is checked against the few hundred first parts, and
        # only the keywords whose first part is there are checked in full.
        self._by_first: dict[str, list[tuple[Topic, tuple[str, ...]]]] = {}
        for topic, parts in keywords:
            if parts:
                self._by_first.setdefault(parts[0], []).append((topic, parts))
        self._firsts = tuple((part, _needle(part)) for part in self._by_first)

    def find(self, text: str) -> Topic | None:
        tokens = {fold(part) for word in words(text) for part in (word, *word.split("-"))}
        # The county's own name ("hyvinvointialueen") is not a topic word: it would read as "hyvinvointi".
        county = {token for token in tokens if token.startswith(self._county)}
        tokens -= county
        # The association's own name says who asks, not what about: "vanhuspalveluyhdistyksemme hakee avustusta" is
        # about a grant. Such a name decides only when nothing else in the question does ("urheiluseuramme").
        named = {token for token in tokens if any(token.find(word) >= COMPOUND_HEAD for word in self._association)}
        scores = self._scores(tokens - named) or (self._scores(tokens) if named else {})
        if not scores:
            return None
        best = max(self._topics.topics, key=lambda topic: scores.get(topic.id, 0))
        # "hyvinvointialueen avustus": the county's grants, not the municipality's.
        if best.county_variant and county:
            return self._topics.get(best.county_variant) or best
        return best

    def _scores(self, tokens: set[str]) -> dict[str, int]:
        """Each topic's weight in ``tokens``: the length of its keywords found there."""
        terms = {term for lang in LANGS for term in self._terms(" ".join(tokens), lang)}
        scores: dict[str, int] = {}
        joined = " " + " ".join(tokens) + " "
        # Most keywords are not in the text at all: one C-speed substring test rules them out.
        present = [first for first, needle in self._firsts if first in terms or needle in joined]
        for first in present:
            for topic, keyword in self._by_first[first]:
                if all(part in terms or _needle(part) in joined for part in keyword[1:]) and all(
                    _matches(part, terms, tokens) for part in keyword
                ):
                    scores[topic.id] = scores.get(topic.id, 0) + sum(len(part) for part in keyword)
        return scores


def _needle(part: str) -> str:
    """What must appear in the text for a keyword part to match at all: its stem if it is long, else itself."""
    return part[:-2] if len(part) >= STEM_KEYWORD else part


def _matches(keyword: str, terms: set[str], tokens: set[str]) -> bool:
    """A keyword matches its lemma, or sits inside a compound: "vertaistuki|ryhmästä", "harjoitus|tilaa"."""
    if keyword in terms:
        return True
    if len(keyword) >= LONG_KEYWORD:
        # A long keyword's stem inside a word: "tilavara(us)" in "tilavaraukset".
        stem = keyword[:-2] if len(keyword) >= STEM_KEYWORD else keyword
        return any(stem in token for token in tokens)
    return len(keyword) >= SHORT_KEYWORD and any(token.find(keyword) >= COMPOUND_HEAD for token in tokens)


def check_topics(root: Path) -> tuple[Topics, list[Problem]]:
    path = root / "topics.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    empty = Topics((), {"fi": (), "sv": ()})
    if problems:
        return empty, problems
    if not isinstance(data, Mapping) or not isinstance(data.get("topics"), list):
        return empty, [Problem(shown, "must have a list under 'topics'")]
    topics: list[Topic] = []
    for index, raw in enumerate(data["topics"]):
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=f"#{index + 1}"))
            continue
        topic_id = str(raw.get("id") or f"#{index + 1}")
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
