"""Custom actions, run the way rasa-sdk runs them: a Tracker in, a CollectingDispatcher out."""

from __future__ import annotations

from typing import Any, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import ActionAnswer, ActionFallback, ActionMoreDetail
from actions.language_switch import ActionSwitchLanguage
from actions.letter import ActionLetter
from actions.summary import ActionSummary
from actions.values_exercise import ActionValues


def tracker(
    text: str,
    intent: str,
    slots: Optional[dict[str, Any]] = None,
    entities: Optional[list[dict[str, Any]]] = None,
    metadata: Optional[dict[str, Any]] = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
        "metadata": metadata or {},
    }
    return Tracker("test-sender", dict(slots or {}), latest, [], False, None, {}, "action_listen")


def run(action, t: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    return dispatcher.messages, events


def slot(events, name):  # type: ignore[no-untyped-def]
    return next(
        (e["value"] for e in events if e.get("event") == "slot" and e["name"] == name), None
    )


def test_dutch_question_gets_dutch_answer_with_source_and_buttons() -> None:
    msgs, events = run(
        ActionAnswer(), tracker("hoe groot is de kans op nog een kind met smard", "ask_chance")
    )
    [m] = msgs
    assert "25 van de 100 (25%)" in m["text"]
    assert "Bron: Informatie over SMARD, ‘Hoe erft het SMARD over?’" in m["text"]
    assert m["custom"]["topic"] == "smard_chance" and m["custom"]["language"] == "nl"
    titles = [b["title"] for b in m["buttons"]]
    assert "Meer uitleg" in titles and "Praat met een adviseur" in titles
    assert slot(events, "language") == "nl" and slot(events, "condition") == "smard"
    assert slot(events, "last_topic") == "smard_chance"


def test_english_question_gets_english_answer() -> None:
    msgs, events = run(
        ActionAnswer(), tracker("what is the chance our next child has smard", "ask_chance")
    )
    assert "25 in 100 (25%)" in msgs[0]["text"] and msgs[0]["custom"]["language"] == "en"
    assert slot(events, "language") == "en"


def test_unknown_condition_is_asked_with_buttons_that_repeat_the_question() -> None:
    msgs, events = run(ActionAnswer(), tracker("is het erfelijk", "ask_inheritance"))
    [m] = msgs
    assert m["custom"]["topic"] == "ask_condition"
    assert [b["payload"] for b in m["buttons"]] == [
        '/ask_inheritance{"condition":"smard"}',
        '/ask_inheritance{"condition":"sma"}',
    ]
    assert slot(events, "condition") is None


def test_condition_from_slot_from_button_and_from_page_metadata() -> None:
    msgs, _ = run(
        ActionAnswer(), tracker("is it hereditary", "ask_inheritance", slots={"condition": "smard"})
    )
    assert msgs[0]["custom"]["topic"] == "smard_inheritance"
    msgs, _ = run(
        ActionAnswer(),
        tracker(
            '/ask_cause{"condition":"sma"}',
            "ask_cause",
            slots={"language": "en"},
            entities=[{"entity": "condition", "value": "sma"}],
        ),
    )
    assert msgs[0]["custom"]["topic"] == "sma_cause" and msgs[0]["custom"]["language"] == "en"
    msgs, _ = run(
        ActionAnswer(), tracker("which gene is it", "ask_cause", metadata={"condition": "sma"})
    )
    assert msgs[0]["custom"]["topic"] == "sma_cause"


def test_emergency_comes_first_and_carries_no_leaflet_text() -> None:
    for text, intent, call in [
        ("mijn baby wordt blauw", "emergency", "Bel nu 112"),
        ("my baby can't breathe", "emergency", "Call 112 now"),
        # misclassified, but the keyword net still catches it
        ("help mijn baby ademt niet", "ask_breathing", "Bel nu 112"),
    ]:
        [m], _ = run(ActionAnswer(), tracker(text, intent))
        assert m["text"].startswith(f"**{call}**"), text
        assert m["custom"]["topic"] == "emergency"
        assert "Bron" not in m["text"] and "Source" not in m["text"] and not m.get("buttons")


def test_personal_advice_is_refused_kindly_with_the_counsellor() -> None:
    [m], _ = run(ActionAnswer(), tracker("should we do pgt?", "personal_advice"))
    assert "I cannot answer that question for you" in m["text"]
    assert "genetic counsellor" in m["text"]
    assert any(b["payload"] == "/human_handoff" for b in m["buttons"])


def test_distress_gets_empathy_and_contact() -> None:
    [m], _ = run(ActionAnswer(), tracker("ik ben zo verdrietig", "distress"))
    assert m["text"].startswith("Wat naar dat u zich zo voelt")
    assert "Bel 000 000 0000" in m["text"]


def test_draft_is_never_served() -> None:
    [m], _ = run(ActionAnswer(), tracker("hoe erft sma over", "ask_inheritance"))
    assert m["custom"]["status"] == "draft" and m["custom"]["topic"] == "sma_inheritance"
    assert "CONCEPT" not in m["text"]
    # No dead end: the sources' SMARD text is offered (one tap, labelled), and a person.
    assert m["text"].startswith("Hierover heb ik alleen gecontroleerde informatie voor SMARD")
    assert "Mijn bronnen zeggen niet hoe SMA overerft" in m["text"]
    assert m["custom"]["notice"] == "other_condition" and m["custom"]["offered"] == [
        "smard_inheritance"
    ]
    assert m["buttons"][0]["payload"] == '/ask_inheritance{"topic":"smard_inheritance"}'
    assert any(b["payload"] == "/human_handoff" for b in m["buttons"])


def test_more_detail_uses_the_button_topic_or_the_last_topic() -> None:
    [m], _ = run(
        ActionMoreDetail(),
        tracker(
            '/more_detail{"topic":"smard_chance"}',
            "more_detail",
            slots={"language": "nl"},
            entities=[{"entity": "topic", "value": "smard_chance"}],
        ),
    )
    assert m["custom"]["layer"] == "more" and "1 op 4" in m["text"]
    [m], _ = run(
        ActionMoreDetail(),
        tracker(
            "tell me more", "more_detail", slots={"last_topic": "option_pgt", "language": "en"}
        ),
    )
    assert m["custom"]["topic"] == "option_pgt"


def test_switch_language_confirms_in_the_new_language() -> None:
    msgs, events = run(
        ActionSwitchLanguage(),
        tracker("English please", "switch_language", slots={"language": "nl"}),
    )
    assert msgs[0]["text"].startswith("All right, we will continue in English")
    assert slot(events, "language") == "en"
    msgs, events = run(
        ActionSwitchLanguage(),
        tracker(
            '/switch_language{"language":"nl"}',
            "switch_language",
            slots={"language": "en"},
            entities=[{"entity": "language", "value": "nl"}],
        ),
    )
    assert msgs[0]["text"].startswith("Prima, we gaan verder in het Nederlands")
    assert slot(events, "language") == "nl"


def test_fallback_says_what_it_can_and_offers_a_person() -> None:
    [m], _ = run(ActionFallback(), tracker("what's the weather tomorrow", "nlu_fallback"))
    assert m["custom"]["topic"] == "fallback" and m["custom"]["language"] == "en"
    assert "I only know about SMARD" in m["text"]
    assert any(b["payload"] == "/human_handoff" for b in m["buttons"])


def test_handoff_uses_the_clinic_settings() -> None:
    [m], _ = run(ActionAnswer(), tracker("can i talk to a person", "human_handoff"))
    assert "[EXAMPLE] the Department of Clinical Genetics" in m["text"]
    assert "Phone: 000 000 0000" in m["text"]


def _domain_slots() -> dict[str, Any]:
    import yaml

    from bot.config.paths import ROOT

    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["slots"]


@pytest.mark.parametrize(
    "text, intent, slots, expected",
    [
        (
            "wat is smard",
            "ask_what_is",
            {},
            {"language": "nl", "condition": "smard", "last_topic": "smard_what"},
        ),
        (
            "what is sma",
            "ask_what_is",
            {"language": "nl"},
            {"language": "en", "condition": "sma", "last_topic": "sma_what"},
        ),
        (
            "is het erfelijk",
            "ask_inheritance",
            {"language": "nl", "condition": "smard"},
            {"language": "nl", "condition": "smard", "last_topic": "smard_inheritance"},
        ),
    ],
)
def test_slot_events_are_known_slots_with_the_expected_values(
    text: str, intent: str, slots: dict[str, Any], expected: dict[str, Any]
) -> None:
    _, events = run(ActionAnswer(), tracker(text, intent, slots=slots))
    domain = _domain_slots()
    for e in events:
        assert e["event"] == "slot" and e["name"] in domain, e
        spec = domain[e["name"]]
        if spec["type"] == "categorical" and e["value"] is not None:
            assert e["value"] in spec["values"], e
    got = {e["name"]: e["value"] for e in events}
    assert {k: got.get(k) for k in expected} == expected


def test_unsure_classification_without_domain_words_gets_no_medical_content() -> None:
    unsure = tracker("what are the visiting hours on the ward", "ask_workshop")
    unsure.latest_message["intent"]["confidence"] = 0.55
    [m], _ = run(ActionAnswer(), unsure)
    assert m["custom"]["topic"] == "fallback"
    # the same confidence with a domain word is answered
    about = tracker("wat is de kans op smard bij een volgend kind", "ask_chance")
    about.latest_message["intent"]["confidence"] = 0.55
    [m], _ = run(ActionAnswer(), about)
    assert m["custom"]["topic"] == "smard_chance"


def test_choosing_a_condition_needs_one_named_in_the_message() -> None:
    [m], _ = run(
        ActionAnswer(),
        tracker(
            "<img src=x onerror=alert(1)>",
            "choose_condition",
            slots={"condition": "smard", "language": "nl"},
        ),
    )
    assert m["custom"]["topic"] == "fallback"
    [m], events = run(
        ActionAnswer(),
        tracker("het gaat over sma", "choose_condition", slots={"condition": "smard"}),
    )
    assert m["custom"]["topic"] == "menu_sma" and slot(events, "condition") == "sma"


def test_a_kind_of_question_the_sources_do_not_answer_gets_the_honest_reply() -> None:
    [m], events = run(
        ActionAnswer(), tracker("How much does PGT cost?", "ask_pgt", slots={"condition": "smard"})
    )
    assert m["text"].startswith("I have no checked information about the costs of PGT.")
    assert m["custom"]["notice"] == "not_covered" and m["custom"]["kind"] == "conversation"
    assert m["custom"]["asked"] == {"intent": "ask_pgt", "kind": "cost"}
    payloads = [b["payload"] for b in m["buttons"]]
    assert payloads[0].startswith("/ask_pgt") and payloads[-1] == "/human_handoff"
    assert slot(events, "last_topic") is None  # nothing was served to expand on


def test_not_sure_of_the_topic_asks_with_a_button() -> None:
    [m], _ = run(
        ActionAnswer(),
        tracker(
            "wat kunnen we verwachten als dragers", "ask_adoption", slots={"condition": "smard"}
        ),
    )
    assert m["custom"]["notice"] == "unsure" and m["custom"]["offered"] == ["option_adoption"]
    assert m["text"].startswith("Ik weet niet zeker of ik uw vraag goed begrijp.")
    assert [b["payload"] for b in m["buttons"]][-1] == "/human_handoff"


@pytest.mark.parametrize(
    "action, intent",
    [
        (ActionMoreDetail(), "more_detail"),
        (ActionSwitchLanguage(), "switch_language"),
        (ActionSummary(), "ask_summary"),
        (ActionLetter(), "ask_letter"),
        (ActionValues(), "values_answer"),
    ],
)
def test_every_action_puts_the_nets_first(action, intent: str) -> None:  # type: ignore[no-untyped-def]
    # misclassified as a conversation move, a worried parent still gets 112 first, and a
    # parent's feeling gets empathy
    [m], events = run(
        action, tracker("she is turning blue, tell me more", intent, slots={"language": "en"})
    )
    assert m["custom"]["topic"] == "emergency" and m["text"].startswith("**Call 112 now**")
    assert slot(events, "last_topic") == "emergency"
    messages, _ = run(
        action, tracker("we voelen ons zo schuldig", intent, slots={"language": "nl"})
    )
    assert messages[0]["custom"]["topic"] == "feelings_guilt"


def test_the_action_server_registers_every_action_and_nothing_else() -> None:
    """What rasa-sdk's executor loads from the package, as `python -m rasa_sdk --actions
    actions` does: every action of the domain, and no helper base class."""
    import yaml
    from rasa_sdk.executor import ActionExecutor

    from bot.config.paths import ROOT

    executor = ActionExecutor()
    executor.register_package("actions")
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    ours = {a for a in domain["actions"] if a.startswith("action_")}
    assert set(executor.actions) == ours


@pytest.mark.parametrize("value", [{"x": 1}, ["smard_chance"], 5, None])
def test_entity_values_that_are_not_strings_are_ignored_by_the_actions(value: Any) -> None:
    # A crafted payload sent straight to Rasa (not through our web tier's grammar) must not
    # crash an action: Rasa would log the action server's 500 body, the whole conversation.
    for action, intent in (
        (ActionMoreDetail(), "more_detail"),
        (ActionAnswer(), "ask_chance"),
        (ActionValues(), "values_answer"),
    ):
        messages, _ = run(
            action,
            tracker(
                "/" + intent,
                intent,
                slots={"last_topic": "option_pgt", "language": "en"},
                entities=[
                    {"entity": "topic", "value": value},
                    {"entity": "condition", "value": value},
                    {"entity": "values_question", "value": value},
                ],
            ),
        )
        assert messages and all(m.get("text") for m in messages), (intent, value)
