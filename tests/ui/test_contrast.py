"""Text contrast of the share panel: at least 4.5:1 (WCAG AA) in light and dark themes, the
hints and counter captions included; the counters and access boxes have accessible names."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.controller import ServerState
from tests.ui.test_main_window import child
from ui.contrast import AA, contrast_ratio, muted, readable
from ui.main_window import MainWindow
from ui.share_panel import start_button_style

DARK = {"Window": "#2b2b2b", "WindowText": "#f0f0f0", "Base": "#1e1e1e", "Text": "#f0f0f0",
        "Button": "#3a3a3a", "ButtonText": "#f0f0f0", "Highlight": "#3d7ad6",
        "HighlightedText": "#ffffff", "PlaceholderText": "#80f0f0f0"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return palette


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as drawn on ``background`` (alpha composited)."""
    alpha = colour.alphaF()
    return QColor(round(colour.red() * alpha + background.red() * (1 - alpha)),
                  round(colour.green() * alpha + background.green() * (1 - alpha)),
                  round(colour.blue() * alpha + background.blue() * (1 - alpha)))


def label_ratio(label: QLabel) -> float:
    palette = label.palette()
    background = palette.color(QPalette.ColorRole.Window)
    return contrast_ratio(over(palette.color(QPalette.ColorRole.WindowText), background),
                          background)


def test_ratio_formula() -> None:
    assert round(contrast_ratio(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert round(contrast_ratio(QColor("#777777"), QColor("#ffffff")), 2) == 4.48
    assert contrast_ratio(muted(QColor("#000000"), QColor("#efefef")), QColor("#efefef")) >= AA
    assert contrast_ratio(readable(QColor("#308cc6"), QColor("#ffffff")), QColor("#ffffff")) >= AA


def test_share_panel_text_reads_in_both_themes(window: MainWindow, theme: str) -> None:
    panel = window.share_panel
    window.model.set_dark(theme == "dark")
    labels = [panel.url_hint, panel.access_label, *panel.counter_captions.values(),
              *panel.counter_labels.values(), panel.state_label, panel.address_box.qr_caption,
              panel.address_box.port_notice, child(window, QLabel, "firstRunHint"),
              child(window, QLabel, "firstRunTitle")]
    low = {label.objectName() or label.text(): round(label_ratio(label), 2) for label in labels
           if label_ratio(label) < AA}
    assert low == {}
    edit = panel.folder_edit.palette()
    hint = over(edit.color(QPalette.ColorRole.PlaceholderText), edit.color(QPalette.ColorRole.Base))
    assert contrast_ratio(hint, edit.color(QPalette.ColorRole.Base)) >= AA, "the folder hint"
    assert panel.counter_captions["requests"].palette().color(QPalette.ColorRole.WindowText) \
        != panel.counter_labels["requests"].palette().color(QPalette.ColorRole.WindowText), \
        "captions stay quieter than the numbers"


def test_start_and_stop_button_colours_read(theme: str, qapp: QApplication) -> None:
    palette = qapp.palette()
    style = start_button_style(palette)
    start = re.search(r"background: (#\w+); color: (#\w+)", style)
    stop = re.search(r"color: (#\w+); border: 2px solid #\w+; background: (#\w+)", style)
    assert start is not None and stop is not None
    start_bg, start_fg = start.groups()
    stop_fg, button = stop.groups()
    assert contrast_ratio(QColor(start_fg), QColor(start_bg)) >= AA
    assert contrast_ratio(QColor(stop_fg), QColor(button)) >= AA


def test_counters_and_boxes_have_accessible_names(window: MainWindow) -> None:
    panel = window.share_panel
    assert panel.counter_labels["requests"].accessibleName() == "Requests: 0"
    assert panel.counter_captions["sent"].accessibleName() == "Sent"
    assert panel.access_label.accessibleName() == "Who can do what"
    assert panel.anonymous_combo.accessibleName() == "Visitors without an account may"
    panel.set_state(ServerState.RUNNING)
    unnamed = [w.objectName() for w in panel.findChildren(QWidget)
               if w.objectName().endswith(("Counter", "Caption")) and not w.accessibleName()]
    assert unnamed == []
    panel.set_state(ServerState.STOPPED)
