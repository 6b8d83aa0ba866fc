"""app/certificates.py: the window's certificate operations, run off the GUI thread on a real
store (real crypto, real files)."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from cryptography import x509

from app.certificates import Certificates, ca_download_url
from server.tls import CertificateStore
from tests.app.conftest import run


@pytest.fixture
def certificates(tmp_path: Path) -> Certificates:
    return Certificates(tmp_path / "tls")


def test_certificates_overview_and_ensure(aloop: qasync.QEventLoop,
                                          certificates: Certificates) -> None:
    empty = run(aloop, certificates.overview())
    assert empty.server is None and empty.source == "generated"
    made = run(aloop, certificates.ensure())
    assert made.server is not None and made.ca is not None
    assert made.local_ca == made.ca and not made.ca_needs_replacing
    assert run(aloop, certificates.ensure()).server == made.server  # still current: kept


def test_a_self_signed_certificate_has_no_ca_to_trust(aloop: qasync.QEventLoop,
                                                      certificates: Certificates) -> None:
    overview = run(aloop, certificates.generate(extra_names=["nas.lan"], self_signed=True))
    assert overview.ca is None and overview.options.self_signed
    assert overview.server is not None and "nas.lan" in overview.server.dns_names
    back = run(aloop, certificates.generate())
    assert back.ca is not None and not back.options.self_signed


def test_the_ca_is_exported_as_der_or_pem_by_the_file_name(aloop: qasync.QEventLoop,
                                                           certificates: Certificates,
                                                           tmp_path: Path) -> None:
    overview = run(aloop, certificates.ensure())
    for name in ("ca.cer", "ca.DER"):
        run(aloop, certificates.export_ca(tmp_path / name))
        der = x509.load_der_x509_certificate((tmp_path / name).read_bytes())
        assert der.serial_number == overview.ca.serial
    run(aloop, certificates.export_ca(tmp_path / "ca.pem"))
    assert (tmp_path / "ca.pem").read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")


def test_an_imported_pair_is_served_until_the_generated_one_is_chosen_again(
        aloop: qasync.QEventLoop, certificates: Certificates, tmp_path: Path) -> None:
    other = CertificateStore(tmp_path / "elsewhere")
    chain, key = other.ensure_server_certificate()
    imported = run(aloop, certificates.import_pair(chain, key))
    assert imported.source == "imported"
    assert imported.server is not None and imported.ca == other.ca_info()
    generated = run(aloop, certificates.use_generated())
    assert generated.source == "generated" and generated.server is not None
    assert generated.ca != other.ca_info()


def test_replacing_the_ca_makes_a_new_one(aloop: qasync.QEventLoop,
                                          certificates: Certificates) -> None:
    before = run(aloop, certificates.ensure())
    after = run(aloop, certificates.replace_ca())
    assert after.ca is not None and before.ca is not None
    assert after.ca.sha256 != before.ca.sha256


@pytest.mark.parametrize(("share_url", "ca_url"), [
    ("https://192.168.1.5:8443/some/path", "https://192.168.1.5:8443/.well-known/pier/ca.crt"),
    ("https://[::1]:8443/?q=1#top", "https://[::1]:8443/.well-known/pier/ca.crt"),
    ("https://laptop.local/", "https://laptop.local/.well-known/pier/ca.crt"),
])
def test_the_ca_download_url_is_on_the_share(share_url: str, ca_url: str) -> None:
    assert ca_download_url(share_url) == ca_url
