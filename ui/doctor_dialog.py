""""Phone can't connect?": the connection doctor's dialog. Left, the one honest test: the
address to open on the phone (and its QR code) while Pier watches the share's requests for a
minute for one from another device (app/doctor_watch.py), then what to try when none came;
below it the Wi-Fi QR code (ui/doctor_wifi_box.py). Right, what Pier found out without root
(app/doctor.py): the share's scope (with the switch to the local network), the addresses (VPN,
container and virtual-machine ones last and marked), the firewall with the exact command to let
the port in.

Object names: the dialog ``doctorDialog``; ``doctorIdle``, ``doctorPhoneUrl``, ``doctorPhoneQr``,
``doctorWatchStatus``, ``doctorWatchButton``, ``doctorAdvice``, ``doctorRecheckButton``,
``doctorFindings``; per finding (key ``scope``, ``addresses``, ``firewall``)
``doctorFinding_<key>``, its ``doctorFindingTitle_<key>``, and per command (N from 0)
``doctorCommand_<key>_<N>`` with ``doctorCopy_<key>_<N>``; ``doctorLanButton`` (the scope
finding's switch to the local network), ``doctorAddressList``. The entry points (the link
beside the addresses, the Help menu's item) are ui/doctor_entry.py."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.doctor import (
    NO_REQUEST_ADVICE,
    OK,
    PROBLEM,
    WARNING,
    Doctor,
    Examination,
    Finding,
    ShareFacts,
)
from app.doctor_watch import ARRIVED, NONE_ARRIVED, ArrivalWatch
from app.i18n import translate
from server.records import RequestRecord
from ui.address_box import QR_SIZE, qr_image_label, qr_pixmap
from ui.contrast import MutedLabel
from ui.doctor_wifi_box import WifiQrBox
from ui.widget_names import named

log = logging.getLogger(__name__)

TICK_MS = 250  # the countdown's refresh
MARKS = {PROBLEM: "✖", WARNING: "⚠", OK: "✔"}  # anything else: "?"


class DoctorDialog(QDialog):
    lan_requested = Signal()  # the scope finding's "Let devices on my network in"
    examined = Signal()  # the findings are shown (tests wait for it)
    _examination_ready = Signal(int, object)  # from the probe thread: (generation, Examination)

    def __init__(self, doctor: Doctor, facts_of: Callable[[], ShareFacts | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorDialog")
        self.setWindowTitle(self.tr("Phone can't connect? — Pier"))
        self._doctor = doctor
        self._facts_of = facts_of
        self._generation = 0
        self.watch: ArrivalWatch | None = None
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._examination_ready.connect(self._show_examination)
        layout = QVBoxLayout(self)
        self.idle_label = named(QLabel(self.tr("Start sharing first: then open this again to "
                                               "test the connection from your phone."),
                                       wordWrap=True), "doctorIdle")
        layout.addWidget(self.idle_label)
        columns = QHBoxLayout()
        columns.addWidget(self._build_test(), 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.addWidget(self._build_findings(), 1)
        self.wifi_box = WifiQrBox()
        right.addWidget(self.wifi_box)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 720)
        self.refresh()

    # ---- building -------------------------------------------------------------------------

    def _build_test(self) -> QGroupBox:
        box = QGroupBox(self.tr("Test it now"))
        box.setObjectName("doctorTestBox")
        layout = QVBoxLayout(box)
        layout.addWidget(QLabel(self.tr("Open this address on the phone now (or scan the code). "
                                        "Pier watches for a minute for a request from another "
                                        "device."), wordWrap=True))
        self.url_label = named(QLabel(), "doctorPhoneUrl")
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.url_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.url_label.setFont(font)
        layout.addWidget(self.url_label)
        self.qr_label = qr_image_label("doctorPhoneQr",
                                       self.tr("QR code of the address to open"))
        layout.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignLeft)
        self.status_label = named(QLabel(wordWrap=True), "doctorWatchStatus")
        self.status_label.setAccessibleName(self.tr("Test result"))
        layout.addWidget(self.status_label)
        self.watch_button = named(QPushButton(self.tr("Watch again")), "doctorWatchButton")
        self.watch_button.setToolTip(
            self.tr("Watch for a request from the phone for another minute"))
        self.watch_button.clicked.connect(self.start_watch)
        layout.addWidget(self.watch_button, 0, Qt.AlignmentFlag.AlignLeft)
        advice = "\n".join(f"• {translate('Doctor', line)}" for line in NO_REQUEST_ADVICE)
        self.advice_label = named(QLabel(self.tr("If the phone cannot open it:") + "\n" + advice,
                                         wordWrap=True), "doctorAdvice")
        self.advice_label.setVisible(False)
        layout.addWidget(self.advice_label)
        box.setMaximumWidth(max(QR_SIZE * 2 + 80, 440))
        return box

    def _build_findings(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        found = self.tr("What Pier found on this computer")
        heading.addWidget(QLabel(f"<b>{found}</b>"), 1)
        self.recheck_button = named(QPushButton(self.tr("Check again")), "doctorRecheckButton")
        self.recheck_button.clicked.connect(self.refresh)
        heading.addWidget(self.recheck_button)
        layout.addLayout(heading)
        self.findings = named(QWidget(), "doctorFindings")
        self.findings_layout = QVBoxLayout(self.findings)
        self.findings_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self.findings)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        return column

    # ---- the share and the findings -------------------------------------------------------

    def refresh(self) -> None:
        """Read the share again, run the checks (off the GUI thread), restart the watch."""
        facts = self._facts_of()
        self._generation += 1
        self._clear_findings()
        self.idle_label.setVisible(facts is None)
        for widget in (self.recheck_button, self.watch_button):
            widget.setEnabled(facts is not None)
        self._show_phone_url("")
        self.stop_watch()
        if facts is None:
            self.status_label.setText("")
            return
        self.status_label.setText(self.tr("Checking…"))
        generation, doctor = self._generation, self._doctor

        def work() -> None:
            try:
                found: Examination | None = doctor.examine(facts)
            except Exception:  # a probe's bug must not leave the dialog "Checking…" for good
                log.exception("the connection doctor's checks failed")
                found = None
            with contextlib.suppress(RuntimeError):  # the dialog is gone
                self._examination_ready.emit(generation, found)

        threading.Thread(target=work, name="pier-doctor", daemon=True).start()

    def _show_examination(self, generation: int, found: Examination | None) -> None:
        if generation != self._generation:
            return
        if found is None:
            self.status_label.setText(self.tr("The checks failed; see Pier's log."))
            self.examined.emit()
            return
        for finding in found.findings:
            self.findings_layout.insertWidget(self.findings_layout.count() - 1,
                                              self._finding_widget(finding, found))
        self._show_phone_url(found.phone_url)
        if found.phone_url:
            self.start_watch()
        else:
            self.status_label.setText(self.tr("There is no address a phone could open yet."))
            self.watch_button.setEnabled(False)
        self.examined.emit()

    def _show_phone_url(self, url: str) -> None:
        self.url_label.setText(url)
        self.url_label.setVisible(bool(url))
        self.qr_label.setVisible(bool(url))
        if url:
            self.qr_label.setPixmap(qr_pixmap(url, QR_SIZE, self.devicePixelRatioF()))
        else:
            self.qr_label.clear()

    def _clear_findings(self) -> None:
        while self.findings_layout.count() > 1:
            item = self.findings_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()

    def _finding_widget(self, finding: Finding, found: Examination) -> QFrame:
        frame = named(QFrame(), f"doctorFinding_{finding.key}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        title = named(QLabel(f"<b>{MARKS.get(finding.level, '?')} {_html(finding.title)}</b>",
                             wordWrap=True), f"doctorFindingTitle_{finding.key}")
        title.setAccessibleName(self._level_name(finding.level) + ": " + finding.title)
        layout.addWidget(title)
        detail = QLabel(finding.detail, wordWrap=True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(detail)
        if finding.key == "scope" and finding.level == PROBLEM:
            button = named(QPushButton(self.tr("Let devices on my network in")),
                           "doctorLanButton")
            button.clicked.connect(self.lan_requested)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        if finding.key == "addresses" and found.notes:
            lines = "\n".join(f"{note.url} — {note.note}" for note in found.notes)
            notes = named(MutedLabel(lines, wordWrap=True), "doctorAddressList")
            notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(notes)
        if finding.commands:
            grid = QGridLayout()
            for row, command in enumerate(finding.commands):
                self._add_command(grid, row, finding.key, command)
            layout.addLayout(grid)
        return frame

    def _level_name(self, level: str) -> str:
        """How the finding's mark is read aloud."""
        if level == PROBLEM:
            return self.tr("Problem")
        if level == WARNING:
            return self.tr("Warning")
        return self.tr("OK") if level == OK else self.tr("Unknown")

    def _add_command(self, grid: QGridLayout, row: int, key: str, command: str) -> None:
        field = named(QLineEdit(command), f"doctorCommand_{key}_{row}")
        field.setReadOnly(True)
        field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        field.setAccessibleName(self.tr("Command to type"))
        field.setMinimumWidth(min(field.fontMetrics().horizontalAdvance(command) + 16, 520))
        field.setCursorPosition(0)
        copy = named(QPushButton(self.tr("Copy")), f"doctorCopy_{key}_{row}")
        copy.setAccessibleName(self.tr("Copy the command"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(command))
        grid.addWidget(field, row, 0)
        grid.addWidget(copy, row, 1)

    # ---- the watch ------------------------------------------------------------------------

    def start_watch(self) -> None:
        self.watch = self._doctor.watch()
        self.advice_label.setVisible(False)
        self.watch_button.setEnabled(False)
        self.timer.start()
        self.tick()

    def stop_watch(self) -> None:
        self.timer.stop()
        self.watch = None

    def observe(self, records: list[RequestRecord]) -> None:
        """The share's new requests (RecordBridge.records_arrived)."""
        if self.watch is not None:
            self.watch.observe_all(records)
            self.tick()

    def tick(self) -> None:
        if self.watch is None:
            return
        state = self.watch.state()
        if state.status == ARRIVED:
            self.status_label.setText(self.tr(
                "✔ A request arrived from another device ({client}): the phone reaches Pier. If "
                "the page still does not show, it may be waiting for a password or the "
                "certificate.").format(client=state.client))
        elif state.status == NONE_ARRIVED:
            self.status_label.setText(self.tr("✖ No request from another device arrived in the "
                                              "last minute. The phone did not reach Pier."))
            self.advice_label.setVisible(True)
        else:
            self.status_label.setText(self.tr("Waiting for a request from another device… "
                                              "{seconds} s left").format(
                seconds=int(state.seconds_left + 0.999)))
            return
        self.timer.stop()
        self.watch_button.setEnabled(True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop_watch()
        self.wifi_box.forget()
        super().hideEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
