"""SQLite storage: migrations, WAL, and profiles that survive a reopen."""

from __future__ import annotations

from pathlib import Path

from bot.storage.profiles import Profile
from bot.storage.schema import MIGRATIONS
from bot.storage.stores import Stores


async def test_migrations_apply_once_and_set_the_version(tmp_path: Path) -> None:
    path = tmp_path / "db" / "kanebot.sqlite3"
    stores = await Stores.open(path)
    assert await stores.database.schema_version() == len(MIGRATIONS)
    await stores.close()
    reopened = await Stores.open(path)  # applying again must be a no-op, not an error
    assert await reopened.database.schema_version() == len(MIGRATIONS)
    await reopened.close()


async def test_the_database_uses_write_ahead_logging(tmp_path: Path) -> None:
    stores = await Stores.open(tmp_path / "kanebot.sqlite3")
    row = await stores.database.fetch_one("PRAGMA journal_mode")
    assert row is not None and row[0] == "wal"
    await stores.close()


async def test_a_profile_survives_a_reopen_and_can_be_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "kanebot.sqlite3"
    stores = await Stores.open(path)
    assert await stores.profiles.get(5) == Profile(5)
    await stores.profiles.save(Profile(5, explicit_lang="sv", last_lang="fi", client_code="sv-FI", municipality="905"))
    await stores.close()
    stores = await Stores.open(path)
    assert await stores.profiles.get(5) == Profile(5, "sv", "fi", "sv-FI", "905")
    await stores.forget(5)
    assert await stores.profiles.get(5) == Profile(5)
    await stores.close()


async def test_the_profile_in_memory_is_the_stored_one(tmp_path: Path) -> None:
    # Handlers skip the officials' flows on what is in memory, so it must never differ from the database.
    path = tmp_path / "kanebot.sqlite3"
    stores = await Stores.open(path)
    assert stores.profiles.cached(7) is None  # never read: unknown, not "no flow"
    await stores.profiles.save(Profile(7, last_lang="fi", answering=3))
    cached = stores.profiles.cached(7)
    await stores.close()
    stores = await Stores.open(path)
    assert cached == await stores.profiles.get(7) == Profile(7, last_lang="fi", answering=3)
    await stores.forget(7)
    assert stores.profiles.cached(7) is None
    await stores.close()
