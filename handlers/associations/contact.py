"""The contact flow in Telegram: topic buttons, handing a question over, relaying an official's answer, /forget."""

from __future__ import annotations

import re
from dataclasses import replace

from telegram import Message, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.core.lang import Lang
from bot.core.text import utf16_length
from bot.handover import hand_over
from bot.routing.handoff import answer_text
from bot.storage.profiles import Profile
from bot.storage.tickets import Answered, Ticket
from handlers.common.context import profile_of
from handlers.common.outbox import deliver
from handlers.common.services import Services
from handlers.common.ui import MAX_MESSAGE, answer_room, send_reply

_CARD_NUMBER = re.compile(r"#(\d{1,18})\b")


def card_number(card_text: str | None) -> int | None:
    """The ticket number on a card's first line ("Kysymys #17"), as the bot wrote it."""
    first_line = (card_text or "").split("\n", 1)[0]
    match = _CARD_NUMBER.search(first_line)
    return int(match.group(1)) if match else None


class RoutingHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def topic(self, message: Message, profile: Profile, topic_id: str) -> bool:
        """A topic button after "what is it about?"; False if nothing is pending (a stale or forged press)."""
        reply = self.services.assistant.choose_topic(topic_id, self.services.conversation(profile))
        if reply is None:
            return False
        await self.services.stores.profiles.save(replace(profile, pending=reply.pending))
        await send_reply(message, reply)
        return True

    async def handoff(self, message: Message, profile: Profile, lang: Lang, context: ContextTypes.DEFAULT_TYPE) -> None:
        services = self.services
        text = await hand_over(services.assistant, services.stores, profile, message.chat.id, lang,
                               services.settings.admins)  # fmt: skip
        await message.reply_text(text, do_quote=False)
        await deliver(context.bot, services.stores.tickets, stopping=services.stopping)

    async def remember(self, message: Message, profile: Profile, lang: Lang, code: str) -> bool:
        municipality = self.services.assistant.router.directory.municipality(code)
        if municipality is None:
            return False
        await self.services.stores.profiles.save(replace(profile, municipality=code))
        place = municipality.name_fi if lang == "fi" else municipality.name_sv
        await message.reply_text(self.services.text("remembered", lang, place=place), do_quote=False)
        return True

    async def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        profile = await profile_of(update, self.services)
        if profile is None or update.effective_message is None:
            return
        lang = self.services.lang_of(profile)
        forgotten = await self.services.stores.forget(profile.user_id)
        if forgotten.contacts_changed:  # cards no longer go to the person's private chat
            await self.services.reload()
        if forgotten.official_areas:  # their areas may have no official left: questions go to the national queue
            await self.services.refresh_staffed()
        text = self.services.text("forgotten", lang)
        if forgotten.open_questions:
            days = self.services.settings.unanswered_days
            text += "\n\n" + self.services.text("forgotten_open", lang, count=forgotten.open_questions, days=days)
        if forgotten.official_areas:
            router = self.services.assistant.router
            areas = ", ".join(router.area_label(area, lang) for area in forgotten.official_areas)
            text += "\n\n" + self.services.text("forgotten_official", lang, areas=areas)
        await update.effective_message.reply_text(text, do_quote=False)

    async def may_answer(self, user_id: int, area: str) -> bool:
        if user_id in self.services.settings.admins:
            return True
        return area in await self.services.stores.access.areas_of(user_id)

    async def card_of(self, message: Message, bot_id: int) -> Ticket | None:
        """The ticket whose card ``message`` replies to: a recorded copy, or a copy the bot sent whose answer was
        lost (a timeout after Telegram stored it) found by the number on its first line and recorded."""
        replied = message.reply_to_message
        if replied is None:
            return None
        tickets = self.services.stores.tickets
        ticket = await tickets.for_card(message.chat.id, replied.message_id)
        if ticket is not None:
            return ticket
        if replied.from_user is None or replied.from_user.id != bot_id:
            return None
        number = card_number(replied.text)
        ticket = await tickets.get(number) if number is not None else None
        if ticket is None or ticket.contact_chat != message.chat.id:
            return None
        await tickets.record_card(ticket.id, message.chat.id, replied.message_id)
        return ticket

    async def official_reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A reply to a question card is the official's answer: relay it and stop other handlers (also when it
        fails: the error handler tells the official, and the reply is never taken for a question)."""
        message = update.effective_message
        if message is None or message.reply_to_message is None or not message.text:
            return
        ticket = await self.card_of(message, context.bot.id)
        if ticket is None or update.effective_user is None:
            return
        stores = self.services.stores
        if not await self.may_answer(update.effective_user.id, ticket.area_id):
            # Anyone in the card's chat can reply; only the area's officials (or an administrator) answer.
            await stores.access.audit(update.effective_user.id, "refused", command="card_reply", ticket=ticket.id)
            raise ApplicationHandlerStop
        official_lang = ticket.lang
        if ticket.status == "closed":
            await message.reply_text(self.services.text("handoff_closed", official_lang), do_quote=False)
            raise ApplicationHandlerStop
        router = self.services.assistant.router
        area = router.area(ticket.area_id)
        area_name = router.area_name(area, ticket.lang) if area is not None else ticket.area_id
        text = answer_text(router, area_name, message.text, ticket.lang)
        if utf16_length(text) > MAX_MESSAGE:  # Telegram would refuse it for good: the official shortens it
            limit = answer_room(text, message.text)
            await message.reply_text(self.services.text("answer_too_long", official_lang, limit=limit), do_quote=False)
            raise ApplicationHandlerStop
        answered = await stores.tickets.answer(ticket.id, message.text, text, (message.chat.id, message.message_id))
        if answered is Answered.ALREADY:
            await message.reply_text(self.services.text("handoff_already_answered", official_lang), do_quote=False)
            raise ApplicationHandlerStop
        # The answer first: if telling the official fails, it is on its way all the same.
        await deliver(context.bot, stores.tickets, stopping=self.services.stopping)
        await message.reply_text(self.services.text("handoff_relayed", official_lang), do_quote=False)
        raise ApplicationHandlerStop
