"""The Users dialog: the accounts that may log in, and who is locked out of the running share."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts import Accounts, folder_limit, password_strength
from server.auth import Authenticator, Lockout
from server.errors import PierError
from server.users import User
from ui import dialogs

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]
LOCKOUT_REFRESH_MS = 1000
USER_COLUMNS = ("Name", "Permissions", "Folders", "Status", "Expires", "Last login")
LOCK_COLUMNS = ("Who", "Failed logins", "Locked for", "")
STRENGTH_COLOURS = {1: "#c62828", 2: "#b35c00", 3: "#1b7f3b", 4: "#1b7f3b"}
DIGEST_HELP = (
    "Digest lets old clients log in without HTTPS and without sending the password itself. "
    "The price: Pier must store a password-equivalent secret for this account, so anyone who "
    "copies the accounts file could log in as this user. Prefer the normal login (Basic) with "
    "HTTPS on. Turn on MD5 only for old clients that cannot do SHA-256.")


def _button(text: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    if tip:
        button.setToolTip(tip)
    return button


def format_day(epoch: float | None, never: str = "never") -> str:
    if epoch is None:
        return never
    return time.strftime("%Y-%m-%d", time.localtime(epoch))


def format_moment(epoch: float | None) -> str:
    if epoch is None:
        return "never"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(epoch))


def permissions_text(user: User) -> str:
    parts = [p for p, on in (("download", user.can_read), ("upload", user.can_upload)) if on]
    text = " · ".join(parts) if parts else "nothing"
    if user.digest:
        text += " · Digest" + (" + MD5" if user.digest_md5 else "")
    return text


def status_text(user: User) -> str:
    if not user.enabled:
        return "Disabled"
    return "Expired" if user.is_expired() else "Active"


def expiry_epoch(day: date) -> float:
    """An account "valid until" ``day`` expires at the start of the next day, local time."""
    following = datetime.combine(day + timedelta(days=1), datetime.min.time())
    return following.timestamp()


def last_valid_day(expires: float) -> date:
    return (datetime.fromtimestamp(expires) - timedelta(seconds=1)).date()


class UserEditor(QDialog):
    """Add a user, edit one, or change a password (``mode`` "add", "edit" or "password")."""

    def __init__(self, mode: str, share_root: str, user: User | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userEditor")
        self.mode = mode
        self._share_root = share_root
        self._user = user
        titles = {"add": "Add a user", "edit": f"Edit {user.name if user else ''}",
                  "password": f"New password for {user.name if user else ''}"}
        self.setWindowTitle(titles[mode])
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self._build_name(form)
        if mode in ("add", "password"):
            self._build_password(form)
        if mode in ("add", "edit"):
            layout.addWidget(self._build_permissions())
            layout.addWidget(self._build_digest())
        self.error_label = QLabel(objectName="editorError", wordWrap=True)
        self.error_label.setStyleSheet("color: #c62828")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            {"add": "Add user", "edit": "Save", "password": "Change password"}[mode])
        for button in buttons.buttons():
            button.setAccessibleName(button.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if user is not None:
            self._show_user(user)

    # ---- building -------------------------------------------------------------------------

    def _build_name(self, form: QFormLayout) -> None:
        self.name_edit = QLineEdit(objectName="userName")
        self.name_edit.setAccessibleName("User name")
        self.name_edit.setPlaceholderText("e.g. alice")
        self.name_edit.setReadOnly(self.mode != "add")
        form.addRow("Name:", self.name_edit)

    def _build_password(self, form: QFormLayout) -> None:
        self.password_edit = QLineEdit(objectName="userPassword")
        self.repeat_edit = QLineEdit(objectName="userPasswordRepeat")
        for edit, name in ((self.password_edit, "Password"),
                           (self.repeat_edit, "Repeat password")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
        self.strength_label = QLabel(objectName="passwordStrength", wordWrap=True)
        self.password_edit.textChanged.connect(self._on_password_changed)
        form.addRow("Password:", self.password_edit)
        form.addRow("Repeat:", self.repeat_edit)
        form.addRow("", self.strength_label)
        self._on_password_changed("")

    def _build_permissions(self) -> QGroupBox:
        box = QGroupBox("What this user may do")
        layout = QVBoxLayout(box)
        self.read_check = QCheckBox("See and download files", objectName="userCanRead")
        self.upload_check = QCheckBox("Upload files and make folders (when the share allows "
                                      "uploads)", objectName="userCanUpload")
        self.read_check.setChecked(True)
        layout.addWidget(self.read_check)
        layout.addWidget(self.upload_check)
        self.whole_radio = QRadioButton("In the whole shared folder", objectName="wholeShare")
        self.only_radio = QRadioButton("Only in these folders:", objectName="onlyFolders")
        self.whole_radio.setChecked(True)
        layout.addWidget(self.whole_radio)
        layout.addWidget(self.only_radio)
        self.folder_list = QListWidget(objectName="userFolders")
        self.folder_list.setAccessibleName("Allowed folders")
        self.folder_list.setMaximumHeight(90)
        layout.addWidget(self.folder_list)
        row = QHBoxLayout()
        self.add_folder_button = _button("Add folder…", "Pick a folder inside the share")
        self.remove_folder_button = _button("Remove folder")
        self.add_folder_button.clicked.connect(self._on_add_folder)
        self.remove_folder_button.clicked.connect(self._on_remove_folder)
        row.addWidget(self.add_folder_button)
        row.addWidget(self.remove_folder_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.only_radio.toggled.connect(self._sync_folder_widgets)
        self._sync_folder_widgets()
        expiry = QHBoxLayout()
        self.expiry_check = QCheckBox("Valid until", objectName="userExpires")
        self.expiry_date = QDateEdit(QDate.currentDate().addMonths(1), objectName="userExpiry")
        self.expiry_date.setCalendarPopup(True)
        self.expiry_date.setDisplayFormat("yyyy-MM-dd")
        self.expiry_date.setAccessibleName("Last day the account works")
        self.expiry_check.toggled.connect(self.expiry_date.setEnabled)
        self.expiry_date.setEnabled(False)
        expiry.addWidget(self.expiry_check)
        expiry.addWidget(self.expiry_date)
        expiry.addStretch(1)
        layout.addLayout(expiry)
        self.enabled_check = QCheckBox("Account enabled (may log in)", objectName="userEnabled")
        self.enabled_check.setChecked(True)
        layout.addWidget(self.enabled_check)
        return box

    def _build_digest(self) -> QGroupBox:
        box = QGroupBox("Digest login (optional, for clients without HTTPS)")
        layout = QVBoxLayout(box)
        self.digest_check = QCheckBox("Allow Digest login (SHA-256)", objectName="userDigest")
        self.md5_check = QCheckBox("Also MD5, for old clients", objectName="userDigestMd5")
        self.digest_check.toggled.connect(self.md5_check.setEnabled)
        self.md5_check.setEnabled(False)
        help_label = QLabel(DIGEST_HELP, wordWrap=True)
        help_label.setEnabled(False)  # muted text
        layout.addWidget(self.digest_check)
        layout.addWidget(self.md5_check)
        layout.addWidget(help_label)
        if self.mode == "edit":
            note = QLabel("Turning Digest on takes effect after the next password change or "
                          "normal login of this user.", wordWrap=True)
            note.setEnabled(False)
            layout.addWidget(note)
        return box

    # ---- values ---------------------------------------------------------------------------

    def _show_user(self, user: User) -> None:
        self.name_edit.setText(user.name)
        if self.mode != "edit":
            return
        self.read_check.setChecked(user.can_read)
        self.upload_check.setChecked(user.can_upload)
        self.only_radio.setChecked(bool(user.folders))
        self.whole_radio.setChecked(not user.folders)
        self.folder_list.addItems(list(user.folders))
        if user.expires is not None:
            self.expiry_check.setChecked(True)
            day = last_valid_day(user.expires)
            self.expiry_date.setDate(QDate(day.year, day.month, day.day))
        self.enabled_check.setChecked(user.enabled)
        self.digest_check.setChecked(user.digest)
        self.md5_check.setChecked(user.digest_md5)

    def name(self) -> str:
        return self.name_edit.text()

    def password(self) -> str:
        return self.password_edit.text()

    def options(self) -> dict[str, Any]:
        """Keyword arguments for UserStore.add / update."""
        folders = [self.folder_list.item(i).text() for i in range(self.folder_list.count())]
        expires = None
        if self.expiry_check.isChecked():
            picked = self.expiry_date.date()
            expires = expiry_epoch(date(picked.year(), picked.month(), picked.day()))
        return {"can_read": self.read_check.isChecked(),
                "can_upload": self.upload_check.isChecked(),
                "folders": folders if self.only_radio.isChecked() else [],
                "enabled": self.enabled_check.isChecked(), "expires": expires,
                "digest": self.digest_check.isChecked(),
                "digest_md5": self.digest_check.isChecked() and self.md5_check.isChecked()}

    def problem(self) -> str:
        """Why the form cannot be accepted yet, "" when it can."""
        if self.mode == "add" and not self.name_edit.text().strip():
            return "Enter a user name."
        if self.mode in ("add", "password"):
            if not self.password_edit.text():
                return "Enter a password."
            if self.password_edit.text() != self.repeat_edit.text():
                return "The two passwords differ."
        if self.mode in ("add", "edit") and self.only_radio.isChecked() \
                and not self.folder_list.count():
            return "Add at least one folder, or choose “In the whole shared folder”."
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()

    # ---- slots ----------------------------------------------------------------------------

    def _on_password_changed(self, text: str) -> None:
        strength = password_strength(text)
        if not strength.score:
            self.strength_label.setText("Strength: long passwords with a few unrelated words "
                                        "are strong and easy to type on a phone.")
            return
        colour = STRENGTH_COLOURS[strength.score]
        bar = "●" * strength.score + "○" * (4 - strength.score)
        advice = f" {strength.advice}" if strength.advice else ""
        self.strength_label.setText(f"<span style='color:{colour}'>{bar} "
                                    f"<b>{strength.label}</b></span>{advice}")

    def _sync_folder_widgets(self) -> None:
        only = self.only_radio.isChecked()
        for widget in (self.folder_list, self.add_folder_button, self.remove_folder_button):
            widget.setEnabled(only)

    def _on_add_folder(self) -> None:
        root = self._share_root.strip()
        if not root or not Path(root).expanduser().is_dir():
            dialogs.show_info(self, "Choose the shared folder first",
                              "Folders are picked inside the shared folder. Choose the folder "
                              "to share in the main window first.")
            return
        chosen = dialogs.ask_subfolder(self, root)
        if not chosen:
            return
        try:
            limit = folder_limit(Path(root).expanduser(), Path(chosen))
        except ValueError as err:
            dialogs.show_error(self, "Not inside the share", str(err))
            return
        existing = {self.folder_list.item(i).text() for i in range(self.folder_list.count())}
        if limit not in existing:
            self.folder_list.addItem(limit)

    def _on_remove_folder(self) -> None:
        for item in self.folder_list.selectedItems():
            self.folder_list.takeItem(self.folder_list.row(item))


class UsersDialog(QDialog):
    """Lists the accounts; adds, edits, disables and deletes them; shows lockouts.

    Slow work (hashing, writing the file) runs as tasks made by ``spawn``; a task never shows a
    modal dialog itself (nested event loops break qasync): failures are shown from a timer."""

    def __init__(self, accounts: Accounts, spawn: Spawn, share_root: Callable[[], str],
                 authenticator: Callable[[], Authenticator | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle("Users — Pier")
        self.resize(760, 460)
        self._accounts = accounts
        self._spawn = spawn
        self._share_root = share_root
        self._authenticator = authenticator
        self._lockout_keys: list[str] = []
        self._shown_users: tuple[User, ...] = ()
        self.last_task: asyncio.Task[Any] | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(objectName="usersTabs")
        self.tabs.addTab(self._build_accounts_tab(), "Accounts")
        self.tabs.addTab(self._build_lockouts_tab(), "Locked out")
        for scroller in self.tabs.findChildren(QToolButton):  # the tab bar's scroll arrows
            scroller.setAccessibleName("Scroll the tabs")
        for corner in self.tabs.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
            corner.setAccessibleName("Select all rows")
        layout.addWidget(self.tabs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in close.buttons():
            button.setAccessibleName("Close")
        layout.addWidget(close)
        self.lockout_timer = QTimer(self, interval=LOCKOUT_REFRESH_MS)
        self.lockout_timer.timeout.connect(self._tick)
        accounts.changed.connect(self.refresh)
        self.refresh()
        self.refresh_lockouts()

    # ---- building -------------------------------------------------------------------------

    def _build_accounts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel("People with an account log in with their name and password when "
                       "“Require login” is on in the main window. Changes apply at once, even "
                       "while sharing.", wordWrap=True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(USER_COLUMNS), objectName="usersTable")
        self.table.setHorizontalHeaderLabels(list(USER_COLUMNS))
        self.table.setAccessibleName("Accounts")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel("No accounts yet. Press “Add user…” to create one.",
                                  objectName="usersEmpty")
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.add_button = _button("Add user…", "Create an account")
        self.edit_button = _button("Edit…", "Change permissions, folders, expiry")
        self.password_button = _button("Change password…")
        self.enable_button = _button("Disable", "Stop or allow this account's logins")
        self.delete_button = _button("Delete…", "Delete the account")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_selected)
        self.password_button.clicked.connect(self.change_password)
        self.enable_button.clicked.connect(self.toggle_enabled)
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.add_button, self.edit_button, self.password_button,
                       self.enable_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.busy_label = QLabel(objectName="usersBusy")
        self.busy_label.setEnabled(False)
        layout.addWidget(self.busy_label)
        return page

    def _build_lockouts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.lockout_hint = QLabel(wordWrap=True, objectName="lockoutHint")
        layout.addWidget(self.lockout_hint)
        self.lockout_table = QTableWidget(0, len(LOCK_COLUMNS), objectName="lockoutTable")
        self.lockout_table.setHorizontalHeaderLabels(list(LOCK_COLUMNS))
        self.lockout_table.setAccessibleName("Locked out")
        self.lockout_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lockout_table.verticalHeader().hide()
        header = self.lockout_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.lockout_table, 1)
        return page

    # ---- accounts -------------------------------------------------------------------------

    def _tick(self) -> None:
        """While open: lockouts, and last-login times the running share notes in memory."""
        self.refresh_lockouts()
        if tuple(self._accounts.users()) != self._shown_users:
            self.refresh()

    def refresh(self) -> None:
        selected = self.selected_name()
        users = self._accounts.users()
        self._shown_users = tuple(users)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            cells = (user.name, permissions_text(user),
                     ", ".join(user.folders) if user.folders else "whole share",
                     status_text(user), format_day(user.expires),
                     format_moment(user.last_login))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not user.is_active():
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
            if user.name == selected:
                self.table.selectRow(row)
        self.empty_label.setVisible(not users)
        self._sync_buttons()

    def selected_name(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return ""
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item else ""

    def select_user(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                self.table.selectRow(row)
                return

    def _selected_user(self) -> User | None:
        name = self.selected_name()
        return self._accounts.store.get(name) if name else None

    def _sync_buttons(self) -> None:
        user = self._selected_user()
        busy = bool(self.busy_label.text())
        self.add_button.setEnabled(not busy)
        for button in (self.edit_button, self.password_button, self.enable_button,
                       self.delete_button):
            button.setEnabled(user is not None and not busy)
        label = "Enable" if user is not None and not user.enabled else "Disable"
        self.enable_button.setText(label)
        self.enable_button.setAccessibleName(label)

    def add_user(self) -> asyncio.Task[Any] | None:
        editor = UserEditor("add", self._share_root(), parent=self)
        if not dialogs.run_modal(editor):
            return None
        name, password, options = editor.name(), editor.password(), editor.options()
        return self._run(self._accounts.add(name, password, **options),
                         "Could not add the user", f"Adding {name.strip()} (hashing the "
                         "password)…", select=name.strip())

    def edit_selected(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        editor = UserEditor("edit", self._share_root(), user, parent=self)
        if not dialogs.run_modal(editor):
            return None
        return self._run(self._accounts.update(user.name, **editor.options()),
                         "Could not change the user", f"Saving {user.name}…", select=user.name)

    def change_password(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        editor = UserEditor("password", self._share_root(), user, parent=self)
        if not dialogs.run_modal(editor):
            return None
        return self._run(self._accounts.set_password(user.name, editor.password()),
                         "Could not change the password",
                         f"Changing the password of {user.name}…", select=user.name)

    def toggle_enabled(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        return self._run(self._accounts.update(user.name, enabled=not user.enabled),
                         "Could not change the user", f"Saving {user.name}…", select=user.name)

    def delete_selected(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        if not dialogs.ask_yes_no(self, "Delete the account?",
                                  f"Delete the account “{user.name}”? This user will no longer "
                                  "be able to log in.", yes_label="Delete"):
            return None
        return self._run(self._accounts.remove(user.name), "Could not delete the user",
                         f"Deleting {user.name}…")

    def _run(self, work: Awaitable[Any], failure_title: str, busy_text: str,
             select: str = "") -> asyncio.Task[Any]:
        self._set_busy(busy_text)
        self.last_task = self._spawn(self._finish(work, failure_title, select))
        return self.last_task

    async def _finish(self, work: Awaitable[Any], failure_title: str, select: str) -> None:
        try:
            await work
        except PierError as err:
            self._report_later(failure_title, str(err))
        finally:
            self._set_busy("")
        self.refresh()
        if select:
            self.select_user(select)

    def _set_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self._sync_buttons()

    def _report_later(self, title: str, text: str) -> None:
        """Show an error from the event loop, not from inside the task that failed."""
        QTimer.singleShot(0, self, lambda: dialogs.show_error(self, title, text))

    # ---- lockouts -------------------------------------------------------------------------

    def refresh_lockouts(self) -> None:
        auth = self._authenticator()
        locks = auth.lockouts() if auth is not None else []
        if auth is None:
            self.lockout_hint.setText("Lockouts appear here while sharing with “Require "
                                      "login” on.")
        elif not locks:
            self.lockout_hint.setText("Nobody is locked out. After 5 wrong passwords, an "
                                      "address or a user name must wait before trying again.")
        else:
            self.lockout_hint.setText("These addresses and user names typed wrong passwords "
                                      "too often and must wait. Release lets them try now.")
        keys = [lock.key for lock in locks]
        if keys != self._lockout_keys:
            self._rebuild_lockouts(locks)
        else:
            for row, lock in enumerate(locks):
                self._set_lock_cells(row, lock)
        self.tabs.setTabText(1, f"Locked out ({len(locks)})" if locks else "Locked out")

    def _rebuild_lockouts(self, locks: list[Lockout]) -> None:
        self._lockout_keys = [lock.key for lock in locks]
        self.lockout_table.setRowCount(len(locks))
        for row, lock in enumerate(locks):
            self._set_lock_cells(row, lock)
            button = _button("Release", "Let this address or user try again now")
            button.setAccessibleName(f"Release {lock.subject}")
            button.clicked.connect(lambda _=False, key=lock.key: self.release(key))
            self.lockout_table.setCellWidget(row, 3, button)

    def _set_lock_cells(self, row: int, lock: Lockout) -> None:
        who = f"user {lock.subject}" if lock.kind == "user" else f"address {lock.subject}"
        cells = (who, str(lock.failures), f"{lock.retry_after} s")
        for column, text in enumerate(cells):
            self.lockout_table.setItem(row, column, QTableWidgetItem(text))

    def release(self, key: str) -> None:
        auth = self._authenticator()
        if auth is not None:
            auth.release(key)
        self.refresh_lockouts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_lockouts()
        self.lockout_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.lockout_timer.stop()
        super().hideEvent(event)

    def show_lockouts(self) -> None:
        self.tabs.setCurrentIndex(1)

