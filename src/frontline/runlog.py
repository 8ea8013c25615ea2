"""Logging for workflow scripts: everything a script says goes to its rule's log file."""

from __future__ import annotations

import logging
import sys


def to_file(path: str, name: str = "frontline") -> logging.Logger:
    """Send the ``frontline`` logger (and uncaught errors) to ``path``; return the logger."""
    handler = logging.FileHandler(path, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("frontline")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    root.propagate = False

    def excepthook(exc_type, exc, tb):
        root.error("failed: %s: %s", exc_type.__name__, exc, exc_info=(exc_type, exc, tb))
        sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = excepthook
    return logging.getLogger(name)
