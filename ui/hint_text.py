"""Quiet text that still reads: hints, captions and status colours of the Users, Traffic and
Clients views keep at least WCAG AA contrast (4.5:1) in light and dark themes.

Disabled-looking labels (``setEnabled(False)``) and the palette's placeholder colour fall to
about 2:1 to 3.5:1 with Fusion; these helpers derive the colour from the palette instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

AA = 4.5
TARGET = 4.7  # a little above AA: anti-aliasing and rounding never take it below
QUIET = 0.45  # how far a hint moves from the text colour toward the background, at most
STRENGTH_HUES = {1: "#c62828", 2: "#b35c00", 3: "#1b7f3b", 4: "#1b7f3b"}


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast_ratio(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * amount),
                  round(a.green() + (b.green() - a.green()) * amount),
                  round(a.blue() + (b.blue() - a.blue()) * amount))


def quiet_colour(text: QColor, background: QColor) -> QColor:
    """``text`` moved toward ``background`` as far as QUIET, and never below TARGET contrast."""
    best = _mix(text, background, 0.0)
    for step in range(1, 16):
        candidate = _mix(text, background, QUIET * step / 15)
        if contrast_ratio(candidate, background) < TARGET:
            break
        best = candidate
    return best


def readable(colour: QColor, background: QColor) -> QColor:
    """``colour`` darkened (light background) or lightened (dark one) until it reads."""
    toward = QColor("#000000") if luminance(background) > 0.18 else QColor("#ffffff")
    for step in range(21):
        candidate = _mix(colour, toward, step * 0.05)
        if contrast_ratio(candidate, background) >= TARGET:
            return candidate
    return toward


def window_colours(palette: QPalette) -> tuple[QColor, QColor]:
    return (palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Window))


def hint_brush(palette: QPalette) -> QBrush:
    """For table cells of something inactive (a disabled account): quiet, on the Base colour."""
    return QBrush(quiet_colour(palette.color(QPalette.ColorRole.Text),
                               palette.color(QPalette.ColorRole.Base)))


def strength_colour(score: int, palette: QPalette) -> str:
    """Red, orange or green for a password's strength, readable on the window background."""
    return readable(QColor(STRENGTH_HUES[score]), window_colours(palette)[1]).name()


def error_colour(palette: QPalette) -> str:
    return readable(QColor(STRENGTH_HUES[1]), window_colours(palette)[1]).name()


class HintLabel(QLabel):
    """A hint or caption in a quieter colour than body text, never below AA; it follows the
    theme (light/dark) because it recomputes from the application palette."""

    def __init__(self, text: str = "", parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(text, parent, **kwargs)  # type: ignore[arg-type]
        self._apply()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply()

    def _apply(self) -> None:
        colour = quiet_colour(*window_colours(QApplication.palette(self)))
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) == colour:
            return  # also ends the PaletteChange that setPalette sends
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)
