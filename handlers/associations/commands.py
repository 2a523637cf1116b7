"""Commands: /start (with deep links), /help, /about, /language, /goals, /goal N, /contact."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.core.lang import Lang
from bot.storage.profiles import Profile
from handlers.common.context import profile_of, remember_reply
from handlers.common.services import Services
from handlers.common.ui import followup_button, goal_card_keyboard, goals_keyboard, language_keyboard, send_reply


class CommandHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def _who(self, update: Update) -> tuple[Profile, Lang] | None:
        profile = await profile_of(update, self.services)
        if profile is None or update.effective_message is None:
            return None
        return profile, self.services.lang_of(profile)

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self._who(update)
        if who is None or update.effective_message is None:
            return
        _, lang = who
        argument = context.args[0] if context.args else ""
        if argument.startswith("goal-") and argument.removeprefix("goal-") in {"1", "2", "3", "4"}:
            await self.send_goal(update, int(argument.removeprefix("goal-")), lang)
            return
        if argument == "contact":
            await self.contact(update, context)
            return
        greeting = self.services.assistant.greeting(lang)
        rows = [*language_keyboard(self.services).inline_keyboard, *[[followup_button(f)] for f in greeting.followups]]
        await send_reply(update.effective_message, greeting, InlineKeyboardMarkup(rows))

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self._who(update)
        if who is None or update.effective_message is None:
            return
        profile, lang = who
        parts = [self.services.text("help", lang, mention=f"@{context.bot.username}")]
        role = await self.services.role(profile.user_id)
        if role.official or role.admin:
            parts.append(self.services.text("help_official", lang))
        if role.admin:
            parts.append(self.services.text("help_admin", lang))
        await update.effective_message.reply_text("\n\n".join(parts), do_quote=False)

    async def about(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self._who(update)
        if who is None or update.effective_message is None:
            return
        lang = who[1]
        text = f"{self.services.text('about', lang)}\n\n{self.services.assistant.source_line(lang)}"
        await update.effective_message.reply_text(text, do_quote=False)

    async def language(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self._who(update)
        if who is None or update.effective_message is None:
            return
        await update.effective_message.reply_text(
            self.services.text("choose_language", who[1]), reply_markup=language_keyboard(self.services), do_quote=False
        )

    async def goals(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self._who(update)
        if who is None or update.effective_message is None:
            return
        lang = who[1]
        await update.effective_message.reply_text(
            self.services.text("goals_intro", lang), reply_markup=goals_keyboard(self.services, lang), do_quote=False
        )

    async def goal(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self._who(update)
        if who is None or update.effective_message is None:
            return
        lang = who[1]
        argument = context.args[0] if context.args else ""
        if argument not in {"1", "2", "3", "4"}:
            await update.effective_message.reply_text(self.services.text("goal_usage", lang), do_quote=False)
            return
        await self.send_goal(update, int(argument), lang)

    async def send_goal(self, update: Update, number: int, lang: Lang) -> None:
        if update.effective_message is None:
            return
        assistant = self.services.assistant
        reply = assistant.entry_reply(assistant.knowledge.goal(number), lang, score=1.0)
        await send_reply(update.effective_message, reply, goal_card_keyboard(self.services, number, lang))

    async def contact(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self._who(update)
        if who is None or update.effective_message is None:
            return
        reply = self.services.assistant.start_contact(self.services.conversation(who[0]))
        await remember_reply(self.services, who[0], reply)
        await send_reply(update.effective_message, reply)
