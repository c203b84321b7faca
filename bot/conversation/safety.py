"""A keyword net under the NLU for acute medical worries.

Safety must not hang on a classifier's confidence alone: a message about a child who may be ill
*now* (breathing, colour, feeding, limpness, fever, drowsiness, choking, a seizure) or that asks
whether to call a doctor, the out-of-hours GP or 112, gets the emergency answer whatever intent
was predicted, with the typos and inflections parents write ("can't breath", "krijgt bijna geen
lucht"). Each entry below is one sign; tests/test_safety.py fails when any one is deleted.
Information questions ("why do children with SMARD have breathing problems?") name a subject,
not a child in trouble, and must not trigger: entries need a verb or a state, not a subject word.
"""

from __future__ import annotations

import re

# Optional small words between a verb and its state: "is very blue", "wordt helemaal blauw".
_A = (
    r"(?:(?:very|all|a|bit|little|slightly|really|completely|quite|so|kind|of|totally|er|"
    r"helemaal|heel|erg|een|beetje|wat|zo|nogal|al)\s+){0,3}"
)
_APOS = r"[’']?"

SIGNS: dict[str, tuple[str, ...]] = {
    "nl": (
        # breathing
        r"\b(?:kan|kon)\s+(?:bijna\s+)?(?:niet|nauwelijks|moeilijk|slecht)\s+(?:meer\s+)?(?:goed\s+)?adem",
        r"\badem(?:t|de|pt)\s+(?:\w+\s+){0,2}(?:niet|nauwelijks|snel|moeilijk|zwaar|raar|vreemd|oppervlakkig|onregelmatig|met\s+moeite|piepend)",
        r"\b(?:stopt|stopte|gestopt)\s+met\s+ademen|\bademhaling\s+(?:\w+\s+)?(?:stopt|valt\s+(?:\w+\s+)?weg|hapert)",
        r"\b(?:stopt|stopte|stoppen)\s+(?:\w+\s+){1,3}met\s+ademen|\bstoppen\s+met\s+ademen",
        r"\bhoor\s+(?:\w+\s+){0,2}niet\s+(?:meer\s+)?ademen",
        r"\bademhaling\s+(?:is|gaat|wordt|klinkt)\s+"
        + _A
        + r"(?:snel|moeilijk|zwaar|raar|vreemd|slecht|onregelmatig|oppervlakkig)",
        r"\b(?:krijgt|kreeg)\s+(?:\w+\s+){0,2}(?:geen|weinig|nauwelijks|moeilijk|slecht)\s+lucht",
        r"\b(?:hapt|hapte|happen)\s+naar\s+(?:lucht|adem)",
        r"\bbenauwd\b",
        r"\b(?:hij|zij|ze|het|mijn\s+\w+|ons\s+\w+|onze\s+\w+)\s+(?:heeft|had|krijgt|kreeg)\s+(?:\w+\s+){0,2}moeite\s+met\s+(?:het\s+)?adem",
        # noisy breathing: wheezing, rattling, a whistle or a squeak with each breath
        r"\b(?:ademhaling|adem|ademt|ademde|ademen)\b.{0,30}\b(?:piep|rochel|reutel|gier|fluit)\w*|\b(?:piept|rochelt|reutelt)\b",
        r"\bademstilstand|\bapneu|\bademstops?\b|\badempauze",
        # colour
        r"\b(?:wordt|word|werd|is|ziet|zag|kleurt|kleurde|loopt|liep|lijkt)\s+"
        + _A
        + r"(?:blauw|grauw|grijs|paars|lijkbleek)",
        r"\b(?:wordt|werd|is|ziet|zag|kleurt|kleurde|liep|lijkt)\s+(?:hij|zij|ze|het)\s+"
        + _A
        + r"(?:blauw|grauw|grijs|paars|lijkbleek|bleek)",
        r"\bblauwig|\bblauwachtig|\bblauw\s+(?:rond|om)\s+(?:de|zijn|haar|z'n|d'r)\s+(?:mond|lippen|neus)",
        r"\bblauwe\s+lippen|\blippen\s+(?:zijn|worden|werden)\s+" + _A + r"blauw",
        # feeding
        r"\bdrinkt\s+(?:\w+\s+)?(?:niet|nauwelijks|geen)",
        r"\bwil\s+(?:\w+\s+)?niet\s+(?:meer\s+)?(?:drinken|eten)",
        r"\b(?:stopt|gestopt)\s+met\s+drinken",
        # limpness, drowsiness, responsiveness
        r"\b(?:is|wordt|werd|voelt|lijkt|hangt|erg|heel|zo|helemaal)\s+slap\b",
        r"\b(?:suf|suffig|sufferig|versuft)\b",
        r"\b(?:te|erg|heel|zo|abnormaal)\s+slaperig\b|\bhoest\w*\b.{0,40}\b(?:onschuldig|gevaarlijk|ernstig|zorgwekkend)\b",
        r"\breageert\s+(?:\w+\s+){0,2}(?:niet|nergens|nauwelijks|slecht)",
        r"\bbewusteloos|\bbuiten\s+bewustzijn",
        r"\b(?:moeilijk|slecht|nauwelijks)\s+wakker\b",
        r"\bniet\s+(?:meer\s+)?wakker\s+(?:te\s+krijgen|worden)|\bwordt\s+niet\s+(?:meer\s+)?wakker",
        # fever
        r"\bkoorts",
        r"\bgloeit\b|\bvoelt\s+" + _A + r"(?:heet|gloeiend)\b",
        # choking, seizures
        r"\bstikt\b|\bstikken\b",
        r"\bverslikt?\b|\bverslikken\b",
        r"\bstuip|\binsult|\bepileptische\s+aanval|\bschokt\b",
        r"\bkrampt\b|\bogen\s+draaien\s+weg",
        # resuscitation: what to do when a baby stops breathing
        r"\breanim\w*|\bhartmassage|\bmond[\s-]op[\s-]mond",
        # asking whether to call a doctor now, or when to worry
        r"\b(?:huisarts|huisartsenpost|dokter|arts|kinderarts|112|1733|ambulance|spoedpost|ziekenhuis|wachtpost|doktersdienst)\s+(?:\w+\s+)?(?:bellen|bel|inschakelen)\b",
        r"\b(?:bel|belt|bellen)\s+(?:ik|we|wij|je|jij|u)?\s*(?:de|het|een|onze|mijn|uw|je)?\s*(?:huisarts|huisartsenpost|dokter|kinderarts|112|1733|ambulance|spoedpost|wachtpost|doktersdienst)",
        # Flemish and Dutch out-of-hours services, and an urgent appointment
        r"\b(?:dokter|arts|huisarts|apotheek)\s+van\s+(?:wacht|dienst)\b|\bwachtdienst|\bhuisartsenwachtpost|\bspoedafspraak",
        r"\bnaar\s+de\s+(?:huisartsenpost|spoedeisende\s+hulp|eerste\s+hulp|spoedpost|seh)\b",
        r"\bzorgen\s+(?:maken\s+)?over\s+(?:zijn|haar|z'n|d'r|de|mijn|ons)\s+(?:\w+\s+)?(?:ademhaling|adem|kleur|drinken|voeding|temperatuur)",
        r"\bernstig\s+genoeg\b",
        r"\b(?:noodgeval|spoedgeval)",
        r"\b(?:dokter|arts|huisarts|kinderarts)\s+(?:raadplegen|raadpleegt|waarschuwen|contacteren)"
        r"|\bcontact\s+(?:op)?nemen\s+met\s+(?:de|een|uw|je)\s+(?:huisarts|dokter|arts|kinderarts|huisartsenpost)",
        r"\bherken\w*\b.{0,30}\bziek|\balarm(?:signa|symptom|teken)\w*|\bwaarschuwingssigna\w*",
        r"\bniet\s+zichzelf\b|\biets\s+mis\s+met\s+(?:mijn|ons|onze|je|uw)\s+(?:baby|kind|kindje|zoon|zoontje|dochter|dochtertje)\b",
        r"\bwanneer\s+(?:moet|moeten)\s+(?:je|ik|we|wij)\s+(?:je|me|mij|ons)?\s*(?:nu\s+)?(?:echt\s+)?(?:zorgen\s+maken|ongerust)",
        r"\breden\s+tot\s+(?:ongerustheid|zorg)",
        r"\b(?:dokter|arts|huisarts|kinderarts)\s+nodig\b",
        r"\bwanneer\s+naar\s+de\s+(?:dokter|huisarts|arts|kinderarts)",
        r"\b(?:moet|moeten)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,5}naar\s+de\s+(?:dokter|huisarts|arts|kinderarts)",
        r"\b(?:niets|iets)\s+ernstigs\s+aan\s+de\s+hand",
        r"\bhoe\s+weet\s+(?:je|ik|u)\s+of\s+(?:je|jouw|mijn|uw|ons|onze)\s+(?:baby|kind|kindje)\s+ziek",
        r"\b(?:mijn|ons|onze|uw|je)\s+(?:baby|kind|kindje|zoon|zoontje|dochter|dochtertje)\s+(?:is|wordt|lijkt)\s+(?:zo\s+|erg\s+|heel\s+)?ziek\b",
        r"\bdoodziek|\bzieker\b|\b(?:is|lijkt)\s+(?:hij|zij|ze)\s+(?:erg\s+|heel\s+|zo\s+)ziek\b",
        r"\b(?:heeft|had|krijgt|kreeg)\s+(?:\w+\s+)?verhoging\b",
        r"\bblafhoest|\b(?:pseudo)?kroep\b|\bhoest\w*\s+(?:\w+\s+)?(?:heel\s+|erg\s+|zo\s+)?(?:veel|erg|steeds|aan\s+een\s+stuk|de\s+hele\s+(?:nacht|dag))",
        r"\bwanneer\s+(?:ga|gaat|moet|moeten)\s+(?:je|u|ik|we|wij)\s+(?:\w+\s+){0,4}naar\s+(?:de|een)\s+(?:dokter|huisarts|arts|kinderarts|spoedeisende|spoedpost|huisartsenpost)",
        r"\b(?:moet|moeten)\s+(?:ik|we|wij|je|u)\s+(?:me|mij|ons|je)\s+(?:nu\s+)?(?:zorgen|ongerust)\s+maken\s*[?!.]*\s*$"
        r"|\b(?:moet|moeten)\s+(?:ik|we|wij|je|u)\s+ongerust\s+(?:zijn|worden)\b|\bis\s+(?:het|dit)\s+dringend\s*[?!.]*\s*$",
        # further warning signs of a seriously ill baby (the GP guidelines' red flags)
        r"\b(?:is|wordt|werd|ziet|zag|lijkt)\s+" + _A + r"(?:bleek|lijkbleek)\b",
        r"\bkoude\s+(?:handen|voeten)",
        r"\bontroostbaar|\bhuilt\s+(?:\w+\s+)?(?:hoog|schel)",
        r"\bkreun(?:t|en|end)\b|\bneusvleugel|\bintrekkingen",
        r"\bfontanel",
        r"\b(?:blijft|steeds|alles)\s+(?:\w+\s+)?(?:overgeven|spugen|braken)|\bspuugt\s+alles|\bbraakt\b",
        r"\bdroge\s+luiers|\bplast\s+(?:bijna\s+)?(?:niet|weinig)|\buitgedroogd|\buitdroging",
        r"\bvlekjes\s+die\s+niet\s+(?:weg)?(?:gaan|drukken)|\bniet\s+wegdrukbare",
        r"\bnekstijf|\bstijve\s+nek|\bmeningokok|\bhersenvliesontsteking",
        r"\b(?:38|39|40|41)(?:[.,]\d)?\s*(?:graden|°)",
        r"\bbeweegt\s+(?:bijna\s+|haast\s+)?(?:niet|nauwelijks)\b",
        # signs told in a subordinate clause, where Dutch puts the verb last ("als hij blauw wordt")
        r"\bals\s+(?:hij|zij|ze|het|mijn\s+\w+|ons\s+\w+|onze\s+\w+)\s+(?:\w+\s+){0,3}"
        r"(?:blauw|grauw|grijs|slap|ziek|benauwd|bleek|suf)\s+(?:wordt|is|ziet|lijkt|raakt)\b"
        r"|\b(?:niet|nauwelijks|moeilijk|slecht)\s+(?:goed\s+)?(?:kan|kon)\s+ademen",
        # breathing with the belly, the chest or the belly drawn in, a sound with each breath
        r"\b(?:buik|borstkas|ribben|borst)\b.{0,20}\b(?:trekt|trekken|zakt|zakken)\s+(?:\w+\s+)?in\b"
        r"|\bademt\s+met\s+(?:zijn|haar|z'n|d'r|de)\s+buik"
        r"|\bgeluid\w*\b.{0,25}\b(?:adem|ademen|ademt)\b",
        # feeding and waking less than usual
        r"\bdrinkt\s+(?:\w+\s+){0,2}(?:niks|niets|weinig|slecht)\b|\bzweet\w*\b.{0,30}\b(?:drink|voed)\w*",
        r"\bslaapt\s+(?:de\s+hele\s+dag|heel\s+veel|alleen\s+maar|steeds)|\b(?:moeilijk|slecht|niet)\s+te\s+wekken",
        r"\bwordt\s+(?:\w+\s+)?(?:zwakker|slapper|zieker)|\bsteeds\s+(?:zwakker|slapper|zieker)",
        # an infection now, which in a weak child can need a doctor soon
        r"\b(?:(?:is|wordt|werd)\s+(?:\w+\s+)?verkouden|(?:heeft|kreeg|krijgt)\s+(?:\w+\s+){0,2}"
        r"(?:longontsteking|griep|virus|infectie|rs-virus|bronchiolitis|verkoudheid))"
        r".{0,40}\b(?:gevaarlijk|ernstig|zorgen|wat\s+(?:moet|moeten|doe|doen)|dokter|huisarts|benauwd|adem\w*)",
        # where to go now, whom to ring at night
        r"\bnu\s+(?:\w+\s+)?naar\s+(?:het\s+ziekenhuis|de\s+(?:dokter|huisarts|eerste\s+hulp|spoedeisende))"
        r"|\bnaar\s+het\s+ziekenhuis\s+(?:nu|meteen|direct|vannacht)",
        r"\bwie\s+(?:bel|moet|kan)\s+(?:ik|we|wij)\s+(?:\w+\s+){0,2}(?:[’']s\s+nachts|in\s+het\s+weekend|als\s+(?:mijn|ons|onze|hij|zij|ze)\b)",
    ),
    "en": (
        # breathing
        r"\b(?:can" + _APOS + r"t|cannot|can\s+not|couldn" + _APOS + r"t)\s+(?:\w+\s+){0,2}breath",
        r"\b(?:not|isn"
        + _APOS
        + r"t|wasn"
        + _APOS
        + r"t|weren"
        + _APOS
        + r"t|st?opped|stops|stopping)\s+breathing",
        # "why does my newborn stop breathing?", "did she just stop breathing?"
        r"\b(?:newborns?|bab(?:y|ies)|infants?|child(?:ren)?|he|she|they|it)\s+(?:\w+\s+){0,2}stop\s+breathing\b",
        r"\b(?:having|has|had|shows?|showing)\s+(?:\w+\s+)?(?:difficulty|trouble|problems?|a\s+hard\s+time)\s+(?:with\s+)?breath",
        # noisy breathing: wheezing, rattling, a whistle or a squeak with each breath
        r"\b(?:wheez|squeak|whistl|rattl|grunt)\w*\b.{0,30}\bbreath|\bbreath\w*\b.{0,30}\b(?:wheez|squeak|whistl|rattl)\w*"
        r"|\b(?:is|'s|keeps|started|starts)\s+(?:\w+\s+)?wheezing",
        r"\bstruggl\w*\s+(?:to\s+|with\s+)?(?:\w+\s+)?breath",
        r"\b(?:he|she|baby|son|daughter|child|it|they)(?:"
        + _APOS
        + r"s|\s+is|\s+was|\s+are|\s+keeps)?\s+breathing\s+"
        r"(?:too\s+|very\s+|really\s+|so\s+|a\s+bit\s+)?(?:fast|quickly|hard|heavily|heavy|noisily|strangely|weird|funny|shallow)",
        r"\b(?:his|her|their|its|baby"
        + _APOS
        + r"s)\s+breathing\s+(?:is|was|sounds|seems|looks)\s+"
        + _A
        + r"(?:fast|quick|hard|heavy|noisy|strange|weird|funny|shallow|off|wrong|bad|irregular|laboured|labored|odd)",
        r"\b(?:is|was|seems|looks|getting|gets|got|very|so)\s+(?:very\s+|so\s+)?(?:short|out)\s+of\s+breath",
        r"\bgasp(?:s|ed|ing)?\b",
        r"\b(?:no|can" + _APOS + r"t\s+get(?:\s+any)?|not\s+getting(?:\s+any|\s+enough)?)\s+air\b",
        r"\b(?:worr(?:y|ied)|concerned|anxious)\s+about\s+(?:his|her|their|its|the\s+baby"
        + _APOS
        + r"s?|my\s+baby"
        + _APOS
        + r"s?)\s+(?:\w+\s+)?(?:breathing|colou?r|feeding|temperature)",
        # colour
        r"\b(?:is|was|went|goes|going|gone|turn\w*|look|looks|looked|looking)\s+"
        + _A
        + r"(?:blue|grey|gray|purple)\b",
        r"\b(?:is|does|did)\s+(?:he|she|they|it|the\s+baby|your\s+baby|my\s+baby|the\s+child|your\s+child)\s+"
        r"(?:look\s+|seem\s+|go\s+|turn\s+)?"
        + _A
        + r"(?:pale|blue|grey|gray|purple|floppy|limp|blu(?:e)?ish)\b",
        r"\bblu(?:e)?ish\b|\bblue\s+(?:around|round)\s+(?:the|his|her)\s+(?:lips|mouth)",
        r"\bblue\s+lips|\blips\s+(?:are|were|look|went|turned)\s+" + _A + r"blue",
        # feeding
        r"\b(?:won"
        + _APOS
        + r"t|will\s+not|isn"
        + _APOS
        + r"t|is\s+not|not|stopped|refuses?\s+to|refusing\s+to)\s+"
        r"(?:drink|feed|eat)(?:ing)?\b",
        r"\bpoor\s+feeding|\bfeeding\s+(?:less|poorly|badly)|\brefus\w*\s+(?:\w+\s+)?(?:feeds?|bottles?|breast|milk)\b"
        r"|\b(?:can" + _APOS + r"t|cannot|unable\s+to)\s+(?:suck|swallow)\b",
        # limpness, drowsiness, responsiveness
        r"\blimp\b|(?:\bis|'s|\bwent|\bgone|\bfeels|\bseems)\s+" + _A + r"flopp?y",
        r"\b(?:very|so|really|unusually)\s+(?:drowsy|sleepy|lethargic)|\blethargic\b",
        r"\btoo\s+(?:drowsy|sleepy|lethargic)\b|\bcough\w*\b.{0,40}\b(?:serious|dangerous|harmless|worrying)\b",
        r"\b(?:hard|difficult|impossible)\s+to\s+wake",
        r"\bunresponsive|\b(?:not|isn"
        + _APOS
        + r"t)\s+responding|\bdoesn"
        + _APOS
        + r"t\s+respond|\bwon"
        + _APOS
        + r"t\s+respond",
        r"\bunconscious|\bpassed\s+out|\bfainted",
        r"\b(?:won" + _APOS + r"t|can" + _APOS + r"t|cannot|will\s+not)\s+(?:\w+\s+)?wake\b",
        # fever
        r"\bfever|\bhigh\s+temperature|\bburning\s+up",
        r"\b(?:feels|felt|is|was)\s+"
        + _A
        + r"hot\s+to\s+the\s+touch|\bfeels\s+(?:very\s+|so\s+|really\s+)hot\b",
        # choking, seizures
        r"\bchok(?:e|es|ed|ing)\b",
        # resuscitation: what to do when a baby stops breathing
        r"\bcpr\b|\bresuscitat\w*|\bheimlich|\bback\s+blows|\bchest\s+compressions",
        r"\bseizures?|\bseizing|\bconvuls|\b(?:having|has|had)\s+a\s+fit\b|\bfitting\b",
        # asking whether to call a doctor now, or when to worry
        r"\b(?:call|ring|phone|contact)\s+(?:the\s+|a\s+|an\s+|our\s+|my\s+)?(?:doctor|gp|paediatrician|pediatrician|out[\s-]of[\s-]hours|emergency|ambulance|112|111|999|911|huisarts|huisartsenpost)",
        r"\burgent\s+(?:gp\s+|doctor"
        + _APOS
        + r"s?\s+)?(?:appointment|care|help|advice)|\bout[\s-]of[\s-]hours\b",
        r"\bgo\s+to\s+(?:the\s+)?(?:a\s*&\s*e|er|emergency\s+room|huisartsenpost)\b",
        r"\bserious\s+enough\b",
        r"\bdial\s+(?:112|111|999|911)\b|\brecogni[sz]\w*\b.{0,30}\b(?:sick|ill|unwell|serious)",
        r"\b(?:isn" + _APOS + r"t|is\s+not|not)\s+(?:him|her|them)sel(?:f|ves)\b"
        r"|\bsomething\s+(?:is\s+|"
        + _APOS
        + r"s\s+)?(?:wrong|not\s+right)\s+with\s+(?:my|our|the|your)\s+(?:baby|child|son|daughter)\b",
        r"\bwhen\s+(?:should|do|must)\s+(?:i|we|you|parents)\s+(?:worry|be\s+worried)",
        # "should we be worried?", not "should I worry about being a carrier?"
        r"\bshould\s+(?:i|we)\s+(?:be\s+)?(?:worr(?:y|ied)|concerned)\s*(?:[?!.]*\s*$|about\s+(?:this|that|it|him|her)\b)",
        r"\bhow\s+(?:do|can|will|would|should)\s+(?:i|we|you|parents)\s+(?:know|tell)\s+(?:if|when|whether)\b.{0,40}\b(?:serious|ill|sick|unwell|worse|wrong|emergency)",
        r"\b(?:baby|child|son|daughter|he|she)(?:"
        + _APOS
        + r"s|\s+is|\s+seems|\s+looks|\s+feels|\s+has\s+got|\s+got)\s+"
        r"(?:\w+\s+)?(?:unwell|poorly|worse|very\s+ill|really\s+ill|so\s+ill|seriously\s+ill)\b",
        r"\bemergency\b",
        r"\bnot\s+waking\s+(?:up\s+)?(?:for|to)\b",
        r"\bwhy\s+(?:does|is)\s+(?:he|she|my\s+baby|the\s+baby)\s+(?:breath\w*|cough\w*)\s+like\s+this",
        r"\bsee\s+a\s+(?:doctor|gp)\s+about\s+(?:my|our|his|her)\s+(?:\w+\s+){0,2}(?:breathing|child|baby)",
        r"\b(?:do|should)\s+(?:i|we)\s+(?:need\s+to\s+)?see\s+a\s+(?:doctor|gp)\b",
        r"\b(?:my|our|the)\s+(?:baby|child|son|daughter|boy|girl)\b.{0,30}\b(?:difficulty|trouble|hard\s+time|problems?)\s+(?:with\s+)?breath",
        r"\bfinding\s+it\s+hard\s+to\s+breathe",
        r"\b(?:he|she|baby|child|it|they)\s+(?:\w+\s+)?breathes?\s+(?:very\s+|so\s+|really\s+|too\s+)?(?:heavily|hard|fast|quickly|rapidly|noisily)\b"
        r"|\bbreathing\s+(?:very\s+|so\s+|really\s+)?(?:heavily|rapidly|noisily)\b"
        r"|\b(?:rapid|laboured|labored|noisy)\s+breathing\b",
        r"\bapn(?:o)?ea\b|\bpauses?\s+in\s+(?:his|her|their|the\s+baby"
        + _APOS
        + r"s|my\s+baby"
        + _APOS
        + r"s)?\s*breathing",
        r"\bcough(?:s|ing|ed)?\s+(?:\w+\s+)?(?:a\s+lot|all\s+night|non[\s-]?stop|like\s+this|badly|constantly)"
        r"|\bcan" + _APOS + r"t\s+stop\s+coughing|\bcroup\b|\bbarking\s+cough",
        r"\bwhen\s+to\s+(?:call|ring|phone|see|contact|go\s+to)\s+(?:a\s+|the\s+|your\s+)?(?:doctor|gp|paediatrician|pediatrician|hospital|a\s*&\s*e|er)\b"
        r"|\bseek\s+(?:urgent\s+)?(?:medical\s+)?(?:help|advice|attention|care)\b|\bmedical\s+attention\b",
        r"\btake\s+(?:him|her|them|my\s+\w+|our\s+\w+|the\s+baby|your\s+baby|your\s+child)\s+to\s+(?:the\s+)?(?:hospital|doctor|gp|a\s*&\s*e|er|emergency)",
        r"\b(?:seriously|very|really|so)\s+(?:ill|sick)\b|\bsigns?\b.{0,25}\b(?:serious|severe)\s+(?:illness|infection)"
        r"|\b(?:is|was)\s+(?:he|she|the\s+baby|my\s+baby|your\s+baby|your\s+child)\s+(?:\w+\s+)?(?:sick|ill|unwell)\b",
        r"\b(?:has|had|got|running)\s+a\s+temperature\b|\b(?:is\s+(?:it|this)|how)\s+urgent(?:\s+is\s+(?:it|this))?\s*[?!.]*\s*$",
        # further warning signs of a seriously ill baby (the NHS's red flags)
        r"\b(?:is|was|looks|looking|seems|went|turned)\s+" + _A + r"pale\b",
        r"\bcold\s+(?:hands|feet)|\b(?:hands|feet)\s+(?:and\s+(?:hands|feet)\s+)?(?:are|feel)\s+(?:\w+\s+)?cold",
        r"\binconsolabl|\bhigh[\s-]pitched\s+cry|\bwon" + _APOS + r"t\s+stop\s+crying",
        r"\bgrunt(?:s|ing)?\b|\bnostrils\s+flar|\bsucking\s+in\s+(?:\w+\s+)?(?:under|between)",
        r"\bsunken\s+(?:soft\s+spot|fontanel)|\bsoft\s+spot\b.{0,30}\bsunken",
        r"\b(?:is|keeps|keep|has\s+been|was|started|starts|been)\s+(?:\w+\s+)?(?:vomiting|throwing\s+up|being\s+sick)",
        r"\bdry\s+(?:nappies|nappy|diapers?)|\bno\s+wet\s+(?:nappies|nappy|diapers?)|\bdehydrat",
        r"\brash\s+(?:that|which)\s+(?:doesn"
        + _APOS
        + r"t|does\s+not|won"
        + _APOS
        + r"t)\s+fade|\bglass\s+test",
        r"\bstiff\s+neck|\bmeningitis",
        r"\b(?:38|39|40|41|100|101|102|103|104)(?:\.\d)?\s*(?:degrees|°)",
        r"\b(?:is\s+not|isn" + _APOS + r"t|not|stopped)\s+moving\b",
        # breathing with the belly, the chest or the belly drawn in, a sound with each breath
        r"\bbreath\w*\s+(?:\w+\s+){0,2}(?:belly|tummy|stomach)\b"
        r"|\b(?:belly|tummy|stomach|chest|ribs)\b.{0,25}\b(?:pulls?|sucks?|sinks?|pulling|sinking|caves?)\s+in\b"
        r"|\b(?:noise|sound)s?\b.{0,25}\bwhen\s+(?:he|she|they|it|the\s+baby|my\s+baby)\s+breathes",
        r"\bdusky\b|\bmottled\b",
        # weaker, floppier, sleepier than usual; feeding less
        r"\bgetting\s+(?:\w+\s+)?(?:weaker|floppier|worse)\b|\b(?:gone|become|went)\s+(?:\w+\s+){0,3}(?:floppy|limp|weak)\b",
        r"\b(?:hardly|barely|scarcely)\s+(?:drinks?|drinking|drank|feeds?|feeding|fed|eats?|eating)\b"
        r"|\bonly\s+(?:takes?|took|drinks?|drank)\s+(?:a\s+)?(?:few|little|couple)"
        r"|\bsweat\w*\b.{0,30}\b(?:drink|feed)\w*",
        r"\bto\s+rouse\b|\bsleeps?\s+(?:all\s+the\s+time|all\s+day|constantly)",
        # an infection now, which in a weak child can need a doctor soon
        r"\b(?:he|she|my\s+\w+|our\s+\w+|baby|child)\s+(?:has|has\s+got|"
        + _APOS
        + r"s\s+got|got|caught)\s+"
        r"(?:a\s+|an\s+)?(?:\w+\s+)?(?:cold|chest\s+infection|pneumonia|flu|virus|infection|rsv|bronchiolitis)\b"
        r".{0,40}\b(?:dangerous|serious|worr\w*|what\s+(?:do|should|can)|doctor|gp|breath\w*)",
        # where to go now, whom to ring, what to do for a child who is ill
        r"\b(?:hospital|a\s*&\s*e|er|doctor|gp)\s+(?:right\s+|straight\s+)?(?:now|tonight|away|immediately)\b",
        r"\bwho\s+(?:do|should|can)\s+(?:i|we)\s+(?:call|ring|phone|contact)\b.{0,30}\b(?:at\s+night|weekend|if\s+(?:my|our|he|she)\b)"
        r"|\bwhat\s+(?:do|should|can|must)\s+(?:i|we)\s+do\b.{0,40}\b(?:sick|ill|unwell|breath\w*)\b"
        r"|\b(?:sick|ill|unwell)\b.{0,30}\bwhat\s+(?:do|should|can|must)\s+(?:i|we)\s+do\b",
    ),
}

_ACUTE = re.compile("|".join(f"(?:{p})" for lang in SIGNS for p in SIGNS[lang]), re.IGNORECASE)


def is_acute(text: str) -> bool:
    """True when the text is about a child who may be ill now, or asks whether to call a doctor."""
    return bool(_ACUTE.search(text or ""))
