"""Convert Statistics Finland's classifications (as in ../shared/data/*.csv) into knowledge/ YAML, reproducibly.

    python scripts/build_directory.py [DATA_DIR [OUT_DIR]]   (defaults: ../shared/data beside the repository, knowledge)

Writes knowledge/municipalities.yaml and knowledge/wellbeing_counties.yaml. Running it twice gives identical bytes;
a test checks the committed files equal a fresh conversion. A municipal merger is a change to the CSV and a
regeneration, never a change to code.

Where health and social services are organised is read from the data: a municipality with a wellbeing services
county has it; Helsinki (code 091) organises its own; the other municipalities without a county are Åland's, outside
the reform. The conversion stops with a message unless exactly 16 are left for Åland, so that a county missing from
the data is never mistaken for Åland.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELSINKI = "091"
# Åland's 16 municipalities are outside the wellbeing services reform; the count is a check on the data.
ALAND_MUNICIPALITIES = 16
MUNICIPALITY_COLUMNS = ("code", "name_fi", "name_sv", "population_2020", "wellbeing_county")
COUNTY_COLUMNS = ("id", "name_fi", "name_sv", "short_name_fi", "short_name_sv", "population_2020")
HEADER = """\
# {what}
# GENERATED from {source} by scripts/build_directory.py: do not edit by hand.
# To change it, change the CSV (in ../shared/data beside the repository) and run
#     python scripts/build_directory.py [DATA_DIR]
# A test checks that this file equals a fresh conversion.
# Source: Statistics Finland classifications as published in Yle's open geodata repository (finland-hva-2021).
"""


class DataError(SystemExit):
    """The source data cannot be converted; the message says which row and why."""


def quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def read_rows(path: Path, columns: Iterable[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}: missing columns {', '.join(missing)}")
        rows = [{key: (value or "").strip() for key, value in row.items() if key} for row in reader]
    for number, row in enumerate(rows, start=2):
        for column in columns:
            if column != "wellbeing_county" and not row[column]:
                raise DataError(f"{path}:{number}: {column} is empty")
        if not row["population_2020"].isdigit():
            raise DataError(f"{path}:{number}: population_2020 {row['population_2020']!r} is not a whole number")
    return rows


def services(row: dict[str, str], county_ids: set[str]) -> str:
    county = row["wellbeing_county"]
    if row["code"] == HELSINKI:
        if county:
            raise DataError(f"Helsinki ({HELSINKI}) organises its own services but has county {county!r}")
        return "self"
    if not county:
        return "aland"
    if county not in county_ids:
        raise DataError(f"municipality {row['code']} names an unknown county {county!r}")
    return f"{{county: {county}}}"


def convert(data: Path) -> tuple[str, str]:
    """The two YAML files' text, from the CSVs in ``data``."""
    counties = sorted(read_rows(data / "wellbeing_counties.csv", COUNTY_COLUMNS), key=lambda row: row["id"])
    municipalities = sorted(read_rows(data / "municipalities.csv", MUNICIPALITY_COLUMNS), key=lambda row: row["code"])
    for kind, key, rows in (("county id", "id", counties), ("municipality code", "code", municipalities)):
        seen: set[str] = set()
        for row in rows:
            if row[key] in seen:
                raise DataError(f"duplicate {kind} {row[key]!r}")
            seen.add(row[key])
    for row in municipalities:
        if not (len(row["code"]) == 3 and row["code"].isdigit()):
            raise DataError(f"municipality code {row['code']!r} is not three digits (a spreadsheet may drop zeros)")
    if not any(row["code"] == HELSINKI for row in municipalities):
        raise DataError(f"Helsinki ({HELSINKI}) is missing")
    county_ids = {row["id"] for row in counties}
    kinds = {row["code"]: services(row, county_ids) for row in municipalities}
    aland = [row["name_fi"] for row in municipalities if kinds[row["code"]] == "aland"]
    if len(aland) != ALAND_MUNICIPALITIES:
        raise DataError(
            f"expected {ALAND_MUNICIPALITIES} Åland municipalities (no county, not Helsinki), found {len(aland)}: "
            + ", ".join(aland)
        )

    lines = [
        HEADER.format(what="Wellbeing services counties (hyvinvointialueet / välfärdsområden).",
                      source="wellbeing_counties.csv"),
        "counties:",
    ]  # fmt: skip
    for row in counties:
        lines += [
            f"  - id: {row['id']}",
            f"    name_fi: {quote(row['name_fi'])}",
            f"    name_sv: {quote(row['name_sv'])}",
            f"    short_name_fi: {quote(row['short_name_fi'])}",
            f"    short_name_sv: {quote(row['short_name_sv'])}",
            f"    population_2020: {int(row['population_2020'])}",
        ]
    counties_yaml = "\n".join(lines) + "\n"
    lines = [
        HEADER.format(
            what="Municipalities (kunnat / kommuner) and who organises their health and social services.",
            source="municipalities.csv",
        ),
        "# services: {county: ID} — the wellbeing services county (since 2023);",
        "#           self  — Helsinki organises its own health and social services;",
        "#           aland — the Åland municipalities are outside the reform: the municipality handles everything.",
        "municipalities:",
    ]
    for row in municipalities:
        lines += [
            f"  - code: {quote(row['code'])}",
            f"    name_fi: {quote(row['name_fi'])}",
            f"    name_sv: {quote(row['name_sv'])}",
            f"    population_2020: {int(row['population_2020'])}",
            f"    services: {kinds[row['code']]}",
        ]
    return "\n".join(lines) + "\n", counties_yaml


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data = Path(args[0]) if args else ROOT.parent / "shared" / "data"
    out = Path(args[1]) if len(args) > 1 else ROOT / "knowledge"
    municipalities, counties = convert(data)
    (out / "municipalities.yaml").write_text(municipalities, encoding="utf-8", newline="\n")
    (out / "wellbeing_counties.yaml").write_text(counties, encoding="utf-8", newline="\n")
    print(f"wrote {out / 'municipalities.yaml'} and {out / 'wellbeing_counties.yaml'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
