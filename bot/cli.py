"""The `kanebot` command line (also `python -m bot`). Its JSON output is a public interface: keep it stable.

`ask`, `chat`, `check` and `eval` never import telegram; only `run` does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.core.lang import LANGS, Lang
from bot.core.reply import Reply
from bot.core.settings import SettingsError, knowledge_dir_from_env, parse_database
from bot.core.yamlfile import KnowledgeError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _database() -> Path | str:
    """The database `kanebot run` uses ($KANEBOT_DB): a SQLite file, or a PostgreSQL URL."""
    import os

    return parse_database(os.environ.get("KANEBOT_DB", ""))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kanebot", description="KANE goals assistant for Finnish civil society.")
    parser.add_argument(
        "--knowledge", type=Path, default=None, help="knowledge folder (default: $KANEBOT_KNOWLEDGE or ./knowledge)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer one question, or one per line of standard input")
    ask.add_argument("question", nargs="?", help="the question; without it, read one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per question (stable interface)")
    ask.add_argument("--lang", choices=LANGS, help="reply in this language whatever the question's language")

    commands.add_parser(
        "chat", help="the bot's conversation in the terminal: numbered buttons, commands, hand-over ($KANEBOT_DB)"
    )
    commands.add_parser("check", help="validate everything in knowledge/; exit 1 on any problem")

    evaluate = commands.add_parser(
        "eval", help="run a question set and print accuracy per goal, per category and language, and every miss"
    )
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument("--min-accuracy", type=float, default=None, help="exit 1 below this share of right answers")
    evaluate.add_argument(
        "--min-category", type=float, default=None, help="exit 1 if any category in either language is below this"
    )
    evaluate.add_argument(
        "--max-confidently-wrong", type=int, default=None, help="exit 1 above this many wrong answers or routes"
    )
    evaluate.add_argument(
        "--max-false-answers",
        type=int,
        default=None,
        help="exit 1 above this many answers or routes to questions the goals do not answer",
    )
    evaluate.add_argument("--no-misses", action="store_true", help="print the tables only")

    run = commands.add_parser("run", help="run the Telegram bot (long polling, or --webhook)")
    run.add_argument("--webhook", action="store_true", help="serve PTB's webhook server instead of long polling")
    invite = commands.add_parser("invite", help="create a single-use invite code for an official of one area")
    invite.add_argument("--area", required=True, help="municipality code (837) or wellbeing services county id (PI)")
    invite.add_argument("--expires", default="7d", help="how long the code works: 7d, 12h, 30m (default 7d)")
    export = commands.add_parser("export", help="write the knowledge with officials' live edits as YAML to DIR")
    export.add_argument("dir", type=Path)
    load = commands.add_parser("import", help="load reviewed YAML from DIR into knowledge/ (all of it valid, or none)")
    load.add_argument("dir", type=Path)
    contacts = commands.add_parser("contacts", help="administrators: the contacts as a spreadsheet (CSV)")
    sheet = contacts.add_subparsers(dest="action", required=True, metavar="ACTION")
    sheet_in = sheet.add_parser("import", help="load contacts from a CSV file: all rows valid, or nothing changes")
    sheet_in.add_argument("file", type=Path)
    sheet_in.add_argument("--by", type=int, default=None, help="your Telegram user id, for the audit log")
    sheet_out = sheet.add_parser("export", help="write the contacts in effect as CSV (default: standard output)")
    sheet_out.add_argument("file", type=Path, nargs="?", default=None)
    sheet_out.add_argument("--area", default=None, help="only this area: municipality code, county id, AHS or KST")
    migrate = commands.add_parser(
        "migrate", help="copy every row of one database into another, empty one (SQLite into PostgreSQL, or back)"
    )
    migrate.add_argument("--from", dest="source", default=None, help="a SQLite file or postgresql:// URL ($KANEBOT_DB)")
    migrate.add_argument("--to", dest="target", default=None, help="a SQLite file or postgresql:// URL ($KANEBOT_DB)")
    health = commands.add_parser("health", help="exit 0 if a running bot wrote its heartbeat recently (Docker)")
    health.add_argument("--max-age", type=float, default=120.0, help="seconds (default 120)")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = _parser().parse_args(argv)
    from bot.storage.database import StorageError

    try:
        return _command(args)
    except StorageError as error:  # the database unreachable or unusable: one line, never a traceback
        print(f"kanebot {args.command}: {error}", file=sys.stderr)
        return EXIT_FAILED


def _command(args: argparse.Namespace) -> int:
    root = args.knowledge or knowledge_dir_from_env()
    if args.command == "check":
        return _check(root)
    if args.command == "health":
        return _health(args.max_age)
    if args.command == "invite":
        return _invite(root, args.area, args.expires)
    if args.command in {"export", "import"}:
        return _export_import(args.command, root, args.dir)
    if args.command == "contacts":
        return _contacts(root, args)
    if args.command == "migrate":
        return _migrate(args.source, args.target)
    if args.command == "run":
        from handlers.wiring.run import run  # imports telegram; kept out of the other commands' start-up

        return run(webhook=args.webhook, knowledge=args.knowledge)
    try:
        assistant = Assistant.load(root)
    except KnowledgeError as error:
        print(f"kanebot: knowledge/ has problems; run `kanebot check`:\n{error}", file=sys.stderr)
        return EXIT_FAILED
    if args.command == "ask":
        return _ask(assistant, args.question, args.json, args.lang, sys.stdin.buffer, sys.stdout)
    if args.command == "chat":
        return _chat(assistant, sys.stdin.buffer, sys.stdout)
    return _eval(assistant, args)


def _check(root: Path) -> int:
    from bot.content.loading import check_all

    problems = check_all(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"kanebot check: {len(problems)} problem(s) in {root}", file=sys.stderr)
        return EXIT_FAILED
    print(f"kanebot check: {root} is valid")
    return EXIT_OK


def _lines(stream: Iterable[bytes]) -> Iterator[tuple[str, bool]]:
    """Each input line decoded, with False where it was not valid UTF-8 (that line alone is refused)."""
    for raw in stream:
        line = raw.rstrip(b"\r\n")
        try:
            yield line.decode("utf-8"), True
        except UnicodeDecodeError:
            yield line.decode("utf-8", errors="replace"), False


def _ask(
    assistant: Assistant, question: str | None, as_json: bool, lang: Lang | None, stdin: Iterable[bytes], out: TextIO
) -> int:
    conversation = Conversation(explicit_lang=lang)
    if question is not None:
        _write(out, question, assistant.reply(question, conversation), as_json, one_line=False)
        return EXIT_OK
    for text, readable in _lines(stdin):
        # Each line is a fresh conversation: nothing carries over from the line before.
        reply = assistant.reply(text, conversation) if readable else assistant.unreadable(conversation)
        _write(out, text, reply, as_json, one_line=True)
    return EXIT_OK


def _write(out: TextIO, question: str, reply: Reply, as_json: bool, one_line: bool) -> None:
    if as_json:
        out.write(json.dumps(reply.as_json(question), ensure_ascii=False) + "\n")
    elif one_line:
        out.write(" ".join(reply.text.split()) + "\n")
    else:
        out.write(reply.text + "\n")
    out.flush()


def _chat(assistant: Assistant, stdin: Iterable[bytes], out: TextIO) -> int:
    """The bot's conversation in the terminal, over the database `kanebot run` uses ($KANEBOT_DB)."""
    import asyncio

    from bot.chat import TerminalChat
    from bot.core.settings import Settings
    from bot.storage.stores import Stores

    try:
        settings = Settings.from_env(token_needed=False)
    except SettingsError as error:
        print(f"kanebot chat: {error}", file=sys.stderr)
        return EXIT_USAGE

    async def run() -> None:
        stores = await Stores.open(settings.database)
        try:
            chat = TerminalChat(assistant, stores, out, settings.admins, settings.unanswered_days)
            await chat.run(_lines(stdin))
        finally:
            await stores.close()

    asyncio.run(run())
    return EXIT_OK


def _eval(assistant: Assistant, args: argparse.Namespace) -> int:
    from bot.evaluation import evaluate, evaluate_routing, is_routing_set, load_cases, load_routing_cases

    try:
        if is_routing_set(args.file):
            routing = evaluate_routing(assistant, load_routing_cases(args.file))
            print("\n".join(routing.lines(misses=not args.no_misses)))
            low = min(routing.routed.rate, routing.asked_back.rate)
            below = args.min_accuracy is not None and low < args.min_accuracy
            return EXIT_FAILED if below else EXIT_OK
        cases = load_cases(args.file)
    except KnowledgeError as error:
        print(f"kanebot eval: {error}", file=sys.stderr)
        return EXIT_USAGE
    report = evaluate(assistant, cases)
    print("\n".join(report.lines(misses=not args.no_misses)))
    failed: list[str] = []
    if args.min_accuracy is not None and report.answers.rate < args.min_accuracy:
        failed.append(f"right answers {report.answers.rate:.1%} < {args.min_accuracy:.1%}")
    if args.min_category is not None and report.lowest_category() < args.min_category:
        failed.append(f"a category is at {report.lowest_category():.1%} < {args.min_category:.1%}")
    if args.max_confidently_wrong is not None and len(report.confidently_wrong) > args.max_confidently_wrong:
        failed.append(f"{len(report.confidently_wrong)} confidently wrong > {args.max_confidently_wrong}")
    if args.max_false_answers is not None and len(report.false_answers) > args.max_false_answers:
        failed.append(f"{len(report.false_answers)} answers where the goals say nothing > {args.max_false_answers}")
    for reason in failed:
        print(f"kanebot eval: below threshold: {reason}", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _health(max_age: float) -> int:
    """The running bot touches <database folder>/heartbeat every 30 s after checking that the database answers."""
    import time

    from bot.core.settings import heartbeat_from_env

    heartbeat = heartbeat_from_env()
    try:
        age = time.time() - heartbeat.stat().st_mtime
    except OSError:
        print(f"kanebot health: no heartbeat at {heartbeat}", file=sys.stderr)
        return EXIT_FAILED
    if age > max_age:
        print(f"kanebot health: last heartbeat {age:.0f} s ago", file=sys.stderr)
        return EXIT_FAILED
    print(f"kanebot health: ok ({age:.0f} s ago)")
    return EXIT_OK


def _invite(root: Path, area: str, expires: str) -> int:
    """Create the invite in the bot's database ($KANEBOT_DB) and print the code once; only its hash is stored."""
    import asyncio
    import datetime as dt
    import time

    from bot.content.directory import check_directory
    from bot.storage.access import AccessError, check_area, hash_code, new_invite_code, parse_duration
    from bot.storage.stores import Stores

    directory, problems = check_directory(root)
    try:
        database = _database()
        if problems:
            raise AccessError("; ".join(str(problem) for problem in problems))
        area = check_area(directory, area)
        seconds = parse_duration(expires)
    except (AccessError, SettingsError) as error:
        print(f"kanebot invite: {error}", file=sys.stderr)
        return EXIT_USAGE
    code = new_invite_code()
    expires_at = time.time() + seconds

    async def store() -> None:
        stores = await Stores.open(database)
        try:
            await stores.access.create_invite(hash_code(code), area, None, expires_at)
        finally:
            await stores.close()

    asyncio.run(store())
    until = dt.datetime.fromtimestamp(expires_at, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"{code}\tarea {area}\tvalid until {until}\t(the official sends: /join {code})")
    return EXIT_OK


def _export_import(command: str, root: Path, folder: Path) -> int:
    """Both need the database of live edits ($KANEBOT_DB): export reads them, import marks them merged."""
    import asyncio

    from bot.content.export import MANIFEST, export_knowledge, import_knowledge, read_manifest
    from bot.storage.edits import KNOWLEDGE_TOPIC
    from bot.storage.stores import Stores

    try:
        database = _database()
    except SettingsError as error:
        print(f"kanebot {command}: {error}", file=sys.stderr)
        return EXIT_USAGE

    async def run() -> int:
        stores = await Stores.open(database)
        try:
            edits = stores.edits
            if command == "export":
                export_knowledge(root, await edits.in_effect(), folder)
                print(f"kanebot export: wrote {folder}; review it and commit it to knowledge/ (or `kanebot import`)")
                return EXIT_OK
            manifest = read_manifest(folder)
            if manifest is not None:
                statuses = await edits.statuses(manifest.edits)
                withdrawn = sorted(n for n in manifest.edits if statuses.get(n) in {"rolled_back", "rejected"})
                if withdrawn:
                    numbers = ", ".join(f"#{n}" for n in withdrawn)
                    print(
                        f"kanebot import: nothing changed; edit(s) {numbers} were undone after this export, which "
                        "still contains them: run `kanebot export` again",
                        file=sys.stderr,
                    )
                    return EXIT_FAILED
            import_knowledge(folder, root)
            if manifest is None:
                print(f"kanebot import: {root} updated from {folder}; it has no {MANIFEST}, so no live edit is marked "
                      "merged")  # fmt: skip
                return EXIT_OK
            stay_live = set(manifest.chat_routed)
            merged = await edits.mark_merged(n for n in manifest.edits if n not in stay_live)
            await stores.database.publish(KNOWLEDGE_TOPIC)  # running replicas load the new files and edits
            print(
                f"kanebot import: {root} updated from {folder}; {merged} live edit(s) are now in the baseline", end=""
            )
            if stay_live:
                print(f"; {len(stay_live)} contact edit(s) stay live: the Telegram chat they route questions to is "
                      "kept in the database, never exported", end="")  # fmt: skip
            print()
        except KnowledgeError as error:
            print(f"kanebot {command}: nothing changed; fix these first:\n{error}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            await stores.close()
        return EXIT_OK

    return asyncio.run(run())


def _contacts(root: Path, args: argparse.Namespace) -> int:
    """`kanebot contacts import FILE.csv` / `kanebot contacts export [FILE.csv]` over the bot's database: the
    contacts in effect are the reviewed ones in knowledge/ with the live edits on top, and an import adds one live,
    audited edit per changed row, all in one transaction."""
    import asyncio

    from bot.content.contact_sheet import contact_record, read_sheet, write_sheet
    from bot.content.edits import apply_edits
    from bot.content.loading import load_all
    from bot.storage.edits import KNOWLEDGE_TOPIC
    from bot.storage.stores import Stores

    try:
        database = _database()
    except SettingsError as error:
        print(f"kanebot contacts: {error}", file=sys.stderr)
        return EXIT_USAGE

    loaded = load_all(root)
    if loaded.problems:
        print(f"kanebot contacts: knowledge/ has problems; run `kanebot check`:\n{KnowledgeError(loaded.problems)}",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILED
    area = loaded.directory.area_id(args.area) if args.action == "export" and args.area else None
    if args.action == "export" and args.area and area is None:
        print(f"kanebot contacts export: unknown area {args.area!r}", file=sys.stderr)
        return EXIT_USAGE

    async def run() -> int:
        stores = await Stores.open(database)
        try:
            in_effect = apply_edits(loaded, await stores.edits.in_effect()).contacts.contacts
            if args.action == "export":
                text = write_sheet(c for c in in_effect if area is None or c.area == area)
                if args.file is None:
                    sys.stdout.write(text)
                else:  # with a byte-order mark, so that a spreadsheet opens it as UTF-8 (ä, ö, å)
                    args.file.write_text(text, encoding="utf-8-sig")
                    print(f"kanebot contacts export: wrote {text.count(chr(10)) - 1} contact(s) to {args.file}")
                return EXIT_OK
            rows, problems = read_sheet(args.file, loaded.directory, {topic.id for topic in loaded.topics.topics})
            if problems or not rows:
                for problem in [str(problem) for problem in problems] or [f"{args.file}: has no contact rows"]:
                    print(problem, file=sys.stderr)
                print("kanebot contacts import: nothing changed; fix these first", file=sys.stderr)
                return EXIT_FAILED
            current = {(c.area, c.topic): contact_record(c) for c in in_effect if not c.example}
            changes = [
                (row.area, row.topic, current.get((row.area, row.topic)), row.record)
                for row in rows
                if current.get((row.area, row.topic)) != row.record
            ]
            ids = await stores.edits.add_many("contact", changes, args.by) if changes else []
            unchanged = len(rows) - len(ids)
            if not ids:
                print(f"kanebot contacts import: all {unchanged} contact(s) are as in effect already; nothing changed")
                return EXIT_OK
            await stores.database.publish(KNOWLEDGE_TOPIC)
            shown = ("every running replica shows them within seconds" if stores.database.shared
                     else "the running bot shows them after /reload (or kill -HUP)")  # fmt: skip
            print(f"kanebot contacts import: {len(ids)} contact(s) saved as live edits #{ids[0]}–#{ids[-1]} "
                  f"({unchanged} unchanged), each in the audit log and undoable with /history; {shown}")  # fmt: skip
            return EXIT_OK
        finally:
            await stores.close()

    return asyncio.run(run())


def _migrate(source_given: str | None, target_given: str | None) -> int:
    """Copy every row of ``--from`` into the empty ``--to`` (either defaults to $KANEBOT_DB, so that a password
    need not be typed on the command line), then compare them table by table."""
    import asyncio

    from bot.core.settings import shown_url
    from bot.storage.engines import open_database
    from bot.storage.transfer import TransferError, transfer

    if (source_given is None) == (target_given is None):
        print("kanebot migrate: give --from or --to (the other is $KANEBOT_DB), or both", file=sys.stderr)
        if source_given is None:
            return EXIT_USAGE
    try:
        source = parse_database(source_given) if source_given is not None else _database()
        target = parse_database(target_given) if target_given is not None else _database()
    except SettingsError as error:
        print(f"kanebot migrate: {error}", file=sys.stderr)
        return EXIT_USAGE

    def shown(where: Path | str) -> str:
        return shown_url(where) if isinstance(where, str) else str(where)

    if shown(source) == shown(target):
        print("kanebot migrate: --from and --to are the same database", file=sys.stderr)
        return EXIT_USAGE

    async def run() -> int:
        old = await open_database(source)
        try:
            new = await open_database(target)
            try:
                copied = await transfer(old, new, progress=lambda line: print(f"kanebot migrate: {line}"))
            finally:
                await new.close()
        except TransferError as error:
            print(f"kanebot migrate: nothing copied: {error}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            await old.close()
        for table in copied:
            state = "the same content" if table.same else "DIFFERENT content"
            print(f"kanebot migrate: {table.table}: {table.rows} row(s), {state} (digest {table.digest})")
        if not all(table.same for table in copied):
            print("kanebot migrate: the copy differs from the original; do not use it", file=sys.stderr)
            return EXIT_FAILED
        print(f"kanebot migrate: {shown(source)} copied into {shown(target)}; every table checked")
        return EXIT_OK

    return asyncio.run(run())
