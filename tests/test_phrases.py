"""The phrase patterns of knowledge/intents.yaml: prefixes, numbers, first words, and ä, ö and å as written."""

from __future__ import annotations

import pytest

from bot.content.intents import Phrases, parse_phrase
from bot.core.text import folded_words, words


def found(pattern: str, text: str, starts: frozenset[int] = frozenset({0})) -> bool:
    return Phrases((parse_phrase(pattern),)).found_in(folded_words(text), starts, words(text))


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("# euro*", "Saako yhdistys 2000 euroa?", True),
        ("# euro*", "Saako yhdistys euroja?", False),
        ("# euro*", "Det 4:e målet", False),
        ("kuinka monta", "Kuinka monta tavoitetta on?", True),
        ("miljon*", "Hur påverkas miljön?", False),  # a plain pattern never matches a word written with ö
        ("miljon*", "Kostar det miljoner?", True),
        ("valittaa", "Miksi kunnan pitäisi välittää?", False),  # välittää (to care) is no valittaa (to appeal)
        ("valittaa", "Voiko päätöksestä valittaa?", True),
        ("mennessä", "mihin mennessa hakemus?", True),  # a marked pattern still matches a word typed without it
        ("^milloin", "Kerro milloin", False),  # only as a sentence's first word
        ("^milloin", "Milloin vaalit ovat?", True),
    ],
)
def test_a_phrase_matches_as_written(pattern: str, text: str, expected: bool) -> None:
    assert found(pattern, text) is expected
