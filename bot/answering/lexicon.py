"""Lemma lookup for Finnish and Swedish from the tables that scripts/build_lexicon.py makes with simplemma."""

from __future__ import annotations

from pathlib import Path

from bot.core.lang import LANGS, Lang
from bot.core.text import fold

DATA = Path(__file__).resolve().parent / "data"


class Lexicon:
    """Folded inflected form -> folded lemma, for the words the knowledge uses."""

    def __init__(self, tables: dict[Lang, dict[str, str]]) -> None:
        self._tables = tables

    @classmethod
    def load(cls, folder: Path = DATA) -> Lexicon:
        tables: dict[Lang, dict[str, str]] = {}
        for lang in LANGS:
            table: dict[str, str] = {}
            with (folder / f"lexicon.{lang}.tsv").open(encoding="utf-8") as lines:
                for line in lines:
                    form, _, lemma = line.rstrip("\n").partition("\t")
                    table[form] = lemma or form
            tables[lang] = table
        return cls(tables)

    def lemma(self, word: str, lang: Lang) -> str | None:
        """The lemma of ``word`` if the knowledge uses it, else None."""
        return self._tables[lang].get(fold(word))

    def forms(self, lang: Lang) -> frozenset[str]:
        """Every folded form the table knows for ``lang``."""
        return frozenset(self._tables[lang])
