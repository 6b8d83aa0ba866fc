"""The Users dialog: the accounts that may log in, and who is locked out of the running share."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts import Accounts, LockedOut
from app.directory_service import DirectoryService
from app.i18n import QT_TRANSLATE_NOOP, translate
from server.errors import PierError
from server.users import User
from ui import dialogs
from ui.contrast import MutedLabel
from ui.directory_tab import DirectoryTab
from ui.hint_text import hint_brush
from ui.user_editor import UserEditor, labelled_button
from ui.widget_names import named

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]
LOCKOUT_REFRESH_MS = 1000
USER_COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Name"),
    QT_TRANSLATE_NOOP("Columns", "Permissions"),
    QT_TRANSLATE_NOOP("Columns", "Folders"),
    QT_TRANSLATE_NOOP("Columns", "Status"),
    QT_TRANSLATE_NOOP("Columns", "Expires"),
    QT_TRANSLATE_NOOP("Columns", "Last login"),
)
LOCK_COLUMNS = (
    QT_TRANSLATE_NOOP("Columns", "Who"),
    QT_TRANSLATE_NOOP("Columns", "Failed logins"),
    QT_TRANSLATE_NOOP("Columns", "Locked for"),
    "",
)
UPLOADS_OFF_MARK = QT_TRANSLATE_NOOP("UsersDialog", "(off for this share)")
UPLOADS_OFF_NOTE = QT_TRANSLATE_NOOP(
    "UsersDialog", "Uploads are turned off for this share (“Allow uploads” in the main window), "
    "so nobody can upload now, whatever their permission says.")
CHANGES_OFF_NOTE = QT_TRANSLATE_NOOP(
    "UsersDialog", "Changes are turned off for this share (“Allow changes” in the main window), "
    "so nobody can rename, move or delete now, whatever their permission says.")


def format_day(epoch: float | None, never: str | None = None) -> str:
    if epoch is None:
        return translate("UsersDialog", "never") if never is None else never
    return time.strftime("%Y-%m-%d", time.localtime(epoch))


def format_moment(epoch: float | None) -> str:
    if epoch is None:
        return translate("UsersDialog", "never")
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(epoch))


def permissions_text(user: User, share_uploads: bool = True, share_changes: bool = True) -> str:
    """E.g. "download · upload · change · Digest"; a permission the share turns off now is
    marked."""
    off = translate("UsersDialog", UPLOADS_OFF_MARK)
    upload, change = translate("UsersDialog", "upload"), translate("UsersDialog", "change")
    rights = ((translate("UsersDialog", "download"), user.can_read),
              (upload if share_uploads else f"{upload} {off}", user.can_upload),
              (change if share_changes else f"{change} {off}", user.can_modify))
    parts = [p for p, on in rights if on]
    text = " · ".join(parts) if parts else translate("UsersDialog", "nothing")
    if user.digest:
        text += translate("UsersDialog", " · Digest")
        if user.digest_md5:
            text += translate("UsersDialog", " + MD5")
    return text


def status_text(user: User) -> str:
    if not user.enabled:
        return translate("UsersDialog", "Disabled")
    if user.is_expired():
        return translate("UsersDialog", "Expired")
    return translate("UsersDialog", "Active")


class UsersDialog(QDialog):
    """Lists the accounts; adds, edits, disables and deletes them; shows lockouts.

    Slow work (hashing, writing the file) runs as tasks made by ``spawn``; a task never shows a
    modal dialog itself (nested event loops break qasync): failures are shown from a timer."""

    def __init__(self, accounts: Accounts, spawn: Spawn, share_root: Callable[[], str],
                 parent: QWidget | None = None, *,
                 directory: DirectoryService | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users — Pier"))
        self.resize(760, 460)
        self._accounts = accounts
        self._spawn = spawn
        self._share_root = share_root
        self._lockout_keys: list[str] = []
        self._shown_users: tuple[User, ...] = ()
        self.last_task: asyncio.Task[Any] | None = None
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "usersTabs")
        self.tabs.addTab(self._build_accounts_tab(), self.tr("Accounts"))
        self.tabs.addTab(self._build_lockouts_tab(), self.tr("Locked out"))
        self.directory_tab = DirectoryTab(directory, spawn) if directory is not None else None
        if self.directory_tab is not None:
            self.tabs.addTab(self.directory_tab, self.tr("Directory"))
            self.resize(780, 600)  # the directory's form is the tallest tab
            self.directory_tab.load()
        for scroller in self.tabs.findChildren(QToolButton):  # the tab bar's scroll arrows
            scroller.setAccessibleName(self.tr("Scroll the tabs"))
        for corner in self.tabs.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
            corner.setAccessibleName(self.tr("Select all rows"))
        layout.addWidget(self.tabs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in close.buttons():
            button.setAccessibleName(self.tr("Close"))
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
        intro = QLabel(self.tr("People with an account log in with their name and password when "
                               "“Require login” is on in the main window. Changes apply at once, "
                               "even while sharing."), wordWrap=True)
        layout.addWidget(intro)
        self.table = named(QTableWidget(0, len(USER_COLUMNS)), "usersTable")
        self.table.setHorizontalHeaderLabels(
            [translate("Columns", c) for c in USER_COLUMNS])
        self.table.setAccessibleName(self.tr("Accounts"))
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
        self.empty_label = named(
            QLabel(self.tr("No accounts yet. Press “Add user…” to create one.")), "usersEmpty"
        )
        layout.addWidget(self.empty_label)
        self.uploads_off_label = MutedLabel(self.tr(UPLOADS_OFF_NOTE), objectName="uploadsOffNote",
                                           wordWrap=True)
        layout.addWidget(self.uploads_off_label)
        self.changes_off_label = MutedLabel(self.tr(CHANGES_OFF_NOTE), objectName="changesOffNote",
                                            wordWrap=True)
        layout.addWidget(self.changes_off_label)
        row = QHBoxLayout()
        self.add_button = labelled_button(self.tr("Add user…"), self.tr("Create an account"))
        self.edit_button = labelled_button(
            self.tr("Edit…"), self.tr("Change permissions, folders, expiry")
        )
        self.password_button = labelled_button(self.tr("Change password…"))
        self.enable_button = labelled_button(
            self.tr("Disable"), self.tr("Stop or allow this account's logins")
        )
        self.delete_button = labelled_button(self.tr("Delete…"), self.tr("Delete the account"))
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
        self.busy_label = MutedLabel(objectName="usersBusy")
        layout.addWidget(self.busy_label)
        return page

    def _build_lockouts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.lockout_hint = named(QLabel(wordWrap=True), "lockoutHint")
        layout.addWidget(self.lockout_hint)
        self.lockout_table = named(QTableWidget(0, len(LOCK_COLUMNS)), "lockoutTable")
        self.lockout_table.setHorizontalHeaderLabels(
            [translate("Columns", c) for c in LOCK_COLUMNS])
        self.lockout_table.setAccessibleName(self.tr("Locked out"))
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
        uploads = self._accounts.share_uploads
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            self._set_user_cells(row, user, uploads)
            if user.name == selected:
                self.table.selectRow(row)
        self.empty_label.setVisible(not users)
        self.uploads_off_label.setVisible(not uploads and any(u.can_upload for u in users))
        self.changes_off_label.setVisible(not self._accounts.share_changes
                                          and any(u.can_modify for u in users))
        self._sync_buttons()

    def _set_user_cells(self, row: int, user: User, share_uploads: bool) -> None:
        cells = (user.name, permissions_text(user, share_uploads, self._accounts.share_changes),
                 ", ".join(user.folders) if user.folders else self.tr("whole share"),
                 status_text(user), format_day(user.expires), format_moment(user.last_login))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if not user.is_active():
                item.setForeground(hint_brush(self.table.palette()))
            if column == 1:
                item.setToolTip(self._off_note(user, share_uploads))
            self.table.setItem(row, column, item)

    def _off_note(self, user: User, share_uploads: bool) -> str:
        notes = [note for note, off in ((UPLOADS_OFF_NOTE, user.can_upload and not share_uploads),
                                        (CHANGES_OFF_NOTE, user.can_modify
                                         and not self._accounts.share_changes)) if off]
        return "\n".join(self.tr(note) for note in notes)

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
        return self._accounts.get(name) if name else None

    def _sync_buttons(self) -> None:
        user = self._selected_user()
        busy = bool(self.busy_label.text())
        self.add_button.setEnabled(not busy)
        for button in (self.edit_button, self.password_button, self.enable_button,
                       self.delete_button):
            button.setEnabled(user is not None and not busy)
        label = self.tr("Enable") if user is not None and not user.enabled else self.tr("Disable")
        self.enable_button.setText(label)
        self.enable_button.setAccessibleName(label)

    def add_user(self) -> asyncio.Task[Any] | None:
        editor = UserEditor("add", self._share_root(), parent=self)
        if not dialogs.run_modal(editor):
            return None
        name, password, options = editor.name(), editor.password(), editor.options()
        return self._run(self._accounts.add(name, password, **options),
                         self.tr("Could not add the user"),
                         self.tr("Adding {name} (hashing the password)…").format(
                             name=name.strip()), select=name.strip())

    def edit_selected(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        editor = UserEditor("edit", self._share_root(), user, parent=self)
        if not dialogs.run_modal(editor):
            return None
        return self._run(self._accounts.update(user.name, **editor.options()),
                         self.tr("Could not change the user"),
                         self.tr("Saving {name}…").format(name=user.name), select=user.name)

    def change_password(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        editor = UserEditor("password", self._share_root(), user, parent=self)
        if not dialogs.run_modal(editor):
            return None
        return self._run(self._accounts.set_password(user.name, editor.password()),
                         self.tr("Could not change the password"),
                         self.tr("Changing the password of {name}…").format(name=user.name),
                         select=user.name)

    def toggle_enabled(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        return self._run(self._accounts.update(user.name, enabled=not user.enabled),
                         self.tr("Could not change the user"),
                         self.tr("Saving {name}…").format(name=user.name), select=user.name)

    def delete_selected(self) -> asyncio.Task[Any] | None:
        user = self._selected_user()
        if user is None:
            return None
        if not dialogs.ask_yes_no(self, self.tr("Delete the account?"),
                                  self.tr("Delete the account “{name}”? This user will no "
                                          "longer be able to log in.").format(name=user.name),
                                  yes_label=self.tr("Delete")):
            return None
        return self._run(self._accounts.remove(user.name), self.tr("Could not delete the user"),
                         self.tr("Deleting {name}…").format(name=user.name))

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
        found = self._accounts.lockouts()
        locks = found or []
        if found is None:
            self.lockout_hint.setText(self.tr("Who is locked out appears here while sharing with "
                                              "“Require login” on."))
        elif not locks:
            self.lockout_hint.setText(self.tr("Nobody is locked out. After 5 wrong passwords, an "
                                              "address or a user name must wait before trying "
                                              "again."))
        else:
            self.lockout_hint.setText(self.tr("These addresses and user names typed wrong "
                                              "passwords too often and must wait. Release lets "
                                              "them try now."))
        keys = [lock.key for lock in locks]
        if keys != self._lockout_keys:
            self._rebuild_lockouts(locks)
        else:
            for row, lock in enumerate(locks):
                self._set_lock_cells(row, lock)
        self.tabs.setTabText(1, self.tr("Locked out ({count})").format(count=len(locks)) if locks
                                else self.tr("Locked out"))

    def _rebuild_lockouts(self, locks: list[LockedOut]) -> None:
        self._lockout_keys = [lock.key for lock in locks]
        self.lockout_table.setRowCount(len(locks))
        for row, lock in enumerate(locks):
            self._set_lock_cells(row, lock)
            button = labelled_button(
                self.tr("Release"), self.tr("Let this address or user try again now")
            )
            button.setAccessibleName(self.tr("Release {who}").format(who=lock.subject))
            button.clicked.connect(lambda _=False, key=lock.key: self.release(key))
            self.lockout_table.setCellWidget(row, 3, button)

    def _set_lock_cells(self, row: int, lock: LockedOut) -> None:
        cells = (
            lock.who,
            str(lock.failures),
            self.tr("{seconds} s").format(seconds=lock.retry_after),
        )
        for column, text in enumerate(cells):
            self.lockout_table.setItem(row, column, QTableWidgetItem(text))

    def release(self, key: str) -> None:
        self._accounts.release(key)
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

