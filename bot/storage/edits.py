"""Officials' live edits, versioned: who, when, before, after and status; nothing is ever deleted, only superseded."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.content.edits import EDIT_KINDS, IN_EFFECT, Edit, EditKind
from bot.storage.access import record_audit
from bot.storage.database import Database, Row, Transaction

# Told to the other processes (replicas on PostgreSQL) when the knowledge or its live edits changed: they reload.
KNOWLEDGE_TOPIC = "knowledge"


def _edit(row: Row) -> Edit:
    kind: EditKind = next((known for known in EDIT_KINDS if known == row["kind"]), "contact")
    return Edit(
        row["id"],
        kind,
        row["area"],
        row["target"],
        json.loads(row["after"]),
        json.loads(row["before"]) if row["before"] else None,
        row["author"],
        row["created_at"],
        row["status"],
    )


# One change of an import: area, target, the record before (None: new) and after.
Change = tuple[str, str, Mapping[str, Any] | None, Mapping[str, Any]]


def _json(value: Mapping[str, Any] | None) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value is not None else None


async def _insert(
    transaction: Transaction,
    kind: str,
    area: str | None,
    target: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    author: int | None,
    status: str,
    via: str | None = None,
) -> int:
    """One edit and its line in the audit log, inside ``transaction``; its id."""
    chat = after.get("telegram_chat")
    row = await transaction.fetch_one(
        "INSERT INTO edits (kind, area, target, before, after, author, created_at, status, chat) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        (kind, area, target, _json(before), json.dumps(after, ensure_ascii=False), author, time.time(), status,
         chat if isinstance(chat, int) and not isinstance(chat, bool) else None),
    )  # fmt: skip
    edit_id = int(row[0]) if row is not None else 0
    detail: dict[str, Any] = {"edit": edit_id, "area": area, "target": target}
    await record_audit(transaction, author, f"edit_{kind}", json.dumps(detail | ({"via": via} if via else {})))
    return edit_id


class EditStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def add(
        self,
        kind: str,
        area: str | None,
        target: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any],
        author: int,
        status: str,
    ) -> int:
        async with self._db.transaction() as transaction:
            return await _insert(transaction, kind, area, target, before, after, author, status)

    async def add_many(self, kind: str, changes: Sequence[Change], author: int | None) -> list[int]:
        """Live edits (area, target, before, after), all in one transaction with an audit line each: all of them
        are stored, or none is."""
        async with self._db.transaction() as transaction:
            return [
                await _insert(transaction, kind, area, target, before, after, author, "live", via="import")
                for area, target, before, after in changes
            ]

    async def get(self, edit_id: int) -> Edit | None:
        row = await self._db.fetch_one("SELECT * FROM edits WHERE id = ?", (edit_id,))
        return _edit(row) if row is not None else None

    async def in_effect(self) -> list[Edit]:
        return [_edit(row) for row in await self._db.fetch_all(
            "SELECT * FROM edits WHERE status IN ('live', 'approved') ORDER BY id"
        )]  # fmt: skip

    async def with_status(self, status: str, limit: int = 20) -> list[Edit]:
        rows = await self._db.fetch_all(
            "SELECT * FROM edits WHERE status = ? ORDER BY id DESC LIMIT ?", (status, limit)
        )
        return [_edit(row) for row in rows]

    async def history(self, areas: list[str] | None, limit: int = 15) -> list[Edit]:
        """Recent edits; ``areas`` None means all (administrators). National proposals have no area."""
        args: tuple[object, ...]
        if areas is None:
            query, args = "SELECT * FROM edits ORDER BY id DESC LIMIT ?", (limit,)
        else:
            marks = ", ".join("?" for _ in areas) or "NULL"
            query = f"SELECT * FROM edits WHERE area IN ({marks}) ORDER BY id DESC LIMIT ?"  # noqa: S608
            args = (*areas, limit)
        return [_edit(row) for row in await self._db.fetch_all(query, args)]

    async def set_status(self, edit_id: int, status: str, reviewer: int, expected: tuple[str, ...]) -> bool:
        """Move an edit to ``status`` if it is in one of the ``expected`` statuses; audited."""
        marks = ", ".join("?" for _ in expected)
        async with self._db.transaction() as transaction:
            changed = await transaction.execute(
                f"UPDATE edits SET status = ?, reviewed_by = ?, reviewed_at = ? "  # noqa: S608
                f"WHERE id = ? AND status IN ({marks})",
                (status, reviewer, time.time(), edit_id, *expected),
            )
            if changed:
                await record_audit(transaction, reviewer, f"edit_{status}", json.dumps({"edit": edit_id}))
        return bool(changed)

    async def mark_merged(self, ids: Iterable[int]) -> int:
        """After `kanebot import`: these edits (those the export contained, still in effect) are now part of the
        reviewed baseline."""
        wanted = sorted(set(ids))
        if not wanted:
            return 0
        marks = ", ".join("?" for _ in wanted)
        async with self._db.transaction() as transaction:
            return await transaction.execute(
                f"UPDATE edits SET status = 'merged' WHERE id IN ({marks}) AND status IN ('live', 'approved')",  # noqa: S608
                wanted,
            )

    async def statuses(self, ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        rows = await self._db.fetch_all(f"SELECT id, status FROM edits WHERE id IN ({marks})", wanted)  # noqa: S608
        return {int(row[0]): str(row[1]) for row in rows}

    async def forget(self, transaction: Transaction, user_id: int) -> bool:
        """Inside ``transaction``, blank the person as author or reviewer of edits, and take their private chat
        (its id is theirs) out of every contact edit that routed cards to it; True if a contact in effect changed."""
        await transaction.execute("UPDATE edits SET author = NULL WHERE author = ?", (user_id,))
        await transaction.execute("UPDATE edits SET reviewed_by = NULL WHERE reviewed_by = ?", (user_id,))
        rows = await transaction.fetch_all("SELECT id, after, status FROM edits WHERE chat = ?", (user_id,))
        for row in rows:
            after = json.loads(row["after"])
            after["telegram_chat"] = None
            await transaction.execute(
                "UPDATE edits SET after = ?, chat = NULL WHERE id = ?", (json.dumps(after, ensure_ascii=False), row[0])
            )
        return any(row["status"] in IN_EFFECT for row in rows)
