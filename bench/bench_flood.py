"""One person floods the bot; how long does someone else wait for their answer? (a script)

    .venv/bin/python bench/bench_flood.py [--flood 2500] [--latency 0.05]

The whole application runs as `kanebot run` has it (the update queue, the chat-ordered update processor, PTB's
rate limiter with Telegram's limits: 30 messages a second in all, 20 a minute per group), over an offline Bot API
that answers each call after ``latency`` seconds, as Telegram over the network would. One account puts ``flood``
messages into the queue at once, then another person asks about goal 1. Printed: how long that person waited for
the answer (target, issue #13: under 1 s), how many messages the bot sent the flooder, and how long it took to work
through the flood. Run it from another checkout to measure that one.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram._utils.defaultvalue import DEFAULT_NONE  # noqa: E402
from telegram._utils.types import ODVInput  # noqa: E402
from telegram.ext import AIORateLimiter  # noqa: E402
from telegram.request import RequestData  # noqa: E402

from bot.assistant import Assistant  # noqa: E402
from bot.core.settings import Settings  # noqa: E402
from handlers.wiring.app import build_application  # noqa: E402
from tests.telegram_offline import TOKEN, OfflineRequest, Updates, to_update  # noqa: E402

FLOODER, OTHER = 111, 222


@dataclass
class SlowRequest(OfflineRequest):
    """The offline Bot API, answering each call after ``latency`` seconds; when each chat was last sent a message."""

    latency: float = 0.05
    sent_at: dict[int, list[float]] = field(default_factory=dict)
    other_answered: asyncio.Event = field(default_factory=asyncio.Event)

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
        if not url.endswith("/getMe"):
            await asyncio.sleep(self.latency)
        result = await super().do_request(url, method, request_data, read_timeout, write_timeout)
        params: dict[str, Any] = request_data.parameters if request_data is not None else {}
        if url.endswith("/sendMessage"):
            self.sent_at.setdefault(int(params["chat_id"]), []).append(time.perf_counter())
            if int(params["chat_id"]) == OTHER:
                self.other_answered.set()
        return result


async def run(flood: int, latency: float) -> None:
    assistant = Assistant.load(ROOT / "knowledge")
    updates = Updates()
    with tempfile.TemporaryDirectory() as folder:
        request = SlowRequest(latency=latency)
        settings = Settings(token=TOKEN, db_path=Path(folder) / "bench.sqlite3", knowledge_dir=ROOT / "knowledge")
        app = build_application(settings, assistant=assistant, request=request, rate_limiter=AIORateLimiter())
        await app.initialize()
        assert app.post_init is not None and app.post_shutdown is not None
        await app.post_init(app)
        await app.start()
        began = time.perf_counter()
        for n in range(flood):
            text = f"Mikä on tavoite {n % 4 + 1}? ({n})"
            await app.update_queue.put(to_update(updates.message(text, user_id=FLOODER), app.bot))
        asked = time.perf_counter()
        await app.update_queue.put(to_update(updates.message("Mikä on tavoite 1?", user_id=OTHER), app.bot))
        await asyncio.wait_for(request.other_answered.wait(), timeout=600)
        waited = request.sent_at[OTHER][0] - asked
        await asyncio.wait_for(app.update_queue.join(), timeout=600)  # every update handled (or dropped)
        stopping = time.perf_counter()
        await asyncio.wait_for(app.stop(), timeout=600)
        drained = time.perf_counter() - began
        stop_took = time.perf_counter() - stopping
        await app.post_shutdown(app)
        await app.shutdown()
    to_flooder = len(request.sent_at.get(FLOODER, []))
    print(f"flood of {flood:,} messages from one person, {latency * 1000:.0f} ms per Bot API call:")
    print(f"  another person's answer came after {waited * 1000:,.0f} ms (target < 1,000 ms)")
    print(f"  messages sent to the flooder: {to_flooder:,}")
    print(f"  the flood worked through and the bot stopped after {drained:.1f} s (the stop itself {stop_took:.1f} s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--flood", type=int, default=2500)
    parser.add_argument("--latency", type=float, default=0.05)
    arguments = parser.parse_args()
    asyncio.run(run(arguments.flood, arguments.latency))
