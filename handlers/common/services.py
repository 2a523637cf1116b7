"""What every handler needs, held in one typed object instead of untyped bot_data."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.core.lang import Lang
from bot.core.privacy import PERSONAL_KINDS, mask_personal_data
from bot.core.reply import Reply
from bot.core.settings import Settings
from bot.core.yamlfile import KnowledgeError
from bot.handover import staffed_areas
from bot.storage.access import STAFFED_TOPIC, Role
from bot.storage.database import EVERYTHING
from bot.storage.edits import KNOWLEDGE_TOPIC
from bot.storage.profiles import Profile
from bot.storage.stores import Stores

THROTTLE_MESSAGES = 8
THROTTLE_SECONDS = 10.0
THROTTLE_PEOPLE = 100_000  # at most this many people remembered at once (the least recently active go first)
UNANSWERED_BATCH = 50
UNANSWERED_KEPT_IN_MEMORY = 5_000  # if the database refuses them for long, the oldest go first
log = logging.getLogger("kanebot.services")
Verdict = Literal["allow", "remind", "ignore"]


@dataclass(slots=True)
class _Recent:
    times: deque[float]
    reminded_at: float = float("-inf")


@dataclass
class Throttle:
    """At most ``limit`` messages, commands, presses or inline queries per person in ``window`` seconds: one person's
    flood must not slow everyone down. Past it the person is reminded once per window ("remind") and everything else
    is ignored ("ignore"): a reminder per excess message would spend the bot's shared sending rate on the flood.

    People are kept in order of their last activity, so forgetting the idle ones looks only at the oldest: memory is
    bounded (``capacity``) and no message costs a scan of everyone."""

    limit: int = THROTTLE_MESSAGES
    window: float = THROTTLE_SECONDS
    capacity: int = THROTTLE_PEOPLE
    clock: Callable[[], float] = time.monotonic
    _seen: OrderedDict[int, _Recent] = field(default_factory=OrderedDict)

    def check(self, user_id: int, now: float | None = None) -> Verdict:
        now = self.clock() if now is None else now
        recent = self._recent(user_id)
        times = recent.times
        while times and now - times[0] > self.window:
            times.popleft()
        verdict: Verdict
        if len(times) < self.limit:
            times.append(now)
            verdict = "allow"
        elif now - recent.reminded_at > self.window:
            recent.reminded_at = now
            verdict = "remind"
        else:
            verdict = "ignore"
        self._forget_idle(now)
        return verdict

    def allow(self, user_id: int, now: float | None = None) -> bool:
        return self.check(user_id, now) == "allow"

    def record(self, user_id: int, now: float | None = None) -> None:
        """Another replica let one of the person's updates through: it counts here as well."""
        now = self.clock() if now is None else now
        recent = self._recent(user_id)
        while recent.times and now - recent.times[0] > self.window:
            recent.times.popleft()
        if len(recent.times) < self.limit:
            recent.times.append(now)
        self._forget_idle(now)

    def reminded(self, user_id: int, now: float | None = None) -> None:
        """Another replica reminded the person: not again within the window here either."""
        now = self.clock() if now is None else now
        self._recent(user_id).reminded_at = now
        self._forget_idle(now)

    def seen(self, user_id: int) -> tuple[int, float]:
        """How many of the person's updates count now, and when they were last reminded."""
        recent = self._seen.get(user_id)
        return (len(recent.times), recent.reminded_at) if recent is not None else (0, float("-inf"))

    def _recent(self, user_id: int) -> _Recent:
        recent = self._seen.get(user_id)
        if recent is None:
            recent = self._seen[user_id] = _Recent(deque(maxlen=self.limit))
        else:
            self._seen.move_to_end(user_id)
        return recent

    def _forget_idle(self, now: float) -> None:
        while self._seen:
            oldest_id, oldest = next(iter(self._seen.items()))
            last = max(oldest.times[-1] if oldest.times else float("-inf"), oldest.reminded_at)
            if now - last <= self.window and len(self._seen) <= self.capacity:
                return
            del self._seen[oldest_id]

    def __len__(self) -> int:
        return len(self._seen)


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
    _reloading: asyncio.Lock = field(default_factory=asyncio.Lock)
    # Set when the bot begins to stop: long rounds (the outbox) end early, updates not yet begun wait in the inbox.
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    # Updates handled again after a crash: not counted against anyone's fair use a second time.
    replayed: set[int] = field(default_factory=set)
    # Another replica changed the knowledge or who has joined: reloads asked for while one runs become one more.
    _peer_work: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    _peer_again: set[str] = field(default_factory=set)

    def count(self, reply: Reply) -> None:
        year, week, _ = dt.date.today().isocalendar()
        subject = str(reply.goal) if reply.goal is not None else "other"
        self._counts[f"{year}-W{week:02d}", reply.lang, subject] += 1

    async def keep_unanswered(self, lang: Lang, area: str | None, question: str) -> None:
        """Kept for review without who asked: language, area and time only, and with phone numbers, e-mail addresses
        and personal identity codes masked (even in memory until written)."""
        self._unanswered.append((time.time(), lang, area, self.mask(question, lang)))
        if len(self._unanswered) >= UNANSWERED_BATCH:
            await self.write_gathered()

    def mask(self, text: str, lang: Lang) -> str:
        labels = {kind: self.text(f"masked_{kind}", lang) for kind in PERSONAL_KINDS}
        return mask_personal_data(text, labels)

    async def write_gathered(self) -> None:
        """Write what was gathered; what the database did not take stays in memory for the next try."""
        counts, self._counts = self._counts, Counter()
        unanswered, self._unanswered = self._unanswered, []
        try:
            await self.stores.stats.add_question_counts(dict(counts))
        except Exception:
            self._counts.update(counts)
            self._unanswered = (unanswered + self._unanswered)[-UNANSWERED_KEPT_IN_MEMORY:]
            raise
        try:
            await self.stores.stats.record_unanswered(unanswered)
        except Exception:
            self._unanswered = (unanswered + self._unanswered)[-UNANSWERED_KEPT_IN_MEMORY:]
            raise

    async def reload(self, announce: bool = True) -> list[str]:
        """Load knowledge/ again with the officials' edits in effect, in a thread (building the index takes a good
        part of a second, which the event loop must not wait), and swap it in at once; on any problem in the files
        keep the running knowledge and return the problems. Reloads run one at a time, each with the edits in effect
        when it starts, so the last one leaves the latest edits. ``announce``: the other replicas reload too."""
        problems = await self._reload()
        if announce and not problems and self._stores is not None:
            await self._announce(KNOWLEDGE_TOPIC)
        return problems

    async def _reload(self) -> list[str]:
        async with self._reloading:
            edits = await self.stores.edits.in_effect() if self._stores is not None else []
            detector = self.assistant.detector
            try:
                loaded = await asyncio.to_thread(
                    Assistant.load, self.settings.knowledge_dir, detector=detector, edits=edits
                )
            except KnowledgeError as error:
                return [str(problem) for problem in error.problems]
            self.assistant = loaded.with_staffed(self._staffed)
        return []

    async def refresh_staffed(self, announce: bool = True) -> None:
        """Read again which areas have officials (after a join or a revoke, and at start); ``announce``: the other
        replicas read it again too."""
        self._staffed = await staffed_areas(self.stores)
        self.assistant = self.assistant.with_staffed(self._staffed)
        if announce:
            await self._announce(STAFFED_TOPIC)

    async def _announce(self, topic: str) -> None:
        try:
            await self.stores.database.publish(topic)
        except Exception:  # the change is made here; the others see it at their next start or reload
            log.exception("could not tell the other replicas of a change (%s)", topic)

    def changed_elsewhere(self, topic: str, data: str) -> None:
        """Another replica changed what this one keeps in memory (EVERYTHING: perhaps missed): read it again, in
        the background, once however many such changes arrive while it runs."""
        work = {
            KNOWLEDGE_TOPIC: (KNOWLEDGE_TOPIC,),
            STAFFED_TOPIC: (STAFFED_TOPIC,),
            EVERYTHING: (KNOWLEDGE_TOPIC, STAFFED_TOPIC),
        }.get(topic, ())
        for name in work:
            running = self._peer_work.get(name)
            if running is not None and not running.done():
                self._peer_again.add(name)
                continue
            self._peer_work[name] = asyncio.get_running_loop().create_task(self._catch_up(name))

    async def _catch_up(self, name: str) -> None:
        while True:
            self._peer_again.discard(name)
            try:
                if name == KNOWLEDGE_TOPIC:
                    problems = await self.reload(announce=False)
                    if problems:
                        log.error("another replica's change could not be loaded here:\n%s", "\n".join(problems))
                elif self._stores is not None:
                    await self.refresh_staffed(announce=False)
            except Exception:
                log.exception("could not read another replica's change (%s)", name)
            if name not in self._peer_again:
                return

    async def stop_catching_up(self) -> None:
        for task in self._peer_work.values():
            task.cancel()
        await asyncio.gather(*self._peer_work.values(), return_exceptions=True)

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
