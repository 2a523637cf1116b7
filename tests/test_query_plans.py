"""Every statement the bot runs for a message, a button or an official's command finds its rows through an index:
SQLite's own plan of each one (EXPLAIN QUERY PLAN, with the values it ran with) shows no full scan of a table and
no sort of a whole table. What runs is recorded, not listed by hand, so a new query is checked the day it is added."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.storage.database import Database
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
# The latest rows in key order ("ORDER BY id DESC LIMIT 30", no condition): SQLite reads 30 rows from the end of the
# table's own b-tree, which its plan also calls a scan.
LATEST = re.compile(r"^SELECT [^;]* FROM (\w+) ORDER BY id( DESC)? LIMIT \d+$")


@pytest.fixture
async def bot(tmp_path: Path, contact_assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await start(tmp_path / "kanebot.sqlite3", contact_assistant)
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


async def plans(database: Database, statements: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for statement in dict.fromkeys(statements):
        head = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
        if head not in {"SELECT", "UPDATE", "DELETE", "INSERT", "WITH"}:
            continue
        explained = re.sub(r"\b(-?)Inf\b", r"\g<1>9e999", statement)  # how the trace writes float("inf")
        rows = await database.fetch_all(f"EXPLAIN QUERY PLAN {explained}")
        found[statement] = [str(row[3]) for row in rows]
    return found


async def test_no_statement_scans_a_table_or_sorts_one(bot: Harness) -> None:
    database = bot.app.services.stores.database
    statements: list[str] = []
    await database.trace(statements.append)
    try:
        await everything_a_day_brings(bot)
    finally:
        await database.trace(None)
    found = await plans(database, statements)
    assert len(found) > 40, "the scenario ran fewer statements than expected"
    problems = []
    for statement, steps in found.items():
        for step in steps:
            scanned = FULL_SCAN.search(step)
            latest = LATEST.match(" ".join(statement.split()))
            if scanned and scanned.group(1) not in LISTINGS and not (latest and latest.group(1) == scanned.group(1)):
                problems.append(f"{step}\n    in {' '.join(statement.split())}")
            if "TEMP B-TREE" in step and not any(table in statement for table in LISTINGS):
                problems.append(f"{step}\n    in {' '.join(statement.split())}")
    assert not problems, "statements read a whole table:\n" + "\n".join(problems)
