"""The console's content review: the overview of every answer, one answer's page (Dutch and
English side by side, with sources, examples and previews), the decisions on it (approve,
send back, approve the translation), publishing, the audit log and the review document."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from typing import Any, Optional

from aiohttp import web

from bot.content.build import BuildRefused
from bot.content.catalog import TARGET_LANGUAGES
from bot.content.content import CONDITIONS
from bot.content.provenance import cited_sentences
from bot.content.report import AnswerReport, answer_reports, totals
from bot.content.review import (
    ReviewRefused,
    approve,
    approve_translation,
    audit,
    audit_entries,
    send_back,
)
from bot.content.review_pdf import review_pdf
from bot.content.schema import Answer
from bot.content.sources import section_texts
from bot.conversation.pictures import draw
from bot.conversation.read_aloud import publish_served
from bot.conversation.render import Renderer
from bot.web.console.console import PREFIX, console_of, session_of
from bot.web.console.examples import example_counts

FILTERS = ("all", "drafts", "stale", "overdue")


def _keep(report: AnswerReport, state: str, condition: str) -> bool:
    a = report.answer
    if condition in CONDITIONS + ("any",) and a.condition != condition:
        return False
    if state == "drafts":
        return not a.review.approved
    if state == "stale":
        return report.translation != "current"
    if state == "overdue":
        return report.review_overdue
    return True


async def overview(request: web.Request) -> web.Response:
    """GET /console/: every answer with review, translation, examples and readability."""
    console = console_of(request)
    content, translations = console.content(), console.translations()
    reports = answer_reports(content, translations)
    state = request.query.get("state", "all")
    state = state if state in FILTERS else "all"
    condition = request.query.get("condition", "")
    shown = [r for r in reports if _keep(r, state, condition)]
    todo = [r for r in reports if not r.answer.review.approved]  # parents get no answer here
    return console.page(
        request,
        "overview.html",
        nav="content",
        reports=shown,
        todo=todo,
        total=len(reports),
        summary=totals(reports),
        state=state,
        condition=condition,
        examples=example_counts(),
        conditions=CONDITIONS,
    )


def _previews(renderer: Renderer, answer: Answer) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The answer rendered as parents get it (drafts as they would be), per language and layer,
    with pictures from the working copy."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    layers = ["short", "more"] if answer.more else ["short"]
    for lang in ("nl", *TARGET_LANGUAGES):
        out[lang] = {
            layer: [m.as_dict() for m in renderer.answer(answer, lang, layer, draft_preview=True)]
            for layer in layers
        }
    return out


def _answer_page(
    request: web.Request, answer_id: str, status: int = 200, error: Optional[str] = None
) -> web.Response:
    console = console_of(request)
    content, translations = console.content(), console.translations()
    answer = content.answers.get(answer_id)
    if answer is None:
        raise web.HTTPNotFound(text=console.texts(request).plain("console_page_no_such_answer"))
    [report] = [r for r in answer_reports(content, translations) if r.answer.id == answer_id]
    sections = section_texts(content, console.config.paths.sources_dir)
    fields = []
    for name, dutch in answer.texts().items():
        ctx = f"{answer.id}.{name}"
        fields.append(
            {
                "name": name,
                "nl": dutch,
                "en": translations.get("en", ctx, dutch),
                "en_draft": translations.draft("en", ctx),
                "state": translations.state("en", ctx, dutch),
                # The source sentences this text rests on, so it is approved against the evidence.
                "quotes": cited_sentences(content, answer, name, sections),
            }
        )
    sources = [
        {
            "title": content.sources[r.doc].title,
            "file": content.sources[r.doc].file,
            "section": r.section,
            "text": sections.get((r.doc, r.section)),
        }
        for r in answer.sources
    ]
    counts = example_counts()
    examples = {intent: counts.get(intent, {}) for intent in answer.intents}
    renderer = console.renderer(content, translations)
    return console.page(
        request,
        "answer.html",
        status=status,
        nav="content",
        answer=answer,
        report=report,
        fields=fields,
        sources=sources,
        examples=examples,
        error=error,
        # Inside a <script type="application/json">: "<" escaped so no text can close it.
        previews=json.dumps(_previews(renderer, answer), ensure_ascii=False).replace(
            "<", "\\u003c"
        ),
        history=audit_entries(console.workspace, answer.id),
        flow=content.flow_of(answer.id),
    )


async def answer_page(request: web.Request) -> web.Response:
    """GET /console/answers/{id}: one answer, Dutch and English side by side."""
    return _answer_page(request, request.match_info["id"])


async def decide(request: web.Request) -> web.StreamResponse:
    """POST /console/answers/{id}/{approve|send-back|approve-translation}"""
    console = console_of(request)
    answer_id, action = request.match_info["id"], request.match_info["action"]
    form = await request.post()
    by = session_of(request).account.display_name
    today = dt.date.today()
    try:
        if action == "approve":
            approve(console.workspace, answer_id, by, today)
            done = "approved"
        elif action == "send-back":
            send_back(console.workspace, answer_id, by, today, str(form.get("comment", "")))
            done = "sent_back"
        elif action == "approve-translation":
            texts = {k[len("text.") :]: str(v) for k, v in form.items() if k.startswith("text.")}
            approve_translation(console.workspace, answer_id, "en", texts, by, today)
            done = "translation"
        else:
            raise web.HTTPNotFound()
    except ReviewRefused as refused:
        error = console.texts(request).plain(
            f"console_page_refused_{refused.reason}", **refused.values
        )
        return _answer_page(request, answer_id, status=409, error=error)
    raise web.HTTPSeeOther(f"{PREFIX}/answers/{answer_id}?done={done}")


async def publish_now(request: web.Request) -> web.StreamResponse:
    """POST /console/publish: compile and put in force what is approved (bot/content/build.py)."""
    console = console_of(request)
    ws = console.workspace
    try:
        # In a worker thread: new texts are spoken first (read-aloud), and chats go on meanwhile.
        published = await asyncio.to_thread(
            publish_served, console.config, ws.content_dir, ws.translations_dir
        )
    except BuildRefused as refused:
        return console.page(
            request, "refused.html", status=409, nav="content", problems=refused.problems
        )
    audit(
        ws,
        {
            "action": "publish",
            "by": session_of(request).account.display_name,
            "fingerprint": published.fingerprint,
            "approved": published.approved,
        },
    )
    raise web.HTTPSeeOther(f"{PREFIX}/?done=published")


async def console_picture(request: web.Request) -> web.Response:
    """GET /console/pictures/{id}.svg: an answer's picture from the working copy (drafts too)."""
    answer = console_of(request).content().answers.get(request.match_info["id"])
    if answer is None or not answer.picture:
        raise web.HTTPNotFound()
    return web.Response(text=draw(answer.picture, answer.values), content_type="image/svg+xml")


async def audit_page(request: web.Request) -> web.Response:
    """GET /console/audit: every review decision and publish, newest first."""
    console = console_of(request)
    return console.page(
        request, "audit.html", nav="audit", entries=audit_entries(console.workspace)
    )


async def review_document(request: web.Request) -> web.Response:
    """GET /console/review.pdf: all answers, sources and review states, both languages."""
    console = console_of(request)
    pdf = review_pdf(
        console.content(),
        console.translations(),
        console.settings,
        lang=console.texts(request).lang,  # the console's language
    )
    return web.Response(
        body=pdf,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="content-review-{dt.date.today()}.pdf"'
        },
    )
