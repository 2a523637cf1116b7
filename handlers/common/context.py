"""Reading who is asking from an update, and remembering their language."""

from __future__ import annotations

from dataclasses import replace

from telegram import Message, Update
from telegram.ext import filters

from bot.core.reply import Reply
from bot.storage.profiles import Profile
from handlers.common.services import Services


async def profile_of(update: Update, services: Services) -> Profile | None:
    user = update.effective_user
    if user is None:
        return None
    return await services.profile(user.id, user.language_code)


async def remember_reply(services: Services, profile: Profile, reply: Reply) -> None:
    """Store the language the person was last answered in, a new client language, and a routing question waiting
    for its place or topic, only when they change: one write when something changes, none per ordinary message."""
    stored = await services.stores.profiles.get(profile.user_id)
    if profile is stored and profile.last_lang == reply.lang and profile.pending == reply.pending:
        return  # the usual case, decided without building a new profile
    wanted = replace(profile, last_lang=reply.lang, pending=reply.pending)
    if wanted != stored:
        await services.stores.profiles.save(wanted)


class MayBeOfficialFlow(filters.MessageFilter):
    """Lets a message through to the officials' answer and edit flows unless the sender's profile, already in
    memory, shows neither: nearly every message is an ordinary question and need not be offered to them."""

    def __init__(self, services: Services) -> None:
        super().__init__(name="may_be_official_flow")
        self.services = services

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        profile = self.services.stores.profiles.cached(message.from_user.id)
        return profile is None or profile.flow is not None or profile.answering is not None
