"""What the bot keeps about a person between messages: language, municipality, a pending question, an official's
answer or guided edit in progress."""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from bot.core.conversation import Conversation, PendingRoute
from bot.core.lang import Lang, is_lang
from bot.storage.database import Database, Transaction

PROFILE_CACHE_SIZE = 50_000
PROFILE_TOPIC = "profile"  # what other processes are told when a profile changes


@dataclass(frozen=True, slots=True)
class Profile:
    """What the bot keeps about a person between messages and across restarts."""

    user_id: int
    explicit_lang: Lang | None = None
    last_lang: Lang | None = None
    client_code: str | None = None
    municipality: str | None = None
    pending: PendingRoute | None = None
    answering: int | None = None  # an official's next message answers this ticket
    flow: Mapping[str, Any] | None = None  # an official's guided edit in progress (kind, step, data)

    def conversation(self) -> Conversation:
        """What the core needs to know of the person to answer them."""
        return Conversation(self.explicit_lang, self.last_lang, self.client_code, self.municipality, self.pending)


def _json_or_none(value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _pending_to_json(pending: PendingRoute | None) -> str | None:
    return json.dumps(asdict(pending), ensure_ascii=False) if pending is not None else None


def _pending_from_json(value: str | None) -> PendingRoute | None:
    if not value:
        return None
    try:
        data = json.loads(value)
        return PendingRoute(str(data["question"]), data.get("topic"), data.get("municipality"))
    except (ValueError, KeyError, TypeError):  # an unreadable leftover is dropped, never fatal
        return None


class ProfileStore:
    """Profiles, also kept in a bounded write-through cache: reading a profile on every message must not cost a trip
    to the database. With SQLite this process is the only writer, so the cache is the stored profile. With several
    replicas (``database.shared``) each write is announced to the others (they drop their copy), and the profile of
    whoever sent an update is read again when their chat's turn begins (``refresh``): an announcement can arrive a
    moment late, a turn cannot begin before the last one ended."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._cache: OrderedDict[int, Profile] = OrderedDict()
        # Bumped by every change another process announces: a read that began before it may have read the old
        # profile, and is then not kept.
        self._changes = 0

    async def get(self, user_id: int) -> Profile:
        cached = self._cache.get(user_id)
        if cached is not None:
            self._cache.move_to_end(user_id)
            return cached
        return await self.refresh(user_id)

    async def refresh(self, user_id: int) -> Profile:
        """The stored profile, read again and kept."""
        changes = self._changes
        profile = await self._read(user_id)
        if changes == self._changes:
            self._remember(profile)
        return profile

    def cached(self, user_id: int) -> Profile | None:
        """The profile if it is in memory (exactly as stored: every write goes through the cache), else None."""
        return self._cache.get(user_id)

    def drop_cached(self, user_id: int) -> None:
        self._cache.pop(user_id, None)

    def changed_elsewhere(self, user_id: int | None) -> None:
        """Another process changed a profile (None: perhaps any of them)."""
        self._changes += 1
        if user_id is None:
            self._cache.clear()
        else:
            self._cache.pop(user_id, None)

    def _remember(self, profile: Profile) -> None:
        self._cache[profile.user_id] = profile
        self._cache.move_to_end(profile.user_id)
        while len(self._cache) > PROFILE_CACHE_SIZE:
            self._cache.popitem(last=False)

    async def _read(self, user_id: int) -> Profile:
        row = await self._db.fetch_one(
            "SELECT explicit_lang, last_lang, client_code, municipality, pending, answering, flow FROM profiles "
            "WHERE user_id = ?",
            (user_id,),
        )
        if row is None:
            return Profile(user_id)
        explicit, last = row["explicit_lang"], row["last_lang"]
        return Profile(
            user_id,
            explicit if is_lang(explicit) else None,
            last if is_lang(last) else None,
            row["client_code"],
            row["municipality"],
            _pending_from_json(row["pending"]),
            row["answering"],
            _json_or_none(row["flow"]),
        )

    async def save(self, profile: Profile) -> None:
        self._cache.pop(profile.user_id, None)  # if the write fails, the next read goes to the database
        async with self._db.transaction() as transaction:
            await transaction.execute(
                """
                INSERT INTO profiles
                    (user_id, explicit_lang, last_lang, client_code, municipality, pending, answering, flow, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    explicit_lang = excluded.explicit_lang, last_lang = excluded.last_lang,
                    client_code = excluded.client_code, municipality = excluded.municipality,
                    pending = excluded.pending, answering = excluded.answering, flow = excluded.flow,
                    updated_at = excluded.updated_at
                """,
                (
                    profile.user_id,
                    profile.explicit_lang,
                    profile.last_lang,
                    profile.client_code,
                    profile.municipality,
                    _pending_to_json(profile.pending),
                    profile.answering,
                    json.dumps(profile.flow, ensure_ascii=False) if profile.flow is not None else None,
                    time.time(),
                ),
            )
            await transaction.notify(PROFILE_TOPIC, str(profile.user_id))
        self._remember(profile)

    async def delete(self, transaction: Transaction, user_id: int) -> None:
        """Erase the profile inside ``transaction`` (part of forgetting a person)."""
        self._cache.pop(user_id, None)
        await transaction.execute("DELETE FROM profiles WHERE user_id = ?", (user_id,))
        await transaction.notify(PROFILE_TOPIC, str(user_id))
