"""Who may do what: administrators (from settings), officials scoped to areas (joined with a single-use invite)."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from bot.directory import Directory

INVITE_BYTES = 9  # 72 random bits: guessing is hopeless, and wrong guesses are rate-limited on top
MAX_JOIN_ATTEMPTS = 5
JOIN_WINDOW_SECONDS = 3600.0
_DURATION = re.compile(r"^(\d{1,4})([dhm])$")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60}


class AccessError(ValueError):
    """A request that is not allowed or not understood; the message is safe to show to the person."""


def new_invite_code() -> str:
    return secrets.token_urlsafe(INVITE_BYTES)


def hash_code(code: str) -> str:
    """Codes are stored hashed: a leaked database does not leak usable invites."""
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()


def parse_duration(text: str) -> float:
    """'7d', '12h' or '30m' in seconds."""
    match = _DURATION.match(text.strip().lower())
    if not match or int(match.group(1)) == 0:
        raise AccessError(f"not a duration like 7d, 12h or 30m: {text!r}")
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def check_area(directory: Directory, area: str) -> str:
    """A municipality code ("837") or a wellbeing services county id ("PI"), as written in the directory."""
    area = area.strip()
    if directory.municipality(area) is not None or directory.county(area.upper()) is not None:
        return area if directory.municipality(area) is not None else area.upper()
    raise AccessError(f"unknown area {area!r}: use a municipality code (e.g. 837) or a county id (e.g. PI)")


@dataclass(frozen=True, slots=True)
class Role:
    """What one person may do. Checked on the server for every command, button and step."""

    user_id: int
    admin: bool
    areas: frozenset[str]

    @property
    def official(self) -> bool:
        return bool(self.areas)

    def can_manage(self, area: str) -> bool:
        return self.admin or area in self.areas
