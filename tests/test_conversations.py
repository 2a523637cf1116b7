"""Conversations continue: after the bot asks for the municipality or the topic, a bare place name, an inflected one,
a topic word or a typo of either completes the question it asked about, in the core, in Telegram and in
`kanebot chat`. Anything else is a new question."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.core.reply import Reply
from tests.conftest import ROOT
from tests.test_telegram import Harness, callback_data, started, stopped

ASK_PLACE_FI = "Keneen otamme yhteyttä avustuksista?"  # → "Missä kunnassa yhdistyksesi toimii?"
ASK_PLACE_SV = "Vem ska vår förening kontakta om bidrag?"
ASK_TOPIC_FI = "Keneen otamme yhteyttä Porissa?"  # → "Mitä asia koskee (Pori)? Valitse aihe:"
ASK_TOPIC_SV = "Vem ska vi kontakta i Åbo?"


def converse(assistant: Assistant, *messages: str) -> list[Reply]:
    conversation = Conversation()
    replies = []
    for message in messages:
        reply = assistant.reply(message, conversation)
        replies.append(reply)
        conversation = Conversation(last_lang=reply.lang, pending=reply.pending)
    return replies


def place_and_topic(reply: Reply) -> tuple[str, str, str] | None:
    if reply.kind != "route" or reply.route is None:
        return None
    return reply.route["municipality"]["code"], reply.route["topic"], reply.lang


@pytest.mark.parametrize(
    ("first", "answer", "expected"),
    [
        (ASK_PLACE_FI, "Jyväskylä", ("179", "grants", "fi")),  # the broken thread
        (ASK_PLACE_FI, "Jyväskylässä", ("179", "grants", "fi")),  # inflected
        (ASK_PLACE_FI, "jyvaskylassa", ("179", "grants", "fi")),  # no capital, no diacritics
        (ASK_PLACE_FI, "Jyväskyä", ("179", "grants", "fi")),  # a typo
        (ASK_PLACE_FI, "Vanta", ("092", "grants", "fi")),  # a typo in a short name
        (ASK_PLACE_FI, "salo", ("734", "grants", "fi")),  # a name that is also a word ("salo" = backwoods)
        (ASK_PLACE_FI, "Toimimme Pertunmaalla", ("507", "grants", "fi")),  # Pertunmaa joined Mäntyharju
        (ASK_PLACE_SV, "Borgå", ("638", "grants", "sv")),  # the bare "Borgå"
        (ASK_PLACE_SV, "Borga", ("638", "grants", "sv")),
        (ASK_PLACE_SV, "Vi finns i Jakobstad", ("598", "grants", "sv")),
        (ASK_TOPIC_FI, "avustukset", ("609", "grants", "fi")),  # a topic word after the topic list
        (ASK_TOPIC_FI, "vertaistki", ("609", "peer-support", "fi")),  # with a typo
        (ASK_TOPIC_FI, "Kultuuri", ("609", "culture-sport-youth", "fi")),
        (ASK_TOPIC_SV, "bidrag", ("853", "grants", "sv")),
        (ASK_TOPIC_SV, "kamratstöd", ("853", "peer-support", "sv")),
        (ASK_TOPIC_SV, "lokaller", ("853", "premises", "sv")),
    ],
)
def test_an_answer_completes_the_question_the_bot_asked(
    assistant: Assistant, first: str, answer: str, expected: tuple[str, str, str]
) -> None:
    asked, completed = converse(assistant, first, answer)
    assert asked.kind == "clarify"
    assert place_and_topic(completed) == expected, completed.text
    assert completed.pending is not None and completed.pending.question == first  # the question handed over


def test_a_place_after_the_topic_list_changes_the_place_and_asks_again(assistant: Assistant) -> None:
    _, again, completed = converse(assistant, ASK_TOPIC_SV, "Borgå", "lokaler")
    assert (again.clarify, again.pending and again.pending.municipality) == ("topic", "638")
    assert "Borgå" in again.text
    assert place_and_topic(completed) == ("638", "premises", "sv")


def test_a_new_question_is_not_taken_as_an_answer(assistant: Assistant) -> None:
    _, whole = converse(assistant, ASK_PLACE_FI, "Keneen otamme yhteyttä Oulussa tiloista?")
    assert place_and_topic(whole) == ("564", "premises", "fi")
    assert whole.pending is not None and whole.pending.question == "Keneen otamme yhteyttä Oulussa tiloista?"
    _, goal = converse(assistant, ASK_PLACE_FI, "tavoite 2")
    assert (goal.kind, goal.goal, goal.pending) == ("answer", 2, None)
    _, thanks = converse(assistant, ASK_TOPIC_FI, "kiitos")
    assert thanks.kind == "greeting"


def test_a_bare_word_is_a_place_only_when_the_bot_asked_for_one(assistant: Assistant) -> None:
    assert assistant.reply("salo").kind != "route"
    assert assistant.reply("Vanta").kind != "route"


@pytest.fixture
async def bot(tmp_path: Path, assistant: Assistant) -> AsyncIterator[Harness]:
    harness = await started(tmp_path / "kanebot.sqlite3", assistant)
    yield harness
    await stopped(harness)


async def test_the_threads_continue_in_telegram(bot: Harness) -> None:
    (asked,) = await bot.say(ASK_PLACE_FI)
    assert "Missä kunnassa yhdistyksesi toimii?" in str(asked["text"])
    (route,) = await bot.say("Jyväskylä")
    assert "Oikea taho: Jyväskylä (kunta)" in str(route["text"]) and "https://www.jyvaskyla.fi/" in str(route["text"])

    (topics,) = await bot.say(ASK_TOPIC_SV, lang="sv")
    assert "t:grants" in callback_data(topics)
    (route,) = await bot.say("bidrag", lang="sv")
    assert "Rätt instans: Åbo (kommun)" in str(route["text"])

    await bot.say(ASK_PLACE_SV, lang="sv")
    (route,) = await bot.say("Borgå", lang="sv")
    assert "Rätt instans: Borgå (kommun)" in str(route["text"])

    await bot.say("/contact", user_id=2)
    (topics,) = await bot.say("Jyväskyä", user_id=2)  # a typo in the answer to /contact
    assert "t:grants" in callback_data(topics) and "Jyväskylä" in str(topics["text"])
    (route,) = await bot.say("vertaistki", user_id=2)
    assert "Keski-Suomen hyvinvointialue" in str(route["text"])


def chat(stdin: str, db: Path) -> str:
    env = {**os.environ, "KANEBOT_DB": str(db)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input=stdin.encode(), capture_output=True, cwd=ROOT, env=env, timeout=60
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr.decode()
    return result.stdout.decode("utf-8")


def test_the_threads_continue_in_kanebot_chat(tmp_path: Path) -> None:
    output = chat(f"{ASK_PLACE_FI}\nJyväskylä\n{ASK_TOPIC_SV}\nkamratstöd\n{ASK_PLACE_SV}\nBorgå\n/quit\n",
                  tmp_path / "chat.sqlite3")  # fmt: skip
    assert "Oikea taho: Jyväskylä (kunta)" in output
    assert "Rätt instans: Egentliga Finlands välfärdsområde" in output
    assert "Rätt instans: Borgå (kommun)" in output
