"""`kanebot export DIR` and `kanebot import DIR`: live edits back into reviewable YAML, and reviewed YAML back in."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from bot.content.contacts import Contact
from bot.content.edits import Edit, apply_edits
from bot.content.knowledge import Entry
from bot.content.loading import Loaded, load_all
from bot.core.yamlfile import KnowledgeError

# Files copied as they are: nothing in the bot edits them live.
# What export writes from the baseline and the edits; every other file of the folder is copied as it is.
WRITTEN = frozenset({"entries", "contacts.yaml", "local_answers.yaml"})
HEADER = "# Exported by `kanebot export` from the reviewed baseline and officials' live edits. Review the diff.\n"


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


def _contact(contact: Contact) -> dict[str, Any]:
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
    if contact.telegram_chat is not None:
        data["telegram_chat"] = contact.telegram_chat
    data["last_verified"] = contact.last_verified
    if contact.example:
        data["example"] = True
    return data


def export_knowledge(root: Path, edits: list[Edit], out: Path) -> Loaded:
    """Write the merged knowledge to ``out`` as a complete knowledge folder, and check it loads cleanly."""
    baseline = load_all(root)
    if baseline.problems:
        raise KnowledgeError(baseline.problems)
    merged = apply_edits(baseline, edits)
    (out / "entries").mkdir(parents=True, exist_ok=True)
    by_file: dict[str, list[dict[str, Any]]] = {}
    for entry in merged.knowledge.entries:
        by_file.setdefault(Path(entry.file).name, []).append(_entry(entry))
    for name, entries in by_file.items():
        text = _dump({"entries": entries}, root / "entries" / name)
        (out / "entries" / name).write_text(text, encoding="utf-8")
    contacts = [_contact(contact) for contact in merged.contacts.contacts]
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
    written = load_all(out)
    if written.problems:
        raise KnowledgeError(written.problems)
    return written


def import_knowledge(source: Path, root: Path) -> None:
    """Copy reviewed YAML from ``source`` over ``root``, only if all of it is valid."""
    checked = load_all(source)
    if checked.problems:
        raise KnowledgeError(checked.problems)
    for path in sorted(source.rglob("*.yaml")):
        target = root / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
