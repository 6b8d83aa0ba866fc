"""The Limits & access tab's "Other names for this computer" field (DNS rebinding defence)."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from app.settings import SettingsStore
from app.share_control import ShareControl
from app.traffic_settings import TrafficChoices
from server.engine import ServerEngine
from server.paths import PierPaths
from tests.app.conftest import run
from tests.conftest import http_request
from tests.ui.conftest import make_window
from ui.limits_panel import LimitsPanel, error_style
from ui.main_window import MainWindow


@pytest.fixture
def panel(qtbot: QtBot) -> LimitsPanel:
    widget = LimitsPanel(ShareControl(ServerEngine()), TrafficChoices(), False,
                         ("pc.fritz.box",))
    qtbot.addWidget(widget)
    return widget


def type_names(qtbot: QtBot, edit: QLineEdit, text: str, unicode: str = "") -> None:
    """Type ``text`` (ASCII: QTest cannot type other letters), insert ``unicode``, press Enter."""
    edit.clear()
    qtbot.keyClicks(edit, text)
    edit.insert(unicode)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def relative_luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_typed_names_are_saved_normalised_and_loaded_again(ui_paths: PierPaths, window: MainWindow,
                                                           qtbot: QtBot) -> None:
    panel = window.monitor_tabs.limits_panel
    edit = window.findChild(QLineEdit, "allowedHostsEdit")
    assert edit is panel.hosts_edit and edit.text() == ""
    type_names(qtbot, edit, "PC.fritz.box, laptop.vpn  ", "münchen.example")
    assert panel.hosts_error is None
    assert SettingsStore(ui_paths.settings_file).load().settings.allowed_hosts == (
        "pc.fritz.box", "laptop.vpn", "xn--mnchen-3ya.example")
    assert "pc.fritz.box, laptop.vpn" in panel.hosts_status.text()

    second = make_window(qtbot, ui_paths)  # the next launch shows them again
    assert second.monitor_tabs.limits_panel.allowed_hosts == (
        "pc.fritz.box", "laptop.vpn", "xn--mnchen-3ya.example")
    assert second.monitor_tabs.limits_panel.hosts_edit.text().startswith("pc.fritz.box, ")
    second.shutdown_blocking()


@pytest.mark.parametrize(("text", "bad"), [("*.example.com", "*.example.com"),
                                           ("http://x", "http://x"), ("a b:80", "b:80")])
def test_an_invalid_name_is_refused_with_a_message_and_not_saved(ui_paths: PierPaths,
        window: MainWindow, qtbot: QtBot, text: str, bad: str) -> None:
    panel = window.monitor_tabs.limits_panel
    type_names(qtbot, panel.hosts_edit, "pc.fritz.box")
    type_names(qtbot, panel.hosts_edit, text)
    error = panel.hosts_error
    assert error is not None and f"'{bad}' is not a host name" in error
    assert "Not saved" in error
    assert panel.hosts_status.isVisibleTo(panel)
    assert "color:" in panel.hosts_status.styleSheet()
    assert panel.allowed_hosts == ("pc.fritz.box",)
    window.save_settings()  # any later save keeps the last valid names
    assert SettingsStore(ui_paths.settings_file).load().settings.allowed_hosts == ("pc.fritz.box",)

    type_names(qtbot, panel.hosts_edit, "pc.fritz.box laptop.vpn")  # mended
    assert panel.hosts_error is None and panel.hosts_status.styleSheet() == ""
    assert SettingsStore(ui_paths.settings_file).load().settings.allowed_hosts == (
        "pc.fritz.box", "laptop.vpn")


def test_the_names_reach_the_config_and_change_while_sharing(
        window: MainWindow, qtbot: QtBot, aloop: qasync.QEventLoop, folder: Path) -> None:
    panel = window.monitor_tabs.limits_panel
    type_names(qtbot, panel.hosts_edit, "pc.fritz.box, laptop.vpn")
    assert "next Start" in panel.hosts_status.text()
    window.share_panel.folder_edit.setText(str(folder))
    window.share_panel.port_spin.setValue(0)
    window.share_panel.start_button.click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.controller.state is ServerState.RUNNING
    config = window.controller.config
    assert config is not None and config.allowed_hosts == ("pc.fritz.box", "laptop.vpn")
    port = window.controller.port
    assert port is not None
    assert http_request(port, "GET", "/", headers={"Host": f"nas.home:{port}"})[0] == 421
    assert panel.hosts_edit.isEnabled()
    type_names(qtbot, panel.hosts_edit, "nas.home")  # and leaves the field: applied
    assert "once you leave the field" in panel.hosts_status.text()
    assert window.live.timer.isActive()
    task = window.live.apply_now()  # the timer's work, without waiting for it
    assert task is not None
    run(aloop, task)
    config = window.controller.config
    assert config is not None and config.allowed_hosts == ("nas.home",)
    assert http_request(port, "GET", "/", headers={"Host": f"nas.home:{port}"})[0] == 200
    assert window.controller.port == port

    task = window.request_stop()
    assert task is not None
    run(aloop, task)
    assert panel.hosts_edit.isEnabled()
    assert "next Start" in panel.hosts_status.text()


def test_an_invalid_name_stays_shown_while_sharing_and_is_never_used(panel: LimitsPanel) -> None:
    panel.load_allowed_hosts(("pc.fritz.box",))
    panel.set_running(True)
    panel.hosts_edit.setText("pc.fritz.box:8080")
    assert panel.hosts_error is not None and "pc.fritz.box:8080" in panel.hosts_error
    assert panel.allowed_hosts == ("pc.fritz.box",), "the running share keeps the last valid"
    panel.set_running(False)
    assert panel.hosts_error is not None and "pc.fritz.box:8080" in panel.hosts_error


def test_loading_names_does_not_ask_for_a_save(qtbot: QtBot, panel: LimitsPanel) -> None:
    with qtbot.assertNotEmitted(panel.changed):
        panel.load_allowed_hosts(("a.example", "b.example"))
        panel.hosts_edit.editingFinished.emit()  # unchanged: nothing to save
    assert panel.hosts_edit.text() == "a.example, b.example"


@pytest.mark.parametrize("window_colour", ["#efefef", "#ffffff", "#353535", "#1e1e1e"])
def test_error_text_is_readable_on_light_and_dark_windows(panel: LimitsPanel,
                                                          window_colour: str) -> None:
    palette = panel.hosts_status.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window_colour))
    panel.hosts_status.setPalette(palette)
    colour = QColor(error_style(panel.hosts_status).removeprefix("color: ").rstrip(";"))
    assert colour.isValid()
    assert contrast(colour, QColor(window_colour)) >= 4.5
