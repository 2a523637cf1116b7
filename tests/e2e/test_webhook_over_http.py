"""`kanebot run --webhook` over HTTP: PTB's webhook server takes Telegram's calls only with the secret token."""

from __future__ import annotations

import contextlib
import itertools
import socket
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.e2e.conftest import HOST, IMAGE_RUN, REPLY_SECONDS, Seen, Webhook, seen, wait_for

pytestmark = pytest.mark.e2e
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_update_ids = itertools.count(1)


def message_update(user_id: int, language_code: str, text: str) -> dict[str, Any]:
    person = {"id": user_id, "is_bot": False, "first_name": "Sven", "language_code": language_code}
    return {
        "update_id": next(_update_ids),
        "message": {
            "message_id": next(_update_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Sven"},
            "from": person,
            "text": text,
        },
    }


def deliver(hook: Webhook, update: dict[str, Any], secret: str | None) -> int:
    """Post one update to the bot's webhook server as Telegram would; the HTTP status it answered."""
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    response = httpx.post(hook.url, json=update, headers=headers, timeout=REPLY_SECONDS, trust_env=False)
    return response.status_code


def replies(hook: Webhook, chat_id: int, count: int) -> list[Seen]:
    """Wait (bounded) until the bot has sent ``count`` messages to ``chat_id``; all it sent by then."""
    received: list[Seen] = []

    def enough() -> list[Seen] | None:
        records = hook.pair.post("/getUpdates", {"token": hook.pair.token, "chatId": chat_id})
        received.extend(seen(record) for record in records)
        return received if len(received) >= count else None

    return wait_for(enough, REPLY_SECONDS, f"{count} bot message(s) in chat {chat_id}", hook.pair.diagnostics)


def test_a_question_delivered_with_the_secret_is_answered_in_the_askers_language(webhook: Webhook) -> None:
    update = message_update(720001, "sv", "Borde föreningar få använda kommunens lokaler gratis?")
    assert deliver(webhook, update, webhook.secret) == 200
    (answer,) = replies(webhook, 720001, 1)
    assert "kostnadsfria resurser" in answer.text
    assert answer.raw["parse_mode"] == "HTML"


def test_calls_without_the_right_secret_are_refused_and_never_answered(webhook: Webhook) -> None:
    forged = message_update(720002, "fi", "Mikä on tavoite 1?")
    assert deliver(webhook, forged, None) == 403
    assert deliver(webhook, forged, "not-the-secret") == 403
    # The same person's next, genuine message is answered, and it is the only thing the bot sent them (updates are
    # handled in order, so an answer to a forged call would have come first).
    assert deliver(webhook, message_update(720002, "fi", "Mikä on tavoite 2?"), webhook.secret) == 200
    (answer,) = replies(webhook, 720002, 1)
    assert "demokratiakasvatukseen" in answer.text
    log = webhook.pair.bot.stderr() + webhook.pair.bot.stdout()
    assert webhook.pair.token not in log and webhook.secret not in log


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def raw_request(hook: Webhook, headers: dict[str, str], body: bytes = b"") -> bytes:
    """Send a request's headers (and ``body``) over a plain socket; what the server answered before closing."""
    url = urlsplit(hook.url)
    lines = [
        f"POST {url.path} HTTP/1.1",
        f"Host: {url.hostname}:{url.port}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    with socket.create_connection((url.hostname or HOST, url.port or 80), timeout=REPLY_SECONDS) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        answer = b""
        with contextlib.suppress(OSError):
            while chunk := connection.recv(65536):
                answer += chunk
    return answer


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the bot's memory from /proc")
def test_a_huge_post_without_the_secret_is_refused_before_its_body_is_read(webhook: Webhook) -> None:
    if IMAGE_RUN:
        pytest.skip("reads the memory of the checkout's process")
    pid = webhook.pair.bot.popen.pid
    before = rss_kib(pid)
    for _ in range(6):
        started = time.monotonic()
        # Only the headers are sent: the answer must come without the 95 MB announced.
        answer = raw_request(webhook, {"Content-Type": "application/json", "Content-Length": str(95 * 2**20)})
        assert answer.startswith(b"HTTP/1.1 403"), answer[:200]
        assert time.monotonic() - started < 2.0
    with_secret = {"Content-Type": "application/json", "Content-Length": str(2 * 2**20), SECRET_HEADER: webhook.secret}
    assert raw_request(webhook, with_secret).startswith(b"HTTP/1.1 413")  # over the limit, even with the secret
    assert rss_kib(pid) - before < 20_000  # KiB: nothing of the bodies was kept


def test_a_body_that_trickles_in_is_cut_off(webhook: Webhook) -> None:
    started = time.monotonic()
    headers = {"Content-Type": "application/json", "Content-Length": "1000", SECRET_HEADER: webhook.secret}
    answer = raw_request(webhook, headers, b'{"update_id": 1')  # and then nothing more
    took = time.monotonic() - started
    assert not answer.startswith(b"HTTP/1.1 200")
    assert took < 15.0, f"the server waited {took:.0f} s for a body"
