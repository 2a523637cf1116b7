"""Reading a question about the bot itself: which help entry it wants ("how do I update our contacts?", "where do I
see the questions sent to us?"), whether it names the bot, a command or a task of the help, or only calls for help.
Such a question is never routed to an organisation nor answered from the goals; the goals' reader (`reading`) asks
this one whether a question is about the bot before it reads it as one about the goals."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from bot.answering.asked_words import GOALS_CONCEPT, KANE_CONCEPT, READ_CACHE_SIZE, QuestionWords, names_the_goals
from bot.answering.confidence import STRONG_THRESHOLD
from bot.answering.focus import names_goals, points_back
from bot.answering.references import goal_reference
from bot.answering.retrieval import Match, Retriever
from bot.content.help import (
    CHATTING_HELP,
    EDITING_HELP,
    FORGET_HELP,
    HANDOVER_HELP,
    LANGUAGE_HELP,
    QUEUE_HELP,
    SHARE_HELP,
    STATS_HELP,
    HelpTask,
)
from bot.core.lang import LANGS, Lang
from bot.core.text import folded_words, sentences, words

# A help entry answers a question about the bot when it matches this well; without a word about the bot itself
# ("botti", "du") it must match HELP_STRONG and better than any entry of the goals.
HELP_THRESHOLD = 0.12
HELP_STRONG = 0.3
HELP_MARGIN = 1.5
# How many of the closest help entries are weighed by how much of the question each covers.
HELP_CANDIDATES = 3
TASK_SCORE = 1.0  # a help entry whose task the question names, rather than one its words are near
# A help task's thing and action must be named in one sentence, within this many words of each other: a request
# rarely puts more between them ("Voiko sitä tekstiä, joka näkyy näytöllä kun luen, jotenkin suurentaa?"), while
# two clauses that happen to hold the words ("… yhteen viestiin ne isot linjat, joihin kuntien pitäisi sitoutua, kun
# uurnat on tyhjennetty") put more.
TASK_WINDOW = 10
# Keeping what one writes (folded lemmas): whether it is kept is the data help's only for the asker's own questions.
KEEPING_LEMMAS: Mapping[Lang, frozenset[str]] = {
    "fi": frozenset({"tallentaa", "tallentua", "sailyttaa", "sailya", "sailoa"}),
    "sv": frozenset({"spara", "lagra"}),
}
# Statistics are a word of goal 3.3's knowledge-based services: a question about the bot's statistics names no other
# concept ("Mistä löydän tilastot äänestysaktiivisuudesta?" names voter turnout).
_STATISTICS_CONCEPTS = frozenset({"knowledge-based-services"})
# A count of questions may name the goal they were about ("Kuinka moni on kysynyt tavoitteesta 2?"): the goals are
# the topic of the questions counted, not the statistics asked for.
_COUNTED_TOPIC_CONCEPTS = _STATISTICS_CONCEPTS | {GOALS_CONCEPT}
QUESTION_LEMMAS = frozenset({"kysymys", "fraga"})  # "kysymykset", "frågorna": what an official's queue holds


_DEMONSTRATIVE_HERE = re.compile(r"\b(?:det|den|de|dom|he|detta|denna|dessa)\s+här\b", re.IGNORECASE)
# "Here" said of a place, not of the bot: before a place's name ("täällä Etelä-Pohjanmaalla", "här i Finland", "hit
# till Sottunga") or a word for where one lives ("täällä kylillä", "här ute i skärgården", "här i byn"); not "täällä
# ryhmässä", "här i stället", "här på svenska".
# An app or a channel is where the bot is, no place ("täällä WhatsAppissa", "här i Telegram-gruppen").
_NO_APP = r"(?!(?i:whatsapp|teams|telegram|signal|facebook|messenger|discord|slack|instagram))"
_HERE_OF_A_PLACE = re.compile(
    r"\b(?i:täällä|tänne|täältä|taalla|tanne|taalta)\s+(?=(?:(?:meillä|meidän|meiän|meijän)\s+)?(?:"
    + _NO_APP
    + r"[A-ZÅÄÖ]\w*"
    r"|(?i:päin|kylillä|kylällä|kylässä|maalla|maaseudulla|saaristossa|pohjoisessa|pohjosessa|etelässä|idässä"
    r"|lännessä|seudulla|seuduilla|perukoilla|syrjäkylillä|kirkonkylällä|rannikolla|saarella|saarilla|lapissa"
    r"|kaupungissa|kunnassa|maakunnassa|korvessa|metsissä))\b)"
    r"|\b(?i:här|hit)\s+(?=(?:(?i:ute|uppe|borta|omkring)\b|(?i:i|på|till|ut\s+till)\s+(?:" + _NO_APP + r"[A-ZÅÄÖ]\w*"
    r"|(?i:byn|stan|staden|kommunen|skärgården|skärgårn|landet|trakten|orten|bygden|holmarna|ön|öarna|regionen"
    r"|kusten|glesbygden|norr|söder|landsbygden|nejden|området)\b)))",
)
# "tätä", "tää", "tämän": this service, when nothing else is named ("Miten tätä pitäisi käyttää?").
# A question or a message written to the bot: data in it is the bot's to keep or erase.
_WRITTEN_HERE: Mapping[Lang, frozenset[str]] = {
    "fi": frozenset({"kysymys", "viesti"}),
    "sv": frozenset({"fraga", "meddelande"}),
}
_THIS_HERE = re.compile(r"\b(?:tätä|tää|tämän)\b", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w.])@\w")  # "@botin nimi", "@kanebot tavoite 2", not "nimi@kunta.fi"
# The bot's own mention written out ("@botin nimi", "@kanebot", "@boten"), not another person's ("@Matti kysyi …"):
# in a group the chat layer removes the bot's real mention, so what is left describes how sharing works.
_BOT_MENTION = re.compile(r"(?<![\w.])@(?:bot\w*|kanebot\w*|\w+\s+(?:nimi|namn))\b", re.IGNORECASE)


_COMMAND = re.compile(r"(?<![\w/])/([a-z]+)")


def commands_in(text: str) -> set[str]:
    """The bot's commands a text names ("/history", "/join"): the help's texts name every one of them."""
    return set(_COMMAND.findall(text))


def _placed_words(asked: str) -> list[tuple[int, int, str]]:
    """The question's words with their sentence's number and their place in it (sentence, place, word); a sentence
    that points back ("Miten sen saa korjattua?") continues the one before it, its words counted on from there."""
    placed: list[tuple[int, int, str]] = []
    sentence, offset = -1, 0
    for part in sentences(asked):
        if placed and points_back(part):
            offset = placed[-1][1] + 1
        else:
            sentence, offset = sentence + 1, 0
        placed += [(sentence, offset + at, word) for at, word in enumerate(words(part))]
    return placed


def _near(said: Mapping[str, list[tuple[int, int]]], things: frozenset[str], actions: frozenset[str]) -> bool:
    """Are a thing and an action of one task named close together, in one sentence ("Kan man förstora texten?"),
    not in two that happen to hold the words ("orkar inte läsa långa texter. Vad önskar man sig i stort …")?"""
    where_things = [at for lemma in things & said.keys() for at in said[lemma]]
    where_actions = [at for lemma in actions & said.keys() for at in said[lemma]]
    return any(
        thing[0] == action[0] and abs(thing[1] - action[1]) <= TASK_WINDOW
        for thing in where_things
        for action in where_actions
    )


# What a question of how to have the goals shown may read besides: the goals and KANE themselves.
_SHOWN_CONCEPTS = frozenset({"goals", "kane"})


class BotQuestions:
    """Reads what a question asks of the bot, against the help entries and their tasks (knowledge/help.yaml)."""

    def __init__(
        self,
        question_words: QuestionWords,
        help_retriever: Retriever | None = None,
        commands: Iterable[str] = (),
        help_tasks: Mapping[str, Mapping[Lang, tuple[HelpTask, ...]]] | None = None,
    ) -> None:
        self.question_words = question_words
        self.intents = question_words.intents
        self.retriever = retriever = question_words.retriever
        self.help_retriever = help_retriever
        # Words only the help uses ("yhteystiedot", "kieli", "jakaa"): a question with none of them and no word about
        # the bot is not searched in the help at all.
        self._help_words: dict[Lang, frozenset[str]] = (
            {lang: help_retriever.lemmas(lang) - retriever.lemmas(lang) for lang in LANGS} if help_retriever else {}
        )
        self._commands: frozenset[str] = frozenset(commands)
        # Asked several times of one message (the early checks, the help, the decision).
        self._help_task = lru_cache(maxsize=READ_CACHE_SIZE)(self._find_help_task)
        # Each help entry's tasks as the lemmas a question would show: (help id, things, actions) per language.
        self._tasks: dict[Lang, list[tuple[str, frozenset[str], frozenset[str], frozenset[str]]]] = {
            lang: [] for lang in LANGS
        }
        for help_id, by_lang in (help_tasks or {}).items():
            for lang, tasks in by_lang.items():
                for task in tasks:
                    things, actions, beside = (
                        frozenset(term for word in group for term in retriever.word_terms(word, lang, corrected=False))
                        for group in (task.things, task.actions, task.beside)
                    )
                    self._tasks[lang].append((help_id, things, actions, beside))

    def forget(self) -> None:
        """Forget the messages read so far (to measure what a new question costs)."""
        self._help_task.cache_clear()

    def help_for(self, asked: str, lang: Lang, goals: list[Match]) -> Match | None:
        """The help entry a question about using the bot wants ("how do I update our contacts?"), if any. Without
        a word about the bot itself it must match a help entry clearly better than any part of the goals; a question
        with neither a word about the bot, nor a word only the help uses, nor one about using a chat service
        ("käytetään", "byta språk") is not searched in the help at all."""
        if self.help_retriever is None:
            return None
        mention = _MENTION.search(asked) is not None
        about_bot = self.names_the_bot(asked)
        task = self.bot_task(asked)
        # A goal named is what is asked about ("Mitä tavoite 2 sanoo tekstien muokkaamisesta?"), unless its answer
        # is what the asker would change ("Hur föreslår jag en ändring i svaret om mål 3?").
        changes_its_answer = task == EDITING_HELP and not self.intents.any_of(asked, "goal_says")
        # Nor when the goal is what the asker would pass on ("Miten saan jaettua kolmostavoitteen kortin ryhmään?");
        # "Miten tavoite 3 välittää tietoa?" asks what the goal says.
        passes_it_on = (
            task == SHARE_HELP
            and (self.intents.any_of(asked, "asker") or self.names_the_bot(asked))
            and not self.intents.any_of(asked, "goal_says")
        )
        changes_its_answer = changes_its_answer or passes_it_on
        # "Voiko tavoitteita selata yksi kerrallaan, tai hypätä suoraan nelosen kohdalle?": where to move to.
        # Nor where writing is to bring it up ("Vad ska man skriva så att boten visar mål tre?").
        moves_to_it = task == CHATTING_HELP and (self.intents.any_of(asked, "browsing") or self._writes_to_see(asked))
        # "Montako kysymystä tavoitteesta 3 on tullut botille?": the goal is what the questions were about.
        counted = task == STATS_HELP
        if (
            task is not None
            and not (changes_its_answer or moves_to_it or counted)
            and goal_reference(asked) is not None
        ):
            task = None
        entry = self.help_retriever.entry(task) if task is not None else None
        if entry is not None:
            return Match(entry, TASK_SCORE, lang)
        help_worded = any(self._help_words[code] & set(self.retriever.query_terms(asked, code)) for code in LANGS)
        sharing = self.intents.any_of(asked, "share")
        using = self.intents.any_of(asked, "bot_use") and not self._asks_what_to_do(asked)
        # "Miten meidän pitäisi toimia?" asks what someone should do, however its verb reads.
        bot_mention = _BOT_MENTION.search(asked) is not None
        if not (about_bot or bot_mention) and not (help_worded or sharing or using):
            return None
        text = self.intents.without(asked, "goals_frame") or asked
        chatting = self.help_retriever.entry(CHATTING_HELP)
        if (
            chatting is not None
            and (about_bot or self._only_the_asker_moves(asked))
            and self.intents.any_of(asked, "browsing")
            and goal_reference(asked)
            and not self.intents.any_of(asked, "goal_says")
        ):
            # "Ja hittar int mål tre, var ska ja trycka?", "Mikä komento näyttää tavoitteen 2?", "Hur öppnar jag direkt
            # mål två utan att behöva skriva en fråga?": where to move to
            return Match(chatting, TASK_SCORE, lang)
        if goal_reference(asked) is not None:
            # "tavoite 2", "Kan du sammanfatta 4:e målet?" ask for the goal; "linkki kolmoseen WhatsAppiin", "skicka
            # mål 3 vidare i Telegram" ask how to share it, never for other help.
            said = " ".join(word for word in words(asked) if not names_goals(word))
            # "@botin nimi ja tavoite 2" is how a goal is shared from another chat, however the question is framed
            # ("Mitä tarkoittaa, kun kirjoitetaan @botin nimi ja tavoite 2?").
            sharing = self.intents.any_of(asked, "share") or mention
            if not sharing or (not bot_mention and self.intents.any_of(said, "goals_frame")):
                return None  # "Vad säger mål 2 om att dela information?" asks what the goal says
            searched = asked if bot_mention else text  # the frame ("Mitä tarkoittaa …") is part of asking about "@"
            return next(
                (found for found in self.help_retriever.search(searched, limit=8) if found.entry.id == SHARE_HELP),
                None,
            )
        # The entry that answers most of the question: one rare word shared with another entry ("laittaa" in a
        # question about forwarding) may score as high but covers little of it.
        found = self.help_retriever.search(text, limit=HELP_CANDIDATES)
        if not found:
            return None
        best = max(found, key=lambda match: match.score * match.coverage)
        goals_world = best.entry.id == HANDOVER_HELP or self.question_words.speaks_of_the_goals_world(asked)
        if goals_world and not about_bot and self.intents.asks_for_a_contact(asked):
            # "Vår förening vill kontakta kommunen, vem skriver vi till?", "Kenelle ilmoitan yhdistyksen uudet
            # yhteystiedot kunnassa?": whom to contact in the goals' world is routed; "Kuka ylläpitää näitä
            # yhteystietoja?" is the bot's own.
            return None
        confidence = best.score * best.coverage
        if confidence < HELP_THRESHOLD:
            return None
        rival = HELP_MARGIN * goals[0].score * goals[0].coverage if goals else 0.0
        if not about_bot and (confidence < HELP_STRONG or rival >= confidence):
            return None
        # "Vad säger ni om äldrerådets roll?" speaks to the bot but asks what the goals say: a help entry that only
        # grazes it does not outweigh a part of the goals that answers it clearly.
        if about_bot and confidence < HELP_STRONG and goals and goals[0].score * goals[0].coverage >= STRONG_THRESHOLD:
            return None
        # "Voitko selittää sen tavoitteen, joka on avoin hallinto?" asks the bot for a goal it names: a help entry that
        # only grazes it ("avoin" of open questions) yields to the part of the goals that matches it better.
        if about_bot and confidence < HELP_STRONG and rival >= confidence and names_the_goals(asked):
            return None
        return best

    def _asks_what_to_do(self, asked: str) -> bool:
        """ "Miten meidän pitäisi toimia?": what someone should do; "Miten tätä pitäisi käyttää?", "Hur ska man
        använda det här?" speak of this service (or name the bot), which is how to use it."""
        if not self.intents.any_of(asked, "normative") or self.names_the_bot(asked):
            return False
        if not (_THIS_HERE.search(asked) or _DEMONSTRATIVE_HERE.search(asked)):
            return True
        # "Miten tätä tavoitetta pitäisi käyttää?" names what "this" is (read in the question's own language: a
        # Finnish question read as Swedish is all unknown words).
        rest = self.intents.without(self.intents.without(asked, "bot_use"), "normative")
        return any(self.retriever.query_terms(rest, lang) for lang in self.question_words.languages_of(asked))

    def names_the_bot(self, asked: str) -> bool:
        """ "botti", "du", "svaret", a command named ("/history") or a mention ("@botin nimi"): the question is about
        the bot itself. "Här" is the bot's place ("Vad kan man göra här?"), not in "det här samarbetet"."""
        return (
            self.intents.any_of(self._without_places_here(asked), "about_bot")
            or bool(self._commands & commands_in(asked))
            or _MENTION.search(asked) is not None
        )

    def _without_places_here(self, asked: str) -> str:
        """The question without "här" of "det här" and without a "here" said of a place, unless the place is the bot
        ("täällä botissa", "här i chatten")."""
        asked = _DEMONSTRATIVE_HERE.sub(" ", asked)
        kept: list[str] = []
        at = 0
        for found in _HERE_OF_A_PLACE.finditer(asked):
            following = " ".join(asked[found.end() :].split()[:3])
            if not self.intents.any_of(following, "about_bot"):
                kept.append(asked[at : found.start()])
                at = found.end()
        return " ".join([*kept, asked[at:]])

    def bot_task(self, asked: str) -> str | None:
        """The help task a question names, when it is about the bot: it says so ("botti", "svaret", "du"), the
        asker is the one who acts ("voinko", "jag"), or it speaks of none of the goals' matters. "Pitäisikö kunnan
        poistaa kaikki esteet?", "Kan kommunen ändra sina svar?" name a task's words, but what someone should do,
        or what a municipality or an association does, is the goals' matter."""
        task = self.help_task(asked)
        if task is None:
            return None
        if task == STATS_HELP:
            if self._counts_questions_here(asked):
                return task  # how many questions came in here is nobody's duty in the goals, whoever is named
            # "Mistä löydän tilastot äänestysaktiivisuudesta?", "… om hur målen förverkligas?": statistics of a matter
            # of the goals; "… mistä tavoitteista ihmiset kyselee?" counts what people asked, the goals its topic.
            asked_of_goals = self.intents.any_of(asked, "questions_arrived") and not any(
                concepts - _COUNTED_TOPIC_CONCEPTS for concepts in self.question_words.concepts_as_read(asked)
            )
            if self._names_a_matter_of_the_goals(asked) and not asked_of_goals:
                return None
        said_by_the_goals = self.intents.any_of(asked, "kane") or self.question_words.names_the_goals_or_their_names(
            asked
        )
        if said_by_the_goals and self.intents.any_of(asked, "goal_says"):
            return None  # "… vastausta ei ole lähetetty. Mitä KANE sanoo?": what KANE says, whoever acts
        if self.names_the_bot(asked):
            return task
        if (
            task == FORGET_HELP
            and self.intents.any_of(asked, "own_forgetting")
            and not self.intents.any_of(asked, "erasing")
        ):
            return None  # "Unohdin kirjoittaa nimeni adressiin", "Glöm inte att skriva under": no one asks the bot
        keeps = task == FORGET_HELP and self.question_words.lemmas_in(asked, KEEPING_LEMMAS)
        if keeps and not self.intents.any_of(asked, "asker"):
            return None  # "Sparas frågorna som invånarpanelen tar upp?": someone else's questions kept, not the asker's
        # "pitääkö hypätä suoraan johonkin numeroon?" asks how the bot is used: jumping among goals is nobody's duty.
        # Nor is reading the goals one at a time in the bot ("Pääsenkö selaamaan tavoitteita yksi kerrallaan, vai
        # pitääkö aina kirjoittaa kysymys?").
        jumping = task == CHATTING_HELP and (self.intents.any_of(asked, "browsing") or self.browses_the_goals(asked))
        if self.intents.any_of(asked, "normative") and not jumping:
            return None  # what someone should do
        if task in (FORGET_HELP, LANGUAGE_HELP) and self._of_the_goals_world(task, asked):
            # "Voimmeko me poistaa vanhoja tietoja yhdistyksen jäsenrekisteristä?", "Saako meidän kunnassa asioida
            # ruattiks?": data or a language of the goals' world, whoever acts
            return None
        if self.intents.any_of(asked, "asker"):
            return task  # what the asker does: "miten mä jaan tän tavotteen ryhmään"
        if self.intents.any_of(asked, "goal_says"):
            return None  # "Vad säger målen om att skicka vidare information?" asks what the goals say
        if task == LANGUAGE_HELP and self.intents.any_of(asked, "kane"):
            return None  # "Har Svenska folkpartiet svarat på KANE:s uppmaning?" is no question about the bot's Swedish
        return None if self.question_words.speaks_of_the_goals_world(asked) else task

    def _said(
        self, placed: list[tuple[int, int, str]], lang: Lang, commanded: frozenset[str]
    ) -> dict[str, list[tuple[int, int]]]:
        """Each lemma the question says, with where (sentence, word). Whole words only: "virastokielellä"
        (officialese) speaks of no language to switch to."""
        said: dict[str, list[tuple[int, int]]] = {}
        for sentence, position, word in placed:
            terms = self.retriever.word_terms(word, lang, corrected=False)
            if len(terms) == 1 and not self.retriever.known(word, lang) and self.help_retriever is not None:
                terms = self.help_retriever.word_terms(word, lang)  # a typo of a help word ("statstik")
            if len(terms) == 1:
                said.setdefault(terms[0], []).append((sentence, position))
            elif "-" in word and word.split("-", 1)[0] in commanded:
                # A command joined to a word ("/editcontact-jutun"): each part is a word of its own; not any
                # compound written with a hyphen ("sote-tiedon").
                for part in word.split("-"):
                    parts = self.retriever.word_terms(part, lang, corrected=False)
                    if len(parts) == 1:
                        said.setdefault(parts[0], []).append((sentence, position))
        return said

    def help_task(self, asked: str) -> str | None:
        """The help entry whose task the question names ("Miten ehdotan muutosta vastaukseen?", "Kan jag byta
        språk?"), if any; where it names tasks of several, the one it names most, then the one its words match best."""
        return self._help_task(asked)

    def _find_help_task(self, asked: str) -> str | None:
        hits: Counter[str] = Counter()
        placed = _placed_words(asked)
        commanded = self._commands & commands_in(asked)
        for lang in LANGS:
            said = self._said(placed, lang, commanded)
            said_before_purpose: dict[str, list[tuple[int, int]]] | None = None
            for help_id, things, actions, beside in self._tasks[lang]:
                # Most tasks name neither word: looked for where the words stand only when both are named.
                if things.isdisjoint(said) or actions.isdisjoint(said) or not _near(said, things, actions):
                    continue
                if not beside:
                    hits[help_id] += 1
                    continue
                # A task that needs a word beside its pair is read without clauses of purpose: "Mihin koodi
                # syötetään, jotta pääsen vastaamaan yhdistysten kysymyksiin?" asks where the code goes.
                if said_before_purpose is None:
                    main = ". ".join(self.intents.before_purpose(part) for part in sentences(asked))
                    said_before_purpose = self._said(_placed_words(main), lang, commanded)
                if _near(said_before_purpose, things, actions) and _near(said_before_purpose, things, beside):
                    hits[help_id] += 1
        if self._asks_about_sent_questions(placed):
            hits[QUEUE_HELP] += 1
        if self._counts_questions_here(asked):
            hits[STATS_HELP] += 1
        if self.browses_the_goals(asked):
            hits[CHATTING_HELP] += 1
        if not hits:
            return None
        most = max(hits.values())
        tied = sorted(help_id for help_id, count in hits.items() if count == most)
        if len(tied) > 1 and self.help_retriever is not None:
            ranked = [match.entry.id for match in self.help_retriever.search(asked, limit=HELP_CANDIDATES * 4)]
            tied.sort(key=lambda help_id: ranked.index(help_id) if help_id in ranked else len(ranked))
        return tied[0]

    def _only_the_asker_moves(self, asked: str) -> bool:
        """ "Hur öppnar jag direkt mål två utan att behöva skriva en fråga?": the asker moving among the goals, with
        nothing of the goals' world named ("Kan vi få bidrag enligt mål 1 utan att skriva en ansökan?" asks of
        grants)."""
        return self.intents.any_of(asked, "asker") and not self.question_words.speaks_of_the_goals_world(asked)

    def browses_the_goals(self, asked: str) -> bool:
        """ "Miten saan tavoitteet näkyviin yksi kerrallaan?", "Jag vill se alla fyra mål en och en": the goals named
        and read one at a time by the asker (or in the bot) is how the bot shows them; "Luettele tavoitteet
        yksitellen" asks for the goals themselves."""
        return (
            self.intents.any_of(asked, "one_by_one")
            and (self.intents.any_of(asked, "asker") or self.names_the_bot(asked))
            and self.question_words.names_the_goals_or_their_names(asked)
            # "Jag bläddrade igenom målen men hittade inget om idrottsföreningar" asks of sports clubs
            and not self.question_words.speaks_of_the_goals_world(asked)
        ) or (
            # "Finns det ett snabbt sätt att se ett visst mål utan att skriva en hel fråga?", "Mitä minä kirjoitan,
            # että näen kaikki tavoitteet?": how to get the goals shown, with nothing of their matters asked
            (self.intents.any_of(asked, "browsing") or self._writes_to_see(asked))
            and self.question_words.names_the_goals_or_their_names(asked)
            and not self.question_words.speaks_of_the_goals_world(asked)
        )

    def _writes_to_see(self, asked: str) -> bool:
        """What to write to have the goals shown ("Mitä kirjoitan, että näen kaikki tavoitteet?"), with nothing of
        their matters read: what to write into a strategy ("… kuntastrategiaan, että nuorten asiat tulee esiin") is
        the goals' matter."""
        return (
            self.intents.any_of(asked, "what_to_write")
            and self.intents.any_of(asked, "seeing")
            and all(found <= _SHOWN_CONCEPTS for found in self.question_words.concepts_as_read(asked))
        )

    def _of_the_goals_world(self, task: str, asked: str) -> bool:
        """A word of the goals' world ("kunta", "yhdistys") named; for data erased, not beside a question or message
        written here ("Jos kirjoitan kysymykseen puhelinnumeroni, näkeekö virkailija sen?")."""
        if not self.question_words.speaks_of_the_goals_world(asked):
            return False
        return task != FORGET_HELP or not self.question_words.lemmas_in(asked, _WRITTEN_HERE)

    def _names_a_matter_of_the_goals(self, asked: str) -> bool:
        """Does the question name a concept of the goals besides statistics themselves ("tilastot", "statistik" are
        the goals' knowledge-based services)?"""
        return any(concepts - _STATISTICS_CONCEPTS for concepts in self.question_words.concepts_as_read(asked))

    def _counts_questions_here(self, asked: str) -> bool:
        """ "Mistä näkee, montako kysymystä meidän alueelta on tullut?", "Hur många frågor har vi fått?": a count of
        the questions that came in, with the bot named, the count seen or looked for, or nothing of the goals' world
        named; "Montako kysymystä tulee kunnan asiakaspalveluun?", "… nuorisovaltuustolle?" count someone else's."""
        if not self.intents.counts_questions_that_came(asked):
            return False
        if self.names_the_bot(asked) or self.intents.any_of(asked, "question_counts_seen"):
            return True
        named = any(concepts - _COUNTED_TOPIC_CONCEPTS for concepts in self.question_words.concepts_as_read(asked))
        return not named and not self.question_words.speaks_of_the_goals_world(asked)

    def _asks_about_sent_questions(self, placed: list[tuple[int, int, str]]) -> bool:
        """ "Var ser jag frågorna som invånarna har skickat?", "Miten vastaan kysymyksiin, joita kuntalaiset ovat
        jättäneet odottamaan?": questions others sent, named in one sentence with a word of questions; not the
        asker's own ("Jag har ställt frågor …"), not sent to someone in the goals' world ("… valtuutetuille") and
        not what the goals say of them. Whether the asker acts on them is `bot_task`'s to read."""
        if self.intents.any_of(" ".join(word for _, _, word in placed), "goals_frame"):
            return False
        by_sentence: dict[int, list[str]] = {}
        for sentence, _, word in placed:
            by_sentence.setdefault(sentence, []).append(word)
        for said in by_sentence.values():
            text = " ".join(said)
            tokens = folded_words(text)
            if not self.intents.patterns["sent_questions"].found_in(tokens, frozenset(), tuple(said)):
                continue
            if self.intents.patterns["own_sending"].found_in(tokens, frozenset(), tuple(said)):
                continue
            if self.intents.any_of(text, "sent_elsewhere"):
                continue
            if any(self._question_word(word) for word in said):
                return True
        return False

    def _question_word(self, word: str) -> bool:
        lemmas = {lemma for lang in LANGS for lemma in self.retriever.word_terms(word, lang, corrected=False)}
        return not lemmas.isdisjoint(QUESTION_LEMMAS)

    def only_about_the_bot(self, asked: str, lang: Lang) -> bool:
        """ "Vad kan du göra?", "Mitä sä osaat?", "Vad är det här för bot?": nothing but words about the bot."""
        if not self.intents.any_of(asked, "about_bot") or self.bot_task(asked) is not None:
            return False  # "Varifrån kommer svaren?" names a task of its own
        return not self.retriever.query_terms(self.intents.without(asked, "about_bot"), lang)

    def only_calls_for_help(self, asked: str, lang: Lang) -> bool:
        """ "apua", "Hjälp!", "Voitko auttaa?", "Hei, en ymmärrä": a call for help with nothing named to help with,
        which asks how the bot is used (goal 1's "tuki", support, is no help asked for)."""
        if not self.intents.any_of(asked, "help_call"):
            return False  # the common case, ruled out before any text is rebuilt
        rest = self.intents.without(asked, "help_call")
        for name in ("about_bot", "bot_use", "greeting", "thanks", "fillers"):
            rest = self.intents.without(rest, name)
        return not self.retriever.query_terms(rest, lang)

    def asks_what_the_bot_knows(self, asked: str) -> bool:
        """ "Kan du svara på vad som helst, eller bara om KANE:s mål?", "Tiedätkö muustakin kuin näistä tavoitteista?":
        what the bot can answer, with nothing asked besides the goals and KANE ("Osaatko vastata, mitä tavoitteissa
        sanotaan tiloista?" asks about premises)."""
        if not self.intents.any_of(asked, "bot_scope") or goal_reference(asked) is not None:
            return False
        if self.bot_task(asked) is not None:
            return False  # "Voitko vastata ruotsiksi?" names a task of its own
        rest = asked
        for name in ("bot_scope", "about_bot", "goals_frame", "kane", "all_goals"):
            rest = self.intents.without(rest, name)
        rest = " ".join(word for word in words(rest) if not names_goals(word))
        asked_about = [found - {GOALS_CONCEPT, KANE_CONCEPT} for found in self.question_words.concepts_as_read(rest)]
        return not any(asked_about) and not self.question_words.speaks_of_the_goals_world(rest)

    def only_about_using_the_bot(self, asked: str, lang: Lang) -> bool:
        """ "Hur funkar det här?", "Miten tätä käytetään?": how to use it, and nothing else asked. Such a verb is
        common in the goals too ("fungera", "käyttää"), so the question would otherwise match them by it alone."""
        rest = self.intents.without(asked, "bot_use")
        if rest == " ".join(words(asked)):
            return False
        if self._asks_what_to_do(asked):
            return False  # "Miten meidän pitäisi toimia?" asks what to do, not how the bot works
        return not self.retriever.query_terms(self.intents.without(rest, "about_bot"), lang)
