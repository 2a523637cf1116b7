"""`kanebot export DIR` and `kanebot import DIR`: live edits back into reviewable YAML, and reviewed YAML back in.

An export is meant for a public repository: it carries no Telegram chat or user id (a chat registered in the bot
stays in the database), and a manifest (MANIFEST) lists the edits it contains, so that an import marks only those
as merged: an edit made after the export stays live, and one rolled back since is noticed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.content.contacts import Contact
from bot.content.edits import IN_EFFECT, Edit, apply_edits
from bot.content.knowledge import Entry
from bot.content.loading import Loaded, load_all
from bot.core.yamlfile import KnowledgeError, Problem

# Files copied as they are: nothing in the bot edits them live.
# What export writes from the baseline and the edits; every other file of the folder is copied as it is.
WRITTEN = frozenset({"entries", "contacts.yaml", "local_answers.yaml"})
HEADER = "# Exported by `kanebot export` from the reviewed baseline and officials' live edits. Review the diff.\n"
MANIFEST = "kanebot-export.yaml"
MANIFEST_HEADER = (
    "# Written by `kanebot export`: the officials' edits (by number) this export contains. `kanebot import` marks\n"
    "# only these as merged into the reviewed baseline. Not part of knowledge/.\n"
)


@dataclass(frozen=True, slots=True)
class Manifest:
    edits: tuple[int, ...]  # the edits in effect that the export contains
    chat_routed: tuple[int, ...]  # contact edits whose Telegram chat was left out (they stay live after an import)


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of an export folder; None if it has none (a folder not written by `kanebot export`)."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise KnowledgeError([Problem(str(path), "not a manifest written by `kanebot export`")])

    def ids(key: str) -> tuple[int, ...]:
        values = data.get(key) or []
        if not isinstance(values, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise KnowledgeError([Problem(str(path), "must be a list of edit numbers", field=key)])
        return tuple(values)

    return Manifest(ids("edits"), ids("chat_routed"))


class _Dumper(yaml.SafeDumper):
    """Readable YAML: long and multi-line texts as block scalars, lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value or len(value) > 100 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def _dump(data: Any, baseline: Path) -> str:
    """YAML under the baseline file's own leading comments (its documentation for reviewers)."""
    comments: list[str] = []
    if baseline.exists():
        for line in baseline.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            comments.append(line + "\n")
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    return "".join(comments) + HEADER + body


def _entry(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entry.id,
        "goal": entry.goal,
        "kind": entry.kind,
        "title": {"fi": entry.title.fi, "sv": entry.title.sv},
        "text": {"fi": entry.text.fi, "sv": entry.text.sv},
        "questions": {"fi": list(entry.questions_fi), "sv": list(entry.questions_sv)},
        "keywords": {"fi": list(entry.keywords_fi), "sv": list(entry.keywords_sv)},
        "related": list(entry.related),
        "source": entry.source,
        "last_reviewed": entry.last_reviewed,
    }
    if entry.corrections:
        data["corrections"] = entry.corrections
    return data


def _contact(contact: Contact, baseline_chats: dict[tuple[str, str], int]) -> dict[str, Any]:
    """A contact as YAML; its Telegram chat only if the reviewed baseline already has that very chat (a chat
    registered in the bot is an id that must not reach a public repository)."""
    data: dict[str, Any] = {"area": contact.area, "topic": contact.topic,
                            "name": {"fi": contact.name.fi, "sv": contact.name.sv}}  # fmt: skip
    if contact.person:
        data["person"] = contact.person
    if contact.role:
        data["role"] = {"fi": contact.role.fi, "sv": contact.role.sv}
    for field in ("email", "phone", "web"):
        if getattr(contact, field):
            data[field] = getattr(contact, field)
    data["languages"] = list(contact.languages)
    if contact.telegram_chat is not None and baseline_chats.get((contact.area, contact.topic)) == contact.telegram_chat:
        data["telegram_chat"] = contact.telegram_chat
    data["last_verified"] = contact.last_verified
    if contact.example:
        data["example"] = True
    return data


def export_knowledge(root: Path, edits: list[Edit], out: Path) -> Loaded:
    """Write the merged knowledge to ``out`` as a complete knowledge folder with its manifest, and check it loads
    cleanly."""
    baseline = load_all(root)
    if baseline.problems:
        raise KnowledgeError(baseline.problems)
    merged = apply_edits(baseline, edits)
    baseline_chats = {
        (contact.area, contact.topic): contact.telegram_chat
        for contact in baseline.contacts.contacts
        if contact.telegram_chat is not None
    }
    (out / "entries").mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for entry in merged.knowledge.entries:
        by_file.setdefault(Path(entry.file).name, []).append(_entry(entry))
    for name, entries in by_file.items():
        text = _dump({"entries": entries}, root / "entries" / name)
        (out / "entries" / name).write_text(text, encoding="utf-8")
    contacts = [_contact(contact, baseline_chats) for contact in merged.contacts.contacts]
    (out / "contacts.yaml").write_text(_dump({"contacts": contacts}, root / "contacts.yaml"), encoding="utf-8")
    local = [
        {"area": a.area, "entry": a.entry, "fi": a.fi, "sv": a.sv, **({"updated": a.updated} if a.updated else {})}
        for a in merged.local_answers.answers
    ]
    text = _dump({"local_answers": local}, root / "local_answers.yaml")
    (out / "local_answers.yaml").write_text(text, encoding="utf-8")
    for path in sorted(root.iterdir()):
        if path.is_file() and path.name not in WRITTEN and path.resolve() != (out / path.name).resolve():
            shutil.copyfile(path, out / path.name)
    in_effect = [edit for edit in edits if edit.status in IN_EFFECT]
    chat_routed = [
        edit.id for edit in in_effect if edit.kind == "contact" and edit.after.get("telegram_chat") is not None
    ]
    manifest = {"edits": [edit.id for edit in in_effect], "chat_routed": chat_routed}
    (out / MANIFEST).write_text(MANIFEST_HEADER + yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    written = load_all(out)
    if written.problems:
        raise KnowledgeError(written.problems)
    return written


def import_knowledge(source: Path, root: Path) -> None:
    """Copy reviewed YAML from ``source`` over ``root``, only if all of it is valid (the manifest is not copied)."""
    checked = load_all(source)
    if checked.problems:
        raise KnowledgeError(checked.problems)
    for path in sorted(source.rglob("*.yaml")):
        if path.relative_to(source) == Path(MANIFEST):
            continue
        target = root / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
