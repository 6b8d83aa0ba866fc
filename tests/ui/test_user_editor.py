"""The user form's password rule, strength text and Advanced section; the Users list's mark
for uploads the share turns off; AA contrast of the quiet texts in light and dark themes
(issue 22 §3)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app.accounts import Accounts
from server.users import UserStore
from ui.charts import LineChart
from ui.contrast import AA, MutedLabel, contrast_ratio
from ui.hint_text import error_colour, hint_brush, strength_colour
from ui.traffic_view import TrafficView
from ui.user_editor import UserEditor
from ui.users_dialog import UPLOADS_OFF_MARK, UsersDialog


def editor_for(qtbot: QtBot, mode: str = "add") -> UserEditor:
    editor = UserEditor(mode, "")
    qtbot.addWidget(editor)
    return editor


def type_password(editor: UserEditor, name: str, password: str) -> None:
    editor.name_edit.setText(name)
    editor.password_edit.setText(password)
    editor.repeat_edit.setText(password)


@pytest.mark.parametrize(("password", "reason"), [
    ("short", "at least 10 characters"),
    ("Password123", "most common passwords"),
    ("dora-explorer-1", "contains the user name"),
])
def test_a_weak_password_is_refused_with_its_reason(qtbot: QtBot, password: str,
                                                    reason: str) -> None:
    editor = editor_for(qtbot)
    type_password(editor, "dora", password)
    assert reason in editor.strength_label.text()
    editor.accept()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.error_label.text().startswith("The password is too weak.")
    assert reason in editor.error_label.text()


def test_a_strong_enough_password_is_accepted(qtbot: QtBot) -> None:
    editor = editor_for(qtbot)
    type_password(editor, "dora", "meadow-kettle-orbit")
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted


def test_the_strength_text_never_moves_the_layout(qtbot: QtBot) -> None:
    editor = editor_for(qtbot)
    editor.show()
    qtbot.waitExposed(editor)
    below = editor.read_check  # a widget under the strength text
    heights, tops = set(), set()
    for password in ("", "a", "Password123", "1234567890", "meadowkettle",
                     "correct horse battery staple", "x" * 60):
        editor.password_edit.setText(password)
        QApplication.processEvents()
        heights.add(editor.strength_label.height())
        tops.add(below.mapTo(editor, below.rect().topLeft()).y())
        label = editor.strength_label
        assert label.text() and label.heightForWidth(label.width()) <= label.height(), password
    assert len(heights) == 1 and len(tops) == 1


def test_digest_sits_under_advanced(qtbot: QtBot, tmp_path: Path) -> None:
    editor = editor_for(qtbot)
    editor.show()
    assert editor.advanced_box.isHidden() and not editor.advanced_button.isChecked()
    editor.advanced_button.click()
    assert editor.advanced_box.isVisibleTo(editor) and editor.digest_check.isVisibleTo(editor)
    editor.advanced_button.click()
    assert editor.advanced_box.isHidden()

    store = UserStore(tmp_path / "users.toml")
    user = store.add("old", "meadow-kettle-orbit", digest=True)
    edit = UserEditor("edit", "", user)
    qtbot.addWidget(edit)
    assert edit.advanced_button.isChecked(), "a setting in use is shown, not folded away"
    assert edit.digest_check.isChecked()


def _close(coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    coroutine.close()
    raise AssertionError("no task expected")


def test_users_list_marks_upload_when_the_share_turns_uploads_off(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    store = UserStore(tmp_path / "users.toml")
    store.add("up", "meadow-kettle-orbit", can_upload=True)
    store.add("down", "meadow-kettle-orbit")
    accounts = Accounts(store)
    dialog = UsersDialog(accounts, _close, lambda: "")
    qtbot.addWidget(dialog)

    def permissions(name: str) -> str:
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 0).text() == name)
        return dialog.table.item(row, 1).text()

    assert permissions("up") == "download · upload" and dialog.uploads_off_label.isHidden()
    accounts.set_share_uploads(False)
    assert permissions("up") == f"download · upload {UPLOADS_OFF_MARK}"
    assert permissions("down") == "download"
    assert not dialog.uploads_off_label.isHidden()
    accounts.set_share_uploads(True)
    assert permissions("up") == "download · upload" and dialog.uploads_off_label.isHidden()


# ---- contrast ---------------------------------------------------------------------------------

def _palette(window: str, text: str, base: str) -> QPalette:
    palette = QPalette(QApplication.palette())
    for role, colour in ((QPalette.ColorRole.Window, window),
                         (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Base, base), (QPalette.ColorRole.Text, text)):
        palette.setColor(role, QColor(colour))
    return palette


THEMES = {"light": _palette("#efefef", "#000000", "#ffffff"),
          "dark": _palette("#353535", "#ffffff", "#2a2a2a"),
          "grey light": _palette("#e6e6e6", "#2b2b2b", "#f7f7f7")}


@pytest.fixture(params=sorted(THEMES))
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    original = QPalette(qapp.palette())
    qapp.setPalette(THEMES[request.param])
    yield THEMES[request.param]
    qapp.setPalette(original)


def _window_text(widget: MutedLabel) -> QColor:
    return widget.palette().color(QPalette.ColorRole.WindowText)


def test_quiet_texts_keep_aa_contrast(qtbot: QtBot, theme: QPalette) -> None:
    window = theme.color(QPalette.ColorRole.Window)
    base = theme.color(QPalette.ColorRole.Base)
    hint = MutedLabel("hint")
    qtbot.addWidget(hint)
    assert contrast_ratio(_window_text(hint), window) >= AA
    assert _window_text(hint) != theme.color(QPalette.ColorRole.WindowText), "still quieter"
    assert contrast_ratio(hint_brush(theme).color(), base) >= AA
    for score in (1, 2, 3, 4):
        assert contrast_ratio(QColor(strength_colour(score, theme)), window) >= AA
    assert contrast_ratio(QColor(error_colour(theme)), window) >= AA
    chart = LineChart("Requests/s", [("", "#3b82f6")])
    qtbot.addWidget(chart)
    assert contrast_ratio(chart.label_colour(), base) >= AA


def test_quiet_texts_follow_a_theme_change(qtbot: QtBot, qapp: QApplication) -> None:
    original = QPalette(qapp.palette())
    try:
        qapp.setPalette(THEMES["light"])
        view = TrafficView()
        editor = editor_for(qtbot)
        qtbot.addWidget(view)
        qapp.setPalette(THEMES["dark"])
        QApplication.processEvents()
        dark_window = THEMES["dark"].color(QPalette.ColorRole.Window)
        hints = [*view.findChildren(MutedLabel), *editor.findChildren(MutedLabel)]
        assert len(hints) >= 7
        for label in hints:
            assert contrast_ratio(_window_text(label), dark_window) >= AA, label.text()
    finally:
        qapp.setPalette(original)


def test_users_list_marks_change_when_the_share_turns_changes_off(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    store = UserStore(tmp_path / "users.toml")
    store.add("editor", "meadow-kettle-orbit", can_modify=True)
    store.add("reader", "meadow-kettle-orbit")
    accounts = Accounts(store)
    dialog = UsersDialog(accounts, _close, lambda: "")
    qtbot.addWidget(dialog)

    def permissions(name: str) -> str:
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, 0).text() == name)
        return dialog.table.item(row, 1).text()

    assert permissions("editor") == "download · change" and dialog.changes_off_label.isHidden()
    accounts.set_share_changes(False)
    assert permissions("editor") == f"download · change {UPLOADS_OFF_MARK}"
    assert permissions("reader") == "download"
    assert not dialog.changes_off_label.isHidden() and dialog.uploads_off_label.isHidden()
    accounts.set_share_changes(True)
    assert permissions("editor") == "download · change" and dialog.changes_off_label.isHidden()
