"""The directory in knowledge/ is a reproducible conversion of the Statistics Finland CSVs."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from bot.content.directory import DirectoryError, check_directory, load_directory
from bot.content.loading import check_all
from tests.conftest import KNOWLEDGE, ROOT, SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared/data is not beside the repository")


def build_directory() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_directory", ROOT / "scripts" / "build_directory.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_directory_equals_a_fresh_conversion(tmp_path: Path) -> None:
    assert build_directory().main([str(SHARED / "data"), str(tmp_path)]) == 0
    for name in ("municipalities.yaml", "wellbeing_counties.yaml"):
        assert (tmp_path / name).read_bytes() == (KNOWLEDGE / name).read_bytes(), f"regenerate {name}"


def test_309_municipalities_21_counties_helsinki_itself_and_16_in_aland() -> None:
    directory, problems = check_directory(KNOWLEDGE)
    assert problems == []
    assert len(directory.municipalities) == 309 and len(directory.counties) == 21
    helsinki = directory.municipality("091")
    assert helsinki is not None and helsinki.services_kind == "self" and helsinki.county_id is None
    aland = [m for m in directory.municipalities if m.services_kind == "aland"]
    assert len(aland) == 16 and {"Maarianhamina", "Jomala", "Sund"} <= {m.name_fi for m in aland}
    pori = directory.municipality("609")
    assert pori is not None and pori.county_id == "SA"
    satakunta = directory.county("SA")
    assert satakunta is not None and satakunta.name_sv == "Satakunta välfärdsområde"


def test_the_conversion_refuses_data_where_helsinki_and_aland_cannot_be_told_apart(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHARED / "data", data)
    csv = data / "municipalities.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",Vantaa,Vanda,237231,VK", ",Vantaa,Vanda,237231,"))
    with pytest.raises(SystemExit, match="Åland"):
        build_directory().main([str(data), str(tmp_path)])


def test_the_conversion_refuses_a_duplicate_code_and_a_helsinki_with_a_county(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHARED / "data", data)
    csv = data / "municipalities.csv"
    original = csv.read_text(encoding="utf-8")
    csv.write_text(original + "005,Uusi kunta,Ny kommun,1,EP\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="duplicate municipality code '005'"):
        build_directory().main([str(data), str(tmp_path)])
    csv.write_text(original.replace("091,Helsinki,Helsingfors,656920,", "091,Helsinki,Helsingfors,656920,VK"))
    with pytest.raises(SystemExit, match="Helsinki"):
        build_directory().main([str(data), str(tmp_path)])


def test_lookups() -> None:
    directory = load_directory(KNOWLEDGE)
    turku = directory.municipality("853")
    assert turku is not None and turku.name("sv") == "Åbo" and turku.population > 0
    county = directory.county_of(turku)
    assert county is not None and county.name("fi") == "Varsinais-Suomen hyvinvointialue"
    mariehamn = directory.municipality("478")
    assert mariehamn is not None and directory.county_of(mariehamn) is None
    assert directory.municipality("999") is None and directory.county("XX") is None


def test_broken_records_are_reported_with_file_entry_and_field(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    path = copy / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('  - code: "009"', '  - code: "005"', 1)  # Alavieska gets Alajärvi's code
    text = text.replace('    name_sv: "Alavo"\n', "", 1)  # Alavus loses its Swedish name
    text = text.replace('    name_fi: "Asikkala"', '    name_fi: "Alajärvi"', 1)  # Asikkala takes Alajärvi's name
    text = text.replace('  - code: "018"', '  - code: "018"\n    mayor: "X"', 1)
    text = text.replace('  - code: "019"', "  - code: 19", 1)
    path.write_text(text, encoding="utf-8")
    _, problems = check_directory(copy)
    assert [str(problem) for problem in problems] == [
        "knowledge/municipalities.yaml: entry 005: field code: duplicate code",
        "knowledge/municipalities.yaml: entry 010: field name_sv: is missing or empty",
        "knowledge/municipalities.yaml: entry 016: field name_fi: is also the name of 005",
        "knowledge/municipalities.yaml: entry 018: field mayor: unknown field",
        'knowledge/municipalities.yaml: entry #6: field code: must be a three-digit code in quotes ("091")',
    ]


def test_an_unreadable_file_raises_an_error_naming_file_and_line(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    path = copy / "wellbeing_counties.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[12] = "    name_fi: [unclosed"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DirectoryError, match=r"knowledge/wellbeing_counties\.yaml:1[34]: invalid YAML"):
        load_directory(copy)


def test_a_broken_record_is_reported_with_file_entry_and_field(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    path = copy / "municipalities.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("services: {county: SA}", "services: {county: XXX}", 1))
    problems = [str(p) for p in check_all(copy)]
    assert any("municipalities.yaml" in p and "services.county" in p and "XXX" in p for p in problems), problems


def test_a_merger_is_a_data_change(tmp_path: Path) -> None:
    """Merging a municipality into another is a CSV change and a regeneration; the bot follows the data."""
    from bot.assistant import Assistant

    data = tmp_path / "data"
    shutil.copytree(SHARED / "data", data)
    csv = data / "municipalities.csv"
    # Hypothetical: Kerava (245) merges into Vantaa (092).
    csv.write_text("".join(line for line in csv.open(encoding="utf-8") if not line.startswith("245,")))
    out = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, out)
    assert build_directory().main([str(data), str(out)]) == 0
    assistant = Assistant.load(out)
    assert len(assistant.router.directory.municipalities) == 308
    reply = assistant.reply("Keneen otamme yhteyttä Vantaalla avustuksista?")
    assert reply.route is not None and reply.route["municipality"]["code"] == "092"


def test_check_reports_a_word_name_left_behind_by_a_merger(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    path = copy / "places.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ambiguous: [", "ambiguous: [Atlantis, ", 1), encoding="utf-8"
    )
    problems = [str(problem) for problem in check_all(copy)]
    assert any("places.yaml" in p and "atlantis" in p for p in problems), problems
