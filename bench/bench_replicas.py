"""Updates per second and latency of one and of two replicas on PostgreSQL against one process on SQLite, on the
same workload (a script; issue #14).

    .venv/bin/python bench/bench_replicas.py [--updates 2000] [--clients 32] [--latency 0]

Each replica is a process of its own running the whole application as `kanebot run --webhook` has it: every update
is kept in the inbox, then handled in its chat's turn by the chat-ordered update processor, with fair use, profiles,
retrieval, rendering and bookkeeping, on its own connections to the database. This script plays Telegram and the
proxy: ``clients`` people at a time each send a question and wait for its answer before sending the next (a closed
loop), and the updates go to the replicas in turn. The Bot API is offline (tests/telegram_offline.py, answering
after ``latency`` seconds) and PTB's rate limiter is switched off, as in bench_updates.py: Telegram's 30 messages a
second would cap every configuration alike. Latency is from handing the update to a replica until its answer is
sent, on the machine's one monotonic clock.

The workload is bench_updates.py's "returning" one: people the bot knows (they said hello first), each asking four
questions of eval/questions.yaml that others asked before (untimed), well within fair use.

PostgreSQL: the server KANEBOT_TEST_POSTGRES names, or else a throwaway one started here with PostgreSQL's default
settings (durable commits: each waits for its WAL to reach the disk). SQLite runs as the bot runs it: WAL with
synchronous=NORMAL (a commit is not flushed to disk until the next checkpoint: a power cut can lose the last
commits, never corrupt the file); PostgreSQL is measured that way too ("commits as SQLite's": the connection's
synchronous_commit=off, which can be set in KANEBOT_DB as ?synchronous_commit=off). All processes share this
machine's cores with the database server and this script.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram._utils.defaultvalue import DEFAULT_NONE  # noqa: E402
from telegram._utils.types import ODVInput  # noqa: E402
from telegram.ext import AIORateLimiter  # noqa: E402
from telegram.request import RequestData  # noqa: E402

from bot.evaluation import load_cases  # noqa: E402
from tests.engines import create_database, drop_database  # noqa: E402
from tests.telegram_offline import TOKEN, OfflineRequest, Updates  # noqa: E402

Payload = dict[str, Any]
QUESTIONS_EACH = 4


@dataclass
class TimedRequest(OfflineRequest):
    """The offline Bot API, telling the benchmark when each answer was sent (chat, monotonic time)."""

    latency: float = 0.0
    told: Connection | None = None
    pending: list[tuple[int, float]] = field(default_factory=list)

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
        if self.latency and not url.endswith("/getMe"):
            await asyncio.sleep(self.latency)
        answer = await super().do_request(url, method, request_data, read_timeout, write_timeout)
        self.calls.clear()  # nothing kept: memory stays flat however many updates
        if url.endswith("/sendMessage") and request_data is not None and self.told is not None:
            self.told.send((int(str(request_data.parameters["chat_id"])), time.monotonic()))
        return answer


def replica(database: str, updates: Connection, told: Connection, latency: float) -> None:
    """One replica: the whole application on ``database``, taking updates from ``updates``."""
    asyncio.run(_replica(database, updates, told, latency))


async def _replica(database: str, updates: Connection, told: Connection, latency: float) -> None:
    from telegram import Update

    from bot.assistant import Assistant
    from bot.core.settings import Settings
    from handlers.common.services import Throttle
    from handlers.wiring.app import build_application
    from tests.engines import database_setting

    target: Path | str = database if "://" in database else Path(database)
    admins = frozenset({1})  # someone reads the national queue: no warning at start
    settings = Settings(token=TOKEN, knowledge_dir=ROOT / "knowledge", admins=admins, **database_setting(target))
    request = TimedRequest(latency=latency, told=told)
    app = build_application(
        settings,
        assistant=Assistant.load(ROOT / "knowledge"),
        request=request,
        rate_limiter=AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=0),
    )
    await app.initialize()
    assert app.post_init is not None and app.post_shutdown is not None
    await app.post_init(app)
    await app.start()
    told.send("ready")
    loop = asyncio.get_running_loop()
    while True:
        message = await loop.run_in_executor(None, updates.recv)
        if message == "stop":
            break
        if message == "new window":  # the untimed part was "earlier": not in this fair-use window
            app.services.throttle = Throttle()
            told.send("ok")
            continue
        update = Update.de_json(message, app.bot)
        if update is not None:
            await app.update_queue.put(update)
    await app.stop()
    await app.post_shutdown(app)
    await app.shutdown()


@dataclass
class Result:
    name: str
    updates: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def line(self) -> str:
        ordered = sorted(self.latencies)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        p50 = statistics.median(ordered)
        return (f"{self.name:>50}: {self.rate:6.0f} updates/s, latency p50 {p50 * 1000:5.1f} ms, "
                f"p99 {p99 * 1000:6.1f} ms ({self.updates} updates)")  # fmt: skip


class Cluster:
    """The replicas, fed round-robin as the proxy does; answers arrive from whichever sent them."""

    def __init__(self, database: str, count: int, latency: float) -> None:
        context = multiprocessing.get_context("spawn")
        self.inputs: list[Connection] = []
        self.outputs: list[Connection] = []
        self.processes = []
        for _ in range(count):
            send_updates, take_updates = context.Pipe()
            take_told, send_told = context.Pipe(duplex=False)
            process = context.Process(target=replica, args=(database, take_updates, send_told, latency))
            process.start()
            self.inputs.append(send_updates)
            self.outputs.append(take_told)
            self.processes.append(process)
        for output in self.outputs:
            assert output.recv() == "ready"
        self.turn = 0
        self.answered: dict[int, asyncio.Queue[float]] = {}

    def send(self, update: Payload) -> None:
        self.inputs[self.turn].send(update)
        self.turn = (self.turn + 1) % len(self.inputs)

    def new_window(self) -> None:
        for index, pipe in enumerate(self.inputs):
            pipe.send("new window")
            assert self.outputs[index].recv() == "ok"

    async def listen(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            ready = await loop.run_in_executor(None, lambda: wait(self.outputs, timeout=0.5))
            for output in ready:
                assert isinstance(output, Connection)
                chat, at = output.recv()
                self.answered.setdefault(chat, asyncio.Queue()).put_nowait(at)

    def stop(self) -> None:
        for pipe in self.inputs:
            pipe.send("stop")
        for process in self.processes:
            process.join(timeout=30)


async def run(name: str, database: str, count: int, people: list[list[Payload]], warm: list[Payload],
              clients: int, latency: float) -> Result:  # fmt: skip
    cluster = Cluster(database, count, latency)
    listening = asyncio.get_running_loop().create_task(cluster.listen())
    try:
        for update in warm:  # untimed, in order: each waits for its answer
            await ask(cluster, update)
        cluster.new_window()
        latencies: list[float] = []
        queue = list(people)

        async def client() -> None:
            while queue:
                for update in queue.pop():
                    latencies.append(await ask(cluster, update))

        started = time.monotonic()
        await asyncio.gather(*(client() for _ in range(clients)))
        seconds = time.monotonic() - started
    finally:
        listening.cancel()
        cluster.stop()
    return Result(name, len(latencies), seconds, latencies)


async def ask(cluster: Cluster, update: Payload) -> float:
    chat = update["message"]["chat"]["id"]
    answers = cluster.answered.setdefault(chat, asyncio.Queue())
    sent = time.monotonic()
    cluster.send(update)
    answered = await asyncio.wait_for(answers.get(), timeout=60)
    return answered - sent


def workload(count: int) -> tuple[list[list[Payload]], list[Payload]]:
    """The timed people (each a list of their questions) and the untimed updates before them."""
    cases = load_cases(ROOT / "eval" / "questions.yaml")
    factory = Updates()
    by_lang = {lang: [case.question for case in cases if case.lang == lang] for lang in ("fi", "sv")}
    warm = [factory.message(case.question, user_id=500_000 + n, lang=case.lang) for n, case in enumerate(cases)]
    people: list[list[Payload]] = []
    for person in range(count // QUESTIONS_EACH):
        lang = "fi" if person % 2 == 0 else "sv"
        user = 1_000_000 + person
        warm.append(factory.message("Hei" if lang == "fi" else "Hej", user_id=user, lang=lang))
        questions = by_lang[lang]
        people.append([factory.message(questions[(person * QUESTIONS_EACH + n) % len(questions)], user_id=user,
                                       lang=lang) for n in range(QUESTIONS_EACH)])  # fmt: skip
    return people, warm


def postgres_server() -> tuple[str, str | None]:
    """The server to use, and the throwaway folder to remove afterwards (None: given by KANEBOT_TEST_POSTGRES)."""
    given = os.environ.get("KANEBOT_TEST_POSTGRES", "").strip()
    if given:
        return given, None
    started = subprocess.run([str(ROOT / "scripts" / "throwaway-postgres"), "start"], capture_output=True, text=True,
                             env={**os.environ, "FAST": "0"}, check=True).stdout  # fmt: skip
    values = dict(line.removeprefix("export ").split("=", 1) for line in started.splitlines())
    url, folder = values["KANEBOT_TEST_POSTGRES"].strip("'"), values["KANEBOT_TEST_POSTGRES_DIR"].strip("'")
    os.environ["KANEBOT_TEST_POSTGRES"] = url
    return url, folder


async def main(updates: int, clients: int, latency: float) -> None:
    import tests.engines as engines

    server, folder = postgres_server()
    engines.POSTGRES = server
    people, warm = workload(updates)
    print(f"{len(people) * QUESTIONS_EACH} timed updates from {len(people)} people, {clients} at a time; "
          f"Bot API latency {latency * 1000:.0f} ms; {os.cpu_count()} cores shared by everything")  # fmt: skip
    try:
        with tempfile.TemporaryDirectory() as scratch:
            print((await run("one process on SQLite", str(Path(scratch) / "bench.sqlite3"), 1, people, warm,
                             clients, latency)).line())  # fmt: skip
        for commits, setting in (("", ""), (", commits as SQLite's", "?synchronous_commit=off")):
            for count in (1, 2):
                database = await create_database()
                try:
                    name = f"{count} replica{'s' if count > 1 else ''} on PostgreSQL{commits}"
                    print((await run(name, database + setting, count, people, warm, clients, latency)).line())
                finally:
                    await drop_database(database)
    finally:
        if folder is not None:
            stop = [str(ROOT / "scripts" / "throwaway-postgres"), "stop", folder]
            await asyncio.to_thread(subprocess.run, stop, check=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=32, help="people waiting for an answer at once")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds the Bot API takes to answer")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.updates, arguments.clients, arguments.latency))
