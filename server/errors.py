"""Typed errors raised by the engine; the UI and the CLI turn them into clear messages."""

from __future__ import annotations


class PierError(Exception):
    """Base of every error the engine raises on purpose. ``str(err)`` is a user-facing sentence."""


class ConfigError(PierError):
    """A setting is out of range or inconsistent."""


class FolderError(PierError):
    """The shared folder is missing, not a folder, or unreadable."""


class BindError(PierError):
    """The listening socket could not be opened."""

    def __init__(self, message: str, host: str, port: int) -> None:
        super().__init__(message)
        self.host = host
        self.port = port


class PortInUseError(BindError):
    """Another program already listens on the address and port."""


class PortPermissionError(BindError):
    """The port needs privileges (below 1024 on most systems)."""


class AddressUnavailableError(BindError):
    """The host address does not belong to this machine."""


class EngineStateError(PierError):
    """start() while running, or a similar misuse."""


class CertificateError(PierError):
    """A certificate or key is missing, mismatched, expired, or unreadable."""


class UserStoreError(PierError):
    """The user store cannot be read or written (e.g. a corrupted file)."""


class LinkStoreError(PierError):
    """The share-links file cannot be read or written (e.g. a damaged file)."""


class InvalidLinkError(PierError):
    """A share link cannot be made as asked (no such file, a date in the past, a short PIN)."""


class UnknownLinkError(PierError):
    """No share link has that id or token."""
