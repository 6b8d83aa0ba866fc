"""Why sharing could not start, told to the user with what to do next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QSpinBox, QWidget

from app.controller import InvalidPortError, NoAccountsError
from server.errors import (
    CertificateError,
    FolderError,
    PierError,
    PortInUseError,
    PortPermissionError,
    UserStoreError,
)
from ui import dialogs


def report_start_failure(parent: QWidget, err: PierError, port_spin: QSpinBox,
                         start_again: Callable[[], Any], open_users: Callable[[], Any]) -> None:
    """One dialog for ``err``; some offer the fix (a free port, the Users dialog)."""
    if isinstance(err, InvalidPortError):
        dialogs.show_error(parent, "Invalid port", str(err))
        port_spin.setFocus()
        port_spin.selectAll()
    elif isinstance(err, PortInUseError | PortPermissionError):
        if offer_free_port(parent, err):
            port_spin.setValue(0)
            start_again()
    elif isinstance(err, FolderError):
        dialogs.show_error(parent, "Cannot share this folder", str(err))
    elif isinstance(err, NoAccountsError):
        if dialogs.ask_yes_no(parent, "No accounts yet",
                              f"{err}\n\nAdd an account now, then press Start again.",
                              yes_label="Open Users…"):
            open_users()
    elif isinstance(err, UserStoreError):
        dialogs.show_error(parent, "Problem with the accounts", str(err))
    elif isinstance(err, CertificateError):
        dialogs.show_error(parent, "HTTPS certificate problem",
                           f"{err}\n\nOpen Share ▸ HTTPS certificate… to make a new "
                           "certificate or import another one, or turn HTTPS off.")
    else:
        dialogs.show_error(parent, "Could not start sharing", str(err))


def offer_free_port(parent: QWidget, err: PortInUseError | PortPermissionError) -> bool:
    """True when the user takes a free port instead of the one asked for."""
    if isinstance(err, PortInUseError):
        title, why = "Port in use", f"{err}\n\nAnother program is using port {err.port}."
    else:
        title, why = "Port not allowed", (f"{err}\n\nPorts below 1024 need administrator "
                                          "rights on this system.")
    text = f"{why} Pier can pick a free port instead."
    return dialogs.ask_yes_no(parent, title, text, yes_label="Use a free port")
