"""Turning core replies into Telegram messages: HTML chunks within the size limit, and inline keyboards."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram._utils.types import JSONDict
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.core.lang import LANGS, Lang
from bot.core.reply import FollowUp, Reply, html_chunks
from bot.core.text import utf16_length
from handlers.common.services import Services

# Callback data is user input: it is parsed strictly and anything else is answered as a stale button.
ENTRY, GOAL, MENU, LANGUAGE, TOPIC, REMEMBER, ANSWER, FLOW, QUEUE = "e", "g", "m", "l", "t", "r", "a", "f", "q"
MENU_ACTIONS = frozenset({"goals", "contact", "handoff"})
MAX_BUTTON_LABEL = 60
MAX_MESSAGE = 4096  # Telegram's limit for a message's text, in UTF-16 code units
# Telegram's words when a message cannot be edited any more.
GONE = ("message to edit not found", "message can't be edited", "message can not be edited")


def answer_room(relayed: str, answer: str) -> int:
    """How long ``answer`` may be (UTF-16 units) for ``relayed``, the message carrying it, to fit in one message."""
    return MAX_MESSAGE - (utf16_length(relayed) - utf16_length(answer))


class PreparedKeyboard(InlineKeyboardMarkup):
    """A keyboard that is sent again and again: its JSON form is worked out once, since PTB objects are immutable.
    Turning a keyboard into JSON was a third of the time the bot spent on an answer it already knew."""

    __slots__ = ("_prepared",)

    def __init__(self, inline_keyboard: Sequence[Sequence[InlineKeyboardButton]]) -> None:
        super().__init__(inline_keyboard)
        with self._unfrozen():
            self._prepared = super().to_dict()

    def to_dict(self, recursive: bool = True) -> JSONDict:
        return dict(self._prepared) if recursive else super().to_dict(recursive=False)


def callback(kind: str, value: str) -> str:
    return f"{kind}:{value}"


def parse_callback(data: str | None) -> tuple[str, str] | None:
    if not data or len(data) > 64 or ":" not in data:
        return None
    kind, _, value = data.partition(":")
    known = {ENTRY, GOAL, MENU, LANGUAGE, TOPIC, REMEMBER, ANSWER, FLOW, QUEUE}
    return (kind, value) if kind in known and value else None


def followup_button(followup: FollowUp) -> InlineKeyboardButton:
    label = followup.label if len(followup.label) <= MAX_BUTTON_LABEL else followup.label[: MAX_BUTTON_LABEL - 1] + "…"
    if followup.target in MENU_ACTIONS:
        return InlineKeyboardButton(label, callback_data=callback(MENU, followup.target))
    if followup.target.startswith("topic:"):
        return InlineKeyboardButton(label, callback_data=callback(TOPIC, followup.target.removeprefix("topic:")))
    if followup.target.startswith("remember:"):
        return InlineKeyboardButton(label, callback_data=callback(REMEMBER, followup.target.removeprefix("remember:")))
    return InlineKeyboardButton(label, callback_data=callback(ENTRY, followup.target))


@lru_cache(maxsize=1024)
def followup_keyboard(followups: tuple[FollowUp, ...]) -> InlineKeyboardMarkup | None:
    """Follow-ups come from the knowledge and repeat from answer to answer, so each keyboard is made once."""
    if not followups:
        return None
    return PreparedKeyboard([[followup_button(followup)] for followup in followups])


def goals_keyboard(services: Services, lang: Lang) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(services.text(f"goal_button_{n}", lang), callback_data=callback(GOAL, str(n)))]
            for n in range(1, 5)
        ]
    )


def goal_card_keyboard(services: Services, number: int, lang: Lang) -> InlineKeyboardMarkup:
    navigation = []
    if number > 1:
        navigation.append(
            InlineKeyboardButton(services.text("button_previous", lang), callback_data=callback(GOAL, str(number - 1)))
        )
    navigation.append(
        InlineKeyboardButton(services.text("button_all_goals", lang), callback_data=callback(MENU, "goals"))
    )
    if number < 4:
        navigation.append(
            InlineKeyboardButton(services.text("button_next", lang), callback_data=callback(GOAL, str(number + 1)))
        )
    share_query = f"{services.text('goal_label', lang, number=number)}"
    share = InlineKeyboardButton(services.text("button_share", lang), switch_inline_query=share_query)
    return InlineKeyboardMarkup([navigation, [share]])


def language_keyboard(services: Services) -> InlineKeyboardMarkup:
    """Each language named in itself, whatever the current language."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    services.text(f"language_name_{lang}", lang), callback_data=callback(LANGUAGE, lang)
                )
                for lang in LANGS
            ]
        ]
    )


async def send_reply(message: Message, reply: Reply, keyboard: InlineKeyboardMarkup | None = None) -> None:
    """Send a core reply as one or more HTML messages; the keyboard goes with the last one."""
    chunks = html_chunks(reply.blocks)
    markup = keyboard if keyboard is not None else followup_keyboard(reply.followups)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        await message.reply_html(chunk, reply_markup=markup if last else None, do_quote=False)


async def edit_or_send(message: Message, reply: Reply, keyboard: InlineKeyboardMarkup | None) -> None:
    """Edit the message in place (browsing must not flood the chat); new messages if it is too long, or if the
    message can no longer be edited (too old for Telegram to show the bot, or deleted)."""
    chunks = html_chunks(reply.blocks)
    if len(chunks) == 1 and await edit_in_place(message, chunks[0], keyboard, ParseMode.HTML):
        return
    await send_reply(message, reply, keyboard)


async def edit_text_or_send(message: Message, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
    if not await edit_in_place(message, text, keyboard, None):
        await message.reply_text(text, reply_markup=keyboard, do_quote=False)


async def edit_in_place(
    message: Message, text: str, keyboard: InlineKeyboardMarkup | None, parse_mode: str | None
) -> bool:
    """Edit ``message``; False if it cannot be edited any more (the caller sends a new one instead)."""
    if not message.is_accessible:  # Telegram no longer gives the bot this message (pressed on an old one)
        return False
    try:
        await message.edit_text(text, parse_mode=parse_mode, reply_markup=keyboard)
    except BadRequest as error:
        if not any(reason in str(error).lower() for reason in GONE):
            raise
        return False
    return True
