"""Updates kept before Telegram is told they arrived: a crash (even kill -9) between receiving an update and handling
it loses nothing, since the update is handled at the next start. Handled ones keep only their id for a while, so the
same update delivered again (Telegram re-sends what was not confirmed) is handled once."""

from __future__ import annotations

import time

from bot.storage.database import Database

HANDLED_KEPT_SECONDS = 86_400.0


class InboxStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def receive(self, update_id: int, body: str) -> bool:
        """Keep an update (its JSON); False if it was received before (then it is not handled again)."""
        async with self._db.transaction() as transaction:
            row = await transaction.fetch_one(
                "INSERT INTO inbox (update_id, body, received_at) VALUES (?, ?, ?) "
                "ON CONFLICT (update_id) DO NOTHING RETURNING update_id",
                (update_id, body, time.time()),
            )
        return row is not None

    async def handled(self, update_id: int) -> None:
        """The update has been handled (or deliberately dropped): its text is not kept."""
        async with self._db.transaction() as transaction:
            await transaction.execute(
                "UPDATE inbox SET handled_at = ?, body = '' WHERE update_id = ? AND handled_at IS NULL",
                (time.time(), update_id),
            )

    async def waiting(self) -> list[tuple[int, str]]:
        """Updates received but not handled (a crash or a stop came first), oldest first."""
        rows = await self._db.fetch_all("SELECT update_id, body FROM inbox WHERE handled_at IS NULL ORDER BY update_id")
        return [(int(row[0]), str(row[1])) for row in rows]

    async def purge_handled_before(self, cutoff: float) -> int:
        async with self._db.transaction() as transaction:
            return await transaction.execute(
                "DELETE FROM inbox WHERE handled_at IS NOT NULL AND handled_at < ?", (cutoff,)
            )
