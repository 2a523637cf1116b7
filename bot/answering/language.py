"""Choosing the reply language: Finnish or Swedish, never flipped by a short or ambiguous message."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Container, Mapping
from functools import lru_cache
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from bot.answering.references import numeral_noun
from bot.core.lang import DEFAULT_LANG, Lang, LanguageContext, is_lang
from bot.core.text import clean, fold, words

# Below this a detection is a guess: "ok", "Hej", "2" or an emoji must never change the conversation's language.
MIN_LETTERS = 6
# Evidence is in natural-log odds (fi positive, sv negative). langdetect alone is unreliable on a word or two
# ("deliberatiivinen demokratia" comes out Swedish), so each word found in only one language's vocabulary adds
# WORD_EVIDENCE; langdetect's own odds are capped so they cannot outvote two such words.
LANGDETECT_CAP = 4.0
WORD_EVIDENCE = 3.5
CONFIDENT_EVIDENCE = 2.5
VOCABULARY_ONLY_WORDS = 2
# Another language: a message with at least this many letters, less than half of its words Finnish or Swedish, and
# langdetect (all its profiles) sure of a language that is neither. Norwegian and Danish are so close to Swedish that
# langdetect takes many a short Swedish question for them: they count only with words Swedish never writes
# (`_NORWEGIAN_OR_DANISH`), two of them alone or one with "ø" or "æ", or one where langdetect is sure ("Hva sier
# målene om …?", "Hvad mener KANE …?").
FOREIGN_MIN_LETTERS = 8
FOREIGN_MIN_SCRIPT_LETTERS = 3
FOREIGN_KNOWN_SHARE = 0.5
FOREIGN_PROBABILITY = 0.7
FOREIGN_MIN_WORD = 4
TYPO_MIN_WORD = 6  # shorter words are one letter from too many words of any language
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
LETTER_CACHE_SIZE = 1024
# Letters no Finnish or Swedish word has, of languages langdetect has no profile for: Icelandic and Faroese "ð", "þ"
# say it in one word ("Hvað er KANE?"); Maltese "ġ", "ħ", "ċ", "ż" and the macron vowels and glottal stop "ʻ" of
# Polynesian languages (Tongan, Samoan, Māori) only in two words or more, as one may be a name ("t. Aroha Tūhoe",
# "Sāmoa-seura"). Polish "ż" is another language too, whichever says it.
_NORDIC_ONLY_ELSEWHERE = frozenset("ðþ")
_UNPROFILED_LETTERS = frozenset("ġħċżāēīōūʻ")
UNPROFILED_WORDS = 2
NAMES = frozenset({"kane"})
# Words of Norwegian or Danish (as written, lower case) that no Swedish word is: the hv- question words, the pronouns.
_NORWEGIAN_OR_DANISH = frozenset({
    "hva", "hvad", "hvordan", "hvem", "hvor", "hvilke", "hvilken", "hvilket", "hvorfor", "hvornår", "jeg", "meg",
    "dere", "ikke", "ikkje", "skjønner", "forstår", "også", "noen", "nogen", "kommunene", "målene", "nogle",
    "blive", "bliver", "kunne", "hvis", "lurer",
})  # fmt: skip
NORWEGIAN_OR_DANISH = frozenset({"no", "da"})
NORDIC_MARKS = 2  # such words that say Norwegian or Danish without langdetect
_NORDIC_LETTERS = frozenset("øæ")
ENGLISH_COURTESY = frozenset({"hi", "hello", "thanks", "thank", "you", "please"})
SCANDINAVIAN = frozenset({"fi", "sv", "no", "da"})
SAMI_WORDS = Path(__file__).resolve().parent / "data" / "sami.txt"
# langdetect's languages written in the Latin alphabet: a text mostly in another script (Cyrillic, Arabic,
# Chinese …) is another language without asking, and loading only these costs half the time and memory.
LATIN_LANGUAGES = (
    "af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id", "it", "lt", "lv", "nl",
    "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi",
)  # fmt: skip


class LanguageDetector:
    """langdetect restricted to the Finnish and Swedish profiles and seeded, so the same text gives the same answer.

    Loading all 55 profiles makes "Vem kontaktar jag i Esbo?" Estonian and costs ~20 ms a call.
    """

    def __init__(self, vocabulary: Mapping[Lang, Container[str]] | None = None, seed: int = 0) -> None:
        # Looked up word by word, never merged: the vocabularies hold tens of thousands of forms each.
        self._fi: Container[str] = vocabulary["fi"] if vocabulary else frozenset()
        self._sv: Container[str] = vocabulary["sv"] if vocabulary else frozenset()
        self._sami = load_sami_words()
        self._seed = seed
        self._factory = self._load_factory(("fi", "sv"))
        self._all_languages: DetectorFactory | None = None  # loaded at the first message that may be another language

    def _load_factory(self, codes: tuple[str, ...]) -> DetectorFactory:
        factory = DetectorFactory()
        factory.load_json_profile([(Path(PROFILES_DIRECTORY) / code).read_text(encoding="utf-8") for code in codes])
        factory.set_seed(self._seed)
        return factory

    def foreign(self, text: str) -> bool:
        """Is ``text`` clearly in a language other than Finnish or Swedish (English, Russian, Estonian …)?"""
        letters = [char for char in text if char.isalpha()]
        latin = sum(map(_is_latin, letters))
        # Another script says it at once, even in a greeting of a few letters ("สวัสดีครับ", "Привет").
        if len(letters) >= FOREIGN_MIN_SCRIPT_LETTERS and latin * 2 < len(letters):
            return True
        tokens = [fold(word) for word in words(text) if not word.isdigit()]
        if tokens and all(token in ENGLISH_COURTESY for token in tokens):
            return True  # "Hi", "Thanks!": too short for any detection, and no word of Finnish or Swedish
        if len(letters) < FOREIGN_MIN_LETTERS:
            return False
        if self._mostly_sami(tokens):
            return True  # "Bures! Mii lea KANE?": a language of Finland langdetect has no profile for
        if self._norwegian_or_danish(text):
            return True  # "Hvem kan jeg kontakte …?": its words folded are in the Swedish vocabulary ("hvem", "vores")
        # Short words are shared across languages ("me", "in", "on", "mis", "a" are in the vocabularies too): the
        # words of four letters or more, names aside, say which language it is.
        tokens = [token for token in tokens if len(token) >= FOREIGN_MIN_WORD and token not in NAMES] or tokens
        if self._mostly_sami(tokens):
            return True  # "Buorre beaivi! Mat leat KANE mihttomearit?": short words shared ("mat") said nothing
        # A goal named by its numeral noun ("trean", "kolmosesta") is a word of ours, whatever the vocabulary holds:
        # "va e trean" is Swedish.
        known = sum(token in self._fi or token in self._sv or numeral_noun(token) is not None for token in tokens)
        if known >= FOREIGN_KNOWN_SHARE * len(tokens):
            return False
        # The one word not ours one typo from a word of ours ("vad ar KANE egentlgen"): a typo, not another
        # language; counted only now, when the message is short of known words, so ours pay nothing for it.
        unknown = [token for token in tokens if token not in self._fi and token not in self._sv]
        if (
            len(unknown) == 1
            and self._one_typo_from_ours(unknown[0])
            and known + 1 >= FOREIGN_KNOWN_SHARE * len(tokens)
        ):
            return False
        folded_text = text.casefold()
        if not _NORDIC_ONLY_ELSEWHERE.isdisjoint(folded_text) or (
            sum(not _UNPROFILED_LETTERS.isdisjoint(word) for word in folded_text.split()) >= UNPROFILED_WORDS
        ):
            # "Hvað er KANE?", "Bonġu … X'inhuma l-erba' għanijiet …": a language langdetect would take for another (a
            # name with such a letter, "Þórunn", in a Finnish or Swedish message was let through above).
            return True
        if self._all_languages is None:
            self._all_languages = self._load_factory(LATIN_LANGUAGES)
        detector = self._all_languages.create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return False
        if best.lang in NORWEGIAN_OR_DANISH and best.prob >= FOREIGN_PROBABILITY:
            return not _NORWEGIAN_OR_DANISH.isdisjoint(word.casefold() for word in words(text))
        return best.lang not in SCANDINAVIAN and best.prob >= FOREIGN_PROBABILITY

    @staticmethod
    def _norwegian_or_danish(text: str) -> bool:
        """Two words Swedish never writes ("hvem", "jeg"), or one beside a letter it never writes ("ø", "æ")."""
        written = [word.casefold() for word in words(text)]
        marks = sum(word in _NORWEGIAN_OR_DANISH for word in written)
        return marks >= NORDIC_MARKS or (marks >= 1 and any(not _NORDIC_LETTERS.isdisjoint(word) for word in written))

    def _one_typo_from_ours(self, token: str) -> bool:
        """Is the folded word one letter dropped, added, changed or two swapped from a Finnish or Swedish word?"""
        if len(token) < TYPO_MIN_WORD:
            return False
        splits = [(token[:i], token[i:]) for i in range(len(token) + 1)]
        variants = (
            *(left + right[1:] for left, right in splits if right),
            *(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1),
            *(left + letter + right[1:] for left, right in splits if right for letter in _LETTERS),
            *(left + letter + right for left, right in splits for letter in _LETTERS),
        )
        return any(variant in self._fi or variant in self._sv for variant in variants)

    def _mostly_sami(self, tokens: list[str]) -> bool:
        """More of the words are Sami than Finnish or Swedish, and at least half of them."""
        known = sum(token in self._fi or token in self._sv for token in tokens)
        sami = sum(token in self._sami for token in tokens)
        return sami > known and sami >= FOREIGN_KNOWN_SHARE * len(tokens)

    def probabilities(self, text: str) -> dict[Lang, float]:
        detector = self._factory.create()
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:  # no letters at all
            return {}
        return {item.lang: item.prob for item in found if is_lang(item.lang)}

    def word_evidence(self, text: str) -> float:
        """Log-odds from the words that only one language's vocabulary has."""
        evidence = 0.0
        for word in words(text):
            folded = fold(word)
            fi, sv = folded in self._fi, folded in self._sv
            # A word both languages use ("kane", "demokrati…" spelled alike) tells nothing.
            evidence += WORD_EVIDENCE * (fi and not sv) - WORD_EVIDENCE * (sv and not fi)
        return evidence

    def evidence(self, text: str) -> float:
        """Log-odds that ``text`` is Finnish rather than Swedish (negative: Swedish)."""
        probabilities = self.probabilities(text)
        fi, sv = probabilities.get("fi", 0.0), probabilities.get("sv", 0.0)
        odds = math.log((fi + 1e-9) / (sv + 1e-9)) if probabilities else 0.0
        return max(-LANGDETECT_CAP, min(LANGDETECT_CAP, odds)) + self.word_evidence(text)

    def confident(self, text: str) -> Lang | None:
        """The language of ``text`` if it is long enough and clear enough to trust, else None."""
        text = clean(text)
        if sum(len(word) for word in words(text) if not word.isdigit()) < MIN_LETTERS:
            return None
        evidence = self.word_evidence(text)
        # langdetect is most of the cost of a new question, and its capped odds cannot overturn this many words:
        # asking it would not change the answer. On a word or two it is a guess ("lokaler" comes out Finnish): a
        # word only one language's vocabulary has decides alone there.
        vocabulary_decides = len(words(text)) <= VOCABULARY_ONLY_WORDS and evidence != 0.0
        if abs(evidence) < CONFIDENT_EVIDENCE + LANGDETECT_CAP and not vocabulary_decides:
            evidence = self.evidence(text)
        if evidence >= CONFIDENT_EVIDENCE:
            return "fi"
        if evidence <= -CONFIDENT_EVIDENCE:
            return "sv"
        return None


def load_sami_words(path: Path = SAMI_WORDS) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def client_language(code: str | None) -> Lang | None:
    """Telegram's language_code is an IETF tag such as "sv", "sv-FI" or "fi"."""
    if not code:
        return None
    primary = code.split("-")[0].split("_")[0].lower()
    return primary if is_lang(primary) else None


def choose_language(
    text: str, context: LanguageContext, detector: LanguageDetector, hint: Lang | None = None, detect: bool = True
) -> Lang:
    """The user's explicit choice, then a confident detection, then their last language, then the client's, then fi.

    ``hint`` (the language of a greeting such as "Hej") is used only for someone the bot knows nothing about yet;
    ``detect=False`` is for small talk ("kiitos", "tack"), which must never switch an ongoing conversation.
    """
    if context.explicit is not None:
        return context.explicit
    detected = detector.confident(text) if detect else None
    if detected is not None:
        return detected
    if context.last is not None:
        return context.last
    client = client_language(context.client_code)
    if client is not None:
        return client
    return hint or DEFAULT_LANG


@lru_cache(maxsize=LETTER_CACHE_SIZE)
def _is_latin(letter: str) -> bool:
    """Is the letter of the Latin script? Asked of every letter of every message: remembered per letter."""
    return unicodedata.name(letter, "").startswith("LATIN")
