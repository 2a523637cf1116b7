"""The transport-free core: a question and what is known of the person in, a structured reply out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from bot.answering.language import LanguageDetector, choose_language
from bot.answering.lexicon import DATA, Lexicon
from bot.answering.references import goal_reference, goal_word_language
from bot.answering.retrieval import Featurizer, Match, Retriever
from bot.content.edits import Edit, apply_edits
from bot.content.intents import Intents
from bot.content.knowledge import Entry, Knowledge
from bot.content.loading import load_all
from bot.content.local import LocalAnswers
from bot.core.conversation import Conversation, PendingRoute
from bot.core.lang import LANGS, Lang
from bot.core.reply import Block, FollowUp, Reply
from bot.core.text import clean, fold
from bot.core.yamlfile import KnowledgeError
from bot.routing.places import PlaceFinder
from bot.routing.router import Router
from bot.routing.topics import TopicFinder

# Score x coverage below this is "I don't know"; calibrated with bench/calibrate.py on eval/questions.yaml. Questions
# with everyday out-of-scope words (knowledge/intents.yaml) must reach STRONG_THRESHOLD.
ANSWER_THRESHOLD = 0.10
STRONG_THRESHOLD = 0.3
MAX_QUESTION_CHARS = 1000
MAX_FOLLOWUPS = 4
REPLY_CACHE_SIZE = 4096


def load_stopwords(folder: Path = DATA) -> dict[Lang, frozenset[str]]:
    stopwords: dict[Lang, frozenset[str]] = {}
    for lang in LANGS:
        lines = (folder / f"stopwords.{lang}.txt").read_text(encoding="utf-8").splitlines()
        stopwords[lang] = frozenset(fold(line.strip()) for line in lines if line.strip() and not line.startswith("#"))
    return stopwords


class Assistant:
    """Answers questions about KANE's goals from one loaded Knowledge. Build once; ``reply`` does no I/O."""

    def __init__(
        self,
        knowledge: Knowledge,
        intents: Intents,
        retriever: Retriever,
        detector: LanguageDetector,
        router: Router,
        local_answers: LocalAnswers | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.intents = intents
        self.retriever = retriever
        self.detector = detector
        self.router = router
        self.local_answers = local_answers or LocalAnswers(())
        # People ask the same things ("tavoite 1", the examples in /start); a reply depends only on the text and
        # the conversation, so repeated questions cost a dictionary lookup.
        self._cached_reply = lru_cache(maxsize=REPLY_CACHE_SIZE)(self._reply)

    @classmethod
    def load(cls, root: Path, detector: LanguageDetector | None = None, edits: Iterable[Edit] = ()) -> Assistant:
        """Load and validate knowledge/ (with officials' live ``edits`` on top); raise KnowledgeError naming every
        problem of the files."""
        loaded = load_all(root)
        if loaded.problems:
            raise KnowledgeError(loaded.problems)
        loaded = apply_edits(loaded, edits)
        lexicon, stopwords = Lexicon.load(), load_stopwords()
        featurizer = Featurizer(lexicon, stopwords)
        if detector is None:
            detector = LanguageDetector({lang: lexicon.forms(lang) | stopwords[lang] for lang in LANGS})
        router = Router(
            loaded.directory,
            PlaceFinder(loaded.directory, loaded.place_words),
            loaded.topics,
            TopicFinder(loaded.topics, featurizer.terms),
            loaded.contacts,
            loaded.knowledge.messages,
        )
        retriever = Retriever(loaded.knowledge, featurizer)
        return cls(loaded.knowledge, loaded.intents, retriever, detector, router, loaded.local_answers)

    def message(self, key: str, lang: Lang, **values: object) -> str:
        return self.knowledge.messages.get(key, lang, **values)

    def reply(self, text: str, conversation: Conversation | None = None) -> Reply:
        """The reply to ``text`` from someone in ``conversation``; pure, so it is cached."""
        return self._cached_reply(text, conversation or Conversation())

    def _reply(self, text: str, conversation: Conversation) -> Reply:
        question = clean(text)
        truncated = len(question) > MAX_QUESTION_CHARS
        question = question[:MAX_QUESTION_CHARS]
        small_talk = self.intents.only(question, "greeting", "thanks")
        hint = (
            self.intents.language_of(question, "greeting")
            or self.intents.language_of(question, "thanks")
            or goal_word_language(question)
        )
        lang = choose_language(question, conversation.language_context(), self.detector, hint, detect=not small_talk)
        notes = (self.message("too_long", lang, limit=MAX_QUESTION_CHARS),) if truncated else ()
        reply = self._answer(question, lang, conversation)
        if notes:
            reply = replace(reply, blocks=(Block("note", notes[0]), *reply.blocks), notes=notes)
        return reply

    def language(self, conversation: Conversation) -> Lang:
        """The language for a reply that answers no text (a button, a command): never detected, only known."""
        return choose_language("", conversation.language_context(), self.detector, detect=False)

    def unreadable(self, conversation: Conversation | None = None) -> Reply:
        """The reply to input that is not text at all (for example invalid UTF-8)."""
        lang = self.language(conversation or Conversation())
        return Reply("fallback", lang, (Block("text", self.message("unreadable", lang)),))

    def _answer(self, question: str, lang: Lang, conversation: Conversation) -> Reply:
        if not any(char.isalnum() for char in question):
            return Reply("fallback", lang, (Block("text", self.message("empty", lang)),), followups=self._menu(lang))
        if self.intents.only(question, "greeting"):
            return self.greeting(lang)
        if self.intents.only(question, "thanks", "greeting"):
            return Reply("greeting", lang, (Block("text", self.message("thanks", lang)),))
        routed = self._route(question, lang, conversation)
        if routed is not None:
            return routed
        number = goal_reference(question)
        if number is not None:
            return self.entry_reply(self.knowledge.goal(number), lang, score=1.0, areas=self.local_areas(conversation))
        matches = self.retriever.search(question)
        everyday = self.intents.everyday(question)
        if matches and self._confident(matches[0], strong=everyday):
            best = matches[0]
            runner_ups = [match.entry.id for match in matches[1:] if self._confident(match)]
            areas = self.local_areas(conversation)
            return self.entry_reply(best.entry, lang, score=best.score, also=runner_ups, areas=areas)
        return self.fallback(lang, score=matches[0].score if matches else 0.0)

    @staticmethod
    def _confident(match: Match, strong: bool = False) -> bool:
        """A match counts if it is close and covers enough of the question: one shared word is not an answer.
        A question about everyday matters (passports, weather) needs a strong match."""
        return match.score * match.coverage >= (STRONG_THRESHOLD if strong else ANSWER_THRESHOLD)

    def _route(self, question: str, lang: Lang, conversation: Conversation) -> Reply | None:
        """A routing reply if the message names a place or asks whom to contact, or completes a pending one."""
        router = self.router
        place = router.municipality_in(question)
        asks_whom = self.intents.asks_whom(question)
        if place is None and asks_whom:
            place = router.municipality_in(question, fuzzy=True)  # one typo is forgiven where a place is expected
        topic = router.topic_finder.find(question)
        pending = conversation.pending
        waiting = pending is not None and (pending.municipality is None or pending.topic is None)
        if pending is not None and waiting and (place is not None or topic is not None):
            municipality = place or router.directory.municipality(pending.municipality or "")
            topic = topic or router.topics.get(pending.topic or "")
            # After /contact nothing was asked yet: this message is the question to hand over.
            return router.route(pending.question or question, lang, municipality, topic)
        # A place alone is not a routing question ("Mikä on huomisen sää Oulussa?"): it needs a topic or a "whom".
        if not asks_whom and (place is None or topic is None):
            return None
        remembered = place is None and conversation.municipality is not None
        if remembered:
            place = router.directory.municipality(conversation.municipality or "")
        return router.route(question, lang, place, topic, remembered=remembered and place is not None)

    def stale_entries(self, days: int, today: dt.date | None = None) -> list[str]:
        """Entries whose last review is older than ``days``: they are flagged to officials in /stats."""
        cutoff = (today or dt.date.today()) - dt.timedelta(days=days)
        return [entry.id for entry in self.knowledge.entries if entry.last_reviewed < cutoff]

    def stale_in_area(self, area: str, days: int, today: dt.date | None = None) -> list[str]:
        """An area's contacts and local additions not verified or updated for ``days``: for its officials."""
        cutoff = (today or dt.date.today()) - dt.timedelta(days=days)
        stale = [
            f"{contact.topic} ({contact.name(self.language(Conversation()))})"
            for contact in self.router.contacts.contacts
            if contact.area == area and not contact.example and (contact.last_verified or dt.date.min) < cutoff
        ]
        stale += [
            f"{answer.entry} ({area})"
            for answer in self.local_answers.answers
            if answer.area == area and answer.updated is not None and answer.updated < cutoff
        ]
        return stale

    def start_contact(self, conversation: Conversation) -> Reply:
        """/contact: ask for the place and the matter; the next message continues from here."""
        lang = self.language(conversation)
        text = self.message("contact_start", lang)
        return Reply("clarify", lang, (Block("text", text),), clarify="municipality", pending=PendingRoute(""))

    def choose_topic(self, topic_id: str, conversation: Conversation) -> Reply | None:
        """The person pressed a topic button after "what is it about?"; None if nothing is pending or it is forged."""
        topic = self.router.topics.get(topic_id)
        pending = conversation.pending
        if topic is None or pending is None:
            return None
        lang = self.language(conversation)
        municipality = self.router.directory.municipality(pending.municipality or "")
        return self.router.route(pending.question, lang, municipality, topic)

    def lookup(self, text: str, conversation: Conversation | None = None, limit: int = 4) -> list[Reply]:
        """Entry cards matching ``text`` for sharing (inline mode): a goal reference, else the best matches,
        else, for an empty query, the four goals. In the language of the words, else the person's."""
        conversation = conversation or Conversation()
        question = clean(text)[:MAX_QUESTION_CHARS]
        lang = self.detector.confident(question) or goal_word_language(question) or self.language(conversation)
        number = goal_reference(question)
        if not question:
            entries = [self.knowledge.goal(n) for n in range(1, 5)]
        elif number is not None:
            entries = [self.knowledge.goal(number)]
        else:
            entries = [match.entry for match in self.retriever.search(question, limit) if self._confident(match)]
        return [self.entry_reply(entry, lang, score=1.0) for entry in entries]

    def greeting(self, lang: Lang) -> Reply:
        blocks = (Block("text", self.message("greeting", lang)), Block("text", self.message("greeting_hint", lang)))
        return Reply("greeting", lang, blocks, followups=self._menu(lang))

    def fallback(self, lang: Lang, score: float = 0.0) -> Reply:
        blocks = [
            Block("text", self.message("fallback", lang)),
            Block("text", self.message("fallback_options", lang)),
            Block("title", self.message("the_four_goals", lang)),
        ]
        blocks += [Block("item", self.message(f"goal_button_{number}", lang)) for number in range(1, 5)]
        followups = tuple(FollowUp(f"goal-{n}", self.message(f"goal_button_{n}", lang)) for n in range(1, 5))
        contact = FollowUp("contact", self.message("action_contact", lang))
        return Reply("fallback", lang, tuple(blocks), score=score, followups=(*followups, contact))

    def local_areas(self, conversation: Conversation | None) -> tuple[str, ...]:
        """The areas whose local additions this person sees: their remembered municipality and its county."""
        code = conversation.municipality if conversation is not None else None
        municipality = self.router.directory.municipality(code or "")
        if municipality is None:
            return ()
        return (municipality.code, municipality.county_id) if municipality.county_id else (municipality.code,)

    def entry_reply(
        self, entry: Entry, lang: Lang, score: float, also: list[str] | None = None, areas: tuple[str, ...] = ()
    ) -> Reply:
        """Quote the entry faithfully, add the person's local additions, name its goal and offer related entries."""
        blocks = [Block("title", self._heading(entry, lang))]
        if entry.kind == "goal":
            blocks.append(Block("quote", entry.text(lang)))
            blocks.append(Block("title", self.message("what_can_be_done", lang)))
            blocks += [Block("item", action.text(lang)) for action in self.knowledge.actions(entry.goal or 0)]
        else:
            blocks.append(Block("quote", entry.text(lang)))
        shown = [entry, *(self.knowledge.actions(entry.goal or 0) if entry.kind == "goal" else [])]
        if any(lang in item.untranslated for item in shown):
            blocks.append(Block("note", self.message("text_pending", lang)))
        for local in self.local_answers.for_entry(entry.id, areas):
            text, other_language = local.text(lang)
            blocks.append(
                Block("title", self.message("local_title", lang, area=self.router.area_label(local.area, lang)))
            )
            blocks.append(Block("text", text))
            if other_language:
                blocks.append(Block("note", self.message("local_pending", lang)))
        if entry.goal is not None and entry.kind != "goal":
            goal = self.knowledge.goal(entry.goal)
            blocks.append(Block("note", self.message("part_of_goal", lang, number=entry.goal, title=goal.title(lang))))
        blocks.append(Block("note", self.message("source", lang)))
        targets = [*(also or []), *entry.related]
        if entry.goal is not None and entry.kind != "goal":
            targets.insert(0, f"goal-{entry.goal}")
        followups = self._followups(targets, exclude=entry.id, lang=lang)
        return Reply("answer", lang, tuple(blocks), goal=entry.goal, entry=entry.id, score=score, followups=followups)

    def _heading(self, entry: Entry, lang: Lang) -> str:
        if entry.goal is not None and entry.kind == "action":
            return f"{self.message('goal_label', lang, number=entry.goal)} · {entry.title(lang)}"
        return entry.title(lang)

    def label(self, entry: Entry, lang: Lang) -> str:
        """A short name for a button; a goal's full heading is too long for one."""
        if entry.kind == "goal" and entry.goal is not None:
            return self.message(f"goal_button_{entry.goal}", lang)
        return self._heading(entry, lang)

    def _followups(self, targets: list[str], exclude: str, lang: Lang) -> tuple[FollowUp, ...]:
        seen: set[str] = {exclude}
        found: list[FollowUp] = []
        for target in targets:
            if target in seen or target not in self.knowledge.by_id:
                continue
            seen.add(target)
            found.append(FollowUp(target, self.label(self.knowledge.entry(target), lang)))
        return tuple(found[:MAX_FOLLOWUPS])

    def _menu(self, lang: Lang) -> tuple[FollowUp, ...]:
        return (
            FollowUp("goals", self.message("action_goals", lang)),
            FollowUp("contact", self.message("action_contact", lang)),
        )
