"""Handing a question over: stored before anything is sent, posted to the contact's chat, the answer relayed back,
and nothing lost through a restart or a Telegram error."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.storage.access import hash_code
from bot.storage.stores import Stores
from tests.conftest import assistant_with_contact
from tests.telegram_offline import BOT_USER
from tests.test_telegram import Harness, callback_data, started, stopped

OFFICIAL_CHAT = -5001


@pytest.fixture(scope="module")
def contact_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_with_contact(
        tmp_path_factory.mktemp("knowledge") / "knowledge",
        area="837",
        topic="general",
        name={"fi": "Järjestöyhteistyö (testi)", "sv": "Organisationssamarbete (test)"},
        email="jarjestot@example.org",
        telegram_chat=OFFICIAL_CHAT,
    )


@pytest.fixture
async def bot(db_target: Path | str, contact_assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await started(db_target, contact_assistant)
    yield harness
    await stopped(harness)


def stores_of(harness: Harness) -> Stores:
    return harness.app.services.stores


async def tickets(harness: Harness) -> list[tuple[str, str, str]]:
    rows = await stores_of(harness).database.fetch_all("SELECT status, question, area_id FROM tickets ORDER BY id")
    return [(row[0], row[1], row[2]) for row in rows]


async def official_reply(harness: Harness, text: str, card_id: int, user: int = 900) -> list[dict[str, object]]:
    update = harness.updates.message(text, user_id=user, chat_id=OFFICIAL_CHAT, chat_type="group")
    update["message"]["reply_to_message"] = {
        "message_id": card_id,
        "date": 0,
        "chat": update["message"]["chat"],
        "from": BOT_USER,
        "text": "card",
    }
    harness.request.clear()
    await harness.send(update)
    return harness.request.calls_for("sendMessage")


async def ask_and_hand_over(harness: Harness, question: str, lang: str = "fi") -> list[dict[str, object]]:
    (route,) = await harness.say(question, lang=lang)
    assert "m:handoff" in callback_data(route)
    return await harness.press("m:handoff", lang=lang)


async def test_a_question_is_posted_to_the_contact_chat_and_the_answer_relayed(bot: Harness) -> None:
    sent = await ask_and_hand_over(bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    confirmation, card = sent
    assert confirmation["chat_id"] == 1 and "Kysymyksesi on välitetty" in str(confirmation["text"])
    assert card["chat_id"] == OFFICIAL_CHAT and "Keneen otamme yhteyttä Tampereella avustuksista?" in str(card["text"])
    assert await tickets(bot) == [("sent", "Keneen otamme yhteyttä Tampereella avustuksista?", "837")]

    card_id = next(r["message_id"] for r in bot.request.results("sendMessage") if r["chat"]["id"] == OFFICIAL_CHAT)
    # Anyone in the chat can reply to the card, but only the area's officials answer it.
    assert await official_reply(bot, "Vastaan vaikka en ole virkahenkilö", card_id, user=901) == []
    access = bot.app.services.stores.access
    await access.create_invite(hash_code("code-for-900"), "837", None, time.time() + 60)
    assert await access.redeem_invite(hash_code("code-for-900"), 900) == "837"
    relayed = await official_reply(bot, "Avustukset haetaan toukokuussa.", card_id)
    to_association, to_official = relayed  # the answer first: it must not wait for the official's confirmation
    assert to_official["chat_id"] == OFFICIAL_CHAT and "välitetään kysyjälle" in str(to_official["text"])
    assert to_association["chat_id"] == 1 and "Avustukset haetaan toukokuussa." in str(to_association["text"])
    assert (await tickets(bot))[0][0] == "answered"

    again = await official_reply(bot, "Toinen vastaus", card_id)
    assert [m["text"] for m in again] == ["Tähän kysymykseen on jo vastattu."]


async def test_a_reply_to_the_card_of_a_forgotten_question_is_told_it_is_closed(bot: Harness) -> None:
    await ask_and_hand_over(bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    card_id = next(r["message_id"] for r in bot.request.results("sendMessage") if r["chat"]["id"] == OFFICIAL_CHAT)
    access = bot.app.services.stores.access
    await access.create_invite(hash_code("code-for-900"), "837", None, time.time() + 60)
    await access.redeem_invite(hash_code("code-for-900"), 900)
    await official_reply(bot, "Avustukset haetaan toukokuussa.", card_id)
    await bot.say("/forget")
    assert await tickets(bot) == [("answered", "", "837")]  # who asked and what are gone
    # A second official's reply (with their own contact details, say) is not taken as a question from the group.
    again = await official_reply(bot, "Soittakaa minulle: 040 123 4567", card_id, user=900)
    assert [m["text"] for m in again] == ["Tähän kysymykseen on jo vastattu."]


async def test_without_a_contact_chat_the_question_waits_for_the_areas_officials(bot: Harness) -> None:
    access = bot.app.services.stores.access
    await access.create_invite(hash_code("code-for-905"), "905", None, time.time() + 60)
    await bot.say("/join code-for-905", user_id=905)  # an official of Vaasa has joined
    (route,) = await bot.say("Vem kontaktar vi i Vasa om bidrag?", lang="sv")
    assert "tjänstemännen (Vasa (kommun)); deras svar kommer hit" in str(route["text"])
    sent = await bot.press("m:handoff", lang="sv")
    assert [m["chat_id"] for m in sent] == [1]
    assert "väntar på svar" in str(sent[0]["text"]) and "Vaasa" not in str(sent[0]["text"])
    assert await tickets(bot) == [("queued", "Vem kontaktar vi i Vasa om bidrag?", "905")]


async def test_a_telegram_error_while_sending_keeps_the_card_for_a_retry(bot: Harness) -> None:
    bot.request.fail_chats.add(OFFICIAL_CHAT)
    sent = await ask_and_hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    assert "Kysymyksesi on välitetty" in str(sent[0]["text"])
    assert (await tickets(bot))[0][0] == "queued"
    bot.request.fail_chats.clear()
    from handlers.common.outbox import deliver

    ticket_store = stores_of(bot).tickets
    assert await deliver(bot.app.bot, ticket_store) == 0  # backing off: not due yet
    bot.request.clear()
    assert await deliver(bot.app.bot, ticket_store, everything=True) == 1
    (card,) = bot.request.of("sendMessage")
    assert card["chat_id"] == OFFICIAL_CHAT and "tiloista" in str(card["text"])
    assert (await tickets(bot))[0][0] == "sent"


async def test_a_restart_between_storing_and_sending_loses_nothing(
    db_target: Path | str, contact_assistant: Assistant
) -> None:
    db = db_target
    first = await started(db, contact_assistant)
    first.request.fail_chats.add(OFFICIAL_CHAT)  # the card cannot go out before the "crash"
    await ask_and_hand_over(first, "Keneen otamme yhteyttä Tampereella kulttuuritapahtumista?")
    await stopped(first)

    second = await started(db, contact_assistant)  # post_init delivers what is due
    cards = [m for m in second.request.of("sendMessage") if m["chat_id"] == OFFICIAL_CHAT]
    assert len(cards) == 1 and "kulttuuritapahtumista" in str(cards[0]["text"])
    await stopped(second)


async def test_a_clarify_flow_continues_in_telegram_and_survives_a_restart(
    db_target: Path | str, contact_assistant: Assistant
) -> None:
    db = db_target
    first = await started(db, contact_assistant)
    (ask,) = await first.say("Vem kontaktar vi i Åbo?", lang="sv")
    assert "t:premises" in callback_data(ask)
    await stopped(first)
    second = await started(db, contact_assistant)
    (route,) = await second.press("t:premises", lang="sv")
    assert "Rätt instans: Turku" in str(route["text"]) or "Åbo (kommun)" in str(route["text"])
    await stopped(second)


async def test_forged_topic_or_remember_buttons_are_refused(bot: Harness) -> None:
    for data in ("t:grants", "r:999", "m:handoff"):
        sent = await bot.press(data)
        if data == "m:handoff":
            assert "ei ole välitettävää" in str(sent[0]["text"]) or "Minulla ei ole" in str(sent[0]["text"])
        else:
            assert sent == []
            assert bot.request.of("answerCallbackQuery")[0]["show_alert"] is True


async def test_remember_and_forget_the_municipality(bot: Harness) -> None:
    (route,) = await bot.say("Keneen otamme yhteyttä Porissa avustuksista?")
    assert "r:609" in callback_data(route)
    (remembered,) = await bot.press("r:609")
    assert "Muistan nyt kuntanne: Pori" in str(remembered["text"])
    (route,) = await bot.say("Keneen otamme yhteyttä avustuksista?")
    assert "Pori (kunta)" in str(route["text"]) and "/forget" in str(route["text"])
    (forgotten,) = await bot.say("/forget")
    assert "Poistin tallentamani tiedot" in str(forgotten["text"])
    (ask,) = await bot.say("Keneen otamme yhteyttä avustuksista?")
    assert "Missä kunnassa" in str(ask["text"])


async def test_contact_command_starts_the_flow_and_the_next_answers_continue_it(bot: Harness) -> None:
    (ask,) = await bot.say("/contact", lang="sv")
    assert "i vilken kommun er förening verkar" in str(ask["text"])
    (topic_question,) = await bot.say("Vi finns i Vasa", lang="sv")
    assert "t:grants" in callback_data(topic_question)
    (route,) = await bot.press("t:grants", lang="sv")
    assert "Rätt instans: Vasa (kommun)" in str(route["text"])
    sent = await bot.press("m:handoff", lang="sv")
    assert "administratörernas nationella kö" in str(sent[0]["text"])  # no official of Vaasa has joined
    assert await tickets(bot) == [("queued", "Vi finns i Vasa", "905")]


async def test_concurrent_deliveries_send_each_card_once(db_target: Path | str, contact_assistant: Assistant) -> None:
    import asyncio

    from handlers.common.outbox import deliver

    harness = await started(db_target, contact_assistant)
    harness.request.fail_chats.add(OFFICIAL_CHAT)
    await ask_and_hand_over(harness, "Keneen otamme yhteyttä Tampereella kulttuuritapahtumista?")
    harness.request.fail_chats.clear()
    harness.request.clear()
    ticket_store = harness.app.services.stores.tickets
    rounds = asyncio.gather(*(deliver(harness.app.bot, ticket_store, everything=True) for _ in range(3)))
    results = await asyncio.wait_for(rounds, timeout=20)
    assert sorted(results) == [0, 0, 1]
    assert len([m for m in harness.request.of("sendMessage") if m["chat_id"] == OFFICIAL_CHAT]) == 1
    await stopped(harness)


async def test_how_to_apply_is_answered_honestly_and_can_still_be_handed_over(bot: Harness) -> None:
    question_asked = "Miten haemme avustusta Tampereen kaupungilta?"
    (reply,) = await bot.say(question_asked)
    assert bot.app.services.assistant.message("honest_procedure", "fi") in str(reply["text"])
    assert "e:goal-1.action-2" in callback_data(reply) and "m:handoff" in callback_data(reply)
    await bot.press("m:handoff")
    assert [(question, area) for _, question, area in await tickets(bot)] == [(question_asked, "837")]
