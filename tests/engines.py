"""Both database engines for the storage tests: SQLite in the test's folder, and a fresh PostgreSQL database on the
server KANEBOT_TEST_POSTGRES names (scripts/test and .ci/run start a throwaway one; scripts/throwaway-postgres).

Without a server the PostgreSQL half is skipped, saying why; with KANEBOT_POSTGRES_REQUIRED set (CI) it fails
instead, so that a check that needs PostgreSQL cannot pass by skipping it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from tests.conftest import ROOT

ENGINES = ("sqlite", "postgresql")
POSTGRES = os.environ.get("KANEBOT_TEST_POSTGRES", "").strip()
REQUIRED = bool(os.environ.get("KANEBOT_POSTGRES_REQUIRED", "").strip())


def skip_reason() -> str | None:
    """Why the PostgreSQL half cannot run here, or None."""
    if POSTGRES:
        return None
    found = subprocess.run([str(ROOT / "scripts" / "throwaway-postgres"), "bindir"], capture_output=True, check=False)
    if found.returncode == 0 or shutil.which("postgres"):
        return ("a PostgreSQL server is installed but none was given: run the tests with scripts/test (it starts a "
                "throwaway server), or set KANEBOT_TEST_POSTGRES=postgresql://…")  # fmt: skip
    return ("no PostgreSQL server binary on this machine (Debian: apt-get install postgresql; scripts/test then "
            "starts a throwaway server): the PostgreSQL half of the storage tests is skipped")  # fmt: skip


def need_postgres() -> str:
    """The server's URL; skips (or fails, where required) the test without one."""
    reason = skip_reason()
    if reason is not None:
        if REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    return POSTGRES


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


async def create_database() -> str:
    """A new, empty database on the test server; its URL."""
    server = need_postgres()
    name = f"kanebot_test_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return with_database(server, name)


async def drop_database(url: str) -> None:
    """Drop a database ``create_database`` made, whoever is still connected to it."""
    admin = await asyncpg.connect(POSTGRES)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path.strip("/")}" WITH (FORCE)')
    finally:
        await admin.close()


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A new, empty database on the test server (dropped afterwards); its URL."""
    url = await create_database()
    try:
        yield url
    finally:
        await drop_database(url)


@contextmanager
def fresh_postgres_sync() -> Iterator[str]:
    """``fresh_postgres`` for a test without an event loop of its own (one that runs the bot as a process)."""
    import asyncio

    url = asyncio.run(create_database())
    try:
        yield url
    finally:
        asyncio.run(drop_database(url))


def database_setting(target: Path | str) -> dict[str, Any]:
    """The Settings fields that name ``target``: ``db_url`` for PostgreSQL (with the heartbeat in the temporary
    folder, not in ./data), ``db_path`` for SQLite."""
    if isinstance(target, Path):
        return {"db_path": target}
    name = urlsplit(target).path.strip("/")
    return {"db_url": target, "heartbeat": Path(tempfile.gettempdir()) / "kanebot-tests" / f"{name}.heartbeat"}


def engine_of(target: Path | str) -> str:
    return "postgresql" if isinstance(target, str) else "sqlite"
