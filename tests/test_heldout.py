"""Held-out questions, written apart from the training data, sent to the running assistant in
fresh conversations without metadata.

- questions.yml: the first set (180), also used while choosing the classifier and the scope gate;
- questions_blind.yml: a second set (100), written afterwards and not used for any choice.
The targets apply to both sets together and to each language; each set is reported on its own.
"""

from __future__ import annotations

from bot.ops.evaluate import HELDOUT, HELDOUT_BLIND, Report, Result, heldout_report


def test_heldout_questions_meet_the_targets(rest_url: str, report_figure) -> None:  # type: ignore[no-untyped-def]
    first = heldout_report(url=rest_url, path=HELDOUT)
    blind = heldout_report(url=rest_url, path=HELDOUT_BLIND)
    both = Report(first.results + blind.results)
    report_figure("Held-out questions (first set)", first.summary())
    report_figure("Held-out questions (blind set)", blind.summary())
    report_figure("Held-out questions (both sets)", both.summary())
    assert sum(r.lang == "nl" for r in both.results) >= 60
    assert sum(r.lang == "en" for r in both.results) >= 60
    assert len(both.out_of_scope) >= 20
    assert not both.wrong_language(), both.summary()
    assert not both.medical_on_out_of_scope(), both.summary()
    assert both.meets_targets(), both.summary()


def _result(lang: str, reply: object, told: bool = True) -> Result:
    return Result(lang, "q", "smard_what", "smard_what", "medical", reply, 0.05, told)  # type: ignore[arg-type]


def test_wrong_language_is_judged_by_the_labels_not_the_detector(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A detector that never decides must not hide English questions answered in Dutch.
    import bot.conversation.language

    monkeypatch.setattr(bot.conversation.language, "detect", lambda text: None)
    report = Report(
        [
            _result("en", "nl"),
            _result("en", "en"),
            _result("nl", "nl"),
            _result("nl", "en"),
            _result("nl", None),
            _result("en", "nl", told=False),
        ]
    )
    wrong = report.wrong_language()
    assert [(r.lang, r.reply_language) for r in wrong] == [("en", "nl"), ("nl", "en"), ("nl", None)]


def test_only_labelled_questions_are_not_judged_for_language() -> None:
    import yaml

    for path in (HELDOUT, HELDOUT_BLIND):
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
        undecidable = [q["text"] for q in items if q.get("language_undecidable")]
        assert len(undecidable) <= 2, undecidable
        assert all(q["lang"] in ("nl", "en") for q in items)
