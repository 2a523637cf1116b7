"""Updates through the running application's queue, as polling and the webhook deliver them: a slow chat holds up no
one else, and one chat's messages are answered in the order they were sent."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.assistant import Assistant
from handlers.wiring.app import KaneApplication
from handlers.wiring.updates import ChatOrderedUpdates
from tests.telegram_offline import OfflineRequest, Updates, to_update
from tests.test_telegram import Harness, started, stopped

WAIT_SECONDS = 5.0


async def until(condition: Callable[[], bool], what: str) -> None:
    """Let the application work until ``condition`` holds; bounded in time."""
    try:
        async with asyncio.timeout(WAIT_SECONDS):
            while not condition():  # noqa: ASYNC110 - the offline Bot API records calls; it signals nothing
                await asyncio.sleep(0.005)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


def answered(request: OfflineRequest, chat_id: int) -> list[dict[str, Any]]:
    return [params for params in request.of("sendMessage") if int(params["chat_id"]) == chat_id]


@pytest.fixture
async def running(tmp_path: Path, assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await started(tmp_path / "kanebot.sqlite3", assistant)
    await harness.app.start()  # the update queue and its processor, as `kanebot run` has them (no polling)
    yield harness
    for event in harness.request.held.values():
        event.set()
    await harness.app.stop()
    await stopped(harness)


async def queue(app: KaneApplication, updates: Updates, text: str, user_id: int, lang: str) -> None:
    await app.update_queue.put(to_update(updates.message(text, user_id=user_id, lang=lang), app.bot))


async def answer_held_up(running: Harness, chat_id: int) -> None:
    """Someone in ``chat_id`` asks about goal 1, and Telegram keeps the answer waiting (until the test lets it go)."""
    running.request.held[chat_id] = asyncio.Event()
    await queue(running.app, running.updates, "Mikä on tavoite 1?", chat_id, "fi")
    await until(lambda: running.request.waiting == [chat_id], "the answer to be on its way")


async def test_a_chat_kept_waiting_by_telegram_holds_up_no_one_else(running: Harness) -> None:
    app, request = running.app, running.request
    await answer_held_up(running, 801)
    await queue(app, running.updates, "Vad är mål 2?", 802, "sv")
    await until(lambda: bool(answered(request, 802)), "the second chat's answer")
    assert answered(request, 801) == []  # still waiting, and nobody waited for it
    request.held[801].set()
    await until(lambda: bool(answered(request, 801)), "the first chat's answer once Telegram takes it")
    assert "Tulevaisuuteen katsovat" in answered(request, 801)[0]["text"]


async def test_one_chats_messages_are_answered_in_the_order_they_were_sent(running: Harness) -> None:
    app, request = running.app, running.request
    await answer_held_up(running, 803)
    await queue(app, running.updates, "Mikä on tavoite 3?", 803, "fi")
    await queue(app, running.updates, "Vad är mål 2?", 804, "sv")
    await until(lambda: bool(answered(request, 804)), "another chat's answer")
    assert request.waiting == [803]  # the second message has not overtaken the first
    request.held[803].set()
    await until(lambda: len(answered(request, 803)) == 2, "both answers in the first chat")
    first, second = (params["text"] for params in answered(request, 803))
    assert "Tulevaisuuteen katsovat" in first and "Tulevaisuuteen katsovat" not in second
    processor = app.update_processor
    assert isinstance(processor, ChatOrderedUpdates)
    await until(lambda: processor.chats_in_progress == 0, "every chat's turn to be given back")
