"""server/routes_well_known.py without sockets: Pier's own endpoints under /.well-known/pier/
(assets, the local CA's certificate, logging out, statistics), which paths need a login and
which are answered while the shared folder is gone."""

from __future__ import annotations

import json
import ssl
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography import x509

from server import pages
from server.config import ServerConfig
from server.http11 import HttpError
from server.response import Response
from server.routes_well_known import (
    WellKnownRoutes,
    is_own_page,
    needs_login,
)
from server.users import User
from tests.server.conftest import call_for, config_of, field

STATS = {"requests": 7, "name": "été"}


def ask(config: ServerConfig, path: str, *, user: User | None = None) -> Response | None:
    return WellKnownRoutes(config, lambda: dict(STATS)).route(call_for(config, "GET", path,
                                                                       user=user))


def refusal(config: ServerConfig, path: str, *, user: User | None = None) -> HttpError:
    with pytest.raises(HttpError) as caught:
        ask(config, path, user=user)
    assert not caught.value.close  # the connection stays usable
    return caught.value


@pytest.fixture
def plain(share: Path) -> ServerConfig:
    return config_of(share)


def test_assets_are_served_from_the_package(plain):
    response = ask(plain, "/.well-known/pier/assets/style.css")
    assert response is not None and response.status == 200
    assert response.body == pages.asset("style.css")[0] and len(response.body) > 100
    assert field(response.headers, "Content-Type") == "text/css; charset=utf-8"
    assert field(response.headers, "Cache-Control") == "no-cache"  # not the URL pages give
    versioned = ask(plain, pages.STYLESHEET_URL)
    assert versioned is not None and versioned.body == response.body
    assert field(versioned.headers, "Cache-Control") == "public, max-age=31536000, immutable"
    stale = ask(plain, "/.well-known/pier/assets/style.css?v=000000000000")  # an older page's
    assert stale is not None and field(stale.headers, "Cache-Control") == "no-cache"
    assert field(response.headers, "X-Content-Type-Options") == "nosniff"
    script = ask(plain, "/.well-known/pier/assets/app.js")
    assert script is not None and field(script.headers, "Content-Type").startswith(
        "text/javascript")


@pytest.mark.parametrize("name", ["nothing.css", "..%2Fpages.py", "../error.html", ".hidden",
                                  ""])
def test_unknown_assets_are_404(plain, name):
    assert refusal(plain, "/.well-known/pier/assets/" + name).status == 404


def test_other_paths_are_not_this_routes(plain):
    assert ask(plain, "/.well-known/pier/other") is None
    assert ask(plain, "/hello.txt") is None


def test_ca_certificate_as_pem_and_der(share, tls_settings):
    config = config_of(share, tls=tls_settings)
    pem = ask(config, "/.well-known/pier/ca.pem")
    assert pem is not None and pem.status == 200
    assert pem.body == tls_settings.ca_pem
    assert field(pem.headers, "Content-Type") == "application/x-pem-file"
    assert field(pem.headers, "Content-Disposition") == 'attachment; filename="ca.pem"'
    der = ask(config, "/.well-known/pier/ca.crt")
    assert der is not None and der.status == 200
    assert field(der.headers, "Content-Type") == "application/x-x509-ca-cert"
    assert field(der.headers, "Content-Disposition") == 'attachment; filename="ca.crt"'
    assert der.body == ssl.PEM_cert_to_DER_cert(tls_settings.ca_pem.decode())
    assert x509.load_der_x509_certificate(der.body).extensions.get_extension_for_class(
        x509.BasicConstraints).value.ca


def test_no_ca_to_offer_without_tls_or_without_a_local_ca(share, plain, tls_settings):
    for path in ("/.well-known/pier/ca.pem", "/.well-known/pier/ca.crt"):
        assert refusal(plain, path).status == 404
    own_certificate = config_of(share, tls=replace(tls_settings, ca_pem=None))
    assert refusal(own_certificate, "/.well-known/pier/ca.pem").status == 404


def test_logout_is_a_401_that_makes_browsers_forget_the_login(share, auth):
    response = ask(config_of(share, auth=auth), "/.well-known/pier/logout")
    assert response is not None and response.status == 401
    assert field(response.headers, "WWW-Authenticate") == \
        'Basic realm="Pier - share", charset="UTF-8"'
    assert field(response.headers, "Cache-Control") == "no-store"
    assert field(response.headers, "Content-Type") == "text/html; charset=utf-8"
    assert b"You are logged out" in response.body


def test_logout_without_logins_is_404(plain):
    assert refusal(plain, "/.well-known/pier/logout").status == 404


def test_statistics_are_for_admins_when_the_share_has_logins(share, auth):
    config = config_of(share, auth=auth)
    assert refusal(config, "/.well-known/pier/stats", user=User("guest")).status == 403
    assert refusal(config, "/.well-known/pier/stats").status == 403
    response = ask(config, "/.well-known/pier/stats", user=User("boss", admin=True))
    assert response is not None and response.status == 200
    assert json.loads(response.body) == STATS
    assert field(response.headers, "Content-Type") == "application/json; charset=utf-8"
    assert field(response.headers, "Cache-Control") == "no-store"


def test_statistics_are_open_on_a_share_without_logins(plain):
    response = ask(plain, "/.well-known/pier/stats")
    assert response is not None and json.loads(response.body) == STATS


@pytest.mark.parametrize(("path", "login", "own"), [
    ("/.well-known/pier/assets/style.css", False, True),
    ("/.well-known/pier/ca.pem", False, True),
    ("/.well-known/pier/ca.crt", False, True),
    ("/.well-known/pier/logout", False, True),
    ("/.well-known/pier/stats", True, True),
    ("/.well-known/pier/other", True, False),
    ("/hello.txt", True, False),
])
def test_which_paths_need_a_login_and_which_work_without_the_share(path, login, own):
    assert needs_login(path) is login
    assert is_own_page(path) is own
