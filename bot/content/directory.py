"""The directory of areas (knowledge/municipalities.yaml, knowledge/wellbeing_counties.yaml, knowledge/aland.yaml),
generated from Statistics Finland's classifications, the municipal mergers since, official websites and Åland's
organisations by scripts/build_directory.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from bot.content.sources import RegistryOffice, Website, read_registry_office, read_website
from bot.core.disk_cache import DiskCache
from bot.core.lang import Lang
from bot.core.yamlfile import KnowledgeError, Problem, display_path, read_yaml

ServicesKind = Literal["county", "self", "aland"]
COUNTY_FIELDS = ("id", "name_fi", "name_sv", "short_name_fi", "short_name_sv")
KNOWN_COUNTY_FIELDS = frozenset({*COUNTY_FIELDS, "population_2020", "website", "registry_office"})
KNOWN_MUNICIPALITY_FIELDS = frozenset(
    {"code", "name_fi", "name_sv", "population_2020", "services", "website", "services_website", "registry_office"}
)
KNOWN_MERGED_FIELDS = frozenset({"code", "name_fi", "name_sv", "into", "date", "source"})
KNOWN_ALAND_FIELDS = frozenset({"id", "name_fi", "name_sv", "handles", "does_not_handle", "website", "contact"})


class _Named:
    """Something with a Finnish and a Swedish name."""

    __slots__ = ()
    name_fi: str
    name_sv: str

    def name(self, lang: Lang) -> str:
        return self.name_fi if lang == "fi" else self.name_sv


@dataclass(frozen=True, slots=True)
class WellbeingCounty(_Named):
    id: str
    name_fi: str
    name_sv: str
    short_name_fi: str
    short_name_sv: str
    website: Website | None = None
    registry_office: RegistryOffice | None = None


@dataclass(frozen=True, slots=True)
class Municipality(_Named):
    code: str
    name_fi: str
    name_sv: str
    population: int
    services_kind: ServicesKind  # county: its wellbeing services county; self: Helsinki; aland: outside the reform
    county_id: str | None
    website: Website | None = None
    services_website: Website | None = None  # Helsinki's social and health services
    registry_office: RegistryOffice | None = None


@dataclass(frozen=True, slots=True)
class FormerMunicipality(_Named):
    """A municipality that joined another (``into``) on ``date``: its name still leads there."""

    code: str
    name_fi: str
    name_sv: str
    into: str
    date: dt.date


@dataclass(frozen=True, slots=True)
class AlandService(_Named):
    """Who handles health care (ÅHS) or social welfare (KST) for all of Åland's municipalities."""

    id: str
    name_fi: str
    name_sv: str
    website: Website
    phone: str | None = None
    email: str | None = None
    postal_address: str | None = None


@dataclass(frozen=True, slots=True)
class Directory:
    municipalities: tuple[Municipality, ...]
    counties: tuple[WellbeingCounty, ...]
    former: tuple[FormerMunicipality, ...] = ()
    aland: tuple[AlandService, ...] = ()
    _by_code: Mapping[str, Municipality] = field(init=False, repr=False, compare=False)
    _by_id: Mapping[str, WellbeingCounty] = field(init=False, repr=False, compare=False)
    _former: Mapping[str, FormerMunicipality] = field(init=False, repr=False, compare=False)
    _aland: Mapping[str, AlandService] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Lookups are built once; the frozen dataclass keeps them read-only like the rest.
        by_code = {m.code: m for m in self.municipalities}
        # A merged municipality's code (in a remembered profile, an old ticket) is the municipality it joined.
        by_code |= {f.code: by_code[f.into] for f in self.former if f.into in by_code and f.code not in by_code}
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_by_id", MappingProxyType({c.id: c for c in self.counties}))
        object.__setattr__(self, "_former", MappingProxyType({f.code: f for f in self.former}))
        object.__setattr__(self, "_aland", MappingProxyType({s.id: s for s in self.aland}))

    def municipality(self, code: str) -> Municipality | None:
        """The municipality with this code today: a merged one's code gives the municipality it joined."""
        return self._by_code.get(code)

    def former_municipality(self, code: str) -> FormerMunicipality | None:
        return self._former.get(code)

    def county(self, county_id: str) -> WellbeingCounty | None:
        return self._by_id.get(county_id)

    def aland_service(self, service_id: str) -> AlandService | None:
        return self._aland.get(service_id)

    def area_id(self, text: str) -> str | None:
        """The area a person typed, as the directory writes it: a municipality code ("91" from a spreadsheet that
        dropped the zero is "091"; a merged one's code is the municipality it joined), a county id ("pi" is "PI")
        or an Åland organisation ("kst"); None if there is no such area."""
        text = text.strip()
        if text.isascii() and text.isdigit() and len(text) <= 3:
            municipality = self.municipality(text.zfill(3))
            return municipality.code if municipality is not None else None
        key = text.upper()
        return key if self.county(key) is not None or self.aland_service(key) is not None else None

    def county_of(self, municipality: Municipality) -> WellbeingCounty | None:
        return self._by_id.get(municipality.county_id) if municipality.county_id else None

    def with_municipalities(self, areas: Iterable[str]) -> set[str]:
        """The areas plus every municipality of the counties among them (a county's questions come from those)."""
        found = set(areas)
        return found | {m.code for m in self.municipalities if m.county_id in found}


class DirectoryError(KnowledgeError):
    """The directory could not be loaded; ``problems`` name file, line or entry, and field."""


def load_directory(root: Path) -> Directory:
    """The directory in ``root``, or DirectoryError listing every problem (an unreadable file with its line)."""
    directory, problems = check_directory(root)
    if problems:
        raise DirectoryError(problems)
    return directory


def check_directory(root: Path, cache: DiskCache | None = None) -> tuple[Directory, list[Problem]]:
    """Load the files and return the directory with every problem found (empty when all is well)."""
    counties, problems = _read_counties(root)
    shown, data, file_problems = _document(root, "municipalities.yaml", cache)
    problems += file_problems
    municipalities, municipality_problems = _read_municipalities(shown, data, {county.id for county in counties})
    former, former_problems = _read_merged(shown, data, {m.code: m for m in municipalities})
    problems += municipality_problems if not file_problems else []
    problems += former_problems if not file_problems else []
    aland, aland_problems = _read_aland(root)
    problems += aland_problems
    if counties and municipalities:
        shown = display_path(root / "wellbeing_counties.yaml", root)
        used = {m.county_id for m in municipalities}
        problems += [Problem(shown, "no municipality belongs to it", entry=c.id) for c in counties if c.id not in used]
    return Directory(tuple(municipalities), tuple(counties), tuple(former), tuple(aland)), problems


def _text(raw: Mapping[str, object], name: str) -> str | None:
    value = raw.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _items(root: Path, file: str, key: str) -> tuple[str, list[object] | None, list[Problem]]:
    shown, data, problems = _document(root, file)
    return (shown, *_list(shown, data, key)) if not problems else (shown, None, problems)


def _document(root: Path, file: str, cache: DiskCache | None = None) -> tuple[str, object, list[Problem]]:
    path = root / file
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown, cache)
    return shown, data, problems


def _list(shown: str, data: object, key: str, default: list[object] | None = None) -> (
    tuple[list[object] | None, list[Problem]]
):  # fmt: skip
    items = data.get(key, default) if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        return None, [Problem(shown, f"must have a list under '{key}'")]
    return items, []


def _unknown_fields(shown: str, raw: Mapping[object, object], entry: str, known: frozenset[str]) -> list[Problem]:
    return [Problem(shown, "unknown field", entry=entry, field=str(name)) for name in raw if str(name) not in known]


def _read_counties(root: Path) -> tuple[list[WellbeingCounty], list[Problem]]:
    shown, items, problems = _items(root, "wellbeing_counties.yaml", "counties")
    counties: list[WellbeingCounty] = []
    seen: set[str] = set()
    for index, raw in enumerate(items or []):
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=f"#{index + 1}"))
            continue
        entry = _text(raw, "id") or f"#{index + 1}"
        problems += _unknown_fields(shown, raw, entry, KNOWN_COUNTY_FIELDS)
        values = {name: _text(raw, name) for name in COUNTY_FIELDS}
        missing = [name for name, value in values.items() if value is None]
        problems += [Problem(shown, "is missing or empty", entry=entry, field=name) for name in missing]
        if entry in seen:
            problems.append(Problem(shown, "duplicate id", entry=entry, field="id"))
        seen.add(entry)
        website, registry, address_problems = _addresses(raw, shown, entry)
        problems += address_problems
        if not missing:
            county_id, name_fi, name_sv, short_fi, short_sv = (str(values[name]) for name in COUNTY_FIELDS)
            counties.append(WellbeingCounty(county_id, name_fi, name_sv, short_fi, short_sv, website, registry))
    return counties, problems


def _addresses(raw: Mapping[object, object], shown: str, entry: str) -> (
    tuple[Website | None, RegistryOffice | None, list[Problem]]
):  # fmt: skip
    """An organisation's website (required) and registry office (where known)."""
    website, problems = read_website(raw.get("website"), shown, entry)
    registry = None
    if raw.get("registry_office") is not None:
        registry, registry_problems = read_registry_office(raw["registry_office"], shown, entry)
        problems += registry_problems
    return website, registry, problems


def _read_municipalities(shown: str, data: object, county_ids: set[str]) -> tuple[list[Municipality], list[Problem]]:
    items, problems = _list(shown, data, "municipalities")
    municipalities: list[Municipality] = []
    names: dict[tuple[str, str], str] = {}  # (language, folded name) → code: place recognition needs them unique
    codes: set[str] = set()
    for index, raw in enumerate(items or []):
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=f"#{index + 1}"))
            continue
        code = _text(raw, "code")
        entry = code or f"#{index + 1}"
        problems += _unknown_fields(shown, raw, entry, KNOWN_MUNICIPALITY_FIELDS)
        if code is None or not (len(code) == 3 and code.isdigit()):
            problems.append(Problem(shown, 'must be a three-digit code in quotes ("091")', entry=entry, field="code"))
            continue
        if code in codes:
            problems.append(Problem(shown, "duplicate code", entry=entry, field="code"))
            continue
        codes.add(code)
        name_fi, name_sv = _text(raw, "name_fi"), _text(raw, "name_sv")
        for lang, name in (("fi", name_fi), ("sv", name_sv)):
            if name is None:
                problems.append(Problem(shown, "is missing or empty", entry=entry, field=f"name_{lang}"))
            elif (other := names.setdefault((lang, name.casefold()), code)) != code:
                problems.append(Problem(shown, f"is also the name of {other}", entry=entry, field=f"name_{lang}"))
        population = raw.get("population_2020")
        if not isinstance(population, int) or isinstance(population, bool) or population < 0:
            problems.append(Problem(shown, "must be a whole number", entry=entry, field="population_2020"))
            population = 0
        services = raw.get("services")
        kind: ServicesKind
        county_id: str | None = None
        if isinstance(services, Mapping) and isinstance(services.get("county"), str) and len(services) == 1:
            kind, county_id = "county", str(services["county"])
            if county_id not in county_ids:
                problems.append(Problem(shown, f"unknown wellbeing services county {county_id!r}", entry=entry,
                                        field="services.county"))  # fmt: skip
        elif services in ("self", "aland"):
            kind = "self" if services == "self" else "aland"
        else:
            problems.append(Problem(shown, "must be {county: ID}, self or aland", entry=entry, field="services"))
            continue
        website, registry, address_problems = _addresses(raw, shown, entry)
        problems += address_problems
        services_website = None
        if kind == "self":  # Helsinki: its social and health services have a site of their own
            services_website, site_problems = read_website(raw.get("services_website"), shown, entry,
                                                           "services_website")  # fmt: skip
            problems += site_problems
        if name_fi is not None and name_sv is not None:
            municipalities.append(Municipality(code, name_fi, name_sv, population, kind, county_id, website,
                                               services_website, registry))  # fmt: skip
    return municipalities, problems


def _read_merged(shown: str, data: object, current: Mapping[str, Municipality]) -> (
    tuple[list[FormerMunicipality], list[Problem]]
):  # fmt: skip
    """The `merged` list of municipalities.yaml: each joined a municipality that exists, on a date."""
    items, problems = _list(shown, data, "merged", default=[])
    former: list[FormerMunicipality] = []
    for index, raw in enumerate(items or ()):
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=f"merged #{index + 1}"))
            continue
        code, into = _text(raw, "code"), _text(raw, "into")
        entry = f"merged {code or f'#{index + 1}'}"
        problems += _unknown_fields(shown, raw, entry, KNOWN_MERGED_FIELDS)
        name_fi, name_sv, date = _text(raw, "name_fi"), _text(raw, "name_sv"), raw.get("date")
        if code is None or code in current:
            problems.append(Problem(shown, "must be the code of a municipality no longer listed", entry=entry,
                                    field="code"))  # fmt: skip
        if into is None or into not in current:
            problems.append(Problem(shown, "must be the code of a current municipality", entry=entry, field="into"))
        if name_fi is None or name_sv is None:
            problems.append(Problem(shown, "needs name_fi and name_sv", entry=entry, field="name_fi"))
        if not isinstance(date, dt.date):
            problems.append(Problem(shown, "must be a date like 2026-01-01", entry=entry, field="date"))
        if code and into and name_fi and name_sv and isinstance(date, dt.date) and code not in current:
            former.append(FormerMunicipality(code, name_fi, name_sv, into, date))
    return former, problems


def _read_aland(root: Path) -> tuple[list[AlandService], list[Problem]]:
    shown, items, problems = _items(root, "aland.yaml", "organisations")
    services: list[AlandService] = []
    for index, raw in enumerate(items or ()):
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=f"#{index + 1}"))
            continue
        service_id = _text(raw, "id") or f"#{index + 1}"
        problems += _unknown_fields(shown, raw, service_id, KNOWN_ALAND_FIELDS)
        name_fi, name_sv = _text(raw, "name_fi"), _text(raw, "name_sv")
        for lang, name in (("fi", name_fi), ("sv", name_sv)):
            if name is None:
                problems.append(Problem(shown, "is missing or empty", entry=service_id, field=f"name_{lang}"))
        website, site_problems = read_website(raw.get("website"), shown, service_id)
        problems += site_problems
        contact = raw.get("contact")
        details = (
            {name: _text(contact, name) for name in ("phone", "email", "postal_address")}
            if isinstance(contact, Mapping)
            else {}
        )
        if name_fi and name_sv and website is not None:
            services.append(AlandService(service_id, name_fi, name_sv, website, **details))
    return services, problems
