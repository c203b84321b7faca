"""An answer's texts in one language: interface texts, fields with their values filled in,
labels, the source line and the buttons, each served only when its Dutch source is approved
and its translation current (else `Untranslated`). `Renderer` (render.py) builds the messages
a parent gets from these.
"""

from __future__ import annotations

from typing import Optional

from babel.lists import format_list

from bot.config.settings import Settings
from bot.content.catalog import Translations
from bot.content.content import CONDITIONS, PART_NAMES, Content
from bot.content.formatting import format_long_date, format_value, locale_of
from bot.content.schema import Answer
from bot.conversation.language import other
from bot.conversation.message import Untranslated
from bot.conversation.payloads import BEGIN, exercise_payload, knowledge_payload

HANDOFF_ID = "handoff"


class AnswerTexts:
    """The texts of one content/catalog/settings combination; `pictures_at`: where the
    surface serves pictures (the console draws its own); `audio`: the bundle's read-aloud files."""

    def __init__(
        self,
        content: Content,
        translations: Translations,
        settings: Settings,
        pictures_at: str = "/pictures",
        audio: Optional[dict[str, str]] = None,
    ) -> None:
        self.content = content
        self.translations = translations
        self.settings = settings
        self.pictures_at = pictures_at
        self.audio = audio or {}

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
        values = {
            name: format_value(spec, lang, lambda k: self.ui(k, lang))
            for name, spec in answer.values.items()
            if f"{{{name}}}" in text
        }
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
                value = (
                    self._text(answer, f"part.{name}", src, lang)
                    if src
                    else self.ui("ask_counsellor", lang)
                )
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
        items = [
            self.ui("source_item", lang).format(
                title=self.content.sources[doc].title,
                sections=format_list(names, locale=locale_of(lang)),
            )
            for doc, names in sections.items()
        ]
        return self.ui("source_line", lang).format(
            sources="; ".join(items), date=format_long_date(answer.review.date, lang)
        )

    def _button(self, answer: Answer, lang: str, template: Optional[str] = None) -> dict[str, str]:
        title = self.label(answer, lang)
        if template:
            title = self.ui(template, lang).format(label=title)
        return {"title": title, "payload": self.content.button_payload(answer)}

    def _buttons(
        self, answer: Answer, lang: str, layer: str, condition: Optional[str] = None
    ) -> list[dict[str, str]]:
        buttons: list[dict[str, str]] = []
        seen: set[str] = {answer.id}
        if answer.exercise_start:
            buttons.append(
                {"title": self.ui("values_begin", lang), "payload": exercise_payload(BEGIN)}
            )
        if layer == "short" and answer.more:
            buttons.append(
                {
                    "title": self.ui("more_detail", lang),
                    "payload": f'/more_detail{{"topic":"{answer.id}"}}',
                }
            )
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
        if answer.knowledge_check:  # optional: "Test wat u weet" after the walk / comparison
            buttons.append(
                {
                    "title": self.ui("knowledge_begin", lang),
                    "payload": knowledge_payload(answer.knowledge_check),
                }
            )
        for target_id in answer.next:
            target = self.content.answers[target_id]
            if (
                target_id in seen
                or not target.review.approved
                or _other_condition(target, condition)
            ):
                continue  # never offer the other condition's text as a next topic
            buttons.append(self._button(target, lang))
            seen.add(target_id)
        if answer.kind == "medical" and HANDOFF_ID not in seen:
            buttons.append(self._button(self.content.answers[HANDOFF_ID], lang))
        if answer.language_button:
            buttons.append(
                {
                    "title": self.ui("switch_language_button", lang),
                    "payload": f'/switch_language{{"language":"{other(lang)}"}}',
                }
            )
        return buttons


def _other_condition(answer: Answer, condition: Optional[str]) -> bool:
    """Whether `answer` is about the other condition than the conversation's (when known)."""
    return bool(condition) and answer.condition in CONDITIONS and answer.condition != condition
