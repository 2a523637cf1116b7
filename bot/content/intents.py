"""Small word lists (knowledge/intents.yaml) that tell what kind of message arrived before any search."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.core.lang import LANGS, Lang
from bot.core.text import fold, words
from bot.core.yamlfile import Problem, display_path, read_yaml

INTENT_NAMES = ("greeting", "thanks", "routing", "routing_who", "routing_duty", "out_of_scope")


_MARKED = frozenset("äöå")
MIN_STEM = 5  # shorter words ("pass", "tv") must match whole: "passar" is not a passport


@dataclass(frozen=True, slots=True)
class Intents:
    words: Mapping[str, Mapping[Lang, frozenset[str]]]  # diacritics folded
    written: Mapping[str, Mapping[Lang, frozenset[str]]]  # as written, case-folded
    everyday_prefixes: tuple[str, ...] = ()  # out-of-scope stems long enough to match as prefixes
    everyday_exact: frozenset[str] = frozenset()  # short out-of-scope words, folded, that cannot be confused
    everyday_written: frozenset[str] = frozenset()  # short out-of-scope words as written ("sää")

    @classmethod
    def build(
        cls, words: Mapping[str, Mapping[Lang, frozenset[str]]], written: Mapping[str, Mapping[Lang, frozenset[str]]]
    ) -> Intents:
        folded = {word for lang in LANGS for word in words["out_of_scope"][lang] if " " not in word}
        as_written = {word for lang in LANGS for word in written["out_of_scope"][lang]}
        # A short word whose folded form differs ("sää" → "saa", which means "gets") must match as written.
        ambiguous = {fold(word) for word in as_written if fold(word) != word and len(word) < MIN_STEM}
        return cls(
            words,
            written,
            tuple(sorted(stem for stem in folded if len(stem) >= MIN_STEM)),
            frozenset(stem for stem in folded if len(stem) < MIN_STEM) - ambiguous,
            frozenset(as_written),
        )

    def only(self, text: str, *names: str) -> bool:
        """True if every word of ``text`` belongs to one of the named lists (in either language)."""
        tokens = [fold(word) for word in words(text)]
        vocabulary = {word for name in names for lang in LANGS for word in self.words[name][lang]}
        return bool(tokens) and all(token in vocabulary for token in tokens)

    def any_of(self, text: str, name: str) -> bool:
        """True if some word of ``text`` is in the named list (in either language). A word written with ä, ö or å
        must match with them: folded, "vår" (our) would be "var" (where)."""
        for word in words(text):
            marked = bool(set(word) & _MARKED)
            for lang in LANGS:
                if (word in self.written[name][lang]) if marked else (fold(word) in self.words[name][lang]):
                    return True
        return False

    def everyday(self, text: str) -> bool:
        """Does the text use a word stem from the out-of-scope list ("passin", "skattedeklarationen")?"""
        for word in words(text):
            folded = fold(word)
            if folded.startswith(self.everyday_prefixes) or word in self.everyday_written:
                return True
            if folded in self.everyday_exact and not _MARKED & set(word):
                return True
        return False

    def asks_whom(self, text: str) -> bool:
        """Does the message ask whom to contact (or who handles something)?"""
        return self.any_of(text, "routing") or (self.any_of(text, "routing_who") and self.any_of(text, "routing_duty"))

    def language_of(self, text: str, name: str) -> Lang | None:
        """The one language whose list holds all of the text's words, if only one does."""
        tokens = {fold(word) for word in words(text)}
        fits = [lang for lang in LANGS if tokens and tokens <= self.words[name][lang]]
        return fits[0] if len(fits) == 1 else None


def check_intents(root: Path) -> tuple[Intents, list[Problem]]:
    path = root / "intents.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    lists: dict[str, dict[Lang, frozenset[str]]] = {name: dict.fromkeys(LANGS, frozenset()) for name in INTENT_NAMES}
    written: dict[str, dict[Lang, frozenset[str]]] = {name: dict.fromkeys(LANGS, frozenset()) for name in INTENT_NAMES}
    if problems:
        return Intents.build(lists, written), problems
    for name in INTENT_NAMES:
        section = data.get(name) if isinstance(data, Mapping) else None
        for lang in LANGS:
            items = section.get(lang) if isinstance(section, Mapping) else None
            if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
                problems.append(Problem(shown, "must be a non-empty list of words", entry=name, field=lang))
                continue
            lists[name][lang] = frozenset(fold(item) for item in items)
            written[name][lang] = frozenset(item.casefold() for item in items)
    return Intents.build(lists, written), problems
