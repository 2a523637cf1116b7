"""`kanebot run`: settings from the environment, then long polling or the webhook server, until SIGTERM or SIGINT.

The life of the process is run here rather than by PTB's run_polling/run_webhook, so that every way it can fail at
start (Telegram unreachable, the token refused, the database not writable) is one line and an exit code, and so
that a stop is bounded: updates not begun wait in the inbox, and the database is always closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import sys
from collections.abc import Awaitable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TimedOut

from bot.core import logs
from bot.core.settings import Settings, SettingsError, load_dotenv
from bot.core.yamlfile import KnowledgeError
from bot.storage.database import StorageError
from handlers.wiring.app import KaneApplication, build_application
from handlers.wiring.webhook import webhook_server

EXIT_OK, EXIT_FAILED, EXIT_SETTINGS = 0, 1, 2
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
# Each step of a stop gets at most this long: the whole stop stays within the 10 s a container is given.
STOP_STEP_SECONDS = 3.0
log = logging.getLogger("kanebot")


def run(webhook: bool, knowledge: Path | None) -> int:
    load_dotenv()
    try:
        settings = Settings.from_env()
        if webhook:
            _check_webhook(settings)
    except SettingsError as error:
        print(f"kanebot: {error}", file=sys.stderr)
        return EXIT_SETTINGS
    if knowledge is not None:
        settings = replace(settings, knowledge_dir=knowledge)
    logs.configure(settings.log_level, settings.secrets)
    try:
        application = build_application(settings)
    except KnowledgeError as error:
        print(f"kanebot: knowledge/ has problems; run `kanebot check`:\n{error}", file=sys.stderr)
        return EXIT_FAILED
    try:
        asyncio.run(serve(application, settings, webhook))
    except InvalidToken:
        print("kanebot: Telegram refused TELEGRAM_BOT_TOKEN; check it with @BotFather", file=sys.stderr)
        return EXIT_SETTINGS
    except (NetworkError, TimedOut) as error:
        print(f"kanebot: cannot reach Telegram at {settings.base_url}: {error}", file=sys.stderr)
        return EXIT_FAILED
    except StorageError as error:
        print(f"kanebot: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:  # the webhook port taken, the heartbeat not writable
        print(f"kanebot: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


async def serve(application: KaneApplication, settings: Settings, webhook: bool) -> None:
    """Start, run until SIGTERM or SIGINT, stop. Whatever fails, the database is closed before this returns."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(number, stop.set)
    server = None
    try:
        await application.initialize()  # asks Telegram who the bot is: the token and the network, checked
        if application.post_init is not None:
            await application.post_init(application)
        if webhook:
            await application.bot.set_webhook(
                url=settings.webhook_url or "", secret_token=settings.webhook_secret, allowed_updates=Update.ALL_TYPES
            )
            await application.start()
            path = urlsplit(settings.webhook_url or "").path
            server = webhook_server(path, application.bot, application.update_queue, settings.webhook_secret or "")
            server.listen(settings.webhook_port, address=settings.webhook_listen)
            log.info("serving the webhook on %s:%s", settings.webhook_listen, settings.webhook_port)
        else:
            if application.updater is None:
                raise RuntimeError("long polling needs PTB's updater")
            await application.updater.start_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
            await application.start()
            log.info("polling Telegram for updates")
        await stop.wait()
        log.info("stopping")
    finally:
        await _stop(application, server)


async def _stop(application: KaneApplication, server: Any) -> None:
    if server is not None:
        server.stop()
        await _bounded(server.close_all_connections(), "closing the webhook connections")
    if application.updater is not None and application.updater.running:
        await _bounded(application.updater.stop(), "stopping polling")
    if application.running:
        # Running updates get their grace (STOP_GRACE_SECONDS) inside; the outbox round ends between two items.
        await _bounded(application.stop(), "stopping the application", seconds=2 * STOP_STEP_SECONDS)
    await _bounded(application.shutdown(), "closing the connections to Telegram")
    if application.post_shutdown is not None:
        await application.post_shutdown(application)  # closes the database, whatever happened before


async def _bounded(step: Awaitable[Any], what: str, seconds: float = STOP_STEP_SECONDS) -> None:
    try:
        await asyncio.wait_for(step, seconds)
    except TimeoutError:
        log.warning("%s took over %.0f s; going on with the stop", what, seconds)
    except Exception:
        log.exception("%s failed; going on with the stop", what)


def _check_webhook(settings: Settings) -> None:
    if not settings.webhook_url or not settings.webhook_url.startswith("https://"):
        raise SettingsError("--webhook needs KANEBOT_WEBHOOK_URL, the public https:// address Telegram should call")
    if not settings.webhook_secret or not SECRET_TOKEN.match(settings.webhook_secret):
        raise SettingsError("--webhook needs KANEBOT_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -")
