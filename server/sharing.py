"""The login and HTTPS parts of a share, built the same way for the CLI and the window."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from server.auth import Authenticator
from server.config import TlsSettings
from server.tls import CertificateStore
from server.users import UserStore


def tls_settings(store: CertificateStore) -> TlsSettings:
    """The active certificate pair (generated on first use, re-issued when stale) and the CA
    offered to clients: Pier's own CA when it signed the active certificate, none for an
    imported pair (even one with its own CA: not Pier's to hand out) or a self-signed one.
    Does crypto and file I/O: call it off the GUI thread."""
    chain, key = store.ensure_server_certificate()
    return TlsSettings(chain, key, piers_ca_pem(store))


def piers_ca_pem(store: CertificateStore) -> bytes | None:
    """The public certificate of Pier's CA, if the active certificate chains to it."""
    offered, own = store.ca_info(), store.local_ca_info()
    if offered is None or own is None or offered.sha256 != own.sha256:
        return None
    return store.ca_pem()


def authenticator_for(root: Path, store: UserStore, *, anonymous_read: bool) -> Authenticator:
    """An Authenticator over ``store`` whose realm names the shared folder."""
    return Authenticator(store, realm_for(root), anonymous_read=anonymous_read)


def realm_for(root: Path) -> str:
    """The login realm names the share. ASCII only: clients disagree on how to encode a
    non-ASCII realm in Digest's hash, and a mismatch would make every Digest login fail."""
    name = Path(os.path.realpath(Path(root).expanduser())).name
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = "".join(c for c in ascii_name if c.isprintable() and c not in '"\\')
    return f"Pier - {ascii_name.strip() or 'files'}"
