"""Inline keyboard presses. Callback data is user input: a forged or stale press gets a polite answer."""

from __future__ import annotations

from dataclasses import replace

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.core.lang import Lang, is_lang
from bot.storage.profiles import Profile
from handlers.associations.contact import RoutingHandlers
from handlers.common.context import profile_of, remember_reply
from handlers.common.services import Services
from handlers.common.ui import (
    ANSWER,
    ENTRY,
    FLOW,
    GOAL,
    LANGUAGE,
    MENU,
    QUEUE,
    REMEMBER,
    TOPIC,
    edit_or_send,
    edit_text_or_send,
    goal_card_keyboard,
    goals_keyboard,
    parse_callback,
    send_reply,
)
from handlers.officials.commands import OfficialHandlers
from handlers.officials.editing import EditingHandlers


class ButtonHandlers:
    def __init__(
        self, services: Services, routing: RoutingHandlers, officials: OfficialHandlers, editing: EditingHandlers
    ) -> None:
        self.services = services
        self.routing = routing
        self.officials = officials
        self.editing = editing

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        profile = await profile_of(update, self.services)
        if query is None or profile is None:
            return
        lang = self.services.lang_of(profile)
        parsed = parse_callback(query.data)
        message = query.message if isinstance(query.message, Message) else None
        if parsed is None or message is None:
            await query.answer(self.services.text("stale_button", lang), show_alert=True)
            return
        kind, value = parsed
        try:
            handled = await self._dispatch(kind, value, message, profile, lang, context)
        except BadRequest as error:
            # Pressing the button of the card already shown: Telegram refuses an edit that changes nothing.
            if "not modified" not in str(error).lower():
                raise
            handled = True
        if not handled:
            await query.answer(self.services.text("stale_button", lang), show_alert=True)
            return
        await query.answer()

    async def _dispatch(
        self, kind: str, value: str, message: Message, profile: Profile, lang: Lang, context: ContextTypes.DEFAULT_TYPE
    ) -> bool:
        """Carry out one press; False for data that names nothing that exists (forged or stale)."""
        assistant = self.services.assistant
        if kind == GOAL and value in {"1", "2", "3", "4"}:
            number = int(value)
            reply = assistant.entry_reply(assistant.knowledge.goal(number), lang, score=1.0)
            await edit_or_send(message, reply, goal_card_keyboard(self.services, number, lang))
            return True
        if kind == ENTRY and value in assistant.knowledge.by_id:
            await send_reply(message, assistant.entry_reply(assistant.knowledge.entry(value), lang, score=1.0))
            return True
        if kind == MENU and value == "goals":
            await edit_text_or_send(
                message, self.services.text("goals_intro", lang), goals_keyboard(self.services, lang)
            )
            return True
        if kind == MENU and value == "contact":
            reply = assistant.start_contact(self.services.conversation(profile))
            await remember_reply(self.services, profile, reply)
            await send_reply(message, reply)
            return True
        if kind == MENU and value == "handoff":
            await self.routing.handoff(message, profile, lang, context)
            return True
        if kind == TOPIC:
            return await self.routing.topic(message, profile, value)
        if kind == REMEMBER:
            return await self.routing.remember(message, profile, lang, value)
        if kind == ANSWER:
            return await self.officials.choose_ticket(message, profile, lang, value)
        if kind == QUEUE:
            return await self.officials.next_page(message, profile, lang, value)
        if kind == FLOW:
            return await self.editing.press(message, profile, lang, value)
        if kind == LANGUAGE and is_lang(value):
            await self.services.stores.profiles.save(replace(profile, explicit_lang=value, last_lang=value))
            await message.reply_text(self.services.text("language_set", value), do_quote=False)
            await send_reply(message, assistant.greeting(value))
            return True
        return False
