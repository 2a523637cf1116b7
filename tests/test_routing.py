"""Routing associations to the municipality or the wellbeing services county, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.core.lang import Lang
from bot.core.text import fold
from bot.evaluation import final_reply, load_routing_cases
from tests.conftest import ROOT, SHARED, assistant_with_contact


def route_of(assistant: Assistant, text: str, conversation: Conversation | None = None) -> dict[str, Any]:
    reply = assistant.reply(text, conversation)
    assert reply.kind == "route", (reply.kind, reply.text)
    assert reply.route is not None
    return reply.route


def test_a_municipal_topic_goes_to_the_municipality(assistant: Assistant) -> None:
    reply = assistant.reply("Vem ska vår förening kontakta i Vasa om bidrag?")
    assert (reply.kind, reply.lang) == ("route", "sv")
    assert reply.route is not None
    assert reply.route["topic"] == "grants" and reply.route["level"] == "municipality"
    assert reply.route["municipality"] == {"code": "905", "name_fi": "Vaasa", "name_sv": "Vasa"}
    # The Swedish page of Vaasa's site to a Swedish speaker (../shared/data/websites.csv).
    assert reply.route["area"] == {
        "kind": "municipality", "id": "905", "name_fi": "Vaasa", "name_sv": "Vasa", "website": "https://www.vaasa.fi/sv/"
    }  # fmt: skip
    assert reply.route["reason"] in reply.text and "kommunens uppgifter" in reply.route["reason"]


def test_a_health_and_social_topic_goes_to_the_wellbeing_county(assistant: Assistant) -> None:
    text = "Mielenterveysyhdistyksemme haluaa tarjota palveluja hyvinvointialueelle Porissa — kenelle kirjoitamme?"
    route = route_of(assistant, text)
    assert route["topic"] == "social-health-services" and route["municipality"]["code"] == "609"
    assert route["area"]["kind"] == "wellbeing_county"
    assert route["area"]["name_fi"] == "Satakunnan hyvinvointialue"
    assert "vuodesta 2023 hyvinvointialueille" in route["reason"]


@pytest.mark.parametrize(
    ("text", "county"),
    [
        ("Vem ska vi kontakta om äldreomsorg i Borgå?", "IU"),
        ("Keneen otamme yhteyttä vanhuspalveluista Porvoossa?", "IU"),
        ("Vi vill erbjuda hemvård i Jakobstad, vem kontaktar vi?", "PO"),
        ("Meillä on lastensuojelun vertaistukiryhmä Oulussa, kenelle kirjoitamme?", "PP"),
    ],
)
def test_everyday_health_and_social_services_go_to_the_county(assistant: Assistant, text: str, county: str) -> None:
    # Associations name the service (elderly care, home care, child welfare), not the legal term.
    route = route_of(assistant, text)
    assert route["area"]["kind"] == "wellbeing_county" and route["area"]["id"] == county


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Var söker vi bidrag från kommunen till vår närståendevårdarförening i Borgå?", "grants"),
        ("Vammaispalveluyhdistyksemme hakee kunnan avustusta Porissa", "grants"),
        ("Vi vill hyra kommunens lokal för vår mentalvårdsförening i Karleby", "premises"),
        ("Urheiluseuramme tarvitsee apua, keneen otamme yhteyttä Tampereella?", "culture-sport-youth"),
    ],
)
def test_the_associations_own_name_does_not_decide_the_topic(assistant: Assistant, text: str, topic: str) -> None:
    # (How to apply is a procedure the goals do not describe: tests/test_honesty.py; where to apply is a route.)
    # "elderly-care association asks for a grant" is about the grant; a sports club's name alone still says sport.
    route = route_of(assistant, text)
    assert route["topic"] == topic and route["area"]["kind"] == "municipality"


@pytest.mark.parametrize(
    "text",
    [
        # "who" and "tell" in different sentences, and "anyone" ("kuka tahansa", "vem som helst"), ask no one.
        "Mistä vanhus tietäisi, mitä kerhoja kaupunki tarjoaa? Pitäisikö ne kertoa selkeämmin?",
        "Pitäisikö palveluista kertoa niin, että kuka tahansa ymmärtää?",
        "Borde tjänsterna beskrivas så att vem som helst kan berätta om dem?",
        # what someone else should tell, the who-word right after the telling
        "Pitäisikö hyvinvointialueen kertoa selkeästi, mistä saa apua?",
        "Borde regionen berätta var man får stöd?",
        # spoken "-hAn" and "-s" forms of "should"
        "Pitäisköhän hyvinvointialueen kertoa, mistä saa vertaistukea?",
    ],
)
def test_a_who_that_asks_for_no_one_is_not_routed(assistant: Assistant, text: str) -> None:
    reply = assistant.reply(text)
    assert reply.route is None and reply.clarify is None


@pytest.mark.parametrize(
    "text",
    [
        # a duty of its own after the who-word, the asker telling, or nothing told: whom to turn to
        "Pitäiskö soittaa kunnantalolle vai kuka hoitaa avustukset?",
        "Borde vi berätta för kommunen eller vem sköter bidragen?",
        "Pitäisikö meidän ilmoittaa jonnekin, mihin?",
    ],
)
def test_should_with_a_who_that_asks_whom_is_still_routed(assistant: Assistant, text: str) -> None:
    reply = assistant.reply(text)
    assert (reply.kind, reply.clarify) == ("clarify", "municipality")


@pytest.mark.parametrize(
    "text",
    [
        # A clause of purpose says why something should be done; its "where to turn" asks no one.
        "Jag bor i Jakobstad. Borde allt som främjar hälsa beskrivas tydligt, så att man vet vart man ska vända sig?",
        "Asun Kajaanissa. Pitäisikö hyvinvointipalvelut kuvata selkeästi, jotta tietäisi mihin kääntyä?",
    ],
)
def test_words_of_contacting_in_a_clause_of_purpose_do_not_route(assistant: Assistant, text: str) -> None:
    reply = assistant.reply(text)
    assert reply.route is None and reply.clarify is None
    assert reply.entry == "goal-4.action-2"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Vem ska vi vända oss till i Jakobstad för att få lokaler?", "598"),
        ("För att få bidrag i Vasa, vem kontaktar jag?", "905"),
        ("Keneen otan yhteyttä Kajaanissa, jotta saisimme tilan?", "205"),
        # A question of whom after a clause of purpose, and "is it so that" framing a question.
        ("Vi vill ha lokaler så att föreningen kan träffas, vem kontaktar vi i Vasa?", "905"),
        ("Är det så att vi ska kontakta kommunen i Vasa om lokaler?", "905"),
        ("Onko niin että meidän pitää ottaa yhteyttä Kajaanin kaupunkiin tiloista?", "205"),
    ],
)
def test_a_question_of_whom_before_or_after_a_purpose_is_routed(assistant: Assistant, text: str, code: str) -> None:
    reply = assistant.reply(text)
    assert reply.route is not None and reply.route["municipality"]["code"] == code


def test_helsinki_organises_its_own_health_and_social_services(assistant: Assistant) -> None:
    route = route_of(assistant, "Kenelle tarjoamme vertaistukea Helsingissä?")
    assert route["topic"] == "peer-support"
    # Its social and health services have a site of their own (websites.csv, kind "self").
    assert route["area"] == {
        "kind": "municipality", "id": "091", "name_fi": "Helsinki", "name_sv": "Helsingfors",
        "website": "https://www.hel.fi/fi/sosiaali-ja-terveyspalvelut",
    }  # fmt: skip
    assert "Helsinki järjestää itse" in route["reason"]


def test_councils_exist_at_both_levels_and_both_are_shown(assistant: Assistant) -> None:
    route = route_of(assistant, "Keneen otamme yhteyttä vanhusneuvostoasioissa Tampereella?")
    assert route["topic"] == "older-people-council" and route["level"] == "both"
    assert [area["kind"] for area in route["areas"]] == ["municipality", "wellbeing_county"]


def test_a_missing_place_is_asked_for_and_the_answer_continues_the_question(assistant: Assistant) -> None:
    first = assistant.reply("Keneen otamme yhteyttä avustuksista?")
    assert (first.kind, first.clarify, first.route) == ("clarify", "municipality", None)
    assert first.pending is not None and first.pending.topic == "grants"
    second = assistant.reply("Tampereella", Conversation(last_lang="fi", pending=first.pending))
    assert second.kind == "route" and second.route is not None
    assert (second.route["municipality"]["code"], second.route["topic"]) == ("837", "grants")


@pytest.mark.parametrize(
    ("first", "second", "lang", "entry"),
    [
        ("Keneen otamme yhteyttä avustuksista?", "Mitä KANE sanoo avustuksista?", "fi", "goal-1.action-2"),
        ("Vem ska vi kontakta om bidrag?", "Vad säger målen om lokaler?", "sv", "goal-1.action-3"),
    ],
)
def test_a_question_about_the_goals_after_which_municipality_is_answered_not_taken_for_the_place(
    assistant: Assistant, first: str, second: str, lang: Lang, entry: str
) -> None:
    asked = assistant.reply(first)
    assert (asked.kind, asked.clarify) == ("clarify", "municipality")
    reply = assistant.reply(second, Conversation(last_lang=lang, pending=asked.pending))
    assert (reply.kind, reply.entry) == ("answer", entry)
    # a matter and a place given as the answer still complete the question asked before
    place = "Tampereella avustuksista" if lang == "fi" else "i Tammerfors"
    completed = assistant.reply(place, Conversation(last_lang=lang, pending=asked.pending))
    assert completed.kind == "route" and completed.route is not None


@pytest.mark.parametrize(
    ("first", "second", "lang", "entry", "answer"),
    [
        # a fact the goals never give, or a task of the bot's, asked while a municipality or a topic is awaited
        ("Keneen otamme yhteyttä tiloista?", "Kumpi on parempi, asukasraati vai kysely?", "fi", None, "Tampere"),
        ("Vi vill kontakta Borgå stad.", "Får kommunen pengar från staten för invånarpaneler?", "sv", None, "lokaler"),
        ("Keneen otamme yhteyttä tiloista?", "Kunnan yhteyshenkilö vaihtui, miten korjaan sähköpostin?", "fi",
         "help.contacts", "Tampere"),
    ],
)  # fmt: skip
def test_a_question_of_its_own_while_the_bot_waits_is_answered_not_routed(
    assistant: Assistant, first: str, second: str, lang: Lang, entry: str | None, answer: str
) -> None:
    asked = assistant.reply(first)
    assert asked.kind == "clarify" and asked.pending is not None
    reply = assistant.reply(second, Conversation(last_lang=lang, pending=asked.pending))
    assert (reply.kind, reply.entry) == ("answer" if entry else "fallback", entry)
    # the place or the matter asked for, alone, still completes the question asked before
    assert assistant.reply(answer, Conversation(last_lang=lang, pending=asked.pending)).kind == "route"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Mistä löydän tämän kautta meidän kunnan oikean yhteyshenkilön avustusasioissa?", "fi"),
        ("miten saan selville kehen ottaa yhteyttä avustuksista", "fi"),
        ("Hur hittar jag här vem vår förening ska kontakta om bidrag?", "sv"),
    ],
)
def test_how_to_find_a_contact_here_is_explained_and_waits_for_nothing(
    assistant: Assistant, question: str, lang: Lang
) -> None:
    first = assistant.reply(question)
    assert (first.kind, first.entry, first.lang) == ("answer", "help.handover", lang)
    assert "/contact" in first.text and first.pending is None
    # a question about the goals after it is answered, not taken for the place asked for
    second = assistant.reply("Mitä KANE sanoo avustuksista?", Conversation(last_lang=lang, pending=first.pending))
    assert (second.kind, second.entry) == ("answer", "goal-1.action-2")


def test_a_missing_topic_is_asked_with_buttons_and_a_press_continues(assistant: Assistant) -> None:
    first = assistant.reply("Vem ska vi kontakta i Åbo?")
    assert (first.kind, first.clarify, first.lang) == ("clarify", "topic", "sv")
    assert {f.target for f in first.followups} >= {"topic:grants", "topic:premises", "topic:peer-support"}
    second = assistant.choose_topic("premises", Conversation(last_lang="sv", pending=first.pending))
    assert second is not None and second.route is not None
    assert (second.route["municipality"]["code"], second.route["topic"]) == ("853", "premises")
    assert assistant.choose_topic("premises", Conversation()) is None  # nothing pending: a stale press
    assert assistant.choose_topic("no-such-topic", Conversation(pending=first.pending)) is None


def test_a_remembered_municipality_is_used_and_the_reply_says_so(assistant: Assistant) -> None:
    reply = assistant.reply("Keneen otamme yhteyttä avustuksista?", Conversation(municipality="837"))
    assert reply.kind == "route" and reply.route is not None and reply.route["municipality"]["code"] == "837"
    assert "/forget" in reply.text


def test_an_area_without_contacts_still_names_the_organisation_and_offers_to_leave_the_question(
    assistant: Assistant,
) -> None:
    reply = assistant.reply("Keneen otamme yhteyttä Oulussa avustuksista?")
    assert reply.route is not None and reply.route["contacts"] == []
    assert "Oulu (kunta)" in reply.text and "ei ole vielä kirjattu yhteyshenkilöä" in reply.text
    assert "handoff" in [f.target for f in reply.followups]


def test_example_contacts_are_never_shown_for_real_areas(assistant: Assistant) -> None:
    for text in ("Keneen otamme yhteyttä Oulussa avustuksista?", "Vem kontaktar vi i Vasa om lokaler?"):
        assert "example.org" not in assistant.reply(text).text


@pytest.fixture(scope="module")
def with_contacts(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_with_contact(
        tmp_path_factory.mktemp("knowledge") / "knowledge",
        area="837",
        topic="grants",
        name={"fi": "Järjestöavustukset (testi)", "sv": "Föreningsbidrag (test)"},
        email="avustukset@example.org",
        languages=["fi"],
        telegram_chat=-5001,
    )


def test_registered_contacts_are_listed_with_their_details(with_contacts: Assistant) -> None:
    reply = with_contacts.reply("Keneen otamme yhteyttä Tampereella avustuksista?")
    assert reply.route is not None
    (contact,) = reply.route["contacts"]
    assert contact["name"] == "Järjestöavustukset (testi)" and contact["email"] == "avustukset@example.org"
    assert "avustukset@example.org" in reply.text


def test_a_persons_name_asked_for_is_a_recorded_contact_or_said_plainly_to_be_unknown(
    assistant: Assistant, with_contacts: Assistant
) -> None:
    question = "Kuka Tampereella hoitaa yhdistysten avustukset, tarvitsisin nimen ja numeron"
    recorded = with_contacts.reply(question)
    assert recorded.kind == "route" and recorded.route is not None
    assert "avustukset@example.org" in recorded.text
    # with no one recorded there, the goals name no one: said plainly, with who handles it there and the hand-over
    unknown = assistant.reply(question)
    assert unknown.kind == "fallback" and assistant.message("honest_person", "fi") in unknown.text
    assert "handoff" in [followup.target for followup in unknown.followups]
    # the organisation's general contact, as a route would give it, and the route for the JSON
    assert unknown.route is not None and unknown.route["municipality"]["code"] == "837"
    assert "tampere.fi" in unknown.text


def test_non_routing_questions_are_never_routed(assistant: Assistant) -> None:
    from bot.evaluation import load_cases

    routed = [
        case.question
        for case in load_cases(ROOT / "eval" / "questions.yaml")
        if assistant.reply(case.question).kind in {"route", "clarify"}
    ]
    assert routed == []


@pytest.mark.parametrize(
    "text",
    [
        "Vilka bidrag ger Kyrkslätt för solpaneler på sommarstugans tak?",
        "Mitkä avustukset Kuopio antaa kesämökin aurinkopaneeleihin?",
    ],
)
def test_a_place_and_a_topic_word_in_an_everyday_matter_are_not_routed(assistant: Assistant, text: str) -> None:
    # "bidrag" names the associations' grants, but solar panels on a summer cottage are no association's matter.
    assert assistant.reply(text).kind == "fallback"


ROUTING = ROOT / "eval" / "routing.yaml"
# The rules, written out independently of the bot: which level handles each topic.
MUNICIPAL_TOPICS = {
    "grants", "premises", "culture-sport-youth", "youth-council", "participation", "democracy-education",
    "open-government", "older-people-council", "disability-council",
}  # fmt: skip


def expected_organisation(code: str, topic: str | None) -> str | None:
    """The municipality for municipal topics (councils: the municipality first); otherwise the county from the
    CSV, except Helsinki, which organises its own. On Åland (no county in the CSV) a health or social topic belongs
    to ÅHS, KST or the municipality depending on the question (aland.csv): such a case names its `areas`."""
    if topic is None:
        return None
    import csv

    rows = {row["code"]: row for row in csv.DictReader((SHARED / "data" / "municipalities.csv").open(encoding="utf-8"))}
    county = rows[code]["wellbeing_county"]
    if topic in MUNICIPAL_TOPICS or code == "091":
        return code
    return county or None


def test_the_routing_set_is_big_and_varied() -> None:
    cases = load_routing_cases(ROUTING)
    assert len(cases) >= 100
    assert sum(c.lang == "fi" for c in cases) >= 40 and sum(c.lang == "sv" for c in cases) >= 40
    assert sum(c.municipality is None for c in cases) >= 5
    assert sum(c.areas is not None for c in cases) >= 15 and sum(bool(c.then) for c in cases) >= 10


def test_every_routing_case_is_routed_right(assistant: Assistant) -> None:
    """eval/routing.yaml at 100%: the municipality, the topic, the organisations shown and the reply language."""
    misses = []
    for case in load_routing_cases(ROUTING):
        if case.municipality is None:
            continue
        reply = final_reply(assistant, case)
        route = reply.route or {}
        got = route.get("municipality", {}).get("code") if reply.route else None
        if reply.kind == "clarify" and reply.clarify == "topic" and reply.pending is not None:
            got = reply.pending.municipality
        if case.areas is not None:
            expected: object = list(case.areas)
            got_areas: object = [area["id"] for area in route.get("areas", [])]
        else:
            expected = expected_organisation(case.municipality, case.topic)
            assert expected is not None or case.topic is None, f"{case.question!r} needs its areas"
            got_areas = route.get("area", {}).get("id") if reply.route else None
        right = got == case.municipality and reply.lang == case.lang and route.get("topic") == case.topic
        if case.topic is None:
            right = right or (reply.kind == "clarify" and got == case.municipality and reply.lang == case.lang)
        elif got_areas != expected:
            right = False
        if not right:
            misses.append(f"{case.question!r} {case.then}: {got}/{route.get('topic')}/{got_areas}/{reply.lang}, "
                          f"expected {case.municipality}/{case.topic}/{expected}/{case.lang}")  # fmt: skip
    assert misses == []


def test_every_routing_question_without_a_place_is_asked_back(assistant: Assistant) -> None:
    for case in load_routing_cases(ROUTING):
        if case.municipality is None:
            reply = assistant.reply(case.question)
            assert (reply.kind, reply.clarify) == ("clarify", "municipality"), case.question


def test_each_json_line_stays_a_fresh_conversation(assistant: Assistant) -> None:
    import json
    import subprocess
    import sys

    lines = "Keneen otamme yhteyttä avustuksista?\nTampereella\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"], input=lines.encode(), capture_output=True, cwd=ROOT, check=True
    )
    first, second = (json.loads(line) for line in result.stdout.decode().splitlines())
    assert (first["kind"], first["clarify"]) == ("clarify", "municipality")
    # Alone, a place is not a routing question; it must not complete the line before ("grants") either.
    assert (second["kind"], second["route"]) == ("fallback", None)


def test_route_json_has_the_documented_keys(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "Vem ska vår förening kontakta i Vasa om bidrag?"],
        capture_output=True,
        cwd=ROOT,
        check=True,
    )
    answer = json.loads(result.stdout)
    assert answer["kind"] == "route" and answer["clarify"] is None
    assert list(answer["route"])[:6] == ["topic", "level", "municipality", "area", "contacts", "reason"]
    # `website` was added at the end of the area's keys (README): the earlier keys keep their place.
    assert list(answer["route"]["area"]) == ["kind", "id", "name_fi", "name_sv", "website"]
    assert [list(area) for area in answer["route"]["areas"]] == [["kind", "id", "name_fi", "name_sv", "website"]]


def test_no_word_of_the_intent_lists_is_a_municipalitys_name(assistant: Assistant) -> None:
    # Folded, "vända" (to turn to) was "Vanda": every question naming Vantaa in Swedish asked whom to contact.
    names = {
        fold(name)
        for municipality in assistant.router.directory.municipalities
        for name in (municipality.name_fi, municipality.name_sv)
    }
    clashes = {
        (intent, word)
        for intent, lists in assistant.intents.unmarked.items()
        for words_ in lists.values()
        for word in words_
        if word in names
    }
    assert clashes == set()
