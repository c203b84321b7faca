"""Telling a request for personal advice from a question about one's own situation.

Only two things are refused kindly: asking the assistant to *choose* for the family ("should we
do PGT?", "what would you do?") and asking it to *diagnose* ("does my son have SMA?", "are we
carriers?"). A question that merely describes the family's situation ("our baby already has
symptoms, should treatment wait for more tests?") gets the general fact the sources give, with
a reminder to discuss their own situation with their doctor.
"""

from __future__ import annotations

import re
from typing import Optional

_CHOOSE = re.compile(
    r"\b(should|shall|must) (we|i)\b(?! (worry|call|ring|phone|ask|expect|prepare|know))|\bwhat would you (do|choose|advise"
    r"|recommend)\b|\bwould you (do|choose|go for|recommend)\b|\bdo you (recommend|advise)\b"
    r"|\b(recommend|advise) (us|me)\b|\bwhat (do|should) (we|i) (choose|pick|decide)\b"
    r"|\bwhich (option|one) (is|would be) (best|better)\b|\bchoose for (us|me)\b"
    r"|\bmoeten (we|wij|ik)\b(?! (bellen|ons zorgen))|\bmoet ik\b(?! (bellen|me zorgen))"
    r"|\bzullen (we|wij)\b|\bwat zou (jij|u|je) (doen|kiezen|aanraden)\b"
    r"|\bwat (raad|raadt|adviseer|adviseert) (je|jij|u)\b|\b(raad|raadt) (je|u|jij) .{0,30}\baan\b"
    r"|\bwat (moeten|kunnen) (we|wij) (het beste )?kiezen\b|\bwelke (keuze|optie) is (het )?(beste"
    r"|beter)\b|\bkiezen voor ons\b|\bvoor ons kiezen\b",
    re.IGNORECASE,
)
# Whom a parent may ask about, singular and plural ("is our son", "are our sons").
_FAMILY_EN = (
    r"(child|children|baby|babies|sons?|daughters?|kids?|boys?|girls?|twins|husband"
    r"|wife|partner|brothers?|sisters?)"
)
_FAMILY_NL = (
    r"(kind|kinderen|kindje|kindjes|baby|baby's|zoon|zonen|zoontje|zoontjes|dochter"
    r"|dochters|dochtertje|dochtertjes|tweeling|man|vrouw|partner|broer|broers|zus|zussen)"
)
# "will my children have it?" asks the chance for future children, which the sources answer:
# no "will" here.
_DIAGNOSE = re.compile(
    r"\b(does|do|could|might) (my|our) (\w+ )?" + _FAMILY_EN + r" (have|has|get|be a carrier"
    r"|be carriers)\b|\b(is|are) (my|our) (\w+ )?"
    + _FAMILY_EN
    + r" (a )?(carriers?|affected|sick|ill)\b"
    r"|\b(am i|are we|is he|is she) (a )?(carriers?|affected)\b"
    r"|\b(heeft|hebben) (mijn|ons|onze) (\w+ )?"
    + _FAMILY_NL
    + r" (smard|sma|het|de ziekte|de aandoening)\b"
    r"|\b(is|zijn) (mijn|ons|onze) (\w+ )?"
    + _FAMILY_NL
    + r" (ook )?(drager|dragers|ziek|aangedaan)\b"
    r"|\b(ben ik|zijn wij|zijn we|is hij|is zij) (ook )?(drager|dragers)\b",
    re.IGNORECASE,
)
# Asking the assistant itself what it would do: refused even when the classifier saw a topic.
_ASKS_THE_ASSISTANT = re.compile(
    r"\bwhat would you (do|choose|advise|recommend)\b|\bwould you (do|choose|go for|recommend)\b"
    r"|\bdo you (recommend|advise)\b|\bwat (zou|zouden) (jij|u|je|jullie) (doen|kiezen|aanraden)\b"
    r"|\bwat doen jullie (als|bij|dan)\b|\bwat (raad|raadt|adviseer|adviseert) (je|jij|u|jullie)\b"
    r"|\bwhat is (the|my|his|her|our) diagnosis\s*[?.!]*\s*$"
    r"|\bwat is (de|mijn|zijn|haar|onze) diagnose\s*[?.!]*\s*$"
    r"|\b(tell|know) (me |us )?(if|whether) (my|our) (\w+ )?" + _FAMILY_EN + r" (has|have|is|are)\b"
    r"|\b(zeggen|vertellen) of (mijn|ons|onze) (\w+ )?" + _FAMILY_NL + r"\b"
    r"|\bwelke (aandoening|ziekte) (heb ik|hebben wij|hebben we|heeft (mijn|ons|onze))\b"
    r"|\bwhich (condition|disease) do(es)? (i|we|my|our)\b"
    # asking whether to take an option, outright ("should I get genetic testing?", "is adoption
    # the right option for you?")
    r"|\b(should|shall) (we|i) (get|have|do|try|go for|choose|pick|use|undergo|opt for)\b"
    r"|\bthe right (option|choice|decision) for (me|us|you)\b"
    r"|\bde (juiste|beste) (keuze|optie) voor (ons|mij|jou|u)\b"
    r"|\b(is it|could it be|is het) (possible|mogelijk) (that|dat) (he|she|i|we|my|our|hij|zij|ze"
    r"|ik|wij|mijn|ons|onze)\b.{0,40}\b(has|have|heeft|hebben|is|zijn)\b"
    # weighing it for the family: "is it worth the risks?", "how can I decide what's right?"
    r"|\bis (it|this|that|\w+) (really )?worth (it|the risks?)\b|\bis (het|dat) (het )?(risico )?waard\b"
    r"|\bhow (can|do|should|will) (i|we) (decide|choose|know what'?s right)\b"
    r"|\bhoe (kan|moet|kunnen|moeten) (ik|we|wij) (\w+ )?(kiezen|beslissen|een keuze maken)\b"
    r"|\bwel of (geen|niet)\b.{0,40}\b(doen|laten|nemen|kiezen|beginnen|testen|onderzoeken)\b"
    r"|\bwhether or not (to|we should|i should)\b"
    # two courses of action set against each other: "draag je het uit of laat je het afbreken?"
    r"|\b(laat|doe|kies|neem|draag|ga|wacht) (je|jij|u|ik|we|wij)\b.{0,60}\bof (laat|doe|kies|neem"
    r"|draag|ga|wacht) (je|jij|u|ik|we|wij)\b"
    # the assistant's own view of a choice
    r"|\bhoe (kijk|kijkt|denk|denkt|sta|staat) (je|jij|u|jullie) (er )?(aan )?(tegen|over)\b"
    r"|\bwat (vind|vindt|denk|denkt) (je|jij|u|jullie) (van|ervan|daarvan|over)\b"
    r"|\bwhat do you think (of|about)\b|\bhow do you feel about\b|\bwhat'?s your (opinion|view)\b"
    # deliberating aloud ("wil ik mijn kind laten onderzoeken?", "do we want to know?")
    r"|^\W*(wil|willen) (ik|je|we|wij)\b.{0,80}\?\s*$|^\W*do (i|we) (really )?(want|wish) to\b"
    r"|\b(?P<act>\w+) of niet (?P=act)\b|\bto (?P<verb>\w+) or not to (?P=verb)\b"
    r"|\b(should|shall) (you|we|i) consider\b"
    # judging a choice ("was it right to have another child?", "is het verantwoord om …?"), and
    # deliberating aloud about the family's own course ("do we explore IVF?", "kies je … of niet?")
    r"|\b(was|is|would) it (be )?(right|wrong|fair|selfish|responsible) to\b"
    r"|\bis het (wel )?(eerlijk|egoïstisch|egoistisch|verantwoord) (om|dat)\b"
    r"|^\W*do (i|we) (really )?want\b|^\W*(but |so )?do (i|we) (explore|conceive|try|risk|choose|opt"
    r"|continue|terminate|end|keep|adopt|test|tell)\b|^\W*(\w+,\s*)?(but |so )?(do|should) (i|we) (need to |have"
    r" to )?tell (him|her|them|my|our)\b|\bmoet (je|ik|u|jij) (dat|het|dit) (wel )?willen\b"
    r"|\b(kies|kiest|wil|wilt|doe|doet|neem|neemt|laat) (je|jij|u|ik|we)\b.{0,40}\bof niet\s*\?\s*$"
    r"|\b(do|should|shall) (i|we|you) .{0,40}\bor not\s*\?\s*$",
    re.IGNORECASE,
)
_OWN_SITUATION = re.compile(
    r"\b(my|our|we|we'?re|we'?ve|i'?m|i)\b|\b(mijn|ons|onze|wij|we|ik)\b", re.IGNORECASE
)

CHOOSE, DIAGNOSE = "choose", "diagnose"


def request(text: str) -> Optional[str]:
    """CHOOSE or DIAGNOSE when the message asks the assistant to decide or diagnose, else None."""
    text = text or ""
    if _DIAGNOSE.search(text):
        return DIAGNOSE
    if _CHOOSE.search(text):
        return CHOOSE
    return None


def asks_the_assistant(text: str) -> bool:
    """True when the message asks the assistant's own choice or a diagnosis outright ("what
    would you do?", "what is the diagnosis?"): refused whatever topic it mentions."""
    return bool(_ASKS_THE_ASSISTANT.search(text or ""))


def about_own_situation(text: str) -> bool:
    """True when the question speaks of the family's own situation ("our baby", "we are")."""
    return bool(_OWN_SITUATION.search(text or ""))
