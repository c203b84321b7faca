"""Turns content into the messages a parent receives, in one language.

Used by the Rasa actions (what parents get) and by previews, so both always agree. A text
is served only when its Dutch source is approved and its translation is current; otherwise
the parent gets an honest "not checked yet" / "not translated yet" and the counsellor's route.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from bot.content.build import audio_key
from bot.content.content import CONDITIONS
from bot.content.schema import Answer
from bot.conversation.answer_texts import HANDOFF_ID, AnswerTexts
from bot.conversation.comparison import comparison_table
from bot.conversation.dutch_names import dutch_names
from bot.conversation.message import LAST_RESORT, Message, Untranslated
from bot.conversation.pictures import picture_reference


class Renderer(AnswerTexts):
    """Renders answers for one content/catalog/settings combination as the messages a parent
    gets (the texts themselves: AnswerTexts)."""

    # -- whole messages ----------------------------------------------------------------
    def answer(
        self,
        answer: Answer,
        lang: str,
        layer: str = "short",
        condition: Optional[str] = None,
        draft_preview: bool = False,
        note: Optional[str] = None,
        offer: tuple[Answer, ...] = (),
    ) -> list[Message]:
        """The messages for `answer` in `lang`; honest notices for drafts and stale texts.

        `draft_preview` renders an unapproved answer as it would look once approved: for the
        counsellor console only (parents are served from the published bundle, which holds
        no draft texts at all). `note` is an interface text added under the answer (e.g.
        "discuss your own situation"); `offer` are further answers offered first as buttons.
        """
        if not answer.review.approved and not draft_preview:
            return self._notice("not_checked", lang, requested=answer, status="draft")
        if layer == "more" and not answer.more:
            layer = "short"
        try:
            text = self._body(answer, lang, layer)
            source = self.source_line(answer, lang)
            buttons = self._buttons(answer, lang, layer, condition)
            if note:
                text = f"{text}\n\n{self.ui(note, lang)}"
            payloads = {b["payload"] for b in buttons}
            for extra in reversed(offer):
                button = self._button(extra, lang)
                if (
                    extra.review.approved
                    and extra.id != answer.id
                    and button["payload"] not in payloads
                ):
                    buttons.insert(0, button)
            table = comparison_table(self, answer, lang) if answer.comparison else None
        except Untranslated:
            return self._notice("not_translated", lang, requested=answer, status="untranslated")
        if source:
            text = f"{text}\n\n_{source}_"
        custom: dict[str, Any] = {
            "topic": answer.id,
            "layer": layer,
            "language": lang,
            "kind": answer.kind,
            "condition": condition,
            "status": "served" if answer.review.approved else "draft",
            "sources": [
                {"doc": doc, "file": self.content.sources[doc].file, "section": section}
                for doc, section in dict.fromkeys((r.doc, r.section) for r in answer.sources)
            ],
            "reviewed": answer.review.date.isoformat() if answer.review.date else None,
        }
        if lang != "nl":  # the Dutch names an English reply keeps, to be marked lang="nl"
            rows = table["rows"] if table else []
            english = " ".join([text] + [c["text"] for r in rows for c in r["cells"]])
            related = [answer] + [self.content.answers[r["answer"]] for r in rows]
            custom["dutch"] = dutch_names(self.content, related, english)
        if note:
            custom["note"] = note  # the interface text added under the answer
        if answer.picture:
            custom["picture"] = picture_reference(answer, lang, self.ui, self.pictures_at)
        if table:
            custom["comparison"] = table
        custom.update(self.read_aloud(answer.id, f"{layer}+{note}" if note else layer, lang))
        return [Message(text, buttons, custom)]

    def read_aloud(self, answer_id: str, layer: str, lang: str) -> dict[str, Any]:
        """{"audio": {"src": …}}: where the layer's published audio is served, else {}."""
        name = self.audio.get(audio_key(answer_id, layer, lang))  # none: draft, stale, no engine
        if name is None:
            return {}
        return {"audio": {"src": f"/audio/{answer_id}/{layer}.{lang}.{name.rsplit('.', 1)[-1]}"}}

    def _notice(self, notice_id: str, lang: str, requested: Answer, status: str) -> list[Message]:
        notice = self.content.answers[notice_id]
        custom = {
            "topic": requested.id,
            "layer": "short",
            "language": lang,
            "kind": notice.kind,
            "status": status,
            "notice": notice_id,
            **self.read_aloud(notice_id, "short", lang),
        }
        try:
            return [
                Message(
                    self._body(notice, lang, "short"), self._buttons(notice, lang, "short"), custom
                )
            ]
        except Untranslated:
            return [Message(LAST_RESORT[lang], [], custom)]

    def _subject(self, intent: str, lang: str) -> str:
        key = f"subject_{intent}"
        return self.ui(key if key in self.content.ui else "subject_default", lang)

    def not_covered(
        self,
        kind: str,
        intent: str,
        offered: list[Answer],
        lang: str,
        condition: Optional[str] = None,
    ) -> list[Message]:
        """The honest reply to a kind of question that no approved answer covers: it names
        what was asked, offers the nearest answers as buttons (never as if they answered),
        and the counsellor."""

        def text() -> str:
            asked = self.ui(f"kind_{kind}", lang).format(subject=self._subject(intent, lang))
            return (
                self.ui("not_covered", lang).format(asked=asked)
                + "\n\n"
                + self.ui_filled("not_covered_offer", lang)
            )

        return self._offer(
            "not_covered", text, offered, lang, condition, asked={"intent": intent, "kind": kind}
        )

    def unsure(
        self, offered: list[Answer], lang: str, condition: Optional[str] = None
    ) -> list[Message]:
        """Not sure which topic a question is about: ask, with the likely topics as buttons
        and the counsellor; no medical text is served meanwhile."""
        return self._offer(
            "unsure", lambda: self.ui_filled("unsure", lang), offered, lang, condition
        )

    def _offer(
        self,
        notice: str,
        text: Callable[[], str],
        offered: list[Answer],
        lang: str,
        condition: Optional[str],
        **details: Any,
    ) -> list[Message]:
        """A reply that serves no medical text: `text`, the offered answers as buttons, and
        the counsellor."""
        try:
            body = text()
            buttons = [self._button(a, lang) for a in offered if a.review.approved]
            buttons.append(self._button(self.content.answers[HANDOFF_ID], lang))
        except Untranslated:
            return [Message(LAST_RESORT[lang], [], {"topic": notice, "language": lang})]
        return [
            Message(
                body,
                buttons,
                {
                    "topic": notice,
                    "layer": "short",
                    "language": lang,
                    "kind": "conversation",
                    "status": "served",
                    "notice": notice,
                    "condition": condition,
                    "offered": [a.id for a in offered],
                    **details,
                },
            )
        ]

    def other_condition(
        self, offered: Answer, condition: str, lang: str, requested: Optional[Answer] = None
    ) -> list[Message]:
        """The sources answer this only for the other condition (or this condition's text is
        still a draft): say so, offer the other condition's text as general information
        (one tap, keeping the conversation's condition), and the counsellor."""
        try:
            text = (
                self.ui(f"other_condition_{condition}", lang)
                + "\n\n"
                + self.ui("other_condition_offer", lang)
            )
            buttons = [
                {
                    "title": self.label(offered, lang),
                    "payload": f'/{offered.intents[0]}{{"topic":"{offered.id}"}}',
                },
                self._button(self.content.answers[HANDOFF_ID], lang),
            ]
        except Untranslated:
            return [Message(LAST_RESORT[lang], [], {"topic": "other_condition", "language": lang})]
        custom: dict[str, Any] = {
            "topic": requested.id if requested else "other_condition",
            "layer": "short",
            "language": lang,
            "kind": "conversation",
            "condition": condition,
            "status": "draft" if requested and not requested.review.approved else "served",
            "notice": "other_condition",
            "offered": [offered.id],
        }
        return [Message(text, buttons, custom)]

    def ask_condition(
        self, intent: str, lang: str, question_kind: Optional[str] = None
    ) -> list[Message]:
        """Ask whether the question is about SMARD or SMA; each button re-asks `intent`, with
        the kind of question asked (costs, pain, …) so the condition's answer can be judged."""
        notice = self.content.answers["ask_condition"]
        kind = f',"question_kind":"{question_kind}"' if question_kind else ""
        buttons = [
            {
                "title": self.ui(f"condition_{c}", lang),
                "payload": f'/{intent}{{"condition":"{c}"{kind}}}',
            }
            for c in CONDITIONS
        ]
        return [
            Message(
                self._body(notice, lang, "short"),
                buttons,
                {
                    "topic": "ask_condition",
                    "language": lang,
                    "kind": "conversation",
                    "status": "served",
                    "intent": intent,
                    **self.read_aloud(notice.id, "short", lang),
                },
            )
        ]


__all__ = ["HANDOFF_ID", "Message", "Renderer", "Untranslated"]
