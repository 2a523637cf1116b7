"""The database schema as numbered migrations, one versioned schema for both engines: each step moves the schema one
version up. A step is written once, in SQLite's words; ``migrations("postgresql")`` gives the same steps in
PostgreSQL's (the few types that differ are translated here, and the few statements that cannot be are written
again for PostgreSQL below). tests/test_schema.py checks that both engines end at the same tables, columns and
indexes, and that no shipped step has changed."""

from __future__ import annotations

import re
from functools import cache

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
    """
    -- Every query that runs per message or per official action finds its rows through an index
    -- (tests/test_query_plans.py reads the plans); open tickets in the order officials see them.
    DROP INDEX tickets_area;
    DROP INDEX tickets_card;
    DROP INDEX outbox_due;
    CREATE INDEX tickets_user ON tickets (user_id);
    CREATE INDEX tickets_contact_chat ON tickets (contact_chat);
    CREATE INDEX tickets_open ON tickets (id) WHERE status IN ('queued', 'sent');
    CREATE INDEX tickets_open_area ON tickets (area_id, id) WHERE status IN ('queued', 'sent');
    CREATE INDEX tickets_forgotten ON tickets (created_at) WHERE erase_when_answered = 1;
    CREATE INDEX tickets_done ON tickets (updated_at) WHERE status IN ('answered', 'closed');
    CREATE INDEX outbox_ticket ON outbox (ticket_id);
    CREATE INDEX outbox_chat ON outbox (chat_id);
    CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL AND abandoned_at IS NULL;
    CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
    CREATE INDEX outbox_abandoned ON outbox (abandoned_at) WHERE abandoned_at IS NOT NULL;
    CREATE INDEX unanswered_area ON unanswered (area, id);
    CREATE INDEX audit_at ON audit (at);
    CREATE INDEX audit_actor ON audit (actor);
    CREATE INDEX join_attempts_at ON join_attempts (at);
    CREATE INDEX officials_area ON officials (area);
    CREATE INDEX invites_created_by ON invites (created_by);
    CREATE INDEX invites_used_by ON invites (used_by);
    CREATE INDEX edits_status ON edits (status, id);
    CREATE INDEX edits_area ON edits (area, id);
    CREATE INDEX edits_author ON edits (author);
    CREATE INDEX edits_reviewed_by ON edits (reviewed_by);
    -- The Telegram chat a contact edit routes cards to (inside its JSON too): /forget finds it through an index.
    ALTER TABLE edits ADD COLUMN chat INTEGER;
    UPDATE edits SET chat = CAST(json_extract(after, '$.telegram_chat') AS INTEGER)
        WHERE kind = 'contact' AND json_valid(after);
    CREATE INDEX edits_chat ON edits (chat);
    -- Whom an audited action concerns, apart from who did it: /forget blanks both (it was inside the detail text).
    ALTER TABLE audit ADD COLUMN subject INTEGER;
    CREATE INDEX audit_subject ON audit (subject);
    UPDATE audit SET subject = CAST(json_extract(detail, '$.user') AS INTEGER), detail = json_remove(detail, '$.user')
        WHERE action = 'revoke_official' AND json_valid(detail);
    -- Every copy of a card Telegram took (a send that timed out may have been stored and sent again): a reply to
    -- any of them answers the ticket.
    CREATE TABLE cards (
        chat_id     INTEGER NOT NULL,
        message_id  INTEGER NOT NULL,
        ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX cards_ticket ON cards (ticket_id);
    INSERT INTO cards (chat_id, message_id, ticket_id)
        SELECT contact_chat, card_message, id FROM tickets WHERE contact_chat IS NOT NULL AND card_message IS NOT NULL;
    -- The message that answered a ticket: the same message handled again (after a crash) is the same answer.
    ALTER TABLE tickets ADD COLUMN answer_chat INTEGER;
    ALTER TABLE tickets ADD COLUMN answer_message INTEGER;
    CREATE INDEX tickets_answer_chat ON tickets (answer_chat) WHERE answer_chat IS NOT NULL;
    -- When an outbox item was queued: a failure that is not Telegram's final word is retried, but not for ever.
    ALTER TABLE outbox ADD COLUMN created_at REAL;
    -- Updates kept before Telegram is told they arrived, until handled: a crash loses none. A handled one keeps
    -- its id (not its body) for a day, so that the same update delivered again is recognised.
    CREATE TABLE inbox (
        update_id   INTEGER PRIMARY KEY,
        body        TEXT NOT NULL,
        received_at REAL NOT NULL,
        handled_at  REAL
    );
    CREATE INDEX inbox_waiting ON inbox (update_id) WHERE handled_at IS NULL;
    CREATE INDEX inbox_handled ON inbox (handled_at) WHERE handled_at IS NOT NULL;
    """,
    """
    -- Several bot replicas on one database (PostgreSQL): a chat's waiting updates are found by their chat, whichever
    -- replica received them, so that they are handled in order; a handled update keeps no chat.
    ALTER TABLE inbox ADD COLUMN chat_id INTEGER;
    CREATE INDEX inbox_chat ON inbox (chat_id, update_id) WHERE handled_at IS NULL;
    -- A chat's next item to send: whichever replica sends it, a chat's items go in order.
    CREATE INDEX outbox_pending_chat ON outbox (chat_id, id) WHERE sent_at IS NULL AND abandoned_at IS NULL;
    -- When each scheduled job (the retention purge, the weekly review) last ran: once per period, however many
    -- replicas there are and however often they restart.
    CREATE TABLE jobs (
        name      TEXT PRIMARY KEY,
        last_run  REAL NOT NULL
    );
    """,
)

# PostgreSQL's words for SQLite's types: a row id is an identity column (numbers given explicitly are kept, as
# `kanebot migrate` does), every integer is 64-bit (Telegram's ids are), and REAL is a double, as in SQLite.
_POSTGRES_TYPES = (
    (re.compile(r"\bid(\s+)INTEGER PRIMARY KEY\b"), r"id\1BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
)
# Statements that use SQLite's JSON functions, in PostgreSQL's (step number → SQLite's text → PostgreSQL's). They
# move data of databases older than the step; a PostgreSQL database starts at the latest version, but its steps
# are the same ones, written so that they would.
_POSTGRES_STATEMENTS: dict[int, tuple[tuple[str, str], ...]] = {
    6: (
        (
            """UPDATE edits SET chat = CAST(json_extract(after, '$.telegram_chat') AS INTEGER)
        WHERE kind = 'contact' AND json_valid(after);""",
            """UPDATE edits SET chat = CAST(CAST(after AS jsonb) ->> 'telegram_chat' AS BIGINT)
        WHERE kind = 'contact' AND after LIKE '{%';""",
        ),
        (
            "UPDATE audit SET subject = CAST(json_extract(detail, '$.user') AS INTEGER), "
            "detail = json_remove(detail, '$.user')\n        WHERE action = 'revoke_official' AND json_valid(detail);",
            """UPDATE audit SET subject = CAST(CAST(detail AS jsonb) ->> 'user' AS BIGINT),
        detail = CAST(CAST(detail AS jsonb) - 'user' AS TEXT)
        WHERE action = 'revoke_official' AND detail LIKE '{%';""",
        ),
    ),
}


@cache
def migrations(dialect: str) -> tuple[str, ...]:
    """The steps in ``dialect`` ("sqlite" or "postgresql")."""
    if dialect == "sqlite":
        return MIGRATIONS
    if dialect != "postgresql":
        raise ValueError(f"no migrations for {dialect!r}")
    steps = []
    for number, step in enumerate(MIGRATIONS, start=1):
        for sqlite, postgres in _POSTGRES_STATEMENTS.get(number, ()):
            if sqlite not in step:
                raise ValueError(f"migration {number} no longer contains the statement translated for PostgreSQL")
            step = step.replace(sqlite, postgres)
        for pattern, replacement in _POSTGRES_TYPES:
            step = pattern.sub(replacement, step)
        steps.append(step)
    return tuple(steps)
