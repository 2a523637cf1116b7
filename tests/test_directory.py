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
    for name in ("municipalities.yaml", "wellbeing_counties.yaml", "aland.yaml"):
        assert (tmp_path / name).read_bytes() == (KNOWLEDGE / name).read_bytes(), f"regenerate {name}"


def test_the_2026_map_308_municipalities_21_counties_helsinki_itself_and_16_in_aland() -> None:
    directory, problems = check_directory(KNOWLEDGE)
    assert problems == []
    assert len(directory.municipalities) == 308 and len(directory.counties) == 21
    helsinki = directory.municipality("091")
    assert helsinki is not None and helsinki.services_kind == "self" and helsinki.county_id is None
    aland = [m for m in directory.municipalities if m.services_kind == "aland"]
    assert len(aland) == 16 and {"Maarianhamina", "Jomala", "Sund"} <= {m.name_fi for m in aland}
    # Pertunmaa joined Mäntyharju on 2026-01-01: its code (in an old profile or ticket) leads there.
    (pertunmaa,) = directory.former
    assert (pertunmaa.code, pertunmaa.name_fi, pertunmaa.into, pertunmaa.date.isoformat()) == (
        "588", "Pertunmaa", "507", "2026-01-01",
    )  # fmt: skip
    assert "588" not in {m.code for m in directory.municipalities}
    mantyharju = directory.municipality("588")
    assert mantyharju is not None and mantyharju.code == "507"
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


def test_a_merger_is_one_csv_row(tmp_path: Path) -> None:
    """A municipality joining another is one row in mergers.csv and a regeneration; the bot follows the data."""
    from bot.assistant import Assistant

    data = tmp_path / "data"
    shutil.copytree(SHARED / "data", data)
    with (data / "mergers.csv").open("a", encoding="utf-8") as mergers:
        mergers.write('245,Kerava,Kervo,092,Vantaa,2027-01-01,"hypothetical, for this test"\n')  # Kerava → Vantaa
    out = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, out)
    assert build_directory().main([str(data), str(out)]) == 0
    assistant = Assistant.load(out)
    assert len(assistant.router.directory.municipalities) == 307
    for question, note in (
        ("Keneen otamme yhteyttä Keravalla avustuksista?", "Kerava ja Vantaa yhdistyivät 1.1.2027"),
        ("Vem kontaktar vi i Kervo om bidrag?", "Kervo slogs samman med Vanda den 1.1.2027"),
    ):
        reply = assistant.reply(question)
        assert reply.route is not None and reply.route["municipality"]["code"] == "092", question
        assert note in reply.text


@pytest.mark.parametrize(
    ("file", "before", "after", "message"),
    [
        ("websites.csv", "https://www.vaasa.fi/,", "http://www.vaasa.fi/,", "is not an https:// address"),
        (
            "websites.csv",
            'municipality,905,Vaasa,https://www.vaasa.fi/,https://www.vaasa.fi/sv/,"Wikidata P856 (CC0), 2026-04-30"\n',
            "",
            "no website for municipality 905",
        ),
        ("websites.csv", '"Wikidata P856 (CC0), 2026-04-30"', '"Wikidata P856 (CC0)"', "gives no date"),
        ("websites.csv", "hel.fi as listed 2026-08", "someone told us 2026-08", "cannot tell where"),
        ("registry_offices.csv", "municipality,091,", "municipality,999,", "is not in the directory"),
        ("mergers.csv", "588,Pertunmaa,Pertunmaa,507,", "588,Pertunmaa,Pertunmaa,588,", "has itself joined"),
        ("mergers.csv", ",2026-01-01,", ",1.1.2026,", "is not a date"),
        ("aland.csv", "https://www.kst.ax/", "www.kst.ax", "is not an https:// address"),
    ],
)
def test_the_conversion_refuses_data_it_cannot_vouch_for(
    tmp_path: Path, file: str, before: str, after: str, message: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHARED / "data", data)
    text = (data / file).read_text(encoding="utf-8")
    assert before in text
    (data / file).write_text(text.replace(before, after, 1), encoding="utf-8")
    with pytest.raises(SystemExit, match=message):
        build_directory().main([str(data), str(tmp_path)])


def test_every_organisation_has_an_https_website_with_a_dated_source() -> None:
    directory = load_directory(KNOWLEDGE)
    websites = [m.website for m in directory.municipalities] + [c.website for c in directory.counties]
    websites += [service.website for service in directory.aland]
    assert len(websites) == 308 + 21 + 2
    for website in websites:
        assert website is not None and website.url.startswith("https://")
        assert website.source.kind in {"wikidata", "own_site", "government"}
    dated = [website for website in websites if website is not None and website.source.date is not None]
    assert len(dated) == len(websites) - 1  # ÅHS's source (the Government of Åland's pages) gives no date


def test_check_refuses_a_website_that_is_not_https(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    for name, old, new in (
        ("municipalities.yaml", 'url: "https://www.vaasa.fi/"', 'url: "http://www.vaasa.fi/"'),
        ("wellbeing_counties.yaml", 'url: "https://www.pirha.fi/"', 'url: "ftp://pirha.fi"'),
        ("aland.yaml", 'url: "https://www.kst.ax/"', 'url: "kst.ax"'),
    ):
        path = copy / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    problems = [str(problem) for problem in check_all(copy)]
    assert "knowledge/municipalities.yaml: entry 905: field website.url: must be an https:// address" in problems
    assert "knowledge/wellbeing_counties.yaml: entry PI: field website.url: must be an https:// address" in problems
    assert "knowledge/aland.yaml: entry KST: field website.url: must be an https:// address" in problems
    from tests.test_cli import kanebot

    result = kanebot("--knowledge", str(copy), "check")
    assert result.returncode == 1 and "must be an https:// address" in result.stderr.decode()


def test_check_reports_a_word_name_left_behind_by_a_merger(tmp_path: Path) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    path = copy / "places.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("ambiguous: [", "ambiguous: [Atlantis, ", 1), encoding="utf-8"
    )
    problems = [str(problem) for problem in check_all(copy)]
    assert any("places.yaml" in p and "atlantis" in p for p in problems), problems
