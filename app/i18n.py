"""The window's one way to translate a text, usable from modules that must stay Qt-free.

``translate(context, text)`` is Qt's ``QCoreApplication.translate`` once the window has loaded
Qt; in the CLI (``pier serve``, which never imports Qt) it returns the English text, so scripts
keep reading English. ``pyside6-lupdate`` finds the calls by this name (see scripts/translations),
so the context and the text must be string literals at the call. Plurals: pass the count as the
fourth argument, and phrase the English with ``%n``.
"""

from __future__ import annotations

import sys


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    core = sys.modules.get("PySide6.QtCore")
    if core is None:  # the CLI: no Qt, no translator, English
        return text.replace("%n", str(n)) if n >= 0 else text
    result: str = core.QCoreApplication.translate(context, text, disambiguation, n)
    return result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a text for ``pyside6-lupdate`` where it is defined (a module-level table); the
    code that shows it calls ``translate`` with the same context."""
    return text


class Catalogue:
    """The texts of one context, for code outside a QObject that counts something:
    ``Summary.tr("%n devices are connected", "", count)`` picks the language's plural form.
    ``pyside6-lupdate`` takes the name before ``.tr`` as the context, so name the object exactly
    like the context it holds (``Summary = Catalogue("Summary")``)."""

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(self.context, text, disambiguation, n)
