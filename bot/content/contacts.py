"""Contacts per area and topic (knowledge/contacts.yaml). The data is reviewed; nothing here is ever invented."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.lang import LANGS, Bilingual, Lang
from bot.core.yamlfile import Problem, display_path, read_yaml

GENERAL = "general"
EXAMPLE_AREA = "example"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9 ()-]{6,20}$")
FIELDS = frozenset(
    {"area", "topic", "name", "person", "role", "email", "phone", "web", "languages", "telegram_chat",
     "last_verified", "example"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Contact:
    area: str
    topic: str
    name: Bilingual
    person: str | None = None
    role: Bilingual | None = None
    email: str | None = None
    phone: str | None = None
    web: str | None = None
    languages: tuple[Lang, ...] = LANGS
    telegram_chat: int | None = None
    last_verified: dt.date | None = None
    example: bool = False
    untranslated: frozenset[str] = frozenset()  # the name is pending in these languages (shown in the other)

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "name": self.name(lang),
            "person": self.person,
            "role": self.role(lang) if self.role else None,
            "email": self.email,
            "phone": self.phone,
            "web": self.web,
            "languages": list(self.languages),
            "telegram_chat": self.telegram_chat is not None,
            "last_verified": self.last_verified.isoformat() if self.last_verified else None,
        }


@dataclass(frozen=True, slots=True)
class Contacts:
    contacts: tuple[Contact, ...]

    def for_area(self, area: str, topic: str) -> list[Contact]:
        """The contacts for ``topic`` in ``area``; the area's general contacts when none is specific."""
        specific = [c for c in self.contacts if c.area == area and c.topic == topic]
        return specific or [c for c in self.contacts if c.area == area and c.topic == GENERAL]


def _bilingual(value: object) -> Bilingual | None:
    if isinstance(value, Mapping) and all(isinstance(value.get(lang), str) and value.get(lang) for lang in LANGS):
        return Bilingual(str(value["fi"]), str(value["sv"]))
    return None


def check_contacts(root: Path, areas: Collection[str], topics: Collection[str]) -> tuple[Contacts, list[Problem]]:
    """Load contacts.yaml; every area must exist in the directory and every topic in topics.yaml."""
    path = root / "contacts.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    if problems:
        return Contacts(()), problems
    items = data.get("contacts") if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        return Contacts(()), [Problem(shown, "must have a list under 'contacts' (it may be empty: [])")]
    contacts: list[Contact] = []
    for index, raw in enumerate(items):
        entry = f"#{index + 1}"
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=entry))
            continue
        area, topic = str(raw.get("area", "")), str(raw.get("topic", ""))
        entry = f"{area}/{topic}"

        def problem(field: str, message: str, entry: str = entry) -> None:
            problems.append(Problem(shown, message, entry=entry, field=field))

        for extra in sorted(set(raw) - FIELDS):
            problem(extra, "unknown field")
        example = raw.get("example") is True
        if area == EXAMPLE_AREA and not example:
            problem("example", "the example area is for demo data: mark it example: true")
        elif area != EXAMPLE_AREA and area not in areas:
            problem("area", "is neither a municipality code nor a wellbeing services county id")
        if topic != GENERAL and topic not in topics:
            problem("topic", "must be 'general' or a topic id from topics.yaml")
        name = _bilingual(raw.get("name"))
        if name is None:
            problem("name", "needs a Finnish (fi) and a Swedish (sv) text")
        role = _bilingual(raw.get("role")) if raw.get("role") is not None else None
        if raw.get("role") is not None and role is None:
            problem("role", "needs a Finnish (fi) and a Swedish (sv) text")
        email, phone, web = raw.get("email"), raw.get("phone"), raw.get("web")
        if email is not None and not (isinstance(email, str) and EMAIL.match(email)):
            problem("email", "is not an e-mail address")
        if phone is not None and not (isinstance(phone, str) and PHONE.match(phone)):
            problem("phone", "is not a phone number")
        if web is not None and not (isinstance(web, str) and web.startswith("https://")):
            problem("web", "must be an https:// address")
        languages = raw.get("languages", list(LANGS))
        if not isinstance(languages, list) or not languages or not set(languages) <= set(LANGS):
            problem("languages", "must list fi and/or sv")
            languages = list(LANGS)
        chat = raw.get("telegram_chat")
        if chat is not None and (not isinstance(chat, int) or isinstance(chat, bool)):
            problem("telegram_chat", "must be a Telegram chat id (a number)")
            chat = None
        verified = raw.get("last_verified")
        if not isinstance(verified, dt.date):
            problem("last_verified", "must be a date like 2026-11-22")
            verified = None
        contacts.append(
            Contact(
                area,
                topic,
                name or Bilingual("", ""),
                raw.get("person"),
                role,
                email,
                phone,
                web,
                tuple(languages),
                chat,
                verified,
                example,
            )
        )
    return Contacts(tuple(contacts)), problems
