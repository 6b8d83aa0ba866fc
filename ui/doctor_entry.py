"""Where the connection doctor opens from: the "Phone can't connect?" button beside the share's
addresses (``phoneCantConnectButton``, ui/address_box.py) and the Help menu's item
(``connectionDoctorAction``). Owns the dialog (ui/doctor_dialog.py), feeds it the share's
requests from the record bridge, and refreshes it when the share starts or stops (after the
dialog's own "Let devices on my network in", which restarts the share)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from app.doctor import Doctor, Probes, ShareFacts
from app.doctor_dbus import DbusFirewalld
from app.i18n import translate
from app.loopback import is_loopback_url
from app.services import AppServices
from ui.address_box import AddressBox
from ui.doctor_dialog import DoctorDialog
from ui.widget_names import named


def share_facts(services: AppServices) -> ShareFacts | None:
    """The running share as the doctor needs it; None while not sharing."""
    controller = services.controller
    urls, port = controller.urls, controller.port
    if not urls or not port:
        return None
    return ShareFacts(port, urls, all(is_loopback_url(url) for url in urls))


class ConnectionDoctor:
    def __init__(self, window: QWidget, services: AppServices, address_box: AddressBox,
                 let_network_in: Callable[[], Any], doctor: Doctor | None = None) -> None:
        self._window = window
        self._services = services
        self._let_network_in = let_network_in
        self.doctor = doctor or Doctor(Probes(firewalld=DbusFirewalld))
        self.dialog: DoctorDialog | None = None
        self.action = named(QAction(translate("ConnectionDoctor", "&Phone can't connect?…"),
                                    window), "connectionDoctorAction")
        self.action.setStatusTip(translate("ConnectionDoctor", "Find out why a phone or another "
                                                               "computer cannot open the share"))
        self.action.triggered.connect(self.open)
        address_box.doctor_requested.connect(self.open)
        services.bridge.records_arrived.connect(self._on_records)
        services.controller.started.connect(lambda _urls: self._refresh())
        services.controller.stopped.connect(self._refresh)
        services.controller.reconfigured.connect(lambda *_: self._refresh())  # scope, port

    @classmethod
    def install(cls, window: Any, services: AppServices) -> ConnectionDoctor:
        """The doctor of a main window: its address box's button, its ``let_network_in``."""
        return cls(window, services, window.share_panel.address_box, window.let_network_in)

    def open(self) -> DoctorDialog:
        if self.dialog is None:
            self.dialog = DoctorDialog(self.doctor, lambda: share_facts(self._services),
                                       self._window)
            self.dialog.lan_requested.connect(self._let_network_in)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _on_records(self, records: list[Any]) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.observe(records)

    def _refresh(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()
