"""The organisation the asker names is never ignored: a question naming the wellbeing services county or the
municipality goes there when the topic can be that organisation's, and otherwise the reply says whose the topic is
in one sentence and shows both. Helsinki keeps its rule. On Åland, ÅHS handles health care and KST social welfare,
except child day care and elderly care, which stay with each municipality (../shared/data/aland.csv)."""

from __future__ import annotations

import csv
from typing import Any

import pytest

from bot.assistant import Assistant
from tests.conftest import SHARED


def route_of(assistant: Assistant, text: str) -> dict[str, Any]:
    reply = assistant.reply(text)
    assert reply.kind == "route" and reply.route is not None, (reply.kind, reply.text)
    return reply.route


def shown(route: dict[str, Any]) -> list[str]:
    return [area["id"] for area in route["areas"]]


def sentences(text: str) -> int:
    return sum(text.count(mark) for mark in ".!?")


@pytest.mark.parametrize(
    ("question", "topic", "areas", "says"),
    [
        # The example: the county named, exercise (the municipality's) → both, and why, in one sentence.
        (
            "Yhdistyksemme haluaa tehdä yhteistyötä hyvinvointialueen kanssa ikääntyneiden liikunnasta Mikkelissä",
            "culture-sport-youth",
            ["491", "ES"],
            "Kysyit hyvinvointialueesta, mutta aihe",
        ),
        (
            "Haluamme ehdottaa välfärdsområdet ett samarbete om ungdomsarbete i Vasa, vem kontaktar vi?",
            "culture-sport-youth",
            ["905", "PO"],
            "Du frågade om välfärdsområdet, men ämnet",
        ),
        # The municipality named, a health and social topic (the county's since 2023) → both.
        (
            "Porin kaupungille haluamme tarjota kotihoidon palveluja, kenelle kirjoitamme?",
            "social-health-services",
            ["SA", "609"],
            "Kysyit kunnasta, mutta aiheesta",
        ),
        (
            "Vem på Vasa stad ska vi kontakta om hemvård?",
            "social-health-services",
            ["PO", "905"],
            "Du frågade om kommunen, men för ämnet",
        ),
        # A topic both organisations have (the councils): the one named, alone.
        (
            "Vem i välfärdsområdet ansvarar för äldrerådet i Borgå?",
            "older-people-council",
            ["IU"],
            "Du frågade om välfärdsområdet",
        ),
        (
            "Kenelle Tampereen kaupungin vanhusneuvostosta kerrotaan?",
            "older-people-council",
            ["837"],
            "Kysyit kunnasta",
        ),
        # The topic can be the named organisation's: it goes there, as before.
        (
            "Kenelle hyvinvointialueella kerromme vertaistukiryhmästämme Kuopiossa?",
            "peer-support",
            ["PS"],
            "hyvinvointialueille",
        ),
        ("Vem på Borgå stad ska vi kontakta om föreningsbidrag?", "grants", ["638"], "kommunens uppgifter"),
        # Helsinki keeps its rule: it organises its health and social services itself; a county named is explained.
        (
            "Kenelle hyvinvointialueella kerromme vertaistukiryhmästämme Helsingissä?",
            "peer-support",
            ["091"],
            "Helsinki ei kuulu hyvinvointialueeseen",
        ),
        (
            "Helsingin kaupunki, kenelle tarjoamme kotihoidon palveluja?",
            "social-health-services",
            ["091"],
            "Helsinki järjestää itse",
        ),
    ],
)
def test_a_named_organisation_is_honoured_or_explained(
    assistant: Assistant, question: str, topic: str, areas: list[str], says: str
) -> None:
    route = route_of(assistant, question)
    assert (route["topic"], shown(route)) == (topic, areas)
    assert says in route["reason"] and sentences(route["reason"]) == 1


def test_without_a_named_organisation_the_topic_decides(assistant: Assistant) -> None:
    assert shown(route_of(assistant, "Keneen otamme yhteyttä Porissa kotihoidosta?")) == ["SA"]
    assert shown(route_of(assistant, "Keneen otamme yhteyttä Porissa vanhusneuvostosta?")) == ["609", "SA"]
    # Where the association is ("meidän kunnassa") is not whom it asks.
    assert shown(route_of(assistant, "Kenelle kerromme vertaistukiryhmästä meidän kunnassa Porissa?")) == ["SA"]


@pytest.mark.parametrize("word", ["kommunikation", "stadgar", "kuntoutus"])
def test_words_that_only_look_like_the_municipality_do_not_name_it(assistant: Assistant, word: str) -> None:
    assert assistant.router.topic_finder.named(f"Vi behöver hjälp med {word}") == frozenset()


def aland() -> dict[str, dict[str, str]]:
    with (SHARED / "data" / "aland.csv").open(encoding="utf-8", newline="") as file:
        return {row["organisation"]: row for row in csv.DictReader(file)}


@pytest.mark.parametrize(
    ("question", "areas"),
    [
        # All public health care: ÅHS.
        ("Vem kontaktar vi om samarbete med hälsocentralen i Jomala?", ["AHS"]),
        ("Keneen otamme yhteyttä Maarianhaminassa neuvolan vertaistukiryhmästä?", ["AHS"]),
        # Social welfare: KST.
        ("Vem kontaktar vi om barnskydd i Finström?", ["KST"]),
        ("Vem ska vi kontakta om missbrukarvård i Saltvik?", ["KST"]),
        ("Kenelle kerromme Sundissa sote-palveluista?", ["AHS", "KST"]),
        # Child day care and elderly care: each municipality.
        ("Vem kontaktar vi om äldreomsorg i Mariehamn?", ["478"]),
        ("Vem ska vi tala med om hemvård i Lemland?", ["417"]),
        # Health and social services in general: both ÅHS and KST.
        ("Vem handlägger upphandlingar av social- och hälsovårdstjänster i Mariehamn?", ["AHS", "KST"]),
        # Municipal topics and the councils: the municipality, as everywhere.
        ("Vem sköter föreningsbidragen i Mariehamn?", ["478"]),
        ("Vem i Mariehamn ansvarar för äldrerådet?", ["478"]),
    ],
)
def test_aland_health_care_is_ahs_social_welfare_kst_and_day_and_elderly_care_the_municipality(
    assistant: Assistant, question: str, areas: list[str]
) -> None:
    assert shown(route_of(assistant, question)) == areas


def test_aland_organisations_come_with_their_websites_contacts_and_sources(assistant: Assistant) -> None:
    organisations = aland()
    reply = assistant.reply("Vem handlägger upphandlingar av social- och hälsovårdstjänster i Mariehamn?")
    assert reply.route is not None
    assert [area["website"] for area in reply.route["areas"]] == [organisations["AHS"]["website"],
                                                                 organisations["KST"]["website"]]  # fmt: skip
    assert organisations["AHS"]["phone"] in reply.text and organisations["KST"]["email"] in reply.text
    assert organisations["AHS"]["name_sv"] in reply.text and organisations["KST"]["name_sv"] in reply.text
    assert "Uppgifternas källa: Ålands landskapsregering" in reply.text  # ÅHS: the Government of Åland's pages
    assert "Uppgifternas källa: organisationens egen webbplats, 2020–2024" in reply.text  # KST's own page
    assert "barnomsorgen och äldreomsorgen sköter kommunen" in reply.route["reason"]
    finnish = assistant.reply("Keneen otamme yhteyttä Maarianhaminassa lastensuojelusta?")
    assert finnish.route is not None and finnish.route["areas"][0]["name_fi"] == organisations["KST"]["name_fi"]
    assert "Tietojen lähde: organisaation oma sivusto, 2020–2024" in finnish.text


def test_aland_explains_a_named_county_and_shows_a_named_municipality(assistant: Assistant) -> None:
    county = assistant.reply("Vem på välfärdsområdet ansvarar för barnskydd i Jomala?")
    assert county.route is not None and shown(county.route) == ["KST"]
    assert "På Åland finns inga välfärdsområden" in county.text
    municipality = assistant.reply("Vem på Jomala kommun ansvarar för barnskydd?")
    assert municipality.route is not None and shown(municipality.route) == ["KST", "170"]
    assert "Du frågade om kommunen" in municipality.text
