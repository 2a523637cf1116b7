"""Questions about one place: how things stand in one municipality or county, or what its own document says.

The goals never give such facts ("Onko Oulussa jo nuorisovaltuusto?", "Vad säger Vasa stads strategi om
föreningar?"); what a place could or should do, or a place named as an example, is the goals' matter. Reading it
needs both the understanding of the goals (answering) and the places (routing), so it sits beside the facade."""

from __future__ import annotations

import re

from bot.answering.asked_words import names_the_goals
from bot.answering.reading import Reader
from bot.answering.retrieval import Match
from bot.content.intents import Intents
from bot.core.lang import LANGS, Lang
from bot.core.text import fold, folded_words, words
from bot.routing.router import Router

# Finnish perfect tense, an auxiliary and a past participle: "Miten Vantaa on parantanut …?" asks what has been done.
_FINNISH_AUXILIARIES = frozenset({"on", "ovat", "onko", "ovatko", "ei", "eivat", "eiko", "onks", "onkse", "ovatkse"})
_PAST_PARTICIPLE_ENDINGS = ("nut", "nyt", "neet", "nu", "ny", "llu", "lly")  # spoken "ottanu", "tehny", "ollu"
MIN_PARTICIPLE = 5  # "tehnyt", "tehny", "ottanut"; "nyt" alone (now) is no participle
# Swedish supines after "Har <place>": "följt", "tagit", "gjort", "infört", "skrivit"; not nouns in -t ("rätt", "nytta"
# has none, "ansvar" neither).
_SUPINE_ENDINGS = ("t",)
_NOT_SUPINES = frozenset({
    "ratt", "mojlighet", "skyldighet", "tid", "budget", "strategi", "projekt", "forslag",
    # words in -t that are no supine: "Vad har Vasa för ansvar enligt målen?"
    "enligt", "nagot", "mycket", "inget", "eget", "litet", "allt", "vart", "sitt", "mitt", "ditt", "gott", "konkret",
    "direkt", "just", "bast", "forst", "sist", "snabbt", "helt", "alltid",
})  # fmt: skip
MIN_SUPINE = 4
SUPINE_REACH = 4  # "Har Vasa stad redan följt …"
# A question opened by one of these and the place ("Har Vasa skrivit in föreningarna …?", "Ger Pargas stad …?",
# "Onko Lahdessa …?", "Löytyykö Lapin hyvinvointialueelta …?") asks what that place has or does; with the place
# further on it is an example ("Har kommuner som Korsholm nytta av …?"), and "Hade" is mostly conditional ("Hade det
# inte varit bättre …?"). Only these: "Asun Kokkolassa …", "Bor i Jakobstad …" open with the asker's home.
_STATE_OPENERS = frozenset({
    "har", "ha", "ger", "ordnar", "erbjuder", "onko", "onks", "onkohan", "loytyyko", "loytyyks",  # "ha": dialect "har"
    "saako", "saaks", "saakos",  # "Saako Hollolassa yhdistys salit maksutta?" asks what is so there
    "aikooko", "aikooks", "aikovatko", "tanker", "planerar",  # what it intends: "Aikooko Eurajoki …?"
})  # fmt: skip
PLACE_AFTER_OPENER = 2  # "Har Vasa …", "Har Vasa stad …"
# "Vilka lokaler i Lovisa …?", "Mitkä järjestöt Oulussa …?": which things are there, a list of one place's facts,
# whatever they can do there ("kan föreningar låna").
_WHICH_OPENERS = frozenset({"vilka", "mitka", "millaisia", "millaiset"})
_ABLE_NOW = frozenset({"kan", "voi", "voivat"})  # "can", as things are: not "could" or "should"
# "Har Larsmo kommun lovat att föreningar ska få …?", "Onko Kotka luvannut, että …?": what was promised is told after
# the promise; its "ska", "pitää" are the promise's, not what the place should do.
_PROMISED = frozenset({
    "lovat", "lova", "lovade", "lovats", "luvannut", "luvannu", "luvanneet", "lupasi", "lupasivat",
    # decided or written down, intended: "Har Korsholm redan beslutat var föreningarna ska få öva?", "Aikooko Eurajoki
    # pitää seurantalon maksuttomana?" ("pitää" is keep, not must)
    "beslutat", "beslutit", "beslutade", "bestamt", "beslot", "skrivit", "skrivi", "paattanyt", "paattany",
    "paattaneet", "paatti", "kirjannut", "kirjannu", "aikooko", "aikooks", "aikovatko", "aikoo", "tanker", "planerar",
})  # fmt: skip
# A Swedish perfect of a place anywhere in the question ("Vad har Hangö stad gjort …?", "… om Pargas stad redan har
# tagit in …", "Lovisa stad ha skrivit in …"): "har" this close to a municipality named, a supine soon after it.
_SWEDISH_HAVE = frozenset({"har", "ha"})
PLACE_BESIDE_HAVE = 3
# Where one clause of a question ends and the next begins: punctuation, or a relative pronoun ("… en förteckning
# som servicerådgivningen kan använda" asks whether there is a list, not what could be done).
_CLAUSE_BREAK = re.compile(r"[,;:–—]|\b(?:som|joka|jotka|johon|joihin|jossa|joissa|jonka|joiden|jota|joita)\b", re.I)
# Where a relative clause (or a spoken "as") begins: what is said after it describes something of the place's ("Har
# Borgå en strategi där sociala företag nämns?" asks about Borgå's strategy, not what the goals mention; "Saako
# Hollolassa yhdistys salit maksutta, niinku KANE ehdottaa?" asks how things are in Hollola). Not "kuten", which
# names a place as an example ("kunnat kuten Oulu").
# Spoken Finnish uses "mistä", "mitä" as relatives too ("niitä asukasraateja mistä tuossa puhutaan"), but not where
# they open a question of their own ("…? Mitä tavoitteissa sanotaan …", "… ja mitä KANE sanoo …", "… – mitä
# tavoitteet sanoo …", "…, mitä mieltä KANE on …"). A clause ends with its sentence.
_RELATIVE_CLAUSE_TO_COMMA = re.compile(
    r"(?:\b(?:som|där|vari|vars|joka|jotka|johon|joihin|jossa|joissa|jonka|joiden|jota|joita|josta|joista|jolla|"
    r"joilla|jolle|joille|jolta|joilta|missä|mihin|niinku|niinkuin|niin kuin)\b"
    r"|(?<![.?!] )(?<![–—-] )(?<!\bja )(?<!\bentä )(?<!\bvai )(?<!\btai )(?<!\bsekä )\b(?:mistä|mitä)\b"
    r"(?!\s+mieltä))[^,;.?!]*",
    re.I,
)
# After a document's stem: a Finnish case ending ("suunnitelm|assa", "hyvinvointikertomu|ksessa"), a Swedish noun's.
MAX_DOCUMENT_ENDING = 6
_SWEDISH_NOUN_ENDINGS = frozenset(
    {"", "n", "en", "er", "erna", "et", "ens", "ets", "s", "ns", "met", "mets", "r", "rna"}
)


def _holds_a_document(token: str, stems: frozenset[str], lang: Lang) -> bool:
    """ "kuntastrategiassa", "upphandlingsstrategin": a document word, in any compound, with at most a case ending
    after it ("budgetförslag" is a proposal)."""
    for stem in stems:
        at = token.find(stem)
        if at >= 0:
            ending = token[at + len(stem) :]
            if len(ending) <= MAX_DOCUMENT_ENDING if lang == "fi" else ending in _SWEDISH_NOUN_ENDINGS:
                return True
    return False


def _finnish_perfect(tokens: tuple[str, ...]) -> bool:
    """ "Onko Oulu ottanut …", "Miten Vantaa on parantanut …": an auxiliary and a past participle."""
    return not _FINNISH_AUXILIARIES.isdisjoint(tokens) and any(
        len(token) >= MIN_PARTICIPLE and token.endswith(_PAST_PARTICIPLE_ENDINGS) for token in tokens
    )


def _tells_what_was_done(clause: str) -> bool:
    """ "Onko Oulu ottanut …", "Har Borgå följt …": a perfect tense, Finnish, or Swedish "har" first with a supine
    soon after ("följt", "tagit", "genomfört"); "Har Mariehamn rätt att …?", "Har Korsholm möjlighet …?" ask what a
    place may do."""
    tokens = folded_words(clause)
    if tokens[:1] == ("har",):
        return any(
            len(token) >= MIN_SUPINE and token.endswith(_SUPINE_ENDINGS) and token not in _NOT_SUPINES
            for token in tokens[2 : 2 + SUPINE_REACH]
        )
    return _finnish_perfect(tokens)


class OnePlaceReading:
    """Reads whether a question asks a fact about one place, which the goals never give."""

    def __init__(self, intents: Intents, reader: Reader, router: Router) -> None:
        self._intents = intents
        self._reader = reader
        self._router = router

    def asked_fact(self, asked: str, matches: list[Match]) -> str | None:
        """ "place" when the question asks a fact about one municipality or county ("Onko Oulussa jo
        nuorisovaltuusto?", "Har Hangö redan en samarbetsgrupp med föreningarna?"), which the goals never give; "Mikä
        on huomisen sää Oulussa?" is not about the goals. Otherwise a place is named on a matter routing knows
        ("Vilka lokaler i Lovisa …") or compared with another, unless the question says what the place could or
        should do ("Pitäisikö Oulun antaa ilmaisia tiloja …?") or names it as an example ("kommuner som Korsholm"):
        that is the goals' matter. A place named as the asker's home ("Olen ehdolla Porissa, miten …") is neither.
        In a question that opens by asking how things stand there, words of the goals in a relative clause describe
        the place's own document ("Har Borgå en strategi där sociala företag nämns?")."""
        opening = folded_words(asked)[:1]
        # Only in a question that opens by asking how things stand in a place named next ("Har Borgå …", "Onko
        # Oulussa …") is a relative clause the place's, and only up to its comma; "Som förening i Vasa, vad säger målen
        # …?" asks what the goals say, and so does "Saako Oulussa yhdistys, jolla ei ole tiloja, tavoitteiden mukaan
        # …?".
        states = bool(opening) and opening[0] in _STATE_OPENERS and self._place_follows_opener(asked)
        states = states or self._tells_what_a_place_has_done(asked)
        main_clause = _RELATIVE_CLAUSE_TO_COMMA.sub(" ", asked) if states else asked
        if self.asks_about_its_document(asked) or self.asks_where_its_document_is(asked):
            # "Mitä Tampereen kuntastrategiassa sanotaan järjestöistä?": what that place's own document says, however
            # its words ("sanotaan", "strategia") ask what the goals say.
            return "place" if self._reader.on_theme(asked, matches) else None
        # "Onko Oulu jo ottanut tavoitteet käyttöön?", "Har Borgå följt KANE:s mål?": what the place named first has
        # done, the goals only what it may have done; "Saako Oulussa tavoitteiden mukaan …?" asks what the goals say.
        done = _tells_what_was_done(main_clause) or self._tells_what_a_place_has_done(main_clause)
        if self._reader.about_the_goals(main_clause) and not (states and done):
            return None
        if not self.asks_how_things_stand(asked):
            general = any(self._intents.any_of(asked, name) for name in ("normative", "place_could", "place_example"))
            if general or (self._router.topic_finder.find(asked) is None and not self.compares_places(asked)):
                return None
        named = self._router.municipality_in(asked) is not None or self._router.county_in(asked) is not None
        return "place" if named and self._reader.on_theme(asked, matches) else None

    def asks_about_its_document(self, asked: str) -> bool:
        """Does the question ask what one place's own document says ("Vad säger Vasa stads strategi om föreningar?",
        "Mitä Oulun hankintastrategia sanoo …?"): a word of saying, a document word right after a municipality or
        county in the genitive (or after the place and "kaupungin", "stads" …), and neither what it should or must
        say, nor the goals or KANE named?"""
        if not self._intents.any_of(asked, "place_document_says") or names_the_goals(asked):
            return False
        if any(self._intents.any_of(asked, name) for name in ("normative", "place_could", "kane")):
            return False
        if self._intents.patterns["place_obliged"].found_in(folded_words(asked), frozenset(), words(asked)):
            return False
        written = words(asked)
        folded = [fold(word) for word in written]
        documents = self._intents.words["place_documents"]
        if not any(_holds_a_document(token, documents[lang], lang) for token in folded for lang in LANGS):
            return False
        owners = frozenset().union(*self._intents.words["place_owners"].values())
        ends = {match.start + match.words: match for match in self._router.places.find_all(asked)}
        for index, token in enumerate(folded):
            if index == 0 or not any(_holds_a_document(token, documents[lang], lang) for lang in LANGS):
                continue
            owned = index - 1 if folded[index - 1] in owners else index
            place = ends.get(owned)
            if place is not None and (owned < index or place.case in ("gen", "sv_gen")):
                return True
            if owned > 0 and self._router.county_in(" ".join(written[max(0, owned - 2) : owned])) is not None:
                return owned < index or folded[index - 1].endswith(("n", "s"))
        return False

    def asks_where_its_document_is(self, asked: str) -> bool:
        """Does the question ask where one place's own document is found ("Mistä löydän Utsjoen kunnan strategian?",
        "Kuopion osallisuusohjelma missä", "Eckerö fullmäktigeprotokoll var"): a word of where, a document word and a
        municipality or county named, and neither the goals, KANE nor what a place could or should do?"""
        if not self._intents.any_of(asked, "place_where"):
            return False
        documents = self._intents.words["place_documents"]
        if not any(_holds_a_document(token, documents[lang], lang) for token in folded_words(asked) for lang in LANGS):
            return False
        if self._router.municipality_in(asked) is None and self._router.county_in(asked) is None:
            return False
        if names_the_goals(asked):
            return False
        unsaid = self._intents.without(asked, "place_where")
        return not any(
            self._intents.any_of(unsaid, name) for name in ("normative", "place_could", "place_example", "kane")
        )

    def compares_places(self, asked: str) -> bool:
        """ "Kumpi tukee järjestöjä paremmin, Kerava vai Järvenpää?", "Har Kaskö eller Närpes bättre samarbete …?":
        two municipalities named with a word of comparing."""
        named = {match.municipality.code for match in self._router.places.find_all(asked)}
        return len(named) >= 2 and self._intents.any_of(asked, "comparing")

    def asks_how_things_stand(self, asked: str) -> bool:
        """ "Onko Porissa jo …?", "Har Hangö redan …?", "Miten Vantaa on parantanut …?", "Har Vasa skrivit in …?":
        how things stand now, or what has been done; "Hur kan Esbo redan nu …?" and "Miksi Turun pitäisi jo …?" ask
        what could or should be done, which the goals answer. Each clause is read on its own: "Onko Sodankylän
        strategiassa jo …, vai pitääkö meidän …?" asks how things stand before it asks what to do."""
        return any(self._clause_asks_how_things_stand(clause) for clause in _CLAUSE_BREAK.split(asked))

    def _clause_asks_how_things_stand(self, asked: str) -> bool:
        tokens = folded_words(asked)
        if tokens and tokens[0] in _WHICH_OPENERS and self._lists_things_of_a_place(asked):
            # what can be done there now ("kan föreningar låna") is still how things stand; what could or should be
            # ("kunde Pargas erbjuda") is the goals', and who handles it ("Vilka personer i Jakobstad ansvarar …?")
            # is a question of whom to ask
            could = self._intents.words_either["place_could"].intersection(tokens) - _ABLE_NOW
            return not (could or self._intents.any_of(asked, "normative") or self._intents.asks_whom(asked))
        perfect = _finnish_perfect(tokens) or self._tells_what_a_place_has_done(asked)
        if not perfect and bool(tokens) and tokens[0] in _STATE_OPENERS:
            perfect = self._place_follows_opener(asked)
        rumour = self._intents.any_of(asked, "rumour_checked")
        if not perfect and not rumour and not self._intents.any_of(asked, "place_now"):
            return False
        promised = next((index for index, token in enumerate(tokens) if token in _PROMISED), None)
        if promised is None:
            promised = self._supine_after_a_place(asked)  # "Vad har Hangö gjort för att förvaltningen ska …?"
        head = " ".join(words(asked)[: promised + 1]) if promised is not None else asked
        if rumour:
            head = self._intents.without(head, "rumour_checked")  # "pitääkö se paikkansa" asks no "must"
        return not self._intents.any_of(head, "normative") and not self._intents.any_of(head, "place_could")

    def _tells_what_a_place_has_done(self, asked: str) -> bool:
        """ "Vad har Hangö stad konkret gjort …?", "Jag undrar om Pargas stad redan har tagit in …", "Lovisa stad ha
        skrivit in …": a Swedish perfect with a municipality named beside its "har"."""
        return self._supine_after_a_place(asked) is not None

    def _supine_after_a_place(self, asked: str) -> int | None:
        """Where the supine of a Swedish perfect stands, its "har" at most PLACE_BESIDE_HAVE words from a
        municipality named and the supine at most SUPINE_REACH words after the "har"; "Har Mariehamn rätt att …?"
        has none."""
        tokens = folded_words(asked)
        haves = [index for index, token in enumerate(tokens) if token in _SWEDISH_HAVE]
        if not haves:
            return None  # the common case
        places = [match.start for match in self._router.places.find_all(asked)]
        for have in haves:
            if not any(abs(place - have) <= PLACE_BESIDE_HAVE for place in places):
                continue
            for index in range(have + 1, min(len(tokens), have + 1 + SUPINE_REACH)):
                token = tokens[index]
                if len(token) >= MIN_SUPINE and token.endswith(_SUPINE_ENDINGS) and token not in _NOT_SUPINES:
                    return index
        return None

    def _lists_things_of_a_place(self, asked: str) -> bool:
        """ "Vilka lokaler i Lovisa …", "Mitkä yhdistykset saavat Kotkassa …": things asked for first, a municipality
        after them ("Vilka i Lovisa sköter …?" names the place first)."""
        return any(match.start > PLACE_AFTER_OPENER for match in self._router.places.find_all(asked))

    def _place_follows_opener(self, asked: str) -> bool:
        """ "Har Vasa …", "Har Vasa stad …", "Onko Pirkanmaan hyvinvointialueella …": a municipality or county named
        right after the question's first word."""
        opening = " ".join(words(asked)[1 : 1 + PLACE_AFTER_OPENER])
        folded = folded_words(asked)
        named = any(
            1 <= match.start <= PLACE_AFTER_OPENER or (match.start == PLACE_AFTER_OPENER + 1 and folded[2] == "i")
            for match in self._router.places.find_all(asked)
        )  # "Har skolorna i Nagu …", "Har fullmäktige i Lappträsk …"
        return named or self._router.county_in(opening) is not None
