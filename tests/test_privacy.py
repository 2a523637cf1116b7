"""Personal data only where it belongs (issue #13, item 3): /forget reaches every table, questions kept for review
are masked, exports carry no Telegram ids and an import merges only what its export held, retention is set and
enforced, and DEBUG logs carry no codes or message texts."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.core import logs
from bot.core.settings import Settings, SettingsError
from bot.storage.database import Database
from handlers.wiring.app import purge
from tests.test_editing import edit_contact, kanebot
from tests.test_officials import ADMIN, OFFICIAL, invite, start_on_a_copy, texts
from tests.test_telegram import Harness, callback_data, stopped

PERSON = 987_654_321  # an id nothing else in the database could contain by chance


@pytest.fixture
async def bot(tmp_path: Path, db_target: Path | str) -> AsyncIterator[Harness]:
    harness = await start_on_a_copy(tmp_path, db_target)
    yield harness
    await stopped(harness)


async def naming(database: Database, person: int) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of the schema that names ``person``: the id as a number, or inside a text."""
    tables = await database.tables()
    found: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        for row in await database.fetch_all(f"SELECT * FROM {table}"):  # noqa: S608 - names from the schema
            values = {key: row[key] for key in row.keys()}  # noqa: SIM118 - a row iterates its values
            if any(v == person or (isinstance(v, str) and str(person) in v) for v in values.values()):
                found.setdefault(table, []).append(values)
    return found


async def test_forget_erases_or_anonymises_every_row_of_every_table_that_names_the_person(bot: Harness) -> None:
    stores = bot.app.services.stores
    # The person as an association: a wrong invite code, a remembered municipality, questions handed over.
    await bot.say("/join not-a-code", user_id=PERSON)
    await bot.say("Keneen otamme yhteyttä Porissa avustuksista?", user_id=PERSON)
    await bot.press("r:609", user_id=PERSON)
    await bot.say("Keneen otamme yhteyttä Tampereella tiloista?", user_id=PERSON)
    await bot.press("m:handoff", user_id=PERSON)
    # ... and as an official of two areas: a contact routing cards to their private chat, answers, refusals.
    await bot.say(f"/join {await invite(bot, '837')}", user_id=PERSON)
    await edit_contact(bot, user=PERSON)
    await bot.say(f"/join {await invite(bot, '091')}", user_id=PERSON)
    await bot.say("/audit", user_id=PERSON)  # refused: written to the audit log
    await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=PERSON + 1)
    await bot.press("m:handoff", user_id=PERSON + 1)  # its card goes to the person's private chat
    queue = await bot.say("/queue", user_id=PERSON)
    answered = next(d for m in queue for d in callback_data(m) if d.startswith("a:"))
    await bot.press(answered, user_id=PERSON)
    await bot.say("Tilat ovat maksuttomia.", user_id=PERSON)
    await bot.say(f"/revoke {PERSON} 091", user_id=ADMIN)
    await bot.say("Keneen otamme yhteyttä Tampereella kulttuurista?", user_id=PERSON)
    await bot.press("m:handoff", user_id=PERSON)  # an open question, not answered when they leave
    before = await naming(stores.database, PERSON)
    assert {"profiles", "tickets", "officials", "invites", "join_attempts", "audit", "edits", "cards"} <= set(before)

    (forgotten,) = await bot.say("/forget", user_id=PERSON)
    assert "Myös virkahenkilön oikeutesi poistettiin (Tampere)" in str(forgotten["text"])
    left = await naming(stores.database, PERSON)
    assert set(left) == {"tickets"}, left  # only the open question, kept until its answer reaches them
    assert all(row["erase_when_answered"] == 1 and row["status"] in {"queued", "sent"} for row in left["tickets"])
    assert (await stores.profiles.get(PERSON)).municipality is None
    assert PERSON not in {c.telegram_chat for c in bot.app.services.assistant.router.contacts.contacts}

    queue = await bot.say("/queue", user_id=ADMIN)
    still_open = [d for m in queue for d in callback_data(m) if d.startswith("a:")]
    for press in still_open:
        await bot.press(press, user_id=ADMIN)
        await bot.say("Vastaus.", user_id=ADMIN)
    assert await naming(stores.database, PERSON) == {}
    erased = await stores.database.fetch_all("SELECT created_at FROM tickets WHERE user_id = 0")
    assert erased and all(row[0] % 86400 == 0 for row in erased), [row[0] for row in erased]  # only the day remains


async def test_questions_kept_for_review_are_stored_with_personal_data_masked(bot: Harness) -> None:
    await bot.say("Mikä on paras pullaresepti? Soita 040 123 4567 tai maija.m@example.fi, hetu 010190-123A")
    await bot.say("Vilket är det bästa bullreceptet? Ring +358 40 765 4321", user_id=2, lang="sv")
    await bot.app.services.write_gathered()
    rows = await bot.app.services.stores.database.fetch_all("SELECT question FROM unanswered ORDER BY id")
    assert [row[0] for row in rows] == [
        "Mikä on paras pullaresepti? Soita [puhelinnumero] tai [sähköposti], hetu [henkilötunnus]",
        "Vilket är det bästa bullreceptet? Ring [telefonnummer]",
    ]


async def test_an_export_carries_no_telegram_ids_and_an_import_merges_only_what_it_held(
    bot: Harness, tmp_path: Path
) -> None:
    await bot.say(f"/join {await invite(bot, '837')}", user_id=PERSON)
    await edit_contact(bot, user=PERSON)  # cards to the official's private chat: their user id
    settings = bot.app.services.settings
    out = tmp_path / "exported"
    assert kanebot(settings.database, settings.knowledge_dir, "export", str(out)).returncode == 0
    written = "".join(path.read_text(encoding="utf-8") for path in out.rglob("*.yaml"))
    assert str(PERSON) not in written
    assert "avustukset@example.org" in (out / "contacts.yaml").read_text(encoding="utf-8")
    manifest = yaml.safe_load((out / "kanebot-export.yaml").read_text(encoding="utf-8"))
    exported = manifest["edits"]
    assert len(exported) == 1

    # After the export: a local addition (not in the export) and the contact edit still routes to the chat.
    await bot.say("/local", user_id=PERSON)
    await bot.press("f:entry:goal-1", user_id=PERSON)
    await bot.say("Tampereella avustukset haetaan toukokuussa.", user_id=PERSON)
    await bot.press("f:skip", user_id=PERSON)
    await bot.press("f:confirm", user_id=PERSON)
    imported = kanebot(settings.database, settings.knowledge_dir, "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert not (settings.knowledge_dir / "kanebot-export.yaml").exists()
    statuses = {edit.kind: edit.status for edit in await bot.app.services.stores.edits.history(None)}
    assert statuses == {"contact": "live", "local": "live"}  # the chat is kept in the database; the local is new
    assert "stay live" in imported.stdout


async def test_an_export_whose_edit_was_undone_since_is_not_imported(bot: Harness, tmp_path: Path) -> None:
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    await bot.say("/local", user_id=OFFICIAL)
    await bot.press("f:entry:goal-1", user_id=OFFICIAL)
    await bot.say("Tampereella avustukset haetaan toukokuussa.", user_id=OFFICIAL)
    await bot.press("f:skip", user_id=OFFICIAL)
    await bot.press("f:confirm", user_id=OFFICIAL)
    settings = bot.app.services.settings
    out = tmp_path / "exported"
    assert kanebot(settings.database, settings.knowledge_dir, "export", str(out)).returncode == 0
    history = await bot.say("/history", user_id=OFFICIAL)
    rollback = next(d for m in history for d in callback_data(m) if d.startswith("f:rollback:"))
    await bot.press(rollback, user_id=OFFICIAL)
    refused = kanebot(settings.database, settings.knowledge_dir, "import", str(out))
    assert refused.returncode == 1 and "undone after this export" in refused.stderr
    local = (settings.knowledge_dir / "local_answers.yaml").read_text(encoding="utf-8")
    assert "toukokuussa" not in local  # nothing changed


def test_retention_settings_are_read_and_bad_values_stop_the_bot() -> None:
    token = {"TELEGRAM_BOT_TOKEN": "123456789:AAEexampleexampleexampleexampleexa"}
    settings = Settings.from_env({**token, "KANEBOT_AUDIT_DAYS": "30", "KANEBOT_TICKET_DAYS": "180",
                                  "KANEBOT_OUTBOX_DAYS": "7", "KANEBOT_JOIN_ATTEMPT_DAYS": "2"})  # fmt: skip
    assert (settings.audit_days, settings.ticket_days, settings.outbox_days, settings.join_attempt_days) == (
        30,
        180,
        7,
        2,
    )
    for name in ("KANEBOT_AUDIT_DAYS", "KANEBOT_TICKET_DAYS", "KANEBOT_OUTBOX_DAYS", "KANEBOT_JOIN_ATTEMPT_DAYS"):
        for bad in ("0", "-5", "1.5", "30d", "99999999", "²"):
            with pytest.raises(SettingsError, match=name):
                Settings.from_env({**token, name: bad})


async def test_the_daily_purge_keeps_each_kind_of_record_only_as_long_as_set(bot: Harness) -> None:
    stores = bot.app.services.stores
    await bot.say(f"/join {await invite(bot, '837')}", user_id=OFFICIAL)
    await bot.say("/join wrong", user_id=5)
    await bot.say("Keneen otamme yhteyttä Tampereella tiloista?", user_id=6)
    await bot.press("m:handoff", user_id=6)
    await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=7)
    await bot.press("m:handoff", user_id=7)
    queue = await bot.say("/queue", user_id=OFFICIAL)
    await bot.press(callback_data(queue[0])[0], user_id=OFFICIAL)
    await bot.say("Tilat ovat maksuttomia.", user_id=OFFICIAL)  # one answered ticket, one open

    def counts() -> Any:
        return stores.database.fetch_one(
            "SELECT (SELECT COUNT(*) FROM audit), (SELECT COUNT(*) FROM join_attempts), "
            "(SELECT COUNT(*) FROM outbox), (SELECT COUNT(*) FROM tickets)"
        )

    settings = Settings(token="1:x", audit_days=30, join_attempt_days=1, outbox_days=7, ticket_days=60)
    assert tuple(await counts()) == (3, 1, 1, 2)  # create_invite, join, answer_ticket; the answer's outbox item
    await purge(stores, settings, now=time.time() + 2 * 86400)  # two days on: join attempts go
    assert tuple(await counts()) == (3, 0, 1, 2)
    await purge(stores, settings, now=time.time() + 8 * 86400)  # the delivered answer's text goes
    assert tuple(await counts()) == (3, 0, 0, 2)
    await purge(stores, settings, now=time.time() + 61 * 86400)  # the audit and the answered ticket; never an open one
    assert tuple(await counts()) == (0, 0, 0, 1)
    (open_ticket,) = await stores.tickets.open_page(None)
    assert "avustuksista" in open_ticket.question


async def test_debug_logs_carry_no_invite_codes_and_no_message_texts(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    logs.configure("DEBUG", [])
    caplog.set_level(logging.DEBUG)
    try:
        code = await invite(bot, "837")
        await bot.say(f"/join {code}", user_id=OFFICIAL)
        await bot.say("Salainen kysymys pullaresepteistä", user_id=5)
    finally:
        logging.getLogger().setLevel(logging.WARNING)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert code not in logged and "pullaresepteistä" not in logged


async def test_an_administrator_naming_an_area_that_does_not_exist_is_told_so(bot: Harness) -> None:
    for command in ("/local 99999", "/editcontact ZZ"):
        (sent,) = await bot.say(command, user_id=ADMIN)
        assert "ei löydy" in str(sent["text"]), texts([sent])
        assert (await bot.app.services.stores.profiles.get(ADMIN)).flow is None
