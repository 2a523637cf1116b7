"""Build the compact lemma tables in bot/answering/data/ from simplemma's dictionaries and the knowledge vocabulary.

simplemma's full Finnish dictionary takes seconds and ~490 MB to load, far over the bot's start-up and memory
budget. Retrieval only needs lemmas that occur in the knowledge, so this script keeps every inflected form whose
lemma is in the knowledge vocabulary (and forms of compounds built on such a lemma) and writes them as a small
table that the bot loads in milliseconds. Run it again after knowledge/ changes; a test checks it is current.

    python scripts/build_lexicon.py [--knowledge knowledge] [--out bot/answering/data]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import simplemma
import yaml
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answering.lexicon import (  # noqa: E402
    SWEDISH_DEFINITE_ENDINGS,
    eastern_written_forms,
    parse_table,
    without_possessive,
)
from bot.core.lang import LANGS, Lang  # noqa: E402
from bot.core.text import fold, words  # noqa: E402

VOCABULARY_FILES = ("entries/*.yaml", "topics.yaml", "intents.yaml", "concepts.yaml", "help.yaml")
# Lists whose words are no vocabulary: stems matched as they are, never lemmatised, whose "forms" would only be noise
# ("yhdisty" → "yhdistyä", "strategi" a strategist), phrases of function words ("osaatko muutakin" had made
# "muutakin" a word of its own, no longer "muu"), and lists of one reading's words (where, a price, a call for help,
# what thanks are for), which are there to be recognised, not to make the goals' texts know more words.
NOT_WORDS = frozenset(
    {
        "association_words", "place_documents", "bot_scope", "place_where", "price_words", "help_call", "thanked_for",
        "view_asked", "national_decisions", "goals_authored", "goals_pointed",
        "question_counts", "questions_arrived", "question_counts_seen", "payer_asked", "grant_words",
        "contact_finding", "fear", "working_together", "one_goal_asked",
        "speaking_up", "one_by_one", "four_goals", "goal_things", "those_four",
        "aland_named", "goals_apply", "panel_people", "panel_group", "deliberating",
        "kane_reach", "contact_details", "kane_role", "this_service", "bot_names",
        "kane_taking_part", "reading_where", "paper_words", "paper_stems", "asker_wants",
        "bot_knowing", "duty_words", "which_four", "chosen_words", "applying_forms", "levels_named",
        "advisory_bodies", "telling", "effect_on", "as_basis", "facts_named", "online_where", "teaching",
        "plain_manner", "meaning_asked", "role_who", "role_which", "role_copula", "person_roles", "role_clause_end",
        "contact_person", "which_place", "place_nouns", "befalling_what", "befalling", "befalling_good",
        "choosing", "choosing_or", "choosing_better", "source_where", "source_seeking", "source_money", "befalling_if",
        "bot_medium", "standing_must", "standing_party", "standing_anyone", "standing_run", "standing_may",
        "standing_vote", "standing_vote_particles", "standing_purpose", "asking_joined", "asking_joined_not",
        "asking_mistyped", "contact_someone", "forced_if", "lead_in", "vote_whom", "vote_for", "manages", "alone",
        "asking_lead",
    }
)  # fmt: skip
_PREFIX_PATTERN = re.compile(r"[^\W\d_]+\*")
_COMMAND = re.compile(r"(?<![\w/])/[a-z]+\b")
# Server commands and their files in the help ("kanebot contacts export > contacts.csv", "kanebot invite --area")
# are English, not words: they would make "contacts" and "export" Finnish.
_SERVER_COMMAND = re.compile(r"\bkanebot(?: --?[a-z]+| [a-z]+)*|\b[\w-]+\.csv\b")
MIN_COMPOUND_HEAD = 4
# simplemma's lemmas that are wrong in this domain, where one word has two readings and the goals mean the other:
# "vaaleissa", "vaaleihin" are in elections (vaali), not pale (vaalea); "vaalit", "vaalien" are elections, not
# to cherish (vaalia). Every form of the wrong lemma goes to the right one.
# Swedish "klubbar" are clubs (klubb), not mallets (klubba).
LEMMA_FIXES: dict[Lang, dict[str, str]] = {"fi": {"vaalea": "vaali", "vaalia": "vaali"}, "sv": {"klubba": "klubb"}}
# Names are their own lemma: simplemma reads Swedish "KANE" as a form of "kana" (to slide), which joined KANE's
# name to nothing and let "Vad gör KANE?" miss its own entry's word.
NAMES = frozenset({"kane"})
# Forms simplemma gives another word's lemma, where the knowledge means this one: Swedish "bot" is the bot, not a
# form of "bo" (to live), which joined the bot's own word to "var bor ni?" ("boten" simplemma reads right). Finnish
# "toimintoja" (functions, of a service) is read as "toiminta" (activity, of associations everywhere in the goals).
_FUNCTION_FORMS = ("toimintoja", "toiminnot", "toimintojen", "toimintoihin", "toiminnoista", "toiminnoissa",
                   "toiminnoilla", "toimintoa", "toiminnon", "toiminnolla", "toiminnosta")  # fmt: skip
# KANE's name in its Finnish cases ("KANElle" was corrected to "kanella", "KANEn" stayed a word of its own).
_KANE_FORMS = ("kanen", "kanea", "kanelta", "kanessa", "kanesta", "kanelle", "kaneen", "kanella", "kanet")
# Words the compound splitter cut into two of the knowledge's words: a parish is no club's municipality
# ("seura|kunnan"), an autumn meeting no reason ("syy(s)|kokous"), a grandchild no youth ("lapsen|lapsi"), "at least" no
# watching ("vähin|tään"), a single one no father ("yksittäisistä"), "nowhere" no punching ("ingen|stans"), an average
# no cutting ("genom|snitt").
_SPLIT_WRONG = {
    "fi": {
        **dict.fromkeys(("seurakunta", "seurakunnan", "seurakuntaa", "seurakunnassa", "seurakunnasta", "seurakuntaan",
                         "seurakunnalle", "seurakunnat", "seurakuntien", "seurakunnissa", "seurakuntia",
                         "seurakunnalta", "seurakunnalla", "seurakunnilta", "seurakunnille", "seurakunnilla",
                         "seurakuntana", "seurakunnaksi", "seurakuntiin"), "seurakunta"),
        **dict.fromkeys(("syyskokous", "syyskokouksessa", "syyskokoukseen", "syyskokouksen"), "syyskokous"),
        **dict.fromkeys(("lapsenlapsi", "lapsenlapsen", "lapsenlapset", "lapsenlapsia", "lapsenlapsille"),
                        "lapsenlapsi"),
        **dict.fromkeys(("yksittäinen", "yksittäisen", "yksittäistä", "yksittäiset", "yksittäisiä", "yksittäisistä",
                         "yksittäisten", "yksittäisille"), "yksittäinen"),
        "vähintään": "vähintään",
        # the plural partitive of "tieto" (information), with or without a possessive, had become a word of its own
        # ("tietoja"), so "tietoja … pyyhittyä pois" named no data to erase
        **dict.fromkeys(("tietoja", "tietojani", "tietojasi", "tietojaan", "tietojamme", "tietojanne"), "tieto"),
        **dict.fromkeys(("henkilötiedot", "henkilötietoja", "henkilötietojen", "henkilötietoni"), "henkilötieto"),
        # simplemma glosses it in English ("cooperation"), which would make an English word Finnish
        "yhteistyömuoto": "yhteistyömuoto",
        # simplemma reads these as "ilma" (air), which made every "ilmasta" volunteering and free premises
        "ilmaistyö": "ilmaistyö",
        **dict.fromkeys(("ilmatteks", "ilmatteeks", "ilimatteeks"), "ilmainen"),
        # verbs of the bot's tasks read as nouns: "korjaan" as "korja" (a sledge), "lisään" as "lisä", "vaihdoin" as
        # "vaihto", "jaan" as "jaa" ("Miten korjaan sähköpostin?", "Miten jaan tavoitteen?")
        **dict.fromkeys(("korjaan", "korjaa", "korjaanko", "korjaat", "korjaisin"), "korjata"),
        **dict.fromkeys(("lisään", "lisäänkö"), "lisätä"),
        "vaihdoin": "vaihtaa",
        **dict.fromkeys(("jaan", "jaanko"), "jakaa"),
        # spoken "yhdistyksis" (in associations) read as a form of "yhdistyä" (to merge)
        "yhdistyksis": "yhdistys",
        # compounds read as their first part's word: peer help as blood ("veri"), being together as "yksi" (one), the
        # flow of messages as a message, collecting names as a name; every "veri", "yksi", "viesti", "nimi" had
        # named the concept
        **dict.fromkeys(("vertaisapu", "vertaisapua", "vertaisavun", "vertaisavussa", "vertaisavusta", "vertaisapuun",
                         "vertaisavulla"), "vertaisapu"),
        **dict.fromkeys(("yhdessäolo", "yhdessäoloa", "yhdessäolon", "yhdessäoloon", "yhdessäolosta",
                         "yhdessäolossa"), "yhdessäolo"),
        **dict.fromkeys(("viestinkulku", "viestinkulkua", "viestinkulun", "viestinkulussa", "viestinkulkuun",
                         "viestinkulusta"), "viestinkulku"),
        **dict.fromkeys(("nimienkeruu", "nimienkeruuta", "nimienkeruun", "nimienkeruussa", "nimienkeruuseen"),
                        "nimienkeruu"),
        # spoken forms of writing and seeing the help's words use ("mitä kirjotan, et nään tavoitteet?"): simplemma
        # reads "kirjotan" as "kirjoa" (to embroider) and does not know "nään"
        "kirjotan": "kirjoittaa",
        "nään": "nähdä",
        # the allative plural of "lista" read as "listoka"; kept apart from "lista" (a list of the goals), as the
        # lists one runs on: "listoille pyrkivät" are those running
        "listoille": "listoille",
        # "between" (välinen) read as a tool (väline): "kaupungin ja soten välinen viestinkulku" named equipment
        **dict.fromkeys(("välinen", "välisen", "väliset", "välisiä", "välisten", "väliseen", "välisessä",
                         "välisestä", "välisellä", "välisiin", "välisissä", "välisistä"), "välinen"),
        # a one-time code's partitive read as a word of its own ("kertakooda"), the bot's main menu as a chief
        # ("päällikkö") or a "päävalikonen"
        **dict.fromkeys(("kertakoodi", "kertakoodin", "kertakoodia", "kertakoodit", "kertakoodeja"), "kertakoodi"),
        **dict.fromkeys(("kertakäyttökoodia", "kertakäyttökoodilla", "kertakäyttökoodina", "kertakäyttökoodissa",
                         "kertakäyttökoodista", "kertakäyttökoodilta", "kertakäyttökooditta", "kertakäyttökoodineen"),
                        "kertakäyttökoodi"),
        **dict.fromkeys(("päävalikko", "päävalikkoa", "päävalikon", "päävalikossa", "päävalikosta", "päävalikkoon",
                         "päävalikolla", "päävalikot"), "päävalikko"),
    },
    "sv": {
        "ingenstans": "ingenstans",
        **dict.fromkeys(("genomsnitt", "genomsnittet", "genomsnittlig", "genomsnittliga"), "genomsnitt"),
        # a bequest read as "ligga" (to lie): every "ligga" had been fundraising
        **dict.fromkeys(("legat", "legatet", "legater", "legaterna", "legats"), "legat"),
        # a ride ("få skjuts") read as "skjuta" (to shoot): every "skjuta", "skjuter" had been public transport
        **dict.fromkeys(("skjuts", "skjutsen", "skjutsar", "skjutsarna"), "skjuts"),
        # a hounding ("drevet mot kandidaten") read as "driva" (to run, to drive a matter): every "driva" had been the
        # tone of debate
        **dict.fromkeys(("drevet", "dreven", "drevets"), "drev"),
        # a computer read as data ("hänger inte med på datorn" was knowledge-based services), and the net ("på
        # nätet") as "nåt" (something) once folded, a stop word: neither was being online
        **dict.fromkeys(("dator", "datorn", "datorer", "datorerna", "datorns"), "dator"),
        **dict.fromkeys(("nätet", "nätets"), "nätet"),
        # "äldre" (the elderly) read as "gammal" (old): every "gamla byskolor", "gamla papper" named older people
        **dict.fromkeys(("äldre", "äldres"), "äldre"),
    },
}  # fmt: skip
OWN_LEMMAS: dict[Lang, dict[str, str]] = {
    "fi": {**dict.fromkeys(_FUNCTION_FORMS, "toiminto"), **dict.fromkeys(_KANE_FORMS, "kane"), **_SPLIT_WRONG["fi"]},
    # adverbs one letter from a word of the goals ("förut" is no "forum", "borta" no "börda")
    # "saker" is things (sak), far more often than "säker" (safe) written without its dots: folded, the two are one
    # form, and every "vilka saker" named safe assembly (whose own words keep "säkert", "säkra", "trygg")
    # "samlas" (to gather, meet) is its own word: as "samla" it made every "samla in pengar", "samla frivilliga"
    # (to collect) an assembly and premises
    "sv": {
        "bot": "bot",
        "kanes": "kane",
        "förut": "förut",
        "borta": "borta",
        "saker": "sak",
        **dict.fromkeys(("samlas", "samlades", "samlats"), "samlas"),
        # verbs of the bot's tasks read as other words ("sparar" as "sparare", "bytte" left as it is)
        "sparar": "spara",
        "bytte": "byta",
        "skickade": "skicka",
        # lines ("på några rader") are no erasing ("radera"), which the help's words had corrected them to
        **dict.fromkeys(("rad", "raden", "rader", "raderna"), "rad"),
        # "riktade" (aimed at) is no drawing ("rita"): "Vem är målen riktade till?"
        **dict.fromkeys(("riktad", "riktade", "riktat", "riktas"), "rikta"),
        # Ostrobothnian "måln", "måle" are "målen": simplemma does not know "måln" and reads "måle" as "mala" (to grind)
        **dict.fromkeys(("måln", "måle"), "mål"),
        **_SPLIT_WRONG["sv"],
    },
}


def _strings(node: Any, lang: Lang | None) -> Iterator[tuple[Lang | None, str]]:
    """Every string in a YAML tree with the language of the fi/sv key above it, if any."""
    if isinstance(node, str):
        yield lang, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_WORDS:
                yield from _strings(value, key if key in LANGS else lang)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, lang)


def vocabulary(knowledge: Path, lang: Lang) -> set[str]:
    found: set[str] = set()
    for pattern in VOCABULARY_FILES:
        for path in sorted(knowledge.glob(pattern)):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for text_lang, text in _strings(data, None):
                if text_lang == lang:
                    # "ennakkoäänest*" in an intent list is a prefix to match, not a word to lemmatise.
                    text = _PREFIX_PATTERN.sub(" ", text)
                    # "/goals", "/about" are commands, not words: English ones would make English read as ours.
                    text = _COMMAND.sub(" ", text)
                    text = _SERVER_COMMAND.sub(" ", text)
                    found.update(word for word in words(text) if not word.isdigit())
    return found


def concept_base_forms(knowledge: Path, lang: Lang) -> set[str]:
    """The one-word variants of knowledge/concepts.yaml, which are written in their base forms."""
    data = yaml.safe_load((knowledge / "concepts.yaml").read_text(encoding="utf-8"))
    return {
        item.casefold()
        for concept in data.get("concepts", [])
        for item in concept.get(lang, [])
        if isinstance(item, str) and " " not in item
    }


def _fixed(lemma: str, lang: Lang) -> str:
    """The lemma with LEMMA_FIXES applied, also as the last part of a compound ("kuntavaalea" → "kuntavaali")."""
    for wrong, right in LEMMA_FIXES[lang].items():
        if lemma == wrong or (lemma.endswith(wrong) and len(lemma) - len(wrong) >= MIN_COMPOUND_HEAD):
            return lemma[: len(lemma) - len(wrong)] + right
    return lemma


# Endings spoken Finnish and Swedish drop, tried on a word of the knowledge simplemma does not know ("tärkeit" is
# "tärkeitä", "föreningslive" is "föreningslivet"). Fewer than retrieval tries on a question's words
# (bot/answering/retrieval.py, _written_forms): a wrong lemma here would reach every question. Short words are left
# alone: "ai", "hu" are words of their own, not "air", "huta".
SPOKEN_ENDINGS: dict[Lang, tuple[str, ...]] = {"fi": ("a", "ä"), "sv": ("t", "et")}
MIN_SPOKEN_WORD = 5


def _written_lemma(word: str, lang: Lang, dictionary: Any) -> str | None:
    """The lemma of the written form a spoken word of the knowledge stands for, if simplemma knows that form:
    a dropped ending ("tärkeit"), or in Finnish the d dropped after h ("tehä" is "tehdä"), an eastern form
    ("rahhoo" is "rahaa") or a possessive suffix ("kumppaneikseen" is "kumppaneiksi")."""
    candidates = [word + ending for ending in SPOKEN_ENDINGS[lang]] if len(word) >= MIN_SPOKEN_WORD else []
    if lang == "sv" and word.endswith("rn"):
        candidates.append(word + "a")  # "kandidatern" is "kandidaterna"
    if lang == "fi":
        candidates += [word[: index + 1] + "d" + word[index + 1 :] for index, char in enumerate(word) if char == "h"]
        candidates += eastern_written_forms(word)  # "rahhoo" is "rahaa", "pittää" is "pitää"
        candidates += without_possessive(word)  # "kumppaneikseen" is "kumppaneiksi"
        # "tavotteen" is "tavoitteen": the i of -oit- dropped after the first syllable.
        candidates += [
            word[:i] + "oi" + word[i + 1 :] for i in range(MIN_SPOKEN_OIT, len(word) - 1) if word[i : i + 2] == "ot"
        ]
    for candidate in candidates:
        lemma = dictionary.get(candidate)
        if lemma is not None:
            return str(_fixed(lemma.casefold(), lang))
    return None


MIN_COMPOUND_LEFT = 3
# The forms of a Swedish verb of the first conjugation after its infinitive ("mörka"): -r, -de, -des, -t, -ts, -s, -nde.
SWEDISH_VERB_ENDINGS = ("r", "de", "des", "t", "ts", "s", "nde")
SWEDISH_VERBS_FILED_AS_ADJECTIVES = ("mörka", "stötta", "öppna", "tysta", "välkomna", "lätta", "korta")
# Swedish plural and definite endings a compound's head may carry ("invånarpanel-er", "upphandlingsstrategi-er").
# Single letters are left out: simplemma files some base forms under a shorter "lemma" ("kompetens" under
# "kompeten", "plats" under "plat", "fostran" under "fostra").
SWEDISH_HEAD_ENDINGS = frozenset({"er", "ar", "or", "erna", "arna", "orna", "na", "en", "et"})


def _compound_lemma(word: str, lang: Lang, dictionary: Any) -> str | None:
    """A Swedish inflected compound simplemma does not list, lemmatised by its longest head that simplemma lists as
    that head's base form plus a plural or definite ending: "invånarpaneler" is "invånar" + "panel-er",
    "upphandlingsstrategin" "upphandlings" + "strategi-n". A head read as some other word ("arbete" as a form of
    "arbeta") is left alone."""
    if lang != "sv":
        return None
    for cut in range(MIN_COMPOUND_LEFT, len(word) - MIN_COMPOUND_HEAD + 1):
        head = word[cut:]
        listed = dictionary.get(head)
        if listed is None:
            continue
        # The longest head simplemma lists decides ("diskussionstill|fällen" is "tillfälle-n", not "fäll-en").
        head_lemma = str(listed).casefold()
        if head != head_lemma and head.startswith(head_lemma) and head[len(head_lemma) :] in SWEDISH_HEAD_ENDINGS:
            return word[:cut] + head_lemma
        return None
    return None


def _base_of_definite(word: str, lang: Lang, folded_surface: set[str]) -> str:
    """A Swedish definite form simplemma does not know ("äldrerådet", "invånarpanelen") whose base form is also a
    word of the knowledge ("äldreråd"): the base, so that the two meet."""
    if lang == "sv":
        for ending in SWEDISH_DEFINITE_ENDINGS:
            base = word.removesuffix(ending)
            # Folded: a question in the knowledge may be typed without its å ("aldreradet").
            if base != word and len(base) >= MIN_COMPOUND_HEAD and fold(base) in folded_surface:
                return base
    return word


def build_table(lang: Lang, surface: Iterable[str], base_forms: Iterable[str] = ()) -> dict[str, str]:
    """Map folded inflected forms to folded lemmas, for the lemmas the knowledge uses. ``base_forms`` are words
    written in their base form (the concepts' variants), whose own forms are theirs even where simplemma files the
    base form itself under another lemma."""
    dictionary = DefaultDictionaryFactory().get_dictionary(lang)
    surface = set(surface)
    folded_surface = {fold(word) for word in surface}
    table: dict[str, str] = {}
    lemmas: set[str] = set()
    # Sorted everywhere: a form claimed by two lemmas must go to the same one on every run (sets are unordered).
    found: dict[str, str] = {}
    unknown: set[str] = set()
    folded_lower = {word.casefold() for word in surface}
    for word in sorted(surface):
        if word.casefold() in NAMES:
            found[word] = word.casefold()
            continue
        if word.casefold() in OWN_LEMMAS[lang]:
            found[word] = OWN_LEMMAS[lang][word.casefold()]
            continue
        lemma = simplemma.lemmatize(word, lang=lang).casefold()
        lemma = _fixed(lemma, lang)
        # simplemma gives an unknown compound the lemma of its first part ("kuntavaali" → "kunta"): keep the
        # compound itself when what is cut off is a word of its own, not an inflection ending.
        rest = word.casefold()[len(lemma) :]
        compound = lemma != word.casefold() and word.casefold().startswith(lemma) and len(rest) >= MIN_COMPOUND_HEAD
        whole = lemma + _fixed(str(dictionary.get(rest, "")).casefold(), lang) if compound else ""
        if compound and rest in dictionary and (whole in folded_lower or whole in dictionary):
            # …and the cut-off part's own lemma when it is inflected and the knowledge (or simplemma) uses the
            # whole base form: "hyvinvointi|alueen" is "hyvinvointialue".
            lemma = whole
        elif compound and (rest in dictionary or rest in surface):
            lemma = word.casefold()
        elif lemma not in dictionary:
            lemma = (
                _written_lemma(word.casefold(), lang, dictionary)
                or _compound_lemma(word.casefold(), lang, dictionary)
                or _base_of_definite(lemma, lang, folded_surface)
            )
            if lemma == word.casefold():
                unknown.add(word)
        found[word] = lemma
    # A word the knowledge also writes without its ä, ö or å ("foreningar" in a question typed so) is the marked
    # word: left its own lemma, its folded form would take the marked word's place in the table ("föreningar" would
    # no longer be "förening").
    marked = {
        fold(word): lemma for word, lemma in found.items() if word not in unknown and fold(word) != word.casefold()
    }
    for word in sorted(unknown):
        found[word] = marked.get(fold(word), found[word])
    for word, lemma in found.items():
        lemmas.add(lemma)
        table[fold(word)] = fold(lemma)
    forms_by_lemma: dict[str, list[str]] = {}
    for form, lemma in dictionary.items():
        forms_by_lemma.setdefault(_fixed(lemma.casefold(), lang), []).append(form.casefold())
    for lemma in sorted(lemmas):
        # simplemma files some plural forms under a plural lemma ("palveluista" → "palvelut"): take those too.
        forms = (forms_by_lemma.get(lemma) or []) + (forms_by_lemma.get(lemma + "t") or []) or None
        if forms is None:
            # A compound the dictionary does not list: inflect its longest listed head instead.
            for cut in range(1, len(lemma) - MIN_COMPOUND_HEAD + 1):
                head_forms = forms_by_lemma.get(lemma[cut:])
                if head_forms is not None:
                    forms = [lemma[:cut] + form for form in head_forms]
                    break
        for form in forms or ():
            table.setdefault(fold(form), fold(lemma))
    # A base form of the knowledge that simplemma files under another lemma ("kris" under "kria", "meddelande" under
    # "meddela") is itself the lemma of its own forms ("kriser", "meddelanden"): they go where the word went, unless
    # they have a place already, so a question's plural meets the concept's singular. Base forms only: an inflected
    # word of the texts that is also some lemma ("siitä", "musta") would bring that other word's forms.
    for word in sorted(set(base_forms)):
        filed = found.get(word)
        if filed is not None and filed != word and word not in unknown:
            for form in forms_by_lemma.get(word, ()):
                table.setdefault(fold(form), fold(filed))
    # Swedish verbs of the knowledge that simplemma files under an adjective: "mörka" (to keep in the dark) under "mörk"
    # (dark), "stötta" under "stött", so "mörkar", "stöttade" were no words at all. Their present, past and
    # participles go where the verb goes, unless they already have a place. Named one by one: "hela", "fasta", "lika"
    # are the knowledge's adjectives, whose look-alike verbs (to heal, to fast) are no words of the goals.
    if lang == "sv":
        for verb in SWEDISH_VERBS_FILED_AS_ADJECTIVES:
            filed = found.get(verb)
            listed = set(forms_by_lemma.get(verb, ()))
            for form in (verb + ending for ending in SWEDISH_VERB_ENDINGS):
                if filed is not None and form in listed:
                    table.setdefault(fold(form), fold(filed))
    if lang == "fi":
        _add_action_nouns(table, lemmas, forms_by_lemma)
        _add_spoken_forms(table)
    # A form that is itself a vocabulary lemma stays that lemma; the fold must not merge two lemmas.
    for lemma in sorted(lemmas):
        table[fold(lemma)] = fold(lemma)
    # The forms of a word simplemma files under another lemma go to their own, written in the knowledge or not.
    for form, lemma in OWN_LEMMAS[lang].items():
        table[fold(form)] = table[fold(lemma)] = fold(lemma)
    # simplemma gives some Finnish plural forms a plural lemma ("palveluista" -> "palvelut"), and some Swedish
    # definite forms a definite lemma ("samarbetet"): join them to the base form. Only these endings: a Swedish word
    # ending in t is often a word of its own next to one without ("kort" is no "kor", choir; "bot" no "bo").
    known = set(table.values())
    ending = "t" if lang == "fi" else "et"
    return {
        form: lemma[:-1] if lemma.endswith(ending) and lemma[:-1] in known else lemma for form, lemma in table.items()
    }


# The cases of a Finnish action noun (-minen) people write: "järjestämisestä", "kuulemiseen", "osallistumisen" …
ACTION_NOUN_ENDINGS = (
    *("minen", "misen", "mista", "misesta", "misessa", "miseen", "misella", "miselta", "miselle", "misena"),
    *("miseksi", "misineen", "miset", "misten", "misien", "misia", "misista", "misissa", "misiin", "misilla"),
    *("misille", "misina"),
)


def _add_action_nouns(table: dict[str, str], lemmas: set[str], forms_by_lemma: dict[str, list[str]]) -> None:
    """A Finnish verb of the knowledge also answers for its action noun in every case ("mielenosoittamisesta",
    "rahoittamiseen" for osoittaa, rahoittaa): people ask about doing what the goals name, and the goals' text says
    it with the verb. The noun is built on the verb's third infinitive ("järjestämään" → "järjestä-minen"); where
    the noun is a word of the knowledge itself it keeps its own lemma."""
    for lemma in sorted(lemmas):
        stems = sorted({form[:-4] for form in forms_by_lemma.get(lemma, ()) if form.endswith(("maan", "mään"))})
        for stem in stems:
            noun = stem + "minen"
            if noun in lemmas:
                continue
            for form in [*forms_by_lemma.get(noun, ()), *(stem + ending for ending in ACTION_NOUN_ENDINGS)]:
                table.setdefault(fold(form), fold(lemma))


MIN_SPOKEN_OIT = 2
MIN_SPOKEN_CONDITIONAL = 6  # "saisi" → "sais" is too short to tell from other words


def _add_spoken_forms(table: dict[str, str]) -> None:
    """Forms of the knowledge's Finnish words as people type them. Spoken Finnish drops the i of -oit- ("kirjottaa",
    "ilmotan", "osottaa", "rahotettu", "tavotteen"): each such form of a word in -oit- is that word; simplemma files
    a few of them under a shorter word ("kirjottaa" → kirjo, a range), and the verb wins there, as a question typed
    so means the verb. Also the passive participle built on the passive present ("vaihdettua") and the d dropped after h
    ("tehä"), where no written form has the spelling already."""
    for form, lemma in sorted(table.items()):
        # Not in a word's first syllable: "hoitaa", "voitelu" keep their i.
        if "oit" not in lemma or "oit" not in form or ("oitt" not in lemma and form.find("oit") < MIN_SPOKEN_OIT):
            continue
        spoken = form.replace("oit", "ot")
        claimed = table.get(spoken)
        if claimed is None or (claimed != lemma and lemma.startswith(claimed)):
            table[spoken] = lemma
    # "Saanko poistettua?", "saako vaihdettua?": the passive past participle in the partitive, built on the passive
    # present ("vaihdetaan" → vaihdettu, vaihdettua), which simplemma often lacks; both vowel harmonies, as the
    # table is folded (ä is a).
    for form, lemma in sorted(table.items()):
        if form.endswith("taan") and len(form) >= 7 and lemma.endswith("a"):  # a stem of 3+ letters
            for ending in ("ttu", "ttua", "tty", "ttya"):
                table.setdefault(form[:-4] + ending, lemma)
    # The conditional loses its last i ("kannattais", "pitäis", "sais"): simplemma files some clipped forms under a
    # shorter word ("kannattais" → kanna), and the verb wins there as for -oit-.
    for form, lemma in sorted(table.items()):
        # A verb's conditional comes with its plural ("kannattaisivat"); "yhteiskunnallisi" is no verb.
        if form.endswith("isi") and len(form) >= MIN_SPOKEN_CONDITIONAL and table.get(form + "vat") == lemma:
            spoken = form[:-1]
            claimed = table.get(spoken)
            if claimed is None or (claimed != lemma and lemma.startswith(claimed)):
                table[spoken] = lemma
    # Spoken Finnish also drops the d after h ("tehä", "vaihettua", "kohella"): added where no written form has it.
    for form, lemma in sorted(table.items()):
        if "hd" in form:
            table.setdefault(form.replace("hd", "h"), lemma)


# The retrieval's typo corrector (bot/answering/retrieval.py) changes a word the knowledge does not use into one it
# does, one edit away (first letter kept), for words of five letters or more.
TYPO_MIN_LENGTH = 5
MIN_SHARED_STEM = 4
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit_away(word: str) -> set[str]:
    """Every string one edit from ``word`` (a letter left out, added, changed, or two swapped), first letter kept."""
    found: set[str] = set()
    for index in range(1, len(word) + 1):
        head, tail = word[:index], word[index:]
        if tail:
            found.add(head + tail[1:])
        for letter in _LETTERS:
            found.add(head + letter + tail)
            if tail:
                found.add(head + letter + tail[1:])
        if len(tail) >= 2:
            found.add(head + tail[1] + tail[0] + tail[2:])
    found.discard(word)
    return found


MAX_CHANGES_SHOWN = 40


def real_neighbours(lang: Lang, table: dict[str, str], surface: Iterable[str]) -> list[str]:
    """Real words of the language (simplemma's lemmas) one edit from a word of the knowledge: "terve" next to "tarve",
    "ganska" next to "granska", "sista" next to "sikta". The typo corrector leaves them as they are: people who write
    them mean them. (The corrector allows two edits in words of ten letters or more; those are rarely real words
    of their own and are not listed.)"""
    dictionary = DefaultDictionaryFactory().get_dictionary(lang)
    # Lemmas only: the dictionary's inflected forms include misspellings ("kunan", "förningar") that are typos of
    # the knowledge's words and should be corrected.
    real = {fold(str(lemma).casefold()) for lemma in dictionary.values()}
    targets = {fold(word.casefold()) for word in surface} | set(table.values())
    neighbours: set[str] = set()
    relatives: set[str] = set()
    for word in targets:
        if len(word) < TYPO_MIN_LENGTH - 1:
            continue
        for near in _one_edit_away(word):
            if len(near) >= TYPO_MIN_LENGTH and near in real:
                # A word sharing the knowledge word's stem is a form of it or of a relative ("utvalda" of "utvald",
                # "lättar" of "lätt", "tarjolle" of "tarjolla"): the correction finds what was meant.
                (relatives if _shares_stem(near, word) else neighbours).add(near)
    # The words given their own lemma are real words too ("seurakunta" is no typo of "seuranta").
    own = {fold(lemma) for lemma in OWN_LEMMAS[lang].values()}
    return sorted((neighbours - relatives) | own)


def _shares_stem(one: str, other: str) -> bool:
    """Do the two words begin alike for all but their last two letters (at least four)?"""
    length = max(MIN_SHARED_STEM, min(len(one), len(other)) - 2)
    return one[:length] == other[:length]


def write_words(found: list[str], path: Path) -> None:
    header = "# Real words one typo from a word of the knowledge: never corrected to it (scripts/build_lexicon.py)."
    path.write_text("\n".join([header, *found]) + "\n", encoding="utf-8")


def changed_lemmas(old: dict[str, str], new: dict[str, str]) -> list[tuple[str, str, str]]:
    """The forms both tables know whose lemma differs: (form, old lemma, new lemma), sorted."""
    return sorted((form, old[form], lemma) for form, lemma in new.items() if form in old and old[form] != lemma)


def write_table(table: dict[str, str], path: Path) -> None:
    lines = [f"{form}\t{lemma}" if form != lemma else form for form, lemma in sorted(table.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--out", type=Path, default=ROOT / "bot" / "answering" / "data")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        surface = vocabulary(args.knowledge, lang)
        table = build_table(lang, surface, concept_base_forms(args.knowledge, lang))
        path = args.out / f"lexicon.{lang}.tsv"
        if path.exists():
            # A word added to the knowledge can move forms people already write to another lemma ("isommalla" in the
            # help made "isompi" its own word, no longer "iso"): say so, for the reviewer of the change to judge.
            committed = parse_table(path.read_text(encoding="utf-8"))
            for form, old, new in changed_lemmas(committed, table)[:MAX_CHANGES_SHOWN]:
                print(f"{lang}: '{form}' was '{old}', now '{new}'")
        write_table(table, path)
        neighbours = real_neighbours(lang, table, surface)
        write_words(neighbours, args.out / f"neighbours.{lang}.txt")
        print(f"{lang}: {len(table)} forms, {len(neighbours)} real words next to them")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
