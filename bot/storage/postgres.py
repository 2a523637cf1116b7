"""PostgreSQL through asyncpg (``KANEBOT_DB=postgresql://…``): any number of bot replicas on one database.

The stores' SQL is the engines' common subset with ``?`` placeholders; they become ``$1, $2, …`` here, in one place.
What several processes need, they get from PostgreSQL itself:
- a chat's turn and a scheduled job are session-level advisory locks, all held on one connection of the process
  (``_Coordinator``): if the process dies, even with SIGKILL, its connection goes and every lock it held with it;
- a claimed row is ``SELECT … FOR UPDATE SKIP LOCKED`` in a transaction held while the process works on the row:
  if the process dies, the transaction is rolled back and the row is free again at once;
- what a process changed that others keep in memory is a NOTIFY on one channel, which every process LISTENs to on
  a connection of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import asyncpg

from bot.core.settings import shown_url
from bot.storage.database import (
    CLOSE_SECONDS,
    EVERYTHING,
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
    lock_key,
)
from bot.storage.schema import migrations

log = logging.getLogger("kanebot.storage")
# Connections per process: a statement holds one for a fraction of a millisecond, an outbox item one while Telegram
# takes it (at most 8 at once: handlers/common/outbox.py).
POOL_SIZE = 20
CONNECT_SECONDS = 10.0
COMMAND_SECONDS = 60.0  # no statement of the bot's takes near this; one that does is stuck
CHANNEL = "kanebot"  # the one NOTIFY channel: "<process> <topic> <data>"
TURN_WAIT_FIRST, TURN_WAIT_MOST = 0.005, 0.1  # polling for a chat held by another process (rare: back off)
_COUNT = re.compile(r"(\d+)$")
PostgresErrors = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError)
Connection = asyncpg.Connection | asyncpg.pool.PoolConnectionProxy  # a connection of its own, or the pool's


@lru_cache(maxsize=4096)
def placeholders(sql: str) -> str:
    """``?`` → ``$1``, ``$2``, … outside quoted text and identifiers."""
    out: list[str] = []
    number = 0
    quote: str | None = None
    for char in sql:
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            number += 1
            out.append(f"${number}")
            continue
        out.append(char)
    return "".join(out)


def _count(status: str) -> int:
    """How many rows a command changed, from its status ("UPDATE 3", "INSERT 0 1", "DELETE 0")."""
    match = _COUNT.search(status or "")
    return int(match.group(1)) if match else 0


class PostgresTransaction(Transaction):
    def __init__(self, database: PostgresDatabase, connection: Connection) -> None:
        self._db = database
        self._connection = connection

    async def execute(self, sql: str, args: Args = ()) -> int:
        return _count(await self._connection.execute(self._db.prepared(sql, args), *bind(args)))

    async def execute_many(self, sql: str, rows: Iterable[Args]) -> None:
        bound = [bind(row) for row in rows]
        if bound:
            await self._connection.executemany(self._db.prepared(sql, bound[0]), bound)

    async def execute_each(self, sql: str, rows: Sequence[Args]) -> list[int]:
        failed: list[int] = []
        for index, row in enumerate(rows):
            await self._connection.execute("SAVEPOINT kanebot_row")
            try:
                await self._connection.execute(self._db.prepared(sql, row), *bind(row))
            except (asyncpg.PostgresError, asyncpg.InterfaceError) as error:
                log.warning("a row of a batch was not written and is skipped: %s", error)
                await self._connection.execute("ROLLBACK TO SAVEPOINT kanebot_row")
                failed.append(index)
            await self._connection.execute("RELEASE SAVEPOINT kanebot_row")
        return failed

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        row: Row | None = await self._connection.fetchrow(self._db.prepared(sql, args), *bind(args))
        return row

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        return list(await self._connection.fetch(self._db.prepared(sql, args), *bind(args)))

    async def notify(self, topic: str, data: str = "") -> None:
        await self._connection.execute("SELECT pg_notify($1, $2)", CHANNEL, self._db.message(topic, data))

    async def continue_numbering(self, table: str, column: str) -> None:
        # The identity's sequence does not see ids given explicitly; names from the schema, never user input.
        await self._connection.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "  # noqa: S608
            f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
        )


class _Coordinator:
    """One connection of the process that holds its advisory locks (chats' turns, jobs). Statements on it are short
    and one at a time. If it is lost, so are the locks taken on it: they are not released twice."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._connection: asyncpg.Connection | None = None
        self._lock = asyncio.Lock()
        self.session = 0  # which connection a lock was taken on

    async def value(self, sql: str, *args: object) -> Any:
        async with self._lock:
            if self._connection is None or self._connection.is_closed():
                if self._connection is not None:
                    log.warning("the database connection holding this process's locks was lost; reconnecting")
                self._connection = await asyncpg.connect(self._url, timeout=CONNECT_SECONDS)
                self.session += 1
            return await self._connection.fetchval(sql, *args)

    async def release(self, key: int, session: int) -> None:
        if session != self.session:
            return  # taken on a connection since lost: the lock went with it
        try:
            await self.value("SELECT pg_advisory_unlock($1)", key)
        except PostgresErrors as error:
            log.warning("could not release an advisory lock (it goes with the connection): %s", error)

    async def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(*PostgresErrors, TimeoutError):
                await asyncio.wait_for(self._connection.close(), CLOSE_SECONDS)
            if not self._connection.is_closed():
                self._connection.terminate()


class PostgresDatabase(Database):
    dialect = "postgresql"
    shared = True

    def __init__(self, pool: asyncpg.Pool, url: str) -> None:
        self._pool = pool
        self._url = url
        self._coordinator = _Coordinator(url)
        self._jobs = LocalJobs()
        self._turns: dict[int, tuple[asyncio.Lock, int]] = {}
        self._listeners: list[Listener] = []
        self._listening: asyncpg.Connection | None = None
        self._process = secrets.token_hex(6)  # this process's notifications are not told back to it
        self._trace: Callable[[Traced], None] | None = None
        self._closing = False
        self._relistening: asyncio.Task[None] | None = None

    @classmethod
    async def connect(cls, url: str) -> PostgresDatabase:
        shown = shown_url(url)
        password = urlsplit(url).password or ""
        try:
            pool = await asyncpg.create_pool(
                url, min_size=1, max_size=POOL_SIZE, timeout=CONNECT_SECONDS, command_timeout=COMMAND_SECONDS
            )
        except (*PostgresErrors, ValueError, TimeoutError) as error:
            reason = str(error).replace(password, "***") if password else str(error)
            raise StorageError(f"cannot open the database {shown}: {reason or type(error).__name__}") from None
        database = cls(pool, url)
        try:
            await database.migrate()
        except BaseException as error:
            await database.close()
            if isinstance(error, (*PostgresErrors, ValueError)):
                raise StorageError(f"cannot open the database {shown}: {error}") from None
            raise
        return database

    def prepared(self, sql: str, args: object) -> str:
        """The statement in PostgreSQL's placeholders (and reported to a trace)."""
        statement = placeholders(sql)
        if self._trace is not None:
            self._trace(Traced(statement, tuple(args) if isinstance(args, (tuple, list)) else ()))
        return statement

    def message(self, topic: str, data: str) -> str:
        return f"{self._process} {topic} {data}"

    async def close(self) -> None:
        self._closing = True
        if self._listening is not None:
            with contextlib.suppress(*PostgresErrors, TimeoutError):
                await asyncio.wait_for(self._listening.close(), CLOSE_SECONDS)
            if not self._listening.is_closed():
                self._listening.terminate()
        await self._coordinator.close()
        try:
            await asyncio.wait_for(self._pool.close(), CLOSE_SECONDS)
        except (*PostgresErrors, TimeoutError) as error:
            log.error("the database did not close cleanly: %s", error)
            self._pool.terminate()

    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]:
        return list(await self._pool.fetch(self.prepared(sql, args), *bind(args)))

    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        row: Row | None = await self._pool.fetchrow(self.prepared(sql, args), *bind(args))
        return row

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async with self._pool.acquire() as connection, connection.transaction():
            yield PostgresTransaction(self, connection)

    async def write(self, sql: str, args: Args = ()) -> int:
        return _count(await self._pool.execute(self.prepared(sql, args), *bind(args)))  # a statement commits alone

    async def write_returning(self, sql: str, args: Args = ()) -> Row | None:
        row: Row | None = await self._pool.fetchrow(self.prepared(sql, args), *bind(args))
        return row

    async def trace(self, callback: Callable[[Traced], None] | None) -> None:
        self._trace = callback

    async def plan(self, statement: Traced) -> list[str]:
        async with self._pool.acquire() as connection, connection.transaction():
            # Tables in a test are a few rows, which a sequential read beats whatever the indexes: with it priced
            # out, a "Seq Scan" left in the plan means no index could serve the statement.
            await connection.execute("SET LOCAL enable_seqscan = off")
            rows = await connection.fetch(f"EXPLAIN {statement.sql}", *statement.args)
        return [str(row[0]) for row in rows]

    async def schema_version(self) -> int:
        return int(await self._pool.fetchval("SELECT version FROM kanebot_schema") or 0)

    async def migrate(self) -> None:
        steps = migrations(self.dialect)
        async with self._pool.acquire() as connection, connection.transaction():
            # Replicas starting together: one migrates, the others wait and find nothing left to do.
            await connection.execute("SELECT pg_advisory_xact_lock($1)", lock_key("schema", "migrate"))
            await connection.execute("CREATE TABLE IF NOT EXISTS kanebot_schema (version INTEGER NOT NULL)")
            version = await connection.fetchval("SELECT version FROM kanebot_schema")
            if version is None:
                version = 0
                await connection.execute("INSERT INTO kanebot_schema (version) VALUES (0)")
            if version > len(steps):
                raise StorageError(f"the database is at schema version {version}, newer than this bot ({len(steps)})")
            for step in steps[version:]:
                await connection.execute(step)
            await connection.execute("UPDATE kanebot_schema SET version = $1", len(steps))

    async def schema(self) -> Schema:
        rows = await self._pool.fetch(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name <> 'kanebot_schema' ORDER BY table_name, ordinal_position"
        )
        tables: dict[str, tuple[str, ...]] = {}
        for row in rows:
            tables[row[0]] = (*tables.get(row[0], ()), row[1])
        indexes = await self._pool.fetch("""
            SELECT i.relname, t.relname, array_agg(a.attname ORDER BY k.n)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace ns ON ns.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE ns.nspname = current_schema() AND NOT x.indisprimary AND t.relname <> 'kanebot_schema'
            GROUP BY i.relname, t.relname
        """)
        return Schema(tables, {row[0]: (row[1], tuple(row[2])) for row in indexes})

    # --- several processes ----------------------------------------------------------------------------------------

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        if not self._jobs.take(name):
            yield False
            return
        key = lock_key("job", name)
        try:
            mine = bool(await self._coordinator.value("SELECT pg_try_advisory_lock($1)", key))
            session = self._coordinator.session
            try:
                yield mine
            finally:
                if mine:
                    await self._coordinator.release(key, session)
        finally:
            self._jobs.release(name)

    @asynccontextmanager
    async def chat_turn(self, key: int | None) -> AsyncIterator[None]:
        lock_id = lock_key("chat", key)
        # One holder per chat within the process: a session's advisory locks are re-entrant, so the process's own
        # tasks must queue here rather than all "holding" the same lock.
        local, users = self._turns.get(lock_id, (asyncio.Lock(), 0))
        self._turns[lock_id] = (local, users + 1)
        try:
            async with local:
                wait = TURN_WAIT_FIRST
                while not await self._coordinator.value("SELECT pg_try_advisory_lock($1)", lock_id):
                    await asyncio.sleep(wait)  # another replica is handling this chat's update: it takes milliseconds
                    wait = min(2 * wait, TURN_WAIT_MOST)
                session = self._coordinator.session
                try:
                    yield
                finally:
                    await self._coordinator.release(lock_id, session)
        finally:
            local, users = self._turns[lock_id]
            if users == 1:
                del self._turns[lock_id]
            else:
                self._turns[lock_id] = (local, users - 1)

    @asynccontextmanager
    async def claim(self, sql: str, args: Args = ()) -> AsyncIterator[Claim | None]:
        async with self._pool.acquire() as connection, connection.transaction():
            statement = self.prepared(f"{sql} FOR UPDATE SKIP LOCKED", args)
            row = await connection.fetchrow(statement, *bind(args))
            if row is None:
                yield None
                return
            transaction = PostgresTransaction(self, connection)

            @asynccontextmanager
            async def writing() -> AsyncIterator[Transaction]:
                yield transaction  # the held transaction: what is recorded commits with the claim

            yield Claim(row, writing)

    async def publish(self, topic: str, data: str = "") -> None:
        await self._pool.execute("SELECT pg_notify($1, $2)", CHANNEL, self.message(topic, data))

    async def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)
        if self._listening is None:
            await self._start_listening()

    async def _start_listening(self) -> None:
        connection = await asyncpg.connect(self._url, timeout=CONNECT_SECONDS)
        await connection.add_listener(CHANNEL, self._notified)
        connection.add_termination_listener(self._lost)
        self._listening = connection

    def _notified(self, connection: object, pid: int, channel: str, payload: object) -> None:
        process, _, rest = str(payload).partition(" ")
        if process == self._process:
            return
        topic, _, data = rest.partition(" ")
        self._tell(topic, data)

    def _tell(self, topic: str, data: str) -> None:
        for listener in list(self._listeners):
            try:
                listener(topic, data)
            except Exception:  # one listener's failure must not keep the others from hearing
                log.exception("a listener failed on %r", topic)

    def _lost(self, connection: object) -> None:
        if self._closing:
            return
        log.warning("the database connection listening for other replicas' changes was lost; reconnecting")
        self._listening = None
        task = asyncio.get_running_loop().create_task(self._relisten())
        self._relistening = task  # keep a reference until it is done

    async def _relisten(self) -> None:
        wait = 0.5
        while not self._closing:
            try:
                await self._start_listening()
            except PostgresErrors as error:
                log.warning("listening again failed (%s); retrying in %.0f s", error, wait)
                await asyncio.sleep(wait)
                wait = min(2 * wait, 30.0)
                continue
            self._tell(EVERYTHING, "")  # what was said meanwhile is lost: everything kept may be stale
            return

    @asynccontextmanager
    async def sibling(self) -> AsyncIterator[Database]:
        yield self  # the pool's other connections serve the bot meanwhile
