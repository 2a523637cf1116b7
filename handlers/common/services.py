"""What every handler needs, held in one typed object instead of untyped bot_data."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, deque
from dataclasses import dataclass, field, replace

from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.core.lang import Lang
from bot.core.reply import Reply
from bot.core.settings import Settings
from bot.core.yamlfile import KnowledgeError
from bot.handover import staffed_areas
from bot.storage.access import Role
from bot.storage.profiles import Profile
from bot.storage.stores import Stores

THROTTLE_MESSAGES = 8
THROTTLE_SECONDS = 10.0
UNANSWERED_BATCH = 50


@dataclass
class Throttle:
    """At most THROTTLE_MESSAGES per user in THROTTLE_SECONDS: one person's flood must not slow everyone down."""

    limit: int = THROTTLE_MESSAGES
    window: float = THROTTLE_SECONDS
    _seen: dict[int, deque[float]] = field(default_factory=dict)

    def allow(self, user_id: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        recent = self._seen.setdefault(user_id, deque())
        while recent and now - recent[0] > self.window:
            recent.popleft()
        if len(recent) >= self.limit:
            return False
        recent.append(now)
        if len(self._seen) > 10_000:  # forget idle users so the map cannot grow without bound
            for key in [key for key, times in self._seen.items() if not times or now - times[-1] > self.window]:
                del self._seen[key]
        return True


@dataclass
class Services:
    settings: Settings
    assistant: Assistant
    throttle: Throttle = field(default_factory=Throttle)
    _stores: Stores | None = None
    # Questions per ISO week, language and goal, and the questions left unanswered, kept in memory and written
    # once a minute, at shutdown, before an official reads them, or when enough have gathered: a write per
    # message would cost more than answering it.
    _counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    _unanswered: list[tuple[float, str, str | None, str]] = field(default_factory=list)
    # The areas some official has joined for, read at start and after every join, revoke and reload: a route says
    # whether a hand-over reaches the area's officials or the administrators' national queue.
    _staffed: frozenset[str] = frozenset()

    def count(self, reply: Reply) -> None:
        year, week, _ = dt.date.today().isocalendar()
        subject = str(reply.goal) if reply.goal is not None else "other"
        self._counts[f"{year}-W{week:02d}", reply.lang, subject] += 1

    async def keep_unanswered(self, lang: Lang, area: str | None, question: str) -> None:
        """Kept for review without who asked: language, area and time only."""
        self._unanswered.append((time.time(), lang, area, question))
        if len(self._unanswered) >= UNANSWERED_BATCH:
            await self.write_gathered()

    async def write_gathered(self) -> None:
        counts, self._counts = dict(self._counts), Counter()
        unanswered, self._unanswered = self._unanswered, []
        await self.stores.stats.add_question_counts(counts)
        await self.stores.stats.record_unanswered(unanswered)

    async def reload(self) -> list[str]:
        """Load knowledge/ again with the officials' edits in effect; on any problem in the files keep the running
        knowledge and return the problems."""
        edits = await self.stores.edits.in_effect() if self._stores is not None else []
        try:
            self.assistant = Assistant.load(self.settings.knowledge_dir, edits=edits).with_staffed(self._staffed)
        except KnowledgeError as error:
            return [str(problem) for problem in error.problems]
        return []

    async def refresh_staffed(self) -> None:
        """Read again which areas have officials (after a join or a revoke, and at start)."""
        self._staffed = await staffed_areas(self.stores)
        self.assistant = self.assistant.with_staffed(self._staffed)

    def staffed(self, area: str) -> bool:
        return area in self._staffed

    @property
    def stores(self) -> Stores:
        if self._stores is None:
            raise RuntimeError("storage is opened in post_init; the application has not been started")
        return self._stores

    @property
    def has_stores(self) -> bool:
        return self._stores is not None

    def attach_stores(self, stores: Stores | None) -> None:
        self._stores = stores

    async def role(self, user_id: int) -> Role:
        """What the person may do, read from the database for every command, button and step."""
        areas = frozenset(await self.stores.access.areas_of(user_id))
        return Role(user_id, user_id in self.settings.admins, areas)

    def text(self, key: str, lang: Lang, **values: object) -> str:
        return self.assistant.message(key, lang, **values)

    async def profile(self, user_id: int, client_code: str | None) -> Profile:
        profile = await self.stores.profiles.get(user_id)
        if client_code and client_code != profile.client_code:  # stored with the next change (remember_language)
            profile = replace(profile, client_code=client_code)
        return profile

    @staticmethod
    def conversation(profile: Profile) -> Conversation:
        return profile.conversation()

    def lang_of(self, profile: Profile) -> Lang:
        """The language to use before the person has written anything in this update."""
        return self.assistant.language(self.conversation(profile))
