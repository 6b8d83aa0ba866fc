"""Pier's status colours for the Users, Traffic and Clients views, kept readable (WCAG AA,
4.5:1) in light and dark themes with ui.contrast; quiet captions there are
ui.contrast.MutedLabel, never disabled-looking labels (about 2:1 with Fusion)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QPalette

from ui.contrast import muted, readable

STRENGTH_HUES = {1: "#c62828", 2: "#b35c00", 3: "#1b7f3b", 4: "#1b7f3b"}


def hint_brush(palette: QPalette) -> QBrush:
    """Table cells of something inactive (a disabled account): quiet on Base, still AA."""
    return QBrush(muted(palette.color(QPalette.ColorRole.Text),
                        palette.color(QPalette.ColorRole.Base)))


def strength_colour(score: int, palette: QPalette) -> str:
    """Red, orange or green for a password's strength, readable on the window background."""
    return readable(QColor(STRENGTH_HUES[score]), palette.color(QPalette.ColorRole.Window)).name()


def error_colour(palette: QPalette) -> str:
    return strength_colour(1, palette)
