"""Delivering the outbox: cards to officials and answers to associations, retried until Telegram takes them.

A round sends everything due, page by page, until nothing is left: chats side by side (a group's card held back by
Telegram's limit of 20 messages a minute in a group keeps no answer to anyone waiting), each chat's items in order.
PTB's rate limiter keeps the whole within Telegram's limits. A refusal that is Telegram's final word is not retried.
Each item is taken for sending (``TicketStore.next_due``) before it is sent: with several replicas delivering, each
card and answer goes out once, and a chat's in order, whichever replica sends it.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError, TimedOut

from bot.storage.tickets import Delivery, TicketStore

log = logging.getLogger("kanebot.outbox")
PAGE = 200
CHATS_AT_ONCE = 8
# A chat whose next item another replica is sending is looked at again after BUSY_PAUSE, at most BUSY_ROUNDS times
# (then the minute's round takes what is left).
BUSY_PAUSE = 0.25
BUSY_ROUNDS = 8
SEND_READ_TIMEOUT = 10.0  # a slow answer from Telegram is waited for rather than taken for a failure (and sent again)


async def deliver(
    bot: Bot, tickets: TicketStore, everything: bool = False, stopping: asyncio.Event | None = None
) -> int:
    """Send every due outbox item (``everything``: also those still backing off, as at start-up) until none is left;
    how many went out. Failures stay queued with a back-off. If a round is already running, it is asked to look
    again once done (it would find this one's items anyway) and this returns at once: nobody waits for a round.
    Another replica sending a chat's item meanwhile: that chat is looked at again shortly (a few times)."""
    if tickets.delivery_lock.locked():
        tickets.delivery_wanted = True
        return 0
    sent = 0
    busy_rounds = 0
    async with tickets.delivery_lock:
        while True:
            tickets.delivery_wanted = False
            sent_now, busy = await _round(bot, tickets, everything, stopping)
            sent += sent_now
            if stopping is not None and stopping.is_set():
                return sent
            if busy and busy_rounds < BUSY_ROUNDS:
                busy_rounds += 1
                await asyncio.sleep(BUSY_PAUSE)
            elif not tickets.delivery_wanted:
                return sent


async def _round(bot: Bot, tickets: TicketStore, everything: bool, stopping: asyncio.Event | None) -> tuple[int, bool]:
    """One pass over everything due: how many went out, and whether a chat was busy in another replica."""
    sent = 0
    busy = False
    after = 0
    done_up_to: dict[int, int] = {}  # chat → its last item tried in this round: each is tried once per round
    places = asyncio.Semaphore(CHATS_AT_ONCE)

    async def send_chat(chat_id: int) -> int:
        nonlocal busy
        async with places:
            count = 0
            last = done_up_to.get(chat_id, 0)
            while stopping is None or not stopping.is_set():
                async with tickets.next_due(chat_id, last, everything) as delivery:
                    if delivery.item is None:
                        busy = busy or delivery.busy
                        break
                    count += await _send(bot, delivery)
                    last = delivery.item.id
            done_up_to[chat_id] = last
            return count

    while stopping is None or not stopping.is_set():
        page = await tickets.due_outbox(after=after, limit=PAGE, ignore_backoff=everything)
        if not page:
            break
        after = page[-1].id
        # Chats side by side, each chat's items in order, until the chat has nothing due (its items past this page
        # too): the page only says which chats have something to send.
        chats = dict.fromkeys(item.chat_id for item in page)
        sent += sum(await asyncio.gather(*(send_chat(chat) for chat in chats)))
    return sent, busy


async def _send(bot: Bot, delivery: Delivery) -> int:
    item = delivery.item
    if item is None:
        return 0
    chat_id = item.chat_id
    try:
        try:
            message = await bot.send_message(chat_id, item.text, read_timeout=SEND_READ_TIMEOUT)
        except ChatMigrated as moved:  # the group became a supergroup: the same chat under a new id
            chat_id = moved.new_chat_id
            message = await bot.send_message(chat_id, item.text, read_timeout=SEND_READ_TIMEOUT)
    except TelegramError as error:
        permanent = refused_for_good(error)
        given_up = await delivery.failed(f"{type(error).__name__}: {error}", permanent=permanent)
        state = "given up" if given_up else ("maybe delivered, retried" if maybe_delivered(error) else "retried")
        level = logging.ERROR if given_up and not permanent else logging.WARNING
        log.log(level, "outbox item %s (ticket %s, %s) %s: %s", item.id, item.ticket_id, item.kind, state, error)
        return 0
    await delivery.sent(message.message_id, message.chat_id)
    return 1


def refused_for_good(error: TelegramError) -> bool:
    """Telegram will never take it: the person blocked the bot or left, the chat no longer exists, or the request
    itself is refused (a text too long, an empty one): sending the same again gets the same answer."""
    return isinstance(error, Forbidden) or (isinstance(error, BadRequest) and not isinstance(error, ChatMigrated))


def maybe_delivered(error: TelegramError) -> bool:
    """A timeout after the request went out: Telegram may have stored the message without answering. Sending it
    again may show it twice, which is better than never; a card's every copy answers its ticket."""
    if not isinstance(error, TimedOut):
        return False
    return not isinstance(error.__cause__, (httpx.ConnectTimeout, httpx.PoolTimeout))
