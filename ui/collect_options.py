"""The share panel's "Collect files" switch (issue 18): the folder's name and an optional
deadline. It only shows and collects the choice; the config builder (app.controller) turns it
into the engine's collect mode."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.settings import DEFAULT_COLLECT_NAME, Settings
from ui.widget_names import named

INDENT = 24
UNTIL_FORMAT = "yyyy-MM-dd'T'HH:mm"  # as settings.toml keeps it (server.collect.UNTIL_FORMAT)
SHOWN_FORMAT = "yyyy-MM-dd HH:mm"


def default_deadline() -> QDateTime:
    """Tomorrow at 18:00: a first guess the owner changes."""
    tomorrow = QDateTime.currentDateTime().addDays(1)
    return QDateTime(tomorrow.date(), QTime(18, 0))


class CollectOptions(QWidget):
    changed = Signal()
    toggled = Signal(bool)  # "Collect files" turned on or off

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectOptions")
        self.collect_check = named(QCheckBox(self.tr("Collect files")), "collectCheck")
        self.collect_check.setAccessibleName(self.tr("Collect files"))
        self.collect_check.setToolTip(
            self.tr("Visitors hand in files by name: each person's files go to their own folder "
                    "inside this one, which the share never shows. The Collect tab lists who "
                    "handed in."))
        self.name_edit = named(QLineEdit(DEFAULT_COLLECT_NAME), "collectNameEdit")
        self.name_edit.setAccessibleName(self.tr("Collect into folder"))
        self.name_edit.setToolTip(self.tr("The folder inside the share that hand-ins go to"))
        self.until_check = named(QCheckBox(self.tr("Until")), "collectUntilCheck")
        self.until_check.setAccessibleName(self.tr("Hand-ins close at a time"))
        self.until_check.setToolTip(self.tr("After this time hand-ins are refused"))
        self.until_edit = named(QDateTimeEdit(default_deadline()), "collectUntilEdit")
        self.until_edit.setDisplayFormat(SHOWN_FORMAT)
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setAccessibleName(self.tr("Hand-ins close at"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(_row((self.collect_check, 0), (self.name_edit, 1)))
        layout.addLayout(_row((self.until_check, 0), (self.until_edit, 0), indent=True))
        self.collect_check.toggled.connect(self._on_toggled)
        for signal in (self.name_edit.textChanged, self.until_check.toggled,
                       self.until_edit.dateTimeChanged):
            signal.connect(self._on_changed)
        self._sync()

    def load(self, settings: Settings) -> None:
        self.name_edit.setText(settings.collect_name)
        until = QDateTime.fromString(settings.collect_until, UNTIL_FORMAT)
        self.until_edit.setDateTime(until if until.isValid() else default_deadline())
        self.until_check.setChecked(settings.collect_until_on and until.isValid())
        self.collect_check.setChecked(settings.collect_files)
        self._sync()

    def updated_settings(self, settings: Settings) -> Settings:
        return replace(settings, collect_files=self.collect_check.isChecked(),
                       collect_name=self.name_edit.text().strip() or DEFAULT_COLLECT_NAME,
                       collect_until_on=self.until_check.isChecked(),
                       collect_until=self.until_edit.dateTime().toString(UNTIL_FORMAT))

    def name(self) -> str | None:
        """The folder to collect into; None while "Collect files" is off."""
        return self.name_edit.text().strip() if self.collect_check.isChecked() else None

    def until(self) -> float | None:
        if not (self.collect_check.isChecked() and self.until_check.isChecked()):
            return None
        return float(self.until_edit.dateTime().toSecsSinceEpoch())

    def _on_toggled(self, on: bool) -> None:
        self._on_changed()
        self.toggled.emit(on)

    def _on_changed(self, *_: object) -> None:
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        on = self.collect_check.isChecked()
        self.name_edit.setEnabled(on)
        self.until_check.setEnabled(on)
        self.until_edit.setEnabled(on and self.until_check.isChecked())


def _row(*widgets: tuple[QWidget, int], indent: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(INDENT if indent else 0, 0, 0, 0)
    for widget, stretch in widgets:
        row.addWidget(widget, stretch)
    if indent:
        row.addStretch(1)
    return row
