"""Pier's local CA for devices to trust: /.well-known/pier/ca.crt (DER), ca.pem, ca.mobileconfig
(an unsigned iOS profile, server/mobileconfig.py) and the trust page, /.well-known/pier/trust.

The CA certificate is public, so these need no login. They are answered over HTTPS and also
over plain HTTP on the HTTPS port (server/handler.py; every other plain request there is
redirected), so a phone that does not trust Pier yet opens them without a certificate warning.
Plain HTTP can be changed on the way, so the page shows no fingerprint: the user compares the
one the phone's settings show with the one Pier's window shows. The page is self-contained
(the stylesheet inline, allowed by its hash; no script), because its assets would be
redirected to HTTPS.

Everything served is made once from ``TlsSettings.ca_pem``, the public certificate the caller
passes in (server/sharing.py: Pier's own CA only); no file is read here and no key is ever in
reach. A share whose certificate is not from Pier's CA (imported, or self-signed) answers 404,
and so does one whose CA predates the restriction to web servers (``ca_is_restricted``): that
CA could vouch for e-mail or code signing, so no new device is asked to trust it until the user
replaces it (the window's Certificate dialog, or ``pier cert generate --new-ca``).
"""

from __future__ import annotations

import base64
import hashlib
import ssl
from functools import lru_cache

from cryptography import x509

from server import pages
from server.ca import ca_is_restricted
from server.call import Call
from server.config import ServerConfig, TlsSettings
from server.http11 import HttpError
from server.mobileconfig import CONTENT_TYPE as PROFILE_TYPE
from server.mobileconfig import ca_profile
from server.page_i18n import N_
from server.response import HTML, NOSNIFF, Response

PREFIX = "/.well-known/pier/"
CA_DER_PATH = PREFIX + "ca.crt"
CA_PEM_PATH = PREFIX + "ca.pem"
PROFILE_PATH = PREFIX + "ca.mobileconfig"
TRUST_PATH = PREFIX + "trust"
TRUST_PATHS = frozenset((CA_DER_PATH, CA_PEM_PATH, PROFILE_PATH, TRUST_PATH))
NO_PIER_CA = N_("This share's certificate does not come from Pier's certificate authority, so "
              "there is no CA here to install.")
UNRESTRICTED_CA = ("This share's certificate authority was made by an older Pier and could "
                   "vouch for e-mail and programs too, so it is not offered to new devices. "
                   "Replace it in Pier's Certificate dialog first.")
REVALIDATE = b"Cache-Control: no-cache\r\n"
READ_METHODS = ("GET", "HEAD")
NO_REFERRER = b"Referrer-Policy: no-referrer\r\n"


class TrustRoutes:
    """The four answers, made once; None from ``route`` for any other path."""

    def __init__(self, config: ServerConfig) -> None:
        tls = config.tls
        ca_pem = tls.ca_pem if tls is not None else None
        offered = ca_pem is not None and ca_offered(tls)
        self._answers = _answers(ca_pem, config.server_name) if ca_pem and offered else {}
        self._missing = UNRESTRICTED_CA if ca_pem and not offered else NO_PIER_CA

    @property
    def offered(self) -> bool:
        return bool(self._answers)

    def route(self, call: Call, *, close: bool = False) -> Response | None:
        """The answer for a trust path asked with GET or HEAD, else None. ``close``: plain
        HTTP on the HTTPS port, where nothing more is read after this answer."""
        if call.path not in TRUST_PATHS or call.request.method not in READ_METHODS:
            return None
        found = self._answers.get(call.path)
        if found is None:
            raise HttpError(404, self._missing, close=close)
        headers, body = found
        return Response(200, headers, body, close=close)


def ca_offered(tls: TlsSettings | None) -> bool:
    """The share hands its CA to devices: Pier's own, limited to web servers."""
    return tls is not None and tls.ca_pem is not None and _is_restricted(tls.ca_pem)


@lru_cache(maxsize=8)  # asked for every listing page: parse each CA once
def _is_restricted(ca_pem: bytes) -> bool:
    return ca_is_restricted(x509.load_pem_x509_certificate(ca_pem))


def _answers(ca_pem: bytes, server_name: str) -> dict[str, tuple[bytes, bytes]]:
    der = ssl.PEM_cert_to_DER_cert(ca_pem.decode("ascii"))
    return {
        CA_DER_PATH: (_download(b"application/x-x509-ca-cert", "ca.crt"), der),
        CA_PEM_PATH: (_download(b"application/x-pem-file", "ca.pem"), ca_pem),
        PROFILE_PATH: (_download(PROFILE_TYPE, "pier-ca.mobileconfig"), ca_profile(der)),
        TRUST_PATH: trust_page(server_name),
    }


def _download(content_type: bytes, name: str) -> bytes:
    return (b"Content-Type: " + content_type + b"\r\n" + NOSNIFF + REVALIDATE
            + b'Content-Disposition: attachment; filename="' + name.encode("ascii") + b'"\r\n')


def trust_page(server_name: str) -> tuple[bytes, bytes]:
    """(headers, body) of the trust page: Pier's stylesheet inline, allowed by its hash."""
    found = pages.asset("style.css")
    assert found is not None  # part of the package
    style = found[0].decode("utf-8")
    favicon = pages.asset("favicon.svg")
    assert favicon is not None
    icon = "data:image/svg+xml;base64," + base64.b64encode(favicon[0]).decode("ascii")
    body = pages.template("trust.html").substitute(
        style=style, favicon=icon, server_name=pages.display_text(server_name)).encode("utf-8")
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    csp = (f"Content-Security-Policy: default-src 'none'; style-src 'sha256-{digest}'; "
           "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'\r\n")
    headers = HTML + csp.encode("ascii") + NOSNIFF + REVALIDATE + NO_REFERRER
    return headers, body
