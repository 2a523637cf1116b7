"""How the bot holds up as its database grows: every per-message path and every official's command at 10k, 100k and
1M rows of tickets (and as many outbox items, audit lines, unanswered questions and failed join attempts), through
the real application (build_application, process_update) over an offline Bot API (a script).

    .venv/bin/python bench/bench_growth.py [--sizes 10000,100000,1000000] [--repeat 5]

Each figure is the median time of one update from the moment it is handed to the application until it is handled
(while it runs, the one database connection serves nobody else), in milliseconds. Target (issue #13): under 100 ms
for every per-message path and official's command at 1M tickets. "delivery" is one outbox round sending 100 due
items among all the rows; "purge" is the daily retention job, with the longest wait of a question asked during it.

The data is written straight into SQLite (columns every version of the schema has), so the same script measures
an older checkout too: run it from a copy of that checkout to get the "before" figures.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram.ext import AIORateLimiter  # noqa: E402

from bot.assistant import Assistant  # noqa: E402
from bot.core.settings import Settings  # noqa: E402
from bot.storage.stores import Stores  # noqa: E402
from handlers.common.outbox import deliver  # noqa: E402
from handlers.common.services import Throttle  # noqa: E402
from handlers.wiring import app as wiring  # noqa: E402
from handlers.wiring.app import KaneApplication, build_application  # noqa: E402
from tests.telegram_offline import BOT_USER, TOKEN, OfflineRequest, Updates, to_update  # noqa: E402

ADMIN, OFFICIAL, ASKER = 10, 20, 4_000_000
OFFICIAL_AREA = "837"
CARD_CHAT = -5001
DAY = 86_400.0
AREAS = ("837", "091", "049", "564", "853", "905", "179", "609", "167", "398", "PI", "VA", "KP", "LS")


def populate(db: Path, rows: int, now: float) -> None:
    """``rows`` tickets (nine in ten open, spread over areas and people), as many outbox items (sent), audit lines,
    unanswered questions and failed join attempts; a tenth of each old enough for the retention purge."""
    rng = random.Random(13)
    connection = sqlite3.connect(db)
    old = now - 400 * DAY

    def when(i: int) -> float:
        return old + rng.random() * DAY if i % 10 == 0 else now - rng.random() * 30 * DAY

    tickets = []
    for i in range(rows):
        status = "answered" if i % 10 == 0 else ("sent" if i % 3 else "queued")
        at = when(i)
        user = 1_000_000 + i % (rows // 3 + 1)
        tickets.append((user, user, "837", "municipality", AREAS[i % len(AREAS)], "grants", "fi",
                        f"Kysymys numero {i} avustuksista", status, CARD_CHAT, i + 1, at, at))  # fmt: skip
    connection.executemany(
        "INSERT INTO tickets (user_id, chat_id, municipality, area_kind, area_id, topic, lang, question, status, "
        "contact_chat, card_message, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        tickets,
    )
    connection.executemany(
        "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt, sent_at) VALUES (?, ?, ?, ?, ?, ?)",
        ((i + 1, "card", CARD_CHAT, f"card {i}", tickets[i][11], tickets[i][11]) for i in range(rows)),
    )
    connection.executemany(
        "INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)",
        ((when(i), OFFICIAL, "answer_ticket", f'{{"ticket": {i}}}') for i in range(rows)),
    )
    connection.executemany(
        "INSERT INTO unanswered (at, lang, area, question) VALUES (?, ?, ?, ?)",
        ((when(i), "fi", AREAS[i % len(AREAS)], f"Mikä on paras pullaresepti {i}?") for i in range(rows)),
    )
    connection.executemany(
        "INSERT INTO join_attempts (user_id, at) VALUES (?, ?)",
        ((2_000_000 + i, when(i)) for i in range(rows)),
    )
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "cards" in tables:  # every copy of a card is recorded (issue #13)
        connection.execute("INSERT INTO cards (chat_id, message_id, ticket_id) SELECT contact_chat, card_message, id "
                           "FROM tickets")  # fmt: skip
    official = (OFFICIAL, OFFICIAL_AREA, now)
    connection.execute("INSERT INTO officials (user_id, area, added_at) VALUES (?, ?, ?)", official)
    # The person who asks to be forgotten has tickets among the million, one of them forgotten earlier and old.
    connection.execute("UPDATE tickets SET erase_when_answered = 1 WHERE id % 997 = 0")
    connection.commit()  # no ANALYZE: the bot never runs it, and its plans are the ones measured
    connection.close()


async def median_ms(action: Callable[[], Awaitable[Any]], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        await action()
        times.append((time.perf_counter() - started) * 1000)
        if times[-1] > 2000:  # a slow path is slow enough measured once
            break
    return statistics.median(times)


class Bench:
    def __init__(self, app: KaneApplication, request: OfflineRequest) -> None:
        self.app = app
        self.request = request
        self.updates = Updates()

    async def say(self, text: str, user: int, chat: int | None = None, reply_to: int | None = None) -> None:
        data = self.updates.message(text, user_id=user, lang="fi", chat_id=chat,
                                    chat_type="private" if chat is None else "group")  # fmt: skip
        if reply_to is not None:
            data["message"]["reply_to_message"] = {
                "message_id": reply_to, "date": int(time.time()), "chat": data["message"]["chat"],
                "from": BOT_USER, "text": "Kysymys",
            }  # fmt: skip
        await self.app.process_update(to_update(data, self.app.bot))

    async def press(self, data: str, user: int) -> None:
        await self.app.process_update(to_update(self.updates.press(data, user_id=user, lang="fi"), self.app.bot))


async def measure(rows: int, repeat: int, assistant: Assistant) -> dict[str, float]:
    now = time.time()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        stores = await Stores.open(db)  # the schema of the checkout measured
        await stores.close()
        populate(db, rows, now)
        settings = Settings(token=TOKEN, db_path=db, knowledge_dir=ROOT / "knowledge", admins=frozenset({ADMIN}))
        unlimited = AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=0)
        request = OfflineRequest()
        app = build_application(settings, assistant=assistant, request=request, rate_limiter=unlimited)
        await app.initialize()
        assert app.post_init is not None and app.post_shutdown is not None
        await app.post_init(app)
        startup = getattr(app, "startup_delivery", None)
        if startup is not None:
            await startup
        app.services.throttle = Throttle(limit=10**9)  # fair use is not what is measured here
        bench = Bench(app, request)
        users = iter(range(3_000_000, 4_000_000))

        async def question() -> None:  # someone new asks about the goals
            await bench.say("Miten kunta voisi keventää avustusten byrokratiaa?", next(users))

        async def handoff() -> None:  # an association asks whom to contact and hands the question over
            user = next(users)
            await bench.say("Keneen otamme yhteyttä Tampereella avustuksista?", user)
            await bench.press("m:handoff", user)

        card = rows // 2 + 1  # a card somewhere in the middle, replied to by the area's official

        async def card_reply() -> None:
            await bench.say("Avustukset haetaan toukokuussa.", OFFICIAL, chat=CARD_CHAT, reply_to=card)

        async def forget() -> None:
            await bench.say("/forget", 1_000_000 + 997)

        results["question (new person)"] = await median_ms(question, repeat)
        results["hand-over (question + press)"] = await median_ms(handoff, repeat)
        results["official's reply to a card"] = await median_ms(card_reply, 1)
        results["/join with a wrong code"] = await median_ms(lambda: bench.say("/join wrong-code", next(users)), repeat)
        results["/forget"] = await median_ms(forget, repeat)
        for command in ("/queue", "/unanswered", "/history", "/audit", "/review", "/officials", "/stats"):
            results[f"{command} (administrator)"] = await median_ms(partial(bench.say, command, ADMIN), repeat)
        for command in ("/queue", "/unanswered", "/history"):
            results[f"{command} (official)"] = await median_ms(partial(bench.say, command, OFFICIAL), repeat)

        # Delivery: 100 answers due among all the rows.
        database = app.services.stores.database
        async with database.transaction() as transaction:
            for ticket in range(2, 2 + 100 * 10, 10):
                await transaction.execute(
                    "INSERT INTO outbox (ticket_id, kind, chat_id, text, next_attempt) VALUES (?, 'answer', ?, ?, 0)",
                    (ticket, 1_000_000 + ticket, f"Vastaus {ticket}"),
                )
        results["delivery (100 due items)"] = await median_ms(lambda: deliver(app.bot, app.services.stores.tickets), 1)

        # The retention purge, with someone asking a question every 20 ms meanwhile: the longest wait is theirs.
        waits: list[float] = []
        done = asyncio.Event()

        async def meanwhile() -> None:
            while not done.is_set():
                started = time.perf_counter()
                await question()
                waits.append((time.perf_counter() - started) * 1000)
                await asyncio.sleep(0.02)

        asker = asyncio.create_task(meanwhile())
        started = time.perf_counter()
        await purge_now(app, settings)
        results["purge (retention job)"] = (time.perf_counter() - started) * 1000
        done.set()
        await asker
        results["longest question during the purge"] = max(waits, default=0.0)
        await app.post_shutdown(app)
        await app.shutdown()
    return results


async def purge_now(app: KaneApplication, settings: Settings) -> None:
    """The daily retention job of the checkout measured (this one purges more kinds of rows than before)."""
    daily_purge = getattr(wiring, "daily_purge", None)
    stores = app.services.stores
    if daily_purge is not None:
        await daily_purge(settings)
        return
    cutoff = time.time() - settings.unanswered_days * DAY
    await stores.stats.forget_unanswered_before(cutoff)
    await stores.tickets.erase_forgotten_before(cutoff)


async def main(sizes: list[int], repeat: int) -> None:
    assistant = Assistant.load(ROOT / "knowledge")
    table: dict[str, dict[int, float]] = {}
    for rows in sizes:
        print(f"measuring {rows:,} rows…", file=sys.stderr, flush=True)
        for name, value in (await measure(rows, repeat, assistant)).items():
            table.setdefault(name, {})[rows] = value
    print(f"{'milliseconds':<40}" + "".join(f"{rows:>14,}" for rows in sizes))
    for name, values in table.items():
        print(f"{name:<40}" + "".join(f"{values.get(rows, float('nan')):>14,.1f}" for rows in sizes))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    asyncio.run(main([int(size) for size in arguments.sizes.split(",")], arguments.repeat))
