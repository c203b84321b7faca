"""Parents' own words, end to end over REST with the real Rasa and action servers, in both
languages: a worried parent first, honest replies for what the sources do not cover (naming what
was asked, the nearest answer only as a button), feelings first, general facts for one's own
situation, no dead ends and no switch of condition for SMA families, and the SMA greeting."""

from __future__ import annotations

import pytest

from tests.test_e2e_rest import Chat, topic


@pytest.mark.parametrize(
    "text, lang",
    [
        ("mijn baby wordt blauw, wat moet ik doen?", "nl"),
        ("my baby is not breathing properly, help", "en"),
    ],
)
def test_a_worried_parent_gets_112_first(rest_url: str, text: str, lang: str) -> None:
    m = Chat(rest_url).say(text)
    assert topic(m) == "emergency" and m["custom"]["language"] == lang
    assert "112" in m["text"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("blablabla hoe laat gaat de kantine open", "nl"),
        ("what time does the canteen open", "en"),
    ],
)
def test_the_fallback_ends_with_a_line_for_acute_worry(rest_url: str, text: str, lang: str) -> None:
    m = Chat(rest_url).say(text)
    assert topic(m) == "fallback" and m["custom"]["language"] == lang
    assert "112" in m["text"].splitlines()[-1]


@pytest.mark.parametrize(
    "text, named, offered_label",
    [
        (
            "Hoeveel kost PGT?",
            "Over de kosten van PGT heb ik geen gecontroleerde informatie",
            "PGT",
        ),
        ("How much does PGT cost?", "I have no checked information about the costs of PGT", "PGT"),
        ("Doet de hielprik pijn bij mijn baby?", "pijn bij de hielprik", None),
        ("Does the heel prick hurt?", "pain with the heel-prick test", None),
    ],
)
def test_what_the_sources_do_not_cover_is_said_honestly(
    rest_url: str, text: str, named: str, offered_label: str
) -> None:
    chat = Chat(rest_url)
    m = chat.say(text)
    assert m["custom"]["notice"] == "not_covered" and named in m["text"]
    assert m["custom"]["kind"] == "conversation"  # no medical text served as if it answered
    assert "98" not in m["text"] and "Bron" not in m["text"] and "Source" not in m["text"]
    titles = [b["title"] for b in m["buttons"]]
    assert len(titles) >= 2 and any("adviseur" in t or "counsellor" in t for t in titles)
    if offered_label:
        assert any(offered_label in t for t in titles)
        # the neighbouring answer is one tap away, and is served only when asked for
        m = chat.press(offered_label)
        assert topic(m) == "option_pgt" and "98" in m["text"]


@pytest.mark.parametrize(
    "text, answer_id, lang",
    [
        ("Is het onze schuld dat ons kind SMARD heeft?", "feelings_guilt", "nl"),
        ("is it our fault?", "feelings_guilt", "en"),
        ("Kan mijn kind hieraan doodgaan?", "feelings_death", "nl"),
        ("can my child die of this?", "feelings_death", "en"),
        ("we zijn er helemaal kapot van", "feelings_despair", "nl"),
        ("we are devastated", "feelings_despair", "en"),
    ],
)
def test_feelings_first(rest_url: str, text: str, answer_id: str, lang: str) -> None:
    m = Chat(rest_url).say(text)
    assert topic(m) == answer_id and m["custom"]["language"] == lang
    assert m["custom"]["kind"] == "safety"
    assert any(b["payload"] == "/human_handoff" for b in m["buttons"])


@pytest.mark.parametrize(
    "text, note",
    [
        (
            "Onze baby heeft al verschijnselen. Moet de behandeling wachten op meer testen?",
            "Bespreek uw eigen situatie met uw arts",
        ),
        (
            "Our baby already has symptoms. Should treatment wait for more tests?",
            "Discuss your own situation with your doctor",
        ),
    ],
)
def test_a_general_fact_is_not_refused_as_personal_advice(
    rest_url: str, text: str, note: str
) -> None:
    m = Chat(rest_url).say(text)
    assert topic(m) in ("sma_next_steps", "sma_treatment") and m["custom"]["status"] == "served"
    assert note in m["text"]


@pytest.mark.parametrize("text", ["Moeten wij voor PGT kiezen?", "Should we do PGT?"])
def test_a_request_to_choose_gets_the_kind_refusal(rest_url: str, text: str) -> None:
    assert topic(Chat(rest_url).say(text)) == "personal_advice"


@pytest.mark.parametrize(
    "lang, question, sma_only_words",
    [
        ("nl", "wat is PGT?", "Mijn bronnen zeggen niet hoe SMA overerft"),
        ("en", "what is PGT?", "My sources do not say how SMA is inherited"),
    ],
)
def test_sma_families_get_no_dead_end_and_keep_their_condition(
    rest_url: str, lang: str, question: str, sma_only_words: str
) -> None:
    chat = Chat(rest_url, metadata={"language": lang, "condition": "sma"})
    m = chat.say("/greet")
    assert topic(m) == "greet_sma"
    m = chat.say(question)
    assert m["custom"]["notice"] == "other_condition" and sma_only_words in m["text"]
    assert m["custom"]["condition"] == "sma"
    m = chat.say(m["buttons"][0]["payload"])  # "the general information": one tap
    assert topic(m) == "option_pgt" and m["custom"]["status"] == "served"
    # the conversation is still about SMA: a generic question gets the SMA answer
    m = chat.say("wat is de oorzaak?" if lang == "nl" else "what is the cause?")
    assert topic(m) == "sma_cause"


@pytest.mark.parametrize(
    "text", ["Hoe erf je een ziekte?", "How is a disease passed on to children?"]
)
def test_a_generic_genetics_question_asks_which_condition(rest_url: str, text: str) -> None:
    chat = Chat(rest_url)
    m = chat.say(text)
    assert topic(m) == "ask_condition"
    m = chat.press("SMARD")
    assert topic(m) == "smard_inheritance"


@pytest.mark.parametrize(
    "text, answer_id",
    [
        ("what does SMARD stand for?", "smard_what"),
        ("waar staat SMARD voor?", "smard_what"),
        ("what is spinal muscular atrophy?", "sma_what"),
        ("wat is spinale musculaire atrofie?", "sma_what"),
    ],
)
def test_names_and_conditions_are_not_mixed_up(rest_url: str, text: str, answer_id: str) -> None:
    assert topic(Chat(rest_url).say(text)) == answer_id
