"""Growth inside one process (issue #13, item 4): /queue pages through an index however long the queue, knowledge
reloads are built off the event loop and swapped in whole, and officials' edits apply in time linear in their
number. (Every query's plan is read in test_query_plans.py; the figures at 1M rows are in bench/bench_growth.py.)"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.assistant import Assistant
from bot.content.edits import Edit, apply_edits
from bot.content.loading import load_all
from bot.core.conversation import PendingRoute
from handlers.officials.commands import QUEUE_SHOWN
from tests.conftest import KNOWLEDGE
from tests.test_officials import ADMIN, ASSOCIATION, OFFICIAL, invite, start
from tests.test_telegram import Harness, callback_data, stopped


@pytest.fixture
async def bot(db_target: Path | str, assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await start(db_target, assistant)
    yield harness
    await stopped(harness)


async def queued(bot: Harness, count: int, area: str = "837") -> None:
    for number in range(count):
        route = PendingRoute(f"Kysymys {area}-{number}?", "grants", area)
        await bot.app.services.stores.tickets.create(ASSOCIATION, ASSOCIATION, route, "municipality", area, "fi",
                                                     None, None)  # fmt: skip


async def test_the_queue_is_read_a_page_at_a_time_oldest_first(bot: Harness) -> None:
    await queued(bot, 2 * QUEUE_SHOWN + 5)
    await queued(bot, 3, area="091")  # another area's questions are not this official's
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    note, *first = await bot.say("/queue", user_id=OFFICIAL)
    assert str(note["text"]).startswith(f"Jonossa on {2 * QUEUE_SHOWN + 5} kysymystä")
    assert len(first) == QUEUE_SHOWN and "Kysymys 837-0?" in str(first[0]["text"])
    following = [d for d in callback_data(first[-1]) if d.startswith("q:")]
    assert len(following) == 1 and all(not any(d.startswith("q:") for d in callback_data(m)) for m in first[:-1])
    second = await bot.press(following[0], user_id=OFFICIAL)
    assert len(second) == QUEUE_SHOWN and f"Kysymys 837-{QUEUE_SHOWN}?" in str(second[0]["text"])
    third = await bot.press(next(d for d in callback_data(second[-1]) if d.startswith("q:")), user_id=OFFICIAL)
    assert [str(m["text"]).split("\n")[-1] for m in third] == [f"Kysymys 837-{n}?" for n in range(40, 45)]
    assert not any(d.startswith("q:") for m in third for d in callback_data(m))
    assert await bot.press(following[0], user_id=ASSOCIATION) != []  # not an official: refused, and told so


async def test_a_queue_longer_than_anyone_counts_says_more_than(bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    import handlers.officials.commands as commands

    monkeypatch.setattr(commands, "QUEUE_COUNTED", 30)
    await queued(bot, 35)
    note, *_ = await bot.say("/queue", user_id=ADMIN)
    assert str(note["text"]).startswith("Jonossa on yli 30 kysymystä")


async def test_a_reload_is_built_off_the_event_loop_and_swapped_in_whole(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_in: list[threading.Thread] = []
    original = Assistant.load

    def load(*args: Any, **kwargs: Any) -> Assistant:
        built_in.append(threading.current_thread())
        time.sleep(0.3)  # a slow build: the event loop must go on meanwhile
        return original(*args, **kwargs)

    monkeypatch.setattr(Assistant, "load", staticmethod(load))
    services = bot.app.services
    before = services.assistant
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    running = asyncio.create_task(ticker())
    assert await services.reload() == []
    running.cancel()
    assert built_in and all(thread is not threading.main_thread() for thread in built_in)
    assert ticks > 5  # the loop served others while the knowledge was built
    assert services.assistant is not before


async def test_reloads_asked_for_at_once_end_with_the_latest_edits(bot: Harness) -> None:
    services = bot.app.services
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    results = await asyncio.gather(*(services.reload() for _ in range(3)))
    assert results == [[], [], []]


def test_edits_apply_in_time_linear_in_their_number() -> None:
    loaded = load_all(KNOWLEDGE)

    def contacts(count: int) -> list[Edit]:
        return [
            Edit(n, "contact", "837", f"topic-{n}", {"area": "837", "topic": f"topic-{n}", "name": {"fi": "x"}},
                 None, 1, 0.0, "live")
            for n in range(count)
        ]  # fmt: skip

    def questions(count: int) -> list[Edit]:
        after = {"lang": "fi", "text": "kysymys"}
        return [Edit(n, "question", None, "goal-1", after, None, 1, 0.0, "approved") for n in range(count)]

    def seconds(edits: list[Edit]) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            apply_edits(loaded, edits)
            best = min(best, time.perf_counter() - started)
        return best

    for make in (contacts, questions):
        small, large = seconds(make(2_000)), seconds(make(16_000))
        # Linear: eight times the edits, about eight times the time; quadratic would be sixty-four.
        assert large < 24 * max(small, 1e-4), (make.__name__, small, large)
    merged = apply_edits(loaded, questions(3))
    assert merged.knowledge.entry("goal-1").questions_fi[-3:] == ("kysymys",) * 3
