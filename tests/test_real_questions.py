"""Real parents' questions from public pages (tests/real_questions/), each sent to the running
assistant in a fresh conversation without metadata. Figures per language and per kind are
printed and written to test-artifacts/.

- learn.yml (two thirds) trains the model (scripts/real_questions_to_nlu.py): a check that
  what was learnt is served;
- blind.yml (a third, split by text hash before any result was seen) never trains anything: the
  measure that counts. Its floors below are the figures reached, so a change that makes things
  worse fails; the issue's targets (≥ 95 % per language, every emergency, ≥ 95 % honest on
  not-covered questions, no unrelated fact) are printed beside them.
"""
from __future__ import annotations

from bot.content.content import Content
from bot.ops.real_questions import BLIND, LEARN, kinds_uncovered, load, score

# What the blind third reached on 2026-12-03 (docs/measurements.md "Real parents' questions"),
# rounded down, so that a change for the worse fails. Raise them as the figures improve.
# Batches 1-2 (201): nl 76.0 %, en 78.1 %, honest 78 %, emergencies 15 of 19, 20 unrelated facts
# (30 Nov: 74.0 / 78.1 / 78 %, 15 of 19, 20).
BLIND_FLOOR_RIGHT = {"nl": 0.76, "en": 0.78}
BLIND_FLOOR_HONEST = 0.78
BLIND_FLOOR_EMERGENCY = 0.78
BLIND_MAX_UNRELATED = 20
# All three batches (253): nl 76.5 %, en 74.6 %, honest 76.9 %, emergencies 19 of 24, 28 unrelated.
ALL_FLOOR_RIGHT = {"nl": 0.76, "en": 0.74}
ALL_FLOOR_HONEST = 0.76
ALL_FLOOR_EMERGENCY = 0.79
ALL_MAX_UNRELATED = 28
NEW_BATCH = 3


def test_the_set_is_real_sized_and_labelled(content: Content) -> None:
    questions = load(LEARN) + load(BLIND)
    assert len(questions) >= 300
    assert sum(q["lang"] == "nl" for q in questions) >= 120
    assert sum(q["lang"] == "en" for q in questions) >= 120
    assert all(q["source"].startswith("http") for q in questions)
    for q in questions:
        assert q["expect"] in ("not_covered", "emergency", "feelings", "personal") \
            or content.answers[q["expect"]].review.approved, q
    assert not {q["text"] for q in load(LEARN)} & {q["text"] for q in load(BLIND)}


def test_real_questions(rest_url: str, content: Content, report_figure) -> None:  # type: ignore[no-untyped-def]
    learn = score(LEARN, rest_url, content)
    blind = score(BLIND, rest_url, content)
    report_figure("Real questions (learn part, trained on)", learn.summary() + "\n" + learn.misses())
    # the blind third: totals only, so that no one tunes the assistant to its wording
    report_figure("Real questions (blind third)", blind.summary())
    # the same, per collection round: the first two batches (201) and batch 3 (3 Dec 2026)
    report_figure("Real questions (blind third, batches 1-2)", blind.only({NEW_BATCH}, keep=False).summary())
    report_figure("Real questions (blind third, batch 3)", blind.only({NEW_BATCH}).summary())
    report_figure("Real questions: what the sources leave uncovered",
                  "\n".join(f"{aspect}: {n}" for aspect, n in kinds_uncovered().most_common()))
    ok, n = learn.share()
    assert ok / n >= 0.95, learn.summary()
    first_two = blind.only({NEW_BATCH}, keep=False)
    for part, right, honest, emergency, unrelated in (
            (first_two, BLIND_FLOOR_RIGHT, BLIND_FLOOR_HONEST, BLIND_FLOOR_EMERGENCY,
             BLIND_MAX_UNRELATED),
            (blind, ALL_FLOOR_RIGHT, ALL_FLOOR_HONEST, ALL_FLOOR_EMERGENCY, ALL_MAX_UNRELATED)):
        for lang, floor in right.items():
            ok, n = part.share(lang)
            assert ok / n >= floor, part.summary()
        ok, n = part.share(kind="not_covered")
        assert ok / n >= honest, part.summary()
        ok, n = part.share(kind="emergency")
        assert ok / n >= emergency, part.summary()
        assert len(part.unrelated()) <= unrelated, part.summary()
