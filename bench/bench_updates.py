"""Updates per second through the full application, against an echo bot measured in the same run (a script).

    .venv/bin/python bench/bench_updates.py [--updates 2000]

Both applications use the same offline Bot API (tests/telegram_offline.py) and the same AIORateLimiter with
Telegram's flood limits switched off (they would cap both at 30 messages/s), so the difference is what the KANE bot
does per message: profile lookup in SQLite, language choice, retrieval, rendering.
Target (issue #3): at least 80% of the echo bot's rate.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import AIORateLimiter, Application, ContextTypes, MessageHandler, filters  # noqa: E402

from bot.assistant import Assistant  # noqa: E402
from bot.evaluation import load_cases  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.app import build_application  # noqa: E402
from tests.telegram_offline import TOKEN, OfflineRequest, Updates, to_update  # noqa: E402


def unlimited() -> AIORateLimiter:
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=0)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None and update.effective_message.text is not None:
        await update.effective_message.reply_text(update.effective_message.text)


async def rate(app: Application, payloads: list[dict[str, object]]) -> float:  # type: ignore[type-arg]
    updates = [to_update(payload, app.bot) for payload in payloads]
    started = time.perf_counter()
    for update in updates:
        await app.process_update(update)
    return len(updates) / (time.perf_counter() - started)


async def main(count: int) -> None:
    cases = load_cases(ROOT / "eval" / "questions.yaml")
    factory = Updates()
    # 600 returning users, each writing in one language as people do, few enough messages each that the per-user
    # spam guard never throttles them.
    by_lang = {lang: [case.question for case in cases if case.lang == lang] for lang in ("fi", "sv")}
    payloads = []
    for i in range(count):
        lang = "fi" if i % 600 < 300 else "sv"
        payloads.append(factory.message(by_lang[lang][i % len(by_lang[lang])], user_id=1000 + i % 600, lang=lang))

    echo_app = Application.builder().token(TOKEN).request(OfflineRequest()).rate_limiter(unlimited()).build()
    echo_app.add_handler(MessageHandler(filters.TEXT, echo))
    await echo_app.initialize()

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(token=TOKEN, db_path=Path(folder) / "bench.sqlite3")
        assistant = Assistant.load(ROOT / "knowledge")
        kane_app = build_application(settings, assistant=assistant, request=OfflineRequest(), rate_limiter=unlimited())
        await kane_app.initialize()
        assert kane_app.post_init is not None and kane_app.post_shutdown is not None
        await kane_app.post_init(kane_app)
        await rate(kane_app, payloads[:100])  # warm-up
        await rate(echo_app, payloads[:100])
        kane, plain = await rate(kane_app, payloads), await rate(echo_app, payloads)
        await kane_app.post_shutdown(kane_app)
        await kane_app.shutdown()
    await echo_app.shutdown()
    print(f"updates: {count}")
    print(f"echo bot: {plain:.0f} updates/s")
    print(f"KANE bot: {kane:.0f} updates/s ({kane / plain:.0%} of echo; target >= 80%)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, default=2000)
    asyncio.run(main(parser.parse_args().updates))
