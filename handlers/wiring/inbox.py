"""The update queue that keeps every update in the inbox before it is confirmed to Telegram: polling confirms a
batch when it asks for the next one, after putting each update here; the webhook answers Telegram after putting it
here. A crash before the update is handled loses nothing: it is handled at the next start."""

from __future__ import annotations

import asyncio
import json
import logging

from telegram import Bot, Update

from bot.core.text import valid_text
from bot.storage.inbox import InboxStore

log = logging.getLogger("kanebot.inbox")


class InboxQueue(asyncio.Queue[object]):
    def __init__(self) -> None:
        super().__init__()
        self.store: InboxStore | None = None

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            body = json.dumps(item.to_dict(), ensure_ascii=False)
            valid = valid_text(body)
            if valid != body:  # a lone surrogate (valid JSON) or NUL in it: what the handlers see is made valid
                item = Update.de_json(json.loads(valid), item.get_bot()) or item
            if self.store is not None and not await self._keep(item, valid):
                log.info("update %s was received before; not handled again", item.update_id)
                return
        await super().put(item)

    async def _keep(self, update: Update, body: str) -> bool:
        """Keep the update; False if it was received before."""
        if self.store is None:
            return True
        try:
            return await self.store.receive(update.update_id, body)
        except Exception:  # a failing database must not stop the bot from receiving: handled, not kept
            log.exception("could not keep update %s in the inbox", update.update_id)
            return True

    async def replay(self, bot: Bot) -> list[int]:
        """Queue the updates received but never handled (a crash or a stop came first), oldest first, without
        keeping them again; their ids."""
        if self.store is None:
            return []
        replayed: list[int] = []
        for update_id, body in await self.store.waiting():
            try:
                update = Update.de_json(json.loads(body), bot)
            except (ValueError, TypeError, KeyError):
                log.exception("update %s in the inbox cannot be read; dropped", update_id)
                await self.store.handled(update_id)
                continue
            if update is not None:
                super().put_nowait(update)
                replayed.append(update_id)
        return replayed
