"""Users… → Directory, driven for real against a real slapd (tests/slapd.py): test a login, save,
share with only directory accounts over real HTTP, turn off."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton

from server.directory_config import load_settings
from server.paths import PierPaths
from tests.app.conftest import run
from tests.slapd import SUFFIX, USERS
from tests.ui.test_main_window import child, start, stop
from tests.ui.test_users_dialog import open_users, request
from ui import directory_tab
from ui.directory_tab import DIGEST_NOTE, DirectoryTab
from ui.main_window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.txt").write_text("alpha\n", encoding="utf-8")
    return root


def directory_tab_of(window: MainWindow, aloop: qasync.QEventLoop) -> DirectoryTab:
    dialog = open_users(window, aloop)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())][-1] == "Directory"
    tab = dialog.directory_tab
    assert tab is not None and tab.last_task is not None
    run(aloop, tab.last_task)  # the saved settings are read off the GUI thread
    return tab


def fill(tab: DirectoryTab, slapd, ca_file: Path) -> None:
    child(tab, QLineEdit, "directoryUrl").setText(slapd.ldaps_url)
    child(tab, QLineEdit, "directoryBaseDn").setText(SUFFIX)
    child(tab, QPlainTextEdit, "directoryGroupMap").setPlainText(
        "staff=read\neditors=modify:/team\n")
    child(tab, QLineEdit, "directoryCaFile").setText(str(ca_file))


def click(tab: DirectoryTab, aloop: qasync.QEventLoop, name: str) -> str:
    child(tab, QPushButton, name).click()
    assert tab.last_task is not None
    run(aloop, tab.last_task, timeout=60)
    return child(tab, QLabel, "directoryResult").text()


def test_test_save_share_and_turn_off(window: MainWindow, aloop: qasync.QEventLoop,
                                      folder: Path, slapd, tmp_path: Path,
                                      ui_paths: PierPaths, monkeypatch) -> None:
    tab = directory_tab_of(window, aloop)
    assert child(tab, QLabel, "directoryStatus").text().startswith("Directory logins are off")
    assert child(tab, QLabel, "directoryDigestNote").text() == DIGEST_NOTE
    assert not child(tab, QPushButton, "directoryOff").isEnabled()
    ca_file = tmp_path / "ca.pem"
    ca_file.write_text(slapd.ca_pem)
    monkeypatch.setattr(directory_tab, "ask_ca_file", lambda parent: str(ca_file))
    child(tab, QPushButton, "directoryChooseCa").click()
    assert child(tab, QLineEdit, "directoryCaFile").text() == str(ca_file)
    fill(tab, slapd, ca_file)

    child(tab, QLineEdit, "directoryTestName").setText("alice")
    child(tab, QLineEdit, "directoryTestPassword").setText(USERS["alice"])
    assert click(tab, aloop, "directoryTest") == \
        "alice may log in: download · upload · change in /team (groups: staff, editors)."
    child(tab, QLineEdit, "directoryTestPassword").setText("wrong")
    assert "alice cannot log in: wrong password" in click(tab, aloop, "directoryTest")
    assert load_settings(ui_paths.directory_file) is None  # testing saves nothing

    assert click(tab, aloop, "directorySave").startswith("Saved.")
    path = ui_paths.directory_file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings(path).ca_pem == slapd.ca_pem
    assert child(tab, QLabel, "directoryStatus").text().startswith("Directory logins are on")

    window.share_panel.login_check.setChecked(True)  # no Pier account at all
    url = start(window, aloop, folder)
    assert request(url, "/a.txt", user="bob", password=USERS["bob"])[0] == 200
    assert request(url, "/a.txt", user="bob", password="wrong")[0] == 401
    stop(window, aloop)

    assert click(tab, aloop, "directoryOff").startswith("Directory logins turned off")
    assert not path.exists()


def test_saved_settings_fill_the_tab_and_bad_ones_are_not_saved(
        window: MainWindow, aloop: qasync.QEventLoop, slapd, tmp_path: Path,
        ui_paths: PierPaths) -> None:
    tab = directory_tab_of(window, aloop)
    ca_file = tmp_path / "ca.pem"
    ca_file.write_text(slapd.ca_pem)
    fill(tab, slapd, ca_file)
    child(tab, QLineEdit, "directoryUrl").setText("ldap://dc.example.org")
    assert "Not saved: Passwords never go to the directory in the clear" in \
        click(tab, aloop, "directorySave")
    assert not ui_paths.directory_file.exists()
    child(tab, QLineEdit, "directoryUrl").setText(slapd.ldaps_url)
    child(tab, QLineEdit, "directoryBindDn").setText(f"cn=manager,{SUFFIX}")
    child(tab, QLineEdit, "directoryBindPassword").setText("manager-secret")
    assert click(tab, aloop, "directorySave").startswith("Saved.")
    window.users_dialog.close()
    window.users_dialog = None

    again = directory_tab_of(window, aloop)
    assert child(again, QLineEdit, "directoryUrl").text() == slapd.ldaps_url
    assert child(again, QLineEdit, "directoryBindPassword").text() == ""
    assert "saved" in child(again, QLineEdit, "directoryBindPassword").placeholderText()
    assert child(again, QPlainTextEdit, "directoryGroupMap").toPlainText() == \
        "staff=read\neditors=modify:/team"
    child(again, QLineEdit, "directoryTestName").setText("bob")
    child(again, QLineEdit, "directoryTestPassword").setText(USERS["bob"])
    # the saved bind password and CA are used though neither field shows them
    assert click(again, aloop, "directoryTest").startswith("bob may log in: download in the")
