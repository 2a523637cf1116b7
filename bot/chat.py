"""`kanebot chat`: the Telegram bot's conversation in a terminal, for trying the bot without a token.

It behaves like the bot in a private chat: the buttons are numbered and chosen by typing the number, the commands an
association has work (/start, /help, /goals, /goal N, /contact, /language, /forget, /about), and a question handed
over is stored in the same SQLite database `kanebot run` uses (KANEBOT_DB), where officials and administrators see
it; their answer is shown here the next time the terminal waits for input.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TextIO

from bot.assistant import Assistant
from bot.core.lang import LANGS, Lang, is_lang
from bot.core.reply import FollowUp, Reply
from bot.handover import hand_over, staffed_areas
from bot.routing.handoff import answer_text
from bot.storage.profiles import Profile
from bot.storage.stores import Stores
from bot.storage.tickets import NO_CHAT

# The terminal's person: no Telegram user has a negative id, so its profile and questions are its own.
TERMINAL_USER = -1
QUIT = frozenset({"/quit", "/exit", "/lopeta", "/avsluta"})


@dataclass(frozen=True, slots=True)
class Shown:
    """What one message of the bot says and offers."""

    text: str
    buttons: tuple[FollowUp, ...] = ()


class TerminalChat:
    """One terminal conversation over the core and the stores. ``run`` reads lines until /quit or the end."""

    def __init__(
        self, assistant: Assistant, stores: Stores, out: TextIO, admins: frozenset[int], unanswered_days: int
    ) -> None:
        self.assistant = assistant
        self.stores = stores
        self.out = out
        self.admins = admins
        self.unanswered_days = unanswered_days
        self.buttons: tuple[FollowUp, ...] = ()

    async def run(self, lines: Iterable[tuple[str, bool]]) -> None:
        """``lines``: each input line and whether it was readable text (invalid UTF-8 is refused politely)."""
        self.assistant = self.assistant.with_staffed(await staffed_areas(self.stores))
        await self._show(await self._command("/start", await self._profile()))
        for text, readable in lines:
            text = text.strip()
            if text in QUIT:
                break
            profile = await self._profile()
            if not readable:
                shown = Shown(self.assistant.unreadable(profile.conversation()).text)
            else:
                shown = await self._handle(text, profile)
            await self._show(shown)
        self.out.write("\n")

    async def _profile(self) -> Profile:
        return await self.stores.profiles.get(TERMINAL_USER)

    def _lang(self, profile: Profile) -> Lang:
        return self.assistant.language(profile.conversation())

    async def _show(self, shown: Shown) -> None:
        """Print the message with its numbered buttons, then any answer that has arrived, then the prompt."""
        self.out.write(shown.text + "\n")
        self.buttons = shown.buttons
        for index, button in enumerate(self.buttons, start=1):
            self.out.write(f"  [{index}] {button.label}\n")
        for ticket in await self.stores.tickets.take_answers(TERMINAL_USER):
            router = self.assistant.router
            area = router.area(ticket.area_id)
            name = router.area_name(area, ticket.lang) if area is not None else ticket.area_id
            self.out.write("\n" + answer_text(router, name, ticket.answer or "", ticket.lang) + "\n")
        self.out.write("> ")
        self.out.flush()

    async def _handle(self, text: str, profile: Profile) -> Shown:
        if text.isascii() and text.isdigit() and self.buttons:
            number = int(text)
            if not 1 <= number <= len(self.buttons):
                lang = self._lang(profile)
                return Shown(self.assistant.message("chat_no_such_choice", lang, count=len(self.buttons)), self.buttons)
            return await self._press(self.buttons[number - 1].target, profile)
        if text.startswith("/"):
            return await self._command(text, profile)
        reply = self.assistant.reply(text, profile.conversation())
        await self._remember(profile, reply)
        return Shown(reply.text, reply.followups)

    async def _remember(self, profile: Profile, reply: Reply) -> None:
        """Keep the language of the reply and a routing question waiting for its place or topic, as the bot does."""
        wanted = replace(profile, last_lang=reply.lang, pending=reply.pending)
        if wanted != profile:
            await self.stores.profiles.save(wanted)

    async def _command(self, text: str, profile: Profile) -> Shown:
        command, _, argument = text.partition(" ")
        command = command.casefold()
        lang = self._lang(profile)
        message = self.assistant.message
        if command in {"/fi", "/sv"}:
            return await self._set_language("fi" if command == "/fi" else "sv", profile)
        if command == "/start":
            greeting = self.assistant.greeting(lang)
            return Shown(greeting.text, (*self._language_buttons(), *greeting.followups))
        if command == "/help":
            return Shown(message("chat_help", lang))
        if command == "/about":
            return Shown(f"{message('about', lang)}\n\n{self.assistant.source_line(lang)}")
        if command == "/language":
            return Shown(message("choose_language", lang), self._language_buttons())
        if command == "/goals":
            return self._goals(lang)
        if command == "/goal":
            number = argument.strip()
            if number not in {"1", "2", "3", "4"}:
                return Shown(message("goal_usage", lang))
            return self._goal(int(number), lang)
        if command == "/contact":
            reply = self.assistant.start_contact(profile.conversation())
            await self._remember(profile, reply)
            return Shown(reply.text)
        if command == "/forget":
            kept = await self.stores.forget(TERMINAL_USER)
            forgotten = message("forgotten", lang)
            if kept:
                forgotten += "\n\n" + message("forgotten_open", lang, count=kept, days=self.unanswered_days)
            return Shown(forgotten)
        return Shown(message("chat_unknown_command", lang, command=command))

    async def _press(self, target: str, profile: Profile) -> Shown:
        """A numbered button, as the bot's buttons in Telegram."""
        assistant = self.assistant
        lang = self._lang(profile)
        kind, _, value = target.partition(":")
        if target in {"goals", "contact"}:
            return await self._command(f"/{target}", profile)
        if target == "handoff":
            return Shown(await hand_over(assistant, self.stores, profile, NO_CHAT, lang, self.admins))
        if kind == "language" and is_lang(value):
            return await self._set_language(value, profile)
        if kind == "goal" and value in {"1", "2", "3", "4"}:
            return self._goal(int(value), lang)
        if kind == "topic":
            reply = assistant.choose_topic(value, profile.conversation())
            if reply is None:
                return Shown(assistant.message("stale_button", lang))
            await self._remember(profile, reply)
            return Shown(reply.text, reply.followups)
        if kind == "remember":
            municipality = assistant.router.directory.municipality(value)
            if municipality is None:
                return Shown(assistant.message("stale_button", lang))
            await self.stores.profiles.save(replace(profile, municipality=municipality.code))
            return Shown(assistant.message("remembered", lang, place=municipality.name(lang)))
        if target in assistant.knowledge.by_id:
            reply = assistant.entry_reply(assistant.knowledge.entry(target), lang, score=1.0)
            return Shown(reply.text, reply.followups)
        return Shown(assistant.message("stale_button", lang))

    async def _set_language(self, lang: Lang, profile: Profile) -> Shown:
        await self.stores.profiles.save(replace(profile, explicit_lang=lang, last_lang=lang))
        greeting = self.assistant.greeting(lang)
        return Shown(f"{self.assistant.message('language_set', lang)}\n\n{greeting.text}", greeting.followups)

    def _language_buttons(self) -> tuple[FollowUp, ...]:
        """Each language named in itself, whatever the current language."""
        message = self.assistant.message
        return tuple(FollowUp(f"language:{lang}", message(f"language_name_{lang}", lang)) for lang in LANGS)

    def _goals(self, lang: Lang) -> Shown:
        buttons = tuple(FollowUp(f"goal:{n}", self.assistant.message(f"goal_button_{n}", lang)) for n in range(1, 5))
        return Shown(self.assistant.message("goals_intro", lang), buttons)

    def _goal(self, number: int, lang: Lang) -> Shown:
        """A goal's card with the browser's buttons: the previous and next goal and all four."""
        assistant = self.assistant
        reply = assistant.entry_reply(assistant.knowledge.goal(number), lang, score=1.0)
        buttons = [FollowUp(f"goal:{number - 1}", assistant.message("button_previous", lang))] if number > 1 else []
        buttons.append(FollowUp("goals", assistant.message("button_all_goals", lang)))
        if number < 4:
            buttons.append(FollowUp(f"goal:{number + 1}", assistant.message("button_next", lang)))
        return Shown(reply.text, tuple(buttons))
