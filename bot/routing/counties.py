"""Recognising a wellbeing services county named in a message: "Pirkanmaan hyvinvointialue", "Österbottens
välfärdsområde", "Keski-Suomessa". Its short name, in either language, in any of its common forms."""

from __future__ import annotations

from bot.content.directory import Directory, WellbeingCounty
from bot.core.text import fold, words

# Inflection adds a few letters ("Pirkanmaa" → "Pirkanmaan", "Österbotten" → "Österbottens", "Lappi" → "Lapissa");
# the stem drops the last letter, so "Lappi" is matched by "lapi…" and "lapp…" alike.
MAX_ENDING = 5
MIN_STEM = 4
HEAD = 3  # every stem keeps at least its first three letters


class CountyFinder:
    def __init__(self, directory: Directory) -> None:
        # Names by the first letters of their last word: a message's words are looked up, not every name tried.
        self._by_head: dict[str, list[tuple[tuple[str, ...], str, WellbeingCounty]]] = {}
        for county in directory.counties:
            for name in {county.short_name_fi, county.short_name_sv}:
                written = [part.lower() for part in words(name)]
                parts = tuple(fold(part) for part in written)
                if parts and len(parts[-1]) > MIN_STEM:
                    self._by_head.setdefault(parts[-1][:HEAD], []).append((parts, written[-1], county))

    def find(self, text: str) -> WellbeingCounty | None:
        written = [token.lower() for token in words(text)]
        tokens = [fold(token) for token in written]
        for index, token in enumerate(tokens):
            for parts, name, county in self._by_head.get(token[:HEAD], ()):
                before = tokens[max(0, index - len(parts) + 1) : index]
                if before == list(parts[:-1]) and _inflected(token, parts[-1]) and _same_letters(written[index], name):
                    return county
        return None


def _same_letters(token: str, name: str) -> bool:
    """A letter with diacritics the name does not have among its first letters makes another word: "läpi" (through)
    is no "Lapin" (people leave diacritics out rather than add them). Further on, an ending may bring one:
    "lappländska" is Lapland's."""
    return all(letter == named for letter, named in zip(token[:HEAD], name[:HEAD], strict=False) if letter in "äöå")


def _inflected(token: str, name: str) -> bool:
    stems = (name, name[:-1]) if name[-1] in "aeiouy" else (name,)
    # Finnish gradation: "Lappi" → "Lapin", "Lapissa" (a double consonant before the last vowel shortens).
    if len(name) > 3 and name[-1] in "aeiouy" and name[-2] == name[-3] and name[-2] not in "aeiouy":
        stems = (*stems, name[:-2] + name[-1], name[:-2])
    return any(
        token.startswith(stem) and len(token) - len(stem) <= MAX_ENDING for stem in stems if len(stem) >= MIN_STEM
    )
