"""Rasa's debug-log arguments are built only when debug logs are on (bot.engine.debug_logs), and
the policy modules it changes use `copy.deepcopy` for nothing else."""

from __future__ import annotations

import ast
import copy
import importlib
import inspect
import logging

import pytest
from rasa.core.policies.policy import Policy

from bot.engine import debug_logs

STATES = [{"user": {"intent": "greet"}, "prev_action": {"action_name": "action_listen"}}]


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The patch installed, undone after the test."""
    monkeypatch.setattr(Policy, "format_tracker_states", Policy.format_tracker_states)
    for name in debug_logs.POLICY_MODULES:
        monkeypatch.setattr(importlib.import_module(name), "copy", copy)
    debug_logs.install()
    yield


@pytest.mark.parametrize("module", debug_logs.POLICY_MODULES)
def test_deepcopy_only_builds_log_arguments(module: str) -> None:
    """Every copy.deepcopy in the module is a keyword argument of a logger's debug call."""
    tree = ast.parse(inspect.getsource(importlib.import_module(module)))
    in_debug = {
        id(keyword.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "debug"
        for keyword in node.keywords
    }
    copies = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "deepcopy"
    ]
    assert copies, module
    assert all(id(node) in in_debug for node in copies), module


def test_nothing_is_built_at_info(installed: None) -> None:
    memoization = importlib.import_module("rasa.core.policies.memoization")
    assert Policy.format_tracker_states(STATES) == ""
    assert memoization.copy.deepcopy(STATES) is STATES


def test_everything_is_built_at_debug(installed: None) -> None:
    logger = logging.getLogger("rasa")
    level = logger.level
    logger.setLevel(logging.DEBUG)  # setLevel, not the attribute: it clears the logger's cache
    try:
        rule_policy = importlib.import_module("rasa.core.policies.rule_policy")
        formatted = Policy.format_tracker_states(STATES)
        duplicate = rule_policy.copy.deepcopy(STATES)
    finally:
        logger.setLevel(level)
    assert "user intent: greet" in formatted
    assert duplicate == STATES and duplicate is not STATES
    assert duplicate[0]["user"] is not STATES[0]["user"]


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        debug_logs.install()
