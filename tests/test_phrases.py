"""The phrase patterns of knowledge/intents.yaml: prefixes, numbers, first words, and ä, ö and å as written."""

from __future__ import annotations

import pytest
import yaml

from bot.assistant import Assistant
from bot.content.intents import Phrases, parse_phrase
from bot.core.text import folded_words, words
from tests.conftest import KNOWLEDGE


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


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        # a spoken particle between a phrase's words carries nothing
        ("kane tarkoittaa", "Mitä KANE oikein tarkoittaa?", True),
        ("vad är kane", "Vad är egentligen KANE?", True),
        # any other word between them does
        ("kane tarkoittaa", "Mitä KANE ja kunta tarkoittaa?", False),
    ],
)
def test_a_phrase_reads_through_spoken_particles(assistant: Assistant, pattern: str, text: str, expected: bool) -> None:
    fillers = frozenset().union(*assistant.intents.words["fillers"].values())
    assert Phrases((parse_phrase(pattern),), fillers).found_in(folded_words(text), frozenset(), words(text)) is expected


def test_a_phrase_covers_the_tokens_it_occurs_over() -> None:
    phrases = Phrases((parse_phrase("i stora drag"), parse_phrase("vad skriver")))
    assert phrases.covered(folded_words("Vad skriver KANE, i stora drag?")) == {0, 1, 3, 4, 5}
    assert phrases.covered(folded_words("Stora mål och drag")) == set()


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        # the words of a list's phrases are set aside as its single words are
        ("Vad vill KANE i stora drag?", "all_goals", {"vill", "kane"}),
        ("Vad skriver KANE om äldreråden?", "goals_frame", {"om", "äldreråden"}),
        # what the asker writes is no frame
        ("Vem läser det jag skriver här?", "goals_frame", {"vem", "läser", "det", "jag", "skriver", "här"}),
    ],
)
def test_without_sets_aside_a_lists_phrases_too(assistant: Assistant, text: str, name: str, kept: set[str]) -> None:
    assert set(assistant.intents.without(text, name).split()) == kept


def test_every_phrase_of_the_intents_reads_as_a_message_is_split_into_words() -> None:
    # A message loses its colons, commas and hyphens at a word's end when read ("EU:lta" is "eulta"): a phrase
    # written with one could never match ("eu:lta rahaa" never did).
    data = yaml.safe_load((KNOWLEDGE / "intents.yaml").read_text(encoding="utf-8"))

    def phrases(value: object) -> list[str]:
        if isinstance(value, dict):
            return [phrase for item in value.values() for phrase in phrases(item)]
        if isinstance(value, list):
            return [item for item in value if isinstance(item, str)]
        return []

    unreadable = [
        phrase
        for phrase in phrases(data)
        if list(words(plain := phrase.replace("*", "").removeprefix("^").replace("# ", ""))) != plain.split()
    ]
    assert unreadable == []
