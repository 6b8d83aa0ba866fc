"""Why sharing could not start, told to the user with what to do next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QSpinBox, QWidget

from app.controller import InvalidPortError, NoAccountsError
from app.i18n import translate
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
        dialogs.show_error(parent, translate("StartErrors", "Invalid port"), str(err))
        port_spin.setFocus()
        port_spin.selectAll()
    elif isinstance(err, PortInUseError | PortPermissionError):
        if offer_free_port(parent, err):
            port_spin.setValue(0)
            start_again()
    elif isinstance(err, FolderError):
        dialogs.show_error(parent, translate("StartErrors", "Cannot share this folder"), str(err))
    elif isinstance(err, NoAccountsError):
        text = translate("StartErrors", "{problem}\n\nAdd an account now, then press Start again.")
        if dialogs.ask_yes_no(parent, translate("StartErrors", "No accounts yet"),
                              text.format(problem=err),
                              yes_label=translate("StartErrors", "Open Users…")):
            open_users()
    elif isinstance(err, UserStoreError):
        dialogs.show_error(parent, translate("StartErrors", "Problem with the accounts"), str(err))
    elif isinstance(err, CertificateError):
        text = translate("StartErrors", "{problem}\n\nOpen Share ▸ HTTPS certificate… to make a "
                                        "new certificate or import another one, or turn HTTPS off.")
        dialogs.show_error(parent, translate("StartErrors", "HTTPS certificate problem"),
                           text.format(problem=err))
    else:
        dialogs.show_error(parent, translate("StartErrors", "Could not start sharing"), str(err))


def offer_free_port(parent: QWidget, err: PortInUseError | PortPermissionError) -> bool:
    """True when the user takes a free port instead of the one asked for."""
    if isinstance(err, PortInUseError):
        title = translate("StartErrors", "Port in use")
        text = translate("StartErrors", "{problem}\n\nAnother program is using port {port}. Pier "
                                        "can pick a free port "
                                        "instead.").format(problem=err, port=err.port)
    else:
        title = translate("StartErrors", "Port not allowed")
        text = translate("StartErrors", "{problem}\n\nPorts below 1024 need administrator rights "
                                        "on this system. Pier can pick a free port instead."
                         ).format(problem=err)
    return dialogs.ask_yes_no(parent, title, text,
                              yes_label=translate("StartErrors", "Use a free port"))
