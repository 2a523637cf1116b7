"""The real application from build_application, fed updates through process_update over an offline Bot API."""

from __future__ import annotations

import html.parser
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.assistant import Assistant
from bot.core.settings import Settings
from handlers.common.services import UNANSWERED_BATCH
from handlers.wiring.app import KaneApplication, build_application
from tests.conftest import KNOWLEDGE
from tests.engines import database_setting
from tests.telegram_offline import BOT_USER, TOKEN, OfflineRequest, Updates, to_update

ALLOWED_TAGS = {"b", "i", "blockquote", "a", "code", "pre", "u", "s"}


HUMAN_PACE = 2.0  # seconds between one person's actions in a test: people type and read; a flood passes pace=0


class Harness:
    """The application fed updates one at a time. Fair use is measured on the harness's clock, which each ``say``
    and ``press`` moves on by ``pace`` seconds, as a person acting at that pace would."""

    def __init__(self, app: KaneApplication, request: OfflineRequest) -> None:
        self.app = app
        self.request = request
        self.updates = Updates()
        self.now = 0.0
        app.services.throttle.clock = lambda: self.now

    async def send(self, data: dict[str, Any]) -> None:
        await self.app.process_update(to_update(data, self.app.bot))

    async def say(self, text: str, pace: float = HUMAN_PACE, **kwargs: Any) -> list[dict[str, Any]]:
        self.now += pace
        self.request.clear()
        await self.send(self.updates.message(text, **kwargs))
        return self.request.calls_for("sendMessage", "editMessageText")

    async def press(self, data: str, pace: float = HUMAN_PACE, **kwargs: Any) -> list[dict[str, Any]]:
        self.now += pace
        self.request.clear()
        await self.send(self.updates.press(data, **kwargs))
        return self.request.calls_for("sendMessage", "editMessageText")


def settings_for(db: Path | str) -> Settings:
    return Settings(token=TOKEN, knowledge_dir=KNOWLEDGE, **database_setting(db))


async def started(db: Path | str, assistant: Assistant) -> Harness:
    request = OfflineRequest()
    app = build_application(settings_for(db), assistant=assistant, request=request)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    if app.startup_delivery is not None:  # what the last run left unsent goes out in the background
        await app.startup_delivery
    return Harness(app, request)


async def stopped(harness: Harness) -> None:
    assert harness.app.post_shutdown is not None
    await harness.app.post_shutdown(harness.app)
    await harness.app.shutdown()


@pytest.fixture
async def bot(tmp_path: Path, assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await started(tmp_path / "kanebot.sqlite3", assistant)
    yield harness
    await stopped(harness)


def buttons(params: dict[str, Any]) -> list[dict[str, Any]]:
    markup = params.get("reply_markup")
    if markup is None:
        return []
    data = markup if isinstance(markup, dict) else markup.to_dict()
    return [button for row in data["inline_keyboard"] for button in row]


def callback_data(params: dict[str, Any]) -> list[str]:
    return [b["callback_data"] for b in buttons(params) if "callback_data" in b]


class TagChecker(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


def assert_safe_html(text: str) -> None:
    checker = TagChecker()
    checker.feed(text)
    assert checker.tags <= ALLOWED_TAGS, checker.tags
    assert len(text) <= 4096


async def test_start_greets_in_the_client_language_with_language_and_action_buttons(bot: Harness) -> None:
    (sent,) = await bot.say("/start", lang="sv")
    assert "Hej! Jag är KANE-botten" in sent["text"]
    assert {"l:fi", "l:sv", "m:goals", "m:contact"} <= set(callback_data(sent))
    (sent,) = await bot.say("/start", user_id=2, lang="fi")
    assert "Hei! Olen KANE-botti" in sent["text"]


async def test_start_deep_links_open_a_goal_or_the_contact_flow(bot: Harness) -> None:
    (sent,) = await bot.say("/start goal-2", lang="fi")
    assert bot.app.bot_data is not None
    assert "2 Ihmisistä välittävät kunnat" in sent["text"]
    assert {"g:1", "m:goals", "g:3"} <= set(callback_data(sent))
    assert any(b.get("switch_inline_query") == "Tavoite 2" for b in buttons(sent))
    (sent,) = await bot.say("/start contact", lang="sv")
    assert "i vilken kommun er förening verkar" in sent["text"]


async def test_goals_browser_edits_the_message_in_place(bot: Harness) -> None:
    (sent,) = await bot.say("/goals", lang="fi")
    assert callback_data(sent) == ["g:1", "g:2", "g:3", "g:4"]
    (edited,) = await bot.press("g:3")
    assert bot.request.of("editMessageText") == [edited]
    assert "3 Demokratiaa puolustavat" in edited["text"]
    assert "Mitä valtuutetut ja virkahenkilöt voivat tehdä" in edited["text"]
    assert callback_data(edited) == ["g:2", "m:goals", "g:4"]
    (edited,) = await bot.press("g:4")
    assert callback_data(edited) == ["g:3", "m:goals"]
    (edited,) = await bot.press("m:goals")
    assert callback_data(edited) == ["g:1", "g:2", "g:3", "g:4"]
    assert len(bot.request.of("answerCallbackQuery")) == 1


async def test_goal_command_jumps_to_one_goal_and_explains_bad_numbers(bot: Harness) -> None:
    (sent,) = await bot.say("/goal 4", lang="sv")
    assert "4 Kommuner och välfärdsområden som känner till" in sent["text"]
    (sent,) = await bot.say("/goal 7", lang="sv")
    assert sent["text"] == "Skriv målets nummer 1–4, till exempel /goal 2."


async def test_free_text_is_answered_in_its_language_with_follow_ups(bot: Harness) -> None:
    (sent,) = await bot.say("Borde föreningar få använda kommunens lokaler gratis?", lang="fi")
    assert "kostnadsfria resurser" in sent["text"] and sent["parse_mode"] == "HTML"
    assert "e:goal-1" in callback_data(sent)
    assert_safe_html(sent["text"])
    (sent,) = await bot.press("e:goal-1")
    assert "1 Kommuner och välfärdsområden som blickar framåt" in sent["text"]


async def test_the_conversation_language_sticks_through_short_messages(bot: Harness) -> None:
    await bot.say("Vad säger KANE om demokratifostran?", lang="fi")
    (sent,) = await bot.say("tack", lang="fi")
    assert sent["text"] == "Varsågod! Fråga gärna mer."


async def test_html_in_questions_is_never_reflected_as_markup(bot: Harness) -> None:
    for text in ["<b>mikä on KANE</b><script>x</script>", "<a href='x'>tavoite 2</a>", "&lt;i&gt; Hur lagar man mat?"]:
        for sent in await bot.say(text):
            assert_safe_html(sent["text"])
            assert "<script" not in sent["text"]


async def test_language_button_sets_an_explicit_choice_that_survives_a_restart(
    tmp_path: Path, assistant: Assistant
) -> None:
    db = tmp_path / "kanebot.sqlite3"
    harness = await started(db, assistant)
    (sent,) = await harness.say("/language", lang="fi")
    assert callback_data(sent) == ["l:fi", "l:sv"]
    sent_after_press = await harness.press("l:sv")
    assert sent_after_press[0]["text"] == "Okej, nu svarar jag på svenska."
    await stopped(harness)

    restarted = await started(db, assistant)
    (sent,) = await restarted.say("Miten kunta voisi keventää avustusten byrokratiaa?", lang="fi")
    assert "Kommunerna och välfärdsområdena tar fram tillräckliga resurser" in sent["text"]
    await stopped(restarted)


@pytest.mark.parametrize("data", ["g:9", "g:x", "e:goal-9.action-1", "x:1", "m:delete", "l:en", "", "g:" + "1" * 80])
async def test_forged_or_stale_callback_data_gets_a_polite_answer(bot: Harness, data: str) -> None:
    sent = await bot.press(data)
    assert sent == []
    (answer,) = bot.request.of("answerCallbackQuery")
    assert answer["text"].startswith("Tämä painike ei ole enää käytössä") and answer["show_alert"] is True


async def test_inline_mode_offers_goal_cards_in_the_language_of_the_words(bot: Harness) -> None:
    bot.request.clear()
    await bot.send(bot.updates.inline("mål 3", lang="fi"))
    (answer,) = bot.request.of("answerInlineQuery")
    results = answer["results"]
    assert [r["id"] for r in results] == ["goal-3:sv"]
    assert (
        "3 Kommuner och välfärdsområden som försvarar demokrati" in results[0]["input_message_content"]["message_text"]
    )
    bot.request.clear()
    await bot.send(bot.updates.inline("", lang="sv"))
    (answer,) = bot.request.of("answerInlineQuery")
    assert [r["id"] for r in answer["results"]] == ["goal-1:sv", "goal-2:sv", "goal-3:sv", "goal-4:sv"]
    bot.request.clear()
    await bot.send(bot.updates.inline("avustusten byrokratia", lang="sv"))
    (answer,) = bot.request.of("answerInlineQuery")
    assert answer["results"][0]["id"] == "goal-1.action-2:fi"


async def test_in_groups_only_mentions_replies_and_commands_are_answered(bot: Harness) -> None:
    group: dict[str, Any] = {"chat_id": -100, "chat_type": "supergroup"}
    assert await bot.say("Mikä on KANE?", **group) == []
    (sent,) = await bot.say(f"@{BOT_USER['username']} Mikä on KANE?", **group)
    assert "KANE on oikeusministeriön yhteydessä" in sent["text"]
    (sent,) = await bot.say("entä tavoite 2?", reply_to_bot=True, **group)
    assert "2 Ihmisistä välittävät" in sent["text"]
    (sent,) = await bot.say(f"/goals@{BOT_USER['username']}", **group)
    assert callback_data(sent) == ["g:1", "g:2", "g:3", "g:4"]


async def test_command_menus_are_registered_in_finnish_and_swedish(bot: Harness) -> None:
    # post_init ran in the fixture; the calls were recorded before the first clear.
    harness_calls = [c for c in bot.request.calls if c.method == "setMyCommands"]
    codes = {call.params.get("language_code") for call in harness_calls}
    assert {"fi", "sv"} <= codes
    swedish = next(call for call in harness_calls if call.params.get("language_code") == "sv")
    assert {"command": "goals", "description": "KANE:s fyra mål"} in [
        c if isinstance(c, dict) else c.to_dict() for c in swedish.params["commands"]
    ]


async def test_non_text_messages_get_a_polite_note(bot: Harness) -> None:
    bot.request.clear()
    await bot.send(bot.updates.sticker(lang="sv"))
    (sent,) = bot.request.of("sendMessage")
    assert sent["text"] == "Jag förstår bara text. Skriv din fråga som ett meddelande."


async def test_a_flood_from_one_user_is_throttled_without_affecting_others(bot: Harness) -> None:
    replies = [await bot.say("tavoite 1", user_id=7, pace=0.1) for _ in range(9)]
    assert "Hetkinen" in replies[-1][0]["text"]
    (other,) = await bot.say("tavoite 1", user_id=8)
    assert "1 Tulevaisuuteen katsovat" in other["text"]


async def test_an_internal_error_is_logged_and_the_user_told_politely(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await bot.app.post_shutdown(bot.app)  # type: ignore[misc]
    with caplog.at_level(logging.ERROR, logger="kanebot.errors"):
        sent = await bot.say("Mikä on KANE?")
    assert sent[-1]["text"].startswith("Pahoittelen, jokin meni vikaan")
    assert any("failed" in record.getMessage() for record in caplog.records)
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


async def test_a_telegram_error_while_sending_does_not_crash_the_bot(bot: Harness) -> None:
    bot.request.fail_methods.add("sendMessage")
    await bot.say("Mikä on KANE?")  # the error handler cannot send either; nothing escapes
    bot.request.fail_methods.clear()
    (sent,) = await bot.say("Mikä on KANE?")
    assert "KANE" in sent["text"]


async def test_unanswered_questions_gathered_in_memory_are_written_at_shutdown(
    tmp_path: Path, assistant: Assistant
) -> None:
    db = tmp_path / "kanebot.sqlite3"
    harness = await started(db, assistant)
    await harness.say("Mikä on paras pullaresepti?")
    await stopped(harness)

    restarted = await started(db, assistant)
    rows = await restarted.app.services.stores.stats.unanswered(None)
    assert [row[4] for row in rows] == ["Mikä on paras pullaresepti?"]
    await stopped(restarted)


async def test_many_unanswered_questions_are_written_without_waiting_for_the_minute(bot: Harness) -> None:
    for n in range(UNANSWERED_BATCH):
        await bot.say(f"Mikä on paras pullaresepti numero {n}?", user_id=5000 + n)
    row = await bot.app.services.stores.database.fetch_one("SELECT COUNT(*) FROM unanswered")
    assert row is not None and row[0] == UNANSWERED_BATCH
