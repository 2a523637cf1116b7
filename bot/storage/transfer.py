"""`kanebot migrate`: every row of one database copied into another, SQLite into PostgreSQL or back, and checked.

Both are opened (and so migrated) to the same schema version first. The target must be empty: the copy is one
transaction, all of it or nothing, and a target that already holds data is refused rather than merged. Afterwards
each table is compared: the number of rows, and a digest of its content that does not depend on the order the
engines return rows in (each engine may sort text differently).
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from bot.storage.database import Database, Row

BATCH = 1000
# Tables others refer to (foreign keys) are filled first.
PARENTS_FIRST = ("tickets",)
# A table's own key, to read it a batch at a time without OFFSET; the small tables without one are read in one go.
KEYS = {
    "tickets": "id",
    "outbox": "id",
    "audit": "id",
    "unanswered": "id",
    "edits": "id",
    "profiles": "user_id",
    "inbox": "update_id",
    "invites": "code_hash",
    "jobs": "name",
}
# Row ids numbered by the database: after a copy, new rows continue after the highest copied one.
NUMBERED = ("tickets", "outbox", "audit", "unanswered", "edits")


class TransferError(RuntimeError):
    """The copy cannot be made; the message says why in one line, and nothing was changed."""


@dataclass(frozen=True, slots=True)
class Copied:
    table: str
    rows: int
    digest: str  # of the source's content
    same: bool  # the target has the same number of rows and the same content


async def transfer(source: Database, target: Database, progress: Callable[[str], None] | None = None) -> list[Copied]:
    """Copy every row of ``source`` into the empty ``target`` (one transaction), then compare them table by table."""
    schema = await source.schema()
    if (await target.schema()).tables != schema.tables:
        raise TransferError("the two databases do not have the same tables and columns")
    tables = sorted(schema.tables, key=lambda name: (name not in PARENTS_FIRST, name))
    filled = {table: count for table in tables if (count := await _count(target, table))}
    if filled:
        listed = ", ".join(f"{table} {count}" for table, count in filled.items())
        raise TransferError(f"the target already holds data ({listed}); copy only into an empty database")
    async with target.transaction() as transaction:
        for table in tables:
            columns = schema.tables[table]
            insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"  # noqa: S608
            copied = 0
            async for batch in _batches(source, table, columns):
                await transaction.execute_many(insert, [tuple(row) for row in batch])
                copied += len(batch)
            if table in NUMBERED:
                await transaction.continue_numbering(table, "id")
            if progress is not None:
                progress(f"{table}: {copied} row(s) copied")
    return [await _compare(source, target, table, schema.tables[table]) for table in tables]


async def digest(database: Database, table: str, columns: tuple[str, ...]) -> tuple[int, str]:
    """How many rows ``table`` has, and a digest of them that is the same whatever order they are read in."""
    total = 0
    rows = 0
    async for batch in _batches(database, table, columns):
        for row in batch:
            total = (total + int.from_bytes(hashlib.sha256(_canonical(row).encode()).digest(), "big")) % 2**256
            rows += 1
    return rows, f"{total:064x}"[:16]


async def _compare(source: Database, target: Database, table: str, columns: tuple[str, ...]) -> Copied:
    rows, found = await digest(source, table, columns)
    copied_rows, copied = await digest(target, table, columns)
    return Copied(table, rows, found, rows == copied_rows and found == copied)


async def _count(database: Database, table: str) -> int:
    row = await database.fetch_one(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - names from the schema
    return int(row[0]) if row is not None else 0


async def _batches(database: Database, table: str, columns: tuple[str, ...]) -> AsyncIterator[list[Row]]:
    listed = ", ".join(columns)
    key = KEYS.get(table)
    if key is None:
        yield await database.fetch_all(f"SELECT {listed} FROM {table}")  # noqa: S608
        return
    last: object = None
    while True:
        if last is None:
            batch = await database.fetch_all(f"SELECT {listed} FROM {table} ORDER BY {key} LIMIT ?", (BATCH,))  # noqa: S608
        else:
            batch = await database.fetch_all(
                f"SELECT {listed} FROM {table} WHERE {key} > ? ORDER BY {key} LIMIT ?",  # noqa: S608
                (last, BATCH),
            )
        if not batch:
            return
        yield batch
        last = batch[-1][columns.index(key)]


def _canonical(row: Row) -> str:
    """A row as text both engines give alike: a whole number is the same whether stored as integer or as real."""
    values = []
    for value in tuple(row):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        values.append(repr(value))
    return "\x1f".join(values)
