"""Issue 19 attack round, part 1, the Certificate dialog's side: its QR code points phones at
the running share's plain-HTTP trust page, and the page tells them to compare the CA's
fingerprint with the one the dialog shows. So the code must never lead to another CA: a new
CA made while sharing is handed to the running share at once (ServerController.
take_certificate), and a CA the share does not hand out (changed behind Pier's back, or made
by an older Pier) shows no code."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import qasync
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from server.tls import CertificateStore
from tests.app.conftest import aloop, run  # noqa: F401 - fixtures for the window
from tests.security.test_ca_restricted import make_legacy_ca
from tests.ui.conftest import (  # noqa: F401 - fixtures for the window
    OFFSCREEN_NOISE,
    dialog_recorder,
    folder,
    ui_config_dir,
    ui_paths,
    window,
)
from tests.ui.test_certificate_dialog import open_certificates
from tests.ui.test_main_window import start, stop
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def served_ca_fingerprint(trust_url: str) -> str:
    """SHA-256 (hex, upper case) of the CA the share hands out at the trust page's ca.crt."""
    parts = urlsplit(trust_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", parts.path.replace("/trust", "/ca.crt"))
        response = conn.getresponse()
        assert response.status == 200
        der = response.read()
    finally:
        conn.close()
    return x509.load_der_x509_certificate(der).fingerprint(hashes.SHA256()).hex().upper()


def test_the_trust_code_never_offers_a_ca_other_than_the_one_the_dialog_shows(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:  # noqa: F811
    window.share_panel.https_check.setChecked(True)
    start(window, aloop, folder)
    dialog = open_certificates(window, aloop)
    assert dialog.trust_url is not None
    assert dialog.overview is not None and dialog.overview.ca is not None
    before = dialog.overview.ca.sha256
    run(aloop, window.certificates.generate(new_ca=True))
    run(aloop, dialog.reload())
    assert dialog.overview is not None and dialog.overview.ca is not None
    shown = dialog.overview.ca.sha256.replace(":", "").upper()
    assert shown != before.replace(":", "").upper()
    if dialog.trust_url is not None:  # a code is shown: it must lead to the CA shown beside it
        assert served_ca_fingerprint(dialog.trust_url) == shown
    stop(window, aloop)


def test_a_new_ca_made_while_sharing_is_served_at_once_on_the_same_address(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path) -> None:  # noqa: F811
    window.share_panel.https_check.setChecked(True)
    start(window, aloop, folder)
    dialog = open_certificates(window, aloop)
    before_url = dialog.trust_url
    assert before_url is not None
    run(aloop, window.certificates.generate(new_ca=True))
    run(aloop, dialog.reload())
    assert dialog.overview is not None and dialog.overview.ca is not None
    assert dialog.trust_url == before_url  # the code still shows: same address and port
    assert "exactly ONE certificate" in dialog.only_one_label.text()  # not a second root
    assert served_ca_fingerprint(before_url) == dialog.overview.ca.sha256.replace(":", "").upper()
    stop(window, aloop)


def test_a_ca_changed_behind_piers_back_hides_the_code(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path,  # noqa: F811
        ui_config_dir: Path) -> None:  # noqa: F811
    window.share_panel.https_check.setChecked(True)
    start(window, aloop, folder)
    dialog = open_certificates(window, aloop)
    url = dialog.trust_url
    assert url is not None
    served = served_ca_fingerprint(url)
    CertificateStore(ui_config_dir / "tls").generate(new_ca=True)  # as `pier cert` would
    run(aloop, dialog.reload())
    assert dialog.overview is not None and dialog.overview.ca is not None
    assert dialog.overview.ca.sha256.replace(":", "").upper() != served
    assert dialog.trust_url is None and dialog.qr_label.pixmap().isNull()
    assert "still hands out the previous CA" in dialog.qr_caption.text()
    assert served_ca_fingerprint(url) == served  # the share really does
    stop(window, aloop)


def test_a_legacy_ca_shows_no_code_until_it_is_replaced(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path,  # noqa: F811
        ui_config_dir: Path) -> None:  # noqa: F811
    make_legacy_ca(ui_config_dir / "tls")
    CertificateStore(ui_config_dir / "tls").ensure_server_certificate()  # signed by it
    window.share_panel.https_check.setChecked(True)
    start(window, aloop, folder)
    dialog = open_certificates(window, aloop)
    assert dialog.overview is not None and dialog.overview.ca_needs_replacing
    assert dialog.trust_url is None and dialog.qr_label.pixmap().isNull()
    assert "Replace the certificate authority" in dialog.qr_caption.text()
    run(aloop, window.certificates.replace_ca())
    run(aloop, dialog.reload())
    assert dialog.overview is not None and dialog.overview.ca is not None
    assert not dialog.overview.ca_needs_replacing
    assert dialog.trust_url is not None
    assert served_ca_fingerprint(dialog.trust_url) == \
        dialog.overview.ca.sha256.replace(":", "").upper()
    stop(window, aloop)
