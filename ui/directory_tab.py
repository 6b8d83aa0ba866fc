"""Users… → Directory: logins from the office directory (LDAP / Active Directory). The fields are
`pier directory set`'s; Save, Turn off and Test go through app.directory_service (off the GUI
thread); answers and problems are shown in the tab, never in a modal box from a task."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.directory_service import DirectoryForm, DirectoryService
from app.i18n import QT_TRANSLATE_NOOP, translate
from server.directory_config import (
    AD_USER_FILTER,
    DEFAULT_GROUP_FILTER,
    DEFAULT_USER_FILTER,
    DirectorySettings,
)
from server.errors import PierError
from ui.contrast import MutedLabel
from ui.widget_names import named

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]

DIGEST_NOTE = QT_TRANSLATE_NOOP(
    "DirectoryTab",
    "Directory users log in with Basic only: Digest needs a password hash that Pier cannot "
    "have for them. While any Pier account has Digest turned on, browsers choose Digest and "
    "directory users cannot log in from them. Share over HTTPS: Basic sends the password with "
    "every request.")
MAP_HINT = QT_TRANSLATE_NOOP(
    "DirectoryTab",
    "One group (its cn) per line: GROUP=read, upload, modify or admin, and :/FOLDER to limit "
    "it to a folder. In several groups, the highest level wins (with its folders); in none, "
    "the login is refused. A Pier account of the same name wins.")
MAP_LINE = QT_TRANSLATE_NOOP(
    "DirectoryTab",
    "GROUP=read|upload|modify|admin[:/FOLDER], one per line; the highest level wins.")
OFF_TEXT = QT_TRANSLATE_NOOP("DirectoryTab", "Directory logins are off.")
ON_TEXT = QT_TRANSLATE_NOOP(
    "DirectoryTab", "Directory logins are on. Shares started from now on use these settings.")
# examples of what to type, in the directory's own syntax: the same in every language
URL_EXAMPLE = "ldaps://dc.example.org"
BASE_DN_EXAMPLE = "dc=example,dc=org"
GROUP_MAP_EXAMPLE = "staff=read\neditors=modify:/team"


def ask_ca_file(parent: QWidget | None) -> str | None:
    """A PEM file with the directory's CA; None when cancelled (tests replace this)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, translate("DirectoryTab", "The directory's CA certificate"), "",
        translate("DirectoryTab", "PEM certificates (*.pem *.crt *.cer);;All files (*)"))
    return chosen or None


class DirectoryTab(QWidget):
    def __init__(self, service: DirectoryService, spawn: Spawn,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directoryTab")
        self._service = service
        self._spawn = spawn
        self._saved: DirectorySettings | None = None
        self.last_task: asyncio.Task[Any] | None = None
        scroller = QScrollArea(self)  # a short dialog scrolls rather than squeezing the rows
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        QVBoxLayout(self).addWidget(scroller)
        page = QWidget()
        scroller.setWidget(page)
        scroller.viewport().setAutoFillBackground(False)  # the tab's own background
        page.setAutoFillBackground(False)
        layout = QVBoxLayout(page)
        self.status_label = MutedLabel(self.tr(OFF_TEXT), objectName="directoryStatus",
                                       wordWrap=True)
        layout.addWidget(self.status_label)
        layout.addLayout(self._build_form())
        layout.addLayout(self._build_buttons())
        layout.addLayout(self._build_test_row())
        self.result_label = named(QLabel(wordWrap=True), "directoryResult")
        self.result_label.setAccessibleName(self.tr("Directory result"))
        layout.addWidget(self.result_label)
        layout.addWidget(MutedLabel(self.tr(DIGEST_NOTE), objectName="directoryDigestNote",
                                    wordWrap=True))
        layout.addStretch(1)

    # ---- building -------------------------------------------------------------------------

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.url_edit = self._line("directoryUrl", URL_EXAMPLE, self.tr("Directory address"))
        self.starttls_check = named(QCheckBox(self.tr("Use StartTLS (with an ldap:// address)")),
                                    "directoryStartTls")
        self.starttls_check.setAccessibleName(self.tr("Use StartTLS"))
        self.base_dn_edit = self._line("directoryBaseDn", BASE_DN_EXAMPLE, self.tr("Base DN"))
        self.bind_dn_edit = self._line("directoryBindDn", self.tr("empty: search anonymously"),
                                       self.tr("Bind DN"))
        self.bind_password_edit = self._line("directoryBindPassword",
                                             self.tr("the bind DN's password"),
                                             self.tr("Bind password"))
        self.bind_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_filter_edit = self._line("directoryUserFilter", DEFAULT_USER_FILTER,
                                           self.tr("User filter"))
        self.user_filter_edit.setToolTip(
            self.tr("Active Directory: {filter}").format(filter=AD_USER_FILTER))
        self.group_filter_edit = self._line("directoryGroupFilter", DEFAULT_GROUP_FILTER,
                                            self.tr("Group filter"))
        self.group_filter_edit.setToolTip(
            self.tr("Active Directory: memberOf (the user's attribute)"))
        self.group_map_edit = named(QPlainTextEdit(), "directoryGroupMap")
        self.group_map_edit.setPlaceholderText(GROUP_MAP_EXAMPLE)
        self.group_map_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.group_map_edit.setToolTip(self.tr(MAP_HINT))
        self.group_map_edit.setAccessibleName(self.tr("Group map"))
        self.ca_edit = self._line("directoryCaFile", self.tr("the system's trusted CAs"),
                                  self.tr("CA file"))
        choose = named(QPushButton(self.tr("Choose…")), "directoryChooseCa")
        choose.setAccessibleName(self.tr("Choose the directory's CA file"))
        choose.clicked.connect(self.choose_ca)
        self.forget_ca_check = named(QCheckBox(self.tr("Forget the saved CA")),
                                     "directoryForgetCa")
        self.forget_ca_check.setAccessibleName(self.tr("Forget the saved CA"))
        self.forget_ca_check.setVisible(False)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(choose)
        ca_row.addWidget(self.forget_ca_check)
        form.addRow(self.tr("Address:"), self.url_edit)
        form.addRow("", self.starttls_check)
        form.addRow(self.tr("Base DN:"), self.base_dn_edit)
        form.addRow(self.tr("Bind DN:"), self.bind_dn_edit)
        form.addRow(self.tr("Bind password:"), self.bind_password_edit)
        form.addRow(self.tr("User filter:"), self.user_filter_edit)
        form.addRow(self.tr("Group filter:"), self.group_filter_edit)
        form.addRow(self.tr("Groups:"), self.group_map_edit)
        form.addRow("", MutedLabel(self.tr(MAP_LINE), objectName="directoryMapHint"))
        form.addRow(self.tr("CA file:"), ca_row)
        return form

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = named(QPushButton(self.tr("Save")), "directorySave")
        self.save_button.setAccessibleName(self.tr("Save the directory settings"))
        self.save_button.clicked.connect(self.save)
        self.off_button = named(QPushButton(self.tr("Turn off")), "directoryOff")
        self.off_button.setAccessibleName(self.tr("Turn directory logins off"))
        self.off_button.clicked.connect(self.turn_off)
        row.addStretch(1)
        row.addWidget(self.off_button)
        row.addWidget(self.save_button)
        return row

    def _build_test_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.test_name_edit = self._line("directoryTestName", self.tr("user name"),
                                         self.tr("User name to test"))
        self.test_password_edit = self._line("directoryTestPassword", self.tr("password"),
                                             self.tr("Password to test"))
        self.test_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = named(QPushButton(self.tr("Test")), "directoryTest")
        self.test_button.setAccessibleName(self.tr("Test a directory login"))
        self.test_button.clicked.connect(self.test_login)
        row.addWidget(QLabel(self.tr("Test a login:")))
        row.addWidget(self.test_name_edit, 1)
        row.addWidget(self.test_password_edit, 1)
        row.addWidget(self.test_button)
        return row

    def _line(self, name: str, placeholder: str, accessible: str) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(accessible)
        return edit

    # ---- actions --------------------------------------------------------------------------

    def load(self) -> asyncio.Task[Any]:
        """Fill the fields from the saved settings."""
        return self._run(self._load())

    def save(self) -> asyncio.Task[Any]:
        return self._run(self._save(self.form()))

    def turn_off(self) -> asyncio.Task[Any]:
        return self._run(self._turn_off())

    def test_login(self) -> asyncio.Task[Any]:
        name, password = self.test_name_edit.text().strip(), self.test_password_edit.text()
        return self._run(self._test(self.form(), name, password))

    def choose_ca(self) -> None:
        chosen = ask_ca_file(self)
        if chosen:
            self.ca_edit.setText(chosen)

    def form(self) -> DirectoryForm:
        return DirectoryForm(
            url=self.url_edit.text(), base_dn=self.base_dn_edit.text(),
            bind_dn=self.bind_dn_edit.text(), bind_password=self.bind_password_edit.text(),
            user_filter=self.user_filter_edit.text(), group_filter=self.group_filter_edit.text(),
            group_map=self.group_map_edit.toPlainText(), ca_file=self.ca_edit.text(),
            starttls=self.starttls_check.isChecked(),
            forget_ca=self.forget_ca_check.isChecked())

    def _run(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[Any]:
        self._set_busy(True)
        self.last_task = self._spawn(work)
        return self.last_task

    async def _load(self) -> None:
        try:
            self._show(await self._service.load())
        except PierError as err:
            self._say(self.tr("The saved settings cannot be used: {error}").format(error=err))
        finally:
            self._set_busy(False)

    async def _save(self, form: DirectoryForm) -> None:
        try:
            self._show(await self._service.save(form))
            self._say(self.tr("Saved. Stop and start the share to use them now."))
        except PierError as err:
            self._say(self.tr("Not saved: {error}").format(error=err))
        finally:
            self._set_busy(False)

    async def _turn_off(self) -> None:
        try:
            await self._service.turn_off()
            self._show(None)
            self._say(self.tr("Directory logins turned off for shares started from now on."))
        except PierError as err:
            self._say(self.tr("Not turned off: {error}").format(error=err))
        finally:
            self._set_busy(False)

    async def _test(self, form: DirectoryForm, name: str, password: str) -> None:
        try:
            if not name or not password:
                self._say(self.tr("Type a user name and a password to test."))
                return
            self._say(await self._service.test(form, name, password))
        except PierError as err:
            self._say(self.tr("These settings cannot be used: {error}").format(error=err))
        finally:
            self._set_busy(False)

    # ---- showing --------------------------------------------------------------------------

    def _show(self, settings: DirectorySettings | None) -> None:
        self._saved = settings
        self.status_label.setText(self.tr(OFF_TEXT) if settings is None else self.tr(ON_TEXT))
        self.off_button.setEnabled(settings is not None)
        self.bind_password_edit.clear()
        self.ca_edit.clear()
        self.forget_ca_check.setChecked(False)
        self.forget_ca_check.setVisible(settings is not None and bool(settings.ca_pem))
        # after Turn off, no "saved" placeholder is left behind
        self.bind_password_edit.setPlaceholderText(
            self.tr("saved (type to change)") if settings is not None and settings.bind_password
            else self.tr("the bind DN's password"))
        self.ca_edit.setPlaceholderText(
            self.tr("the saved CA (choose a file to replace it)")
            if settings is not None and settings.ca_pem else self.tr("the system's trusted CAs"))
        if settings is None:
            return
        self.url_edit.setText(settings.url)
        self.starttls_check.setChecked(settings.starttls)
        self.base_dn_edit.setText(settings.base_dn)
        self.bind_dn_edit.setText(settings.bind_dn)
        self.user_filter_edit.setText(settings.user_filter)
        self.group_filter_edit.setText(settings.group_filter)
        self.group_map_edit.setPlainText("\n".join(str(m) for m in settings.group_map))

    def _say(self, text: str) -> None:
        self.result_label.setText(text)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.test_button):
            button.setEnabled(not busy)
        self.off_button.setEnabled(not busy and self._saved is not None)
