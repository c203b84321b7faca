"""Is a typed message about what the assistant covers, and about the topic it was sorted into?

Two conditions for serving medical content, beside the classifier:
- the domain: a medical answer to a typed message needs either a confident classification or
  at least one word from the subject matter (SMARD, carriers, PGT, heel prick, …). "What are
  the visiting hours on the ward?" may resemble a topic to the classifier, but never gets
  leaflet text;
- the subject: the message names the subject of the topic it was sorted into (PGT for the PGT
  answer, a donor for donation, …), or the classifier is sure. Otherwise the parent is asked
  whether that topic is what they mean (a button), instead of being served a neighbouring text.
"""

from __future__ import annotations

import re
from typing import Optional

CONFIDENT = 0.7
# Without the topic's own subject words, a medical answer needs this much confidence.
SURE = 0.95

_DOMAIN = re.compile(
    r"smard|\bsma\b|ighmbp2|smn|spier|muscle|muscular|zenuw|nerve|neuron|motor|ruggenmerg|spinal|"
    r"adem|breath|respirat|diafragma|diaphragm|middenrif|beadem|ventilat|"
    r"erfelijk|hereditar|inherit|\berf\w*|\berv(?:en|t)\b|overerv|doorgeven|doorgegeven|passed on|pass (it |this )?on|"
    r"drager|carrier|\bgen\b|genen|\bgenes?\b|genetic|genetisch|"
    r"dna|recessie|recessive|autosom|kans|chance|risk|risico|odds|"
    r"pgt|ivf|embryo|vlokken|chorion|vruchtwater|amnio|prenata|miskraam|miscarr|"
    r"hielprik|heel[\s-]?prick|screening|kopie|cop(y|ies)|"
    r"behandel|treat|therap|medicijn|medicine|drugs?\b|genez|cure|symptom|verschijnsel|klacht|"
    r"adopt|donor|donati|eicel|sperm|\begg|kinderwens|nog een kind|another (child|baby)|"
    r"volgende (kind|baby|zwangerschap)|next (child|baby|pregnancy)|"
    r"atypi|klassie|classic|ontwikkel|develop|intelli|verstand|hartritme|heart rhythm|obstipatie|"
    r"constipat|zweet|zweten|sweat|pijngevoel|pain|biomarker|neurofilament|follow[\s-]?up|"
    r"multidisciplin|workshop|enmc|rapport|report|dataset|registr|wait[\s-]and[\s-]see|afwacht|"
    # "will my children have it too?": the condition the conversation is about
    r"\b(?:have|get|inherit|carry|pass on) it\b|\b(?:het|dit) ook (?:krijgen|hebben|erven)\b|"
    r"vorm|\btypes?\b|\bforms?\b|diagnos|uitslag|result|afkorting|abbreviat|betekent|stands? for|zeldzaam|rare|common|vaak",
    re.I,
)


def mentions_domain(text: str) -> bool:
    """True when the text uses at least one word from the assistant's subject matter."""
    return bool(_DOMAIN.search(text or ""))


def may_serve_medical(text: str, is_payload: bool, confidence: float) -> bool:
    """Whether a medical answer may be served for this message."""
    return is_payload or confidence >= CONFIDENT or mentions_domain(text)


# The words that name each topic's subject, in Dutch and English (stems; case-insensitive).
_SUBJECTS: dict[str, str] = {
    "ask_what_is": r"smard|\bsma\b|spinal|spinale|spieratrofie|musculaire|muscular|ighmbp2",
    "ask_how_common": r"vaak|often|common|rare|zeldza|how many|hoeveel|frequen|prevalen|incidenc",
    "ask_symptoms": r"symptom|\bsigns?\b|verschijnsel|klacht|kenmerk|merk je|notice",
    "ask_types": r"type|vorm|form|soort|kind of|kinds|variant",
    "ask_cause": r"cause|oorzaak|\bgen\b|\bgenes?\b|ontstaa|waardoor|komt door|goes wrong|gaat .{0,10}mis"
    r"|genetic change|mutati|verander",
    "ask_treatment": r"treat|behand|cure|genez|therap|medic|medicijn|\bdrugs?\b|\bpills?\b",
    "ask_inheritance": r"erf|inherit|hereditar|genetic|genetisch|doorgeven|doorgegeven|passed on"
    r"|pass (it |this |a )?\w* ?on|recessie|recessive|from (the )?parents|van de ouders"
    r"|\bgets? (it|smard|sma|the (disease|condition))\b"
    r"|\bkrijg(t|en)? (het|smard|sma|de ziekte|de aandoening)\b",
    "ask_carrier": r"drager|carrier",
    "ask_chance": r"kans|chance|risk|risico|odds|percent|procent|25|1 op 4|1 in 4|likel|waarschijnlijk",
    "ask_more_info": r"informatie|information|website|lezen|read|meer weten|more about|info\b|sites?\b",
    "ask_name_meaning": r"\bnaam\b|\bnames?\b|betekent|betekenis|\bmeans?\b|\bmeaning\b"
    r"|stands? for|staat .{0,25}\bvoor\b|afkorting|abbreviat|letters",
    "ask_breathing": r"adem|breath|diafragma|diaphragm|middenrif|beadem|ventilat|lucht|air\b|long",
    "ask_autonomic": r"hart|heart|obstipatie|constipat|verstop|poep|stool|zweet|zweten|sweat|pijn|pain"
    r"|autonom",
    "ask_development": r"ontwikkel|develop|intellig|verstand|leren|learn|school|slim|clever|smart|brain"
    r"|hersen|denken|think",
    "ask_atypical": r"atypi|mild|later|older|ouder",
    "ask_options": r"mogelijkhed|optie|option|kinderwens|another (child|baby)|nog een (kind|baby)|zwanger"
    r"|pregnan|choice|keuze|kiezen|prevent|voorkom|next (child|baby)|volgend",
    "ask_no_testing": r"zonder (onderzoek|test)|without (any )?test|geen (onderzoek|test)|no test|naturally"
    r"|natuurlijk|gewoon zwanger|just get pregnant|risk it|take the chance",
    "ask_prenatal": r"prenata|vlokken|vruchtwater|amnio|\bcvs\b|chorion|punctie|tijdens de zwangerschap"
    r"|during (the )?pregnancy|miskraam|miscarr|in pregnancy",
    "ask_pgt": r"\bpgt|\bpgd|embryo|\bivf\b|preimplant|pre-implant|reageerbuis",
    "ask_donation": r"donor|donat|eicel|sperm|zaad|\beggs?\b",
    "ask_adoption": r"adopt",
    "ask_no_children": r"geen (meer |verdere |andere )?kinderen|no (more |further )?(children|kids)|afzien"
    r"|stop (having|trying)|niet (nog )?(meer|een)|stoppen met|no more",
    "sma_positive_screening": r"hielprik|heel|screen|positie|positive|afwijk|abnormal|uitslag|result"
    r"|gebeld|called|phoned",
    "ask_smn2": r"smn2|smn 2|kopie|cop(y|ies)",
    "ask_why_screening": r"hielprik|heel|screen|pasgebor|newborn|new-born|bloodspot|blood spot",
    "ask_next_steps": r"hielprik|heel|screen|next|daarna|\bnu\b|\bnow\b|bevestig|confirm|vervolg"
    r"|what happens|wat gebeurt|stappen|steps|after|na de|na een|\btests?\b|testen"
    r"|\bwait\b|wachten",
    "ask_four_copies": r"\b4\b|four|vier|afwacht|wait|4\+|meer kopie|more cop",
    "ask_followup": r"follow|controle|check|team|multidisciplin|gevolgd|lange termijn|long[ -]term"
    r"|monitor",
    "ask_biomarkers": r"biomark|neurofilament|meting|measure|bloedwaarde|marker",
    "ask_family_support": r"steun|support|hulp|help|communicat|gezin|famil|begeleid|guidance",
    "ask_data_sharing": r"data|gegevens|registr|delen|shar|databa",
    "ask_workshop": r"workshop|enmc|rapport|report|expert|meeting|bijeenkomst",
    "ask_doctor_questions": r"vragen|questions|ask|arts|doctor|vraag|specialist|neuroloog|neurolog",
    "ask_comparison": r"vergelijk|compar|naast elkaar|side by side|verschil|differen|tabel|table"
    r"|voor- en nadelen|pros|overzicht|overview|all (the )?options|alle mogelijkheden",
}
_SUBJECT_RES = {intent: re.compile(p, re.IGNORECASE) for intent, p in _SUBJECTS.items()}


def names_subject(intent: str, text: str) -> bool:
    """True when the text names the subject of `intent` (or the intent has no subject words)."""
    pattern = _SUBJECT_RES.get(intent)
    return pattern is None or bool(pattern.search(text or ""))


def has_subject(intent: str) -> bool:
    """True when `intent` has subject words of its own (see names_subject)."""
    return intent in _SUBJECT_RES


def sure_of_topic(intent: str, text: str, is_payload: bool, confidence: float) -> bool:
    """Whether a typed message may be served the answer of `intent` outright: it names the
    topic's subject, or the classifier is sure. Otherwise ask whether that topic is meant."""
    return is_payload or confidence >= SURE or names_subject(intent, text)


# Topics whose subject words are specific enough to name what an unclassified question was
# about ("does the heel prick hurt?"), most specific first.
_NAMEABLE = (
    "ask_smn2",
    "ask_pgt",
    "ask_prenatal",
    "ask_donation",
    "ask_adoption",
    "sma_positive_screening",
    "ask_biomarkers",
    "ask_followup",
    "ask_breathing",
    "ask_treatment",
    "ask_carrier",
    "ask_inheritance",
)


def subject_named(text: str) -> Optional[str]:
    """The topic whose subject a message names, when it names a specific one (else None)."""
    return next((intent for intent in _NAMEABLE if _SUBJECT_RES[intent].search(text or "")), None)
