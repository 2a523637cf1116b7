"""Logging set-up that keeps secrets out of every log line, tracebacks included."""

from __future__ import annotations

import logging


class RedactingFormatter(logging.Formatter):
    """Formats a record as usual, then removes the bot token (and other secrets) from all of it: PTB puts the token
    in some exception messages ("The token `…` was rejected"), and tracebacks are part of the formatted text."""

    def __init__(self, fmt: str, secrets: list[str]) -> None:
        super().__init__(fmt)
        self._secrets = [secret for secret in secrets if secret]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text


# Libraries whose DEBUG lines carry what people wrote: PTB logs every update it processes and every Bot API call
# with its parameters (message texts, invite codes in /join and /invite), aiosqlite every statement it runs, tornado
# every request. At KANEBOT_LOG_LEVEL=DEBUG the bot's own lines are shown, never theirs.
CHATTY = ("telegram", "aiosqlite", "tornado", "apscheduler", "hpack")


def configure(level: str, secrets: list[str]) -> None:
    logging.basicConfig(level=level)
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)
    # httpx logs every request URL at INFO, and the Bot API URL contains the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    floor = max(logging.getLevelName(level), logging.INFO)
    for name in CHATTY:
        logging.getLogger(name).setLevel(floor)
