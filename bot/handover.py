"""Handing a question over, and knowing who is there to take it: the same for the Telegram bot and `kanebot chat`."""

from __future__ import annotations

from dataclasses import replace

from bot.assistant import Assistant
from bot.core.lang import Lang
from bot.routing.handoff import plan_handoff
from bot.storage.profiles import Profile
from bot.storage.stores import Stores


async def staffed_areas(stores: Stores) -> frozenset[str]:
    """The areas at least one official has joined for: a question for any other goes to the national queue."""
    return frozenset(area for _, area, _ in await stores.access.officials())


async def hand_over(
    assistant: Assistant, stores: Stores, profile: Profile, chat_id: int, lang: Lang, admins: frozenset[int]
) -> str:
    """Store the person's pending question as a ticket (with its card in the outbox when there is a chat to post it
    in) and clear it; return what to tell them. The ticket is stored before anything is sent, so nothing is lost."""
    router = assistant.router
    admin_chat = min(admins) if admins else None  # the first administrator gets the national queue's cards
    plan = plan_handoff(router, profile.pending, lang, admin_chat) if profile.pending is not None else None
    if plan is None:
        return assistant.message("handoff_nothing", lang)
    await stores.tickets.create(
        profile.user_id, chat_id, plan.route, plan.area.kind, plan.area.id, lang, plan.contact_chat, plan.card_text
    )
    await stores.profiles.save(replace(profile, pending=None))
    return assistant.message(plan.confirmation, lang, area=plan.area_name)
