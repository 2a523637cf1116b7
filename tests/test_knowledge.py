"""The knowledge base carries the whole KANE text in both languages, and `kanebot check` guards it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.knowledge import load_knowledge
from bot.content.loading import check_all
from bot.core.lang import Lang
from bot.core.yamlfile import KnowledgeError
from tests.conftest import KNOWLEDGE, SHARED

# The obvious typos in the source that the knowledge corrects (listed in ../shared/README.md and in the
# entries' `corrections` fields), plus two the README does not list: fi "ehdokaille", fi "kansalais-taitojen".
TYPO_FIXES = {
    "fi": {
        "kokonaisuuturvallisuutta": "kokonaisturvallisuutta",
        "vastuuvollisuutta": "vastuuvelvollisuutta",
        "koontua": "kokoontua",
        "veloitetaan": "velvoitetaan",
        "ehdokaille": "ehdokkaille",
        "kansalais-taitojen": "kansalaistaitojen",
    },
    "sv": {"kriställighet": "kristålighet", "anbudsörfaranden": "anbudsförfaranden"},
}


def source_paragraphs(lang: str) -> list[str]:
    text = (SHARED / "kane" / f"goals-2025.{lang}.md").read_text(encoding="utf-8")
    paragraphs = []
    for line in text.splitlines():
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links keep their text
        line = line.strip().lstrip("#").strip().replace("**", "").removeprefix("- ").strip()
        for wrong, right in TYPO_FIXES[lang].items():
            line = line.replace(wrong, right)
        if line:
            paragraphs.append(line)
    return paragraphs


@pytest.mark.skipif(not (SHARED / "kane").is_dir(), reason="../shared/kane is not beside the repository")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_paragraph_of_the_source_is_in_the_knowledge(lang: Lang) -> None:
    knowledge = load_knowledge(KNOWLEDGE)
    carried = [entry.title(lang) for entry in knowledge.entries] + [entry.text(lang) for entry in knowledge.entries]
    carried.append(knowledge.messages.get("what_can_be_done", lang))
    paragraphs = source_paragraphs(lang)
    assert len(paragraphs) >= 30
    missing = [paragraph for paragraph in paragraphs if not any(paragraph in text for text in carried)]
    assert missing == []


def test_the_entries_cover_intro_candidates_kane_and_each_goal_with_its_actions() -> None:
    knowledge = load_knowledge(KNOWLEDGE)
    ids = set(knowledge.by_id)
    assert {"intro", "candidates", "candidates.dialogue", "kane"} <= ids
    for goal in range(1, 5):
        assert f"goal-{goal}" in ids
        assert [entry.id for entry in knowledge.actions(goal)] == [f"goal-{goal}.action-{n}" for n in (1, 2, 3)]


def test_every_entry_has_both_languages_and_enough_questions() -> None:
    for entry in load_knowledge(KNOWLEDGE).entries:
        for lang in ("fi", "sv"):
            assert entry.text(lang).strip() and entry.title(lang).strip()
            assert len(entry.questions(lang)) >= 5, entry.id


def test_corrected_typos_are_named_in_the_entries() -> None:
    knowledge = load_knowledge(KNOWLEDGE)
    notes = " ".join(entry.corrections or "" for entry in knowledge.entries)
    for fixes in TYPO_FIXES.values():
        for wrong, right in fixes.items():
            assert wrong in notes and right in notes


def test_every_message_exists_in_finnish_and_swedish_with_the_same_placeholders() -> None:
    raw = yaml.safe_load((KNOWLEDGE / "messages.yaml").read_text(encoding="utf-8"))
    assert len(raw) >= 20
    for key, texts in raw.items():
        assert set(texts) == {"fi", "sv"}, key
        assert texts["fi"].strip() and texts["sv"].strip(), key
        assert set(re.findall(r"{(\w+)}", texts["fi"])) == set(re.findall(r"{(\w+)}", texts["sv"])), key


def test_the_shipped_knowledge_passes_check() -> None:
    assert check_all(KNOWLEDGE) == []


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def _edit_entry(folder: Path, file: str, index: int, change: Callable[[dict[str, Any]], None]) -> str:
    path = folder / "entries" / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["entries"][index])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(data["entries"][index]["id"])


def test_check_names_file_entry_and_field_of_a_missing_translation(broken_copy: Path) -> None:
    entry_id = _edit_entry(broken_copy, "goal-2.yaml", 1, lambda entry: entry["text"].pop("sv"))
    problems = [str(problem) for problem in check_all(broken_copy)]
    assert any("goal-2.yaml" in p and entry_id in p and "text.sv" in p for p in problems), problems


def test_check_reports_duplicate_ids_and_unknown_references(broken_copy: Path) -> None:
    _edit_entry(broken_copy, "kane.yaml", 0, lambda entry: entry.update(id="intro"))
    _edit_entry(broken_copy, "goal-1.yaml", 0, lambda entry: entry.update(related=["goal-9.action-9"]))
    problems = "\n".join(str(problem) for problem in check_all(broken_copy))
    assert "duplicate id" in problems and "kane.yaml" in problems
    assert "unknown entry 'goal-9.action-9'" in problems and "field related" in problems


def test_bad_yaml_is_reported_with_its_line_and_never_raised(broken_copy: Path) -> None:
    path = broken_copy / "entries" / "goal-3.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5] + ' : "unclosed'
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = check_all(broken_copy)
    assert problems and problems[0].file.endswith("goal-3.yaml") and problems[0].line is not None
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(broken_copy)
    assert "goal-3.yaml" in str(raised.value)


def test_a_message_missing_swedish_fails_the_check(broken_copy: Path) -> None:
    path = broken_copy / "messages.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["fallback"]["sv"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any(p.entry == "fallback" and p.field == "sv" for p in check_all(broken_copy))


def test_a_help_task_must_pair_single_words_in_both_languages(broken_copy: Path) -> None:
    path = broken_copy / "help.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    editing = next(item for item in data["help"] if item["id"] == "help.editing")
    del editing["tasks"]["sv"]
    editing["tasks"]["fi"][0]["actions"] = ["ehdottaa muutosta"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = [(p.entry, p.field) for p in check_all(broken_copy)]
    assert ("help.editing", "tasks.sv") in problems
    assert ("help.editing", "tasks.fi[0]") in problems


def test_a_help_tasks_beside_words_must_be_single_words_and_no_other_field_is_read(broken_copy: Path) -> None:
    path = broken_copy / "help.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    editing = next(item for item in data["help"] if item["id"] == "help.editing")
    editing["tasks"]["fi"][0]["beside"] = ["yhdistyksen vastaus"]
    editing["tasks"]["sv"][0]["near"] = ["förening"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = [(p.entry, p.field) for p in check_all(broken_copy)]
    assert ("help.editing", "tasks.fi[0]") in problems
    assert ("help.editing", "tasks.sv[0]") in problems
