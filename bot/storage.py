"""SQLite storage through aiosqlite: one connection, WAL mode, versioned migrations applied at start."""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.lang import Lang, is_lang

PROFILE_CACHE_SIZE = 50_000

# Each step moves the schema one version up; never edit a step that has shipped, add a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE profiles (
        user_id       INTEGER PRIMARY KEY,
        explicit_lang TEXT CHECK (explicit_lang IN ('fi', 'sv')),
        last_lang     TEXT CHECK (last_lang IN ('fi', 'sv')),
        client_code   TEXT,
        municipality  TEXT,
        updated_at    REAL NOT NULL
    );
    """,
)


@dataclass(frozen=True, slots=True)
class Profile:
    """What the bot keeps about a person between messages and across restarts."""

    user_id: int
    explicit_lang: Lang | None = None
    last_lang: Lang | None = None
    client_code: str | None = None
    municipality: str | None = None


class Storage:
    """The one connection to the database. Profiles are also kept in a bounded write-through cache: this process
    is the only writer, and reading a profile on every message must not cost a trip to the database thread."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._db = connection
        self._profiles: OrderedDict[int, Profile] = OrderedDict()

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(str(path))
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode=WAL")
        # With WAL, NORMAL never corrupts the database; a power cut can lose only the last commits.
        await connection.execute("PRAGMA synchronous=NORMAL")
        await connection.execute("PRAGMA foreign_keys=ON")
        await connection.execute("PRAGMA busy_timeout=5000")
        storage = cls(connection)
        await storage.migrate()
        return storage

    async def close(self) -> None:
        await self._db.close()

    async def schema_version(self) -> int:
        async with self._db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        version = await self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript commits first; the version bump is part of the same script so a step applies whole.
            await self._db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    async def profile(self, user_id: int) -> Profile:
        cached = self._profiles.get(user_id)
        if cached is not None:
            self._profiles.move_to_end(user_id)
            return cached
        profile = await self._read_profile(user_id)
        self._remember(profile)
        return profile

    def _remember(self, profile: Profile) -> None:
        self._profiles[profile.user_id] = profile
        self._profiles.move_to_end(profile.user_id)
        while len(self._profiles) > PROFILE_CACHE_SIZE:
            self._profiles.popitem(last=False)

    async def _read_profile(self, user_id: int) -> Profile:
        async with self._db.execute(
            "SELECT explicit_lang, last_lang, client_code, municipality FROM profiles WHERE user_id = ?", (user_id,)
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            return Profile(user_id)
        explicit, last = row["explicit_lang"], row["last_lang"]
        return Profile(
            user_id,
            explicit if is_lang(explicit) else None,
            last if is_lang(last) else None,
            row["client_code"],
            row["municipality"],
        )

    async def save_profile(self, profile: Profile) -> None:
        self._profiles.pop(profile.user_id, None)  # if the write fails, the next read goes to the database
        await self._db.execute(
            """
            INSERT INTO profiles (user_id, explicit_lang, last_lang, client_code, municipality, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET
                explicit_lang = excluded.explicit_lang, last_lang = excluded.last_lang,
                client_code = excluded.client_code, municipality = excluded.municipality,
                updated_at = excluded.updated_at
            """,
            (
                profile.user_id,
                profile.explicit_lang,
                profile.last_lang,
                profile.client_code,
                profile.municipality,
                time.time(),
            ),
        )
        await self._db.commit()
        self._remember(profile)

    async def forget(self, user_id: int) -> None:
        """Erase everything kept about a person (they asked to be forgotten)."""
        self._profiles.pop(user_id, None)
        await self._db.execute("DELETE FROM profiles WHERE user_id = ?", (user_id,))
        await self._db.commit()
