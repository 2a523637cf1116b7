"""Replies come in the language the person writes in, and short messages never flip it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answering.language import CONFIDENT_EVIDENCE, LANGDETECT_CAP, VOCABULARY_ONLY_WORDS
from bot.assistant import Assistant
from bot.core.conversation import Conversation
from bot.evaluation import load_cases


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vem kontaktar jag i Esbo?", "sv"),
        ("Miten kunta voisi keventää avustusten byrokratiaa?", "fi"),
        ("Borde föreningar få använda kommunens lokaler gratis?", "sv"),
        ("deliberatiivinen demokratia", "fi"),
        ("organisationsautonomi", "sv"),
        ("mita tavoitteissa sanotaan", "fi"),
        ("mål 2?", "sv"),
        ("tavoite 3", "fi"),
        # a word or two that only one language has decides alone (langdetect reads "lokaler" as Finnish)
        ("lokaler", "sv"),
        ("nuorisovaltuusto", "fi"),
    ],
)
def test_a_fresh_conversation_replies_in_the_language_of_the_question(
    assistant: Assistant, text: str, lang: str
) -> None:
    assert assistant.reply(text).lang == lang


@pytest.mark.parametrize("text", ["ok", "Hej", "Moi", "2", "👍", "?!", "kiitos", "tack"])
@pytest.mark.parametrize("last", ["fi", "sv"])
def test_short_or_ambiguous_messages_keep_the_conversation_language(assistant: Assistant, text: str, last: str) -> None:
    assert assistant.reply(text, Conversation(last_lang=last)).lang == last  # type: ignore[arg-type]


def test_an_explicit_choice_beats_detection(assistant: Assistant) -> None:
    reply = assistant.reply("Miten kunta voisi keventää avustusten byrokratiaa?", Conversation(explicit_lang="sv"))
    assert reply.lang == "sv"
    assert "Kommunerna" in reply.text


def test_a_clear_message_in_the_other_language_switches(assistant: Assistant) -> None:
    reply = assistant.reply("Hur kan kommunen minska byråkratin kring bidrag?", Conversation(last_lang="fi"))
    assert reply.lang == "sv"


def test_the_client_language_is_used_until_the_person_writes_something_clear(assistant: Assistant) -> None:
    assert assistant.reply("ok", Conversation(client_code="sv-FI")).lang == "sv"
    assert assistant.reply("ok", Conversation(client_code="en")).lang == "fi"
    assert assistant.reply("ok", Conversation(client_code="fi", last_lang="sv")).lang == "sv"


def test_detection_is_deterministic(assistant: Assistant) -> None:
    text = "Vad säger målet om demokratifostran?"
    assert {assistant.detector.evidence(text) for _ in range(20)} == {assistant.detector.evidence(text)}


def test_skipping_langdetect_on_clear_word_evidence_never_changes_the_choice(assistant: Assistant) -> None:
    """confident() asks langdetect only when the words leave room for doubt; the answer must be the same as if it
    had always asked."""
    root = Path(__file__).resolve().parents[1] / "eval"
    questions = [case.question for name in ("questions.yaml", "routing.yaml") for case in load_cases(root / name)]
    detector = assistant.detector
    skipped = 0
    for question in questions:
        if len(question.split()) <= VOCABULARY_ONLY_WORDS:
            continue  # a word or two is decided by another rule (the vocabulary alone), tested above
        full = detector.evidence(question)
        expected = "fi" if full >= CONFIDENT_EVIDENCE else "sv" if full <= -CONFIDENT_EVIDENCE else None
        if sum(len(word) for word in question.split()) >= 6:
            assert detector.confident(question) == expected, question
        skipped += abs(detector.word_evidence(question)) >= CONFIDENT_EVIDENCE + LANGDETECT_CAP
    assert skipped > len(questions) // 2  # the shortcut is taken for most questions, or it is not worth having


@pytest.mark.parametrize(
    ("message", "entry"),
    [
        # one word with a Polynesian macron is a name or a club's, not the language of the message
        ("Mitä KANE sanoo vanhusneuvostoista? terv. Tāne Ngata", "goal-2.action-2"),
        ("Vad säger målen om gratis lokaler? /Sāmoa-föreningen", "goal-1.action-3"),
    ],
)
def test_a_name_with_a_macron_in_a_finnish_or_swedish_message_is_no_other_language(
    assistant: Assistant, message: str, entry: str
) -> None:
    reply = assistant.reply(message)
    assert (reply.kind, reply.entry, reply.other_language) == ("answer", entry, False)


def test_a_name_with_an_icelandic_letter_in_a_finnish_message_is_no_other_language(assistant: Assistant) -> None:
    reply = assistant.reply("Moi, olen Þórunn Islannista, mitä KANE sanoo avustuksista?")
    assert not reply.other_language and reply.lang == "fi"
