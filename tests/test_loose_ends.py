"""Loose ends (issue #13, item 6): buttons on messages Telegram no longer lets the bot edit, edited commands, and
officials shown names rather than ids. (A network failure at start is one line: tests/e2e/test_process.py.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.test_editing import edit_contact
from tests.test_officials import ADMIN, OFFICIAL, invite, start_on_a_copy
from tests.test_telegram import Harness, stopped


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = await start_on_a_copy(tmp_path)
    yield harness
    await stopped(harness)


async def test_a_button_on_a_message_telegram_no_longer_shows_the_bot_still_works(bot: Harness) -> None:
    update = bot.updates.press("g:2")
    update["callback_query"]["message"] = {"message_id": 5, "date": 0, "chat": {"id": 1, "type": "private"}}
    bot.request.clear()
    await bot.send(update)  # Telegram's "inaccessible message": only its chat and id are known
    (card,) = bot.request.of("sendMessage")
    assert "2 Ihmisistä välittävät" in str(card["text"])
    assert bot.request.of("editMessageText") == []
    assert bot.request.of("answerCallbackQuery") == [{"callback_query_id": update["callback_query"]["id"]}]


async def test_a_message_to_edit_that_is_gone_gets_a_new_one_and_the_press_is_answered(bot: Harness) -> None:
    bot.request.refusals["editMessageText"] = "Bad Request: message to edit not found"
    for data in ("g:3", "m:goals"):
        sent = await bot.press(data)
        assert [m for m in sent if "chat_id" in m and "message_id" not in m], data  # sent anew
        (answered,) = bot.request.of("answerCallbackQuery")
        assert "show_alert" not in answered and "Pahoittelen" not in str(sent)


async def test_an_edited_command_does_not_run_again(bot: Harness) -> None:
    await bot.say("Keneen otamme yhteyttä Porissa avustuksista?", user_id=5)
    await bot.press("r:609", user_id=5)
    bot.request.clear()
    await bot.send(bot.updates.edited("/forget", user_id=5))
    assert bot.request.of("sendMessage") == []
    assert (await bot.app.services.stores.profiles.get(5)).municipality == "609"
    await bot.send(bot.updates.edited("/invite 837", user_id=ADMIN))
    assert bot.request.of("sendMessage") == []
    assert await bot.app.services.stores.database.fetch_all("SELECT * FROM invites") == []


async def test_officials_see_names_not_ids_in_previews_and_history(bot: Harness) -> None:
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    await edit_contact(bot)
    (item,) = await bot.say("/history", user_id=OFFICIAL)
    assert "Avustukset" in str(item["text"]) and " grants " not in f" {item['text']} "
    await bot.say("/local", user_id=OFFICIAL)
    await bot.press("f:entry:goal-2.action-1", user_id=OFFICIAL)
    await bot.say("Tampereella demokratiakasvatusta tukee nuorisovaltuusto.", user_id=OFFICIAL)
    (preview,) = await bot.press("f:skip", user_id=OFFICIAL)
    assert "goal-2.action-1" not in str(preview["text"]) and "Alue: Tampere" in str(preview["text"])
    assert "Vastaus: Tavoite 2 · " in str(preview["text"])
