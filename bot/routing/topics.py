"""Finding the routing topic of a question (the topics themselves are data: bot/content/topics.py)."""

from __future__ import annotations

from collections.abc import Callable

from bot.content.topics import Topic, Topics
from bot.core.lang import LANGS, Lang
from bot.core.text import fold, words

LONG_KEYWORD = 6
SHORT_KEYWORD = 4
COMPOUND_HEAD = 3  # a short keyword inside a word counts only after a compound's first part
KEPT_SHARE = 0.75
STEM_KEYWORD = 8


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
