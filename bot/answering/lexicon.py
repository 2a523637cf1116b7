"""Lemma lookup for Finnish and Swedish from the tables that scripts/build_lexicon.py makes with simplemma."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container
from pathlib import Path

from bot.core.disk_cache import DiskCache, source_digest
from bot.core.lang import LANGS, Lang
from bot.core.text import fold

DATA = Path(__file__).resolve().parent / "data"
# Swedish definite endings ("äldrerådet", "invånarpanelen"): a compound simplemma does not know meets its base form
# through them, in the tables (scripts/build_lexicon.py) and for a question's words (retrieval).
SWEDISH_DEFINITE_ENDINGS = ("ets", "ens", "et", "en")

# Shorter words are mostly written words of their own ("sinne" is not "sine", "ottoo" may be "ottaa" or "ottoa").
MIN_EASTERN_WORD = 6
_DOUBLED = re.compile(r"([aeiouyäö])([bcdfghjklmnprstv])\2(?=[aeiouyäö])")


def eastern_written_forms(folded: str) -> list[str]:
    """Written forms an eastern Finnish (Savo, Karelia, Kainuu) word may stand for, folded: its consonants doubled
    between vowels made single ("tekkee", "kokkoukset", "pittää"), "-oo" for "-aa" ("maksoo", "rahhoo"), "ae" / "oe"
    for "ai" / "oi" ("kaekki", "oekeen"), "-oo" / "-ee" for "-oa" / "-eä" ("hilloo", "tärkee", "tärkeenä"). Only
    tried on words the lexicon does not know."""
    if len(folded) < MIN_EASTERN_WORD:
        return []
    forms = []
    single = _DOUBLED.sub(r"\1\2", folded)
    # One doubling at a time too: "osottammaan" is "osottamaan" (its "tt" is the written word's own).
    one_at_a_time = [folded[: m.start()] + m[1] + m[2] + folded[m.end() :] for m in _DOUBLED.finditer(folded)]
    for form in dict.fromkeys((folded, single, *one_at_a_time)):
        if form.endswith(("oo", "ee")):
            forms.append(form[:-1] + "a")  # "hilloo" is "hilloa", "tärkee" is "tärkeä" (folded)
        if form.endswith("oo"):
            forms.append(form[:-2] + "aa")  # "rahhoo" is "rahaa" in Savo
        forms.append(form.replace("ae", "ai").replace("oe", "oi"))
        if "ee" in form[:-2]:
            forms.append(form.replace("ee", "ea", 1))  # "tärkeenä" is "tärkeänä" (folded), "-ee-" for "-eä-"
    return [form for form in dict.fromkeys([single, *one_at_a_time, *forms]) if form != folded]


_POSSESSIVE_ENDINGS = ("nsa", "nsä", "mme", "nne", "ni", "si")
_TRANSLATIVE_POSSESSIVE = ("kseen", "kseni", "ksemme", "ksenne", "kseensa", "kseensä", "ksesi")
MIN_POSSESSIVE_STEM = 4


def without_possessive(folded: str) -> list[str]:
    """A Finnish word (folded or not) without its possessive suffix, as the tables list it: "ryhmästämme" → "ryhmästä",
    "kuntastrategiaansa" → "kuntastrategiaan", "vaaliohjelmassaan" → "vaaliohjelmassa", "mielenosoituksemme" →
    "mielenosoituksen", "kumppaneikseen" → "kumppaneiksi"."""
    forms = [
        folded[: -len(ending)] + "ksi"
        for ending in _TRANSLATIVE_POSSESSIVE
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_POSSESSIVE_STEM
    ]
    stems = [folded[: -len(ending)] for ending in _POSSESSIVE_ENDINGS if folded.endswith(ending)]
    if len(folded) > 3 and folded[-1] == "n" and folded[-2] == folded[-3] and folded[-2] in "aeiouyäö":
        stems.append(folded[:-2])  # the third person's long vowel: "-ssaan", "-lleen"
    for stem in stems:
        if len(stem) >= MIN_POSSESSIVE_STEM:
            forms += [stem, stem + "n"]  # "mielenosoitukse-mme" is "mielenosoituksen" without it
    return forms


class Lexicon:
    """Folded inflected form -> folded lemma, for the words the knowledge uses."""

    def __init__(
        self,
        tables: dict[Lang, dict[str, str]],
        digest: str = "",
        real_words: dict[Lang, frozenset[str]] | None = None,
    ) -> None:
        self._tables = tables
        self.digest = digest  # of the tables' files: what an index built with them depends on
        self._real_words = real_words or {lang: frozenset() for lang in LANGS}

    @classmethod
    def load(cls, folder: Path = DATA, cache: DiskCache | None = None) -> Lexicon:
        files = {lang: (folder / f"lexicon.{lang}.tsv").read_bytes() for lang in LANGS}
        neighbours = {lang: (folder / f"neighbours.{lang}.txt").read_bytes() for lang in LANGS}
        digest = hashlib.sha256(b"".join([*files.values(), *neighbours.values()])).hexdigest()
        key = cache.key("lexicon", source_digest(__file__), digest) if cache is not None else ""
        loaded = cache.load(key) if cache is not None else None
        if not (isinstance(loaded, tuple) and len(loaded) == 2 and set(loaded[0]) == set(LANGS)):
            loaded = (
                {lang: parse_table(files[lang].decode("utf-8")) for lang in LANGS},
                {lang: _words(neighbours[lang].decode("utf-8")) for lang in LANGS},
            )
            if cache is not None:
                cache.store(key, loaded)
        tables, real_words = loaded
        return cls(tables, digest, real_words)

    def lemma(self, word: str, lang: Lang) -> str | None:
        """The lemma of ``word`` if the knowledge uses it, else None."""
        return self._tables[lang].get(fold(word))

    def is_real_word(self, folded: str, lang: Lang) -> bool:
        """Is the folded word a word of the language one typo away from a word of the knowledge ("terve" from
        "tarve", "ganska" from "granska")? Such a word is no typo of it."""
        return folded in self._real_words[lang]

    def vocabulary(self, lang: Lang, stopwords: frozenset[str]) -> Container[str]:
        """The folded words of ``lang`` that the table or ``stopwords`` know, looked up without copying either."""
        return _Either(self._tables[lang], stopwords)


def _words(content: str) -> frozenset[str]:
    return frozenset(line for line in content.splitlines() if line and not line.startswith("#"))


def parse_table(content: str) -> dict[str, str]:
    """A lemma table as scripts/build_lexicon.py writes it: "form<TAB>lemma", or the form alone when it is its lemma."""
    table: dict[str, str] = {}
    for line in content.splitlines():
        form, _, lemma = line.partition("\t")
        table[form] = lemma or form
    return table


class _Either:
    def __init__(self, first: Container[str], second: Container[str]) -> None:
        self._first, self._second = first, second

    def __contains__(self, word: object) -> bool:
        return word in self._first or word in self._second
