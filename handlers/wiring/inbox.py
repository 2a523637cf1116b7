"""The update queue that keeps every update in the inbox before it is confirmed to Telegram: polling confirms a
batch when it asks for the next one, after putting each update here; the webhook answers Telegram after putting it
here. A crash before the update is handled loses nothing: it is handled at the next start.

Handling happens in the update's chat's turn (``InboxTurns``): the chat's updates still waiting in the inbox are
handled first, oldest first, whichever replica received them, and an update another replica already handled is not
handled again. With one process this only confirms what the processor's own order gives."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Bot, Update

from bot.core.text import valid_text
from bot.storage.inbox import InboxStore, Kept
from handlers.common.services import Services

log = logging.getLogger("kanebot.inbox")
# An update waiting this long in the inbox without being handled was received by a replica that has gone: another
# takes it (a replica's own backlog is never this long; if it were, the turn would still handle it once).
ORPHAN_SECONDS = 15.0


def chat_of(update: object) -> int | None:
    """The chat an update belongs to; for an inline query (no chat) the person's own id."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None


class InboxQueue(asyncio.Queue[object]):
    def __init__(self) -> None:
        super().__init__()
        self.store: InboxStore | None = None
        self.pending: set[int] = set()  # updates queued here and not yet handled (or dropped)

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            body = json.dumps(item.to_dict(), ensure_ascii=False)
            valid = valid_text(body)
            if valid != body:  # a lone surrogate (valid JSON) or NUL in it: what the handlers see is made valid
                item = Update.de_json(json.loads(valid), item.get_bot()) or item
            if self.store is not None and not await self._keep(item, valid):
                log.info("update %s was received before; not handled again", item.update_id)
                return
            self.pending.add(item.update_id)
        await super().put(item)

    async def _keep(self, update: Update, body: str) -> bool:
        """Keep the update; False if it was received before and needs nothing more from this process."""
        if self.store is None:
            return True
        try:
            if await self.store.receive(update.update_id, body, chat_of(update)):
                return True
            # Received before: Telegram sent it again because the replica that first took it never answered (it
            # was killed). If it is still waiting and not queued here, it is taken here; its turn handles it once.
            return update.update_id not in self.pending and await self.store.kept(update.update_id) is Kept.WAITING
        except Exception:  # a failing database must not stop the bot from receiving: handled, not kept
            log.exception("could not keep update %s in the inbox", update.update_id)
            return True

    async def replay(self, bot: Bot, older_than: float | None = None) -> list[int]:
        """Queue the updates received but never handled, oldest first, without keeping them again: at start, what
        a crash or a stop left (``older_than`` None); later, what a replica that has gone received ``older_than``
        seconds ago or more. Their ids."""
        if self.store is None:
            return []
        if older_than is None:
            stored = await self.store.waiting()
        else:
            stored = await self.store.waiting(received_before=time.time() - older_than)
        replayed: list[int] = []
        for update_id, body in stored:
            if update_id in self.pending:
                continue
            update = parse(update_id, body, bot)
            if update is None:
                await self.store.handled(update_id)
                continue
            self.pending.add(update_id)
            super().put_nowait(update)
            replayed.append(update_id)
        return replayed


def parse(update_id: int, body: str, bot: Bot) -> Update | None:
    try:
        return Update.de_json(json.loads(body), bot)
    except (ValueError, TypeError, KeyError):
        log.exception("update %s in the inbox cannot be read; dropped", update_id)
        return None


class InboxTurns:
    """Handles an update in its chat's turn (``InboxStore.turn``: no other replica handles the chat meanwhile):
    first the chat's older updates still waiting in the inbox (received by another replica that has not got to them,
    or has gone), then the update itself unless another replica has already handled it; each is recorded handled
    before the turn ends. With several replicas the sender's profile is read again first: another replica may have
    changed it a moment ago."""

    def __init__(self, services: Services, queue: InboxQueue) -> None:
        self.services = services
        self.queue = queue
        # The application's bot and process_update, for the updates taken from the inbox (set once it is built).
        self.bot: Bot | None = None
        self.handle: Callable[[Update], Awaitable[None]] | None = None

    async def run(self, update: object, coroutine: Awaitable[Any]) -> None:
        store = self.queue.store
        if store is None or not isinstance(update, Update):
            await coroutine
            await self.done(update)
            return
        key = chat_of(update)
        async with store.turn(key):
            waiting = await store.waiting_in_chat(key, update.update_id) if key is not None else []
            for update_id, body in waiting:
                if update_id < update.update_id:
                    await self._handle_stored(store, update_id, body)
            kept = any(update_id == update.update_id for update_id, _ in waiting)
            if not kept and await store.kept(update.update_id) is Kept.HANDLED:
                self.queue.pending.discard(update.update_id)
                return  # another replica handled it (or this one did, from the inbox)
            await self._fresh(update)
            await coroutine
            await self.done(update)

    async def _handle_stored(self, store: InboxStore, update_id: int, body: str) -> None:
        if self.bot is None or self.handle is None:
            raise RuntimeError("the application has not been built")
        stored = parse(update_id, body, self.bot)
        if stored is not None:
            await self._fresh(stored)
            await self.handle(stored)
        await self.done(stored if stored is not None else update_id)

    async def _fresh(self, update: Update) -> None:
        user = update.effective_user
        if user is not None and self.services.has_stores and self.services.stores.database.shared:
            await self.services.stores.profiles.refresh(user.id)

    async def done(self, update: object) -> None:
        """The update was handled (or dropped on purpose): the inbox lets it go."""
        update_id = update.update_id if isinstance(update, Update) else update if isinstance(update, int) else None
        if update_id is None:
            return
        self.queue.pending.discard(update_id)
        self.services.replayed.discard(update_id)
        if self.queue.store is not None:
            await self.queue.store.handled(update_id)
