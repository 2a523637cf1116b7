"""Free text: the core's answer, with follow-up buttons. In groups only when the bot is mentioned or replied to."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.content.help import HELP_PREFIX
from handlers.common.context import profile_of, remember_reply
from handlers.common.services import Services
from handlers.common.ui import send_reply


def addressed_text(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The text meant for the bot: all of it in a private chat; in a group only if it mentions or replies to it."""
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{bot_username}".casefold()
    mentioned = any(
        entity.type == MessageEntity.MENTION and message.parse_entity(entity).casefold() == mention
        for entity in message.entities
    )
    replied = message.reply_to_message is not None and message.reply_to_message.from_user is not None
    if mentioned:
        return " ".join(word for word in text.split() if word.casefold() != mention)
    if replied and message.reply_to_message is not None and message.reply_to_message.from_user is not None:
        return text if message.reply_to_message.from_user.id == bot_id else None
    return None


class QuestionHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        profile = await profile_of(update, self.services)
        if message is None or profile is None:
            return
        text = addressed_text(message, context.bot.username, context.bot.id)
        if text is None:
            return
        conversation = self.services.conversation(profile)
        reply = self.services.assistant.reply(text, conversation)
        if reply.entry is not None and reply.entry.startswith(HELP_PREFIX):
            # Help names the commands of the asker's role; only these few replies need it read from the database.
            role = await self.services.role(profile.user_id)
            reply = self.services.assistant.help_reply(
                reply.entry, reply.lang, role.help_role, score=reply.score, bot=f"@{context.bot.username}"
            )
        await remember_reply(self.services, profile, reply)
        await send_reply(message, reply)
        self.services.count(reply)
        if reply.kind == "fallback" and text.strip():
            await self.services.keep_unanswered(reply.lang, profile.municipality, text)

    async def not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice: say politely that only text is understood (private chats only)."""
        message = update.effective_message
        profile = await profile_of(update, self.services)
        if message is None or profile is None:
            return
        lang = self.services.lang_of(profile)
        await message.reply_text(self.services.text("not_text", lang), do_quote=False)
