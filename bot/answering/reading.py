"""Reading a question against the goals: which entries it matches once the words that only frame it are set aside,
whether it is about the goals' matters at all, the closest entry and how likely the best one is right (what it asks
of the bot itself is `bot_questions`'s to read). The Assistant decides what to reply from what this reads."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

from bot.answering.asked_words import GOALS_CONCEPT, KANE_CONCEPT, READ_CACHE_SIZE, QuestionWords, names_the_goals
from bot.answering.bot_questions import BotQuestions
from bot.answering.confidence import STRONG_THRESHOLD, Calibration, Evidence
from bot.answering.focus import is_question, names_goals, past_kane, points_back
from bot.answering.references import goal_reference, goal_themes, mentions_a_goal
from bot.answering.retrieval import Match
from bot.content.intents import MIN_STEM
from bot.core.lang import LANGS, Lang
from bot.core.text import fold, folded_words, sentences, words

# A match counts for related entries ("see also") if it is close and covers enough of the question.
ANSWER_THRESHOLD = 0.10
# A best match this far from the question (its retrieval score) is no likely answer, whatever else it has.
MIN_LIKELY_SCORE = 0.05
# A question about KANE itself ("Mitä KANE tekee?") is about its entry when that entry scores at least this share of
# the best one.
KANE_ENTRY = "kane"
THEME_REACH = 4  # "målet om samarbete med organisationerna", "demokratiakasvatusta koskevan tavoitteen"
MEMBERSHIP_REACH = 3  # "representerade i KANE", "vem sitte i kanes styrelse", "Ketkä ovat KANEn jäsenet?"
# Bodies whose members a sentence naming KANE may ask about: the councils of groups, the councils, the parties' lists.
OTHER_MEMBERSHIPS = frozenset({
    "youth-council", "older-peoples-council", "disability-council", "councillors-and-staff", "nominations",
    "minorities", "candidates", "political-parties",
})  # fmt: skip
KANE_SUBJECT_SHARE = 0.45
INTRO_ENTRY = "intro"
CANDIDATES_ENTRY = "candidates"
LEVELS_ENTRY = "goal-3.action-3"  # information flowing between the levels of administration
COUNCILS_OF_GROUPS_ENTRY = "goal-2.action-2"  # the councils of older people, of people with disabilities, of the young
TRIPARTITE_ENTRY = "goal-4.action-1"  # municipalities, counties and associations working together
PANELS_ENTRY = "goal-2.action-1"  # residents' and customers' panels, new forms of taking part
# After "KANE, är det politiker …": who does what ("… som ska bestämma?"), not what KANE is.
_WHO_DOES = frozenset({"som", "joka", "jotka", "jotta"})
ACCESS_ENTRY = "goal-2"  # what eases or hinders taking part: public transport, digital services, premises
PAID_WORK_ENTRY = "goal-4"  # paid work in associations makes volunteering possible
# Every entry: where the combination alone names the part, its words may share almost nothing with it.
ANY_DEPTH = 100
CLEAR_SERVICES_ENTRY = "goal-4.action-2"  # activities and services described clearly and understandably
# What there is on offer, named by a concept of goal 4.2's ("vertaisryhmiä", "terveysjutut").
OFFERING_CONCEPTS = frozenset({"peer-support", "health-wellbeing-promotion"})
# Another part's own matter told clearly stays that part's: premises, procurement, services built on data, decisions
# made in the open, the councils of groups ("kertoa selvästi, missä tiloissa ryhmät voivat kokoontua").
OTHER_PARTS_TOLD_CONCEPTS = frozenset({
    "premises", "procurement", "market-dialogue", "competitive-tendering", "service-production", "social-enterprise",
    "knowledge-based-services", "information-flow", "transparency", "influence-bodies", "older-peoples-council",
    "disability-council", "youth-council", "residents-panels", "deliberative-democracy", "councillors-and-staff",
    "dialogue", "influence-decisions",
})  # fmt: skip
# Understanding is how clearly a thing is told only in a clause of its own: "niin että kaikki ymmärtää", "så att folk
# fattar"; "Ska kommunen visa att den förstår vad grupperna behöver?" is the municipality understanding.
_SO_THAT = frozenset({"etta", "et", "jotta", "niin", "nii", "sa", "att"})
SO_THAT_REACH = 3
PAID_WORK_CONCEPT = "paid-work"
VOLUNTEERING_CONCEPT = "volunteering"
# What a question of paid staff and volunteers may also name: associations' own matters, the goals, free work.
PAID_WORK_CONCEPTS = frozenset({
    PAID_WORK_CONCEPT, VOLUNTEERING_CONCEPT, "employment", "kane", "goals", "why-it-matters", "everyday-life",
    "community-civic-action", "culture", "hobbies-leisure", "business-activity", "social-economy", "free-resources",
    "functional-capacity", "wellbeing", "support-for-civic-action",
})  # fmt: skip
# Associations selling or bidding: what they sell (cleaning, school meals, groceries carried) is everyday, and the
# matter of goal 4's market ("yhdistys … myy sotelle siivousta", "Kun kunta kilpailuttaa ruokapalvelun, voiko
# yhdistys olla mukana?"): per entry, the concepts that make it so.
BUSINESS_ENTRY = "goal-4"  # associations' business, social enterprise and services they produce
MARKET_CONCEPTS = {
    "goal-4.action-3": frozenset({"procurement", "competitive-tendering", "market-dialogue"}),
    BUSINESS_ENTRY: frozenset({"social-enterprise", "service-production", "social-economy"}),
}
# Business of an association's own ("voitto", "tulot", "tuotto") is its market only where a public buyer is named
# ("myy sotelle siivousta"): a lottery's prize or the tax on its income is everyday.
BUSINESS_CONCEPT = "business-activity"
# A way of getting there or of being reached ("bussiyhteydet", "nättjänster") and taking part or having a say, in one
# question: goal 2 says they further or hinder participation.
ACCESS_CONCEPTS = frozenset({"public-transport", "digital-services", "barriers-to-participation"})
TAKING_PART_CONCEPTS = frozenset({"participation", "influence-decisions"})
BARRIERS_CONCEPT = "barriers-to-participation"
# Digital services beside decisions are the administration's openness ("Kunta poisti nettisivuiltaan tietoja
# päätöksistä"), and "somevaikuttaja" is no one having a say: online, only taking part itself counts.
DIGITAL_CONCEPTS = frozenset({"digital-services"})
# Another part's matter in the same sentence is what it asks about: a council of a group, the elections and their
# tone ("poliitikot haukkuvat toisiaan somessa … lähteekö porukka uurnille"), assembling safely.
NOT_ACCESS_CONCEPTS = frozenset({
    "youth-council", "older-peoples-council", "disability-council", "elections", "voter-turnout", "candidates",
    "constructive-atmosphere", "safe-assembly", "activism", "residents-panels", "procurement", "service-production",
    "open-administration", "transparency",
})  # fmt: skip
# What a question about the three parties working together may name besides: sitting at one table, meeting, the
# parties themselves. Another part's matter (grants, premises, procurement, panels, information between the levels)
# is what such a question asks about ("Kunta, hyvinvointialue ja järjestöt yhdessä – kulkeeko tieto …?").
THREE_PARTIES_CONCEPTS = frozenset({
    "tripartite-cooperation", "administrative-levels", "partnership", "cooperation-structures", "safe-assembly",
    "kane", "goals", "employment", "hobbies-leisure", "democratic-encounters", "participation", "everyday-life",
    "social-capital", "social-cohesion", "volunteering", "helping", "elections", "equal-access", "paid-work",
})  # fmt: skip
# What a question describing a residents' panel may also name besides its gathering (read as the group): what the
# panel gives (recommendations read as the goals', "suositus"), whom and what it addresses.
PANEL_CONCEPTS = frozenset({
    "residents-panels", "social-cohesion", "constructive-atmosphere", "dialogue",
    "knowing-civil-society", "goals", "councillors-and-staff", "influence-decisions", "participation", "kane",
    "everyday-life", "democratic-encounters", "deliberative-democracy", "complex-problems",
})  # fmt: skip
PANEL_PATTERNS = ("panel_people", "panel_group", "deliberating")
# Why something a goal's background gives reasons for matters, with nothing named besides what that background
# speaks of: the goal's own reasons ("Varför spelar det roll att folk får vara med och bestämma?" is goal 2's, however
# much goal 1's "people take part and influence" shares its words). A question also naming associations' work,
# grants, premises, candidates, a council or a form of taking part asks of that instead. Per goal: the concepts its
# reasons are about, and what else its background speaks of.
_SHARED_CONTEXT = frozenset({"why-it-matters", "kane", "goals", "elections", "trust", "democracy", "everyday-life"})
REASONS_OF_GOALS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    # why community civic action is good for people and a municipality: goal 1's background
    (
        "goal-1",
        frozenset({"community-civic-action", "volunteering", "support-for-civic-action"}),
        frozenset({"wellbeing", "crisis-resilience", "comprehensive-security", "functional-capacity", "helping",
                   "vitality-attractiveness", "prevention-savings", "hobbies-leisure", "health-wellbeing-promotion",
                   "caring-for-people"}),
    ),
    (
        "goal-2",
        frozenset({"participation", "influence-decisions"}),
        frozenset({"preparation-quality", "social-capital", "digital-services", "public-transport",
                   "barriers-to-participation", "active-citizenship", "caring-for-people"}),
    ),
    (
        "goal-3",
        frozenset({"open-administration", "transparency", "accountability"}),
        frozenset({"defending-democracy", "critical-counterweight", "service-availability", "future-outlook"}),
    ),
    # why work with associations, when the municipality has its own staff: goal 4's background
    ("goal-4", frozenset({"partnership", "complex-problems", "knowing-civil-society"}),
     frozenset({"councillors-and-staff"})),
)  # fmt: skip
# Why a municipality works with associations at all: working together or solving problems alone, named with the
# associations, and no concept beyond the backgrounds, the introduction and KANE's own paragraph.
PARTNERS_REASONS = "goal-4"
_TOGETHER_CONCEPTS = frozenset({"partnership", "complex-problems"})
_ASSOCIATION_STEMS = ("forening", "klubb", "yhdisty", "jarjesto", "seuro", "seura", "kerho")  # folded, inside a word
_TOGETHER_PASSAGES = frozenset({"intro", "kane", "goal-1", "goal-4", "goal-4.action-1"})
# "bry sig om" (caring), the decision-makers who would work with them: words of the asking, not another matter
_TOGETHER_BESIDE = frozenset({"caring-for-people", "councillors-and-staff"})
# A compound read for an everyday last part: the whole this long, its head and its tail at least these.
MIN_EVERYDAY_COMPOUND = 9
MIN_EVERYDAY_HEAD = 4
MIN_EVERYDAY_TAIL = 5
ASSOCIATIONS_REASONS = "goal-1"  # why associations matter to people is community civic action's reasons
# What good associations do that goal 1's background names: a hobby alone is no reason given ("seuraa" is also "it
# follows", and clubs' cafés feeding people are the social economy of goal 4).
GOOD_OF_ASSOCIATIONS = frozenset({
    "wellbeing", "crisis-resilience", "comprehensive-security", "functional-capacity", "helping",
    "vitality-attractiveness", "prevention-savings", "health-wellbeing-promotion",
})  # fmt: skip
GROUP_BODY_WINDOW = 2  # "teinien oma porukka", "grupperna för seniorer"
_ADJECTIVE_GROUPS = frozenset({"gamla"})  # folded: "gamla människor" are old people, "gamla gruppen" an old group
COUNT_FACT = "amount"  # "Montako tavoitetta on?" asks for an amount: the goals' own number
CANDIDATES_CONCEPT = "candidates"
COUNCILS_CONCEPT = "councillors-and-staff"
OFFICE_BY_ELECTION = frozenset({COUNCILS_CONCEPT, "elections"})
BENEFIT_IN_ELECTIONS = frozenset({"elections", "why-it-matters"})
EXPERIENCE_CONCEPTS = frozenset({"association-experience", "volunteering", "community-civic-action"})
DIALOGUE_CONCEPTS = frozenset({"dialogue", "dialogue-skills"})
# How those who run behave towards people: the candidates' responsibility for dialogue, not the parties' nominations
# ("ställer upp i valet" is a nomination word) nor councillors' skills (goal 3.2) or trust in general (goal 2).
CANDIDATES_DIALOGUE_ENTRY = "candidates.dialogue"
NOMINATIONS_CONCEPT = "nominations"
RUNNING_CONCEPTS = frozenset({CANDIDATES_CONCEPT, NOMINATIONS_CONCEPT})
NOMINATION_IN_ELECTIONS = frozenset({NOMINATIONS_CONCEPT, "elections"})  # not volunteers recruited
CONDUCT_CONCEPTS = frozenset({*DIALOGUE_CONCEPTS, "democratic-encounters", "trust", "constructive-atmosphere"})
GROUP_COUNCIL_CONCEPTS = frozenset({"youth-council", "older-peoples-council", "disability-council"})
WHO_IS_NOMINATED_CONCEPTS = frozenset(
    {"representativeness", "age", "gender-diversity", "minorities", "political-parties", *EXPERIENCE_CONCEPTS}
)
EXPERIENCE_DEPTH = 8
INTRO_SHARE = 0.7
# What KANE does may be asked with the elections or everyday work named ("muulloin kuin vaalien alla", "arjessa").
KANE_DOING_CONCEPTS = frozenset({"kane", "elections", "ministry-of-justice", "everyday-life"})
# The state of a booking or order of one's own, written as a compound ("venepaikkavarauksen tila" is its status,
# no premises).
_STATE_OF_A_BOOKING = re.compile(r"\w(?:varauksen|varaukseni|varauksemme|tilauksen|tilaukseni)\s+tila\b", re.I)
# What KANE takes part in: a strategy (the state's, for civil society organisations), carried out; the goals and the
# state named beside it ("… jotain järjestöjä koskevaa valtion strategiaa?", "… annat än de här valmålen?").
KANE_PART_CONCEPTS = KANE_DOING_CONCEPTS | {
    "strategy", "participation", "monitoring", "goals", "administrative-levels", "associations"
}  # fmt: skip
# What every goal is about: a question asking for the goals in brief may name these and still want all four.
OVERVIEW_CONCEPTS = frozenset({
    "kane", "goals", "elections", "ministry-of-justice", "administrative-levels", "councillors-and-staff",
    "voter-turnout", "double-elections",
    # for whom and how they are put: clubs and associations ("seurojen hyväksi"), lines of policy ("isot
    # linjaukset"), what to commit to ("sitoutua")
    "hobbies-leisure", "strategy", "responsibility",
})  # fmt: skip
ELECTION_CONCEPTS = frozenset({"elections", "voter-turnout", "double-elections"})
# An election and the levels it elects ("EU-vaalit", "aluevaalit"): no matter KANE's opinion is asked of
ELECTIONS_AND_LEVELS = ELECTION_CONCEPTS | {"administrative-levels", KANE_CONCEPT, GOALS_CONCEPT}
# The closest entry offered with an honest "the goals don't say" must at least be this close.
SUGGEST_THRESHOLD = 0.08


# What KANE means by something: the verb with a word after it that is not KANE ("tarkoittaa järjestölähtöisyydellä").
_MEANS_BY = re.compile(r"\b(?:tarkoittaa|tarkottaa|tarkoitetaan|menar|menas)\s+(?!kane\b)\w", re.IGNORECASE)
_WHY_ONE_ASKS = re.compile(r"\b(?:ku|kun|koska|kosk|när|eftersom|då)\b", re.IGNORECASE)
# Never having heard of it says why one asks ("Nå va e he för nå KANE, he ha ja int hört förut", "mikä se KANE on, en
# oo ikinä kuullu"): "hört", "kuullut" are no consultation asked about.
_NEVER_HEARD = re.compile(
    r"\b(?:\w+\s+){0,3}(?:int|inte|aldrig|aldri|en|ei)\s+(?:\w+\s+){0,2}(?:hört|hörde|kuullu|kuullut|kuullukaan)\b",
    re.IGNORECASE,
)
# Spoken "sää" is "you" (Tampere, Turku, Savo) before a verb of the second person or after a question verb of it
# ("Mitä sää luulet …?", "ooks sää kuullu …?", "Ookko sää kuullu …?", "kuunteleks sää …?": -tko, -kko, -ks), not the
# weather of the everyday list ("Mikä on huomisen sää?", "Onko sää kylmä?", "Onks sää hyvä?", "Tuleeko sää …?").
_SPOKEN_YOU = re.compile(
    r"\b(?:(?!onks\b|tuleeks\b|onkos\b)\w+(?:tko|tkö|kko|kkö|ks)\s+sää"
    r"|sää(?=(?:\s+(?:oikein|oikeen|oikeesti|oikeasti|nyt|sitten|sit|vielä|viel|jo|ees|edes|muka|itse|ite))?"
    r"\s+(?:luulet|tiedät|tiiät|ajattelet|meinaat"
    r"|mietit|sanot|uskot|oot|olet|osaat|voit|tarkotat|tarkoitat|ymmärrät|muistat|tykkäät)\b))\b",
    re.IGNORECASE,
)
# How many words from KANE's name a kind of body asked after may stand: after it ("Mikä KANE on, onko se joku
# puolue?") and before it ("Mikä puolue KANE on?").
KIND_REACH = 5
KIND_REACH_BEFORE = 3
_CLAUSE_WORDS = frozenset({"mita", "etta", "att", "vad", "som", "jos", "om", "kun", "joka", "mika", "jotka", "mitka"})
# "it" as the subject near a sentence's start ("Är det ett parti?", "Onko se joku puolue?", "E he nå statligt?"),
# folded, and how far in it is looked for.
_IT_AS_SUBJECT = frozenset({"det", "den", "he", "se", "tama", "taa", "toi", "tuo"})
SUBJECT_REACH = 3
# A clause before the way of wording that makes it the matter asked ("… det att tjänster beskrivs på enkel svenska",
# "Mitä tarkoittaa, jos kunta kertoo palveluistaan selkokielellä?"), folded; "om" only where it is no "about" after a
# word of telling ("Berätta om trepartssamarbetet med enkla ord").
# So is a question of why, how, whether or what should be before it ("Selitä, miksi palvelut pitää kuvata
# selkokielellä", "Kerro, pitäisikö verkkosivut olla selkokielellä", "Berätta om tjänsterna ska finnas på klarspråk").
_CLAUSE_BEFORE_MANNER = frozenset({"att", "etta", "jotta", "kun", "nar", "jos", "mikali", "ifall", "miksi", "miten",
                                   "pitaisiko", "pitaako", "onko", "varfor", "hur", "ska", "skall", "bor", "borde",
                                   "maste", "pitaa", "pitaisi", "pitais", "tulee", "tulisi"})  # fmt: skip
_TELLING_ABOUT = frozenset({"beratta", "berattar", "forklara", "saga", "sag", "tala", "prata", "skriv", "skriva"})


def _a_clause_before(tokens: tuple[str, ...]) -> bool:
    if not _CLAUSE_BEFORE_MANNER.isdisjoint(tokens):
        return True
    return any(word == "om" and (at == 0 or tokens[at - 1] not in _TELLING_ABOUT) for at, word in enumerate(tokens))


# A view, in the lemmas a question's words are read as (folded): "mieltä" is "mieli", "åsikt" "asikt".
_VIEW_LEMMAS = frozenset({"mieli", "mielipide", "kanta", "kannanotto", "nakemys", "ajatella", "tycka", "anse",
                          "asikt", "standpunkt", "synpunkt", "stallningstagande", "uppfattning"})  # fmt: skip
# What a view is of, named by a pronoun or "the matter" (folded): "minusta", "meistä", "om oss", "asiasta", "saken".
_OF_SOMEONE = frozenset({"minusta", "meista", "sinusta", "teista", "hanesta", "heista", "mig", "oss", "dig", "er",
                         "dem", "asiasta", "asiaan", "saken", "tasta", "tuosta", "siita", "det", "detta"})  # fmt: skip
_OPINION = re.compile(r"\b(?:mieltä|mielestä|tycker|tykkää|anser)\b", re.IGNORECASE)


# Reading what is said or that something is so ("Mistä sen voi lukea, mitä strategioista sanotaan?"): the goals'
# own text, not another paper.
_READS_WHAT_IS_SAID = re.compile(r"\b(?:lukea|lukee|lukkee|läsa)\b,?\s+(?:mitä|että|vad|att)\b", re.IGNORECASE)
_CLAIM_WORDS = frozenset({"att", "etta", "et"})  # "that", opening a claim (folded)
# Whom something is for ("kenelle", "keille", "för vem", "till vem"), not who did it ("vem bestämde det?").
_FOR_WHOM = re.compile(r"\b(?:kenelle|keille|kelle|kenel|för\s+vem|till\s+vem|åt\s+vem)\b", re.IGNORECASE)
# How, opening a question of how something is done (folded).
HOW_WORDS = frozenset({"miten", "kuinka", "mites", "hur"})
_APPLYING_REACH = 5  # the how-word and the next four words
# How or who, opening a question of how something is done or by whom (folded).
_HOW_OR_WHO = HOW_WORDS | {"milla", "kuka", "ketka", "vem", "vilka"}
# A count word and, within the next two words, the goals: "Montako tavoitetta on?", "Hur många är målen?".
_COUNT_WORDS = frozenset({"montako", "monta", "moni", "paljonko", "paljos", "paljoks", "paljonks", "manga"})
_COUNT_REACH = 3
# …or a pronoun for them, named elsewhere in the question ("Mihin vaaleihin nää tavoitteet on tehty ja kuinka monta
# niitä on?").
_COUNT_PRONOUNS = frozenset({"niita", "noita", "naita", "niit", "dom", "dem", "de"})


def _counts_the_goals(asked: str) -> bool:
    """Is what a count asks of the goals themselves ("Kuinka monta tavoitetta KANE asetti?", "… ja kuinka monta
    niitä on?"), not of something they are about ("Hur många kommuner har genomfört målen?")?"""
    written = words(asked)
    tokens = [fold(word) for word in written]
    return any(
        any(map(names_goals, written[index + 1 : index + _COUNT_REACH]))
        or not _COUNT_PRONOUNS.isdisjoint(tokens[index + 1 : index + _COUNT_REACH])
        for index, token in enumerate(tokens)
        if token in _COUNT_WORDS
    )


def _eases_taking_part(found: frozenset[str] | set[str], shut_out: bool = False) -> bool:
    """Concepts of one sentence: a way of getting there or of being reached, and taking part (or, offline, having a
    say), and no other part's matter. Being shut out ("stänga folk ute", intents `shut_out`) beside a way there or
    online is taking part named; a barrier that only says where ("på landsbygden") is not."""
    access = found & ACCESS_CONCEPTS
    takes_part = (
        "participation" in found
        or (shut_out and bool(access - {BARRIERS_CONCEPT}))
        or bool(access - DIGITAL_CONCEPTS and found & TAKING_PART_CONCEPTS)
    )
    return bool(access) and takes_part and not found & NOT_ACCESS_CONCEPTS


# "Tell (me)" or "can you" opening a sentence: the bot asked for its answer, folded.
_TELL_ME = frozenset({"kerro", "kerrotko", "kertoisitko", "kerropa", "kerrohan", "selita", "selitatko", "selittaisitko",
                      "beratta", "forklara", "beskriv", "voitko", "voisitko", "voitteko", "voisitteko"})  # fmt: skip
_CAN_YOU = frozenset({("kan", "du"), ("kunde", "du"), ("kan", "ni"), ("kunde", "ni")})


def _asks_the_bot_to_tell(tokens: tuple[str, ...]) -> bool:
    """Does the sentence (folded words) open by asking the bot to tell or explain ("Kerro selvästi …", "Kan du
    förklara …")?"""
    return bool(tokens) and (tokens[0] in _TELL_ME or tokens[:2] in _CAN_YOU)


def _about_itself(tokens: tuple[str, ...]) -> bool:
    """ "Vad har KANE sagt om sig själv?", "Mitä KANE on sanonut itsestään?": what KANE says of itself is what it is."""
    return "itsestaan" in tokens or any(pair in _ITSELF for pair in pairwise(tokens))


_ITSELF = frozenset({("sig", "sjalv"), ("sig", "sjalva")})


def _is_background(match: Match) -> bool:
    """Is the match a goal's own entry (its title and background), not one of its actions?"""
    return match.entry.goal is not None and match.entry.id == f"goal-{match.entry.goal}"


class Reader:
    """Reads a question against the goals; what it asks of the bot itself is `BotQuestions`'s to read."""

    def __init__(
        self,
        question_words: QuestionWords,
        bot: BotQuestions,
        calibration: Calibration,
        without_places: Callable[[str], str] = lambda text: text,
    ) -> None:
        self.question_words = question_words
        self.bot = bot
        self.intents = intents = question_words.intents
        self.retriever = retriever = question_words.retriever
        self.calibration = calibration
        self._without_places = without_places  # place names say where, never what about
        # The goals' common scope, KANE's wishes and getting into a council: see `asks_for_all_goals` and
        # `_asks_about_experience_for_office`.
        self._scope_lemmas = self.question_words.lemmas_of_list("goals_scope")
        self._wants_lemmas = self.question_words.lemmas_of_list("kane_wants")
        # "four" and the goals' everyday names ("saker", "asiaa"): see `asks_for_all_goals`
        self._doing_lemmas = self.question_words.lemmas_of_list("goals_doing")
        # Parliament is the goals' scope only beside an election ("Eduskunta vaali?"): "Mitä KANE haluaa
        # eduskunnalta?" asks of parliament.
        self._election_body_lemmas = self.question_words.lemmas_of_list("election_bodies")
        self._election_lemmas = self.question_words.lemmas_of_list("elections_named")
        fours, goal_things = (
            self.question_words.lemmas_of_list("four_goals"),
            self.question_words.lemmas_of_list("goal_things"),
        )
        self._four_lemmas = {lang: fours[lang] | goal_things[lang] for lang in LANGS}
        # KANE by any of its names ("neuvottelukunta", "delegationen", "expertorganet"), or addressed ("Mitä te
        # toivotte …?"): who has the wishes, never what they are about.
        self._kane_lemmas = {
            lang: retriever.lemmas_naming(KANE_CONCEPT, lang)
            | self.question_words.lemmas_of_list("kane_addressed")[lang]
            for lang in LANGS
        }
        self._entering_lemmas = self.question_words.lemmas_of_list("entering_office")
        self._association_lemmas = self.question_words.lemmas_of_list("associations")
        # Everyday words in any form the lexicon knows: a short one of either language ("veroa" is "vero"), and a
        # Finnish one whose stem changes ("puhelimeni" is "puhelin"), which no prefix of the list finds. Long Swedish
        # words keep their stems, and simplemma reads some of them as other words ("börs" as "böra", "lån" as "låna").
        short = intents.everyday_exact
        # A lemma the goals' texts use is no everyday word, whatever form the list wrote ("voitti" is "voittaa").
        finnish = frozenset(
            lemma
            for word in intents.written["out_of_scope"]["fi"]
            if " " not in word and len(word) >= MIN_STEM
            for lemma in retriever.word_terms(word, "fi", corrected=False)
        ) - retriever.lemmas("fi")
        self._everyday_lemmas: dict[Lang, frozenset[str]] = {"fi": short | finnish, "sv": short}
        # Asked several times of one message (the early checks, the help, the decision).
        self._everyday = lru_cache(maxsize=READ_CACHE_SIZE)(self._find_everyday)
        # Read in search and again for the decision's evidence: each reads the question's concepts.
        self._overview = lru_cache(maxsize=READ_CACHE_SIZE)(self._find_overview)
        self._kane_doing = lru_cache(maxsize=READ_CACHE_SIZE)(self._find_kane_doing)

    def _opinion_of_a_matter(self, asked: str) -> bool:
        """Is KANE's opinion asked of a matter that is not only an election ("Mikä on KANEn kanta EU-vaaleihin?"
        keeps its words: an election is no matter of opinion in the goals)?"""
        rest = self.intents.without(self.intents.without(asked, "kane_opinion"), "kane")
        read = {concept for found in self.question_words.concepts_as_read(rest) for concept in found}
        return not read or not read <= ELECTIONS_AND_LEVELS

    def search(self, asked: str, limit: int = 3) -> list[Match]:
        """Entries for the question without the words that only frame it ("mitä tavoitteissa sanotaan …", "vad
        säger KANE:s mål om …"), which would pull every such question towards the introduction, and without the
        names of places. When KANE itself is what is asked about ("Mitä KANE tekee?"), not what KANE thinks of
        something ("Onko KANEn mukaan …"), its entry comes first if it is a close candidate."""
        asked = self._without_places(asked)
        content = self.intents.without(asked, "goals_frame")
        # "KANEn mukaan …", "enligt KANE …" frame a question as surely as "mitä tavoitteissa sanotaan …".
        opinion = self.intents.any_of(asked, "kane_opinion") and self._opinion_of_a_matter(asked)
        framed = content != " ".join(words(asked)) or self.intents.any_of(asked, "kane_view") or opinion
        if framed:
            # "Vad har KANE för åsikt om …?" asks no opinion of anyone's to be expressed
            content = self.intents.without(
                self.intents.without(content, "kane_opinion") if opinion else content, "kane"
            )
        found: list[Match] = []
        if framed and self.retriever.query_terms(content, "fi"):
            found = self.retriever.search(content, limit)
        found = found or self.retriever.search(asked, limit + 1)
        if not framed and self.intents.any_of(asked, "kane"):
            subject = next((match for match in found if match.entry.id == KANE_ENTRY), None)
            # "Onks KANE joku puolue?" asks what KANE is, whatever "puolue" points at.
            identity = self.asks_what_kane_is(asked)
            if subject is not None and (identity or subject.score >= KANE_SUBJECT_SHARE * found[0].score):
                found = [subject, *(match for match in found if match is not subject)]
        # "Hyötyykö ehdokas vapaaehtoistyöstä?", "Är föreningsfolk bra fullmäktigeledamöter?": what association
        # experience gives a candidate is the candidates' part, however much goal 1 says of civic action's worth.
        # Goal 1's civic action and goal 3.2's councillors can both outrank it; it is looked for further down before
        # giving up (only where association experience is named at all: the check costs).
        looked_for = any(match.entry.id == CANDIDATES_ENTRY for match in found) or any(
            set(self.retriever.concepts_as_written(asked, lang)) & EXPERIENCE_CONCEPTS for lang in LANGS
        )
        if looked_for and self._asks_about_experience_for_office(asked):
            found = self._first(CANDIDATES_ENTRY, found, content if framed else asked)
        # "Vad förväntas av dem som ställer upp i valet när det gäller hur de talar med människor?": how candidates
        # behave is their responsibility for dialogue, however strongly running for office points at nominations.
        # (Only where a part about candidates is among the matches, or candidates are named: reading the concepts
        # costs.)
        candidates_found = any(
            match.entry.id in (CANDIDATES_ENTRY, CANDIDATES_DIALOGUE_ENTRY) for match in found
        ) or any(CANDIDATES_CONCEPT in self.retriever.concepts_as_written(asked, lang) for lang in LANGS)
        if candidates_found and self._asks_how_candidates_behave(asked):
            found = self._first(CANDIDATES_DIALOGUE_ENTRY, found, content if framed else asked)
        # "Kulkeeko tieto kaupungin ja soten välillä?": two levels of administration and what passes between them is
        # goal 3.3's, however plain the words ("uppgifter", "viestit") and whatever a single word points at.
        if self._asks_between_levels(asked):
            found = self._first(LEVELS_ENTRY, found, content if framed else asked)
        # "Kunde stan, regionen och vi föreningar ha fasta möten ihop?": the three parties working together are goal
        # 4.1's tripartite cooperation, whatever a single word ("plan", "möten") points at.
        elif self._names_three_parties_together(asked):
            found = self._first(TRIPARTITE_ENTRY, found, content if framed else asked)
        # "Kunde man samla en grupp vanliga bybor som får väga en fråga?": a residents' panel, however described.
        elif self._describes_a_residents_panel(asked):
            found = self._first(PANELS_ENTRY, found, content if framed else asked)
        # "Står det att usla bussförbindelser och krångliga nättjänster kan göra att folk inte orkar tycka till?":
        # getting there or being reached, and taking part, is goal 2's, however a single word ("krånglig") points.
        elif self.asks_what_eases_taking_part(asked):
            found = self._first(ACCESS_ENTRY, found, content if framed else asked)
        # "Teinien oma porukka kaupungintalolla – kuunnellaanko sitä?", "pensionärernas grupp i stan": a body of the
        # young, the old or people with disabilities is one of the statutory councils, whatever it is called.
        elif self._names_a_council_of_a_group(asked):
            found = self._first(COUNCILS_OF_GROUPS_ENTRY, found, content if framed else asked)
        # "Järjestö palkkaa ihmisen koordinoimaan vapaaehtoisia", "Varför ska en förening ha avlönat folk, räcker det
        # inte med oss som ställer upp gratis?": paid work enabling volunteering is goal 4's background, however
        # much goal 1's volunteering shares its words.
        elif self._pays_for_volunteering(asked):
            found = self._first(PAID_WORK_ENTRY, found, content if framed else asked)
        # "Pitäskö kunnan kertoo selkeesti mitä vertaisryhmiä on?": what is on offer, told clearly, is goal 4.2's,
        # however much a single word ("kunta", "apu") points elsewhere.
        elif self._asks_offerings_told_clearly(asked):
            found = self._first(CLEAR_SERVICES_ENTRY, found, content if framed else asked, depth=ANY_DEPTH)
        # "Varför spelar det roll att folk får vara med och bestämma?": why taking part matters is goal 2's reasons,
        # however much goal 1's "people take part and influence" shares its words (`REASONS_OF_GOALS`).
        elif found and (reasons_of := self._reasons_asked_of(asked)) is not None:
            found = self._first(reasons_of, found, content if framed else asked)
        # "Tiivistäkää lyhyesti, mitä neuvottelukunta toivoo päättäjiltä": the goals in brief are the introduction,
        # however its words spread over the parts.
        elif found and self.asks_for_an_overview(asked):
            return self._first(INTRO_ENTRY, found, content if framed else asked)[:limit]
        # "Mitä KANE tekee muulloin kuin vaalien alla?", "Vad jobbar KANE med?": what KANE does is its own entry,
        # however the elections pull towards the goals.
        elif found and self._asks_what_kane_does(asked):
            found = self._first(KANE_ENTRY, found, asked)
            # Its entry is also looked for without the word of doing ("jobbar", "arbetar" are no words of KANE's
            # entry, and would say it answers half the question); the closer of the two stands.
            unsaid = self._without_doing(asked)
            closer = next((match for match in self.retriever.search(unsaid) if match.entry.id == KANE_ENTRY), None)
            if found and found[0].entry.id == KANE_ENTRY and closer is not None and closer.score > found[0].score:
                found = [closer, *found[1:]]
            return found[:limit]
        if (
            len(found) > 1
            and found[0].entry.id == INTRO_ENTRY
            and found[0].named > 0
            and found[1].score >= INTRO_SHARE * found[0].score
        ):
            # The introduction lists every goal's title, so a concept of one goal ("demokratiakasvatus") names it
            # too: when a part of the goals matches nearly as well, the question is about that part. A close
            # paraphrase of the introduction's own questions (no concept) keeps it.
            found = [found[1], found[0], *found[2:]]
        return found[:limit]

    def _first(self, entry_id: str, found: list[Match], searched: str, depth: int = EXPERIENCE_DEPTH) -> list[Match]:
        """``found`` with the entry first, looked for further down (to ``depth``) when it is not among them
        (unchanged if not found at all)."""
        if not found or found[0].entry.id == entry_id:
            return found
        match = next((match for match in found if match.entry.id == entry_id), None)
        if match is None:
            deeper = self.retriever.search(searched, depth)
            match = next((match for match in deeper if match.entry.id == entry_id), None)
        return found if match is None else [match, *(other for other in found if other.entry.id != entry_id)]

    def _reasons_asked_of(self, asked: str) -> str | None:
        """The goal whose reasons the question asks (`reasons`: why, what good) of what its background speaks of,
        naming nothing else (`REASONS_OF_GOALS`), if any."""
        if not self.intents.any_of(asked, "reasons"):
            return None
        if self._asks_why_work_together(asked):
            return PARTNERS_REASONS
        # "Varför är det bra för hälsan att vara med i föreningar?": associations named are community civic action
        # (goal 1's core) where no concept does it ("förening" is every part's word, so no concept's).
        associations = self.question_words.lemmas_in(asked, self._association_lemmas)
        for concepts in self.question_words.concepts_as_read(asked):
            for goal, core, context in REASONS_OF_GOALS:
                named = bool(concepts & core) or (
                    goal == ASSOCIATIONS_REASONS
                    and bool(associations)
                    and (bool(concepts & GOOD_OF_ASSOCIATIONS) or concepts <= _SHARED_CONTEXT)
                )
                if named and concepts <= core | context | _SHARED_CONTEXT:
                    return goal
        return None

    def _asks_why_work_together(self, asked: str) -> bool:
        """ "Varför ska kommunen jobba tillsammans med föreningar, klarar den sig inte på egen hand?", "Miksi kaupunki
        tarvitsee yhdistykset? Eikö se osaa tehdä itse kaikki asiat?": asked why (by the caller), associations named
        with working together or managing alone is why a municipality works with them, goal 4's background, however
        much goal 1's civic action shares its words; not where a matter of one action is named (grants, premises,
        panels …: only concepts of `_TOGETHER_PASSAGES`, the backgrounds', the introduction's and KANE's, may stand
        beside)."""
        read = frozenset().union(*self.question_words.concepts_as_read(asked))
        # volunteers are the associations' people ("jobba ihop med oss frivilliga"); a compound names its kind of
        # association ("idrottsklubbar", "urheiluseuroja")
        named = self.question_words.lemmas_in(asked, self._association_lemmas) or any(
            stem in fold(word) for word in words(asked) for stem in _ASSOCIATION_STEMS
        )
        # volunteers only beside the municipality: "folk i byn gör saker tillsammans på talko" is civic action
        volunteers = "volunteering" in read and self.intents.patterns["local_actors"].found_in(
            folded_words(asked), frozenset(), words(asked)
        )
        if not (named or volunteers):
            return False
        beside = read - _SHARED_CONTEXT - _TOGETHER_BESIDE
        if any(not set(self.retriever.passages_of(concept)) & _TOGETHER_PASSAGES for concept in beside):
            return False
        # A bare word of togetherness ("yhdessä") is not enough: people doing things together ("ihmiset tekevät
        # talkoita yhdessä") is goal 1's civic action.
        return bool(read & _TOGETHER_CONCEPTS) or self.intents.tells_of_managing_alone(asked)

    def asks_between_levels(self, asked: str) -> bool:
        """Does the question ask of something passing between two levels of administration (goal 3.3)?"""
        return self._asks_between_levels(asked)

    def _asks_between_levels(self, asked: str) -> bool:
        """Does the question name two levels of administration with "between" or "each other" and something that
        passes between them (information, talk), and no associations (with them it is tripartite cooperation)?
        "Borde kommunerna i regionen samarbeta med varandra?" names one level; "Jäikö yhteistyö kesken?" none."""
        if not self.intents.any_of(asked, "between"):
            return False
        tokens, written = folded_words(asked), words(asked)
        levels = sum(
            self.intents.patterns[name].found_in(tokens, frozenset(), written)
            for name in ("local_actors", "county_actors", "state_actors")
        )
        # "… mellan de olika nivåerna": the levels named together are two or more
        levels += 2 * self.intents.patterns["levels_named"].found_in(tokens, frozenset(), written)
        return (
            levels >= 2
            and self.intents.patterns["passing"].found_in(tokens, frozenset(), written)
            and not self.question_words.lemmas_in(asked, self._association_lemmas)
        )

    def asks_for_an_overview(self, asked: str) -> bool:
        """Does the question ask for the goals in brief and name nothing of one goal?"""
        return self._overview(asked)

    def _find_overview(self, asked: str) -> bool:
        tokens, written = folded_words(asked), words(asked)
        if not self.intents.patterns["overview"].found_in(tokens, frozenset(), written):
            return False
        if self.intents.any_of(asked, "overview_who") or self.intents.any_of(asked, "kane_identity"):
            return False  # who is behind it, or what KANE is ("Kertokaa lyhyesti, mikä KANE on"): KANE's entry
        if goal_reference(asked) is not None:
            return False
        # The goals or KANE named: "Tiivistä, mitä valtuutetut tekevät työkseen" asks about councillors' work.
        # ("päälinjat", "önskelistan": the goals by another name, goals_names)
        names = self.question_words.names_the_goals_or_their_names(asked) or self._names_kane(asked)
        # or "all four things" ("kaikki neljä asiaa lyhyenä listana")
        names = names or self.intents.names_four_goals(asked, names_goals)
        read = self.question_words.concepts_as_read(asked)
        # Or wishes and the elections, in other words ("Mitä isoja juttuja kunnilta toivotaan ennen äänestystä?
        # Lyhyt yhteenveto."): what is wished of the elected is the goals.
        names = names or any(GOALS_CONCEPT in found and found & ELECTION_CONCEPTS for found in read)
        return names and all(found <= OVERVIEW_CONCEPTS for found in read)

    def asks_what_the_goals_are_for(self, asked: str) -> bool:
        """ "Mihin näitä tavoitteita tarvitaan ja kenelle ne on tarkoitettu?", "Varför gjorde KANE de här målen?":
        the goals' purpose, with the goals named and nothing of one goal's matters (`OVERVIEW_CONCEPTS`)."""
        if not self.intents.any_of(asked, "goals_purpose") or goal_reference(asked) is not None:
            return False  # "Vad är poängen med mål 2?" asks of goal 2
        tokens, written = folded_words(asked), words(asked)
        if self.intents.any_of(asked, "languages_named") or self.intents.patterns["aland_named"].found_in(
            tokens, frozenset(), written
        ):
            return False  # "Är målen skrivna för Åland också?", "… på finska först?": Åland's or the languages' matter
        # the goals named ("nämä vaalitavoitteet" by their concept), not KANE alone: "Mitä varten ne KANEn seminaarit
        # järjestetään?" asks of KANE's seminars
        read = self.question_words.concepts_as_read(asked)
        named = self.question_words.names_the_goals_or_their_names(asked) or any(
            GOALS_CONCEPT in found for found in read
        )
        return named and all(found <= OVERVIEW_CONCEPTS for found in read)

    def _asks_what_kane_does(self, asked: str) -> bool:
        """Does the question ask what KANE does, naming nothing of the goals' matters besides the elections?"""
        return self._kane_doing(asked)

    def _find_kane_doing(self, asked: str) -> bool:
        tokens, written = folded_words(asked), words(asked)
        if not (
            self.intents.patterns["kane_doing"].found_in(tokens, frozenset(), written)
            or self.intents.any_of(asked, "kane_role")
        ):
            return False
        # The word of doing names no matter of its own: "jobbar" is work, a concept of employment, yet "Vad jobbar
        # KANE med?" asks what KANE does.
        rest = self._without_doing(asked)
        read = self.question_words.concepts_as_read(rest)
        return self._names_kane(asked) and all(found <= KANE_DOING_CONCEPTS for found in read)

    def _without_doing(self, asked: str) -> str:
        """The question without its words of what KANE does or its role ("jobbar", "KANEn rooli"), KANE kept."""
        rest = self.intents.without(asked, "kane_doing")
        if not self.intents.any_of(rest, "kane_role"):
            return rest
        return f"{self.intents.without(rest, 'kane_role')} KANE"  # the role's phrase names KANE, its owner

    def _names_kane(self, asked: str) -> bool:
        """KANE by its name or another of its names ("neuvottelukunta", "delegationen"), or spoken to ("te")."""
        return self.intents.any_of(asked, "kane") or self.question_words.has_lemma_of(asked, self._kane_lemmas)

    def _names_three_parties_together(self, asked: str) -> bool:
        """Does one sentence name a municipality, a wellbeing services county and associations, and their working
        together ("sitta vid samma bord", "tehdä yhteistyötä"), and the question nothing of another part's matter
        (`THREE_PARTIES_CONCEPTS`)? "Kulkeeko tieto kunnan ja soten välillä?" names no associations: that is the
        levels' information flow."""
        patterns = self.intents.patterns
        tokens, written = folded_words(asked), words(asked)
        if not (
            patterns["county_actors"].found_in(tokens, frozenset(), written)
            and patterns["working_together"].found_in(tokens, frozenset(), written)
        ):
            return False  # the common case (few questions name a county), ruled out before sentences are read
        for sentence in sentences(asked):
            tokens, written = folded_words(sentence), words(sentence)
            if (
                patterns["working_together"].found_in(tokens, frozenset(), written)
                and patterns["local_actors"].found_in(tokens, frozenset(), written)
                and patterns["county_actors"].found_in(tokens, frozenset(), written)
                and self.question_words.lemmas_in(sentence, self._association_lemmas)
            ):
                return all(found <= THREE_PARTIES_CONCEPTS for found in self.question_words.concepts_as_read(asked))
        return False

    def asks_what_eases_taking_part(self, asked: str) -> bool:
        """Does one sentence name a way of getting there or of being reached (buses, ferries, digital services) and
        taking part or having a say ("huonot bussiyhteydet vaikuttaa siihen pääseekö ihmiset mukaan vaikuttamaan"),
        and no other part's matter?"""
        if not any(found & ACCESS_CONCEPTS for found in self.question_words.concepts_as_read(asked)):
            return False  # the common case, ruled out before the sentences are read
        parts = sentences(asked)
        read = [self.question_words.concepts_as_read(sentence) for sentence in parts]
        shut = [self.intents.any_of(sentence, "shut_out") for sentence in parts]
        if any(
            _eases_taking_part(found, left_out)
            for readings, left_out in zip(read, shut, strict=True)
            for found in readings
        ):
            return True
        # "Här på Nötö går förbindelsebåten som den går. Tänker KANE på oss när de pratar om att påverka?": the way
        # there told in one sentence, taking part asked in the next, and nothing else named in either.
        return any(
            _eases_taking_part(before | after, shut_out)
            for (earlier, later), shut_out in zip(pairwise(read), shut[1:], strict=True)
            for before in earlier
            for after in later
            if before & ACCESS_CONCEPTS and (after & TAKING_PART_CONCEPTS or shut_out)
        )

    def _describes_a_residents_panel(self, asked: str) -> bool:
        """Does one sentence name ordinary residents as a group that thinks a matter over or advises ("ett gäng
        vanliga bybor som får väga en fråga", "tavalliset kaupunkilaiset porukalla miettimässä"), and the question
        nothing of another part's matter (`PANEL_CONCEPTS`)?"""
        patterns = self.intents.patterns
        tokens, written = folded_words(asked), words(asked)
        if not all(patterns[name].found_in(tokens, frozenset(), written) for name in PANEL_PATTERNS):
            return False  # the common case, ruled out before sentences are read
        for sentence in sentences(asked):
            tokens, written = folded_words(sentence), words(sentence)
            if all(patterns[name].found_in(tokens, frozenset(), written) for name in PANEL_PATTERNS):
                rest = self.intents.without(asked, "panel_group")
                return all(found <= PANEL_CONCEPTS for found in self.question_words.concepts_as_read(rest))
        return False

    def _pays_for_volunteering(self, asked: str) -> bool:
        """Does one reading of the question name paid work and volunteering together, and nothing of another part's
        matter (`PAID_WORK_CONCEPTS`)?"""
        return any(
            PAID_WORK_CONCEPT in found and VOLUNTEERING_CONCEPT in found and found <= PAID_WORK_CONCEPTS
            for found in self.question_words.concepts_as_read(asked)
        )

    def _asks_offerings_told_clearly(self, asked: str) -> bool:
        """ "Pitäskö kunnan kertoo selkeesti, mitä vertaisryhmiä on?", "ska föreningarna förklara sitt utbud så att
        folk fattar?": what there is on offer (services, help, groups, peer support), told clearly or so that people
        understand, is goal 4.2's, however plain the words. The bot asked to tell it clearly ("Kerro selvästi, mitä
        apua kunta antaa hakemuksen tekoon", "Kan du förklara tydligare …") asks for a plainer answer, not this."""
        tokens, written = folded_words(asked), words(asked)
        patterns = self.intents.patterns
        if any(_asks_the_bot_to_tell(folded_words(sentence)) for sentence in sentences(asked)):
            return False
        clearly = patterns["told_clearly"].found_in(tokens, frozenset(), written) or self._understood_as_told(asked)
        if not (clearly and patterns["telling"].found_in(tokens, frozenset(), written)):
            return False
        read = self.question_words.concepts_as_read(asked)
        if any(found & OTHER_PARTS_TOLD_CONCEPTS for found in read):
            return False
        return patterns["offerings"].found_in(tokens, frozenset(), written) or any(
            found & OFFERING_CONCEPTS for found in read
        )

    def _understood_as_told(self, asked: str) -> bool:
        """A word of understanding in a clause of "so that" ("niin että kaikki ymmärtää", "så folk fattar")."""
        for sentence in sentences(asked):
            tokens, written = folded_words(sentence), words(sentence)
            for at, pair in enumerate(zip(tokens, written, strict=True)):
                if self._one_word_of("understood", *pair) and not _SO_THAT.isdisjoint(
                    tokens[max(0, at - SO_THAT_REACH) : at]
                ):
                    return True
        return False

    def _names_a_council_of_a_group(self, asked: str) -> bool:
        """Does the question name a body ("porukka", "elin", "grupp", "organ") of the young, the old or people with
        disabilities, within two words of each other, and no candidacy words (the candidates' diversity is another
        part)?"""
        tokens, written = folded_words(asked), words(asked)
        patterns = self.intents.patterns
        # Most questions name neither: looked for where the words stand only when both are named.
        body_named = patterns["group_bodies"].found_in(tokens, frozenset(), written)
        advisory = patterns["advisory_bodies"].found_in(tokens, frozenset(), written)
        if not (patterns["represented_groups"].found_in(tokens, frozenset(), written) and (body_named or advisory)) or (
            self.intents.any_of(asked, "candidacy")
        ):
            return False
        groups, bodies = (
            [at for at, pair in enumerate(zip(tokens, written, strict=True)) if self._one_word_of(name, *pair)]
            for name in ("represented_groups", "group_bodies")
        )
        # The body is the group's own: "eläkeläisten porukka", "grupperna för seniorer", not "alla grupper" beside
        # "vi pensionärer" in another clause.
        # "Gamla gruppen" is the old group: "gamla" right before the body is its adjective, no group of people.
        if any(
            0 < abs(body - group) <= GROUP_BODY_WINDOW
            and not (body == group + 1 and tokens[group] in _ADJECTIVE_GROUPS)
            for group in groups
            for body in bodies
        ):
            return True
        # An advisory body in the group's own sentence: "Vi seniorer har ett eget rådgivande organ i kommunen"; not
        # KANE, an advisory body itself ("KANE är ett rådgivande organ, vad gör det för de unga?").
        return advisory and any(self._advisory_body_of_a_group(sentence) for sentence in sentences(asked))

    def _advisory_body_of_a_group(self, sentence: str) -> bool:
        tokens, written = folded_words(sentence), words(sentence)
        patterns = self.intents.patterns
        return (
            patterns["advisory_bodies"].found_in(tokens, frozenset(), written)
            and patterns["represented_groups"].found_in(tokens, frozenset(), written)
            and not self.intents.any_of(sentence, "kane")
        )

    def _one_word_of(self, name: str, token: str, word: str) -> bool:
        return self.intents.patterns[name].found_in((token,), frozenset(), (word,))

    def _asks_how_candidates_behave(self, asked: str) -> bool:
        """Does the question name those who run and how they talk, meet people or earn trust, and nothing of who
        should be nominated (parties, age, minorities, association experience …: "Pitäisikö puolueiden asettaa
        ehdolle ihmisiä, jotka osaavat keskustella?" is the parties' nominations) nor a council of a group ("Miten
        nuorisovaltuusto voi käydä vuoropuhelua ehdokkaiden kanssa?" is the council's)?"""
        return any(
            concepts & RUNNING_CONCEPTS
            and concepts & CONDUCT_CONCEPTS
            and not concepts & WHO_IS_NOMINATED_CONCEPTS
            and not concepts & GROUP_COUNCIL_CONCEPTS
            for concepts in self.question_words.concepts_as_read(asked)
        )

    def asks_how_a_council_is_chosen(self, asked: str) -> bool:
        """ "Kuinka vammaisneuvoston jäsenet valitaan?", "Hur väljs ledamöterna i ungdomsfullmäktige?": a sentence that
        opens with how or who (or the verb) and asks how the members of a council of a group are chosen ("Kun jäsenet
        valitaan, miten …?" asks something else)."""
        # how or who first, or the verb itself ("Väljs medlemmarna av fullmäktige?", "Valitaanko jäsenet?")
        return any(
            (tokens[0] in _HOW_OR_WHO or self.intents.any_of(tokens[0], "chosen_words"))
            and any(GROUP_COUNCIL_CONCEPTS & set(self.retriever.concepts_in(part, lang)) for lang in LANGS)
            for part, tokens in self._sentences_naming(asked, "chosen_words")
        )

    def asks_how_to_apply(self, asked: str) -> bool:
        """ "Miten meidän seura hakee kaupungilta avustusta?": a sentence opening with how that names applying and
        nothing of what should be ("Miten kunnan pitäisi helpottaa hakemista?" is the goals' matter)."""
        # the applying near the how-word: "Miten kunta voisi tukea järjestöjä, jotka hakevat avustuksia?" applies
        # in a clause of its own
        return any(
            tokens[0] in HOW_WORDS
            and self.intents.any_of(" ".join(tokens[:_APPLYING_REACH]), "applying_forms")
            and not self.intents.any_of(part, "normative")
            for part, tokens in self._sentences_naming(asked, "applying_forms")
        )

    def _sentences_naming(self, asked: str, name: str) -> Iterator[tuple[str, tuple[str, ...]]]:
        """The sentences of ``asked`` that hold a word or phrase of the named list, with their folded words; none
        read at all when the message holds none."""
        if not self.intents.any_of(asked, name):
            return
        for part in sentences(asked):
            tokens = folded_words(part)
            if tokens and self.intents.any_of(part, name):
                yield part, tokens

    def asks_of_a_candidates_duty(self, asked: str, starts: frozenset[int]) -> bool:
        """ "Eikö ehdokkailla ole velvollisuus pysyä asiallisina?", "e kandidatern int tvungna å hålla en schysst ton?":
        a duty of those who run in how they talk, meet people or earn trust, in words of duty alone, is the special
        responsibility KANE reminds candidates of; a law named ("Måste kandidaterna enligt lag …?") is the law's."""
        if not self.intents.any_of(asked, "duty_words") or not self._asks_how_candidates_behave(asked):
            return False
        return self.intents.asked_fact(self.intents.without(asked, "duty_words"), starts) != "law"

    def _asks_about_experience_for_office(self, asked: str) -> bool:
        """Does the question bring association experience and running for or sitting in a council together?"""
        for lang in LANGS:
            concepts = set(self.retriever.concepts_in(asked, lang))
            # Running for office: a candidate, or a council with the elections or a word of getting in ("jos haluaa
            # valtuustoon", "om man vill in i fullmäktige"); a council's or its staff's own experience ("Vilken
            # erfarenhet har kommunstyrelsen av …?") is not a candidate's.
            # Councillors' readiness for dialogue ("valtuutettujen valmiudet") is goal 3.2's, not a candidate's past.
            entering = COUNCILS_CONCEPT in concepts and self.question_words.has_lemma_of(asked, self._entering_lemmas)
            entering = entering or self.intents.any_of(asked, "office_role")  # "valtuutettuna", "som ledamot"
            # Running named as a nomination ("ställa upp i valet"), or a benefit in the elections ("onks siitä hyötyä
            # vaaleissa, jos on ollu seuratoiminnassa mukana?").
            running = concepts >= NOMINATION_IN_ELECTIONS or concepts >= BENEFIT_IN_ELECTIONS
            office = CANDIDATES_CONCEPT in concepts or concepts >= OFFICE_BY_ELECTION or entering or running
            if office and concepts & EXPERIENCE_CONCEPTS and not concepts & DIALOGUE_CONCEPTS:
                return True
        return False

    def asks_who_is_in_kane(self, asked: str) -> bool:
        """ "Vilka organisationer och personer sitter i KANE?", "Ketkä ovat KANEn jäseniä?": who sits in KANE, a who or
        a which and a word of membership in the sentence naming KANE; not what KANE says of who sits elsewhere ("Mitä
        KANE sanoo siitä, ketkä istuvat vanhusneuvostossa?")."""
        if self.intents.any_of(asked, "goals_frame"):
            return False
        members = self.intents.patterns["kane_members"]
        for part, tokens in self._sentences_naming(asked, "kane"):
            if not self.intents.any_of(part, "which_ones"):
                continue
            # Members of a body the sentence also names are that body's ("vammaisneuvoston jäsenille", "edustettuina
            # ehdokaslistoilla"), whatever KANE wishes of them.
            if any(found & OTHER_MEMBERSHIPS for found in self.question_words.concepts_as_read(part)):
                continue
            written = words(part)
            # the membership KANE's own ("sitter i KANE", "KANEn jäsenet"), not a council's ("dom som sitt i
            # fullmäktige") in a sentence that names KANE elsewhere
            for at, word in enumerate(written):
                if not self.intents.any_of(word, "kane"):
                    continue
                low, high = max(0, at - MEMBERSHIP_REACH), at + MEMBERSHIP_REACH + 1
                if members.found_in(tokens[low:high], frozenset(), written[low:high]):
                    return True
        return False

    def asks_what_kane_is(self, asked: str) -> bool:
        """ "Onks KANE joku puolue vai mikä se on?", "Är KANE en myndighet?": what kind of body KANE is; "Mikä se
        KANE oikeen on?", "Vad står KANE för?": what KANE is, when nothing of the goals' matters is asked besides
        ("Onko KANE sitä mieltä, että avustuksia pitäisi lisätä?" asks KANE's view on grants), nor what KANE has said
        ("Onks KANE sanonu jotain tällasest?")."""
        said = self._kane_said_at(asked)
        if said is not None and not _about_itself(folded_words(asked)):
            # unless what KANE is is asked elsewhere: "… KANE on maininnut jotain, mutta mikä se KANE edes on?"
            written = words(asked)
            if not self.intents.any_of(" ".join(written[: max(0, said - 1)] + written[said + 3 :]), "kane_identity"):
                return False
        identity = (
            self.intents.any_of(asked, "kane_identity")
            or self._names_kane_alone(asked)
            or self._kane_named_first_and_asked(asked)
        )
        if not identity:
            # A kind of body asked after with KANE named elsewhere ("Kukas se KANE on, mikä virasto?"), asking
            # nothing else ("Mikä taho vastaa KANEn mukaan tiloista?" asks who handles premises).
            if not (self.intents.any_of(asked, "kane") and self.intents.any_of(asked, "kane_kind_asked")):
                return False
            rest = asked
            for name in ("kane_kind_asked", "kane_kinds", "kane"):
                rest = self.intents.without(rest, name)
            return not any(
                self.question_words.concepts_as_read(rest)
            ) and not self.question_words.speaks_of_the_goals_world(rest)
        # The kind of body in the sentence that asks what KANE is: "Yhdistys voisi tulla kouluun. Onko tämä KANE
        # tavoite?" names an association before, and asks whether a matter is KANE's goal.
        parts = sentences(asked)
        if any(
            (self.intents.any_of(sentence, "kane_identity") or self._kane_named_first_and_asked(sentence))
            and self._kind_near_kane(sentence)
            for sentence in parts
        ):
            return True
        # Or in the next sentence, pointing back at KANE: "Vad är KANE för något? Är det ett politiskt parti?"
        if any(
            self.intents.any_of(first, "kane_identity")
            and self.intents.any_of(second, "kane_kinds")
            and not _IT_AS_SUBJECT.isdisjoint(folded_words(second)[:SUBJECT_REACH])
            and not self.intents.any_of(second, "kane")
            for first, second in pairwise(parts)
        ):
            return True
        if _MEANS_BY.search(asked):
            return False  # "Mitä KANE tarkoittaa järjestölähtöisyydellä?" asks what KANE means by a word
        rest = self.intents.without(self.intents.without(asked, "kane_identity"), "kane")
        # A clause of why one asks is no matter asked about: "Mikä se KANE on, ku siitä puhuttiin kylällä?" (but
        # "Mikä KANE on mieltä, kun …" and "… ja mitä se sanoo, kun …" ask about what follows).
        if not _OPINION.search(asked) and not self.intents.any_of(asked, "goal_says"):
            rest = _WHY_ONE_ASKS.split(rest, maxsplit=1)[0]
        rest = _NEVER_HEARD.sub(" ", rest)
        return not any(
            self.question_words.concepts_as_read(rest)
        ) and not self.question_words.speaks_of_the_goals_world(rest)

    def _kane_said_at(self, asked: str) -> int | None:
        """Where KANE is named as the one who has said something ("Onks KANE sanonu …", "Har KANE sagt …", "KANE on
        maininnut"), a word of saying within two words after its name; None if nowhere ("Vem har sagt att KANE är
        ett parti?" is someone else)."""
        if not self.intents.any_of(asked, "said_before"):
            return None
        written = words(asked)
        return next(
            (
                at
                for at, word in enumerate(written)
                if self.intents.any_of(word, "kane")
                and self.intents.any_of(" ".join(written[at + 1 : at + 3]), "said_before")
            ),
            None,
        )

    def _kane_named_first_and_asked(self, asked: str) -> bool:
        """ "KANE, är det politiker eller vad är det för grupp?": the message opens with KANE and asks what it is;
        not "KANE mikä se nelonen oli?" (a goal named) nor "…, är det politiker som ska bestämma?" (who does what)."""
        if not self.intents.any_of(asked, "kane_named_first"):
            return False
        # KANE first in a sentence or after a colon ("Bon, kort fråga: KANE, är det …?")
        opening = [folded_words(part)[:1] for sentence in sentences(asked) for part in sentence.split(":")]
        if not any(first and self.intents.any_of(first[0], "kane") for first in opening):
            return False
        tokens = folded_words(asked)
        return _WHO_DOES.isdisjoint(tokens) and goal_reference(asked) is None and not mentions_a_goal(asked)

    def _kind_near_kane(self, sentence: str) -> bool:
        """A kind of body within a few words of KANE's name, with no clause between: "Onks KANE joku puolue?", "Mikä
        puolue KANE on?"; not "… sosiaalinen firma haluis myydä palveluja kunnalle, onks KANE sanonu …" (the asker's
        firm) nor "Onko KANE sanonut, mitä puolue voi tehdä?" (what a party may do)."""
        written, folded = words(sentence), folded_words(sentence)
        for at, word in enumerate(written):
            if not self.intents.any_of(word, "kane"):
                continue
            before = [index for index in range(max(0, at - KIND_REACH_BEFORE), at) if folded[index] in _CLAUSE_WORDS]
            start = before[-1] + 1 if before else max(0, at - KIND_REACH_BEFORE)
            after = [
                index
                for index in range(at + 1, min(len(written), at + 1 + KIND_REACH))
                if folded[index] in _CLAUSE_WORDS
            ]
            end = after[0] if after else at + 1 + KIND_REACH
            if self.intents.any_of(" ".join(written[start:at] + written[at + 1 : end]), "kane_kinds"):
                return True
        return False

    def without_a_plain_manner(self, asked: str) -> str:
        """The question without how its answer should be worded: "Vad betyder den på enkel svenska?" asks what "den"
        means, "Selitä selkokielellä, mitä tavoite 3 tarkoittaa" what goal 3 means; clear wording is goal 4.2's matter
        only where it is what is asked ("Vad betyder det att tjänster beskrivs på enkel svenska?")."""
        if not self.intents.any_of(asked, "plain_manner") or not self.intents.any_of(asked, "meaning_asked"):
            return asked
        written, left = words(asked), self.intents.without(asked, "plain_manner").split()
        # where the way of wording begins: the first word the rest no longer has, and the words it takes
        start = next((index for index, word in enumerate(left) if word != written[index]), len(left))
        end = start + len(written) - len(left)
        if _a_clause_before(folded_words(" ".join(written[:start]))):
            return asked
        # cut from the text as written, so its sentences stay ("… Är det ett parti? Förklara med enkla ord.")
        phrase = r"\W+".join(re.escape(word) for word in written[start:end])
        return re.sub(phrase, " ", asked, count=1).strip() if phrase else asked

    def asks_kanes_view_of_nothing(self, asked: str) -> bool:
        """ "Mitä mieltä KANE on?", "Mikä on KANEn mielipide?", "Vad tycker KANE?": KANE's view, with nothing named it
        is a view of; the goals are its view ("Mitä mieltä KANE on nuorisovaltuustoista?" names a matter)."""
        if not self.intents.any_of(asked, "kane") or not _OF_SOMEONE.isdisjoint(folded_words(asked)):
            return False  # "Mitä KANE ajattelee minusta?", "Mitä mieltä KANE on asiasta?" name what it is a view of
        for lang in LANGS:
            terms = set(self.retriever.query_terms(asked, lang)) - {KANE_CONCEPT}
            if terms <= _VIEW_LEMMAS and (terms or _OPINION.search(asked)):
                return True
        return False

    def _names_kane_alone(self, asked: str) -> bool:
        """ "Kuka KANE?", "kane mikä", "Kerro KANEsta", "Ketä tää KANE oikein on?": KANE is the message's only word
        of content, however the rest is worded, and it asks nothing of what KANE says or thinks ("Mitä KANE sanoo?"
        names a word of saying, "KANEn mukaan?" a view)."""
        if not self.intents.any_of(asked, "kane") or _OPINION.search(asked):
            return False
        if self.intents.any_of(asked, "goal_says") or self.intents.any_of(asked, "kane_view"):
            return False
        return any(set(self.retriever.query_terms(asked, lang)) == {KANE_CONCEPT} for lang in LANGS)

    def asks_what_kane_takes_part_in(self, asked: str) -> bool:
        """ "Minkä strategian toteuttamisessa KANE on mukana?", "Gör KANE något annat än de här valmålen?": KANE
        taking part in work beyond the goals, wanting nothing ("Vill KANE att föreningar är med i strategin?" asks what
        KANE wants), no municipality or county's work ("Onko KANE mukana kuntien strategiatyössä?"), nothing else of
        the goals' matters asked, and the bot not spoken to or asked what it knows ("Voinko kysyä muutakin kuin
        KANEsta?"). KANE as the source of a view is no KANE taking part ("Miten asukas osallistuu KANEn mukaan?")."""
        if not self.intents.any_of(asked, "kane_taking_part"):
            return False
        own = self.intents.without(asked, "kane_view") if self.intents.any_of(asked, "kane_view") else asked
        if not self._names_kane(own) or self.bot.names_the_bot(asked) or self.bot.asks_what_the_bot_knows(asked):
            return False  # "Vet du nåt annat än KANE:s mål?" asks what the bot knows
        if self.intents.any_of(asked, "bot_knowing") or self.question_words.has_lemma_of(asked, self._wants_lemmas):
            return False
        if any(
            self._one_word_of(name, fold(word), word)
            for word in words(asked)
            for name in ("local_actors", "county_actors")
        ):
            return False
        rest = self.intents.without(own, "kane_taking_part")
        return all(found <= KANE_PART_CONCEPTS for found in self.question_words.concepts_as_read(rest))

    def asks_where_to_read_another_paper(self, asked: str, after: str = "") -> bool:
        """ "Mistä löydän sen strategian? Onko se jossain luettavissa?", "Var kan jag läsa den?": where to read a paper
        that is not the goals (whose text the bot has), nor one of a municipality or county ("Missä voin lukea Oulun
        strategian?" asks for that place's own document), nor someone to contact. ``after``: the sentences around the
        question, which may say it is to be read ("… paperi? Haluan lukea sen kokonaan.")."""
        # "Onko se jossain netissä?" asks where; "Luin jossain netissä, että …" tells where one read something.
        looked_for = self.intents.any_of(f"{asked} {after}", "reading_where") or (
            self.intents.any_of(asked, "online_where")
            and any(is_question(part) and self.intents.any_of(part, "online_where") for part in sentences(asked))
        )
        if not looked_for or self.intents.asks_whom(asked) or _READS_WHAT_IS_SAID.search(asked):
            return False
        if self._names_another_paper(asked):
            return True
        # "Haluan lukea lisää siitä kansalaisjärjestöstrategiasta. … Missä voin löytää sen?": the paper named in the
        # story, the question pointing back at it.
        if not after or not points_back(asked) or not self._names_no_owner(asked):
            return False
        return any(self._names_another_paper(sentence) for sentence in sentences(after))

    def _names_no_owner(self, text: str) -> bool:
        """No place, goal, municipality or county named: a paper of theirs is theirs or the goals'."""
        tokens, written = folded_words(text), words(text)
        if words(self._without_places(text)) != written:
            return False
        return not (
            any(names_goals(token) for token in tokens)
            or any(
                self._one_word_of(name, token, word)
                for token, word in zip(tokens, written, strict=True)
                for name in ("local_actors", "county_actors")
            )
        )

    def _names_another_paper(self, text: str) -> bool:
        """A paper named (a strategy, minutes, a document) and no one's it could be but someone else's."""
        if not self._names_no_owner(text):
            return False
        tokens = folded_words(text)
        stems = self.intents.words_either["paper_stems"]
        # "Var står det att strategin ska följas upp?" asks where a claim is written: a paper is named before it.
        tokens = tokens[: next((at for at, token in enumerate(tokens) if token in _CLAIM_WORDS), len(tokens))]
        return not self.intents.words_either["paper_words"].isdisjoint(tokens) or any(
            stem in token for token in tokens for stem in stems
        )

    def asks_whom_for_kanes_own_service(self, asked: str, before: str, lang: Lang) -> bool:
        """ "Nyt ois tarkotus kutsua joku KANEn edustaja puhumaan. Kuka sieltä vois tulla ja kehen pitäs ottaa
        yhteyttä?": whom to contact (`Intents.asks_whom`) asked of something of KANE's own told in the story before
        (a phrase of the asks' "service": a speaker, a course, a job); no organisation named in the question, which
        would be asked whom to contact there, and no matter of its own ("Osallistuin KANEn koulutukseen. Keneen otan
        yhteyttä avustusasioissa?" asks whom to ask about grants)."""
        if not before or not self.intents.asks_whom(asked):
            return False
        if not self._of_no_matter(self.intents.without(self.intents.without(asked, "contact"), "routing"), lang):
            return False
        tokens, written = folded_words(asked), words(asked)
        if words(self._without_places(asked)) != written or any(
            self._one_word_of(name, token, word)
            for token, word in zip(tokens, written, strict=True)
            for name in ("local_actors", "county_actors")
        ):
            return False
        services = self.intents.asks.get("service")
        return services is not None and any(
            services.found_in(folded_words(sentence), frozenset({0}), words(sentence)) for sentence in sentences(before)
        )

    def asks_kanes_view_of_a_decision(self, asked: str) -> bool:
        """KANE's view of a decision (a cut, a reform, a closure) asked in one sentence, a stand the goals never take:
        one of the state ("Mitä KANE ajattelee sote-uudistuksesta?", "Vad tycker KANE om att staten skär ner
        STEA-understöden?"), or one on nothing of the goals' matters, whoever decides it ("Vad anser KANE om
        skolnedläggningar?", "Vad tycker KANE om att kommunerna lägger ner byskolor?"). "Mitä KANE sanoo
        vanhusneuvoston lakkauttamisesta?", "… jos hyvinvointialue leikkaa avustuksia?" are the goals'."""
        decisions = self.intents.asks.get("decision")
        if decisions is None:
            return False
        for sentence in sentences(asked):
            tokens, written = folded_words(sentence), words(sentence)
            if not self.intents.views_kane(sentence) or not decisions.found_in(tokens, frozenset({0}), written):
                continue
            if self.intents.any_of(sentence, "national_decisions"):
                return True
            decided = decisions.covered(tokens)
            rest = " ".join(word for index, word in enumerate(written) if index not in decided)
            for name in ("kane", "kane_view", "view_asked"):
                rest = self.intents.without(rest, name)
            # "på landsbygden", "syrjäseuduilla" say where it is decided, not a barrier of taking part asked about
            matters = {concept for found in self.question_words.concepts_as_read(rest) for concept in found} - {
                BARRIERS_CONCEPT
            }
            if not any(set(self.retriever.passages_of(concept)) - {INTRO_ENTRY, KANE_ENTRY} for concept in matters):
                return True
        return False

    def names_aland(self, text: str) -> bool:
        """ "Ahvenanmaalla", "på Åland", "åländska": Åland named, in any form."""
        return self.intents.patterns["aland_named"].found_in(folded_words(text), frozenset(), words(text))

    def asks_if_it_applies_on_aland(self, asked: str) -> bool:
        """ "Gäller de här målen på Åland?", "Koskeeko tämä Ahvenanmaata?": whether something applies on Åland, which
        the goals never speak of (and which is outside the wellbeing services reform)."""
        if not self.names_aland(asked):
            return False  # the common case: few questions name Åland
        # The goals (named, pointed at, or KANE's) are what applies there: "Vem ska jag kontakta på Åland när det gäller
        # bidrag?" is routed, "Gäller kravet på gratis lokaler också på Åland?" answered from its part.
        goals = (
            names_the_goals(asked) or self.intents.any_of(asked, "goals_pointed") or self.intents.any_of(asked, "kane")
        )
        return goals and self.intents.any_of(asked, "goals_apply") and not self.intents.asks_whom(asked)

    def asks_who_made_the_goals(self, asked: str) -> bool:
        """ "Kuka nämä linjaukset on laatinut, ja kenen alaisuudessa se porukka on?", "Vem är det som har tagit fram de
        här målen, vad är det för organ?": who made the goals, named or pointed at, and nothing else asked."""
        if not (self.intents.any_of(asked, "overview_who") or self.intents.any_of(asked, "kane_kinds")):
            return False
        if not self.intents.any_of(asked, "goals_authored") or self.bot.names_the_bot(asked):
            return False  # "Kuka tämän botin on tehnyt?" asks about the bot
        scored = self.intents.phrases.get("out_of_scope")
        if scored is not None and scored.found_in(folded_words(asked)):
            return False  # "Vem gjorde målet för VPS igår?": a goal scored
        named = self.question_words.names_the_goals_or_their_names(asked)
        if not (named or self.intents.any_of(asked, "goals_pointed")):
            return False
        # The goals' other names ("linjaukset"), the kind of body and what it does ("jobbar", "gäng") ask nothing else.
        rest = asked
        for name in ("goals_names", "kane_kinds", "kane_doing"):
            rest = self.intents.without(rest, name)
        return all(
            found <= KANE_DOING_CONCEPTS | {GOALS_CONCEPT} for found in self.question_words.concepts_as_read(rest)
        )

    def goal_by_theme(self, asked: str) -> int | None:
        """The goal named by its theme in one word ("demokratiakasvatustavoite", "avgiftsfrihetsmålet"): the theme a
        word the knowledge knows as it is (no typo fixed, no compound split), every passage of its concepts in one goal
        (the introduction, which lists every goal's title, and the parts about KANE and candidates belong to none),
        and nothing else asked. Another's target ("Helsingin ilmastotavoite", "kommunens sysselsättningsmål") is no
        goal of KANE's, nor is a question about one matter of it ("Mitä demokratiakasvatustavoite sanoo kouluista?")."""
        written = words(asked)
        if words(self._without_places(asked)) != written:
            return None
        goals: set[int] = set()
        named: set[str] = set()
        for index, word in enumerate(written):
            for theme in goal_themes(word):
                owner = written[index - 1] if index else ""
                if owner and self._names_an_owner(owner):
                    return None
                for lang in LANGS:
                    for head in {theme, theme.removesuffix("s")}:  # "avgiftsfrihets|målet" joins with -s-
                        if not self.retriever.known(head, lang):
                            continue
                        for concept in self.retriever.concepts_as_written(head, lang):
                            named.add(concept)
                            goals |= self._goals_of(concept)
        if len(goals) != 1:
            return None
        rest = " ".join(word for word in written if not goal_themes(word))
        asked_besides = set().union(*self.question_words.concepts_as_read(rest)) if rest else set()
        return next(iter(goals)) if asked_besides <= named | OVERVIEW_CONCEPTS else None

    def goal_named_by_its_matter(self, asked: str, matches: Sequence[Match]) -> int | None:
        """The goal the words around the goal's word name ("demokratiakasvatusta koskeva tavoite", "målet om
        demokratifostran"): the one goal all their matters belong to, or, where that is more than one ("järjestö-
        kumppanuutta koskeva tavoite": partnership is in goals 1 and 4), the one of them whose part retrieval found
        first. None where the matters belong to different goals ("… demokratiakasvatusta koskevan tavoitteen toisen
        kohdan selkeästi", "i målet om demokratifostran för upphandlingen") or to none."""
        written = words(asked)
        near: set[int] = set()
        for index, word in enumerate(written):
            if mentions_a_goal(word) or goal_themes(word):
                near.update(range(max(0, index - THEME_REACH), index + THEME_REACH + 1))
        span = " ".join(written[index] for index in sorted(near) if index < len(written))
        shared: set[int] | None = None
        for found in self.question_words.concepts_as_read(span) if span else ():
            for concept in found - OVERVIEW_CONCEPTS:
                goals = self._goals_of(concept)
                if goals:
                    shared = goals if shared is None else shared & goals
        if not shared:
            return None
        if len(shared) == 1:
            return next(iter(shared))
        first = next((match.entry.goal for match in matches if match.entry.goal is not None), None)
        return first if first in shared else None

    def _goals_of(self, concept: str) -> set[int]:
        """The goals whose parts a concept's passages are (the introduction, KANE and the candidates belong to none)."""
        return {
            entry.goal
            for entry_id in self.retriever.passages_of(concept)
            if (entry := self.retriever.entry(entry_id)) is not None and entry.goal is not None
        }

    def _names_an_owner(self, word: str) -> bool:
        """Is the word a municipality, county or association (whose own target a goal word may name)?"""
        return self.intents.any_of(word, "associations") or any(
            self._one_word_of(name, fold(word), word) for name in ("local_actors", "county_actors")
        )

    def about_the_goals(self, asked: str) -> bool:
        """ "Mitä tavoitteissa sanotaan …", "Vad säger KANE om …": a question about what the goals say."""
        return self.intents.any_of(asked, "goals_frame") or self.intents.any_of(asked, "kane")

    def asks_for_all_goals(self, asked: str, lang: Lang, fact: str | None = None) -> bool:
        """ "Voitko luetella kaikki neljä tavoitetta?", "Vilka är målen?", "Montako tavoitetta kunnille on?", "Mitä
        KANE haluaa kunnilta näissä vaaleissa?": the goals or KANE's wishes named, no one goal, and nothing asked
        besides what every goal is about (municipalities, counties, the elections). ``fact``: the kind of fact the
        question asks for (`Intents.asked_fact`), which only a count of the goals themselves ("amount") may. The asker
        wanting to know ("Minä haluan tietää mikä on KANE?") is no wish of KANE's."""
        goals_named = names_the_goals(asked)
        # The goals' everyday names ("päälinjat", "önskelistan") name them too, unless a fact is asked.
        # Every word's lemmas, stop words kept ("vill" is one): for the goals' names and KANE's wishes.
        own = self.intents.without(asked, "asker_wants") if self.intents.any_of(asked, "asker_wants") else asked
        said = {lemma for word in words(own) for lemma in self.retriever.word_terms(word, lang, corrected=False)}
        named = said & self.question_words.goal_names[lang] if fact is None else set()
        kane = self.intents.any_of(asked, "kane") or bool(said & self._kane_lemmas[lang])
        # "ne neljä juttua", "de fyra grejerna"; "vilka fyra saker" only with KANE named
        four = self.intents.names_four_goals(asked, names_goals, which=kane)
        if not goals_named and not named and not kane and not four:
            return False
        if goal_reference(asked) is not None or fact not in (None, COUNT_FACT):
            return False  # "När gjorde KANE de här målen?" asks for a date, not for the goals
        if fact == COUNT_FACT and not _counts_the_goals(asked):
            return False  # "Montako kuntaa on toteuttanut nämä tavoitteet?" counts municipalities
        if self.intents.any_of(asked, "one_goal_asked"):
            return False  # "Vilket av målen handlar om det?" asks for one of them
        if self.bot.browses_the_goals(asked):
            return False  # "Kan jag få se målen en och en?" asks how the bot shows them one at a time
        rest = " ".join(word for word in words(own) if not names_goals(word))
        for frame in ("all_goals", "goals_frame", "kane"):
            rest = self.intents.without(rest, frame)
        terms = set(self.retriever.query_terms(rest, lang)) - self._kane_lemmas[lang]
        if terms & self._election_lemmas[lang]:
            terms -= self._election_body_lemmas[lang]  # "Mihin vaaleihin nämä on? Eduskunta vaali?"
        no_matter = four and self._four_of_no_matter(rest, terms, lang)
        if no_matter:
            # "lol vilka e dom fyra målen i korthet, har tent imorn": all four, nothing of what they say; not why
            # there are four, nor how the bot shows or shares them ("Hur bläddrar jag mellan alla fyra målen?", "Hur
            # delar jag de fyra målen?"), nor what the bot can do
            bots = self.intents.any_of(asked, "bot_names") or self.intents.any_of(asked, "share")
            # "… ja kenelle?": what they were written for and whom is what the introduction says, not why four
            why_four = self.intents.any_of(asked, "reasons") and not _FOR_WHOM.search(asked)
            return not (bots or why_four) and self.bot.help_task(asked) is None
        if goals_named or named:  # "Vad vill KANE uppnå med sina mål inför valet?" asks what all of them want
            return terms - self.question_words.goal_names[lang] <= self._scope_lemmas[lang] | self._wants_lemmas[lang]
        if fact is not None:
            return False  # "Montako kuntaa on tehnyt sen, mitä KANE vaatii?" counts municipalities, not the goals
        wishes = said & self._wants_lemmas[lang]
        return bool(wishes) and terms - wishes <= self._scope_lemmas[lang]

    def _four_of_no_matter(self, rest: str, terms: set[str], lang: Lang) -> bool:
        """Does what is left of a question naming the four goals name none of their matters? "Vilka fyra saker vill
        KANE att kommunerna ska fixa?": whom the goals are for (municipalities, counties, the elections), KANE's
        wishes and everyday "do" are no matter of one goal ("hoitaa kuntoon" is no functional capacity)."""
        if self._of_no_matter(rest, lang):
            return True
        undone = " ".join(
            word
            for word in words(rest)
            if self._doing_lemmas[lang].isdisjoint(self.retriever.word_terms(word, lang, corrected=False))
        )
        return (
            not set(self.retriever.concepts_in(undone, lang)) - {GOALS_CONCEPT, KANE_CONCEPT}
            and terms - self.question_words.goal_names[lang] - self._four_lemmas[lang]
            <= self._scope_lemmas[lang] | self._wants_lemmas[lang] | self._doing_lemmas[lang]
        )

    def names_only_kane_or_the_goals(self, asked: str, lang: Lang) -> bool:
        """ "Onko KANE ottanut tähän kantaa?", "Står det något om det i målen?": KANE or the goals named, and none of
        their matters (what is asked about is elsewhere, in the sentences before)."""
        intents = self.intents
        if not (intents.any_of(asked, "kane") or names_the_goals(asked) or intents.any_of(asked, "goals_frame")):
            return False
        rest = asked
        for frame in ("goals_frame", "kane", "kane_view"):
            rest = self.intents.without(rest, frame)
        return self._of_no_matter(rest, lang)

    def points_back_past_kane(self, asked: str) -> bool:
        """Does the question point back at something other than KANE? "Mikä tämä KANE oikein on?" and "mikä KANE on
        ja mihin se pyrkii?" point at KANE; "Onko KANE ottanut tähän kantaa?" at what was told before."""
        named = self.intents.words_either["kane"] | self.intents.words_either["bot_names"]
        return points_back(" ".join(word for part in sentences(asked) for word in past_kane(folded_words(part), named)))

    def _of_no_matter(self, rest: str, lang: Lang) -> bool:
        """Does ``rest`` name none of the goals' matters (premises, the young, grants …) and nothing of their world?"""
        named = set(self.retriever.concepts_in(rest, lang)) - {GOALS_CONCEPT, KANE_CONCEPT}
        return not named and not self.question_words.speaks_of_the_goals_world(rest)

    def on_theme(self, asked: str, matches: list[Match]) -> bool:
        """Is the question about the goals' matters at all (not the weather or a recipe)?"""
        return not self.everyday(asked) and (
            self.suggestion(matches) is not None or self.about_the_goals(asked) or self.intents.any_of(asked, "domain")
        )

    def forget(self) -> None:
        """Forget the messages read so far (to measure what a new question costs)."""
        self.bot.forget()
        self._everyday.cache_clear()
        self._overview.cache_clear()
        self._kane_doing.cache_clear()

    def everyday(self, asked: str) -> bool:
        """Does the question speak of everyday matters outside the goals? A word of the list counts in any form the
        lexicon knows ("veroa", "verot" are "vero"; "puhelimeni" is "puhelin"), not only as written."""
        return self._everyday(asked)

    def asks_an_everyday_thing(self, asked: str) -> bool:
        """ "Mikä bussi menee Kokkolasta Kannukseen?", "Hur många mål gjorde Jaro?": a phrase of the out-of-scope list
        asks an everyday thing, whatever word of the goals it shares ("bussi"); the goals or KANE named keep it
        theirs."""
        phrases = self.intents.phrases.get("out_of_scope")  # folded, as the list's other words are matched
        everyday = phrases is not None and phrases.found_in(folded_words(self._without_places(asked)))
        if not (everyday or self.intents.any_of(asked, "own_booking") or _STATE_OF_A_BOOKING.search(asked)):
            return False
        # "Mikä bussi pitäisi järjestää syrjäkylien nuorille?" asks what should be done, which is the goals' matter.
        return not (self.about_the_goals(asked) or self.intents.any_of(asked, "normative"))

    def _find_everyday(self, asked: str) -> bool:
        asked = self._without_places(asked)  # "Kökar" is a municipality, not a kitchen ("kök")
        asked = _SPOKEN_YOU.sub(" ", asked)
        return self.intents.everyday(asked) or self.question_words.has_lemma_of(asked, self._everyday_lemmas)

    def names_an_everyday_compound(self, asked: str) -> bool:
        """Does a word of the question end in an everyday word (`_ends_in_an_everyday_word`)? Read only where little
        else speaks (a help entry grazed): as a rule of its own it took "neuvottelu|pöydän" for a table and
        "poro|matkailussa" for a trip."""
        return any(self._ends_in_an_everyday_word(word) for word in words(asked))

    def _ends_in_an_everyday_word(self, word: str) -> bool:
        """ "karjalanpiirakoihin", "ohrarieskaan": a long Finnish compound the lexicon does not know whose last part
        is an everyday word in any form ("piirakoihin" is "piirakka"), which no prefix of the list finds."""
        folded = fold(word)
        if len(folded) < MIN_EVERYDAY_COMPOUND or self.retriever.known(word, "fi") or self.retriever.known(word, "sv"):
            return False
        everyday, prefixes = self._everyday_lemmas["fi"], self.intents.everyday_prefixes
        for cut in range(MIN_EVERYDAY_HEAD, len(folded) - MIN_EVERYDAY_TAIL + 1):
            tail = folded[cut:]
            if tail.startswith(prefixes) or any(
                lemma in everyday for lemma in self.retriever.word_terms(tail, "fi", corrected=False)
            ):
                return True
        return False

    @staticmethod
    def suggestion(matches: list[Match]) -> str | None:
        """The closest entry, if it is close enough to offer."""
        return matches[0].entry.id if matches and matches[0].score >= SUGGEST_THRESHOLD else None

    @staticmethod
    def related(match: Match) -> bool:
        """Close enough to offer as a related entry ("see also")."""
        return match.score * match.coverage >= ANSWER_THRESHOLD

    def evidence(self, asked: str, matches: list[Match]) -> Evidence | None:
        """What decides whether the best match answers the question (None without any match)."""
        if not matches:
            return None
        best = matches[0]
        runner_up = matches[1].score if len(matches) > 1 else 0.0
        # Association experience together with running for a council names the candidates' part, and two levels of
        # administration with "between" goal 3.3, those who run with how they behave the candidates' dialogue,
        # whatever the words (`search` brings them first): such a combination is evidence of its own.
        combined = (
            (best.entry.id == CANDIDATES_ENTRY and self._asks_about_experience_for_office(asked))
            or (best.entry.id == LEVELS_ENTRY and self._asks_between_levels(asked))
            or (best.entry.id == COUNCILS_OF_GROUPS_ENTRY and self._names_a_council_of_a_group(asked))
            or (best.entry.id == PAID_WORK_ENTRY and self._pays_for_volunteering(asked))
            or (best.entry.id == CLEAR_SERVICES_ENTRY and self._asks_offerings_told_clearly(asked))
            or (best.entry.id == TRIPARTITE_ENTRY and self._names_three_parties_together(asked))
            or (best.entry.id == PANELS_ENTRY and self._describes_a_residents_panel(asked))
            or (best.entry.id == ACCESS_ENTRY and self.asks_what_eases_taking_part(asked))
            or (best.entry.id == INTRO_ENTRY and self.asks_for_an_overview(asked))
            or (best.entry.id == KANE_ENTRY and self._asks_what_kane_does(asked))
            # those who run and how they talk, meet people or earn trust, and nothing of who is nominated
            or (best.entry.id == CANDIDATES_DIALOGUE_ENTRY and self._asks_how_candidates_behave(asked))
            or (_is_background(best) and self._reasons_asked_of(asked) == best.entry.id)
        )
        # An everyday word inside such a combination is part of the matter ("ettei viesti katkea matkalla"); not beside
        # how candidates behave, where it is what is asked ("Vilka kläder ska en kandidat ha på sig i valdebatten?"),
        # nor beside getting somewhere ("Osallistuuko kaupunki matkakuluihin, jos lähden yhdistyksen mukana?").
        part_of_the_matter = (
            combined and best.entry.id not in (CANDIDATES_DIALOGUE_ENTRY, ACCESS_ENTRY)
        ) or self._sold_by_associations(asked, best.entry.id)
        return Evidence(
            score=best.score,
            coverage=best.coverage,
            margin=best.score - runner_up,
            named=best.named,
            terms=best.terms,
            everyday=self.everyday(asked) and not part_of_the_matter,
            framed=self.about_the_goals(asked),
            domain=self.intents.any_of(asked, "domain"),
            consensus=len(matches) > 1 and best.entry.goal is not None and matches[1].entry.goal == best.entry.goal,
            combined=combined,
            # "Varför lönar det sig för en ort att stöda föreningar?": a goal's background gives its reasons, so a
            # question asking why that meets one is likelier right than its words alone say.
            reasons=_is_background(best) and self.intents.any_of(asked, "reasons"),
        )

    def _sold_by_associations(self, asked: str, entry_id: str) -> bool:
        """Does the question name associations and the market concepts of its best entry (`MARKET_CONCEPTS`)?"""
        market = MARKET_CONCEPTS.get(entry_id)
        if market is None or not self.question_words.lemmas_in(asked, self._association_lemmas):
            return False
        if entry_id == BUSINESS_ENTRY:
            # selling to a public buyer ("myy sotelle siivousta"): not an association's film night, nor a discount
            # given to it
            tokens, written = folded_words(asked), words(asked)
            if not (
                self.intents.patterns["selling"].found_in(tokens, frozenset(), written)
                and self._names_a_public_buyer(asked)
            ):
                return False
            market = market | {BUSINESS_CONCEPT}
        return any(found & market for found in self.question_words.concepts_as_read(asked))

    def _names_a_public_buyer(self, asked: str) -> bool:
        tokens, written = folded_words(asked), words(asked)
        return any(
            self.intents.patterns[name].found_in(tokens, frozenset(), written)
            for name in ("local_actors", "county_actors")
        )

    def chance(self, evidence: Evidence | None) -> float:
        """The estimated chance that the best match is right. A question about everyday matters (the weather,
        passports) must also match strongly: the model has seen too few of them to be trusted alone there, also
        where an association or a municipality is named ("Hur kan kommunen spara pengar på skolmaten?")."""
        if evidence is None:
            return 0.0
        chance = self.calibration.chance(evidence)
        if evidence.everyday and evidence.score * evidence.coverage < STRONG_THRESHOLD:
            chance = min(chance, self.calibration.threshold / 2)
        if evidence.score < MIN_LIKELY_SCORE and not evidence.combined:
            # "Mitä siinä tarkalleen sanotaan?": words that only frame a question, each found somewhere in an entry,
            # cover it whole while it shares almost nothing with any; it leans on what came before. A combination
            # read for its entry ("Luettelisitko ne tähän?" after asking for the goals) is evidence of its own.
            chance = min(chance, self.calibration.threshold / 2)
        return chance

    def follows_up_on_a_place_only(self, asked: str, lang: Lang) -> bool:
        """ "Entä Oulu?", "Entäs Tampereella?": a follow-up naming only a place, which asks nothing on its own."""
        if not self.intents.any_of(asked, "follow_up"):
            return False
        without = self._without_places(asked)
        return without != asked and not self.retriever.query_terms(self.intents.without(without, "follow_up"), lang)

    def asks_what_is_wished_of_a_candidate(self, asked: str, lang: Lang) -> bool:
        """ "Jag är kandidat i välfärdsområdesvalet, vad förväntar sig KANE av mig?", "Mitä KANE odottaa minulta
        ehdokkaana?": KANE's wishes asked of the asker as a candidate, and nothing else asked."""
        if not (self.intents.any_of(asked, "candidate_self") and self._names_kane(asked)):
            return False
        said = {lemma for word in words(asked) for lemma in self.retriever.word_terms(word, lang, corrected=False)}
        if not said & self._wants_lemmas[lang]:
            return False
        read = self.question_words.concepts_as_read(asked)
        # "Asetun ehdolle …": running named as a nomination
        return any(CANDIDATES_CONCEPT in found for found in read) and all(
            found <= {CANDIDATES_CONCEPT, NOMINATIONS_CONCEPT, KANE_CONCEPT, GOALS_CONCEPT, *ELECTION_CONCEPTS}
            for found in read
        )
