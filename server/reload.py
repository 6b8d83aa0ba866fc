"""Reload what a running share reads from Pier's files, without dropping a connection: the
accounts, the share links and the HTTPS certificate. ``pier serve`` calls it on SIGHUP
(server/cli.py); it is deliberately narrow: every other option needs a restart.

The accounts and links are re-read at once (the share also looks at both files about once a
second by itself; a reload makes a change certain *now*). The certificate is swapped for new
TLS handshakes only: a connection already encrypted keeps its session, and a keep-alive
connection of either kind stays open. Whatever cannot be read keeps what was in force before
and is reported as a problem, one sentence each.
"""

from __future__ import annotations

import hashlib
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from server.config import TlsSettings
from server.engine import ServerEngine
from server.errors import PierError


@dataclass(frozen=True, slots=True)
class Reloaded:
    """What a reload left in force. None: the share does not use that part."""

    accounts: int | None  # accounts that may log in
    links: int | None  # share links in the file, ended ones too
    certificate: str | None  # SHA-256 of the certificate served to new handshakes (hex)
    problems: tuple[str, ...] = ()  # what could not be reloaded, one sentence each

    def summary(self) -> str:
        parts = []
        if self.accounts is not None:
            parts.append(f"{self.accounts} account{'s' if self.accounts != 1 else ''}")
        if self.links is not None:
            parts.append(f"{self.links} link{'s' if self.links != 1 else ''}")
        if self.certificate is not None:
            parts.append(f"certificate sha256 {self.certificate}")
        return ", ".join(parts) or "nothing to reload"


def reload_sources(engine: ServerEngine,
                   certificate: Callable[[], TlsSettings] | None = None) -> Reloaded:
    """Re-read the running share's accounts and links now, and, for an HTTPS share, serve
    the pair ``certificate()`` returns (the CLI passes ``sharing.tls_settings`` of the
    store, so a renewed or re-imported certificate is picked up) to new handshakes."""
    problems: list[str] = []
    config = engine.config
    accounts = links = served = None
    if config is not None and config.auth is not None:
        store = config.auth.store
        try:
            store.load()
        except PierError as err:
            problems.append(f"{err} Keeping the accounts read before.")
        accounts = len(store.users())
    keeper = engine.links
    if keeper is not None:
        try:
            keeper.store.load()
        except PierError as err:
            problems.append(f"{err} Keeping the links read before.")
        links = len(keeper.store.list())
    if config is not None and config.tls is not None and certificate is not None:
        try:
            tls = certificate()
            engine.use_certificate(tls)
            served = _fingerprint(tls)
        except (PierError, OSError, ValueError) as err:
            problems.append(f"{err} Serving the certificate read before.")
    return Reloaded(accounts, links, served, tuple(problems))


def _fingerprint(tls: TlsSettings) -> str:
    """SHA-256 of the chain's first certificate (the server's own), as hex."""
    pem = tls.chain_path.read_text(encoding="ascii")
    end = pem.index(ssl.PEM_FOOTER) + len(ssl.PEM_FOOTER)
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem[:end])).hexdigest()
