"""The forms of a municipality name in running text: stems, and the endings that attach to each stem.

Finnish inflects place names ("Lahti" → "Lahdessa", "Seinäjoki" → "Seinäjoella", "Huittinen" → "Huittisissa"),
so a name is described by a few stems, each with the endings it takes; a word names the place when it is one of the
stems plus one of its endings. The rules follow the Finnish noun types that occur among municipality names, with
consonant gradation (nk→ng, ht→hd, k→∅, nt→nn …) in the last syllable. Over-generation is harmless ("Tampereessa"
is not standard, but no word is spelled like it); knowledge/places.yaml lists the forms that are also ordinary words.

Stems keep their diacritics; endings are diacritic-folded, so one ending serves both vowel harmonies
("Jyväskylä|ssä" and "Turu|ssa" both end in "ssa").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

Case = Literal[
    "nom", "gen", "par", "ess", "tra", "ine", "ela", "ill", "ade", "abl", "all", "inhabitant", "sv_gen", "sv_inhabitant"
]  # fmt: skip
# Where and where to: what a routing question uses, and what ordinary words rarely share with a place name.
LOCAL_CASES: Final = frozenset({"ine", "ela", "ill", "ade", "abl", "all"})
# The cases worth forgiving a typo in: the ones a "whom do we contact in X" question uses.
TYPO_CASES: Final = frozenset({"nom", "gen", *LOCAL_CASES})

VOWELS: Final = frozenset("aeiouyäö")
# Old Finnish e-stem nouns that end many names: Seinäjoki → Seinäjoella, Rovaniemi → Rovaniemellä, Orivesi →
# Orivedellä. Loppi is a name of the same type (Lopella), and so is "uusi" inside Uusikaupunki (Uudessakaupungissa).
E_STEM_WORDS: Final = ("järvi", "joki", "lahti", "niemi", "mäki", "saari", "salmi", "koski", "vesi", "nummi", "lampi",
                       "loppi", "uusi")  # fmt: skip
# Lampi-names keep the i-stem too in official use (Rautalammilla, Toholammin).
BOTH_STEMS: Final = ("lampi",)
# Weak grades of the consonants that open the last syllable: Helsinki → Helsingi-, Lahte- → Lahde-, Turku → Turu-.
GRADATION: Final = (("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("nt", "nn"), ("lt", "ll"),
                    ("rt", "rr"), ("ht", "hd"), ("lk", "l"), ("rk", "r"))  # fmt: skip
SINGLE_GRADATION: Final = {"k": "", "t": "d", "p": "v"}
# The reverse, for names whose nominative has the weak grade: Pihtipudas → Pihtiputaalla, Punkalaidun → -laitumella.
STRENGTHENING: Final = (("ng", "nk"), ("mm", "mp"), ("nn", "nt"), ("ll", "lt"), ("rr", "rt"), ("hd", "ht"), ("d", "t"))
# Adjectives that agree with the noun inside a name: Uusikaupunki → Uudessakaupungissa, Isokyrö → Isossakyrössä.
AGREEING_PREFIXES: Final = ("uusi", "iso")
CLITICS: Final = ("kin", "kaan", "han", "ko")


def _endings(pairs: Mapping[str, Case]) -> Mapping[str, Case]:
    return MappingProxyType(dict(pairs))


def _merge(*parts: Mapping[str, Case]) -> Mapping[str, Case]:
    merged: dict[str, Case] = {}
    for part in parts:
        merged.update(part)
    return MappingProxyType(merged)


def fold_ending(ending: str) -> str:
    return ending.replace("ä", "a").replace("ö", "o")


NOMINATIVE: Final = _endings({"": "nom"})
# Spoken Finnish drops the last vowel of the local cases: "Turus", "Tampereel", "Helsingist", "Oulult".
SPOKEN: Final = _endings({"s": "ine", "st": "ela", "l": "ade", "lt": "abl"})
WEAK: Final = _merge(
    {"n": "gen", "ksi": "tra", "ssa": "ine", "sta": "ela", "lla": "ade", "lta": "abl", "lle": "all"}, SPOKEN
)
INHABITANT: Final = _endings(
    {
        "lai" + ending: "inhabitant"
        for ending in ("nen", "sen", "set", "sta", "sia", "sten", "sena", "seksi", "sessa", "sesta", "seen", "sella",
                       "selta", "selle", "sina", "siksi", "sissa", "sista", "siin", "silla", "silta", "sille", "sineen")
    }
)  # fmt: skip
# The inhabitant words have the longest endings ("lahte|laisineen").
LONGEST_ENDING: Final = max(map(len, INHABITANT))
SWEDISH: Final = _endings({"": "nom", "bo": "sv_inhabitant", "bor": "sv_inhabitant", "borna": "sv_inhabitant"})
SWEDISH_GENITIVE: Final = _merge(SWEDISH, {"s": "sv_gen"})

_VOWEL: Final = {
    v: _merge({"": "nom", "a": "par", "na": "ess", fold_ending(v) + "n": "ill"}, WEAK, INHABITANT) for v in VOWELS
}
# Swedish names in -ö take the h-illative in Finnish: Brändöhön, Eckeröhön, Vårdöhön.
_VOWEL["ö"] = _merge(_VOWEL["ö"], {"hon": "ill", "seen": "ill"})
_LONG: Final = {
    v: _merge({"": "nom", "ta": "par", "na": "ess", "seen": "ill", "h" + fold_ending(v) + "n": "ill"}, WEAK, INHABITANT)
    for v in VOWELS
}
_E_STEM_STRONG: Final = _merge({"a": "par", "na": "ess", "en": "ill"}, INHABITANT)
_HAME: Final = _merge(WEAK, {"na": "ess", "seen": "ill"})
_LOAN_I: Final = _merge(WEAK, {"a": "par", "na": "ess", "in": "ill"}, INHABITANT)
_CONSONANT_STEM: Final = _merge({"na": "ess", "en": "ill"}, WEAK)
_PARTITIVE_TA: Final = _endings({"ta": "par"})
_PARTITIVE_TTA: Final = _endings({"tta": "par"})
_NOMINATIVE_INHABITANT: Final = _merge(NOMINATIVE, INHABITANT)


@dataclass(frozen=True, slots=True)
class Stem:
    """A stem as written (case-folded, diacritics kept) and the folded endings it takes, with their case."""

    text: str
    endings: Mapping[str, Case]


def weaken(word: str) -> str:
    """The weak grade of a vowel-final stem: Helsinki → Helsingi, Lahte → Lahde, Joke → Joe, Kurikka → Kurika."""
    body, last = word[:-1], word[-1:]
    for strong, weak in GRADATION:
        if body.endswith(strong) and len(body) > len(strong):
            return body[: -len(strong)] + weak + last
    if len(body) >= 2 and body[-1] in SINGLE_GRADATION and body[-2] in VOWELS:
        return body[:-1] + SINGLE_GRADATION[body[-1]] + last
    return word


def strengthen(word: str) -> str:
    """The strong grade of a vowel-final stem whose last syllable is weak: Pihtipuda → Pihtiputa, Virra → Virta."""
    body, last = word[:-1], word[-1:]
    for weak, strong in STRENGTHENING:
        if body.endswith(weak) and len(body) > len(weak):
            return body[: -len(weak)] + strong + last
    return word


def finnish_stems(word: str) -> list[Stem]:
    """The stems of the (last) word of a Finnish name, case-folded, each with its endings."""
    for prefix in AGREEING_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return _plain_stems(word) + _agreeing(_plain_stems(prefix), _plain_stems(word[len(prefix) :]))
    return _plain_stems(word)


def swedish_stems(word: str) -> list[Stem]:
    """Swedish names take a genitive -s (Esbo stads) unless they end in a sibilant (Helsingfors stad)."""
    return [Stem(word, SWEDISH if word.endswith(("s", "x", "z")) else SWEDISH_GENITIVE)]


def full_forms(stems: Iterable[Stem]) -> dict[str, Case]:
    """Every form the stems make (folded only in the ending): for audits and tests, not for matching."""
    return {stem.text + ending: case for stem in stems for ending, case in stem.endings.items()}


def _plain_stems(word: str) -> list[Stem]:
    last = word[-1:]
    if not any(ch in VOWELS for ch in word):
        return [Stem(word, NOMINATIVE)]  # an abbreviation such as "Tl" in "Koski Tl"
    if word.endswith("nen"):
        return _nen(word)
    if last not in VOWELS:
        return _consonant(word)
    if len(word) >= 2 and word[-2] == last:
        return [Stem(word, _LONG[last])]  # Vantaa, Espoo, Kitee, Ii, Joensuu: no gradation, h-illative
    if last == "i" and word.endswith(E_STEM_WORDS):
        stems = _e_stem(word)
        return stems + _vowel(word) if word.endswith(BOTH_STEMS) else stems
    if last == "e":
        # Raahe|ssa like a vowel stem, Tamperee|lla like "hame"; a name may use either.
        return [Stem(word, _VOWEL["e"]), Stem(word + "e", _HAME), Stem(word + "t", _PARTITIVE_TA)]
    return _vowel(word)


def _vowel(word: str) -> list[Stem]:
    """Turku → Turussa, Turkuun; Helsinki → Helsingissä, Helsinkiin; Kotka → Kotkassa."""
    stems = [Stem(word, _VOWEL[word[-1]])]
    if word[-2:-1] in VOWELS:
        stems.append(Stem(word, _PARTITIVE_TA))  # Kuopio → Kuopiota, Raisio → Raisiota
    weak = weaken(word)
    # The strong stem takes the local endings too: no word is spelled "Turkussa", and Geta keeps its t (Getassa).
    return stems if weak == word else [*stems, Stem(weak, WEAK)]


def _e_stem(word: str) -> list[Stem]:
    """Lahti → Lahdessa, Lahteen, lahtelainen; Orivesi → Orivedellä, Oriveteen, Orivettä; Pietarsaari → -saarta."""
    if word.endswith("si"):
        strong, weak = word[:-2] + "te", word[:-2] + "de"
        partitive = Stem(word[:-2], _PARTITIVE_TTA)
    else:
        strong = word[:-1] + "e"
        weak = weaken(strong)
        partitive = Stem(word[:-1], _PARTITIVE_TA)
    return [Stem(word, _NOMINATIVE_INHABITANT), Stem(strong, _E_STEM_STRONG), Stem(weak, WEAK), partitive]


def _nen(word: str) -> list[Stem]:
    """Huittinen → Huittisen, Huittisissa (these names take the plural too), Huittisten, huittislainen."""
    base = word[:-3]
    return [
        Stem(word, NOMINATIVE),
        Stem(base + "se", _CONSONANT_STEM),
        Stem(base + "s", _merge({"ta": "par", "et": "nom", "ten": "gen"}, INHABITANT)),
        Stem(base + "si", _merge(WEAK, {"a": "par", "na": "ess", "in": "ill", "en": "gen"})),
    ]


def _consonant(word: str) -> list[Stem]:
    """Names ending in a consonant: Kannus, Alavus, Pihtipudas, Punkalaidun, Virrat, and loans like Sund, Korsnäs."""
    stems = [Stem(word, _merge(NOMINATIVE, _PARTITIVE_TA, INHABITANT)), Stem(word + "i", _LOAN_I)]
    body, last = word[:-1], word[-1]
    if last == "s":
        stems.append(Stem(body + "kse", _CONSONANT_STEM))  # Kannus → Kannuksessa, Nurmes → Nurmeksessa
        if body.endswith(("u", "y")):  # Alavus → Alavudella, Alavuteen; Varkaus → Varkaudessa
            stems += [Stem(body + "de", WEAK), Stem(body + "te", _E_STEM_STRONG), Stem(body + "t", _PARTITIVE_TA)]
        if body.endswith(("a", "ä")):  # Pihtipudas → Pihtiputaalla, Pihtiputaaseen
            stems.append(Stem(strengthen(body) + body[-1], _merge(WEAK, {"na": "ess", "seen": "ill"}, INHABITANT)))
    elif last == "n" and body[-1:] in VOWELS:  # Punkalaidun → Punkalaitumella, punkalaitumelainen
        stems.append(Stem(strengthen(body) + "me", _merge(_CONSONANT_STEM, INHABITANT)))
    elif last == "t" and body[-1:] in VOWELS:  # Virrat (plural of virta) → Virroilla, Virtain, Virtoihin, virtolainen
        strong = strengthen(body)
        rounded = "ö" if strong[-1] == "ä" else "o"
        weak_plural = body[:-1] + rounded + "i" if body[-1] in "aä" else body + "i"
        strong_plural = strong[:-1] + rounded + "i" if strong[-1] in "aä" else strong + "i"
        stems += [
            Stem(weak_plural, WEAK),
            Stem(strong_plural, _endings({"hin": "ill", "na": "ess"})),
            Stem(strong[:-1] + rounded, _merge({"jen": "gen", "ja": "par"}, INHABITANT)),
            Stem(strong, _merge({"in": "gen"}, INHABITANT)),
        ]
    return stems


def _agreeing(prefix: list[Stem], rest: list[Stem]) -> list[Stem]:
    """Uusi+kaupunki → Uudessa|kaupungi|ssa: the adjective takes the noun's case."""
    prefix_forms: dict[Case, set[str]] = {}
    for stem in prefix:
        for ending, case in stem.endings.items():
            if case not in ("nom", "inhabitant"):
                prefix_forms.setdefault(case, set()).add(stem.text + ending)
    return [
        Stem(form + stem.text, _endings({ending: case}))
        for stem in rest
        for ending, case in stem.endings.items()
        for form in sorted(prefix_forms.get(case, ()))
    ]
