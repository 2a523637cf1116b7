"""What the core answers: a structured reply that the CLI prints as text and the Telegram adapter as HTML."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from bot.core.conversation import PendingRoute
from bot.core.lang import Lang

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
    pending: PendingRoute | None = None  # for "clarify": what to continue from; for "route": what to hand over
    suggest: str | None = None  # for "fallback": the closest entry, offered as a button, never quoted as the answer
    other_language: bool = False  # the message was in neither Finnish nor Swedish
    reviewed: str | None = None  # for "answer": the day its text was last checked (ISO)

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
            "suggest": self.suggest,
            "reviewed": self.reviewed,
            "other_language": self.other_language,
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


def _html_block(style: BlockStyle, text: str) -> str:
    escaped = html.escape(text, quote=False)
    if style == "title":
        return f"<b>{escaped}</b>"
    if style == "quote":
        return f"<blockquote>{escaped}</blockquote>"
    if style == "note":
        return f"<i>{escaped}</i>"
    if style == "item":
        return f"• {escaped}"
    return escaped


def _split_text(text: str, limit: int) -> list[str]:
    """Cut a long text at white space into pieces whose escaped form fits ``limit``."""
    if len(text) * 6 <= limit or len(html.escape(text, quote=False)) <= limit:  # escaping grows a char at most 6x
        return [text]
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(html.escape(candidate, quote=False)) > limit and current:
            pieces.append(current)
            candidate = word
        while len(html.escape(candidate, quote=False)) > limit:  # one "word" longer than a message
            pieces.append(candidate[: limit // 6])
            candidate = candidate[limit // 6 :]
        current = candidate
    if current:
        pieces.append(current)
    return pieces


def render_html(blocks: tuple[Block, ...]) -> str:
    """Telegram HTML; every piece of text is escaped, so knowledge or user text can never inject markup."""
    return "".join(html_chunks(blocks, limit=None))


@lru_cache(maxsize=4096)
def html_chunks(blocks: tuple[Block, ...], limit: int | None = 4096) -> tuple[str, ...]:
    """The reply as Telegram HTML messages of at most ``limit`` characters, cut only between blocks or words."""
    room = limit - 40 if limit is not None else None  # leaves space for the tags around a piece
    parts: list[tuple[str, str]] = []  # (separator before, html)
    previous: BlockStyle | None = None
    for block in blocks:
        separator = "" if not parts else ("\n" if block.style == "item" and previous == "item" else "\n\n")
        texts = _split_text(block.text, room) if room is not None else [block.text]
        for index, text in enumerate(texts):
            parts.append((separator if index == 0 else "\n", _html_block(block.style, text)))
        previous = block.style
    chunks: list[str] = []
    current = ""
    for separator, part in parts:
        if limit is not None and current and len(current) + len(separator) + len(part) > limit:
            chunks.append(current)
            current = part
        else:
            current = current + separator + part if current else part
    if current:
        chunks.append(current)
    return tuple(chunks)
