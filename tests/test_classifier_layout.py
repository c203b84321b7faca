"""The intent classifier's weights laid out column by column give the same probabilities, bit
for bit, and the patch lays out the classifier Rasa loads (bot.engine.classifier_layout)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from bot.engine import classifier_layout


class Component:
    """What Rasa's LogisticRegressionClassifier holds: a scikit-learn model in `clf`."""

    def __init__(self, clf: LogisticRegression) -> None:
        self.clf = clf


def test_the_same_probabilities_bit_for_bit() -> None:
    rng = np.random.default_rng(3)
    X = sparse.random(300, 2000, density=0.01, format="csr", random_state=4)
    y = rng.integers(0, 7, 300)
    clf = LogisticRegression(max_iter=200).fit(X, y)
    queries = sparse.random(50, 2000, density=0.01, format="csr", random_state=5)
    clf.coef_ = np.ascontiguousarray(clf.coef_)  # row by row, as Rasa's saved model loads
    before = clf.predict_proba(queries)
    classifier_layout.lay_out(Component(clf))
    assert clf.coef_.flags["F_CONTIGUOUS"] and clf.coef_.T.flags["C_CONTIGUOUS"]
    assert np.array_equal(clf.predict_proba(queries), before)


def test_a_component_without_weights_is_left_alone() -> None:
    component = Component(None)  # type: ignore[arg-type]
    assert classifier_layout.lay_out(component) is component


def test_the_loaded_model_is_laid_out(model_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.core.agent import Agent
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )

    monkeypatch.setattr(
        LogisticRegressionClassifier, "load", LogisticRegressionClassifier.__dict__["load"]
    )
    monkeypatch.setattr(classifier_layout, "_installed", None)
    classifier_layout.install()
    agent = Agent.load(str(model_path))
    nodes = agent.processor.graph_runner._instantiated_nodes.values()  # type: ignore[union-attr]
    found = [n._component for n in nodes if isinstance(n._component, LogisticRegressionClassifier)]
    assert len(found) == 1 and found[0].clf.coef_.T.flags["C_CONTIGUOUS"]


def test_install_refuses_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import rasa

    assert rasa.__version__ == classifier_layout.RASA_VERSION
    monkeypatch.setattr(classifier_layout, "_installed", None)
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        classifier_layout.install()
