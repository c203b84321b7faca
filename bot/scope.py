"""Is a typed message about what the assistant covers at all?

A second condition for serving medical content, beside the classifier: a medical answer to a
typed message needs either a confident classification or at least one word from the domain
(SMARD, carriers, PGT, heel prick, …). "What are the visiting hours on the ward?" may
resemble a topic to the classifier, but never gets leaflet text.
"""
from __future__ import annotations

import re

CONFIDENT = 0.7

_DOMAIN = re.compile(
    r"smard|\bsma\b|ighmbp2|smn|spier|muscle|muscular|zenuw|nerve|neuron|motor|ruggenmerg|spinal|"
    r"adem|breath|respirat|diafragma|diaphragm|middenrif|beadem|ventilat|"
    r"erfelijk|hereditar|inherit|\berf\w*|overerv|doorgeven|doorgegeven|passed on|pass (it |this )?on|"
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
    r"vorm|\btypes?\b|\bforms?\b|diagnos|uitslag|result|afkorting|abbreviat|betekent|stands? for|zeldzaam|rare|common|vaak",
    re.I,
)


def mentions_domain(text: str) -> bool:
    """True when the text uses at least one word from the assistant's subject matter."""
    return bool(_DOMAIN.search(text or ""))


def may_serve_medical(text: str, is_payload: bool, confidence: float) -> bool:
    """Whether a medical answer may be served for this message."""
    return is_payload or confidence >= CONFIDENT or mentions_domain(text)
