"""app/certificates.py: the window's certificate operations, run off the GUI thread on a real
store (real crypto, real files)."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from cryptography import x509

from app.certificates import Certificates, trust_page_url
from app.loopback import is_loopback_url
from server.tls import CertificateStore
from tests.app.conftest import run
from tests.security.test_ca_restricted import make_legacy_ca
from tests.server.test_tls import write_pair


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


@pytest.mark.parametrize(("share_url", "trust_url"), [
    ("https://192.168.1.5:8443/some/path", "http://192.168.1.5:8443/.well-known/pier/trust"),
    ("https://[fe80::1]:8443/?q=1#top", "http://[fe80::1]:8443/.well-known/pier/trust"),
    ("https://laptop.local/", "http://laptop.local:443/.well-known/pier/trust"),  # that port
])
def test_the_trust_page_url_is_plain_http_on_the_share_s_port(share_url: str,
                                                               trust_url: str) -> None:
    assert trust_page_url(share_url) == trust_url


@pytest.mark.parametrize(("url", "loopback"), [
    ("https://127.0.0.1:8443/", True), ("https://[::1]:8443/", True),
    ("https://localhost:8443/", True), ("https://192.168.1.5:8443/", False),
    ("https://laptop.local/", False),
])
def test_loopback_addresses_are_told_apart(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback


def test_only_piers_own_ca_is_offered(aloop: qasync.QEventLoop, certificates: Certificates,
                                      tmp_path: Path) -> None:
    generated = run(aloop, certificates.ensure())
    assert generated.offers_ca
    pair = write_pair(tmp_path / "mine")
    imported = run(aloop, certificates.import_pair(pair.cert, pair.key))
    assert imported.ca is not None and not imported.offers_ca  # the user's CA: not Pier's


def test_every_change_is_told_before_the_call_returns_and_reads_are_not(
        aloop: qasync.QEventLoop, tmp_path: Path) -> None:
    told: list[str | None] = []
    store = CertificateStore(tmp_path / "tls")

    async def changed() -> None:  # what the running share would serve now
        told.append(store.ca_info().sha256 if store.ca_info() else None)

    certificates = Certificates(tmp_path / "tls", changed=changed)
    run(aloop, certificates.ensure())
    run(aloop, certificates.overview())
    assert told == []
    made = run(aloop, certificates.generate(new_ca=True))
    assert made.ca is not None and told == [made.ca.sha256]
    pair = write_pair(tmp_path / "mine")
    run(aloop, certificates.import_pair(pair.cert, pair.key))
    run(aloop, certificates.use_generated())
    run(aloop, certificates.replace_ca())
    assert len(told) == 4


def test_a_legacy_ca_is_not_offered_and_serves_compares_the_ca(
        aloop: qasync.QEventLoop, tmp_path: Path) -> None:
    make_legacy_ca(tmp_path / "tls")
    certificates = Certificates(tmp_path / "tls")
    legacy = run(aloop, certificates.ensure())
    assert legacy.ca is not None and legacy.ca_needs_replacing and not legacy.offers_ca
    old_pem = CertificateStore(tmp_path / "tls").ca_pem()
    assert legacy.serves(old_pem) and not legacy.serves(None)
    replaced = run(aloop, certificates.replace_ca())
    assert replaced.offers_ca and not replaced.serves(old_pem)
    assert replaced.serves(CertificateStore(tmp_path / "tls").ca_pem())
