"""Fair use before anything else: every message, command, button press and inline query a person sends counts
against their share (Throttle), and past it they are reminded once per window and ignored otherwise.

With several replicas the share is one for all of them: each replica decides from memory (a flood's messages cost
no query), and tells the others whom it let through and whom it reminded, gathered for ANNOUNCE_SECONDS into one
NOTIFY; the others count those too. A burst split across replicas in the first few milliseconds can pass the limit
by what each let through before hearing of the others, never for longer."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter

from telegram import Bot, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from handlers.common.services import Services

log = logging.getLogger("kanebot.fair_use")
ANNOUNCE_SECONDS = 0.025
USED, REMINDED = "used", "reminded"  # the topics told to the other replicas: comma-separated user ids
IDS_PER_NOTIFY = 250  # "id:count" pairs, well within PostgreSQL's 8,000-byte payload


def counts(update: Update, bot: Bot) -> bool:
    """Whether the update asks something of the bot: in a group only commands, mentions and replies to the bot do
    (a lively group's conversation among people is not theirs to be throttled for)."""
    if update.callback_query is not None or update.inline_query is not None:
        return True
    message = update.message  # an edited message asks nothing: it is not handled again
    if message is None:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    text = message.text or ""
    replied = message.reply_to_message
    return (
        text.startswith("/")
        or (replied is not None and replied.from_user is not None and replied.from_user.id == bot.id)
        or (bool(bot.username) and f"@{bot.username}".casefold() in text.casefold())
    )


class FairUse:
    def __init__(self, services: Services) -> None:
        self.services = services
        self._card_chats: tuple[object, frozenset[int]] = (None, frozenset())
        self._told: dict[str, list[int]] = {USED: [], REMINDED: []}
        self._telling: asyncio.Task[None] | None = None

    def card_chats(self) -> frozenset[int]:
        """The chats questions are posted to (worked out again when the knowledge is reloaded)."""
        assistant = self.services.assistant
        if self._card_chats[0] is not assistant:
            contacts = assistant.router.contacts.contacts
            chats = frozenset(c.telegram_chat for c in contacts if c.telegram_chat is not None)
            self._card_chats = (assistant, chats)
        return self._card_chats[1]

    def officials_work(self, update: Update, bot: Bot) -> bool:
        """An official's answer is never held back: a reply to the bot in a chat that receives question cards, the
        message of an official who pressed "answer", anything an administrator sends (the national queue's cards
        come to their private chat). An official working through a backlog is not a flood, and an answer dropped
        would be lost without anyone knowing."""
        user = update.effective_user
        if user is not None and user.id in self.services.settings.admins:
            return True
        message = update.message
        if message is None or message.from_user is None:
            return False
        replied = message.reply_to_message
        to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == bot.id
        if to_bot and message.chat.id in self.card_chats():
            return True
        profile = self.services.stores.profiles.cached(message.from_user.id)
        return profile is not None and profile.answering is not None and message.chat.type == ChatType.PRIVATE

    async def check(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        user = update.effective_user
        if user is None or update.update_id in self.services.replayed or not counts(update, context.bot):
            return
        if self.officials_work(update, context.bot):
            return
        verdict = self.services.throttle.check(user.id)
        if verdict == "allow":
            self._tell(USED, user.id)
            return
        if verdict == "remind":
            self._tell(REMINDED, user.id)
            await self._remind(update)
        raise ApplicationHandlerStop

    def _tell(self, topic: str, user_id: int) -> None:
        """Tell the other replicas, within ANNOUNCE_SECONDS, together with whatever else gathers meanwhile."""
        if not self.services.has_stores or not self.services.stores.database.shared:
            return
        self._told[topic].append(user_id)
        if self._telling is None or self._telling.done():
            self._telling = asyncio.get_running_loop().create_task(self._tell_gathered())

    async def _tell_gathered(self) -> None:
        await asyncio.sleep(ANNOUNCE_SECONDS)
        for topic, ids in self._told.items():
            self._told[topic] = []
            counted = [f"{user_id}:{count}" for user_id, count in Counter(ids).items()]  # "77:4": four of 77's
            for start in range(0, len(counted), IDS_PER_NOTIFY):
                try:
                    await self.services.stores.database.publish(
                        topic, ",".join(counted[start : start + IDS_PER_NOTIFY])
                    )
                except Exception as error:  # fair use is a courtesy to everyone; the bot goes on without it
                    log.warning("could not tell the other replicas about fair use: %s", error)

    def changed_elsewhere(self, topic: str, data: str) -> None:
        if topic not in (USED, REMINDED):
            return
        throttle = self.services.throttle
        for part in data.split(","):
            user, _, count = part.partition(":")
            if not user.lstrip("-").isdigit() or not count.isdigit():
                continue
            for _ in range(min(int(count), throttle.limit)):
                if topic == USED:
                    throttle.record(int(user))
                else:
                    throttle.reminded(int(user))

    async def stop(self) -> None:
        if self._telling is not None:
            self._telling.cancel()
            await asyncio.gather(self._telling, return_exceptions=True)

    async def _remind(self, update: Update) -> None:
        user = update.effective_user
        profile = self.services.stores.profiles.cached(user.id) if user is not None else None
        lang = self.services.lang_of(profile) if profile is not None else "fi"
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(self.services.text("throttled_button", lang))
            elif update.message is not None:
                await update.message.reply_text(self.services.text("throttled", lang), do_quote=False)
        except TelegramError as error:  # the reminder is a courtesy
            log.info("could not send a fair-use reminder: %s", error)
