"""Updates per second through the full application, against an echo bot measured in the same run (a script).

    .venv/bin/python bench/bench_updates.py [--rounds 9]

Both applications use the same offline Bot API (tests/telegram_offline.py) and the same AIORateLimiter with
Telegram's flood limits switched off (they would cap both at 30 messages/s), so the difference is what the KANE bot
does per message: profile lookup, language choice, retrieval, rendering, bookkeeping.

The echo bot's cost does not depend on what people write; the KANE bot's does, so each scenario is measured on its
own, with the echo bot fed exactly the same updates:

- returning: people the bot knows (profile in the database) asking questions that were asked before;
- first contact: people writing to the bot for the first time, asking questions that were asked before;
- new questions: people the bot knows, each asking a question it has not answered before (half of
  eval/questions.yaml, once each; the other half was asked first, as a running bot has answered other questions).

Each round starts the bot afresh and sends the untimed updates that set the scene; the figure is the median of the
rounds. Target (issue #3): at least 80% of the echo bot's rate. For reference, a bot that only sends the same
answers (known in advance, nothing else done) is measured too: no bot sending these replies can do better.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import AIORateLimiter, Application, ContextTypes, MessageHandler, filters  # noqa: E402

from bot.assistant import Assistant  # noqa: E402
from bot.core.conversation import Conversation  # noqa: E402
from bot.core.lang import is_lang  # noqa: E402
from bot.core.reply import html_chunks  # noqa: E402
from bot.core.settings import Settings  # noqa: E402
from bot.core.text import words  # noqa: E402
from bot.evaluation import load_cases  # noqa: E402
from handlers.common.services import Throttle  # noqa: E402
from handlers.common.ui import followup_keyboard, send_reply  # noqa: E402
from handlers.wiring.app import KaneApplication, build_application  # noqa: E402
from tests.telegram_offline import TOKEN, OfflineRequest, Updates, to_update  # noqa: E402

Payload = dict[str, Any]
GREETING = {"fi": "Hei", "sv": "Hej"}


@dataclass(frozen=True)
class Scenario:
    name: str
    # Per round: updates sent untimed first (so the bot knows the people or the questions), then the timed ones.
    make: Callable[[int], tuple[list[Payload], list[Payload]]]


def unlimited() -> AIORateLimiter:
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=0)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None and update.effective_message.text is not None:
        await update.effective_message.reply_text(update.effective_message.text)


async def rate(app: Application, payloads: list[Payload]) -> float:  # type: ignore[type-arg]
    updates = [to_update(payload, app.bot) for payload in payloads]
    started = time.perf_counter()
    for update in updates:
        await app.process_update(update)
    return len(updates) / (time.perf_counter() - started)


def scenarios(count: int) -> list[Scenario]:
    cases = load_cases(ROOT / "eval" / "questions.yaml")
    factory = Updates()
    by_lang = {lang: [case.question for case in cases if case.lang == lang] for lang in ("fi", "sv")}
    people = count // 2  # two messages each per round: well inside the per-user spam guard

    def stream(first_user: int, users: int) -> list[Payload]:
        # Each person writes in one language, as people do; questions cycle through the evaluation set.
        payloads = []
        for i in range(count):
            lang = "fi" if i % users < users // 2 else "sv"
            question = by_lang[lang][i % len(by_lang[lang])]
            payloads.append(factory.message(question, user_id=first_user + i % users, lang=lang))
        return payloads

    def greetings(payloads: list[Payload]) -> list[Payload]:
        users = {(p["message"]["from"]["id"], p["message"]["from"]["language_code"]) for p in payloads}
        return [factory.message(GREETING[lang], user_id=user, lang=lang) for user, lang in sorted(users)]

    def returning(round_: int) -> tuple[list[Payload], list[Payload]]:
        timed = stream(1_000_000 * (round_ + 1), people)
        return stream(1_000_000 * (round_ + 1), people), timed

    def first_contact(round_: int) -> tuple[list[Payload], list[Payload]]:
        # Each question is first asked by someone else, as their own first message (an answer depends on what the
        # bot knows of the asker); the timed people are new to the bot.
        first = 1_000_000 * (round_ + 1)
        asked = [
            factory.message(question, user_id=first + i, lang=lang)
            for i, (lang, question) in enumerate((lang, q) for lang, questions in by_lang.items() for q in questions)
        ]
        return asked, stream(first + 500_000, count)

    def new_questions(round_: int) -> tuple[list[Payload], list[Payload]]:
        # A bot that has been running has answered other questions; half of the set warms it, the other half is new.
        first = 1_000_000 * (round_ + 1)
        timed = [
            factory.message(case.question, user_id=first + i % people, lang=case.lang)
            for i, case in enumerate(cases[1::2])
        ]
        warm = [
            factory.message(case.question, user_id=first + 500_000 + i, lang=case.lang)
            for i, case in enumerate(cases[::2])
        ]
        return greetings(timed) + warm, timed

    return [
        Scenario("returning", returning),
        Scenario("first contact", first_contact),
        Scenario("new questions", new_questions),
    ]


def replies_only(assistant: Assistant) -> Application:  # type: ignore[type-arg]
    """A bot that sends the KANE bot's replies (known in advance) and does nothing else: what sending them costs."""

    async def send(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is not None and message.text is not None and message.from_user is not None:
            code = message.from_user.language_code
            lang = code if is_lang(code) else None
            await send_reply(message, assistant.reply(message.text, Conversation(None, lang, code)))

    app = Application.builder().token(TOKEN).request(OfflineRequest()).rate_limiter(unlimited()).build()
    app.add_handler(MessageHandler(filters.TEXT, send))
    return app


async def measure(scenario: Scenario, round_: int, assistant_root: Path) -> tuple[float, float, float, int]:
    untimed, timed = scenario.make(round_)
    for cache in (words, html_chunks, followup_keyboard):  # a freshly started bot has none of these yet
        cache.cache_clear()
    echo_app = Application.builder().token(TOKEN).request(OfflineRequest()).rate_limiter(unlimited()).build()
    echo_app.add_handler(MessageHandler(filters.TEXT, echo))
    await echo_app.initialize()
    assistant = Assistant.load(assistant_root)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(token=TOKEN, db_path=Path(folder) / "bench.sqlite3")
        kane_app = build_application(settings, assistant=assistant, request=OfflineRequest(), rate_limiter=unlimited())
        assert isinstance(kane_app, KaneApplication)
        await kane_app.initialize()
        assert kane_app.post_init is not None and kane_app.post_shutdown is not None
        await kane_app.post_init(kane_app)
        await rate(kane_app, untimed)
        await rate(echo_app, untimed)
        kane_app.services.throttle = Throttle()  # the untimed messages were sent "earlier", not in this window
        kane = await rate(kane_app, timed)
        plain = await rate(echo_app, timed)
        await kane_app.post_shutdown(kane_app)
        await kane_app.shutdown()
    await echo_app.shutdown()
    sender = replies_only(assistant)
    await sender.initialize()
    await rate(sender, timed)  # every reply known before timing
    sending = await rate(sender, timed)
    await sender.shutdown()
    return kane, plain, sending, len(timed)


async def main(rounds: int, count: int) -> None:
    print("KANE/echo: the whole bot; replies/echo: only sending the same replies (the most any bot sending them gets)")
    for scenario in scenarios(count):
        shares, ceilings, kane_rates, echo_rates = [], [], [], []
        for round_ in range(rounds):
            kane, plain, sending, size = await measure(scenario, round_, ROOT / "knowledge")
            kane_rates.append(kane)
            echo_rates.append(plain)
            shares.append(kane / plain)
            ceilings.append(sending / plain)
        print(
            f"{scenario.name:>14}: {size} updates, KANE {statistics.median(kane_rates):,.0f}/s, "
            f"echo {statistics.median(echo_rates):,.0f}/s, KANE/echo {statistics.median(shares):.0%} "
            f"(rounds {min(shares):.0%}–{max(shares):.0%}; target >= 80%), "
            f"replies/echo {statistics.median(ceilings):.0%}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--updates", type=int, default=2000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.rounds, arguments.updates))
