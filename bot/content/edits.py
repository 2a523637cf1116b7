"""Officials' live edits on top of the reviewed baseline in knowledge/: versioned records, applied in order.

An edit is never applied to the files: the baseline stays what was reviewed, the edits live in SQLite (who, when,
before, after, status), can be rolled back, and are exported with `kanebot export` for review in version control.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.content.contacts import EMAIL, PHONE, Contact, Contacts
from bot.content.knowledge import Knowledge
from bot.content.loading import Loaded
from bot.content.local import LocalAnswer, LocalAnswers
from bot.core.lang import LANGS, Bilingual, Lang
from bot.core.privacy import has_personal_data

EditKind = Literal["contact", "local", "proposal", "question"]
EDIT_KINDS: tuple[EditKind, ...] = ("contact", "local", "proposal", "question")
# Which statuses take effect: officials' edits are live at once; proposals to national answers once approved.
IN_EFFECT = ("live", "approved")
MAX_TEXT = 2000


@dataclass(frozen=True, slots=True)
class Edit:
    id: int
    kind: EditKind
    area: str | None
    target: str  # the topic of a contact, or the entry of a local answer, a proposal or a question
    after: Mapping[str, Any]
    before: Mapping[str, Any] | None
    author: int | None
    created_at: float
    status: str


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _bilingual(value: object) -> tuple[Bilingual | None, frozenset[str]]:
    """A text in both languages, one of them possibly pending (shown in the other), and the pending ones."""
    texts = value if isinstance(value, Mapping) else {}
    fi, sv = _text(texts.get("fi")), _text(texts.get("sv"))
    pending = frozenset(lang for lang, text in (("fi", fi), ("sv", sv)) if not text)
    return (Bilingual(fi or sv or "", sv or fi or "") if fi or sv else None), pending


def contact_from(after: Mapping[str, Any]) -> Contact:
    """The contact an edit's after-state describes (an official's edit in chat, or a row of an imported sheet)."""
    name, pending = _bilingual(after.get("name"))
    role, _ = _bilingual(after.get("role"))
    chat = after.get("telegram_chat")
    languages = tuple(lang for lang in LANGS if lang in (after.get("languages") or LANGS))
    verified = after.get("last_verified")
    return Contact(
        area=str(after["area"]),
        topic=str(after["topic"]),
        name=name or Bilingual("", ""),
        person=_text(after.get("person")),
        role=role,
        email=_text(after.get("email")),
        phone=_text(after.get("phone")),
        web=_text(after.get("web")),
        languages=languages or LANGS,
        telegram_chat=int(chat) if isinstance(chat, int) and not isinstance(chat, bool) else None,
        last_verified=dt.date.fromisoformat(verified) if isinstance(verified, str) else dt.date.today(),
        untranslated=pending,
    )


def apply_edits(loaded: Loaded, edits: Iterable[Edit]) -> Loaded:
    """The baseline with every edit in effect applied, oldest first (a later edit of the same thing wins), in time
    linear in the number of edits: contacts and local additions are keyed by what they are for, and the questions
    added to an entry are gathered and added once."""
    # An edited contact or local addition replaces the baseline's (all of them for its area and topic or entry) and
    # comes after them, in the order of the last edit of each.
    contacts: dict[tuple[str, str], Contact] = {}
    local: dict[tuple[str, str], LocalAnswer] = {}
    entries = {entry.id: entry for entry in loaded.knowledge.entries}
    added: dict[tuple[str, Lang], list[str]] = {}
    for edit in edits:
        if edit.status not in IN_EFFECT:
            continue
        after = edit.after
        if edit.kind == "contact":
            contact = contact_from(after)
            contacts.pop((contact.area, contact.topic), None)
            contacts[contact.area, contact.topic] = contact
        elif edit.kind == "local":
            answer = LocalAnswer(
                str(after["area"]), str(after["entry"]), _text(after.get("fi")), _text(after.get("sv"))
            )
            local.pop((answer.area, answer.entry), None)
            local[answer.area, answer.entry] = answer
        elif edit.kind == "question" and edit.target in entries:
            lang, text = after.get("lang"), _text(after.get("text"))
            if text and lang in LANGS:
                added.setdefault((edit.target, "fi" if lang == "fi" else "sv"), []).append(text)
        elif edit.kind == "proposal" and edit.target in entries:
            entry = entries[edit.target]
            fi, sv = _text(after.get("fi")), _text(after.get("sv"))
            # One language may be pending: that language shows the new text in the other one, with a note,
            # rather than an old text that no longer says the same thing.
            proposed = Bilingual(fi or sv or entry.text.fi, sv or fi or entry.text.sv)
            untranslated = frozenset(lang for lang, value in (("fi", fi), ("sv", sv)) if not value)
            entries[entry.id] = dataclasses.replace(
                entry, text=proposed, untranslated=untranslated, last_reviewed=dt.date.today()
            )
    for (entry_id, lang), questions in added.items():
        entry = entries[entry_id]
        if lang == "fi":
            entries[entry_id] = dataclasses.replace(entry, questions_fi=(*entry.questions_fi, *questions))
        else:
            entries[entry_id] = dataclasses.replace(entry, questions_sv=(*entry.questions_sv, *questions))
    knowledge = Knowledge(tuple(entries[entry.id] for entry in loaded.knowledge.entries), loaded.knowledge.messages)
    kept_contacts = [c for c in loaded.contacts.contacts if (c.area, c.topic) not in contacts]
    kept_local = [a for a in loaded.local_answers.answers if (a.area, a.entry) not in local]
    return dataclasses.replace(
        loaded,
        knowledge=knowledge,
        contacts=Contacts((*kept_contacts, *contacts.values())),
        local_answers=LocalAnswers((*kept_local, *local.values())),
    )


def pending_languages(after: Mapping[str, Any]) -> list[Lang]:
    """The languages an edit's text still lacks (the bot says so when it shows the other one)."""
    return [lang for lang in LANGS if not _text(after.get(lang))]


# Steps of a guided edit that may be skipped: one language of a text, and a contact's optional details.
SKIPPABLE = frozenset({"name_sv", "email", "phone", "web", "fi", "sv"})


def field_problem(step: str, text: str | None) -> str | None:
    """What is wrong with a value typed at ``step`` (None: skipped), as one of FIELD_PROBLEMS; None if it is fine."""
    if text is None:
        return None if step in SKIPPABLE else "required"
    if not text:
        return "empty"
    if len(text) > MAX_TEXT:
        return "too_long"
    if step == "email" and not EMAIL.match(text):
        return "email"
    if step == "phone" and not PHONE.match(text):
        return "phone"
    if step == "web" and not text.startswith("https://"):
        return "web"
    if step == "text" and has_personal_data(text):
        return "personal"
    return None


# Each has a message "edit_invalid_<problem>" saying what is expected, with an example.
FIELD_PROBLEMS = ("required", "empty", "too_long", "email", "phone", "web", "personal")


def edit_record(kind: str, data: Mapping[str, Any]) -> tuple[str, dict[str, Any], str]:
    """The target, the after-state and the starting status of a finished guided edit."""
    if kind == "contact":
        after = {
            "area": data.get("area"), "topic": data["topic"],
            "name": {"fi": data.get("name_fi"), "sv": data.get("name_sv")},
            "email": data.get("email"), "phone": data.get("phone"), "web": data.get("web"),
            "telegram_chat": data.get("telegram_chat"),
        }  # fmt: skip
        return str(data["topic"]), after, "live"
    if kind == "question":
        # A question comes from what an association typed: an official wrote it anew (or confirmed it free of
        # personal data), and it is national, so it waits for an administrator like a proposal.
        return str(data["entry"]), {"entry": data["entry"], "lang": data["lang"], "text": data["text"]}, "pending"
    after = {"area": data.get("area"), "entry": data["entry"], "fi": data.get("fi"), "sv": data.get("sv")}
    # A change to a national answer waits for an administrator; everything else is live at once.
    return str(data["entry"]), after, "pending" if kind == "proposal" else "live"
