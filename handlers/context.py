"""Reading who is asking from an update, and remembering their language."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update

from bot.reply import Reply
from bot.storage import Profile
from handlers.services import Services


async def profile_of(update: Update, services: Services) -> Profile | None:
    user = update.effective_user
    if user is None:
        return None
    return await services.profile(user.id, user.language_code)


async def remember_reply(services: Services, profile: Profile, reply: Reply) -> None:
    """Store the language the person was last answered in, a new client language, and a routing question waiting
    for its place or topic, only when they change: one write when something changes, none per ordinary message."""
    wanted = replace(profile, last_lang=reply.lang, pending=reply.pending)
    if wanted != await services.storage.profile(profile.user_id):
        await services.storage.save_profile(wanted)
