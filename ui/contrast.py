"""Readable colours: WCAG contrast ratios, muted text that still reads (AA, 4.5:1) in light and
dark themes, and a label that keeps its muted colour when the theme changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

AA = 4.5  # WCAG 2 level AA for normal text
TARGET = 4.7  # a little above AA, so rounding in a renderer never drops below it


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour, 0 (black) to 1 (white)."""
    return (0.2126 * _channel(colour.red()) + 0.7152 * _channel(colour.green())
            + 0.0722 * _channel(colour.blue()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two opaque colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way to ``b``; alpha is dropped."""
    return QColor(round(a.red() + (b.red() - a.red()) * amount),
                  round(a.green() + (b.green() - a.green()) * amount),
                  round(a.blue() + (b.blue() - a.blue()) * amount))


def muted(text: QColor, background: QColor, minimum: float = TARGET) -> QColor:
    """``text`` moved toward ``background`` as far as it keeps ``minimum`` contrast: a quieter
    colour for captions and hints that still reads. ``text`` itself when it has no room."""
    best = QColor(text.red(), text.green(), text.blue())
    for step in range(1, 21):
        candidate = blend(text, background, step * 0.03)
        if contrast_ratio(candidate, background) < minimum:
            break
        best = candidate
    return best


def readable(colour: QColor, background: QColor, minimum: float = TARGET) -> QColor:
    """``colour`` made darker (on a light background) or lighter (on a dark one) until it
    reaches ``minimum`` contrast against ``background``; unchanged when it already does."""
    toward = QColor("#000000") if luminance(background) > 0.18 else QColor("#ffffff")
    for step in range(21):
        candidate = blend(colour, toward, step * 0.05)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return toward


def is_dark_palette(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class MutedLabel(QLabel):
    """A caption or hint in a quieter colour than body text, never below AA contrast. It
    follows theme changes (light/dark) because it recomputes from the application palette."""

    def __init__(self, text: str = "", parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(text, parent, **kwargs)
        self._apply()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.ParentChange):
            self._apply()

    def _apply(self) -> None:
        source = QApplication.palette(self)
        colour = muted(source.color(QPalette.ColorRole.WindowText),
                       source.color(QPalette.ColorRole.Window))
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) == colour:
            return  # also ends the PaletteChange that setPalette below sends
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)
