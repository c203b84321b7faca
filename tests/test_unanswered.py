"""Unanswered questions: kept only when turned on, without identifying data, and purged."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from actions import answer, runtime
from bot.config.config import Config
from bot.config.paths import ROOT
from bot.config.settings import load_settings
from bot.stores.unanswered import UnansweredStore, scrub
from tests.test_actions import run, tracker

TODAY = dt.date(2026, 11, 22)


def test_scrub_blanks_contact_details() -> None:
    assert (
        scrub("mail me: jan.jansen@example.nl of bel 06-12345678 aub")
        == "mail me: [e-mail] of bel [telefoon] aub"
    )
    assert len(scrub("x" * 2000)) == 500


def test_record_list_mark_and_retention(tmp_path: Path) -> None:
    store = UnansweredStore(retention_days=30, path=tmp_path / "u.db")
    store.record("waar kan ik parkeren", "nl", TODAY - dt.timedelta(days=31))
    store.record("what is the weather", "en", TODAY)
    [q] = store.list(TODAY)  # the 31-day-old one is gone
    assert (q.text, q.language, q.status) == ("what is the weather", "en", "open")
    assert store.mark(q.id, "out_of_scope")
    assert store.list(TODAY)[0].status == "out_of_scope"
    with pytest.raises(ValueError):
        store.mark(q.id, "whatever")
    columns = [
        r[1] for r in sqlite3.connect(tmp_path / "u.db").execute("PRAGMA table_info(questions)")
    ]
    # nothing that identifies anyone: no sender, address or time of day
    assert columns == ["id", "asked_on", "language", "text", "status", "topic", "subject", "kind"]


def test_grouped_by_subject_and_kind(tmp_path: Path) -> None:
    store = UnansweredStore(retention_days=30, path=tmp_path / "u.db")
    store.record("wat kost pgt", "nl", TODAY, subject="ask_pgt", kind="cost")
    store.record("how much is PGT", "en", TODAY, subject="ask_pgt", kind="cost")
    store.record(
        "does the heel prick hurt", "en", TODAY, subject="sma_positive_screening", kind="pain"
    )
    store.record("weather?", "en", TODAY)
    assert store.by_subject_and_kind(TODAY) == [
        ("ask_pgt", "cost", 2),
        ("-", "-", 1),
        ("sma_positive_screening", "pain", 1),
    ]
    store.mark(store.list(TODAY)[0].id, "out_of_scope")  # only open questions are grouped
    assert sum(n for _, _, n in store.by_subject_and_kind(TODAY)) == 3


def test_a_store_from_before_subject_and_kind_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE questions (id INTEGER PRIMARY KEY, asked_on TEXT, language TEXT, "
            "text TEXT, status TEXT DEFAULT 'open', topic TEXT)"
        )
        conn.execute(
            "INSERT INTO questions (asked_on, language, text) VALUES (?, 'nl', 'oud')",
            (TODAY.isoformat(),),
        )
    store = UnansweredStore(retention_days=30, path=path)
    store.record("wat kost pgt", "nl", TODAY, subject="ask_pgt", kind="cost")
    assert {(q.text, q.kind) for q in store.list(TODAY)} == {
        ("oud", None),
        ("wat kost pgt", "cost"),
    }


def test_off_by_default() -> None:
    # The test clinic turns it on (conftest); the shipped defaults keep nothing.
    settings = load_settings(ROOT / "clinic.example.yml")
    assert settings.keep_unanswered is False and settings.unanswered_retention_days == 30


def test_the_fallback_keeps_the_question_only_when_turned_on(
    config: Config, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "unanswered.db"
    url = f"sqlite:///{path}"  # the settings' database URL, as production names PostgreSQL
    store = UnansweredStore(30, path=path)
    monkeypatch.setattr(
        runtime,
        "action_config",
        lambda: config.with_settings(keep_unanswered=False, unanswered_db_url=url),
    )
    run(answer.ActionFallback(), tracker("hoe laat is de kantine open", "out_of_scope"))
    assert store.list(dt.date.today()) == []
    monkeypatch.setattr(
        runtime,
        "action_config",
        lambda: config.with_settings(keep_unanswered=True, unanswered_db_url=url),
    )
    run(answer.ActionFallback(), tracker("hoe laat is de kantine open", "out_of_scope"))
    run(answer.ActionAnswer(), tracker("wat is smard", "ask_what_is"))  # answered: not kept
    [q] = store.list(dt.date.today())
    assert q.text == "hoe laat is de kantine open" and q.language == "nl"


def test_a_kind_the_sources_do_not_answer_is_kept_with_its_subject_and_kind(
    config: Config, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "unanswered.db"
    monkeypatch.setattr(
        runtime,
        "action_config",
        lambda: config.with_settings(keep_unanswered=True, unanswered_db_url=f"sqlite:///{path}"),
    )
    run(
        answer.ActionAnswer(), tracker("hoeveel kost pgt?", "ask_pgt", slots={"condition": "smard"})
    )
    run(answer.ActionAnswer(), tracker('/ask_pgt{"condition":"smard"}', "ask_pgt"))  # a button
    [q] = UnansweredStore(30, path=path).list(dt.date.today())
    assert (q.text, q.subject, q.kind) == ("hoeveel kost pgt?", "ask_pgt", "cost")
