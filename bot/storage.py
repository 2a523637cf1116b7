"""SQLite storage through aiosqlite: one connection, WAL mode, versioned migrations applied at start."""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import aiosqlite

from bot.conversation import PendingRoute
from bot.edits import EDIT_KINDS, Edit, EditKind
from bot.lang import Lang, is_lang

PROFILE_CACHE_SIZE = 50_000
_FORGOTTEN_TICKET = "SELECT id FROM tickets WHERE id = ? AND erase_when_answered = 1"
DAY_SECONDS = 86_400

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
    """
    ALTER TABLE profiles ADD COLUMN pending TEXT;
    CREATE TABLE tickets (
        id            INTEGER PRIMARY KEY,
        user_id       INTEGER NOT NULL,
        chat_id       INTEGER NOT NULL,
        municipality  TEXT NOT NULL,
        area_kind     TEXT NOT NULL,
        area_id       TEXT NOT NULL,
        topic         TEXT NOT NULL,
        lang          TEXT NOT NULL CHECK (lang IN ('fi', 'sv')),
        question      TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'answered', 'closed')),
        contact_chat  INTEGER,
        card_message  INTEGER,
        answer        TEXT,
        created_at    REAL NOT NULL,
        updated_at    REAL NOT NULL
    );
    CREATE INDEX tickets_area ON tickets (area_id, status);
    CREATE INDEX tickets_card ON tickets (contact_chat, card_message);
    CREATE TABLE outbox (
        id            INTEGER PRIMARY KEY,
        ticket_id     INTEGER NOT NULL REFERENCES tickets (id),
        kind          TEXT NOT NULL CHECK (kind IN ('card', 'answer')),
        chat_id       INTEGER NOT NULL,
        text          TEXT NOT NULL,
        attempts      INTEGER NOT NULL DEFAULT 0,
        next_attempt  REAL NOT NULL,
        sent_at       REAL,
        last_error    TEXT
    );
    CREATE INDEX outbox_due ON outbox (sent_at, next_attempt);
    """,
    """
    CREATE TABLE officials (
        user_id     INTEGER NOT NULL,
        area        TEXT NOT NULL,
        added_by    INTEGER,
        added_at    REAL NOT NULL,
        revoked_at  REAL,
        PRIMARY KEY (user_id, area)
    );
    CREATE TABLE invites (
        code_hash   TEXT PRIMARY KEY,
        area        TEXT NOT NULL,
        created_by  INTEGER,
        created_at  REAL NOT NULL,
        expires_at  REAL NOT NULL,
        used_by     INTEGER,
        used_at     REAL
    );
    CREATE TABLE join_attempts (user_id INTEGER NOT NULL, at REAL NOT NULL);
    CREATE INDEX join_attempts_user ON join_attempts (user_id, at);
    CREATE TABLE audit (
        id      INTEGER PRIMARY KEY,
        at      REAL NOT NULL,
        actor   INTEGER,
        action  TEXT NOT NULL,
        detail  TEXT NOT NULL
    );
    CREATE TABLE unanswered (
        id        INTEGER PRIMARY KEY,
        at        REAL NOT NULL,
        lang      TEXT NOT NULL,
        area      TEXT,
        question  TEXT NOT NULL
    );
    CREATE INDEX unanswered_at ON unanswered (at);
    ALTER TABLE profiles ADD COLUMN answering INTEGER;
    CREATE TABLE asked (
        week   TEXT NOT NULL,
        lang   TEXT NOT NULL,
        goal   TEXT NOT NULL,
        count  INTEGER NOT NULL,
        PRIMARY KEY (week, lang, goal)
    );
    """,
    """
    ALTER TABLE profiles ADD COLUMN flow TEXT;
    CREATE TABLE edits (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('contact', 'local', 'proposal', 'question')),
        area        TEXT,
        target      TEXT NOT NULL,
        before      TEXT,
        after       TEXT NOT NULL,
        author      INTEGER,
        created_at  REAL NOT NULL,
        status      TEXT NOT NULL
                    CHECK (status IN ('live', 'pending', 'approved', 'rejected', 'rolled_back', 'merged')),
        reviewed_by INTEGER,
        reviewed_at REAL
    );
    """,
    """
    -- A person who asked to be forgotten while a question was still open: erase it once the answer reaches them.
    ALTER TABLE tickets ADD COLUMN erase_when_answered INTEGER NOT NULL DEFAULT 0;
    -- Telegram refused for good (the person blocked the bot, the chat is gone): not retried.
    ALTER TABLE outbox ADD COLUMN abandoned_at REAL;
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
    pending: PendingRoute | None = None
    answering: int | None = None  # an official's next message answers this ticket
    flow: Mapping[str, Any] | None = None  # an official's guided edit in progress (kind, step, data)


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    user_id: int
    chat_id: int
    municipality: str
    area_kind: str
    area_id: str
    topic: str
    lang: Lang
    question: str
    status: str
    contact_chat: int | None
    card_message: int | None
    answer: str | None
    created_at: float


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    ticket_id: int
    kind: str
    chat_id: int
    text: str
    attempts: int


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


class Storage:
    """The one connection to the database. Profiles are also kept in a bounded write-through cache: this process
    is the only writer, and reading a profile on every message must not cost a trip to the database thread."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._db = connection
        self._profiles: OrderedDict[int, Profile] = OrderedDict()
        # Multi-statement transactions share the one connection; the lock keeps them from interleaving.
        self._lock = asyncio.Lock()
        # One delivery round at a time: the minute job and a fresh hand-off must not both send the same card.
        self.delivery_lock = asyncio.Lock()

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

    def cached_profile(self, user_id: int) -> Profile | None:
        """The profile if it is in memory (exactly as stored: every write goes through the cache), else None."""
        return self._profiles.get(user_id)

    def _remember(self, profile: Profile) -> None:
        self._profiles[profile.user_id] = profile
        self._profiles.move_to_end(profile.user_id)
        while len(self._profiles) > PROFILE_CACHE_SIZE:
            self._profiles.popitem(last=False)

    async def _read_profile(self, user_id: int) -> Profile:
        # One trip to the database thread (a cursor's execute, fetch and close are three): a first contact waits on it.
        rows = await self._db.execute_fetchall(
            "SELECT explicit_lang, last_lang, client_code, municipality, pending, answering, flow FROM profiles "
            "WHERE user_id = ?",
            (user_id,),
        )
        row = next(iter(rows), None)
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

    async def save_profile(self, profile: Profile) -> None:
        self._profiles.pop(profile.user_id, None)  # if the write fails, the next read goes to the database
        async with self._lock:
            await self._write_profile(profile)
        self._remember(profile)

    async def _write_profile(self, profile: Profile) -> None:
        await self._db.execute(
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
        await self._db.commit()

    async def forget(self, user_id: int) -> int:
        """Erase everything kept about a person (they asked to be forgotten): their profile and their handed-over
        questions. A question not yet answered, or whose answer has not reached them, is kept until it has (or until
        ``erase_forgotten_before``), then erased; how many are kept so is returned."""
        self._profiles.pop(user_id, None)
        done = """
            SELECT id FROM tickets WHERE user_id = ? AND status IN ('answered', 'closed') AND NOT EXISTS
                (SELECT 1 FROM outbox WHERE outbox.ticket_id = tickets.id AND kind = 'answer'
                 AND sent_at IS NULL AND abandoned_at IS NULL)
        """
        async with self._lock:
            await self._db.execute("DELETE FROM profiles WHERE user_id = ?", (user_id,))
            await self._erase_tickets(done, (user_id,))
            cursor = await self._db.execute("UPDATE tickets SET erase_when_answered = 1 WHERE user_id = ?", (user_id,))
            kept = cursor.rowcount
            await self._db.commit()
            # Another chat of the same person may have read the profile back while this waited for the lock.
            self._profiles.pop(user_id, None)
        return kept

    async def _erase_tickets(self, ids: str, args: tuple[object, ...], close: bool = False) -> int:
        """Blank who asked, what and the answer of the tickets selected by the query ``ids`` (inside a transaction);
        how many. The row stays, so a reply to its card or an "answer" press is told the question is closed."""
        await self._db.execute(f"DELETE FROM outbox WHERE ticket_id IN ({ids})", args)  # noqa: S608
        status = "'closed'" if close else "status"
        cursor = await self._db.execute(
            f"UPDATE tickets SET user_id = 0, chat_id = 0, question = '', answer = NULL, erase_when_answered = 0, "  # noqa: S608
            f"status = {status}, updated_at = ? WHERE id IN ({ids})",
            (time.time(), *args),
        )
        return cursor.rowcount

    async def erase_forgotten_before(self, cutoff: float) -> int:
        """Erase the questions of people who asked to be forgotten that are older than ``cutoff``, answered or not."""
        async with self._lock:
            erased = await self._erase_tickets(
                "SELECT id FROM tickets WHERE erase_when_answered = 1 AND created_at < ?", (cutoff,), close=True
            )
            await self._db.commit()
        return erased

    async def create_ticket(
        self,
        user_id: int,
        chat_id: int,
        route: PendingRoute,
        area_kind: str,
        area_id: str,
        lang: Lang,
        contact_chat: int | None,
        card_text: str | None,
    ) -> int:
        """Store the ticket, and its card in the outbox when there is a chat to post it in, in one transaction:
        whatever happens after this (a crash, Telegram refusing), the question is not lost."""
        now = time.time()
        status = "queued"
        async with self._lock:
            cursor = await self._db.execute(
                """
                INSERT INTO tickets (user_id, chat_id, municipality, area_kind, area_id, topic, lang, question,
                                     status, contact_chat, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    user_id,
                    chat_id,
                    route.municipality,
                    area_kind,
                    area_id,
                    route.topic,
                    lang,
                    route.question,
                    status,
                    contact_chat,
                    now,
                    now,
                ),
            )
            ticket_id = int(cursor.lastrowid or 0)
            if contact_chat is not None and card_text is not None:
                await self._db.execute(
                    "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt) VALUES (?, 'card', ?, ?, ?)",
                    (ticket_id, contact_chat, card_text, now),
                )
            await self._db.commit()
        return ticket_id

    async def ticket(self, ticket_id: int) -> Ticket | None:
        async with self._db.execute("SELECT * FROM tickets WHERE id = ?", (ticket_id,)) as cursor:
            row = await cursor.fetchone()
        return _ticket(row) if row is not None else None

    async def ticket_for_card(self, chat_id: int, message_id: int) -> Ticket | None:
        async with self._db.execute(
            "SELECT * FROM tickets WHERE contact_chat = ? AND card_message = ?", (chat_id, message_id)
        ) as cursor:
            row = await cursor.fetchone()
        return _ticket(row) if row is not None else None

    async def open_tickets(
        self, areas: list[str] | None, statuses: tuple[str, ...] = ("queued", "sent")
    ) -> list[Ticket]:
        """The tickets of ``areas`` (None: of every area) in one of ``statuses``, oldest first."""
        marks = ", ".join("?" for _ in statuses)
        query = f"SELECT * FROM tickets WHERE status IN ({marks})"  # noqa: S608 - placeholders only
        arguments: list[object] = list(statuses)
        if areas is not None:
            query += f" AND area_id IN ({', '.join('?' for _ in areas)})"
            arguments += areas
        rows = await self._db.execute_fetchall(query + " ORDER BY created_at, id", arguments)
        return [_ticket(row) for row in rows]

    async def answer_ticket(self, ticket_id: int, answer: str, text_for_association: str) -> bool:
        """Record the official's answer and queue it for the association; False if already answered."""
        now = time.time()
        async with self._lock:
            cursor = await self._db.execute(
                "UPDATE tickets SET status = 'answered', answer = ?, updated_at = ? "
                "WHERE id = ? AND status IN ('queued', 'sent')",
                (answer, now, ticket_id),
            )
            if cursor.rowcount != 1:
                await self._db.rollback()
                return False
            await self._db.execute(
                "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt) "
                "SELECT id, 'answer', chat_id, ?, ? FROM tickets WHERE id = ?",
                (text_for_association, now, ticket_id),
            )
            await self._db.commit()
        return True

    async def due_outbox(self, limit: int = 50, ignore_backoff: bool = False) -> list[OutboxItem]:
        async with self._db.execute(
            "SELECT id, ticket_id, kind, chat_id, text, attempts FROM outbox "
            "WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt <= ? ORDER BY id LIMIT ?",
            (float("inf") if ignore_backoff else time.time(), limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [OutboxItem(r["id"], r["ticket_id"], r["kind"], r["chat_id"], r["text"], r["attempts"]) for r in rows]

    async def outbox_sent(self, item: OutboxItem, message_id: int | None) -> None:
        now = time.time()
        async with self._lock:
            await self._db.execute("UPDATE outbox SET sent_at = ? WHERE id = ?", (now, item.id))
            if item.kind == "card":
                await self._db.execute(
                    "UPDATE tickets SET status = 'sent', card_message = ?, updated_at = ? "
                    "WHERE id = ? AND status = 'queued'",
                    (message_id, now, item.ticket_id),
                )
            else:  # the answer has reached the association: nothing more is owed to one who asked to be forgotten
                await self._erase_tickets(_FORGOTTEN_TICKET, (item.ticket_id,))
            await self._db.commit()

    async def outbox_failed(self, item: OutboxItem, error: str, permanent: bool = False) -> None:
        """Try again later, backing off up to an hour, so a Telegram outage loses nothing; a ``permanent`` refusal
        (the person blocked the bot) is not retried, and a forgotten person's question is erased with it."""
        delay = min(3600.0, 30.0 * 2**item.attempts)
        async with self._lock:
            await self._db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ?, abandoned_at = ? "
                "WHERE id = ?",
                (time.time() + delay, error[:500], time.time() if permanent else None, item.id),
            )
            if permanent and item.kind == "answer":
                await self._erase_tickets(_FORGOTTEN_TICKET, (item.ticket_id,))
            await self._db.commit()


def _ticket(row: aiosqlite.Row) -> Ticket:
    lang = row["lang"] if is_lang(row["lang"]) else "fi"
    return Ticket(
        row["id"],
        row["user_id"],
        row["chat_id"],
        row["municipality"],
        row["area_kind"],
        row["area_id"],
        row["topic"],
        lang,
        row["question"],
        row["status"],
        row["contact_chat"],
        row["card_message"],
        row["answer"],
        row["created_at"],
    )


class AccessStore:
    """Officials, single-use invite codes (stored hashed), the audit log, and what was asked (no identities)."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    @property
    def _db(self) -> aiosqlite.Connection:
        return self._storage._db

    async def audit(self, actor: int | None, action: str, **detail: object) -> None:
        async with self._storage._lock:
            await self._db.execute(
                "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                (time.time(), actor, action, json.dumps(detail, ensure_ascii=False, sort_keys=True)),
            )
            await self._db.commit()

    async def audit_log(self, limit: int = 50) -> list[tuple[float, int | None, str, str]]:
        async with self._db.execute(
            "SELECT at, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        ) as cursor:
            return [(row[0], row[1], row[2], row[3]) for row in await cursor.fetchall()]

    async def areas_of(self, user_id: int) -> list[str]:
        async with self._db.execute(
            "SELECT area FROM officials WHERE user_id = ? AND revoked_at IS NULL ORDER BY area", (user_id,)
        ) as cursor:
            return [row[0] for row in await cursor.fetchall()]

    async def officials(self) -> list[tuple[int, str, float]]:
        async with self._db.execute(
            "SELECT user_id, area, added_at FROM officials WHERE revoked_at IS NULL ORDER BY area, user_id"
        ) as cursor:
            return [(row[0], row[1], row[2]) for row in await cursor.fetchall()]

    async def officials_of(self, area: str) -> list[int]:
        async with self._db.execute(
            "SELECT user_id FROM officials WHERE area = ? AND revoked_at IS NULL", (area,)
        ) as cursor:
            return [row[0] for row in await cursor.fetchall()]

    async def revoke(self, user_id: int, area: str, by: int) -> bool:
        async with self._storage._lock:
            cursor = await self._db.execute(
                "UPDATE officials SET revoked_at = ? WHERE user_id = ? AND area = ? AND revoked_at IS NULL",
                (time.time(), user_id, area),
            )
            await self._db.commit()
        if cursor.rowcount:
            await self.audit(by, "revoke_official", user=user_id, area=area)
        return bool(cursor.rowcount)

    async def create_invite(self, code_hash: str, area: str, created_by: int | None, expires_at: float) -> None:
        async with self._storage._lock:
            await self._db.execute(
                "INSERT INTO invites (code_hash, area, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                (code_hash, area, created_by, time.time(), expires_at),
            )
            await self._db.commit()
        await self.audit(created_by, "create_invite", area=area, expires_at=round(expires_at))

    async def recent_join_attempts(self, user_id: int, window: float) -> int:
        async with self._db.execute(
            "SELECT COUNT(*) FROM join_attempts WHERE user_id = ? AND at > ?", (user_id, time.time() - window)
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def redeem_invite(self, code_hash: str, user_id: int) -> str | None:
        """Use an invite once: the area it grants, or None (and the failed attempt is counted)."""
        now = time.time()
        async with self._storage._lock:
            cursor = await self._db.execute(
                "UPDATE invites SET used_by = ?, used_at = ? "
                "WHERE code_hash = ? AND used_by IS NULL AND expires_at > ? RETURNING area",
                (user_id, now, code_hash, now),
            )
            row = await cursor.fetchone()
            if row is None:
                await self._db.execute("INSERT INTO join_attempts (user_id, at) VALUES (?, ?)", (user_id, now))
            else:
                await self._db.execute(
                    "INSERT INTO officials (user_id, area, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (user_id, area) DO UPDATE SET revoked_at = NULL, added_at = excluded.added_at",
                    (user_id, row[0], now),
                )
            await self._db.commit()
        if row is not None:
            await self.audit(user_id, "join", area=row[0])
        return str(row[0]) if row is not None else None

    async def record_unanswered(self, questions: list[tuple[float, str, str | None, str]]) -> None:
        """Keep questions the bot could not answer: (time, language, area, text), in one transaction. Only the day
        is kept of the time: with a small municipality, the second a question was asked could point to its asker."""
        if not questions:
            return
        async with self._storage._lock:
            await self._db.executemany(
                "INSERT INTO unanswered (at, lang, area, question) VALUES (?, ?, ?, ?)",
                [(at - at % DAY_SECONDS, lang, area, question[:1000]) for at, lang, area, question in questions],
            )
            await self._db.commit()

    async def unanswered(
        self, areas: list[str] | None, limit: int = 20
    ) -> list[tuple[int, float, str, str | None, str]]:
        """Recent unanswered questions (id, time, language, area, text); ``areas`` None means all (administrators)."""
        args: tuple[object, ...]
        columns = "id, at, lang, area, question"
        if areas is None:
            query, args = f"SELECT {columns} FROM unanswered ORDER BY id DESC LIMIT ?", (limit,)  # noqa: S608
        else:
            marks = ", ".join("?" for _ in areas) or "NULL"
            query = f"SELECT {columns} FROM unanswered WHERE area IN ({marks}) ORDER BY id DESC LIMIT ?"  # noqa: S608
            args = (*areas, limit)
        async with self._db.execute(query, args) as cursor:
            return [(row[0], row[1], row[2], row[3], row[4]) for row in await cursor.fetchall()]

    async def unanswered_item(self, item_id: int) -> tuple[str, str | None, str] | None:
        async with self._db.execute("SELECT lang, area, question FROM unanswered WHERE id = ?", (item_id,)) as cursor:
            row = await cursor.fetchone()
        return (row[0], row[1], row[2]) if row is not None else None

    async def forget_unanswered_before(self, cutoff: float) -> int:
        async with self._storage._lock:
            cursor = await self._db.execute("DELETE FROM unanswered WHERE at < ?", (cutoff,))
            await self._db.commit()
        return cursor.rowcount

    async def add_question_counts(self, counts: dict[tuple[str, str, str], int]) -> None:
        """Add counts gathered in memory (one write a minute, not one a message)."""
        if not counts:
            return
        async with self._storage._lock:
            await self._db.executemany(
                "INSERT INTO asked (week, lang, goal, count) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (week, lang, goal) DO UPDATE SET count = count + excluded.count",
                [(week, lang, goal, count) for (week, lang, goal), count in counts.items()],
            )
            await self._db.commit()

    async def question_counts(self, weeks: int = 8) -> list[tuple[str, str, str, int]]:
        async with self._db.execute(
            "SELECT week, lang, goal, count FROM asked WHERE week IN "
            "(SELECT DISTINCT week FROM asked ORDER BY week DESC LIMIT ?) ORDER BY week DESC, goal, lang",
            (weeks,),
        ) as cursor:
            return [(row[0], row[1], row[2], row[3]) for row in await cursor.fetchall()]


class EditStore:
    """Versioned live edits: who, when, before, after and status; nothing is ever deleted, only superseded."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    @property
    def _db(self) -> aiosqlite.Connection:
        return self._storage._db

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
        async with self._storage._lock:
            cursor = await self._db.execute(
                "INSERT INTO edits (kind, area, target, before, after, author, created_at, status) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    area,
                    target,
                    json.dumps(before, ensure_ascii=False) if before is not None else None,
                    json.dumps(after, ensure_ascii=False),
                    author,
                    time.time(),
                    status,
                ),
            )
            edit_id = int(cursor.lastrowid or 0)
            await self._db.execute(
                "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                (time.time(), author, f"edit_{kind}", json.dumps({"edit": edit_id, "area": area, "target": target})),
            )
            await self._db.commit()
        return edit_id

    async def get(self, edit_id: int) -> Edit | None:
        async with self._db.execute("SELECT * FROM edits WHERE id = ?", (edit_id,)) as cursor:
            row = await cursor.fetchone()
        return _edit(row) if row is not None else None

    async def in_effect(self) -> list[Edit]:
        async with self._db.execute("SELECT * FROM edits WHERE status IN ('live', 'approved') ORDER BY id") as cursor:
            return [_edit(row) for row in await cursor.fetchall()]

    async def with_status(self, status: str, limit: int = 20) -> list[Edit]:
        async with self._db.execute(
            "SELECT * FROM edits WHERE status = ? ORDER BY id DESC LIMIT ?", (status, limit)
        ) as cursor:
            return [_edit(row) for row in await cursor.fetchall()]

    async def history(self, areas: list[str] | None, limit: int = 15) -> list[Edit]:
        """Recent edits; ``areas`` None means all (administrators). National proposals have no area."""
        if areas is None:
            query, args = "SELECT * FROM edits ORDER BY id DESC LIMIT ?", (limit,)
        else:
            marks = ", ".join("?" for _ in areas) or "NULL"
            query = f"SELECT * FROM edits WHERE area IN ({marks}) ORDER BY id DESC LIMIT ?"  # noqa: S608
            args = (*areas, limit)  # type: ignore[assignment]
        async with self._db.execute(query, args) as cursor:
            return [_edit(row) for row in await cursor.fetchall()]

    async def set_status(self, edit_id: int, status: str, reviewer: int, expected: tuple[str, ...]) -> bool:
        """Move an edit to ``status`` if it is in one of the ``expected`` statuses; audited."""
        marks = ", ".join("?" for _ in expected)
        async with self._storage._lock:
            cursor = await self._db.execute(
                f"UPDATE edits SET status = ?, reviewed_by = ?, reviewed_at = ? "  # noqa: S608
                f"WHERE id = ? AND status IN ({marks})",
                (status, reviewer, time.time(), edit_id, *expected),
            )
            if cursor.rowcount:
                await self._db.execute(
                    "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
                    (time.time(), reviewer, f"edit_{status}", json.dumps({"edit": edit_id})),
                )
            await self._db.commit()
        return bool(cursor.rowcount)

    async def mark_merged(self) -> int:
        """After `kanebot import`: the edits in effect are now part of the reviewed baseline."""
        async with self._storage._lock:
            cursor = await self._db.execute("UPDATE edits SET status = 'merged' WHERE status IN ('live', 'approved')")
            await self._db.commit()
        return cursor.rowcount


def _edit(row: aiosqlite.Row) -> Edit:
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
