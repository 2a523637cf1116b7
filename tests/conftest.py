from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from bot.assistant import Assistant

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant.load(KNOWLEDGE)


def assistant_with_contact(folder: Path, **contact: object) -> Assistant:
    """A copy of knowledge/ in ``folder`` with one (example.org) contact added, loaded."""
    shutil.copytree(KNOWLEDGE, folder)
    data = yaml.safe_load((folder / "contacts.yaml").read_text(encoding="utf-8"))
    data["contacts"].append({"languages": ["fi", "sv"], "last_verified": dt.date(2026, 11, 22), **contact})
    (folder / "contacts.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Assistant.load(folder)


@pytest.fixture(params=("sqlite", "postgresql"))
async def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Path | str]:
    """Each storage test runs on both engines: a SQLite file in the test's folder, and a fresh PostgreSQL database
    (tests/engines.py: skipped, saying why, where no server can be had)."""
    if request.param == "sqlite":
        yield tmp_path / "kanebot.sqlite3"
        return
    from tests.engines import fresh_postgres

    async with fresh_postgres() as url:
        yield url
