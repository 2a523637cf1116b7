"""Official addresses in the directory and where each comes from: websites (Wikidata or the organisation's own site)
and registry offices (the organisation's own documents). A reply shows the source and its date in small print."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from bot.core.lang import Lang
from bot.core.yamlfile import Problem

SourceKind = Literal["wikidata", "own_site", "government", "documents"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("wikidata", "own_site", "government", "documents")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEARS = re.compile(r"^\d{4}(?:–\d{4})?$")


@dataclass(frozen=True, slots=True)
class Source:
    text: str  # as the data gives it, for reviewers
    kind: SourceKind
    date: str | None  # "2026-04-30", "2026-08" or "2025–2026": when it was so

    def shown_date(self) -> str | None:
        """The date the way Finnish and Swedish readers write it: 30.4.2026, 8/2026, 2025–2026."""
        if self.date is None:
            return None
        if day := _DAY.match(self.date):
            return f"{int(day[3])}.{int(day[2])}.{day[1]}"
        if month := _MONTH.match(self.date):
            return f"{int(month[2])}/{month[1]}"
        return self.date


@dataclass(frozen=True, slots=True)
class Website:
    url: str
    url_sv: str | None
    source: Source

    def url_for(self, lang: Lang) -> str:
        """The Swedish page to a Swedish speaker where there is one."""
        return self.url_sv if lang == "sv" and self.url_sv else self.url


@dataclass(frozen=True, slots=True)
class RegistryOffice:
    """The registry office (kirjaamo / registratorskontor): where an organisation receives any matter."""

    email: str | None
    phone: str | None
    postal_address: str | None
    visiting_address: str | None
    hours: str | None
    source: Source


def is_https_url(value: object) -> bool:
    """An https:// address with a host name and no spaces: the only kind of site the bot shows."""
    if not isinstance(value, str) or any(char.isspace() for char in value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and "." in parts.netloc


def _text(raw: Mapping[object, object], name: str) -> str | None:
    value = raw.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def read_source(raw: Mapping[object, object], shown: str, entry: str, field: str, kind: SourceKind | None = None) -> (
    tuple[Source | None, list[Problem]]
):  # fmt: skip
    """The source of a website or registry office; ``kind`` when the file says what it is."""
    text = _text(raw, "source")
    date = _text(raw, "source_date")
    raw_kind = kind or raw.get("source_kind")
    found_kind = next((known for known in SOURCE_KINDS if known == raw_kind), None)
    problems = []
    if text is None:
        problems.append(Problem(shown, "names no source", entry=entry, field=f"{field}.source"))
    if found_kind is None:
        kinds = ", ".join(SOURCE_KINDS)
        problems.append(Problem(shown, f"must be one of {kinds}", entry=entry, field=f"{field}.source_kind"))
    if date is not None and not (_DAY.match(date) or _MONTH.match(date) or _YEARS.match(date)):
        problems.append(Problem(shown, "must be a date like 2026-04-30, 2026-08 or 2025–2026", entry=entry,
                                field=f"{field}.source_date"))  # fmt: skip
    if problems or text is None or found_kind is None:
        return None, problems
    return Source(text, found_kind, date), []


def read_website(raw: object, shown: str, entry: str, field: str = "website") -> tuple[Website | None, list[Problem]]:
    """A website mapping ({url, url_sv?, source, source_kind, source_date?}); only https:// addresses."""
    if not isinstance(raw, Mapping):
        return None, [Problem(shown, "is missing: every organisation names its official website", entry=entry,
                              field=field)]  # fmt: skip
    problems = [
        Problem(shown, "must be an https:// address", entry=entry, field=f"{field}.{name}")
        for name in ("url", "url_sv")
        if (name == "url" or raw.get(name) is not None) and not is_https_url(raw.get(name))
    ]
    source, source_problems = read_source(raw, shown, entry, field)
    problems += source_problems
    if problems or source is None:
        return None, problems
    return Website(str(raw["url"]), _text(raw, "url_sv"), source), []


def read_registry_office(raw: object, shown: str, entry: str) -> tuple[RegistryOffice | None, list[Problem]]:
    field = "registry_office"
    if not isinstance(raw, Mapping):
        return None, [Problem(shown, "must be a mapping", entry=entry, field=field)]
    source, problems = read_source(raw, shown, entry, field, kind="documents")
    values = {name: _text(raw, name) for name in ("email", "phone", "postal_address", "visiting_address", "hours")}
    if not (values["email"] or values["phone"] or values["postal_address"]):
        problems.append(Problem(shown, "needs an e-mail address, a phone number or a postal address", entry=entry,
                                field=field))  # fmt: skip
    if problems or source is None:
        return None, problems
    return RegistryOffice(**values, source=source), []
