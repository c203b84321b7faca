"""The kinds of question (bot/content/question_kind.py), pinned by data: every alternative of every
pattern as a parent would type it, and plain questions that ask no kind at all."""

from __future__ import annotations

import pytest

from bot.content.question_kind import KINDS, kinds_asked

ASKS = {
    "cost": [
        "costs",
        "kost",
        "zo duur",
    ],
    "pain": [
        "pain",
        "pijn",
    ],
    "procedure": [
        "how is  done",
        "prepare",
        "needles",
        "anaesthe",
        "sedat",
        "how long does it take",
        "hoe verloopt de x! over",
        "hoe wordt  afgenomen",
        "wat gebeurt er tijdens de test",
        "voorbereid",
        "naald",
        "verdoving",
        "narcose",
        "hoe lang duurt de x",
        "how long does the adoption process take",
        "what is the egg donation process",
        "steps to",
        "how do you adopt",
        "how to adopt",
        "de stappen",
        "adoptie: wat komt er bij kijken",
        "afgenomen",
        "hospitalis",
        "opname",
        "wat komt er allemaal kijken bij",
        "what happens during the test",
        "what is the egg donation procedure",
        "wat is de hele procedure",
    ],
    "mechanism": [
        "how does  work",
        "what does  consist of",
        "hoe werkt",
        "wat houdt  in",
        "hoe gaat  in zijn werk",
    ],
    "eligibility": [
        "who can become",
        "eligib",
        "qualif",
        "look for in an  donors",
        "requirements",
        "age limit",
        "wie kan .{0,25}worden",
        "hoe wordt je donor",
        "hoe vind ik een donor",
        "voorwaarden",
        "leeftijdsgrens",
        "in aanmerking komen",
        "voor wie wordt",
        "for whom",
        "who can adopt",
        "who might need",
        "can you adopt if",
        "am i too old",
        "bmi",
        "will we be able to adopt",
        "eisen worden",
        "who is .{0,20}for",
    ],
    "genetics_general": [
        "what is a genes",
        "chromosom",
        "wat is een genen",
        "chromosoom",
    ],
    "carrier_screening": [
        "carrier screening",
        "screen for carriers",
        "dragerschapstest",
        "dragerschapsonderzoek",
        "dragerschapsscreening",
        "preconceptie",
    ],
    "waiting": [
        "waiting list",
        "how long do wait",
        "when will we get results",
        "signed up",
        "how can i access",
        "wachtlijst",
        "wachttijd",
        "hoe lang moet we wachten",
        "wanneer krijgen we uitslag",
        "aanmeld",
        "inschrijv",
        "hoe lang duurt het voor",
    ],
    "certainty": [
        "accura",
        "reliab",
        "falsely positives",
        "could it be wrong",
        "how sure",
        "100 %",
        "definitely",
        "for certain",
        "mistake",
        "betrouwba",
        "nauwkeurig",
        "valse positie",
        "fout zijn",
        "vergis",
        "hoe zeker",
        "zeker weten",
        "100 procent",
        "onterecht",
        "guarant",
        "garantie",
        "is the diagnosis definite",
        "was the result conclusive",
        "is de uitslag definitief",
        "geeft dat uitsluitsel",
    ],
    "numbers": [
        "how many people",
        "hoeveel mensen",
        "how many embryos are put back",
        "hoeveel nakomelingen heeft een donor",
    ],
    "risk": [
        "risks",
        "risky",
        "safe",
        "safety",
        "danger",
        "harm",
        "complicat",
        "risico",
        "veilig",
        "gevaar",
        "schadelijk",
        "complicatie",
    ],
    "carrier_frequency": [
        "how common carriers",
        "carrier frequencys",
        "dragerschapsfrequentie",
    ],
    "donor_screening": [
        "donor's carrier",
        "donors.{0,20}screened",
        "donor's.{0,25}genes",
        "donor.{0,15}ook drager is",
        "donor.{0,20}gescreend",
        "what if our donor is a carrier",
    ],
    "future": [
        "in the future",
        "later in life",
        "op latere leeftijd",
        "when he is older",
        "als hij ouder is",
    ],
    "embryo_storage": [
        "leftover embryos",
        "embryos frozen",
        "boventallig",
    ],
    "pgt_types": [
        "pgt-a",
        "pgs",
        "aneuploid",
    ],
    "success": [
        "success",
        "chances of getting pregnan",
        "pregnancy rates",
        "how many attempts",
        "live birth rates",
        "slagingskans",
        "kans op een zwanger",
        "hoeveel pogingen",
        "succes",
    ],
    "life_expectancy": [
        "outlook",
        "prognos",
        "vooruitzicht",
        "life expectanc",
        "life span",
        "how long will live",
        "live to adulthood",
        "surviv",
        "levensverwachting",
        "hoe oud word",
        "hoe lang leeft leven",
        "overleven",
        "overlevingskans",
    ],
    "diagnosis_how": [
        "how to x diagnos",
        "how do you tell",
        "hoe wordt  diagnos",
        "hoe weet je",
    ],
    "prevention": [
        "prevent",
        "voorkom",
        "preventie",
    ],
    "research": [
        "research",
        "clinical trials",
        "studies on",
        "new treatments",
        "wetenschappelijk",
        "klinische studie",
        "nieuwe medicijnen",
    ],
    "medicine": [
        "spinraza",
    ],
    "side_effects": [
        "side effects",
        "bijwerking",
    ],
    "types": [
        "types",
        "kinds of",
        "typen",
        "soorten",
        "vormen",
        "sma 0",
        "werdnig",
        "kugelberg",
        "what is sma type 2",
    ],
    "other_conditions": [
        "down syndrome",
        "ziektes gescreend",
        "gescreend ziektes",
        "other diseases",
        "which diseases screen",
        "andere ziekte",
        "welke ziekte  hielprik",
    ],
    "timing": [
        "at what age",
        "how early",
        "which week",
        "how many days after",
        "op welke leeftijd",
        "in welke week",
        "hoe vroeg",
        "hoeveel dagen na",
        "when is the cvs done",
        "wanneer wordt de vlokkentest gedaan",
    ],
}

PLAIN = [
    "wat is smard",
    "hoe erft smard over",
    "what is the chance of another child with smard",
    "wat is pgt",
    "hoe groot is de kans op een miskraam",
    "what is sma",
    "waarom zit sma in de hielprik",
    "wat betekent het aantal smn2-kopieën",
    "what happens after a positive heel prick",
    "is there treatment for sma",
    "zijn dragers ziek",
    "how is smard inherited",
    "SMARD type 1",
    "wanneer krijgen we de uitslag",
    "when will we hear the results",
    "waar vind ik betrouwbare informatie over sma",
    "where can i find reliable information",
    "worden gegevens internationaal verzameld in een register",
    "how many of our children will get it",
    "hoeveel van onze kinderen krijgen het",
    "hoeveel SMN2-kopieën heeft hij",
    "hoeveel procent kans is er",
]


@pytest.mark.parametrize("kind, text", [(k, t) for k, ts in ASKS.items() for t in ts])
def test_each_wording_asks_its_kind(kind: str, text: str) -> None:
    assert kind in kinds_asked(text)
    assert kind in kinds_asked(text.upper())


def test_the_table_covers_every_kind() -> None:
    assert set(ASKS) == set(KINDS)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_questions_ask_no_special_kind(text: str) -> None:
    assert (
        kinds_asked(text) == []
        or kinds_asked(text) == ["waiting"]
        and "uitslag" in text
        or kinds_asked(text) == ["waiting"]
        and "results" in text
    )


def test_kinds_come_in_a_fixed_order() -> None:
    assert kinds_asked("how much does it cost and does it hurt?") == ["cost", "pain"]
    assert kinds_asked("") == [] and kinds_asked(None) == []  # type: ignore[arg-type]


# Whole questions as parents write them, for the words at the start or end of a pattern's
# source line (where a string mutant changes it).
PARENTS_ASK = [
    ("procedure", "wat gebeurt er bij de hielprik?"),
    ("procedure", "Wat gebeurt er tijdens een vlokkentest"),
    ("procedure", "hoe wordt een vlokkentest uitgevoerd?"),
    ("procedure", "hoe wordt de punctie gedaan"),
    ("other_conditions", "is duchenne also found with the heel prick?"),
    ("other_conditions", "what about haemophilia?"),
    ("other_conditions", "wordt Duchenne ook opgespoord"),
    ("other_conditions", "which conditions does the heel prick check?"),
    ("other_conditions", "Which disorders are in the bloodspot test?"),
    ("other_conditions", "which diseases are in the blood spot?"),
]


@pytest.mark.parametrize("kind, text", PARENTS_ASK)
def test_what_parents_ask(kind: str, text: str) -> None:
    assert kinds_asked(text) == [kind]


# Batch 4 of the real questions (issue 9): each new wording in both languages.
BATCH_4_ASK = [
    ("eligibility", "Why do recipient couples decide to use an egg donor?"),
    ("eligibility", "who needs a donor egg"),
    ("eligibility", "waarom kiezen sommige ouders voor adoptie?"),
    ("genetics_general", "what if it is a one-off mutation?"),
    ("genetics_general", "I have a rare genetic disease, will my child get it?"),
    ("genetics_general", "is het een nieuwe mutatie?"),
    ("genetics_general", "ik heb zelf een erfelijke ziekte"),
    ("medicine", "how is this treatment different from other therapies?"),
    ("medicine", "wat is het verschil tussen de behandelingen?"),
    ("medicine", "hoe verschillen de medicijnen van elkaar"),
    ("mechanism", "what medical procedures are involved with egg donation?"),
    ("mechanism", "what is involved in adoption"),
    ("mechanism", "welke ingrepen zijn er nodig bij eiceldonatie?"),
]


@pytest.mark.parametrize("kind, text", BATCH_4_ASK)
def test_batch_4_wordings(kind: str, text: str) -> None:
    assert kinds_asked(text) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "why do people get SMA?",
        "are there other treatments for SMA?",
        "is SMARD a new disease?",
        "what is the difference between CVS and amniocentesis?",
        "ik heb een vraag over de ziekte",
    ],
)
def test_batch_4_plain_questions(text: str) -> None:
    assert kinds_asked(text) == []
