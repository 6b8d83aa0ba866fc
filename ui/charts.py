"""A small live line chart painted with QPainter (PySide6-Essentials has no QtCharts).

Cosmetic pens and device-independent coordinates keep it crisp at any device pixel ratio;
text and grid take their colours from the palette, so it follows light and dark schemes."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import contrast

Formatter = Callable[[float], str]

# Accents readable on both light and dark backgrounds.
BLUE = "#3b82f6"
GREEN = "#22a35a"
ORANGE = "#e8891c"
RED = "#e0443e"
PURPLE = "#9b59d0"


def plain_number(value: float) -> str:
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    if value >= 10 or value == int(value):
        return f"{value:.0f}"
    return f"{value:.1f}"


def axis_ticks(peak: float, whole_numbers: bool = False, most: int = 4) -> list[float]:
    """0, then equal steps of 1, 2 or 5 x 10^n up to the first value at or above ``peak``, at
    most ``most`` steps. Counts (``whole_numbers``) never get a step below 1, so their axis
    reads 0, 1, 2, 3 rather than 0, 0.75, 1.5."""
    if peak <= 0:
        return [0.0, 1.0]
    exponent = math.floor(math.log10(peak / most))
    while True:
        for multiple in (1, 2, 5):
            step = multiple * 10.0 ** exponent
            if whole_numbers and step < 1:
                continue
            count = max(1, math.ceil(peak / step - 1e-9))
            if count <= most:
                return [round(step * i, 12) for i in range(count + 1)]
        exponent += 1


@dataclass(slots=True)
class Line:
    label: str
    colour: str
    values: Sequence[float] = ()


class LineChart(QWidget):
    """Lines over a fixed time window (one value per second, newest on the right), a title with
    the latest values, a few gridlines with labels, and a time axis in minutes."""

    def __init__(self, title: str, lines: Sequence[tuple[str, str]], *,
                 formatter: Formatter = plain_number, whole_numbers: bool = False,
                 seconds: int = 300, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.lines = [Line(label, colour) for label, colour in lines]
        self.formatter = formatter
        self.whole_numbers = whole_numbers  # counts: whole-number gridlines only
        self.seconds = seconds
        self.setAccessibleName(title)
        self.setMinimumSize(220, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 180)

    def set_values(self, *series: Sequence[float]) -> None:
        for line, values in zip(self.lines, series, strict=True):
            line.values = list(values)[-self.seconds:]
        self.setAccessibleDescription(self.summary())
        self.update()

    def latest(self, index: int = 0) -> float:
        values = self.lines[index].values
        return values[-1] if values else 0.0

    def peak(self) -> float:
        return max((max(line.values, default=0.0) for line in self.lines), default=0.0)

    def summary(self) -> str:
        return ", ".join(f"{line.label or self.title} {self.formatter(self.latest(i))}"
                         for i, line in enumerate(self.lines))

    # ---- painting -------------------------------------------------------------------------

    def label_colour(self) -> QColor:
        """Axis labels and legends: quieter than the title, still AA on the chart's Base."""
        palette = self.palette()
        return contrast.muted(palette.color(QPalette.ColorRole.Text),
                              palette.color(QPalette.ColorRole.Base))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = self.label_colour()
        grid = QColor(text)
        grid.setAlphaF(0.13)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = QFontMetricsF(self.font())
        top = self._paint_title(painter, metrics, text, muted)
        ticks = axis_ticks(self.peak(), self.whole_numbers)
        axis_width = max(metrics.horizontalAdvance(self.formatter(tick)) for tick in ticks) + 8
        plot = QRectF(8 + axis_width, top + metrics.height() / 2, 0, 0)
        plot.setRight(self.width() - 10)
        plot.setBottom(self.height() - metrics.height() - 8)
        if plot.width() < 20 or plot.height() < 20:
            painter.end()
            return
        self._paint_grid(painter, plot, ticks, metrics, muted, grid)
        for line in self.lines:
            self._paint_line(painter, plot, ticks[-1], line)
        painter.end()

    def _paint_title(self, painter: QPainter, metrics: QFontMetricsF, text: QColor,
                     muted: QColor) -> float:
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        x, baseline = 10.0, 8 + metrics.ascent()
        painter.drawText(QPointF(x, baseline), self.title)
        x += QFontMetricsF(bold).horizontalAdvance(self.title) + 14
        painter.setFont(self.font())
        for index, line in enumerate(self.lines):
            painter.fillRect(QRectF(x, baseline - metrics.ascent() * 0.7, 10, 10),
                             QColor(line.colour))
            x += 14
            label = f"{line.label} {self.formatter(self.latest(index))}".strip()
            painter.setPen(muted if line.label else text)
            painter.drawText(QPointF(x, baseline), label)
            x += metrics.horizontalAdvance(label) + 14
        return 8 + metrics.height() + 6

    def _paint_grid(self, painter: QPainter, plot: QRectF, ticks: Sequence[float],
                    metrics: QFontMetricsF, muted: QColor, grid: QColor) -> None:
        pen = QPen(grid, 1)
        pen.setCosmetic(True)
        for tick in ticks:
            y = plot.bottom() - plot.height() * tick / ticks[-1]
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            label = self.formatter(tick)
            painter.setPen(muted)
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        minutes = self.seconds // 60
        for minute in range(minutes + 1):
            x = plot.left() + plot.width() * minute / minutes
            label = "now" if minute == minutes else f"−{minutes - minute} min"
            width = metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, plot.left() - 4), plot.right() - width)
            painter.setPen(muted)
            painter.drawText(QPointF(left, plot.bottom() + metrics.ascent() + 4), label)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))

    def _paint_line(self, painter: QPainter, plot: QRectF, ceiling: float, line: Line) -> None:
        values = line.values
        if len(values) < 2:
            return
        step = plot.width() / (self.seconds - 1)
        first_x = plot.right() - step * (len(values) - 1)
        points = [QPointF(first_x + i * step,
                          plot.bottom() - plot.height() * min(value / ceiling, 1.0))
                  for i, value in enumerate(values)]
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        area = QPainterPath(path)
        area.lineTo(points[-1].x(), plot.bottom())
        area.lineTo(points[0].x(), plot.bottom())
        area.closeSubpath()
        fill = QColor(line.colour)
        fill.setAlphaF(0.16)
        painter.fillPath(area, fill)
        pen = QPen(QColor(line.colour), 1.6)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(path)
