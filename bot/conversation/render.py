"""Turns content into the messages a parent receives, in one language.

Used by the Rasa actions (what parents get) and by previews, so both always agree. A text
is served only when its Dutch source is approved and its translation is current; otherwise
the parent gets an honest "not checked yet" / "not translated yet" and the counsellor's route.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from babel.lists import format_list

from bot.config.settings import Settings
from bot.content.catalog import Translations
from bot.content.content import CONDITIONS, PART_NAMES, Content
from bot.content.formatting import format_long_date, format_value, locale_of
from bot.content.schema import Answer
from bot.conversation.comparison import comparison_table
from bot.conversation.dutch_names import dutch_names
from bot.conversation.language import other
from bot.conversation.message import LAST_RESORT, Message, Untranslated
from bot.conversation.payloads import BEGIN, exercise_payload

HANDOFF_ID = "handoff"


class Renderer:
    """Renders answers for one content/catalog/settings combination; `pictures_at` is the
    address under which the surface serves the answers' pictures (the console draws its own,
    from the working copy)."""

    def __init__(self, content: Content, translations: Translations, settings: Settings,
                 pictures_at: str = "/pictures") -> None:
        self.content = content
        self.translations = translations
        self.settings = settings
        self.pictures_at = pictures_at

    # -- texts -------------------------------------------------------------------------
    def ui(self, key: str, lang: str) -> str:
        """An interface text in `lang`."""
        text = self.translations.get(lang, f"ui.{key}", self.content.ui[key])
        if text is None:
            raise Untranslated(f"ui.{key}")
        return text

    def _text(self, answer: Answer, field_name: str, source: str, lang: str) -> str:
        text = self.translations.get(lang, f"{answer.id}.{field_name}", source)
        if text is None:
            raise Untranslated(f"{answer.id}.{field_name}")
        # Format only the values this text uses (labels, for buttons, usually use none).
        values = {name: format_value(spec, lang, lambda k: self.ui(k, lang))
                  for name, spec in answer.values.items() if f"{{{name}}}" in text}
        return text.format(**values, **self.settings.placeholders(lang))

    def field(self, answer: Answer, name: str, lang: str) -> str:
        """One text of an answer (`label`, `short`, `part.risks`, `said.important`, …) in
        `lang`, with its values and the clinic's details filled in."""
        return self._text(answer, name, answer.texts()[name], lang)

    def ui_filled(self, key: str, lang: str, **values: str) -> str:
        """An interface text with its {placeholders} (and the clinic's details) filled in."""
        return self.ui(key, lang).format(**values, **self.settings.placeholders(lang))

    def label(self, answer: Answer, lang: str) -> str:
        """The button label that asks for `answer`."""
        return self._text(answer, "label", answer.label, lang)

    # -- pieces ------------------------------------------------------------------------
    def _body(self, answer: Answer, lang: str, layer: str) -> str:
        if layer == "more":
            return self._text(answer, "more", answer.more or "", lang)
        if answer.parts:
            lines = []
            for name in PART_NAMES:
                src = answer.parts.get(name)
                value = (self._text(answer, f"part.{name}", src, lang) if src
                         else self.ui("ask_counsellor", lang))
                lines.append(f"**{self.ui('part_' + name, lang)}** {value}")
            return "\n\n".join(lines)
        return self._text(answer, "short", answer.short or "", lang)

    def source_line(self, answer: Answer, lang: str) -> Optional[str]:
        """'Bron: … Gecontroleerd op …' for a medical answer, else None."""
        if not answer.sources or not answer.review.date:
            return None
        sections: dict[str, list[str]] = {}
        for ref in answer.sources:  # a section cited for several texts is named once
            names = sections.setdefault(ref.doc, [])
            if f"‘{ref.section}’" not in names:
                names.append(f"‘{ref.section}’")
        items = [self.ui("source_item", lang).format(
                    title=self.content.sources[doc].title,
                    sections=format_list(names, locale=locale_of(lang)))
                 for doc, names in sections.items()]
        return self.ui("source_line", lang).format(
            sources="; ".join(items), date=format_long_date(answer.review.date, lang))

    def _button(self, answer: Answer, lang: str, template: Optional[str] = None) -> dict[str, str]:
        title = self.label(answer, lang)
        if template:
            title = self.ui(template, lang).format(label=title)
        return {"title": title, "payload": self.content.button_payload(answer)}

    def _buttons(self, answer: Answer, lang: str, layer: str,
                 condition: Optional[str] = None) -> list[dict[str, str]]:
        buttons: list[dict[str, str]] = []
        seen: set[str] = {answer.id}
        if answer.exercise_start:
            buttons.append({"title": self.ui("values_begin", lang),
                            "payload": exercise_payload(BEGIN)})
        if layer == "short" and answer.more:
            buttons.append({"title": self.ui("more_detail", lang),
                            "payload": f'/more_detail{{"topic":"{answer.id}"}}'})
        flow = self.content.flow_of(answer.id)
        if flow:
            i = flow.index(answer.id)
            if i + 1 < len(flow):
                nxt = self.content.answers[flow[i + 1]]
                buttons.append(self._button(nxt, lang, "next_step"))
                seen.add(nxt.id)
            if i > 0:
                buttons.append(self._button(self.content.answers[flow[0]], lang, "back_to_start"))
                seen.add(flow[0])
        for target_id in answer.next:
            target = self.content.answers[target_id]
            if target_id in seen or not target.review.approved or _other_condition(target, condition):
                continue  # never offer the other condition's text as a next topic
            buttons.append(self._button(target, lang))
            seen.add(target_id)
        if answer.kind == "medical" and HANDOFF_ID not in seen:
            buttons.append(self._button(self.content.answers[HANDOFF_ID], lang))
        if answer.language_button:
            buttons.append({"title": self.ui("switch_language_button", lang),
                            "payload": f'/switch_language{{"language":"{other(lang)}"}}'})
        return buttons

    # -- whole messages ----------------------------------------------------------------
    def answer(self, answer: Answer, lang: str, layer: str = "short",
               condition: Optional[str] = None, draft_preview: bool = False,
               note: Optional[str] = None, offer: tuple[Answer, ...] = ()) -> list[Message]:
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
                if extra.review.approved and extra.id != answer.id \
                        and button["payload"] not in payloads:
                    buttons.insert(0, button)
            table = comparison_table(self, answer, lang) if answer.comparison else None
        except Untranslated:
            return self._notice("not_translated", lang, requested=answer, status="untranslated")
        if source:
            text = f"{text}\n\n_{source}_"
        custom: dict[str, Any] = {
            "topic": answer.id, "layer": layer, "language": lang, "kind": answer.kind,
            "condition": condition, "status": "served" if answer.review.approved else "draft",
            "sources": [{"doc": doc, "file": self.content.sources[doc].file, "section": section}
                        for doc, section in dict.fromkeys((r.doc, r.section)
                                                          for r in answer.sources)],
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
            custom["picture"] = self.picture(answer, lang)
        if table:
            custom["comparison"] = table
        return [Message(text, buttons, custom)]

    def picture(self, answer: Answer, lang: str) -> dict[str, str]:
        """Where the answer's picture is served, with its alternative text and caption."""
        spec = answer.picture or {}
        kind = spec["kind"]
        fields: dict[str, str] = {}
        if kind == "icon_array":
            value = answer.values[spec["value"]]
            fields = {"count": str(value["count"]),
                      "frequency": format_value({**value, "percent": False}, lang,
                                                lambda k: self.ui(k, lang))}
        return {"src": f"{self.pictures_at}/{answer.id}.svg",
                "alt": self.ui(f"picture_{kind}_alt", lang).format(**fields),
                "caption": self.ui(f"picture_{kind}_caption", lang).format(**fields)}

    def _notice(self, notice_id: str, lang: str, requested: Answer, status: str) -> list[Message]:
        notice = self.content.answers[notice_id]
        custom = {"topic": requested.id, "layer": "short", "language": lang,
                  "kind": notice.kind, "status": status, "notice": notice_id}
        try:
            return [Message(self._body(notice, lang, "short"), self._buttons(notice, lang, "short"),
                            custom)]
        except Untranslated:
            return [Message(LAST_RESORT[lang], [], custom)]

    def _subject(self, intent: str, lang: str) -> str:
        key = f"subject_{intent}"
        return self.ui(key if key in self.content.ui else "subject_default", lang)

    def not_covered(self, kind: str, intent: str, offered: list[Answer], lang: str,
                    condition: Optional[str] = None) -> list[Message]:
        """The honest reply to a kind of question that no approved answer covers: it names
        what was asked, offers the nearest answers as buttons (never as if they answered),
        and the counsellor."""
        def text() -> str:
            asked = self.ui(f"kind_{kind}", lang).format(subject=self._subject(intent, lang))
            return (self.ui("not_covered", lang).format(asked=asked) + "\n\n"
                    + self.ui_filled("not_covered_offer", lang))
        return self._offer("not_covered", text, offered, lang, condition,
                           asked={"intent": intent, "kind": kind})

    def unsure(self, offered: list[Answer], lang: str, condition: Optional[str] = None
               ) -> list[Message]:
        """Not sure which topic a question is about: ask, with the likely topics as buttons
        and the counsellor; no medical text is served meanwhile."""
        return self._offer("unsure", lambda: self.ui_filled("unsure", lang), offered, lang,
                           condition)

    def _offer(self, notice: str, text: Callable[[], str], offered: list[Answer], lang: str,
               condition: Optional[str], **details: Any) -> list[Message]:
        """A reply that serves no medical text: `text`, the offered answers as buttons, and
        the counsellor."""
        try:
            body = text()
            buttons = [self._button(a, lang) for a in offered if a.review.approved]
            buttons.append(self._button(self.content.answers[HANDOFF_ID], lang))
        except Untranslated:
            return [Message(LAST_RESORT[lang], [], {"topic": notice, "language": lang})]
        return [Message(body, buttons, {
            "topic": notice, "layer": "short", "language": lang, "kind": "conversation",
            "status": "served", "notice": notice, "condition": condition,
            "offered": [a.id for a in offered], **details})]

    def other_condition(self, offered: Answer, condition: str, lang: str,
                        requested: Optional[Answer] = None) -> list[Message]:
        """The sources answer this only for the other condition (or this condition's text is
        still a draft): say so, offer the other condition's text as general information
        (one tap, keeping the conversation's condition), and the counsellor."""
        try:
            text = (self.ui(f"other_condition_{condition}", lang) + "\n\n"
                    + self.ui("other_condition_offer", lang))
            buttons = [{"title": self.label(offered, lang),
                        "payload": f'/{offered.intents[0]}{{"topic":"{offered.id}"}}'},
                       self._button(self.content.answers[HANDOFF_ID], lang)]
        except Untranslated:
            return [Message(LAST_RESORT[lang], [], {"topic": "other_condition", "language": lang})]
        custom: dict[str, Any] = {
            "topic": requested.id if requested else "other_condition", "layer": "short",
            "language": lang, "kind": "conversation", "condition": condition,
            "status": "draft" if requested and not requested.review.approved else "served",
            "notice": "other_condition", "offered": [offered.id]}
        return [Message(text, buttons, custom)]

    def ask_condition(self, intent: str, lang: str, question_kind: Optional[str] = None
                      ) -> list[Message]:
        """Ask whether the question is about SMARD or SMA; each button re-asks `intent`, with
        the kind of question asked (costs, pain, …) so the condition's answer can be judged."""
        notice = self.content.answers["ask_condition"]
        kind = f',"question_kind":"{question_kind}"' if question_kind else ""
        buttons = [{"title": self.ui(f"condition_{c}", lang),
                    "payload": f'/{intent}{{"condition":"{c}"{kind}}}'} for c in CONDITIONS]
        return [Message(self._body(notice, lang, "short"), buttons,
                        {"topic": "ask_condition", "language": lang, "kind": "conversation",
                         "status": "served", "intent": intent})]


def _other_condition(answer: Answer, condition: Optional[str]) -> bool:
    """Whether `answer` is about the other condition than the conversation's (when known)."""
    return bool(condition) and answer.condition in CONDITIONS and answer.condition != condition


__all__ = ["HANDOFF_ID", "Message", "Renderer", "Untranslated"]
