"""How updates are scheduled: different chats side by side, each chat's updates one after another, in order; no
chat can take more than its share of the places; at a stop, what has not begun waits in the inbox."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from handlers.wiring.inbox import chat_of

# At most this many updates are handled at once; updates of all chats together waiting for their turn are bounded by
# MAX_PENDING_UPDATES, and one chat's by MAX_PENDING_PER_CHAT: past it, that chat's updates are dropped (a person
# cannot write that fast; a flood can), so one chat never takes the places every chat shares.
MAX_CONCURRENT_UPDATES = 64
MAX_PENDING_UPDATES = 4096
MAX_PENDING_PER_CHAT = 100
log = logging.getLogger("kanebot.updates")

Done = Callable[[object], Awaitable[None]]
# Runs an update's handling (the coroutine) in its chat's turn, and records it handled.
InTurn = Callable[[object, Awaitable[Any]], Awaitable[None]]


class ChatOrderedUpdates(BaseUpdateProcessor):
    """One chat waiting (Telegram's flood limits hold a busy group's replies back for seconds, or a request is slow)
    must not hold up everyone else; within a chat, a second message must not overtake the first (it may answer a
    question the first one asked, or change the language). ``in_turn`` runs an update's handling (by default it is
    just awaited, then ``on_done`` is told); ``on_done`` is told of every update dropped on purpose (the inbox then
    lets it go). One not begun when the bot stops is neither, and is handled at the next start."""

    def __init__(
        self,
        max_concurrent_updates: int = MAX_CONCURRENT_UPDATES,
        max_pending_updates: int = MAX_PENDING_UPDATES,
        max_pending_per_chat: int = MAX_PENDING_PER_CHAT,
        on_done: Done | None = None,
        in_turn: InTurn | None = None,
    ) -> None:
        # PTB's bound (the semaphore around do_process_update) counts the updates waiting for their chat too.
        super().__init__(max_pending_updates)
        self._working = asyncio.Semaphore(max_concurrent_updates)
        self._per_chat = max_pending_per_chat
        self._on_done = on_done
        self._in_turn = in_turn
        self._accepting = True
        self._running: set[asyncio.Task[Any]] = set()
        # chat → its lock and how many updates hold or wait for it (the entry goes when none do).
        self._chats: dict[int | None, tuple[asyncio.Lock, int]] = {}
        self._dropped: dict[int | None, int] = {}  # chat → updates dropped since it was last caught up

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_of(update)
        lock, users = self._chats.get(key, (asyncio.Lock(), 0))
        if not self._accepting or users >= self._per_chat:
            _close(coroutine)
            if self._accepting:
                if key not in self._dropped:
                    log.warning("a chat has %s updates waiting: its next ones are dropped until it catches up", users)
                self._dropped[key] = self._dropped.get(key, 0) + 1
                await self._done(update)
            return
        self._chats[key] = (lock, users + 1)
        handled = False
        try:
            async with lock, self._working:
                if self._accepting:
                    task = asyncio.current_task()
                    if task is not None:
                        self._running.add(task)
                    try:
                        if self._in_turn is not None:
                            await self._in_turn(update, coroutine)
                        else:
                            await coroutine
                            handled = True
                    except Exception:  # the database failed around it: it waits in the inbox for another try
                        log.exception("update %s could not be handled in its turn", _update_id(update))
                    finally:
                        if task is not None:
                            self._running.discard(task)
        finally:
            lock, users = self._chats[key]
            if users == 1:
                del self._chats[key]
                if key in self._dropped:
                    log.warning("the chat caught up; %s of its updates were dropped", self._dropped.pop(key))
            else:
                self._chats[key] = (lock, users - 1)
            _close(coroutine)
        if handled:
            await self._done(update)

    async def _done(self, update: object) -> None:
        if self._on_done is None:
            return
        try:
            await self._on_done(update)
        except Exception:  # the update was handled; at worst it is handled again after a restart
            log.exception("could not mark update %s handled", _update_id(update))

    async def wind_down(self, grace: float) -> None:
        """Begin nothing new; give what is running ``grace`` seconds, then cancel it (it stays in the inbox)."""
        self._accepting = False
        running = set(self._running)
        if not running:
            return
        _, late = await asyncio.wait(running, timeout=grace)
        for task in late:
            task.cancel()
        if late:
            log.warning("%s update(s) still running at the stop are handled again at the next start", len(late))

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def chats_in_progress(self) -> int:
        return len(self._chats)


def _close(coroutine: Awaitable[Any]) -> None:
    if inspect.iscoroutine(coroutine) and inspect.getcoroutinestate(coroutine) == inspect.CORO_CREATED:
        coroutine.close()  # never started (dropped, or cancelled while waiting its turn): nothing to undo


def _update_id(update: object) -> int | None:
    return update.update_id if isinstance(update, Update) else None
