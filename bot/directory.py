"""The directory of areas (knowledge/municipalities.yaml, knowledge/wellbeing_counties.yaml), generated from
Statistics Finland's classifications by scripts/build_directory.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.yamlfile import Problem, display_path, read_yaml

ServicesKind = Literal["county", "self", "aland"]


@dataclass(frozen=True, slots=True)
class WellbeingCounty:
    id: str
    name_fi: str
    name_sv: str
    short_name_fi: str
    short_name_sv: str


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name_fi: str
    name_sv: str
    population: int
    services_kind: ServicesKind
    county_id: str | None


class Directory:
    def __init__(self, municipalities: tuple[Municipality, ...], counties: tuple[WellbeingCounty, ...]) -> None:
        self.municipalities = municipalities
        self.counties = counties
        self._by_code = {m.code: m for m in municipalities}
        self._counties = {c.id: c for c in counties}

    def municipality(self, code: str) -> Municipality | None:
        return self._by_code.get(code)

    def county(self, county_id: str) -> WellbeingCounty | None:
        return self._counties.get(county_id)

    def with_municipalities(self, areas: Iterable[str]) -> set[str]:
        """The areas plus every municipality of the counties among them (a county's questions come from those)."""
        found = set(areas)
        return found | {m.code for m in self.municipalities if m.county_id in found}


def _text(raw: Mapping[str, object], field: str) -> str | None:
    value = raw.get(field)
    return value if isinstance(value, str) and value.strip() else None


def _counties(root: Path) -> tuple[list[WellbeingCounty], list[Problem]]:
    path = root / "wellbeing_counties.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown)
    items = data.get("counties") if isinstance(data, Mapping) else None
    if problems or not isinstance(items, list):
        return [], problems or [Problem(shown, "must have a list under 'counties'")]
    counties: list[WellbeingCounty] = []
    for index, raw in enumerate(items):
        entry = str(raw.get("id")) if isinstance(raw, Mapping) and raw.get("id") else f"#{index + 1}"
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=entry))
            continue
        fields = {f: _text(raw, f) for f in ("id", "name_fi", "name_sv", "short_name_fi", "short_name_sv")}
        missing = [f for f, value in fields.items() if value is None]
        for field in missing:
            problems.append(Problem(shown, "is missing or empty", entry=entry, field=field))
        if not missing:
            counties.append(WellbeingCounty(*(str(fields[f]) for f in fields)))
    return counties, problems


def check_directory(root: Path) -> tuple[Directory, list[Problem]]:
    counties, problems = _counties(root)
    county_ids = {county.id for county in counties}
    path = root / "municipalities.yaml"
    shown = display_path(path, root)
    data, read_problems = read_yaml(path, shown)
    problems += read_problems
    items = data.get("municipalities") if isinstance(data, Mapping) else None
    if read_problems or not isinstance(items, list):
        if not read_problems:
            problems.append(Problem(shown, "must have a list under 'municipalities'"))
        return Directory((), tuple(counties)), problems
    municipalities: list[Municipality] = []
    seen: set[str] = set()
    for index, raw in enumerate(items):
        if not isinstance(raw, Mapping):
            problems.append(Problem(shown, "must be a mapping", entry=f"#{index + 1}"))
            continue
        code = _text(raw, "code")
        entry = code or f"#{index + 1}"
        if code is None or not (len(code) == 3 and code.isdigit()):
            problems.append(
                Problem(shown, 'must be a three-digit code in quotes, like "091"', entry=entry, field="code")
            )
            continue
        if code in seen:
            problems.append(Problem(shown, "duplicate code", entry=entry, field="code"))
        seen.add(code)
        names = {lang: _text(raw, f"name_{lang}") for lang in ("fi", "sv")}
        for lang, name in names.items():
            if name is None:
                problems.append(Problem(shown, "is missing or empty", entry=entry, field=f"name_{lang}"))
        population = raw.get("population_2020")
        if not isinstance(population, int) or isinstance(population, bool) or population < 0:
            problems.append(Problem(shown, "must be a whole number", entry=entry, field="population_2020"))
            population = 0
        services = raw.get("services")
        kind: ServicesKind
        county_id: str | None = None
        if isinstance(services, Mapping) and isinstance(services.get("county"), str):
            kind, county_id = "county", str(services["county"])
            if county_id not in county_ids:
                problems.append(Problem(shown, f"unknown wellbeing services county {county_id!r}", entry=entry,
                                        field="services.county"))  # fmt: skip
        elif services in ("self", "aland"):
            kind = "self" if services == "self" else "aland"
        else:
            problems.append(Problem(shown, "must be {county: ID}, self or aland", entry=entry, field="services"))
            continue
        municipalities.append(Municipality(code, names["fi"] or "", names["sv"] or "", population, kind, county_id))
    return Directory(tuple(municipalities), tuple(counties)), problems
