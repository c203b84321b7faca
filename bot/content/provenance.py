"""Sentence-level provenance: every number, week, percentage and gene in a medical text must be
in the source sentences that text cites, in an equivalent form.

The content files cite, per answer, source sections with `quotes:` (sentences copied from the
section) and `for:` (which texts rest on them). This module

- finds a quote in its section (whitespace and line-break hyphenation normalised, since the
  source files are hard-wrapped PDF text),
- renders each text of an answer as a parent reads it (values filled in and formatted per
  locale by bot/content/formatting.py, in Dutch and in the current English translation),
- extracts its facts (genes, frequencies "a op b", percentages, other numbers), and tells which
  of them the cited sentences do not support.

Equivalent forms: 25% = 25 van de 100 = 25 in 100; "3 op 1000" = "3 van de 1.000" = 3 in 1,000;
"1 op de miljoen" = "1 in a million". A frequency with another denominator is a different
statement ("250 van de 1.000" is not "25%"), and a percentage equals a frequency only when the
source gives that frequency or its per-100 form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Iterable, Optional

from bot.content.content import Content
from bot.content.schema import Answer, SourceRef

GENES = ("IGHMBP2", "SMN1", "SMN2")
_GENE = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(GENES) + r")(?![0-9])")

# Number words as the texts may write them (one is left out: "een" is also the article).
_WORDS = {
    "nl": {
        "twee": 2,
        "drie": 3,
        "vier": 4,
        "vijf": 5,
        "zes": 6,
        "zeven": 7,
        "acht": 8,
        "negen": 9,
        "tien": 10,
        "honderd": 100,
        "duizend": 1000,
        "miljoen": 1000000,
    },
    "en": {
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "hundred": 100,
        "thousand": 1000,
        "million": 1000000,
    },
}
# A number per locale: thousands separators and decimal mark differ (1.000,5 / 1,000.5).
_NUMBER = {
    "nl": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
}
# "a op b", "a van de b", "a op de miljoen"; "a in b", "a out of b", "a in a million".
_PER = {
    "nl": r"\s+(?:op|van|per)(?:\s+(?:de|elke|iedere))?\s+",
    "en": r"\s+(?:in|out\s+of|per)(?:\s+(?:a|every|each))?\s+",
}
_PERCENT = r"\s*(?:%|procent\b|per\s?cent\b)"


def normalise(text: str) -> str:
    """Whitespace collapsed and words split at a line end rejoined ("wait-\\nand-see")."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "-", text)


def _to_number(token: str, lang: str) -> Fraction:
    if lang == "nl":
        token = token.replace(".", "").replace(",", ".")
    else:
        token = token.replace(",", "")
    return Fraction(token)


@dataclass(frozen=True)
class Facts:
    """What a text states that must be traceable: genes, frequencies, percentages, numbers."""

    genes: frozenset[str]
    frequencies: frozenset[tuple[Fraction, Fraction]]  # (count, per)
    percents: frozenset[Fraction]
    numbers: frozenset[Fraction]  # every number, also those inside frequencies and percentages

    def bare(self) -> set[Fraction]:
        """Numbers that are neither part of a frequency nor a percentage."""
        inside = {n for pair in self.frequencies for n in pair} | set(self.percents)
        return set(self.numbers) - inside


def facts(text: str, lang: str) -> Facts:
    """The facts of a rendered text in `lang` (sources are Dutch: lang "nl")."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # markdown links: keep the words
    text = re.sub(r"(?:https?://|www\.)\S+", " ", text)
    genes = frozenset(_GENE.findall(text))
    text = _GENE.sub(" ", text)
    words = _WORDS[lang]
    text = re.sub(
        r"\b(" + "|".join(words) + r")\b",
        lambda m: str(words[m.group(1).lower()]),
        text,
        flags=re.I,
    )
    num = _NUMBER[lang]
    # A number is not glued to letters before it ("ENMC292"); after it an ordinal may follow.
    bounded = rf"(?<![\w.,])({num})"
    frequencies = set()
    for m in re.finditer(bounded + _PER[lang] + rf"({num})(?![\d])", text):
        frequencies.add((_to_number(m.group(1), lang), _to_number(m.group(2), lang)))
    percents = {_to_number(m.group(1), lang) for m in re.finditer(bounded + _PERCENT, text)}
    numbers = {_to_number(m.group(1), lang) for m in re.finditer(bounded, text)}
    return Facts(genes, frozenset(frequencies), frozenset(percents), frozenset(numbers))


def unsupported(text_facts: Facts, source: Facts) -> list[str]:
    """The facts of a text that the cited sentences (`source`) do not state in an equivalent
    form, each as a short phrase for the problem report."""
    out: list[str] = []
    for gene in sorted(text_facts.genes - source.genes):
        out.append(f"gene {gene}")
    for count, per in sorted(text_facts.frequencies):
        if (count, per) in source.frequencies:
            continue
        if per == 100 and count in source.percents:
            continue
        out.append(f"frequency {_show(count)} per {_show(per)}")
    for pct in sorted(text_facts.percents):
        if pct in source.percents or any(
            Fraction(100) * c / p == pct for c, p in source.frequencies
        ):
            continue
        out.append(f"percentage {_show(pct)}%")
    for n in sorted(text_facts.bare()):
        if n not in source.numbers:
            out.append(f"number {_show(n)}")
    return out


def _show(n: Fraction) -> str:
    return str(n.numerator) if n.denominator == 1 else str(float(n))


# -- the content side ---------------------------------------------------------------------------
def checked_fields(answer: Answer) -> list[str]:
    """The texts of an answer that state facts: label, short, more and the parts (the exercise's
    choices and what they say about the parents are values, not facts)."""
    return [name for name in answer.texts() if not name.startswith(("choice.", "said."))]


def quotes_for(answer: Answer, field_name: str) -> list[tuple[SourceRef, str]]:
    """(reference, quote) pairs a text of `answer` rests on. The label stands for the whole
    answer, so it may rest on any quote of it."""
    out = []
    for ref in answer.sources:
        if field_name == "label" or not ref.parts or field_name in ref.parts:
            out += [(ref, q) for q in ref.quotes]
    return out


def find_quote(quote: str, section_text: Optional[str]) -> bool:
    """Whether `quote` is in the section's text (both normalised)."""
    return bool(section_text) and normalise(quote) in normalise(section_text or "")


def sentence_around(quote: str, section_text: Optional[str]) -> Optional[str]:
    """The whole sentence(s) of the section that hold `quote` (for the counsellor's review)."""
    if not section_text:
        return None
    text, q = normalise(section_text), normalise(quote)
    pos = text.find(q)
    if pos < 0:
        return None
    start = max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos))
    start = 0 if start < 0 else start + 2
    end_match = re.search(r"[.?!](?=\s|$)", text[pos + len(q) - 1 :])
    end = pos + len(q) - 1 + end_match.end() if end_match else len(text)
    return text[start : max(end, pos + len(q))].strip()


def cited_sentences(
    content: Content, answer: Answer, field_name: str, sections: dict[tuple[str, str], str]
) -> list[dict[str, object]]:
    """What a text of `answer` cites, for the counsellor: per quote the document, the section,
    the quote, the whole source sentence around it and whether it was found. The label lists
    nothing of its own (it stands for the whole answer)."""
    if field_name == "label" or field_name.startswith(("choice.", "said.")):
        return []
    out: list[dict[str, object]] = []
    for ref, quote in quotes_for(answer, field_name):
        section = sections.get((ref.doc, ref.section))
        doc = content.sources.get(ref.doc)
        out.append(
            {
                "doc": ref.doc,
                "title": doc.title if doc else ref.doc,
                "section": ref.section,
                "quote": quote,
                "sentence": sentence_around(quote, section) or quote,
                "found": find_quote(quote, section),
            }
        )
    return out


def rendered(
    answer: Answer,
    field_name: str,
    lang: str,
    content: Content,
    translation: Callable[[str, str, str], Optional[str]],
) -> Optional[str]:
    """A text of `answer` in `lang` as a parent reads it: the current translation (None if there
    is none), with its values formatted per locale. The clinic's details stay placeholders (they
    are not facts from the sources)."""
    from bot.content.formatting import format_value  # babel is only needed here

    source = answer.texts()[field_name]
    text = translation(lang, f"{answer.id}.{field_name}", source)
    if text is None:
        return None

    def ui(key: str) -> str:
        return translation(lang, f"ui.{key}", content.ui[key]) or content.ui[key]

    values = {name: format_value(spec, lang, ui) for name, spec in answer.values.items()}

    class _Keep(dict):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return text.format_map(_Keep(values))


def source_facts(quotes: Iterable[str]) -> Facts:
    """The facts of the cited sentences together (the sources are Dutch)."""
    return facts(" ¶ ".join(normalise(q) for q in quotes), "nl")
