"""Questions handed over to an organisation (tickets) and what is owed to Telegram about them (the outbox): cards to
officials and answers to associations, kept until Telegram has taken them."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from enum import Enum

from bot.core.conversation import PendingRoute
from bot.core.lang import Lang, is_lang
from bot.storage.database import PURGE_BATCH, Args, Claim, Database, Row, Transaction

DAY_SECONDS = 86_400
OPEN = "status IN ('queued', 'sent')"
# A failure that is not Telegram's final word (a timeout, an outage) is retried with a back-off for this long.
GIVE_UP_SECONDS = 7 * DAY_SECONDS
# The same question handed over again by the same person within this time is the same hand-over (a retry after an
# error, or asked again because the confirmation did not arrive).
SAME_HANDOFF_SECONDS = DAY_SECONDS
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
    created_at: float | None = None


@dataclass(frozen=True, slots=True)
class HandedOver:
    ticket_id: int
    new: bool  # False: the same question of the same person was already handed over, and that ticket is it


class Answered(Enum):
    NOW = "now"  # recorded and queued for the association
    SAME = "same"  # this very message had already answered it (handled again after a crash)
    ALREADY = "already"  # answered before, by another message


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


def _outbox_item(row: Row) -> OutboxItem:
    return OutboxItem(
        row["id"], row["ticket_id"], row["kind"], row["chat_id"], row["text"], row["attempts"], row["created_at"]
    )


async def _erase(transaction: Transaction, ids: str, args: Args, close: bool = False) -> int:
    """Blank who asked, what and the answer of the tickets selected by the query ``ids``; how many. The row stays,
    so a reply to its card or an "answer" press is told the question is closed. Only the day of its times is kept:
    the second a question was asked could be matched to the person's message."""
    rows = await transaction.fetch_all(f"SELECT id, created_at, status FROM tickets WHERE id IN ({ids})", args)  # noqa: S608
    if not rows:
        return 0
    marks = ", ".join("?" for _ in rows)
    await transaction.execute(f"DELETE FROM outbox WHERE ticket_id IN ({marks})", [row[0] for row in rows])  # noqa: S608
    today = _day(time.time())
    await transaction.execute_many(
        "UPDATE tickets SET user_id = 0, chat_id = 0, question = '', answer = NULL, erase_when_answered = 0, "
        "status = ?, created_at = ?, updated_at = ? WHERE id = ?",
        [("closed" if close else row[2], _day(row[1]), today, row[0]) for row in rows],
    )
    return len(rows)


def _day(moment: float) -> float:
    return moment - moment % DAY_SECONDS


class TicketStore:
    def __init__(self, database: Database) -> None:
        self._db = database
        # One delivery round at a time: the minute job and a fresh hand-off must not both send the same card. A
        # delivery asked for while a round runs sets ``delivery_wanted``: the round looks again before it ends.
        self.delivery_lock = asyncio.Lock()
        self.delivery_wanted = False

    async def create(
        self,
        user_id: int,
        chat_id: int,
        route: PendingRoute,
        area_kind: str,
        area_id: str,
        lang: Lang,
        contact_chat: int | None,
        card_text: Callable[[int], str] | None,
    ) -> HandedOver:
        """Store the ticket, and its card (``card_text`` of the new ticket's number) in the outbox when there is a
        chat to post it in, in one transaction: whatever happens after this (a crash, Telegram refusing), the
        question is not lost. The same open question of the same person to the same area, handed over again within
        a day, is the ticket already stored."""
        now = time.time()
        async with self._db.transaction() as transaction:
            same = await transaction.fetch_one(
                f"SELECT id FROM tickets WHERE user_id = ? AND {OPEN} AND area_id = ? AND topic = ? "  # noqa: S608
                "AND question = ? AND created_at > ? ORDER BY id DESC LIMIT 1",
                (user_id, area_id, route.topic, route.question, now - SAME_HANDOFF_SECONDS),
            )
            if same is not None:
                return HandedOver(int(same[0]), new=False)
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
                    "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt, created_at) "
                    "VALUES (?, 'card', ?, ?, ?, ?)",
                    (ticket_id, contact_chat, card_text(ticket_id), now, now),
                )
        return HandedOver(ticket_id, new=True)

    async def latest_of(self, user_id: int, since: float) -> Ticket | None:
        """The person's most recent ticket handed over after ``since`` (open or answered): a hand-over pressed again
        after its confirmation went missing finds it."""
        row = await self._db.fetch_one(
            "SELECT * FROM tickets WHERE user_id = ? AND status <> 'closed' AND created_at > ? "
            "ORDER BY id DESC LIMIT 1",
            (user_id, since),
        )
        return _ticket(row) if row is not None else None

    async def get(self, ticket_id: int) -> Ticket | None:
        row = await self._db.fetch_one("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
        return _ticket(row) if row is not None else None

    async def for_card(self, chat_id: int, message_id: int) -> Ticket | None:
        """The ticket whose card (any copy of it) is ``message_id`` in ``chat_id``."""
        row = await self._db.fetch_one(
            "SELECT tickets.* FROM cards JOIN tickets ON tickets.id = cards.ticket_id "
            "WHERE cards.chat_id = ? AND cards.message_id = ?",
            (chat_id, message_id),
        )
        return _ticket(row) if row is not None else None

    async def record_card(self, ticket_id: int, chat_id: int, message_id: int) -> None:
        """A copy of a ticket's card found in a chat (a reply to it named the ticket): later replies find it."""
        async with self._db.transaction() as transaction:
            await transaction.execute(
                "INSERT INTO cards (chat_id, message_id, ticket_id) VALUES (?, ?, ?) "
                "ON CONFLICT (chat_id, message_id) DO NOTHING",
                (chat_id, message_id, ticket_id),
            )

    async def open_page(self, areas: list[str] | None, after: int = 0, limit: int = 20) -> list[Ticket]:
        """Open tickets of ``areas`` (None: of every area), oldest first, after the ticket id ``after``: a page
        read through an index, however many wait."""
        if areas is None:
            rows = await self._db.fetch_all(
                f"SELECT * FROM tickets WHERE {OPEN} AND id > ? ORDER BY id LIMIT ?",  # noqa: S608
                (after, limit),
            )
            return [_ticket(row) for row in rows]
        # One indexed range per area, merged here: an official has an area or two.
        found: list[Ticket] = []
        for area in sorted(set(areas)):
            rows = await self._db.fetch_all(
                f"SELECT * FROM tickets WHERE {OPEN} AND area_id = ? AND id > ? ORDER BY id LIMIT ?",  # noqa: S608
                (area, after, limit),
            )
            found += [_ticket(row) for row in rows]
        return sorted(found, key=lambda ticket: ticket.id)[:limit]

    async def count_open(self, areas: list[str] | None, cap: int = 10_000) -> int:
        """How many open tickets ``areas`` have, counted up to ``cap`` (more: ``cap``)."""
        if areas is None:
            row = await self._db.fetch_one(
                f"SELECT COUNT(*) FROM (SELECT id FROM tickets WHERE {OPEN} LIMIT ?) AS open_tickets",  # noqa: S608
                (cap,),
            )
            return int(row[0]) if row else 0
        total = 0
        for area in sorted(set(areas)):
            row = await self._db.fetch_one(
                f"SELECT COUNT(*) FROM (SELECT id FROM tickets WHERE {OPEN} AND area_id = ? LIMIT ?) "  # noqa: S608
                "AS open_tickets",
                (area, cap),
            )
            total += int(row[0]) if row else 0
        return min(total, cap)

    async def answer(
        self, ticket_id: int, answer: str, text_for_association: str, source: tuple[int, int] | None = None
    ) -> Answered:
        """Record the official's answer and queue it for the association. ``source`` is the (chat, message) of
        the official's answer: the same message handled twice answers once."""
        now = time.time()
        chat, message = source if source is not None else (None, None)
        async with self._db.transaction() as transaction:
            record = "UPDATE tickets SET status = 'answered', answer = ?, answer_chat = ?, answer_message = ?, "
            changed = await transaction.execute(
                record + f"updated_at = ? WHERE id = ? AND {OPEN}",
                (answer, chat, message, now, ticket_id),
            )
            if changed != 1:
                row = await transaction.fetch_one(
                    "SELECT answer_chat, answer_message FROM tickets WHERE id = ?", (ticket_id,)
                )
                same = source is not None and row is not None and (row[0], row[1]) == (chat, message)
                return Answered.SAME if same else Answered.ALREADY
            await transaction.execute(
                "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt, created_at) "
                "SELECT id, 'answer', chat_id, ?, ?, ? FROM tickets WHERE id = ? AND chat_id != ?",
                (text_for_association, now, now, ticket_id, NO_CHAT),
            )
        return Answered.NOW

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
        rest to be erased once it has (or by ``erase_forgotten_before``); how many are kept so. Where the person
        is an official whose private chat received cards or whose message answered one, that chat is forgotten too:
        cards not yet sent there wait in the area's queue instead."""
        done = """
            SELECT id FROM tickets WHERE user_id = ? AND status IN ('answered', 'closed') AND NOT EXISTS
                (SELECT 1 FROM outbox WHERE outbox.ticket_id = tickets.id AND kind = 'answer'
                 AND sent_at IS NULL AND abandoned_at IS NULL)
        """
        await _erase(transaction, done, (user_id,))
        # A private chat's id is the person's id.
        await transaction.execute("DELETE FROM outbox WHERE chat_id = ? AND kind = 'card'", (user_id,))
        await transaction.execute("DELETE FROM cards WHERE chat_id = ?", (user_id,))
        await transaction.execute("UPDATE tickets SET contact_chat = NULL WHERE contact_chat = ?", (user_id,))
        await transaction.execute(
            "UPDATE tickets SET answer_chat = NULL, answer_message = NULL WHERE answer_chat = ?", (user_id,)
        )
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

    async def purge_done_before(self, cutoff: float) -> int:
        """Delete answered and closed tickets (with their outbox and card records) last changed before ``cutoff``,
        a batch per transaction; how many. Open ones stay whatever their age: a question is never dropped."""
        # A ticket takes its outbox items and card copies with it, and a dozen index entries: smaller batches.
        batch = PURGE_BATCH // 4
        select = f"SELECT id FROM tickets WHERE status IN ('answered', 'closed') AND updated_at < ? LIMIT {batch}"  # noqa: S608
        total = 0
        while True:
            async with self._db.transaction() as transaction:
                ids = [row[0] for row in await transaction.fetch_all(select, (cutoff,))]
                if ids:
                    marks = ", ".join("?" for _ in ids)
                    await transaction.execute(f"DELETE FROM outbox WHERE ticket_id IN ({marks})", ids)  # noqa: S608
                    await transaction.execute(f"DELETE FROM cards WHERE ticket_id IN ({marks})", ids)  # noqa: S608
                    await transaction.execute(f"DELETE FROM tickets WHERE id IN ({marks})", ids)  # noqa: S608
            total += len(ids)
            if len(ids) < batch:
                return total
            await asyncio.sleep(0)  # let the messages waiting for the database in

    async def purge_outbox_before(self, cutoff: float) -> int:
        """Delete outbox items sent or given up before ``cutoff`` (the texts they carried go with them)."""
        sent = await self._db.delete_in_batches("outbox", "sent_at IS NOT NULL AND sent_at < ?", (cutoff,))
        given_up = "abandoned_at IS NOT NULL AND abandoned_at < ?"
        return sent + await self._db.delete_in_batches("outbox", given_up, (cutoff,))

    async def due_outbox(self, after: int = 0, limit: int = 50, ignore_backoff: bool = False) -> list[OutboxItem]:
        """Items not yet sent nor given up whose time has come (``ignore_backoff``: all of them), by id after
        ``after``: a delivery round reads them page by page to find the chats that have something to send."""
        rows = await self._db.fetch_all(
            f"SELECT {_OUTBOX_COLUMNS} FROM outbox "  # noqa: S608
            "WHERE sent_at IS NULL AND abandoned_at IS NULL AND next_attempt <= ? AND id > ? ORDER BY id LIMIT ?",
            (_due_by(ignore_backoff), after, limit),
        )
        return [_outbox_item(row) for row in rows]

    @asynccontextmanager
    async def next_due(self, chat_id: int, after: int = 0, ignore_backoff: bool = False) -> AsyncIterator[Delivery]:
        """The chat's earliest item due after the item ``after``, taken by this process until the block ends: with
        several replicas delivering, each item is sent by one, and a chat's items one after another, in order. The
        delivery has no item if there is none, or if another process is sending the chat's earliest one (``busy``)."""
        first = await self._db.fetch_one(
            "SELECT MIN(id) FROM outbox WHERE chat_id = ? AND sent_at IS NULL AND abandoned_at IS NULL "
            "AND next_attempt <= ? AND id > ?",
            (chat_id, _due_by(ignore_backoff), after),
        )
        if first is None or first[0] is None:
            yield Delivery(None)
            return
        async with self._db.claim(
            f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE id = ? AND sent_at IS NULL AND abandoned_at IS NULL",  # noqa: S608
            (first[0],),
        ) as claim:
            yield Delivery(_outbox_item(claim.row), claim) if claim is not None else Delivery(None, busy=True)


_OUTBOX_COLUMNS = "id, ticket_id, kind, chat_id, text, attempts, created_at"


def _due_by(ignore_backoff: bool) -> float:
    return float("inf") if ignore_backoff else time.time()


class Delivery:
    """An outbox item taken for sending (``TicketStore.next_due``), and what became of it."""

    def __init__(self, item: OutboxItem | None, claim: Claim | None = None, busy: bool = False) -> None:
        self.item = item
        self.busy = busy
        self._claim = claim

    async def sent(self, message_id: int | None, chat_id: int | None = None) -> None:
        """Telegram took the item (as ``message_id`` in ``chat_id``, the item's chat unless it moved)."""
        item, claim = self._taken()
        now = time.time()
        chat_id = item.chat_id if chat_id is None else chat_id
        async with claim.writing() as transaction:
            await transaction.execute("UPDATE outbox SET sent_at = ? WHERE id = ?", (now, item.id))
            if item.kind == "card":
                await transaction.execute(
                    "UPDATE tickets SET status = 'sent', card_message = ?, updated_at = ? "
                    "WHERE id = ? AND status = 'queued'",
                    (message_id, now, item.ticket_id),
                )
                if message_id is not None:
                    await transaction.execute(
                        "INSERT INTO cards (chat_id, message_id, ticket_id) VALUES (?, ?, ?) "
                        "ON CONFLICT (chat_id, message_id) DO NOTHING",
                        (chat_id, message_id, item.ticket_id),
                    )
            else:  # the answer has reached the association: nothing more is owed to one who asked to be forgotten
                await _erase(transaction, _FORGOTTEN_TICKET, (item.ticket_id,))

    async def failed(self, error: str, permanent: bool = False) -> bool:
        """Try again later, backing off up to an hour, so a Telegram outage loses nothing; a ``permanent`` refusal
        (the person blocked the bot, the text is refused) is not retried, nor anything failing for GIVE_UP_SECONDS,
        and a forgotten person's question is erased with it. True if it was given up."""
        item, claim = self._taken()
        now = time.time()
        delay = min(3600.0, 30.0 * 2**item.attempts)
        abandon = permanent or (item.created_at is not None and now - item.created_at > GIVE_UP_SECONDS)
        async with claim.writing() as transaction:
            await transaction.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ?, abandoned_at = ? "
                "WHERE id = ?",
                (now + delay, error[:500], now if abandon else None, item.id),
            )
            if abandon and item.kind == "answer":
                await _erase(transaction, _FORGOTTEN_TICKET, (item.ticket_id,))
        return abandon

    def _taken(self) -> tuple[OutboxItem, Claim]:
        if self.item is None or self._claim is None:
            raise ValueError("nothing was taken for sending")
        return self.item, self._claim
