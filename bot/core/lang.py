"""The two languages the bot speaks, and how it chooses between them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeGuard

Lang = Literal["fi", "sv"]
LANGS: tuple[Lang, ...] = ("fi", "sv")
DEFAULT_LANG: Lang = "fi"


def is_lang(value: object) -> TypeGuard[Lang]:
    return value in LANGS


@dataclass(frozen=True, slots=True)
class Bilingual:
    """One piece of user-facing text in Finnish and in Swedish."""

    fi: str
    sv: str

    def __call__(self, lang: Lang) -> str:
        return self.fi if lang == "fi" else self.sv


@dataclass(frozen=True, slots=True)
class LanguageContext:
    """What is known about the person besides the message itself."""

    explicit: Lang | None = None
    last: Lang | None = None
    client_code: str | None = None
