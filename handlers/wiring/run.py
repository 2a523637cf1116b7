"""`kanebot run`: settings from the environment, then long polling or PTB's webhook server."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken

from bot.core import logs
from bot.core.settings import Settings, SettingsError, load_dotenv
from bot.core.yamlfile import KnowledgeError
from handlers.wiring.app import KaneApplication, build_application

EXIT_OK, EXIT_FAILED, EXIT_SETTINGS = 0, 1, 2
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


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
    logs.configure(settings.log_level, [settings.token, settings.webhook_secret or ""])
    try:
        application = build_application(settings)
    except KnowledgeError as error:
        print(f"kanebot: knowledge/ has problems; run `kanebot check`:\n{error}", file=sys.stderr)
        return EXIT_FAILED
    try:
        _serve(application, settings, webhook)
    except InvalidToken:
        print("kanebot: Telegram refused TELEGRAM_BOT_TOKEN; check it with @BotFather", file=sys.stderr)
        return EXIT_SETTINGS
    return EXIT_OK


def _serve(application: KaneApplication, settings: Settings, webhook: bool) -> None:
    if webhook:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url or "").path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


def _check_webhook(settings: Settings) -> None:
    if not settings.webhook_url or not settings.webhook_url.startswith("https://"):
        raise SettingsError("--webhook needs KANEBOT_WEBHOOK_URL, the public https:// address Telegram should call")
    if not settings.webhook_secret or not SECRET_TOKEN.match(settings.webhook_secret):
        raise SettingsError("--webhook needs KANEBOT_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -")
