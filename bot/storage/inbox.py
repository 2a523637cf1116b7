"""Updates kept before Telegram is told they arrived: a crash (even kill -9) between receiving an update and handling
it loses nothing, since the update is handled at the next start. Handled ones keep only their id for a while, so the
same update delivered again (Telegram re-sends what was not confirmed) is handled once.

With several replicas the inbox is also where a chat's updates meet, whichever replica received them: a chat's turn
(``turn``) handles the chat's waiting updates in order, and an update another replica already handled is not
handled again."""

from __future__ import annotations

import time
from contextlib import AbstractAsyncContextManager
from enum import Enum

from bot.storage.database import Database

HANDLED_KEPT_SECONDS = 86_400.0


class Kept(Enum):
    UNKNOWN = "unknown"  # never stored (the database failed when it arrived)
    WAITING = "waiting"
    HANDLED = "handled"


class InboxStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def receive(self, update_id: int, body: str, chat_id: int | None = None) -> bool:
        """Keep an update (its JSON, and the chat it belongs to); False if it was received before."""
        row = await self._db.write_returning(
            "INSERT INTO inbox (update_id, body, received_at, chat_id) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (update_id) DO NOTHING RETURNING update_id",
            (update_id, body, time.time(), chat_id),
        )
        return row is not None

    async def handled(self, update_id: int) -> None:
        """The update has been handled (or deliberately dropped): neither its text nor its chat is kept."""
        await self._db.write(
            "UPDATE inbox SET handled_at = ?, body = '', chat_id = NULL WHERE update_id = ? AND handled_at IS NULL",
            (time.time(), update_id),
        )

    async def waiting(self, received_before: float | None = None, limit: int = 1000) -> list[tuple[int, str]]:
        """Updates received (before ``received_before``) but not handled, oldest first: a crash or a stop came
        first, or the replica that received them is gone."""
        if received_before is None:
            rows = await self._db.fetch_all(
                "SELECT update_id, body FROM inbox WHERE handled_at IS NULL ORDER BY update_id"
            )
        else:
            rows = await self._db.fetch_all(
                "SELECT update_id, body FROM inbox WHERE handled_at IS NULL AND received_at < ? "
                "ORDER BY update_id LIMIT ?",
                (received_before, limit),
            )
        return [(int(row[0]), str(row[1])) for row in rows]

    async def waiting_in_chat(self, chat_id: int, up_to: int) -> list[tuple[int, str]]:
        """The chat's updates not yet handled, up to the update ``up_to``, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT update_id, body FROM inbox WHERE chat_id = ? AND handled_at IS NULL AND update_id <= ? "
            "ORDER BY update_id",
            (chat_id, up_to),
        )
        return [(int(row[0]), str(row[1])) for row in rows]

    async def kept(self, update_id: int) -> Kept:
        row = await self._db.fetch_one("SELECT handled_at FROM inbox WHERE update_id = ?", (update_id,))
        if row is None:
            return Kept.UNKNOWN
        return Kept.WAITING if row[0] is None else Kept.HANDLED

    def turn(self, chat_id: int | None) -> AbstractAsyncContextManager[None]:
        """The chat's turn: no other process handles an update of it until this ends."""
        return self._db.chat_turn(chat_id)

    async def purge_handled_before(self, cutoff: float) -> int:
        async with self._db.transaction() as transaction:
            return await transaction.execute(
                "DELETE FROM inbox WHERE handled_at IS NOT NULL AND handled_at < ?", (cutoff,)
            )
