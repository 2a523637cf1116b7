"""Officials and administrators in chat: joining with an invite, the question queue, statistics, reload.

Every command and button checks the person's role on the server: callback data and arguments are user input.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import replace

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.core.lang import Lang
from bot.core.text import utf16_length
from bot.routing.handoff import answer_text
from bot.storage.access import (
    JOIN_WINDOW_SECONDS,
    MAX_JOIN_ATTEMPTS,
    AccessError,
    AccessStore,
    Role,
    check_area,
    hash_code,
    new_invite_code,
    parse_duration,
)
from bot.storage.profiles import Profile
from bot.storage.tickets import Answered
from handlers.common.context import profile_of
from handlers.common.outbox import deliver
from handlers.common.services import Services
from handlers.common.ui import MAX_MESSAGE, answer_room

DEFAULT_INVITE = "7d"
MAX_SHOWN = 4000  # a message shown to an official, within Telegram's 4,096
QUEUE_SHOWN = 20  # a page, the oldest first; more would flood the chat
QUEUE_COUNTED = 10_000  # past this the first page says "more than": counting a million would hold the database


def as_id(text: str) -> int | None:
    """A database id from user input: plain ASCII digits of sane length ("²" is a digit to str.isdigit)."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


log = logging.getLogger("kanebot.officials")
ANSWER, QUEUE = "a", "q"


class OfficialHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def access(self) -> AccessStore:
        return self.services.stores.access

    async def who(self, update: Update) -> tuple[Message, Profile, Lang, Role] | None:
        message = update.effective_message
        profile = await profile_of(update, self.services)
        if message is None or profile is None:
            return None
        return message, profile, self.services.lang_of(profile), await self.services.role(profile.user_id)

    async def permitted(
        self, update: Update, action: str, admins_only: bool = False
    ) -> tuple[Message, Lang, Role] | None:
        """Who is asking, if ``action`` is theirs to do (administrators only, or any official); otherwise they are
        told so, the attempt is audited, and None is returned."""
        who = await self.who(update)
        if who is None:
            return None
        message, _, lang, role = who
        if not (role.admin if admins_only else role.official or role.admin):
            await self.refuse(message, lang, role, action)
            return None
        return message, lang, role

    async def refuse(self, message: Message, lang: Lang, role: Role, action: str) -> None:
        await self.access.audit(role.user_id, "refused", command=action)
        await message.reply_text(self.services.text("not_allowed", lang), do_quote=False)

    async def join(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self.who(update)
        if who is None:
            return
        message, profile, lang, _ = who
        if not context.args:
            await message.reply_text(self.services.text("join_usage", lang), do_quote=False)
            return
        if await self.access.recent_join_attempts(profile.user_id, JOIN_WINDOW_SECONDS) >= MAX_JOIN_ATTEMPTS:
            await message.reply_text(self.services.text("join_throttled", lang), do_quote=False)
            return
        area = await self.access.redeem_invite(hash_code(context.args[0]), profile.user_id)
        if area is not None:
            await self.services.refresh_staffed()  # the area's questions now go to its officials
        key = "join_ok" if area is not None else "join_failed"
        await message.reply_text(self.services.text(key, lang, area=self.area_name(area or "", lang)), do_quote=False)

    async def invite(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "invite", admins_only=True)
        if permitted is None:
            return
        message, lang, role = permitted
        args = context.args or []
        try:
            if not args:
                raise AccessError("area missing")
            area = check_area(self.services.assistant.router.directory, args[0])
            seconds = parse_duration(args[1] if len(args) > 1 else DEFAULT_INVITE)
        except AccessError:
            await message.reply_text(self.services.text("invite_usage", lang), do_quote=False)
            return
        code = new_invite_code()
        await self.access.create_invite(hash_code(code), area, role.user_id, time.time() + seconds)
        days = round(seconds / 86400, 1)
        text = self.services.text("invite_created", lang, area=self.area_name(area, lang), days=days, code=code)
        await message.reply_text(text, do_quote=False)

    async def officials(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "officials", admins_only=True)
        if permitted is None:
            return
        message, lang, _ = permitted
        rows = await self.access.officials()
        if not rows:
            await message.reply_text(self.services.text("officials_none", lang), do_quote=False)
            return
        lines = [self.services.text("officials_list", lang)]
        lines += [f"{user} – {self.area_name(area, lang)}" for user, area, _ in rows]
        await message.reply_text("\n".join(lines), do_quote=False)

    async def revoke(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "revoke", admins_only=True)
        if permitted is None:
            return
        message, lang, role = permitted
        args = context.args or []
        user = as_id(args[0]) if len(args) == 2 else None
        if user is None:
            await message.reply_text(self.services.text("revoke_usage", lang), do_quote=False)
            return
        area = self.checked_area(args[1])
        done = await self.access.revoke(user, area, role.user_id)
        if done and await self._stop_cards_to(user, area, role.user_id):
            await self.services.reload()
        if done:
            await self.services.refresh_staffed()
        await message.reply_text(
            self.services.text("revoked" if done else "revoke_nothing", lang, user=user, area=area), do_quote=False
        )

    async def _stop_cards_to(self, user: int, area: str, by: int) -> bool:
        """A revoked official must no longer receive the area's questions: undo the contacts that routed the area's
        cards to their private chat (a private chat's id is the user's id)."""
        edits = self.services.stores.edits
        undone = False
        for edit in await edits.in_effect():
            if edit.kind == "contact" and edit.area == area and edit.after.get("telegram_chat") == user:
                undone = await edits.set_status(edit.id, "rolled_back", by, ("live",)) or undone
        return undone

    async def queue(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "queue")
        if permitted is None:
            return
        message, lang, role = permitted
        await self.queue_page(message, lang, role, after=0)

    async def next_page(self, message: Message, profile: Profile, lang: Lang, value: str) -> bool:
        """The "next" button under /queue: the page of open questions after ticket ``value``."""
        after = as_id(value)
        role = await self.services.role(profile.user_id)
        if after is None:
            return False
        if not (role.official or role.admin):
            await self.refuse(message, lang, role, "queue")
            return True
        await self.queue_page(message, lang, role, after)
        return True

    async def queue_page(self, message: Message, lang: Lang, role: Role, after: int) -> None:
        """A page of open questions, oldest first, read through an index however many wait; the first page says
        how many there are in all (counted up to QUEUE_COUNTED)."""
        # An administrator answers for any area, so sees every area's questions (their own areas are among them).
        areas = None if role.admin else sorted(role.areas)
        tickets_store = self.services.stores.tickets
        tickets = await tickets_store.open_page(areas, after=after, limit=QUEUE_SHOWN)
        if not tickets:
            empty = "queue_empty_all" if role.admin else "queue_empty"
            await message.reply_text(self.services.text(empty, lang), do_quote=False)
            return
        if after == 0 and len(tickets) == QUEUE_SHOWN:
            total = await tickets_store.count_open(areas, QUEUE_COUNTED)
            if total > QUEUE_SHOWN:
                key = "queue_more_than" if total >= QUEUE_COUNTED else "queue_more"
                await message.reply_text(self.services.text(key, lang, shown=QUEUE_SHOWN, total=total), do_quote=False)
        router = self.services.assistant.router
        last = tickets[-1].id  # the next page starts after this one
        if role.admin:  # in each page the national queue first: questions no official of the area can see
            tickets.sort(key=lambda ticket: self.services.staffed(ticket.area_id))
        for index, ticket in enumerate(tickets):
            topic = router.topics.get(ticket.topic)
            area = self.area_name(ticket.area_id, lang)
            if not self.services.staffed(ticket.area_id):
                area += " · " + self.services.text("queue_national", lang, area_id=ticket.area_id)
            text = self.services.text(
                "queue_item",
                lang,
                id=ticket.id,
                area=area,
                topic=topic.name(lang) if topic else ticket.topic,
                date=dt.datetime.fromtimestamp(ticket.created_at, dt.UTC).strftime("%Y-%m-%d"),
                question=ticket.question,
            )
            rows = [[
                InlineKeyboardButton(
                    self.services.text("button_answer", lang, id=ticket.id), callback_data=f"{ANSWER}:{ticket.id}"
                ),
                InlineKeyboardButton(
                    self.services.text("button_add_question", lang, id=ticket.id), callback_data=f"f:ask:{ticket.id}"
                ),
            ]]  # fmt: skip
            if index == len(tickets) - 1 and len(tickets) == QUEUE_SHOWN:
                label = self.services.text("button_queue_next", lang, count=QUEUE_SHOWN)
                rows.append([InlineKeyboardButton(label, callback_data=f"{QUEUE}:{last}")])
            await message.reply_text(text[:MAX_SHOWN], reply_markup=InlineKeyboardMarkup(rows), do_quote=False)

    async def choose_ticket(self, message: Message, profile: Profile, lang: Lang, value: str) -> bool:
        """The "answer #N" button: allowed only for the ticket's own area (or an administrator)."""
        number = as_id(value)
        if number is None:
            return False
        ticket = await self.services.stores.tickets.get(number)
        role = await self.services.role(profile.user_id)
        if ticket is None or ticket.status not in {"queued", "sent"} or not role.can_manage(ticket.area_id):
            await self.access.audit(profile.user_id, "refused", command="answer", ticket=value)
            return False
        await self.services.stores.profiles.save(replace(profile, answering=ticket.id))
        await message.reply_text(self.services.text("answer_prompt", lang, id=ticket.id), do_quote=False)
        return True

    async def answering(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The official's next message after "answer #N" is the answer; nothing else sees it."""
        message = update.effective_message
        profile = await profile_of(update, self.services)
        if message is None or profile is None or profile.answering is None or not message.text:
            return
        stores = self.services.stores
        await stores.profiles.save(replace(profile, answering=None))
        ticket = await stores.tickets.get(profile.answering)
        role = await self.services.role(profile.user_id)
        lang = self.services.lang_of(profile)
        if ticket is None or not role.can_manage(ticket.area_id):
            await self.refuse(message, lang, role, "answer")
            raise ApplicationHandlerStop
        relayed = answer_text(
            self.services.assistant.router, self.area_name(ticket.area_id, ticket.lang), message.text, ticket.lang
        )
        if utf16_length(relayed) > MAX_MESSAGE:  # Telegram would refuse it for good; keep the official answering
            await stores.profiles.save(replace(profile, answering=ticket.id))
            limit = answer_room(relayed, message.text)
            await message.reply_text(self.services.text("answer_too_long", lang, limit=limit), do_quote=False)
            raise ApplicationHandlerStop
        answered = await stores.tickets.answer(ticket.id, message.text, relayed, (message.chat.id, message.message_id))
        if answered is Answered.ALREADY:
            await message.reply_text(self.services.text("handoff_already_answered", lang), do_quote=False)
            raise ApplicationHandlerStop
        if answered is Answered.NOW:
            await self.access.audit(role.user_id, "answer_ticket", ticket=ticket.id, area=ticket.area_id)
        # The answer first: if telling the official fails, it is on its way all the same.
        await deliver(context.bot, stores.tickets, stopping=self.services.stopping)
        await message.reply_text(self.services.text("handoff_relayed", lang), do_quote=False)
        raise ApplicationHandlerStop

    async def cancel(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        who = await self.who(update)
        if who is None:
            return
        message, profile, lang, _ = who
        await self.services.stores.profiles.save(replace(profile, answering=None, pending=None, flow=None))
        await message.reply_text(self.services.text("cancelled", lang), do_quote=False)

    async def unanswered(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "unanswered")
        if permitted is None:
            return
        message, lang, role = permitted
        directory = self.services.assistant.router.directory
        areas = None if role.admin else sorted(directory.with_municipalities(role.areas))
        await self.services.write_gathered()  # the latest questions too
        rows = await self.services.stores.stats.unanswered(areas)
        if not rows:
            await message.reply_text(self.services.text("unanswered_none", lang), do_quote=False)
            return
        await message.reply_text(self.services.text("unanswered_title", lang), do_quote=False)
        for item_id, at, question_lang, area, question in rows:
            day = dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y-%m-%d")
            text = f"{day} · {question_lang} · {self.area_name(area or '', lang) or '–'}: {question}"
            button = InlineKeyboardButton(
                self.services.text("button_add_question", lang, id=item_id), callback_data=f"f:uq:{item_id}"
            )
            await message.reply_text(text[:4000], reply_markup=InlineKeyboardMarkup([[button]]), do_quote=False)

    async def stats(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "stats")
        if permitted is None:
            return
        message, lang, _ = permitted
        await self.services.write_gathered()
        rows = await self.services.stores.stats.question_counts()
        lines = [self.services.text("stats_title" if rows else "stats_none", lang)]
        for week, row_lang, goal, count in rows:
            subject = (
                self.services.text("goal_label", lang, number=goal)
                if goal.isdigit()
                else self.services.text("stats_other", lang)
            )
            lines.append(f"{week} · {row_lang} · {subject}: {count}")
        stale = self.services.assistant.stale_entries(self.services.settings.review_days)
        if stale:
            days = self.services.settings.review_days
            lines += ["", self.services.text("stale_entries", lang, days=days, entries=", ".join(stale))]
        await message.reply_text("\n".join(lines)[:4000], do_quote=False)

    async def reload(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "reload", admins_only=True)
        if permitted is None:
            return
        message, lang, role = permitted
        problems = await self.services.reload()
        await self.access.audit(role.user_id, "reload", ok=not problems)
        if problems:
            text = self.services.text("reload_failed", lang, problems="\n".join(problems[:10]))
        else:
            text = self.services.text("reloaded", lang)
        await message.reply_text(text[:4000], do_quote=False)

    async def audit_log(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.permitted(update, "audit", admins_only=True)
        if permitted is None:
            return
        message, lang, _ = permitted
        lines = [self.services.text("audit_title", lang)]
        for line in await self.access.audit_log(30):
            moment = dt.datetime.fromtimestamp(line.at, dt.UTC).strftime("%Y-%m-%d %H:%M")
            details = [f"{key} {value}" for key, value in line.detail.items()]
            if line.subject is not None:
                details.insert(0, f"→ {line.subject}")
            lines.append(
                f"{moment} · {line.actor if line.actor is not None else '–'} · {line.action} {' · '.join(details)}"
            )
        await message.reply_text("\n".join(lines)[:MAX_SHOWN], do_quote=False)

    async def flag_stale(self, bot: Bot, today: dt.date | None = None) -> int:
        """Tell administrators which national answers, and each official which of their area's contacts and local
        additions, have not been reviewed for KANEBOT_REVIEW_DAYS. Returns how many messages went out."""
        days = self.services.settings.review_days
        assistant = self.services.assistant
        outgoing: list[tuple[int, str]] = []
        stale = assistant.stale_entries(days, today)
        if stale:
            for admin in sorted(self.services.settings.admins):
                lang = self.services.lang_of(await self.services.stores.profiles.get(admin))
                outgoing.append((admin, self.services.text("stale_entries", lang, days=days, entries=", ".join(stale))))
        for user_id, area, _ in await self.access.officials():
            items = assistant.stale_in_area(area, days, today)
            if items:
                lang = self.services.lang_of(await self.services.stores.profiles.get(user_id))
                text = self.services.text("stale_entries", lang, days=days, entries=", ".join(items))
                outgoing.append((user_id, text))
        sent = 0
        for chat_id, text in outgoing:
            try:
                await bot.send_message(chat_id, text[:4000])
                sent += 1
            except TelegramError as error:  # a blocked bot or a deleted account: the next round tries again
                log.warning("could not flag stale answers to %s: %s", chat_id, error)
        return sent

    def area_name(self, area: str, lang: Lang) -> str:
        return self.services.assistant.router.area_label(area, lang)

    def checked_area(self, area: str) -> str:
        """The area as the directory writes it, or the text unchanged (a role check then refuses it)."""
        try:
            return check_area(self.services.assistant.router.directory, area)
        except AccessError:
            return area
