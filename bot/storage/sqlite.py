"""The embedded default engine: one SQLite file through aiosqlite, WAL mode, one connection.

One process owns the file (another process may run a short command on it, such as `kanebot invite`): so a chat's
turn and a claimed row need no lock beyond the process's own, and there is no other process to tell of a change.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from bot.storage.database import (
    CLOSE_SECONDS,
    Args,
    Claim,
    Database,
    Listener,
    LocalJobs,
    Row,
    Schema,
    StorageError,
    Traced,
    Transaction,
    bind,
)
from bot.storage.schema import migrations

log = logging.getLogger("kanebot.storage")


class SqliteTransaction(Transaction):
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, args: Args = ()) -> int:
        cursor = await self._connection.execute(sql, bind(args))
        return cursor.rowcount

    async def execute_many(self, sql: str, rows: Iterable[Args]) -> None:
        await self._connection.executemany(sql, [bind(row) for row in rows])

    async def execute_each(self, sql: str, rows: Sequence[Args]) -> list[int]:
        failed: list[int] = []
        for index, row in enumerate(rows):
            await self._connection.execute("SAVEPOINT kanebot_row")
            try:
                await self._connection.execute(sql, bind(row))
            except sqlite3.Error as error:
                log.warning("a row of a batch was not written and is skipped: %s", error)
                await self._connection.execute("ROLLBACK TO SAVEPOINT kanebot_row")
                failed.append(index)
            await self._connection.execute("RELEASE SAVEPOINT kanebot_row")
        return failed

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        rows = await self._connection.execute_fetchall(sql, bind(args))
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        return list(await self._connection.execute_fetchall(sql, bind(args)))


class SqliteDatabase(Database):
    """One connection. Writes are serialised by a lock: several statements of a transaction share the connection,
    and another task's statement must not land in the middle of them."""

    dialect = "sqlite"
    shared = False

    def __init__(self, connection: aiosqlite.Connection, path: Path | str) -> None:
        self._connection = connection
        self._path = path
        self._lock = asyncio.Lock()
        self._jobs = LocalJobs()

    @classmethod
    async def connect(cls, path: Path | str) -> SqliteDatabase:
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
            database = cls(connection, path)
            await database.migrate()
        except (OSError, sqlite3.Error, ValueError) as error:
            await _close_quietly(connection)
            raise StorageError(f"cannot open the database {path}: {error}") from error
        except BaseException:
            await _close_quietly(connection)
            raise
        return database

    async def close(self) -> None:
        await _close_quietly(self._connection)

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        # One trip to the database thread (a cursor's execute, fetch and close are three).
        return list(await self._connection.execute_fetchall(sql, bind(args)))

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        return next(iter(await self._connection.execute_fetchall(sql, bind(args))), None)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async with self._lock:
            # BEGIN IMMEDIATE takes the write lock at once: a transaction that reads first and writes later cannot
            # be refused half-way because another process (`kanebot invite`) wrote in between.
            await self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteTransaction(self._connection)
            except BaseException:
                await self._connection.rollback()
                raise
            try:
                await self._connection.commit()
            except BaseException:
                if self._connection.in_transaction:
                    await self._connection.rollback()
                raise

    async def trace(self, callback: Callable[[Traced], None] | None) -> None:
        if callback is None:
            await self._connection.set_trace_callback(None)  # type: ignore[arg-type]  # None is sqlite3's "stop"
            return
        report = callback
        await self._connection.set_trace_callback(lambda sql: report(Traced(sql)))

    async def plan(self, statement: Traced) -> list[str]:
        rows = await self.fetch_all(f"EXPLAIN QUERY PLAN {statement.sql}", statement.args)
        return [str(row[3]) for row in rows]

    async def schema_version(self) -> int:
        row = await self.fetch_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        version = await self.schema_version()
        steps = migrations(self.dialect)
        for number, script in enumerate(steps[version:], start=version + 1):
            # executescript commits first; the version bump is part of the same script so a step applies whole.
            await self._connection.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    async def schema(self) -> Schema:
        names = [row[0] for row in await self.fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )]  # fmt: skip
        tables = {name: tuple(row[1] for row in await self.fetch_all(f"PRAGMA table_info({name})")) for name in names}
        indexes: dict[str, tuple[str, tuple[str, ...]]] = {}
        for row in await self.fetch_all(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        ):
            columns = tuple(info[2] for info in await self.fetch_all(f"PRAGMA index_info({row[0]})"))
            indexes[row[0]] = (row[1], columns)
        return Schema(tables, indexes)

    # --- one process: its own locks are all there is ------------------------------------------------------------

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        mine = self._jobs.take(name)
        try:
            yield mine
        finally:
            if mine:
                self._jobs.release(name)

    @asynccontextmanager
    async def chat_turn(self, key: int | None) -> AsyncIterator[None]:
        yield  # the update processor already keeps a chat's updates in order within the process

    @asynccontextmanager
    async def claim(self, sql: str, args: Args = ()) -> AsyncIterator[Claim | None]:
        row = await self.fetch_one(sql, args)
        yield Claim(row, self.transaction) if row is not None else None

    async def publish(self, topic: str, data: str = "") -> None:
        return None  # no other process keeps anything of this database in memory

    async def listen(self, listener: Listener) -> None:
        return None

    @asynccontextmanager
    async def sibling(self) -> AsyncIterator[Database]:
        other = await SqliteDatabase.connect(self._path)
        try:
            yield other
        finally:
            await other.close()


async def _close_quietly(connection: aiosqlite.Connection) -> None:
    try:
        await asyncio.wait_for(connection.close(), CLOSE_SECONDS)
    except (TimeoutError, sqlite3.Error, ValueError, OSError) as error:
        log.error("the database did not close cleanly: %s", error)
        connection.stop()  # ends the (daemon) thread once it is free; never waits
        return
    # A connection that never opened has already been told to stop (aiosqlite does it without waiting): let its
    # thread finish while the event loop is still there to hear it, or it reports a closed loop on the way out.
    thread = getattr(connection, "_thread", None)
    for _ in range(int(CLOSE_SECONDS / 0.01)):
        if thread is None or not thread.is_alive():
            return
        await asyncio.sleep(0.01)
