"""What the page about the assistant says (/about): who made it and for whom, that it is not
medical advice, the sources and their dates, how content is reviewed and when it was last
reviewed, and what happens to conversation data. All texts come from the published content
and catalogs; the figures from the clinic's settings."""

from __future__ import annotations

from typing import Any

from bot.content.formatting import format_long_date, format_value
from bot.conversation.render import Renderer


def about(renderer: Renderer, lang: str, surface: str = "web") -> dict[str, Any]:
    """Everything the about page shows, in `lang`, on `surface` ("web" or "kiosk": each names
    its own button that erases the conversation)."""
    ui = lambda key, **v: renderer.ui_filled(key, lang, **v)  # noqa: E731
    content, settings = renderer.content, renderer.settings
    sources = []
    for doc in content.sources.values():
        date = (
            ui(
                "about_source_date",
                date=format_value(doc.date, lang, lambda k: renderer.ui(k, lang)),
            )
            if doc.date
            else ui("about_source_no_date")
        )
        sources.append({"title": doc.title, "file": doc.file, "date": date})
    reviewed = [
        a.review.date for a in content.answers.values() if a.review.approved and a.review.date
    ]
    unanswered = (
        ui("about_unanswered_on", days=str(settings.unanswered_retention_days))
        if settings.keep_unanswered
        else ui("about_unanswered_off")
    )
    hours = settings.retention_hours
    return {
        "lang": lang,
        "title": ui("about_title"),
        "sections": [
            {"title": ui("about_who_title"), "paragraphs": [ui("about_who")]},
            {"title": ui("about_advice_title"), "paragraphs": [ui("about_advice")]},
            {
                "title": ui("about_sources_title"),
                "paragraphs": [ui("about_sources")],
                "sources": sources,
            },
            {
                "title": ui("about_review_title"),
                "paragraphs": [
                    ui("about_review"),
                    ui("about_last_review", date=format_long_date(max(reviewed), lang)),
                ],
            },
            {
                "title": ui("about_data_title"),
                "paragraphs": [
                    ui("about_data_kiosk")
                    if surface == "kiosk"
                    else ui("about_data", hours=f"{hours:g}"),
                    unanswered,
                ],
            },
        ],
        "back": ui("about_back"),
        "other_lang": "en" if lang == "nl" else "nl",
        "other_label": "English" if lang == "nl" else "Nederlands",
    }
