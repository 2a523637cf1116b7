"""How updates are scheduled: different chats side by side, each chat's updates one after another, in order."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# At most this many updates are handled at once; up to MAX_WAITING_UPDATES more may wait for their chat's turn.
MAX_CONCURRENT_UPDATES = 64
MAX_WAITING_UPDATES = 1024


class ChatOrderedUpdates(BaseUpdateProcessor):
    """One chat waiting (Telegram's flood limits hold a busy group's replies back for seconds, or a request is slow)
    must not hold up everyone else; within a chat, a second message must not overtake the first (it may answer a
    question the first one asked, or change the language)."""

    def __init__(
        self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES, max_waiting_updates: int = MAX_WAITING_UPDATES
    ) -> None:
        # PTB's own bound counts updates waiting for their chat too; the working ones are bounded here, after the
        # chat's turn, so that updates queued behind one busy chat do not take the others' places.
        super().__init__(max_concurrent_updates + max_waiting_updates)
        self._working = asyncio.Semaphore(max_concurrent_updates)
        # chat → its lock and how many updates hold or wait for it (the entry goes when none do).
        self._chats: dict[int | None, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_of(update)
        lock, users = self._chats.get(key, (asyncio.Lock(), 0))
        self._chats[key] = (lock, users + 1)
        try:
            async with lock, self._working:
                await coroutine
        finally:
            lock, users = self._chats[key]
            if users == 1:
                del self._chats[key]
            else:
                self._chats[key] = (lock, users - 1)
            if inspect.iscoroutine(coroutine) and inspect.getcoroutinestate(coroutine) == inspect.CORO_CREATED:
                coroutine.close()  # cancelled while waiting its turn (shutdown): never started, nothing to undo

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def chats_in_progress(self) -> int:
        return len(self._chats)


def _chat_of(update: object) -> int | None:
    """The chat an update belongs to; for an inline query (no chat) the person's own id."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
