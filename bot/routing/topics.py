"""Finding the routing topic of a question (the topics themselves are data: bot/content/topics.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.content.topics import Level, Topic, Topics
from bot.core.lang import LANGS, Bilingual, Lang
from bot.core.text import fold, words

LONG_KEYWORD = 6
SHORT_KEYWORD = 4
COMPOUND_HEAD = 3  # a short keyword inside a word counts only after a compound's first part
KEPT_SHARE = 0.75
STEM_KEYWORD = 8
# An answer to "what is it about?" is a few words; a typo is forgiven in words of five letters or more, one edit
# (two in keywords of nine letters or more), the first two letters right.
GUESS_WORDS = 4
GUESS_SHORTEST = 5
GUESS_LONG = 9

# One message is read for its topic several times (the early checks, routing); questions recur.
FIND_CACHE_SIZE = 1024


class TopicFinder:
    """Finds the topic of a question by its keywords; the topic whose matching keywords are longest wins, so
    "nuorisovaltuusto" (youth council) beats "nuoriso" (youth work)."""

    def __init__(self, topics: Topics, terms: Callable[[str, Lang], list[str]]) -> None:
        self._topics = topics
        self._terms = terms
        self._find = lru_cache(maxsize=FIND_CACHE_SIZE)(self._find_topic)
        keywords: list[tuple[Topic, tuple[str, ...]]] = []
        for topic in topics.topics:
            for lang in LANGS:
                for keyword in topic.keywords(lang):
                    parts = tuple(fold(part) for part in self._terms(keyword, lang))
                    # A lemma that lost much of the keyword ("liikuntasali" → "liikunta") would match too widely.
                    if sum(map(len, parts)) < KEPT_SHARE * len(fold(keyword).replace(" ", "")):
                        parts = tuple(fold(keyword).split())
                    keywords.append((topic, parts))
        self._county = _folded(topics.county_words)
        self._association = _folded(topics.association_words)
        self._municipality = _folded(topics.municipality_words)
        self._municipality_whole = frozenset(_folded(topics.municipality_whole_words))
        self._municipality_where = _folded(topics.municipality_where_forms)
        # On Åland, the words that point a health or social question to one organisation: matched like topics.
        handlers = _aland_topics(topics)
        self._aland = TopicFinder(handlers, terms) if handlers.topics else None
        self._aland_order = tuple(topic.id for topic in handlers.topics)
        # Keywords grouped by their first part: a question is checked against the few hundred first parts, and
        # only the keywords whose first part is there are checked in full.
        self._by_first: dict[str, list[tuple[Topic, tuple[str, ...]]]] = {}
        for topic, parts in keywords:
            if parts:
                self._by_first.setdefault(parts[0], []).append((topic, parts))
        self._firsts = tuple((part, _needle(part)) for part in self._by_first)
        guessable = {
            (fold(word), topic.id)
            for topic in topics.topics
            for lang in LANGS
            for word in (*topic.keywords(lang), *topic.name(lang).replace(",", " ").split())
            if " " not in word and len(word) >= GUESS_SHORTEST
        }
        self._guessable = tuple(sorted(guessable))

    def named(self, text: str) -> frozenset[Level]:
        """The organisations the text names as such: the wellbeing services county ("hyvinvointialueelle",
        "välfärdsområdet"), the municipality ("kunnassamme", "Vasa stad"), both, or neither."""
        found: set[Level] = set()
        for word in words(text):
            token = fold(word)
            if token.startswith(self._county):
                found.add("wellbeing_county")
            elif token.startswith(self._municipality_where):
                continue  # "meidän kunnassa": where the association is, not whom it asks
            elif token in self._municipality_whole or token.startswith(self._municipality):
                found.add("municipality")
        return frozenset(found)

    def aland_handlers(self, text: str) -> list[str]:
        """Whom the words of a health or social question point to on Åland (aland.yaml ids, "municipality")."""
        if self._aland is None:
            return []
        scores = self._aland.scores(text)
        return [handler for handler in self._aland_order if handler in scores]

    def guess(self, text: str) -> Topic | None:
        """The topic of a short answer to "what is it about?" typed with a typo ("vertaistki", "kulturi"): a word
        within an edit of a keyword or of a word of a topic's name, an ending after it left aside. None unless
        exactly one topic fits."""
        tokens = [fold(word) for word in words(text)]
        if not tokens or len(tokens) > GUESS_WORDS:
            return None
        found: set[str] = set()
        for token in tokens:
            if len(token) < GUESS_SHORTEST:
                continue
            for keyword, topic_id in self._guessable:
                if token[:2] != keyword[:2]:
                    continue
                allowed = 2 if len(keyword) >= GUESS_LONG else 1
                cuts = range(len(keyword) - allowed, len(keyword) + allowed + 1)
                if any(OSA.distance(token[:cut], keyword, score_cutoff=allowed) <= allowed for cut in cuts):
                    found.add(topic_id)
        return self._topics.get(found.pop()) if len(found) == 1 else None

    def find(self, text: str) -> Topic | None:
        """The topic the text is most about, or None (asked of one message several times: remembered)."""
        return self._find(text)

    def forget(self) -> None:
        """Forget the messages read so far (to measure what a new question costs)."""
        self._find.cache_clear()

    def _find_topic(self, text: str) -> Topic | None:
        tokens, county = self._tokens(text)
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

    def scores(self, text: str) -> dict[str, int]:
        """Each topic's weight in ``text``, the association's own name and the county's left out."""
        tokens, _ = self._tokens(text)
        return self._scores(tokens)

    def _tokens(self, text: str) -> tuple[set[str], set[str]]:
        """The words of the text and their hyphenated parts, and apart from them the words naming the county:
        its own name ("hyvinvointialueen", "sote-alueella") is not a topic word, nor are its parts ("sote")."""
        tokens: set[str] = set()
        county: set[str] = set()
        for word in words(text):
            token = fold(word)
            parts = {token, *token.split("-")}
            if token.startswith(self._county):
                county |= parts
            else:
                tokens |= parts
        return tokens, county

    def _scores(self, tokens: set[str]) -> dict[str, int]:
        """Each topic's weight in ``tokens``: the length of its keywords found there."""
        terms = {term for lang in LANGS for term in self._terms(" ".join(tokens), lang)}
        scores: dict[str, int] = {}
        # The words as written and their lemmas: a compound's last part shows in one or the other.
        joined = " " + " ".join(tokens | terms) + " "
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
    # A compound's last part, in the word as written or in its lemma ("harjoitustiloista" → "harjoitustila").
    return len(keyword) >= SHORT_KEYWORD and any(word.find(keyword) >= COMPOUND_HEAD for word in (*tokens, *terms))


def _folded(lists: Mapping[Lang, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(sorted({fold(word) for lang in LANGS for word in lists[lang]}))


def _aland_topics(topics: Topics) -> Topics:
    """Åland's handlers as pseudo-topics, so that their words are matched exactly like topic keywords."""
    handlers = tuple(
        Topic(handler, "wellbeing_county", Bilingual(handler, handler), words.get("fi", ()), words.get("sv", ()))
        for handler, words in topics.aland_words.items()
    )
    return dataclasses.replace(topics, topics=handlers, aland_words={})
