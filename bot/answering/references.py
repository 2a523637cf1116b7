"""Direct references to a goal by number, in everyday Finnish and Swedish (and English).

"tavoite 2", "tavote 2", "tavoitteessa 3", "3:ssa tavoitteessa", "2. tavoite", "#4", "kolmas tavoite", "kolomas",
"eka/toka/vika tavoite", "viimeinen tavoite", the numeral nouns "ykkönen", "kakkosessa", "kolmosesta", "neloseen";
"mål 3", "mål nr 2", "fjärde målet", "fösta måle", "sista målet", "det andra av de fyra målen", "ettan", "tvåans",
"trean", "fyran"; "goal 4", "the last goal". With or without diacritics. A count ("neljä tavoitetta", "de fyra
målen") is not a reference.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.core.lang import Lang
from bot.core.text import clean, fold

GOALS = 4
# Text is folded before matching, so "mål" is "mal", "neljäs" is "neljas" and "tvåan" is "tvaan".
_CARDINALS = {
    "1": 1, "2": 2, "3": 3, "4": 4,
    "yksi": 1, "yhden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "nelja": 4, "neljan": 4,
    # spoken and dialectal: "tavoite kaks", "tavote kolome", "nelijä"
    "yks": 1, "yhen": 1, "kaks": 2, "kahen": 2, "kolome": 3, "kolomen": 3, "nelija": 4, "nelijan": 4,
    # Not "etta": folded, the Finnish "että" (that) is "etta" ("tavoite, että asukkaat …" is no goal 1). Not "en":
    # it is the Finnish "I don't" ("Tätä tavoitetta en ymmärrä"), and "mål" counts with "ett".
    "ett": 1, "tva": 2, "tre": 3, "fyra": 4,
    "one": 1, "two": 2, "three": 3, "four": 4,
    # Roman numerals after a goal word ("tavoite II", "mål IV"); not "i", the Swedish "in" ("målet i kommunen").
    "ii": 2, "iii": 3, "iv": 4,
}  # fmt: skip
# Ordinals count next to a goal word only: "toinen" is also "another", "kolmas sektori" the third sector.
_ORDINALS = (
    # Spoken and dialectal forms too: "ensmäinen", "ensimmäne", "toene", "tokka", "kolomas", "nelijäs", "viimonen",
    # "fösta", "förste", "andre".
    (re.compile(r"^(ensimm\w*|ensmai\w*|eka\w*|ekka\w*|1\.|1:a|1st|forsta|fosta|forste|first)$"), 1),
    (re.compile(r"^(toinen|toine|toene|toise\w*|toka\w*|tokka\w*|2\.|2:a|2nd|andra|andre|second)$"), 2),
    (re.compile(r"^(kolmas|kolomas|kolmanne\w*|kolomanne\w*|3\.|3:e|3rd|tredje|third)$"), 3),
    (re.compile(r"^(neljas|nelijas|neljanne\w*|nelijanne\w*|4\.|4:e|4th|fjarde|fourth)$"), 4),
    (re.compile(r"^(viimei\w*|viimo\w*|viimmei\w*|viimene\w*|vika\w*|sista|last)$"), GOALS),
)
# "toiseksi viimeinen", "näst sista", "second last": the goal before the last.
_BEFORE_LAST = frozenset({"toiseksi", "toiseks", "nast", "second"})  # spoken "toiseks viimene"
# Numeral nouns name a goal on their own in this bot: "Mitä kolmonen sanoo?", "Vad handlar ettan om?".
_NUMERAL_NOUNS = (
    # Spoken "kolmone", dialectal "kolomonen", and as the first part of a compound: "kakkostavoite", "nelostavotteessa"
    # "ykköstavoitteemme", "-nne", "-ni", "-si" is someone's own top goal.
    (re.compile(r"^ykko(nen|ne|s|se[a-z]{0,4}|sta|ssa|sia|stavo\w*(?<!mme)(?<!nne)(?<!ni)(?<!si)(?<!nsa))$"), 1),
    (re.compile(r"^kakko(nen|ne|s|se[a-z]{0,4}|sta|ssa|sia|stavo\w*)$"), 2),
    (re.compile(r"^kolo?mo(nen|ne|s|se[a-z]{0,4}|sta|ssa|sia|stavo\w*)$"), 3),
    (re.compile(r"^nelo(nen|ne|s|se[a-z]{0,4}|sta|ssa|sia|stavo\w*)$"), 4),
    (re.compile(r"^ettans?$"), 1),
    (re.compile(r"^tvaans?$"), 2),
    (re.compile(r"^treans?$"), 3),
    (re.compile(r"^fyrans?$"), 4),
)
# Spoken Finnish drops the i ("tavote", "tavotteessa"), South Ostrobothnian lengthens the o ("tavoote"); Ostrobothnian
# Swedish drops the t ("fösta måle").
# "målsättning" is the goals' own Swedish word for a goal.
_GOAL_WORD = re.compile(r"^(tavoi?o?t\w*|malet|male|mal|malen|malets|malsattning|malsattningen|goals?)$")
# A goal named by its theme in one word: "avoimuustavoite", "demokratiakasvatustavoitteessa", "demokratifostringsmålet"
# (a theme of at least five letters before the goal word; not plurals, "vaalitavoitteet" are the goals).
_THEMED_GOAL_WORD = re.compile(
    r"^(\w{5,}?)(tavoi?o?te|tavoi?o?tteen|tavoi?o?tteessa|tavoi?o?tteesta|tavoi?o?tteeseen|tavoi?o?tetta|malet)$"
)
# "andra" is "second" only before the definite "målet" or in "andra av målen": "andra mål" are other goals.
_DEFINITE_GOAL_WORD = re.compile(r"^(malet|male|malets|malsattningen|tavoi?o?t\w*|goal)$")
_PLURAL_GOAL_WORD = re.compile(
    r"^(tavoi?o?tteet|tavoi?o?tteita|tavoi?o?tteiden|tavoi?o?tteissa|tavoi?o?tteista|malen|goals)$"
)
_GOAL_WORD_LANG: tuple[tuple[re.Pattern[str], Lang], ...] = (
    (re.compile(r"^tavoi?o?t\w*$"), "fi"),
    (re.compile(r"^(malet|male|mal|malen|malets|malsattning|malsattningen)$"), "sv"),
)
# Between a number and its goal word: "mål nr 2", "tavoite numero kaksi", "the last of the goals".
_FILLER = frozenset({"nro", "nr", "numero", "nummer", "no", "n:o", "numro", "number"})
# Before a cardinal and the goal word, only a word for number: "no neljä tavoitetta" is Finnish "well, four goals".
_NUMBER_WORDS = _FILLER - {"no"}
# Between an ordinal and a later goal word: "det andra av de fyra målen", "viimeinen KANEn tavoitteista".
_GAP = frozenset({"av", "de", "fyra", "kanes", "kane", "kanen", "kane:n", "kane:s", "of", "the", "four", "naista",
                  "niista", "nelja", "neljasta", "ja", "och", "and"})  # fmt: skip
_GAP_WORDS = 4
# A number after "nr" / "numero" with no goal word names a goal only in a message this short ("nr 3 tack"):
# "kokoushuone nro 3 on varattu" is a room.
_BARE_NUMBER_TOKENS = 4
_TOKEN = re.compile(r"#\d+|\d+(?::[^\W\d_]+|[.:]|st|nd|rd|th)?|[^\W\d_]+(?::[^\W\d_]+)?", re.UNICODE)


# Words that fold into an ordinal: "förstå" (understand) is "första" (first) without its marks.
_NOT_ORDINALS = frozenset({"förstå", "läst"})  # "läst" (read) is "last" without its marks


def _tokens(text: str) -> list[str]:
    found = (match.group(0) for match in _TOKEN.finditer(clean(text).casefold()))
    return [token if token in _NOT_ORDINALS else fold(token) for token in found]


def _number(token: str) -> int | None:
    """A cardinal or digit after a goal word: "2", "kaksi", "3:ssa", "tre"."""
    number = _CARDINALS.get(token.rstrip(".:")) or _CARDINALS.get(token.split(":")[0])
    return number if number is not None and 1 <= number <= GOALS else None


def _ordinal(token: str) -> int | None:
    for pattern, number in _ORDINALS:
        if pattern.match(token):
            return number
    return None


def numeral_noun(token: str) -> int | None:
    """The goal a numeral noun names on its own ("kolmosesta", "trean"), or None."""
    for pattern, number in _NUMERAL_NOUNS:
        if pattern.match(token):
            return number
    return None


def _near_goal_word(tokens: list[str], index: int) -> bool:
    """Is a goal word right after token ``index``, or a few small words later ("andra av de fyra målen")?"""
    for offset, token in enumerate(tokens[index + 1 : index + 1 + _GAP_WORDS]):
        if _GOAL_WORD.match(token):
            return tokens[index] != "andra" or offset > 0 or bool(_DEFINITE_GOAL_WORD.match(token))
        if token not in _GAP:
            return False
    return False


# Finnish case endings (folded) of an ordinal that agrees with a noun after it; Swedish ordinals ("första",
# "sista") only end so by chance.
_CASE_ENDINGS = ("een", "ssa", "sta", "lle", "lla", "lta", "ksi", "tta")
_SWEDISH_ORDINALS = frozenset({"forsta", "sista", "andra", "tredje", "fjarde"})


# The same cases, told apart from the genitive: illative "-seen" ("toiseen", "tavoitteeseen"), not "tavoitteen".
_AGREEING_ENDINGS = ("seen", "ssa", "sta", "lle", "lla", "lta", "ksi", "tta")


def _agrees(ordinal: str, goal_word: str) -> bool:
    """Does the ordinal take the goal word's own case ("tavoitteesta viimeisestä")?"""
    return any(ordinal.endswith(ending) and goal_word.endswith(ending) for ending in _AGREEING_ENDINGS)


# "ett i taget", "ett efter ett", "yksi kerrallaan" (spoken "kerrallansa", "kerrallaa"), "one by one": a number
# that counts steps, not a goal.
_AT_A_TIME = (
    ("i", "taget"), ("at", "gangen"), ("i", "sander"), ("efter", "ett"), ("och", "ett"), ("kerrallaan",), ("kerralla",),
    ("kerrallansa",), ("kerrallaa",),
    ("at", "a", "time"), ("by", "one"),
)  # fmt: skip


_ONE = frozenset({"ett", "en", "yksi", "yks", "one"})


def _one_at_a_time(tokens: list[str], number_at: int) -> bool:
    """Does the number at ``number_at`` count "one at a time" rather than name a goal? Only "one" does: "mål 2
    efter ett år" is goal 2."""
    return tokens[number_at] in _ONE and any(
        tuple(tokens[number_at + 1 : number_at + 1 + len(words)]) == words for words in _AT_A_TIME
    )


def goal_reference(text: str) -> int | None:
    """The goal number the text refers to directly, or None. Only goals 1-4 exist. A goal named by its place beside
    another ("målet efter ettan", "kakkosen jälkeinen tavoite", "ennen nelosta") is that one's neighbour."""
    tokens = _tokens(text)
    found = _named_goal(tokens)
    if found is None:
        return None
    number, at = found
    shifted = number + _relative_step(tokens, at)
    return shifted if 1 <= shifted <= GOALS else None


# A goal named beside another: a word before the named one ("efter ettan", "ennen nelosta", "före det sista") or
# after it ("kakkosen jälkeen", "ykköstä seuraava", "kolmosta edeltävä"; these two after a partitive only) (folded).
_AFTER_BEFORE = frozenset({"efter", "after"})
_BEFORE_BEFORE = frozenset({"fore", "innan", "ennen", "before"})
_AFTER_AFTER = frozenset({"jalkeen", "jalkeinen", "jalkeista", "jalkeisen", "jalkeisesta", "jalkeisessa"})
_AFTER_PARTITIVE = frozenset({"seuraava", "seuraavaa", "seuraavan", "seuraavassa", "seuraavasta", "seuraavat"})
_BEFORE_PARTITIVE = frozenset({"edeltava", "edeltavaa", "edeltavan", "edeltavassa", "edeltavasta"})
_ARTICLES = frozenset({"det", "den", "the"})


def _relative_step(tokens: list[str], at: int) -> int:
    """+1 for the goal after the one named at ``at``, -1 for the one before, 0 for the named one itself. The goal
    word beside the name is read through ("efter mål 3", "toisen tavoitteen jälkeen", "tavoitetta 2 seuraava")."""
    start = at - 1 if at > 0 and _GOAL_WORD.match(tokens[at - 1]) else at
    end = at + 1 if at + 1 < len(tokens) and _GOAL_WORD.match(tokens[at + 1]) else at
    before = tokens[start - 1] if start > 0 else ""
    if before in _ARTICLES and start > 1:
        before = tokens[start - 2]  # "före det sista målet"
    if before in _AFTER_BEFORE:
        return 1
    if before in _BEFORE_BEFORE:
        return -1
    after = tokens[end + 1] if end + 1 < len(tokens) else ""
    partitive = tokens[end].endswith("ta") or tokens[start].endswith("ta")
    if after in _AFTER_AFTER or (partitive and after in _AFTER_PARTITIVE):
        return 1
    return -1 if partitive and after in _BEFORE_PARTITIVE else 0


_SINGULAR_THE = frozenset({"det", "den"})  # "det andra mål"
_THERE_ARE = frozenset({"finns", "fins", "fanns", "finnas", "gives"})


def _before_last_joined(token: str) -> bool:
    """ "toiseksviimeinen", "toiseksiviimeisen", "nästsista": the goal before the last, written as one word."""
    return any(
        token.startswith(prefix) and len(token) > len(prefix) and _ordinal(token[len(prefix) :]) == GOALS
        for prefix in _BEFORE_LAST
    )


def _named_goal(tokens: list[str]) -> tuple[int, int] | None:
    """The goal number named directly and the index of the word that names it ("kolmonen", "3", "tredje")."""
    for index, token in enumerate(tokens):
        if token.startswith("#") and token[1:].isdigit():  # "#4 mikä se on"
            hashed = int(token[1:])
            if 1 <= hashed <= GOALS:
                return hashed, index
        noun = numeral_noun(token)
        if noun is not None:
            return noun, index
        if token in _FILLER and len(tokens) <= _BARE_NUMBER_TOKENS and index + 1 < len(tokens):
            bare = _number(tokens[index + 1])  # "nr 3 tack", "numero 2?": only the goals are numbered here
            if bare is not None:
                return bare, index + 1
        if not _GOAL_WORD.match(token):
            before_last = _before_last_joined(token)  # "toiseksviimenen tavote", "det nästsista målet"
            if before_last and _near_goal_word(tokens, index):
                return GOALS - 1, index
            ordinal = _ordinal(token)
            if ordinal is not None and _near_goal_word(tokens, index):
                if ordinal == GOALS and index > 0 and tokens[index - 1] in _BEFORE_LAST:
                    return GOALS - 1, index
                return ordinal, index
            continue
        following = [word for word in tokens[index + 1 : index + 3] if word not in _FILLER][:1]
        if following and _one_at_a_time(tokens, tokens.index(following[0], index + 1)):
            following = []  # "bläddra igenom målen ett i taget", "tavoitteet yksi kerrallaan": no goal named
        for word in following:
            # An ordinal in a Finnish case after the goal word belongs to the next noun: "tavoitteen toiseen
            # keskusteluun" shares the goal to another chat; "tavoite toinen" is goal 2. So does one before an
            # action word: "avoimen hallinnon tavoitteen toinen kohta" is that goal's second action.
            in_a_case = word.endswith(_CASE_ENDINGS) and word not in _SWEDISH_ORDINALS and not _agrees(word, token)
            at = tokens.index(word, index + 1)
            of_an_action = at + 1 < len(tokens) and bool(_ACTION_WORD.match(tokens[at + 1]))
            after = _number(word) or (_ordinal(word) if not (in_a_case or of_an_action) else None)
            if after is not None:
                return after, at
        # Before the goal word a cardinal counts only as a digit with an ending ("3:ssa tavoitteessa", "2. tavoite"):
        # "kolme tavoitetta" is a count of goals, "kolmas tavoite" is goal 3.
        if index > 0:
            before = tokens[index - 1]
            # "andra mål" are other goals; "det andra målet", and a learner's "det andra mål", the second
            second = _DEFINITE_GOAL_WORD.match(token) or (
                index > 1
                and tokens[index - 2] in _SINGULAR_THE
                and not _PLURAL_GOAL_WORD.match(token)
                and (index < 3 or tokens[index - 3] not in _THERE_ARE)  # "Finns det andra mål …?": other goals
            )
            found = _ordinal(before) if before != "andra" or second else None
            if found is None and (before.endswith((".", ":")) or ":" in before):
                found = _number(before)
            if found is None and index > 1 and tokens[index - 2] in _NUMBER_WORDS:
                found = _number(before)  # "numero kolme tavoite", "nummer tre mål": the number is the goal's name
            if found is not None:
                return found, index - 1
    return None


# The actions under a goal's "what can councillors and officials do", as people name them: "toka kohta", "ensimmäinen
# toimenpide", "kolmas keino", "den andra åtgärden", "sista punkten", "förslag 2" (folded).
# "kohta" in its cases only: "kohtaaminen" (an encounter) and the verb "kohtaa" with a count are no actions.
_ACTION_WORD = re.compile(
    r"^(toimenpi\w*|keino\w*|kohta|kohdan|kohdassa|kohdasta|kohtaan|kohdalla|kohdalle|kohdat|kohtia|kohdista"
    r"|kohdissa|kohtaa|kohdaksi|kohtana|ehdotu\w*|ehdotuks\w*|atgard\w*|punkt\w*|forslag\w*)$"
)
# Small words between an ordinal and the action word: "den allra sista punkten", "sen ihan ensimmäisen kohdan".
_ACTION_GAP = frozenset({"allra", "aivan", "ihan", "the", "very"})
LAST_ACTION = -1
MIDDLE_ACTION = -2  # "keskimmäinen toimenpide", "mittersta punkten": the middle one of an odd number of actions
_MIDDLE = re.compile(r"^(keskimm?ai\w*|keskimmae\w*|mittersta|mellersta|middle)$")


def action_reference(text: str) -> int | None:
    """Which action of a goal the text names by its place: 1, 2, 3, LAST_ACTION ("viimeinen kohta", "sista
    punkten"), MIDDLE_ACTION ("keskimmäinen kohta"), or None. An ordinal just before an action word ("toisessa
    kohdassa", "ensimmäiseksi keinoksi", "den andra åtgärden"), or a number just after one ("kohta 2", "punkt 3").
    Read only where a goal is named: "kohta" alone is also "soon"."""
    tokens = _tokens(text)
    for index, token in enumerate(tokens):
        if not _ACTION_WORD.match(token) or _someones_own(tokens, index):
            continue
        before = index - 1
        while before >= 0 and tokens[before] in _ACTION_GAP:
            before -= 1
        if before >= 0 and _MIDDLE.match(tokens[before]):
            return MIDDLE_ACTION
        ordinal = _ordinal(tokens[before]) if before >= 0 and not _other(tokens, before, index) else None
        if ordinal == GOALS and _LAST.match(tokens[before]):
            # "toiseksi viimeinen kohta", "näst sista punkten": the one before the last
            return 2 if before > 0 and tokens[before - 1] in _BEFORE_LAST else LAST_ACTION
        if ordinal is not None and ordinal < GOALS:
            return ordinal
        after = _number(tokens[index + 1]) if index + 1 < len(tokens) else None
        counted = index + 2 < len(tokens) and tokens[index + 2] in _COUNTED  # "kohta 2 viikon päästä" is soon
        if after is not None and after < GOALS and not counted:
            return after
    return _place_in_the_list(tokens)


# A place in the goal's list said as an adverb beside a verb of listing (passive or the goal's own, within two words):
# "Mitä tavoitteessa 2 luetellaan ekana?", "Vad nämns sist i mål tre?"; not "Mitä kunta tekee ensin?" (what is done
# first), "Mainitsin ensin valtuustossa tavoitteen 4" (the asker's order), "Vilket mål nämns först?" (a goal asked).
_PLACE_ADVERBS = {
    "ekana": 1, "ensimmaisena": 1, "ensin": 1, "ensiksi": 1, "tokana": 2, "toisena": 2, "kolmantena": 3,
    "viimeisena": LAST_ACTION, "vikana": LAST_ACTION, "viimeiseksi": LAST_ACTION, "forst": 1, "sist": LAST_ACTION,
}  # fmt: skip
_LISTING = frozenset({"luetellaan", "luettelee", "luetellut", "lueteltu", "mainitaan", "mainitsee", "mainittu",
                      "nimetaan", "namns", "namnes", "raknas", "listas", "listataan"})  # fmt: skip
_LISTING_REACH = 2
_WHICH = frozenset({"vilket", "vilka", "mika", "mitka", "kumpi", "which"})


def _place_in_the_list(tokens: list[str]) -> int | None:
    if any(word in _WHICH and _GOAL_WORD.match(after) for word, after in pairwise(tokens)):
        return None  # "Vilket mål nämns först?", "Mikä tavoite mainitaan ensimmäisenä?" ask which goal
    for index, token in enumerate(tokens):
        if token not in _LISTING:
            continue
        near = tokens[max(0, index - _LISTING_REACH) : index + 1 + _LISTING_REACH]
        place = next((_PLACE_ADVERBS[word] for word in near if word in _PLACE_ADVERBS), None)
        if place is not None:
            return place
    return None


_LAST = _ORDINALS[-1][0]  # "viimeinen", "sista", "last": the ordinal of the last goal, read of an action
# An action word of the asker's own proposal or of a meeting's agenda ("mitt första förslag", "meidän ensimmäinen
# ehdotus", "sista punkten på agendan", "toinen kohta, josta haluan kysyä"), folded.
# (Not "vår", folded "var": also "where" and "was".)
_OWNERS = frozenset({"mitt", "min", "mina", "meidan", "minun", "mun", "meiran", "meijan"})
_AGENDA = frozenset({"agenda", "agendan", "dagordning", "dagordningen", "mote", "motet", "asialista",
                     "asialistalla", "asialistan", "kokous", "kokouksen", "kokouksessa", "listalla", "josta", "jota",
                     "som", "hallituksen", "styrelsen", "styrelse", "poytakirjassa", "poytakirjan",
                     "protokollet"})  # fmt: skip
# Counted things after a number: "kohta 2 viikon päästä" (soon), "kohtaa 2 kertaa vuodessa" (meets twice).
_COUNTED = frozenset({"viikon", "viikkoa", "vuotta", "vuoden", "kuukauden", "kuukautta", "paivan", "paivaa",
                      "kertaa", "tunnin", "tuntia", "veckor", "veckan", "ar", "manader", "dagar",
                      "ganger"})  # fmt: skip
_OWN_SUFFIXES = ("ni", "mme", "nne")
OWNER_REACH = 3


def _someones_own(tokens: list[str], index: int) -> bool:
    near = set(tokens[max(0, index - OWNER_REACH) : index]) | set(tokens[index + 1 : index + 1 + OWNER_REACH])
    if not (_OWNERS.isdisjoint(near) and _AGENDA.isdisjoint(near)) or tokens[index].endswith(_OWN_SUFFIXES):
        return True
    # The asker's own numbering, first in the message: "Eka kohta: mitä tavoite 1 sanoo tiloista?", "Första
    # punkten: vad säger mål 1 om lokaler?"
    return index <= 1 and index + 1 < len(tokens) and tokens[index + 1] in _ASKING_NEXT


_ASKING_NEXT = frozenset({"mita", "mika", "miten", "kuka", "onko", "vad", "vilken", "hur", "vem", "ar"})


# "andra"/"toinen" as "other": "andra åtgärder", "vilka andra förslag" (plural), "joku toinen keino", "toinen keino
# kuin avustukset"; "andra punkt", "den andra åtgärden" (singular) are the second.
_SOME = frozenset({"joku", "jokin", "muu", "yksi", "mikaan", "nagon", "nan", "nagra", "vilka", "alla", "flera"})
_SWEDISH_PLURALS = ("er", "ar", "erna", "arna")


def _other(tokens: list[str], ordinal_at: int, action_at: int) -> bool:
    word = tokens[ordinal_at]
    some = ordinal_at > 0 and tokens[ordinal_at - 1] in _SOME
    if word == "andra":
        return some or tokens[action_at].endswith(_SWEDISH_PLURALS)
    if word.startswith("toi"):
        return some or "kuin" in tokens[action_at:]
    return False


def mentions_a_goal(text: str) -> bool:
    """Does the text speak of one goal ("tavoite", "målet") rather than of the goals in general?"""
    return any(_GOAL_WORD.match(token) and not _PLURAL_GOAL_WORD.match(token) for token in _tokens(text))


def goal_themes(text: str) -> list[str]:
    """The themes of goals named in one word: "demokratiakasvatustavoite" → "demokratiakasvatus",
    "avgiftsfrihetsmålet" → "avgiftsfrihets" (folded)."""
    return [found.group(1) for token in _tokens(text) if (found := _THEMED_GOAL_WORD.match(token))]


def goal_word_language(text: str) -> Lang | None:
    """The language of the word for "goal" in a short reference such as "mål 2?" (too short to detect)."""
    for token in _tokens(text):
        for pattern, lang in _GOAL_WORD_LANG:
            if pattern.match(token):
                return lang
        if numeral_noun(token) is not None:
            return "sv" if token.endswith(("an", "ans")) else "fi"
    return None
