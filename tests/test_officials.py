"""Officials and administrators: invites, the queue, statistics, reload — and every privileged path refused to an
outsider, to an official of another area, and to forged callback data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.assistant import Assistant
from bot.core.conversation import PendingRoute
from bot.core.settings import Settings
from bot.storage.tickets import Ticket
from handlers.common.outbox import deliver
from handlers.officials.commands import QUEUE_SHOWN
from handlers.wiring.app import build_application
from tests.conftest import KNOWLEDGE, ROOT
from tests.engines import database_setting
from tests.telegram_offline import TOKEN, OfflineRequest
from tests.test_telegram import Harness, callback_data, stopped

ADMIN, OFFICIAL, OTHER_OFFICIAL, OUTSIDER, ASSOCIATION = 10, 20, 30, 40, 50


async def start(db: Path | str, assistant: Assistant, knowledge: Path = KNOWLEDGE) -> Harness:
    settings = Settings(token=TOKEN, knowledge_dir=knowledge, admins=frozenset({ADMIN}), **database_setting(db))
    request = OfflineRequest()
    app = build_application(settings, assistant=assistant, request=request)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    if app.startup_delivery is not None:  # what the last run left unsent goes out in the background
        await app.startup_delivery
    return Harness(app, request)


async def start_on_a_copy(tmp_path: Path, db: Path | str | None = None) -> Harness:
    """The bot over its own copy of knowledge/ (imports and officials' edits may write to it)."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    return await start(db or tmp_path / "kanebot.sqlite3", Assistant.load(knowledge), knowledge)


@pytest.fixture
async def bot(db_target: Path | str, assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await start(db_target, assistant)
    yield harness
    await stopped(harness)


def texts(sent: list[dict[str, object]]) -> str:
    return "\n".join(str(message["text"]) for message in sent)


async def invite(bot: Harness, area: str) -> str:
    sent = await bot.say(f"/invite {area} 7d", user_id=ADMIN)
    match = re.search(r"/join (\S+)", texts(sent))
    assert match is not None, texts(sent)
    return match.group(1)


async def test_an_admin_invites_and_the_code_works_once(bot: Harness) -> None:
    code = await invite(bot, "837")
    joined = await bot.say(f"/join {code}", user_id=OFFICIAL)
    assert "Olet nyt virkahenkilö alueella Tampere" in texts(joined)
    again = await bot.say(f"/join {code}", user_id=OTHER_OFFICIAL)
    assert "Koodi ei kelpaa" in texts(again)
    listed = await bot.say("/officials", user_id=ADMIN)
    assert f"{OFFICIAL} – Tampere" in texts(listed) and str(OTHER_OFFICIAL) not in texts(listed)


async def test_codes_are_stored_hashed(bot: Harness) -> None:
    code = await invite(bot, "837")
    stored = [row[0] for row in await bot.app.services.stores.database.fetch_all("SELECT code_hash FROM invites")]
    assert stored and code not in stored[0] and len(stored[0]) == 64


async def test_an_expired_code_does_not_work(bot: Harness) -> None:
    code = await invite(bot, "837")
    async with bot.app.services.stores.database.transaction() as transaction:
        await transaction.execute("UPDATE invites SET expires_at = 0")
    assert "Koodi ei kelpaa" in texts(await bot.say(f"/join {code}", user_id=OFFICIAL))


async def test_wrong_guesses_are_rate_limited(bot: Harness) -> None:
    for attempt in range(5):
        assert "Koodi ei kelpaa" in texts(await bot.say(f"/join wrong{attempt}", user_id=OUTSIDER))
    code = await invite(bot, "837")
    assert "Liian monta väärää koodia" in texts(await bot.say(f"/join {code}", user_id=OUTSIDER))


@pytest.mark.parametrize("command", ["/invite 837", "/officials", "/revoke 20 837", "/reload", "/audit"])
async def test_admin_commands_are_refused_to_outsiders_and_officials(bot: Harness, command: str) -> None:
    code = await invite(bot, "837")
    await bot.say(f"/join {code}", user_id=OFFICIAL)
    for user in (OUTSIDER, OFFICIAL):
        assert "vain virkahenkilöille tai ylläpitäjille" in texts(await bot.say(command, user_id=user))
    audit = texts(await bot.say("/audit", user_id=ADMIN))
    assert "refused" in audit and command.split()[0].lstrip("/") in audit


@pytest.mark.parametrize("command", ["/queue", "/unanswered", "/stats"])
async def test_official_commands_are_refused_to_outsiders(bot: Harness, command: str) -> None:
    assert "vain virkahenkilöille" in texts(await bot.say(command, user_id=OUTSIDER))


async def hand_over(bot: Harness, question: str) -> int:
    await bot.say(question, user_id=ASSOCIATION)
    await bot.press("m:handoff", user_id=ASSOCIATION)
    row = await bot.app.services.stores.database.fetch_one("SELECT MAX(id) FROM tickets")
    assert row is not None
    return int(row[0])


async def test_an_official_answers_their_area_queue_and_the_association_gets_the_answer(bot: Harness) -> None:
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    queue = await bot.say("/queue", user_id=OFFICIAL)
    assert "Keneen otamme yhteyttä Tampereella avustuksista?" in texts(queue)
    assert f"a:{ticket}" in callback_data(queue[0])
    prompt = await bot.press(f"a:{ticket}", user_id=OFFICIAL)
    assert f"Kirjoita vastaus kysymykseen #{ticket}" in texts(prompt)
    sent = await bot.say("Avustushaku aukeaa maaliskuussa.", user_id=OFFICIAL)
    to_association = [m for m in sent if m["chat_id"] == ASSOCIATION]
    assert len(to_association) == 1 and "Avustushaku aukeaa maaliskuussa." in str(to_association[0]["text"])
    assert await bot.app.services.stores.tickets.open_page(["837"]) == []


async def answer(bot: Harness, ticket: int, text: str) -> list[dict[str, object]]:
    await bot.press(f"a:{ticket}", user_id=OFFICIAL)
    sent = await bot.say(text, user_id=OFFICIAL)
    return [message for message in sent if message["chat_id"] == ASSOCIATION]


def erased(ticket: Ticket | None) -> bool:
    """Nothing left of who asked, what, or the answer (the row stays so its card can say the question is closed)."""
    return ticket is not None and (ticket.user_id, ticket.chat_id, ticket.question, ticket.answer) == (0, 0, "", None)


async def test_forget_erases_answered_questions_at_once_and_open_ones_once_answered(bot: Harness) -> None:
    stores = bot.app.services.stores
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    answered = await hand_over(bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    assert len(await answer(bot, answered, "Avustushaku aukeaa maaliskuussa.")) == 1
    still_open = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")

    (forgotten,) = await bot.say("/forget", user_id=ASSOCIATION)
    said = str(forgotten["text"])
    assert "Poistin tallentamani tiedot" in said and "Vastausta odottavat kysymyksesi (1 kpl)" in said
    assert "viimeistään 90 päivän kuluttua" in said
    assert erased(await stores.tickets.get(answered))
    assert not erased(await stores.tickets.get(still_open))  # the official still sees it and can answer

    assert len(await answer(bot, still_open, "Nuorisotilat ovat maksuttomia.")) == 1  # the answer still arrives
    assert erased(await stores.tickets.get(still_open))
    rows = await stores.database.fetch_all("SELECT COUNT(*) FROM outbox")
    assert next(iter(rows))[0] == 0


async def test_an_answer_to_someone_who_blocked_the_bot_is_given_up_and_a_forgotten_question_erased(
    bot: Harness,
) -> None:
    stores = bot.app.services.stores
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    await bot.say("/forget", user_id=ASSOCIATION)
    bot.request.blocked_by.add(ASSOCIATION)
    assert len(await answer(bot, ticket, "Nuorisotilat ovat maksuttomia.")) == 1  # tried once: Telegram refused
    assert erased(await stores.tickets.get(ticket))
    bot.request.clear()
    await deliver(bot.app.bot, stores.tickets, everything=True)  # as at the next start: nothing is tried again
    assert bot.request.of("sendMessage") == []


async def test_a_forgotten_persons_question_nobody_answers_is_erased_after_the_keep_time(bot: Harness) -> None:
    stores = bot.app.services.stores
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    await bot.say("/forget", user_id=ASSOCIATION)
    assert await stores.tickets.erase_forgotten_before(time.time() - 3600) == 0  # younger than the keep time
    assert await stores.tickets.erase_forgotten_before(time.time() + 1) == 1
    closed = await stores.tickets.get(ticket)
    assert erased(closed) and closed is not None and closed.status == "closed"
    assert await stores.tickets.open_page(["837"]) == []


async def test_an_official_of_another_area_cannot_see_or_answer_the_ticket(bot: Harness) -> None:
    await bot.say(f"/join {await invite(bot, '091')}", user_id=OTHER_OFFICIAL)
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    assert "Alueidesi jonossa ei ole" in texts(await bot.say("/queue", user_id=OTHER_OFFICIAL))
    assert await bot.press(f"a:{ticket}", user_id=OTHER_OFFICIAL) == []  # the forged press is refused
    (answer,) = bot.request.of("answerCallbackQuery")
    assert answer["show_alert"] is True
    profile = await bot.app.services.stores.profiles.get(OTHER_OFFICIAL)
    assert profile.answering is None
    assert len(await bot.app.services.stores.tickets.open_page(["837"])) == 1


async def test_an_administrator_sees_every_areas_questions_oldest_first(bot: Harness) -> None:
    tampere = await hand_over(bot, "Keneen otamme yhteyttä Tampereella avustuksista?")
    helsinki = await hand_over(bot, "Keneen otamme yhteyttä Helsingissä tiloista?")
    queue = await bot.say("/queue", user_id=ADMIN)  # an administrator with no area of their own
    assert [callback_data(item)[0] for item in queue] == [f"a:{tampere}", f"a:{helsinki}"]
    assert "Tampere" in str(queue[0]["text"]) and "Helsinki" in str(queue[1]["text"])


async def test_a_long_queue_shows_the_oldest_and_says_how_many_more_wait(bot: Harness) -> None:
    stores = bot.app.services.stores
    for number in range(QUEUE_SHOWN + 3):
        route = PendingRoute(f"Kysymys {number}?", "grants", "837")
        await stores.tickets.create(ASSOCIATION, ASSOCIATION, route, "municipality", "837", "fi", None, None)
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    note, *items = await bot.say("/queue", user_id=OFFICIAL)
    assert f"Jonossa on {QUEUE_SHOWN + 3} kysymystä; tässä näkyvät {QUEUE_SHOWN} vanhinta." == note["text"]
    assert len(items) == QUEUE_SHOWN
    assert "Kysymys 0?" in str(items[0]["text"]) and f"Kysymys {QUEUE_SHOWN - 1}?" in str(items[-1]["text"])


async def test_forged_answer_buttons_are_refused(bot: Harness) -> None:
    for data in ("a:999999", "a:x", "a:"):
        assert await bot.press(data, user_id=OUTSIDER) == []


async def test_revoking_removes_the_rights(bot: Harness) -> None:
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    assert "Oikeus poistettu" in texts(await bot.say(f"/revoke {OFFICIAL} 837", user_id=ADMIN))
    assert "vain virkahenkilöille" in texts(await bot.say("/queue", user_id=OFFICIAL))


async def test_unanswered_questions_are_kept_without_identity_and_shown_to_officials(bot: Harness) -> None:
    await bot.say("Mikä on paras pullaresepti?", user_id=ASSOCIATION)
    assert "pullaresepti" in texts(await bot.say("/unanswered", user_id=ADMIN))
    rows = [dict(row) for row in await bot.app.services.stores.database.fetch_all("SELECT * FROM unanswered")]
    assert [row["question"] for row in rows] == ["Mikä on paras pullaresepti?"]
    assert set(rows[0]) == {"id", "at", "lang", "area", "question"}  # no user or chat id
    assert rows[0]["at"] % 86_400 == 0 and time.time() - rows[0]["at"] < 86_400  # the day it was asked, no more
    removed = await bot.app.services.stores.stats.forget_unanswered_before(cutoff=10**12)
    assert removed == 1


async def test_stats_show_questions_per_goal_language_and_week(bot: Harness) -> None:
    await bot.say("tavoite 2", user_id=ASSOCIATION)
    await bot.say("mål 2", user_id=ASSOCIATION + 1, lang="sv")
    stats = texts(await bot.say("/stats", user_id=ADMIN))
    assert re.search(r"\d{4}-W\d\d · fi · Tavoite 2: 1", stats) and re.search(r"· sv · Tavoite 2: 1", stats)


async def test_help_shows_each_role_its_own_commands(bot: Harness) -> None:
    assert "/invite" not in texts(await bot.say("/help", user_id=OUTSIDER))
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    official = texts(await bot.say("/help", user_id=OFFICIAL))
    assert "/queue" in official and "/invite" not in official
    admin = texts(await bot.say("/help", user_id=ADMIN, lang="sv"))
    assert "/queue" in admin and "/invite område" in admin


async def test_reload_keeps_the_running_knowledge_when_a_file_is_bad(tmp_path: Path, assistant: Assistant) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    bot = await start(tmp_path / "kanebot.sqlite3", assistant, knowledge)
    (knowledge / "topics.yaml").write_text("topics: [unclosed\n", encoding="utf-8")
    failed = texts(await bot.say("/reload", user_id=ADMIN))
    assert "jatkaa vanhalla versiolla" in failed and "topics.yaml" in failed
    assert bot.app.services.assistant.knowledge is assistant.knowledge
    shutil.copy(KNOWLEDGE / "topics.yaml", knowledge / "topics.yaml")
    assert "ladattu uudelleen" in texts(await bot.say("/reload", user_id=ADMIN))
    assert bot.app.services.assistant.knowledge is not assistant.knowledge
    await stopped(bot)


def test_cli_invite_creates_a_code_that_joins(tmp_path: Path) -> None:
    db = tmp_path / "kanebot.sqlite3"
    env = {**os.environ, "KANEBOT_DB": str(db)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--area", "PI", "--expires", "7d"],
        capture_output=True, text=True, env=env, cwd=ROOT, check=True,
    )  # fmt: skip
    code = result.stdout.split("\t")[0]
    assert "area PI" in result.stdout and len(code) >= 12
    bad = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--area", "999"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert bad.returncode == 2 and "unknown area" in bad.stderr


def cli_invite(db: Path | str, area: str) -> str:
    env = {**os.environ, "KANEBOT_DB": str(db)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "invite", "--area", area], capture_output=True, text=True, env=env, cwd=ROOT
    )
    return result.stdout.split("\t")[0]


async def test_a_cli_invite_joins_in_chat(db_target: Path | str, assistant: Assistant) -> None:
    code = cli_invite(db_target, "837")
    bot = await start(db_target, assistant)
    assert "Olet nyt virkahenkilö alueella Tampere" in texts(await bot.say(f"/join {code}", user_id=OFFICIAL))
    await stopped(bot)


def test_role_checks_are_per_area() -> None:
    from bot.storage.access import Role

    official = Role(1, admin=False, areas=frozenset({"837"}))
    assert official.can_manage("837") and not official.can_manage("091")
    assert Role(2, admin=True, areas=frozenset()).can_manage("091")
    assert replace(official, areas=frozenset()).official is False


async def test_cancel_ends_an_edit_flow_and_odd_ids_are_refused_politely(bot: Harness) -> None:
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    await bot.say("/editcontact", user_id=OFFICIAL)
    await bot.press("f:topic:general", user_id=OFFICIAL)
    assert "Peruttu" in texts(await bot.say("/cancel", user_id=OFFICIAL))
    (answer,) = await bot.say("tavoite 2", user_id=OFFICIAL)
    assert "2 Ihmisistä välittävät" in str(answer["text"])  # a question again, not the contact's name
    for data in ("a:²", "a:" + "9" * 40, "f:uq:²", "f:rollback:" + "9" * 40):
        assert await bot.press(data, user_id=OFFICIAL) == []
    assert "Kirjoita /revoke" in texts(await bot.say("/revoke ² 837", user_id=ADMIN))


async def test_privileged_commands_are_not_answered_in_groups(bot: Harness) -> None:
    group: dict[str, Any] = {"chat_id": -300, "chat_type": "supergroup"}
    assert await bot.say("/invite 837", user_id=ADMIN, **group) == []
    assert await bot.say("/queue", user_id=ADMIN, **group) == []


async def test_help_about_the_bot_names_the_commands_of_the_askers_role(bot: Harness) -> None:
    question = "Miten päivitän yhteystiedot tässä botissa?"
    association = texts(await bot.say(question, user_id=ASSOCIATION))
    assert "/editcontact" not in association and "/contact" in association
    code = await invite(bot, "837")
    await bot.say(f"/join {code}", user_id=OFFICIAL)
    assert "/editcontact" in texts(await bot.say(question, user_id=OFFICIAL))
    assert "/invite" in texts(await bot.say("Miten kutsun virkahenkilön tähän bottiin?", user_id=ADMIN))
