"""Storage on both engines: migrations, SQLite's write-ahead log, profiles that survive a reopen, the one schema
both end at, settings that name the database, and a PostgreSQL that cannot be reached said in one line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot.core.settings import Settings, SettingsError
from bot.storage.database import StorageError
from bot.storage.engines import open_database
from bot.storage.profiles import Profile
from bot.storage.schema import MIGRATIONS, migrations
from bot.storage.stores import Stores
from tests.engines import fresh_postgres, need_postgres, with_database

TOKEN = {"TELEGRAM_BOT_TOKEN": "123456789:AAEexampleexampleexampleexampleexa"}
# The SQLite text of every step that has shipped: a shipped step is never edited (a database that has applied it
# would never see the change), a new one is added.
SHIPPED = (
    "63a567b66813c04c",
    "1b74d50afc1cd2ab",
    "f522dc737b951633",
    "7eab89c3847881ac",
    "7291960b92282591",
    "e797ed39c2e2818c",
)


async def test_migrations_apply_once_and_set_the_version(db_target: Path | str) -> None:
    if isinstance(db_target, Path):
        db_target = db_target.parent / "db" / "kanebot.sqlite3"  # its folder is made too
    stores = await Stores.open(db_target)
    assert await stores.database.schema_version() == len(MIGRATIONS)
    await stores.close()
    reopened = await Stores.open(db_target)  # applying again must be a no-op, not an error
    assert await reopened.database.schema_version() == len(MIGRATIONS)
    await reopened.close()


async def test_the_sqlite_database_uses_write_ahead_logging(tmp_path: Path) -> None:
    stores = await Stores.open(tmp_path / "kanebot.sqlite3")
    row = await stores.database.fetch_one("PRAGMA journal_mode")
    assert row is not None and row[0] == "wal"
    await stores.close()


async def test_a_profile_survives_a_reopen_and_can_be_forgotten(db_target: Path | str) -> None:
    stores = await Stores.open(db_target)
    assert await stores.profiles.get(5) == Profile(5)
    await stores.profiles.save(Profile(5, explicit_lang="sv", last_lang="fi", client_code="sv-FI", municipality="905"))
    await stores.close()
    stores = await Stores.open(db_target)
    assert await stores.profiles.get(5) == Profile(5, "sv", "fi", "sv-FI", "905")
    await stores.forget(5)
    assert await stores.profiles.get(5) == Profile(5)
    await stores.close()


async def test_the_profile_in_memory_is_the_stored_one(db_target: Path | str) -> None:
    # Handlers skip the officials' flows on what is in memory, so it must never differ from the database.
    stores = await Stores.open(db_target)
    assert stores.profiles.cached(7) is None  # never read: unknown, not "no flow"
    await stores.profiles.save(Profile(7, last_lang="fi", answering=3))
    cached = stores.profiles.cached(7)
    await stores.close()
    stores = await Stores.open(db_target)
    assert cached == await stores.profiles.get(7) == Profile(7, last_lang="fi", answering=3)
    await stores.forget(7)
    assert stores.profiles.cached(7) is None
    await stores.close()


async def test_telegram_ids_past_32_bits_and_times_to_the_microsecond_are_kept_exactly(db_target: Path | str) -> None:
    database = await open_database(db_target)
    big, moment = -1_001_234_567_890, 1_795_000_000.123456
    async with database.transaction() as transaction:
        await transaction.execute(
            "INSERT INTO inbox (update_id, body, received_at, chat_id) VALUES (?, ?, ?, ?)", (7, "{}", moment, big)
        )
    row = await database.fetch_one("SELECT chat_id, received_at FROM inbox WHERE update_id = ?", (7,))
    assert row is not None and (row[0], row[1]) == (big, moment)
    await database.close()


def test_no_shipped_migration_step_has_changed() -> None:
    digests = tuple(hashlib.sha256(step.encode()).hexdigest()[:16] for step in MIGRATIONS[: len(SHIPPED)])
    assert digests == SHIPPED


async def test_both_engines_end_at_the_same_tables_columns_and_indexes(tmp_path: Path) -> None:
    sqlite = await open_database(tmp_path / "kanebot.sqlite3")
    try:
        expected = await sqlite.schema()
    finally:
        await sqlite.close()
    async with fresh_postgres() as url:
        postgres = await open_database(url)
        try:
            found = await postgres.schema()
        finally:
            await postgres.close()
    assert found.tables == expected.tables
    assert found.indexes == expected.indexes
    assert "inbox_chat" in found.indexes and "jobs" in found.tables
    assert len(migrations("postgresql")) == len(migrations("sqlite")) == len(MIGRATIONS)


def test_kanebot_db_names_a_sqlite_file_or_a_postgresql_database() -> None:
    url = "postgresql://kanebot:s3cret-pass@db.example.org:5432/kane"
    settings = Settings.from_env({**TOKEN, "KANEBOT_DB": url})
    assert settings.database == url and settings.db_url == url and "s3cret" not in repr(settings)
    assert "s3cret-pass" in settings.secrets  # redacted from every log line
    assert Settings.from_env({**TOKEN, "KANEBOT_DB": "data/x.sqlite3"}).database == Path("data/x.sqlite3")
    assert Settings.from_env(TOKEN).database == Path("data/kanebot.sqlite3")
    for bad, said in (
        ("postgresql://kanebot:s3cret-pass@/kane", "no host"),
        ("postgresql://kanebot:s3cret-pass@db.example.org/", "no database name"),
        ("postgresql://kanebot:s3cret-pass@db.example.org:99999/kane", "Port out of range"),
        ("mysql://kanebot:s3cret-pass@db.example.org/kane", "not a mysql:// URL"),
    ):
        with pytest.raises(SettingsError, match="KANEBOT_DB") as refused:
            Settings.from_env({**TOKEN, "KANEBOT_DB": bad})
        assert said in str(refused.value) and "s3cret-pass" not in str(refused.value), str(refused.value)


async def test_a_postgresql_that_cannot_be_reached_or_refuses_the_password_is_one_line_without_it() -> None:
    server = need_postgres()
    with pytest.raises(StorageError, match="cannot open the database") as refused:
        await open_database("postgresql://kanebot:s3cret-pass@127.0.0.1:9/kane")  # nothing listens on port 9
    assert "s3cret-pass" not in str(refused.value) and "***" in str(refused.value)
    wrong = with_database(server, "postgres").replace("kanebot:", "kanebot:wrong-", 1)
    with pytest.raises(StorageError, match="password authentication failed") as refused:
        await open_database(wrong)
    assert "wrong-" not in str(refused.value) and "\n" not in str(refused.value)
