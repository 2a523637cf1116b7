"""The database schema as numbered migrations: each step moves the schema one version up."""

from __future__ import annotations

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
