"""What the core knows about the person asking; the transport keeps it between messages (and across restarts)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.lang import Lang, LanguageContext


@dataclass(frozen=True, slots=True)
class PendingRoute:
    """A routing question waiting for its missing part (the place or the topic)."""

    question: str
    topic: str | None = None
    municipality: str | None = None


@dataclass(frozen=True, slots=True)
class Conversation:
    explicit_lang: Lang | None = None
    last_lang: Lang | None = None
    client_code: str | None = None
    municipality: str | None = None  # remembered only when the association asked for it
    pending: PendingRoute | None = None

    def language_context(self) -> LanguageContext:
        return LanguageContext(self.explicit_lang, self.last_lang, self.client_code)
