"""Finding the question in a long message: greetings, thanks and the asker's own story are set aside."""

from __future__ import annotations

import pytest

from bot.answering.focus import find_question, is_question, points_back
from bot.assistant import Assistant
from bot.core.text import sentences, words


@pytest.mark.parametrize(
    ("message", "question"),
    [
        ("Moi! Mitä tavoitteissa sanotaan kylätaloista?", "Mitä tavoitteissa sanotaan kylätaloista?"),
        ("Hej hej, tack för sist. Vad står det om bidrag?", "Vad står det om bidrag?"),
        (
            "Olemme pieni kuoro Kainuusta. Harjoittelemme seurakuntatalolla. Vuokra nousi. "
            "Kerro mitä KANE sanoo tiloista. Kiitos jo etukäteen!",
            "Kerro mitä KANE sanoo tiloista.",
        ),
        (
            "När vi startade föreningen fanns det en lokal. Nu är den borta. Säger målen något om lokaler?",
            "Säger målen något om lokaler?",
        ),
        ("Hyvää päivää. Onko tavoitteissa jotain nuorista", "Onko tavoitteissa jotain nuorista"),
        ("hei mitä kane tekee", "mitä kane tekee"),
        ("esim. asukasraadit, mitä niistä sanotaan?", "esim. asukasraadit, mitä niistä sanotaan?"),
    ],
)
def test_the_question_is_found_among_greetings_and_context(assistant: Assistant, message: str, question: str) -> None:
    assert find_question(message, assistant.intents).question == question


def test_a_message_without_a_question_is_kept_whole_but_for_its_greeting(assistant: Assistant) -> None:
    focus = find_question("Hei. Avustukset ja tilat", assistant.intents)
    assert focus.question == "Avustukset ja tilat" and not focus.asks


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("Onko tästä hyötyä", True),
        ("Sanovatko tavoitteet jotain", True),
        ("onks tääl mitään", True),
        ("Kerro lisää", True),
        ("Haluaisin tietää, mitä tavoitteissa sanotaan", True),
        ("Finns det något om unga", True),
        ("Berätta om målen", True),
        ("När vi startade var allt lätt", False),
        ("Koska olemme pieni yhdistys, rahaa on vähän", False),
        ("Olemme kyläyhdistys", False),
        ("Jag vill veta mer om bidrag", True),
        ("Här skriver pensionärsföreningen i Vörå", False),  # "här" folds to "har" but does not ask
        ("Här skriver Anna och jag undrar om kommunen borde ge oss lokaler", True),  # a request still asks
        ("Har ni något om bidrag", True),
    ],
)
def test_what_counts_as_asking(sentence: str, asks: bool) -> None:
    assert is_question(sentence) is asks


def test_a_long_message_is_answered_as_its_question_alone(assistant: Assistant) -> None:
    story = (
        "Olen kyläyhdistyksen rahastonhoitaja pienessä kunnassa. Meillä on kolmekymmentä jäsentä. "
        "Järjestämme talkoita ja kesäjuhlat. Viime vuonna kunta alkoi periä vuokraa koulun salista. "
        "Jäsenmaksut eivät riitä siihen. Hallitus on huolissaan. Kokoonnumme nyt jäsenten kodeissa. "
        "Se ei ole kaikille esteetöntä. Moni vanhempi jäsen on jäänyt pois. "
    )
    alone = assistant.reply("Mitä tavoitteissa sanotaan maksuttomista tiloista?")
    inside = assistant.reply(story + "Mitä tavoitteissa sanotaan maksuttomista tiloista?")
    assert alone.kind == inside.kind == "answer" and alone.entry == inside.entry == "goal-1.action-3"


def test_sentences_split_at_capitals_after_a_full_stop_only() -> None:
    assert sentences("Mitä 2. tavoite sanoo? Entä esim. nuoret. Kiitos") == [
        "Mitä 2. tavoite sanoo?",
        "Entä esim. nuoret.",
        "Kiitos",
    ]


def test_an_emoji_before_a_capital_ends_a_sentence_and_before_a_small_letter_does_not() -> None:
    assert sentences("Moi Kuopiosta 👋 Miten tuetaan kerhoja?") == ["Moi Kuopiosta 👋", "Miten tuetaan kerhoja?"]
    assert sentences("Nuorisovaltuusto 🤔 mitä KANE sanoo?") == ["Nuorisovaltuusto 🤔 mitä KANE sanoo?"]
    # with the variation selector a heart carries
    assert sentences("Hälsningar ❤️ Hur ska kommunen?") == ["Hälsningar ❤️", "Hur ska kommunen?"]


def test_a_text_emoticon_before_a_capital_ends_a_sentence_as_an_emoji_does() -> None:
    assert sentences("Hej, hoppas allt är bra :) Vi undrar hur kommunen ska stöda oss?") == [
        "Hej, hoppas allt är bra :)",
        "Vi undrar hur kommunen ska stöda oss?",
    ]
    assert sentences("Moi :-D Mitä kuuluu") == ["Moi :-D", "Mitä kuuluu"]
    assert sentences("Hoppas allt är bra :)) Vi undrar") == ["Hoppas allt är bra :))", "Vi undrar"]
    # before a small letter it goes on, as after an emoji; a colon inside a word or a time is none
    assert sentences("Föreningsbidrag :) vad säger målen?") == ["Föreningsbidrag :) vad säger målen?"]
    assert sentences("KANE:s mål kl 10:30") == ["KANE:s mål kl 10:30"]


def test_wishing_well_before_an_emoticon_says_nothing_of_what_is_asked(assistant: Assistant) -> None:
    reply = assistant.reply("Hoppas allt är bra :) Vi undrar varför kommunen borde se föreningar som samarbetspartner?")
    assert (reply.kind, reply.entry) == ("answer", "goal-4")


def test_where_the_asker_greets_from_is_no_place_the_question_is_about(assistant: Assistant) -> None:
    reply = assistant.reply("Hej från seniorklubben i Borgå 🙂 Hur ska kommunen stärka äldrerådet?")
    assert (reply.kind, reply.entry) == ("answer", "goal-2.action-2")


def test_an_abbreviations_case_ending_after_a_colon_is_part_of_the_word() -> None:
    # "KANE:s" is not "kane" and a stray "s", which was read as a word of the question.
    assert words("Vad säger KANE:s mål, och KANE:n tavoitteet klo 12:30?") == (
        "vad", "säger", "kanes", "mål", "och", "kanen", "tavoitteet", "klo", "12", "30",
    )  # fmt: skip


def test_a_full_stop_before_a_small_letter_ends_a_sentence_unless_it_ends_an_abbreviation() -> None:
    # People typing on a phone rarely capitalise: "… kautta. meillä …" is two sentences, "esim. nuoret" is one.
    assert sentences("oon ollu mukana kaks vuotta. meillä on hyvä porukka. mitä kane sanoo esim. nuorista?") == [
        "oon ollu mukana kaks vuotta.",
        "meillä on hyvä porukka.",
        "mitä kane sanoo esim. nuorista?",
    ]
    assert sentences("vi har t.ex. en lokal. vad säger målen om dvs. bidrag?") == [
        "vi har t.ex. en lokal.",
        "vad säger målen om dvs. bidrag?",
    ]


def test_a_lower_case_story_is_set_aside_like_a_capitalised_one(assistant: Assistant) -> None:
    # The treasurer in the story is no person asked for; the question at the end asks what the goals say.
    story = "moi, oon kyläyhdistyksen rahastonhoitaja. meidän puheenjohtaja jäi juuri eläkkeelle. "
    reply = assistant.reply(story + "mitä tavoitteissa sanotaan maksuttomista tiloista?")
    assert (reply.kind, reply.entry) == ("answer", "goal-1.action-3")


def test_a_short_question_pointing_back_keeps_the_sentence_before_it(assistant: Assistant) -> None:
    focus = find_question("Poistakaa kaikki tietoni. Miten se onnistuu?", assistant.intents)
    assert focus.question == "Poistakaa kaikki tietoni. Miten se onnistuu?"
    alone = find_question("Meillä on kerho. Mitä tavoitteissa sanotaan tiloista?", assistant.intents)
    assert alone.question == "Mitä tavoitteissa sanotaan tiloista?"


def test_a_longer_question_ending_in_a_pointing_word_keeps_the_sentence_before_it(assistant: Assistant) -> None:
    focus = find_question("Jag fick en kod i går av administratören. Var ska jag skriva in den?", assistant.intents)
    assert focus.question == "Jag fick en kod i går av administratören. Var ska jag skriva in den?"
    reply = assistant.reply("Olen virkailija ja sain ylläpitäjältä koodin. Mihin minun pitää kirjoittaa se?")
    assert (reply.kind, reply.entry) == ("answer", "help.join")


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("Meidän partiolaiset haluaisivat käydä kouluissa opettamassa, miten kokouksessa äänestetään. "
         "Kannattaako KANE tällaista?", "goal-2.action-3"),
        ("Vi vill att våra politiker och tjänstemän lär sig föra dialog med föreningarna i byn. "
         "Vill KANE ha en sådan kurs?", "goal-3.action-2"),
        # "such" as spoken
        ("Kunta perii seuralta vuokraa koulun liikuntasalista, vaikka toinen seura saa sen ilmaiseksi. "
         "Mitä tavoitteissa sanotaan tämmösestä?", "goal-1.action-3"),
        # "such" of that kind, written and spoken
        ("Meidän kerho haluaisi kokoontua koulun liikuntasalissa ilmaiseksi. Mitä tavoitteissa sanotaan sellaisesta?",
         "goal-1.action-3"),
        ("Haluamme kokoontua koulun salissa maksutta. Onko tavoitteissa jotain semmosesta?", "goal-1.action-3"),
        # "tuollainen", a learner's "om sådan", "den typen av": of the kind told before
        ("Meillä kokeiltiin arvottua asukasraatia. Mitä tavoitteet sanovat tuollaisesta?", "goal-2.action-1"),
        ("Jag läste att invånare lottas till en jury som ger förslag till kommunen. Vad säger målen om sådan sätt?",
         "goal-2.action-1"),
        ("Vi vill pröva en panel av slumpvis valda invånare. Stöder KANE den typen av metoder?", "goal-2.action-1"),
    ],
)  # fmt: skip
def test_a_question_about_such_a_thing_keeps_the_sentence_that_describes_it(
    assistant: Assistant, message: str, entry: str
) -> None:
    assert find_question(message, assistant.intents).question == message
    reply = assistant.reply(message)
    assert (reply.kind, reply.goal) == ("answer", int(entry[5]))
    # Finnish "sana" (a word) and "sadan" (a hundred's) fold like Swedish "såna", "sådan": no pointing back.
    for story_then_question in (
        "Harrastan kalastusta mökillä. Mitä sana kumppanuus tarkoittaa tavoitteissa?",
        "Kylässä on koiria ja hevosia. Miten sadan asukkaan kylä voi vaikuttaa päätöksiin?",
    ):
        alone = story_then_question.split(". ")[1]
        assert find_question(story_then_question, assistant.intents).question == alone
    long_question = "Meillä on kerho. Kannattaako KANE tällaista kerhoa joka ikisessä kylässä koko maakunnassa?"
    assert find_question(long_question, assistant.intents).question == long_question.split(". ")[1]


def test_a_short_question_about_us_keeps_the_sentence_that_says_who_we_are(assistant: Assistant) -> None:
    message = "Jag är med i valberedningen för vårt parti i Närpes. Vad rekommenderar KANE oss?"
    assert find_question(message, assistant.intents).question == message
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", "candidates")


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        (
            "Kylätalomme kunnostetaan talkoilla, ja kunnan avustushakemus on joka vuosi erilainen. "
            "Tämä vie meiltä paljon aikaa. Onko KANE ottanut tähän kantaa?",
            1,
        ),
        (
            "Vi i hembygdsföreningen skulle gärna berätta för skoleleverna hur man påverkar i kommunen. "
            "Är detta ett av KANE:s mål?",
            2,
        ),
    ],
)
def test_a_question_naming_only_kane_or_the_goals_is_about_what_the_story_told(
    assistant: Assistant, message: str, goal: int
) -> None:
    # Alone, "Onko KANE ottanut tähän kantaa?" would be read as asking what KANE is.
    reply = assistant.reply(message)
    assert (reply.kind, reply.goal) == ("answer", goal)
    assert reply.entry not in ("kane", "intro")


@pytest.mark.parametrize(
    "message",
    [
        "Näin ilmoitustaululla mainoksen. Mikä tämä KANE oikein on?",
        "Opettaja mainitsi sen tunnilla. Mikä KANE on ja kuka sen jäsenet nimittää?",
        "Kuulin radiosta. Mikä tällanen KANE-juttu on?",
        # who this KANE is, after the asker says who they are
        "Moi vaan! Mie oon Pentti Sallasta. Kuka se KANE oikein on?",
    ],
)
def test_a_question_pointing_at_kane_itself_after_a_story_is_about_kane(assistant: Assistant, message: str) -> None:
    assert assistant.reply(message).entry == "kane"


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # "den" as an object points back, not at KANE; "tämä KANE" in a question of KANE's view, at what came before
        ("Staden har startat en invånarpanel. Stöder KANE den?", "goal-2.action-1"),
        ("Kunta perii vuokraa seurantalosta. Mitä mieltä tämä KANE on?", "goal-1.action-3"),
    ],
)
def test_a_pointer_near_kane_that_points_back_keeps_the_story(assistant: Assistant, message: str, entry: str) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        (
            "Kylämme nuoret valitsivat oman neuvoston viime keväänä, mutta päättäjät eivät kysy heiltä mitään. "
            "Pitäisikö niiden mielipiteellä olla enemmän väliä?",
            "goal-2.action-2",
        ),
        (
            "Vår pensionärsklubb får ett litet understöd från staden, men ansökan är ett helt pappersberg. "
            "Borde det bli enklare?",
            "goal-1.action-2",
        ),
        # "om just det här": exactly what was told, not the goals as a whole
        (
            "Vår byaförening har ingen lokal för sina möten, och skolan står tom på kvällarna. "
            "Vad säger målen om just det här?",
            "goal-1.action-3",
        ),
        (
            "Vår byaförening har ingen lokal för sina möten. Va säger KANE om just de här då?",
            "goal-1.action-3",
        ),
        # what KANE has said of such a thing, spoken, after the story: no question of what KANE is
        (
            "Kaupunki vois kysyy nuorilta mielipidettä siit mitä nuorisotilal tehää. Mä kuulin et on olemassa "
            "semmosii raateja, missä asukkaat miettii yhes jotain asiaa. Onks KANE sanonu jotain tällasest?",
            "goal-2.action-1",
        ),
        (
            "Staden kunde samla vanliga invånare som tillsammans funderar på en fråga. Har KANE sagt något om sånt?",
            "goal-2.action-1",
        ),
        # "näistä" (of these) points back as "niistä" does
        (
            "Kunnassa on paljon vertaisryhmiä, mutta tieto niistä on hajallaan. Sanovatko tavoitteet, että näistä "
            "pitäisi kertoa selvästi?",
            "goal-4.action-2",
        ),
    ],
)
def test_a_question_that_leans_on_its_story_is_read_with_it(assistant: Assistant, message: str, entry: str) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    "message",
    [
        "Vår förening hyr lokaler av staden. Hur mår du idag?",
        "Meidän yhdistys vuokraa tiloja kaupungilta. Miten sulla menee tänään?",
    ],
)
def test_small_talk_after_a_story_is_not_answered_from_the_story(assistant: Assistant, message: str) -> None:
    assert assistant.reply(message).kind != "answer"


@pytest.mark.parametrize(
    "message",
    ["Mitä kuuluu?", "Moi! Mitä sulle kuuluu?", "Hej, hur mår du?", "Tjena! Läget?", "Tack, allt bra!"],
)
def test_small_talk_alone_is_greeted_back(assistant: Assistant, message: str) -> None:
    # "kuulua" is also "to belong": "Mitä sulle kuuluu?" must not be read as a question about the goals.
    assert assistant.reply(message).kind == "greeting"


def test_small_talk_in_several_sentences_is_greeted_back(assistant: Assistant) -> None:
    assert assistant.reply("Moi! Mitä kuuluu? Miten menee?").kind == "greeting"


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        ("Heips, mitä kuuluu? Miksi järjestöt pitäisi ottaa kumppaneiksi?", "goal-4"),
        ("Hej, hur är läget? Vad säger KANE om lokaler för föreningar?", "goal-1.action-3"),
    ],
)
def test_small_talk_is_set_aside_like_a_greeting(assistant: Assistant, message: str, entry: str) -> None:
    assert assistant.reply(message).entry == entry


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # Ostrobothnian function words ("kva", "fö", "ti") frame the question like "vad", "för", "till"
        ("kva har KANE fö mål ti kommunalvalet?", "intro"),
        ("Kven är KANE?", "kane"),
        # advice asked of the goals frames the question; it is not about KANE, the advisory board
        (
            "Valtuutetut eivät osaa keskustella järjestöjen kanssa. Onko tähän jotain neuvoa tavoitteissa?",
            "goal-3.action-2",
        ),
        # Ostrobothnian "he" is "det": the question points back at the sentence before it
        ("Partina borde ha fler unga på listorna. Va säger KANE åm he?", "candidates"),
        # "om det", "um he" in the middle of a question point back too, as Finnish "siitä" does
        ("Ansökningarna om bidrag är så krångliga att vi gett upp. Står det något om det i målen?", "goal-1.action-2"),
        ("Bidragsansökningan e så krångliga att ingen orkar. Står he nogo um he i måln?", "goal-1.action-2"),
        # plural definite "-an" ("politikeran") and the clipped "måln"
        ("Va sägs i måln um att politikeran sku prat me föreningan?", "goal-3.action-2"),
        # "om det" as an article, "den" as one, "sellaista" pointing forward: the question is read alone
        (
            "Jag sitter i ungdomsfullmäktige i Vörå. Vad säger målen om det civila samhällets lokaler?",
            "goal-1.action-3",
        ),
        (
            "Vi är en kulturförening som hyr lokal av kommunen. Känner ni den nya modellen med kundjuryer?",
            "goal-2.action-1",
        ),
        (
            "Meillä on asukasraati tulossa. Onko olemassa sellaista rahoitusta, jolla kunta tukee yhdistyksiä?",
            "goal-1.action-2",
        ),
    ],
)
def test_ostrobothnian_spoken_swedish_is_read_as_written_swedish(
    assistant: Assistant, message: str, entry: str
) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("message", "question", "entry"),
    [
        # a question someone else asked, reported, then "can you tell?": what was asked is the question
        (
            "Kylän vanhus kysyi, mitä tavoitteissa sanotaan vanhusneuvostoista. Osaatko kertoa?",
            "mitä tavoitteissa sanotaan vanhusneuvostoista.",
            "goal-2.action-2",
        ),
        (
            "Kassören i vår klubb undrade vad KANE säger om bidragsansökningarna. Vet du?",
            "vad KANE säger om bidragsansökningarna.",
            "goal-1.action-2",
        ),
        (
            "Mietin, mitä KANE tarkoittaa avoimella hallinnolla. Tiedätkö sinä?",
            "mitä KANE tarkoittaa avoimella hallinnolla.",
            "goal-3",
        ),
    ],
)
def test_a_reported_question_followed_by_can_you_tell_is_what_is_asked(
    assistant: Assistant, message: str, question: str, entry: str
) -> None:
    assert find_question(message, assistant.intents).question == question
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


def test_can_you_tell_alone_or_after_small_talk_is_still_about_the_bot(assistant: Assistant) -> None:
    assert assistant.reply("Moi. Osaatko kertoa?").entry == "help.capabilities"
    assert assistant.reply("Vädret är dåligt idag. Vet du?").kind == "fallback"


@pytest.mark.parametrize(
    "message",
    [
        "Vi är en liten kör. Vi funderar på att sälja tjänster åt kommunen. Är det en bra idé enligt målen?",
        "Vi har en liten förening. Någon sa att föreningen kan sälja tjänster åt staden. Är det klokt enligt KANE?",
    ],
)
def test_a_judgement_of_what_was_told_is_asked_of_the_story(assistant: Assistant, message: str) -> None:
    # "Is this a good idea?" weighs the sentence before it: selling services is goal 4's.
    reply = assistant.reply(message)
    assert (reply.kind, reply.goal) == ("answer", 4)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # a clause of its own is what is weighed; "sitten" points at nothing
        ("Vi har en liten förening i Vörå. Är det klokt att kommunen ordnar invånarpaneler?", "goal-2.action-1"),
        ("Olen uusi valtuutettu Kemistä. Onko se hyvä, että kunnassa on asukasraateja?", "goal-2.action-1"),
        ("Kunta lakkautti vanhusneuvoston. Mikä sitten olisi hyvä tapa jakaa avustuksia?", "goal-1.action-2"),
        # a matter named after the judgement is what is weighed
        ("Vi har fått bidrag av kommunen i tio år. Är det bra med ungdomsråd?", "goal-2.action-2"),
    ],
)
def test_a_judgement_of_a_clause_of_its_own_is_asked_alone(assistant: Assistant, message: str, entry: str) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


def test_swedish_see_and_a_long_object_question_do_not_point_back() -> None:
    # Finnish "se" (it) is Swedish "se" (to see); an object after the subject points back in `find_question` only
    assert not points_back("Hur hittar jag listan för att se vem jag kan samarbeta med?")
    assert points_back("Mitä tavoitteissa sanotaan siitä?")


def test_this_election_named_after_it_points_nowhere_back(assistant: Assistant) -> None:
    # "om just det här valet" is about this election, what the goals as a whole are for, not the food bank told
    # before it
    reply = assistant.reply("Vi har en jättebra matbank i byn. Vad säger målen om just det här valet?")
    assert (reply.kind, reply.entry) == ("answer", "intro")


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # a request inside a sentence that tells of the asker's role or the matter: both are read, nothing set aside
        ("Olen virkamies ja haluaisin tietää, mitä minun pitäisi tehdä järjestöjen kanssa.", "goal-3.action-2"),
        ("Vår kommun har inget ungdomsfullmäktige och jag vill veta vad målen säger", "goal-2.action-2"),
        # "för det", "for it", points back at the story
        ("Vi vill ha ett forum med staden och välfärdsområdet. Finns det stöd för det i målen?", "goal-4.action-1"),
    ],
)
def test_a_request_is_read_with_what_its_sentence_and_story_tell(
    assistant: Assistant, message: str, entry: str
) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("message", "goal"),
    [
        ("Tavoite kolme on minulle vaikea, varsinkin avoin hallinto. Voitko selittää?", 3),
        ("Jag förstår inte riktigt mål två om demokratifostran. Kan du förklara?", 2),
    ],
)
def test_can_you_explain_alone_asks_about_the_sentence_before(assistant: Assistant, message: str, goal: int) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.goal) == ("answer", goal)


@pytest.mark.parametrize(
    "message",
    [
        "Hej, tack för svaret om lokalerna! Kan du också berätta när nästa kommunalval hålls efter det här?",
        "Moi! Kiitos vastauksesta tiloista. Voitko vielä kertoa, milloin seuraavat kuntavaalit ovat tämän jälkeen?",
    ],
)
def test_what_thanks_were_for_is_no_matter_of_the_next_question(assistant: Assistant, message: str) -> None:
    # an election date is a fact the goals never give; the premises thanked for are not what is asked now
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("fallback", None)


def test_a_question_pointing_back_at_what_was_thanked_for_reads_it(assistant: Assistant) -> None:
    message = "Tusen tack för svaret om understöden. Vad ska kommunen göra med det?"
    assert "svaret om understöden" in find_question(message, assistant.intents).question
    assert assistant.reply(message).entry == "goal-1.action-2"


def test_meanwhile_points_at_nothing_before(assistant: Assistant) -> None:
    # "sillä välin" (meanwhile) is no "by it": the premises are asked, not the cut grants told before
    reply = assistant.reply("Kunta leikkasi avustuksia. Mitä tavoitteet sanovat sillä välin tiloista?")
    assert reply.entry != "goal-1.action-2" and (reply.entry or reply.suggest) == "goal-1.action-3"


def test_thanks_for_a_deed_before_a_story_keeps_the_story(assistant: Assistant) -> None:
    message = "Tack för att ni finns, vår kör behöver en ny lokal. Vad säger målen om det?"
    reply = assistant.reply(message)
    assert (reply.kind, reply.goal) == ("answer", 1)


def test_a_learners_such_points_back_after_something(assistant: Assistant) -> None:
    message = "Invånare kan samlas i en grupp som diskuterar och ger kommunen råd. Föreslår målen något sådan?"
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", "goal-2.action-1")


@pytest.mark.parametrize(
    "message",
    [
        "Poliitikot puhuvat nyt avoimesta hallinnosta. Mitä KANE tarkoittaa sillä oikeastaan?",
        "Politikerna säger att förvaltningen ska vara öppen. Vad menar KANE med det egentligen?",
    ],
)
def test_by_it_points_back_at_the_sentence_before(assistant: Assistant, message: str) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.goal) == ("answer", 3)


def test_a_question_asked_with_no_one_named_is_reported(assistant: Assistant) -> None:
    message = "Kyläkokouksessa kysyttiin, minkä vaalien alla nämä tavoitteet laadittiin. Osaatko kertoa?"
    assert find_question(message, assistant.intents).question == "minkä vaalien alla nämä tavoitteet laadittiin."
    assert assistant.reply(message).entry == "intro"


def test_the_askers_own_words_after_a_dash_are_set_aside_from_a_request(assistant: Assistant) -> None:
    message = "Kort sammanfattning av målen inför valet, tack – jag ska presentera dem på vårt årsmöte."
    focus = find_question(message, assistant.intents)
    assert focus.question == "Kort sammanfattning av målen inför valet, tack"
    assert assistant.reply(message).entry == "intro"


def test_with_it_of_the_questions_own_matter_does_not_point_back(assistant: Assistant) -> None:
    # "sillä" before the rest of the question is "with it" (the code), not "by it": the sum asked stays honest
    reply = assistant.reply("Sain kunnalta koodin avustusjärjestelmään. Paljonko avustusta sillä voi hakea?")
    assert reply.kind == "fallback" and reply.entry is None


def test_in_this_way_points_back_at_the_way_told(assistant: Assistant) -> None:
    message = (
        "Kunta aikoo lakkauttaa kyläkoulun, eikä kukaan kysy meiltä mitään. Kunta voisi koota kyläläiset yhteen "
        "ja kuunnella ennen kuin päättää. Onko tavoitteissa jotain siitä, että asukkaat otetaan mukaan tällä tavalla?"
    )
    reply = assistant.reply(message)
    assert (reply.kind, reply.goal) == ("answer", 2)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # what follows the dash asks: kept
        ("Snabb fråga – vi undrar om kommunen måste ge föreningar gratis lokaler.", "goal-1.action-3"),
        ("Lyhyesti kiitos – me mietitään, mitä tavoitteet sanovat yhteiskäyttöisistä tiloista.", "goal-1.action-3"),
        # Finnish "ja" (and) after a dash is no Ostrobothnian "jag"
        ("Kerro tavoitteista – ja erityisesti nuorisovaltuustoista.", "goal-2.action-2"),
    ],
)
def test_words_after_a_dash_that_ask_stay_the_question(assistant: Assistant, message: str, entry: str) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


def test_a_question_asked_with_no_one_named_in_one_sentence(assistant: Assistant) -> None:
    assert assistant.reply("Årsmötet frågades vilka mål KANE har inför valet.").entry == "intro"
    # asked before by someone, in one sentence; Swedish "vem som", "vad som" ask as "vem", "vad"
    assert assistant.reply("Min granne undrade vad som står om lokaler i målen.").entry == "goal-1.action-3"
    # a board musing is no question asked: the question after it is
    message = "Hallituksessa pohdittiin, miten saisimme lisää jäseniä. Mitä tavoitteet sanovat avustuksista?"
    assert assistant.reply(message).entry == "goal-1.action-2"


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # a Swedish sentence whose "jag" was dropped tells; it asks nothing after the question before it
        ("Vilka är målen i korthet? Har just läst om dem i tidningen.", "intro"),
        # before the question it is the story the question points at
        ("Har aldrig varit med i en invånarpanel. Vad är det för något?", "goal-2.action-1"),
    ],
)
def test_a_swedish_sentence_with_its_subject_dropped_tells(assistant: Assistant, message: str, entry: str) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # thanks, then after a colon a question of its own: "avusta" (for the help) is no question about the bot
        ("Kiitti eilisestä avusta mut vielä: mitä tavoitteet sanoo avustuksista?", "goal-1.action-2"),
        ("Tack för hjälpen i går, en sak till: vad säger målen om invånarpaneler?", "goal-2.action-1"),
    ],
)
def test_a_question_after_thanks_and_a_colon_is_read_alone(assistant: Assistant, message: str, entry: str) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("question", "back"),
    [
        # Swedish "it" before its particle, last, points back as "it" last does
        ("Hur tar jag den i bruk?", True),
        ("Hur skickar jag det vidare?", True),
        ("Hur skickar jag frågan vidare?", False),
    ],
)
def test_it_before_its_particle_points_back(question: str, back: bool) -> None:
    assert points_back(question) is back
