"""`kanebot ask/check/eval/chat` as a user runs them, including every kind of bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE, ROOT

# The first nine keys are the interface since version 1; later ones are added at the end, never renamed.
JSON_KEYS = [
    "question", "lang", "kind", "goal", "entry", "score", "text", "route", "clarify",
    "suggest", "reviewed", "other_language",
]  # fmt: skip


def kanebot(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=60, check=False
    )


def json_lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_ask_json_has_the_stable_keys() -> None:
    (answer,) = json_lines(kanebot("ask", "--json", "Miten kunta voisi keventää avustusten byrokratiaa?"))
    assert list(answer) == JSON_KEYS
    assert answer["lang"] == "fi" and answer["kind"] == "answer" and answer["goal"] == 1
    assert answer["entry"] == "goal-1.action-2" and 0 <= float(answer["score"]) <= 1  # type: ignore[arg-type]
    assert "avustuskäytäntönsä" in str(answer["text"]) and answer["route"] is None and answer["clarify"] is None


def test_ask_plain_prints_the_reply_text() -> None:
    result = kanebot("ask", "Borde föreningar få använda kommunens lokaler gratis?")
    assert result.returncode == 0
    assert "kostnadsfria resurser" in result.stdout.decode("utf-8")


def test_ask_lang_forces_the_reply_language() -> None:
    (answer,) = json_lines(kanebot("ask", "--json", "--lang", "sv", "Mikä on KANE?"))
    assert answer["lang"] == "sv" and answer["entry"] == "kane"


def test_stdin_gives_one_line_per_question_in_order_each_a_fresh_conversation() -> None:
    questions = ["Vem kontaktar jag i Esbo om bidrag?", "ok", "tavoite 3", "Hur lagar man köttbullar?"]
    answers = json_lines(kanebot("ask", "--json", stdin="\n".join(questions).encode()))
    assert [a["question"] for a in answers] == questions
    # "ok" after a Swedish line is still Finnish (the default): nothing carries over between lines.
    assert answers[1]["lang"] == "fi"
    assert answers[2]["goal"] == 3 and answers[3]["kind"] == "fallback"


def test_plain_stdin_writes_exactly_one_line_per_question() -> None:
    result = kanebot("ask", stdin=b"tavoite 1\nmal 2\nMika on KANE?\n")
    assert result.returncode == 0
    assert len(result.stdout.decode("utf-8").splitlines()) == 3


BAD_INPUTS = {
    "empty": b"",
    "whitespace": b"   \t  ",
    "huge": ("avustukset " * 10_000).encode(),
    "control characters": b"\x00\x07\x1b[31mtavoite\x08 2\x7f",
    "right-to-left override": "\u202etavoite 2\u202c".encode(),
    "html injection": b"<script>alert(1)</script><b>mik\xc3\xa4 on KANE</b>",
    "markdown injection": b"*bold* _it_ [link](http://evil.example) `code` mik\xc3\xa4 on KANE",
    "invalid utf-8": b"\xff\xfe\xfa tavoite \xc3",
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_gets_a_clear_reply_and_the_next_line_is_still_answered(name: str) -> None:
    stdin = BAD_INPUTS[name] + b"\n" + b"tavoite 4"
    answers = json_lines(kanebot("ask", "--json", stdin=stdin))
    assert len(answers) == 2
    first, second = answers
    assert first["kind"] in {"answer", "fallback", "greeting"} and str(first["text"]).strip()
    assert second["goal"] == 4 and second["kind"] == "answer"


def test_empty_and_unreadable_input_say_so_politely() -> None:
    empty, unreadable = json_lines(kanebot("ask", "--json", stdin=b"   \n\xff\xfe\n"))
    assert "Kirjoita kysymyksesi" in str(empty["text"])
    assert "kelvollista tekstiä" in str(unreadable["text"])


def test_a_huge_question_is_answered_from_its_beginning_and_says_so() -> None:
    (answer,) = json_lines(kanebot("ask", "--json", "avustusten byrokratia " + "x" * 100_000))
    assert answer["entry"] == "goal-1.action-2"
    assert "luin siitä vain alun" in str(answer["text"])


def test_control_and_bidi_characters_do_not_reach_the_reply() -> None:
    (answer,) = json_lines(kanebot("ask", "--json", "\u202etavoite\u0007 2"))
    assert answer["goal"] == 2
    assert "\u202e" not in str(answer["text"]) and "\u0007" not in str(answer["text"])


def test_ask_does_not_import_telegram() -> None:
    code = "import sys; from bot.cli import main; main(['ask', 'tavoite 1']); assert 'telegram' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()


def test_check_passes_on_the_shipped_knowledge() -> None:
    result = kanebot("check")
    assert result.returncode == 0, result.stderr.decode()


def test_check_fails_with_file_and_line_on_broken_yaml(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    (copy / "intents.yaml").write_text("greeting: [unclosed\n", encoding="utf-8")
    result = kanebot("--knowledge", str(copy), "check")
    assert result.returncode == 1
    assert "intents.yaml" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_ask_with_broken_knowledge_explains_instead_of_crashing(tmp_path: Path) -> None:
    result = kanebot("--knowledge", str(tmp_path), "ask", "tavoite 1")
    assert result.returncode == 1
    assert "kanebot check" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_eval_prints_accuracy_per_goal_and_language(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "questions:\n"
        '  - {q: "tavoite 2", lang: fi, expect: goal-2}\n'
        '  - {q: "vem vann matchen", lang: sv, expect: fallback}\n',
        encoding="utf-8",
    )
    result = kanebot("eval", str(cases))
    output = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert re.search(r"goal 2\s+fi\s+1 / 1", output)
    assert re.search(r"right entry or goal:\s+1/1", output) and re.search(r"out of scope → fallback:\s+1/1", output)


def test_eval_reports_categories_and_confident_mistakes_and_fails_below_thresholds(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "questions:\n"
        '  - {q: "tavoite 2", lang: fi, category: goal_number, expect: goal-2}\n'
        '  - {q: "tavoite 3", lang: fi, category: goal_number, expect: goal-2}\n'  # answered, and wrongly
        '  - {q: "Milloin vaalit pidetään?", lang: fi, category: unanswerable, expect: fallback}\n'
        '  - {q: "Hello, what is this?", lang: sv, category: other_language, expect: other_language}\n',
        encoding="utf-8",
    )
    result = kanebot("eval", str(cases), "--no-misses")
    output = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert re.search(r"goal_number\s+1 / 2\s+50.0%", output)
    assert re.search(r"unanswerable\s+1 / 1\s+100.0%", output) and re.search(r"other_language\s+1 / 1", output)
    assert "confidently wrong (an answer or route that is wrong): 1" in output
    assert kanebot("eval", str(cases), "--min-category", "0.6").returncode == 1
    assert kanebot("eval", str(cases), "--max-confidently-wrong", "0").returncode == 1
    assert kanebot("eval", str(cases), "--max-false-answers", "0", "--min-category", "0.5").returncode == 0


def test_chat_keeps_the_conversation_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KANEBOT_DB", str(tmp_path / "kanebot.sqlite3"))  # the chat keeps its profile there
    result = kanebot("chat", stdin="Vad är KANE?\nok\n/quit\n".encode())
    output = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert output.count("Varsågod") == 1 and "Delegationen för medborgarsamhällspolitik" in output


def test_eval_of_a_routing_set_reports_routes_and_questions_asked_back(tmp_path: Path) -> None:
    cases = tmp_path / "routing.yaml"
    cases.write_text(
        "questions:\n"
        '  - {q: "Keneen otamme yhteyttä Lahdessa avustuksista?", lang: fi, municipality: "398", topic: grants}\n'
        '  - {q: "Vem kontaktar vi om bidrag?", lang: sv, municipality: null, topic: grants}\n'
        '  - {q: "Keneen otamme yhteyttä Oulussa avustuksista?", lang: fi, municipality: "398", topic: grants}\n',
        encoding="utf-8",
    )
    result = kanebot("eval", str(cases), "--no-misses")
    output = result.stdout.decode("utf-8")
    assert "right municipality, topic and language: 1/2 = 50.0%" in output
    assert "no place → asked back:                 1/1 = 100.0%" in output
    assert kanebot("eval", str(cases), "--min-accuracy", "0.9").returncode == 1
