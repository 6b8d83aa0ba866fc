"""server/routes_trust.py: Pier's CA (ca.crt, ca.pem, ca.mobileconfig) and the trust page, over
plain HTTP on the HTTPS port and over HTTPS, from a real TLS server."""

from __future__ import annotations

import base64
import hashlib
import html
import http.client
import plistlib
import re
import ssl
import uuid
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from server.mobileconfig import ca_profile, stable_uuid
from server.sharing import tls_settings
from server.tls import CertificateStore
from tests.server.test_tls import write_pair

PREFIX = "/.well-known/pier/"
TYPES = {"ca.crt": "application/x-x509-ca-cert", "ca.pem": "application/x-pem-file",
         "ca.mobileconfig": "application/x-apple-aspen-config",
         "trust": "text/html; charset=utf-8"}


@pytest.fixture(scope="module")
def pier_store(tmp_path_factory: pytest.TempPathFactory) -> CertificateStore:
    store = CertificateStore(tmp_path_factory.mktemp("trust") / "tls")
    store.ensure_server_certificate()
    return store


@pytest.fixture(scope="module")
def pier_ca(pier_store: CertificateStore) -> x509.Certificate:
    ca_pem = pier_store.ca_pem()
    assert ca_pem is not None
    return x509.load_pem_x509_certificate(ca_pem)


@pytest.fixture
def https(server_factory, share, pier_store):
    return server_factory(share, tls=tls_settings(pier_store))


def plain(running, path: str, method: str = "GET",
          headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """One plain-HTTP request to the HTTPS port; the response with its body read."""
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


def over_tls(running, path: str) -> http.client.HTTPResponse:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    conn = http.client.HTTPSConnection("127.0.0.1", running.port, timeout=10, context=context)
    conn.request("GET", path)
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


def fingerprint_forms(cert: x509.Certificate) -> list[str]:
    """Every way a page could spell the CA's SHA-256 or SHA-1 fingerprint."""
    forms = []
    for algorithm in (hashes.SHA256(), hashes.SHA1()):  # phones show both
        digits = cert.fingerprint(algorithm).hex()
        pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
        forms += [digits, ":".join(pairs), " ".join(pairs), digits[:16]]
    return forms


@pytest.mark.parametrize("name", ["ca.crt", "ca.pem"])
def test_the_ca_over_plain_http_on_the_tls_port(https, pier_ca, name):
    response = plain(https, PREFIX + name)
    assert response.status == 200
    assert response.getheader("Content-Type") == TYPES[name]
    body = response.body
    loaded = (x509.load_der_x509_certificate(body) if name == "ca.crt"
              else x509.load_pem_x509_certificate(body))
    assert loaded == pier_ca
    assert loaded.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert response.getheader("Connection") == "close"  # nothing more is read on this socket
    assert over_tls(https, PREFIX + name).body == body  # the same over HTTPS


def test_the_ios_profile_carries_the_ca_as_a_root_payload(https, pier_ca):
    response = plain(https, PREFIX + "ca.mobileconfig")
    assert response.status == 200
    assert response.getheader("Content-Type") == TYPES["ca.mobileconfig"]
    profile = plistlib.loads(response.body)
    assert profile["PayloadType"] == "Configuration" and profile["PayloadVersion"] == 1
    assert "Unsigned" in profile["PayloadDescription"]
    [root] = profile["PayloadContent"]
    assert root["PayloadType"] == "com.apple.security.root"
    assert x509.load_der_x509_certificate(root["PayloadContent"]) == pier_ca
    digest = pier_ca.fingerprint(hashes.SHA256()).hex()
    assert profile["PayloadUUID"] == stable_uuid(digest, "profile")
    assert root["PayloadUUID"] == stable_uuid(digest, "root")
    assert len({profile["PayloadUUID"], root["PayloadUUID"]}) == 2
    for value in (profile["PayloadUUID"], root["PayloadUUID"]):
        assert str(uuid.UUID(value)).upper() == value
    assert over_tls(https, PREFIX + "ca.mobileconfig").body == response.body


def test_profile_uuids_follow_the_ca_and_only_the_ca(tmp_path: Path, pier_ca):
    from cryptography.hazmat.primitives.serialization import Encoding
    der = pier_ca.public_bytes(Encoding.DER)
    again = ca_profile(der)
    assert again == ca_profile(der)  # stable: a second install replaces the first
    other = CertificateStore(tmp_path / "other")
    other.ensure_server_certificate()
    other_der = other.ca_der()
    assert other_der is not None
    uuids = {plistlib.loads(again)["PayloadUUID"], plistlib.loads(ca_profile(other_der))[
        "PayloadUUID"]}
    assert len(uuids) == 2


def test_the_trust_page_has_steps_and_no_fingerprint(https, pier_ca):
    response = plain(https, PREFIX + "trust")
    assert response.status == 200
    assert response.getheader("Content-Type") == TYPES["trust"]
    text = response.body.decode("utf-8")
    lowered = text.lower()
    for form in fingerprint_forms(pier_ca):
        assert form.lower() not in lowered
    shown = html.unescape(re.sub(r"<style>.*?</style>", "", text, flags=re.S))  # not the CSS
    assert "Certificate Trust Settings" in shown and "Install a certificate" in shown
    assert "Pier's window" in shown and "<script" not in text
    # a profile changed on the way could add a second root: the page says to count them
    assert text.count("<b>exactly one</b>") >= 2 and "grep -c BEGIN ca.pem" in text
    assert "openssl x509 -noout -fingerprint -sha256 -in ca.pem" in text
    for name in ("ca.mobileconfig", "ca.crt", "ca.pem"):
        assert f'href="/.well-known/pier/{name}"' in text  # same scheme: plain stays plain
    assert "/assets/" not in text  # its assets would be redirected to HTTPS
    style = re.search(r"<style>(.*?)</style>", text, re.S)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in response.getheader("Content-Security-Policy")
    assert over_tls(https, PREFIX + "trust").body == response.body


def test_head_on_plain_http_gives_the_head_only(https, pier_ca):
    response = plain(https, PREFIX + "ca.crt", method="HEAD")
    assert response.status == 200 and response.body == b""
    assert int(response.getheader("Content-Length")) == len(over_tls(https, PREFIX + "ca.crt").body)


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/hello.txt"),
    ("GET", "/"),
    ("GET", PREFIX + "stats"),
    ("GET", PREFIX + "assets/style.css"),
    ("GET", PREFIX + "trust/"),
    ("GET", PREFIX + "logout"),
    ("POST", PREFIX + "ca.crt"),
    ("DELETE", PREFIX + "trust"),
])
def test_every_other_plain_request_is_still_redirected(https, method, path):
    response = plain(https, path, method=method)
    assert response.status == 301
    assert response.getheader("Location") == f"https://127.0.0.1:{https.port}{path}"
    assert response.getheader("Cache-Control") == "no-store"  # else kept for ever


def test_options_star_on_the_plain_port_is_a_client_error_without_location(https):
    response = plain(https, "*", method="OPTIONS")
    assert response.status == 400
    assert response.getheader("Location") is None
    assert b"OPTIONS *" in response.body


def test_plain_requests_are_recorded_like_any_other(https):
    plain(https, PREFIX + "trust")
    [record] = https.wait_for_records(1)
    assert (record.path, record.status, record.tls) == (PREFIX + "trust", 200, False)


def test_a_banned_address_gets_nothing(https):
    https.engine.ban("127.0.0.1")
    assert https.raw(b"GET /.well-known/pier/ca.crt HTTP/1.1\r\nHost: x\r\n\r\n") == b""


@pytest.mark.parametrize("name", ["ca.crt", "ca.pem", "ca.mobileconfig", "trust"])
def test_an_imported_certificate_offers_no_ca(server_factory, share, tmp_path, name):
    store = CertificateStore(tmp_path / "tls")
    store.ensure_server_certificate()  # Pier's CA exists, but the share uses the user's pair
    pair = write_pair(tmp_path / "mine")
    store.import_pair(pair.cert, pair.key)
    settings = tls_settings(store)
    assert settings.ca_pem is None
    running = server_factory(share, tls=settings)
    for response in (plain(running, PREFIX + name), over_tls(running, PREFIX + name)):
        assert response.status == 404
        assert "not come from Pier's certificate authority" in html.unescape(
            response.body.decode())
        assert pair.ca.read_bytes().split(b"\n")[1] not in response.body


def test_a_self_signed_certificate_offers_no_ca(server_factory, share, tmp_path):
    store = CertificateStore(tmp_path / "tls")
    store.generate(self_signed=True)
    running = server_factory(share, tls=tls_settings(store))
    assert plain(running, PREFIX + "ca.crt").status == 404
    assert plain(running, PREFIX + "trust").status == 404


def test_a_plain_share_has_no_trust_page(server):
    response, _ = server.get(PREFIX + "trust")
    assert response.status == 404

