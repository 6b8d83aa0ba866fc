"""Which settings of a running share can change in place and which need a new listener
(server/engine.py ``ServerEngine.reconfigure``).

The rules (login, visitors' rights, uploads, changes, permanent deletes, the largest upload,
hidden files, website mode, collect mode, other host names, the base path, the announcement)
change in place: the next request reads them. The address, port, HTTPS certificate, shared
folder, connection limits, trusted proxies and access log belong to the serve loop: a new one
takes over. Another links file (or links on or off) gets a new links keeper. What the engine
made at start for the whole share (the resumable uploads' folder, thumbnail settings) stays
until it stops.
"""

from __future__ import annotations

import os
from dataclasses import replace

from server.config import ServerConfig

# a change of any of these (or of the port) needs a new serve loop
# (trusted proxies: their connections are free of the per-address cap, which the loop keeps)
LOOP_FIELDS = ("host", "tls", "root", "limits", "access_log", "trusted_proxies")
WILDCARDS = ("0.0.0.0", "::")

TlsStamp = tuple[tuple[int, int, int], ...]


def keep_port(running_port: int, config: ServerConfig) -> ServerConfig:
    """"Any free port" (0) while sharing keeps the port the share has."""
    return replace(config, port=running_port) if config.port == 0 else config


def needs_new_loop(old: ServerConfig, old_port: int, new: ServerConfig,
                   old_stamp: TlsStamp) -> bool:
    """Whether ``new`` (validated, port kept) differs from ``old`` (listening on
    ``old_port``) in the serve loop's part, a certificate replaced on disk under the same
    file names included."""
    if new.port != old_port or any(getattr(old, f) != getattr(new, f) for f in LOOP_FIELDS):
        return True
    return tls_stamp(new) != old_stamp


def tls_stamp(config: ServerConfig) -> TlsStamp:
    """What identifies the certificate files' contents cheaply: inode, size, mtime."""
    if config.tls is None:
        return ()
    stamps = []
    for path in (config.tls.chain_path, config.tls.key_path):
        try:
            st = os.stat(path)
        except OSError:
            stamps.append((0, 0, 0))
        else:
            stamps.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(stamps)


def same_address(old_host: str, old_port: int, new: ServerConfig) -> bool:
    """Whether ``new``'s listener would clash with the running one's: the same port on the
    same address or where either listens on every address. The running listener must then
    go first (the system refuses a second one there); else the new one opens first."""
    if new.port != old_port:
        return False
    return old_host == new.host or old_host in WILDCARDS or new.host in WILDCARDS


def keep_login_state(old: ServerConfig, new: ServerConfig) -> ServerConfig:
    """The same accounts with the same realm: keep the running Authenticator's lock-outs,
    Digest nonces and verified logins (a copy that shares them, with the new visitors'
    right), so that changing a setting never lifts a lock-out or logs anyone out."""
    if old.auth is None or new.auth is None or new.auth is old.auth:
        return new
    if new.auth.store is not old.auth.store or new.auth.realm != old.auth.realm:
        return new
    return replace(new, auth=old.auth.with_anonymous_read(new.auth.anonymous_read))
