"""Issue 19 attack round, part 1: plain HTTP on the HTTPS port and the CA / trust routes
(server/routes_trust.py, server/targets.py, the handler's plain-HTTP path). Each test is a
finding that fails today; see the reason of its xfail."""

from __future__ import annotations

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


@pytest.mark.xfail(strict=True, reason=(
    "an absolute-form target with a malformed bracketed authority (http://[::1/, http://]/) "
    "makes urlsplit raise ValueError in RequestHandler._split_target: an unauthenticated 500 "
    "and a logged traceback per request, over plain HTTP and HTTPS alike; it should be a 400"))
@pytest.mark.parametrize("tls", [False, True])
@pytest.mark.parametrize("target", ["http://[::1/x", "http://[127.0.0.1/", "http://]/",
                                    "https://a]b" + PREFIX + "trust"])
def test_a_malformed_absolute_form_authority_is_a_client_error(
        server_factory, share: Path, tls: bool, target: str) -> None:
    running = https_share(server_factory, share)
    status, _, _ = fetch(running, target, tls=tls)
    assert 400 <= status < 500, (target, status)
    assert all(record.status < 500 for record in running.records)


@pytest.mark.xfail(strict=True, reason=(
    "OPTIONS * over plain HTTP on the HTTPS port is redirected to 'https://HOST:PORT*' "
    "(server/targets.py: split_target gives the path '*'): a malformed Location; it should "
    "be answered without a Location, or sent to https://HOST:PORT/"))
def test_options_star_on_the_plain_port_gets_no_malformed_location(
        server_factory, share: Path) -> None:
    running = https_share(server_factory, share)
    status, _, head = fetch(running, "*", tls=False, method="OPTIONS")
    location = re.search(rb"\r\nLocation: ([^\r\n]*)", head)
    assert location is None or location.group(1).startswith(
        f"https://127.0.0.1:{running.port}/".encode()), (status, location)


@pytest.mark.xfail(strict=True, reason=(
    "a share whose CA predates the restriction to web servers (ca_is_restricted() is False: "
    "it can sign code-signing and e-mail certificates) still hands that CA out over plain "
    "HTTP, with an iOS profile saying 'limited to web servers on your local network' and a "
    "trust page asking phones to trust it fully; an unrestricted CA should not be offered "
    "(404, as for an imported pair) until it is replaced"))
@pytest.mark.parametrize("name", ["ca.mobileconfig", "ca.crt", "trust"])
def test_an_unrestricted_legacy_ca_is_not_offered_to_new_devices(
        server_factory, share: Path, name: str) -> None:
    running = https_share(server_factory, share, legacy_ca=True)
    for tls in (False, True):
        status, body, _ = fetch(running, PREFIX + name, tls=tls)
        assert status == 404, (name, tls, status)
        assert b"limited to web servers" not in body
