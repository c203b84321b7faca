"""The letter for relatives (issue 14): its content (the medical texts are approved answers,
referenced, not copied; the sentence no source states is a draft), the builder over a
published bundle (a draft sentence absent until a counsellor approves it and it is
published, present after), the PDF and QR text, and the action through CollectingDispatcher."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from actions.letter import ActionLetter
from bot.config.paths import CONTENT_DIR, TRANSLATIONS_DIR
from bot.config.settings import Settings
from bot.content.build import publish
from bot.content.catalog import Translations
from bot.content.checks import content_problems
from bot.content.content import Content, load_content
from bot.content.review import Workspace, approve
from bot.conversation.published import PublishedRenderer
from bot.conversation.render import Renderer
from bot.decision_aid import letter as letters
from bot.decision_aid.summary import QR_MAX_BYTES
from tests.test_actions import run, tracker

SIBLINGS = {
    "nl": "Broers en zussen van iemand die drager is van SMARD, kunnen ook drager zijn.",
    "en": "Brothers and sisters of someone who is a carrier of SMARD may be carriers too.",
}
NO_SYMPTOMS = {
    "nl": "Dragers hebben zelf geen verschijnselen van SMARD.",
    "en": "Carriers have no symptoms of SMARD themselves.",
}


def _workspace(tmp_path: Path) -> Workspace:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    shutil.copytree(TRANSLATIONS_DIR, tmp_path / "translations")
    (tmp_path / "content" / "review-log.jsonl").unlink(missing_ok=True)
    return Workspace(tmp_path / "content", tmp_path / "translations")


def _texts(content: Content) -> list[tuple[str, str]]:
    """(answer id, field) of every text the letter names."""
    refs = content.answers[letters.LETTER_ID].letter
    return [(r.partition(".")[0], r.partition(".")[2] or "short") for r in refs]


def test_the_letter_reuses_approved_answers_and_its_unsourced_sentence_is_a_draft(
    content: Content,
) -> None:
    named = _texts(content)
    ids = [answer_id for answer_id, _ in named]
    # what the condition is, how it is inherited, what a carrier is, where to ask: the served
    # answers themselves, so no fact of the letter exists twice
    for answer_id in ("smard_what", "smard_inheritance", "smard_carrier", "letter_ask"):
        assert answer_id in ids, answer_id
    for answer_id, name in named:
        answer = content.answers[answer_id]
        assert name in answer.texts(), (answer_id, name)
        if answer.kind == "medical" and answer.review.approved:
            assert any(not r.parts or name in r.parts for r in answer.sources if r.quotes), (
                answer_id
            )
    siblings = content.answers["letter_siblings"]
    assert not siblings.review.approved and siblings.kind == "medical"
    assert siblings.sources and siblings.sources[0].quotes  # the sentences it is drawn from
    # the leaflet: carriers have no symptoms, and the letter says so
    assert (
        "Dragers hebben geen verschijnselen van de aandoening."
        in content.answers["smard_carrier"].sources[0].quotes
    )
    assert NO_SYMPTOMS["nl"] in content.answers["smard_carrier"].short


def test_a_letter_naming_an_unknown_text_is_a_content_problem(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    path = ws.content_dir / "answers" / "letter.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    - smard_more_info\n",
            "    - smard_more_info\n    - smard_what.nonsense\n    - no_such_answer\n",
            1,
        ),
        encoding="utf-8",
    )
    problems = [
        p
        for p in content_problems(load_content(ws.content_dir), Translations(ws.translations_dir))
        if "letter names" in p
    ]
    assert problems == [
        "letter.yml:smard_letter: letter names unknown text 'smard_what.nonsense'",
        "letter.yml:smard_letter: letter names unknown text 'no_such_answer'",
    ], problems


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_published_letter_holds_the_vetted_texts_and_not_the_draft(
    renderer: Renderer, lang: str
) -> None:
    letter = letters.compose(renderer, lang)
    assert letter is not None and letter.language == lang
    answers = renderer.content.answers
    for answer_id in ("smard_what", "smard_inheritance", "smard_carrier"):
        assert letters.plain(renderer.field(answers[answer_id], "short", lang)) in letter.paragraphs
    assert renderer.field(answers["smard_carrier"], "more", lang) in letter.paragraphs
    assert NO_SYMPTOMS[lang] in " ".join(letter.paragraphs)
    assert SIBLINGS[lang] not in " ".join(letter.paragraphs)
    settings = renderer.settings
    assert any(
        settings.clinic_phone in p and settings.placeholders(lang)["clinic_name"] in p
        for p in letter.paragraphs
    )
    # the links of the leaflet's "more information" as plain addresses, no markdown
    assert not any("](" in p for p in letter.paragraphs)
    assert "https://smauk.org.uk/smard-information" in " ".join(letter.paragraphs)
    # one source line per cited section and date (inheritance and carrier share theirs)
    assert letter.sources and len(letter.sources) == len(set(letter.sources))
    assert all(s.startswith("Bron: " if lang == "nl" else "Source: ") for s in letter.sources)
    assert "{names}" in letter.greeting and "{" not in letter.greeting_blank
    assert set(letter.labels) == set(letters.LABELS)


def test_the_draft_sentence_joins_the_letter_only_once_approved_and_published(
    tmp_path: Path, settings: Settings
) -> None:
    ws, state = _workspace(tmp_path), tmp_path / "state"
    publish(ws.content_dir, ws.translations_dir, state)
    published = PublishedRenderer(settings, state)

    def text(lang: str) -> str:
        letter = letters.compose(published.get(), lang)
        assert letter is not None
        return " ".join(letter.paragraphs)

    assert SIBLINGS["nl"] not in text("nl") and SIBLINGS["en"] not in text("en")
    # the draft's text is not even in the bundle parents are served
    assert "short" not in published.get().content.answers["letter_siblings"].texts()
    approve(ws, "letter_siblings", "J. de Vries", dt.date(2026, 12, 4))
    assert SIBLINGS["nl"] not in text("nl")  # approved, not yet published
    publish(ws.content_dir, ws.translations_dir, state)
    assert SIBLINGS["nl"] in text("nl") and SIBLINGS["en"] in text("en")
    # its order in the letter: after what a carrier is, before where to ask
    paragraphs = letters.compose(published.get(), "nl").paragraphs  # type: ignore[union-attr]
    at = paragraphs.index(SIBLINGS["nl"])
    assert NO_SYMPTOMS["nl"] in " ".join(paragraphs[:at]) and "telefoon" in paragraphs[at + 1]
    assert load_content(ws.content_dir).answers["letter_siblings"].review.by == "J. de Vries"


def test_no_letter_while_the_letter_answer_is_a_draft(tmp_path: Path, settings: Settings) -> None:
    ws, state = _workspace(tmp_path), tmp_path / "state"
    path = ws.content_dir / "answers" / "letter.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "review: {state: approved, by: Projectteam, date: 2026-12-04}\n"
            "  short: |-\n    Hier is een korte brief",
            "review: {state: draft, by: null, date: null}\n"
            "  short: |-\n    Hier is een korte brief",
            1,
        ),
        encoding="utf-8",
    )
    publish(ws.content_dir, ws.translations_dir, state)
    renderer = PublishedRenderer(settings, state).get()
    assert not renderer.content.answers[letters.LETTER_ID].review.approved
    assert letters.compose(renderer, "nl") is None
    assert letters.compose(renderer, "de") is None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_has_the_letter_and_write_in_space_and_the_qr_text_fits(
    renderer: Renderer, lang: str
) -> None:
    letter = letters.compose(renderer, lang)
    assert letter is not None
    pdf = PdfReader(io.BytesIO(letters.as_pdf(letter)))
    squashed = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
    for line in [letter.title, *letter.paragraphs, letter.closing, *letter.sources]:
        assert re.sub(r"\s+", "", line) in squashed, line
    assert re.sub(r"\s+", "", letter.greeting.replace("{names}", letters.BLANK)) in squashed
    text = letters.as_text(letter)
    assert len(text.encode("utf-8")) <= QR_MAX_BYTES
    assert letter.greeting_blank in text and "{names}" not in text
    assert all(p in text for p in letter.paragraphs)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_action_offers_the_letter_for_smard_and_is_honest_for_sma(lang: str) -> None:
    words = "brief voor familie" if lang == "nl" else "letter for relatives"
    [m], events = run(
        ActionLetter(), tracker(words, "ask_letter", slots={"language": lang, "condition": "smard"})
    )
    assert m["custom"]["topic"] == letters.LETTER_ID and m["custom"]["letter"] == {"language": lang}
    assert ("Hier is een korte brief" if lang == "nl" else "Here is a short letter") in m["text"]
    [m], _ = run(ActionLetter(), tracker("/ask_letter", "ask_letter", metadata={"language": lang}))
    assert m["custom"]["letter"] == {"language": lang}  # condition unknown: the letter names SMARD
    [m], _ = run(
        ActionLetter(), tracker(words, "ask_letter", slots={"language": lang, "condition": "sma"})
    )
    assert m["custom"]["topic"] == "letter_sma" and "letter" not in m["custom"]
    assert ("alleen voor SMARD" if lang == "nl" else "only available for SMARD") in m["text"]


def test_the_letter_button_follows_inheritance_carrier_and_the_summary(renderer: Renderer) -> None:
    answers = renderer.content.answers
    for answer_id, lang, title in [
        ("smard_inheritance", "nl", "Brief voor familie"),
        ("smard_carrier", "en", "Letter for relatives"),
        ("summary", "nl", "Brief voor familie"),
    ]:
        [m] = renderer.answer(answers[answer_id], lang, condition="smard")
        assert {"title": title, "payload": "/ask_letter"} in m.buttons, (answer_id, m.buttons)
    [m] = renderer.answer(answers["summary"], "nl", condition="sma")  # never for SMA
    assert all(b["payload"] != "/ask_letter" for b in m.buttons)
