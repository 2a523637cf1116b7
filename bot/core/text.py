"""Text normalisation shared by retrieval, language choice and place recognition."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Bidi controls and other format characters can hide or reorder text on screen; they never carry meaning here.
_INVISIBLE = {"Cf", "Cc", "Cs", "Co", "Cn"}
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+", re.UNICODE)
_FOLD_TABLE = str.maketrans({"ä": "a", "å": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o", "š": "s", "ž": "z"})


def clean(text: str) -> str:
    """Drop control and bidi-override characters, normalise Unicode and collapse white space."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():  # no control, format (bidi) or unassigned characters: the common case, at C speed
        return " ".join(text.split())
    kept = (" " if ch.isspace() else ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _INVISIBLE)
    return " ".join("".join(kept).split())


def fold(word: str) -> str:
    """Case- and diacritic-fold one word, so that "Mitä" and "mita" compare equal."""
    return word.casefold().translate(_FOLD_TABLE)


@lru_cache(maxsize=512)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in order, case-folded but with their diacritics kept.

    Language choice, intents, places, topics and retrieval each read the same question: it is split once."""
    return tuple(match.group(0).casefold() for match in _WORD.finditer(text))
