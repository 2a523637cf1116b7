"""The lemma tables in bot/answering/data/ are generated from simplemma and knowledge/; they must be current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from bot.answering.lexicon import Lexicon, eastern_written_forms
from bot.assistant import Assistant
from bot.core.lang import Lang
from bot.core.text import fold
from tests.conftest import KNOWLEDGE, ROOT


def test_inflected_forms_map_to_their_lemma() -> None:
    lexicon = Lexicon.load()
    assert lexicon.lemma("avustuksiin", "fi") == "avustus"
    assert lexicon.lemma("Kommunernas", "sv") == "kommun"
    assert lexicon.lemma("kaytantonsa", "fi") == lexicon.lemma("käytäntönsä", "fi")
    assert lexicon.lemma("hockeymatchen", "sv") is None


@pytest.mark.slow
def test_the_committed_tables_equal_a_fresh_build(tmp_path: Path) -> None:
    module = _build_lexicon_script()
    assert module.main(["--knowledge", str(KNOWLEDGE), "--out", str(tmp_path)]) == 0
    for lang in ("fi", "sv"):
        for name in (f"lexicon.{lang}.tsv", f"neighbours.{lang}.txt"):
            fresh = (tmp_path / name).read_text(encoding="utf-8")
            committed = (ROOT / "bot" / "answering" / "data" / name).read_text(encoding="utf-8")
            assert fresh == committed, f"run: python scripts/build_lexicon.py ({name} is stale)"


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        # Elections, not "pale" (vaalea) nor "to cherish" (vaalia), also at the end of a compound.
        ("vaaleissa", "vaali"),
        ("vaaleihin", "vaali"),
        ("vaalit", "vaali"),
        ("kuntavaaleissa", "kuntavaali"),
        # An action noun in any case is the verb the goals use.
        ("osoittamisesta", "osoittaa"),
        ("järjestämiseen", "jarjestaa"),
        # Spoken Finnish drops the i of -oitt-: "kirjottaa" is to write, not kirjo (a range).
        ("kirjottaa", "kirjoittaa"),
        ("ilmotan", "ilmoittaa"),
        # A spoken word the knowledge itself uses meets its written lemma, not a lemma of its own.
        ("tärkeit", "tarkea"),
        ("yhistyksen", "yhdistys"),  # the d dropped after h, as in "tehä"
        ("tehä", "tehda"),
        # A prefix pattern of an intent list ("ennakkoäänest*") is no word: "äänestä" is still to vote.
        ("äänestä", "aanestaa"),
        # A compound simplemma cuts after its first part ("hyvinvointi|alueen") is the whole compound's base form.
        ("hyvinvointialueen", "hyvinvointialue"),
        ("kylätalon", "kylatalo"),
        # The i of -oit- dropped after the first syllable ("tavotteen"), kept in it ("hoitaa" is no "hotaa").
        ("tavotteen", "tavoite"),
        ("tarkotan", "tarkoittaa"),
        # A service's functions are no association's activity ("toimintaa" stays "toiminta").
        ("toimintoja", "toiminto"),
        ("toimintaa", "toiminta"),
        # KANE's name in its cases ("KANElle" was corrected to "kanella")
        ("kanelle", "kane"),
        ("kanen", "kane"),
        # words the compound splitter cut into two of the knowledge's words
        ("seurakunnan", "seurakunta"),
        ("seurakunnalta", "seurakunta"),  # had been "seura" and "kunta": a club and a municipality
        ("syyskokouksessa", "syyskokous"),
        # the bot's main menu had been a chief ("päällikkö"), a one-time code's partitive a word of its own
        ("päävalikosta", "paavalikko"),
        ("päävalikon", "paavalikko"),
        ("kertakoodia", "kertakoodi"),
    ],
)
def test_words_simplemma_misreads_get_the_reading_the_goals_mean(form: str, lemma: str) -> None:
    assert Lexicon.load().lemma(form, "fi") == lemma


def test_a_swedish_definite_form_meets_its_base_form() -> None:
    # The knowledge writes both "äldreråd" and "äldrerådet"; simplemma knows neither, so they met only by trigrams.
    lexicon = Lexicon.load()
    assert lexicon.lemma("äldrerådet", "sv") == lexicon.lemma("äldreråd", "sv") == "aldrerad"


def test_kanes_name_is_its_own_word_in_both_languages() -> None:
    # simplemma reads Swedish "KANE" as a form of "kana" (to slide): "Vad gör KANE?" then shared no word with
    # KANE's own entry.
    lexicon = Lexicon.load()
    assert lexicon.lemma("kane", "sv") == lexicon.lemma("kane", "fi") == "kane"


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("tekkee", "tekee"),  # a consonant doubled between vowels
        ("kokkoukset", "kokoukset"),
        ("maksoo", "maksaa"),  # "-oo" for "-aa"
        ("hilloo", "hilloa"),  # "-oo" for "-oa"
        ("vaikee", "vaikea"),
        ("kaekki", "kaikki"),  # "ae" for "ai"
        ("tärkeenä", "tärkeänä"),  # "-ee-" for "-eä-" inside the word
    ],
)
def test_an_eastern_finnish_word_offers_its_written_form(spoken: str, written: str) -> None:
    assert fold(written) in eastern_written_forms(fold(spoken))


def test_short_words_are_not_taken_for_eastern_forms() -> None:
    # "sinne" (there) is not "sine"; "ottoo" may be "ottaa" or "ottoa".
    assert eastern_written_forms("sinne") == eastern_written_forms("ottoo") == []


def test_a_question_in_eastern_finnish_meets_the_written_lemmas() -> None:
    from bot.assistant import Assistant

    terms = Assistant.load(KNOWLEDGE).retriever.query_terms("Maksoo kunta kokkoukset?", "fi")
    assert terms == ["maksaa", "kunta", "kokous"]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("ryhmästämme", "ryhma"),
        ("vaaliohjelmassaan", "vaaliohjelma"),
        ("kunnalleni", "kunta"),
        ("kuntastrategiaansa", "kuntastrategia"),
        ("mielenosoituksemme", "mielenosoitus"),
        ("kumppaneikseen", "kumppani"),
        # A case ending on a word the tables do not inflect ("nuva", a youth council), one doubling at a time.
        ("nuvassa", "nuva"),
        ("osottammaan", "osoittaa"),
        ("ilmaseks", "ilmainen"),  # spoken "-as-" for "-ais-", "-ks" for "-ksi"
        # the spoken question clitic "-ks" for "-ko", "-kö"
        ("pärjääks", "parjata"),
        ("estääks", "estaa"),
        ("käyks", "kayda"),
        # a plural genitive the tables lack, read through the plural partitive of the same stem
        ("mielenosoittajien", "mielenosoittaja"),
        # the clitics of "also", "not even", "as you know": "järjestöthän" had become "järjestää" (to arrange)
        ("kunnankin", "kunta"),
        ("rahaakaan", "raha"),
        ("järjestöthän", "jarjesto"),
        ("tilojakin", "tila"),
    ],
)
def test_a_finnish_word_with_a_suffix_the_tables_lack_meets_its_lemma(word: str, lemma: str) -> None:
    from bot.assistant import Assistant

    assert Assistant.load(KNOWLEDGE).retriever.query_terms(word, "fi") == [lemma]


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        # A question in the knowledge typed without its ö must not part "föreningar" from "förening".
        ("föreningar", "forening"),
        ("foreningar", "forening"),
        ("klubbar", "klubb"),  # clubs, not mallets
        ("kandidatern", "kandidat"),  # spoken "-ern" for "-erna"
        # A compound simplemma does not list, by its longest head that it does.
        ("invånarpaneler", "invanarpanel"),
        ("samarbetsstrukturer", "samarbetsstruktur"),
        # A word ending in t is its own, not the word without it: short, not choir; the bot, not to live; food.
        ("kort", "kort"),
        ("boten", "bot"),
        ("mat", "mat"),
        ("samarbetet", "samarbete"),  # a definite form still meets its base form
        # a verb of the knowledge simplemma files under an adjective: "mörka" (keep in the dark) under "mörk"
        ("mörkar", "mork"),
        ("mörkade", "mork"),
        ("stöttar", "stott"),
        # …but only such verbs: "helar" (heals) and "fastar" (fasts) are no forms of "hel", "fast"
        ("helar", None),
        ("fastar", None),
    ],
)
def test_swedish_words_the_goals_mean(form: str, lemma: str | None) -> None:
    assert Lexicon.load().lemma(form, "sv") == lemma


def test_spoken_pronouns_and_fillers_are_no_words_of_the_question() -> None:
    from bot.assistant import Assistant

    # "mää" (minä) was read as "maa" (a country), "nääs" is a filler of Tampere speech.
    assert Assistant.load(KNOWLEDGE).retriever.query_terms("mää haluun nääs tiloja", "fi") == ["halu", "tila"]


@pytest.mark.parametrize(
    ("word", "lang"),
    [
        ("terve", "fi"),
        ("kylmä", "fi"),  # one letter from "kylä"
        ("kuusi", "fi"),
        ("sista", "sv"),
        ("snart", "sv"),
        ("vecka", "sv"),
        ("förut", "sv"),
        ("borta", "sv"),
    ],
)
def test_a_real_word_next_to_a_word_of_the_knowledge_is_no_typo_of_it(word: str, lang: Lang) -> None:
    from bot.assistant import Assistant

    # "terve" was corrected to "tarve" (need), "ganska" to "granska", "sista" to "sikta".
    assert Assistant.load(KNOWLEDGE).retriever.query_terms(word, lang) == [fold(word)]


@pytest.mark.parametrize(
    ("word", "lang", "lemma"), [("kunan", "fi", "kunta"), ("förningar", "sv", "forening"), ("tiioja", "fi", "tila")]
)
def test_a_misspelling_the_dictionary_lists_as_a_form_is_still_corrected(word: str, lang: Lang, lemma: str) -> None:
    from bot.assistant import Assistant

    assert Assistant.load(KNOWLEDGE).retriever.query_terms(word, lang) == [lemma]


@pytest.mark.parametrize(
    ("text", "lang", "terms"),
    [
        # spoken intensifiers were corrected to the nearest word of the goals: "ganska" to "granska" (scrutinise),
        # "himla" to "hilma" (the procurement notices), "hirveen" to "hirvi"
        ("ganska viktiga bidrag", "sv", ["viktig", "bidrag"]),
        ("himla viktigt med lokaler", "sv", ["viktig", "lokal"]),
        ("hirveen tärkeitä tiloja", "fi", ["tarkea", "tila"]),
        # a spoken intensifier and a spoken "varför"
        ("sjukt krångliga bidrag", "sv", ["kranglig", "bidrag"]),
        ("vafför lokaler", "sv", ["lokal"]),
        # spoken "should" is no word of the question either
        ("pittäis tiloja", "fi", ["tila"]),
        # "väl" (surely) folds to "val" (election), which stays a word as written without its dots
        ("ska väl kandidaterna debattera", "sv", ["kandidat", "debattera"]),
        ("ska kandidaterna debattera i valet", "sv", ["kandidat", "debattera", "val"]),
    ],
)
def test_spoken_intensifiers_are_no_words_of_the_question(text: str, lang: Lang, terms: list[str]) -> None:
    from bot.assistant import Assistant

    assert Assistant.load(KNOWLEDGE).retriever.query_terms(text, lang) == terms


@pytest.mark.parametrize(("word", "terms"), [("sillat", ["sillat"]), ("toimivallassa", ["toimia", "valta"])])
def test_a_stripped_case_ending_must_leave_a_base_form(word: str, terms: list[str]) -> None:
    from bot.assistant import Assistant

    # "silla" is "sillä" (with it), a stop word; "toimivalla" is a form of "toimiva": neither is the word asked.
    assert Assistant.load(KNOWLEDGE).retriever.word_terms(word, "fi") == terms


@pytest.mark.parametrize("pronoun", ["niitä", "niistä", "niille", "näistä", "näihin", "tuota", "keitä", "niitten"])
def test_finnish_pronouns_are_no_words_of_the_question(pronoun: str) -> None:
    from bot.assistant import Assistant

    # The lexicon read "niitä" as niittää (to mow), "näistä" as nainen, "tuota" as tuottaa, "keitä" as keittää.
    assert Assistant.load(KNOWLEDGE).retriever.query_terms(f"pitäisikö {pronoun} kuunnella", "fi") == ["kuunnella"]


@pytest.mark.parametrize(("spoken", "lemma"), [("kannattais", "kannattaa"), ("tukis", "tukea"), ("menis", "menna")])
def test_a_spoken_conditional_without_its_last_i_is_the_verb(spoken: str, lemma: str) -> None:
    # simplemma read "kannattais" as "kanna"; the written "kannattaisi" is the verb.
    assert Lexicon.load().lemma(spoken, "fi") == lemma


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("olette tallentaneet", ["tallentaa"]),
        ("osallistuneiden määrä", ["osallistua", "maara"]),
        # a passive participle's plural: "palkatut" is "palkattu", whose lemma the tables give
        ("palkatut vetäjät", ["palkata", "vetaja"]),
    ],
)
def test_a_plural_past_participle_is_its_verb(text: str, terms: list[str]) -> None:
    from bot.assistant import Assistant

    # The tables list "tallentanut" but not "tallentaneet", which had stayed an unknown word.
    assert Assistant.load(KNOWLEDGE).retriever.query_terms(text, "fi") == terms


@pytest.mark.parametrize(("text", "lang"), [("vemär kane", "sv"), ("mikäon kane", "fi")])
def test_a_question_word_run_together_with_is_asks_nothing(text: str, lang: Lang) -> None:
    from bot.assistant import Assistant

    assert Assistant.load(KNOWLEDGE).retriever.query_terms(text, lang) == ["kane"]


def test_a_typo_that_splits_into_two_function_words_is_still_corrected() -> None:
    from bot.assistant import Assistant

    # "samtan" is "samtal" mistyped, though "sam" and "tan" could be read as two short words
    terms = Assistant.load(KNOWLEDGE).retriever.query_terms("samtan mellan föreningar", "sv")
    assert terms[0] == "samtal"


def test_a_rebuild_names_the_forms_whose_lemma_moved() -> None:
    module = _build_lexicon_script()
    old = {"isompi": "iso", "isommalla": "iso", "tila": "tila"}
    new = {"isompi": "isompi", "isommalla": "isompi", "tila": "tila", "tilat": "tila"}
    assert module.changed_lemmas(old, new) == [("isommalla", "iso", "isompi"), ("isompi", "iso", "isompi")]


def _build_lexicon_script() -> ModuleType:
    """scripts/build_lexicon.py as a module (it needs simplemma, a development dependency)."""
    pytest.importorskip("simplemma")
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("kandidatan", "kandidat"), ("invånaran", "invanare"), ("medlemman", "medlem"), ("bidragan", "bidrag")],
)
def test_an_ostrobothnian_plural_definite_is_read_onto_its_own_stem(word: str, lemma: str) -> None:
    from bot.assistant import Assistant

    # "-an" is "-arna", or "-erna"/"-na" where the lemma is the stem itself: "bidragan" is no "bidragna" (of "bidra")
    assert Assistant.load(KNOWLEDGE).retriever.query_terms(word, "sv") == [lemma]


@pytest.mark.parametrize("word", ["ketäs", "missäpä", "mikähän", "niitäkään", "meidänkin"])
def test_a_finnish_function_word_with_a_clitic_is_no_word_of_content(word: str) -> None:
    from bot.assistant import Assistant

    # "ketäs" had been corrected to a word of the knowledge, and "Ketäs se KANE on?" answered by goal 4
    assert Assistant.load(KNOWLEDGE).retriever.query_terms(f"{word} kane", "fi") == ["kane"]


def test_ostrobothnian_o_for_u_meets_the_written_word(assistant: Assistant) -> None:
    # "ongdomsråde" is "ungdomsrådet", "onga" "unga": the lemma the goals' texts use
    def lemmas(word: str, lang: Lang) -> list[str]:
        return assistant.retriever.word_terms(word, lang, corrected=False)

    assert lemmas("ongdomsråde", "sv") == lemmas("ungdomsrådet", "sv")
    assert lemmas("ongdomar", "sv") == lemmas("ungdomar", "sv")
    assert lemmas("ongelma", "fi") == ["ongelma"]  # a Finnish word keeps its own


@pytest.mark.parametrize(
    ("form", "base"),
    [("kriser", "kris"), ("meddelanden", "meddelande"), ("inflytandet", "inflytande"), ("drömmer", "dröm")],
)
def test_a_concepts_base_form_that_simplemma_files_elsewhere_still_meets_its_own_forms(form: str, base: str) -> None:
    # simplemma files "kris" under "kria" and "meddelande" under "meddela", but "kriser", "meddelanden" under the
    # word itself: a question's plural must meet the concept's singular
    lexicon = Lexicon.load()
    assert lexicon.lemma(base, "sv") is not None
    assert lexicon.lemma(form, "sv") == lexicon.lemma(base, "sv")


@pytest.mark.parametrize(
    ("spoken", "lemma"), [("rahaaki", "raha"), ("naisiaki", "nainen"), ("yhdistyksiki", "yhdistys")]
)
def test_the_spoken_clitic_ki_is_kin(assistant: Assistant, spoken: str, lemma: str) -> None:
    # "naisiaki" is "naisiakin" (women too): read whole it had been no word of the knowledge at all
    assert assistant.retriever.word_terms(spoken, "fi") == [lemma]


def test_a_words_own_double_k_is_no_spoken_clitic(assistant: Assistant) -> None:
    # "suosikki" (a favourite) is no "suosi-kki" (to favour, too); "jollekki" is "jollekin", a function word
    assert "suosia" not in assistant.retriever.word_terms("suosikki", "fi")
    assert assistant.retriever._featurizer.terms("jollekki", "fi") == assistant.retriever._featurizer.terms(
        "jollekin", "fi"
    )
