"""The transport-free core: a question and what is known of the person in, a structured reply out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from bot.answering.asked_words import QuestionWords, names_the_goals
from bot.answering.bot_questions import TASK_SCORE, BotQuestions, commands_in
from bot.answering.confidence import Calibration
from bot.answering.focus import (
    Focus,
    checks_what_was_told,
    find_question,
    framed_clause_starts,
    points_back,
    points_into,
    sentence_starts,
)
from bot.answering.language import LanguageDetector, choose_language
from bot.answering.lexicon import DATA, Lexicon
from bot.answering.reading import HOW_WORDS, Reader
from bot.answering.references import (
    LAST_ACTION,
    MIDDLE_ACTION,
    action_reference,
    goal_reference,
    goal_themes,
    goal_word_language,
    mentions_a_goal,
)
from bot.answering.retrieval import Featurizer, Match, Retriever
from bot.content.edits import Edit, apply_edits
from bot.content.help import GENERAL_HELP, HANDOVER_HELP, LANGUAGE_HELP, HelpEntry, HelpRole
from bot.content.intents import Intents
from bot.content.knowledge import Entry, Knowledge
from bot.content.loading import load_all
from bot.content.local import LocalAnswers
from bot.core.conversation import Conversation, PendingRoute
from bot.core.disk_cache import DiskCache
from bot.core.lang import LANGS, Lang
from bot.core.reply import Block, FollowUp, Reply
from bot.core.text import clean, fold, folded_words, sentences, words
from bot.core.yamlfile import KnowledgeError
from bot.one_place import OnePlaceReading
from bot.routing.places import PlaceFinder
from bot.routing.router import Router
from bot.routing.topics import TopicFinder

MAX_QUESTION_CHARS = 1000
MAX_FOLLOWUPS = 4
SHORT_ANSWER_WORDS = 2
REPLY_CACHE_SIZE = 4096
# Facts the goals never give, answered honestly before anything else is tried (a procedure or a place may still be
# a question of whom to contact).
EARLY_FACTS = frozenset(
    {"date", "amount", "person", "party", "law", "statistics", "consequence", "funding", "service", "measure",
     "comparison", "ranking", "document", "decision", "aland", "definition", "which_places"}
)  # fmt: skip
# A question with at most this many words of its own, none of the goals' world, leans on its story.
SHORT_ON_ITS_OWN = 2
# How many of the question's own best matches may agree with what its story reads as (a match that shares no word
# with the question agrees with nothing).
STORY_CANDIDATES = 3
# How sure the match of a question naming a goal must be to answer with one part of it rather than the goal whole.
PART_CHANCE = 0.9
# At most this many words in the sentence that names a goal and its action before a question pointing back ("Mål
# fyra, första åtgärden. Vad betyder den?")
ACTION_TOLD_WORDS = 6
# "Målet om samarbete, andra punkten?": a goal named by its theme with an action's place finds the introduction
# first (it lists every goal's title); a part of one goal this close behind it names the goal meant.
THEMED_GOAL_SHARE = 0.5
INTRO_ENTRY = "intro"
# A help entry matched by under half the words of a question about homework is a chance likeness.
HOMEWORK_HELP_COVERAGE = 0.5


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
        help_entries: tuple[HelpEntry, ...] = (),
        help_retriever: Retriever | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.intents = intents
        self.retriever = retriever
        self.detector = detector
        self.router = router
        self.local_answers = local_answers or LocalAnswers(())
        self.help_entries = {item.id: item for item in help_entries}
        # The help's own example questions, as written there, are that help whatever their words ("glöm mig",
        # "kielen valinta"): a question that is one of them needs no reading.
        self._help_examples: dict[tuple[str, ...], str] = {}
        for item in help_entries:
            for code in LANGS:
                for example in item.entry.questions(code):
                    self._help_examples.setdefault(folded_words(example), item.id)
        self.help_retriever = help_retriever
        self.calibration = calibration or Calibration.load()
        # The commands the help names, and /start, which Telegram sends first and people then ask about.
        commands = {"start"} | {
            command
            for item in help_entries
            for text in item.texts.values()
            for lang in LANGS
            for command in commands_in(text(lang))
        }
        self.question_words = QuestionWords(intents, retriever)
        self.bot_questions = BotQuestions(
            self.question_words,
            help_retriever,
            commands=commands,
            help_tasks={item.id: item.tasks for item in help_entries},
        )
        self.reader = Reader(self.question_words, self.bot_questions, self.calibration, router.places.without_names)
        self.one_place = OnePlaceReading(intents, self.reader, router)
        # People ask the same things ("tavoite 1", the examples in /start); a reply depends only on the text and
        # the conversation, so repeated questions cost a dictionary lookup.
        self._cached_reply = lru_cache(maxsize=REPLY_CACHE_SIZE)(self._reply)

    def with_staffed(self, staffed: frozenset[str]) -> Assistant:
        """The same knowledge, knowing which areas officials have joined for: a route then says whether a hand-over
        reaches the area's officials or the administrators' national queue."""
        router = self.router.with_staffed(staffed)
        return Assistant(
            self.knowledge,
            self.intents,
            self.retriever,
            self.detector,
            router,
            self.local_answers,
            tuple(self.help_entries.values()),
            self.help_retriever,
            self.calibration,
        )

    @classmethod
    def load(cls, root: Path, detector: LanguageDetector | None = None, edits: Iterable[Edit] = ()) -> Assistant:
        """Load and validate knowledge/ (with officials' live ``edits`` on top); raise KnowledgeError naming every
        problem of the files."""
        cache = DiskCache.default()
        loaded = load_all(root, cache)
        if loaded.problems:
            raise KnowledgeError(loaded.problems)
        loaded = apply_edits(loaded, edits)
        lexicon, stopwords = Lexicon.load(cache=cache), load_stopwords()
        featurizer = Featurizer(lexicon, stopwords, loaded.concepts, cache)
        if detector is None:
            detector = LanguageDetector({lang: lexicon.vocabulary(lang, stopwords[lang]) for lang in LANGS})
        router = Router(
            loaded.directory,
            PlaceFinder(loaded.directory, loaded.place_words),
            loaded.topics,
            TopicFinder(loaded.topics, featurizer.terms),
            loaded.contacts,
            loaded.knowledge.messages,
        )
        retriever = Retriever(loaded.knowledge.entries, featurizer, cache=cache)
        help_retriever = Retriever(tuple(item.entry for item in loaded.help), featurizer, with_text=False, cache=cache)
        return cls(
            loaded.knowledge,
            loaded.intents,
            retriever,
            detector,
            router,
            loaded.local_answers,
            loaded.help,
            help_retriever,
        )

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
        # A word or two answering the bot's own question ("lokaller", "Jyväskylä") does not switch the language.
        answer = _awaiting(conversation.pending) is not None and len(question.split()) <= SHORT_ANSWER_WORDS
        detect = not small_talk and not answer
        lang = choose_language(question, conversation.language_context(), self.detector, hint, detect=detect)
        notes = (self.message("too_long", lang, limit=MAX_QUESTION_CHARS),) if truncated else ()
        if not small_talk and not answer and self.detector.foreign(question):
            reply = self.other_language(lang)
        else:
            reply = self._answer(question, lang, conversation)
        if notes:
            reply = replace(reply, blocks=(Block("note", notes[0]), *reply.blocks), notes=notes)
        return reply

    def forget_messages(self) -> None:
        """Forget every message read so far (the reply cache and the caches of one message's readings), so that
        the next question costs what a new one does: for measuring. Words and their lemmas stay remembered, as in a
        running bot, where the same words keep coming in new questions."""
        self._cached_reply.cache_clear()
        self.reader.forget()
        self.router.topic_finder.forget()
        self.router.places.forget()
        words.cache_clear()
        folded_words.cache_clear()

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
        if all(self.intents.only(part, "greeting") or self.intents.is_small_talk(part) for part in sentences(question)):
            return self.greeting(lang)  # "Moi! Mitä kuuluu? Miten menee?"
        if self.intents.only(question, "thanks", "greeting") or (
            # "Kiitos vastauksesta!", "Tack för hjälpen!": thanks for the answer or the help, nothing asked
            self.intents.only(question, "thanks", "greeting", "thanked_for") and self.intents.any_of(question, "thanks")
        ):
            return Reply("greeting", lang, (Block("text", self.message("thanks", lang)),))
        # Greetings, thanks and the asker's own story are set aside: the question is answered as if asked alone.
        focus = find_question(question, self.intents)
        if _awaiting(conversation.pending) is not None:
            # An answer to the bot's own question ("Borgå", "lokaler") continues it before anything else is tried.
            routed = self._route(question, focus, lang, conversation)
            if routed is not None:
                return routed
        asked = self.reader.without_a_plain_manner(focus.question)
        example = self._help_examples.get(folded_words(asked))
        if example is not None:
            return self.help_reply(example, lang)
        if focus.brief and self.reader.asks_for_an_overview(f"{asked} {focus.brief}"):
            # "Mitä isoja juttuja kunnilta toivotaan? Lyhyt yhteenveto kiitos.": the goals in brief, asked in two
            # sentences; "Mitä tavoitteet sanovat tiloista? Yhteenveto kiitos." stays a question about premises.
            asked = f"{asked} {focus.brief}"
        # Question words read as meant ("mitenhaetaan avustusta", "Montakko tavoitetta on?") from here on.
        asked = self.intents.mend_asking_words(asked)
        fact = self.intents.asked_fact(asked, sentence_starts(asked) | framed_clause_starts(asked, self.intents))
        if fact == "ranking" and self.bot_questions.names_the_bot(asked):
            fact = None  # "Kumpi toimii paremmin, /local vai /contact?" weighs the bot's own commands
        if fact == "ranking" and self.one_place.compares_places(asked):
            fact = None  # "Kumpi tukee järjestöjä paremmin, Kerava vai Järvenpää?": a fact about the places named
        if fact == "date" and self.reader.asks_what_eases_taking_part(asked):
            fact = None  # "Lossin aikataulut …, pääseekö kyläläiset mukaan vaikuttamaan?": timetables as a barrier
        if fact is None and self.reader.asks_how_to_apply(asked):
            fact = "procedure"  # "Miten meidän seura hakee avustusta?", as "Hur ansöker en förening om bidrag?"
        if fact is None and self.reader.asks_how_a_council_is_chosen(asked):
            fact = "procedure"  # "Kuinka vammaisneuvoston jäsenet valitaan?": how, the goals never say
        if fact == "law" and self.reader.asks_of_a_candidates_duty(asked, sentence_starts(asked)):
            fact = None  # "e kandidatern int tvungna å hålla en schysst ton?": what KANE reminds them of
        if fact is None and self.reader.asks_kanes_view_of_a_decision(asked):
            fact = "decision"  # "Tukeeko KANE kuntaliitoksia?": a stand the goals never take
        if fact == "which_places" and self.reader.names_aland(asked):
            fact = "aland"  # "Vilka kommuner på Åland låter …?": the goals are not Åland's, not "the same for all"
        if fact is None and self.reader.asks_if_it_applies_on_aland(asked):
            fact = "aland"  # "Gäller målen på Åland?": the goals never speak of Åland
        if fact is None and self.reader.asks_where_to_read_another_paper(asked, focus.context):
            fact = "document"  # "Mistä löydän sen strategian, jossa KANE on mukana?": a paper the bot does not have
        kanes_own_told = fact is None and self.reader.asks_whom_for_kanes_own_service(asked, focus.context, lang)
        if kanes_own_told:
            fact = "service"  # "… kutsua joku KANEn edustaja puhumaan. Kuka sieltä vois tulla?": KANE's, not a place's
        if fact is None and self.reader.asks_who_is_in_kane(asked):
            fact = "person"  # "Vilka organisationer sitter i KANE?": the KANE paragraph names no member
        reaches_kane = fact is None and self.intents.asks_to_reach_kane(asked)
        if reaches_kane:
            fact = "contact"  # "Miten saan yhteyden KANEen?": the goals give no contacts, nor does the bot for KANE
        if fact is None and (
            self.reader.asks_what_is_wished_of_a_candidate(asked, lang)
            # "Jag kandiderar i Närpes. Vad förväntar sig KANE av mig?": the candidacy told in the sentence before,
            # the asker in the question ("Olen ehdolla. Mitä KANE odottaa kunnilta?" asks of municipalities)
            or (
                bool(focus.context)
                and self.intents.any_of(asked, "candidate_self")
                and self.reader.asks_what_is_wished_of_a_candidate(f"{focus.context} {asked}", lang)
            )
        ):
            # A candidate asking what KANE expects of them: the candidates' responsibility, not the goals as a whole.
            return self.entry_reply(self.knowledge.entry("candidates.dialogue"), lang, score=1.0)
        if fact is None and self.reader.asks_who_made_the_goals(asked):
            return self.entry_reply(self.knowledge.entry("kane"), lang, score=1.0)  # "Vem har tagit fram de här målen?"
        retold = self._about_the_story(focus, lang, conversation) if fact is None else None
        if retold is not None:
            return retold
        # "Onks Porvoo jo tehny jotain näiden tavoitteiden eteen?" asks what one place has done for them.
        if self.reader.asks_for_all_goals(asked, lang, fact=fact) and self.one_place.asked_fact(asked, []) != "place":
            return self.entry_reply(self.knowledge.entry("intro"), lang, score=1.0)  # "montako tavoitetta on?"
        if fact is None and self.reader.asks_what_the_goals_are_for(asked) and self.router.place_in(asked) is None:
            return self.entry_reply(self.knowledge.entry("intro"), lang, score=1.0)  # "Mihin tavoitteita tarvitaan?"
        if fact is None and not focus.context and self.reader.asks_kanes_view_of_nothing(asked):
            return self.entry_reply(self.knowledge.entry("intro"), lang, score=1.0)  # "Mitä mieltä KANE on?"
        if fact is None and (self.reader.asks_what_kane_is(asked) or self.reader.asks_what_kane_takes_part_in(asked)):
            return self.entry_reply(self.knowledge.entry("kane"), lang, score=1.0)  # "Onks KANE joku puolue?"
        matches = self.reader.search(asked)
        fact = fact or self.one_place.asked_fact(asked, matches)
        # A date, a sum, a name, a party's view … is never in the goals, whatever else the question names; so is
        # how things are done ("Miten haemme avustusta?"), but where ("Mistä haetaan avustusta Turussa?") is first a
        # question of whom to contact.
        opening = fold(words(asked)[0]) if words(asked) else ""
        early = fact in EARLY_FACTS or (fact == "procedure" and opening in HOW_WORDS) or reaches_kane
        # "Onko Lahdessa maksuttomia kokoustiloja …?" asks how things stand in one place, not whom to ask there;
        # the honest reply still names who handles it and offers the hand-over.
        early = early or (
            fact == "place"
            and (self.one_place.asks_how_things_stand(asked) or self.one_place.asks_where_its_document_is(asked))
            and not self.intents.asks_whom(asked)
        )
        bot_task = self.bot_questions.bot_task(asked) is not None  # "statistik över vad folk frågat" is the bot's
        # "Jag skulle vilja föreslå en ändring i ett svar … Hur går jag till väga?": how to do what the story names,
        # and the story names a task of the bot's.
        story_task = (
            not bot_task
            and bool(focus.context)
            and (self._too_thin_alone(asked, lang) or self._leans_on_the_story(asked, focus.context))
            and self.bot_questions.bot_task(f"{focus.context} {asked}") is not None
        )
        helped = self._help_with_story(focus, lang, matches) if story_task else None
        if helped is not None:
            return helped
        # "Kuinka paljon kaupunki voisi maksaa järjestölle tällaisesta palvelusta?": a service named beside the goals'
        # world is an association's, not the bot's.
        about_bot = self.intents.any_of(asked, "about_bot") and (
            not self.intents.any_of(asked, "service_words")
            or not self.question_words.speaks_of_the_goals_world(asked)
            or self.intents.any_of(asked, "this_service")
            or self.bot_questions.names_the_bot(self.intents.without(asked, "service_words"))
        )
        if (
            fact
            and early
            and not about_bot
            and not bot_task
            and (self.reader.on_theme(asked, matches) or self._names_a_routed_matter(asked) or kanes_own_told)
        ):
            routed = self._route(question, focus, lang, conversation) if fact == "person" else None
            # "Sodankylässä kuka on järjestöjen yhteyshenkilö?": whom routing finds, once the bot knows what about;
            # KANE's own people are not a municipality's (`Intents.asks_to_reach_kane`).
            if routed is not None and (
                routed.kind == "route"
                or (
                    routed.kind == "clarify"
                    and self.intents.any_of(asked, "contact_person")
                    and not self.intents.any_of(asked, "kane")
                )
            ):
                return self._unless_a_person_is_missing(routed, matches)
            return self.honest(lang, fact, matches, asked)
        if self._only_calls_for_help(asked, focus.context, lang) and GENERAL_HELP in self.help_entries:
            return self.help_reply(GENERAL_HELP, lang)  # "apua", "Hjälp!": how the bot is used, not goal 1's support
        helped = self._help(asked, lang, matches)
        if helped is not None:
            return helped
        routed = self._route(question, focus, lang, conversation)
        if routed is not None:
            return self._unless_a_person_is_missing(routed, matches) if fact == "person" else routed
        if fact is None and self.intents.asks_for_a_contact(asked):
            fact = "contact"  # whom to contact somewhere routing does not know ("Vem på ministeriet …?")
        areas = self.local_areas(conversation)
        numbered = goal_reference(asked)
        if numbered is not None and not mentions_a_goal(asked) and self._numbers_an_everyday_thing(asked):
            numbered = None  # "Vilken buss går till sjukhuset, är det trean?": a bus numbered, no goal
        number = numbered or self.reader.goal_by_theme(asked)
        if number is not None:
            # The question's own matter picks a part of a goal named by number ("Vår sista punkt på agendan: vad
            # säger mål 2 om …?"), not of one named by its theme, whose words are its parts' words too; else an
            # action named by its place ("toka kohta", "den sista punkten"); else the goal whole.
            part = self._part_of_the_goal_asked(asked, number, matches) if numbered else None
            part = part or self._action_asked(asked, number)
            return self.entry_reply(part or self.knowledge.goal(number), lang, score=1.0, areas=areas)
        if fact is not None:
            if self.reader.on_theme(asked, matches):
                return self.honest(lang, fact, matches, asked)
            # "Jag vill att ni raderar allt ni har sparat om mig. Hur gör jag?": how to do what the story names.
            return self._help_with_story(focus, lang, matches) or self.fallback(
                lang, score=matches[0].score if matches else 0.0
            )
        if focus.context and self._leans_on_an_everyday_story(asked, focus.context, lang):
            # "Puhelin ei enää lataa. Mikä avuks?": the question is the story's, and the story is not the goals'.
            return self.fallback(lang, score=matches[0].score if matches else 0.0)
        if not focus.context and points_into(asked) and self._too_thin_alone(asked, lang):
            # "Mitä siellä oikein sanotaan?" with nothing before it: what it points at was never said.
            return self.fallback(lang, score=matches[0].score if matches else 0.0)
        if self.reader.asks_an_everyday_thing(asked) or self.reader.follows_up_on_a_place_only(asked, lang):
            return self.fallback(lang, score=matches[0].score if matches else 0.0)
        decided = self._decide(asked, matches, lang, areas)
        themed = self._goal_named_by_theme_with_a_place(asked, matches, decided)
        if themed is not None:
            # a reference to a part, like "tavoite 2, toinen kohta", when the decision itself had found none likely
            score = decided.score if decided.kind == "answer" else 1.0
            return self.entry_reply(themed, lang, score=score, areas=areas)
        if decided.kind == "answer" and decided.goal is not None and mentions_a_goal(asked):
            # "Avoimen hallinnon tavoitteen toinen kohta?": the goal found by its words, the action by its place
            whole = decided.entry == self.knowledge.goal(decided.goal).id
            part = self._action_asked(asked, decided.goal) if whole else None
            if part is not None:
                return self.entry_reply(part, lang, score=decided.score, areas=areas)
        # what the question alone answers stands ("… eivät puhu keskenään. Mistä saan tietoa avustuksista?")
        levels = None if decided.kind == "answer" else self._levels_told_before(focus, lang, areas)
        if levels is not None:
            return levels
        told = self._goal_told_before(asked, focus.context, decided, lang)
        if told is not None:
            # "Mål nummer fyra, första åtgärden. Vad betyder den?": the action told with the goal, in a sentence of
            # its own ("Första punkten på vårt möte var mål 4." is the meeting's)
            told_alone = len(words(focus.context)) <= ACTION_TOLD_WORDS
            part = self._action_asked(focus.context, told) if told_alone else None
            return self.entry_reply(part or self.knowledge.goal(told), lang, score=1.0, areas=areas)
        if decided.kind == "fallback" and focus.context:
            # "Sain koodin ylläpitäjältä. Mihin se pitää kirjottaa?": when the question alone finds nothing, the story
            # around it may say that it is about using the bot; "… har aldrig använt den här boten. Vad säger målen
            # om …?" still asks about the goals, named in the question itself.
            goals_named = names_the_goals(asked) or self.intents.any_of(asked, "kane")
            helped = None if goals_named else self._help_with_story(focus, lang, matches)
            if helped is not None:
                return helped
            # "Nuoret on valittu omaan neuvostoonsa, mutta kukaan ei kuuntele. Pitäisikö niiden sanalla olla painoa?":
            # a question that leans on its story is read with it, if that reading is likely right and the question
            # points back or alone already leans the same way ("Hur mår du idag?" after a story is small talk).
            story = f"{focus.context} {asked}"
            retried = self._decide(story, self.reader.search(story), lang, areas)
            # "Kuulin, että KANE haluaa … Onko totta?": whether what was heard of KANE or its goals is true leans on
            # it; what was heard of anyone else ("Naapuri sanoi, että voi äänestää netissä. Pitääkö paikkansa?") is
            # not the goals' to confirm.
            heard_of_the_goals = checks_what_was_told(asked) and (
                names_the_goals(focus.context) or self.intents.any_of(focus.context, "kane")
            )
            leaning = (
                points_back(asked)
                or heard_of_the_goals
                or retried.entry in {match.entry.id for match in matches[:STORY_CANDIDATES] if match.coverage > 0}
            )
            if retried.kind == "answer" and leaning:
                return retried
        return decided

    def _decide(self, asked: str, matches: list[Match], lang: Lang, areas: tuple[str, ...]) -> Reply:
        """The last step: answer with the best match if it is likely right, else say so honestly."""
        chance = self.reader.chance(self.reader.evidence(asked, matches))
        if matches and chance >= self.calibration.threshold:
            best = matches[0]
            if mentions_a_goal(asked) and best.entry.goal is not None:
                # "the goal about open administration": the goal itself, named by its theme.
                return self.entry_reply(self.knowledge.goal(best.entry.goal), lang, score=chance, areas=areas)
            runner_ups = [match.entry.id for match in matches[1:] if self.reader.related(match)]
            return self.entry_reply(best.entry, lang, score=chance, also=runner_ups, areas=areas)
        return self.fallback(lang, score=chance, suggest=self.reader.suggestion(matches))

    def _unless_a_person_is_missing(self, routed: Reply, matches: list[Match]) -> Reply:
        """ "Kuka Kajaanissa vastaa järjestöyhteistyöstä?": a person the goals never name; one an official recorded for
        that place and matter is the answer (the route). Where none is recorded, the route is no answer to who: say
        plainly that no one is named, with the organisation that handles it there, its general contact and the
        hand-over, and the closest part of the goals as a button (kind "fallback", the route kept in ``route``). A
        question back (which municipality, what about) stays one."""
        if routed.kind != "route" or (routed.route or {}).get("contacts"):
            return routed
        lang = routed.lang
        suggest = self.reader.suggestion(matches)
        blocks = [Block("text", self.message("honest_person", lang))]
        followups = list(routed.followups)
        if suggest is not None:
            blocks.append(Block("text", self.message("honest_closest", lang)))
            followups.insert(1, FollowUp(suggest, self.label(self.knowledge.entry(suggest), lang)))
        blocks += routed.blocks
        return replace(
            routed,
            kind="fallback",
            blocks=tuple(blocks),
            followups=tuple(followups),
            score=matches[0].score if matches else 0.0,
            suggest=suggest,
        )

    def _stands_alone(self, asked: str) -> bool:
        """ "Kumpi toimii paremmin, asukasraati vai nettikysely?", "Kunnan yhteyshenkilö vaihtui, miten korjaan
        sähköpostin?" after the bot asked which municipality or what about: a question of its own, a fact the goals
        never give or a task of the bot's, not the answer to that (only asked while the bot waits for one)."""
        if len(words(asked)) <= SHORT_ANSWER_WORDS:
            return False
        return (
            self.intents.asked_fact(asked, sentence_starts(asked)) in EARLY_FACTS
            or self.bot_questions.bot_task(asked) is not None
        )

    def _about_the_story(self, focus: Focus, lang: Lang, conversation: Conversation) -> Reply | None:
        """ "Haemme joka vuosi avustusta … Onko KANE ottanut tähän kantaa?": a question that points back and names only
        KANE or the goals is about what the sentences before it told; alone it would be KANE's own entry or the goals
        as a whole ("Mikä tämä KANE on?" is KANE's). The answer, if reading it with them finds one likely right."""
        last = sentences(focus.question)[-1] if focus.question else ""
        if not (focus.context or last != focus.question) or not points_back(last):
            return None
        if not (self.reader.names_only_kane_or_the_goals(last, lang) and self.reader.points_back_past_kane(last)):
            return None
        if self.bot_questions.bot_task(focus.question) is not None:
            return None  # "Svaret om bidrag är missvisande. Hur föreslår jag en ändring av det?" is the bot's task
        story = f"{focus.context} {focus.question}".strip()
        retold = self._decide(story, self.reader.search(story), lang, self.local_areas(conversation))
        return retold if retold.kind == "answer" else None

    def _goal_told_before(self, asked: str, context: str, decided: Reply, lang: Lang) -> int | None:
        """ "Mål två tar upp ungdomsfullmäktige. Vad står det där?", "Tavoite 1. Mitä siellä sanotaan?": the goal named
        in the sentences before a question pointing back, when the question alone finds nothing or another goal."""
        told = goal_reference(context) if context and points_back(asked) else None
        if told is None or decided.goal == told:
            return None
        if decided.kind == "fallback" and self._too_thin_alone(asked, lang):
            return told
        return told if decided.kind == "answer" and points_into(asked) else None

    def _goal_named_by_theme_with_a_place(self, asked: str, matches: list[Match], decided: Reply) -> Entry | None:
        """ "Målet om samarbete med organisationer, andra punkten?": one goal named by its words and an action by its
        place, where the introduction came first; the action of the goal whose part follows it closely, if any. Where
        no part was likely enough to answer ("Mitä demokratiakasvatusta koskevan tavoitteen toinen toimenpide
        sisältää?"), the goal the question's matter names."""
        if not (mentions_a_goal(asked) or goal_themes(asked)):  # "målet om …", "yhteistyötavoitteen …"
            return None
        if action_reference(asked) is None:
            return None
        introduction = decided.kind == "answer" and decided.entry == INTRO_ENTRY
        if (decided.kind == "fallback" or introduction) and goal_reference(asked) is None:
            named = self.reader.goal_named_by_its_matter(asked, matches)
            if named is not None:
                return self._action_asked(asked, named)
        if not introduction:
            return None
        close = THEMED_GOAL_SHARE * matches[0].score
        themed = next((match for match in matches[1:] if match.entry.goal is not None and match.score >= close), None)
        return self._action_asked(asked, themed.entry.goal) if themed is not None and themed.entry.goal else None

    def _numbers_an_everyday_thing(self, asked: str) -> bool:
        """ "Vilken buss går …, är det trean?", "Meneekö ykkönen torille bussilla?": an everyday question, or a bus,
        a tram, a train or the metro named, and neither the goals nor KANE."""
        if self.reader.asks_an_everyday_thing(asked):
            return True
        numbered = self.intents.patterns["numbered_things"].found_in(folded_words(asked), frozenset(), words(asked))
        return numbered and not self.reader.about_the_goals(asked)

    def _action_asked(self, asked: str, number: int) -> Entry | None:
        """ "Kolmosen toinen kohta?", "Första åtgärden i trean": the action of the goal named by its place, if any."""
        place = action_reference(asked)
        actions = self.knowledge.actions(number)
        if place is None or not actions:
            return None
        if place == LAST_ACTION:
            return actions[-1]
        if place == MIDDLE_ACTION:
            return actions[len(actions) // 2] if len(actions) % 2 else None
        return actions[place - 1] if place <= len(actions) else None

    def _part_of_the_goal_asked(self, asked: str, number: int, matches: list[Match]) -> Entry | None:
        """ "Mitä tavoite 1 sanoo tilojen hinnoista?", "Mål 3: vad sägs om informationsflödet?": one part of the goal
        named, when the question's own matter finds it first and surely; else None, and the goal is answered whole."""
        if not matches or matches[0].entry.goal != number or matches[0].entry.id == self.knowledge.goal(number).id:
            return None
        return matches[0].entry if self.reader.chance(self.reader.evidence(asked, matches)) >= PART_CHANCE else None

    def _only_calls_for_help(self, asked: str, context: str, lang: Lang) -> bool:
        """ "apua", "Hei, tarvitsisin vähän apua": a call for help, with nothing before it but courtesy; after a story
        ("Vår förening behöver hjälp med bidrag. Kan du hjälpa?") the story says what help is wanted."""
        calls = self.bot_questions.only_calls_for_help
        if not calls(asked, lang):
            return False
        return not context or calls(context, lang) or self.intents.only(context, "greeting", "thanks")

    def _names_a_routed_matter(self, asked: str) -> bool:
        """ "avustushaku takaraja Seinäjoki": a matter routing knows (grants), however few words the goals share with
        it, and nothing of everyday life outside them; a date or sum of it is a fact the goals never give."""
        return not self.reader.everyday(asked) and self.router.topic_finder.find(asked) is not None

    def _too_thin_alone(self, asked: str, lang: Lang) -> bool:
        """At most SHORT_ON_ITS_OWN words of its own and none of the goals' world: "Hur går jag till väga?"."""
        thin = len(self.retriever.query_terms(asked, lang)) <= SHORT_ON_ITS_OWN
        return thin and not self.question_words.speaks_of_the_goals_world(asked)

    def _leans_on_the_story(self, asked: str, story: str) -> bool:
        """Does a question lean on the story before it: pointing back at it without naming KANE or the goals ("Fick en
        kod. Var skriver jag in den för att …?"; "Tukevatko KANEn tavoitteet sitä, …?" asks the goals), or naming
        nothing of the goals ("… näen vain osan kerrallaan. Miten pääsen selaamaan seuraavia?")? Only after a story
        that says nothing of the goals' world: "Mä laitoin kunnan avustushakemukseen väärän koodin … Voisiko kunta
        keventää sitä byrokratiaa?" asks the goals."""
        if self.question_words.speaks_of_the_goals_world(story):
            return False
        points_at_it = points_back(asked) and not (
            self.question_words.names_the_goals_or_their_names(asked) or self.intents.any_of(asked, "kane")
        )
        return points_at_it or self._names_nothing_of_the_goals(asked)

    def _names_nothing_of_the_goals(self, asked: str) -> bool:
        """No word of the goals' world and no concept of theirs: "Miten pääsen selaamaan seuraavia?"."""
        return not self.question_words.speaks_of_the_goals_world(asked) and not any(
            self.question_words.concepts_as_read(asked)
        )

    def _leans_on_an_everyday_story(self, asked: str, story: str, lang: Lang) -> bool:
        """Is the question too thin to stand alone (at most SHORT_ON_ITS_OWN words of its own, none of the goals'
        world), and its story about everyday matters and nothing of the goals' world (an association's story often
        names a bus or a football team)?"""
        reader = self.reader
        if reader.everyday(asked) or not reader.everyday(story) or self.question_words.speaks_of_the_goals_world(story):
            return False
        return self._too_thin_alone(asked, lang)

    def _help_with_story(self, focus: Focus, lang: Lang, goals: list[Match]) -> Reply | None:
        """The help a question wants when read with the sentences before it, if it has any."""
        return self._help(f"{focus.context} {focus.question}", lang, goals) if focus.context else None

    def _help(self, asked: str, lang: Lang, goals: list[Match], role: HelpRole = "association") -> Reply | None:
        """A question about using the bot ("how do I update our contacts?"), answered from knowledge/help.yaml."""
        if (
            self.bot_questions.only_about_the_bot(asked, lang) or self.bot_questions.asks_what_the_bot_knows(asked)
        ) and GENERAL_HELP in self.help_entries:
            return self.help_reply(GENERAL_HELP, lang, role)
        best = self.bot_questions.help_for(asked, lang, goals)
        if best is not None and self._help_only_looks_alike(best, asked):
            return None
        if (
            best is not None
            and best.score < TASK_SCORE
            and best.entry.id != LANGUAGE_HELP
            and self.reader.asks_for_an_overview(asked)
        ):
            # "Kan du sammanfatta alla målen på några rader?": the goals in brief, spoken to the bot
            return self.entry_reply(self.knowledge.entry("intro"), lang, score=1.0)
        if best is not None:
            return self.help_reply(best.entry.id, lang, role, score=best.score)
        # "Hur funkar det här?" names no one thing to help with: the general help, after every specific entry
        # had its chance ("Kan ni glömma mig?" is the entry about forgetting).
        if self.bot_questions.only_about_using_the_bot(asked, lang) and GENERAL_HELP in self.help_entries:
            return self.help_reply(GENERAL_HELP, lang, role)
        return None

    def _help_only_looks_alike(self, best: Match, asked: str) -> bool:
        """ "Kan du hjälpa mig med matteläxan?", "Voitko auttaa mun ruotsin kotitehtävissä?" ask help with homework,
        "Onko teillä hyvää ohjetta piirakkaan?", "Kan du hjälpa mig med skattedeklarationen?" with an everyday thing:
        not what the bot can do, nor a task of its that one of their words only touches. A task of the bot's named is
        found whole (score 1.0)."""
        # an everyday thing asked of the bot; not the phone the bot is used on ("Var hittar jag kommandona i
        # mobilen?"), nor with the bot named ("Mistä näen botin komennot …?")
        unsaid = self.intents.without(asked, "bot_medium")
        # a recipe asked of the bot ("Onko teillä ohjetta karjalanpiirakoihin?"): an everyday thing in a compound
        everyday = (
            self.reader.everyday(unsaid) or self.reader.names_an_everyday_compound(unsaid)
        ) and not self.intents.any_of(asked, "bot_names")
        if best.score >= 1.0 or not (self.intents.any_of(asked, "homework") or everyday):
            return False
        return best.entry.id == GENERAL_HELP or best.coverage < HOMEWORK_HELP_COVERAGE

    def help_reply(
        self, help_id: str, lang: Lang, role: HelpRole = "association", score: float = 1.0, bot: str | None = None
    ) -> Reply:
        """A help entry's text for ``role`` (an official reads the officials' commands); ``bot`` is the bot's @name."""
        item = self.help_entries[help_id]
        text = item.text(role, lang).replace("{bot}", bot or self.message("bot_name", lang))
        reviewed = item.entry.last_reviewed
        blocks = (
            Block("title", item.entry.title(lang)),
            Block("text", text),
            Block("note", self.message("help_source", lang, reviewed=self.day(reviewed, lang))),
        )
        return Reply(
            "answer",
            lang,
            blocks,
            entry=help_id,
            score=score,
            followups=self._menu(lang),
            reviewed=reviewed.isoformat(),
        )

    def source_line(self, lang: Lang) -> str:
        """The source of the whole text, with the day its least recently checked part was checked (/about)."""
        oldest = min(entry.last_reviewed for entry in self.knowledge.entries)
        return self.message("source", lang, reviewed=self.day(oldest, lang))

    @staticmethod
    def day(date: dt.date, lang: Lang) -> str:
        """A date as people in Finland write it, in both languages: 22.11.2026."""
        return f"{date.day}.{date.month}.{date.year}"

    def _route(self, question: str, focus: Focus, lang: Lang, conversation: Conversation) -> Reply | None:
        """A routing reply if the message names a place or asks whom to contact, or completes a pending one.
        Whom it asks and about what is read from the question itself; the place may be in the asker's story."""
        router = self.router
        asked = focus.question
        pending = conversation.pending
        awaiting = _awaiting(pending)
        asks_whom = self.intents.asks_whom(asked)
        # Where a place is expected (a "whom" question, an answer to "which municipality?") a typo is forgiven, and
        # an answer that is only a name is that place even where the name is also a word ("salo").
        expected = awaiting == "municipality"
        place = router.place_in(asked, expected=expected)
        place_in_question = place is not None
        if place is None:
            place = router.place_in(question, expected=expected)
        # "Kenelle tavoitteet on suunnattu?" asks about the goals, not whom an association should contact; a
        # sentence asking whom of the asker's own case still does ("Mitä se tarkottaa, et meidän tilavaraus
        # hylättiin? Kuka siit vastaa meidän kunnas?").
        asks_whom = asks_whom and not (
            place is None and self.reader.about_the_goals(asked) and not self._asks_whom_of_own_case(asked)
        )
        if place is None and (asks_whom or awaiting is not None):
            place = router.place_in(question, fuzzy=True, expected=expected)
        topic = router.topic_finder.find(asked) or (router.topic_finder.find(question) if asks_whom else None)
        if topic is None and place is None and awaiting == "topic":
            topic = router.topic_finder.guess(question)  # an answer to "what is it about?" with a typo
        answers = place is not None or topic is not None
        # The answer completes the question asked before, unless it is a whole new question of its own: one with a
        # place and a matter of its own, or one about the goals where a municipality was asked for ("Mitä KANE sanoo
        # avustuksista?" names a matter, grants, but no place: it asks what the goals say).
        if awaiting is not None and place is None and self._stands_alone(asked):
            return None  # answered as asked alone, by what follows routing in `_answer`
        new_question = (asks_whom and place_in_question and topic is not None) or (
            awaiting == "municipality" and place is None and self.reader.about_the_goals(asked)
        )
        if pending is not None and awaiting is not None and answers and not new_question:
            place = place or router.place(pending.municipality or "")
            topic = topic or router.topics.get(pending.topic or "")
            # After /contact nothing was asked yet: this message is the question to hand over.
            return router.route(pending.question or question, lang, place, topic)
        finding_asked = self.intents.asks_how_to_find_a_contact(asked)  # "hur får ja tag i nån på kommunen?"
        if not asks_whom and not finding_asked:
            # A place alone is not a routing question ("Mikä on huomisen sää Oulussa?"): it needs a topic or a
            # "whom", in the question itself; and "what do the goals say about …" asks about the goals.
            if not place_in_question or topic is None or self.reader.about_the_goals(asked):
                return None
            if self.reader.everyday(asked):
                return None  # "Ger Kyrkslätt bidrag för solpaneler på sommarstugan?" is no association's matter
            if focus.asks and not self.intents.any_of(asked, "routing_who"):
                return None  # "Onko Oulussa nuorisovaltuusto?" asks a fact about the place, not whom to contact
        remembered = place is None and conversation.municipality is not None
        finding = place is None and not remembered and awaiting is None and finding_asked
        if finding and HANDOVER_HELP in self.help_entries:
            # "Mistä löydän tämän kautta kunnan yhteyshenkilön?" asks how the bot finds contacts: the help says how
            # (/contact). It waits for nothing: a next question about the goals must not be taken for a place.
            return self.help_reply(HANDOVER_HELP, lang)
        if remembered:
            place = router.place(conversation.municipality or "")
        return router.route(question, lang, place, topic, remembered=remembered and place is not None)

    def _levels_told_before(self, focus: Focus, lang: Lang, areas: tuple[str, ...]) -> Reply | None:
        """ "Staten, regionen och staden pratar aldrig med varandra. Står det nåt om att uppgifter ska flyta smidigare
        dem emellan?": the levels of administration told before a question of something passing between them are
        goal 3.3's, read together, when neither alone is."""
        passing = self.intents.patterns["passing"]
        if not focus.context or not passing.found_in(folded_words(focus.question), frozenset(), words(focus.question)):
            return None
        if not (self.intents.any_of(focus.question, "between") or points_back(focus.question)):
            return None  # "… eivät kerro toisilleen mitään. Kuka meille kertoo vaalipäivästä?" asks of its own
        story = f"{focus.context} {focus.question}"
        if self.reader.asks_between_levels(focus.question) or not self.reader.asks_between_levels(story):
            return None
        retried = self._decide(story, self.reader.search(story), lang, areas)
        return retried if retried.kind == "answer" else None

    def _asks_whom_of_own_case(self, asked: str) -> bool:
        """Does a sentence ask whom to contact about the asker's own case ("Kuka siit vastaa meidän kunnas?")?"""
        return any(
            self.intents.asks_whom(sentence) and self.intents.any_of(sentence, "own_case")
            for sentence in sentences(asked)
        )

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
        return self.router.route(pending.question, lang, self.router.place(pending.municipality or ""), topic)

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
            entries = [self._action_asked(question, number) or self.knowledge.goal(number)]
        else:
            entries = [match.entry for match in self.retriever.search(question, limit) if self.reader.related(match)]
        return [self.entry_reply(entry, lang, score=1.0) for entry in entries]

    def greeting(self, lang: Lang) -> Reply:
        blocks = (Block("text", self.message("greeting", lang)), Block("text", self.message("greeting_hint", lang)))
        return Reply("greeting", lang, blocks, followups=self._menu(lang))

    def fallback(self, lang: Lang, score: float = 0.0, suggest: str | None = None) -> Reply:
        blocks = [
            Block("text", self.message("fallback", lang)),
            Block("text", self.message("fallback_options", lang)),
            Block("title", self.message("the_four_goals", lang)),
        ]
        blocks += [Block("item", self.message(f"goal_button_{number}", lang)) for number in range(1, 5)]
        followups = tuple(FollowUp(f"goal-{n}", self.message(f"goal_button_{n}", lang)) for n in range(1, 5))
        contact = FollowUp("contact", self.message("action_contact", lang))
        return Reply("fallback", lang, tuple(blocks), score=score, followups=(*followups, contact), suggest=suggest)

    def honest(self, lang: Lang, fact: str, matches: list[Match], question: str = "") -> Reply:
        """The goals hold no such fact (a date, an amount, a name …): say so plainly, offer the closest part of the
        goals as a button, never as the answer, and offer to pass the question on; where the question names a place
        and a matter, say which organisation handles it there, ready to hand over."""
        # Whether the goals apply on Åland: the closest part is what the goals are, not one that shares a trigram
        # with the name.
        suggest = "intro" if fact == "aland" else self.reader.suggestion(matches)
        place = self.router.municipality_in(question) if question else None
        topic = self.router.topic_finder.find(question) if place is not None else None
        if fact == "place":
            county = self.router.county_in(question) if place is None else None
            name = place.name_fi if place is not None and lang == "fi" else place.name_sv if place is not None else None
            name = name or (county.name(lang) if county is not None else "–")
            text = self.message("honest_place", lang, place=name)
        else:
            text = self.message(f"honest_{fact}", lang)
        blocks = [Block("text", text)]
        followups: list[FollowUp] = []
        if suggest is not None:
            blocks.append(Block("text", self.message("honest_closest", lang)))
            followups.append(FollowUp(suggest, self.label(self.knowledge.entry(suggest), lang)))
        pending: PendingRoute | None = None
        if place is not None and topic is not None:
            blocks.append(Block("text", self.router.who_handles(place, topic, lang, question)))
            followups.append(FollowUp("handoff", self.message("action_handoff", lang)))
            pending = PendingRoute(question, topic.id, place.code)
        else:
            blocks.append(Block("text", self.message("honest_pass_on", lang)))
            followups.append(FollowUp("contact", self.message("action_contact", lang)))
        followups.append(FollowUp("goals", self.message("action_goals", lang)))
        score = matches[0].score if matches else 0.0
        return Reply(
            "fallback", lang, tuple(blocks), score=score, followups=tuple(followups), suggest=suggest, pending=pending
        )

    def other_language(self, lang: Lang) -> Reply:
        """A message in neither Finnish nor Swedish: say which languages the bot speaks, in both and in English."""
        blocks = (Block("text", self.message("other_language", lang)),)
        return Reply("fallback", lang, blocks, followups=self._menu(lang), other_language=True)

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
        blocks.append(Block("note", self.message("source", lang, reviewed=self.day(entry.last_reviewed, lang))))
        targets = [*(also or []), *entry.related]
        if entry.goal is not None and entry.kind != "goal":
            targets.insert(0, f"goal-{entry.goal}")
        followups = self._followups(targets, exclude=entry.id, lang=lang)
        return Reply(
            "answer",
            lang,
            tuple(blocks),
            goal=entry.goal,
            entry=entry.id,
            score=score,
            followups=followups,
            reviewed=entry.last_reviewed.isoformat(),
        )

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


def _awaiting(pending: PendingRoute | None) -> str | None:
    """What the bot asked for last: the municipality, the topic, or nothing (no question pending, or a route shown)."""
    if pending is None:
        return None
    if pending.municipality is None:
        return "municipality"
    return "topic" if pending.topic is None else None
