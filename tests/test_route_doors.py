"""Every route ends at a real door: the organisation's official website (with its source and date), its registry
office where one is known for sure, and the 2026 map of municipalities. Expectations are read from
../shared/data/*.csv here, independently of the generated directory."""

from __future__ import annotations

import csv
import re
from typing import Any

import pytest

from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.core.lang import Lang
from bot.routing.handoff import plan_handoff
from tests.conftest import SHARED

DATA = SHARED / "data"
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not beside the repository")


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def sites() -> dict[tuple[str, str], dict[str, str]]:
    return {(row["kind"], row["id"]): row for row in rows("websites.csv")}


def site_for(row: dict[str, str], lang: Lang) -> str:
    """The Swedish page to a Swedish speaker where one is known."""
    return row["website_sv"] if lang == "sv" and row["website_sv"] else row["website"]


def current_municipalities() -> list[dict[str, str]]:
    merged = {row["from_code"] for row in rows("mergers.csv")}
    return [row for row in rows("municipalities.csv") if row["code"] not in merged]


QUESTIONS = {
    # (lang, level): a question naming the place in its plainest form; the topic decides the organisation.
    ("fi", "municipality"): "Keneen otamme yhteyttä kunnassa {fi} avustuksista?",
    ("sv", "municipality"): "Vem kontaktar vi i {sv} om bidrag?",
    ("fi", "county"): "Keneen otamme yhteyttä kunnassa {fi} vertaistukiryhmästä?",
    ("sv", "county"): "Vem kontaktar vi i {sv} om kamratstöd?",
}
SOURCE_NOTE = {
    "fi": re.compile(r"(Verkkosivun|Tietojen) lähde: .+"),
    "sv": re.compile(r"(Webbplatsens|Uppgifternas) källa: .+"),
}


def aland_sites() -> dict[str, str]:
    return {row["organisation"]: row["website"] for row in rows("aland.csv")}


def expected_sites(row: dict[str, str], level: str, lang: Lang) -> list[str]:
    """The websites a route must show, from the CSVs and the rules of the issue."""
    websites = sites()
    if level == "municipality":
        return [site_for(websites["municipality", row["code"]], lang)]
    if row["code"] == "091":  # Helsinki organises its own social and health services, with a site of their own
        return [site_for(websites["self", "091"], lang)]
    if not row["wellbeing_county"]:  # Åland: peer support is social welfare (KST), with ÅHS for the health side
        return [aland_sites()["KST"], aland_sites()["AHS"]]
    return [site_for(websites["wellbeing_county", row["wellbeing_county"]], lang)]


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_route_of_every_municipality_and_county_names_its_official_website(
    assistant: Assistant, lang: Lang
) -> None:
    municipalities = current_municipalities()
    assert len(municipalities) == 308
    counties_seen: set[str] = set()
    missed: list[str] = []
    for row in municipalities:
        for level in ("municipality", "county"):
            question = QUESTIONS[lang, level].format(fi=row["name_fi"], sv=row["name_sv"])
            reply = assistant.reply(question)
            route: dict[str, Any] = reply.route or {}
            wanted = expected_sites(row, level, lang)
            shown = [area["website"] for area in route.get("areas", [])]
            if reply.kind != "route" or reply.lang != lang or shown != wanted:
                missed.append(f"{question}: {reply.kind} {shown} != {wanted}")
                continue
            if any(url not in reply.text for url in wanted) or not SOURCE_NOTE[lang].search(reply.text):
                missed.append(f"{question}: the site or its source is not in the text")
            counties_seen |= {area["id"] for area in route["areas"] if area["kind"] == "wellbeing_county"}
    assert missed == []
    assert counties_seen == {row["id"] for row in rows("wellbeing_counties.csv")}  # all 21


def test_the_source_and_its_date_are_in_small_print(assistant: Assistant) -> None:
    reply = assistant.reply("Keneen otamme yhteyttä Porissa avustuksista?")
    note = [block.text for block in reply.blocks if block.style == "note" and "lähde" in block.text]
    assert note == ["Verkkosivun lähde: Wikidata (CC0), 30.4.2026"]  # websites.csv: "Wikidata P856 (CC0), 2026-04-30"
    assert "<i>Verkkosivun lähde: Wikidata (CC0), 30.4.2026</i>" in reply.html
    county = assistant.reply("Vem kontaktar vi i Björneborg om kamratstöd?")
    assert "Webbplatsens källa: organisationens egen webbplats, 13.8.2026" in county.text  # the link check's date
    perho = assistant.reply("Keneen otamme yhteyttä Perhossa avustuksista?")
    assert "https://www.perho.fi/" in perho.text and "perho.com" not in perho.text  # corrected from its own site


def test_the_registry_office_is_the_general_contact_where_it_is_known(assistant: Assistant) -> None:
    (helsinki,) = [row for row in rows("registry_offices.csv") if row["id"] == "091"]
    reply = assistant.reply("Kuka käsittelee järjestöavustukset Helsingissä?")
    assert f"Kirjaamo: {helsinki['email']} – {helsinki['phone']} – {helsinki['postal_address']}" in reply.text
    assert "Kirjaamon tietojen lähde: organisaation omat asiakirjat, 2025–2026" in reply.text
    swedish = assistant.reply("Vem handlägger föreningsbidrag i Helsingfors?")
    assert f"Registratorskontoret: {helsinki['email']}" in swedish.text and "öppet mån–fre 8.15–16.00" in swedish.text


def test_no_registry_address_is_ever_made_up(assistant: Assistant) -> None:
    """The kirjaamo@<domain> pattern is wrong for about one municipality in five: only known offices are shown."""
    known = {row["email"] for row in rows("registry_offices.csv")} | {row["email"] for row in rows("aland.csv")}
    shown: set[str] = set()
    for row in current_municipalities():
        for question in (f"Keneen otamme yhteyttä kunnassa {row['name_fi']} avustuksista?",):
            shown |= set(re.findall(r"[\w.+-]+@[\w.-]+\.\w+", assistant.reply(question).text))
    assert shown <= known and shown == {"helsinki.kirjaamo@hel.fi"}


def test_a_registered_contact_comes_before_the_general_ones(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.conftest import assistant_with_contact

    with_contact = assistant_with_contact(
        tmp_path_factory.mktemp("knowledge") / "knowledge",
        area="091",
        topic="grants",
        name={"fi": "Avustukset (testi)", "sv": "Understöd (test)"},
        email="avustukset@example.org",
    )
    reply = with_contact.reply("Kuka käsittelee järjestöavustukset Helsingissä?")
    assert "avustukset@example.org" in reply.text and "Kirjaamo" not in reply.text
    assert "https://hel.fi" in reply.text  # the website is always there


@pytest.mark.parametrize(
    ("question", "lang", "note"),
    [
        ("Keneen otamme yhteyttä Pertunmaalla avustuksista?", "fi", "Pertunmaa ja Mäntyharju yhdistyivät 1.1.2026"),
        ("Kenelle pertunmaalainen yhdistys kirjoittaa tiloista?", "fi", "Pertunmaa ja Mäntyharju yhdistyivät"),
        ("Pertunmaan kunta, kuka hoitaa nuorisovaltuuston?", "fi", "kunnan nimi on nyt Mäntyharju"),
        ("Vem kontaktar vi i Pertunmaa om bidrag?", "sv", "Pertunmaa slogs samman med Mäntyharju den 1.1.2026"),
    ],
)
def test_pertunmaa_questions_reach_mantyharju_with_a_note(
    assistant: Assistant, question: str, lang: Lang, note: str
) -> None:
    (merger,) = rows("mergers.csv")
    reply = assistant.reply(question)
    assert reply.kind == "route" and reply.lang == lang and reply.route is not None
    assert reply.route["municipality"]["code"] == merger["into_code"] == "507"
    assert reply.route["area"]["website"] == sites()["municipality", "507"]["website"]
    assert note in reply.text


def test_the_merger_note_stays_through_the_question_back_and_the_handover_goes_to_mantyharju(
    assistant: Assistant,
) -> None:
    asked = assistant.reply("Keneen otamme yhteyttä Pertunmaalla?")
    assert asked.clarify == "topic" and "Mäntyharju" in asked.text and "yhdistyivät" in asked.text
    route = assistant.choose_topic("grants", Conversation(last_lang="fi", pending=asked.pending))
    assert route is not None and route.route is not None and "yhdistyivät 1.1.2026" in route.text
    assert route.route["municipality"]["code"] == "507"
    assert route.pending is not None
    plan = plan_handoff(assistant.router, route.pending, "fi")
    assert plan is not None and plan.area.id == "507"
    # A profile that remembered Pertunmaa before the merger is answered for Mäntyharju.
    remembered = assistant.reply("Keneen otamme yhteyttä avustuksista?", Conversation(municipality="588"))
    assert remembered.route is not None and remembered.route["municipality"]["code"] == "507"
