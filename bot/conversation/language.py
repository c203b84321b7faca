"""Which language a conversation is in: the one place that decides it.

Order, per message:
1. An explicit request ("English please", the page's language switch sends that as a payload).
2. The language of the typed text, when it can be told with confidence: a parent who writes
   Dutch never gets English, whatever the page's default language.
3. The language the conversation already has (button presses, short or ambiguous texts).
4. The page's or kiosk's metadata (`language`) for a new conversation; else Dutch.
   The page's language switch sends an explicit request (1), so it always takes effect.

Detection uses lingua (Dutch and English only). Lingua is weak on one to three words
("hallo" scores as English), so short texts are decided by unambiguous function words and
otherwise keep the current language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

DEFAULT_LANGUAGE = "nl"
SUPPORTED = ("nl", "en")

# Terms that look the same in both languages and say nothing about the language.
_DOMAIN_TERMS = re.compile(
    r"\b(smard\d?|sma|smn[12]?|ighmbp2|pgt|ivf|nbs|enmc|dna|ok(ay)?|ja|yes|nee|no|help)\b", re.I
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.U)

# Short, frequent words that belong to one of the two languages only.
_MARKERS = {
    "nl": set(
        """wat hoe het een ik mijn ons onze wij jullie zijn kan kunnen niet geen hoi hallo
        doei dag bedankt dank graag waarom wanneer welke waar heeft hebben moet moeten kind
        kindje zoon dochter van voor met jij je u uw ben wordt nu ook erfelijk kans drager
        dragers krijgen zwanger ziekte zeker alsjeblieft aub bent zit goedemorgen goedenavond
        mag praten iemand mens spreek nederlands engels tot ziens welkom lief fijn waarom
        betekent hielprik uitslag behandeling onderzoek""".split()
    ),
    "en": set(
        """what how the a an my our we're are can not no hi hello bye thanks thank please
        why when which where has have must should child baby's son daughter of for with you
        your am i'm now also hereditary chance carrier carriers get pregnant disease sure
        goodbye morning evening may talk someone person human speak dutch english see welcome
        kind means heel prick result treatment testing test it does do i im me so very really scared
        afraid worried sad""".split()
    ),
}
# Words that appear in both lists by accident of spelling are not markers.
_SHARED = _MARKERS["nl"] & _MARKERS["en"]
_MARKERS = {k: v - _SHARED for k, v in _MARKERS.items()}

_REQUEST = {
    "en": re.compile(r"\b(english|engels|engelse|in het engels)\b", re.I),
    "nl": re.compile(r"\b(dutch|nederlands|nederlandse|hollands|vlaams)\b", re.I),
}
_INSTEAD_OF = re.compile(r"\b(instead of|in plaats van|rather than|niet in het)\s+(\w+)", re.I)


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(Language.DUTCH, Language.ENGLISH).build()


_LINGUA = {Language.DUTCH: "nl", Language.ENGLISH: "en"}


def detect(text: str) -> Optional[str]:
    """'nl' or 'en' when the text's language can be told with confidence, else None."""
    stripped = _DOMAIN_TERMS.sub(" ", text or "")
    words = [w.lower() for w in _WORD.findall(stripped)]
    if not words:
        return None
    nl = sum(w in _MARKERS["nl"] for w in words)
    en = sum(w in _MARKERS["en"] for w in words)
    by_markers = ("nl" if nl > en else "en") if nl != en else None
    # Function words decide short texts, and outweigh lingua when two or more more of one
    # language appear (lingua can be misled by Dutch place names or typos: "discused … in
    # hoofddorp"). Only otherwise is lingua asked, so most messages skip it.
    if by_markers and (len(words) <= 3 or abs(nl - en) >= 2):
        return by_markers
    top = _detector().compute_language_confidence_values(" ".join(words))[0]
    lingua_lang, lingua_value = _LINGUA[top.language], top.value
    if len(words) <= 3:
        return lingua_lang if lingua_value >= 0.9 else None
    if lingua_value >= 0.7:
        return lingua_lang
    return by_markers


def requested_language(text: str) -> Optional[str]:
    """The language a user explicitly asks for ("English please", "kan het in het Nederlands")."""
    text = text or ""
    refused = {m.group(2).lower() for m in _INSTEAD_OF.finditer(text)}
    hits = []
    for lang, pattern in _REQUEST.items():
        for m in pattern.finditer(text):
            if m.group(0).lower().split()[-1] not in refused:
                hits.append((m.start(), lang))
    return min(hits)[1] if hits else None


# A message that asks for a language names one, or language itself, typos included
# ("kan het in het nedelands"); the country ("in Nederland") is not a language.
_LANGUAGE_WORD = re.compile(
    r"\b(taal|talen|language|languages|ned\w*s\w*|nl|eng|engl\w*"
    r"|en[lg]\w*sh|engel\w*|du+tch|holla?nds|vlaams|spreek|spreekt|speak"
    r"|praten)\b",
    re.I,
)


def asks_for_a_language(text: str) -> bool:
    """True when a typed message could be a request for a language (see _LANGUAGE_WORD)."""
    return requested_language(text) is not None or bool(_LANGUAGE_WORD.search(text or ""))


def resolve(
    text: str, is_payload: bool, metadata_language: Optional[str], current: Optional[str]
) -> str:
    """The language to answer this message in (see the module docstring for the order)."""
    if not is_payload:
        detected = detect(text)
        if detected:
            return detected
    if current in SUPPORTED:
        return current
    if metadata_language in SUPPORTED:
        return metadata_language
    return DEFAULT_LANGUAGE


def other(lang: str) -> str:
    """The other supported language."""
    return "en" if lang == "nl" else "nl"
