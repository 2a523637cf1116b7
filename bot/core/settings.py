"""Settings from the environment (and an optional .env for development), checked loudly at start."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KNOWLEDGE = ROOT / "knowledge"
DEFAULT_DB = Path("data") / "kanebot.sqlite3"
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
TOKEN_SHAPE = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,80}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is one line that names it and never shows a secret."""


@dataclass(frozen=True, slots=True)
class Settings:
    token: str = field(repr=False)
    base_url: str = DEFAULT_BASE_URL
    db_path: Path = DEFAULT_DB  # SQLite, the default
    # PostgreSQL instead (KANEBOT_DB=postgresql://…): several replicas on one database. Carries the password.
    db_url: str | None = field(default=None, repr=False)
    # Written by the running bot every 30 s (`kanebot health`); by default beside the SQLite file.
    heartbeat: Path | None = None
    knowledge_dir: Path = DEFAULT_KNOWLEDGE
    admins: frozenset[int] = frozenset()
    log_level: str = "INFO"
    # Loopback: the webhook server is reached through the TLS proxy in front of it, never straight from outside.
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    unanswered_days: int = 90
    review_days: int = 365
    # Retention: how long each kind of record is kept (see README, "Personal data and retention").
    audit_days: int = 365
    join_attempt_days: int = 1
    outbox_days: int = 30
    ticket_days: int = 365

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, token_needed: bool = True) -> Settings:
        """The settings; ``token_needed`` False for the commands that never talk to Telegram (`kanebot chat`)."""
        env = dict(os.environ if environ is None else environ)
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token and token_needed:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and set its token")
        if token_needed and not TOKEN_SHAPE.match(token):
            raise SettingsError("TELEGRAM_BOT_TOKEN is malformed: it should look like 123456789:AAE… from @BotFather")
        database = parse_database(env.get("KANEBOT_DB", ""))
        level = env.get("KANEBOT_LOG_LEVEL", "INFO").strip().upper() or "INFO"
        if level not in LOG_LEVELS:
            raise SettingsError(f"KANEBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {level!r}")
        return cls(
            token=token,
            base_url=env.get("TELEGRAM_BASE_URL", "").strip() or DEFAULT_BASE_URL,
            db_path=database if isinstance(database, Path) else DEFAULT_DB,
            db_url=database if isinstance(database, str) else None,
            heartbeat=_heartbeat(env),
            knowledge_dir=Path(env.get("KANEBOT_KNOWLEDGE", "").strip() or DEFAULT_KNOWLEDGE),
            admins=_user_ids(env.get("KANEBOT_ADMINS", "")),
            log_level=level,
            webhook_listen=env.get("KANEBOT_WEBHOOK_LISTEN", "").strip() or "127.0.0.1",
            webhook_port=_port(env.get("KANEBOT_WEBHOOK_PORT", "8443")),
            webhook_url=env.get("KANEBOT_WEBHOOK_URL", "").strip() or None,
            webhook_secret=env.get("KANEBOT_WEBHOOK_SECRET", "").strip() or None,
            unanswered_days=_days(env, "KANEBOT_UNANSWERED_DAYS", 90),
            review_days=_days(env, "KANEBOT_REVIEW_DAYS", 365),
            audit_days=_days(env, "KANEBOT_AUDIT_DAYS", 365),
            join_attempt_days=_days(env, "KANEBOT_JOIN_ATTEMPT_DAYS", 1),
            outbox_days=_days(env, "KANEBOT_OUTBOX_DAYS", 30),
            ticket_days=_days(env, "KANEBOT_TICKET_DAYS", 365),
        )

    @property
    def database(self) -> Path | str:
        """What the stores open: the SQLite file, or the PostgreSQL URL."""
        return self.db_url if self.db_url is not None else self.db_path

    @property
    def heartbeat_file(self) -> Path:
        return _heartbeat_file(self.database, self.heartbeat)

    @property
    def secrets(self) -> list[str]:
        """What no log line may show: the token, the webhook's secret, the database's password."""
        password = urlsplit(self.db_url).password if self.db_url else None
        return [secret for secret in (self.token, self.webhook_secret, password) if secret]


POSTGRES_SCHEMES = ("postgresql", "postgres")
POSTGRES_EXAMPLE = "postgresql://user:password@host:5432/database"


def shown_url(url: str) -> str:
    """A database URL as it may be shown: the password replaced by ``***`` (also where the URL cannot be parsed)."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.hostname or ""
        netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port is not None else "")
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    except ValueError:
        return url.split("://", 1)[0] + "://***"


def parse_database(value: str) -> Path | str:
    """KANEBOT_DB: a SQLite file's path (the default), or a PostgreSQL URL, checked here so that a malformed one
    stops the bot at start with one line (the password never shown)."""
    value = value.strip()
    if not value:
        return DEFAULT_DB
    if "://" not in value:
        return Path(value)
    scheme = value.split("://", 1)[0].lower()
    if scheme not in POSTGRES_SCHEMES:
        raise SettingsError(
            f"KANEBOT_DB must be a SQLite file's path or a PostgreSQL URL ({POSTGRES_EXAMPLE}), not a {scheme}:// URL"
        )
    try:
        parts = urlsplit(value)
        port = parts.port
        host = parts.hostname or parse_qs(parts.query).get("host", [""])[0]
    except ValueError as error:
        raise SettingsError(f"KANEBOT_DB is not a usable PostgreSQL URL ({error}): {shown_url(value)}") from None
    missing = [name for name, given in (("host", host), ("database name", parts.path.strip("/"))) if not given]
    if missing or port == 0:
        reason = " and ".join(missing) if missing else "port 0"
        raise SettingsError(
            f"KANEBOT_DB is not a usable PostgreSQL URL (no {reason}): {shown_url(value)}; expected {POSTGRES_EXAMPLE}"
        )
    return value


def _heartbeat(env: Mapping[str, str]) -> Path | None:
    value = env.get("KANEBOT_HEARTBEAT", "").strip()
    return Path(value) if value else None


def heartbeat_from_env(environ: Mapping[str, str] | None = None) -> Path:
    """Where the running bot writes its heartbeat (for `kanebot health`, which needs no token)."""
    env = os.environ if environ is None else environ
    try:
        database = parse_database(env.get("KANEBOT_DB", ""))
    except SettingsError:
        database = ""
    return _heartbeat_file(database, _heartbeat(env))


def _heartbeat_file(database: Path | str, explicit: Path | None) -> Path:
    """KANEBOT_HEARTBEAT, else beside the SQLite file (with PostgreSQL, where the default SQLite file would be)."""
    if explicit is not None:
        return explicit
    return (database if isinstance(database, Path) else DEFAULT_DB).parent / "heartbeat"


def _user_ids(value: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise SettingsError(f"KANEBOT_ADMINS must be comma-separated Telegram user ids; {part!r} is not one")
        ids.add(int(part))
    return frozenset(ids)


MAX_DAYS = 36_500


def _days(env: Mapping[str, str], name: str, default: int) -> int:
    """A whole number of days, 1 to MAX_DAYS; anything else stops the bot at start with one line naming it (a
    retention setting read wrong would keep personal data too long, or erase it too early)."""
    value = env.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) <= MAX_DAYS:
        raise SettingsError(f"{name} must be a whole number of days from 1 to {MAX_DAYS}, not {value!r}")
    return int(value)


def _port(value: str) -> int:
    if not value.strip().isdigit() or not 0 < int(value) < 65536:
        raise SettingsError(f"KANEBOT_WEBHOOK_PORT must be a port number, not {value!r}")
    return int(value)


def knowledge_dir_from_env(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    return Path(env.get("KANEBOT_KNOWLEDGE", "").strip() or DEFAULT_KNOWLEDGE)


def load_dotenv(path: Path = Path(".env"), environ: dict[str, str] | None = None) -> None:
    """Read KEY=VALUE lines from a development .env without overriding the real environment."""
    env = os.environ if environ is None else environ
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        env.setdefault(key.strip().removeprefix("export ").strip(), value.strip().strip("'\""))
