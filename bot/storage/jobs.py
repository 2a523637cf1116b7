"""Scheduled jobs that must run once per period however many bot processes there are, and however often they restart
(the retention purge once a day, the review reminders once a week): when each last ran, in the database."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from bot.storage.database import Database


class JobStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def run_if_due(
        self, name: str, every: float, job: Callable[[], Awaitable[object]], first_after: float = 0.0
    ) -> bool:
        """Run ``job`` if ``every`` seconds have passed since it last ran in any process, in one process at a time
        (another running it now: skipped). A job never run before waits ``first_after`` seconds from the first time
        it is asked about. True if it ran here."""
        async with self._db.exclusive(name) as mine:
            if not mine:
                return False
            now = time.time()
            row = await self._db.fetch_one("SELECT last_run FROM jobs WHERE name = ?", (name,))
            if row is None:
                # As if it had last run so that it is next due ``first_after`` seconds from now.
                await self._set(name, now - every + first_after)
                if first_after > 0:
                    return False
            elif now - float(row[0]) < every:
                return False
            await job()
            await self._set(name, time.time())
            return True

    async def last_run(self, name: str) -> float | None:
        row = await self._db.fetch_one("SELECT last_run FROM jobs WHERE name = ?", (name,))
        return float(row[0]) if row is not None else None

    async def _set(self, name: str, when: float) -> None:
        async with self._db.transaction() as transaction:
            await transaction.execute(
                "INSERT INTO jobs (name, last_run) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET last_run = excluded.last_run",
                (name, when),
            )
