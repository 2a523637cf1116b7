"""`kanebot migrate`: a populated SQLite database (every table holding rows) moved into PostgreSQL and back, each
time with every table's row count and content the same, and the bot going on where it left off (issue #14, item 4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.assistant import Assistant
from bot.storage.database import Database
from bot.storage.engines import open_database
from handlers.common.outbox import deliver
from tests.conftest import ROOT
from tests.engines import fresh_postgres
from tests.test_editing import edit_contact
from tests.test_officials import ADMIN, ASSOCIATION, OFFICIAL, hand_over, invite, start, start_on_a_copy, texts
from tests.test_telegram import Harness, callback_data, stopped

PERSON = 987_654_321


async def a_day_of_use(bot: Harness) -> None:
    """Something in every table: profiles, tickets and their cards and outbox, officials, invites, failed joins,
    the audit log, edits, unanswered questions and counts, the inbox and the jobs."""
    await bot.say("/join not-a-code", user_id=PERSON)
    await bot.say("Keneen otamme yhteyttä Porissa avustuksista?", user_id=PERSON)
    await bot.press("r:609", user_id=PERSON)
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    await edit_contact(bot)  # questions about grants in Tampere now come to the official's private chat as cards
    await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=ASSOCIATION)
    await bot.press("m:handoff", user_id=ASSOCIATION)
    answered = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    await bot.press(f"a:{answered}", user_id=OFFICIAL)
    await bot.say("Tilat varataan kirjastosta.", user_id=OFFICIAL)
    await bot.say("Mikä on paras pullaresepti?", user_id=ASSOCIATION + 1)
    await bot.say("tavoite 2", user_id=ASSOCIATION + 2, lang="sv")
    services = bot.app.services
    await services.write_gathered()
    await deliver(bot.app.bot, services.stores.tickets, everything=True)
    await services.stores.inbox.receive(10**9, '{"update_id": 1000000000}', ASSOCIATION)

    async def nothing() -> None:
        return None

    await services.stores.jobs.run_if_due("retention", 86400, nothing)


async def contents(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, in an order that does not depend on the engine (whole numbers alike in either)."""
    schema = await database.schema()
    found = {}
    for table, columns in schema.tables.items():
        rows = await database.fetch_all(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608
        found[table] = sorted(
            (tuple(int(v) if isinstance(v, float) and v.is_integer() else v for v in row) for row in rows), key=repr
        )
    return found


def migrate(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "KANEBOT_DB"}
    return subprocess.run([sys.executable, "-m", "bot", "migrate", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, check=False)  # fmt: skip


async def test_a_populated_sqlite_database_moves_into_postgresql_and_back_whole(
    tmp_path: Path, assistant: Assistant
) -> None:
    original = tmp_path / "kanebot.sqlite3"
    bot = await start_on_a_copy(tmp_path, original)
    await a_day_of_use(bot)
    before = await contents(bot.app.services.stores.database)
    await stopped(bot)
    assert all(before.values()), [table for table, rows in before.items() if not rows]  # every table has rows

    async with fresh_postgres() as url:
        moved = migrate("--from", str(original), "--to", url)
        assert moved.returncode == 0, moved.stderr
        assert "every table checked" in moved.stdout and "DIFFERENT" not in moved.stdout
        assert moved.stdout.count("the same content") == len(before)
        assert url.split("@")[0].split(":")[-1] not in moved.stdout + moved.stderr  # the password is never shown
        postgres = await open_database(url)
        try:
            assert await contents(postgres) == before
        finally:
            await postgres.close()

        again = migrate("--from", str(original), "--to", url)
        assert again.returncode == 1 and "already holds data" in again.stderr

        back = tmp_path / "back.sqlite3"
        returned = migrate("--from", url, "--to", str(back))
        assert returned.returncode == 0, returned.stderr
        sqlite = await open_database(back)
        try:
            assert await contents(sqlite) == before
        finally:
            await sqlite.close()

        # The bot goes on on PostgreSQL where it left off: the open question waits, new ones are numbered after.
        harness = await start(url, assistant)
        try:
            queue = texts(await harness.say("/queue", user_id=ADMIN))
            assert "Keneen otamme yhteyttä Tampereella avustuksista?" in queue
            highest = max(int(str(row[0])) for row in before["tickets"])
            new = await hand_over(harness, "Keneen otamme yhteyttä Tampereella kulttuurista?")
            assert new == highest + 1
            assert any(d.startswith("a:") for m in await harness.say("/queue", user_id=ADMIN) for d in callback_data(m))
        finally:
            await stopped(harness)


def test_migrate_names_what_is_wrong_in_one_line(tmp_path: Path) -> None:
    same = migrate("--from", str(tmp_path / "a.sqlite3"), "--to", str(tmp_path / "a.sqlite3"))
    assert same.returncode == 2 and "the same database" in same.stderr
    neither = migrate()
    assert neither.returncode == 2 and "give --from or --to" in neither.stderr
    bad = migrate("--from", str(tmp_path / "a.sqlite3"), "--to", "postgresql://kanebot:s3cret@/kane")
    assert bad.returncode == 2 and "no host" in bad.stderr and "s3cret" not in bad.stderr
