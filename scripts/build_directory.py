"""Convert the directory data (as in ../shared/data/*.csv) into knowledge/ YAML, reproducibly.

    python scripts/build_directory.py [DATA_DIR [OUT_DIR]]   (defaults: ../shared/data beside the repository, knowledge)

Writes knowledge/municipalities.yaml, knowledge/wellbeing_counties.yaml and knowledge/aland.yaml. Running it twice
gives identical bytes; a test checks the committed files equal a fresh conversion. A municipal merger is one row in
mergers.csv and a regeneration, never a change to code.

- municipalities.csv, wellbeing_counties.csv: Statistics Finland's classifications (2021). Where health and social
  services are organised is read from the data: a municipality with a wellbeing services county has it; Helsinki
  (code 091) organises its own; the other municipalities without a county are Åland's, outside the reform. The
  conversion stops with a message unless exactly 16 are left for Åland, so that a county missing from the data is
  never mistaken for Åland.
- mergers.csv: municipalities that joined another since. They leave the list of municipalities and are kept under
  `merged`, so that their names still lead to the municipality they joined.
- websites.csv: the official website of every municipality and county, and Helsinki's social and health services.
  Every current organisation must have one, https only. Where each address comes from (Wikidata, or the
  organisation's own site) and as of when is kept with it: the bot shows it in small print.
- registry_offices.csv: registry-office details known for sure from the organisation's own documents. Never derived.
- aland.csv: who handles health care (ÅHS) and social welfare (KST) on Åland, with their contact details.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
HELSINKI = "091"
# Åland's 16 municipalities are outside the wellbeing services reform; the count is a check on the data.
ALAND_MUNICIPALITIES = 16
MUNICIPALITY_COLUMNS = ("code", "name_fi", "name_sv", "population_2020", "wellbeing_county")
COUNTY_COLUMNS = ("id", "name_fi", "name_sv", "short_name_fi", "short_name_sv", "population_2020")
MERGER_COLUMNS = ("from_code", "from_name_fi", "from_name_sv", "into_code", "into_name_fi", "date", "source")
WEBSITE_COLUMNS = ("kind", "id", "name_fi", "website", "website_sv", "source")
REGISTRY_COLUMNS = ("kind", "id", "name_fi", "email", "phone", "postal_address", "visiting_address", "hours", "source")
ALAND_COLUMNS = ("organisation", "name_sv", "name_fi", "handles", "does_not_handle", "website", "phone", "email",
                 "postal_address", "source")  # fmt: skip
OPTIONAL = frozenset({"wellbeing_county", "website_sv", "email", "phone", "postal_address", "visiting_address",
                      "hours", "does_not_handle"})  # fmt: skip
# The date a source gives: a day, a month, or a span of years ("2026-04-30", "2026-08", "2025–2026").
SOURCE_DATE = re.compile(r"\d{4}(?:[–-]\d{4}|-\d{2}(?:-\d{2})?)?")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADER = """\
# {what}
# GENERATED from {source}
# by scripts/build_directory.py: do not edit by hand.
# To change it, change the CSV (in ../shared/data beside the repository) and run
#     python scripts/build_directory.py [DATA_DIR]
# A test checks that this file equals a fresh conversion.
# Source: {origin}
"""
CLASSIFICATIONS = "Statistics Finland classifications as published in Yle's open geodata repository (finland-hva-2021)"
WEBSITES = "official websites: Wikidata's 'official website' (P856, CC0) and the organisations' own sites, as dated"


class DataError(SystemExit):
    """The source data cannot be converted; the message says which row and why."""


def quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def flow(pairs: Iterable[tuple[str, str]]) -> str:
    """A one-line YAML mapping of the non-empty values: {url: "https://…", source: "…"}."""
    return "{" + ", ".join(f"{key}: {quote(value)}" for key, value in pairs if value) + "}"


def read_rows(path: Path, columns: Iterable[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise DataError(f"{path}: missing columns {', '.join(missing)}")
        rows = [{key: (value or "").strip() for key, value in row.items() if key} for row in reader]
    for number, row in enumerate(rows, start=2):
        for column in columns:
            if column not in OPTIONAL and not row[column]:
                raise DataError(f"{path}:{number}: {column} is empty")
        if "population_2020" in row and not row["population_2020"].isdigit():
            raise DataError(f"{path}:{number}: population_2020 {row['population_2020']!r} is not a whole number")
    return rows


def https_url(value: str, where: str) -> str:
    """The address unchanged if it is an https URL with a host name; stops the conversion otherwise."""
    parts = urlsplit(value)
    if parts.scheme != "https" or "." not in parts.netloc or any(char.isspace() for char in value):
        raise DataError(f"{where}: {value!r} is not an https:// address")
    return value


def source_date(source: str, where: str) -> str:
    """The last date the source names: when the information was true (shown with it)."""
    found = SOURCE_DATE.findall(source)
    if not found:
        raise DataError(f"{where}: the source {source!r} gives no date")
    last = str(found[-1])
    return last.replace("-", "–") if re.fullmatch(r"\d{4}-\d{4}", last) else last


# Where an address comes from, by the wording of its source: the first rule whose pattern is found decides.
WEBSITE_SOURCES = (("^Wikidata", "wikidata"), (r"\bown\b|as listed|as published|moved to this domain", "own_site"))
ALAND_SOURCES = (("^Government of Åland", "government"), (r"\bown (page|site)\b", "own_site"))


def source_kind(source: str, where: str, rules: tuple[tuple[str, str], ...]) -> str:
    """The kind of a source; a source no rule knows needs a decision here, not a guess."""
    for pattern, kind in rules:
        if re.search(pattern, source):
            return kind
    raise DataError(f"{where}: cannot tell where {source!r} comes from ({', '.join(kind for _, kind in rules)}?)")


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


def check_unique(rows: list[dict[str, str]], key: str, what: str) -> None:
    seen: set[str] = set()
    for row in rows:
        if row[key] in seen:
            raise DataError(f"duplicate {what} {row[key]!r}")
        seen.add(row[key])


def mergers(data: Path, codes: set[str]) -> dict[str, dict[str, str]]:
    """Municipalities that joined another, by code: each joined one that still exists, on a real date."""
    rows = read_rows(data / "mergers.csv", MERGER_COLUMNS)
    check_unique(rows, "from_code", "merged municipality")
    merged = {row["from_code"]: row for row in rows}
    for code, row in merged.items():
        where = f"{data / 'mergers.csv'}: {code}"
        if code not in codes or row["into_code"] not in codes:
            raise DataError(f"{where}: both {code} and {row['into_code']} must be in municipalities.csv")
        if row["into_code"] in merged or code == row["into_code"]:
            raise DataError(f"{where}: {row['into_code']} has itself joined another; name the one that exists")
        if code == HELSINKI:
            raise DataError(f"{where}: Helsinki organises its own services; a merger of it needs a new rule")
        if not ISO_DAY.match(row["date"]):
            raise DataError(f"{where}: date {row['date']!r} is not a date like 2026-01-01")
    return merged


def websites(data: Path, wanted: dict[str, set[str]], former: set[str]) -> dict[tuple[str, str], str]:
    """Each organisation's website as a YAML value, by (kind, id); every current organisation must have one."""
    path = data / "websites.csv"
    found: dict[tuple[str, str], str] = {}
    for number, row in enumerate(read_rows(path, WEBSITE_COLUMNS), start=2):
        where = f"{path}:{number}"
        kind, key = row["kind"], row["id"]
        if kind == "municipality" and key in former:
            continue  # a merged municipality's old row: its name leads to the site of the one it joined
        if key not in wanted.get(kind, set()):
            raise DataError(f"{where}: {kind} {key!r} is not in the directory")
        if (kind, key) in found:
            raise DataError(f"{where}: a second website for {kind} {key}")
        pairs = [
            ("url", https_url(row["website"], where)),
            ("url_sv", https_url(row["website_sv"], where) if row["website_sv"] else ""),
            ("source", row["source"]),
            ("source_kind", source_kind(row["source"], where, WEBSITE_SOURCES)),
            ("source_date", source_date(row["source"], where)),
        ]
        found[kind, key] = flow(pairs)
    missing = [f"{kind} {key}" for kind, keys in wanted.items() for key in sorted(keys) if (kind, key) not in found]
    if missing:
        raise DataError(f"{path}: no website for {', '.join(missing)}")
    return found


def registry_offices(data: Path, wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """The registry offices known for sure, as YAML values by (kind, id)."""
    path = data / "registry_offices.csv"
    found: dict[tuple[str, str], str] = {}
    for number, row in enumerate(read_rows(path, REGISTRY_COLUMNS), start=2):
        where = f"{path}:{number}"
        kind, key = row["kind"], row["id"]
        if key not in wanted.get(kind, set()) or (kind, key) in found:
            raise DataError(f"{where}: {kind} {key!r} is not in the directory, or is listed twice")
        if not (row["email"] or row["phone"] or row["postal_address"]):
            raise DataError(f"{where}: a registry office needs an e-mail address, a phone number or a postal address")
        fields = ("email", "phone", "postal_address", "visiting_address", "hours", "source")
        pairs = [(name, row[name]) for name in fields] + [("source_date", source_date(row["source"], where))]
        found[kind, key] = flow(pairs)
    return found


def aland(data: Path) -> str:
    """knowledge/aland.yaml: the organisations that handle Åland's health care and social welfare."""
    path = data / "aland.csv"
    rows = read_rows(path, ALAND_COLUMNS)
    check_unique(rows, "organisation", "Åland organisation")
    lines = [
        HEADER.format(
            what="Who handles health care and social welfare on Åland (outside the wellbeing services reform).",
            source="aland.csv",
            origin="the Government of Åland and the organisations' own pages, as named under each `source`.",
        ),
        "# Which topics each handles is a routing rule: see `aland` in topics.yaml.",
        "organisations:",
    ]
    for number, row in enumerate(rows, start=2):
        where = f"{path}:{number}"
        if not re.fullmatch(r"[A-Z]{3}", row["organisation"]):
            raise DataError(f"{where}: organisation {row['organisation']!r} must be a three-letter id such as AHS")
        dates = SOURCE_DATE.findall(row["source"])
        website = [
            ("url", https_url(row["website"], where)),
            ("source", row["source"]),
            ("source_kind", source_kind(row["source"], where, ALAND_SOURCES)),
            ("source_date", source_date(row["source"], where) if dates else ""),  # ÅHS's source gives none
        ]
        lines += [
            f"  - id: {row['organisation']}",
            f"    name_fi: {quote(row['name_fi'])}",
            f"    name_sv: {quote(row['name_sv'])}",
            f"    handles: {quote(row['handles'])}",
            *([f"    does_not_handle: {quote(row['does_not_handle'])}"] if row["does_not_handle"] else []),
            f"    website: {flow(website)}",
            f"    contact: {flow((name, row[name]) for name in ('phone', 'email', 'postal_address'))}",
        ]
    return "\n".join(lines) + "\n"


def convert(data: Path) -> tuple[str, str, str]:
    """The YAML files' text (municipalities, counties, Åland), from the CSVs in ``data``."""
    counties = sorted(read_rows(data / "wellbeing_counties.csv", COUNTY_COLUMNS), key=lambda row: row["id"])
    rows = sorted(read_rows(data / "municipalities.csv", MUNICIPALITY_COLUMNS), key=lambda row: row["code"])
    check_unique(counties, "id", "county id")
    check_unique(rows, "code", "municipality code")
    for row in rows:
        if not (len(row["code"]) == 3 and row["code"].isdigit()):
            raise DataError(f"municipality code {row['code']!r} is not three digits (a spreadsheet may drop zeros)")
    if not any(row["code"] == HELSINKI for row in rows):
        raise DataError(f"Helsinki ({HELSINKI}) is missing")
    county_ids = {row["id"] for row in counties}
    kinds = {row["code"]: services(row, county_ids) for row in rows}
    aland_names = [row["name_fi"] for row in rows if kinds[row["code"]] == "aland"]
    if len(aland_names) != ALAND_MUNICIPALITIES:
        raise DataError(
            f"expected {ALAND_MUNICIPALITIES} Åland municipalities (no county, not Helsinki), "
            f"found {len(aland_names)}: {', '.join(aland_names)}"
        )
    merged = mergers(data, {row["code"] for row in rows})
    current = [row for row in rows if row["code"] not in merged]
    used = {row["wellbeing_county"] for row in current}
    if unused := sorted(county_ids - used):
        raise DataError(f"no municipality is left in county {', '.join(unused)}")
    wanted = {
        "municipality": {row["code"] for row in current},
        "wellbeing_county": county_ids,
        "self": {HELSINKI},
    }
    sites = websites(data, wanted, set(merged))
    registry = registry_offices(data, {"municipality": wanted["municipality"], "wellbeing_county": county_ids})

    lines = [
        HEADER.format(
            what="Wellbeing services counties (hyvinvointialueet / välfärdsområden).",
            source="wellbeing_counties.csv and websites.csv",
            origin=f"{CLASSIFICATIONS};\n#   {WEBSITES}.",
        ),
        "counties:",
    ]
    for row in counties:
        lines += [
            f"  - id: {row['id']}",
            f"    name_fi: {quote(row['name_fi'])}",
            f"    name_sv: {quote(row['name_sv'])}",
            f"    short_name_fi: {quote(row['short_name_fi'])}",
            f"    short_name_sv: {quote(row['short_name_sv'])}",
            f"    population_2020: {int(row['population_2020'])}",
            f"    website: {sites['wellbeing_county', row['id']]}",
        ]
        if ("wellbeing_county", row["id"]) in registry:
            lines.append(f"    registry_office: {registry['wellbeing_county', row['id']]}")
    counties_yaml = "\n".join(lines) + "\n"
    lines = [
        HEADER.format(
            what="Municipalities (kunnat / kommuner) and who organises their health and social services.",
            source="municipalities.csv, mergers.csv, websites.csv and registry_offices.csv",
            origin=f"{CLASSIFICATIONS};\n#   mergers since: Statistics Finland's later classifications;"
            f"\n#   {WEBSITES}.",
        ),
        "# services: {county: ID} — the wellbeing services county (since 2023);",
        "#           self  — Helsinki organises its own health and social services (services_website);",
        "#           aland — the Åland municipalities are outside the reform: see aland.yaml for who handles what.",
        "# registry_office: only where the organisation's own documents give it; never derived from a pattern.",
        "municipalities:",
    ]
    for row in current:
        code = row["code"]
        lines += [
            f"  - code: {quote(code)}",
            f"    name_fi: {quote(row['name_fi'])}",
            f"    name_sv: {quote(row['name_sv'])}",
            f"    population_2020: {int(row['population_2020'])}",
            f"    services: {kinds[code]}",
            f"    website: {sites['municipality', code]}",
        ]
        if code == HELSINKI:
            lines.append(f"    services_website: {sites['self', code]}")
        if ("municipality", code) in registry:
            lines.append(f"    registry_office: {registry['municipality', code]}")
    lines += [
        "# Municipalities that joined another: their names (and every form of them) still lead to the one they joined.",
        "merged:" + ("" if merged else " []"),
    ]
    names = {row["code"]: row for row in rows}
    for code, merger in sorted(merged.items()):
        lines += [
            f"  - code: {quote(code)}",
            f"    name_fi: {quote(names[code]['name_fi'])}",
            f"    name_sv: {quote(names[code]['name_sv'])}",
            f"    into: {quote(merger['into_code'])}",
            f"    date: {merger['date']}",
            f"    source: {quote(merger['source'])}",
        ]
    return "\n".join(lines) + "\n", counties_yaml, aland(data)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data = Path(args[0]) if args else ROOT.parent / "shared" / "data"
    out = Path(args[1]) if len(args) > 1 else ROOT / "knowledge"
    municipalities, counties, aland_yaml = convert(data)
    written = {"municipalities.yaml": municipalities, "wellbeing_counties.yaml": counties, "aland.yaml": aland_yaml}
    for name, text in written.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {', '.join(str(out / name) for name in written)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
