"""Language decisions (bot/conversation/language.py), pinned by data: the marker words of each language,
explicit requests, "instead of", detection at the boundaries of its rules, and the order in
which a conversation's language is decided."""

from __future__ import annotations

import pytest

from bot.conversation import language
from bot.conversation.language import detect, other, requested_language, resolve

# The function words that decide short texts, as the spec (a test fails when one is deleted,
# added or moved to the other language).
MARKERS_NL = """alsjeblieft aub bedankt behandeling ben bent betekent dag dank dochter doei drager
    dragers een engels erfelijk fijn geen goedemorgen goedenavond graag hallo hebben heeft het
    hielprik hoe hoi iemand ik je jij jullie kan kans kindje krijgen kunnen lief mag mens met mijn
    moet moeten nederlands niet nu onderzoek ons onze ook praten spreek tot u uitslag uw van voor
    waar waarom wanneer wat welke welkom wij wordt zeker ziekte ziens zijn zit zoon zwanger""".split()
MARKERS_EN = """a afraid also am an are baby's bye can carrier carriers chance child daughter
    disease do does dutch english evening for get goodbye has have heel hello hereditary hi how
    human i i'm im it may me means morning must my no not now of our person please pregnant prick
    really result sad scared see should so someone son speak sure talk test testing thank thanks
    the treatment very we're welcome what when where which why with worried you your""".split()
# In both lists by accident of spelling, so in neither.
SHARED = ["kind"]
# "no" is a marker, but also a term that looks the same in both languages, and those are
# stripped first; so alone it decides nothing.
DOMAIN_TERMS = [
    "smard",
    "smard1",
    "sma",
    "smn",
    "smn1",
    "smn2",
    "ighmbp2",
    "pgt",
    "ivf",
    "nbs",
    "enmc",
    "dna",
    "ok",
    "okay",
    "ja",
    "yes",
    "nee",
    "no",
    "help",
]


def test_marker_words_are_exactly_the_spec() -> None:
    assert language._MARKERS["nl"] == set(MARKERS_NL)
    assert language._MARKERS["en"] == set(MARKERS_EN)
    assert language._SHARED == set(SHARED)
    assert not set(SHARED) & (language._MARKERS["nl"] | language._MARKERS["en"])


@pytest.mark.parametrize("word", list(MARKERS_NL))
def test_each_dutch_marker_alone_is_dutch(word: str) -> None:
    assert detect(word) == "nl"
    assert detect(word.upper()) == "nl"


@pytest.mark.parametrize("word", [w for w in MARKERS_EN if w not in DOMAIN_TERMS])
def test_each_english_marker_alone_is_english(word: str) -> None:
    assert detect(word) == "en"
    assert detect(word.capitalize()) == "en"


@pytest.mark.parametrize("term", DOMAIN_TERMS + ["SMARD2", "Okay", "PGT?", "IVF!"])
def test_terms_of_both_languages_decide_nothing(term: str) -> None:
    assert detect(term) is None
    assert detect(f"{term} {term}") is None


@pytest.mark.parametrize(
    "text, lang",
    [
        # everyday questions
        ("wat is smard", "nl"),
        ("what is smard", "en"),
        ("is het erfelijk", "nl"),
        ("is it hereditary", "en"),
        ("hallo", "nl"),
        ("hello", "en"),
        ("hoi", "nl"),
        ("dank je wel", "nl"),
        ("thanks", "en"),
        ("hoe groot is de kans op nog een kindje met smard", "nl"),
        ("our baby had a positive heel prick for sma, what now", "en"),
        ("vruchtwaterpunctie", "nl"),
        ("ik ben zo bang", "nl"),
        ("im so scared", "en"),
        ("WAT IS SMARD", "nl"),
        ("WHAT IS SMARD", "en"),
        # the function words decide texts of up to three words
        ("0,3 procent kans op", "nl"),
        ("0.3 percent risk of", "en"),
        # four words and more: lingua, unless one language has two function words more
        ("ademt ze heel oppervlakkig", "nl"),
        ("eerst nog een test of", "nl"),
        ("do spinraza or zolgensma work for sma", "en"),
        ("what was discused at the enmc workshop on sma in hoofddorp", "en"),
        ("is sma heel zeldzaam of valt het mee", "nl"),
        ("2 month old need", "en"),
        ("112 bellen, hij ademt bija", "nl"),
        ("1 op de miljoen, klopt", "nl"),
        ("ademhalingsproblemen in de eerste zes maanden, klopt dat", "nl"),
        ("atypical smard", "en"),
        ("4 copies, then what?", "en"),
        ("Hi, I'd like to ask somethiing", "en"),
    ],
)
def test_detects_dutch_and_english(text: str, lang: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "PGT?",
        "smard",
        "sma",
        "👍👍",
        "",
        "?!",
        "SMN2",
        "123",
        "abnormal newborn screen sma",
        "arrythmia in smard",
        "about this chatbot",
        # three words without a function word: lingua must be very sure, and is not
        "3 month old drink",
    ],
)
def test_too_short_or_ambiguous_is_undecided(text: str) -> None:
    assert detect(text) is None


def test_none_is_undecided() -> None:
    assert detect(None) is None  # type: ignore[arg-type]
    assert requested_language(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("English please", "en"),
        ("in het Engels graag", "en"),
        ("engelse tekst graag", "en"),
        ("can i get the answers in english", "en"),
        ("ENGLISH", "en"),
        ("kan het in het Nederlands?", "nl"),
        ("can we do this in dutch", "nl"),
        ("antwoord in het nederlands", "nl"),
        ("nederlandse tekst", "nl"),
        ("in het hollands", "nl"),
        ("vlaams mag ook", "nl"),
        ("DUTCH please", "nl"),
        # "instead of" / "rather than" / "niet in het": that language is refused
        ("can you speak dutch instead of english", "nl"),
        ("english instead of dutch", "en"),
        ("rather than dutch, english please", "en"),
        ("in plaats van engels graag nederlands", "nl"),
        ("niet in het nederlands maar in het engels", "en"),
        # two requests: the first one counts
        ("english or dutch", "en"),
        ("dutch or english", "nl"),
    ],
)
def test_explicit_requests(text: str, lang: str) -> None:
    assert requested_language(text) == lang


@pytest.mark.parametrize("text", ["what is smard", "englishman", "nederlandstalig", "", "ok"])
def test_no_request(text: str) -> None:
    assert requested_language(text) is None


@pytest.mark.parametrize(
    "text, is_payload, metadata, current, lang",
    [
        # typed text that can be told wins, over the conversation and over the page
        ("what is the chance", False, "nl", "nl", "en"),
        ("wat is de kans", False, "en", "en", "nl"),
        ("what is the chance", False, None, None, "en"),
        # short or ambiguous: the conversation's language
        ("PGT?", False, "nl", "en", "en"),
        ("ok", False, "en", "nl", "nl"),
        # a button press is never detected: the conversation's language
        ('/ask_pgt{"condition":"smard"}', True, "nl", "en", "en"),
        ("what is the chance", True, "nl", "nl", "nl"),
        ("what is the chance", True, None, None, "nl"),
        ("wat is de kans", True, "en", None, "en"),
        # a new conversation: the page's language, else Dutch
        ("ok", False, "en", None, "en"),
        ("ok", False, "nl", None, "nl"),
        ("ok", False, None, None, "nl"),
        # unknown languages are ignored
        ("ok", False, "de", None, "nl"),
        ("ok", False, "en", "de", "en"),
        ("ok", False, "de", "fr", "nl"),
    ],
)
def test_resolution_order(
    text: str, is_payload: bool, metadata: object, current: object, lang: str
) -> None:
    assert resolve(text, is_payload, metadata, current) == lang  # type: ignore[arg-type]


def test_constants() -> None:
    assert language.DEFAULT_LANGUAGE == "nl"
    assert language.SUPPORTED == ("nl", "en")


def test_other() -> None:
    assert other("nl") == "en"
    assert other("en") == "nl"


def test_the_detector_is_built_once() -> None:
    # building lingua's detector takes about a second: one per process
    assert language._detector() is language._detector()


@pytest.mark.parametrize(
    "text, asks",
    [
        ("kan het in het nedelands", True),
        ("english please", True),
        ("spreek je engels?", True),
        ("can we switch language", True),
        ("liever in het engels", True),
        ("do you speak turkish?", True),
        ("kan het in het englisch?", True),
        ("hoe lang is het zwangerschapsverlof in nederland", False),
        ("wat is pgt", False),
        ("", False),
    ],
)
def test_a_language_request_names_a_language(text: str, asks: bool) -> None:
    # a message the classifier takes for a language switch but that names no language (the
    # country "Nederland" is not one) gets the fallback, not a switch
    from bot.conversation.language import asks_for_a_language

    assert asks_for_a_language(text) is asks
