"""Questions handed over to an organisation (tickets) and what is owed to Telegram about them (the outbox): cards to
officials and answers to associations, kept until Telegram has taken them."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from bot.core.conversation import PendingRoute
from bot.core.lang import Lang, is_lang
from bot.storage.database import Args, Database, Row, Transaction

_FORGOTTEN_TICKET = "SELECT id FROM tickets WHERE id = ? AND erase_when_answered = 1"
# The chat of a question asked outside Telegram (`kanebot chat`): its answer is read from the ticket, never sent.
NO_CHAT = 0


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


def _ticket(row: Row) -> Ticket:
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


async def _erase(transaction: Transaction, ids: str, args: Args, close: bool = False) -> int:
    """Blank who asked, what and the answer of the tickets selected by the query ``ids``; how many. The row stays,
    so a reply to its card or an "answer" press is told the question is closed."""
    await transaction.execute(f"DELETE FROM outbox WHERE ticket_id IN ({ids})", args)  # noqa: S608
    status = "'closed'" if close else "status"
    return await transaction.execute(
        f"UPDATE tickets SET user_id = 0, chat_id = 0, question = '', answer = NULL, erase_when_answered = 0, "  # noqa: S608
        f"status = {status}, updated_at = ? WHERE id IN ({ids})",
        (time.time(), *args),
    )


class TicketStore:
    def __init__(self, database: Database) -> None:
        self._db = database
        # One delivery round at a time: the minute job and a fresh hand-off must not both send the same card.
        self.delivery_lock = asyncio.Lock()

    async def create(
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
        async with self._db.transaction() as transaction:
            row = await transaction.fetch_one(
                """
                INSERT INTO tickets (user_id, chat_id, municipality, area_kind, area_id, topic, lang, question,
                                     status, contact_chat, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING id
                """,
                (user_id, chat_id, route.municipality, area_kind, area_id, route.topic, lang, route.question,
                 contact_chat, now, now),
            )  # fmt: skip
            ticket_id = int(row[0]) if row is not None else 0
            if contact_chat is not None and card_text is not None:
                await transaction.execute(
                    "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt) VALUES (?, 'card', ?, ?, ?)",
                    (ticket_id, contact_chat, card_text, now),
                )
        return ticket_id

    async def get(self, ticket_id: int) -> Ticket | None:
        row = await self._db.fetch_one("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
        return _ticket(row) if row is not None else None

    async def for_card(self, chat_id: int, message_id: int) -> Ticket | None:
        row = await self._db.fetch_one(
            "SELECT * FROM tickets WHERE contact_chat = ? AND card_message = ?", (chat_id, message_id)
        )
        return _ticket(row) if row is not None else None

    async def open_in(self, areas: list[str] | None, statuses: tuple[str, ...] = ("queued", "sent")) -> list[Ticket]:
        """The tickets of ``areas`` (None: of every area) in one of ``statuses``, oldest first."""
        marks = ", ".join("?" for _ in statuses)
        query = f"SELECT * FROM tickets WHERE status IN ({marks})"  # noqa: S608 - placeholders only
        arguments: list[object] = list(statuses)
        if areas is not None:
            query += f" AND area_id IN ({', '.join('?' for _ in areas)})"
            arguments += areas
        return [_ticket(row) for row in await self._db.fetch_all(query + " ORDER BY created_at, id", arguments)]

    async def answer(self, ticket_id: int, answer: str, text_for_association: str) -> bool:
        """Record the official's answer and queue it for the association; False if already answered."""
        now = time.time()
        async with self._db.transaction() as transaction:
            changed = await transaction.execute(
                "UPDATE tickets SET status = 'answered', answer = ?, updated_at = ? "
                "WHERE id = ? AND status IN ('queued', 'sent')",
                (answer, now, ticket_id),
            )
            if changed != 1:
                return False
            await transaction.execute(
                "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt) "
                "SELECT id, 'answer', chat_id, ?, ? FROM tickets WHERE id = ? AND chat_id != ?",
                (text_for_association, now, ticket_id, NO_CHAT),
            )
        return True

    async def take_answers(self, user_id: int) -> list[Ticket]:
        """The answered questions a person asked outside Telegram (no chat to send them to), each given once: it is
        closed as it is taken, and erased if the person has asked to be forgotten."""
        async with self._db.transaction() as transaction:
            rows = await transaction.fetch_all(
                "UPDATE tickets SET status = 'closed', updated_at = ? "
                "WHERE user_id = ? AND chat_id = ? AND status = 'answered' RETURNING *",
                (time.time(), user_id, NO_CHAT),
            )
            taken = sorted((_ticket(row) for row in rows), key=lambda ticket: ticket.id)
            forgotten = (
                "SELECT id FROM tickets WHERE user_id = ? AND chat_id = ? AND status = 'closed' "
                "AND erase_when_answered = 1"
            )
            await _erase(transaction, forgotten, (user_id, NO_CHAT))
        return taken

    async def forget(self, transaction: Transaction, user_id: int) -> int:
        """Inside ``transaction``, erase a person's handed-over questions whose answer has reached them, and mark the
        rest to be erased once it has (or by ``erase_forgotten_before``); how many are kept so."""
        done = """
            SELECT id FROM tickets WHERE user_id = ? AND status IN ('answered', 'closed') AND NOT EXISTS
                (SELECT 1 FROM outbox WHERE outbox.ticket_id = tickets.id AND kind = 'answer'
                 AND sent_at IS NULL AND abandoned_at IS NULL)
        """
        await _erase(transaction, done, (user_id,))
        return await transaction.execute("UPDATE tickets SET erase_when_answered = 1 WHERE user_id = ?", (user_id,))

    async def erase_forgotten_before(self, cutoff: float) -> int:
        """Erase the questions of people who asked to be forgotten that are older than ``cutoff``, answered or not."""
        async with self._db.transaction() as transaction:
            return await _erase(
                transaction,
                "SELECT id FROM tickets WHERE erase_when_answered = 1 AND created_at < ?",
                (cutoff,),
                close=True,
            )

    async def due_outbox(self, limit: int = 50, ignore_backoff: bool = False) -> list[OutboxItem]:
        rows = await self._db.fetch_all(
            "SELECT id, ticket_id, kind, chat_id, text, attempts FROM outbox "
            "WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt <= ? ORDER BY id LIMIT ?",
            (float("inf") if ignore_backoff else time.time(), limit),
        )
        return [OutboxItem(r["id"], r["ticket_id"], r["kind"], r["chat_id"], r["text"], r["attempts"]) for r in rows]

    async def outbox_sent(self, item: OutboxItem, message_id: int | None) -> None:
        now = time.time()
        async with self._db.transaction() as transaction:
            await transaction.execute("UPDATE outbox SET sent_at = ? WHERE id = ?", (now, item.id))
            if item.kind == "card":
                await transaction.execute(
                    "UPDATE tickets SET status = 'sent', card_message = ?, updated_at = ? "
                    "WHERE id = ? AND status = 'queued'",
                    (message_id, now, item.ticket_id),
                )
            else:  # the answer has reached the association: nothing more is owed to one who asked to be forgotten
                await _erase(transaction, _FORGOTTEN_TICKET, (item.ticket_id,))

    async def outbox_failed(self, item: OutboxItem, error: str, permanent: bool = False) -> None:
        """Try again later, backing off up to an hour, so a Telegram outage loses nothing; a ``permanent`` refusal
        (the person blocked the bot) is not retried, and a forgotten person's question is erased with it."""
        delay = min(3600.0, 30.0 * 2**item.attempts)
        async with self._db.transaction() as transaction:
            await transaction.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ?, abandoned_at = ? "
                "WHERE id = ?",
                (time.time() + delay, error[:500], time.time() if permanent else None, item.id),
            )
            if permanent and item.kind == "answer":
                await _erase(transaction, _FORGOTTEN_TICKET, (item.ticket_id,))
