"""The directory in knowledge/ is a reproducible conversion of the Statistics Finland CSVs."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from bot.check import check_all
from bot.directory import check_directory
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
