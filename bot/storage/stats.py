"""What was asked, without who asked: questions per week, language and goal, and the questions the bot could not
answer, kept for officials to review."""

from __future__ import annotations

from bot.storage.database import Database

DAY_SECONDS = 86_400


class StatsStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def record_unanswered(self, questions: list[tuple[float, str, str | None, str]]) -> int:
        """Keep questions the bot could not answer: (time, language, area, text), in one transaction, each row all
        or nothing: a row the database refuses is skipped alone. Only the day is kept of the time: with a small
        municipality, the second a question was asked could point to its asker. How many were kept."""
        if not questions:
            return 0
        rows = [(at - at % DAY_SECONDS, lang, area, question[:1000]) for at, lang, area, question in questions]
        async with self._db.transaction() as transaction:
            failed = await transaction.execute_each(
                "INSERT INTO unanswered (at, lang, area, question) VALUES (?, ?, ?, ?)", rows
            )
        return len(rows) - len(failed)

    async def unanswered(
        self, areas: list[str] | None, limit: int = 20
    ) -> list[tuple[int, float, str, str | None, str]]:
        """Recent unanswered questions (id, time, language, area, text); ``areas`` None means all (administrators)."""
        args: tuple[object, ...]
        columns = "id, at, lang, area, question"
        if areas is None:
            query, args = f"SELECT {columns} FROM unanswered ORDER BY id DESC LIMIT ?", (limit,)  # noqa: S608
        else:
            marks = ", ".join("?" for _ in areas) or "NULL"
            query = f"SELECT {columns} FROM unanswered WHERE area IN ({marks}) ORDER BY id DESC LIMIT ?"  # noqa: S608
            args = (*areas, limit)
        return [(row[0], row[1], row[2], row[3], row[4]) for row in await self._db.fetch_all(query, args)]

    async def unanswered_item(self, item_id: int) -> tuple[str, str | None, str] | None:
        row = await self._db.fetch_one("SELECT lang, area, question FROM unanswered WHERE id = ?", (item_id,))
        return (row[0], row[1], row[2]) if row is not None else None

    async def forget_unanswered_before(self, cutoff: float) -> int:
        return await self._db.delete_in_batches("unanswered", "at < ?", (cutoff,))

    async def add_question_counts(self, counts: dict[tuple[str, str, str], int]) -> None:
        """Add counts gathered in memory (one write a minute, not one a message)."""
        if not counts:
            return
        async with self._db.transaction() as transaction:
            await transaction.execute_many(
                "INSERT INTO asked (week, lang, goal, count) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (week, lang, goal) DO UPDATE SET count = asked.count + excluded.count",
                [(week, lang, goal, count) for (week, lang, goal), count in counts.items()],
            )

    async def question_counts(self, weeks: int = 8) -> list[tuple[str, str, str, int]]:
        rows = await self._db.fetch_all(
            "SELECT week, lang, goal, count FROM asked WHERE week IN "
            "(SELECT DISTINCT week FROM asked ORDER BY week DESC LIMIT ?) ORDER BY week DESC, goal, lang",
            (weeks,),
        )
        return [(row[0], row[1], row[2], row[3]) for row in rows]
