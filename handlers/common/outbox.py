"""Delivering the outbox: cards to officials and answers to associations, retried until Telegram takes them.

A round sends everything due, page by page, until nothing is left: chats side by side (a group's card held back by
Telegram's limit of 20 messages a minute in a group keeps no answer to anyone waiting), each chat's items in order.
PTB's rate limiter keeps the whole within Telegram's limits. A refusal that is Telegram's final word is not retried.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict

import httpx
from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError, TimedOut

from bot.storage.tickets import OutboxItem, TicketStore

log = logging.getLogger("kanebot.outbox")
PAGE = 200
CHATS_AT_ONCE = 8
SEND_READ_TIMEOUT = 10.0  # a slow answer from Telegram is waited for rather than taken for a failure (and sent again)


async def deliver(
    bot: Bot, tickets: TicketStore, everything: bool = False, stopping: asyncio.Event | None = None
) -> int:
    """Send every due outbox item (``everything``: also those still backing off, as at start-up) until none is left;
    how many went out. Failures stay queued with a back-off. If a round is already running, it is asked to look
    again once done (it would find this one's items anyway) and this returns at once: nobody waits for a round."""
    if tickets.delivery_lock.locked():
        tickets.delivery_wanted = True
        return 0
    sent = 0
    async with tickets.delivery_lock:
        while True:
            tickets.delivery_wanted = False
            sent += await _round(bot, tickets, everything, stopping)
            if not tickets.delivery_wanted or (stopping is not None and stopping.is_set()):
                return sent


async def _round(bot: Bot, tickets: TicketStore, everything: bool, stopping: asyncio.Event | None) -> int:
    sent = 0
    after = 0
    while stopping is None or not stopping.is_set():
        page = await tickets.due_outbox(after=after, limit=PAGE, ignore_backoff=everything)
        if not page:
            break
        after = page[-1].id
        by_chat: dict[int, list[OutboxItem]] = defaultdict(list)
        for item in page:
            by_chat[item.chat_id].append(item)
        places = asyncio.Semaphore(CHATS_AT_ONCE)

        async def send_chat(items: list[OutboxItem], places: asyncio.Semaphore = places) -> int:
            async with places:
                count = 0
                for item in items:
                    if stopping is not None and stopping.is_set():
                        break
                    count += await _send(bot, tickets, item)
                return count

        sent += sum(await asyncio.gather(*(send_chat(items) for items in by_chat.values())))
    return sent


async def _send(bot: Bot, tickets: TicketStore, item: OutboxItem) -> int:
    chat_id = item.chat_id
    try:
        try:
            message = await bot.send_message(chat_id, item.text, read_timeout=SEND_READ_TIMEOUT)
        except ChatMigrated as moved:  # the group became a supergroup: the same chat under a new id
            chat_id = moved.new_chat_id
            message = await bot.send_message(chat_id, item.text, read_timeout=SEND_READ_TIMEOUT)
    except TelegramError as error:
        permanent = refused_for_good(error)
        given_up = await tickets.outbox_failed(item, f"{type(error).__name__}: {error}", permanent=permanent)
        state = "given up" if given_up else ("maybe delivered, retried" if maybe_delivered(error) else "retried")
        level = logging.ERROR if given_up and not permanent else logging.WARNING
        log.log(level, "outbox item %s (ticket %s, %s) %s: %s", item.id, item.ticket_id, item.kind, state, error)
        return 0
    await tickets.outbox_sent(item, message.message_id, message.chat_id)
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
