"""Nothing lost: text made valid where it enters, batched writes row by row, the database always closed, answers
checked against Telegram's limit before a ticket is marked answered, Telegram's refusals and timeouts handled, and
updates kept in the inbox until handled (issue #13, items 1 and 5)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from bot.assistant import Assistant
from bot.storage.access import hash_code
from bot.storage.database import StorageError
from bot.storage.engines import open_database
from bot.storage.profiles import Profile
from bot.storage.stores import Stores
from handlers.common.outbox import deliver
from handlers.common.services import UNANSWERED_BATCH
from tests.telegram_offline import BOT_USER, to_update
from tests.test_handoff import OFFICIAL_CHAT, ask_and_hand_over, contact_assistant, official_reply, tickets
from tests.test_officials import ADMIN, ASSOCIATION, OFFICIAL, hand_over, invite, start
from tests.test_telegram import Harness, started, stopped

__all__ = ["contact_assistant"]  # the fixture, shared with the hand-over tests
LONE_SURROGATE = "\ud800"
ASKER = 1  # who asks in the hand-over helpers


@pytest.fixture
async def bot(db_target: Path | str, assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await start(db_target, assistant)
    yield harness
    await stopped(harness)


@pytest.fixture
async def card_bot(db_target: Path | str, contact_assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await start(db_target, contact_assistant)
    yield harness
    await stopped(harness)


def no_aiosqlite_thread_left() -> bool:
    """No thread that could keep the process from exiting (aiosqlite's worker is not a daemon by default)."""
    return not [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon and t.is_alive()]


# --- text made valid, batches row by row ------------------------------------------------------------------------


async def test_a_lone_surrogate_in_a_batch_of_unanswered_questions_loses_none_of_them(bot: Harness) -> None:
    for number in range(UNANSWERED_BATCH):
        broken = LONE_SURROGATE if number == 3 else ""
        await bot.say(f"Mikä on paras pullaresepti {number}{broken}?", user_id=6000 + number)
    rows = await bot.app.services.stores.database.fetch_all("SELECT question FROM unanswered ORDER BY id")
    assert len(rows) == UNANSWERED_BATCH
    assert rows[3][0] == "Mikä on paras pullaresepti 3\ufffd?"
    # The connection is not left in a transaction: the next write works.
    await bot.say("Mikä on paras pullaresepti vielä?", user_id=7000)
    assert await bot.app.services.stores.database.fetch_one("SELECT 1") is not None


async def test_a_row_the_database_refuses_is_skipped_alone_and_no_transaction_stays_open(
    db_target: Path | str,
) -> None:
    database = await open_database(db_target)
    async with database.transaction() as transaction:
        failed = await transaction.execute_each(
            "INSERT INTO profiles (user_id, explicit_lang, updated_at) VALUES (?, ?, 0)",
            [(1, "fi"), (2, "no such language"), (3, "sv")],
        )
    assert failed == [1]
    rows = await database.fetch_all("SELECT user_id FROM profiles ORDER BY user_id")
    assert [row[0] for row in rows] == [1, 3]
    await another_process_can_write_at_once(db_target)
    await database.close()


async def another_process_can_write_at_once(target: Path | str) -> None:
    """No lock is left held: SQLite's write lock, or PostgreSQL's locks on the profiles table."""
    if isinstance(target, Path):
        other = sqlite3.connect(target, timeout=0.5)
        other.execute("BEGIN IMMEDIATE")
        other.rollback()
        other.close()
        return
    connection = await asyncpg.connect(target)
    try:
        async with connection.transaction():
            await connection.execute("SET LOCAL lock_timeout = '500ms'")
            await connection.execute("LOCK TABLE profiles IN ACCESS EXCLUSIVE MODE")
    finally:
        await connection.close()


async def test_a_failed_transaction_is_rolled_back_and_releases_the_write_lock(db_target: Path | str) -> None:
    database = await open_database(db_target)

    async def twice() -> None:
        async with database.transaction() as transaction:
            await transaction.execute("INSERT INTO profiles (user_id, updated_at) VALUES (1, 0)")
            await transaction.execute("INSERT INTO profiles (user_id, updated_at) VALUES (1, 0)")

    with pytest.raises((sqlite3.IntegrityError, asyncpg.UniqueViolationError)):
        await twice()
    assert await database.fetch_all("SELECT * FROM profiles") == []
    await another_process_can_write_at_once(db_target)
    await database.close()


async def test_a_flow_state_and_an_invite_code_with_a_lone_surrogate_are_kept_and_hashed(
    db_target: Path | str,
) -> None:
    stores = await Stores.open(db_target)
    flow = {"kind": "local", "step": "fi", "data": {"fi": f"teksti{LONE_SURROGATE}"}}
    await stores.profiles.save(Profile(5, flow=flow))
    stores.profiles.drop_cached(5)
    assert (await stores.profiles.get(5)).flow == {"kind": "local", "step": "fi", "data": {"fi": "teksti\ufffd"}}
    assert hash_code(f"code{LONE_SURROGATE}") == hash_code("code\ufffd")
    await stores.close()


async def test_a_join_code_with_a_lone_surrogate_is_refused_politely(bot: Harness) -> None:
    (sent,) = await bot.say(f"/join abc{LONE_SURROGATE}def", user_id=OFFICIAL)
    assert "Koodi ei kelpaa" in str(sent["text"])


# --- the database always closed ---------------------------------------------------------------------------------


async def test_a_database_that_cannot_be_opened_is_one_clear_error_and_leaves_no_thread(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    with pytest.raises(StorageError, match="cannot open the database"):
        await open_database(tmp_path / "not-a-folder" / "kanebot.sqlite3")
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    with pytest.raises(StorageError, match="cannot open the database"):
        await open_database(folder)
    assert no_aiosqlite_thread_left()


async def test_a_database_failing_at_the_stop_is_still_closed(db_target: Path | str, assistant: Assistant) -> None:
    harness = await started(db_target, assistant)
    await harness.say("Mikä on paras pullaresepti?")  # gathered in memory, written at the stop

    async def disk_full(questions: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    harness.app.services.stores.stats.record_unanswered = disk_full  # type: ignore[method-assign]
    database = harness.app.services.stores.database
    await stopped(harness)  # does not raise, does not hang
    assert not harness.app.services.has_stores
    with pytest.raises((ValueError, asyncpg.InterfaceError), match="closed"):
        await database.fetch_one("SELECT 1")
    assert no_aiosqlite_thread_left()


# --- answers within Telegram's limits; refusals and timeouts ------------------------------------------------------


async def joined(bot: Harness) -> None:
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)


async def test_a_reply_to_a_card_too_long_to_relay_is_refused_and_the_question_stays_open(card_bot: Harness) -> None:
    await joined(card_bot)
    await ask_and_hand_over(card_bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    card = next(r["message_id"] for r in card_bot.request.results("sendMessage") if r["chat"]["id"] == OFFICIAL_CHAT)
    (refused,) = await official_reply(card_bot, "a" * 4090, card, user=OFFICIAL)
    assert "liian pitkä" in str(refused["text"]) and "enintään 40" in str(refused["text"])
    (emoji,) = await official_reply(card_bot, "😀" * 2040, card, user=OFFICIAL)  # 4,080 UTF-16 units, and more
    assert "liian pitkä" in str(emoji["text"])
    assert (await tickets(card_bot))[0][0] == "sent"  # still open: nothing was queued for the association
    rows = await card_bot.app.services.stores.database.fetch_all("SELECT kind FROM outbox")
    assert [row[0] for row in rows] == ["card"]
    relayed = await official_reply(card_bot, "Avustukset haetaan toukokuussa.", card, user=OFFICIAL)
    assert any("Avustukset haetaan toukokuussa." in str(m["text"]) for m in relayed)


async def test_an_answer_telegram_refuses_for_good_is_not_retried(bot: Harness) -> None:
    await joined(bot)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    bot.request.refuse_chats.add(ASSOCIATION)  # "Bad Request": the same request gets the same answer
    await bot.press(f"a:{ticket}", user_id=OFFICIAL)
    await bot.say("Nuorisotilat ovat maksuttomia.", user_id=OFFICIAL)
    row = await bot.app.services.stores.database.fetch_one("SELECT abandoned_at, attempts FROM outbox")
    assert row is not None and row[0] is not None and row[1] == 1
    bot.request.clear()
    await deliver(bot.app.bot, bot.app.services.stores.tickets, everything=True)
    assert bot.request.of("sendMessage") == []


async def test_an_item_failing_for_a_week_is_given_up(bot: Harness) -> None:
    await joined(bot)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    bot.request.fail_chats.add(ASSOCIATION)  # Telegram failing for a moment, again and again
    await bot.press(f"a:{ticket}", user_id=OFFICIAL)
    await bot.say("Nuorisotilat ovat maksuttomia.", user_id=OFFICIAL)
    stores = bot.app.services.stores
    assert (await stores.database.fetch_one("SELECT abandoned_at FROM outbox"))[0] is None  # type: ignore[index]
    async with stores.database.transaction() as transaction:
        await transaction.execute("UPDATE outbox SET created_at = ?", (time.time() - 8 * 86400,))
    await deliver(bot.app.bot, stores.tickets, everything=True)
    assert (await stores.database.fetch_one("SELECT abandoned_at FROM outbox"))[0] is not None  # type: ignore[index]


async def test_a_slow_telegram_gets_the_answer_once(bot: Harness) -> None:
    await joined(bot)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    bot.request.answer_after[ASSOCIATION] = 5.5  # longer than a request waits by default (5 s)
    await bot.press(f"a:{ticket}", user_id=OFFICIAL)
    await bot.say("Nuorisotilat ovat maksuttomia.", user_id=OFFICIAL)
    await deliver(bot.app.bot, bot.app.services.stores.tickets, everything=True)
    sent = [m for m in bot.request.of("sendMessage") if m["chat_id"] == ASSOCIATION]
    assert len(sent) == 1, "the answer Telegram took slowly was sent again"


async def test_the_outbox_is_drained_until_empty_in_one_round(bot: Harness) -> None:
    await joined(bot)
    stores = bot.app.services.stores
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    async with stores.database.transaction() as transaction:
        for number in range(130):
            await transaction.execute(
                "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt) VALUES (?, 'answer', ?, ?, 0)",
                (ticket, 9000 + number, f"Vastaus {number}"),
            )
    bot.request.clear()
    assert await deliver(bot.app.bot, stores.tickets) == 130
    row = await stores.database.fetch_one("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
    assert row is not None and row[0] == 0


# --- exactly once where Telegram allows it ------------------------------------------------------------------------


async def test_an_update_received_but_not_handled_before_a_crash_is_handled_at_the_next_start(
    db_target: Path | str, assistant: Assistant
) -> None:
    db = db_target
    first = await started(db, assistant)
    update = to_update(first.updates.message("Mikä on tavoite 2?", user_id=42), first.app.bot)
    await first.app.update_queue.put(update)  # kept, and Telegram may be told it arrived
    await first.app.update_queue.put(update)  # the same update again (Telegram re-sends what was not confirmed)
    assert first.app.update_queue.qsize() == 1
    await stopped(first)  # the process dies before handling it (nothing drains the queue)

    second = await started(db, assistant)
    await second.app.start()  # the update processor, as `kanebot run` has it
    try:
        async with asyncio.timeout(10):
            while not second.request.of("sendMessage"):  # noqa: ASYNC110 - the offline API signals nothing
                await asyncio.sleep(0.01)
        assert "demokratiakasvatukseen" in str(second.request.of("sendMessage")[0]["text"])
        async with asyncio.timeout(10):
            while await second.app.services.stores.inbox.waiting():  # noqa: ASYNC110 - polled state
                await asyncio.sleep(0.01)
        row = await second.app.services.stores.database.fetch_one("SELECT body, handled_at FROM inbox")
        assert row is not None and row[0] == "" and row[1] is not None  # handled: the text is not kept
        await second.app.update_queue.put(update)  # delivered once more: not handled twice
        await asyncio.sleep(0.2)
        assert len(second.request.of("sendMessage")) == 1
    finally:
        await second.app.stop()
        await stopped(second)


async def test_a_reply_to_a_card_copy_whose_id_was_never_learned_answers_its_ticket(card_bot: Harness) -> None:
    await joined(card_bot)
    await ask_and_hand_over(card_bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    (card,) = [r for r in card_bot.request.results("sendMessage") if r["chat"]["id"] == OFFICIAL_CHAT]
    ticket = (await card_bot.app.services.stores.database.fetch_one("SELECT id FROM tickets"))[0]  # type: ignore[index]
    assert str(card["text"]).startswith(f"Kysymys #{ticket}\n")
    # Someone quoting the card's words in a message of their own does not make it a card.
    forged = card_bot.updates.message("Väärä vastaus.", user_id=OFFICIAL, chat_id=OFFICIAL_CHAT, chat_type="group")
    forged["message"]["reply_to_message"] = {"message_id": 888_888, "date": 0, "chat": forged["message"]["chat"],
                                             "from": {"id": 5, "is_bot": False, "first_name": "X"},
                                             "text": card["text"]}  # fmt: skip
    await card_bot.send(forged)
    assert (await tickets(card_bot))[0][0] == "sent"
    # Telegram stored an earlier copy but its answer never came: the bot does not know that copy's id.
    update = card_bot.updates.message("Vastaus kopioon.", user_id=OFFICIAL, chat_id=OFFICIAL_CHAT, chat_type="group")
    update["message"]["reply_to_message"] = {"message_id": 999_999, "date": 0, "chat": update["message"]["chat"],
                                             "from": BOT_USER, "text": card["text"]}  # fmt: skip
    card_bot.request.clear()
    await card_bot.send(update)
    to_association = [m for m in card_bot.request.of("sendMessage") if m["chat_id"] == ASKER]
    assert len(to_association) == 1 and "Vastaus kopioon." in str(to_association[0]["text"])
    assert await card_bot.app.services.stores.tickets.for_card(OFFICIAL_CHAT, 999_999) is not None


async def test_a_failed_official_reply_is_never_answered_as_a_question(card_bot: Harness) -> None:
    await joined(card_bot)
    await ask_and_hand_over(card_bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    card = next(r["message_id"] for r in card_bot.request.results("sendMessage") if r["chat"]["id"] == OFFICIAL_CHAT)
    card_bot.request.fail_chats.add(OFFICIAL_CHAT)  # the confirmation to the group fails
    await official_reply(card_bot, "Mikä on tavoite 2? Avustukset haetaan toukokuussa.", card, user=OFFICIAL)
    to_group = [str(m["text"]) for m in card_bot.request.of("sendMessage") if m["chat_id"] == OFFICIAL_CHAT]
    assert not any("demokratiakasvatukseen" in text for text in to_group)  # no goals answer was tried
    card_bot.request.fail_chats.clear()
    to_association = [m for m in card_bot.request.of("sendMessage") if m["chat_id"] == ASKER]
    assert any("Avustukset haetaan toukokuussa." in str(m["text"]) for m in to_association)


async def test_a_hand_over_retried_after_an_error_finds_its_ticket(card_bot: Harness) -> None:
    await card_bot.say("Keneen otamme yhteyttä Tampereella avustuksista?")
    card_bot.request.fail_chats.add(ASKER)  # the confirmation does not reach the association
    await card_bot.press("m:handoff")
    card_bot.request.fail_chats.clear()
    again = await card_bot.press("m:handoff")  # they press again, as the error told them to
    assert [str(m["text"])[:27] for m in again if m["chat_id"] == ASKER] == ["Kysymyksesi on jo välitetty"]
    await card_bot.say("Keneen otamme yhteyttä Tampereella avustuksista?")  # or ask again from the start
    third = await card_bot.press("m:handoff")
    assert [str(m["text"])[:27] for m in third if m["chat_id"] == ASKER] == ["Kysymyksesi on jo välitetty"]
    assert len(await tickets(card_bot)) == 1
    cards = [m for m in card_bot.request.calls if m.method == "sendMessage" and m.params["chat_id"] == OFFICIAL_CHAT]
    assert len(cards) <= 1


async def test_an_official_answer_handled_twice_after_a_crash_is_one_answer(bot: Harness) -> None:
    await joined(bot)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    await bot.press(f"a:{ticket}", user_id=OFFICIAL)
    update = bot.updates.message("Nuorisotilat ovat maksuttomia.", user_id=OFFICIAL)
    await bot.send(update)
    profiles = bot.app.services.stores.profiles
    await profiles.save(Profile(OFFICIAL, answering=ticket))  # as if the crash came before "answering" was cleared
    bot.request.clear()
    await bot.send(update)  # the same message, handled again at the next start
    assert [m["chat_id"] for m in bot.request.of("sendMessage")] == [OFFICIAL]
    assert "välitetään kysyjälle" in str(bot.request.of("sendMessage")[0]["text"])
    rows = await bot.app.services.stores.database.fetch_all("SELECT COUNT(*) FROM outbox WHERE kind = 'answer'")
    assert rows[0][0] == 1


async def test_admins_can_still_see_json_free_audit_lines(bot: Harness) -> None:
    await bot.say(f"/revoke {OFFICIAL} 837", user_id=ADMIN)
    await invite(bot, "837")
    (audit,) = await bot.say("/audit", user_id=ADMIN)
    assert "{" not in str(audit["text"]) and "create_invite" in str(audit["text"])
    assert json.dumps({"area": "837"}) not in str(audit["text"])


async def test_an_update_with_a_lone_surrogate_is_made_valid_where_it_enters(
    db_target: Path | str, assistant: Assistant
) -> None:
    harness = await started(db_target, assistant)
    try:
        update = to_update(harness.updates.message(f"Mikä on tavoite 2?{LONE_SURROGATE}", user_id=42), harness.app.bot)
        await harness.app.update_queue.put(update)
        queued = harness.app.update_queue.get_nowait()
        assert isinstance(queued, type(update)) and queued.message is not None
        assert queued.message.text == "Mikä on tavoite 2?\ufffd"
        row = await harness.app.services.stores.database.fetch_one("SELECT body FROM inbox")
        assert row is not None and "\ufffd" in row[0]
    finally:
        await stopped(harness)
