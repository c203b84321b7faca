"""The intent classifier's weights laid out for the product it computes (a patch of Rasa 3.6).

Rasa's LogisticRegressionClassifier asks scikit-learn for `X @ coef_.T` at every message, with
X the message's sparse features. scikit-learn stores `coef_` row by row (intents × features),
so its transpose is column by column, and SciPy's sparse-times-dense product flattens the dense
side first (`other.ravel()` in `_mul_multivector`): a copy of every weight (51 intents × 28,763
features, 12 MB) at every message, 3.9 ms of a message's 19 ms of CPU here.

The same weights stored column by column (`numpy.asfortranarray`) make that transpose row by
row, so the flattening is a view and nothing is copied (0.05 ms). The numbers are the same;
so are the probabilities, bit for bit (tests/test_classifier_layout.py).
"""

from __future__ import annotations

from typing import Any, Callable

RASA_VERSION = "3.6.21"  # the version whose LogisticRegressionClassifier.load this wraps

_installed: Callable[..., Any] | None = None


def lay_out(classifier: Any) -> Any:
    """The component with its scikit-learn model's weights column by column; returned as is."""
    import numpy as np

    model: Any = getattr(classifier, "clf", None)
    coef = getattr(model, "coef_", None)
    if isinstance(coef, np.ndarray) and coef.ndim == 2:
        model.coef_ = np.asfortranarray(coef)
    return classifier


def install() -> None:
    """Wrap LogisticRegressionClassifier.load in this process (only for serving: `run`)."""
    global _installed
    import rasa
    from rasa.nlu.classifiers.logistic_regression_classifier import (
        LogisticRegressionClassifier,
    )

    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(
            f"bot.engine.classifier_layout was written for Rasa {RASA_VERSION}, not "
            f"{rasa.__version__}: check LogisticRegressionClassifier.load and update the patch"
        )
    if _installed is not None:
        return
    original = LogisticRegressionClassifier.load.__func__

    def load(cls: Any, *args: Any, **kwargs: Any) -> Any:
        return lay_out(original(cls, *args, **kwargs))

    LogisticRegressionClassifier.load = classmethod(load)
    _installed = original
