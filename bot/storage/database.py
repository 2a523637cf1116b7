"""The database: one SQLite file through aiosqlite, WAL mode, migrations applied at start, and transactions.

The stores (profiles, tickets, access, edits, statistics) speak SQL to a ``Database`` and never to the driver, so a
write always happens inside ``transaction()``: committed whole, or rolled back whole, never left open. Every text
bound to a statement is made valid first (``valid_text``): a lone surrogate typed into Telegram must not make a
write fail, nor a batch of them.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Protocol

import aiosqlite

from bot.core.text import valid_text
from bot.storage.schema import MIGRATIONS

Args = Sequence[object]
CLOSE_SECONDS = 5.0
PURGE_BATCH = 200  # rows deleted per transaction by a purge: each holds the database for milliseconds
log = logging.getLogger("kanebot.storage")


class StorageError(RuntimeError):
    """The database cannot be opened or used at all; the message is one line for the operator."""


def _bind(args: Args) -> tuple[object, ...]:
    return tuple(valid_text(value) if isinstance(value, str) else value for value in args)


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
        cursor = await self._connection.execute(sql, _bind(args))
        return cursor.rowcount

    async def execute_many(self, sql: str, rows: Iterable[Args]) -> None:
        await self._connection.executemany(sql, [_bind(row) for row in rows])

    async def execute_each(self, sql: str, rows: Sequence[Args]) -> list[int]:
        """Run ``sql`` once per row, each row all or nothing (a savepoint of its own): a row that fails is undone
        alone and the others are kept. The positions of the rows that failed."""
        failed: list[int] = []
        for index, row in enumerate(rows):
            await self._connection.execute("SAVEPOINT kanebot_row")
            try:
                await self._connection.execute(sql, _bind(row))
            except sqlite3.Error as error:
                log.warning("a row of a batch was not written and is skipped: %s", error)
                await self._connection.execute("ROLLBACK TO SAVEPOINT kanebot_row")
                failed.append(index)
            await self._connection.execute("RELEASE SAVEPOINT kanebot_row")
        return failed

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        """The first row of a query (or of an ``INSERT … RETURNING``)."""
        rows = await self._connection.execute_fetchall(sql, _bind(args))
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        return list(await self._connection.execute_fetchall(sql, _bind(args)))


class Database:
    """One connection. Writes are serialised by a lock: several statements of a transaction share the connection,
    and another task's statement must not land in the middle of them."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        """Open (creating it and its folder if needed) and migrate; on any failure the connection is closed again
        (its thread would keep the process alive) and StorageError says why in one line."""
        try:
            if str(path) != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            connection = aiosqlite.connect(str(path))
        except (OSError, sqlite3.Error) as error:
            raise StorageError(f"cannot open the database {path}: {error}") from error
        # aiosqlite's thread is not a daemon: a thread stuck in SQLite (a full disk, a lock) would keep the process
        # from exiting after a stop. SQLite with WAL survives being cut off; a process that never exits does not.
        thread = getattr(connection, "_thread", None)
        if thread is not None:
            thread.daemon = True
        try:
            await connection
            connection.row_factory = aiosqlite.Row
            await connection.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL never corrupts the database; a power cut can lose only the last commits.
            await connection.execute("PRAGMA synchronous=NORMAL")
            await connection.execute("PRAGMA foreign_keys=ON")
            await connection.execute("PRAGMA busy_timeout=5000")
            # 32 MB of pages in memory (SQLite's default is 2 MB): with a million tickets the indexes the bot walks
            # per message stay cached, and a purge's batches are not slowed by reading them from disk.
            await connection.execute("PRAGMA cache_size=-32768")
            database = cls(connection)
            await database.migrate()
        except (OSError, sqlite3.Error, ValueError) as error:
            await _close_quietly(connection)
            raise StorageError(f"cannot open the database {path}: {error}") from error
        except BaseException:
            await _close_quietly(connection)
            raise
        return database

    async def close(self) -> None:
        """Close within CLOSE_SECONDS whatever happens (a full disk, a statement still running): the process must
        be able to exit."""
        await _close_quietly(self._connection)

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        # One trip to the database thread (a cursor's execute, fetch and close are three).
        return list(await self._connection.execute_fetchall(sql, _bind(args)))

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        return next(iter(await self._connection.execute_fetchall(sql, _bind(args))), None)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async with self._lock:
            # BEGIN IMMEDIATE takes the write lock at once: a transaction that reads first and writes later cannot
            # be refused half-way because another process (`kanebot invite`) wrote in between.
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield Transaction(self._connection)
            except BaseException:
                await self._connection.rollback()
                raise
            try:
                await self._connection.commit()
            except BaseException:
                if self._connection.in_transaction:
                    await self._connection.rollback()
                raise

    async def delete_in_batches(self, table: str, where: str, args: Args) -> int:
        """Delete the rows of ``table`` (which has an ``id`` key) matching ``where``, PURGE_BATCH rows per
        transaction, letting others use the database in between: a purge of a million rows never holds it for long.
        How many rows went. ``table`` and ``where`` are the caller's own SQL, never user input."""
        sql = f"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {where} LIMIT {PURGE_BATCH})"  # noqa: S608
        total = 0
        while True:
            async with self.transaction() as transaction:
                deleted = await transaction.execute(sql, args)
            total += deleted
            if deleted < PURGE_BATCH:
                return total
            await asyncio.sleep(0)

    async def delete_older_in_batches(self, table: str, column: str, cutoff: float) -> int:
        """Delete the rows of ``table`` whose ``column`` (an indexed time) is before ``cutoff``, oldest first, about
        PURGE_BATCH per transaction (for tables without an ``id``); how many went."""
        total = 0
        while True:
            edge = await self.fetch_one(
                f"SELECT {column} FROM {table} WHERE {column} < ? ORDER BY {column} LIMIT 1 OFFSET ?",  # noqa: S608
                (cutoff, PURGE_BATCH),
            )
            until = min(float(edge[0]), cutoff) if edge is not None else cutoff
            async with self.transaction() as transaction:
                total += await transaction.execute(f"DELETE FROM {table} WHERE {column} < ?", (until,))  # noqa: S608
            if edge is None:
                return total
            await asyncio.sleep(0)

    async def trace(self, callback: Callable[[str], None] | None) -> None:
        """Call ``callback`` with every statement run from now on, its values filled in (None: stop): a test reads
        the plans of what the bot really runs."""
        await self._connection.set_trace_callback(callback)  # type: ignore[arg-type]  # None is sqlite3's "stop"

    async def schema_version(self) -> int:
        row = await self.fetch_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        version = await self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript commits first; the version bump is part of the same script so a step applies whole.
            await self._connection.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")


async def _close_quietly(connection: aiosqlite.Connection) -> None:
    try:
        await asyncio.wait_for(connection.close(), CLOSE_SECONDS)
    except (TimeoutError, sqlite3.Error, ValueError, OSError) as error:
        log.error("the database did not close cleanly: %s", error)
        connection.stop()  # ends the (daemon) thread once it is free; never waits
