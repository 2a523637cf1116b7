"""Delivering the outbox: cards to officials and answers to associations, retried until Telegram takes them."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.storage.tickets import TicketStore

log = logging.getLogger("kanebot.outbox")


async def deliver(bot: Bot, tickets: TicketStore, everything: bool = False) -> int:
    """Send every due outbox item once (``everything``: also those still backing off, as at start-up); return how
    many went out. Failures stay queued with a back-off."""
    sent = 0
    async with tickets.delivery_lock:
        for item in await tickets.due_outbox(ignore_backoff=everything):
            try:
                message = await bot.send_message(item.chat_id, item.text)
            except TelegramError as error:
                permanent = refused_for_good(error)
                state = "given up" if permanent else "not delivered yet"
                log.warning("outbox item %s (ticket %s) %s: %s", item.id, item.ticket_id, state, error)
                await tickets.outbox_failed(item, str(error), permanent=permanent)
                continue
            await tickets.outbox_sent(item, message.message_id)
            sent += 1
    return sent


def refused_for_good(error: TelegramError) -> bool:
    """Telegram will never take it: the person blocked the bot or left, or the chat no longer exists."""
    return isinstance(error, Forbidden) or (isinstance(error, BadRequest) and "chat not found" in str(error).lower())
