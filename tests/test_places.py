"""Place recognition: every municipality by both names, Finnish inflection, Swedish forms, typos, names that are
ordinary words, and no false places in ordinary questions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.content.directory import Directory, check_directory
from bot.content.place_words import PlaceWords, check_place_words, stale_place_words
from bot.evaluation import load_cases
from bot.routing.place_forms import finnish_stems, full_forms, strengthen, weaken
from bot.routing.places import PlaceFinder
from tests.conftest import KNOWLEDGE, ROOT


@pytest.fixture(scope="module")
def directory() -> Directory:
    directory, problems = check_directory(KNOWLEDGE)
    assert problems == []
    return directory


@pytest.fixture(scope="module")
def words(directory: Directory) -> PlaceWords:
    words, problems = check_place_words(KNOWLEDGE, {m.code for m in directory.municipalities})
    assert problems == []
    return words


@pytest.fixture(scope="module")
def places(directory: Directory, words: PlaceWords) -> PlaceFinder:
    return PlaceFinder.from_directory(directory, words)


def code(places: PlaceFinder, text: str, fuzzy: bool = False) -> str | None:
    found = places.find(text, fuzzy)
    return found.code if found else None


def test_every_municipality_is_found_by_its_finnish_and_its_swedish_name(
    directory: Directory, places: PlaceFinder
) -> None:
    assert len(directory.municipalities) == 308
    missed = []
    for municipality in directory.municipalities:
        for frame, name in (
            ("Yhdistyksemme toimii kunnassa {} ja tarvitsee apua.", municipality.name_fi),
            ("Vår förening verkar i {} och behöver hjälp.", municipality.name_sv),
            ("Toimimme kunnassa {}", municipality.name_fi),
            ("Vi verkar i {}", municipality.name_sv),
        ):
            if code(places, frame.format(name)) != municipality.code:
                missed.append((frame, name, code(places, frame.format(name))))
    assert missed == []


def test_every_finnish_name_is_found_in_its_inessive_and_genitive_as_the_rules_make_them(
    directory: Directory, places: PlaceFinder
) -> None:
    """A check that every name gets stems at all; the hand-checked forms below check that they are right."""
    missed = []
    for municipality in directory.municipalities:
        last = municipality.name_fi.split()[-1].casefold()
        forms = full_forms(finnish_stems(last))
        for case in ("ine", "gen"):
            form = next((form for form, found in forms.items() if found == case), None)
            if form is None and " " not in municipality.name_fi and any(ch in "aeiouyäö" for ch in last):
                missed.append((municipality.name_fi, case))
    assert missed == []


# Real Finnish forms, checked by hand: local cases with consonant gradation, illatives, genitives, the plural that
# -nen names take, adjectives that agree inside a name, and inhabitant words.
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
    "Mikkelissä": "491", "Mikkelin": "491", "Raahessa": "678", "Raahen": "678", "Kotkassa": "285", "Kemissä": "240",
    "Vaasassa": "905", "Vaasan": "905", "Joensuussa": "167", "Joensuuhun": "167", "Kajaanissa": "205",
    "Lappeenrannassa": "405", "Porvoossa": "638", "Imatralla": "153", "Kouvolassa": "286", "Raisiossa": "680",
    "Lohjalla": "444", "Keravalla": "245", "Hyvinkäällä": "106", "Järvenpäässä": "186", "Kangasalla": "211",
    "Ylöjärvellä": "980", "Nokialla": "536", "Raumalla": "684", "Salossa": "734", "Kokkolassa": "272",
    "Savonlinnassa": "740", "Pietarsaaressa": "598", "Kokemäellä": "271", "Äänekoskella": "992",
    "Loviisassa": "434", "Hangossa": "078", "Lopella": "433", "Kannuksessa": "217", "Nurmeksessa": "541",
    "Iissä": "139", "Luodossa": "440", "Uudessakaupungissa": "895", "Uudenkaupungin": "895",
    "Uuteenkaupunkiin": "895", "Kauniaisissa": "235", "Kauniaisten": "235", "Varkaudessa": "915",
    "Paraisilla": "445", "Iisalmessa": "140", "Sipoossa": "753", "Kirkkonummella": "257", "Nurmijärvellä": "543",
    "Tuusulassa": "858", "Orivedellä": "562", "Haapavedellä": "071", "Heinävedellä": "090", "Ruovedellä": "702",
    "Alavudella": "010", "Pihtiputaalla": "601", "Punkalaitumella": "619", "Virroilla": "936",
    "Isossakyrössä": "152", "Huittisissa": "102", "Huittisten": "102", "Kaskisissa": "231", "Kaustisella": "236",
    "Finströmissä": "060", "Kangasniemellä": "213", "Mustasaaressa": "499", "Kristiinankaupungissa": "287",
    "Mänttä-Vilppulassa": "508", "Mäntässä": "508", "Rautalammilla": "686", "Toholammilla": "849",
    "Pyhärannassa": "631", "Vesannolla": "921", "Outokummussa": "309", "Pomarkussa": "608",
    "Harjavallassa": "079", "Limingassa": "425", "Puolangalla": "620", "Juuassa": "176", "Liedossa": "423",
    "Vihdissä": "927", "Iitissä": "142", "Keuruulla": "249", "Kiteellä": "260", "Pieksämäellä": "593",
    "Riihimäellä": "694", "Keminmaalla": "241", "Närpiössä": "545", "Maarianhaminassa": "478",
    "Uudessakaarlepyyssä": "893", "Kemiönsaarella": "322", "Raaseporissa": "710", "Inkoossa": "149",
    "Siuntiossa": "755", "Lapinjärvellä": "407", "Kontiolahdella": "276", "Muhoksella": "494",
    "Kempeleessä": "244", "Pälkäneellä": "635", "Kuortaneella": "300", "Savitaipaleella": "739",
    "Muuramessa": "500", "Kalajoella": "208", "Utsjoella": "890", "Enontekiöllä": "047", "Sodankylässä": "758",
    "Brändöhön": "035", "Pedersöressä": "599",
    # spoken Finnish drops the local cases' last vowel
    "Turus": "853", "Turust": "853", "Tampereel": "837", "Oulus": "564", "Oulult": "564", "Helsingis": "091",
    "Vantaal": "092", "Espoos": "049", "Ylöjärvel": "980", "Uudeskaupungis": "895",
    "espoolainen": "049", "tamperelainen": "837", "helsinkiläinen": "091", "turkulaisen": "853",
    "oululaiset": "564", "vaasalaisille": "905", "lahtelainen": "398", "porilainen": "609",
    "jyväskyläläinen": "179", "rovaniemeläinen": "698", "kuopiolaiset": "297", "seinäjokelainen": "743",
    "ylöjärveläinen": "980", "iisalmelainen": "140", "huittislainen": "102", "kauniaislainen": "235",
    "salolainen": "734", "hyvinkääläiset": "106", "järvenpääläinen": "186", "helsinkiläisnuoret": "091",
}  # fmt: skip


def test_at_least_80_checked_inflected_forms() -> None:
    assert len(INFLECTED) >= 80


@pytest.mark.parametrize(("word", "expected"), list(INFLECTED.items()))
def test_finnish_inflected_forms_and_inhabitant_words(places: PlaceFinder, word: str, expected: str) -> None:
    assert code(places, f"Olemme {word} toimiva yhdistys") == expected
    assert code(places, f"olemme {word.lower()}kin toimiva yhdistys") == expected  # lower case, with a clitic


def test_multi_word_names_and_positions(places: PlaceFinder) -> None:
    (match,) = places.find_all("Toimimme Pedersören kunnassa nyt")
    assert (match.municipality.code, match.start, match.words, match.case) == ("599", 1, 2, "ine")
    assert code(places, "Yhdistys Koski Tl:n alueella") == "284"
    assert code(places, "Vi finns i Koski Tl") == "284"
    matches = places.find_all("Yhdistykset Turussa ja Helsingissä")
    assert [(m.municipality.code, m.start) for m in matches] == [("853", 1), ("091", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vem kontaktar vi i Åbo?", "853"),
        ("Vasa stad ger bidrag", "905"),
        ("Esbo stads lokaler", "049"),
        ("i Helsingfors", "091"),
        ("Helsingfors stads bidrag", "091"),
        ("Vi finns i Jakobstad", "598"),
        ("föreningen i Mariehamn", "478"),
        ("i S:t Michel", "491"),
        ("i St Karins", "202"),
        ("i Sankt Mårtens", "480"),
        ("Vi bor i Sund på Åland", "771"),
        ("Sunds kommun", "771"),
        ("vända sig till i Vörå", "946"),
        ("vi finns i Borgå", "638"),
        ("Kimitoöns kommun", "322"),
        ("vi är esbobor", "049"),
        ("Vi bor i Gustav Adolfs", "081"),
    ],
)
def test_swedish_forms(places: PlaceFinder, text: str, expected: str) -> None:
    assert code(places, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Jyvaskylassa", "179"), ("Hameenlinna", "109"), ("hameenlinnassa", "109"), ("Seinajoella", "743"),
     ("Kyrkslatt", "257"), ("Borga", "638"), ("Jyväskylassa", "179")],
)  # fmt: skip
def test_missing_diacritics(places: PlaceFinder, text: str, expected: str) -> None:
    assert code(places, f"Keneen otamme yhteyttä {text}?") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tampereela", "837"), ("Turusssa", "853"), ("Jyväskyä", "179"), ("Lappenrannassa", "405"),
     ("Hämeenlinan", "109"), ("Rovanimellä", "698"), ("Kirkkonumella", "257"), ("Seinäjokella", "743")],
)  # fmt: skip
def test_small_typos_where_a_place_is_expected(places: PlaceFinder, text: str, expected: str) -> None:
    assert code(places, f"Keneen otamme yhteyttä {text}?") is None or text == "Seinäjokella"
    assert code(places, f"Keneen otamme yhteyttä {text}?", fuzzy=True) == expected


@pytest.mark.parametrize(
    "text",
    ["Aura on hieno nimi", "Tuo on hyvä salo", "sund ekonomi är viktigt", "Vi lever i sund ekonomi",
     "kannus kengässä", "pello on pelto", "Tuotamme ruokaa pellossa", "Uimme koskella", "Kerro tavoitteesta II",
     "Miten ii toimii", "lähtien vuodesta 2023", "kenelle kirjoitamme kuntaan", "haluaa kovasti",
     "vi vill vända oss till er", "Det finns inga pengar", "Hur kan vi ingå avtal", "Vi vill inte störa",
     "Hon kokar kaffe", "kemia ja fysiikka", "Vad är deliberativ demokrati?", "kunnan avustukset",
     "Moi. Salo on kiva", "Kuka vastaa vanhusneuvostosta?", "Onko vanhusneuvostolla valtaa?",
     "Haluan tietää kuka vastaa", "första målet", "Jaamme kokemaan uutta", "tornissa ja turkissa"],
)  # fmt: skip
def test_ordinary_words_are_not_places(places: PlaceFinder, text: str) -> None:
    assert places.find_all(text, fuzzy=True) == []


def test_a_spoken_local_case_of_an_ordinary_word_is_no_place(places: PlaceFinder) -> None:
    # "pellolla" (in the field) is listed as an ordinary word, and so is its spoken "pellol"
    assert code(places, "kesäjuhlat pidetään pellol, saadaanko tukea") is None
    assert code(places, "Mitä Pellos tehdään?") == "854"


def test_names_that_are_words_count_where_the_text_treats_them_as_places(places: PlaceFinder) -> None:
    assert code(places, "Toimimme Salossa") == "734"
    assert code(places, "Salon kaupunki myöntää avustuksia") == "734"
    assert code(places, "Yhdistys toimii Aurassa") == "019"
    assert code(places, "Kenelle soitamme, kun toimimme Pellossa?") == "854"
    assert code(places, "Asumme Ii:ssä") == "139"
    assert code(places, "Salo") == "734"  # a reply to "which municipality?"
    assert code(places, "Vi är från Sund") == "771"
    assert code(places, "salo") is None
    assert code(places, "Sund") == "771"


NON_ROUTING = [
    "Miten kunta voisi keventää avustusten byrokratiaa?",
    "Borde föreningar få använda kommunens lokaler gratis?",
    "Mitä tavoitteessa 2 sanotaan?",
    "Vad säger det fjärde målet?",
    "Mikä on KANE?",
    "Hur kan fullmäktige stödja frivilligverksamhet?",
    "mita tavoitteissa sanotaan",
    "Kertokaa nuorisovaltuustoista",
    "Vad är deliberativ demokrati?",
    "Ehdokkaiden vastuu dialogista",
    "Millaisia tiloja yhdistykset voivat käyttää ilmaiseksi?",
    "Hur främjar man öppen förvaltning?",
    "Kokemus järjestötoiminnasta auttaa ehdokkaita",
    "Vad gör välfärdsområdet för organisationerna?",
    "hyvinvointialueen avustukset järjestöille",
    "Hej",
    "Moi",
    "ok",
    "Kiitos paljon!",
    "Tack så mycket",
]


@pytest.mark.parametrize("text", NON_ROUTING)
def test_no_place_in_questions_that_name_none(places: PlaceFinder, text: str) -> None:
    assert places.find_all(text) == []
    assert places.find_all(text, fuzzy=True) == []


def test_no_place_in_any_question_about_the_goals(places: PlaceFinder) -> None:
    """eval/questions.yaml is held out: its in-scope questions name no place, even with a typo forgiven."""
    found = {
        case.question: [match.municipality.name_fi for match in places.find_all(case.question, fuzzy)]
        for case in load_cases(ROOT / "eval" / "questions.yaml")
        if case.expect != "fallback"
        for fuzzy in (False, True)
    }
    assert {question: names for question, names in found.items() if names} == {}


def test_out_of_scope_questions_that_name_a_place_are_not_routed(assistant: Assistant) -> None:
    # "junan aikataulu tampereelle" rightly names Tampere, but asks nothing a municipality's contact could answer.
    places = assistant.router.places
    with_place = [
        case.question
        for case in load_cases(ROOT / "eval" / "questions.yaml")
        if case.expect == "fallback" and places.find(case.question)
    ]
    assert with_place
    assert [assistant.reply(question).kind for question in with_place] == ["fallback"] * len(with_place)


def test_consonant_gradation() -> None:
    assert [weaken(w) for w in ("helsinki", "lahte", "joke", "turku", "kurikka", "ranta", "harjavalta", "lieto")] == [
        "helsingi", "lahde", "joe", "turu", "kurika", "ranna", "harjavalla", "liedo",
    ]  # fmt: skip
    assert [strengthen(w) for w in ("pihtipuda", "punkalaidu", "virra")] == ["pihtiputa", "punkalaitu", "virta"]


def test_the_place_words_follow_the_directory(tmp_path: Path, directory: Directory, words: PlaceWords) -> None:
    assert stale_place_words(words, directory) == []
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    path = copy / "places.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ambiguous: [Aura,", "ambiguous: [Atlantis,"))
    stale, problems = check_place_words(copy, {m.code for m in directory.municipalities})
    assert problems == []
    assert [str(problem) for problem in stale_place_words(stale, directory)] == [
        "knowledge/places.yaml: entry ambiguous: 'atlantis' is not the name or alias of any municipality"
    ]
    path.write_text("aliases:\n  '999': [Atlantis]\nambiguous: Salo\n", encoding="utf-8")
    _, problems = check_place_words(copy, {m.code for m in directory.municipalities})
    assert [str(problem) for problem in problems] == [
        "knowledge/places.yaml: entry aliases.999: is not a municipality code",
        "knowledge/places.yaml: entry ambiguous: must be a list of words",
    ]


@pytest.mark.parametrize(
    ("text", "county"),
    [
        ("Pirkanmaan hyvinvointialue", "PI"),
        ("i Österbottens välfärdsområde", "PO"),
        ("Keski-Suomessa", "KS"),
        ("Birkaland", "PI"),
        ("Mellersta Finlands välfärdsområde", "KS"),
        ("Södra Karelen", "EK"),
        ("lapissa", "LA"),
        ("osterbottens valfardsomrade", "PO"),
        ("lappländska kommuner", "LA"),
    ],
)
def test_a_county_is_recognised_by_its_name(assistant: Assistant, text: str, county: str) -> None:
    found = assistant.router.county_in(text)
    assert found is not None and found.id == county


# "läpi" (through) folds to "lapi", a stem of "Lappi": the ä people wrote makes it another word.
@pytest.mark.parametrize(
    "text", ["hyvinvointialue", "Södra Finland", "Karjalanpiirakka", "välfärdsområdet", "koko oppimisen polun läpi"]
)
def test_no_county_where_none_is_named(assistant: Assistant, text: str) -> None:
    assert assistant.router.county_in(text) is None
