"""The contact flow in Telegram: topic buttons, handing a question over, relaying an official's answer, /forget."""

from __future__ import annotations

from dataclasses import replace

from telegram import Message, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.core.lang import Lang
from bot.handover import hand_over
from bot.routing.handoff import answer_text
from bot.storage.profiles import Profile
from handlers.common.context import profile_of
from handlers.common.outbox import deliver
from handlers.common.services import Services
from handlers.common.ui import send_reply


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
        await deliver(context.bot, services.stores.tickets)

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
        open_questions = await self.services.stores.forget(profile.user_id)
        text = self.services.text("forgotten", lang)
        if open_questions:
            days = self.services.settings.unanswered_days
            text += "\n\n" + self.services.text("forgotten_open", lang, count=open_questions, days=days)
        await update.effective_message.reply_text(text, do_quote=False)

    async def may_answer(self, user_id: int, area: str) -> bool:
        if user_id in self.services.settings.admins:
            return True
        return area in await self.services.stores.access.areas_of(user_id)

    async def official_reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A reply to a question card is the official's answer: relay it and stop other handlers."""
        message = update.effective_message
        replied = message.reply_to_message if message is not None else None
        if message is None or replied is None or not message.text:
            return
        stores = self.services.stores
        ticket = await stores.tickets.for_card(message.chat.id, replied.message_id)
        if ticket is None or update.effective_user is None:
            return
        if not await self.may_answer(update.effective_user.id, ticket.area_id):
            # Anyone in the card's chat can reply; only the area's officials (or an administrator) answer.
            await stores.access.audit(update.effective_user.id, "refused", command="card_reply", ticket=ticket.id)
            raise ApplicationHandlerStop
        router = self.services.assistant.router
        area = router.area(ticket.area_id)
        area_name = router.area_name(area, ticket.lang) if area is not None else ticket.area_id
        text = answer_text(router, area_name, message.text, ticket.lang)
        official_lang = ticket.lang
        if await stores.tickets.answer(ticket.id, message.text, text):
            await message.reply_text(self.services.text("handoff_relayed", official_lang), do_quote=False)
            await deliver(context.bot, stores.tickets)
        else:
            await message.reply_text(self.services.text("handoff_already_answered", official_lang), do_quote=False)
        raise ApplicationHandlerStop
