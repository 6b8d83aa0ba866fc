"""Issue 19 attack round, part 1: plain HTTP on the HTTPS port and the CA / trust routes
(server/routes_trust.py, server/targets.py, the handler's plain-HTTP path). Each test was a
finding, fixed since: a malformed absolute-form authority was a 500, OPTIONS * got a malformed
Location, and a CA predating the restriction to web servers was handed out."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from server.paths import PierPaths
from server.sharing import tls_settings
from server.tls import CertificateStore
from tests.conftest import RunningServer
from tests.security.test_ca_restricted import make_legacy_ca
from tests.security.test_trust_routes import fetch

PREFIX = "/.well-known/pier/"


def https_share(server_factory, share: Path, *, legacy_ca: bool = False) -> RunningServer:
    paths = PierPaths.under(share / ".config" / "pier")
    if legacy_ca:  # a CA made before CAs were limited to web servers (no EKU, no e-mail/URI)
        make_legacy_ca(paths.tls_dir)
    store = CertificateStore(paths.tls_dir)
    store.ensure_server_certificate()
    return server_factory(share, tls=tls_settings(store), protected_paths=paths.protected)


@pytest.mark.parametrize("tls", [False, True])
@pytest.mark.parametrize("target", ["http://[::1/x", "http://[127.0.0.1/", "http://]/",
                                    "https://a]b" + PREFIX + "trust"])
def test_a_malformed_absolute_form_authority_is_a_client_error(
        server_factory, share: Path, tls: bool, target: str) -> None:
    running = https_share(server_factory, share)
    status, _, _ = fetch(running, target, tls=tls)
    assert 400 <= status < 500, (target, status)
    assert all(record.status < 500 for record in running.records)


def test_options_star_on_the_plain_port_gets_no_malformed_location(
        server_factory, share: Path) -> None:
    running = https_share(server_factory, share)
    status, _, head = fetch(running, "*", tls=False, method="OPTIONS")
    location = re.search(rb"\r\nLocation: ([^\r\n]*)", head)
    assert location is None or location.group(1).startswith(
        f"https://127.0.0.1:{running.port}/".encode()), (status, location)


@pytest.mark.parametrize("name", ["ca.mobileconfig", "ca.crt", "trust"])
def test_an_unrestricted_legacy_ca_is_not_offered_to_new_devices(
        server_factory, share: Path, name: str) -> None:
    running = https_share(server_factory, share, legacy_ca=True)
    for tls in (False, True):
        status, body, _ = fetch(running, PREFIX + name, tls=tls)
        assert status == 404, (name, tls, status)
        assert b"limited to web servers" not in body


def test_an_unrestricted_legacy_ca_says_to_replace_it_and_the_listing_offers_no_link(
        server_factory, share: Path) -> None:
    running = https_share(server_factory, share, legacy_ca=True)
    for tls in (False, True):
        status, body, _ = fetch(running, PREFIX + "ca.pem", tls=tls)
        assert status == 404
        assert "Replace it in Pier's Certificate dialog" in html.unescape(body.decode())
        assert b"BEGIN CERTIFICATE" not in body
    status, body, _ = fetch(running, "/", tls=True)
    assert status == 200 and b'id="trust-link"' not in body
    status, body, _ = fetch(running, "/?q=hello", tls=True)  # search results: same page
    assert status == 200 and b'id="trust-link"' not in body


def test_a_restricted_ca_is_still_offered_and_linked(server_factory, share: Path) -> None:
    running = https_share(server_factory, share)
    status, body, _ = fetch(running, PREFIX + "ca.pem", tls=False)
    assert status == 200 and body.count(b"BEGIN CERTIFICATE") == 1
    for target in ("/", "/?q=hello"):
        status, body, _ = fetch(running, target, tls=True)
        assert status == 200 and b'id="trust-link"' in body, target


@pytest.mark.parametrize("target", ["http://[::1/x", "http://]/"])
def test_a_malformed_authority_is_answered_with_a_short_reason(
        server_factory, share: Path, target: str) -> None:
    running = https_share(server_factory, share)
    status, body, _ = fetch(running, target, tls=True)
    assert status == 400 and b"request target is malformed" in body
    assert b"Traceback" not in body
