"""A seeded fuzz run (issue #13, item 7): a few thousand updates of hostile shapes through the real application's
process_update, from associations, an official, an administrator and strangers, in private chats and groups.

Every update is one Telegram could send (the schema holds); what is in it is not friendly: lone surrogates, NUL,
bidi overrides, 5,000-character texts, HTML, forged callback data and card replies, commands with junk arguments,
edited commands, stickers, inline queries. Nothing may escape, no handler may fail, everything the bot sends must be
something Telegram accepts, and the database must be whole and answer normally afterwards."""

from __future__ import annotations

import logging
import random
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import AIORateLimiter

from bot.assistant import Assistant
from bot.core.settings import Settings
from bot.core.text import utf16_length
from handlers.wiring.app import build_application
from tests.conftest import KNOWLEDGE
from tests.telegram_offline import BOT_USER, TOKEN, OfflineRequest
from tests.test_handoff import OFFICIAL_CHAT, contact_assistant
from tests.test_officials import ADMIN, OFFICIAL, invite
from tests.test_telegram import Harness, stopped

__all__ = ["contact_assistant"]
SEED = 13
UPDATES = 3000
PEOPLE = [ADMIN, OFFICIAL, *range(100, 160)]
NASTY = [
    "\ud800",
    "\udfff",
    "\x00",
    "\u202e",
    "\u200b",
    "\ufeff",
    "😀",
    "<b>",
    "</i>",
    "&amp;",
    "&",
    "<a href='x'>",
    "\n",
    "\t",
    "ᴬ",
    "²",
    "٣",
    "İ",
    "ß",
    "\U0001f1eb\U0001f1ee",
    "'; DROP TABLE tickets; --",
    "%s",
    "{0}",
    "{area}",
]
WORDS = [
    "tavoite",
    "mål",
    "Tampereella",
    "Vasa",
    "avustuksista",
    "tiloista",
    "Keneen",
    "otamme",
    "yhteyttä",
    "kunta",
    "Porissa",
    "hyvinvointialue",
    "Hej",
    "kiitos",
    "demokratia",
    "040 123 4567",
    "maija@example.org",
    "2",
    "99",
]
COMMANDS = [
    "/start",
    "/start goal-9",
    "/start contact",
    "/goal",
    "/goal 0",
    "/goal ²",
    "/goal 4",
    "/goals",
    "/help",
    "/contact",
    "/language",
    "/forget",
    "/about",
    "/join",
    "/join x",
    "/invite",
    "/invite 837 0d",
    "/invite ZZ 7d",
    "/invite 837 99999d",
    "/officials",
    "/revoke",
    "/revoke ² 837",
    "/revoke 1 1 1",
    "/queue",
    "/unanswered",
    "/stats",
    "/reload",
    "/audit",
    "/cancel",
    "/editcontact",
    "/editcontact 99999",
    "/local",
    "/local ZZ",
    "/propose",
    "/review",
    "/history",
    "/nosuch",
]
BUTTONS = [
    "g:1",
    "g:5",
    "g:",
    "g:-1",
    "e:goal-1",
    "e:nosuch",
    "m:goals",
    "m:contact",
    "m:handoff",
    "m:x",
    "l:fi",
    "l:xx",
    "t:grants",
    "t:nosuch",
    "r:609",
    "r:99999",
    "a:1",
    "a:-1",
    "a:²",
    "a:" + "9" * 40,
    "f:ask:1",
    "f:uq:1",
    "f:approve:1",
    "f:reject:1",
    "f:rollback:1",
    "f:entry:goal-1",
    "f:topic:grants",
    "f:area:837",
    "f:area:ZZ",
    "f:skip",
    "f:chat:yes",
    "f:confirm",
    "f:cancel",
    "f:asis",
    "f:nonsense",
    "q:0",
    "q:x",
    "q:-5",
    "x" * 64,
    ":",
    "",
    "a:1:2:3",
]


def hostile_text(rng: random.Random) -> str:
    parts = [rng.choice(WORDS + NASTY) for _ in range(rng.randint(0, 12))]
    text = " ".join(parts)
    if rng.random() < 0.05:
        text = (text + " ") * (5000 // max(1, len(text) + 1)) or "a" * 5000
    return text


def update_for(rng: random.Random, bot: Harness) -> dict[str, Any]:
    person = rng.choice(PEOPLE)
    lang = rng.choice(["fi", "sv", "en", None, "xx-YY"])
    updates = bot.updates
    kind = rng.random()
    if kind < 0.35:
        return updates.message(hostile_text(rng), user_id=person, lang=lang)
    if kind < 0.55:
        command = rng.choice(COMMANDS)
        return updates.message(command + rng.choice(["", " ", " " + hostile_text(rng)]), user_id=person, lang=lang)
    if kind < 0.75:
        return updates.press(rng.choice(BUTTONS), user_id=person, lang=lang, message_id=rng.randint(1, 500))
    if kind < 0.82:
        return updates.inline(hostile_text(rng)[:256], user_id=person, lang=lang)
    if kind < 0.88:  # a reply in the card chat: to a card copy, to the bot's other message, or forged
        update = updates.message(hostile_text(rng), user_id=person, chat_id=OFFICIAL_CHAT, chat_type="group")
        quoted = f"Kysymys #{rng.randint(-2, 30)}\n{hostile_text(rng)}"
        sender = BOT_USER if rng.random() < 0.7 else {"id": person, "is_bot": False, "first_name": "X"}
        chat = update["message"]["chat"]
        reply = {"message_id": rng.randint(1, 500), "date": 0, "chat": chat, "from": sender, "text": quoted}
        update["message"]["reply_to_message"] = reply
        return update
    if kind < 0.93:
        chat_id = -rng.randint(1, 5)
        return updates.message(hostile_text(rng), user_id=person, chat_id=chat_id, chat_type="supergroup",
                               reply_to_bot=rng.random() < 0.5)  # fmt: skip
    if kind < 0.97:
        return updates.edited(rng.choice(COMMANDS + WORDS), user_id=person)
    return updates.sticker(user_id=person)


@pytest.fixture
async def bot(tmp_path: Path, contact_assistant: Assistant) -> AsyncIterator[Harness]:
    settings = Settings(token=TOKEN, db_path=tmp_path / "kanebot.sqlite3", knowledge_dir=KNOWLEDGE,
                        admins=frozenset({ADMIN}))  # fmt: skip
    # Telegram's flood limits would only make the run wait (twenty messages a minute to a group).
    unlimited = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=0)
    request = OfflineRequest()
    app = build_application(settings, assistant=contact_assistant, request=request, rate_limiter=unlimited)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    harness = Harness(app, request)
    await harness.say(f"/join {await invite(harness, '837')}", user_id=OFFICIAL)
    yield harness
    await stopped(harness)


def acceptable(call: dict[str, Any]) -> str | None:
    """Why Telegram would refuse what the bot sent, or None."""
    text = call.get("text")
    if isinstance(text, str):
        if not text.strip():
            return "an empty text"
        if utf16_length(text) > 4096:
            return f"a text of {utf16_length(text)} UTF-16 units"
        if any(0xD800 <= ord(char) <= 0xDFFF for char in text):
            return "a lone surrogate"
    markup = call.get("reply_markup")
    if markup is not None:
        rows = markup if isinstance(markup, dict) else markup.to_dict()
        for row in rows.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and len(data.encode()) > 64:
                    return f"callback data of {len(data.encode())} bytes"
    return None


async def test_thousands_of_hostile_updates_break_nothing(bot: Harness, caplog: pytest.LogCaptureFixture) -> None:
    rng = random.Random(SEED)
    refused: list[str] = []
    with caplog.at_level(logging.ERROR):
        for _ in range(UPDATES):
            bot.now += rng.choice([0.05, 0.5, 2.0])  # now and then a burst; mostly people's pace
            bot.request.clear()
            await bot.send(update_for(rng, bot))
            for call in bot.request.calls:
                why = acceptable(call.params)
                if why is not None:
                    refused.append(f"{call.method}: {why}")
    failures = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert not failures, f"{len(failures)} updates failed, e.g. {failures[:3]}"
    assert not refused, f"Telegram would refuse {len(refused)} messages, e.g. {refused[:5]}"
    database = bot.app.services.stores.database
    assert (await database.fetch_one("PRAGMA integrity_check"))[0] == "ok"  # type: ignore[index]
    (answer,) = await bot.say("Mikä on tavoite 2?", user_id=999)
    assert "demokratiakasvatukseen" in str(answer["text"])
