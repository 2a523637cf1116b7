"""The database the stores speak to: an interface with two engines, SQLite (``bot.storage.sqlite``, the embedded
default: one file, nothing to install) and PostgreSQL (``bot.storage.postgres``: several bot replicas on one
database). ``bot.storage.engines.open_database`` picks the engine from what ``KANEBOT_DB`` names.

The stores write their SQL once, in the subset both engines understand (``?`` placeholders, ``RETURNING``,
``ON CONFLICT``); what only one engine has (pragmas, ``FOR UPDATE SKIP LOCKED``, advisory locks, LISTEN/NOTIFY)
stays inside its implementation. A write always happens inside ``transaction()``: committed whole, or rolled back
whole, never left open. Every text bound to a statement is made valid first (``valid_text``): a lone surrogate typed
into Telegram must not make a write fail, nor a batch of them.

Several processes on one PostgreSQL database coordinate through it, never through memory:
- ``exclusive(name)``: a scheduled job runs in one process at a time;
- ``chat_turn(key)``: one chat's updates are handled by one process at a time;
- ``claim(sql)``: a row (an outbox item) is taken by one process while it works on it;
- ``publish``/``listen``: what one process changed that others keep in memory (a profile, the knowledge).
With SQLite there is one process, and these are cheap stand-ins that keep the same meaning within it.
"""

from __future__ import annotations

import asyncio
import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol

from bot.core.settings import POSTGRES_SCHEMES
from bot.core.text import valid_text

Args = Sequence[object]
CLOSE_SECONDS = 5.0
PURGE_BATCH = 200  # rows deleted per transaction by a purge: each holds the database for milliseconds
# Told of what another process changed: (topic, data), e.g. ("profile", "12345").
Listener = Callable[[str, str], None]
EVERYTHING = "*"  # the topic listeners are told when they may have missed changes: whatever they keep may be stale


class StorageError(RuntimeError):
    """The database cannot be opened or used at all; the message is one line for the operator (never a password)."""


def bind(args: Args) -> tuple[object, ...]:
    return tuple(valid_text(value) if isinstance(value, str) else value for value in args)


def is_postgres_url(target: Path | str) -> bool:
    return isinstance(target, str) and target.split("://", 1)[0].lower() in POSTGRES_SCHEMES and "://" in target


def lock_key(space: str, key: object) -> int:
    """A signed 64-bit key for PostgreSQL's advisory locks, from a name space ("chat", "job") and a key."""
    digest = hashlib.blake2b(f"kanebot:{space}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Row(Protocol):
    """A result row, read by column name or position."""

    def __getitem__(self, key: int | str) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...

    def keys(self) -> Iterable[str]: ...


@dataclass(frozen=True, slots=True)
class Traced:
    """A statement the bot ran, as ``Database.trace`` reports it: SQLite fills the values into ``sql``; PostgreSQL
    gives them apart, in ``args``."""

    sql: str
    args: tuple[object, ...] = ()


@dataclass(frozen=True, slots=True)
class Schema:
    """What a schema consists of, engine-neutral: tables with their columns, and indexes (table and columns)."""

    tables: dict[str, tuple[str, ...]]
    indexes: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)


class Transaction(ABC):
    """The statements of one transaction; only ``Database.transaction`` (or a claim) makes one."""

    @abstractmethod
    async def execute(self, sql: str, args: Args = ()) -> int:
        """Run one statement; how many rows it changed."""

    @abstractmethod
    async def execute_many(self, sql: str, rows: Iterable[Args]) -> None: ...

    @abstractmethod
    async def execute_each(self, sql: str, rows: Sequence[Args]) -> list[int]:
        """Run ``sql`` once per row, each row all or nothing (a savepoint of its own): a row that fails is undone
        alone and the others are kept. The positions of the rows that failed."""

    @abstractmethod
    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None:
        """The first row of a query (or of an ``INSERT … RETURNING``)."""

    @abstractmethod
    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]: ...

    async def notify(self, topic: str, data: str = "") -> None:  # noqa: B027 - a no-op where there is no one to tell
        """Tell the other processes on this database (they ``listen``) if and when this transaction commits."""

    async def continue_numbering(self, table: str, column: str) -> None:  # noqa: B027 - SQLite continues by itself
        """After rows were copied in with their ids (`kanebot migrate`): new rows are numbered after the highest."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A row taken by this process (``Database.claim``) and how to record what became of it: PostgreSQL records it
    in the transaction that holds the row, SQLite in a transaction of its own."""

    row: Row
    writing: Callable[[], AbstractAsyncContextManager[Transaction]]


class Database(ABC):
    """The engine-neutral database: queries, transactions, migrations, and what several processes on it need."""

    dialect: ClassVar[str]
    # Other processes (replicas) may change the data at any moment: nothing kept in memory may be trusted past the
    # moment it was read, unless they say what they changed (``listen``).
    shared: ClassVar[bool]

    @abstractmethod
    async def close(self) -> None:
        """Close within CLOSE_SECONDS whatever happens (a full disk, a statement still running): the process must
        be able to exit."""

    @abstractmethod
    async def fetch_all(self, sql: str, args: Args = ()) -> list[Row]: ...

    @abstractmethod
    async def fetch_one(self, sql: str, args: Args = ()) -> Row | None: ...

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Transaction]:
        """Statements that change rows together: committed whole or rolled back whole."""

    @abstractmethod
    async def schema_version(self) -> int: ...

    @abstractmethod
    async def migrate(self) -> None:
        """Apply the migrations this database has not had yet (``bot.storage.schema``), each whole or not at all."""

    @abstractmethod
    async def schema(self) -> Schema:
        """The tables, columns and indexes of the bot's schema (the engine's own bookkeeping left out)."""

    @abstractmethod
    async def trace(self, callback: Callable[[Traced], None] | None) -> None:
        """Call ``callback`` with every statement run from now on (None: stop): a test reads the plans of what the
        bot really runs."""

    @abstractmethod
    async def plan(self, statement: Traced) -> list[str]:
        """How the engine would run ``statement``: its plan, one line per step (a test checks indexes are used)."""

    # --- several processes on one database -----------------------------------------------------------------------

    @abstractmethod
    def exclusive(self, name: str) -> AbstractAsyncContextManager[bool]:
        """Run the job ``name`` in one process at a time: inside, True if this process has it, False if another
        (or another task of this one) is running it now; the job is then skipped, not waited for."""

    @abstractmethod
    def chat_turn(self, key: int | None) -> AbstractAsyncContextManager[None]:
        """Wait until no other process is handling an update of the chat ``key``, and keep it so until the end."""

    @abstractmethod
    def claim(self, sql: str, args: Args = ()) -> AbstractAsyncContextManager[Claim | None]:
        """Take the one row ``sql`` selects (a SELECT of one table, no locking clause) for this process until the
        end of the block; None if there is none, or another process holds it."""

    @abstractmethod
    async def publish(self, topic: str, data: str = "") -> None:
        """Tell the other processes on this database that something they may keep in memory changed."""

    @abstractmethod
    async def listen(self, listener: Listener) -> None:
        """Call ``listener(topic, data)`` for what other processes ``publish`` (or ``notify`` in a transaction)."""

    @abstractmethod
    def sibling(self) -> AbstractAsyncContextManager[Database]:
        """The same database for a long job beside the bot's own work (the daily purge): SQLite opens a second
        connection, so that the bot's keeps reading meanwhile; a pool is already several connections."""

    # --- built on the above ---------------------------------------------------------------------------------------

    async def write(self, sql: str, args: Args = ()) -> int:
        """One statement that changes rows, committed on its own; how many rows it changed. (PostgreSQL runs it as
        one round trip; a transaction of several statements costs two more.)"""
        async with self.transaction() as transaction:
            return await transaction.execute(sql, args)

    async def write_returning(self, sql: str, args: Args = ()) -> Row | None:
        """One statement with ``RETURNING``, committed on its own; its first row."""
        async with self.transaction() as transaction:
            return await transaction.fetch_one(sql, args)

    async def tables(self) -> list[str]:
        return sorted((await self.schema()).tables)

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


class LocalJobs:
    """``exclusive`` within one process: a job already running is skipped."""

    def __init__(self) -> None:
        self._running: set[str] = set()

    def take(self, name: str) -> bool:
        if name in self._running:
            return False
        self._running.add(name)
        return True

    def release(self, name: str) -> None:
        self._running.discard(name)
