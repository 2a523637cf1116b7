"""Inline mode: "@bot words" in any chat offers goal cards that candidates can share."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.core.reply import html_chunks
from handlers.common.context import profile_of
from handlers.common.services import Services

INLINE_CACHE_SECONDS = 300
DESCRIPTION_CHARS = 120


class InlineHandlers:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def query(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        inline = update.inline_query
        profile = await profile_of(update, self.services)
        if inline is None or profile is None:
            return
        replies = self.services.assistant.lookup(inline.query, self.services.conversation(profile))
        results = []
        for reply in replies:
            if reply.entry is None:
                continue
            entry = self.services.assistant.knowledge.entry(reply.entry)
            text = entry.text(reply.lang)
            results.append(
                InlineQueryResultArticle(
                    id=f"{reply.entry}:{reply.lang}",
                    title=self.services.assistant.label(entry, reply.lang),
                    description=text if len(text) <= DESCRIPTION_CHARS else text[: DESCRIPTION_CHARS - 1] + "…",
                    input_message_content=InputTextMessageContent(
                        html_chunks(reply.blocks)[0], parse_mode=ParseMode.HTML
                    ),
                )
            )
        await inline.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=True)
