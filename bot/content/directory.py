"""The directory of areas (knowledge/municipalities.yaml, knowledge/wellbeing_counties.yaml), generated from
Statistics Finland's classifications by scripts/build_directory.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

from bot.core.lang import Lang
from bot.core.yamlfile import KnowledgeError, Problem, display_path, read_yaml

ServicesKind = Literal["county", "self", "aland"]
COUNTY_FIELDS = ("id", "name_fi", "name_sv", "short_name_fi", "short_name_sv")
KNOWN_COUNTY_FIELDS = frozenset({*COUNTY_FIELDS, "population_2020"})
KNOWN_MUNICIPALITY_FIELDS = frozenset({"code", "name_fi", "name_sv", "population_2020", "services"})


@dataclass(frozen=True, slots=True)
class WellbeingCounty:
    id: str
    name_fi: str
    name_sv: str
    short_name_fi: str
    short_name_sv: str

    def name(self, lang: Lang) -> str:
        return self.name_fi if lang == "fi" else self.name_sv


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name_fi: str
    name_sv: str
    population: int
    services_kind: ServicesKind  # county: its wellbeing services county; self: Helsinki; aland: outside the reform
    county_id: str | None

    def name(self, lang: Lang) -> str:
        return self.name_fi if lang == "fi" else self.name_sv


@dataclass(frozen=True, slots=True)
class Directory:
    municipalities: tuple[Municipality, ...]
    counties: tuple[WellbeingCounty, ...]
    _by_code: Mapping[str, Municipality] = field(init=False, repr=False, compare=False)
    _by_id: Mapping[str, WellbeingCounty] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Lookups are built once; the frozen dataclass keeps them read-only like the rest.
        object.__setattr__(self, "_by_code", MappingProxyType({m.code: m for m in self.municipalities}))
        object.__setattr__(self, "_by_id", MappingProxyType({c.id: c for c in self.counties}))

    def municipality(self, code: str) -> Municipality | None:
        return self._by_code.get(code)

    def county(self, county_id: str) -> WellbeingCounty | None:
        return self._by_id.get(county_id)

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


def check_directory(root: Path) -> tuple[Directory, list[Problem]]:
    """Load both files and return the directory with every problem found (empty when all is well)."""
    counties, problems = _read_counties(root)
    municipalities, municipality_problems = _read_municipalities(root, {county.id for county in counties})
    problems += municipality_problems
    if counties and municipalities:
        shown = display_path(root / "wellbeing_counties.yaml", root)
        used = {m.county_id for m in municipalities}
        problems += [Problem(shown, "no municipality belongs to it", entry=c.id) for c in counties if c.id not in used]
    return Directory(tuple(municipalities), tuple(counties)), problems


def _text(raw: Mapping[str, object], name: str) -> str | None:
    value = raw.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _items(root: Path, file: str, key: str) -> tuple[str, list[object] | None, list[Problem]]:
    path = root / file
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    if problems:
        return shown, None, problems
    items = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(items, list):
        return shown, None, [Problem(shown, f"must have a list under '{key}'")]
    return shown, items, []


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
        if not missing:
            counties.append(WellbeingCounty(*(str(values[name]) for name in COUNTY_FIELDS)))
    return counties, problems


def _read_municipalities(root: Path, county_ids: set[str]) -> tuple[list[Municipality], list[Problem]]:
    shown, items, problems = _items(root, "municipalities.yaml", "municipalities")
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
        if name_fi is not None and name_sv is not None:
            municipalities.append(Municipality(code, name_fi, name_sv, population, kind, county_id))
    return municipalities, problems
