"""Contacts as a spreadsheet (CSV), so that a county's association-cooperation team can keep its list in one:
`kanebot contacts export` writes the contacts in effect, `kanebot contacts import FILE.csv` reads them back.

A file is read whole and checked whole: every problem is named by line and column, and one problem means nothing
is imported. Each row becomes a versioned contact edit (before, after, who, when), like an official's edit in chat.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.content.contacts import EMAIL, GENERAL, PHONE, Contact
from bot.content.directory import Directory
from bot.content.sources import is_https_url
from bot.core.lang import LANGS
from bot.core.yamlfile import Problem

COLUMNS = ("area", "topic", "name_fi", "name_sv", "person", "role_fi", "role_sv", "email", "phone", "web",
           "languages", "telegram_chat", "last_verified")  # fmt: skip
MAX_CELL = 2000
_LANGUAGE_SEPARATORS = re.compile(r"[\s,;/+]+")


@dataclass(frozen=True, slots=True)
class SheetContact:
    """One valid row: the contact's area and topic and its record (the after-state of its edit)."""

    line: int
    area: str
    topic: str
    record: dict[str, Any]


def contact_record(contact: Contact) -> dict[str, Any]:
    """A contact as an edit's record: what `bot.content.edits.contact_from` turns back into the contact. A name
    still pending in one language is left empty there."""
    name = {lang: None if lang in contact.untranslated else contact.name(lang) for lang in LANGS}
    return {
        "area": contact.area,
        "topic": contact.topic,
        "name": name,
        "person": contact.person,
        "role": {"fi": contact.role.fi, "sv": contact.role.sv} if contact.role else None,
        "email": contact.email,
        "phone": contact.phone,
        "web": contact.web,
        "languages": list(contact.languages),
        "telegram_chat": contact.telegram_chat,
        "last_verified": contact.last_verified.isoformat() if contact.last_verified else None,
    }


def write_sheet(contacts: Iterable[Contact]) -> str:
    """The contacts as CSV with a header row, in the order given; example contacts are left out."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for contact in contacts:
        if contact.example:
            continue
        record = contact_record(contact)
        role = record["role"] or {}
        writer.writerow([
            contact.area, contact.topic, record["name"]["fi"] or "", record["name"]["sv"] or "", contact.person or "",
            role.get("fi", ""), role.get("sv", ""), contact.email or "", contact.phone or "", contact.web or "",
            " ".join(contact.languages), "" if contact.telegram_chat is None else str(contact.telegram_chat),
            record["last_verified"] or "",
        ])  # fmt: skip
    return out.getvalue()


def read_sheet(
    path: Path, directory: Directory, topics: Collection[str], today: dt.date | None = None
) -> tuple[list[SheetContact], list[Problem]]:
    """Every row of the file as a contact, or every problem found (file, line, column)."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return [], [Problem(shown, f"cannot be read as UTF-8 text: {error}")]
    return parse_sheet(text, shown, directory, topics, today or dt.date.today())


def parse_sheet(
    text: str, shown: str, directory: Directory, topics: Collection[str], today: dt.date
) -> tuple[list[SheetContact], list[Problem]]:
    lines = text.splitlines()
    if not lines:
        return [], [Problem(shown, "is empty: the first row names the columns (" + ", ".join(COLUMNS) + ")")]
    # A spreadsheet saved in Finnish or Swedish settings separates with semicolons.
    delimiter = max((";", ",", "\t"), key=lines[0].count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [str(name).strip().casefold() for name in reader.fieldnames or []]
    reader.fieldnames = header
    problems = [Problem(shown, "unknown column", entry="line 1", field=name) for name in header if name not in COLUMNS]
    problems += [
        Problem(shown, "is a required column", entry="line 1", field=name)
        for name in ("area", "topic")
        if name not in header
    ]
    if not {"name_fi", "name_sv"} & set(header):
        problems.append(Problem(shown, "needs a name_fi or a name_sv column", entry="line 1", field="name_fi"))
    if problems:
        return [], problems
    found: list[SheetContact] = []
    seen: dict[tuple[str, str], int] = {}
    for row in reader:
        line = reader.line_num
        cells = {name: (row.get(name) or "").strip() for name in COLUMNS}
        if not any(cells.values()):
            continue  # an empty row between blocks of a spreadsheet
        contact, row_problems = _row(cells, shown, line, directory, topics, today)
        problems += row_problems
        if contact is None:
            continue
        key = (contact.area, contact.topic)
        if key in seen:
            problems.append(Problem(shown, f"the same area and topic as line {seen[key]}", entry=f"line {line}",
                                    field="topic"))  # fmt: skip
        seen.setdefault(key, line)
        found.append(contact)
    return (found, []) if not problems else ([], problems)


def _row(
    cells: Mapping[str, str], shown: str, line: int, directory: Directory, topics: Collection[str], today: dt.date
) -> tuple[SheetContact | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(shown, message, entry=f"line {line}", field=field))

    area = directory.area_id(cells["area"])
    if area is None:
        problem("area", "is not a municipality code (091), a wellbeing services county id (PI) or ÅHS/KST (AHS, KST)")
    topic = cells["topic"].casefold()
    if topic != GENERAL and topic not in topics:
        problem("topic", "must be 'general' or a topic id from knowledge/topics.yaml")
    if not (cells["name_fi"] or cells["name_sv"]):
        problem("name_fi", "needs a name in Finnish (name_fi) or in Swedish (name_sv), or both")
    for name, value in cells.items():
        if len(value) > MAX_CELL:
            problem(name, f"is longer than {MAX_CELL} characters")
    if cells["email"] and not EMAIL.match(cells["email"]):
        problem("email", "is not an e-mail address")
    if cells["phone"] and not PHONE.match(cells["phone"]):
        problem("phone", "is not a phone number")
    if cells["web"] and not is_https_url(cells["web"]):
        problem("web", "must be an https:// address")
    languages = [part.casefold() for part in _LANGUAGE_SEPARATORS.split(cells["languages"]) if part]
    if not set(languages) <= set(LANGS):
        problem("languages", "must list fi and/or sv (empty: both)")
    chat = cells["telegram_chat"]
    if chat and not re.fullmatch(r"-?\d{1,20}", chat):
        problem("telegram_chat", "must be a Telegram chat id (a whole number)")
    verified = today
    if cells["last_verified"]:
        try:
            verified = dt.date.fromisoformat(cells["last_verified"])
        except ValueError:
            problem("last_verified", "must be a date like 2026-11-22")
        if verified > today:
            problem("last_verified", "is in the future")
    if problems or area is None:
        return None, problems
    roles = {lang: cells[f"role_{lang}"] or None for lang in LANGS}
    record = {
        "area": area,
        "topic": topic,
        "name": {lang: cells[f"name_{lang}"] or None for lang in LANGS},
        "person": cells["person"] or None,
        "role": roles if any(roles.values()) else None,
        "email": cells["email"] or None,
        "phone": cells["phone"] or None,
        "web": cells["web"] or None,
        "languages": [lang for lang in LANGS if lang in languages] or list(LANGS),
        "telegram_chat": int(chat) if chat else None,
        "last_verified": verified.isoformat(),
    }
    return SheetContact(line, area, topic, record), []
