"""Inline keyboard presses. Callback data is user input: a forged or stale press gets a polite answer."""

from __future__ import annotations

from dataclasses import replace

from telegram import Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.lang import is_lang
from handlers.context import profile_of
from handlers.services import Services
from handlers.ui import (
    ENTRY,
    GOAL,
    LANGUAGE,
    MENU,
    edit_or_send,
    goal_card_keyboard,
    goals_keyboard,
    parse_callback,
    send_reply,
)


class ButtonHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        profile = await profile_of(update, self.services)
        if query is None or profile is None:
            return
        lang = self.services.lang_of(profile)
        parsed = parse_callback(query.data)
        message = query.message if isinstance(query.message, Message) else None
        assistant = self.services.assistant
        if parsed is None or message is None:
            await query.answer(self.services.text("stale_button", lang), show_alert=True)
            return
        kind, value = parsed
        try:
            if kind == GOAL and value in {"1", "2", "3", "4"}:
                number = int(value)
                reply = assistant.entry_reply(assistant.knowledge.goal(number), lang, score=1.0)
                await edit_or_send(message, reply, goal_card_keyboard(self.services, number, lang))
            elif kind == ENTRY and value in assistant.knowledge.by_id:
                await send_reply(message, assistant.entry_reply(assistant.knowledge.entry(value), lang, score=1.0))
            elif kind == MENU and value == "goals":
                await message.edit_text(
                    self.services.text("goals_intro", lang), reply_markup=goals_keyboard(self.services, lang)
                )
            elif kind == MENU and value == "contact":
                await message.reply_text(self.services.text("contact_start", lang), do_quote=False)
            elif kind == LANGUAGE and is_lang(value):
                chosen = value
                await self.services.storage.save_profile(replace(profile, explicit_lang=chosen, last_lang=chosen))
                greeting = assistant.greeting(chosen)
                await message.reply_text(self.services.text("language_set", chosen), do_quote=False)
                await send_reply(message, greeting)
            else:
                await query.answer(self.services.text("stale_button", lang), show_alert=True)
                return
        except BadRequest as error:
            # Pressing the button of the card already shown: Telegram refuses an edit that changes nothing.
            if "not modified" not in str(error).lower():
                raise
        await query.answer()
