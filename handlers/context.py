"""Reading who is asking from an update, and remembering their language."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update

from bot.lang import Lang
from bot.storage import Profile
from handlers.services import Services


async def profile_of(update: Update, services: Services) -> Profile | None:
    user = update.effective_user
    if user is None:
        return None
    return await services.profile(user.id, user.language_code)


async def remember_language(services: Services, profile: Profile, lang: Lang) -> None:
    """Store the language the person was last answered in (and a new client language) only when they change:
    one write when someone switches, none per ordinary message."""
    wanted = replace(profile, last_lang=lang)
    if wanted != await services.storage.profile(profile.user_id):
        await services.storage.save_profile(wanted)
