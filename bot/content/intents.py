"""Small word lists (knowledge/intents.yaml) that tell what kind of message arrived before any search."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.core.disk_cache import DiskCache
from bot.core.lang import LANGS, Lang
from bot.core.text import fold, folded_words, sentences, sub_words, words
from bot.core.yamlfile import Problem, display_path, read_yaml

INTENT_NAMES = (
    "kane_members",
    "which_ones",
    "said_before",
    "told_clearly",
    "understood",
    "offerings",
    "plain_manner",
    "meaning_asked",
    "teaching",
    "online_where",
    "as_basis",
    "facts_named",
    "effect_on",
    "greeting",
    "thanks",
    "routing",
    "routing_who",
    "routing_duty",
    "indefinite",
    "out_of_scope",
    "homework",
    "about_bot",
    "bot_use",
    "share",
    "monitoring",
    "comes_true",
    "browsing",
    "one_by_one",
    "four_goals",
    "duty_words",
    "chosen_words",
    "applying_forms",
    "which_four",
    "goals_doing",
    "election_bodies",
    "elections_named",
    "goal_things",
    "those_four",
    "aland_named",
    "goals_apply",
    "panel_people",
    "panel_group",
    "deliberating",
    "kane_reach",
    "bot_names",
    "service_words",
    "contact_details",
    "kane_role",
    "kane_taking_part",
    "asker_wants",
    "asking_lead",
    "bot_knowing",
    "reading_where",
    "paper_words",
    "paper_stems",
    "this_service",
    "fillers",
    "follow_up",
    "candidate_self",
    "bot_scope",
    "place_where",
    "help_call",
    "thanked_for",
    "price_words",
    "goals_frame",
    "goal_says",
    "all_goals",
    "goals_scope",
    "kane_wants",
    "kane_addressed",
    "reasons",
    "overview",
    "overview_who",
    "goals_authored",
    "goals_pointed",
    "kane_doing",
    "represented_groups",
    "group_bodies",
    "candidacy",
    "sent_questions",
    "question_counts",
    "question_counts_seen",
    "contact_finding",
    "contact_someone",
    "fear",
    "working_together",
    "manages",
    "alone",
    "one_goal_asked",
    "speaking_up",
    "payer_asked",
    "grant_words",
    "questions_arrived",
    "own_sending",
    "sent_elsewhere",
    "goals_names",
    "place_now",
    "rumour_checked",
    "shut_out",
    "what_to_write",
    "seeing",
    "goals_purpose",
    "own_case",
    "languages_named",
    "selling",
    "own_forgetting",
    "erasing",
    "kane_named_first",
    "numbered_things",
    "own_booking",
    "place_example",
    "place_documents",
    "place_owners",
    "place_document_says",
    "place_obliged",
    "kane_advice",
    "kane_gives",
    "money_words",
    "comparing",
    "between",
    "local_actors",
    "county_actors",
    "state_actors",
    "levels_named",
    "advisory_bodies",
    "telling",
    "passing",
    "associations",
    "kane",
    "kane_view",
    "kane_opinion",
    "view_asked",
    "national_decisions",
    "kane_identity",
    "kane_kind_asked",
    "kane_kinds",
    "form_words",
    "form_asks",
    "form_change",
    "conditional",
    "implication",
    "hedge",
    "applying",
    "entering_office",
    "place_could",
    "office_role",
    "domain",
    "normative",
    "contact",
    "contact_who",
    "role_who",
    "role_which",
    "role_copula",
    "person_roles",
    "role_clause_end",
    "contact_person",
    "which_place",
    "place_nouns",
    "befalling_what",
    "befalling",
    "befalling_good",
    "befalling_if",
    "choosing",
    "choosing_or",
    "choosing_better",
    "standing_must",
    "standing_party",
    "standing_anyone",
    "standing_run",
    "standing_may",
    "standing_vote",
    "standing_vote_particles",
    "standing_purpose",
    "asking_joined",
    "asking_joined_not",
    "asking_mistyped",
    "forced_if",
    "lead_in",
    "vote_whom",
    "vote_for",
    "source_where",
    "source_seeking",
    "source_money",
    "bot_medium",
    "asker",
    "purpose",
    "smalltalk",
)
# What kind of fact a question asks for, when the goals hold no such facts (knowledge/intents.yaml, `asks`).
# The order matters where phrases overlap: "hur stor andel" is a statistic before it is an amount.
ASKED_FACTS = (
    "date", "statistics", "amount", "person", "procedure", "party", "law", "consequence",
    "funding", "service", "measure", "comparison", "ranking", "document", "product", "decision", "definition",
)  # fmt: skip


_MARKED = frozenset("äöå")
# A role or a document named in what someone should do or have ("Pitäisikö kouluissa olla enemmän opetusmateriaalia
# …?") is the goals' matter, not the thing itself asked for. (Which product is asked for even with "kannattaa".)
ROLE_KINDS = frozenset({"person", "document"})
# Which app, system, course or book ("Mitä digitaalista osallistumissovellusta …?", "Vilket informationssystem …?",
# "Vilken kurs ska ledamöterna gå?", "Mitä varausjärjestelmää …?"): a which-word at most WHICH_APP_WINDOW words
# before the name of such a thing (folded): one by name, which the goals never give. "Mitä KANE sanoo sovelluksista?"
# asks what the goals say, and training ("koulutus", "utbildning") is the goals' own word; a system only as a
# compound ("informationssystem", "varausjärjestelmä"): "Vilket system för samarbete …?" asks for a way of working; a
# platform too ("osallistumisalusta"), never "alusta" alone (from the start) or a short head ("ruokalusta").
_APP_WORD = re.compile(
    r"^(?:\w*sovellu(?:s|sta|kset|ksia|ksella)|appi|appia|(?:\w{5,})?app(?:en|ar|arna)?"  # not "Lappi", "knapp"
    r"|\w+jarjestelma(?:a|n|t|ssa|lla)?|\w*ohjelmisto(?:a|n|t|ssa|lla)?"
    r"|(?:\w*digi|\w{5,})alust(?:a|aa|an|alla|oja|oilla|at)"
    r"|\w*tyokalu(?:a|n|t|ja)?|kurssi(?:a|n|t|lla|lle)?|kursseja|oppikirja(?:a|n|t)?|kirja|kirjan"
    r"|(?:\w{4,})?kurs(?:en|er|erna)?|\w+system(?:et)?|\w*plattform(?:en)?|\w*verktyg(?:et)?|(?:\w*laro)?bok(?:en)?"
    r"|(?:\w*laro)?bocker(?:na)?|oppikirjaa)$"
)
_WHICH = frozenset({"mika", "mitka", "milla", "minka", "vilken", "vilket", "vilka"})
# "Mitä" asks which only of an app in the partitive ("Mitä sovellusta …?"); "Mitä hyötyä sovellus tuo?" does not.
_WHICH_OF_PARTITIVE = frozenset({"mita"})
_PARTITIVE_APP = (
    "sovellusta", "appia", "jarjestelmaa", "ohjelmistoa", "alustaa", "tyokalua", "kurssia", "oppikirjaa",
    # plural ("Mitä osallistumisalustoja …?")
    "sovelluksia", "alustoja", "tyokaluja", "kursseja",
)  # fmt: skip
# Which goal speaks of a thing ("Mikä tavoite koskee kursseja?", "Vilket mål gäller bokningssystem?") asks no product.
_GOAL_AFTER_WHICH = re.compile(r"^(?:tavoi?o?t\w*|mal|malet|malen|malsattning\w*)$")
WHICH_APP_WINDOW = 3
# Swedish "kurs" is also a heading ("vilken kurs styr den på", "vilken kurs håller kommunen"), folded.
_STEERING = frozenset({"styr", "styra", "styrde", "haller", "halla", "holl", "andrar", "satter", "lagger", "byter",
                       "tar", "tog"})  # fmt: skip
STEERING_REACH = 2
# A web address ("otakantaa.fi", "www.kerrokantasi.hel.fi", "Otakantaa.fi-palvelussa"), not an e-mail address.
_WEB_ADDRESS = re.compile(
    r"(?<![@\w.])(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,3}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:fi|ax|com|org|net|eu|io))"
    r"(?![a-zåäö])",
    re.IGNORECASE,
)
# Spoken "koska" asks when ("Koska halli valmistuu?", "Tietääkö kukaan, koska se halli valmistuu?") where it opens
# a question, alone or after asking who knows, with no comma after it (and no second clause: `_koska_asks_when`);
# "Koska meillä ei ole tiloja, voiko kunta auttaa?" gives a reason, and "Onko se tärkeää, koska …?" too.
_KOSKA_ASKS_WHEN = re.compile(
    r"^(?:(?:tietääkö|tietääks|tiedätkö|tiedäks|tiiätkö|tiiäks|tiäkkö|tiedättekö|tietäisikö|tietäiskö|tietäsköhän"
    r"|tiedetäänkö|onko\s+tietoa|onks\s+tietoo|osaako\s+joku\s+sanoa|osaatko\s+sanoa|osaatteko\s+sanoa)"
    r"(?:\s+(?:kukaan|joku|kenelläkään|sie|sä|te))?\s*,?\s+)?(koska|koskas|koskahan)\s+[^,]*\??$",
    re.IGNORECASE,
)
# The verbs a Swedish question puts right after "när" (a question puts its verb second).
_NAR_VERB = (
    r"(?:ska|skall|kan|får|far|måste|bör|kommer|går|gar|blir|är|ar|e|börjar|slutar|öppnar|stänger|startar|hålls|hölls"
    r"|sker|skedde|gäller|infaller|löper|var|blev|kom|kunde|skulle|fick|har|hade|\w+(?:ades|des|tes|ogs|evs))"
)
# A question opened by Swedish "när", its verb right after it and no comma in it, asks when ("När öppnar Vasa nästa
# invånarenkät?", "Vet ni när börjar …?"); "När kommunen stänger lokalen, vad kan vi göra?" and "När föreningar
# saknar lokaler borde kommunen …?" say when something happens, the subject after "när".
_NAR_ASKS_WHEN = re.compile(
    rf"^(?:(?:vet|veit|vett)\s+(?:du|ni|någon|nån|int|inte)\s+)?när\s+{_NAR_VERB}\b[^,;–—]*\?$", re.IGNORECASE
)
# ... and "när" opening the last clause with a verb right after it ("Hinner vi ännu söka, när går tiden ut?", "vem
# skrev målen och när godkändes de"); "…, när det är dags?" has its subject there and tells when.
_NAR_LAST_CLAUSE = re.compile(
    rf"(?:[,;]\s*|\boch\s+)n[aä]r\s+{_NAR_VERB}\b[^,;.!?]*\??\s*$",
    re.IGNORECASE,
)
# After a reason's "koska" a second clause asks the question ("Koska meillä ei oo tiloja voiko kunta auttaa?", "…
# niin kenelle voin soittaa?"): a question word, a verb asking (-ko/-kö, spoken -ks) or "niin" after it.
_SECOND_CLAUSE_WORDS = frozenset({
    "mita", "miten", "mika", "mitka", "kuka", "ketka", "kenelle", "keneen", "kenen", "mista", "mihin", "missa",
    "miksi", "miks", "niin", "nii", "sanooko", "sanoko",
})  # fmt: skip
_ASKING_VERB_ENDINGS = ("ko", "ks", "kos", "kohan")
_KOSKA = frozenset({"koska", "koskas", "koskahan"})
# What follows "että" or "jos" is asked inside the when ("koska kaupunki päättää et saadaanks me sali"), no second
# clause. Without a question mark only such an embedded ask makes "koska" ask when; a reason is told without one.
_EMBEDDING = frozenset({"etta", "et", "jos", "ett"})
_REASON_MARKS = frozenset({"ei", "eika", "en", "emme", "ette", "eivat", "me", "meilla", "meil", "ma", "mina", "mulla",
                           "minulla", "meidan", "meijan", "meiran", "meian"})  # fmt: skip


def _koska_asks_when(sentence: str) -> bool:
    """ "Koska halli valmistuu?", "Tietääkö kukaan, koska se avataan?": spoken "koska" opening a question asks when,
    unless a second clause follows it (`_SECOND_CLAUSE_WORDS`), which a reason's "koska" needs."""
    found = _KOSKA_ASKS_WHEN.match(sentence)
    if found is None:
        return False
    after = [fold(word) for word in words(sentence[found.start(1) :])][1:]
    own = after[: next((at for at, word in enumerate(after) if word in _EMBEDDING), len(after))]
    if not sentence.rstrip().endswith("?") and (len(own) == len(after) or not _REASON_MARKS.isdisjoint(own)):
        return False  # "Koska meillä ei oo tiloja": a reason; unasked, only "koska X päättää et …" asks when
    return not any(
        word in _SECOND_CLAUSE_WORDS or (len(word) > 4 and word.endswith(_ASKING_VERB_ENDINGS)) for word in own
    )


PATTERN_LISTS = (
    "form_asks", "form_change", "conditional", "implication", "hedge", "local_actors", "county_actors", "state_actors",
    "levels_named", "passing", "overview", "sent_questions", "own_sending", "kane_doing", "represented_groups",
    "group_bodies", "advisory_bodies", "telling", "kane_gives", "money_words", "kane_advice", "place_obliged",
    "payer_asked", "grant_words", "fear", "working_together", "speaking_up", "aland_named", "panel_people",
    "panel_group", "deliberating", "effect_on", "facts_named", "teaching", "numbered_things", "selling",
    "told_clearly", "understood", "offerings", "kane_members", "source_money", "befalling_if", "lead_in",
    "standing_must", "standing_party", "standing_anyone", "standing_run", "standing_may", "standing_vote",
    "standing_purpose", "vote_whom", "vote_for", "forced_if", "manages", "alone",
)  # fmt: skip
# More or less, and how much (folded): "enemmän euroja" asked as a should is no sum; "paljonko enemmän" is.
_MORE_OR_LESS = frozenset({
    "enemman", "enempi", "lisaa", "vahemman", "mer", "mera", "meir", "mindre", "fler",
    # enough, as goal 1.2's "adequately resourced": "sätta av tillräckligt med pengar i budgeten"
    "tillrackligt", "tillrackliga", "riittavasti", "tarpeeksi",
})  # fmt: skip
_HOW_MUCH = frozenset({"paljonko", "paljonks", "paljoks", "paljokos", "paljonkos", "paljonkohan", "paljoko", "kuinka",
                       "kui", "miten", "montako", "montaks", "moniko", "hur", "huru", "hu"})  # fmt: skip
# "Opettaako koulu lapsille, miten yhteiskunta toimii ja miten äänestetään?": a word of teaching this close before a
# how of voting or having a say (folded stems) makes it what is taught.
TEACHING_REACH = 8
_VOTING_STEMS = ("aanest", "vaikut", "rost", "paverk")
# "vaikuttaako se siihen, kuinka moni …", "hur påverkar en lugn och saklig valkampanj hur många …": a word of effect
# this close before "how many" makes it what is affected, unless a clause is joined on just before it (folded).
EFFECT_REACH = 6
# How far after "who" a verb of being and the role it names may stand ("kuka meiän kunnas on se … vetäjä").
ROLE_REACH = 8
_CLAUSE_JOINS = frozenset({"ja", "seka", "och", "samt", "eli", "enta"})
# KANE as who gives money: a word of giving this close to "KANE", money this far after it, in one clause (a colon or
# a full stop inside a word, "VPK:lle", breaks none).
KANE = "kane"
KANE_GIVES_BEFORE = 1
# Money got from KANE: "KANElta", "av/från KANE", with a word of getting in the clause.
_FROM_KANE_FI = "kanelta"
_FROM_WORDS_SV = frozenset({"av", "fran"})
MONEY_FROM_KANE = 3  # "pengar direkt av KANE", "KANElta saada avustusta"
# KANE as who has money ("Onko KANElla omaa rahaa jaettavaksi?", "Har KANE egna pengar?"): the adessive, or "har"
# beside the name, and a word of money this close after it.
_KANE_HAS_FI = frozenset({"kanella", "kanel", "kanellakin", "kanellako"})
_HAS_SV = frozenset({"har", "hade", "ha"})  # "ha" as dialect and learners write "har": "Ha KANE en egen pott?"
# Its own money, or money to give: "KANElla omaa rahaa", "KANE egna pengar" (folded). Without them "Har KANE några
# krav på bidragen?" and "Onko KANElla sanottavaa avustuksista?" ask what KANE says of grants.
_OWN = frozenset({"oma", "omaa", "omia", "omat", "oman", "itse", "itella", "itellaan", "itellaa", "itsellaan",
                  "egna", "eget", "egen", "sjalv", "sjalva"})  # fmt: skip
# What may stand between KANE and the money it has ("Onko KANElla jotain omaa rahaa", "Har KANE några egna pengar")
# (folded): a word of its own view or wish there ("Har KANE synpunkter på bidrag …") asks what it says of grants.
_BEFORE_ITS_MONEY = frozenset({"nagra", "nagot", "nan", "nat", "na", "lite", "mycket", "jotain", "jotai", "jotakin",
                               "joku", "jokin", "mitaan", "mitaa",
                               "yhtaan", "paljon", "vahan", "nyt", "viela", "viel", "ens", "alls", "nagon", "ollenkaan",
                               "on", "ois", "olis", "oikein", "en", "ett"})  # fmt: skip
MONEY_KANE_HAS = 4
_BETWEEN_KANE_AND_MONEY = _OWN | _BEFORE_ITS_MONEY | _HAS_SV
_GETTING = frozenset({
    "saada", "saa", "saako", "saisi", "saisiko", "saiskohan", "saaks", "saamme", "saammeko", "saan", "saanko",
    "hakea", "haetaan", "hakee", "pyytaa", "fa", "far", "fick", "soka", "soker", "ansoka", "ansoker",
})  # fmt: skip
# A who-word at most this far after a verb of telling is what is told ("kertoa selvästi, mistä …").
TOLD_AFTER = 3
# Spoken Finnish and Swedish put a determiner before a name ("Jakaako se KANE ite rahaa?", "Ger den där KANE …"):
# the word of giving then stands one word further back for each (at most two).
_BEFORE_A_NAME = frozenset({"se", "tuo", "toi", "tama", "taa", "den", "dar", "sjalva"})
KANE_GIVES_AFTER = 2
KANE_MONEY_AFTER = 8
_CLAUSE_PUNCTUATION = re.compile(r"[,;!?–—]|[:.](?=\s|$)")
MIN_PURPOSE_INDEX = 3  # "Är det så att …", "Onko niin että …" open a question, not a clause of purpose
BEFALL_REACH = 3  # "Mitä meidän seuralle sitten käy, jos …?": the verb after the what and at most two words
MIN_MISTYPED = 5  # a typo is forgiven in question words of five letters or more ("milloi", "mykket")
MIN_JOINED_REST = 4  # "mitenhaetaan": at least four letters after the question word
_SENTENCE_BREAK = re.compile(r"(?:[.!?]+|\n)\s*")
_WHY = frozenset({"miksi", "miks", "miksei", "varfor", "vafor", "vafo"})
OF_TWO_REACH = 4  # "Kumpi ois parempi …?", "Kumpi on meille parempi …?"
# "osaa tehdä itse", "klarar inte kommunen det själv": managing and alone this close, in one sentence.
ALONE_REACH = 4
STANDING_REACH = 5  # "pitääkö sitä sitten kuulua johonki puolueeseen", "måste man gå med i partiet"
VOTE_REACH = 4  # "Får jag som utlänning rösta …?"
VOTE_WHOM_REACH = 6  # "Vem säger KANE att man ska rösta på?"
SOURCE_REACH = 8  # "Vart ska vi vända oss för att få pengar …?": the seeking and the money after the where
MIN_STEM = 5  # shorter words ("pass", "tv") must match whole: "passar" is not a passport


@dataclass(frozen=True, slots=True)
class Phrase:
    """Folded words in a row; a word ending in "*" matches any word it begins ("euro*": euroa, euroja)."""

    words: tuple[str, ...]
    first_only: bool = False  # "^milloin": only as the first word of a sentence
    written: tuple[str, ...] = ()  # the words as written, ä, ö and å kept (see `Phrases.found_in`)


NUMBER = "#"  # a phrase's word that matches any number ("# euroa": "500 euroa")


def _word_matches(pattern: str, token: str) -> bool:
    if pattern == NUMBER:
        return token.isdigit()
    return token.startswith(pattern[:-1]) if pattern.endswith("*") else token == pattern


def parse_phrase(text: str) -> Phrase:
    first_only = text.startswith("^")
    written = tuple(word.casefold() for word in text.removeprefix("^").split())
    return Phrase(tuple(fold(word) for word in written), first_only, written)


def _marks_agree(pattern: str, token: str) -> bool:
    """A letter written with ä, ö or å is matched only by that letter: "välittää" (to care) is no "valittaa" (to
    appeal). A pattern's marked letter still matches a plain one, as people type without them."""
    return all(
        letter == wanted for letter, wanted in zip(token, pattern.removesuffix("*"), strict=False) if letter in _MARKED
    )


class Phrases:
    """Phrases indexed by their first word, so a message is read once whatever the number of phrases."""

    def __init__(self, phrases: tuple[Phrase, ...] = (), fillers: frozenset[str] = frozenset()) -> None:
        self.phrases = phrases
        self.vocabulary = frozenset(word for phrase in phrases for word in phrase.words if not word.endswith("*"))
        # Spoken particles that may stand between a phrase's words ("mitä KANE oikein tarkoittaa", "vad är egentligen
        # KANE"): they carry nothing, so a phrase reads through them.
        self._fillers = fillers
        self._exact: dict[str, list[Phrase]] = {}
        self._prefixed: list[tuple[str, Phrase]] = []
        for phrase in phrases:
            first = phrase.words[0]
            if first.endswith("*"):
                self._prefixed.append((first[:-1], phrase))
            else:
                self._exact.setdefault(first, []).append(phrase)
        self._prefixes = tuple(prefix for prefix, _ in self._prefixed)
        self._numbered = NUMBER in self._exact

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def starts_at(self, tokens: tuple[str, ...], index: int) -> bool:
        """Does a phrase begin at ``tokens[index]``?"""
        return any(
            len(phrase.words) <= len(tokens) - index
            and all(_word_matches(pattern, tokens[index + k]) for k, pattern in enumerate(phrase.words))
            for phrase in self.phrases
        )

    def _starting_with(self, token: str) -> list[Phrase]:
        """The phrases whose first word ``token`` may be: as written, as a number ("# euroa"), or by a prefix."""
        candidates = self._exact.get(token, [])
        if token.isdigit():  # "2021" as itself, and as any number ("# euroa")
            candidates = [*candidates, *self._exact.get(NUMBER, [])]
        if token.startswith(self._prefixes):
            candidates = [*candidates, *(p for prefix, p in self._prefixed if token.startswith(prefix))]
        return candidates

    def covered(self, tokens: tuple[str, ...]) -> set[int]:
        """The indexes of the tokens some phrase occurs over ("i stora drag", "vad skriver")."""
        found: set[int] = set()
        for index, token in enumerate(tokens):
            for phrase in self._starting_with(token):
                if phrase.first_only:
                    continue
                at = self._rest_at(phrase, tokens, index)
                if at is not None:
                    found.update(range(index, at[-1] + 1 if at else index + 1))
        return found

    def _rest_at(self, phrase: Phrase, tokens: tuple[str, ...], index: int) -> tuple[int, ...] | None:
        """Where the words after a phrase's first word (at ``index``) stand, fillers between them skipped; None if
        they do not follow."""
        rest = phrase.words[1:]
        if index + len(rest) < len(tokens) and all(
            _word_matches(pattern, tokens[index + 1 + k]) for k, pattern in enumerate(rest)
        ):
            return tuple(range(index + 1, index + 1 + len(rest)))
        if not rest or not self._fillers:
            return None
        at: list[int] = []
        position = index
        for pattern in rest:
            position += 1
            while position < len(tokens) and self._skipped(pattern, tokens[position]):
                position += 1
            if position >= len(tokens) or not _word_matches(pattern, tokens[position]):
                return None
            at.append(position)
        return tuple(at)

    def _skipped(self, pattern: str, token: str) -> bool:
        return token in self._fillers and not _word_matches(pattern, token)

    def found_in(
        self, tokens: tuple[str, ...], starts: frozenset[int] = frozenset(), written: tuple[str, ...] = ()
    ) -> bool:
        """Does a phrase occur in the folded ``tokens``? With the ``written`` words, their ä, ö and å must agree."""
        if self._exact.keys().isdisjoint(tokens) and not self._prefixes and not self._numbered:
            return False  # no word of the message begins a phrase: most lists, most messages, ruled out at C speed
        for index, token in enumerate(tokens):
            # `_starting_with` inlined: this runs for every word of every message, many times over, and a call per
            # word cost 7% of answering (bench/bench_answer.py).
            candidates = self._exact.get(token, [])
            if token.isdigit():
                candidates = [*candidates, *self._exact.get(NUMBER, [])]
            if token.startswith(self._prefixes):
                candidates = [*candidates, *(p for prefix, p in self._prefixed if token.startswith(prefix))]
            for phrase in candidates:
                if phrase.first_only and index not in starts:
                    continue
                at = self._rest_at(phrase, tokens, index)
                if at is not None:
                    if (
                        written
                        and phrase.written
                        and not all(
                            _marks_agree(pattern, written[where])
                            for pattern, where in zip(phrase.written, (index, *at), strict=False)
                        )
                    ):
                        continue
                    return True
        return False


@dataclass(frozen=True, slots=True)
class Intents:
    words: Mapping[str, Mapping[Lang, frozenset[str]]]  # diacritics folded
    written: Mapping[str, Mapping[Lang, frozenset[str]]]  # as written, case-folded
    everyday_prefixes: tuple[str, ...] = ()  # out-of-scope stems long enough to match as prefixes
    everyday_exact: frozenset[str] = frozenset()  # short out-of-scope words, folded, that cannot be confused
    everyday_written: frozenset[str] = frozenset()  # short out-of-scope words as written ("sää")
    asks: Mapping[str, Phrases] = dataclasses.field(default_factory=dict)  # both languages together
    phrases: Mapping[str, Phrases] = dataclasses.field(default_factory=dict)  # the lists' multiword items
    # Folded words a word written without ä, ö or å may stand for: a short word must be written as it is, or "har"
    # (has) would be "här" (here) and every "vad har kommunen …" a question about the bot.
    unmarked: Mapping[str, Mapping[Lang, frozenset[str]]] = dataclasses.field(default_factory=dict)
    courtesy: frozenset[str] = frozenset()  # greeting and thanks words of both languages, folded
    # Small-talk phrases ("mitä kuuluu", "allt bra", "läget") as word tuples, without their courtesy words.
    small_talk: frozenset[tuple[str, ...]] = frozenset()
    # Lists read as patterns word by word ("keven*"), ä, ö and å kept (see `Phrases.found_in`).
    patterns: Mapping[str, Phrases] = dataclasses.field(default_factory=dict)
    # `written` and `unmarked` with both languages in one set: `any_of` runs some twenty times per message.
    written_either: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    unmarked_either: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    # Every kind's phrases in one index: most questions ask for no such fact, and one reading rules them all out.
    any_ask: Phrases = dataclasses.field(default_factory=Phrases)
    # `words` with both languages in one set, for `only`.
    words_either: Mapping[str, frozenset[str]] = dataclasses.field(default_factory=dict)

    @classmethod
    def build(
        cls,
        words: Mapping[str, Mapping[Lang, frozenset[str]]],
        written: Mapping[str, Mapping[Lang, frozenset[str]]],
        asks: Mapping[str, tuple[Phrase, ...]] | None = None,
    ) -> Intents:
        folded = {word for lang in LANGS for word in words["out_of_scope"][lang] if " " not in word}
        as_written = {word for lang in LANGS for word in written["out_of_scope"][lang]}
        # A short word whose folded form differs ("sää" → "saa", which means "gets") must match as written.
        ambiguous = {fold(word) for word in as_written if fold(word) != word and len(word) < MIN_STEM}
        courtesy = frozenset(word for name in ("greeting", "thanks") for lang in LANGS for word in words[name][lang])
        unmarked = {
            name: {
                lang: frozenset(
                    fold(item) for item in written[name][lang] if fold(item) == item or len(item) >= MIN_STEM
                )
                for lang in LANGS
            }
            for name in written
        }
        fillers = frozenset(word for lang in LANGS for word in words["fillers"][lang])
        return cls(
            words,
            written,
            tuple(sorted(stem for stem in folded if len(stem) >= MIN_STEM)),
            frozenset(stem for stem in folded if len(stem) < MIN_STEM) - ambiguous,
            frozenset(as_written),
            {kind: Phrases(phrases, fillers) for kind, phrases in (asks or {}).items()},
            {
                name: Phrases(
                    tuple(parse_phrase(item) for lang in LANGS for item in words[name][lang] if " " in item), fillers
                )
                for name in words
            },
            unmarked,
            courtesy,
            frozenset(
                tuple(word for word in item.split() if word not in courtesy and len(word) > 1)
                for lang in LANGS
                for item in words["smalltalk"][lang]
            )
            - {()},
            {
                name: Phrases(tuple(parse_phrase(item) for lang in LANGS for item in written[name][lang]), fillers)
                for name in PATTERN_LISTS
            },
            {name: frozenset().union(*written[name].values()) for name in written},
            {name: frozenset().union(*by_lang.values()) for name, by_lang in {**words, **unmarked}.items()},
            Phrases(tuple(phrase for phrases in (asks or {}).values() for phrase in phrases), fillers),
            {name: frozenset().union(*by_lang.values()) for name, by_lang in words.items()},
        )

    def mend_asking_words(self, text: str) -> str:
        """``text`` with its question words as typed apart and right: "mitenhaetaan avustusta" as "miten haetaan
        avustusta", "Hur mykcet pengar" as "Hur mycket pengar" (`asking_joined`, `asking_mistyped`), so that what
        kind of fact is asked is read through a typo. Other words are left as they were written."""
        joined, not_joined = self.words_either["asking_joined"], self.words_either["asking_joined_not"]
        mistyped = self.words_either["asking_mistyped"]
        # where sentences open, found once: each word looking back over the text would cost a long story dearly
        opening = {0} | {found.end() for found in _SENTENCE_BREAK.finditer(text)}

        def mended(found: re.Match[str]) -> str:
            word = found.group(0)
            folded = fold(word)
            if len(folded) >= MIN_MISTYPED and folded not in mistyped and folded not in self.any_ask.vocabulary:
                right = next((target for target in mistyped if _one_typo_apart(folded, target)), None)
                if right is not None:
                    return right
            if found.start() in opening:
                for asking in joined:
                    rest = folded[len(asking) :]
                    if folded.startswith(asking) and len(rest) >= MIN_JOINED_REST and rest not in not_joined:
                        return f"{word[: len(asking)]} {word[len(asking) :]}"
            return word

        return sub_words(text, mended)

    def asked_fact(self, text: str, starts: frozenset[int] = frozenset({0})) -> str | None:
        """The kind of fact the text asks for ("date", "amount" …) if it asks for one the goals never give.
        ``starts`` are the word indexes where a sentence begins (for phrases that count only there)."""
        tokens = folded_words(text)
        # "Borde ledamöterna bli bättre på …", "Pitäisikö puheenjohtajan …" name a role to say what it should do,
        # which the goals answer; only "who" (or a name) asks for the person.
        names_a_role_only = self.any_of(text, "normative") and not self.any_of(text, "routing_who")
        if self._asks_where_money_is_found(text, tokens):
            return "funding"  # "Mistä voi hakea rahaa …?": a source of money before how to apply
        kinds = ASKED_FACTS if self.any_ask.found_in(tokens, starts, words(text)) else ()
        for kind in kinds:
            phrases = self.asks.get(kind)
            if kind in ROLE_KINDS and names_a_role_only:
                continue
            if kind == "decision":
                continue  # KANE's view of a decision: `Reader.asks_kanes_view_of_a_decision`, which knows places
            if phrases is None or not phrases.found_in(tokens, starts, words(text)):
                continue
            # Its exceptions are read only where a consequence is named: most questions name none.
            if kind == "consequence" and (self._asks_to_monitor_what_is_written(text) or self._fears_for_acting(text)):
                continue
            if kind == "measure" and self.any_of(text, "as_basis") and self.patterns["facts_named"].found_in(tokens):
                continue  # "… mittausten ja faktojen pohjalta?": facts and measuring as the basis, goal 3.3's
            if kind == "procedure" and self._voting_taught(tokens, phrases):
                continue
            if kind == "amount" and (
                self._amount_of_an_effect(tokens, phrases) or self._wants_more_of_it(text, tokens)
            ):
                continue
            return kind
        if self._asks_who_holds_a_role(text):
            return "person"
        if self._asks_who_may_stand_or_vote(text):
            return "law"
        if any(self._follows(folded_words(part), "vote_whom", "vote_for", VOTE_WHOM_REACH) for part in sentences(text)):
            return "party"  # "Ketä KANE käskee äänestää?", "Vem säger KANE att man ska rösta på?"
        if self._asks_what_befalls(text, tokens) or self._asks_what_a_condition_forces(text, tokens):
            return "consequence"
        if self._asks_which_of_two(text, tokens):
            return "ranking"
        if self._asks_which_places(text):
            return "which_places"
        if self._asks_kane_for_money(text, tokens) or self._asks_who_pays(text, tokens):
            return "funding"
        if _asks_which_app(tokens):
            return "product"  # "Vilken kurs ska ledamöterna gå?": one by name, even as what should be done
        if _WEB_ADDRESS.search(text) and not self.any_of(text, "normative") and not self.any_of(text, "place_could"):
            return "product"  # "Tehdäänkö paneelit Otakantaa.fi:ssä?": a named web service, which the goals never name
        if "€" in text and not self.any_of(text, "normative") and not self.any_of(text, "place_could"):
            return "amount"  # "500 €", "500€": the sign is no word; "Borde kommunen ge mer än 100 €?" asks what to do
        if self._names_a_price(text):
            return "amount"
        if not _KOSKA.isdisjoint(tokens) and any(_koska_asks_when(sentence) for sentence in sentences(text)):
            return "date"
        if "nar" in tokens and any(
            _NAR_ASKS_WHEN.match(sentence) or _NAR_LAST_CLAUSE.search(sentence) for sentence in sentences(text)
        ):
            return "date"
        if self.asks_what_follows(text, tokens, starts) and not self._fears_for_acting(text):
            return "consequence"
        return "procedure" if self.asks_for_a_form(text) or self.asks_how_to_apply(text) else None

    def _asks_who_holds_a_role(self, text: str) -> bool:
        """ "Kuka on Salon kaupunginjohtaja?", "Vem är servicehandledare för föreningar …?", "Vilken tjänsteman i
        kommunen ska ha hand om dialogen?": who holds a role (a word ending in one of `person_roles`), after "who" and
        a verb of being in the same clause, or right after a singular "which": a person the goals never name. Which
        officials, in the plural ("Vilka tjänstemän ska få utbildning i dialog?"), is a group the goals do name."""
        tokens = folded_words(text)
        who, which = self.words_either["role_who"], self.words_either["role_which"]
        if who.isdisjoint(tokens) and which.isdisjoint(tokens):
            return False  # the common case
        roles = tuple(self.words_either["person_roles"])
        copula, clause_end = self.words_either["role_copula"], self.words_either["role_clause_end"]
        for sentence in sentences(text):
            said = folded_words(sentence)
            for index, token in enumerate(said):
                if token in which and index + 1 < len(said) and said[index + 1].endswith(roles):
                    return True
                if token not in who:
                    continue
                after = said[index + 1 : index + 1 + ROLE_REACH]
                ends = next((at for at, word in enumerate(after) if word in clause_end), len(after))
                after = after[:ends]
                being = next((at for at, word in enumerate(after) if word in copula), None)
                if being is not None and any(word.endswith(roles) for word in after[being + 1 :]):
                    return True
                break  # a later "who" is a clause of the first one's ("Kuka päättää, ketkä ovat jäseniä?")
        return False

    def _asks_who_may_stand_or_vote(self, text: str) -> bool:
        """ "Pitääkö kuulua johonki puolueeseen?", "måste man gå med i partiet?", "voiks kuka vaa lähtee ehdolle?",
        "Får jag som utlänning rösta i kommunalval?": whether one must belong to a party, whether anyone may stand,
        whether someone may vote, each read in one sentence: election law, which the goals never give. Whether
        association people should stand ("Pitäisikö yhdistysaktiivien lähteä ehdolle?") is the candidates' part."""
        particles = self.words_either["standing_vote_particles"]
        for sentence in sentences(text):
            said = folded_words(sentence)
            if self._follows(said, "standing_must", "standing_party", STANDING_REACH):
                return True
            if self._follows(said, "standing_anyone", "standing_run", STANDING_REACH) and _WHY.isdisjoint(said):
                return True  # "Kuka tahansa voi lähteä ehdolle, mutta miksi …?" asks why
            voting = [at for at in _phrase_starts(self.patterns["standing_vote"], said) if at + 1 < len(said)]
            if any(said[at + 1] in particles for at in voting):
                continue  # "Får man rösta fram medlemmar …?": someone voted in, not who may vote
            if self._follows(said, "standing_may", "standing_vote", VOTE_REACH, unless="standing_purpose"):
                return True
        return False

    def tells_of_managing_alone(self, text: str) -> bool:
        """ "Eikö kaupunki osaa tehdä itse kaikki asiat?", "klarar inte kommunen det själv?": managing on one's own,
        a word of managing with a word of alone just after it, in one sentence."""
        tokens = folded_words(text)
        if self.words_either["alone"].isdisjoint(tokens) and not self.phrases["alone"].found_in(tokens):
            return False  # the common case
        return any(self._follows(folded_words(part), "manages", "alone", ALONE_REACH) for part in sentences(text))

    def _follows(self, said: tuple[str, ...], first: str, then: str, reach: int, unless: str = "") -> bool:
        """Does a phrase of ``then`` begin at most ``reach`` words after one of ``first`` begins, with none of
        ``unless`` between them?"""
        starts = _phrase_starts(self.patterns[first], said)
        if not starts:
            return False
        between = self.patterns[unless] if unless else None
        for at in _phrase_starts(self.patterns[then], said):
            for start in starts:
                if start < at <= start + reach and not (between and between.covered(said[start + 1 : at])):
                    return True
        return False

    def _asks_what_a_condition_forces(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Jos nuorisovaltuusto vastustaa päätöstä, joutuuko valtuusto muuttamaan sen?", "Om vår förening
        demonstrerar, kan vi förlora våra understöd?": what a condition would force on someone or cost them, both in
        one sentence; not what the goals are asked to say of it."""
        if self.words_either["forced_if"].isdisjoint(tokens) and not self.phrases["forced_if"].found_in(tokens):
            return False  # the common case
        if self.any_of(text, "goal_says"):
            return False
        conditions, forced = self.patterns["befalling_if"], self.patterns["forced_if"]
        for sentence in sentences(text):
            clauses = [folded_words(clause) for clause in _CLAUSE_PUNCTUATION.split(sentence)]
            said_if = [at for at, clause in enumerate(clauses) if conditions.found_in(clause)]
            said_forced = [at for at, clause in enumerate(clauses) if forced.found_in(clause)]
            if not said_if or not said_forced:
                continue
            # "Om vi förlorar vår lokal, hur borde kommunen …?": the loss is the condition, not what it costs
            if any(at > said_if[0] for at in said_forced) or self._forced_before_the_condition(clauses[said_if[0]]):
                return True
        return False

    def _forced_before_the_condition(self, clause: tuple[str, ...]) -> bool:
        """ "Menettääkö yhdistys avustuksen, jos …" said in one clause: the cost asked before the condition."""
        first_if = min(_phrase_starts(self.patterns["befalling_if"], clause), default=len(clause))
        return any(at < first_if for at in _phrase_starts(self.patterns["forced_if"], clause))

    def _asks_what_befalls(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Mitä seuralle käy, jos kaupunki lopettaa ilmaiset vuorot?", "mitä tapahtu jos seura ei käytä koko
        avustusta", "Vad händer med vår verksamhet om staden slutar betala?": what, a verb of befalling at most
        BEFALL_REACH words after it, and a condition after that in the same sentence: what would follow, which the
        goals never say. Not what good follows ("Mitä hyvää siitä seuraa, kun …?": the goals' reasons)."""
        what, befalling = self.words_either["befalling_what"], self.words_either["befalling"]
        if what.isdisjoint(tokens) or befalling.isdisjoint(tokens):
            return False  # the common case
        conditions, good = self.patterns["befalling_if"], self.words_either["befalling_good"]
        for sentence in sentences(text):
            said = folded_words(sentence)
            for index, token in enumerate(said):
                if token not in what:
                    continue
                near = said[index + 1 : index + 1 + BEFALL_REACH]
                verb = next((at for at, word in enumerate(near) if word in befalling), None)
                if verb is None or not good.isdisjoint(near[: verb + 1]):
                    continue
                if conditions.found_in(said[index + 2 + verb :]):
                    return True
        return False

    def _asks_which_of_two(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Kumpi on meidän seuralle parempi hakea, kohdeavustusta vai toiminta-avustusta?", "Vilket passar oss
        bättre, invånarpanel eller webbenkät?": which of two, a word of better after it and an "or" after that, in
        one sentence: the goals rank no way nor place. Which goal ("Kumpi tavoite puhuu tiloista, ykkönen vai
        kakkonen?", "Vilket av målen …") is theirs to answer."""
        choosing, ors = self.words_either["choosing"], self.words_either["choosing_or"]
        of_two = self.words["choosing"]["fi"]  # "kumpi" is itself of two: "Kumpi ois parempi meiän kylälle?"
        if choosing.isdisjoint(tokens) or (ors.isdisjoint(tokens) and of_two.isdisjoint(tokens)):
            return False  # the common case
        better = self.words_either["choosing_better"]
        for sentence in sentences(text):
            said = folded_words(sentence)
            which = next((at for at, word in enumerate(said) if word in choosing), None)
            if which is None:
                continue
            compared = next((at for at in range(which + 1, len(said)) if said[at] in better), None)
            if compared is None:
                continue
            named_two = said[which] in of_two and compared - which <= OF_TWO_REACH
            if ors.isdisjoint(said[compared + 1 :]) and not named_two:
                continue
            if not self.any_of(sentence, "one_goal_asked"):
                return True
        return False

    def _asks_which_places(self, text: str) -> bool:
        """ "Mis kunnis on jo kokeiltu asukasraateja?", "Vilka kommuner på Åland låter redan föreningar …?": which
        municipalities or counties, the place word right after the which-word (and so in its case: "mitä kuntien
        pitäisi tehdä" asks what municipalities should do); not which places the goals or KANE concern."""
        which, places = self.words_either["which_place"], self.words_either["place_nouns"]
        tokens = folded_words(text)
        if which.isdisjoint(tokens) or places.isdisjoint(tokens):
            return False  # the common case
        if self.any_of(text, "kane") or self.any_of(text, "goals_frame"):
            return False  # "Mitkä kunnat tavoitteet koskevat?": whom the goals are for
        return any(
            token in which and index + 1 < len(tokens) and tokens[index + 1] in places
            for index, token in enumerate(tokens)
        )

    def _wants_more_of_it(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Pitäisikö kaupungin budjetoida enemmän euroja seuroille?", "sku int stan kunna skjuta till mera stålar?":
        more or less money as what should be done, and nothing asked of how much: goal 1.2's resources, no sum."""
        return self.any_of(text, "normative") and not _MORE_OR_LESS.isdisjoint(tokens) and _HOW_MUCH.isdisjoint(tokens)

    def _amount_of_an_effect(self, tokens: tuple[str, ...], amounts: Phrases) -> bool:
        """ "Vaikuttaako sävy siihen, kuinka moni äänestää?", "Kan kandidaterna påverka hur många som röstar?": how
        many or how much as what something affects (a word of effect before each "how many", `_affected_at`), which
        the goals speak of; not a number asked ("Kuinka moni äänesti viime vaaleissa?")."""
        effects = self.patterns["effect_on"].covered(tokens)
        if not effects:
            return False
        starts = _phrase_starts(amounts, tokens)
        # "Vaikuttaako KANE avustuksiin ja paljonko niitä on?" asks the sum in a clause of its own.
        return bool(starts) and all(
            not (start and tokens[start - 1] in _CLAUSE_JOINS) and _within(effects, start, EFFECT_REACH)
            for start in starts
        )

    def _voting_taught(self, tokens: tuple[str, ...], procedures: Phrases) -> bool:
        """ "Opettaako koulu lapsille, miten yhteiskunta toimii ja miten äänestetään?": how to vote or have a say as
        what children are taught or shown (a word of teaching at most TEACHING_REACH words before it) is goal 2.3's
        democracy education, not a procedure asked."""
        taught = self.patterns["teaching"].covered(tokens)
        if not taught:
            return False
        starts = _phrase_starts(procedures, tokens)
        return bool(starts) and all(
            any(token.startswith(_VOTING_STEMS) for token in tokens[start : start + 3])
            and _within(taught, start, TEACHING_REACH)
            for start in starts
        )

    def _fears_for_acting(self, text: str) -> bool:
        """ "Kan man ordna en protest utan att vara rädd för följderna?": the consequences feared for assembling or
        speaking up are what goal 3.1 answers (it should be safe), not an outcome the goals never tell; a fear of
        any other outcome ("Mitä seuraa jos nuorisovaltuusto lakkautetaan, pelottaa") is no such question."""
        tokens, written = folded_words(text), words(text)
        return self.patterns["fear"].found_in(tokens, frozenset(), written) and self.patterns["speaking_up"].found_in(
            tokens, frozenset(), written
        )

    def views_kane(self, sentence: str) -> bool:
        """ "KANEn mielestä", "Mitä KANE ajattelee …?", "Vad tycker KANE …?": KANE's view is asked."""
        return (
            self.any_of(sentence, "kane_view")
            or self.any_of(sentence, "kane_opinion")
            or (self.any_of(sentence, "kane") and self.any_of(sentence, "view_asked"))
        )

    def _names_a_price(self, text: str) -> bool:
        """ "nuorisotalon salin vuokra hinta", "Lokalhyra Dragsfjärd pris": a price named asks for an amount; not in a
        question of what should be ("Pitäisikö salin hinta olla kohtuullinen?") or of what the goals or KANE say."""
        if not self.any_of(text, "price_words"):
            return False
        return not any(self.any_of(text, name) for name in ("normative", "place_could", "goals_frame", "kane"))

    def _asks_who_pays(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Kuka maksaa asukasraatien järjestämisen?", "Vem bekostar demokratifostran?": who pays for a thing, which
        the goals never say; not for grants or associations' work, which they ask municipalities to resource."""
        written = words(text)
        return self.patterns["payer_asked"].found_in(tokens, frozenset(), written) and not self.patterns[
            "grant_words"
        ].found_in(tokens, frozenset(), written)

    def _asks_where_money_is_found(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Mistä voisimme hakea rahoitusta kylätalon katon korjaukseen?", "Var kan en förening söka pengar för
        demokratikurser i skolor?": a where-word, then within SOURCE_REACH words a verb of seeking and a word of money
        (not of grants): a source of money, which the goals never name; not what should be told of it, nor where the
        goals speak of money."""
        where, seeking = self.words_either["source_where"], self.words_either["source_seeking"]
        if where.isdisjoint(tokens) or seeking.isdisjoint(tokens):
            return False  # the common case
        money = self.patterns["source_money"]
        written, plain = self.written_either["source_where"], self.unmarked_either["source_where"]
        for sentence in sentences(text):
            # Read sentence by sentence: what should be told ("Pitäisikö kunnan kertoa, mistä …?") or asked of the
            # goals is skipped, and a story's "behöver" ("Vår kör behöver noter. Var hittar man pengar?") no longer
            # hides the question after it.
            if self.any_of(sentence, "normative") or self.any_of(sentence, "goals_frame"):
                continue
            said = folded_words(sentence)
            for index, (word, token) in enumerate(zip(words(sentence), said, strict=True)):
                if not (word in written if not _MARKED.isdisjoint(word) else token in plain):
                    continue  # "vår" (our) is no "var" (where)
                near = said[index + 1 : index + 1 + SOURCE_REACH]
                if not seeking.isdisjoint(near) and money.covered(near):
                    return True
        return False

    def _asks_kane_for_money(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Voiko KANE antaa meidän VPK:lle rahaa …?", "Ger KANE föreningar bidrag?": KANE named as who gives (a word
        of giving just before or after it) and money after it; not what KANE thinks ("Pitäisikö KANEn mukaan antaa
        rahaa …?": KANE's genitive is another word), nor advice, weight or a view given ("Ger KANE råd om bidrag?")."""
        if self.any_of(text, "kane_view"):
            return False
        return (
            (KANE in tokens and self._asks_kane_to_give(text))
            or self._asks_for_money_from_kane(text, tokens)
            or self._asks_for_kanes_own_money(text, tokens)
        )

    def _asks_for_kanes_own_money(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Onks KANElla itellään jotain rahaa jakaa?", "Har KANE egna pengar att dela ut?": money KANE has, which
        the goals never speak of; not a view or advice it has ("Onko KANElla näkemystä avustuksista?")."""
        if _KANE_HAS_FI.isdisjoint(tokens) and KANE not in tokens:
            return False
        money, advice = self.patterns["money_words"], self.patterns["kane_advice"]
        for clause in _CLAUSE_PUNCTUATION.split(text):
            written = words(clause)
            folded = tuple(fold(word) for word in written)
            if advice.found_in(folded, frozenset(), written) or self.any_of(clause, "telling"):
                continue
            for index, word in enumerate(folded):
                has = word in _KANE_HAS_FI or (
                    word == KANE and not _HAS_SV.isdisjoint(folded[max(0, index - 1) : index + 2])
                )
                if not has:
                    continue
                # Only "own" words and fillers between KANE and the money: the money is what KANE has.
                at = index + 1
                while at <= index + MONEY_KANE_HAS and at < len(folded) and folded[at] in _BETWEEN_KANE_AND_MONEY:
                    at += 1
                if not money.found_in(folded[at : at + 1], frozenset(), written[at : at + 1]):
                    continue
                # Its own ("omaa rahaa", "pengar själv") or to give ("rahaa jakaa", "pengar att dela ut").
                after = slice(at + 1, at + 4)
                if not _OWN.isdisjoint(folded[index + 1 : at + 4]) or self.patterns["kane_gives"].found_in(
                    folded[after], frozenset(), written[after]
                ):
                    return True
        return False

    def _asks_kane_to_give(self, text: str) -> bool:
        """KANE named as who gives, a word of giving beside it and money after it (`_asks_kane_for_money`)."""
        gives, money, advice = self.patterns["kane_gives"], self.patterns["money_words"], self.patterns["kane_advice"]
        # One clause at a time: "Vad säger KANE, ska kommunen ge bidrag?" asks whether the municipality should.
        for clause in _CLAUSE_PUNCTUATION.split(text):
            written = words(clause)
            folded = tuple(fold(word) for word in written)
            for at in (index for index, word in enumerate(folded) if word == KANE):
                before = KANE_GIVES_BEFORE + sum(1 for word in folded[max(0, at - 2) : at] if word in _BEFORE_A_NAME)
                around = slice(max(0, at - before), at + 1 + KANE_GIVES_AFTER)
                after = slice(at + 1, at + 1 + KANE_MONEY_AFTER)
                if (
                    gives.found_in(folded[around], frozenset(), written[around])
                    and money.found_in(folded[after], frozenset(), written[after])
                    and not advice.found_in(folded, frozenset(), written)
                ):
                    return True
        return False

    def _asks_for_money_from_kane(self, text: str, tokens: tuple[str, ...]) -> bool:
        """ "Voiko siltä KANElta saada avustusta?", "Får föreningar pengar direkt av KANE?": money got from KANE, the
        money right beside "KANElta" or just before "av/från KANE", a word of getting in the clause, and no advice
        asked ("Saako KANElta neuvoja avustushakuun?"); "Får vi stöd av KANE när vi söker bidrag från kommunen?"
        gets its money from the municipality."""
        if not (_FROM_KANE_FI in tokens or (KANE in tokens and not _FROM_WORDS_SV.isdisjoint(tokens))):
            return False
        money, advice = self.patterns["money_words"], self.patterns["kane_advice"]
        for clause in _CLAUSE_PUNCTUATION.split(text):
            written = words(clause)
            folded = tuple(fold(word) for word in written)
            if _GETTING.isdisjoint(folded) or advice.found_in(folded, frozenset(), written):
                continue
            for index, word in enumerate(folded):
                if word == _FROM_KANE_FI:
                    near = slice(max(0, index - MONEY_FROM_KANE), index + 1 + MONEY_FROM_KANE)
                elif word in _FROM_WORDS_SV and folded[index + 1 : index + 2] == (KANE,):
                    near = slice(max(0, index - MONEY_FROM_KANE), index)
                else:
                    continue
                if money.found_in(folded[near], frozenset(), written[near]):
                    return True
        return False

    def _asks_to_monitor_what_is_written(self, text: str) -> bool:
        """ "Pitäisikö strategiaan kirjata järjestöt ja sitten katsoa, toteutuuko se?": whether what is written
        comes true, to be watched, is the monitoring goal 1 asks for. "Pitäisikö KANEn seurata, toteutuvatko
        tavoitteet?" and "Mitä jos kunta ei tarkista …, pitäisikö siitä seurata jotain?" ask what follows."""
        if not (self.any_of(text, "normative") and self.any_of(text, "monitoring") and self.any_of(text, "comes_true")):
            return False
        # KANE as who watches ("Pitäisikö KANEn seurata …?"), not as whose view is asked ("… enligt KANE?")
        if self.any_of(self.without(text, "kane_view"), "kane") or self.any_of(text, "goals_frame"):
            return False
        if self.any_of(text, "routing_who"):
            return False
        rest = self.without(text, "comes_true")
        phrases = self.asks.get("consequence")
        return phrases is None or not phrases.found_in(folded_words(rest), frozenset({0}), words(rest))

    def asks_what_follows(self, text: str, tokens: tuple[str, ...], starts: frozenset[int]) -> bool:
        """ "Jos yhteistyö vakiintuu, tarkoittaako se että rahoitus kasvaa?", "Om kommunen förenklar ansökan, betyder
        det att vi får mindre?": what would follow if something happened, which the goals never say. Either alone
        is the goals' matter ("Tarkoittaako tavoite 1, että tilat ovat ilmaisia?" asks what a goal means), and so is a
        question that only hedges or supposes what KANE wants ("Om jag förstått rätt, betyder det att …", "Jos KANE
        haluaa …, tarkoittaako se että …")."""
        written = words(text)
        patterns = self.patterns
        return (
            patterns["conditional"].found_in(tokens, starts, written)
            and patterns["implication"].found_in(tokens, starts, written)
            and not patterns["hedge"].found_in(tokens, starts, written)
        )

    def asks_for_a_form(self, text: str) -> bool:
        """ "Mistä saa kulttuuriavustuksen hakulomakkeen?", "Var finns ansökningsblanketten?": a form or an attachment
        asked for, not forms that should change ("Miten lomakkeita voisi keventää?")."""
        tokens = folded_words(text)
        stems = self.words["form_words"]
        if not any(stem in token for token in tokens for lang in LANGS for stem in stems[lang]):
            return False
        written = words(text)
        return self.patterns["form_asks"].found_in(tokens, frozenset(), written) and not self.patterns[
            "form_change"
        ].found_in(tokens, frozenset(), written)

    def asks_how_to_apply(self, text: str) -> bool:
        """ "Mitä papereita tarvitaan, kun haemme avustusta?", "Hur gör vi när vi ansöker om lokalbidrag?": how to
        apply, a procedure; not a practice that should change ("När vi ansöker om bidrag tar det evigheter, vill man
        förenkla det?"), which goal 1.2 answers."""
        if not self.any_of(text, "applying"):
            return False
        return not self.patterns["form_change"].found_in(folded_words(text), frozenset(), words(text))

    def only(self, text: str, *names: str) -> bool:
        """True if every word of ``text`` belongs to one of the named lists (in either language)."""
        tokens = folded_words(text)
        return bool(tokens) and all(any(token in self.words_either[name] for name in names) for token in tokens)

    def is_small_talk(self, text: str) -> bool:
        """Is the text, greetings and thanks aside, one how-are-you phrase whole ("Moi, mitä kuuluu?", "Tack, allt
        bra!")? A letter left of an emoticon (":D" is read as "d") says nothing."""
        tokens = tuple(token for token in folded_words(text) if token not in self.courtesy and len(token) > 1)
        return tokens in self.small_talk

    def any_of(self, text: str, name: str) -> bool:
        """True if some word of ``text`` is in the named list (in either language), or a phrase of it ("tar hand")
        is in the text. A word written with ä, ö or å must match with them: folded, "vår" (our) would be "var"."""
        found = words(text)
        folded = folded_words(text)
        written = self.written_either[name]
        plain = self.unmarked_either[name]
        # Each word is looked up as written or folded, so a text with neither is ruled out at C speed: most are.
        if not (written.isdisjoint(found) and plain.isdisjoint(folded)):
            for word, folded_word in zip(found, folded, strict=True):
                if word in written if not _MARKED.isdisjoint(word) else folded_word in plain:
                    return True
        phrases = self.phrases.get(name)
        return bool(phrases) and phrases is not None and phrases.found_in(folded)

    def everyday(self, text: str) -> bool:
        """Does the text use a word stem ("passin", "skattedeklarationen") or a phrase ("gjorde mål") from the
        out-of-scope list?"""
        for word in words(text):
            folded = fold(word)
            if folded.startswith(self.everyday_prefixes) or word in self.everyday_written:
                return True
            if folded in self.everyday_exact and not _MARKED & set(word):
                return True
        phrases = self.phrases.get("out_of_scope")
        return phrases is not None and phrases.found_in(folded_words(text))

    def without(self, text: str, name: str) -> str:
        """The words of ``text`` that are not in the named list (either language) nor in one of its phrases
        ("i stora drag"), joined by spaces."""
        vocabulary = self.words[name]
        folded = folded_words(text)
        phrases = self.phrases.get(name)
        covered = phrases.covered(folded) if phrases else set()
        return " ".join(
            word
            for index, (word, token) in enumerate(zip(words(text), folded, strict=True))
            if index not in covered and not any(token in vocabulary[lang] for lang in LANGS)
        )

    def names_four_goals(self, text: str, names_goals: Callable[[str], bool], which: bool = False) -> bool:
        """ "dom fyra målen", "ne neljä juttua", "de här fyra grejerna": four, then within two words the goals
        (``names_goals``), or an everyday name for them after "the" or "those", or after "which" where ``which`` (KANE
        is named: "Vilka fyra saker vill KANE …?")."""
        tokens, written = folded_words(text), words(text)
        four = self.words_either["four_goals"]
        if four.isdisjoint(tokens):
            return False
        things, those = self.words_either["goal_things"], self.words_either["those_four"]
        if which:
            those = those | self.words_either["which_four"]
        for index, token in enumerate(tokens):
            if token not in four:
                continue
            after = tokens[index + 1 : index + 3]
            if any(map(names_goals, after)):
                return True
            # an everyday name only after "the", "those" (or "which"): "Jag har fyra saker att fråga" are the asker's
            # own things
            before = tokens[max(index - 2, 0) : index]
            # "de fyra", "de här fyra" (written "här", "där": folded "har" is also "has")
            determined = bool(before) and (
                before[-1] in those
                or (len(before) == 2 and before[0] in those and written[index - 1].casefold() in ("här", "där"))
            )
            if determined and not things.isdisjoint(after):
                return True
        return False

    def asks_whom(self, text: str) -> bool:
        """Does the message ask whom to contact (or who handles something)?"""
        parts = [self.before_purpose(part) for part in sentences(text)]
        # "who" and "handles" ask it together in one sentence; "Mistä mummo tietäisi …? Pitäisikö ne kertoa …?" not,
        # nor what someone should tell ("Pitäisikö alueen kertoa selvästi, mistä saa apua?": the who-word after a verb
        # of telling is what is told).
        together = (
            self._asks_who(part) and self.any_of(part, "routing_duty") and not self._should_tell_whom(part)
            for part in parts
        )
        return any(self.any_of(part, "routing") for part in parts) or any(together)

    def _should_tell_whom(self, sentence: str) -> bool:
        """ "Pitäisikö alueen kertoa selvästi, mistä saa apua?", "Borde staden berätta var man får hjälp?": what
        someone else should tell, in a sentence of what should be done: a who-word soon after a verb of telling
        (`telling`), something told after it, and no duty of its own after it ("…, kuka hoitaa avustukset?", "Borde
        vi ringa kommunen eller vem sköter bidragen?" and "Pitäiskö ilmoittaa jonnekin, mihin?" ask whom)."""
        if not self.any_of(sentence, "normative"):
            return False
        written = words(sentence)
        folded = tuple(fold(word) for word in written)
        telling = self.patterns["telling"]
        tells = [
            index
            for index in range(len(written))
            if telling.found_in(folded[index : index + 1], frozenset(), written[index : index + 1])
        ]
        for who, word in enumerate(written):
            if not self.any_of(word, "routing_who"):
                continue
            told = written[who + 1 :]
            if not told or any(self.any_of(later, "routing_duty") for later in told):
                continue
            if self.any_of(" ".join(written[:who]), "asker"):
                continue  # the asker is who would tell: "Pitäisikö meidän ilmoittaa, mihin …?" asks whom
            if any(0 < who - tell <= TOLD_AFTER for tell in tells):
                return True
        return False

    def counts_questions_that_came(self, text: str) -> bool:
        """ "Montako kysymystä on tullut viikoittain?", "Hur många frågor har vi fått per mål?": a count of the
        questions that came in, in one sentence, not sent to one of `sent_elsewhere` ("Montako kysymystä kunnalle
        tulee yhdistyksiltä?"). Whether they came here (the bot named, the count seen) is the reader's to tell."""
        if not self.any_of(text, "question_counts"):
            return False  # the common case, ruled out before the text is split into sentences
        return any(
            self.any_of(part, "question_counts")
            and self.any_of(part, "questions_arrived")
            and not self.any_of(part, "sent_elsewhere")
            for part in sentences(text)
        )

    def asks_for_a_contact(self, text: str) -> bool:
        """ "Vem ska jag kontakta …?", "Keneen otan yhteyttä …?": whom to contact, with a "who" and a word of contacting
        in one sentence."""
        parts = [self.before_purpose(part) for part in sentences(text)]
        return any(self.any_of(part, "contact") and self.any_of(part, "contact_who") for part in parts)

    def asks_to_reach_kane(self, text: str) -> bool:
        """ "Miten saan yhteyden KANEen?", "Hur kontaktar jag KANE?": how to reach KANE itself, with KANE and a word of
        reaching in one sentence; not what KANE or the goals say of contacts ("Mitä KANE sanoo yhteyshenkilöistä?")."""
        if not self.any_of(text, "kane_reach") or not self.any_of(text, "kane"):
            return False  # the common case, ruled out before the text is split into sentences
        # The asker reaches KANE ("Miten saan yhteyden KANEen?"), or KANE's details are asked; not KANE wishing for
        # contact ("Vill KANE att kandidaterna håller kontakt med väljarna?") nor keeping it ("Har KANE kontakt …?").
        return any(
            self.any_of(part, "kane_reach")
            and self.any_of(part, "kane")
            and (self.any_of(part, "asker") or self.any_of(part, "contact_details"))
            and not self.any_of(part, "goals_frame")
            and not self.any_of(part, "kane_wants")
            and not self.views_kane(part)
            for part in (self.before_purpose(part) for part in sentences(text))
        )

    def asks_how_to_find_a_contact(self, text: str) -> bool:
        """ "Mistä löydän tämän kautta kunnan yhteyshenkilön?", "Hur hittar jag här vem vi ska kontakta?": finding a
        contact, or getting one here, with a word of contacting in one sentence."""
        if not self.any_of(text, "contact_finding"):
            return False  # the common case, ruled out before the text is split into sentences
        someone = not self.any_of(text, "kane")  # "Mistä saan KANEn puhelinnumeron?" asks for KANE's own contact
        return any(
            self.any_of(part, "contact_finding")
            and (self.any_of(part, "routing") or (someone and self.any_of(part, "contact_someone")))
            for part in sentences(text)
        )

    def before_purpose(self, sentence: str) -> str:
        """The sentence without its clauses of purpose ("… beskrivas tydligt, så att man vet vart man ska vända
        sig?", "… jotta tietäisi, keneen ottaa yhteyttä"): what such a clause says is why, not what is asked. A
        clause runs to the next comma, so a question after it stays ("Vi vill ha lokaler så att vi kan träffas, vem
        kontaktar vi?"); one that opens the sentence ("För att få bidrag, vem kontaktar jag?") or frames it ("Är det
        så att …", "Onko niin että …") is no clause of purpose."""
        single = self.words["purpose"]
        phrases = self.phrases.get("purpose")
        whole = folded_words(sentence)
        if not any(word in single[lang] for word in whole for lang in LANGS) and not (
            phrases and phrases.found_in(whole)
        ):
            return sentence  # the common case, read without a scan
        kept: list[str] = []
        for number, clause in enumerate(sentence.split(",")):
            tokens = words(clause)
            folded = tuple(fold(token) for token in tokens)
            first = 0 if number > 0 else MIN_PURPOSE_INDEX  # a later clause may open with it
            cut = next(
                (
                    index
                    for index in range(first, len(tokens))
                    if any(folded[index] in single[lang] for lang in LANGS)
                    or (phrases is not None and phrases.starts_at(folded, index))
                ),
                None,
            )
            kept.append(clause if cut is None else " ".join(tokens[:cut]))
        return ", ".join(part for part in kept if part.strip())

    def _asks_who(self, sentence: str) -> bool:
        """A "who" word that asks for someone: "kuka tahansa tajuaa", "vem som helst" name anyone."""
        tokens = words(sentence)
        for index, token in enumerate(tokens):
            if self.any_of(token, "routing_who"):
                after = tokens[index + 1 : index + 3]
                phrase = self.phrases.get("indefinite")
                anyone = bool(after) and (
                    self.any_of(after[0], "indefinite")
                    or (phrase is not None and phrase.found_in(tuple(fold(word) for word in after)))
                )
                if not anyone:
                    return True
        return False

    def language_of(self, text: str, name: str) -> Lang | None:
        """The one language whose list holds all of the text's words, if only one does."""
        tokens = {fold(word) for word in words(text)}
        fits = [lang for lang in LANGS if tokens and tokens <= self.words[name][lang]]
        return fits[0] if len(fits) == 1 else None


def _one_typo_apart(word: str, target: str) -> bool:
    """One letter swapped with the next, wrong, missing or extra, the first two letters right ("palojnko",
    "mykcet", "mykket", "milloi")."""
    if word[:2] != target[:2] or abs(len(word) - len(target)) > 1 or word == target:
        return False
    if len(word) == len(target):
        differ = [index for index, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(differ) == 1:
            return True
        first, second = differ[0], differ[-1]
        return (
            len(differ) == 2 and second == first + 1 and word[first] == target[second] and word[second] == target[first]
        )
    shorter, longer = (word, target) if len(word) < len(target) else (target, word)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def _phrase_starts(phrases: Phrases, tokens: tuple[str, ...]) -> list[int]:
    """Where each run of words some phrase covers begins."""
    covered = phrases.covered(tokens)
    return [index for index in sorted(covered) if index - 1 not in covered]


def _within(indexes: set[int], start: int, reach: int) -> bool:
    """Is one of ``indexes`` among the ``reach`` words before ``start``?"""
    return any(index in indexes for index in range(max(0, start - reach), start))


def _asks_which_app(tokens: tuple[str, ...]) -> bool:
    for index, token in enumerate(tokens):
        if not _APP_WORD.match(token):
            continue
        if token.startswith("kurs") and not _STEERING.isdisjoint(tokens[index + 1 : index + 1 + STEERING_REACH]):
            continue  # "Vilken kurs styr den på?": a heading steered, no course taken
        start = max(0, index - WHICH_APP_WINDOW)
        if any(_GOAL_AFTER_WHICH.match(word) for word in tokens[start + 1 : index]):
            continue  # "Mikä tavoite koskee kursseja?": which goal
        before = set(tokens[start:index])
        which = _WHICH | (_WHICH_OF_PARTITIVE if token.endswith(_PARTITIVE_APP) else frozenset())
        if not which.isdisjoint(before):
            return True
    return False


def check_intents(root: Path, cache: DiskCache | None = None) -> tuple[Intents, list[Problem]]:
    path = root / "intents.yaml"
    shown = display_path(path, root)
    data, problems = read_yaml(path, shown, cache)
    lists: dict[str, dict[Lang, frozenset[str]]] = {name: dict.fromkeys(LANGS, frozenset()) for name in INTENT_NAMES}
    written: dict[str, dict[Lang, frozenset[str]]] = {name: dict.fromkeys(LANGS, frozenset()) for name in INTENT_NAMES}
    if problems:
        return Intents.build(lists, written), problems
    for name in INTENT_NAMES:
        section = data.get(name) if isinstance(data, Mapping) else None
        for lang in LANGS:
            items = section.get(lang) if isinstance(section, Mapping) else None
            if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
                problems.append(Problem(shown, "must be a non-empty list of words", entry=name, field=lang))
                continue
            lists[name][lang] = frozenset(fold(item) for item in items)
            written[name][lang] = frozenset(item.casefold() for item in items)
    asks, ask_problems = _read_asks(data.get("asks") if isinstance(data, Mapping) else None, shown)
    return Intents.build(lists, written, asks), problems + ask_problems


def _read_asks(section: object, shown: str) -> tuple[dict[str, tuple[Phrase, ...]], list[Problem]]:
    problems: list[Problem] = []
    asks: dict[str, tuple[Phrase, ...]] = {}
    if not isinstance(section, Mapping):
        return asks, [Problem(shown, f"must map each of {', '.join(ASKED_FACTS)} to fi and sv lists", entry="asks")]
    for extra in sorted(set(map(str, section)) - set(ASKED_FACTS)):
        problems.append(Problem(shown, f"unknown kind; use {', '.join(ASKED_FACTS)}", entry=f"asks.{extra}"))
    for kind in ASKED_FACTS:
        lists = section.get(kind)
        phrases: list[Phrase] = []
        for lang in LANGS:
            items = lists.get(lang) if isinstance(lists, Mapping) else None
            if (
                not isinstance(items, list)
                or not items
                or not all(isinstance(item, str) and item.strip() for item in items)
            ):
                problems.append(
                    Problem(shown, "must be a non-empty list of words or phrases", entry=f"asks.{kind}", field=lang)
                )
                continue
            phrases += [parse_phrase(item) for item in items]
        asks[kind] = tuple(phrases)
    return asks, problems
