"""Handing an association's question over to the organisation that handles it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.conversation import PendingRoute
from bot.core.lang import Lang
from bot.routing.router import Area, Queue, Router

# What the association is told once the question is stored, by where it went.
CONFIRMATIONS: dict[Queue, str] = {"chat": "handoff_sent", "area": "handoff_queued", "national": "handoff_national"}


@dataclass(frozen=True, slots=True)
class HandoffPlan:
    """Where the question goes: to the contact's Telegram chat when one is registered, else to the area's queue for
    its officials, or, while no official has joined for the area, to the administrators' national queue (with a
    card to an administrator's chat when there is one)."""

    route: PendingRoute
    area: Area
    area_name: str
    queue: Queue
    contact_chat: int | None
    card_text: str | None

    @property
    def confirmation(self) -> str:
        return CONFIRMATIONS[self.queue]


def plan_handoff(router: Router, route: PendingRoute, lang: Lang, admin_chat: int | None = None) -> HandoffPlan | None:
    """None if the route is incomplete (no place or no topic) or names something that no longer exists."""
    place = router.place(route.municipality or "")
    topic = router.topics.get(route.topic or "")
    if place is None or topic is None:
        return None
    area = router.decide(place.municipality, topic, route.question).areas[0]
    area_name = router.area_name(area, lang)
    queue = router.queue(area, topic) or "national"  # unknown staffing: the administrators see it
    card = router.messages.get(
        "handoff_card", lang, topic=topic.name(lang), place=place.municipality.name(lang), question=route.question
    )
    if queue == "chat":
        return HandoffPlan(route, area, area_name, queue, router.chat_for(area, topic), card)
    if queue == "national" and admin_chat is not None:
        card = router.messages.get("handoff_card_national", lang, area=area_name, area_id=area.id, card=card)
        return HandoffPlan(route, area, area_name, queue, admin_chat, card)
    return HandoffPlan(route, area, area_name, queue, None, None)


def answer_text(router: Router, area_name: str, answer: str, lang: Lang) -> str:
    return router.messages.get("handoff_answer", lang, area=area_name, answer=answer)
