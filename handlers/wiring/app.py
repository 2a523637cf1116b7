"""The one place where the Telegram application is wired: `build_application(settings)`. Tests build it the same way."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from pathlib import Path
from typing import Any

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.assistant import Assistant
from bot.core.lang import LANGS
from bot.core.settings import Settings
from bot.storage.inbox import HANDLED_KEPT_SECONDS
from bot.storage.stores import Stores
from handlers.associations.commands import CommandHandlers
from handlers.associations.contact import RoutingHandlers
from handlers.associations.inline import InlineHandlers
from handlers.associations.questions import QuestionHandlers
from handlers.common.context import MayBeOfficialFlow
from handlers.common.errors import ErrorHandlers
from handlers.common.outbox import deliver
from handlers.common.services import Services
from handlers.officials.commands import OfficialHandlers
from handlers.officials.editing import EditingHandlers
from handlers.wiring.buttons import ButtonHandlers
from handlers.wiring.fair_use import FairUse
from handlers.wiring.inbox import ORPHAN_SECONDS, InboxQueue, InboxTurns
from handlers.wiring.updates import ChatOrderedUpdates

log = logging.getLogger("kanebot")
COMMANDS = ("start", "goals", "goal", "contact", "language", "forget", "help", "about")
DAY = 86400.0
OUTBOX_SECONDS = 60
JOB_CHECK_SECONDS = 3600  # how often a replica asks whether the daily and weekly jobs are due
HEARTBEAT_SECONDS = 30
# A stop (SIGTERM) gives updates already running this long to finish, then cancels them (they are handled again at
# the next start): with the rest of the stop, well within Docker's default 10 seconds.
STOP_GRACE_SECONDS = 5.0


class KaneApplication(Application):  # type: ignore[type-arg]
    """PTB's Application with the bot's services as a typed attribute (instead of untyped bot_data)."""

    def __init__(self, *, services: Services, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.services = services
        self.startup_delivery: asyncio.Task[int] | None = None

    async def stop(self) -> None:
        """Stop without working through what is queued (PTB's stop handles every queued update first, which takes
        as long as the backlog): updates not begun stay in the inbox for the next start, the outbox round ends, and
        running updates get STOP_GRACE_SECONDS."""
        self.services.stopping.set()
        processor = self.update_processor
        if isinstance(processor, ChatOrderedUpdates):
            await processor.wind_down(STOP_GRACE_SECONDS)
        await super().stop()


def heartbeat_path(settings: Settings) -> Path:
    return settings.heartbeat_file


def file_base_url(base_url: str) -> str:
    """Telegram serves files beside the API: …/bot<token> → …/file/bot<token>."""
    return base_url[: -len("bot")] + "file/bot" if base_url.endswith("/bot") else base_url


def build_application(
    settings: Settings,
    *,
    assistant: Assistant | None = None,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    rate_limiter: BaseRateLimiter | None = None,  # type: ignore[type-arg]
) -> KaneApplication:
    services = Services(settings, assistant or Assistant.load(settings.knowledge_dir))
    inbox = InboxQueue()
    turns = InboxTurns(services, inbox)
    fair_use = FairUse(services)
    background: set[asyncio.Task[None]] = set()

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        services.attach_stores(await Stores.open(settings.database))
        database = services.stores.database
        if database.shared:  # what the other replicas change, this one hears of
            await database.listen(services.changed_elsewhere)
            await database.listen(fair_use.changed_elsewhere)
        if await services.stores.edits.in_effect():  # officials' live edits from before the restart
            await services.reload(announce=False)
        await services.refresh_staffed(announce=False)
        if not settings.admins:
            log.warning("KANEBOT_ADMINS is empty: questions for areas without officials wait in a national queue "
                        "that no administrator reads")  # fmt: skip
        inbox.store = services.stores.inbox
        # Updates a crash or a stop left unhandled, first: an official's reply among them reaches its association.
        services.replayed.update(await inbox.replay(application.bot))
        # The command menus are a convenience: set in the background, so a start does not wait for Telegram.
        background.add(asyncio.create_task(_register_commands(application, services)))
        # What a crash or an outage left unsent, however much: in the background, so polling starts at once.
        if isinstance(application, KaneApplication):
            application.startup_delivery = asyncio.create_task(
                deliver(application.bot, services.stores.tickets, everything=True, stopping=services.stopping)
            )
        await _beat()  # at once: a job scheduled before the scheduler runs can be skipped as "missed"
        if application.job_queue is not None:
            jobs = application.job_queue
            jobs.run_repeating(_beat, interval=HEARTBEAT_SECONDS, first=HEARTBEAT_SECONDS)
            jobs.run_repeating(_retry_outbox, interval=OUTBOX_SECONDS, first=OUTBOX_SECONDS)
            # Asked about every hour, run when due in whichever replica asks first (the database remembers).
            jobs.run_repeating(_purge, interval=JOB_CHECK_SECONDS, first=60)
            jobs.run_repeating(_flag_stale, interval=JOB_CHECK_SECONDS, first=JOB_CHECK_SECONDS)
            if database.shared:
                jobs.run_repeating(_take_orphans, interval=ORPHAN_SECONDS, first=ORPHAN_SECONDS)
        _reload_on_sighup(services)

    async def post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
        if not services.has_stores:
            return
        try:
            services.stopping.set()
            for task in background:
                task.cancel()
            await services.stop_catching_up()
            await fair_use.stop()
            if isinstance(application, KaneApplication) and application.startup_delivery is not None:
                await asyncio.wait([application.startup_delivery], timeout=STOP_GRACE_SECONDS)
            await services.write_gathered()
        except Exception:  # a full disk: what was gathered is lost, but the process must still exit
            log.exception("could not write the statistics gathered in memory at the stop")
        finally:
            await services.stores.close()
            services.attach_stores(None)

    async def _beat(context: ContextTypes.DEFAULT_TYPE | None = None) -> None:
        await services.stores.database.schema_version()  # proves the database answers
        path = heartbeat_path(settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{time.time():.0f}\n", encoding="utf-8")

    async def _retry_outbox(context: ContextTypes.DEFAULT_TYPE) -> None:
        async with services.stores.database.exclusive("outbox") as mine:
            if mine:  # one replica's round at a time; what others hand over meanwhile they send themselves
                await deliver(context.bot, services.stores.tickets, stopping=services.stopping)
        await services.write_gathered()

    async def _flag_stale(context: ContextTypes.DEFAULT_TYPE) -> None:
        async def review() -> None:
            await OfficialHandlers(services).flag_stale(context.bot)

        await services.stores.jobs.run_if_due("review", 7 * DAY, review, first_after=DAY)

    async def _purge(context: ContextTypes.DEFAULT_TYPE) -> None:
        await services.stores.jobs.run_if_due("retention", DAY, lambda: daily_purge(services.stores, settings))

    async def _take_orphans(context: ContextTypes.DEFAULT_TYPE) -> None:
        taken = await inbox.replay(context.bot, older_than=ORPHAN_SECONDS)
        if taken:
            services.replayed.update(taken)
            log.info("took %s update(s) received by a replica that has gone", len(taken))

    builder = (
        Application.builder()
        .application_class(KaneApplication, {"services": services})
        .token(settings.token)
        .base_url(settings.base_url)
        .base_file_url(file_base_url(settings.base_url))
        .rate_limiter(rate_limiter or AIORateLimiter(max_retries=3))
        .concurrent_updates(ChatOrderedUpdates(on_done=turns.done, in_turn=turns.run))
        .update_queue(inbox)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    application = builder.build()
    if not isinstance(application, KaneApplication):  # application_class above guarantees it
        raise TypeError(type(application))
    turns.bot, turns.handle = application.bot, application.process_update
    _wire(application, services, fair_use)
    return application


async def daily_purge(stores: Stores, settings: Settings) -> dict[str, int]:
    """The retention purge beside the bot's own work (``Database.sibling``): with SQLite on a connection of its own,
    so that the bot's connection reads, and writes between the purge's small transactions, while the purge's
    commits (and the checkpoints they trigger) run beside it."""
    async with stores.database.sibling() as database:
        return await purge(Stores.over(database), settings)


async def purge(stores: Stores, settings: Settings, now: float | None = None) -> dict[str, int]:
    """Retention, once a day: what each kind of record may be kept for (settings), then it goes; how many rows of
    each went. Unanswered questions and the questions of people who asked to be forgotten after
    KANEBOT_UNANSWERED_DAYS; the audit log, failed join attempts, delivered or abandoned outbox items and answered or
    closed tickets after their own settings; handled updates' ids after a day."""
    now = time.time() if now is None else now

    def before(days: float) -> float:
        return now - days * DAY

    return {
        "unanswered": await stores.stats.forget_unanswered_before(before(settings.unanswered_days)),
        "forgotten_tickets": await stores.tickets.erase_forgotten_before(before(settings.unanswered_days)),
        "audit_and_join_attempts": await stores.access.purge_before(
            before(settings.audit_days), before(settings.join_attempt_days)
        ),
        "outbox": await stores.tickets.purge_outbox_before(before(settings.outbox_days)),
        "tickets": await stores.tickets.purge_done_before(before(settings.ticket_days)),
        "inbox": await stores.inbox.purge_handled_before(now - HANDLED_KEPT_SECONDS),
    }


def _wire(application: Application, services: Services, fair_use: FairUse) -> None:  # type: ignore[type-arg]
    officials = OfficialHandlers(services)
    editing = EditingHandlers(services, officials)
    commands = CommandHandlers(services)
    questions = QuestionHandlers(services)
    routing = RoutingHandlers(services)
    # An official who pressed "answer #N" is answering: their next text is the answer, before anything else.
    # Both only in the official's private chat with the bot: a group message is never taken as an answer or a field.
    # One handler for both (each stops the update when it takes it): every private question passes through here.
    # The in-memory check first: for nearly every message it is false and decides alone.
    private_text = (
        MayBeOfficialFlow(services)
        & filters.ChatType.PRIVATE
        & filters.UpdateType.MESSAGE
        & filters.TEXT
        & ~filters.COMMAND
    )

    async def official_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await editing.text(update, context)
        await officials.answering(update, context)

    # Fair use first: every message, command, press and inline query counts, and past the limit nothing else runs.
    application.add_handler(TypeHandler(Update, fair_use.check), -3)
    application.add_handler(MessageHandler(private_text, official_text), -2)
    # An official's reply to a question card is relayed before anything else may treat it as a question. (REPLY is
    # checked first: most messages are not replies.)
    application.add_handler(
        MessageHandler(
            filters.REPLY & filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, routing.official_reply
        ),
        -1,
    )
    public = (
        ("start", commands.start),
        ("help", commands.help),
        ("about", commands.about),
        ("language", commands.language),
        ("goals", commands.goals),
        ("goal", commands.goal),
        ("contact", commands.contact),
        ("forget", routing.forget),
    )
    # Privileged commands only in a private chat: their answers (invite codes, questions, user ids) are not for groups.
    private = (
        ("join", officials.join),
        ("invite", officials.invite),
        ("officials", officials.officials),
        ("revoke", officials.revoke),
        ("queue", officials.queue),
        ("unanswered", officials.unanswered),
        ("stats", officials.stats),
        ("reload", officials.reload),
        ("audit", officials.audit_log),
        ("cancel", officials.cancel),
        ("editcontact", editing.start_contact),
        ("local", editing.start_local),
        ("propose", editing.start_propose),
        ("review", editing.review),
        ("history", editing.history),
    )
    # Free text first: it is most of the traffic, and no command can match it (each would be tried in turn).
    # An edited message is not a new question (it was answered when it was sent).
    application.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND, questions.text)
    )
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL, questions.not_text
        )
    )
    # A command runs when it is sent, never again when the message is edited (an edited /forget or /invite).
    sent = filters.UpdateType.MESSAGE
    for name, callback in public:
        application.add_handler(CommandHandler(name, callback, filters=sent))
    for name, callback in private:
        application.add_handler(CommandHandler(name, callback, filters=sent & filters.ChatType.PRIVATE))
    application.add_handler(CallbackQueryHandler(ButtonHandlers(services, routing, officials, editing).press))
    application.add_handler(InlineQueryHandler(InlineHandlers(services).query))
    application.add_error_handler(ErrorHandlers(services).error)


def _reload_on_sighup(services: Services) -> None:
    """SIGHUP reloads knowledge/ like /reload; a bad file keeps the running knowledge and is logged."""

    async def reload() -> None:
        problems = await services.reload()
        if problems:
            log.error("reload refused, keeping the running knowledge:\n%s", "\n".join(problems))
        else:
            log.info("knowledge reloaded")

    tasks: set[asyncio.Task[None]] = set()

    def on_signal() -> None:
        task = asyncio.get_running_loop().create_task(reload())
        tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(tasks.discard)

    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, on_signal)
    except (NotImplementedError, RuntimeError, AttributeError):  # no signals here (tests, other platforms)
        log.debug("SIGHUP reload not available")


async def _register_commands(application: Application, services: Services) -> None:  # type: ignore[type-arg]
    """Command menus in Finnish and Swedish; Finnish for clients in any other language."""
    try:
        for lang in LANGS:
            menu = [BotCommand(name, services.text(f"cmd_{name}", lang)) for name in COMMANDS]
            await application.bot.set_my_commands(menu, language_code=lang)
        menu = [BotCommand(name, services.text(f"cmd_{name}", "fi")) for name in COMMANDS]
        await application.bot.set_my_commands(menu, scope=BotCommandScopeDefault())
    except TelegramError as error:  # the menu is a convenience; the bot works without it
        log.warning("could not register the command menus: %s", error)


ALL_UPDATES = Update.ALL_TYPES
