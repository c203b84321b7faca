"""Held-out questions, written apart from the training data, sent to the running assistant in
fresh conversations without metadata.

- questions.yml: the first set (180), also used while choosing the classifier and the scope gate;
- questions_blind.yml: a second set (100), written afterwards and not used for any choice.
The targets apply to both sets together and to each language; each set is reported on its own.
"""
from __future__ import annotations

from bot.evaluate import HELDOUT, HELDOUT_BLIND, Report, heldout_report


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
