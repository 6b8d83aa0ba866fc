"""The Certificate dialog: what HTTPS is served with, and how devices come to trust it."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.certificates import CertificateOverview, Certificates, trust_page_url
from app.loopback import is_loopback_url
from server.errors import PierError
from server.tls import (
    GENERATED,
    CertificateInfo,
    GenerationOptions,
    PassphraseRequired,
    WrongPassphrase,
)
from ui import dialogs
from ui.certificate_generate import GenerateDialog
from ui.certificate_texts import (
    cert_filters,
    compare_hint,
    export_filters,
    format_validity,
    key_filters,
    loopback_note,
    replace_ca,
    trust_again,
    unrestricted_ca,
)
from ui.share_panel import qr_pixmap
from ui.widget_names import named

Spawn = Callable[[Coroutine[Any, Any, Any]], "asyncio.Task[Any]"]
QR_SIZE = 168


def format_fingerprint(sha256: str) -> str:
    """ "ab:cd:..." -> "AB:CD:EF:01:..." in lines of eight pairs, as phones show it."""
    hex_digits = re.sub(r"[^0-9A-Fa-f]", "", sha256).upper()
    pairs = [hex_digits[i:i + 2] for i in range(0, len(hex_digits), 2)]
    return "\n".join(":".join(pairs[i:i + 8]) for i in range(0, len(pairs), 8))


def _common_name(subject: str) -> str:
    """The CN of an RFC 4514 subject ("CN=Pier local CA ...,OU=...,O=Pier")."""
    for part in subject.split(","):
        if part.startswith("CN="):
            return part.removeprefix("CN=")
    return subject


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    button.setToolTip(tip)
    return button


def _value_label(name: str, *, mono: bool = False) -> QLabel:
    label = named(QLabel(wordWrap=not mono), name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


class CertificateDialog(QDialog):
    """Shows the server certificate and the CA; generate, import, export; QR of the CA URL.

    Crypto and file work run as tasks (``spawn``) in worker threads; tasks never show modal
    dialogs themselves: questions and errors are shown from a timer afterwards."""

    def __init__(self, certificates: Certificates, spawn: Spawn,
                 share_url: Callable[[], str | None], parent: QWidget | None = None,
                 served_ca: Callable[[], bytes | None] = lambda: None) -> None:
        """``share_url``: the running HTTPS share's address, else None; ``served_ca``: the
        CA it hands out, so the code shows only when that is the CA shown here."""
        super().__init__(parent)
        self.setObjectName("certificateDialog")
        self.setWindowTitle(self.tr("HTTPS certificate — Pier"))
        self.setMinimumWidth(780)
        self._certificates = certificates
        self._spawn = spawn
        self._share_url = share_url
        self._served_ca = served_ca
        self.overview: CertificateOverview | None = None
        self.trust_url: str | None = None  # what the QR code says, while it shows
        self.last_task: asyncio.Task[Any] | None = None
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("With HTTPS on, devices check this certificate. Let each device "
                               "trust Pier's local authority (CA) once: scan the code with a phone "
                               "and follow the page it opens (or copy the exported file to the "
                               "device), then compare the CA fingerprint shown here with the one "
                               "the device shows."), wordWrap=True)
        outer.addWidget(intro)
        self.only_one_label = named(QLabel(self.tr(
            "<b>Exactly one:</b> the phone must show exactly ONE certificate, named “Pier "
            "local CA…”, in the profile or file it installs. If it shows more, remove it: a "
            "copy changed on the way could carry a second authority."), wordWrap=True),
            "caOnlyOneHint")
        outer.addWidget(self.only_one_label)
        row = QHBoxLayout()
        details = QVBoxLayout()
        details.addWidget(self._build_server_box())
        details.addWidget(self._build_ca_box())
        row.addLayout(details, 1)
        row.addWidget(self._build_qr_box())
        outer.addLayout(row)
        outer.addWidget(self._build_ca_warning())
        outer.addLayout(self._build_buttons())
        self.status_label = named(QLabel(wordWrap=True), "certificateStatus")
        outer.addWidget(self.status_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in close.buttons():
            button.setAccessibleName(self.tr("Close"))
        outer.addWidget(close)
        self._show_overview(None)

    # ---- building -------------------------------------------------------------------------

    def _build_server_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This computer's certificate"))
        form = QFormLayout(box)
        self.source_label = _value_label("certSource")
        self.names_label = _value_label("certNames")
        self.validity_label = _value_label("certValidity")
        self.key_label = _value_label("certKey")
        self.fingerprint_label = _value_label("certFingerprint", mono=True)
        form.addRow(self.tr("Made by:"), self.source_label)
        form.addRow(self.tr("Names:"), self.names_label)
        form.addRow(self.tr("Valid:"), self.validity_label)
        form.addRow(self.tr("Key:"), self.key_label)
        form.addRow(self.tr("SHA-256:"), self.fingerprint_label)
        return box

    def _build_ca_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pier's local authority (CA): what devices trust"))
        form = QFormLayout(box)
        self.ca_validity_label = _value_label("caValidity")
        self.ca_key_label = _value_label("caKey")
        self.ca_fingerprint_label = _value_label("caFingerprint", mono=True)
        form.addRow(self.tr("Valid:"), self.ca_validity_label)
        form.addRow(self.tr("Key:"), self.ca_key_label)
        form.addRow(self.tr("SHA-256:"), self.ca_fingerprint_label)
        self.ca_compare_label = named(QLabel(compare_hint(), wordWrap=True), "caCompareHint")
        form.addRow("", self.ca_compare_label)
        return box

    def _build_ca_warning(self) -> QWidget:
        """Shown while Pier's CA predates the restriction to web servers."""
        self.ca_warning = named(QWidget(), "caWarning")
        row = QHBoxLayout(self.ca_warning)
        row.setContentsMargins(0, 0, 0, 0)
        icon = named(QLabel(), "caWarningIcon")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning_icon.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(icon)
        self.ca_warning_label = named(QLabel(unrestricted_ca(), wordWrap=True),
                                      "caUnrestrictedWarning")
        row.addWidget(self.ca_warning_label, 1)
        self.replace_ca_button = _button(self.tr("Replace certificate authority…"),
                                         self.tr("Make a new CA limited to web servers; every "
                                                 "device must trust it again"))
        self.replace_ca_button.setObjectName("replaceCaButton")
        self.replace_ca_button.clicked.connect(self.replace_ca)
        row.addWidget(self.replace_ca_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.ca_warning.hide()
        return self.ca_warning

    def _build_qr_box(self) -> QWidget:
        box = QWidget()
        box.setFixedWidth(QR_SIZE + 40)
        layout = QVBoxLayout(box)
        title = QLabel(self.tr("<b>Trust on a phone</b>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.qr_label = named(QLabel(), "caQrCode")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setAccessibleName(self.tr("QR code of the trust page's address"))
        layout.addWidget(self.qr_label)
        self.qr_caption = named(QLabel(wordWrap=True), "caQrCaption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.qr_caption)
        layout.addStretch(1)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.generate_button = _button(self.tr("Make new certificate…"),
                                       self.tr("Generate (or regenerate) the certificate"))
        self.import_button = _button(self.tr("Import…"),
                                     self.tr("Use your own certificate and key (PEM)"))
        self.use_generated_button = _button(self.tr("Use Pier's own"),
                                            self.tr("Stop using the imported certificate"))
        self.export_button = _button(self.tr("Export CA certificate…"),
                                     self.tr("Save the CA certificate to install it on devices"))
        self.generate_button.clicked.connect(self.generate)
        self.import_button.clicked.connect(self.import_pair)
        self.use_generated_button.clicked.connect(self.use_generated)
        self.export_button.clicked.connect(self.export_ca)
        for button in (self.generate_button, self.import_button, self.use_generated_button,
                       self.export_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ---- showing --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> asyncio.Task[Any]:
        return self._run(self._certificates.overview(), self.tr("Cannot read the certificate"),
                         self.tr("Reading the certificate…"))

    def _show_overview(self, overview: CertificateOverview | None) -> None:
        self.overview = overview
        server = overview.server if overview else None
        ca = overview.ca if overview else None
        if server is None:
            self.source_label.setText(self.tr("No certificate yet. It is made when you first share "
                                              "with HTTPS, or press “Make new certificate…”."))
            for label in (self.names_label, self.validity_label, self.key_label,
                          self.fingerprint_label):
                label.setText("—")
        else:
            self._show_server(server, overview)
        self._show_ca(ca)
        imported = overview is not None and overview.source != GENERATED
        self.use_generated_button.setEnabled(imported)
        self.generate_button.setText(self.tr("Make new certificate…") if server is None
                                     else self.tr("Regenerate…"))
        self.generate_button.setAccessibleName(self.generate_button.text().rstrip("…"))
        self.export_button.setEnabled(ca is not None)
        self.ca_warning.setVisible(overview is not None and overview.ca_needs_replacing)
        self.refresh_qr()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to fit the new content, which Qt does not do by itself here: the height for
        the width under-counts the row of group boxes beside the QR code (their form layouts),
        so without this the fingerprints or the warning would be cut off."""
        layout, width = self.layout(), self.width()
        assert layout is not None  # set in __init__
        layout.activate()
        if not layout.hasHeightForWidth():
            return
        items = [layout.itemAt(i) for i in range(layout.count())]
        shortfall = sum(max(0, item.sizeHint().height() - item.heightForWidth(width))
                        for item in items if item is not None and item.layout() is not None
                        and item.hasHeightForWidth())
        wanted = layout.totalHeightForWidth(width) + shortfall
        if wanted > self.height():
            self.resize(width, wanted)

    def _show_server(self, server: CertificateInfo, overview: CertificateOverview | None) -> None:
        if overview is not None and overview.source == GENERATED:
            if not server.issuer or server.issuer == server.subject:
                self.source_label.setText(self.tr("Pier (generated, self-signed)"))
            else:
                self.source_label.setText(self.tr("Pier (generated, signed by Pier's CA)"))
        else:
            self.source_label.setText(self.tr("Imported: {subject}").format(
                subject=server.subject))
        self.names_label.setText(", ".join((*server.dns_names, *server.ip_addresses)) or "—")
        self.validity_label.setText(format_validity(server))
        self.key_label.setText(server.key_type)
        self.fingerprint_label.setText(format_fingerprint(server.sha256))

    def _show_ca(self, ca: CertificateInfo | None) -> None:
        if ca is None:
            self.ca_validity_label.setText(self.tr("No CA: the certificate is self-signed or "
                                                   "imported without one. Devices must trust it "
                                                   "directly."))
            self.ca_key_label.setText("—")
            self.ca_fingerprint_label.setText("—")
            return
        self.ca_validity_label.setText(format_validity(ca))
        self.ca_key_label.setText(ca.key_type)
        self.ca_fingerprint_label.setText(format_fingerprint(ca.sha256))

    def refresh_qr(self) -> None:
        """The code of the trust page (plain HTTP on the share's port, so a phone opens it
        without a warning) while an HTTPS share offers Pier's CA."""
        share_url, overview = self._share_url(), self.overview
        offers_ca = overview is not None and overview.offers_ca
        served = offers_ca and overview is not None and overview.serves(self._served_ca())
        self.trust_url = trust_page_url(share_url) if share_url and served else None
        if self.trust_url is None:
            self.qr_label.clear()
            self.qr_label.setFixedSize(QR_SIZE, 0)
            self.qr_caption.setText(self._no_code_reason(share_url, offers_ca))
            return
        url = self.trust_url
        self.qr_label.setFixedSize(QR_SIZE, QR_SIZE)
        self.qr_label.setPixmap(qr_pixmap(url, QR_SIZE, self.devicePixelRatioF()))
        self.qr_label.setToolTip(url)
        note = loopback_note() if is_loopback_url(url) else ""
        self.qr_caption.setText(self.tr("Scan with the phone to open the steps:<br><small>{url}"
                                        "</small>{note}").format(url=url, note=note))

    def _no_code_reason(self, share_url: str | None, offers_ca: bool) -> str:
        if self.overview is not None and self.overview.ca_needs_replacing:
            return self.tr("Replace the certificate authority (below) first: phones are not "
                           "offered one an older Pier made.")
        if share_url and offers_ca:  # the share does not hand out the CA shown here
            return self.tr("The running share still hands out the previous CA. Stop and start "
                           "sharing, then scan the code.")
        return self.tr("While sharing with HTTPS and Pier's own certificate, a code appears here: "
                       "scan it on a phone to install the CA.")

    # ---- actions --------------------------------------------------------------------------

    def generate(self) -> asyncio.Task[Any] | None:
        overview = self.overview
        options = overview.options if overview else GenerationOptions()
        has_ca = overview is not None and overview.ca is not None
        editor = GenerateDialog(options, has_ca, self)
        if not dialogs.run_modal(editor):
            return None
        values = editor.values()
        changes_trust = values["new_ca"] or (values["self_signed"] and has_ca)
        if changes_trust and not dialogs.ask_yes_no(self, self.tr("Devices must trust again"),
                                                    trust_again(), yes_label=self.tr("Make it")):
            return None
        return self._run(self._certificates.generate(**values),
                         self.tr("Cannot make the certificate"), self.tr("Making the certificate…"),
                         done=self.tr("New certificate made; a share running with HTTPS "
                                      "uses it now."))

    def replace_ca(self) -> asyncio.Task[Any] | None:
        """Replace a CA that is not limited to web servers, after the user confirms."""
        local = self.overview.local_ca if self.overview else None
        if local is None:
            return None
        share_url = self._share_url()
        url = trust_page_url(share_url) if share_url else \
            self.tr("http://<this computer's address>:<port>/.well-known/pier/trust")
        text = replace_ca(_common_name(local.subject), url)
        if not dialogs.ask_yes_no(self, self.tr("Replace the certificate authority?"), text,
                                  yes_label=self.tr("Replace it")):
            return None
        return self._run(self._certificates.replace_ca(),
                         self.tr("Cannot replace the certificate authority"),
                         self.tr("Making a new certificate authority…"),
                         done=self.tr("New certificate authority made; the old one's key was "
                                      "destroyed. Let every device trust the new one (remove the "
                                      "old one there)."))

    def import_pair(self) -> asyncio.Task[Any] | None:
        start = str(Path.home())
        cert = dialogs.ask_open_path(self, self.tr("Choose the certificate (PEM)"), start,
                                     cert_filters())
        if cert is None:
            return None
        key = dialogs.ask_open_path(self, self.tr("Choose its private key (PEM)"), str(cert.parent),
                                    key_filters())
        if key is None:
            return None
        return self._import(cert, key, None)

    def _import(self, cert: Path, key: Path, passphrase: bytes | None) -> asyncio.Task[Any]:
        self._set_busy(self.tr("Checking the certificate and key…"))
        self.last_task = self._spawn(self._import_task(cert, key, passphrase))
        return self.last_task

    async def _import_task(self, cert: Path, key: Path, passphrase: bytes | None) -> None:
        try:
            overview = await self._certificates.import_pair(cert, key, passphrase)
        except (PassphraseRequired, WrongPassphrase) as err:
            wrong = isinstance(err, WrongPassphrase)
            self._later(lambda: self._ask_passphrase(cert, key, wrong))
            return
        except PierError as err:
            self._report_later(self.tr("Cannot use this certificate"), str(err))
            return
        finally:
            self._set_busy("")
        self._show_overview(overview)
        self.status_label.setText(self.tr("Imported. Sharing with HTTPS uses it from now on."))

    def _ask_passphrase(self, cert: Path, key: Path, wrong: bool) -> None:
        label = self.tr("That passphrase does not open {key}. Try again:") if wrong \
            else self.tr("The key {key} is protected by a passphrase. Enter it:")
        label = label.format(key=key.name)
        passphrase = dialogs.ask_password(self, self.tr("Passphrase needed"), label)
        if passphrase is not None:
            self._import(cert, key, passphrase.encode("utf-8"))

    def use_generated(self) -> asyncio.Task[Any]:
        return self._run(self._certificates.use_generated(), self.tr("Cannot switch certificates"),
                         self.tr("Switching to Pier's own certificate…"),
                         done=self.tr("Pier's own certificate is used from now on."))

    def export_ca(self) -> asyncio.Task[Any] | None:
        dest = dialogs.ask_save_path(self, self.tr("Export the CA certificate"),
                                     Path.home() / "pier-ca.crt", export_filters())
        if dest is None:
            return None
        self._set_busy(self.tr("Exporting…"))
        self.last_task = self._spawn(self._export_task(dest))
        return self.last_task

    async def _export_task(self, dest: Path) -> None:
        try:
            await self._certificates.export_ca(dest)
        except PierError as err:
            self._report_later(self.tr("Cannot export the CA certificate"), str(err))
            return
        finally:
            self._set_busy("")
        self.status_label.setText(self.tr("CA certificate saved to {file}.").format(file=dest))

    # ---- running work ---------------------------------------------------------------------

    def _run(self, work: Coroutine[Any, Any, CertificateOverview], failure_title: str,
             busy_text: str, done: str = "") -> asyncio.Task[Any]:
        self._set_busy(busy_text)
        self.last_task = self._spawn(self._overview_task(work, failure_title, done))
        return self.last_task

    async def _overview_task(self, work: Coroutine[Any, Any, CertificateOverview],
                             failure_title: str, done: str) -> None:
        try:
            overview = await work
        except PierError as err:
            self._report_later(failure_title, str(err))
            return
        finally:
            self._set_busy("")
        self._show_overview(overview)
        if done:
            self.status_label.setText(done)

    def _set_busy(self, text: str) -> None:
        self.status_label.setText(text)
        for button in (self.generate_button, self.import_button, self.replace_ca_button):
            button.setEnabled(not text)
        has_ca = self.overview is not None and self.overview.ca is not None
        self.export_button.setEnabled(not text and has_ca)

    def _later(self, action: Callable[[], None]) -> None:
        QTimer.singleShot(0, self, action)

    def _report_later(self, title: str, text: str) -> None:
        """Show an error from the event loop, not from inside the task that failed."""
        self._later(lambda: dialogs.show_error(self, title, text))
