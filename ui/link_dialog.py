"""The New link dialog (``newLinkDialog``): a file or folder inside the share, an expiry, an
optional download limit and PIN, and for a folder "people with the link may upload here".
Whether a path may be linked, and what it is, is the link service's answer (app.link_service);
the dialog never looks at the share's files itself. Pressing Create makes the link; a refusal
is shown in the dialog, which stays open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.link_service import EXPIRY_CHOICES, LinkService, NewLink
from server.errors import InvalidLinkError, LinkStoreError
from ui import dialogs
from ui.limits_panel import error_style
from ui.widget_names import named

MAX_DOWNLOADS = 1_000_000
DEFAULT_EXPIRY = "1d"


class NewLinkDialog(QDialog):
    def __init__(self, service: LinkService, path: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newLinkDialog")
        self.setWindowTitle(self.tr("New link"))
        self._service = service
        self.created_id: str | None = None  # the link made by Create
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Give one file or folder of the share to someone for a while, "
                               "without an account. Anyone with the link can open it until it "
                               "ends."), wordWrap=True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("File or folder:"), self._build_path_row(path))
        form.addRow(self.tr("Ends after:"), self._build_expiry_row())
        self.downloads_spin = named(QSpinBox(), "linkDownloadsSpin")
        self.downloads_spin.setRange(0, MAX_DOWNLOADS)
        self.downloads_spin.setSpecialValueText(self.tr("No limit"))
        self.downloads_spin.setAccessibleName(self.tr("Download limit"))
        self.downloads_spin.setToolTip(
            self.tr("The link ends after this many complete downloads (views and previews count "
                    "too). A video player may fetch the end of a file first, which counts: allow a "
                    "few downloads for a video"))
        form.addRow(self.tr("Downloads:"), self.downloads_spin)
        self.pin_edit = named(QLineEdit(), "linkPinEdit")
        self.pin_edit.setPlaceholderText(self.tr("No PIN (4 to 64 characters)"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        self.pin_edit.setToolTip(self.tr("Asked before the link opens; tell it to the person "
                                         "separately"))
        form.addRow(self.tr("PIN:"), self.pin_edit)
        self.upload_check = named(QCheckBox(self.tr("People with the link may upload here")),
                                  "linkUploadCheck")
        self.upload_check.setToolTip(self.tr("A drop box: only for a folder"))
        self.upload_check.setAccessibleName(self.upload_check.text())
        form.addRow("", self.upload_check)
        layout.addLayout(form)
        self.error_label = named(QLabel(wordWrap=True), "linkDialogError")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = named(buttons.addButton(
            self.tr("Create link"), QDialogButtonBox.ButtonRole.AcceptRole), "createLinkButton")
        self.create_button.setDefault(True)
        self.create_button.setAccessibleName(self.tr("Create link"))
        for button in buttons.buttons():
            button.setAccessibleName(button.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._on_path_changed()
        self._on_expiry_changed()

    def _build_path_row(self, path: str) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.path_edit = named(QLineEdit(path), "linkPathEdit")
        self.path_edit.setAccessibleName(self.tr("File or folder to link"))
        self.path_edit.setMinimumWidth(320)
        self.path_edit.textChanged.connect(self._on_path_changed)
        line.addWidget(self.path_edit, 1)
        self.file_button = named(QPushButton(self.tr("File…")), "linkChooseFileButton")
        self.file_button.setToolTip(self.tr("Choose a file inside the share"))
        self.file_button.setAccessibleName(self.tr("Choose a file"))
        self.file_button.clicked.connect(self._choose_file)
        self.folder_button = named(QPushButton(self.tr("Folder…")), "linkChooseFolderButton")
        self.folder_button.setToolTip(self.tr("Choose a folder inside the share"))
        self.folder_button.setAccessibleName(self.tr("Choose a folder"))
        self.folder_button.clicked.connect(self._choose_folder)
        line.addWidget(self.file_button)
        line.addWidget(self.folder_button)
        return row

    def _build_expiry_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.expiry_combo = named(QComboBox(), "linkExpiryCombo")
        self.expiry_combo.setAccessibleName(self.tr("Link ends after"))
        for key, label in EXPIRY_CHOICES:
            self.expiry_combo.addItem(self.tr(label), key)
        self.expiry_combo.setCurrentIndex(self.expiry_combo.findData(DEFAULT_EXPIRY))
        self.expiry_combo.currentIndexChanged.connect(self._on_expiry_changed)
        line.addWidget(self.expiry_combo)
        tomorrow = QDate.currentDate().addDays(1)
        self.date_edit = named(QDateEdit(tomorrow), "linkDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate.currentDate())
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName(self.tr("Last day of the link"))
        self.date_edit.setToolTip(self.tr("The link works to the end of this day"))
        line.addWidget(self.date_edit)
        line.addStretch(1)
        return row

    # ---- choices --------------------------------------------------------------------------

    def _start_folder(self) -> str:
        share = self._service.share
        return str(share) if share is not None else ""

    def _choose_file(self) -> None:
        chosen = dialogs.ask_open_path(self, self.tr("Choose a file to link"), self._start_folder(),
                                       self.tr("All files (*)"))
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def _choose_folder(self) -> None:
        chosen = dialogs.ask_subfolder(self, self._start_folder())
        if chosen:
            self.path_edit.setText(chosen)

    def _on_path_changed(self) -> None:
        is_folder = self._service.kind_of(self.path_edit.text()) == "folder"
        self.upload_check.setEnabled(is_folder)
        if not is_folder:
            self.upload_check.setChecked(False)
        self.error_label.setVisible(False)

    def _on_expiry_changed(self) -> None:
        self.date_edit.setEnabled(self.expiry_combo.currentData() == "date")

    def request(self) -> NewLink:
        date = self.date_edit.date()
        downloads = self.downloads_spin.value()
        return NewLink(path=self.path_edit.text().strip(),
                       expiry=self.expiry_combo.currentData(),
                       until=dt.date(date.year(), date.month(), date.day()),
                       downloads=downloads or None, pin=self.pin_edit.text() or None,
                       upload=self.upload_check.isEnabled() and self.upload_check.isChecked())

    def show_error(self, text: str) -> None:
        self.error_label.setStyleSheet(error_style(self))
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def accept(self) -> None:
        """Create the link; on a refusal say why and stay open."""
        try:
            self.created_id = self._service.create(self.request()).id
        except (InvalidLinkError, LinkStoreError) as err:
            self.show_error(str(err))
            return
        super().accept()
