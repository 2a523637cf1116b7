"""The index and lemma tables kept between processes: the same answers as a fresh build, rebuilt when anything they
are built from changes, and never read from a folder someone else could have written to."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from bot.answering.lexicon import Lexicon
from bot.answering.retrieval import Featurizer, Retriever
from bot.assistant import Assistant, load_stopwords
from bot.content.loading import load_all
from bot.core.disk_cache import DiskCache, default_cache_dir
from tests.conftest import KNOWLEDGE

QUESTIONS = ["Pitäisikö kerhohuoneen olla ilmainen?", "vad säger målen om upphandling", "avustukset", "KANE"]


def test_a_cached_index_answers_as_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KANEBOT_CACHE", "off")
    fresh = Assistant.load(KNOWLEDGE)
    monkeypatch.setenv("KANEBOT_CACHE", str(tmp_path / "cache"))
    Assistant.load(KNOWLEDGE)  # writes the cache
    assert len(list((tmp_path / "cache").glob("*.marshal"))) >= 3  # lexicon, index, help index
    cached = Assistant.load(KNOWLEDGE)  # reads it
    for question in QUESTIONS:
        assert cached.reply(question) == fresh.reply(question)


def test_a_changed_entry_builds_a_new_index(tmp_path: Path) -> None:
    loaded = load_all(KNOWLEDGE)
    cache = DiskCache(tmp_path)
    featurizer = Featurizer(Lexicon.load(cache=cache), load_stopwords(), loaded.concepts)
    Retriever(loaded.knowledge.entries, featurizer, cache=cache)
    before = set(tmp_path.glob("*.marshal"))
    changed = [dataclasses.replace(loaded.knowledge.entries[0], questions_fi=("kerhohuone",))]
    index = Retriever([*changed, *loaded.knowledge.entries[1:]], featurizer, cache=cache)
    assert set(tmp_path.glob("*.marshal")) - before  # a new key, a new file
    assert index.search("kerhohuone")[0].entry.id == changed[0].id


def test_a_folder_others_can_write_to_is_not_read(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.store(cache.key("x"), {"a": 1})
    assert cache.load(cache.key("x")) == {"a": 1}
    os.chmod(tmp_path, 0o777)  # noqa: S103 - the point of the test
    assert cache.load(cache.key("x")) is None


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = DiskCache(blocked / "cache")
    cache.store(cache.key("x"), {"a": 1})
    assert cache.load(cache.key("x")) is None


def test_where_the_cache_lives() -> None:
    assert default_cache_dir({"KANEBOT_CACHE": "off"}) is None
    assert default_cache_dir({"KANEBOT_CACHE": "/srv/cache"}) == Path("/srv/cache")
    assert default_cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/kanebot")


def test_a_parsed_file_is_kept_with_its_dates(tmp_path: Path) -> None:
    from bot.core.yamlfile import read_yaml

    path = tmp_path / "data.yaml"
    path.write_text("when: 2026-04-30\nitems: [1, two, {at: 2025-01-02}]\n", encoding="utf-8")
    cache = DiskCache(tmp_path / "cache")
    first, _ = read_yaml(path, "data.yaml", cache)
    again, _ = read_yaml(path, "data.yaml", cache)
    assert first == again and isinstance(again["when"], __import__("datetime").date)
    assert len(list((tmp_path / "cache").glob("*.marshal"))) == 1


def test_the_cache_keeps_only_the_most_recently_used_files(tmp_path: Path) -> None:
    from bot.core.disk_cache import KEEP_FILES

    cache = DiskCache(tmp_path)
    for number in range(KEEP_FILES + 5):
        cache.store(cache.key(number), {"n": number})
    assert len(list(tmp_path.glob("*.marshal"))) == KEEP_FILES
