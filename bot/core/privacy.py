"""Personal data in free text: phone numbers, e-mail addresses and Finnish personal identity codes found and masked
before a question is kept for officials to review."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

PersonalKind = Literal["email", "phone", "id_code"]
PERSONAL_KINDS: tuple[PersonalKind, ...] = ("id_code", "email", "phone")

# A henkilötunnus: DDMMYY, the century sign (-, +, A or the 2023 additions B–F, U–Y), three digits and a check
# character. Masked whatever its check character: a mistyped code still points to a person.
_ID_CODE = re.compile(r"(?<![\w])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![\w])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number starts with +, 00 or 0 (Finnish numbers are written 040 123 4567, 09-123 456, +358 40 1234567)
# and has 6 to 15 digits, grouped by spaces, dashes, slashes or brackets (not dots: "klo 08.00-16.00"). Years,
# sums and "tavoite 2" start otherwise.
_PHONE = re.compile(r"(?<![\w+(])\(?(?:\+|0)(?:[\s\-/()]{0,2}\d){6,15}(?![\w])")
_PATTERNS: tuple[tuple[PersonalKind, re.Pattern[str]], ...] = (
    ("id_code", _ID_CODE),
    ("email", _EMAIL),
    ("phone", _PHONE),
)


def mask_personal_data(text: str, labels: Mapping[PersonalKind, str]) -> str:
    """``text`` with each phone number, e-mail address and personal identity code replaced by its kind's label."""
    for kind, pattern in _PATTERNS:
        text = pattern.sub(labels[kind], text)
    return text


def has_personal_data(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in _PATTERNS)
