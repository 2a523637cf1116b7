"""Finding the knowledge entry a question is about.

Each entry is indexed per language through its alternative questions, its title and keywords, and its text. A
question and an indexed text are compared as TF-IDF vectors of two kinds of features: lemmas (so that inflected
forms meet) and character trigrams of those lemmas (so that typos, missing diacritics and unseen compounds still
overlap). The question is matched against both languages' indexes, because people mix languages and a one-word
question may not reveal its language.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.answering.lexicon import SWEDISH_DEFINITE_ENDINGS, Lexicon, eastern_written_forms, without_possessive
from bot.content.concepts import EMPTY_CONCEPTS, Concepts
from bot.content.knowledge import Entry
from bot.core.disk_cache import DiskCache, source_digest
from bot.core.lang import LANGS, Lang
from bot.core.text import fold, folded_words, words

# How much the character trigrams of a word weigh against its lemma, and how much an entry's closest single phrasing
# counts against the entry as a whole.
TRIGRAM_WEIGHT = 0.5
# A concept shared by the question and an entry ("kerhohuone" and "tilat" are both premises) weighs like a shared lemma.
CONCEPT_WEIGHT = 1.0
# Each concept names the passages that speak of it (knowledge/concepts.yaml): a question's concept counts towards
# them, the more the fewer they are, as a share of the question's words.
PASSAGE_WEIGHT = 0.5
CLOSEST_SHARE = 0.6
MAX_QUERY_WORDS = 60
MIN_PART = 4
# A word this long that no correction reaches may be a compound with a typo in one part ("nuorisovaltustoista").
MIN_MISTYPED_COMPOUND = 12
MIN_COMPOUND_PART = 5
MIN_TYPO_FREE_TAIL = 7
# A compound typed in two words: its first part at least this long, the whole at least MIN_JOINED_COMPOUND letters.
MIN_JOINED_PART = 3
MIN_JOINED_COMPOUND = 9
BORROWED_MIN_LENGTH = 8
CACHE_LIMIT = 50_000
ADDRESSED_CACHE_SIZE = 4096
TERM_DOTS_LIMIT = 3_000
MIN_IDF = 0.4
TYPO_MIN_LENGTH = 5
TYPO_SIMILARITY = 85.0
# "Mitä demokratiakasvatustavoitteessa sanotaan?": the word "goal" is answered by any part of a goal, though the part
# itself never says it.
GOAL_LEMMAS = frozenset({"tavoite", "mal"})
# Whom every goal addresses, however people name them: "kaupunki", "sote", "stan", "vårdregionen" are answered by any
# part of a goal, which says "kunnat ja hyvinvointialueet" ("kommuner och välfärdsområden").
ADDRESSED_LEMMAS = frozenset({
    "kunta", "kaupunki", "sote", "sotealue", "sote-alue", "hyvinvointialue", "hyvis", "kuntayhtyma",
    "kommun", "stad", "valfardsomrade", "vardregion", "sota", "region", "valfardsregion", "sote-omrade",
})  # fmt: skip
LONG_WORD = 10
STEM_LENGTH = 6
# Function words whose folded form is a word of the goals: "väl" (surely) folds to "val" (election).
STOPWORDS_AS_WRITTEN: dict[Lang, frozenset[str]] = {"fi": frozenset(), "sv": frozenset({"väl"})}

Features = dict[str, float]


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    score: float
    lang: Lang
    coverage: float = 1.0
    named: float = 0.0  # how strongly the question's concepts name this entry (their passages)
    terms: int = 0  # the question's content words in this language


@dataclass(frozen=True, slots=True)
class _EntryDocs:
    """Where one entry's documents sit in a language's score list: its phrasings side by side, then the whole."""

    entry: Entry
    first: int
    whole: int


class Featurizer:
    """Turns text into weighted lemma, trigram and concept features for one language."""

    def __init__(
        self,
        lexicon: Lexicon,
        stopwords: dict[Lang, frozenset[str]],
        concepts: Concepts = EMPTY_CONCEPTS,
        cache: DiskCache | None = None,
    ) -> None:
        self._lexicon = lexicon
        self._stopwords = stopwords
        # The same few thousand words recur in every text and question: work each out once (start-up time).
        self._lemma_cache: dict[tuple[str, Lang, bool], list[str]] = {}
        self._term_cache: dict[str, tuple[tuple[str, float], ...]] = {}
        self.passages: dict[str, tuple[str, ...]] = {concept.id: concept.passages for concept in concepts.concepts}
        # What an index built with this featurizer depends on, besides the entries.
        self.fingerprint = "\x00".join([lexicon.digest, repr(sorted(map(sorted, stopwords.values()))), repr(concepts)])
        key = cache.key("concepts", source_digest(__file__), self.fingerprint) if cache is not None else ""
        names = cache.load(key) if cache is not None else None
        if not (isinstance(names, dict) and set(names) == set(LANGS)):
            names = {lang: self._concept_names(concepts, lang) for lang in LANGS}
            if cache is not None:
                cache.store(key, names)
        # Concept ids by the lemma of a one-word name, and by the first lemma of a phrase (with the rest).
        self._concept_words: dict[Lang, dict[str, frozenset[str]]] = {
            lang: {lemma: frozenset(ids) for lemma, ids in names[lang][0].items()} for lang in LANGS
        }
        self._concept_phrases: dict[Lang, dict[str, list[tuple[tuple[str, ...], str]]]] = {
            lang: {
                first: [(tuple(rest), concept) for rest, concept in found] for first, found in names[lang][1].items()
            }
            for lang in LANGS
        }

    def _concept_names(
        self, concepts: Concepts, lang: Lang
    ) -> tuple[dict[str, list[str]], dict[str, list[tuple[tuple[str, ...], str]]]]:
        """The lemmas that name each concept in ``lang``: one-word names, and phrases by their first lemma."""
        single: dict[str, list[str]] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for concept in concepts.concepts:
            for word in concept.words(lang):
                lemmas = tuple(self.terms(word, lang, limit=None))
                if len(lemmas) == 1 and concept.id not in single.get(lemmas[0], []):
                    single.setdefault(lemmas[0], []).append(concept.id)
                elif len(lemmas) > 1:
                    phrases.setdefault(lemmas[0], []).append((lemmas[1:], concept.id))
        return single, phrases

    def concepts_of(self, term: str, lang: Lang) -> frozenset[str]:
        """The concepts a single lemma names (in ``lang``)."""
        return self._concept_words[lang].get(term, frozenset())

    def lemmas_naming(self, concept: str, lang: Lang) -> frozenset[str]:
        """The lemmas that name a concept on their own (in ``lang``)."""
        return frozenset(lemma for lemma, ids in self._concept_words[lang].items() if concept in ids)

    def names_a_concept(self, term: str, lang: Lang) -> bool:
        """Is the lemma a concept's word on its own or the first word of a concept's phrase?"""
        return term in self._concept_words[lang] or term in self._concept_phrases[lang]

    def concept_ids(self, terms: list[str], lang: Lang) -> list[str]:
        """The concepts named in a sequence of lemmas: single words and phrases."""
        found: list[str] = []
        words_of, phrases = self._concept_words[lang], self._concept_phrases[lang]
        for index, term in enumerate(terms):
            found += words_of.get(term, ())
            for rest, concept in phrases.get(term, ()):
                if tuple(terms[index + 1 : index + 1 + len(rest)]) == rest:
                    found.append(concept)
        return found + self._borrowed_concepts(terms, lang)

    def phrase_spans(self, terms: list[str], lang: Lang) -> list[tuple[int, int, str]]:
        """Where a concept's phrase of several words stands in a sequence of lemmas: start, end and concept."""
        spans: list[tuple[int, int, str]] = []
        phrases = self._concept_phrases[lang]
        for index, term in enumerate(terms):
            for rest, concept in phrases.get(term, ()):
                end = index + 1 + len(rest)
                if tuple(terms[index + 1 : end]) == rest:
                    spans.append((index, end, concept))
        return spans

    def terms(self, text: str, lang: Lang, limit: int | None = MAX_QUERY_WORDS) -> list[str]:
        """The lemmas of ``text`` without stop words; a question is cut at ``limit`` words, an indexed text is not."""
        stop = self._stopwords[lang]
        found: list[str] = []
        for word in words(text)[:limit]:
            for lemma in self._lemmas(word, lang):
                if lemma not in stop and not lemma.isdigit():
                    found.append(lemma)
        return found

    def listed_lemma(self, folded: str, lang: Lang) -> str | None:
        """The lemma of a folded word if the lexicon lists it as written, else None: no splitting, no guessing."""
        return self._lexicon.lemma(folded, lang)

    def is_stopword(self, word: str, lang: Lang) -> bool:
        """Is the word (as written, or folded) one of ``lang``'s stop words?"""
        return fold(word) in self._stopwords[lang] or word.casefold() in STOPWORDS_AS_WRITTEN[lang]

    def known(self, word: str, lang: Lang) -> bool:
        """Is ``word`` a word of ``lang`` as far as the lexicon and the stop words know?"""
        folded = fold(word)
        return folded in self._stopwords[lang] or self._lexicon.lemma(folded, lang) is not None

    def is_real_word(self, term: str, lang: Lang) -> bool:
        """Is the term a real word of ``lang`` next to a word of the knowledge, and so no typo of it?"""
        return self._lexicon.is_real_word(term, lang)

    def lemmas_of(self, text: str, lang: Lang) -> list[str]:
        """Every lemma of ``text`` (stop words included): for matching keywords rather than ranking."""
        return [lemma for word in words(text) for lemma in self._lemmas(word, lang, keep_stopwords=True)]

    def _lemmas(self, word: str, lang: Lang, keep_stopwords: bool = False) -> list[str]:
        key = (word, lang, keep_stopwords)
        cached = self._lemma_cache.get(key)
        if cached is None:
            cached = self._lemma_cache[key] = self._split(word, lang, keep_stopwords)
            if len(self._lemma_cache) > CACHE_LIMIT:  # questions bring endless new words; keep memory flat
                self._lemma_cache.clear()
        return cached

    def _split(self, word: str, lang: Lang, keep_stopwords: bool) -> list[str]:
        """The word's lemma; an unknown compound is split where both parts are words the knowledge uses."""
        folded = fold(word)
        if (folded in self._stopwords[lang] or word.casefold() in STOPWORDS_AS_WRITTEN[lang]) and not keep_stopwords:
            return []
        lemma = self._lexicon.lemma(folded, lang)
        host = self._function_word_under_a_clitic(folded) if lemma is None and lang == "fi" else None
        if host is not None:
            # "ketäs", "missäpä", "mikähän", "niitäkään": a function word with a clitic asks nothing more than the
            # word alone; read as a word of its own, "ketäs" had been corrected to another one.
            return [host] if keep_stopwords else []
        lemma = lemma or self._spoken(folded, lang)
        if lemma is None and "-" in folded.strip("-"):
            # A compound written with a hyphen the knowledge does not list ("kolmikanta-homma", "politiker-aspirant"):
            # its parts are words of their own.
            return [part for piece in folded.split("-") if piece for part in self._split(piece, lang, keep_stopwords)]
        if lemma is None:
            run_together = self._question_word_run_into_is(folded, lang)
            if run_together is not None:
                return run_together if keep_stopwords else []  # both are function words
        if lemma is not None or len(folded) < 2 * MIN_PART:
            return [lemma or folded]
        if lang == "fi" and folded.endswith("sesti"):
            # An adverb of a -nen adjective ("säännöllisesti", "tasapuolisesti") is the adjective, no compound:
            # split, "säännölli|sesti" had become "säännöllinen" and "estää" (to prevent).
            adjective = folded.removesuffix("sesti") + "nen"
            return [self._lexicon.lemma(adjective, lang) or adjective]
        # Longest known tail first: "dialogi|taidot" rather than "dialogit|aidot".
        for cut in range(MIN_PART, len(folded) - MIN_PART + 1):
            tail = self._lexicon.lemma(folded[cut:], lang)
            if tail is None:
                continue
            head = folded[:cut]
            # Swedish compounds often join with -s- ("verksamhets|bidrag"), Finnish ones with a genitive -n.
            head_lemma = (
                self._lexicon.lemma(head, lang)
                # A Finnish adjective in -inen joins a compound in -is ("vapaaehtois|työ", "paikallis|yhdistys").
                or (self._lexicon.lemma(head[:-2] + "inen", lang) if lang == "fi" and head.endswith("is") else None)
                or self._lexicon.lemma(head.removesuffix("s"), lang)
            )
            if head_lemma is not None:
                # "kvinnoförening", "naisyhdistys": what kind of association the asker's is, not a matter asked of
                # the goals (women as candidates); the association is.
                return [tail] if tail in _ASSOCIATION_HEADS else [head_lemma, tail]
        return [folded]

    def _function_word_under_a_clitic(self, folded: str) -> str | None:
        """The function word (its lemma) a Finnish word is with a clitic ("ketäs" → "kuka"), or None."""
        stop = self._stopwords["fi"]
        for clitic in _FINNISH_CLITICS:
            host = folded.removesuffix(clitic)
            if host == folded or len(host) < MIN_CLITIC_HOST:
                continue
            lemma = self._lexicon.lemma(host, "fi") or host
            if host in stop or lemma in stop:
                return lemma if lemma in stop else host
        return None

    @staticmethod
    def _question_word_run_into_is(folded: str, lang: Lang) -> list[str] | None:
        """ "vemär", "mikäon": a question word and "is" typed without the space between them, which ask nothing of
        the goals; as a word of its own the pair had kept a question from its entry ("vemär kane och vad gör dom").
        Only such pairs: two function words can make a typo of a content word ("samtan", "avtar")."""
        for first, second in _QUESTION_AND_COPULA[lang]:
            if folded == first + second:
                return [first, second]
        return None

    def _spoken(self, folded: str, lang: Lang) -> str | None:
        """The lemma of a spoken or clipped form whose written form the lexicon knows: Finnish drops final vowels
        and doubles ("tiloist" → tiloista, "yhdistyksil" → yhdistyksillä, "pitäis" → pitäisi, "mielenosotuksii" →
        …ia); spoken Swedish drops endings ("föreningslive" → föreningslivet, "föreningana" → föreningarna)."""
        if len(folded) < MIN_PART:
            return None
        if lang == "sv" and folded.endswith("an") and not folded.endswith("ana"):
            # Ostrobothnian plural definite in "-an": "ungdoman" → "ungdomarna", "ansökningan" → "ansökningarna";
            # read as "-erna" or "-na" only where the lemma is the stem itself (or the stem and "e"): "kandidatan" →
            # "kandidaterna", "invånaran" → "invånarna", but "bidragan" is no "bidragna" (of "bidra").
            stem = folded[:-2]
            lemma = self._lexicon.lemma(folded[:-1] + "rna", lang)
            if lemma is not None:
                return lemma
            for written in (stem + "erna", stem + "na"):
                lemma = self._lexicon.lemma(written, lang)
                if lemma in (stem, stem + "e"):
                    return lemma
        for written in _written_forms(folded, lang):
            lemma = self._lexicon.lemma(written, lang)
            if lemma is not None:
                return lemma
        # A case ending on a word the tables do not inflect ("nuvassa" is "nuva"): only down to a base form, as a
        # stripped stem is often another word's inflected form ("sillat" is no "sillä").
        if lang == "fi":
            for stem in _case_stems(folded):
                if self._lexicon.lemma(stem, lang) == stem:
                    return stem
        return None

    @staticmethod
    def trigrams(term: str) -> list[str]:
        padded = f"^{term}$"
        return [padded[index : index + 3] for index in range(len(padded) - 2)]

    def features(self, text: str, lang: Lang) -> Features:
        """Features of a text to index (all of it)."""
        return self.term_features(self.terms(text, lang, limit=None), lang)

    def term_features(self, terms: list[str], lang: Lang) -> Features:
        counts: Features = defaultdict(float)
        for term in terms:
            for feature, value in self.features_of(term):
                counts[feature] += value
        for concept in self.concept_ids(terms, lang):
            counts["c:" + concept] += CONCEPT_WEIGHT
        return dict(counts)

    def _borrowed_concepts(self, terms: list[str], lang: Lang) -> list[str]:
        """Concepts named by a word of the other language that this one does not know: bilingual people write
        "nuorisovaltuusto" or "asukasraati" in a Swedish question, "välfärdsområdet" in a Finnish one. Long words
        only: a short one is too often a word of both or a typo."""
        other: Lang = "sv" if lang == "fi" else "fi"
        found: list[str] = []
        known = [self.known(term, lang) for term in terms]
        unknown = [term for term, is_known in zip(terms, known, strict=True) if not is_known]
        unknown = [term for term in unknown if len(term) >= BORROWED_MIN_LENGTH]
        # Only in a reading of the question's own language: a Swedish question read as Finnish is all loanwords.
        if not unknown or 2 * sum(known) <= len(terms):
            return found
        for term in unknown:
            if term in self._concept_words[lang]:
                continue
            for lemma in self._lemmas(term, other):
                found += self._concept_words[other].get(lemma, ())
        return found

    def features_of(self, term: str) -> tuple[tuple[str, float], ...]:
        """One term's features: the word itself and its trigrams, sharing one word's weight."""
        cached = self._term_cache.get(term)
        if cached is None:
            grams = self.trigrams(term)
            weight = TRIGRAM_WEIGHT * 3.0 / max(len(grams), 1)
            cached = (("w:" + term, 1.0), *(("g:" + gram, weight) for gram in grams))
            self._term_cache[term] = cached
            if len(self._term_cache) > CACHE_LIMIT:
                self._term_cache.clear()
        return cached


class Retriever:
    """An inverted index over entries (the goals' or the help's), built once."""

    def __init__(
        self,
        entries: Sequence[Entry],
        featurizer: Featurizer,
        with_text: bool = True,
        cache: DiskCache | None = None,
    ) -> None:
        """``with_text=False`` indexes only how people ask (questions, title, keywords): help texts about the bot
        use everyday words that would match any question. A ``cache`` keeps the built index between processes."""
        self._featurizer = featurizer
        key = ""
        if cache is not None:
            key = cache.key("index", source_digest(__file__), featurizer.fingerprint, with_text, *map(repr, entries))
        state = cache.load(key) if cache is not None else None
        if not isinstance(state, dict):
            state = {lang: self._build(entries, lang, with_text) for lang in LANGS}
            if cache is not None:
                cache.store(key, state)
        by_id = {entry.id: entry for entry in entries}
        self._by_id = by_id
        # Postings hold TF-IDF weights already divided by their document's norm, so a sum is a cosine but for the
        # question's own norm.
        self._postings: dict[Lang, dict[str, list[tuple[int, float]]]] = {}
        self._idf: dict[Lang, dict[str, float]] = {}
        self._unseen_idf: dict[Lang, float] = {}
        self._corrections: dict[Lang, Callable[[str], str]] = {}
        self._entry_docs: dict[Lang, list[_EntryDocs]] = {}
        self._doc_count: dict[Lang, int] = {}
        self._vocabulary: dict[tuple[str, Lang], list[str]] = {}
        self._vocabulary_sets: dict[tuple[str, Lang], frozenset[str]] = defaultdict(frozenset)
        self._entry_concepts: dict[tuple[str, Lang], frozenset[str]] = defaultdict(frozenset)
        self._covered: dict[tuple[str, str, Lang], bool] = {}
        self._term_dots_cache: dict[tuple[str, Lang], tuple[array[int], array[float]]] = {}
        for lang in LANGS:
            built = state[lang]
            self._postings[lang] = built["postings"]
            self._idf[lang] = built["idf"]
            self._unseen_idf[lang] = max(self._idf[lang].values(), default=1.0)
            self._doc_count[lang] = built["count"]
            self._entry_docs[lang] = [
                _EntryDocs(by_id[entry_id], first, whole) for entry_id, first, whole in built["docs"]
            ]
            for entry_id, vocabulary in built["vocabulary"].items():
                self._vocabulary[entry_id, lang] = vocabulary
                self._vocabulary_sets[entry_id, lang] = frozenset(vocabulary)
            for entry_id, concepts in built["concepts"].items():
                self._entry_concepts[entry_id, lang] = frozenset(concepts)
            self._corrections[lang] = _corrector(built["correct"], built["surface"])

    def _build(self, entries: Sequence[Entry], lang: Lang, with_text: bool) -> dict[str, Any]:
        """One language's index as plain values (so that it can be kept between processes)."""
        featurizer = self._featurizer
        # _texts yields an entry's phrasings first and its whole last, so each entry's documents are contiguous.
        sources = [(entry, whole, text) for entry in entries for whole, text in _texts(entry, lang, with_text)]
        vectors = [featurizer.features(text, lang) for _, _, text in sources]
        idf = _idf(sources, vectors)
        unseen = max(idf.values(), default=1.0)
        lemmas = {key[2:] for key in idf if key.startswith("w:")}
        # Typos are corrected to a word as the texts write it ("avustuksista"), then to its lemma: a lemma alone is
        # often several edits from an inflected form ("avustuksita" → "avustus").
        written = {fold(word): word for _, _, text in sources for word in words(text)}
        surface: dict[str, str] = {}
        for folded, word in written.items():
            parts = featurizer.terms(word, lang, limit=None)
            if len(parts) == 1 and folded not in lemmas and len(folded) >= TYPO_MIN_LENGTH:
                surface[folded] = parts[0]
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        docs: list[tuple[str, int, int]] = []
        vocabulary: dict[str, list[str]] = {}
        concepts: dict[str, list[str]] = {}
        first = 0
        for doc_id, ((entry, whole, _), vector) in enumerate(zip(sources, vectors, strict=True)):
            if whole:
                docs.append((entry.id, first, doc_id))
                first = doc_id + 1
                vocabulary[entry.id] = sorted(key[2:] for key in vector if key.startswith("w:"))
                concepts[entry.id] = sorted(key[2:] for key in vector if key.startswith("c:"))
            weighted = {feature: value * idf.get(feature, unseen) for feature, value in vector.items()}
            norm = math.sqrt(sum(value * value for value in weighted.values())) or 1.0
            for feature, value in weighted.items():
                # A feature nearly every entry has adds almost nothing to a dot product but costs the most time
                # (the longest postings): it still counts in the norms, not in the sums.
                if idf[feature] >= MIN_IDF:
                    postings[feature].append((doc_id, value / norm))
        return {
            "postings": dict(postings),
            "idf": idf,
            "count": len(sources),
            "docs": docs,
            "vocabulary": vocabulary,
            "concepts": concepts,
            "correct": sorted(lemmas | set(surface)),
            "surface": surface,
        }

    def _weigh(self, vector: Features, lang: Lang) -> Features:
        """TF-IDF weights; a feature the knowledge never uses is as rare as can be, so it still dilutes the match."""
        idf = self._idf[lang]
        unseen = self._unseen_idf[lang]
        return {feature: value * idf.get(feature, unseen) for feature, value in vector.items()}

    def search(self, text: str, limit: int = 3) -> list[Match]:
        """The best entries for ``text``, best first, each with a score from 0 to 1.

        An entry's score blends its closest single phrasing (a question, the title, the text) with the entry as a
        whole: the first rewards a close paraphrase, the second keeps one shared rare word from deciding alone.
        """
        terms = {lang: self.query_terms(text, lang) for lang in LANGS}
        best: dict[str, tuple[float, float, Lang, Entry]] = {}  # entry id → score, named, language, entry
        for lang in LANGS:
            query = self._weigh(self._featurizer.term_features(terms[lang], lang), lang)
            norm = math.sqrt(sum(value * value for value in query.values()))
            if not norm:
                continue
            dots = [0.0] * self._doc_count[lang]
            # A question's word adds the same to every document each time it is asked: its trigrams' postings are
            # summed once per word (a few documents each) rather than once per trigram per question.
            for term in terms[lang]:
                for doc_id, contribution in zip(*self._term_dots(term, lang), strict=True):
                    dots[doc_id] += contribution
            postings = self._postings[lang]
            for feature, value in query.items():
                if feature.startswith("c:"):
                    for doc_id, doc_value in postings.get(feature, ()):
                        dots[doc_id] += value * doc_value
            prior = self._passage_prior(terms[lang], lang)
            for docs in self._entry_docs[lang]:
                closest = max(dots[docs.first : docs.whole])
                named = prior.get(docs.entry.id, 0.0)
                if closest <= 0.0 and not named:  # not one word, trigram or concept in common
                    continue
                score = (CLOSEST_SHARE * closest + (1 - CLOSEST_SHARE) * dots[docs.whole]) / norm
                score = min(1.0, score + PASSAGE_WEIGHT * named)
                entry_id = docs.entry.id
                if entry_id not in best or score > best[entry_id][0]:
                    best[entry_id] = (score, named, lang, docs.entry)
        ranked = sorted(best.values(), key=lambda found: (-found[0], found[3].id))[:limit]
        spans = {lang: self._featurizer.phrase_spans(terms[lang], lang) for lang in LANGS}
        # The question is read in both languages; how much of it an entry answers is the better of the two readings
        # (a Finnish question's best score may come from the Swedish reading, which knows few of its words).
        return [
            Match(
                entry,
                score,
                lang,
                named=named,
                terms=len(terms[lang]),
                coverage=max(self._coverage(terms[reading], entry, reading, spans[reading]) for reading in LANGS),
            )
            for score, named, lang, entry in ranked
        ]

    def _term_dots(self, term: str, lang: Lang) -> tuple[array[int], array[float]]:
        """What one occurrence of ``term`` adds to each document's dot product with the question: the documents and
        the amounts, side by side (compact arrays: a word touches ~100 documents)."""
        key = (term, lang)
        cached = self._term_dots_cache.get(key)
        if cached is None:
            idf = self._idf[lang]
            unseen = self._unseen_idf[lang]
            postings = self._postings[lang]
            sums: dict[int, float] = defaultdict(float)
            for feature, value in self._featurizer.features_of(term):
                weight = value * idf.get(feature, unseen)
                for doc_id, doc_value in postings.get(feature, ()):
                    sums[doc_id] += weight * doc_value
            cached = (array("i", sums.keys()), array("d", sums.values()))
            # Each word holds ~100 pairs (~1.5 kB): a few thousand words cover what people ask, in a few MB.
            if len(self._term_dots_cache) > TERM_DOTS_LIMIT:
                self._term_dots_cache.clear()
            self._term_dots_cache[key] = cached
        return cached

    def _passage_prior(self, terms: list[str], lang: Lang) -> dict[str, float]:
        """How strongly the question's concepts point at each entry (their `passages`), as a share of its words."""
        prior: dict[str, float] = defaultdict(float)
        for concept in set(self._featurizer.concept_ids(terms, lang)):
            passages = self._featurizer.passages.get(concept, ())
            for entry_id in passages:
                prior[entry_id] += 1.0 / len(passages)
        return {entry_id: value / max(len(terms), 1) for entry_id, value in prior.items()}

    def entry(self, entry_id: str) -> Entry | None:
        """The indexed entry with this id, if any."""
        return self._by_id.get(entry_id)

    def lemmas(self, lang: Lang) -> frozenset[str]:
        """Every lemma the indexed texts use in ``lang``."""
        return frozenset(key[2:] for key in self._idf[lang] if key.startswith("w:"))

    def query_terms(self, text: str, lang: Lang) -> list[str]:
        """The question's lemmas, with a word the knowledge never uses corrected to one it uses, if one is a typo
        away ("nuorisovaltusto" → "nuorisovaltuusto")."""
        return [
            corrected
            for term in self._featurizer.terms(self._compounds_joined(text, lang), lang)
            for corrected in self._corrected_parts(term, lang)
        ]

    def _corrected_parts(self, term: str, lang: Lang) -> list[str]:
        """The term corrected (`_correct`); a long compound no correction reaches, with a typo in one of its parts
        ("nuorisovaltustoista", "bidrgasansökningarna"), as its parts: one a word the entries use as written, the
        other corrected to one they use."""
        corrected = self._correct(term, lang)
        if corrected != term or len(term) < MIN_MISTYPED_COMPOUND or "w:" + term in self._idf[lang]:
            return [corrected]
        if self._featurizer.known(term, lang) or self._featurizer.known(term, "sv" if lang == "fi" else "fi"):
            return [corrected]
        if self._featurizer.names_a_concept(term, lang):
            return [corrected]  # "tjänstefolke": a concept's word as spoken, whole
        return self._mistyped_compound(term, lang) or [corrected]

    def _mistyped_compound(self, term: str, lang: Lang) -> list[str] | None:
        """The lemmas of a compound with one part mistyped, if one cut makes a word and a correctable word."""
        indexed = self._idf[lang]
        lemma = self._featurizer.listed_lemma
        # Each part long enough to be a word of its own, not a case ending ("-ista") read as one; a typo in the tail
        # looked for first, then in the head before a longer tail ("toista" is no tail of "nuorisovaltustoista").
        cuts = range(MIN_COMPOUND_PART, len(term) - MIN_COMPOUND_PART + 1)
        for cut in cuts:
            head, tail = term[:cut], term[cut:]
            head_lemma = lemma(head, lang) or lemma(head.removesuffix("s"), lang)
            if head_lemma is None:
                continue
            fixed = self._indexed_correction(tail, lang)
            if fixed is None:
                continue
            # read as the compound typed right would be ("nuoriso" + "valtuustoilta": "nuoriso", "valtuusto")
            mended = self._featurizer.terms(head + self._correct(tail, lang), lang, limit=None)
            if len(mended) > 1 or (mended and "w:" + mended[0] in indexed):
                return mended
        for cut in cuts:
            head, tail = term[:cut], term[cut:]
            tail_lemma = lemma(tail, lang) if len(tail) >= MIN_TYPO_FREE_TAIL else None
            if tail_lemma is not None and "w:" + tail_lemma in indexed:
                fixed = self._indexed_correction(head.removesuffix("s"), lang)
                if fixed is not None:
                    return [fixed, tail_lemma]
        return None

    def _indexed_correction(self, part: str, lang: Lang) -> str | None:
        """The lemma the entries use that a mistyped part of a compound stands for, if any."""
        fixed = self._correct(part, lang)
        if fixed == part:
            return None
        lemmas = self._featurizer.terms(fixed, lang, limit=None)
        found = lemmas[0] if len(lemmas) == 1 else fixed
        return found if "w:" + found in self._idf[lang] else None

    def _compounds_joined(self, text: str, lang: Lang) -> str:
        """The text with a compound of the knowledge typed in two words joined ("vuoro puhelussa" → "vuoropuhelussa",
        "mielen osotus"): only where one of the two is no word of the knowledge, so the split lost it ("gratis
        lokal" are two words the knowledge uses), and neither is a function word, which is typed as a word of its
        own."""
        folded, written = folded_words(text), words(text)
        indexed = self._idf[lang]
        # The lexicon's own forms only, looked up whole: trying every cut of every pair of words cost 5% of answering.
        lemma = self._featurizer.listed_lemma
        joins: list[int] = []
        # Only as far as a question is read (`Featurizer.terms` cuts it at MAX_QUERY_WORDS).
        for index in range(min(len(folded), MAX_QUERY_WORDS) - 1):
            head, tail = folded[index], folded[index + 1]
            if len(head) < MIN_JOINED_PART or len(tail) < MIN_PART or len(head) + len(tail) < MIN_JOINED_COMPOUND:
                continue
            whole = lemma(head + tail, lang)
            if whole is None or "w:" + whole not in indexed or (joins and joins[-1] == index - 1):
                continue
            if self._split_lost_a_word(written[index], written[index + 1], lang):
                joins.append(index)
        if not joins:
            return text
        said = list(written)
        for index in reversed(joins):
            said[index : index + 2] = [said[index] + said[index + 1]]
        return " ".join(said)

    def _split_lost_a_word(self, head: str, tail: str, lang: Lang) -> bool:
        """Is one of two words typed apart (as written: "väl" is a stop word only so) no word of the knowledge, and
        neither a stop word?"""
        if not (head.isalpha() and tail.isalpha()):
            return False
        if self._featurizer.is_stopword(head, lang) or self._featurizer.is_stopword(tail, lang):
            return False
        indexed = self._idf[lang]
        parts = [self._featurizer.lemmas_of(word, lang) for word in (head, tail)]
        return not all(lemmas and all("w:" + lemma in indexed for lemma in lemmas) for lemmas in parts)

    def known(self, word: str, lang: Lang) -> bool:
        """Is ``word`` a word of ``lang`` as far as the lexicon and the stop words know?"""
        return self._featurizer.known(word, lang)

    def concepts_as_written(self, text: str, lang: Lang) -> list[str]:
        """The concepts named in ``text`` without typo correction: a cheap first look."""
        return self._featurizer.concept_ids(self._featurizer.terms(text, lang), lang)

    def lemmas_naming(self, concept: str, lang: Lang) -> frozenset[str]:
        """The lemmas that name a concept on their own ("neuvottelukunta", "delegation" for KANE)."""
        return self._featurizer.lemmas_naming(concept, lang)

    def passages_of(self, concept: str) -> tuple[str, ...]:
        """The entries that speak of a concept."""
        return self._featurizer.passages.get(concept, ())

    def concepts_in(self, text: str, lang: Lang) -> list[str]:
        """The concepts the text's words name, read in ``lang``."""
        return self._featurizer.concept_ids(self.query_terms(text, lang), lang)

    def word_terms(self, word: str, lang: Lang, corrected: bool = True) -> list[str]:
        """One word's lemmas, stop words kept ("kaiken" → kaikki), corrected to this index's words unless told not."""
        lemmas = self._featurizer.lemmas_of(word, lang)
        return [self._correct(term, lang) for term in lemmas] if corrected else lemmas

    def _correct(self, term: str, lang: Lang) -> str:
        other: Lang = "sv" if lang == "fi" else "fi"
        # A word of the other language is not a typo: "mistä" must not become the Swedish "lista".
        if "w:" + term in self._idf[lang] or len(term) < TYPO_MIN_LENGTH or self._featurizer.known(term, other):
            return term
        # Nor is a real word one letter from a word of the knowledge: "terve" is no "tarve", "ganska" no "granska".
        if self._featurizer.is_real_word(term, lang):
            return term
        corrected = self._corrections[lang](term)
        if (
            corrected == term
            and lang == "fi"
            and len(term) >= MIN_INFLECTED_TYPO
            and not self._featurizer.known(term, lang)
        ):
            # A long word mistyped in a case the tables do not list ("nuorsiovaltuustoista"): its stem corrected; not
            # a word the lexicon knows ("paikallistaa" is no "paikallinen").
            corrected = next(
                (
                    fixed
                    for stem in _typo_stems(term)
                    if self._mistyped_stem(stem, fixed := self._corrections[lang](stem))
                ),
                term,
            )
        # Nor is a concept's word the entries' texts do not use, unless its correction means the same ("kämppä" is
        # a room, not "kauppa"; "vanhusneuvostoo" is "vanhusneuvosto").
        if corrected != term and self._featurizer.names_a_concept(term, lang):
            concepts = set(self._featurizer.concept_ids([term], lang))
            if concepts.isdisjoint(self._featurizer.concept_ids([corrected], lang)):
                return term
        return corrected

    def _mistyped_stem(self, stem: str, fixed: str) -> bool:
        """Is ``fixed`` the word the stem of a long mistyped word stands for: one letter changed, added or dropped, or
        two swapped, not its end cut off ("liikuntala|ista" is a law, not "liikunta"), and a word the entries use?"""
        return (
            fixed != stem
            and OSA.distance(stem, fixed) <= 1
            and not stem.startswith(fixed)
            and "w:" + fixed in self._idf["fi"]
        )

    def _coverage(self, terms: list[str], entry: Entry, lang: Lang, spans: list[tuple[int, int, str]]) -> float:
        """The share of the question's words that the entry uses, allowing a typo: how much of it is answered.
        ``spans``: where the question's concept phrases stand (`Featurizer.phrase_spans`), found once per search."""
        if not terms:
            return 0.0
        part_of_a_goal = entry.goal is not None
        # The words of a phrase naming one of the entry's concepts are all answered by it ("visa korten" is
        # transparency, though neither "visa" nor "kort" is).
        # Only for a passage the concept names, not for the elections every part speaks of ("päästä valtuustoon" is
        # no question of the candidates' dialogue) or a list asked for, and where the entry answers some other word
        # of the question: "Kan du förklara tydligt hur man gör pannkakor?" is no goal 4.2's for asking clearly.
        passages = self._featurizer.passages
        in_a_phrase = {
            index
            for start, end, concept in spans
            if entry.id in passages.get(concept, ()) and concept not in _EVERY_PARTS_CONCEPTS
            for index in range(start, end)
        }
        plain = [(part_of_a_goal and _addressed(term)) or self._covers(term, entry.id, lang) for term in terms]
        rest = [covered for index, covered in enumerate(plain) if index not in in_a_phrase]
        if rest and not any(rest):
            in_a_phrase = set()
        return sum(index in in_a_phrase or covered for index, covered in enumerate(plain)) / len(terms)

    def _covers(self, term: str, entry_id: str, lang: Lang) -> bool:
        # The same words recur from question to question; the fuzzy comparison is the costly part of a search.
        key = (term, entry_id, lang)
        cached = self._covered.get(key)
        if cached is None:
            vocabulary = self._vocabulary.get((entry_id, lang), [])
            cached = (
                term in self._vocabulary_sets[entry_id, lang]
                or bool(self._featurizer.concepts_of(term, lang) & self._entry_concepts[entry_id, lang])
                or _shares_stem(term, vocabulary)
                or (
                    len(term) >= TYPO_MIN_LENGTH
                    # Plain similarity: WRatio's partial matching took "all" or "in" as a typo of any word holding it.
                    and process.extractOne(term, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY)
                    is not None
                )
            )
            if len(self._covered) > CACHE_LIMIT:  # questions bring endless new words; keep memory flat
                self._covered.clear()
            self._covered[key] = cached
        return cached


# Finnish case endings, longest first (folded): a word the tables do not inflect ("nuva", a youth council, is only
# the knowledge's own word) still meets its lemma in any case ("nuvassa", "nuvalle").
MIN_CLITIC_STEM = 3  # "käyks" is "käy"; "seks" is no "se"
MIN_SPOKEN_AIS = 3  # "-as-" for "-ais-" after the first syllable only ("asia" is no "aisia")
_CASE_ENDINGS = ("ssa", "sta", "lla", "lta", "lle", "ksi", "na", "an", "aan", "n", "a", "t")
MIN_CASE_STEM = 4
_PLURAL_GENITIVES = (("ien", "ia"), ("jen", "ja"), ("iden", "ita"), ("itten", "ita"))


# A long Finnish word's case endings, plural ones first, for correcting its stem: a compound is mistyped in any case.
MIN_INFLECTED_TYPO = 12
MIN_TYPO_STEM = 9
_TYPO_ENDINGS = ("ista", "issa", "ilta", "illa", "ille", "ihin", "iksi", "ien", "ita", "iin", *_CASE_ENDINGS)


_TYPO_ENDINGS_LONGEST_FIRST = tuple(sorted(_TYPO_ENDINGS, key=len, reverse=True))
_CASE_ENDINGS_LONGEST_FIRST = tuple(sorted(_CASE_ENDINGS, key=len, reverse=True))


# Concepts every part of the goals speaks of, and the goals named as a list ("ranskalaisin viivoin", "i punktform"):
# a phrase of theirs tells no entry from another.
_EVERY_PARTS_CONCEPTS = frozenset({"elections", "double-elections", "goals"})
_ASSOCIATION_HEADS = frozenset({"yhdistys", "seura", "kerho", "jarjesto", "forening", "klubb", "organisation"})


def _typo_stems(folded: str) -> list[str]:
    """The word without one of its possible case endings, longest first, each stem long enough to correct."""
    return [
        folded[: -len(ending)]
        for ending in _TYPO_ENDINGS_LONGEST_FIRST
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_TYPO_STEM
    ]


@lru_cache(maxsize=ADDRESSED_CACHE_SIZE)  # asked of every word of a question against every goal's entry
def _addressed(term: str) -> bool:
    """The goal itself, or whom every goal addresses, in any case ("sotelle" is "sote")."""
    return (
        term in GOAL_LEMMAS or term in ADDRESSED_LEMMAS or any(stem in ADDRESSED_LEMMAS for stem in _case_stems(term))
    )


def _case_stems(folded: str) -> list[str]:
    """The word without a Finnish case ending, longest ending first."""
    return [
        folded[: -len(ending)]
        for ending in _CASE_ENDINGS_LONGEST_FIRST
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_CASE_STEM
    ]


# A question word and "is" run together ("vemär", "mikäon"), folded.
_QUESTION_AND_COPULA: dict[Lang, tuple[tuple[str, str], ...]] = {
    "fi": tuple((word, is_) for word in ("mika", "mita", "kuka", "mitka", "ketka") for is_ in ("on", "ovat")),
    "sv": tuple((word, is_) for word in ("vem", "vad", "vilka", "vilken", "vilket", "hur") for is_ in ("ar", "e")),
}
# Finnish clitics a function word takes in speech ("ketäs", "mikähän", "missäpä", "niitäkään"), folded, and the
# shortest function word read under one.
_FINNISH_CLITICS = ("kaan", "kin", "han", "pa", "s")
# Spoken "-kki", "-kii", "-ki" are "-kin": read as "-kin" where the tables list that form ("jollekki" is "jollekin"),
# and "-kii", "-ki" also stripped like "-kin" ("rahaaki", "naisiaki", "ihminenki"); "-kki" is not, as it is mostly
# the word's own ("suosikki" is no "suosia").
_SPOKEN_KIN_STRIPPED = ("kii", "ki")
_SPOKEN_KIN = ("kki", *_SPOKEN_KIN_STRIPPED)
_CONTENT_CLITICS = ("kaan", "kin", *_SPOKEN_KIN_STRIPPED, "han", "pa")
MIN_CLITIC_HOST = 3
_SWEDISH_VOWELS = frozenset("aeiouy")  # folded: å, ä and ö are a and o
# A past participle's plural and case endings (folded): "-neet", "-neen", "-neita", "-neiden", "-neille".
_PLURAL_PARTICIPLES = ("neet", "neen", "neita", "neiden", "neille")
# Past participles as spoken, without their final "t" ("-nut", "-lut", "-rut", "-sut" and front-vowel forms, folded).
_SPOKEN_PARTICIPLES = ("nu", "ny", "lu", "ly", "ru", "ry", "su", "sy")


def _written_forms(folded: str, lang: Lang) -> list[str]:
    """Written forms a spoken or clipped word may stand for (folded, so ä is a and ö is o)."""
    if lang == "fi":
        forms = [folded + "a", folded + "i", folded + "n", *eastern_written_forms(folded), *without_possessive(folded)]
        # A plural genitive the tables miss, read as the plural partitive of the same stem, which they list more
        # often: "mielenosoittajien" → "mielenosoittajia", "tilojen" → "tiloja", "toimijoiden" → "toimijoita".
        for genitive, partitive in _PLURAL_GENITIVES:
            if folded.endswith(genitive) and len(folded) - len(genitive) >= MIN_CASE_STEM:
                forms.append(folded[: -len(genitive)] + partitive)
        if folded.endswith("ii"):
            forms.append(folded[:-1] + "a")  # "tiloihii" → "tiloihia" is rare; "mielenosotuksii" → "…ksia"
        if folded.endswith(("uu", "yy")):
            forms.append(folded[:-1] + "a")  # "saan jaettuu" is "jaettua", "käytettyy" "käytettyä" (folded)
        if folded.endswith(("tut", "tyt")) and len(folded) - 3 >= MIN_CASE_STEM:
            # A passive participle's plural the tables miss: "palkatut" is "palkattu", "valitut" "valittu".
            forms.append(folded[:-3] + "tt" + folded[-2])
        if folded.endswith(_SPOKEN_PARTICIPLES):
            forms.append(folded + "t")  # the past participle's "t" dropped: "tehny", "käyttäny", "kysyny"
        for ending in _PLURAL_PARTICIPLES:
            if folded.endswith(ending) and len(folded) - len(ending) >= MIN_CASE_STEM:
                # A past participle the tables list only in the singular: "tallentaneet" is "tallentaa", as
                # "tallentanut" is ("olette tallentaneet", "osallistuneiden").
                forms.append(folded[: -len(ending)] + "a")
        if "hr" in folded:
            # South-western "r" for the "d" after "h": "unohratte" is "unohdatte", "tehrää" "tehdään"
            written = folded.replace("hr", "hd")
            forms += [written, written + "n"]
        if folded.endswith("l"):
            forms.append(folded + "la")  # "yhdistyksil" → "yhdistyksilla"
        if folded.endswith("st"):
            forms.append(folded + "a")
        if folded.endswith("n"):
            # The same paradigm, one person or number over: "painoin" (I pressed) is "painoit", "kunnan" "kunnat".
            forms.append(folded[:-1] + "t")
        if folded.endswith("s"):
            forms.append(folded + "sa")  # "hiihtoseuras" → "hiihtoseurassa"
        if folded.endswith("ko") and len(folded) - 2 >= MIN_CLITIC_STEM:
            # The written question clitic on a form the tables miss: "edistääkö" is "edistää" (corrected, it had
            # become "edustaa", to represent).
            forms.append(folded[:-2])
        # The clitics of "also", "not even", "as you know" and "then" on a form the tables list without them
        # ("kunnankin", "rahaakaan", "järjestöthän", "tilojapa"); read whole, "järjestöthän" had become "järjestää".
        forms += [
            folded[: -len(clitic)]
            for clitic in _CONTENT_CLITICS
            if folded.endswith(clitic) and len(folded) - len(clitic) >= MIN_CLITIC_STEM
        ]
        forms += [folded[: -len(spoken)] + "kin" for spoken in _SPOKEN_KIN if folded.endswith(spoken)]
        if folded.endswith("ks"):
            forms.append(folded + "i")  # "ilmaseks" → "ilmaseksi"
            # The spoken question clitic: "pärjääks", "estääks", "käyks" are "pärjääkö", "estääkö", "käykö"; a
            # stem of two letters is another word's.
            if len(folded) - 2 >= MIN_CLITIC_STEM:
                forms.append(folded[:-2])
        # "-ainen" spoken "-anen": "kaltasista" is "kaltaisista", "ilmaseks" "ilmaiseksi".
        for spoken in [form for form in (folded, *forms) if "as" in form[MIN_SPOKEN_AIS:]]:
            at = spoken.index("as", MIN_SPOKEN_AIS)
            written = spoken[:at] + "ais" + spoken[at + 2 :]
            forms += [written, written + "i"] if written.endswith("ks") else [written]
        return forms
    forms = [folded + "t", folded + "n", folded + "r", folded + "et"]
    if folded.endswith("ana"):
        forms.append(folded[:-2] + "rna")  # "föreningana" → "foreningarna"
    if folded.endswith("ina"):
        forms.append(folded[:-2] + "erna")  # Ostrobothnian "partina" → "partierna"
    if folded.endswith("n") and folded[-2] not in _SWEDISH_VOWELS and folded[-2] not in "nr":
        # the definite "-en" clipped to "-n": "styrelsn" → "styrelsen" (not "hann", "horn": words of their own)
        forms.append(folded[:-1] + "en")
    if folded.endswith("rn"):
        forms.append(folded + "a")  # "kandidatern" → "kandidaterna"
    # A definite form of a compound the tables list only in its base form: "äldrerådet" → "äldreråd".
    forms += [folded.removesuffix(ending) for ending in SWEDISH_DEFINITE_ENDINGS if folded.endswith(ending)]
    if folded.startswith("ong"):
        # Ostrobothnian "o" for "u": "ongdomsråde" is "ungdomsrådet", "ongdoman" "ungdomarna"
        forms += ["ung" + folded[3:], *_written_forms("ung" + folded[3:], lang)]
    return forms


def _shares_stem(term: str, vocabulary: list[str]) -> bool:
    """An inflected or compound form the lexicon missed still shares its stem with the entry's word:
    "neuvostot"/"neuvosto", "tjanstemannens"/"tjansteman", "kuntavaaliehdokas"/"kuntavaali"."""
    if len(term) < STEM_LENGTH:
        return False
    for word in vocabulary:
        shorter = min(len(word), len(term))
        if shorter >= STEM_LENGTH and term[: max(STEM_LENGTH, shorter - 2)] == word[: max(STEM_LENGTH, shorter - 2)]:
            return True
    return False


def _corrector(vocabulary: list[str], lemma_of: Mapping[str, str]) -> Callable[[str], str]:
    """A cached typo fixer over one language's vocabulary (lemmas and written forms): one edit for a word of 5+
    letters, two for 10+; swapping two letters is one edit. A written form found is returned as its lemma.

    The first letter must match: people rarely mistype it, and a real word the knowledge does not use is often one
    first letter away from one it does ("kosta" is not "rösta", "sanooko" not "manooko")."""
    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in vocabulary:
        by_initial[word[:1]].append(word)

    @lru_cache(maxsize=8192)
    def correct(term: str) -> str:
        allowed = 2 if len(term) >= LONG_WORD else 1
        near = process.extract(term, by_initial.get(term[:1], ()), scorer=OSA.distance, score_cutoff=allowed, limit=8)
        if not near:
            return term
        closest = min(distance for _, distance, _ in near)
        tied = [str(word) for word, distance, _ in near if distance == closest]
        # Between equally near words, one the term is a shortening of: spoken Finnish drops letters ("osottaa" is
        # "osoittaa", not "odottaa"), and a hurried typist misses one more often than hitting a wrong one.
        found = next((word for word in tied if _drops_letters(term, word)), tied[0])
        return lemma_of.get(found, found)

    return correct


def _drops_letters(short: str, word: str) -> bool:
    """Is ``short`` ``word`` with some letters left out?"""
    letters = iter(word)
    return len(short) < len(word) and all(letter in letters for letter in short)


_GOAL_LIST_LINE = re.compile(r"^\s*[1-4] ")


def _texts(entry: Entry, lang: Lang, with_text: bool = True) -> Iterable[tuple[bool, str]]:
    title = " ".join([entry.title(lang), *entry.keywords(lang)])
    # A numbered line that lists a goal (the introduction's "2 Kunnat … panostavat demokratiakasvatukseen") is that
    # goal's matter: indexed here, it would pull every question about one goal to the list of all four.
    text = (
        "\n".join(line for line in entry.text(lang).splitlines() if not _GOAL_LIST_LINE.match(line))
        if with_text
        else ""
    )
    for question in entry.questions(lang):
        yield False, question
    yield False, title
    if text:
        yield False, text
    yield True, " ".join([title, text, *entry.questions(lang)])


def _idf(sources: list[tuple[Entry, bool, str]], vectors: list[Features]) -> dict[str, float]:
    """Inverse frequency over entries, not texts: a word in every question of one entry is that entry's word."""
    entries_with: dict[str, set[str]] = defaultdict(set)
    for (entry, _, _), vector in zip(sources, vectors, strict=True):
        for feature in vector:
            entries_with[feature].add(entry.id)
    total = len({entry.id for entry, _, _ in sources})
    return {feature: math.log((total + 1) / (len(ids) + 0.5)) for feature, ids in entries_with.items()}
