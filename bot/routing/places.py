"""Recognising a municipality in a message, in Finnish or Swedish.

Each name is indexed by its stems (bot/place_forms.py: "Lahti" → lahti, lahte, lahde …) and a message word names
the place when it is a stem plus one of that stem's endings ("Lahdessa", "lahtelainen"). A word typed with ä, ö or å
is matched as written, and folded only into names that have the same letters where the word has them
("Jyväskylassa" is Jyväskylä, but the Swedish verb "vända" is not the city Vanda, nor "lähteä" Lahti).

Names that are also ordinary words ("salo", "aura", "sund") and single forms that are ("pellossa" is "in the
field") are listed in knowledge/places.yaml; they count only where the text treats them as a place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.content.directory import Directory, FormerMunicipality, Municipality
from bot.content.place_words import EMPTY_PLACE_WORDS, PlaceWords
from bot.core.text import clean, fold
from bot.routing.place_forms import (
    CLITICS,
    LOCAL_CASES,
    LONGEST_ENDING,
    TYPO_CASES,
    Case,
    Stem,
    finnish_stems,
    swedish_stems,
)

# Words with their case kept. Unlike bot.text.words, "S:t" (Sankt) stays one word and hyphenated names stay whole.
_WORD = re.compile(r"[^\W\d_]+(?::[^\W\d_]+)?(?:-[^\W\d_]+)*")
# Next to a name that is also an ordinary word, these say it is the place: "Salon kaupunki", "Sunds kommun".
PLACE_CUES = frozenset({
    "kunta", "kunnan", "kunnassa", "kunnasta", "kuntaan", "kunnalla", "kunnalta", "kunnalle", "kuntaa",
    "kaupunki", "kaupungin", "kaupungissa", "kaupungista", "kaupunkiin", "kaupungilla", "kaupungilta", "kaupungille",
    "kaupunkia", "kommun", "kommunen", "kommuns", "kommunens", "stad", "staden", "stads", "stadens",
})  # fmt: skip
# After these a capital letter starts a sentence and says nothing about the word. (clean() has joined the lines.)
_SENTENCE_END = frozenset(".!?…:;•")
# One typo is forgiven in words of 8 letters or more ("Turusssa", "Jyväskyä") naming a place of 4 letters or more.
# Shorter words are too near everyday ones: "vastaa" and "valtaa" are one letter from "Vantaa", "haluan" from
# "Halsuan". Ambiguous and multi-word names are never guessed.
TYPO_MIN_WORD = 8
TYPO_MIN_NAME = 4
# A message that is one word, answering "which municipality?", is a name: a typo is forgiven from 5 letters on
# ("Vanta", "Lahdesa"), still with the first letters right.
TYPO_MIN_EXPECTED = 5
# The first letters must be right: typos rarely hit them, and the everyday words one letter from a place mostly
# differ there ("rauhassa" / Raumassa, "rannalla" / Ranualla, "vaarassa" / Vaasassa, "pariisin" / Paraisin).
TYPO_SAME_START = 4
# "S:t Karins" is also written "St Karins", "St. Karins" and "Sankt Karins".
_SANKT = "s:t "
_SANKT_SPELLINGS = ("st ", "sankt ")

# Questions recur, and one message is read for places several times (the early checks, routing).
FIND_CACHE_SIZE = 1024

# The written local cases (folded) and their spoken forms, which drop the last vowel (place_forms.SPOKEN).
_SPOKEN_CASES = {"ssa": "s", "lla": "l", "sta": "st", "lta": "lt"}


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    municipality: Municipality
    start: int  # index of the first word
    ending: str  # after the stem: "ssa", "laiset"; "" for a base form; "typo" when a typo was forgiven
    words: int = 1  # how many words the name takes ("Pedersören kunnassa" takes 2)
    case: str = ""  # "ine", "gen", "inhabitant", "sv_gen" … (bot.place_forms.Case)
    former: FormerMunicipality | None = None  # the name was that of a municipality that joined ``municipality``


@dataclass(frozen=True, slots=True)
class _Entry:
    """One stem of one name: the words before it in a multi-word name, its endings, how careful to be."""

    municipality: Municipality
    before: tuple[str, ...]  # folded
    endings: Mapping[str, Case]
    ambiguous: bool
    stem: str  # as written (case-folded)
    former: FormerMunicipality | None = None


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # as in the message
    start: int
    end: int
    key: str  # case-folded, diacritics kept
    folded: str


_Found = tuple[PlaceMatch, bool]  # and whether the name is also an ordinary word
_Owner = tuple[Municipality, FormerMunicipality | None]
_TypoIndex = dict[str, tuple[list[str], list[tuple[_Owner, str, frozenset[str], int]]]]


class PlaceFinder:
    """Finds the municipalities a message names. Built once from the directory; ``find`` does no I/O."""

    def __init__(self, directory: Directory, words: PlaceWords | None = None) -> None:
        words = words or EMPTY_PLACE_WORDS
        self._find_all = lru_cache(maxsize=FIND_CACHE_SIZE)(self._find_all_places)
        # A local case that is an ordinary word is one in speech too ("pellolla", "pellol": in the field).
        self._ordinary_forms = words.ordinary_forms | {
            form.removesuffix(written) + spoken
            for form in words.ordinary_forms
            for written, spoken in _SPOKEN_CASES.items()
            if form.endswith(written)
        }
        self._not_typos = words.not_typos
        endings: dict[tuple[str, str, tuple[str, ...]], dict[str, Case]] = {}
        owners: dict[tuple[str, str, tuple[str, ...]], tuple[_Owner, bool]] = {}
        typo_stems: list[tuple[str, str, _Owner, Mapping[str, Case]]] = []
        # Each current municipality by its names, and each one that joined another by its old names (they lead to
        # the one it joined, which the reply then says).
        named: list[tuple[str, _Owner, list[tuple[str, list[Stem]]]]] = [
            (m.code, (m, None), _names_and_stems(m.name_fi, m.name_sv, words.aliases.get(m.code, ())))
            for m in directory.municipalities
        ]
        for former in directory.former:
            into = directory.municipality(former.into)
            if into is not None:
                spelled = _names_and_stems(former.name_fi, former.name_sv, words.aliases.get(former.code, ()))
                named.append((former.code, (into, former), spelled))
        for code, owner, spellings in named:
            for name, stems in spellings:
                ambiguous = fold(name) in words.ambiguous
                before = tuple(fold(part) for part in _WORD.findall(name)[:-1])
                guessable = not ambiguous and not before and len(fold(name)) >= TYPO_MIN_NAME
                for stem in stems:
                    key = (stem.text, code, before)
                    endings.setdefault(key, {}).update(stem.endings)
                    # A stem that an ambiguous name shares with a plain one of the same place is treated with care.
                    owners[key] = (owner, ambiguous or owners.get(key, (owner, False))[1])
                    if guessable:
                        typo_stems.append((stem.text, fold(stem.text), owner, stem.endings))
        self._marked: dict[str, list[_Entry]] = {}
        self._folded: dict[str, list[_Entry]] = {}
        for key, stem_endings in endings.items():
            (municipality, joined), ambiguous = owners[key]
            entry = _Entry(municipality, key[2], MappingProxyType(stem_endings), ambiguous, key[0], joined)
            self._marked.setdefault(key[0], []).append(entry)
            self._folded.setdefault(fold(key[0]), []).append(entry)
        # A cheap first test for each word: most words share their first three letters with no stem.
        self._heads = frozenset(key[:3] for key in self._folded)
        self._typos = _typo_index(typo_stems)

    @classmethod
    def from_directory(cls, directory: Directory, words: PlaceWords | None = None) -> PlaceFinder:
        return cls(directory, words)

    def find(self, text: str, fuzzy: bool = False) -> Municipality | None:
        """The first municipality the text names, or None. ``fuzzy`` also forgives one typo in a longer name."""
        matches = self.find_all(text, fuzzy)
        return matches[0].municipality if matches else None

    def match(self, text: str, fuzzy: bool = False, expected: bool = False) -> PlaceMatch | None:
        """The first place the text names, or None; ``expected``: see ``find_all``."""
        matches = self.find_all(text, fuzzy, expected)
        return matches[0] if matches else None

    def find_all(self, text: str, fuzzy: bool = False, expected: bool = False) -> list[PlaceMatch]:
        """Every municipality the text names, in order; ``start`` counts words of ``bot.text.clean(text)``.
        ``expected``: the bot has just asked for the municipality, so a message that is only a name is that name
        even where it is also an ordinary word ("salo"), and a typo is forgiven in a shorter word ("Vanta")."""
        return list(self._find_all(text, fuzzy, expected))  # one message is read for places several times

    def forget(self) -> None:
        """Forget the messages read so far (to measure what a new question costs)."""
        self._find_all.cache_clear()

    def _find_all_places(self, text: str, fuzzy: bool, expected: bool) -> tuple[PlaceMatch, ...]:
        text = clean(text)
        words = [_word(match) for match in _WORD.finditer(text)]
        found: list[PlaceMatch] = []
        shortest = TYPO_MIN_EXPECTED if expected and len(words) == 1 else TYPO_MIN_WORD
        for index in range(len(words)):
            here = self._exact(words, index) or (self._typo(words, index, shortest) if fuzzy else None)
            whole = expected and here is not None and here[0].words == len(words)  # the message is just the name
            if here is None or not (whole or self._accepted(*here, words, text)):
                continue
            match = here[0]
            # A multi-word name ends here: a shorter name found inside it ("Koski" in "Koski Tl") gives way.
            while found and found[-1].start >= match.start:
                found.pop()
            found.append(match)
        return tuple(found)

    def without_names(self, text: str) -> str:
        """The words of ``text`` that do not name a municipality: a place name says where, never what about, and
        a search of the goals would take "Oulussa" for a typo of "koulussa"."""
        matches = self.find_all(text)
        if not matches:
            return text
        named = {index for match in matches for index in range(match.start, match.start + match.words)}
        kept = [match.group(0) for index, match in enumerate(_WORD.finditer(clean(text))) if index not in named]
        return " ".join(kept)

    def _exact(self, words: list[_Word], index: int) -> _Found | None:
        word = words[index]
        if word.folded[:3] not in self._heads and word.folded[:2] not in self._heads:
            return None
        if word.key == word.folded:
            return self._match(words, index, self._folded, word.folded) or self._inhabitant_compound(words, index)
        return (
            self._match(words, index, self._marked, word.key)
            or self._match(words, index, self._folded, word.folded, written=word.key)
            or self._inhabitant_compound(words, index)
        )

    def _match(
        self, words: list[_Word], index: int, stems: dict[str, list[_Entry]], spelled: str, written: str | None = None
    ) -> _Found | None:
        """The longest name that ends in this word as a stem plus one of its endings (a clitic may follow)."""
        best: _Found | None = None
        for variant in (spelled, *(spelled[: -len(clitic)] for clitic in CLITICS if spelled.endswith(clitic))):
            for cut in range(len(variant), max(0, len(variant) - LONGEST_ENDING) - 1, -1):
                entries = stems.get(variant[:cut])
                if not entries:
                    continue
                ending = fold(variant[cut:])
                for entry in entries:
                    case = entry.endings.get(ending)
                    if case is None or (written is not None and not _same_marks(written, entry.stem)):
                        continue
                    length = len(entry.before) + 1
                    if _preceded_by(words, index, entry.before) and (best is None or length > best[0].words):
                        match = PlaceMatch(entry.municipality, index + 1 - length, ending, length, case, entry.former)
                        best = match, entry.ambiguous
            if best is not None:
                return best
        return None

    def _inhabitant_compound(self, words: list[_Word], index: int) -> _Found | None:
        """An inhabitant word as the first part of a compound: "helsinkiläisnuoret", "turkulaisjärjestöt"."""
        word = words[index]
        cut = word.folded.find("lais", 2)
        if cut < 0:
            return None
        for entry in self._folded.get(word.folded[:cut], ()):
            if "lainen" in entry.endings and not entry.before and _same_marks(word.key, entry.stem):
                match = PlaceMatch(entry.municipality, index, word.folded[cut:], 1, "inhabitant", entry.former)
                return match, entry.ambiguous
        return None

    def _typo(self, words: list[_Word], index: int, shortest: int = 0) -> _Found | None:
        word = words[index]
        if len(word.folded) < (shortest or TYPO_MIN_WORD) or word.folded in self._not_typos:
            return None
        candidates = self._typos.get(word.folded[:TYPO_SAME_START])
        if candidates is None:
            return None
        forms, owners = candidates
        best = process.extractOne(word.folded, forms, scorer=OSA.distance, score_cutoff=1)
        if best is None:
            return None
        (municipality, former), case, marks, stem_length = owners[best[2]]
        # ä, ö and å in the stem are no typo: "första" is not Forssa. (The ending's ä follows vowel harmony.)
        if not _marks(word.key[:stem_length]) <= marks:
            return None
        return PlaceMatch(municipality, index, "typo", 1, case, former), False

    def _accepted(self, match: PlaceMatch, ambiguous: bool, words: list[_Word], text: str) -> bool:
        """A name or form that is also an ordinary word must be used as a place."""
        first, last = words[match.start], words[match.start + match.words - 1]
        ordinary = match.ending != "typo" and last.folded in self._ordinary_forms
        if not ordinary and (not ambiguous or match.case in LOCAL_CASES or match.case == "inhabitant"):
            return True
        # A capital inside a sentence, or a message that is just the name, as in a reply to "which municipality?".
        # All capitals say nothing: "tavoite II" is a number.
        capitalised = first.text[:1].isupper() and not first.text.isupper()
        if capitalised and (match.words == len(words) or not _sentence_start(words, match.start, text)):
            return True
        before = words[match.start - 1].folded if match.start > 0 else ""
        after = words[match.start + match.words].folded if match.start + match.words < len(words) else ""
        return before in PLACE_CUES or after in PLACE_CUES


def _names_and_stems(name_fi: str, name_sv: str, aliases: Iterable[str]) -> list[tuple[str, list[Stem]]]:
    """Each name of a municipality with the stems of its last word: Finnish forms for the Finnish name, Swedish for
    the Swedish name, both for a name the languages share and for aliases."""
    named: list[tuple[str, list[Stem]]] = []
    shared = name_fi == name_sv
    candidates = [(name_fi, True, shared), *([] if shared else [(name_sv, False, True)])]
    candidates += [(alias, True, True) for alias in aliases]
    for name, finnish, swedish in candidates:
        for spelling in _spellings(name):
            parts = _WORD.findall(spelling)
            if not parts:
                continue
            last = parts[-1].casefold()
            stems = (finnish_stems(last) if finnish else []) + (swedish_stems(last) if swedish else [])
            named.append((spelling, stems))
    return named


def _spellings(name: str) -> list[str]:
    if name.casefold().startswith(_SANKT):
        return [name, *(other + name[len(_SANKT) :] for other in _SANKT_SPELLINGS)]
    return [name]


def _typo_index(stems: list[tuple[str, str, _Owner, Mapping[str, Case]]]) -> _TypoIndex:
    """Whole folded forms in the cases a routing question uses, by their first letters."""
    index: _TypoIndex = {}
    seen: set[str] = set()
    for written, folded, owner, endings in stems:
        marks = _marks(written)
        for ending, case in endings.items():
            form = folded + ending
            if case in TYPO_CASES and len(form) >= TYPO_MIN_EXPECTED - 1 and form not in seen:
                seen.add(form)
                forms, owners = index.setdefault(form[:TYPO_SAME_START], ([], []))
                forms.append(form)
                owners.append((owner, case, marks, len(written)))
    return index


def _marks(word: str) -> frozenset[str]:
    """The letters with diacritics in a word."""
    return frozenset(ch for ch in word if ch != fold(ch))


def _word(match: re.Match[str]) -> _Word:
    key = match.group(0).casefold()
    if ":" in key and not key.startswith(_SANKT[:3]):
        key = key.split(":")[0]  # an ending after a colon, as after an abbreviation: "Koski Tl:n", "Ii:ssä"
    return _Word(match.group(0), match.start(), match.end(), key, fold(key))


def _preceded_by(words: list[_Word], index: int, before: tuple[str, ...]) -> bool:
    if index < len(before):
        return False
    return all(words[index - len(before) + offset].folded == part for offset, part in enumerate(before))


def _same_marks(written: str, stem: str) -> bool:
    """Every ä, ö or å the word has within the stem is in the stem too."""
    return all(ch == fold(ch) or ch == stem_ch for ch, stem_ch in zip(written, stem, strict=False))


def _sentence_start(words: list[_Word], index: int, text: str) -> bool:
    if index == 0:
        return True
    return any(ch in _SENTENCE_END for ch in text[words[index - 1].end : words[index].start])
