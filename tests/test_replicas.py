"""Several replicas on one PostgreSQL database agree (issue #14, item 2): two applications in this process, each
with its own connections, as two `kanebot run` processes would have. Nothing one keeps in memory outlives the
other's change, each card is sent once, a chat's updates are handled in order whichever replica receives them,
jobs run in one replica, fair use is one share for all, and edits reach every replica within seconds.

(The same with two real processes behind a proxy, one of them killed: tests/e2e/test_replicas.py.)"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from bot.assistant import Assistant
from bot.storage.inbox import Kept
from bot.storage.profiles import Profile
from bot.storage.stores import Stores
from handlers.common.outbox import CHATS_AT_ONCE, deliver
from handlers.common.services import THROTTLE_MESSAGES
from tests.conftest import KNOWLEDGE
from tests.engines import fresh_postgres
from tests.telegram_offline import to_update
from tests.test_editing import edit_contact
from tests.test_handoff import OFFICIAL_CHAT, contact_assistant
from tests.test_officials import ADMIN, ASSOCIATION, OFFICIAL, invite, start, texts
from tests.test_telegram import Harness, stopped

__all__ = ["contact_assistant"]  # the fixture, shared with the hand-over tests
T = TypeVar("T")
HEARD_SECONDS = 10.0  # a change made in one replica is seen in the other within this


async def eventually(check: Callable[[], Awaitable[T | None]], what: str, seconds: float = HEARD_SECONDS) -> T:
    deadline = time.monotonic() + seconds
    while True:
        found = await check()
        if found is not None and found is not False:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds:.0f} s: {what}")
        await asyncio.sleep(0.02)


@pytest.fixture
async def database() -> AsyncIterator[str]:
    async with fresh_postgres() as url:
        yield url


@pytest.fixture
async def two_stores(database: str) -> AsyncIterator[tuple[Stores, Stores]]:
    """The stores of two replicas on one database, each with its own connections."""
    first, second = await Stores.open(database), await Stores.open(database)
    yield first, second
    await first.close()
    await second.close()


async def pair(url: str, assistant: Assistant, knowledge: Path = KNOWLEDGE) -> tuple[Harness, Harness]:
    """Two replicas on one database, their update processors running, numbering updates as one Telegram would."""
    first = await start(url, assistant, knowledge)
    second = await start(url, assistant, knowledge)
    second.updates = first.updates
    second.now = first.now
    second.app.services.throttle.clock = first.app.services.throttle.clock  # one clock for both (the harness's)
    return first, second


async def through_queue(harness: Harness, data: dict[str, Any]) -> None:
    """Deliver an update as the webhook does (kept in the inbox, then handled in its turn) and wait until it is."""
    update = to_update(data, harness.app.bot)
    await harness.app.update_queue.put(update)
    inbox = harness.app.services.stores.inbox

    async def handled() -> bool:
        return await inbox.kept(update.update_id) is Kept.HANDLED

    await eventually(handled, f"update {update.update_id} handled")


async def running(*harnesses: Harness) -> None:
    for harness in harnesses:
        await harness.app.start()


async def stop(*harnesses: Harness) -> None:
    for harness in harnesses:
        if harness.app.running:
            await harness.app.stop()
        await stopped(harness)


async def test_a_profile_erased_in_one_replica_is_never_written_back_by_the_other(
    database: str, assistant: Assistant
) -> None:
    first, second = await pair(database, assistant)
    await running(first, second)
    try:
        updates = first.updates
        await through_queue(first, updates.message("Keneen otamme yhteyttä Porissa avustuksista?", user_id=5))
        await through_queue(first, updates.press("r:609", user_id=5))  # remember Pori
        assert (await first.app.services.stores.profiles.get(5)).municipality == "609"
        # Even before the first replica hears of the erasure (an announcement can come late), its next turn for the
        # person reads the profile again.
        first.app.services.stores.profiles.changed_elsewhere = lambda user_id: None  # type: ignore[method-assign]
        await through_queue(second, updates.message("/forget", user_id=5))
        first.request.clear()
        # The same person's next question reaches the first replica, which had Pori in memory.
        await through_queue(first, updates.message("Keneen otamme yhteyttä tiloista?", user_id=5))
        (reply,) = first.request.calls_for("sendMessage")
        assert "Pori" not in str(reply["text"]) and "Missä kunnassa" in str(reply["text"])
        stored = await second.app.services.stores.database.fetch_one(
            "SELECT municipality FROM profiles WHERE user_id = ?", (5,)
        )
        assert stored is None or stored[0] is None
    finally:
        await stop(first, second)


async def test_a_profile_change_is_told_to_the_other_replica(two_stores: tuple[Stores, Stores]) -> None:
    first, second = two_stores
    await first.profiles.save(Profile(7, explicit_lang="sv"))
    assert (await second.profiles.get(7)).explicit_lang == "sv"  # now in the second's memory
    await first.profiles.save(Profile(7, explicit_lang="fi"))

    async def heard() -> bool:
        return second.profiles.cached(7) is None

    await eventually(heard, "the second replica drops its copy")
    assert (await second.profiles.get(7)).explicit_lang == "fi"


async def test_two_replicas_delivering_at_once_send_each_card_once_and_each_chats_in_order(
    database: str, contact_assistant: Assistant
) -> None:
    CARDS, CHATS = 48, 2 * CHATS_AT_ONCE
    first, second = await pair(database, contact_assistant)
    try:
        stores = first.app.services.stores
        async with stores.database.transaction() as transaction:
            ticket = await transaction.fetch_one(
                "INSERT INTO tickets (user_id, chat_id, municipality, area_kind, area_id, topic, lang, question, "
                "status, created_at, updated_at) VALUES (1, 1, '837', 'municipality', '837', 'general', 'fi', 'q', "
                "'queued', 0, 0) RETURNING id"
            )
            assert ticket is not None
            for number in range(CARDS):
                await transaction.execute(
                    "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt, created_at) "
                    "VALUES (?, 'card', ?, ?, 0, 0)",
                    (ticket[0], OFFICIAL_CHAT - number % CHATS, f"Kortti {number}"),
                )
        for harness in (first, second):  # Telegram answers slowly: the rounds overlap all the way
            harness.request.clear()
            harness.request.answer_after.update({OFFICIAL_CHAT - n: 0.02 for n in range(CHATS)})
        sent = await asyncio.gather(
            deliver(first.app.bot, stores.tickets), deliver(second.app.bot, second.app.services.stores.tickets)
        )
        # Both delivered (a replica sends a few chats at once; the other takes the rest), together each card once.
        assert sum(sent) == CARDS and min(sent) > 0, sent
        texts_sent = first.request.sent_texts() + second.request.sent_texts()
        assert sorted(texts_sent) == sorted(f"Kortti {n}" for n in range(CARDS))
        for chat in range(CHATS):  # each chat's cards in the order they were queued, whichever replica sent them
            rows = await stores.database.fetch_all(
                "SELECT sent_at FROM outbox WHERE chat_id = ? ORDER BY id", (OFFICIAL_CHAT - chat,)
            )
            times = [row[0] for row in rows]
            assert times == sorted(times), f"chat {OFFICIAL_CHAT - chat}: sent out of order"
    finally:
        await stop(first, second)


async def test_a_chats_updates_are_handled_in_order_whichever_replica_receives_them(
    database: str, assistant: Assistant
) -> None:
    first, second = await pair(database, assistant)
    await running(first, second)
    try:
        updates = first.updates
        held = asyncio.Event()
        first.request.held[5] = held  # the first replica's reply to this chat is slow to go out
        one = to_update(updates.message("tavoite 1", user_id=5), first.app.bot)
        two = to_update(updates.message("tavoite 2", user_id=5), second.app.bot)
        await first.app.update_queue.put(one)
        await eventually(lambda: _true(5 in first.request.waiting), "the first reply waiting on Telegram")
        await second.app.update_queue.put(two)  # meanwhile the next message reaches the other replica
        await asyncio.sleep(0.3)
        assert second.request.of("sendMessage") == [], "the second message was answered before the first"
        held.set()
        await through_queue(second, updates.message("tavoite 3", user_id=5))
        answered = [
            str(m["text"]).removeprefix("<b>")[:2]
            for m in first.request.of("sendMessage") + second.request.of("sendMessage")
        ]
        assert answered == ["1 ", "2 ", "3 "]  # the first replica's one reply, then the second's two
    finally:
        await stop(first, second)


async def _true(value: bool) -> bool:
    return value


async def test_an_update_a_gone_replica_received_is_handled_once_by_another(
    database: str, assistant: Assistant
) -> None:
    first, second = await pair(database, assistant)
    try:
        update = to_update(first.updates.message("Mikä on tavoite 2?", user_id=42), first.app.bot)
        await first.app.update_queue.put(update)  # kept, confirmed to Telegram, and then the replica dies
        await stop(first)
        await second.app.start()
        taken = await second.app.update_queue.replay(second.app.bot, older_than=0)  # type: ignore[attr-defined]
        assert taken == [update.update_id]
        inbox = second.app.services.stores.inbox

        async def handled() -> bool:
            return await inbox.kept(update.update_id) is Kept.HANDLED

        await eventually(handled, "the gone replica's update handled")
        assert len(second.request.of("sendMessage")) == 1
        # Telegram, never told it arrived, sends it again to the other replica: not handled twice.
        await second.app.update_queue.put(update)
        await asyncio.sleep(0.2)
        assert len(second.request.of("sendMessage")) == 1
    finally:
        await stop(second)


async def test_a_scheduled_job_runs_in_one_replica_once_per_period(two_stores: tuple[Stores, Stores]) -> None:
    first, second = two_stores
    ran: list[str] = []

    def job(name: str) -> Callable[[], Awaitable[None]]:
        async def work() -> None:
            ran.append(name)
            await asyncio.sleep(0.2)

        return work

    done = await asyncio.gather(
        first.jobs.run_if_due("retention", 86400, job("first")),
        second.jobs.run_if_due("retention", 86400, job("second")),
    )
    assert sorted(done) == [False, True] and len(ran) == 1
    assert not await second.jobs.run_if_due("retention", 86400, job("again"))  # not due for a day
    assert await second.jobs.run_if_due("retention", 0.001, job("later"))
    assert ran[1:] == ["later"]


async def test_knowledge_edits_and_joins_in_one_replica_reach_the_other_within_seconds(
    database: str, tmp_path: Path
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    assistant = Assistant.load(knowledge)
    first, second = await pair(database, assistant, knowledge)
    try:
        await first.say(f"/join {await invite(first, '837')}", user_id=OFFICIAL)

        async def staffed() -> bool:
            return second.app.services.staffed("837")

        await eventually(staffed, "the other replica knows the area has an official")
        await edit_contact(first)

        asking = iter(range(ASSOCIATION, ASSOCIATION + 10_000))  # a new person each time: no one floods

        async def shown() -> bool:
            (route,) = await second.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=next(asking))
            return "avustukset@example.org" in str(route["text"])

        await eventually(shown, "the other replica shows the edited contact")
    finally:
        await stop(first, second)


async def test_fair_use_is_one_share_whichever_replica_receives_the_messages(
    database: str, assistant: Assistant
) -> None:
    first, second = await pair(database, assistant)
    try:
        for number in range(THROTTLE_MESSAGES):
            await (first if number % 2 else second).say(f"tavoite {number % 4 + 1}", pace=0, user_id=77)

        async def counted_in_both() -> bool:
            return all(h.app.services.throttle.seen(77)[0] == THROTTLE_MESSAGES for h in (first, second))

        await eventually(counted_in_both, "both replicas count all of the person's messages")  # within 25 ms or so
        (reminder,) = await first.say("tavoite 1", pace=0, user_id=77)
        assert str(reminder["text"]).startswith("Hetkinen"), reminder

        async def reminded_in_both() -> bool:
            return second.app.services.throttle.seen(77)[1] > float("-inf")

        await eventually(reminded_in_both, "the other replica knows the person was reminded")
        assert await second.say("tavoite 1", pace=0, user_id=77) == []  # reminded once, in the other replica too
        assert texts(await second.say("tavoite 1", pace=0, user_id=ADMIN))  # no one else is held back
    finally:
        await stop(first, second)
