"""Goals referred to by number in everyday Finnish and Swedish: deterministic, form by form."""

from __future__ import annotations

import pytest

from bot.answering.references import LAST_ACTION, action_reference, goal_reference, goal_themes, goal_word_language
from bot.assistant import Assistant


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        # digits and cardinals after the goal word, in any case
        ("tavoite 2", 2),
        ("tavoitteessa 3 puhutaan mistä", 3),
        ("mita tavoittesta 4 sanotaan", 4),
        ("Kerro tavoitteesta kolme", 3),
        ("tavoite numero yksi", 1),
        ("mitä se kolmas tavoote tarkoottaa", 3),  # South Ostrobothnian "tavoote"
        ("goal 4", 4),
        ("mål 3", 3),
        ("mål nr 2", 2),
        ("vad säger mål nummer 1", 1),
        # "numero" and a cardinal before the goal word: the number names it
        ("mikä on numero kaksi tavoite", 2),
        ("vilket är nummer fyra mål", 4),
        ("kerro numero yksi tavoitteesta", 1),
        ("målet tre i korthet", 3),
        # digits with an ending, before the goal word
        ("2. tavoite lyhyesti", 2),
        ("3:ssa tavoitteessa sanotaan", 3),
        ("4:ssä tavoitteessa", 4),
        ("1:a målet", 1),
        ("#4 mikä tää on", 4),
        ("#1", 1),
        # ordinals, written and colloquial, next to the goal word
        ("Mitä neljäs tavoite tarkoittaa?", 4),
        ("ensimmäinen tavoite", 1),
        ("ensimmäisessä tavoitteessa", 1),
        ("kolmannessa tavoitteessa", 3),
        ("eka tavoite", 1),
        ("ekassa tavoitteessa", 1),
        ("toka tavoite?", 2),
        ("tokassa tavoitteessa", 2),
        ("vika tavoite", 4),
        # spoken and dialectal: the goal word without its i, ordinals with a vowel between consonants, cardinals
        ("tavote 2", 2),
        ("toka tavote", 2),
        ("kolomas tavoite", 3),
        ("nelijäs tavotteessa", 4),
        ("ensmäinen tavote", 1),
        ("mikä on ensimmäne tavote", 1),
        ("viimonen tavote", 4),
        ("tavoite kaks", 2),
        ("tavotteessa kolome", 3),
        ("kolomonen", 3),
        ("kolmone lyhyesti", 3),
        ("mitä nelostavotteessa sanotaan", 4),
        ("kakkostavoite", 2),
        ("ykköstavoite lyhyesti", 1),
        ("numero 2?", 2),
        ("nro 4 kiitos", 4),
        ("fösta måle", 1),
        ("vad säger måle tre", 3),
        ("det andre målet", 2),
        ("viimeinen tavoite", 4),
        ("viimeisessä tavoitteessa", 4),
        ("mita viimeisessa tavoitteessa lukee", 4),
        ("fjärde målet", 4),
        ("första målet", 1),
        ("det andra målet", 2),
        ("tredje målets rubrik", 3),
        ("sista målet", 4),
        ("det andra av de fyra målen", 2),
        ("the last goal", 4),
        # numeral nouns and Swedish -an forms on their own
        ("Mikä on ykkönen?", 1),
        ("ykkösessä", 1),
        ("ykköstä", 1),
        ("kakkonen", 2),
        ("kakkosen pointti", 2),
        ("kakkosessa", 2),
        ("kolmonen", 3),
        ("kolmosesta vähän lisää", 3),
        ("kolmosella", 3),
        ("nelonen", 4),
        ("neloseen liittyen", 4),
        ("nelosesta", 4),
        ("ettan", 1),
        ("ettans rubrik", 1),
        ("tvåan", 2),
        ("tvaan", 2),
        ("vad säger trean", 3),
        ("fyran", 4),
        ("fyrans poäng", 4),
        # An ordinal after the goal word: a Swedish one, and a Finnish one in the goal word's own case.
        ("Vad säger mål första om föreningar?", 1),
        ("Kerro tavoitteesta viimeisestä", 4),
        # Roman numerals after a goal word, and the Swedish "målsättning".
        ("Mitä tavoite III sanoo?", 3),
        ("mål IV", 4),
        ("Vad innebär målsättning två?", 2),
        ("den andra målsättningen", 2),
        # a number other than one before "efter ett", "och ett" still names its goal
        ("Vad säger mål 2 efter ett år?", 2),
        ("Mål 3 och ett exempel, tack", 3),
    ],
)
def test_a_reference_names_its_goal(text: str, goal: int) -> None:
    assert goal_reference(text) == goal


@pytest.mark.parametrize(
    "text",
    [
        "Mitkä ovat neljä tavoitetta?",  # a count of goals
        "Onko kunnalla tavoite, että asukkaat pääsevät päättämään?",  # "että" (that) folds to "etta"
        "Tätä tavoitetta en ymmärrä, mitä se tarkoittaa?",  # "en" is "I don't"
        "Kan du förklara målet en gång till?",
        "Vad gör målet i kommunen?",  # "i" is "in", no Roman one
        "kolme tavoitetta",
        "de fyra målen",
        "tavoite 5",
        "#7",
        "kolmas sektori",  # an ordinal away from a goal word
        "toinen yhdistys",
        "Finns det andra mål?",  # "other goals"
        "vilka andra mål har KANE",
        "ykköstavoitteemme on saada tilat",  # "our main goal", a compound
        "mikä on teidän ykköstavoitteenne",
        "kokoushuone nro 3 on varattu koko päivän",
        "ett mål för föreningen",
        "vi vann med två mål",
        "kaks tavotetta on tärkeimmät",
        "kolome tavotetta",
        "jaa tämä tavoite toiseen keskusteluun",  # an ordinal agreeing with the noun after it
        "Kan man gå igenom målen ett i taget?",  # one at a time
        "Näytä tavoitteet yksi kerrallaan",
        "Selaisin tavoitteita yksi kerrallansa, miten?",  # spoken forms of "one at a time"
        "selaan tavotteita yksi kerrallaa",
        "no neljä tavoitetta, mitkä ne kaikki ovat?",  # Finnish "no" (well) before a count, no "number"
        "Kan man gå igenom målen ett efter ett?",
        "goals one by one",
        "Jag vill förstå målen bättre",  # "förstå" (understand) is "första" (first) once its marks are folded
    ],
)
def test_not_a_reference(text: str) -> None:
    assert goal_reference(text) is None


@pytest.mark.parametrize(("text", "lang"), [("mål 2?", "sv"), ("tavoite 3", "fi"), ("trean", "sv"), ("kakkonen", "fi")])
def test_the_goal_word_tells_the_language_of_a_short_reference(text: str, lang: str) -> None:
    assert goal_word_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "toiseksi viimeinen tavoite",
        "toiseks viimene tavote",
        "toiseksviimenen tavote",
        "det nästsista målet",
        "det näst sista målet",
        "the second last goal",
    ],
)
def test_the_goal_before_the_last(text: str) -> None:
    assert goal_reference(text) == 3


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        # a goal named by its place beside another, the word before the one named ...
        ("Vad säger målet som kommer efter ettan?", 2),
        ("målet efter tvåan", 3),
        ("Målet före det sista målet?", 3),
        ("målet innan fyran", 3),
        ("Mikä tavoite tulee ennen nelosta?", 3),
        # ... or after it, in Finnish; "seuraava" and "edeltävä" after a partitive only
        ("Mikä on kakkosen jälkeinen tavoite?", 3),
        ("mitä tavoitteen 2 jälkeen tulee", 3),
        ("Mitä sanoo ykköstä seuraava tavoite?", 2),
        ("kolmosta edeltävä tavoite", 2),
        # the goal word beside the one named is read through
        ("Och vad står det i målet efter mål 3?", 4),
        ("Målet före mål 4, vad handlar det om?", 3),
        ("Mitä toisen tavoitteen jälkeen tuleva tavoite sanoo?", 3),
        ("Mitä tavoitetta 2 seuraava tavoite sanoo?", 3),
        # a number that counts time, not the goals, leaves the goal as named
        ("mål 2 efter ett år", 2),
        ("Mitä kakkonen seuraavaksi sanoo?", 2),
    ],
)
def test_a_goal_named_by_its_place_beside_another(text: str, goal: int) -> None:
    assert goal_reference(text) == goal


@pytest.mark.parametrize("text", ["Vad kommer efter fyran?", "Mikä tulee ennen ykköstä?"])
def test_no_goal_after_the_last_nor_before_the_first(text: str) -> None:
    assert goal_reference(text) is None


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Mitä avoimuustavoitteessa sanotaan?", "avoimuus"),
        ("Kerro demokratiakasvatustavoitteesta", "demokratiakasvatus"),
        ("Vad står det i delaktighetsmålet?", "delaktighets"),
    ],
)
def test_a_goal_named_by_its_theme_in_one_word(text: str, theme: str) -> None:
    assert goal_themes(text) == [theme]


@pytest.mark.parametrize("text", ["Mitkä ovat vaalitavoitteet?", "Vad är slutmålet?", "tavoite"])
def test_goals_in_the_plural_or_a_short_head_name_no_theme(text: str) -> None:
    assert goal_themes(text) == []


@pytest.mark.parametrize(
    ("text", "goal", "action"),
    [
        # an ordinal just before the action word, in any case and speech
        ("kolmosen toinen kohta", 3, 2),
        ("Mitä neljännen tavoitteen toisessa kohdassa sanotaan?", 4, 2),
        ("Toka tavoite: mitä siinä ehdotetaan ensimmäiseksi keinoksi?", 2, 1),
        ("ykkösen eka toimenpide", 1, 1),
        ("Den andra åtgärden under trean?", 3, 2),
        ("tredje punkten i mål 1", 1, 3),
        ("Det andra förslaget under ettan", 1, 2),
        # the last one, and the one before it
        ("tavoitteen 2 viimeinen kohta", 2, LAST_ACTION),
        ("Det sista målet, vad står i dess allra sista punkt?", 4, LAST_ACTION),
        ("toiseksi viimeinen kohta tavoitteessa 4", 4, 2),
        # a number just after the action word
        ("Tavoite 3, kohta 1", 3, 1),
        ("mål 2 punkt 3", 2, 3),
        # an ordinal after the goal word and before an action word is the action's, not the goal's
        ("tavoite 4:n toinen kohta", 4, 2),
        ("Tvåans andra punkt, vad betyder den?", 2, 2),
    ],
)
def test_an_action_of_a_goal_named_by_its_place(text: str, goal: int, action: int) -> None:
    assert (goal_reference(text), action_reference(text)) == (goal, action)


@pytest.mark.parametrize(
    "text",
    [
        "kolmannen tavoitteen kohta mielenosoituksista",  # a part named by its matter, not its place
        "tavoite 4 on kohta ajankohtainen",  # "kohta" is also "soon"
        "fjärde punkten i mål 2",  # no goal has a fourth action
        # "andra", "toinen" as "other"
        "Finns det andra åtgärder i mål 3 än det som står där?",
        "Vilka andra förslag har mål 1?",
        "Onko tavoitteessa 1 joku toinen keino kuin avustukset?",
        # the asker's own proposal, a meeting's agenda
        "Mitt första förslag till kommunen är gratis lokaler, vad säger mål 1?",
        "Viimeinen kohta kokouksen asialistalla oli tavoite 4.",
        "Meidän hallituksen toinen ehdotus oli ilmaiset tilat, tukeeko tavoite 1 sitä?",
        "Eka kohta: mitä tavoite 1 sanoo tiloista?",  # the asker's own numbering
        # "kohta" as "soon" with a count; an encounter ("kohtaaminen")
        "Kuntavaalit on kohta 2 viikon päästä, mitä tavoite kolme sanoo?",
        "Mitä tavoite 3 sanoo siitä, että ehdokkaan ensimmäinen kohtaaminen jännittää?",
    ],
)
def test_no_action_named_by_its_place(text: str) -> None:
    assert action_reference(text) is None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("ekan tavoitteen toka keino, mitä siinä sanotaan?", "goal-1.action-2"),
        ("Vad är den sista punkten under mål tre?", "goal-3.action-3"),
        # the goal and its action told in the sentence before, "it" asked in plain words
        ("Mål nummer två, första åtgärden. Vad betyder den på lätt svenska?", "goal-2.action-1"),
        ("Tavoite neljä, kolmas kohta. Mitä se tarkoittaa selkokielellä?", "goal-4.action-3"),
        # the goal named by its theme, the ordinal after its word
        ("Avoimen hallinnon tavoitteen toinen kohta?", "goal-3.action-2"),
        # named by a theme the introduction's list of titles shares, the goal's part close behind it
        ("Målet om samarbete, andra punkten?", "goal-4.action-2"),
        ("Yhteistyötavoitteen toinen kohta?", "goal-4.action-2"),
        # named by its matter in words of their own when no part is likely enough alone: the one goal that matter
        # belongs to, or of the goals it belongs to (partnership: goals 1 and 4) the one retrieval found first
        ("Mitä avointa hallintoa koskevan tavoitteen kolmas toimenpide pitää sisällään?", "goal-3.action-3"),
        ("Demokratiakasvatusta käsittelevän tavoitteen ensimmäinen kohta, mikä se on?", "goal-2.action-1"),
        ("Den sista punkten i målet om demokratifostran, vad säger den?", "goal-2.action-3"),
        ("Kumppanuustavoitteen viimeinen toimenpide?", "goal-4.action-3"),
        # … also where the introduction, which lists every goal's title, came first
        ("Järjestökumppanuustavoitteen ensimmäinen kohta, mitä siinä lukee?", "goal-4.action-1"),
        # the question's own matter before an ordinal of the asker's agenda; a meeting's first point is no action
        ("Vår sista punkt på agendan: vad säger mål 2 om ungdomsfullmäktige?", "goal-2.action-2"),
        ("Första punkten på vårt möte var mål 4. Vad betyder det?", "goal-4"),
        # the middle one of a goal's three actions
        ("Mitä tavoitteen 1 keskimmäisessä kohdassa sanotaan?", "goal-1.action-2"),
        ("Den mellersta punkten i mål tre, vad handlar den om?", "goal-3.action-2"),
    ],
)
def test_an_action_named_by_its_place_is_answered(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    "question",
    [
        # a part of the goal named by one matter, with another goal's matter beside it: no part of that other goal
        "Voisitko selittää demokratiakasvatusta koskevan tavoitteen toisen kohdan selkeästi?",
        "Vad innebär den andra åtgärden i målet om demokratifostran för upphandlingen?",
    ],
)
def test_a_goal_named_by_its_matter_beside_another_goals_matter_is_no_part_of_the_other(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.reply(question)
    assert reply.kind != "answer" or reply.goal == 2


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Mitä tavoitteessa 2 luetellaan ekana?", 1),
        ("Mitä tavoitteessa 3 mainitaan viimeisenä?", LAST_ACTION),
        ("Vad nämns sist i mål ett?", LAST_ACTION),
        ("Mitä toisessa tavoitteessa mainitaan toisena?", 2),
    ],
)
def test_a_place_in_the_goals_list_said_as_an_adverb_beside_listing(text: str, action: int) -> None:
    assert action_reference(text) == action


@pytest.mark.parametrize("text", ["Mitä kunta tekee ensin tavoitteessa 2?", "Mitä tavoitteessa 1 sanotaan ensin?"])
def test_first_without_a_word_of_listing_is_no_place(text: str) -> None:
    assert action_reference(text) is None


def test_a_goal_named_by_its_theme_in_spoken_spelling(assistant: Assistant) -> None:
    assert goal_themes("demokratiakasvatustavotteessa") == ["demokratiakasvatus"]
    reply = assistant.reply("Mitäs siinä avoimuustavotteessa luetellaan ekana?")
    assert (reply.kind, reply.entry) == ("answer", "goal-3.action-1")


@pytest.mark.parametrize(
    "text",
    [
        "Mainitsin ensin valtuustossa tavoitteen 4, mitä se sanoo markkinavuoropuhelusta?",  # the asker's order
        "Vilket mål nämns först i texten?",  # which goal is asked
        "När jag presenterar mål 2 nämner jag först ungdomsfullmäktige, vad säger målet om det?",
    ],
)
def test_a_place_word_away_from_a_passive_listing_names_no_action(text: str) -> None:
    assert action_reference(text) is None


@pytest.mark.parametrize(
    "question",
    [
        # a bus or a train numbered in an everyday question is no goal
        "Vilken buss går till stationen, är det ettan?",
        "Mikä bussi menee uimahallille, onko se kakkonen?",
        "Meneekö ykkönen torille bussilla?",
    ],
)
def test_a_numbered_bus_in_an_everyday_question_is_no_goal(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "fallback"


def test_a_numeral_noun_asked_what_it_says_of_buses_is_the_goal(assistant: Assistant) -> None:
    assert assistant.reply("Mitä kakkonen sanoo bussiyhteyksistä?").goal == 2


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("Vad är det andra mål om?", 2),  # a learner's "det andra mål": one goal, the second
        ("vad ar det andra mal", 2),
        ("Berätta om det andra mål", 2),
        ("Finns det andra mål om föreningar?", None),  # other goals, after "finns det"
        ("Vad säger de andra målen om lokaler?", None),  # the other goals, plural
    ],
)
def test_det_andra_mal_is_the_second_goal_and_andra_mal_are_others(text: str, goal: int | None) -> None:
    assert goal_reference(text) == goal
