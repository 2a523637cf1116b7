"""Every store over one database, opened and closed together; forgetting a person spans several of them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.storage.access import AccessStore
from bot.storage.database import EVERYTHING, Database
from bot.storage.edits import EditStore
from bot.storage.engines import open_database
from bot.storage.inbox import InboxStore
from bot.storage.jobs import JobStore
from bot.storage.profiles import PROFILE_TOPIC, ProfileStore
from bot.storage.stats import StatsStore
from bot.storage.tickets import TicketStore


@dataclass(frozen=True, slots=True)
class Forgotten:
    open_questions: int  # kept until their answer reaches the person
    official_areas: tuple[str, ...]  # the areas the person was an official of (no longer)
    contacts_changed: bool  # a contact in effect routed cards to the person's private chat (the knowledge reloads)


@dataclass(frozen=True, slots=True)
class Stores:
    database: Database
    profiles: ProfileStore
    tickets: TicketStore
    access: AccessStore
    edits: EditStore
    stats: StatsStore
    inbox: InboxStore
    jobs: JobStore

    @classmethod
    def over(cls, database: Database) -> Stores:
        return cls(
            database,
            ProfileStore(database),
            TicketStore(database),
            AccessStore(database),
            EditStore(database),
            StatsStore(database),
            InboxStore(database),
            JobStore(database),
        )

    @classmethod
    async def open(cls, target: Path | str) -> Stores:
        """The stores over the database ``target`` names (a SQLite file, or a ``postgresql://`` URL), told of the
        profiles other processes change."""
        stores = cls.over(await open_database(target))
        if stores.database.shared:
            await stores.database.listen(stores._changed_elsewhere)
        return stores

    def _changed_elsewhere(self, topic: str, data: str) -> None:
        if topic == PROFILE_TOPIC and data.lstrip("-").isdigit():
            self.profiles.changed_elsewhere(int(data))
        elif topic == EVERYTHING:
            self.profiles.changed_elsewhere(None)

    async def close(self) -> None:
        await self.database.close()

    async def forget(self, user_id: int) -> Forgotten:
        """Erase or anonymise every row that names a person (they asked to be forgotten), in one transaction: their
        profile, their handed-over questions, their failed join attempts, their id in the audit log, invites and
        edits, their official rights and a private chat registered for cards. A question not yet answered, or whose
        answer has not reached them, is kept until it has (or until ``TicketStore.erase_forgotten_before``)."""
        async with self.database.transaction() as transaction:
            await self.profiles.delete(transaction, user_id)
            kept = await self.tickets.forget(transaction, user_id)
            areas = await self.access.forget(transaction, user_id)
            contacts_changed = await self.edits.forget(transaction, user_id)
        # Another chat of the same person may have read the profile back while this waited for the transaction.
        self.profiles.drop_cached(user_id)
        return Forgotten(kept, tuple(areas), contacts_changed)
