"""Feelings a parent expresses, so that empathy and a person come before any fact.

Like the acute-worry net (safety.py), this sits under the classifier: "is it our fault?",
"can my child die of this?" or "we are devastated" must never get a bare medical fact or a
refusal, whatever intent the classifier predicted. A fear of death counts only when it is
about the parent's own child; "what is the life expectancy in SMA?" is an information question.
"""

from __future__ import annotations

import re
from typing import Optional

_OWN = (
    r"\b(from me|my|our|mine|your|he|she|him|her|they|them|we|us|i|mijn|ons|onze|je|jouw|uw|hij|zij|ze|hem|haar"
    r"|wij|we|ik|zoon(tje)?|dochter(tje)?|kindje|baby(tje)?)\b"
)
_PATTERNS: dict[str, re.Pattern[str]] = {
    "guilt": re.compile(
        r"\b(our|my|his|her|their) fault\b|\bto blame\b|\bblame (myself|ourselves|yourself|themselves|me|us)\b"
        r"|\b(must|should|might) have done (something|anything) wrong\b"
        r"|\b(iets|wat) (fout|verkeerd) (moeten |moet )?(hebben |heb )?gedaan\b"
        r"|\bguilt\w*|\bdid (we|i) (do )?(something|anything) wrong\b|\bcaused (it|this)\b"
        r"|\bdid (i|we) cause\b|\b(directly )?responsible for (my|our|your|his|her|their) (child|baby|son"
        r"|daughter)|\bhow could (i|we) do this\b"
        r"|\bshould (we|i) have (known|done)\b|\bcould (we|i) have (prevented|known|done)\b"
        r"|\b(onze|mijn|zijn|haar) schuld\b|\bschuld\w*|\bschuldgevoel\w*|\bverwijt\w*"
        r"|\b(hebben|heb) (we|wij|ik) (iets )?(fout|verkeerd) gedaan\b"
        r"|\bhadden (we|wij) (het |dit |dat )?(kunnen|moeten) (weten|voorkomen)\b"
        r"|\b(hebben|heb|had|hadden) (we|wij|ik) (dit|dat|het) (kunnen|moeten) (weten|voorkomen|zien)\b",
        re.IGNORECASE,
    ),
    "death": re.compile(
        # Dutch "die" means "that": the English verb counts only in an English phrase.
        r"\b(will|can|could|might|may|would|going to|gonna|to|not) die\b|\bdie (of|from|young|early"
        r"|soon|before)\b|\b(will|can|could|might|may|would)\s+(my|our|your|he|she|they|the\s+baby"
        r"|the\s+child)\s+(\w+\s+)?(die|be\s+dying)\b|\b(dies|dying|death|dead|pass away|passing away|lose (him|her|them|our|my))\b"
        r"|\bsteal\w*\s+(\w+\s+)?(away\s+)?from\s+(me|us)\b"
        r"|\b(take|takes|taking|took|taken)\s+(him|her|them|(my|our)\s+(son|daughter|baby|child|boy|girl))\s+(away\s+)?from\s+(me|us)\b"
        r"|\bvan (ons|mij) (af)?(pakken|afnemen)\b"
        r"|(?<!after )(?<!since )\blosing (him|her|them|our|my)\b|\b(how much|how long) (time|longer)\b.{0,40}\b(left|with us|have)\b"
        r"|\b(dood|doodgaan|gaat dood|overlijd\w*|overleden|overlijden|sterven|sterft|verliezen)\b"
        r"|\bhoeveel tijd\b.{0,30}\bnog\b|\bhoe lang (hebben|heeft) (we|wij|hij|zij|ze)\b.{0,20}\bnog\b",
        re.IGNORECASE,
    ),
    "despair": re.compile(
        r"\bdevastat\w*|\bheartbroken|\bheart ?break\w*|\bhopeless\w*|\bdespair\w*"
        r"|\bcan'?t (cope|go on|take (it|this))\b|\bcannot (cope|go on)\b"
        r"|\bnothing (that |which )?(can|we can|you can|anyone can) (be )?do(ne)?\b"
        r"|\bno hope\b|\bgrie(f|ving|ve)\b|\bmourn\w*|\boverwhelm\w*|\bdepress\w*"
        r"|\b(er |ervan )?kapot van\b|\b(ben|zijn|voel me|voelen ons) (helemaal )?kapot\b|\bradeloos|\bwanhop\w*|\bhopeloos|\bgeen hoop\b|\bniets (meer )?aan (te )?doen\b"
        r"|\bkan het niet (meer )?aan\b|\bkunnen het niet (meer )?aan\b|\brouw\w*"
        r"|\bkun(nen)? (je|we|wij|jullie|ik) dit (wel )?(samen )?aan\b"
        r"|\bten einde raad\b|\bzie het niet meer zitten\b|\bingestort\b|\bdepressie\w*"
        # hating the life the illness brought
        r"|\bhate (what )?(our|my) li(fe|ves)\b|\bhaat (ons|mijn) leven\b"
        # the whole message a cry of not knowing how to go on
        r"|^\W*(now what|what now|wat nu|en nu)\W*$",
        re.IGNORECASE,
    ),
    "anger": re.compile(
        r"\bangry\b|\bfurious\b|\bso mad\b|\bunfair\b|\bwhy us\b|\bwhy me\b|\bwhy our\b"
        r"|\bboos\b|\bwoedend\b|\bkwaad\b|\boneerlijk\b|\bwaarom wij\b|\bwaarom ons\b|\bwaarom ik\b"
        # "why did it have to pick him?": asking why fate chose this family
        r"|\bwhy (did|does|do|would|must) (this|it|god|you|fate) (have to |had to )?(happen to|pick|choose"
        r"|do this to) (us|me|him|her|our|my)\b"
        r"|\bwaarom (moest|moet|overkomt|overkwam) (dit|het) (ons|mij|hem|haar)\b|\bwaarom juist (wij|ons|ik|hij|zij)\b",
        re.IGNORECASE,
    ),
    # Fear, worry, shock, loneliness, sadness: the words parents use when it is too much.
    "fear": re.compile(
        r"\b(scared|afraid|frightened|terrified|anxious|anxiety|panick\w*|worr(y|ying|ied|ies)"
        r"|shock(ed|ing)?|lonely|isolated|upset|sad|sadness|tears|crying|cried|unbearable"
        r"|nightmare|overwhelm\w*|stressed|struggling|compassion|heartache|nervous|terrible"
        r"|horrible|awful|worst|devastating|helpless|powerless|scary|frightening|fright)\b(?!\s+system)|\bbad news\b"
        # asking to be told it will be all right
        r"|\bwill (he|she|they|it|everything|my \w+|our \w+) be (ok|okay|alright|all right|fine)\b"
        r"|\b(komt|zou|zal) (het|alles) (ooit |nog |wel )*goed (komen)?\b|\b(alles|het) (zou|zal) goed komen\b"
        r"|\b(wordt|komt) (het|alles) (ooit |nog |wel )*(weer )?goed\b"
        r"|\bwish (i|we) (knew|had known)\b|\bhard to (accept|bear|take|believe)\b"
        r"|\b(wrap|get) (my|our) heads? around\b"
        # disbelief at the news, and questions no one can answer
        r"|\bthis can'?t be (true|happening)\b|\b(i|we) (couldn'?t|could not|can'?t) believe\b"
        r"|\bwhat are you (saying|telling (me|us))\b|\bwat zeggen (jullie|jij|u|ze) nou\b"
        r"|\bdit kan (toch )?niet waar zijn\b|\b(ik|we|wij) (kon|konden|kan|kunnen) het niet geloven\b"
        r"|\b(niemand|noch \w+|no one|nobody)\b.{0,60}\b(antwoord|an answer|answers?)\b"
        # asking how to bear it: coping, not information
        r"|\bhow (should|do|can|will|are) (we|i) (supposed to )?(react|cope|come to terms|get through this"
        r"|live with this)\b|\bhoe (moeten|kunnen|moet|kan) (we|wij|ik) (hier|daar|er)mee (omgaan|leven)\b"
        r"|\bfeel(ing)? (so |very )?alone\b|\bcan'?t sleep\b|\bno idea that\b"
        r"|\b(bang|angst\w*|ongerust\w*|paniek|geschrokken|schrik\w*|eenzaam|verdrietig|verdriet"
        r"|tranen|huilen|huil|onverdraaglijk\w*|nachtmerrie|wanhoop|machteloos|overspoeld"
        r"|zenuwachtig|verschrikkelijk|vreselijk|afschuwelijk|hulpeloos|slecht nieuws"
        r"|geen goed nieuws|niemand (helpt|luistert)|in de steek gelaten"
        r"|alarmbellen|zwaar (voor|om)|moeilijk (voor ons|voor mij|om mee))\b"
        r"|\b(zorgen maken|ma(a)?k(en|t)? .{0,25}\bzorgen|bezorgd)\b"
        r"|\bkan niet (meer )?slapen\b|\bwereld (op zijn kop|stond stil|viel)\b"
        r"|\bgrond (werd )?onder .{0,20}voeten\b",
        re.IGNORECASE,
    ),
}
FEELINGS: tuple[str, ...] = tuple(_PATTERNS)
_OWN_RE = re.compile(_OWN, re.IGNORECASE)


def feeling(text: str) -> Optional[str]:
    """The feeling a message expresses ('guilt', 'death', 'despair', 'anger', 'fear'), or None.

    A death word counts only with a reference to the parent's own family (see module doc)."""
    text = text or ""
    for name, pattern in _PATTERNS.items():
        if pattern.search(text):
            if name == "death" and not _OWN_RE.search(text):
                continue
            return name
    return None


# A question: a question mark, a sentence that opens with a question word or an inverted verb,
# the same after a comma or full stop ("she has SMA, what happens now"), or "how"/"why"/"which"
# anywhere.
_QUESTION = re.compile(
    r"\?|(?:^|[.,;:!]\s*)\W*(?:hoe|wat|waarom|wanneer|wie|welke|welk|waar|kan|kun|kunt|kunnen|is"
    r"|zijn|heb|heeft|hebben|ben|bent|moet|moeten|mag|mogen|weet|weten|ken|kent|wil|wilt|zou|zal"
    r"|zullen|gaat|gaan|doet|doen|werkt|krijg|krijgt|krijgen|word|wordt|worden|bestaat|komt|geef"
    r"|vertel|noem|how|what|why|when|who|which|where|can|could|is|are|am|was|were|have|has|do"
    r"|does|did|will|should|would|shall|may|isn['’]t|aren['’]t|don['’]t|doesn['’]t|won['’]t"
    r"|can['’]t|give|show|list|name)\b"
    r"|\b(?:hoe|waarom|wanneer|welke|how|why|which|whats|what['’]s|what (?:is|are)|wat (?:is|zijn))\b",
    re.IGNORECASE,
)
# The parent speaking of themselves or their family ("je"/"you" as the general person, too).
_SPEAKER = re.compile(
    r"\b(i|i['’]m|we|we['’]re|my|our|me|us|ik|wij|mijn|m['’]n|ons|onze|mij|je"
    r"|you)\b",
    re.IGNORECASE,
)
# Asking for something without a question mark ("ik wil meer weten over pgt"), or thanks.
_REQUEST = re.compile(
    r"\b(weten|know|informatie|information|info|vraag|vragen|question|questions|zoek|zoeken"
    r"|looking for|tell|vertel|uitleg|explain|help|wil graag|would like|want to|graag|please"
    r"|alsjeblieft|aub|bedankt|dank|thanks|thank)\b",
    re.IGNORECASE,
)


def recounts_experience(text: str) -> bool:
    """True for a parent telling what the family lives through ("we gave up", "my son turned out
    to have SMA"): a statement of at least four words about themselves, neither a question nor
    a request. When the classifier knows no topic for it, empathy and a person fit it better
    than "I have no answer to that"."""
    text = (text or "").strip()
    return (
        len(text.split()) >= 4
        and bool(_SPEAKER.search(text))
        and not _QUESTION.search(text)
        and not _REQUEST.search(text)
    )
