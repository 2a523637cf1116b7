"""An offline Bot API for tests: a BaseRequest that records every call and answers like Telegram would."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

BOT_USER = {
    "id": 4242,
    "is_bot": True,
    "first_name": "KANE",
    "username": "KaneTestBot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}
TOKEN = "123456789:AAEexampleexampleexampleexampleexa"
HTTPX_READ_TIMEOUT = 5.0  # PTB's HTTPXRequest waits this long for an answer unless told otherwise


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    result: Any = None


@dataclass
class OfflineRequest(BaseRequest):
    calls: list[Call] = field(default_factory=list)
    fail_methods: set[str] = field(default_factory=set)  # Telegram refuses the request (400: for good)
    fail_chats: set[int] = field(default_factory=set)  # Telegram is failing for a moment (502: try again)
    refuse_chats: set[int] = field(default_factory=set)  # Telegram refuses what is sent there (400: for good)
    blocked_by: set[int] = field(default_factory=set)  # people who blocked the bot: Telegram answers 403 for good
    refusals: dict[str, str] = field(default_factory=dict)  # method → Telegram's 400 description ("Bad Request: …")
    # chat → seconds Telegram takes to answer a message it has stored; past the caller's read timeout the caller
    # gets TimedOut (the message was sent all the same), as with a slow Telegram over the network.
    answer_after: dict[int, float] = field(default_factory=dict)
    # A chat whose requests wait until its event is set (a slow or flood-limited chat); `waiting` lists them.
    held: dict[int, asyncio.Event] = field(default_factory=dict)
    waiting: list[int] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(100))

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data is not None else {}
        chat = int(str(params.get("chat_id", 0) or 0))
        if chat in self.held:
            self.waiting.append(chat)
            await self.held[chat].wait()
        if chat in self.fail_chats:
            self.calls.append(Call(api_method, dict(params)))
            return 502, json.dumps({"ok": False, "error_code": 502, "description": "Bad Gateway"}).encode()
        if api_method in self.fail_methods or chat in self.refuse_chats:
            self.calls.append(Call(api_method, dict(params)))
            return 400, json.dumps({"ok": False, "error_code": 400, "description": "Bad Request: test"}).encode()
        if chat in self.blocked_by:
            self.calls.append(Call(api_method, dict(params)))
            refusal = {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}
            return 403, json.dumps(refusal).encode()
        if api_method in self.refusals:
            self.calls.append(Call(api_method, dict(params)))
            return 400, json.dumps({"ok": False, "error_code": 400, "description": self.refusals[api_method]}).encode()
        result = self._result(api_method, params)
        if chat in self.answer_after:
            self.calls.append(Call(api_method, dict(params), result))
            limit = read_timeout if isinstance(read_timeout, (int, float)) else HTTPX_READ_TIMEOUT
            if self.answer_after[chat] > limit:
                await asyncio.sleep(limit)
                raise TimedOut() from httpx.ReadTimeout("read timed out")
            await asyncio.sleep(self.answer_after[chat])
            return 200, json.dumps({"ok": True, "result": result}).encode()
        if api_method != "getMe":
            self.calls.append(Call(api_method, dict(params), result))
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in {"sendMessage", "editMessageText"}:
            chat_id = params.get("chat_id", 1)
            return {
                "message_id": params.get("message_id", next(self._ids)),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "group"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
        if method == "getUpdates":
            return []
        return True

    def results(self, method: str) -> list[Any]:
        return [call.result for call in self.calls if call.method == method and call.result is not None]

    def of(self, method: str) -> list[dict[str, Any]]:
        return [call.params for call in self.calls if call.method == method]

    def sent_texts(self) -> list[str]:
        return [str(params["text"]) for params in self.calls_for("sendMessage", "editMessageText")]

    def calls_for(self, *methods: str) -> list[dict[str, Any]]:
        return [call.params for call in self.calls if call.method in methods]

    def clear(self) -> None:
        self.calls.clear()


class Updates:
    """Builds the JSON of updates the way Telegram sends them."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    def user(self, user_id: int, lang: str | None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"U{user_id}"}
        if lang:
            user["language_code"] = lang
        return user

    def edited(self, text: str, user_id: int = 1, lang: str | None = "fi") -> dict[str, Any]:
        """A message edited after it was sent (Telegram sends it again as edited_message)."""
        update = self.message(text, user_id, lang)
        update["edited_message"] = {**update.pop("message"), "edit_date": int(time.time())}
        return update

    def message(
        self,
        text: str,
        user_id: int = 1,
        lang: str | None = "fi",
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to_bot: bool = False,
    ) -> dict[str, Any]:
        chat_id = chat_id if chat_id is not None else user_id
        message: dict[str, Any] = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type, **({"title": "Yhdistys"} if chat_type != "private" else {})},
            "from": self.user(user_id, lang),
            "text": text,
        }
        entities = []
        if text.startswith("/"):
            entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        mention = "@" + str(BOT_USER["username"])
        if mention in text:
            entities.append({"type": "mention", "offset": text.index(mention), "length": len(mention)})
        if entities:
            message["entities"] = entities
        if reply_to_bot:
            message["reply_to_message"] = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": message["chat"],
                "from": BOT_USER,
                "text": "…",
            }
        return {"update_id": next(self._ids), "message": message}

    def sticker(self, user_id: int = 1, lang: str = "fi") -> dict[str, Any]:
        update = self.message("x", user_id, lang)
        del update["message"]["text"]
        update["message"]["sticker"] = {
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        }
        return update

    def press(self, data: str, user_id: int = 1, lang: str | None = "fi", message_id: int = 77) -> dict[str, Any]:
        return {
            "update_id": next(self._ids),
            "callback_query": {
                "id": str(next(self._ids)),
                "from": self.user(user_id, lang),
                "chat_instance": "ci",
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": user_id, "type": "private"},
                    "from": BOT_USER,
                    "text": "…",
                },
            },
        }

    def inline(self, query: str, user_id: int = 1, lang: str | None = "fi") -> dict[str, Any]:
        return {
            "update_id": next(self._ids),
            "inline_query": {
                "id": str(next(self._ids)),
                "from": self.user(user_id, lang),
                "query": query,
                "offset": "",
            },
        }


def to_update(data: dict[str, Any], bot: Any) -> Update:
    update = Update.de_json(data, bot)
    assert update is not None
    return update
