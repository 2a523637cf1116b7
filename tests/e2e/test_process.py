"""The `kanebot run` process as an operator meets it: one line when Telegram or the database fails at start, and a
stop (SIGTERM, as `docker stop` sends) that ends within the grace the README and Dockerfile state, with the database
closed, even while Telegram is slow."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    E2E,
    IMAGE_RUN,
    TOKEN,
    _bot_env,
    _running_pair,
    _skip_reason,
    _start_emulator,
    free_port,
)
from tests.e2e.test_bot_over_http import User

pytestmark = pytest.mark.e2e
START_FAILURE_SECONDS = 30.0
STOP_GRACE_SECONDS = 10.0  # Docker's default; the README and Dockerfile promise the bot stops within it


def run_until_exit(env: dict[str, str], cwd: Path) -> tuple[int, str, float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "bot", "run"], capture_output=True, text=True, env=env, cwd=cwd,
                            timeout=START_FAILURE_SECONDS, check=False)  # fmt: skip
    return result.returncode, result.stderr, time.monotonic() - started


@pytest.mark.skipif(bool(IMAGE_RUN), reason="runs the checkout's process")
def test_telegram_unreachable_at_start_is_one_line_and_exit_1(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    env = _bot_env(port, tmp_path / "kanebot.sqlite3")
    code, stderr, _ = run_until_exit(env, tmp_path)
    assert code == 1
    assert stderr.strip().splitlines()[-1].startswith("kanebot: cannot reach Telegram at http://127.0.0.1:")
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert TOKEN not in stderr


@pytest.mark.skipif(bool(IMAGE_RUN), reason="runs the checkout's process")
def test_a_database_that_cannot_be_opened_is_one_line_and_exit_1(tmp_path: Path) -> None:
    reason = _skip_reason()
    if reason is not None:
        pytest.skip(reason)
    folder = tmp_path / "data"
    folder.mkdir()
    emulator, port = _start_emulator(tmp_path)
    try:
        code, stderr, took = run_until_exit(_bot_env(port, folder), tmp_path)  # a folder where the file should be
    finally:
        emulator.stop()
    assert code == 1 and took < START_FAILURE_SECONDS
    lines = [line for line in stderr.strip().splitlines() if " INFO " not in line]
    assert len(lines) == 1 and lines[0].startswith("kanebot: cannot open the database"), stderr


def test_sigterm_while_telegram_is_slow_stops_within_the_grace_and_closes_the_database(e2e: E2E) -> None:
    e2e.api.post("/e2e/faults", json={"latency_ms": 4000, "seed": 1}).raise_for_status()
    try:
        people = [User(e2e, 740000 + n, "Aino", "fi") for n in range(5)]
        for person in people:
            person.send("Mikä on tavoite 2?")
        time.sleep(1.0)  # the answers are on their way, held by the slow Telegram
        started = time.monotonic()
        e2e.bot.popen.send_signal(signal.SIGTERM)
        e2e.bot.popen.wait(timeout=STOP_GRACE_SECONDS + 5)
        took = time.monotonic() - started
    finally:
        e2e.api.post("/e2e/faults", json={}).raise_for_status()
    assert took < STOP_GRACE_SECONDS - 2, f"the stop took {took:.1f} s\n{e2e.diagnostics()}"
    assert e2e.bot.popen.returncode == 0, e2e.diagnostics()
    # SQLite removes the write-ahead log when the last connection closes cleanly.
    assert not Path(f"{e2e.db}-wal").exists(), "the database was not closed"


@pytest.fixture
def e2e(tmp_path: Path) -> Iterator[E2E]:
    """A pair of its own: this test stops the bot."""
    if IMAGE_RUN:
        pytest.skip("signals the checkout's process")
    with _running_pair(tmp_path, ["run"], {}, "emulator: bot polling", "the bot to poll getUpdates") as pair:
        yield pair
