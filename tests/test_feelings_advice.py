"""Feelings (bot/conversation/feelings.py) and personal requests (bot/conversation/advice.py), pinned by data."""

from __future__ import annotations

import pytest

from bot.conversation import advice, feelings
from bot.conversation.feelings import FEELINGS, feeling

FELT = {
    "guilt": [
        "our fault",
        "to blame",
        "blame myself",
        "guilt",
        "did we do something wrong",
        "caused it",
        "did i cause",
        "directly responsible for my child",
        "how could i do this",
        "should we have known",
        "hadden wij dit kunnen voorkomen",
        "heb ik dit moeten zien",
        "could we have prevented",
        "onze schuld",
        "schuld",
        "schuldgevoel",
        "verwijt",
        "hebben we iets fout gedaan",
        "hadden we het kunnen weten",
    ],
    "death": [
        "i feel like i am losing my son",
        "how much time does she have left",
        "hoeveel tijd hebben we nog met hem",
        "hoe lang hebben we hem nog",
        "my baby will die",
        "my baby die of",
        "my baby dies",
        "my baby dood",
    ],
    "despair": [
        "devastat",
        "heartbroken",
        "heart break",
        "hopeless",
        "despair",
        "can't cope",
        "cannot cope",
        "nothing that can be done",
        "no hope",
        "grief",
        "mourn",
        "overwhelm",
        "depress",
        "we zijn er kapot van",
        "ik ben helemaal kapot",
        "radeloos",
        "wanhop",
        "hopeloos",
        "geen hoop",
        "niets meer aan te doen",
        "kan het niet meer aan",
        "kunnen het niet meer aan",
        "rouw",
        "kunnen je dit wel samen aan",
        "ten einde raad",
        "zie het niet meer zitten",
        "ingestort",
        "depressie",
    ],
    "anger": [
        "angry",
        "furious",
        "so mad",
        "unfair",
        "why us",
        "why me",
        "why our",
        "boos",
        "woedend",
        "kwaad",
        "oneerlijk",
        "waarom wij",
        "waarom ons",
        "waarom ik",
    ],
    "fear": [
        "it is so scary",
        "how do i wrap my head around it",
        "will she be okay?",
        "will everything be fine",
        "komt het ooit nog goed?",
        "alles zou goed komen",
        "wordt het weer goed",
        "scared",
        "bad news",
        "wish i knew",
        "hard to accept",
        "feeling so alone",
        "can't sleep",
        "no idea that",
        "bang",
        "zorgen maken",
        "kan niet meer slapen",
        "wereld op zijn kop",
        "grond werd onder .{0,20}voeten",
    ],
}

REQUESTS = {
    "choose": [
        "should we! worry",
        "what would you do",
        "would you do",
        "do you recommend",
        "recommend us",
        "what do we choose",
        "which option is best",
        "choose for us",
        "moeten we! bellen",
        "moet ik! bellen",
        "zullen we",
        "wat zou jij doen",
        "wat raad je",
        "raad je  aan",
        "wat moeten we het beste kiezen",
        "welke keuze is het beste",
        "kiezen voor ons",
        "voor ons kiezen",
    ],
    "diagnose": [
        "does my x child have",
        "is my x child a carriers",
        "am i a carriers",
        "heeft mijn x kind smard",
        "is mijn x kind ook drager",
        "ben ik ook drager",
    ],
    "assistant": [
        "should i get genetic testing?",
        "shall we go for pgt",
        "is adoption the right option for you?",
        "is pgt de beste keuze voor ons",
        "what would you do",
        "would you do",
        "do you recommend",
        "wat zou jij doen",
        "wat doen jullie als",
        "wat raad je",
        "welke aandoening heb ik",
        "which condition does i",
        "is it possible that he has",
        "what is the diagnosis?",
        "Wat is de diagnose?",
    ],
}

NEUTRAL = [
    "wat is smard",
    "die kans is 25%",
    "what is the life expectancy in SMA",
    "hoe erft smard over",
    "what is the chance of another child",
    "does SMARD cause death in children without ventilation",
    "wat zijn de zorgpaden na de hielprik",
    "I have no idea what SMARD is",
    "welk gen is kapot bij sma",
    "SMARD affects the autonomic nervous system",
    "how long does the test take",
    "hoeveel tijd zit er tussen de tests",
    "is the heel prick okay to skip",
]


@pytest.mark.parametrize("name, text", [(n, t) for n, ts in FELT.items() for t in ts])
def test_each_wording_expresses_its_feeling(name: str, text: str) -> None:
    assert feeling(text) == name
    assert feeling(text.upper()) == name


def test_the_table_covers_every_feeling() -> None:
    assert set(FELT) == set(FEELINGS)


@pytest.mark.parametrize("text", NEUTRAL)
def test_information_questions_express_no_feeling(text: str) -> None:
    assert feeling(text) is None


def test_fear_of_death_needs_the_parents_own_child() -> None:
    assert feeling("will my baby die") == "death"
    assert feeling("will children die") is None
    assert feeling("") is None


# Whole sentences as parents write them, one per word or phrase that a pattern lists at the
# start or end of one of its source lines (where a string mutant changes it).
PARENTS_SAY = [
    ("do kids like him die early", "death"),
    ("Do babies like her die early?", "death"),
    ("will the baby die?", "death"),
    ("Will The Baby Die", "death"),
    ("we are so worried about him", "fear"),
    ("worrying all the time", "fear"),
    ("we're worried sick", "fear"),
    ("the wait is unbearable", "fear"),
    ("this is a nightmare", "fear"),
    ("it all feels so terrible", "fear"),
    ("er is zoveel verdriet in huis", "fear"),
    ("wat een verdriet", "fear"),
    ("Ik voel me zo overspoeld door alles", "fear"),
    ("we kregen slecht nieuws", "fear"),
    ("we voelen ons in de steek gelaten", "fear"),
    ("het is een nachtmerrie", "fear"),
]


@pytest.mark.parametrize("text, name", PARENTS_SAY)
def test_what_parents_write(text: str, name: str) -> None:
    assert feeling(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "is it true that children with smard die young? so scary",
        "sterven kinderen hieraan? wat vreselijk",
    ],
)
def test_a_general_death_question_still_shows_another_feeling(text: str) -> None:
    # not about the parent's own child, so not "death"; the fear in it still counts
    assert feeling(text) == "fear"


@pytest.mark.parametrize("text", REQUESTS["choose"])
def test_requests_to_choose(text: str) -> None:
    assert advice.request(text) == advice.CHOOSE


@pytest.mark.parametrize("text", REQUESTS["diagnose"])
def test_requests_to_diagnose(text: str) -> None:
    assert advice.request(text) == advice.DIAGNOSE


@pytest.mark.parametrize("text", REQUESTS["assistant"])
def test_asking_the_assistant_itself(text: str) -> None:
    assert advice.asks_the_assistant(text)


# Whole questions as parents write them, for the words at the start or end of a pattern's line.
@pytest.mark.parametrize(
    "text",
    [
        "does my husband have the gene?",
        "Does my husband have SMARD too",
        "is our son affected?",
        "Is my son a carrier?",
        "Is Our Son Sick?",
        # plurals and other relatives, by the same rule
        "are our sons carriers?",
        "are my daughters carriers too",
        "could my sister be a carrier?",
        "do our twins have it",
        "zijn onze zonen drager?",
        "hebben onze kinderen het?",
        "is mijn zus ook drager?",
        "zijn mijn broers ook drager",
    ],
)
def test_parents_asking_for_a_diagnosis(text: str) -> None:
    assert advice.request(text) == advice.DIAGNOSE


@pytest.mark.parametrize(
    "text",
    [
        "can you tell me if my daughter has SMA",
        "could you tell us whether our baby has it",
        "kun je me zeggen of mijn zoon het heeft",
        "kunt u vertellen of ons kindje SMARD heeft?",
        "can you tell me if my kids are affected",
        "kun je zeggen of onze dochters het hebben",
    ],
)
def test_parents_asking_the_assistant_to_tell_them(text: str) -> None:
    assert advice.asks_the_assistant(text)


@pytest.mark.parametrize(
    "text",
    [
        "what should we ask the doctor",
        "when should I worry about her breathing",
        "should treatment wait for more tests",
        "what is the diagnosis process for sma",
        "wat is pgt",
        "",
        # general questions about relatives: facts, not a diagnosis
        "can brothers and sisters be carriers?",
        "hoe erven kinderen van dragers het?",
        "Will my children have it, too?",  # the chance for future children
    ],
)
def test_not_a_request(text: str) -> None:
    assert advice.request(text) is None and not advice.asks_the_assistant(text)


@pytest.mark.parametrize(
    "text, own",
    [
        ("our baby has symptoms", True),
        ("wij zijn drager", True),
        ("ik heb een vraag", True),
        ("what is smard", False),
        ("", False),
    ],
)
def test_own_situation(text: str, own: bool) -> None:
    assert advice.about_own_situation(text) is own


# A parent telling what the family lives through, in words no pattern above lists.
EXPERIENCES = [
    "we hebben het gevoel dat we er alleen voor staan",
    "ons leven staat sinds de diagnose stil",
    "mijn dochter bleek een zeldzame spierziekte te hebben",
    "we slapen al weken nauwelijks",
    "my husband and I just sit and stare at each other",
    "our little girl was diagnosed last week",
    "I keep thinking about the day the doctor called",
    "you never expect this to happen to you",
    "we geven het op",  # four words: the shortest story
]
NOT_EXPERIENCES = [
    "wat is pgt",
    "ik wil meer weten over pgt",
    "mijn zoon heeft SMA, wat nu",
    "our son has SMA. What happens next",
    "is het erfelijk",
    "we hebben een vraag over dragerschap",
    "thanks for the help",
    "pgt kosten vergoeding",
    "SMARD is a rare disease",
    "hoi",
    "we zijn moe",  # three words: too short to tell
    # the first and last word of each line of the question and request patterns
    "mijn baby en ik gaan samen?",
    "zijn wij de enigen met dit",
    "zal ons kind ooit lopen",
    "zullen wij het ooit snappen",
    "geef ons een beetje tijd",
    "do we ever get used to this",
    "does it ever get better for us",
    "won't we ever sleep again",
    "we are looking for other parents",
    "please, my husband and I are lost",
    "can you tell me more",
    "wij zijn drager",
    "help me please, we are lost",
    "als ons kind sma heeft hoe groot is dan de kans",
    "heb je een recept voor soep voor mij",
    "our first child had it so which options we have",
]


@pytest.mark.parametrize("text", EXPERIENCES)
def test_a_parent_telling_their_story(text: str) -> None:
    assert feelings.recounts_experience(text)
    assert feelings.recounts_experience(text.upper())


@pytest.mark.parametrize("text", NOT_EXPERIENCES)
def test_questions_requests_and_facts_are_not_a_story(text: str) -> None:
    assert not feelings.recounts_experience(text)


def test_a_past_loss_told_as_context_is_not_a_fear_of_death() -> None:
    # "losing" a child ahead is the fear; "after losing our son" tells what happened, and the
    # question that follows (an option, a chance) is answered
    assert feeling("i am scared of losing her") == "death"
    assert feeling("we are losing our son") == "death"
    assert feeling("after losing our son to smard, can we have another child?") is None
    assert feeling("since losing my daughter we think about adoption") is None


# Batch 4 of the real questions (issue 9): each mechanism in both languages, in the words
# parents use ("why did it have to pick him?", "is it worth the risks?").
FELT_BATCH_4 = [
    ("you will blame yourself for it", "guilt"),
    ("I must have done something wrong", "guilt"),
    ("we moeten iets verkeerd hebben gedaan", "guilt"),
    ("this disease will steal him from us", "death"),
    ("they will take our son away from us", "death"),
    ("deze ziekte gaat haar van ons afpakken", "death"),
    ("some days I hate what our lives have become", "despair"),
    ("ik haat mijn leven nu", "despair"),
    ("why did it have to pick him?", "anger"),
    ("why did this happen to us", "anger"),
    ("waarom overkomt dit ons?", "anger"),
    ("waarom juist wij", "anger"),
    ("how should we react to this news?", "fear"),
    ("how do I cope with this", "fear"),
    ("hoe moeten we hiermee omgaan?", "fear"),
    ("hoe kan ik daarmee leven", "fear"),
    ("Now what?", "despair"),
    ("what now...", "despair"),
    ("Wat nu?", "despair"),
    ("en nu?", "despair"),
    # batch 5: disbelief at the news, questions no one can answer
    ("this can't be happening", "fear"),
    ("we couldn't believe it", "fear"),
    ("what are you telling me?", "fear"),
    ("ik dacht: wat zeggen jullie nou?", "fear"),
    ("dit kan toch niet waar zijn", "fear"),
    ("we konden het niet geloven", "fear"),
    ("vragen waarop niemand een antwoord heeft", "fear"),
    ("no one could give us an answer", "fear"),
]


@pytest.mark.parametrize("text, name", FELT_BATCH_4)
def test_feelings_of_batch_4(text: str, name: str) -> None:
    assert feeling(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "they took a blood sample from us",
        "what does the test take from the embryo",
        "why does SMARD happen",
        "hoe kan ik me aanmelden",
        "how should we store the embryos",
    ],
)
def test_batch_4_facts_express_no_feeling(text: str) -> None:
    assert feeling(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Is it worth the risks?",
        "is PGT really worth it",
        "is dat het risico waard?",
        "How can I decide what's right for me?",
        "how do we choose",
        "hoe moeten we kiezen?",
        "hoe kan ik een keuze maken",
        "Laat je dan wel of geen vervolgonderzoek doen?",
        "whether or not to test the baby",
        "Draag je de zwangerschap uit of laat je haar afbreken?",
        "hoe kijk je aan tegen PGT?",
        "wat vind je van eiceldonatie",
        "what do you think of adoption?",
        "how do you feel about prenatal testing",
        "Wil ik mijn kind laten onderzoeken?",
        "do we really want to know before birth?",
        "Wil je wel kinderen als de kans groot is?",
        "Doen of niet doen?",
        "to IVF or not to IVF",
        "should you consider PGD?",
        "shall we consider adoption",
        # batch 5: judging a choice, deliberating aloud, whom to tell
        "was it right to have another child?",
        "is it fair to spend that money on IVF?",
        "is het verantwoord om nog een kind te krijgen?",
        "is het egoïstisch om dat te willen",
        "Do we want another child?",
        "Do we explore the option of IVF?",
        "so do we risk it?",
        "Ethically, do I need to tell my husband this?",
        "should we tell our parents?",
        "Maar moet je dat willen?",
        "Kies je voor de NIPT-test, of niet?",
        "wil je testen of niet?",
        "do we test the baby or not?",
        "hoe kijkt u aan tegen het leven met een kind met SMA?",
    ],
)
def test_batch_4_asks_the_assistant_to_weigh_it(text: str) -> None:
    assert advice.asks_the_assistant(text)


@pytest.mark.parametrize(
    "text",
    [
        "is het wel of niet erfelijk?",
        "wil ik meer weten over pgt",
        "I want to know about PGT",
        "hoe kan ik me aanmelden voor pgt?",
        "what is PGT worth knowing",
        "how do we get a referral",
        "Je baby wil niet slapen, wat nu?",
        "wil je meer weten",
        "of niet",
        "what should i think about before the consultation",
        "is it safe to do amnio or not?",
        "is het goed om te weten dat het kan",
        "is it okay to breastfeed",
        "how do i tell my friends",
        "do we need to see a doctor",
        "do we have to pay for it",
        "how do we test for it?",
    ],
)
def test_batch_4_information_is_not_a_request_to_weigh(text: str) -> None:
    assert not advice.asks_the_assistant(text)
