"""The database: one SQLite file through aiosqlite, WAL mode, migrations applied at start, and transactions.

The stores (profiles, tickets, access, edits, statistics) speak SQL to a ``Database`` and never to the driver, so a
write always happens inside ``transaction()``: committed whole, or rolled back whole, never left open.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Protocol

import aiosqlite

from bot.storage.schema import MIGRATIONS

Args = Sequence[object]


class Row(Protocol):
    """A result row, read by column name or position."""

    def __getitem__(self, key: int | str) -> Any: ...

    def keys(self) -> Iterable[str]: ...


class Transaction:
    """The statements of one transaction; only ``Database.transaction`` makes one."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, args: Args = ()) -> int:
        """Run one statement; how many rows it changed."""
        cursor = await self._connection.execute(sql, args)
        return cursor.rowcount

    async def execute_many(self, sql: str, rows: Iterable[Args]) -> None:
        await self._connection.executemany(sql, rows)

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        """The first row of a query (or of an ``INSERT … RETURNING``)."""
        rows = await self._connection.execute_fetchall(sql, args)
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        return list(await self._connection.execute_fetchall(sql, args))


class Database:
    """One connection. Writes are serialised by a lock: several statements of a transaction share the connection,
    and another task's statement must not land in the middle of them."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(str(path))
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode=WAL")
        # With WAL, NORMAL never corrupts the database; a power cut can lose only the last commits.
        await connection.execute("PRAGMA synchronous=NORMAL")
        await connection.execute("PRAGMA foreign_keys=ON")
        await connection.execute("PRAGMA busy_timeout=5000")
        database = cls(connection)
        await database.migrate()
        return database

    async def close(self) -> None:
        await self._connection.close()

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        # One trip to the database thread (a cursor's execute, fetch and close are three).
        return list(await self._connection.execute_fetchall(sql, args))

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        return next(iter(await self._connection.execute_fetchall(sql, args)), None)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async with self._lock:
            try:
                yield Transaction(self._connection)
            except BaseException:
                await self._connection.rollback()
                raise
            await self._connection.commit()

    async def schema_version(self) -> int:
        row = await self.fetch_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        version = await self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript commits first; the version bump is part of the same script so a step applies whole.
            await self._connection.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
