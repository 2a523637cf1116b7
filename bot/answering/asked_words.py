"""The words of a question as the readers see them: its lemmas in any form the lexicon knows, the concepts it names
in its own language, and whether it speaks of the goals' world at all. Shared by the reader of questions about the
goals (`reading`) and the reader of questions about the bot (`bot_questions`)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.answering.focus import names_goals
from bot.answering.retrieval import Retriever
from bot.content.intents import Intents
from bot.core.lang import LANGS, Lang
from bot.core.text import words

# Each reader remembers this many messages of what it read: a check is asked several times of one message (the early
# checks, the help, the decision).
READ_CACHE_SIZE = 1024
# Concepts every reader names: KANE itself and the goals as a whole.
KANE_CONCEPT = "kane"
GOALS_CONCEPT = "goals"


class QuestionWords:
    """A question's words read against the intents' lists and the index of the goals."""

    def __init__(self, intents: Intents, retriever: Retriever) -> None:
        self.intents = intents
        self.retriever = retriever
        # The goals' world (associations, municipalities, grants …) in any form: "bidragen" is "bidrag".
        self._domain_lemmas = self.lemmas_of_list("domain")
        # The goals' everyday names, read both ways a question's words are read: as written and as the index
        # corrects them.
        written = self.lemmas_of_list("goals_names")
        self.goal_names: dict[Lang, frozenset[str]] = {
            lang: written[lang]
            | {term for word in intents.words["goals_names"][lang] for term in retriever.query_terms(word, lang)}
            for lang in LANGS
        }

    def lemmas_of_list(self, name: str) -> dict[Lang, frozenset[str]]:
        """Every lemma of the words of an intents list, per language ("bidragen" is "bidrag")."""
        return {
            lang: frozenset(
                lemma
                for word in self.intents.words[name][lang]
                for lemma in self.retriever.word_terms(word, lang, corrected=False)
            )
            for lang in LANGS
        }

    def concepts_as_read(self, asked: str) -> list[set[str]]:
        """The question's concepts read in its own language (`languages_of`): a Finnish question read as Swedish
        finds stray concepts."""
        return [set(self.retriever.concepts_in(asked, lang)) for lang in self.languages_of(asked)]

    def languages_of(self, asked: str) -> list[Lang]:
        """The language more of the question's words belong to (both on a tie)."""
        written = words(asked)
        known = {lang: sum(self.retriever.known(word, lang) for word in written) for lang in LANGS}
        return [lang for lang in LANGS if known[lang] == max(known.values())]

    def has_lemma_of(self, asked: str, wanted: Mapping[Lang, frozenset[str]]) -> bool:
        """Does a word of the question, in any form the lexicon knows, have one of the wanted lemmas?"""
        return bool(self.lemmas_in(asked, wanted))

    def lemmas_in(self, asked: str, wanted: Mapping[Lang, frozenset[str]]) -> set[str]:
        """The wanted lemmas the question's words have, in any form the lexicon knows."""
        pairs: tuple[tuple[Lang, Lang], ...] = (("fi", "sv"), ("sv", "fi"))
        found: set[str] = set()
        for word in words(asked):
            for lang, other in pairs:
                # A word of the other language is not read as this one's: Finnish "koko" is not Swedish "koka".
                if self.retriever.known(word, other) and not self.retriever.known(word, lang):
                    continue
                found |= wanted[lang] & set(self.retriever.word_terms(word, lang, corrected=False))
        return found

    def speaks_of_the_goals_world(self, asked: str) -> bool:
        """Does the question name associations, municipalities, grants … (knowledge/intents.yaml, domain), in any
        form?"""
        return self.intents.any_of(asked, "domain") or self.has_lemma_of(asked, self._domain_lemmas)

    def names_the_goals_or_their_names(self, asked: str) -> bool:
        """The goals named as such ("tavoitteet", "målen") or by an everyday name of the intents' list."""
        return names_the_goals(asked) or self.has_lemma_of(asked, self.goal_names)


def names_the_goals(text: str) -> bool:
    """ "Montako tavoitetta KANE asetti?", "Hur många mål finns det?": the goals themselves are named."""
    return any(names_goals(word) for word in words(text))
