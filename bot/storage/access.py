"""Who may do what: administrators (from settings), officials scoped to areas (joined with a single-use invite),
and the audit log of privileged actions."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
from dataclasses import dataclass

from bot.content.directory import Directory
from bot.content.help import HelpRole
from bot.core.text import valid_text
from bot.storage.database import Database, Transaction

INVITE_BYTES = 9  # 72 random bits: guessing is hopeless, and wrong guesses are rate-limited on top
MAX_JOIN_ATTEMPTS = 5
JOIN_WINDOW_SECONDS = 3600.0
_DURATION = re.compile(r"^(\d{1,4})([dhm])$")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60}
# Told to the other processes (replicas on PostgreSQL) when who has joined for which area changed.
STAFFED_TOPIC = "staffed"


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: float
    actor: int | None
    action: str
    detail: dict[str, object]
    subject: int | None


def _detail(text: str) -> dict[str, object]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


class AccessError(ValueError):
    """A request that is not allowed or not understood; the message is safe to show to the person."""


def new_invite_code() -> str:
    return secrets.token_urlsafe(INVITE_BYTES)


def hash_code(code: str) -> str:
    """Codes are stored hashed: a leaked database does not leak usable invites."""
    return hashlib.sha256(valid_text(code.strip()).encode("utf-8")).hexdigest()


def parse_duration(text: str) -> float:
    """'7d', '12h' or '30m' in seconds."""
    match = _DURATION.match(text.strip().lower())
    if not match or int(match.group(1)) == 0:
        raise AccessError(f"not a duration like 7d, 12h or 30m: {text!r}")
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def check_area(directory: Directory, area: str) -> str:
    """A municipality code ("837"), a wellbeing services county id ("PI") or an Åland organisation ("KST"), as
    written in the directory; a merged municipality's code gives the one it joined."""
    found = directory.area_id(area)
    if found is None:
        raise AccessError(f"unknown area {area!r}: use a municipality code (e.g. 837) or a county id (e.g. PI)")
    return found


@dataclass(frozen=True, slots=True)
class Role:
    """What one person may do. Checked on the server for every command, button and step."""

    user_id: int
    admin: bool
    areas: frozenset[str]

    @property
    def official(self) -> bool:
        return bool(self.areas)

    def can_manage(self, area: str) -> bool:
        return self.admin or area in self.areas

    @property
    def help_role(self) -> HelpRole:
        """Whose help text the person reads: an administrator's, an official's, or everyone's."""
        return "admin" if self.admin else "official" if self.official else "association"


async def record_audit(
    transaction: Transaction, actor: int | None, action: str, detail: str, subject: int | None = None
) -> None:
    """One line of the audit log, written in the transaction of the action it records; ``subject`` is the person
    the action concerns (never written into ``detail``: /forget blanks it)."""
    await transaction.execute(
        "INSERT INTO audit (at, actor, action, detail, subject) VALUES (?, ?, ?, ?, ?)",
        (time.time(), actor, action, detail, subject),
    )


class AccessStore:
    """Officials, single-use invite codes (stored hashed), failed join attempts, and the audit log."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def audit(self, actor: int | None, action: str, **detail: object) -> None:
        await self.audit_about(actor, action, None, **detail)

    async def audit_about(self, actor: int | None, action: str, subject: int | None, **detail: object) -> None:
        """An audit line about another person (``subject``), kept apart from the detail so /forget can blank it."""
        async with self._db.transaction() as transaction:
            text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
            await record_audit(transaction, actor, action, text, subject)

    async def audit_log(self, limit: int = 50) -> list[AuditLine]:
        rows = await self._db.fetch_all(
            "SELECT at, actor, action, detail, subject FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        )
        return [AuditLine(row[0], row[1], row[2], _detail(row[3]), row[4]) for row in rows]

    async def forget(self, transaction: Transaction, user_id: int) -> list[str]:
        """Inside ``transaction``, remove the person's official rights and failed join attempts and blank their id
        wherever the audit log and the invites name them; the areas they were an official of."""
        rows = await transaction.fetch_all(
            "SELECT area FROM officials WHERE user_id = ? AND revoked_at IS NULL ORDER BY area", (user_id,)
        )
        await transaction.execute("DELETE FROM officials WHERE user_id = ?", (user_id,))
        await transaction.execute("DELETE FROM join_attempts WHERE user_id = ?", (user_id,))
        await transaction.execute("UPDATE audit SET actor = NULL WHERE actor = ?", (user_id,))
        await transaction.execute("UPDATE audit SET subject = NULL WHERE subject = ?", (user_id,))
        await transaction.execute("UPDATE invites SET created_by = NULL WHERE created_by = ?", (user_id,))
        # 0, not NULL: an invite whose user is NULL could be used again.
        await transaction.execute("UPDATE invites SET used_by = 0 WHERE used_by = ?", (user_id,))
        return [row[0] for row in rows]

    async def purge_before(self, audit_cutoff: float, attempts_cutoff: float) -> int:
        """Retention: audit lines older than ``audit_cutoff`` (a batch per transaction) and failed join attempts
        older than ``attempts_cutoff``; how many rows went."""
        total = await self._db.delete_in_batches("audit", "at < ?", (audit_cutoff,))
        return total + await self._db.delete_older_in_batches("join_attempts", "at", attempts_cutoff)

    async def areas_of(self, user_id: int) -> list[str]:
        rows = await self._db.fetch_all(
            "SELECT area FROM officials WHERE user_id = ? AND revoked_at IS NULL ORDER BY area", (user_id,)
        )
        return [row[0] for row in rows]

    async def officials(self) -> list[tuple[int, str, float]]:
        rows = await self._db.fetch_all(
            "SELECT user_id, area, added_at FROM officials WHERE revoked_at IS NULL ORDER BY area, user_id"
        )
        return [(row[0], row[1], row[2]) for row in rows]

    async def officials_of(self, area: str) -> list[int]:
        rows = await self._db.fetch_all("SELECT user_id FROM officials WHERE area = ? AND revoked_at IS NULL", (area,))
        return [row[0] for row in rows]

    async def revoke(self, user_id: int, area: str, by: int) -> bool:
        async with self._db.transaction() as transaction:
            changed = await transaction.execute(
                "UPDATE officials SET revoked_at = ? WHERE user_id = ? AND area = ? AND revoked_at IS NULL",
                (time.time(), user_id, area),
            )
        if changed:
            await self.audit_about(by, "revoke_official", user_id, area=area)
        return bool(changed)

    async def create_invite(self, code_hash: str, area: str, created_by: int | None, expires_at: float) -> None:
        async with self._db.transaction() as transaction:
            await transaction.execute(
                "INSERT INTO invites (code_hash, area, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                (code_hash, area, created_by, time.time(), expires_at),
            )
        await self.audit(created_by, "create_invite", area=area, expires_at=round(expires_at))

    async def recent_join_attempts(self, user_id: int, window: float) -> int:
        row = await self._db.fetch_one(
            "SELECT COUNT(*) FROM join_attempts WHERE user_id = ? AND at > ?", (user_id, time.time() - window)
        )
        return int(row[0]) if row else 0

    async def redeem_invite(self, code_hash: str, user_id: int) -> str | None:
        """Use an invite once: the area it grants, or None (and the failed attempt is counted)."""
        now = time.time()
        async with self._db.transaction() as transaction:
            row = await transaction.fetch_one(
                "UPDATE invites SET used_by = ?, used_at = ? "
                "WHERE code_hash = ? AND used_by IS NULL AND expires_at > ? RETURNING area",
                (user_id, now, code_hash, now),
            )
            if row is None:
                await transaction.execute("INSERT INTO join_attempts (user_id, at) VALUES (?, ?)", (user_id, now))
            else:
                await transaction.execute(
                    "INSERT INTO officials (user_id, area, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (user_id, area) DO UPDATE SET revoked_at = NULL, added_at = excluded.added_at",
                    (user_id, row[0], now),
                )
        if row is not None:
            await self.audit(user_id, "join", area=row[0])
        return str(row[0]) if row is not None else None
