"""Imports the few NLTK parts filmqa uses, quickly and without data downloads.

``import nltk`` pulls in ``scipy.stats`` when scipy is installed, which costs
about a second of start-up for a feature (association measures) filmqa never
uses. While importing NLTK we hide a not-yet-imported scipy from it, so NLTK
falls back to its own no-scipy path; scipy stays importable afterwards.
"""

from __future__ import annotations

import importlib
import sys
import threading

_lock = threading.Lock()


def nltk_module(name: str):
    """``importlib.import_module(name)`` for an ``nltk.*`` module, without scipy."""
    if name in sys.modules:
        return sys.modules[name]
    with _lock:
        hide = "scipy" not in sys.modules
        if hide:
            sys.modules["scipy"] = None  # type: ignore[assignment]  # makes `import scipy` fail fast
        try:
            return importlib.import_module(name)
        finally:
            if hide and sys.modules.get("scipy", 0) is None:
                del sys.modules["scipy"]
