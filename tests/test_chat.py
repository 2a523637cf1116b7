"""`kanebot chat` behaves like the Telegram bot: numbered buttons chosen by typing the number, the commands an
association has, and a hand-over walked through to the end against the database `kanebot run` uses. Driven through
its standard input, as a person would use it."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.assistant import Assistant
from tests.conftest import ROOT
from tests.telegram_offline import BOT_USER
from tests.test_officials import ADMIN, start
from tests.test_telegram import stopped


def chat(lines: list[str], db: Path, stdin: bytes | None = None, admins: str = "") -> list[str]:
    """The output of one `kanebot chat` session, cut at each prompt: one piece per message of the bot."""
    env = {**os.environ, "KANEBOT_DB": str(db), "KANEBOT_ADMINS": admins}
    data = stdin if stdin is not None else ("\n".join(lines) + "\n").encode()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat"], input=data, capture_output=True, cwd=ROOT, env=env, timeout=60
    )
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr.decode()
    return result.stdout.decode("utf-8").split("> ")


def buttons(piece: str) -> list[str]:
    return re.findall(r"^  \[\d+\] (.+)$", piece, flags=re.MULTILINE)


def tickets(db: Path) -> list[tuple[str, str, str, int]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT status, question, area_id, chat_id FROM tickets ORDER BY id").fetchall()
    return [(row[0], row[1], row[2], row[3]) for row in rows]


def test_buttons_are_numbered_and_chosen_by_typing_the_number(tmp_path: Path) -> None:
    start_, swedish, goals, goal_one, goal_two, no_such, question = chat(
        ["2", "1", "1", "2", "9", "mål 3"], tmp_path / "kanebot.sqlite3"
    )[:7]
    assert buttons(start_) == ["Suomi", "Svenska", "Neljä tavoitetta", "Kenelle kysymys?"]  # as /start in Telegram
    assert "Okej, nu svarar jag på svenska." in swedish
    assert buttons(swedish) == ["De fyra målen", "Vem ska vi fråga?"]
    assert "KANE:s fyra mål" in goals and buttons(goals)[0] == "1 Civilsamhällets verksamhet"
    assert goal_one.startswith("1 ") and buttons(goal_one) == ["Alla mål", "Nästa ▶"]  # the goal browser
    assert goal_two.startswith("2 ") and buttons(goal_two) == ["◀ Föregående", "Alla mål", "Nästa ▶"]
    assert "Det finns 3 alternativ: välj ett nummer 1–3." in no_such
    assert question.startswith("3 ")  # a question, not a button


def test_the_commands_of_an_association_work(tmp_path: Path) -> None:
    db = tmp_path / "kanebot.sqlite3"
    _, help_, about, language, swedish, goal, usage, contact, unknown = chat(
        ["/help", "/about", "/language", "2", "/goal 2", "/goal 7", "/contact", "/foo"], db
    )[:9]
    assert "/goals – neljä tavoitetta" in help_ and "/quit – lopeta" in help_
    assert "Kansalaisyhteiskuntapolitiikan neuvottelukunta" in about
    assert buttons(language) == ["Suomi", "Svenska"] and "Nu svarar jag på svenska" in swedish.replace("Okej, n", "N")
    assert goal.startswith("2 ") and "Mål 2" not in usage and "Skriv målets nummer 1–4" in usage
    assert "i vilken kommun er förening verkar" in contact
    assert "Jag känner inte till kommandot /foo" in unknown
    # The language chosen is kept in the database, like the bot's: the next session answers in Swedish.
    assert "Hej! Jag är KANE-botten" in chat([], db)[0]


def test_a_remembered_municipality_and_forget(tmp_path: Path) -> None:
    db = tmp_path / "kanebot.sqlite3"
    pieces = chat(["Keneen otamme yhteyttä Porissa avustuksista?", "2"], db)
    assert buttons(pieces[1]) == ["Lähetä kysymys eteenpäin", "Muista kuntamme"]
    assert "Muistan nyt kuntanne: Pori" in pieces[2]
    again = chat(["Keneen otamme yhteyttä tiloista?", "/forget", "Keneen otamme yhteyttä tiloista?"], db)
    assert "Pori (kunta)" in again[1] and "/forget" in again[1]
    assert "Poistin tallentamani tiedot" in again[2] and "Missä kunnassa" in again[3]


def test_unreadable_input_gets_a_polite_answer_and_the_next_line_is_read(tmp_path: Path) -> None:
    pieces = chat([], tmp_path / "kanebot.sqlite3", stdin=b"\xff\xfe tavoite\ntavoite 4\n")
    assert "kelvollista tekstiä" in pieces[1] and pieces[2].startswith("4 ")


async def test_a_handover_is_walked_through_to_the_end_against_the_bots_database(
    tmp_path: Path, assistant: Assistant
) -> None:
    db = tmp_path / "kanebot.sqlite3"  # what `kanebot run` uses ($KANEBOT_DB)
    pieces = chat(["/contact", "Vi finns i Vasa", "1", "1"], db, admins=str(ADMIN))
    assert "Välj ämne" in pieces[2] and buttons(pieces[2])[0] == "Understöd till föreningar"
    assert "Rätt instans: Vasa (kommun)" in pieces[3] and "https://www.vaasa.fi/sv/" in pieces[3]
    assert "administratörernas nationella kö" in pieces[3]  # no official of Vaasa has joined
    assert "Er fråga har sparats i administratörernas nationella kö" in pieces[4]
    assert tickets(db) == [("queued", "Vi finns i Vasa", "905", 0)]

    # The bot (`kanebot run`) starts on the same database: the administrator gets the card and answers it.
    bot = await start(db, assistant)
    (card,) = [m for m in bot.request.of("sendMessage") if m["chat_id"] == ADMIN]
    assert "Nationella kön" in str(card["text"]) and "/invite 905" in str(card["text"])
    card_id = next(r["message_id"] for r in bot.request.results("sendMessage") if r["chat"]["id"] == ADMIN)
    reply = bot.updates.message("Ansökningstiden är i maj.", user_id=ADMIN)
    reply["message"]["reply_to_message"] = {"message_id": card_id, "date": 0, "chat": reply["message"]["chat"],
                                            "from": BOT_USER, "text": "card"}  # fmt: skip
    bot.request.clear()
    await bot.send(reply)
    assert [m["chat_id"] for m in bot.request.of("sendMessage")] == [ADMIN]  # nothing is sent to a terminal
    await stopped(bot)

    # The terminal shows the answer the next time it waits for input, once.
    pieces = chat(["tavoite 1"], db)
    assert "Svar på er fråga (Vasa (kommun)):\n\nAnsökningstiden är i maj." in pieces[0]
    assert "Ansökningstiden" not in "".join(pieces[1:])
    assert tickets(db) == [("closed", "Vi finns i Vasa", "905", 0)]
    assert "Ansökningstiden" not in "".join(chat(["tavoite 1"], db))
