"""Place recognition: every municipality by both names, Finnish inflection, Swedish forms, typos, and no false
places in ordinary questions."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.evaluation import load_cases
from bot.places import PlaceFinder
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def places(assistant: Assistant) -> PlaceFinder:
    return assistant.router.places


def test_every_municipality_is_found_by_its_finnish_and_its_swedish_name(
    assistant: Assistant, places: PlaceFinder
) -> None:
    missed = []
    municipalities = assistant.router.directory.municipalities
    assert len(municipalities) == 309
    for municipality in municipalities:
        for frame, name in (
            ("Yhdistyksemme toimii kunnassa {} ja tarvitsee apua.", municipality.name_fi),
            ("Vår förening verkar i {} och behöver hjälp.", municipality.name_sv),
        ):
            found = places.find(frame.format(name))
            if found is None or found.code != municipality.code:
                missed.append((name, found.name_fi if found else None))
    assert missed == []


# Real Finnish forms, checked by hand: local cases with consonant gradation, illatives, genitives, inhabitants.
INFLECTED = {
    "Helsingissä": "091", "Helsingistä": "091", "Helsinkiin": "091", "Helsingin": "091",
    "Turussa": "853", "Turusta": "853", "Turkuun": "853", "Turun": "853",
    "Lahdessa": "398", "Lahdesta": "398", "Lahteen": "398", "Lahden": "398",
    "Seinäjoella": "743", "Seinäjoelta": "743", "Seinäjoelle": "743", "Seinäjoen": "743",
    "Rovaniemellä": "698", "Rovaniemeltä": "698", "Rovaniemelle": "698",
    "Porissa": "609", "Porista": "609", "Poriin": "609", "Porin": "609",
    "Vantaalla": "092", "Vantaalta": "092", "Vantaalle": "092", "Vantaan": "092",
    "Espoossa": "049", "Espoosta": "049", "Espooseen": "049", "Espoon": "049",
    "Tampereella": "837", "Tampereelta": "837", "Tampereelle": "837", "Tampereen": "837",
    "Kuopiossa": "297", "Kuopioon": "297", "Jyväskylässä": "179", "Jyväskylään": "179",
    "Oulussa": "564", "Ouluun": "564", "Hämeenlinnassa": "109", "Hämeenlinnaan": "109",
    "Mikkelissä": "491", "Mikkelin": "491", "Raahessa": "678", "Kotkassa": "285", "Kemissä": "240",
    "Vaasassa": "905", "Vaasan": "905", "Joensuussa": "167", "Kajaanissa": "205", "Lappeenrannassa": "405",
    "Porvoossa": "638", "Imatralla": "153", "Kouvolassa": "286", "Raisiossa": "680", "Lohjalla": "444",
    "Keravalla": "245", "Hyvinkäällä": "106", "Järvenpäässä": "186", "Kangasalla": "211", "Ylöjärvellä": "980",
    "Nokialla": "536", "Raumalla": "684", "Salossa": "734", "Kokkolassa": "272", "Savonlinnassa": "740",
    "Pietarsaaressa": "598", "Kokemäellä": "271", "Äänekoskella": "992", "Loviisassa": "434", "Hangossa": "078",
    "Lopella": "433", "Kannuksessa": "217", "Nurmeksessa": "541", "Iissä": "139", "Luodossa": "440",
    "Uudessakaupungissa": "895", "Kauniaisissa": "235", "Varkaudessa": "915", "Paraisilla": "445",
    "Iisalmessa": "140", "Sipoossa": "753", "Kirkkonummella": "257", "Nurmijärvellä": "543", "Tuusulassa": "858",
    "espoolainen": "049", "tamperelainen": "837", "helsinkiläinen": "091", "turkulaisen": "853",
    "oululaiset": "564", "vaasalaisille": "905", "lahtelainen": "398", "porilainen": "609",
    "jyväskyläläinen": "179", "rovaniemeläinen": "698", "kuopiolaiset": "297",
}  # fmt: skip


def test_at_least_80_checked_inflected_forms() -> None:
    assert len(INFLECTED) >= 80


@pytest.mark.parametrize(("word", "code"), list(INFLECTED.items()))
def test_finnish_inflected_forms_and_inhabitant_words(places: PlaceFinder, word: str, code: str) -> None:
    found = places.find(f"Olemme {word} toimiva yhdistys")
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Vem kontaktar vi i Åbo?", "853"),
        ("Vasa stad ger bidrag", "905"),
        ("Esbo stads lokaler", "049"),
        ("i Helsingfors", "091"),
        ("Vi finns i Jakobstad", "598"),
        ("föreningen i Mariehamn", "478"),
        ("i S:t Michel", "491"),
        ("Vi bor i Sund på Åland", "771"),
        ("vända sig till i Vörå", "946"),
        ("vi finns i Borgå", "638"),
    ],
)
def test_swedish_forms(places: PlaceFinder, text: str, code: str) -> None:
    found = places.find(text)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Jyvaskylassa", "179"), ("Hameenlinnassa", "109"), ("Seinajoella", "743"), ("Tampereela", "837"),
     ("Turusssa", "853"), ("Kyrkslatt", "257"), ("Borga", "638")],
)  # fmt: skip
def test_missing_diacritics_and_small_typos_where_a_place_is_expected(
    places: PlaceFinder, text: str, code: str
) -> None:
    found = places.find(f"Keneen otamme yhteyttä {text}?", fuzzy=True)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    "text",
    ["Aura on hieno nimi", "Tuo on hyvä salo", "sund ekonomi är viktigt", "kannus kengässä", "pello on pelto",
     "lähtien vuodesta 2023", "kenelle kirjoitamme kuntaan", "haluaa kovasti", "vi vill vända oss till er",
     "kemia ja fysiikka", "Vad är deliberativ demokrati?", "kunnan avustukset"],
)  # fmt: skip
def test_common_words_are_not_places(places: PlaceFinder, text: str) -> None:
    assert places.find(text, fuzzy=True) is None


def test_names_that_are_words_count_where_the_text_treats_them_as_places(places: PlaceFinder) -> None:
    assert (found := places.find("Toimimme Salossa")) is not None and found.code == "734"
    assert (found := places.find("Salon kaupunki myöntää avustuksia")) is not None and found.code == "734"
    assert (found := places.find("Yhdistys toimii Aurassa")) is not None and found.code == "019"
    assert places.find("salo") is None


def test_no_place_in_any_question_about_the_goals(places: PlaceFinder) -> None:
    found = {
        case.question: match.municipality.name_fi
        for case in load_cases(ROOT / "eval" / "questions.yaml")
        if case.expect != "fallback"
        for match in places.find_all(case.question)
    }
    assert found == {}


def test_out_of_scope_questions_that_name_a_place_are_not_routed(assistant: Assistant, places: PlaceFinder) -> None:
    # "junan aikataulu tampereelle" rightly names Tampere, but asks nothing a municipality's contact could answer.
    with_place = [
        case.question
        for case in load_cases(ROOT / "eval" / "questions.yaml")
        if case.expect == "fallback" and places.find(case.question)
    ]
    assert with_place
    assert [assistant.reply(question).kind for question in with_place] == ["fallback"] * len(with_place)
