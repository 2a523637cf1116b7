"""Recognising a municipality in a message, in Finnish or Swedish.

Finnish inflects place names ("Helsingissä", "Lahdessa", "Seinäjoella", "espoolainen"), so each name is indexed by
its possible stems (with consonant gradation: nk→ng, ht→hd, k→∅, nt→nn …) and a message word matches when it is a
stem plus a known ending. Names that are also ordinary words count only where the text treats them as a place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.directory import Directory, Municipality
from bot.text import clean, fold
from bot.yamlfile import Problem, display_path, read_yaml

VOWELS = "aeiouyäö"
# Weak grades of the consonants before a Finnish name's last vowel: Helsinki→Helsingissä, Lahti→Lahdessa.
GRADATION = (
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("nt", "nn"), ("lt", "ll"), ("rt", "rr"),
    ("ht", "hd"), ("lk", "l"), ("rk", "r"), ("k", ""), ("t", "d"), ("p", "v"),
)  # fmt: skip
LOCAL_CASES = ("ssa", "sta", "lla", "lta", "lle", "hin", "seen", "an", "en", "in", "on", "un", "yn")
INHABITANT = ("lainen", "laisen", "laiset", "laista", "laisia", "laisten", "laisille", "laiselle", "laisena",
              "laisina", "laisissa", "laisesta", "laisella", "laisilta", "laisiin", "laisemme")  # fmt: skip
FINNISH_ENDINGS = ("", "n", *LOCAL_CASES, *INHABITANT)
_FRONT = str.maketrans("aou", "äöy")
# Words typed with ä/ö are matched as written, so their endings need front vowels too (Jyväskylä|ssä).
ENDINGS_AS_WRITTEN = tuple(dict.fromkeys([*FINNISH_ENDINGS, *(ending.translate(_FRONT) for ending in FINNISH_ENDINGS)]))
SWEDISH_ENDINGS = ("", "s")
PLACE_CUES = frozenset({"kunta", "kunnassa", "kunnan", "kaupunki", "kaupungissa", "kaupungin", "kommun", "kommunen",
                        "kommuns", "stad", "staden", "stads", "i", "in", "fran", "till"})  # fmt: skip
TYPO_MIN_LENGTH = 8
MIN_TYPO_STEM = 4
ILLATIVES = ("an", "en", "in", "on", "un", "yn")
_MARKED = frozenset("äöå")
TYPO_ENDINGS = ("", "n", "ssa", "sta", "lla", "lta", "lle")


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    municipality: Municipality
    start: int  # index of the first word
    ending: str


@dataclass(frozen=True, slots=True)
class PlaceWords:
    aliases: Mapping[str, tuple[str, ...]]
    ambiguous: frozenset[str]


def check_place_words(root: Path, codes: set[str]) -> tuple[PlaceWords, list[Problem]]:
    path = root / "places.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    empty = PlaceWords({}, frozenset())
    if problems:
        return empty, problems
    if not isinstance(data, Mapping):
        return empty, [Problem(shown, "must have 'aliases' and 'ambiguous'")]
    aliases: dict[str, tuple[str, ...]] = {}
    raw_aliases = data.get("aliases") or {}
    if not isinstance(raw_aliases, Mapping):
        problems.append(Problem(shown, "must map municipality codes to lists of names", entry="aliases"))
        raw_aliases = {}
    for code, names in raw_aliases.items():
        if str(code) not in codes:
            problems.append(Problem(shown, "is not a municipality code", entry=f"aliases.{code}"))
        elif not isinstance(names, list) or not all(isinstance(name, str) and name for name in names):
            problems.append(Problem(shown, "must be a list of names", entry=f"aliases.{code}"))
        else:
            aliases[str(code)] = tuple(names)
    ambiguous = data.get("ambiguous") or []
    if not isinstance(ambiguous, list) or not all(isinstance(name, str) for name in ambiguous):
        problems.append(Problem(shown, "must be a list of names", entry="ambiguous"))
        ambiguous = []
    return PlaceWords(aliases, frozenset(fold(name) for name in ambiguous)), problems


def finnish_stems(name: str) -> set[str]:
    """The forms of a Finnish name that case endings attach to: Tampere→tampere, tamperee; Lahti→lahti, lahte,
    lahde; Helsinki→helsingi; Turku→turu; Kauniainen→kauniaise."""
    word = name.casefold()
    stems = {word}
    if word.endswith("nen"):
        stems |= {word[:-3] + "se", word[:-3] + "si"}
    if word.endswith("s"):  # Kannus → Kannuksessa, Nurmes → Nurmeksessa, Muhos → Muhoksella
        stems.add(word[:-1] + "kse")
    if not word or word[-1] not in VOWELS:
        return stems
    last = word[-1]
    bases = {word[:-1]}
    stems.add(word + last)  # Tampere → Tampereella, Hyvinkää → Hyvinkäällä stays as is
    if last == "i":
        stems.add(word[:-1] + "e")  # Lahti → Lahte-, Rovaniemi → Rovanieme-
    body = word[:-1]
    for strong, weak in GRADATION:
        if body.endswith(strong) and len(body) > len(strong) and (body[-len(strong) - 1] in VOWELS or len(strong) > 1):
            graded = body[: -len(strong)] + weak
            bases.add(graded)
            stems |= {graded + last, graded + "e"} if last == "i" else {graded + last}
            break
    return {stem for stem in stems if len(stem) >= 2} | ({word[:-1] + "e"} if last == "e" else set())


class PlaceFinder:
    """Finds the municipality a message names. Built once from the directory; ``find`` does no I/O."""

    def __init__(self, directory: Directory, words: PlaceWords | None = None) -> None:
        words = words or PlaceWords({}, frozenset())
        self._ambiguous = words.ambiguous
        # Two of each index: as written (case-folded) for words with ä, ö or å, and diacritic-folded for words
        # without them ("Jyvaskylassa"). Folding a word that has them would make the verb "vända" the city "Vanda".
        self._finnish: dict[str, set[str]] = {}  # folded stem → codes
        self._exact: dict[str, set[str]] = {}  # folded word or phrase → codes (Swedish names, aliases)
        self._finnish_marked: dict[str, set[str]] = {}
        self._exact_marked: dict[str, set[str]] = {}
        self._by_code = {m.code: m for m in directory.municipalities}
        self._ambiguous_codes = {
            m.code
            for m in directory.municipalities
            if fold(m.name_fi) in words.ambiguous or fold(m.name_sv) in words.ambiguous
        }
        for m in directory.municipalities:
            for name in (m.name_fi, m.name_sv, *words.aliases.get(m.code, ())):
                parts = [part.casefold() for part in _tokens(name)]
                for ending in SWEDISH_ENDINGS:
                    self._add(self._exact, self._exact_marked, " ".join(parts) + ending, m.code)
                if len(parts) == 1:
                    for stem in finnish_stems(name):
                        self._add(self._finnish, self._finnish_marked, stem, m.code)
        self._longest_phrase = max((key.count(" ") + 1 for key in self._exact), default=1)
        # For one typo: whole common forms ("tampereella"), so a typo in the ending is forgiven too.
        self._typo_forms: dict[str, str] = {}
        self._typo_forms_marked: dict[str, str] = {}
        for forms, index, endings in (
            (self._typo_forms, self._finnish, TYPO_ENDINGS),
            (
                self._typo_forms_marked,
                self._finnish_marked,
                tuple({*TYPO_ENDINGS, *(e.translate(_FRONT) for e in TYPO_ENDINGS)}),
            ),
        ):
            for stem, codes in index.items():
                if len(stem) >= MIN_TYPO_STEM:
                    for ending in endings:
                        forms.setdefault(stem + ending, min(codes))
        self._typo_keys = list(self._typo_forms)
        self._typo_keys_marked = list(self._typo_forms_marked)

    @staticmethod
    def _add(folded: dict[str, set[str]], marked: dict[str, set[str]], key: str, code: str) -> None:
        folded.setdefault(fold(key), set()).add(code)
        marked.setdefault(key, set()).add(code)

    def find(self, text: str, fuzzy: bool = False) -> Municipality | None:
        """The first municipality the text names, or None. ``fuzzy`` also accepts one typo in longer names."""
        matches = self.find_all(text, fuzzy)
        return matches[0].municipality if matches else None

    def find_all(self, text: str, fuzzy: bool = False) -> list[PlaceMatch]:
        original = _tokens(clean(text))
        tokens = [token.casefold() if _MARKED & set(token.casefold()) else fold(token) for token in original]
        found: list[PlaceMatch] = []
        index = 0
        while index < len(tokens):
            match = self._phrase_at(tokens, index) or self._word_at(tokens, index, fuzzy)
            if match is not None:
                code, ending, length = match
                if self._accept(code, ending, original, index):
                    found.append(PlaceMatch(self._by_code[code], index, ending))
                index += length
            else:
                index += 1
        return found

    def _phrase_at(self, tokens: list[str], index: int) -> tuple[str, str, int] | None:
        for length in range(min(self._longest_phrase, len(tokens) - index), 1, -1):
            phrase = " ".join(tokens[index : index + length])
            codes = (self._exact_marked if _MARKED & set(phrase) else self._exact).get(phrase)
            if codes:
                return min(codes), "", length
        return None

    def _word_at(self, tokens: list[str], index: int, fuzzy: bool) -> tuple[str, str, int] | None:
        token = tokens[index]
        marked = bool(_MARKED & set(token))
        codes = (self._exact_marked if marked else self._exact).get(token)
        if codes:
            return min(codes), "", 1
        stems = self._finnish_marked if marked else self._finnish
        for ending in ENDINGS_AS_WRITTEN if marked else FINNISH_ENDINGS:
            if ending and not token.endswith(ending):
                continue
            stem = token[: len(token) - len(ending)] if ending else token
            # An illative lengthens the stem's own vowel (Lahte|en, Pori|in): "lähtien" is not Lahti.
            if fold(ending) in ILLATIVES and (not stem or fold(stem[-1]) != fold(ending[0])):
                continue
            codes = stems.get(stem)
            if codes:
                return min(codes), ending, 1
        if fuzzy and len(token) >= TYPO_MIN_LENGTH:
            forms = self._typo_forms_marked if marked else self._typo_forms
            keys = self._typo_keys_marked if marked else self._typo_keys
            best = process.extractOne(token, keys, scorer=Levenshtein.distance, score_cutoff=1)
            if best is not None and str(best[0])[:2] == token[:2]:
                return forms[best[0]], "typo", 1
        return None

    def _accept(self, code: str, ending: str, original: list[str], index: int) -> bool:
        """A name that is also an ordinary word must be used as a place."""
        if code not in self._ambiguous_codes:
            return True
        if fold(ending) in LOCAL_CASES or fold(ending) in INHABITANT or ending == "typo":
            return True
        word = original[index]
        capitalised = word[:1].isupper() and index > 0
        before = fold(original[index - 1]) if index > 0 else ""
        after = fold(original[index + 1]) if index + 1 < len(original) else ""
        return capitalised or before in PLACE_CUES or after in PLACE_CUES


def _tokens(text: str) -> list[str]:
    """Words with their case kept; "S:t" stays one word, and hyphenated names stay whole."""
    import re

    return re.findall(r"[^\W\d_]+(?::[^\W\d_]+)?(?:-[^\W\d_]+)*", text)
