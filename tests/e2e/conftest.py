"""End-to-end fixtures: a Bot API emulator (telegram-test-api, patched in emulator.js) and the real `kanebot run`.

Both are subprocesses on 127.0.0.1 only. With KANEBOT_E2E_IMAGE_RUN set (scripts/docker-check does), the bot is the
container image instead of this checkout: the variable is the command that runs the image, up to and including its
name (for example "docker run --rm --network=host kanebot"), and the database folder becomes its /data volume.

Every wait is bounded in time and in count; both processes are always stopped at teardown (terminate, then kill
after a bounded wait).
"""

from __future__ import annotations

import contextlib
import html
import html.parser
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any, TypeVar

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EMULATOR_JS = Path(__file__).with_name("emulator.js")
EMULATOR_PACKAGE = ROOT / "node_modules" / "telegram-test-api"
HOST = "127.0.0.1"  # loopback only, never any other address
TOKEN = "4242424242:E2E_fake-token-for-kanebot-tests_0A"  # well-formed, never a real bot's
BOT_ID = 666  # the id telegram-test-api's getMe gives the bot

START_SECONDS = 30.0  # emulator up, bot polling (the bot loads its knowledge first: about a second)
REPLY_SECONDS = 10.0  # one reply from the bot
POLL_SECONDS = 0.05
STOP_SECONDS = 10.0
EMULATOR_ATTEMPTS = 3  # a free port can be taken between choosing it and listening on it
LOG_TAIL = 6000
IMAGE_RUN = os.environ.get("KANEBOT_E2E_IMAGE_RUN", "").strip()
# What the image is given from the test's environment (its database path is its own: /data on the volume).
IMAGE_ENV = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_BASE_URL",
    "KANEBOT_LOG_LEVEL",
    "KANEBOT_WEBHOOK_URL",
    "KANEBOT_WEBHOOK_SECRET",
    "KANEBOT_WEBHOOK_LISTEN",
    "KANEBOT_WEBHOOK_PORT",
    "NO_PROXY",
    "no_proxy",
)
WEBHOOK_PUBLIC_HOST = "kane.example.invalid"  # a name that can never resolve: nothing may call it
WEBHOOK_PATH = "/telegram/kane-hook"

T = TypeVar("T")


def wait_for(check: Callable[[], T | None], seconds: float, what: str, diagnostics: Callable[[], str]) -> T:
    """Call `check` until it returns something other than None: bounded by `seconds` and by a count of tries."""
    deadline = time.monotonic() + seconds
    for _ in range(int(seconds / POLL_SECONDS) + 1):
        result = check()
        if result is not None:
            return result
        if time.monotonic() >= deadline:
            break
        time.sleep(POLL_SECONDS)
    raise AssertionError(f"timed out after {seconds:.0f} s waiting for {what}\n{diagnostics()}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


class Process:
    """A subprocess whose stdout and stderr go to files (no pipe to fill up), stopped with bounded waits."""

    def __init__(self, name: str, args: list[str], directory: Path, env: dict[str, str], cwd: Path) -> None:
        self.name = name
        self.stdout_path = directory / f"{name}.stdout.log"
        self.stderr_path = directory / f"{name}.stderr.log"
        self._files: list[IO[bytes]] = [self.stdout_path.open("wb"), self.stderr_path.open("wb")]
        self.popen = subprocess.Popen(
            args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=self._files[0], stderr=self._files[1]
        )

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def running(self) -> bool:
        return self.popen.poll() is None

    def report(self) -> str:
        state = "running" if self.running() else f"exited with {self.popen.returncode}"
        return f"--- {self.name} ({state}), stderr (last {LOG_TAIL} characters):\n{self.stderr()[-LOG_TAIL:]}"

    def stop(self) -> None:
        try:
            if self.running():
                self.popen.terminate()
                try:
                    self.popen.wait(timeout=STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    self.popen.kill()
                    self.popen.wait(timeout=STOP_SECONDS)
        finally:
            for file in self._files:
                file.close()


@dataclass
class Seen:
    """A bot message as the user sees it: visible text (HTML rendered to plain text) and its button data."""

    message_id: int
    chat_id: int
    text: str
    callback_data: list[str]
    raw: dict[str, Any] = field(repr=False)
    stored_at: float = 0.0  # when the emulator stored it (Unix seconds), 0 if not known


class _Visible(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(message: dict[str, Any]) -> str:
    text = str(message.get("text") or "")
    if str(message.get("parse_mode") or "").upper() != "HTML":
        return text
    parser = _Visible()
    parser.feed(text)
    parser.close()
    return html.unescape("".join(parser.parts))


def seen(record: dict[str, Any]) -> Seen:
    """One of the emulator's stored bot messages (the raw sendMessage parameters, edits merged in)."""
    message = record["message"]
    markup = message.get("reply_markup") or {}
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    data = [str(button["callback_data"]) for row in rows for button in row if "callback_data" in button]
    stored_at = float(record.get("time") or 0) / 1000  # the package keeps milliseconds
    return Seen(int(record["messageId"]), int(message["chat_id"]), visible_text(message), data, message, stored_at)


@dataclass
class E2E:
    """The running pair; `diagnostics()` is what a failing assertion should show."""

    api: httpx.Client  # the emulator's client API (what a Telegram user does), not the Bot API
    token: str
    emulator: Process
    bot: Process
    db: Path
    bot_log_start: int = 0

    def diagnostics(self) -> str:
        return f"{self.bot.report()}\n{self.emulator.report()}"

    def check_alive(self) -> None:
        for process in (self.bot, self.emulator):
            if not process.running():
                raise AssertionError(f"{process.name} has stopped\n{self.diagnostics()}")

    def post(self, path: str, payload: dict[str, Any]) -> Any:
        self.check_alive()
        response = self.api.post(path, json=payload)
        if response.status_code != 200:
            raise AssertionError(
                f"emulator {path} answered {response.status_code}: {response.text}\n{self.diagnostics()}"
            )
        body: dict[str, Any] = response.json()
        assert body.get("ok") is True, f"emulator {path} answered {body}\n{self.diagnostics()}"
        return body.get("result")

    def bot_errors(self) -> list[str]:
        """ERROR/CRITICAL lines and tracebacks the bot logged since the test began."""
        log = self.bot.stderr()[self.bot_log_start :]
        return [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line or "Traceback" in line]


def _skip_reason() -> str | None:
    if shutil.which("node") is None:
        return "end-to-end tests need Node.js (`node`) for the Bot API emulator"
    if not (EMULATOR_PACKAGE / "package.json").is_file():
        return "end-to-end tests need node_modules/telegram-test-api: run `npm ci` in the repository root"
    return None


def _start_emulator(directory: Path) -> tuple[Process, int]:
    node = shutil.which("node")
    assert node is not None
    env = {key: value for key, value in os.environ.items() if not key.startswith("DEBUG")}
    failures: list[str] = []
    for attempt in range(EMULATOR_ATTEMPTS):
        port = free_port()
        emulator = Process(f"emulator-{attempt}", [node, str(EMULATOR_JS), str(port)], directory, env, ROOT)
        ready = f"emulator listening on http://{HOST}:{port}"

        def up(emulator: Process = emulator, ready: str = ready) -> bool | None:
            if ready in emulator.stdout():
                return True
            return False if not emulator.running() else None

        try:
            started = wait_for(up, START_SECONDS, "the emulator to listen", emulator.report)
        except AssertionError:
            emulator.stop()
            raise
        if started:
            return emulator, port
        emulator.stop()
        failures.append(emulator.report())
    raise AssertionError("the emulator did not start:\n" + "\n".join(failures))


def kanebot_command(data: Path, *arguments: str, container: str | None = None) -> list[str]:
    """`kanebot <arguments>` on the database folder ``data``: this checkout's, or the image's (see the top), then in
    a container called ``container`` if given."""
    if not IMAGE_RUN:
        return [sys.executable, "-m", "bot", *arguments]
    *run, image = shlex.split(IMAGE_RUN)
    passed = [option for name in IMAGE_ENV for option in ("-e", name)]
    named = ["--name", container] if container else []
    return [*run, *named, *passed, "-v", f"{data}:/data", image, *arguments]


def _remove_container(name: str) -> None:
    """Killing the engine's client can leave its container running (holding the port and the database)."""
    words = shlex.split(IMAGE_RUN)
    engine = words[: words.index("run")] if "run" in words else words[:1]
    subprocess.run([*engine, "rm", "-f", name], capture_output=True, timeout=STOP_SECONDS * 3, check=False)


def _bot_env(port: int, db: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TELEGRAM_", "KANEBOT_"))
        and key.lower() not in {"http_proxy", "https_proxy", "all_proxy"}
    }
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=f"http://{HOST}:{port}/bot",
        KANEBOT_DB=str(db),
        KANEBOT_LOG_LEVEL="INFO",
        NO_PROXY=HOST,
        no_proxy=HOST,
        PYTHONUNBUFFERED="1",
    )
    return env


@contextlib.contextmanager
def _running_pair(
    directory: Path, arguments: list[str], extra_env: dict[str, str], ready: str, what: str
) -> Iterator[E2E]:
    """The emulator and the real bot (`kanebot <arguments>`), ready once the emulator has printed ``ready``."""
    reason = _skip_reason()
    if reason is not None and os.environ.get("KANEBOT_E2E_REQUIRED"):
        pytest.fail(reason)  # a check that needs these tests must not pass by skipping them
    if reason is not None:
        pytest.skip(reason)
    emulator, port = _start_emulator(directory)
    bot: Process | None = None
    container = f"kanebot-e2e-{os.getpid()}-{directory.name}" if IMAGE_RUN else None
    api = httpx.Client(base_url=f"http://{HOST}:{port}", timeout=5.0, trust_env=False)
    try:
        # cwd is the temporary directory so that no developer .env or ./data is read.
        if IMAGE_RUN:
            directory.chmod(0o777)  # the image runs as its own unprivileged user
        env = {**_bot_env(port, directory / "kanebot.sqlite3"), **extra_env}
        command = kanebot_command(directory, *arguments, container=container)
        bot = Process("bot", command, directory, env, directory)
        pair = E2E(api=api, token=TOKEN, emulator=emulator, bot=bot, db=directory / "kanebot.sqlite3")

        def started() -> bool | None:
            pair.check_alive()
            return True if ready in emulator.stdout() else None

        wait_for(started, START_SECONDS, what, pair.diagnostics)
        yield pair
    finally:
        api.close()
        try:
            if bot is not None:
                bot.stop()
            if container is not None:
                _remove_container(container)
        finally:
            emulator.stop()


@pytest.fixture(scope="module")
def e2e_pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[E2E]:
    """The emulator and the real bot in its default mode, long polling; shared by one test module."""
    with _running_pair(
        tmp_path_factory.mktemp("e2e"), ["run"], {}, "emulator: bot polling", "the bot to poll getUpdates"
    ) as pair:
        yield pair


@dataclass
class Webhook:
    """The bot in webhook mode: where Telegram (here, the test) posts updates, and the secret it must send."""

    pair: E2E
    url: str
    secret: str


@pytest.fixture(scope="module")
def webhook(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Webhook]:
    """The real bot in webhook mode on PTB's webhook server, on loopback; the public URL is never called."""
    secret = "e2e-webhook-secret_0123456789"
    ready = f"emulator: webhook set to https://{WEBHOOK_PUBLIC_HOST}{WEBHOOK_PATH} with a secret token"
    failures: list[str] = []
    for _ in range(EMULATOR_ATTEMPTS):  # the port can be taken between choosing it and the bot listening on it
        port = free_port()
        env = {
            "KANEBOT_WEBHOOK_URL": f"https://{WEBHOOK_PUBLIC_HOST}{WEBHOOK_PATH}",
            "KANEBOT_WEBHOOK_SECRET": secret,
            "KANEBOT_WEBHOOK_LISTEN": HOST,
            "KANEBOT_WEBHOOK_PORT": str(port),
        }
        local = f"http://{HOST}:{port}{WEBHOOK_PATH}"
        with contextlib.ExitStack() as stack:
            try:
                pair = stack.enter_context(
                    _running_pair(
                        tmp_path_factory.mktemp("e2e-webhook"),
                        ["run", "--webhook"],
                        env,
                        ready,
                        "the bot to set its webhook",
                    )
                )
                wait_for(partial(_listening, pair, local), START_SECONDS, "the webhook server", pair.diagnostics)
            except AssertionError as error:
                if "address already in use" not in str(error).casefold():
                    raise
                failures.append(str(error))
                continue
            yield Webhook(pair, local, secret)
            return
    raise AssertionError("the webhook server found no free port:\n" + "\n".join(failures))


def _listening(pair: E2E, url: str) -> bool | None:
    pair.check_alive()
    try:
        httpx.post(url, json={}, timeout=1.0, trust_env=False)
    except httpx.TransportError:
        return None
    return True


@pytest.fixture
def e2e(e2e_pair: E2E) -> E2E:
    """The shared pair, with the bot's log marked so that a test sees only the errors logged during it."""
    e2e_pair.check_alive()
    e2e_pair.bot_log_start = len(e2e_pair.bot.stderr())
    return e2e_pair
