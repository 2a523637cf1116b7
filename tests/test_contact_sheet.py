"""`kanebot contacts import FILE.csv` and `kanebot contacts export`: a county's association-cooperation team keeps
its contacts in a spreadsheet. All rows valid or nothing changes; each row a versioned edit in the audit log."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.assistant import Assistant
from bot.content.contact_sheet import COLUMNS
from bot.content.edits import Edit
from bot.storage.edits import _edit
from tests.conftest import KNOWLEDGE, ROOT

SHEET = (
    "\ufeffarea;topic;name_fi;name_sv;person;role_fi;role_sv;email;phone;web;languages;telegram_chat;last_verified\n"
    "PI;general;Järjestöyhteistyö;Organisationssamarbete;;;;jarjestot@example.org;;https://example.org/jarjestot;"
    "fi, sv;;2026-11-01\n"
    "pi;peer-support;Vertaistuen koordinaattori;;Maija Meikäläinen;Koordinaattori;Koordinator;;03 123 4567;;fi;;\n"
    ";;;;;;;;;;;;\n"  # an empty row between blocks, as spreadsheets have
    "91;grants;Avustukset;Understöd;;;;avustukset@example.org;;;;-100123;2026-10-15\n"  # the zero was dropped
)


def kanebot(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KANEBOT_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, cwd=ROOT, env=env, timeout=60, text=True, check=False
    )


def edits(db: Path) -> list[Edit]:
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        return [_edit(row) for row in connection.execute("SELECT * FROM edits ORDER BY id")]


def audit(db: Path) -> list[tuple[str, dict[str, object]]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT action, detail FROM audit ORDER BY id").fetchall()
    return [(row[0], json.loads(row[1])) for row in rows]


def test_an_import_is_a_versioned_edit_per_row_and_the_bot_shows_the_contacts(tmp_path: Path) -> None:
    db, sheet = tmp_path / "kanebot.sqlite3", tmp_path / "yhteystiedot.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    result = kanebot(db, "contacts", "import", str(sheet), "--by", "10")
    assert result.returncode == 0, result.stderr
    assert "3 contact(s) saved as live edits #1–#3" in result.stdout
    saved = edits(db)
    assert [(e.kind, e.area, e.target, e.status, e.author, e.before) for e in saved] == [
        ("contact", "PI", "general", "live", 10, None),
        ("contact", "PI", "peer-support", "live", 10, None),
        ("contact", "091", "grants", "live", 10, None),
    ]
    assert [action for action, _ in audit(db)] == ["edit_contact"] * 3
    assert audit(db)[0][1] == {"edit": 1, "area": "PI", "target": "general", "via": "import"}

    assistant = Assistant.load(KNOWLEDGE, edits=saved)  # as the bot after /reload
    reply = assistant.reply("Keneen otamme yhteyttä Tampereella vertaistuesta?")
    assert reply.route is not None
    (contact,) = reply.route["contacts"]
    assert (contact["name"], contact["person"], contact["role"], contact["phone"]) == (
        "Vertaistuen koordinaattori", "Maija Meikäläinen", "Koordinaattori", "03 123 4567",
    )  # fmt: skip
    assert "https://www.pirha.fi/" in reply.text  # the website is still shown
    swedish = assistant.reply("Vem kontaktar vi i Tammerfors om kamratstöd?")
    assert "Vertaistuen koordinaattori" in swedish.text and "bara på finska" in swedish.text  # name pending in sv
    helsinki = assistant.reply("Kuka käsittelee järjestöavustukset Helsingissä?")
    assert helsinki.route is not None and helsinki.route["contacts"][0]["telegram_chat"] is True
    assert helsinki.route["contacts"][0]["last_verified"] == "2026-10-15"


def test_export_writes_the_contacts_in_effect_and_a_reimport_changes_nothing(tmp_path: Path) -> None:
    db, sheet, exported = tmp_path / "kanebot.sqlite3", tmp_path / "in.csv", tmp_path / "out.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert kanebot(db, "contacts", "import", str(sheet)).returncode == 0
    result = kanebot(db, "contacts", "export")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(COLUMNS)
    assert [(row["area"], row["topic"]) for row in rows] == [("PI", "general"), ("PI", "peer-support"),
                                                              ("091", "grants")]  # fmt: skip
    assert "Esimerkkialueen" not in result.stdout  # the demo contact of knowledge/contacts.yaml is not a real one
    assert rows[1]["name_sv"] == "" and rows[1]["languages"] == "fi"  # still pending, as imported
    only = kanebot(db, "contacts", "export", str(exported), "--area", "091")
    assert only.returncode == 0 and "wrote 1 contact(s)" in only.stdout
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")  # a spreadsheet opens it as UTF-8
    before = len(edits(db))
    again = kanebot(db, "contacts", "import", str(exported))
    assert again.returncode == 0 and "nothing changed" in again.stdout and len(edits(db)) == before
    changed = exported.read_text(encoding="utf-8-sig").replace("avustukset@example.org", "uusi@example.org")
    exported.write_text(changed, encoding="utf-8")
    assert kanebot(db, "contacts", "import", str(exported)).returncode == 0
    latest = edits(db)[-1]
    assert latest.before is not None and latest.before["email"] == "avustukset@example.org"  # the version kept
    assert latest.after["email"] == "uusi@example.org"


def test_one_bad_row_and_nothing_changes(tmp_path: Path) -> None:
    db, sheet = tmp_path / "kanebot.sqlite3", tmp_path / "bad.csv"
    sheet.write_text(
        "area,topic,name_fi,name_sv,email,web,languages,telegram_chat,last_verified\n"
        "837,grants,Avustukset,Understöd,avustukset@example.org,,,,\n"  # a good row: not imported either
        "999,grants,Nimi,,,,,,\n"
        "837,no-such-topic,,,not-an-email,http://example.org,en,chat,2026-13-01\n"
        "837,grants,Toinen,,,,,,\n",
        encoding="utf-8",
    )
    result = kanebot(db, "contacts", "import", str(sheet))
    assert result.returncode == 1 and "nothing changed" in result.stderr
    for line, field in ((3, "area"), (4, "topic"), (4, "name_fi"), (4, "email"), (4, "web"), (4, "languages"),
                        (4, "telegram_chat"), (4, "last_verified"), (5, "topic")):  # fmt: skip
        assert f"entry line {line}: field {field}:" in result.stderr, (line, field, result.stderr)
    assert "the same area and topic as line 2" in result.stderr
    assert edits(db) == [] and audit(db) == []


def test_a_file_with_unknown_columns_is_refused(tmp_path: Path) -> None:
    db, sheet = tmp_path / "kanebot.sqlite3", tmp_path / "bad.csv"
    sheet.write_text("alue,aihe,nimi\n837,grants,Avustukset\n", encoding="utf-8")
    result = kanebot(db, "contacts", "import", str(sheet))
    assert result.returncode == 1 and "field alue: unknown column" in result.stderr
    assert "field area: is a required column" in result.stderr and edits(db) == []
