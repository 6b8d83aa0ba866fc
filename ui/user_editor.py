"""The form behind "Add user…", "Edit…" and "Change password…" of the Users dialog."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.accounts import folder_limit
from app.i18n import QT_TRANSLATE_NOOP
from server.passwords import MIN_LENGTH, password_strength
from server.users import User
from ui import dialogs
from ui.contrast import MutedLabel
from ui.hint_text import error_colour, strength_colour
from ui.widget_names import named

STRENGTH_LINES = 2  # the strength text always has room for this many lines: nothing jumps
DIGEST_SENTENCE = QT_TRANSLATE_NOOP(
    "UserEditor",
    "Digest is only for old apps that cannot log in over HTTPS; leave it off unless one needs "
    "it, because Pier must then keep a password-equivalent secret for this account.",
)
EDIT_DIGEST_NOTE = QT_TRANSLATE_NOOP(
    "UserEditor",
    "Turning Digest on takes effect after the next password change or normal login of this user.",
)
PASSWORD_HINT = QT_TRANSLATE_NOOP("UserEditor", "At least {count} characters. A few unrelated "
                                  "words are strong and easy to type on a phone.")


def labelled_button(text: str, tip: str = "") -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    if tip:
        button.setToolTip(tip)
    return button


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
        self.setMinimumWidth(480)
        self.mode = mode
        self._share_root = share_root
        self._user = user
        name = user.name if user else ""
        titles = {"add": self.tr("Add a user"), "edit": self.tr("Edit {name}").format(name=name),
                  "password": self.tr("New password for {name}").format(name=name)}
        self.setWindowTitle(titles[mode])
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self._build_name(form)
        if mode in ("add", "password"):
            self._build_password(form)
        if mode in ("add", "edit"):
            layout.addWidget(self._build_permissions())
            layout.addWidget(self._build_advanced())
        self.error_label = named(QLabel(wordWrap=True), "editorError")
        self.error_label.setStyleSheet(f"color: {error_colour(self.palette())}")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(self._build_buttons())
        if user is not None:
            self._show_user(user)

    # ---- building -------------------------------------------------------------------------

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            {
                "add": self.tr("Add user"),
                "edit": self.tr("Save"),
                "password": self.tr("Change password"),
            }[self.mode]
        )
        for button in buttons.buttons():
            button.setAccessibleName(button.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _build_name(self, form: QFormLayout) -> None:
        self.name_edit = named(QLineEdit(), "userName")
        self.name_edit.setAccessibleName(self.tr("User name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. alice"))
        self.name_edit.setReadOnly(self.mode != "add")
        form.addRow(self.tr("Name:"), self.name_edit)

    def _build_password(self, form: QFormLayout) -> None:
        self.password_edit = named(QLineEdit(), "userPassword")
        self.repeat_edit = named(QLineEdit(), "userPasswordRepeat")
        for edit, name in ((self.password_edit, self.tr("Password")),
                           (self.repeat_edit, self.tr("Repeat password"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
        self.strength_label = MutedLabel(objectName="passwordStrength", wordWrap=True)
        self.strength_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.strength_label.setAccessibleName(self.tr("Password strength"))
        lines = self.strength_label.fontMetrics().lineSpacing() * STRENGTH_LINES
        self.strength_label.setFixedHeight(lines + 4)
        self.password_edit.textChanged.connect(self._update_strength)
        self.name_edit.textChanged.connect(self._update_strength)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Repeat:"), self.repeat_edit)
        form.addRow("", self.strength_label)
        self._update_strength()

    def _build_permissions(self) -> QGroupBox:
        box = QGroupBox(self.tr("What this user may do"))
        layout = QVBoxLayout(box)
        self.read_check = named(QCheckBox(self.tr("See and download files")), "userCanRead")
        self.upload_check = named(
            QCheckBox(self.tr("Upload files and make folders (when the share allows uploads)")),
            "userCanUpload",
        )
        self.modify_check = named(
            QCheckBox(
                self.tr(
                    "Change and delete: rename, move, delete and replace files (when the share "
                    "allows changes)"
                )
            ),
            "userCanModify",
        )
        self.read_check.setChecked(True)
        layout.addWidget(self.read_check)
        layout.addWidget(self.upload_check)
        layout.addWidget(self.modify_check)
        self._build_folders(layout)
        layout.addLayout(self._build_expiry())
        self.enabled_check = named(
            QCheckBox(self.tr("Account enabled (may log in)")), "userEnabled"
        )
        self.enabled_check.setChecked(True)
        layout.addWidget(self.enabled_check)
        return box

    def _build_folders(self, layout: QVBoxLayout) -> None:
        self.whole_radio = named(QRadioButton(self.tr("In the whole shared folder")), "wholeShare")
        self.only_radio = named(QRadioButton(self.tr("Only in these folders:")), "onlyFolders")
        self.whole_radio.setChecked(True)
        layout.addWidget(self.whole_radio)
        layout.addWidget(self.only_radio)
        self.folder_list = named(QListWidget(), "userFolders")
        self.folder_list.setAccessibleName(self.tr("Allowed folders"))
        self.folder_list.setMaximumHeight(90)
        layout.addWidget(self.folder_list)
        row = QHBoxLayout()
        self.add_folder_button = labelled_button(
            self.tr("Add folder…"), self.tr("Pick a folder inside the share")
        )
        self.remove_folder_button = labelled_button(self.tr("Remove folder"))
        self.add_folder_button.clicked.connect(self._on_add_folder)
        self.remove_folder_button.clicked.connect(self._on_remove_folder)
        row.addWidget(self.add_folder_button)
        row.addWidget(self.remove_folder_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.only_radio.toggled.connect(self._sync_folder_widgets)
        self._sync_folder_widgets()

    def _build_expiry(self) -> QHBoxLayout:
        expiry = QHBoxLayout()
        self.expiry_check = named(QCheckBox(self.tr("Valid until")), "userExpires")
        self.expiry_date = named(QDateEdit(QDate.currentDate().addMonths(1)), "userExpiry")
        self.expiry_date.setCalendarPopup(True)
        self.expiry_date.setDisplayFormat("yyyy-MM-dd")
        self.expiry_date.setAccessibleName(self.tr("Last day the account works"))
        self.expiry_check.toggled.connect(self.expiry_date.setEnabled)
        self.expiry_date.setEnabled(False)
        expiry.addWidget(self.expiry_check)
        expiry.addWidget(self.expiry_date)
        expiry.addStretch(1)
        return expiry

    def _build_advanced(self) -> QWidget:
        """Digest login, folded away under "Advanced" with one plain sentence."""
        section = named(QWidget(), "advancedSection")
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        self.advanced_button = named(QToolButton(), "advancedToggle")
        self.advanced_button.setText(self.tr("Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.setAccessibleName(self.tr("Advanced: Digest login"))
        self.advanced_button.toggled.connect(self.show_advanced)
        layout.addWidget(self.advanced_button)
        self.advanced_box = named(QWidget(), "advancedBox")
        inner = QVBoxLayout(self.advanced_box)
        inner.setContentsMargins(22, 0, 0, 0)
        self.digest_check = named(QCheckBox(self.tr("Allow Digest login (SHA-256)")), "userDigest")
        self.md5_check = named(QCheckBox(self.tr("Also MD5, for old clients")), "userDigestMd5")
        self.digest_check.toggled.connect(self.md5_check.setEnabled)
        self.md5_check.setEnabled(False)
        inner.addWidget(
            MutedLabel(self.tr(DIGEST_SENTENCE), objectName="digestHelp", wordWrap=True)
        )
        inner.addWidget(self.digest_check)
        inner.addWidget(self.md5_check)
        if self.mode == "edit":
            inner.addWidget(
                MutedLabel(self.tr(EDIT_DIGEST_NOTE), objectName="digestNote", wordWrap=True)
            )
        self.advanced_box.hide()
        layout.addWidget(self.advanced_box)
        return section

    def show_advanced(self, shown: bool) -> None:
        if self.advanced_button.isChecked() != shown:
            self.advanced_button.setChecked(shown)  # re-enters through toggled
            return
        self.advanced_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                          else Qt.ArrowType.RightArrow)
        self.advanced_box.setVisible(shown)
        if not shown:
            self.adjustSize()  # give the folded space back

    # ---- values ---------------------------------------------------------------------------

    def _show_user(self, user: User) -> None:
        self.name_edit.setText(user.name)
        if self.mode != "edit":
            return
        self.read_check.setChecked(user.can_read)
        self.upload_check.setChecked(user.can_upload)
        self.modify_check.setChecked(user.can_modify)
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
        self.show_advanced(user.digest)  # a setting in use is never folded away

    def name(self) -> str:
        return self.name_edit.text()

    def password(self) -> str:
        return self.password_edit.text()

    def options(self) -> dict[str, Any]:
        """Keyword arguments for Accounts.add / update."""
        folders = [self.folder_list.item(i).text() for i in range(self.folder_list.count())]
        expires = None
        if self.expiry_check.isChecked():
            picked = self.expiry_date.date()
            expires = expiry_epoch(date(picked.year(), picked.month(), picked.day()))
        return {"can_read": self.read_check.isChecked(),
                "can_upload": self.upload_check.isChecked(),
                "can_modify": self.modify_check.isChecked(),
                "folders": folders if self.only_radio.isChecked() else [],
                "enabled": self.enabled_check.isChecked(), "expires": expires,
                "digest": self.digest_check.isChecked(),
                "digest_md5": self.digest_check.isChecked() and self.md5_check.isChecked()}

    def problem(self) -> str:
        """Why the form cannot be accepted yet, "" when it can."""
        if self.mode == "add" and not self.name_edit.text().strip():
            return self.tr("Enter a user name.")
        if self.mode in ("add", "password"):
            return self._password_problem()
        if self.mode == "edit":
            return self._folders_problem()
        return ""

    def _password_problem(self) -> str:
        if not self.password_edit.text():
            return self.tr("Enter a password.")
        strength = password_strength(self.password_edit.text(), self.name_edit.text())
        if not strength.acceptable:
            return self.tr("The password is too weak. {advice}").format(advice=strength.advice)
        if self.password_edit.text() != self.repeat_edit.text():
            return self.tr("The two passwords differ.")
        return self._folders_problem() if self.mode == "add" else ""

    def _folders_problem(self) -> str:
        if self.only_radio.isChecked() and not self.folder_list.count():
            return self.tr("Add at least one folder, or choose “In the whole shared folder”.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()

    # ---- slots ----------------------------------------------------------------------------

    def _update_strength(self, *_: object) -> None:
        strength = password_strength(self.password_edit.text(), self.name_edit.text())
        if not strength.score:
            self.strength_label.setText(self.tr(PASSWORD_HINT).format(count=MIN_LENGTH))
            return
        colour = strength_colour(strength.score, self.palette())
        bar = "●" * strength.score + "○" * (4 - strength.score)
        advice = f" {strength.advice}" if strength.advice else ""
        self.strength_label.setText(f"<span style='color:{colour}'>{bar} "
                                    f"<b>{strength.label.capitalize()}.</b></span>{advice}")

    def _sync_folder_widgets(self) -> None:
        only = self.only_radio.isChecked()
        for widget in (self.folder_list, self.add_folder_button, self.remove_folder_button):
            widget.setEnabled(only)

    def _on_add_folder(self) -> None:
        root = self._share_root.strip()
        if not root or not Path(root).expanduser().is_dir():
            dialogs.show_info(self, self.tr("Choose the shared folder first"),
                              self.tr("Folders are picked inside the shared folder. Choose the "
                                      "folder to share in the main window first."))
            return
        chosen = dialogs.ask_subfolder(self, root)
        if not chosen:
            return
        try:
            limit = folder_limit(Path(root).expanduser(), Path(chosen))
        except ValueError as err:
            dialogs.show_error(self, self.tr("Not inside the share"), str(err))
            return
        existing = {self.folder_list.item(i).text() for i in range(self.folder_list.count())}
        if limit not in existing:
            self.folder_list.addItem(limit)

    def _on_remove_folder(self) -> None:
        for item in self.folder_list.selectedItems():
            self.folder_list.takeItem(self.folder_list.row(item))
