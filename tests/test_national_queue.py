"""No promise no one can keep: where no official has joined for an area, the route says so plainly, still gives the
organisation's website (and registry office where known), and a hand-over goes to the administrators' national
queue, who can answer or invite the area's officials. The association is told which queue it went to."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.assistant import Assistant
from tests.conftest import ROOT
from tests.telegram_offline import BOT_USER
from tests.test_officials import ADMIN, ASSOCIATION, OFFICIAL, invite, start, texts
from tests.test_telegram import Harness, callback_data, stopped

HELSINKI_GRANTS = "Kuka käsittelee järjestöavustukset Helsingissä?"


@pytest.fixture
async def bot(db_target: Path | str, assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await start(db_target, assistant)
    yield harness
    await stopped(harness)


async def test_no_official_the_reply_says_so_and_the_question_goes_to_the_national_queue(bot: Harness) -> None:
    (route,) = await bot.say(HELSINKI_GRANTS, user_id=ASSOCIATION)
    text = str(route["text"])
    assert "Tässä botissa ei ole vielä yhtään virkahenkilöä organisaatiosta Helsinki (kunta)" in text
    assert "ylläpitäjien valtakunnalliseen jonoon" in text
    assert "https://hel.fi" in text and "helsinki.kirjaamo@hel.fi" in text  # the door is still there
    assert "vastaus tulee tänne." not in text.replace("jos siihen vastataan, vastaus tulee tänne", "")
    sent = await bot.press("m:handoff", user_id=ASSOCIATION)
    told, card = sent
    assert told["chat_id"] == ASSOCIATION and "tallennettu ylläpitäjien valtakunnalliseen jonoon" in str(told["text"])
    assert (
        card["chat_id"] == ADMIN and "Valtakunnallinen jono" in str(card["text"]) and "/invite 091" in str(card["text"])
    )
    card_id = next(r["message_id"] for r in bot.request.results("sendMessage") if r["chat"]["id"] == ADMIN)
    queue = await bot.say("/queue", user_id=ADMIN)
    assert "valtakunnallinen jono: ei virkahenkilöä, kutsu /invite 091" in texts(queue)
    # The administrator answers the card; the answer reaches the association.
    reply = bot.updates.message("Avustuksia haetaan toukokuussa.", user_id=ADMIN)
    reply["message"]["reply_to_message"] = {"message_id": card_id, "date": 0, "chat": reply["message"]["chat"],
                                            "from": BOT_USER, "text": "card"}  # fmt: skip
    bot.request.clear()
    await bot.send(reply)
    answered = [m for m in bot.request.of("sendMessage") if m["chat_id"] == ASSOCIATION]
    assert len(answered) == 1 and "Avustuksia haetaan toukokuussa." in str(answered[0]["text"])


async def test_once_an_official_has_joined_the_question_goes_to_the_area(bot: Harness) -> None:
    code = await invite(bot, "091")
    await bot.say(f"/join {code}", user_id=OFFICIAL)
    (route,) = await bot.say(HELSINKI_GRANTS, user_id=ASSOCIATION)
    assert "virkahenkilöille (Helsinki (kunta)); heidän vastauksensa tulee tänne" in str(route["text"])
    assert "valtakunnallinen" not in str(route["text"])
    sent = await bot.press("m:handoff", user_id=ASSOCIATION)
    assert [m["chat_id"] for m in sent] == [ASSOCIATION]  # no card to the administrator
    assert "odottaa vastausta" in str(sent[0]["text"])
    queue = await bot.say("/queue", user_id=OFFICIAL)
    assert HELSINKI_GRANTS in texts(queue) and "valtakunnallinen" not in texts(queue)
    assert any(data.startswith("a:") for message in queue for data in callback_data(message))
    # Revoked again: the next question is the administrators' once more.
    await bot.say(f"/revoke {OFFICIAL} 091", user_id=ADMIN)
    (route,) = await bot.say(HELSINKI_GRANTS, user_id=ASSOCIATION + 1)
    assert "valtakunnalliseen jonoon" in str(route["text"])


async def test_the_national_queue_comes_first_in_the_administrators_queue(bot: Harness) -> None:
    code = await invite(bot, "837")
    await bot.say(f"/join {code}", user_id=OFFICIAL)
    for user, question in ((ASSOCIATION, "Keneen otamme yhteyttä Tampereella avustuksista?"),
                           (ASSOCIATION + 1, "Keneen otamme yhteyttä Oulussa avustuksista?")):  # fmt: skip
        await bot.say(question, user_id=user)
        await bot.press("m:handoff", user_id=user)
    queue = [str(message["text"]) for message in await bot.say("/queue", user_id=ADMIN)]
    assert "Oulu" in queue[0] and "valtakunnallinen jono" in queue[0]  # newer, but no one else can see it
    assert "Tampere" in queue[1] and "valtakunnallinen" not in queue[1]


def test_without_a_database_the_reply_promises_nothing_either_way() -> None:
    """`kanebot ask` reads no database: it cannot know who has joined, so it says neither."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", HELSINKI_GRANTS], capture_output=True, cwd=ROOT, check=True
    )
    text = json.loads(result.stdout)["text"]
    assert "virkahenkilö" not in text and "https://hel.fi" in text
