"""Every statement the bot runs for a message, a button or an official's command finds its rows through an index:
the engine's own plan of each one (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN with sequential reads priced
out, with the values it ran with) shows no full scan of a table and no sort of a whole table. What runs is
recorded, not listed by hand, so a new query is checked the day it is added. On both engines."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.storage.database import Database, Traced
from handlers.common.outbox import deliver
from handlers.wiring.app import purge
from tests.telegram_offline import BOT_USER
from tests.test_handoff import OFFICIAL_CHAT, contact_assistant
from tests.test_officials import ADMIN, ASSOCIATION, OFFICIAL, hand_over, invite, start
from tests.test_telegram import Harness, stopped

CARD_CHAT = OFFICIAL_CHAT
# Whole-table reads that are the point of the command, of tables that stay small: the list of officials (/officials)
# and the weekly question counts (/stats: weeks × languages × goals).
LISTINGS = {"officials", "asked"}
__all__ = ["contact_assistant"]  # the fixture, shared with the hand-over tests
FULL_SCAN = re.compile(r"\bSCAN (\w+)\b(?! USING)")
# PostgreSQL: a table read whole although sequential reads were priced out, so no index could serve the statement.
# (Its planner sorts the few rows an index found when that is cheaper than reading them in order: such a sort is of
# what the index gave, never of a table, which would need a Seq Scan under it.)
SEQ_SCAN = re.compile(r"\bSeq Scan on (\w+)")
# The latest rows in key order ("ORDER BY id DESC LIMIT 30", no condition): SQLite reads 30 rows from the end of the
# table's own b-tree, which its plan also calls a scan.
LATEST = re.compile(r"^SELECT [^;]* FROM (\w+) ORDER BY id( DESC)? LIMIT \d+$")


@pytest.fixture
async def bot(db_target: Path | str, contact_assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await start(db_target, contact_assistant)
    yield harness
    await stopped(harness)


async def everything_a_day_brings(bot: Harness) -> None:
    """Questions, hand-overs, an official's replies and answers, the officials' and administrators' commands and
    buttons, /forget, a delivery round, the inbox and the daily purge."""
    await bot.say("Mikä on tavoite 2?", user_id=ASSOCIATION)
    await bot.say("Mikä on paras pullaresepti? Soita 040 123 4567", user_id=ASSOCIATION)
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    await bot.say("/join wrong-code", user_id=ASSOCIATION + 1)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    card = next(r["message_id"] for r in bot.request.results("sendMessage") if r["chat"]["id"] == CARD_CHAT)
    await bot.press("m:handoff", user_id=ASSOCIATION)  # pressed again: the stored ticket is found
    reply = bot.updates.message("Avustukset haetaan toukokuussa.", user_id=OFFICIAL, chat_id=CARD_CHAT,
                                chat_type="group")  # fmt: skip
    reply["message"]["reply_to_message"] = {"message_id": card, "date": 0, "chat": reply["message"]["chat"],
                                            "from": BOT_USER, "text": f"Kysymys #{ticket}"}  # fmt: skip
    await bot.send(reply)
    reply["message"]["reply_to_message"]["message_id"] = card + 1000  # a copy whose id was never learned
    await bot.send(reply)
    second = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    for user in (OFFICIAL, ADMIN):
        for command in ("/queue", "/unanswered", "/history", "/stats", "/help"):
            await bot.say(command, user_id=user)
    for command in ("/audit", "/review", "/officials", "/revoke 999 837"):
        await bot.say(command, user_id=ADMIN)
    await bot.press(f"q:{second - 1}", user_id=OFFICIAL)
    await bot.press(f"a:{second}", user_id=OFFICIAL)
    await bot.say("Tilat varataan kirjastosta.", user_id=OFFICIAL)
    await bot.press(f"f:ask:{second}", user_id=OFFICIAL)
    await bot.say("/cancel", user_id=OFFICIAL)
    await bot.say("/forget", user_id=ASSOCIATION)
    await bot.say("/forget", user_id=OFFICIAL)
    services = bot.app.services
    await services.write_gathered()
    await deliver(bot.app.bot, services.stores.tickets, everything=True)
    inbox = services.stores.inbox
    await inbox.receive(10**9, "{}")
    await inbox.waiting()
    await inbox.handled(10**9)
    await purge(services.stores, services.settings, now=time.time() + 400 * 86400)


async def plans(database: Database, statements: list[Traced]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for statement in dict.fromkeys(statements):
        head = statement.sql.lstrip().split(None, 1)[0].upper() if statement.sql.strip() else ""
        if head not in {"SELECT", "UPDATE", "DELETE", "INSERT", "WITH"}:
            continue
        explained = re.sub(r"\b(-?)Inf\b", r"\g<1>9e999", statement.sql)  # how the trace writes float("inf")
        found[statement.sql] = await database.plan(Traced(explained, statement.args))
    return found


async def test_no_statement_scans_a_table_or_sorts_one(bot: Harness) -> None:
    database = bot.app.services.stores.database
    statements: list[Traced] = []
    await database.trace(statements.append)
    try:
        await everything_a_day_brings(bot)
    finally:
        await database.trace(None)
    found = await plans(database, statements)
    assert len(found) > 40, "the scenario ran fewer statements than expected"
    check = postgres_problems if database.dialect == "postgresql" else sqlite_problems
    # The check itself sees a scan: a condition no index serves.
    unindexed = "SELECT * FROM audit WHERE detail = 'x'"
    assert check(unindexed, (await plans(database, [Traced(unindexed)]))[unindexed])
    problems = [
        f"{step}\n    in {' '.join(statement.split())}"
        for statement, steps in found.items()
        for step in check(statement, steps)
    ]
    assert not problems, "statements read a whole table:\n" + "\n".join(problems)


def sqlite_problems(statement: str, steps: list[str]) -> list[str]:
    problems = []
    for step in steps:
        scanned = FULL_SCAN.search(step)
        latest = LATEST.match(" ".join(statement.split()))
        if scanned and scanned.group(1) not in LISTINGS and not (latest and latest.group(1) == scanned.group(1)):
            problems.append(step)
        if "TEMP B-TREE" in step and not any(table in statement for table in LISTINGS):
            problems.append(step)
    return problems


def postgres_problems(statement: str, steps: list[str]) -> list[str]:
    return [step for step in steps if (scanned := SEQ_SCAN.search(step)) and scanned.group(1) not in LISTINGS]
