"""Officials keep contacts and answers current in chat: guided steps, versions, review, rollback, export/import."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from bot.assistant import Assistant
from bot.content.edits import FIELD_PROBLEMS, MAX_TEXT
from bot.core.lang import LANGS
from tests.conftest import KNOWLEDGE, ROOT
from tests.test_officials import (
    ADMIN,
    ASSOCIATION,
    OFFICIAL,
    OTHER_OFFICIAL,
    OUTSIDER,
    hand_over,
    invite,
    start,
    texts,
)
from tests.test_telegram import Harness, callback_data, stopped


@pytest.fixture
async def bot(tmp_path: Path, db_target: Path | str) -> AsyncIterator[Harness]:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    harness = await start(db_target, Assistant.load(knowledge), knowledge)
    await harness.say(f"/join {await invite(harness, '837')}", user_id=OFFICIAL)
    await harness.say(f"/join {await invite(harness, '091')}", user_id=OTHER_OFFICIAL)
    yield harness
    await stopped(harness)


async def edit_contact(bot: Harness, user: int = OFFICIAL) -> list[dict[str, object]]:
    (topics,) = await bot.say("/editcontact", user_id=user)
    assert "f:topic:grants" in callback_data(topics) and "f:topic:general" in callback_data(topics)
    await bot.press("f:topic:grants", user_id=user)
    await bot.say("Järjestöavustukset", user_id=user)  # name in Finnish
    await bot.press("f:skip", user_id=user)  # Swedish name pending
    await bot.say("avustukset@example.org", user_id=user)
    (invalid,) = await bot.say("not a phone", user_id=user)
    assert "ei näytä puhelinnumerolta (esimerkiksi +358 9 123 4567)" in str(invalid["text"])
    assert callback_data(invalid) == ["f:skip", "f:cancel"]  # a phone number is optional
    await bot.press("f:skip", user_id=user)  # phone
    await bot.press("f:skip", user_id=user)  # web
    (preview,) = await bot.press("f:chat:yes", user_id=user)
    assert "Esikatselu" in str(preview["text"]) and "Sähköposti: avustukset@example.org" in str(preview["text"])
    return await bot.press("f:confirm", user_id=user)


async def test_an_official_sets_a_contact_and_associations_see_it_at_once(bot: Harness) -> None:
    saved = await edit_contact(bot)
    assert "Tallennettu (muutos #" in texts(saved)
    (route,) = await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=ASSOCIATION)
    assert "Järjestöavustukset" in str(route["text"]) and "avustukset@example.org" in str(route["text"])
    # The official registered their own chat: a handed-over question now arrives there.
    sent = await bot.press("m:handoff", user_id=ASSOCIATION)
    assert [m["chat_id"] for m in sent] == [ASSOCIATION, OFFICIAL]


async def test_the_edit_survives_a_restart(tmp_path: Path, db_target: Path | str) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    db = db_target
    first = await start(db, Assistant.load(knowledge), knowledge)
    await first.say(f"/join {await invite(first, '837')}", user_id=OFFICIAL)
    await edit_contact(first)
    await stopped(first)
    second = await start(db, Assistant.load(knowledge), knowledge)
    (route,) = await second.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=ASSOCIATION)
    assert "avustukset@example.org" in str(route["text"])
    await stopped(second)


async def test_a_value_that_cannot_be_right_is_explained_in_the_officials_language(bot: Harness) -> None:
    await bot.say("/editcontact", user_id=OFFICIAL)
    await bot.press("f:topic:grants", user_id=OFFICIAL)
    (too_long,) = await bot.say("x" * (MAX_TEXT + 1), user_id=OFFICIAL)  # the Finnish name
    assert f"enintään {MAX_TEXT} merkkiä" in str(too_long["text"])
    assert callback_data(too_long) == ["f:cancel"]  # the Finnish name cannot be skipped
    await bot.say("Järjestöavustukset", user_id=OFFICIAL)
    await bot.press("f:skip", user_id=OFFICIAL)  # the Swedish name
    (wrong,) = await bot.say("avustukset at example.org", user_id=OFFICIAL, lang="sv")
    assert "ser inte ut som en e-postadress" in str(wrong["text"])  # their Telegram is in Swedish now


def test_every_kind_of_wrong_value_has_its_message() -> None:
    messages = Assistant.load(KNOWLEDGE).knowledge.messages
    for problem in FIELD_PROBLEMS:
        for lang in LANGS:
            assert messages.get(f"edit_invalid_{problem}", lang, limit=MAX_TEXT)


async def test_no_one_edits_another_area(bot: Harness) -> None:
    assert "vain virkahenkilöille" in texts(await bot.say("/editcontact", user_id=OUTSIDER))
    await bot.say("/editcontact", user_id=OTHER_OFFICIAL)  # Helsinki's official: straight to topics for 091
    assert await bot.press("f:area:837", user_id=OTHER_OFFICIAL) == []  # forged: not their area
    assert await bot.press("f:confirm", user_id=OUTSIDER) == []  # nothing in progress, no rights


async def test_cancel_at_any_step(bot: Harness) -> None:
    await bot.say("/editcontact", user_id=OFFICIAL)
    await bot.press("f:topic:premises", user_id=OFFICIAL)
    assert "Peruttu" in texts(await bot.press("f:cancel", user_id=OFFICIAL))
    (answer,) = await bot.say("Mikä on KANE?", user_id=OFFICIAL)  # a normal question again, not a contact name
    assert "oikeusministeriön" in str(answer["text"])


async def test_a_local_addition_follows_the_national_answer_with_a_pending_translation(bot: Harness) -> None:
    await bot.say("/local", user_id=OFFICIAL)
    await bot.press("f:entry:goal-1.action-2", user_id=OFFICIAL)
    await bot.say("Tampereella järjestöavustukset haetaan tammikuussa.", user_id=OFFICIAL)
    await bot.press("f:skip", user_id=OFFICIAL)
    await bot.press("f:confirm", user_id=OFFICIAL)
    await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=ASSOCIATION)
    await bot.press("r:837", user_id=ASSOCIATION)  # the association lets the bot remember Tampere
    (answer,) = await bot.say("Miten kunta voisi keventää avustusten byrokratiaa?", user_id=ASSOCIATION)
    assert "Paikallisesti – Tampere" in str(answer["text"]) and "tammikuussa" in str(answer["text"])
    (swedish,) = await bot.say("Hur kan kommunen minska byråkratin kring bidrag?", user_id=ASSOCIATION, lang="sv")
    assert "tammikuussa" in str(swedish["text"]) and "bara på finska" in str(swedish["text"])
    (elsewhere,) = await bot.say("Miten kunta voisi keventää avustusten byrokratiaa?", user_id=ASSOCIATION + 1)
    assert "tammikuussa" not in str(elsewhere["text"])


async def propose(bot: Harness, entry: str, finnish: str, swedish: str | None) -> str:
    """An official proposes new text for a national answer; the proposal's number."""
    await bot.say("/propose", user_id=OFFICIAL)
    await bot.press(f"f:entry:{entry}", user_id=OFFICIAL)
    await bot.say(finnish, user_id=OFFICIAL)
    if swedish is None:
        await bot.press("f:skip", user_id=OFFICIAL)
    else:
        await bot.say(swedish, user_id=OFFICIAL)
    saved = await bot.press("f:confirm", user_id=OFFICIAL)
    edit_id = re.search(r"Ehdotus #(\d+)", texts(saved))
    assert edit_id is not None, texts(saved)
    return edit_id.group(1)


async def test_a_proposal_changes_the_national_answer_only_when_an_admin_approves(bot: Harness) -> None:
    number = await propose(bot, "goal-3.action-2", "Uusi ehdotettu teksti.", "Ny föreslagen text.")
    assert "Uusi ehdotettu teksti." not in texts(await bot.say("tavoite 3", user_id=ASSOCIATION))
    assert await bot.press(f"f:approve:{number}", user_id=OFFICIAL) == []  # officials cannot approve
    (review,) = await bot.say("/review", user_id=ADMIN)
    assert f"f:approve:{number}" in callback_data(review)
    await bot.press(f"f:approve:{number}", user_id=ADMIN)
    assert "Uusi ehdotettu teksti." in texts(await bot.say("tavoite 3", user_id=ASSOCIATION))


async def test_history_and_rollback(bot: Harness) -> None:
    await edit_contact(bot)
    history = await bot.say("/history", user_id=OFFICIAL)
    rollback = [data for message in history for data in callback_data(message) if data.startswith("f:rollback:")]
    assert len(rollback) == 1
    assert await bot.press(rollback[0], user_id=OTHER_OFFICIAL) == []  # not their area
    assert "peruttu" in texts(await bot.press(rollback[0], user_id=OFFICIAL))
    (route,) = await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=ASSOCIATION)
    assert "avustukset@example.org" not in str(route["text"])
    edits = await bot.app.services.stores.edits.history(None)
    assert [(edit.kind, edit.status, edit.author) for edit in edits] == [("contact", "rolled_back", OFFICIAL)]


async def test_a_good_question_from_the_queue_becomes_an_alternative_question_once_an_admin_approves(
    bot: Harness,
) -> None:
    await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    queue = await bot.say("/queue", user_id=OFFICIAL)
    ask = next(data for data in callback_data(queue[0]) if data.startswith("f:ask:"))
    await bot.press(ask, user_id=OFFICIAL)
    (prompt,) = await bot.press("f:entry:goal-1.action-3", user_id=OFFICIAL)
    assert "ilman nimiä, puhelinnumeroita" in str(prompt["text"])
    assert callback_data(prompt) == ["f:asis", "f:cancel"]  # nothing personal was found: it may be kept as asked
    (preview,) = await bot.press("f:asis", user_id=OFFICIAL)
    assert "goal-1.action-3" not in str(preview["text"])  # the answer by its name, not its id
    assert "Vastaus: Tavoite 1 · " in str(preview["text"]) and "Kieli: Suomi" in str(preview["text"])
    saved = await bot.press("f:confirm", user_id=OFFICIAL)
    assert "Botti alkaa tunnistaa sen, kun ylläpitäjä on hyväksynyt sen" in texts(saved)
    entry = bot.app.services.assistant.knowledge.entry("goal-1.action-3")
    assert "Keneen otamme yhteyttä Tampereella tiloista?" not in entry.questions_fi  # not before review
    review = await bot.say("/review", user_id=ADMIN)
    assert "Keneen otamme yhteyttä Tampereella tiloista?" in texts(review) and "(Suomi)" in texts(review)
    approve = next(data for data in callback_data(review[0]) if data.startswith("f:approve:"))
    await bot.press(approve, user_id=ADMIN)
    entry = bot.app.services.assistant.knowledge.entry("goal-1.action-3")
    assert "Keneen otamme yhteyttä Tampereella tiloista?" in entry.questions_fi


async def test_personal_data_an_association_typed_never_enters_the_knowledge(bot: Harness) -> None:
    asked = "Keneen otamme yhteyttä Tampereella tiloista? Soittakaa Maijalle 040 123 4567 tai maija@example.org"
    await hand_over(bot, asked)
    queue = await bot.say("/queue", user_id=OFFICIAL)
    await bot.press(next(d for d in callback_data(queue[0]) if d.startswith("f:ask:")), user_id=OFFICIAL)
    (prompt,) = await bot.press("f:entry:goal-1.action-3", user_id=OFFICIAL)
    assert "[puhelinnumero]" in str(prompt["text"]) and "[sähköposti]" in str(prompt["text"])
    assert "040 123 4567" not in str(prompt["text"]) and "maija@example.org" not in str(prompt["text"])
    assert callback_data(prompt) == ["f:cancel"]  # it must be written anew
    assert await bot.press("f:asis", user_id=OFFICIAL) == []  # a forged "as is" is refused
    (again,) = await bot.say("Keneen otamme yhteyttä tiloista? Numero 040 123 4567", user_id=OFFICIAL)
    assert "puhelinnumero, sähköpostiosoite tai henkilötunnus" in str(again["text"])
    await bot.say("Keneen yhdistys ottaa yhteyttä kunnan tiloista?", user_id=OFFICIAL)
    await bot.press("f:confirm", user_id=OFFICIAL)
    rows = await bot.app.services.stores.database.fetch_all("SELECT after, status FROM edits WHERE kind = 'question'")
    assert [(json.loads(row[0])["text"], row[1]) for row in rows] == [
        ("Keneen yhdistys ottaa yhteyttä kunnan tiloista?", "pending")
    ]
    profiles = await bot.app.services.stores.database.fetch_all("SELECT flow FROM profiles WHERE flow IS NOT NULL")
    assert all("040 123 4567" not in str(row[0]) for row in profiles)


def kanebot(db: Path | str, knowledge: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KANEBOT_DB": str(db)}
    command = [sys.executable, "-m", "bot", "--knowledge", str(knowledge), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)


async def test_export_writes_reviewable_yaml_and_import_loads_it_back(bot: Harness, tmp_path: Path) -> None:
    await edit_contact(bot)
    db = bot.app.services.settings.database
    knowledge = bot.app.services.settings.knowledge_dir
    out = tmp_path / "exported"
    result = kanebot(db, knowledge, "export", str(out))
    assert result.returncode == 0, result.stderr
    contacts = yaml.safe_load((out / "contacts.yaml").read_text(encoding="utf-8"))["contacts"]
    assert {"area": "837", "topic": "grants"}.items() <= next(c for c in contacts if c["area"] == "837").items()
    assert (out / "contacts.yaml").read_text(encoding="utf-8").startswith("# Contacts per area and topic")

    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    (broken / "topics.yaml").write_text("topics: [", encoding="utf-8")
    refused = kanebot(db, knowledge, "import", str(broken))
    assert refused.returncode == 1 and "topics.yaml" in refused.stderr
    assert "avustukset@example.org" not in (knowledge / "contacts.yaml").read_text(encoding="utf-8")

    imported = kanebot(db, knowledge, "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "avustukset@example.org" in (knowledge / "contacts.yaml").read_text(encoding="utf-8")


async def test_a_proposal_in_one_language_says_so_in_the_other(bot: Harness) -> None:
    number = await propose(bot, "goal-3.action-2", "Vain suomeksi kirjoitettu uusi teksti.", None)
    await bot.press(f"f:approve:{number}", user_id=ADMIN)
    swedish = texts(await bot.say("mål 3", user_id=ASSOCIATION, lang="sv"))
    assert "Vain suomeksi kirjoitettu uusi teksti." in swedish and "bara på finska" in swedish
    finnish = texts(await bot.say("tavoite 3", user_id=ASSOCIATION + 1))
    assert "Vain suomeksi kirjoitettu uusi teksti." in finnish and "vain ruotsiksi" not in finnish


async def test_a_contact_name_left_in_one_language_is_marked_in_the_other(bot: Harness) -> None:
    await edit_contact(bot)  # the Swedish name was skipped
    swedish = texts(await bot.say("Vem kontaktar vi i Tammerfors om bidrag?", user_id=ASSOCIATION, lang="sv"))
    assert "Järjestöavustukset" in swedish and "bara på finska" in swedish


async def test_stale_answers_are_flagged_to_admins_and_to_the_area_officials(bot: Harness) -> None:
    import datetime as dt

    from handlers.officials.commands import OfficialHandlers

    await edit_contact(bot)  # verified today
    officials = OfficialHandlers(bot.app.services)
    bot.request.clear()
    assert await officials.flag_stale(bot.app.bot, today=dt.date.today()) == 0  # nothing is stale yet
    later = dt.date.today() + dt.timedelta(days=400)
    assert await officials.flag_stale(bot.app.bot, today=later) == 2
    sent = {int(m["chat_id"]): str(m["text"]) for m in bot.request.of("sendMessage")}
    assert "goal-1.action-2" in sent[ADMIN]  # national answers, to administrators
    assert "grants" in sent[OFFICIAL] and "goal-" not in sent[OFFICIAL]  # their own area's contact
    assert OTHER_OFFICIAL not in sent  # Helsinki has nothing stale


@pytest.mark.parametrize(
    ("command", "user"),
    [("/local", OUTSIDER), ("/propose", OUTSIDER), ("/history", OUTSIDER), ("/review", OFFICIAL),
     ("/editcontact 837", OUTSIDER), ("/editcontact 837", OTHER_OFFICIAL)],
)  # fmt: skip
async def test_editing_commands_are_refused_without_the_right(bot: Harness, command: str, user: int) -> None:
    sent = texts(await bot.say(command, user_id=user))
    if command == "/editcontact 837" and user == OTHER_OFFICIAL:
        # An official's argument is ignored: they edit only their own area (Helsinki), never Tampere.
        assert "Minkä aiheen yhteystieto" in sent
        assert await bot.press("f:area:837", user_id=user) == []
    else:
        assert "vain virkahenkilöille tai ylläpitäjille" in sent


async def test_forged_flow_buttons_are_refused(bot: Harness) -> None:
    ticket = await hand_over(bot, "Keneen otamme yhteyttä Tampereella tiloista?")
    for data, user in [
        (f"f:ask:{ticket}", OTHER_OFFICIAL),  # another area's ticket
        ("f:entry:goal-1", OFFICIAL),  # no flow in progress
        ("f:topic:grants", OFFICIAL),
        ("f:approve:1", OUTSIDER),
        ("f:rollback:1", OUTSIDER),
        ("f:nonsense", OFFICIAL),
    ]:
        assert await bot.press(data, user_id=user) == [], data
    # Pressed without the right (not merely stale): written to /audit like a refused command.
    refused = await refusals(bot)
    assert (OTHER_OFFICIAL, {"command": "add_question", "ticket": ticket}) in refused
    assert (OUTSIDER, {"command": "approve", "edit": 1}) in refused
    assert all(user != OFFICIAL for user, _ in refused)  # a button out of step is not an attempt on rights


async def refusals(bot: Harness) -> list[tuple[int | None, dict[str, object]]]:
    log = await bot.app.services.stores.access.audit_log()
    return [(line.actor, line.detail) for line in log if line.action == "refused"]


async def test_an_admin_edits_any_area_by_naming_it(bot: Harness) -> None:
    (topics,) = await bot.say("/editcontact 091", user_id=ADMIN)
    assert "f:topic:general" in callback_data(topics)


async def test_sighup_reloads_the_knowledge(tmp_path: Path) -> None:
    import asyncio
    import signal

    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    harness = await start(tmp_path / "kanebot.sqlite3", Assistant.load(knowledge), knowledge)
    before = harness.app.services.assistant
    os.kill(os.getpid(), signal.SIGHUP)
    for _ in range(50):
        await asyncio.sleep(0.05)
        if harness.app.services.assistant is not before:
            break
    assert harness.app.services.assistant is not before
    (knowledge / "topics.yaml").write_text("topics: [", encoding="utf-8")
    reloaded = harness.app.services.assistant
    os.kill(os.getpid(), signal.SIGHUP)
    await asyncio.sleep(0.5)
    assert harness.app.services.assistant is reloaded  # a bad file keeps the running knowledge
    asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    await stopped(harness)


async def test_rights_revoked_during_a_flow_stop_the_save(bot: Harness) -> None:
    await bot.say("/propose", user_id=OFFICIAL)
    await bot.press("f:entry:goal-1", user_id=OFFICIAL)
    await bot.say("Teksti", user_id=OFFICIAL)
    await bot.say("Text", user_id=OFFICIAL)
    await bot.say(f"/revoke {OFFICIAL} 837", user_id=ADMIN)
    assert await bot.press("f:confirm", user_id=OFFICIAL) == []
    assert await bot.app.services.stores.edits.history(None) == []
    assert (OFFICIAL, {"command": "save_proposal", "area": None}) in await refusals(bot)


async def test_an_unanswered_question_of_the_area_becomes_an_alternative_question(bot: Harness) -> None:
    await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=ASSOCIATION)
    await bot.press("r:837", user_id=ASSOCIATION)  # the association's area is known: Tampere
    await bot.say("Mikä on paras pullaresepti?", user_id=ASSOCIATION)
    listed = await bot.say("/unanswered", user_id=OFFICIAL)
    add = [data for message in listed for data in callback_data(message) if data.startswith("f:uq:")]
    assert len(add) == 1 and "pullaresepti" in texts(listed)
    assert await bot.press(add[0], user_id=OTHER_OFFICIAL) == []  # Helsinki's official: not their question
    assert await bot.press(add[0], user_id=OUTSIDER) == []
    await bot.press(add[0], user_id=OFFICIAL)
    await bot.press("f:entry:goal-1.action-2", user_id=OFFICIAL)
    await bot.press("f:asis", user_id=OFFICIAL)
    assert "Kysymysehdotus" in texts(await bot.press("f:confirm", user_id=OFFICIAL))
    review = await bot.say("/review", user_id=ADMIN)
    await bot.press(next(d for d in callback_data(review[0]) if d.startswith("f:approve:")), user_id=ADMIN)
    assert "Mikä on paras pullaresepti?" in bot.app.services.assistant.knowledge.entry("goal-1.action-2").questions_fi
    (answer,) = await bot.say("Mikä on paras pullaresepti?", user_id=ASSOCIATION + 5)
    assert "avustuskäytäntönsä" in str(answer["text"])


async def test_a_revoked_official_no_longer_receives_the_area_questions(bot: Harness) -> None:
    await edit_contact(bot)  # the official registered their private chat for Tampere's grants questions
    await bot.say(f"/revoke {OFFICIAL} 837", user_id=ADMIN)
    await bot.say("Keneen otamme yhteyttä Tampereella avustuksista?", user_id=ASSOCIATION)
    sent = await bot.press("m:handoff", user_id=ASSOCIATION)
    # No official is left for Tampere: the question goes to the national queue (a card to the administrator), not
    # to the revoked official's chat.
    assert [m["chat_id"] for m in sent] == [ASSOCIATION, ADMIN]
    assert "valtakunnalliseen jonoon" in str(sent[0]["text"])
