"""Direct references to a goal by number: "tavoite 2", "kolmas tavoite", "mål 3", "fjärde målet", "goal 4"."""

from __future__ import annotations

import re

from bot.core.lang import Lang
from bot.core.text import clean, fold

# Text is folded before matching, so "mål" is "mal" and "neljäs" is "neljas".
_NUMBER_WORDS = {
    "1": 1, "2": 2, "3": 3, "4": 4,
    "yksi": 1, "yhden": 1, "ykkonen": 1, "kaksi": 2, "kahden": 2, "kakkonen": 2,
    "kolme": 3, "kolmen": 3, "kolmonen": 3, "nelja": 4, "neljan": 4, "nelonen": 4,
    "ett": 1, "en": 1, "tva": 2, "tre": 3, "fyra": 4,
    "one": 1, "two": 2, "three": 3, "four": 4,
}  # fmt: skip
_ORDINALS = (
    (re.compile(r"^(ensimmai\w*|1\.|1:a|forsta|first)$"), 1),
    (re.compile(r"^(toinen|toise\w*|2\.|2:a|andra|second)$"), 2),
    (re.compile(r"^(kolmas|kolmanne\w*|3\.|3:e|tredje|third)$"), 3),
    (re.compile(r"^(neljas|neljanne\w*|4\.|4:e|fjarde|fourth)$"), 4),
)
_GOAL_WORD = re.compile(r"^(tavoit\w*|malet|mal|malen|goals?)$")
_GOAL_WORD_LANG: tuple[tuple[re.Pattern[str], Lang], ...] = (
    (re.compile(r"^tavoit\w*$"), "fi"),
    (re.compile(r"^(malet|mal|malen)$"), "sv"),
)
_FILLER = frozenset({"nro", "nr", "numero", "nummer", "no", "n:o", "numro"})
_TOKEN = re.compile(r"\d+[.:]?[ae]?|[^\W\d_]+(?::[ae])?", re.UNICODE)


def _ordinal(token: str) -> int | None:
    for pattern, number in _ORDINALS:
        if pattern.match(token):
            return number
    return None


def goal_reference(text: str) -> int | None:
    """The goal number the text refers to directly, or None. Only goals 1-4 exist."""
    tokens = [match.group(0) for match in _TOKEN.finditer(fold(clean(text)))]
    for index, token in enumerate(tokens):
        if not _GOAL_WORD.match(token):
            continue
        following = [word for word in tokens[index + 1 : index + 3] if word not in _FILLER][:1]
        for word in following:
            number = _NUMBER_WORDS.get(word.rstrip(".:")) or _ordinal(word)
            if number is not None:
                return number
        # Before the goal word only an ordinal counts: "kolmas tavoite" is goal 3, "kolme tavoitetta" is all of them.
        number = _ordinal(tokens[index - 1]) if index > 0 else None
        if number is not None:
            return number
    return None


def goal_word_language(text: str) -> Lang | None:
    """The language of the word for "goal" in a short reference such as "mål 2?" (too short to detect)."""
    for token in _TOKEN.findall(fold(clean(text))):
        for pattern, lang in _GOAL_WORD_LANG:
            if pattern.match(token):
                return lang
    return None
