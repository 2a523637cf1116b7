"""Every store over one database, opened and closed together; forgetting a person spans several of them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.storage.access import AccessStore
from bot.storage.database import Database
from bot.storage.edits import EditStore
from bot.storage.profiles import ProfileStore
from bot.storage.stats import StatsStore
from bot.storage.tickets import TicketStore


@dataclass(frozen=True, slots=True)
class Stores:
    database: Database
    profiles: ProfileStore
    tickets: TicketStore
    access: AccessStore
    edits: EditStore
    stats: StatsStore

    @classmethod
    def over(cls, database: Database) -> Stores:
        return cls(
            database,
            ProfileStore(database),
            TicketStore(database),
            AccessStore(database),
            EditStore(database),
            StatsStore(database),
        )

    @classmethod
    async def open(cls, path: Path | str) -> Stores:
        return cls.over(await Database.open(path))

    async def close(self) -> None:
        await self.database.close()

    async def forget(self, user_id: int) -> int:
        """Erase everything kept about a person (they asked to be forgotten): their profile and their handed-over
        questions. A question not yet answered, or whose answer has not reached them, is kept until it has (or until
        ``TicketStore.erase_forgotten_before``), then erased; how many are kept so is returned."""
        async with self.database.transaction() as transaction:
            await self.profiles.delete(transaction, user_id)
            kept = await self.tickets.forget(transaction, user_id)
        # Another chat of the same person may have read the profile back while this waited for the transaction.
        self.profiles.drop_cached(user_id)
        return kept
