"""HTTPS certificates for the window: CertificateStore operations run off the GUI thread."""

from __future__ import annotations

import asyncio
import hashlib
import re
import ssl
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from server.tls import CertificateInfo, CertificateStore, GenerationOptions

TRUST_PAGE_PATH = "/.well-known/pier/trust"  # server/routes_trust.py, also over plain HTTP
DER_SUFFIXES = frozenset((".der", ".cer"))


@dataclass(frozen=True, slots=True)
class CertificateOverview:
    server: CertificateInfo | None  # the certificate served (None before the first one)
    ca: CertificateInfo | None  # the CA clients trust (None for a self-signed leaf)
    source: str  # "generated" or "imported"
    options: GenerationOptions
    local_ca: CertificateInfo | None = None  # Pier's own CA, even while an imported pair is used

    @property
    def offers_ca(self) -> bool:
        """The share offers a CA to devices: Pier's own, limited to web servers, signed the
        certificate (an imported pair's CA is not offered, server/sharing.py; nor a CA an older
        Pier made, server/routes_trust.py)."""
        return self.ca is not None and self.local_ca is not None \
            and self.ca.sha256 == self.local_ca.sha256 and self.ca.restricted

    def serves(self, ca_pem: bytes | None) -> bool:
        """``ca_pem`` (what a running share hands out) is the CA this overview shows."""
        if self.ca is None or ca_pem is None:
            return False
        der = ssl.PEM_cert_to_DER_cert(ca_pem.decode("ascii"))
        return hashlib.sha256(der).hexdigest() == re.sub(r"[^0-9a-f]", "", self.ca.sha256.lower())

    @property
    def ca_needs_replacing(self) -> bool:
        """Pier's CA predates the restriction to web servers (see server/ca.py)."""
        return self.local_ca is not None and not self.local_ca.restricted


class Certificates:
    """Every call does file I/O or crypto, so each is a coroutine running in a worker thread.
    Errors are CertificateError (a PierError) with a sentence for the user; an encrypted key
    raises PassphraseRequired or WrongPassphrase."""

    def __init__(self, directory: Path,
                 changed: Callable[[], Awaitable[object]] | None = None) -> None:
        """``directory`` is the certificate store's folder (``PierPaths.tls_dir``);
        ``changed`` is awaited after each change of the certificate or CA, before the call
        returns (``ServerController.take_certificate``: a running share serves it at once)."""
        self._directory = directory
        self._changed = changed
        self._store: CertificateStore | None = None

    def _get_store(self) -> CertificateStore:
        if self._store is None:
            self._store = CertificateStore(self._directory)
        return self._store

    async def overview(self) -> CertificateOverview:
        return await asyncio.to_thread(self._overview)

    async def ensure(self) -> CertificateOverview:
        """Make the certificate if there is none yet (or re-issue a stale one)."""
        return await asyncio.to_thread(self._ensure)

    async def generate(self, *, extra_names: Sequence[str] = (), rsa: bool = False,
                       self_signed: bool = False, new_ca: bool = False) -> CertificateOverview:
        def work() -> CertificateOverview:
            self._get_store().generate(extra_names=extra_names, rsa=rsa,
                                       self_signed=self_signed, new_ca=new_ca)
            return self._overview()
        return await self._changing(work)

    async def import_pair(self, cert: Path, key: Path,
                          passphrase: bytes | None = None) -> CertificateOverview:
        def work() -> CertificateOverview:
            self._get_store().import_pair(cert, key, passphrase)
            return self._overview()
        return await self._changing(work)

    async def use_generated(self) -> CertificateOverview:
        def work() -> CertificateOverview:
            store = self._get_store()
            store.use_generated()
            store.ensure_server_certificate()
            return self._overview()
        return await self._changing(work)

    async def replace_ca(self) -> CertificateOverview:
        """A new local CA; the old one's key is destroyed. Devices must trust the new one."""
        def work() -> CertificateOverview:
            self._get_store().replace_ca()
            return self._overview()
        return await self._changing(work)

    async def export_ca(self, dest: Path) -> None:
        der = dest.suffix.lower() in DER_SUFFIXES
        await asyncio.to_thread(self._get_store().export_ca, dest, der=der)

    async def _changing(self, work: Callable[[], CertificateOverview]) -> CertificateOverview:
        """Run ``work`` (a change) in a worker thread, then tell ``changed``."""
        overview = await asyncio.to_thread(work)
        if self._changed is not None:
            await self._changed()
        return overview

    def _overview(self) -> CertificateOverview:
        store = self._get_store()
        return CertificateOverview(store.server_info(), store.ca_info(), store.active_source(),
                                   store.generation_options(), store.local_ca_info())

    def _ensure(self) -> CertificateOverview:
        self._get_store().ensure_server_certificate()
        return self._overview()


def trust_page_url(share_url: str) -> str:
    """The trust page of the running HTTPS share at ``share_url``, over plain HTTP on the same
    port (the share answers it there), so a phone opens it without a certificate warning."""
    parts = urlsplit(share_url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{TRUST_PAGE_PATH}"
