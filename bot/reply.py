"""What the core answers: a structured reply that the CLI prints as text and the Telegram adapter as HTML."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.lang import Lang

ReplyKind = Literal["answer", "route", "clarify", "fallback", "greeting"]
BlockStyle = Literal["title", "quote", "text", "note", "item"]


@dataclass(frozen=True, slots=True)
class Block:
    style: BlockStyle
    text: str


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A next step offered as a button: an entry id ("goal-2.action-1") or an action ("goals", "contact")."""

    target: str
    label: str


@dataclass(frozen=True, slots=True)
class Reply:
    kind: ReplyKind
    lang: Lang
    blocks: tuple[Block, ...]
    goal: int | None = None
    entry: str | None = None
    score: float = 0.0
    followups: tuple[FollowUp, ...] = ()
    route: dict[str, Any] | None = None
    clarify: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """The reply as a person reads it, in plain text."""
        return render_plain(self.blocks)

    @property
    def html(self) -> str:
        return render_html(self.blocks)

    def as_json(self, question: str) -> dict[str, Any]:
        """The stable `kanebot ask --json` object: keep these keys and their meaning."""
        return {
            "question": question,
            "lang": self.lang,
            "kind": self.kind,
            "goal": self.goal,
            "entry": self.entry,
            "score": round(self.score, 4),
            "text": self.text,
            "route": self.route,
            "clarify": self.clarify,
        }


def render_plain(blocks: tuple[Block, ...]) -> str:
    lines: list[str] = []
    previous: BlockStyle | None = None
    for block in blocks:
        if lines and not (block.style == "item" and previous == "item"):
            lines.append("")
        lines.append(f"• {block.text}" if block.style == "item" else block.text)
        previous = block.style
    return "\n".join(lines)


def render_html(blocks: tuple[Block, ...]) -> str:
    """Telegram HTML; every piece of text is escaped, so knowledge or user text can never inject markup."""
    parts: list[str] = []
    previous: BlockStyle | None = None
    for block in blocks:
        text = html.escape(block.text, quote=False)
        if parts and not (block.style == "item" and previous == "item"):
            parts.append("")
        if block.style == "title":
            parts.append(f"<b>{text}</b>")
        elif block.style == "quote":
            parts.append(f"<blockquote>{text}</blockquote>")
        elif block.style == "note":
            parts.append(f"<i>{text}</i>")
        elif block.style == "item":
            parts.append(f"• {text}")
        else:
            parts.append(text)
        previous = block.style
    return "\n".join(parts)
