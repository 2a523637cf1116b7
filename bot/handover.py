"""Handing a question over, and knowing who is there to take it: the same for the Telegram bot and `kanebot chat`."""

from __future__ import annotations

import time
from dataclasses import replace

from bot.assistant import Assistant
from bot.core.lang import Lang
from bot.routing.handoff import plan_handoff
from bot.storage.profiles import Profile
from bot.storage.stores import Stores
from bot.storage.tickets import Ticket

# A hand-over asked for again within this time, after its question was already stored (the confirmation went
# missing: an error, a crash), is shown that question rather than told there is nothing to hand over.
HANDOFF_AGAIN_SECONDS = 3600.0


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
        stored = await stores.tickets.latest_of(profile.user_id, time.time() - HANDOFF_AGAIN_SECONDS)
        return already(assistant, stored, lang) if stored is not None else assistant.message("handoff_nothing", lang)
    card = plan.card_text

    def numbered(ticket_id: int) -> str:
        """The card carries its question's number: a reply to any copy of it finds the question."""
        return f"{assistant.message('handoff_card_number', lang, number=ticket_id)}\n{card}"

    handed = await stores.tickets.create(
        profile.user_id, chat_id, plan.route, plan.area.kind, plan.area.id, lang, plan.contact_chat,
        numbered if card is not None else None,
    )  # fmt: skip
    await stores.profiles.save(replace(profile, pending=None))
    if not handed.new:  # the same question, handed over again: it is the one already stored
        stored = await stores.tickets.get(handed.ticket_id)
        if stored is not None:
            return already(assistant, stored, lang)
    return assistant.message(plan.confirmation, lang, area=plan.area_name)


def already(assistant: Assistant, ticket: Ticket, lang: Lang) -> str:
    area = assistant.router.area_label(ticket.area_id, lang)
    key = "handoff_already_answered_you" if ticket.status == "answered" else "handoff_already"
    return assistant.message(key, lang, area=area, number=ticket.id)
