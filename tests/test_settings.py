"""Settings fail loudly in one line, and the token never reaches a log."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.logs import RedactingFormatter
from bot.core.settings import Settings, SettingsError, load_dotenv
from tests.conftest import ROOT
from tests.telegram_offline import TOKEN


def run_bot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("TELEGRAM_", "KANEBOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=ROOT / "tests",  # no .env here
        timeout=60,
        check=False,
    )


def test_a_missing_token_is_one_clear_line_and_exit_2() -> None:
    result = run_bot({})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr and "Traceback" not in result.stderr


def test_a_malformed_token_is_refused_without_echoing_it() -> None:
    result = run_bot({"TELEGRAM_BOT_TOKEN": "not-a-token-secret-value"})
    assert result.returncode == 2
    assert "malformed" in result.stderr and "not-a-token-secret-value" not in result.stderr


def test_webhook_mode_needs_an_https_url_and_a_secret() -> None:
    result = run_bot({"TELEGRAM_BOT_TOKEN": TOKEN}, "--webhook")
    assert result.returncode == 2 and "KANEBOT_WEBHOOK_URL" in result.stderr


def test_settings_read_every_variable() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": "http://127.0.0.1:9000/bot",
            "KANEBOT_DB": "data/x.sqlite3",
            "KANEBOT_ADMINS": "11, 22,",
            "KANEBOT_LOG_LEVEL": "debug",
        }
    )
    assert settings.base_url == "http://127.0.0.1:9000/bot" and settings.db_path == Path("data/x.sqlite3")
    assert settings.admins == frozenset({11, 22}) and settings.log_level == "DEBUG"
    assert TOKEN not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value"), [("KANEBOT_ADMINS", "alice"), ("KANEBOT_LOG_LEVEL", "LOUD"), ("KANEBOT_WEBHOOK_PORT", "99999")]
)
def test_bad_values_name_the_setting(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, name: value})


def test_dotenv_fills_only_what_the_environment_lacks(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("# dev\nKANEBOT_LOG_LEVEL=DEBUG\nexport KANEBOT_DB='x.db'\n", encoding="utf-8")
    env = {"KANEBOT_LOG_LEVEL": "WARNING"}
    load_dotenv(dotenv, env)
    assert env == {"KANEBOT_LOG_LEVEL": "WARNING", "KANEBOT_DB": "x.db"}


def test_the_token_is_redacted_from_log_lines_and_tracebacks() -> None:
    formatter = RedactingFormatter("%(levelname)s %(message)s", [TOKEN])
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        record = logging.LogRecord("kanebot", logging.ERROR, __file__, 1, "POST /bot%s/getMe", (TOKEN,), sys.exc_info())
    text = formatter.format(record)
    assert TOKEN not in text and text.count("[redacted]") >= 2 and "RuntimeError" in text
