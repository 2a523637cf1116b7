from __future__ import annotations

from pathlib import Path

import pytest

from bot.assistant import Assistant

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "knowledge"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def assistant() -> Assistant:
    return Assistant.load(KNOWLEDGE)
