"""What *kind* of question a message asks, beside its subject.

The classifier recognises the subject ("PGT", "the heel prick", "SMA treatment"); this module
recognises the aspects a parent asks about that an answer on that subject may not cover:
the costs, pain, how a procedure is done, waiting times, how certain a result is, and so on.
An answer declares which of these kinds it answers (content/question_kinds.yml); a question of
a kind that its answer does not declare gets an honest "I have no checked information about
that", never the neighbouring text as if it answered.

Patterns are precision first: a kind is recognised only from wording that asks for it, because
a false kind withholds an answer the sources do give.
"""

from __future__ import annotations

import re

# Kinds in the order they are named when a question asks several at once. Each pattern
# covers Dutch and English; matching is case-insensitive.
_PATTERNS: dict[str, str] = {
    "cost": (
        r"\b(costs?|costly|price|prices|pay|paid|paying|expensive|afford\w*|fees?|reimburs\w*"
        r"|insurance|insurer|insured|funded|funding)\b"
        r"|\b(kost|kosten|kostte|prijs|betalen|betaal\w*|betaald|vergoed\w*|verzeker\w*"
        r"|zorgverzekeraar\w*|eigen risico|basispakket)\b|\b(zo|te|erg|heel|best) duur\b"
    ),
    "pain": (
        r"\b(pain\w*|hurts?|hurting|sore|painless)\b"
        r"|\b(pijn\w*|zeer doen|doet (het )?zeer|doet het pijn)\b"
    ),
    "procedure": (
        r"\bhow (is|are|was|will|do they|does (the|a) \w+|do you) .{0,40}\b(done|performed|carried out"
        r"|taken|collected|take (the|a) (sample|blood))\b"
        r"|\bwhat happens (during|at|in) (the |a |an )?\w*\s*(test|procedure|appointment|prick"
        r"|amnio\w*|cvs|sampling|biopsy|puncture|transfer)\b"
        r"|\bwhat is the (\w+ ){0,3}procedure\b|\bwat is de (\w+ ){0,3}procedure\b"
        r"|\bprepar(e|ing|ation)\b|\bneedles?\b|\ban(a)?esthe\w*|\bsedat\w*"
        r"|\bhow long (does|do|will|would) .{0,30}\btake\b"
        # the steps of a procedure or an application (adoption, donation, IVF)
        r"|\b(the|what is the|wat is de) (\w+ ){0,2}(process|procedure|proces)\b|\bsteps (to|of|in)\b"
        r"|\bhow (do|does|can|could) (you|i|we|one|someone) (adopt|donate|apply)\b|\bhow to adopt\b"
        r"|\b(wat zijn )?de stappen\b"
        r"|\bhoe (verloopt|gaat) (de|het|een) \w+(?! over)\b"
        r"|\bhoe wordt .{0,40}\b(afgenomen|gedaan|uitgevoerd|geprikt|verricht|geplaatst)\b"
        r"|\bwat gebeurt er (tijdens|bij) (de|het|een) \w*(test|onderzoek|ingreep|punctie|prik"
        r"|afspraak|terugplaatsing)\b"
        r"|\bvoorbereid\w*|\bnaald\w*|\bverdoving|\bnarcose|\bhoe lang duurt (de|het|een) \w+"
        # the heel prick as an act, not what it screens for
        r"|\b(afgenomen|afnemen|neemt .{0,20}\baf|geprikt|prikken|in de hiel)\b"
        r"|\bhospitali[sz]\w*|\bopname\b|\bwat komt er (allemaal )?(bij )?kijken( bij)?\b"
    ),
    "mechanism": (
        r"\bhow (does|do|will) .{0,40}\bwork\b|\bwhat does .{0,40}\b(consist of|involve|entail)\b"
        r"|\bhoe werkt\b|\bwat houdt .{0,40}\bin\b|\bhoe gaat .{0,30}\bin (zijn|z'n|haar) werk\b"
        # what it involves ("what medical procedures are involved with egg donation?"): the parts
        # of an option that say what it involves answer it
        r"|\b(procedures?|steps) (are |is )?(involved|required|needed)\b|\bwhat (is|are) involved\b"
        r"|\bwelke (ingrepen|handelingen|stappen) (zijn|komen) .{0,20}\b(nodig|kijken)\b"
    ),
    "eligibility": (
        r"\bwho (can|could|may) (become|be|donate|apply|get|have|use|adopt)\b|\beligib\w*|\bqualif\w*"
        r"|\bwho (might|may|would|could) (need|benefit|be in need)\b"
        # conditions an applicant must meet: age, weight, smoking, being single, renting
        r"|\bcan (you|i|we) (adopt|donate|have \w+) if\b|\b(am i|are we) too old\b|\bbmi\b"
        r"|\bwill (i|we) be able to (adopt|donate)\b|\b(eisen|vereisten) (worden|gesteld|voor)\b"
        r"|\blook for in (an? )?\w*\s?donors?\b|\brequirements?\b|\bage limit\b"
        r"|\bwie (kan|kunnen|mag|mogen) .{0,25}\b(worden|doneren|krijgen|meedoen|gebruiken)\b"
        r"|\bhoe word(t)? (je|u|ik|men) \w*donor\b|\bhoe vind (ik|je|u) (een )?\w*donor\b"
        r"|\bvoorwaarden\b|\bleeftijdsgren[sz]\w*|\bin aanmerking (komen|voor)\b"
        r"|\b(voor|bij) wie (wordt|worden|is|zijn|kan|komt)\b|\bfor whom\b|\bwho (is|are) .{0,20}"
        r"\b(for|suitable|offered)\b"
        # who it is for, asked as why people choose it or who needs it
        r"|\bwhy (do|would|does|did) (some )?(\w+ )?(couples|people|parents|women|men|families|recipients?)"
        r" (decide|choose|opt|want|prefer)\b|\bwho needs\b"
        r"|\bwaarom (kiezen|besluiten) (\w+ ){0,2}(ouders|paren|stellen|mensen|vrouwen)\b"
    ),
    "genetics_general": (
        r"\bwhat (is|are) (a |an |the )?(genes?|genetic (disorders?|conditions?|diseases?|tests?"
        r"|testing)|dna|chromosomes?|genetics)\b|\bchromosom\w*"
        r"|\bwat (is|zijn) (een |de |het )?(genen|gen|erfelijke (ziekte|aandoening)\w*|dna"
        r"|chromosom\w*|erfelijkheidsonderzoek)\b|\bchromosoom\w*"
        # a mutation that arose anew, and a parent who has the disease: the sources speak of
        # carrier parents only
        r"|\b(one-off|new|spontaneous|de novo|random) (gene |genetic )?(mutation|change|variant)s?\b"
        r"|\b(nieuwe|spontane|toevallige) (mutatie|genfout|verandering)\w*"
        r"|\bi (have|was diagnosed with) (a |an )?(rare |genetic |inherited |hereditary )*(disease|condition"
        r"|disorder)\b|\bik heb (zelf )?(een )?(zeldzame |erfelijke |genetische )*(ziekte|aandoening)\b"
    ),
    "carrier_screening": (
        r"\bcarrier (screening|test|testing|tests)\b|\bscreen\w* for carriers?\b"
        r"|\bdragerschapstest\w*|\bdragerschapsonderzoek\w*|\bdragerschapsscreening\w*"
        r"|\bpreconceptie\w*"
    ),
    "waiting": (
        r"\bwaiting (list|lists|time|times)\b|\bhow (long|soon) (do|will|until|before|must|should"
        r"|can|does it take)\b.{0,40}\b(wait|hear|know|receive|results?|get an appointment)\b"
        r"|\bwhen (will|do|can|should) (we|i) (get|hear|know|receive)\b.{0,30}\bresults?\b"
        r"|\bsign(ed)? up\b|\bhow (do|can|could|should) (i|we) (register|apply)\b"
        r"|\bhow (can|do|could) (i|we) (access|get access|obtain|arrange|request)\b"
        r"|\bwachtlijst\w*|\bwachttijd\w*|\bhoe lang (moet|moeten) (we|wij|ik|je) wachten"
        r"|\bwanneer (krijgen|horen|weten) (we|wij|ik)\b.{0,30}\b(uitslag|resultaat)"
        r"|\baanmeld\w*|\binschrijv\w*|\bhoe lang duurt het (voor|voordat|tot|totdat)\b"
    ),
    "certainty": (
        r"\baccura\w*|\breliab\w*\b(?!\s+(information|info|sources?|websites?|sites?))|\bfalse(ly)?[ -](positive|negative|alarm)s?\b"
        r"|\b(could|can) (it|the \w+|this|that|the result) be (wrong|a mistake|mistaken|incorrect)"
        r"|\bhow (sure|certain)\b|\b100 ?%|\bdefinitely\b|\bfor certain\b|\bmistake"
        r"|\bbetrouwba\w*\b(?!\s+(informatie|info|infomatie|bronnen?|websites?|sites?))|\bnauwkeurig\w*|\bvals(e|elijk)?[ -]?(positie\w*|negatie\w*|alarm)"
        r"|\b(fout|mis) (zijn|zitten|gaan)\b|\bvergis\w*|\bhoe (zeker|betrouwbaar)\b"
        r"|\bzeker weten\b|\b100 procent\b|\bonterecht\w*|\bguarant\w*|\bgaranti?e\w*"
        r"|\b(definite|definitive|conclusive|inconclusive|definitief|sluitend|uitsluitsel)\b"
    ),
    "numbers": (
        # how many of anything but a chance, a percentage, carriers or gene copies (their own kinds
        # and answers); "how many of our children" asks the chance
        r"\bhow many\b(?! of (our|my|your)\b)(?!.{0,25}\b(chances?|percent\w*|carriers?|cop(y|ies)|risk"
        r"|attempts|cycles|tries|rounds|days|weeks)\b)"
        r"|\bhoeveel\b(?! van (onze|mijn|jouw|uw)\b)(?!.{0,25}\b(kans\w*|procent|drager\w*|kopie\w*|risico\w*"
        r"|pogingen|behandelingen|cycli|rondes|dagen|weken)\b)"
    ),
    "risk": (
        r"\brisks?\b|\brisky\b|\bsafe\b|\bsafety\b|\bdanger\w*|\bharm\w*|\bcomplicat\w*"
        r"|\brisico\w*|\bveilig\w*|\bgevaar\w*|\bschadelijk\w*|\bcomplicatie\w*"
    ),
    "carrier_frequency": (
        r"\b(how (common|many|often)|hoe vaak|hoeveel)\b.{0,30}\b(carriers?|drager\w*)\b"
        r"|\bcarrier (frequency|rate)s?\b|\bdragerschapsfrequentie\w*"
    ),
    "donor_screening": (
        r"\bdonor'?s?\b(\s+\w+){0,2}\s+(is|are)\s+(also\s+)?(a\s+)?carriers?\b"
        r"|\bdonor'?s? (carrier|genetic)\w*"
        r"|\bdonors?\b.{0,20}\b(screened|tested|screening)\b|\bdonor'?s?\b.{0,25}\bgenes\b"
        r"|\bdonor\w*\b.{0,15}\b(ook )?drager (is|zijn)\b|\bdonor\w*\b.{0,20}\b(gescreend|getest)\b"
    ),
    "future": (
        r"\bin (the|de) (future|toekomst)\b|\blater in life\b|\bop (latere|volwassen) leeftijd\b"
        r"|\bwhen (he|she|they) (is|are|gets?|grows?) (older|up)\b|\bals (hij|zij|ze) ouder (is|wordt)\b"
    ),
    "embryo_storage": (
        r"\b(leftover|left-over|remaining|surplus|spare|frozen|freez\w*|stored?)\s+embryos?\b"
        r"|\bembryos?\b.{0,30}\b(frozen|freez\w*|stored|storage|left over|leftover)\b"
        r"|\b(boventallig\w*|overgebleven|ingevroren|invriezen|niet teruggeplaatst\w*)\b"
    ),
    "pgt_types": r"\bpgt-?(a|sr|p)\b|\bpgs\b|\baneuploid\w*",
    "success": (
        r"\bsuccess\w*|\bchances? of (getting |becoming )?pregnan\w*|\bpregnancy rates?"
        r"|\bhow many (attempts|cycles|tries|rounds)\b|\b(live )?birth rates?"
        r"|\bslagingskans\w*|\bkans (op|om) (een |te )?zwanger\w*|\bhoeveel (pogingen|behandelingen"
        r"|cycli|rondes)\b|\bsucces\w*"
    ),
    "life_expectancy": (
        r"\boutlook\b|\bprognos\w*|\bvooruitzicht\w*|\blife[ -]?expectanc\w*|\blife ?span\b|\bhow long (will|do|does|can|could)\b.{0,40}\blive\b"
        r"|\b(live|survive) (to|into|until|past) (adulthood|adult|school|\d+)|\bsurviv\w*"
        r"|\blevensverwachting\w*|\bhoe oud (word|worden|wordt)\b|\bhoe lang (leeft|leven|zal)\b"
        r".{0,30}\bleven\b|\boverleven\w*|\boverlevingskans\w*"
    ),
    "diagnosis_how": (
        r"\bhow (to|is|are|do you|do they|can you|do doctors|does one) (\w+ )?diagnos\w*"
        r"|\bhow (do|can) (you|they|doctors) (tell|know|find out|detect)\b"
        r"|\bhoe (wordt|worden|stel je|stelt men|stellen) .{0,30}\bdiagnos\w*|\bhoe (weet|ontdekt"
        r"|ontdekken|ziet) (je|men|de arts|de dokter|artsen)\b"
    ),
    "prevention": r"\bprevent\w*|\bvoorkom\w*|\bpreventie\w*",
    "research": (
        r"\bresearch\w*|\bclinical trials?\b|\bstudies (on|into|for)\b|\bnew (treatments|drugs"
        r"|medicines)\b|\bwetenschappelijk\w*|\bklinische (studie|trial)\w*|\bnieuwe (medicijnen"
        r"|behandelingen)\b"
    ),
    "medicine": (
        r"\b(spinraza|nusinersen|zolgensma|onasemnogene|evrysdi|risdiplam|gene therap\w*"
        r"|gen(e)?therapie\w*)\b"
        # how one treatment compares with another
        r"|\b(treatments?|therap\w*|medicines?|drugs?|medications?|behandeling\w*|medicijn\w*)\b.{0,30}"
        r"\b(different|differs?|compare\w*|verschil\w*|vergelijk\w*)\b"
        r"|\b(verschil|difference)\w* (tussen|between) .{0,30}\b(treatments?|therap\w*|medicines?|drugs?"
        r"|behandeling\w*|medicijn\w*)\b|\bhoe verschillen (de )?(behandelingen|medicijnen|middelen"
        r"|therapie\w*)\b|\bhow do (the )?(treatments|medicines|drugs|therapies) (differ|compare)\b"
    ),
    "side_effects": r"\bside[ -]?effects?\b|\bbijwerking\w*",
    "types": (
        # "SMARD type 1" / "respiratory distress type 1" is the condition's name, not a type
        r"\btypes\b|(?<!distress )(?<!smard )\btype[ -]?(0|1|2|3|4|i|ii|iii|iv)\b|\b(kinds|forms|varieties) of\b"
        r"|\btypen\b|\bsoorten\b|\bvormen\b"
        r"|\bsma ?(0|1|2|3|4|i|ii|iii|iv)\b|\bwerdnig|\bkugelberg"
    ),
    "other_conditions": (
        r"\b(down syndrome|downsyndroom|cystic fibrosis|taaislijmziekte|muco(viscidose)?|duchenne"
        r"|sickle|sikkel\w*|thalass\w*|tay[ -]sachs|pku|fenylketonurie|hemofilie|haemophilia"
        r"|meningo\w*|huntington|fragile x|fragiele x|trisomie|trisomy)\b"
        r"|\b(ziektes|ziekten|aandoeningen|diseases|conditions|disorders)\b.{0,40}\b(gescreend"
        r"|screen\w*|getest|opgespoord|tested|test for)\b"
        r"|\b(gescreend|screen\w*|getest|opgespoord|tested|test for)\b.{0,40}\b(ziektes|ziekten"
        r"|aandoeningen|diseases|conditions|disorders)\b"
        r"|\bother (diseases|conditions|disorders|illnesses)\b|\bwhich (diseases|conditions|disorders)"
        r"\b.{0,30}\b(screen\w*|test\w*|heel|blood ?spot)"
        r"|\bandere (ziekte\w*|aandoening\w*)\b|\bwelke (ziekte\w*|aandoening\w*) .{0,30}"
        r"\b(hielprik|screening|getest|opgespoord)"
    ),
    "timing": (
        r"\bwhen (is|are|does|do|will|should|can|could)\b(?!.{0,40}\b(results?|hear)\b)"
        r"|\bat what (age|point|stage|week)\b|\bhow (early|soon|late)\b|\bwhich week\b"
        r"|\bhow many (days|weeks) (after|before|into)\b"
        r"|\bwanneer (wordt|worden|is|zijn|moet|moeten|kan|kun|kunnen|begint|beginnen|ontstaat"
        r"|ontstaan|krijgt|krijgen|doe|doen|mag|start)\b(?!.{0,40}\b(uitslag|resultaat)\b)"
        r"|\bop welke (leeftijd|dag|termijn)\b|\bin welke week\b|\bhoe vroeg\b"
        r"|\bhoeveel (dagen|weken) na\b"
    ),
}
KINDS: tuple[str, ...] = tuple(_PATTERNS)
_COMPILED = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in _PATTERNS.items()}


def kinds_asked(text: str) -> list[str]:
    """The kinds of question `text` asks, in KINDS order (empty: a plain "what is it")."""
    return [kind for kind, pattern in _COMPILED.items() if pattern.search(text or "")]
