""""Phone can't connect?" (issue 19): the dialog shows the checks' findings (a firewall that
blocks the port, with the exact command to let it in), runs the one honest test (a request
from another device within the minute, on an injected clock) and the Wi-Fi QR code; in the
window it opens from the button beside the addresses and the Help menu, switches a
this-computer-only share to the local network, and hears a real request from another address
through the record bridge."""

from __future__ import annotations

import http.client
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import qasync
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.doctor import Doctor, Probes, ShareFacts
from app.doctor_wifi import OPEN
from app.settings import SCOPE_LAN
from server.interface_kinds import InterfaceAddress, all_own_addresses
from server.records import RequestRecord
from tests.app.conftest import run
from tests.app.test_doctor_firewall import FakeFirewalld, runner
from tests.ui.test_main_window import start
from ui.doctor_dialog import DoctorDialog
from ui.main_window import MainWindow

Q = TypeVar("Q", bound=QObject)
LAN = ShareFacts(8000, ["http://127.0.0.1:8000/", "http://192.168.1.20:8000/",
                        "http://172.17.0.1:8000/"], local_only=False)
INTERFACES = [InterfaceAddress("wlp2s0", "192.168.1.20"),
              InterfaceAddress("docker0", "172.17.0.1")]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def child(parent: QWidget, kind: type[Q], name: str) -> Q:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def fixture_doctor(tmp_path: Path, clock: Clock, own: set[str] | None = None) -> Doctor:
    """firewalld running, the Wi-Fi's zone without the port; no ufw."""
    probes = Probes(firewalld=lambda: FakeFirewalld(open_ports={"public": {"22/tcp"}}),
                    runner=runner({}), ufw_dir=tmp_path / "no-ufw",
                    ufw_defaults=tmp_path / "no-default", platform="linux")
    return Doctor(probes, interfaces=lambda: INTERFACES,
                  own_addresses=lambda: own if own is not None else {"127.0.0.1"}, clock=clock)


def record_from(client: str) -> RequestRecord:
    return RequestRecord(time=0.0, client=client, user="", method="GET", path="/", status=200,
                         bytes_sent=0, duration=0.0, user_agent="", referer="", tls=False)


def examined_dialog(qtbot: QtBot, tmp_path: Path, clock: Clock,
                    facts: ShareFacts | None = LAN) -> DoctorDialog:
    dialog = DoctorDialog(fixture_doctor(tmp_path, clock), lambda: facts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.findChild(QWidget, "doctorFinding_firewall") is not None)
    return dialog


def test_a_firewall_finding_shows_the_command_to_let_the_port_in(qtbot, tmp_path):
    dialog = examined_dialog(qtbot, tmp_path, Clock())
    title = child(dialog, QLabel, "doctorFindingTitle_firewall").text()
    assert "The firewall (firewalld) blocks port 8000" in title
    commands = [child(dialog, QLineEdit, f"doctorCommand_firewall_{n}").text() for n in (0, 1)]
    assert commands == ["sudo firewall-cmd --add-port=8000/tcp",
                        "sudo firewall-cmd --permanent --add-port=8000/tcp"]
    child(dialog, QPushButton, "doctorCopy_firewall_1").click()
    assert QGuiApplication.clipboard().text() == commands[1]
    assert child(dialog, QLabel, "doctorPhoneUrl").text() == "http://192.168.1.20:8000/"
    addresses = child(dialog, QLabel, "doctorAddressList").text().splitlines()
    assert addresses[0].startswith("http://192.168.1.20:8000/")
    assert "containers (docker0)" in addresses[1] and "this computer only" in addresses[2]
    assert dialog.findChild(QPushButton, "doctorLanButton") is None


def test_the_minute_passes_without_another_device_then_one_arrives(qtbot, tmp_path):
    clock = Clock()
    dialog = examined_dialog(qtbot, tmp_path, clock)
    status = child(dialog, QLabel, "doctorWatchStatus")
    advice = child(dialog, QLabel, "doctorAdvice")
    watch_button = child(dialog, QPushButton, "doctorWatchButton")
    assert "Waiting for a request from another device… 60 s left" in status.text()
    assert not watch_button.isEnabled()
    clock.now = 20.0
    dialog.observe([record_from("127.0.0.1")])  # this computer: not the phone
    assert "40 s left" in status.text()
    clock.now = 60.5
    dialog.tick()
    assert "No request from another device arrived" in status.text()
    assert advice.isVisible() and "isolation" in advice.text()
    assert watch_button.isEnabled()
    watch_button.click()  # another minute
    assert "60 s left" in status.text() and not advice.isVisible()
    dialog.observe([record_from("192.168.1.33")])
    assert "A request arrived from another device (192.168.1.33)" in status.text()


def test_the_wifi_code_and_its_password_are_never_kept(qtbot, tmp_path):
    dialog = examined_dialog(qtbot, tmp_path, Clock())
    box = dialog.wifi_box
    qr = child(dialog, QLabel, "doctorWifiQr")
    error = child(dialog, QLabel, "doctorWifiError")
    box.ssid_edit.setText("Home")
    box.password_edit.setText("short")
    assert not box.show_code() and error.isVisible() and not qr.isVisible()
    box.password_edit.setText("long enough password")
    child(dialog, QPushButton, "doctorWifiShow").click()
    assert qr.isVisible() and not qr.pixmap().isNull() and not error.isVisible()
    box.security_combo.setCurrentIndex(box.security_combo.findData(OPEN))
    assert not box.password_edit.isEnabled() and not qr.isVisible()
    dialog.hide()
    assert box.password_edit.text() == ""


def test_not_sharing_says_start_first(qtbot, tmp_path):
    dialog = DoctorDialog(fixture_doctor(tmp_path, Clock()), lambda: None)
    qtbot.addWidget(dialog)
    assert not dialog.idle_label.isHidden()
    assert not dialog.watch_button.isEnabled() and not dialog.recheck_button.isEnabled()
    assert dialog.findChild(QWidget, "doctorFinding_scope") is None


def get_from(source: str, url: str) -> int:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=5,
                                      source_address=(source, 0))
    try:
        conn.request("GET", "/")
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_in_the_window_local_only_switch_then_a_real_request_from_another_address(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, qtbot: QtBot,
        tmp_path: Path) -> None:
    action = child(window, QAction, "connectionDoctorAction")
    assert action in window.menuBar().actions()[-1].menu().actions()  # the Help menu
    window.doctor.doctor = fixture_doctor(tmp_path, Clock(), own=all_own_addresses())
    button = child(window, QPushButton, "phoneCantConnectButton")
    assert not button.isVisible()  # shown with the addresses
    url = start(window, aloop, folder)
    assert urlsplit(url).hostname == "127.0.0.1"  # this computer only
    assert button.isVisible() and button.accessibleName() == "Phone can't connect?"
    button.click()
    dialog = window.doctor.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "doctorLanButton") is not None)
    assert "this computer only" in child(dialog, QLabel, "doctorFindingTitle_scope").text()
    child(dialog, QPushButton, "doctorLanButton").click()
    assert window.last_task is not None
    run(aloop, window.last_task)
    assert window.share_panel.share_request().scope == SCOPE_LAN
    assert window.controller.config is not None and not window.controller.config.is_local_only
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "doctorFindingTitle_scope") is not None
                    and "open to the local network"
                    in child(dialog, QLabel, "doctorFindingTitle_scope").text())
    status = child(dialog, QLabel, "doctorWatchStatus")
    assert "Waiting" in status.text()
    port_url = f"http://127.0.0.1:{window.controller.port}/"
    assert get_from("127.0.0.1", port_url) == 200  # this computer
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)  # its record reached the window
    assert "Waiting" in status.text()
    assert get_from("127.0.0.2", port_url) == 200  # another device, as far as Pier can tell
    qtbot.waitUntil(lambda: "arrived from another device (127.0.0.2)" in status.text())
    action.trigger()  # the Help menu's item opens the same dialog
    assert window.doctor.dialog is dialog
