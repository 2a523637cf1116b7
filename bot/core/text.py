"""Text normalisation shared by retrieval, language choice and place recognition."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Bidi controls and other format characters can hide or reorder text on screen; they never carry meaning here.
_INVISIBLE = {"Cf", "Cc", "Cs", "Co", "Cn"}
# An abbreviation's case ending after a colon is part of the word, written as people also write it without one:
# "KANE:n" is "kanen", "KANE:s" is "kanes", "EU:ssa" is "eussa" (not "kane" and a stray "n").
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?::[^\W\d_]{1,4}(?![^\W\d_]))?|\d+", re.UNICODE)
# A full stop ends a sentence before a capital; before a small letter only after a word that is no abbreviation
# ("kautta. meillä on" ends one, as people typing on a phone rarely capitalise; "esim. asukasraadit", "t.ex. unga",
# "2. tavoite" go on).
# An emoji before a capital ends one too ("Hej från Hangö 👋 Hur ska …", a heart with its variation selector, a
# flag); before a small letter it is part of the sentence ("Nuorisovaltuusto 🤔 mitä KANE sanoo?").
# So does a text emoticon (":)", ":-D", ";p", ":))"): "Föreningsbidrag :) vad säger målen?" is one question.
_SENTENCE_END = re.compile(
    r"(?<=[!?…])\s+|(?<=\.)\s+(?=[A-ZÅÄÖ])|(?<=[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F])\s+(?=[A-ZÅÄÖ])|\n+"
    r"|(?<=[:;=][)(DPdp])\s+(?=[A-ZÅÄÖ])|(?<=[:;=]-[)(DPdp])\s+(?=[A-ZÅÄÖ])|(?<=[:;=][)(DPdp]{2})\s+(?=[A-ZÅÄÖ])"
)
_STOP_BEFORE_SMALL = re.compile(r"(?<![\w.])([^\W\d_]{3,})\.\s+(?=[a-zåäö])")
_ABBREVIATIONS = frozenset({
    "esim", "jne", "yms", "tms", "vrt", "klo", "puh", "prof", "nro", "ent", "mrd", "milj", "huom", "kpl",
    "dvs", "osv", "etc", "resp", "tel", "ang", "jfr", "inkl", "exkl", "obs", "mfl", "bla", "tex", "ung", "ngt",
})  # fmt: skip
FOLD_CACHE_SIZE = 8192  # words, a few hundred kB
_FOLD_TABLE = str.maketrans({"ä": "a", "å": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o", "š": "s", "ž": "z"})


def clean(text: str) -> str:
    """Drop control and bidi-override characters, normalise Unicode and collapse white space."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # no control, format (bidi) or unassigned characters: the common case, at C speed
        return " ".join(text.split())
    kept = (" " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _INVISIBLE)
    return " ".join("".join(kept).split())


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(word: str) -> str:
    """Case- and diacritic-fold one word, so that "Mitä" and "mita" compare equal.

    Remembered: the same words come back in every message, and each is folded many times over one message."""
    return word.casefold().translate(_FOLD_TABLE)


@lru_cache(maxsize=512)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in order, case-folded but with their diacritics kept.

    Language choice, intents, places, topics and retrieval each read the same question: it is split once."""
    return tuple(match.group(0).casefold().replace(":", "") for match in _WORD.finditer(text))


def word_spans(text: str) -> list[re.Match[str]]:
    """Where each of ``words(text)`` stands in the text as written: for cutting the text at a word."""
    return list(_WORD.finditer(text))


def sub_words(text: str, replace: Callable[[re.Match[str]], str]) -> str:
    """``text`` with each of its words (as ``words`` finds them) replaced by ``replace``, all else as written."""
    return _WORD.sub(replace, text)


@lru_cache(maxsize=512)
def folded_words(text: str) -> tuple[str, ...]:
    """``words(text)`` folded: every word list is compared with them, many times over one message."""
    return tuple(fold(word) for word in words(text))


# A lone surrogate ("\ud800" is valid JSON) cannot be encoded as UTF-8: SQLite, hashing and Telegram all refuse it.
# NUL is refused as text by PostgreSQL and cut short by C libraries. Both are replaced where text enters the bot.
_INVALID = re.compile("[\ud800-\udfff\x00]")


def valid_text(text: str) -> str:
    """``text`` with what no store or hash can take (unpaired surrogates, NUL) replaced by U+FFFD."""
    if text.isascii() and "\x00" not in text:
        return text
    return _INVALID.sub("\ufffd", text)


def valid_json(value: object) -> object:
    """Every string (keys too) of decoded JSON made valid with ``valid_text``; other values as they are."""
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, dict):
        return {valid_text(key) if isinstance(key, str) else key: valid_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [valid_json(item) for item in value]
    return value


def utf16_length(text: str) -> int:
    """Telegram counts a message's length in UTF-16 code units: an emoji outside the BMP is two."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF) if not text.isascii() else len(text)


def sentences(text: str) -> list[str]:
    """The text's sentences, stripped."""
    found: list[str] = []
    for part in _SENTENCE_END.split(text):
        start = 0
        for stop in _STOP_BEFORE_SMALL.finditer(part):
            if stop.group(1).casefold() not in _ABBREVIATIONS:
                found.append(part[start : stop.end(1) + 1])
                start = stop.end()
        found.append(part[start:])
    return [part.strip() for part in found if part and part.strip()]
