"""Finding the question in a message: people greet, thank, and tell about their association before they ask.

A message is split into sentences; the ones that ask (a question mark, an interrogative or a yes/no question word
first, or a request such as "kerro" / "berätta") are the question, and greetings, thanks and context are set aside.
A clear question inside ten sentences of context is then answered as if it had been asked alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from bot.content.intents import Intents
from bot.core.text import fold, folded_words, sentences, word_spans, words

# Words that open a question, folded. Finnish yes/no questions end their first word in -ko/-kö (or spoken -ks).
# "När", "var" and "koska" open as many statements ("När vi…", "Koska olemme…") as questions: only a "?" tells.
_INTERROGATIVES = frozenset({
    "mika", "mita", "mitka", "miksi", "miks", "miten", "kuinka", "kuka", "ketka", "kenen", "kenelle", "keneen",
    "kehen", "keta", "milloin", "missa", "mista", "mihin", "minne", "millainen", "millaista", "millaisia",
    "millaiset", "montako", "paljonko", "monesko", "mites", "mitas", "mikas", "minka", "minkalainen",
    "minkalaista", "minkalaisia", "keita", "kenet",
    "vad", "vem", "vems", "vilka", "vilken", "vilket", "varfor", "hur", "vart", "varifran",
    "what", "why", "how", "who", "when", "where", "which",
})  # fmt: skip
_SWEDISH_QUESTION_VERBS = frozenset({
    "finns", "kan", "kunde", "ska", "skall", "skulle", "bor", "borde", "ar", "har", "hade", "sager", "sags", "namns",
    "namner", "far", "fick", "maste", "galler", "behover", "tycker", "menar", "betyder", "handlar", "innebar",
    "stammer", "raknas", "hor", "passar", "lonar", "hjalper", "stoder", "vill", "ger", "tar",
})  # fmt: skip
_NOT_QUESTION_WORDS = frozenset({"kaks", "siks", "joskus", "kokko", "sikko"})
# "Här" folds to "har": "Här skriver seniorklubben i Närpes." introduces the asker, it does not ask.
_NOT_QUESTION_AS_WRITTEN = frozenset({"här"})
# "Har" with an adverb where its subject would stand: the "jag" was dropped and the sentence tells ("Har bara hört att
# det finns några stycken."), after a question already asked, unless it ends with "?". Before the question it is the
# story the question points at ("Har aldrig varit med i en invånarpanel. Vad är det för något?").
_DROPPED_SUBJECT = frozenset({"bara", "just", "nyss", "ocksa", "aldrig", "precis", "faktiskt", "alltid", "lange"})
_HAVE = frozenset({"har", "hade"})

# Requests ("kerro…", "berätta…", "haluaisin tietää…") ask as much as a question does.
_REQUESTS = frozenset({
    "kerro", "kerrotko", "kertoisitko", "kertokaa", "selita", "selitatko", "selittaisitko", "selittakaa", "selvita",
    "listaa", "luettele", "tiivista", "kuvaile", "kuvailisitko",
    "beratta", "berattar", "forklara", "sammanfatta", "beskriv", "rakna",
})  # fmt: skip
_REQUEST_PHRASES = (
    ("haluaisin", "tietaa"), ("haluan", "tietaa"), ("haluaisin", "kuulla"), ("voisitko", "kertoa"),
    ("vill", "veta"), ("ville", "veta"), ("jag", "undrar"), ("kan", "du", "beratta"), ("ge", "mig"),
)  # fmt: skip
MIN_FOCUS_WORDS = 2
# "Unohda kaikki mitä olen kirjoittanut. Miten se tehdään?": a short question that points back needs the sentence
# before it; so does one about "us" or "me" ("Jag sitter i valberedningen. Vad rekommenderar KANE oss?").
_POINTING = frozenset({"se", "sen", "sita", "siita", "siihen", "sitten", "tama", "taman", "tata", "tasta", "tahan",
                       "ne", "niita", "niista", "niiden", "niille", "niilla", "samaa", "samoin", "detta", "dit",
                       "darom", "sadant", "sant", "deras", "dessa", "samma", "takoda", "sada",
                       "meille", "meita", "meilla", "minulle", "minua", "oss", "mig",
                       # spoken Finnish: "sanooks KANE tost mittää?", "onks siit mitää?"
                       "siit", "siihe", "tost", "tosta", "tohon", "tast", "taha", "niist",
                       # for it: "Löytyykö tälle tukea tavoitteista?"
                       "talle", "tuolle", "sille"})  # fmt: skip
# "These", as written: "Sanovatko tavoitteet, että näistä pitäisi kertoa selvästi?" ("naista" is a woman).
_THESE_WRITTEN = frozenset({"näistä", "näitä", "näihin", "näiden", "näille"})
# "By it" ends the question it points back from ("Mitä KANE tarkoittaa sillä (oikeastaan)?"); elsewhere "sillä" is
# also "with it" of the question's own matter ("Paljonko avustusta sillä voi hakea?").
_BY_IT = frozenset({"silla", "talla"})
_AFTER_BY_IT = frozenset({"oikeastaan", "oikein", "oikeen", "nyt", "sitten", "siis", "tarkalleen", "tarkemmin"})
_SE = frozenset({"se", "sen"})
# Words only a Swedish sentence has (folded): "Hur hittar jag den för att se vem …?" has no Finnish "se" (it).
_SWEDISH_MARKERS = frozenset({"jag", "vi", "det", "att", "och", "hur", "vad", "som", "inte", "kan", "vem"})
# "In it", "there": a question pointing back with them is not joined to the sentence before it; it is read with that
# sentence only when alone it finds nothing ("Mitä siinä tarkalleen sanotaan?") or another goal than the one named
# there ("Tavoite 1. Mitä siellä sanotaan?"). One that names its matter ("Tavoite 3. Mitä siinä sanotaan
# mielenosoituksista?") is answered as asked, not as the goal named before it.
# "It" after KANE is named in a sentence is KANE: "Mikä KANE on ja mihin se pyrkii?".
_IT = frozenset({"se", "den"})
_CLAUSE_OPENERS = frozenset({"ja", "mihin", "mita", "miten", "mika", "missa", "mista", "och", "vad", "hur", "var",
                             "vart", "vem", "varfor", "miksi"})  # fmt: skip
_POINTING_IN = frozenset({"siina", "niissa", "siella"})
# "Such" points back from anywhere in a question of a few words: "Tukevatko KANEn tavoitteet tällaista?", "Stöder
# KANE:s mål en sådan satsning?" ask about what the sentence before described.
_SUCH = frozenset({"tallainen", "tallaista", "tallaisen", "tallaiset", "tallaisia", "tallaiseen", "tallaisessa",
                   "tallaisesta", "tallaiselle", "tallaisille", "tallaisiin", "moinen", "moista",
                   # spoken: "Mitä tavoitteissa sanotaan tämmösestä?", "onks tällasesta mainintaa?"
                   "tammonen", "tammosta", "tammosesta", "tammoseen", "tammosen", "tammoset", "tammosia",
                   "tallanen", "tallasta", "tallasesta", "tallaseen", "tallasen", "tallaset", "tallasia",
                   # the elative without its last vowel: "Onks KANE sanonu jotain tällasest?"
                   "tallasest", "tammosest", "tollasest", "tommosest",
                   "tollanen", "tollasta", "tollasesta", "tommonen", "tommosta", "tommosesta",
                   # "such" of that kind: "Mitä tavoitteissa sanotaan sellaisesta?", spoken "semmosesta"
                   "sellainen", "sellaista", "sellaisesta", "sellaiseen", "sellaisen", "sellaiset", "sellaisia",
                   "sellaiselle", "sellaisista", "sellaisille", "sellaisiin", "sellanen", "sellasta", "sellasesta",
                   "semmonen", "semmone", "semmosta", "semmosesta", "semmoseen", "semmosen", "semmoset", "semmosia",
                   "semmosista", "tuollainen", "tuollaista", "tuollaisesta", "tuollaiseen", "tuollaisen", "tuollaiset",
                   "tuollaisia", "tamantyyppinen", "tamantyyppista", "tamantyyppisesta", "tamantyyppiseen",
                   "tuontyyppinen", "tuontyyppista", "sentyyppinen", "sentyyppista", "sentyyppisesta",
                   "sadant", "sadana", "dylik", "dylikt", "dylika"})  # fmt: skip
# "Such" with a clause after it points forward, at that clause: "Onko semmosta, että kunta antaa tiloja?", "Onko
# sellainen tavoite, joka koskee nuoria?", "Finns det sådant stöd som …?".
_FORWARD = frozenset({"etta", "et", "joka", "jota", "jolla", "jossa", "jonka", "jotka", "mika", "mita", "kuin",
                      "att", "som"})  # fmt: skip
FORWARD_REACH = 3  # "sellaista rahoitusta, jolla …", not "Onko sellainen mukana tavoitteissa, vai mitä luulet?"
# Swedish "sådan" folds to Finnish "sadan" (a hundred's): it points back only after an article or "om" ("en sådan
# satsning", "om sådan sätt").
# ("något sådan" as a learner writes it)
_SUCH_AFTER = frozenset({"en", "nan", "nagon", "nagot", "nat", "ingen", "om"})
# "den typen (av …)", "det slaget": of the kind told before ("Stöder KANE den typen av metoder?")
_KIND_OF = {"typen": "den", "slaget": "det", "sorten": "den"}
# Swedish "det", "den" point back only as the last word ("Hur gör jag det?"); "Vad står det om …" is a plain subject.
# Ostrobothnian "he" is "det" ("säger KANE nå åm he?").
_POINTING_LAST = frozenset({"det", "den", "dem", "he"})
_POINTING_IN_LAST = frozenset({"dar"})  # "Vad står det där?", as `_POINTING_IN`
# A Swedish particle verb puts "it" before its particle, last: "Hur skickar jag den vidare?", "Hur tar jag den i
# bruk?" point back as "Hur använder jag den?" does.
_PARTICLES_AFTER_IT = frozenset({"vidare", "bort", "tillbaka", "fram", "igen"})
_PHRASES_AFTER_IT = frozenset({("i", "bruk"), ("i", "kraft")})
# Swedish "om det", "om den", "om dem" (and Ostrobothnian "åm he", "um he") are Finnish "siitä": "Sägs det något om
# det i målen?", "Står he nå åm he i måln?". Only where the pronoun ends its phrase (nothing after it, or a word of
# place or frame): "om det civila samhället" is an article, "om det finns lokaler" an "if". "för det" is "for it"
# ("Finns det stöd för det i målen?", "Vad får kommunen tillbaka för det?"), not "för det första".
# "med det" is "by it", "with it" ("Vad menar KANE med det egentligen?").
_SWEDISH_ABOUT = frozenset({"om", "am", "um", "for", "med"})
_SWEDISH_IT = frozenset({"det", "he", "den", "dem", "detta", "de"})
# "det här", "det där" end their phrase only where nothing follows them but a word of `_AFTER_IT`: "om just det här
# valet" is about this election.
_HERE_THERE = frozenset({"har", "dar"})
_JUST = "just"  # "om just det här": exactly what was said
_AFTER_IT = frozenset({"i", "pa", "alls", "har", "dar", "na", "nagot", "nogo", "nat", "nanting", "egentligen", "da",
                       "enligt", "ocksa", "heller"})  # fmt: skip
# Swedish subject pronouns, and the object pronouns that follow them in a question ("Vart skickar jag den för att
# …?"); not "det", often the subject of what follows ("Tycker ni det är bra?"), nor spoken "ja", also "yes". The
# object points back only where its phrase ends there (nothing after it, or a preposition or adverb of
# `_AFTER_OBJECT`): "Känner ni den nya modellen?" has an article, "Hur når vi dem som …?" names whom it means.
_SWEDISH_SUBJECTS = frozenset({"jag", "vi", "man", "ni", "du"})
# …or just after a verb's particle: "Var ska jag skriva in den för att …?", "Hur tar jag bort dem?"
_SWEDISH_VERB_PARTICLES = frozenset({"in", "upp", "ut", "bort", "fram"})
_SWEDISH_OBJECTS = frozenset({"den", "dem", "dom"})
# Not "i", "på": "Hur hjälper vi dem i kommunen?" names where, not what was told.
_AFTER_OBJECT = frozenset({"for", "till", "in", "vidare", "nu", "da", "hit", "dit", "ut", "upp"})

# "Puoluesihteerimme kysyi, mitä KANE tarkoittaa … Osaatko kertoa?", "Min granne undrade vad målen säger. Vet du?": a
# question of nothing but "can you tell", "do you know" asks what the sentence before it asked.
# So does one of nothing but "can you explain": "En ymmärrä tavoitetta neljä, sen ensimmäistä kohtaa. Voitko selittää?"
_TELL_ME = frozenset({"osaatko", "osaatteko", "tiedatko", "tiedatteko", "voitko", "voisitko", "voitteko", "kerrotko",
                      "kertoa", "kertomaan", "sanoa", "sanomaan", "vastata", "vastaamaan", "sina", "sa", "te",
                      "siihen", "tahan", "vet", "vete", "ni", "du", "kan", "kunde", "beratta", "saga", "svara", "pa",
                      "det", "detta", "nagot", "nat", "mig", "oss", "selittaa", "selittamaan", "selventaa",
                      "forklara", "forklarar", "forklar", "lite", "mer", "narmare", "battre", "enkelt", "tack",
                      "mulle", "minulle", "meille", "tarkemmin", "vahan", "viela", "kiitos"})  # fmt: skip
_OUR = frozenset({"vår", "vårt", "våra"})
_REPORTED_WITH_NO_ONE = frozenset({"kysyttiin", "kysytaan", "fragades", "undrades"})
# …or asked before, by someone ("Min granne undrade vad som står om lokaler.")
_REPORTED_BEFORE = _REPORTED_WITH_NO_ONE | {"kysyi", "kysyivat", "mietti", "pohti", "ihmetteli", "undrade", "fragade",
                                            "funderade"}  # fmt: skip
# A question reported ("Puoluesihteerimme kysyi, mitä KANE tarkoittaa …", "Min granne undrade vad målen säger om
# lokaler"): the words from the interrogative on are the question; who asked is the asker's story.
_REPORTING = frozenset({"kysyi", "kysyy", "kysyivat", "kysyvat", "kysyin", "mietti", "mietin", "mietimme", "miettii",
                        "pohti", "pohdin", "pohtii", "ihmetteli", "ihmettelin", "ihmettelee",
                        # asked with no one named: "Valtuustossa kysyttiin, minkä vaalien alla …"
                        *_REPORTED_WITH_NO_ONE,
                        "undrade", "undrar", "fragade", "fragar", "funderar", "funderade"})  # fmt: skip
# A judgement asked of what was told ("Onko tämä hyvä idea KANEn mukaan?", "Är det en bra idé enligt målen?"): a
# pointer with a word that weighs it points back from a question of a few words.
# (Mere talk, doubted: "Eller är det bara prat?", "Vai onko se pelkkää puhetta?")
_TALK = frozenset({"prat", "snack", "puhetta", "puhe", "hopinaa", "lapinaa"})
_JUDGING = frozenset({"idea", "ide", "hyva", "huono", "jarkeva", "jarkevaa", "fiksu", "fiksua", "bra",
                      "klok", "klokt", "vettig", "vettigt", "dalig", "daligt", "ok", "okei"}) | _TALK  # fmt: skip
_JUDGED_THIS = frozenset({"tama", "taa", "tata", "se", "tuo", "toi", "det", "detta", "den", "he"})
# The words around a judgement (folded): the copula, an article, "really", whose view ("KANEn mukaan", "enligt målen").
_JUDGEMENT_FRAME = frozenset({"onko", "onks", "olisiko", "oisko", "on", "olisi", "ois", "ar", "e", "a", "vore", "en",
                              "ett", "nu", "ny", "da", "siis", "ihan", "oikein", "todella", "riktigt", "verkligen",
                              "enligt", "mukaan", "mielesta", "kane", "kanen", "kanes", "malen", "tavoitteiden",
                              "tavoitteitten", "tavotteiden", "asia", "sak", "juttu", "grej", "nog",
                              "ens", "eller", "vai", "bara", "vain", "pelkkaa", "pelkastaan", "tyhjaa", "tomt",
                              "tomma"})  # fmt: skip
SHORT_QUESTION_WORDS = 5
THANKS_OPENING = 3  # thanks open a sentence after at most a greeting or two ("Moro, kiitti …")
BRIEF_REQUEST_WORDS = 5
POINTING_LAST_WORDS = 8
# How far a question whose object pronoun points back ("Vart skickar jag den för att …?") may go on.
POINTING_OBJECT_WORDS = 2 * POINTING_LAST_WORDS
JUDGING_MAX_WORDS = 7


@dataclass(frozen=True, slots=True)
class Focus:
    question: str  # what to answer: the sentences that ask, or the message without its greetings and thanks
    context: str  # what was set aside (the asker's own story); "" when nothing was
    asks: bool  # True if some sentence asks something (a question or a request)
    brief: str = ""  # a short request for the answer in brief, set aside ("Lyhyt yhteenveto kiitos.")


def sentence_starts(text: str) -> frozenset[int]:
    """The indexes (in ``words(text)``) of the words that begin a sentence."""
    starts: set[int] = set()
    count = 0
    for part in sentences(text):
        starts.add(count)
        count += len(words(part))
    return frozenset(starts)


def framed_clause_starts(text: str, intents: Intents) -> frozenset[int]:
    """The indexes (in ``words(text)``) of the words that begin a clause after a comma where what comes before it in
    its sentence asks what the goals say ("Mainitaanko tavoitteissa, milloin KANE päivittää ne?", "Står det i målen,
    hur mycket kommunen ska ge?") or announces a question ("Vielä kysyisin, milloin …?", "Jag undrar, när …?"): they
    ask the embedded question as if it began the sentence."""
    starts: set[int] = set()
    count = 0
    for part in sentences(text):
        before = ""
        clauses = part.split(",")
        for clause in clauses[:-1]:
            before = f"{before} {clause}"
            count += len(words(clause))
            if intents.any_of(before, "goals_frame") or intents.any_of(before, "asking_lead"):
                starts.add(count)
        count += len(words(clauses[-1]))
    return frozenset(starts)


def _without_greeting(sentence: str, intents: Intents) -> str:
    """The sentence without the greeting or thanks words it opens with: "Hei, mitä…" → "mitä…"."""
    tokens = words(sentence)
    dropped = 0
    for token in tokens:
        if intents.only(token, "greeting", "thanks"):
            dropped += 1
            continue
        break
    if not dropped:
        return sentence
    if dropped == len(tokens):
        return ""
    first = tokens[dropped]
    start = sentence.casefold().find(first)
    return sentence[start:] if start >= 0 else sentence


def _without_lead_in(sentence: str, intents: Intents) -> str:
    """The sentence without words that only announce a question ("Vielä yks juttu: mitä …?" → "mitä …?")."""
    tokens = folded_words(sentence)
    covered = intents.patterns["lead_in"].covered(tokens)
    announced = next((index for index in range(len(tokens)) if index not in covered), len(tokens))
    if not announced or announced == len(tokens):
        return sentence
    found = word_spans(sentence)  # the same words the lead-in was read in ("VPK:lle", "kolmikanta-homma" whole)
    if len(found) <= announced:
        return sentence
    return sentence[found[announced].start() :]


def is_question(sentence: str) -> bool:
    if sentence.rstrip().endswith("?"):
        return True
    tokens = folded_words(sentence)
    if not tokens:
        return False
    first = tokens[0]
    if first in _INTERROGATIVES:
        return True
    if first in _SWEDISH_QUESTION_VERBS and words(sentence)[0].casefold() not in _NOT_QUESTION_AS_WRITTEN:
        return True
    if len(first) >= 4 and first.endswith(("ko", "ks")) and first not in _NOT_QUESTION_WORDS:
        return True
    if any(token in _REQUESTS for token in tokens[:4]):
        return True
    return any(tuple(tokens[i : i + len(phrase)]) == phrase for phrase in _REQUEST_PHRASES for i in range(len(tokens)))


_INDIRECT_SOM = re.compile(r"^(vem|vad|vilka|vilket|vilken)\s+som\s+", re.IGNORECASE)


def _tells_with_its_subject_dropped(sentence: str) -> bool:
    """ "Har bara hört att det finns några stycken.": "har" and an adverb where its subject would stand."""
    tokens = folded_words(sentence)
    dropped = len(tokens) > 1 and tokens[0] in _HAVE and tokens[1] in _DROPPED_SUBJECT
    return dropped and not sentence.rstrip().endswith("?")


def _reported_question(sentence: str, reporting: frozenset[str] = _REPORTING) -> str:
    """The question a sentence reports, from its interrogative on ("Naapuri kysyi, mitä tavoitteissa sanotaan
    tiloista." → "mitä tavoitteissa sanotaan tiloista."); the sentence itself when it reports none."""
    written = words(sentence)
    tokens = folded_words(sentence)
    for index in range(len(tokens) - 1):
        if tokens[index] in reporting and tokens[index + 1] in _INTERROGATIVES:
            start = 0
            for word in written[: index + 1]:
                start = sentence.find(word, start) + len(word)
            at = sentence.find(written[index + 1], start)
            if at < 0:
                return sentence
            reported = sentence[at:]
            # Swedish asks indirectly with "som": "vem som betalar …" asks "vem betalar …"
            return _INDIRECT_SOM.sub(r"\1 ", reported, count=1)
    return sentence


def _judges_what_was_told(tokens: tuple[str, ...]) -> bool:
    """A weighing word and "this", and nothing else but the frame of a judgement: "Onko tämä hyvä idea KANEn
    mukaan?", "Är det en bra idé enligt målen?"; not "Är det bra med ungdomsråd?", "Är det klokt att kommunen …?"
    (what they name is weighed) nor "Mikä sitten on hyvä tapa …?"."""
    return (
        not _JUDGING.isdisjoint(tokens)
        and not _JUDGED_THIS.isdisjoint(tokens)
        and set(tokens) <= _JUDGING | _JUDGED_THIS | _JUDGEMENT_FRAME
    )


def _ends_its_phrase(tokens: tuple[str, ...], index: int, after: frozenset[str]) -> bool:
    """Is the word at ``index`` the last, or followed by one of ``after``?"""
    return index + 1 == len(tokens) or tokens[index + 1] in after


def _about_it(tokens: tuple[str, ...]) -> bool:
    """ "om det", "åm he", "om just det här" ending their phrase: about what was said before."""
    return any(
        word in _SWEDISH_IT
        and index
        and (
            tokens[index - 1] in _SWEDISH_ABOUT
            or (index > 1 and tokens[index - 1] == _JUST and tokens[index - 2] in _SWEDISH_ABOUT)
        )
        and _ends_its_phrase(tokens, index, _AFTER_IT)
        and not (
            tokens[index + 1 : index + 2]
            and tokens[index + 1] in _HERE_THERE
            and not _ends_its_phrase(tokens, index + 1, _AFTER_IT - _HERE_THERE)
        )
        for index, word in enumerate(tokens)
    )


def _it_after_the_subject(tokens: tuple[str, ...]) -> bool:
    """ "Vart skickar jag den för att …?", "Var skriver jag in den?": an object pronoun just after the subject or a
    verb's particle, ending its phrase, points back from a longer question than a pointer alone does."""
    return len(tokens) <= POINTING_OBJECT_WORDS and any(
        word in _SWEDISH_OBJECTS
        and index
        and tokens[index - 1] in _SWEDISH_SUBJECTS | _SWEDISH_VERB_PARTICLES
        and _ends_its_phrase(tokens, index, _AFTER_OBJECT)
        for index, word in enumerate(tokens)
    )


# "It" just after the interrogative or its verb, in a few words: "Varför är den tyst?", a learner's "Varför den är
# tyst?", "Hur den fungerar?".
_LEARNERS_IT = frozenset({"den", "dom"})
IT_REACH = 2


def _it_after_the_interrogative(tokens: tuple[str, ...]) -> bool:
    """ "den" or "dom" at most two words after the interrogative that opens a short question."""
    return (
        len(tokens) <= SHORT_QUESTION_WORDS
        and bool(tokens)
        and tokens[0] in _INTERROGATIVES
        and not _LEARNERS_IT.isdisjoint(tokens[1 : 1 + IT_REACH])
    )


# "Sillä välin", "tällä hetkellä" (meanwhile, at the moment) point at no sentence before.
_TIME_AFTER_IT = frozenset({"valin", "hetkella", "kertaa", "viikolla", "kaudella"})


def _without_times(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words without a "sillä", "tällä" that begins a phrase of time."""
    return tuple(
        word
        for index, word in enumerate(tokens)
        if not (word in _BY_IT and tokens[index + 1 : index + 2] and tokens[index + 1] in _TIME_AFTER_IT)
    )


def _it_before_its_particle(tokens: tuple[str, ...]) -> bool:
    return (len(tokens) >= 2 and tokens[-2] in _POINTING_LAST and tokens[-1] in _PARTICLES_AFTER_IT) or (
        len(tokens) >= 3 and tokens[-3] in _POINTING_LAST and tokens[-2:] in _PHRASES_AFTER_IT
    )


def _ends_by_it(tokens: tuple[str, ...]) -> bool:
    """ "sillä", "tällä" last, or with only an adverb after it: "Mitä KANE tarkoittaa sillä oikeastaan?"."""
    rest = list(tokens)
    while rest and rest[-1] in _AFTER_BY_IT:
        rest.pop()
    return bool(rest) and rest[-1] in _BY_IT


_WAY = frozenset({"tavalla", "tavoin", "lailla"})


def _in_this_way(tokens: tuple[str, ...]) -> bool:
    """ "tällä tavalla", "sillä lailla": the way told before ("… ottaa mukaan tällä tavalla?")."""
    return any(word in _BY_IT and after in _WAY for word, after in pairwise(tokens))


def _names_such(tokens: tuple[str, ...]) -> bool:
    """ "tällaista", "sellaisesta", "en sådan satsning": such as was told before, not such as a clause after it says."""
    return any(
        (
            word in _SUCH
            or (word == "sadan" and index and tokens[index - 1] in _SUCH_AFTER)
            or (word in _KIND_OF and index and tokens[index - 1] == _KIND_OF[word])
        )
        and _FORWARD.isdisjoint(tokens[index + 1 : index + 1 + FORWARD_REACH])
        for index, word in enumerate(tokens)
    )


def _pointing_words(tokens: tuple[str, ...]) -> frozenset[str]:
    """`_POINTING`, without Finnish "se", "sen" in a Swedish sentence ("se" is to see there, "sen" later)."""
    return _POINTING - _SE if not _SWEDISH_MARKERS.isdisjoint(tokens) else _POINTING


def points_back(question: str) -> bool:
    """Does the question point at something said before it ("Pitäisikö niiden sanalla olla painoa?", "Vad ska vi
    tänka på när vi sätter ihop den?")?"""
    tokens = _without_times(folded_words(question))
    return bool(tokens) and (
        tokens[-1] in _POINTING_LAST | _POINTING_IN_LAST
        or _it_before_its_particle(tokens)
        or _judges_it(tokens)
        or not _THESE_WRITTEN.isdisjoint(words(question))
        or not (_pointing_words(tokens) | _POINTING_IN).isdisjoint(tokens)
        or _ends_by_it(tokens)
        or _in_this_way(tokens)
        or _what_it_means(tokens)
    )


# A learner's or a clause's word order, "it" before its verb at the end: "Kan du förklara vad det betyder?".
_WHAT = frozenset({"vad", "va"})
_MEANING_VERBS = frozenset({"betyder", "innebar", "menar", "ar"})
# Whether what was told is true, asked with nothing else: "Onko totta?", "Pitääkö paikkansa?", "Stämmer?".
_TRUE = frozenset({"totta", "paikkansa", "stammer", "sant", "tosi"})
_TRUE_ASKED = _TRUE | frozenset({
    "onko", "onks", "onkse", "pitaako", "pitaaks", "ar", "e", "verkligen", "todella", "oikeesti", "oikeasti", "nyt",
    "siis", "alltsa", "no", "niin", "sitten", "sit", "vai", "eller", "inte", "int", "ei", "vaan", "tosiaan",
    "sa", "da",
})  # fmt: skip


def _what_it_means(tokens: tuple[str, ...]) -> bool:
    return len(tokens) >= 3 and tokens[-3] in _WHAT and tokens[-2] in _POINTING_LAST and tokens[-1] in _MEANING_VERBS


def checks_what_was_told(question: str) -> bool:
    """Is the question only whether what was told before is true ("Onko totta?", "Stämmer?")?"""
    tokens = folded_words(question)
    return not _TRUE.isdisjoint(tokens) and set(tokens) <= _TRUE_ASKED


# "mål", "målen", "målet", "målens" folded; Ostrobothnian "måln", "måle" are "målen".
_GOALS_IN_SWEDISH = frozenset({"mal", "malen", "malet", "malens", "maln", "male"})


def names_goals(word: str) -> bool:
    """Is the word one of the goals' names ("tavoitteet", "tavotteis", "målen")?"""
    folded = fold(word)
    return folded.startswith(("tavoit", "tavot", "tavoot")) or folded in _GOALS_IN_SWEDISH


def past_kane(tokens: tuple[str, ...], kane: frozenset[str]) -> tuple[str, ...]:
    """The folded words of one sentence without those that point at KANE (or the bot, if ``kane`` names it too): a
    pointer just before its name ("Mikä tämä KANE on?", "Mitä kieliä tämä botti osaa?", but "tämä KANE tavoite" is a
    goal), "it" after it ("mikä KANE on ja mihin se pyrkii?")."""
    kept: list[str] = []
    named = False
    afters = [*tokens[1:], "", ""]
    for index, token in enumerate(tokens):
        after, next_after = afters[index], afters[index + 1]
        names_it = after in kane or after.split("-", 1)[0] in kane  # "tällanen KANE-juttu"
        # "it" as the subject of a clause of its own ("ja mihin se pyrkii"), not as an object ("Stöder KANE den?")
        its = named and token in _IT and bool(kept) and kept[-1] in _CLAUSE_OPENERS
        if (names_it and not names_goals(next_after)) or its:
            continue
        named = named or token in kane
        kept.append(token)
    return tuple(kept)


# Swedish "that it is good" ("Tycker KANE att det är bra?", "att he ä rätt"): "it" is what was said before, as
# nothing of its own follows the judgement ("att det finns lokaler" is "there are").
_SWEDISH_THAT = frozenset({"att", "at"})
_SWEDISH_IS = frozenset({"ar", "a", "e", "vore"})
_JUDGEMENTS = frozenset({"bra", "ratt", "okej", "ok", "fel", "dumt", "klokt", "viktigt", "vettigt", "smart", "rimligt"})


def _judges_it(tokens: tuple[str, ...]) -> bool:
    return any(
        tokens[at] in _SWEDISH_THAT
        and tokens[at + 1] in _SWEDISH_IT
        and tokens[at + 2] in _SWEDISH_IS
        and tokens[at + 3] in _JUDGEMENTS
        and len(tokens) <= at + 5
        for at in range(len(tokens) - 3)
    )


def points_into(question: str) -> bool:
    """Does the question ask what is said in something named before it ("Mitä siellä sanotaan?", "Vad står det
    där?")? Unlike "se", "det" ("Mitä KANE on ja mitä se tekee?"), these point outside the question itself."""
    tokens = folded_words(question)
    return bool(tokens) and (tokens[-1] in _POINTING_IN_LAST or not _POINTING_IN.isdisjoint(tokens))


_THAT = frozenset({"att", "etta", "et"})
_THANKS_MANY = frozenset({"tusen", "stort", "ett", "iso", "suuri", "lampimat"})
# A dash before the asker's own words may end what is asked: "Kort sammanfattning av målen, tack – jag ska presentera
# dem i morgon." tells why, after a request for the goals in brief (see `_tells_why_after_a_request`).
_AFTER_A_DASH = re.compile(r"\s[–—-]\s+(?=(?:jag|vi|minä|mä|mää|me|olen|oon|meillä|meidän)\b)", re.IGNORECASE)
# Words that keep the words after the dash part of the request: "… – vi undrar mest över lokalerna".
_STILL_ASKING = frozenset({"undrar", "funderar", "vill", "mietin", "mietimme", "mietitaan", "haluan", "haluaisin",
                           "haluamme", "sarskilt", "mest", "framfor", "erityisesti", "etenkin", "varsinkin",
                           "kiinnostaa", "kiinnostuneita", "intresserade"})  # fmt: skip


def _tells_why_after_a_request(sentence: str, intents: Intents) -> list[str]:
    """The sentence, or the request before a dash and the asker's own words after it, when the request asks for the
    goals in brief and the words after it ask nothing ("Kort sammanfattning av målen, tack – jag ska presentera dem i
    morgon."; not "Snabb fråga – vi undrar om …", "Sammanfattning av målen – vi undrar mest över lokalerna")."""
    clauses = _AFTER_A_DASH.split(sentence, maxsplit=1)
    if len(clauses) < 2:
        return [sentence]
    request, told = clauses
    overview = intents.patterns["overview"].found_in(folded_words(request), frozenset(), words(request))
    # folded, "vårt" (our) is "vart" (where to)
    told_words = [fold(word) for word in words(told) if word.casefold() not in _OUR]
    asks = is_question(told) or not (_STILL_ASKING | _INTERROGATIVES).isdisjoint(told_words)
    return [request, told] if overview and not asks and not told.rstrip().endswith("?") else [sentence]


def _thanks_for_something(sentence: str, intents: Intents) -> bool:
    """ "Tack för svaret om lokalerna!", "Kiitos vastauksesta tiloista.": thanks, and what they are for; not "Tack
    för att ni finns, vi har en förening …" (a story after thanks for a deed)."""
    tokens = words(sentence)
    while tokens and intents.only(tokens[0], "greeting"):
        tokens = tokens[1:]  # "Hej, tack för …"
    thanked = 0
    while tokens and (intents.only(tokens[0], "thanks") or fold(tokens[0]) in _THANKS_MANY):
        thanked += intents.only(tokens[0], "thanks")  # "Tack så mycket för …", "Tusen tack för …"
        tokens = tokens[1:]
    return thanked > 0 and len(tokens) > 1 and intents.any_of(tokens[0], "thanked_for") and fold(tokens[1]) not in _THAT


def _asked_after_thanks(sentence: str, intents: Intents) -> list[str]:
    """ "Kiitti eilisestä avusta 👍 mut vielä: mitä se demokratiakasvatus tarkottaa?": thanks, then after a colon a
    question of its own; the two are read apart (else "avusta" made it a question about the bot's help)."""
    if ": " not in sentence:
        return [sentence]
    before, after = sentence.rsplit(": ", 1)
    opening = [word for word in words(before)[:THANKS_OPENING] if not intents.only(word, "greeting")]
    if opening and intents.only(opening[0], "thanks") and is_question(after):
        return [before, after]
    return [sentence]


def find_question(text: str, intents: Intents) -> Focus:
    """The part of ``text`` to answer, and what was set aside."""
    split = [_tells_why_after_a_request(part, intents) for part in sentences(text)]
    parts = [clause for clauses in split for part in clauses for clause in _asked_after_thanks(part, intents)]
    told_after_a_dash = {clause for clauses in split for clause in clauses[1:]}
    if len(parts) <= 1:
        # "På mötet frågades vilka mål KANE har inför valet.": a question asked before, alone as well (who wonders now
        # may tell the matter in the same sentence: "Vi i romska föreningen undrar: vilka …")
        stripped = _reported_question(_without_lead_in(_without_greeting(text, intents), intents), _REPORTED_BEFORE)
        question = stripped or text
        return Focus(question, "" if question == text else text, is_question(question))
    kept: list[str] = []
    asking: list[str] = []
    briefs: list[str] = []
    # what a pointer may point at instead of the sentence before
    bot = intents.words_either["bot_names"]
    named = intents.words_either["kane"] | bot
    # Thanks for something ("Tack för svaret om lokalerna!") is no story of the asker's, only what a question after
    # it may point at ("Kiitos vastauksesta tiloista. Koskeeko tämä myös hyvinvointialueita?").
    thanks: set[str] = set()
    for part in parts:
        thanking = not is_question(part) and _thanks_for_something(part, intents)
        part = _reported_question(_without_lead_in(_without_greeting(part, intents), intents))
        if thanking:
            thanks.add(part)
        if not part or intents.is_small_talk(part):  # "Heips, mitä kuuluu?" greets like "Heips"
            continue
        if is_question(part) and not (asking and _tells_with_its_subject_dropped(part)):
            tokens = folded_words(part)
            if kept and len(tokens) <= SHORT_QUESTION_WORDS and set(tokens) <= _TELL_ME:
                # "Osaatko kertoa?" asks what the sentence before it asked, and adds nothing to it.
                if kept[-1] not in asking:
                    asking.append(kept[-1])
                continue
            # A pointing word last ("Var ska jag skriva in den?") points back from a longer question too; one that
            # points at KANE ("Mikä tämä KANE on?") does not.
            # KANE only where it is asked what KANE is ("Mitä mieltä tämä KANE on?" asks KANE's view of what came
            # before); the bot always ("Mitä kieliä tämä botti osaa?")
            pointers = _without_times(past_kane(tokens, named if intents.any_of(part, "kane_identity") else bot))
            last = bool(pointers) and (pointers[-1] in _POINTING_LAST | _POINTING or _ends_by_it(pointers))
            pointing = (
                (len(tokens) <= SHORT_QUESTION_WORDS and bool(_POINTING & set(pointers)))
                or _it_after_the_interrogative(pointers)
                or ((last or _names_such(pointers) or _about_it(pointers)) and len(tokens) <= POINTING_LAST_WORDS)
                or _it_after_the_subject(pointers)
                # a judgement of nothing named ("Onko tämä hyvä idea?"), in a few words
                or (_judges_what_was_told(pointers) and len(tokens) <= JUDGING_MAX_WORDS)
            )
            if kept and pointing and kept[-1] not in asking:
                asking.append(kept[-1])
            if kept and pointing and not _TALK.isdisjoint(tokens):
                continue  # "… Eller är det bara prat?": the doubt adds nothing to ask, and its "prat" is no dialogue
            asking.append(part)
        elif len(words(part)) <= BRIEF_REQUEST_WORDS and intents.patterns["overview"].found_in(
            folded_words(part), frozenset(), words(part)
        ):
            briefs.append(part)  # "Lyhyt yhteenveto kiitos.", "Gärna i korthet.": how to answer, read with the ask
        kept.append(part)
    # Nothing asks: the request is what came before the asker's own words after a dash.
    chosen = asking or [part for part in kept if part not in told_after_a_dash] or kept or parts
    question = " ".join(chosen)
    if len(words(question)) < MIN_FOCUS_WORDS and kept:  # "Entä sitten?": the question is the whole message
        question = " ".join(kept)
    context = " ".join(part for part in kept if part not in chosen and part not in thanks)
    return Focus(question, context, bool(asking), " ".join(briefs))
