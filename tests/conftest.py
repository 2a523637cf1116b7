from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from bot.assistant import Assistant

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant.load(KNOWLEDGE)


def assistant_with_contact(folder: Path, **contact: object) -> Assistant:
    """A copy of knowledge/ in ``folder`` with one (example.org) contact added, loaded."""
    shutil.copytree(KNOWLEDGE, folder)
    data = yaml.safe_load((folder / "contacts.yaml").read_text(encoding="utf-8"))
    data["contacts"].append({"languages": ["fi", "sv"], "last_verified": dt.date(2026, 11, 22), **contact})
    (folder / "contacts.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Assistant.load(folder)
