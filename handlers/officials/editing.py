"""Guided edits for officials: contacts, local additions, proposals to national answers, questions from the queue,
review and rollback. Each step has buttons, a preview and a cancel; the role is checked again at every step,
because callback data and the stored flow are only what the person sent."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.content.contacts import GENERAL
from bot.content.edits import MAX_TEXT, SKIPPABLE, edit_record, field_problem
from bot.core.lang import LANGS, Lang
from bot.storage.access import AccessError, Role, check_area
from bot.storage.edits import EditStore
from bot.storage.profiles import Profile
from handlers.common.context import profile_of
from handlers.common.services import Services
from handlers.officials.commands import OfficialHandlers, as_id

FLOW = "f"
CONTACT_STEPS = ("name_fi", "name_sv", "email", "phone", "web")
TEXT_STEPS = ("fi", "sv")
# Kept in a flow for its own working, not shown in a preview.
HIDDEN_FIELDS = frozenset({"original", "masked"})


def covering_area(role: Role, area: str | None, county_of: dict[str, str | None]) -> str | None:
    """The area of the role that covers ``area`` (itself, or its county); "" for an administrator; None: no right."""
    if area is not None and area in role.areas:
        return area
    county = county_of.get(area or "")
    if county is not None and county in role.areas:
        return county
    return "" if role.admin else None


def button(label: str, *parts: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=":".join([FLOW, *(str(part) for part in parts)])[:64])


class EditingHandlers:
    def __init__(self, services: Services, officials: OfficialHandlers) -> None:
        self.services = services
        self.officials = officials

    @property
    def edits(self) -> EditStore:
        return self.services.stores.edits

    def t(self, key: str, lang: Lang, **values: object) -> str:
        return self.services.text(key, lang, **values)

    # --- starting a flow -------------------------------------------------------------------------------------

    async def start_contact(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._start(update, context, "contact")

    async def start_local(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._start(update, context, "local")

    async def start_propose(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._start(update, context, "proposal")

    async def _start(self, update: Update, context: ContextTypes.DEFAULT_TYPE, kind: str) -> None:
        who = await self.officials.who(update)
        if who is None:
            return
        message, profile, lang, role = who
        if not role.official and not (role.admin and (kind == "proposal" or context.args)):
            await self.officials.refuse(message, lang, role, kind)
            return
        flow: dict[str, Any] = {"kind": kind, "data": {}}
        if kind == "proposal":
            await self._save(profile, {**flow, "step": "entry"})
            await self._ask_entry(message, lang)
            return
        # An administrator names the area (/editcontact 837); an official works in their own areas.
        if role.admin and context.args:
            try:
                areas = [check_area(self.services.assistant.router.directory, context.args[0])]
            except AccessError:
                await message.reply_text(self.t("edit_unknown_area", lang, area=context.args[0][:40]))
                return
        else:
            areas = sorted(role.areas)
        if len(areas) == 1 and role.can_manage(areas[0]):
            flow["data"]["area"] = areas[0]
            await self._after_area(message, profile, lang, flow)
            return
        await self._save(profile, {**flow, "step": "area"})
        rows = [[button(self.officials.area_name(area, lang), "area", area)] for area in areas if role.can_manage(area)]
        await message.reply_text(self.t("edit_choose_area", lang), reply_markup=InlineKeyboardMarkup(rows))

    async def _after_area(self, message: Message, profile: Profile, lang: Lang, flow: dict[str, Any]) -> None:
        if flow["kind"] == "contact":
            await self._save(profile, {**flow, "step": "topic"})
            topics = self.services.assistant.router.topics.topics
            rows = [[button(self.t("topic_general", lang), "topic", GENERAL)]]
            rows += [[button(topic.name(lang), "topic", topic.id)] for topic in topics]
            await message.reply_text(self.t("edit_choose_topic", lang), reply_markup=InlineKeyboardMarkup(rows))
        else:
            await self._save(profile, {**flow, "step": "entry"})
            await self._ask_entry(message, lang)

    async def _ask_entry(self, message: Message, lang: Lang) -> None:
        assistant = self.services.assistant
        rows = [[button(assistant.label(entry, lang), "entry", entry.id)] for entry in assistant.knowledge.entries]
        await message.reply_text(self.t("edit_choose_entry", lang), reply_markup=InlineKeyboardMarkup(rows))

    async def _save(self, profile: Profile, flow: dict[str, Any] | None) -> None:
        await self.services.stores.profiles.save(replace(profile, flow=flow))

    # --- buttons --------------------------------------------------------------------------------------------

    async def press(self, message: Message, profile: Profile, lang: Lang, value: str) -> bool:
        """A flow button ("f:..."); False if it does not fit the flow in progress or the person's rights."""
        action, _, argument = value.partition(":")
        role = await self.services.role(profile.user_id)
        if action in {"approve", "reject"}:
            return await self._review(message, lang, role.admin, profile.user_id, action, argument)
        if action == "rollback":
            return await self._rollback(message, profile, lang, argument)
        if action == "ask":
            return await self._question_from_ticket(message, profile, lang, argument)
        if action == "uq":
            return await self._question_from_unanswered(message, profile, lang, argument)
        flow = dict(profile.flow or {})
        data = dict(flow.get("data") or {})
        step = flow.get("step")
        if action == "cancel":
            await self._save(profile, None)
            await message.reply_text(self.t("cancelled", lang))
            return True
        if not flow:
            return False
        if action == "area" and step == "area":
            if not role.can_manage(argument):
                await self._refused(profile.user_id, "edit_area", area=argument)
                return False
            data["area"] = self.officials.checked_area(argument)
            await self._after_area(message, profile, lang, {**flow, "data": data})
            return True
        if action == "topic" and step == "topic" and (argument == GENERAL or self._topic_exists(argument)):
            data["topic"] = argument
            return await self._next_text(message, profile, lang, {**flow, "data": data, "step": CONTACT_STEPS[0]})
        if action == "entry" and step == "entry" and argument in self.services.assistant.knowledge.by_id:
            data["entry"] = argument
            if flow["kind"] == "question":
                return await self._ask_question(message, profile, lang, {**flow, "data": data, "step": "text"})
            return await self._next_text(message, profile, lang, {**flow, "data": data, "step": TEXT_STEPS[0]})
        if action == "asis" and step == "text" and flow["kind"] == "question" and not data.get("masked"):
            # The official confirms that what was asked holds no personal data.
            data["text"] = data.get("original")
            return await self._preview(message, profile, lang, {**flow, "data": data})
        if action == "skip" and step in SKIPPABLE:
            return await self._advance(message, profile, lang, flow, data, None)
        if action == "chat" and step == "chat":
            data["telegram_chat"] = message.chat.id if argument == "yes" else data.get("telegram_chat")
            return await self._preview(message, profile, lang, {**flow, "data": data})
        if action == "confirm" and step == "preview":
            return await self._confirm(message, profile, lang, flow, data)
        return False

    async def _refused(self, user_id: int, action: str, **detail: object) -> None:
        """A button pressed without the right (forged, or rights revoked meanwhile) goes to /audit like a command."""
        await self.officials.access.audit(user_id, "refused", command=action, **detail)

    def _topic_exists(self, topic_id: str) -> bool:
        return self.services.assistant.router.topics.get(topic_id) is not None

    # --- text steps -----------------------------------------------------------------------------------------

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """While a flow waits for text, the official's message is that text; nothing else sees it."""
        message = update.effective_message
        profile = await profile_of(update, self.services)
        if message is None or profile is None or not profile.flow or not message.text:
            return
        step = profile.flow.get("step")
        if step not in (*CONTACT_STEPS, *TEXT_STEPS, "text"):
            return
        lang = self.services.lang_of(profile)
        data = dict(profile.flow.get("data") or {})
        await self._advance(message, profile, lang, dict(profile.flow), data, message.text.strip())
        raise ApplicationHandlerStop

    async def _advance(
        self,
        message: Message,
        profile: Profile,
        lang: Lang,
        flow: dict[str, Any],
        data: dict[str, Any],
        text: str | None,
    ) -> bool:
        step = str(flow.get("step"))
        problem = field_problem(step, text)
        if problem is not None:
            text_of_problem = self.t(f"edit_invalid_{problem}", lang, limit=MAX_TEXT)
            markup = self._skip_cancel(lang) if step in SKIPPABLE else self._cancel(lang)
            await message.reply_text(text_of_problem, reply_markup=markup)
            return True
        data[step] = text
        if flow["kind"] == "question":
            return await self._preview(message, profile, lang, {**flow, "data": data})
        steps = CONTACT_STEPS if flow["kind"] == "contact" else TEXT_STEPS
        following = steps[steps.index(step) + 1 :] if step in steps else ()
        if following:
            return await self._next_text(message, profile, lang, {**flow, "data": data, "step": following[0]})
        if flow["kind"] != "contact" and not any(data.get(code) for code in LANGS):
            await self._save(profile, {**flow, "data": data, "step": "fi"})
            await message.reply_text(self.t("edit_need_text", lang), reply_markup=self._skip_cancel(lang))
            return True
        if flow["kind"] == "contact":
            await self._save(profile, {**flow, "data": data, "step": "chat"})
            rows = [
                [button(self.t("button_yes", lang), "chat", "yes"), button(self.t("button_no", lang), "chat", "no")]
            ]
            await message.reply_text(self.t("edit_ask_chat", lang), reply_markup=InlineKeyboardMarkup(rows))
            return True
        return await self._preview(message, profile, lang, {**flow, "data": data})

    async def _next_text(self, message: Message, profile: Profile, lang: Lang, flow: dict[str, Any]) -> bool:
        await self._save(profile, flow)
        step = flow["step"]
        key = f"edit_ask_{step}" if flow["kind"] == "contact" else f"edit_ask_text_{step}"
        markup = self._skip_cancel(lang) if step in SKIPPABLE else self._cancel(lang)
        await message.reply_text(self.t(key, lang), reply_markup=markup)
        return True

    def _skip_cancel(self, lang: Lang) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [[button(self.t("button_skip", lang), "skip"), *self._cancel(lang).inline_keyboard[0]]]
        )

    def _cancel(self, lang: Lang) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup([[button(self.t("button_cancel", lang), "cancel")]])

    # --- preview and confirm --------------------------------------------------------------------------------

    async def _preview(self, message: Message, profile: Profile, lang: Lang, flow: dict[str, Any]) -> bool:
        await self._save(profile, {**flow, "step": "preview"})
        lines = [self.t("edit_preview", lang), ""]
        for key, value in flow["data"].items():
            if value in (None, "") or key in HIDDEN_FIELDS:
                continue
            lines.append(f"{self.t(f'field_{key}', lang)}: {self._shown(key, value, lang)}")
        rows = [[button(self.t("button_confirm", lang), "confirm"), button(self.t("button_cancel", lang), "cancel")]]
        await message.reply_text("\n".join(lines)[:4000], reply_markup=InlineKeyboardMarkup(rows))
        return True

    def _shown(self, key: str, value: object, lang: Lang) -> str:
        """A field's value as an official reads it: names of areas, topics, answers and languages, not their ids."""
        if key == "telegram_chat":
            return self.t("button_yes", lang)
        if key == "area" and isinstance(value, str):
            return self.officials.area_name(value, lang) or value
        if key == "topic" and isinstance(value, str):
            return self._topic_name(value, lang)
        if key == "entry" and isinstance(value, str):
            return self._entry_name(value, lang)
        if key == "lang" and isinstance(value, str) and value in LANGS:
            return self.t(f"language_name_{value}", lang)
        return str(value)

    def _entry_name(self, entry_id: str, lang: Lang) -> str:
        assistant = self.services.assistant
        return (
            assistant.label(assistant.knowledge.entry(entry_id), lang)
            if entry_id in assistant.knowledge.by_id
            else entry_id
        )

    def _topic_name(self, topic_id: str, lang: Lang) -> str:
        if topic_id == GENERAL:
            return self.t("topic_general", lang)
        topic = self.services.assistant.router.topics.get(topic_id)
        return topic.name(lang) if topic is not None else topic_id

    def _target_name(self, kind: str, target: str, lang: Lang) -> str:
        return self._topic_name(target, lang) if kind == "contact" else self._entry_name(target, lang)

    async def _confirm(
        self, message: Message, profile: Profile, lang: Lang, flow: dict[str, Any], data: dict[str, Any]
    ) -> bool:
        role = await self.services.role(profile.user_id)
        kind, area = str(flow["kind"]), data.get("area")
        # Rights are checked again here: they may have been revoked while the flow was open.
        allowed = (
            (role.official or role.admin) if kind == "proposal" else isinstance(area, str) and role.can_manage(area)
        )
        if not allowed:
            await self._save(profile, None)
            await self._refused(role.user_id, f"save_{kind}", area=area)
            return False
        target, after, status = edit_record(kind, data)
        edit_id = await self.edits.add(
            kind, area, target, self._before(kind, area, target), after, role.user_id, status
        )
        await self._save(profile, None)
        if status == "live":
            await self.services.reload()
        key = {"question": "question_proposed", "proposal": "edit_proposed"}.get(kind, "edit_saved")
        await message.reply_text(self.t(key, lang, id=edit_id, entry=self._entry_name(target, lang)))
        return True

    def _before(self, kind: str, area: object, target: str) -> dict[str, Any] | None:
        """What the edit replaces, for the version record."""
        assistant = self.services.assistant
        if kind == "contact":
            found = [c for c in assistant.router.contacts.contacts if (c.area, c.topic) == (area, target)]
            return (
                {"name": {"fi": found[0].name.fi, "sv": found[0].name.sv}, "email": found[0].email} if found else None
            )
        if kind == "proposal" and target in assistant.knowledge.by_id:
            entry = assistant.knowledge.entry(target)
            return {"fi": entry.text.fi, "sv": entry.text.sv}
        if kind == "local":
            found_local = [a for a in assistant.local_answers.answers if (a.area, a.entry) == (area, target)]
            return {"fi": found_local[0].fi, "sv": found_local[0].sv} if found_local else None
        return None

    # --- review, rollback, questions from the queue -------------------------------------------------------------

    async def review(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.officials.permitted(update, "review", admins_only=True)
        if permitted is None:
            return
        message, lang, _ = permitted
        pending = await self.edits.with_status("pending")
        if not pending:
            await message.reply_text(self.t("review_none", lang))
            return
        for edit in pending:
            entry = self._entry_name(edit.target, lang)
            author = edit.author if edit.author is not None else "–"
            if edit.kind == "question":
                asked = str(edit.after.get("lang"))
                language = self.t(f"language_name_{asked}", lang) if asked in LANGS else asked
                text = self.t("review_question_item", lang, id=edit.id, entry=entry, language=language,
                              author=author, text=edit.after.get("text") or "–")  # fmt: skip
            else:
                text = self.t("review_item", lang, id=edit.id, entry=entry, author=author,
                              fi=edit.after.get("fi") or "–", sv=edit.after.get("sv") or "–")  # fmt: skip
            rows = [[button(self.t("button_approve", lang), "approve", edit.id),
                     button(self.t("button_reject", lang), "reject", edit.id)]]  # fmt: skip
            await message.reply_text(text[:4000], reply_markup=InlineKeyboardMarkup(rows))

    async def _review(self, message: Message, lang: Lang, admin: bool, user_id: int, action: str, value: str) -> bool:
        number = as_id(value)
        if number is None:
            return False
        if not admin:
            await self._refused(user_id, action, edit=number)
            return False
        status = "approved" if action == "approve" else "rejected"
        if not await self.edits.set_status(number, status, user_id, ("pending",)):
            return False
        if status == "approved":
            await self.services.reload()
        await message.reply_text(self.t("reviewed", lang, id=value, status=self.t(f"status_{status}", lang)))
        return True

    async def history(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        permitted = await self.officials.permitted(update, "history")
        if permitted is None:
            return
        message, lang, role = permitted
        edits = await self.edits.history(None if role.admin else sorted(role.areas))
        if not edits:
            await message.reply_text(self.t("history_none", lang))
            return
        for edit in edits:
            text = self.t(
                "history_item", lang, id=edit.id, kind=self.t(f"kind_{edit.kind}", lang),
                area=self.officials.area_name(edit.area, lang) if edit.area else "–",
                target=self._target_name(edit.kind, edit.target, lang),
                status=self.t(f"status_{edit.status}", lang), author=edit.author if edit.author is not None else "–",
                date=dt.datetime.fromtimestamp(edit.created_at, dt.UTC).strftime("%Y-%m-%d"),
            )  # fmt: skip
            markup = None
            if edit.status in {"live", "approved"} and (role.admin or (edit.area and role.can_manage(edit.area))):
                markup = InlineKeyboardMarkup(
                    [[button(self.t("button_rollback", lang, id=edit.id), "rollback", edit.id)]]
                )
            await message.reply_text(text, reply_markup=markup)

    async def _rollback(self, message: Message, profile: Profile, lang: Lang, value: str) -> bool:
        number = as_id(value)
        if number is None:
            return False
        edit = await self.edits.get(number)
        role = await self.services.role(profile.user_id)
        if edit is None:
            return False
        if not (role.admin or (edit.area is not None and role.can_manage(edit.area))):
            await self._refused(profile.user_id, "rollback", edit=edit.id)
            return False
        if not await self.edits.set_status(edit.id, "rolled_back", profile.user_id, ("live", "approved")):
            return False
        await self.services.reload()
        await message.reply_text(self.t("reviewed", lang, id=edit.id, status=self.t("status_rolled_back", lang)))
        return True

    async def _question_from_unanswered(self, message: Message, profile: Profile, lang: Lang, value: str) -> bool:
        """Turn a question the bot could not answer into a new alternative question of an entry."""
        number = as_id(value)
        item = await self.services.stores.stats.unanswered_item(number) if number is not None else None
        role = await self.services.role(profile.user_id)
        if item is None:
            return False
        question_lang, area, text = item
        directory = self.services.assistant.router.directory
        county_of = {m.code: m.county_id for m in directory.municipalities}
        scope = covering_area(role, area, county_of)
        if scope is None:
            await self._refused(profile.user_id, "add_question", unanswered=number)
            return False
        await self._start_question(message, profile, lang, scope, question_lang, text)
        return True

    async def _question_from_ticket(self, message: Message, profile: Profile, lang: Lang, value: str) -> bool:
        """Turn a good question from the queue into a new alternative question of an entry."""
        number = as_id(value)
        ticket = await self.services.stores.tickets.get(number) if number is not None else None
        role = await self.services.role(profile.user_id)
        if ticket is None:
            return False
        if not role.can_manage(ticket.area_id):
            await self._refused(profile.user_id, "add_question", ticket=ticket.id)
            return False
        await self._start_question(message, profile, lang, ticket.area_id, ticket.lang, ticket.question)
        return True

    async def _start_question(
        self, message: Message, profile: Profile, lang: Lang, area: str, asked_lang: str, asked: str
    ) -> None:
        """What an association asked may become a way the bot recognises an answer, but never as it was typed: the
        flow keeps it with its personal data masked, the official writes it anew (or confirms there is none) and an
        administrator approves it."""
        question_lang: Lang = "sv" if asked_lang == "sv" else "fi"
        original = self.services.mask(asked, question_lang)[:MAX_TEXT]
        data = {"area": area, "lang": question_lang, "original": original, "masked": original != asked[:MAX_TEXT]}
        await self._save(profile, {"kind": "question", "step": "entry", "data": data})
        await self._ask_entry(message, lang)

    async def _ask_question(self, message: Message, profile: Profile, lang: Lang, flow: dict[str, Any]) -> bool:
        await self._save(profile, flow)
        data = flow["data"]
        asked = str(data.get("lang"))
        language = self.t(f"language_name_{asked}", lang) if asked in LANGS else asked
        text = self.t("edit_ask_question", lang, language=language, original=data.get("original") or "")
        row = [] if data.get("masked") else [button(self.t("button_as_is", lang), "asis")]
        markup = InlineKeyboardMarkup([[*row, *self._cancel(lang).inline_keyboard[0]]])
        await message.reply_text(text[:4000], reply_markup=markup)
        return True
