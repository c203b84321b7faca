"""The printable review document: every approved answer is in it, in both languages, with
drafts marked. Checked by reading the generated PDF back (pypdf), not by trusting the code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from bot.config.paths import ROOT
from bot.config.settings import Settings
from bot.content.catalog import get_translations
from bot.content.content import Content
from bot.content.review_pdf import review_pdf
from bot.content.schema import Answer

ARTIFACT = ROOT / "test-artifacts" / "review.pdf"
TODAY = dt.date(2026, 11, 22)


def _compact(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines wherever the layout did."""
    return re.sub(r"\s+", "", text)


def _excerpt(text: str, length: int = 40) -> str:
    """The first `length` characters of the first sizeable literal stretch of `text`.

    Placeholders ({chance}) are filled in the document, so the excerpt avoids them.
    """
    chunks = [c.strip() for c in re.split(r"\{\w+\}", text)]
    chunk = next((c for c in chunks if len(c) >= 15), max(chunks, key=len))
    return chunk[:length]


def _body_sample(answer: Answer) -> str:
    texts = answer.texts()
    parts = [v for k, v in texts.items() if k.startswith("part.")]
    return _excerpt(texts.get("short") or (parts[0] if parts else texts["label"]))


@pytest.fixture(scope="module")
def pdf(content: Content, settings: Settings) -> bytes:
    data = review_pdf(content, get_translations(), settings, today=TODAY)
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_bytes(data)  # kept for people to look at
    return data


@pytest.fixture(scope="module")
def sections(pdf: bytes, content: Content) -> dict[str, str]:
    """Each answer's section of the extracted text (compacted), found in content order."""
    text = _compact("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    starts = []
    pos = 0
    for answer in content.answers.values():
        heading = _compact(f"{answer.id} — {_excerpt(answer.label, 20)}")
        pos = text.find(heading, pos)
        assert pos >= 0, f"no section heading for {answer.id}"
        starts.append((answer.id, pos))
    ends = [p for _, p in starts[1:]] + [len(text)]
    return {"": text, **{aid: text[p:end] for (aid, p), end in zip(starts, ends)}}


def test_is_a_pdf_with_a_title_page(pdf: bytes, sections: dict[str, str]) -> None:
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 5
    whole = sections[""]
    assert _compact("Content review — SMARD / SMA keuzehulp") in whole
    assert TODAY.isoformat() in whole
    assert _compact("page 2") in whole


def test_the_document_shows_the_content_it_is_given(content: Content, settings: Settings) -> None:
    """The text checks below can fail: change one approved answer's Dutch text and the
    document shows the new text in that answer's section, and the old one nowhere."""
    answer = next(
        a for a in content.answers.values() if a.review.approved and a.short and "{" not in a.short
    )
    marker = "Zwarte kat op de maan in achttienhonderdzevenennegentig."
    answers = [
        dataclasses.replace(a, short=marker) if a.id == answer.id else a
        for a in content.answers.values()
    ]
    changed = Content(answers, content.ui, content.flows, content.sources)
    reader = PdfReader(io.BytesIO(review_pdf(changed, get_translations(), settings, today=TODAY)))
    text = _compact("\n".join(page.extract_text() for page in reader.pages))
    assert _compact(marker) in text
    assert _compact(_excerpt(answer.short)) not in text


def test_every_approved_answer_is_there_in_both_languages(
    content: Content, sections: dict[str, str]
) -> None:
    translations = get_translations()
    approved = [a for a in content.answers.values() if a.review.approved]
    assert len(approved) >= 40
    for answer in approved:
        section = sections[answer.id]
        assert answer.id in section
        assert _compact(_body_sample(answer)) in section, f"Dutch text of {answer.id}"
        english = translations.get("en", f"{answer.id}.label", answer.label)
        assert english, f"approved answer {answer.id} has no current English label"
        assert _compact(english) in section, f"English label of {answer.id}"
        assert _compact("not served to parents") not in section, answer.id


def test_drafts_are_marked(content: Content, sections: dict[str, str]) -> None:
    drafts = [a for a in content.answers.values() if not a.review.approved]
    for answer in drafts:
        marker = _compact(f"{answer.review.state.upper()} — not served to parents")
        assert marker in sections[answer.id], answer.id


def test_sources_are_cited(content: Content, sections: dict[str, str]) -> None:
    for answer in content.answers.values():
        for ref in answer.sources:
            cited = _compact(f"{content.sources[ref.doc].title} — {ref.section}")
            assert cited in sections[answer.id], f"{answer.id}: {ref}"


def test_odd_characters_and_markup_do_not_break_it(content: Content, settings: Settings) -> None:
    """Characters outside WinAnsi and reportlab markup in a text must not raise."""
    answer = next(a for a in content.answers.values() if a.short)
    odd = dataclasses.replace(answer, id="odd_one", short="kans ≥ 1 → <b>x & y</b> 😀 {nope}")
    odd_content = Content([odd], content.ui, {}, content.sources)
    text = "".join(
        p.extract_text()
        for p in PdfReader(
            io.BytesIO(review_pdf(odd_content, get_translations(), settings, today=TODAY))
        ).pages
    )
    assert "<b>x & y</b>" in text and "{nope}" in text


def test_example_approvals_are_marked_as_such(content: Content, sections: dict[str, str]) -> None:
    """ "Projectteam" approvals are the example content's, not a named counsellor's (issue 15)."""
    example = _compact("example approval (Projectteam), not yet approved by a named counsellor")
    for a in content.answers.values():
        assert (example in sections[a.id]) == a.review.example, a.id
    assert any(a.review.example for a in content.answers.values())


def test_the_cited_sentences_are_in_the_document(sections: dict[str, str]) -> None:
    assert _compact("“Die kans is voor ieder kind 25% (1 op 4).”") in sections["smard_chance"]


def _document_keys() -> set[str]:
    """The review_pdf_* keys the document's code names: t("key") calls, and the families it
    builds (t(f"col_…"), t(f"translation_…"))."""
    code = "".join(
        (ROOT / "bot" / "content" / name).read_text(encoding="utf-8")
        for name in ("review_pdf.py", "review_pdf_front.py")
    )
    keys = set(re.findall(r"""\bt\(\s*["'](\w+)["']""", code))
    keys |= set(re.findall(r"""["'](signed_by|role|date|signature)["']""", code))
    keys |= {
        f"col_{c}" for c in ("answer", "kind", "condition", "review", "english", "readability")
    }
    keys |= {f"translation_{s}" for s in ("current", "stale", "missing")}
    keys |= {"mark_missing", "mark_stale"}
    return {f"review_pdf_{k}" for k in keys}


def test_the_documents_texts_live_in_the_catalogs(content: Content) -> None:
    """Every text the document writes itself is a review_pdf_* interface text with a current
    English translation, and every such text is used (one place for each, as for the pages)."""
    from bot.content.catalog import CURRENT

    used = _document_keys()
    assert len(used) > 40
    catalogs = get_translations()
    missing = sorted(k for k in used if k not in content.ui)
    assert not missing, f"named by the code but not in content/ui.yml: {missing}"
    stale = sorted(k for k in used if catalogs.state("en", f"ui.{k}", content.ui[k]) != CURRENT)
    assert not stale, f"English not current: {stale}"
    unused = sorted(k for k in content.ui if k.startswith("review_pdf_") and k not in used)
    assert not unused, f"in content/ui.yml but used nowhere: {unused}"


def test_the_document_speaks_the_consoles_language(content: Content, settings: Settings) -> None:
    """In Dutch its own headings are Dutch (the answers' texts stay as they are: both languages)."""
    data = review_pdf(content, get_translations(), settings, today=TODAY, lang="nl")
    text = _compact("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    for dutch in (
        "Inhoudscontrole — keuzehulp SMARD / SMA",
        "Alle antwoorden",
        "pagina 2",
        "Ondertekening",
        "Controlestatus",
    ):
        assert _compact(dutch) in text, dutch
    for english in ("All answers", "Sign-off", "Review state"):
        assert _compact(english) not in text, english
