"""Benchmark of the answering core (a script, not a test): latency, throughput, cold start and peak memory.

    .venv/bin/python bench/bench_answer.py [--rounds 20]

Targets (issue #11, tightening issue #2's): answering costs at most 4x a fi/sv langdetect call on the same text and
its p99 stays under 5 ms; cold start of
`kanebot ask` at most 1.5x `python -c "import telegram.ext"`; peak RSS at most 150 MiB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.assistant import Assistant  # noqa: E402
from bot.core.conversation import Conversation  # noqa: E402
from bot.evaluation import load_cases  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cold_start(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()

    assistant = Assistant.load(ROOT / "knowledge")
    questions = [case.question for case in load_cases(ROOT / "eval" / "questions.yaml")]
    for question in questions:  # warm up the interpreter and the words' lemmas; each message is forgotten below
        assistant.reply(question)

    fresh = Conversation()
    answer_times: list[float] = []
    detect_times: list[float] = []
    for _ in range(args.rounds):
        for question in questions:
            assistant.forget_messages()  # every question is new: nothing remembered of a message read before
            started = time.perf_counter()
            assistant._reply(question, fresh)
            answer_times.append(time.perf_counter() - started)
            assistant.forget_messages()  # nor does the detection find the message's words already split
            started = time.perf_counter()
            assistant.detector.probabilities(question)
            detect_times.append(time.perf_counter() - started)

    p50, p99 = percentile(answer_times, 0.50), percentile(answer_times, 0.99)
    detect_p50 = percentile(detect_times, 0.50)
    ratio = statistics.mean(answer_times) / statistics.mean(detect_times)
    ask = [sys.executable, "-m", "bot", "ask", "--json", "Miten kunta voisi keventää avustusten byrokratiaa?"]
    telegram = [sys.executable, "-c", "import telegram.ext"]
    ask_cold, telegram_cold = cold_start(ask, args.cold_runs), cold_start(telegram, args.cold_runs)
    batch = [sys.executable, "-m", "bot", "ask", "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(batch, input="\n".join(questions).encode(), check=True, capture_output=True, cwd=ROOT)
    rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024

    print(f"questions: {len(questions)} x {args.rounds} rounds")
    print(f"answer latency (target p99 < 5 ms): p50 {p50 * 1000:.3f} ms, p99 {p99 * 1000:.3f} ms")
    print(f"throughput: {len(answer_times) / sum(answer_times):.0f} questions/s (one core)")
    print(f"fi/sv langdetect on the same text: p50 {detect_p50 * 1000:.3f} ms")
    print(f"answer / langdetect (mean): {ratio:.1f}x (target <= 4x, issue #11)")
    print(f"cold start `kanebot ask`: {ask_cold * 1000:.0f} ms; `import telegram.ext`: {telegram_cold * 1000:.0f} ms")
    print(f"cold start ratio: {ask_cold / telegram_cold:.2f}x (target <= 1.5x)")
    print(f"peak RSS of `kanebot ask` over the whole set: {rss:.1f} MiB (target <= 150 MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
