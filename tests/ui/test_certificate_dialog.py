"""The HTTPS switch and the Certificate dialog, with real certificates and a real TLS client."""

from __future__ import annotations

import http.client
import ssl
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import qasync
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from app.controller import ServerState
from server.tls import CertificateStore
from tests.app.conftest import eventually, run
from tests.security.test_ca_restricted import make_legacy_ca
from tests.server.test_tls import write_pair
from tests.ui.conftest import DialogRecorder, confirm
from tests.ui.test_main_window import child, start, stop
from ui.certificate_dialog import CertificateDialog, GenerateDialog, format_fingerprint
from ui.main_window import MainWindow


def open_certificates(window: MainWindow, aloop: qasync.QEventLoop) -> CertificateDialog:
    dialog = window.open_certificate_dialog()
    assert dialog.last_task is not None
    run(aloop, dialog.last_task)
    return dialog


def plain_get(url: str) -> bytes:
    """GET over plain HTTP (to the HTTPS port); the body of a 200."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request("GET", parts.path)
        response = conn.getresponse()
        assert response.status == 200
        return response.read()
    finally:
        conn.close()


def https_get(url: str, cafile: Path | None, path: str) -> int:
    parts = urlsplit(url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # hostname checking and verification on
    if cafile is not None:
        context.load_verify_locations(cafile=str(cafile))
    conn = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=5, context=context)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_fingerprint_is_shown_as_phones_show_it() -> None:
    text = format_fingerprint(":".join(["ab"] * 32))
    assert text.splitlines() == [":".join(["AB"] * 8)] * 4  # colon-separated pairs, as Android


def test_https_share_is_trusted_through_the_exported_ca(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, tmp_path: Path,
        dialog_recorder: DialogRecorder) -> None:
    window.share_panel.https_check.setChecked(True)
    url = start(window, aloop, folder)
    urls = child(window, QListWidget, "urlList")
    assert all(urls.item(i).text().startswith("https://") for i in range(urls.count()))
    assert url.startswith("https://127.0.0.1:")
    assert window.share_panel.access_label.text().endswith("HTTPS</b>")

    dialog = open_certificates(window, aloop)
    assert dialog.overview is not None and dialog.overview.ca is not None
    shown = dialog.ca_fingerprint_label.text()
    assert shown.replace("\n", ":") == dialog.overview.ca.sha256.upper()
    assert "every pair must match" in dialog.ca_compare_label.text()
    assert "127.0.0.1" in dialog.names_label.text()
    assert dialog.source_label.text().startswith("Pier (generated")
    assert dialog.qr_label.pixmap() is not None and not dialog.qr_label.pixmap().isNull()
    port = urlsplit(url).port
    trust_url = f"http://127.0.0.1:{port}/.well-known/pier/trust"
    assert dialog.trust_url == trust_url and dialog.qr_label.toolTip() == trust_url
    assert trust_url in dialog.qr_caption.text() and "this computer only" in \
        dialog.qr_caption.text()
    # the QR's address really answers over plain HTTP, and the CA it offers is the one whose
    # fingerprint the dialog shows
    page = plain_get(trust_url)
    assert page.startswith(b"<!doctype html>") and b"Pier's window" in page
    der = plain_get(trust_url.replace("/trust", "/ca.crt"))
    digest = x509.load_der_x509_certificate(der).fingerprint(hashes.SHA256()).hex().upper()
    assert shown.replace("\n", ":").replace(":", "") == digest

    dialog_recorder.save_path = tmp_path / "pier-ca.crt"
    dialog.export_button.click()
    run(aloop, dialog.last_task)
    assert dialog_recorder.save_path.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert https_get(url, dialog_recorder.save_path, "/a.txt") == 200
    with pytest.raises(ssl.SSLCertVerificationError):
        https_get(url, None, "/a.txt")  # trusting nothing: the check is real

    dialog_recorder.save_path = tmp_path / "pier-ca.der"
    dialog.export_button.click()
    run(aloop, dialog.last_task)
    assert dialog_recorder.save_path.read_bytes()[:1] == b"\x30"  # DER: an ASN.1 SEQUENCE
    stop(window, aloop)
    assert dialog.qr_label.pixmap().isNull()


def test_no_trust_code_for_a_certificate_pier_did_not_sign(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, tmp_path: Path) -> None:
    window.share_panel.https_check.setChecked(True)
    start(window, aloop, folder)
    dialog = open_certificates(window, aloop)
    assert dialog.trust_url is not None
    pair = write_pair(tmp_path / "mine")  # the user's own CA and server certificate
    run(aloop, window.certificates.import_pair(pair.cert, pair.key))
    run(aloop, dialog.reload())
    assert dialog.overview is not None and dialog.overview.ca is not None
    assert dialog.trust_url is None and dialog.qr_label.pixmap().isNull()
    assert "Pier's own certificate" in dialog.qr_caption.text()
    stop(window, aloop)


def test_regenerate_keeps_the_ca_and_a_new_ca_needs_confirmation(
        window: MainWindow, aloop: qasync.QEventLoop, dialog_recorder: DialogRecorder) -> None:
    dialog = open_certificates(window, aloop)
    assert dialog.overview is not None and dialog.overview.server is None
    assert dialog.generate_button.text() == "Make new certificate…"
    dialog_recorder.modal = confirm(lambda _editor: None)
    dialog.generate_button.click()
    run(aloop, dialog.last_task)
    first = dialog.overview
    assert first is not None and first.server is not None and first.ca is not None
    assert dialog.fingerprint_label.text() == format_fingerprint(first.server.sha256)
    assert dialog.generate_button.text() == "Regenerate…"

    def extra_name(editor: GenerateDialog) -> None:
        editor.names_edit.setText("pier-test.local")

    dialog_recorder.modal = confirm(extra_name)
    dialog.generate_button.click()
    run(aloop, dialog.last_task)
    second = dialog.overview
    assert second is not None and second.server is not None and second.ca is not None
    assert second.ca.sha256 == first.ca.sha256
    assert second.server.sha256 != first.server.sha256
    assert "pier-test.local" in dialog.names_label.text()
    assert dialog_recorder.questions == []

    dialog_recorder.answer_yes = False
    dialog_recorder.modal = confirm(lambda editor: editor.new_ca_check.setChecked(True))
    assert dialog.generate() is None
    assert dialog_recorder.questions[-1][0] == "Devices must trust again"
    assert dialog.overview.ca.sha256 == first.ca.sha256

    dialog_recorder.answer_yes = True
    dialog.generate()
    run(aloop, dialog.last_task)
    assert dialog.overview.ca.sha256 != first.ca.sha256


def test_import_of_a_mismatched_pair_shows_the_error(
        window: MainWindow, aloop: qasync.QEventLoop, tmp_path: Path, qtbot: QtBot,
        dialog_recorder: DialogRecorder) -> None:
    one, two = CertificateStore(tmp_path / "one"), CertificateStore(tmp_path / "two")
    one.generate()
    two.generate()
    dialog = open_certificates(window, aloop)
    dialog_recorder.open_paths = [one.directory / "server.pem", two.directory / "server.key"]
    dialog.import_button.click()
    run(aloop, dialog.last_task)
    qtbot.waitUntil(lambda: bool(dialog_recorder.errors))
    title, text = dialog_recorder.errors[0]
    assert title == "Cannot use this certificate" and "match" in text.lower()
    assert dialog.overview is not None and dialog.overview.source == "generated"


def test_import_of_an_encrypted_key_asks_the_passphrase_again_when_wrong(
        window: MainWindow, aloop: qasync.QEventLoop, tmp_path: Path, qtbot: QtBot,
        dialog_recorder: DialogRecorder) -> None:
    source = CertificateStore(tmp_path / "source")
    source.generate()
    key = serialization.load_pem_private_key((source.directory / "server.key").read_bytes(),
                                             password=None)
    locked = tmp_path / "locked.key"
    locked.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"open sesame")))
    dialog = open_certificates(window, aloop)
    dialog_recorder.open_paths = [source.directory / "server.pem", locked]
    dialog_recorder.passwords = ["wrong", "open sesame"]

    async def scenario() -> None:
        dialog.import_button.click()
        await eventually(lambda: dialog.overview is not None
                         and dialog.overview.source == "imported")

    run(aloop, scenario())
    assert len(dialog_recorder.password_prompts) == 2
    assert "protected by a passphrase" in dialog_recorder.password_prompts[0]
    assert "does not open" in dialog_recorder.password_prompts[1]
    assert dialog.source_label.text().startswith("Imported")
    assert dialog.use_generated_button.isEnabled()
    dialog.use_generated_button.click()
    run(aloop, dialog.last_task)
    assert dialog.overview.source == "generated" and dialog_recorder.errors == []


def test_certificate_menu_entry(window: MainWindow, aloop: qasync.QEventLoop) -> None:
    actions = {a.text(): a for a in window.findChildren(type(window.start_stop_action))}
    actions["HTTPS c&ertificate…"].trigger()
    assert window.certificate_dialog is not None and window.certificate_dialog.isVisible()
    run(aloop, window.certificate_dialog.last_task)
    assert "No certificate yet" in window.certificate_dialog.source_label.text()
    unnamed = [b for b in window.certificate_dialog.findChildren(QAbstractButton)
               if not b.accessibleName()]
    assert unnamed == []


def test_a_certificate_problem_at_start_is_a_clear_dialog(
        window: MainWindow, aloop: qasync.QEventLoop, folder: Path, ui_config_dir: Path,
        qtbot: QtBot, dialog_recorder: DialogRecorder) -> None:
    (ui_config_dir / "tls").mkdir(parents=True)
    (ui_config_dir / "tls" / "state.json").write_text("{ damaged", encoding="utf-8")
    window.share_panel.https_check.setChecked(True)
    window.share_panel.set_folder(str(folder))
    window.share_panel.port_spin.setValue(0)
    task = window.request_start()
    assert task is not None
    run(aloop, task)
    qtbot.waitUntil(lambda: bool(dialog_recorder.errors))
    title, text = dialog_recorder.errors[0]
    assert title == "HTTPS certificate problem" and "damaged" in text
    assert window.controller.state is ServerState.STOPPED


def test_an_unrestricted_ca_is_flagged_and_replaced_only_after_confirmation(
        window: MainWindow, aloop: qasync.QEventLoop, ui_config_dir: Path,
        dialog_recorder: DialogRecorder) -> None:
    legacy = make_legacy_ca(ui_config_dir / "tls")
    CertificateStore(ui_config_dir / "tls").ensure_server_certificate()  # signed by the legacy CA
    dialog = open_certificates(window, aloop)
    overview = dialog.overview
    assert overview is not None and overview.local_ca is not None
    assert overview.ca_needs_replacing
    warning = dialog.findChild(QLabel, "caUnrestrictedWarning")
    replace = dialog.findChild(QPushButton, "replaceCaButton")
    assert warning is dialog.ca_warning_label and replace is dialog.replace_ca_button
    assert warning.isVisible() and replace.isVisible() and replace.isEnabled()
    assert "not limited to web servers" in warning.text()
    old_fp = overview.local_ca.sha256

    dialog_recorder.answer_yes = False
    assert dialog.replace_ca() is None                   # asked, declined: nothing changes
    title, text = dialog_recorder.questions[-1]
    assert title == "Replace the certificate authority?"
    assert "trust the new one again" in text and "Pier local CA legacy 000000" in text
    assert "/.well-known/pier/trust" in text and "destroys the old one's key" in text
    assert dialog.overview is overview and (ui_config_dir / "tls" / "ca.pem").read_bytes() \
        == legacy.public_bytes(serialization.Encoding.PEM)

    dialog_recorder.answer_yes = True
    replace.click()
    assert dialog.last_task is not None
    run(aloop, dialog.last_task)
    after = dialog.overview
    assert after is not None and after.local_ca is not None and after.ca is not None
    assert after.local_ca.restricted and not after.ca_needs_replacing
    assert after.ca.sha256 == after.local_ca.sha256 != old_fp
    assert dialog.ca_fingerprint_label.text() == format_fingerprint(after.ca.sha256)
    assert not warning.isVisible()
    assert "destroyed" in dialog.status_label.text()
    assert dialog_recorder.errors == []


def test_a_restricted_ca_shows_no_warning(window: MainWindow, aloop: qasync.QEventLoop,
                                          ui_config_dir: Path) -> None:
    CertificateStore(ui_config_dir / "tls").ensure_server_certificate()
    dialog = open_certificates(window, aloop)
    assert dialog.overview is not None and not dialog.overview.ca_needs_replacing
    assert not dialog.ca_warning.isVisible()
