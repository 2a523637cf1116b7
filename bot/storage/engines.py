"""Choosing the engine: the one place that knows both implementations of ``Database``, so that neither the
interface nor an engine has to import the other."""

from __future__ import annotations

from pathlib import Path

from bot.storage.database import Database, is_postgres_url


async def open_database(target: Path | str) -> Database:
    """Open the database ``target`` names, creating and migrating it as needed: a ``postgresql://`` URL, or the
    path of a SQLite file. On failure StorageError says why in one line."""
    if is_postgres_url(target):
        # Imported only when asked for: a bot on SQLite never loads asyncpg (cold start).
        from bot.storage.postgres import PostgresDatabase

        return await PostgresDatabase.connect(str(target))
    from bot.storage.sqlite import SqliteDatabase

    return await SqliteDatabase.connect(target)
