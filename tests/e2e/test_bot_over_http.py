"""The real `kanebot run` process over HTTP against a Bot API emulator: what a Finnish and a Swedish user see."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.e2e.conftest import BOT_ID, E2E, REPLY_SECONDS, Seen, kanebot_command, seen, wait_for

pytestmark = pytest.mark.e2e


class User:
    """A Telegram user in a private chat with the bot, driven through the emulator's client API."""

    def __init__(self, e2e: E2E, user_id: int, first_name: str, language_code: str) -> None:
        self.e2e = e2e
        self.person = {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": language_code}
        self.chat = {"id": user_id, "type": "private", "first_name": first_name}
        self.inbox: list[Seen] = []
        self.mark = 0  # inbox[mark:] arrived after the last thing this user did

    def send(self, text: str) -> None:
        self.receive()
        self.mark = len(self.inbox)
        message: dict[str, Any] = {
            "botToken": self.e2e.token,
            "from": self.person,
            "chat": self.chat,
            "date": int(time.time()),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
            self.e2e.post("/sendCommand", message)
        else:
            self.e2e.post("/sendMessage", message)

    def press(self, message: Seen, data: str) -> None:
        assert data in message.callback_data, f"no button {data!r} under {message}"
        self.receive()
        self.mark = len(self.inbox)
        shown = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": self.chat,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Test First name", "username": "TestNameBot"},
            "text": message.text,
        }
        self.e2e.post(
            "/sendCallback", {"botToken": self.e2e.token, "from": self.person, "message": shown, "data": data}
        )

    def receive(self) -> list[Seen]:
        """New bot messages in this chat (the emulator hands each out once)."""
        records = self.e2e.post("/getUpdates", {"token": self.e2e.token, "chatId": self.chat["id"]})
        new = [seen(record) for record in records]
        self.inbox.extend(new)
        return new

    def since_last_action(self) -> list[Seen]:
        return self.inbox[self.mark :]

    def current(self, message: Seen) -> Seen:
        """The message as the user sees it now, edits included."""
        history = self.e2e.post("/getUpdatesHistory", {"token": self.e2e.token})
        for record in history:
            body = record.get("message") or {}
            if body.get("chat_id") is not None and (int(record["messageId"]), int(body["chat_id"])) == (
                message.message_id,
                message.chat_id,
            ):
                return seen(record)
        raise AssertionError(f"message {message.message_id} is gone from the chat\n{self.e2e.diagnostics()}")

    def expect(self, predicate: Callable[[Seen], bool], what: str) -> Seen:
        """The first message since this user's last action for which `predicate` holds; waits a bounded time."""

        def arrived() -> Seen | None:
            self.receive()
            return next((message for message in self.since_last_action() if predicate(message)), None)

        return wait_for(arrived, REPLY_SECONDS, f"{what} (received: {self.since_last_action()})", self.e2e.diagnostics)

    def expect_text(self, fragment: str) -> Seen:
        return self.expect(lambda message: fragment in message.text, f"a message containing {fragment!r}")


def assert_no_bot_errors(e2e: E2E) -> None:
    errors = e2e.bot_errors()
    assert not errors, "the bot logged errors:\n" + "\n".join(errors) + "\n" + e2e.diagnostics()


def test_a_finnish_and_a_swedish_user_are_greeted_and_answered_in_their_own_language(e2e: E2E) -> None:
    aino = User(e2e, 710001, "Aino", "fi")
    sven = User(e2e, 710002, "Sven", "sv")

    aino.send("/start")
    sven.send("/start")
    greeting_fi = aino.expect_text("Hei! Olen KANE-botti")
    greeting_sv = sven.expect_text("Hej! Jag är KANE-botten")
    assert "Hej! Jag är KANE-botten" not in greeting_fi.text
    assert "Hei! Olen KANE-botti" not in greeting_sv.text
    assert {"l:fi", "l:sv", "m:goals", "m:contact"} <= set(greeting_fi.callback_data)

    aino.send("Miten kunta voisi keventää avustusten byrokratiaa?")
    sven.send("Borde föreningar få använda kommunens lokaler gratis?")
    answer_fi = aino.expect_text("avustuskäytäntönsä")
    answer_sv = sven.expect_text("kostnadsfria resurser")
    assert answer_fi.raw["parse_mode"] == answer_sv.raw["parse_mode"] == "HTML"  # users see formatting, not tags
    assert answer_fi.chat_id == 710001 and answer_sv.chat_id == 710002
    assert_no_bot_errors(e2e)


def test_goals_buttons_open_a_goal_card_in_place(e2e: E2E) -> None:
    aino = User(e2e, 710003, "Aino", "fi")

    aino.send("/goals")
    goals = aino.expect(lambda message: bool(message.callback_data), "the goals menu with buttons")
    assert goals.callback_data == ["g:1", "g:2", "g:3", "g:4"]

    aino.press(goals, "g:2")
    target = "2 Ihmisistä välittävät kunnat"

    def shown() -> tuple[str, Seen] | None:
        edited = aino.current(goals)
        if target in edited.text:
            return "edited", edited
        aino.receive()
        sent = next((message for message in aino.since_last_action() if target in message.text), None)
        return ("sent", sent) if sent is not None else None

    how, card = wait_for(shown, REPLY_SECONDS, f"goal 2 after pressing g:2 ({aino.inbox})", e2e.diagnostics)
    assert how == "edited", f"the card arrived as a new message instead of replacing the menu: {card}"
    assert card.callback_data == ["g:1", "m:goals", "g:3"]
    assert aino.since_last_action() == []  # browsing does not add messages to the chat
    assert_no_bot_errors(e2e)


def test_the_running_bot_passes_its_health_check_and_never_logs_its_token(e2e: E2E) -> None:
    env = {**os.environ, "KANEBOT_DB": str(e2e.db)}

    def healthy() -> bool | None:
        command = kanebot_command(e2e.db.parent, "health")
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=30, check=False)
        return True if result.returncode == 0 else None

    # The first heartbeat is written as soon as the job queue runs; the bot started a moment ago.
    wait_for(healthy, REPLY_SECONDS, "kanebot health to pass", e2e.diagnostics)
    assert e2e.token not in e2e.bot.stderr() and e2e.token not in e2e.bot.stdout()
