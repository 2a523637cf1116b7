"""One error handler: log with context, tell the person politely in their language, never crash the bot, and let no
other handler take the update after it failed (an official's reply that failed is not then answered as a
question)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationHandlerStop, ContextTypes

from handlers.common.services import Services

log = logging.getLogger("kanebot.errors")


class ErrorHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        error = context.error
        if isinstance(error, (NetworkError, TimedOut, RetryAfter)) and not isinstance(update, Update):
            log.warning("Telegram unreachable for a moment: %s", error)
            return
        user_id = update.effective_user.id if isinstance(update, Update) and update.effective_user else None
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update %s from user %s failed", update_id, user_id, exc_info=error)
        if not isinstance(update, Update):
            return
        if update.effective_chat is not None and not isinstance(error, Forbidden):
            await self._tell(update.effective_chat.id, user_id, context)
        raise ApplicationHandlerStop

    async def _tell(self, chat_id: int, user_id: int | None, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            lang = self.services.lang_of(await self.services.profile(user_id, None)) if user_id else "fi"
        except Exception:  # the storage itself may be what failed
            lang = "fi"
        try:
            await context.bot.send_message(chat_id, self.services.text("error", lang))
        except Exception:  # telling the user is best effort; the failure is logged above
            log.warning("could not tell chat %s about the error", chat_id)
