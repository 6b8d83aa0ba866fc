"""The window in the user's language (issue 19): the Qt Linguist catalogues are in step with the
code and complete, and the window really speaks them.

A text added to ui/ or app/ without running scripts/translations fails
``test_catalogues_are_in_step_with_the_code``; one left untranslated fails
``test_every_language_translates_every_text``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.directory_service import rights_text
from app.doctor import ShareFacts, scope_finding
from app.services import AppServices
from app.settings import LANGUAGES, Settings, SettingsStore, saved_language
from app.summaries import change_message
from server.config import ServerConfig
from server.paths import PierPaths
from server.users import User
from tests.app.conftest import run
from tests.ui.conftest import DialogRecorder, make_window
from tests.ui.test_users_dialog import open_users
from ui.language_menu import LanguageMenu
from ui.main_window import MainWindow
from ui.translations import TRANSLATED, catalogue_dir, install_translators, language_for

ROOT = Path(__file__).resolve().parents[2]
QT_BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?n|%\d")
FORMS = {"zh_CN": 1, "es": 2, "de": 2, "fr": 2}  # Qt's plural forms of each language


def messages(language: str) -> list[ET.Element]:
    tree = ET.parse(catalogue_dir() / f"pier_{language}.ts")
    return list(tree.getroot().iter("message"))


def accelerators(text: str) -> int:
    """How many "&x" mnemonics a text has ("&&" is a literal ampersand)."""
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def test_catalogues_are_in_step_with_the_code(tmp_path: Path) -> None:
    """scripts/translations run on a copy of the sources changes neither a .ts (no new, changed
    or vanished text) nor a .qm (the committed build is the build of the committed sources)."""
    for part in ("app", "ui", "scripts"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copytree(catalogue_dir(), tmp_path / "resources" / "translations")
    result = subprocess.run([str(tmp_path / "scripts" / "translations")], capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", "PIER_QT_BIN": str(QT_BIN)},
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    for committed in sorted(catalogue_dir().glob("pier_*.*")):
        rebuilt = tmp_path / "resources" / "translations" / committed.name
        assert rebuilt.read_bytes() == committed.read_bytes(), (
            f"{committed.name} is not in step with the code: run scripts/translations, translate "
            f"what it lists and commit resources/translations/\n{result.stdout}")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_language_translates_every_text(language: str) -> None:
    found = messages(language)
    assert len(found) > 500  # the window's texts, not an empty file
    for message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (language, source)
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            assert len(forms) == FORMS[language], (language, source)
        else:
            forms = [translation.text or ""]
        for form in forms:
            assert form.strip(), (language, source)
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (
                language, source, form)
            assert accelerators(form) == accelerators(source), (language, source, form)


def test_english_has_its_plural_forms() -> None:
    found = messages("en")
    assert found and all(message.get("numerus") == "yes" for message in found)
    for message in found:
        forms = [form.text for form in message.iter("numerusform")]
        assert len(forms) == 2 and all(forms), message.findtext("source")


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("", "de_AT", "de"), ("", "fr_CA", "fr"), ("", "es_MX", "es"), ("", "zh_CN", "zh_CN"),
    ("", "zh_SG", "zh_CN"), ("", "zh_TW", "en"), ("", "pt_BR", "en"), ("", "en_GB", "en"),
    ("fr", "de_DE", "fr"), ("en", "zh_CN", "en"),
])
def test_the_language_follows_the_setting_else_the_system(setting: str, system: str,
                                                          expected: str) -> None:
    assert language_for(setting, QLocale(system)) == expected


def test_the_language_setting_is_saved_and_checked(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.toml")
    store.save(Settings(language="de"))
    assert store.load().settings.language == "de"
    assert saved_language(store.path) == "de"
    store.path.write_text('language = "klingon"\n', encoding="utf-8")
    assert store.load().settings.language == "" and saved_language(store.path) == ""
    store.path.write_text("not toml [", encoding="utf-8")
    assert saved_language(store.path) == ""  # read before the window: never fatal
    assert store.path.exists()  # and never moved aside (SettingsStore.load does that)
    assert saved_language(tmp_path / "missing.toml") == ""
    assert set(LANGUAGES) == {"", "en", *TRANSLATED}


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    installed = install_translators(qapp, "zh_CN")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English))


def test_the_window_speaks_chinese(qtbot: QtBot, aloop: object, ui_paths: PierPaths,
                                   chinese: list[QTranslator]) -> None:
    assert len(chinese) == 3  # Qt's own, Pier's English plurals, Pier's Chinese
    window = make_window(qtbot, ui_paths)
    try:
        assert window.share_panel.start_button.text() == "开始共享"
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles[:4] == ["共享(&S)", "请求(&R)", "设置(&T)", "帮助(&H)"]
        assert window.monitor_tabs.tabText(0) == "请求"
        assert window.share_panel.state_label.text().endswith("<b>未共享</b>")
        assert window.log_panel.count_label.text() == "0 个请求"  # a plural form
    finally:
        window.shutdown_blocking()


def test_the_doctor_tray_and_settings_menu_speak_chinese(qtbot: QtBot, aloop: object,
                                                        ui_paths: PierPaths,
                                                        chinese: list[QTranslator]) -> None:
    """Texts from app/ modules (the doctor's findings, the status line after a live change)
    and from the parts built outside the window class (menus, tray) are translated too."""
    window = MainWindow(AppServices.create(ui_paths), use_tray=True)
    qtbot.addWidget(window)
    try:
        assert window.menus.settings.title() == "设置(&T)"
        texts = [action.text() for action in window.menus.settings.actions()]
        assert texts[:2] == ["登录时启动 Pier(&S)", "隐藏在托盘中启动并共享上次的文件夹(&H)"]
        assert texts[-1] == "语言(&L)"
        assert window.doctor.action.text() == "手机连不上？(&P)…"
        assert window.tray is not None
        assert window.tray.address_action.text() == "未共享"
        dialog = window.doctor.open()
        assert dialog.windowTitle() == "手机连不上？— Pier"
        assert dialog.wifi_box.title() == "让手机连接到此 Wi-Fi"
        dialog.close()
    finally:
        window.shutdown_blocking()
    local = ShareFacts(8000, ["http://127.0.0.1:8000/"], local_only=True)
    assert scope_finding(local).title == "共享仅限本机访问"
    config = ServerConfig(root=ui_paths.config, port=8000)
    assert change_message(config, config, ["u"], ["u"]) == "新设置现已生效，从下一个请求开始适用"


def test_the_directory_tab_speaks_chinese(qtbot: QtBot, aloop: qasync.QEventLoop,
                                        ui_paths: PierPaths,
                                        chinese: list[QTranslator]) -> None:
    """Users… → Directory, and the answers app.directory_service makes for it."""
    window = make_window(qtbot, ui_paths)
    try:
        dialog = open_users(window, aloop)
        assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "目录"
        tab = dialog.directory_tab
        assert tab is not None and tab.last_task is not None
        run(aloop, tab.last_task)
        assert tab.status_label.text() == "目录登录已关闭。"
        assert tab.save_button.text() == "保存" and tab.test_button.text() == "测试"
        assert tab.starttls_check.text() == "使用 StartTLS（用于 ldap:// 地址）"
        assert tab.bind_password_edit.placeholderText() == "绑定 DN 的密码"
        assert tab.url_edit.accessibleName() == "目录地址"
        assert tab.test_login() is tab.last_task
        run(aloop, tab.last_task)
        assert tab.result_label.text() == "请输入要测试的用户名和密码。"
        dialog.close()
    finally:
        window.shutdown_blocking()
    user = User("alice", can_read=True, can_upload=True, folders=("/team",), directory=True)
    assert rights_text(user) == "下载 · 上传，限于 /team"


@pytest.mark.parametrize("language", ["en", *TRANSLATED])
def test_each_menu_has_distinct_accelerators(qtbot: QtBot, aloop: object, ui_paths: PierPaths,
                                             qapp: QApplication, language: str) -> None:
    installed = install_translators(qapp, language)
    window = make_window(qtbot, ui_paths)
    try:
        bar = window.menuBar()
        menus = [bar, *(action.menu() for action in bar.actions())]
        for menu in menus:
            assert menu is not None
            keys = [QKeySequence.mnemonic(action.text()).toString()
                    for action in menu.actions() if action.isVisible() and action.text()]
            keys = [key for key in keys if key]
            assert len(keys) == len(set(keys)), (language, menu.title() if isinstance(
                menu, QMenu) else "menu bar", keys)
    finally:
        window.shutdown_blocking()
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English))


def test_the_language_menu_saves_the_choice_for_the_next_start(
        window: MainWindow, dialog_recorder: DialogRecorder, ui_paths: PierPaths) -> None:
    menu = window.findChild(LanguageMenu, "languageMenu")
    assert menu is not None and menu.title() == "&Language"
    assert menu.menuAction() in window.menus.settings.actions()  # Settings ▸ Language
    names = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert names == ["System default", "English", "简体中文", "Español", "Deutsch", "Français"]
    checked = [action.objectName() for action in menu.actions() if action.isChecked()]
    assert checked == ["language_system"]
    german = window.findChild(type(menu.actions()[0]), "language_de")
    assert german is not None
    german.trigger()
    assert german.isChecked()
    assert SettingsStore(ui_paths.settings_file).load().settings.language == "de"
    assert saved_language(ui_paths.settings_file) == "de"
    assert dialog_recorder.infos == [
        ("Language", "Pier will use Deutsch the next time it starts.")]
    assert window.current_settings().language == "de"  # kept by the window's own saves
