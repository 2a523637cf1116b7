"""SQLite storage: migrations, WAL, and profiles that survive a reopen."""

from __future__ import annotations

from pathlib import Path

from bot.storage import MIGRATIONS, Profile, Storage


async def test_migrations_apply_once_and_set_the_version(tmp_path: Path) -> None:
    path = tmp_path / "db" / "kanebot.sqlite3"
    storage = await Storage.open(path)
    assert await storage.schema_version() == len(MIGRATIONS)
    await storage.close()
    reopened = await Storage.open(path)  # applying again must be a no-op, not an error
    assert await reopened.schema_version() == len(MIGRATIONS)
    await reopened.close()


async def test_the_database_uses_write_ahead_logging(tmp_path: Path) -> None:
    storage = await Storage.open(tmp_path / "kanebot.sqlite3")
    async with storage._db.execute("PRAGMA journal_mode") as cursor:
        row = await cursor.fetchone()
    assert row is not None and row[0] == "wal"
    await storage.close()


async def test_a_profile_survives_a_reopen_and_can_be_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "kanebot.sqlite3"
    storage = await Storage.open(path)
    assert await storage.profile(5) == Profile(5)
    await storage.save_profile(Profile(5, explicit_lang="sv", last_lang="fi", client_code="sv-FI", municipality="905"))
    await storage.close()
    storage = await Storage.open(path)
    assert await storage.profile(5) == Profile(5, "sv", "fi", "sv-FI", "905")
    await storage.forget(5)
    assert await storage.profile(5) == Profile(5)
    await storage.close()


async def test_the_profile_in_memory_is_the_stored_one(tmp_path: Path) -> None:
    # Handlers skip the officials' flows on what is in memory, so it must never differ from the database.
    path = tmp_path / "kanebot.sqlite3"
    storage = await Storage.open(path)
    assert storage.cached_profile(7) is None  # never read: unknown, not "no flow"
    await storage.save_profile(Profile(7, last_lang="fi", answering=3))
    cached = storage.cached_profile(7)
    await storage.close()
    storage = await Storage.open(path)
    assert cached == await storage.profile(7) == Profile(7, last_lang="fi", answering=3)
    await storage.forget(7)
    assert storage.cached_profile(7) is None
    await storage.close()
