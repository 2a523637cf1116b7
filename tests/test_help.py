"""Questions about using the bot are answered from help entries that name the right command for the asker's role,
and are never routed; a message in another language gets a note in Finnish, Swedish and English."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Mitä tällä botilla voi tehdä?", "help.capabilities"),
        ("Vad kan den här boten hjälpa mig med?", "help.capabilities"),
        ("Miten korjaan yhteystiedot tässä botissa?", "help.contacts"),
        ("Hur ändrar vi kontaktuppgifterna här?", "help.contacts"),
        # every area's contacts at once, as a spreadsheet (administrators)
        ("Miten saan kaikkien alueiden yhteystiedot Excel-taulukkoon ja sieltä takaisin?", "help.contacts"),
        ("Går det att exportera alla kontaktuppgifter till ett kalkylark?", "help.contacts"),
        ("Mistä virkahenkilö näkee kysymykset, joihin botti ei vastannut?", "help.unanswered"),
        ("Hur ansluter jag mig som tjänsteman till boten?", "help.join"),
        # an official's rights taken away, every contact person as a spreadsheet, an answer too long to send
        ("Kollegani jäi eläkkeelle. Miten poistan häneltä virkahenkilön oikeudet?", "help.invite"),
        ("Hur återkallar jag behörigheten för en tjänsteman som har slutat?", "help.invite"),
        ("Kan jag exportera alla kontaktpersoner till ett kalkylblad?", "help.contacts"),
        ("Vastaukseni yhdistykselle ei lähtenyt. Onko vastauksen pituudella raja?", "help.unanswered"),
        ("Mitt svar till föreningen skickades inte. Finns det en teckengräns för svaret?", "help.unanswered"),
        # the pair and an association beside it: the official's long answer, not the bot's own reply
        ("Mitt svar till en förening blev för långt och skickades inte, vad ska jag göra?", "help.unanswered"),
        ("Kirjoitin yhdistykselle liian pitkän vastauksen, eikä botti lähettänyt sitä. Mitä teen?", "help.unanswered"),
        # how long a message may be, and an answer that never reached the association (the limit is the bot's)
        ("Kuinka pitkä viesti saa olla? Onko viestin pituudelle yläraja?", "help.unanswered"),
        ("Mitt svar gick aldrig fram till föreningen. Varför?", "help.unanswered"),
        # the bot silent in a group, a question the bot could not answer, the bot's name in an ordinary chat
        ("Vi lade in boten i vår telegramgrupp men den svarar inte. Är den trasig?", "help.capabilities"),
        ("Om boten inte kan svara på min fråga, vad händer med den?", "help.unanswered"),
        ("Jos botti ei tiedä vastausta, mitä kysymykselleni tapahtuu?", "help.unanswered"),
        ("Virkahenkilönä haluaisin vastata järjestöjen kysymyksiin botin kautta, miten se käy?", "help.unanswered"),
        ("Voiko botin nimen kirjoittaa tavalliseen keskusteluun ja saada tavoitteen sinne?", "help.share"),
        ("Kan jag skriva botens namn i en vanlig chatt och få fram ett mål?", "help.share"),
        # the code asked about; answering associations is only why ("jotta …")
        (
            "Sain koodin ylläpitäjältä. Mihin se kirjoitetaan, jotta pääsen vastaamaan yhdistysten kysymyksiin?",
            "help.join",
        ),
        ("Voitko vastata ruotsiksi?", "help.language"),
        ("Hur raderar jag allt du har sparat om mig?", "help.forget"),
        ("Voitko välittää kysymykseni hyvinvointialueelle?", "help.handover"),
        ("Hur delar jag ett mål med styrelsen?", "help.share"),
        ("Voinko perua tekemäni muutoksen botissa?", "help.editing"),
        ("Vem godkänner ändringsförslagen i boten?", "help.editing"),
        ("Miten botin ylläpitäjä kutsuu uuden virkahenkilön?", "help.invite"),
        ("Hur länge gäller inbjudningskoden till boten?", "help.invite"),
        # A command named, or a short question pointing back at the sentence before it.
        ("Mitä /stats näyttää?", "help.stats"),
        ("Jag fick en inbjudningskod av administratören. Var skriver jag in den?", "help.join"),
        # The question alone finds nothing; the sentence before it says it is about the bot.
        ("Sain koodin ylläpitäjältä. Mihin se pitää kirjottaa?", "help.join"),
    ],
)
def test_questions_about_the_bot_get_help_not_a_route(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry, reply.route) == ("answer", entry, None)


def test_the_help_names_the_command_for_the_askers_role(assistant: Assistant) -> None:
    everyone = assistant.help_reply("help.contacts", "fi", "association")
    official = assistant.help_reply("help.contacts", "fi", "official")
    admin = assistant.help_reply("help.join", "sv", "admin")
    assert "/editcontact" not in everyone.text and "/contact" in everyone.text
    assert "/editcontact" in official.text
    assert "/invite" in admin.text
    # What only an official or an administrator can do is explained to them, and only pointed at for everyone.
    assert "/local" in assistant.help_reply("help.editing", "sv", "official").text
    assert "/review" in assistant.help_reply("help.editing", "fi", "admin").text
    assert "/local" not in assistant.help_reply("help.editing", "fi", "association").text
    assert "7d" in assistant.help_reply("help.invite", "fi", "admin").text
    # An administrator without a text of their own reads the officials' one.
    cancel = assistant.help_reply("help.cancel", "fi", "official").text
    assert assistant.help_reply("help.cancel", "fi", "admin").text == cancel
    # An administrator is told how to keep every area's contacts at once, as a spreadsheet.
    for lang in ("fi", "sv"):
        text = assistant.help_reply("help.contacts", lang, "admin").text
        assert "kanebot contacts export" in text and "kanebot contacts import" in text and "/editcontact" in text


@pytest.mark.parametrize(
    "question",
    [
        "Mistä näkee, montako kysymystä meidän alueelta on tullut tällä viikolla?",
        "Kuinka monta kysymystä botille on tullut tavoitteesta 3?",  # the goal is what they were about
        "hur många frågor har vi fått hittills",  # nothing of the goals' world named: these are the bot's
        "Yhdistysaktiivina mietin, näkeekö jostain kuinka monta kysymystä eri tavoitteista on kertynyt.",
        "Kan man se hur många frågor som har kommit in per språk den här månaden?",
        "Kan jag som tjänsteman se antalet frågor vi har fått om varje mål?",
        # how many people asked, and about which goal: a count only the bot keeps
        "Kuinka moni on kysynyt tavoitteesta 4 tässä kuussa?",
        "Hur många har frågat om mål 1?",
        "Näkeekö tilastoista, mitä ihmiset kyselevät?",
        # what is asked most: a count only the bot keeps
        "Mistä näkee, mitä tavoitteita meidän kunnassa kysytään eniten?",
        "Vilka mål frågas det mest om hos oss?",
    ],
)
def test_how_many_questions_came_in_is_the_statistics_help(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "help.stats")
    assert "/stats" in assistant.help_reply("help.stats", reply.lang, "official").text


@pytest.mark.parametrize(
    "question",
    [
        "Montako kysymystä KANE asettaa kunnille?",  # questions the goals put, not questions that came in
        "Hur många frågor tar målen upp?",
        "Kuinka monta kysymystä kunnalle tulee yhdistyksiltä vuodessa?",  # sent to the municipality
        "Montako kysymystä tulee kunnan asiakaspalveluun?",  # someone else's questions, not seen here
        "Mistä löydän tilastot äänestysaktiivisuudesta?",  # statistics of another matter
        "Montako kysymystä nuorisovaltuustolle on tullut?",  # a council's questions
        "Var hittar jag statistik om hur målen förverkligas?",  # statistics of the goals coming true
    ],
)
def test_counting_questions_that_did_not_come_to_the_bot_is_no_statistics(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).entry != "help.stats"


def test_help_answers_end_with_their_source_and_date(assistant: Assistant) -> None:
    reply = assistant.help_reply("help.forget", "sv")
    assert reply.text.splitlines()[-1] == assistant.message("help_source", "sv", reviewed="1.12.2026")
    assert reply.reviewed == "2026-12-01"


def test_the_share_help_names_the_bot(assistant: Assistant) -> None:
    assert "@kanebotti tavoite 3" in assistant.help_reply("help.share", "fi", bot="@kanebotti").text


@pytest.mark.parametrize(
    "message",
    [
        "What can KANE tell us about grants for associations?",
        "Здравствуйте, что такое KANE?",
        "Tere, kas saate mind aidata?",
        "Guten Tag, was sind die Ziele von KANE?",
        "Buorre beaivi! Makkár ulbmilat leat KANE:s?",  # Northern Sami: langdetect has no profile for it
        "Buorre iđit! Mii lea gielddaid mihttomearit?",  # … whatever short word it shares with Swedish ("mii", "lea")
        "Hvar get ég fundið markmið KANE?",  # nor for Icelandic, whose "ð" and "þ" no Nordic neighbour writes
        # nor for Maltese ("ġ", "ħ") or Tongan (macrons, "ʻ"), whose words langdetect takes for another language's
        "Bonġu! Kif nista' nikseb għajnuna mill-kumun għall-għaqda tagħna?",
        "Mālō e lelei! Ko e hā ʻa e KANE?",
        "Grazzi ħafna! Ma nitkellimx bil-Finlandiż.",  # "ħ" and "ż" in two words
        # Short words shared with Finnish or Swedish ("me", "in", "on", "mis") do not hide the language …
        "Could you explain KANE to me in English?",
        "Tere! Mis on KANE peamised eesmärgid?",
        # … nor does an English word the knowledge's Swedish lists also hold ("register", from "registret") …
        "How do I register our association for the municipal grants?",
        # … nor do the bot's own commands ("/goals", "/about") make their English words ours.
        "What are the goals?",
        "Tell me about the goals of KANE",
        # … nor does a greeting too short for any detection.
        "Hi",
        "Thanks!",
        # Norwegian and Danish with a word Swedish never writes: the note, which has Swedish in it too
        "Hei! Hva betyr målet om åpen forvaltning for kommunene?",
        "Hvad siger KANE om frivillige foreninger i kommunerne?",
        "Jeg skjønner ikke finsk, kan dere hjelpe meg med målene?",
        # … even where most of their words, folded, are Swedish ones: two of their own words, or one and "ø"
        "Hvem kan jeg kontakte i kommunen om tilskudd til foreningen?",
        "Jeg lurer på hva mål 3 handler om",
    ],
)
def test_another_language_gets_the_trilingual_note_and_the_menu(assistant: Assistant, message: str) -> None:
    reply = assistant.reply(message)
    assert reply.kind == "fallback" and reply.other_language
    assert "I speak Finnish and Swedish" in reply.text
    assert "Puhun suomea ja ruotsia" in reply.text and "Jag talar finska och svenska" in reply.text
    assert [followup.target for followup in reply.followups] == ["goals", "contact"]


@pytest.mark.parametrize(
    "message",
    [
        "onks noi tavoitteet jotain juttuu tiloist",
        "va e he för nå mål",
        "va e trean",  # a goal by its numeral noun is a word of ours, though no vocabulary holds "trean"
        "Mitä KANE?",
        "KANE",
        "ok",
        "Hej!",
        "Mitä tavoitteissa sanotaan saamelaisista?",
        "Vad säger målen om samer och samiska föreningar?",
        "Onko se ok jos me ei tulla?",
        "Är det ok om vi inte kommer in?",
        # the one word not ours is one typo from a word of ours
        "vad gor KANE egentlgen",
        # Swedish that langdetect takes for Norwegian or Danish has none of their own words
        "Hur knyter man en pålstek?",
        "Hur böjer man verbet 'simma' i imperfekt?",
        "vi jer ute i byn undrar va målen säger om bidrag",
        "Søren här, vad säger målen om lokaler?",  # a Danish name in a Swedish message
    ],
)
def test_colloquial_or_short_finnish_and_swedish_are_not_taken_for_other_languages(
    assistant: Assistant, message: str
) -> None:
    assert not assistant.reply(message).other_language


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # A goal named with words of passing it on asks how to share that goal …
        ("Miten jaan tavoitteen 2 yhdistyksen WhatsAppiin?", "help.share"),
        ("Kan jag skicka mål 3 vidare till styrelsen?", "help.share"),
        ("Hur delar jag målet om öppen förvaltning i vår telegramchatt?", "help.share"),
        ("Miten saan jaettua tämän tavotteen toiseen keskusteluun?", "help.share"),
        # the share task named in a form no word list holds, with the goal by number
        ("Saisinko jaettua nelostavoitteen hallituksen WhatsApp-ryhmään?", "help.share"),
        # … but asking what it says, or asking for it in other words, asks for the goal itself.
        ("Vad säger mål 2 om att dela information?", "goal-2"),
        ("Kan du sammanfatta 4:e målet?", "goal-4"),
        ("Voitko kertoa tavoitteesta 1?", "goal-1"),
        # moving about in the goals asks for the goal itself when it is what the goal says of moving about
        ("Vad säger mål 3 om att navigera i digitala tjänster?", "goal-3"),
        ("Kan jag bläddra i mål 3?", "goal-3"),
        # the goal passing something on is what it says
        ("Miten tavoite 3 välittää tietoa kuntalaisille?", "goal-3"),
    ],
)
def test_a_named_goal_is_shared_only_when_sharing_is_asked(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


def test_a_short_word_written_without_its_ring_is_not_the_bot(assistant: Assistant) -> None:
    # "har" (has) folds like "här" (here); only the word as written says the question is about the bot.
    assert assistant.reply("Vilka uppgifter har kommunen om invånarna?").entry is None
    assert assistant.reply("Vad kan du göra här?").entry == "help.capabilities"
    assert assistant.reply("Mitä tällä botilla voi tehdä?").entry == "help.capabilities"


@pytest.mark.parametrize(
    ("question", "entry", "command"),
    [
        # Using the bot at all, with nothing else asked: the general help and its list of commands.
        ("Miten tämä toimii?", "help.capabilities", "/help"),
        ("Hur funkar det här?", "help.capabilities", "/help"),
        ("Miten tätä palvelua käytetään?", "help.capabilities", "/help"),
        # where to write: here, in this chat
        ("Kirjoitetaanko kysymys vain tähän alas?", "help.capabilities", "/help"),
        ("Minulla on kysymys yhdistyksestä, kirjoitanko sen vain tähän?", "help.capabilities", "/help"),
        ("Var börjar man, skriver jag bara min fråga?", "help.capabilities", "/help"),
        # Switching the language, without a word that only the help uses.
        ("Miten kielen voi vaihtaa ruotsiksi?", "help.language", "/language"),
        ("Hur ändrar jag språket till finska?", "help.language", "/language"),
        # Speaking to the bot's keepers as "you" (plural) about what they keep or got wrong.
        ("Unohtakaa minut, en halua että tallennatte viestejäni.", "help.forget", "/forget"),
        ("Glöm mig, ni får inte spara det jag skriver.", "help.forget", "/forget"),
        ("Teillä on väärä sähköpostiosoite meidän yhdistykselle.", "help.contacts", "/contact"),
        ("Ni har fel e-postadress till vår förening.", "help.contacts", "/contact"),
        # Several people of one office joining as officials.
        ("Voivatko kolme kollegaani liittyä myös virkahenkilöiksi?", "help.join", "/join"),
        ("Kan tre av mina kolleger också ansluta sig som tjänstemän?", "help.join", "/join"),
        # Forwarding: the entry covering most of the question wins over one sharing a single rare word.
        ("Voitko laittaa tämän kysymyksen suoraan kunnalle?", "help.handover", "/contact"),
        ("Kan du skicka den här frågan direkt till kommunen?", "help.handover", "/contact"),
        # Finding one's way in the chat: the buttons, starting over, browsing, what the bot can read.
        ("Mitä nuo painikkeet viestin alla tarkoittavat?", "help.chatting", "/start"),
        ("Vad gör knapparna under svaret?", "help.chatting", "/start"),
        ("Miten pääsen taas alkuun?", "help.chatting", "/start"),
        ("Hur börjar jag om från början?", "help.chatting", "/start"),
        ("Voiko tavoitteita selata yksi kerrallaan?", "help.chatting", "/goals"),
        ("Kan man bläddra mellan målen?", "help.chatting", "/goals"),
        # the goals named and read one at a time, without a word of browsing
        ("Miten saan tavoitteet näkyviin yksi kerrallaan?", "help.chatting", "/goals"),
        ("Mistä näen tavoitteet yksitellen?", "help.chatting", "/goals"),
        ("Jag vill läsa alla fyra mål ett i taget, hur gör jag?", "help.chatting", "/goals"),
        ("Kan jag få se målen en och en?", "help.chatting", "/goals"),
        # how to get the goals shown: what to write, without writing a question, browsing one after another
        ("Mitä minä kirjoitan, että näen kaikki tavoitteet?", "help.chatting", "/goals"),
        ("Finns det ett snabbt sätt att se ett visst mål utan att skriva en hel fråga?", "help.chatting", "/goal"),
        ("Hur kan jag se alla fyra mål en efter en i telefonen?", "help.chatting", "/goals"),
        ("Vad ska man skriva så att boten visar mål tre?", "help.chatting", "/goal"),
        # moving to one goal while browsing: the goal named is where to go, not what is asked about
        (
            "Voiko tavoitteita selata yksi kerrallaan, tai hypätä suoraan vaikka nelosen kohdalle?",
            "help.chatting",
            "/goal",
        ),
        ("Kan jag bläddra mellan målen ett i taget, eller hoppa direkt till mål tre?", "help.chatting", "/goal"),
        # the share button pressed
        ("Painoin jakonappia tavoitteen kohdalla, mitä se tekee?", "help.share", "/goals"),
        ("Vad gör delaknappen under målet?", "help.share", "/goals"),
        ("Vad betyder delaknappen?", "help.share", "/goals"),
        ("Voinko kysyä ääniviestillä?", "help.chatting", "/goals"),
        ("Ymmärrätkö kuvia?", "help.chatting", "/start"),
        ("Kan jag skicka ett röstmeddelande i stället?", "help.chatting", "/goals"),
        # A compound names its parts: the formulations of questions approved, the log of who did what.
        ("Var kan jag godkänna nya frågeformuleringar?", "help.editing", "/contact"),
        ("Missä hyväksyn uudet kysymysmuodot?", "help.editing", "/contact"),
        ("Löytyykö jostain loki siitä, kuka muutti mitä?", "help.editing", "/contact"),
        # Getting out of something begun.
        ("Aloitin muokkauksen vahingossa, miten pääsen ulos?", "help.cancel", "/cancel"),
    ],
)
def test_kinds_of_questions_about_using_the_bot_get_the_help_naming_the_command(
    assistant: Assistant, question: str, entry: str, command: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry, reply.route) == ("answer", entry, None)
    assert command in reply.text


@pytest.mark.parametrize(
    "question",
    [
        # what is done one at a time is the municipality's, not the reader's
        "Pitäisikö kunnan toteuttaa tavoitteet yksi kerrallaan?",
        "Ska kommunen genomföra målen ett i taget?",
        "Käsitelläänkö tavoitteet valtuustossa yksi kerrallaan?",
        # what to write into a strategy or an application, with no seeing, is no way of showing the goals
        "Mitä kirjoitan hakemukseen, jotta se vastaa tavoitteita?",
        "Vad ska jag skriva i bidragsansökan för att den ska följa målen?",
    ],
)
def test_goals_carried_out_one_at_a_time_are_no_question_about_browsing(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).entry != "help.chatting"


def test_what_a_goal_says_here_is_no_question_of_where_to_write(assistant: Assistant) -> None:
    assert assistant.reply("Mitä tähän kirjoitetaan tavoitteessa 2?").goal == 2


@pytest.mark.parametrize("question", ["Luettele tavoitteet yksitellen", "Vilka är målen, en och en?"])
def test_the_goals_listed_one_by_one_are_the_goals_themselves(assistant: Assistant, question: str) -> None:
    assert (assistant.reply(question).kind, assistant.reply(question).entry) == ("answer", "intro")


@pytest.mark.parametrize(
    "question",
    [
        "Missä näen kysymykset, jotka asukkaat ovat lähettäneet?",
        "Miten vastaan kysymyksiin, joita yhdistykset ovat jättäneet odottamaan?",
        "Som tjänsteman, hur ser jag frågorna som föreningarna har skickat?",
        "Hur hittar jag frågorna som har kommit in från vår kommun?",
        "Vem ser mina frågor här?",  # who sees what people ask: the same help says it
    ],
)
def test_where_an_official_sees_the_questions_people_sent_is_the_queue_help(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "help.unanswered")


@pytest.mark.parametrize(
    "question",
    [
        # no one acting on them: what was asked of the municipality about premises
        "Vilka frågor har invånarna skickat till kommunen om lokaler?",
        # the asker's own questions, and what the goals say of questions people left
        "Jag har ställt frågor till kommunen om lokaler men inte fått svar. Vad säger målen?",
        "Vi har skickat frågor till kommunen om bidragen men ingen svarar, vad kan vi göra?",
        "Asukkaat ovat jättäneet kysymyksiä kaavasta, mitä tavoitteet sanovat kuulemisesta?",
        # the bot's own reply found long, or a message's length to a councillor, is no answer too long to relay
        "Varför är ditt svar så långt?",
        "Mikä on sopiva viestin pituus, kun kirjoitan valtuutetulle?",
        # a municipality answering associations, a group of people not reacting: no bot named beside them
        "Vastaako kunta järjestöjen kysymyksiin nopeasti?",
        "Ryhmämme ei reagoi kunnan päätöksiin, mitä pitäisi tehdä?",
        # a long answer asked for, the bot's own replies shortened, an official who withdrew a grant
        "Ge mig ett långt svar om hur kommunen kan stödja föreningar.",
        "Voisitko lyhentää vastauksiesi pituutta?",
        "Handläggaren återkallade vårt bidrag, vad kan vi göra?",
    ],
)
def test_questions_people_sent_about_a_matter_of_the_goals_are_no_question_about_the_bot(
    assistant: Assistant, question: str
) -> None:
    assert assistant.reply(question).entry != "help.unanswered"


@pytest.mark.parametrize(
    "question", ["Mistä sun vastaukset on peräisin?", "Varifrån kommer svaren?", "Kan man lita på svaren?"]
)
def test_where_the_answers_come_from_is_the_help_about_the_bot(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", "help.about")


def test_an_answer_from_the_municipality_is_no_question_about_the_bots_answers(assistant: Assistant) -> None:
    assert assistant.reply("Mistä saan vastauksen kunnalta avustuksesta?").entry != "help.about"


def test_kane_named_does_not_hide_the_help_about_sharing(assistant: Assistant) -> None:
    assert assistant.reply("Voiko KANEn tavoitteita jakaa WhatsAppissa?").entry == "help.share"


@pytest.mark.parametrize(
    "question",
    [
        "Har Svenska folkpartiet svarat på KANE:s uppmaning?",  # KANE named: not the bot's Swedish
        "Har partierna svarat på KANE:s uppmaning att skriva på svenska?",
    ],
)
def test_a_question_naming_kane_is_no_question_about_the_bots_language(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).entry != "help.language"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # The same verbs of using, starting, changing and joining, asked about the goals' matters.
        ("Miten kunnan tiloja käytetään järjestöjen toimintaan?", "goal-1.action-3"),
        ("Hur ska kommunen använda föreningarnas lokaler?", "goal-1.action-3"),
        ("Miten yhteistyö kunnan ja järjestöjen välillä toimii parhaiten?", "goal-4.action-1"),
        ("Hur fungerar samarbetet mellan kommun och föreningar?", "goal-4.action-1"),
        ("Pitäisikö kunnan vaihtaa tapaa jakaa avustuksia?", "goal-1.action-2"),
        ("Borde kommunen byta sätt att dela ut bidrag?", "goal-1.action-2"),
        ("Vad föreslår ni om ungdomsfullmäktige?", "goal-2.action-2"),
        # Spoken to the bot, asked what the goals say: a help entry sharing one word does not take it.
        ("Vad säger ni om äldrerådets roll i kommunen?", "goal-2.action-2"),
        ("Mitä te sanotte vammaisneuvoston asemasta kunnassa?", "goal-2.action-2"),
        # open administration is no goal opened in the bot; a municipality remembering is no bot remembering
        ("Kan du visa målet om öppen förvaltning?", "goal-3"),
        ("Muistaako kunta ottaa yhdistykset mukaan strategiatyöhön?", "goal-1.action-1"),
        # a goal said straight away is the goal; an invitation to a panel, officials' skills raised, information
        # that must not drop out are the goals' matters
        ("Voitko kertoa suoraan, mitä tavoite 3 sanoo avoimuudesta?", "goal-3"),
        ("Kan du säga direkt vad mål 2 säger om ungdomsfullmäktige?", "goal-2.action-2"),
        ("Miten tehdään kutsu asukasraatiin?", "goal-2.action-1"),
        ("Miten mä voin valtuutettuna lisätä virkahenkilöiden valmiuksia vuoropuheluun?", "goal-3.action-2"),
        ("Miten saamme tiedon kulkemaan, ettei mitään jää pois hallinnon tasojen välillä?", "goal-3.action-3"),
        # the goal named by its theme, asked of the bot: "avoin" is no open question of the bot's queue
        ("Voitko selittää sen tavoitteen, joka on avoin hallinto?", "goal-3"),
        ("Kerrotko sen tavoitteen, jossa puhutaan avoimesta hallinnosta?", "goal-3"),
    ],
)
def test_a_goals_question_with_a_word_of_using_the_bot_still_gets_the_goal(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # One of the bot's things and what is done with it, in any words around them (knowledge/help.yaml, tasks).
        ("Miten ehdotan muutosta yhteen vastaukseen?", "help.editing"),
        ("Voiko tekemäni muutoksen vielä perua?", "help.editing"),
        ("Hur ångrar jag en ändring jag gjort?", "help.editing"),
        ("Kan man foga en anmärkning till ett svar?", "help.editing"),
        ("Finns det statistik över vad folk har frågat?", "help.stats"),  # not the honest "no statistics"
        ("Voiko kielen vaihtaa ruotsiksi?", "help.language"),
        ("Kan jag välja svenska i stället?", "help.language"),
        # getting this in a language, also as spoken ("ruattiks", "suomeks")
        ("Miten tämän saa ruotsiksi?", "help.language"),
        ("Saako tän jotenki ruattiks, mun mummo ei osaa suomee?", "help.language"),
        # reading the goals one at a time in the bot, whatever else must be done; a one-time code sent
        ("Voinko selata tavoitteita yksi kerrallaan, vai pitääkö aina kirjoittaa kysymys?", "help.chatting"),
        ("Sain ylläpitäjältä kertakäyttökoodin. Minne lähetän sen?", "help.join"),
        # the code pointed back at just after the subject ("skickar jag den"), in a question that goes on
        ("Jag har fått en engångskod. Var skickar jag den för att bli tjänsteman för vår kommun?", "help.join"),
        # a code received, and taken into use with "it" before the particle ("tar jag den i bruk"); rights activated
        ("Jag har erhållit en engångskod. Hur tar jag den i bruk?", "help.join"),
        # spoken "sää" (you) before an adverb is no weather, however everyday questions to the bot are read
        ("Mitäs sää oikeen osaat?", "help.capabilities"),
        ("Administratören gav mig en kod. Hur aktiverar jag behörigheten som tjänsteman?", "help.join"),
        ("Sain kutsukoodin. Miten otan sen käyttöön?", "help.join"),
        # the chat the handed-over questions arrive in is chosen with the contact
        ("Miten saan kysymykset ohjautumaan meidän tiimin ryhmächattiin?", "help.contacts"),
        ("Hur får jag föreningarnas frågor till vårt teams telegramgrupp?", "help.contacts"),
        ("Miten muutan asetukset, jotta kysymykset tulevat tiimin ryhmäkeskusteluun?", "help.contacts"),
        # one's own phone number written into a question by mistake: who sees it is the help about personal data
        ("Kirjoitin kysymykseen vahingossa puhelinnumeroni. Näkeekö virkailija sen?", "help.forget"),
        ("Jag råkade skriva mitt telefonnummer i frågan. Kan någon se det?", "help.forget"),
        ("Miten saan poistettua kaikki tietoni?", "help.forget"),
        ("Kan du radera allt jag skrivit?", "help.forget"),
        ("Tallentuuko meidän kysymykset johonkin?", "help.forget"),  # whether what one writes is kept
        ("Lagras meddelandena jag skickar?", "help.forget"),
        ("Voiko botin ottaa mukaan meidän ryhmächattiin?", "help.capabilities"),
        ("Går det att lägga till boten i vår gruppchatt?", "help.capabilities"),
        ("Mihin kirjoitan saamani koodin?", "help.join"),
        ("Var anger jag koden jag fick?", "help.join"),
        ("Miten kutsun kollegan vastaamaan kysymyksiin?", "help.invite"),
        ("Miten laitan tavoitteen kaverille WhatsAppiin?", "help.share"),
        # The asker acts, even with their association named.
        ("Miten mä jaan tavoitteen meidän seuran chattiin?", "help.share"),
        ("Hur raderar jag vår förenings uppgifter här?", "help.forget"),
        # versions of a change, a registering official, a wrong e-mail address, correcting a question sent
        ("Hur återställer jag en tidigare version av ett svar?", "help.editing"),
        ("Miten palautan vanhan version?", "help.editing"),
        ("Hur registrerar jag mig som tjänsteinnehavare?", "help.join"),
        ("Vi har fel mejladress här, hur fixar jag den?", "help.contacts"),
        ("Kuka ylläpitää näitä yhteystietoja?", "help.contacts"),  # whom to contact, about the bot's own contacts
        ("Voinko muokata lähettämääni kysymystä?", "help.chatting"),
        # changing the answer of a goal named: the goal is the answer to change, not what is asked about
        ("Hur lägger jag till vår kommuns egen text efter mål 2?", "help.editing"),
        ("Miten ehdotan muutosta tavoitteen 3 vastaukseen?", "help.editing"),
        ("Hur föreslår jag en ändring i svaret om mål 3?", "help.editing"),
        # the command or the button that shows one goal: the goal is where to go, not what is asked about
        ("Mikä komento avaa pelkän tavoitteen neljä?", "help.chatting"),
        ("Vilket kommando visar mål 3 direkt?", "help.chatting"),
        ("Var ska jag trycka för att se mål 4?", "help.chatting"),
        # an official's answer that never left, a goal sent ("få skickat")
        ("Vastaukseni kysyjälle ei lähtenyt, mitä teen?", "help.unanswered"),
        ("Varför gick inte mitt svar iväg till frågeställaren?", "help.unanswered"),
        ("Hur får jag skickat mål 1 till vår styrelses chatt?", "help.share"),
        # who made the bot, not the goals
        ("Kuka tämän botin on tehnyt?", "help.about"),  # the example help.yaml lists there
        # an edit stopped half-way, a contact saved wrong undone, the bot called up in another chat
        ("Aloitin vastauksen muokkaamisen, miten lopetan sen kesken?", "help.cancel"),
        ("Jag började redigera kontakterna, hur avbryter jag?", "help.cancel"),
        ("Tallensin väärät yhteystiedot, voiko ne kumota?", "help.editing"),
        ("Kan man ångra en kontaktperson som blev fel?", "help.editing"),
        ("Saako sut toiseen chattiin mukaan kirjoittamalla nimesi?", "help.share"),
        ("Funkar du i en annan chatt också?", "help.share"),
        # verbs the lemmatiser reads as nouns ("korjaan" as a sledge); something saved here by mistake, undone
        ("Kunnan yhteyshenkilö on vaihtunut, miten korjaan nimen ja sähköpostin?", "help.contacts"),
        ("Tallensin väärän sähköpostin, voinko perua sen?", "help.editing"),
        ("Jag sparade fel e-postadress, går det att ångra?", "help.editing"),
        ("Tallensin vahingossa väärän numeron, voiko sen kumota?", "help.editing"),
        # "this bot" points at the bot, not at the sentence before
        ("Osaan vain vähän suomea. Mitä kieliä tämä botti osaa?", "help.language"),
        # the bot forgetting or remembering the asker; one's data taken away
        ("Voiko botti unohtaa kaiken mitä oon kirjoittanut?", "help.forget"),
        ("Muistaako botti minut vielä huomenna?", "help.forget"),
        ("Kan boten glömma mig helt?", "help.forget"),
        # the contact list as a whole in a spreadsheet, an invitation made for an official
        ("Jag har kontaktlistan i ett kalkylark, hur laddar jag upp den?", "help.contacts"),
        ("Voiko yhteystietolistan tuoda Excel-taulukosta?", "help.contacts"),
        ("Hur skapar jag en inbjudan till en tjänsteman?", "help.invite"),
        ("Miten luon kutsulinkin uudelle työkaverille?", "help.invite"),
        # a goal shown straight away with a command, the share button for a goal
        ("Millä saan botin näyttämään suoraan tavoitteen neljä, onko komentoa?", "help.chatting"),
        ("Kan jag få fram mål ett direkt med något kommando?", "help.chatting"),
        ("Missä on jakonappi, jolla jaan tavoitteen 2?", "help.share"),
    ],
)
def test_a_task_of_the_bot_named_in_any_words_gets_its_help(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry, reply.route) == ("answer", entry, None)


@pytest.mark.parametrize(
    "question",
    [
        # One half of a task alone, or a compound that only contains a thing, is no question about the bot …
        "Miten kunnat jakavat avustuksia yhdistyksille?",
        "Vad säger målen om svenskspråkiga föreningar?",
        "Pitäisikö palvelut kertoa muullakin kuin virastokielellä kirjoitettuna?",
        "Pitäisikö kunnan muuttaa tapaa, jolla se tukee kansalaistoimintaa?",
        # … nor is a whole task done by a municipality or an association, or what someone should do.
        "Pitäisikö kunnan poistaa kaikki esteet osallistumiselta?",
        "Borde kommunen ta bort alla hinder för deltagande?",
        "Är det en öppen fråga hur bidragen fördelas?",
        "Kan kommunen ändra sina svar till invånarna?",
        "Kan föreningar radera sina uppgifter ur kommunens register?",
        "Miten järjestöt voivat viedä asioita eteenpäin kunnassa?",
        # decrees are no settings of the bot's; Swedish-speaking people getting something, codes of others, an
        # answer arriving in this chat
        "Mitä asetuksissa säädetään avustuksista?",
        "Saako ruotsinkielinen kyläyhdistys käyttää koulun tiloja ilmaiseksi?",
        "Lähettääkö kunta koodin kokoustilan oveen?",
        "Kan vi skicka koden för invånarpanelen till alla hushåll?",
        # data, a language, a question, a phone number or a code of the goals' world, whoever acts
        "Voimmeko me poistaa vanhoja tietoja yhdistyksen jäsenrekisteristä?",
        "Saako meidän kunnassa asioida ruattiks?",
        "Hur kan vi lyfta frågan om lokaler i kommunens arbetsgrupp?",
        "Vi vill se att kommunen publicerar tjänstemännens telefonnummer öppet. Stöder målen det?",
        "Måste vi ta bort medlemmarnas personuppgifter när vi söker bidrag?",
        "Lähettääkö kunta kutsukoodin asukasraatiin valituille?",
        "Pitäisikö kunnan kertoa palveluista isommalla tekstillä?",
        "Borde kommunen bläddra igenom föreningarnas ansökningar snabbare?",
        "Miten kunta vastaa asukkaiden kysymyksiin?",
        "Montako kysymystä KANE asettaa kunnille?",
        # answering, getting started, an image, an older version, how many questions: of candidates or the goals
        "Hur svarar jag på väljarnas frågor som kandidat?",
        "Miten pääsen alkuun ehdokkaana?",
        "Kan jag fråga vilken bild kommunen har av föreningarna?",
        "Onko tavoitteista olemassa vanhempi versio?",
        "Hur många frågor tar målen upp?",
        "Gick vårt svar på kommunens enkät fram?",  # the association's answer to a survey
        # a goal that weighs or stresses, questions that come in, a goal or a letter someone sent
        "Mikä tavoite painaa eniten?",
        "Vilket mål trycker mest på delaktighet?",
        "Meille tulee paljon kysymyksiä nuorisovaltuustosta. Mikä sen rooli on tavoitteiden mukaan?",
        "Vi får veckovis frågor om kollektivtrafik, vad säger målen om delaktighet?",
        "Kompisen har skickat mig mål 2, vad handlar det om?",
        "Vi har skickat in en bidragsansökan, vad säger målen om byråkrati?",
        "vad är den här samverkan som dom pratar om",  # "den här" is "this", not the bot's place
        # what a goal says about changing texts, or what a municipality should change, is the goal's
        "Mitä tavoite 2 sanoo tekstien muokkaamisesta?",
        "Pitäisikö kunnan lisätä tekstiä tavoitteeseen 2?",
        "Föreslår KANE ändringar i kommunernas bidrag?",
        # whom an association's messages reach, and what officials do, are the goals' matters
        "Kuka voi lukea viestimme kunnalle?",
        "Vilka funktioner har tjänstemännen i kommunen?",
        "Kenelle ilmoitan yhdistyksemme uudet yhteystiedot kunnassa?",
        # what the goals say of sending things on is the goals' matter, not how to share them
        "Vad säger målen om att skicka vidare information?",
        # premises laid down, goals shared in common or carried forward, one's own influence increased
        "Kommunen vill lägga ner lokalen vi använder, vad säger KANE?",
        "Delar vi samma mål som KANE?",
        "Vilka av målen kan vi jobba vidare med i föreningen?",
        "Miten voin lisätä omaa vaikutusvaltaani kunnassa?",
        # a compound written with a hyphen is one word, not a thing of the bot's ("tieto" of forgetting)
        "Miten voimme poistaa sote-tiedon katkokset kunnan ja järjestöjen väliltä?",
        # something sent or moved elsewhere is not undone or cancelled here; caring and sending are not the bot's
        "Jag skickade fel e-post till kommunen, kan jag ångra det?",
        "Kaupunki aikoo muuttaa nuorisotalon pois keskustasta, miten voimme vaikuttaa?",
        "Lähetän kunnalle kirjeen nuorisovaltuustosta, mitä tavoitteissa sanotaan siitä?",
    ],
)
def test_half_a_task_or_someone_elses_is_not_a_question_about_the_bot(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert not (reply.entry or "").startswith("help.")


def test_asking_what_to_do_after_start_is_about_the_bot(assistant: Assistant) -> None:
    # /start is Telegram's own first command; the help's texts do not name it.
    reply = assistant.reply("Painoin /start, mitä nyt pitäisi tehdä?")
    assert (reply.kind, reply.entry) == ("answer", "help.capabilities")


def test_a_contact_to_have_corrected_is_the_contacts_task(assistant: Assistant) -> None:
    # "saa korjattua" (get it corrected): the participle names the task as "korjata" does
    question = "Yhdistyksen puhelinnumero on tässä väärin. Miten sen saa korjattua?"
    assert assistant.bot_questions.help_task(question) == "help.contacts"
    assert assistant.reply(question).entry == "help.contacts"


@pytest.mark.parametrize(
    "question",
    [
        # a help task's thing and action in two sentences are no task: long texts, then a wish "i stort"
        "Jag är pensionär och orkar inte läsa långa texter. Vad önskar man sig i stort av stan till våren?",
        # one message (viesti) asked for, ballot boxes emptied (tyhjennetty): no message to delete
        "Voisitteko tiivistää yhteen viestiin ne isot linjat, joihin kuntien pitäisi sitoutua, kun uurnat on "
        "tyhjennetty?",
    ],
)
def test_a_tasks_words_far_apart_are_no_task(assistant: Assistant, question: str) -> None:
    assert assistant.bot_questions.help_task(question) is None
    assert not (assistant.reply(question).entry or "").startswith("help.")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a long request in one sentence, and a second sentence pointing back to the first
        (
            "Voiko sitä tekstiä, joka näkyy näytöllä kun luen vastauksia puhelimella illalla, jotenkin suurentaa?",
            "help.chatting",
        ),
        (
            "Palvelussa näkyy meidän yhdistyksen vanha ja jo aikaa sitten vaihtunut sähköpostiosoite. Voitteko korjata "
            "sen?",
            "help.contacts",
        ),
    ],
)
def test_a_tasks_words_in_one_request_are_its_task(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.bot_questions.help_task(question) == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Stopping what one has started: /cancel, for everyone and for an official's edits.
        ("Painoin vahingossa välitystä, miten peruutan sen?", "help.cancel"),
        ("Hur avbryter jag redigeringen av kontakterna?", "help.cancel"),
        ("Miten peruutan muokkauksen, joka jäi kesken?", "help.cancel"),
        # the bot's menu or a button pressed by mistake is the thing to stop
        ("ups, tryckte på fel knapp, hur avbryter jag?", "help.cancel"),
        ("Jäin jumiin valikkoon, miten keskeytän?", "help.cancel"),
        # a command begun, named as the thing to stop, joined to a word or not
        ("Aloitin /local-homman vahingossa, miten lopetan sen?", "help.cancel"),
        ("Jag startade /propose men vill avbryta, hur gör jag?", "help.cancel"),
        # a thin how-question after a story naming a task of the bot's
        ("Haluaisin ehdottaa muutosta yhteen vastaukseesi. Miten se käy?", "help.editing"),
        # a call for help and nothing else is how the bot is used, not goal 1's support
        ("apua", "help.capabilities"),
        ("Hjälp!", "help.capabilities"),
        ("Moi, voitko auttaa?", "help.capabilities"),
        ("Hej! Jag förstår inte hur det här fungerar, hjälp", "help.capabilities"),
        # what the bot can answer at all
        ("Vastaatko pelkästään näitä tavoitteita koskeviin kysymyksiin?", "help.capabilities"),
        ("Vet du nåt annat än KANE:s mål?", "help.capabilities"),
        # jumping among the goals is how the bot is used, asked with "must I"
        ("Pitääkö tavoitteet selata yksi kerrallaan vai voiko hypätä suoraan viimeiseen?", "help.chatting"),
        # The administrator's tasks: proposals to approve, the log of who did what, reading the texts in again.
        ("Mistä hyväksyn virkahenkilöiden muutosehdotukset?", "help.editing"),
        ("Var hittar jag loggen över vem som ändrat vad?", "help.editing"),
        ("Mitä /reload tekee?", "help.editing"),
        # A how-question too thin to stand alone is read with the sentence that says what is to be done.
        ("Haluan että poistatte kaikki tietoni. Miten se tehdään?", "help.forget"),
        ("Jag vill dela mål 2 med vår styrelse. Hur gör jag det?", "help.share"),
        # Spoken forms: "-uu" for "-ua" ("jaettuu"), "botia" with one t.
        ("miten saan jaettuu tavotteen kaverille?", "help.share"),
        ("en oo käyttäny tämmöstä botia ennen, miten tää toimii?", "help.capabilities"),
        # Swedish "bot" is the bot, not a form of "bo" (to live).
        ("Vad är det här för bot?", "help.capabilities"),
        # Questions people sent, named without "har": an official's queue.
        ("Var ser jag frågorna som invånarna skickat?", "help.unanswered"),
        ("Missä näen asukkaiden lähettämät kysymykset?", "help.unanswered"),
        # Notices of an answer, an official's access, the menu.
        ("Saanko ilmoituksen, kun kysymykseeni vastataan?", "help.handover"),
        ("Får jag en avisering när någon svarar på min fråga?", "help.handover"),
        ("Olen kunnan virkamies, miten pääsen virkamiesten toimintoihin?", "help.join"),
        ("Hur öppnar jag menyn igen?", "help.chatting"),
        # An administrator's changed knowledge files, read in again with /reload.
        ("Måste servern startas om när jag har redigerat en fil i mappen?", "help.editing"),
        (
            "Muokkasin kansion tiedostoa, mutta teksti ei muuttunut. Täytyykö palvelin käynnistää uudelleen?",
            "help.editing",
        ),
    ],
)
def test_more_tasks_of_the_guide_asked_in_any_words_get_their_help(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


def test_the_help_on_cancelling_and_on_the_administrators_tasks_names_the_commands(assistant: Assistant) -> None:
    assert "/cancel" in assistant.help_reply("help.cancel", "fi", "association").text
    official = assistant.help_reply("help.cancel", "sv", "official").text
    assert "/cancel" in official and "/propose" in official
    admin = assistant.help_reply("help.editing", "fi", "admin").text
    assert "/reload" in admin and "/audit" in admin


@pytest.mark.parametrize(
    "question",
    [
        "Miten toimin?",  # the verb, not the noun "toimi" one passage happens to use
        "Miten meidän pitäisi toimia?",  # what someone should do, not how the bot works
    ],
)
def test_a_bare_question_of_what_to_do_is_answered_by_neither_the_goals_nor_the_help(
    assistant: Assistant, question: str
) -> None:
    assert assistant.reply(question).kind == "fallback"


def test_ones_own_sent_questions_are_not_the_officials_queue(assistant: Assistant) -> None:
    assert assistant.reply("Mihin meidän lähettämät kysymykset menevät?").entry != "help.unanswered"


@pytest.mark.parametrize(("spoken", "written"), [("tehny", "tehnyt"), ("käyttäny", "käyttänyt"), ("kysyny", "kysynyt")])
def test_a_spoken_participle_without_its_t_is_read_as_written(assistant: Assistant, spoken: str, written: str) -> None:
    retriever = assistant.retriever
    assert retriever.word_terms(spoken, "fi") == retriever.word_terms(written, "fi") != [spoken]


@pytest.mark.parametrize(
    "question",
    [
        # what a municipality or the asker does in the goals' world, in words a help task also uses
        "Hur kan jag stoppa nedskärningarna i föreningsbidragen?",
        "Kan välfärdsområdet avbryta samarbetet med föreningar mitt i året?",
        "Miten kunta ja hyvinvointialue hyväksyvät järjestöjen ehdotukset?",  # "ja" is "and", not spoken "jag"
        "Voiko kunta keskeyttää yhdistyksen toiminnan?",
        "Vad kan kommunen göra när föreningslivet är på botten?",  # "botten" is the bottom here
    ],
)
def test_the_goals_worlds_doings_in_a_help_tasks_words_are_no_help(assistant: Assistant, question: str) -> None:
    assert not (assistant.reply(question).entry or "").startswith("help.")


@pytest.mark.parametrize(
    "question", ["Miten tätä pitäisi käyttää?", "Hur ska man använda det här?", "Miten mun pitäis käyttää tätä?"]
)
def test_how_this_service_should_be_used_is_the_general_help(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).entry == "help.capabilities"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Miten saan tämän botin käyntiin?", "help.capabilities"),
        ("Hur får jag igång boten?", "help.capabilities"),
        ("Aloitin muokkauksen vahingossa, miten pääsen pois?", "help.cancel"),
        ("Miten poistan käyttöoikeuden virkailijalta, joka lopetti?", "help.invite"),
        ("Hur stänger jag av en tjänsteman som har slutat?", "help.invite"),
        ("Saako vastaukset isommalla tekstillä?", "help.chatting"),
        ("Voiko vastauksen kuunnella ääneen luettuna?", "help.chatting"),
        ("Miten lähetän yhden tavoitteista puheenjohtajalle?", "help.share"),
        ("Kan jag skicka målen vidare till styrelsen?", "help.share"),
        # how a goal is shared from another chat, however the question is framed
        ("Mitä tarkoittaa, kun kirjoitetaan @botin nimi ja tavoite 3?", "help.share"),
        ("Miten pääsen käyttämään virkailijoiden toimintoja?", "help.join"),
        ("Saako tekemäni muutoksen perutuksi?", "help.editing"),
        ("Jos botti ei tiedä, löydänkö tätä kautta oikean ihmisen kunnasta?", "help.handover"),
        # one goal by typing its number, a goal card shared, who is behind the bot, wiping what it keeps
        ("Voiko tavoitteen numeron kirjoittaa suoraan?", "help.chatting"),
        ("Kan jag få fram ett visst mål genom att skriva dess nummer?", "help.chatting"),
        ("Kan jag dela ett målkort i vår grupp?", "help.share"),
        ("Voiko tavoitekortin jakaa ryhmään?", "help.share"),
        ("Kuka on tämän botin takana?", "help.about"),
        ("Vem står bakom den här boten?", "help.about"),
        ("Voitteko pyyhkiä kaiken, mitä olette minusta tallentaneet?", "help.forget"),
        # … and goals questions near those words stay goals questions: what a numbered goal says of sharing, another
        # person's mention beside a numbered goal, a right to use premises removed, "tätä kautta" as "thereby"
        ("Mitä tavoite 2 sanoo tiedon jakamisesta?", "goal-2"),
        ("@Matti kysyi, mitä tavoite 3 sanoo avoimuudesta?", "goal-3"),
        ("Vad säger mål 1 om lokaler, @anna?", "goal-1.action-3"),  # the part of the goal named it asks about
        ("Miten poistetaan oikeus käyttää tiloja?", "goal-1.action-3"),
        ("Voiko kunta rahoittaa järjestöjä tätä kautta?", "goal-1.action-2"),
        ("Vad säger mål nummer 2?", "goal-2"),
        ("Vilket nummer har målet om öppen förvaltning?", "goal-3"),
    ],
)
def test_tasks_across_the_guide_get_their_help_and_goals_questions_near_them_do_not(
    assistant: Assistant, question: str, entry: str
) -> None:
    assert assistant.reply(question).entry == entry


def test_the_statistics_help_is_found_by_its_own_ways_of_asking(assistant: Assistant) -> None:
    entry = assistant.help_entries["help.stats"]
    for lang in ("fi", "sv"):
        for question in entry.entry.questions(lang):
            assert assistant.reply(question).entry == "help.stats", question


@pytest.mark.parametrize(
    "question", ["Sparas frågorna som invånarpanelen tar upp?", "Tallennetaanko asukasraadin kysymykset?"]
)
def test_questions_kept_by_someone_else_are_no_question_about_the_asker_s_data(
    assistant: Assistant, question: str
) -> None:
    assert assistant.reply(question).entry != "help.forget"


def test_every_example_question_of_the_help_is_answered_by_a_help_entry_that_lists_it(assistant: Assistant) -> None:
    listing: dict[str, set[str]] = {}
    for item in assistant.help_entries.values():
        for lang in ("fi", "sv"):
            for example in item.entry.questions(lang):
                listing.setdefault(example, set()).add(item.id)
    wrong = {example: assistant.reply(example).entry for example in listing}
    assert {example: entry for example, entry in wrong.items() if entry not in listing[example]} == {}


@pytest.mark.parametrize(
    "question",
    [
        # a word of a help task in the goals' world: getting information out of silos, the goals' wording approved,
        # an association's initiative left unanswered with KANE's view asked, young people's questions in a council
        "Miten tiedon välitys saadaan ulos hallinnon siiloista?",
        "Vem godkänner formuleringen av målen?",
        "Meidän yhdistys teki aloitteen kuntaan, mutta vastausta ei ole lähetetty puoleen vuoteen. Mitä KANE sanoo?",
        "Odottaako nuorisokysymykset aina vastausta valtuustossa?",
        # sharing out scarce grants, a relationship with officials
        "Hur delar man ut knappa bidrag?",
        "Vi vill ändra vår kontakt med stadens tjänstemän, vad säger KANE?",
    ],
)
def test_help_task_words_in_a_question_of_the_goals_world_are_not_bot_help(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.entry is None or not reply.entry.startswith("help.")


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # a question naming nothing of the goals after a story of the bot's task
        (
            "Jonossa on paljon avoimia kysymyksiä, mutta näen vain osan. Miten pääsen selaamaan seuraavia?",
            "help.unanswered",
        ),
        # a question pointing back at the story ("skriver jag in den"), even with an official named
        ("Jag fick en kod av administratören i går. Var skriver jag in den för att bli tjänsteman?", "help.join"),
        # data pointed back at ("ne"), the plural partitive "tietoja" the data itself
        ("En halua, että tänne jää minusta tietoja. Miten ne saa pyyhittyä pois?", "help.forget"),
    ],
)
def test_a_question_about_the_bots_task_told_before_it_gets_that_help(
    assistant: Assistant, message: str, entry: str
) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry) == ("answer", entry)


def test_a_question_naming_kane_after_a_word_about_the_bot_asks_the_goals(assistant: Assistant) -> None:
    message = (
        "Tämä botti on minulle uusi. Kuntamme strategia päivitetään. Mitä KANE odottaa siltä, miten "
        "järjestöyhteistyö ja sen seuranta näkyvät strategiassa?"
    )
    assert assistant.reply(message).entry == "goal-1.action-1"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # the bot gone silent
        ("Miksi botti on ihan hiljaa meidän kuoron ryhmässä?", "help.capabilities"),
        ("Vi lade till boten i föreningens grupp. Varför är den tyst?", "help.capabilities"),
        # the bot made to speak a language
        ("Miten saan botin puhumaan minulle taas suomea?", "help.language"),
        ("Hur får jag boten att prata finska med mig?", "help.language"),
        # corrections proposed by officials, approved by an administrator
        ("Ylläpitäjänä: miten hyväksyn virkailijoiden korjausehdotukset?", "help.editing"),
        ("Var hittar jag rättelseförslagen som ska godkännas?", "help.editing"),
        # a goal opened without writing a question
        ("Voinko avata tavoitteen kolme kirjoittamatta kysymystä?", "help.chatting"),
        ("Hur kommer jag till mål tre utan att skriva en fråga?", "help.chatting"),
        # what the bot keeps of the asker, and for how long
        ("Kauanko botti pitää minun tietoni tallessa?", "help.forget"),
        ("Vilka uppgifter om mig sparas och hur länge?", "help.forget"),
        # changes officials proposed, approved by the administrator
        ("Ylläpitäjänä: mistä näen virkailijoiden ehdottamat muutokset, jotka pitää hyväksyä?", "help.editing"),
        ("Var godkänner jag ändringarna i botens svar som tjänstemännen föreslagit?", "help.editing"),
        # what the asker wrote, forgotten; south-western "r" for "d" ("unohratte")
        ("Mnää haluun et te unohratte kaik, mitä mää oon kirjottanu", "help.forget"),
        # a goal seen straight away without browsing, in dialect
        ("Hur ser jag mål två direkt utan å bläddra?", "help.chatting"),
        # browsing the goals one at a time in spoken forms; what to write to get one goal shown
        ("Miten mä pääsen selaamahan tavotteita yks kerrallansa?", "help.chatting"),
        ("Vad ska jag skriva i boten för att få fram mål fyra?", "help.chatting"),
        # the bot's own menu, and the one-time code an administrator makes
        ("Hur kommer jag tillbaka till startmenyn? Jag råkade stänga den.", "help.chatting"),
        ("Miten pääsen takaisin päävalikkoon?", "help.chatting"),
        ("Hur skapar jag en engångskod åt en ny tjänsteman?", "help.join"),
        ("Miten teen kertakäyttökoodin uudelle virkailijalle?", "help.join"),
    ],
)
def test_using_the_bot_in_everyday_words_gets_its_help(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    ("question", "goal"),
    [
        # without writing an application, a goal's matter: no help about moving among the goals
        ("Kan vi få bidrag enligt mål 1 utan att skriva en lång ansökan?", 1),
        ("Voinko osallistua tavoitteen 2 raatiin ilman että kirjoitan hakemusta?", 2),
        # "läst" (read) is no "last" goal
        ("Jag har läst mål två.", 2),
        # papers not written: the goal's work, not moving among the goals
        ("Kan vi jobba med mål 2 utan att skriva en massa papper?", 2),
    ],
)
def test_a_goals_matter_beside_words_of_moving_is_the_goals(assistant: Assistant, question: str, goal: int) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.goal) == ("answer", goal)


@pytest.mark.parametrize(
    "question",
    [
        # "here" said of a place is no word about the bot
        "Paljonko halot maksaa täällä Pohjois-Karjalassa?",
        "Hur mycket kostar ved här i Närpes?",
        "Finns det statistik på hur många som spelar fotboll här i Finland?",
        "När går färjan hit till Kökar på söndagar?",
    ],
)
def test_here_said_of_a_place_is_no_question_about_the_bot(assistant: Assistant, question: str) -> None:
    assert assistant.reply(question).kind == "fallback"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # … but the bot is still the place in "täällä botissa", "här i chatten"
        ("Mistä näen täällä botissa kysymykset, joihin ei ole vastattu?", "help.unanswered"),
        ("Jag är ny tjänsteman här i boten, var ser jag frågorna som väntar på svar?", "help.unanswered"),
        # … and "here" before a word that is no place ("på svenska", "ryhmässä") is still the bot
        ("Kan jag fråga här på svenska?", "help.chatting"),
        ("Mitä täällä ryhmässä voi kysyä?", "help.capabilities"),
    ],
)
def test_here_in_the_bot_is_still_the_bot(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.reply(question).entry == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # someone forgetting, or told not to forget, asks the bot to forget nothing
        ("Glöm inte att skriva under namninsamlingen, är det tryggt att samla namn på torget?", "goal-3.action-1"),
        ("Unohdin kirjoittaa nimeni adressiin, voiko sen vielä lisätä?", None),
    ],
)
def test_forgetting_of_ones_own_is_no_question_about_the_bot(
    assistant: Assistant, question: str, entry: str | None
) -> None:
    reply = assistant.reply(question)
    assert reply.entry != "help.forget" and reply.entry == entry


def test_a_proposal_a_municipality_turned_down_is_no_question_about_the_bot(assistant: Assistant) -> None:
    message = "Kunta hylkäsi meidän ehdotuksen nuorten tilasta. Miten nuorten ääni saataisiin kuuluviin?"
    assert assistant.reply(message).entry != "help.editing"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # forgetting one's own, beside erasing asked for, still asks the bot to erase
        ("Unohdin että kirjoitin puhelinnumeroni kysymykseen, voiko sen poistaa?", "help.forget"),
        ("Jag glömde bort att jag skrev mitt telefonnummer i frågan, kan det raderas?", "help.forget"),
    ],
)
def test_erasing_asked_beside_ones_own_forgetting_is_the_data_help(
    assistant: Assistant, question: str, entry: str
) -> None:
    assert assistant.reply(question).entry == entry


@pytest.mark.parametrize(
    "question", ["Mitä täällä WhatsAppissa voi kysyä?", "Vad kan man fråga här i Telegram-gruppen?"]
)
def test_here_in_an_app_is_the_bot(assistant: Assistant, question: str) -> None:
    reply = assistant.reply(question)
    assert reply.kind == "answer" and (reply.entry or "").startswith("help.")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a contact person's details updated in the bot, even with a second clause after it
        (
            "Miten päivitän nuorisotoimen yhteyshenkilön tiedot botissa, ja voiko nimen jättää ruotsiksi tyhjäksi?",
            "help.contacts",
        ),
        ("Hur uppdaterar jag kontaktpersonen för äldrerådet?", "help.contacts"),
        # where the answer to a question passed on comes, and when
        ("Jos kunta vastaa, tuleeko vastaus tähän keskusteluun vai sähköpostiin?", "help.handover"),
        ("Laitoin kysymyksen eteenpäin kunnalle, milloin vastaus tulee?", "help.handover"),
        ("Jag skickade min fråga vidare i måndags, när får jag svar?", "help.handover"),
        ("Kommer svaret i chatten eller med e-post?", "help.handover"),
        # finding a person at the municipality to ask, in spoken forms or without a word of contacting
        ("Mistä saan kaupungin yhteyshenkilön tiedot, jos haluan puhua ihmisen kanssa?", "help.handover"),
        ("Mist mie löyvän hyvinvointialueen yhteyshenkilön?", "help.handover"),
        ("Hur får man tag i nån på välfärdsområdet om boten inte vet?", "help.handover"),
        # this got in the other language, the bot made to speak it
        ("MITEN TÄMÄN SAA SUOMEKSI", "help.language"),
        ("Miten saan tän botin puhumaa suomee?", "help.language"),
        # something the asker began and regrets, cancelled
        ("Jag började ändra en kontakt men ångrade mig. Hur avbryter jag?", "help.cancel"),
        ("Aloin täyttää jotain mutta kaduin, miten peruutan?", "help.cancel"),
    ],
)
def test_updating_a_contact_person_and_where_a_passed_on_answer_comes_are_help(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.reply(question)
    assert (reply.kind, reply.entry) == ("answer", entry)


@pytest.mark.parametrize(
    "question",
    [
        "Saako ruotsinkielinen koulu tästä tukea?",  # a Swedish-speaking school, no language asked of the bot
        "Saako yhdistys tukea, kenelle pitää olla yhteydessä?",  # whom to contact: the municipality is asked for
        "Mistä saan KANEn puhelinnumeron?",  # KANE's own contact, not one the bot finds
        "Kan kommunen avbryta en upphandling som har börjat?",  # a municipality's, not the asker's
    ],
)
def test_a_language_or_a_contact_of_the_goals_world_is_no_help(assistant: Assistant, question: str) -> None:
    assert not (assistant.reply(question).entry or "").startswith("help.")
