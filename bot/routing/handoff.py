"""Handing an association's question over to the organisation that handles it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.conversation import PendingRoute
from bot.core.lang import Lang
from bot.routing.router import Area, Router


@dataclass(frozen=True, slots=True)
class HandoffPlan:
    """Where the question goes: the area's queue always, and the contact's Telegram chat when one is registered."""

    route: PendingRoute
    area: Area
    area_name: str
    contact_chat: int | None
    card_text: str | None


def plan_handoff(router: Router, route: PendingRoute, lang: Lang) -> HandoffPlan | None:
    """None if the route is incomplete (no place or no topic) or names something that no longer exists."""
    municipality = router.directory.municipality(route.municipality or "")
    topic = router.topics.get(route.topic or "")
    if municipality is None or topic is None:
        return None
    areas, _ = router.areas(municipality, topic)
    area = areas[0]
    chats = [c.telegram_chat for c in router.contacts.for_area(area.id, topic.id) if c.telegram_chat is not None]
    contact_chat = chats[0] if chats else None
    place = municipality.name_fi if lang == "fi" else municipality.name_sv
    card = router.messages.get("handoff_card", lang, topic=topic.name(lang), place=place, question=route.question)
    return HandoffPlan(route, area, router.area_name(area, lang), contact_chat, card if contact_chat else None)


def answer_text(router: Router, area_name: str, answer: str, lang: Lang) -> str:
    return router.messages.get("handoff_answer", lang, area=area_name, answer=answer)
