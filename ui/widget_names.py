"""Object names for widgets made in one expression, in a form the type checker accepts.

PySide6 takes any Qt property as a constructor keyword (``QLabel(objectName="x")``), but its
stubs list only the properties a class declares itself, so the inherited ``objectName`` does not
type-check. ``named(QLabel(...), "x")`` sets the same name and keeps the widget's type."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_Q = TypeVar("_Q", bound=QObject)


def named(obj: _Q, name: str) -> _Q:
    """Set ``obj``'s objectName (what tests and style sheets find it by) and return it."""
    obj.setObjectName(name)
    return obj
